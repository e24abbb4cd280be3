"""Tests written for mutants of ``_citations`` that the suite left alive (docs/mutation.md).

Each test names the mutant it kills (``scripts/mutation.py citations`` prints the names; ``mutmut
show NAME`` in ``.mutation/citations`` prints the change) and asserts the exact value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Citation,
    CitationError,
    CitationList,
    CitationRange,
    CitationStyle,
)


def test_an_eid_level_repeated_is_out_of_place() -> None:
    # eids.x__eid_text_levels__mutmut_31 (``>=`` for ``>``: para_2 would overwrite para_1)
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation("art_1__para_1__para_2")
    assert caught.value.column == 16
    assert str(caught.value).splitlines()[0] == "column 16: 'para_2' is out of place in an eId"


@pytest.mark.parametrize("style", ["full", "court", "academic"])
def test_a_whole_instrument_is_written_as_its_title(style: CitationStyle) -> None:
    # format.x__format_single__mutmut_21 (the prefix written without the citation shown)
    assert (
        wdr.format_citation(Citation(title="中华人民共和国刑法"), style) == "《中华人民共和国刑法》"
    )


def test_an_english_list_repeats_the_levels_above_a_deeper_element() -> None:
    # format.x__pieces__mutmut_11 (the English rule of _shared_levels off): "Paragraph 1 and
    # Item (3)" would read back as two elements of one level
    cited = CitationList(
        (Citation(article=35, paragraph=1), Citation(article=35, paragraph=1, item=3))
    )
    assert wdr.format_citation(cited, "en") == (
        "Article 35, Paragraph 1 and Article 35, Paragraph 1, Item (3)"
    )


def test_the_end_of_a_range_is_written_for_the_regulation_too() -> None:
    # format.x__format_item__mutmut_31 (the end of a range formatted without the regulation)
    reg = wdr.load()
    cited = CitationRange(Citation(article=3), Citation(article=5))
    assert wdr.format_citation(cited, "internal", regulation=reg) == "本条例第三条至第五条"
    assert (
        wdr.format_citation(cited, "full", regulation=reg)
        == "《无锡市数字化转型促进条例》第三条至第五条"
    )


def test_the_end_of_a_range_follows_the_single_款_rule_as_its_start() -> None:
    # format.x__format_item__mutmut_31 (the end formatted without the regulation: its sole 款
    # would be written, "第一条第一项至第一款第三项")
    items = (wdr.Item(1, "甲"), wdr.Item(2, "乙"), wdr.Item(3, "丙"))
    reg = wdr.Regulation(
        title="示例条例", body=(wdr.Article(1, 0, (wdr.Paragraph(1, "下列：", items),)),)
    )
    cited = CitationRange(
        Citation(article=1, paragraph=1, item=1), Citation(article=1, paragraph=1, item=3)
    )
    assert wdr.format_citation(cited, "statute", regulation=reg) == "第一条第一项至第三项"


def test_an_unknown_law_named_with_中华人民共和国_starts_there() -> None:
    # names.x_name_before__mutmut_81 (the stop words looked for without the name: a TypeError)
    found = wdr.find_citations("违反中华人民共和国丙丁戊法第五条，")
    assert [(m.text, m.start, m.citations) for m in found] == [
        ("中华人民共和国丙丁戊法第五条", 2, (Citation(title="中华人民共和国丙丁戊法", article=5),))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of articles followed by a 第 that names no lower level: read here
        ("第五条至第七条第二章", (7, CitationRange(Citation(article=5), Citation(article=7)))),
        ("第五条第一款至第三款第六条",
         (10, CitationRange(Citation(article=5, paragraph=1), Citation(article=5, paragraph=3)))),
        # the range's end has no 之: suffix 0 (fast._value 41: None, and the fast path declined)
        ("第五条至第七条", (7, CitationRange(Citation(article=5), Citation(article=7)))),
        # followed by a lower level of the range's end: for the full reader
        # (fast.read_simple 21: the level of the end taken as None, a KeyError)
        ("第五条至第七条第二项", None),
        ("第五条至第七条第二款", None),  # across levels: for the full reader
        ("第五条第一款至第七条第二款第三项", None),
    ],
)  # fmt: skip
def test_the_fast_reader_takes_a_range_as_far_as_it_goes(
    text: str, expected: tuple[int, CitationRange] | None
) -> None:
    from wuxi_dt_regulation._citations.fast import read_simple

    found = read_simple(text, 0, {})
    if expected is None:
        assert found is None
    else:
        assert found == (expected[0], CitationList((expected[1],)))
    # and find_citations, which tries it first, never stumbles on what follows
    assert wdr.find_citations(text)[0].start == 0


@pytest.mark.parametrize(
    ("eid", "column", "shown"),
    [
        ("art_1-0", 7, "0"),  # the 之N at fault, not the article's number
        ("art_12-10000", 8, "10000"),
        ("chp_2__art_5-0", 14, "0"),
        ("art_0-1", 1, "0"),  # the article's own number: its segment
    ],
)
def test_an_eid_number_out_of_range_is_named_where_it_stands(
    eid: str, column: int, shown: str
) -> None:
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation(eid)
    assert caught.value.column == column
    assert str(caught.value).splitlines()[0] == (
        f"column {column}: {shown!r} is not a number from 1 to 9999"
    )


_PARTS = """# 示例法

## 第一编 总则

### 第一章 一

第一条 甲。

### 第二章 二

第二条 乙。

## 第二编 分则

### 第三章 三

第三条 丙。
"""


def test_a_heading_eid_reads_as_the_heading_s_own_citation() -> None:
    # eids.x_akn_paths__mutmut_21 (the heading's node not stored: the path's numbers instead)
    reg = wdr.parse(_PARTS)
    # chapters numbered through the 编: 第三章 is cited without its 编
    assert wdr.parse_citation("part_2__chp_3", regulation=reg) == Citation(chapter=3)
    assert wdr.parse_citation("part_1", regulation=reg) == Citation(part=1)
    # without the regulation, the eId's own path
    assert wdr.parse_citation("part_2__chp_3") == Citation(part=2, chapter=3)


def test_a_short_name_ending_in_a_latin_letter_is_a_name() -> None:
    # The text's own alias and the caller's: a name may end in any character the names given end
    # in (before, a name had to end in a Chinese character or a closing bracket: GDPR第十七条 was
    # read as the document's own article 17).
    text = (
        "《通用数据保护条例》（以下简称欧盟GDPR）、《示例标准》（以下简称标准A）。"
        "依照欧盟GDPR第十七条、欧盟GDPR 第17条、标准A第三条，以及X第二条"
    )
    found = [(m.text, m.kind, m.citations) for m in wdr.find_citations(text)[2:]]
    gdpr = "通用数据保护条例"
    assert found == [
        ("欧盟GDPR第十七条", "external", (Citation(title=gdpr, article=17),)),
        ("欧盟GDPR 第17条", "external", (Citation(title=gdpr, article=17),)),
        ("标准A第三条", "external", (Citation(title="示例标准", article=3),)),
        ("第二条", "absolute", (Citation(article=2),)),
    ]
    names = {"DSA": "数字服务法", "标准B": "另一标准", "": "空"}  # an empty name names nothing
    names["特区刑法"] = "某特区刑法"  # the longest name that ends there: not 刑法
    given = wdr.find_citations(
        "依照DSA第五条、标准B第六条和刑法第七条、特区刑法第八条", names=names
    )
    assert [(m.start, m.citations) for m in given] == [
        (2, (Citation(title="数字服务法", article=5),)),
        (9, (Citation(title="另一标准", article=6),)),
        (16, (Citation(title="中华人民共和国刑法", article=7),)),
        (22, (Citation(title="某特区刑法", article=8),)),
    ]


def test_a_longer_alias_learnt_while_scanning_is_tried_before_a_shorter_name() -> None:
    # names.xǁNamesǁadd__mutmut_11 (the lengths sorted shortest first after a new one is learnt:
    # the 刑法 at its end would be taken for the name)
    from wuxi_dt_regulation._citations.names import _KNOWN_LENGTHS

    short = "关于办理危害计算机信息系统安全刑事案件具体应用刑法"
    assert len(short) not in _KNOWN_LENGTHS
    full = f"最高人民法院{short}若干问题的解释"
    text = f"《{full}》（以下简称“{short}”）。依照{short}第三条"
    last = wdr.find_citations(text)[-1]
    assert (last.text, last.citations) == (f"{short}第三条", (Citation(title=full, article=3),))


_DIVISIONS = """# 某条例

## 总则

第一条 甲。

## 附则

第二条 乙。
"""


def test_an_eid_under_unnumbered_headings_counts_them_in_order() -> None:
    # eids.x_akn_paths__mutmut_9 (every dvs numbered 1) and _13 (no path below a dvs)
    reg = wdr.parse(_DIVISIONS)
    assert wdr.parse_citation("dvs_2__art_2", regulation=reg) == Citation(article=2)
    assert wdr.parse_citation("dvs_1__art_1", regulation=reg) == Citation(article=1)
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation("dvs_1__art_2", regulation=reg)
    assert str(caught.value).splitlines()[0] == (
        "column 1: art_2 stands in dvs_2 of 《某条例》, not in dvs_1"
    )


@pytest.mark.parametrize(
    ("eid", "column", "message"),
    [
        # eids._eid_segments 26–31 (the message, its text and column)
        ("chp_1-2", 1, "-N follows an article number only"),
        ("art_3__para_1-2", 8, "-N follows an article number only"),
        # _eid_text_levels 18/19: a dvs below an article is no 项
        ("art_1__dvs_1", 8, "'dvs_1' is out of place in an eId"),
        # _eid_text_levels 35/39/40: the segment quoted alone, however many follow it
        ("art_1__para_2__para_1__point_1__point_2", 16, "'para_1' is out of place in an eId"),
    ],
)
def test_an_eid_out_of_shape_is_refused_where_it_goes_wrong(
    eid: str, column: int, message: str
) -> None:
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation(eid)
    assert caught.value.column == column
    assert caught.value.text == eid
    assert str(caught.value).splitlines()[0] == f"column {column}: {message}"


def test_an_eid_may_end_in_blanks() -> None:
    # eids._eid_segments 4 (the text's end stripped, not its start)
    assert wdr.parse_citation("art_35__para_2 \n") == Citation(article=35, paragraph=2)


def test_a_title_before_a_relative_form_is_a_match_of_its_own() -> None:
    # find.x_scan_text__mutmut_141 (the title's match without its value); a relative form
    # after it that is refused ends the title's match at the form
    title = "中华人民共和国刑法"
    found = wdr.find_citations(f"《{title}》本条第一款；《{title}》本条第十万款，第五条")
    assert [(m.start, m.text, m.kind, m.value) for m in found] == [
        (0, f"《{title}》", "external", CitationList((Citation(title=title),))),
        (11, "本条第一款", "relative", None),
        (17, f"《{title}》本条", "external", CitationList((Citation(title=title),))),
        (35, "第五条", "absolute", CitationList((Citation(article=5),))),
    ]


@pytest.mark.parametrize(
    ("eid", "message"),
    [
        # eids._eid_heading 11 (the text left out) and 41 (the column one off)
        (
            "dvs_1",
            "an unnumbered heading (dvs) cannot be cited: cite an article or a 编, 分编, 章 or 节",
        ),
        ("sec_1", "a section (节) needs its chapter (章)"),
    ],
)
def test_an_eid_heading_that_cannot_be_cited_is_refused_at_its_start(
    eid: str, message: str
) -> None:
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation(eid)
    assert (caught.value.text, caught.value.column) == (eid, 1)
    assert str(caught.value).splitlines()[0] == f"column 1: {message}"


def test_the_internal_style_refuses_another_instrument_by_name() -> None:
    # format.x__prefix__mutmut_21 (the message dropped)
    with pytest.raises(CitationError) as caught:
        wdr.format_citation(
            Citation(title="中华人民共和国刑法", article=1), "internal", regulation=wdr.load()
        )
    assert str(caught.value) == (
        "the 'internal' style cites the regulation itself, not 《中华人民共和国刑法》"
    )


def test_an_english_list_names_each_instrument_after_its_last_article() -> None:
    # format.x_format_citation__mutmut_71 (the following item's title never looked at)
    crim, civil = "中华人民共和国刑法", "中华人民共和国民法典"
    two = CitationList((Citation(title=crim, article=1), Citation(title=civil, article=2)))
    same = CitationList((Citation(title=crim, article=1), Citation(title=crim, article=2)))
    assert wdr.format_citation(two, "en") == f"Article 1 of 《{crim}》 and Article 2 of 《{civil}》"
    assert wdr.format_citation(same, "en") == f"Article 1 and Article 2 of 《{crim}》"


def test_the_fast_reader_answers_from_its_cache() -> None:
    # fast.x_read_simple__mutmut_41 (a cached value taken for a decline)
    from wuxi_dt_regulation._citations.fast import read_simple

    cache: dict[tuple[str | None, str], CitationList | None] = {}
    expected = (6, CitationList((Citation(article=5, paragraph=2),)))
    assert read_simple("第五条第二款", 0, cache) == expected
    assert list(cache) == [(None, "第五条第二款")]
    assert read_simple("第五条第二款", 0, cache) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("第二节", "'第二节' needs its chapter (章)"),  # a 节 is numbered within its 章
        ("第二款", "'第二款' needs its article"),
        # parse.x_parse_citation__mutmut_11 (a range called a list)
        ("第一条至第三条", "this is a range, not one citation: use parse_citations"),
        ("第一条、第三条", "this is a list, not one citation: use parse_citations"),
    ],
)
def test_parse_citation_says_what_is_missing_or_too_much(text: str, message: str) -> None:
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation(text)
    assert str(caught.value).splitlines()[0] == f"column 1: {message}"


def test_an_eid_s_article_standing_in_the_body_is_named_so() -> None:
    # eids.x_parse_eid__mutmut_81 (the body named in capitals)
    reg = wdr.parse("# 某条例\n\n第一条 甲。\n\n## 第一章 一\n\n第二条 乙。\n")
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation("chp_1__art_1", regulation=reg)
    assert str(caught.value).splitlines()[0] == (
        "column 1: art_1 stands in the body itself of 《某条例》, not in chp_1"
    )


def test_a_range_of_项_read_with_the_regulation_gets_their_款() -> None:
    # parse.x_parse_citations__mutmut_91 (the range's ends completed only without a regulation)
    reg = wdr.parse(
        "# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n"
    )
    ends = [Citation(article=2, paragraph=2, item=n) for n in (1, 2)]
    assert wdr.parse_citations("第二条第一项至第二项", regulation=reg) == CitationList(
        (CitationRange(*ends),)
    )
    bare = [Citation(article=2, item=n) for n in (1, 2)]
    assert wdr.parse_citations("第二条第一项至第二项") == CitationList((CitationRange(*bare),))


def _refused(text: str) -> tuple[int | None, str]:
    with pytest.raises(CitationError) as caught:
        wdr.parse_citation(text)
    return caught.value.column, str(caught.value).splitlines()[0]


def test_a_number_without_its_unit_is_shown_from_where_it_starts() -> None:
    # grammar.xǁReaderǁref__mutmut_21 (the 第五 looked for at the start of the text, not where
    # the second reference begins: it showed '' and pointed at column 2)
    assert _refused("第三条、第五") == (
        7,
        "column 7: expected a unit (编 章 节 条 款 项 目) after '第五', found the end of the text",
    )


def test_a_suffix_after_a_paragraph_is_refused_by_name() -> None:
    # grammar.xǁReaderǁref__mutmut_91 left the message out of a check that could not fail
    # (gone with it: _ord refuses a 之N on any level but the article first, and says this)
    assert _refused("第三条第二款之一") == (8, "column 8: 之N follows an article number only")
    # and after a 款 cited alone (grammar.xǁReaderǁ_ord__mutmut_51: the message's case)
    assert _refused("第二款之一") == (5, "column 5: 之N follows an article number only")


def test_the_book_a_document_is_names_nothing_alone() -> None:
    # grammar.xǁReaderǁ_head__mutmut_31 (a 编 named by the document's own subtitle stood for
    # a citation with no level at all): 合同编.md is that one 编, and 合同编第 cites nothing
    book = wdr.parse_file(Path(__file__).parent / "corpus" / "national" / "合同编.md")
    assert wdr.find_citations("依照合同编第", regulation=book) == ()
    (match,) = wdr.find_citations("依照合同编第二分编", regulation=book)
    assert (match.start, match.end, match.kind) == (2, 9, "absolute")
    assert match.value == CitationList(items=(Citation(subpart=2),), conjunction="和")
