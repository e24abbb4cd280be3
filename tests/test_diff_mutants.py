"""The diff pinned where a mutant of ``_diff`` lived (issue 14, docs/mutation.md): each test here
fails under a mutant the area's other tests let live."""

from __future__ import annotations

from typing import Any

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
