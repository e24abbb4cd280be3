"""Akoma Ntoso 3.0: validation against the official XSD, round trips, eIds, metadata, safety."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    Part,
    Regulation,
    SerializationError,
    SubItem,
    Table,
)
from wuxi_dt_regulation._interchange.akn import AKN_NS, work_uri

from .conftest import CORPUS, XSD_PATH, corpus_params
from .strategies import regulations

NS = {"a": AKN_NS}
EID_RE = re.compile(r"[a-z]+_[0-9]+(-[0-9]+|-dup[0-9]+)?(__[a-z]+_[0-9]+(-[0-9]+|-dup[0-9]+)?)*")


@pytest.fixture(scope="session")
def xsd() -> Any:
    """The official schema, parsed once (it takes a moment)."""
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


def _valid(xsd: Any, xml: str) -> Any:
    tree = etree.fromstring(xml.encode("utf-8"))
    if not xsd.validate(tree):
        raise AssertionError(str(xsd.error_log))
    return tree


def _eids(tree: Any) -> list[str]:
    return [e.get("eId") for e in tree.iter() if e.get("eId") is not None]


# --------------------------------------------------------------------------- round trips


@given(regulations())
def test_generated_round_trip_and_validate(xsd: Any, reg: Regulation) -> None:
    xml = wdr.to_akn(reg)
    tree = _valid(xsd, xml)
    assert wdr.from_akn(xml) == reg
    eids = _eids(tree)
    assert len(eids) == len(set(eids))
    assert all(e.isascii() for e in eids)


def test_seed(xsd: Any) -> None:
    reg = wdr.load()
    xml = wdr.to_akn(reg)
    tree = _valid(xsd, xml)
    assert wdr.from_akn(xml) == reg
    assert wdr.from_akn(xml.encode("utf-8")) == reg
    art35 = tree.find(".//a:article[@eId='chp_5__art_35']", NS)
    assert art35 is not None
    assert art35.findtext("a:num", namespaces=NS) == "第三十五条"
    assert [p.get("eId") for p in art35.findall("a:paragraph", NS)] == [
        f"chp_5__art_35__para_{n}" for n in range(1, 5)
    ]
    chapter = tree.find(".//a:chapter[@eId='chp_1']", NS)
    assert chapter.findtext("a:num", namespaces=NS) == "第一章"
    assert chapter.findtext("a:heading", namespaces=NS) == "总 则"
    assert tree.findtext(".//a:preface/a:p/a:docTitle", namespaces=NS) == reg.title
    for eid in _eids(tree):
        if eid.startswith(("chp_", "art_")):
            assert EID_RE.fullmatch(eid), eid


def test_seed_metadata(xsd: Any) -> None:
    tree = _valid(xsd, wdr.to_akn(wdr.load()))
    work = "/akn/cn-320200/act/local-regulation/2023-04-26/digital-transformation-promotion"
    assert tree.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") == work
    assert tree.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == work + "/!main"
    expression = tree.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    assert expression == work + "/zho@2023-05-31"
    assert tree.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "zho"
    assert tree.find(".//a:FRBRWork/a:FRBRcountry", NS).get("value") == "cn"
    events = tree.findall(".//a:lifecycle/a:eventRef", NS)
    assert [(e.get("date"), e.get("refersTo")) for e in events] == [
        ("2023-04-26", "#adoption"),
        ("2023-05-31", "#approval"),
    ]
    declared = {e.get("eId") for e in tree.find(".//a:references", NS)}
    for event in events:
        assert event.get("source")[1:] in declared
        assert event.get("refersTo")[1:] in declared
    assert tree.find(".//a:identification", NS).get("source")[1:] in declared


@pytest.mark.parametrize("path", corpus_params())
def test_corpus(xsd: Any, path: Path) -> None:
    reg = wdr.parse_file(path)
    xml = wdr.to_akn(reg)
    tree = _valid(xsd, xml)
    assert wdr.from_akn(xml) == reg
    assert all(e.isascii() for e in _eids(tree))


def test_criminal_law_eids_carry_the_part(xsd: Any) -> None:
    path = CORPUS / "national" / "刑法.md"
    tree = _valid(xsd, wdr.to_akn(wdr.parse_file(path)))
    chapters = [e.get("eId") for e in tree.iter(f"{{{AKN_NS}}}chapter")]
    assert "part_1__chp_1" in chapters and "part_2__chp_1" in chapters
    inserted = [e.get("eId") for e in tree.iter(f"{{{AKN_NS}}}article") if "-" in e.get("eId")]
    assert any(eid.endswith("art_120-1") for eid in inserted)


# --------------------------------------------------------------------------- mapping details


def _sample() -> Regulation:
    para = Paragraph(
        1,
        "下列行为：",
        (Item(1, "甲", (SubItem(1, "子", (SubItem(1, "第四层"),)),)), Item(2, "乙")),
    )
    return Regulation(
        title="示例条例",
        subtitles=("第一编 总则",),
        history=(Event("2020年1月2日某会议通过"), Event("根据某决定修正")),
        toc=("第一编 总则", "第一章 一般规定"),
        preamble=(
            Paragraph(1, "前言", break_before=True),
            Table(()),
            Division("序言", 2, (Paragraph(1, "序言文字", (Item(1, "项"),)), Table(("| a |",)))),
        ),
        body=(
            Part(1, "总则", (Chapter(1, "一般规定", (Article(120, 0, (para,)), Article(120, 1))),)),
            Division("附则", 3, (Article(121, 0, (Paragraph(1, "施行。"),)),)),
            Chapter(1, "重复编号"),
            Chapter(1, "重复编号"),
        ),
        appendices=(
            Appendix("附件一", (Table(("| 名称 | 内容 |", "|---|---|", "行 | 末")),)),
            Appendix("附件二"),
        ),
    )


def test_sample_maps_every_construct(xsd: Any) -> None:
    reg = _sample()
    xml = wdr.to_akn(reg)
    tree = _valid(xsd, xml)
    assert wdr.from_akn(xml) == reg
    eids = _eids(tree)
    assert "part_1__chp_1__art_120-1" in eids
    assert "part_1__chp_1__art_120__para_1__point_1__point_1__point_1" in eids
    assert "chp_1-dup2" in eids  # a repeated number still gets a unique eId
    points = tree.findall(".//a:point/a:num", NS)
    assert [p.text for p in points] == ["（一）", "1．", "（1）", "（二）"]
    assert tree.find(".//a:division", NS).get("{urn:wuxi-dt-regulation:akn:1}level") == "3"
    toc = tree.findall(".//a:toc/a:tocItem", NS)
    assert [t.get("href") for t in toc] == ["#part_1", "#part_1__chp_1"]
    # the undated event is in the preface, not in the lifecycle
    assert len(tree.findall(".//a:lifecycle/a:eventRef", NS)) == 1
    assert len(tree.findall(".//a:preface/a:p[@class='event']", NS)) == 2
    assert len(tree.findall(".//a:attachments/a:attachment", NS)) == 2


def test_undated_regulation_work_uri() -> None:
    reg = Regulation(title="中华人民共和国示例法")
    assert work_uri(reg).startswith("/akn/cn/act/law/0001-01-01/t-")
    assert work_uri(Regulation(title="上海市数据条例")).startswith(
        "/akn/cn/act/local-regulation/0001-01-01/t-"
    )


def test_empty_regulation(xsd: Any) -> None:
    reg = Regulation(title="空")
    xml = wdr.to_akn(reg)
    _valid(xsd, xml)
    assert wdr.from_akn(xml) == reg


def test_characters_xml_cannot_carry_are_refused() -> None:
    # control characters are refused by the model itself; a noncharacter is text, not XML
    reg = Regulation(title="示例", body=(Paragraph(1, "非字符\ufffe符"),))
    with pytest.raises(SerializationError, match=r"U\+FFFE cannot be written in XML 1\.0"):
        wdr.to_akn(reg)


# --------------------------------------------------------------------------- bad input

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol9;</akomaNtoso>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>
"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["bomb", "external"])
def test_dtds_and_entities_are_refused_before_parsing(xml: str) -> None:
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    err = info.value
    assert "refusing a document with a DTD" in err.message
    assert (err.line, err.column) == (2, 1)
    with pytest.raises(SerializationError):
        wdr.from_akn(xml.encode("utf-8"))


def test_a_dtd_hidden_after_the_root_is_refused_too() -> None:
    xml = wdr.to_akn(wdr.load()).replace("<preface>", "<preface><!ENTITY x 'y'>", 1)
    with pytest.raises(SerializationError, match="DTD or entity"):
        wdr.from_akn(xml)


def test_malformed_xml_names_line_and_column() -> None:
    xml = wdr.to_akn(wdr.load())
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml[:2000])
    err = info.value
    assert err.message.startswith("not well-formed XML")
    assert err.line is not None and err.line > 10


@pytest.mark.parametrize(
    ("edit", "path", "message"),
    [
        (
            ("<num>第三十五条</num>", "<num>第三十五</num>"),
            "/akomaNtoso/act/body/chapter[5]/article[2]/num",
            "expected a <num> such as 第三十五条, found '第三十五'",
        ),
        (
            ("<num>第二章</num>", "<num>第二节</num>"),
            "/akomaNtoso/act/body/chapter[2]/num",
            "expected a <num> such as 第一章, found '第二节'",
        ),
        (
            (
                "<heading>总 则</heading>",
                '<heading>总 则</heading><part eId="x"><num>第一编</num></part>',
            ),
            "/akomaNtoso/act/body/chapter[1]/part[1]",
            "a <part> cannot stand here; expected Article or Paragraph or Section or Table",
        ),
    ],
)
def test_structural_errors_name_the_xml_path(
    edit: tuple[str, str], path: str, message: str
) -> None:
    xml = wdr.to_akn(wdr.load()).replace(*edit, 1)
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    assert info.value.path.startswith(path)
    assert message in info.value.message


def test_item_numbers_must_be_printed_as_to_akn_prints_them() -> None:
    xml = wdr.to_akn(_sample()).replace("<num>（二）</num>", "<num>（2）</num>", 1)
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    assert info.value.path == (
        "/akomaNtoso/act/body/part[1]/chapter[1]/article[1]/paragraph[1]/list[1]/point[2]/num"
    )
    assert info.value.message == "expected a <num> such as （一）, found '（2）'"


def test_wrong_root_and_not_utf8() -> None:
    with pytest.raises(SerializationError, match="expected <akomaNtoso>"):
        wdr.from_akn("<html/>")
    with pytest.raises(SerializationError, match="expected UTF-8"):
        wdr.from_akn(b"<akomaNtoso>\xff</akomaNtoso>")
