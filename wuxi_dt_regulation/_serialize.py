"""The model <-> plain dicts and JSON, through one private cattrs converter.

The format (schema 1), documented in ``docs/json.md`` and described by ``data/schema.json``:

- a document is a JSON object whose first key is ``"schema": 1``, followed by the fields of the
  value written (a :class:`~wuxi_dt_regulation.Regulation` unless another class is asked for);
- every attrs class is an object whose keys are its fields in declaration order;
- a field equal to its default is left out (empty tuples, ``suffix`` 0, ``break_before`` false,
  ``Division.level`` 2, an empty ``title``), always, so that a document has one spelling;
- where a field holds one of several classes (``Regulation.body``, the ``children`` of every
  container, ``preamble``, ``Appendix.children``, ``CitationList.items``), each element carries a
  ``"type"`` tag first: ``"part"``, ``"subpart"``, ``"chapter"``, ``"section"``, ``"article"``,
  ``"division"``, ``"paragraph"``, ``"table"``, ``"citation"`` or ``"citation_range"``;
- a field that may be empty (``X | None`` with no default, such as ``ArticleChange.old``) is
  written as ``null`` or as the declared class; one with a default of None is left out;
- derived values (labels, an event's date and action, the regulation's article index, a
  citation's level, a heading's label, a diff's ``number_map`` and ``counts``) are never written;
  :attr:`Regulation.warnings` are not written either: they describe one parse of one source, not
  the regulation, and take no part in equality.  Nor is the position a regulation stamps on its
  units for ``.citation`` (an ``init=False`` field): a unit read back alone, or inside a diff,
  is not citable until it stands in a regulation again.

A :class:`~wuxi_dt_regulation.RegulationDiff` is a complete patch and is written whole: its
reports (``changes``, ``rows`` …) and the private fields :meth:`RegulationDiff.apply` needs,
under the names its constructor takes: ``number_pairs`` (``[old label, new label]`` arrays),
``template`` (a regulation), ``slots`` (per article of the template, ``null`` or the sources of
its paragraphs: a ``"paragraph"`` that is new, or ``{"type": "old_paragraph", "article_index":
i, "paragraph_index": j}`` taken from the old version, by position from 0) and
``fingerprint``.  ``from_json(to_json(d), RegulationDiff).apply(old) == new``.

Reading is strict: an int is a JSON integer (not ``true``, not ``"3"``), a string is a string,
a list is an array (of exactly N elements for a ``tuple[X, Y]``), unknown keys are refused, and
every problem is reported with its JSON path in a :class:`~wuxi_dt_regulation.SerializationError`.

This module imports the model only (one-way layering): the citation and diff classes are met
through type hints, and handled by rules, not by name.  Adding a class: an attrs class whose
fields are ints, strs, bools, tuples, ``X | None`` and other attrs classes needs nothing at all.
If it stands in a field that holds one of several classes, it is tagged with its name in snake
case, or with its entry in :data:`TAGS` (add the tag to :data:`OTHER_TAGS` if the model does not
define it); private fields (``_slots``) are written under the constructor's name.  A field whose
type is something else (an enum, a date, a union of a tuple and a class) needs one
``register_structure_hook`` / ``register_unstructure_hook`` pair in :func:`_build_converter`,
registered before the final Regulation block.  The schema (``data/schema.json``) gains a
definition; a test keeps those in step with the classes.
"""

from __future__ import annotations

import re
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from ._errors import SerializationError, decode_utf8
from ._model import Article, Chapter, Division, Paragraph, Part, Section, Subpart, Table
from ._regulation import Regulation

if TYPE_CHECKING:  # pragma: no cover
    import cattrs

__all__ = ["SCHEMA", "TAGS", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

#: The format version written, and the only one read.
SCHEMA = 1

#: The ``"type"`` tag of each model class that may stand where several classes may.  Any other
#: attrs class in such a place is tagged with its name in snake case (``CitationRange`` is
#: ``"citation_range"``): serialization does not import the citation or diff modules (one-way
#: layering, ``tests/test_api.py``), it only meets their classes in type hints.
TAGS: dict[type, str] = {
    Part: "part",
    Subpart: "subpart",
    Chapter: "chapter",
    Section: "section",
    Article: "article",
    Division: "division",
    Paragraph: "paragraph",
    Table: "table",
}

#: The tags of the classes outside the model that stand in mixed lists (``CitationList.items``),
#: so that a tag out of place reads "not allowed here" rather than "unknown".
OTHER_TAGS = ("citation", "citation_range")

#: The tag of a paragraph a ``RegulationDiff`` takes from the old version (see
#: :func:`_build_converter`); a new paragraph is tagged ``"paragraph"``.
OLD_PARAGRAPH = "old_paragraph"

_lock = threading.Lock()
_converters: list[cattrs.Converter] = []


class _Invalid(ValueError):
    """A leaf problem found by one of our hooks; *field* extends the path when set."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _kind(obj: object) -> str:
    """What a JSON value is, in JSON's words."""
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, int):
        return f"the int {obj}"
    if isinstance(obj, float):
        return f"the number {obj!r}"
    if isinstance(obj, str):
        shown = obj if len(obj) <= 20 else obj[:20] + "…"
        return f"the string {shown!r}"
    if isinstance(obj, (list, tuple)):
        return "an array"
    if isinstance(obj, Mapping):
        return "an object"
    return f"a {type(obj).__name__}"


def _structure_int(obj: object, _: object) -> int:
    if type(obj) is not int:
        raise _Invalid(f"expected an int, found {_kind(obj)}")
    return obj


def _structure_str(obj: object, _: object) -> str:
    if type(obj) is not str:
        raise _Invalid(f"expected a string, found {_kind(obj)}")
    return obj


def _structure_bool(obj: object, _: object) -> bool:
    if type(obj) is not bool:
        raise _Invalid(f"expected true or false, found {_kind(obj)}")
    return obj


def _is_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tag(cls: type) -> str:
    """The ``"type"`` tag of *cls*: from :data:`TAGS`, else its name in snake case."""
    return TAGS.get(cls) or re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _is_tagged_union(t: object) -> bool:
    if typing.get_origin(t) not in (typing.Union, types.UnionType):
        return False
    return all(isinstance(arg, type) and attrs.has(arg) for arg in typing.get_args(t))


def _is_fixed_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and bool(args) and Ellipsis not in args


def _has_private_fields(t: object) -> bool:
    """An attrs class with fields its constructor takes under another name (``_slots``)."""
    return (
        isinstance(t, type)
        and attrs.has(t)
        and any(a.init and a.alias != a.name for a in attrs.fields(t))
    )


def _json_key(cls: type, name: str) -> str:
    """The JSON key of attribute *name*: the name the constructor takes."""
    field = attrs.fields_dict(cls).get(name) if attrs.has(cls) else None
    return field.alias if field is not None and field.alias else name


def _is_paragraph_source(t: object) -> bool:
    """``tuple[int, int] | Paragraph``: where a rebuilt article of a diff takes a paragraph."""
    if typing.get_origin(t) not in (typing.Union, types.UnionType):
        return False
    return set(typing.get_args(t)) == {tuple[int, int], Paragraph}


def _build_converter() -> cattrs.Converter:
    import cattrs
    from cattrs.errors import IterableValidationError, IterableValidationNote
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)

    # Homogeneous tuples: JSON arrays, strictly (a string is not a tuple of characters).
    def tuple_unstructure(t: Any) -> Callable[[Any], list[Any]]:
        element = typing.get_args(t)[0]
        handler = conv.get_unstructure_hook(element)
        return lambda obj: [handler(x) for x in obj]

    def array_structure(
        t: Any, element: Any, handler: Callable[[Any, Any], Any]
    ) -> Callable[[Any, Any], tuple[Any, ...]]:
        def structure(obj: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(obj, list):
                raise _Invalid(f"expected an array, found {_kind(obj)}")
            out = []
            errors = []
            for index, value in enumerate(obj):
                try:
                    out.append(handler(value, element))
                except Exception as exc:
                    note = IterableValidationNote(
                        f"Structuring {t} @ index {index}", index, element
                    )
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    def tuple_structure(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        element = typing.get_args(t)[0]
        return array_structure(t, element, conv.get_structure_hook(element))

    conv.register_unstructure_hook_factory(_is_tuple, tuple_unstructure)
    conv.register_structure_hook_factory(_is_tuple, tuple_structure)

    # Fixed-length tuples (a diff's label pairs): arrays of exactly that length.
    def fixed_unstructure(t: Any) -> Callable[[Any], list[Any]]:
        handlers = [conv.get_unstructure_hook(arg) for arg in typing.get_args(t)]
        return lambda obj: [h(x) for h, x in zip(handlers, obj, strict=True)]

    def fixed_structure(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        args = typing.get_args(t)
        handlers = [conv.get_structure_hook(arg) for arg in args]

        def structure(obj: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(obj, list) or len(obj) != len(args):
                found = f"an array of {len(obj)}" if isinstance(obj, list) else _kind(obj)
                raise _Invalid(f"expected an array of {len(args)} elements, found {found}")
            out = []
            errors = []
            for index, (handler, arg, value) in enumerate(zip(handlers, args, obj, strict=True)):
                try:
                    out.append(handler(value, arg))
                except Exception as exc:
                    note = IterableValidationNote(f"Structuring {t} @ index {index}", index, arg)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    conv.register_unstructure_hook_factory(_is_fixed_tuple, fixed_unstructure)
    conv.register_structure_hook_factory(_is_fixed_tuple, fixed_structure)

    # Unions of tagged classes: {"type": tag, ...fields}; the tag first, so that it reads well.
    def union_unstructure(t: Any) -> Callable[[Any], dict[str, Any]]:
        allowed = set(typing.get_args(t))

        def unstructure(obj: Any) -> dict[str, Any]:
            cls = type(obj)
            if cls not in allowed:
                raise SerializationError(
                    f"a {cls.__name__} cannot stand where {_names(allowed)} may", path="$"
                )
            return {"type": _tag(cls), **conv.unstructure(obj, cls)}

        return unstructure

    def union_structure(t: Any) -> Callable[[Any, Any], Any]:
        by_tag = {_tag(cls): cls for cls in typing.get_args(t)}
        expected = ", ".join(repr(tag) for tag in sorted(by_tag))

        def structure(obj: Any, _: Any) -> Any:
            if not isinstance(obj, dict):
                raise _Invalid(f"expected an object, found {_kind(obj)}")
            if "type" not in obj:
                raise _Invalid(f"missing required field (one of {expected})", "type")
            tag = obj["type"]
            cls = by_tag.get(tag) if isinstance(tag, str) else None
            if cls is None:
                known = tag in TAGS.values() or tag in OTHER_TAGS
                shown = repr(tag) if isinstance(tag, str) else _kind(tag)
                what = f"{shown} is not allowed here" if known else f"unknown type {shown}"
                raise _Invalid(f"{what}; expected one of {expected}", "type")
            return conv.structure({k: v for k, v in obj.items() if k != "type"}, cls)

        return structure

    conv.register_unstructure_hook_factory(_is_tagged_union, union_unstructure)
    conv.register_structure_hook_factory(_is_tagged_union, union_structure)

    # Where a diff takes a paragraph from: a new Paragraph, tagged "paragraph" like any other,
    # or one of the old version's paragraphs by position, tagged OLD_PARAGRAPH.
    paragraph_unstructure = conv.get_unstructure_hook(Paragraph)
    paragraph_structure = conv.get_structure_hook(Paragraph)

    def source_unstructure(obj: Any) -> dict[str, Any]:
        if isinstance(obj, Paragraph):
            return {"type": TAGS[Paragraph], **paragraph_unstructure(obj)}
        article, paragraph = obj
        return {"type": OLD_PARAGRAPH, "article_index": article, "paragraph_index": paragraph}

    def source_structure(obj: Any, _: Any) -> tuple[int, int] | Paragraph:
        if not isinstance(obj, dict):
            raise _Invalid(f"expected an object, found {_kind(obj)}")
        expected = f"{OLD_PARAGRAPH!r} or {TAGS[Paragraph]!r}"
        if "type" not in obj:
            raise _Invalid(f"missing required field ({expected})", "type")
        tag = obj["type"]
        rest = {k: v for k, v in obj.items() if k != "type"}
        if tag == TAGS[Paragraph]:
            return paragraph_structure(rest, Paragraph)  # type: ignore[no-any-return]
        if tag != OLD_PARAGRAPH:
            shown = repr(tag) if isinstance(tag, str) else _kind(tag)
            raise _Invalid(f"unknown type {shown}; expected {expected}", "type")
        extra = sorted(set(rest) - {"article_index", "paragraph_index"})
        if extra:
            keys = ", ".join(repr(k) for k in extra)
            raise _Invalid(f"unknown field {keys} for an old paragraph")
        position = []
        for key in ("article_index", "paragraph_index"):
            if key not in rest:
                raise _Invalid("missing required field", key)
            value = rest[key]
            if type(value) is not int or value < 0:
                raise _Invalid(f"expected an int from 0, found {_kind(value)}", key)
            position.append(value)
        return (position[0], position[1])

    conv.register_unstructure_hook_func(_is_paragraph_source, source_unstructure)
    conv.register_structure_hook_func(_is_paragraph_source, source_structure)

    # Regulation: the parser's warnings are not part of the value (see the module docstring).
    # Registered last: the generated functions look their fields' hooks up when made.
    conv.register_unstructure_hook(
        Regulation,
        make_dict_unstructure_fn(
            Regulation, conv, _cattrs_omit_if_default=True, warnings=override(omit=True)
        ),
    )
    conv.register_structure_hook(
        Regulation, make_dict_structure_fn(Regulation, conv, warnings=override(omit=True))
    )

    # Classes with private fields (RegulationDiff): keys are the names the constructor takes.
    # A factory, so that the functions are made on first use, every other hook in place.
    def private_unstructure(cls: Any) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, _cattrs_use_alias=True
        )

    def private_structure(cls: Any) -> Callable[[Any, Any], Any]:
        return make_dict_structure_fn(cls, conv, _cattrs_use_alias=True)

    conv.register_unstructure_hook_factory(_has_private_fields, private_unstructure)
    conv.register_structure_hook_factory(_has_private_fields, private_structure)
    return conv


def _names(classes: set[type]) -> str:
    return " or ".join(sorted(cls.__name__ for cls in classes))


def _converter() -> cattrs.Converter:
    """The one private converter, built on first use (cattrs is not imported before)."""
    if _converters:
        return _converters[0]
    with _lock:
        if not _converters:
            _converters.append(_build_converter())
    return _converters[0]


# --------------------------------------------------------------------------- errors


def _problems(exc: BaseException, path: str, out: list[tuple[str, str]]) -> None:
    """Flatten cattrs' nested validation errors into ``(json path, message)`` pairs."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            _problems(inner, f"{path}.{_json_key(exc.cl, note.name)}", out)
        for inner in without:
            _problems(inner, path, out)
    elif isinstance(exc, IterableValidationError):
        with_index, others = exc.group_exceptions()
        for inner, index_note in with_index:
            _problems(inner, f"{path}[{index_note.index}]", out)
        for inner in others:
            _problems(inner, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        out.append((path, f"unknown field {names} for {exc.cl.__name__}"))
    elif isinstance(exc, _Invalid):
        out.append((f"{path}.{exc.field}" if exc.field else path, exc.message))
    elif isinstance(exc, KeyError):
        out.append((path, "missing required field"))
    elif isinstance(exc, (ValueError, TypeError)):
        # raised by the model's own checks (__attrs_post_init__): the value as a whole is wrong
        out.append((path, str(exc)))
    else:  # pragma: no cover - cattrs raises nothing else for plain data
        out.append((path, f"{type(exc).__name__}: {exc}"))


def _error(problems: list[tuple[str, str]]) -> SerializationError:
    path, message = problems[0]
    return SerializationError(message, path=path, errors=tuple(problems))


# --------------------------------------------------------------------------- public API


def to_dict(obj: object) -> dict[str, Any]:
    """Return *obj* (any model value) as plain JSON data: ``{"schema": 1, ...fields}``.

    >>> from wuxi_dt_regulation import Article, Paragraph
    >>> to_dict(Article(35, paragraphs=(Paragraph(1, "正文。"),)))
    {'schema': 1, 'number': 35, 'paragraphs': [{'number': 1, 'text': '正文。'}]}

    Raises:
        TypeError: *obj* is not a model value.
    """
    if not attrs.has(type(obj)):
        raise TypeError(f"to_dict() takes a model value, not {type(obj).__name__}")
    body = _converter().unstructure(obj, type(obj))
    return {"schema": SCHEMA, **body}


@overload
def from_dict(data: object) -> Regulation: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
def from_dict(data: object, cls: type[Any] = Regulation) -> Any:
    """Build a *cls* (a :class:`Regulation` by default) from what :func:`to_dict` returned.

    >>> from wuxi_dt_regulation import Article
    >>> from_dict({"schema": 1, "number": 120, "suffix": 1}, Article).label
    '第一百二十条之一'

    Raises:
        SerializationError: *data* is not a schema-1 document of *cls*; the message names the
            JSON path of each problem (``$.body[2].children[0].number: expected an int, …``).
    """
    if not isinstance(data, dict):
        raise SerializationError(f"expected an object, found {_kind(data)}", path="$")
    if "schema" not in data:
        raise SerializationError(
            f'missing required field (a document starts with "schema": {SCHEMA})',
            path="$.schema",
        )
    schema = data["schema"]
    if type(schema) is not int:
        raise SerializationError(f"expected an int, found {_kind(schema)}", path="$.schema")
    if schema != SCHEMA:
        raise SerializationError(
            f"unsupported schema {schema}; this version reads schema {SCHEMA}", path="$.schema"
        )
    body = {k: v for k, v in data.items() if k != "schema"}
    try:
        return _converter().structure(body, cls)
    except Exception as exc:
        problems: list[tuple[str, str]] = []
        _problems(exc, "$", problems)
        raise _error(problems) from None


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Return *obj* as a JSON document: readable Chinese, fixed key order, a final newline.

    >>> from wuxi_dt_regulation import Event
    >>> print(to_json(Event("2023年4月26日通过"), indent=None), end="")
    {"schema": 1, "text": "2023年4月26日通过"}
    """
    import json

    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent) + "\n"


@overload
def from_json(text: str | bytes) -> Regulation: ...
@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
def from_json(text: str | bytes, cls: type[Any] = Regulation) -> Any:
    """Read a JSON document written by :func:`to_json` (bytes must be UTF-8).

    >>> from_json('{"schema": 1, "title": "示例条例"}').title
    '示例条例'

    Raises:
        SerializationError: the text is not JSON (the line and column are given), or not a
            schema-1 document of *cls* (the JSON path of each problem is given).
    """
    import json

    if isinstance(text, (bytes, bytearray)):
        text = decode_utf8(text, path="$")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SerializationError(
            f"not valid JSON: {err.msg}", path="$", line=err.lineno, column=err.colno
        ) from None
    except RecursionError:
        raise SerializationError("not readable JSON: nested too deeply", path="$") from None
    return from_dict(data, cls)
