"""The punctuation of a list of 项 when an amendment adds or deletes its last 项.

A list punctuated as a series ends each 项 but the last with ``；`` and the last with ``。``
(``（一）丙；（二）丁；（三）戊。``).  An amendment that adds 项 after the last, or deletes the
last, leaves the consolidated text punctuated as a series still: the old last 项 takes ``；``
(``戊；（四）庚。``), the new last ``。``; decisions do not spell this out.  A list whose 项
are whole sentences (each ending in ``。``), or whose last 项 runs over several lines (further
paragraphs, 目), is left as it is.

``apply`` follows these rules; the decision writer (:mod:`.._diff.drafting`) checks its
instructions against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import attrs

from .._model.units import Item

__all__ = ["continue_series", "end_series", "is_series"]

#: what the caller keeps beside each 项 (where it came from)
K = TypeVar("K")


def is_series(items: Sequence[Item]) -> bool:
    """Are *items* (two or more) punctuated as a series, their last two each one line?"""
    return (
        len(items) >= 2
        and all(not i.continuation and not i.subitems for i in items[-2:])
        and items[-1].text.endswith("。")
        and all(i.text.endswith("；") for i in items[:-1])
    )


def _mark(pairs: list[tuple[K, Item]], index: int, mark: str) -> None:
    key, item = pairs[index]
    pairs[index] = (key, attrs.evolve(item, text=item.text[:-1] + mark))


def continue_series(pairs: list[tuple[K, Item]]) -> None:
    """*pairs* (anything, 项) about to take more 项 after the last: in a series, the last 项
    ends in ``；`` now (in place)."""
    if is_series([item for _, item in pairs]):
        _mark(pairs, -1, "；")


def end_series(pairs: list[tuple[K, Item]]) -> None:
    """*pairs* about to lose their last 项: in a series, the one before it ends in ``。`` now
    (in place)."""
    if is_series([item for _, item in pairs]):
        _mark(pairs, -2, "。")
