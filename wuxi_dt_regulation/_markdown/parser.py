"""Source lines -> :class:`~wuxi_dt_regulation.Regulation`: the body's state machine.

Grammar of the body (both dialects; docs/source-format.md; blank lines only separate; the header
is :mod:`.header`'s, paragraphs and lists :mod:`.lists`')::

    body      := toc? unit*
    unit      := part | subpart | chapter | section   -- 第一编 / 第一分编 / 第一章 / 第一节, by text
               | article                              -- 第一条 [text]; heading or plain line
               | division                             -- any other heading: ## 附则, ## 序言
               | appendix                             -- 附件一, 附表二, 附： (heading or plain)
               | paragraph | table | "<!-- FORCE BREAK -->"
    table     := "<!-- TABLE -->" line* "<!-- TABLE END -->"

Units nest by rank (编 > 分编 > 章 > 节 > 条): a heading closes every open unit of its rank or
below.  An unnumbered heading closes them all.  Everything after the first appendix line belongs
to an appendix.  Free text before the first structural unit is the preamble.

What the parser finds odd becomes a :class:`~wuxi_dt_regulation.ParseWarning`; with
``strict=True`` the first one is raised as a :class:`~wuxi_dt_regulation.ParseError` instead.
"""

from __future__ import annotations

import re

from .._model.errors import ParseError
from .._model.numerals import from_chinese
from .._model.regulation import Regulation
from .._model.structure import PREAMBLE_TITLES
from .._model.tree import is_structure
from .._model.units import Event, ParseWarning, Table
from .builders import Child, Container, OpenArticle, freeze_all, renumber
from .header import read_header
from .lexer import (
    FORCE_BREAK,
    TABLE_END,
    TABLE_START,
    Line,
    bad_label_re,
    find_control,
    lex,
    plain_heading_ok,
)
from .lists import RANK, ListReader
from .numbering import Numbering

__all__ = ["parse"]

_PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")


class _Parser(ListReader):
    """Reads the lines of one source into a Regulation (one use)."""

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
        self.body: list[Child] = []
        self.stack: list[Container] = []
        self.appendices: list[Container] = []
        self.article: OpenArticle | None = None
        self.reset_list()
        self.pending_break: Line | None = None
        self.numbering = Numbering(self.warn)
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
        """Read the header, then every line of the body; freeze what was built."""
        lines = self.lines
        if not lines:  # nothing but white space and zero-width spaces
            raise ParseError(
                "expected a regulation, found empty input", line=1, column=1, source=self.source
            )
        head = read_header(lines, self.warn, self.fail)
        pos, toc_lines = head.end, head.toc_lines
        for line in lines[pos:]:
            if line.number in toc_lines:
                continue
            self.line(line)
        self.close_flow()
        if self.pending_break is not None:
            self.stray_break()
        body = list(freeze_all(self.body))
        preamble: list[object] = []
        if any(is_structure(node) for node in body):
            while body and not is_structure(body[0]):
                preamble.append(body.pop(0))
        return Regulation(
            title=head.title,
            subtitles=head.subtitles,
            history=tuple(Event(text) for text in head.events),
            toc=head.toc,
            preamble=renumber(preamble),  # type: ignore[arg-type]
            body=renumber(body),  # type: ignore[arg-type]
            appendices=tuple(a.freeze() for a in self.appendices),  # type: ignore[misc]
            warnings=tuple(sorted(self.warnings, key=lambda w: (w.line, w.column))),
        )

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

    def target(self) -> list[Child]:
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
        rank = RANK[unit]
        title = match["utitle"].strip()
        self.close_flow()
        while self.stack and (self.stack[-1].rank >= rank or self.stack[-1].kind == "division"):
            self.stack.pop()
        self.numbering.check_unit(line, unit, number, self.stack)
        container = Container(unit, number, title, rank)
        self.target().append(container)
        self.stack.append(container)

    def break_into_heading(self) -> None:
        if self.pending_break is not None:
            self.stray_break()

    def division(self, line: Line) -> None:
        """An unnumbered heading: a division of the body, or of the current appendix."""
        self.break_into_heading()
        self.close_flow()
        if not line.text:
            self.warn(line, "empty-heading", "a heading with no text")
        container = Container("division", 0, line.text, 99, line.level)
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
        self.appendices.append(Container("appendix", 0, line.text, 0))

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
            if key not in self.numbering.expected_articles():
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
        self.numbering.check_article(line, key)
        self.close_flow()
        if (
            self.stack
            and self.stack[-1].kind == "division"
            and (self.stack[-1].title in PREAMBLE_TITLES)
        ):
            self.stack.pop()  # 序言 holds no articles: the first one closes it
        article = OpenArticle(number, suffix)
        self.target().append(article)
        self.article = article
        if self.pending_break is not None and not text:
            self.stray_break()
        if text:
            self.flow_text(line, text)
        return True


def parse(text: str, *, source: str = "<string>", strict: bool = False) -> Regulation:
    """Parse a regulation written in either Markdown dialect (docs/source-format.md).

    Lines are classified by their text, never by their ``#`` depth.  Every non-blank line lands in
    exactly one place of the model; what looks odd (a skipped number, a table of contents left in
    the body, text outside any article) becomes a :class:`ParseWarning` with its position.

    Args:
        text: the source.  A leading BOM is ignored; line ends may be LF or CRLF.
        source: a name for the source, used in error messages (``source:line:col: …``).
        strict: raise the first oddity (by position) as a :class:`ParseError` instead.

    Raises:
        ParseError: the text is not a regulation (empty, no ``# …`` title line, binary data or
            control characters), or, when *strict*, the first oddity.

    >>> reg = parse("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n\\n第三条 本条例自公布之日起施行。")
    >>> [a.label for a in reg.articles]
    ['第一条', '第三条']
    >>> [(w.line, w.code) for w in reg.warnings]
    [(5, 'skipped-number')]
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
