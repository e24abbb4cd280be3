"""Where articles and headings go: insertions by position, moves, renumbering at the end.

* An article inserted ``在第X条后`` goes right after article X (after the articles this
  amendment already put there); ``第X条之N`` goes after 第X条之N-1 (or 第X条); any other goes
  where its number falls among the plain (not 之N) articles of the result, in the container of
  the article before it.
  With 条文顺序作相应调整 the number is the article's place in the result; without it, the
  article goes where its number falls among the numbers of the text (so that numbers with gaps
  and 之N articles keep their order).  ``在第三章中增加一条`` puts it in that chapter (the first
  article of a chapter would otherwise join the chapter before it).
* A move takes the article out and puts it by its new number into the chapter named.
* A new 章 or 节 goes where its number (in the amended text) falls among the chapters, or the
  sections of its chapter, once the instructions have run; the articles the instruction quotes
  under it go inside.  ``删去第五章`` deletes the chapter and what is still in it.
* ``条文顺序作相应调整`` numbers every article afresh, in order, from the number the text
  starts at (a 之N article becomes a plain one, as in a revised code), and the chapters and
  sections when one was added or deleted.  Without it, an article deleted stays as a （删去）
  line holding its number, unless the amendment renumbers another article onto that number
  (``删去第二条`` and ``第三条至第五条相应改为第二条至第四条``).  A number left twice in the
  result is an error.
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
from .work import DELETED, Box, Slot

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
            slot = self.slot(op.target)  # nothing is in place here: that returned above
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
        kind: type = Section if cite.section is not None else Chapter
        node: object = (
            Section(cite.section or 1, op.title)
            if kind is Section
            else Chapter(cite.chapter or 1, op.title)
        )
        number = cite.section or cite.chapter
        # already in place (a consolidated text that has it): only a text that is not
        # renumbered keeps the numbers an instruction gives
        parent = None
        if kind is Section and not op.target.new and not self.renumbers:
            parent = self.heading(Target(Citation(chapter=cite.chapter)))
        for box in (parent or self.root).boxes() if not self.renumbers else ():
            if (box.kind() is kind and box.origin == number and box.title == op.title
                    and id(box) not in self.doomed_boxes):  # fmt: skip
                self.in_place.add(id(box))
                return
        box = Box(node)
        box.origin = None
        self.new_headings.append((box, op))
        for held in op.holds:
            if held.citation is not None and held.citation.article is not None:
                self.new_boxes[(held.citation.article, held.citation.suffix)] = box

    def delete_heading(self, target: Target) -> None:
        """删去第五章: the chapter (or 节) goes, with the articles still in it."""
        box = self.heading(target)
        parent = self.parent(box)
        parent.children.remove(box)
        for slot in box.slots():
            slot.deleted = True
        self.headings_changed = True

    def parent(self, box: Box) -> Box:
        return next(b for b in self.root.boxes() if box in b.children)

    def place_headings(self) -> None:
        """Put the new chapters, then the new sections, where their numbers fall."""
        for box, op in sorted(self.new_headings, key=lambda bo: _heading_order(bo[1])):
            self.op = op
            cite = op.target.citation
            assert cite is not None
            if cite.section is not None:
                home = self.section_home(op)
                siblings = [c for c in home.children if isinstance(c, Box) and c.kind() is Section]
                index = cite.section - 1
            else:
                siblings = [b for b in self.root.boxes() if b.kind() is Chapter]
                index = (cite.chapter or 1) - 1
                home = None
                if cite.part is not None:  # before the 编's chapter of its number, or at its end
                    home = self.heading(Target(Citation(part=cite.part)))
                    siblings = [b for b in home.boxes() if b.kind() is Chapter]
                    later = (i for i, b in enumerate(siblings) if (b.number or 0) >= index + 1)
                    index = next(later, len(siblings))
            if 0 <= index < len(siblings) and (home is None or siblings[index] in home.children):
                parent = self.parent(siblings[index])
                parent.children.insert(parent.children.index(siblings[index]), box)
            elif siblings and (home is None or siblings[-1] in home.children):
                parent = self.parent(siblings[-1])
                parent.children.insert(parent.children.index(siblings[-1]) + 1, box)
            else:
                (home or self.root).children.append(box)

    def section_home(self, op: InsertHeading) -> Box:
        """The chapter a new 节 goes in: one this amendment adds (``new``), else by old number."""
        cite = op.target.citation
        assert cite is not None
        if op.target.new:
            for box, other in self.new_headings:
                other_cite = other.target.citation
                if (box.kind() is Chapter and other_cite is not None
                        and other_cite.chapter == cite.chapter):  # fmt: skip
                    return box
        return self.heading(Target(Citation(chapter=cite.chapter)))

    def insert_article(self, op: Insert) -> None:
        cite = op.target.citation
        assert cite is not None and cite.article is not None
        key = (cite.article, cite.suffix)
        existing = next((s for s in self.root.slots() if s.key == key), None)
        article = Article(key[0], key[1], op.wording.paragraphs)
        if (
            existing is not None
            and not self.renumbers  # numbers are the text's own only when it is not renumbered
            and existing.origin not in self.doomed
            and existing.text() == "\n".join(p.full_text for p in article.paragraphs)
        ):
            self.in_place.add(id(existing))  # its renumbering, if any, is in place too
            return  # already in place
        anchor = None
        if op.after is not None:
            anchor = self.slot(op.after)
        elif op.within is not None:
            slot = Slot(article, None, self.root)
            self.made_by[id(slot)] = op
            self.pending.append((slot, key[0], self.heading(op.within), op))
            return
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
        """Put the new headings, then the articles inserted or moved by number, in place."""
        self.place_headings()
        for slot, number, box, op in sorted(self.pending, key=lambda p: (p[1], p[0].key)):
            self.op = op
            live = list(self.root.slots())
            if self.renumbers:  # the number is the article's place in the result
                index = number - self.start
                before = live[index - 1] if 0 < index <= len(live) else None
                after = live[index] if 0 <= index < len(live) else None
                if before is None and after is None and live:
                    before, after = (None, live[0]) if index < 0 else (live[-1], None)
            else:  # where the number falls among the numbers of the text
                after = next((s for s in live if s.key > slot.key), None)
                before = next((s for s in reversed(live) if s.key < slot.key), None)
            home = box
            if home is not None and home.origin is None:  # a heading this amendment added
                slot.box = home
                # its articles stand before its own 节, after those already placed
                index = next(
                    (i for i, c in enumerate(home.children) if isinstance(c, Box)),
                    len(home.children),
                )
                home.children.insert(index, slot)
                continue
            if home is None:
                neighbour = before or after
                home = neighbour.box if neighbour is not None else self.root
            if after is not None and after.box is home:
                index = home.children.index(after)
            elif before is not None and before.box is home:
                index = home.children.index(before) + 1
            else:  # no neighbour here: after its articles, before its own 节
                here = [
                    i for i, c in enumerate(home.children) if isinstance(c, Slot) and not c.deleted
                ]
                boxes = (i for i, c in enumerate(home.children) if isinstance(c, Box))
                index = here[-1] + 1 if here else next(boxes, len(home.children))
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
        for slot in list(self.root.slots()):
            other = seen.setdefault(slot.key, slot)
            if other is not slot:
                new = slot if id(slot) in self.made_by else other
                gone = other if new is slot else slot
                if id(new) in self.made_by and gone.text() == DELETED:
                    # a （删去） line gives its number to the article moved onto it
                    gone.deleted = True
                    seen[slot.key] = new
                    continue
                self.op = self.made_by.get(id(new), self.op)
                raise self.error(
                    f"the result has two {slot.label()}: the amendment puts an article at a "
                    "number already taken, without 条文顺序作相应调整"
                )


def _heading_order(op: InsertHeading) -> tuple[int, int, int]:
    """Chapters before sections, each in the order of their new numbers."""
    cite = op.target.citation
    assert cite is not None
    if cite.section is not None:
        return (1, cite.chapter or 0, cite.section)
    return (0, cite.chapter or 0, 0)
