"""The two versions a diff compares, as the decision writer (:mod:`.decision`) needs them.

A :class:`~.regulation_diff.RegulationDiff` is a patch: it keeps the new version's skeleton and
every article of both versions (in its comparison rows), but not the old version itself.  What
a 修改决定 needs of the old version is where each old article stood (its chapter and section, by
their old numbers) and which old headings there were; this module reads both from the diff:

* the new version is the skeleton with every article filled in from the rows;
* an old article's place is the one its :class:`ArticleChange` records, or, for an article that
  did not change (same text, number and place), its new place read back through the headings
  the diff aligned;
* the old headings are those places, and the old headings of the comparison rows that hold no
  article (an empty chapter), placed after the old heading printed before them.

Old articles are taken in the order of their numbers, which is their order in any text whose
numbers run forward (an instruction names articles by number, so a text whose numbers repeat
cannot be amended by instructions anyway).  A diff that keeps the old version's skeleton can
give it (``old``): the places and the order are then read there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .changes import ArticleChange, Heading

if TYPE_CHECKING:
    from .regulation_diff import RegulationDiff

__all__ = ["KINDS", "Group", "Place", "Sides", "heading_of", "walk"]

#: Where a unit stands: the headings around it, outermost first (empty at the top level).
Place = tuple[Heading, ...]

#: The kind of heading of each container class, as :class:`Heading` names it.
KINDS: dict[type, str] = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节", Division: ""}
#: How deep each kind of heading nests (a 节 inside a 章 inside a 编).
RANK = {"编": 0, "分编": 1, "章": 2, "": 2, "节": 3}


def heading_of(node: Any) -> Heading:
    """The :class:`Heading` of a container."""
    kind = KINDS[type(node)]
    return Heading(kind, 0 if kind == "" else node.number, node.title)


def walk(nodes: tuple[Any, ...], place: Place = ()) -> Iterator[tuple[Place, Any]]:
    """Every heading and article under *nodes*, in document order, with its place (a heading's
    place ends with itself; an article's is the place of its container)."""
    for node in nodes:
        if isinstance(node, Article):
            yield place, node
        elif type(node) in KINDS:
            inner = (*place, heading_of(node))
            yield inner, node
            yield from walk(node.children, inner)


def _map_articles(nodes: tuple[Any, ...], fn: Callable[[Article], Article]) -> tuple[Any, ...]:
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Article):
            out.append(fn(node))
        elif type(node) in KINDS:
            out.append(attrs.evolve(node, children=_map_articles(node.children, fn)))
        else:
            out.append(node)
    return tuple(out)


@attrs.frozen
class Group:
    """One comparison row of articles: the old articles and the new ones aligned together
    (one each for an article kept or edited; several for a split or a merge; none on one side
    for an article added or deleted), and the row's position in the table."""

    olds: tuple[Article, ...]
    news: tuple[Article, ...]
    row: int


class Sides:
    """The old and new versions a diff compares, rebuilt from it (see the module docstring).

    Attributes:
        new: the new version, whole.
        groups: the article rows, in the order of the comparison table.
        old_place: the place of each old article (by ``id``).
        new_place: the place of each new article (by ``id``).
        old_headings: the place of every old heading, in document order.
        counterpart: the old heading aligned with each new heading (by place).
        heading_rows: the row of each new heading, and of each old one (by place).
    """

    def __init__(
        self, diff: RegulationDiff, template: Regulation, old: Regulation | None = None
    ) -> None:
        self.groups = [
            Group(row.old, row.new, index)
            for index, row in enumerate(diff.rows)
            if not row.is_heading
        ]
        self.new = self._rebuild(template)
        self.new_place: dict[int, Place] = {}
        new_headings: list[Place] = []
        for place, node in walk(self.new.body):
            if isinstance(node, Article):
                self.new_place[id(node)] = place
            else:
                new_headings.append(place)
        heading_rows = [(index, row) for index, row in enumerate(diff.rows) if row.is_heading]
        paired = [(index, row) for index, row in heading_rows if row.new_heading is not None]
        if len(paired) != len(new_headings):  # pragma: no cover - the diff lists every heading
            raise ValueError("the diff's headings do not match its new version")
        self.heading_rows: dict[tuple[str, Place], int] = {}
        aligned: dict[Place, Heading | None] = {}
        for place, (index, row) in zip(new_headings, paired, strict=True):
            aligned[place] = row.old_heading
            self.heading_rows[("new", place)] = index
        changed = {id(c.old): c for c in diff.changes if c.old is not None}
        self.old_place: dict[int, Place] = {}
        olds = [article for group in self.groups for article in group.olds]
        known: set[Place] = set()
        if old is not None:  # the old version (or its skeleton) is known: read the places there
            where = {a.key: p for p, a in walk(old.body) if isinstance(a, Article)}
            order = {a.key: k for k, a in enumerate(old.articles)}
            known = {p for p, node in walk(old.body) if not isinstance(node, Article)}
            for article in olds:
                self.old_place[id(article)] = where[article.key]
            self.old_articles = sorted(olds, key=lambda a: order[a.key])
        else:
            for group in self.groups:
                for article in group.olds:
                    self.old_place[id(article)] = self._old_place(article, group, changed, aligned)
            self.old_articles = sorted(olds, key=lambda a: a.key)
        for place in self.old_place.values():
            known.update(place[:depth] for depth in range(1, len(place) + 1))
        self.counterpart, self.old_headings = self._old_headings(heading_rows, aligned, known)

    def _rebuild(self, template: Regulation) -> Regulation:
        pool: dict[tuple[int, int], list[Article]] = {}
        for group in self.groups:
            for article in group.news:
                pool.setdefault(article.key, []).append(article)
        for articles in pool.values():
            articles.reverse()
        return attrs.evolve(
            template, body=_map_articles(template.body, lambda a: pool[a.key].pop())
        )

    def _old_place(
        self,
        old: Article,
        group: Group,
        changed: dict[int, ArticleChange],
        aligned: dict[Place, Heading | None],
    ) -> Place:
        change = changed.get(id(old))
        if change is not None:
            return change.old_place
        # unchanged: same text, number and place; its place read back through the headings
        new = self.new_place[id(group.news[0])]
        out: list[Heading] = []
        for depth in range(1, len(new) + 1):
            heading = aligned.get(new[:depth])
            if heading is None:  # pragma: no cover - an unchanged article kept its headings
                raise ValueError(f"{old.label}: its old place cannot be read from the diff")
            out.append(heading)
        return tuple(out)

    def _old_headings(
        self, rows: list[tuple[int, Any]], aligned: dict[Place, Heading | None], known: set[Place]
    ) -> tuple[dict[Place, Place], list[Place]]:
        counterpart: dict[Place, Place] = {}
        found: list[Place] = []
        running: Place = ()
        new_places = iter(place for place in aligned)
        for index, row in rows:
            new = next(new_places) if row.new_heading is not None else None
            old = row.old_heading
            if old is None:
                continue
            parent: Place | None = None
            if new is not None and len(new) > 1:
                parent = counterpart.get(new[:-1])
            candidates = [p for p in known if p[-1] == old and p not in found]
            chosen = next((p for p in candidates if p[:-1] == parent), None) or (
                min(candidates, key=_place_order) if candidates else None
            )
            if chosen is None:  # a heading that holds no article: after the one before it
                outer = tuple(h for h in running if RANK[h.kind] < RANK[old.kind])
                chosen = (*outer, old)
            found.append(chosen)
            self.heading_rows[("old", chosen)] = index
            running = chosen
            if new is not None:
                counterpart[new] = chosen
        found.extend(p for p in known if p not in found)
        found.sort(key=_place_order)
        return counterpart, found


def _place_order(place: Place) -> tuple[tuple[int, int], ...]:
    return tuple((RANK[h.kind], h.number) for h in place)
