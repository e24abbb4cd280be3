"""The instrument an amending instruction names, read as citations read it (issue 9).

Amendments and citations share one table of national laws (``_citations/law_names.py``) and
one set of rules: a law named bare before its pinpoint (刑法第十七条, 民事诉讼法第五十九条), its
customary short name (选举法 for 中华人民共和国全国人民代表大会和地方各级人民代表大会选举法), its title
in 《》 or 〈〉, and 该法, 同法, 上述法律 for the instrument named last all name the same
instrument in an instruction as in a citation.
"""

from __future__ import annotations

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, parse_amendment
from wuxi_dt_regulation._amend.targets import instrument_title, same_title
from wuxi_dt_regulation.amendments import Delete, Replace

from .conftest import CORPUS

ELECTION = "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法"
ELECTION_MD = CORPUS / "national" / "全国人民代表大会和地方各级人民代表大会选举法(2020-10-17).md"
CRIMINAL = "中华人民共和国刑法"


def decision(title: str, body: str) -> str:
    return f"# {title}\n\n2024年1月2日 示例会议通过\n\n<!-- INFO END -->\n\n{body}\n"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("刑法", CRIMINAL, True),
        ("《中华人民共和国刑法》", "刑法", True),
        ("〈中华人民共和国刑法〉", CRIMINAL, True),
        ("选举法", ELECTION, True),
        ("地方组织法", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法", True),
        ("人民银行法", "中华人民共和国中国人民银行法", True),
        ("反分裂国家法", "反分裂国家法", True),
        ("示例法", "中华人民共和国示例法", True),  # a law the table does not list yet
        ("选举法", "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法", False),
        ("刑法", "中华人民共和国刑事诉讼法", False),
        ("甲条例", "乙条例", False),
    ],
)
def test_same_title_reads_the_national_laws_table(a: str, b: str, same: bool) -> None:
    assert same_title(a, b) is same and same_title(b, a) is same


def test_instrument_title_gives_the_full_title_the_citations_give() -> None:
    from wuxi_dt_regulation._citations.names import full_title

    for name in ("刑法", "选举法", "民事诉讼法", "香港基本法", "合同法"):
        assert instrument_title(name) == full_title(name) != name
    assert instrument_title("公司法", ("中华人民共和国公司法",)) == "中华人民共和国公司法"
    assert instrument_title("数据条例", ("上海市数据条例",)) == "上海市数据条例"
    assert instrument_title("上海市数据条例") == "上海市数据条例"


@pytest.mark.parametrize(
    "named",
    ["刑法", "《中华人民共和国刑法》", "《刑法》"],
)
def test_a_law_named_any_way_is_the_same_instrument(named: str) -> None:
    amendment = parse_amendment(
        decision("示例决定", f"一、将{named}第十七条修改为：“甲。”\n\n二、删去该法第十八条。")
    )
    assert amendment.instruments == (CRIMINAL,)
    assert [op.instrument for op in amendment.operations] == [CRIMINAL, CRIMINAL]


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("一、将民事诉讼法第五十九条第三款修改为：“甲。”", "中华人民共和国民事诉讼法"),
        ("一、删去选举法第二条中的“甲”。", ELECTION),
        ("一、在公司法第十条后增加一条，作为第十条之一：“甲。”", "中华人民共和国公司法"),
        ("一、将中华人民共和国网络安全法第十条修改为：“甲。”", "中华人民共和国网络安全法"),
    ],
)
def test_a_law_named_bare_before_its_pinpoint(text: str, law: str) -> None:
    (op,) = parse_amendment(decision("示例决定", text)).operations
    assert op.instrument == law


def test_that_law_is_the_instrument_named_last() -> None:
    amendment = parse_amendment(
        decision(
            "关于修改《中华人民共和国甲法》和《中华人民共和国乙法》的决定",
            "一、将《中华人民共和国甲法》第十条修改为：“甲。”\n\n二、删去该法第十一条。\n\n"
            "三、将《中华人民共和国乙法》第三条修改为：“乙。”\n\n四、删去同法第四条。\n\n"
            "五、删去上述法律第五条。",
        )
    )
    ops = amendment.operations
    assert [
        (op.instrument, str(op.targets[0])) for op in ops if isinstance(op, (Replace, Delete))
    ] == [
        ("中华人民共和国甲法", "第十条"),
        ("中华人民共和国甲法", "第十一条"),
        ("中华人民共和国乙法", "第三条"),
        ("中华人民共和国乙法", "第四条"),
        ("中华人民共和国乙法", "第五条"),
    ]


def test_a_decision_naming_a_law_by_its_customary_short_name_applies_to_it() -> None:
    """决定对选举法作如下修改: 选举法 is the customary name of a law whose title is not
    中华人民共和国选举法; the decision applies to the law by its full title."""
    base = wdr.parse(ELECTION_MD.read_text(encoding="utf-8"))
    amendment = parse_amendment(
        decision(
            "关于修改选举法的决定",
            "示例会议决定对选举法作如下修改：\n\n一、将第二条中的“坚持严格依法办事”修改为“坚持依法办事”。",
        )
    )
    assert amendment.instruments == (ELECTION,)
    assert amendment.operations_for(ELECTION) == amendment.operations_for("选举法") != ()
    amended = amendment.apply(base)
    assert amended.resolve(Citation(article=2, paragraph=1)).text.endswith("坚持依法办事。")  # type: ignore[union-attr]
    bare = parse_amendment(decision("关于修改选举法的决定", "一、删去选举法第二条中的“严格”。"))
    assert bare.apply(base).article(2).text.endswith("坚持依法办事。")


def test_that_law_with_no_law_named_before_is_a_parse_error() -> None:
    with pytest.raises(wdr.ParseError) as caught:
        parse_amendment(decision("示例决定", "一、删去第三条。\n\n二、删去该法第四条。"))
    err = caught.value
    assert (err.line, err.column, err.text) == (9, 5, "二、删去该法第四条。")
    assert "该法 names no instrument: none was named before it" in str(err)
