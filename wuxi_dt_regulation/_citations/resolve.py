"""Resolving what the reader read (:class:`~.grammar.Group`) into a typed value: relative forms
against the place the text stands (``at``), bare 项 into their 款, instruments into full titles
(刑法 → 中华人民共和国刑法, 该法 → the instrument named before it).

Nothing here expands a range: a match holds ranges as :class:`CitationRange` values, so that the
cost of finding does not depend on the numbers a text names.
"""

from __future__ import annotations

import attrs

from .._model.citation import LEVELS, Citation, citation_title
from .._model.ranges import CitationList, CitationRange, complete
from .._model.references import Kind
from .context import Scan
from .grammar import RANK, Group, Ref

__all__ = ["anchored", "resolve_group"]

_HEADINGS = ("part", "subpart", "chapter", "section")
_ANCHORS = frozenset(("part", "subpart", "chapter", "article"))  # a ref naming one stands alone


def anchored(ref: Ref) -> bool:
    """Whether *ref* names its unit on its own (第三条第二款), not relative to where it stands."""
    return ref.rel is None and not _ANCHORS.isdisjoint(ref.levels)


def _relative_base(ref: Ref, at: Citation | None, scan: Scan) -> list[Citation] | None:
    """The citations a relative head stands for (前两款 stands for two), or None."""
    assert ref.rel is not None
    how, level, count = ref.rel
    if at is None:
        return None
    if scan.regulation is not None:
        at = complete(at, scan.regulation)
    if level in _HEADINGS:
        if at.article is None:
            if how != "this" or getattr(at, level) is None:
                return None
            fields = {name: getattr(at, name) for name in LEVELS[: RANK[level] + 1]}
            if level == "subpart":
                fields = {"part": at.part, "subpart": at.subpart}
            return [Citation(**fields)]
        if how != "this" or scan.regulation is None:
            return None
        found = scan.home((at.article, at.suffix), level)
        return [found] if found is not None else None
    if at.article is None:
        return None
    if level == "article":
        if how == "this":
            return [Citation(article=at.article, suffix=at.suffix)]
        keys = scan.before((at.article, at.suffix), count)
        return [Citation(article=n, suffix=s) for n, s in keys] or None
    own = getattr(at, level)
    if own is None:
        return None
    base = {
        name: getattr(at, name)
        for name in ("article", "paragraph", "item")
        if RANK[name] < RANK[level]
    }
    numbers = [own] if how == "this" else list(range(own - count, own))
    if not numbers or numbers[0] < 1:
        return None
    return [Citation(suffix=at.suffix, **base, **{level: n}) for n in numbers]  # type: ignore[arg-type]


def _resolve_ref(
    ref: Ref, at: Citation | None, scan: Scan, title: str | None
) -> list[Citation] | None:
    """The absolute citations one reference stands for, or None when it cannot be resolved.

    A 项 cited without its 款 keeps ``paragraph=None`` here; :func:`_place_items` gives it one.
    """
    levels = dict(ref.levels)
    if ref.rel is not None:
        bases = _relative_base(ref, at, scan)
        if bases is None:
            return None
        if len(bases) > 1:
            return bases
        base = bases[0]
        fields = dict(base.levels())
        fields.update(levels)
        try:
            return [Citation(title=title, suffix=base.suffix, **fields)]
        except ValueError:
            return None
    if _ANCHORS.isdisjoint(levels):
        # 第二款, 第一项至第三项 alone: inside the article (款) or paragraph (项) at hand
        if at is None or at.article is None or not levels:
            return None
        article = at.article
        if scan.regulation is not None:
            at = complete(at, scan.regulation)
        top = min(RANK[name] for name in levels)
        if top != RANK["item"] or scan.regulation is None:
            # with the regulation, a 项's 款 is placed by _place_items, which knows where 项 are
            for name in ("paragraph", "item"):
                if RANK[name] < top and getattr(at, name) is not None:
                    levels.setdefault(name, getattr(at, name))
        levels["article"] = article
        ref = attrs.evolve(ref, suffix=at.suffix)
    try:
        return [Citation(title=title, suffix=ref.suffix, **levels)]
    except ValueError:
        return None


def _place_items(
    start: Citation, end: Citation | None, at: Citation | None, scan: Scan
) -> tuple[Citation, Citation | None]:
    """Give 项 cited without their 款 the 款 they stand in (both ends of a range the same one)."""
    if scan.regulation is None or start.title is not None or start.article is None:
        return start, end
    if start.item is None or start.paragraph is not None:
        return complete(start, scan.regulation), end
    if end is not None and (end.paragraph is not None or end.item is None):
        return start, end
    items = (start.item,) if end is None or end.item is None else (start.item, end.item)
    key = (start.article, start.suffix)
    number = scan.item_paragraph(key, items, at)
    if number is None:
        return start, end
    start = attrs.evolve(start, paragraph=number)
    return start, (attrs.evolve(end, paragraph=number) if end is not None else None)


def resolve_group(
    group: Group, at: Citation | None, scan: Scan
) -> tuple[Kind, CitationList | None]:
    """The kind of citation *group* is, and its value (None when nothing could be resolved)."""
    regulation = scan.regulation
    instrument = group.instrument
    title: str | None = None
    kind: Kind = "absolute"
    if instrument is not None:
        what, name = instrument
        found = citation_title(regulation.title) if regulation is not None else None
        if what == "self":
            kind = "internal"
        else:
            found = scan.that(name) if what == "that" else scan.title_of(name)
            if found is None:
                return "unresolvable", None  # 该法 with no instrument named before it
            own = regulation is not None and found == citation_title(regulation.title)
            kind, title = ("internal", None) if own else ("external", found)
        if found is not None:
            scan.saw(found)
        if not group.elements and found is not None:
            return kind, CitationList((Citation(title=found),))
    items: list[Citation | CitationRange] = []
    for element in group.elements:
        if kind == "absolute" and not all(map(anchored, element.refs)):
            kind = "relative"
        ends = [_resolve_ref(ref, at, scan, title) for ref in element.refs]
        if any(e is None for e in ends):
            continue
        if len(ends) == 1:
            found_list = ends[0] or []
            if len(found_list) > 1:
                items.append(CitationRange(found_list[0], found_list[-1]))
            elif found_list:
                items.append(_place_items(found_list[0], None, at, scan)[0])
            continue
        start, end = _place_items((ends[0] or [])[0], (ends[1] or [])[-1], at, scan)
        assert end is not None
        try:
            items.append(CitationRange(start, end))
        except ValueError:
            # 第九十条至第八十条, 第三条至第五条第二款: parse_citations refuses such a range, and
            # no list of its ends would say what the text means
            return "unresolvable", None
    if not items:
        return kind, None
    return kind, CitationList(tuple(items), group.conjunction)
