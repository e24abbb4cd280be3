"""The working copy an amendment is applied to: mutable mirrors of articles, 款 and 项.

A unit keeps the number it had in the text being amended (``origin``) while the instructions
are applied, because every instruction names its target by that number; new units have no
origin.  :func:`thaw` builds the working copy from a regulation's body and :func:`freeze`
builds the new body back, numbering 款 by position and 项 afresh in the 款 that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeGuard

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.citation import Citation
from .._model.errors import CitationError
from .._model.structure import Article, Chapter, Section
from .._model.units import Item, Paragraph

__all__ = ["DELETED", "Box", "Par", "Slot", "freeze", "moved_headings", "thaw"]

#: The text a deleted article keeps when the text is not renumbered.
DELETED = "（删去）"


class Par:
    """A 款 being edited: its text and further paragraphs (quoted wording), its 项 (each with
    its old number), and where it came from; a 款 an instruction restated (将第五条第二款修改为：
    “…”) has no origin but stands where the 款 it ``replaces`` stood (what references to that
    款 follow, 衔接性修改)."""

    __slots__ = ("brk", "changed", "fresh", "items", "more", "origin", "replaces", "text")

    def __init__(
        self,
        origin: int | None,
        text: str,
        items: list[tuple[int | None, Item]],
        brk: bool = False,
        more: list[str] | None = None,
    ) -> None:
        self.origin = origin
        self.text = text
        self.items = items
        self.brk = brk
        self.more = more if more is not None else []
        self.changed = False
        self.fresh = origin is None
        self.replaces: int | None = None

    @classmethod
    def of(cls, paragraph: Paragraph, origin: int | None) -> Par:
        items: list[tuple[int | None, Item]] = [
            (i.number if origin else None, i) for i in paragraph.items
        ]
        more = list(paragraph.continuation)
        return cls(origin, paragraph.text, items, paragraph.break_before, more)

    @classmethod
    def restating(cls, paragraphs: tuple[Paragraph, ...], old: list[Par]) -> list[Par]:
        """The 款 of wording that restates the 款 *old*: the first new 款 stands for the first old
        one, the second for the second, and so on."""
        new = [cls.of(p, None) for p in paragraphs]
        for par, was in zip(new, old, strict=False):  # the rest: new 款, or 款 dropped
            par.replaces = was.origin if was.origin is not None else was.replaces
        return new

    def freeze(self, number: int) -> Paragraph:
        items = tuple(item for _, item in self.items)
        if self.changed:
            items = tuple(attrs.evolve(item, number=n) for n, item in enumerate(items, 1))
        return Paragraph(number, self.text, items, self.brk, tuple(self.more))

    def full_text(self) -> str:
        return self.freeze(1).full_text


class Slot:
    """An article being edited, in the container (:class:`Box`) that holds it."""

    __slots__ = ("box", "deleted", "key", "origin", "paragraphs")

    def __init__(self, article: Article, origin: tuple[int, int] | None, box: Box) -> None:
        self.origin = origin
        self.key = article.key
        self.paragraphs = [Par.of(p, p.number if origin else None) for p in article.paragraphs]
        self.box = box
        self.deleted = False

    def freeze(self) -> Article:
        return Article(
            self.key[0], self.key[1], tuple(p.freeze(n) for n, p in enumerate(self.paragraphs, 1))
        )

    def text(self) -> str:
        return "\n".join(p.full_text() for p in self.paragraphs)

    def label(self) -> str:
        return Article(*self.key).label


class Box:
    """A container (the body, a 编, 章, 节 …) and its children: boxes, slots and free text."""

    __slots__ = ("children", "node", "number", "origin", "title")

    def __init__(self, node: object | None) -> None:
        self.node = node
        self.children: list[object] = []
        self.number: int | None = getattr(node, "number", None)
        self.origin = self.number
        self.title: str | None = getattr(node, "title", None)

    def slots(self) -> Iterator[Slot]:
        """Every live article under the box, in document order."""
        for child in self.children:
            if isinstance(child, Slot):
                if not child.deleted:
                    yield child
            elif isinstance(child, Box):
                yield from child.slots()

    def boxes(self) -> Iterator[Box]:
        """The box and every box under it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Box):
                yield from child.boxes()

    def kind(self) -> type:
        return type(self.node)


def _is_box(node: object) -> TypeGuard[Any]:
    """A container (编, 分编, 章, 节, an unnumbered division) that the working copy mirrors as a
    :class:`Box`: what holds ``children`` and is no article and no 款."""
    return not isinstance(node, (Article, Paragraph)) and hasattr(node, "children")


def thaw(nodes: tuple[object, ...], box: Box) -> Box:
    """Mirror *nodes* under *box*: containers become boxes, articles slots."""
    for node in nodes:
        if isinstance(node, Article):
            box.children.append(Slot(node, node.key, box))
        elif _is_box(node):
            box.children.append(thaw(node.children, Box(node)))
        else:
            box.children.append(node)
    return box


def freeze(box: Box) -> tuple[Any, ...]:
    """The nodes of *box* as model values (typed loosely: a body, or a container's children)."""
    out: list[object] = []
    for child in box.children:
        if isinstance(child, Slot):
            if not child.deleted:
                out.append(child.freeze())
        elif isinstance(child, Box):
            changes: dict[str, object] = {"children": freeze(child)}
            if isinstance(child.node, (Chapter, Section)) or hasattr(child.node, "number"):
                changes["number"] = child.number
            if child.title is not None:
                changes["title"] = child.title
            out.append(attrs.evolve(child.node, **changes))  # type: ignore[misc]
        else:
            out.append(child)
    return tuple(out)


def _containers(nodes: tuple[Any, ...]) -> list[Any]:
    """The containers (编, 分编, 章, 节) among *nodes* and under them, in document order, as
    :func:`thaw` and :func:`freeze` walk them."""
    out: list[Any] = []
    for node in nodes:
        if _is_box(node):
            out.append(node)
            out.extend(_containers(node.children))
    return out


def moved_headings(root: Box, body: tuple[Any, ...]) -> dict[Citation, Citation]:
    """The citation of every heading the working copy kept (its old node's) mapped to the one
    it has in *body*, the regulation made from the copy (:func:`freeze`, then stamped)."""
    out: dict[Citation, Citation] = {}
    boxes = list(root.boxes())[1:]
    for box, node in zip(boxes, _containers(body), strict=True):
        if box.origin is None or box.node is None:
            continue
        try:
            out[box.node.citation] = node.citation  # type: ignore[attr-defined]
        except CitationError:  # a 节 outside any chapter has no citation form
            continue
    return out
