"""Writable twins of the frozen classes: the fastest way pure Python has to fill a value's slots.

A value a reader of the library has checked (the parser, the JSON and Akoma Ntoso readers) is
created as an instance of its class's *twin*: a subclass of the frozen, slotted class that adds
no slot and keeps ``object.__setattr__``, so that its fields are written by plain attribute
stores (which CPython specializes to a direct slot store), hidden ones included.  Its class is
then set to the model's own (``value.__class__ = Paragraph``: the two have the same layout,
which CPython checks).  What comes out is an instance of the model's class, frozen, equal to
what the public constructor builds; no check runs here (the callers run what they must).

A store through a member descriptor's ``__set__`` (:mod:`.prebuilt`'s way) is a call that
builds an argument tuple and unpacks it again, about 700 instructions; a specialized slot store
is a few dozen, and the class switch one more store.

Not imported by ``load()`` (tests/test_api.py pins what a cold ``load()`` imports): creating
the twins is a cost at the first import of a reader, never at a cold start.  Each ``build_*``
function fills every field of :data:`.prebuilt.FIELDS` (tests/test_trusted.py holds them to
it), so a field added to a class fails the suite until it is added here.
"""

from __future__ import annotations

from typing import Any

from .structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .units import Event, Item, Paragraph, SubItem

__all__ = [
    "APPENDIX",
    "ARTICLE",
    "CHAPTER",
    "DIVISION",
    "EVENT",
    "ITEM",
    "PARAGRAPH",
    "PART",
    "SECTION",
    "SUBITEM",
    "SUBPART",
    "build_appendix",
    "build_article",
    "build_division",
    "build_event",
    "build_headed",
    "build_item",
    "build_paragraph",
    "build_part",
    "build_subitem",
    "writable",
]

_new = object.__new__


def writable(cls: type) -> Any:
    """A subclass of the frozen (slotted) *cls* that adds no slot and whose instances take
    plain attribute stores: built as one, a value is switched to *cls* once its fields are in."""
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,  # (both, or CPython keeps the slow generic store)
    }
    return type(f"Writable{cls.__name__}", (cls,), namespace)


PARAGRAPH = writable(Paragraph)
ITEM = writable(Item)
SUBITEM = writable(SubItem)
ARTICLE = writable(Article)
CHAPTER = writable(Chapter)
SECTION = writable(Section)
SUBPART = writable(Subpart)
PART = writable(Part)
DIVISION = writable(Division)
APPENDIX = writable(Appendix)
EVENT = writable(Event)


def build_paragraph(
    number: int,
    text: str,
    items: tuple[Item, ...],
    break_before: bool,
    continuation: tuple[str, ...],
    cite: tuple[int, ...] | None,
    flow: bool,
) -> Paragraph:
    """:func:`.prebuilt.make_paragraph`, through the twin."""
    value = _new(PARAGRAPH)
    value.number = number
    value.text = text
    value.items = items
    value.break_before = break_before
    value.continuation = continuation
    value._cite = cite
    value._flow = flow
    value.__class__ = Paragraph
    return value  # type: ignore[no-any-return]


def build_item(
    number: int,
    text: str,
    subitems: tuple[SubItem, ...],
    continuation: tuple[str, ...],
    arabic: bool,
    cite: tuple[int, ...] | None,
) -> Item:
    """:func:`.prebuilt.make_item`, through the twin."""
    value = _new(ITEM)
    value.number = number
    value.text = text
    value.subitems = subitems
    value.continuation = continuation
    value.arabic = arabic
    value._cite = cite
    value.__class__ = Item
    return value  # type: ignore[no-any-return]


def build_subitem(
    number: int,
    text: str,
    subitems: tuple[SubItem, ...],
    continuation: tuple[str, ...],
    cite: tuple[int, ...] | None,
) -> SubItem:
    """:func:`.prebuilt.make_subitem`, through the twin."""
    value = _new(SUBITEM)
    value.number = number
    value.text = text
    value.subitems = subitems
    value.continuation = continuation
    value._cite = cite
    value.__class__ = SubItem
    return value  # type: ignore[no-any-return]


def build_article(number: int, suffix: int, paragraphs: tuple[Paragraph, ...]) -> Article:
    """:func:`.prebuilt.make_article`, through the twin."""
    value = _new(ARTICLE)
    value.number = number
    value.suffix = suffix
    value.paragraphs = paragraphs
    value.__class__ = Article
    return value  # type: ignore[no-any-return]


def build_headed(
    cls: type, twin: Any, number: int, title: str, children: tuple[Any, ...], cite: Any
) -> Any:
    """A cited heading (:class:`Chapter`, :class:`Section`, :class:`Subpart`) of class *cls*
    through its *twin*: ``make_chapter`` and its kin of :mod:`.prebuilt`."""
    value = _new(twin)
    value.number = number
    value.title = title
    value.children = children
    value._cite = cite
    value.__class__ = cls
    return value


def build_part(number: int, title: str, children: tuple[Any, ...]) -> Part:
    """:func:`.prebuilt.make_part`, through the twin."""
    value = _new(PART)
    value.number = number
    value.title = title
    value.children = children
    value.__class__ = Part
    return value  # type: ignore[no-any-return]


def build_division(title: str, level: int, children: tuple[Any, ...]) -> Division:
    """:func:`.prebuilt.make_division`, through the twin."""
    value = _new(DIVISION)
    value.title = title
    value.level = level
    value.children = children
    value.__class__ = Division
    return value  # type: ignore[no-any-return]


def build_appendix(title: str, children: tuple[Any, ...]) -> Appendix:
    """:func:`.prebuilt.make_appendix`, through the twin."""
    value = _new(APPENDIX)
    value.title = title
    value.children = children
    value.__class__ = Appendix
    return value  # type: ignore[no-any-return]


def build_event(text: str) -> Event:
    """:func:`.prebuilt.make_event`, through the twin."""
    value = _new(EVENT)
    value.text = text
    value.__class__ = Event
    return value  # type: ignore[no-any-return]
