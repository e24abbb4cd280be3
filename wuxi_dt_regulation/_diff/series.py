"""The punctuation of a list of 项 when an amendment adds or deletes its last 项.

A list punctuated as a series ends each 项 but the last with ``；`` and the last with ``。``
(``（一）丙；（二）丁；（三）戊。``).  An amendment that adds 项 after the last, or deletes the
last, leaves the consolidated text punctuated as a series still: the old last 项 takes ``；``
(``戊；（四）庚。``), the new last ``。``; decisions do not spell this out.  A 项 that holds 目
continues the series in its last 目 (or the fourth level under it).  A list whose 项 are whole
sentences (each ending in ``。``) is left as it is.

``Amendment.apply`` follows these rules; the decision writer (:mod:`.drafting`) checks its
instructions against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import attrs

from .._model.units import Item, SubItem

__all__ = [
    "closing_mark",
    "continue_series",
    "end_series",
    "is_series",
    "item_key",
    "marked",
]

#: what the caller keeps beside each 项 (where it came from)
K = TypeVar("K")
#: a 项 or a 目
U = TypeVar("U", Item, SubItem)


def item_key(item: Item) -> tuple[object, ...]:
    """A 项 as a list holds it, whatever its number: its text, further paragraphs and 目 (what
    an inserted 项 already in place must have; what the decision writer compares)."""
    return (item.text, item.continuation, item.subitems)


def _last_line(unit: Item | SubItem) -> str:
    """The last line a 项 or 目 prints: its last 目's (or fourth level's), else its last further
    paragraph, else its text (the order :meth:`Item.lines` prints them in)."""
    if unit.subitems:
        return _last_line(unit.subitems[-1])
    return unit.continuation[-1] if unit.continuation else unit.text


def is_series(items: Sequence[Item]) -> bool:
    """Are *items* (two or more) punctuated as a series: each but the last ending in ``；``, the
    last in ``。`` (each in the last line it prints)?"""
    return (
        len(items) >= 2
        and _last_line(items[-1]).endswith("。")
        and all(_last_line(i).endswith("；") for i in items[:-1])
    )


def marked(unit: U, mark: str) -> U:
    """*unit* with its last printed line ending in *mark* instead of its closing mark.  The
    last 项 of a list (and the last 目 of a 项) ends in that line: it has no further paragraph,
    which needs the next unit of its list after it.  (For any other 项, the decision writer
    checks what it gets: :func:`.drafting._implied`.)"""
    if unit.subitems:
        subitems = (*unit.subitems[:-1], marked(unit.subitems[-1], mark))
        return attrs.evolve(unit, subitems=subitems)
    return attrs.evolve(unit, text=unit.text[:-1] + mark)


def closing_mark(item: Item) -> str:
    """The mark that ends the last line *item* prints (``""`` for none)."""
    return _last_line(item)[-1:]


def _mark(pairs: list[tuple[K, Item]], index: int, mark: str) -> None:
    key, item = pairs[index]
    pairs[index] = (key, marked(item, mark))


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
