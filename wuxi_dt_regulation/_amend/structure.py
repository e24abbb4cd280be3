"""Where articles and headings go: insertions by position, moves, renumbering at the end.

* An article inserted ``在第X条后`` goes right after article X (after the articles this
  amendment already put there); ``第X条之N`` goes after 第X条之N-1 (or 第X条); any other goes
  where its number falls among the plain (not 之N) articles of the result, in the container of
  the article before it.
* A move takes the article out and puts it by its new number into the chapter named.
* ``条文顺序作相应调整`` numbers every article afresh, in order, from the number the text
  starts at (a 之N article becomes a plain one, as in a revised code), and the chapters and
  sections when one was added.  A number left twice in the result is an error.
"""

from __future__ import annotations

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.citation import Citation
from .._model.structure import Article, Chapter, Section
from .locate import Workbench
from .operations import (
    Insert,
    InsertHeading,
    Move,
    Renumber,
    Target,
)
from .work import Box, Slot

__all__ = ["Structure"]


class Structure(Workbench):
    """The structural operations: renumber, move, insert a heading or an article, place, renumber."""

    def do_renumber(self, op: Renumber) -> None:
        cite = op.target.citation
        if cite is None:
            raise self.error(f"cannot renumber {op.target}")
        if self.in_place and (
            cite.article is None or (cite.paragraph is None and cite.item is None)
        ):
            return  # the units this amendment adds are in place: so is the renumbering around them
        if cite.article is None:
            box = self.heading(op.target)
            to = op.to.citation
            box.number = (to.section or to.chapter) if to is not None else box.number
            self.headings_changed = True
        elif cite.paragraph is None and cite.item is None:
            to = op.to.citation
            if to is None or to.article is None:
                raise self.error(f"{op.target} renumbered to {op.to}")
            slot = self.slot(op.target)
            if id(slot) not in self.in_place:
                slot.key = (to.article, to.suffix)
                self.made_by[id(slot)] = op
        # 款 and 项 are numbered by position: 第三款相应地改为第四款 states what follows

    def do_move(self, op: Move) -> None:
        slot = self.slot(op.target)
        box = self.heading(attrs.evolve(op.chapter, new=False))
        slot.box.children.remove(slot)
        to = op.to.citation
        assert to is not None and to.article is not None
        slot.key = (to.article, to.suffix)
        self.made_by[id(slot)] = op
        self.pending.append((slot, to.article, box, op))

    def do_insertheading(self, op: InsertHeading) -> None:
        cite = op.target.citation
        assert cite is not None
        self.headings_changed = True
        if cite.section is not None:
            parent = self.heading(Target(Citation(chapter=cite.chapter)))
            node: object = Section(cite.section, op.title)
        else:
            parent = next(b for b in self.root.boxes() if any(
                isinstance(c, Box) and c.kind() is Chapter for c in b.children)) if self.regulation.chapters else self.root  # fmt: skip
            node = Chapter(cite.chapter or 1, op.title)
        for child in parent.children:
            if (
                isinstance(child, Box)
                and child.kind() is type(node)
                and child.origin == (cite.section or cite.chapter)
                and child.title == op.title
            ):
                self.in_place.add(id(child))
                return  # already in place
        box = Box(node)
        box.origin = None
        number = cite.section or cite.chapter
        index = next((i for i, c in enumerate(parent.children) if isinstance(c, Box)
                      and c.kind() is type(node) and (c.origin or 0) >= (number or 0)), len(parent.children))  # fmt: skip
        parent.children.insert(index, box)
        for held in op.holds:
            if held.citation is not None and held.citation.article is not None:
                self.new_boxes[(held.citation.article, held.citation.suffix)] = box

    def insert_article(self, op: Insert) -> None:
        cite = op.target.citation
        assert cite is not None and cite.article is not None
        key = (cite.article, cite.suffix)
        existing = next((s for s in self.root.slots() if s.key == key), None)
        article = Article(key[0], key[1], op.wording.paragraphs)
        if existing is not None and existing.text() == "\n".join(
            p.full_text for p in article.paragraphs
        ):
            self.in_place.add(id(existing))  # its renumbering, if any, is in place too
            return  # already in place
        anchor = None
        if op.after is not None:
            anchor = self.slot(op.after)
        elif key[1] > 0:
            anchor = next((s for s in self.root.slots() if s.key == (key[0], key[1] - 1)), None) or next(
                (s for s in self.root.slots() if s.key == (key[0], 0)), None)  # fmt: skip
            if anchor is None:
                raise self.error(
                    f"《{self.title}》 has no {Article(key[0]).label} to put {Article(*key).label} after"
                )
        slot = Slot(article, None, self.root)
        self.made_by[id(slot)] = op
        if anchor is None:
            self.pending.append((slot, key[0], self.new_boxes.get(key), op))
            return
        box = anchor.box
        index = box.children.index(anchor) + 1
        while index < len(box.children):
            child = box.children[index]
            if not isinstance(child, Slot) or child.origin is not None:
                break
            index += 1  # after the articles this amendment already put there
        slot.box = box
        box.children.insert(index, slot)

    def place(self) -> None:
        """Put the articles inserted or moved by number where that number falls in the result."""
        for slot, number, box, op in sorted(self.pending, key=lambda p: p[1]):
            self.op = op
            # where the number falls: among all articles when they are renumbered, else among
            # the plain ones (之N articles keep theirs)
            plain = [s for s in self.root.slots() if self.renumbers or s.key[1] == 0]
            index = number - self.start  # where the number falls among the plain articles
            before = plain[index - 1] if 0 < index <= len(plain) else None
            after = plain[index] if 0 <= index < len(plain) else None
            if before is None and after is None and plain:
                before, after = (None, plain[0]) if index < 0 else (plain[-1], None)
            home = box
            if home is not None and home.origin is None:  # a heading this amendment added
                slot.box = home
                home.children.append(slot)
                continue
            if home is None:
                neighbour = before or after
                home = neighbour.box if neighbour is not None else self.root
            if after is not None and after.box is home:
                index = home.children.index(after)
            elif before is not None and before.box is home:
                index = home.children.index(before) + 1
            else:
                index = (
                    len([c for c in home.children if not isinstance(c, Box)])
                    if not any(isinstance(c, Slot) for c in home.children)
                    else len(home.children)
                )
            slot.box = home
            home.children.insert(index, slot)

    def renumber(self) -> None:
        if self.renumbers:  # every article, 之N ones too, takes the next plain number
            for number, slot in enumerate(self.root.slots(), self.start):
                slot.key = (number, 0)
        if self.headings_changed and self.renumbers:
            for kind in (Chapter,):
                count = 0
                for box in self.root.boxes():
                    if box.kind() is kind:
                        count += 1
                        box.number = count
            for box in self.root.boxes():
                count = 0
                for child in box.children:
                    if isinstance(child, Box) and child.kind() is Section:
                        count += 1
                        child.number = count
        seen: dict[tuple[int, int], Slot] = {}
        for slot in self.root.slots():
            other = seen.setdefault(slot.key, slot)
            if other is not slot:
                new = slot if id(slot) in self.made_by else other
                self.op = self.made_by.get(id(new), self.op)
                raise self.error(
                    f"the result has two {slot.label()}: the amendment puts an article at a "
                    "number already taken, without 条文顺序作相应调整"
                )
