"""Headings, articles and appendices: the lines that open a unit of the body.

Grammar (the parser's; docs/source-format.md)::

    heading   := "#"* 第N(编|分编|章|节) title       -- by its text; "#" only a hint
    article   := "#"* 第N条[之M] (separator text)?   -- 第三十五条规定… with no separator is prose,
                                                  -- unless it is the next article
    division  := "#"+ text                         -- any other heading: ## 附则, ## 序言
    appendix  := 附件一 | 附表二 | 附录 | 附：title    -- heading or plain line

:class:`HeadingReader` is the part of the parser's state machine that reads them; the parser
(:mod:`.parser`) mixes it in.  :meth:`HeadingReader.article_key` tells an article's label from
prose that cites one, for the parser and for its look-ahead alike (:meth:`HeadingReader.tokens`:
what a line reads as for the reading rules, ``STOP`` for a line that opens a unit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._model.flow import BREAK, CLOSED, STOP, TEXT, Quote, Token
from .._model.numerals import from_chinese, known_numeral
from .._model.structure import PREAMBLE_TITLES
from .builders import Child, Container, Entry, OpenArticle, OpenParagraph
from .inline import LIST_OPENERS, expand_text, token_of
from .lexer import FORCE_BREAK, TABLE_START, Line, plain_heading_ok
from .lists import RANK
from .numbering import Numbering

__all__ = ["HeadingReader"]

_new = object.__new__
_STOP = (Token(STOP),)
_BREAK = (Token(BREAK),)


class HeadingReader:
    """Opens the 编, 分编, 章, 节, 条, divisions and appendices of the body."""

    # provided by the parser that mixes this in
    stack: list[Container]
    appendices: list[Container]
    body: list[Child]
    article: OpenArticle | None
    pending_break: Line | None
    numbering: Numbering
    para: OpenParagraph | None
    item: Entry | None
    sub: Entry | None
    deep: Entry | None
    quote: Quote
    table: list[str] | None

    def target(self) -> list[Child]:  # pragma: no cover - the parser's
        raise NotImplementedError

    def warn(
        self, line: Line, code: str, message: str, column: int = 1
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    def close_flow(self, line: Line | None = None) -> None:  # pragma: no cover
        raise NotImplementedError

    def stray_break(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def flow(self, line: Line) -> None:  # pragma: no cover
        raise NotImplementedError

    def flow_text(self, line: Line, text: str, match: re.Match[str] | None = None) -> None:
        raise NotImplementedError  # pragma: no cover

    def opened(self, line: Line, text: str) -> None:  # pragma: no cover - the list reader's
        raise NotImplementedError

    @staticmethod
    def numeral_ok(text: str) -> bool:
        try:
            from_chinese(text)
        except ValueError:
            return False
        return True

    def structural(self, line: Line, match: re.Match[str]) -> None:
        unit = match["unit"]
        try:
            number = from_chinese(match["unum"])
        except ValueError:
            if not line.level:  # a line without '#' is a heading only with a label
                self.warn(
                    line,
                    "bad-numeral",
                    f"{match['unum']!r} is not a numeral; the line is kept as text",
                    column=line.column_of(match["unum"]),
                )
                self.flow(line)
                return
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
        self.close_flow(line)
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
        self.close_flow(line)
        if not line.text:
            self.warn(line, "empty-heading", "a heading with no text")
        container = Container("division", 0, line.text, 99, line.level)
        self.stack.clear()
        if self.appendices:
            self.appendices[-1].children.append(container)
        else:
            self.body.append(container)
        self.stack.append(container)

    def open_appendix(self, line: Line) -> None:
        self.break_into_heading()
        self.close_flow(line)
        self.stack.clear()
        self.appendices.append(Container("appendix", 0, line.text, 0))

    def article_key(self, line: Line, match: re.Match[str]) -> tuple[int, int] | str:
        """The key ``(number, suffix)`` of an article label, or why the line is no article:
        ``"numeral"`` (a numeral that is none, such as 十十 or 之零), ``"label"`` (a label that
        is none, such as 第一条之一之一), ``"prose"`` (第三十五条规定…, citing an article)."""
        raw_num = match["anum"]
        try:
            number = from_chinese(raw_num if raw_num.isalnum() else "".join(raw_num.split()))
            suffix = from_chinese(match["asuf"]) if match["asuf"] else 0
        except ValueError:
            return "numeral"
        broken = not raw_num.isalnum() or bool(match["abreak"])
        if not match["asep"] and not broken and match["atext"][:1] == "之":
            return "label" if match["asuf"] else "prose"  # 第一条之一之一; 第三十五条之规定
        if (
            not line.level
            and match["atext"]
            and not match["asep"]
            and not broken
            and (number, suffix) not in self.numbering.expected_articles()
        ):
            return "prose"  # 第三十五条规定… opening a line cites it, unless it is the next one
        return (number, suffix)

    def article_line(self, line: Line, match: re.Match[str]) -> bool:
        """A 条 label.  Return False when the line is prose after all (kept as a paragraph)."""
        raw_num, asep, asuf, atext, abreak = match.group("anum", "asep", "asuf", "atext", "abreak")
        if asep and asuf is None and not abreak and raw_num.isalnum():
            # 第三十五条 text: the usual line, read without the checks below
            number = known_numeral(raw_num)
            if number is None:
                try:
                    number = from_chinese(raw_num)
                except ValueError:
                    number = None
            if number is not None:
                self.open_article(line, (number, 0), atext.strip())
                return True
        key: tuple[int, int] | str
        if asep and asuf is None and raw_num.isalnum():
            try:  # 第三十五条 text: the usual line
                key = (from_chinese(raw_num), 0)
            except ValueError:
                key = "numeral"
        else:
            key = self.article_key(line, match)
        if key == "numeral":
            if self.numeral_ok("".join(raw_num.split())):  # the number of 之N is the bad one
                suffix = match["asuf"]
                column = line.column_in(line.text, match.start("asuf"))
                what = f"{suffix!r} in '之{suffix}' is not a numeral (inserted articles are 之一, 之二 …)"
            else:
                column, what = line.column_of(raw_num), f"{raw_num!r} is not a numeral"
            self.warn(line, "bad-numeral", f"{what}; the line is kept as text", column=column)
            return False
        if key == "label":
            prefix = line.text[match.start() : match.end("asuf")]
            self.warn(
                line,
                "bad-label",
                f"'{prefix}之…' is no article label: an inserted article has one 之 "
                f"(such as {prefix}); the line is kept as text",
                column=line.column_in(line.text, match.end("asuf")),
            )
            return False
        if isinstance(key, str):  # prose
            return False
        text = match["atext"].strip()
        broken = not raw_num.isalnum() or bool(match["abreak"])
        if not line.level and text and not match["asep"] and not broken:
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
        self.open_article(line, key, text)
        return True

    def open_article(self, line: Line, key: tuple[int, int], text: str) -> None:
        """Open the article *key* at *line*, its first 款 the *text* after its label."""
        numbering = self.numbering
        last = numbering.last_article
        if last is not None and last[0] + 1 == key[0] and not key[1]:
            numbering.last_article = key  # the next article: check_article has nothing to say
        else:
            numbering.check_article(line, key)
        if self.table is None and self.quote is CLOSED:
            # close_flow() with no quotation or table open (a 款 and its list simply end)
            self.para = self.item = self.sub = self.deep = None
            self.article = None
        else:
            self.close_flow(line)
        if (
            self.stack
            and self.stack[-1].kind == "division"
            and (self.stack[-1].title in PREAMBLE_TITLES)
        ):
            self.stack.pop()  # 序言 holds no articles: the first one closes it
        article = _new(OpenArticle)  # (OpenArticle(*key), written out: no __init__ call)
        article.number, article.suffix = key
        article.children = []
        stack = self.stack  # (the target(): no article is read inside an appendix)
        (stack[-1].children if stack else self.body).append(article)
        self.article = article
        if not text:
            if self.pending_break is not None:
                self.stray_break()
        elif (
            text[0] not in LIST_OPENERS
            and "一）" not in text
            and "一)" not in text
            and self.pending_break is None
        ):
            # the usual article: its first 款 is the text after the label (flow_text's
            # reading of a text with no marker, when nothing is open)
            marked = "“" in text or "”" in text or text[-1:] in "：:"
            para = _new(OpenParagraph)  # (OpenParagraph(text, False), written out)
            para.text = text
            para.brk = False
            para.more = ()
            para.items = []
            para.plain = not marked
            article.children.append(para)
            self.para = para
            if marked:
                self.opened(line, text)
        else:
            self.flow_text(line, text)

    def tokens(self, line: Line, quoted: bool) -> Sequence[Token]:
        """What *line* reads as for the reading rules' look-ahead: ``STOP`` for a line that
        opens a unit of the body (or ends the flow), else the tokens of its text.  Inside a
        quotation (*quoted*) only a ``#`` heading, a table, a forced break or the next article
        stop; a line is not split there."""
        match = line.match
        if line.level:
            return _STOP  # a heading, escaped or not
        if line.escaped:
            return (Token(TEXT, 0, line.text, True),)
        kind = match.lastgroup if match is not None else None
        if kind == "comment":
            body = match["comment"] if match is not None else ""
            if body == FORCE_BREAK:
                return _BREAK
            return _STOP if body == TABLE_START else (Token(TEXT, 0, line.text),)
        in_appendix = bool(self.appendices)
        if kind == "appendix" and not quoted:
            return _STOP
        if (
            kind == "utitle"
            and match is not None
            and not quoted
            and not in_appendix
            and plain_heading_ok(match)
            and self.numeral_ok(match["unum"])  # else the line is kept as text
        ):
            return _STOP
        if kind == "atext" and not in_appendix and match is not None:
            key = self.article_key(line, match)
            if not isinstance(key, str) and (
                not quoted or key in self.numbering.expected_articles()
            ):
                return _STOP
        if quoted:
            return (token_of(line.text, match)[0],)
        return expand_text(line.text)
