"""The strict parser: :func:`parse_citation` and :func:`parse_citations` read exactly one citation,
range or list, in any style :func:`~wuxi_dt_regulation.format_citation` writes, with the reader
of :mod:`.grammar` (and :mod:`.eids` for Akoma Ntoso eIds); whatever is left over or cannot be
read is a :class:`~wuxi_dt_regulation.CitationError` naming its column.
"""

from __future__ import annotations

from .._model.citation import Citation, citation_title
from .._model.errors import CitationError
from .._model.numerals import to_chinese
from .._model.ranges import CitationList, CitationRange, complete, complete_range
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Part, Section, Subpart
from .eids import EID_RE, parse_eid
from .grammar import Reader, Ref
from .names import Names, named_parts, read_name, short_title
from .titles import instrument_word

__all__ = ["parse_citation", "parse_citations"]


def _to_citation(
    ref: Ref, title: str | None, reader: Reader, regulation: Regulation | None
) -> Citation:
    if ref.rel is not None:
        raise reader.fail(
            f"{reader.text[ref.start : ref.end]!r} is relative: find_citations(text, at=…) resolves it",
            ref.start,
        )
    if not any(name in ref.levels for name in ("part", "subpart", "chapter", "article")):
        above = "chapter (章)" if "section" in ref.levels else "article"  # 第二节, 第二款
        raise reader.fail(f"{reader.text[ref.start : ref.end]!r} needs its {above}", ref.start)
    if regulation is not None and title == citation_title(regulation.title):
        title = None
    try:
        citation = Citation(title=title, suffix=ref.suffix, **ref.levels)
    except ValueError as err:
        raise reader.fail(str(err), ref.start) from None
    if ref.within and regulation is not None and title is None:
        _check_within(ref, citation, reader, regulation)
    return citation


_HEADING_LEVEL = {Part: "part", Subpart: "subpart", Chapter: "chapter", Section: "section"}
_UNIT = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节"}


def _check_within(ref: Ref, citation: Citation, reader: Reader, regulation: Regulation) -> None:
    """Refuse 第三编第二分编第九章 (or 第九章第五百九十五条) where the unit the citation keeps is
    not under the headings written above it, which it does not keep."""
    if citation.article is not None:
        unit = Citation(article=citation.article, suffix=citation.suffix)
    else:
        heads = {k: v for k, v in ref.levels.items() if k in _HEADING_LEVEL.values()}
        unit = Citation(title=None, suffix=0, **heads)
    above = _headings_above(regulation.body, unit, ())
    if above is None:
        return  # not in the document: the readers that resolve citations say so
    for level, number in ref.within.items():
        if (level, number) not in above:
            written = reader.text[ref.start : ref.end]
            heading = f"第{to_chinese(number)}{_UNIT[level]}"
            raise reader.fail(f"{written!r}: the document's {unit} is not in its {heading}",
                              ref.start)  # fmt: skip


def _headings_above(
    nodes: tuple[object, ...], unit: Citation, above: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, int], ...] | None:
    """The headings (level, number) above *unit* in *nodes*, or None when it is not there."""
    for node in nodes:
        inner = above
        if isinstance(node, (Article, Part, Subpart, Chapter, Section)):
            if node.citation == unit:
                return above
            if isinstance(node, Article):
                continue
            inner = (*above, (_HEADING_LEVEL[type(node)], node.number))
        children = getattr(node, "children", ())
        found = _headings_above(children, unit, inner) if children else None
        if found is not None:
            return found
    return None


def _names(regulation: Regulation | None) -> Names:
    if regulation is None:
        return Names()
    own = citation_title(regulation.title)
    return Names({short_title(own): own})


def _title(
    instrument: tuple[str, str], reader: Reader, at: int, regulation: Regulation | None
) -> str | None:
    """The title an element's instrument gives its citations (None: the regulation's own)."""
    what, name = instrument
    if what == "title":
        return name
    if what == "bare":
        full = read_name(name, _names(regulation))
        if full is None:
            raise reader.fail(f"{name!r} is not the name of an instrument", at)
        return full
    if what == "that":
        raise reader.fail(
            f"{name!r} refers to the instrument named before it: find_citations resolves it", at
        )
    if regulation is not None and instrument_word(regulation.title) != name:
        raise reader.fail(
            f"{name} does not name 《{regulation.title}》 ({instrument_word(regulation.title)})",
            at,
        )
    return None


def parse_citations(text: str, *, regulation: Regulation | None = None) -> CitationList:
    """Read one citation, a range or a list, in any style :func:`format_citation` writes.

    Ranges are joined by 至 (到, ``to``), list elements by 、 和 及 以及 或者 或 并 (``,``,
    ``and``, ``or``); the word before the last element is the list's conjunction.  An element
    that starts lower than the one before takes the levels above from it: in
    ``第三十五条第一款、第二款`` the second element is 第三十五条第二款.  A law named without 《》
    (``刑法第二十条``) reads as its full title (中华人民共和国刑法: see :func:`full_title`); a
    title in 《》 is kept as written.

    Args:
        text: the citations, such as ``本条例第三十五条第一款、第二款和第三十六条至第三十八条``.
        regulation: the regulation cited; as for :func:`parse_citation`.

    Returns:
        A :class:`CitationList` (a single citation is a list of one), ranges kept as
        :class:`CitationRange`, its conjunction kept.

    Raises:
        CitationError: the text is not a citation, a range or a list; the column says where
            reading stopped.
        TypeError: *text* is not a str.

    >>> [str(c) for c in parse_citations("第一条至第三条、第五条").expand()]
    ['第一条', '第二条', '第三条', '第五条']
    >>> parse_citations("第三十五条第一款、第二款").items
    (Citation(article=35, paragraph=1), Citation(article=35, paragraph=2))
    >>> parse_citations("第三十条第一项、第二项或者第四项").conjunction
    '或者'
    >>> parse_citations("民事诉讼法第五十九条第三款、第二百一十二条").items[1]
    Citation(title='中华人民共和国民事诉讼法', article=212)
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    reader = Reader(text, 0, strict=True, named_parts=named_parts(regulation))
    kind, _, at = reader.peek()
    if kind == "end":
        raise reader.fail("expected a citation, found nothing", at)
    if EID_RE.match(text, at):
        return CitationList((parse_eid(text, at, regulation),))
    group = reader.group()
    kind, m, at = reader.peek()
    if kind != "end":
        raise reader.fail(f"unexpected {reader.found(kind, m, at)} after the citation", at)
    if not group.elements:
        assert group.instrument is not None
        return CitationList((Citation(title=group.instrument[1]),))
    items: list[Citation | CitationRange] = []
    for element in group.elements:
        title = None
        if element.instrument is not None:
            title = _title(element.instrument, reader, group.start, regulation)
        cits = [_to_citation(ref, title, reader, regulation) for ref in element.refs]
        if len(cits) == 1:
            items.append(complete(cits[0], regulation) if regulation is not None else cits[0])
            continue
        if regulation is not None:
            cits = list(complete_range(cits[0], cits[1], regulation))
        try:
            items.append(CitationRange(cits[0], cits[1]))
        except ValueError as err:
            raise reader.fail(str(err), element.refs[1].start) from None
    return CitationList(tuple(items), group.conjunction)


def parse_citation(text: str, *, regulation: Regulation | None = None) -> Citation:
    """Read exactly one citation, in any style :func:`format_citation` writes.

    Chinese or Arabic numbers, spaces between the parts, ``第(三)项`` as well as ``第（三）项``,
    a 《title》 or 本条例 before it, the English styles and an eId (``art_120-1__para_2``) are
    all read.  The whole text must be the citation.

    Args:
        text: the citation, such as ``第三十五条第二款第（三）项``, ``第35条``, ``Art. 35(2)(3)``.
        regulation: the regulation cited.  With it, its own title (or short name: 刑法 in
            中华人民共和国刑法) reads as ``title=None``, a 项 gets back the 款 it is cited without
            (an article's only 款, or the one 款 that has such a 项), and 本条例 (本法, 本规定 …)
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
    wuxi_dt_regulation.CitationError: column 5: expected a unit (编 章 节 条 款 项 目) after '第三十五', found the end of the text
        第三十五
                ^
    """
    found = parse_citations(text, regulation=regulation)
    if len(found.items) == 1 and isinstance(found.items[0], Citation):
        return found.items[0]
    what = "a range" if len(found.items) == 1 else "a list"
    raise CitationError(
        f"this is {what}, not one citation: use parse_citations", text=text, column=1
    )
