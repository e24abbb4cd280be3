"""What a decision written from a diff does to the structure (:mod:`.decision` writes it).

**Headings.**  A new 章 or 节 is *kept* when the diff aligned it with an old one of the same
kind, inside the old heading its parent kept, and in order among its siblings (a longest
increasing run); the other new 章 and 节 are added (quoted whole with their articles) and the
old ones no new heading keeps are deleted.  编, 分编 and unnumbered headings have no instruction
that adds or deletes them: they must all be kept.

**Articles.**  An old article and the new one the diff aligned with it (the first of each side
of a split or merge) *stay* when the new one stands in the heading that keeps the old one's, in
order (a longest increasing run again); the others move (``移至``) into a kept heading, or are
quoted anew where the new one stands and deleted where the old one stood.

**Numbering.**  With every surviving article keeping its number (deleted ones left as
``第X条 （删去）``, new ones at numbers of their own), the decision does not renumber.  Otherwise
it renumbers (``条文顺序作相应调整``), and the new version must be numbered in sequence from the
old one's first number.  When the new version keeps the old numbers but the diff aligned the
articles otherwise (texts that repeat), articles are aligned by number instead, as a 修正案
names them.
"""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

from .._model.regulation import Regulation
from .._model.structure import Article
from .quoting import Unwritable, cn
from .restore import Group, Place, Sides, walk

if TYPE_CHECKING:
    from .regulation_diff import RegulationDiff

__all__ = ["DELETED", "Pair", "Plan", "chain"]

#: The text a deleted article keeps when a text is not renumbered (``_amend/apply.py``).
DELETED = "（删去）"
#: An old article, the new one it becomes, and the row of the comparison table they stand in.
Pair = tuple[Article, Article, int]


def chain(values: list[int]) -> set[int]:
    """The indices of a longest strictly increasing run of *values* (in order)."""
    tails: list[int] = []
    tail_index: list[int] = []
    back = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[at] = value
            tail_index[at] = k
        back[k] = tail_index[at - 1] if at else -1
    out: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        out.add(k)
        k = back[k]
    return out


def _numbers(place: Place) -> tuple[tuple[str, int, str], ...]:
    return tuple((h.kind, h.number, h.title if not h.kind else "") for h in place)


def _is_deleted(article: Article) -> bool:
    return [p.text for p in article.paragraphs] == [DELETED] and not article.paragraphs[0].items


class Plan:
    """The structural plan of a decision (see the module docstring)."""

    def __init__(self, diff: RegulationDiff, template: Regulation, old: Regulation) -> None:
        self.diff = diff
        self.sides = Sides(diff, template, old)
        self.new = self.sides.new
        self.articles = [(p, n) for p, n in walk(self.new.body) if isinstance(n, Article)]
        self.new_index = {id(article): k for k, (_, article) in enumerate(self.articles)}
        self.old_index = {id(article): k for k, article in enumerate(self.sides.old_articles)}
        self.heads = [p for p, n in walk(self.new.body) if not isinstance(n, Article)]
        self.row = {id(n): g.row for g in self.sides.groups for n in g.news}
        self.merges: list[Group] = []
        self.keep = False
        self.consumed: set[int] = set()
        self.placeholder_rows: dict[tuple[int, int], int] = {}
        self.from_diff()
        self.plan_numbering()
        self.check_headings()

    def from_diff(self) -> None:
        """Plan with the diff's alignment of headings and articles."""
        self.plan_headings(self.sides.counterpart)
        groups = self.sides.groups
        aligned = [(g.olds[0], g.news[0], g.row) for g in groups if g.olds and g.news]
        fresh = [(n, g.row) for g in groups for n in g.news[1 if g.olds else 0 :]]
        gone = [(o, g.row) for g in groups for o in g.olds[1 if g.news else 0 :]]
        self.merges = [g for g in groups if len(g.olds) > 1 and g.news]
        self.plan_articles(aligned, fresh, gone)

    # ---- headings

    def plan_headings(self, counterpart: dict[Place, Place]) -> None:
        children: dict[Place, list[Place]] = {}
        for place in self.heads:
            children.setdefault(place[:-1], []).append(place)
        order = {place: k for k, place in enumerate(self.sides.old_headings)}
        self.kept: dict[Place, Place] = {}
        todo: list[Place] = [()]
        while todo:
            parent = todo.pop()
            old_parent = () if parent == () else self.kept.get(parent)
            if old_parent is None:
                continue
            candidates = []
            for place in children.get(parent, []):
                old = counterpart.get(place)
                if old is not None and old[-1].kind == place[-1].kind and old[:-1] == old_parent:
                    candidates.append((place, old))
            for k in chain([order[old] for _, old in candidates]):
                self.kept[candidates[k][0]] = candidates[k][1]
            todo.extend(children.get(parent, []))
        kept_old = set(self.kept.values())
        for place in self.heads:
            if place not in self.kept and place[-1].kind not in ("章", "节"):
                raise Unwritable(f"{place[-1].text or '(an unnumbered heading)'} is added or moved: "
                                 "no instruction form adds or moves a 编, 分编 or unnumbered heading")  # fmt: skip
        for place in self.sides.old_headings:
            if place not in kept_old and place[-1].kind not in ("章", "节"):
                raise Unwritable(f"{place[-1].text or '(an unnumbered heading)'} is deleted or moved: "
                                 "no instruction form deletes a 编, 分编 or unnumbered heading")  # fmt: skip
        self.deleted = [
            place
            for place in self.sides.old_headings
            if place not in kept_old and all(place[:d] in kept_old for d in range(1, len(place)))
        ]
        self.inserted = [
            place
            for place in self.heads
            if place not in self.kept and (len(place) == 1 or place[:-1] in self.kept)
        ]

    def doomed(self, place: Place) -> bool:
        """True when the old *place* lies in a heading the decision deletes."""
        return any(place[: len(d)] == d for d in self.deleted)

    # ---- articles

    def plan_articles(
        self, aligned: list[Pair], fresh: list[tuple[Article, int]], gone: list[tuple[Article, int]]
    ) -> None:
        aligned = sorted(aligned, key=lambda a: self.new_index[id(a[1])])
        candidates = [a for a in aligned if self.maps(a[0], a[1])]
        run = chain([self.old_index[id(o)] for o, _, _ in candidates])
        self.stays = [candidates[k] for k in sorted(run)]
        staying = {id(o) for o, _, _ in self.stays}
        self.moves: list[Pair] = []
        self.rewrites: list[Pair] = []
        for o, n, row in aligned:
            if id(o) not in staying:
                place = self.sides.new_place[id(n)]
                (self.moves if place and place in self.kept else self.rewrites).append((o, n, row))
        self.fresh = fresh + [(n, row) for _, n, row in self.rewrites]
        self.gone = gone + [(o, row) for o, _, row in self.rewrites]

    def maps(self, old: Article, new: Article) -> bool:
        old_place = self.sides.old_place[id(old)]
        new_place = self.sides.new_place[id(new)]
        if not old_place and not new_place:
            return True
        return bool(new_place) and self.kept.get(new_place) == old_place

    # ---- numbering

    def plan_numbering(self) -> None:
        keys = [a.key for _, a in self.articles]
        if not keys and self.sides.old_articles:
            raise Unwritable(
                "the new version has no article: that is a repeal (废止), not an amendment"
            )
        start = self.sides.old_articles[0].number if self.sides.old_articles else 1
        if self.keeps_numbers():
            return
        sequential = keys == [(start + k, 0) for k in range(len(keys))]
        renumbering = self.cost()
        if self.by_numbers() and (not sequential or self.cost() <= renumbering):
            return  # the diff aligned texts that repeat otherwise, or left them unaligned
        self.from_diff()
        self.keep, self.consumed, self.placeholder_rows = False, set(), {}
        if sequential:
            return
        raise Unwritable(
            "the new version numbers its articles neither as the old one does (with 之N and "
            "（删去） for what is added and deleted) nor in sequence from "
            f"第{cn(start)}条, the only numbering 条文顺序作相应调整 gives"
        )

    def cost(self) -> int:
        """About how many instructions the plan takes: to choose between two that both work."""
        changed = sum(
            [(p.text, p.items) for p in o.paragraphs] != [(p.text, p.items) for p in n.paragraphs]
            for o, n, _ in self.stays
        )
        fresh = sum(id(n) not in self.consumed for n, _ in self.fresh)
        return (
            changed
            + fresh
            + len(self.gone)
            + len(self.moves)
            + len(self.deleted)
            + len(self.inserted)
        )

    def keeps_numbers(self) -> bool:
        """True (and the plan does not renumber) when every article keeps its number."""
        keys = [a.key for _, a in self.articles]
        placeholders = {n.key: n for n, _ in self.fresh if _is_deleted(n)}
        deletes = [o for o, _ in self.gone if not self.doomed(self.sides.old_place[id(o)])]
        self.keep = (
            not self.deleted
            and not self.inserted
            and not self.rewrites
            and all(o.key == n.key for o, n, _ in self.stays + self.moves)
            and all(o.key in placeholders for o in deletes)
            and all(a < b for a, b in itertools.pairwise(keys))
        )
        self.consumed = {id(placeholders[o.key]) for o in deletes} if self.keep else set()
        #: the row of the 第X条 （删去） that stands for each old article deleted, by its key
        self.placeholder_rows = (
            {o.key: self.row[id(placeholders[o.key])] for o in deletes} if self.keep else {}
        )
        return self.keep

    def by_numbers(self) -> bool:
        """Align headings and articles by their numbers, as a text that is not renumbered keeps
        them; True when that gives a plan that keeps every number."""
        old_by = {_numbers(p): p for p in self.sides.old_headings}
        if set(old_by) != {_numbers(p) for p in self.heads}:
            return False
        self.plan_headings({p: old_by[_numbers(p)] for p in self.heads})
        old_keys = {o.key: o for o in self.sides.old_articles}
        if len(old_keys) != len(self.sides.old_articles) or not set(old_keys) <= {
            n.key for _, n in self.articles
        }:
            return False
        aligned = [
            (old_keys[n.key], n, self.row[id(n)]) for _, n in self.articles if n.key in old_keys
        ]
        fresh = [(n, self.row[id(n)]) for _, n in self.articles if n.key not in old_keys]
        self.merges = []
        self.plan_articles(aligned, fresh, [])
        return self.keeps_numbers()

    def check_headings(self) -> None:
        """The new version's 章 and 节 numbers are those the decision gives them."""
        renumbered = bool(self.deleted or self.inserted)
        chapters = 0
        for place in self.heads:
            head = place[-1]
            if head.kind not in ("章", "节"):
                continue
            if not renumbered:
                wanted = self.kept[place][-1].number
            elif head.kind == "章":
                chapters += 1
                wanted = chapters
            else:
                siblings = [p for p in self.heads if p[:-1] == place[:-1] and p[-1].kind == "节"]
                wanted = siblings.index(place) + 1
            if head.number != wanted:
                raise Unwritable(
                    f"{head.text}: the decision would number it 第{cn(wanted)}{head.kind}"
                )
