"""Akoma Ntoso tables -> :class:`~wuxi_dt_regulation.Table`: ``<hcontainer name="table">`` in the
body, ``<table>`` in the preamble; a ``<tr>`` per line, a ``<td>`` (or ``<th>``) holding one
``<p>`` per cell, ``wdr:pipes`` for the edge pipes of a line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._model.units import Table
from .akn import PIPES_ATTR
from .akn_parts import CELLS, CONTENT, TABLE, TR, P, build, no_text_around, texts
from .akn_text import WS, Refused, inline, no_text, stray, unexpected

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["TableReader"]


class TableReader:
    """Reads tables; :class:`.akn_units.BodyReader` is one."""

    make: dict[type, Callable[..., Any]]

    def box(self, element: Element) -> Table | None:
        """An ``<hcontainer>``: a table (``name="table"``), or the placeholder of an empty body."""
        name = element.get("name")
        if name == "placeholder":
            if len(element):
                raise unexpected(element[0], element, "the placeholder of an empty body")
            no_text(element, "the placeholder of an empty body holds no text")
            return None
        if name != "table":
            raise Refused(f"an <hcontainer name={name!r}> has no place in the model", element)
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        content = None
        for child in element:
            if child.tag != CONTENT or content is not None:
                raise unexpected(child, element, "a table's <hcontainer> holds one <content>")
            content = child
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        if content is None:
            raise Refused("missing <content> in a table's <hcontainer>", element, "/content")
        tables = [child for child in content if child.tag == TABLE]
        if len(tables) == 1 and len(content) == 1:
            no_text_around(content)
            return self.table(tables[0])
        if not tables and not any(texts(content)):  # the empty table: a filler <p/>
            return build(self.make[Table], element, ())  # type: ignore[no-any-return]
        raise Refused("a table's <content> holds its <table> alone", content)

    def table(self, element: Element) -> Table:
        lines = []
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for row in element:
            if row.tag != TR:
                raise unexpected(row, element, "a table is read as <tr> rows of cells")
            cells = []
            for cell in row:
                if cell.tag not in CELLS:
                    raise unexpected(cell, row)
                if len(cell) > 1:
                    raise Refused("a table cell holds one <p> in the model", cell[1])
                no_text_around(cell)
                if len(cell) and cell[0].tag != P:
                    raise unexpected(cell[0], cell, "a table cell is read from its <p>")
                line = inline(cell[0]) if len(cell) else ""
                if "|" in line:
                    raise Refused(f"a table cell cannot hold '|' in the model: {line!r}", cell)
                cells.append(line)
                if cell.tail and cell.tail.strip(WS):
                    raise stray(row, cell, cell.tail)
            if row.text and row.text.strip(WS):
                raise stray(row, None, row.text)
            line = "|".join(cells)
            pipes = row.get(PIPES_ATTR)
            if pipes is not None and pipes not in ("both", "start", "end"):
                raise Refused(
                    f"wdr:pipes must be both, start or end, found {pipes!r}", row, "/@wdr:pipes"
                )
            if pipes in ("both", "start"):
                line = "|" + line
            if pipes in ("both", "end"):
                line += "|"
            lines.append(line)
            if row.tail and row.tail.strip(WS):
                raise stray(element, row, row.tail)
        return build(self.make[Table], element, tuple(lines))  # type: ignore[no-any-return]
