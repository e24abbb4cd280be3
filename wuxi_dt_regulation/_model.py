"""The typed model: frozen, slotted, hashable values holding tuples.

Glossary of the units (立法法 第六十五条) and the English names used here:

======  =============  ====================================================================
unit    class          numbering
======  =============  ====================================================================
编      :class:`Part`         whole text
分编    :class:`Subpart`      restarts in its 编
章      :class:`Chapter`      whole text, or restarts in each 编 (民法典)
节      :class:`Section`      restarts in its 章
条      :class:`Article`      never restarts; 之N inserts (第一百二十条之一)
款      :class:`Paragraph`    no printed number: its position inside the 条
项      :class:`Item`         （一）, restarts in its 款
目      :class:`SubItem`      1．, restarts in its 项; a fourth level （1） nests inside a 目
======  =============  ====================================================================

Text that is not part of that hierarchy has a place too, so that nothing read is lost:
:class:`Division` (a heading with no number, such as ``## 附则`` or ``## 基本案情``),
:class:`Table` (the lines between ``<!-- TABLE -->`` markers) and :class:`Appendix`
(附件, 附表, 附：).

Every value is immutable: change one with :func:`attrs.evolve`.  Labels such as ``第三十五条`` are
derived from the numbers, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ._errors import NotFoundError
from ._numerals import to_chinese

if TYPE_CHECKING:  # the citation modules import this one; at run time they are imported lazily
    import datetime

    from ._citation import Citation

__all__ = [
    "ACTIONS",
    "Appendix",
    "Article",
    "Block",
    "Chapter",
    "Division",
    "Event",
    "Item",
    "Paragraph",
    "ParseWarning",
    "Part",
    "Section",
    "SubItem",
    "Subpart",
    "Table",
]

# Structural literals (立法法 第六十五条), named once.
ORDINAL_PREFIX = "第"
PART_UNIT = "编"
SUBPART_UNIT = "分编"
CHAPTER_UNIT = "章"
SECTION_UNIT = "节"
ARTICLE_UNIT = "条"
INSERT_MARK = "之"
ITEM_OPEN, ITEM_CLOSE = "（", "）"
SUBITEM_DOT = "．"

#: The actions an :class:`Event` can name, in the order they usually happen.
ACTIONS = ("通过", "批准", "修正", "修订", "公布", "施行")

_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ACTION_RE = re.compile("|".join(ACTIONS))
#: The largest number a unit can carry: its label must be writable (九千九百九十九).
MAX_UNIT_NUMBER = 9999

#: An appendix's title line (附件一, 附件二：…, 附表, 附录, 附：); the lexer reads it the same way.
APPENDIX_TITLE_PATTERN = r"附[件表录][一二三四五六七八九十0-9]*(?:[：:].*)?|附[：:]"
# What a text of the model cannot hold, because the source could not carry it back: a line
# break or another control character, a zero-width space (the lexer drops them), or white
# space at either end (the lexer strips it).
# (Patterns, not compiled objects: re compiles them on first use and caches them; a cold
# load() needs none of them.)
_TABLE_END_PATTERN = r"<!--\s*TABLE END\s*-->"
_BAD_TEXT_PATTERN = r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b]|^\s|\s$"


def _check_number(owner: str, number: int) -> None:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 9999:
        raise ValueError(f"{owner}.number must be an int from 1 to 9999, got {number!r}")


def _check_line(owner: str, text: str) -> None:
    """A text of the model is one line, as the source prints it: see ``_BAD_TEXT_PATTERN``."""
    if text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return  # the usual case, checked in C: no control, format or non-ASCII space characters
    bad = re.search(_BAD_TEXT_PATTERN, text)
    if bad is not None:
        char = bad[0]
        if char in "\n\r":
            what = "a line break"
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char == "\u200b":
            what = f"U+{ord(char):04X}"
        else:
            what = "white space at an end"
        raise ValueError(f"{owner} text cannot hold {what} (it is one stripped line): {text!r}")


def _parse_date(match: re.Match[str] | None) -> datetime.date | None:
    if match is None:
        return None
    import datetime  # only when a date is asked for: keeps the cold import light

    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# The position a Regulation stamps on its units (see Regulation._stamp): a plain tuple, cheap to
# build while parsing.  Chapter: (part, chapter); Section: (part, chapter, section); Paragraph:
# (article, suffix, paragraph); Item: (..., item); SubItem: (..., item, subitem).  ``part`` is None
# unless chapter numbers restart in each 编 of the document.
_CITE_FIELD = attrs.field(default=None, init=False, eq=False, repr=False)
_POSITION_FIELDS = {
    2: ("part", "chapter"),
    3: ("part", "chapter", "section"),
}
_ARTICLE_POSITION = ("article", "suffix", "paragraph", "item", "subitem")


def _cite_of(owner: str, stamp: tuple[int | None, ...] | None, unit: str) -> Citation:
    """Build the :class:`~wuxi_dt_regulation.Citation` a stamped unit answers with."""
    from ._citation import Citation

    if stamp is None:
        from ._errors import CitationError

        raise CitationError(
            f"this {owner} does not know where it stands: only the {unit} of a Regulation's body "
            "are citable (a unit built alone, or in free text or an appendix, is not)"
        )
    if owner in ("Chapter", "Section"):
        names = _POSITION_FIELDS[len(stamp)]
    else:
        names = _ARTICLE_POSITION[: len(stamp)]
    return Citation(**dict(zip(names, stamp, strict=True)))  # type: ignore[arg-type]


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
        _check_line("Event", self.text)
        if not self.text:
            raise ValueError("an Event needs text")

    @property
    def date(self) -> datetime.date | None:
        """The date the line starts with, or None."""
        return _parse_date(_DATE_RE.match(self.text))

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
    _cite: tuple[int, ...] | None = _CITE_FIELD

    def __attrs_post_init__(self) -> None:
        _check_number("SubItem", self.number)
        _check_line("SubItem", self.text)
        if any(sub.subitems for sub in self.subitems):
            raise ValueError("目 nest two levels deep at most (1． then （1）)")

    @property
    def citation(self) -> Citation:
        """Where the 目 stands, as ``Citation(article=35, paragraph=2, item=3, subitem=1)``.

        Only a 目 of a regulation's body knows its place; the fourth level ``（1）`` nested in a
        目 has no citation form (Citation stops at 目) and raises CitationError.
        """
        return _cite_of("SubItem", self._cite, "目 (not the fourth level （1）)")


@attrs.frozen
class Item:
    """项: ``（一）…`` inside a 款, with its 目."""

    number: int
    text: str
    subitems: tuple[SubItem, ...] = ()
    _cite: tuple[int, ...] | None = _CITE_FIELD

    def __attrs_post_init__(self) -> None:
        _check_number("Item", self.number)
        _check_line("Item", self.text)

    @property
    def citation(self) -> Citation:
        """Where the 项 stands, as ``Citation(article=35, paragraph=2, item=3)``."""
        return _cite_of("Item", self._cite, "项 of articles")

    @property
    def label(self) -> str:
        """The printed marker, ``（三）``."""
        return f"{ITEM_OPEN}{to_chinese(self.number)}{ITEM_CLOSE}"


def _subitem_lines(subitems: tuple[SubItem, ...], depth: int) -> Iterator[str]:
    for sub in subitems:
        marker = f"{sub.number}{SUBITEM_DOT}" if depth == 1 else f"（{sub.number}）"
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
    _cite: tuple[int, ...] | None = _CITE_FIELD

    @property
    def citation(self) -> Citation:
        """Where the 款 stands, as ``Citation(article=35, paragraph=2)``."""
        return _cite_of("Paragraph", self._cite, "款 of articles")

    def __attrs_post_init__(self) -> None:
        _check_number("Paragraph", self.number)
        _check_line("Paragraph", self.text)
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
            _check_line("Table", line)
            if not line or re.fullmatch(_TABLE_END_PATTERN, line):
                raise ValueError(f"a Table line cannot be empty or end the table: {line!r}")

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


def _check_paragraph_numbers(owner: object, blocks: tuple[object, ...]) -> None:
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


#: Titles of the heading that holds a preamble (宪法 ``## 序言``): it never holds articles.
PREAMBLE_TITLES = frozenset({"序言", "序 言"})


def _check_order(owner: object, children: tuple[object, ...]) -> None:
    """Children must stand in an order the source can print and the parser read back.

    A heading takes everything after it until a heading of its rank or above: so after a
    章 only a 章 (or a higher unit, or an unnumbered heading) can follow, after an unnumbered
    heading only headings, and a paragraph right after an article would be that article's.
    """
    previous: object = None
    for child in children:
        rank = _RANKS.get(type(child))
        if isinstance(previous, Division) or type(previous) in _RANKS:
            limit = 99 if isinstance(previous, Division) else _RANKS[type(previous)]
            if not isinstance(child, Division) and (rank is None or rank > limit):
                name = getattr(owner, "label", None) or type(owner).__name__
                raise ValueError(
                    f"{name}: a {type(child).__name__} cannot follow a "
                    f"{type(previous).__name__}: it would read back inside it"
                )
        elif isinstance(previous, Article) and isinstance(child, Paragraph):
            name = getattr(owner, "label", None) or type(owner).__name__
            raise ValueError(
                f"{name}: a Paragraph right after an Article would read back as its 款"
            )
        previous = child


def _paragraph_text(blocks: tuple[object, ...]) -> str:
    return "\n".join(b.full_text for b in blocks if isinstance(b, Paragraph))


# --------------------------------------------------------------------------- articles


@attrs.frozen
class Article:
    """条: the unit that is cited.  ``suffix`` is N for an inserted article 第X条之N, else 0.

    >>> a = Article(120, suffix=1, paragraphs=(Paragraph(1, "……"),))
    >>> a.label
    '第一百二十条之一'
    """

    number: int
    suffix: int = 0
    paragraphs: tuple[Paragraph, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_number("Article", self.number)
        if isinstance(self.suffix, bool) or not isinstance(self.suffix, int) or self.suffix < 0:
            raise ValueError(f"Article.suffix must be an int >= 0, got {self.suffix!r}")
        _check_paragraph_numbers(self, self.paragraphs)

    @property
    def citation(self) -> Citation:
        """``Citation(article=35)``; articles are numbered through the whole text, so an article
        needs no chapter to be cited and answers from its own number even outside a regulation."""
        from ._citation import Citation

        return Citation(article=self.number, suffix=self.suffix)

    @property
    def key(self) -> tuple[int, int]:
        """``(number, suffix)``: the article's identity within one version of a regulation."""
        return (self.number, self.suffix)

    @property
    def label(self) -> str:
        """``第三十五条``, ``第一百二十条之一``."""
        tail = f"{INSERT_MARK}{to_chinese(self.suffix)}" if self.suffix else ""
        return f"{ORDINAL_PREFIX}{to_chinese(self.number)}{ARTICLE_UNIT}{tail}"

    @property
    def text(self) -> str:
        """The article's text without its label; paragraphs and items, one printed line each."""
        return _paragraph_text(self.paragraphs)

    def paragraph(self, number: int) -> Paragraph:
        """Return 款 *number* (1-based), or raise :class:`NotFoundError` saying how many exist."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        raise NotFoundError(
            f"{self.label} has {len(self.paragraphs)} 款; there is no 第{to_chinese(number)}款"
            if number >= 1
            else f"paragraph numbers start at 1, got {number}"
        )


# --------------------------------------------------------------------------- containers


@attrs.frozen
class Division:
    """A heading with no number (``## 附则``, ``## 基本案情``, ``#### 5.1.1 重伤一级``) and what follows it.

    :attr:`level` is the number of ``#`` printed, kept only so that the heading is written back as
    it was; it never decides structure.
    """

    title: str
    level: int = 2
    children: tuple[Article | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_line("Division", self.title)
        if not 1 <= self.level <= 6:
            raise ValueError(f"Division.level must be 1..6, got {self.level!r}")
        _check_paragraph_numbers(f"Division {self.title!r}", self.children)
        _check_order(self, self.children)
        if self.title in PREAMBLE_TITLES and any(isinstance(c, Article) for c in self.children):
            raise ValueError(f"{self.title} holds no articles: the first article ends it")

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles directly under the heading, in document order."""
        return tuple(c for c in self.children if isinstance(c, Article))


def _articles_in(children: tuple[object, ...]) -> Iterator[Article]:
    for child in children:
        if isinstance(child, Article):
            yield child
        elif isinstance(child, (Part, Subpart, Chapter, Section, Division)):
            yield from _articles_in(child.children)


def _label(number: int, unit: str) -> str:
    return f"{ORDINAL_PREFIX}{to_chinese(number)}{unit}"


@attrs.frozen
class Section:
    """节: a section of a chapter."""

    number: int
    title: str = ""
    children: tuple[Article | Paragraph | Table, ...] = ()
    _cite: tuple[int | None, ...] | None = _CITE_FIELD

    @property
    def citation(self) -> Citation:
        """``Citation(chapter=3, section=1)`` (with ``part`` where chapters restart per 编)."""
        return _cite_of("Section", self._cite, "节 of chapters")

    def __attrs_post_init__(self) -> None:
        _check_number("Section", self.number)
        _check_line("Section", self.title)
        _check_paragraph_numbers(self, self.children)
        _check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第一节``."""
        return _label(self.number, SECTION_UNIT)

    @property
    def articles(self) -> tuple[Article, ...]:
        """The section's articles in document order."""
        return tuple(_articles_in(self.children))


@attrs.frozen
class Chapter:
    """章: a chapter, with its sections (if any) and articles.

    :attr:`title` is as printed, inner spaces included (``"总 则"``).
    """

    number: int
    title: str = ""
    children: tuple[Section | Article | Paragraph | Table, ...] = ()
    _cite: tuple[int | None, ...] | None = _CITE_FIELD

    @property
    def citation(self) -> Citation:
        """``Citation(chapter=2)``; in a code whose chapters restart in each 编 (刑法, 民法典) the
        citation names the 编 too: ``Citation(part=2, chapter=1)``.  A chapter built alone answers
        from its own number."""
        if self._cite is None:
            from ._citation import Citation

            return Citation(chapter=self.number)
        return _cite_of("Chapter", self._cite, "章")

    def __attrs_post_init__(self) -> None:
        _check_number("Chapter", self.number)
        _check_line("Chapter", self.title)
        _check_paragraph_numbers(self, self.children)
        _check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第五章``."""
        return _label(self.number, CHAPTER_UNIT)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The chapter's sections, in document order."""
        return tuple(c for c in self.children if isinstance(c, Section))

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the chapter, those inside its sections included, in document order."""
        return tuple(_articles_in(self.children))


@attrs.frozen
class Subpart:
    """分编: a subpart of a 编 (民法典)."""

    number: int
    title: str = ""
    children: tuple[Chapter | Section | Article | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_number("Subpart", self.number)
        _check_line("Subpart", self.title)
        _check_paragraph_numbers(self, self.children)
        _check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第一分编``."""
        return _label(self.number, SUBPART_UNIT)

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """The subpart's chapters, in document order."""
        return tuple(c for c in self.children if isinstance(c, Chapter))

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the subpart, those inside its chapters included, in document order."""
        return tuple(_articles_in(self.children))


@attrs.frozen
class Part:
    """编: the largest division of a code (刑法 第一编 总则)."""

    number: int
    title: str = ""
    children: tuple[Subpart | Chapter | Section | Article | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_number("Part", self.number)
        _check_line("Part", self.title)
        _check_paragraph_numbers(self, self.children)
        _check_order(self, self.children)

    @property
    def label(self) -> str:
        """``第二编``."""
        return _label(self.number, PART_UNIT)

    @property
    def citation(self) -> Citation:
        """``Citation(part=2)``."""
        from ._citation import Citation

        return Citation(part=self.number)

    @property
    def subparts(self) -> tuple[Subpart, ...]:
        """The part's subparts (分编), in document order."""
        return tuple(c for c in self.children if isinstance(c, Subpart))

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Every chapter of the part, those inside its subparts included."""
        out: list[Chapter] = []
        for child in self.children:
            if isinstance(child, Chapter):
                out.append(child)
            elif isinstance(child, Subpart):
                out.extend(child.chapters)
        return tuple(out)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the part, in document order."""
        return tuple(_articles_in(self.children))


@attrs.frozen
class Appendix:
    """An appendix (附件一, 附表, 附：) after the body: a title line and free text."""

    title: str
    children: tuple[Division | Paragraph | Table, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_line("Appendix", self.title)
        if not re.fullmatch(APPENDIX_TITLE_PATTERN, self.title):
            raise ValueError(
                f"an appendix title reads 附件一, 附件：…, 附表二 or 附：, got {self.title!r}"
            )
        _check_paragraph_numbers(f"Appendix {self.title!r}", self.children)
        _check_order(self, self.children)


# The rank of each numbered heading (编 > 分编 > 章 > 节), for _check_order.
_RANKS: dict[type, int] = {Part: 1, Subpart: 2, Chapter: 3, Section: 4}

#: What the body of a regulation holds at its top level.
Node: TypeAlias = Part | Subpart | Chapter | Section | Article | Division | Paragraph | Table
