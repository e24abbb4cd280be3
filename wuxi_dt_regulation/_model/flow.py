"""How the printed lines of 款, 项 and 目 read back: quotations, and lists that resume.

A text unit (款 :class:`~.units.Paragraph`, 项 :class:`~.units.Item`, 目
:class:`~.units.SubItem`) is printed as its first line and, when it runs over several
paragraphs, further lines: its ``continuation``.  Whether a line continues the unit before it
or opens a new one follows two rules of Chinese drafting.  The parser applies them, the
renderer escapes what they would misread, and the model's constructors refuse a value they
would read back otherwise; all three use :class:`Reading`, so that they cannot disagree.

1. **Quoted text is text.**  Amending instruments (修正案, 修改决定) quote the new wording:
   ``将第五条修改为：“…``.  A quotation of several paragraphs opens each one with “ and closes
   only the last with ”.  A line read while a quotation is open belongs to the unit that
   quotes, whatever it starts with (``第五条 …``, ``第二节 …``, ``（一）…``).  A line ending in
   ``修改为：``, ``增加规定：`` or ``作为第X条：`` (``作为第二款：`` …) without a quotation mark
   opens a *bare* quotation, the new wording printed without marks: it runs until the
   amending text's own numbering goes on (the next 项 or 目 after the quoting one, the next
   ordinal ``二、`` after the quoting 款's ``一、``, the next article).  A quotation left
   open by a missing ” ends, and the parser warns, at the next article of the document, at
   the next ordinal after the quoting 款's, at a ``#`` heading, a table, or a forced break
   before a line that opens a 款.
2. **A list resumes.**  After 项（六）, unmarked paragraphs (and a ``1．`` ``2．`` list among
   them) followed by 项（七） belong to 项（六): each continues the innermost unit open when
   it is read (the 项, or its 目).  When the next 项 of the list does not follow before the
   article ends (or a forced break, or a line that opens a quotation, comes first), they are
   new 款.

Two more rules decide what a numbered line is:

3. ``1．`` under a 项 is a 目, and under a 目 printed ``1．`` a ``（1）`` is the fourth level.
4. **A list under a colon.**  A ``1．`` right after a 款 whose last line ends in ``：`` starts a
   list of 项 numbered in Arabic (立法法 第六十五条 divides a 款 into 项 and a 项 into 目: the
   level follows the position, and the Arabic numbers are kept as printed); their 目 are printed
   ``（1）``.  Elsewhere a ``1．`` with no list open is prose.

Nothing here knows the units' classes; the model's check that a value reads back as itself is
:func:`.readback.check_flow`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

__all__ = [
    "ARABIC",
    "BREAK",
    "CLOSED",
    "CONT",
    "DEEP",
    "DOT",
    "ITEM",
    "LIST",
    "PARA",
    "PAREN",
    "STOP",
    "SUB",
    "TEXT",
    "Quote",
    "Reading",
    "Token",
    "feed",
    "fresh",
    "level_of",
    "opens_bare",
    "ordinal_of",
]

QUOTE_OPEN, QUOTE_CLOSE = "“", "”"

# The kinds of a printed line (a Token's kind)
STOP = "stop"  # a line that is no text of a 款: a heading, an article, a table
BREAK = "break"  # <!-- FORCE BREAK -->: the next line that opens a 款 opens it with a break
TEXT = "text"  # prose (an escaped line is prose too)
ITEM = "item"  # （一）…
DOT = "dot"  # 1．… (also 1. and 1、)
PAREN = "paren"  # （1）…

# What a line does (Reading.decide); ITEM above doubles as "a 项 printed （一）"
PARA = "para"  # opens a new 款
ARABIC = "arabic"  # a 项 printed 1．
SUB = "sub"  # a 目
DEEP = "deep"  # the fourth level, （1） under a 目 printed 1．
CONT = "cont"  # continues the innermost open unit
LIST = "list"  # (Reading.level) a marker at the level of the open 款's 项

_ORDINAL_CHARS = "一二三四五六七八九十百千"
_N = f"[{_ORDINAL_CHARS}]+"
# The end of a line that introduces new wording printed without quotation marks.
_OPENER_PATTERN = rf"""
    (?:修改为                                   # 将第五条修改为：
      |增加规定                                 # 宪法第十一条增加规定：
      |作为(?:该条)?第{_N}(?:条(?:之{_N})?|款|项|目)  # 增加一条，作为第三十条：
      |作为第{_N}[^：:“”]{{0,40}}内容如下           # 分别作为第一百二十三条至第一百二十七条。内容如下：
    )[：:]$
    """
_OPENER_ENDS = ("修改为：", "修改为:", "增加规定：", "增加规定:")


@functools.cache
def _opener_re() -> re.Pattern[str]:
    return re.compile(_OPENER_PATTERN, re.VERBOSE)


@functools.cache
def _quotes_re() -> re.Pattern[str]:
    return re.compile("[“”]")


@functools.cache
def _ordinal_re() -> re.Pattern[str]:
    return re.compile(f"({_N})、")


class Quote(NamedTuple):
    """The quotation state after a line: how many “ are open, and whether a bare quotation is."""

    depth: int = 0
    bare: bool = False

    @property
    def open(self) -> bool:
        """Is the next line inside a quotation?"""
        return self.depth > 0 or self.bare


CLOSED = Quote()
_BARE = Quote(0, True)


def opens_bare(line: str) -> bool:
    """Does *line* end by introducing new wording (``…修改为：``, ``…作为第三十条：``)?"""
    if line[-1:] not in "：:":
        return False
    if line.endswith(_OPENER_ENDS):
        return True
    tail = line[-60:]
    return "作为" in tail and _opener_re().search(tail) is not None


def feed(quote: Quote, line: str) -> Quote:
    """The quotation state after reading *line* in state *quote*.

    A line that opens with “ while a quotation is open starts its next paragraph (the “ is not
    a new level); opening with “ after a bare introduction starts the quoted wording.  A ” with
    nothing open closes nothing.

    >>> feed(CLOSED, "将第五条修改为：“第五条 为了")
    Quote(depth=1, bare=False)
    >>> feed(Quote(1), "“（一）甲；”")
    Quote(depth=0, bare=False)
    >>> feed(CLOSED, "增加一条，作为第三十条：")
    Quote(depth=0, bare=True)
    """
    if QUOTE_OPEN not in line and QUOTE_CLOSE not in line:
        if quote.depth or line[-1:] not in "：:" or not opens_bare(line):
            return quote
        return _BARE
    depth, bare = quote
    start = 0
    if line.startswith(QUOTE_OPEN) and (depth or bare):
        start = 1 if depth else 0
        bare = False
    segment = line[start:] if start else line
    opens, closes = segment.count(QUOTE_OPEN), segment.count(QUOTE_CLOSE)
    if closes <= depth:  # no ” can find nothing open: the counts say it all
        depth += opens - closes
    else:
        for mark in _quotes_re().finditer(segment):
            if mark[0] == QUOTE_OPEN:
                depth += 1
            elif depth:
                depth -= 1
    if not depth and opens_bare(line):
        bare = True
    return Quote(depth, bare) if depth or bare else CLOSED


def ordinal_of(text: str) -> int:
    """The ordinal a paragraph of a decision opens with (``二、`` -> 2), or 0."""
    if not text or text[0] not in _ORDINAL_CHARS:
        return 0
    match = _ordinal_re().match(text)
    if match is None:
        return 0
    from .numerals import from_chinese

    try:
        return from_chinese(match[1])
    except ValueError:
        return 0


def fresh(text: str) -> Quote:
    """The quotation state after the first line of a unit (fast when it holds no mark)."""
    if QUOTE_OPEN in text or QUOTE_CLOSE in text or text[-1:] in "：:":
        return feed(CLOSED, text)
    return CLOSED


def level_of(kind: str, item: bool, arabic: bool, dot_sub: bool, colon: bool) -> str:
    """What a line of *kind* is: ``LIST`` (a 项 of the open 款), ``SUB`` (a 目), ``DEEP`` (the
    fourth level) or ``TEXT`` (prose: a marker with no list open to take it), given whether a
    项 is open (*item*, printed 1． when *arabic*), a 目 printed 1． is open (*dot_sub*), and
    the open 款 has no 项 and ends in a colon (*colon*)."""
    if kind == ITEM:
        return LIST
    if kind == DOT:
        if item:
            return LIST if arabic else SUB
        return LIST if colon else TEXT
    if kind == PAREN and item:
        return DEEP if dot_sub and not arabic else SUB
    return TEXT


class Token(NamedTuple):
    """A printed line as the reading rules see it: its kind, the number of its marker, the text
    after the marker, whether it was escaped (a leading backslash: always prose), and the whole
    line when a marker stands before the text (prose where no list takes the marker)."""

    kind: str
    number: int = 0
    text: str = ""
    escaped: bool = False
    full: str = ""

    @property
    def whole(self) -> str:
        """The text the line is when it is prose: the marker included."""
        return self.full or self.text


_Line = TypeVar("_Line")


class Reading:
    """The open units of a flow of 款 as the reader sees them, and what the next line does.

    The state is the open 款 (its ordinal ``一、`` and whether its last line ends in ``：``), the
    open 项 (its number, and whether the list is numbered in Arabic), the open 目 and fourth
    level, and the quotation state of the innermost open unit.
    """

    __slots__ = ("arabic", "colon", "deep", "item", "ordinal", "para", "quote", "sub", "sub_paren")

    def __init__(self) -> None:
        """Nothing is open: the next line opens a new 款 (or a 项 opens an empty one)."""
        self.para, self.ordinal, self.colon = False, 0, False
        self.item: int | None = None
        self.sub: int | None = None
        self.deep: int | None = None
        self.arabic = self.sub_paren = False
        self.quote = CLOSED

    def copy(self) -> Reading:
        other = Reading()
        other.para, other.ordinal, other.colon = self.para, self.ordinal, self.colon
        other.item, other.arabic, other.deep = self.item, self.arabic, self.deep
        other.sub, other.sub_paren, other.quote = self.sub, self.sub_paren, self.quote
        return other

    def level(self, kind: str) -> str:
        """What a line of *kind* is here: see :func:`level_of`."""
        return level_of(
            kind,
            self.item is not None,
            self.arabic,
            self.sub is not None and not self.sub_paren,
            self.para and self.colon and self.quote is CLOSED,
        )

    def ends_quote(self, token: Token) -> bool:
        """Does *token* end the open quotation (the amending text's own numbering goes on)?"""
        kind, number, text, escaped, _ = token
        if kind == STOP:
            return True
        if escaped or (kind == TEXT and text.startswith(QUOTE_OPEN)):
            return False  # a line written as text, or the next paragraph of the quotation
        if kind == TEXT:
            return bool(self.ordinal) and ordinal_of(text) == self.ordinal + 1
        if not self.quote.bare:
            return False  # marks were used: only the amending text's ordinals end them early
        level = self.level(kind)
        if level == LIST:
            item = self.item
            return item is not None and (kind == DOT) == self.arabic and number == item + 1
        if level == SUB:
            return self.sub is not None and number == self.sub + 1
        return level == DEEP and self.deep is not None and number == self.deep + 1

    def decide(self, token: Token, brk: bool, resumes: Callable[[], bool]) -> str:
        """What *token* does when no quotation is open: ``PARA``, ``ITEM``, ``ARABIC``, ``SUB``,
        ``DEEP`` or ``CONT``.  *brk*: a forced break stands before it.  *resumes* is asked,
        only when it matters, whether the list resumes after this line (rule 2)."""
        level = self.level(token.kind)
        if level == LIST:
            return ARABIC if token.kind == DOT else ITEM
        if level in (SUB, DEEP):
            return level
        if not brk and self.item is not None and resumes():
            return CONT
        return PARA

    def open_para(self, text: str) -> None:
        """The state after *text* opened a new 款 (``apply(PARA, …)``, the usual line)."""
        self.para = True
        self.ordinal = ordinal_of(text) if text[:1] in _ORDINAL_CHARS else 0
        if self.item is not None:
            self.item = self.sub = self.deep = None
            self.arabic = False
        self.quote = fresh(text)
        self.colon = text[-1:] in "：:"

    def open_item(self, number: int, arabic: bool, text: str) -> None:
        """The state after a 项 (*arabic*: printed 1．) opened with *text*."""
        if not self.para:
            self.para, self.ordinal = True, 0
        self.colon, self.item, self.arabic = False, number, arabic
        self.sub = self.deep = None
        self.quote = fresh(text)

    def open_sub(self, number: int, paren: bool, text: str) -> None:
        """The state after a 目 (*paren*: printed （1）) opened with *text*."""
        self.sub, self.sub_paren, self.deep = number, paren, None
        self.quote = fresh(text)

    def open_deep(self, number: int, text: str) -> None:
        """The state after a fourth-level （1） opened with *text*."""
        self.deep = number
        self.quote = fresh(text)

    def go_on(self, text: str) -> None:
        """The state after *text* continued the innermost open unit."""
        self.quote = feed(self.quote, text)
        if self.item is None:
            self.colon = text[-1:] in "：:"

    def apply(self, action: str, token: Token) -> None:
        """Move to the state after *token* did *action*."""
        if action == PARA:
            self.open_para(token.whole)
        elif action == CONT:
            self.go_on(token.whole)
        elif action in (ITEM, ARABIC):
            self.open_item(token.number, action == ARABIC, token.text)
        elif action == SUB:
            self.open_sub(token.number, token.kind == PAREN, token.text)
        else:  # DEEP
            self.open_deep(token.number, token.text)

    def resumes(
        self,
        text: str,
        lines: Iterable[_Line],
        expand: Callable[[_Line, bool], Sequence[Token]],
    ) -> bool:
        """Rule 2: would the list go on with the 项 after the open one, were *text* (a line of
        prose) to continue the open unit?  *lines* are the lines after it, each expanded into
        tokens by ``expand(line, False)``.  A line that opens a quotation (here or on the way)
        ends the look-ahead: quoted wording belongs to the unit that quotes it, never to a list
        that would go on after it."""
        return not self.why_not(text, lines, expand)[0]

    def why_not(
        self,
        text: str,
        lines: Iterable[_Line],
        expand: Callable[[_Line, bool], Sequence[Token]],
    ) -> tuple[str, Token | None]:
        """Why the list does not go on after *text* (see :meth:`resumes`): ``""`` when it does,
        else one of ``"no-item"``, ``"opens"`` (*text* opens a quotation), ``"quote"`` (a line on
        the way does: the token returned), ``"break"``, ``"stop"``, ``"other"`` (the next 项 is
        not the one after the open one: the token returned) or ``"end"``."""
        item = self.item
        if item is None:
            return "no-item", None
        probe = self.copy()
        probe.apply(CONT, Token(TEXT, text=text))
        if probe.quote is not CLOSED:
            return "opens", None  # a line that opens a quotation quotes as a 款 of its own
        brk = False  # a forced break waits for the line that opens a 款
        for line in lines:
            for token in expand(line, False):
                if token.kind == STOP:
                    return "stop", token
                if token.kind == BREAK:
                    brk = True
                    continue
                level = probe.level(token.kind)
                if brk and level == TEXT:
                    return "break", token  # a new 款, after a break: the list does not go on
                if level == LIST:
                    if (token.kind == DOT) == self.arabic and token.number == item + 1:
                        return "", None
                    return "other", token
                probe.apply(CONT if level == TEXT else level, token)
                if probe.quote is not CLOSED:
                    return "quote", token  # quoted wording follows: no part of the list
        return "end", None
