"""Chinese legal numerals: 一百零一 <-> 101.

The numbering of 编, 章, 节 and 条 in Chinese legislation uses the ordinary Chinese numerals with a
few fixed habits (docs/source-format.md):

* ten to nineteen drop the leading 一: 十, 十五 — but 一百一十, not 一百十;
* 零 fills each run of empty places exactly once: 一百零一, 一千零一十;
* 二, never 两, and never 〇 or the financial forms 壹贰叁.

:func:`to_chinese` always writes that canonical form.  :func:`from_chinese` reads it, and as
tolerant input also 一十, 一百十, 两百/两千 and Arabic digits (ASCII or full-width); anything else is
a ``ValueError``.
"""

from __future__ import annotations

__all__ = ["MAX_NUMBER", "from_chinese", "to_chinese"]

#: The largest number the numeral functions accept (四位数: 9999).
MAX_NUMBER = 9999

_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_DIGITS) if i} | {"两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))

# Memo tables, filled as numbers are used: building all 9999 forms up front would cost
# milliseconds at the first call, and load() is measured cold.
_to_cache: dict[int, str] = {}
_from_cache: dict[str, int] = {}
#: ``known_numeral(text)``: the value of a numeral :func:`from_chinese` has read before, else
#: None (its memo's ``get``: for a reader of many labels, the usual one without a call).
known_numeral = _from_cache.get


def _compose(n: int) -> str:
    parts: list[str] = []
    zero_pending = False
    rest = n
    for place, unit in _PLACES:
        digit, rest = divmod(rest, place)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(_DIGITS[digit] + unit)
        elif parts and rest:
            # an empty place between two filled ones: one 零 for the whole run
            zero_pending = True
    text = "".join(parts)
    # 十一 … 十九, not 一十一: only when ten is the highest place
    return text[1:] if 10 <= n < 20 else text


def to_chinese(n: int) -> str:
    """Return the canonical Chinese legal numeral for *n* (1 … 9999).

    >>> to_chinese(35), to_chinese(101), to_chinese(110), to_chinese(1010), to_chinese(1260)
    ('三十五', '一百零一', '一百一十', '一千零一十', '一千二百六十')

    Raises:
        ValueError: *n* is not an ``int`` between 1 and 9999.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}")
    if not 1 <= n <= MAX_NUMBER:
        raise ValueError(f"legal numerals run from 1 to {MAX_NUMBER}, got {n}")
    text = _to_cache.get(n)
    if text is None:
        text = _to_cache[n] = _compose(n)
    return text


def from_chinese(text: str) -> int:
    """Read a Chinese (or Arabic) number as written in legal numbering.

    Grammar (tolerant reading of the canonical form)::

        number := "十" [digit]                       -- 十, 十五 (and 一十, 一十五)
                | term+                              -- 一百零一, 一千二百六十
        term   := ["零"] digit unit? | "十"          -- 十 bare only right after 百 (一百十)
        digit  := 一 … 九 | 两 (only before 百 or 千)
        unit   := 千 | 百 | 十                         -- strictly decreasing

    A 零 must stand exactly where places are skipped; digits with no unit are units.
    Arabic digits (ASCII or full-width) are accepted as they are.

    >>> from_chinese("一千二百六十"), from_chinese("一百十"), from_chinese("两百"), from_chinese("35")
    (1260, 110, 200, 35)

    Raises:
        ValueError: *text* is empty, malformed (``"十十"``, ``"一百零"``), not a numeral
            (``"壹"``, ``"abc"``), or outside 1 … 9999.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    found = _from_cache.get(text)
    if found is not None:
        return found
    if text.isdecimal():
        value = int(text)
        if not 1 <= value <= MAX_NUMBER:
            raise ValueError(f"legal numerals run from 1 to {MAX_NUMBER}, got {text!r}")
        return value
    value = _read_chinese(text)
    if not 1 <= value <= MAX_NUMBER:  # pragma: no cover - the grammar caps at 9999
        raise ValueError(f"legal numerals run from 1 to {MAX_NUMBER}, got {text!r}")
    if len(_from_cache) < 65536:
        _from_cache[text] = value
    return value


def _read_chinese(text: str) -> int:
    if not text:
        raise ValueError("empty numeral")
    total = 0
    last_place = 0  # 0: nothing read yet
    zero_pending = False
    i = 0
    size = len(text)
    while i < size:
        ch = text[i]
        if ch == "零":
            if last_place == 0 or zero_pending:
                raise ValueError(f"misplaced 零 at position {i + 1} in {text!r}")
            zero_pending = True
            i += 1
            continue
        if ch in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[ch]
            i += 1
            place = 1
            if i < size and text[i] in _UNIT_VALUE:
                place = _UNIT_VALUE[text[i]]
                i += 1
            if ch == "两" and place < 100:
                raise ValueError(f"两 counts only hundreds or thousands in {text!r}")
        elif ch == "十" and (last_place in (0, 100)) and not zero_pending:
            digit, place = 1, 10  # 十五 at the start, 一百十 (tolerated)
            i += 1
        else:
            raise ValueError(f"unexpected {ch!r} at position {i + 1} in {text!r}")
        if last_place:
            if place >= last_place:
                raise ValueError(f"places out of order in {text!r}")
            skipped = place < last_place // 10
            if skipped != zero_pending:
                what = "missing 零" if skipped else "needless 零"
                raise ValueError(f"{what} in {text!r}")
        total += digit * place
        last_place = place
        zero_pending = False
    if zero_pending:
        raise ValueError(f"trailing 零 in {text!r}")
    return total
