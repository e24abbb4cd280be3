"""Paragraphs and lists: how a line of text joins the 款, 项 and 目 being read.

Grammar (blank lines only separate; which line continues which unit is decided by the reading
rules of :mod:`wuxi_dt_regulation._model.flow`, shared with the renderer and the model)::

    paragraph := text further* item*        -- one 款: an introduction, quoted wording, its 项
    item      := （一） text further* subitem* -- also (一); a 项 printed 1． right under an
                                              -- introduction ending in ：
    subitem   := 1． text further* level4*   -- also 1. 1、 １．; （1） under a 项 printed 1．
    level4    := （1） text further*          -- also （１）
    further   := a line read while a quotation the unit opened is open; or prose after a 项
                 (or its 目) when the 项 after it follows before the article ends

A line that holds an introduction and its items (``…： （一）…； （二）…。``) is split first.

:class:`ListReader` is the part of the parser's state machine that reads them; the parser
(:mod:`.parser`) mixes it in and provides where free text goes (``target``), the open article
and heading stack, the lines (for the look-ahead of a resuming list), ``tokens`` and ``warn``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from .._model.errors import ParseError
from .._model.flow import (
    CLOSED,
    DEEP,
    DOT,
    ITEM,
    LIST,
    PAREN,
    SUB,
    TEXT,
    Quote,
    Reading,
    Token,
    feed,
    fresh,
    level_of,
    ordinal_of,
)
from .._model.numerals import MAX_NUMBER, from_chinese, known_numeral, to_chinese
from .builders import Child, Container, Entry, OpenArticle, OpenParagraph
from .inline import LIST_OPENERS, Piece, expand_text, piece_match, split_inline, token_of
from .lexer import LINE_RE, Line

__all__ = ["RANK", "ListReader"]

_new = object.__new__
#: The rank of each numbered heading (编 > 分编 > 章 > 节).
RANK = {"编": 1, "分编": 2, "章": 3, "节": 4}
#: What a line of the look-ahead stands for: a source line, or the tokens left on this one.
Ahead = Line | tuple[Token, ...]


class ListReader:
    """The 款 being read, the 项 and 目 its list has reached, and their quotation state."""

    # provided by the parser that mixes this in
    article: OpenArticle | None
    stack: list[Container]
    pending_break: Line | None
    lines: list[Line]

    def target(self) -> list[Child]:  # pragma: no cover - the parser's
        raise NotImplementedError

    def warn(
        self, line: Line, code: str, message: str, column: int = 1
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    # (the heading reader's, which knows which lines open a unit: a method of a later base)
    tokens: Callable[[Line, bool], Sequence[Token]]

    def fail(self, line: Line, message: str, column: int = 1) -> ParseError:
        raise NotImplementedError  # pragma: no cover

    def reset_list(self) -> None:
        """Nothing is being read: the next text opens a new 款."""
        self.para: OpenParagraph | None = None
        self.item: Entry | None = None
        self.sub: Entry | None = None
        self.deep: Entry | None = None
        self.sub_paren = False  # the open 目 is printed （1）
        self.quote: Quote = CLOSED  # of the innermost open unit
        self.quote_line: Line | None = None  # where the open quotation opened

    def innermost(self) -> Entry | OpenParagraph | None:
        return self.deep or self.sub or self.item or self.para

    def reading(self) -> Reading:
        """The reading rules' state (:class:`~wuxi_dt_regulation._model.flow.Reading`), built
        from what is open when a decision needs more than the usual line does."""
        reading = Reading()
        para, item = self.para, self.item
        if para is not None:
            reading.para = True
            reading.ordinal = ordinal_of(para.text)
            if item is not None:
                reading.item, reading.arabic = item.number, item.arabic
                if self.sub is not None:
                    reading.sub, reading.sub_paren = self.sub.number, self.sub_paren
                if self.deep is not None:
                    reading.deep = self.deep.number
            else:
                last = para.more[-1] if para.more else para.text
                reading.colon = last[-1:] in "：:"
        reading.quote = self.quote
        return reading

    def colon(self) -> bool:
        """The open 款 has no 项 yet and its last line ends in a colon (outside a quotation)."""
        para = self.para
        if para is None or self.item is not None or self.quote is not CLOSED:
            return False
        last = para.more[-1] if para.more else para.text
        return last[-1:] in "：:"

    # ---- quotations

    def quoted(self, line: Line) -> bool:
        """Read *line* inside the open quotation; False when the line ends it instead."""
        token = self.tokens(line, True)[0]
        reading = self.reading()
        if reading.ends_quote(token):
            self.end_quote(line)
            return False
        if self.pending_break is not None:
            # a forced break ends it when the line after it opens a new 款 (a marker that
            # would join a list once the quotation ends does not: the break waits)
            reading.quote = CLOSED
            if reading.level(token.kind) == TEXT:
                self.end_quote(line)
                return False
        self.go_on(line, line.text)
        return True

    def end_quote(self, line: Line | None) -> None:
        """The open quotation ends before *line* (None: at the end of the text or the flow)."""
        opened = self.quote_line
        if self.quote.depth and opened is not None:
            where = f"before line {line.number}" if line is not None else "to the end of the text"
            self.warn(
                opened,
                "unclosed-quote",
                f"a quotation opened here is not closed (no ”); it runs {where} and ends there",
                column=opened.raw.rfind("“") + 1 or 1,
            )
        self.quote = CLOSED
        self.quote_line = None

    def go_on(self, line: Line, text: str) -> None:
        """*text* continues the innermost open unit (a line of a quotation, or of a 项 over
        several paragraphs)."""
        unit = self.innermost()
        assert unit is not None
        unit.more += (text,)
        quote = self.quote = feed(self.quote, text)
        if quote.depth and self.quote_line is None:
            self.quote_line = line
        elif not quote.depth:
            self.quote_line = None

    def opened(self, line: Line, text: str) -> None:
        """A new unit opened with *text*: its quotation state."""
        quote = self.quote = fresh(text)
        self.quote_line = line if quote.depth else None

    # ---- the flow of text

    def flow(self, line: Line) -> None:
        """Add *line* to the open article, or to the free text where we are."""
        if line.escaped:
            self.take(line, TEXT, 0, line.text, line.text, ())
        else:
            self.flow_text(line, line.text, line.match)

    def flow_text(self, line: Line, text: str, match: re.Match[str] | None = None) -> None:
        """Add a line of text (or the text after an article's label) to the flow.

        No quotation is open here (a line inside one went to :meth:`quoted`), so a unit that
        opens starts with none unless its own text opens one."""
        if "一）" in text or "一)" in text:
            pieces = split_inline(text)
            if pieces is not None:
                self.flow_pieces(line, text, pieces)
                return
        if text is not line.text:
            match = LINE_RE.match(text) if text[:1] in LIST_OPENERS else None
        if match is None:
            if self.item is None or self.pending_break is not None:
                # prose with no list open: a new 款 (the usual line, read without detours)
                self.new_para(line, text)
                if "“" in text or "”" in text or text[-1:] in "：:":
                    self.opened(line, text)
            else:
                self.take(line, TEXT, 0, text, text, ())
            return
        if match.lastgroup == "itext":  # the usual 项: read without detours
            number = known_numeral(match["inum"])
            if number is None:
                try:
                    number = from_chinese(match["inum"])
                except ValueError:
                    number = None
            if number is not None:
                item_text = match["itext"].strip()
                self.add_item(line, number, item_text)
                if "“" in item_text or "”" in item_text or item_text[-1:] in "：:":
                    self.opened(line, item_text)
                return
        token, bad = token_of(text, match)
        if bad:
            self.bad_number(line, text, bad)
        self.take(line, token.kind, token.number, token.text, text, ())

    def flow_pieces(self, line: Line, text: str, pieces: list[Piece]) -> None:
        """A line that holds an introduction and its 项 (:func:`split_inline`), piece by piece."""
        # what each piece reads as, for the look-ahead from the pieces before it
        read_as = [
            tuple(expand_text(piece))
            if role == "tail"
            else (token_of(piece, piece_match(piece))[0],)
            for _, piece, role in pieces
        ]
        for index, (offset, piece, role) in enumerate(pieces):
            column = line.column_in(text, offset)
            if role == "tail":
                self.warn(line, "inline-paragraph", "text after the last item of the line "
                          "stands on the same line; read as a line of its own", column=column)  # fmt: skip
                self.flow_text(line, piece)
                continue
            if role == "item":
                before = "its introduction" if index == 1 else "the item before it"
                self.warn(line, "inline-item", f"an item stands on the line of {before}; "
                          "split into its own line", column=column)  # fmt: skip
            token, bad = token_of(piece, piece_match(piece))
            if bad:
                self.bad_number(line, piece, bad)
            rest = tuple(t for later in read_as[index + 1 :] for t in later)
            self.take(line, token.kind, token.number, token.text, piece, rest)

    def bad_number(self, line: Line, text: str, number: str) -> None:
        at = text.find(number)
        self.warn(
            line,
            "bad-numeral",
            f"{text[: at + len(number) + 1]!r} is no list marker: {number!r} is not a number a "
            "项 or 目 can carry (they count from 1); kept as text",
            column=line.column_in(text, at),
        )

    def take(
        self, line: Line, kind: str, number: int, text: str, whole: str, rest: tuple[Token, ...]
    ) -> None:
        """Read a line (or a piece of one, with *rest* after it on the line) of *kind*: its
        marker's *number*, the *text* after the marker, and the *whole* line (prose where no
        list takes the marker).  The reading rules' ``decide`` and ``apply``, with the
        builders filled on the way."""
        if kind == ITEM:
            level = LIST
        elif kind == TEXT:
            level = TEXT
        else:
            item, sub = self.item, self.sub
            dot_sub = sub is not None and not self.sub_paren
            arabic = item is not None and item.arabic
            level = level_of(kind, item is not None, arabic, dot_sub, kind == DOT and self.colon())
        if level == LIST:
            self.add_item(line, number, text, arabic=kind == DOT)
        elif level == SUB:
            self.add_sub(line, number, text, paren=kind == PAREN)
        elif level == DEEP:
            self.add_deep(line, number, text)
        elif (
            self.pending_break is None and self.item is not None and self.resumes(line, whole, rest)
        ):
            self.go_on(line, whole)  # the list goes on after it: part of the open unit
            return
        else:
            self.new_para(line, whole)
            text = whole
        if "“" in text or "”" in text or text[-1:] in "：:":
            self.opened(line, text)

    def resumes(self, line: Line, text: str, rest: tuple[Token, ...]) -> bool:
        """Rule 2 of the reading rules, looking ahead from *line* (whose *text*, or a piece of
        it with *rest* after it, is read)."""
        return self.reading().resumes(text, self.ahead(line, rest), self.expand)

    def ahead(self, line: Line, rest: tuple[Token, ...]) -> Iterator[Ahead]:
        if rest:
            yield rest
        lines = self.lines
        # the lines are in order of their numbers: find where this one stands (rarely asked)
        start = bisect.bisect_right(lines, line.number, key=lambda later: later.number)
        for index in range(start, len(lines)):
            yield lines[index]

    def expand(self, line: Ahead, quoted: bool) -> Sequence[Token]:
        if type(line) is Line:  # (a Line is a tuple too: the type, not isinstance)
            return self.tokens(line, quoted)
        return line  # type: ignore[return-value]

    # ---- the units

    def new_para(self, line: Line, text: str) -> OpenParagraph:
        """Open a new 款 (in the open article) or paragraph of free text."""
        brk = self.pending_break is not None
        self.pending_break = None
        para = OpenParagraph(text, brk)
        article = self.article
        if article is not None:
            if len(article.children) >= MAX_NUMBER:
                self.too_many(line, article.children)
            article.children.append(para)
        else:
            target = self.target()
            if len(target) >= MAX_NUMBER:
                self.too_many(line, target)
            if self.stack and self.stack[-1].kind in RANK and text:
                self.warn(
                    line,
                    "stray-text",
                    f"text outside any article under {self.stack[-1].title or 'a heading'!r};"
                    " kept as a paragraph there",
                )
            target.append(para)
        self.para = para
        self.item = self.sub = self.deep = None
        return para

    def too_many(self, line: Line, siblings: list[Child] | list[OpenParagraph]) -> None:
        """The model numbers paragraphs up to 9999: a 10000th one is refused, with its place."""
        if sum(isinstance(child, OpenParagraph) for child in siblings) >= MAX_NUMBER:
            raise self.fail(
                line,
                f"more than {MAX_NUMBER} paragraphs in one unit: 款 are numbered up to "
                f"{MAX_NUMBER} (第九千九百九十九款), and this is the next one",
            )

    def add_item(self, line: Line, number: int, text: str, *, arabic: bool = False) -> None:
        """Add 项 *number* to the 款 being read (opening an empty one if none is)."""
        if self.para is None:
            self.new_para(line, "")
        para = self.para
        assert para is not None
        expected = para.items[-1].number + 1 if para.items else 1
        if number != expected:
            label: Callable[[int], str] = (
                (lambda n: f"{n}．") if arabic else (lambda n: f"（{to_chinese(n)}）")
            )
            self.warn(
                line, "item-number", f"expected item {label(expected)}, found {label(number)}"
            )
        item = _new(Entry)  # (Entry(number, text, arabic), written out: no __init__ call)
        item.number = number
        item.text = text
        item.arabic = arabic
        item.more = ()
        item.subs = []
        para.items.append(item)
        self.item = item
        self.sub = self.deep = None

    def add_sub(self, line: Line, number: int, text: str, *, paren: bool) -> None:
        """Add a 目 (``1．``, or ``（1）`` when *paren*) to the open 项."""
        item = self.item
        assert item is not None
        self.check_sub(line, item.subs, number)
        sub = Entry(number, text)
        item.subs.append(sub)
        self.sub = sub
        self.sub_paren = paren
        self.deep = None

    def add_deep(self, line: Line, number: int, text: str) -> None:
        """Add a fourth-level ``（1）`` to the open 目."""
        sub = self.sub
        assert sub is not None
        self.check_sub(line, sub.subs, number)
        deep = Entry(number, text)
        sub.subs.append(deep)
        self.deep = deep

    def check_sub(self, line: Line, siblings: list[Entry], number: int) -> None:
        expected = siblings[-1].number + 1 if siblings else 1
        if number != expected:
            self.warn(line, "item-number", f"expected sub-item {expected}, found {number}")
