"""Amending instruments: 修改决定 and 修正案, read into typed operations and applied.

What lives here:

* :mod:`.operations`: the values an instrument is read into (:class:`~.operations.Span`,
  :class:`~.operations.Target`, :class:`~.operations.Wording` and one class per kind of
  instruction), plain attrs values of tuples, ints, strings and dates, ready to serialise;
* :mod:`.wording`: quoted new wording read into 条, 款, 项 and 目 the way the Markdown reader
  reads them;
* :mod:`.lines`: the instrument's text cut into its header, its instructions (numbered
  一、, （一）, 第一条 …, with their quoted continuation lines) and its warnings;
* :mod:`.clauses`, :mod:`.targets`, :mod:`.reader` and :mod:`.grammar`: one instruction cut
  into clauses and each clause read into operations (the grammar of each form is in the
  docstrings: the rule table in :mod:`.grammar`, the target grammar in :mod:`.targets`);
* :mod:`.amendment`: :class:`~.amendment.Amendment` and :func:`~.amendment.parse_amendment`;
* :mod:`.work`, :mod:`.locate`, :mod:`.structure`, :mod:`.edits` and :mod:`.apply`: applying the
  operations to a working copy of a regulation with the numbering semantics of Chinese
  practice (where units go and how they are numbered; edits inside a unit's text);
* :mod:`.references`: 衔接性修改, finding and rewriting the internal references whose target
  was renumbered;
* :mod:`.errors`: :class:`~.errors.AmendmentError`.

Imports flow one way: this folder may import the model, the Markdown reader and writer,
citations and diff (through the package's public names), never the interchange formats or the
command line.
"""

from __future__ import annotations

from .amendment import Amendment, parse_amendment
from .apply import apply_amendment
from .errors import AmendmentError
from .operations import (
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertHeading,
    InsertWords,
    Move,
    Note,
    Operation,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)
from .references import ReferenceUpdate, renumber_references, renumbered_references

__all__ = [
    "Amendment",
    "AmendmentError",
    "Commence",
    "Delete",
    "DeleteWords",
    "Insert",
    "InsertHeading",
    "InsertWords",
    "Move",
    "Note",
    "Operation",
    "ReferenceUpdate",
    "Renumber",
    "Renumbering",
    "Replace",
    "ReplaceWords",
    "Retitle",
    "Span",
    "Target",
    "Wording",
    "apply_amendment",
    "parse_amendment",
    "renumber_references",
    "renumbered_references",
]
