"""The alignment behind :func:`wuxi_dt_regulation.diff`: articles by content, headings by the
articles they share, both in document order.

Only the model is imported here; :mod:`.build` turns what this module finds into values (its
docstring gives the rules; the thresholds are below).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph, Table

if TYPE_CHECKING:
    from difflib import SequenceMatcher

__all__ = [
    "Alignment",
    "Side",
    "align_headings",
    "block_lines",
    "chain",
    "header_fields",
    "matcher",
]

#: Two article texts with a :class:`difflib.SequenceMatcher` ratio at least this are one article.
SIMILARITY = 0.5
#: ... or when this share of the shorter text lies in the longer (see :data:`MIN_PIECE`).
CONTAINMENT = 0.8
#: Containment, splits and merges only count texts at least this long (spaces removed).
MIN_PIECE = 12
#: Two paragraphs of aligned articles at least this similar are one paragraph, edited.
PARAGRAPH_SIMILARITY = 0.5
#: Length of the character n-grams that propose candidates.
NGRAM = 3
#: An n-gram held by more unaligned old articles than this is skipped as too common.
POSTING_CAP = 24
#: How many candidates of each article are measured with SequenceMatcher.
CANDIDATES = 6

_SPACES = dict.fromkeys(map(ord, " \t\r\n\u3000\u2002\u2003\u2009\u00a0\u200b\ufeff"))


def matcher(a: Sequence[object], b: Sequence[object]) -> SequenceMatcher[object]:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False)


_HEADING_KIND = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节", Division: ""}


class Side:
    """A regulation flattened: headings and articles in document order, with their places."""

    def __init__(self, regulation: Regulation) -> None:
        self.articles = regulation.articles
        self.headings: list[tuple[str, int, str]] = []
        self.heading_path: list[tuple[int, ...]] = []
        self.heading_articles: list[list[int]] = []
        self.heading_pos: list[int] = []
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
                self.heading_path.append(path)
                self.heading_articles.append([])
                self.heading_pos.append(self.size)
                self.size += 1
                self._walk(node.children, (*path, hid))


def chain(pairs: Sequence[tuple[int, int, int]]) -> list[int]:
    """Indices of a heaviest chain of *pairs* ``(a, b, weight)`` strictly increasing in a and b.

    A weighted longest increasing subsequence with a Fenwick tree: O(n log n).
    """
    if not pairs:
        return []
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][1], -pairs[k][0], k))
    size = max(p[0] for p in pairs) + 2
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)
    best: list[int] = [0] * len(pairs)
    back: list[int] = [-1] * len(pairs)
    for k in order:
        a = pairs[k][0]
        # prefix maximum over positions < a
        pos, top = a, (0, -1)
        while pos > 0:
            if tree[pos] > top:
                top = tree[pos]
            pos -= pos & -pos
        best[k] = top[0] + pairs[k][2]
        back[k] = top[1]
        pos = a + 1
        while pos <= size:
            if (best[k], k) > tree[pos]:
                tree[pos] = (best[k], k)
            pos += pos & -pos
    end = max(range(len(pairs)), key=lambda k: (best[k], -k))
    out = []
    while end >= 0:
        out.append(end)
        end = back[end]
    return out[::-1]


# --------------------------------------------------------------------------- alignment


def _grams(text: str) -> set[str]:
    if len(text) < NGRAM:
        return {text} if text else set()
    return {text[k : k + NGRAM] for k in range(len(text) - NGRAM + 1)}


class Alignment:
    """Article groups: (old indices, new indices), each 1:1, a split (1:n) or a merge (n:1)."""

    def __init__(self, old: Side, new: Side) -> None:
        old_text = [a.text.translate(_SPACES) for a in old.articles]
        new_text = [a.text.translate(_SPACES) for a in new.articles]
        self.o2n: dict[int, int] = {}
        self.n2o: dict[int, int] = {}
        waiting: dict[str, list[int]] = {}
        for i, text in enumerate(old_text):
            waiting.setdefault(text, []).append(i)
        taken: dict[str, int] = {}
        for j, text in enumerate(new_text):
            queue = waiting.get(text)
            if queue is not None and taken.get(text, 0) < len(queue):
                i = queue[taken.get(text, 0)]
                taken[text] = taken.get(text, 0) + 1
                self.o2n[i] = j
                self.n2o[j] = i
        self.exact = set(self.o2n)
        rest_old = [i for i in range(len(old_text)) if i not in self.o2n]
        rest_new = [j for j in range(len(new_text)) if j not in self.n2o]
        measured = self._measure(old_text, new_text, rest_old, rest_new)
        # Similar pairs, those in place first, then best first.  In place: between the new
        # positions of the exact matches (kept in order) just before and just after the old one.
        exact_pairs = sorted((i, j, 1) for i, j in self.o2n.items())
        anchors = [exact_pairs[k] for k in chain(exact_pairs)]
        bracket: dict[int, tuple[int, int]] = {}
        k = 0
        for i in rest_old:
            while k < len(anchors) and anchors[k][0] < i:
                k += 1
            low = anchors[k - 1][1] if k else -1
            high = anchors[k][1] if k < len(anchors) else len(new_text)
            bracket[i] = (low, high)

        def rank(m: tuple[float, float, int, int, float, float]) -> tuple[object, ...]:
            low, high = bracket[m[3]]
            return (not low < m[2] < high, -m[0], -m[1], m[2], m[3])

        for ratio, contained, j, i, _, _ in sorted(measured, key=rank):
            if i in self.o2n or j in self.n2o:
                continue
            if ratio >= SIMILARITY or contained >= CONTAINMENT:
                self.o2n[i] = j
                self.n2o[j] = i
        self.splits: dict[int, list[int]] = {}
        self.merges: dict[int, list[int]] = {}
        by_new: dict[int, list[tuple[float, float, int]]] = {}
        by_old: dict[int, list[tuple[float, float, int]]] = {}
        for ratio, _, j, i, new_in_old, old_in_new in measured:
            if new_in_old >= CONTAINMENT and len(new_text[j]) >= MIN_PIECE:
                by_new.setdefault(j, []).append((new_in_old, ratio, -i))
            if old_in_new >= CONTAINMENT and len(old_text[i]) >= MIN_PIECE:
                by_old.setdefault(i, []).append((old_in_new, ratio, -j))
        # The pieces of a split stand next to each other in the new version, the articles of a
        # merge next to each other in the old one: a text that merely resembles another (a new
        # article modelled on an old one) is not a piece of it.
        _grow(by_new, self.n2o, self.o2n, self.splits, self.merges)  # splits: old -> new pieces
        _grow(by_old, self.o2n, self.n2o, self.merges, self.splits)  # merges: new <- old sources

    @staticmethod
    def _measure(
        old_text: list[str], new_text: list[str], rest_old: list[int], rest_new: list[int]
    ) -> list[tuple[float, float, int, int, float, float]]:
        """Candidate pairs, measured: (ratio, containment of the shorter, j, i, new⊂old, old⊂new)."""
        if not rest_old or not rest_new:
            return []
        old_grams = {i: _grams(old_text[i]) for i in rest_old}
        index: dict[str, list[int]] = {}
        for i in rest_old:
            for gram in old_grams[i]:
                index.setdefault(gram, []).append(i)
        out = []
        for j in rest_new:
            grams = _grams(new_text[j])
            hits: dict[int, int] = {}
            for gram in grams:
                posting = index.get(gram)
                if posting is None or len(posting) > POSTING_CAP:
                    continue
                for i in posting:
                    hits[i] = hits.get(i, 0) + 1
            ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
            for i, count in ranked:
                if count < 0.3 * min(len(grams), len(old_grams[i])):
                    continue
                a, b = old_text[i], new_text[j]
                same = sum(m.size for m in matcher(a, b).get_matching_blocks())
                ratio = 2.0 * same / (len(a) + len(b))
                shorter = min(len(a), len(b))
                contained = same / shorter if shorter >= MIN_PIECE else 0.0
                out.append((ratio, contained, j, i, same / len(b), same / len(a)))
        return out

    def groups(self) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Every group, ordered by its first new article."""
        out: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for j in sorted(self.n2o):
            i = self.n2o[j]
            if i in self.splits:
                pieces = sorted(self.splits[i])
                if j == pieces[0]:
                    out.append(((i,), tuple(pieces)))
            elif j in self.merges:
                out.append((tuple(sorted(self.merges[j])), (j,)))
            else:
                out.append(((i,), (j,)))
        return out


def align_headings(old: Side, new: Side, old_to_new_article: dict[int, int]) -> dict[int, int]:
    """Old heading id -> new heading id, per kind, in document order."""
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
            old_titles[old.headings[h][2]] = old_titles.get(old.headings[h][2], 0) + 1
        for h in news:
            new_titles[new.headings[h][2]] = new_titles.get(new.headings[h][2], 0) + 1
        pairs: list[tuple[int, int, int]] = []
        for rank, h in enumerate(olds):
            shared: dict[int, int] = {}
            for i in old.heading_articles[h]:
                target = old_to_new_article.get(i)
                if target is not None and target in owner:
                    shared[owner[target]] = shared.get(owner[target], 0) + 1
            held = old.heading_articles[h]
            anchor = owner.get(old_to_new_article.get(held[0], -1)) if held else None
            title = old.headings[h][2]
            if old_titles[title] == 1 and new_titles.get(title) == 1:
                twin = next(n for n in news if new.headings[n][2] == title)
                shared.setdefault(twin, 0)
            for n, count in shared.items():
                weight = 1000 * (n == anchor) + 10 * (new.headings[n][2] == title) + count
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
                    if new.headings[news[gap_new[m]]][2] == old.headings[olds[a]][2]:
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
    """The fields outside the articles and headings that differ, as printed lines."""
    fields: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
        ("title", (old.title,), (new.title,)),
        ("subtitles", old.subtitles, new.subtitles),
        ("history", tuple(e.text for e in old.history), tuple(e.text for e in new.history)),
        ("toc", old.toc, new.toc),
        ("preamble", tuple(block_lines(old.preamble)), tuple(block_lines(new.preamble))),
        ("appendices", tuple(block_lines(old.appendices)), tuple(block_lines(new.appendices))),
        ("text", tuple(_free_text(old.body)), tuple(_free_text(new.body))),
    ]
    return [(name, a, b) for name, a, b in fields if a != b]


def _grow(
    leftovers: dict[int, list[tuple[float, float, int]]],
    own: dict[int, int],
    other: dict[int, int],
    groups: dict[int, list[int]],
    excluded: dict[int, list[int]],
) -> None:
    """Attach each unaligned unit of one side to a candidate on the other side whose group
    (its aligned partner and the pieces found so far) holds a neighbour of it, until nothing
    more attaches.  Splits and merges are the two directions of the same rule.

    *leftovers* maps a unit to its candidates ``(containment, ratio, -index)``; *own* and *other* are
    the alignment from this side and from the other; *groups* is filled (``candidate -> units``,
    the aligned partner first); a candidate whose partner is in *excluded* is skipped.
    """
    grown = True
    while grown:
        grown = False
        for unit in sorted(leftovers):
            if unit in own:
                continue
            for _, _, neg in sorted(leftovers[unit], reverse=True):
                candidate = -neg
                partner = other.get(candidate)
                if partner is None or partner in excluded:
                    continue
                members = groups.get(candidate, [partner])
                if unit - 1 in members or unit + 1 in members:
                    groups[candidate] = [*members, unit]
                    own[unit] = candidate
                    grown = True
                    break
