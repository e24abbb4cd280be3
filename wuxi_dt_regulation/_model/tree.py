"""Walking the tree of a regulation's body, and the positions it gives its citable units.

:func:`walk_nodes` visits every node in document order; :func:`is_structure` tells the numbered
units from free text; :func:`toc_label` reads a table-of-contents entry; :func:`stamp_body`
tells every 分编, chapter, section, 款, 项 and 目 where it stands, so that ``.citation`` can answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from .labels import unit_label
from .numerals import from_chinese
from .structure import Article, Chapter, Division, Part, Section, Subpart
from .units import Paragraph, SubItem, stamped

__all__ = ["is_structure", "stamp_body", "toc_label", "walk_nodes"]


def _stamp_subitems(subs: tuple[SubItem, ...], base: tuple[int, ...]) -> tuple[SubItem, ...]:
    out = tuple(stamped(sub, (*base, sub.number)) for sub in subs)
    return subs if all(a is b for a, b in zip(out, subs, strict=True)) else out


def _stamp_items(par: Paragraph, base: tuple[int, ...]) -> Paragraph:
    items = []
    changed = False
    for item in par.items:
        where = (*base, item.number)
        new = item
        if item.subitems:
            subs = _stamp_subitems(item.subitems, where)
            if subs is not item.subitems:
                new = attrs.evolve(item, subitems=subs)
        new = stamped(new, where)
        changed |= new is not item
        items.append(new)
    return attrs.evolve(par, items=tuple(items)) if changed else par


def _stamp_article(article: Article) -> Article:
    number, suffix = article.number, article.suffix
    paragraphs = article.paragraphs
    out: list[Paragraph] | None = None  # built only once a paragraph had to be copied
    for index, par in enumerate(paragraphs):
        base = (number, suffix, par.number)
        new = stamped(_stamp_items(par, base) if par.items else par, base)
        if new is not par and out is None:
            out = list(paragraphs[:index])
        if out is not None:
            out.append(new)
    return article if out is None else attrs.evolve(article, paragraphs=tuple(out))


def _stamp_nodes(
    nodes: tuple[Any, ...], part: int | None, chapter: int | None, restart: bool
) -> tuple[Any, ...]:
    """Stamp every citable unit under *nodes*; rebuild a container only when a child changed."""
    out: list[object] | None = None  # built only once a child had to be copied
    for index, node in enumerate(nodes):
        new: object = node
        if isinstance(node, Article):
            new = _stamp_article(node)
        elif isinstance(node, Part):
            children = _stamp_nodes(node.children, node.number, None, restart)
            if children is not node.children:
                new = attrs.evolve(node, children=children)
        elif isinstance(node, Subpart):
            children = _stamp_nodes(node.children, part, chapter, restart)
            sub = node if children is node.children else attrs.evolve(node, children=children)
            new = stamped(sub, (part, node.number))
        elif isinstance(node, Division):
            children = _stamp_nodes(node.children, part, chapter, restart)
            if children is not node.children:
                new = attrs.evolve(node, children=children)
        elif isinstance(node, Chapter):
            where = (part if restart else None, node.number)
            children = _stamp_nodes(node.children, part, node.number, restart)
            chap = node if children is node.children else attrs.evolve(node, children=children)
            new = stamped(chap, where)
        elif isinstance(node, Section):
            where3 = (part if restart else None, chapter, node.number)
            children = _stamp_nodes(node.children, part, chapter, restart)
            sec = node if children is node.children else attrs.evolve(node, children=children)
            new = stamped(sec, where3)
        if new is not node and out is None:
            out = list(nodes[:index])
        if out is not None:
            out.append(new)
    return nodes if out is None else tuple(out)


# The numerals a heading may be printed with (the lexer's), then the unit.
_TOC_LABEL_PATTERN = r"第([零〇一二三四五六七八九十百千两0-9０-９]+)(分编|编|章|节)"


def toc_label(entry: str) -> str | None:
    """The label a table-of-contents entry starts with, as the heading it lists is labelled
    (``第一章`` for ``第一章 总则`` and for ``第1章 总则``), or None when it starts with none."""
    match = re.match(_TOC_LABEL_PATTERN, entry)
    if match is None:
        return None
    try:
        number = from_chinese(match[1])
    except ValueError:
        return None
    return unit_label(number, match[2])


def is_structure(node: object) -> bool:
    """Numbered units and articles; an unnumbered heading only when it holds articles (附则)."""
    if isinstance(node, (Part, Subpart, Chapter, Section, Article)):
        return True
    return isinstance(node, Division) and bool(node.articles)


def walk_nodes(nodes: tuple[object, ...]) -> Iterator[object]:
    for node in nodes:
        yield node
        children = getattr(node, "children", None)
        if children is not None:
            yield from walk_nodes(children)


def stamp_body(body: tuple[Any, ...]) -> tuple[Any, ...]:
    """Tell every chapter, section, 款, 项 and 目 of *body* where it stands.

    A unit value does not know its parents, so each one's position is written into a hidden
    slot (not part of equality, hashing or repr) that ``.citation`` reads.  A unit already
    stamped with another position (shared with another regulation) is replaced by an equal
    copy, so the body stays equal and every unit answers for this regulation.  Returns *body*
    itself when nothing had to be copied.
    """
    restart = False
    if any(isinstance(n, Part) for n in body):  # chapters restart only where there are 编
        numbers = [n.number for n in walk_nodes(body) if isinstance(n, Chapter)]
        restart = len(numbers) != len(set(numbers))
    return _stamp_nodes(body, None, None, restart)
