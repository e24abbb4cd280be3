"""The parser and renderer: round trips, the corpus, oddities and errors with positions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Division, Paragraph, ParseError, Regulation

from .conftest import CORPUS, corpus_params
from .content import content, model_text
from .strategies import lawrefbook_source, regulations

# ----------------------------------------------------------------------------- round trips


@given(regulations())
def test_render_then_parse_is_identity(reg: Regulation) -> None:
    assert wdr.parse(wdr.render(reg), strict=False) == reg


@given(st.data())
def test_lawrefbook_dialect_reads_the_same(data: st.DataObject) -> None:
    reg = data.draw(regulations())
    assert wdr.parse(data.draw(lawrefbook_source(reg))) == reg


@given(regulations())
def test_pickle_round_trip(reg: Regulation) -> None:
    assert pickle.loads(pickle.dumps(reg)) == reg


@given(regulations())
def test_articles_are_in_document_order(reg: Regulation) -> None:
    keys = [a.key for a in reg.articles]
    assert keys == sorted(keys)
    for chapter in reg.chapters:
        assert all(a in reg.articles for a in chapter.articles)


# ----------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reg = wdr.parse(text, source=str(path))
    rendered = wdr.render(reg)
    # nothing lost: every character of the input (less markup) is in the output, and held by
    # the model (further paragraphs of 款, 项 and 目 included)
    lost = content(text) - content(rendered)
    assert not lost, f"lost {''.join(lost.elements())[:80]!r}"
    unheld = content(text) - model_text(reg)
    assert not unheld, f"not in the model: {''.join(unheld.elements())[:80]!r}"
    # a fixed point: the canonical text reads back to the same value
    assert wdr.parse(rendered) == reg
    assert wdr.render(wdr.parse(rendered)) == rendered
    for warning in reg.warnings:
        assert 1 <= warning.line <= text.count("\n") + 1


def _corpus(name: str) -> Regulation:
    (path,) = CORPUS.rglob(name)
    return wdr.parse_file(path)


def test_corpus_facts() -> None:
    xingfa = _corpus("刑法.md")
    assert len(xingfa.parts) == 2
    assert sum(a.suffix > 0 for a in xingfa.articles) == 53
    assert xingfa.article("第一百二十条之一").key == (120, 1)
    assert [a.title for a in xingfa.appendices] == ["附件一", "附件二"]
    assert isinstance(xingfa.body[-1], Division) and xingfa.body[-1].title == "附则"
    assert xingfa.body[-1].articles[0].number == 452
    assert xingfa.chapter(1, part=2).title == "危害国家安全罪"

    hetong = _corpus("合同编.md")
    assert hetong.title == "中华人民共和国民法典" and hetong.subtitles == ("合同编",)
    assert hetong.articles[0].label == "第四百六十三条"
    assert [s.title for s in hetong.subparts] == ["通则", "典型合同", "准\u2002合\u2002同"]

    xianfa = _corpus("宪法.md")
    assert isinstance(xianfa.preamble[0], Division) and xianfa.preamble[0].title == "序言"
    assert xianfa.preamble_text.startswith("中国是世界上历史最悠久的国家之一")
    assert sum(p.break_before for p in xianfa.preamble[0].children if isinstance(p, Paragraph)) == 4

    beijing = _corpus("北京市数字经济促进条例(2022-11-25).md")
    assert len(beijing.toc) == 9 and beijing.toc[0] == "第一章 总 则"
    assert [w.code for w in beijing.warnings] == ["toc"]
    assert len(beijing.chapters) == 9

    waishang = _corpus("外商投资法(2019-03-15).md")
    assert waishang.history[0].text.endswith("第二次会议通过）")
    assert waishang.history[0].action == "通过"

    shenzhen = _corpus("深圳经济特区房地产登记条例(2021-10-30).md")
    art = shenzhen.article(29)
    para = art.paragraphs[0]
    assert para.text == "申请土地使用权首次登记应当提交下列文件："
    assert para.items[0].text == "登记申请书；"
    nested = para.items[2].subitems[0]
    assert nested.text.startswith("以出让方式") and [s.number for s in nested.subitems] == [1, 2]

    free = _corpus("张莉诉北京合力华通汽车服务有限公司买卖合同纠纷案.md")
    assert free.articles == () and [d.title for d in free.divisions][1:3] == ["关键词", "裁判要点"]

    table = _corpus(
        "最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（三）(2007-10-25).md"
    )
    tables = [b for b in table.body if isinstance(b, wdr.Table)]
    assert len(tables) == 1 and tables[0].rows[0] == ("刑法条文", "罪名")
    assert len(tables[0].rows) == 23

    stub = _corpus("汕头经济特区突发公共卫生事件应急条例(2022-05-30).md")
    assert stub.body == () and len(stub.history) == 1


# ----------------------------------------------------------------------------- oddities

SMALL = "# 示例条例\n\n- 2020年1月1日某会议通过\n\n<!-- INFO END -->\n\n"


def _codes(text: str) -> list[tuple[str, int]]:
    return [(w.code, w.line) for w in wdr.parse(text).warnings]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("第一条 甲\n\n第三条 乙\n", [("skipped-number", 9)]),
        ("第一条 甲\n\n第一条 乙\n", [("repeated-number", 9)]),
        ("第二条 甲\n\n第一条 乙\n", [("out-of-order", 9)]),
        ("第一条 甲\n\n第二 条 乙\n", [("broken-marker", 9)]),
        ("第一条 甲\n\n第二条乙\n", [("missing-separator", 9)]),
        ("第一条 甲\n\n第三十X条 乙\n", [("bad-numeral", 9)]),
        ("## 第一章 甲\n\n第一条 甲\n\n## 第三章 乙\n\n第二条 乙\n", [("skipped-number", 11)]),
        ("第一条 下列：\n\n（一）甲\n\n（三）乙\n", [("item-number", 11)]),
        ("第一条 下列： （一）甲\n", [("inline-item", 7)]),
        ("## 第一章 甲\n\n散文\n\n第一条 甲\n", [("stray-text", 9)]),
        ("第一条 甲\n\n##\n", [("empty-heading", 9)]),
        (
            "第一条 甲\n\n<!-- TABLE -->\n| a |\n",
            [("table-in-article", 9), ("unterminated-table", 9)],
        ),
        ("第一条 甲\n\n<!-- FORCE BREAK -->\n", [("stray-force-break", 9)]),
        ("第一条 甲\n\n<!-- WHAT -->\n", [("unknown-marker", 9)]),
        ("第一条 甲\u200b\n", [("zero-width", 7)]),
        ("第一条 甲\ue000\n", [("private-use", 7)]),
        ("附件：\n\n第一条 甲\n", [("article-in-appendix", 9)]),
    ],
)
def test_oddities_are_warnings_with_lines(body: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(SMALL + body) == expected
    with pytest.raises(ParseError) as info:
        wdr.parse(SMALL + body, strict=True)
    assert info.value.line == expected[0][1]


def test_missing_separator_only_for_the_next_article() -> None:
    reg = wdr.parse(SMALL + "第一条 甲\n\n第三十五条规定的事项另行规定。\n")
    assert reg.warnings == ()
    assert reg.article(1).paragraphs[1].text == "第三十五条规定的事项另行规定。"


def test_history_quirks() -> None:
    reg = wdr.parse(
        "# 示例\n\n2004年5月30日 某会议修订  根据\n\n2007年7月27日 某会议《关于修改〈示例〉\n\n"
        "的决定》第一次修正）\n2010年1月1日 施行\n\n<!-- INFO END -->\n\n第一条 甲\n"
    )
    assert [e.action for e in reg.history] == ["修订", "修正", "施行"]
    assert reg.history[1].text == "2007年7月27日 某会议《关于修改〈示例〉的决定》第一次修正）"
    assert [w.code for w in reg.warnings] == ["history-continuation"]
    assert reg.effective_date is not None and reg.effective_date.year == 2010


def test_event_without_date() -> None:
    reg = wdr.parse("# 通知\n\n劳社部发[2008]3号\n\n<!-- INFO END -->\n\n正文。\n")
    assert reg.history[0].date is None and reg.history[0].action is None
    assert reg.history[0].body is None
    assert [p.text for p in reg.body if isinstance(p, Paragraph)] == ["正文。"]


def test_seed_dialect_and_article_headings() -> None:
    reg = wdr.parse("# 甲\n\n###### 第一条\n\n（一）甲；\n\n（二）乙。\n\n###### 第二条\n")
    first = reg.article(1)
    assert first.paragraphs[0].text == "" and len(first.paragraphs[0].items) == 2
    assert reg.article(2).paragraphs == ()


def test_crlf_bom_and_no_final_newline() -> None:
    text = "\ufeff# 甲\r\n\r\n第一条 为了。\r\n\r\n第二条 施行。"
    reg = wdr.parse(text)
    assert [a.text for a in reg.articles] == ["为了。", "施行。"]


# ----------------------------------------------------------------------------- errors


def test_error_empty() -> None:
    with pytest.raises(ParseError) as info:
        wdr.parse("  \n\n")
    assert str(info.value) == "<string>:1:1: expected a regulation, found empty input"


def test_error_no_title_pins_the_whole_message() -> None:
    with pytest.raises(ParseError) as info:
        wdr.parse("\n第一条 为了。\n", source="x.md")
    assert str(info.value) == (
        "x.md:2:1: expected a '# ' title line, found '第一条 为了。'\n    第一条 为了。\n    ^"
    )
    assert isinstance(info.value, ValueError)


def test_error_control_character_caret_counts_cjk_as_two_cells() -> None:
    with pytest.raises(ParseError) as info:
        wdr.parse("# 示例\n\n第一条 为了\x01。\n")
    err = info.value
    assert (err.line, err.column) == (3, 7)
    # 第一条 (6 cells) + space (1) + 为了 (4 cells): the caret stands in cell 12
    assert str(err).splitlines()[-1] == "    " + " " * 11 + "^"
    assert "U+0001" in err.message


def test_error_binary() -> None:
    with pytest.raises(ParseError, match="NUL"):
        wdr.parse("# 示例\n\x00\x01\x02")


def test_parse_error_pickles() -> None:
    err = ParseError("bad", line=3, column=2, text="第一条", source="s")
    clone = pickle.loads(pickle.dumps(err))
    assert str(clone) == str(err) and clone.line == 3


def test_parse_file_reports_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes("# 示例\n\n第一条 为".encode() + b"\xff\xfe" + "了。\n".encode())
    with pytest.raises(ParseError) as info:
        wdr.parse_file(path)
    assert (info.value.line, info.value.column) == (3, 6)
    assert "0xFF" in info.value.message


def test_parse_file_tolerates_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + "# 示例\n\n第一条 为了。\n".encode())
    assert wdr.parse_file(path).article(1).text == "为了。"


# ----------------------------------------------------------------------------- mutations


def _seed_lines() -> list[str]:
    return wdr.seed_text().split("\n")


@given(st.sampled_from([a.number for a in wdr.load().articles[1:-1]]))
@example(35)
def test_deleted_article_heading_is_reported_at_the_next_one(number: int) -> None:
    lines = _seed_lines()
    label = Article(number).label
    index = lines.index(f"###### {label}")
    del lines[index]
    next_label = Article(number + 1).label
    reg = wdr.parse("\n".join(lines))
    # the first article of a chapter leaves its text outside any article: reported too
    codes = {w.code for w in reg.warnings}
    assert codes <= {"skipped-number", "stray-text"}
    [warning] = [w for w in reg.warnings if w.code == "skipped-number"]
    assert lines[warning.line - 1] == f"###### {next_label}"
    assert (warning.column, warning.message) == (8, f"expected {label}, found {next_label}")


@given(st.sampled_from(range(1, 7)))
def test_deleted_chapter_heading_is_reported_at_the_next_one(number: int) -> None:
    # (the last chapter's heading cannot be missed: nothing follows it to notice)
    lines = _seed_lines()
    chapter = wdr.load().chapter(number)
    del lines[lines.index(f"#### {chapter.label} {chapter.title}")]
    reg = wdr.parse("\n".join(lines))
    [warning] = reg.warnings
    following = wdr.load().chapter(number + 1)
    assert (warning.code, warning.column, warning.message) == (
        "skipped-number",
        6,
        f"expected {chapter.label}, found {following.label}",
    )
    assert lines[warning.line - 1] == f"#### {following.label} {following.title}"


@given(st.sampled_from([a.number for a in wdr.load().articles]), st.sampled_from("X壹〇两零"))
def test_corrupted_numeral(number: int, junk: str) -> None:
    lines = _seed_lines()
    label = Article(number).label
    index = lines.index(f"###### {label}")
    lines[index] = f"###### 第{junk}{label[1:]}"
    reg = wdr.parse("\n".join(lines))
    assert reg.warnings[0].line == index + 1
    numeral = f"{junk}{label[1:-1]}"
    # 〇, 两 and 零 are numeral characters, so the line reads as a label with a bad numeral
    message = (
        f"'{numeral}' is not a numeral; the line is kept as text"
        if junk in "〇两零"
        else f"'第{numeral}条' is not a numbered label: '{numeral}' is not a numeral; kept as text"
    )
    bad = [(w.line, w.column, w.message) for w in reg.warnings if w.code == "bad-numeral"]
    assert bad == [(index + 1, 9, message)]
    with pytest.raises(ParseError) as info:
        wdr.parse("\n".join(lines), strict=True)
    assert info.value.line == index + 1


@given(st.integers(0, 280), st.sampled_from(["\x00", "\x07", "\x1b"]))
def test_control_character_anywhere_names_its_line(line_index: int, char: str) -> None:
    lines = _seed_lines()
    line_index %= len(lines)
    lines[line_index] = lines[line_index][:3] + char + lines[line_index][3:]
    with pytest.raises(ParseError) as info:
        wdr.parse("\n".join(lines))
    assert info.value.line == line_index + 1
    assert info.value.column == min(4, len(lines[line_index]))


def test_model_rejects_inconsistent_values() -> None:
    with pytest.raises(ValueError, match="numbered by position"):
        Article(1, 0, (Paragraph(2, "甲"),))
    with pytest.raises(ValueError, match="from 1 to 9999"):
        Article(0)
    with pytest.raises(ValueError, match="from 1 to 9999"):
        Article(10000)
    with pytest.raises(ValueError, match="line break"):
        Paragraph(1, "甲\n乙")
    with pytest.raises(ValueError, match="text or items"):
        Paragraph(1, "")


def test_corrupted_article_heading_keeps_the_chapter_together() -> None:
    lines = _seed_lines()
    index = lines.index("###### 第三十五条")
    lines[index] = "###### 第三十X条"
    reg = wdr.parse("\n".join(lines))
    assert [w.code for w in reg.warnings] == ["bad-numeral", "skipped-number"]
    assert reg.warnings[0].line == index + 1
    # the text stays inside 第三十四条, and the chapter keeps its later articles
    assert reg.article(34).paragraphs[-5].text == "第三十X条"
    assert [a.number for a in reg.chapter(5).articles] == [34, 36, 37, 38, 39]
    assert wdr.parse(wdr.render(reg)) == reg


# ----------------------------------------------------------------------------- any text

#: Lines of every kind the parser knows, broken ones included, to build arbitrary sources from.
_LINES = [
    "# 标题", "# 第二标题", "- 2020年1月1日某会议通过", "2020年1月1日 某会议修订  根据", "会议通过）",
    "<!-- INFO END -->", "## 第一编 总则", "### 第一分编 通则", "## 第一章 总 则", "### 第二章",
    "#### 第一节 一般规定", "第二节 规定", "###### 第一条", "第一条 为了。", "第二条 规定：",
    "第二条之一 插入。", "第三 条 破损。", "第四条规定的事项。", "第三十X条 坏。", "（一）甲；", "(二)乙；",
    "1．目一", "2.目二", "3、目三", "（1）四级", "(2)四级", "## 附则", "## 序言", "##", "#", "附件一",
    "附件：", "附表二", "附：", "注：1．说明", "① 注释", "<!-- FORCE BREAK -->", "<!-- TABLE -->",
    "| a | b |", "|---|---|", "<!-- TABLE END -->", "<!-- OTHER -->", "", "  ", "\u200b", "普通段落。",
    "　　缩进段落。", "第一章 总则 第二章 其他", "## 一、前言", "#### 5.1.1 重伤一级",
    "本条例自2023年7月1日起施行。", "第五条 下列： （一）内联；", "\ue000私用", "# 第一章 甲",
    # the layouts of issue 8 and the reproducers of issue 12
    "１．全角", "（１）全角", "说明：", "（六）六", "（七）续", "下列： （一）甲； （二）乙。 另款。",
    "一、将第五条修改为：“第五条 新", "“（一）引用项；", "（二）未加引号", "新文本。”", "“", "”",
    "二、增加一条，作为第六条：", "第六条 新增。", "三、本决定自公布之日起施行。", "附：税则",
    "0. 零", "1. 9个工作日", "（十十）坏", "第一条之一之一 嵌套", "第一条之零 零", "第六四章",
    "####### 第一章 七级", "\\ 转义空格", "| a\u200b |", "## 第1章 甲",
]  # fmt: skip


def _parse_or_error(text: str) -> Regulation | None:
    """The parsed value, or None after checking that the ParseError names a real line."""
    try:
        return wdr.parse(text)
    except ParseError as err:
        line = err.line
    assert 1 <= line <= text.count("\n") + 1
    return None


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LINES),
            st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
            st.text(max_size=6),  # control characters too, now and then
        ),
        max_size=40,
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_any_text_is_an_error_or_reaches_a_fixed_point(
    lines: list[str], newline: str, titled: bool
) -> None:
    """Whatever the input, parse raises ParseError or gives a value that render/parse keep."""
    text = newline.join((["# 标题"] if titled else []) + lines)
    reg = _parse_or_error(text)
    if reg is None:
        return
    rendered = wdr.render(reg)
    again = wdr.parse(rendered)
    assert again == reg
    assert wdr.render(again) == rendered


# ----------------------------------------------------------------------------- escaping

#: Texts that would read back as something else if printed bare at the start of a line.
_HOSTILE = [
    "第三条 规定。", "第三条规定的事项。", "第二章 总则", "第一编", "第五节 附则", "（一）项", "(二)项",
    "1．目", "2.目", "（1）四级", "附件：清单", "附件一", "附：", "<!-- X -->", "<!-- INFO END -->",
    "<!-- FORCE BREAK -->", "<!-- TABLE -->", "## 标题", "#", "\\转义", "\\", "- 列表", "第三十X条",
    "序言", "第一条之一 插入",
]  # fmt: skip


@st.composite
def _hostile(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(_HOSTILE))
    tail = draw(st.text("甲乙丙，。", max_size=4))
    return (head + tail).strip()


@st.composite
def _hostile_paragraphs(draw: st.DrawFn) -> tuple[Paragraph, ...]:
    out = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        items = tuple(wdr.Item(n, draw(_hostile())) for n in range(1, draw(st.integers(0, 2)) + 1))
        out.append(Paragraph(number, draw(_hostile()), items, draw(st.booleans())))
    return tuple(out)


@st.composite
def _hostile_regulations(draw: st.DrawFn) -> Regulation:
    articles = tuple(
        Article(n, 0, draw(_hostile_paragraphs())) for n in range(1, draw(st.integers(1, 3)) + 1)
    )
    chapter = wdr.Chapter(1, "总则", articles)
    free = draw(_hostile_paragraphs())
    division = Division(draw(_hostile()), draw(st.integers(2, 5)), draw(_hostile_paragraphs()))
    appendix = wdr.Appendix("附件一", (*draw(_hostile_paragraphs()), division))
    shape = draw(st.sampled_from(["structured", "free"]))
    if shape == "structured":
        if division.title in ("序言",):
            division = Division("序言 之外", division.level, division.children)
        return Regulation(
            title=draw(_hostile()),
            history=tuple(wdr.Event(t) for t in draw(st.lists(_hostile(), max_size=2))),
            preamble=free,
            body=(chapter,),
            appendices=(appendix,),
        )
    return Regulation(title=draw(_hostile()), body=(*free, division), appendices=(appendix,))


@given(_hostile_regulations())
def test_text_that_looks_like_markup_is_escaped_and_read_back(reg: Regulation) -> None:
    rendered = wdr.render(reg)
    assert wdr.parse(rendered) == reg, rendered


def test_escape_is_written_only_where_needed() -> None:
    reg = Regulation(
        title="示例",
        body=(
            Article(1, 0, (Paragraph(1, "第三条 规定。"), Paragraph(2, "下列：", (wdr.Item(1, "甲"),)))),
            Article(2, 0, (Paragraph(1, "1．目"), Paragraph(2, "下列：", (wdr.Item(1, "甲"),)),
                           Paragraph(3, "1．目"))),
        ),
    )  # fmt: skip
    lines = wdr.render(reg).splitlines()
    assert "\\第三条 规定。" in lines
    # a 1． opening the first 款 is prose; after a 款 with items it would join the list
    assert lines.count("1．目") == 1 and lines.count("\\1．目") == 1
    assert wdr.parse(wdr.render(reg)) == reg


@pytest.mark.parametrize(
    ("body", "messages"),
    [
        ("第九千九百九十九条 甲。\n\n第一条 乙。\n", ["第一条 comes after 第九千九百九十九条"]),
        (
            "第九千九百九十九条 甲。\n\n第九千九百九十九条 乙。\n",
            ["第九千九百九十九条 appears twice"],
        ),
        (
            "## 第九千九百九十九章 甲\n\n## 第一章 乙\n",
            [
                "no article (第一条 …) in the text: the text after the header is kept as free "
                "text, and nothing can be cited by article (an amending instrument is read by "
                "parse_amendment)",
                "expected 第一章, found 第九千九百九十九章",
                "expected nothing after 第九千九百九十九章, found 第一章",
            ],
        ),
        (
            "第一条 甲。\n\n## 第九千九百九十九章 甲\n\n## 第九千九百九十九章 乙\n",
            [
                "expected 第一章, found 第九千九百九十九章",
                "expected nothing after 第九千九百九十九章, found 第九千九百九十九章",
            ],
        ),
    ],
)
def test_numbers_at_the_limit_are_reported_not_crashed_on(body: str, messages: list[str]) -> None:
    reg = wdr.parse(SMALL + body)
    assert [w.message for w in reg.warnings] == messages


# --------------------------------------------------------------------------- pipe tables


_PIPE = "|甲|乙|\n|---|---|\n|丙|丁|"
_ROWS = ("|甲|乙|", "|---|---|", "|丙|丁|")


def test_a_pipe_table_without_markers_is_a_table_as_with_them() -> None:
    unmarked = wdr.parse(f"# 示例条例\n\n第三条 甲。\n\n{_PIPE}\n\n第四条 乙。\n")
    marked = wdr.parse(
        f"# 示例条例\n\n第三条 甲。\n\n<!-- TABLE -->\n{_PIPE}\n<!-- TABLE END -->\n\n第四条 乙。\n"
    )
    assert unmarked.body == marked.body
    assert [type(n).__name__ for n in unmarked.body] == ["Article", "Table", "Article"]
    assert unmarked.body[1] == wdr.Table(_ROWS)
    assert [p.text for p in unmarked.article(3).paragraphs] == ["甲。"]  # no row is a 款
    assert [(w.line, w.column, w.code) for w in unmarked.warnings] == [(5, 1, "table-in-article")]


@pytest.mark.parametrize("delimiter", ["|---|---|", "|:--|--:|", "| :-: | - |", "---|---", "|---|"])
def test_a_pipe_tables_delimiter_row_may_align_its_cells(delimiter: str) -> None:
    reg = wdr.parse(f"# 示例条例\n\n## 第一章 总则\n\n|甲|乙|\n{delimiter}\n\n第一条 甲。\n")
    chapter = reg.body[0]
    assert isinstance(chapter, wdr.Chapter)
    assert chapter.children[0] == wdr.Table(("|甲|乙|", delimiter))
    assert reg.warnings == ()


@pytest.mark.parametrize(
    "rows",
    [
        "|甲|乙|\n\n|---|---|",  # a blank line between the rows
        "|甲|乙|\n---",  # no | in the delimiter: a thematic break, not a table
        "|甲|乙|\n|丙|丁|",  # no delimiter row
        "甲|乙\n|---|---|",  # the first row does not open with |
    ],
)
def test_what_is_not_a_pipe_table_stays_text(rows: str) -> None:
    reg = wdr.parse(f"# 示例条例\n\n第一条 甲。\n\n{rows}\n")
    assert not any(isinstance(n, wdr.Table) for n in reg.body)
    assert [p.text for p in reg.article(1).paragraphs][1:] == [
        line for line in rows.split("\n") if line
    ]


def test_a_pipe_table_in_a_marked_table_or_a_quotation_is_theirs() -> None:
    marked = wdr.parse(f"# 示例条例\n\n<!-- TABLE -->\n{_PIPE}\n|戊|己|\n<!-- TABLE END -->\n")
    assert marked.body == (wdr.Table((*_ROWS, "|戊|己|")),)
    quoted = wdr.parse(f"# 示例条例\n\n第一条 修改为：\n\n“{_PIPE}\n\n”\n")
    assert not any(isinstance(n, wdr.Table) for n in quoted.body)


@given(
    st.lists(
        st.text(st.sampled_from("甲乙丙丁 -:"), min_size=1, max_size=6).map(lambda c: f"|{c}|"),
        min_size=0,
        max_size=4,
    )
)
def test_any_pipe_table_reads_as_its_marked_twin(rows: list[str]) -> None:
    table = "\n".join(["|甲|乙|", "|---|---|", *rows])
    unmarked = wdr.parse(f"# 示例条例\n\n第一条 甲。\n\n{table}\n\n第二条 乙。\n")
    marked = wdr.parse(
        f"# 示例条例\n\n第一条 甲。\n\n<!-- TABLE -->\n{table}\n<!-- TABLE END -->\n\n第二条 乙。\n"
    )
    assert unmarked.body == marked.body
    assert [w.code for w in unmarked.warnings] == [w.code for w in marked.warnings]


# ----------------------------------------------------------------------------- memory


def test_a_parse_leaves_no_reference_cycle() -> None:
    """Everything a parse builds on the way (lines, matches, builders) is freed by reference
    counting when it returns: the numbering checks once held a bound method of the parser,
    which left all of it for the cyclic garbage collector (a third of the parse's time)."""
    import gc

    text = (
        "# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n\n第三条 乙：\n\n（一）丙；\n\n（三）丁。\n"
    )
    enabled = gc.isenabled()
    gc.disable()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        reg = wdr.parse(text)
        assert [w.code for w in reg.warnings] == ["skipped-number", "item-number"]
        assert gc.collect() == 0, [type(o).__name__ for o in gc.garbage][:10]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
