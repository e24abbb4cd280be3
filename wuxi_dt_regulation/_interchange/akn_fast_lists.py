"""The fast Akoma Ntoso reader's 款 and lists (:mod:`.akn_fast`): a ``<paragraph>`` of an
article or of the body, its ``<list>`` and their ``<point>`` (项, then 目 below), in the layout
:func:`~wuxi_dt_regulation.to_akn` writes; anything else raises :class:`.Declined`.  The tree
walk's rules for the same constructs are in :mod:`.akn_units`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._model.units import Paragraph
from .akn_fast_blocks import VALUE, BlockReader, Declined, element_text
from .akn_parts import MAX_DEPTH
from .akn_text import WS
from .decode_units import new_paragraph, stamp_items

__all__ = ["POINT_MARK", "ListReader"]

_LIST_RE = re.compile(r"<(list|point) eId=" + VALUE + ">")
#: The line that stands for a point :mod:`.akn_fast` read whole (no document holds it: U+0003
#: is declined).
POINT_MARK = "\x03"
_EMPTY: tuple[Any, ...] = ()


class ListReader(BlockReader):
    """Reads a 款 and its lists (see the module's docstring)."""

    #: the next point read whole (its match: label, text), in document order
    points: Callable[[], re.Match[str]]

    def paragraph(
        self, number: int, brk: bool, cite: tuple[int, int, int] | None, line: str | None = None
    ) -> Paragraph:
        """A 款 (its opening line read; *line* is the line after it, when read), stamped
        *cite* with its 项 and 目 (None outside the body's articles)."""
        next_line = self.next
        if line is None:
            line = next_line()
        if line == "<content>":
            lines = self.p_lines("</content>")
            if next_line() != "</paragraph>":
                raise Declined
            first = lines[0] if lines else ""
            return new_paragraph(number, first, (), brk, tuple(lines[1:]), cite)
        if _LIST_RE.fullmatch(line) is None or line[1] != "l":
            raise Declined
        lead, items = self.listing(0)
        if next_line() != "</paragraph>":
            raise Declined
        if cite is not None:
            stamp_items(items, cite)  # fresh, built before their 款's place was given
        first = lead[0] if lead else ""
        return new_paragraph(number, first, items, brk, tuple(lead[1:]), cite)

    def listing(self, depth: int) -> tuple[list[str], tuple[Any, ...]]:
        """A ``<list>``'s lead text (its ``<intro>``) and its points: 项 at *depth* 0, 目
        below."""
        if depth > MAX_DEPTH:
            raise Declined
        next_line = self.next
        line = next_line()
        lead: list[str] = []
        if line == "<intro>":
            lead = self.p_lines("</intro>")
            line = next_line()
        points: list[Any] = []
        while line != "</list>":
            if line == POINT_MARK:  # a point read whole
                found = self.points()
                label, text, more, subs = found[1].strip(WS), found[2].strip(WS), _EMPTY, _EMPTY
            elif _LIST_RE.fullmatch(line) is None or line[1] != "p":
                raise Declined
            else:
                label = element_text(next_line(), "num").strip(WS)
                line = next_line()
                if line == "<content>":
                    lines = self.p_lines("</content>")
                    text, more, subs = (lines[0] if lines else ""), tuple(lines[1:]), _EMPTY
                elif _LIST_RE.fullmatch(line) is not None and line[1] == "l":
                    inner, subs = self.listing(depth + 1)
                    text, more = (inner[0] if inner else ""), tuple(inner[1:])
                else:
                    raise Declined
                if next_line() != "</point>":
                    raise Declined
            points.append(self.list_unit(depth, label, text, subs, more))
            line = next_line()
        return lead, tuple(points)
