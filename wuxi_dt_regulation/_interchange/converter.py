"""The one private cattrs converter behind the JSON format, built on first use.

The format's rules are in :mod:`.serialize`'s docstring; this module holds the hooks that
implement them (strict leaves, tags for mixed lists, private fields under their constructor
names, a diff's paragraph sources) and :func:`converter`, which builds it once per process.
"""

from __future__ import annotations

import datetime
import re
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._model.errors import SerializationError
from .._model.regulation import Regulation
from .._model.units import Paragraph
from .documents import (
    OLD_PARAGRAPH,
    TAGS,
    a_class,
    document_classes,
    omitted_fields,
    tag,
)

if TYPE_CHECKING:  # pragma: no cover
    import cattrs

__all__ = [
    "OLD_PARAGRAPH",
    "SCHEMA",
    "TAGS",
    "Invalid",
    "Unreadable",
    "converter",
    "document_classes",
    "json_key",
    "kind_of",
    "omitted_fields",
    "tag",
]

#: The format version written, and the only one read.
SCHEMA = 1

_lock = threading.Lock()
_converters: list[cattrs.Converter] = []


class Invalid(ValueError):
    """A leaf problem found by one of our hooks; *field* extends the path when set."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Unreadable:
    """A JSON token the format never holds, kept where it stood so that the path can name it:
    ``NaN``, ``Infinity`` and ``-Infinity`` (which ``json`` reads but JSON does not have)."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token


def kind_of(obj: object) -> str:
    """What a JSON value is, in JSON's words (a long value is shown cut)."""
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, Unreadable):
        return f"{obj.token}, which is not JSON"
    if isinstance(obj, int):
        if abs(obj) >= 10**18:
            return f"an int of {len(str(abs(obj)))} digits"
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
        raise Invalid(f"expected an int, found {kind_of(obj)}")
    return obj


def _structure_str(obj: object, _: object) -> str:
    if type(obj) is not str:
        raise Invalid(f"expected a string, found {kind_of(obj)}")
    return obj


def _structure_bool(obj: object, _: object) -> bool:
    if type(obj) is not bool:
        raise Invalid(f"expected true or false, found {kind_of(obj)}")
    return obj


def _is_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_date(obj: object, _: object) -> datetime.date:
    """A date is written ``"2024-01-31"`` (ISO 8601, the day only)."""
    if type(obj) is not str or not _DATE_RE.fullmatch(obj):
        raise Invalid(f'expected a date "YYYY-MM-DD", found {kind_of(obj)}')
    try:
        return datetime.date.fromisoformat(obj)
    except ValueError:
        raise Invalid(f'expected a date "YYYY-MM-DD", found no such day {obj!r}') from None


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


def json_key(cls: type, name: str) -> str:
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
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, lambda day: day.isoformat())

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
                raise Invalid(f"expected an array, found {kind_of(obj)}")
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
                found = f"an array of {len(obj)}" if isinstance(obj, list) else kind_of(obj)
                raise Invalid(f"expected an array of {len(args)} elements, found {found}")
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
                    f"{a_class(cls)} cannot stand where {_names(allowed)} may", path="$"
                )
            return {"type": tag(cls), **conv.unstructure(obj, cls)}

        return unstructure

    def union_structure(t: Any) -> Callable[[Any, Any], Any]:
        by_tag = {tag(cls): cls for cls in typing.get_args(t)}
        expected = ", ".join(repr(tag) for tag in sorted(by_tag))

        def structure(obj: Any, _: Any) -> Any:
            if not isinstance(obj, dict):
                raise Invalid(f"expected an object, found {kind_of(obj)}")
            if "type" not in obj:
                raise Invalid(f"missing required field (one of {expected})", "type")
            tag = obj["type"]
            cls = by_tag.get(tag) if isinstance(tag, str) else None
            if cls is None:
                known = tag in document_classes()  # the name of a model class
                shown = repr(tag) if isinstance(tag, str) else kind_of(tag)
                what = f"{shown} is not allowed here" if known else f"unknown type {shown}"
                raise Invalid(f"{what}; expected one of {expected}", "type")
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
            raise Invalid(f"expected an object, found {kind_of(obj)}")
        expected = f"{OLD_PARAGRAPH!r} or {TAGS[Paragraph]!r}"
        if "type" not in obj:
            raise Invalid(f"missing required field ({expected})", "type")
        tag = obj["type"]
        rest = {k: v for k, v in obj.items() if k != "type"}
        if tag == TAGS[Paragraph]:
            return paragraph_structure(rest, Paragraph)  # type: ignore[no-any-return]
        if tag != OLD_PARAGRAPH:
            shown = repr(tag) if isinstance(tag, str) else kind_of(tag)
            raise Invalid(f"unknown type {shown}; expected {expected}", "type")
        extra = sorted(set(rest) - {"article_index", "paragraph_index"})
        if extra:
            keys = ", ".join(repr(k) for k in extra)
            raise Invalid(f"unknown field {keys} for an old paragraph")
        position = []
        for key in ("article_index", "paragraph_index"):
            if key not in rest:
                raise Invalid("missing required field", key)
            value = rest[key]
            if type(value) is not int or value < 0:
                raise Invalid(f"expected an int from 0, found {kind_of(value)}", key)
            position.append(value)
        return (position[0], position[1])

    conv.register_unstructure_hook_func(_is_paragraph_source, source_unstructure)
    conv.register_structure_hook_func(_is_paragraph_source, source_structure)

    # Regulation: the parser's warnings are not part of the value (see the module docstring).
    # Registered last: the generated functions look their fields' hooks up when made.
    omit = {name: override(omit=True) for name in omitted_fields(Regulation)}
    conv.register_unstructure_hook(
        Regulation,
        make_dict_unstructure_fn(
            Regulation,
            conv,
            _cattrs_omit_if_default=True,
            **omit,  # type: ignore[arg-type]
        ),
    )
    conv.register_structure_hook(
        Regulation,
        make_dict_structure_fn(Regulation, conv, **omit),  # type: ignore[arg-type]
    )
    # Amendment: likewise, the defects its reading tolerated are not part of the value.
    from .._amend.amendment import Amendment

    conv.register_unstructure_hook(
        Amendment,
        make_dict_unstructure_fn(
            Amendment, conv, _cattrs_omit_if_default=True, warnings=override(omit=True)
        ),
    )
    conv.register_structure_hook(
        Amendment, make_dict_structure_fn(Amendment, conv, warnings=override(omit=True))
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


def converter() -> cattrs.Converter:
    """The one private converter, built on first use (cattrs is not imported before)."""
    if _converters:
        return _converters[0]
    with _lock:
        if not _converters:
            _converters.append(_build_converter())
    return _converters[0]
