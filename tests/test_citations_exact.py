"""Citations found and resolved, pinned to exact values (issue 14: each test here fails under a
mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Citation,
    CitationError,
    CitationList,
    CitationMatch,
    CitationRange,
    parse_citation,
)

from .conftest import CORPUS

HEAD = "# 示例条例\n\n"


@pytest.mark.parametrize(
    ("text", "at", "targets"),
    [
        # the anchor of the first element (前条, 前款, 本条) holds for the ones after it
        ("依照前条第一款、第二款的规定。", Citation(article=3, paragraph=1),
         (Citation(article=2, paragraph=1), Citation(article=2, paragraph=2))),
        ("依照前款第一项、第二项的规定。", Citation(article=4, paragraph=2),
         (Citation(article=4, paragraph=1, item=1), Citation(article=4, paragraph=1, item=2))),
        ("依照本条第一款、第二款的规定。", Citation(article=5, paragraph=2, item=1),
         (Citation(article=5, paragraph=1), Citation(article=5, paragraph=2))),
    ],
)  # fmt: skip
def test_a_relative_anchor_is_inherited_along_a_list(
    text: str, at: Citation, targets: tuple[Citation, ...]
) -> None:
    (found,) = wdr.find_citations(text, at=at)
    assert found == CitationMatch(
        start=2,
        end=len(text) - 4,
        text=text[2:-4],
        kind="relative",
        value=CitationList(targets, "、"),
    )


def test_inherited_anchors_resolve_in_a_regulation() -> None:
    reg = wdr.parse(
        HEAD + "第一条 甲。\n\n第二条 乙。\n\n丙。\n\n第三条 依照前条第一款、第二款的规定。\n\n"
        "第四条 下列情形：\n\n（一）甲；\n\n（二）乙。\n\n依照前款第一项、第二项的规定。"
    )
    assert [(str(r.at), r.match.text, r.targets, r.exists) for r in reg.references()] == [
        ("第三条第一款", "前条第一款、第二款",
         (Citation(article=2, paragraph=1), Citation(article=2, paragraph=2)), True),
        ("第四条第二款", "前款第一项、第二项",
         (Citation(article=4, paragraph=1, item=1), Citation(article=4, paragraph=1, item=2)),
         True),
    ]  # fmt: skip


def _entry(history: str) -> str:
    return wdr.format_gbt7714(
        wdr.parse("# 甲市乙条例\n\n" + history + "\n\n<!-- INFO END -->\n\n第一条 甲。")
    )


@pytest.mark.parametrize(
    ("history", "entry"),
    [
        # the adopting body, not the first body named (a 批准 listed first)
        ("- 2019年12月1日乙省第九届人民代表大会常务委员会第九次会议批准\n\n"
         "- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过",
         "甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-01-02."),
        # no body adopted it: the first event with a body stands in, with its date
        ("- 2020年1月2日通过\n\n- 2020年3月1日甲市第三届人民代表大会常务委员会第五次会议修正",
         "甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-03-01."),
        # the last 公布 gives the date
        ("- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过\n\n"
         "- 2020年2月1日甲市人民代表大会常务委员会公告第5号公布\n\n"
         "- 2021年2月1日甲市人民代表大会常务委员会公告第9号公布",
         "甲市人民代表大会常务委员会. 甲市乙条例[A]. 2021-02-01."),
        # no 公布: the adoption date
        ("- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过",
         "甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-01-02."),
    ],
)  # fmt: skip
def test_the_gbt7714_entry_names_the_adopting_body_and_the_last_promulgation(
    history: str, entry: str
) -> None:
    assert _entry(history) == entry


@pytest.mark.parametrize(
    ("eid", "message"),
    [
        ("chp_3__art_35", "art_35 stands in chp_5 of 《无锡市数字化转型促进条例》, not in chp_3"),
        ("sec_1__art_35", "art_35 stands in chp_5 of 《无锡市数字化转型促进条例》, not in sec_1"),
    ],
)
def test_an_eid_that_puts_an_article_in_the_wrong_container(eid: str, message: str) -> None:
    with pytest.raises(CitationError) as info:
        parse_citation(eid, regulation=wdr.load())
    assert (info.value.message, info.value.column) == (message, 1)


def test_an_eid_of_an_inserted_article_in_the_wrong_part() -> None:
    code = wdr.parse_file(CORPUS / "national" / "刑法.md")
    assert parse_citation("part_2__chp_2__art_120-1", regulation=code) == Citation(
        article=120, suffix=1
    )
    with pytest.raises(CitationError) as info:
        parse_citation("part_1__chp_2__art_120-1", regulation=code)
    assert info.value.message == (
        "art_120-1 stands in part_2__chp_2 of 《中华人民共和国刑法》, not in part_1__chp_2"
    )


@pytest.mark.parametrize(
    ("text", "at", "targets"),
    [
        # 前条 and 前两条 of an inserted article count in document order, 之N included
        ("依照前条的规定", Citation(article=3, suffix=1), (Citation(article=3),)),
        ("依照前两条的规定", Citation(article=3, suffix=1),
         (Citation(article=2), Citation(article=3))),
        # 本章, 本分编, 本节 cited from a heading (at names no article)
        ("依照本章的规定", Citation(chapter=5), (Citation(chapter=5),)),
        ("依照本分编的规定", Citation(part=1, subpart=2), (Citation(part=1, subpart=2),)),
        ("依照本节的规定", Citation(chapter=2, section=3), (Citation(chapter=2, section=3),)),
    ],
)  # fmt: skip
def test_relative_citations_resolve_against_where_they_stand(
    text: str, at: Citation, targets: tuple[Citation, ...]
) -> None:
    (found,) = wdr.find_citations(text, at=at)
    assert (found.text, found.kind, found.citations) == (text[2:-3], "relative", targets)


def test_前两条_in_the_second_article_is_the_first() -> None:
    reg = wdr.parse(HEAD + "第一条 甲。\n\n第二条 依照前两条的规定。\n\n第三条 依照前两条的规定。")
    assert [(str(r.at), r.targets, r.exists) for r in reg.references()] == [
        ("第二条第一款", (Citation(article=1),), True),
        ("第三条第一款", (Citation(article=1), Citation(article=2)), True),
    ]


def _references(body: str) -> list[tuple[object, ...]]:
    return [
        (str(r.at), r.match.text, r.match.kind, r.targets, r.missing, r.ambiguous,
         r.checkable, r.exists)
        for r in wdr.parse(HEAD + body).references()
    ]  # fmt: skip


def test_a_relative_reference_to_a_missing_款_is_dangling() -> None:
    assert _references("第一条 依照本条第五款的规定。") == [
        ("第一条第一款", "本条第五款", "relative", (Citation(article=1, paragraph=5),),
         (Citation(article=1, paragraph=5),), (), True, False),
    ]  # fmt: skip


@pytest.mark.parametrize("word", ["本分编", "本节", "本编", "本章"])
def test_a_level_the_document_does_not_have_is_not_checkable(word: str) -> None:
    assert _references(f"第一条 依照{word}的规定。") == [
        ("第一条第一款", word, "relative", (), (), (), False, None),
    ]


def test_a_level_the_document_has_is_checked() -> None:
    assert _references("## 第一章 总则\n\n### 第一节 一般\n\n第一条 依照本节的规定。") == [
        ("第一条第一款", "本节", "relative", (Citation(chapter=1, section=1),), (), (), True,
         True),
    ]  # fmt: skip


def test_a_项_without_its_款_is_ambiguous_only_when_no_款_is_named() -> None:
    body = (
        "第一条 甲。\n\n第二条 下列：\n\n（一）甲；\n\n（二）乙。\n\n下列：\n\n（一）丙；\n\n（二）丁。\n\n"
        "第三条 依照第二条第三款第一项、第二条第一项的规定。"
    )
    missing, both = Citation(article=2, paragraph=3, item=1), Citation(article=2, item=1)
    assert _references(body) == [
        ("第三条第一款", "第二条第三款第一项、第二条第一项", "absolute", (missing, both),
         (missing,), (both,), True, False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # ranges the fast path sees first: across articles by 款 (cannot run), onto a 项 of
        # another article, between inserted articles, between 款 of one article
        ("第一条第二款至第三条第一款", "unresolvable", None),
        ("第一条至第三条第二项", "unresolvable", None),
        ("第一条之一至第一条之三", "absolute",
         CitationList((CitationRange(Citation(article=1, suffix=1), Citation(article=1, suffix=3)),))),
        ("第二条第一款至第三款", "absolute",
         CitationList((CitationRange(Citation(article=2, paragraph=1),
                                     Citation(article=2, paragraph=3)),))),
    ],
)  # fmt: skip
def test_ranges_read_by_the_fast_path(text: str, kind: str, value: CitationList | None) -> None:
    assert wdr.find_citations(f"依照{text}的规定") == (
        CitationMatch(start=2, end=2 + len(text), text=text, kind=kind, value=value),  # type: ignore[arg-type]
    )


#: 第二条: two 款, each with a 项 one and two.
_TWO_LISTS = (
    "第一条 甲。\n\n第二条 下列：\n\n（一）甲；\n\n（二）乙。\n\n下列：\n\n（一）丙；\n\n"
    "（二）依照本条第一项的规定。\n\n"
)


def test_a_项_without_its_款_is_the_one_of_the_款_it_is_cited_from() -> None:
    (ref,) = wdr.parse(HEAD + _TWO_LISTS).references()
    assert (str(ref.at), ref.targets, ref.ambiguous, ref.exists) == (
        "第二条第二款第二项",
        (Citation(article=2, paragraph=2, item=1),),
        (),
        True,
    )


def test_a_项_without_its_款_is_the_one_of_the_款_named_just_before() -> None:
    reg = wdr.parse(
        HEAD
        + _TWO_LISTS
        + "第三条 违反第二条第二款规定，有第二条第一项情形的，依照第二条第二项处理。"
    )
    assert [(r.match.text, r.targets, r.ambiguous) for r in reg.references()][1:] == [
        ("第二条第二款", (Citation(article=2, paragraph=2),), ()),
        ("第二条第一项", (Citation(article=2, paragraph=2, item=1),), ()),
        ("第二条第二项", (Citation(article=2, paragraph=2, item=2),), ()),
    ]


@pytest.mark.parametrize(
    ("style", "text"),
    [
        # 第一条 has one 款: cited as the article, except in the styles that name every level
        ("en-compact", "Art. 1(1) and Art. 2(1)"),
        ("en", "Article 1 and Article 2, Paragraph 1"),
        ("statute", "第一条和第二条第一款"),
    ],
)
def test_a_list_with_the_only_款_of_an_article_in_each_style(
    style: wdr.CitationStyle, text: str
) -> None:
    both = CitationList((Citation(article=1, paragraph=1), Citation(article=2, paragraph=1)))
    assert wdr.format_citation(both, style, regulation=wdr.load()) == text
    assert wdr.parse_citations(text, regulation=wdr.load()).items == (
        (Citation(article=1, paragraph=1), Citation(article=2, paragraph=1))
        if style == "en-compact"
        else (Citation(article=1), Citation(article=2, paragraph=1))
    )


def test_another_instrument_s_项_is_not_placed_in_this_regulation_s_款() -> None:
    # 第一条 of the bundled regulation has one 款, which would hold its own 第一项; 刑法's may not
    at = Citation(article=3, paragraph=2)
    found = wdr.find_citations(
        "依照《中华人民共和国刑法》第一条第一项的规定", at=at, regulation=wdr.load()
    )
    assert [m.value for m in found] == [
        CitationList((Citation(title="中华人民共和国刑法", article=1, item=1),))
    ]
    own = wdr.find_citations("依照第一条第一项的规定", at=at, regulation=wdr.load())
    assert [m.value for m in own] == [CitationList((Citation(article=1, paragraph=1, item=1),))]


def test_a_目_alone_takes_the_款_of_the_项_it_is_cited_from() -> None:
    # at names a 项 without its 款: the regulation completes it (第十二条 has one 款)
    found = wdr.find_citations(
        "依照第二目的规定", at=Citation(article=12, item=1), regulation=wdr.load()
    )
    assert [m.value for m in found] == [
        CitationList((Citation(article=12, paragraph=1, item=1, subitem=2),))
    ]


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("Article 3, Item 3", 12, "write Item (3)"),
        ("Article 3, Paragraph 2, Item 3", 25, "write Item (3)"),
        ("Art. 3(2) item 3", 11, "unexpected 'item' after the citation"),
        ("art_3__para_0", 8, "'0' is not a number from 1 to 9999"),
        ("art_0", 1, "'0' is not a number from 1 to 9999"),
        ("art_3__point_2__para_1", 17, "'para_1' is out of place in an eId"),
        ("art_3__para_1__point_1__point_1__point_1", 34, "'point_1' is out of place in an eId"),
        ("第一条第十万款", 5, "'十万' is not a number from 1 to 9999"),
    ],
)
def test_more_bad_citations_are_refused_where_they_go_wrong(
    text: str, column: int, message: str
) -> None:
    with pytest.raises(CitationError) as info:
        parse_citation(text)
    assert (info.value.message, info.value.column, info.value.text) == (message, column, text)


def test_the_eid_of_a_项_without_its_款_needs_the_regulation() -> None:
    with pytest.raises(CitationError) as info:
        wdr.eid_for(Citation(article=5, item=1))
    assert info.value.message == (
        "the eId of 第五条第一项 needs its 款 (para_N): pass the regulation to format_citation, "
        "or set paragraph"
    )


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ((Citation(article=3, paragraph=1), Citation(article=3, paragraph=2)),
         "Article 3, Paragraph 1 and Paragraph 2"),
        ((Citation(article=3, paragraph=1), Citation(article=3, paragraph=2, item=1)),
         "Article 3, Paragraph 1 and Paragraph 2, Item (1)"),
    ],
)  # fmt: skip
def test_an_english_list_names_the_shared_article_once(
    items: tuple[Citation, ...], text: str
) -> None:
    assert wdr.format_citation(CitationList(items), "en") == text
