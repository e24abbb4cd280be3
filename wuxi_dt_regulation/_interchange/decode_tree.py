"""The fast reader of a regulation's tree: :func:`regulation_reader`.

:mod:`.decode` reads every model class by a plan made from ``attrs.fields()``; a regulation is
where the time goes, so its classes are read by functions written for them: the text units and
the 条 in :mod:`.decode_units`, the headings, free text and the regulation here.  Units of the
body are stamped with their position as they are built (the headings once the whole body is
known, as ``tree.stamp_body`` stamps them), the article index is collected on the way, and the
:class:`Regulation` is assembled by :func:`.._model.trusted.regulation` and checked by
:func:`.._model.regulation.check_regulation`: no second pass over the 款.  Each heading runs its
class's own checks.

It is guarded, not generic: :func:`regulation_reader` returns None (and :mod:`.decode` reads
with its generated plan) unless every class has the fields these functions were written for and
its containers hold the classes they held.  Like :mod:`.decode`, it never reports a problem.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._model.regulation import Regulation, check_regulation
from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.trusted import regulation
from .._model.twins import (
    CHAPTER,
    SECTION,
    SUBPART,
    build_appendix,
    build_division,
    build_event,
    build_headed,
    build_part,
)
from .._model.units import Event, Paragraph, Table, stamped
from .decode_units import (
    MISSING,
    PAIRS,
    WRITTEN_FOR,
    array,
    article,
    keyed,
    paragraph,
    refuse,
    strings,
    table,
)
from .documents import omitted_fields, tag

__all__ = ["AS_WRITTEN", "regulation_reader", "stamp_headings"]

#: A child's reader: its object (pairs, the tag first), and the list the body's articles are
#: collected in (None outside the body: nothing is stamped there).
Child = Callable[[Any, "list[Article] | None"], Any]

#: The numbered headings and their writable twins (:mod:`.._model.twins`; None: not cited)
_HEADINGS: dict[type, Any] = {Part: None, Subpart: SUBPART, Chapter: CHAPTER, Section: SECTION}
_CONTAINERS = (*_HEADINGS, Division, Appendix)
_CITED = (Subpart, Chapter, Section)  # stamped by _stamp_nodes

#: The fields of the classes read here, in ``attrs.fields()`` order.
AS_WRITTEN: dict[type, tuple[str, ...]] = {
    **WRITTEN_FOR,
    Part: ("number", "title", "children"),
    **dict.fromkeys(_CITED, ("number", "title", "children", "_cite")),
    Division: ("title", "level", "children"),
    Appendix: ("title", "children"),
    Event: ("text",),
    Regulation: (
        "title",
        "subtitles",
        "history",
        "toc",
        "preamble",
        "body",
        "appendices",
        "warnings",
        "_articles",
        "_index",
    ),
}


#: The defaults the readers write for an absent key: these, else ``()``.
_DEFAULTS: dict[str, object] = {
    "title": "",
    "suffix": 0,
    "level": 2,
    "break_before": False,
    "arabic": False,
}


def _children_classes(cls: type, name: str) -> tuple[type, ...]:
    """The classes a ``tuple[A | B …, ...]`` field of *cls* holds."""
    element = typing.get_args(attrs.fields_dict(cls)[name].type)[0]
    args = typing.get_args(element)
    return args if args else (element,)


def _as_written() -> bool:
    """Whether the model's classes are those the readers were written for."""
    for cls, names in AS_WRITTEN.items():
        attrs.resolve_types(cls)
        if tuple(f.name for f in attrs.fields(cls)) != names:
            return False
        for field in attrs.fields(cls):  # what a reader puts where a key is absent
            default = field.default
            if (
                field.init
                and default is not attrs.NOTHING
                and default != _DEFAULTS.get(field.name, ())
            ):
                return False
    if set(omitted_fields(Regulation)) != {"warnings"}:
        return False
    held = [_children_classes(cls, "children") for cls in _CONTAINERS]
    held += [_children_classes(Regulation, name) for name in ("preamble", "body")]
    return all(set(classes) <= set(_BY_CLASS) for classes in held)


def regulation_reader(mode: str) -> Callable[[Any], Regulation] | None:
    """The reader of a :class:`Regulation`'s object in *mode* (only :data:`.decode_units.PAIRS`
    is read here), or None when the model's classes are not those it was written for."""
    if mode != PAIRS or not _as_written():
        return None
    if not _CHILDREN:
        for cls in _CONTAINERS:
            _CHILDREN[cls] = _children(_children_classes(cls, "children"))
        _CHILDREN[Regulation, "preamble"] = _children(_children_classes(Regulation, "preamble"))
        _CHILDREN[Regulation, "body"] = _children(_children_classes(Regulation, "body"))
    return _regulation


def _children(classes: tuple[type, ...]) -> Callable[[Any, list[Article] | None], tuple[Any, ...]]:
    """The reader of an array of objects tagged with one of *classes*, the tag first (as
    ``to_json`` writes it; any other order is refused)."""
    readers = {tag(cls): _BY_CLASS[cls] for cls in classes}

    def read(raw: Any, acc: list[Article] | None) -> tuple[Any, ...]:
        if type(raw) is not list:
            refuse()
        out = []
        for x in raw:
            if type(x) is not tuple or not x:
                refuse()
            key, kind = x[0]
            reader = readers.get(kind) if key == "type" and type(kind) is str else None
            if reader is None:
                refuse()
            out.append(reader(x, acc))
        return tuple(out)

    return read


_CHILDREN: dict[object, Callable[[Any, list[Article] | None], tuple[Any, ...]]] = {}


def _heading(cls: type) -> Child:
    """The reader of a numbered heading (编, 分编, 章, 节); stamped by :func:`_stamp_nodes`."""
    twin = _HEADINGS[cls]
    cited = cls in _CITED
    checks = cls.__attrs_post_init__  # type: ignore[attr-defined]

    def read(obj: Any, acc: list[Article] | None) -> Any:
        number, title, raw = keyed(obj, 1, ("number", "title", "children"))
        if type(number) is not int:
            refuse()
        if title is MISSING:
            title = ""
        elif type(title) is not str:
            refuse()
        children = () if raw is MISSING else _CHILDREN[cls](raw, acc)
        if cited:
            node = build_headed(cls, twin, number, title, children, None)
        else:
            node = build_part(number, title, children)
        checks(node)
        return node

    return read


def _division(obj: Any, acc: list[Article] | None) -> Division:
    title, level, raw = keyed(obj, 1, ("title", "level", "children"))
    if level is MISSING:
        level = 2
    if type(title) is not str or type(level) is not int:
        refuse()
    children = () if raw is MISSING else _CHILDREN[Division](raw, acc)
    node = build_division(title, level, children)
    Division.__attrs_post_init__(node)
    return node


_BY_CLASS: dict[type, Child] = {
    Paragraph: lambda obj, acc: paragraph(obj, 1, None),  # free text: never stamped
    Table: lambda obj, acc: table(obj, 1),
    Article: article,
    Division: _division,
    **{cls: _heading(cls) for cls in _HEADINGS},
}


def _appendix(obj: Any) -> Appendix:
    title, raw = keyed(obj, 0, ("title", "children"))
    if type(title) is not str:
        refuse()
    children = () if raw is MISSING else _CHILDREN[Appendix](raw, None)
    node = build_appendix(title, children)
    Appendix.__attrs_post_init__(node)
    return node


def _event(obj: Any) -> Event:
    (text,) = keyed(obj, 0, ("text",))
    if type(text) is not str:
        refuse()
    event = build_event(text)
    Event.__attrs_post_init__(event)
    return event


def _regulation(obj: Any) -> Regulation:
    names = ("title", "subtitles", "history", "toc", "preamble", "body", "appendices")
    title, subtitles, history, toc, preamble, body, appendices = keyed(obj, 0, names)
    if type(title) is not str:
        refuse()
    articles: list[Article] = []
    body = () if body is MISSING else _CHILDREN[Regulation, "body"](body, articles)
    stamp_headings(body)
    reg = regulation(
        title,
        () if subtitles is MISSING else strings(subtitles),
        () if history is MISSING else tuple([_event(x) for x in array(history)]),
        () if toc is MISSING else strings(toc),
        () if preamble is MISSING else _CHILDREN[Regulation, "preamble"](preamble, None),
        body,
        () if appendices is MISSING else tuple([_appendix(x) for x in array(appendices)]),
        (),
        tuple(articles),
    )
    check_regulation(reg)
    return reg


def stamp_headings(body: tuple[Any, ...]) -> None:
    """Stamp the body's 分编, chapters and sections as ``tree.stamp_body`` does (their 款, 项
    and 目 were stamped as they were built); every node here is fresh, never shared (the JSON
    and the Akoma Ntoso readers')."""
    cited: list[tuple[Any, int | None, int | None]] = []  # (heading, its 编, its chapter)
    _collect(body, None, None, cited)
    restart = False
    if any(type(n) is Part for n in body):  # chapters restart only where there are 编
        numbers = [node.number for node, _, _ in cited if type(node) is Chapter]
        restart = len(numbers) != len(set(numbers))
    for node, part, chapter in cited:
        kind = type(node)
        if kind is Subpart:
            stamped(node, (part, node.number))
        elif kind is Chapter:
            stamped(node, (part if restart else None, node.number))
        else:
            stamped(node, (part if restart else None, chapter, node.number))


def _collect(
    nodes: tuple[Any, ...],
    part: int | None,
    chapter: int | None,
    out: list[tuple[Any, int | None, int | None]],
) -> None:
    for node in nodes:
        kind = type(node)
        if kind is Part:
            _collect(node.children, node.number, None, out)
        elif kind is Division:
            _collect(node.children, part, chapter, out)
        elif kind in _CITED:
            out.append((node, part, chapter))
            _collect(node.children, part, node.number if kind is Chapter else chapter, out)
