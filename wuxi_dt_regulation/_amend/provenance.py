"""Which characters of the amended text an amendment wrote, followed instruction by instruction.

衔接性修改 (:func:`.references.follow_references`) moves the references of the text the
regulation already had; the words an amendment writes already speak the new numbers (a decision
often spells out its own 衔接性修改: ``将第三条中的“第一条”修改为“第二条”``) and must not be
moved again.  Comparing the final text with the original cannot tell them apart when the
amendment writes a number the line already holds elsewhere; following each line through every
instruction can: each step is a local edit (words replaced, deleted or inserted), and the
characters it adds are marked as written, those it keeps keep their mark.  Any other
instruction that changes a line (a 项 restated: 将第五条第二项修改为…) wrote all of it.

Units are followed by where they came from (the article's, 款's and 项's numbers before the
amendment, which the working copy keeps), so a renumbering does not lose them; a unit the
amendment wrote has no origin and is left out: all of it is the amendment's (a restated 款 is
kept only as where the 款 it replaced went: :meth:`Provenance.units`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import attrs

from .._model.citation import Citation
from .operations import DeleteWords, InsertWords, ReplaceWords

if TYPE_CHECKING:
    from .work import Box

__all__ = ["Provenance", "Unit"]


class Unit(NamedTuple):
    """A unit of the amended text that the regulation had before the amendment."""

    was: Citation  #: where it stood (the numbers the amendment's instructions name)
    now: Citation  #: where it stands in the amended text
    lines: tuple[str, ...]  #: its text, then its further paragraphs
    masks: tuple[tuple[bool, ...], ...]  #: per line: True where the amendment wrote the character


#: a unit of the working copy by its origin: the article's key, the 款's and the 项's numbers
#: before the amendment, and the 目's number (None above the level)
_Key = tuple[tuple[int, int], int, int | None, int | None]


def _lines(root: Box) -> dict[_Key, tuple[str, ...]]:
    """The lines of every unit of the working copy that has an origin."""
    out: dict[_Key, tuple[str, ...]] = {}
    for slot in root.slots():
        if slot.origin is None:
            continue
        for par in slot.paragraphs:
            if par.origin is None:
                continue
            out[slot.origin, par.origin, None, None] = (par.text, *par.more)
            for number, item in par.items:
                if number is None:
                    continue
                out[slot.origin, par.origin, number, None] = (item.text, *item.continuation)
                for sub in item.subitems:
                    lines = (sub.text, *sub.continuation)
                    out[slot.origin, par.origin, number, sub.number] = lines
    return out


def _follow(mask: list[bool], old: str, new: str) -> list[bool]:
    """*mask* of *old*, carried to *new*: kept characters keep theirs, new ones are written."""
    from difflib import SequenceMatcher

    out: list[bool] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        out.extend(mask[i1:i2] if tag == "equal" else [True] * (j2 - j1))
    return out


class Provenance:
    """The written characters of every line, updated by :meth:`observe` after each instruction."""

    def __init__(self) -> None:
        self._lines: dict[_Key, tuple[str, ...]] | None = None
        self._masks: dict[tuple[_Key, int], list[bool]] = {}

    def observe(self, root: Box, op: object = None) -> None:
        """Take the working copy's lines as they are now (the first call: the original), after
        the operation *op*: a word edit wrote what it added to a line; any other operation
        that changed a line (a 项 restated) wrote all of it."""
        now = _lines(root)
        words = isinstance(op, (ReplaceWords, DeleteWords, InsertWords))
        if self._lines is not None:
            for key, lines in now.items():
                was = self._lines.get(key)
                if was is None or was == lines:
                    continue
                for n, line in enumerate(lines):
                    old = was[n] if n < len(was) else None
                    if old == line:
                        continue
                    if old is None or not words:
                        self._masks[key, n] = [True] * len(line)
                        continue
                    mask = self._masks.get((key, n), [False] * len(old))
                    self._masks[key, n] = _follow(mask, old, line)
        self._lines = now

    def units(self, root: Box) -> list[Unit]:
        """Every unit of the finished (renumbered) working copy that the regulation had, in
        document order: where it stood and stands, its lines and their masks (a restated 款
        and its 项 have no lines of the regulation's: all of them are the amendment's)."""
        out: list[Unit] = []
        for slot in root.slots():
            if slot.origin is None:
                continue
            number, suffix = slot.key
            was_number, was_suffix = slot.origin
            for n, par in enumerate(slot.paragraphs, 1):
                at = Citation(article=number, suffix=suffix, paragraph=n)
                if par.origin is None:
                    if par.replaces is not None:  # restated: its wording is the amendment's,
                        # but it stands where the 款 it replaces stood, and so do its 项
                        was = Citation(
                            article=was_number, suffix=was_suffix, paragraph=par.replaces
                        )
                        out.append(Unit(was, at, (), ()))
                        out.extend(Unit(attrs.evolve(was, item=i.number), attrs.evolve(at, item=i.number), (), ())
                                   for _, i in par.items)  # fmt: skip
                    continue
                was = Citation(article=was_number, suffix=was_suffix, paragraph=par.origin)
                key: _Key = (slot.origin, par.origin, None, None)
                out.append(self._unit(was, at, key, (par.text, *par.more)))
                for position, (old, item) in enumerate(par.items, 1):
                    if old is None:
                        continue
                    here = attrs.evolve(at, item=position if par.changed else item.number)
                    key = (slot.origin, par.origin, old, None)
                    lines = (item.text, *item.continuation)
                    out.append(self._unit(attrs.evolve(was, item=old), here, key, lines))
                    for sub in item.subitems:
                        lines = (sub.text, *sub.continuation)
                        key = (slot.origin, par.origin, old, sub.number)
                        out.append(self._unit(attrs.evolve(was, item=old, subitem=sub.number),
                                              attrs.evolve(here, subitem=sub.number), key, lines))  # fmt: skip
        return out

    def _unit(self, was: Citation, now: Citation, key: _Key, lines: tuple[str, ...]) -> Unit:
        masks = tuple(
            tuple(self._masks.get((key, n), [False] * len(line))) for n, line in enumerate(lines)
        )
        return Unit(was, now, lines, masks)
