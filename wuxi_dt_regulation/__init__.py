"""《无锡市数字化转型促进条例》 as immutable typed objects, and a reader for Chinese regulations.

>>> import wuxi_dt_regulation as wdr
>>> reg = wdr.load()
>>> reg.title, len(reg.chapters), len(reg.articles)
('无锡市数字化转型促进条例', 7, 55)
>>> reg.article(35).label, len(reg.article("第三十五条").paragraphs)
('第三十五条', 4)
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, TypeVar, overload

from ._errors import NotFoundError, ParseError, RegulationError, SerializationError
from ._model import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    ParseWarning,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
)
from ._numerals import from_chinese, to_chinese

__version__ = "0.1.0"

__all__ = [
    "Appendix",
    "Article",
    "Chapter",
    "Division",
    "Event",
    "Item",
    "NotFoundError",
    "Paragraph",
    "ParseError",
    "ParseWarning",
    "Part",
    "Regulation",
    "RegulationError",
    "Section",
    "SerializationError",
    "SubItem",
    "Subpart",
    "Table",
    "__version__",
    "from_akn",
    "from_chinese",
    "from_dict",
    "from_json",
    "load",
    "parse",
    "parse_file",
    "render",
    "to_akn",
    "to_chinese",
    "to_dict",
    "to_json",
]

#: The bundled source's file name inside the package's ``data`` folder.
SEED_NAME = "000_ea8c2c68880bd9f7.txt"

_T = TypeVar("_T")

_lock = threading.Lock()
_loaded: list[Regulation] = []


def parse(text: str, *, source: str = "<string>", strict: bool = False) -> Regulation:
    """Parse a regulation from Markdown text; see :func:`wuxi_dt_regulation._parser.parse`.

    >>> parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。").article(1).text
    '为了示例，制定本条例。'
    """
    from ._parser import parse as _parse

    return _parse(text, source=source, strict=strict)


def parse_file(path: str | Path, *, strict: bool = False) -> Regulation:
    """Parse the UTF-8 file at *path* (a BOM is tolerated).

    Raises:
        ParseError: the file is not UTF-8 (the position of the first bad byte is given), or not
            a regulation.
        OSError: the file cannot be read.
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        offset = err.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        before = data[: err.start]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        column = len(data[start : err.start].decode("utf-8", "replace")) + 1
        end = data.find(b"\n", err.start)
        shown = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
        del offset
        raise ParseError(
            f"expected UTF-8 text, found the byte 0x{data[err.start]:02X}",
            line=line,
            column=column,
            text=shown,
            source=str(path),
        ) from None
    return parse(text, source=str(path), strict=strict)


def render(regulation: Regulation) -> str:
    """Write *regulation* as canonical Markdown; see :func:`wuxi_dt_regulation._render.render`."""
    from ._render import render as _render

    return _render(regulation)


def seed_text() -> str:
    """The bundled source of 《无锡市数字化转型促进条例》, exactly as shipped."""
    from importlib.resources import files

    return files(__name__).joinpath("data").joinpath(SEED_NAME).read_text(encoding="utf-8")


def load() -> Regulation:
    """Return the bundled 《无锡市数字化转型促进条例》, parsed once and cached (thread-safe).

    >>> load() is load()
    True
    """
    if _loaded:
        return _loaded[0]
    with _lock:
        if not _loaded:
            _loaded.append(parse(seed_text(), source=SEED_NAME, strict=True))
    return _loaded[0]


# --------------------------------------------------------------------------- interchange


def to_dict(obj: object) -> dict[str, Any]:
    """Return a model value as plain JSON data; see :func:`wuxi_dt_regulation._serialize.to_dict`.

    >>> to_dict(load())["body"][0]["type"], to_dict(load())["schema"]
    ('chapter', 1)
    """
    from ._serialize import to_dict as _to_dict

    return _to_dict(obj)


@overload
def from_dict(data: object) -> Regulation: ...
@overload
def from_dict(data: object, cls: type[_T]) -> _T: ...
def from_dict(data: object, cls: type[Any] = Regulation) -> Any:
    """Build a model value from :func:`to_dict` data; raise :class:`SerializationError` if bad.

    >>> from_dict(to_dict(load())) == load()
    True
    """
    from ._serialize import from_dict as _from_dict

    return _from_dict(data, cls)


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Return a model value as a JSON document; see :func:`wuxi_dt_regulation._serialize.to_json`.

    >>> to_json(load()).splitlines()[1]
    '  "schema": 1,'
    """
    from ._serialize import to_json as _to_json

    return _to_json(obj, indent=indent)


@overload
def from_json(text: str | bytes) -> Regulation: ...
@overload
def from_json(text: str | bytes, cls: type[_T]) -> _T: ...
def from_json(text: str | bytes, cls: type[Any] = Regulation) -> Any:
    """Read a JSON document written by :func:`to_json`; raise :class:`SerializationError` if bad.

    >>> from_json(to_json(load())) == load()
    True
    """
    from ._serialize import from_json as _from_json

    return _from_json(text, cls)


def to_akn(regulation: Regulation) -> str:
    """Write *regulation* as an Akoma Ntoso 3.0 document; see :mod:`wuxi_dt_regulation._akn`.

    >>> 'eId="chp_5__art_35__para_2"' in to_akn(load())
    True
    """
    from ._akn import to_akn as _to_akn

    return _to_akn(regulation)


def from_akn(xml: str | bytes) -> Regulation:
    """Read an Akoma Ntoso document written by :func:`to_akn`; DTDs and entities are refused.

    >>> from_akn(to_akn(load())) == load()
    True
    """
    from ._akn import from_akn as _from_akn

    return _from_akn(xml)
