"""diff: where each old unit went (``citation_map``, ``follow``; issue 8 item 14) and the
references left pointing at old numbers (``stale_references``; issue 9 item 3, 衔接性修改).

The real test of ``stale_references`` is the legislatures' own 衔接性修改: in three of the real
version pairs, 款 whose only change is the numbers they cite (立法法 2015 第七十三条第三款 ``本法第
七十二条第二款`` became 2023 第八十二条第三款 ``本法第八十一条第一款``).  Putting the old wording
back into the new version makes a text whose drafter forgot them; the diff must find every one,
and its rewrite must give back, character for character, what the legislature wrote.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, Regulation
from wuxi_dt_regulation._diff.patch import map_articles
from wuxi_dt_regulation._diff.spacing import squash

from .conftest import version_pairs
from .diff_strategies import Renumbering, renumberings
from .test_diff import _pair

C = Citation

# --------------------------------------------------------------------------- 14. citation_map


def test_a_split_maps_each_paragraph_to_its_piece() -> None:
    # 立法法 2015 第七十二条 (six 款) became 2023 第八十条 (its first 款) and 第八十一条 (the rest)
    old, new = _pair("legislation-law")
    d = wdr.diff(old, new)
    assert d.number_map["第七十二条"] == "第八十条"
    assert d.citation_map[C(article=72)] == C(article=80)
    assert [d.citation_map[C(article=72, paragraph=p)] for p in range(1, 7)] == [
        C(article=80, paragraph=1),
        *(C(article=81, paragraph=p) for p in range(1, 6)),
    ]
    assert d.follow(C(article=72)) == (C(article=80), C(article=81))
    assert d.follow(C(article=72, paragraph=2)) == (C(article=81, paragraph=1),)
    # a titled citation is answered with the new title
    titled = C(title=old.title, article=72, paragraph=2)
    assert d.follow(titled) == (C(title=new.title, article=81, paragraph=1),)


def test_real_pairs_pinned_by_hand() -> None:
    # 行政复议法 2017 -> 2023: 第七条 (一并提出对规定的审查申请) is 第十三条 (附带审查申请);
    # 第二十三条 (七日内将申请书副本发送被申请人) is 第四十八条; the chapters 行政复议申请 and 行政复议受理
    # moved up one (第二章 行政复议范围 is gone)
    old, new = _pair("administrative-reconsideration-law")
    d = wdr.diff(old, new)
    assert d.follow(C(article=7)) == (C(article=13),)
    assert d.follow(C(article=23)) == (C(article=48),)
    assert d.follow(C(chapter=3)) == (C(chapter=2),)
    assert d.follow(C(chapter=4)) == (C(chapter=3),)
    assert d.follow(C(chapter=2)) == ()
    # 民事诉讼法 2021 第一百九十八条 printed its two sentences as two 款; 2023 第二百零二条 as one
    old, new = _pair("civil-procedure-law")
    d = wdr.diff(old, new)
    assert d.follow(C(article=198, paragraph=2)) == (C(article=202, paragraph=1),)
    assert d.follow(C(article=198)) == (C(article=202),)
    assert d.follow(C(article=157, paragraph=1, item=3)) == (C(article=157, paragraph=1, item=3),)


def test_items_follow_their_paragraph() -> None:
    old = wdr.parse(
        "# 例\n\n第一条 县级以上人民政府应当履行下列职责：\n\n（一）统筹推进数字基础设施建设；\n\n"
        "（二）组织实施数字化转型重大项目；\n\n（三）建立健全考核评价机制。\n"
    )
    new = wdr.parse(
        "# 例\n\n第一条 县级以上人民政府应当履行下列职责：\n\n（一）制定数字化转型发展规划；\n\n"
        "（二）统筹推进数字基础设施建设；\n\n（三）组织实施数字化转型重大项目；\n\n"
        "（四）建立健全考核评价机制。\n"
    )
    d = wdr.diff(old, new)
    assert [d.follow(C(article=1, paragraph=1, item=k)) for k in (1, 2, 3)] == [
        (C(article=1, paragraph=1, item=k),) for k in (2, 3, 4)
    ]
    # the single-款 form of a 项 citation is completed first
    assert d.follow(C(article=1, item=1)) == (C(article=1, paragraph=1, item=2),)


def test_follow_refuses_what_is_not_a_citation_of_the_old_version() -> None:
    d = wdr.diff(wdr.load(), wdr.load())
    with pytest.raises(TypeError, match=r"follow\(\) takes a Citation, not str"):
        d.follow("第一条")  # type: ignore[arg-type]
    with pytest.raises(wdr.CitationError, match="names 《中华人民共和国数据安全法》"):
        d.follow(C(title="中华人民共和国数据安全法", article=1))
    assert d.follow(C(article=999)) == ()
    assert d.follow(C(article=35, paragraph=2)) == (C(article=35, paragraph=2),)


def test_citation_map_survives_json() -> None:
    old, new = _pair("legislation-law")
    d = wdr.diff(old, new)
    back = wdr.from_json(wdr.to_json(d), wdr.RegulationDiff)
    assert dict(back.citation_map) == dict(d.citation_map)
    assert back.stale_references() == d.stale_references()


# --------------------------------------------------------------------------- stale references

_OLD = """# 示例条例

第一条 为了促进数字化转型，根据有关法律、法规，制定本条例。

第二条 市人民政府应当加强对数字化转型工作的领导，建立协调机制。

第三条 数据主管部门负责统筹推进本市数字化转型工作，制定发展规划。

有关部门应当按照各自职责做好数字化转型促进工作，定期报告进展。

第四条 违反本条例第二条规定的，由上级机关责令改正；违反本条例第三条第二款规定的，依法处理。

第五条 依照本条例第二条至第四条规定作出的决定，应当公开；本条第二款另有规定的除外。

前款规定的决定，依照本条例第三条或者第四条的规定备案。

第六条 本条例自2024年1月1日起施行。
"""

# an article inserted after 第一条, and 第三条 split in two: everything after moves
_NEW = """# 示例条例

第一条 为了促进数字化转型，根据有关法律、法规，制定本条例。

第二条 本条例所称数字化转型，是指运用数字技术推动经济社会全面变革的过程。

第三条 市人民政府应当加强对数字化转型工作的领导，建立协调机制。

第四条 数据主管部门负责统筹推进本市数字化转型工作，制定发展规划。

第五条 有关部门应当按照各自职责做好数字化转型促进工作，定期报告进展。

第六条 违反本条例第二条规定的，由上级机关责令改正；违反本条例第三条第二款规定的，依法处理。

第七条 依照本条例第二条至第四条规定作出的决定，应当公开；本条第二款另有规定的除外。

前款规定的决定，依照本条例第三条或者第四条的规定备案。

第八条 本条例自2024年1月1日起施行。
"""


def test_stale_references_after_a_renumbering_and_a_split() -> None:
    d = wdr.diff(wdr.parse(_OLD), wdr.parse(_NEW))
    got = [(str(s.at), str(s.old_at), s.match.text, s.replacement) for s in d.stale_references()]
    assert got == [
        ("第六条第一款", "第四条第一款", "本条例第二条", "本条例第三条"),
        # old 第三条第二款 is now 第五条, an article of one 款: cited as the article
        ("第六条第一款", "第四条第一款", "本条例第三条第二款", "本条例第五条"),
        # a range stays a range when its targets still run without a gap (3, 4 and 5, 6)
        ("第七条第一款", "第五条第一款", "本条例第二条至第四条", "本条例第三条至第六条"),
        # the split article is cited by both pieces, and 或者 stays 或者
        (
            "第七条第二款",
            "第五条第二款",
            "本条例第三条或者第四条",
            "本条例第四条、第五条或者第六条",
        ),
    ]
    (first, *_) = d.stale_references()
    assert first.text == (
        "违反本条例第三条规定的，由上级机关责令改正；违反本条例第三条第二款规定的，依法处理。"
    )
    assert first.old == wdr.CitationList((C(article=2),))
    assert first.new == wdr.CitationList((C(article=3),))
    # 本条第二款 still points into its own article, 前款 names no number: neither is stale


def test_relative_references_keep_their_head() -> None:
    old = wdr.parse(
        "# 例\n\n第一条 甲乙丙丁戊己庚辛壬癸子丑寅卯。\n\n天地玄黄宇宙洪荒日月盈昃。\n\n"
        "依照本条第二款的规定处理。\n"
    )
    new = wdr.parse(
        "# 例\n\n第一条 甲乙丙丁戊己庚辛壬癸子丑寅卯。\n\n辰宿列张寒来暑往秋收冬藏。\n\n"
        "天地玄黄宇宙洪荒日月盈昃。\n\n依照本条第二款的规定处理。\n"
    )
    (stale,) = wdr.diff(old, new).stale_references()
    assert (stale.match.text, stale.replacement) == ("本条第二款", "本条第三款")
    assert str(stale.at) == "第一条第四款" and str(stale.old_at) == "第一条第三款"


def test_a_reference_to_a_deleted_article_has_no_rewrite() -> None:
    old = wdr.parse(
        "# 例\n\n第一条 甲乙丙丁戊己庚辛壬癸子丑寅卯。\n\n第二条 天地玄黄宇宙洪荒日月盈昃。\n\n"
        "第三条 违反本条例第二条规定的，责令改正。\n"
    )
    new = wdr.parse(
        "# 例\n\n第一条 甲乙丙丁戊己庚辛壬癸子丑寅卯。\n\n第二条 违反本条例第二条规定的，责令改正。\n"
    )
    (stale,) = wdr.diff(old, new).stale_references()
    assert (stale.match.text, stale.new, stale.replacement, stale.text) == (
        "本条例第二条",
        None,
        None,
        None,
    )


def test_nothing_is_stale_when_nothing_moved_or_everything_was_updated() -> None:
    reg = wdr.load()
    assert wdr.diff(reg, reg).stale_references() == ()
    assert wdr.diff(wdr.parse(_OLD), wdr.parse(_OLD)).stale_references() == ()
    updated = _NEW.replace("违反本条例第二条", "违反本条例第三条")
    d = wdr.diff(wdr.parse(_OLD), wdr.parse(updated))
    assert "第六条第一款" not in {str(s.at) for s in d.stale_references()}  # its text changed


_ORDINAL = re.compile(
    r"第[〇零一二三四五六七八九十百千万两]+[条款项目](之[一二三四五六七八九十]+)?"
)


def _legislature_rewrites(
    old: Regulation, new: Regulation
) -> dict[tuple[tuple[int, int], int, int | None], tuple[str, str]]:
    """The units (新 article key, 款 index, 项 index) whose only change is the numbers they cite:
    old wording and new wording."""
    d = wdr.diff(old, new)
    found: dict[tuple[tuple[int, int], int, int | None], tuple[str, str]] = {}
    for was in d.citation_map:
        if was.level != "paragraph":
            continue
        (now,) = d.follow(was)
        if now.level != "paragraph":
            continue
        para = old.article((was.article, was.suffix)).paragraphs[was.paragraph - 1]  # type: ignore[arg-type,operator]
        twin = new.article((now.article, now.suffix)).paragraphs[now.paragraph - 1]  # type: ignore[arg-type,operator]
        key = (now.article, now.suffix)
        pairs: list[tuple[str, str, int | None]] = [(para.text, twin.text, None)]
        if len(para.items) == len(twin.items):
            pairs += [
                (a.text, b.text, k)
                for k, (a, b) in enumerate(zip(para.items, twin.items, strict=True))
            ]
        for a, b, k in pairs:
            same = _ORDINAL.sub("#", squash(a)) == _ORDINAL.sub("#", squash(b))
            if a != b and same:
                found[key, now.paragraph - 1, k] = (a, b)  # type: ignore[index,operator]
    return found


def _forget(
    new: Regulation, rewrites: dict[tuple[tuple[int, int], int, int | None], tuple[str, str]]
) -> Regulation:
    def put_back(article: wdr.Article) -> wdr.Article:
        paras = list(article.paragraphs)
        for (key, p, k), (was, _) in rewrites.items():
            if key != article.key:
                continue
            if k is None:
                paras[p] = attrs.evolve(paras[p], text=was)
            else:
                items = list(paras[p].items)
                items[k] = attrs.evolve(items[k], text=was)
                paras[p] = attrs.evolve(paras[p], items=tuple(items))
        return attrs.evolve(article, paragraphs=tuple(paras))

    return attrs.evolve(new, body=map_articles(new.body, put_back))


@pytest.mark.parametrize(
    ("name", "count"),
    [("civil-procedure-law", 6), ("company-law", 3), ("legislation-law", 8)],
)
def test_the_legislatures_own_rewrites_are_found_and_reproduced(name: str, count: int) -> None:
    old, new = _pair(name)
    rewrites = _legislature_rewrites(old, new)
    assert len(rewrites) == count
    forgot = _forget(new, rewrites)
    stale = wdr.diff(old, forgot).stale_references()
    by_unit: dict[tuple[tuple[int, int], int, int | None], list[wdr.StaleReference]] = {}
    for s in stale:
        assert s.at.article is not None and s.at.paragraph is not None
        k = None
        if s.at.item is not None:
            items = new.article((s.at.article, s.at.suffix)).paragraphs[s.at.paragraph - 1].items
            k = [i.number for i in items].index(s.at.item)
        by_unit.setdefault(((s.at.article, s.at.suffix), s.at.paragraph - 1, k), []).append(s)
    assert set(by_unit) == set(rewrites)  # every one found, nothing else
    for unit, found in by_unit.items():
        text = rewrites[unit][0]
        for s in sorted(found, key=lambda s: -s.match.start):
            assert s.replacement is not None
            text = text[: s.match.start] + s.replacement + text[s.match.end :]
        assert text == rewrites[unit][1]
    # and the real new version, where the legislature made them, has none of them
    assert not {str(s.at) for s in wdr.diff(old, new).stale_references()} & {
        str(s.at) for s in stale
    }


def test_legislation_law_rewrites_pinned() -> None:
    old, new = _pair("legislation-law")
    stale = wdr.diff(old, _forget(new, _legislature_rewrites(old, new))).stale_references()
    got = {(str(s.at), s.match.text, s.replacement) for s in stale}
    assert {
        # 第七十二条 split: its 第二款 is now the first 款 of 第八十一条
        ("第八十二条第三款", "本法第七十二条第二款", "本法第八十一条第一款"),
        ("第八十一条第四款", "本条第二款", "本条第一款"),
        ("第十二条第一款", "本法第八条", "本法第十一条"),
    } <= got


@given(renumberings())
def test_stale_references_of_any_renumbering(
    case: tuple[Regulation, Regulation, Renumbering],
) -> None:
    old, new, truth = case
    d = wdr.diff(old, new)
    got = {(s.at, s.match.text): s.replacement for s in d.stale_references()}
    assert got == truth.stale
    for s in d.stale_references():
        unit = new.article((s.at.article, s.at.suffix)).paragraphs[s.at.paragraph - 1]  # type: ignore[arg-type,operator]
        assert unit.text[s.match.start : s.match.end] == s.match.text
        if s.replacement is not None:
            assert s.text == unit.text[: s.match.start] + s.replacement + unit.text[s.match.end :]
            # the rewrite reads back as the new targets
            (found,) = [
                m
                for m in wdr.find_citations(s.text, regulation=new, at=s.at)
                if m.start == s.match.start
            ]
            assert found.citations == tuple(s.new.expand(new)) if s.new else ()


def test_paragraph_citations_in_a_changed_unit_are_not_read() -> None:
    # the drafter rewrote the 款: its numbers are the new ones, even those that look old
    old = wdr.parse(_OLD)
    new = wdr.parse(_NEW.replace("由上级机关责令改正", "由上级机关责令限期改正"))
    assert "第六条第一款" not in {str(s.at) for s in wdr.diff(old, new).stale_references()}


@pytest.mark.parametrize("name", [p[0].parent.name for p in version_pairs()])
def test_consolidated_texts_leave_nothing_stale(name: str) -> None:
    # a text republished after an amendment carries its 衔接性修改: nothing is left, either way
    old, new = _pair(name)
    assert wdr.diff(old, new).stale_references() == ()
    assert wdr.diff(new, old).stale_references() == ()
