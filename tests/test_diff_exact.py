"""Diffs pinned to exact values (issue 14: each test here fails under a mutant the rest of the
suite let live; docs/mutation.md)."""

from __future__ import annotations

import pytest

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


def test_the_fingerprint_of_a_version_is_what_earlier_releases_printed() -> None:
    """The fingerprint names a version in messages across releases (a field added later counts
    only when set): the seed's and a small text's, as the release that introduced it printed
    them (8820204), and one character of text changes it."""
    seed = wdr.load()
    assert wdr.diff(seed, seed).fingerprint == "8331218b4b5dd3e8995c"
    small = wdr.parse("# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n")
    assert wdr.diff(small, small).fingerprint == "7eaae9424843430e5334"
    other = wdr.parse("# 示例条例\n\n第一条 甲。\n\n第二条 丙。\n")
    assert wdr.diff(other, other).fingerprint != "7eaae9424843430e5334"


_OLD = "# 示例条例\n\n前言。\n\n第一条 甲。\n\n第二条 乙。\n"


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("# 其他条例\n\n前言。\n\n第一条 甲。\n\n第二条 乙。\n", "the title differs"),
        ("# 示例条例\n\n前言。\n\n第一条 甲。\n\n第二条 丙。\n", "第二条 differs"),
        (
            "# 示例条例\n\n前言。\n\n第一条 甲。\n\n第三条 乙。\n",
            "第三条 stands where 第二条 did",
        ),
        ("# 示例条例\n\n前言。\n\n第一条 甲。\n", "it has 1 article, not 2"),
        (
            "# 示例条例\n\n前言。\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n",
            "it has 3 articles, not 2",
        ),
        (
            "# 示例条例\n\n序言。\n\n第一条 甲。\n\n第二条 乙。\n",
            "the text outside the articles differs",
        ),
    ],
)
def test_apply_to_another_version_says_where_it_first_differs(given: str, why: str) -> None:
    """The PatchError names both fingerprints and the first difference, in a few words."""
    old = wdr.parse(_OLD)
    new = wdr.parse(_OLD.replace("乙。", "乙丁。"))
    other = wdr.parse(given)
    d = wdr.diff(old, new)
    with pytest.raises(wdr.PatchError) as caught:
        d.apply(other)
    assert str(caught.value) == (
        f"this diff was made from a version of 《示例条例》 with fingerprint {d.fingerprint}; it "
        f"cannot be applied to 《{other.title}》 (fingerprint "
        f"{wdr.diff(other, other).fingerprint}): {why}"
    )


_C = "有关部门应当按照各自职责做好数字化转型促进的相关工作。"
_SPLIT = (
    "# 例\n\n第一条 违反本条例第二条规定的，责令改正并处罚款。\n\n"
    "第二条 县级以上人民政府应当加强对数字化转型工作的领导，建立健全协调机制。\n\n"
    "市发展改革部门负责统筹推进数字经济发展规划的编制和实施工作。\n\n{tail}\n"
)
_SUBITEMS = (
    "# 例\n\n第一条 有下列情形之一的，依法处理：\n\n（一）子子子子子子子子：\n\n{new}"
    "{first}．甲甲甲甲甲甲；\n\n{last}．有第1目情形的。\n\n（二）丑丑丑丑丑丑。\n\n第二条 乙。\n\n"
    "第三条 违反第一条第一项第2目规定。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # a bare 第二款 hangs from the article it stands in
            "# 例\n\n第一条 甲甲甲甲甲甲甲甲。\n\n乙乙乙乙乙乙乙乙乙。\n\n违反第二款规定的，责令改正。\n",
            "# 例\n\n第一条 甲甲甲甲甲甲甲甲。\n\n新新新新新新新新新新。\n\n乙乙乙乙乙乙乙乙乙。\n\n"
            "违反第二款规定的，责令改正。\n",
            [("第一条第四款", "第二款", "第三款")],
        ),
        (  # a bare 第一项 hangs from the 款 it stands in
            "# 例\n\n第一条 有下列情形之一的，依法处理：\n\n（一）子子子子子子子子；\n\n"
            "（二）有第一项情形且情节严重的。\n\n乙乙乙乙乙乙乙乙乙。\n",
            "# 例\n\n第一条 有下列情形之一的，依法处理：\n\n（一）新新新新新新新新新；\n\n"
            "（二）子子子子子子子子；\n\n（三）有第一项情形且情节严重的。\n\n乙乙乙乙乙乙乙乙乙。\n",
            [("第一条第一款第三项", "第一项", "第二项")],
        ),
        (  # a bare 第二款 in an inserted article (之一) hangs from that article, suffix and all
            "# 例\n\n第一条 甲。\n\n第一条之一 甲甲甲甲甲甲甲甲。\n\n乙乙乙乙乙乙乙乙乙。\n\n"
            "违反第二款规定的，责令改正。\n",
            "# 例\n\n第一条 甲。\n\n第一条之一 甲甲甲甲甲甲甲甲。\n\n新新新新新新新新新新。\n\n"
            "乙乙乙乙乙乙乙乙乙。\n\n违反第二款规定的，责令改正。\n",
            [("第一条之一第四款", "第二款", "第三款")],
        ),
        (  # a bare 第1目 hangs from the 项 it stands in, and a 目 is Arabic in the statute style
            _SUBITEMS.format(new="", first=1, last=2),
            _SUBITEMS.format(new="1．新新新新新新新新；\n\n", first=2, last=3),
            [
                ("第一条第一款第一项第3目", "第1目", "第2目"),
                ("第三条第一款", "第一条第一项第2目", "第一条第一项第3目"),
            ],
        ),
        (  # the academic style's Arabic numbers stay Arabic
            "# 例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 违反第1条、第2条规定的。\n",
            "# 例\n\n第一条 新新新新新新新。\n\n第二条 甲。\n\n第三条 乙。\n\n"
            "第四条 违反第1条、第2条规定的。\n",
            [("第四条第一款", "第1条、第2条", "第2条、第3条")],
        ),
        (  # a bare 第二款 whose 款 became an article of its own (之一): written whole
            "# 例\n\n第一条 甲甲甲甲甲甲甲甲甲甲。\n\n乙乙乙乙乙乙乙乙乙乙乙。\n\n丁丁丁丁丁丁丁丁丁丁。\n\n"
            "违反第二款规定的，责令改正并处罚款。\n\n第二条 丙丙丙丙丙丙丙丙。\n",
            "# 例\n\n第一条 甲甲甲甲甲甲甲甲甲甲。\n\n违反第二款规定的，责令改正并处罚款。\n\n"
            "第一条之一 乙乙乙乙乙乙乙乙乙乙乙。\n\n丁丁丁丁丁丁丁丁丁丁。\n\n第二条 丙丙丙丙丙丙丙丙。\n",
            [("第一条第二款", "第二款", "第一条之一第一款")],
        ),
        (  # an article split in two: the 款 that make up a whole new article are that article
            _SPLIT.format(tail=f"{_C}\n\n第三条 丙丙丙丙丙丙丙丙。"),
            _SPLIT.format(tail=f"第三条 {_C}\n\n第四条 丙丙丙丙丙丙丙丙。"),
            [("第一条第一款", "本条例第二条", "本条例第二条和第三条")],
        ),
        (  # a 款 that became the only 款 of an article is cited as the article
            _SPLIT.format(tail=f"{_C}\n\n第三条 丙丙丙丙丙丙丙丙。").replace(
                "第二条规定", "第二条第三款规定"
            ),
            _SPLIT.format(tail=f"第三条 {_C}\n\n第四条 丙丙丙丙丙丙丙丙。").replace(
                "第二条规定", "第二条第三款规定"
            ),
            [("第一条第一款", "本条例第二条第三款", "本条例第三条")],
        ),
        (  # and full-width ones full-width
            "# 例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 违反第１条、第２条规定的。\n",
            "# 例\n\n第一条 新新新新新新新。\n\n第二条 甲。\n\n第三条 乙。\n\n"
            "第四条 违反第１条、第２条规定的。\n",
            [("第四条第一款", "第１条、第２条", "第２条、第３条")],
        ),
    ],
)
def test_a_bare_relative_unit_goes_stale_with_the_unit_it_stands_in(
    old: str, new: str, expected: list[tuple[str, str, str]]
) -> None:
    stale = wdr.diff(wdr.parse(old), wdr.parse(new)).stale_references()
    assert [(str(s.at), s.match.text, s.replacement) for s in stale] == expected


_A, _B, _C = (ch * 13 + "。" for ch in "甲乙丙")


def _follow(old: str, new: str, *cited: str) -> list[list[str]]:
    d = wdr.diff(wdr.parse(f"# 例\n\n{old}\n"), wdr.parse(f"# 例\n\n{new}\n"))
    return [[str(c) for c in d.follow(wdr.parse_citation(text))] for text in cited]


def test_a_lost_paragraph_is_found_at_the_similarity_threshold_and_not_below() -> None:
    # the two 款 swap places: the script pairs 第一款 with the new 第二款, and the old 第二款 is
    # looked for among the 款 left: 子丑甲乙丙。 is exactly 0.5 alike (子丑 and 。), one more
    # character makes it less
    old = f"第一条 {_A}\n\n子丑寅卯辰。"
    assert _follow(old, f"第一条 子丑甲乙丙。\n\n{_A}", "第一条第一款", "第一条第二款") == [
        ["第一条第二款"],
        ["第一条第一款"],
    ]
    assert _follow(old, f"第一条 子丑甲乙丙丁。\n\n{_A}", "第一条第二款") == [[]]


def test_a_paragraph_that_became_an_item_of_another_is_followed_to_the_item() -> None:
    old = f"第一条 {_A}\n\n第二条 有下列情形之一的，处罚。\n\n{_B}"
    new = f"第一条 {_A}\n\n第二条 有下列情形之一的，处罚：\n\n（一）{_B}\n（二）{_C}"
    assert _follow(old, new, "第二条第一款", "第二条第二款") == [
        ["第二条第一款"],
        ["第二条第一款第一项"],
    ]
    # and to an item that is only like it (0.58 alike), not holding its text (60% of it)
    edited = new.replace(_B, "乙" * 9 + "戊" * 6)
    assert _follow(old, edited, "第二条第二款") == [["第二条第一款第一项"]]


def test_a_paragraph_moved_into_an_added_article_is_followed_there() -> None:
    # old 第一条 (甲, 乙) and 第二条 (丙, 丁) become 第一条 (甲, 丙), 第二条 (乙), 第三条 (丁): the
    # aligner reads the new 第一条 as added, yet 甲 and 丙 stand in it unchanged
    _D = "丁" * 13 + "。"
    cite = "第三条 违反本条例第二条第一款规定的，处罚。"
    old = f"# 例\n\n第一条 {_A}\n\n{_B}\n\n第二条 {_C}\n\n{_D}\n\n{cite}\n"
    new = f"# 例\n\n第一条 {_A}\n\n{_C}\n\n第二条 {_B}\n\n第三条 {_D}\n\n第四{cite[2:]}\n"
    d = wdr.diff(wdr.parse(old), wdr.parse(new))
    cited = ("第一条第一款", "第一条第二款", "第二条第一款", "第二条第二款", "第一条", "第二条")
    assert [[str(c) for c in d.follow(wdr.parse_citation(t))] for t in cited] == [
        ["第一条第一款"],
        ["第二条第一款"],
        ["第一条第二款"],
        ["第三条第一款"],
        ["第二条"],
        ["第三条"],
    ]
    # so a reference to the moved 款 goes stale to where it stands, not to nothing
    assert [(str(s.at), s.match.text, s.replacement) for s in d.stale_references()] == [
        ("第四条第一款", "本条例第二条第一款", "本条例第一条第二款")
    ]


def test_an_article_read_as_deleted_goes_where_its_paragraph_stands() -> None:
    # two short near-identical one-款 articles joined into one: under MIN_PIECE characters
    # a piece is no evidence of a merge, so the aligner keeps 第一条 and reads 第二条 as
    # deleted, yet its text stands unchanged as the new 第一条第二款
    first, near = "丁" * 10 + "。", "丁" * 9 + "丑。"
    d = wdr.diff(
        wdr.parse(f"# 例\n\n第一条 {first}\n\n第二条 {near}\n"),
        wdr.parse(f"# 例\n\n第一条 {first}\n\n{near}\n"),
    )
    assert [c.old.label for c in d.changes if c.removed and c.old] == ["第二条"]
    assert [str(c) for c in d.follow(wdr.parse_citation("第二条第一款"))] == ["第一条第二款"]
    assert [str(c) for c in d.follow(wdr.parse_citation("第二条"))] == ["第一条第二款"]


@pytest.mark.parametrize("subitem", ["第二目", "第2目", "第２目"])
def test_a_stale_subitem_reference_keeps_the_numerals_it_was_written_in(subitem: str) -> None:
    # format_citation writes a 目 in Arabic (第2目); a text that wrote 第二目 or 第２目 keeps it
    head = "# 示例条例\n\n第一条 甲。\n\n"
    body = "有下列情形之一的：\n\n（一）丙：\n\n1．丁；\n\n2．戊。\n\n"
    cite = f"依照本条例第二条第一项{subitem}。"
    old = wdr.parse(f"{head}第二条 {body}第三条 {cite}\n")
    new = wdr.parse(f"{head}第二条 新。\n\n第三条 {body}第四条 {cite}\n")
    stale = wdr.diff(old, new).stale_references()
    assert [(str(s.at), s.match.text, s.replacement) for s in stale] == [
        ("第四条第一款", f"本条例第二条第一项{subitem}", f"本条例第三条第一项{subitem}")
    ]


def test_a_deleted_article_is_not_followed_to_a_paragraph_only_like_it() -> None:
    # 第二条 deleted, and a 款 added to 第一条 that is like it (about 0.6) but not it: a reference
    # to 第二条 is left to the drafter, not moved to the look-alike
    old = f"第一条 {_A}\n\n第二条 {'乙' * 10}丙丙丙丙。"
    new = f"第一条 {_A}\n\n{'乙' * 10}丁丁丁丁丁丁。"
    assert _follow(old, new, "第二条", "第二条第一款") == [[], []]
