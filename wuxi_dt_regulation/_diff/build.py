"""Compare two versions of a regulation article by article, as a 修正前后对照表 does.

Amendments renumber silently (``此外，对条文顺序作相应调整``), so articles are aligned by their
text, never by their number.  Texts are compared without their white space (:mod:`.spacing`):
re-typesetting is not amending.

1. **Exact**: articles whose text is the same once spaces are removed are the same article
   (repeated texts pair in document order).  Those that keep their order are *anchors*.
2. **Similar**: for the rest, candidates come from an index of character 3-grams (a 3-gram held
   by more than :data:`~.align.POSTING_CAP` articles is too common to say anything and is
   skipped; the best :data:`~.align.CANDIDATES` of each article are kept) and from **position**:
   between two anchors, a new article is compared with the old articles (:data:`~.align.BAND` on
   each side) around the place its rank predicts.  Two articles are one article, edited, when
   their :class:`difflib.SequenceMatcher` ratio is at least :data:`~.align.SIMILARITY`, or when
   at least :data:`~.align.CONTAINMENT` of the shorter lies in the longer and the shorter has at
   least :data:`~.align.MIN_PIECE` characters (an article that lost or gained whole paragraphs).
   Pairs between the same two anchors are taken first, as the heaviest chain in document order
   (most similar first, then nearest the predicted place): an edited article stays between the
   same neighbours, which is what aligns a series of near-identical penalty clauses one to one.
   Then the other pairs (moved articles), best ratio first.
3. **Split and merge**: a new article left over whose text lies (:data:`~.align.CONTAINMENT`) in
   an old article already aligned, next to that article's new place, is a piece of it, split
   off; an old article left over whose text lies in a new article already aligned, next to its
   partner, was merged into it, and so was one, wherever it stood, whose text is now one 款 or
   项 of that article (an article that survives inside another).  A piece must explain a part of
   the article that the group does not explain yet: a near-copy of its neighbour (boilerplate)
   is not a piece.
4. What is left was added or removed.

Headings (编, 分编, 章, 节 and unnumbered ones such as 附则) are aligned by the articles they
share (the heading that keeps an old heading's first article wins), in document order, and then by
position for those left between two aligned headings; a heading whose title changed only in its
white space (``总则`` → ``总 则``) is not retitled.  An article is *moved* when its chapter or
section is not the one its old chapter or section became, or when it left the longest
order-preserving run of aligned articles.

Everything is deterministic and close to linear in the size of the documents: only the articles
the exact pass leaves over are compared, each with a bounded number of candidates.
"""

from __future__ import annotations

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article
from .._model.units import Paragraph
from .align import Alignment
from .changes import (
    ArticleChange,
    ComparisonRow,
    HeaderChange,
    Heading,
    HeadingChange,
    Merge,
    ParagraphEdit,
    Split,
)
from .patch import Slot, map_articles
from .regulation_diff import RegulationDiff
from .scripts import char_edits, paragraph_key, paragraph_script
from .sequences import chain
from .sides import Side, align_headings, document_lines, header_fields
from .spacing import same_text

__all__ = ["diff"]

_Key = tuple[int, int, int]


def _place(side: Side, article: int) -> tuple[Heading, ...]:
    return tuple(Heading(*side.headings[h]) for h in side.article_path[article])


def _exact_key(para: Paragraph) -> tuple[object, ...]:
    """What apply() must reproduce exactly: the paragraph as it is, spaces included (its
    further paragraphs too: equality of ``items`` covers those of its 项 and 目)."""
    return (para.text, para.items, para.break_before, para.continuation)


def _differs(old: Heading | None, new: Heading) -> bool:
    return (
        old is None
        or (old.kind, old.number) != (new.kind, new.number)
        or not same_text(old.title, new.title)
    )


def diff(old: Regulation, new: Regulation) -> RegulationDiff:
    """Compare two versions of a regulation article by article, as a 修正前后对照表 does.

    Amendments renumber without a word (此外，对条文顺序作相应调整), so articles are aligned by
    their text, never by their number: identical texts first, then similar ones (an edited
    article, kept in order between its neighbours), then pieces of an aligned article (split off
    or merged in, or an article that now stands as a 项 or 款 of another); what is left was
    added or removed.  Headings are aligned by the articles they share.  A difference only in
    white space is not a change.  The result lists what changed, maps old numbers and citations
    to new ones (``number_map``, ``citation_map``, ``follow()``), finds the references left
    pointing at old numbers (``stale_references()``), renders the comparison table
    (``to_markdown()``, ``to_html()``, ``to_text()``) and is a patch:
    ``diff(old, new).apply(old) == new``.  Deterministic.

    Args:
        old: the earlier version.
        new: the later version.

    Returns:
        The :class:`RegulationDiff`; false when nothing changed.

    Raises:
        TypeError: *old* or *new* is not a :class:`Regulation`.

    >>> from wuxi_dt_regulation import load, parse
    >>> reg = load()
    >>> d = diff(reg, reg)
    >>> bool(d), d.apply(reg) == reg
    (False, True)
    >>> old = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n第二条 本条例自公布之日起施行。")
    >>> new = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n"
    ...             "第二条 县级以上人民政府应当支持数字化转型。\\n\\n第三条 本条例自公布之日起施行。")
    >>> diff(old, new).changes
    (<ArticleChange - -> 第二条 added>, <ArticleChange 第二条 -> 第三条 renumbered>)
    >>> dict(diff(old, new).number_map)
    {'第一条': '第一条', '第二条': '第三条'}
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Regulation):
            raise TypeError(
                f"diff() compares two Regulation values; {name} is {type(value).__name__}"
            )
    a, b = Side(old), Side(new)
    align = Alignment(a.articles, b.articles)
    groups = align.groups()
    primary: dict[int, int] = {}  # old article -> its first new article
    for olds, news in groups:
        for i in olds:
            primary.setdefault(i, news[0])
    hmap = align_headings(a, b, primary)

    def same_place(i: int, j: int) -> bool:
        return tuple(hmap.get(h, -1) for h in a.article_path[i]) == b.article_path[j]

    heavy = len(a.articles) + 1
    firsts = [
        (olds[0], news[0], heavy if same_place(olds[0], news[0]) else 1) for olds, news in groups
    ]
    in_order = {(firsts[k][0], firsts[k][1]) for k in chain(firsts)}

    # document positions: new items, and old items anchored after their last aligned predecessor
    old_item_new: list[int | None] = [None] * a.size
    for olds, news in groups:
        for i in olds:
            old_item_new[a.article_pos[i]] = b.article_pos[news[0]]
    for h, n in hmap.items():
        old_item_new[a.heading_pos[h]] = b.heading_pos[n]
    anchor: list[int] = []
    last = -1
    for pos in range(a.size):
        found = old_item_new[pos]
        if found is not None:
            # a running maximum: when articles moved backwards, removed ones still keep their
            # old order (an anchor never goes back), so both sides read in document order
            last = max(last, found)
        anchor.append(last)

    def old_key(pos: int) -> _Key:
        return (anchor[pos], 1, pos)

    changes: list[tuple[_Key, ArticleChange]] = []
    rows: list[tuple[_Key, ComparisonRow, tuple[int, ...]]] = []  # with the old articles' indices
    splits: list[Split] = []
    merges: list[Merge] = []
    number_pairs: list[tuple[int, str, str]] = []
    slots: list[Slot] = [None] * len(b.articles)

    def same_text_of(o: Article, n: Article) -> bool:
        if o.paragraphs == n.paragraphs:
            return True
        return len(o.paragraphs) == len(n.paragraphs) and all(
            paragraph_key(p) == paragraph_key(q)
            for p, q in zip(o.paragraphs, n.paragraphs, strict=True)
        )

    for olds, news in groups:
        old_arts = tuple(a.articles[i] for i in olds)
        new_arts = tuple(b.articles[j] for j in news)
        is_split, is_merge = len(news) > 1, len(olds) > 1
        if is_split:
            splits.append(Split(old_arts[0], new_arts))
        if is_merge:
            merges.append(Merge(old_arts, new_arts[0]))
        changed = is_split or is_merge or not same_text_of(old_arts[0], new_arts[0])
        script: tuple[ParagraphEdit, ...] = ()
        if changed:
            script = paragraph_script(
                [p for o in old_arts for p in o.paragraphs],
                [p for new_art in new_arts for p in new_art.paragraphs],
            )
        key = (b.article_pos[news[0]], 0, a.article_pos[olds[0]])
        rows.append((key, ComparisonRow(old_arts, new_arts, script=script), olds))
        for i in olds:
            for j in news:
                o, n_art = a.articles[i], b.articles[j]
                text_changed = is_split or is_merge or not same_text_of(o, n_art)
                moved = not same_place(i, j) or (
                    i == olds[0] and j == news[0] and (i, j) not in in_order
                )
                renumbered = o.key != n_art.key
                if not (text_changed or renumbered or moved):
                    continue
                paras: tuple[ParagraphEdit, ...] = ()
                if text_changed:
                    if len(olds) == 1 and len(news) == 1:
                        paras = tuple(e for e in script if e.kind != "unchanged")
                    else:
                        paras = tuple(
                            e
                            for e in paragraph_script(o.paragraphs, n_art.paragraphs)
                            if e.kind != "unchanged"
                        )
                change = ArticleChange(
                    o,
                    n_art,
                    text_changed=text_changed,
                    renumbered=renumbered,
                    moved=moved,
                    split=is_split,
                    merged=is_merge,
                    paragraphs=paras,
                    old_place=_place(a, i),
                    new_place=_place(b, j),
                )
                changes.append(((b.article_pos[j], 0, a.article_pos[i]), change))
        for i in olds:
            number_pairs.append((i, a.articles[i].label, b.articles[news[0]].label))
        sources: dict[tuple[object, ...], tuple[int, int]] = {}
        for i in olds:
            for p, para in enumerate(a.articles[i].paragraphs):
                sources.setdefault(_exact_key(para), (i, p))
        for j in news:
            slots[j] = tuple(sources.get(_exact_key(p), p) for p in b.articles[j].paragraphs)
    matched_new = {j for _, news in groups for j in news}
    matched_old = {i for olds, _ in groups for i in olds}
    for j, art in enumerate(b.articles):
        if j not in matched_new:
            key = (b.article_pos[j], 0, -1)
            changes.append((key, ArticleChange(None, art, new_place=_place(b, j))))
            rows.append((key, ComparisonRow((), (art,)), ()))
    for i, art in enumerate(a.articles):
        if i not in matched_old:
            key = old_key(a.article_pos[i])
            changes.append((key, ArticleChange(art, None, old_place=_place(a, i))))
            rows.append((key, ComparisonRow((art,), ()), (i,)))

    heading_changes: list[tuple[_Key, HeadingChange]] = []
    new_of = {n: h for h, n in hmap.items()}
    for n, raw in enumerate(b.headings):
        head = Heading(*raw)
        key = (b.heading_pos[n], 0, -1)
        h_old = new_of.get(n)
        old_head = None
        if h_old is not None:
            old_head = Heading(*a.headings[h_old])
            key = (b.heading_pos[n], 0, a.heading_pos[h_old])
        differs = _differs(old_head, head)
        if differs:
            heading_changes.append((key, HeadingChange(old_head, head)))
        title_chars = char_edits(old_head.text, head.text) if old_head and differs else ()
        row = ComparisonRow(old_heading=old_head, new_heading=head, title_chars=title_chars)
        rows.append((key, row, ()))
    for h, raw in enumerate(a.headings):
        if h not in hmap:
            head = Heading(*raw)
            key = old_key(a.heading_pos[h])
            heading_changes.append((key, HeadingChange(head, None)))
            rows.append((key, ComparisonRow(old_heading=head), ()))

    rows.sort(key=lambda kr: kr[0])
    old_sources: list[tuple[int, int]] = [(0, 0)] * len(a.articles)
    for r, (_, _, olds) in enumerate(rows):
        for m, i in enumerate(olds):
            old_sources[i] = (r, m)
    header = [HeaderChange(*field) for field in header_fields(old, new)]
    # the new version's skeleton: an added article carries its paragraphs, the others are
    # rebuilt from their slots; the old version's skeleton: its articles are in the rows
    counter = iter(range(len(b.articles)))

    def skeleton(art: Article) -> Article:
        return art if slots[next(counter)] is None else attrs.evolve(art, paragraphs=())

    def stub(art: Article) -> Article:
        return attrs.evolve(art, paragraphs=())

    result = RegulationDiff(
        old_title=old.title,
        new_title=new.title,
        changes=tuple(c for _, c in sorted(changes, key=lambda kc: kc[0])),
        heading_changes=tuple(c for _, c in sorted(heading_changes, key=lambda kc: kc[0])),
        header_changes=tuple(header),
        splits=tuple(splits),
        merges=tuple(merges),
        rows=tuple(r for _, r, _ in rows),
        number_pairs=tuple((o, n) for _, o, n in sorted(number_pairs)),
        template=attrs.evolve(new, body=map_articles(new.body, skeleton), warnings=()),
        slots=tuple(slots),
        old_template=attrs.evolve(old, body=map_articles(old.body, stub), warnings=()),
        old_sources=tuple(old_sources),
    )
    if not result and old != new:
        # a difference no other field names: white space alone, or the depth of an
        # unnumbered heading
        layout = HeaderChange("layout", document_lines(old), document_lines(new))
        result = attrs.evolve(result, header_changes=(layout,))
    return result
