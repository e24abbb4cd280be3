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

The converter (:mod:`.converter`) meets the citation and diff classes through type hints and
handles them by rules, not by name.  Adding a class: an attrs class whose
fields are ints, strs, bools, tuples, ``X | None`` and other attrs classes needs nothing at all.
If it stands in a field that holds one of several classes, it is tagged with its name in snake
case, or with its entry in :data:`TAGS` (a tag out of its place is named "not allowed here"
when it is the tag of a document class, ``documents.document_classes``); private fields (``_slots``) are written under the constructor's name.  A field whose
type is something else (an enum, a date, a union of a tuple and a class) needs one
``register_structure_hook`` / ``register_unstructure_hook`` pair in ``converter._build_converter``,
registered before the final Regulation block.  The schema (``data/schema.json``) gains a
definition; a test keeps those in step with the classes.
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

import attrs

from .._model.errors import SerializationError, decode_utf8
from .converter import (
    SCHEMA,
    Invalid,
    Unreadable,
    converter,
    json_key,
    kind_of,
    tag,
)
from .decode import Refused, decode, document_class, read_json

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


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
            _problems(inner, f"{path}.{json_key(exc.cl, note.name)}", out)
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
    elif isinstance(exc, Invalid):
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
    """Return a model value as plain JSON data (dicts, lists, strs, ints, bools).

    The result is a document of the JSON format described on the JSON page of the docs: its
    first key is ``"schema"``, its second ``"type"`` (what the document holds: ``"regulation"``,
    ``"citation"``, ``"regulation_diff"`` …), followed by the value's fields in declaration
    order.  A field
    equal to its default is left out; where a field may hold one of several classes (a
    regulation's ``body``, the ``children`` of a container) each element starts with a
    ``"type"`` tag.  Derived values (labels, an event's date) and parse warnings are not
    written.  :func:`from_dict` reads the result back.

    Args:
        obj: a value of one of the library's attrs classes (a :class:`Regulation`, an
            :class:`Article`, an :class:`Event` …).

    Returns:
        A new dict, ready for ``json.dumps``.

    Raises:
        TypeError: *obj* is not a model value.

    >>> from wuxi_dt_regulation import Article, Paragraph, load
    >>> to_dict(load())["body"][0]["type"], to_dict(load())["schema"], to_dict(load())["type"]
    ('chapter', 1, 'regulation')
    >>> to_dict(Article(35, paragraphs=(Paragraph(1, "正文。"),)))
    {'schema': 1, 'type': 'article', 'number': 35, 'paragraphs': [{'number': 1, 'text': '正文。'}]}
    """
    if not attrs.has(type(obj)):
        raise TypeError(f"to_dict() takes a model value, not {type(obj).__name__}")
    body = converter().unstructure(obj, type(obj))
    return {"schema": SCHEMA, "type": tag(type(obj)), **body}


@overload
def from_dict(data: object) -> Any: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
def from_dict(data: object, cls: type[Any] | None = None) -> Any:
    """Build a model value from the plain data :func:`to_dict` returns.

    Reading is strict: an int must be a JSON integer (not ``true``, not ``"3"``), a string a
    string, a list a list; unknown keys are refused, and the model's own checks apply.
    ``from_dict(to_dict(x)) == x``: the document's ``"type"`` says what to build.

    Args:
        data: a document, a dict whose ``"schema"`` this version reads.
        cls: the class to build.  Without it, the class the document's ``"type"`` names (a
            :class:`Regulation` for a document with no ``"type"``); with it, the document must
            be of that class.

    Returns:
        The value: a *cls* when it is given (and typed so); else whatever the document names,
        typed ``Any`` (pass *cls* to have a typed value).

    Raises:
        SerializationError: *data* is not a document of *cls*; its ``path`` is the JSON path of
            the first problem (``$.body[2].children[0].number``) and its ``errors`` list every
            problem with its path.

    >>> from wuxi_dt_regulation import Article, SerializationError, load
    >>> from_dict(to_dict(load())) == load()
    True
    >>> from_dict({"schema": 1, "type": "article", "number": 120, "suffix": 1}).label
    '第一百二十条之一'
    >>> try:
    ...     from_dict({"schema": 1, "number": "3"}, Article)
    ... except SerializationError as err:
    ...     print(err.path)
    $.number
    """
    if not isinstance(data, dict):
        raise SerializationError(f"expected an object, found {kind_of(data)}", path="$")
    if "schema" not in data:
        raise SerializationError(
            f'missing required field (a document starts with "schema": {SCHEMA})',
            path="$.schema",
        )
    schema = data["schema"]
    if type(schema) is not int:
        raise SerializationError(f"expected an int, found {kind_of(schema)}", path="$.schema")
    if schema != SCHEMA:
        raise SerializationError(
            f"unsupported schema {schema}; this version reads schema {SCHEMA}", path="$.schema"
        )
    body = {k: v for k, v in data.items() if k not in ("schema", "type")}
    cls = document_class(data, cls)
    try:
        return decode(body, cls)  # the fast path: a document that is right, checked once
    except Refused:
        pass  # the converter reads it again and names every problem with its path
    try:
        return converter().structure(body, cls)
    except Exception as exc:
        problems: list[tuple[str, str]] = []
        _problems(exc, "$", problems)
        raise _error(problems) from None


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Return a model value as a JSON document: :func:`to_dict`'s data, written out.

    Chinese is written as it is (not ``\\u`` escaped), keys keep the order of the fields, and
    the text ends with a newline.

    Args:
        obj: a value of one of the library's attrs classes, as for :func:`to_dict`.
        indent: spaces per level; None writes the document on one line.

    Returns:
        The JSON text.

    Raises:
        TypeError: *obj* is not a model value.

    >>> from wuxi_dt_regulation import Event, load
    >>> to_json(load()).splitlines()[1]
    '  "schema": 1,'
    >>> print(to_json(Event("2023年4月26日通过"), indent=None), end="")
    {"schema": 1, "type": "event", "text": "2023年4月26日通过"}
    """
    import json

    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent) + "\n"


class _Duplicated(dict[str, Any]):
    """An object of the document that named a key twice (what ``json`` keeps is the last)."""

    def __init__(self, items: dict[str, Any], key: str) -> None:
        super().__init__(items)
        self.key = key


def _path_to(data: object, target: object, path: str) -> str:
    """The JSON path of *target* (found by identity) inside *data*, or ``""`` when it is not."""
    if data is target:
        return path
    children: Any = ()
    if isinstance(data, dict):
        children = ((f"{path}.{key}", value) for key, value in data.items())
    elif isinstance(data, list):
        children = ((f"{path}[{i}]", value) for i, value in enumerate(data))
    for where, value in children:
        found = _path_to(value, target, where)
        if found:
            return found
    return ""


def _too_long(text: str) -> SerializationError:
    """The error for a number longer than Python reads as an int, at its line and column."""
    import re
    import sys

    limit = sys.get_int_max_str_digits()
    # the strings are skipped: a run of digits inside one (" 1111…") is text, not the number
    tokens = re.finditer(rf'"(?:[^"\\]|\\.)*"|(?<![\w.])(-?\d{{{limit + 1},}})', text)
    found = next((token for token in tokens if token[1] is not None), None)
    if found is None:  # pragma: no cover - json raised it for some number in the text
        return SerializationError(f"a number longer than {limit} digits", path="$")
    start = found.start(1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    digits = len(found[1].lstrip("-"))
    return SerializationError(
        f"a number of {digits} digits: no value of the format is that long",
        path="$",
        line=line,
        column=column,
    )


@overload
def from_json(text: str | bytes) -> Any: ...
@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
def from_json(text: str | bytes, cls: type[Any] | None = None) -> Any:
    """Read a model value from a JSON document written by :func:`to_json`.

    The document is read as strictly as by :func:`from_dict`, and says what it holds:
    ``from_json(to_json(x)) == x`` for a regulation, a citation, a diff or any model value.

    Args:
        text: the JSON text; bytes must be UTF-8 (a BOM is tolerated).
        cls: the class to build; by default the one the document's ``"type"`` names (a
            :class:`Regulation` when it names none); when given, the document must hold one.

    Returns:
        The value: a *cls* when it is given (and typed so); else whatever the document names,
        typed ``Any`` (pass *cls* to have a typed value).

    Raises:
        SerializationError: the bytes are not UTF-8, the text is not JSON (the line and column
            are given), is nested too deeply, names a key twice in one object, or holds what
            JSON does not (NaN, Infinity, a number longer than Python reads), or it is not a
            document of *cls* (the JSON path of each problem is given).
        TypeError: *text* is neither a str nor bytes.

    >>> from wuxi_dt_regulation import SerializationError, load
    >>> from_json(to_json(load())) == load()
    True
    >>> from_json('{"schema": 1, "title": "示例条例"}').title
    '示例条例'
    >>> from wuxi_dt_regulation import Citation
    >>> from_json(to_json(Citation(article=35, paragraph=2)))
    Citation(article=35, paragraph=2)
    >>> try:
    ...     from_json('{"schema": 1,')
    ... except SerializationError as err:
    ...     print(err.line, err.column)
    1 14
    """
    import json

    if isinstance(text, (bytes, bytearray)):
        text = decode_utf8(text, path="$")
    elif not isinstance(text, str):
        raise TypeError(f"from_json() reads a str or UTF-8 bytes, not {type(text).__name__}")
    try:
        return read_json(text, cls)  # the fast path: a document that is right, checked once
    except Refused:
        pass  # read again below, to name what is wrong
    twice: list[_Duplicated] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        seen: set[str] = set()
        key = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        duplicated = _Duplicated(obj, key)
        twice.append(duplicated)
        return duplicated

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=Unreadable)
    except json.JSONDecodeError as err:
        raise SerializationError(
            f"not valid JSON: {err.msg}", path="$", line=err.lineno, column=err.colno
        ) from None
    except RecursionError:
        raise SerializationError("not readable JSON: nested too deeply", path="$") from None
    except ValueError:  # int() past sys.get_int_max_str_digits(): no value of the format is
        raise _too_long(text) from None
    if twice:
        path = _path_to(data, twice[0], "$")
        raise SerializationError(
            f"the key {twice[0].key!r} is given twice in one object: a document has one "
            "spelling, so duplicate keys are refused (JSON readers disagree on which one wins)",
            path=f"{path}.{twice[0].key}",
        )
    return from_dict(data) if cls is None else from_dict(data, cls)
