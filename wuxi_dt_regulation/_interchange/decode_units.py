"""The fast reader's text units: 目, 项, 款, tables and the 条 that holds 款, read from the
``(key, value)`` pairs ``json.loads(text, object_pairs_hook=tuple)`` makes of each object.

These are where a regulation's time goes (a code holds thousands of 款), so each is read by a
function written for its class rather than by :mod:`.decode`'s generic plan:

- an object written as :func:`.serialize.to_json` writes it (its keys in field order) is read
  by position, with no dict; any other order goes through :func:`keyed`, which refuses a key
  named twice or one the class does not have;
- every value's JSON type is checked, and the value is built through its class's writable twin
  (:mod:`.._model.twins`: plain slot stores, then the class switched to the model's), hidden
  fields included: the position a regulation stamps on each unit of its body is given at
  construction;
- then the class's checks run: in line for the usual case (the same conditions the class's own
  ``__attrs_post_init__`` tests first, so that it would do nothing), else the class's checks
  themselves.  A 款 that may need the reading rules of :mod:`.._model.readback` always gets them.

Nothing here reports a problem: :class:`Refused` (or a model check's error) sends the document
to the converter, which names it.  :data:`WRITTEN_FOR` lists the fields each class had when this
was written; :mod:`.decode_tree` uses these readers only while the classes still have them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from .._model.numerals import MAX_NUMBER
from .._model.structure import Article
from .._model.twins import (
    ARTICLE,
    PARAGRAPH,
    build_article,
    build_item,
    build_paragraph,
    build_subitem,
)
from .._model.units import Item, Paragraph, SubItem, Table, check_paragraph_numbers

__all__ = [
    "DICTS",
    "MISSING",
    "PAIRS",
    "WRITTEN_FOR",
    "Refused",
    "array",
    "article",
    "keyed",
    "new_article",
    "new_paragraph",
    "opener",
    "paragraph",
    "plain",
    "refuse",
    "slot_setters",
    "stamp_items",
    "strings",
    "table",
]

#: How a JSON object reaches a reader: a ``dict`` (:func:`.decode.decode`, for
#: :func:`.serialize.from_dict`), or the tuple of its ``(key, value)`` pairs as
#: ``json.loads(text, object_pairs_hook=tuple)`` makes it (:func:`.decode.decode_pairs`): the
#: duplicate-key check is then the reader's, with no Python call per object in the JSON reader.
DICTS = "dicts"
PAIRS = "pairs"

#: A value absent from an object.
MISSING: Any = object()


class Refused(Exception):
    """The document is not one the fast path builds: read it through the converter instead."""


def refuse(obj: object = None) -> NoReturn:
    """Raise :class:`Refused` (*obj*, ignored, lets it stand where a reader is expected)."""
    raise Refused


def opener(mode: str) -> Callable[[Any], dict[str, Any]]:
    """What makes a dict of one JSON object in *mode*, refusing any other value."""
    if mode == DICTS:

        def same(obj: Any) -> dict[str, Any]:
            if type(obj) is not dict:
                refuse()
            return obj

        return same

    def from_pairs(obj: Any) -> dict[str, Any]:
        if type(obj) is not tuple:
            refuse()
        found = dict(obj)
        if len(found) != len(obj):
            refuse()  # a key named twice
        return found

    return from_pairs


def keyed(obj: Any, start: int, names: tuple[str, ...]) -> list[Any]:
    """The values of the object *obj* (pairs; the first *start* of them a tag already read) for
    *names*, :data:`MISSING` where absent.  Refuses a key named twice or not in *names*."""
    if type(obj) is not tuple:
        refuse()
    rest = obj[start:] if start else obj
    found = dict(rest)
    if len(found) != len(rest):
        refuse()
    values = [found.pop(name, MISSING) for name in names]
    if found:
        refuse()
    return values


def array(raw: Any) -> list[Any]:
    """A JSON array, as it is."""
    if type(raw) is not list:
        refuse()
    return raw


def strings(raw: Any) -> tuple[str, ...]:
    """An array of strings, as a tuple."""
    if type(raw) is not list:
        refuse()
    for x in raw:
        if type(x) is not str:
            refuse()
    return tuple(raw)


Setter = Callable[[Any, Any], None]


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Setter, ...]:
    """What writes each slot *names* of *cls* (its member descriptor's ``__set__``); a name
    that is no slot of *cls* gets :func:`refuse` (and :data:`WRITTEN_FOR` no longer holds)."""
    found = (getattr(cls.__dict__.get(name), "__set__", None) for name in names)
    return tuple(setter if setter is not None else refuse for setter in found)


#: The fields of each class, in ``attrs.fields()`` order, as the functions here build it.
WRITTEN_FOR: dict[type, tuple[str, ...]] = {
    Paragraph: ("number", "text", "items", "break_before", "continuation", "_cite", "_flow"),
    Item: ("number", "text", "subitems", "continuation", "arabic", "_cite"),
    SubItem: ("number", "text", "subitems", "continuation", "_cite"),
    Article: ("number", "suffix", "paragraphs"),
    Table: ("lines",),
}

_new = object.__new__
#: (a fresh 项's and 目's stamp, written once the value is frozen: :func:`stamp_items`)
_I_CITE = slot_setters(Item, ("_cite",))[0]
_S_CITE = slot_setters(SubItem, ("_cite",))[0]
_OPEN, _CLOSE = "“", "”"


def subitem(obj: Any, base: tuple[int, int, int, int] | None) -> SubItem:
    """A 目; *base* is its 项's stamp in a regulation's body (None elsewhere, and for the fourth
    level ``（1）``, which has no citation)."""
    subitems: tuple[SubItem, ...] = ()
    further: tuple[str, ...] = ()
    if type(obj) is tuple and len(obj) == 2 and obj[0][0] == "number" and obj[1][0] == "text":
        number, text = obj[0][1], obj[1][1]
    else:
        number, text, raw, more = keyed(obj, 0, ("number", "text", "subitems", "continuation"))
        if raw is not MISSING:
            subitems = tuple([subitem(x, None) for x in array(raw)])
        if more is not MISSING:
            further = strings(more)
    if type(number) is not int or type(text) is not str:
        refuse()
    cite = None if base is None else (base[0], base[1], base[2], base[3], number)
    sub = build_subitem(number, text, subitems, further, cite)
    if (
        not 0 < number <= MAX_NUMBER
        or not text.isprintable()
        or text[:1] == " "
        or text[-1:] == " "
        or further
        or any(deep.subitems for deep in subitems)
    ):
        SubItem.__attrs_post_init__(sub)  # the class's own checks, for the unusual case
    return sub


def item(obj: Any, base: tuple[int, int, int] | None) -> Item:
    """A 项; *base* is its 款's stamp in a regulation's body, or None."""
    further: tuple[str, ...] = ()
    if type(obj) is tuple and len(obj) == 2 and obj[0][0] == "number" and obj[1][0] == "text":
        number, text, raw, arabic = obj[0][1], obj[1][1], MISSING, False
    else:
        names = ("number", "text", "subitems", "continuation", "arabic")
        number, text, raw, more, arabic = keyed(obj, 0, names)
        if more is not MISSING:
            further = strings(more)
        if arabic is MISSING:
            arabic = False
        elif type(arabic) is not bool:
            refuse()
    if type(number) is not int or type(text) is not str:
        refuse()
    cite = None if base is None else (base[0], base[1], base[2], number)
    subitems = () if raw is MISSING else tuple([subitem(x, cite) for x in array(raw)])
    one = build_item(number, text, subitems, further, arabic, cite)
    if (
        not 0 < number <= MAX_NUMBER
        or not text.isprintable()
        or text[:1] == " "
        or text[-1:] == " "
        or further
        or (arabic and any(sub.subitems for sub in subitems))
    ):
        Item.__attrs_post_init__(one)
    return one


def paragraph(obj: Any, start: int, base: tuple[int, int] | None) -> Paragraph:
    """A 款 of the object *obj* (*start*: 1 after its tag, else 0); *base* is its article's
    ``(number, suffix)`` in a regulation's body, or None.  The class's checks run unless the
    款 is the usual one (one printable line, no 项, nothing quoted, no colon at its end); they
    set ``_flow`` when the reading rules apply."""
    items: tuple[Item, ...] = ()
    further: tuple[str, ...] = ()
    brk = False
    n = len(obj) - start if type(obj) is tuple else 0
    if n == 2 and obj[start][0] == "number" and obj[start + 1][0] == "text":
        number, text = obj[start][1], obj[start + 1][1]  # free text, as to_json writes it
        raw = MISSING
    else:
        names = ("number", "text", "items", "break_before", "continuation")
        number, text, raw, flag, more = keyed(obj, start, names)
        if flag is not MISSING:
            brk = flag
        if more is not MISSING:
            further = strings(more)
    if type(number) is not int or type(text) is not str or type(brk) is not bool:
        refuse()
    cite = None if base is None else (base[0], base[1], number)
    if raw is not MISSING:
        items = tuple([item(x, cite) for x in array(raw)])
    return new_paragraph(number, text, items, brk, further, cite)


def new_paragraph(
    number: int,
    text: str,
    items: tuple[Item, ...],
    brk: bool,
    further: tuple[str, ...],
    cite: tuple[int, ...] | None,
) -> Paragraph:
    """The 款 of these fields (their types checked by the caller), stamped *cite*; the class's
    checks run unless the 款 is the usual one (:func:`plain`), for which they would do nothing
    (they set ``_flow`` when the reading rules apply).  The JSON and Akoma Ntoso readers'."""
    par = build_paragraph(number, text, items, brk, further, cite, False)
    if items or further or not plain(number, text):
        Paragraph.__attrs_post_init__(par)
    return par


def new_article(
    number: int, suffix: int, paragraphs: tuple[Paragraph, ...], plain_only: bool
) -> Article:
    """The 条 of these fields; its checks run unless its number and suffix are in range and
    *plain_only* says that each of its 款 is the usual one, numbered by position (for which
    ``check_paragraph_numbers`` would do nothing)."""
    one = build_article(number, suffix, paragraphs)
    if (
        not plain_only
        or type(number) is not int
        or not 0 < number <= MAX_NUMBER
        or type(suffix) is not int
        or suffix < 0
    ):
        Article.__attrs_post_init__(one)
    return one


def stamp_items(items: tuple[Item, ...], base: tuple[int, int, int]) -> None:
    """Stamp the fresh 项 *items* of the 款 at *base* and their 目, as ``tree.stamp_body``
    stamps them (the fourth level has no citation): for a reader that builds a 项 before it
    knows its 款's place."""
    for one in items:
        where = (*base, one.number)
        _I_CITE(one, where)
        for sub in one.subitems:
            _S_CITE(sub, (*where, sub.number))


def plain(number: int, text: str) -> bool:
    """A 款 of this number and text, with no 项 and no further paragraph, passes its checks
    without the reading rules (and without any message to build)."""
    return (
        0 < number <= MAX_NUMBER
        and text != ""
        and text.isprintable()
        and text[0] != " "
        and text[-1] not in " ：:"
        and _OPEN not in text
        and _CLOSE not in text
    )


def table(obj: Any, start: int) -> Table:
    (lines,) = keyed(obj, start, ("lines",))
    return Table(strings(lines))


def article(obj: Any, acc: list[Article] | None) -> Article:
    """A 条, its tag first; in a regulation's body (*acc*, the list of the body's articles, is
    not None) its 款, 项 and 目 are stamped with their position, and it joins *acc*.

    The usual 款, ``{"number": n, "text": "…"}`` numbered in order, is read and built here (the
    conditions of :func:`plain`, in line); any other goes through :func:`paragraph`, and then
    the article's check of its 款 runs whole.
    """
    if type(obj) is tuple and len(obj) == 3 and obj[1][0] == "number" and obj[2][0] == "paragraphs":
        number, suffix, raw = obj[1][1], 0, obj[2][1]
    else:
        number, suffix, raw = keyed(obj, 1, ("number", "suffix", "paragraphs"))
        if suffix is MISSING:
            suffix = 0
        if raw is MISSING:
            raw = []
    if type(number) is not int or not 0 < number <= MAX_NUMBER:
        refuse()
    if type(suffix) is not int or suffix < 0 or type(raw) is not list:
        refuse()
    stamp = acc is not None
    paragraphs = []
    usual = True  # every 款 so far read here, numbered in order
    expected = 1
    for x in raw:
        if type(x) is tuple and len(x) == 2:
            (k0, number_of), (k1, text) = x
            if (
                number_of == expected
                and k0 == "number"
                and k1 == "text"
                and type(number_of) is int
                and type(text) is str
                and number_of <= MAX_NUMBER
                and text != ""
                and text.isprintable()
                and text[0] != " "
                and text[-1] not in " ：:"
                and _OPEN not in text
                and _CLOSE not in text
            ):
                par = _new(PARAGRAPH)
                par.number = number_of
                par.text = text
                par.items = ()
                par.break_before = False
                par.continuation = ()
                par._cite = (number, suffix, number_of) if stamp else None
                par._flow = False
                par.__class__ = Paragraph
                paragraphs.append(par)
                expected += 1
                continue
        usual = False
        paragraphs.append(paragraph(x, 0, (number, suffix) if stamp else None))
        expected += 1
    # (build_article, written in line: the usual article, one call less for most articles)
    one = _new(ARTICLE)
    one.number = number
    one.suffix = suffix
    one.paragraphs = tuple(paragraphs)
    one.__class__ = Article
    if not usual:
        check_paragraph_numbers(one, one.paragraphs)
    if stamp:
        acc.append(one)  # type: ignore[union-attr]
    return one  # type: ignore[no-any-return]
