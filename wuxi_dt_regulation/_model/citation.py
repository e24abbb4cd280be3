"""The address of a unit: :class:`Citation`, the value every unit's ``.citation`` returns.

The conventions (how Chinese legislation is cited; docs/citation-practice.md):

* pinpoints run 编 > 分编 > 章 > 节 for headings and 条 > 款 > 项 > 目 for text.  Articles are
  numbered through the whole text, so **an article citation never carries its chapter**:
  ``第三十五条`` is ``Citation(article=35)`` whether it is read from text or taken from the unit.
  ``part``, ``subpart``, ``chapter`` and ``section`` are set only on heading citations; ``part``
  on a chapter only where chapter numbers restart in each 编 (刑法, 民法典), so that ``第二编第一章``
  is told from ``第一编第一章``.  A 分编 (民法典 合同编第二分编) is cited under its 编 and holds no
  chapter in its citation: chapters are numbered through the 编, across its 分编;
* ``title`` None means "the instrument in context" (the regulation passed along, or the one the
  text stands in).

``str()`` writes the canonical form (第三十五条第二款第三项, 《title》 before it when a title is
set): :func:`pinpoint_piece` is the one place a level is spelled, and the citation styles built
above the model (``_citations.format``) write theirs with it.  Ranges, lists and resolution
against a regulation are in :mod:`.ranges`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from .errors import CitationError
from .labels import INSERT_MARK, ITEM_CLOSE, ITEM_OPEN, ORDINAL_PREFIX, UNIT_CHARS
from .numerals import MAX_NUMBER, to_chinese

__all__ = [
    "LEVELS",
    "TITLE_CLOSE",
    "TITLE_OPEN",
    "Citation",
    "check_title",
    "citation_title",
    "pinpoint_piece",
    "replace",
    "without_paragraph",
]

#: The levels of a pinpoint, top down; also the order of :class:`Citation`'s number fields.
LEVELS = ("part", "subpart", "chapter", "section", "article", "paragraph", "item", "subitem")
TITLE_OPEN, TITLE_CLOSE = "《", "》"
#: What a title may not hold anywhere: the 书名号 that delimit it, control characters (C0, C1),
#: line and paragraph separators, and lone surrogates (which no encoder can write).
_TITLE_BAD_RE = re.compile("[《》\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
#: What a title may not start or end with: whitespace of any kind (U+3000 too) and U+FEFF.
_TITLE_EDGE = re.compile(r"\A[\s\ufeff]|[\s\ufeff]\Z")


def pinpoint_piece(
    level: str, number: int, suffix: int = 0, *, arabic: bool = False, court: bool = False
) -> str:
    """One level of a Chinese pinpoint: ``第三十五条``, ``第二款``, ``第三项``, ``第1目``.

    *suffix* is the article's 之N (written only on the ``article`` level); *arabic* writes the
    number in digits (the academic style: ``第35条``); *court* puts a 项 number in parentheses
    (``第（三）项``).  A 目 is always numbered in Arabic, as the text prints it.

    >>> pinpoint_piece("article", 120, 1), pinpoint_piece("item", 3, court=True)
    ('第一百二十条之一', '第（三）项')
    >>> pinpoint_piece("article", 35, arabic=True), pinpoint_piece("subitem", 2)
    ('第35条', '第2目')
    """
    if level == "subitem":
        return f"{ORDINAL_PREFIX}{number}{UNIT_CHARS[level]}"
    shown = str(number) if arabic else to_chinese(number)
    if level == "item" and court:
        shown = f"{ITEM_OPEN}{shown}{ITEM_CLOSE}"
    tail = f"{INSERT_MARK}{to_chinese(suffix)}" if level == "article" and suffix else ""
    return f"{ORDINAL_PREFIX}{shown}{UNIT_CHARS[level]}{tail}"


def _check_number(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_NUMBER:
        raise CitationError(
            f"Citation.{name} must be None or an int 1..{MAX_NUMBER}, got {value!r}"
        )


def _sort_part(value: int | None) -> tuple[int, int]:
    return (0, 0) if value is None else (1, value)


def citation_title(title: str) -> str:
    """*title* as a citation holds it and as it stands inside 《》: the 书名号 of a title it
    names written as 〈〉 (GB/T 15834: a title inside a title takes the single marks).

    >>> citation_title("关于修改《无锡市数字化转型促进条例》的决定")
    '关于修改〈无锡市数字化转型促进条例〉的决定'
    """
    if "《" not in title and "》" not in title:
        return title
    return title.replace(TITLE_OPEN, "〈").replace(TITLE_CLOSE, "〉")


def check_title(title: object) -> None:
    """Refuse a title that is not one clean line: empty, blank, padded with whitespace, or
    holding 《》, a control character, a line separator or a lone surrogate."""
    if title is None:
        return
    if (
        not isinstance(title, str)
        or not title
        or _TITLE_BAD_RE.search(title) is not None
        or _TITLE_EDGE.search(title) is not None
    ):
        raise CitationError(
            "Citation.title must be None or a one-line title without 《》, control characters "
            f"or surrounding spaces, got {title!r}"
        )


@attrs.frozen(repr=False)
class Citation:
    """A pinpoint in a regulation: 编/章/节 for headings, or 条/款/项/目 for text.

    Ordered by position in the document (a missing level sorts before any number, so a unit
    sorts before its parts); equal citations name the same unit.  ``str()`` gives the canonical
    string (the ``statute`` style of :func:`~wuxi_dt_regulation.format_citation`, or ``full``
    when a title is set), which :func:`~wuxi_dt_regulation.parse_citation` reads back.

    >>> c = Citation(article=35, paragraph=2, item=3)
    >>> c, str(c)
    (Citation(article=35, paragraph=2, item=3), '第三十五条第二款第三项')
    >>> sorted([c, Citation(article=35), Citation(article=120, suffix=1), Citation(article=36)])
    [Citation(article=35), Citation(article=35, paragraph=2, item=3), Citation(article=36), Citation(article=120, suffix=1)]
    >>> str(Citation(part=3, subpart=2))
    '第三编第二分编'

    Attributes:
        title: the instrument, without 《》 (one line, no control characters, no surrounding
            spaces); None for the instrument in context.
        part, subpart, chapter, section: a heading citation (第二编第一章, 第三编第二分编,
            第三章第一节).
        article, suffix: 第三十五条, and N for 之N (第一百二十条之一: ``suffix=1``).
        paragraph, item, subitem: 款 (by position), 项, 目.  ``paragraph`` may be None below an
            article with one 款 (the single-款 rule) when no regulation says so.

    Raises:
        CitationError: a rule is broken (a number outside 1 … 9999, a 款 without its article,
            an article with its chapter, a 分编 with a chapter, a bad title, nothing named).
    """

    title: str | None = None
    part: int | None = None
    subpart: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: int | None = None
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None

    def __attrs_post_init__(self) -> None:
        numbers = (self.part, self.subpart, self.chapter, self.section, self.article,
                   self.paragraph, self.item, self.subitem)  # fmt: skip
        for name, value in zip(LEVELS, numbers, strict=True):
            # type(), not isinstance(): a bool is refused, and this runs for every citation read
            if value is not None and (type(value) is not int or not 1 <= value <= MAX_NUMBER):
                _check_number(name, value)  # says what is wrong
        if isinstance(self.suffix, bool) or not isinstance(self.suffix, int):
            raise CitationError(f"Citation.suffix must be an int, got {self.suffix!r}")
        if not 0 <= self.suffix <= MAX_NUMBER:
            raise CitationError(f"Citation.suffix must be 0..{MAX_NUMBER}, got {self.suffix!r}")
        check_title(self.title)
        if self.subpart is not None and (
            self.chapter is not None or self.section is not None or self.article is not None
        ):
            raise CitationError(
                "a 分编 citation names no chapter, section or article: chapters are numbered "
                "through the 编, across its 分编"
            )
        if self.article is None:
            if self.suffix or self.paragraph or self.item or self.subitem:
                raise CitationError("a 款, 项, 目 or 之N needs its article")
            if self.section is not None and self.chapter is None:
                raise CitationError("a section (节) needs its chapter (章)")
            if (
                self.part is None
                and self.subpart is None
                and self.chapter is None
                and self.title is None
            ):
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
        if self.article is not None:
            if self.paragraph is None and self.item is None:
                return "article"
            if self.item is None:
                return "paragraph"
            return "item" if self.subitem is None else "subitem"
        for name, value in (("section", self.section), ("chapter", self.chapter),
                            ("subpart", self.subpart), ("part", self.part)):  # fmt: skip
            if value is not None:
                return name
        return "instrument"

    def _key(self) -> tuple[object, ...]:
        return (
            _sort_part(self.part),
            _sort_part(self.subpart),
            _sort_part(self.chapter),
            _sort_part(self.section),
            _sort_part(self.article),
            self.suffix,
            _sort_part(self.paragraph),
            _sort_part(self.item),
            _sort_part(self.subitem),
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
        for name in (*LEVELS[:5], "suffix", *LEVELS[5:]):
            value = getattr(self, name)
            if value:
                shown.append(f"{name}={value!r}")
        return f"Citation({', '.join(shown)})"

    def __str__(self) -> str:
        pinpoint = "".join(
            pinpoint_piece(name, number, self.suffix) for name, number in self.levels()
        )
        return (
            pinpoint if self.title is None else f"{TITLE_OPEN}{self.title}{TITLE_CLOSE}{pinpoint}"
        )

    def levels(self) -> Iterator[tuple[str, int]]:
        """The ``(level, number)`` pairs set, top down (``suffix`` travels with ``article``)."""
        for name in LEVELS:
            value = getattr(self, name)
            if value is not None:
                yield name, value


def replace(citation: Citation, changes: dict[str, Any]) -> Citation:
    """:func:`attrs.evolve` with field names computed at run time."""
    return attrs.evolve(citation, **changes)


def without_paragraph(citation: Citation) -> Citation:
    """*citation* with its 款 left out (the single-款 rule: 第十条第一款第二项 is written 第十条第二项,
    the sole 款 第十条).  Leaving out the 款 of a valid citation keeps it valid, so the copy is
    made without checking it again: this is on the path of every citation written.

    >>> without_paragraph(Citation(article=10, paragraph=1, item=2))
    Citation(article=10, item=2)
    """
    copy = object.__new__(Citation)
    put = object.__setattr__
    put(copy, "title", citation.title)
    put(copy, "part", citation.part)
    put(copy, "subpart", citation.subpart)
    put(copy, "chapter", citation.chapter)
    put(copy, "section", citation.section)
    put(copy, "article", citation.article)
    put(copy, "suffix", citation.suffix)
    put(copy, "paragraph", None)
    put(copy, "item", citation.item)
    put(copy, "subitem", citation.subitem)
    return copy
