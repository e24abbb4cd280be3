"""A regulation written in the LawRefBook dialect, with every oddity real files show.

:func:`lawrefbook_source` rewrites what :func:`wuxi_dt_regulation.render` writes: article
numbers share a line with their first paragraph (with any separator), headings take any depth
and separator, list markers vary (``1．`` ``1.`` ``1、`` ``１．`` ``（1）`` ``(1)`` ``(一)``), a
項 list may stand on its introduction's line (inline items), lines may be indented or hold
zero-width spaces, history lines lose their bullet and may wrap, line ends may be CRLF and the
final newline may be missing.  The parser must read all of it back to the same value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

from wuxi_dt_regulation import Regulation

SEPARATORS = [" ", "  ", "\u3000", "\u2002", "\u00a0", "\t", ""]
#: What may stand between 第N条 and its first paragraph on one line.
INLINE_SEPARATORS = [" ", "\u3000", "  ", "\u3000\u3000", "\u2002", "\u00a0", "\t"]
T = TypeVar("T")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_DOT_RE = re.compile(r"(\d{1,3})．")
_PAREN_RE = re.compile(r"（(\d{1,3})）")
_ITEM_RE = re.compile(r"（([一二三四五六七八九十百]+)）")
_DATED_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
#: A 项 line that may join its introduction's line: no white space (an inline item ends at
#: white space before the next number), no sentence end inside (``。 `` starts a new 款).
_SIMPLE_ITEM_RE = re.compile(r"（[一二三四五六七八九十]+）(?!.*。\s)(?!.*\s[（(])[^“”]*")


def pick(draw: st.DrawFn, choices: Sequence[T]) -> T:
    """One of *choices*, each as likely (hypothesis's ``sampled_from`` draws the first far more
    often than the others: the frequencies tests/test_generators.py pins would follow the order
    of a list)."""
    return choices[draw(st.integers(0, len(choices) - 1))]


def _vary_marker(draw: st.DrawFn, line: str) -> str:
    """A list marker as real texts print it: 1． 1. 1、 １．, （1） (1) （１）, （一） (一)."""
    dot = _DOT_RE.match(line)
    if dot is not None:
        digits: str = pick(draw, [dot[1], dot[1].translate(_FULL_WIDTH)])
        mark: str = pick(draw, ["．", ".", "、"])
        return digits + mark + line[dot.end() :]
    paren = _PAREN_RE.match(line) or _ITEM_RE.match(line)
    if paren is not None:
        inner = paren[1]
        if inner.isdigit():
            inner = pick(draw, [inner, inner.translate(_FULL_WIDTH)])
        left, right = pick(draw, [("（", "）"), ("(", ")")])
        return f"{left}{inner}{right}{line[paren.end() :]}"
    return line


def _inline_items(draw: st.DrawFn, lines: list[str], i: int) -> tuple[str, int] | None:
    """``…：`` then its 项 on lines of their own, written on one line (``…： （一）甲； （二）乙。``)
    when every 项 is one simple line and nothing of the list follows them; else None."""
    intro = lines[i]
    if (
        not intro.endswith("：")
        or intro.endswith("修改为：")  # a bare quotation: its lines are text, not 项
        or re.search("[“”]", intro)
        or intro.startswith(("#", "\\"))
    ):
        return None
    items: list[str] = []
    j = i + 2
    while j < len(lines) and _SIMPLE_ITEM_RE.fullmatch(lines[j]) and lines[j - 1] == "":
        if not lines[j].startswith(f"（{'一二三四五六七八九十'[len(items)]}）"):
            break
        items.append(lines[j])
        j += 2
    # the list must end there: a 目, a further paragraph or a forced break would follow it
    after = lines[j] if j < len(lines) else ""
    if len(items) < 2 or after.startswith(("1", "（1", "<!-- FORCE")) or not _ends_list(after):
        return None
    seps = [pick(draw, [" ", "\u3000", "  "]) for _ in items]
    return intro + "".join(s + item for s, item in zip(seps, items, strict=True)), j


def _ends_list(line: str) -> bool:
    """Whether *line* (the one after a list) cannot belong to its last 项: the end, a heading,
    an article, a table, or a paragraph (a new 款: plain text never starts with a marker)."""
    return not line.startswith(("（", "(", "<!-- FORCE", "\\")) and not line[:1].isdigit()


def _wrap_event(draw: st.DrawFn, line: str) -> list[str]:
    """A history line as LawRefBook may wrap it: the rest on the next line (never a date)."""
    dated = _DATED_RE.match(line)
    if dated is None or len(line) - dated.end() < 3 or draw(st.integers(0, 2)) != 1:
        return [line]
    cut = draw(st.integers(dated.end() + 1, len(line) - 1))
    # (white space at the cut is lost: a wrapped line is joined to the one before it bare)
    if (
        line[cut].isdigit()
        or line[cut] in "-#<"
        or line[cut - 1 : cut + 1].strip() != line[cut - 1 : cut + 1]
    ):
        return [line]
    return [line[:cut], line[cut:]]


@st.composite
def lawrefbook_source(draw: st.DrawFn, regulation: Regulation) -> str:
    """Write *regulation* in the LawRefBook dialect with odd, legal spacing.

    Article numbers and first paragraphs share a line (``第一条 …``), chapters are ``##``
    whatever their rank, dated history lines carry no bullet and may wrap, 项 may stand on
    their introduction's line, lines may be indented, hold a zero-width space or end in
    spaces, line ends may be CRLF and the final newline may be missing.
    """
    from wuxi_dt_regulation import render

    lines = render(regulation).split("\n")
    result: list[str] = []
    in_table = False
    # indentation and zero-width spaces: in some files (one in five), on some of their lines
    indent, zero_width = (draw(st.integers(0, 4)) == 2 for _ in "iz")
    i = 0
    while i < len(lines):
        line = lines[i]
        in_table = (in_table or line == "<!-- TABLE -->") and line != "<!-- TABLE END -->"
        header = "<!-- INFO END -->" in lines[i:]
        if line.startswith("- ") and header and _DATED_RE.match(line[2:]):
            result.extend(_wrap_event(draw, line[2:]))
            i += 1
            continue
        if (
            line.startswith("###### 第")
            and i + 2 < len(lines)
            and lines[i + 2]
            and not (
                lines[i + 2].startswith(("#", "<!--", "（", "\\")) or lines[i + 2][0].isdigit()
            )
        ):
            sep = pick(draw, INLINE_SEPARATORS)
            line = line[7:] + sep + lines[i + 2]
            i += 2
        elif line.startswith(("## 第", "### 第", "#### 第", "##### 第")):
            hashes, rest = line.split(" ", 1)
            label, _, title = rest.partition(" ")
            # entries of a table of contents are kept as printed: only the real headings vary
            varied = title and not regulation.toc
            sep = pick(draw, SEPARATORS) if varied else " " if title else ""
            depth = pick(draw, ["##", "###", hashes])
            line = f"{depth} {label}{sep}{title}"
        elif line.endswith("：") and not header and not in_table and pick(draw, (True, False)):
            joined = _inline_items(draw, lines, i)
            if joined is not None:
                line, i = joined[0], joined[1] - 2  # the blank line after it next
        if not header and not in_table:
            line = _vary_marker(draw, line)
        # one draw a line decides its oddities (each draw costs: hypothesis drops an example
        # that draws too much, so that long regulations would be tested less)
        roll = draw(st.integers(0, 29)) if line else 0
        plain = line and not header and not in_table and not line.startswith(("<!--", "\\"))
        if indent and plain and not line.startswith("#") and 10 <= roll < 20:
            line = ("\u3000\u3000", "  ", "\t")[roll % 3] + line  # indentation
        if zero_width and plain and 20 <= roll < 23:
            at = draw(st.integers(0, len(line)))
            line = line[:at] + "\u200b" + line[at:]
        if 1 <= roll <= 3:
            line += ("", " ", "  ", "\u3000")[roll]
        result.append(line)
        i += 1
    newline = pick(draw, ["\n", "\r\n"])
    source = newline.join(result)
    if pick(draw, (True, False)):
        source = source.rstrip("\r\n")
    return source
