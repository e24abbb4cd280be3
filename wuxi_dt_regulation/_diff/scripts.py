"""Edit scripts: characters (:func:`char_edits`) and the paragraphs of aligned articles
(:func:`paragraph_script`), and the pairing of items inside a paragraph (:func:`pair_children`).

Paragraphs, items and texts are compared without their white space (:mod:`.spacing`): a
paragraph re-typeset with other spaces is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from .._model.units import Item, Paragraph, SubItem
from .align import PARAGRAPH_SIMILARITY
from .changes import CharEdit, ParagraphEdit
from .sequences import matcher
from .spacing import squash

__all__ = ["char_edits", "pair_children", "paragraph_key", "paragraph_script", "ratio"]

T = TypeVar("T")


def char_edits(old: str, new: str) -> tuple[CharEdit, ...]:
    """The character-level script from *old* to *new*.

    An equal run of a single character between two edits is folded into them, so that the
    script reads as words rather than scattered letters.

    >>> [(e.op, e.old, e.new) for e in char_edits("县级人民政府应当", "市人民政府应当")]
    [('replace', '县级', '市'), ('equal', '人民政府应当', '人民政府应当')]
    """
    ops: list[list[str]] = []
    for tag, i1, i2, j1, j2 in matcher(old, new).get_opcodes():
        ops.append([tag, old[i1:i2], new[j1:j2]])
    folded: list[list[str]] = []
    for k, op in enumerate(ops):
        short_equal = (
            op[0] == "equal"
            and len(op[1]) == 1
            and 0 < k < len(ops) - 1
            and folded
            and folded[-1][0] != "equal"
        )
        if short_equal or (op[0] != "equal" and folded and folded[-1][0] != "equal"):
            last = folded[-1]
            folded[-1] = ["replace", last[1] + op[1], last[2] + op[2]]
        else:
            folded.append(op)
    for op in folded:
        if op[0] == "replace" and not op[1]:
            op[0] = "insert"
        elif op[0] == "replace" and not op[2]:
            op[0] = "delete"
    return tuple(CharEdit(op, a, b) for op, a, b in folded)


def _further(unit: Paragraph | Item | SubItem) -> tuple[str, ...]:
    return tuple(squash(line) for line in unit.continuation) if unit.continuation else ()


def _subitem_key(sub: SubItem) -> tuple[object, ...]:
    subs = tuple(_subitem_key(s) for s in sub.subitems)
    return (sub.number, squash(sub.text), _further(sub), subs)


def _item_key(item: Item) -> tuple[object, ...]:
    subs = tuple(_subitem_key(s) for s in item.subitems)
    return (item.number, squash(item.text), _further(item), item.arabic, subs)


def paragraph_key(para: Paragraph) -> tuple[object, ...]:
    """What a comparison sees of a paragraph: its text, its further paragraphs and its items
    (theirs too, and whether a 项 is printed ``1．``) without white space, and its forced
    break; not its number (a paragraph moved within its article is the same)."""
    items = tuple(_item_key(i) for i in para.items)
    return (squash(para.text), _further(para), items, para.break_before)


def ratio(a: str, b: str) -> float:
    """The :class:`difflib.SequenceMatcher` ratio of two texts (1.0 for two empty ones)."""
    if not a and not b:
        return 1.0
    blocks = matcher(a, b).get_matching_blocks()
    return 2.0 * sum(m.size for m in blocks) / (len(a) + len(b))


def paragraph_script(
    old: Sequence[Paragraph], new: Sequence[Paragraph]
) -> tuple[ParagraphEdit, ...]:
    """Align two lists of paragraphs: unchanged, added, removed, changed (with character edits).

    Equal paragraphs anchor the alignment; between anchors, an old and a new paragraph at least
    :data:`~.align.PARAGRAPH_SIMILARITY` alike are one paragraph, changed, in order.
    """
    out: list[ParagraphEdit] = []
    old_keys = [paragraph_key(p) for p in old]
    new_keys = [paragraph_key(p) for p in new]
    for tag, i1, i2, j1, j2 in matcher(old_keys, new_keys).get_opcodes():
        if tag == "equal":
            out.extend(
                ParagraphEdit("unchanged", old[i], new[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        j = j1
        for i in range(i1, i2):
            text = old[i].full_text
            match = next(
                (k for k in range(j, j2) if ratio(text, new[k].full_text) >= PARAGRAPH_SIMILARITY),
                None,
            )
            if match is None:
                out.append(ParagraphEdit("removed", old[i], None))
                continue
            out.extend(ParagraphEdit("added", None, new[k]) for k in range(j, match))
            chars = char_edits(text, new[match].full_text)
            out.append(ParagraphEdit("changed", old[i], new[match], chars))
            j = match + 1
        out.extend(ParagraphEdit("added", None, new[k]) for k in range(j, j2))
    return tuple(out)


def pair_children(
    old: Sequence[T], new: Sequence[T], text: Callable[[T], str]
) -> list[tuple[int, int]]:
    """Pair the items (or 目) of two versions of a paragraph, by position in each: equal texts
    anchor, and between anchors two at least :data:`~.align.PARAGRAPH_SIMILARITY` alike are one,
    edited, in order (the rule of :func:`paragraph_script`)."""
    old_keys = [squash(text(x)) for x in old]
    new_keys = [squash(text(x)) for x in new]
    if old_keys == new_keys:
        return [(k, k) for k in range(len(old))]
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher(old_keys, new_keys).get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        j = j1
        for i in range(i1, i2):
            match = next(
                (
                    k
                    for k in range(j, j2)
                    if ratio(old_keys[i], new_keys[k]) >= PARAGRAPH_SIMILARITY
                ),
                None,
            )
            if match is not None:
                pairs.append((i, match))
                j = match + 1
    return pairs
