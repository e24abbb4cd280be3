"""The structural literals of Chinese legislation (立法法 第六十五条), named once, and the labels
written from them: ``第三十五条``, ``第一百二十条之一``, ``第五章``, ``（三）``.

A leaf of the model: it imports only :mod:`.numerals`.  Units, citations and the readers and
writers above take their 第, 条, 款 … from here rather than spelling them again.

>>> article_label(120, 1), unit_label(5, CHAPTER_UNIT), item_label(3)
('第一百二十条之一', '第五章', '（三）')
"""

from __future__ import annotations

from .numerals import to_chinese

__all__ = [
    "ARTICLE_UNIT",
    "CHAPTER_UNIT",
    "INSERT_MARK",
    "ITEM_CLOSE",
    "ITEM_OPEN",
    "ORDINAL_PREFIX",
    "PARAGRAPH_UNIT",
    "PART_UNIT",
    "SECTION_UNIT",
    "SUBITEM_DOT",
    "SUBPART_UNIT",
    "UNIT_CHARS",
    "article_label",
    "item_label",
    "unit_label",
]

ORDINAL_PREFIX = "第"
PART_UNIT = "编"
SUBPART_UNIT = "分编"
CHAPTER_UNIT = "章"
SECTION_UNIT = "节"
ARTICLE_UNIT = "条"
PARAGRAPH_UNIT = "款"
INSERT_MARK = "之"
ITEM_OPEN, ITEM_CLOSE = "（", "）"
SUBITEM_DOT = "．"

#: The character that names each level of a pinpoint (the levels of :class:`.Citation`).
UNIT_CHARS = {
    "part": PART_UNIT,
    "subpart": SUBPART_UNIT,
    "chapter": CHAPTER_UNIT,
    "section": SECTION_UNIT,
    "article": ARTICLE_UNIT,
    "paragraph": PARAGRAPH_UNIT,
    "item": "项",
    "subitem": "目",
}


def unit_label(number: int, unit: str) -> str:
    """``第五章``: the label of a numbered heading (or any unit written 第N + unit)."""
    return f"{ORDINAL_PREFIX}{to_chinese(number)}{unit}"


def article_label(number: int, suffix: int = 0) -> str:
    """``第三十五条``, and ``第一百二十条之一`` for an inserted article (*suffix* N of 之N)."""
    tail = f"{INSERT_MARK}{to_chinese(suffix)}" if suffix else ""
    return f"{ORDINAL_PREFIX}{to_chinese(number)}{ARTICLE_UNIT}{tail}"


def item_label(number: int) -> str:
    """``（三）``: the printed marker of a 项."""
    return f"{ITEM_OPEN}{to_chinese(number)}{ITEM_CLOSE}"
