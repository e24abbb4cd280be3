"""Citations: the :class:`Citation` value, ranges and lists, formatting in eight styles, eIds,
resolution against a regulation, and the GB/T 7714 entry.

The conventions are those of ``../shared/CITATIONS.md``:

* pinpoints run 编 > 章 > 节 for headings and 条 > 款 > 项 > 目 for text.  Articles are numbered
  through the whole text, so **an article citation never carries its chapter**: ``第三十五条`` is
  ``Citation(article=35)`` whether it is read from text or taken from the unit.  ``part``,
  ``chapter`` and ``section`` are set only on heading citations; ``part`` only where chapter
  numbers restart in each 编 (刑法, 民法典), so that ``第二编第一章`` is told from ``第一编第一章``;
* ``title`` None means "the instrument in context" (the regulation passed along, or the one the
  text stands in).  Parsing with a regulation turns that regulation's own title into None;
* the single-款 rule (最高人民法院 1956 通知: 条下只有一款的，直接写条和项): with a regulation,
  ``第十条第一款第二项`` of a one-款 article is written ``第十条第二项``, and parsing with the
  regulation puts ``paragraph=1`` back.  The rule concerns what stands *below* the 款: the sole
  款 cited on its own stays ``第十条第一款``, because ``第十条`` already names the article and
  every citation must read back as the unit it was made from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from ._errors import CitationError, NotFoundError
from ._numerals import MAX_NUMBER, to_chinese

if TYPE_CHECKING:
    from ._model import Article, Chapter, Item, Paragraph, Part, Regulation, Section, SubItem

    Unit: TypeAlias = Part | Chapter | Section | Article | Paragraph | Item | SubItem

__all__ = [
    "ENGLISH_TITLES",
    "LEVELS",
    "STYLES",
    "Citation",
    "CitationList",
    "CitationRange",
    "eid_for",
    "format_citation",
    "format_gbt7714",
    "instrument_word",
    "resolve",
]

#: Every style :func:`format_citation` writes and :func:`parse_citation` reads.
STYLES = ("statute", "full", "internal", "court", "academic", "en", "en-compact", "eid")
Style: TypeAlias = Literal[
    "statute", "full", "internal", "court", "academic", "en", "en-compact", "eid"
]

#: The levels of a pinpoint, top down; also the order of :class:`Citation`'s number fields.
LEVELS = ("part", "chapter", "section", "article", "paragraph", "item", "subitem")
_HEADING_LEVELS = LEVELS[:3]
_TEXT_LEVELS = LEVELS[3:]

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
EN_ABBR = {"part": "Pt.", "chapter": "Ch.", "section": "Sec.", "article": "Art."}
#: Akoma Ntoso naming convention 3.0: the eId abbreviation of each level.
EID_NAMES = {"part": "part", "chapter": "chp", "section": "sec", "article": "art",
             "paragraph": "para", "item": "point", "subitem": "point"}  # fmt: skip

#: English titles (conventions, not official text: CITATIONS.md), used by the ``en`` styles.
ENGLISH_TITLES = {
    "无锡市数字化转型促进条例": "Regulations of Wuxi Municipality on Promoting Digital Transformation",
}

# How an instrument calls itself (本条例, 本法 …), by the end of its title; longest first.
_INSTRUMENT_WORDS = (
    ("实施细则", "本细则"), ("细则", "本细则"), ("条例", "本条例"), ("规定", "本规定"),
    ("办法", "本办法"), ("决定", "本决定"), ("解释", "本解释"), ("规则", "本规则"),
    ("宪法", "本宪法"), ("修正案", "本修正案"), ("法典", "本法"), ("法", "本法"),
    ("准则", "本准则"), ("标准", "本标准"), ("通知", "本通知"), ("意见", "本意见"),
)  # fmt: skip
#: A title's trailing note that does not change the instrument type: （一）, （2023年修正）.
_TITLE_TAIL_RE = re.compile(r"(?:[（(][^（）()]*[)）]|\s)+$")


def instrument_word(title: str) -> str:
    """How the instrument named *title* calls itself: 条例 → 本条例, 法 → 本法, 规定 → 本规定 …

    >>> instrument_word("无锡市数字化转型促进条例"), instrument_word("中华人民共和国民法典")
    ('本条例', '本法')
    >>> instrument_word("最高人民法院关于适用《民法典》侵权责任编的解释（一）")
    '本解释'

    Raises:
        CitationError: the title ends in no known instrument type.
    """
    stem = _TITLE_TAIL_RE.sub("", title)
    for ending, word in _INSTRUMENT_WORDS:
        if stem.endswith(ending):
            return word
    raise CitationError(f"cannot tell how 《{title}》 calls itself (本条例, 本法 …)")


# --------------------------------------------------------------------------- the value


def _check_number(name: str, value: object, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_NUMBER:
        raise ValueError(f"Citation.{name} must be None or an int 1..{MAX_NUMBER}, got {value!r}")


def _sort_part(value: int | None) -> tuple[int, int]:
    return (0, 0) if value is None else (1, value)


@attrs.frozen(repr=False)
class Citation:
    """A pinpoint in a regulation: 编/章/节 for headings, or 条/款/项/目 for text.

    Ordered by position in the document (a missing level sorts before any number, so a unit
    sorts before its parts); equal citations name the same unit.  ``str()`` gives the canonical
    string (``statute`` style, or ``full`` when a title is set), which :func:`parse_citation`
    reads back.

    >>> c = Citation(article=35, paragraph=2, item=3)
    >>> c, str(c)
    (Citation(article=35, paragraph=2, item=3), '第三十五条第二款第三项')
    >>> sorted([c, Citation(article=35), Citation(article=120, suffix=1), Citation(article=36)])
    [Citation(article=35), Citation(article=35, paragraph=2, item=3), Citation(article=36), Citation(article=120, suffix=1)]

    Attributes:
        title: the instrument, without 《》; None for the instrument in context.
        part, chapter, section: a heading citation (第二编第一章, 第三章第一节).
        article, suffix: 第三十五条, and N for 之N (第一百二十条之一: ``suffix=1``).
        paragraph, item, subitem: 款 (by position), 项, 目.  ``paragraph`` may be None below an
            article with one 款 (the single-款 rule) when no regulation says so.
    """

    title: str | None = None
    part: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: int | None = None
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in LEVELS:
            _check_number(name, getattr(self, name))
        if isinstance(self.suffix, bool) or not isinstance(self.suffix, int):
            raise ValueError(f"Citation.suffix must be an int, got {self.suffix!r}")
        if not 0 <= self.suffix <= MAX_NUMBER:
            raise ValueError(f"Citation.suffix must be 0..{MAX_NUMBER}, got {self.suffix!r}")
        if self.title is not None and (
            not isinstance(self.title, str)
            or not self.title.strip()
            or any(ch in self.title for ch in "《》\n\r")
        ):
            raise ValueError(f"Citation.title must be None or a one-line title, got {self.title!r}")
        if self.article is None:
            if self.suffix or self.paragraph or self.item or self.subitem:
                raise ValueError("a 款, 项, 目 or 之N needs its article")
            if self.section is not None and self.chapter is None:
                raise ValueError("a section (节) needs its chapter (章)")
            if self.part is None and self.chapter is None and self.title is None:
                raise ValueError("a Citation names at least an instrument, a heading or an article")
        else:
            if self.part is not None or self.chapter is not None or self.section is not None:
                raise ValueError(
                    "an article citation does not name its 编/章/节: articles are numbered "
                    "through the whole text"
                )
            if self.subitem is not None and self.item is None:
                raise ValueError("a 目 needs its 项")

    # ---- derived

    @property
    def level(self) -> str:
        """The level of the unit cited (one of ``LEVELS``), or ``"instrument"``."""
        for name in reversed(LEVELS):
            if getattr(self, name) is not None:
                return name
        return "instrument"

    def _key(self) -> tuple[object, ...]:
        return (
            *(_sort_part(getattr(self, name)) for name in LEVELS[:4]),
            self.suffix,
            *(_sort_part(getattr(self, name)) for name in LEVELS[4:]),
            self.title or "",
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self._key() >= other._key()

    def __repr__(self) -> str:
        shown = [f"title={self.title!r}"] if self.title is not None else []
        for name in ("part", "chapter", "section", "article", "suffix", *LEVELS[4:]):
            value = getattr(self, name)
            if value:
                shown.append(f"{name}={value!r}")
        return f"Citation({', '.join(shown)})"

    def __str__(self) -> str:
        return format_citation(self, "full" if self.title else "statute")

    def levels(self) -> Iterator[tuple[str, int]]:
        """The ``(level, number)`` pairs set, top down (``suffix`` travels with ``article``)."""
        for name in LEVELS:
            value = getattr(self, name)
            if value is not None:
                yield name, value


def _replace(citation: Citation, changes: dict[str, Any]) -> Citation:
    """:func:`attrs.evolve` with field names computed at run time."""
    return attrs.evolve(citation, **changes)


# --------------------------------------------------------------------------- ranges and lists


def _same_above(a: Citation, b: Citation) -> bool:
    """True when *a* and *b* cite the same kind of unit and differ only in its number."""
    if a.level != b.level or a.title != b.title:
        return False
    for name in LEVELS:
        if name == a.level:
            return True
        if getattr(a, name) != getattr(b, name):
            return False
    return a.suffix == b.suffix  # pragma: no cover - the loop always reaches a.level


@attrs.frozen
class CitationRange:
    """``第三十五条至第三十八条``, ``第十条第一项至第三项``: from :attr:`start` to :attr:`end`,
    both included.  Both ends cite the same kind of unit under the same parent.

    >>> r = CitationRange(Citation(article=35), Citation(article=38))
    >>> format_citation(r), [str(c) for c in r.expand()]
    ('第三十五条至第三十八条', ['第三十五条', '第三十六条', '第三十七条', '第三十八条'])
    """

    start: Citation
    end: Citation

    def __attrs_post_init__(self) -> None:
        if not _same_above(self.start, self.end):
            raise ValueError(
                f"a range runs between two units of one kind under one parent, not from "
                f"{self.start!r} to {self.end!r}"
            )
        if self.start.level == "instrument" or not self.start < self.end:
            raise ValueError(f"a range runs forward: {self.start!r} to {self.end!r}")

    def expand(self, regulation: Regulation | None = None) -> tuple[Citation, ...]:
        """The single citations the range covers, both ends included.

        Without a regulation every number between the ends (inserted 之N articles are unknown
        then, except the ends themselves); with one, the units that exist, 之N included.
        """
        level = self.start.level
        if regulation is not None:
            start, end = _complete(self.start, regulation), _complete(self.end, regulation)
            return tuple(c for c in _siblings(regulation, start) if start <= c <= end)
        first = getattr(self.start, level)
        last = getattr(self.end, level)
        out = [self.start]
        out.extend(
            _replace(self.start, {level: n, "suffix": 0} if level == "article" else {level: n})
            for n in range(first + 1, last + 1)
        )
        if self.end.suffix:
            out.append(self.end)
        return tuple(out)


@attrs.frozen
class CitationList:
    """``第三十五条、第三十六条和第四十条``: citations and ranges, in the order written.

    :func:`~wuxi_dt_regulation.parse_citations` always returns one (a single citation is a list of
    one); :func:`format_citation` writes it back.
    """

    items: tuple[Citation | CitationRange, ...]

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise ValueError("a CitationList holds at least one citation")
        for item in self.items:
            if not isinstance(item, (Citation, CitationRange)):
                raise TypeError(f"a CitationList holds Citation and CitationRange, got {item!r}")

    def expand(self, regulation: Regulation | None = None) -> tuple[Citation, ...]:
        """Every single citation covered, ranges expanded (see :meth:`CitationRange.expand`)."""
        out: list[Citation] = []
        for item in self.items:
            out.extend(item.expand(regulation) if isinstance(item, CitationRange) else (item,))
        return tuple(out)


Citable: TypeAlias = Citation | CitationRange | CitationList


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


def _one_paragraph(citation: Citation, regulation: Regulation | None) -> bool:
    """Whether the citation's article is known to have exactly one 款."""
    if regulation is None or citation.article is None:
        return False
    if citation.title is not None and citation.title != regulation.title:
        return False
    article = regulation.get_article((citation.article, citation.suffix))
    return article is not None and len(article.paragraphs) == 1


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
            款 for ``eid``), or cannot write it (an ``eid`` for a list, a list whose elements
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


# --------------------------------------------------------------------------- resolving


def _complete(citation: Citation, regulation: Regulation) -> Citation:
    """Put back ``paragraph=1`` under an article with one 款 (the single-款 rule, undone)."""
    if (
        citation.item is not None
        and citation.paragraph is None
        and _one_paragraph(citation, regulation)
    ):
        return attrs.evolve(citation, paragraph=1)
    return citation


def _siblings(regulation: Regulation, citation: Citation) -> Iterator[Citation]:
    """The citations of every unit of *citation*'s kind under its parent, in document order."""
    level = citation.level
    found: Iterator[Citation]
    if level == "article":
        found = (a.citation for a in regulation.articles)
    elif level == "part":
        found = (p.citation for p in regulation.parts)
    elif level == "chapter":
        found = (c.citation for c in regulation.chapters if c.citation.part == citation.part)
    elif level == "section":
        found = (
            s.citation
            for s in regulation.sections
            if (s.citation.part, s.citation.chapter) == (citation.part, citation.chapter)
        )
    else:
        try:
            parent = resolve(regulation, _replace(citation, {"title": None, level: None}))
        except NotFoundError:
            return
        kids = {"paragraph": "paragraphs", "item": "items", "subitem": "subitems"}[level]
        found = (child.citation for child in getattr(parent, kids))
    for each in found:
        yield attrs.evolve(each, title=citation.title) if citation.title else each


def _describe(owner: str, count: int, unit: str, wanted: str) -> str:
    if count == 0:
        return f"{owner} has no {unit}; there is no {wanted}"
    return f"{owner} has {count} {unit}; there is no {wanted}"


def resolve(regulation: Regulation, citation: Citation) -> Unit:
    """Return the unit of *regulation* that *citation* names (the regulation's own object: for
    a unit ``u`` of the regulation, ``resolve(r, u.citation) is u``).

    >>> from wuxi_dt_regulation import load
    >>> resolve(load(), Citation(article=35, paragraph=5))
    Traceback (most recent call last):
    ...
    wuxi_dt_regulation._errors.NotFoundError: 第三十五条 has 4 款; there is no 第五款

    Raises:
        NotFoundError: there is no such unit, or the citation names another instrument; the
            message says what exists.
    """
    if not isinstance(citation, Citation):
        raise TypeError(f"expected a Citation, got {citation!r}")
    if citation.title is not None and citation.title != regulation.title:
        raise NotFoundError(f"{citation} names 《{citation.title}》, not 《{regulation.title}》")
    level = citation.level
    if level == "instrument":
        raise NotFoundError("a citation of the whole instrument names no unit inside it")
    if citation.article is None:
        return _resolve_heading(regulation, citation)
    article = regulation.article((citation.article, citation.suffix))
    if citation.paragraph is None and citation.item is None:
        return article
    if citation.paragraph is None:
        if len(article.paragraphs) != 1:
            raise NotFoundError(
                f"{article.label} has {len(article.paragraphs)} 款: say which 款 holds "
                f"第{to_chinese(citation.item or 1)}项"
            )
        paragraph = article.paragraphs[0]
    else:
        paragraph = article.paragraph(citation.paragraph)
    if citation.item is None:
        return paragraph
    # 项 and 目 are found by their printed number, which a damaged source may not keep in step
    # with their position (浙江省电子商务条例 第十五条 lost its （二）).
    owner = f"{article.label}第{to_chinese(paragraph.number)}款"
    item = next((i for i in paragraph.items if i.number == citation.item), None)
    if item is None:
        raise NotFoundError(
            _describe(owner, len(paragraph.items), "项", f"第{to_chinese(citation.item)}项")
        )
    if citation.subitem is None:
        return item
    owner += f"第{to_chinese(item.number)}项"
    sub = next((s for s in item.subitems if s.number == citation.subitem), None)
    if sub is None:
        raise NotFoundError(_describe(owner, len(item.subitems), "目", f"第{citation.subitem}目"))
    return sub


def _resolve_heading(regulation: Regulation, citation: Citation) -> Unit:
    if citation.chapter is None:
        return regulation.part(citation.part or 0)
    if citation.part is not None:
        pool = regulation.part(citation.part).chapters
        where = f"{regulation.part(citation.part).label}"
    else:
        pool = regulation.chapters
        where = regulation.title
    chapter = next((c for c in pool if c.number == citation.chapter), None)
    if chapter is None:
        labels = "、".join(c.label for c in pool) or "none"
        raise NotFoundError(
            f"{where} has no 第{to_chinese(citation.chapter)}章; its chapters are {labels}"
        )
    if citation.section is None:
        return chapter
    section = next((s for s in chapter.sections if s.number == citation.section), None)
    if section is None:
        raise NotFoundError(
            _describe(
                chapter.label, len(chapter.sections), "节", f"第{to_chinese(citation.section)}节"
            )
        )
    return section


# --------------------------------------------------------------------------- GB/T 7714

#: Facts the bundled regulation's header does not print (CITATIONS.md: promulgated 2023-06-08 by
#: announcement 第12号 of the Wuxi standing committee).  Keyed by title and adoption date.
KNOWN_PROMULGATION = {
    ("无锡市数字化转型促进条例", "2023-04-26"): ("无锡市人民代表大会常务委员会", "2023-06-08"),
}
_SESSION_RE = re.compile(r"第[零〇一二三四五六七八九十百千\d]+(?:届|次)")
_MEETING_RE = re.compile(r"(?:第[零〇一二三四五六七八九十百千\d]+次)?(?:全体)?会议$")


def _author_of(body: str) -> str:
    """The institution in a history line's body: 无锡市第十七届人民代表大会常务委员会第十一次会议
    → 无锡市人民代表大会常务委员会 (session and meeting numbers dropped)."""
    return _SESSION_RE.sub("", _MEETING_RE.sub("", body)).strip() or body


def format_gbt7714(regulation: Regulation) -> str:
    """The GB/T 7714—2015 reference entry for the whole regulation (CITATIONS.md).

    ``author. title[A]. date.``: GB/T 7714 has no type for legislation; archive ``[A]`` is the
    standard's own choice for government documents.  The author is the body that adopted the
    text (its first 通过 event, session and meeting numbers dropped, else the first event with a
    body); the date is the last 公布 event's, else the adoption date.  Facts a header does not
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
