"""JSON through the private cattrs converter: round trips, the golden file, the schema, errors."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import given

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
    Section,
    SerializationError,
    SubItem,
    Subpart,
    Table,
)

from .conftest import ROOT, corpus_params
from .strategies import regulations

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
        Appendix("附件一", (Division("表"), Paragraph(1, "说明"), Table(()))),
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
    assert plain == {"schema": 1, "number": 1, "paragraphs": [{"number": 1, "text": "正文。"}]}
    inserted = wdr.to_dict(Article(120, 1))
    assert inserted == {"schema": 1, "number": 120, "suffix": 1}
    broken = wdr.to_dict(Paragraph(1, "正文。", break_before=True))
    assert broken["break_before"] is True
    assert wdr.to_dict(Division("附则", 2)) == {"schema": 1, "title": "附则"}
    assert wdr.to_dict(Division("附则", 4))["level"] == 4


def test_no_derived_values_are_stored() -> None:
    text = wdr.to_json(wdr.load())
    for derived in ("label", "date", "action", "第一章", "第三十五条", "articles", "_index"):
        assert derived not in text
    assert set(_seed_data()) <= {
        "schema", "title", "subtitles", "history", "toc", "preamble", "body", "appendices",
    }  # fmt: skip


def test_warnings_are_not_written() -> None:
    reg = wdr.parse("# 示例条例\n\n第一条 甲。\n\n第三条 乙。")
    assert reg.warnings  # the skipped number is reported
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
