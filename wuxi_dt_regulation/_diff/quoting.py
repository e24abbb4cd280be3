"""Quoting new wording in an instruction, and what quoted wording reads back as.

Quoted wording opens every paragraph with “ and closes only the last with ”; it is read back by
the rules of ``_amend/wording.py`` (``read_paragraphs``), mirrored here in :func:`quotable`: a
line opening with ``（一）`` is a 项, ``1．`` a 目 of the 项 before it, anything else a new 款
(``tests/test_amend_decision.py`` checks the mirror against the reader).  A text those rules
would read otherwise (a 款 that itself opens with ``（一）``, quotation marks that do not pair)
cannot be quoted, and :class:`Unwritable` says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._model.numerals import to_chinese
from .._model.structure import Article
from .._model.units import Item, Paragraph, SubItem

__all__ = [
    "Unwritable",
    "article_quotable",
    "balanced",
    "cn",
    "fit",
    "paragraph_lines",
    "quotable",
    "quote",
]

# The rules of _amend/wording.py (read_paragraphs), mirrored: what a quoted line reads as.
_CN = "[一二三四五六七八九十百]"
_GAP = r"[\s\u3000]*"
ITEM_RE = re.compile(rf"[（(]{_CN}+[）)]{_GAP}.*", re.DOTALL)
SUBITEM_RE = re.compile(rf"[0-9]{{1,3}}[.．、](?![0-9０-９]){_GAP}.*", re.DOTALL)
FOURTH_RE = re.compile(rf"[（(][0-9]{{1,3}}[）)]{_GAP}.*", re.DOTALL)
INLINE_ITEM_RE = re.compile(r".*[：:][\s\u3000]+[（(]一[）)].*", re.DOTALL)
ARTICLE_LINE_RE = re.compile(
    r"第[零〇一二三四五六七八九十百千两0-9０-９]+条(?:之[零〇一二三四五六七八九十百千两0-9０-９]+)?(?:[\s\u3000]+.*|$)",
    re.DOTALL,
)
SECTION_LINE_RE = re.compile(r"第[零〇一二三四五六七八九十百千两0-9０-９]+节[\s\u3000]+\S.*")


class Unwritable(ValueError):
    """A change no instruction form expresses (the message says which and why)."""


def cn(number: int) -> str:
    """The Chinese numeral of *number*."""
    return to_chinese(number)


def balanced(text: str) -> bool:
    """True when the quotation marks of *text* pair up (“ before its ”), so that it can stand
    inside “…” without ending the quotation early."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def fit(text: str) -> bool:
    return bool(text) and text == text.strip() and "\n" not in text and balanced(text)


def quote(lines: Sequence[str]) -> str:
    """New wording in quotation marks: each line opens with “, only the last closes with ”."""
    return "\n\n".join(f"“{line}" for line in lines) + "”"


def paragraph_lines(paragraphs: Iterable[Paragraph]) -> list[str]:
    """The printed lines of *paragraphs* (their 项 and 目 with their markers)."""
    return [line for p in paragraphs for line in p.lines()]


def _items_quotable(items: tuple[Item, ...] | tuple[SubItem, ...], depth: int) -> bool:
    for item in items:
        if item.text != item.text.strip() or (depth > 0 and not item.text):
            return False
        if not _items_quotable(item.subitems, depth + 1):
            return False
    return True


def quotable(paragraphs: Sequence[Paragraph]) -> bool:
    """True when *paragraphs*, quoted line by line, read back as themselves."""
    if not paragraphs:
        return False
    had_items = False
    colon = False  # the 款 before has no 项 and ends in a colon: a 1． line is its 项
    for paragraph in paragraphs:
        text = paragraph.text
        if text:
            if ITEM_RE.fullmatch(text):
                return False
            if had_items and (SUBITEM_RE.fullmatch(text) or FOURTH_RE.fullmatch(text)):
                return False
            if colon and SUBITEM_RE.fullmatch(text):
                return False
        elif had_items:
            return False  # its 项 would join the 款 before it
        if not _items_quotable(paragraph.items, 0):
            return False
        had_items = bool(paragraph.items)
        last = paragraph.continuation[-1] if paragraph.continuation else text
        colon = not had_items and last.endswith(("：", ":"))
    for line in paragraph_lines(paragraphs):
        if not fit(line) or (("一）" in line or "一)" in line) and INLINE_ITEM_RE.fullmatch(line)):
            return False
    return True


def article_quotable(article: Article, *, labelled: bool = False) -> bool:
    """True when the article can be quoted whole: alone (``增加一条``: its first line must not
    read as an article label) or *labelled* (``第X条 …`` among others under a new heading)."""
    lines = paragraph_lines(article.paragraphs)
    if not quotable(article.paragraphs):
        return False
    rest = lines[1:] if labelled else lines
    return not any(
        ARTICLE_LINE_RE.fullmatch(line) or SECTION_LINE_RE.fullmatch(line) for line in rest
    )
