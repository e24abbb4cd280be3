"""A regulation's references placed on the units :func:`.units.walk_units` visits, with the
span and target eId of every link, and a unit's citation in every style.

:func:`unit_references` pairs each text :meth:`Regulation.references` reads with its unit (the
texts are found again with :func:`~wuxi_dt_regulation.find_citations`, so that a reference's
span is in the right unit even where two texts share a citation, as a 目 and the （1） under it
do) and splits a list or a range into one link per element: in ``本法第十条、第十一条`` the two
citations link to their own articles, in ``第三十五条至第三十八条`` the two ends to theirs.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from .._citations.find import find_citations
from .._citations.format import STYLES, format_citation
from .._citations.grammar import Reader
from .._citations.tokens import ANCHOR_RE
from .._model.citation import Citation
from .._model.errors import CitationError, NotFoundError
from .._model.ranges import CitationRange
from .._model.references import CitationMatch, Reference
from .._model.regulation import Regulation

if TYPE_CHECKING:
    from .units import UnitInfo

__all__ = ["Link", "UnitReference", "citation_texts", "unit_references"]


@attrs.frozen
class Link:
    """One citation inside a reference: its span in the unit's text, the citation it names and
    the eId of the unit it names (None when the regulation has no such unit, and for the
    regulation as a whole: 《its own title》, whose citation's level is ``instrument``)."""

    start: int
    end: int
    citation: Citation
    target: str | None


@attrs.frozen
class UnitReference:
    """A :class:`~wuxi_dt_regulation.Reference` of a unit's text, with its links.

    Attributes:
        reference: the reference (its ``match`` span is in the unit's ``text``, whose lines
            after the first are its further paragraphs: a span there is moved on from its
            line, where :meth:`Regulation.references` puts it).
        links: one per citation written (a range's two ends, each element of a list), for the
            references that name units of the regulation itself; empty for external and
            unresolvable references.
        targets: every unit the reference points to (a range expanded), with its eId or None.
    """

    reference: Reference
    links: tuple[Link, ...]
    targets: tuple[tuple[Citation, str | None], ...]

    @property
    def instrument(self) -> str | None:
        """The title of the other instrument an external reference names, else None."""
        if self.reference.match.kind != "external":
            return None
        value = self.reference.match.value
        if value is not None:
            first = value.items[0]
            title = (first.start if isinstance(first, CitationRange) else first).title
            if title:
                return title
        text = self.reference.match.text
        if "《" in text and "》" in text:
            return text[text.index("《") + 1 : text.index("》")]
        return None


class _Targets:
    """The eId of the unit a citation names, through ``Regulation.resolve`` (which knows the
    single-款 rule), by the identity of the unit object it returns."""

    def __init__(self, regulation: Regulation, units: list[UnitInfo]) -> None:
        self.regulation = regulation
        self.by_node: dict[int, str] = {}
        for unit in units:
            if unit.region == "body":
                self.by_node.setdefault(id(unit.node), unit.eid)

    def eid(self, citation: Citation) -> str | None:
        try:
            node = self.regulation.resolve(attrs.evolve(citation, title=None))
        except (NotFoundError, CitationError):
            return None
        return self.by_node.get(id(node))


def _links(text: str, ref: Reference, targets: _Targets) -> tuple[Link, ...]:
    match = ref.match
    value = match.value
    if match.kind not in ("absolute", "internal", "relative") or value is None:
        return ()
    spans: list[tuple[int, int, Citation]] = []
    try:
        group = Reader(text, match.start, strict=False).group()
    except CitationError:
        group = None
    if (
        group is not None
        and (group.start, group.end) == (match.start, match.end)
        and len(group.elements) == len(value.items)
    ):
        for element, item in zip(group.elements, value.items, strict=True):
            refs = element.refs
            if isinstance(item, CitationRange) and len(refs) == 2:
                spans.append((refs[0].start, refs[0].end, item.start))
                spans.append((refs[1].start, refs[1].end, item.end))
            else:
                first = item.start if isinstance(item, CitationRange) else item
                spans.append((refs[0].start, refs[-1].end, first))
        # the instrument written before the first citation (本条例, 《…》) is part of its link
        spans[0] = (match.start, *spans[0][1:])
    else:  # a form the element reading does not cover: one link, to the first unit named
        head = value.items[0]
        spans.append(
            (match.start, match.end, head.start if isinstance(head, CitationRange) else head)
        )
    return tuple(Link(start, end, cited, targets.eid(cited)) for start, end, cited in spans)


def unit_references(
    regulation: Regulation, units: list[UnitInfo]
) -> dict[str, tuple[UnitReference, ...]]:
    """The references of each unit's text, by the unit's eId (units without any are left out).

    Only the texts :meth:`Regulation.references` reads carry references: the 款, 项 and 目 of
    the body's articles.  Free text, the preamble and appendices are not read (an appendix
    that is a document of its own numbers its articles afresh).
    """
    by_at: dict[Citation, list[Reference]] = {}
    for ref in regulation.references():
        by_at.setdefault(ref.at, []).append(ref)
    scanned = [unit for unit in units if unit.scanned and unit.text and unit.at is not None]
    sharing = Counter(unit.at for unit in scanned)
    targets = _Targets(regulation, units)
    out: dict[str, tuple[UnitReference, ...]] = {}
    for unit in scanned:
        assert unit.at is not None
        pool = by_at.get(unit.at, [])
        mine = pool
        if "\n" in unit.text:
            # a unit of several paragraphs: references() read each line on its own, with spans
            # in the line; find them line by line, placed in the whole text
            mine = []
            offset = 0
            for line in unit.text.split("\n"):
                for match in find_citations(line, regulation=regulation, at=unit.at):
                    mine.append(_shifted(_take(pool, match, unit.at, targets), offset))
                offset += len(line) + 1
        elif (
            sharing[unit.at] > 1
            or any(unit.text[r.match.start : r.match.end] != r.match.text for r in pool)
            or (not pool and ANCHOR_RE.search(unit.text) is not None)
        ):
            # several texts stand at one citation (a 目 and the （1） under it, an article
            # number printed twice), or references() did not read this text as the walk
            # does: find this text's own references in it
            found_here = find_citations(unit.text, regulation=regulation, at=unit.at)
            mine = [_take(pool, match, unit.at, targets) for match in found_here]
        found: list[UnitReference] = []
        for ref in mine:
            resolved: tuple[tuple[Citation, str | None], ...] = ()
            if ref.match.kind in ("absolute", "internal", "relative"):
                resolved = tuple((c, targets.eid(c)) for c in ref.targets)
            found.append(UnitReference(ref, _links(unit.text, ref, targets), resolved))
        if found:
            out[unit.eid] = tuple(found)
    return out


def _shifted(ref: Reference, offset: int) -> Reference:
    """*ref* with its span moved *offset* characters on (from its line to the unit's text)."""
    if not offset:
        return ref
    match = ref.match
    moved = attrs.evolve(match, start=match.start + offset, end=match.end + offset)
    return attrs.evolve(ref, match=moved)


def _take(
    pool: list[Reference], match: CitationMatch, at: Citation, targets: _Targets
) -> Reference:
    """The reference of *pool* found as *match*, removed from it; one built from *match* when
    ``references()`` did not read the text (its targets checked the same way)."""
    key = (match.start, match.end, match.text)
    for n, ref in enumerate(pool):
        if (ref.match.start, ref.match.end, ref.match.text) == key:
            return pool.pop(n)
    missing = (
        ()
        if match.kind in ("external", "unresolvable")
        else tuple(c for c in match.citations if targets.eid(c) is None)
    )
    return Reference(at, match, missing)


def citation_texts(citation: Citation, regulation: Regulation) -> dict[str, str]:
    """*citation* written in each style of :func:`format_citation` that can write it, in the
    order of ``STYLES`` (a style that cannot, such as ``internal`` for a title that says
    nothing of how the instrument calls itself, is left out).

    >>> from wuxi_dt_regulation import load
    >>> texts = citation_texts(Citation(article=35, paragraph=2), load())
    >>> texts["full"], texts["academic"], texts["en-compact"], texts["eid"]
    ('《无锡市数字化转型促进条例》第三十五条第二款', '《无锡市数字化转型促进条例》第35条第2款', 'Art. 35(2)', 'art_35__para_2')
    """
    out: dict[str, str] = {}
    for style in STYLES:
        try:
            out[style] = format_citation(citation, style, regulation=regulation)
        except CitationError:
            continue
    return out
