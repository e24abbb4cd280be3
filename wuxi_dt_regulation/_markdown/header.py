"""The header of a source: its title lines, its history and a table of contents left in the body.

Grammar (both dialects; docs/source-format.md)::

    document  := title subtitle* header? body
    title     := "# " text                           -- the first non-blank line
    subtitle  := "# " text                           -- 民法典 files print the 编 here
    header    := event* "<!-- INFO END -->"          -- without the marker: date-led lines only
    event     := ["- "] date? text                   -- a line without a date continues an
                                                     -- unfinished event (wrapped lines)
    toc       := heading-line+                        -- structural headings with nothing under
                                                     -- them, whose first label repeats later

:func:`read_header` reads them and says where the body starts; what it finds odd (a wrapped or
split history line, a table of contents) is reported through the parser's ``warn``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import NamedTuple

from .._model.errors import ParseError
from .._model.numerals import from_chinese
from .._model.units import Event
from .lexer import INFO_END, ZERO_WIDTH, Line, plain_heading_ok

__all__ = ["Fail", "Header", "Warn", "file_hint", "read_header", "unit_of"]

#: ``warn(line, code, message)``: report an oddity at *line*.
Warn = Callable[[Line, str, str], None]
#: ``fail(line, message)``: the error to raise at *line*.
Fail = Callable[[Line, str], ParseError]

_DATE_LED_RE = re.compile(r"(?:[-*]\s+)?\d{4}年\d{1,2}月\d{1,2}日")
_BULLET_RE = re.compile(r"[-*]\s+")
_FORCE_BREAK = "<!-- FORCE BREAK -->"
_CRAMMED_PATTERN = r"第[零一二三四五六七八九十百千]+(?:分编|编|章|节)"  # (compiled on use)


class Header(NamedTuple):
    """What :func:`read_header` read, and where the body starts."""

    title: str
    subtitles: tuple[str, ...]
    events: tuple[str, ...]
    toc: tuple[str, ...]
    #: the line numbers of the table of contents, which the body skips
    toc_lines: frozenset[int]
    #: the index in the lines where the body starts
    end: int


def read_header(lines: list[Line], warn: Warn, fail: Fail, *, toc: bool) -> Header:
    """Read the title, subtitles, history and table of contents at the top of *lines* (no
    table of contents when *toc* is false).

    Raises:
        ParseError: the first line is not a ``# `` title (from *fail*).
    """
    first = lines[0]
    if first.level != 1 or not first.text:
        raise fail(first, f"expected a '# ' title line, found {first.raw.strip()!r}")
    pos = 1
    subtitles: list[str] = []
    # an article written on the line of the title or a subtitle (split off it by the lexer,
    # with its number) is the first of the body: it goes on after the whole header
    moved: list[Line] = []
    while pos < len(lines) and (
        (lines[pos].level == 1 and lines[pos].text) or lines[pos].number == lines[pos - 1].number
    ):
        if lines[pos].level:
            subtitles.append(lines[pos].text)
            pos += 1
        else:
            moved.append(lines.pop(pos))
    info_end = next(
        (i for i in range(pos, len(lines)) if lines[i].text == INFO_END and not lines[i].level),
        None,
    )
    if info_end is None:
        stop = pos
        while stop < len(lines) and _DATE_LED_RE.match(lines[stop].text):
            stop += 1
    else:
        stop = info_end
    events = _history(lines[pos:stop], warn)
    pos = stop
    if info_end is not None:
        pos = _split_history(lines, events, stop + 1, warn)
    entries, toc_lines = _find_toc(lines, pos, warn) if toc else ((), frozenset())
    lines[pos:pos] = moved
    return Header(first.text, tuple(subtitles), tuple(events), entries, toc_lines, pos)


def _history(lines: list[Line], warn: Warn) -> list[str]:
    """Events: a date-led line starts one; an undated line continues an unfinished one."""
    events: list[str] = []
    for line in lines:
        # a heading line keeps its '#' (less the zero-width spaces the lexer reported)
        text = line.text if not line.level else line.raw.replace(ZERO_WIDTH, "").strip()
        bullet = _BULLET_RE.match(text)
        if bullet:
            text = text[bullet.end() :]
        # a bulleted line is an event of its own (the seed's dialect); an undated line
        # without a bullet continues an unfinished one (LawRefBook wraps long lines)
        if (
            events
            and not bullet
            and not _DATE_LED_RE.match(text)
            and Event(events[-1]).action is None
        ):
            warn(
                line,
                "history-continuation",
                "history line without a date joined to the line before it",
            )
            events[-1] += text
        else:
            events.append(text)
    return events


def _split_history(lines: list[Line], events: list[str], pos: int, warn: Warn) -> int:
    """A history line split across INFO END: ``…第二次`` / INFO END / ``会议通过）``."""
    if not events or pos >= len(lines) or Event(events[-1]).action is not None:
        return pos
    line = lines[pos]
    if line.level or line.match is not None or len(line.text) > 40:
        return pos
    if Event(line.text).action is None:
        return pos
    warn(line, "history-split", "the end of a history line stands after INFO END; joined to it")
    events[-1] += line.text
    return pos + 1


def _find_toc(lines: list[Line], pos: int, warn: Warn) -> tuple[tuple[str, ...], frozenset[int]]:
    """A table of contents: the body opens with empty structural headings, and the first
    label repeats (北京市数字经济促进条例: all nine 章 listed, then the first again with its
    text; 重庆 crams them into one heading line)."""
    run: list[tuple[Line, tuple[str, int]]] = []
    i = pos
    while i < len(lines):
        if lines[i].text == _FORCE_BREAK and not lines[i].level:
            i += 1  # a forced break before a heading is dropped: it cannot part the entries
            continue
        unit = unit_of(lines[i])
        if unit is None:
            break
        run.append((lines[i], unit))
        i += 1
    if not run:
        return (), frozenset()
    first = run[0][1]
    cut = next((k for k in range(1, len(run)) if run[k][1] == first), None)
    if cut is None:
        rest = run[0][0].text[2:]
        crammed = len(run) == 1 and "第" in rest and re.search(_CRAMMED_PATTERN, rest)
        if len(run) < 2 and not crammed:
            return (), frozenset()  # one heading is no table of contents: no need to look on
        # (a line with no LINE_RE match is no heading: unit_of is not called for it)
        if not any(line.match is not None and unit_of(line) == first for line in lines[i:]):
            return (), frozenset()
        cut = len(run)
    entries = run[:cut]
    warn(
        entries[0][0],
        "toc",
        f"a table of contents ({len(entries)} line(s)) stands in the body; kept apart",
    )
    return tuple(line.text for line, _ in entries), frozenset(line.number for line, _ in entries)


def unit_of(line: Line) -> tuple[str, int] | None:
    """``("章", 1)`` for a structural heading line (第一章 …), else None."""
    match = line.match
    if match is None or match["unit"] is None:
        return None
    if not line.level and not plain_heading_ok(match):
        return None
    try:
        return (match["unit"], from_chinese(match["unum"]))
    except ValueError:
        return None


def file_hint(text: str) -> str | None:
    """``did you mean parse_file(…)?`` for a text that is one line naming a file: it ends in
    .md or .txt, or a file of that name exists (parse() adds it to its error).

    >>> file_hint("rules.md")
    "; did you mean parse_file('rules.md')?"
    >>> file_hint("# 示例条例") is None
    True
    """
    name = text.strip()
    if not name or "\n" in text or len(name) > 4096:
        return None
    try:
        named = name.lower().endswith((".md", ".markdown", ".txt")) or os.path.isfile(name)
    except (OSError, ValueError):  # a name no file system takes (a NUL byte)
        return None
    return f"; did you mean parse_file({name!r})?" if named else None
