"""Source lines -> :class:`~wuxi_dt_regulation.Regulation`.

Grammar of a source (both dialects of FORMAT.md; blank lines only separate)::

    document  := title subtitle* header? body
    title     := "# " text                           -- the first non-blank line
    subtitle  := "# " text                           -- 民法典 files print the 编 here
    header    := event* "<!-- INFO END -->"          -- without the marker: date-led lines only
    event     := ["- "] date? text                   -- a line without a date continues an
                                                     -- unfinished event (wrapped lines)
    body      := toc? unit*
    toc       := heading-line+                        -- structural headings with nothing under
                                                     -- them, whose first label repeats later
    unit      := part | subpart | chapter | section   -- 第一编 / 第一分编 / 第一章 / 第一节, by text
               | article                              -- 第一条 [text]; heading or plain line
               | division                             -- any other heading: ## 附则, ## 序言
               | appendix                             -- 附件一, 附表二, 附： (heading or plain)
               | paragraph | table | "<!-- FORCE BREAK -->"
    paragraph := text item*                           -- one 款: an intro and its 项
    item      := （一） text subitem*                   -- also (一)
    subitem   := 1． text level4*                      -- also 1. and 1、
    level4    := （1） text
    table     := "<!-- TABLE -->" line* "<!-- TABLE END -->"

Units nest by rank (编 > 分编 > 章 > 节 > 条): a heading closes every open unit of its rank or
below.  An unnumbered heading closes them all.  Everything after the first appendix line belongs
to an appendix.  Free text before the first structural unit is the preamble.

What the parser finds odd becomes a :class:`ParseWarning`; with ``strict=True`` the first one is
raised as a :class:`ParseError` instead.
"""

from __future__ import annotations

import os
import re
from typing import Union

from ._errors import ParseError
from ._lexer import (
    FORCE_BREAK,
    INFO_END,
    LINE_RE,
    TABLE_END,
    TABLE_START,
    Line,
    bad_label_re,
    find_control,
    inline_item_re,
    lex,
    plain_heading_ok,
)
from ._model import (
    PREAMBLE_TITLES,
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    ParseWarning,
    Part,
    Section,
    SubItem,
    Subpart,
    Table,
)
from ._numerals import MAX_NUMBER, from_chinese, to_chinese
from ._regulation import Regulation, is_structure

__all__ = ["parse", "parse_file"]

_RANK = {"编": 1, "分编": 2, "章": 3, "节": 4}
_UNIT_NAME = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section"}
_DATE_LED_RE = re.compile(r"(?:[-*]\s+)?\d{4}年\d{1,2}月\d{1,2}日")
_BULLET_RE = re.compile(r"[-*]\s+")
_CRAMMED_RE = re.compile(r"第[零一二三四五六七八九十百千]+(?:分编|编|章|节)")
_PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")
_LIST_OPENERS = frozenset("（(0123456789")


# --------------------------------------------------------------------------- mutable builders


class _Entry:
    """An open 项 or 目 of a list, with the 目 (or fourth level) under it."""

    __slots__ = ("number", "subs", "text")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text
        self.subs: list[_Entry] = []

    def freeze_sub(self) -> SubItem:
        return SubItem(self.number, self.text, tuple(s.freeze_sub() for s in self.subs))

    def freeze_item(self) -> Item:
        return Item(self.number, self.text, tuple(s.freeze_sub() for s in self.subs))


class _Para:
    __slots__ = ("brk", "items", "text")

    def __init__(self, text: str, brk: bool) -> None:
        self.text = text
        self.brk = brk
        self.items: list[_Entry] = []

    def freeze(self, number: int) -> Paragraph:
        return Paragraph(number, self.text, tuple(i.freeze_item() for i in self.items), self.brk)


class _Article:
    __slots__ = ("children", "number", "suffix")

    def __init__(self, number: int, suffix: int) -> None:
        self.number = number
        self.suffix = suffix
        self.children: list[_Para] = []

    def freeze(self) -> Article:
        return Article(
            self.number,
            self.suffix,
            tuple(p.freeze(i) for i, p in enumerate(self.children, 1)),
        )


_Child = Union["_Container", _Article, _Para, Table]


class _Container:
    """An open 编/分编/章/节, unnumbered division or appendix."""

    __slots__ = ("children", "kind", "level", "number", "rank", "title")

    def __init__(self, kind: str, number: int, title: str, rank: int, level: int = 0) -> None:
        self.kind = kind
        self.number = number
        self.title = title
        self.rank = rank
        self.level = level
        self.children: list[_Child] = []

    def freeze(self) -> Part | Subpart | Chapter | Section | Division | Appendix:
        children = _freeze_all(self.children)
        kind = self.kind
        if kind == "编":
            return Part(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "分编":
            return Subpart(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "章":
            return Chapter(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "节":
            return Section(self.number, self.title, children)  # type: ignore[arg-type]
        if kind == "division":
            return Division(self.title, self.level, children)  # type: ignore[arg-type]
        return Appendix(self.title, children)  # type: ignore[arg-type]


def _freeze_all(children: list[_Child]) -> tuple[object, ...]:
    out: list[object] = []
    paragraphs = 0
    for child in children:
        if isinstance(child, _Para):
            paragraphs += 1
            out.append(child.freeze(paragraphs))
        elif isinstance(child, Table):
            out.append(child)
        else:
            out.append(child.freeze())
    return tuple(out)


# --------------------------------------------------------------------------- the parser


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.warnings: list[ParseWarning] = []
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        if not text.strip():
            raise ParseError(
                "expected a regulation, found empty input", line=1, column=1, source=source
            )
        find_control(text, source)
        self.lines, zero_width = lex(text)
        by_number = {line.number: line for line in self.lines}
        for number, column in zero_width:
            line = by_number.get(number)
            self.warn_at(
                number,
                column,
                line.raw if line else "\u200b",
                "zero-width",
                "zero-width space (U+200B) removed",
            )
        # body state
        self.body: list[_Child] = []
        self.stack: list[_Container] = []
        self.appendices: list[_Container] = []
        self.article: _Article | None = None
        self.para: _Para | None = None
        self.item: _Entry | None = None
        self.sub: _Entry | None = None
        self.sub_paren = False  # the current 目 list is printed （1） rather than 1．
        self.pending_break: Line | None = None
        self.last_article: tuple[int, int] | None = None
        self.last_unit: dict[str, int] = {}
        self.part_since_chapter = False
        self.table: list[str] | None = None
        self.table_line: Line | None = None
        if _PRIVATE_USE_RE.search(text):
            for line in self.lines:
                found = _PRIVATE_USE_RE.search(line.raw)
                if found:
                    self.warn(
                        line,
                        "private-use",
                        f"private-use character U+{ord(found[0]):04X} kept as printed",
                        column=found.start() + 1,
                    )

    # ---- warnings

    def warn_at(self, line: int, column: int, raw: str, code: str, message: str) -> None:
        del raw  # the line is looked up again only if the warning becomes an error
        self.warnings.append(ParseWarning(line, column, code, message))

    def warn(self, line: Line, code: str, message: str, column: int = 1) -> None:
        self.warn_at(line.number, column, line.raw, code, message)

    def fail(self, line: Line | None, message: str, column: int = 1) -> ParseError:
        if line is None:
            return ParseError(message, line=1, column=1, source=self.source)
        return ParseError(
            message, line=line.number, column=column, text=line.raw, source=self.source
        )

    # ---- header

    def parse(self) -> Regulation:
        lines = self.lines
        if not lines:  # nothing but white space and zero-width spaces
            raise ParseError(
                "expected a regulation, found empty input", line=1, column=1, source=self.source
            )
        first = lines[0]
        if first.level != 1 or not first.text:
            raise self.fail(first, f"expected a '# ' title line, found {first.raw.strip()!r}")
        title = first.text
        pos = 1
        subtitles: list[str] = []
        while pos < len(lines) and lines[pos].level == 1 and lines[pos].text:
            subtitles.append(lines[pos].text)
            pos += 1
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
        events = self.history(lines[pos:stop])
        pos = stop + 1 if info_end is not None else stop
        if info_end is not None:
            pos = self.split_history(events, pos)
        toc, toc_lines = self.find_toc(pos)
        for line in lines[pos:]:
            if line.number in toc_lines:
                continue
            self.line(line)
        self.close_flow()
        if self.pending_break is not None:
            self.stray_break()
        body = list(_freeze_all(self.body))
        preamble: list[object] = []
        if any(is_structure(node) for node in body):
            while body and not is_structure(body[0]):
                preamble.append(body.pop(0))
        return Regulation(
            title=title,
            subtitles=tuple(subtitles),
            history=tuple(Event(text) for text in events),
            toc=toc,
            preamble=_renumber(preamble),  # type: ignore[arg-type]
            body=_renumber(body),  # type: ignore[arg-type]
            appendices=tuple(a.freeze() for a in self.appendices),  # type: ignore[misc]
            warnings=tuple(sorted(self.warnings, key=lambda w: (w.line, w.column))),
        )

    def history(self, lines: list[Line]) -> list[str]:
        """Events: a date-led line starts one; an undated line continues an unfinished one."""
        events: list[str] = []
        for line in lines:
            text = line.text if not line.level else line.raw.strip()
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
                self.warn(
                    line,
                    "history-continuation",
                    "history line without a date joined to the line before it",
                )
                events[-1] += text
            else:
                events.append(text)
        return events

    def split_history(self, events: list[str], pos: int) -> int:
        """A history line split across INFO END: ``…第二次`` / INFO END / ``会议通过）``."""
        if not events or pos >= len(self.lines) or Event(events[-1]).action is not None:
            return pos
        line = self.lines[pos]
        if line.level or line.match is not None or len(line.text) > 40:
            return pos
        if Event(line.text).action is None:
            return pos
        self.warn(
            line, "history-split", "the end of a history line stands after INFO END; joined to it"
        )
        events[-1] += line.text
        return pos + 1

    def find_toc(self, pos: int) -> tuple[tuple[str, ...], set[int]]:
        """A table of contents: the body opens with empty structural headings, and the first
        label repeats (北京市数字经济促进条例: all nine 章 listed, then the first again with its
        text; 重庆 crams them into one heading line)."""
        run: list[tuple[Line, tuple[str, int]]] = []
        lines = self.lines
        i = pos
        while i < len(lines):
            unit = self.unit_of(lines[i])
            if unit is None:
                break
            run.append((lines[i], unit))
            i += 1
        if not run:
            return (), set()
        first = run[0][1]
        cut = next((k for k in range(1, len(run)) if run[k][1] == first), None)
        if cut is None:
            crammed = len(run) == 1 and _CRAMMED_RE.search(run[0][0].text[2:])
            later = any(self.unit_of(line) == first for line in lines[i:])
            if not later or (len(run) < 2 and not crammed):
                return (), set()
            cut = len(run)
        entries = run[:cut]
        self.warn(
            entries[0][0],
            "toc",
            f"a table of contents ({len(entries)} line(s)) stands in the body; kept apart",
        )
        return tuple(line.text for line, _ in entries), {line.number for line, _ in entries}

    def unit_of(self, line: Line) -> tuple[str, int] | None:
        match = line.match
        if match is None or match["unit"] is None:
            return None
        if not line.level and not plain_heading_ok(match):
            return None
        try:
            return (match["unit"], from_chinese(match["unum"]))
        except ValueError:
            return None

    # ---- body

    def line(self, line: Line) -> None:
        match = line.match
        kind = match.lastgroup if match is not None else None  # which LINE_RE alternative
        if match is not None and kind == "comment" and not line.level:
            self.comment(line, match["comment"])
            return
        if self.table is not None:
            self.table.append(line.raw.strip())
            return
        if kind == "appendix":
            self.open_appendix(line)
            return
        in_appendix = bool(self.appendices)
        if (
            match is not None
            and kind == "utitle"
            and not in_appendix
            and (line.level or plain_heading_ok(match))
        ):
            self.structural(line, match)
            return
        if match is not None and kind == "atext":
            if in_appendix:
                if not line.level:
                    self.warn(
                        line,
                        "article-in-appendix",
                        "an article label inside an appendix is kept as text",
                    )
            elif self.article_line(line, match):
                return
            elif line.level:
                # a heading whose 条 label is no numeral: its text stays where it stands
                self.flow(line)
                return
        elif kind is None and not line.escaped and line.text.startswith("第"):
            bad = bad_label_re().match(line.text)
            if bad is not None and not self.numeral_ok(bad["num"]):
                self.warn(
                    line,
                    "bad-numeral",
                    f"{bad[0].strip()!r} is not a numbered label: "
                    f"{bad['num']!r} is not a numeral; kept as text",
                    column=line.column_of(bad["num"]),
                )
                if bad["unit"] == "条":
                    self.flow(line)
                    return
        if line.level:
            self.division(line)
            return
        self.flow(line)

    @staticmethod
    def numeral_ok(text: str) -> bool:
        try:
            from_chinese(text)
        except ValueError:
            return False
        return True

    def comment(self, line: Line, body: str) -> None:
        if self.table is not None:
            if body == TABLE_END:
                table = Table(tuple(self.table))
                self.table = None
                self.table_line = None
                self.close_flow()
                self.target().append(table)
            else:
                self.table.append(line.raw.strip())
            return
        if body == FORCE_BREAK:
            if self.pending_break is not None:
                self.stray_break()
            self.pending_break = line
            return
        if body == TABLE_START:
            if self.article is not None:
                self.warn(line, "table-in-article", "a table inside an article closes the article")
            self.close_flow()
            self.table = []
            self.table_line = line
            return
        if body == TABLE_END:
            self.warn(line, "stray-marker", "TABLE END without TABLE; kept as text")
        else:
            self.warn(line, "unknown-marker", f"unknown marker {line.text!r} kept as text")
        self.flow(line)

    def stray_break(self) -> None:
        line = self.pending_break
        assert line is not None
        self.pending_break = None
        self.warn(line, "stray-force-break", "FORCE BREAK not followed by a paragraph; dropped")

    def target(self) -> list[_Child]:
        """Where free blocks go now: the open article's container, appendix, or the body."""
        if self.stack:
            return self.stack[-1].children
        if self.appendices:
            return self.appendices[-1].children
        return self.body

    def close_flow(self) -> None:
        self.para = self.item = self.sub = None
        self.article = None
        if self.table is not None and self.table_line is not None:
            line = self.table_line
            self.warn(line, "unterminated-table", "TABLE without TABLE END; closed here")
            lines = self.table
            self.table = None
            self.table_line = None
            self.target().append(Table(tuple(lines)))

    def structural(self, line: Line, match: re.Match[str]) -> None:
        unit = match["unit"]
        try:
            number = from_chinese(match["unum"])
        except ValueError:
            self.warn(
                line,
                "bad-numeral",
                f"{match['unum']!r} is not a numeral; heading kept as an unnumbered one",
                column=line.column_of(match["unum"]),
            )
            self.division(line)
            return
        if not line.level:
            self.warn(
                line,
                "heading-without-marker",
                f"{line.text!r} reads as a heading though it has no '#'",
            )
        self.break_into_heading()
        rank = _RANK[unit]
        title = match["utitle"].strip()
        self.close_flow()
        while self.stack and (self.stack[-1].rank >= rank or self.stack[-1].kind == "division"):
            self.stack.pop()
        self.check_unit(line, unit, number)
        container = _Container(unit, number, title, rank)
        self.target().append(container)
        self.stack.append(container)

    def check_unit(self, line: Line, unit: str, number: int) -> None:
        last = self.last_unit.get(unit)
        if unit == "编":
            expected = {1} if last is None else {last + 1}
            for lower in ("分编", "节"):
                self.last_unit.pop(lower, None)
            self.part_since_chapter = True
        elif unit == "章":
            expected = {1} if last is None else {last + 1}
            if self.part_since_chapter:
                expected.add(1)
            self.part_since_chapter = False
            self.last_unit.pop("节", None)
        else:
            parent = "编" if unit == "分编" else "章"
            fresh = last is None or self.parent_opened_after(parent, unit)
            expected = {1} if fresh else {last + 1}  # type: ignore[operator]
        self.last_unit[unit] = number
        if number not in expected:
            want = (
                "或".join(f"第{to_chinese(n)}{unit}" for n in sorted(expected) if n <= MAX_NUMBER)
                or f"nothing after 第{to_chinese(MAX_NUMBER)}{unit}"
            )
            found = f"第{to_chinese(number)}{unit}"
            code = "repeated-number" if last == number else "skipped-number"
            if last is not None and number < last and number not in expected:
                code = "out-of-order"
            self.warn(line, code, f"expected {want}, found {found}", column=line.column_of("第"))

    def parent_opened_after(self, parent: str, unit: str) -> bool:
        # A section's numbering restarts in each chapter: the innermost open container of the
        # parent's rank is new since the last section when it has no such child yet.
        for container in reversed(self.stack):
            if container.kind == parent:
                return not any(
                    isinstance(c, _Container) and c.kind == unit for c in container.children
                )
        return False  # no parent open (民法典 合同编 prints its 编 as a title): numbering runs on

    def break_into_heading(self) -> None:
        if self.pending_break is not None:
            self.stray_break()

    def division(self, line: Line) -> None:
        """An unnumbered heading: a division of the body, or of the current appendix."""
        self.break_into_heading()
        self.close_flow()
        if not line.text:
            self.warn(line, "empty-heading", "a heading with no text")
        container = _Container("division", 0, line.text, 99, line.level)
        if self.appendices:
            self.stack.clear()
            self.appendices[-1].children.append(container)
        else:
            self.stack.clear()
            self.body.append(container)
        self.stack.append(container)

    def open_appendix(self, line: Line) -> None:
        self.break_into_heading()
        self.close_flow()
        self.stack.clear()
        self.appendices.append(_Container("appendix", 0, line.text, 0))

    def article_line(self, line: Line, match: re.Match[str]) -> bool:
        """A 条 label.  Return False when the line is prose after all (kept as a paragraph)."""
        raw_num = match["anum"]
        spaced = not raw_num.isalnum()  # 第一百二十四 条: white space inside the numeral
        try:
            number = from_chinese("".join(raw_num.split()) if spaced else raw_num)
            suffix = from_chinese(match["asuf"]) if match["asuf"] else 0
        except ValueError:
            self.warn(
                line,
                "bad-numeral",
                f"{raw_num!r} is not a numeral; the line is kept as text",
                column=line.column_of(raw_num),
            )
            return False
        key = (number, suffix)
        text = match["atext"].strip()
        broken = spaced or bool(match["abreak"])
        if not line.level and text and not match["asep"] and not broken:
            # 第三十五条规定… at the start of a line is prose, unless it is the next article.
            if key not in self.expected_articles():
                return False
            self.warn(
                line,
                "missing-separator",
                f"no space after {line.text[: match.end('anum') + 1]!r}; read as an article",
                column=match.end("anum") + 2,
            )
        if broken:
            self.warn(
                line,
                "broken-marker",
                f"white space inside the label {match.group(0)[: match.start('asep')]!r}",
                column=line.column_of(raw_num),
            )
        self.check_article(line, key)
        self.close_flow()
        if (
            self.stack
            and self.stack[-1].kind == "division"
            and (self.stack[-1].title in PREAMBLE_TITLES)
        ):
            self.stack.pop()  # 序言 holds no articles: the first one closes it
        article = _Article(number, suffix)
        self.target().append(article)
        self.article = article
        if self.pending_break is not None and not text:
            self.stray_break()
        if text:
            self.flow_text(line, text)
        return True

    def expected_articles(self) -> set[tuple[int, int]]:
        last = self.last_article
        if last is None:
            return {(1, 0)}
        return {(last[0] + 1, 0), (last[0], last[1] + 1)}

    def check_article(self, line: Line, key: tuple[int, int]) -> None:
        last = self.last_article
        self.last_article = key
        if last is None or key in {(last[0] + 1, 0), (last[0], last[1] + 1)}:
            return
        found = Article(key[0], key[1]).label
        if key == last:
            code, message = "repeated-number", f"{found} appears twice"
        elif key < last:
            code, message = "out-of-order", f"{found} comes after {Article(*last).label}"
        else:  # key > last, so last[0] + 1 <= key[0] is a number a label can carry
            want = Article(last[0] + 1).label
            code, message = "skipped-number", f"expected {want}, found {found}"
        self.warn(line, code, message, column=line.column_of("第"))

    # ---- paragraphs and lists

    def flow(self, line: Line) -> None:
        self.flow_text(line, line.text)

    def flow_text(self, line: Line, text: str) -> None:
        """Add a line of text to the open article, or to the free text where we are."""
        inline = inline_item_re().fullmatch(text) if ("一）" in text or "一)" in text) else None
        if inline is not None:
            self.warn(
                line,
                "inline-item",
                "an item stands on the line of its introduction; split into its own line",
                column=line.column_of(inline["item"]),
            )
            self.flow_text(line, inline["intro"])
            self.flow_text(line, inline["item"])
            return
        if text is line.text:
            match = line.match
        elif text[0] in _LIST_OPENERS:  # text after an article label or an inline item
            match = LINE_RE.match(text)
        else:
            match = None
        if match is not None:
            kind = match.lastgroup
            if kind == "itext":
                self.add_item(line, match["inum"], match["itext"].strip())
                return
            if kind == "stext" and self.item is not None:
                self.add_sub(line, int(match["snum"]), match["stext"].strip(), paren=False)
                return
            if kind == "ptext" and self.item is not None:
                self.add_sub(line, int(match["pnum"]), match["ptext"].strip(), paren=True)
                return
        self.new_para(line, text)

    def new_para(self, line: Line, text: str) -> _Para:
        brk = self.pending_break is not None
        self.pending_break = None
        para = _Para(text, brk)
        if self.article is not None:
            self.article.children.append(para)
        else:
            target = self.target()
            if self.stack and self.stack[-1].kind in _RANK and text:
                self.warn(
                    line,
                    "stray-text",
                    f"text outside any article under {self.stack[-1].title or 'a heading'!r};"
                    " kept as a paragraph there",
                )
            target.append(para)
        self.para = para
        self.item = self.sub = None
        return para

    def add_item(self, line: Line, numeral: str, text: str) -> None:
        number = from_chinese(numeral)
        if self.para is None:
            self.new_para(line, "")
        para = self.para
        assert para is not None
        expected = para.items[-1].number + 1 if para.items else 1
        if number != expected:
            self.warn(
                line,
                "item-number",
                f"expected item （{to_chinese(expected)}）, found （{numeral}）",
            )
        item = _Entry(number, text)
        para.items.append(item)
        self.item = item
        self.sub = None
        self.sub_paren = False

    def add_sub(self, line: Line, number: int, text: str, *, paren: bool) -> None:
        item = self.item
        assert item is not None
        if paren and self.sub is not None and not self.sub_paren:
            parent_list = self.sub.subs
            self.sub.subs.append(_Entry(number, text))
        else:
            parent_list = item.subs
            sub = _Entry(number, text)
            item.subs.append(sub)
            self.sub = sub
            self.sub_paren = paren
        expected = parent_list[-2].number + 1 if len(parent_list) > 1 else 1
        if number != expected:
            self.warn(line, "item-number", f"expected sub-item {expected}, found {number}")


def _renumber(nodes: list[object]) -> tuple[object, ...]:
    out: list[object] = []
    count = 0
    for node in nodes:
        if isinstance(node, Paragraph):
            count += 1
            if node.number != count:
                node = Paragraph(count, node.text, node.items, node.break_before)
        out.append(node)
    return tuple(out)


def parse(text: str, *, source: str = "<string>", strict: bool = False) -> Regulation:
    """Parse a regulation written in either Markdown dialect (see FORMAT.md).

    Args:
        text: the source text.  A leading BOM is ignored; line ends may be LF or CRLF.
        source: a name for the source, used in error messages.
        strict: raise the first oddity as a :class:`ParseError` instead of a warning.

    Raises:
        ParseError: the text is not a regulation (empty, no ``# `` title line, binary or
            control characters), or, when *strict*, the first oddity found.

    >>> reg = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n第二条 本条例自公布之日起施行。")
    >>> [a.label for a in reg.articles]
    ['第一条', '第二条']
    """
    parser = _Parser(text, source)
    regulation = parser.parse()
    if strict and regulation.warnings:
        # the first oddity in the text, wherever the parser happened to notice it
        first = min(regulation.warnings, key=lambda w: (w.line, w.column))
        raw = parser.text.split("\n")[first.line - 1].rstrip("\r")
        raise ParseError(
            f"{first.message} [{first.code}]",
            line=first.line,
            column=first.column,
            text=raw,
            source=source,
        )
    return regulation


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Regulation:
    """Read the UTF-8 file at *path* (a BOM tolerated) and :func:`parse` it.

    Bytes that are not UTF-8 are a :class:`ParseError` at the line and column of the first bad
    byte, with the line shown (bad bytes replaced).
    """
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    source = os.fspath(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        start = before.rfind(b"\n") + 1
        end = data.find(b"\n", err.start)
        raise ParseError(
            f"expected UTF-8 text, found the byte 0x{data[err.start]:02X}",
            line=before.count(b"\n") + 1,
            column=len(data[start : err.start].decode("utf-8", "replace")) + 1,
            text=data[start : end if end >= 0 else len(data)].decode("utf-8", "replace"),
            source=source,
        ) from None
    return parse(text, source=source, strict=strict)
