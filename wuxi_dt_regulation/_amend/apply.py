"""Applying an amendment to a regulation, with the numbering semantics of Chinese practice.

* An instruction names its target by the number in the text being amended (the OLD number),
  however many instructions before it inserted, deleted or moved units.
* The place of an insertion or a move is a number of the amended text (``增加一条，作为第十一条``,
  ``移至第四章，作为第三十四条``); an article inserted ``在第X条后`` goes right after article X.
* Inserted 之N articles (第一百三十三条之二) renumber nothing.
* ``条文顺序作相应调整`` renumbers at the end: every article, in order (a 之N article becomes a
  plain one), and the chapters and sections when one was added.
  Without it a deleted article keeps its place as ``第X条 （删去）``, as consolidated codes
  print it (刑法 第一百九十九条), and an article inserted at a number already taken is an error.
* 款 are numbered by position; the 项 of a 款 that changed are numbered afresh.
* Each operation recognises its result already in place and then changes nothing: a unit
  replaced by the wording it already has, an inserted unit already there with that wording, a
  deleted article already ``（删去）``, words already edited (see :mod:`.edits`).  So applying
  刑法修正案（十一） to a consolidated 刑法 that contains it changes no article.
* Everything is applied to a working copy: an error leaves the regulation as it was.

The amendment's operations apply to a regulation whose title is one the amendment names
(刑法 and 中华人民共和国刑法 match); an amendment naming no instrument applies to any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.regulation import Regulation
from .errors import AmendmentError
from .history import amended_history
from .provenance import Provenance
from .targets import same_title
from .unit_ops import DELETED, UnitOps
from .work import freeze

if TYPE_CHECKING:
    from .amendment import Amendment

__all__ = ["DELETED", "apply_amendment"]


def apply_amendment(
    amendment: Amendment, regulation: Regulation, *, update_references: bool = False
) -> Regulation:
    """Apply *amendment* to *regulation*; see the module docstring for the semantics.

    Args:
        amendment: the amending instrument.
        regulation: the regulation it amends (its title must be one the amendment names).
        update_references: also rewrite the references to articles, 款, 项 and 目 the amendment
            moved (衔接性修改, :func:`.references.follow_references`) in the text the regulation
            had; those in wording the amendment wrote (a new 款, the words of 将第三条中的“第一条”
            修改为“第二条”) are left as written: they use the new numbers (:mod:`.provenance`).

    Returns:
        The amended regulation, with the amendment's 修正 event (and its commencement, when it
        is not the adoption date) added to the history unless the history names it already.

    Raises:
        AmendmentError: the amendment is not meant for the regulation, a target does not
            exist, or words are not in their target.  Nothing is applied then.

    >>> from wuxi_dt_regulation import parse
    >>> from wuxi_dt_regulation import parse_amendment
    >>> reg = parse("# 示例条例\\n\\n第一条 甲。\\n\\n第二条 依照本条例第一条。")
    >>> decision = parse_amendment(
    ...     "# 关于修改《示例条例》的决定\\n\\n2024年1月2日 示例会议通过\\n\\n<!-- INFO END -->\\n\\n"
    ...     "一、增加一条，作为第一条：“乙。”\\n\\n此外，对条文顺序作相应调整。")
    >>> amended = apply_amendment(decision, reg, update_references=True)
    >>> [(a.label, a.text) for a in amended.articles]
    [('第一条', '乙。'), ('第二条', '甲。'), ('第三条', '依照本条例第二条。')]
    >>> amended.history[-1].text
    '2024年1月2日 示例会议《关于修改〈示例条例〉的决定》第一次修正'
    """
    if amendment.instruments and not any(
        same_title(t, regulation.title) for t in amendment.instruments
    ):
        raise AmendmentError(f"《{amendment.title}》 amends {'、'.join(f'《{t}》' for t in amendment.instruments)}, "
                             f"not 《{regulation.title}》", line=1, source=amendment.title)  # fmt: skip
    provenance = Provenance() if update_references else None
    work = _run(amendment, regulation, None, provenance)
    if regulation.articles and next(work.root.slots(), None) is None:
        work.op = work.emptied or work.op
        raise work.error(f"the amendment leaves 《{work.title}》 with no article")
    work.renumber()
    mapping = {s.origin: s.key for s in work.root.slots() if s.origin is not None}
    try:
        result = _result(work)
    except ValueError as err:
        raise _blame(amendment, regulation, len(work.ops), err) from None
    if provenance is not None:  # 衔接性修改: articles, 款, 项 and 目 moved
        from .references import Moves, follow_references
        from .work import moved_headings

        headings = moved_headings(work.root, result.body)
        moves = Moves(provenance.units(work.root), mapping, headings)
        result = follow_references(regulation, result, moves)
    return result


def _run(
    amendment: Amendment, regulation: Regulation, count: int | None, seen: Provenance | None = None
) -> UnitOps:
    """The work of the amendment's first *count* operations (all of them for None), placed;
    *seen* observes the text before the first operation and after each one."""
    work = UnitOps(amendment, regulation)
    observe = seen.observe if seen is not None else lambda root, op=None: None
    observe(work.root)
    for op in work.ops if count is None else work.ops[:count]:
        work.run(op)
        observe(work.root, op)
    work.place()
    return work


def _result(work: UnitOps) -> Regulation:
    """The regulation *work* has made (``ValueError`` when it is not a valid one)."""
    return attrs.evolve(work.regulation, title=work.title, preamble=work.preamble,
                        body=freeze(work.root), history=amended_history(work.amendment, work.regulation),
                        warnings=())  # fmt: skip


def _valid_after(amendment: Amendment, regulation: Regulation, count: int) -> bool:
    try:
        work = _run(amendment, regulation, count)
        work.renumber()
        _result(work)
    except (ValueError, AmendmentError):  # AmendmentError: the prefix alone cannot be placed
        return False
    return True


def _blame(
    amendment: Amendment, regulation: Regulation, count: int, err: ValueError
) -> AmendmentError:
    """The error for an amendment whose result is no valid regulation, naming the instruction
    that made it invalid: the first operation whose prefix of the amendment leaves an invalid
    text where the prefix before it did not (found by bisection: O(n log n) runs, on failure
    only)."""
    good, bad = 0, count  # the text is valid after no operation and invalid after all
    while bad - good > 1:
        middle = (good + bad) // 2
        if _valid_after(amendment, regulation, middle):
            good = middle
        else:
            bad = middle
    work = UnitOps(amendment, regulation)
    if not work.ops:
        return AmendmentError(
            f"the amended text is not a valid regulation: {err}", line=1, source=amendment.title
        )
    work.op = work.ops[bad - 1]
    return work.error(f"the amended text is not a valid regulation after this instruction: {err}")
