"""The prebuilt form of a regulation (``_model/packed``) and the bundled seed read from it.

``load()`` reads the seed from ``data/…marshal`` instead of parsing the Markdown at a cold
start.  These tests hold the shipped form to a fresh strict parse of the shipped source (a
change to the parser or the model that changes the seed's values fails here until
``scripts/pack_seed.py`` is run), ``unpack(pack(r))`` to ``r`` node by node, hidden fields
included, over the corpus and generated regulations, and the refusals of a form that was not
made from the text at hand or for the model's classes as they are.
"""

from __future__ import annotations

import marshal
import pickle
from pathlib import Path

import pytest
from hypothesis import given

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation
from wuxi_dt_regulation._markdown import bundled
from wuxi_dt_regulation._markdown.bundled import SEED_NAME, pack_path, seed_text
from wuxi_dt_regulation._model.packed import FORMAT, pack, signature, unpack

from .conftest import corpus_params
from .strategies import regulations
from .values import assert_same_nodes


def _identical(got: Regulation, want: Regulation) -> None:
    """Equal node by node: the same types, every field equal, hidden ones included."""
    assert_same_nodes(got, want)
    assert hash(got) == hash(want)
    assert got.warnings == want.warnings
    assert got._index == want._index
    # the index holds the articles of the body itself, not copies
    assert all(any(a is b for b in got.articles) for a in got._index.values())


def _round_trip(reg: Regulation, source: str) -> Regulation:
    again = unpack(marshal.loads(marshal.dumps(pack(reg, source))), source)
    assert again is not None
    return again


def test_the_shipped_form_is_a_fresh_strict_parse_of_the_shipped_source() -> None:
    text = seed_text()
    with open(pack_path(), "rb") as handle:
        shipped = marshal.loads(handle.read())
    fresh = pack(wdr.parse(text, source=SEED_NAME, strict=True), text)
    assert shipped == fresh, "the seed's prebuilt form is stale: run python scripts/pack_seed.py"


def test_load_is_the_strict_parse_node_by_node() -> None:
    _identical(wdr.load(), wdr.parse(seed_text(), source=SEED_NAME, strict=True))
    again = pickle.loads(pickle.dumps(wdr.load()))
    assert again == wdr.load()
    assert again._index == wdr.load()._index


@pytest.mark.parametrize("path", corpus_params())
def test_round_trip_over_the_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    reg = wdr.parse(text)
    _identical(_round_trip(reg, text), reg)


@given(regulations())
def test_round_trip(reg: Regulation) -> None:
    text = wdr.render(reg)
    _identical(_round_trip(reg, text), reg)


def test_a_form_made_from_another_text_or_model_is_refused() -> None:
    text = "# 示例条例\n\n第一条 为了示例，制定本条例。"
    packed = pack(wdr.parse(text), text)
    assert unpack(packed, text) == wdr.parse(text)
    assert unpack(packed, text + "\n") is None  # another source, by one byte
    assert unpack((FORMAT + 1, *packed[1:]), text) is None
    renamed = ((signature()[0][0], ("number", "words")), *signature()[1:])
    assert unpack((packed[0], packed[1], renamed, packed[3]), text) is None
    assert unpack(list(packed), text) is None
    assert unpack(packed[:3], text) is None


def test_pack_refuses_what_is_not_a_value_of_the_model() -> None:
    reg = wdr.parse("# 示例条例\n\n第一条 为了示例。")
    object.__setattr__(reg, "toc", (1.5,))  # no constructor would take it
    with pytest.raises(TypeError, match="cannot pack a float"):
        pack(reg, "")


@pytest.mark.parametrize("form", ["missing", "stale", "garbage"])
def test_load_parses_the_source_when_the_form_cannot_be_used(
    form: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seed.marshal"
    if form == "stale":
        path.write_bytes(marshal.dumps(pack(wdr.parse("# 别的\n\n第一条 甲。"), "# 别的")))
    elif form == "garbage":
        path.write_bytes(b"\x00not marshal")
    monkeypatch.setattr(bundled, "pack_path", lambda: str(path))
    monkeypatch.setattr(bundled, "_loaded", [])
    reg = bundled.load()
    _identical(reg, wdr.parse(seed_text(), source=SEED_NAME, strict=True))
