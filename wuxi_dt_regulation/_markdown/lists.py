"""Paragraphs and lists: how a line of text joins the 款, 项 and 目 being read.

Grammar (blank lines only separate)::

    paragraph := text item*                           -- one 款: an intro and its 项
    item      := （一） text subitem*                   -- also (一)
    subitem   := 1． text level4*                      -- also 1. and 1、
    level4    := （1） text

:class:`ListReader` is the part of the parser's state machine that reads them; the parser
(:mod:`.parser`) mixes it in and provides where free text goes (``target``), the open article
and heading stack, and ``warn``.
"""

from __future__ import annotations

from .._model.numerals import from_chinese, to_chinese
from .builders import Child, Container, Entry, OpenArticle, OpenParagraph
from .lexer import LINE_RE, Line, inline_item_re

__all__ = ["RANK", "ListReader"]

#: The rank of each numbered heading (编 > 分编 > 章 > 节).
RANK = {"编": 1, "分编": 2, "章": 3, "节": 4}
_LIST_OPENERS = frozenset("（(0123456789")


class ListReader:
    """The 款 being read, and the 项 and 目 its list has reached."""

    # provided by the parser that mixes this in
    article: OpenArticle | None
    stack: list[Container]
    pending_break: Line | None

    def target(self) -> list[Child]:  # pragma: no cover - the parser's
        raise NotImplementedError

    def warn(
        self, line: Line, code: str, message: str, column: int = 1
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    def reset_list(self) -> None:
        """Nothing is being read: the next text opens a new 款."""
        self.para: OpenParagraph | None = None
        self.item: Entry | None = None
        self.sub: Entry | None = None
        self.sub_paren = False  # the current 目 list is printed （1） rather than 1．

    def flow(self, line: Line) -> None:
        """Add *line* to the open article, or to the free text where we are."""
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

    def new_para(self, line: Line, text: str) -> OpenParagraph:
        """Open a new 款 (in the open article) or paragraph of free text."""
        brk = self.pending_break is not None
        self.pending_break = None
        para = OpenParagraph(text, brk)
        if self.article is not None:
            self.article.children.append(para)
        else:
            target = self.target()
            if self.stack and self.stack[-1].kind in RANK and text:
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
        """Add 项 （numeral） to the 款 being read (opening an empty one if none is)."""
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
        item = Entry(number, text)
        para.items.append(item)
        self.item = item
        self.sub = None
        self.sub_paren = False

    def add_sub(self, line: Line, number: int, text: str, *, paren: bool) -> None:
        """Add a 目 (``1．``) to the open 项, or a fourth-level ``（1）`` to the open 目."""
        item = self.item
        assert item is not None
        if paren and self.sub is not None and not self.sub_paren:
            parent_list = self.sub.subs
            self.sub.subs.append(Entry(number, text))
        else:
            parent_list = item.subs
            sub = Entry(number, text)
            item.subs.append(sub)
            self.sub = sub
            self.sub_paren = paren
        expected = parent_list[-2].number + 1 if len(parent_list) > 1 else 1
        if number != expected:
            self.warn(line, "item-number", f"expected sub-item {expected}, found {number}")
