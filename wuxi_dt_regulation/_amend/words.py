"""The small vocabulary of instructions: the unit names and positions they use, counts written
in words, dates, and the words of a target without the particles around them.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

__all__ = [
    "POSITIONS",
    "UNIT_NAMES",
    "article_lines",
    "clean_target",
    "read_count",
    "read_date",
]

UNIT_NAMES: dict[str, Literal["article", "paragraph", "item", "subitem"]] = {
    "条": "article", "款": "paragraph", "项": "item", "目": "subitem",
}  # fmt: skip
POSITIONS: dict[str, Literal["after", "before", "end", "start"]] = {
    "后": "after", "之后": "after", "前": "before", "末尾": "end", "最后": "end",
    "开始部分": "start", "开头": "start",
}  # fmt: skip


def read_date(text: str | None) -> datetime.date | None:
    """``2025年1月1日`` as a date, or None when *text* is None or no date."""
    if text is None:
        return None
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if match is None:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def article_lines(article: object) -> list[str]:
    """The printed lines of an article read from wording (its 款, 项 and 目)."""
    lines: list[str] = []
    for paragraph in article.paragraphs:  # type: ignore[attr-defined]
        lines.extend(paragraph.lines())
    return lines


def read_count(text: str) -> int:
    """A count written in words: 两 and 二 alike (增加两款)."""
    from .._model.numerals import from_chinese

    return from_chinese(text.replace("两", "二"))


def clean_target(text: str) -> str:
    """The words of a target without the particles around them (在…中的, 将…)."""
    text = text.strip()
    for tail in ("中规定的", "规定中的", "中的", "规定的", "末尾的", "的", "中"):
        if text.endswith(tail) and len(text) > len(tail):
            return text[: -len(tail)]
    return "" if text in ("在", "将") else text.removeprefix("在").removeprefix("将")
