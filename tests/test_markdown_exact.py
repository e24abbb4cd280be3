"""The Markdown reader at its edges, warnings pinned by code and position (issue 14: each test
here fails under a mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import ParseError, Regulation

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


SMALL = "# 示例条例\n\n- 2020年1月1日某会议通过\n\n<!-- INFO END -->\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("第一条 甲\n\n第三条 乙\n",
         [(9, 1, "skipped-number", "expected 第二条, found 第三条")]),
        ("第一条 甲\n\n第一条 乙\n", [(9, 1, "repeated-number", "第一条 appears twice")]),
        ("第二条 甲\n\n第一条 乙\n", [(9, 1, "out-of-order", "第一条 comes after 第二条")]),
        ("第一条 甲\n\n第二 条 乙\n",
         [(9, 2, "broken-marker", "white space inside the label '第二 条'")]),
        ("第一条 甲\n\n第二条乙\n",
         [(9, 4, "missing-separator", "no space after '第二条'; read as an article")]),
        ("第一条 甲\n\n第三十X条 乙\n",
         [(9, 2, "bad-numeral",
           "'第三十X条' is not a numbered label: '三十X' is not a numeral; kept as text")]),
        ("## 第一章 甲\n\n第一条 甲\n\n## 第三章 乙\n\n第二条 乙\n",
         [(11, 4, "skipped-number", "expected 第二章, found 第三章")]),
        ("第一条 下列：\n\n（一）甲\n\n（三）乙\n",
         [(11, 1, "item-number", "expected item （二）, found （三）")]),
        ("第一条 下列： （一）甲\n",
         [(7, 9, "inline-item",
           "an item stands on the line of its introduction; split into its own line")]),
        ("## 第一章 甲\n\n散文\n\n第一条 甲\n",
         [(9, 1, "stray-text", "text outside any article under '甲'; kept as a paragraph there")]),
        ("第一条 甲\n\n##\n", [(9, 1, "empty-heading", "a heading with no text")]),
        ("第一条 甲\n\n<!-- TABLE -->\n| a |\n",
         [(9, 1, "table-in-article", "a table inside an article closes the article"),
          (9, 1, "unterminated-table", "TABLE without TABLE END; closed here")]),
        ("第一条 甲\n\n<!-- FORCE BREAK -->\n",
         [(9, 1, "stray-force-break", "FORCE BREAK not followed by a paragraph; dropped")]),
        ("第一条 甲\n\n<!-- WHAT -->\n",
         [(9, 1, "unknown-marker", "unknown marker '<!-- WHAT -->' kept as text")]),
        ("第一条 甲\u200b\n", [(7, 6, "zero-width", "zero-width space (U+200B) removed")]),
        ("第一条 甲\ue000\n",
         [(7, 6, "private-use", "private-use character U+E000 kept as printed")]),
        ("附件：\n\n第一条 甲\n",
         [(9, 1, "article-in-appendix", "an article label inside an appendix is kept as text")]),
    ],
)  # fmt: skip
def test_oddities_are_warnings_pinned_by_code_and_position(
    body: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert _warnings(wdr.parse(SMALL + body)) == expected
    # strict mode refuses at the first of them, with the same position, message and code
    with pytest.raises(ParseError) as info:
        wdr.parse(SMALL + body, strict=True)
    line, column, code, message = expected[0]
    assert (info.value.line, info.value.column, info.value.message) == (
        line,
        column,
        f"{message} [{code}]",
    )


#: A LawRefBook-dialect text with every layout the writer prints: a subtitle, history, a table
#: of contents entry, 编 with 分编, 章 restarting in a 编, 节, an inserted article, 项 with 目 and
#: the fourth level, several 款 with lists, a forced break, a leading backslash, a table, an
#: appendix.
RICH = (
    "# 示例法典\n"
    "\n"
    "# （草案）\n"
    "\n"
    "- 2020年1月2日示例市第三届人民代表大会常务委员会第四次会议通过\n"
    "\n"
    "- 2021年3月1日起施行\n"
    "\n"
    "<!-- INFO END -->\n"
    "\n"
    "## 目录\n"
    "\n"
    "## 第一编 总则\n"
    "\n"
    "### 第一分编 一般规定\n"
    "\n"
    "#### 第一章 基本规定\n"
    "\n"
    "第一条 为了示例，制定本法典。\n"
    "\n"
    "第二条 下列用语的含义：\n"
    "\n"
    "（一）甲，是指：\n"
    "\n"
    "1．子；\n"
    "\n"
    "2．丑。\n"
    "\n"
    "（二）乙。\n"
    "\n"
    "前款所称用语，依照下列规定：\n"
    "\n"
    "（一）丙；\n"
    "\n"
    "（二）丁。\n"
    "\n"
    "#### 第二章 其他规定\n"
    "\n"
    "##### 第一节 一般\n"
    "\n"
    "第三条 示例。\n"
    "\n"
    "第三条之一 新增。\n"
    "\n"
    "<!-- FORCE BREAK -->\n"
    "\n"
    "强制分段。\n"
    "\n"
    "##### 第二节 特别\n"
    "\n"
    "第四条 下列情形：\n"
    "\n"
    "（一）情形一：\n"
    "\n"
    "1．子目：\n"
    "\n"
    "（1）第四层；\n"
    "\n"
    "（2）第四层二。\n"
    "\n"
    "## 第二编 分则\n"
    "\n"
    "### 第一章 重设\n"
    "\n"
    "第五条 \\第六条 不是条文。\n"
    "\n"
    "<!-- TABLE -->\n"
    "| 甲 | 乙 |\n"
    "|---|---|\n"
    "| 1 | 2 |\n"
    "<!-- TABLE END -->\n"
    "\n"
    "## 附件：示例表\n"
    "\n"
    "正文。\n"
)

#: RICH in the seed's dialect: what render writes, byte for byte.
RICH_CANONICAL = (
    "# 示例法典\n"
    "\n"
    "# （草案）\n"
    "\n"
    "- 2020年1月2日示例市第三届人民代表大会常务委员会第四次会议通过\n"
    "\n"
    "- 2021年3月1日起施行\n"
    "\n"
    "<!-- INFO END -->\n"
    "\n"
    "## 目录\n"
    "\n"
    "## 第一编 总则\n"
    "\n"
    "### 第一分编 一般规定\n"
    "\n"
    "#### 第一章 基本规定\n"
    "\n"
    "###### 第一条\n"
    "\n"
    "为了示例，制定本法典。\n"
    "\n"
    "###### 第二条\n"
    "\n"
    "下列用语的含义：\n"
    "\n"
    "（一）甲，是指：\n"
    "\n"
    "1．子；\n"
    "\n"
    "2．丑。\n"
    "\n"
    "（二）乙。\n"
    "\n"
    "前款所称用语，依照下列规定：\n"
    "\n"
    "（一）丙；\n"
    "\n"
    "（二）丁。\n"
    "\n"
    "#### 第二章 其他规定\n"
    "\n"
    "##### 第一节 一般\n"
    "\n"
    "###### 第三条\n"
    "\n"
    "示例。\n"
    "\n"
    "###### 第三条之一\n"
    "\n"
    "新增。\n"
    "\n"
    "<!-- FORCE BREAK -->\n"
    "\n"
    "强制分段。\n"
    "\n"
    "##### 第二节 特别\n"
    "\n"
    "###### 第四条\n"
    "\n"
    "下列情形：\n"
    "\n"
    "（一）情形一：\n"
    "\n"
    "1．子目：\n"
    "\n"
    "（1）第四层；\n"
    "\n"
    "（2）第四层二。\n"
    "\n"
    "## 第二编 分则\n"
    "\n"
    "#### 第一章 重设\n"
    "\n"
    "###### 第五条\n"
    "\n"
    "\\\\第六条 不是条文。\n"
    "\n"
    "<!-- TABLE -->\n"
    "| 甲 | 乙 |\n"
    "|---|---|\n"
    "| 1 | 2 |\n"
    "<!-- TABLE END -->\n"
    "\n"
    "## 附件：示例表\n"
    "\n"
    "正文。\n"
)


def test_render_writes_every_layout_in_the_canonical_dialect() -> None:
    reg = wdr.parse(RICH)
    assert _warnings(reg) == [
        (67, 1, "table-in-article", "a table inside an article closes the article")
    ]
    assert wdr.render(reg) == RICH_CANONICAL
    # the canonical text is a fixed point, and reads as the same regulation
    again = wdr.parse(RICH_CANONICAL)
    assert again == reg
    assert wdr.render(again) == RICH_CANONICAL
    assert [(p.label, [c.label for c in p.chapters]) for p in reg.parts] == [
        ("第一编", ["第一章", "第二章"]),
        ("第二编", ["第一章"]),
    ]
    assert [a.label for a in reg.articles] == [
        "第一条",
        "第二条",
        "第三条",
        "第三条之一",
        "第四条",
        "第五条",
    ]


def test_a_table_of_contents_is_written_at_the_depth_of_each_rank() -> None:
    text = (
        "# 示例法典\n\n<!-- INFO END -->\n\n"
        "## 第一编 总则\n\n### 第一分编 通则\n\n#### 第一章 一般规定\n\n##### 第一节 甲\n\n## 附则\n\n"
        "## 第一编 总则\n\n### 第一分编 通则\n\n#### 第一章 一般规定\n\n##### 第一节 甲\n\n第一条 甲。\n\n"
        "## 附则\n\n第二条 乙。"
    )
    reg = wdr.parse(text)
    assert reg.toc == ("第一编 总则", "第一分编 通则", "第一章 一般规定", "第一节 甲")
    assert _warnings(reg) == [
        (5, 1, "toc", "a table of contents (4 line(s)) stands in the body; kept apart")
    ]
    assert wdr.render(reg).startswith(
        "# 示例法典\n\n<!-- INFO END -->\n\n"
        "## 第一编 总则\n\n### 第一分编 通则\n\n#### 第一章 一般规定\n\n##### 第一节 甲\n\n## 附则\n\n"
        "## 第一编 总则\n\n"
    )
    assert (
        wdr.render(reg)
        == text.replace("第一条 甲。", "###### 第一条\n\n甲。").replace(
            "第二条 乙。", "###### 第二条\n\n乙。"
        )
        + "\n"
    )


@pytest.mark.parametrize(
    ("data", "line", "column", "shown"),
    [
        # the excerpt is the bad byte's own line, not the lines after it
        (b"# \xe4\xbe\x8b\n\n\xe7\x94\xb2\xff\xe4\xb9\x99\n\n\xe7\xac\xac\xe4\xb8\x80\xe6\x9d\xa1 "
         b"\xe7\x94\xb2\xe3\x80\x82\n", 3, 2, "甲\ufffd乙"),
        # on a last line without a newline
        (b"# \xe4\xbe\x8b\n\n\xe7\x94\xb2\xff", 3, 2, "甲\ufffd"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_utf8_names_its_line(
    tmp_path: Path, data: bytes, line: int, column: int, shown: str
) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    with pytest.raises(ParseError) as info:
        wdr.parse_file(path)
    assert str(info.value) == (
        f"{path}:{line}:{column}: expected UTF-8 text, found the byte 0xFF; pass encoding=… if "
        f"the file is in another encoding\n    {shown}\n      ^"
    )


@pytest.mark.parametrize(
    ("title", "heading"),
    # a line without # reads as a heading only with a short title (at most 30 characters)
    # and no sentence punctuation
    [("甲" * 30, True), ("甲" * 31, False), ("本条例适用于本市。", False)],
)
def test_a_heading_without_hashes_has_a_short_title(title: str, heading: bool) -> None:
    line = f"第二章 {title}"
    reg = wdr.parse(HEAD + "## 第一章 总则\n\n第一条 甲。\n\n" + line + "\n\n第二条 乙。")
    if heading:
        assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则"), ("第二章", title)]
        assert _warnings(reg) == [
            (7, 1, "heading-without-marker", f"{line!r} reads as a heading though it has no '#'")
        ]
    else:
        assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则")]
        assert [p.text for p in reg.article(1).paragraphs] == ["甲。", line]
        assert _warnings(reg) == []


def test_目_printed_in_parentheses_directly_under_a_项_are_siblings() -> None:
    reg = wdr.parse(HEAD + "第一条 下列：\n\n（一）甲：\n\n（1）子；\n\n（2）丑。\n\n（二）乙。")
    (first, second) = reg.article(1).paragraphs[0].items
    assert [(s.number, s.text, s.subitems) for s in first.subitems] == [
        (1, "子；", ()),
        (2, "丑。", ()),
    ]
    assert (second.text, second.subitems, _warnings(reg)) == ("乙。", (), [])


def test_seed_text_reads_the_packaged_data_where_no_plain_file_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a zipped install has no file beside the package: importlib.resources reads it instead
    plain = wdr.seed_text()
    monkeypatch.setattr(os.path, "exists", lambda path: False)
    assert wdr.seed_text() == plain
    assert plain.startswith("# 无锡市数字化转型促进条例\n")
