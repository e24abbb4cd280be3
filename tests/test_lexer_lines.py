"""The lexer's one pass over the text: control, zero-width and private-use characters found
line by line (``str.isprintable`` first, a regex only on the lines it fails) give exactly the
errors and warnings the whole-text scans gave."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import ParseError
from wuxi_dt_regulation._markdown.lexer import find_control, lex

HEAD = "# 标题\n\n"


def _error(call: object) -> tuple[object, ...] | None:
    try:
        call()  # type: ignore[operator]
    except ParseError as err:
        return (err.message, err.line, err.column, err.text, err.source)
    return None


_PIECES = [
    "甲", " ", "\t", "\u3000", "\r", "\n", "\x00", "\x85", "\x1f", "\ud800", "\u200b", "\ue000",
    "\ufeff", "第一条", "\r\n",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example(["甲\r\n乙\r丙"])
@example(["甲\r\r\n"])
@example(["\u200b\ue001\x00"])
def test_the_lexer_refuses_what_the_whole_text_scan_refuses(parts: list[str]) -> None:
    text = "".join(parts)
    assert _error(lambda: lex(text, "f.md")) == _error(lambda: find_control(text, "f.md"))


@pytest.mark.parametrize(
    ("text", "line", "column", "what"),
    [
        (HEAD + "第一条 甲\r乙。", 3, 6, "a control character U+000D"),
        (HEAD + "第一条 甲。\r\n\r\n第二条 乙\x00。", 5, 6, "binary data (NUL byte) U+0000"),
        (HEAD + "第一条 \ud800", 3, 5, "a lone surrogate"),
        (HEAD + "\u200b第一条 甲\x85", 3, 7, "a control character U+0085"),
    ],
)
def test_a_control_character_is_an_error_at_its_line_and_column(
    text: str, line: int, column: int, what: str
) -> None:
    with pytest.raises(ParseError) as caught:
        wdr.parse(text, source="f.md")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert what in caught.value.message


def test_zero_width_and_private_use_characters_are_reported_where_they_stand() -> None:
    reg = wdr.parse(
        HEAD + "第一条 甲\u200b乙\u200b。\r\n\r\n第二条 \ue000丙\u3000\ue001。\n\n\u200b\n"
    )
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [
        (3, 6, "zero-width"),
        (5, 5, "private-use"),
        (7, 1, "zero-width"),
    ]
    assert reg.article(1).paragraphs[0].text == "甲乙。"
    assert reg.article(2).paragraphs[0].text == "\ue000丙\u3000\ue001。"


def test_a_text_of_printable_lines_is_read_without_any_report() -> None:
    lexed = lex(HEAD + "第一条 甲。\n\n\t（一）乙；\u3000\n")
    assert (lexed.zero_width, lexed.too_deep, lexed.private_use) == ([], [], [])
    assert [(line.number, line.level, line.text) for line in lexed.lines] == [
        (1, 1, "标题"),
        (3, 0, "第一条 甲。"),
        (5, 0, "（一）乙；"),
    ]
