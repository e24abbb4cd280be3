"""Ranges and lists of citations, and resolving any citation against a regulation.

:class:`CitationRange` (第三十五条至第三十八条) and :class:`CitationList` (第三十五条、第三十六条和第四十条)
hold :class:`~.citation.Citation` values; :func:`resolve` finds the unit a citation names
(``Regulation.resolve`` calls it), and :func:`complete` undoes the single-款 rule (最高人民法院
1956 通知: 条下只有一款的，直接写条和项): with a regulation, ``第十条第二项`` of a one-款 article is
``Citation(article=10, paragraph=1, item=2)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

from .citation import LEVELS, Citation, replace
from .errors import CitationError, NotFoundError
from .numerals import to_chinese

if TYPE_CHECKING:
    from .regulation import Regulation
    from .structure import Article, Chapter, Part, Section
    from .units import Item, Paragraph, SubItem

    Unit: TypeAlias = Part | Chapter | Section | Article | Paragraph | Item | SubItem

__all__ = [
    "Citable",
    "CitationList",
    "CitationRange",
    "complete",
    "one_paragraph",
    "resolve",
    "siblings",
]


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
            start, end = complete(self.start, regulation), complete(self.end, regulation)
            return tuple(c for c in siblings(regulation, start) if start <= c <= end)
        first = getattr(self.start, level)
        last = getattr(self.end, level)
        out = [self.start]
        out.extend(
            replace(self.start, {level: n, "suffix": 0} if level == "article" else {level: n})
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


def one_paragraph(citation: Citation, regulation: Regulation | None) -> bool:
    """Whether the citation's article is known to have exactly one 款."""
    if regulation is None or citation.article is None:
        return False
    if citation.title is not None and citation.title != regulation.title:
        return False
    article = regulation.get_article((citation.article, citation.suffix))
    return article is not None and len(article.paragraphs) == 1


def complete(citation: Citation, regulation: Regulation) -> Citation:
    """Put back ``paragraph=1`` under an article with one 款 (the single-款 rule, undone)."""
    if (
        citation.item is not None
        and citation.paragraph is None
        and one_paragraph(citation, regulation)
    ):
        return attrs.evolve(citation, paragraph=1)
    return citation


def siblings(regulation: Regulation, citation: Citation) -> Iterator[Citation]:
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
            parent = resolve(regulation, replace(citation, {"title": None, level: None}))
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
    wuxi_dt_regulation.NotFoundError: 第三十五条 has 4 款; there is no 第五款

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
