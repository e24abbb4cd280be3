"""diff: the alignment rules a legislature's comparison table follows (issue 8, items 15 to 17).

White space is not a change (a heading re-spaced is not retitled); an article that now stands as a
项 or 款 of another is merged into it; a series of near-identical articles each edited in place
aligns one to one, by position and order, however long the series.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Chapter, Citation, Item, Paragraph, Regulation

from .diff_strategies import (
    WHITE_SPACE,
    Series,
    Survival,
    _penalty,
    boilerplate,
    regroupings,
    survivals,
)

# --------------------------------------------------------------------------- 15. spacing


def _chapters(*titles: str) -> Regulation:
    texts = ["为了促进数字化转型，制定本条例。", "本条例自2024年1月1日起施行。"]
    return Regulation(
        "例",
        body=tuple(
            Chapter(n, title, (Article(n, 0, (Paragraph(1, texts[n - 1]),)),))
            for n, title in enumerate(titles, 1)
        ),
    )


@pytest.mark.parametrize("space", WHITE_SPACE)
def test_a_re_spaced_heading_is_not_retitled(space: str) -> None:
    old = _chapters("总则", "附则")
    new = _chapters(f"总{space}则", "附则")
    d = wdr.diff(old, new)
    assert d.heading_changes == ()
    assert d.changes == ()
    assert d.apply(old) == new  # the new spacing is rebuilt exactly
    # nothing else differs: the diff still says the versions differ, as a layout change
    assert bool(d) and [h.field for h in d.header_changes] == ["layout"]
    # the table shows both titles as they are, without a mark
    assert f"| 第一章 总则 | 第一章 总{space}则 |" in d.to_markdown()


def test_a_re_spaced_and_renumbered_heading_is_renumbered_only() -> None:
    old = Regulation(
        "例",
        body=(
            Chapter(
                1, "总则", (Article(1, 0, (Paragraph(1, "为了促进数字化转型，制定本条例。"),)),)
            ),
            Chapter(2, "附则", (Article(2, 0, (Paragraph(1, "本条例自公布之日起施行。"),)),)),
        ),
    )
    inserted = Chapter(2, "措施", (Article(2, 0, (Paragraph(1, "鼓励企业开展数字化改造。"),)),))
    first = old.chapters[0]
    new = Regulation(
        "例",
        body=(
            Chapter(1, "总\u3000则", first.children),
            inserted,
            Chapter(3, "附 则", (Article(3, 0, (Paragraph(1, "本条例自公布之日起施行。"),)),)),
        ),
    )
    d = wdr.diff(old, new)
    kinds = [
        (h.old and h.old.text, h.new and h.new.text, h.retitled, h.renumbered)
        for h in d.heading_changes
    ]
    assert kinds == [
        (None, "第二章 措施", False, False),
        ("第二章 附则", "第三章 附 则", False, True),
    ]
    assert d.counts()["headings_retitled"] == 0


def test_an_article_re_spaced_is_not_changed() -> None:
    old = wdr.parse("# 例\n\n第一条 市人民政府应当加强领导。\n\n第二条 本条例自公布之日起施行。\n")
    new = wdr.parse(
        "# 例\n\n第一条 市人民政府\u3000应当加强领导。\n\n第二条 本条例自公布之日起施行。\n"
    )
    d = wdr.diff(old, new)
    assert d.changes == () and d.apply(old) == new
    assert "| 第一条 市人民政府应当加强领导。 | 同左 |" in d.to_markdown()


def test_real_pairs_show_no_spacing_retitles() -> None:
    # 行政复议法 2023 prints 总 则 and 附 则; company law 2023 prints 设 立 (real layouts)
    from .test_diff import _pair

    old, new = _pair("administrative-reconsideration-law")
    d = wdr.diff(old, new)
    assert not [h for h in d.heading_changes if h.retitled]
    titles = {(h.old.title, h.new.title) for h in d.heading_changes if h.old and h.new}
    assert ("总则", "总 则") not in titles


# --------------------------------------------------------------------------- 16. survivals

_HOST = "县级以上人民政府应当履行下列职责："
_ITEMS = ("统筹推进数字基础设施建设；", "组织实施数字化转型重大项目；")
_FILLER = (
    "为了促进数字化转型，推动经济社会高质量发展，根据有关法律、行政法规，制定本条例。",
    "本条例适用于本市行政区域内数字化转型及其相关促进、保障等活动。",
    "数字化转型应当坚持统筹规划、创新引领、安全可控、开放共享的原则。",
    "鼓励社会资本参与数字化转型项目的投资、建设和运营，依法保护其合法权益。",
)
_SURVIVOR = "建立健全数字化转型工作考核评价机制，定期通报工作进展。"


def _survival_pair(form: str) -> tuple[Regulation, Regulation]:
    host = Article(1, 0, (Paragraph(1, _HOST, tuple(Item(n, t) for n, t in enumerate(_ITEMS, 1))),))
    body = [host, *(Article(n, 0, (Paragraph(1, t),)) for n, t in enumerate(_FILLER, 2))]
    old = Regulation("例", body=(*body, Article(6, 0, (Paragraph(1, _SURVIVOR),))))
    para = host.paragraphs[0]
    grown: tuple[Paragraph, ...]
    if form == "item":
        grown = (attrs.evolve(para, items=(*para.items, Item(3, _SURVIVOR[:-1] + "；"))),)
    else:
        grown = (para, Paragraph(2, _SURVIVOR))
    new = Regulation("例", body=(attrs.evolve(host, paragraphs=grown), *body[1:]))
    return old, new


@pytest.mark.parametrize(
    ("form", "became"),
    [
        ("item", Citation(article=1, paragraph=1, item=3)),
        ("paragraph", Citation(article=1, paragraph=2)),
    ],
)
def test_an_article_that_survives_inside_another_is_merged_into_it(
    form: str, became: Citation
) -> None:
    # 第六条 now stands as a 项 (or a 款) of 第一条, four articles away: merged, not removed
    old, new = _survival_pair(form)
    d = wdr.diff(old, new)
    (merge,) = d.merges
    assert [a.number for a in merge.old] == [1, 6] and merge.new.number == 1
    assert not any(c.removed or c.added for c in d.changes)
    assert d.number_map["第六条"] == "第一条"
    assert d.citation_map[Citation(article=6, paragraph=1)] == became
    assert d.follow(Citation(article=6)) == (became,)
    assert d.follow(Citation(article=1)) == (Citation(article=1),)
    assert d.apply(old) == new
    # the table puts the survivor in the host's row
    assert any(len(row.old) == 2 for row in d.rows)


def test_a_lookalike_far_away_is_not_merged() -> None:
    # an article removed whose text merely resembles one 项 (under 80% of it is there) is removed
    old, new = _survival_pair("item")
    other = "建立数字化转型统计监测制度，按年度发布本市数字经济发展报告。"
    old = attrs.evolve(old, body=(*old.body[:-1], Article(6, 0, (Paragraph(1, other),))))
    d = wdr.diff(old, new)
    assert d.merges == ()
    assert [c.old.label for c in d.changes if c.removed and c.old] == ["第六条"]


@given(survivals())
def test_survivals_are_merges(case: tuple[Regulation, Regulation, Survival]) -> None:
    old, new, truth = case
    d = wdr.diff(old, new)
    assert d.apply(old) == new
    merges = {(tuple(a.number for a in m.old), m.new.number) for m in d.merges}
    assert merges == {(tuple(sorted((truth.host[0], truth.survivor))), truth.host[1])}
    assert not any(c.removed for c in d.changes)
    assert {c.new.number for c in d.changes if c.added and c.new} == truth.added
    assert d.citation_map[Citation(article=truth.survivor, paragraph=1)] == truth.became
    assert d.follow(Citation(article=truth.survivor)) == (truth.became,)


@given(regroupings())
def test_every_paragraph_regrouped_is_followed_to_where_it_stands(
    case: tuple[Regulation, Regulation, dict[Citation, Citation]],
) -> None:
    # the same 款 divided into articles anew: each is followed to its unchanged text, whatever
    # the aligner calls the articles (split, merged, added, deleted)
    old, new, truth = case
    d = wdr.diff(old, new)
    assert d.apply(old) == new
    assert {cite: d.follow(cite) for cite in truth} == {c: (t,) for c, t in truth.items()}
    assert {c: t for c, t in d.citation_map.items() if c.paragraph} == truth


# --------------------------------------------------------------------------- 17. boilerplate


def _series(count: int, *, edited: bool, inserted: int = 0) -> Regulation:
    lead = ["为了规范数字化转型促进工作，根据有关法律、行政法规，结合本市实际，制定本条例。"]
    lead += ["本条例所称数字化转型，是指运用数字技术推动经济社会全面变革的过程。"] * (inserted > 0)
    # edited: the amounts raised; with an article inserted before them, each clause cites its
    # 第X条 renumbered, and so reads closer to the next old clause than to its own old text:
    # only its place says which it is
    low = [1 + k % 3 + 3 * edited for k in range(count)]
    clauses = [
        _penalty(k + 2 + inserted, "经营者", "履行报告义务", "有关主管部门", low[k], False)
        for k in range(count)
    ]
    texts = [*lead, *clauses, "本条例自2024年1月1日起施行。"]
    return Regulation(
        "例", body=tuple(Article(n, 0, (Paragraph(1, t),)) for n, t in enumerate(texts, 1))
    )


@pytest.mark.parametrize("count", [10, 30, 60])
@pytest.mark.parametrize("inserted", [0, 1])
def test_penalty_clauses_edited_in_place_align_one_to_one(count: int, inserted: int) -> None:
    # before: ten came out as a four-way split plus removals; from about thirty every clause
    # was removed and added (a cap on shared n-grams)
    old, new = _series(count, edited=False), _series(count, edited=True, inserted=inserted)
    d = wdr.diff(old, new)
    assert d.splits == () and d.merges == ()
    assert [c.new.number for c in d.changes if c.added and c.new] == ([2] if inserted else [])
    assert not any(c.removed for c in d.changes)
    edited = [(c.old.number, c.new.number) for c in d.changes if c.text_changed and c.old and c.new]
    assert edited == [(k, k + inserted) for k in range(2, count + 2)]
    assert d.counts()["text_changed"] == count
    assert d.apply(old) == new


@given(boilerplate())
def test_boilerplate_series_align_one_to_one(case: tuple[Regulation, Regulation, Series]) -> None:
    old, new, truth = case
    d = wdr.diff(old, new)
    assert d.apply(old) == new
    assert d.splits == () and d.merges == ()
    number = {a.label: a.number for a in (*old.articles, *new.articles)}
    assert {(number[o], number[n]) for o, n in d.number_map.items()} == truth.pairs
    assert {
        (c.old.number, c.new.number) for c in d.changes if c.text_changed and c.old and c.new
    } == truth.modified
    assert {c.new.number for c in d.changes if c.added and c.new} == truth.added
    assert {c.old.number for c in d.changes if c.removed and c.old} == truth.removed
    assert not any(c.moved for c in d.changes)
