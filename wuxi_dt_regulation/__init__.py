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
    Section,
    SubItem,
    Subpart,
    Table,
)
from ._numerals import from_chinese, to_chinese
from ._regulation import Regulation

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
    from ._parser import parse_file as _parse_file

    return _parse_file(path, strict=strict)


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
    """Write a citation, a range or a list as text in one of eight styles.

    Without a *regulation*, exactly what the citation holds is written.  With one, a missing
    title is the regulation's, and the single-款 rule applies: a 项 in an article with one 款 is
    cited without 第一款.  Ranges and lists write the instrument once and leave out the levels an
    element shares with the one before (``第三十五条第一款和第二款``); ``en-compact`` writes every
    element in full.  Every style reads back with :func:`parse_citation` /
    :func:`parse_citations`.

    Args:
        citation: a :class:`Citation`, :class:`CitationRange` or :class:`CitationList`.
        style: ``statute`` (第三十五条第二款第三项), ``full`` (with 《title》), ``internal``
            (本条例第…), ``court`` (第（三）项), ``academic`` (Arabic numbers), ``en``
            (Article 35, Paragraph 2, Item (3)), ``en-compact`` (Art. 35(2)(3)) or ``eid``
            (art_35__para_2__point_3, single units only).
        regulation: the regulation cited, for its title and its articles' 款 counts.

    Returns:
        The citation as text.

    Raises:
        CitationError: the style is unknown; the style needs something the citation lacks (a
            title for ``full``, ``court`` and ``academic``, the 款 for ``eid``); or it cannot
            write it (an ``eid`` for a range or list, a list whose elements would read back
            differently, such as ``第一编和第一章`` for 编一 and a 章 of no 编).
        TypeError: *citation* is not a Citation, CitationRange or CitationList.

    >>> format_citation(parse_citation("第35条第2款第(3)项"), "en-compact")
    'Art. 35(2)(3)'
    >>> format_citation(parse_citations("第三十五条第一款、第二款"))
    '第三十五条第一款和第二款'
    >>> from wuxi_dt_regulation import Citation
    >>> format_citation(Citation(article=35), "full", regulation=load())
    '《无锡市数字化转型促进条例》第三十五条'
    >>> format_citation(Citation(article=10, paragraph=1, item=2), regulation=load())
    '第十条第二项'
    """
    from ._citation_format import format_citation as _format

    return _format(citation, style, regulation=regulation)


def parse_citation(text: str, *, regulation: Regulation | None = None) -> Citation:
    """Read exactly one citation, in any style :func:`format_citation` writes.

    Chinese or Arabic numbers, spaces between the parts, ``第(三)项`` as well as ``第（三）项``,
    a 《title》 or 本条例 before it, the English styles and an eId (``art_120-1__para_2``) are
    all read.  The whole text must be the citation.

    Args:
        text: the citation, such as ``第三十五条第二款第（三）项``, ``第35条``, ``Art. 35(2)(3)``.
        regulation: the regulation cited.  With it, its own title reads as ``title=None``, a 项
            under an article with one 款 gets ``paragraph=1`` back, and 本条例 (本法, 本规定 …)
            must be the regulation's own word.

    Returns:
        The :class:`Citation`.

    Raises:
        CitationError: the text is not one citation: garbage, half a citation, a number
            outside 1 … 9999, a relative form such as 前款 (use :func:`find_citations`), or a
            range or a list (use :func:`parse_citations`).  The column says where reading
            stopped.
        TypeError: *text* is not a str.

    >>> parse_citation("本条例第三十五条第二款")
    Citation(article=35, paragraph=2)
    >>> parse_citation("Art. 120-1(2)")
    Citation(article=120, suffix=1, paragraph=2)
    >>> parse_citation("第三十五")
    Traceback (most recent call last):
    ...
    wuxi_dt_regulation._errors.CitationError: column 5: expected a unit (编 章 节 条 款 项 目) after '第三十五', found the end of the text
        第三十五
                ^
    """
    from ._citation_grammar import parse_citation as _parse

    return _parse(text, regulation=regulation)


def parse_citations(text: str, *, regulation: Regulation | None = None) -> CitationList:
    """Read one citation, a range or a list, in any style :func:`format_citation` writes.

    Ranges are joined by 至 (到, ``to``), list elements by 、 和 及 以及 或者 或 (``,``,
    ``and``).  An element that starts lower than the one before takes the levels above from
    it: in ``第三十五条第一款、第二款`` the second element is 第三十五条第二款.

    Args:
        text: the citations, such as ``本条例第三十五条第一款、第二款和第三十六条至第三十八条``.
        regulation: the regulation cited; as for :func:`parse_citation`.

    Returns:
        A :class:`CitationList` (a single citation is a list of one), ranges kept as
        :class:`CitationRange`.

    Raises:
        CitationError: the text is not a citation, a range or a list; the column says where
            reading stopped.
        TypeError: *text* is not a str.

    >>> [str(c) for c in parse_citations("第一条至第三条、第五条").expand()]
    ['第一条', '第二条', '第三条', '第五条']
    >>> parse_citations("第三十五条第一款、第二款").items
    (Citation(article=35, paragraph=1), Citation(article=35, paragraph=2))
    """
    from ._citation_grammar import parse_citations as _parse

    return _parse(text, regulation=regulation)


def find_citations(
    text: str, *, regulation: Regulation | None = None, at: Citation | None = None
) -> tuple[CitationMatch, ...]:
    """Find every citation in free text, leniently, with its span in the text.

    What does not read as a citation is skipped, never raised.  Each match says what kind of
    citation it is (``absolute``, ``internal``, ``relative``, ``external`` or ``unresolvable``
    for law cited without a pinpoint, such as 有关法律、法规) and the absolute citations it
    points to, ranges expanded.

    Args:
        text: the text to search.
        regulation: the regulation the text belongs to.  With it, 本章 and 前条 resolve through
            it, its own title counts as internal, ranges expand to the units that exist, and a
            项 of an article with one 款 gets ``paragraph=1``.
        at: the citation of the place the text stands (the 款 or 项 it is part of); relative
            forms (本条, 前款, 第二款 alone) resolve against it, and are left unresolved without
            it.

    Returns:
        The matches (:class:`CitationMatch`), in the order they stand in *text*.

    Raises:
        TypeError: *text* is not a str.

    >>> [m.text for m in find_citations("依照《中华人民共和国数据安全法》第二十一条和本条例第九条")]
    ['《中华人民共和国数据安全法》第二十一条', '本条例第九条']
    >>> from wuxi_dt_regulation import Citation
    >>> [(m.text, m.kind, [str(c) for c in m.citations]) for m in find_citations(
    ...     "违反本法第十条、第十一条规定，或者前款规定的", at=Citation(article=12, paragraph=2))]
    [('本法第十条、第十一条', 'internal', ['第十条', '第十一条']), ('前款', 'relative', ['第十二条第一款'])]
    """
    from ._references import find_citations as _find

    return _find(text, regulation=regulation, at=at)


def eid_for(citation: Citation) -> str:
    """Return the citation's eId form, in the Akoma Ntoso naming convention 3.0.

    ASCII, ``__`` between levels, each level ``name_number``: ``part``, ``chp``, ``sec`` for
    headings (a section under its chapter, a chapter under its part only where chapters restart
    in each 编, as the citation says), ``art`` (之N as ``-N``), ``para`` (by position, always
    written), ``point`` for 项 and again ``point`` for 目 inside it.  The title is not part of an
    eId.  This is the article-rooted form (``art_35__para_2``); the document :func:`to_akn`
    writes prefixes each eId with its container path (``chp_5__art_35__para_2``).
    :func:`parse_citation` reads both back.

    Args:
        citation: the :class:`Citation` of one unit.

    Returns:
        The eId, such as ``art_35__para_2__point_3``.

    Raises:
        CitationError: the citation names a whole instrument, or a 项 without its 款 (format
            it with ``format_citation(c, "eid", regulation=…)`` to have the 款 filled in).

    >>> eid_for(parse_citation("第一百二十条之一第二款"))
    'art_120-1__para_2'
    >>> eid_for(parse_citation("第三章第一节")), eid_for(parse_citation("第三十五条第二款第三项"))
    ('chp_3__sec_1', 'art_35__para_2__point_3')
    """
    from ._citation_format import eid_for as _eid_for

    return _eid_for(citation)


def format_gbt7714(regulation: Regulation | None = None) -> str:
    """Return the GB/T 7714—2015 reference entry for a whole regulation.

    The entry reads ``author. title[A]. date.``: GB/T 7714 has no type for legislation, and
    archive ``[A]`` is the standard's own choice for government documents.  The author is the
    body that adopted the text (its first 通过 event, session and meeting numbers dropped; else
    the first event with a body); the date is the last 公布 event's, else the adoption date.
    What the header does not print is left out.  The bundled regulation's header has no 公布
    line; its promulgation (2023-06-08, by the standing committee) is known to the library.

    Args:
        regulation: the regulation; the bundled one (:func:`load`) when None.

    Returns:
        The entry.

    >>> format_gbt7714()
    '无锡市人民代表大会常务委员会. 无锡市数字化转型促进条例[A]. 2023-06-08.'
    >>> format_gbt7714(parse("# 甲市乙条例\\n\\n- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过"
    ...                      "\\n\\n<!-- INFO END -->\\n\\n第一条 甲。"))
    '甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-01-02.'
    >>> format_gbt7714(parse("# 甲规定\\n\\n第一条 甲。"))
    '甲规定[A].'
    """
    from ._citation_format import format_gbt7714 as _format

    return _format(regulation if regulation is not None else load())


# --------------------------------------------------------------------------- interchange


def to_dict(obj: object) -> dict[str, Any]:
    """Return a model value as plain JSON data (dicts, lists, strs, ints, bools).

    The result is a document of the JSON format described on the JSON page of the docs: its
    first key is ``"schema"``, followed by the value's fields in declaration order.  A field
    equal to its default is left out; where a field may hold one of several classes (a
    regulation's ``body``, the ``children`` of a container) each element starts with a
    ``"type"`` tag.  Derived values (labels, an event's date) and parse warnings are not
    written.  :func:`from_dict` reads the result back.

    Args:
        obj: a value of one of the library's attrs classes (a :class:`Regulation`, an
            :class:`Article`, an :class:`Event` …).

    Returns:
        A new dict, ready for ``json.dumps``.

    Raises:
        TypeError: *obj* is not a model value.

    >>> to_dict(load())["body"][0]["type"], to_dict(load())["schema"]
    ('chapter', 1)
    >>> to_dict(Article(35, paragraphs=(Paragraph(1, "正文。"),)))
    {'schema': 1, 'number': 35, 'paragraphs': [{'number': 1, 'text': '正文。'}]}
    """
    from ._serialize import to_dict as _to_dict

    return _to_dict(obj)


@overload
def from_dict(data: object) -> Regulation: ...
@overload
def from_dict(data: object, cls: type[_T]) -> _T: ...
def from_dict(data: object, cls: type[Any] = Regulation) -> Any:
    """Build a model value from the plain data :func:`to_dict` returns.

    Reading is strict: an int must be a JSON integer (not ``true``, not ``"3"``), a string a
    string, a list a list; unknown keys are refused, and the model's own checks apply.
    ``from_dict(to_dict(x), type(x)) == x``.

    Args:
        data: a document, a dict whose ``"schema"`` this version reads.
        cls: the class to build; :class:`Regulation` by default.

    Returns:
        The value, a *cls*.

    Raises:
        SerializationError: *data* is not a document of *cls*; its ``path`` is the JSON path of
            the first problem (``$.body[2].children[0].number``) and its ``errors`` list every
            problem with its path.

    >>> from_dict(to_dict(load())) == load()
    True
    >>> from_dict({"schema": 1, "number": 120, "suffix": 1}, Article).label
    '第一百二十条之一'
    >>> try:
    ...     from_dict({"schema": 1, "number": "3"}, Article)
    ... except SerializationError as err:
    ...     print(err.path)
    $.number
    """
    from ._serialize import from_dict as _from_dict

    return _from_dict(data, cls)


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Return a model value as a JSON document: :func:`to_dict`'s data, written out.

    Chinese is written as it is (not ``\\u`` escaped), keys keep the order of the fields, and
    the text ends with a newline.

    Args:
        obj: a value of one of the library's attrs classes, as for :func:`to_dict`.
        indent: spaces per level; None writes the document on one line.

    Returns:
        The JSON text.

    Raises:
        TypeError: *obj* is not a model value.

    >>> to_json(load()).splitlines()[1]
    '  "schema": 1,'
    >>> print(to_json(Event("2023年4月26日通过"), indent=None), end="")
    {"schema": 1, "text": "2023年4月26日通过"}
    """
    from ._serialize import to_json as _to_json

    return _to_json(obj, indent=indent)


@overload
def from_json(text: str | bytes) -> Regulation: ...
@overload
def from_json(text: str | bytes, cls: type[_T]) -> _T: ...
def from_json(text: str | bytes, cls: type[Any] = Regulation) -> Any:
    """Read a model value from a JSON document written by :func:`to_json`.

    The document is read as strictly as by :func:`from_dict`.  ``from_json(to_json(r)) == r``.

    Args:
        text: the JSON text; bytes must be UTF-8 (a BOM is tolerated).
        cls: the class to build; :class:`Regulation` by default.

    Returns:
        The value, a *cls*.

    Raises:
        SerializationError: the bytes are not UTF-8, the text is not JSON (the line and column
            are given) or is nested too deeply, or it is not a document of *cls* (the JSON path
            of each problem is given).

    >>> from_json(to_json(load())) == load()
    True
    >>> from_json('{"schema": 1, "title": "示例条例"}').title
    '示例条例'
    >>> try:
    ...     from_json('{"schema": 1,')
    ... except SerializationError as err:
    ...     print(err.line, err.column)
    1 14
    """
    from ._serialize import from_json as _from_json

    return _from_json(text, cls)


def to_akn(regulation: Regulation) -> str:
    """Write a regulation as an Akoma Ntoso 3.0 (OASIS LegalDocML) ``<act>`` document.

    The document validates against the official ``akomantoso30.xsd``.  ``<meta>`` holds the FRBR
    work, expression and manifestation, a lifecycle from the dated history lines and the
    organizations and events they name; the preface holds the title, subtitles, history lines
    and a table of contents left in the source; the body holds the structure (``chapter``,
    ``article``, ``paragraph``, ``list`` / ``point`` …) with the numbering as printed in
    ``<num>`` and unique eIds in the naming convention :func:`eid_for` follows, each with its
    container path (``chp_5__art_35__para_2``); appendices are attachments.  The few facts Akoma Ntoso has no
    place for (a division's heading depth, a forced paragraph break, a table line's edge pipes)
    are attributes of a private namespace.  The element-by-element mapping is on the Akoma
    Ntoso page of the docs.  :func:`from_akn` reads the document back:
    ``from_akn(to_akn(r)) == r``.

    Args:
        regulation: the regulation to write.

    Returns:
        The XML text (with its ``<?xml … encoding="UTF-8"?>`` declaration and a final newline);
        encode it as UTF-8 to store it.

    Raises:
        SerializationError: a text holds a character XML 1.0 cannot carry (U+0000–U+001F other
            than TAB, U+FFFE, U+FFFF).

    >>> xml = to_akn(load())
    >>> 'eId="chp_5__art_35__para_2"' in xml, "<num>第三十五条</num>" in xml
    (True, True)
    """
    from ._akn_write import to_akn as _to_akn

    return _to_akn(regulation)


def from_akn(xml: str | bytes) -> Regulation:
    """Read a regulation back from an Akoma Ntoso document written by :func:`to_akn`.

    Only the standard library's ``xml.etree`` is used.  A document with a DTD or an entity
    declaration is refused before any parser sees it, whatever it declares (no entity is
    expanded, nothing is fetched).  ``<meta>`` is derived from the text and is not read; the
    numbering in ``<num>`` must be in the form :func:`to_akn` writes.

    Args:
        xml: the document; bytes must be UTF-8 (a BOM is tolerated).

    Returns:
        The :class:`Regulation`.

    Raises:
        SerializationError: the bytes are not UTF-8; the document is not well-formed XML (the
            line and column are given), holds a DTD or an entity declaration, or is not an
            ``<act>`` as :func:`to_akn` writes it (the XML path of the problem is given).

    >>> from_akn(to_akn(load())) == load()
    True
    >>> try:
    ...     from_akn('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')
    ... except SerializationError as err:
    ...     print(err.line, err.column)
    1 1
    """
    from ._akn_read import from_akn as _from_akn

    return _from_akn(xml)


def diff(old: Regulation, new: Regulation) -> RegulationDiff:
    """Compare two versions of a regulation article by article, as a 修正前后对照表 does.

    Amendments renumber without a word (此外，对条文顺序作相应调整), so articles are aligned by
    their text, never by their number: identical texts first, then similar ones (an edited
    article), then pieces of an aligned article (split off or merged in); what is left was
    added or removed.  Headings are aligned by the articles they share.  The result lists what
    changed, maps old numbers to new ones, renders the comparison table
    (``to_markdown()``, ``to_html()``, ``to_text()``) and is a patch:
    ``diff(old, new).apply(old) == new``.  Deterministic.

    Args:
        old: the earlier version.
        new: the later version.

    Returns:
        The :class:`RegulationDiff`; false when nothing changed.

    >>> reg = load()
    >>> d = diff(reg, reg)
    >>> bool(d), d.apply(reg) == reg
    (False, True)
    >>> old = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n第二条 本条例自公布之日起施行。")
    >>> new = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n"
    ...             "第二条 县级以上人民政府应当支持数字化转型。\\n\\n第三条 本条例自公布之日起施行。")
    >>> diff(old, new).changes
    (<ArticleChange - -> 第二条 added>, <ArticleChange 第二条 -> 第三条 renumbered>)
    >>> dict(diff(old, new).number_map)
    {'第一条': '第一条', '第二条': '第三条'}
    """
    from ._diff_build import diff as _diff

    return _diff(old, new)
