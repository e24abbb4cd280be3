"""Writing citations: :func:`format_citation` in the eight :data:`STYLES`, and :func:`eid_for`
(the Akoma Ntoso eId of a unit).

The conventions written (docs/citation-practice.md, and the single-款 rule) are described with
the values in ``_model.citation`` and ``_model.ranges``; every style written here is read back
by :mod:`.grammar`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

from .._model.citation import (
    LEVELS,
    TITLE_CLOSE,
    TITLE_OPEN,
    Citation,
    citation_title,
    pinpoint_piece,
    without_paragraph,
)
from .._model.errors import CitationError
from .._model.ranges import Citable, CitationList, CitationRange, complete, one_paragraph
from .parse import parse_citations
from .titles import ENGLISH_TITLES, instrument_word

if TYPE_CHECKING:
    from .._model.regulation import Regulation

__all__ = ["STYLES", "CitationStyle", "Style", "eid_for", "format_citation"]

#: The name of a citation style, as a type: a type checker refuses ``"bluebook"``.
CitationStyle: TypeAlias = Literal[
    "statute", "full", "internal", "court", "academic", "en", "en-compact", "eid"
]
#: Short for :data:`CitationStyle` inside the package.
Style: TypeAlias = CitationStyle
#: Every style :func:`format_citation` writes and :func:`parse_citation` reads, in that order.
STYLES: tuple[CitationStyle, ...] = get_args(CitationStyle)

RANGE_MARK = "至"
LIST_MARK = "、"
EN_WORDS = {"part": "Part", "subpart": "Subpart", "chapter": "Chapter", "section": "Section",
            "article": "Article", "paragraph": "Paragraph", "item": "Item",
            "subitem": "Sub-item"}  # fmt: skip
#: The styles that write no instrument: a citation in them names a unit of the one in context.
_UNTITLED_STYLES = ("statute", "eid")
#: The styles that write every level, the sole 款 included (``Art. 10(1)`` is not ``Art. 10``).
_FULL_PATH_STYLES = ("en-compact", "eid")
EN_ABBR = {"part": "Pt.", "subpart": "Subpt.", "chapter": "Ch.", "section": "Sec.",
           "article": "Art."}  # fmt: skip
#: English joiners: 、 is a comma, 或者 and 或 are "or", the other conjunctions "and".
EN_CONJUNCTIONS = {"、": ", ", "或者": " or ", "或": " or "}
#: Akoma Ntoso naming convention 3.0: the eId abbreviation of each level.
EID_NAMES = {"part": "part", "subpart": "subpart", "chapter": "chp", "section": "sec",
             "article": "art", "paragraph": "para", "item": "point", "subitem": "point"}  # fmt: skip

# --------------------------------------------------------------------------- formatting


def _title_for(citation: Citation, regulation: Regulation | None, style: str) -> str:
    if citation.title is not None:
        return citation.title
    if regulation is not None:
        return citation_title(regulation.title)
    raise CitationError(
        f"the {style!r} style names the instrument: the citation has no title and no "
        "regulation was given"
    )


def _shown(citation: Citation, regulation: Regulation | None, style: str) -> Citation:
    """The citation as it is written: the single-款 rule applied or undone for *style*.

    In every style but ``en-compact`` and ``eid``, the only 款 of an article is cited as the
    article (第十条, not 第十条第一款) and its 项 without it (第十条第二项).
    """
    full_path = style in _FULL_PATH_STYLES
    if citation.paragraph == 1 and not full_path and one_paragraph(citation, regulation):
        return without_paragraph(citation)
    if citation.item is not None and citation.paragraph is None and full_path:
        placed = complete(citation, regulation) if regulation is not None else citation
        if placed.paragraph is not None:
            return placed
        raise CitationError(
            f"the {style!r} style needs the 款 of {format_citation(citation)}: pass the "
            "regulation, whose article tells which 款 holds it"
        )
    return citation


def _zh_piece(level: str, number: int, suffix: int, style: str) -> str:
    return pinpoint_piece(level, number, suffix, arabic=style == "academic", court=style == "court")


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
        if regulation is not None and citation.title not in (
            None,
            citation_title(regulation.title),
        ):
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

    >>> from wuxi_dt_regulation import parse_citation
    >>> eid_for(parse_citation("第一百二十条之一第二款"))
    'art_120-1__para_2'
    >>> eid_for(parse_citation("第三章第一节")), eid_for(parse_citation("第三十五条第二款第三项"))
    ('chp_3__sec_1', 'art_35__para_2__point_3')
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
    citation: Citable, style: CitationStyle = "statute", *, regulation: Regulation | None = None
) -> str:
    """Write a citation, a range or a list as text in one of eight styles.

    Without a *regulation*, exactly what the citation holds is written.  With one, a missing
    title is the regulation's, and the single-款 rule applies (but in ``en-compact`` and
    ``eid``, which write every level): the only 款 of an article is cited as the article
    (``第一条``, not ``第一条第一款``) and its 项 without 第一款 (``第十条第二项``).  Ranges and lists
    write the instrument once and leave out the levels an element shares with the one before
    (``第三十五条第一款和第二款``); a list keeps its conjunction (``第一项、第二项或者第四项``; in
    English ``or`` for 或者 and 或, ``and`` for the others); ``en-compact`` writes every element
    in full.  Every style reads back with :func:`parse_citation` / :func:`parse_citations`
    (with the regulation, a sole 款 written as its article reads back as the article, the
    same text).

    Args:
        citation: a :class:`Citation`, :class:`CitationRange` or :class:`CitationList`.
        style: a :data:`CitationStyle`: ``statute`` (第三十五条第二款第三项), ``full`` (with 《title》), ``internal``
            (本条例第…, 本法第…, 本守则第… after the title's kind), ``court`` (第（三）项),
            ``academic`` (Arabic numbers), ``en``
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

    >>> from wuxi_dt_regulation import Citation, load, parse_citation, parse_citations
    >>> format_citation(parse_citation("第35条第2款第(3)项"), "en-compact")
    'Art. 35(2)(3)'
    >>> format_citation(parse_citations("第三十五条第一款和第二款"))
    '第三十五条第一款和第二款'
    >>> format_citation(Citation(article=35), "full", regulation=load())
    '《无锡市数字化转型促进条例》第三十五条'
    >>> format_citation(Citation(article=10, paragraph=1, item=2), regulation=load())
    '第十条第二项'
    >>> format_citation(Citation(article=1, paragraph=1), regulation=load())
    '第一条'
    >>> format_citation(parse_citations("第三十条第一项、第二项或者第四项"), "en")
    'Article 30, Item (1), Item (2) or Item (4)'
    """
    if style not in STYLES:
        raise CitationError(f"unknown citation style {style!r}; the styles are {', '.join(STYLES)}")
    items: tuple[Citation | CitationRange, ...]
    if isinstance(citation, (Citation, CitationRange)):
        items, conjunction = (citation,), ""  # one element: nothing joins it
    elif isinstance(citation, CitationList):
        items, conjunction = citation.items, citation.conjunction
    else:
        raise TypeError(f"expected a Citation, CitationRange or CitationList, got {citation!r}")
    if style == "eid" and (len(items) > 1 or isinstance(items[0], CitationRange)):
        raise CitationError("an eId names one unit: format the citations of a list one by one")
    if style in _UNTITLED_STYLES and regulation is not None:
        for item in items:
            title = _title_of(item)
            if title is not None and title != citation_title(regulation.title):
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
            if index + 1 < len(items):
                out.append(", " if english else LIST_MARK)
            elif english:
                out.append(EN_CONJUNCTIONS.get(conjunction, " and "))
            else:
                out.append(conjunction)
        out.append(text)
        if index + 1 < len(items):
            last_cited = item.end if isinstance(item, CitationRange) else item
            previous = _shown(last_cited, regulation, style)
    text = "".join(out)
    if len(items) > 1 and isinstance(citation, CitationList):
        _check_list_reads_back(citation, text, regulation, style)
    return text


def _positions(
    citation: CitationList, regulation: Regulation | None, style: str
) -> list[tuple[tuple[int | None, ...], ...]]:
    """Where each element points, as written (titles aside): ranges by their ends."""

    def place(c: Citation) -> tuple[int | None, ...]:
        c = _shown(c, regulation, style)
        return (c.part, c.subpart, c.chapter, c.section, c.article, c.suffix, c.paragraph,
                c.item, c.subitem)  # fmt: skip

    return [
        (place(i.start), place(i.end)) if isinstance(i, CitationRange) else (place(i),)
        for i in citation.items
    ]


def _check_list_reads_back(
    citation: CitationList, text: str, regulation: Regulation | None, style: str
) -> None:
    """A list element is read with the levels it shares with the one before: 第一编和第一章 is
    第一编第一章.  A list whose elements would be read so differently cannot be written."""
    try:
        back = parse_citations(text, regulation=regulation)
    except CitationError:
        back = None
    if back is None or _positions(back, regulation, style) != _positions(
        citation, regulation, style
    ):
        raise CitationError(
            f"the list would read back as something else ({text!r}): an element names fewer "
            "levels than the one before it and would take them from it; cite it on its own"
        )
