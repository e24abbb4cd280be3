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

from .._model.errors import ParseError
from .._model.flow import CLOSED
from .._model.numerals import MAX_NUMBER
from .._model.prebuilt import make_event
from .._model.regulation import Regulation
from .._model.structure import RANKS
from .._model.tree import is_structure, toc_label, walk_nodes
from .._model.trusted import regulation
from .._model.units import ParseWarning, Table
from .builders import Child, Container, Freezer, OpenArticle, OpenParagraph, renumber, restarts
from .header import file_hint, read_header
from .headings import HeadingReader
from .lexer import (
    FORCE_BREAK,
    MAX_LEVEL,
    TABLE_END,
    TABLE_START,
    Line,
    bad_label_re,
    lex,
    pipe_tables,
    plain_heading_ok,
    table_line,
)
from .lists import ListReader
from .numbering import Numbering

__all__ = ["parse"]


def _toc_fits(toc: tuple[str, ...], body: list[object]) -> bool:
    """Does *toc* list the body's first heading first, and only once (what the model asks)?"""
    labels = [toc_label(entry) for entry in toc]
    first = next((n for n in walk_nodes(tuple(body)) if type(n) in RANKS), None)
    label = getattr(first, "label", None)
    return None not in labels and label == labels[0] and label not in labels[1:]


class _Parser(ListReader, HeadingReader):
    """Reads the lines of one source into a Regulation (one use)."""

    def __init__(self, text: str, source: str, toc: bool = True) -> None:
        self.source = source
        self.find_toc = toc
        self.warnings: list[ParseWarning] = []
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        if not text or text.isspace():  # (not text.strip(), without copying the text)
            raise ParseError(
                "expected a regulation, found empty input", line=1, column=1, source=source
            )
        self.lines, zero_width, too_deep, private_use, split = lex(text, source)
        for number, column in zero_width:
            self.warn_at(number, column, "", "zero-width", "zero-width space (U+200B) removed")
        for number, column in split:
            self.warn_at(number, column, "", "heading-article", "an article stands on the line "
                         "of a heading; read as a line of its own")  # fmt: skip
        by_number = {line.number: line for line in self.lines} if too_deep else {}
        for number in too_deep:
            line = by_number[number]
            marks = line.raw.lstrip()
            hashes = len(marks) - len(marks.lstrip("#"))
            self.warn(
                line,
                "deep-heading",
                f"{hashes} '#' signs: Markdown headings have {MAX_LEVEL} at most; read as a "
                f"heading of depth {MAX_LEVEL}",
                column=line.raw.find("#") + 1,
            )
        # body state
        self.body: list[Child] = []
        self.stack: list[Container] = []
        self.appendices: list[Container] = []
        self.article: OpenArticle | None = None
        self.reset_list()
        self.pending_break: Line | None = None
        self.numbering = Numbering(self.warnings)
        self.table: list[str] | None = None
        self.table_line: Line | None = None
        for number, column, char in private_use:
            self.warn_at(
                number,
                column,
                "",
                "private-use",
                f"private-use character U+{ord(char):04X} kept as printed",
            )

    # ---- warnings

    def warn_at(self, line: int, column: int, raw: str, code: str, message: str) -> None:
        del raw  # the line is looked up again only if the warning becomes an error
        self.warnings.append(ParseWarning(line, column, code, message))

    def warn(self, line: Line, code: str, message: str, column: int = 1) -> None:
        self.warn_at(line.number, column, line.raw, code, message)

    def fail(self, line: Line, message: str, column: int = 1) -> ParseError:
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
        head = read_header(lines, self.warn, self.fail, toc=self.find_toc)
        pos, toc_lines = head.end, head.toc_lines
        rest = lines[pos:]
        if toc_lines:
            rest = [line for line in rest if line.number not in toc_lines]
        tables, read_to = (pipe_tables(rest) if "|" in self.text else {}), 0
        new = object.__new__
        for line in rest:
            if tables and (line.number <= read_to or (read_to := self.pipe_table(line, tables))):
                continue
            # The usual line, read without line()'s dispatch: prose in an article with nothing
            # open is its next 款 (as line() -> flow() -> flow_text() -> new_para() reads it).
            article = self.article
            if (
                article is not None
                and line.match is None
                and self.item is None
                and self.quote is CLOSED
                and self.pending_break is None
                and self.table is None
                and not line.level
                and not line.escaped
            ):
                text = line.text
                children = article.children
                if (
                    text[0] != "第"
                    and "一）" not in text
                    and "一)" not in text
                    and len(children) < MAX_NUMBER
                ):
                    marked = "“" in text or "”" in text or text[-1:] in "：:"
                    para = new(OpenParagraph)  # (OpenParagraph(text, False), written out)
                    para.text, para.brk, para.more, para.items = text, False, (), []
                    para.plain = not marked
                    children.append(para)
                    self.para, self.item, self.sub, self.deep = para, None, None, None
                    if marked:
                        self.opened(line, text)
                    continue
            match = line.match
            if match is not None and self.table is None and self.quote is CLOSED:
                # the other usual lines, read as line() would: an article (or prose citing one), a 项
                kind = match.lastgroup
                if kind == "atext" and not self.appendices:
                    if not self.article_line(line, match):
                        self.flow(line)
                    continue
                if kind == "itext" and not line.level:
                    self.flow_text(line, line.text, match)
                    continue
            self.line(line)
        self.close_flow()
        if self.pending_break is not None:
            self.stray_break()
        freezer = Freezer(restarts(self.body))
        body = list(freezer.children(self.body))
        if head.toc and not _toc_fits(head.toc, body):
            # a contents list not fitting the body (_toc_fits) is headings of the body after all
            return _Parser(self.text, self.source, toc=False).parse()
        if self.numbering.last_article is None:
            self.no_articles(rest[0] if rest else None, body)
        preamble: list[object] = []
        if any(is_structure(node) for node in body):
            while body and not is_structure(body[0]):
                preamble.append(body.pop(0))
        return regulation(
            head.title,
            head.subtitles,
            tuple([make_event(text) for text in head.events]),
            head.toc,
            renumber(preamble),
            renumber(body),
            freezer.children(self.appendices),  # type: ignore[arg-type]
            tuple(sorted(self.warnings, key=lambda w: (w.line, w.column))),
            tuple(freezer.articles),
        )

    def no_articles(self, first: Line | None, body: list[object]) -> None:
        """No article was read: say so at the first line of the body (line 1 when it has
        none), unless all there is after the header are appendices (a list or form published
        alone, which the model holds as :class:`~wuxi_dt_regulation.Appendix`)."""
        if not body and self.appendices:
            return
        what = "the text after the header is kept as free text" if body else "no text follows"
        self.warn_at(
            first.number if first is not None else 1,
            1,
            "",
            "no-articles",
            f"no article (第一条 …) in the text: {what}, and nothing can be cited by article "
            "(an amending instrument is read by parse_amendment)",
        )

    # ---- body

    def line(self, line: Line) -> None:
        match = line.match
        if (
            match is None
            and self.table is None
            and self.quote is CLOSED
            and not line.level
            and (line.escaped or line.text[0] != "第")
        ):
            self.flow(line)  # prose: the usual line, read without the dispatch below
            return
        # (an article line with no table or quotation open and no appendix begun is read by
        # parse()'s loop before it comes here)
        kind = match.lastgroup if match is not None else None  # which LINE_RE alternative
        if match is not None and kind == "comment" and not line.level:
            self.comment(line, match["comment"])
            return
        if self.table is not None:
            self.table.append(table_line(line))
            return
        if self.quote is not CLOSED and self.quoted(line):
            return  # a line of the wording the open unit quotes
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

    def comment(self, line: Line, body: str) -> None:
        if self.table is not None:
            if body == TABLE_END:
                table = Table(tuple(self.table))
                self.table = None
                self.table_line = None
                self.close_flow(line)
                self.target().append(table)
            else:
                self.table.append(table_line(line))
            return
        if body == FORCE_BREAK:
            if self.pending_break is not None:
                self.stray_break()
            self.pending_break = line
            return
        if body == TABLE_START:
            if self.article is not None:
                self.warn(line, "table-in-article", "a table inside an article closes the article")
            self.close_flow(line)
            self.table = []
            self.table_line = line
            return
        if body == TABLE_END:
            self.warn(line, "stray-marker", "TABLE END without TABLE; kept as text")
        else:
            self.warn(line, "unknown-marker", f"unknown marker {line.text!r} kept as text")
        if not (self.quote is not CLOSED and self.quoted(line)):
            self.flow(line)

    def pipe_table(self, line: Line, tables: dict[int, tuple[Line, ...]]) -> int:
        """Read the pipe table starting at *line* as a marked one: its last line's number, or 0
        (none starts here, or an open marked table or quotation takes its rows)."""
        rows = tables.get(line.number)
        if rows is None or self.table is not None or self.quote is not CLOSED:
            return 0
        self.comment(line, TABLE_START)
        self.table = [table_line(row) for row in rows]
        self.comment(rows[-1], TABLE_END)
        return rows[-1].number

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

    def close_flow(self, line: Line | None = None) -> None:
        """The flow of 款 ends (before *line*, or at the end of the text)."""
        if self.para is not None:  # (nothing is open, not even a quotation, without a 款)
            if self.quote is not CLOSED:
                self.end_quote(line)
            self.para = self.item = self.sub = self.deep = None
        self.article = None
        if self.table is not None and self.table_line is not None:
            line = self.table_line
            self.warn(line, "unterminated-table", "TABLE without TABLE END; closed here")
            lines = self.table
            self.table = None
            self.table_line = None
            self.target().append(Table(tuple(lines)))


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
    try:
        parser = _Parser(text, source)
        regulation = parser.parse()
    except ParseError as err:
        hint = file_hint(text)
        if hint is None:
            raise
        raise ParseError(
            err.message + hint, line=err.line, column=err.column, text=err.text, source=source
        ) from None
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
