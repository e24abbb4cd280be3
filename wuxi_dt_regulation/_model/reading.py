"""Whether a 款 needs the reading rules' check: the answer its constructor records.

A 款 that runs over several paragraphs, may leave a quotation open, or holds a 项 that does
either or is numbered 1． must be read back by :mod:`.readback`'s check, in its container too;
the usual 款 need not.  Shared by that check and by the parser, which builds its 款 without
checks (:mod:`.prebuilt`) but records the same answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .flow import CLOSED, fresh

if TYPE_CHECKING:
    from .units import Item

__all__ = ["paragraph_flow"]


def _may_open(text: str) -> bool:
    """May *text* leave a quotation open (a mark, or an introduction such as 修改为：)?"""
    if "“" not in text and "”" not in text and text[-1:] not in "：:":
        return False  # the usual case
    return fresh(text) is not CLOSED


def paragraph_flow(text: str, further: tuple[str, ...], items: tuple[Item, ...]) -> bool:
    """Whether a 款 needs the reading rules' check (the hidden flag its constructor records,
    so that a container checks how it reads after the 款 before): it runs over several
    paragraphs, may leave a quotation open, or holds a 项 that does either or is numbered 1．."""
    if further or _may_open(text):
        return True
    for item in items:
        if item.arabic or item.continuation or _may_open(item.text):
            return True
        for sub in item.subitems:
            if sub.continuation or _may_open(sub.text):
                return True
            for deep in sub.subitems:
                if deep.continuation or _may_open(deep.text):
                    return True
    return False
