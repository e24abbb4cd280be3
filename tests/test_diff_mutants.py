"""The diff pinned where a mutant of ``_diff`` lived (issue 14, docs/mutation.md): each test here
fails under a mutant the area's other tests let live."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import RegulationDiff, SerializationError

HEAD = "# 示例条例\n\n"


def _data(old: str, new: str) -> dict[str, Any]:
    return wdr.to_dict(wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new)))


def test_a_slot_past_the_paragraphs_names_how_many_paragraphs_there_are() -> None:
    data = _data("第一条 甲。\n\n第二条 乙。\n\n丙。", "第一条 甲，改。\n\n第二条 乙，改。\n\n丙。")
    old_paragraphs = [s for slot in data["slots"] if slot for s in slot if "paragraph_index" in s]
    old_paragraphs[0]["paragraph_index"] = 5
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data, RegulationDiff)
    assert str(caught.value) == (
        "$: slots[1][1] takes paragraph_index 5 of 第二条, which has 2 paragraphs"
    )


_CHAPTERS_OLD = (
    "## 第一章 总则\n\n第一条 甲乙丙。\n\n## 第二章 管理\n\n第二条 丁丁丁丁丁丁。\n\n"
    "## 第三章 附则\n\n第三条 戊戊戊戊戊戊。\n"
)
_CHAPTERS_NEW = (
    "## 第一章 总则\n\n第一条 甲丙。\n\n第二条 丁丁丁丁丁丁。\n\n## 第二章 附则\n\n"
    "第三条 戊戊戊戊戊戊。\n\n## 第三章 罚则\n\n第四条 己。\n"
)


def _chapters() -> RegulationDiff:
    return wdr.diff(wdr.parse(HEAD + _CHAPTERS_OLD), wdr.parse(HEAD + _CHAPTERS_NEW))


def test_the_summary_names_each_heading_change_and_its_kind() -> None:
    assert _chapters().to_text() == (
        "《示例条例》 -> 《示例条例》\n"
        "  added                1\n  removed              0\n  text changed         1\n"
        "  renumbered           0\n  moved                1\n  split                0\n"
        "  merged               0\n  headings added       1\n  headings removed     1\n"
        "  headings retitled    0\n  headings renumbered  1\n  header               0\n"
        "第一条 -> 第一条: text changed (1 款 changed)\n"
        "第二条 -> 第二条: moved\n"
        "- -> 第四条: added\n"
        "第二章 管理 -> -: removed\n"
        "第三章 附则 -> 第二章 附则: renumbered\n"
        "- -> 第三章 罚则: added\n"
    )


def test_the_table_strikes_deleted_text_and_headings_through() -> None:
    assert _chapters().to_markdown() == (
        "# 《示例条例》修正前后对照表\n\n"
        "| 修正前 | 修正后 |\n|---|---|\n"
        "| 第一章 总则 | 第一章 总则 |\n"
        "| 第一条 甲~~乙~~丙。 | 第一条 甲丙。 |\n"
        "| ~~第二章 管理~~ |  |\n"
        "| 第二条 丁丁丁丁丁丁。 | 同左 |\n"
        "| 第~~三~~章 附则 | 第**二**章 附则 |\n"
        "| 第三条 戊戊戊戊戊戊。 | 同左 |\n"
        "|  | **第三章 罚则** |\n"
        "|  | 第四条 **己。** |\n"
    )


def test_the_html_page_marks_the_same_edits() -> None:
    page = _chapters().to_html()
    label = '<span class="label">{}</span>'.format
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        "<title>《示例条例》修正前后对照表</title>\n<style>\nbody {"
    )
    assert page[page.index("</style>") :] == (
        "</style>\n</head>\n<body>\n<h1>《示例条例》修正前后对照表</h1>\n"
        '<p class="summary">新增 1；修改 1；移动 1；新增章节 1；删除章节 1；章节序号调整 1</p>\n'
        "<table>\n"
        '<thead><tr><th scope="col">修正前</th><th scope="col">修正后</th></tr></thead>\n'
        "<tbody>\n"
        '<tr class="heading"><td>第一章 总则</td><td>第一章 总则</td></tr>\n'
        f'<tr class="article"><td><p>{label("第一条")} 甲<del>乙</del>丙。</p></td>'
        f"<td><p>{label('第一条')} 甲丙。</p></td></tr>\n"
        '<tr class="heading"><td><del>第二章 管理</del></td><td></td></tr>\n'
        f'<tr class="article"><td><p>{label("第二条")} 丁丁丁丁丁丁。</p></td><td>同左</td></tr>\n'
        '<tr class="heading"><td>第<del>三</del>章 附则</td><td>第<ins>二</ins>章 附则</td></tr>\n'
        f'<tr class="article"><td><p>{label("第三条")} 戊戊戊戊戊戊。</p></td><td>同左</td></tr>\n'
        '<tr class="heading"><td></td><td><ins>第三章 罚则</ins></td></tr>\n'
        f'<tr class="article"><td></td><td><p>{label("第四条")} <ins>己。</ins></p></td></tr>\n'
        "</tbody>\n</table>\n</body>\n</html>\n"
    )


_C = "有关部门应当按照各自职责做好数字化转型促进的相关工作。"
_SPLIT = (
    "第二条 县级以上人民政府应当加强对数字化转型工作的领导，建立健全协调机制。\n\n"
    "市发展改革部门负责统筹推进数字经济发展规划的编制和实施工作。\n\n{tail}\n"
)


def test_a_row_marks_each_paragraph_by_its_edit_and_a_split_shows_both_articles() -> None:
    old = "第一条 甲甲甲甲甲甲。\n\n乙乙乙乙乙乙。\n\n丙丙丙丙丙丙。\n\n" + _SPLIT.format(
        tail=f"{_C}\n\n第三条 丁丁。"
    )
    new = "第一条 甲甲甲甲甲甲。\n\n乙乙乙乙乙丑。\n\n戊戊戊戊戊戊。\n\n" + _SPLIT.format(
        tail=f"第三条 {_C}\n\n第四条 丁丁。"
    )
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    first = "县级以上人民政府应当加强对数字化转型工作的领导，建立健全协调机制。"
    second = "市发展改革部门负责统筹推进数字经济发展规划的编制和实施工作。"
    assert d.to_markdown().splitlines()[4:] == [
        "| 第一条 甲甲甲甲甲甲。<br><br>乙乙乙乙乙~~乙~~。<br><br>~~丙丙丙丙丙丙。~~ "
        "| 第一条 甲甲甲甲甲甲。<br><br>乙乙乙乙乙**丑**。<br><br>**戊戊戊戊戊戊。** |",
        f"| 第二条 {first}<br><br>{second}<br><br>{_C} "
        f"| 第二条 {first}<br><br>{second}<br><br>第三条 {_C} |",
        "| 第三条 丁丁。 | 第四条 同左 |",
    ]
    assert d.to_text().splitlines()[13:] == [
        "第一条 -> 第一条: text changed (1 款 added, 1 款 removed, 1 款 changed)",
        "第二条 -> 第二条: split, text changed (1 款 removed)",
        "第二条 -> 第三条: split, text changed, renumbered (2 款 removed)",
        "第三条 -> 第四条: renumbered",
    ]


_HEADER = (
    "# 示例条例\n\n- 2023年4月26日某会议通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"
    "## 第二章 附则\n\n前言一。\n\n前言二。\n\n## 第一章 总则\n\n本章说明。\n\n第一条 甲。\n\n"
    "第二条 乙乙乙乙乙乙。\n\n## 第二章 附则\n\n第三条 丙。\n"
)


def _header_diff() -> RegulationDiff:
    new = (
        _HEADER.replace("示例条例", "示例规定")
        .replace("2023", "2024")
        .replace("附则", "罚则")
        .replace("前言二", "前言三")
        .replace("本章说明", "本章另说明")
        .replace("第二条 乙乙乙乙乙乙。\n\n", "")
        .replace("第三条", "第二条")
    )
    return wdr.diff(wdr.parse(_HEADER), wdr.parse(new))


def test_the_table_lists_each_header_field_that_changed_under_its_name() -> None:
    def table(name: str, old: str, new: str) -> str:
        return f"\n**{name}**\n\n| 修正前 | 修正后 |\n|---|---|\n| {old} | {new} |\n"

    assert _header_diff().to_markdown() == (
        "# 《示例规定》修正前后对照表\n\n原标题：《示例条例》\n\n"
        "| 修正前 | 修正后 |\n|---|---|\n"
        "| 第一章 总则 | 第一章 总则 |\n"
        "| 第一条 甲。 | 同左 |\n"
        "| 第二条 ~~乙乙乙乙乙乙。~~ |  |\n"
        "| 第二章 ~~附~~则 | 第二章 **罚**则 |\n"
        "| 第三条 丙。 | 第二条 同左 |\n"
        + table("题注", "2023年4月26日某会议通过", "2024年4月26日某会议通过")
        + table("目录", "第一章 总则<br>第二章 附则", "第一章 总则<br>第二章 罚则")
        + table("序言", "前言一。<br>前言二。", "前言一。<br>前言三。")
        + table("其他文字", "本章说明。", "本章另说明。")
    )


def test_the_summary_and_the_page_name_the_header_fields_that_changed() -> None:
    d = _header_diff()
    assert d.to_text().splitlines()[13:] == [
        "第二条 -> -: removed",
        "第三条 -> 第二条: renumbered",
        "第二章 附则 -> 第二章 罚则: retitled",
        "title: changed",
        "history: changed",
        "toc: changed",
        "preamble: changed",
        "text: changed",
    ]
    page = d.to_html()

    def table(name: str, old: str, new: str) -> str:
        return f"<h2>{name}</h2><table><tbody><tr><td>{old}</td><td>{new}</td></tr></tbody></table>"

    label = '<span class="label">{}</span>'.format
    assert page[page.index("<tbody>") :].splitlines() == [
        "<tbody>",
        '<tr class="heading"><td>第一章 总则</td><td>第一章 总则</td></tr>',
        f'<tr class="article"><td><p>{label("第一条")} 甲。</p></td><td>同左</td></tr>',
        f'<tr class="article"><td><p>{label("第二条")} <del>乙乙乙乙乙乙。</del></p></td><td></td></tr>',
        '<tr class="heading"><td>第二章 <del>附</del>则</td><td>第二章 <ins>罚</ins>则</td></tr>',
        f'<tr class="article"><td><p>{label("第三条")} 丙。</p></td><td>{label("第二条")} 同左</td></tr>',
        "</tbody>",
        "</table>",
        table("标题", "示例条例", "示例规定"),
        table("题注", "2023年4月26日某会议通过", "2024年4月26日某会议通过"),
        table("目录", "第一章 总则<br>第二章 附则", "第一章 总则<br>第二章 罚则"),
        table("序言", "前言一。<br>前言二。", "前言一。<br>前言三。"),
        table("其他文字", "本章说明。", "本章另说明。"),
        "</body>",
        "</html>",
    ]


_A, _B = "甲" * 12 + "。", "乙" * 14 + "。"
_FINE = "违反前条第一款规定的，处以罚款。"


def _stale(old: str, new: str) -> list[tuple[str, str, str, str | None, str | None]]:
    d = wdr.diff(wdr.parse(f"# 例\n\n{old}\n"), wdr.parse(f"# 例\n\n{new}\n"))
    return [
        (str(s.at), str(s.old_at), s.match.text, s.replacement, s.text)
        for s in d.stale_references()
    ]


def test_a_relative_reference_whose_article_was_merged_into_its_target_goes_stale() -> None:
    # old 第三条 names 前条第一款 (第二条第一款); merged into 第二条, the same words would name
    # 第一条第一款 there, though the 款 they meant kept its number
    old = f"第一条 {_A}\n\n第二条 {_B}\n\n第三条 {_FINE}\n\n第四条 {'丙' * 12}。"
    new = f"第一条 {_A}\n\n第二条 {_B}\n\n{_FINE}\n\n第三条 {'丙' * 12}。"
    assert _stale(old, new) == [
        (
            "第二条第二款",
            "第三条第一款",
            "前条第一款",
            "第二条第一款",
            "违反第二条第一款规定的，处以罚款。",
        )
    ]
    # and when the merged article was renumbered too
    assert _stale(f"第一条 {_A}\n\n第二条 {_B}\n\n第三条 {_FINE}", f"第一条 {_B}\n\n{_FINE}") == [
        (
            "第一条第二款",
            "第三条第一款",
            "前条第一款",
            "第一条第一款",
            "违反第一条第一款规定的，处以罚款。",
        )
    ]


def test_a_relative_reference_that_still_names_its_target_is_not_stale() -> None:
    # an article inserted before both: 前条第一款 still names the article before, renumbered
    old = f"第一条 {_A}\n\n第二条 {_B}\n\n第三条 {_FINE}"
    new = f"第一条 {'丁' * 12}。\n\n第二条 {_A}\n\n第三条 {_B}\n\n第四条 {_FINE}"
    assert _stale(old, new) == []


_OLD3 = "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。"
_NEW4 = "第一条 甲。\n\n第二条 新增。\n\n第三条 乙。\n\n第四条 丙，改。"


def test_a_diff_says_what_it_counts_and_pickles_whole() -> None:
    import pickle

    old, new = wdr.parse(HEAD + _OLD3), wdr.parse(HEAD + _NEW4)
    d = wdr.diff(old, new)
    assert repr(d) == "<RegulationDiff 《示例条例》: 1 added, 1 text_changed, 2 renumbered>"
    assert repr(wdr.diff(old, old)) == "<RegulationDiff 《示例条例》: no changes>"
    copy = pickle.loads(pickle.dumps(d))
    assert copy == d
    assert copy.apply(old) == new
    assert copy.follow(wdr.parse_citation("第二条")) == (wdr.Citation(article=3),)


def test_the_decision_a_diff_writes() -> None:
    d = wdr.diff(wdr.parse(HEAD + _OLD3), wdr.parse(HEAD + _NEW4))
    assert d.to_amendment() == (
        "# 关于修改《示例条例》的决定\n\n<!-- INFO END -->\n\n决定对《示例条例》作如下修改：\n\n"
        "一、增加一条，作为第二条：“新增。”\n\n二、在第三条中的“丙”后增加“，改”。\n\n"
        "《示例条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )


@pytest.mark.parametrize(
    ("cite", "replacement"),
    [
        ("第二条或者第三条", "第三条或者第四条"),
        ("《中华人民共和国示例法》第二条或者第三条", "《中华人民共和国示例法》第三条或者第四条"),
        ("本法第二条、第三条或者第四条", "本法第三条、第四条或者第五条"),
        ("第二条至第三条以及第四条", "第三条至第四条以及第五条"),
    ],
)
def test_a_stale_list_keeps_the_word_before_its_last_element(cite: str, replacement: str) -> None:
    title = "# 中华人民共和国示例法\n\n第一条 甲。\n\n"
    rest = "第二条 乙。\n\n第三条 丙。\n\n第四条 丁。\n\n第五条"
    old = wdr.parse(f"{title}{rest} 违反{cite}规定的，处罚。\n")
    renumbered = "第二条 新。\n\n第三条 乙。\n\n第四条 丙。\n\n第五条 丁。\n\n第六条"
    new = wdr.parse(f"{title}{renumbered} 违反{cite}规定的，处罚。\n")
    stale = wdr.diff(old, new).stale_references()
    assert [(str(s.at), s.match.text, s.replacement) for s in stale] == [
        ("第六条第一款", cite, replacement)
    ]


@pytest.mark.parametrize(
    ("cite", "replacement"),
    [
        ("本条例第一章或者第二条", "本条例第一章或者第三条"),
        ("本条例第一章、第三章和第二条", "本条例第一章、第三章和第三条"),
        ("第一章和第二条", "第一章和第三条"),
    ],
)
def test_a_stale_list_that_mixes_a_chapter_and_an_article_keeps_the_chapter(
    cite: str, replacement: str
) -> None:
    # the article after a chapter is written whole, not read as an article of that chapter
    title = "# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n\n"
    old = wdr.parse(
        f"{title}第二条 乙。\n\n## 第二章 其他\n\n第三条 违反{cite}规定的，处罚。\n\n"
        "## 第三章 附则\n\n第四条 丁。\n"
    )
    new = wdr.parse(
        f"{title}第二条 新。\n\n第三条 乙。\n\n## 第二章 其他\n\n第四条 违反{cite}规定的，处罚。\n\n"
        "## 第三章 附则\n\n第五条 丁。\n"
    )
    stale = wdr.diff(old, new).stale_references()
    assert [(str(s.at), s.match.text, s.replacement) for s in stale] == [
        ("第四条第一款", cite, replacement)
    ]


def test_a_reference_to_nothing_is_left_alone_and_the_next_one_still_read() -> None:
    # 第九条 did not exist in the old version either: not this diff's business
    old = f"{_OLD3}\n\n第四条 丁。\n\n第五条 违反第九条规定的，依照第四条处罚。"
    new = f"{_NEW4}\n\n第五条 丁。\n\n第六条 违反第九条规定的，依照第四条处罚。"
    assert _stale(old, new) == [
        ("第六条第一款", "第五条第一款", "第四条", "第五条", "违反第九条规定的，依照第五条处罚。")
    ]


def test_a_range_whose_every_article_was_deleted_is_left_to_the_drafter() -> None:
    old = f"{_OLD3}\n\n第四条 丁。\n\n第五条 违反第二条至第三条规定的，依照第四条处罚。"
    new = "第一条 甲。\n\n第二条 丁。\n\n第三条 违反第二条至第三条规定的，依照第四条处罚。"
    d = wdr.diff(wdr.parse(f"# 例\n\n{old}\n"), wdr.parse(f"# 例\n\n{new}\n"))
    assert [(s.match.text, s.new, s.replacement, s.text) for s in d.stale_references()] == [
        ("第二条至第三条", None, None, None),
        (
            "第四条",
            wdr.parse_citations("第二条"),
            "第二条",
            "违反第二条至第三条规定的，依照第二条处罚。",
        ),
    ]


# ---- the rest of the sample (2026-12-02, by hand)


def _edited_data() -> dict[str, Any]:
    return _data(
        "第一条 甲。\n\n第二条 乙。\n\n丙。",
        "第一条 甲，改。\n\n第二条 乙，改。\n\n丙。\n\n第三条 丁。",
    )


def _refused(data: dict[str, Any]) -> str:
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data, RegulationDiff)
    return str(caught.value)


def test_a_patch_that_rebuilds_an_article_its_template_holds_whole_does_not_read() -> None:
    data = _edited_data()
    assert data["slots"][2] is None  # 第三条 is new: the template holds its paragraphs
    data["slots"][2] = [{"type": "paragraph", "number": 1, "text": "丁。"}]
    assert _refused(data) == "$: slots[2] rebuilds an article template already holds whole"


def test_a_row_holding_an_old_article_the_old_template_lacks_does_not_read() -> None:
    data = _edited_data()
    data["rows"][0]["old"].append({"number": 4, "paragraphs": [{"number": 1, "text": "戊。"}]})
    assert _refused(data) == "$: an old article of the rows stands nowhere in old_template"


_GOAL = "为了规范数字化转型工作，促进经济社会发展，制定本条例。"
_LEAD = "市人民政府应当加强对本条例实施工作的领导，建立协调机制。"
_LAST = "本条例自二〇二四年一月一日起施行。"
_FUND = "各级财政部门应当安排专项资金，支持重点项目的建设和运营。"
_CAPITAL = "鼓励社会资本参与公共数据平台建设，依法保护投资者权益。"


def _summary(old: str, new: str) -> list[str]:
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    return d.to_text().splitlines()[13:]


def test_a_retitled_chapter_is_found_by_the_articles_it_keeps() -> None:
    # 管理 keeps its one article under a new title, after a chapter inserted before it: only the
    # article it shares says that 第三章 监督 is the old 第二章 管理
    old = f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 管理\n\n第二条 {_LEAD}\n\n## 第三章 附则\n\n第三条 {_LAST}"
    new = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 规划\n\n第二条 {_FUND}\n\n"
        f"## 第三章 监督\n\n第三条 {_LEAD}\n\n## 第四章 附则\n\n第四条 {_LAST}"
    )
    assert _summary(old, new) == [
        "- -> 第二条: added",
        "第二条 -> 第三条: renumbered",
        "第三条 -> 第四条: renumbered",
        "- -> 第二章 规划: added",
        "第二章 管理 -> 第三章 监督: retitled, renumbered",
        "第三章 附则 -> 第四章 附则: renumbered",
    ]
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    assert d.follow(wdr.parse_citation("第二章")) == (wdr.Citation(chapter=3),)


def test_a_chapter_whose_articles_all_changed_is_found_by_its_title() -> None:
    # 乙章 keeps nothing but its title, which no other heading of either version has: it is the
    # same chapter, renumbered, and 甲章 is removed (not retitled 乙章 by position)
    old = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 甲章\n\n第二条 {_LEAD}\n\n"
        f"## 第三章 乙章\n\n第三条 {_FUND}\n\n## 第四章 附则\n\n第四条 {_LAST}"
    )
    new = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 乙章\n\n第二条 {_CAPITAL}\n\n"
        f"## 第三章 丙章\n\n第三条 {'某' * 13}。\n\n## 第四章 附则\n\n第四条 {_LAST}"
    )
    assert _summary(old, new) == [
        "第二条 -> -: removed",
        "第三条 -> -: removed",
        "- -> 第二条: added",
        "- -> 第三条: added",
        "第二章 甲章 -> -: removed",
        "第三章 乙章 -> 第二章 乙章: renumbered",
        "- -> 第三章 丙章: added",
    ]


def test_a_chapter_whose_first_article_was_deleted_goes_where_most_of_its_articles_went() -> None:
    # 管理's first article is gone; one of the others went to 规划, two to 监督
    old = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 管理\n\n第二条 {'某' * 13}。\n\n"
        f"第三条 {_LEAD}\n\n第四条 {_FUND}\n\n第五条 {_CAPITAL}\n\n## 第三章 附则\n\n第六条 {_LAST}"
    )
    new = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 规划\n\n第二条 {_LEAD}\n\n"
        f"## 第三章 监督\n\n第三条 {_FUND}\n\n第四条 {_CAPITAL}\n\n## 第四章 附则\n\n第五条 {_LAST}"
    )
    assert _summary(old, new)[-3:] == [
        "- -> 第二章 规划: added",
        "第二章 管理 -> 第三章 监督: retitled, renumbered",
        "第三章 附则 -> 第四章 附则: renumbered",
    ]


def test_a_chapter_found_by_an_equal_title_between_aligned_ones_is_not_one_of_another_title() -> (
    None
):
    # 管理 has no article left and two new chapters share its title: between 总则 and 附则 the
    # counts differ, so the first new 管理 after it is taken, not 规划
    old = f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 管理\n\n第二条 {'某' * 13}。\n\n## 第三章 附则\n\n第三条 {_LAST}"
    new = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 管理\n\n第二条 {_LEAD}\n\n"
        f"## 第三章 规划\n\n第三条 {_FUND}\n\n## 第四章 管理\n\n第四条 {_CAPITAL}\n\n"
        f"## 第五章 附则\n\n第五条 {_LAST}"
    )
    assert _summary(old, new) == [
        "第二条 -> -: removed",
        "- -> 第二条: added",
        "- -> 第三条: added",
        "- -> 第四条: added",
        "第三条 -> 第五条: renumbered",
        "- -> 第三章 规划: added",
        "- -> 第四章 管理: added",
        "第三章 附则 -> 第五章 附则: renumbered",
    ]


def test_an_appendix_is_compared_by_its_title_and_its_text() -> None:
    old = "第一条 甲。\n\n附件一\n\n清单甲。\n\n清单乙。"
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + old.replace("清单乙", "清单丙")))
    assert d.to_text().splitlines()[13:] == ["appendices: changed"]
    assert d.to_markdown().split("**附件**")[1] == (
        "\n\n| 修正前 | 修正后 |\n|---|---|\n"
        "| 附件一<br>清单甲。<br>清单乙。 | 附件一<br>清单甲。<br>清单丙。 |\n"
    )


def test_a_heading_re_spaced_alone_is_a_layout_change_with_every_printed_line() -> None:
    old = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n## 附则\n\n第二条 乙。\n")
    new = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n## 附 则\n\n第二条 乙。\n")
    (layout,) = wdr.diff(old, new).header_changes
    assert (layout.field, layout.old, layout.new) == (
        "layout",
        ("示例条例", "第一章 总则", "第一条", "甲。", "附则", "第二条", "乙。"),
        ("示例条例", "第一章 总则", "第一条", "甲。", "附 则", "第二条", "乙。"),
    )


def _one_paragraph_change(old: str, new: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    (change,) = d.changes
    (edit,) = change.paragraphs
    return d.to_text().splitlines()[13:], [(e.op, e.old, e.new) for e in edit.chars]


def test_one_equal_character_between_two_edits_is_folded_into_one_replacement() -> None:
    old, new = "第一条 县级人民政府应当支持甲乙丙工作。", "第一条 县级人民政府应当支持丁乙戊工作。"
    assert _one_paragraph_change(old, new)[1] == [
        ("equal", "县级人民政府应当支持", "县级人民政府应当支持"),
        ("replace", "甲乙丙", "丁乙戊"),
        ("equal", "工作。", "工作。"),
    ]
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    assert d.to_markdown().splitlines()[-1] == (
        "| 第一条 县级人民政府应当支持~~甲乙丙~~工作。 | 第一条 县级人民政府应当支持**丁乙戊**工作。 |"
    )
    # and the decision writer's word edit takes the three characters as one
    assert d.to_amendment().split("\n\n")[3] == "一、将第一条中的“甲乙丙”修改为“丁乙戊”。"


_ITEMS = "第一条 有下列情形之一的，依法处理：\n\n"
_FURTHER = _ITEMS + "（一）甲甲；\n\n说明甲甲甲甲。\n\n（二）乙乙。"
_FOURTH = _ITEMS + "（一）甲甲：\n\n1．目一：\n\n（1）四级一；\n\n（2）四级二。"


@pytest.mark.parametrize(
    ("old", "before", "after", "chars"),
    [
        # a 项's further paragraph, and a fourth-level unit under a 目: each is the 款's text
        (_FURTHER, "说明甲甲甲甲", "说明丙丙丙丙", ("甲甲甲甲", "丙丙丙丙")),
        (_FOURTH, "四级二", "四级三", ("二", "三")),
    ],
)
def test_a_change_deep_in_a_list_is_a_change_of_its_paragraph(
    old: str, before: str, after: str, chars: tuple[str, str]
) -> None:
    summary, edits = _one_paragraph_change(old, old.replace(before, after))
    assert summary == ["第一条 -> 第一条: text changed (1 款 changed)"]
    assert [(old, new) for op, old, new in edits if op != "equal"] == [chars]


@pytest.mark.parametrize("first", ["", "丙丙丙丙丙丙。"])
def test_an_item_rewritten_whole_is_not_followed_even_from_an_empty_one(first: str) -> None:
    # an empty 项 is as unlike new text as any other: nothing of it is left to follow
    old = wdr.parse(HEAD + f"第一条 下列：\n\n（一）{first}\n\n（二）乙乙乙乙乙乙。")
    new = wdr.parse(HEAD + "第一条 下列：\n\n（一）甲甲甲甲甲甲。\n\n（二）乙乙乙乙乙乙。")
    d = wdr.diff(old, new)
    assert d.follow(wdr.parse_citation("第一条第一款第一项")) == ()
    assert d.follow(wdr.parse_citation("第一条第一款第二项")) == (
        wdr.Citation(article=1, paragraph=1, item=2),
    )


def test_an_item_is_followed_at_the_similarity_threshold_and_not_below() -> None:
    # 子丑寅卯辰。 and 子丑甲乙丙。 are exactly 0.5 alike (子丑 and 。): one 项, edited
    old = wdr.parse(HEAD + "第一条 下列：\n\n（一）甲甲甲甲甲甲。\n\n（二）子丑寅卯辰。")
    cited = wdr.parse_citation("第一条第一款第二项")
    for text, found in [
        ("子丑甲乙丙。", (wdr.Citation(article=1, paragraph=1, item=2),)),
        ("子丑甲乙丙丁。", ()),
    ]:
        new = wdr.parse(HEAD + f"第一条 下列：\n\n（一）甲甲甲甲甲甲。\n\n（二）{text}")
        assert wdr.diff(old, new).follow(cited) == found


def test_an_article_removed_at_the_head_of_a_chapter_stays_under_its_heading() -> None:
    old = f"## 第一章 总则\n\n第一条 {_LEAD}\n\n## 第二章 附则\n\n第二条 {'乙' * 8}。\n\n第三条 {'丙' * 8}。"
    new = f"## 第一章 总则\n\n第一条 {_LEAD}\n\n## 第二章 附则\n\n第二条 {'丙' * 8}。"
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    assert d.to_markdown().splitlines()[4:] == [
        "| 第一章 总则 | 第一章 总则 |",
        f"| 第一条 {_LEAD} | 同左 |",
        "| 第二章 附则 | 第二章 附则 |",
        f"| 第二条 ~~{'乙' * 8}。~~ |  |",
        f"| 第三条 {'丙' * 8}。 | 第二条 同左 |",
    ]
    # and each change names the headings it stood and stands under
    chapter = (wdr.Heading("章", 2, "附则"),)
    assert [(c.old_place, c.new_place) for c in d.changes] == [(chapter, ()), (chapter, chapter)]


@pytest.mark.parametrize("bad", [None, "# 例"])
def test_diff_names_the_argument_that_is_not_a_regulation(bad: object) -> None:
    reg = wdr.parse(HEAD + "第一条 甲。")
    shown = type(bad).__name__
    for args, name in [((bad, reg), "old"), ((reg, bad), "new")]:
        with pytest.raises(TypeError) as caught:
            wdr.diff(*args)  # type: ignore[arg-type]
        assert str(caught.value) == f"diff() compares two Regulation values; {name} is {shown}"


_CODE = (
    "# 示例法\n\n## 第一编 总则\n\n### 第一章 任务\n\n第一条 {goal}\n\n{added}## 第二编 分则\n\n"
)


def _code_diff() -> RegulationDiff:
    # chapters numbered on through both 编 (cited 第二章 alone); a chapter added to 第一编
    # renumbers those of 第二编, whose 第十条 cites one of them with its 编
    tail = "### 第{}章 罚则\n\n第{}条 违反本法第二编第二章规定的，依法处罚。"
    old = _CODE.format(goal=_GOAL, added="") + (
        f"### 第二章 管理\n\n第二条 {_LEAD}\n\n### 第三章 附则\n\n第三条 {_LAST}\n\n"
        + tail.format("四", "四")
    )
    new = _CODE.format(goal=_GOAL, added=f"### 第二章 原则\n\n第二条 {_FUND}\n\n") + (
        f"### 第三章 管理\n\n第三条 {_LEAD}\n\n### 第四章 附则\n\n第四条 {_LAST}\n\n"
        + tail.format("五", "五")
    )
    return wdr.diff(wdr.parse(old), wdr.parse(new))


@pytest.mark.parametrize(
    ("cited", "found"),
    [
        ("第二章", "第三章"),
        ("第三章", "第四章"),
        # cited with the 编 that holds it: the same chapter, written as the new version cites it
        ("第二编第二章", "第三章"),
        ("第二编第三章", "第四章"),
        ("第二编", "第二编"),
        ("第一编第一章", "第一章"),
        # a chapter the 编 does not hold names nothing
        ("第一编第二章", None),
    ],
)
def test_a_chapter_is_followed_whether_or_not_it_is_cited_with_its_part(
    cited: str, found: str | None
) -> None:
    got = _code_diff().follow(wdr.parse_citation(cited))
    assert [str(c) for c in got] == ([found] if found else [])


def test_a_chapter_cited_with_its_part_goes_stale_when_renumbered_not_deleted() -> None:
    assert [(str(s.at), s.match.text, s.replacement) for s in _code_diff().stale_references()] == [
        ("第五条第一款", "本法第二编第二章", "本法第三章")
    ]


def test_a_reference_in_a_paragraph_the_drafter_changed_is_not_stale() -> None:
    # the 款 that cites 第二条 was edited: its numbers are the drafter's, read as new ones
    old = f"第一条 {_GOAL}\n\n第二条 {_LEAD}\n\n第三条 违反第二条规定的，处罚。"
    new = (
        f"第一条 {_GOAL}\n\n第二条 {_FUND}\n\n第三条 {_LEAD}\n\n第四条 违反第三条规定的，处以罚款。"
    )
    assert _stale_in(old, new) == []
    # left as it was, the same 款 is read as the old version reads it
    unchanged = new.replace("违反第三条规定的，处以罚款", "违反第二条规定的，处罚")
    assert _stale_in(old, unchanged) == [("第四条第一款", "第二条", "第三条")]


def _stale_in(old: str, new: str) -> list[tuple[str, str, str | None]]:
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    return [(str(s.at), s.match.text, s.replacement) for s in d.stale_references()]


def test_a_deleted_paragraph_is_not_taken_for_one_another_old_paragraph_went_to() -> None:
    # 第二条 repeated 第一条 word for word and was deleted: the new 第一条第一款 is the old
    # 第一条's, not a place the deleted one went to
    old = f"第一条 {_LEAD}\n\n第二条 {_LEAD}\n\n第三条 {'丙' * 6}。"
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + f"第一条 {_LEAD}\n\n第二条 {'丙' * 6}。"))
    assert d.to_text().splitlines()[13:] == ["第二条 -> -: removed", "第三条 -> 第二条: renumbered"]
    assert [
        d.follow(wdr.parse_citation(c)) for c in ("第二条", "第二条第一款", "第一条第一款")
    ] == [
        (),
        (),
        (wdr.Citation(article=1, paragraph=1),),
    ]


def test_of_two_articles_like_a_new_one_the_more_alike_is_taken() -> None:
    b1 = "县级以上人民政府应当加强对数字化转型工作的领导，建立健全协调机制。"
    b2 = "县级以上人民政府应当加强对数字经济发展工作的领导，建立健全统筹机制。"
    b3 = "县级以上人民政府应当加强对数字经济发展工作的领导，建立健全统筹推进机制。"
    old = f"第一条 {_GOAL}\n\n第二条 {b1}\n\n第三条 {b2}"
    assert _summary(old, f"第一条 {_GOAL}\n\n第二条 {b3}") == [
        "第二条 -> -: removed",
        "第三条 -> 第二条: text changed, renumbered (1 款 changed)",
    ]


def test_an_edited_article_moved_far_is_found_by_its_words() -> None:
    # sixteen articles, each edited, none the same: the last moved to the second place, out of
    # reach of the places its rank predicts; only the words it shares find it
    from wuxi_dt_regulation._model.numerals import to_chinese

    texts = ["".join(chr(0x4E00 + 40 * k + c) for c in range(15)) for k in range(16)]
    edited = [f"{t}，改" for t in texts]
    edited.insert(1, edited.pop())

    def version(lines: list[str]) -> wdr.Regulation:
        body = "\n\n".join(f"第{to_chinese(n)}条 {t}。" for n, t in enumerate(lines, 1))
        return wdr.parse(HEAD + body)

    d = wdr.diff(version(texts), version(edited))
    assert d.to_text().splitlines()[13:16] == [
        "第一条 -> 第一条: text changed (1 款 changed)",
        "第十六条 -> 第二条: text changed, renumbered, moved (1 款 changed)",
        "第二条 -> 第三条: text changed, renumbered (1 款 changed)",
    ]
    assert (d.counts()["text_changed"], d.counts()["moved"], d.counts()["removed"]) == (16, 1, 0)


def test_articles_that_read_the_same_are_paired_in_order() -> None:
    old = f"第一条 {_LEAD}\n\n第二条 {_LEAD}\n\n第三条 {_FUND}"
    new = f"第一条 {_LEAD}\n\n第二条 {_LEAD}\n\n第三条 {_FUND[:-1]}，改。"
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + new))
    assert d.to_text().splitlines()[13:] == ["第三条 -> 第三条: text changed (1 款 changed)"]
    assert dict(d.number_map) == {"第一条": "第一条", "第二条": "第二条", "第三条": "第三条"}


_SERIES = "第一条 有下列情形之一的，依法处理：\n\n（一）甲甲甲甲；\n\n（二）乙乙乙乙：\n\n1．目一一一；\n\n2．目二二二{}"


@pytest.mark.parametrize(
    ("old", "new", "instruction"),
    [
        # the 项 before the one added (or deleted) ends its series in its last 目: apply moves
        # the closing mark there, so the decision says nothing of it
        (
            _SERIES.format("。"),
            _SERIES.format("；\n\n（三）丙丙丙丙。"),
            "在第一条中增加一项，作为第三项：“（三）丙丙丙丙。”",
        ),
        (_SERIES.format("；\n\n（三）丙丙丙丙。"), _SERIES.format("。"), "删去第一条第三项。"),
    ],
)
def test_a_series_ending_in_a_subitem_takes_or_gives_up_its_closing_mark(
    old: str, new: str, instruction: str
) -> None:
    a, b = wdr.parse(HEAD + old), wdr.parse(HEAD + new)
    decision = wdr.diff(a, b).to_amendment()
    assert decision == (
        "# 关于修改《示例条例》的决定\n\n<!-- INFO END -->\n\n决定对《示例条例》作如下修改：\n\n"
        f"一、{instruction}\n\n《示例条例》根据本决定作相应修改，重新公布。\n"
    )
    assert wdr.parse_amendment(decision).apply(a) == b


def test_a_subitem_without_text_cannot_be_quoted() -> None:
    # a 目 with no text: quoted line by line, the wording would not read back as itself
    old = "第一条 下列：\n\n（一）甲甲：\n\n1．\n\n2．乙乙乙乙乙乙乙。"
    d = wdr.diff(wdr.parse(HEAD + old), wdr.parse(HEAD + old.replace("乙" * 7, "丙" * 7)))
    with pytest.raises(ValueError, match="cannot be quoted") as caught:
        d.to_amendment()
    assert str(caught.value) == (
        "第一条: its new text cannot be quoted (a line would read as another unit): "
        "下列： / （一）甲甲： / 1． / 2．丙丙丙丙丙丙丙。"
    )


def _added_article_refused(article: wdr.Article) -> str:
    old = wdr.parse(HEAD + "第一条 甲。")
    new = attrs.evolve(old, body=(*old.body, article))
    with pytest.raises(ValueError, match="cannot be quoted") as caught:
        wdr.diff(old, new).to_amendment()
    return str(caught.value)


@pytest.mark.parametrize("text", ["1．丙丙丙。", "（1）丙丙丙。"])
def test_a_paragraph_after_items_that_reads_as_a_subitem_cannot_be_quoted(text: str) -> None:
    # quoted, the 款 would read back as a 目 (or a fourth-level unit) of the 项 before it
    (listed,) = wdr.parse(
        HEAD + "第二条 下列：\n\n（一）甲甲；\n\n（二）乙乙。\n\n某某某。"
    ).articles
    article = attrs.evolve(
        listed, paragraphs=(listed.paragraphs[0], attrs.evolve(listed.paragraphs[1], text=text))
    )
    assert _added_article_refused(article) == (
        "第二条: its text cannot be quoted (a line would read as another unit)"
    )


def test_a_paragraph_quoting_wording_over_two_lines_cannot_be_quoted_again() -> None:
    (article,) = wdr.parse(
        HEAD + "第二条 本条例所称数据，是指：“以电子方式记录的信息。\n\n以其他方式记录的信息。”"
    ).articles
    assert article.paragraphs[0].continuation == ("以其他方式记录的信息。”",)
    assert _added_article_refused(article) == (
        "第二条: its text cannot be quoted (a line would read as another unit)"
    )


def test_an_added_article_whose_first_line_reads_as_an_article_label_cannot_be_quoted() -> None:
    (article,) = wdr.parse(HEAD + "第二条 某某。").articles
    first = attrs.evolve(article.paragraphs[0], text="第五条\u3000规定的事项由市人民政府负责。")
    assert _added_article_refused(attrs.evolve(article, paragraphs=(first,))) == (
        "第二条: its text cannot be quoted (a line would read as another unit)"
    )


def test_a_chapter_added_before_an_unnumbered_heading_is_written_and_applies() -> None:
    # 附则 has no number: the decision writer finds it in the old version all the same
    old = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n## 附则\n\n第二条 乙。")
    new = wdr.parse(
        HEAD
        + "## 第一章 总则\n\n第一条 甲。\n\n## 第二章 管理\n\n第二条 丁。\n\n## 附则\n\n第三条 乙。"
    )
    decision = wdr.diff(old, new).to_amendment()
    assert decision == (
        "# 关于修改《示例条例》的决定\n\n<!-- INFO END -->\n\n决定对《示例条例》作如下修改：\n\n"
        "一、增加一章，作为第二章：“第二章 管理\n\n“第二条 丁。”\n\n"
        "《示例条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )
    assert wdr.parse_amendment(decision).apply(old) == new


def test_a_deleted_chapter_is_deleted_where_it_stood_among_the_instructions() -> None:
    old = wdr.parse(
        HEAD + "## 第一章 总则\n\n第一条 甲甲甲。\n\n## 第二章 管理\n\n第二条 乙乙乙。\n\n"
        "## 第三章 附则\n\n第三条 丙丙丙。"
    )
    new = wdr.parse(
        HEAD + "## 第一章 总则\n\n第一条 甲甲甲，改。\n\n## 第二章 附则\n\n第二条 丙丙丙。"
    )
    decision = wdr.diff(old, new).to_amendment()
    assert decision == (
        "# 关于修改《示例条例》的决定\n\n<!-- INFO END -->\n\n决定对《示例条例》作如下修改：\n\n"
        "一、将第一条中的“甲甲甲。”修改为“甲甲甲，改。”。\n\n二、删去第二章。\n\n"
        "《示例条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )
    assert wdr.parse_amendment(decision).apply(old) == new


@pytest.mark.parametrize(
    ("old", "new", "instruction"),
    [
        # words added at the line's start are placed before the two characters after them,
        # more when those two recur
        ("人民政府应当支持。", "县级人民政府应当支持。", "在第一条中的“人民”前增加“县级”。"),
        (
            "人民政府应当支持人民。",
            "县级人民政府应当支持人民。",
            "在第一条中的“人民政”前增加“县级”。",
        ),
        # an anchor is widened to the line's start, whatever ends the line
        ("数据安全管理工作", "数据安全与发展管理工作", "在第一条中的“数据安全”后增加“与发展”。"),
        (
            "政府应当支持，政府应当。",
            "政府应当大力支持，政府应当。",
            "将第一条中的“政府应当支”修改为“政府应当大力支”。",
        ),
    ],
)
def test_words_added_are_named_by_the_shortest_context_that_is_unique(
    old: str, new: str, instruction: str
) -> None:
    d = wdr.diff(wdr.parse(f"{HEAD}第一条 {old}"), wdr.parse(f"{HEAD}第一条 {new}"))
    assert d.to_amendment().split("\n\n")[3] == f"一、{instruction}"


def test_an_unnumbered_heading_added_is_refused_by_its_title() -> None:
    old = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。")
    new = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n## 附则\n\n第二条 乙。")
    with pytest.raises(ValueError, match="is added or moved") as caught:
        wdr.diff(old, new).to_amendment()
    assert str(caught.value) == (
        "附则 is added or moved: no instruction form adds or moves a 编, 分编 or unnumbered heading"
    )


@pytest.mark.parametrize(
    ("level", "old", "new"),
    [
        ("##", "第一章 总则", "第二章 管理"),
        ("###", "第一节 一般", "第二节 管理"),
    ],
)
def test_a_heading_numbered_as_no_decision_numbers_it_is_refused(
    level: str, old: str, new: str
) -> None:
    # the second heading is numbered 第三 in the new version, and nothing was added before it
    top = "" if level == "##" else "## 第一章 总则\n\n"
    text = f"{top}{level} {old}\n\n第一条 甲甲甲。\n\n{level} {new}\n\n第二条 乙乙乙。"
    renumbered = text.replace(f"{level} 第二", f"{level} 第三")
    d = wdr.diff(wdr.parse(HEAD + text), wdr.parse(HEAD + renumbered))
    with pytest.raises(ValueError, match="the decision would number it") as caught:
        d.to_amendment()
    kind = new[2]
    assert str(caught.value) == f"第三{kind} 管理: the decision would number it 第二{kind}"


def test_a_title_two_new_chapters_share_does_not_pair_a_chapter_by_itself() -> None:
    # 管理 is the title of two new chapters: it names neither, and between 总则 and 附则 the old
    # and the new chapters pair by position
    old = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 管理\n\n第二条 {'某' * 13}。\n\n"
        f"## 第三章 乙章\n\n第三条 {'丑' * 13}。\n\n## 第四章 附则\n\n第四条 {_LAST}"
    )
    new = (
        f"## 第一章 总则\n\n第一条 {_GOAL}\n\n## 第二章 丙章\n\n第二条 {_LEAD}\n\n"
        f"## 第三章 管理\n\n第三条 {_FUND}\n\n## 第四章 附则\n\n第四条 {_LAST}\n\n"
        f"## 第五章 管理\n\n第五条 {_CAPITAL}"
    )
    assert _summary(old, new)[-3:] == [
        "第二章 管理 -> 第二章 丙章: retitled",
        "第三章 乙章 -> 第三章 管理: retitled",
        "- -> 第五章 管理: added",
    ]


def test_a_chapter_cited_without_its_part_is_followed_and_written_so_again() -> None:
    # chapters numbered again in each 编: 第二章 alone is the first 编's, and stays written
    # without its 编 where that still names it
    code = (
        "# 示例法\n\n## 第一编 总则\n\n### 第一章 任务\n\n第一条 {goal}\n\n{added}"
        "### 第{n}章 原则\n\n第{k}条 {lead}\n\n## 第二编 分则\n\n### 第一章 管理\n\n"
        "第{k2}条 {fund}\n\n### 第二章 附则\n\n第{k3}条 {last}"
    )
    texts = {"goal": _GOAL, "lead": _LEAD, "fund": _FUND, "last": _LAST}
    old = code.format(added="", n="二", k="二", k2="三", k3="四", **texts)
    added = f"### 第二章 规划\n\n第二条 {_CAPITAL}\n\n"
    new = code.format(added=added, n="三", k="三", k2="四", k3="五", **texts)
    d = wdr.diff(wdr.parse(old), wdr.parse(new))
    assert [
        [str(c) for c in d.follow(wdr.parse_citation(cited))]
        for cited in ("第二章", "第一编第二章", "第二编第二章")
    ] == [["第三章"], ["第一编第三章"], ["第二编第二章"]]
