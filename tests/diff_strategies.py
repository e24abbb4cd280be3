"""Amendments by construction: a regulation, an edit script applied as a legislature would, and
what a diff of the two must report.

The edits are those of real amending decisions (docs/citation-practice.md, "Amendments and
comparison tables"): insert, delete, move, modify, split and merge articles; add, remove and edit
paragraphs and items; retitle chapters and insert one; then renumber every article and chapter.

"Exactly those edits" needs edits that can be told apart, so the texts are drawn from the 20,902
CJK unified ideographs (two fresh texts share next to nothing) and each edit stays inside the
thresholds documented in :mod:`wuxi_dt_regulation._diff.align`:

- each original article is touched by at most one edit;
- a modification keeps the article aligned with its original: an edit of characters replaces at
  most a quarter of one paragraph or item; an added paragraph or item is fresh; a removed
  paragraph leaves at least one (so the rest lies wholly in the original, containment 1.0);
- an inserted article (and an inserted chapter's articles) has fresh text;
- the pieces of a split stay next to each other and nothing is inserted between them; a merge
  joins an article with the one right after it in the same chapter or section;
- the first article of every chapter and section is never deleted, moved away or merged into the
  one before it: a chapter is known by the articles it keeps (it may still be edited or split);
- a move takes an article to another chapter or section;
- a chapter may be re-spaced: white space of some kind inserted in its title, which is no
  retitling.

Each paragraph keeps its origin (the old article and paragraph it comes from, or none), so that
the truth includes where every 款 went (``citation_map``).

Further strategies build what the edit script above cannot tell apart by content alone:
:func:`boilerplate` (a series of near-identical penalty clauses, each edited in place),
:func:`survivals` (an article that now stands as a 项 or 款 of another, anywhere),
:func:`renumberings` (cross-references left pointing at old numbers) and :func:`regroupings`
(the same 款, in the same order, divided into articles anew).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import attrs
from hypothesis import strategies as st

from wuxi_dt_regulation import Article, Chapter, Citation, Item, Paragraph, Regulation, Section
from wuxi_dt_regulation import to_chinese as cn

from .strategies import events

KINDS = ("insert", "delete", "move", "modify", "split", "merge")
#: White space of every kind a re-typeset heading shows: none of it makes a retitling.
WHITE_SPACE = (" ", "\u3000", "\u2002", "\u00a0", "\t", "  ")
MODIFY = ("edit", "add_paragraph", "remove_paragraph", "add_item", "remove_item", "edit_item")


class Ink:
    """Fresh text: pseudo-random CJK ideographs from a seeded generator.

    Hypothesis draws only the lengths and the seed, so that shrinking (which would make every
    drawn text ``一一一``) cannot make two texts alike.
    """

    def __init__(self, seed: int) -> None:
        self.state = seed

    def text(self, size: int) -> str:
        out = []
        for _ in range(size):
            self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
            out.append(chr(0x4E00 + (self.state >> 33) % 20902))
        return "".join(out)


_INK: list[Ink] = []


def fresh(draw: st.DrawFn, min_size: int = 12, max_size: int = 30) -> str:
    """A fresh sentence of *min_size* to *max_size* ideographs and a 。."""
    return _INK[-1].text(draw(st.integers(min_size, max_size))) + "。"


@attrs.define
class Proto:
    """An article being edited: where it comes from, and its paragraphs (numbers fixed later)."""

    origin: tuple[
        Any, ...
    ]  # ("keep", i) | ("mod", i) | ("split", i, piece) | ("merge", i, k) | ("fresh",)
    paragraphs: list[Paragraph]
    old: int | None = None  # the old article index it stands for
    glued: bool = False  # the next article is the second piece of a split: keep it next
    #: per paragraph, the (old article index, old paragraph index) it comes from, or None
    origins: list[tuple[int, int] | None] = attrs.Factory(list)

    def __attrs_post_init__(self) -> None:
        if not self.origins:
            self.origins = [None] * len(self.paragraphs)


@attrs.define
class Container:
    chapter: int  # identity of the chapter (its old index, or a fresh negative id)
    section: int | None
    articles: list[Proto]


@attrs.frozen
class Truth:
    modified: frozenset[tuple[tuple[int, int], tuple[int, int]]]
    paragraph_edits: dict[tuple[int, int], list[tuple[str, int | None, int | None]]]
    added: frozenset[tuple[int, int]]
    removed: frozenset[tuple[int, int]]
    moved: frozenset[tuple[tuple[int, int], tuple[int, int]]]
    splits: frozenset[tuple[tuple[int, int], tuple[tuple[int, int], ...]]]
    merges: frozenset[tuple[tuple[tuple[int, int], ...], tuple[int, int]]]
    pairs: frozenset[tuple[tuple[int, int], tuple[int, int]]]
    number_map: dict[str, str]
    citation_map: dict[Citation, Citation]
    retitled: frozenset[tuple[int, int]]
    added_chapters: frozenset[int]
    renumbered_chapters: frozenset[tuple[int, int]]
    script: tuple[str, ...]


def _paragraph(draw: st.DrawFn, number: int) -> Paragraph:
    intro = fresh(draw)
    count = draw(st.integers(0, 2))
    items = tuple(Item(n, fresh(draw, 8, min(20, len(intro)))) for n in range(1, count + 1))
    return Paragraph(number, intro, items)


def _renumber(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(
        p if p.number == n else attrs.evolve(p, number=n) for n, p in enumerate(paragraphs, 1)
    )


def _build(
    title: str, history: tuple[Any, ...], chapters: list[tuple[int, str, list[Container]]]
) -> tuple[Regulation, list[Proto], list[tuple[int, int]]]:
    """The regulation, its protos in document order, and (chapter id, number) per chapter."""
    number = 0
    protos: list[Proto] = []
    numbers: list[tuple[int, int]] = []
    built: list[Chapter] = []
    for c_number, (cid, ctitle, containers) in enumerate(chapters, 1):
        numbers.append((cid, c_number))
        children: list[Any] = []
        sections: dict[int, list[Article]] = {}
        section_titles: dict[int, str] = {}
        for container in containers:
            arts = []
            for proto in container.articles:
                number += 1
                protos.append(proto)
                arts.append(Article(number, 0, _renumber(proto.paragraphs)))
            if container.section is None:
                children.extend(arts)
            else:
                sections[container.section] = arts
                section_titles[container.section] = f"第{container.section}组"
        for s_number, sid in enumerate(sorted(sections), 1):
            children.append(Section(s_number, section_titles[sid], tuple(sections[sid])))
        built.append(Chapter(c_number, ctitle, tuple(children)))
    return Regulation(title, history=history, body=tuple(built)), protos, numbers


@st.composite
def amendments(draw: st.DrawFn) -> tuple[Regulation, Regulation, Truth]:
    """An old regulation, the new version an edit script makes of it, and what changed."""
    _INK.append(Ink(draw(st.integers(0, 2**32))))
    # ---- the old version
    chapters: list[tuple[int, str, list[Container]]] = []
    old_index = 0
    for cid in range(draw(st.integers(1, 4))):
        containers = []
        sectioned = draw(st.integers(0, 3)) == 0
        for sid in range(draw(st.integers(1, 2)) if sectioned else 1):
            protos = []
            for _ in range(draw(st.integers(1, 4))):
                paras = [_paragraph(draw, n) for n in range(1, draw(st.integers(1, 3)) + 1)]
                origins: list[tuple[int, int] | None] = [(old_index, k) for k in range(len(paras))]
                protos.append(Proto(("keep", old_index), paras, old_index, origins=origins))
                old_index += 1
            containers.append(Container(cid, sid if sectioned else None, protos))
        chapters.append((cid, fresh(draw, 2, 6), containers))
    title = fresh(draw, 4, 10)
    history = tuple(draw(st.lists(events(), max_size=2)))
    old, _, _ = _build(title, history, chapters)

    anchors = {c.articles[0].old for _, _, cs in chapters for c in cs}
    touched: set[int] = set()
    removed: set[int] = set()
    moved: set[int] = set()
    modified: dict[int, list[tuple[str, int | None, int | None]]] = {}
    script: list[str] = []

    def all_containers() -> list[Container]:
        return [c for _, _, cs in chapters for c in cs]

    def free_positions(container: Container) -> list[int]:
        """Where an article may go: never between the pieces of a split."""
        arts = container.articles
        return [k for k in range(len(arts) + 1) if k == 0 or not arts[k - 1].glued]

    def locate(i: int) -> tuple[Container, int]:
        for container in all_containers():
            for k, proto in enumerate(container.articles):
                if proto.old == i and proto.origin[0] == "keep":
                    return container, k
        raise AssertionError(i)

    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(KINDS))
        untouched = sorted(set(range(old_index)) - touched)
        if kind == "insert":
            container = draw(st.sampled_from(all_containers()))
            at = draw(st.sampled_from(free_positions(container)))
            paras = [_paragraph(draw, n) for n in range(1, draw(st.integers(1, 2)) + 1)]
            container.articles.insert(at, Proto(("fresh",), paras))
            script.append("insert")
            continue
        if not untouched:
            continue
        if kind in ("delete", "move"):
            pool = [i for i in untouched if i not in anchors]
            if not pool:
                continue
            i = draw(st.sampled_from(pool))
            container, k = locate(i)
            proto = container.articles.pop(k)
            touched.add(i)
            if kind == "delete":
                removed.add(i)
            else:
                others = [
                    c
                    for c in all_containers()
                    if (c.chapter, c.section) != (container.chapter, container.section)
                ]
                if not others:
                    container.articles.insert(k, proto)
                    touched.discard(i)
                    continue
                target = draw(st.sampled_from(others))
                target.articles.insert(draw(st.sampled_from(free_positions(target))), proto)
                moved.add(i)
            script.append(f"{kind} {i}")
        elif kind == "modify":
            i = draw(st.sampled_from(untouched))
            container, k = locate(i)
            proto = container.articles[k]
            edits = _modify(draw, proto)
            if edits is None:
                continue
            touched.add(i)
            proto.origin = ("mod", i)
            modified[i] = edits
            script.append(f"modify {i} {edits}")
        elif kind == "split":
            pool = [
                i for i in untouched if len(locate(i)[0].articles[locate(i)[1]].paragraphs) >= 2
            ]
            if not pool:
                continue
            i = draw(st.sampled_from(pool))
            container, k = locate(i)
            proto = container.articles[k]
            cut = draw(st.integers(1, len(proto.paragraphs) - 1))
            first = Proto(
                ("split", i, 0), proto.paragraphs[:cut], i, glued=True, origins=proto.origins[:cut]
            )
            second = Proto(
                ("split", i, 1),
                proto.paragraphs[cut:],
                i,
                glued=proto.glued,
                origins=proto.origins[cut:],
            )
            container.articles[k : k + 1] = [first, second]
            touched.add(i)
            script.append(f"split {i} at {cut}")
        else:  # merge with the next article of the same container, as it was
            pool = []
            for i in untouched:
                container, k = locate(i)
                nxt = container.articles[k + 1] if k + 1 < len(container.articles) else None
                if (
                    nxt is not None
                    and nxt.origin == ("keep", i + 1)
                    and i + 1 not in touched
                    and not container.articles[k].glued
                ):
                    pool.append(i)
            if not pool:
                continue
            i = draw(st.sampled_from(pool))
            container, k = locate(i)
            a, b = container.articles[k], container.articles[k + 1]
            container.articles[k : k + 2] = [
                Proto(
                    ("merge", i, i + 1),
                    a.paragraphs + b.paragraphs,
                    i,
                    origins=a.origins + b.origins,
                )
            ]
            touched.update((i, i + 1))
            script.append(f"merge {i} {i + 1}")

    # ---- chapters: retitle some, insert one
    retitled_ids: set[int] = set()
    for n, (cid, ctitle, cs) in enumerate(chapters):
        roll = draw(st.integers(0, 5))
        if roll == 0:
            retitle = fresh(draw, 2, 6)
            chapters[n] = (cid, retitle if retitle != ctitle else retitle + "新", cs)
            retitled_ids.add(cid)
            script.append(f"retitle chapter {cid}")
        elif roll == 1:  # re-spaced, not retitled: 总则 -> 总 则
            at = draw(st.integers(1, len(ctitle) - 1))
            space = draw(st.sampled_from(WHITE_SPACE))
            chapters[n] = (cid, ctitle[:at] + space + ctitle[at:], cs)
            script.append(f"respace chapter {cid}")
    inserted_ids: set[int] = set()
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(chapters)))
        fresh_paras = [[_paragraph(draw, 1)] for _ in range(draw(st.integers(1, 2)))]
        container = Container(-1, None, [Proto(("fresh",), p) for p in fresh_paras])
        chapters.insert(at, (-1, fresh(draw, 2, 6), [container]))
        inserted_ids.add(-1)
        script.append(f"insert chapter at {at}")

    new, new_protos, new_numbers = _build(title, history, chapters)
    if draw(st.integers(0, 4)) == 0:
        new = attrs.evolve(new, history=(*history, draw(events())))
        script.append("history")

    # ---- what the diff must report
    def key_old(i: int) -> tuple[int, int]:
        return old.articles[i].key

    new_keys: dict[tuple[Any, ...], tuple[int, int]] = {}
    added: set[tuple[int, int]] = set()
    pairs: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    number_map: dict[str, str] = {}
    citation_map: dict[Citation, Citation] = {}
    for j, proto in enumerate(new_protos):
        key = new.articles[j].key
        for q, origin in enumerate(proto.origins):
            if origin is not None:
                was = Citation(article=old.articles[origin[0]].number, paragraph=origin[1] + 1)
                citation_map[was] = Citation(article=key[0], paragraph=q + 1)
        if proto.origin[0] == "fresh":
            added.add(key)
            continue
        for i in proto.origin[1:] if proto.origin[0] == "merge" else proto.origin[1:2]:
            citation_map.setdefault(
                Citation(article=old.articles[i].number), Citation(article=key[0])
            )
        new_keys[proto.origin] = key
        if proto.origin[0] == "merge":
            for i in proto.origin[1:]:
                pairs.add((key_old(i), key))
                number_map[old.articles[i].label] = new.articles[j].label
        else:
            i = proto.origin[1]
            pairs.add((key_old(i), key))
            number_map.setdefault(old.articles[i].label, new.articles[j].label)
    old_numbers = {cid: cid + 1 for cid in range(len(old.chapters))}
    new_number = dict(new_numbers)
    return (
        old,
        new,
        Truth(
            modified=frozenset((key_old(i), new_keys[("mod", i)]) for i in modified),
            paragraph_edits={new_keys[("mod", i)]: e for i, e in modified.items()},
            added=frozenset(added),
            removed=frozenset(key_old(i) for i in removed),
            moved=frozenset((key_old(i), new_keys[("keep", i)]) for i in moved),
            splits=frozenset(
                (key_old(o[1]), (k, new_keys[("split", o[1], 1)]))
                for o, k in new_keys.items()
                if o[0] == "split" and o[2] == 0
            ),
            merges=frozenset(
                ((key_old(o[1]), key_old(o[2])), k) for o, k in new_keys.items() if o[0] == "merge"
            ),
            pairs=frozenset(pairs),
            number_map=number_map,
            citation_map=dict(sorted(citation_map.items())),
            retitled=frozenset((old_numbers[cid], new_number[cid]) for cid in retitled_ids),
            added_chapters=frozenset(new_number[cid] for cid in inserted_ids),
            renumbered_chapters=frozenset(
                (old_numbers[cid], new_number[cid])
                for cid in old_numbers
                if old_numbers[cid] != new_number[cid]
            ),
            script=tuple(script),
        ),
    )


def _slice_edit(draw: st.DrawFn, text: str) -> str:
    """Replace at most a quarter of *text* (not its final 。) with fresh characters."""
    body = text[:-1]
    width = draw(st.integers(1, max(1, len(body) // 4)))
    start = draw(st.integers(0, len(body) - width))
    replacement = _INK[-1].text(draw(st.integers(1, width)))
    changed = body[:start] + replacement + body[start + width :] + text[-1]
    return (
        changed
        if changed != text
        else body[:start] + "〇" * width + body[start + width :] + text[-1]
    )


def _modify(draw: st.DrawFn, proto: Proto) -> list[tuple[str, int | None, int | None]] | None:
    """Edit *proto* in place; return the paragraph edits expected, or None if none applies."""
    paras = proto.paragraphs
    choices = ["edit", "add_paragraph"]
    if len(paras) >= 2:
        choices.append("remove_paragraph")
    with_items = [n for n, p in enumerate(paras) if p.items]
    choices.append("add_item")
    if with_items:
        choices += ["remove_item", "edit_item"]
    kind = draw(st.sampled_from(choices))
    if kind == "edit":
        n = draw(st.integers(0, len(paras) - 1))
        paras[n] = attrs.evolve(paras[n], text=_slice_edit(draw, paras[n].text))
        return [("changed", n + 1, n + 1)]
    if kind == "add_paragraph":
        at = draw(st.integers(0, len(paras)))
        paras.insert(at, _paragraph(draw, 1))
        proto.origins.insert(at, None)
        return [("added", None, at + 1)]
    if kind == "remove_paragraph":
        n = draw(st.integers(0, len(paras) - 1))
        del paras[n]
        del proto.origins[n]
        return [("removed", n + 1, None)]
    if kind == "add_item":
        n = draw(st.integers(0, len(paras) - 1))
        p = paras[n]
        item = Item(len(p.items) + 1, fresh(draw, 8, min(20, len(p.text))))
        paras[n] = attrs.evolve(p, items=(*p.items, item))
        return [("changed", n + 1, n + 1)]
    n = draw(st.sampled_from(with_items))
    p = paras[n]
    k = draw(st.integers(0, len(p.items) - 1))
    if kind == "remove_item":
        items = [it for m, it in enumerate(p.items) if m != k]
        paras[n] = attrs.evolve(p, items=tuple(Item(m, it.text) for m, it in enumerate(items, 1)))
    else:
        items = list(p.items)
        items[k] = attrs.evolve(items[k], text=_slice_edit(draw, items[k].text))
        paras[n] = attrs.evolve(p, items=tuple(items))
    return [("changed", n + 1, n + 1)]


# --------------------------------------------------------------------------- boilerplate series

#: what near-identical penalty clauses differ in (a real 法律责任 chapter differs in little more)
_SUBJECTS = ("建设单位", "经营者", "运营者", "服务机构")
_DUTIES = ("履行报告义务", "落实安全保护措施", "公开相关信息")
_DEPTS = ("市场监督管理部门", "生态环境主管部门", "数据主管部门")


def _penalty(x: int, subject: str, duty: str, dept: str, low: int, deadline: bool) -> str:
    order = "责令限期改正" if deadline else "责令改正"
    return (
        f"违反本条例第{cn(x)}条规定，{subject}未{duty}的，由{dept}{order}；"
        f"逾期不改正的，处{cn(low)}千元以上{cn(low * 5)}千元以下罚款。"
    )


@attrs.frozen
class Series:
    """What a diff of a boilerplate series must report, by article number."""

    pairs: frozenset[tuple[int, int]]  # (old number, new number) of every surviving clause
    modified: frozenset[tuple[int, int]]
    added: frozenset[int]
    removed: frozenset[int]


@st.composite
def boilerplate(draw: st.DrawFn) -> tuple[Regulation, Regulation, Series]:
    """A regulation whose 法律责任 part is a series of 10 to 40 near-identical penalty clauses
    (``违反本条例第X条规定，…由…责令改正；…处…罚款``), and an amendment that edits them in place
    (an amount raised, a department changed, 责令改正 made 责令限期改正, most of them at once).
    Sometimes articles are inserted before the series, which renumbers every clause and every
    第X条 it cites (衔接性修改); else fresh articles may be inserted among the clauses.  No
    clause is deleted: which of two near-identical clauses went is not in the texts (deleting
    第五条 and keeping 第七条, each with its amount raised, can read, character by character, as
    the other way round).  A clause renumbered may read closer to its old neighbour than to itself
    (第X条 now the neighbour's number, the amount now the neighbour's amount): only its place says
    which it is.  No new clause is word for word another old one."""
    _INK.append(Ink(draw(st.integers(0, 2**32))))
    count = draw(st.integers(10, 40))
    lead = [fresh(draw, 20, 40) for _ in range(draw(st.integers(1, 3)))]
    tail = "本条例自" + fresh(draw, 6, 10)
    clauses = [
        (
            draw(st.sampled_from(_SUBJECTS)),
            draw(st.sampled_from(_DUTIES)),
            draw(st.sampled_from(_DEPTS)),
            draw(st.integers(1, 5)),
        )
        for _ in range(count)
    ]
    shift = draw(st.integers(0, 2))

    def text(k: int, clause: tuple[str, str, str, int], moved: int, deadline: bool) -> str:
        subject, duty, dept, low = clause
        return _penalty(k + 2 + moved, subject, duty, dept, low, deadline)

    old_texts = [*lead, *(text(k, c, 0, False) for k, c in enumerate(clauses)), tail]
    # the new version: (old index or None for a fresh article, text)
    new_items: list[tuple[int | None, str]] = [(0, lead[0])]
    new_items += [(None, fresh(draw)) for _ in range(shift)]
    new_items += [(k, t) for k, t in enumerate(lead[1:], 1)]
    for k, clause in enumerate(clauses):
        if shift == 0 and draw(st.integers(0, 9)) == 0:
            new_items.append((None, fresh(draw)))
        subject, duty, dept, low = clause
        deadline = False
        edit = draw(st.sampled_from(("amount", "dept", "deadline", "amount", "none")))
        if edit == "amount":
            low += 1
        elif edit == "dept":
            dept = _DEPTS[(_DEPTS.index(dept) + 1) % len(_DEPTS)]
        elif edit == "deadline":
            deadline = True
        edited = text(k, (subject, duty, dept, low), shift, deadline)
        if edited in old_texts and edited != old_texts[len(lead) + k]:
            # word for word another old clause (renumbered 第X条, amount raised to its amount):
            # identical texts are one article, whatever their places; make it differ
            edited = text(k, (subject, duty, dept, low), shift, True)
        new_items.append((len(lead) + k, edited))
    new_items.append((len(old_texts) - 1, tail))

    def build(texts: list[str]) -> Regulation:
        arts = tuple(Article(n, 0, (Paragraph(1, t),)) for n, t in enumerate(texts, 1))
        return Regulation("示例条例", body=arts)

    old, new = build(old_texts), build([t for _, t in new_items])
    pairs = {(i + 1, j + 1) for j, (i, _) in enumerate(new_items) if i is not None}
    return (
        old,
        new,
        Series(
            pairs=frozenset(pairs),
            modified=frozenset((i, j) for i, j in pairs if old_texts[i - 1] != new_items[j - 1][1]),
            added=frozenset(j + 1 for j, (i, _) in enumerate(new_items) if i is None),
            removed=frozenset(),
        ),
    )


# --------------------------------------------------------------------------- survivals


@attrs.frozen
class Survival:
    """An old article that now stands inside another: the merge a diff must report."""

    host: tuple[int, int]  # (old number, new number) of the article that took it in
    survivor: int  # its old number
    became: Citation  # where its 款 stands now: a 项 or a 款 of the host
    added: frozenset[int]


@st.composite
def survivals(draw: st.DrawFn) -> tuple[Regulation, Regulation, Survival]:
    """An amendment that folds one article into another, anywhere in the text: its sentence
    becomes the last 项 of the other's list (its 。 now ；) or a new last 款 of it; the rest is
    unchanged but for a fresh article sometimes inserted, and everything is renumbered."""
    _INK.append(Ink(draw(st.integers(0, 2**32))))
    size = draw(st.integers(3, 10))
    host, survivor = draw(st.lists(st.integers(0, size - 1), min_size=2, max_size=2, unique=True))
    articles: list[list[Paragraph]] = []
    for k in range(size):
        if k == survivor:
            articles.append([Paragraph(1, fresh(draw, 12, 24))])
        elif k == host:
            items = tuple(
                Item(n, fresh(draw, 8, 20)) for n in range(1, draw(st.integers(1, 3)) + 1)
            )
            articles.append([Paragraph(1, fresh(draw, 30, 50)[:-1] + "：", items)])
        else:
            articles.append([_paragraph(draw, n) for n in range(1, draw(st.integers(1, 2)) + 1)])
    form = draw(st.sampled_from(("item", "paragraph")))
    sentence = articles[survivor][0].text
    last = articles[host][-1]
    if form == "item":
        item = Item(len(last.items) + 1, sentence[:-1] + "；")
        grown = [*articles[host][:-1], attrs.evolve(last, items=(*last.items, item))]
    else:
        grown = [*articles[host], Paragraph(len(articles[host]) + 1, sentence)]
    new_list: list[tuple[int | None, list[Paragraph]]] = [
        (k, grown if k == host else paras) for k, paras in enumerate(articles) if k != survivor
    ]
    if draw(st.booleans()):
        new_list.insert(draw(st.integers(0, len(new_list))), (None, [_paragraph(draw, 1)]))

    def build(arts: list[list[Paragraph]]) -> Regulation:
        return Regulation(
            "示例条例", body=tuple(Article(n, 0, tuple(p)) for n, p in enumerate(arts, 1))
        )

    old, new = build(articles), build([p for _, p in new_list])
    new_host = next(j for j, (k, _) in enumerate(new_list, 1) if k == host)
    became = (
        Citation(article=new_host, paragraph=len(grown), item=len(grown[-1].items))
        if form == "item"
        else Citation(article=new_host, paragraph=len(grown))
    )
    added = frozenset(j for j, (k, _) in enumerate(new_list, 1) if k is None)
    return old, new, Survival((host + 1, new_host), survivor + 1, became, added)


# --------------------------------------------------------------------------- renumberings


@attrs.frozen
class Renumbering:
    """The references an amendment left behind: for each unit of the new version holding one,
    the reference as written and what it should now say (None when its target is gone)."""

    stale: dict[tuple[Citation, str], str | None]


@st.composite
def renumberings(draw: st.DrawFn) -> tuple[Regulation, Regulation, Renumbering]:
    """A regulation whose 款 cite other articles (``依照本条例第X条[第Y款]的规定``), and an
    amendment that inserts and deletes articles, renumbering the rest; the citing 款 are
    either left as they were (衔接性修改 forgotten: each reference whose target moved is stale)
    or updated (nothing is stale, except a reference to a deleted article)."""
    _INK.append(Ink(draw(st.integers(0, 2**32))))
    size = draw(st.integers(4, 10))
    counts = [draw(st.integers(1, 2)) for _ in range(size)]
    texts = [[fresh(draw) for _ in range(c)] for c in counts]
    cites: dict[tuple[int, int], tuple[int, int | None]] = {}  # (article, 款) -> target
    for k in range(size):
        if draw(st.integers(0, 2)) == 0:
            continue
        target = draw(st.sampled_from([t for t in range(size) if t != k]))
        para = draw(st.integers(0, counts[k] - 1))
        sub = (
            draw(st.integers(1, counts[target]))
            if counts[target] > 1 and draw(st.booleans())
            else None
        )
        cites[k, para] = (target, sub)
    deleted = set(draw(st.lists(st.integers(0, size - 1), max_size=2, unique=True)))
    deleted -= {k for k, _ in cites}  # a citing article stays (its target may go)
    order: list[int | None] = [k for k in range(size) if k not in deleted]
    for _ in range(draw(st.integers(0, 3))):
        order.insert(draw(st.integers(0, len(order))), None)
    number = {k: j for j, k in enumerate(order, 1) if k is not None}
    forget = draw(st.booleans())

    def cite(target: int, sub: int | None, numbering: dict[int, int]) -> str:
        piece = f"第{cn(sub)}款" if sub else ""
        return f"本条例第{cn(numbering[target])}条{piece}"

    def paragraphs(k: int, numbering: dict[int, int]) -> tuple[Paragraph, ...]:
        out = []
        for p, text in enumerate(texts[k]):
            if (k, p) in cites:
                target, sub = cites[k, p]
                where = numbering if target in numbering else {target: target + 1}
                text = text[:-1] + f"，依照{cite(target, sub, where)}的规定处理。"
            out.append(Paragraph(p + 1, text))
        return tuple(out)

    identity = {k: k + 1 for k in range(size)}
    old = Regulation(
        "示例条例", body=tuple(Article(k + 1, 0, paragraphs(k, identity)) for k in range(size))
    )
    body = []
    for j, place in enumerate(order, 1):
        paras: tuple[Paragraph, ...] = (
            (Paragraph(1, fresh(draw)),)
            if place is None
            else paragraphs(place, identity if forget else number)
        )
        body.append(Article(j, 0, paras))
    new = Regulation("示例条例", body=tuple(body))
    stale: dict[tuple[Citation, str], str | None] = {}
    for (k, p), (target, sub) in cites.items():
        written = cite(target, sub, identity)
        at = Citation(article=number[k], paragraph=p + 1)
        if target not in number:
            stale[at, written] = None  # the target was deleted: stale whether updated or not
        elif forget and number[target] != target + 1:
            stale[at, written] = cite(target, sub, number)
    return old, new, Renumbering(stale)


# --------------------------------------------------------------------------- regroupings


@st.composite
def regroupings(draw: st.DrawFn) -> tuple[Regulation, Regulation, dict[Citation, Citation]]:
    """The same fresh 款, in the same order, divided into articles two ways (old 第一条 (A, B)
    and 第二条 (C, D) may become 第一条 (A), 第二条 (B, C), 第三条 (D), or any other cut), and
    where each old 款 now stands: its text is unchanged, so that answer is exact."""
    _INK.append(Ink(draw(st.integers(0, 2**32))))
    texts = [fresh(draw) for _ in range(draw(st.integers(2, 9)))]

    def cut() -> list[list[str]]:
        bounds = sorted(draw(st.sets(st.integers(1, len(texts) - 1), max_size=len(texts) - 1)))
        edges = [0, *bounds, len(texts)]
        return [texts[a:b] for a, b in pairwise(edges)]

    def build(arts: list[list[str]]) -> Regulation:
        body = tuple(
            Article(n, 0, tuple(Paragraph(k, t) for k, t in enumerate(paras, 1)))
            for n, paras in enumerate(arts, 1)
        )
        return Regulation("示例条例", body=body)

    old, new = cut(), cut()
    where = {
        t: Citation(article=n, paragraph=k)
        for n, paras in enumerate(new, 1)
        for k, t in enumerate(paras, 1)
    }
    truth = {
        Citation(article=n, paragraph=k): where[t]
        for n, paras in enumerate(old, 1)
        for k, t in enumerate(paras, 1)
    }
    return build(old), build(new), truth
