"""Compare two versions of a regulation article by article, as a 修正前后对照表 does.

Amendments renumber silently (``此外，对条文顺序作相应调整``), so articles are aligned by their
text, never by their number:

1. **Exact**: articles whose text is the same once spaces are removed are the same article
   (repeated texts pair in document order).
2. **Similar**: for the rest, candidates come from an index of character 3-grams (a 3-gram held
   by more than :data:`POSTING_CAP` articles is too common to say anything and is skipped); the
   best :data:`CANDIDATES` of each are measured with :class:`difflib.SequenceMatcher`.  Two
   articles are one article, edited, when their ratio is at least :data:`SIMILARITY`, or when at
   least :data:`CONTAINMENT` of the shorter lies in the longer and the shorter has at least
   :data:`MIN_PIECE` characters (an article that lost or gained whole paragraphs).  Pairs are
   taken greedily, best ratio first.
3. **Split and merge**: a new article left over whose text lies (:data:`CONTAINMENT`) in an old
   article already aligned is a piece of that article, split off; an old article left over whose
   text lies in a new article already aligned was merged into it.
4. What is left was added or removed.

Headings (编, 分编, 章, 节 and unnumbered ones such as 附则) are aligned by the articles they
share (the heading that keeps an old heading's first article wins), in document order, and then by
position for those left between two aligned headings.  An article is *moved* when its chapter or
section is not the one its old chapter or section became, or when it left the longest
order-preserving run of aligned articles.

Everything is deterministic and close to linear in the size of the documents: only the articles
the exact pass leaves over are compared, each with a handful of candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article
from .._model.units import Paragraph
from .align import (
    PARAGRAPH_SIMILARITY,
    Alignment,
    Side,
    align_headings,
    block_lines,
    chain,
    header_fields,
    matcher,
)
from .changes import (
    ArticleChange,
    CharEdit,
    ComparisonRow,
    HeaderChange,
    Heading,
    HeadingChange,
    Merge,
    ParagraphEdit,
    Split,
)
from .regulation_diff import RegulationDiff, Slot, fingerprint, map_articles

__all__ = ["char_edits", "diff", "paragraph_script"]


# --------------------------------------------------------------------------- text scripts


def char_edits(old: str, new: str) -> tuple[CharEdit, ...]:
    """The character-level script from *old* to *new*.

    An equal run of a single character between two edits is folded into them, so that the
    script reads as words rather than scattered letters.

    >>> [(e.op, e.old, e.new) for e in char_edits("县级人民政府应当", "市人民政府应当")]
    [('replace', '县级', '市'), ('equal', '人民政府应当', '人民政府应当')]
    """
    ops: list[list[str]] = []
    for tag, i1, i2, j1, j2 in matcher(old, new).get_opcodes():
        ops.append([tag, old[i1:i2], new[j1:j2]])
    folded: list[list[str]] = []
    for k, op in enumerate(ops):
        short_equal = (
            op[0] == "equal"
            and len(op[1]) == 1
            and 0 < k < len(ops) - 1
            and folded
            and folded[-1][0] != "equal"
        )
        if short_equal or (op[0] != "equal" and folded and folded[-1][0] != "equal"):
            last = folded[-1]
            folded[-1] = ["replace", last[1] + op[1], last[2] + op[2]]
        else:
            folded.append(op)
    for op in folded:
        if op[0] == "replace" and not op[1]:
            op[0] = "insert"
        elif op[0] == "replace" and not op[2]:
            op[0] = "delete"
    return tuple(CharEdit(op, a, b) for op, a, b in folded)


def _para_key(para: Paragraph) -> tuple[object, ...]:
    return (para.text, para.items, para.break_before, para.continuation)


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    blocks = matcher(a, b).get_matching_blocks()
    return 2.0 * sum(m.size for m in blocks) / (len(a) + len(b))


def paragraph_script(
    old: Sequence[Paragraph], new: Sequence[Paragraph]
) -> tuple[ParagraphEdit, ...]:
    """Align two lists of paragraphs: unchanged, added, removed, changed (with character edits).

    Equal paragraphs anchor the alignment; between anchors, an old and a new paragraph at least
    :data:`PARAGRAPH_SIMILARITY` alike are one paragraph, changed, in order.
    """
    out: list[ParagraphEdit] = []
    old_keys = [_para_key(p) for p in old]
    new_keys = [_para_key(p) for p in new]
    for tag, i1, i2, j1, j2 in matcher(old_keys, new_keys).get_opcodes():
        if tag == "equal":
            out.extend(
                ParagraphEdit("unchanged", old[i], new[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        j = j1
        for i in range(i1, i2):
            text = old[i].full_text
            match = next(
                (k for k in range(j, j2) if _ratio(text, new[k].full_text) >= PARAGRAPH_SIMILARITY),
                None,
            )
            if match is None:
                out.append(ParagraphEdit("removed", old[i], None))
                continue
            out.extend(ParagraphEdit("added", None, new[k]) for k in range(j, match))
            chars = char_edits(text, new[match].full_text)
            out.append(ParagraphEdit("changed", old[i], new[match], chars))
            j = match + 1
        out.extend(ParagraphEdit("added", None, new[k]) for k in range(j, j2))
    return tuple(out)


# --------------------------------------------------------------------------- diff


def _place(side: Side, article: int) -> tuple[Heading, ...]:
    return tuple(Heading(*side.headings[h]) for h in side.article_path[article])


def diff(old: Regulation, new: Regulation) -> RegulationDiff:
    """Compare two versions of a regulation article by article, as a 修正前后对照表 does.

    Amendments renumber without a word (此外，对条文顺序作相应调整), so articles are aligned by
    their text, never by their number: identical texts first, then similar ones (an edited
    article), then pieces of an aligned article (split off or merged in); what is left was
    added or removed.  Headings are aligned by the articles they share.  The result lists what
    changed, maps old numbers to new ones, renders the comparison table
    (``to_markdown()``, ``to_html()``, ``to_text()``) and is a patch:
    ``diff(old, new).apply(old) == new``.  Deterministic.

    Args:
        old: the earlier version.
        new: the later version.

    Returns:
        The :class:`RegulationDiff`; false when nothing changed.

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
    a, b = Side(old), Side(new)
    align = Alignment(a, b)
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

    def old_key(pos: int) -> tuple[int, int, int]:
        return (anchor[pos], 1, pos)

    changes: list[tuple[tuple[int, int, int], ArticleChange]] = []
    rows: list[tuple[tuple[int, int, int], ComparisonRow]] = []
    splits: list[Split] = []
    merges: list[Merge] = []
    number_pairs: list[tuple[int, str, str]] = []
    slots: list[Slot] = [None] * len(b.articles)
    for olds, news in groups:
        old_arts = tuple(a.articles[i] for i in olds)
        new_arts = tuple(b.articles[j] for j in news)
        is_split, is_merge = len(news) > 1, len(olds) > 1
        if is_split:
            splits.append(Split(old_arts[0], new_arts))
        if is_merge:
            merges.append(Merge(old_arts, new_arts[0]))
        changed = any(o.paragraphs != n.paragraphs for o in old_arts for n in new_arts)
        script: tuple[ParagraphEdit, ...] = ()
        if changed:
            script = paragraph_script(
                [p for o in old_arts for p in o.paragraphs],
                [p for new_art in new_arts for p in new_art.paragraphs],
            )
        key = (b.article_pos[news[0]], 0, a.article_pos[olds[0]])
        rows.append((key, ComparisonRow(old_arts, new_arts, script=script)))
        for i in olds:
            for j in news:
                o, n_art = a.articles[i], b.articles[j]
                text_changed = o.paragraphs != n_art.paragraphs
                moved = not same_place(i, j) or (
                    i == olds[0] and j == news[0] and (i, j) not in in_order
                )
                renumbered = o.key != n_art.key
                if not (text_changed or renumbered or moved or is_split or is_merge):
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
                sources.setdefault(_para_key(para), (i, p))
        for j in news:
            slots[j] = tuple(sources.get(_para_key(p), p) for p in b.articles[j].paragraphs)
    matched_new = {j for _, news in groups for j in news}
    matched_old = {i for olds, _ in groups for i in olds}
    for j, art in enumerate(b.articles):
        if j not in matched_new:
            key = (b.article_pos[j], 0, -1)
            changes.append((key, ArticleChange(None, art, new_place=_place(b, j))))
            rows.append((key, ComparisonRow((), (art,))))
    for i, art in enumerate(a.articles):
        if i not in matched_old:
            key = old_key(a.article_pos[i])
            changes.append((key, ArticleChange(art, None, old_place=_place(a, i))))
            rows.append((key, ComparisonRow((art,), ())))

    heading_changes: list[tuple[tuple[int, int, int], HeadingChange]] = []
    new_of = {n: h for h, n in hmap.items()}
    for n, raw in enumerate(b.headings):
        head = Heading(*raw)
        key = (b.heading_pos[n], 0, -1)
        h_old = new_of.get(n)
        old_head = None
        if h_old is not None:
            old_head = Heading(*a.headings[h_old])
            key = (b.heading_pos[n], 0, a.heading_pos[h_old])
        if old_head != head:
            heading_changes.append((key, HeadingChange(old_head, head)))
        title_chars = char_edits(old_head.text, head.text) if old_head and old_head != head else ()
        rows.append(
            (key, ComparisonRow(old_heading=old_head, new_heading=head, title_chars=title_chars))
        )
    for h, raw in enumerate(a.headings):
        if h not in hmap:
            head = Heading(*raw)
            key = old_key(a.heading_pos[h])
            heading_changes.append((key, HeadingChange(head, None)))
            rows.append((key, ComparisonRow(old_heading=head)))

    header = [HeaderChange(*field) for field in header_fields(old, new)]
    # the new version's skeleton: an added article carries its paragraphs, the others are
    # rebuilt from their slots
    counter = iter(range(len(b.articles)))

    def skeleton(art: Article) -> Article:
        return art if slots[next(counter)] is None else attrs.evolve(art, paragraphs=())

    template = attrs.evolve(new, body=map_articles(new.body, skeleton), warnings=())
    result = RegulationDiff(
        old_title=old.title,
        new_title=new.title,
        changes=tuple(c for _, c in sorted(changes, key=lambda kc: kc[0])),
        heading_changes=tuple(c for _, c in sorted(heading_changes, key=lambda kc: kc[0])),
        header_changes=tuple(header),
        splits=tuple(splits),
        merges=tuple(merges),
        rows=tuple(r for _, r in sorted(rows, key=lambda kr: kr[0])),
        number_pairs=tuple((o, n) for _, o, n in sorted(number_pairs)),
        template=template,
        slots=tuple(slots),
        fingerprint=fingerprint(old),
    )
    if not result and old != new:
        # a difference no other field names, such as the depth of an unnumbered heading
        layout = HeaderChange("layout", tuple(block_lines(old.body)), tuple(block_lines(new.body)))
        result = attrs.evolve(result, header_changes=(layout,))
    return result
