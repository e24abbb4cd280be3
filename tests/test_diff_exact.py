"""Diffs pinned to exact values (issue 14: each test here fails under a mutant the rest of the
suite let live; docs/mutation.md)."""

from __future__ import annotations

import wuxi_dt_regulation as wdr

HEAD = "# 示例条例\n\n"


def test_a_change_of_the_之N_suffix_alone_is_a_renumbering() -> None:
    # 第三条之一 becomes 第三条之二 when a new 第三条之一 is inserted before it: same number 3
    old = wdr.parse(HEAD + "第三条 甲。\n\n第三条之一 乙。\n\n第四条 丁。")
    new = wdr.parse(HEAD + "第三条 甲。\n\n第三条之一 新增。\n\n第三条之二 乙。\n\n第四条 丁。")
    d = wdr.diff(old, new)
    assert [repr(c) for c in d.changes] == [
        "<ArticleChange - -> 第三条之一 added>",
        "<ArticleChange 第三条之一 -> 第三条之二 renumbered>",
    ]
    assert [(c.added, c.renumbered, c.text_changed, c.moved) for c in d.changes] == [
        (True, False, False, False),
        (False, True, False, False),
    ]
    assert dict(d.number_map) == {
        "第三条": "第三条",
        "第三条之一": "第三条之二",
        "第四条": "第四条",
    }


def test_the_same_suffix_is_no_renumbering() -> None:
    old = wdr.parse(HEAD + "第三条 甲。\n\n第三条之一 乙。")
    new = wdr.parse(HEAD + "第三条 甲。\n\n第三条之一 乙，改。")
    (change,) = wdr.diff(old, new).changes
    assert (repr(change), change.renumbered, change.text_changed) == (
        "<ArticleChange 第三条之一 -> 第三条之一 text_changed>",
        False,
        True,
    )


def test_the_comparison_table_and_the_summary_of_a_small_amendment() -> None:
    old = wdr.parse(HEAD + "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。")
    new = wdr.parse(HEAD + "第一条 甲。\n\n第二条 新增。\n\n第三条 乙。\n\n第四条 丙，改。")
    d = wdr.diff(old, new)
    # the right column says 同左 for what is unchanged, with the new label when renumbered
    assert d.to_markdown() == (
        "# 《示例条例》修正前后对照表\n\n"
        "| 修正前 | 修正后 |\n|---|---|\n"
        "| 第一条 甲。 | 同左 |\n"
        "|  | 第二条 **新增。** |\n"
        "| 第二条 乙。 | 第三条 同左 |\n"
        "| 第三条 丙。 | 第四条 丙**，改**。 |\n"
    )
    assert d.to_text() == (
        "《示例条例》 -> 《示例条例》\n"
        "  added                1\n  removed              0\n  text changed         1\n"
        "  renumbered           2\n  moved                0\n  split                0\n"
        "  merged               0\n  headings added       0\n  headings removed     0\n"
        "  headings retitled    0\n  headings renumbered  0\n  header               0\n"
        "- -> 第二条: added\n"
        "第二条 -> 第三条: renumbered\n"
        "第三条 -> 第四条: text changed, renumbered (1 款 changed)\n"
    )
