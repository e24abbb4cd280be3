"""Where each unit of the old version stands in the new one: articles, 款, 项, 目 and headings.

:class:`UnitMap` is derived from a diff's own content (the groups of aligned articles and their
paragraph scripts, which the rows of the comparison table hold), never stored, so that a diff
read back from JSON answers exactly as the one :func:`~wuxi_dt_regulation.diff` returned.

The rules (CITATIONS.md, "Amendments and comparison tables"):

- an article aligned one to one goes to its new article, whatever happened to its 款; the pieces
  of a split go to every piece; of the articles merged into one, the one whose first 款 opens
  it continues as it (it took the others in), and each other goes to the units its 款 became
  (the whole new article when they are all of its 款);
- a 款 goes where the paragraph script pairs it (unchanged or edited); a 款 the script lost is
  looked for among the units of its group: the most similar 款 not paired yet or 项 (one that
  became a 项 of the article it was merged into, or moved inside its article), else a 款 that
  now holds its text (two 款 joined into one);
- a 款 found nowhere in its group, or of an article the comparison reads as deleted, goes to a
  new 款 no old 款 went to that reads the same (old 第一条 (A, B) and 第二条 (C, D) become
  第一条 (A, C), 第二条 (B), 第三条 (D): the new 第一条 reads as added, and C stands in it); a
  deleted article whose 款 were all found goes to the units they became.  Only the same
  text counts here: a 款 merely like one of another article is not taken for it;
- a 项 or 目 goes where the items of its 款 and the new 款 pair (equal texts first, then similar
  ones in order).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from .._model.citation import Citation
from .._model.errors import CitationError, NotFoundError
from .._model.ranges import complete, resolve
from .._model.regulation import Regulation
from .._model.structure import Article
from .._model.units import Item, Paragraph, SubItem
from .align import CONTAINMENT, MIN_PIECE, PARAGRAPH_SIMILARITY
from .changes import ParagraphEdit
from .scripts import pair_children, ratio
from .sequences import matcher
from .sides import Side, align_headings
from .spacing import same_text, squash

__all__ = ["Group", "UnitMap", "follow_unit"]

#: A group of aligned articles: old indices, new indices, and their paragraph script (empty
#: when the texts are the same).
Group = tuple[tuple[int, ...], tuple[int, ...], tuple[ParagraphEdit, ...]]


def _item_text(item: Item) -> str:
    return item.text + "".join(item.continuation) + "".join(s.text for s in item.subitems)


def _sub_text(sub: SubItem) -> str:
    return sub.text + "".join(sub.continuation)


def _same(old: Paragraph | Item | SubItem, new: Paragraph | Item | SubItem) -> bool:
    """Did a unit's own text (its further paragraphs too) stay the same?"""
    return (
        same_text(old.text, new.text)
        and len(old.continuation) == len(new.continuation)
        and all(map(same_text, old.continuation, new.continuation))
    )


def _lines(unit: Paragraph | Item | SubItem) -> tuple[str, ...]:
    """A unit's own printed lines: its text (when it has one) and its further paragraphs."""
    return (unit.text, *unit.continuation) if unit.text else unit.continuation


def _cite(article: Article, paragraph: int | None = None) -> Citation:
    return Citation(article=article.number, suffix=article.suffix, paragraph=paragraph)


def _heading_cite(node: object) -> Citation | None:
    try:
        cite = getattr(node, "citation", None)
    except CitationError:  # a 节 outside a chapter has no citation form
        return None
    return cite if isinstance(cite, Citation) else None


def follow_unit(
    citation: Citation,
    old: Regulation,
    new: Regulation,
    headings: Mapping[Citation, Citation],
    whole: Mapping[tuple[int, int], tuple[Citation, ...]],
    units: Mapping[Citation, Citation],
) -> tuple[Citation, ...]:
    """Where the unit *citation* names in *old* stands in *new*, by the maps of a comparison or
    an amendment: *headings* (old heading -> new), *whole* (old article key -> the units it
    became) and *units* (old 款, 项 and 目 -> new).  The instrument itself stays itself."""
    level = citation.level
    if level == "instrument":
        return (citation,)
    if level in ("part", "subpart", "chapter", "section"):
        return _follow_heading(old, new, headings, citation)
    if level == "article":
        return whole.get((citation.article, citation.suffix), ())  # type: ignore[arg-type]
    target = units.get(complete(citation, old))
    return (target,) if target is not None else ()


def _follow_heading(
    old: Regulation, new: Regulation, headings: Mapping[Citation, Citation], citation: Citation
) -> tuple[Citation, ...]:
    """Where the 编, 分编, 章 or 节 *citation* names in *old* stands in *new*, by *headings* (old
    heading citation -> new).  A 章 or 节 cited otherwise than its heading cites itself is the
    heading it resolves to in the old version, followed: cited without the 编 that holds it
    (刑法 第十二条: 本法总则第四章第八节), it is written without its 编 again when that still
    names it in the new version; cited with a 编 its heading leaves out (chapters numbered on
    through the 编), it is written as the new heading cites itself."""
    found = headings.get(citation)
    if found is None and citation.chapter is not None:
        try:
            was = _heading_cite(resolve(old, citation))
        except NotFoundError:
            return ()
        found = headings.get(was) if was is not None else None
        if found is not None and citation.part is None:
            bare = attrs.evolve(found, part=None, subpart=None)
            try:
                if _heading_cite(resolve(new, bare)) == found:
                    found = bare
            except NotFoundError:  # pragma: no cover - resolving `found` itself finds it
                pass
    return (found,) if found is not None else ()


class UnitMap:
    """The old units of a diff mapped to the new ones; see the module docstring."""

    def __init__(self, old: Regulation, new: Regulation, groups: Sequence[Group]) -> None:
        self.old, self.new = old, new
        #: 款 no unit of their group took: (article, paragraph index), in order
        self._orphans: list[tuple[Article, int]] = []
        #: new 款 an old 款 went to
        self._claimed: set[Citation] = set()
        #: old 款, 项 and 目 -> the new unit
        self.units: dict[Citation, Citation] = {}
        #: old article key -> the units it became (what ``follow()`` answers for an article)
        self.whole: dict[tuple[int, int], tuple[Citation, ...]] = {}
        #: old article -> the one new article it continues as (``citation_map``'s articles)
        self.articles: dict[Citation, Citation] = {}
        #: old heading -> new heading
        self.headings: dict[Citation, Citation] = {}
        #: units whose text did not change: (old citation, new citation, one printed line of it:
        #: its text, then each further paragraph)
        self.kept: list[tuple[Citation, Citation, str]] = []
        for group in groups:
            self._group(*group)
        self._adopt(groups)
        primary: dict[int, int] = {}
        for olds, news, _ in groups:
            for i in olds:
                primary.setdefault(i, news[0])
        a, b = Side(old), Side(new)
        for h, n in align_headings(a, b, primary).items():
            was, now = _heading_cite(a.heading_nodes[h]), _heading_cite(b.heading_nodes[n])
            if was is not None and now is not None:
                self.headings[was] = now

    # ---- building

    def _group(
        self, olds: tuple[int, ...], news: tuple[int, ...], script: tuple[ParagraphEdit, ...]
    ) -> None:
        old_arts = [self.old.articles[i] for i in olds]
        new_arts = [self.new.articles[j] for j in news]
        old_pos = [(a, p) for a in old_arts for p in range(len(a.paragraphs))]
        new_pos = [(a, p) for a in new_arts for p in range(len(a.paragraphs))]
        pairs: list[tuple[int, int]] = []
        if not script:
            pairs = [(k, k) for k in range(min(len(old_pos), len(new_pos)))]
        else:
            k = q = 0
            for edit in script:
                if edit.old is not None and edit.new is not None:
                    pairs.append((k, q))
                k += edit.old is not None
                q += edit.new is not None
        used = {q for _, q in pairs}
        for k, q in pairs:
            self._paragraph(*old_pos[k], *new_pos[q])
        lost = sorted(set(range(len(old_pos))) - {k for k, _ in pairs})
        taken: set[Citation] = set()
        for k in lost:
            art, p = old_pos[k]
            found = self._lost(art.paragraphs[p], new_pos, used, taken)
            if isinstance(found, tuple):
                used.add(found[0])
                self._paragraph(art, p, *new_pos[found[0]])
            elif found is not None:
                self.units[_cite(art, p + 1)] = found
            else:
                self._orphans.append((art, p))
        # whole articles
        if len(old_arts) == 1:
            self.articles[old_arts[0].citation] = new_arts[0].citation
            whole = (
                (new_arts[0].citation,)
                if len(new_arts) == 1
                else tuple(a.citation for a in new_arts)
            )
            self.whole.setdefault(old_arts[0].key, whole)
            return
        # a merge: the article whose 款 opens the new one continues as it; the others went
        # where their 款 went
        first = _cite(new_arts[0], 1)
        for art in old_arts:
            self.articles[art.citation] = new_arts[0].citation
            went = [self.units.get(_cite(art, p + 1)) for p in range(len(art.paragraphs))]
            if went[:1] == [first]:
                self.whole.setdefault(art.key, (new_arts[0].citation,))
            else:
                self.whole.setdefault(art.key, self._collapse([t for t in went if t is not None]))

    def _lost(
        self,
        para: Paragraph,
        new_pos: list[tuple[Article, int]],
        used: set[int],
        taken: set[Citation],
    ) -> tuple[int] | Citation | None:
        """Where a 款 the script did not pair went inside its group: the most similar 款 not
        paired yet (its position) or 项 (its citation), if at least PARAGRAPH_SIMILARITY alike;
        else a 款 that now holds its text (two 款 joined into one: its citation)."""
        text = squash(para.full_text)
        best: tuple[float, tuple[int] | Citation] | None = None
        holder: Citation | None = None
        for q, (art, p) in enumerate(new_pos):
            target = art.paragraphs[p]
            options: list[tuple[str, tuple[int] | Citation]] = []
            if q not in used:
                options.append((target.full_text, (q,)))
            for item in target.items:
                cite = attrs.evolve(_cite(art, p + 1), item=item.number)
                if cite not in taken:
                    options.append((_item_text(item), cite))
            for option_text, where in options:
                score = ratio(text, squash(option_text))
                if score >= PARAGRAPH_SIMILARITY and (best is None or score > best[0]):
                    best = (score, where)  # the first of equals wins
            if holder is None and len(text) >= MIN_PIECE:
                holder = self._holder(text, art, p)
        if best is None:
            return holder
        if isinstance(best[1], Citation):
            taken.add(best[1])
        return best[1]

    def _adopt(self, groups: Sequence[Group]) -> None:
        """Look for the 款 no group placed (lost by their group's script, or of an article the
        comparison reads as deleted) among the new 款 no old 款 went to: one that reads the
        same (the 款 moved into another article) takes it, its 项 and 目 with it.  A deleted
        article whose 款 are all found goes where they went."""
        held = {i for olds, _, _ in groups for i in olds}
        for i, art in enumerate(self.old.articles):
            if i not in held:
                self._orphans.extend((art, p) for p in range(len(art.paragraphs)))
        free: dict[str, list[tuple[Article, int]]] = {}  # by their text, in document order
        for a in self.new.articles:
            for p in range(len(a.paragraphs)):
                if _cite(a, p + 1) not in self._claimed:
                    free.setdefault(squash(a.paragraphs[p].full_text), []).append((a, p))
        for art, p in self._orphans:
            spots = free.get(squash(art.paragraphs[p].full_text))
            if spots:
                self._paragraph(art, p, *spots.pop(0))
        for i, art in enumerate(self.old.articles):
            went = [self.units.get(_cite(art, p + 1)) for p in range(len(art.paragraphs))]
            if i not in held and all(went):
                self.whole[art.key] = self._collapse([t for t in went if t is not None])

    @staticmethod
    def _holder(text: str, art: Article, p: int) -> Citation | None:
        """The unit of 款 *p* of *art* that now holds *text* (spaces removed): the 项 whose
        text it is part of (it became a further paragraph of the 项), else the 款."""

        def holds(whole: str) -> bool:
            same = sum(m.size for m in matcher(text, squash(whole)).get_matching_blocks())
            return same >= CONTAINMENT * len(text)

        target = art.paragraphs[p]
        if not holds(target.full_text):
            return None
        for item in target.items:
            if holds(_item_text(item)):
                return attrs.evolve(_cite(art, p + 1), item=item.number)
        return _cite(art, p + 1)

    def _paragraph(self, old_art: Article, op: int, new_art: Article, np: int) -> None:
        was, now = old_art.paragraphs[op], new_art.paragraphs[np]
        old_cite, new_cite = _cite(old_art, op + 1), _cite(new_art, np + 1)
        self.units[old_cite] = new_cite
        self._claimed.add(new_cite)
        if was.text and _same(was, now):
            self.kept.extend((old_cite, new_cite, line) for line in _lines(now))
        for i, j in pair_children(was.items, now.items, _item_text):
            item, twin = was.items[i], now.items[j]
            old_item = attrs.evolve(old_cite, item=item.number)
            new_item = attrs.evolve(new_cite, item=twin.number)
            self.units[old_item] = new_item
            if _same(item, twin):
                self.kept.extend((old_item, new_item, line) for line in _lines(twin))
            for s, t in pair_children(item.subitems, twin.subitems, _sub_text):
                sub, mate = item.subitems[s], twin.subitems[t]
                old_sub = attrs.evolve(old_item, subitem=sub.number)
                new_sub = attrs.evolve(new_item, subitem=mate.number)
                self.units[old_sub] = new_sub
                if _same(sub, mate):
                    self.kept.extend((old_sub, new_sub, line) for line in _lines(mate))
                if sub.subitems == mate.subitems:
                    # the fourth level has no citation of its own: it is read as its 目's text
                    for deep in mate.subitems:
                        self.kept.extend((old_sub, new_sub, line) for line in _lines(deep))

    def _collapse(self, targets: list[Citation]) -> tuple[Citation, ...]:
        """*targets*, with the 款 that make up a whole new article written as that article."""
        out: list[Citation] = []
        for target in targets:
            key = (target.article, target.suffix)
            article = self.new.get_article(key)  # type: ignore[arg-type]
            mine = [t for t in targets if (t.article, t.suffix) == key]
            numbers = sorted(t.paragraph or 0 for t in mine if t.level == "paragraph")
            whole = article is not None and numbers == list(range(1, len(article.paragraphs) + 1))
            if whole:
                cite = Citation(article=target.article, suffix=target.suffix)
                if cite not in out:
                    out.append(cite)
            elif target not in out:
                out.append(target)
        return tuple(out)

    # ---- answering

    def follow(self, citation: Citation) -> tuple[Citation, ...]:
        """Where the unit *citation* names (in the old version, without a title) stands now."""
        return follow_unit(citation, self.old, self.new, self.headings, self.whole, self.units)
