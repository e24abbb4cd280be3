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
under the names its constructor takes: ``number_pairs`` as ``{"old": label, "new": label}``
objects, ``template`` (a regulation), ``slots`` (per article of the template, ``null`` or the
sources of its paragraphs: a ``"paragraph"`` that is new, or ``{"type": "old_paragraph",
"article_index": i, "paragraph_index": j}`` taken from the old version, by position from 0) and
``fingerprint``.  ``from_json(to_json(d), RegulationDiff).apply(old) == new``.

Reading is strict: an int is a JSON integer (not ``true``, not ``"3"``), a string is a string,
a list is an array, unknown keys are refused, and every problem is reported with its JSON path
in a :class:`~wuxi_dt_regulation.SerializationError`.

Adding a class: an attrs class whose fields are ints, strs, bools, tuples, ``X | None`` and
other attrs classes needs nothing at all.  If it can stand in a field that holds one of several
classes, give it a tag in :data:`TAGS`; a field whose type is something else (an enum, a date, a
union of a tuple and a class) needs one ``register_structure_hook`` /
``register_unstructure_hook`` pair in :func:`_build_converter`, registered before the final
Regulation block; a class with private fields is registered after it, as ``RegulationDiff`` is.
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from ._citation import Citation, CitationRange
from ._diff import RegulationDiff
from ._errors import SerializationError
from ._model import (
    Article,
    Chapter,
    Division,
    Paragraph,
    Part,
    Regulation,
    Section,
    Subpart,
    Table,
)

if TYPE_CHECKING:  # pragma: no cover
    import cattrs

__all__ = ["SCHEMA", "TAGS", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")

#: The format version written, and the only one read.
SCHEMA = 1

#: The ``"type"`` tag of each class that may stand where several classes may.
TAGS: dict[type, str] = {
    Part: "part",
    Subpart: "subpart",
    Chapter: "chapter",
    Section: "section",
    Article: "article",
    Division: "division",
    Paragraph: "paragraph",
    Table: "table",
    Citation: "citation",
    CitationRange: "citation_range",
}

#: The tag of a paragraph a :class:`RegulationDiff` takes from the old version (see
#: :func:`_build_converter`); a new paragraph is tagged ``"paragraph"``.
OLD_PARAGRAPH = "old_paragraph"

#: JSON keys that differ from the attribute names: a diff's private fields are written by the
#: name its constructor takes (``slots``, not ``_slots``).
_KEYS: dict[type, dict[str, str]] = {
    RegulationDiff: {
        a.name: a.alias
        for a in attrs.fields(RegulationDiff)
        if a.alias is not None and a.alias != a.name and a.init
    },
}

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


def _is_tagged_union(t: object) -> bool:
    if typing.get_origin(t) not in (typing.Union, types.UnionType):
        return False
    return all(arg in TAGS for arg in typing.get_args(t))


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

    # Unions of tagged classes: {"type": tag, ...fields}; the tag first, so that it reads well.
    def union_unstructure(t: Any) -> Callable[[Any], dict[str, Any]]:
        allowed = set(typing.get_args(t))

        def unstructure(obj: Any) -> dict[str, Any]:
            cls = type(obj)
            if cls not in allowed:
                raise SerializationError(
                    f"a {cls.__name__} cannot stand where {_names(allowed)} may", path="$"
                )
            return {"type": TAGS[cls], **conv.unstructure(obj, cls)}

        return unstructure

    def union_structure(t: Any) -> Callable[[Any, Any], Any]:
        by_tag = {TAGS[cls]: cls for cls in typing.get_args(t)}
        expected = ", ".join(repr(tag) for tag in sorted(by_tag))

        def structure(obj: Any, _: Any) -> Any:
            if not isinstance(obj, dict):
                raise _Invalid(f"expected an object, found {_kind(obj)}")
            if "type" not in obj:
                raise _Invalid(f"missing required field (one of {expected})", "type")
            tag = obj["type"]
            cls = by_tag.get(tag) if isinstance(tag, str) else None
            if cls is None:
                known = isinstance(tag, str) and tag in TAGS.values()
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

    # RegulationDiff, after Regulation (its template is one): private fields under their
    # constructor names, and the old -> new label pairs as {"old": ..., "new": ...} objects.
    def pair_unstructure(pairs: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
        return [{"old": old, "new": new} for old, new in pairs]

    def pair_structure(obj: Any, _: Any) -> tuple[str, str]:
        if not isinstance(obj, dict):
            raise _Invalid(f"expected an object, found {_kind(obj)}")
        extra = sorted(set(obj) - {"old", "new"})
        if extra:
            keys = ", ".join(repr(k) for k in extra)
            raise _Invalid(f"unknown field {keys} for a number pair")
        for key in ("old", "new"):
            if key not in obj:
                raise _Invalid("missing required field", key)
            if type(obj[key]) is not str:
                raise _Invalid(f"expected a string, found {_kind(obj[key])}", key)
        return (obj["old"], obj["new"])

    pairs_type = tuple[tuple[str, str], ...]
    pairs = override(
        unstruct_hook=pair_unstructure,
        struct_hook=array_structure(pairs_type, tuple[str, str], pair_structure),
    )
    conv.register_unstructure_hook(
        RegulationDiff,
        make_dict_unstructure_fn(
            RegulationDiff,
            conv,
            _cattrs_omit_if_default=True,
            _cattrs_use_alias=True,
            _number_pairs=pairs,
        ),
    )
    conv.register_structure_hook(
        RegulationDiff,
        make_dict_structure_fn(RegulationDiff, conv, _cattrs_use_alias=True, _number_pairs=pairs),
    )
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
        keys = _KEYS.get(exc.cl, {})
        for inner, note in with_notes:
            _problems(inner, f"{path}.{keys.get(note.name, note.name)}", out)
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
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise SerializationError(
                f"expected UTF-8, found the byte 0x{text[err.start]:02X} at offset {err.start}",
                path="$",
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SerializationError(
            f"not valid JSON: {err.msg}", path="$", line=err.lineno, column=err.colno
        ) from None
    except RecursionError:
        raise SerializationError("not readable JSON: nested too deeply", path="$") from None
    return from_dict(data, cls)
