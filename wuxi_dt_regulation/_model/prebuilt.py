"""The parser's prechecked constructors, written out: one function per class that puts every
field in its slot, hidden ones included, and runs no check.

They do what :func:`.trusted.prechecked` generates, but as plain source, compiled once into the
byte-code cache: generating them with ``exec`` at the first parse cost more than a cold
``load()`` may spend.  Each lists every field of its class (tests/test_trusted.py holds the
lists to ``attrs.fields()``, so a field added to a class fails the suite until it is added
here).  Only for values a reader of the library has checked; see :mod:`.trusted`.
"""

from __future__ import annotations

from typing import Any

from .regulation import Regulation
from .structure import Appendix, Article, Chapter, Division, Part, Section, Subpart, articles_in
from .units import Event, Item, Paragraph, ParseWarning, SubItem

__all__ = [
    "FIELDS",
    "PARAGRAPH_SETTERS",
    "make_appendix",
    "make_article",
    "make_chapter",
    "make_division",
    "make_event",
    "make_item",
    "make_paragraph",
    "make_part",
    "make_regulation",
    "make_section",
    "make_subitem",
    "make_subpart",
    "regulation",
]

_new = object.__new__
_put = object.__setattr__  # (make_regulation's: one call per value, not worth the setters)

Stamp = tuple[int | None, ...] | None

#: The fields each function below fills, in the order it takes them.
FIELDS: dict[type, tuple[str, ...]] = {
    Paragraph: ("number", "text", "items", "break_before", "continuation", "_cite", "_flow"),
    Item: ("number", "text", "subitems", "continuation", "arabic", "_cite"),
    SubItem: ("number", "text", "subitems", "continuation", "_cite"),
    Article: ("number", "suffix", "paragraphs"),
    Chapter: ("number", "title", "children", "_cite"),
    Section: ("number", "title", "children", "_cite"),
    Subpart: ("number", "title", "children", "_cite"),
    Part: ("number", "title", "children"),
    Division: ("title", "level", "children"),
    Appendix: ("title", "children"),
    Event: ("text",),
    Regulation: (
        "title",
        "subtitles",
        "history",
        "toc",
        "preamble",
        "body",
        "appendices",
        "warnings",
        "_articles",
        "_index",
    ),
}


def _setters(cls: type) -> tuple[Any, ...]:
    """The slot setters of *cls*'s fields, in :data:`FIELDS` order: ``set(value, v)`` writes
    the slot as ``object.__setattr__(value, name, v)`` would, without looking the name up."""
    return tuple(cls.__dict__[name].__set__ for name in FIELDS[cls])


#: The slot setters of a 款's fields, in :data:`FIELDS` order (for a reader that writes the
#: usual 款 in line: ``make_paragraph`` without the call).
PARAGRAPH_SETTERS = _setters(Paragraph)
_P0, _P1, _P2, _P3, _P4, _P5, _P6 = PARAGRAPH_SETTERS
_I0, _I1, _I2, _I3, _I4, _I5 = _setters(Item)
_S0, _S1, _S2, _S3, _S4 = _setters(SubItem)
_A0, _A1, _A2 = _setters(Article)


def make_paragraph(
    number: int,
    text: str,
    items: tuple[Item, ...],
    break_before: bool,
    continuation: tuple[str, ...],
    cite: Stamp,
    flow: bool,
) -> Paragraph:
    self = _new(Paragraph)
    _P0(self, number)
    _P1(self, text)
    _P2(self, items)
    _P3(self, break_before)
    _P4(self, continuation)
    _P5(self, cite)
    _P6(self, flow)
    return self


def make_item(
    number: int,
    text: str,
    subitems: tuple[SubItem, ...],
    continuation: tuple[str, ...],
    arabic: bool,
    cite: Stamp,
) -> Item:
    self = _new(Item)
    _I0(self, number)
    _I1(self, text)
    _I2(self, subitems)
    _I3(self, continuation)
    _I4(self, arabic)
    _I5(self, cite)
    return self


def make_subitem(
    number: int,
    text: str,
    subitems: tuple[SubItem, ...],
    continuation: tuple[str, ...],
    cite: Stamp,
) -> SubItem:
    self = _new(SubItem)
    _S0(self, number)
    _S1(self, text)
    _S2(self, subitems)
    _S3(self, continuation)
    _S4(self, cite)
    return self


def make_article(number: int, suffix: int, paragraphs: tuple[Paragraph, ...]) -> Article:
    self = _new(Article)
    _A0(self, number)
    _A1(self, suffix)
    _A2(self, paragraphs)
    return self


def _headed(cls: type, number: int, title: str, children: tuple[Any, ...], cite: Stamp) -> Any:
    self: Any = _new(cls)
    _put(self, "number", number)
    _put(self, "title", title)
    _put(self, "children", children)
    _put(self, "_cite", cite)
    return self


def make_chapter(number: int, title: str, children: tuple[Any, ...], cite: Stamp) -> Chapter:
    return _headed(Chapter, number, title, children, cite)  # type: ignore[no-any-return]


def make_section(number: int, title: str, children: tuple[Any, ...], cite: Stamp) -> Section:
    return _headed(Section, number, title, children, cite)  # type: ignore[no-any-return]


def make_subpart(number: int, title: str, children: tuple[Any, ...], cite: Stamp) -> Subpart:
    return _headed(Subpart, number, title, children, cite)  # type: ignore[no-any-return]


def make_part(number: int, title: str, children: tuple[Any, ...]) -> Part:
    self = _new(Part)
    _put(self, "number", number)
    _put(self, "title", title)
    _put(self, "children", children)
    return self


def make_division(title: str, level: int, children: tuple[Any, ...]) -> Division:
    self = _new(Division)
    _put(self, "title", title)
    _put(self, "level", level)
    _put(self, "children", children)
    return self


def make_appendix(title: str, children: tuple[Any, ...]) -> Appendix:
    self = _new(Appendix)
    _put(self, "title", title)
    _put(self, "children", children)
    return self


def make_event(text: str) -> Event:
    self = _new(Event)
    _put(self, "text", text)
    return self


def make_regulation(*values: Any) -> Regulation:
    """The fields of :data:`FIELDS` ``[Regulation]``, by position (see :func:`regulation`)."""
    self = _new(Regulation)
    for name, value in zip(FIELDS[Regulation], values, strict=True):
        _put(self, name, value)
    return self


def regulation(
    title: str,
    subtitles: tuple[str, ...],
    history: tuple[Event, ...],
    toc: tuple[str, ...],
    preamble: tuple[Any, ...],
    body: tuple[Any, ...],
    appendices: tuple[Any, ...],
    warnings: tuple[ParseWarning, ...],
    articles: tuple[Article, ...] | None = None,
) -> Regulation:
    """The :class:`Regulation` of parts a reader has checked and stamped (every citable unit of
    *body* built with its position): no check runs and no unit is stamped again; the article
    index is built as the public constructor builds it (from *articles*, the body's articles in
    document order, when the reader has them at hand).

    Here rather than in :mod:`.trusted` (which re-exports it) so that ``load()``, which reads
    the seed's prebuilt form with it, loads no module it does not use.
    """
    if articles is None:
        articles = tuple(articles_in(body))
    index: dict[tuple[int, int], Article] = {}
    for article in articles:
        index.setdefault((article.number, article.suffix), article)
    return make_regulation(
        title, subtitles, history, toc, preamble, body, appendices, warnings, articles, index
    )
