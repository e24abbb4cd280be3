"""《无锡市数字化转型促进条例》 as immutable typed objects, and a reader for Chinese regulations.

>>> import wuxi_dt_regulation as wdr
>>> reg = wdr.load()
>>> reg.title, len(reg.chapters), len(reg.articles)
('无锡市数字化转型促进条例', 7, 55)
>>> reg.article(35).label, len(reg.article("第三十五条").paragraphs)
('第三十五条', 4)
"""

from __future__ import annotations

import _thread
import os
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
    from pathlib import Path

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
    "SubItem",
    "Subpart",
    "Table",
    "__version__",
    "from_chinese",
    "load",
    "parse",
    "parse_file",
    "render",
    "seed_text",
    "to_chinese",
]

#: The bundled source's file name inside the package's ``data`` folder.
SEED_NAME = "000_ea8c2c68880bd9f7.txt"

_lock = _thread.allocate_lock()  # threading itself is not needed for one lock
_loaded: list[Regulation] = []


def parse(text: str, *, source: str = "<string>", strict: bool = False) -> Regulation:
    """Parse a regulation written in either Markdown dialect (FORMAT.md).

    Lines are classified by their text, never by their ``#`` depth.  Every non-blank line lands in
    exactly one place of the model; what looks odd (a skipped number, a table of contents left in
    the body, text outside any article) becomes a :class:`ParseWarning` with its position.

    Args:
        text: the source.  A leading BOM is ignored; line ends may be LF or CRLF.
        source: a name for the source, used in error messages (``source:line:col: …``).
        strict: raise the first oddity (by position) as a :class:`ParseError` instead.

    Raises:
        ParseError: the text is not a regulation (empty, no ``# …`` title line, binary data or
            control characters), or, when *strict*, the first oddity.

    >>> reg = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n第三条 本条例自公布之日起施行。")
    >>> [a.label for a in reg.articles]
    ['第一条', '第三条']
    >>> [(w.line, w.code) for w in reg.warnings]
    [(5, 'skipped-number')]
    """
    from ._parser import parse as _parse

    return _parse(text, source=source, strict=strict)


def parse_file(path: str | Path, *, strict: bool = False) -> Regulation:
    """Parse the UTF-8 file at *path* (a BOM is tolerated); see :func:`parse`.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "示例.md")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n")
    ...     parse_file(path).article(1).label
    '第一条'

    Raises:
        ParseError: the file is not UTF-8 (the position of the first bad byte is given), or not
            a regulation.
        OSError: the file cannot be read.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        start = before.rfind(b"\n") + 1
        end = data.find(b"\n", err.start)
        raise ParseError(
            f"expected UTF-8 text, found the byte 0x{data[err.start]:02X}",
            line=before.count(b"\n") + 1,
            column=len(data[start : err.start].decode("utf-8", "replace")) + 1,
            text=data[start : end if end >= 0 else len(data)].decode("utf-8", "replace"),
            source=str(path),
        ) from None
    return parse(text, source=str(path), strict=strict)


def render(regulation: Regulation) -> str:
    """Write *regulation* as canonical Markdown in the seed's dialect.

    The inverse of :func:`parse`: ``parse(render(r)) == r`` for every regulation, and
    ``render(load())`` is the bundled source byte for byte.  Headings print their depth by rank
    (编 ``##``, 分编 ``###``, 章 ``####``, 节 ``#####``, 条 ``######``), blocks are separated by one
    blank line, and the text ends with a newline.

    >>> print(render(parse("# 示例条例\\n\\n## 第一章  总则\\n\\n第一条 为了示例。")), end="")
    # 示例条例
    <BLANKLINE>
    <!-- INFO END -->
    <BLANKLINE>
    #### 第一章 总则
    <BLANKLINE>
    ###### 第一条
    <BLANKLINE>
    为了示例。
    """
    from ._render import render as _render

    return _render(regulation)


def seed_text() -> str:
    """The bundled source of 《无锡市数字化转型促进条例》, exactly as shipped (Markdown, UTF-8).

    >>> seed_text().splitlines()[0]
    '# 无锡市数字化转型促进条例'
    """
    # A plain open() beside this file: importlib.resources costs milliseconds at a cold start.
    path = os.path.join(os.path.dirname(__file__), "data", SEED_NAME)
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    from importlib.resources import files  # pragma: no cover - zipped installs

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
