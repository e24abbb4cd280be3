"""Ranges and lists of citations, and resolving any citation against a regulation.

:class:`CitationRange` (第三十五条至第三十八条) and :class:`CitationList` (第三十五条、第三十六条或者第四十条,
its conjunction kept) hold :class:`~.citation.Citation` values; :func:`resolve` finds the unit a
citation names (``Regulation.resolve`` calls it), and :func:`complete` undoes the single-款 rule
(最高人民法院 1956 通知: 条下只有一款的，直接写条和项): with a regulation, ``第十条第二项`` of a one-款
article is ``Citation(article=10, paragraph=1, item=2)``; in an article of several 款 where one
款 alone has that 项 (浙江省电子商务条例 第十五条), the 项 is that 款's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

from .citation import LEVELS, Citation, replace
from .errors import CitationError, NotFoundError
from .numerals import to_chinese
from .structure import Subpart

if TYPE_CHECKING:
    from .regulation import Regulation
    from .structure import Article, Chapter, Part, Section
    from .units import Item, Paragraph, SubItem

    Unit: TypeAlias = Part | Subpart | Chapter | Section | Article | Paragraph | Item | SubItem

__all__ = [
    "CONJUNCTIONS",
    "Citable",
    "CitationList",
    "CitationRange",
    "complete",
    "complete_range",
    "holders",
    "one_paragraph",
    "resolve",
    "siblings",
]

#: The words that join the last element of a list, as drafters write them: 、 alone, 和, 或者
#: (and its short form 或), 及, 以及, 并.  They are not interchangeable: 或者 makes a disjunction.
CONJUNCTIONS = ("、", "和", "或者", "或", "及", "以及", "并")


def _same_above(a: Citation, b: Citation, level: str) -> bool:
    """True when *a* and *b* cite the same kind of unit (*level*, *a*'s) and differ only in its
    number."""
    if b.level != level or a.title != b.title:
        return False
    for name in LEVELS:
        if name == level:
            return True
        if getattr(a, name) != getattr(b, name):
            return False
    return True  # pragma: no cover - the loop always reaches level


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
        start, end = self.start, self.end
        if not isinstance(start, Citation) or not isinstance(end, Citation):
            raise TypeError(f"a range runs between two Citation values, not {start!r}, {end!r}")
        level = start.level
        if not _same_above(start, end, level):
            raise CitationError(
                f"a range runs between two units of one kind under one parent, not from "
                f"{start!r} to {end!r}"
            )
        if level == "article":
            forward = (start.article or 0, start.suffix) < (end.article or 0, end.suffix)
        else:
            forward = level != "instrument" and getattr(start, level) < getattr(end, level)
        if not forward:
            raise CitationError(f"a range runs forward: {start!r} to {end!r}")

    def expand(self, regulation: Regulation | None = None) -> tuple[Citation, ...]:
        """The single citations the range covers, both ends included.

        Without a regulation every number between the ends (inserted 之N articles are unknown
        then, except the ends themselves); with one, the units that exist, 之N included.
        """
        level = self.start.level
        if regulation is not None:
            start, end = complete_range(self.start, self.end, regulation)
            if level == "article" and _bare(start) and _bare(end):  # by key: no Citation each
                low, high = (start.article, start.suffix), (end.article, end.suffix)
                return tuple(a.citation for a in regulation.articles if low <= a.key <= high)
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
    """``第三十五条、第三十六条或者第四十条``: citations and ranges in the order written, and the
    word that joins the last one.

    :func:`~wuxi_dt_regulation.parse_citations` always returns one (a single citation is a list of
    one); :func:`~wuxi_dt_regulation.format_citation` writes it back with its conjunction, every
    element before the last joined by 、.

    >>> from wuxi_dt_regulation import format_citation
    >>> either = CitationList((Citation(item=1, article=30), Citation(article=30, item=2)), "或者")
    >>> format_citation(either), format_citation(either, "en")
    ('第三十条第一项或者第二项', 'Article 30, Item (1) or Item (2)')

    Attributes:
        items: the citations and ranges.
        conjunction: one of ``CONJUNCTIONS`` (、 和 或者 或 及 以及 并); ``和`` unless the text
            says otherwise.  English
            writes ``or`` for 或者 and 或, ``and`` for the others.
    """

    items: tuple[Citation | CitationRange, ...]
    conjunction: str = "和"

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise CitationError("a CitationList holds at least one citation")
        for item in self.items:
            if not isinstance(item, (Citation, CitationRange)):
                raise TypeError(f"a CitationList holds Citation and CitationRange, got {item!r}")
        if self.conjunction not in CONJUNCTIONS:
            raise CitationError(
                f"a list is joined by one of {' '.join(CONJUNCTIONS)}, not {self.conjunction!r}"
            )

    @property
    def disjunctive(self) -> bool:
        """True when the list offers alternatives (或者, 或) rather than naming them all."""
        return self.conjunction in ("或者", "或")

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
    article = _article_of(citation, regulation)
    return article is not None and len(article.paragraphs) == 1


def _article_of(citation: Citation, regulation: Regulation | None) -> Article | None:
    if regulation is None or citation.article is None:
        return None
    if citation.title is not None and citation.title != regulation.title:
        return None
    if citation.suffix:
        return regulation.get_article((citation.article, citation.suffix))
    return regulation.get_article(citation.article)  # the int form is the quickest lookup


def holders(article: Article, item: int, subitem: int | None = None) -> tuple[int, ...]:
    """The numbers of the 款 of *article* that hold a 项 numbered *item* (by its printed
    number), and with *subitem*, a 项 of that number holding a 目 numbered *subitem*."""
    return tuple(
        p.number
        for p in article.paragraphs
        if any(
            i.number == item and (subitem is None or any(s.number == subitem for s in i.subitems))
            for i in p.items
        )
    )


def complete(citation: Citation, regulation: Regulation) -> Citation:
    """Put back the 款 a 项 is cited without: the only 款 of the article (the single-款 rule,
    undone), or else the one 款 that holds a 项 of that number.  Left as it is when no 款 or
    several hold it (ambiguous: :func:`resolve` says so)."""
    if citation.item is None or citation.paragraph is not None:
        return citation
    article = _article_of(citation, regulation)
    if article is None:
        return citation
    if len(article.paragraphs) == 1:
        return attrs.evolve(citation, paragraph=1)
    found = holders(article, citation.item, citation.subitem)
    return attrs.evolve(citation, paragraph=found[0]) if len(found) == 1 else citation


def complete_range(
    start: Citation, end: Citation, regulation: Regulation
) -> tuple[Citation, Citation]:
    """:func:`complete` both ends of a range of 项 into the same 款: the one 款 that holds the
    start's 项 and the end's (or, when none holds both, the start's alone)."""
    if start.item is None or start.paragraph is not None or end.paragraph is not None:
        return complete(start, regulation), complete(end, regulation)
    article = _article_of(start, regulation)
    if article is None:
        return start, end
    if len(article.paragraphs) == 1:
        return attrs.evolve(start, paragraph=1), attrs.evolve(end, paragraph=1)
    first = holders(article, start.item)
    both = [n for n in first if end.item is not None and n in holders(article, end.item)]
    chosen = both if both else first
    if len(chosen) != 1:
        return start, end
    return attrs.evolve(start, paragraph=chosen[0]), attrs.evolve(end, paragraph=chosen[0])


def _subparts_under(regulation: Regulation, part: int | None) -> tuple[Subpart, ...]:
    if part is not None:
        return regulation.part(part).subparts
    return tuple(n for n in regulation.body if isinstance(n, Subpart))


def _bare(citation: Citation) -> bool:
    """An article cited by its number alone (no title, no heading): it sorts by its key."""
    return (
        citation.title is None
        and citation.part is None
        and citation.subpart is None
        and (citation.chapter is None and citation.section is None)
    )


def siblings(regulation: Regulation, citation: Citation) -> Iterator[Citation]:
    """The citations of every unit of *citation*'s kind under its parent, in document order.

    Nothing when the parent is not known: a 项 cited without its 款 in an article whose 款 do
    not say which one holds it.
    """
    level = citation.level
    found: Iterator[Citation]
    if level == "article":
        found = (a.citation for a in regulation.articles)
    elif level == "part":
        found = (p.citation for p in regulation.parts)
    elif level == "subpart":
        try:
            found = (s.citation for s in _subparts_under(regulation, citation.part))
        except NotFoundError:
            return
    elif level == "chapter":
        found = (c.citation for c in regulation.chapters if c.citation.part == citation.part)
    elif level == "section":
        found = (
            s.citation
            for s in regulation.sections
            if (s.citation.part, s.citation.chapter) == (citation.part, citation.chapter)
        )
    else:
        if level == "item" and citation.paragraph is None:
            return  # which 款? (complete() fills it in wherever the text allows)
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
        paragraph = _paragraph_holding(article, citation.item or 1, citation.subitem)
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


def _paragraph_holding(article: Article, item: int, subitem: int | None) -> Paragraph:
    """The 款 a 项 cited without its 款 stands in: the only 款, or the one 款 holding that 项
    (with a 目 cited, the one 款 whose 项 of that number holds it)."""
    if len(article.paragraphs) == 1:
        return article.paragraphs[0]
    found = holders(article, item, subitem) if subitem is not None else ()
    if len(found) == 1:
        return article.paragraph(found[0])
    wanted = f"第{to_chinese(item)}项"
    count = len(article.paragraphs)
    found = found or holders(article, item)
    if len(found) == 1:  # a 目 the one 项 does not hold: resolve names what is missing
        return article.paragraph(found[0])
    if not found:
        raise NotFoundError(f"{article.label} has {count} 款 and none has a {wanted}")
    if subitem is not None and not holders(article, item, subitem):
        raise NotFoundError(
            f"{article.label} has {count} 款 and no {wanted} of them has a "
            f"第{to_chinese(subitem)}目"
        )
    which = "、".join(f"第{to_chinese(n)}款" for n in found)
    raise NotFoundError(
        f"{article.label} has {count} 款: say which 款 holds {wanted} ({which} each have one)"
    )


def _resolve_heading(regulation: Regulation, citation: Citation) -> Unit:
    if citation.subpart is not None:
        subparts = _subparts_under(regulation, citation.part)
        subpart = next((s for s in subparts if s.number == citation.subpart), None)
        if subpart is None:
            where = regulation.part(citation.part).label if citation.part else regulation.title
            labels = "、".join(s.label for s in subparts) or "none"
            raise NotFoundError(
                f"{where} has no 第{to_chinese(citation.subpart)}分编; its 分编 are {labels}"
            )
        return subpart
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
