"""Numerals at their edges: places written twice, 零 where it must and must not stand, the
bounds of Arabic input, and the exact message of every refusal (mutation testing found each of
these unpinned: docs/mutation.md)."""

from __future__ import annotations

import pytest

from wuxi_dt_regulation import from_chinese, to_chinese

from .exact import exactly


@pytest.mark.parametrize(
    "text",
    # the same place twice (一百一百 would read as 200 if equal places were let through) and
    # a place after a smaller one
    ["一百一百", "一千一千", "二十二十", "十一十", "一百零一百", "一十一十", "九一", "一十一百"],
)
def test_a_place_is_written_once_and_in_decreasing_order(text: str) -> None:
    with pytest.raises(ValueError, match=exactly(f"places out of order in {text!r}")):
        from_chinese(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("一百一", "missing 零 in '一百一'"),  # 101 is 一百零一
        ("一千一", "missing 零 in '一千一'"),
        ("一千一十", "missing 零 in '一千一十'"),  # 1010 is 一千零一十
        ("一千零一百", "needless 零 in '一千零一百'"),  # 1100 is 一千一百
        ("一百零十", "unexpected '十' at position 4 in '一百零十'"),
        ("一百零一十", "needless 零 in '一百零一十'"),
    ],
)
def test_zero_stands_exactly_where_places_are_skipped(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        from_chinese(text)


@pytest.mark.parametrize(
    ("text", "number"),
    # the skipped place is the only way these are told apart from a misreading
    [("一千零一十", 1010), ("一千零一", 1001), ("一千一百", 1100), ("一千零一十一", 1011)],
)
def test_zero_across_skipped_places(text: str, number: int) -> None:
    assert from_chinese(text) == number


@pytest.mark.parametrize(
    ("text", "number"), [("1", 1), ("１", 1), ("9999", 9999), ("９９９９", 9999)]
)
def test_arabic_bounds_are_inclusive(text: str, number: int) -> None:
    assert from_chinese(text) == number


@pytest.mark.parametrize("text", ["0", "00", "10000", "１００００"])
def test_arabic_outside_the_bounds(text: str) -> None:
    with pytest.raises(
        ValueError, match=exactly(f"legal numerals run from 1 to 9999, got {text!r}")
    ):
        from_chinese(text)


@pytest.mark.parametrize(
    ("value", "message"),
    [(5, "expected a str, got int"), (None, "expected a str, got NoneType")],
)
def test_from_chinese_names_the_wrong_type(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=exactly(message)):
        from_chinese(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [(True, "expected an int, got bool"), (1.0, "expected an int, got float"),
     ("5", "expected an int, got str")],
)  # fmt: skip
def test_to_chinese_names_the_wrong_type(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=exactly(message)):
        to_chinese(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_to_chinese_range_message(n: int) -> None:
    with pytest.raises(ValueError, match=exactly(f"legal numerals run from 1 to 9999, got {n}")):
        to_chinese(n)
