"""The mutable builders the parser fills while it reads, and their freezing into model values.

The parser keeps open units as plain slotted objects (an open 编/章/节 or division, an open
article, the 款 being read, the 项 or 目 a list has reached) and freezes each into its
immutable model value once the whole text is read (:class:`Freezer`).

The parser has read every line under the rules the model's checks enforce, so the values are
built without the model's checks, as :mod:`.._model.prebuilt` builds them (every field in its
slot, hidden ones included): no check runs again, and each citable unit gets its position (the
citation stamp) as it is built, in the one walk that freezes the tree, rather than in a second
pass over the finished body.  tests/test_trusted.py rebuilds every parsed value through the
public constructors and compares, over the corpus and generated regulations.

How the slots are written: through the writable twins of :mod:`.._model.twins` (a value is
created as an instance of a subclass of its frozen class that takes plain attribute stores, its
fields are stored, and its class is then set to the model's own), shared with the JSON and
Akoma Ntoso readers.  A store through a member descriptor's ``__set__`` (prebuilt's way) is a
call that builds an argument tuple, about 700 instructions; a plain store to a slot is a few
dozen.  What comes out is an instance of the model's class, frozen, equal to what the public
constructor builds.
"""

from __future__ import annotations

from typing import Any, Union

import attrs

from .._model.reading import paragraph_flow
from .._model.structure import Article, Chapter, Section, Subpart
from .._model.twins import (
    ARTICLE,
    CHAPTER,
    PARAGRAPH,
    SECTION,
    SUBPART,
    build_appendix,
    build_division,
    build_headed,
    build_item,
    build_paragraph,
    build_part,
    build_subitem,
)
from .._model.units import Item, Paragraph, SubItem, Table

__all__ = [
    "Child",
    "Container",
    "Entry",
    "Freezer",
    "OpenArticle",
    "OpenParagraph",
    "renumber",
    "restarts",
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
        """The 目 through the public constructor, checked (the parser uses :class:`Freezer`)."""
        subs = tuple([s.freeze_sub() for s in self.subs]) if self.subs else ()
        return SubItem(self.number, self.text, subs, self.more)

    def freeze_item(self) -> Item:
        """The 项 through the public constructor, checked."""
        subs = tuple([s.freeze_sub() for s in self.subs]) if self.subs else ()
        return Item(self.number, self.text, subs, self.more, self.arabic)


class OpenParagraph:
    """The 款 being read: its introduction, its further paragraphs (quoted wording) and its 项."""

    __slots__ = ("brk", "items", "more", "plain", "text")

    def __init__(self, text: str, brk: bool) -> None:
        self.text = text
        self.brk = brk
        self.more: tuple[str, ...] = ()  # rarely any: no list built for each 款
        self.items: list[Entry] = []
        #: the text was found, as the 款 opened, to hold no quotation mark and end in no colon
        #: (False: not looked at, the freezing looks)
        self.plain = False

    def freeze(self, number: int) -> Paragraph:
        """The 款 through the public constructor, checked: for a reader whose lines the model
        must still check (an amendment's quoted wording); the parser uses :class:`Freezer`."""
        items = tuple([i.freeze_item() for i in self.items]) if self.items else ()
        return Paragraph(number, self.text, items, self.brk, self.more)


class OpenArticle:
    """An open 条 and the 款 read so far: created without a call to ``__init__``, its three
    slots stored by the heading reader (one per article of a parse)."""

    __slots__ = ("children", "number", "suffix")

    number: int
    suffix: int
    children: list[OpenParagraph]


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


_new = object.__new__
#: the cited headings: (the class, its writable twin) by unit
_CITED_HEADINGS = {"章": (Chapter, CHAPTER), "节": (Section, SECTION), "分编": (Subpart, SUBPART)}


class Freezer:
    """Freezes the builders of one source into model values, stamping each citable unit of the
    body with its position as :func:`.._model.tree.stamp_body` would (one use per source).

    *restart*: chapters are numbered again in each 编, so a chapter's position names its 编.
    """

    __slots__ = ("articles", "restart")

    def __init__(self, restart: bool) -> None:
        self.restart = restart
        #: every article frozen, in document order (the body's: appendices hold none)
        self.articles: list[Article] = []

    def children(
        self, children: list[Child], part: int | None = None, chapter: int | None = None
    ) -> tuple[Any, ...]:
        """Freeze *children*, numbering their paragraphs by position; *part* and *chapter* are
        the numbers of the 编 and 章 they stand in (None outside any)."""
        out: list[object] = []
        paragraphs = 0
        for child in children:
            kind = type(child)
            if kind is OpenArticle:
                out.append(self.freeze_article(child))  # type: ignore[arg-type]
            elif kind is OpenParagraph:
                paragraphs += 1
                out.append(self.freeze_paragraph(child, paragraphs, None))  # type: ignore[arg-type]
            elif kind is Container:
                out.append(self.freeze_container(child, part, chapter))  # type: ignore[arg-type]
            else:
                out.append(child)  # a Table, built when it closed
        return tuple(out)

    def freeze_container(self, box: Container, part: int | None, chapter: int | None) -> object:
        kind = box.kind
        if kind == "编":
            return build_part(box.number, box.title, self.children(box.children, box.number))
        if kind == "division":
            return build_division(box.title, box.level, self.children(box.children, part, chapter))
        if kind == "appendix":  # (after the body, in no 编 or 章)
            return build_appendix(box.title, self.children(box.children))
        stamp: tuple[int | None, ...]
        if kind == "章":
            stamp = (part if self.restart else None, box.number)
            chapter = box.number
        elif kind == "节":
            stamp = (part if self.restart else None, chapter, box.number)
        else:  # 分编
            stamp = (part, box.number)
        cls, writable = _CITED_HEADINGS[kind]
        children = self.children(box.children, part, chapter)
        return build_headed(cls, writable, box.number, box.title, children, stamp)

    def freeze_article(self, article: OpenArticle) -> Article:
        number, suffix = article.number, article.suffix
        freeze = self.freeze_paragraph
        paragraphs: list[Paragraph] = []
        append = paragraphs.append
        for index, par in enumerate(article.children, 1):
            text = par.text
            if (
                par.items
                or par.more
                or (not par.plain and ("“" in text or "”" in text or text[-1:] in "：:"))
            ):
                append(freeze(par, index, (number, suffix, index)))
            else:  # the usual 款: one line of text, nothing the reading rules look at
                # (build_paragraph, written in line: one call less for most values of a parse)
                value = _new(PARAGRAPH)
                value.number = index
                value.text = text
                value.items = ()
                value.break_before = par.brk
                value.continuation = ()
                value._cite = (number, suffix, index)
                value._flow = False
                value.__class__ = Paragraph
                append(value)
        frozen = _new(ARTICLE)  # (build_article, written in line: one call less per article)
        frozen.number = number
        frozen.suffix = suffix
        frozen.paragraphs = tuple(paragraphs)
        frozen.__class__ = Article
        self.articles.append(frozen)
        return frozen  # type: ignore[no-any-return]

    def freeze_paragraph(
        self, par: OpenParagraph, number: int, stamp: tuple[int, ...] | None
    ) -> Paragraph:
        items: tuple[Item, ...] = ()
        if par.items:
            items = tuple([self.freeze_item(item, stamp) for item in par.items])
        text, more = par.text, par.more
        flow = paragraph_flow(text, more, items)
        return build_paragraph(number, text, items, par.brk, more, stamp, flow)

    def freeze_item(self, entry: Entry, base: tuple[int, ...] | None) -> Item:
        stamp = None if base is None else (*base, entry.number)
        subs: tuple[SubItem, ...] = ()
        if entry.subs:
            subs = tuple([self.freeze_sub(sub, stamp) for sub in entry.subs])
        return build_item(entry.number, entry.text, subs, entry.more, entry.arabic, stamp)

    def freeze_sub(self, entry: Entry, base: tuple[int, ...] | None) -> SubItem:
        stamp = None if base is None else (*base, entry.number)
        deep: tuple[SubItem, ...] = ()
        if entry.subs:  # the fourth level （1）: no citation form, no stamp
            deep = tuple([build_subitem(d.number, d.text, (), d.more, None) for d in entry.subs])
        return build_subitem(entry.number, entry.text, deep, entry.more, stamp)


def restarts(body: list[Child]) -> bool:
    """Are the chapters of *body* numbered again in each 编 (only where there are 编)?"""
    if not any(type(c) is Container and c.kind == "编" for c in body):
        return False
    numbers: list[int] = []
    stack = list(body)
    while stack:
        node = stack.pop()
        if type(node) is Container:
            if node.kind == "章":
                numbers.append(node.number)
            stack.extend(node.children)
    return len(numbers) != len(set(numbers))


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
