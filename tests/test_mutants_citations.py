"""Tests written for mutants of ``_citations`` that the suite left alive (docs/mutation.md).

Each test names the mutant it kills (``scripts/mutation.py citations`` prints the names; ``mutmut
show NAME`` in ``.mutation/citations`` prints the change) and asserts the exact value.
"""

from __future__ import annotations

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
