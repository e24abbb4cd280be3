"""Citations: the value, every style both ways, ranges and lists, resolution, the scanner,
references on the corpus, search, GB/T 7714 and the CLI."""

from __future__ import annotations

import itertools
import pickle
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Citation,
    CitationError,
    CitationList,
    CitationRange,
    NotFoundError,
    find_citations,
    format_citation,
    parse_citation,
    parse_citations,
)
from wuxi_dt_regulation.__main__ import main
from wuxi_dt_regulation._citations.format import STYLES, CitationStyle
from wuxi_dt_regulation._citations.titles import instrument_word
from wuxi_dt_regulation._model.citation import replace
from wuxi_dt_regulation._model.ranges import CONJUNCTIONS
from wuxi_dt_regulation._model.references import KINDS

from . import strategies
from .conftest import CORPUS, corpus_files, corpus_params

SEED = wdr.load()
C35_2_3 = Citation(article=35, paragraph=2, item=3)
ZH_STYLES: tuple[CitationStyle, ...] = ("statute", "full", "internal", "court", "academic")
FOUND_STYLES: tuple[CitationStyle, ...] = (
    *ZH_STYLES,
    "en",
    "en-compact",
)  # the scanner reads every style but the eId


def _text(unit: object) -> str:
    text = getattr(unit, "text", None)
    assert isinstance(text, str)
    return text


def citable_units(reg: wdr.Regulation) -> list[object]:
    """Every unit whose ``.citation`` must answer: the body's headings (分编 included), articles,
    款, 项, 目."""
    units: list[object] = [*reg.parts, *reg.subparts, *reg.chapters, *reg.sections]
    for article in reg.articles:
        units.append(article)
        for paragraph in article.paragraphs:
            units.append(paragraph)
            for item in paragraph.items:
                units.append(item)
                units.extend(item.subitems)
    return units


@st.composite
def titled_regulations(draw: st.DrawFn) -> wdr.Regulation:
    """A generated regulation whose title names its type, so that 本条例/本法 can be written."""
    reg = draw(strategies.regulations())
    suffix = draw(st.sampled_from(["条例", "法", "规定", "办法", "决定"]))
    return attrs.evolve(reg, title=reg.title + suffix)


# --------------------------------------------------------------------------- the styles


def test_every_style_of_the_issue() -> None:
    expected = {
        "statute": "第三十五条第二款第三项",
        "full": "《无锡市数字化转型促进条例》第三十五条第二款第三项",
        "internal": "本条例第三十五条第二款第三项",
        "court": "《无锡市数字化转型促进条例》第三十五条第二款第（三）项",
        "academic": "《无锡市数字化转型促进条例》第35条第2款第3项",
        "en": "Article 35, Paragraph 2, Item (3)",
        "en-compact": "Art. 35(2)(3)",
        "eid": "art_35__para_2__point_3",
    }
    assert {s: format_citation(C35_2_3, s, regulation=SEED) for s in STYLES} == expected
    for style, text in expected.items():
        assert parse_citation(text, regulation=SEED) == C35_2_3, style


@pytest.mark.parametrize(
    ("citation", "style", "text"),
    [
        (Citation(article=120, suffix=1), "statute", "第一百二十条之一"),
        (Citation(article=120, suffix=1, paragraph=2), "academic", "《X条例》第120条之一第2款"),
        (Citation(article=120, suffix=1), "en", "Article 120-1"),
        (Citation(article=120, suffix=1), "eid", "art_120-1"),
        (Citation(chapter=2), "statute", "第二章"),
        (Citation(chapter=3, section=1), "statute", "第三章第一节"),
        (Citation(part=2, chapter=1), "statute", "第二编第一章"),
        (Citation(part=1), "eid", "part_1"),
        (Citation(chapter=3, section=1), "eid", "chp_3__sec_1"),
        (Citation(part=2, chapter=1), "en", "Part 2, Chapter 1"),
        (Citation(chapter=3, section=1), "en-compact", "Ch. 3 Sec. 1"),
        (Citation(article=3, paragraph=1, item=3, subitem=1), "statute", "第三条第一款第三项第1目"),
        (Citation(article=3, paragraph=1, item=3, subitem=1), "court", "《X条例》第三条第一款第（三）项第1目"),
        (Citation(article=3, paragraph=1, item=3, subitem=1), "en", "Article 3, Paragraph 1, Item (3), Sub-item 1"),
        (Citation(article=3, paragraph=1, item=3, subitem=1), "eid", "art_3__para_1__point_3__point_1"),
        (Citation(article=3, paragraph=1, item=3, subitem=1), "en-compact", "Art. 3(1)(3)(1)"),
        (Citation(title="中华人民共和国数据安全法", article=21), "internal", "本法第二十一条"),
        (Citation(title="中华人民共和国数据安全法", article=21), "en", "Article 21 of 《中华人民共和国数据安全法》"),
        (Citation(title="无锡市数字化转型促进条例", article=1), "en",
         "Article 1 of the Regulations of Wuxi Municipality on Promoting Digital Transformation"),
    ],
)  # fmt: skip
def test_formats(citation: Citation, style: CitationStyle, text: str) -> None:
    if citation.title is None and style in ("full", "court", "academic"):
        citation = attrs.evolve(citation, title="X条例")
    assert format_citation(citation, style) == text
    back = parse_citation(text)
    assert back == (
        citation
        if style not in ("statute", "eid", "internal")
        else attrs.evolve(citation, title=None)
    )


def test_single_paragraph_rule() -> None:
    reg = wdr.parse(
        "# 示例条例\n\n第十条 下列事项：\n\n（一）甲；\n\n（二）乙。\n\n第十一条 前条。\n\n再一款。"
    )
    item = reg.article(10).paragraphs[0].items[1]
    assert item.citation == Citation(article=10, paragraph=1, item=2)
    assert format_citation(item.citation, regulation=reg) == "第十条第二项"
    assert format_citation(item.citation) == "第十条第一款第二项"  # no regulation: as held
    assert parse_citation("第十条第二项", regulation=reg) == item.citation
    assert parse_citation("第十条第二项") == Citation(article=10, item=2)
    assert reg.resolve(Citation(article=10, item=2)) is item
    assert format_citation(item.citation, "en", regulation=reg) == "Article 10, Item (2)"
    # en-compact and eId always write the 款: Art. 10(2) would read as a paragraph
    assert (
        format_citation(Citation(article=10, item=2), "en-compact", regulation=reg)
        == "Art. 10(1)(2)"
    )
    with pytest.raises(CitationError, match="needs the 款"):
        format_citation(Citation(article=10, item=2), "eid")
    # the sole 款 on its own is cited as its article (issue 8 item 11), and reads back as the
    # article, whose text is the 款's
    sole = Citation(article=10, paragraph=1)
    for style in ("statute", "full", "internal", "court", "academic", "en"):
        written = format_citation(sole, style, regulation=reg)
        assert "款" not in written and "Paragraph" not in written, (style, written)
        back = parse_citation(written, regulation=reg)
        assert back == Citation(article=10)
        assert _text(reg.resolve(back)) == reg.resolve(sole).full_text  # type: ignore[union-attr]
    assert format_citation(sole, "en-compact", regulation=reg) == "Art. 10(1)"
    assert format_citation(sole, "eid", regulation=reg) == "art_10__para_1"
    assert format_citation(sole) == "第十条第一款"  # without the regulation: as held
    assert (
        format_citation(Citation(article=11, paragraph=1, item=1), regulation=reg)
        == "第十一条第一款第一项"
    )


def test_instrument_words() -> None:
    assert instrument_word("中华人民共和国刑法") == "本法"
    assert (
        instrument_word("上海市人民代表大会常务委员会关于进一步促进和保障“一网通办”改革的决定")
        == "本决定"
    )
    assert instrument_word("网络数据安全管理条例") == "本条例"
    # never an error (issue 8 item 12): a case is 本案, a title of no known kind 本文件
    assert instrument_word("张莉诉北京合力华通汽车服务有限公司买卖合同纠纷案") == "本案"
    assert (
        instrument_word(
            "为家庭生活消费需要购买汽车，发生欺诈纠纷的，可以按照消费者权益保护法处理。"
        )
        == "本文件"
    )


def test_styles_needing_a_title() -> None:
    with pytest.raises(CitationError, match="no title and no regulation"):
        format_citation(Citation(article=1), "full")
    with pytest.raises(CitationError, match="unknown citation style"):
        format_citation(Citation(article=1), "bluebook")  # type: ignore[arg-type]
    assert format_citation(Citation(article=1), "internal", regulation=SEED) == "本条例第一条"


# --------------------------------------------------------------------------- the value


def test_value_rules() -> None:
    assert Citation(article=35) < Citation(article=35, paragraph=1) < Citation(article=36)
    assert Citation(article=120) < Citation(article=120, suffix=1) < Citation(article=121)
    assert Citation(chapter=1) < Citation(chapter=1, section=1) < Citation(chapter=2)
    assert len({Citation(article=1), Citation(article=1)}) == 1
    assert pickle.loads(pickle.dumps(C35_2_3)) == C35_2_3
    assert repr(Citation(article=120, suffix=1)) == "Citation(article=120, suffix=1)"
    for bad in (
        {"paragraph": 1},
        {"chapter": 1, "article": 2},
        {"article": 1, "subitem": 1},
        {"section": 1},
        {"article": 0},
        {"article": 10000},
        {"article": True},
        {},
        {"title": "《A》", "article": 1},
    ):
        with pytest.raises(ValueError):  # noqa: PT011 - the messages vary
            Citation(**bad)


def test_unit_citations_and_resolve_on_the_seed() -> None:
    for unit in citable_units(SEED):
        assert SEED.resolve(unit.citation) is unit  # type: ignore[attr-defined]
    assert SEED.chapters[2].citation == Citation(chapter=3)
    assert SEED.article(35).paragraphs[1].citation == Citation(article=35, paragraph=2)


def test_resolve_says_what_exists() -> None:
    with pytest.raises(NotFoundError, match=r"^第三十五条 has 4 款; there is no 第五款$"):
        SEED.resolve(Citation(article=35, paragraph=5))
    with pytest.raises(NotFoundError, match="第三十五条第二款 has no 项; there is no 第一项"):
        SEED.resolve(Citation(article=35, paragraph=2, item=1))
    with pytest.raises(NotFoundError, match="its articles are 第一条 … 第五十五条"):
        SEED.resolve(Citation(article=56))
    with pytest.raises(NotFoundError, match="its chapters are"):
        SEED.resolve(Citation(chapter=8))
    with pytest.raises(NotFoundError, match="第三章 has no 节"):
        SEED.resolve(Citation(chapter=3, section=1))
    with pytest.raises(NotFoundError, match="names 《其他条例》"):
        SEED.resolve(Citation(title="其他条例", article=1))
    with pytest.raises(NotFoundError, match=r"^第三十五条 has 4 款 and none has a 第一项$"):
        SEED.resolve(Citation(article=35, item=1))


def test_unstamped_units() -> None:
    assert wdr.Article(3).citation == Citation(article=3)
    assert wdr.Chapter(2).citation == Citation(chapter=2)
    with pytest.raises(CitationError, match="does not know where it stands"):
        _ = wdr.Paragraph(1, "x").citation


def test_shared_units_are_copied_not_restamped() -> None:
    """An article reused under another number answers for each regulation."""
    old = wdr.parse("# 甲条例\n\n第一条 甲。\n\n第二条 乙。\n\n丙。")
    moved = attrs.evolve(old.article(2), number=3)  # new Article, same Paragraph objects
    assert moved.paragraphs[1] is old.article(2).paragraphs[1]
    new = wdr.Regulation(title="甲条例", body=(old.article(1), moved))
    assert old.article(2).paragraphs[1].citation == Citation(article=2, paragraph=2)
    assert new.article(3).paragraphs[1].citation == Citation(article=3, paragraph=2)
    assert new.article(3).paragraphs[1] == old.article(2).paragraphs[1]  # equal, not the same
    assert new.resolve(Citation(article=3, paragraph=2)) is new.article(3).paragraphs[1]
    one = wdr.Paragraph(1, "同。")  # one Paragraph used in two articles of one regulation
    twice = wdr.Regulation(
        title="乙条例", body=(wdr.Article(1, paragraphs=(one,)), wdr.Article(2, paragraphs=(one,)))
    )
    assert [a.paragraphs[0].citation.article for a in twice.articles] == [1, 2]
    back = pickle.loads(pickle.dumps(new))
    assert back == new and back.article(3).paragraphs[1].citation == Citation(
        article=3, paragraph=2
    )


def test_codes_cite_chapters_with_their_part() -> None:
    code = wdr.parse_file(CORPUS / "national" / "刑法.md")
    restarts = [c for c in code.chapters if c.number == 1]
    assert len(restarts) == 2
    assert [c.citation for c in restarts] == [
        Citation(part=1, chapter=1),
        Citation(part=2, chapter=1),
    ]
    assert format_citation(restarts[1].citation, regulation=code) == "第二编第一章"
    assert code.resolve(Citation(part=2, chapter=1)) is restarts[1]
    inserted = code.resolve(parse_citation("第一百二十条之一", regulation=code))
    assert isinstance(inserted, wdr.Article) and inserted.label == "第一百二十条之一"


@given(reg=titled_regulations(), data=st.data())
@example(reg=SEED, data=None)
def test_every_unit_every_style_round_trips(
    reg: wdr.Regulation, data: st.DataObject | None
) -> None:
    """Issue 8 item 11: resolving the reparsed citation gives the same text.  The same unit,
    except the sole 款 of an article, cited as the article (whose text is that 款's) in every
    style but en-compact and eid."""
    for unit in citable_units(reg):
        cited = unit.citation  # type: ignore[attr-defined]
        assert reg.resolve(cited) is unit
        for style in STYLES:
            text = format_citation(cited, style, regulation=reg)
            back = parse_citation(text, regulation=reg)
            found = reg.resolve(back)
            if found is unit:
                assert back == cited, (style, text)
                continue
            assert isinstance(unit, wdr.Paragraph) and isinstance(found, wdr.Article), text
            assert style not in ("en-compact", "eid") and len(found.paragraphs) == 1
            assert found.paragraphs[0] is unit and found.text == unit.full_text
            assert back == Citation(article=cited.article, suffix=cited.suffix)


# --------------------------------------------------------------------------- ranges and lists


@st.composite
def citations(draw: st.DrawFn, title: str | None = None) -> Citation:
    n = st.integers(1, 1300)
    if draw(st.integers(0, 4)) == 0:
        part = draw(st.none() | n)
        if draw(st.integers(0, 3)) == 0:  # a 分编, under its 编 or alone
            return Citation(title=title, part=part, subpart=draw(n))
        chapter = draw(n) if part is None or draw(st.booleans()) else None
        section = draw(st.none() | n) if chapter is not None else None
        return Citation(title=title, part=part, chapter=chapter, section=section)
    paragraph = draw(st.none() | n)
    item = draw(st.none() | n)
    subitem = draw(st.none() | n) if item is not None else None
    return Citation(title=title, article=draw(n), suffix=draw(st.sampled_from([0, 0, 0, 1, 2])),
                    paragraph=paragraph, item=item, subitem=subitem)  # fmt: skip


@st.composite
def ranges(draw: st.DrawFn, title: str | None = None) -> CitationRange:
    start = draw(citations(title))
    level = start.level
    bump = draw(st.integers(1, 5))
    value = getattr(start, level) + bump
    if value > 9999:
        start = replace(start, {level: 1})
        value = 1 + bump
    end = replace(start, {level: value, **({"suffix": 0} if level == "article" else {})})
    return CitationRange(start, end)


@st.composite
def lists(draw: st.DrawFn) -> CitationList:
    title = draw(st.sampled_from([None, "无锡市数字化转型促进条例", "中华人民共和国数据安全法"]))
    one = citations(title) | ranges(title)
    items = tuple(draw(st.lists(one, min_size=1, max_size=4)))
    return CitationList(items, draw(st.sampled_from(CONJUNCTIONS)))


@given(c=citations("中华人民共和国数据安全法"), style=st.sampled_from(STYLES))
def test_any_citation_round_trips(c: Citation, style: CitationStyle) -> None:
    if style in ("en-compact", "eid") and c.item is not None and c.paragraph is None:
        with pytest.raises(CitationError):
            format_citation(c, style)
        return
    text = format_citation(c, style)
    kept = c if style not in ("statute", "internal", "eid") else attrs.evolve(c, title=None)
    assert parse_citation(text) == kept
    assert str(parse_citation(str(c))) == str(c)


@given(value=lists(), style=st.sampled_from([s for s in STYLES if s != "eid"]))
@example(
    value=CitationList((Citation(article=35, paragraph=2), Citation(article=35, item=1))),
    style="statute",
)
@example(value=CitationList((Citation(part=1), Citation(chapter=1))), style="statute")
@example(
    value=CitationList(
        (Citation(article=35, paragraph=2), Citation(article=35, paragraph=2, item=1))
    ),
    style="en",
)
def test_lists_and_ranges_round_trip(value: CitationList, style: CitationStyle) -> None:
    needs_paragraph = any(c.item is not None and c.paragraph is None for c in value.expand())
    if style == "en-compact" and needs_paragraph:
        return
    if style in ("full", "court", "academic", "internal") and value.expand()[0].title is None:
        value = attrs.evolve(value, items=tuple(_titled(i) for i in value.items))
    if _inherits_wrongly(value.expand()):
        # an element starting below the one before it, without sharing its levels, cannot be
        # written in a list (第一编和第一章 reads as 第一编第一章): refused, not written wrongly
        with pytest.raises(CitationError, match="would read back as something else"):
            format_citation(value, style)
        return
    text = format_citation(value, style)
    back = parse_citations(text)
    if style in ("statute", "internal"):
        value = attrs.evolve(value, items=tuple(_titled(i, None) for i in value.items))
    if len(value.items) == 1:
        value = attrs.evolve(value, conjunction="和")  # nothing joins a single element
    elif style in ("en", "en-compact"):
        # English keeps the sense: "or" for 或者 and 或, "and" for the others, "," for 、
        sense = {"、": "、", "或者": "或者", "或": "或者"}.get(value.conjunction, "和")
        value = attrs.evolve(value, conjunction=sense)
    assert back == value, text


_STRUCTURE = ("part", "subpart", "chapter", "section")


def _inherits_wrongly(cited: tuple[Citation, ...]) -> bool:
    """An element whose top structural level lies below the previous element's top level takes
    the levels above it from that element; wrong when its own levels there differ."""
    for before, after in itertools.pairwise(cited):
        tops = [name for name in _STRUCTURE if getattr(after, name) is not None]
        if not tops:
            continue
        above = _STRUCTURE[: _STRUCTURE.index(tops[0])]
        if any(getattr(before, n) is not None for n in above) and any(
            getattr(before, n) != getattr(after, n) for n in above
        ):
            return True
    return False


def _titled(
    item: Citation | CitationRange, title: str | None = "X条例"
) -> Citation | CitationRange:
    if isinstance(item, CitationRange):
        return CitationRange(
            attrs.evolve(item.start, title=title), attrs.evolve(item.end, title=title)
        )
    return attrs.evolve(item, title=title)


def test_ranges_and_lists() -> None:
    found = parse_citations("第三十五条、第三十六条和第四十条")
    assert found.expand() == (Citation(article=35), Citation(article=36), Citation(article=40))
    items = parse_citations("第十条第一项至第三项")
    assert items.items == (
        CitationRange(Citation(article=10, item=1), Citation(article=10, item=3)),
    )
    assert format_citation(items) == "第十条第一项至第三项"
    assert [str(c) for c in items.expand()] == ["第十条第一项", "第十条第二项", "第十条第三项"]
    assert (
        format_citation(CitationRange(Citation(article=35), Citation(article=38)), "en")
        == "Article 35 to Article 38"
    )
    assert parse_citations("第三十五条第一款、第二款").expand() == (
        Citation(article=35, paragraph=1), Citation(article=35, paragraph=2))  # fmt: skip
    with pytest.raises(ValueError, match="forward"):
        CitationRange(Citation(article=38), Citation(article=35))
    with pytest.raises(ValueError, match="one kind"):
        CitationRange(Citation(article=38), Citation(article=39, paragraph=1))
    with pytest.raises(CitationError, match="use parse_citations"):
        parse_citation("第一条至第三条")
    with pytest.raises(CitationError, match="one unit"):
        format_citation(parse_citations("第一条、第二条"), "eid")


def test_range_expands_inserted_articles_with_the_regulation() -> None:
    code = wdr.parse_file(CORPUS / "national" / "刑法.md")
    span = parse_citations("第一百二十条至第一百二十一条").items[0]
    assert isinstance(span, CitationRange)
    labels = [code.article((c.article or 0, c.suffix)).label for c in span.expand(code)]
    assert labels == [
        "第一百二十条",
        *(f"第一百二十条之{n}" for n in "一二三四五六"),
        "第一百二十一条",
    ]
    assert len(span.expand()) == 2  # without the code: the numbers only


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("garbage", 1, "expected a citation such as 第三十五条, found 'garbage'"),
        (
            "第三十五",
            5,
            "expected a unit (编 章 节 条 款 项 目) after '第三十五', found the end of the text",
        ),
        ("第三十五条第", 6, "unexpected '第' after the citation"),
        ("第一万条", 2, "'一万' is not a number from 1 to 9999"),
        ("第10000条", 2, "'10000' is not a number from 1 to 9999"),
        ("第零条", 2, "'零' is not a number from 1 to 9999"),
        ("第三十五条第二款xyz", 9, "unexpected 'xyz' after the citation"),
        ("第（三）条", 1, "only a 项 number stands in parentheses: 第（三）项"),
        # a 分编 with no 编 before it: its chapter cannot be told from the 编's others
        ("第二分编第十三章", 5, "unexpected '第十三章' after the citation"),
        # 本章 is relative: what follows it is a citation of its own
        ("本章第五条", 3, "unexpected '第五条' after the citation"),
        ("第三款之一", 5, "之N follows an article number only"),
        ("前款", 1, "'前款' is relative: find_citations(text, at=…) resolves it"),
        ("第二项", 1, "'第二项' needs its article"),
        ("", 1, "expected a citation, found nothing"),
        ("art_35__para_x", 9, "expected an eId part such as art_35, found 'para_x'"),
        ("art_35__chp_2", 9, "'chp_2' is out of place in an eId"),
        ("《甲》第三条、", 8, "expected a citation such as 第三十五条, found the end of the text"),
    ],
)
def test_bad_citations(text: str, column: int, message: str) -> None:
    with pytest.raises(CitationError) as info:
        parse_citation(text)
    assert info.value.column == column
    assert info.value.message == message
    assert isinstance(info.value, ValueError)
    back = pickle.loads(pickle.dumps(info.value))
    assert (back.message, back.column, back.text) == (info.value.message, column, text)


def test_error_text_has_a_caret() -> None:
    with pytest.raises(CitationError) as info:
        parse_citation("第一万条")
    assert (
        str(info.value) == "column 2: '一万' is not a number from 1 to 9999\n    第一万条\n      ^"
    )


def test_self_word_must_match_the_regulation() -> None:
    with pytest.raises(CitationError, match="本法 does not name"):
        parse_citation("本法第三条", regulation=SEED)
    assert parse_citation("本条例第三条", regulation=SEED) == Citation(article=3)
    assert parse_citation("《无锡市数字化转型促进条例》第三条", regulation=SEED) == Citation(
        article=3
    )


# --------------------------------------------------------------------------- the scanner


def test_scanner_forms() -> None:
    at = Citation(article=12, paragraph=3)
    text = (
        "违反本条例第三十五条第二款第（三）项、本条第一款、前款、前两款和前条，"
        "依照《中华人民共和国数据安全法》第二十一条、第二十二条，以及有关法律、法规和国家有关规定，"
        "第一项至第三项，基本法第一条，根本条件，本章程"
    )
    found = find_citations(text, at=at)
    got = [(m.text, m.kind, [str(c) for c in m.citations]) for m in found]
    assert got == [
        ("本条例第三十五条第二款第（三）项", "internal", ["第三十五条第二款第三项"]),
        ("本条第一款", "relative", ["第十二条第一款"]),
        ("前款", "relative", ["第十二条第二款"]),
        ("前两款", "relative", ["第十二条第一款", "第十二条第二款"]),
        ("前条", "relative", ["第十一条"]),
        ("《中华人民共和国数据安全法》第二十一条、第二十二条", "external",
         ["《中华人民共和国数据安全法》第二十一条", "《中华人民共和国数据安全法》第二十二条"]),
        ("有关法律、法规", "unresolvable", []),
        ("国家有关规定", "unresolvable", []),
        ("第一项至第三项", "relative", ["第十二条第三款第一项", "第十二条第三款第二项", "第十二条第三款第三项"]),
        ("第一条", "absolute", ["第一条"]),  # 基本法 is not 本法
    ]  # fmt: skip
    for m in found:
        assert text[m.start : m.end] == m.text


def test_scanner_with_the_regulation() -> None:
    at = Citation(article=35, paragraph=3)
    found = find_citations(
        "本章、前两款、前条和本条例第三十六条至第三十八条", regulation=SEED, at=at
    )
    got = [(m.text, [str(c) for c in m.citations]) for m in found]
    chapter = next(c for c in SEED.chapters if SEED.article(35) in c.articles)
    assert got == [
        ("本章", [str(chapter.citation)]),
        ("前两款", ["第三十五条第一款", "第三十五条第二款"]),
        ("前条", ["第三十四条"]),
        ("本条例第三十六条至第三十八条", ["第三十六条", "第三十七条", "第三十八条"]),
    ]
    (own,) = find_citations("《无锡市数字化转型促进条例》", regulation=SEED)
    assert own.kind == "internal"


def test_scanner_without_a_place() -> None:
    (m,) = find_citations("前款规定")
    assert (m.kind, m.citations, m.value) == ("relative", (), None)
    (m,) = find_citations("依照本法第十条之一规定")
    assert m.citations == (Citation(article=10, suffix=1),)


_PROSE = "为了市人民政府应当鉴于数据主管部门企业鼓励支持县级区公共服务信息安全，。；"


@given(
    reg=titled_regulations(),
    style=st.sampled_from(FOUND_STYLES),
    before=st.text(_PROSE, max_size=20),
    after=st.text(_PROSE, max_size=20),
    data=st.data(),
)
def test_inserted_citations_are_found(
    reg: wdr.Regulation, style: CitationStyle, before: str, after: str, data: st.DataObject
) -> None:
    units = citable_units(reg)
    if not units:
        return
    unit = data.draw(st.sampled_from(units))
    cited = unit.citation  # type: ignore[attr-defined]
    inserted = format_citation(cited, style, regulation=reg)
    text = before + inserted + after
    found = find_citations(text, regulation=reg)
    assert [(m.start, m.end) for m in found] == [(len(before), len(before) + len(inserted))]
    assert found[0].text == inserted
    (got,) = found[0].citations
    if got != cited:  # the sole 款, written as its article: the same text
        assert isinstance(unit, wdr.Paragraph) and style not in ("en-compact", "eid")
        assert got == Citation(article=cited.article, suffix=cited.suffix)
        assert _text(reg.resolve(got)) == unit.full_text
    assert found[0].kind == (
        "internal" if style in ("full", "court", "academic", "internal") else "absolute"
    )


# --------------------------------------------------------------------------- references on real text


@pytest.mark.parametrize("path", corpus_params())
def test_references_run_on_the_corpus(path: Path) -> None:
    reg = wdr.parse_file(path)
    for ref in reg.references():
        unit = reg.resolve(ref.at)
        texts = [getattr(unit, "text", "")]
        texts.extend(s.text for sub in getattr(unit, "subitems", ()) for s in (sub, *sub.subitems))
        assert any(t[ref.match.start : ref.match.end] == ref.match.text for t in texts)
        assert ref.match.kind in KINDS
        if ref.exists:
            for target in ref.targets:
                if target.level != "instrument":
                    reg.resolve(target)


def _refs(name: str) -> list[tuple[str, str, str, list[str], bool | None]]:
    reg = wdr.parse_file(CORPUS / name)
    return [
        (str(r.at), r.match.text, r.match.kind, [str(c) for c in r.targets], r.exists)
        for r in reg.references()
    ]


def test_references_in_the_data_security_law() -> None:
    refs = _refs("national/数据安全法(2021-06-10).md")
    pinned = [r for r in refs if r[2] != "unresolvable"]
    assert pinned == [
        ("第三十一条第一款", "《中华人民共和国网络安全法》", "external", ["《中华人民共和国网络安全法》"], None),
        ("第四十三条第一款", "本章", "relative", ["第五章"], True),
        ("第四十五条第一款", "本法第二十七条、第二十九条、第三十条", "internal", ["第二十七条", "第二十九条", "第三十条"], True),
        ("第四十六条第一款", "本法第三十一条", "internal", ["第三十一条"], True),
        ("第四十七条第一款", "本法第三十三条", "internal", ["第三十三条"], True),
        ("第四十八条第一款", "本法第三十五条", "internal", ["第三十五条"], True),
        ("第四十八条第二款", "本法第三十六条", "internal", ["第三十六条"], True),
        ("第五十三条第一款", "《中华人民共和国保守国家秘密法》", "external", ["《中华人民共和国保守国家秘密法》"], None),
    ]  # fmt: skip
    assert len(refs) - len(pinned) == 15  # 法律、行政法规 and the like
    assert not any(r[4] is False for r in refs)  # the text holds no dangling reference


def test_references_in_the_legislation_law_2023() -> None:
    refs = _refs("versions/legislation-law/2023-03-13.md")
    pinned = [r[:4] for r in refs if r[2] != "unresolvable"]
    assert ("第十九条第一款", "本法第二章第三节", "internal", ["第二章第三节"]) in pinned
    assert (
        "第六十三条第一款",
        "本章",
        "relative",
        ["第二章"],
    ) in pinned  # 第六十三条 is in 第二章 第五节
    assert (
        "第七十二条第二款第二项",
        "宪法第八十九条",
        "external",
        ["《中华人民共和国宪法》第八十九条"],  # a law named without 《》 is that law
    ) in pinned
    assert (
        "第八十二条第三款",
        "本条第一款、第二款",
        "relative",
        ["第八十二条第一款", "第八十二条第二款"],
    ) in pinned
    assert ("第八十七条第一款", "本法第二章第二节、第三节、第五节", "internal",
            ["第二章第二节", "第二章第三节", "第二章第五节"]) in pinned  # fmt: skip
    assert (
        "第一百零八条第一款第一项",
        "本法第八十五条第二款",
        "internal",
        ["第八十五条第二款"],
    ) in pinned
    assert len(pinned) == 20
    assert [r for r in refs if r[4] is False] == []


def test_references_in_the_criminal_law() -> None:
    refs = _refs("national/刑法.md")
    assert len(refs) == 473
    # 犯第一款罪，…有第一项规定情形的: the 项 are those of 第一款, the 款 named before them
    assert (
        "第三百八十三条第三款",
        "第一项",
        "relative",
        ["第三百八十三条第一款第一项"],
        True,
    ) in refs
    assert ("第三百八十三条第三款", "第二项、第三项", "relative",
            ["第三百八十三条第一款第二项", "第三百八十三条第一款第三项"], True) in refs  # fmt: skip
    assert ("第一百八十三条第二款", "本法第三百八十二条、第三百八十三条", "internal",
            ["第三百八十二条", "第三百八十三条"], True) in refs  # fmt: skip
    assert any(r[1] == "本法第一百二十条之一" or "之一" in r[1] for r in refs)
    assert [r for r in refs if r[4] is False] == []


def test_dangling_references_that_the_corpus_really_holds() -> None:
    """Hand-checked: each target is really absent from the file."""
    dezhou = _refs("local/德州市制定地方性法规条例(2017-03-31).md")
    # 第三章 of this text has no 节 at all, yet 第十九条 cites 本条例第三章第二节
    assert [r for r in dezhou if r[4] is False] == [
        ("第十九条第一款", "本条例第三章第二节", "internal", ["第三章第二节"], False)
    ]
    zongze = _refs("national/总则.md")
    # the file holds 民法典 第一编 only; 第六编 is elsewhere in the code
    assert [r[:3] for r in zongze if r[4] is False] == [
        ("第五十三条第一款", "本法第六编", "internal")
    ]
    # 本编 in a file whose 编 is a subtitle is not checkable, not dangling
    hetong = wdr.parse_file(CORPUS / "national" / "合同编.md").references()
    assert all(r.exists is None for r in hetong if r.match.text == "本编")


# --------------------------------------------------------------------------- search, GB/T 7714


def test_search() -> None:
    hits = SEED.search("数据主管部门")
    assert hits and all("数据主管部门" in h.text[h.start : h.end] for h in hits)
    assert hits[0].citation == Citation(article=5, paragraph=1)
    assert hits[0].snippet == "市、县级市、区数据主管部门负责统筹推进本行政区域内…"
    assert all(_text(SEED.resolve(h.citation)) == h.text for h in hits if h.citation)
    assert SEED.search("不存在的词") == ()
    with pytest.raises(ValueError, match="empty"):
        SEED.search("")


def test_search_items_and_preamble() -> None:
    reg = wdr.parse_file(CORPUS / "national" / "宪法.md")
    assert any(h.citation is None for h in reg.search("中国"))  # the 序言
    reg = wdr.parse_file(CORPUS / "national" / "数据安全法(2021-06-10).md")
    item_hits = [h for h in reg.search("数据") if h.citation is not None and h.citation.item]
    assert all(_text(reg.resolve(h.citation)) == h.text for h in item_hits if h.citation)


def test_gbt7714() -> None:
    assert (
        wdr.format_gbt7714()
        == "无锡市人民代表大会常务委员会. 无锡市数字化转型促进条例[A]. 2023-06-08."
    )
    reg = wdr.parse(
        "# 甲市乙条例\n\n- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过\n\n- 2020年2月3日甲市人民代表大会常务委员会公告第5号公布\n\n<!-- INFO END -->\n\n第一条 甲。"
    )
    assert wdr.format_gbt7714(reg) == "甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-02-03."
    bare = wdr.parse("# 甲规定\n\n第一条 甲。")
    assert wdr.format_gbt7714(bare) == "甲规定[A]."


# --------------------------------------------------------------------------- the CLI


def test_cli_cite(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "第35条第2款", "--style", "court"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("《无锡市数字化转型促进条例》第三十五条第二款\n城市运行管理单位应当")
    assert main(["cite", "Art. 1", "--style", "eid"]) == 0
    assert capsys.readouterr().out.split("\n")[0] == "art_1"
    assert main(["cite", "第一条至第二条"]) == 0
    out = capsys.readouterr().out
    assert (
        out.startswith("第一条至第二条\n\n第一条\n为了促进") and "\n第二条\n本市行政区域内" in out
    )


def test_cli_cite_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "第35条第9款"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "第三十五条 has 4 款; there is no 第九款" in captured.err
    assert main(["cite", "第三十五"]) == 1
    err = capsys.readouterr().err
    # the reference is an argument, not a file: "column N: message", the text and a caret
    assert err.startswith("wuxi-dt: error: column 5: expected a unit")
    assert err.splitlines()[1:] == ["    第三十五", "            ^"]


def test_cli_search_and_refs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "公共数据授权运营"]) == 0
    assert capsys.readouterr().out.startswith("第四十二条第一款: …")
    assert main(["search", "不存在的词"]) == 1
    assert main(["refs"]) == 0
    captured = capsys.readouterr()
    assert "第一条第一款\t有关法律、法规\tunresolvable\t-> -" in captured.out
    assert "references, 0 dangling" in captured.err
    path = CORPUS / "local" / "德州市制定地方性法规条例(2017-03-31).md"
    assert main(["refs", "--dangling", "-q", "--file", str(path)]) == 1  # a gate for CI
    captured = capsys.readouterr()
    assert (
        captured.out
        == "第十九条第一款\t本条例第三章第二节\tinternal\t-> 第三章第二节\tDANGLING (第三章第二节)\n"
    )
    assert captured.err.endswith(" references, 1 dangling\n")


def test_public_names_are_lazy() -> None:
    for name in (
        "Citation",
        "CitationList",
        "CitationRange",
        "CitationMatch",
        "Reference",
        "SearchHit",
    ):
        assert name in wdr.__all__ and getattr(wdr, name).__name__ == name
    with pytest.raises(AttributeError):
        _ = wdr.NoSuchName


# --------------------------------------------------------------------------- review fixes


_CONTAINERS_RE = re.compile(r"^(?:(?:part|subpart|chp|sec|dvs)_\d+__)+(?=art_)")


def _akn_unit_eids(reg: wdr.Regulation) -> list[str]:
    """The eIds ``to_akn`` writes for the units a Citation can name (no appendix, no 4th level)."""
    xml = wdr.to_akn(reg)
    out = []
    for m in re.finditer(
        r'<(article|paragraph|point|part|subpart|chapter|section) eId="([^"]+)"', xml
    ):
        tag, eid = m.groups()
        if eid.startswith("att_") or eid.count("point_") > 2 or "-dup" in eid:
            continue
        if tag in ("paragraph", "point") and not re.search(r"(?:^|__)art_", eid):
            continue  # free text under a heading: not citable
        out.append(eid)
    return out


def _reads_every_akn_eid(reg: wdr.Regulation) -> None:
    eids = _akn_unit_eids(reg)
    read = [parse_citation(eid, regulation=reg) for eid in eids]
    assert sorted(read) == sorted(u.citation for u in citable_units(reg))  # type: ignore[attr-defined]
    for eid, cited in zip(eids, read, strict=True):
        flat = _CONTAINERS_RE.sub("", eid)
        if flat.startswith("art_"):  # an article's place is not part of its citation
            assert parse_citation(eid) == cited, eid
            assert parse_citation(flat) == cited, eid
            assert wdr.eid_for(cited) == flat


@pytest.mark.parametrize("name", ["刑法.md", "合同编.md", "宪法.md", "数据安全法(2021-06-10).md"])
def test_the_eids_to_akn_writes_read_back(name: str) -> None:
    _reads_every_akn_eid(wdr.parse_file(CORPUS / "national" / name))


@given(reg=titled_regulations())
@example(reg=SEED)
def test_the_eids_to_akn_writes_read_back_generated(reg: wdr.Regulation) -> None:
    _reads_every_akn_eid(reg)


def test_nested_eids() -> None:
    flat = parse_citation("art_35__para_2")
    assert flat == Citation(article=35, paragraph=2)
    assert parse_citation("chp_5__art_35__para_2") == flat
    assert parse_citation("chp_5__art_35__para_2", regulation=SEED) == flat
    assert parse_citation("chp_3__sec_1__art_9__para_1__point_2__point_1") == Citation(
        article=9, paragraph=1, item=2, subitem=1
    )
    assert parse_citation("part_2__chp_2__art_120-1__para_2") == Citation(
        article=120, suffix=1, paragraph=2
    )
    assert parse_citation("part_2__subpart_1__chp_3") == Citation(part=2, chapter=3)
    assert parse_citation("dvs_1__art_3") == Citation(article=3)
    # a pure heading stays a heading; with the regulation, its own citation
    assert parse_citation("chp_3__sec_1") == Citation(chapter=3, section=1)
    assert parse_citation("chp_5", regulation=SEED) == SEED.chapters[4].citation
    # eid_for keeps the short form of the issue
    assert wdr.eid_for(C35_2_3) == "art_35__para_2__point_3"
    assert format_citation(C35_2_3, "eid", regulation=SEED) == "art_35__para_2__point_3"
    assert 'eId="chp_5__art_35__para_2"' in wdr.to_akn(SEED)


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("chp_4__art_35__para_2", 1, "art_35 stands in chp_5"),
        ("chp_1__para_2", 8, "'para_2' is out of place"),
        ("art_3__chp_1", 8, "'chp_1' is out of place"),
        ("chp_2__part_1__art_3", 8, "'part_1' is out of place"),
        ("chp_2__chp_3", 8, "'chp_3' is out of place"),
        ("subpart_1__art_3__subpart_2", 19, "'subpart_2' is out of place"),
        ("dvs_1", 1, "unnumbered heading"),
        ("chp_1-1__art_2", 1, "-N follows an article number only"),
    ],
)
def test_bad_nested_eids(text: str, column: int, message: str) -> None:
    with pytest.raises(CitationError, match=message) as info:
        parse_citation(text, regulation=SEED)
    assert info.value.column == column


def test_untitled_styles_refuse_another_instrument() -> None:
    other = Citation(title="中华人民共和国刑法", article=35)
    for style in ("statute", "eid", "internal"):
        with pytest.raises(CitationError):
            format_citation(other, style, regulation=SEED)
    span = CitationRange(other, attrs.evolve(other, article=36))
    with pytest.raises(CitationError, match="would read as a unit"):
        format_citation(span, "statute", regulation=SEED)
    own = Citation(title=SEED.title, article=35)
    assert format_citation(own, "statute", regulation=SEED) == "第三十五条"
    assert format_citation(own, "eid", regulation=SEED) == "art_35"
    assert format_citation(other, "statute") == "第三十五条"  # no regulation: nothing to confuse


@given(c=citations("中华人民共和国数据安全法"), style=st.sampled_from(STYLES))
def test_external_citations_with_the_regulation(c: Citation, style: CitationStyle) -> None:
    """Written with another regulation at hand, an external citation reads back as itself, or
    is refused; never as a unit of that regulation."""
    try:
        text = format_citation(c, style, regulation=SEED)
    except CitationError:
        return
    assert parse_citation(text, regulation=SEED) == c, text


def test_citation_invariants_raise_citation_error() -> None:
    for bad in ({}, {"article": 0}, {"section": 1}, {"article": 1, "subitem": 1}, {"suffix": -1}):
        with pytest.raises(CitationError):
            Citation(**bad)  # type: ignore[arg-type]
    with pytest.raises(CitationError, match="forward"):
        CitationRange(Citation(article=38), Citation(article=35))
    with pytest.raises(CitationError, match="at least one"):
        CitationList(())


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        (
            "电力安全事故应急处置和调查处理条例(2011-07-07).md",
            "国务院. 电力安全事故应急处置和调查处理条例[A]. 2011-07-07.",
        ),
        (
            "导弹及相关物项和技术出口管制条例(2002-08-22).md",
            "中华人民共和国国务院. 中华人民共和国导弹及相关物项和技术出口管制条例[A]. 2002-08-22.",
        ),
    ],
)
def test_gbt7714_authors_on_the_corpus(name: str, entry: str) -> None:
    assert wdr.format_gbt7714(wdr.parse_file(CORPUS / "national" / name)) == entry


def test_gbt7714_authors_are_bodies_on_the_whole_corpus() -> None:
    for path in corpus_files():
        entry = wdr.format_gbt7714(wdr.parse_file(path))
        author = entry.split(". ", 1)[0]
        assert not author.endswith(("会议", "常务", "号", "令")), (path.name, entry)


def test_backwards_range_in_text_is_unresolvable() -> None:
    with pytest.raises(CitationError, match="forward"):
        parse_citations("第九十条至第八十条")
    for text in ("第九十条至第八十条", "依照第一条、第九十条至第八十条规定"):
        (m,) = find_citations(text)
        assert (m.kind, m.citations, m.value) == ("unresolvable", (), None)
        assert m.text.endswith("第八十条")
    reg = wdr.parse("# 测试条例\n\n第一条 依照第三条至第二条规定。\n\n第二条 乙。\n\n第三条 丙。\n")
    (ref,) = reg.references()
    assert ref.match.kind == "unresolvable" and not ref.dangling


def test_dangling_range_is_kept_like_a_dangling_citation() -> None:
    """With the regulation, a range lists the units that exist between its ends and the ends
    that do not: bounded by the regulation (issue 12 item 4), never every number between."""
    (single,) = find_citations("第五百条", regulation=SEED)
    (span,) = find_citations("第五百条至第五百零二条", regulation=SEED)
    assert single.citations == (Citation(article=500),)
    assert span.citations == (Citation(article=500), Citation(article=502))
    assert span.value == CitationList(
        (CitationRange(Citation(article=500), Citation(article=502)),)
    )
    assert SEED.articles[-1].label == "第五十五条"
    (partly,) = find_citations("第五十四条至第五十七条", regulation=SEED)
    assert [c.article for c in partly.citations] == [54, 55, 57]
    reg = wdr.parse("# 测试条例\n\n第一条 依照第五条至第七条规定。\n\n第二条 乙。\n")
    (ref,) = reg.references()
    assert ref.dangling and ref.targets == (Citation(article=5), Citation(article=7))
    assert ref.missing == (Citation(article=5), Citation(article=7))
    assert ref.ranges == (CitationRange(Citation(article=5), Citation(article=7)),)
    # without a regulation nothing bounds a range but its own ends: every number, when asked
    (free,) = find_citations("第五百条至第五百零二条")
    assert [c.article for c in free.citations] == [500, 501, 502]


def test_english_title_reads_back() -> None:
    whole = Citation(title=SEED.title)
    text = format_citation(whole, "en")
    assert text == "the Regulations of Wuxi Municipality on Promoting Digital Transformation"
    assert parse_citation(text) == whole
    assert parse_citation(text, regulation=SEED) == whole
    with pytest.raises(CitationError, match="after the citation"):
        parse_citation(text + " Article 3")
    other = Citation(title="上海市数据条例")
    assert parse_citation(format_citation(other, "en")) == other
    found = find_citations(f"See Article 3 of {text}. And {text}.", regulation=SEED)
    assert [(m.text, m.kind) for m in found] == [
        (f"Article 3 of {text}", "internal"),
        (text, "internal"),
    ]
    assert found[0].citations == (Citation(article=3),)
    (outside,) = find_citations(f"Article 3 of {text}")
    assert outside.kind == "external" and outside.citations == (
        Citation(title=SEED.title, article=3),
    )
