"""An article written on the line of a heading (``_markdown/heading_article.py``): split off,
with a ``heading-article`` warning at its label; a title that holds such words is written with
an escape, and every title and heading reads back as it was."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Chapter, Regulation
from wuxi_dt_regulation._markdown.heading_article import escape_heading, split_heading

from .strategies import regulations

HISTORY = "- 2020年1月2日示例市第一届人民代表大会常务委员会第一次会议通过\n\n<!-- INFO END -->\n\n"


def _read(text: str) -> tuple[list[tuple[str, str]], list[tuple[int, int, str]]]:
    reg = wdr.parse(text)
    articles = [(a.label, a.paragraphs[0].text) for a in reg.articles]
    return articles, [(w.line, w.column, w.code) for w in reg.warnings]


def test_an_article_on_a_chapter_heading_is_the_chapters_first() -> None:
    reg = wdr.parse("# 示例条例\n\n## 第一章 总则 第一条 为了示例，制定本条例。\n\n第二条 甲。\n")
    (chapter,) = reg.chapters
    assert (chapter.number, chapter.title) == (1, "总则")
    assert [a.label for a in chapter.articles] == ["第一条", "第二条"]
    assert reg.article(1).paragraphs == (wdr.Paragraph(1, "为了示例，制定本条例。"),)
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(3, 11, "heading-article")]
    assert str(reg.warnings[0]) == (
        "3:11: heading-article: an article stands on the line of a heading; "
        "read as a line of its own"
    )


def test_an_article_on_the_title_line_opens_the_body_after_the_history() -> None:
    reg = wdr.parse("# 示例条例　第一条 甲。\n\n" + HISTORY + "第二条 乙。\n")
    assert reg.title == "示例条例"
    assert [e.text for e in reg.history] == [
        "2020年1月2日示例市第一届人民代表大会常务委员会第一次会议通过"
    ]
    assert [(a.label, a.paragraphs[0].text) for a in reg.articles] == [
        ("第一条", "甲。"),
        ("第二条", "乙。"),
    ]
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(1, 8, "heading-article")]


def test_an_article_on_a_subtitle_line_follows_the_header_too() -> None:
    reg = wdr.parse("# 示例条例\n\n# （2020年修正） 第一条 甲。\n\n" + HISTORY + "第二条 乙。\n")
    assert (reg.title, reg.subtitles) == ("示例条例", ("（2020年修正）",))
    assert len(reg.history) == 1
    assert [a.label for a in reg.articles] == ["第一条", "第二条"]
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(3, 13, "heading-article")]


def test_a_division_and_an_appendix_heading_split_the_same_way() -> None:
    articles, warnings = _read(
        "# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n\n## 附则 第二条 本条例自2020年1月1日起施行。\n"
    )
    assert articles == [("第一条", "甲。"), ("第二条", "本条例自2020年1月1日起施行。")]
    assert warnings == [(7, 7, "heading-article")]
    reg = wdr.parse("# 示例条例\n\n第一条 甲。\n\n## 附则 第二条 乙。\n")
    assert [(type(n).__name__, getattr(n, "title", None)) for n in reg.body] == [
        ("Article", None),
        ("Division", "附则"),
    ]
    assert [a.label for a in reg.body[1].articles] == ["第二条"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        # no white space before the label: a title that names an article
        "# 关于《中华人民共和国刑法》第九十三条第二款的解释\n\n第一条 甲。\n",
        # no sentence punctuation after it: a name
        "# 关于 第九十三条 的解释\n\n第一条 甲。\n",
        # nothing after the label
        "# 示例条例 第一条\n\n第一条 甲。\n",
        # an article's own heading line holds its text, citations included
        "# 示例条例\n\n###### 第一条 依照 第二十条 规定。\n",
    ],
)
def test_a_heading_is_split_only_where_an_article_follows(text: str) -> None:
    reg = wdr.parse(text)
    assert [w.code for w in reg.warnings] == []
    assert len(reg.articles) == 1
    assert reg.title == text.split("\n")[0][2:]


def test_an_article_heading_line_keeps_the_citation_in_its_text() -> None:
    reg = wdr.parse("# 示例条例\n\n###### 第一条 依照 第二十条 规定。\n")
    assert reg.article(1).paragraphs[0].text == "依照 第二十条 规定。"


def test_an_escaped_label_is_part_of_the_title_and_the_escape_is_taken_out_once() -> None:
    assert wdr.parse("# 示例 \\第一条 甲。\n\n第一条 乙。\n").title == "示例 第一条 甲。"
    assert wdr.parse("# 示例 \\\\第一条 甲。\n\n第一条 乙。\n").title == "示例 \\第一条 甲。"
    chapter = wdr.parse("# 例\n\n## 第一章 总则 \\第一条 甲。\n\n第一条 乙。\n").chapters[0]
    assert chapter.title == "总则 第一条 甲。"


def test_the_renderer_escapes_a_title_that_holds_an_article() -> None:
    reg = wdr.parse("# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n")
    chapter = attrs.evolve(reg.chapters[0], title="总则 第一条 甲。")
    odd = attrs.evolve(reg, title="示例 第二条 乙，丙", body=(chapter,))
    text = wdr.render(odd)
    assert text.splitlines()[0] == "# 示例 \\第二条 乙，丙"
    assert "#### 第一章 总则 \\第一条 甲。" in text.splitlines()
    assert wdr.parse(text) == odd


_LABELS = st.sampled_from(["第一条", "第二十条", "第1条", "第三条之一", "第一百条之二"])
_SPACE = st.sampled_from([" ", "\u3000", "  "])
_ESCAPES = st.sampled_from(["", "\\", "\\\\"])
_TAIL = st.sampled_from(["甲。", "乙，丙", "丁：", "说明", "的解释", "x"])


@st.composite
def odd_titles(draw: st.DrawFn) -> str:
    """A title or heading title holding article labels after white space, escapes before them,
    text after them with or without sentence punctuation."""
    pieces = [draw(st.sampled_from(["示例", "总则", "关于", "附\\则"]))]
    for _ in range(draw(st.integers(1, 3))):
        pieces += [draw(_SPACE), draw(_ESCAPES), draw(_LABELS), draw(_SPACE), draw(_TAIL)]
    return "".join(pieces)


@given(odd_titles())
def test_escaping_a_heading_reads_back_as_itself(title: str) -> None:
    assert split_heading(escape_heading(title)) == (title, None)


@given(st.text(st.sampled_from("示例总则附 \u3000\\。"), min_size=1), _LABELS, _TAIL)
def test_an_unescaped_label_with_a_sentence_after_it_is_split_there(
    heading: str, label: str, tail: str
) -> None:
    line = f"{heading} {label} {tail}。"
    assert split_heading(line) == (heading.rstrip(), len(heading) + 1)


@given(regulations(max_chapters=3), odd_titles(), odd_titles())
def test_titles_and_headings_holding_article_labels_round_trip(
    reg: Regulation, title: str, heading: str
) -> None:
    body = tuple(
        attrs.evolve(node, title=heading) if isinstance(node, Chapter) else node
        for node in reg.body
    )
    odd = attrs.evolve(reg, title=title, body=body)
    again = wdr.parse(wdr.render(odd))
    assert again == odd
    assert "heading-article" not in [w.code for w in again.warnings]
