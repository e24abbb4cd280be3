"""The fast Akoma Ntoso reader's constructors: :func:`.akn_parts.makers` through the writable
twins of :mod:`.._model.twins`.

Each takes the same fields by position as the trusted constructor it stands in for, puts them
in the slots of the class's twin (the hidden fields at their defaults: no stamp, the 款's
reading-rules flag down), switches the value to the model's class and runs the class's own
checks (``__attrs_post_init__``), as the trusted constructor does: the same value, the same
errors, without a call per slot.  Only while the classes are those it was written for (no
validator, converter or default factory on any field, the hidden fields and their defaults
as listed here); else the trusted constructors are used as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.twins import (
    CHAPTER,
    SECTION,
    SUBPART,
    build_appendix,
    build_article,
    build_division,
    build_event,
    build_headed,
    build_item,
    build_paragraph,
    build_part,
    build_subitem,
)
from .._model.units import Event, Item, Paragraph, SubItem
from .akn_parts import makers

__all__ = ["fast_makers"]

#: The hidden fields of each class and their defaults, as the constructors below fill them.
_HIDDEN: dict[type, dict[str, object]] = {
    Paragraph: {"_cite": None, "_flow": False},
    Item: {"_cite": None},
    SubItem: {"_cite": None},
    Article: {},
    Division: {},
    Part: {},
    Subpart: {"_cite": None},
    Chapter: {"_cite": None},
    Section: {"_cite": None},
    Appendix: {},
    Event: {},
}


def _paragraph(
    number: int, text: str, items: Any, break_before: bool, continuation: Any
) -> Paragraph:
    value = build_paragraph(number, text, items, break_before, continuation, None, False)
    Paragraph.__attrs_post_init__(value)
    return value


def _item(number: int, text: str, subitems: Any, continuation: Any, arabic: bool) -> Item:
    value = build_item(number, text, subitems, continuation, arabic, None)
    Item.__attrs_post_init__(value)
    return value


def _subitem(number: int, text: str, subitems: Any, continuation: Any) -> SubItem:
    value = build_subitem(number, text, subitems, continuation, None)
    SubItem.__attrs_post_init__(value)
    return value


def _article(number: int, suffix: int, paragraphs: Any) -> Article:
    value = build_article(number, suffix, paragraphs)
    Article.__attrs_post_init__(value)
    return value


def _division(title: str, level: int, children: Any) -> Division:
    value = build_division(title, level, children)
    Division.__attrs_post_init__(value)
    return value


def _part(number: int, title: str, children: Any) -> Part:
    value = build_part(number, title, children)
    Part.__attrs_post_init__(value)
    return value


def _cited(cls: Any, twin: Any) -> Callable[[int, str, Any], Any]:
    checks = cls.__attrs_post_init__

    def make(number: int, title: str, children: Any) -> Any:
        value = build_headed(cls, twin, number, title, children, None)
        checks(value)
        return value

    return make


def _appendix(title: str, children: Any) -> Appendix:
    value = build_appendix(title, children)
    Appendix.__attrs_post_init__(value)
    return value


def _event(text: str) -> Event:
    value = build_event(text)
    Event.__attrs_post_init__(value)
    return value


_TWINNED: dict[type, Callable[..., Any]] = {
    Paragraph: _paragraph,
    Item: _item,
    SubItem: _subitem,
    Article: _article,
    Division: _division,
    Part: _part,
    Subpart: _cited(Subpart, SUBPART),
    Chapter: _cited(Chapter, CHAPTER),
    Section: _cited(Section, SECTION),
    Appendix: _appendix,
    Event: _event,
}
_made: dict[type, Callable[..., Any]] = {}


def _as_written(cls: type) -> bool:
    """Whether *cls* is built by the trusted constructor as the function here builds it."""
    fields: Any = attrs.fields(cls)
    hidden = {f.name: f.default for f in fields if not f.init}
    plain = all(
        f.validator is None and f.converter is None and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f in fields
    )
    return plain and hidden == _HIDDEN[cls] and hasattr(cls, "__attrs_post_init__")


def fast_makers() -> dict[type, Callable[..., Any]]:
    """:func:`.akn_parts.makers` (which checks the classes' init fields), each constructor of
    :data:`_TWINNED` in place of the trusted one while its class is as written."""
    if not _made:  # filled whole before it is shared: no thread sees half
        made = dict(makers())
        for cls, make in _TWINNED.items():
            if _as_written(cls):
                made[cls] = make
        _made.update(made)
    return _made
