"""Classify each source line by its text.

A line's kind never depends on how many ``#`` it starts with: ``#`` only says that the line is a
heading (and how deep, a hint kept for unnumbered headings).  The text decides the rest, with one
regular expression tried once per line (:data:`LINE_RE`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from .._model.errors import ParseError
from .._model.flow import ordinal_of
from .._model.units import APPENDIX_TITLE_PATTERN
from .heading_article import split_heading
from .marks import ESCAPE, NUM, SUF, sentence_re

__all__ = [
    "ESCAPE",
    "INFO_END",
    "LINE_RE",
    "MAX_LEVEL",
    "STARTERS",
    "ZERO_WIDTH",
    "Lexed",
    "Line",
    "find_control",
    "lex",
    "needs_escape",
    "pipe_tables",
    "plain_heading_ok",
    "table_line",
]

INFO_END: Final = "<!-- INFO END -->"
FORCE_BREAK: Final = "FORCE BREAK"
TABLE_START: Final = "TABLE"
TABLE_END: Final = "TABLE END"
ZERO_WIDTH: Final = "\u200b"

_CN = r"[一二三四五六七八九十百]"
# Arabic list numbers, half- or full-width (1． and １．)
_DIGITS = r"[0-9０-９]{1,3}"
# A separator between a label and its title: any run of white space, possibly empty.
_SEP = r"[\s\u200b]*"

LINE_RE: Final = re.compile(
    rf"""
    第(?P<anum>{NUM}+(?:\s+{NUM}+)*)(?P<abreak>\s*)条      # 条: 第三十五条, 第一百二十四 条
        (?:\s*之\s*(?P<asuf>{SUF}+))?                       #   之N: 第一百二十条之一
        (?P<asep>{_SEP})(?P<atext>.*)
    | 第(?P<unum>{NUM}+)(?P<unit>分编|编|章|节)              # 编/分编/章/节 heading: 第一章 总则
        (?P<usep>{_SEP})(?P<utitle>.*)
    | [（(](?P<inum>{_CN}+)[）)]{_SEP}(?P<itext>.*)          # 项: （一） or (一)
    | (?P<snum>{_DIGITS})[.．、](?![0-9０-９]){_SEP}(?P<stext>.*)  # 目: 1. 1． 1、 １．
    | [（(](?P<pnum>{_DIGITS})[）)]{_SEP}(?P<ptext>.*)       # fourth level: （1） （１）
    | (?P<appendix>{APPENDIX_TITLE_PATTERN})$                # 附件一, 附表, 附：
    | <!--\s*(?P<comment>.*?)\s*-->$                         # <!-- INFO END --> and friends
    """,
    re.VERBOSE,
)
# (The 条 alternative first: it is the commonest line, and no text matches both it and the
# heading's, whose unit follows the numeral where the article's 条 or white space does.)
#: The characters a line matched by :data:`LINE_RE` can open with (each alternative opens with
#: one of them): a line opening with any other is prose, and the regex is not tried on it.
STARTERS: Final = frozenset("第（(0123456789０１２３４５６７８９附<")


# The next three are compiled on first use: most documents never need them, and load() is
# measured cold.
@functools.cache
def bad_label_re() -> re.Pattern[str]:
    """A label whose numeral is not one: 第三十X条 (tried only when LINE_RE found no unit)."""
    return re.compile(
        r"第(?P<num>[^\s，。；：、“”《》（）()]{1,8}?)(?P<unit>分编|编|章|节|条)(?:[\s\u200b]|$)"
    )


@functools.cache
def inline_item_re() -> re.Pattern[str]:
    """An item printed on the line of its introduction: "…文件： （一）登记申请书；"."""
    return re.compile(r"(?P<intro>.*[：:])[\s\u200b]+(?P<item>[（(]一[）)].*)")


# One character class scans fast; a lone CR (not before LF) is looked for only when a CR exists.
# A lone surrogate (U+D800–U+DFFF) is no character at all: no encoding can write it back.
# (find_control's: the whole-text form of the check lex() makes line by line; compiled on use.)
_CONTROL_PATTERN: Final = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
_LONE_CR_PATTERN: Final = r"\r(?!\n)"
# What a line that is not all printable may hold that the lexer reports or refuses: a control
# character (a CR is a lone one once CRLF is read), a zero-width space, a private-use character.
# (Patterns, not compiled objects: re compiles them on first use and caches them; most texts
# never need them, and load() is measured cold.)
_ODD_PATTERN: Final = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200b\ue000-\uf8ff]"
_LINE_CONTROL_PATTERN: Final = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
_PRIVATE_USE_PATTERN: Final = r"[\ue000-\uf8ff]"
# A heading: # signs, then white space and the text.  More than six # is no Markdown heading,
# but the text says what the line is: it is read as a heading of depth 6 (with a warning).
_HEADING_RE: Final = re.compile(r"(#+)(?:[ \t\u3000]+(.*))?")
#: The deepest heading Markdown has.
MAX_LEVEL: Final = 6


def plain_heading_ok(match: re.Match[str]) -> bool:
    """A line without ``#`` is a heading only when it looks like one: a label and a short title."""
    title = match["utitle"]
    if not title:
        return True
    return bool(match["usep"]) and len(title) <= 30 and sentence_re().search(title) is None


def needs_escape(
    text: str,
    *,
    dot: bool = False,
    paren: bool = False,
    heading: bool = False,
    further: bool = False,
) -> bool:
    """Would *text*, printed at the start of a line, be read as something other than prose?

    Markers of a unit (第三条, 第二章 总则, （一）, 附件一, ``<!-- … -->``, ``#``) and a text that
    itself opens with the escape always would.  A ``1．`` would when a list is open to take it
    (*dot*: a 项 before it, or an introduction ending in ``：``), a ``（1）`` when a 项 is open
    (*paren*).  After ``#`` (*heading*) any 第…章 label is a heading, whatever follows it.  A
    further paragraph of a unit (*further*) is escaped whenever it looks like any marker or
    opens with an ordinal (``二、``, which ends an unclosed quotation of the ``一、`` before it).
    """
    if text.startswith(("#", ESCAPE)):
        return True
    if further and ordinal_of(text):
        return True
    match = LINE_RE.match(text)
    if match is None:
        # a heading 第三十X条 (a label with a broken numeral) is kept as text where it stands
        return heading and text.startswith("第") and bad_label_re().match(text) is not None
    kind = match.lastgroup
    if kind == "stext":
        return dot or further
    if kind == "ptext":
        return paren or further
    if kind == "utitle":
        return heading or further or plain_heading_ok(match)
    return True


class Line:
    """One non-blank source line: its number, the text as printed (stripped), and its kind.

    ``level`` is the number of ``#`` for a heading, else 0.  ``match`` is the :data:`LINE_RE` match
    of the text (None when the text is ordinary prose, or ``escaped`` with a leading backslash).
    A slotted object, not a tuple: :func:`lex` builds one per line with ``object.__new__`` and
    six slot stores (no Python ``__init__`` call, no argument tuple), and each field is read by
    a slot load, which the interpreter specializes (a named tuple's field is a descriptor call).
    """

    __slots__ = ("escaped", "level", "match", "number", "raw", "text")

    number: int
    raw: str
    text: str
    level: int
    match: re.Match[str] | None
    escaped: bool

    def __init__(
        self,
        number: int,
        raw: str,
        text: str,
        level: int,
        match: re.Match[str] | None,
        escaped: bool = False,
    ) -> None:
        self.number = number
        self.raw = raw
        self.text = text
        self.level = level
        self.match = match
        self.escaped = escaped

    def column_of(self, fragment: str) -> int:
        """1-based column of *fragment* in the raw line (1 when it is not there)."""
        found = self.raw.find(fragment)
        return found + 1 if found >= 0 else 1

    def column_in(self, text: str, offset: int) -> int:
        """1-based column in the raw line of position *offset* of *text*, a part of the line."""
        found = self.raw.find(text)
        return found + offset + 1 if found >= 0 else self.column_of(text[offset:])

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.raw!r})"


def find_control(text: str, source: str) -> None:
    """Raise :class:`ParseError` at the first control character: the input is not text.

    (:func:`lex` makes the same check line by line as it splits; this is the whole-text form.)
    """
    bad = re.search(_CONTROL_PATTERN, text)
    if "\r" in text:
        lone = re.search(_LONE_CR_PATTERN, text)
        if lone is not None and (bad is None or lone.start() < bad.start()):
            bad = lone
    if bad is None:
        return
    line = text.count("\n", 0, bad.start()) + 1
    start = text.rfind("\n", 0, bad.start()) + 1
    end = text.find("\n", bad.start())
    raw = text[start : end if end >= 0 else len(text)]
    raise _control_error(raw, line, bad.start() - start, source)


def _control_error(raw: str, number: int, index: int, source: str) -> ParseError:
    """The error for the control character at *index* of line *number* (*raw*, as printed)."""
    char = raw[index]
    if char == "\x00":
        what = "binary data (NUL byte)"
    elif "\ud800" <= char <= "\udfff":
        what = "a lone surrogate (not a character: no UTF-8 encodes it)"
    else:
        what = "a control character"
    return ParseError(
        f"expected text, found {what} U+{ord(char):04X}",
        line=number,
        column=index + 1,
        text="".join(ch if ch.isprintable() else "\ufffd" for ch in raw.rstrip("\r")),
        source=source,
    )


class Lexed(NamedTuple):
    """What :func:`lex` read: the lines and the positions of what it reports."""

    lines: list[Line]
    #: ``(line, column)`` of the first zero-width space of each line that had any (removed).
    zero_width: list[tuple[int, int]]
    #: the numbers of heading lines with more than six ``#`` (read as depth 6).
    too_deep: list[int]
    #: ``(line, column, character)`` of the first private-use character of each line (kept).
    private_use: list[tuple[int, int, str]]
    #: ``(line, column)`` of each article written on a heading's line (split into a line of its
    #: own, with the same number, after the heading's: :mod:`.heading_article`).
    split: list[tuple[int, int]]


def lex(text: str, source: str = "<string>") -> Lexed:
    """Split *text* into classified non-blank lines, checking each as it goes.

    Blank lines (white space and zero-width spaces only) separate blocks and are dropped.  An
    escaped line (a leading backslash) is the text after the backslash, stripped.  A line is
    looked at character by character only when :meth:`str.isprintable` (in C) says it holds
    something other than printable characters: a zero-width space (reported, removed), a
    private-use character (reported, kept), a tab or a wide space, or a control character.

    Raises:
        ParseError: at the first control character (a lone CR, a NUL, a lone surrogate …):
            the input is not text.  *source* names the input in the error.
    """
    lines: list[Line] = []
    zero_width: list[tuple[int, int]] = []
    too_deep: list[int] = []
    private_use: list[tuple[int, int, str]] = []
    split: list[tuple[int, int]] = []
    match_line = LINE_RE.match
    append = lines.append
    new = object.__new__
    starters = STARTERS
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a CR left is a lone one: a control character
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw:
            continue  # the usual blank line
        if raw.isprintable():
            body = raw.strip()
        else:  # the rare line: a tab, a wide space, or a character to report or refuse
            body = raw
            if re.search(_ODD_PATTERN, raw) is not None:
                bad = re.search(_LINE_CONTROL_PATTERN, raw)
                if bad is not None:
                    raise _control_error(raw, number, bad.start(), source)
                if ZERO_WIDTH in raw:
                    zero_width.append((number, raw.index(ZERO_WIDTH) + 1))
                    body = raw.replace(ZERO_WIDTH, "")
                private = re.search(_PRIVATE_USE_PATTERN, raw)
                if private is not None:
                    private_use.append((number, private.start() + 1, private[0]))
            body = body.strip()
        if not body:
            continue
        first = body[0]
        if first not in starters:  # prose, or a line opening with "#" or the escape
            if first == "#" or first == ESCAPE:  # (the usual line opens with neither)
                marked = _marked(number, raw, body, too_deep)
                append(marked)
                if marked.level and "条" in marked.text:
                    _split_heading(marked, lines, split)
                continue
            line = new(Line)  # (Line.__init__, written out)
            line.match = None
        else:
            line = new(Line)
            line.match = match_line(body)
        line.number = number
        line.raw = raw
        line.text = body
        line.level = 0
        line.escaped = False
        append(line)
    return Lexed(lines, zero_width, too_deep, private_use, split)


def _split_heading(line: Line, lines: list[Line], split: list[tuple[int, int]]) -> None:
    """Split an article off the heading *line* (the last of *lines*), or take its escapes out;
    an article's own heading (``###### 第一条 …``) is its text, and never split."""
    match = line.match
    if match is not None and match.lastgroup == "atext":
        return
    heading, start = split_heading(line.text)
    text = line.text[start:] if start is not None else ""  # (before the heading replaces it)
    if heading != line.text:
        line.text = heading
        escaped = line.escaped or heading[:1] not in STARTERS
        line.match = None if escaped else LINE_RE.match(heading)
    if start is None:
        return
    raw = line.raw.rstrip()
    column = len(raw) - len(text) + 1 if raw.endswith(text) else line.column_of(text)
    split.append((line.number, column))
    lines.append(Line(line.number, line.raw, text, 0, LINE_RE.match(text)))


def _marked(number: int, raw: str, body: str, too_deep: list[int]) -> Line:
    """The line *body* (of *raw*) opening with ``#`` or the escape: a heading, an escaped
    line, or text (``#`` with no space after it)."""
    level = 0
    if body[0] == "#":
        heading = _HEADING_RE.fullmatch(body)
        if heading is not None:
            level = len(heading[1])
            if level > MAX_LEVEL:
                too_deep.append(number)
                level = MAX_LEVEL
            body = (heading[2] or "").strip()
            if not body:
                return Line(number, raw, body, level, None)
    if body[0] == ESCAPE and len(body) > 1:
        return Line(number, raw, body[1:].strip(), level, None, True)
    return Line(number, raw, body, level, LINE_RE.match(body) if body[0] in STARTERS else None)


#: The delimiter row of a pipe table (GitHub Flavored Markdown): cells of hyphens, a colon at
#: either end for the alignment, at least one ``|``
_DELIMITER_RE = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?|\|\s*:?-+:?\s*\|")


def pipe_tables(lines: Sequence[Line]) -> dict[int, tuple[Line, ...]]:
    """The pipe tables written without ``<!-- TABLE -->`` markers, by the number of their first
    line: a row (a line opening with ``|``), a delimiter row on the next line (``|---|:--:|``),
    and the rows on the lines right after them."""
    found: dict[int, tuple[Line, ...]] = {}
    i, end = 0, len(lines) - 1
    while i < end:
        line, after = lines[i], lines[i + 1]
        if (
            line.text[:1] == "|"
            and not line.level
            and after.number == line.number + 1
            and _DELIMITER_RE.fullmatch(after.text)
        ):
            j = i + 2
            while (
                j <= end and lines[j].number == lines[j - 1].number + 1 and lines[j].text[:1] == "|"
            ):
                j += 1
            found[line.number] = tuple(lines[i:j])
            i = j
        else:
            i += 1
    return found


def table_line(line: Line) -> str:
    """A line of a table as printed, less the zero-width spaces the lexer reported."""
    raw = line.raw.replace(ZERO_WIDTH, "") if ZERO_WIDTH in line.raw else line.raw
    return raw.strip()
