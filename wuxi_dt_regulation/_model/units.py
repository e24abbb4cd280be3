"""The text units and the header: :class:`Event`, :class:`ParseWarning`, :class:`Paragraph` (款)
with its :class:`Item` (项) and :class:`SubItem` (目), and :class:`Table`; and the checks every
unit runs (a number a label can carry, a text the source can print on one line).

The containers built from them (条 and the headings) are in :mod:`.structure`.  Every value is
immutable: change one with :func:`attrs.evolve`.  Labels such as ``（三）`` are derived from the
numbers, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs

from .errors import CitationError, shorten
from .labels import ITEM_OPEN, SUBITEM_DOT, item_label
from .numerals import MAX_NUMBER

if TYPE_CHECKING:
    import datetime

    from .citation import Citation

__all__ = [
    "ACTIONS",
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

_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ACTION_RE = re.compile("|".join(ACTIONS))
#: An appendix's title line (附件一, 附件二：…, 附表, 附录, 附：); the lexer reads it the same way.
APPENDIX_TITLE_PATTERN = r"附[件表录][一二三四五六七八九十0-9]*(?:[：:].*)?|附[：:]"
# What a text of the model cannot hold, because the source could not carry it back: a line
# break or another control character, a zero-width space (the lexer drops them), a lone
# surrogate (no UTF-8 encodes it: the text could not be written), or white space at either end
# (the lexer strips it).
# (Patterns, not compiled objects: re compiles them on first use and caches them; a cold
# load() needs none of them.)
_TABLE_END_PATTERN = r"<!--\s*TABLE END\s*-->"
_BAD_TEXT_PATTERN = r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b\ud800-\udfff]|^\s|\s$"


def check_number(owner: str, number: int) -> None:
    if type(number) is int and 1 <= number <= MAX_NUMBER:
        return  # the usual case, in one test
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_NUMBER:
        raise ValueError(f"{owner}.number must be an int from 1 to {MAX_NUMBER}, got {number!r}")


def check_line(owner: str, text: str) -> None:
    """A text of the model is one line, as the source prints it: see ``_BAD_TEXT_PATTERN``."""
    if text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return  # the usual case, checked in C: no control, format or non-ASCII space characters
    bad = re.search(_BAD_TEXT_PATTERN, text)
    if bad is not None:
        char = bad[0]
        if char in "\n\r":
            what = "a line break"
        elif "\ud800" <= char <= "\udfff":
            what = f"the lone surrogate U+{ord(char):04X} (not a character: no UTF-8 for it)"
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char == "\u200b":
            what = f"U+{ord(char):04X}"
        else:
            what = "white space at an end"
        raise ValueError(
            f"{owner} text cannot hold {what} (it is one stripped line): {shorten(text)}"
        )


def parse_date(match: re.Match[str] | None) -> datetime.date | None:
    if match is None:
        return None
    import datetime  # only when a date is asked for: keeps the cold import light

    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# The position a Regulation stamps on its units (see tree.stamp_body): a plain tuple, cheap to
# build while parsing.  Chapter: (part, chapter); Section: (part, chapter, section); Paragraph:
# (article, suffix, paragraph); Item: (..., item); SubItem: (..., item, subitem).  ``part`` is None
# unless chapter numbers restart in each 编 of the document.
CITE_FIELD = attrs.field(default=None, init=False, eq=False, repr=False)
_POSITION_FIELDS = {
    2: ("part", "chapter"),
    3: ("part", "chapter", "section"),
}
_ARTICLE_POSITION = ("article", "suffix", "paragraph", "item", "subitem")


def cite_of(owner: str, stamp: tuple[int | None, ...] | None, unit: str) -> Citation:
    """Build the :class:`~wuxi_dt_regulation.Citation` a stamped unit answers with."""
    from .citation import Citation  # on first use: a cold load() never builds a Citation

    if stamp is None:
        raise CitationError(
            f"this {owner} does not know where it stands: only the {unit} of a Regulation's body "
            "are citable (a unit built alone, or in free text or an appendix, is not)"
        )
    if owner in ("Chapter", "Section"):
        names = _POSITION_FIELDS[len(stamp)]
    else:
        names = _ARTICLE_POSITION[: len(stamp)]
    return Citation(**dict(zip(names, stamp, strict=True)))  # type: ignore[arg-type]


_Stamped = TypeVar("_Stamped")


def stamped(node: _Stamped, position: tuple[int | None, ...]) -> _Stamped:
    """Stamp *node* (a unit with a ``CITE_FIELD``) with *position*, or return an equal copy
    stamped so when *node* already stands elsewhere (a unit shared by two regulations, or used
    twice in one).  Values are frozen: this is the one place that writes the hidden slot."""
    current = node._cite  # type: ignore[attr-defined]
    if current is None:
        object.__setattr__(node, "_cite", position)
        return node
    if current == position:
        return node
    copy = attrs.evolve(node)  # type: ignore[misc]
    object.__setattr__(copy, "_cite", position)
    return copy


# --------------------------------------------------------------------------- header


@attrs.frozen
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
        return parse_date(_DATE_RE.match(self.text))

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
        matches = list(_ACTION_RE.finditer(plain))
        if not matches:
            return None
        last = matches[-1]
        if last[0] == "通过" and plain[last.end() : last.end() + 1] == "的":
            return "修正"
        return last[0]

    @property
    def body(self) -> str | None:
        """The body that acted (…会议, …公告), or None when the line names none."""
        date = _DATE_RE.match(self.text)
        rest = self.text[date.end() :] if date else self.text
        offset = len(self.text) - len(rest)
        plain = self._outside_quotes()[offset:]
        meeting = plain.find("会议")
        if meeting >= 0:
            end = meeting + 2
        else:
            action = _ACTION_RE.search(plain)
            end = action.start() if action else -1
        if end <= 0:
            return None
        body = rest[:end].strip()
        return body or None


@attrs.frozen
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


# --------------------------------------------------------------------------- text units


@attrs.frozen
class SubItem:
    """目: ``1．…`` inside a 项.  A fourth level, ``（1）…``, nests in :attr:`subitems`."""

    number: int
    text: str
    subitems: tuple[SubItem, ...] = ()
    _cite: tuple[int, ...] | None = CITE_FIELD

    def __attrs_post_init__(self) -> None:
        check_number("SubItem", self.number)
        check_line("SubItem", self.text)
        if any(sub.subitems for sub in self.subitems):
            raise ValueError("目 nest two levels deep at most (1． then （1）)")

    @property
    def citation(self) -> Citation:
        """Where the 目 stands, as ``Citation(article=35, paragraph=2, item=3, subitem=1)``.

        Only a 目 of a regulation's body knows its place; the fourth level ``（1）`` nested in a
        目 has no citation form (Citation stops at 目) and raises CitationError.
        """
        return cite_of("SubItem", self._cite, "目 (not the fourth level （1）)")


@attrs.frozen
class Item:
    """项: ``（一）…`` inside a 款, with its 目."""

    number: int
    text: str
    subitems: tuple[SubItem, ...] = ()
    _cite: tuple[int, ...] | None = CITE_FIELD

    def __attrs_post_init__(self) -> None:
        check_number("Item", self.number)
        check_line("Item", self.text)

    @property
    def citation(self) -> Citation:
        """Where the 项 stands, as ``Citation(article=35, paragraph=2, item=3)``."""
        return cite_of("Item", self._cite, "项 of articles")

    @property
    def label(self) -> str:
        """The printed marker, ``（三）``."""
        return item_label(self.number)


def _subitem_lines(subitems: tuple[SubItem, ...], depth: int) -> Iterator[str]:
    for sub in subitems:
        marker = f"{sub.number}{SUBITEM_DOT}" if depth == 1 else f"{ITEM_OPEN}{sub.number}）"
        yield marker + sub.text
        yield from _subitem_lines(sub.subitems, depth + 1)


@attrs.frozen
class Paragraph:
    """款: one paragraph of an article (or of free text), with the 项 it introduces.

    :attr:`number` is the paragraph's 1-based position in its article; an introduction ending in
    ``：`` and the items under it are one 款.  :attr:`text` is the introduction alone, and may be
    empty only when the paragraph opens with its items.  :attr:`break_before` records a
    ``<!-- FORCE BREAK -->`` marker printed before the paragraph.
    """

    number: int
    text: str
    items: tuple[Item, ...] = ()
    break_before: bool = False
    _cite: tuple[int, ...] | None = CITE_FIELD

    @property
    def citation(self) -> Citation:
        """Where the 款 stands, as ``Citation(article=35, paragraph=2)``."""
        return cite_of("Paragraph", self._cite, "款 of articles")

    def __attrs_post_init__(self) -> None:
        check_number("Paragraph", self.number)
        check_line("Paragraph", self.text)
        if not self.text and not self.items:
            raise ValueError("a Paragraph needs text or items")

    def lines(self) -> Iterator[str]:
        """The paragraph as printed lines: the text, then each item and sub-item with its marker."""
        if self.text:
            yield self.text
        for item in self.items:
            yield item.label + item.text
            yield from _subitem_lines(item.subitems, 1)

    @property
    def full_text(self) -> str:
        """The paragraph with its items, one printed line each, joined by newlines."""
        return "\n".join(self.lines())


@attrs.frozen
class Table:
    """The lines of a table between ``<!-- TABLE -->`` and ``<!-- TABLE END -->``, as printed."""

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
    """Paragraphs are numbered by position from 1; only the first may open with its items.

    *owner* names the container in the message (its ``label`` when it has one); it is only
    looked at when something is wrong, so that building a value costs no label.
    """
    expected = 1
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.number != expected or (not block.text and expected != 1):
                name = getattr(owner, "label", owner)
                if block.number != expected:
                    raise ValueError(
                        f"{name}: paragraph {expected} is numbered {block.number}; "
                        "paragraphs are numbered by position from 1"
                    )
                raise ValueError(f"{name}: only the first paragraph may open with its items")
            expected += 1
