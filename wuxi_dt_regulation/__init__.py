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
from typing import TYPE_CHECKING, Any, TypeVar, overload

from ._errors import (
    CitationError,
    NotFoundError,
    ParseError,
    RegulationError,
    SerializationError,
)
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

    from ._citation import Citable, Citation, CitationList, CitationRange
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
    from ._references import CitationMatch, Reference
    from ._search import SearchHit

__version__ = "0.1.0"

__all__ = [
    "Appendix",
    "Article",
    "ArticleChange",
    "Chapter",
    "CharEdit",
    "Citation",
    "CitationError",
    "CitationList",
    "CitationMatch",
    "CitationRange",
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
    "Reference",
    "Regulation",
    "RegulationDiff",
    "RegulationError",
    "SearchHit",
    "Section",
    "SerializationError",
    "Split",
    "SubItem",
    "Subpart",
    "Table",
    "__version__",
    "diff",
    "eid_for",
    "find_citations",
    "format_citation",
    "format_gbt7714",
    "from_akn",
    "from_chinese",
    "from_dict",
    "from_json",
    "load",
    "parse",
    "parse_citation",
    "parse_citations",
    "parse_file",
    "render",
    "seed_text",
    "to_akn",
    "to_chinese",
    "to_dict",
    "to_json",
]

#: Public classes imported on first access (keeps ``import wuxi_dt_regulation`` light).
_LAZY: dict[str, str] = {
    "Citation": "._citation",
    "CitationList": "._citation",
    "CitationRange": "._citation",
    "CitationMatch": "._references",
    "Reference": "._references",
    "SearchHit": "._search",
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

_T = TypeVar("_T")

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


def format_citation(
    citation: Citable, style: str = "statute", *, regulation: Regulation | None = None
) -> str:
    """Write a citation in a style; see :func:`wuxi_dt_regulation._citation.format_citation`.

    >>> format_citation(parse_citation("第35条第2款第(3)项"), "en-compact")
    'Art. 35(2)(3)'
    """
    from ._citation_format import format_citation as _format

    return _format(citation, style, regulation=regulation)


def parse_citation(text: str, *, regulation: Regulation | None = None) -> Citation:
    """Read one citation in any style; see :func:`wuxi_dt_regulation._references.parse_citation`.

    >>> parse_citation("本条例第三十五条第二款")
    Citation(article=35, paragraph=2)
    """
    from ._citation_grammar import parse_citation as _parse

    return _parse(text, regulation=regulation)


def parse_citations(text: str, *, regulation: Regulation | None = None) -> CitationList:
    """Read a citation, range or list; see :func:`wuxi_dt_regulation._references.parse_citations`.

    >>> [str(c) for c in parse_citations("第一条至第三条、第五条").expand()]
    ['第一条', '第二条', '第三条', '第五条']
    """
    from ._citation_grammar import parse_citations as _parse

    return _parse(text, regulation=regulation)


def find_citations(
    text: str, *, regulation: Regulation | None = None, at: Citation | None = None
) -> tuple[CitationMatch, ...]:
    """Find citations in free text; see :func:`wuxi_dt_regulation._references.find_citations`.

    >>> [m.text for m in find_citations("依照《中华人民共和国数据安全法》第二十一条和本条例第九条")]
    ['《中华人民共和国数据安全法》第二十一条', '本条例第九条']
    """
    from ._references import find_citations as _find

    return _find(text, regulation=regulation, at=at)


def eid_for(citation: Citation) -> str:
    """The Akoma Ntoso eId of a unit; see :func:`wuxi_dt_regulation._citation.eid_for`.

    >>> eid_for(parse_citation("第一百二十条之一第二款"))
    'art_120-1__para_2'
    """
    from ._citation_format import eid_for as _eid_for

    return _eid_for(citation)


def format_gbt7714(regulation: Regulation | None = None) -> str:
    """The GB/T 7714 reference entry for a regulation (default: the bundled one).

    >>> format_gbt7714()
    '无锡市人民代表大会常务委员会. 无锡市数字化转型促进条例[A]. 2023-06-08.'
    """
    from ._citation_format import format_gbt7714 as _format

    return _format(regulation if regulation is not None else load())


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
    """Write *regulation* as an Akoma Ntoso 3.0 document (see the Akoma Ntoso page of the docs).

    >>> 'eId="chp_5__art_35__para_2"' in to_akn(load())
    True
    """
    from ._akn_write import to_akn as _to_akn

    return _to_akn(regulation)


def from_akn(xml: str | bytes) -> Regulation:
    """Read an Akoma Ntoso document written by :func:`to_akn`; DTDs and entities are refused.

    >>> from_akn(to_akn(load())) == load()
    True
    """
    from ._akn_read import from_akn as _from_akn

    return _from_akn(xml)


def diff(old: Regulation, new: Regulation) -> RegulationDiff:
    """Compare two versions article by article; see :func:`wuxi_dt_regulation._diff_build.diff`.

    >>> reg = load()
    >>> d = diff(reg, reg)
    >>> bool(d), d.apply(reg) == reg
    (False, True)
    """
    from ._diff_build import diff as _diff

    return _diff(old, new)
