"""Edits inside the text of a unit: words replaced, deleted or inserted, and the preamble.

Each word edit recognises a result already in place, so that applying an amendment to a text
that already contains it changes nothing:

=================  ===============================================  =========================
operation          applied when                                     already in place when
=================  ===============================================  =========================
replace words      an ``old`` is in the target                      no ``old`` is left once
                                                                    each ``new`` is taken out,
                                                                    and ``new`` is there
insert words       ``anchor`` is in the target                      ``anchor`` + ``words``
                                                                    (or words + anchor) is
end / start        always                                           the text ends (starts)
                                                                    with ``words``
delete words       a word is in the target                          never recognised: a word
                                                                    that is not there is an
                                                                    error
=================  ===============================================  =========================
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.structure import Division
from .._model.units import Item, Paragraph, SubItem
from .work import Par

__all__ = ["Cell", "item_cells", "par_cells", "preamble_paragraphs", "replace_preamble"]


@attrs.define
class Cell:
    """One line of text of the working copy, with the way to write it back."""

    get: Callable[[], str]
    put: Callable[[str], None]


def _further_cells(
    get: Callable[[], tuple[str, ...]], store: Callable[[tuple[str, ...]], None]
) -> list[Cell]:
    """A cell for each further paragraph of a unit (its ``continuation``, read by *get*)."""
    cells: list[Cell] = []
    for line in range(len(get())):

        def put(text: str, line: int = line) -> None:
            lines = list(get())
            lines[line] = text
            store(tuple(lines))

        cells.append(Cell(lambda line=line: get()[line], put))  # type: ignore[misc]
    return cells


def _sub_cells(subs: list[SubItem], store: Callable[[tuple[SubItem, ...]], None]) -> list[Cell]:
    cells: list[Cell] = []
    for index in range(len(subs)):

        def put(text: str, index: int = index) -> None:
            subs[index] = attrs.evolve(subs[index], text=text)
            store(tuple(subs))

        def more(index: int = index) -> tuple[str, ...]:
            return subs[index].continuation

        def store_more(lines: tuple[str, ...], index: int = index) -> None:
            subs[index] = attrs.evolve(subs[index], continuation=lines)
            store(tuple(subs))

        cells.append(Cell(lambda index=index: subs[index].text, put))  # type: ignore[misc]
        cells.extend(_further_cells(more, store_more))
        inner = list(subs[index].subitems)

        def store_inner(value: tuple[SubItem, ...], index: int = index) -> None:
            subs[index] = attrs.evolve(subs[index], subitems=value)
            store(tuple(subs))

        cells.extend(_sub_cells(inner, store_inner))
    return cells


def item_cells(par: Par, index: int) -> list[Cell]:
    """The lines of 项 *index* (0-based) of *par*: its text, its further paragraphs and its 目
    (theirs too)."""

    def get() -> str:
        return par.items[index][1].text

    def put(text: str) -> None:
        origin, item = par.items[index]
        par.items[index] = (origin, attrs.evolve(item, text=text))

    def more() -> tuple[str, ...]:
        return par.items[index][1].continuation

    def store_more(lines: tuple[str, ...]) -> None:
        origin, item = par.items[index]
        par.items[index] = (origin, attrs.evolve(item, continuation=lines))

    def store(subs: tuple[SubItem, ...]) -> None:
        origin, item = par.items[index]
        par.items[index] = (origin, attrs.evolve(item, subitems=subs))

    return [
        Cell(get, put),
        *_further_cells(more, store_more),
        *_sub_cells(list(par.items[index][1].subitems), store),
    ]


def par_cells(par: Par) -> list[Cell]:
    """Every line of *par*: its introduction (if any) and further paragraphs, its 项 and their
    目."""
    cells: list[Cell] = []
    if par.text:

        def put(text: str) -> None:
            par.text = text

        cells.append(Cell(lambda: par.text, put))

    def store_more(lines: tuple[str, ...]) -> None:
        par.more = list(lines)

    cells.extend(_further_cells(lambda: tuple(par.more), store_more))
    for index in range(len(par.items)):
        cells.extend(item_cells(par, index))
    return cells


def replace_words(cells: list[Cell], old: tuple[str, ...], new: str) -> str:
    """Replace every ``old`` by ``new``; returns ``"done"``, ``"in place"`` or ``"missing"``."""
    texts = [cell.get() for cell in cells]
    if any(word and word in text for text in texts for word in old):
        stripped = [text.replace(new, "\0") if new else text for text in texts]
        if new and not any(word in text for text in stripped for word in old):
            return "in place"
        for cell, text in zip(cells, stripped, strict=True):
            for word in old:
                text = text.replace(word, "\1")
            cell.put(text.replace("\1", new).replace("\0", new))
        return "done"
    return "in place" if new and any(new in text for text in texts) else "missing"


def delete_words(cells: list[Cell], words: tuple[str, ...]) -> str:
    """Delete every one of *words*; ``"done"`` or ``"missing"``."""
    if not any(word in cell.get() for cell in cells for word in words):
        return "missing"
    for cell in cells:
        text = cell.get()
        for word in words:
            text = text.replace(word, "")
        cell.put(text.strip() or text)
    return "done"


#: the marks that close a sentence or a unit: words added at the end go before the text's own
#: when they have none of their own
_CLOSING = "。；：！？"


def insert_words(cells: list[Cell], anchor: str, words: str, position: str) -> str:
    """Insert *words* by *anchor* (or at the end or start); ``done``, ``in place`` or ``missing``.

    At the end, words that close no sentence (``，但是…除外``) go before the text's closing mark
    (``。；：！？``); words that do (a sentence added: ``…末尾增加：“甲。”``) after it."""
    if position in ("start", "end") and not cells:
        return "missing"
    if position == "start":
        text = cells[0].get()
        if text.startswith(words):
            return "in place"
        cells[0].put(words + text)
        return "done"
    if position == "end":
        text = cells[-1].get()
        # words that close no sentence (末尾增加“，但是…除外”) go before the text's closing mark
        mark = text[-1:] if text[-1:] in _CLOSING and words[-1:] not in _CLOSING else ""
        body = text[: len(text) - len(mark)]
        if body.endswith(words):
            return "in place"
        cells[-1].put(body + words + mark)
        return "done"
    joined = anchor + words if position == "after" else words + anchor
    texts = [cell.get() for cell in cells]
    if not any(anchor in text for text in texts):
        return "missing"  # (the words joined to it hold the anchor: they are not there either)
    if all(text.count(anchor) == text.count(joined) for text in texts if anchor in text):
        return "in place"
    for cell, text in zip(cells, texts, strict=True):
        cell.put(
            text.replace(joined, "\0")
            .replace(anchor, "\1")
            .replace("\1", joined)
            .replace("\0", joined)
        )
    return "done"


def preamble_paragraphs(preamble: tuple[object, ...]) -> list[Paragraph]:
    """The preamble's 自然段 in order (those of a 序言 heading included)."""
    out: list[Paragraph] = []
    for node in preamble:
        if isinstance(node, Paragraph):
            out.append(node)
        else:
            out.extend(c for c in getattr(node, "children", ()) if isinstance(c, Paragraph))
    return out


def replace_preamble(
    preamble: tuple[object, ...], change: Callable[[int, Paragraph], list[Paragraph]]
) -> tuple[Any, ...]:
    """Rebuild *preamble* with each 自然段 (numbered from 1) replaced by ``change(n, p)``."""
    counter = [0]

    def run(nodes: tuple[Any, ...]) -> tuple[Any, ...]:
        out: list[object] = []
        for node in nodes:
            if isinstance(node, Paragraph):
                counter[0] += 1
                out.extend(change(counter[0], node))
            elif isinstance(node, Division):  # 序言 and its 自然段
                out.append(attrs.evolve(node, children=run(node.children)))
            else:
                out.append(node)
        numbered = 0
        for index, node in enumerate(out):
            if isinstance(node, Paragraph):
                numbered += 1
                if node.number != numbered:
                    out[index] = attrs.evolve(node, number=numbered)
        return tuple(out)

    return run(preamble)


def sentences(text: str) -> list[str]:
    """Split *text* after each 。！？ (the mark kept with its sentence)."""
    out: list[str] = []
    start = 0
    for index, ch in enumerate(text):
        if ch in "。！？":
            out.append(text[start : index + 1])
            start = index + 1
    if start < len(text):
        out.append(text[start:])
    return out


def item_from(lines: tuple[str, ...], number: int) -> Item:
    """A 项 from quoted lines, with or without its marker (``（三）…`` or the bare text)."""
    from .wording import ITEM_RE, read_items

    first = lines[0] if ITEM_RE.fullmatch(lines[0]) else f"（一）{lines[0]}"
    items = read_items((first, *lines[1:]))
    if len(items) != 1:
        raise ValueError(f"expected one 项, found {len(items)}")
    return attrs.evolve(items[0], number=number)


def subitem_from(lines: tuple[str, ...]) -> SubItem:
    """A 目 from quoted lines, with or without its marker (``1．…`` or the bare text)."""
    from .wording import read_items

    (item,) = read_items(("（一）", *lines))
    if not item.subitems:  # the bare text: no marker opened a 目
        (item,) = read_items(("（一）", f"1．{lines[0]}", *lines[1:]))
    if len(item.subitems) != 1:
        raise ValueError(f"expected one 目, found {len(item.subitems)}")
    return item.subitems[0]
