"""Writing citations: :func:`format_citation` in the eight :data:`STYLES`, :func:`eid_for` (the
Akoma Ntoso eId of a unit) and :func:`format_gbt7714` (the reference entry of a regulation).

The conventions written (CITATIONS.md, and the single-款 rule) are described in ``_citation``,
which holds the values; every style written here is read back by ``_citation_grammar``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs

from ._citation import (
    ENGLISH_TITLES,
    LEVELS,
    Citable,
    Citation,
    CitationList,
    CitationRange,
    _one_paragraph,
    instrument_word,
)
from ._errors import CitationError
from ._numerals import to_chinese

if TYPE_CHECKING:
    from ._regulation import Regulation

__all__ = ["STYLES", "eid_for", "format_citation", "format_gbt7714"]

#: Every style :func:`format_citation` writes and :func:`parse_citation` reads.
STYLES = ("statute", "full", "internal", "court", "academic", "en", "en-compact", "eid")
Style: TypeAlias = Literal[
    "statute", "full", "internal", "court", "academic", "en", "en-compact", "eid"
]

# Structural literals (立法法 第六十五条; CITATIONS.md).
ORDINAL = "第"
INSERT_MARK = "之"
UNIT_CHARS = {"part": "编", "chapter": "章", "section": "节", "article": "条",
              "paragraph": "款", "item": "项", "subitem": "目"}  # fmt: skip
TITLE_OPEN, TITLE_CLOSE = "《", "》"
COURT_OPEN, COURT_CLOSE = "（", "）"
RANGE_MARK = "至"
LIST_MARK, LAST_LIST_MARK = "、", "和"
EN_WORDS = {"part": "Part", "chapter": "Chapter", "section": "Section", "article": "Article",
            "paragraph": "Paragraph", "item": "Item", "subitem": "Sub-item"}  # fmt: skip
#: The styles that write no instrument: a citation in them names a unit of the one in context.
_UNTITLED_STYLES = ("statute", "eid")
EN_ABBR = {"part": "Pt.", "chapter": "Ch.", "section": "Sec.", "article": "Art."}
#: Akoma Ntoso naming convention 3.0: the eId abbreviation of each level.
EID_NAMES = {"part": "part", "chapter": "chp", "section": "sec", "article": "art",
             "paragraph": "para", "item": "point", "subitem": "point"}  # fmt: skip

# --------------------------------------------------------------------------- formatting


def _title_for(citation: Citation, regulation: Regulation | None, style: str) -> str:
    if citation.title is not None:
        return citation.title
    if regulation is not None:
        return regulation.title
    raise CitationError(
        f"the {style!r} style names the instrument: the citation has no title and no "
        "regulation was given"
    )


def _shown(citation: Citation, regulation: Regulation | None, style: str) -> Citation:
    """The citation as it is written: the single-款 rule applied or undone for *style*."""
    full_path = style in ("en-compact", "eid")
    omitted = citation.item is not None and citation.paragraph == 1 and not full_path
    if omitted and _one_paragraph(citation, regulation):
        return attrs.evolve(citation, paragraph=None)
    if citation.item is not None and citation.paragraph is None and full_path:
        if _one_paragraph(citation, regulation):
            return attrs.evolve(citation, paragraph=1)
        raise CitationError(
            f"the {style!r} style needs the 款 of {format_citation(citation)}: pass the "
            "regulation, whose article tells whether it has one 款"
        )
    return citation


def _zh_piece(level: str, number: int, suffix: int, style: str) -> str:
    if level == "subitem":
        return f"{ORDINAL}{number}{UNIT_CHARS[level]}"  # 目 is numbered in Arabic (CITATIONS.md)
    shown = str(number) if style == "academic" else to_chinese(number)
    if level == "item" and style == "court":
        shown = f"{COURT_OPEN}{shown}{COURT_CLOSE}"
    tail = f"{INSERT_MARK}{to_chinese(suffix)}" if level == "article" and suffix else ""
    return f"{ORDINAL}{shown}{UNIT_CHARS[level]}{tail}"


def _en_piece(level: str, number: int, suffix: int, compact: bool) -> str:
    shown = f"{number}-{suffix}" if level == "article" and suffix else str(number)
    if compact:
        if level in EN_ABBR:
            return f"{EN_ABBR[level]} {shown}"
        return f"({shown})"
    if level == "item":
        return f"{EN_WORDS[level]} ({shown})"
    return f"{EN_WORDS[level]} {shown}"


def _shared_levels(citation: Citation, after: Citation, *, english: bool) -> int:
    """How many top levels of *citation* may be left out after *after* in a list or range.

    Only levels that *after* names in the same way, and all of its levels above the first that
    differs, so that a reader taking the missing levels from *after* gets *citation* back.  In
    English the level separator is also the list separator, so the part written must not start
    below *after*'s last level (``Article 35, Paragraph 2, Item (1)`` would read as one).
    """
    levels = list(citation.levels())

    def differs(name: str, value: int) -> bool:
        moved = name == "article" and after.suffix != citation.suffix
        return bool(getattr(after, name) != value or moved)

    index = next((i for i, (n, v) in enumerate(levels) if differs(n, v)), None)
    if index is None:
        return 0
    rank = LEVELS.index(levels[index][0])
    above = [n for n, _ in after.levels() if LEVELS.index(n) < rank]
    if index == 0 or above != [n for n, _ in levels[:index]]:
        return 0
    if english and rank > LEVELS.index(after.level):
        return 0
    return index


def _pieces(citation: Citation, style: str, after: Citation | None) -> list[str]:
    """The written levels of *citation*; after *after* in a list or range, the levels they
    share are left out (第三十五条第一款、第二款), keeping at least the last one."""
    levels = list(citation.levels())
    if after is not None and style != "en-compact":
        levels = levels[_shared_levels(citation, after, english=style == "en") :]
    compact = style == "en-compact"
    if style in ("en", "en-compact"):
        words = [_en_piece(n, v, citation.suffix, compact) for n, v in levels]
        if compact:
            return ["".join(w if w.startswith("(") else f" {w}" for w in words).strip()]
        return [", ".join(words)]
    return [_zh_piece(n, v, citation.suffix, style) for n, v in levels]


def _prefix(citation: Citation, style: str, regulation: Regulation | None) -> str:
    if style in ("full", "court", "academic"):
        return f"{TITLE_OPEN}{_title_for(citation, regulation, style)}{TITLE_CLOSE}"
    if style == "internal":
        if regulation is not None and citation.title not in (None, regulation.title):
            raise CitationError(
                f"the 'internal' style cites the regulation itself, not 《{citation.title}》"
            )
        return instrument_word(_title_for(citation, regulation, style))
    return ""


def _en_suffix(citation: Citation) -> str:
    if citation.title is None:
        return ""
    english = ENGLISH_TITLES.get(citation.title)
    return f" of the {english}" if english else f" of {TITLE_OPEN}{citation.title}{TITLE_CLOSE}"


def eid_for(citation: Citation) -> str:
    """The Akoma Ntoso eId of the unit *citation* names (naming convention 3.0).

    ASCII, ``__`` between levels, each level ``name_number``: ``part``, ``chp``, ``sec`` for
    headings (a section under its chapter, a chapter under its part only where chapters restart
    per 编, as the citation says), ``art`` (之N as ``-N``), ``para`` (by position, always
    written: an eId is a full path), ``point`` for 项 and again ``point`` for 目 inside it.
    The title is not part of an eId.

    >>> eid_for(Citation(article=35, paragraph=2, item=3)), eid_for(Citation(article=120, suffix=1))
    ('art_35__para_2__point_3', 'art_120-1')
    >>> eid_for(Citation(chapter=3, section=1)), eid_for(Citation(part=2, chapter=1))
    ('chp_3__sec_1', 'part_2__chp_1')

    Raises:
        CitationError: the citation names the instrument alone, or a 项 without its 款.
    """
    if citation.level == "instrument":
        raise CitationError("an eId names a unit inside a document, not a whole instrument")
    if citation.item is not None and citation.paragraph is None:
        raise CitationError(
            f"the eId of {format_citation(citation)} needs its 款 (para_N): pass the regulation "
            "to format_citation, or set paragraph"
        )
    out = []
    for name, value in citation.levels():
        number = f"{value}-{citation.suffix}" if name == "article" and citation.suffix else value
        out.append(f"{EID_NAMES[name]}_{number}")
    return "__".join(out)


def _format_single(
    citation: Citation, style: str, regulation: Regulation | None, after: Citation | None
) -> str:
    shown = _shown(citation, regulation, style)
    if shown.level == "instrument":
        if style in ("full", "court", "academic"):
            return _prefix(shown, style, regulation)
        if style == "en" and shown.title is not None:
            english = ENGLISH_TITLES.get(shown.title)
            return f"the {english}" if english else f"{TITLE_OPEN}{shown.title}{TITLE_CLOSE}"
        raise CitationError(f"the {style!r} style cannot name a whole instrument")
    if style == "eid":
        return eid_for(shown)
    return "".join(_pieces(shown, style, after))


def _title_of(item: Citation | CitationRange) -> str | None:
    return item.start.title if isinstance(item, CitationRange) else item.title


def _format_item(
    item: Citation | CitationRange,
    style: str,
    regulation: Regulation | None,
    after: Citation | None,
) -> str:
    if isinstance(item, Citation):
        return _format_single(item, style, regulation, after)
    to_word = " to " if style in ("en", "en-compact") else RANGE_MARK
    start = _format_single(item.start, style, regulation, after)
    end = _format_single(item.end, style, regulation, _shown(item.start, regulation, style))
    return start + to_word + end


def format_citation(
    citation: Citable, style: Style | str = "statute", *, regulation: Regulation | None = None
) -> str:
    """Write *citation* in *style* (one of :data:`STYLES`).

    With a *regulation*, a missing title is the regulation's, and the single-款 rule applies
    (a 项 in a one-款 article is cited without 第一款).  Without one, exactly what the citation
    holds is written.  Ranges and lists write the instrument once and leave out the levels an
    element shares with the one before (``第三十五条第一款、第二款``); ``en-compact`` writes
    every element in full and ``eid`` names single units only.

    >>> from wuxi_dt_regulation import load
    >>> c = Citation(article=35, paragraph=2, item=3)
    >>> [format_citation(c, s, regulation=load()) for s in STYLES]  # doctest: +NORMALIZE_WHITESPACE
    ['第三十五条第二款第三项', '《无锡市数字化转型促进条例》第三十五条第二款第三项',
     '本条例第三十五条第二款第三项', '《无锡市数字化转型促进条例》第三十五条第二款第（三）项',
     '《无锡市数字化转型促进条例》第35条第2款第3项', 'Article 35, Paragraph 2, Item (3)',
     'Art. 35(2)(3)', 'art_35__para_2__point_3']
    >>> format_citation(Citation(article=10, paragraph=1, item=2), regulation=load())
    '第十条第二项'

    Raises:
        CitationError: the style needs something the citation lacks (a title for ``full``, the
            款 for ``eid``), would drop what it holds (``statute`` and ``eid`` write no title:
            with a *regulation*, a citation of another instrument is refused, as ``internal``
            refuses it), or cannot write it (an ``eid`` for a list, a list whose elements
            would read back differently, such as ``第一编和第一章`` for 编一 and a 章 of no 编).
    """
    if style not in STYLES:
        raise CitationError(f"unknown citation style {style!r}; the styles are {', '.join(STYLES)}")
    if isinstance(citation, (Citation, CitationRange)):
        citation = CitationList((citation,))
    elif not isinstance(citation, CitationList):
        raise TypeError(f"expected a Citation, CitationRange or CitationList, got {citation!r}")
    items = citation.items
    if style == "eid" and (len(items) > 1 or isinstance(items[0], CitationRange)):
        raise CitationError("an eId names one unit: format the citations of a list one by one")
    if style in _UNTITLED_STYLES and regulation is not None:
        for item in items:
            title = _title_of(item)
            if title is not None and title != regulation.title:
                raise CitationError(
                    f"the {style!r} style writes no title, so {format_citation(item, 'full')} "
                    f"would read as a unit of 《{regulation.title}》: use a style that names "
                    "the instrument ('full', 'court', 'academic', 'en')"
                )
    english = style in ("en", "en-compact")
    out: list[str] = []
    previous: Citation | None = None
    for index, item in enumerate(items):
        first = item.start if isinstance(item, CitationRange) else item
        continues = previous is not None and previous.title == first.title
        text = _format_item(item, style, regulation, previous if continues else None)
        if first.level == "instrument":
            pass  # the title alone was written
        elif english:
            following = _title_of(items[index + 1]) if index + 1 < len(items) else ""
            if following != first.title:
                text += _en_suffix(first)
        elif not continues:
            text = _prefix(first, style, regulation) + text
        if index:
            last = index + 1 == len(items)
            if english:
                out.append(" and " if last else ", ")
            else:
                out.append(LAST_LIST_MARK if last else LIST_MARK)
        out.append(text)
        last_cited = item.end if isinstance(item, CitationRange) else item
        previous = _shown(last_cited, regulation, style)
    text = "".join(out)
    if len(items) > 1 and style != "eid":
        _check_list_reads_back(citation, text, regulation)
    return text


def _positions(citation: CitationList) -> list[tuple[int | None, ...]]:
    return [
        (c.part, c.chapter, c.section, c.article, c.suffix, c.paragraph, c.item, c.subitem)
        for c in citation.expand()
    ]


def _check_list_reads_back(
    citation: CitationList, text: str, regulation: Regulation | None
) -> None:
    """A list element is read with the levels it shares with the one before: 第一编和第一章 is
    第一编第一章.  A list whose elements would be read so differently cannot be written."""
    from ._citation_grammar import parse_citations

    try:
        back = parse_citations(text, regulation=regulation)
    except CitationError:
        back = None
    if back is None or _positions(back) != _positions(citation):
        raise CitationError(
            f"the list would read back as something else ({text!r}): an element names fewer "
            "levels than the one before it and would take them from it; cite it on its own"
        )


# --------------------------------------------------------------------------- GB/T 7714

#: Facts the bundled regulation's header does not print (CITATIONS.md: promulgated 2023-06-08 by
#: announcement 第12号 of the Wuxi standing committee).  Keyed by title and adoption date.
KNOWN_PROMULGATION = {
    ("无锡市数字化转型促进条例", "2023-04-26"): ("无锡市人民代表大会常务委员会", "2023-06-08"),
}
_SESSION_RE = re.compile(r"第[零〇一二三四五六七八九十百千\d]+(?:届|次)")
_MEETING_RE = re.compile(r"(?:第[零〇一二三四五六七八九十百千\d]+次)?(?:常务|全体)?会议$")
#: An instrument number in a 公布 line (中华人民共和国国务院令第599号, …常务委员会公告第54号): the
#: body that issued it stands before 令 or 公告.
_ISSUE_RE = re.compile(r"(?:令|公告|通告)(?:[（(]?第[零〇一二三四五六七八九十百千\d]+号[）)]?)?$")


def _author_of(body: str) -> str:
    """The institution in a history line's body, session and meeting numbers dropped, an
    instrument number turned into the body that issued it.

    >>> _author_of("无锡市第十七届人民代表大会常务委员会第十一次会议")
    '无锡市人民代表大会常务委员会'
    >>> _author_of("国务院第159次常务会议"), _author_of("中华人民共和国国务院令第361号")
    ('国务院', '中华人民共和国国务院')
    """
    stripped = _MEETING_RE.sub("", body)
    if stripped == body:
        stripped = _ISSUE_RE.sub("", body)
    return _SESSION_RE.sub("", stripped).strip() or body


def format_gbt7714(regulation: Regulation) -> str:
    """The GB/T 7714—2015 reference entry for the whole regulation (CITATIONS.md).

    ``author. title[A]. date.``: GB/T 7714 has no type for legislation; archive ``[A]`` is the
    standard's own choice for government documents.  The author is the body that adopted the
    text (its first 通过 event, session and meeting numbers dropped, else the first event with a
    body, whose instrument number ``…令第N号`` names the body that issued it); the date is the last 公布 event's, else the adoption date.  Facts a header does not
    print (the seed has no 公布 line) come from :data:`KNOWN_PROMULGATION`.

    >>> from wuxi_dt_regulation import load
    >>> format_gbt7714(load())
    '无锡市人民代表大会常务委员会. 无锡市数字化转型促进条例[A]. 2023-06-08.'
    """
    adopted = next((e for e in regulation.history if e.action == "通过" and e.body), None)
    if adopted is None:
        adopted = next((e for e in regulation.history if e.body), None)
    published = [e for e in regulation.history if e.action == "公布" and e.date is not None]
    author = _author_of(adopted.body) if adopted is not None and adopted.body else None
    date = published[-1].date if published else (adopted.date if adopted is not None else None)
    if adopted is not None and adopted.date is not None and not published:
        known = KNOWN_PROMULGATION.get((regulation.title, adopted.date.isoformat()))
        if known is not None:
            return f"{known[0]}. {regulation.title}[A]. {known[1]}."
    head = f"{author}. " if author else ""
    tail = f" {date.isoformat()}." if date is not None else ""
    return f"{head}{regulation.title}[A].{tail}"
