"""Hostile input to the interchange readers and to the errors' messages (issue 12, items 8–10).

Each reproducer of the issue is a test here; where a family of inputs failed, a property
holds for the whole family.  The rule: every reader returns a correct value or raises a
documented :class:`~wuxi_dt_regulation.RegulationError` subclass with a position, and no
message repeats megabytes of input.
"""

from __future__ import annotations

import contextlib
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Article,
    CitationError,
    NotFoundError,
    Paragraph,
    ParseError,
    Regulation,
    SerializationError,
)
from wuxi_dt_regulation._model.errors import MESSAGE_LIMIT, excerpt, shorten

# ----------------------------------------------------------------------------- item 8: bounded


def test_a_long_line_shows_a_window_around_the_column() -> None:
    line = "甲" * 1_000_000 + "乙" + "丙" * 1_000_000
    err = ParseError("expected 乙", line=3, column=1_000_001, text=line, source="big.md")
    head, text, caret = str(err).split("\n")
    assert head == "big.md:3:1000001: expected 乙"
    assert text == "    …" + "甲" * 30 + "乙" + "丙" * 29 + "…"
    # the caret stands under 乙, counting two cells for each CJK character
    assert caret == " " * (4 + 1 + 2 * 30) + "^"


def test_the_window_keeps_a_short_line_whole() -> None:
    assert excerpt("第三十五", 5) == ("第三十五", "        ^")
    assert excerpt("a\tb", 3) == ("a b", "  ^")


def test_a_long_message_is_cut_and_counted() -> None:
    message = "x" * 3_000_000
    for err in (
        ParseError(message, line=1, column=1),
        CitationError(message),
        SerializationError(message, path="$"),
    ):
        text = str(err)
        assert len(text) < MESSAGE_LIMIT + 100
        assert text.endswith(f"… ({3_000_000 - MESSAGE_LIMIT} more characters)")
        assert err.message == message  # the attribute keeps it whole, for code that wants it


def test_many_problems_are_counted_not_listed() -> None:
    problems = tuple((f"$.body[{i}]", "expected an object") for i in range(1000))
    err = SerializationError("expected an object", path="$.body[0]", errors=problems)
    lines = str(err).split("\n")
    assert len(lines) == 21
    assert lines[-1] == "… and 980 more problems"


def test_a_ten_megabyte_bad_string_gives_a_short_message() -> None:
    text = json.dumps({"schema": 1, "title": "题" * 5_000_000 + "\n"}, ensure_ascii=False)
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(text)
    assert len(str(caught.value)) < 300
    assert "(5000001 characters)" in str(caught.value)


def test_shorten() -> None:
    assert shorten("短") == "'短'"
    assert shorten("长" * 50, 3) == "'长长长'… (50 characters)"


def test_errors_still_pickle_with_their_whole_text() -> None:
    err = ParseError("m", line=2, column=3, text="x" * 100, source="s")
    back = pickle.loads(pickle.dumps(err))
    assert (back.message, back.line, back.column, back.text, back.source) == (
        "m",
        2,
        3,
        "x" * 100,
        "s",
    )


# ----------------------------------------------------------------------------- item 9: types


def test_duplicate_keys_are_refused_where_they_stand() -> None:
    with pytest.raises(SerializationError) as caught:
        wdr.from_json('{"schema":2,"schema":1}')
    assert caught.value.path == "$.schema"
    assert "given twice" in caught.value.message
    doc = '{"schema": 1, "title": "t", "history": [{"text": "a", "text": "b"}]}'
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(doc)
    assert caught.value.path == "$.history[0].text"


def test_a_number_too_long_for_python_is_a_serialization_error_with_its_position() -> None:
    doc = '{"schema": 1, "title": "x",\n "history": [' + "9" * 5000 + "]}"
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(doc)
    err = caught.value
    assert (err.line, err.column) == (2, 14)
    assert err.message == "a number of 5000 digits: no value of the format is that long"


def test_a_long_int_is_named_by_its_length() -> None:
    doc = json.dumps({"schema": 1, "title": 10**200}, ensure_ascii=False)
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(doc)
    assert caught.value.path == "$.title"
    assert caught.value.message == "expected a string, found an int of 201 digits"
    doc = json.dumps({"schema": 1, "number": 10**200}, ensure_ascii=False)
    with pytest.raises(SerializationError, match=r"Article\.number must be an int from 1 to 9999"):
        wdr.from_json(doc, Article)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_constants_json_does_not_have_are_refused(token: str) -> None:
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(f'{{"schema": 1, "number": {token}}}', Article)
    assert caught.value.path == "$.number"
    assert caught.value.message == f"expected an int, found {token}, which is not JSON"


@pytest.mark.parametrize("value", [None, 3, ["{}"], object()])
def test_from_json_names_the_type_it_reads(value: object) -> None:
    with pytest.raises(TypeError, match=r"^from_json\(\) reads a str or UTF-8 bytes, not "):
        wdr.from_json(value)  # type: ignore[call-overload]


@pytest.mark.parametrize("ref", [10**9, -1, 0, (35, 10**6), 10_000])
def test_article_numbers_no_label_can_carry_are_not_found(ref: int | tuple[int, int]) -> None:
    with pytest.raises(NotFoundError, match="has no"):
        wdr.load().article(ref)
    assert wdr.load().get_article(ref) is None


# ----------------------------------------------------------------------------- item 10


def test_a_lone_surrogate_in_json_is_refused() -> None:
    with pytest.raises(SerializationError, match="lone surrogate U\\+D800"):
        wdr.from_json('{"schema": 1, "title": "a\\ud800b"}')
    doc = '{"schema": 1, "title": "t", "body": [{"type": "paragraph", "number": 1, "text": "\\udfff"}]}'
    with pytest.raises(SerializationError) as caught:
        wdr.from_json(doc)
    assert caught.value.path == "$.body[0]"
    assert "lone surrogate U+DFFF" in caught.value.message


def test_a_pair_of_surrogates_is_one_character_and_reads() -> None:
    # "\ud83d\ude00" in JSON is U+1F600: a character, not two lone halves
    reg = wdr.from_json('{"schema": 1, "title": "\\ud83d\\ude00条例"}')
    assert reg.title == "\U0001f600条例"


def test_the_model_refuses_lone_surrogates_in_every_text() -> None:
    with pytest.raises(ValueError, match="lone surrogate"):
        Paragraph(1, "\ud800")
    with pytest.raises(ValueError, match="lone surrogate"):
        Regulation("\udc00")


# ----------------------------------------------------------------------------- properties

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8"), max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["schema", "title", "body", "type", "number", "text"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(_JSON)
def test_any_json_value_reads_or_raises_a_serialization_error(value: object) -> None:
    document = json.dumps(value, ensure_ascii=False)
    try:
        result = wdr.from_json(document)
    except SerializationError as err:
        error: SerializationError | None = err
    else:
        error = None
        assert isinstance(result, Regulation)
        assert wdr.from_json(wdr.to_json(result)) == result
    if error is not None:
        assert error.path.startswith("$")
        assert len(str(error)) < 20 * (MESSAGE_LIMIT + 200)


@given(st.text(max_size=60))
def test_any_text_reads_or_raises_a_serialization_error(text: str) -> None:
    with contextlib.suppress(SerializationError):
        wdr.from_json(text)


def test_a_lone_surrogate_in_a_source_is_a_parse_error_with_its_position() -> None:
    with pytest.raises(ParseError) as caught:
        wdr.parse("# 例\n\n第一条 甲\ud800乙")
    err = caught.value
    assert (err.line, err.column) == (3, 6)
    assert err.message == (
        "expected text, found a lone surrogate (not a character: no UTF-8 encodes it) U+D800"
    )


# A valid document with one value replaced deep inside: random JSON alone almost never gets past
# the top-level keys, so this reaches the validators of every unit (numbers, labels, dates, kinds).
_SEED_DOC = json.loads(wdr.to_json(wdr.load()))


def _paths(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*path, index))
    return out


_SEED_PATHS = [p for p in _paths(_SEED_DOC) if p]


@st.composite
def _damaged(draw: st.DrawFn) -> object:
    document = json.loads(json.dumps(_SEED_DOC))
    path = draw(st.sampled_from(_SEED_PATHS))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    how = draw(st.sampled_from(["replace", "delete"]))
    if how == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "delete" and isinstance(parent, list):
        parent.pop(path[-1])  # type: ignore[arg-type]
    else:
        parent[path[-1]] = draw(_JSON)
    return document


@given(_damaged())
def test_a_valid_document_damaged_anywhere_reads_or_raises_with_the_path(document: object) -> None:
    try:
        result = wdr.from_json(json.dumps(document, ensure_ascii=False))
    except SerializationError as err:
        error: SerializationError | None = err
    else:
        error = None
        assert isinstance(result, Regulation)
        assert wdr.from_json(wdr.to_json(result)) == result
    if error is not None:
        assert error.path.startswith("$")
        assert len(str(error)) < 20 * (MESSAGE_LIMIT + 200)
