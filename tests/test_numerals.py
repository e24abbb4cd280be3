"""Legal numerals: round trips, an independent table of canonical forms, and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wuxi_dt_regulation import from_chinese, to_chinese

from .exact import exactly

# An independent table, written out by hand from the conventions (docs/numerals.md), not computed.
CANONICAL = {
    1: "一", 9: "九", 10: "十", 11: "十一", 15: "十五", 19: "十九", 20: "二十", 21: "二十一",
    55: "五十五", 99: "九十九", 100: "一百", 101: "一百零一", 105: "一百零五", 110: "一百一十",
    111: "一百一十一", 119: "一百一十九", 120: "一百二十", 200: "二百", 209: "二百零九",
    999: "九百九十九", 1000: "一千", 1001: "一千零一", 1010: "一千零一十", 1011: "一千零一十一",
    1100: "一千一百", 1101: "一千一百零一", 1110: "一千一百一十", 1260: "一千二百六十",
    2000: "二千", 2008: "二千零八", 3050: "三千零五十", 9009: "九千零九", 9999: "九千九百九十九",
}  # fmt: skip


@pytest.mark.parametrize(("number", "text"), sorted(CANONICAL.items()))
def test_canonical_table(number: int, text: str) -> None:
    assert to_chinese(number) == text
    assert from_chinese(text) == number


def test_round_trip_every_number() -> None:
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 10000))


def _reference(n: int) -> str:
    """A second, digit-by-digit implementation of the same conventions."""
    digits = "零一二三四五六七八九"
    units = ["千", "百", "十", ""]
    places = [int(d) for d in f"{n:04d}"]
    out = ""
    started = False
    gap = False
    for digit, unit in zip(places, units, strict=True):
        if digit == 0:
            gap = started
            continue
        if gap:
            out += "零"
        out += digits[digit] + unit
        started = True
        gap = False
    return out[1:] if out.startswith("一十") else out


@given(st.integers(1, 9999))
def test_agrees_with_reference(n: int) -> None:
    assert to_chinese(n) == _reference(n)


@pytest.mark.parametrize(
    ("text", "number"),
    [("一十", 10), ("一十五", 15), ("一百十", 110), ("两百", 200), ("两千零一", 2001),
     ("35", 35), ("３５", 35), ("1260", 1260)],
)  # fmt: skip
def test_tolerant_input(text: str, number: int) -> None:
    assert from_chinese(text) == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty numeral"),
        ("十十", "unexpected '十' at position 2 in '十十'"),
        ("壹", "unexpected '壹' at position 1 in '壹'"),
        ("abc", "unexpected 'a' at position 1 in 'abc'"),
        ("一百零", "trailing 零 in '一百零'"),
        ("零一", "misplaced 零 at position 1 in '零一'"),
        ("一百一", "missing 零 in '一百一'"),
        ("一零", "trailing 零 in '一零'"),
        ("两十", "两 counts only hundreds or thousands in '两十'"),
        ("百", "unexpected '百' at position 1 in '百'"),
        ("一千零零一", "misplaced 零 at position 4 in '一千零零一'"),
        ("0", "legal numerals run from 1 to 9999, got '0'"),
        ("10000", "legal numerals run from 1 to 9999, got '10000'"),
        ("〇", "unexpected '〇' at position 1 in '〇'"),
        ("一〇一", "unexpected '〇' at position 2 in '一〇一'"),
        ("三十X", "unexpected 'X' at position 3 in '三十X'"),
        (" 五", "unexpected ' ' at position 1 in ' 五'"),
        ("五 ", "unexpected ' ' at position 2 in '五 '"),
    ],
)
def test_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=exactly(message)):
        from_chinese(text)


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_to_chinese_range(n: int) -> None:
    with pytest.raises(ValueError, match="1 to 9999"):
        to_chinese(n)


def test_to_chinese_type() -> None:
    with pytest.raises(TypeError, match=exactly("expected an int, got bool")):
        to_chinese(True)
