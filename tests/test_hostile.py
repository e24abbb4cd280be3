"""Hostile and careless input (issue 12): every public function returns a correct value or raises
a documented error.  Each section belongs to one part of the library and stands alone.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation, RegulationDiff, SerializationError

# =========================================================================== diff (items 9, 12)
#
# RegulationDiff.apply() and diff(): wrong types are TypeError naming the type expected; a diff
# read from JSON whose indices point nowhere is refused on reading (SerializationError with its
# path), never an IndexError from apply(); and no field of a diff's JSON can be edited to make it
# apply to another regulation: apply() compares the regulation it is given with the old version
# the diff holds, by content (a fingerprint field used to be trusted; there is none now).

_A = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款原文。\n\n第三条 旧条文。\n"
_B = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本行政区域。\n\n第二款原文。\n\n第三条 新条文。\n"
# same title, same articles but one word, in a paragraph the patch takes from the old version:
# what a forged fingerprint used to let apply() patch into a wrong new version
_C = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款另文。\n\n第三条 旧条文。\n"


def _diff_data() -> tuple[Regulation, Regulation, Regulation, dict[str, Any]]:
    a, b, c = wdr.parse(_A), wdr.parse(_B), wdr.parse(_C)
    return a, b, c, wdr.to_dict(wdr.diff(a, b))


def _old_paragraph_slots(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for slot in data["slots"] if slot for s in slot if s["type"] == "old_paragraph"]


def test_diff_apply_names_the_type_it_takes() -> None:
    d = wdr.diff(wdr.parse(_A), wdr.parse(_B))
    for bad in ("x", None, b"# x", {"title": "x"}):
        with pytest.raises(TypeError) as info:
            d.apply(bad)  # type: ignore[arg-type]
        message = str(info.value)
        assert message == f"RegulationDiff.apply() takes a Regulation, not {type(bad).__name__}"
        assert "bound method" not in message


@pytest.mark.parametrize("bad", [None, "# 例", b"# x", 3])
def test_diff_names_the_type_it_takes(bad: object) -> None:
    reg = wdr.parse(_A)
    shown = type(bad).__name__
    with pytest.raises(
        TypeError, match=f"diff\\(\\) compares two Regulation values; old is {shown}"
    ):
        wdr.diff(bad, reg)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"new is {shown}"):
        wdr.diff(reg, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["slots"][1][1].update(article_index=99),
            "slots[1][1] takes article_index 99; the old version has 3 articles",
        ),
        (
            lambda d: d["slots"][1][1].update(paragraph_index=7),
            "slots[1][1] takes paragraph_index 7 of 第二条, which has 2 paragraphs",
        ),
        (
            lambda d: d["slots"][0][0].update(paragraph_index=1),
            "slots[0][0] takes paragraph_index 1 of 第一条, which has 1 paragraph",
        ),
        (
            lambda d: d["old_sources"].__setitem__(0, [99, 0]),
            "old_sources[0] is [99, 0]: not an old article of the rows, or one already placed",
        ),
        (
            lambda d: d["old_sources"].__setitem__(1, d["old_sources"][0]),
            "old_sources[1] is",
        ),
        (lambda d: d["old_sources"].pop(), "old_sources has 2 entries; old_template has 3"),
        (lambda d: d["slots"].pop(), "slots has 2 entries; template has 3 articles"),
        (
            lambda d: d["slots"].__setitem__(2, None),
            "slots[2] makes 第三条 other than the rows show it",
        ),
    ],
)
def test_a_diff_whose_indices_point_nowhere_does_not_read(edit: Any, message: str) -> None:
    *_, data = _diff_data()
    edit(data)
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data, RegulationDiff)
    assert info.value.path == "$"
    assert str(info.value).startswith(f"$: {message}")
    with pytest.raises(SerializationError):
        wdr.from_json(json.dumps(data, ensure_ascii=False), RegulationDiff)


@given(
    st.sampled_from(("article_index", "paragraph_index")),
    st.integers(-(2**40), 2**40),
    st.integers(0, 10),
)
def test_any_index_in_a_diff_reads_or_is_refused(field: str, value: int, which: int) -> None:
    a, b, _, data = _diff_data()
    slots = _old_paragraph_slots(data)
    slots[which % len(slots)][field] = value
    try:
        d = wdr.from_dict(data, RegulationDiff)
    except SerializationError as err:
        path = err.path
    else:
        # it read: the index named a paragraph with the same text, and the patch still makes b
        assert d.apply(a) == b
        return
    assert path == "$" or path.startswith("$.slots[")  # the reader names negative ones


def test_a_forged_fingerprint_field_is_refused() -> None:
    a, b, c, data = _diff_data()
    data["fingerprint"] = wdr.diff(c, b).fingerprint
    with pytest.raises(SerializationError, match="unknown field 'fingerprint'"):
        wdr.from_dict(data, RegulationDiff)
    d = wdr.diff(a, b)
    assert d.fingerprint == wdr.diff(a, c).fingerprint != wdr.diff(c, a).fingerprint


def test_apply_compares_content_not_a_field() -> None:
    a, b, c, data = _diff_data()
    d = wdr.from_dict(data, RegulationDiff)
    with pytest.raises(
        wdr.PatchError, match=r"cannot be applied to 《示例条例》 .*: 第二条 differs"
    ):
        d.apply(c)
    # swapping in the skeleton of the diff from C changes nothing: the articles the table shows
    # are A's, and apply() compares C with them
    forged = dict(data, old_template=wdr.to_dict(wdr.diff(c, b))["old_template"])
    forged.pop("schema")
    d = wdr.from_dict({"schema": 1, **forged}, RegulationDiff)
    with pytest.raises(wdr.PatchError):
        d.apply(c)
    assert d.apply(a) == b


def test_a_forged_old_side_no_longer_makes_the_new_side() -> None:
    # putting C's articles where the table shows A's: the paragraph the patch takes from the old
    # version is now C's, so the patch no longer makes the articles the table shows
    _, b, c, data = _diff_data()
    theirs = wdr.to_dict(wdr.diff(c, b))
    for row, twin in zip(data["rows"], theirs["rows"], strict=True):
        row["old"] = twin.get("old", [])
    with pytest.raises(SerializationError, match="the patch and the table disagree"):
        wdr.from_dict(data, RegulationDiff)


def test_a_diff_applies_to_what_its_table_shows() -> None:
    # the limit of what can be checked: a whole old side swapped consistently is a diff of other
    # versions (nothing signs a diff), and it shows them: its table's left column is C
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(c, b)), RegulationDiff)
    shown = sorted((a.key, a.paragraphs) for row in d.rows for a in row.old)
    assert shown == sorted((x.key, x.paragraphs) for x in c.articles)
    assert d.apply(c) == b
    with pytest.raises(wdr.PatchError):
        d.apply(a)


@given(st.integers(0, 2**32))
def test_a_diff_applies_to_its_own_old_version_only(seed: int) -> None:
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(a, b)), RegulationDiff)
    other = c if seed % 2 else attrs.evolve(a, title="另一条例")
    with pytest.raises(wdr.PatchError):
        d.apply(other)
    assert d.apply(a) == b
