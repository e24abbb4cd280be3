"""The scanner's fast path: the commonest citation shapes read with one regular expression.

Most citations in running text are an article, perhaps with its 款, or a range of them, standing
alone: ``第三十五条``, ``第十条第二款``, ``第三十六条至第三十八条``.  For those the full reader
(:mod:`.grammar`, then :mod:`.resolve`) costs far more than the text it reads, and a text made
of nothing else (``第一条至第九千九百九十九条，`` a thousand times) would make finding slow.
:func:`read_simple` reads exactly these shapes and answers only when the full reader would give
the same value; otherwise it returns None and the scanner takes the long way.  The property
tests hold the two paths equal on generated and real text.
"""

from __future__ import annotations

import re

from .._model.citation import Citation
from .._model.errors import CitationError
from .._model.numerals import from_chinese
from .._model.ranges import CitationList, CitationRange

__all__ = ["read_simple"]

_N = r"[零〇一二三四五六七八九十百千两]{1,12}"
_SIMPLE_RE = re.compile(
    rf"""第(?P<a1>{_N})条(?:之(?P<s1>{_N}))?(?:第(?P<p1>{_N})款)?   # 第十条, 第十条之一第二款
    (?:(?:至|到)                                                  # a range to
      (?:第(?P<a2>{_N})条(?:之(?P<s2>{_N}))?(?:第(?P<p2>{_N})款)?   # 第十二条, 第十二条第一款
      |第(?P<p3>{_N})款))?                                         # 第三款 (of the same 条)
    """,
    re.VERBOSE,
)
# What may continue a citation after the shapes above, for the full reader: 之N (之), a range
# (至 到), a joiner (、 和 及 以及 或 并 ,), English words, spaces, brackets, more digits of a
# number the tokenizer would read whole; and a 第 (below).
_GOES_ON = frozenset(
    "之至到、和及以或并,（(　 \t\n\r\u00a0\u2002\u200b"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "零〇一二三四五六七八九十百千万亿两0123456789０１２３４５６７８９"  # a number read on
)
# The token a 第 after the citation starts, as the full reader's tokenizer reads it: when it names
# a level below the citation's last (a 项 after 第十条第二款), the reader goes on; else it stops.
_NEXT_RE = re.compile(
    r"第\s*(?:[（(]\s*[零〇一二三四五六七八九十百千万亿两0-9０-９]+\s*[）)]"
    r"|[零〇一二三四五六七八九十百千万亿两0-9０-９]+)\s*(?P<unit>分编|编|章|节|条|款|项|目)"
)
_LOWER = {False: ("款", "项"), True: ("项",)}  # after an article; after a 款


def read_simple(
    text: str,
    start: int,
    cache: dict[tuple[str | None, str], CitationList | None],
    title: str | None = None,
) -> tuple[int, CitationList] | None:
    """Read an article or article-and-款 citation, or a range of them, at *start*: the end of
    the citation and its value (its citations of the instrument *title*), or None when the text
    says more than these shapes (the full reader must read it).  *cache* keeps the values read,
    by title and text (they are immutable)."""
    m = _SIMPLE_RE.match(text, start)
    if m is None:
        return None
    end = m.end()
    if end < len(text):
        after = text[end]
        if after in _GOES_ON:
            return None
        if after == "第":
            following = _NEXT_RE.match(text, end)
            if m["a2"] is not None:
                at_paragraph = m["p2"] is not None  # the range's end is the last reference
            else:
                at_paragraph = m["p3"] is not None or m["p1"] is not None
            if following is not None and following["unit"] in _LOWER[at_paragraph]:
                return None
    key = (title, m[0])
    if key in cache:
        value = cache[key]
        return None if value is None else (end, value)
    value = _value(m, title)
    cache[key] = value
    return None if value is None else (end, value)


def _value(m: re.Match[str], title: str | None) -> CitationList | None:
    try:
        first = Citation(
            title=title,
            article=from_chinese(m["a1"]),
            suffix=from_chinese(m["s1"]) if m["s1"] else 0,
            paragraph=from_chinese(m["p1"]) if m["p1"] else None,
        )
        if m["a2"] is not None:
            if (m["p1"] is None) != (m["p2"] is None):
                return None  # 第一条至第三条第二款: a range across levels, for the full reader
            second = Citation(
                title=title,
                article=from_chinese(m["a2"]),
                suffix=from_chinese(m["s2"]) if m["s2"] else 0,
                paragraph=from_chinese(m["p2"]) if m["p2"] else None,
            )
        elif m["p3"] is not None:
            if m["p1"] is None:
                return None  # 第一条至第三款
            second = Citation(
                title=title,
                article=first.article,
                suffix=first.suffix,
                paragraph=from_chinese(m["p3"]),
            )
        else:
            return CitationList((first,))
        return CitationList((CitationRange(first, second),))
    except (ValueError, CitationError):
        return None  # a number out of range, a range backwards: the full reader decides
