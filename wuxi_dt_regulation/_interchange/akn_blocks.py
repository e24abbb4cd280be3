"""Akoma Ntoso ``<preamble>`` -> model units: block elements, as :func:`~wuxi_dt_regulation.to_akn`
writes them there (the schema admits no hierarchy in a preamble).

``<blockContainer class="paragraph">`` is a 款 (its ``<p>`` and a ``<blockList>`` of
``<item>``), ``class="article"`` and ``class="division"`` an article and a division,
``<table>`` a table; a bare ``<p>`` with text is a 款 of its own, an empty one a filler.
Anything else is refused (:class:`.akn_text.Refused`), as in the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.structure import Article, Division
from .._model.units import Item, Paragraph, SubItem, Table
from .akn import AKN
from .akn_parts import (
    HEADING,
    MAX_DEPTH,
    NUM,
    TABLE,
    P,
    article_number,
    build,
    flag,
    item_number,
    label,
    level,
    subitem_number,
)
from .akn_text import WS, Refused, inline, stray, unexpected
from .akn_units import BodyReader

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["PreambleReader"]

BLOCK, BLOCKLIST, ITEM = AKN + "blockContainer", AKN + "blockList", AKN + "item"


class PreambleReader(BodyReader):
    """The walk over ``<preamble>``."""

    def blocks(self, element: Element, kind: type | None) -> tuple[object, ...]:
        """The units of the preamble (*kind* None), or of a block container of *kind*
        (:class:`Article` or :class:`Division`: the caller reads its ``<num>`` or
        ``<heading>``)."""
        out: list[object] = []
        paragraphs = 0
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            name = child.get("class") if tag == BLOCK else None
            if tag == P:
                line = inline(child).strip(WS)
                if line:  # an empty <p/> fills an empty container
                    paragraphs += 1
                    make = self.make[Paragraph]
                    out.append(build(make, child, paragraphs, line, (), False, ()))
            elif name == "paragraph":
                paragraphs += 1
                out.append(self.block_paragraph(child, paragraphs))
            elif tag == TABLE and kind is not Article:
                out.append(self.table(child))
            elif name == "table" and kind is not Article:
                if any(texts_in(child)):
                    raise Refused("the block of an empty table holds no text", child)
                out.append(build(self.make[Table], child, ()))
            elif name == "article" and kind is Division:
                number, suffix = article_number(self.head(child, NUM), child)
                paras = self.blocks(child, Article)
                out.append(build(self.make[Article], child, number, suffix, paras))
            elif name == "division" and kind is None:
                title = label(self.head(child, HEADING))
                children = self.blocks(child, Division)
                out.append(build(self.make[Division], child, title, level(child), children))
            elif (tag == NUM and kind is Article) or (tag == HEADING and kind is Division):
                pass  # read by the caller
            else:
                raise unexpected(child, element, "not a block to_akn writes in a preamble")
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        return tuple(out)

    def head(self, element: Element, tag: str) -> Element | None:
        """The one *tag* (``<num>`` or ``<heading>``) child of a block container."""
        found = [child for child in element if child.tag == tag]
        if len(found) > 1:
            raise unexpected(found[1], element, f"a second <{tag[len(AKN) :]}>")
        return found[0] if found else None

    def block_paragraph(self, element: Element, number: int) -> Paragraph:
        lines, listing = self.lines(element, None)
        items: tuple[Item, ...] = ()
        if listing is not None:
            items = tuple(self.block_items(listing, 0))  # type: ignore[arg-type]
        first = lines[0] if lines else ""
        make = self.make[Paragraph]
        return build(make, element, number, first, items, flag(element), tuple(lines[1:]))  # type: ignore[no-any-return]

    def lines(self, element: Element, num: str | None) -> tuple[list[str], Element | None]:
        """The ``<p>`` texts of a paragraph block or an ``<item>``, then its ``<blockList>``
        (the last child: text after the items has no place in the model); *num* is the tag
        an item's ``<num>`` has, which the caller reads."""
        lines: list[str] = []
        listing = None
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            if tag == P and listing is None:
                lines.append(inline(child).strip(WS))
            elif tag == BLOCKLIST and listing is None:
                listing = child
            elif tag != num or num is None:
                why = "text after the 项" if listing is not None else "not read in a 款's block"
                raise unexpected(child, element, why)
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        return lines, listing

    def block_items(self, listing: Element, depth: int) -> list[object]:
        if depth > MAX_DEPTH:
            raise Refused(f"项 and 目 nested deeper than {MAX_DEPTH} levels", listing)
        out: list[object] = []
        text = listing.text
        if text and text.strip(WS):
            raise stray(listing, None, text)
        for item in listing:
            if item.tag != ITEM:
                raise unexpected(item, listing, "a <blockList> holds <item>s")
            lines, nested = self.lines(item, NUM)
            num = self.head(item, NUM)
            subs = tuple(self.block_items(nested, depth + 1)) if nested is not None else ()
            line, more = (lines[0] if lines else ""), tuple(lines[1:])
            if depth == 0:
                number, arabic = item_number(num, item)
                out.append(build(self.make[Item], item, number, line, subs, more, arabic))
            else:
                number = subitem_number(num, item)
                out.append(build(self.make[SubItem], item, number, line, subs, more))
            tail = item.tail
            if tail and tail.strip(WS):
                raise stray(listing, item, tail)
        return out


def texts_in(element: Element) -> list[str]:
    """Every non-blank text inside *element*."""
    return [text.strip(WS) for text in element.itertext() if text.strip(WS)]
