"""The two versions a diff compares, as the decision writer (:mod:`.decision`) needs them.

A :class:`~.regulation_diff.RegulationDiff` keeps the new version's skeleton, the old version's
skeleton and every article of both versions (in its comparison rows).  What a 修改决定 needs is
where each old and new article stands (its chapter and section, by their numbers), which
headings there were, and which old heading each new one continues:

* the new version is the skeleton with every article filled in from the rows;
* an old article's place, and the old headings, are read in the old skeleton (articles are
  matched by number: an instruction names articles by number, so a text whose numbers repeat
  cannot be amended by instructions anyway);
* each new heading continues the old heading the diff aligned with it (its heading rows), the
  same heading inside the old heading its parent continues when several have that name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .changes import Heading
from .patch import map_articles

if TYPE_CHECKING:
    from .regulation_diff import RegulationDiff

__all__ = ["KINDS", "Group", "Place", "Sides", "heading_of", "walk"]

#: Where a unit stands: the headings around it, outermost first (empty at the top level).
Place = tuple[Heading, ...]

#: The kind of heading of each container class, as :class:`Heading` names it.
KINDS: dict[type, str] = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节", Division: ""}


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

    def __init__(self, diff: RegulationDiff, template: Regulation, old: Regulation) -> None:
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
        olds = [article for group in self.groups for article in group.olds]
        where = {a.key: p for p, a in walk(old.body) if isinstance(a, Article)}
        order = {a.key: k for k, a in enumerate(old.articles)}
        headings = [p for p, node in walk(old.body) if not isinstance(node, Article)]
        self.old_place = {id(article): where[article.key] for article in olds}
        self.old_articles = sorted(olds, key=lambda a: order[a.key])
        self.old_headings = headings
        self.counterpart = self._counterparts(heading_rows, aligned, headings)

    def _rebuild(self, template: Regulation) -> Regulation:
        pool: dict[tuple[int, int], list[Article]] = {}
        for group in self.groups:
            for article in group.news:
                pool.setdefault(article.key, []).append(article)
        for articles in pool.values():
            articles.reverse()
        return attrs.evolve(template, body=map_articles(template.body, lambda a: pool[a.key].pop()))

    def _counterparts(
        self, rows: list[tuple[int, Any]], aligned: dict[Place, Heading | None], old: list[Place]
    ) -> dict[Place, Place]:
        """The old heading each new heading continues; records the row of each old heading."""
        counterpart: dict[Place, Place] = {}
        taken: set[Place] = set()
        new_places = iter(aligned)
        for index, row in rows:
            new = next(new_places) if row.new_heading is not None else None
            heading = row.old_heading
            if heading is None:
                continue
            parent: Place | None = None
            if new is not None and len(new) > 1:
                parent = counterpart.get(new[:-1])
            candidates = [p for p in old if p[-1] == heading and p not in taken]
            if not candidates:  # pragma: no cover - the rows show the old skeleton's headings
                raise ValueError(f"{heading.text}: not a heading of the old version")
            chosen = next((p for p in candidates if p[:-1] == parent), candidates[0])
            taken.add(chosen)
            self.heading_rows[("old", chosen)] = index
            if new is not None:
                counterpart[new] = chosen
        return counterpart
