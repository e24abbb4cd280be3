"""The Markdown reader at its edges, warnings pinned by code and position (issue 14: each test
here fails under a mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation

HEAD = "# 示例条例\n\n"


def _warnings(reg: Regulation) -> list[tuple[int, int, str, str]]:
    return [(w.line, w.column, w.code, w.message) for w in reg.warnings]


def test_an_inserted_article_follows_its_base_and_the_one_before_it() -> None:
    reg = wdr.parse(HEAD + "第一条 甲。\n\n第一条之一 乙。\n\n第一条之二 丙。\n\n第二条 丁。")
    assert [a.label for a in reg.articles] == ["第一条", "第一条之一", "第一条之二", "第二条"]
    assert _warnings(reg) == []


def test_an_inserted_article_may_not_skip_one() -> None:
    reg = wdr.parse(HEAD + "第一条 甲。\n\n第一条之二 丙。")
    assert _warnings(reg) == [(5, 1, "skipped-number", "expected 第二条, found 第一条之二")]


def test_an_ideographic_space_separates_the_hashes_of_a_heading() -> None:
    for line in ("##\u3000第一章 总则", "##\u3000第一章\u3000总则", "##\u3000\u3000第一章 总则"):
        reg = wdr.parse(HEAD + line + "\n\n第一条 甲。")
        assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则")], line
        assert _warnings(reg) == [], line


def test_chapter_numbers_restart_in_each_编_without_a_warning() -> None:
    reg = wdr.parse(
        HEAD + "## 第一编 总则\n\n### 第一章 一般规定\n\n第一条 甲。\n\n"
        "## 第二编 分则\n\n### 第一章 一般规定\n\n第二条 乙。\n\n### 第二章 其他\n\n第三条 丙。"
    )
    assert [(p.label, [c.label for c in p.chapters]) for p in reg.parts] == [
        ("第一编", ["第一章"]),
        ("第二编", ["第一章", "第二章"]),
    ]
    assert _warnings(reg) == []


def test_chapter_numbers_do_not_restart_without_a_编() -> None:
    reg = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n## 第一章 分则\n\n第二条 乙。")
    assert _warnings(reg) == [(7, 4, "repeated-number", "expected 第二章, found 第一章")]


def test_a_chapter_may_carry_on_across_a_编() -> None:
    # 刑法: chapters run on through the 编 as often as they restart
    reg = wdr.parse(
        HEAD + "## 第一编 总则\n\n### 第一章 甲\n\n第一条 甲。\n\n"
        "## 第二编 分则\n\n### 第二章 乙\n\n第二条 乙。\n\n### 第一章 丙\n\n第三条 丙。"
    )
    assert _warnings(reg) == [(15, 5, "out-of-order", "expected 第三章, found 第一章")]
