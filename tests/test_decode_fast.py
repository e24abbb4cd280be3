"""The regulation readers written per class (``_interchange/decode_units``, ``decode_tree``)
against the cattrs converter they stand in for.

``from_json`` reads a regulation with functions written for its classes: the usual 款 by
position, every other object through one keyed path, each unit stamped as it is built.  These
tests hold them to the converter: they are taken for every document ``to_json`` writes (the
corpus, generated regulations, and their keys in any order), they build exactly what the
converter builds (every field equal, hidden ones included: the stamps, the 款's reading-rules
flag, the article index), and on a document damaged anywhere they build the converter's value
or refuse, so that the error is the converter's.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Item, Paragraph, Regulation, SerializationError
from wuxi_dt_regulation._interchange import decode_tree
from wuxi_dt_regulation._interchange.converter import converter
from wuxi_dt_regulation._interchange.decode import Refused, read_json
from wuxi_dt_regulation._interchange.decode_units import DICTS, PAIRS
from wuxi_dt_regulation._interchange.documents import document_classes

from .conftest import corpus_params
from .strategies import regulations
from .values import assert_same_nodes


def _same(fast: object, slow: object) -> None:
    """Equal, of the same types node by node, valid, and every field equal, hidden ones too."""
    assert_same_nodes(fast, slow)


def _converted(document: dict[str, Any]) -> Any:
    """What the cattrs converter builds of a regulation document (it raises what it refuses)."""
    fields = {k: v for k, v in document.items() if k not in ("schema", "type")}
    return converter().structure(fields, Regulation)


def test_the_readers_are_those_of_the_model() -> None:
    """The guard holds for the model as it is (else every regulation is read by the generic
    plan, silently slower), and the readers are for pair tuples only."""
    assert decode_tree.regulation_reader(PAIRS) is not None
    assert decode_tree.regulation_reader(DICTS) is None


def test_a_class_that_changed_is_read_by_the_generic_plan(monkeypatch: Any) -> None:
    changed = dict(decode_tree.AS_WRITTEN)
    changed[Paragraph] = (*changed[Paragraph], "added")
    monkeypatch.setattr(decode_tree, "AS_WRITTEN", changed)
    assert decode_tree.regulation_reader(PAIRS) is None


@pytest.mark.parametrize("path", corpus_params())
def test_the_corpus_is_read_by_the_fast_path(path: Any) -> None:
    reg = wdr.parse_file(path)
    text = wdr.to_json(reg)
    fast = read_json(text, None)  # raises Refused if the fast path turned it away
    _same(fast, _converted(json.loads(text)))
    _same(fast, attrs.evolve(reg, warnings=()))  # what the parser built (no warnings written)


@given(regulations())
def test_a_generated_regulation_is_read_by_the_fast_path(reg: Regulation) -> None:
    text = wdr.to_json(reg)
    fast = read_json(text, None)
    _same(fast, _converted(json.loads(text)))
    _same(fast, attrs.evolve(reg, warnings=()))


def _unusual() -> list[Regulation]:
    """Regulations whose 款 take the class's own checks: a quotation left open (the reading
    rules' flag set), an introduction with no 项, items, further paragraphs, a break."""
    open_quote = Paragraph(2, "他说：“甲")
    return [
        Regulation("例", body=(Article(1, paragraphs=(Paragraph(1, "前文。"), open_quote)),)),
        Regulation("例", body=(Paragraph(1, "他说：“甲"),)),
        Regulation("例", preamble=(Paragraph(1, "序：“甲"),), body=(Article(1),)),
        Regulation("例", body=(Article(1, paragraphs=(Paragraph(1, "下列："),)),)),
        Regulation(
            "例",
            body=(
                Article(2, 1, (Paragraph(1, "下列：", (Item(1, "甲；"), Item(2, "乙。"))),)),
                Article(3, paragraphs=(Paragraph(1, "甲", break_before=True),)),
            ),
        ),
    ]


@pytest.mark.parametrize("reg", _unusual(), ids=range(len(_unusual())))
def test_the_unusual_paragraph_is_read_with_its_checks(reg: Regulation) -> None:
    text = wdr.to_json(reg)
    fast = read_json(text, None)
    _same(fast, reg)
    _same(fast, _converted(json.loads(text)))


def _reordered(value: Any) -> Any:
    """*value* with the keys of every object in reverse order (a ``"type"`` tag last)."""
    if isinstance(value, dict):
        return {k: _reordered(value[k]) for k in reversed(value)}
    if isinstance(value, list):
        return [_reordered(x) for x in value]
    return value


@given(regulations())
def test_keys_in_any_order_read_the_same(reg: Regulation) -> None:
    """The keyed path: a document whose keys stand in another order (a hand-written one) is
    read to the same value, by the fast path when its tags still come first."""
    document = _reordered(wdr.to_dict(reg))
    text = json.dumps(document, ensure_ascii=False)
    plain = attrs.evolve(reg, warnings=())
    _same(wdr.from_json(text), plain)
    tags_first = _reordered(json.loads(wdr.to_json(reg)))
    _tags_first(tags_first)
    _same(read_json(json.dumps(tags_first, ensure_ascii=False), None), plain)


def _tags_first(value: Any) -> None:
    if isinstance(value, dict):
        if "type" in value:
            tag = value.pop("type")
            rest = dict(value)
            value.clear()
            value.update({"type": tag, **rest})
        for x in value.values():
            _tags_first(x)
    elif isinstance(value, list):
        for x in value:
            _tags_first(x)


# --------------------------------------------------------------------------- damaged documents

_VALUES: st.SearchStrategy[object] = st.sampled_from(
    [None, True, False, 0, -1, 1, 2, 10000, 1.0, "", " 甲", "甲 ", "甲\n乙", "“甲", "甲：", "甲",
     "第一条", "附件一", [], {}, ["甲"], [{}], {"number": 1}]
)  # fmt: skip


def _places(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) of a JSON value, depth first."""
    if isinstance(value, dict):
        for key, x in value.items():
            out.append((value, key))
            _places(x, out)
    elif isinstance(value, list):
        for index, x in enumerate(value):
            out.append((value, index))
            _places(x, out)
    return out


def _dump(value: Any, twice: tuple[int, str] | None) -> str:
    """JSON text of *value*; the object whose id is ``twice[0]`` names its key ``twice[1]``
    twice (json.dumps cannot write that)."""
    if isinstance(value, dict):
        items = list(value.items())
        if twice is not None and id(value) == twice[0]:
            items.insert(0, (twice[1], value[twice[1]]))
        inner = (f"{json.dumps(k, ensure_ascii=False)}: {_dump(x, twice)}" for k, x in items)
        return "{" + ", ".join(inner) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_dump(x, twice) for x in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[dict[str, Any], str, bool]:
    """A generated regulation's document damaged in one place: a value replaced, nudged or
    removed, a key added, or named twice.  Returns the document, its text, and whether a key
    is named twice in the text (the document then holds the last of them, as json reads it)."""
    document = wdr.to_dict(draw(regulations(max_chapters=2)))
    places = _places(document, [])
    parent, key = places[draw(st.integers(0, len(places) - 1))]
    how = draw(st.sampled_from(["replace", "nudge", "delete", "add", "twice"]))
    twice = None
    value = parent[key]
    if how == "replace":
        parent[key] = draw(_VALUES)
    elif how == "nudge" and type(value) is int:
        parent[key] = value + draw(st.sampled_from([-1, 1, 9999]))
    elif how == "nudge" and isinstance(value, str):
        parent[key] = value + draw(st.sampled_from(["：", "“", "”", " ", "\u200b", "\x07"]))
    elif how == "nudge" and isinstance(value, list) and value:
        parent[key] = draw(st.sampled_from([value[::-1], value + value[-1:], value[1:]]))
    elif how == "delete" and isinstance(parent, dict):
        del parent[key]
    elif how == "delete":
        parent.pop(key)
    elif how == "add" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["type", "extra", "warnings", "suffix", "items"]))] = draw(
            _VALUES
        )
    elif how == "twice" and isinstance(parent, dict):
        twice = (id(parent), key)
    return document, _dump(document, twice), twice is not None


@given(_damaged())
def test_a_damaged_document_reads_as_the_converter_reads_it(case: Any) -> None:
    document, text, twice = case
    try:
        fast: object = read_json(text, None)
    except Refused:
        fast = Refused
    if twice:  # the converter never sees the key twice: the fast path must not take it
        assert fast is Refused
        with pytest.raises(SerializationError, match="given twice"):
            wdr.from_json(text)
        return
    classes = document_classes()
    kind = document.get("type", "regulation")
    if document.get("schema") != 1 or not isinstance(kind, str) or kind not in classes:
        assert fast is Refused
        return
    try:
        slow = _converted(document) if document.get("type") in (None, "regulation") else None
    except Exception:
        assert fast is Refused  # the converter refuses it: so must the fast path
        with pytest.raises(SerializationError) as read:
            wdr.from_json(text)
        with pytest.raises(SerializationError) as converted:
            wdr.from_dict(document)
        assert (read.value.path, read.value.errors) == (
            converted.value.path,
            converted.value.errors,
        )  # the converter's error, unchanged
        return
    if slow is not None and fast is not Refused:
        _same(fast, slow)
