"""The values an amending instrument is read into, for code that inspects or builds them.

``wuxi_dt_regulation.parse_amendment(text)`` gives an :class:`Amendment` whose ``operations``
are the classes below, one per kind of instruction (replace a unit, replace or delete or insert
words, insert units or headings, delete, renumber, move, retitle, the closing renumbering, a
commencement, a note that changes no text), each keeping where it was written (:class:`Span`)
and what it targets (:class:`Target`); new wording is a :class:`Wording`.
:func:`renumbered_references` and :func:`renumber_references` are the 衔接性修改 that
``Amendment.apply(..., update_references=True)`` performs, offered on their own.

>>> import wuxi_dt_regulation as wdr
>>> from wuxi_dt_regulation.amendments import Replace, ReplaceWords
>>> amendment = wdr.parse_amendment(
...     "# 关于修改《无锡市数字化转型促进条例》的决定\\n\\n"
...     "一、将第十条修改为：“市人民政府应当统筹推进数字化转型。”\\n\\n"
...     "二、将第十一条中的“加强”修改为“强化”。\\n\\n"
...     "本决定自2025年1月1日起施行。\\n"
... )
>>> [type(op).__name__ for op in amendment.operations]
['Replace', 'ReplaceWords', 'Commence']
>>> isinstance(amendment.operations[1], ReplaceWords), amendment.effective_date
(True, datetime.date(2025, 1, 1))
"""

from __future__ import annotations

from ._amend.operations import (
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
from ._amend.references import ReferenceUpdate, renumber_references, renumbered_references

__all__ = [
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
    "renumber_references",
    "renumbered_references",
]
