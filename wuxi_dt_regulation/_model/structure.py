"""The containers: :class:`Article` (条) with its 款, and the headings that hold articles:
:class:`Part` (编), :class:`Subpart` (分编), :class:`Chapter` (章), :class:`Section` (节), the
unnumbered :class:`Division` (``## 附则``, ``## 序言``) and the :class:`Appendix` (附件, 附表, 附：).

Each checks that its children stand in an order the source can print and the parser read back
(:func:`check_order`).  The text units they hold are in :mod:`.units`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

from .compare import by_fields
from .errors import NotFoundError
from .labels import (
    CHAPTER_UNIT,
    PART_UNIT,
    SECTION_UNIT,
    SUBPART_UNIT,
    article_label,
    unit_label,
)
from .numerals import to_chinese
from .reprs import appendix_repr, article_repr, division_repr, heading_repr
from .units import (
    APPENDIX_TITLE_PATTERN,
    CITE_FIELD,
    Paragraph,
    Table,
    check_line,
    check_number,
    check_paragraph_numbers,
    cite_of,
)

if TYPE_CHECKING:
    from .citation import Citation

__all__ = [
    "PREAMBLE_TITLES",
    "RANKS",
    "Appendix",
    "Article",
    "Chapter",
    "Division",
    "Node",
    "Part",
    "Section",
    "Subpart",
    "articles_in",
    "check_order",
]

#: Titles of the heading that holds a preamble (宪法 ``## 序言``): it never holds articles.
PREAMBLE_TITLES = frozenset({"序言", "序 言"})


def check_order(owner: object, children: tuple[object, ...]) -> None:
    """Children must stand in an order the source can print and the parser read back.

    A heading takes everything after it until a heading of its rank or above: so after a
    章 only a 章 (or a higher unit, or an unnumbered heading) can follow, after an unnumbered
    heading only headings, and a paragraph right after an article would be that article's.
    A 序言 holds no articles: the first article after it closes it, so an article may follow.
    """
    kinds = set(map(type, children))
    if kinds.isdisjoint(_HEADINGS) and not (Article in kinds and Paragraph in kinds):
        return  # no heading and no 款 that could follow an article: any order reads back
    previous: object = None
    for child in children:
        rank = RANKS.get(type(child))
        if isinstance(previous, Division) or type(previous) in RANKS:
            limit = 99 if isinstance(previous, Division) else RANKS[type(previous)]
            if (
                not isinstance(child, Division)
                and (rank is None or rank > limit)
                and not (
                    isinstance(child, Article)
                    and isinstance(previous, Division)
                    and previous.title in PREAMBLE_TITLES
                )
            ):
                raise ValueError(
                    f"{_named(owner)}: {_a(child)} cannot follow {_a(previous)}: it would read "
                    "back inside it"
                )
        elif isinstance(previous, Article) and isinstance(child, Paragraph):
            raise ValueError(
                f"{_named(owner)}: a Paragraph right after an Article would read back as its 款"
            )
        previous = child


def _named(owner: object) -> str:
    """The container a message names: the name given (``body``), its label or its class."""
    label = owner if isinstance(owner, str) else getattr(owner, "label", None)
    return label or type(owner).__name__


def _a(node: object) -> str:
    return f"{'an' if type(node).__name__[0] in 'AEIOU' else 'a'} {type(node).__name__}"


def _paragraph_text(blocks: tuple[object, ...]) -> str:
    return "\n".join(b.full_text for b in blocks if isinstance(b, Paragraph))


# --------------------------------------------------------------------------- articles


@attrs.frozen(repr=False)
@by_fields("number", "suffix", "paragraphs")
class Article:
    """条: the unit that is cited.  ``suffix`` is N for an inserted article 第X条之N, else 0.

    >>> a = Article(120, suffix=1, paragraphs=(Paragraph(1, "……"),))
    >>> a.label
    '第一百二十条之一'
    """

    __repr__ = article_repr

    number: int
    suffix: int = 0
    paragraphs: tuple[Paragraph, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_number("Article", self.number)
        if isinstance(self.suffix, bool) or not isinstance(self.suffix, int) or self.suffix < 0:
            raise ValueError(f"Article.suffix must be an int >= 0, got {self.suffix!r}")
        check_paragraph_numbers(self, self.paragraphs)

    @property
    def citation(self) -> Citation:
        """``Citation(article=35)``; articles are numbered through the whole text, so an article
        needs no chapter to be cited and answers from its own number even outside a regulation."""
        from .citation import Citation

        return Citation(article=self.number, suffix=self.suffix)

    @property
    def key(self) -> tuple[int, int]:
        """``(number, suffix)``: the article's identity within one version of a regulation."""
        return (self.number, self.suffix)

    @property
    def label(self) -> str:
        """``第三十五条``, ``第一百二十条之一``."""
        return article_label(self.number, self.suffix)

    @property
    def text(self) -> str:
        """The article's text without its label; paragraphs and items, one printed line each."""
        return _paragraph_text(self.paragraphs)

    def paragraph(self, number: int) -> Paragraph:
        """Return 款 *number* (1-based), or raise :class:`NotFoundError` saying how many exist
        (``TypeError`` for what is no int: cite a 款 by text with :meth:`Regulation.resolve`)."""
        if isinstance(number, bool) or not isinstance(number, int):
            raise TypeError(f"a 款 number is an int, got {number!r}")
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        raise NotFoundError(
            f"{self.label} has {len(self.paragraphs)} 款; there is no 第{to_chinese(number)}款"
            if number >= 1
            else f"paragraph numbers start at 1, got {number}"
        )


# --------------------------------------------------------------------------- containers


@attrs.frozen(repr=False)
@by_fields("title", "level", "children")
class Division:
    """A heading with no number (``## 附则``, ``## 基本案情``, ``#### 5.1.1 重伤一级``) and what follows it.

    :attr:`level` is the number of ``#`` printed, kept only so that the heading is written back as
    it was; it never decides structure.
    """

    __repr__ = division_repr

    title: str
    level: int = 2
    children: tuple[Article | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_line("Division", self.title)
        if not 1 <= self.level <= 6:
            raise ValueError(f"Division.level must be 1..6, got {self.level!r}")
        check_paragraph_numbers(f"Division {self.title!r}", self.children)
        check_order(self, self.children)
        if self.title in PREAMBLE_TITLES and any(isinstance(c, Article) for c in self.children):
            raise ValueError(f"{self.title} holds no articles: the first article ends it")

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles directly under the heading, in document order."""
        return tuple(c for c in self.children if isinstance(c, Article))


def articles_in(children: tuple[object, ...]) -> Iterator[Article]:
    for child in children:
        if isinstance(child, Article):
            yield child
        elif isinstance(child, (Part, Subpart, Chapter, Section, Division)):
            yield from articles_in(child.children)


@attrs.frozen(repr=False)
@by_fields("number", "title", "children")
class Section:
    """节: a section of a chapter."""

    __repr__ = heading_repr

    number: int
    title: str = ""
    children: tuple[Article | Paragraph | Table, ...] = ()
    _cite: tuple[int | None, ...] | None = CITE_FIELD

    @property
    def citation(self) -> Citation:
        """``Citation(chapter=3, section=1)`` (with ``part`` where chapters restart per 编)."""
        return cite_of("Section", self._cite, "节 of chapters")

    def __attrs_post_init__(self) -> None:
        check_number("Section", self.number)
        check_line("Section", self.title)
        check_paragraph_numbers(self, self.children)
        check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第一节``."""
        return unit_label(self.number, SECTION_UNIT)

    @property
    def articles(self) -> tuple[Article, ...]:
        """The section's articles in document order."""
        return tuple(articles_in(self.children))


@attrs.frozen(repr=False)
@by_fields("number", "title", "children")
class Chapter:
    """章: a chapter, with its sections (if any) and articles.

    :attr:`title` is as printed, inner spaces included (``"总 则"``).
    """

    __repr__ = heading_repr

    number: int
    title: str = ""
    children: tuple[Section | Article | Paragraph | Table, ...] = ()
    _cite: tuple[int | None, ...] | None = CITE_FIELD

    @property
    def citation(self) -> Citation:
        """``Citation(chapter=2)``; in a code whose chapters restart in each 编 (刑法, 民法典) the
        citation names the 编 too: ``Citation(part=2, chapter=1)``.  A chapter built alone answers
        from its own number."""
        if self._cite is None:
            from .citation import Citation

            return Citation(chapter=self.number)
        return cite_of("Chapter", self._cite, "章")

    def __attrs_post_init__(self) -> None:
        check_number("Chapter", self.number)
        check_line("Chapter", self.title)
        check_paragraph_numbers(self, self.children)
        check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第五章``."""
        return unit_label(self.number, CHAPTER_UNIT)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The chapter's sections, in document order."""
        return tuple(c for c in self.children if isinstance(c, Section))

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the chapter, those inside its sections included, in document order."""
        return tuple(articles_in(self.children))


@attrs.frozen(repr=False)
@by_fields("number", "title", "children")
class Subpart:
    """分编: a subpart of a 编 (民法典)."""

    __repr__ = heading_repr

    number: int
    title: str = ""
    children: tuple[Chapter | Section | Article | Paragraph | Table, ...] = ()
    _cite: tuple[int | None, ...] | None = CITE_FIELD

    @property
    def citation(self) -> Citation:
        """``Citation(part=3, subpart=2)`` (合同编第二分编); a 分编 outside any 编 (a file holding
        one 编 of a code) or built alone answers without it: ``Citation(subpart=2)``."""
        from .citation import Citation

        part = self._cite[0] if self._cite is not None else None
        return Citation(part=part, subpart=self.number)

    def __attrs_post_init__(self) -> None:
        check_number("Subpart", self.number)
        check_line("Subpart", self.title)
        check_paragraph_numbers(self, self.children)
        check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第一分编``."""
        return unit_label(self.number, SUBPART_UNIT)

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """The subpart's chapters, in document order."""
        return tuple(c for c in self.children if isinstance(c, Chapter))

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the subpart, those inside its chapters included, in document order."""
        return tuple(articles_in(self.children))


@attrs.frozen(repr=False)
@by_fields("number", "title", "children")
class Part:
    """编: the largest division of a code (刑法 第一编 总则)."""

    __repr__ = heading_repr

    number: int
    title: str = ""
    children: tuple[Subpart | Chapter | Section | Article | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_number("Part", self.number)
        check_line("Part", self.title)
        check_paragraph_numbers(self, self.children)
        check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第二编``."""
        return unit_label(self.number, PART_UNIT)

    @property
    def citation(self) -> Citation:
        """``Citation(part=2)``."""
        from .citation import Citation

        return Citation(part=self.number)

    @property
    def subparts(self) -> tuple[Subpart, ...]:
        """The part's subparts (分编), in document order."""
        return tuple(c for c in self.children if isinstance(c, Subpart))

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Every chapter of the part, those inside its subparts included."""
        out: list[Chapter] = []
        for child in self.children:
            if isinstance(child, Chapter):
                out.append(child)
            elif isinstance(child, Subpart):
                out.extend(child.chapters)
        return tuple(out)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the part, in document order."""
        return tuple(articles_in(self.children))


@attrs.frozen(repr=False)
@by_fields("title", "children")
class Appendix:
    """An appendix (附件一, 附表, 附：) after the body: a title line and free text."""

    __repr__ = appendix_repr

    title: str
    children: tuple[Division | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_line("Appendix", self.title)
        if not re.fullmatch(APPENDIX_TITLE_PATTERN, self.title):
            raise ValueError(
                f"an appendix title reads 附件一, 附件：…, 附表二 or 附：, got {self.title!r}"
            )
        check_paragraph_numbers(f"Appendix {self.title!r}", self.children)
        check_order(self, self.children)


# The rank of each numbered heading (编 > 分编 > 章 > 节), for _check_order.
RANKS: dict[type, int] = {Part: 1, Subpart: 2, Chapter: 3, Section: 4}
# What check_order looks at: a heading, numbered or not, among the children.
_HEADINGS = frozenset({*RANKS, Division})

#: What the body of a regulation holds at its top level.
Node: TypeAlias = Part | Subpart | Chapter | Section | Article | Division | Paragraph | Table
