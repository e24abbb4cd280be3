"""Tests written for the survivors of the Markdown area's mutation sample (docs/mutation.md):
each names the mutant it kills; every value and message is compared whole."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import ParseError
from wuxi_dt_regulation._markdown import bundled
from wuxi_dt_regulation._markdown.files import BINARY_SNIFF, _too_large, decode_source, read_text
from wuxi_dt_regulation._markdown.header import file_hint
from wuxi_dt_regulation._markdown.lexer import Line, lex

HEAD = "# 甲条例\n\n"


def _refusal(data: bytes, **options: str) -> tuple[int, int, str, str, str]:
    with pytest.raises(ParseError) as caught:
        decode_source(data, **options)
    err = caught.value
    return err.line, err.column, err.text, err.source, str(err).splitlines()[0]


# --------------------------------------------------------------------------- files


def test_bytes_are_utf_8_unless_said_otherwise_and_a_bom_is_dropped() -> None:
    # files.x_decode_source__mutmut_1 (the default encoding "XXutf-8XX") and _11 (the BOM kept)
    assert decode_source("# 甲".encode()) == "# 甲"
    assert decode_source(b"\xef\xbb\xbf# \xe7\x94\xb2") == "# 甲"
    assert decode_source(b"\xef\xbb\xbf# a", encoding="utf-8-sig") == "# a"


def test_only_the_first_bytes_are_sniffed_for_binary_data() -> None:
    # files.x_decode_source__mutmut_31 (the whole text searched for a NUL byte)
    late = b"a" * BINARY_SNIFF + b"\0"
    assert decode_source(late) == late.decode()
    assert _refusal(b"ab\nc\0d", source="x.md") == (
        2,
        2,
        "",  # binary data: its bytes are not echoed
        "x.md",  # files.x_decode_source__mutmut_41 (the position) and _51 (the source)
        "x.md:2:2: expected UTF-8 text, found binary data (a NUL byte): not a Markdown regulation",
    )


def test_the_bytes_that_are_not_text_are_shown_four_at_most() -> None:
    # files.x__decode_error__mutmut_11 ([:5]) and _21 ("XXsXX" for the plural)
    assert _refusal(b"+AAAAAAAAAAAAAAA", encoding="utf-7")[4] == (
        "<bytes>:1:1: expected utf-7 text, found the bytes 0x2B 0x41 0x41 0x41"
    )
    assert _refusal(b"\xe4\xb8")[4] == (
        "<bytes>:1:1: expected UTF-8 text, found the bytes 0xE4 0xB8; "
        "the file reads as GB18030 (GBK) text: pass encoding='gb18030'"
    )


def test_the_position_of_a_bad_byte_after_a_leading_newline() -> None:
    # files.x__position__mutmut_11 (the newline looked for from the second byte on)
    assert _refusal(b"\n\xff")[:3] == (2, 1, "\ufffd")
    # files.x__position__mutmut_41 (end >= 1): in UTF-16 a lone newline byte is the bad one,
    # and the line it ends is the empty first line
    assert _refusal(b"\n", encoding="utf-16-le") == (
        1,
        1,
        "",
        "<bytes>",
        "<bytes>:1:1: expected utf-16-le text, found the byte 0x0A",
    )


def test_the_way_to_pass_utf_16_follows_the_option_named() -> None:
    # files.x__other_encoding__mutmut_11 (the option dropped from the suggestion)
    assert _refusal(b"\xff\xfe#\x00", option="--encoding")[4] == (
        "<bytes>:1:1: expected UTF-8 text, found the byte 0xFF; "
        "the file starts with a UTF-16 byte order mark: pass --encoding utf-16"
    )


def test_gb18030_is_suggested_for_a_text_whose_only_chinese_is_the_first_character() -> None:
    # files.x__other_encoding__mutmut_21 (U+4E00 一, the first CJK ideograph, left out)
    assert _refusal("，一".encode("gb18030"))[4] == (
        "<bytes>:1:1: expected UTF-8 text, found the byte 0xA3; "
        "the file reads as GB18030 (GBK) text: pass encoding='gb18030'"
    )


def test_a_file_that_grew_past_the_limit_is_at_least_one_byte_over() -> None:
    # files.x__too_large__mutmut_1 (the size left out of the message)
    assert str(_too_large(4, 3, "x.md")) == (
        "[Errno 27] file too large: at least 4 bytes, more than max_size=3 "
        "(pass a larger max_size to read it): 'x.md'"
    )
    assert "file too large: 10 bytes" in str(_too_large(10, 3, "x.md"))


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("  rules.md ", "; did you mean parse_file('rules.md')?"),  # header 1: the name stripped
        ("RULES.TXT", "; did you mean parse_file('RULES.TXT')?"),
        ("rules.markdown", "; did you mean parse_file('rules.markdown')?"),
        ("rules.md\n", None),  # more than one line
        ("rules", None),  # header 21: a name that is no file and has no such suffix
        ("# 示例条例", None),
    ],
)
def test_a_file_name_passed_as_the_text_is_named(text: str, hint: str | None) -> None:
    # header.x_file_hint__mutmut_1, _11 (endswith(None)) and _21 (every name hinted)
    assert file_hint(text) == hint


def test_parse_of_a_file_name_says_which_function_reads_files() -> None:
    with pytest.raises(ParseError) as caught:
        wdr.parse("rules.md")
    assert str(caught.value).splitlines()[0] == (
        "<string>:1:1: expected a '# ' title line, found 'rules.md'; "
        "did you mean parse_file('rules.md')?"
    )
    assert caught.value.text == "rules.md"  # parser.x_parse__mutmut_21 (the line left out)


def test_a_strict_refusal_quotes_the_line_of_the_first_oddity() -> None:
    # parser.x_parse__mutmut_31 (the line's text left out of the error)
    with pytest.raises(ParseError) as caught:
        wdr.parse(HEAD + "第一条 甲。\r\n\r\n第三条 乙。\r\n", strict=True)
    err = caught.value
    assert (err.line, err.column, err.text) == (5, 1, "第三条 乙。")
    assert (
        str(err).splitlines()[0] == "<string>:5:1: expected 第二条, found 第三条 [skipped-number]"
    )


# --------------------------------------------------------------------------- bundled


def test_the_seed_is_read_from_its_prebuilt_form() -> None:
    # bundled.x_pack_path__mutmut_1, x__prebuilt__mutmut_1 (no form: the seed parsed instead)
    # and _11 (the form unpacked without the text it must have been made from)
    assert bundled.pack_path().endswith(bundled.SEED_PACK)
    text = bundled.seed_text()
    built = bundled._prebuilt(text)
    assert built is not None
    assert built == wdr.parse(text, source=bundled.SEED_NAME, strict=True)
    assert bundled._prebuilt(text + "\n") is None  # a form not made from this text


# --------------------------------------------------------------------------- lexer, parser


def test_a_column_in_a_line_whose_text_was_rewritten() -> None:
    # lexer.xǁLineǁcolumn_in__mutmut_11: the text read is not in the raw line (an escape
    # removed), so the column is that of what follows the offset
    line = Line(3, "ab\\cd", "abcd", 0, None)
    assert line.column_in("abcd", 2) == 4
    assert line.column_in("ab", 1) == 2
    assert line.escaped is False  # lexer.xǁLineǁ__init____mutmut_1 (escaped by default)


def test_a_line_opening_with_a_hash_or_the_escape_and_no_heading_is_at_level_zero() -> None:
    # lexer.x__marked__mutmut_1 (level None)
    lines = lex("# 甲\n\n#abc\n\n\\第一条 乙").lines
    assert [(li.number, li.level, li.text, li.escaped) for li in lines] == [
        (1, 1, "甲", False),
        (3, 0, "#abc", False),
        (5, 0, "第一条 乙", True),
    ]


def test_the_lexer_names_its_text_as_a_string_by_default() -> None:
    # lexer.x_lex__mutmut_1 (the default source "XX<string>XX")
    with pytest.raises(ParseError) as caught:
        lex("# 甲\n\n\x01")
    assert str(caught.value).splitlines()[0] == (
        "<string>:3:1: expected text, found a control character U+0001"
    )


def test_an_empty_text_is_refused_on_its_first_line() -> None:
    with pytest.raises(ParseError) as caught:
        wdr.parse(" \n\u200b\n")
    err = caught.value
    assert (err.line, err.column, str(err).splitlines()[0]) == (
        1,
        1,
        "<string>:1:1: expected a regulation, found empty input",
    )


def test_a_refusal_quotes_its_line() -> None:
    # parser.xǁ_Parserǁfail__mutmut_21 (the line's text left out of the error)
    with pytest.raises(ParseError) as caught:
        wdr.parse("甲条例\n\n第一条 乙。\n")
    assert (caught.value.line, caught.value.text) == (1, "甲条例")


def test_a_bad_numeral_is_placed_at_its_number() -> None:
    # lists.xǁListReaderǁbad_number__mutmut_11 (the column left to its default)
    reg = wdr.parse(HEAD + "第一条 下列：\n\n（一）x：\n\n1. y\n\n　（0）z\n")
    assert [str(w) for w in reg.warnings] == [
        "9:3: bad-numeral: '（0）' is no list marker: '0' is not a number a 项 or 目 can carry "
        "(they count from 1); kept as text"
    ]


def test_inline_items_in_half_width_parentheses_are_split_in_a_later_paragraph() -> None:
    # parser.xǁ_Parserǁparse__mutmut_71 ("一)" in text: such a 款 read as plain prose by the
    # loop's shortcut for the usual 款, its items left in its text)
    reg = wdr.parse(HEAD + "第一条 甲。\n\n下列： (一)乙； (二)丙。\n")
    first, second = reg.article(1).paragraphs
    assert (first.text, first.items) == ("甲。", ())
    assert second.text == "下列："
    assert [(i.number, i.text) for i in second.items] == [(1, "乙；"), (2, "丙。")]
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [
        (5, 5, "inline-item"),
        (5, 11, "inline-item"),
    ]


def test_an_article_label_inside_a_marked_table_is_a_row_of_the_table() -> None:
    # parser.xǁ_Parserǁparse__mutmut_101 (the loop's shortcut for article lines taken inside a
    # table: 第二条 乙 would open an article)
    reg = wdr.parse(
        HEAD
        + "第一条 甲：\n\n<!-- TABLE -->\n| a | b |\n第二条 乙\n（一）丙\n<!-- TABLE END -->\n\n"
        "第二条 丁。\n"
    )
    assert [(a.label, a.text) for a in reg.articles] == [("第一条", "甲："), ("第二条", "丁。")]
    (table,) = [node for node in reg.body if isinstance(node, wdr.Table)]
    assert table.rows == (("a", "b"), ("第二条 乙",), ("（一）丙",))
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(5, 1, "table-in-article")]


def test_chapters_numbered_again_in_each_part_are_cited_with_their_part() -> None:
    # parser.xǁ_Parserǁparse__mutmut_131 (the freezer told of no restart: both chapters cited
    # 第一章)
    reg = wdr.parse(
        "# 甲法\n\n## 第一编 总则\n\n### 第一章 一般\n\n第一条 甲。\n\n"
        "## 第二编 分则\n\n### 第一章 乙\n\n第二条 乙。\n"
    )
    assert [(c.citation, c.title) for c in reg.chapters] == [
        (wdr.Citation(part=1, chapter=1), "一般"),
        (wdr.Citation(part=2, chapter=1), "乙"),
    ]


def test_free_text_before_an_appendix_is_still_no_article() -> None:
    # parser.xǁ_Parserǁno_articles__mutmut_1 (any appendix silenced the warning; only a text
    # that is nothing but appendices is a list or form published alone)
    reg = wdr.parse("# 甲法\n\n散文。\n\n附件：表一\n\n内容。\n")
    assert [str(w) for w in reg.warnings] == [
        "3:1: no-articles: no article (第一条 …) in the text: the text after the header is kept "
        "as free text, and nothing can be cited by article (an amending instrument is read by "
        "parse_amendment)"
    ]
    assert [a.title for a in reg.appendices] == ["附件：表一"]
    alone = wdr.parse("# 甲表\n\n附件：表一\n\n内容。\n")
    assert alone.warnings == ()


def test_a_heading_that_opens_with_an_arabic_number_is_printed_without_an_escape() -> None:
    # lexer.x_needs_escape__mutmut_1 (a 1． taken for a 目's marker unless said otherwise: the
    # heading was printed "## \\1．附则"); the heading's level makes it a heading already
    text = "# 甲条例\n\n<!-- INFO END -->\n\n## 1．附则\n\n###### 第一条\n\n甲。\n"
    reg = wdr.parse(text)
    (division,) = reg.body
    assert isinstance(division, wdr.Division) and division.title == "1．附则"
    assert wdr.render(reg) == text


# --------------------------------------------------------------------------- files on disk


def test_a_file_is_read_leniently_in_utf_8_by_default(tmp_path: Path) -> None:
    # files.x_parse_file__mutmut_1 (strict by default) and x_read_text__mutmut_1 (the default
    # encoding "XXutf-8XX")
    path = tmp_path / "甲.md"
    path.write_text(HEAD + "第一条 甲。\n\n第三条 乙。\n", encoding="utf-8")
    reg = wdr.parse_file(path)
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(5, 1, "skipped-number")]
    assert read_text(path) == HEAD + "第一条 甲。\n\n第三条 乙。\n"


def test_a_file_of_exactly_the_largest_size_is_read_whole(tmp_path: Path) -> None:
    # files.x_read_regular__mutmut_101 (one byte short of the limit read at a time: the last
    # byte of a file of max_size bytes was never read)
    path = tmp_path / "甲.md"
    data = (HEAD + "第一条 甲。\n").encode()
    path.write_bytes(data)
    assert read_text(path, max_size=len(data)) == data.decode()
    with pytest.raises(OSError, match="file too large") as caught:
        read_text(path, max_size=len(data) - 2)  # files.x_read_regular__mutmut_81 (its size)
    assert caught.value.errno == errno.EFBIG
    assert caught.value.strerror == (
        f"file too large: {len(data)} bytes, more than max_size={len(data) - 2} "
        "(pass a larger max_size to read it)"
    )


def test_a_directory_is_refused_with_its_errno(tmp_path: Path) -> None:
    # files.x_read_regular__mutmut_71 (IsADirectoryError without its errno)
    with pytest.raises(IsADirectoryError) as caught:
        read_text(tmp_path)
    err = caught.value
    assert (err.errno, err.filename) == (errno.EISDIR, str(tmp_path))
    assert err.strerror == "not a regular file but a directory: parse_file reads regular files only"


def test_a_stray_or_unknown_marker_is_kept_as_text_with_its_warning() -> None:
    # parser.xǁ_Parserǁcomment__mutmut_31 (the warning at no line), _41 (its message) and _51
    # (the marker dropped when no quotation is open)
    reg = wdr.parse(HEAD + "第一条 甲。\n\n<!-- TABLE END -->\n\n<!-- 注 -->\n")
    assert [p.text for p in reg.article(1).paragraphs] == [
        "甲。",
        "<!-- TABLE END -->",
        "<!-- 注 -->",
    ]
    assert [str(w) for w in reg.warnings] == [
        "5:1: stray-marker: TABLE END without TABLE; kept as text",
        "7:1: unknown-marker: unknown marker '<!-- 注 -->' kept as text",
    ]


def test_a_marker_inside_a_marked_table_is_a_row_of_it() -> None:
    # parser.xǁ_Parserǁcomment__mutmut_11 (the row made of no line)
    reg = wdr.parse(
        HEAD + "第一条 甲。\n\n<!-- TABLE -->\n| a |\n<!-- 注 -->\n<!-- TABLE END -->\n"
    )
    table = reg.body[1]
    assert isinstance(table, wdr.Table)
    assert table.rows == (("a",), ("<!-- 注 -->",))


@pytest.mark.parametrize("before", ["第一条 甲。\n\n", "甲。\n\n"])
def test_the_ten_thousandth_paragraph_is_refused_at_its_line(before: str) -> None:
    # lists.xǁListReaderǁnew_para__mutmut_21 (the refusal of free text built without its line)
    with pytest.raises(ParseError) as caught:
        wdr.parse(HEAD + before + "乙。\n\n" * 9999)
    err = caught.value
    assert (err.line, err.column, err.text) == (20001, 1, "乙。")
    assert str(err).splitlines()[0] == (
        "<string>:20001:1: more than 9999 paragraphs in one unit: 款 are numbered up to 9999 "
        "(第九千九百九十九款), and this is the next one"
    )


def test_a_sub_item_out_of_sequence_is_an_item_number_warning() -> None:
    # lists.xǁListReaderǁcheck_sub__mutmut_11 (the warning's code None)
    reg = wdr.parse(HEAD + "第一条 下列：\n\n（一）甲：\n\n1．乙；\n\n3．丙。\n")
    assert [(w.line, w.column, w.code, w.message) for w in reg.warnings] == [
        (9, 1, "item-number", "expected sub-item 2, found 3")
    ]
    (item,) = reg.article(1).paragraphs[0].items
    assert [(s.number, s.text) for s in item.subitems] == [(1, "乙；"), (3, "丙。")]


# --------------------------------------------------------------------------- the header


def test_dated_history_lines_without_info_end_are_the_history() -> None:
    # header.x_read_header__mutmut_40 (stop -= 1: the history lost, the body read from the title)
    # and _41 (stop += 2)
    reg = wdr.parse(
        HEAD + "2020年1月1日 示例会议通过\n\n2021年2月2日 示例会议修正\n\n第一条 甲。\n"
    )
    assert [e.text for e in reg.history] == [
        "2020年1月1日 示例会议通过",
        "2021年2月2日 示例会议修正",
    ]
    assert [(a.label, a.text) for a in reg.articles] == [("第一条", "甲。")]
    assert reg.warnings == ()
    # one dated line, then the body (stop += 2 took the article into the history)
    one = wdr.parse(HEAD + "2020年1月1日 示例会议通过\n\n第一条 甲。\n")
    assert ([e.text for e in one.history], [a.text for a in one.articles]) == (
        ["2020年1月1日 示例会议通过"],
        ["甲。"],
    )


def test_a_finished_history_takes_no_line_after_info_end() -> None:
    # header.x__split_history__mutmut_1 (a finished event still took the next line)
    reg = wdr.parse(
        HEAD + "2020年1月1日 示例会议通过\n\n<!-- INFO END -->\n\n本会议通过。\n\n第一条 甲。\n"
    )
    assert [e.text for e in reg.history] == ["2020年1月1日 示例会议通过"]
    assert reg.preamble_text == "本会议通过。"
    assert reg.warnings == ()


def test_an_unfinished_history_takes_no_article_after_info_end() -> None:
    # header.x__split_history__mutmut_11 (an article line read as the end of the event)
    reg = wdr.parse(
        HEAD + "2020年1月1日 示例第二次\n\n<!-- INFO END -->\n\n第一条 会议通过\n\n第二条 乙。\n"
    )
    assert [e.text for e in reg.history] == ["2020年1月1日 示例第二次"]
    assert [(a.label, a.text) for a in reg.articles] == [("第一条", "会议通过"), ("第二条", "乙。")]
    assert reg.warnings == ()


def test_a_table_of_contents_of_one_heading() -> None:
    # header.x__find_toc__mutmut_31 (the first heading looked for again from the third on)
    reg = wdr.parse(HEAD + "## 第一章 总则\n\n## 第一章 总则\n\n第一条 甲。\n")
    assert reg.toc == ("第一章 总则",)
    assert [(c.number, c.title, len(c.articles)) for c in reg.chapters] == [(1, "总则", 1)]
    assert [str(w) for w in reg.warnings] == [
        "3:1: toc: a table of contents (1 line(s)) stands in the body; kept apart"
    ]


def test_prose_opening_with_a_chapter_label_and_no_space_is_printed_as_it_is() -> None:
    # lexer.x_needs_escape__mutmut_31 ("UTITLE": every line a heading's label opens escaped)
    text = "# 甲条例\n\n<!-- INFO END -->\n\n###### 第一条\n\n甲。\n\n第一章总则另行规定。\n"
    reg = wdr.parse(text)
    assert [p.text for p in reg.article(1).paragraphs] == ["甲。", "第一章总则另行规定。"]
    assert wdr.render(reg) == text


# --------------------------------------------------------------------------- headings


def test_a_heading_label_whose_number_is_no_numeral_is_named() -> None:
    # headings.xǁHeadingReaderǁstructural__mutmut_11 and _31 (the messages)
    heading = wdr.parse(HEAD + "## 第十十章 甲\n\n第一条 甲。\n")
    assert [(type(n).__name__, n.title) for n in heading.body if isinstance(n, wdr.Division)] == [
        ("Division", "第十十章 甲")
    ]
    assert [str(w) for w in heading.warnings] == [
        "3:5: bad-numeral: '十十' is not a numeral; heading kept as an unnumbered one"
    ]
    text = wdr.parse(HEAD + "第一条 甲。\n\n第十十章 乙\n\n第二条 乙。\n")
    assert [p.text for p in text.article(1).paragraphs] == ["甲。", "第十十章 乙"]
    assert [str(w) for w in text.warnings] == [
        "5:2: bad-numeral: '十十' is not a numeral; the line is kept as text"
    ]


def test_an_inserted_article_after_the_one_before_its_base_is_a_skipped_number() -> None:
    # headings.xǁHeadingReaderǁopen_article__mutmut_11 (第二条之一 right after 第一条 taken for
    # the next article without the numbering check)
    reg = wdr.parse(HEAD + "第一条 甲。\n\n第二条之一 乙。\n")
    assert [a.label for a in reg.articles] == ["第一条", "第二条之一"]
    assert [str(w) for w in reg.warnings] == [
        "5:1: skipped-number: expected 第二条, found 第二条之一"
    ]


def test_white_space_inside_an_article_number_is_read_through() -> None:
    # written for headings.xǁHeadingReaderǁarticle_line__mutmut_61, which it does not kill (the
    # label's number is read again elsewhere); pins the reading of a broken label
    reg = wdr.parse(HEAD + "第一条 甲。\n\n第十 一条 乙。\n")
    assert [(a.label, a.text) for a in reg.articles] == [("第一条", "甲。"), ("第十一条", "乙。")]
    assert [str(w) for w in reg.warnings] == [
        "5:1: skipped-number: expected 第二条, found 第十一条",
        "5:2: broken-marker: white space inside the label '第十 一条'",
    ]


def test_an_unclosed_quotation_ends_before_a_heading() -> None:
    # written for headings.xǁHeadingReaderǁdivision__mutmut_1, which it does not kill (the
    # heading line has ended the quotation before division() closes the flow); pins the rule
    reg = wdr.parse(HEAD + "第一条 甲：“乙\n\n## 附则\n\n第二条 丙。\n")
    assert [str(w) for w in reg.warnings] == [
        "3:7: unclosed-quote: a quotation opened here is not closed (no ”); it runs before line 5 "
        "and ends there"
    ]
    (division,) = reg.body[1:]
    assert isinstance(division, wdr.Division) and len(division.articles) == 1


@pytest.mark.parametrize(
    ("between", "warnings"),
    [
        (
            "第二章 附则",  # a heading without '#' (tokens 51: "UTITLE")
            [
                "11:1: heading-without-marker: '第二章 附则' reads as a heading though it has no '#'",
                "13:1: item-number: expected item （一）, found （二）",
            ],
        ),
        ("附件：表", ["13:1: item-number: expected item （一）, found （二）"]),  # tokens 41
    ],
)
def test_a_list_does_not_resume_across_a_heading_or_an_appendix(
    between: str, warnings: list[str]
) -> None:
    # headings.xǁHeadingReaderǁtokens__mutmut_41 and _51: the look-ahead of rule 2 went on past
    # the heading or the appendix to the （二） after it, and 续文 was read as part of 项（一）
    reg = wdr.parse(
        HEAD
        + f"## 第一章 总则\n\n第一条 下列：\n\n（一）甲；\n\n续文。\n\n{between}\n\n（二）乙。\n"
    )
    first, second = reg.article(1).paragraphs
    assert [(i.text, i.continuation) for i in first.items] == [("甲；", ())]
    assert (second.text, second.items) == ("续文。", ())
    assert [str(w) for w in reg.warnings] == warnings


def test_an_article_that_opens_with_its_first_item() -> None:
    # headings.xǁHeadingReaderǁopen_article__mutmut_51 (a first line opening with a list marker
    # taken by the shortcut for a plain 款: its 项 left in its text)
    reg = wdr.parse(HEAD + "第一条 （一）甲；\n\n（二）乙。\n")
    (paragraph,) = reg.article(1).paragraphs
    assert (paragraph.text, [(i.number, i.text) for i in paragraph.items]) == (
        "",
        [(1, "甲；"), (2, "乙。")],
    )
    assert reg.warnings == ()
    # a first 项 numbered （二）: read as a 项 (with its warning), not as a 款's text
    second = wdr.parse(HEAD + "第一条 （二）甲；\n\n（三）乙。\n")
    (paragraph,) = second.article(1).paragraphs
    assert [(i.number, i.text) for i in paragraph.items] == [(2, "甲；"), (3, "乙。")]
    assert [str(w) for w in second.warnings] == [
        "3:1: item-number: expected item （一）, found （二）"
    ]


def test_without_its_prebuilt_form_the_seed_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # bundled.x_load__mutmut_11 (the fallback parse called without the text)
    monkeypatch.setattr(bundled, "_loaded", [])
    monkeypatch.setattr(bundled, "_prebuilt", lambda text: None)
    reg = bundled.load()
    assert reg == wdr.parse(bundled.seed_text(), source=bundled.SEED_NAME, strict=True)
    assert bundled.load() is reg


def test_subparts_are_numbered_again_in_each_part() -> None:
    # written for numbering.xǁNumberingǁcheck_unit__mutmut_41 (a 分编's parent taken for 章),
    # which it does not kill (docs/mutation.md); pins 分编 numbered again in each 编
    reg = wdr.parse(
        "# 甲法\n\n## 第一编 总则\n\n### 第一分编 通则\n\n#### 第一章 甲\n\n第一条 甲。\n\n"
        "## 第二编 分则\n\n### 第一分编 通则\n\n#### 第一章 乙\n\n第二条 乙。\n"
    )
    assert [(s.citation, s.title) for s in reg.subparts] == [
        (wdr.Citation(part=1, subpart=1), "通则"),
        (wdr.Citation(part=2, subpart=1), "通则"),
    ]
    assert reg.warnings == ()


def test_a_chapter_with_no_title_is_printed_as_its_label_alone() -> None:
    # render.x__blocks__mutmut_41 (lstrip for rstrip: "#### 第一章 " with a space at its end)
    text = "# 甲条例\n\n<!-- INFO END -->\n\n#### 第一章\n\n###### 第一条\n\n甲。\n"
    reg = wdr.parse(text)
    assert [(c.number, c.title) for c in reg.chapters] == [(1, "")]
    assert wdr.render(reg) == text


def test_the_look_ahead_reads_an_inline_list_with_text_after_it() -> None:
    # inline.x_expand_text__mutmut_21 (the text after an inline list's last item expanded as
    # None: the look-ahead from 续文。 over the line below failed)
    reg = wdr.parse(
        HEAD + "第一条 下列：\n\n（一）甲；\n\n续文。\n\n另： （一）x； （二）y。 附文。\n"
    )
    assert [
        (p.text, [(i.number, i.text, i.continuation) for i in p.items])
        for p in reg.article(1).paragraphs
    ] == [
        ("下列：", [(1, "甲；", ())]),
        ("续文。", []),
        ("另：", [(1, "x；", ()), (2, "y。", ())]),
        ("附文。", []),
    ]
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [
        (9, 4, "inline-item"),
        (9, 10, "inline-item"),
        (9, 16, "inline-paragraph"),
    ]


def test_a_paragraph_after_a_table_that_closed_an_article_is_numbered_in_the_body() -> None:
    # builders.x_renumber__mutmut_11 (attrs.evolve without the node): the preamble's paragraph
    # is 1 of the text before the split, the one after the table 1 of the body after it
    reg = wdr.parse(
        "# 例条例\n\n序言文字。\n\n第一条 甲。\n\n<!-- TABLE -->\n| a | b |\n<!-- TABLE END -->\n\n乙。\n"
    )
    assert reg.preamble == (wdr.Paragraph(1, "序言文字。"),)
    assert [type(n).__name__ for n in reg.body] == ["Article", "Table", "Paragraph"]
    assert reg.body[2] == wdr.Paragraph(1, "乙。")
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(7, 1, "table-in-article")]


@pytest.mark.parametrize("text", ["将第二条修改为：", "增加一款，作为第二款：", "修改为:"])
def test_a_paragraph_that_may_open_a_quotation_keeps_the_reading_rules_flag(text: str) -> None:
    # builders.xǁFreezerǁfreeze_article__mutmut_11 and _21: a 款 ending in 修改为： with no
    # further paragraph and no 项 is frozen with the flag the public constructor records
    # (a container built around it checks how the next 款 reads after it)
    reg = wdr.parse(f"# 例条例\n\n第一条 {text}\n\n第二条 甲。\n")
    (para,) = reg.article(1).paragraphs
    assert para.text == text
    assert para._flow is True
    assert wdr.Paragraph(1, text)._flow is True


def _amended_article_four(wording: str) -> list[tuple[str, list[tuple[int, str]], tuple[str, ...]]]:
    from .test_amend_apply import apply

    return [
        (p.text, [(i.number, i.text) for i in p.items], p.continuation)
        for p in apply(f"一、将第四条修改为：“{wording}”").article(4).paragraphs
    ]


def test_quoted_wording_splits_an_inline_list_as_the_reader_does() -> None:
    # inline.x_expand_text__mutmut_1 (no inline list split: one 款 holding its 项 as text)
    assert _amended_article_four("甲： （一）乙； （二）丙。") == [
        ("甲：", [(1, "乙；"), (2, "丙。")], ())
    ]


def test_quoted_wording_keeps_a_line_whose_marker_is_no_number() -> None:
    # inline.x_token_of__mutmut_21 (the token of （十十） lost its kind and its text)
    assert _amended_article_four("（十十）甲。") == [("（十十）甲。", [], ())]


def test_a_marked_line_inside_an_open_quotation_keeps_its_marker() -> None:
    # inline.x_token_of__mutmut_31 (a 项's line without its whole text: （一） dropped where
    # the line is a further paragraph of a quotation, not a 项)
    from wuxi_dt_regulation._amend.wording import read_paragraphs

    (para,) = read_paragraphs(("甲“乙", "（一）丙；", "（二）丁。”"))
    assert (para.text, para.items, para.continuation) == (
        "甲“乙",
        (),
        ("（一）丙；", "（二）丁。”"),
    )


def test_chapters_numbered_on_through_the_parts_are_cited_without_their_part() -> None:
    # builders.xǁFreezerǁfreeze_container__mutmut_41 (every chapter's stamp given its 编)
    reg = wdr.parse(
        "# 甲法\n\n## 第一编 总则\n\n### 第一章 甲\n\n第一条 甲。\n\n"
        "## 第二编 分则\n\n### 第二章 乙\n\n第二条 乙。\n"
    )
    assert [c.citation for c in reg.chapters] == [wdr.Citation(chapter=1), wdr.Citation(chapter=2)]
    assert reg.warnings == ()
