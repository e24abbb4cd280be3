"""Citations: the :class:`Citation` value, ranges and lists, how an instrument calls itself, and
resolution against a regulation.  Writing them (eight styles, eIds, the GB/T 7714 entry) is
``_citation_format``'s; reading them is ``_citation_grammar``'s.

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

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ._errors import CitationError, NotFoundError
from ._numerals import MAX_NUMBER, to_chinese

if TYPE_CHECKING:
    from ._model import Article, Chapter, Item, Paragraph, Part, Section, SubItem
    from ._regulation import Regulation

    Unit: TypeAlias = Part | Chapter | Section | Article | Paragraph | Item | SubItem

__all__ = [
    "ENGLISH_TITLES",
    "LEVELS",
    "Citation",
    "CitationList",
    "CitationRange",
    "instrument_word",
    "resolve",
]

#: The levels of a pinpoint, top down; also the order of :class:`Citation`'s number fields.
LEVELS = ("part", "chapter", "section", "article", "paragraph", "item", "subitem")
_HEADING_LEVELS = LEVELS[:3]
_TEXT_LEVELS = LEVELS[3:]

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
        raise CitationError(
            f"Citation.{name} must be None or an int 1..{MAX_NUMBER}, got {value!r}"
        )


def _sort_part(value: int | None) -> tuple[int, int]:
    return (0, 0) if value is None else (1, value)


@attrs.frozen(repr=False)
class Citation:
    """A pinpoint in a regulation: 编/章/节 for headings, or 条/款/项/目 for text.

    Ordered by position in the document (a missing level sorts before any number, so a unit
    sorts before its parts); equal citations name the same unit.  ``str()`` gives the canonical
    string (``statute`` style, or ``full`` when a title is set), which
    :func:`~wuxi_dt_regulation.parse_citation` reads back.

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

    Raises:
        CitationError: a rule is broken (a number outside 1 … 9999, a 款 without its article,
            an article with its chapter, nothing named at all).
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
            raise CitationError(f"Citation.suffix must be an int, got {self.suffix!r}")
        if not 0 <= self.suffix <= MAX_NUMBER:
            raise CitationError(f"Citation.suffix must be 0..{MAX_NUMBER}, got {self.suffix!r}")
        if self.title is not None and (
            not isinstance(self.title, str)
            or not self.title.strip()
            or any(ch in self.title for ch in "《》\n\r")
        ):
            raise CitationError(
                f"Citation.title must be None or a one-line title, got {self.title!r}"
            )
        if self.article is None:
            if self.suffix or self.paragraph or self.item or self.subitem:
                raise CitationError("a 款, 项, 目 or 之N needs its article")
            if self.section is not None and self.chapter is None:
                raise CitationError("a section (节) needs its chapter (章)")
            if self.part is None and self.chapter is None and self.title is None:
                raise CitationError(
                    "a Citation names at least an instrument, a heading or an article"
                )
        else:
            if self.part is not None or self.chapter is not None or self.section is not None:
                raise CitationError(
                    "an article citation does not name its 编/章/节: articles are numbered "
                    "through the whole text"
                )
            if self.subitem is not None and self.item is None:
                raise CitationError("a 目 needs its 项")

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
        return _formatter()(self, "full" if self.title else "statute")

    def levels(self) -> Iterator[tuple[str, int]]:
        """The ``(level, number)`` pairs set, top down (``suffix`` travels with ``article``)."""
        for name in LEVELS:
            value = getattr(self, name)
            if value is not None:
                yield name, value


@functools.cache
def _formatter() -> Callable[[Citation, str], str]:
    """:func:`~wuxi_dt_regulation.format_citation`, imported on first use and kept (an import
    statement in ``__str__`` would cost more than the rest of a short citation's formatting)."""
    from ._citation_format import format_citation

    return format_citation


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

    >>> from wuxi_dt_regulation import format_citation
    >>> r = CitationRange(Citation(article=35), Citation(article=38))
    >>> format_citation(r), [str(c) for c in r.expand()]
    ('第三十五条至第三十八条', ['第三十五条', '第三十六条', '第三十七条', '第三十八条'])
    """

    start: Citation
    end: Citation

    def __attrs_post_init__(self) -> None:
        if not _same_above(self.start, self.end):
            raise CitationError(
                f"a range runs between two units of one kind under one parent, not from "
                f"{self.start!r} to {self.end!r}"
            )
        if self.start.level == "instrument" or not self.start < self.end:
            raise CitationError(f"a range runs forward: {self.start!r} to {self.end!r}")

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
    one); :func:`~wuxi_dt_regulation.format_citation` writes it back.
    """

    items: tuple[Citation | CitationRange, ...]

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise CitationError("a CitationList holds at least one citation")
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


# --------------------------------------------------------------------------- resolving


def _one_paragraph(citation: Citation, regulation: Regulation | None) -> bool:
    """Whether the citation's article is known to have exactly one 款."""
    if regulation is None or citation.article is None:
        return False
    if citation.title is not None and citation.title != regulation.title:
        return False
    article = regulation.get_article((citation.article, citation.suffix))
    return article is not None and len(article.paragraphs) == 1


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
