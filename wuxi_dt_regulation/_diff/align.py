"""The alignment of articles behind :func:`wuxi_dt_regulation.diff`: by content, with position as
evidence (the rules are in :mod:`.build`'s docstring; the thresholds are below).

Only the model is imported here, and :mod:`.spacing` and :mod:`.sequences`; :mod:`.sides`
aligns the headings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .._model.structure import Article
from .._model.units import Item, SubItem
from .sequences import chain, matcher
from .spacing import squash

__all__ = ["Alignment", "item_text", "subitem_text", "units"]

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
#: How many candidates of each article the n-grams propose.
CANDIDATES = 6
#: How many old articles on each side of the place a new article's position predicts are
#: proposed too (what keeps a series of near-identical articles in order).
BAND = 2

#: A measured pair: (ratio, containment of the shorter, j, i, share of new in old, of old in new).
Measure = tuple[float, float, int, int, float, float]


def subitem_text(sub: SubItem) -> str:
    """A 目's text with its further paragraphs and the fourth level under it, no markers."""
    parts = [sub.text, *sub.continuation]
    for deep in sub.subitems:
        parts.extend((deep.text, *deep.continuation))
    return "".join(parts)


def item_text(item: Item) -> str:
    """A 项's text with its further paragraphs and its 目 (theirs too), no markers: what an
    article that survives as a 项 is compared with."""
    return "".join((item.text, *item.continuation, *map(subitem_text, item.subitems)))


def units(article: Article) -> list[str]:
    """The texts an old article may survive as inside a new one (spaces removed): each 款, each
    款's introduction, each 项 with its 目, and each run of consecutive 款."""
    paras = [squash(p.full_text) for p in article.paragraphs]
    out = [t for t in paras if t]
    for para in article.paragraphs:
        if para.items and para.text:
            out.append(squash(para.text))
        for item in para.items:
            out.append(squash(item_text(item)))
    for size in range(2, len(paras)):
        out.extend("".join(paras[k : k + size]) for k in range(len(paras) - size + 1))
    return out


def _grams(text: str) -> set[str]:
    if len(text) < NGRAM:
        return {text} if text else set()
    return {text[k : k + NGRAM] for k in range(len(text) - NGRAM + 1)}


def _proposals(grams: set[str], index: dict[str, list[int]], sizes: dict[int, int]) -> list[int]:
    """The :data:`CANDIDATES` units of *index* sharing most of the (not too common) *grams*."""
    hits: dict[int, int] = {}
    for gram in grams:
        posting = index.get(gram)
        if posting is None or len(posting) > POSTING_CAP:
            continue
        for unit in posting:
            hits[unit] = hits.get(unit, 0) + 1
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
    return [unit for unit, count in ranked if count >= 0.3 * min(len(grams), sizes[unit])]


class Alignment:
    """Article groups: (old indices, new indices), each 1:1, a split (1:n) or a merge (n:1)."""

    def __init__(self, old: Sequence[Article], new: Sequence[Article]) -> None:
        self.old_text = [squash(a.text) for a in old]
        self.new_text = [squash(a.text) for a in new]
        self.new_articles = new
        self.o2n: dict[int, int] = {}
        self.n2o: dict[int, int] = {}
        self._counts: dict[tuple[int, int], Counter[str]] = {}
        self._covers: dict[tuple[int, int, int], frozenset[int]] = {}
        self._gram_sets: dict[tuple[int, int], set[str]] = {}
        self._exact()
        self._exact_new = set(self.n2o)
        old_gap, old_rank = self._gaps(len(self.old_text), self.o2n, 0)
        new_gap, new_rank = self._gaps(len(self.new_text), self.n2o, 1)
        self._old_gap, self._new_gap = old_gap, new_gap
        found, offsets = self._candidates(old_gap, old_rank, new_gap, new_rank)
        measured = self._measure(found)
        self._pair(measured, offsets)
        self.splits: dict[int, list[int]] = {}
        self.merges: dict[int, list[int]] = {}
        self._pieces(measured)

    # ---- 1. identical texts

    def _exact(self) -> None:
        waiting: dict[str, list[int]] = {}
        for i, text in enumerate(self.old_text):
            waiting.setdefault(text, []).append(i)
        taken: dict[str, int] = {}
        for j, text in enumerate(self.new_text):
            queue = waiting.get(text)
            if queue is not None and taken.get(text, 0) < len(queue):
                i = queue[taken.get(text, 0)]
                taken[text] = taken.get(text, 0) + 1
                self.o2n[i] = j
                self.n2o[j] = i
        # only the exact matches that keep their order are anchors
        pairs = sorted((i, j, 1) for i, j in self.o2n.items())
        self._anchors = [pairs[k][:2] for k in chain(pairs)]

    def _gaps(
        self, size: int, aligned: dict[int, int], side: int
    ) -> tuple[list[int], dict[int, tuple[int, int]]]:
        """For each article of one side, the gap between anchors it stands in; for each one not
        aligned, its rank among those of its gap and the size of that run."""
        gap = [0] * size
        runs: dict[int, list[int]] = {}
        k = 0
        for unit in range(size):
            while k < len(self._anchors) and self._anchors[k][side] < unit:
                k += 1
            gap[unit] = k
            if unit not in aligned:
                runs.setdefault(k, []).append(unit)
        rank = {u: (r, len(run)) for run in runs.values() for r, u in enumerate(run)}
        return gap, rank

    # ---- 2. similar texts

    def _candidates(
        self,
        old_gap: list[int],
        old_rank: dict[int, tuple[int, int]],
        new_gap: list[int],
        new_rank: dict[int, tuple[int, int]],
    ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], float]]:
        """Pairs (i, j) worth measuring: those the n-grams propose, and, inside each gap, the
        old articles around the place a new article's rank predicts (proportionally, counted
        from the start and from the end of the run).  *offsets*: how far a pair in one gap
        stands from the proportional place."""
        found: set[tuple[int, int]] = set()
        rest_old = sorted(old_rank)
        rest_new = sorted(new_rank)
        if not rest_old or not rest_new:
            return found, {}
        index: dict[str, list[int]] = {}
        for i in rest_old:
            for gram in self._grams_of(0, i):
                index.setdefault(gram, []).append(i)
        sizes = {i: len(self._grams_of(0, i)) for i in rest_old}
        for j in rest_new:
            found.update((i, j) for i in _proposals(self._grams_of(1, j), index, sizes))
        runs: dict[int, list[int]] = {}
        for i in rest_old:
            runs.setdefault(old_gap[i], []).append(i)
        offsets: dict[tuple[int, int], float] = {}
        for j in rest_new:
            olds = runs.get(new_gap[j])
            if not olds:
                continue
            r, n = new_rank[j]
            m = len(olds)
            for guess in {r * m // n, round(r * m / n), r, r - (n - m)}:
                for k in range(max(guess - BAND, 0), min(guess + BAND + 1, m)):
                    found.add((olds[k], j))
        for i, j in found:
            if old_gap[i] == new_gap[j]:
                r, n = new_rank[j]
                offsets[i, j] = abs(old_rank[i][0] - r * old_rank[i][1] / n)
        return found, offsets

    def _grams_of(self, side: int, unit: int) -> set[str]:
        key = (side, unit)
        if key not in self._gram_sets:
            self._gram_sets[key] = _grams((self.old_text, self.new_text)[side][unit])
        return self._gram_sets[key]

    def _count(self, side: int, unit: int) -> Counter[str]:
        key = (side, unit)
        if key not in self._counts:
            self._counts[key] = Counter((self.old_text, self.new_text)[side][unit])
        return self._counts[key]

    def _measure(self, found: set[tuple[int, int]]) -> list[Measure]:
        """Measure each pair with SequenceMatcher, unless the characters the two texts share
        (an upper bound of what it finds) already say that no threshold can be reached."""
        out: list[Measure] = []
        current, measure = -1, matcher("", "")
        for j, i in sorted((j, i) for i, j in found):  # one matcher per new text: it indexes b
            a, b = self.old_text[i], self.new_text[j]
            if not a or not b:
                continue
            shorter = min(len(a), len(b))
            shared = sum((self._count(0, i) & self._count(1, j)).values())
            if 2.0 * shared / (len(a) + len(b)) < SIMILARITY and (
                shorter < MIN_PIECE or shared < CONTAINMENT * shorter
            ):
                continue
            if j != current:
                current = j
                measure.set_seq2(b)
            measure.set_seq1(a)
            same = sum(m.size for m in measure.get_matching_blocks())
            ratio = 2.0 * same / (len(a) + len(b))
            contained = same / shorter if shorter >= MIN_PIECE else 0.0
            out.append((ratio, contained, j, i, same / len(b), same / len(a)))
        return out

    def _pair(self, measured: list[Measure], offsets: dict[tuple[int, int], float]) -> None:
        """Take the pairs that pass a threshold: first those in place, as the heaviest chain in
        document order (the most pairs, then the most similar, then the nearest to the predicted
        place: an edited article stays between its neighbours); then the other
        pairs in place (two neighbours that swapped), best ratio first; then the others (moved
        articles), best ratio first."""
        passing = [m for m in measured if m[0] >= SIMILARITY or m[1] >= CONTAINMENT]
        local = [m for m in passing if (m[3], m[2]) in offsets]
        # the most pairs kept in order first, then the most similar, then the nearest to the
        # predicted place: an article is worth 4000 * 1001 (more than any similarity can add)
        weighted = [
            (
                m[3],
                m[2],
                4000 * (1001 + round(1000 * m[0]))
                + 4000
                - min(3999, int(1000 * offsets[m[3], m[2]])),
            )
            for m in local
        ]
        for k in chain(weighted):
            i, j, _ = weighted[k]
            self.o2n[i] = j
            self.n2o[j] = i

        def rank(m: Measure) -> tuple[object, ...]:
            return ((m[3], m[2]) not in offsets, -m[0], -m[1], m[2], m[3])

        for _, _, j, i, _, _ in sorted(passing, key=rank):
            if i not in self.o2n and j not in self.n2o:
                self.o2n[i] = j
                self.n2o[j] = i

    # ---- 3. pieces: splits and merges

    def _pieces(self, measured: list[Measure]) -> None:
        by_new: dict[int, list[tuple[float, float, int]]] = {}
        by_old: dict[int, list[tuple[float, float, int]]] = {}
        for ratio, _, j, i, new_in_old, old_in_new in measured:
            if new_in_old >= CONTAINMENT and len(self.new_text[j]) >= MIN_PIECE:
                by_new.setdefault(j, []).append((new_in_old, ratio, -i))
            if old_in_new >= CONTAINMENT and len(self.old_text[i]) >= MIN_PIECE:
                by_old.setdefault(i, []).append((old_in_new, ratio, -j))
        self._hosts(by_old, {(m[3], m[2]) for m in measured})
        self._grow(by_new, self.n2o, self.o2n, self.splits, self.merges, self._fits_split)
        self._grow(by_old, self.o2n, self.n2o, self.merges, self.splits, self._fits_merge)

    def _hosts(
        self, by_old: dict[int, list[tuple[float, float, int]]], seen: set[tuple[int, int]]
    ) -> None:
        """Propose, for each old article left over, the new articles that may hold its text
        (an article that survives as a 项 or 款 of another may be far from it).  A new article
        identical to an old one holds nothing more than that one did: it is never a host."""
        left = [
            i
            for i in range(len(self.old_text))
            if i not in self.o2n and len(self.old_text[i]) >= MIN_PIECE
        ]
        if not left:
            return
        news = [j for j in range(len(self.new_text)) if j not in self._exact_new]
        index: dict[str, list[int]] = {}
        for j in news:
            for gram in self._grams_of(1, j):
                index.setdefault(gram, []).append(j)
        sizes = {j: len(self._grams_of(1, j)) for j in news}
        fresh: set[tuple[int, int]] = set()
        for i in left:
            fresh.update((i, j) for j in _proposals(self._grams_of(0, i), index, sizes))
        for ratio, _, j, i, _, old_in_new in self._measure(fresh - seen):
            if old_in_new >= CONTAINMENT:
                by_old.setdefault(i, []).append((old_in_new, ratio, -j))

    def _cover(self, whole: int, part: int, side: int) -> frozenset[int]:
        """The positions of one article's text that SequenceMatcher matches in another's: of the
        old article *whole* in a new *part* (side 0, splits), or of the new article *whole* in
        an old *part* (side 1, merges)."""
        key = (side, whole, part)
        if key not in self._covers:
            if side == 0:
                blocks = matcher(self.old_text[whole], self.new_text[part]).get_matching_blocks()
                spans = ((m.a, m.size) for m in blocks)
            else:
                blocks = matcher(self.old_text[part], self.new_text[whole]).get_matching_blocks()
                spans = ((m.b, m.size) for m in blocks)
            self._covers[key] = frozenset(
                p for start, size in spans for p in range(start, start + size)
            )
        return self._covers[key]

    def _adds(self, whole: int, members: list[int], unit: int, side: int) -> bool:
        """Whether *unit* explains a part of *whole* that its group does not explain yet: the
        pieces of a split are different parts of the old article, the articles of a merge
        different parts of the new one; a near-copy of a member (a series of penalty clauses)
        adds nothing."""
        own = self._cover(whole, unit, side)
        covered: set[int] = set()
        for member in members:
            covered |= self._cover(whole, member, side)
        return len(own - covered) >= CONTAINMENT * len(own)

    def _fits_split(self, old: int, members: list[int], new: int) -> bool:
        return (new - 1 in members or new + 1 in members) and self._adds(old, members, new, 0)

    def _fits_merge(self, new: int, members: list[int], old: int) -> bool:
        if not self._adds(new, members, old, 1):
            return False
        if old - 1 in members or old + 1 in members:
            return True
        # farther away, only an article whose text is now one unit (or a run of 款) of the new
        text = self.old_text[old]
        for unit in units(self.new_articles[new]):
            if not unit or not 0.5 * len(text) <= len(unit) <= 2 * len(text):
                continue
            same = sum(m.size for m in matcher(text, unit).get_matching_blocks())
            if (
                same >= CONTAINMENT * len(text)
                and 2.0 * same / (len(text) + len(unit)) >= SIMILARITY
            ):
                return True
        return False

    @staticmethod
    def _grow(
        leftovers: dict[int, list[tuple[float, float, int]]],
        own: dict[int, int],
        other: dict[int, int],
        groups: dict[int, list[int]],
        excluded: dict[int, list[int]],
        fits: Callable[[int, list[int], int], bool],
    ) -> None:
        """Attach each unaligned unit of one side to a candidate on the other side whose group
        (its aligned partner and the pieces found so far) it *fits*, until nothing more
        attaches.  Splits and merges are the two directions of the same rule.

        *leftovers* maps a unit to its candidates ``(containment, ratio, -index)``; *own* and
        *other* are the alignment from this side and from the other; *groups* is filled
        (``candidate -> units``, the aligned partner first); a candidate whose partner is in
        *excluded* is skipped.
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
                    if fits(candidate, members, unit):
                        groups[candidate] = [*members, unit]
                        own[unit] = candidate
                        grown = True
                        break

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
