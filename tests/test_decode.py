"""The fast JSON reader (``_interchange/decode``) against the converter it stands in for.

``from_json`` and ``from_dict`` read a document in one checked pass and build the values through
the trusted constructor (``_model/trusted``); on anything they refuse, the cattrs converter
reads the document again and reports it.  These tests hold the two paths to one answer: the fast
path builds exactly what the converter builds (equal values, every node valid by
``attrs.validate``, every unit stamped where it stands), and it refuses every document the
converter refuses, so that the errors stay the converter's.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import attrs
import pytest
from hypothesis import example, given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Paragraph, Regulation, RegulationDiff, SerializationError
from wuxi_dt_regulation._interchange.converter import converter
from wuxi_dt_regulation._interchange.decode import Refused, decode, decode_pairs, read_json
from wuxi_dt_regulation._model.trusted import constructor, init_fields

from .conftest import corpus_params, version_pairs
from .strategies import regulations
from .test_hostile_interchange import _JSON, _damaged
from .values import attrs_nodes


def _fields(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("schema", "type")}


def _pairs_of(text: str) -> tuple[tuple[str, Any], ...]:
    """A document's fields as ``from_json``'s fast path reads them (objects as pair tuples)."""
    data = json.loads(text, object_pairs_hook=tuple)
    return tuple((k, v) for k, v in data if k not in ("schema", "type"))


def _slow(document: dict[str, Any], cls: type) -> Any:
    return converter().structure(_fields(document), cls)


def _same(fast: object, slow: object) -> None:
    """Equal, valid everywhere, and every unit knows the same place (the hidden stamps)."""
    assert fast == slow
    fast_nodes, slow_nodes = attrs_nodes(fast), attrs_nodes(slow)
    assert [type(n) for n in fast_nodes] == [type(n) for n in slow_nodes]
    for a, b in zip(fast_nodes, slow_nodes, strict=True):
        attrs.validate(a)
        assert getattr(a, "_cite", None) == getattr(b, "_cite", None)


def _check(text: str, cls: type) -> None:
    document = json.loads(text)
    slow = _slow(document, cls)
    _same(decode(_fields(document), cls), slow)
    _same(decode_pairs(_pairs_of(text), cls), slow)
    _same(wdr.from_json(text, cls), slow)


@pytest.mark.parametrize("path", corpus_params())
def test_the_fast_path_builds_what_the_converter_builds_for_the_corpus(path: Any) -> None:
    _check(wdr.to_json(wdr.parse_file(path)), Regulation)


@pytest.mark.parametrize(("old", "new"), version_pairs()[:2])
def test_the_fast_path_reads_a_diff_as_the_converter_does(old: Any, new: Any) -> None:
    a, b = wdr.parse_file(old), wdr.parse_file(new)
    text = wdr.to_json(wdr.diff(a, b))
    _check(text, RegulationDiff)
    assert wdr.from_json(text, RegulationDiff).apply(a) == b


@given(regulations())
def test_the_fast_path_builds_what_the_converter_builds(reg: Regulation) -> None:
    _check(wdr.to_json(reg), Regulation)


def _outcome(document: object) -> tuple[str, object]:
    """What the converter makes of a document: ("value", v) or ("error", (path, message))."""
    try:
        return "value", wdr.from_dict(document)
    except SerializationError as err:
        return "error", (err.path, str(err))


def _fast_outcome(text: str) -> object:
    try:
        return read_json(text, None)
    except Refused:
        return Refused


def _infinite(value: object) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_infinite(v) for v in value.values())
    return isinstance(value, list) and any(_infinite(v) for v in value)


@given(_damaged())
@example({"schema": math.inf, "type": "regulation", "title": "例", "body": []})
@example({"schema": 1, "title": "例", "body": [{"type": "article", "number": -math.inf}]})
def test_the_fast_path_refuses_what_the_converter_refuses(document: object) -> None:
    text = json.dumps(document, ensure_ascii=False)
    kind, slow = _outcome(document)
    fast = _fast_outcome(text)
    if kind == "error":
        assert fast is Refused
        with pytest.raises(SerializationError) as caught:
            wdr.from_json(text)
        got = (caught.value.path, str(caught.value))
        assert isinstance(slow, tuple)
        if got != slow:
            # json.dumps wrote Infinity or NaN, which JSON has not: from_json says so where the
            # converter, given the float itself, says "the number inf"; nothing else differs
            assert _infinite(document) and got[0] == slow[0]
            assert slow[1].endswith(("found the number inf", "found the number -inf", "nan"))
            assert re.search(r"found (-?Infinity|NaN), which is not JSON$", got[1])
    elif fast is not Refused:
        _same(fast, slow)


@given(_JSON)
def test_any_json_value_the_fast_path_builds_the_converter_builds(value: object) -> None:
    text = json.dumps({"schema": 1, "title": "例", "body": value}, ensure_ascii=False)
    kind, slow = _outcome(json.loads(text))
    fast = _fast_outcome(text)
    if kind == "error":
        assert fast is Refused
    elif fast is not Refused:
        _same(fast, slow)


@pytest.mark.parametrize(
    "text",
    [
        '{"schema": 1, "title": "例", "body": [{"type": "article", "number": 1, "number": 2}]}',
        '{"schema": 1, "title": "例", "history": [{"type": "event", "text": "2023年通过"}]}',
        '{"schema": 1, "title": "例", "body": [{"type": "article", "number": true}]}',
        '{"schema": 1, "title": "例", "body": [{"number": 1}]}',
        '{"schema": 1, "title": "例", "warnings": []}',
        '{"schema": 1, "title": "例", "body": [{"type": "article", "number": NaN}]}',
        '{"schema": 1, "title": "例", "toc": "第一章"}',
        '{"schema": 1, "title": "例", "body": [{"type": "chapter", "number": 1, "children": '
        '[{"type": "article", "number": 1, "paragraphs": [{"number": 2, "text": "甲"}]}]}]}',
    ],
)
def test_a_wrong_document_goes_to_the_converter(text: str) -> None:
    """Each holds one thing the converter refuses: a key twice, a tag where none stands, a bool
    for an int, no tag, a field never written, NaN, a string for an array, a 款 misnumbered."""
    assert _fast_outcome(text) is Refused
    with pytest.raises(SerializationError):
        wdr.from_json(text)


def test_the_trusted_constructor_equals_the_public_one_and_still_checks() -> None:
    make = constructor(Paragraph)
    assert [f.name for f in init_fields(Paragraph)] == [
        "number", "text", "items", "break_before", "continuation"
    ]  # fmt: skip
    assert make(1, "甲", (), False, ()) == Paragraph(1, "甲")
    quoting = ("将第一条修改为：“甲。", ("“乙。”",))  # a 款 that quotes over two paragraphs
    assert make(1, quoting[0], (), False, quoting[1]) == Paragraph(
        1, quoting[0], continuation=quoting[1]
    )
    with pytest.raises(ValueError, match="needs text or items"):
        make(1, "", (), False, ())
    article = constructor(Article)(3, 0, (make(1, "甲", (), False, ()),))
    assert article == Article(3, paragraphs=(Paragraph(1, "甲"),))
    attrs.validate(article)
