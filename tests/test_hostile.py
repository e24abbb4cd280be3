"""Hostile and careless input (issue 12): every public function returns a correct value or
raises a documented error with a position; nothing hangs, reads without bound or is lost.

One section per reader; each reproducer of the issue is a test, and where a family of inputs
failed, a property covers the family.
"""

from __future__ import annotations

import errno
import json
import os
import re
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    ParseError,
    Regulation,
    RegulationDiff,
    SerializationError,
    SubItem,
    Table,
)
from wuxi_dt_regulation.__main__ import main as cli_main

# =========================================================================== the Markdown reader
# parse, parse_file and render (issue 12 items 1, 2, 7, 10, 11)

HEAD = "# 例\n\n"


def _value_or_parse_error(text: str) -> Regulation | None:
    """parse(text) returns, or raises ParseError at a line of the text; nothing else."""
    try:
        return wdr.parse(text)
    except ParseError as err:
        line = err.line
    assert 1 <= line <= text.count("\n") + 1
    return None


def _fixed_point(reg: Regulation) -> None:
    rendered = wdr.render(reg)
    again = wdr.parse(rendered)
    assert again == reg, rendered
    assert wdr.render(again) == rendered


# ---- item 1: no bare ValueError


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "\\ x",  # an escaped line whose text opens with a space
        HEAD + "\\\tx",  # … a tab
        HEAD + "\\\u3000x",  # … an ideographic space
        "# 例\n\n\\ 2020年1月1日某会议通过\n\n<!-- INFO END -->\n\n第一条 甲。",  # in the history
        HEAD + "<!-- TABLE -->\n| a\u200b |\n<!-- TABLE END -->",  # zero-width space in a table
        HEAD + "<!-- TABLE -->\n\u200b| a |\n<!-- TABLE END -->",
        HEAD + "## 第1章 甲\n\n## 第2章 乙\n\n## 第1章 甲\n\n第一条 x",  # a table of contents…
        HEAD + "## 第一十章 甲\n\n## 第十一章 乙\n\n## 第十章 甲\n\n第一条 x",  # … not canonical
        HEAD
        + "## 第一章 甲\n\n## 第二章 乙\n\n第一条 x\n\n## 第三章 丙\n\n## 第一章 甲\n\n第二条 y",
        HEAD + "第一条 下列：\n\n（一）x\n\n0. y",  # a 目 numbered 0
        HEAD + "第一条 下列：\n\n（十十）x",  # a 项 numbered with no numeral
        HEAD + "## 第一编 总则\n\n## 序言\n\n第一条 为了。",  # 序言 closed by an article
        HEAD + "第一条 甲。\n\n<!-- TABLE -->\n|a|\n<!-- TABLE END -->\n\n（一）乙",
        HEAD + "第六四章",  # a plain label with no numeral
        "# 例\n\n## 2020年1月1日某会议通过\u200b\n\n<!-- INFO END -->\n\n第一条 甲。",
    ],
)
def test_no_input_gives_a_bare_value_error(text: str) -> None:
    reg = _value_or_parse_error(text)
    assert reg is not None
    _fixed_point(reg)


def test_readings_of_the_reproducers() -> None:
    assert wdr.parse(HEAD + "\\ x").body == (Paragraph(1, "x"),)
    table = wdr.parse(HEAD + "<!-- TABLE -->\n| a\u200b |\n<!-- TABLE END -->").body[0]
    assert table == Table(("| a |",))
    toc = wdr.parse(HEAD + "## 第1章 甲\n\n## 第2章 乙\n\n## 第1章 甲\n\n第一条 x")
    assert toc.toc == ("第1章 甲", "第2章 乙") and [c.number for c in toc.chapters] == [1]
    zero = wdr.parse(HEAD + "第一条 下列：\n\n（一）x\n\n0. y")
    assert zero.article(1).paragraphs[1].text == "0. y"
    assert [(w.code, w.line, w.column) for w in zero.warnings] == [("bad-numeral", 7, 1)]


def test_too_many_paragraphs_is_a_parse_error_at_the_one_too_many() -> None:
    text = HEAD + "第一条 甲。\n\n" + "\n\n".join("乙。" for _ in range(9999))
    with pytest.raises(ParseError) as info:
        wdr.parse(text)
    assert (info.value.line, info.value.column) == (3 + 2 * 9999, 1)
    assert "9999" in info.value.message


#: Lines of every kind the reader knows, broken and hostile ones included.
LINES = [
    "# 标题", "- 2020年1月1日某会议通过", "2020年1月1日 某会议修订  根据", "<!-- INFO END -->",
    "## 第一编 总则", "### 第一分编 通则", "## 第一章 总 则", "## 第1章 甲", "## 第两百章",
    "#### 第一节 一般规定", "第二节 规定", "###### 第一条", "第一条 为了。", "第二条 规定：",
    "第二条之一 插入。", "第三 条 破损。", "第四条规定的事项。", "第三十X条 坏。", "第六四章",
    "（一）甲；", "(二)乙；", "（三）丙：", "（十十）坏", "（六）六", "（七）续",
    "1．目一", "2.目二", "3、目三", "１．全角", "２．全角：", "（1）四级", "(2)四级", "（１）全角",
    "0. 零", "1. 9个工作日", "## 附则", "## 序言", "##", "附件一", "附件：", "附：", "附：税则",
    "<!-- FORCE BREAK -->", "<!-- TABLE -->", "| a | b |", "| a\u200b |", "<!-- TABLE END -->",
    "<!-- OTHER -->", "", "\u200b", "普通段落。", "说明：", "第一章 总则 第二章 其他",
    "第五条 下列： （一）内联；", "下列： （一）甲； （二）乙。 另款。",
    "一、将第五条修改为：“第五条 新", "“（一）引用项；", "“第二节 引用节", "（二）未加引号",
    "新文本。”", "二、增加一条，作为第六条：", "第六条 新增。", "三、本决定自公布之日起施行。",
    "”", "“", "将第八条修改为：", "第一条之一之一 嵌套", "第一条之一万 太大", "第一条之零 零",
    "####### 第一章 七级", "\\ 转义空格", "\\第三条 转义", "\\", "\ue000私用",
]  # fmt: skip


@given(
    st.lists(
        st.one_of(
            st.sampled_from(LINES),
            st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=10),
            st.text("第条章节一二（）()1２.．、：“”修改为作附件 \u3000#\\\u200b甲", max_size=8),
        ),
        max_size=30,
    ),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
@example(["第一条 下列：", "（一）甲：", "1. 9个工作日"], "\n\n")
@example(["将第八条修改为：", "<!-- FORCE BREAK -->", "1. 9个工作日", "1．目一"], "\n")
def test_any_text_is_a_value_that_reads_back_or_a_parse_error(lines: list[str], sep: str) -> None:
    """Whatever the text: a value that render and parse keep, or a ParseError with its line."""
    reg = _value_or_parse_error(sep.join(["# 标题", *lines]))
    if reg is not None:
        _fixed_point(reg)


# ---- item 2: render escapes what would read back otherwise, for every kind of unit


def test_a_subitem_text_that_opens_with_a_digit_reads_back() -> None:
    reg = wdr.parse(HEAD + "第一条 甲：\n\n（一）甲：\n\n1. 9个工作日")
    assert reg.article(1).paragraphs[0].items[0].subitems == (SubItem(1, "9个工作日"),)
    assert "1． 9个工作日" in wdr.render(reg).splitlines()
    _fixed_point(reg)


#: Texts that would read back as something else if printed bare where they stand.
HOSTILE = [
    "第三条 规定。", "第三条规定的事项。", "第二章 总则", "第一编", "（一）项", "(二)项", "1．目",
    "2.目", "9个", "１２３", "（1）四级", "附件：清单", "附件一", "附：", "附：税则", "<!-- X -->",
    "<!-- FORCE BREAK -->", "<!-- TABLE -->", "## 标题", "#", "\\转义", "\\", "- 列表", "二、", "“",
    "”", "修改为：", "作为第三条：", "第一条之一 插入", "序言",
]  # fmt: skip


@st.composite
def hostile(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(HOSTILE)) + draw(st.text("甲乙，。：", max_size=3))
    return text.strip()


@st.composite
def hostile_regulations(draw: st.DrawFn) -> Regulation:
    """A hostile text in every field that holds one: titles, history, headings, 款, 项, 目,
    the fourth level, further paragraphs, 项 numbered 1．; whatever the model accepts (what
    it refuses could not be printed, and is left out)."""

    def paragraph(number: int) -> Paragraph | None:
        subs = (SubItem(1, draw(hostile()), (SubItem(1, draw(hostile())),)),)
        items = (Item(1, draw(hostile()), subs), Item(2, draw(hostile())))
        arabic = (Item(1, draw(hostile()), arabic=True), Item(2, draw(hostile()), arabic=True))
        shape = draw(st.sampled_from(["plain", "items", "arabic", "further", "quote"]))
        text = draw(hostile())
        try:
            if shape == "items":
                return Paragraph(number, text, items)
            if shape == "arabic":
                return Paragraph(number, text.rstrip("：") + "：", arabic)
            if shape == "further":
                further = Item(1, draw(hostile()), continuation=(draw(hostile()),))
                return Paragraph(number, text, (further, Item(2, draw(hostile()))))
            if shape == "quote":
                return Paragraph(number, "将第五条修改为：“", continuation=(draw(hostile()) + "”",))
            return Paragraph(number, text)
        except ValueError:
            return None

    paragraphs = tuple(p for p in (paragraph(1),) if p is not None) or (Paragraph(1, "甲"),)
    article = Article(1, 0, paragraphs)
    chapter = Chapter(1, draw(hostile()), (article,))
    division = Division(draw(hostile()), draw(st.integers(2, 5)), (Paragraph(1, draw(hostile())),))
    if division.title in ("序言",):
        division = Division("序言 之外", division.level, division.children)
    appendix = Appendix("附件一", (Paragraph(1, draw(hostile())), division))
    events = tuple(Event(draw(hostile())) for _ in range(draw(st.integers(0, 2))))
    title, subtitle = draw(hostile()), draw(hostile())
    try:
        return Regulation(
            title=title,
            subtitles=(subtitle,),
            history=events,
            body=(chapter,),
            appendices=(appendix,),
        )
    except ValueError:
        return Regulation(title="例", body=(chapter,), appendices=(appendix,))


@given(hostile_regulations())
def test_every_unit_kind_is_escaped_where_it_would_read_back_otherwise(reg: Regulation) -> None:
    assert wdr.parse(wdr.render(reg)) == reg, wdr.render(reg)


# ---- item 7: special files, bounded reads, other encodings


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            wdr.parse_file(fifo)
        except BaseException as err:  # the outcome is examined below
            outcome.append(err)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(60)  # a liveness guard, not a timing: a regression would wait forever
    assert not worker.is_alive(), "parse_file waited for a writer on a FIFO"
    (err,) = outcome
    assert isinstance(err, OSError) and err.errno == errno.EINVAL
    assert "FIFO" in str(err) and err.filename == str(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_reading() -> None:
    with pytest.raises(OSError, match="character device"):
        wdr.parse_file("/dev/zero")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        wdr.parse_file(tmp_path)


def test_a_file_descriptor_is_neither_read_nor_closed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# 例\n\n第一条 甲。\n", encoding="utf-8")
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(TypeError, match="file descriptor"):
            wdr.parse_file(fd)  # type: ignore[arg-type]
        assert os.fstat(fd).st_size > 0  # still open
        assert os.lseek(fd, 0, os.SEEK_CUR) == 0  # and unread
    finally:
        os.close(fd)
    with pytest.raises(TypeError, match="NoneType"):
        wdr.parse_file(None)  # type: ignore[arg-type]


def test_a_dash_is_a_file_name_not_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError):
        wdr.parse_file("-")
    (tmp_path / "-").write_text("# 例\n\n第一条 甲。\n", encoding="utf-8")
    assert wdr.parse_file("-").article(1).text == "甲。"


def test_what_is_read_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    text = "# 例\n\n第一条 甲。\n"
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    with pytest.raises(OSError, match="max_size") as info:
        wdr.parse_file(path, max_size=size - 1)
    assert info.value.errno == errno.EFBIG
    assert wdr.parse_file(path, max_size=size).article(1).text == "甲。"
    from wuxi_dt_regulation._markdown.files import MAX_FILE_SIZE

    assert MAX_FILE_SIZE == 64 * 1024 * 1024
    with pytest.raises(ValueError, match="max_size"):
        wdr.parse_file(path, max_size=-1)


def test_other_encodings_are_read_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "gb.md"
    path.write_bytes("# 示例条例\n\n第一条 为了示例。\n".encode("gb18030"))
    with pytest.raises(ParseError) as info:
        wdr.parse_file(path)
    assert "GB18030" in info.value.message and "encoding='gb18030'" in info.value.message
    assert info.value.line == 1  # the first byte pair that is no UTF-8 (示 is, by chance)
    for name in ("gb18030", "gbk", "GB18030"):
        assert wdr.parse_file(path, encoding=name).article(1).text == "为了示例。"
    bad = tmp_path / "bad.md"
    bad.write_bytes("# 例\n\n第一条 ".encode("gb18030") + b"\xff\xff\n")
    with pytest.raises(ParseError) as bad_info:
        wdr.parse_file(bad, encoding="gb18030")
    assert bad_info.value.line == 3 and "gb18030" in bad_info.value.message
    with pytest.raises(LookupError):
        wdr.parse_file(path, encoding="no-such-encoding")
    # a UTF-8 file that is not GB18030 either is told about encoding= too
    other = tmp_path / "other.md"
    other.write_bytes(b"# \xff\xfe\n")
    with pytest.raises(ParseError, match="pass encoding="):
        wdr.parse_file(other)


# ---- item 10: lone surrogates


def test_a_lone_surrogate_is_refused_with_its_position() -> None:
    with pytest.raises(ParseError) as info:
        wdr.parse(HEAD + "第一条 为了\ud800。")
    assert (info.value.line, info.value.column) == (3, 7)
    assert "surrogate" in info.value.message and "U+D800" in info.value.message
    assert "\ud800" not in str(info.value)  # the message can be printed
    with pytest.raises(ValueError, match="lone surrogate"):
        Paragraph(1, "甲\udfff")


# ---- item 11: silent or misleading readings


def _warnings(text: str) -> list[tuple[str, int, int, str]]:
    return [(w.code, w.line, w.column, w.message) for w in wdr.parse(HEAD + text).warnings]


def test_a_label_with_two_inserts_is_text_with_a_warning() -> None:
    text = "第一条 甲。\n\n第一条之一 乙。\n\n第一条之一之一 丙。"
    ((code, line, column, message),) = _warnings(text)
    assert (code, line, column) == ("bad-label", 7, 6)
    assert "第一条之一" in message
    reg = wdr.parse(HEAD + text)
    assert [a.label for a in reg.articles] == ["第一条", "第一条之一"]
    assert reg.article((1, 1)).paragraphs[1].text == "第一条之一之一 丙。"
    # right after 第一条 too, where 之一 would be the next article
    ((code, line, column, _),) = _warnings("第一条 甲。\n\n第一条之一之一 丙。")
    assert (code, line, column) == ("bad-label", 5, 6)


def test_an_insert_number_that_is_no_numeral_is_named() -> None:
    ((code, line, column, message),) = _warnings("第一条 甲。\n\n第一条之一万 乙。")
    assert (code, line, column) == ("bad-numeral", 5, 5)
    assert "'一万'" in message
    ((code, line, column, message),) = _warnings("第一条 甲。\n\n第一条之零 乙。")
    assert (code, line, column) == ("bad-numeral", 5, 5)
    assert "'零'" in message and "'一'" not in message


def test_seven_hashes_are_read_as_a_heading_with_a_warning() -> None:
    reg = wdr.parse(HEAD + "####### 第一章 总则\n\n第一条 甲。")
    assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则")]
    assert [(w.code, w.line, w.column) for w in reg.warnings] == [("deep-heading", 3, 1)]
    assert "7 '#'" in reg.warnings[0].message
    division = wdr.parse(HEAD + "第一条 甲。\n\n######## 附则").divisions[0]
    assert (division.title, division.level) == ("附则", 6)


# =========================================================================== diff (items 9, 12)
#
# RegulationDiff.apply() and diff(): wrong types are TypeError naming the type expected; a diff
# read from JSON whose indices point nowhere is refused on reading (SerializationError with its
# path), never an IndexError from apply(); and no field of a diff's JSON can be edited to make it
# apply to another regulation: apply() compares the regulation it is given with the old version
# the diff holds, by content (a fingerprint field used to be trusted; there is none now).

_A = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款原文。\n\n第三条 旧条文。\n"
_B = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本行政区域。\n\n第二款原文。\n\n第三条 新条文。\n"
# same title, same articles but one word, in a paragraph the patch takes from the old version:
# what a forged fingerprint used to let apply() patch into a wrong new version
_C = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款另文。\n\n第三条 旧条文。\n"


def _diff_data() -> tuple[Regulation, Regulation, Regulation, dict[str, Any]]:
    a, b, c = wdr.parse(_A), wdr.parse(_B), wdr.parse(_C)
    return a, b, c, wdr.to_dict(wdr.diff(a, b))


def _old_paragraph_slots(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for slot in data["slots"] if slot for s in slot if s["type"] == "old_paragraph"]


def test_diff_apply_names_the_type_it_takes() -> None:
    d = wdr.diff(wdr.parse(_A), wdr.parse(_B))
    for bad in ("x", None, b"# x", {"title": "x"}):
        with pytest.raises(TypeError) as info:
            d.apply(bad)  # type: ignore[arg-type]
        message = str(info.value)
        assert message == f"RegulationDiff.apply() takes a Regulation, not {type(bad).__name__}"
        assert "bound method" not in message


@pytest.mark.parametrize("bad", [None, "# 例", b"# x", 3])
def test_diff_names_the_type_it_takes(bad: object) -> None:
    reg = wdr.parse(_A)
    shown = type(bad).__name__
    with pytest.raises(
        TypeError, match=f"diff\\(\\) compares two Regulation values; old is {shown}"
    ):
        wdr.diff(bad, reg)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"new is {shown}"):
        wdr.diff(reg, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["slots"][1][1].update(article_index=99),
            "slots[1][1] takes article_index 99; the old version has 3 articles",
        ),
        (
            lambda d: d["slots"][1][1].update(paragraph_index=7),
            "slots[1][1] takes paragraph_index 7 of 第二条, which has 2 paragraphs",
        ),
        (
            lambda d: d["slots"][0][0].update(paragraph_index=1),
            "slots[0][0] takes paragraph_index 1 of 第一条, which has 1 paragraph",
        ),
        (
            lambda d: d["old_sources"].__setitem__(0, [99, 0]),
            "old_sources[0] is [99, 0]: not an old article of the rows, or one already placed",
        ),
        (
            lambda d: d["old_sources"].__setitem__(1, d["old_sources"][0]),
            "old_sources[1] is",
        ),
        (lambda d: d["old_sources"].pop(), "old_sources has 2 entries; old_template has 3"),
        (lambda d: d["slots"].pop(), "slots has 2 entries; template has 3 articles"),
        (
            lambda d: d["slots"].__setitem__(2, None),
            "slots[2] makes 第三条 other than the rows show it",
        ),
    ],
)
def test_a_diff_whose_indices_point_nowhere_does_not_read(edit: Any, message: str) -> None:
    *_, data = _diff_data()
    edit(data)
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data, RegulationDiff)
    assert info.value.path == "$"
    assert str(info.value).startswith(f"$: {message}")
    with pytest.raises(SerializationError):
        wdr.from_json(json.dumps(data, ensure_ascii=False), RegulationDiff)


@given(
    st.sampled_from(("article_index", "paragraph_index")),
    st.integers(-(2**40), 2**40),
    st.integers(0, 10),
)
def test_any_index_in_a_diff_reads_or_is_refused(field: str, value: int, which: int) -> None:
    a, b, _, data = _diff_data()
    slots = _old_paragraph_slots(data)
    slots[which % len(slots)][field] = value
    try:
        d = wdr.from_dict(data, RegulationDiff)
    except SerializationError as err:
        path = err.path
    else:
        # it read: the index named a paragraph with the same text, and the patch still makes b
        assert d.apply(a) == b
        return
    assert path == "$" or path.startswith("$.slots[")  # the reader names negative ones


def test_a_forged_fingerprint_field_is_refused() -> None:
    a, b, c, data = _diff_data()
    data["fingerprint"] = wdr.diff(c, b).fingerprint
    with pytest.raises(SerializationError, match="unknown field 'fingerprint'"):
        wdr.from_dict(data, RegulationDiff)
    d = wdr.diff(a, b)
    assert d.fingerprint == wdr.diff(a, c).fingerprint != wdr.diff(c, a).fingerprint


def test_apply_compares_content_not_a_field() -> None:
    a, b, c, data = _diff_data()
    d = wdr.from_dict(data, RegulationDiff)
    with pytest.raises(
        wdr.PatchError, match=r"cannot be applied to 《示例条例》 .*: 第二条 differs"
    ):
        d.apply(c)
    # swapping in the skeleton of the diff from C changes nothing: the articles the table shows
    # are A's, and apply() compares C with them
    forged = dict(data, old_template=wdr.to_dict(wdr.diff(c, b))["old_template"])
    forged.pop("schema")
    d = wdr.from_dict({"schema": 1, **forged}, RegulationDiff)
    with pytest.raises(wdr.PatchError):
        d.apply(c)
    assert d.apply(a) == b


def test_a_forged_old_side_no_longer_makes_the_new_side() -> None:
    # putting C's articles where the table shows A's: the paragraph the patch takes from the old
    # version is now C's, so the patch no longer makes the articles the table shows
    _, b, c, data = _diff_data()
    theirs = wdr.to_dict(wdr.diff(c, b))
    for row, twin in zip(data["rows"], theirs["rows"], strict=True):
        row["old"] = twin.get("old", [])
    with pytest.raises(SerializationError, match="the patch and the table disagree"):
        wdr.from_dict(data, RegulationDiff)


def test_a_diff_applies_to_what_its_table_shows() -> None:
    # the limit of what can be checked: a whole old side swapped consistently is a diff of other
    # versions (nothing signs a diff), and it shows them: its table's left column is C
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(c, b)), RegulationDiff)
    shown = sorted((a.key, a.paragraphs) for row in d.rows for a in row.old)
    assert shown == sorted((x.key, x.paragraphs) for x in c.articles)
    assert d.apply(c) == b
    with pytest.raises(wdr.PatchError):
        d.apply(a)


@given(st.integers(0, 2**32))
def test_a_diff_applies_to_its_own_old_version_only(seed: int) -> None:
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(a, b)), RegulationDiff)
    other = c if seed % 2 else attrs.evolve(a, title="另一条例")
    with pytest.raises(wdr.PatchError):
        d.apply(other)
    assert d.apply(a) == b


# =========================================================================== citations
# Issue 12, items 3, 4 and 11 (the citation part): blank book titles, range expansion, bad
# titles; and find_citations on arbitrary text.

_SEED = wdr.load()


@pytest.mark.parametrize("blank", ["《 》", "《\u3000》", "《\t》", "《  \u3000 》", "《\u00a0》"])
def test_citations_a_blank_book_title_is_not_a_citation(blank: str) -> None:
    """Item 3: finding is lenient: 依照《 》规定 holds no citation, and nothing raises."""
    text = f"依照{blank}规定，依照{blank}第三条"
    found = wdr.find_citations(text, regulation=_SEED)
    assert [m.text for m in found] == ["第三条"]
    assert found[0].kind == "absolute"
    reg = wdr.parse(f"# 甲条例\n\n第一条 依照{blank}规定。\n\n第二条 依照{blank}第一条。")
    assert [r.match.text for r in reg.references()] == ["第一条"]
    with pytest.raises(wdr.CitationError):
        wdr.parse_citation(f"{blank}第一条")


def test_citations_refs_on_a_blank_book_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blank.md"
    path.write_text(
        "# 甲条例\n\n第一条 依照《 》规定。\n\n第二条 依照《\u3000》第一条。\n", "utf-8"
    )
    assert cli_main(["refs", "--file", str(path)]) == 0
    assert capsys.readouterr().out == "第二条第一款\t第一条\tabsolute\t-> 第一条\n"


def test_citations_ranges_stay_ranges() -> None:
    """Item 4: 第一条至第九千九百九十九条 a hundred times is a hundred values of one range each;
    what a range covers is worked out only when asked, and only as far as the regulation goes."""
    text = "第一条至第九千九百九十九条，" * 100
    found = wdr.find_citations(text, regulation=_SEED)
    assert len(found) == 100
    whole = wdr.CitationRange(wdr.Citation(article=1), wdr.Citation(article=9999))
    assert all(m.value == wdr.CitationList((whole,)) for m in found)
    # the seed has 55 articles: 55 units and the end that does not exist
    assert len(found[0].citations) == 56
    assert found[0].citations[-1] == wdr.Citation(article=9999)
    text = "第一条至第九千九百九十九条、" * 50 + "第二条"
    reg = wdr.parse(f"# 甲条例\n\n第一条 依照{text}规定。\n\n第二条 乙。")
    (ref,) = reg.references()
    assert len(ref.ranges) == 51 and ref.missing == (wdr.Citation(article=9999),) * 50
    assert len(ref.targets) == 50 * 3 + 1  # bounded by the regulation: 第一条, 第二条, 第9999条


def test_citations_refs_prints_ranges_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ranges.md"
    path.write_text(
        "# 甲条例\n\n第一条 依照" + "第一条至第九千九百九十九条，" * 20 + "办理。\n", "utf-8"
    )
    assert cli_main(["refs", "--file", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 20
    assert out[0] == (
        "第一条第一款\t第一条至第九千九百九十九条\tabsolute\t-> 第一条至第九千九百九十九条"
        "\tDANGLING (第九千九百九十九条)"
    )


@pytest.mark.parametrize(
    "title",
    ["a\x00b", " 刑法", "刑法 ", "\u3000刑法", "刑法\t", "\ufeff刑法", "a\u2028b", "a\ud800b",
     "a\x85b", "《刑法》", "", "  "],
)  # fmt: skip
def test_citations_bad_titles_are_refused(title: str) -> None:
    """Item 11: a title with a control character, a lone surrogate or outer spaces is refused."""
    with pytest.raises(wdr.CitationError, match=r"Citation\.title must be None or a one-line"):
        wdr.Citation(title=title, article=1)


def test_citations_titles_with_inner_spaces_are_kept() -> None:
    assert wdr.Citation(title="中华人民共和国 刑法").title == "中华人民共和国 刑法"
    (match,) = wdr.find_citations("《 中华人民共和国刑法 》第二十条")
    assert match.citations == (wdr.Citation(title="中华人民共和国刑法", article=20),)


_CITATION_TEXT = st.lists(
    st.sampled_from(
        ["第", "一", "十", "百", "九千", "万", "零", "条", "款", "项", "目", "编", "分编", "章",
         "之", "至", "、", "和", "或者", "并", "本", "前", "两", "该", "同", "法", "条例", "《",
         "》", "（", "）", "(", ")", " ", "\u3000", "\t", "\n", "\x00", "\ud800", "刑法", "民法典",
         "以下简称", "合同编", "Article", "Art.", "Paragraph", "Item", "Subpart", " of ", " the ",
         "1", "35", "-", "，", "。", "有关法律、法规", "第三十五条", "前款", "本条例"]
    )
    | st.text(max_size=3),
    max_size=30,
).map("".join)  # fmt: skip


@given(
    text=_CITATION_TEXT | st.text(),
    which=st.sampled_from([None, "seed", "book"]),
    at=st.sampled_from([None, wdr.Citation(article=35, paragraph=2), wdr.Citation(article=1)]),
)
@example(text="依照《 》规定", which="seed", at=None)
@example(text="第一条至第九千九百九十九条，" * 3, which="seed", at=None)
@example(text="《a\x00b》第一条《\ud800》第二条", which=None, at=None)
@example(text="合同编第", which="book", at=wdr.Citation(article=35, paragraph=2))
def test_citations_find_never_raises(text: str, which: str | None, at: wdr.Citation | None) -> None:
    """Whatever the text, find_citations returns matches whose spans are in the text, in
    order and apart, and their citations can be read; it raises nothing."""
    reg = {"seed": _SEED, "book": _BOOK, None: None}[which]
    found = wdr.find_citations(text, regulation=reg, at=at)
    end = 0
    for match in found:
        assert 0 <= end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert match.kind in ("absolute", "internal", "relative", "external", "unresolvable")
        assert len(match.citations) <= 2 * (len(reg.articles) + 2 if reg else 9999) * len(text)
        end = match.end


_BOOK = wdr.parse_file(Path(__file__).parent / "corpus" / "national" / "合同编.md")


@given(body=_CITATION_TEXT)
def test_citations_references_never_raise(body: str) -> None:
    """references() over a regulation whose text is arbitrary: a value, never an error."""
    text = re.sub(r"[\n\r\x00-\x1f\u2028\u2029\ud800-\udfff#<>|\\]", "", body).strip()
    try:
        reg = wdr.parse(f"# 甲条例\n\n第一条 {text or '甲'}\n\n第二条 乙。")
    except ValueError:  # ParseError; what else the parser raises is the parser's section's
        return
    for ref in reg.references():
        assert ref.exists in (True, False, None)
        _ = ref.targets
