"""The punctuation of a list of 项 when an amendment adds or deletes its last 项.

A list punctuated as a series ends each 项 but the last with ``；`` and the last with ``。``
(``（一）丙；（二）丁；（三）戊。``).  An amendment that adds 项 after the last, or deletes the
last, leaves the consolidated text punctuated as a series still: the old last 项 takes ``；``
(``戊；（四）庚。``), the new last ``。``; decisions do not spell this out.  A 项 that holds
目 continues the series in its last 目.  A list whose 项 are whole sentences (each ending in
``。``) is left as it is, and so is a 项 to re-punctuate that prints several lines (further
paragraphs, 目): its closing mark is not in its text.

``Amendment.apply`` follows these rules; the decision writer (:mod:`.drafting`) checks its
instructions against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import attrs

from .._model.units import Item

__all__ = ["continue_series", "end_series", "is_series", "item_key"]

#: what the caller keeps beside each 项 (where it came from)
K = TypeVar("K")


def item_key(item: Item) -> tuple[object, ...]:
    """A 项 as a list holds it, whatever its number: its text, further paragraphs and 目 (what
    an inserted 项 already in place must have; what the decision writer compares)."""
    return (item.text, item.continuation, item.subitems)


def _last_line(item: Item) -> str:
    """The last line a 项 prints: its last further paragraph, else its last 目's, else its text."""
    if item.continuation:
        return item.continuation[-1]
    if item.subitems:
        last = item.subitems[-1]
        return last.continuation[-1] if last.continuation else last.text
    return item.text


def is_series(items: Sequence[Item]) -> bool:
    """Are *items* (two or more) punctuated as a series: each but the last ending in ``；`` (a
    项 that holds 目, in its last 目), the last in ``。``?"""
    return (
        len(items) >= 2
        and _last_line(items[-1]).endswith("。")
        and all(_last_line(i).endswith("；") for i in items[:-1])
    )


def _plain(item: Item) -> bool:
    """Does the 项 print one line (its text), where its closing mark can be changed?"""
    return not item.continuation and not item.subitems


def _mark(pairs: list[tuple[K, Item]], index: int, mark: str) -> None:
    key, item = pairs[index]
    pairs[index] = (key, attrs.evolve(item, text=item.text[:-1] + mark))


def continue_series(pairs: list[tuple[K, Item]]) -> None:
    """*pairs* (anything, 项) about to take more 项 after the last: in a series, the last 项
    ends in ``；`` now (in place)."""
    if is_series([item for _, item in pairs]) and _plain(pairs[-1][1]):
        _mark(pairs, -1, "；")


def end_series(pairs: list[tuple[K, Item]]) -> None:
    """*pairs* about to lose their last 项: in a series, the one before it ends in ``。`` now
    (in place)."""
    if is_series([item for _, item in pairs]) and _plain(pairs[-2][1]):
        _mark(pairs, -2, "。")
