"""Two sequence tools the alignment is built on: :func:`matcher` (difflib's SequenceMatcher,
imported on first use) and :func:`chain` (the heaviest chain of pairs in order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from difflib import SequenceMatcher

__all__ = ["chain", "matcher"]


def matcher(a: Sequence[object], b: Sequence[object]) -> SequenceMatcher[object]:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False)


def chain(pairs: Sequence[tuple[int, int, int]]) -> list[int]:
    """Indices of a heaviest chain of *pairs* ``(a, b, weight)`` strictly increasing in a and b.

    A weighted longest increasing subsequence with a Fenwick tree: O(n log n).
    """
    if not pairs:
        return []
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][1], -pairs[k][0], k))
    size = max(p[0] for p in pairs) + 2
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)
    best: list[int] = [0] * len(pairs)
    back: list[int] = [-1] * len(pairs)
    for k in order:
        a = pairs[k][0]
        # prefix maximum over positions < a
        pos, top = a, (0, -1)
        while pos > 0:
            if tree[pos] > top:
                top = tree[pos]
            pos -= pos & -pos
        best[k] = top[0] + pairs[k][2]
        back[k] = top[1]
        pos = a + 1
        while pos <= size:
            if (best[k], k) > tree[pos]:
                tree[pos] = (best[k], k)
            pos += pos & -pos
    end = max(range(len(pairs)), key=lambda k: (best[k], -k))
    out = []
    while end >= 0:
        out.append(end)
        end = back[end]
    return out[::-1]
