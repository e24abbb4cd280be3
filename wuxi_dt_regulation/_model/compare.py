"""Equality and hashing by fields, written once for the model's classes rather than compiled per
class.

attrs writes the source of a class's ``__init__``, ``__eq__`` and ``__hash__`` and compiles it
when the class is created: one ``compile()`` per class at import, which cost more than anything
else a cold ``import wuxi_dt_regulation`` does beyond ``import attrs``.  :func:`by_fields` gives a
class the ``__eq__`` and ``__hash__`` attrs would give it, from one closure each and
:func:`operator.attrgetter` (nothing compiled), before attrs sees the class: attrs leaves a
class's own ``__eq__`` and ``__hash__`` alone (its ``auto_detect``).  The same answers: two
values are equal when they are of the very same class and every field that takes part in
equality is equal (attrs's ``eq`` fields, in declaration order); the hash is that of those
fields' values and the class.  With *with_repr*, the ``__repr__`` attrs would write too
(``Event(text='…')``, ``...`` for a value met again inside itself).  tests/test_compare.py holds
each class's names to the fields ``attrs.fields()`` marks ``eq`` (and ``repr``), and the answers
to those of the methods attrs generates.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["by_fields"]

T = TypeVar("T", bound=type)

#: The values whose repr is being written, per thread (a value met again inside itself: ``...``).
_writing = threading.local()


def by_fields(*names: str, with_repr: bool = False) -> Callable[[T], T]:
    """Class decorator (under ``@attrs.frozen``): ``__eq__`` and ``__hash__`` over *names*, and
    ``__repr__`` listing them when *with_repr*.

    >>> import attrs
    >>> @attrs.frozen
    ... @by_fields("a")
    ... class Pair:
    ...     a: int
    ...     b: int = attrs.field(eq=False)
    >>> Pair(1, 2) == Pair(1, 3), Pair(1, 2) == Pair(2, 2), hash(Pair(1, 2)) == hash(Pair(1, 3))
    (True, False, True)
    >>> @attrs.frozen
    ... @by_fields("a", with_repr=True)
    ... class One:
    ...     a: object
    >>> One("甲"), One([One(1)])
    (One(a='甲'), One(a=[One(a=1)]))
    """
    key = operator.attrgetter(*names)

    def wrap(cls: T) -> T:
        salt = f"{cls.__module__}.{cls.__qualname__}"

        def __eq__(self: Any, other: Any) -> Any:
            if other.__class__ is not self.__class__:
                return NotImplemented
            return key(self) == key(other)

        def __hash__(self: Any) -> int:
            return hash((salt, key(self)))

        if with_repr:
            cls.__repr__ = _repr(names)  # type: ignore[method-assign,assignment]
            cls.__repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
        __eq__.fields = __hash__.fields = names  # type: ignore[attr-defined]  # (for the tests)
        __eq__.__qualname__ = f"{cls.__qualname__}.__eq__"
        __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]
        cls.__hash__ = __hash__  # type: ignore[method-assign,assignment]
        return cls

    return wrap


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        try:
            writing = _writing.values
        except AttributeError:
            writing = _writing.values = set()
        if id(self) in writing:
            return "..."
        writing.add(id(self))
        try:
            fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
            return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({fields})"
        finally:
            writing.discard(id(self))

    __repr__.fields = names  # type: ignore[attr-defined]  # (for the tests)
    return __repr__
