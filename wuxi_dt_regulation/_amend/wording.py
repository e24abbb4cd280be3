"""Quoted new wording read into units, the way the Markdown reader reads a document.

The rules are the lexer's (FORMAT.md, "Units"), applied to the lines of one quotation:

==========================  =================================================================
line                        read as
==========================  =================================================================
``第X条 …`` / ``第X条之N …``  a new article (only in :func:`read_articles`), its text its 款 1
``（一）…`` / ``(一)…``        a 项 of the 款 open (a 款 with no text of its own when none is)
``1．…`` ``1.…`` ``1、…``     a 目 of the 项 open (else a 款)
``（1）…``                   a fourth level inside the 目 open, else a 目 of the 项 open
``…： （一）…``               an introduction and its first 项 on one line: split
anything else               a new 款
==========================  =================================================================

This module builds the units itself instead of calling the Markdown parser on a synthesised
document, because a quoted line such as ``第二百一十九条规定的…`` would read there as an article
heading: here the caller says what the lines are.

>>> [p.text for p in read_paragraphs(("甲。", "乙："))]
['甲。', '乙：']
>>> read_paragraphs(("乙：", "（一）丙；", "1．丁"))[0].items[0].subitems[0].text
'丁'
>>> [a.label for a in read_articles(("第一百二十条之二 甲。", "乙。", "第一百二十条之三 丙。"))]
['第一百二十条之二', '第一百二十条之三']
"""

from __future__ import annotations

import re

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.numerals import from_chinese
from .._model.structure import Article
from .._model.units import Item, Paragraph, SubItem

__all__ = [
    "ARTICLE_LINE_RE",
    "HEADING_LINE_RE",
    "read_articles",
    "read_items",
    "read_paragraphs",
    "split_wording",
]

_CN = "[一二三四五六七八九十百]"
_NUM = "[零〇一二三四五六七八九十百千两0-9０-９]"
_GAP = r"[\s\u3000]*"

ITEM_RE = re.compile(rf"[（(](?P<num>{_CN}+)[）)]{_GAP}(?P<text>.*)", re.DOTALL)
SUBITEM_RE = re.compile(rf"(?P<num>[0-9]{{1,3}})[.．、](?![0-9０-９]){_GAP}(?P<text>.*)", re.DOTALL)
FOURTH_RE = re.compile(rf"[（(](?P<num>[0-9]{{1,3}})[）)]{_GAP}(?P<text>.*)", re.DOTALL)
INLINE_ITEM_RE = re.compile(r"(?P<intro>.*[：:])[\s\u3000]+(?P<item>[（(]一[）)].*)", re.DOTALL)
#: A 章 or 节 heading line inside quoted wording: ``第七节 监察委员会``.
HEADING_LINE_RE = re.compile(rf"第(?P<num>{_NUM}+)(?P<unit>章|节)[\s\u3000]*(?P<title>.*)")
#: An article label opening a line of quoted wording: ``第一百二十条之二 …``.
ARTICLE_LINE_RE = re.compile(
    rf"""第(?P<num>{_NUM}+)条              # 第一百二十条
        (?:之(?P<suffix>{_NUM}+))?         # 之二
        (?:[\s\u3000]+(?P<text>.*)|$)      # a space, then the first 款 (or nothing)
    """,
    re.VERBOSE | re.DOTALL,
)


class _Open:
    """The 款 being read, with its 项 and their 目 (mutable while reading)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[tuple[int, str, list[tuple[int, str, list[tuple[int, str]]]]]] = []

    def freeze(self, number: int) -> Paragraph:
        items = tuple(
            Item(n, text, tuple(SubItem(m, sub, tuple(SubItem(k, t) for k, t in deeper))
                                for m, sub, deeper in subs))
            for n, text, subs in self.items
        )  # fmt: skip
        return Paragraph(number, self.text, items)


def _split_inline(lines: tuple[str, ...] | list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        inline = INLINE_ITEM_RE.fullmatch(line) if ("一）" in line or "一)" in line) else None
        if inline is not None:
            out.extend((inline["intro"].strip(), inline["item"].strip()))
        else:
            out.append(line)
    return out


def read_paragraphs(lines: tuple[str, ...] | list[str]) -> tuple[Paragraph, ...]:
    """Read quoted lines as 款 (numbered from 1), with their 项 and 目; see the module's table.

    Raises:
        ValueError: the lines cannot make paragraphs (none, or a text the model refuses).
    """
    paragraphs: list[_Open] = []
    fourth = False
    for line in _split_inline(lines):
        match = ITEM_RE.fullmatch(line)
        if match is not None:
            if not paragraphs:
                paragraphs.append(_Open(""))
            paragraphs[-1].items.append((from_chinese(match["num"]), match["text"].strip(), []))
            fourth = False
            continue
        open_items = paragraphs[-1].items if paragraphs else []
        if open_items:
            subs = open_items[-1][2]
            sub = SUBITEM_RE.fullmatch(line)
            if sub is not None:
                subs.append((int(sub["num"]), sub["text"].strip(), []))
                fourth = False
                continue
            deeper = FOURTH_RE.fullmatch(line)
            if deeper is not None:
                entry = (int(deeper["num"]), deeper["text"].strip())
                if subs and not fourth:  # under a 1． 目, as the parser nests it
                    subs[-1][2].append(entry)
                else:
                    subs.append((entry[0], entry[1], []))
                    fourth = True
                continue
        paragraphs.append(_Open(line))
        fourth = False
    if not paragraphs:
        raise ValueError("no wording to read")
    return tuple(p.freeze(n) for n, p in enumerate(paragraphs, 1))


def read_items(lines: tuple[str, ...] | list[str]) -> tuple[Item, ...]:
    """Read quoted lines as 项 (``（三）…`` each, with ``1．`` 目); a line with no marker is refused.

    Raises:
        ValueError: a line is neither a 项 nor a 目 of one.
    """
    paragraph = read_paragraphs(lines)
    if len(paragraph) != 1 or paragraph[0].text:
        raise ValueError(f"expected 项 (（一）…), found {lines[0]!r}")
    return paragraph[0].items


def read_articles(lines: tuple[str, ...] | list[str]) -> tuple[Article, ...]:
    """Read quoted lines as articles: each ``第X条[之N] …`` line opens one.

    Raises:
        ValueError: the first line opens no article, or an article has no text.
    """
    groups: list[tuple[int, int, list[str]]] = []
    for line in lines:
        match = ARTICLE_LINE_RE.fullmatch(line)
        if match is not None:
            suffix = from_chinese(match["suffix"]) if match["suffix"] else 0
            text = (match["text"] or "").strip()
            groups.append((from_chinese(match["num"]), suffix, [text] if text else []))
        elif not groups:
            raise ValueError(f"expected an article label (第X条), found {line!r}")
        else:
            groups[-1][2].append(line)
    out = []
    for number, suffix, body in groups:
        if not body:
            raise ValueError(f"{Article(number, suffix).label} has no text")
        out.append(Article(number, suffix, read_paragraphs(body)))
    return tuple(out)


def split_wording(lines: tuple[str, ...], unit: str, count: int) -> list[tuple[str, ...]] | None:
    """Split the wording of *count* units (条, 款, 项) added by one instruction, one per unit, or
    None when it does not split so.  Articles split at their quoted labels (a 章 or 节 heading
    line before the first is skipped); 款 one per line; 项 at each ``（N）``."""
    if unit == "条" and (count > 1 or ARTICLE_LINE_RE.fullmatch(lines[0])):
        groups: list[list[str]] = []
        for line in lines:
            match = ARTICLE_LINE_RE.fullmatch(line)
            if match is not None:
                groups.append([match["text"].strip()] if match["text"] else [])
            elif HEADING_LINE_RE.fullmatch(line) and not groups:
                continue  # the heading of a 章 or 节 added by the same instruction
            elif groups:
                groups[-1].append(line)
            else:
                return None
        if len(groups) != count or not all(groups):
            return None
        return [tuple(g) for g in groups]
    if count == 1:
        return [lines]
    if unit == "款" and len(lines) == count:
        return [(line,) for line in lines]
    if unit == "项":
        chunks: list[list[str]] = []
        for line in lines:
            if line.startswith(("（", "(")) or not chunks:
                chunks.append([line])
            else:
                chunks[-1].append(line)
        return [tuple(c) for c in chunks] if len(chunks) == count else None
    paragraphs = read_paragraphs(lines)
    if len(paragraphs) != count:
        return None
    return [tuple(p.lines()) for p in paragraphs]
