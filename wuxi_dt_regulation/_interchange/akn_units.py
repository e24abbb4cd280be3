"""Akoma Ntoso body elements -> model units: the reader :func:`.akn_read.from_akn` walks the body,
the preamble and the attachments with.

Only the form :func:`~wuxi_dt_regulation.to_akn` writes is read back; anything else is a
:class:`~wuxi_dt_regulation.SerializationError` naming the XML path of the element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._model.errors import SerializationError
from .._model.numerals import from_chinese, to_chinese
from .._model.regulation import parse_article_ref
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Item, Paragraph, SubItem, Table
from .akn import AKN, BREAK_ATTR, LEVEL_ATTR, PIPES_ATTR, UNIT_OF

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["UnitReader"]

_UNIT_NUM_RE = re.compile(
    r"""
    第(?P<num>[零一二三四五六七八九十百千]+)   # 第 + a legal numeral
    (?P<unit>分编|编|章|节)$                 # the unit: 分编 before 编
    """,
    re.VERBOSE,
)
_ITEM_NUM_RE = re.compile(
    r"""
    （(?P<num>[零一二三四五六七八九十百千]+)）$   # （一）
    | (?P<arabic>[1-9][0-9]*)．$                # 1．: a 项 numbered in Arabic
    """,
    re.VERBOSE,
)
_SUBITEM_NUM_RE = re.compile(
    r"""
    (?:(?P<dot>\d+)．        # depth 1: 1．
      |（(?P<paren>\d+)）)$  # depth 2 and below: （1）
    """,
    re.VERBOSE,
)


def _canonical(numeral: str) -> str | None:
    """*numeral* as :func:`to_chinese` writes it, or None when it is no numeral at all."""
    try:
        return to_chinese(from_chinese(numeral))
    except ValueError:
        return None


class UnitReader:
    """Reads the body's elements into model values; every problem names its XML path."""

    def children(self, element: Element, path: str) -> Iterator[tuple[str, Element, str]]:
        counts: dict[str, int] = {}
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            if not child.tag.startswith(AKN):
                raise SerializationError(f"unexpected element {child.tag!r}", path=path)
            name = child.tag[len(AKN) :]
            counts[name] = counts.get(name, 0) + 1
            yield name, child, f"{path}/{name}[{counts[name]}]"

    def text(self, element: Element | None) -> str:
        return "" if element is None else "".join(element.itertext())

    def texts(self, element: Element | None) -> tuple[str, tuple[str, ...]]:
        """A unit's text and its further paragraphs: the ``<p>`` children of *element*."""
        if element is None:
            return "", ()
        tag = AKN + "p"
        found = [self.text(child) for child in element if child.tag == tag]
        return (found[0], tuple(found[1:])) if found else ("", ())

    def find(self, element: Element, name: str) -> Element | None:
        """The first child called *name* (a plain loop: no ElementPath on the hot path)."""
        tag = AKN + name
        for child in element:
            if child.tag == tag:
                return child
        return None

    def within(self, element: Element, outer: str, inner: str) -> Element | None:
        """The first *inner* child of the first *outer* child."""
        found = self.find(element, outer)
        return None if found is None else self.find(found, inner)

    def require(self, element: Element, name: str, path: str) -> Element:
        found = element.find(AKN + name)
        if found is None:
            raise SerializationError(f"missing <{name}>", path=path)
        return found

    def number(self, element: Element, path: str, unit: str) -> int:
        label = self.text(self.find(element, "num")).strip()
        match = _UNIT_NUM_RE.match(label)
        if match is None or match["unit"] != unit or _canonical(match["num"]) != match["num"]:
            raise SerializationError(
                f"expected a <num> such as 第一{unit}, found {label!r}", path=f"{path}/num"
            )
        return from_chinese(match["num"])

    # ---- body

    def hier(self, element: Element, path: str, allowed: tuple[type, ...]) -> tuple[object, ...]:
        out: list[object] = []
        paragraphs = 0
        for name, child, where in self.children(element, path):
            if name in ("num", "heading"):
                continue
            node: object
            if name == "paragraph":
                paragraphs += 1
                node = self.paragraph(child, where, paragraphs)
            elif name == "hcontainer" and child.get("name") == "table":
                table = self.within(child, "content", "table")
                node = self.table(table, where) if table is not None else Table(())
            elif name == "hcontainer" and child.get("name") == "placeholder":
                continue
            elif name == "article":
                node = self.article(child, where)
            elif name == "division":
                node = self.build(
                    Division,
                    where,
                    title=self.text(self.find(child, "heading")),
                    level=self.level(child, where),
                    children=self.hier(child, where, (Article, Paragraph, Table)),
                )
            elif name in ("part", "subpart", "chapter", "section"):
                kind = {"part": Part, "subpart": Subpart, "chapter": Chapter, "section": Section}[
                    name
                ]
                node = self.build(
                    kind,
                    where,
                    number=self.number(child, where, UNIT_OF[kind]),
                    title=self.text(self.find(child, "heading")),
                    children=self.hier(child, where, ALLOWED[kind]),
                )
            else:
                raise SerializationError(f"unexpected <{name}> here", path=where)
            if not isinstance(node, allowed):
                raise SerializationError(
                    f"a <{name}> cannot stand here; expected "
                    + " or ".join(sorted(cls.__name__ for cls in allowed)),
                    path=where,
                )
            out.append(node)
        return tuple(out)

    def level(self, element: Element, path: str) -> int:
        raw = element.get(LEVEL_ATTR, "2")
        if not raw.isdigit():
            raise SerializationError(f"wdr:level must be an int 1..6, found {raw!r}", path=path)
        return int(raw)

    def build(self, cls: type, path: str, **fields: object) -> object:
        try:
            return cls(**fields)
        except (ValueError, TypeError) as err:
            raise SerializationError(str(err), path=path) from None

    def article(self, element: Element, path: str) -> Article:
        label = self.text(self.find(element, "num")).strip()
        try:
            number, suffix = parse_article_ref(label)
            if Article(number, suffix).label != label:  # only the form to_akn writes
                raise ValueError(label)
        except (ValueError, TypeError):
            raise SerializationError(
                f"expected a <num> such as 第三十五条, found {label!r}", path=f"{path}/num"
            ) from None
        paragraphs = self.hier(element, path, (Paragraph,))
        return self.build(Article, path, number=number, suffix=suffix, paragraphs=paragraphs)  # type: ignore[return-value]

    def paragraph(self, element: Element, path: str, number: int) -> Paragraph:
        brk = element.get(BREAK_ATTR) == "true"
        listing = self.find(element, "list")
        if listing is None:
            text, further = self.texts(self.find(element, "content"))
            return self.build(  # type: ignore[return-value]
                Paragraph, path, number=number, text=text, break_before=brk, continuation=further
            )
        intro, further = self.texts(self.find(listing, "intro"))
        items = []
        for name, point, where in self.children(listing, f"{path}/list[1]"):
            if name == "intro":
                continue
            if name != "point":
                raise SerializationError(f"unexpected <{name}> in a list", path=where)
            label = self.text(self.find(point, "num")).strip()
            number_, arabic = self.item_number(label, f"{where}/num")
            text, more, subs = self.point_body(point, where)
            items.append(
                self.build(
                    Item,
                    where,
                    number=number_,
                    text=text,
                    subitems=subs,
                    continuation=more,
                    arabic=arabic,
                )
            )
        return self.build(  # type: ignore[return-value]
            Paragraph,
            path,
            number=number,
            text=intro,
            items=tuple(items),
            break_before=brk,
            continuation=further,
        )

    def item_number(self, label: str, path: str) -> tuple[int, bool]:
        """The number of a 项's ``<num>`` (``（一）``, or ``1．`` for a list numbered in Arabic),
        and whether it is printed in Arabic."""
        match = _ITEM_NUM_RE.match(label)
        if match is not None and match["arabic"]:
            return int(match["arabic"]), True
        if match is None or _canonical(match["num"]) != match["num"]:
            raise SerializationError(f"expected a <num> such as （一）, found {label!r}", path=path)
        return from_chinese(match["num"]), False

    def point_body(
        self, point: Element, path: str
    ) -> tuple[str, tuple[str, ...], tuple[SubItem, ...]]:
        listing = self.find(point, "list")
        if listing is None:
            return (*self.texts(self.find(point, "content")), ())
        text, further = self.texts(self.find(listing, "intro"))
        subs = []
        for name, child, where in self.children(listing, f"{path}/list[1]"):
            if name == "intro":
                continue
            if name != "point":
                raise SerializationError(f"unexpected <{name}> in a list", path=where)
            sub_text, sub_more, nested = self.point_body(child, where)
            subs.append(
                self.build(
                    SubItem,
                    where,
                    number=self.subitem_number(child, where),
                    text=sub_text,
                    subitems=nested,
                    continuation=sub_more,
                )
            )
        return text, further, tuple(subs)  # type: ignore[arg-type]

    def subitem_number(self, element: Element, path: str) -> int:
        label = self.text(self.find(element, "num")).strip()
        match = _SUBITEM_NUM_RE.match(label)
        if match is None:
            raise SerializationError(
                f"expected a <num> such as 1． or （1）, found {label!r}", path=f"{path}/num"
            )
        return int(match["dot"] or match["paren"])

    def table(self, element: Element, path: str) -> Table:
        lines = []
        for name, row, where in self.children(element, path):
            if name != "tr":
                raise SerializationError(f"unexpected <{name}> in a table", path=where)
            cells = [self.text(cell.find(AKN + "p")) for cell in row if isinstance(cell.tag, str)]
            line = "|".join(cells)
            pipes = row.get(PIPES_ATTR, "")
            if pipes in ("both", "start"):
                line = "|" + line
            if pipes in ("both", "end"):
                line += "|"
            lines.append(line)
        return self.build(Table, path, lines=tuple(lines))  # type: ignore[return-value]

    # ---- preamble

    def blocks(self, element: Element, path: str, allowed: tuple[type, ...]) -> tuple[object, ...]:
        out: list[object] = []
        paragraphs = 0
        for name, child, where in self.children(element, path):
            node: object
            kind = child.get("class")
            if name in ("num", "heading") or (name == "p" and not kind):
                continue  # a heading read by the caller, or a filler for an empty container
            if name == "table":
                node = self.table(child, where)
            elif name == "blockContainer" and kind == "table":
                node = Table(())
            elif name == "blockContainer" and kind == "paragraph":
                paragraphs += 1
                node = self.block_paragraph(child, where, paragraphs)
            elif name == "blockContainer" and kind == "article":
                label = self.text(self.find(child, "num")).strip()
                try:
                    number, suffix = parse_article_ref(label)
                    if Article(number, suffix).label != label:
                        raise ValueError(label)
                except (ValueError, TypeError):
                    raise SerializationError(
                        f"expected a <num> such as 第三十五条, found {label!r}", path=f"{where}/num"
                    ) from None
                paras = self.blocks(child, where, (Paragraph,))
                node = self.build(Article, where, number=number, suffix=suffix, paragraphs=paras)
            elif name == "blockContainer" and kind == "division":
                node = self.build(
                    Division,
                    where,
                    title=self.text(self.find(child, "heading")),
                    level=self.level(child, where),
                    children=self.blocks(child, where, (Article, Paragraph, Table)),
                )
            else:
                raise SerializationError(f"unexpected <{name}> in the preamble", path=where)
            if not isinstance(node, allowed):
                raise SerializationError(f"a <{name} class={kind!r}> cannot stand here", path=where)
            out.append(node)
        return tuple(out)

    def block_paragraph(self, element: Element, path: str, number: int) -> Paragraph:
        text, further = self.texts(element)
        listing = self.find(element, "blockList")
        items: tuple[Item, ...] = ()
        if listing is not None:
            items = tuple(self.block_items(listing, f"{path}/blockList[1]", 0))  # type: ignore[arg-type]
        return self.build(  # type: ignore[return-value]
            Paragraph,
            path,
            number=number,
            text=text,
            items=items,
            break_before=element.get(BREAK_ATTR) == "true",
            continuation=further,
        )

    def block_items(self, listing: Element, path: str, depth: int) -> list[object]:
        out: list[object] = []
        for name, item, where in self.children(listing, path):
            if name != "item":
                raise SerializationError(f"unexpected <{name}> in a blockList", path=where)
            text, further = self.texts(item)
            nested = self.find(item, "blockList")
            subs = (
                tuple(self.block_items(nested, f"{where}/blockList[1]", depth + 1))
                if nested is not None
                else ()
            )
            if depth == 0:
                label = self.text(self.find(item, "num")).strip()
                number, arabic = self.item_number(label, f"{where}/num")
                out.append(
                    self.build(
                        Item,
                        where,
                        number=number,
                        text=text,
                        subitems=subs,
                        continuation=further,
                        arabic=arabic,
                    )
                )
            else:
                out.append(
                    self.build(
                        SubItem,
                        where,
                        number=self.subitem_number(item, where),
                        text=text,
                        subitems=subs,
                        continuation=further,
                    )
                )
        return out


ALLOWED: dict[type, tuple[type, ...]] = {
    Part: (Subpart, Chapter, Section, Article, Paragraph, Table),
    Subpart: (Chapter, Section, Article, Paragraph, Table),
    Chapter: (Section, Article, Paragraph, Table),
    Section: (Article, Paragraph, Table),
}
