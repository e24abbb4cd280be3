"""The working copy of an amendment being applied, and how targets are found in it.

:class:`Workbench` holds the regulation's body as mutable mirrors (:mod:`.work`), the title and
the preamble, and finds what an operation names: an article by its OLD number (or, for a unit
this amendment added, by its new one), a 款 by its old position, a 项 by its old number, a
heading by its old number, the text lines (:class:`~.edits.Cell`) of any target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Part, Section
from .._model.units import Paragraph
from .edits import (
    Cell,
    item_cells,
    par_cells,
    preamble_paragraphs,
    replace_preamble,
)
from .errors import AmendmentError
from .operations import (
    Delete,
    InsertHeading,
    Operation,
    Target,
)
from .work import Box, Par, Slot, thaw

if TYPE_CHECKING:
    from .amendment import Amendment

__all__ = ["Workbench", "cn"]


def cn(number: int) -> str:
    """The Chinese numeral of *number* (as printed in 第三款), or the digits when below 1."""
    from .._model.numerals import to_chinese

    return to_chinese(number) if number >= 1 else str(number)


class Workbench:
    """A regulation being amended: the mutable mirrors and the lookups by old number."""

    def __init__(self, amendment: Amendment, regulation: Regulation) -> None:
        self.amendment = amendment
        self.regulation = regulation
        self.root = thaw(regulation.body, Box(None))
        self.title = regulation.title
        self.preamble = regulation.preamble
        self.ops = amendment.operations_for(regulation.title)
        self.renumbers = amendment.renumbers_for(regulation.title)
        self.by_origin = {s.origin: s for s in self.root.slots() if s.origin is not None}
        #: the number the text starts at (an excerpt such as 民法典 附则 starts at 第一千二百五十九条)
        self.start = next((s.key[0] for s in self.root.slots()), 1)
        self.pending: list[tuple[Slot, int, Box | None, Operation]] = []
        self.headings_changed = False
        self.in_place: set[int] = set()
        #: the headings this amendment added, by the (new) keys of the articles they hold
        self.new_boxes: dict[tuple[int, int], Box] = {}
        #: the operation that made each new article (by id), for errors about the result
        self.made_by: dict[int, Operation] = {}
        #: the 章 and 节 this amendment adds, placed once the instructions have run
        self.new_headings: list[tuple[Box, InsertHeading]] = []
        self.op: Operation | None = None
        #: the last deletion of an article, for the error when none is left
        self.emptied: Operation | None = None
        #: the articles (by old number) and headings (by id) this amendment deletes: never the
        #: unit an insertion finds already in place
        self.doomed: set[tuple[int, int] | None] = set()
        self.doomed_boxes: set[int] = set()
        self.foresee()

    def foresee(self) -> None:
        for op in self.ops:
            if not isinstance(op, Delete):
                continue
            self.op = op
            for target in op.targets:
                cite = target.citation
                if cite is None or (cite.paragraph or cite.item):
                    continue
                if cite.article is not None:
                    self.doomed.add((cite.article, cite.suffix))
                    continue
                try:
                    box = self.heading(target)
                except AmendmentError:
                    continue
                self.doomed_boxes.update(id(b) for b in box.boxes())
                self.doomed.update(s.origin for s in box.slots())
        self.op = None

    def error(self, message: str) -> AmendmentError:
        op = self.op
        assert op is not None
        return AmendmentError(message, line=op.span.line, column=op.span.column,
                              text=op.span.first_line, source=self.amendment.title)  # fmt: skip

    def slot(self, target: Target) -> Slot:
        cite = target.citation
        if cite is None or cite.article is None:
            raise self.error(f"expected an article, found {target}")
        key = (cite.article, cite.suffix)
        if target.new:
            found = next((s for s in self.root.slots() if s.key == key), None)
        else:
            found = self.by_origin.get(key)
            if found is None:  # a unit this amendment added (在第二条之一后…, 之一 itself new)
                found = next(
                    (s for s in self.root.slots() if s.origin is None and s.key == key), None
                )
        if found is None or found.deleted:
            raise self.error(f"《{self.title}》 has no {Article(*key).label}")
        return found

    def par(self, slot: Slot, number: int, target: Target) -> Par:
        if target.new:
            if 1 <= number <= len(slot.paragraphs):
                return slot.paragraphs[number - 1]
        else:
            for par in slot.paragraphs:
                if par.origin == number:
                    return par
            # an old number: counted in the article as the amended text has it
            was = self.regulation.get_article(slot.origin) if slot.origin else None
            if was is not None and 1 <= number <= len(was.paragraphs):
                raise self.error(f"{slot.label()}第{cn(number)}款 is gone: an earlier "
                                 "instruction of this amendment deleted, replaced or moved it")  # fmt: skip
            if was is not None:
                count = len(was.paragraphs)
                old = "" if count == len(slot.paragraphs) else " before this amendment, whose " \
                    "instructions name 款 by their old numbers"  # fmt: skip
                raise self.error(f"{slot.label()} has no 第{cn(number)}款 ({count} 款{old})")
        raise self.error(f"{slot.label()} has no 第{cn(number)}款 ({len(slot.paragraphs)} 款)")

    def home(self, target: Target) -> tuple[Slot, Par]:
        """The article and the 款 a 款-, 项- or 目-level target stands in (a sole 款 implied)."""
        slot = self.slot(target)
        cite = target.citation
        assert cite is not None
        if cite.paragraph is not None:
            return slot, self.par(slot, cite.paragraph, target)
        with_items = [p for p in slot.paragraphs if p.items]
        if len(slot.paragraphs) == 1 or len(with_items) == 1:
            return slot, (slot.paragraphs[0] if len(slot.paragraphs) == 1 else with_items[0])
        raise self.error(f"{slot.label()} has {len(slot.paragraphs)} 款: name the 款 of {target}")

    def item_index(self, par: Par, number: int, target: Target) -> int:
        for index, (origin, item) in enumerate(par.items):
            if (item.number if target.new else origin) == number:
                return index
        raise self.error(f"{target} does not exist ({len(par.items)} 项)")

    def cells(self, target: Target) -> list[Cell]:
        if target.scope == "document" and target.number is not None:
            box, index = self.free_paragraph(target.number)

            paragraph = box.children[index]
            assert isinstance(paragraph, Paragraph)

            def put_free(text: str) -> None:
                box.children[index] = attrs.evolve(paragraph, text=text)

            return [Cell(lambda: paragraph.text, put_free)]
        if target.scope == "document":
            cells = [c for s in self.root.slots() for p in s.paragraphs for c in par_cells(p)]
            return cells + self.preamble_cells()
        if target.scope in ("preamble", "introduction"):
            return self.preamble_cells(target.number)
        if target.scope == "title":

            def put(text: str) -> None:
                self.title = text

            return [Cell(lambda: self.title, put)]
        cite = target.citation
        assert cite is not None
        if cite.article is None:
            box = self.heading(target)

            def put_title(text: str) -> None:
                box.title = text

            return [Cell(lambda: box.title or "", put_title)]
        if cite.paragraph is None and cite.item is None:
            return [c for p in self.slot(target).paragraphs for c in par_cells(p)]
        _, par = self.home(target)
        if cite.item is None:
            return par_cells(par)
        cells = item_cells(par, self.item_index(par, cite.item, target))
        return cells if cite.subitem is None else cells[cite.subitem : cite.subitem + 1]

    def free_paragraph(self, number: int) -> tuple[Box, int]:
        """The box and child index of the *number*-th paragraph of free text (正文第N段: the
        body of a decision or notice that has no articles)."""
        found = [
            (box, index)
            for box in self.root.boxes()
            for index, child in enumerate(box.children)
            if isinstance(child, Paragraph)
        ]
        if not 1 <= number <= len(found):
            raise self.error(f"the text has no 第{cn(number)}段 of free text ({len(found)})")
        return found[number - 1]

    def preamble_cells(self, number: int | None = None) -> list[Cell]:
        paragraphs = preamble_paragraphs(self.preamble)
        cells = []
        for n, paragraph in enumerate(paragraphs, 1):
            if number is not None and n != number:
                continue

            def put(text: str, n: int = n) -> None:
                self.preamble = replace_preamble(
                    self.preamble, lambda k, p: [attrs.evolve(p, text=text)] if k == n else [p]
                )

            cells.append(Cell(lambda text=paragraph.text: text, put))  # type: ignore[misc]
        if number is not None and not cells:
            raise self.error(f"the preamble has no 第{cn(number)}自然段 ({len(paragraphs)})")
        return cells

    def heading(self, target: Target) -> Box:
        cite = target.citation
        assert cite is not None
        if cite.part is not None and cite.chapter is None:
            for box in self.root.boxes():
                if box.kind() is Part and box.origin == cite.part:
                    return box
            raise self.error(f"《{self.title}》 has no {cite}")
        level = Section if cite.section is not None else Chapter
        for box in self.root.boxes():
            if box.kind() is level and box.origin == (cite.section or cite.chapter):
                if level is Section:
                    parent = next((b for b in self.root.boxes() if box in b.children), None)
                    if parent is None or parent.origin != cite.chapter:
                        continue
                return box
        raise self.error(f"《{self.title}》 has no {cite}")
