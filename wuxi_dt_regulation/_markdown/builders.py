"""The mutable builders the parser fills while it reads, and their freezing into model values.

The parser keeps open units as plain slotted objects (an open 编/章/节 or division, an open
article, the 款 being read, the 项 or 目 a list has reached) and freezes each into its
immutable model value once the whole text is read.
"""

from __future__ import annotations

from typing import Union

import attrs

from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Item, Paragraph, SubItem, Table

__all__ = [
    "Child",
    "Container",
    "Entry",
    "OpenArticle",
    "OpenParagraph",
    "freeze_all",
    "renumber",
]


class Entry:
    """An open 项 or 目 of a list, with its further paragraphs and the 目 (or fourth level)
    under it.  ``arabic``: a 项 printed ``1．``."""

    __slots__ = ("arabic", "more", "number", "subs", "text")

    def __init__(self, number: int, text: str, arabic: bool = False) -> None:
        self.number = number
        self.text = text
        self.arabic = arabic
        self.more: tuple[str, ...] = ()  # rarely any: no list built for each entry
        self.subs: list[Entry] = []

    def freeze_sub(self) -> SubItem:
        subs = tuple([s.freeze_sub() for s in self.subs]) if self.subs else ()
        return SubItem(self.number, self.text, subs, self.more)

    def freeze_item(self) -> Item:
        subs = tuple([s.freeze_sub() for s in self.subs]) if self.subs else ()
        return Item(self.number, self.text, subs, self.more, self.arabic)


class OpenParagraph:
    """The 款 being read: its introduction, its further paragraphs (quoted wording) and its 项."""

    __slots__ = ("brk", "items", "more", "text")

    def __init__(self, text: str, brk: bool) -> None:
        self.text = text
        self.brk = brk
        self.more: tuple[str, ...] = ()  # rarely any: no list built for each 款
        self.items: list[Entry] = []

    def freeze(self, number: int) -> Paragraph:
        items = tuple([i.freeze_item() for i in self.items]) if self.items else ()
        return Paragraph(number, self.text, items, self.brk, self.more)


class OpenArticle:
    """An open 条 and the 款 read so far."""

    __slots__ = ("children", "number", "suffix")

    def __init__(self, number: int, suffix: int) -> None:
        self.number = number
        self.suffix = suffix
        self.children: list[OpenParagraph] = []

    def freeze(self) -> Article:
        return Article(
            self.number,
            self.suffix,
            tuple([p.freeze(i) for i, p in enumerate(self.children, 1)]),
        )


Child = Union["Container", OpenArticle, OpenParagraph, Table]


class Container:
    """An open 编/分编/章/节, unnumbered division or appendix."""

    __slots__ = ("children", "kind", "level", "number", "rank", "title")

    def __init__(self, kind: str, number: int, title: str, rank: int, level: int = 0) -> None:
        self.kind = kind
        self.number = number
        self.title = title
        self.rank = rank
        self.level = level
        self.children: list[Child] = []

    def freeze(self) -> Part | Subpart | Chapter | Section | Division | Appendix:
        children = freeze_all(self.children)
        kind = self.kind
        if kind == "编":
            return Part(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "分编":
            return Subpart(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "章":
            return Chapter(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "节":
            return Section(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "division":
            return Division(self.title, self.level, children)  # type: ignore[arg-type]
        return Appendix(self.title, children)  # type: ignore[arg-type]


def freeze_all(children: list[Child]) -> tuple[object, ...]:
    """Freeze *children*, numbering their paragraphs by position."""
    out: list[object] = []
    paragraphs = 0
    for child in children:
        if isinstance(child, OpenParagraph):
            paragraphs += 1
            out.append(child.freeze(paragraphs))
        elif isinstance(child, Table):
            out.append(child)
        else:
            out.append(child.freeze())
    return tuple(out)


def renumber(nodes: list[object]) -> tuple[object, ...]:
    """Number the paragraphs of free text by position again (the preamble, split from the body)."""
    out: list[object] = []
    count = 0
    for node in nodes:
        if isinstance(node, Paragraph):
            count += 1
            if node.number != count:
                node = attrs.evolve(node, number=count)
        out.append(node)
    return tuple(out)
