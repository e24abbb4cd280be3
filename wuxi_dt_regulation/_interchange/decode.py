"""The fast reader of JSON documents: plain data to model values in one checked pass.

:func:`decode` does what the cattrs converter of :mod:`.converter` does for a document that is
right, at a fraction of the cost: every JSON value is checked once (its JSON type here, its
value by the model's own checks), and each value is built through a trusted constructor
(:func:`.._model.trusted.build`) rather than through cattrs' generic dispatch.  It is generic:
the plan of each class is read from ``attrs.fields()`` on first use, so a field added to a model
class is read without an edit here.  A type it has no rule for (a ``Literal``, an enum) is read
by the converter's own hook for that type.

It never reports a problem: on anything it does not accept it raises :class:`Refused`, and
:func:`.serialize.from_dict` reads the document again through the converter, which names every
problem with its JSON path.  So the fast path can only be *stricter* than the converter, never
more lenient, and the errors are the converter's, unchanged (tests/test_decode.py checks both).
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._model.errors import SerializationError
from .._model.regulation import Regulation
from .._model.trusted import constructor, init_fields
from .converter import (
    OLD_PARAGRAPH,
    SCHEMA,
    Unreadable,
    converter,
    document_classes,
    kind_of,
    omitted_fields,
    tag,
)
from .decode_tree import regulation_reader
from .decode_units import DICTS, PAIRS, Refused, opener, refuse
from .documents import a_class

__all__ = ["Refused", "decode", "decode_pairs", "document_class", "read_json"]

Reader = Callable[[Any], Any]

_lock = threading.RLock()
_readers: dict[tuple[str, object], Reader] = {}


def decode(data: dict[str, Any], cls: type) -> Any:
    """Build a *cls* from a document's fields (without ``"schema"`` and ``"type"``).

    Raises:
        Refused: the data is not a well-formed *cls*; the converter says why.
    """
    return _run(_reader(DICTS, cls), data)


def decode_pairs(data: tuple[tuple[str, Any], ...], cls: type) -> Any:
    """:func:`decode` for the fields of a document read with ``object_pairs_hook=tuple``: every
    object a tuple of its ``(key, value)`` pairs.

    Raises:
        Refused: the data is not a well-formed *cls*, or an object names a key twice.
    """
    return _run(_reader(PAIRS, cls), data)


def read_json(text: str, cls: type | None) -> Any:
    """A JSON document read in one checked pass: what :func:`.serialize.from_json` returns.

    Raises:
        Refused: the text is not a right document of *cls* (or of the class it names): the
            caller reads it again, and names what is wrong.
    """
    import json

    try:
        data = json.loads(text, object_pairs_hook=tuple, parse_constant=Unreadable)
    except (ValueError, RecursionError):
        raise Refused from None
    if type(data) is not tuple:
        raise Refused
    top = dict(data)
    schema = top.pop("schema", None)
    if len(top) != len(data) - 1 or type(schema) is not int or schema != SCHEMA:
        raise Refused
    named = top.pop("type", _MISSING)
    try:
        found = document_class({} if named is _MISSING else {"type": named}, cls)
    except SerializationError:
        raise Refused from None
    return decode_pairs(tuple(top.items()), found)


def document_class(data: dict[str, Any], cls: type[Any] | None) -> type[Any]:
    """The class a document is read as: *cls* if given, else the one its ``"type"`` names."""
    if "type" not in data:
        return Regulation if cls is None else cls
    named = data["type"]
    known = document_classes()
    if type(named) is not str or named not in known:
        shown = kind_of(named) if type(named) is not str else repr(named)
        raise SerializationError(
            f"expected the name of a model class ('regulation', 'citation' …), found {shown}",
            path="$.type",
        )
    if cls is not None and known[named] is not cls:
        raise SerializationError(
            f"this document holds {a_class(known[named])}, not {a_class(cls)}", path="$.type"
        )
    return known[named]


def _run(reader: Reader, data: object) -> Any:
    try:
        return reader(data)
    except Refused:
        raise
    except Exception as exc:  # a model check, a RecursionError …: the converter reports it
        raise Refused from exc


def _reader(mode: str, t: object) -> Reader:
    found = _readers.get((mode, t))
    if found is None:
        with _lock:
            found = _readers.get((mode, t))
            if found is None:
                found = _make_with_cycles(mode, t)
    return found


def _make_with_cycles(mode: str, t: object) -> Reader:
    """Make the reader of *t*; a type that refers to itself (SubItem's subitems) meets a
    forwarder to the reader being made, the one place a read goes through one more call."""
    cell: list[Reader] = []

    def forward(obj: Any) -> Any:
        return cell[0](obj)

    _readers[mode, t] = forward
    try:
        made = _make_reader(mode, t)
    except BaseException:
        del _readers[mode, t]
        raise
    cell.append(made)
    _readers[mode, t] = made
    return made


def _simple(t: type) -> Reader:
    def read(obj: Any) -> Any:
        if type(obj) is not t:
            refuse()
        return obj

    return read


def _make_reader(mode: str, t: object) -> Reader:
    if isinstance(t, tuple) and t[0] is _TAGGED:
        return _record(mode, t[1], tagged=True)
    if t in (int, str, bool):
        return _simple(t)
    if t is Regulation:  # where the time goes: read by functions written for its classes
        found = regulation_reader(mode)
        if found is not None:
            return found
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _array(mode, args[0])
    if origin is tuple and args and Ellipsis not in args:
        return _fixed(tuple(_reader(mode, arg) for arg in args))
    if origin in (typing.Union, types.UnionType):
        return _union(mode, args)
    if isinstance(t, type) and attrs.has(t):
        return _record(mode, t, tagged=False)
    return _converted(mode, t)  # no rule of ours: the converter's own


def _array(mode: str, element: object) -> Reader:
    by_tag = _tags(element)
    if by_tag is not None:  # an array of tagged objects: the dispatch in line
        readers = {key: _reader(mode, (_TAGGED, cls)) for key, cls in by_tag.items()}
        one = opener(mode)

        def read_tagged(obj: Any) -> tuple[Any, ...]:
            if type(obj) is not list:
                refuse()
            out = []
            for x in obj:
                x = one(x)
                reader = readers.get(x.get("type", ""))
                if reader is None:
                    refuse()
                out.append(reader(x))
            return tuple(out)

        return read_tagged
    each = _reader(mode, element)

    def read(obj: Any) -> tuple[Any, ...]:
        if type(obj) is not list:
            refuse()
        return tuple([each(x) for x in obj])

    return read


def _tags(t: object) -> dict[str, type] | None:
    """The classes of a union of attrs classes by their tag, or None for any other type."""
    if typing.get_origin(t) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(t)
    if not all(isinstance(a, type) and attrs.has(a) for a in args):
        return None
    return {tag(a): a for a in args}


def _fixed(elements: tuple[Reader, ...]) -> Reader:
    size = len(elements)

    def read(obj: Any) -> tuple[Any, ...]:
        if type(obj) is not list or len(obj) != size:
            refuse()
        return tuple([r(x) for r, x in zip(elements, obj, strict=True)])

    return read


def _union(mode: str, args: tuple[Any, ...]) -> Reader:
    others = tuple(a for a in args if a is not type(None))
    if len(others) < len(args):  # X | None: null, or an X
        if len(others) != 1:
            return _converted(mode, typing.Union[args])  # noqa: UP007 - rebuilt from its parts
        inner = _reader(mode, others[0])
        return lambda obj: None if obj is None else inner(obj)
    if set(others) == {tuple[int, int], _paragraph()}:
        return _paragraph_source(mode)
    by_tag = _tags(typing.Union[args])  # noqa: UP007
    if by_tag is not None:
        readers = {key: _reader(mode, (_TAGGED, cls)) for key, cls in by_tag.items()}
        one = opener(mode)

        def read(obj: Any) -> Any:
            obj = one(obj)
            reader = readers.get(obj.get("type", ""))
            if reader is None:
                refuse()
            return reader(obj)

        return read
    return _converted(mode, typing.Union[args])  # noqa: UP007


def _converted(mode: str, t: object) -> Reader:
    """The converter's hook for *t*: for values that hold no JSON object in *mode* PAIRS (a
    ``Literal``'s string); an object there is refused, and the converter reads it whole."""
    hook = converter().get_structure_hook(t)
    if mode == DICTS:
        return lambda obj: hook(obj, t)

    def read(obj: Any) -> Any:
        if type(obj) is tuple:
            refuse()
        return hook(obj, t)

    return read


def _paragraph() -> type:
    from .._model.units import Paragraph

    return Paragraph


def _paragraph_source(mode: str) -> Reader:
    """A diff's paragraph source: a new ``"paragraph"``, or an old one by its position."""
    paragraph = _reader(mode, (_TAGGED, _paragraph()))
    one = opener(mode)

    def read(obj: Any) -> Any:
        obj = one(obj)
        kind = obj.get("type")
        if kind == "paragraph":
            return paragraph(obj)
        if kind != OLD_PARAGRAPH or len(obj) != 3:
            refuse()
        article = obj.get("article_index")
        index = obj.get("paragraph_index")
        if type(article) is not int or type(index) is not int or article < 0 or index < 0:
            refuse()
        return (article, index)

    return read


def _record(mode: str, cls: type, *, tagged: bool) -> Reader:
    """Read an object of *cls*: its keys are the constructor's names of its fields.

    *tagged*: the object stands where several classes may and carries its ``"type"`` tag,
    which the union's reader has checked (and made a dict): the one key other than the fields
    let through.  The reader is generated code (one per class and use), each field read in line.
    """
    attrs.resolve_types(cls)
    skipped = omitted_fields(cls)
    fields = init_fields(cls)
    if tagged and any((f.alias or f.name) == "type" for f in fields):
        return refuse  # a field named like the tag: the converter knows what to do
    scope: dict[str, Any] = {"refuse": refuse, "make": constructor(cls), "MISSING": _MISSING}
    lines = ["def read(obj):"]
    if mode == PAIRS and not tagged:
        lines += ["    if type(obj) is not tuple:", "        refuse()", "    pairs = obj"]
        lines += ["    obj = dict(pairs)", "    if len(obj) != len(pairs):", "        refuse()"]
    else:
        lines += ["    if type(obj) is not dict:", "        refuse()"]
    lines.append("    seen = 0")
    args = []
    for i, field in enumerate(fields):
        value = f"v{i}"
        args.append(value)
        if field.name in skipped:  # never in a document: its default
            scope[f"d{i}"] = field.default
            lines.append(f"    {value} = d{i}")
            continue
        key = field.alias or field.name
        lines.append(f"    {value} = obj.get({key!r}, MISSING)")
        required = field.default is attrs.NOTHING or isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        if required:
            lines += [f"    if {value} is MISSING:", "        refuse()", "    seen += 1"]
            indent = "    "
        else:
            scope[f"d{i}"] = field.default
            lines += [f"    if {value} is MISSING:", f"        {value} = d{i}", "    else:"]
            lines.append("        seen += 1")
            indent = "        "
        if field.type in (int, str, bool):
            scope[f"t{i}"] = field.type
            lines += [f"{indent}if type({value}) is not t{i}:", f"{indent}    refuse()"]
        else:
            scope[f"r{i}"] = _reader(mode, field.type)
            lines.append(f"{indent}{value} = r{i}({value})")
    lines += [f"    if seen != len(obj) - {int(tagged)}:", "        refuse()"]
    lines.append(f"    return make({', '.join(args)})")
    exec("\n".join(lines), scope)
    read: Reader = scope["read"]
    return read


_MISSING = object()
#: Marks the reader of a class's object that carries its ``"type"`` tag.
_TAGGED = "tagged"
