"""The parts of the Akoma Ntoso reader the body, the preamble and the tables share: the tags,
what each container may hold, the trusted constructors, and the readers of ``<num>``, text
boxes and ``wdr:`` attributes.  Each problem is a :class:`.akn_text.Refused` holding the node.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._model.labels import article_label
from .._model.numerals import from_chinese, to_chinese
from .._model.regulation import Regulation, parse_article_ref
from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.trusted import constructor, init_fields
from .._model.units import Event, Item, Paragraph, SubItem, Table
from .akn import AKN, BREAK_ATTR, LEVEL_ATTR
from .akn_text import WS, Refused, inline, stray, unexpected

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = [
    "ALLOWED",
    "ARTICLE",
    "CELLS",
    "CONTENT",
    "DIVISION",
    "HCONTAINER",
    "HEADED",
    "HEADING",
    "INTRO",
    "LIST",
    "MAX_DEPTH",
    "NAMES",
    "NUM",
    "PARAGRAPH",
    "POINT",
    "STRUCTURES",
    "TABLE",
    "TR",
    "UNIT_OF",
    "P",
    "article_number",
    "build",
    "canonical",
    "flag",
    "item_number",
    "label",
    "level",
    "makers",
    "no_text_around",
    "read_article_num",
    "read_item_num",
    "read_subitem_num",
    "read_unit_num",
    "subitem_number",
    "texts",
    "unit_number",
]

_UNIT_NUM_RE = re.compile(
    r"""
    第(?P<num>[零一二三四五六七八九十百千]+)   # 第 + a legal numeral
    (?P<unit>分编|编|章|节)$                 # the unit: 分编 before 编
    """,
    re.VERBOSE,
)
_ITEM_NUM_RE = re.compile(
    r"""
    （(?P<num>[零一二三四五六七八九十百千]+)）$   # （一）
    | (?P<arabic>[1-9][0-9]*)．$                # 1．: a 项 numbered in Arabic
    """,
    re.VERBOSE,
)
_SUBITEM_NUM_RE = re.compile(
    r"""
    (?:(?P<dot>\d+)．        # depth 1: 1．
      |（(?P<paren>\d+)）)$  # depth 2 and below: （1）
    """,
    re.VERBOSE,
)

P, NUM, HEADING, CONTENT, INTRO, LIST, POINT = (
    AKN + n for n in ("p", "num", "heading", "content", "intro", "list", "point")
)
PARAGRAPH, ARTICLE, DIVISION, HCONTAINER = (
    AKN + n for n in ("paragraph", "article", "division", "hcontainer")
)
TABLE, TR, CELLS = AKN + "table", AKN + "tr", frozenset((AKN + "td", AKN + "th"))
STRUCTURES = {AKN + "part": Part, AKN + "subpart": Subpart, AKN + "chapter": Chapter}
STRUCTURES[AKN + "section"] = Section
UNIT_OF = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节"}
#: What each container may hold, and the model's names for the message that says so.
NAMES = {PARAGRAPH: "Paragraph", ARTICLE: "Article", DIVISION: "Division", HCONTAINER: "Table"}
NAMES.update({tag: cls.__name__ for tag, cls in STRUCTURES.items()})
_UNDER = (HCONTAINER, PARAGRAPH, ARTICLE)
ALLOWED: dict[object, frozenset[str]] = {
    "body": frozenset((*_UNDER, DIVISION, *STRUCTURES)),
    Part: frozenset((*_UNDER, *(AKN + n for n in ("subpart", "chapter", "section")))),
    Subpart: frozenset((*_UNDER, AKN + "chapter", AKN + "section")),
    Chapter: frozenset((*_UNDER, AKN + "section")),
    Section: frozenset(_UNDER),
    Division: frozenset(_UNDER),
    Appendix: frozenset((HCONTAINER, PARAGRAPH, DIVISION, P)),
}
#: The positional fields the trusted constructors take, as this module passes them.
_ORDER: dict[type, tuple[str, ...]] = {
    Paragraph: ("number", "text", "items", "break_before", "continuation"),
    Item: ("number", "text", "subitems", "continuation", "arabic"),
    SubItem: ("number", "text", "subitems", "continuation"),
    Table: ("lines",),
    Article: ("number", "suffix", "paragraphs"),
    Division: ("title", "level", "children"),
    Part: ("number", "title", "children"),
    Subpart: ("number", "title", "children"),
    Chapter: ("number", "title", "children"),
    Section: ("number", "title", "children"),
    Appendix: ("title", "children"),
    Event: ("text",),
    Regulation: (
        *("title", "subtitles", "history", "toc", "preamble", "body", "appendices"),
        "warnings",
    ),
}
HEADED = (Part, Subpart, Chapter, Section, Division)
_made: dict[type, Callable[..., Any]] = {}
#: How deep 项 and 目 may nest (real texts reach 4): deeper is refused, not a RecursionError.
MAX_DEPTH = 32


def makers() -> dict[type, Callable[..., Any]]:
    """The trusted constructor of every class the reader builds (checked against the model's
    fields once: a field added to a class is an error here, never a value built wrong)."""
    if len(_made) < len(_ORDER):  # filled whole before it is shared: no thread sees half
        made = {}
        for cls, names in _ORDER.items():
            if tuple(f.name for f in init_fields(cls)) != names:
                raise RuntimeError(f"the fields of {cls.__name__} changed: update akn_parts")
            made[cls] = constructor(cls)
        _made.update(made)
    return _made


def canonical(numeral: str) -> str | None:
    """*numeral* as :func:`to_chinese` writes it, or None when it is no numeral at all."""
    try:
        return to_chinese(from_chinese(numeral))
    except ValueError:
        return None


def label(element: Element | None) -> str:
    """The stripped text of a ``<num>`` or ``<heading>`` (empty when there is none)."""
    return "" if element is None else inline(element).strip(WS)


def texts(box: Element) -> list[str]:
    """The texts of the ``<p>`` of *box* (a ``<content>`` or ``<intro>``), stripped."""
    text = box.text
    if text and text.strip(WS):
        raise stray(box, None, text)
    out = []
    for child in box:
        if child.tag != P:
            raise unexpected(child, box, "only <p> is read here")
        out.append(inline(child).strip(WS))
        tail = child.tail
        if tail and tail.strip(WS):
            raise stray(box, child, tail)
    return out


def build(make: Callable[..., Any], element: Element, *values: object) -> Any:
    """``make(*values)``, the model's refusal becoming one of *element*."""
    try:
        return make(*values)
    except (ValueError, TypeError) as err:
        raise Refused(str(err), element) from None


@functools.lru_cache(maxsize=4096)
def read_item_num(text: str) -> tuple[int, bool] | None:
    """The number of a 项's ``<num>`` text (``（一）``, or ``1．`` for a list numbered in
    Arabic) and whether it is printed in Arabic; None when it is not in that form."""
    match = _ITEM_NUM_RE.match(text)
    if match is not None and match["arabic"]:
        return int(match["arabic"]), True
    if match is None or canonical(match["num"]) != match["num"]:
        return None
    return from_chinese(match["num"]), False


def item_number(num: Element | None, point: Element) -> tuple[int, bool]:
    """The number of a 项's ``<num>`` (``（一）``, or ``1．`` for a list numbered in Arabic),
    and whether it is printed in Arabic."""
    text = label(num)
    found = read_item_num(text)
    if found is None:
        where = (num, "") if num is not None else (point, "/num")
        raise Refused(f"expected a <num> such as （一）, found {text!r}", *where)
    return found


@functools.lru_cache(maxsize=4096)
def read_subitem_num(text: str) -> int | None:
    """The number of a 目's ``<num>`` text (``1．`` or ``（1）``), None when it is neither."""
    match = _SUBITEM_NUM_RE.match(text)
    return None if match is None else int(match["dot"] or match["paren"])


def subitem_number(num: Element | None, point: Element) -> int:
    text = label(num)
    found = read_subitem_num(text)
    if found is None:
        where = (num, "") if num is not None else (point, "/num")
        raise Refused(f"expected a <num> such as 1． or （1）, found {text!r}", *where)
    return found


@functools.lru_cache(maxsize=4096)
def _article_label(text: str) -> tuple[int, int]:
    """The number and suffix of an article's ``<num>`` in canonical form (``第一百二十条之一``);
    ValueError for anything else (the labels of a corpus repeat: they are read once)."""
    number, suffix = parse_article_ref(text)
    if article_label(number, suffix) != text:
        raise ValueError(text)
    return number, suffix


def read_article_num(text: str) -> tuple[int, int] | None:
    """The number and suffix of an article's ``<num>`` text in canonical form, else None."""
    try:
        return _article_label(text)
    except (ValueError, TypeError):
        return None


def article_number(num: Element | None, article: Element) -> tuple[int, int]:
    text = label(num)
    found = read_article_num(text)
    if found is None:
        where = (num, "") if num is not None else (article, "/num")
        raise Refused(f"expected a <num> such as 第三十五条, found {text!r}", *where)
    return found


def level(element: Element) -> int:
    raw = element.get(LEVEL_ATTR, "2")
    if not (raw.isascii() and raw.isdigit()):  # '²'.isdigit(), '١'.isdigit() are true too
        raise Refused(f"wdr:level must be an int 1..6, found {raw!r}", element, "/@wdr:level")
    return int(raw)


def flag(element: Element) -> bool:
    """``wdr:break``: ``true`` (or ``false``); anything else is refused, not read as false."""
    raw = element.get(BREAK_ATTR)
    if raw is None or raw == "false":
        return False
    if raw != "true":
        raise Refused(f"wdr:break must be true or false, found {raw!r}", element, "/@wdr:break")
    return True


@functools.lru_cache(maxsize=4096)
def read_unit_num(text: str, unit: str) -> int | None:
    """The number of a part's, chapter's … ``<num>`` text (``第二章``: *unit* 章), else None."""
    match = _UNIT_NUM_RE.match(text)
    if match is None or match["unit"] != unit or canonical(match["num"]) != match["num"]:
        return None
    return from_chinese(match["num"])


def unit_number(num: Element | None, element: Element, unit: str) -> int:
    """The number of a part's, chapter's … ``<num>`` (``第二章``: *unit* 章)."""
    text = label(num)
    found = read_unit_num(text, unit)
    if found is None:
        where = (num, "") if num is not None else (element, "/num")
        raise Refused(f"expected a <num> such as 第一{unit}, found {text!r}", *where)
    return found


def no_text_around(element: Element) -> None:
    """Refuse text standing in *element* beside its children."""
    text = element.text
    if text and text.strip(WS):
        raise stray(element, None, text)
    for child in element:
        tail = child.tail
        if tail and tail.strip(WS):
            raise stray(element, child, tail)
