"""A regulation as plain values and back: the prebuilt form of the bundled seed.

:func:`pack` writes a :class:`Regulation` as nested tuples, lists, strings, numbers, booleans
and ``None`` (what :mod:`marshal` writes, which is built into the interpreter and costs nothing
to import): each model value a list ``[tag, field, …]`` holding every field of its class,
hidden ones included (the citation stamps, the reading-rules flag of a 款), in the order of
``attrs.fields()``; a tuple that holds model values a list ``[-1, value, …]`` (a tuple of plain
values stays a tuple, which :func:`unpack` takes as it is).  :func:`unpack` builds the values again by putting each field in its slot
(no check runs: the values were checked when the source was parsed) and the
:class:`Regulation` of them as the parser's trusted path does (:func:`.prebuilt.regulation`).

The packed form carries the source it was made from and the field names of every class, and
:func:`unpack` refuses (returns ``None``) a form whose source is not the one given, byte for
byte, or whose classes have other fields than the model's now: the caller then parses the
source.  ``load()`` reads the bundled seed this way (``data/…marshal``, written by
``scripts/pack_seed.py``); tests/test_packed.py holds the shipped form to a fresh strict parse
of the shipped source, and ``unpack(pack(r))`` to ``r`` over the corpus and generated
regulations, node by node.
"""

from __future__ import annotations

from typing import Any

import attrs

from .prebuilt import regulation
from .regulation import Regulation
from .structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .units import Event, Item, Paragraph, ParseWarning, SubItem, Table

__all__ = ["FORMAT", "pack", "signature", "unpack"]

#: The version of the packed form; a form of another version is refused.
FORMAT = 2

#: The classes a regulation holds below itself; a value's tag is its class's index here.
_CLASSES: tuple[type, ...] = (
    Paragraph,
    Item,
    SubItem,
    Table,
    Event,
    ParseWarning,
    Article,
    Chapter,
    Section,
    Subpart,
    Part,
    Division,
    Appendix,
)
_TAGS = {cls: tag for tag, cls in enumerate(_CLASSES)}
_NAMES = tuple(tuple(field.name for field in attrs.fields(cls)) for cls in _CLASSES)
#: The slot setter of each field (as ``object.__setattr__`` would write it, without the lookup).
_SETTERS = tuple(
    tuple(cls.__dict__[name].__set__ for name in names)
    for cls, names in zip(_CLASSES, _NAMES, strict=True)
)
#: The tag of a tuple that holds model values.
_TUPLE = -1
_PLAIN = (str, int, bool, type(None))

_new = object.__new__
_put = object.__setattr__


def signature() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each class a packed value may hold, by tag: its name and the names of its fields."""
    return tuple((cls.__name__, names) for cls, names in zip(_CLASSES, _NAMES, strict=True))


def pack(reg: Regulation, source: str) -> tuple[Any, ...]:
    """*reg*, parsed from *source*, as plain values: ``(FORMAT, source, signature(), fields)``.

    >>> import marshal
    >>> from wuxi_dt_regulation import parse
    >>> text = "# 示例条例\\n\\n第一条 为了示例，制定本条例。"
    >>> packed = marshal.loads(marshal.dumps(pack(parse(text), text)))
    >>> unpack(packed, text) == parse(text)
    True
    """
    fields = tuple(
        _pack(value)
        for value in (
            reg.title,
            reg.subtitles,
            reg.history,
            reg.toc,
            reg.preamble,
            reg.body,
            reg.appendices,
            reg.warnings,
        )
    )
    return (FORMAT, source, signature(), fields)


def _pack(value: object) -> Any:
    kind = type(value)
    if kind is tuple:
        values = [_pack(v) for v in value]  # type: ignore[attr-defined]
        if any(type(v) is list for v in values):
            return [_TUPLE, *values]
        return tuple(values)
    tag = _TAGS.get(kind)
    if tag is not None:
        return [tag, *[_pack(getattr(value, name)) for name in _NAMES[tag]]]
    if kind in _PLAIN:
        return value
    raise TypeError(f"cannot pack a {kind.__name__}")


def unpack(packed: object, source: str) -> Regulation | None:
    """The :class:`Regulation` *packed* holds, or ``None`` when it was not made from *source*
    (byte for byte), is of another :data:`FORMAT`, or names other fields than the model's."""
    if (
        type(packed) is not tuple
        or len(packed) != 4
        or packed[0] != FORMAT
        or packed[1] != source
        or packed[2] != signature()
    ):
        return None
    fields = [_unpack(value) if type(value) is list else value for value in packed[3]]
    title, subtitles, history, toc, preamble, body, appendices, warnings = fields
    return regulation(title, subtitles, history, toc, preamble, body, appendices, warnings)


def _unpack(value: list[Any]) -> Any:
    """The value or tuple of values *value* packs (a list: see the module's docstring)."""
    tag = value[0]
    if tag == _TUPLE:
        return tuple([_unpack(v) if type(v) is list else v for v in value[1:]])
    node = _new(_CLASSES[tag])
    for put, field in zip(_SETTERS[tag], value[1:], strict=True):
        put(node, _unpack(field) if type(field) is list else field)
    return node
