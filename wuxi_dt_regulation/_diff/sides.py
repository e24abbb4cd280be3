"""A regulation as the diff sees it: headings and articles flattened in document order
(:class:`Side`), headings aligned by the articles they share (:func:`align_headings`), and the
text outside articles and headings (:func:`header_fields`).

Only the model is imported here, and :mod:`.spacing`.
"""

from __future__ import annotations

import itertools

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph, Table
from .sequences import chain
from .spacing import squash

__all__ = ["Side", "align_headings", "block_lines", "document_lines", "header_fields"]


_HEADING_KIND = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节", Division: ""}


class Side:
    """A regulation flattened: headings and articles in document order, with their places."""

    def __init__(self, regulation: Regulation) -> None:
        self.articles = regulation.articles
        self.headings: list[tuple[str, int, str]] = []
        self.heading_path: list[tuple[int, ...]] = []
        self.heading_articles: list[list[int]] = []
        self.heading_pos: list[int] = []
        #: each heading's title without white space, as headings are compared
        self.titles: list[str] = []
        #: each heading's node, as it stands in the regulation
        self.heading_nodes: list[Part | Subpart | Chapter | Section | Division] = []
        self.article_path: list[tuple[int, ...]] = []
        self.article_pos: list[int] = []
        self.size = 0
        self._walk(regulation.body, ())

    def _walk(self, nodes: tuple[object, ...], path: tuple[int, ...]) -> None:
        for node in nodes:
            if isinstance(node, Article):
                index = len(self.article_path)
                self.article_path.append(path)
                self.article_pos.append(self.size)
                self.size += 1
                for hid in path:
                    self.heading_articles[hid].append(index)
            elif isinstance(node, (Part, Subpart, Chapter, Section, Division)):
                hid = len(self.headings)
                number = 0 if isinstance(node, Division) else node.number
                self.headings.append((_HEADING_KIND[type(node)], number, node.title))
                self.titles.append(squash(node.title))
                self.heading_nodes.append(node)
                self.heading_path.append(path)
                self.heading_articles.append([])
                self.heading_pos.append(self.size)
                self.size += 1
                self._walk(node.children, (*path, hid))


def align_headings(old: Side, new: Side, old_to_new_article: dict[int, int]) -> dict[int, int]:
    """Old heading id -> new heading id, per kind, in document order.

    Titles are compared without their white space (``总则`` is ``总 则``).
    """
    result: dict[int, int] = {}
    kinds = sorted({h[0] for h in old.headings} & {h[0] for h in new.headings})
    for kind in kinds:
        olds = [h for h, head in enumerate(old.headings) if head[0] == kind]
        news = [h for h, head in enumerate(new.headings) if head[0] == kind]
        new_rank = {h: r for r, h in enumerate(news)}
        owner: dict[int, int] = {}  # new article -> new heading of this kind around it
        for h in news:
            for j in new.heading_articles[h]:
                owner[j] = h
        old_titles: dict[str, int] = {}
        new_titles: dict[str, int] = {}
        for h in olds:
            old_titles[old.titles[h]] = old_titles.get(old.titles[h], 0) + 1
        for h in news:
            new_titles[new.titles[h]] = new_titles.get(new.titles[h], 0) + 1
        pairs: list[tuple[int, int, int]] = []
        for rank, h in enumerate(olds):
            shared: dict[int, int] = {}
            for i in old.heading_articles[h]:
                target = old_to_new_article.get(i)
                if target is not None and target in owner:
                    shared[owner[target]] = shared.get(owner[target], 0) + 1
            held = old.heading_articles[h]
            anchor = owner.get(old_to_new_article.get(held[0], -1)) if held else None
            title = old.titles[h]
            if old_titles[title] == 1 and new_titles.get(title) == 1:
                twin = next(n for n in news if new.titles[n] == title)
                shared.setdefault(twin, 0)
            for n, count in shared.items():
                weight = 1000 * (n == anchor) + 10 * (new.titles[n] == title) + count
                pairs.append((rank, new_rank[n], weight))
        chosen = [pairs[k] for k in chain(pairs)]
        for a, b, _ in chosen:
            result[olds[a]] = news[b]
        # between two aligned headings: pair what is left by position when the counts agree,
        # else by equal title
        bounds = [(-1, -1), *((a, b) for a, b, _ in chosen), (len(olds), len(news))]
        for (a0, b0), (a1, b1) in itertools.pairwise(bounds):
            gap_old = list(range(a0 + 1, a1))
            gap_new = list(range(b0 + 1, b1))
            if len(gap_old) == len(gap_new):
                for a, b in zip(gap_old, gap_new, strict=True):
                    result[olds[a]] = news[b]
                continue
            k = 0
            for a in gap_old:
                for m in range(k, len(gap_new)):
                    if new.titles[news[gap_new[m]]] == old.titles[olds[a]]:
                        result[olds[a]] = news[gap_new[m]]
                        k = m + 1
                        break
    return result


# --------------------------------------------------------------------------- header


def block_lines(nodes: tuple[object, ...]) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        if isinstance(node, Paragraph):
            lines.extend(node.lines())
        elif isinstance(node, Table):
            lines.extend(node.lines)
        elif isinstance(node, Article):
            lines.append(node.label)
            lines.extend(node.text.split("\n") if node.text else [])
        elif isinstance(node, (Division, Part, Subpart, Chapter, Section)):
            head = node.title if isinstance(node, Division) else f"{node.label} {node.title}"
            lines.append(head.strip())
            lines.extend(block_lines(node.children))
        else:  # Appendix
            lines.append(getattr(node, "title", ""))
            lines.extend(block_lines(getattr(node, "children", ())))
    return lines


def _free_text(nodes: tuple[object, ...]) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        if isinstance(node, Paragraph):
            lines.extend(node.lines())
        elif isinstance(node, Table):
            lines.extend(node.lines)
        elif isinstance(node, (Division, Part, Subpart, Chapter, Section)):
            lines.extend(_free_text(node.children))
    return lines


def header_fields(
    old: Regulation, new: Regulation
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The fields outside the articles and headings that differ, as printed lines.

    Lines that differ only in white space do not count.
    """
    fields: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
        ("title", (old.title,), (new.title,)),
        ("subtitles", old.subtitles, new.subtitles),
        ("history", tuple(e.text for e in old.history), tuple(e.text for e in new.history)),
        ("toc", old.toc, new.toc),
        ("preamble", tuple(block_lines(old.preamble)), tuple(block_lines(new.preamble))),
        ("appendices", tuple(block_lines(old.appendices)), tuple(block_lines(new.appendices))),
        ("text", tuple(_free_text(old.body)), tuple(_free_text(new.body))),
    ]
    return [(name, a, b) for name, a, b in fields if [*map(squash, a)] != [*map(squash, b)]]


def document_lines(regulation: Regulation) -> tuple[str, ...]:
    """Every printed line of *regulation*, header and body: what a "layout" change shows."""
    return (
        regulation.title,
        *regulation.subtitles,
        *(e.text for e in regulation.history),
        *regulation.toc,
        *block_lines(regulation.preamble),
        *block_lines(regulation.body),
        *block_lines(regulation.appendices),
    )
