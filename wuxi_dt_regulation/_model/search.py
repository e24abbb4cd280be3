"""Plain substring search over a regulation's text, with the citation of each hit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .citation import Citation
from .structure import Division
from .tree import walk_nodes
from .units import Paragraph, Table

if TYPE_CHECKING:
    from .regulation import Regulation

__all__ = ["SearchHit", "search"]

ELLIPSIS = "…"


@attrs.frozen
class SearchHit:
    """One occurrence of the query.

    Attributes:
        citation: the smallest citable unit holding the match (a 款, 项 or 目), or None for text
            that stands nowhere citable (the preamble, free text outside articles).
        text: that unit's own text (the 款's introduction, the 项's text without its marker).
        start, end: the match in :attr:`text`.
        snippet: the match with up to ``context`` characters each side, ``…`` where cut.
    """

    citation: Citation | None
    text: str
    start: int
    end: int
    snippet: str

    def __str__(self) -> str:
        where = str(self.citation) if self.citation is not None else "（正文外）"
        return f"{where}: {self.snippet}"


def _units(regulation: Regulation) -> Iterator[tuple[Citation | None, str]]:
    for node in walk_nodes(regulation.preamble):
        if isinstance(node, Paragraph):
            yield from _paragraph_units(node, None)
    for node in walk_nodes(regulation.body):
        if isinstance(node, Paragraph):  # free text outside any article
            yield from _paragraph_units(node, None)
        elif isinstance(node, (Division, Table)):
            continue
        elif hasattr(node, "paragraphs"):
            for paragraph in node.paragraphs:
                yield from _paragraph_units(paragraph, paragraph.citation)


def _paragraph_units(
    paragraph: Paragraph, cited: Citation | None
) -> Iterator[tuple[Citation | None, str]]:
    # a unit's further paragraphs (a 项 over several paragraphs, quoted wording) are its text too
    if paragraph.text:
        yield cited, paragraph.text
    for line in paragraph.continuation:
        yield cited, line
    for item in paragraph.items:
        where = item.citation if cited is not None else None
        for line in (item.text, *item.continuation):
            yield where, line
        for sub in item.subitems:
            where = sub.citation if cited is not None else None
            for line in (sub.text, *sub.continuation):
                yield where, line
            for deeper in sub.subitems:
                for line in (deeper.text, *deeper.continuation):
                    yield where, line


def search(regulation: Regulation, query: str, *, context: int) -> tuple[SearchHit, ...]:
    """Every occurrence of *query* (plain, case-sensitive, non-overlapping) in the preamble and
    in each 款, 项 and 目 of the body, in document order.

    >>> from wuxi_dt_regulation import load
    >>> hit = load().search("公共数据授权运营")[0]
    >>> str(hit.citation), hit.snippet
    ('第四十二条第一款', '…家和省有关规定，探索建立公共数据授权运营机制，提高公共数据社会化…')

    Raises:
        ValueError: *query* is empty.
    """
    if not query:
        raise ValueError("search for what? the query is empty")
    if context < 0:
        raise ValueError(f"context must be >= 0, got {context}")
    hits: list[SearchHit] = []
    for cited, text in _units(regulation):
        at = text.find(query)
        while at >= 0:
            end = at + len(query)
            left, right = max(at - context, 0), min(end + context, len(text))
            snippet = (
                (ELLIPSIS if left else "")
                + text[left:right]
                + (ELLIPSIS if right < len(text) else "")
            )
            hits.append(SearchHit(cited, text, at, end, snippet))
            at = text.find(query, end)
    return tuple(hits)
