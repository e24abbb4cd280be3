"""An Amendment in JSON (with its schema) and in Akoma Ntoso (an amending act, valid against the
OASIS XSD), and back: ``from_json(to_json(a)) == a``, ``from_akn(to_akn(a), Amendment) == a``."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import given, settings
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Amendment, SerializationError, from_akn, parse_amendment, to_akn
from wuxi_dt_regulation.amendments import Commence, Insert, ReplaceWords

from .amend_strategies import amendment_values, version_pairs
from .conftest import XSD_PATH

AMEND = Path(__file__).parent / "amend"
FIXTURES = ["wuxi_decision.md", "constitution_2018.md", "real/刑法修正案（十一）.md"]


@pytest.fixture(scope="module")
def xsd() -> Any:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


@pytest.fixture(scope="module")
def schema() -> jsonschema.Draft202012Validator:
    defs = json.loads(files("wuxi_dt_regulation").joinpath("data/schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(
        {"$defs": defs["$defs"], "$ref": "#/$defs/amendment-document"}
    )


def read(name: str) -> Amendment:
    return parse_amendment((AMEND / name).read_text(encoding="utf-8"))


def check_json(amendment: Amendment, schema: jsonschema.Draft202012Validator) -> dict[str, Any]:
    text = wdr.to_json(amendment)
    assert wdr.from_json(text) == amendment  # the document says what it holds
    assert wdr.from_json(text, Amendment) == amendment
    data: dict[str, Any] = json.loads(text)
    schema.validate(data)
    return data


def check_akn(amendment: Amendment, xsd: Any) -> str:
    xml = to_akn(amendment)
    tree = etree.fromstring(xml.encode("utf-8"))
    assert xsd.validate(tree), str(xsd.error_log)
    assert from_akn(xml, Amendment) == amendment
    return xml


@pytest.mark.parametrize("name", FIXTURES)
def test_real_instruments_round_trip(
    name: str, schema: jsonschema.Draft202012Validator, xsd: Any
) -> None:
    amendment = read(name)
    data = check_json(amendment, schema)
    assert list(data)[:3] == ["schema", "type", "title"] and data["type"] == "amendment"
    assert "warnings" not in data and "KIND" not in json.dumps(data)
    xml = check_akn(amendment, xsd)
    assert xml.count("<textualMod ") + xml.count("<meaningMod ") == len(amendment.operations)


def test_the_json_of_an_operation(schema: jsonschema.Draft202012Validator) -> None:
    data = check_json(read("wuxi_decision.md"), schema)
    first = data["operations"][0]
    assert first == {
        "type": "replace_words",
        "targets": [{"citation": {"article": 1}}],
        "old": ["高效能治理"],
        "new": "高效能治理，发展新质生产力",
        "span": {
            "line": 11,
            "column": 3,
            "text": "将第一条中的“高效能治理”修改为“高效能治理，发展新质生产力”",
        },
        "instrument": "无锡市数字化转型促进条例",
    }
    assert data["clauses"][0] == {
        "type": "commence",
        "date": "2026-01-01",
        "span": {"line": 41, "column": 1, "text": "本决定自2026年1月1日起施行"},
        "instrument": "无锡市数字化转型促进条例",
    }
    assert {op["type"] for op in data["operations"]} == {
        "replace_words", "replace", "delete", "insert_words", "insert", "move", "retitle"}  # fmt: skip


def test_the_akn_of_an_operation(xsd: Any) -> None:
    xml = check_akn(read("wuxi_decision.md"), xsd)
    tree = etree.fromstring(xml.encode("utf-8"))
    ns = {
        "a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
        "w": "urn:wuxi-dt-regulation:akn:1",
    }
    first = tree.find(".//a:activeModifications/a:textualMod", ns)
    assert first.get("type") == "substitution"
    assert first.find("a:source", ns).get("href") == "#mod_1"
    assert first.find("a:destination", ns).get("href") == "#art_1"
    assert [e.text for e in first.findall("a:old/w:line", ns)] == ["高效能治理"]
    assert [e.text for e in first.findall("a:new/w:line", ns)] == ["高效能治理，发展新质生产力"]
    mod = tree.find(".//a:body//a:mod[@eId='mod_1']", ns)
    assert mod.text == "将第一条中的“高效能治理”修改为“高效能治理，发展新质生产力”"
    paragraph = tree.find(".//a:textualMod[@eId='tmod_2']/a:destination", ns)
    assert paragraph.get("href") == "#art_5__para_2"


@settings(max_examples=60)
@given(amendment_values())
def test_any_amendment_round_trips(amendment: Amendment) -> None:
    assert wdr.from_json(wdr.to_json(amendment)) == amendment
    assert from_akn(to_akn(amendment), Amendment) == amendment


@settings(max_examples=25)
@given(amendment=amendment_values())
def test_any_amendment_validates(
    amendment: Amendment, schema: jsonschema.Draft202012Validator, xsd: Any
) -> None:
    schema.validate(wdr.to_dict(amendment))
    tree = etree.fromstring(to_akn(amendment).encode("utf-8"))
    assert xsd.validate(tree), str(xsd.error_log)


@settings(max_examples=20)
@given(version_pairs())
def test_written_decisions_round_trip(
    case: tuple[wdr.Regulation, wdr.Regulation, list[str]],
) -> None:
    old, new, _ = case
    amendment = parse_amendment(wdr.diff(old, new).to_amendment())
    assert wdr.from_json(wdr.to_json(amendment)) == amendment
    assert from_akn(to_akn(amendment), Amendment) == amendment


def test_reading_errors_name_the_place() -> None:
    data = wdr.to_dict(read("wuxi_decision.md"))
    data["clauses"][0]["date"] = "2026-02-30"
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.path == "$.clauses[0].date" and "no such day" in caught.value.message
    data = wdr.to_dict(read("wuxi_decision.md"))
    data["operations"][0]["type"] = "commence"
    with pytest.raises(SerializationError, match="not allowed here") as caught:
        wdr.from_dict(data)
    assert caught.value.path == "$.operations[0].type"
    data = wdr.to_dict(read("wuxi_decision.md"))
    data["operations"][4]["unit"] = "chapter"
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.path.startswith("$.operations[4]")


def test_akn_documents_say_what_they_hold() -> None:
    amendment = read("wuxi_decision.md")
    xml = to_akn(amendment)
    with pytest.raises(
        SerializationError, match=r"holds an amending act.*from_akn\(xml, Amendment\)"
    ):
        from_akn(xml)
    with pytest.raises(SerializationError, match="holds a regulation, not an Amendment"):
        from_akn(to_akn(wdr.load()), Amendment)
    with pytest.raises(TypeError, match="a Regulation or an Amendment"):
        from_akn(xml, ReplaceWords)  # type: ignore[type-var]
    broken = xml.replace('wdr:kind="replace-words"', 'wdr:kind="rewrite"', 1)
    with pytest.raises(SerializationError, match="unknown wdr:kind 'rewrite'") as caught:
        from_akn(broken, Amendment)
    assert caught.value.path == "/akomaNtoso/act/meta/analysis/activeModifications/textualMod[1]"


def test_an_amendment_without_operations(xsd: Any) -> None:
    bare = Amendment(
        "示例决定",
        clauses=(Commence(None, span=wdr.amendments.Span(3, 1, "本决定自公布之日起施行")),),
    )
    assert check_akn(bare, xsd).count("textualMod") == 0
    inserted = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、在第三章中增加一条，作为第十条：“甲。”\n"
    )
    (op,) = inserted.operations
    assert isinstance(op, Insert) and from_akn(to_akn(inserted), Amendment) == inserted


def test_amendment_tags_follow_the_rule() -> None:
    from wuxi_dt_regulation._amend.operations import CLOSING_TYPES, OPERATION_TYPES
    from wuxi_dt_regulation._interchange.converter import document_classes, tag

    tags = [
        "replace", "replace_words", "delete_words", "insert_words", "insert", "insert_heading",
        "delete", "renumber", "move", "retitle", "note", "commence", "renumbering",
    ]  # fmt: skip
    classes = (*OPERATION_TYPES, *CLOSING_TYPES)
    assert [tag(cls) for cls in classes] == tags
    # and each is known by its tag, so that one out of its place is "not allowed here"
    assert [document_classes()[t] for t in tags] == list(classes)


@pytest.mark.parametrize("value", ["²", "١", "x"])
def test_an_akn_position_that_is_no_ascii_number_is_refused(value: str) -> None:
    """wdr:line is an ASCII number: '²' (which str.isdigit() accepts) raised a bare ValueError,
    '١' was read as 1."""
    xml = wdr.to_akn(wdr.parse_amendment("# 关于修改《示例条例》的决定\n\n一、删去第二条。\n"))
    assert xml.count('wdr:line="3"') == 1
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(xml.replace('wdr:line="3"', f'wdr:line="{value}"'), Amendment)
    assert caught.value.message == f"expected wdr:line as a number, found {value!r}"


@pytest.mark.parametrize(
    ("attribute", "message"),
    [
        ('wdr:sentences="0 0"', "got (0, 0) for a 'preamble' target"),
        ('wdr:sentences="1"', "got (1,) for a 'preamble' target"),
        ('wdr:sentences="3 1"', "got (3, 1) for a 'preamble' target"),
        ('wdr:sentences="-1 2"', "got (-1, 2) for a 'preamble' target"),
    ],
)
def test_a_sentence_range_no_instrument_can_name_is_refused(attribute: str, message: str) -> None:
    """第零句, one number, or a range running backwards: read before as a Target that failed
    when written out again (``str(target)`` unpacks two numbers)."""
    amendment = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、将序言第二自然段第二句修改为：“甲。”\n"
    )
    xml = to_akn(amendment)
    assert xml.count('wdr:sentences="2 2"') == 1
    with pytest.raises(SerializationError) as caught:
        from_akn(xml.replace('wdr:sentences="2 2"', attribute), Amendment)
    assert caught.value.message.endswith(message)
    assert caught.value.path == (
        "/akomaNtoso/act/meta/analysis/activeModifications/textualMod[1]/destination[1]"
    )
    data = wdr.to_dict(amendment)
    data["operations"][0]["targets"][0]["number"] = 0
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.path == "$.operations[0].targets[0]"
    assert caught.value.message == (
        "Target.number is a 自然段 (from 1) of the preamble or the text, got 0 for a 'preamble' target"
    )
