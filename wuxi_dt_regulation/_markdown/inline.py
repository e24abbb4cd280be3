"""One line as the reading rules see it: the marker it opens with (a :class:`Token`), and the
items an introduction holds on its own line (``…： （一）…； （二）…。``, split into pieces).

The parser reads with these, and so does its look-ahead, so that both see the same pieces.
"""

from __future__ import annotations

import functools
import re

from .._model.flow import CLOSED, DOT, ITEM, PAREN, TEXT, Token, feed
from .._model.numerals import from_chinese, to_chinese
from .lexer import LINE_RE

__all__ = ["LIST_OPENERS", "Piece", "expand_text", "piece_match", "split_inline", "token_of"]

#: The characters a list marker may open with: （一） (一) 1． １． （1）.
LIST_OPENERS = frozenset("（(0123456789０１２３４５６７８９")
_NUMERAL = "一二三四五六七八九十百"


@functools.cache
def _inline_start_re() -> re.Pattern[str]:
    """Where an introduction ends and its first item starts on the same line: "…： （一）"."""
    return re.compile(r"[：:][\s\u200b]+(?=[（(]一[）)])")


@functools.cache
def _inline_next_re() -> re.Pattern[str]:
    """White space before an item marker: "…； （二）"."""
    return re.compile(rf"[\s\u200b]+(?=[（(]([{_NUMERAL}]+)[）)])")


@functools.cache
def _inline_tail_re() -> re.Pattern[str]:
    """The end of the last item, then more text: "…。 本条所称…"."""
    return re.compile(r"。[\s\u200b]+(?=\S)")


#: A piece of a line: its offset in the line's text, the piece, and what it is.
Piece = tuple[int, str, str]


def split_inline(text: str) -> list[Piece] | None:
    """Split a line that holds an introduction and its 项 (``…： （一）甲； （二）乙。``).

    Returns ``(offset, piece, role)`` with role ``"intro"``, ``"item"`` (each 项, split before
    the next number in sequence) or ``"tail"`` (text after the last item's 。, a paragraph of
    its own), or None when the line holds no such list.  Nothing inside a quotation is split.

    >>> [p for _, p, _ in split_inline("下列： （一）甲； （二）乙。 前款所称")]
    ['下列：', '（一）甲；', '（二）乙。', '前款所称']
    """
    if "：" not in text and ":" not in text:
        return None  # (the usual line: no introduction, nothing for the regex to find)
    for start in _inline_start_re().finditer(text):
        if not feed(CLOSED, text[: start.start() + 1]).open:
            break
    else:
        return None
    pieces: list[Piece] = [(0, text[: start.start() + 1], "intro")]
    pos, number = start.end(), 1
    for gap in _inline_next_re().finditer(text, pos):
        if gap.start() <= pos or gap[1] != to_chinese(number + 1):
            continue
        if feed(CLOSED, text[pos : gap.start()]).open:
            continue  # inside a quotation the item opened
        pieces.append((pos, text[pos : gap.start()], "item"))
        pos, number = gap.end(), number + 1
    last = text[pos:]
    tail = _inline_tail_re().search(last)
    if tail is not None and not feed(CLOSED, last[: tail.start() + 1]).open:
        pieces.append((pos, last[: tail.start() + 1], "item"))
        pieces.append((pos + tail.end(), last[tail.end() :], "tail"))
    else:
        pieces.append((pos, last.rstrip(), "item"))
    return pieces


def token_of(text: str, match: re.Match[str] | None) -> tuple[Token, str]:
    """The token of a text read in the flow (:data:`~.lexer.LINE_RE`'s *match* of it, or None),
    and the number of a list marker that is no number at all (``（十十）``, ``0．``), else ''."""
    if match is None:
        return Token(TEXT, 0, text), ""
    kind = match.lastgroup
    if kind == "itext":
        try:
            number = from_chinese(match["inum"])
        except ValueError:
            return Token(TEXT, 0, text), match["inum"]
        return Token(ITEM, number, match["itext"].strip(), False, text), ""
    if kind == "stext" or kind == "ptext":
        digits = match["snum"] if kind == "stext" else match["pnum"]
        number = int(digits)
        if number < 1:
            return Token(TEXT, 0, text), digits
        return Token(
            DOT if kind == "stext" else PAREN, number, match[kind].strip(), False, text
        ), ""
    return Token(TEXT, 0, text), ""


def piece_match(text: str) -> re.Match[str] | None:
    """LINE_RE's match of a piece of a line, tried only when it may open with a list marker."""
    return LINE_RE.match(text) if text and text[0] in LIST_OPENERS else None


def expand_text(text: str) -> list[Token]:
    """The tokens a flow text reads as: one, or one per piece of an inline list."""
    pieces = split_inline(text) if ("一）" in text or "一)" in text) else None
    if pieces is None:
        return [token_of(text, piece_match(text))[0]]
    out: list[Token] = []
    for _, piece, role in pieces:
        if role == "tail":
            out.extend(expand_text(piece))
        else:
            out.append(token_of(piece, piece_match(piece))[0])
    return out
