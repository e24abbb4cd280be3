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

from .numerals import from_chinese
from .structure import Article, Chapter, Division, Part, Section, Subpart
from .units import SubItem, stamped

__all__ = ["is_structure", "stamp_body", "toc_label", "walk_nodes"]


def _stamp_subitems(subs: tuple[SubItem, ...], base: tuple[int, ...]) -> tuple[SubItem, ...]:
    out = tuple(stamped(sub, (*base, sub.number)) for sub in subs)
    return subs if all(a is b for a, b in zip(out, subs, strict=True)) else out


def _stamp_fresh(article: Article) -> bool:
    """Stamp the units of an article none of whose units knows a place yet (every article a
    reader has just built), in place; False, with nothing written, for any other article."""
    for par in article.paragraphs:
        if par._cite is not None:
            return False
        for item in par.items:
            if item._cite is not None or any(s._cite is not None for s in item.subitems):
                return False
    put = object.__setattr__
    number, suffix = article.number, article.suffix
    for par in article.paragraphs:
        base = (number, suffix, par.number)
        put(par, "_cite", base)
        for item in par.items:
            where = (*base, item.number)
            put(item, "_cite", where)
            for sub in item.subitems:
                put(sub, "_cite", (*where, sub.number))
    return True


def _stamp_article(article: Article) -> Article:
    if _stamp_fresh(article):
        return article
    key = (article.number, article.suffix)
    paragraphs = []
    changed = False
    for par in article.paragraphs:
        base = (*key, par.number)
        items = []
        items_changed = False
        for item in par.items:
            where = (*base, item.number)
            subs = _stamp_subitems(item.subitems, where)
            new = item if subs is item.subitems else attrs.evolve(item, subitems=subs)
            new = stamped(new, where)
            items_changed |= new is not item
            items.append(new)
        new_par = attrs.evolve(par, items=tuple(items)) if items_changed else par
        new_par = stamped(new_par, base)
        changed |= new_par is not par
        paragraphs.append(new_par)
    return attrs.evolve(article, paragraphs=tuple(paragraphs)) if changed else article


def _stamp_nodes(
    nodes: tuple[Any, ...], part: int | None, chapter: int | None, restart: bool
) -> tuple[Any, ...]:
    """Stamp every citable unit under *nodes*; rebuild a container only when a child changed."""
    out: list[object] = []
    changed = False
    for node in nodes:
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
        changed |= new is not node
        out.append(new)
    return tuple(out) if changed else nodes


_TOC_LABEL_PATTERN = r"第[零一二三四五六七八九十百千]+(?:分编|编|章|节)"


def toc_label(entry: str) -> str | None:
    """The label a table-of-contents entry starts with (``第一章``), or None."""
    match = re.match(_TOC_LABEL_PATTERN, entry)
    if match is None:
        return None
    try:
        from_chinese(match[0][1:-2] if match[0].endswith("分编") else match[0][1:-1])
    except ValueError:
        return None
    return match[0]


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
    numbers = [n.number for n in walk_nodes(body) if isinstance(n, Chapter)]
    restart = len(numbers) != len(set(numbers)) and any(isinstance(n, Part) for n in body)
    return _stamp_nodes(body, None, None, restart)
