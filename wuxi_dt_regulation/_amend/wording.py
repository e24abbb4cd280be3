"""Quoted new wording read into units, the way the Markdown reader reads a document.

The rules are the reader's (FORMAT.md, "Units"; the reading rules of ``_model/flow.py``),
applied to the lines of one quotation:

==========================  =================================================================
line                        read as
==========================  =================================================================
``第X条 …`` / ``第X条之N …``  a new article (only in :func:`read_articles`), its text its 款 1
``（一）…`` / ``(一)…``        a 项 of the 款 open (a 款 with no text of its own when none is)
``1．…`` ``1.…`` ``１．…``     a 目 of the 项 open; right under a 款 ending in ``：``, a 项
                            numbered 1．; else a 款
``（1）…`` ``（１）…``          a fourth level inside the 目 open, else a 目 of the 项 open
``…： （一）…； （二）…``       an introduction and its 项 on one line: split
a plain line after a 项      a further paragraph of the 项 (or its 目) when the 项 after it
                            follows, else a new 款 (in :func:`read_items`: always the 项's)
anything else               a new 款 (or, inside a quotation it opened, a line of its unit)
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
>>> [(i.text, i.continuation) for i in read_paragraphs(("下列：", "（一）甲；", "说明。", "（二）乙。"))[0].items]
[('甲；', ('说明。',)), ('乙。', ())]
"""

from __future__ import annotations

import functools
import re

# The package's public names, gathered here so that they can be rewritten in one place.
from .._markdown.builders import Entry, OpenParagraph
from .._markdown.inline import expand_text
from .._model.flow import ARABIC, CLOSED, CONT, DEEP, ITEM, PARA, SUB, Reading, Token
from .._model.numerals import from_chinese
from .._model.structure import Article
from .._model.units import Item, Paragraph

__all__ = [
    "ARTICLE_LINE_RE",
    "HEADING_LINE_RE",
    "SECTION_LINE_RE",
    "read_articles",
    "read_items",
    "read_paragraphs",
    "split_wording",
]

_CN = "[一二三四五六七八九十百]"
_NUM = "[零〇一二三四五六七八九十百千两0-9０-９]"
_GAP = r"[\s\u3000]*"

ITEM_RE = re.compile(rf"[（(](?P<num>{_CN}+)[）)]{_GAP}(?P<text>.*)", re.DOTALL)
#: A 章 or 节 heading line inside quoted wording: ``第七节 监察委员会``.
HEADING_LINE_RE = re.compile(rf"第(?P<num>{_NUM}+)(?P<unit>章|节)[\s\u3000]*(?P<title>.*)")
#: A 节 heading line among the articles a new 章 quotes: ``第一节 一般规定`` (a space after 节,
#: so that a 款 such as ``第二节规定的…`` stays text).
SECTION_LINE_RE = re.compile(rf"第(?P<num>{_NUM}+)节[\s\u3000]+(?P<title>\S.*)")
#: An article label opening a line of quoted wording: ``第一百二十条之二 …``.
ARTICLE_LINE_RE = re.compile(
    rf"""第(?P<num>{_NUM}+)条              # 第一百二十条
        (?:之(?P<suffix>{_NUM}+))?         # 之二
        (?:[\s\u3000]+(?P<text>.*)|$)      # a space, then the first 款 (or nothing)
    """,
    re.VERBOSE | re.DOTALL,
)


def _expand(tokens: tuple[Token, ...], quoted: bool) -> tuple[Token, ...]:
    del quoted  # the lines were expanded (inline items split) before reading
    return tokens


def _read(lines: tuple[str, ...] | list[str], *, items: bool = False) -> list[OpenParagraph]:
    """Read quoted lines into open 款 with their 项 and 目, by the reading rules the Markdown
    reader uses (:class:`~wuxi_dt_regulation._model.flow.Reading`).  With *items*, every line
    after the first 项 belongs to a 项 (the wording is 项 by what the instruction says): a line
    that would open a new 款 is a further paragraph of the unit before it."""
    tokens = [token for line in lines for token in expand_text(line)]
    reading = Reading()
    paragraphs: list[OpenParagraph] = []
    item: Entry | None = None
    sub: Entry | None = None
    deep: Entry | None = None
    for index, token in enumerate(tokens):
        action = ""
        if reading.quote.open:
            if reading.ends_quote(token):
                reading.quote = CLOSED
            else:
                action = CONT
        if not action:
            ahead = ((later,) for later in tokens[index + 1 :])
            scan = functools.partial(reading.resumes, token.whole, ahead, _expand)
            action = reading.decide(token, False, scan)
            if action == PARA and items and item is not None:
                action = CONT
        if action == PARA:
            paragraphs.append(OpenParagraph(token.whole, False))
            item = sub = deep = None
        elif action in (ITEM, ARABIC):
            if item is None and (not paragraphs or paragraphs[-1].items):
                paragraphs.append(OpenParagraph("", False))  # a 款 that opens with its 项
            item = Entry(token.number, token.text, action == ARABIC)
            paragraphs[-1].items.append(item)
            sub = deep = None
        elif action == SUB and item is not None:
            sub = Entry(token.number, token.text)
            item.subs.append(sub)
            deep = None
        elif action == DEEP and sub is not None:
            deep = Entry(token.number, token.text)
            sub.subs.append(deep)
        else:  # CONT: a line of the innermost open unit
            unit = deep or sub or item or paragraphs[-1]
            unit.more += (token.whole,)
        reading.apply(action, token)
    return paragraphs


def read_paragraphs(lines: tuple[str, ...] | list[str]) -> tuple[Paragraph, ...]:
    """Read quoted lines as 款 (numbered from 1), with their 项 and 目; see the module's table.

    Raises:
        ValueError: the lines cannot make paragraphs (none, or a value the model refuses).
    """
    paragraphs = _read(lines)
    if not paragraphs:
        raise ValueError("no wording to read")
    return tuple(p.freeze(n) for n, p in enumerate(paragraphs, 1))


def read_items(lines: tuple[str, ...] | list[str]) -> tuple[Item, ...]:
    """Read quoted lines as 项 (``（三）…`` each, with ``1．`` 目); every line after a 项 is part
    of it (its 目, or a further paragraph); a first line with no marker is refused.

    Raises:
        ValueError: the first line is not a 项.
    """
    paragraphs = _read(lines, items=True)
    if len(paragraphs) != 1 or paragraphs[0].text or not paragraphs[0].items:
        raise ValueError(f"expected 项 (（一）…), found {lines[0]!r}")
    return tuple(entry.freeze_item() for entry in paragraphs[0].items)


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
