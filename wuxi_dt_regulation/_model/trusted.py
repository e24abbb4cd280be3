"""The trusted constructor: build a model value from parts a reader of the library has checked.

The public constructors (``Paragraph(1, "…")``) run attrs' ``__init__``, which takes every
argument by keyword or position, fills the defaults and calls the class's checks
(``__attrs_post_init__``).  A reader that has already checked what it read needs less:
:func:`constructor` returns, per class, a function that takes every init field by position (in
declaration order, private fields included), puts the values in the slots, fills the hidden
(``init=False``) fields with their defaults and runs the class's own checks once.  A class whose
fields carry attrs validators, converters or default factories is built through its public
constructor, so nothing a class asks for is ever skipped.  It is generic: the fields are read
from ``attrs.fields()`` once per class, so a field added to a class needs no edit here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import attrs

from .prebuilt import regulation

__all__ = ["constructor", "init_fields", "prechecked", "regulation"]

_lock = threading.Lock()
_made: dict[object, Callable[..., Any]] = {}  # by class, or (class, field names)


def init_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields *cls*'s constructor takes, in the order :func:`constructor`'s function does."""
    return tuple(f for f in attrs.fields(cls) if f.init)


def constructor(cls: type) -> Callable[..., Any]:
    """The trusted constructor of *cls*: ``make(*values)`` equals ``cls(*values)``.

    The values are those of :func:`init_fields`, by position, every one given.  It raises what
    the class's checks raise.
    """
    found = _made.get(cls)
    if found is None:
        with _lock:
            found = _made.get(cls)
            if found is None:
                found = _made[cls] = _make(cls)
    return found


def prechecked(cls: type, names: tuple[str, ...]) -> Callable[..., Any]:
    """A builder of *cls* that runs no check: ``make(*values)`` puts the values of the fields
    *names* (attribute names, hidden ones such as ``_cite`` included) in the slots, by position,
    and every other field's default in its slot.

    For values a reader of the library has already checked (see the module's docstring).
    Raises TypeError when a field left out has no plain default.
    """
    key = (cls, names)
    found = _made.get(key)
    if found is None:
        with _lock:
            found = _made.get(key)
            if found is None:
                found = _made[key] = _make_prechecked(cls, names)
    return found


def _make_prechecked(cls: type, names: tuple[str, ...]) -> Callable[..., Any]:
    fields = {f.name: f for f in attrs.fields(cls)}
    unknown = set(names) - set(fields)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    params = [f"v{i}" for i in range(len(names))]
    lines = [f"def make({', '.join(params)}):", "    self = new(cls)"]
    lines += [
        f"    put(self, {name!r}, {param})" for name, param in zip(names, params, strict=True)
    ]
    scope: dict[str, Any] = {"new": object.__new__, "put": object.__setattr__, "cls": cls}
    for i, field in enumerate(f for f in fields.values() if f.name not in names):
        if field.default is attrs.NOTHING or isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name} has no plain default: pass it")
        scope[f"d{i}"] = field.default
        lines.append(f"    put(self, {field.name!r}, d{i})")
    lines.append("    return self")
    exec("\n".join(lines), scope)
    make: Callable[..., Any] = scope["make"]
    make.__qualname__ = f"prechecked {cls.__qualname__}"
    return make


def _make(cls: type) -> Callable[..., Any]:
    fields = attrs.fields(cls)
    taken = init_fields(cls)
    if any(f.validator is not None or f.converter is not None for f in fields) or any(
        isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f in fields
    ):
        return cls  # its own constructor: every argument by position, checked as it asks
    names = [f"v{i}" for i in range(len(taken))]
    lines = [f"def make({', '.join(names)}):", "    self = new(cls)"]
    for name, field in zip(names, taken, strict=True):
        lines.append(f"    put(self, {field.name!r}, {name})")
    scope: dict[str, Any] = {"new": object.__new__, "put": object.__setattr__, "cls": cls}
    for i, field in enumerate(f for f in fields if not f.init and f.default is not attrs.NOTHING):
        scope[f"d{i}"] = field.default
        lines.append(f"    put(self, {field.name!r}, d{i})")
    checks = getattr(cls, "__attrs_post_init__", None)
    if checks is not None:
        scope["checks"] = checks
        lines.append("    checks(self)")
    lines.append("    return self")
    exec("\n".join(lines), scope)
    make: Callable[..., Any] = scope["make"]
    make.__qualname__ = f"trusted {cls.__qualname__}"
    return make
