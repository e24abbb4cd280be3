"""JSON through the private cattrs converter: round trips, the golden file, the schema, errors."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    ArticleChange,
    Chapter,
    CharEdit,
    Citation,
    CitationList,
    CitationRange,
    ComparisonRow,
    Division,
    Event,
    HeaderChange,
    Heading,
    HeadingChange,
    Item,
    Merge,
    Paragraph,
    ParagraphEdit,
    Part,
    Regulation,
    RegulationDiff,
    Section,
    SerializationError,
    Split,
    SubItem,
    Subpart,
    Table,
)
from wuxi_dt_regulation._model.citation import LEVELS

from .amend_strategies import AMENDMENT_DEFS
from .conftest import ROOT, corpus_params, version_pairs
from .diff_strategies import Truth, amendments
from .strategies import regulations
from .test_citation import citations, lists, ranges

GOLDEN = Path(__file__).parent / "golden" / "seed.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(files("wuxi_dt_regulation").joinpath("data/schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _error(data: object) -> SerializationError:
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data)
    return info.value


def _seed_data() -> dict[str, Any]:
    return wdr.to_dict(wdr.load())


# --------------------------------------------------------------------------- round trips


@given(regulations())
def test_dict_round_trip(reg: Regulation) -> None:
    assert wdr.from_dict(wdr.to_dict(reg)) == reg


@given(regulations())
def test_json_round_trip(reg: Regulation) -> None:
    text = wdr.to_json(reg)
    assert wdr.from_json(text) == reg
    assert wdr.from_json(text.encode("utf-8")) == reg
    assert wdr.to_json(wdr.from_json(text)) == text


@given(regulations())
def test_pickle_round_trip(reg: Regulation) -> None:
    clone = pickle.loads(pickle.dumps(reg))
    assert clone == reg
    assert clone.articles == reg.articles


@given(regulations())
def test_generated_output_matches_the_schema(
    validator: jsonschema.Draft202012Validator, reg: Regulation
) -> None:
    validator.validate(json.loads(wdr.to_json(reg)))


def test_golden_seed_json_byte_for_byte() -> None:
    assert wdr.to_json(wdr.load()).encode("utf-8") == GOLDEN.read_bytes()
    assert wdr.from_json(GOLDEN.read_bytes()) == wdr.load()


def test_seed_matches_the_schema(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(json.loads(GOLDEN.read_text("utf-8")))


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_round_trip_and_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    reg = wdr.parse_file(path)
    text = wdr.to_json(reg)
    validator.validate(json.loads(text))
    assert wdr.from_json(text) == reg


def test_every_model_class_round_trips() -> None:
    sub = SubItem(1, "子项", (SubItem(1, "第四层"),))
    para = Paragraph(1, "导语：", (Item(1, "项", (sub,)),), break_before=True)
    art = Article(120, 1, (para,))
    values: list[object] = [
        Event("2023年4月26日通过"),
        sub,
        Item(2, "项"),
        para,
        Table(("| a | b |", "|---|---|")),
        art,
        Section(1, "一般规定", (art,)),
        Chapter(1, "总 则", (Section(1, "", (art,)),)),
        Subpart(1, "通则", (Chapter(1),)),
        Part(1, "总则", (Subpart(1),)),
        Division("附则", 3, (art,)),
        Appendix("附件一", (Paragraph(1, "说明"), Table(()), Division("表"))),
    ]
    for value in values:
        data = wdr.to_dict(value)
        assert data["schema"] == 1
        assert wdr.from_dict(data, type(value)) == value
        assert wdr.from_json(wdr.to_json(value), type(value)) == value


# --------------------------------------------------------------------------- the format


def test_readable_chinese_schema_first_and_final_newline() -> None:
    text = wdr.to_json(wdr.load())
    assert "\\u" not in text
    assert "无锡市数字化转型促进条例" in text
    assert text.endswith("}\n")
    assert next(iter(json.loads(text))) == "schema"


def test_tags_come_first_and_only_where_classes_mix() -> None:
    data = _seed_data()
    chapter = data["body"][0]
    assert list(chapter)[:2] == ["type", "number"]
    assert chapter["type"] == "chapter"
    article = chapter["children"][0]
    assert article["type"] == "article"
    assert "type" not in article["paragraphs"][0]  # paragraphs of an article are all Paragraphs


def test_defaults_are_left_out_and_values_kept() -> None:
    plain = wdr.to_dict(Article(1, paragraphs=(Paragraph(1, "正文。"),)))
    assert plain == {
        "schema": 1,
        "type": "article",
        "number": 1,
        "paragraphs": [{"number": 1, "text": "正文。"}],
    }
    inserted = wdr.to_dict(Article(120, 1))
    assert inserted == {"schema": 1, "type": "article", "number": 120, "suffix": 1}
    broken = wdr.to_dict(Paragraph(1, "正文。", break_before=True))
    assert broken["break_before"] is True
    assert wdr.to_dict(Division("附则", 2)) == {"schema": 1, "type": "division", "title": "附则"}
    assert wdr.to_dict(Division("附则", 4))["level"] == 4


def test_no_derived_values_are_stored() -> None:
    text = wdr.to_json(wdr.load())
    for derived in ("label", "date", "action", "第一章", "第三十五条", "articles", "_index"):
        assert derived not in text
    assert set(_seed_data()) <= {
        "schema", "type", "title", "subtitles", "history", "toc", "preamble", "body",
        "appendices",
    }  # fmt: skip


def test_warnings_are_not_written() -> None:
    reg = wdr.parse("# 示例条例\n\n第一条 甲。\n\n第三条 乙。")
    assert [(w.line, w.column, w.code) for w in reg.warnings] == [(5, 1, "skipped-number")]
    data = wdr.to_dict(reg)
    assert "warnings" not in data
    back = wdr.from_dict(data)
    assert back == reg
    assert back.warnings == ()


def test_to_dict_refuses_what_is_not_a_model_value() -> None:
    with pytest.raises(TypeError, match="takes a model value"):
        wdr.to_dict({"title": "x"})


def test_cattrs_is_not_imported_with_the_package() -> None:
    code = "import sys, wuxi_dt_regulation as w; w.load(); print('cattrs' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- bad input


def test_truncated_json_names_line_and_column() -> None:
    text = wdr.to_json(wdr.load())
    with pytest.raises(SerializationError) as info:
        wdr.from_json(text[:200])
    err = info.value
    assert err.path == "$"
    assert err.line is not None and err.line > 1
    assert err.column is not None
    assert str(err).startswith("$: not valid JSON: ")
    assert f"(line {err.line}, column {err.column})" in str(err)


def test_wrong_type_names_the_path() -> None:
    data = _seed_data()
    data["body"][2]["children"][0]["number"] = "35"
    err = _error(data)
    assert str(err) == "$.body[2].children[0].number: expected an int, found the string '35'"
    assert err.path == "$.body[2].children[0].number"
    assert isinstance(err, ValueError)
    assert isinstance(err, wdr.RegulationError)


def test_bool_is_not_an_int_and_a_string_is_not_an_array() -> None:
    data = _seed_data()
    data["body"][0]["number"] = True
    data["toc"] = "第一章"
    err = _error(data)
    assert err.errors == (
        ("$.toc", "expected an array, found the string '第一章'"),
        ("$.body[0].number", "expected an int, found true"),
    )


def test_missing_field() -> None:
    data = _seed_data()
    del data["body"][1]["children"][2]["number"]
    assert str(_error(data)) == "$.body[1].children[2].number: missing required field"
    data = _seed_data()
    del data["title"]
    assert _error(data).path == "$.title"


def test_unknown_and_misplaced_tags_and_fields() -> None:
    data = _seed_data()
    data["body"][0]["type"] = "clause"
    data["body"][1]["children"][0]["type"] = "part"
    del data["body"][2]["type"]
    data["body"][3]["colour"] = "red"
    err = _error(data)
    paths = dict(err.errors)
    assert paths["$.body[0].type"].startswith("unknown type 'clause'; expected one of 'article'")
    assert paths["$.body[1].children[0].type"].startswith("'part' is not allowed here")
    assert paths["$.body[2].type"].startswith("missing required field")
    assert paths["$.body[3]"] == "unknown field 'colour' for Chapter"


def test_model_rules_are_reported_with_the_path() -> None:
    data = _seed_data()
    data["body"][0]["children"][1]["paragraphs"][1]["number"] = 5
    err = _error(data)
    assert err.path == "$.body[0].children[1]"
    assert "paragraph 2 is numbered 5" in err.message
    data = _seed_data()
    data["history"][0]["text"] = "两行\n文字"
    assert _error(data).path == "$.history[0]"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([1, 2], "$: expected an object, found an array"),
        ({"title": "x"}, "$.schema: missing required field"),
        ({"schema": "1", "title": "x"}, "$.schema: expected an int, found the string '1'"),
        (
            {"schema": 2, "title": "x"},
            "$.schema: unsupported schema 2; this version reads schema 1",
        ),
        ({"schema": 1, "title": "x", "warnings": []}, "$: unknown field 'warnings' for Regulation"),
    ],
)
def test_document_level_errors(data: object, expected: str) -> None:
    assert str(_error(data)).startswith(expected)


def test_non_utf8_bytes() -> None:
    with pytest.raises(SerializationError, match="expected UTF-8, found the byte 0xFF"):
        wdr.from_json(b'{"schema": 1, "title": "\xff"}')


def test_serialization_error_pickles() -> None:
    err = _error({"schema": 2})
    clone = pickle.loads(pickle.dumps(err))
    assert (clone.path, clone.message, str(clone)) == (err.path, err.message, str(err))


# =========================================================================== citations and diffs

DIFF_GOLDEN = Path(__file__).parent / "golden" / "diff.json"

_OLD_MD = """# 示例条例

## 第一章 总则

第一条 为了示例，制定本条例。

第二条 本条例适用于本市。

第二款原文。

## 第二章 管理

第三条 主管部门负责管理。

第四条 旧条文废止于此。
"""

_NEW_MD = """# 示例条例

## 第一章 总则

第一条 为了示例，制定本条例。

第二条 本条例适用于本行政区域。

第二款原文。

新增一款。

## 第二章 监督管理

第三条 数据资源实行目录管理。

第四条 主管部门负责管理。
"""


def _small_pair() -> tuple[Regulation, Regulation]:
    return wdr.parse(_OLD_MD), wdr.parse(_NEW_MD)


def _small_diff_data() -> dict[str, Any]:
    return wdr.to_dict(wdr.diff(*_small_pair()))


def _document_validator(schema_def: str) -> jsonschema.Draft202012Validator:
    """A validator for one document kind: ``{"$ref": "#/$defs/<kind>-document"}``."""
    schema = json.loads(files("wuxi_dt_regulation").joinpath("data/schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(
        {"$defs": schema["$defs"], "$ref": f"#/$defs/{schema_def}-document"}
    )


KIND_VALIDATORS = {
    kind: _document_validator(kind)
    for kind in ("regulation", "citation", "citation-range", "citation-list", "regulation-diff")
}


def _pairs() -> list[object]:
    return [pytest.param(old, new, id=old.parent.name) for old, new in version_pairs()]


def _round_trips(value: object, kind: str, validator: jsonschema.Draft202012Validator) -> str:
    """dict, JSON and bytes round trips of *value*; its document validates as *kind* only."""
    cls = type(value)
    assert wdr.from_dict(wdr.to_dict(value), cls) == value
    text = wdr.to_json(value)
    assert wdr.from_json(text, cls) == value
    assert wdr.from_json(text) == value  # the document says what it holds
    assert json.loads(text)["type"] == kind.replace("-", "_")
    assert wdr.from_json(text.encode("utf-8"), cls) == value
    assert wdr.to_json(wdr.from_json(text, cls)) == text
    data = json.loads(text)
    validator.validate(data)
    KIND_VALIDATORS[kind].validate(data)
    return text


# --------------------------------------------------------------------------- citations


@given(citations() | citations("中华人民共和国数据安全法"))
def test_citation_round_trip(
    validator: jsonschema.Draft202012Validator, citation: Citation
) -> None:
    text = _round_trips(citation, "citation", validator)
    data = json.loads(text)
    # only what the value holds: no level, no label, no None and no suffix 0
    assert set(data) <= {"schema", "type", "title", *LEVELS, "suffix"}
    assert None not in data.values() and data.get("suffix") != 0
    assert all(data[name] == value for name, value in citation.levels())


@given(ranges() | ranges("无锡市数字化转型促进条例"))
def test_citation_range_round_trip(
    validator: jsonschema.Draft202012Validator, value: CitationRange
) -> None:
    data = json.loads(_round_trips(value, "citation-range", validator))
    assert list(data) == ["schema", "type", "start", "end"]
    assert "type" not in data["start"]  # a range's ends are always citations: no tag


@given(lists())
def test_citation_list_round_trip(
    validator: jsonschema.Draft202012Validator, value: CitationList
) -> None:
    data = json.loads(_round_trips(value, "citation-list", validator))
    tags = [item["type"] for item in data["items"]]
    assert tags == [
        "citation_range" if isinstance(item, CitationRange) else "citation" for item in value.items
    ]


def test_citation_format_is_pinned() -> None:
    value = CitationList(
        (
            Citation(article=120, suffix=1, paragraph=2),
            CitationRange(Citation(chapter=3, section=1), Citation(chapter=3, section=2)),
        )
    )
    assert wdr.to_json(value, indent=None) == (
        '{"schema": 1, "type": "citation_list", "items": [{"type": "citation", "article": 120, '
        '"suffix": 1, "paragraph": 2}, {"type": "citation_range", "start": {"chapter": 3, '
        '"section": 1}, "end": {"chapter": 3, "section": 2}}]}\n'
    )
    assert wdr.to_dict(Citation(title="中华人民共和国民法典")) == {
        "schema": 1,
        "type": "citation",
        "title": "中华人民共和国民法典",
    }
    # a list's conjunction is written when it is not the default 和; a 分编 in its place
    either = CitationList((Citation(article=30, item=1), Citation(article=30, item=2)), "或者")
    assert wdr.to_json(either, indent=None) == (
        '{"schema": 1, "type": "citation_list", "items": [{"type": "citation", "article": 30, '
        '"item": 1}, {"type": "citation", "article": 30, "item": 2}], "conjunction": "或者"}\n'
    )
    assert wdr.from_json(wdr.to_json(either)) == either
    assert wdr.to_dict(Citation(part=3, subpart=2)) == {
        "schema": 1,
        "type": "citation",
        "part": 3,
        "subpart": 2,
    }


def test_unit_citations_serialize_without_their_stamp() -> None:
    """A unit's hidden position (``_cite``, init=False) is never written; the citation it gives
    is a value of its own and round-trips."""
    reg = wdr.load()
    article = reg.article(35)
    paragraph = article.paragraphs[1]
    assert paragraph.citation == Citation(article=35, paragraph=2)
    for value in (paragraph, article, reg.chapters[4]):
        data = wdr.to_dict(value)
        assert "cite" not in json.dumps(data)
        assert wdr.from_dict(data, type(value)) == value
    cited = paragraph.items[0].citation if paragraph.items else paragraph.citation
    assert wdr.from_json(wdr.to_json(cited), Citation) == cited


@pytest.mark.parametrize(
    ("data", "cls", "expected"),
    [
        (
            {"schema": 1, "items": [{"article": 1}]},
            CitationList,
            "$.items[0].type: missing required field (one of 'citation', 'citation_range')",
        ),
        (
            {"schema": 1, "items": [{"type": "clause", "article": 1}]},
            CitationList,
            "$.items[0].type: unknown type 'clause'; expected one of 'citation', 'citation_range'",
        ),
        (
            {"schema": 1, "items": [{"type": "article", "number": 1}]},
            CitationList,
            "$.items[0].type: 'article' is not allowed here; expected one of 'citation', "
            "'citation_range'",
        ),
        ({"schema": 1, "items": []}, CitationList, "$: a CitationList holds at least one citation"),
        (
            {"schema": 1, "items": [{"type": "citation", "article": "35"}]},
            CitationList,
            "$.items[0].article: expected an int, found the string '35'",
        ),
        (
            {"schema": 1, "start": {"article": 3}, "end": {"article": 1}},
            CitationRange,
            "$: a range runs forward: Citation(article=3) to Citation(article=1)",
        ),
        (
            {"schema": 1, "start": {"article": 3}, "end": {"article": 4, "level": "article"}},
            CitationRange,
            "$.end: unknown field 'level' for Citation",
        ),
        (
            {"schema": 1, "chapter": 2, "article": 3},
            Citation,
            "$: an article citation does not name its 编/章/节",
        ),
        ({"schema": 1, "article": 0}, Citation, "$: Citation.article must be None or an int"),
        (
            {"schema": 1, "type": "citation_range", "article": 1},
            Citation,
            "$.type: this document holds a CitationRange, not a Citation",
        ),
        (
            {"schema": 1, "type": "bluebook", "article": 1},
            Citation,
            "$.type: expected the name of a model class ('regulation', 'citation' …), found "
            "'bluebook'",
        ),
        (
            {"schema": 1, "type": 3, "article": 1},
            Citation,
            "$.type: expected the name of a model class ('regulation', 'citation' …), found the "
            "int 3",
        ),
        ({"schema": 1, "title": " 刑法"}, Citation, "$: Citation.title must be None or a one-line"),
        ({"schema": 1, "title": "a\u0000b"}, Citation, "$: Citation.title must be None or a one"),
        (
            {"schema": 1, "subpart": 2, "chapter": 9},
            Citation,
            "$: a 分编 citation names no chapter",
        ),
        (
            {"schema": 1, "items": [{"type": "citation", "article": 1}], "conjunction": "与"},
            CitationList,
            "$: a list is joined by one of",
        ),
    ],
)
def test_bad_citation_documents(data: dict[str, Any], cls: type[Any], expected: str) -> None:
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data, cls)
    assert str(info.value).startswith(expected)
    # the schema refuses what the reader refuses (except the order of a range's ends)
    if "runs forward" not in expected:
        kind = {Citation: "citation", CitationRange: "citation-range"}.get(cls, "citation-list")
        assert not KIND_VALIDATORS[kind].is_valid(data)


# --------------------------------------------------------------------------- diffs


def _check_diff(
    old: Regulation, new: Regulation, validator: jsonschema.Draft202012Validator
) -> None:
    d = wdr.diff(old, new)
    text = _round_trips(d, "regulation-diff", validator)
    back = wdr.from_json(text, RegulationDiff)
    assert back.apply(old) == new
    assert dict(back.number_map) == dict(d.number_map)
    assert back.counts() == d.counts()
    assert back.to_markdown() == d.to_markdown()
    assert "_cite" not in text and '"_' not in text  # no stamps, no private attribute names


@given(amendments())
def test_diff_of_amendments_round_trips(
    validator: jsonschema.Draft202012Validator, case: tuple[Regulation, Regulation, Truth]
) -> None:
    old, new, _ = case
    _check_diff(old, new, validator)


@given(regulations(max_chapters=3), regulations(max_chapters=3))
def test_diff_of_any_pair_round_trips(
    validator: jsonschema.Draft202012Validator, old: Regulation, new: Regulation
) -> None:
    _check_diff(old, new, validator)


@given(regulations(max_chapters=3))
def test_empty_diff_round_trips(
    validator: jsonschema.Draft202012Validator, reg: Regulation
) -> None:
    _check_diff(reg, reg, validator)


@pytest.mark.parametrize(("old_path", "new_path"), _pairs())
def test_diff_of_real_versions_round_trips(
    validator: jsonschema.Draft202012Validator, old_path: Path, new_path: Path
) -> None:
    _check_diff(wdr.parse_file(old_path), wdr.parse_file(new_path), validator)


def test_golden_diff_json_byte_for_byte() -> None:
    old, new = _small_pair()
    d = wdr.diff(old, new)
    assert wdr.to_json(d).encode("utf-8") == DIFF_GOLDEN.read_bytes()
    back = wdr.from_json(DIFF_GOLDEN.read_bytes(), RegulationDiff)
    assert back == d
    assert wdr.from_json(DIFF_GOLDEN.read_bytes()) == d  # the document says it is a diff
    assert back.apply(old) == new


def test_diff_format() -> None:
    data = _small_diff_data()
    assert list(data) == [
        "schema", "type", "old_title", "new_title", "changes", "heading_changes",
        "header_changes", "splits", "merges", "rows", "number_pairs", "template", "slots",
        "old_template", "old_sources",
    ]  # fmt: skip
    # an added article: old is null, written; flags that are false are left out
    added = next(c for c in data["changes"] if c["old"] is None)
    assert added["new"]["number"] == 3 and "text_changed" not in added
    assert data["number_pairs"][2] == ["第三条", "第四条"]
    assert data["slots"][1] == [
        {"type": "paragraph", "number": 1, "text": "本条例适用于本行政区域。"},
        {"type": "old_paragraph", "article_index": 1, "paragraph_index": 1},
        {"type": "paragraph", "number": 3, "text": "新增一款。"},
    ]
    assert data["slots"][2] is None  # the added article is carried whole in the template
    heading = data["heading_changes"][0]["new"]
    assert heading == {"kind": "章", "number": 2, "title": "监督管理"}  # no label, no text
    text = json.dumps(data, ensure_ascii=False)
    for derived in ("label", "第二章 监督管理", "number_map", "counts", "kinds", "is_heading"):
        assert derived not in text


def test_diff_units_read_back_equal_but_unstamped() -> None:
    """Units inside a diff come back equal; their stamps (positions for ``.citation``) are not
    part of the value and are not written, so such a unit is citable again only through a
    regulation, such as the one ``apply`` returns."""
    old, new = _small_pair()
    d = wdr.diff(old, new)
    back = wdr.from_json(wdr.to_json(d), RegulationDiff)
    change = d.changes[0]
    assert change.new is not None and back.changes[0].new == change.new
    assert change.new.paragraphs[0].citation == Citation(article=2, paragraph=1)
    assert back.changes[0].new is not None
    with pytest.raises(wdr.CitationError):
        _ = back.changes[0].new.paragraphs[0].citation
    rebuilt = back.apply(old)
    assert rebuilt.article(2).paragraphs[0].citation == Citation(article=2, paragraph=1)


def _diff_error(data: object) -> SerializationError:
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data, RegulationDiff)
    return info.value


def test_bad_diff_documents_name_the_path() -> None:
    data = _small_diff_data()
    data["changes"][0]["old"]["number"] = "2"
    data["changes"][1]["renumbered"] = 1
    data["rows"][2]["script"][0]["chars"][1]["op"] = None
    data["number_pairs"][0] = {"old": "第一条", "new": "第一条"}
    data["number_pairs"][1][1] = 2
    data["number_pairs"][2] = ["第三条"]
    data["heading_changes"][0]["old"]["number"] = 2.0
    data["template"]["body"][0]["type"] = "citation"
    data["slots"][0][0]["type"] = "kept"
    data["slots"][1][1]["paragraph_index"] = -1
    del data["slots"][3][0]["article_index"]
    data["slots"][2] = "whole"
    err = _diff_error(data)
    assert err.errors == (
        ("$.changes[0].old.number", "expected an int, found the string '2'"),
        ("$.changes[1].renumbered", "expected true or false, found the int 1"),
        ("$.heading_changes[0].old.number", "expected an int, found the number 2.0"),
        ("$.rows[2].script[0].chars[1].op", "expected a string, found null"),
        ("$.number_pairs[0]", "expected an array of 2 elements, found an object"),
        ("$.number_pairs[1][1]", "expected a string, found the int 2"),
        ("$.number_pairs[2]", "expected an array of 2 elements, found an array of 1"),
        (
            "$.template.body[0].type",
            "'citation' is not allowed here; expected one of 'article', 'chapter', 'division', "
            "'paragraph', 'part', 'section', 'subpart', 'table'",
        ),
        (
            "$.slots[0][0].type",
            "unknown type 'kept'; expected 'old_paragraph' or 'paragraph'",
        ),
        ("$.slots[1][1].paragraph_index", "expected an int from 0, found the int -1"),
        ("$.slots[2]", "expected an array, found the string 'whole'"),
        ("$.slots[3][0].article_index", "missing required field"),
    )
    assert str(err).startswith("$.changes[0].old.number: expected an int")
    assert not KIND_VALIDATORS["regulation-diff"].is_valid(data)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d.pop("old_sources"), "$.old_sources: missing required field"),
        (
            lambda d: d.update(_slots=d.pop("slots")),
            "$.slots: missing required field\n$: unknown field '_slots' for RegulationDiff",
        ),
        (
            lambda d: d["slots"][1][0].update(number=5),
            "$.slots[1][0]: unknown field 'number' for an old paragraph",
        ),
        (lambda d: d["slots"][1].__setitem__(0, [0, 0]), "$.slots[1][0]: expected an object"),
        (
            lambda d: d["slots"][1][0].pop("type"),
            "$.slots[1][0].type: missing required field ('old_paragraph' or 'paragraph')",
        ),
        (
            lambda d: d["slots"][1][0].update(number="一"),
            "$.slots[1][0].number: expected an int, found the string '一'",
        ),
        (
            lambda d: d["changes"][0].update(paragraphs=[{"kind": "added", "old": None}]),
            "$.changes[0].paragraphs[0].new: missing required field",
        ),
        (
            lambda d: d["splits"].append({"old": {"number": 1}, "new": {"number": 2}}),
            "$.splits[0].new: expected an array, found an object",
        ),
    ],
)
def test_more_bad_diff_documents(edit: Any, expected: str) -> None:
    data = _small_diff_data()
    if "old paragraph" in expected:
        data["slots"][1][0] = {"type": "old_paragraph", "article_index": 0, "paragraph_index": 0}
    edit(data)
    assert str(_diff_error(data)).startswith(expected)
    assert not KIND_VALIDATORS["regulation-diff"].is_valid(data)


def test_a_diff_read_back_still_refuses_another_old_version() -> None:
    old, new = _small_pair()
    back = wdr.from_json(wdr.to_json(wdr.diff(old, new)), RegulationDiff)
    with pytest.raises(wdr.PatchError):
        back.apply(wdr.load())


# --------------------------------------------------------------------------- the schema itself


_CLASS_DEFS: dict[str, type] = {
    "regulation": Regulation,
    "event": Event,
    "subitem": SubItem,
    "item": Item,
    "paragraph": Paragraph,
    "table": Table,
    "article": Article,
    "section": Section,
    "chapter": Chapter,
    "subpart": Subpart,
    "part": Part,
    "division": Division,
    "appendix": Appendix,
    "citation": Citation,
    "citation-range": CitationRange,
    "citation-list": CitationList,
    "char-edit": CharEdit,
    "paragraph-edit": ParagraphEdit,
    "heading": Heading,
    "heading-change": HeadingChange,
    "header-change": HeaderChange,
    "article-change": ArticleChange,
    "split": Split,
    "merge": Merge,
    "comparison-row": ComparisonRow,
    "regulation-diff": RegulationDiff,
    **AMENDMENT_DEFS,
}


def test_schema_definitions_follow_the_classes() -> None:
    """Each class's definition lists exactly the fields the converter writes (by their JSON
    names), requires exactly those without a default, and each document adds only "schema" and
    its "type"."""
    defs = json.loads(files("wuxi_dt_regulation").joinpath("data/schema.json").read_text("utf-8"))[
        "$defs"
    ]
    for name, cls in _CLASS_DEFS.items():
        fields = [f for f in attrs.fields(cls) if f.init and f.name != "warnings"]
        keys = [f.alias or f.name for f in fields]
        required = [f.alias or f.name for f in fields if f.default is attrs.NOTHING]
        assert list(defs[name]["properties"]) == keys, name
        assert defs[name]["required"] == required, name
        assert defs[name]["additionalProperties"] is False, name
        tagged = defs.get(f"tagged-{name}")
        if tagged is not None:
            assert tagged["properties"] == {
                "type": tagged["properties"]["type"],
                **defs[name]["properties"],
            }
        document = defs.get(f"{name}-document")
        if document is not None:
            assert document["properties"] == {
                "schema": {"const": 1},
                "type": {"const": name.replace("-", "_")},
                **defs[name]["properties"],
            }
            assert document["required"] == ["schema", *required]
    assert defs["tagged-citation-range"]["properties"]["type"] == {"const": "citation_range"}


def test_the_top_level_accepts_each_document_kind(
    validator: jsonschema.Draft202012Validator,
) -> None:
    validator.validate(_small_diff_data())
    validator.validate(wdr.to_dict(CitationList((Citation(article=1),))))
    assert not validator.is_valid({"schema": 1, "items": [{"article": 1}]})
    assert not validator.is_valid({"schema": 2, "title": "x"})
    # the reader is told the class: the same keys may be two kinds (a title alone)
    same = {"schema": 1, "title": "示例条例"}
    assert wdr.from_dict(same) == Regulation("示例条例")
    assert wdr.from_dict(same, Citation) == Citation(title="示例条例")


def test_tags_by_rule_agree_with_the_table() -> None:
    from wuxi_dt_regulation._interchange.converter import TAGS, document_classes, tag

    # the classes outside the model that stand in mixed lists are known by their tag
    known = document_classes()
    assert (known["citation"], known["citation_range"]) == (Citation, CitationRange)
    assert {tag(Citation), tag(CitationRange)} == {"citation", "citation_range"}
    for cls, name in TAGS.items():
        assert tag(cls) == name == cls.__name__.lower()
