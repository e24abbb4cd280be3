"""Short reprs for every unit (issue 11, item 7): the label, the start of the text, how much
the unit holds; never the subtree."""

from __future__ import annotations

from hypothesis import given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Citation,
    Division,
    Event,
    Item,
    Paragraph,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
)

from .strategies import regulations
from .values import attrs_nodes


def test_each_unit_says_what_it_is_and_how_much_it_holds() -> None:
    item = Item(3, "乙：", (SubItem(1, "丙；"), SubItem(2, "丁。")))
    paragraph = Paragraph(2, "下列：", (Item(1, "甲；"), item))
    article = Article(120, 1, (Paragraph(1, "甲。"), paragraph))
    section = Section(1, "一般规定", (article,))
    chapter = Chapter(2, "总则", (section,))
    assert [repr(u) for u in (article, paragraph, item, item.subitems[0])] == [
        "<Article 第一百二十条之一 (2 paragraphs)>",
        "<Paragraph 2 '下列：' (2 items)>",
        "<Item （三） '乙：' (2 subitems)>",
        "<SubItem 1． '丙；'>",
    ]
    assert repr(section) == "<Section 第一节 一般规定 (1 article)>"
    assert repr(chapter) == "<Chapter 第二章 总则 (1 section, 1 article)>"
    assert repr(Subpart(1, "", (chapter,))) == "<Subpart 第一分编 (1 chapter, 1 article)>"
    assert repr(Part(1, "总则", (Article(1),))) == "<Part 第一编 总则 (1 article)>"
    assert repr(Article(1)) == "<Article 第一条>"


def test_text_is_cut_and_counted_and_empty_parts_are_left_out() -> None:
    long = "本条例所称数字化转型，是指运用数字技术推动经济社会各领域发生变革的过程。"
    assert repr(Paragraph(1, long)) == (
        "<Paragraph 1 '本条例所称数字化转型，是指运用数字技术推'… (36 characters)>"
    )
    assert repr(Paragraph(1, "", (Item(1, "甲。"),))) == "<Paragraph 1 (1 item)>"
    assert repr(Paragraph(1, "修改为：“甲", continuation=("乙”",))) == (
        "<Paragraph 1 '修改为：“甲' (1 further paragraph)>"
    )
    assert repr(Item(1, "甲：", arabic=True)) == "<Item 1． '甲：'>"
    assert repr(SubItem(1, "甲：", (SubItem(1, "乙。"),))) == "<SubItem 1． '甲：' (1 subitem)>"


def test_free_text_containers_count_their_blocks() -> None:
    table = Table(("| 名称 | 期限 |", "|---|---|", "| 甲 | 三日 |"))
    assert repr(table) == "<Table '名称 | 期限' (2 rows)>"
    assert repr(Table(("|---|",))) == "<Table (0 rows)>"
    division = Division("附则", 2, (Article(60), Article(61)))
    assert repr(division) == "<Division '附则' (2 articles)>"
    appendix = Appendix("附件一：清单", (Paragraph(1, "甲。"), table, Paragraph(2, "乙。")))
    assert repr(appendix) == "<Appendix '附件一：清单' (2 paragraphs, 1 table)>"
    assert repr(Appendix("附：")) == "<Appendix '附：'>"


def test_citations_events_and_warnings_keep_their_short_forms() -> None:
    assert repr(Citation(article=35, paragraph=2)) == "Citation(article=35, paragraph=2)"
    event = Event("2023年4月26日通过")
    assert repr(event) == "Event(text='2023年4月26日通过')"
    assert eval(repr(event)) == event
    assert repr(wdr.load()) == "<Regulation '无锡市数字化转型促进条例': 7 chapters, 55 articles>"


@given(regulations())
def test_no_repr_prints_a_subtree(reg: Regulation) -> None:
    for unit in attrs_nodes(reg):
        shown = repr(unit)
        assert "\n" not in shown
        assert len(shown) <= 120, shown
        if not isinstance(unit, (Citation, Event, wdr.ParseWarning)):
            assert shown.startswith(f"<{type(unit).__name__}")
