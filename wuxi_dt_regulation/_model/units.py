"""The text units and the header: :class:`Event`, :class:`ParseWarning`, :class:`Paragraph` (款)
with its :class:`Item` (项) and :class:`SubItem` (目), and :class:`Table`; and the checks every
unit runs (a number a label can carry, a text the source can print on one line).

The checks themselves and the citation stamp are in :mod:`.checks` (and re-exported here);
the reading rules that decide where a further paragraph belongs are in :mod:`.flow`.  The
containers built from them (条 and the headings) are in :mod:`.structure`.  Every value is
immutable: change one with :func:`attrs.evolve`.  Labels such as ``（三）`` are derived from the
numbers, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, TypeAlias

import attrs

from .checks import CITE_FIELD, check_line, check_number, cite_of, parse_date, stamped
from .compare import by_fields
from .errors import shorten
from .labels import ITEM_OPEN, SUBITEM_DOT, item_label
from .numerals import MAX_NUMBER
from .reprs import item_repr, paragraph_repr, subitem_repr, table_repr

if TYPE_CHECKING:
    import datetime

    from .citation import Citation

__all__ = [
    "ACTIONS",
    "ADDED",
    "APPENDIX_TITLE_PATTERN",
    "CITE_FIELD",
    "Block",
    "Event",
    "Item",
    "Paragraph",
    "ParseWarning",
    "SubItem",
    "Table",
    "check_line",
    "check_number",
    "check_paragraph_numbers",
    "cite_of",
    "parse_date",
    "stamped",
]

#: The actions an :class:`Event` can name, in the order they usually happen.
ACTIONS = ("通过", "批准", "修正", "修订", "公布", "施行")

_DATE_PATTERN = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_ACTION_PATTERN = "|".join(ACTIONS)
#: An appendix's title line (附件一, 附件二：…, 附表, 附录, 附：, 附：title); the lexer reads it the
#: same way.
APPENDIX_TITLE_PATTERN = r"附[件表录][一二三四五六七八九十0-9]*(?:[：:].*)?|附[：:].*"
# (A pattern, not a compiled object: re compiles it on first use and caches it.)
_TABLE_END_PATTERN = r"<!--\s*TABLE END\s*-->"


@attrs.frozen
@by_fields("text", with_repr=True)
class Event:
    """One line of the regulation's history (通过, 批准, 修正, …), as printed.

    Only :attr:`text` is stored; :attr:`date`, :attr:`action` and :attr:`body` are read from it.

    >>> e = Event("2023年4月26日无锡市第十七届人民代表大会常务委员会第十一次会议通过")
    >>> e.date, e.action, e.body
    (datetime.date(2023, 4, 26), '通过', '无锡市第十七届人民代表大会常务委员会第十一次会议')
    """

    text: str

    def __attrs_post_init__(self) -> None:
        check_line("Event", self.text)
        if not self.text:
            raise ValueError("an Event needs text")

    @property
    def date(self) -> datetime.date | None:
        """The date the line starts with, or None."""
        return parse_date(re.match(_DATE_PATTERN, self.text))

    def _outside_quotes(self) -> str:
        # Blank out text inside 《》 and 〈〉 so that titles such as 《…修正案》 name no action.
        depth = 0
        out = []
        for ch in self.text:
            if ch in "《〈":
                depth += 1
            elif ch in "》〉":
                depth = max(depth - 1, 0)
                out.append(" ")
                continue
            out.append(" " if depth else ch)
        return "".join(out)

    @property
    def action(self) -> str | None:
        """The last of the ``ACTIONS`` (通过, 批准, 修正, 修订, 公布, 施行) named outside 《》, or None.

        ``…会议通过的《…修正案》`` is an amendment: its action is 修正.
        """
        plain = self._outside_quotes()
        matches = list(re.finditer(_ACTION_PATTERN, plain))
        if not matches:
            return None
        last = matches[-1]
        if last[0] == "通过" and plain[last.end() : last.end() + 1] == "的":
            return "修正"
        return last[0]

    @property
    def body(self) -> str | None:
        """The body that acted (…会议, …公告), or None when the line names none."""
        date = re.match(_DATE_PATTERN, self.text)
        rest = self.text[date.end() :] if date else self.text
        offset = len(self.text) - len(rest)
        plain = self._outside_quotes()[offset:]
        meeting = plain.find("会议")
        if meeting >= 0:
            end = meeting + 2
        else:
            action = re.search(_ACTION_PATTERN, plain)
            end = action.start() if action else -1
        if end <= 0:
            return None
        body = rest[:end].strip()
        return body or None


@attrs.frozen
@by_fields("line", "column", "code", "message", with_repr=True)
class ParseWarning:
    """Something odd the parser found and how it handled it.

    Attributes:
        line: 1-based line in the original text.
        column: 1-based column in that line.
        code: a short stable identifier, such as ``"skipped-number"``.
        message: what was expected, what was found, and what the parser did.
    """

    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code}: {self.message}"


#: The metadata of a field added to a unit after the first release: a version's fingerprint (the
#: name a diff's messages give it) leaves it out while it holds its default, so that it stays
#: what an earlier release printed.
ADDED = {"added": "0.2.0"}

# Whether a 款 must be checked by the reading rules of .flow: a unit of it runs over several
# paragraphs, is a 项 numbered 1．, or may leave a quotation open (set once, at construction).
_FLOW_FIELD = attrs.field(default=False, init=False, eq=False, repr=False)


# .readback, imported on first use (a cold load() needs none of it) and kept: an import
# statement run on every call would cost more than what it checks.
_READBACK: list[ModuleType] = []


def _readback() -> ModuleType:
    if not _READBACK:
        from . import readback

        _READBACK.append(readback)
    return _READBACK[0]


@attrs.frozen(repr=False)
@by_fields("number", "text", "subitems", "continuation")
class SubItem:
    """目: ``1．…`` inside a 项.  A fourth level, ``（1）…``, nests in :attr:`subitems`.

    :attr:`continuation` holds the 目's further paragraphs, when it runs over several (see
    :attr:`Item.continuation`).
    """

    __repr__ = subitem_repr

    number: int
    text: str
    subitems: tuple[SubItem, ...] = ()
    continuation: tuple[str, ...] = attrs.field(default=(), metadata=ADDED)
    _cite: tuple[int, ...] | None = CITE_FIELD

    def __attrs_post_init__(self) -> None:
        number, text = self.number, self.text
        # check_number and check_line, their usual case inline (a 目 is built in bulk)
        if type(number) is not int or not 0 < number <= MAX_NUMBER:
            check_number("SubItem", number)
        if not text.isprintable() or text[:1] == " " or text[-1:] == " ":
            check_line("SubItem", text)
        if self.subitems and any(sub.subitems for sub in self.subitems):
            raise ValueError("目 nest two levels deep at most (1． then （1）)")
        if self.continuation:
            _readback().check_further("SubItem", self.continuation)

    @property
    def citation(self) -> Citation:
        """Where the 目 stands, as ``Citation(article=35, paragraph=2, item=3, subitem=1)``.

        Only a 目 of a regulation's body knows its place; the fourth level ``（1）`` nested in a
        目 has no citation form (Citation stops at 目) and raises CitationError.
        """
        return cite_of("SubItem", self._cite, "目 (not the fourth level （1）)")

    def lines(self, *, paren: bool = False) -> Iterator[str]:
        """The 目 as printed lines: ``1．`` and its text (``（1）`` when *paren*: the 目 of a 项
        numbered 1．), its further paragraphs, then the fourth level ``（1）`` under it."""
        yield (
            f"{ITEM_OPEN}{self.number}）" if paren else f"{self.number}{SUBITEM_DOT}"
        ) + self.text
        yield from self.continuation
        for sub in self.subitems:
            yield f"{ITEM_OPEN}{sub.number}）{sub.text}"
            yield from sub.continuation


@attrs.frozen(repr=False)
@by_fields("number", "text", "subitems", "continuation", "arabic")
class Item:
    """项: ``（一）…`` inside a 款, with its 目.

    :attr:`continuation` holds the 项's further paragraphs: a 项 runs over several when plain
    paragraphs stand between it and the next 项 of its list (（六）, two paragraphs, （七）), or
    when it quotes new wording over several paragraphs.  They are printed after :attr:`text`,
    before the 目.  :attr:`arabic` is true for a 项 printed ``1．``: a list numbered in Arabic
    right under a 款 whose introduction ends in ``：``; it is a 项 all the same (立法法 第六十五条
    divides a 款 into 项), cited ``第一项``, and its 目 are printed ``（1）``.
    """

    __repr__ = item_repr

    number: int
    text: str
    subitems: tuple[SubItem, ...] = ()
    continuation: tuple[str, ...] = attrs.field(default=(), metadata=ADDED)
    arabic: bool = attrs.field(default=False, metadata=ADDED)
    _cite: tuple[int, ...] | None = CITE_FIELD

    def __attrs_post_init__(self) -> None:
        number, text = self.number, self.text
        # check_number and check_line, their usual case inline (a 项 is built in bulk)
        if type(number) is not int or not 0 < number <= MAX_NUMBER:
            check_number("Item", number)
        if not text.isprintable() or text[:1] == " " or text[-1:] == " ":
            check_line("Item", text)
        if self.arabic and any(sub.subitems for sub in self.subitems):
            raise ValueError("the 目 of a 项 numbered 1． are printed （1）: they nest no deeper")
        if self.continuation:
            _readback().check_further("Item", self.continuation)

    @property
    def citation(self) -> Citation:
        """Where the 项 stands, as ``Citation(article=35, paragraph=2, item=3)``."""
        return cite_of("Item", self._cite, "项 of articles")

    @property
    def label(self) -> str:
        """The printed marker, ``（三）`` (``3．`` for a 项 numbered in Arabic)."""
        return f"{self.number}{SUBITEM_DOT}" if self.arabic else item_label(self.number)

    def lines(self) -> Iterator[str]:
        """The 项 as printed lines: its marker and text, its further paragraphs, then its 目."""
        yield self.label + self.text
        yield from self.continuation
        for sub in self.subitems:
            yield from sub.lines(paren=self.arabic)


@attrs.frozen(repr=False)
@by_fields("number", "text", "items", "break_before", "continuation")
class Paragraph:
    """款: one paragraph of an article (or of free text), with the 项 it introduces.

    :attr:`number` is the paragraph's 1-based position in its article; an introduction ending in
    ``：`` and the items under it are one 款.  :attr:`text` is the introduction alone, and may be
    empty only when the paragraph opens with its items.  :attr:`break_before` records a
    ``<!-- FORCE BREAK -->`` marker printed before the paragraph.  :attr:`continuation` holds the
    further paragraphs of a 款 that quotes new wording over several paragraphs (an amending
    instrument's ``将第五条修改为：“…``): they belong to the 款 that quotes them.
    """

    __repr__ = paragraph_repr

    number: int
    text: str
    items: tuple[Item, ...] = ()
    break_before: bool = False
    continuation: tuple[str, ...] = attrs.field(default=(), metadata=ADDED)
    _cite: tuple[int, ...] | None = CITE_FIELD
    _flow: bool = _FLOW_FIELD

    @property
    def citation(self) -> Citation:
        """Where the 款 stands, as ``Citation(article=35, paragraph=2)``."""
        return cite_of("Paragraph", self._cite, "款 of articles")

    def __attrs_post_init__(self) -> None:
        number, text = self.number, self.text
        # check_number and check_line, their usual case inline (a 款 is built in bulk)
        if type(number) is not int or not 0 < number <= MAX_NUMBER:
            check_number("Paragraph", number)
        if not text.isprintable() or text[:1] == " " or text[-1:] == " ":
            check_line("Paragraph", text)
        items, further = self.items, self.continuation
        if not text:
            if not items:
                raise ValueError("a Paragraph needs text or items")
            if further:
                raise ValueError("a Paragraph with further paragraphs needs text")
        if items or further or "“" in text or "”" in text or text[-1:] in "：:":
            self._check_flow()

    def _check_flow(self) -> None:
        """The reading rules' check, for a 款 that may need it (see :mod:`.readback`)."""
        if _readback().check_paragraph(self):
            object.__setattr__(self, "_flow", True)

    def lines(self) -> Iterator[str]:
        """The paragraph as printed lines: the text and its further paragraphs, then each item
        and sub-item with its marker and theirs."""
        if self.text:
            yield self.text
        yield from self.continuation
        for item in self.items:
            yield from item.lines()

    @property
    def full_text(self) -> str:
        """The paragraph with its items, one printed line each, joined by newlines."""
        return "\n".join(self.lines())


@attrs.frozen(repr=False)
@by_fields("lines")
class Table:
    """The lines of a table between ``<!-- TABLE -->`` and ``<!-- TABLE END -->``, as printed."""

    __repr__ = table_repr

    lines: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        for line in self.lines:
            check_line("Table", line)
            if not line or re.fullmatch(_TABLE_END_PATTERN, line):
                raise ValueError(f"a Table line cannot be empty or end the table: {shorten(line)}")

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        """The cells of each pipe-table row, stripped; the ``|---|`` rule is left out."""
        out = []
        for line in self.lines:
            body = line.strip()
            if body.startswith("|"):
                body = body[1:]
            if body.endswith("|"):
                body = body[:-1]
            cells = tuple(cell.strip() for cell in body.split("|"))
            if all(set(cell) <= set("-: ") and cell for cell in cells):
                continue
            out.append(cells)
        return tuple(out)


#: Free text: what may stand where no article is open.
Block: TypeAlias = Paragraph | Table


def check_paragraph_numbers(owner: object, blocks: tuple[object, ...]) -> None:
    """Paragraphs are numbered by position from 1; one opens with its items (no text) only where
    no paragraph stands right before it (its items would join that one): first, or after a
    table.

    *owner* names the container in the message (its ``label`` when it has one); it is only
    looked at when something is wrong, so that building a value costs no label.
    """
    expected = 1
    flow = after_paragraph = False
    for block in blocks:
        if not isinstance(block, Paragraph):
            after_paragraph = False
        else:
            if block._flow or (block.items and block.items[0].number != 1):
                flow = True  # (a list that does not start at 1 may resume one before it)
            if block.number != expected or (not block.text and after_paragraph):
                name = getattr(owner, "label", owner)
                if block.number != expected:
                    raise ValueError(
                        f"{name}: paragraph {expected} is numbered {block.number}; "
                        "paragraphs are numbered by position from 1"
                    )
                raise ValueError(
                    f"{name}: only a paragraph with none right before it may open with its items"
                    " (they would join that one)"
                )
            expected += 1
            after_paragraph = True
    if flow:
        runs: list[list[Paragraph]] = [[]]
        for block in blocks:  # the runs of consecutive paragraphs (a table ends a run)
            if isinstance(block, Paragraph):
                runs[-1].append(block)
            elif runs[-1]:
                runs.append([])
        _readback().check_runs(owner, runs)
