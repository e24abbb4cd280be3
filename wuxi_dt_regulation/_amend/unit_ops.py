"""The operations of an amendment on the text of units: words, 款, 项 and whole articles
replaced, deleted and inserted in the working copy (:class:`UnitOps`; headings, moves and
renumbering are :class:`.structure.Structure`'s).  :mod:`.apply` runs them and documents what
each means.
"""

from __future__ import annotations

import attrs

from .._diff.series import continue_series, end_series, item_key
from .._model.citation import Citation
from .._model.units import Item, Paragraph
from .edits import (
    delete_words,
    insert_words,
    item_from,
    preamble_paragraphs,
    replace_preamble,
    replace_words,
    sentences,
    subitem_from,
)
from .locate import cn
from .operations import (
    Delete,
    DeleteWords,
    Insert,
    InsertWords,
    Note,
    Operation,
    Replace,
    ReplaceWords,
    Retitle,
    Target,
)
from .structure import Structure
from .work import DELETED, Par

__all__ = ["DELETED", "UnitOps"]


class UnitOps(Structure):
    """The operations on the text of units; see :class:`.structure.Structure` for the rest."""

    # ---- the operations

    def run(self, op: Operation) -> None:
        self.op = op
        handler = getattr(self, "do_" + type(op).__name__.lower())
        handler(op)

    def do_note(self, op: Note) -> None:
        pass

    def words(self, op: ReplaceWords | DeleteWords | InsertWords) -> None:
        for target in op.targets:
            cells = self.cells(target)
            if isinstance(op, ReplaceWords):
                outcome = replace_words(cells, op.old, op.new)
                wanted = "、".join(f"“{w}”" for w in op.old)
            elif isinstance(op, DeleteWords):
                outcome = delete_words(cells, op.words)
                wanted = "、".join(f"“{w}”" for w in op.words)
            else:
                outcome = insert_words(cells, op.anchor, op.words, op.position)
                wanted = f"“{op.anchor}”"
            if outcome == "missing":
                raise self.error(f"{wanted} is not in {target}")

    do_replacewords = do_deletewords = do_insertwords = words

    def do_retitle(self, op: Retitle) -> None:
        if op.target.scope == "title":
            self.title = op.title
        else:
            self.heading(op.target).title = op.title

    def do_replace(self, op: Replace) -> None:
        first, rest = op.targets[0], op.targets[1:]
        if first.scope == "head":
            _, par = (
                self.home(first) if first.citation and first.citation.paragraph else (None, None)
            )
            if par is None:
                slot = self.slot(first)
                par = next((p for p in slot.paragraphs if p.items), slot.paragraphs[0])
            par.text = op.wording.text.replace("\n", "")
        elif first.scope in ("preamble", "introduction", "title", "document"):
            self.replace_free(op, first)
        elif op.old:
            self.replace_old(op, first)
        else:
            self.replace_unit(first, op)
        for target in rest:
            self.delete(target)

    def replace_free(self, op: Replace, target: Target) -> None:
        if target.scope == "title":
            self.title = op.wording.text.replace("\n", "")
            return
        if target.scope == "document":
            if target.number is None:
                raise self.error("the whole text cannot be replaced by wording")
            box, index = self.free_paragraph(target.number)
            box.children[index : index + 1] = list(op.wording.paragraphs)
            numbered = 0
            for position, child in enumerate(box.children):
                if isinstance(child, Paragraph):
                    numbered += 1
                    box.children[position] = attrs.evolve(child, number=numbered)
            return
        paragraphs = list(op.wording.paragraphs)
        count = len(preamble_paragraphs(self.preamble))
        if target.number is not None and not 1 <= target.number <= count:
            raise self.error(f"the preamble has no 第{cn(target.number)}自然段 ({count})")

        def change(n: int, p: Paragraph) -> list[Paragraph]:
            if target.number is None:
                return paragraphs if n == 1 else []
            if n != target.number:
                return [p]
            if target.sentences is not None:
                parts = sentences(p.text)
                first, last = target.sentences
                start = first - 1 if first > 0 else len(parts) + first
                stop = last if last > 0 else len(parts) + last + 1
                if not 0 <= start < stop <= len(parts):
                    raise self.error(f"{target} does not exist ({len(parts)} sentences)")
                text = (
                    "".join(parts[:start])
                    + op.wording.text.replace("\n", "")
                    + "".join(parts[stop:])
                )
                return [attrs.evolve(p, text=text)]
            return [
                attrs.evolve(q, break_before=p.break_before if i == 0 else False)
                for i, q in enumerate(paragraphs)
            ]

        self.preamble = replace_preamble(self.preamble, change)

    def replace_old(self, op: Replace, target: Target) -> None:
        slot = self.slot(target)
        texts = [p.full_text() for p in slot.paragraphs]
        new = [p.full_text for p in op.wording.paragraphs]
        old = list(op.old)
        for start in range(len(texts) - len(old) + 1):
            if texts[start : start + len(old)] == old:
                was = slot.paragraphs[start : start + len(old)]
                slot.paragraphs[start : start + len(old)] = Par.restating(
                    op.wording.paragraphs, was
                )
                return
        if any(texts[s : s + len(new)] == new for s in range(len(texts) - len(new) + 1)):
            return  # already in place
        raise self.error(f"{target} has no 款 reading “{old[0]}”")

    def replace_unit(self, target: Target, op: Replace) -> None:
        cite = target.citation
        if cite is None or cite.article is None:
            raise self.error(f"cannot replace {target} by wording")
        if cite.paragraph is None and cite.item is None:
            slot = self.slot(target)
            if slot.text() != _text(op.wording.paragraphs):
                slot.paragraphs = Par.restating(op.wording.paragraphs, slot.paragraphs)
            return
        slot, par = self.home(target)
        if cite.item is None:
            if par.full_text() != _text(op.wording.paragraphs):
                index = slot.paragraphs.index(par)
                pars = Par.restating(op.wording.paragraphs, [par])
                slot.paragraphs[index : index + 1] = pars
            return
        index = self.item_index(par, cite.item, target)
        origin, item = par.items[index]
        if cite.subitem is None:
            new = item_from(op.wording.lines, item.number)
            if new != item:
                par.items[index] = (origin, new)
            return
        subs = list(item.subitems)
        if not 1 <= cite.subitem <= len(subs):
            raise self.error(f"{target} does not exist")
        sub = subitem_from(op.wording.lines)
        subs[cite.subitem - 1] = attrs.evolve(
            subs[cite.subitem - 1], text=sub.text, continuation=sub.continuation
        )
        par.items[index] = (origin, attrs.evolve(item, subitems=tuple(subs)))

    def do_delete(self, op: Delete) -> None:
        for target in op.targets:
            self.delete(target)

    def delete(self, target: Target) -> None:
        cite = target.citation
        if cite is not None and cite.article is None and (cite.chapter or cite.section):
            self.delete_heading(target)
            return
        if cite is None or cite.article is None:
            raise self.error(f"cannot delete {target}")
        if cite.paragraph is None and cite.item is None:
            slot = self.slot(target)
            if self.renumbers:
                slot.deleted = True
                self.emptied = self.op  # an error if no article is left at the end
            elif slot.text() != DELETED:
                slot.paragraphs = [Par(None, DELETED, [])]
            return
        slot, par = self.home(target)
        if cite.item is None:
            slot.paragraphs.remove(par)
            if not slot.paragraphs:
                raise self.error(
                    f"deleting {target} leaves {slot.label()} empty: delete the article"
                )
            return
        index = self.item_index(par, cite.item, target)
        if index == len(par.items) - 1:
            end_series(par.items)
        del par.items[index]
        par.changed = True

    def do_insert(self, op: Insert) -> None:
        cite = op.target.citation
        if cite is None or cite.article is None:
            raise self.error(f"cannot insert at {op.target}")
        whole = Target(Citation(article=cite.article, suffix=cite.suffix), new=op.target.new)
        if cite.paragraph is None and cite.item is None and op.unit in ("", "article"):
            self.insert_article(op)
            return
        slot = self.slot(whole)
        if op.unit == "paragraph" or (cite.item is None and op.unit == ""):
            new = [Par.of(p, None) for p in op.wording.paragraphs]
            position = (cite.paragraph if op.unit == "" else None) or len(slot.paragraphs) + 1
            if position == len(slot.paragraphs) + 1 and op.unit != "":
                current = slot.paragraphs[-len(new) :]  # appended: compare the last 款
                if [p.full_text() for p in current] == [p.full_text() for p in new]:
                    return  # already in place
            current = slot.paragraphs[position - 1 : position - 1 + len(new)]
            if [p.full_text() for p in current] == [p.full_text() for p in new]:
                return  # already in place
            if position > len(slot.paragraphs) + 1:
                raise self.error(
                    f"{slot.label()} has {len(slot.paragraphs)} 款: cannot add 第{cn(position)}款"
                )
            slot.paragraphs[position - 1 : position - 1] = new
            return
        home = Target(Citation(article=cite.article, suffix=cite.suffix, paragraph=cite.paragraph))
        _, par = self.home(home)
        first = op.wording.lines[0]
        items = (
            op.wording.items if first.startswith(("（", "(")) else (item_from(op.wording.lines, 1),)
        )
        position = (cite.item if op.unit == "" else None) or len(par.items) + 1
        items = _punctuated(items, last=position > len(par.items))
        present = [item for _, item in par.items[position - 1 : position - 1 + len(items)]]
        if [item_key(i) for i in present] == [item_key(i) for i in items]:
            return  # already in place
        if position > len(par.items) + 1:
            raise self.error(f"the 款 has {len(par.items)} 项: cannot add 第{cn(position)}项")
        if position == len(par.items) + 1:
            continue_series(par.items)
        par.items[position - 1 : position - 1] = [(None, i) for i in items]
        par.changed = True


def _punctuated(items: tuple[Item, ...], *, last: bool) -> tuple[Item, ...]:
    """A 项 quoted without its list punctuation (宪法修正案 2018 第四十四条) gets it: ``；`` before
    another 项, ``。`` at the end of the list."""
    out = []
    for index, item in enumerate(items):
        if item.text and item.text[-1] not in "；。：，、;.:,":
            final = last and index == len(items) - 1
            item = attrs.evolve(item, text=item.text + ("。" if final else "；"))
        out.append(item)
    return tuple(out)


def _text(paragraphs: tuple[Paragraph, ...]) -> str:
    return "\n".join(p.full_text for p in paragraphs)
