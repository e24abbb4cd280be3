"""Drafting the instructions that change one article's text.

The forms are those :func:`wuxi_dt_regulation.parse_amendment` reads (docs/amendments.md), and
they are chosen so that :meth:`~wuxi_dt_regulation.Amendment.apply` gives exactly the new text:

* **words** (a few small changes in a line): see :mod:`.words`;
* **units**: a 款 or 项 replaced, deleted or added (``在第十条中增加一款，作为第三款：“…”``),
  by their old numbers and, for an addition, its new position;
* **the whole article** (``将第十条修改为：“…”``) when more than :data:`MAX_CLAUSES` such
  instructions would be needed, or when nothing finer expresses the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .._model.structure import Article
from .._model.units import Item, Paragraph, SubItem
from .quoting import Unwritable, cn, paragraph_lines, quotable, quote
from .series import closing_mark, continue_series, end_series, item_key, marked
from .words import word_clause, word_edits

__all__ = ["MAX_CLAUSES", "article_edits"]

#: More instructions than this for one article, and the article is restated whole.
MAX_CLAUSES = 3


def _cells(items: Sequence[Item | SubItem]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item.text)
        out.extend(_cells(item.subitems))
    return out


def _shape(items: Sequence[Item | SubItem]) -> list[object]:
    return [(item.number, _shape(item.subitems)) for item in items]


def _para_cells(paragraph: Paragraph) -> list[str]:
    return ([paragraph.text] if paragraph.text else []) + _cells(paragraph.items)


def _same(a: Sequence[Paragraph], b: Sequence[Paragraph]) -> bool:
    return [(p.text, p.items) for p in a] == [(p.text, p.items) for p in b]


class _Article:
    """The instructions for one article, by its old label."""

    def __init__(self, label: str, old: Article, new: Article) -> None:
        self.label, self.old, self.new = label, old, new
        self.single = len(old.paragraphs) == 1

    def para_target(self, number: int) -> str:
        return self.label if self.single else f"{self.label}第{cn(number)}款"

    def fine(self) -> list[str] | None:
        """款-, 项- and word-level instructions, or None when they cannot express the change.

        Edits and replacements name 款 by their old numbers and run first; deletions next; then
        the 款 added, each at its new position, in order (so that the 款 before it are all in
        place when it runs).
        """
        olds, news = self.old.paragraphs, self.new.paragraphs
        script = _align([p.full_text for p in olds], [p.full_text for p in news])
        edits: list[str] = []
        deletes: list[str] = []
        for kind, o, n in script:
            if kind == "changed":
                assert o is not None and n is not None
                clauses = self.paragraph(olds[o], news[n])
                if clauses is None:
                    return None
                edits.extend(clauses)
            elif kind == "removed":
                assert o is not None
                if self.single:
                    return None
                deletes.append(f"删去{self.label}第{cn(o + 1)}款")
        present = [news[n].full_text for kind, _, n in script if kind != "added" and n is not None]
        if not present:
            return None  # every 款 goes: the article is restated
        inserts: list[str] = []
        for kind, _, n in script:
            if kind != "added" or n is None:
                continue
            paragraph = news[n]
            if not quotable([paragraph]):
                return None
            if n < len(present) and present[n] == paragraph.full_text:
                return None  # apply would take it as already in place
            present.insert(n, paragraph.full_text)
            inserts.append(
                f"在{self.label}中增加一款，作为第{cn(n + 1)}款：{quote(list(paragraph.lines()))}"
            )
        return edits + deletes + inserts

    def paragraph(self, old: Paragraph, new: Paragraph) -> list[str] | None:
        """The instructions for one 款 that changed (old number ``old.number``)."""
        target = self.para_target(old.number)
        if old.text == new.text and _shape(old.items) != _shape(new.items):
            found = self.items(target, old, new)
            if found is not None:
                return found
        if _shape(old.items) == _shape(new.items) and bool(old.text) == bool(new.text):
            found = self.in_place(target, old, new)
            if found is not None:
                return found
        if not quotable([new]):
            return None
        return [f"将{target}修改为：{quote(list(new.lines()))}"]

    def in_place(self, target: str, old: Paragraph, new: Paragraph) -> list[str] | None:
        """A 款 whose 项 stay where they are: word edits in its own text (named by the 款), and
        each 项 that changed edited or restated (named by the 项)."""
        clauses: list[str] = []
        if old.text != new.text:
            plan = word_edits(_para_cells(old), 0, new.text)
            if plan is None:
                return None
            clauses.extend(word_clause(target, e) for e in plan)
        for a, b in zip(old.items, new.items, strict=True):
            if (a.text, a.subitems) != (b.text, b.subitems):
                found = self.item(f"{target}第{cn(a.number)}项", a, b)
                if found is None:
                    return None
                clauses.extend(found)
        return clauses

    def items(self, target: str, old: Paragraph, new: Paragraph) -> list[str] | None:
        """项 added, deleted or changed in a 款 whose own text stayed (the 项 of a 款 that gains
        or loses one are numbered afresh by ``apply``, as the new text numbers them)."""
        if [i.number for i in new.items] != list(range(1, len(new.items) + 1)):
            return None
        script = _align(  # by their text: a 项 that keeps it may change its number
            ["\n".join(_cells([i])) for i in old.items],
            ["\n".join(_cells([i])) for i in new.items],
        )
        targets = _implied(old, new, script)
        edits: list[str] = []
        deletes: list[str] = []
        for kind, o, n in script:
            if kind == "changed":
                assert o is not None and n is not None
                wanted = targets.get(n, new.items[n])
                if item_key(wanted) == item_key(old.items[o]):
                    continue  # only its mark changed, and apply changes it
                clauses = self.item(f"{target}第{cn(old.items[o].number)}项", old.items[o], wanted)
                if clauses is None:
                    return None
                edits.extend(clauses)
            elif kind == "removed":
                assert o is not None
                deletes.append(f"删去{target}第{cn(old.items[o].number)}项")
        present = [  # the 项 as they stand once the edits and deletions are made
            (i.text, i.subitems)
            for i in _as_applied(old, new, [s for s in script if s[0] != "added"], targets)
        ]
        renumbered = bool(deletes) or any(kind == "added" for kind, _, _ in script)
        if not renumbered and [i.number for i in old.items] != [i.number for i in new.items]:
            return None  # 项 keep their numbers unless one is added or deleted
        where = self.label if self.single else f"{self.label}第{cn(old.number)}款"
        inserts: list[str] = []
        for kind, _, n in script:
            if kind != "added" or n is None:
                continue
            item = new.items[n]
            if not item.text or item.text[-1] not in "；。：，、;.:,":
                return None  # apply would punctuate it
            if not quotable([Paragraph(1, "", (item,))]):
                return None
            if n < len(present) and present[n] == (item.text, item.subitems):
                return None  # apply would take it as already in place
            present.insert(n, (item.text, item.subitems))
            inserts.append(f"在{where}中增加一项，作为第{cn(n + 1)}项：{quote(_item_lines(item))}")
        if _keys(_as_applied(old, new, script, targets)) != _keys(new.items):
            return None  # a list's end punctuated otherwise than apply would: restate the 款
        return edits + deletes + inserts

    def item(self, name: str, old: Item, new: Item) -> list[str] | None:
        """A 项 that changed: word edits in one of its lines, else the 项 restated."""
        if _shape(old.subitems) == _shape(new.subitems):
            cells, wanted = _cells([old]), _cells([new])
            changed = [k for k, (x, y) in enumerate(zip(cells, wanted, strict=True)) if x != y]
            if len(changed) == 1:
                plan = word_edits(cells, changed[0], wanted[changed[0]])
                if plan is not None:
                    return [word_clause(name, e) for e in plan]
        restated = attrs.evolve(new, number=old.number)  # all of the new 项, at its old number
        if not quotable([Paragraph(1, "", (restated,))]):
            return None
        return [f"将{name}修改为：{quote(_item_lines(restated))}"]


def _implied(
    old: Paragraph, new: Paragraph, script: list[tuple[str, int | None, int | None]]
) -> dict[int, Item]:
    """The 项 to write with their old closing mark, by their new number: those whose ``；`` or
    ``。`` changed as ``apply`` changes the end of a series (:mod:`.series`), when ``apply``
    then makes *new*'s 项 of *old*'s.  A drafter does not write that punctuation out."""
    marks = ("；", "。")
    targets = {
        n: marked(new.items[n], closing_mark(old.items[o]))
        for kind, o, n in script
        if kind == "changed" and o is not None and n is not None
        and closing_mark(old.items[o]) in marks and closing_mark(new.items[n]) in marks
        and closing_mark(old.items[o]) != closing_mark(new.items[n])
    }  # fmt: skip
    if targets and _keys(_as_applied(old, new, script, targets)) == _keys(new.items):
        return targets
    return {}


def _keys(items: Iterable[Item]) -> list[tuple[object, ...]]:
    return [item_key(i) for i in items]


def _as_applied(
    old: Paragraph,
    new: Paragraph,
    script: list[tuple[str, int | None, int | None]],
    targets: dict[int, Item],
) -> list[Item]:
    """The 项 ``apply`` makes of *old*'s by the instructions :meth:`_Article.items` writes for
    *script*: the changed 项 as *targets* (else *new*) has them, then the deletions, then the
    insertions, each at the end of a list punctuated as :mod:`.series` says."""
    current: list[tuple[int | None, Item]] = []
    for kind, o, n in script:
        if kind == "changed" and n is not None:
            current.append((o, targets.get(n, new.items[n])))
        elif kind != "added" and o is not None:
            current.append((o, old.items[o]))
    for kind, o, _ in script:
        if kind == "removed":
            index = [k for k, _ in current].index(o)
            if index == len(current) - 1:
                end_series(current)
            del current[index]
    for kind, _, n in script:
        if kind == "added" and n is not None:
            if n == len(current):
                continue_series(current)
            current.insert(n, (None, new.items[n]))
    return [i for _, i in current]


def _item_lines(item: Item) -> list[str]:
    return list(Paragraph(1, "", (item,)).lines())


def _align(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int | None, int | None]]:
    """Old and new units aligned: unchanged; changed (as many replaced as replacing, one for
    one, else at least half alike); removed; added."""
    from difflib import SequenceMatcher

    out: list[tuple[str, int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(
                ("unchanged", i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        if i2 - i1 == j2 - j1:  # as many replaced as replacing: one for one, in order
            out.extend(("changed", i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        j = j1
        for i in range(i1, i2):
            match = next(
                (
                    k
                    for k in range(j, j2)
                    if SequenceMatcher(None, old[i], new[k], autojunk=False).ratio() >= 0.5
                ),
                None,
            )
            if match is None:
                out.append(("removed", i, None))
                continue
            out.extend(("added", None, k) for k in range(j, match))
            out.append(("changed", i, match))
            j = match + 1
        out.extend(("added", None, k) for k in range(j, j2))
    return out


def article_edits(label: str, old: Article, new: Article) -> list[str]:
    """The clauses that turn *old* (named *label*) into *new*: the finest that take at most
    :data:`MAX_CLAUSES`, else the whole article restated.

    Raises:
        Unwritable: neither the fine forms nor a restatement can express the change.
    """
    if _same(old.paragraphs, new.paragraphs):
        return []
    fine = _Article(label, old, new).fine()
    whole = quotable(new.paragraphs)
    if fine is not None and (len(fine) <= MAX_CLAUSES or not whole):
        return fine
    if whole:
        return [f"将{label}修改为：{quote(paragraph_lines(new.paragraphs))}"]
    raise Unwritable(
        f"{label}: its new text cannot be quoted (a line would read as another unit): "
        + " / ".join(paragraph_lines(new.paragraphs))[:80]
    )
