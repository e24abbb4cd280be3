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
from typing import TYPE_CHECKING

from ._errors import NotFoundError, ParseError, RegulationError
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

if TYPE_CHECKING:
    from ._diff import (
        ArticleChange,
        CharEdit,
        ComparisonRow,
        HeaderChange,
        Heading,
        HeadingChange,
        Merge,
        ParagraphEdit,
        PatchError,
        RegulationDiff,
        Split,
    )

__version__ = "0.1.0"

__all__ = [
    "Appendix",
    "Article",
    "ArticleChange",
    "Chapter",
    "CharEdit",
    "ComparisonRow",
    "Division",
    "Event",
    "HeaderChange",
    "Heading",
    "HeadingChange",
    "Item",
    "Merge",
    "NotFoundError",
    "Paragraph",
    "ParagraphEdit",
    "ParseError",
    "ParseWarning",
    "Part",
    "PatchError",
    "Regulation",
    "RegulationDiff",
    "RegulationError",
    "Section",
    "Split",
    "SubItem",
    "Subpart",
    "Table",
    "__version__",
    "diff",
    "from_chinese",
    "load",
    "parse",
    "parse_file",
    "render",
    "to_chinese",
]

#: Public classes imported on first use (public name -> private module), so that
#: ``import wuxi_dt_regulation`` stays light.
_LAZY: dict[str, str] = {
    "ArticleChange": "._diff",
    "CharEdit": "._diff",
    "ComparisonRow": "._diff",
    "HeaderChange": "._diff",
    "Heading": "._diff",
    "HeadingChange": "._diff",
    "Merge": "._diff",
    "ParagraphEdit": "._diff",
    "PatchError": "._diff",
    "RegulationDiff": "._diff",
    "Split": "._diff",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


#: The bundled source's file name inside the package's ``data`` folder.
SEED_NAME = "000_ea8c2c68880bd9f7.txt"

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


def diff(old: Regulation, new: Regulation) -> RegulationDiff:
    """Compare two versions article by article; see :func:`wuxi_dt_regulation._diff_build.diff`.

    >>> reg = load()
    >>> d = diff(reg, reg)
    >>> bool(d), d.apply(reg) == reg
    (False, True)
    """
    from ._diff_build import diff as _diff

    return _diff(old, new)
