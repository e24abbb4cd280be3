"""The citation grammar and the strict parser (:func:`parse_citation`, :func:`parse_citations`).

The reader here (tokens from ``_citation_tokens``) serves two callers: the strict parser, which
must consume the whole text and raises :class:`~wuxi_dt_regulation.CitationError` naming the
column, and the lenient scanner in ``_references`` (:func:`~wuxi_dt_regulation.find_citations`),
which reads as much of each candidate as the grammar accepts and resolves it afterwards.

Grammar (whitespace between tokens is ignored)::

    group     := [instrument] element (joiner element)* [of-title]
               | TITLE                                     -- 《…》 alone: the whole instrument
    instrument:= TITLE | SELF                              -- 《…》 | 本条例 本法 本规定 本办法 …
    element   := ref [RANGE ref]                           -- 第三十五条至第三十八条
    joiner    := CONJ [instrument]                         -- 、 和 及 以及 或者 或 , and
    ref       := head lower*                               -- levels strictly top down
    head      := ORD | THIS | PREV | "Article" N["-"N] | WORD N | WORD "(" N ")"
    lower     := ORD | "," WORD N | "(" N ")" | ABBR N     -- the next level down only
    ORD       := "第" (number | "（" number "）") UNIT ["之" number]
    UNIT      := 编 | 章 | 节 | 条 | 款 | 项 | 目            -- 分编 has no Citation field
    THIS      := 本条 | 本款 | 本项 | 本章 | 本节 | 本编
    PREV      := 前 [两 三 …] (款 | 条 | 项)                  -- 前款, 前两款, 前条
    number    := Chinese legal numeral | Arabic digits (1 … 9999)

The next level down is: 编 → 章 → 节 for headings; 条 → 款 or 项 (a one-款 article is cited
without 款), 款 → 项, 项 → 目.  An element that starts lower than the one before it takes the
levels above from it: in ``第三十五条第一款、第二款`` the second element is 35(2).
"""

from __future__ import annotations

import re

import attrs

from ._citation import (
    LEVELS,
    Citation,
    CitationList,
    CitationRange,
    _complete,
    instrument_word,
)
from ._citation_tokens import (
    _COUNTS,
    _ENGLISH_BACK,
    _HALF_RE,
    _UNIT_LEVEL,
    _WORD_LEVEL,
    TOKEN_RE,
    _kind_of,
)
from ._errors import CitationError
from ._model import Article, Chapter, Division, Part, Section, Subpart
from ._numerals import from_chinese
from ._regulation import Regulation

__all__ = ["parse_citation", "parse_citations"]

_RANK = {name: i for i, name in enumerate(LEVELS)}
#: The levels that may follow each level inside one reference.
_NEXT = {"part": ("chapter",), "chapter": ("section",), "section": (),
         "article": ("paragraph", "item"), "paragraph": ("item",), "item": ("subitem",),
         "subitem": ()}  # fmt: skip


# --------------------------------------------------------------------------- reading


@attrs.define
class _Ref:
    """One reference as read, before resolution: the levels it names and how it is anchored."""

    start: int
    end: int
    head: str
    levels: dict[str, int]
    suffix: int = 0
    rel: tuple[str, str, int] | None = None  # ("this" | "prev", level, count)
    english: bool = False
    compact: bool = False

    @property
    def last(self) -> str:
        named = [name for name in LEVELS if name in self.levels]
        if self.rel is not None and (not named or _RANK[self.rel[1]] > _RANK[named[-1]]):
            return self.rel[1]
        return named[-1] if named else self.head


@attrs.define
class _Element:
    instrument: tuple[str, str] | None  # ("title", 《…》) or ("self", 本条例)
    refs: tuple[_Ref, ...]  # one ref, or the two ends of a range


@attrs.define
class _Group:
    start: int
    end: int
    instrument: tuple[str, str] | None
    elements: list[_Element]


class _Reader:
    """Reads tokens from *text* at *pos*; every problem is a CitationError at its column."""

    def __init__(self, text: str, pos: int, *, strict: bool) -> None:
        self.text = text
        self.pos = pos
        self.strict = strict

    def peek(self) -> tuple[str, re.Match[str] | None, int]:
        pos = self.pos
        while True:
            match = TOKEN_RE.match(self.text, pos)
            if match is None or match.lastgroup != "space":
                break
            pos = match.end()
        if pos >= len(self.text):
            return "end", None, pos
        if match is None:
            return "bad", None, pos
        kind = _kind_of(match)
        return kind, match, pos

    def fail(self, message: str, at: int) -> CitationError:
        return CitationError(message, text=self.text, column=at + 1)

    def number(self, match: re.Match[str], group: str) -> int:
        raw = match[group]
        try:
            return from_chinese(raw)
        except ValueError:
            raise self.fail(f"{raw!r} is not a number from 1 to 9999", match.start(group)) from None

    def found(self, kind: str, match: re.Match[str] | None, at: int) -> str:
        if kind == "end":
            return "the end of the text"
        if match is not None:
            return repr(match[0])
        word = re.match(r"\S{1,10}", self.text[at:])
        return repr(word[0] if word else self.text[at : at + 1])

    # ---- references

    def ref(self) -> _Ref:
        kind, m, at = self.peek()
        if m is None or kind not in ("ord", "this", "prev", "art", "word"):
            half = _HALF_RE.match(self.text, at)
            if half is not None:
                shown = self.text[at : half.end()]
                raise self.fail(
                    f"expected a unit (编 章 节 条 款 项 目) after {shown!r}, found "
                    f"{self.found('end' if half.end() >= len(self.text) else 'x', None, half.end())}",
                    half.end(),
                )
            raise self.fail(
                f"expected a citation such as 第三十五条, found {self.found(kind, m, at)}", at
            )
        ref = self._head(kind, m)
        self.pos = m.end()
        while True:
            kind, m, at = self.peek()
            if m is None:
                break
            following = _NEXT[ref.last]
            if kind == "ord" and _UNIT_LEVEL.get(m["unit"]) in following and not ref.english:
                level, number, suffix = self._ord(m)
                if suffix:
                    raise self.fail("之N follows an article number only", m.start("suffix"))
                ref.levels[level] = number
            elif kind == "paren" and ref.compact and following:
                level = "paragraph" if ref.last == "article" else following[0]
                ref.levels[level] = self.number(m, "paren")
            elif kind == "word" and ref.compact and _WORD_LEVEL[m["word"]] in following:
                ref.levels[_WORD_LEVEL[m["word"]]] = self._word_number(m)
            elif kind == "conj" and m[0] == "," and ref.english and not ref.compact:
                save = self.pos
                self.pos = m.end()
                kind2, m2, _ = self.peek()
                if m2 is None or kind2 != "word" or _WORD_LEVEL[m2["word"]] not in following:
                    self.pos = save
                    break
                ref.levels[_WORD_LEVEL[m2["word"]]] = self._word_number(m2)
                m = m2
            else:
                break
            self.pos = m.end()
            ref.end = m.end()
        return ref

    def _ord(self, m: re.Match[str]) -> tuple[str, int, int]:
        unit = m["unit"]
        if unit == "分编":
            raise self.fail("a 分编 cannot be cited: cite its 编 or its 章", m.start("unit"))
        level = _UNIT_LEVEL[unit]
        if m["pnum"] is not None:
            if level != "item":
                raise self.fail("only a 项 number stands in parentheses: 第（三）项", m.start())
            number = self.number(m, "pnum")
        else:
            number = self.number(m, "num")
        suffix = self.number(m, "suffix") if m["suffix"] else 0
        if suffix and level != "article":
            raise self.fail("之N follows an article number only", m.start("suffix"))
        return level, number, suffix

    def _word_number(self, m: re.Match[str]) -> int:
        level = _WORD_LEVEL[m["word"]]
        if (level == "item") != (m["wparen"] is not None) and not m["word"].endswith("."):
            want = "Item (3)" if level == "item" else f"{m['word']} 2"
            raise self.fail(f"write {want}", m.start())
        return self.number(m, "wparen" if m["wparen"] is not None else "wnum")

    def _head(self, kind: str, m: re.Match[str]) -> _Ref:
        start, end = m.start(), m.end()
        if kind == "ord":
            level, number, suffix = self._ord(m)
            return _Ref(start, end, level, {level: number}, suffix)
        if kind == "this":
            level = _UNIT_LEVEL[m["this"]]
            return _Ref(start, end, level, {}, rel=("this", level, 1))
        if kind == "prev":
            level = _UNIT_LEVEL[m["prev"]]
            count = _COUNTS[m["prevn"]] if m["prevn"] else 1
            return _Ref(start, end, level, {}, rel=("prev", level, count))
        if kind == "art":
            suffix = self.number(m, "artsuffix") if m["artsuffix"] else 0
            compact = m[0].startswith("Art.")
            return _Ref(start, end, "article", {"article": self.number(m, "art")}, suffix,
                        english=True, compact=compact)  # fmt: skip
        level = _WORD_LEVEL[m["word"]]
        compact = m["word"].endswith(".")
        return _Ref(start, end, level, {level: self._word_number(m)}, english=True, compact=compact)

    # ---- groups

    def element(self, before: _Ref | None, instrument: tuple[str, str] | None) -> _Element:
        first = self.ref()
        _inherit(first, before)
        kind, m, _ = self.peek()
        if kind == "range" and m is not None:
            save = self.pos
            self.pos = m.end()
            try:
                second = self.ref()
            except CitationError:
                if self.strict:
                    raise
                self.pos = save
            else:
                _inherit(second, first)
                return _Element(instrument, (first, second))
        return _Element(instrument, (first,))

    def group(self) -> _Group:
        kind, m, at = self.peek()
        start = at
        instrument = self._instrument(kind, m)
        if instrument is not None and m is not None:
            self.pos = m.end()
            if m["theen"] is not None:  # an English title is written alone or after "of"
                return _Group(start, m.end(), instrument, [])
        elements: list[_Element] = []
        try:
            elements.append(self.element(None, instrument))
        except CitationError:
            if (
                instrument is None
                or instrument[0] != "title"
                or (self.strict and self.peek()[0] != "end")
            ):
                raise
            return _Group(start, self.pos, instrument, [])
        pending = 0  # elements still waiting for an English "of …" title
        of_end = 0
        while True:
            kind, m, at = self.peek()
            if kind == "of" and m is not None and elements[-1].refs[0].english:
                title = m["oftitle"] or _ENGLISH_BACK[m["ofen"]]
                if not self.strict:  # the scanner gives one instrument to a match
                    if instrument is None:
                        instrument, of_end = ("title", title), m.end()
                        self.pos = m.end()
                    break
                for element in elements[pending:]:
                    element.instrument = ("title", title)
                pending = len(elements)
                self.pos = m.end()
                continue
            if kind != "conj" or m is None:
                break
            save = self.pos
            self.pos = m.end()
            kind2, m2, _ = self.peek()
            new_instrument = self._instrument(kind2, m2)
            if new_instrument is not None and m2 is not None:
                if not self.strict:  # the scanner reports each instrument as a match of its own
                    self.pos = save
                    break
                self.pos = m2.end()
                instrument = new_instrument
                before = None
            else:
                if kind2 in ("this", "prev"):  # 本条例第九条、本条第一款: two references
                    self.pos = save
                    break
                before = elements[-1].refs[-1]
            try:
                elements.append(self.element(before, instrument))
            except CitationError:
                if self.strict:
                    raise
                self.pos = save
                break
        end = max(of_end, *(r.end for e in elements for r in e.refs))
        return _Group(start, max(end, self.pos if self.strict else end), instrument, elements)

    def _instrument(self, kind: str, m: re.Match[str] | None) -> tuple[str, str] | None:
        if m is not None and kind == "title":
            if m["theen"] is not None:
                return ("title", _ENGLISH_BACK[m["theen"]])
            return ("title", m["title"] or m["bare"])
        if m is not None and kind == "self":
            return ("self", "本" + m["self"])
        return None


def _inherit(ref: _Ref, before: _Ref | None) -> None:
    """Give *ref* the levels above its head from *before* (第三十五条第一款、第二款)."""
    if before is None:
        return
    top = _RANK[ref.head] if ref.rel is None else _RANK[ref.rel[1]]
    tops = [_RANK[name] for name in before.levels]
    if before.rel is not None:
        tops.append(_RANK[before.rel[1]])
    before_top = min(tops, default=_RANK[before.head])
    if top <= before_top:
        return
    text_level = top >= _RANK["article"]
    for name, value in before.levels.items():
        if (_RANK[name] >= _RANK["article"]) != text_level:
            continue  # 第一章和第一条: an article takes nothing from a heading
        if _RANK[name] < top and name not in ref.levels:
            ref.levels[name] = value
            if name == "article":
                ref.suffix = before.suffix
    if before.rel is not None and _RANK[before.rel[1]] < top and ref.rel is None:
        ref.rel = before.rel


# --------------------------------------------------------------------------- strict parsing

_EID_RE = re.compile(r"(?:part|subpart|chp|sec|dvs|art)_\d")
_EID_SEGMENT_RE = re.compile(
    r"(?P<name>part|subpart|chp|sec|dvs|art|para|point)_(?P<num>\d+)(?:-(?P<suffix>\d+))?"
)
_EID_LEVEL = {
    "part": "part",
    "chp": "chapter",
    "sec": "section",
    "art": "article",
    "para": "paragraph",
}
#: The containers an Akoma Ntoso eId may name before its article (``to_akn`` writes the whole
#: path: ``chp_5__art_35``), top down; ``dvs`` (an unnumbered heading such as 附则) anywhere.
_EID_CONTAINERS = ("part", "subpart", "chp", "sec")
_EID_CONTAINER_OF = {Part: "part", Subpart: "subpart", Chapter: "chp", Section: "sec"}

_Segment = tuple[str, int, int, int]  # name, number, suffix, offset in the text
_Path = tuple[tuple[str, int], ...]


def _eid_segments(text: str, offset: int) -> list[_Segment]:
    out: list[_Segment] = []
    pos = offset
    for segment in text[offset:].rstrip().split("__"):
        m = _EID_SEGMENT_RE.fullmatch(segment)
        if m is None:
            raise CitationError(
                f"expected an eId part such as art_35, found {segment!r}", text=text, column=pos + 1
            )
        if m["suffix"] and m["name"] != "art":
            raise CitationError("-N follows an article number only", text=text, column=pos + 1)
        try:
            number = from_chinese(m["num"])
            suffix = from_chinese(m["suffix"]) if m["suffix"] else 0
        except ValueError:
            raise CitationError(
                f"{m['num']!r} is not a number from 1 to 9999", text=text, column=pos + 1
            ) from None
        out.append((m["name"], number, suffix, pos))
        pos += len(segment) + 2
    return out


def _akn_paths(regulation: Regulation) -> tuple[dict[tuple[int, int], _Path], dict[_Path, object]]:
    """Where ``to_akn`` puts each article and heading: the container path of its eId."""
    articles: dict[tuple[int, int], _Path] = {}
    headings: dict[_Path, object] = {}

    def walk(nodes: tuple[object, ...], prefix: _Path) -> None:
        divisions = 0
        for node in nodes:
            if isinstance(node, Article):
                articles.setdefault(node.key, prefix)
            elif isinstance(node, Division):
                divisions += 1
                walk(node.children, (*prefix, ("dvs", divisions)))
            elif isinstance(node, (Part, Subpart, Chapter, Section)):
                here = (*prefix, (_EID_CONTAINER_OF[type(node)], node.number))
                headings.setdefault(here, node)
                walk(node.children, here)

    walk(regulation.body, ())
    return articles, headings


def _eid_path(path: list[_Segment]) -> str:
    return "__".join(f"{name}_{number}" for name, number, _, _ in path)


def _parse_eid(text: str, offset: int, regulation: Regulation | None) -> Citation:
    """``art_35__para_2__point_3`` (see eid_for), or the eId ``to_akn`` writes, which prefixes
    the container path: ``chp_5__art_35__para_2``, ``part_2__chp_2__art_120-1``.

    An article's containers are left out of its citation (articles are numbered through the
    whole text); with a *regulation* they must be where the article stands.  A heading's eId
    with a regulation reads as the heading's own citation (``part_1__chp_5`` is ``第五章`` where
    chapters do not restart per 编).
    """
    segments = _eid_segments(text, offset)
    cut = next((i for i, s in enumerate(segments) if s[0] not in (*_EID_CONTAINERS, "dvs")), None)
    path = segments if cut is None else segments[:cut]
    rank = -1
    for name, _, _, pos in path:
        if name == "dvs":
            continue
        if _EID_CONTAINERS.index(name) <= rank:
            segment = text[pos:].split("__", 1)[0]
            raise CitationError(f"{segment!r} is out of place in an eId", text=text, column=pos + 1)
        rank = _EID_CONTAINERS.index(name)
    if cut is None:
        return _eid_heading(text, offset, path, regulation)
    citation = _eid_text_levels(text, segments[cut:])
    if path and regulation is not None:
        where = _akn_paths(regulation)[0].get((citation.article or 0, citation.suffix))
        given = tuple((name, number) for name, number, _, _ in path)
        if where is not None and where != given:
            shown = "__".join(f"{n}_{v}" for n, v in where) or "the body itself"
            raise CitationError(
                f"{_short_art(citation)} stands in {shown} of 《{regulation.title}》, "
                f"not in {_eid_path(path)}",
                text=text,
                column=offset + 1,
            )
    return citation


def _short_art(citation: Citation) -> str:
    """The article's own eId segment (``art_35``, ``art_120-1``), for messages."""
    suffix = f"-{citation.suffix}" if citation.suffix else ""
    return f"art_{citation.article}{suffix}"


def _eid_heading(
    text: str, offset: int, path: list[_Segment], regulation: Regulation | None
) -> Citation:
    name, _, _, pos = path[-1]
    if name in ("dvs", "subpart"):
        what = "a 分编 (subpart)" if name == "subpart" else "an unnumbered heading (dvs)"
        raise CitationError(
            f"{what} cannot be cited: cite an article or a 编, 章 or 节", text=text, column=pos + 1
        )
    if regulation is not None:
        given = tuple((n, number) for n, number, _, _ in path)
        node = _akn_paths(regulation)[1].get(given)
        if isinstance(node, (Part, Chapter, Section)):
            return node.citation
    fields = {_EID_LEVEL[n]: number for n, number, _, _ in path if n in _EID_LEVEL}
    try:
        return Citation(**fields)  # type: ignore[arg-type]
    except ValueError as err:
        raise CitationError(str(err), text=text, column=offset + 1) from None


def _eid_text_levels(text: str, segments: list[_Segment]) -> Citation:
    """The article and what lies below it: ``art_35__para_2__point_3__point_1``."""
    fields: dict[str, int] = {}
    points = ("item", "subitem")
    for name, number, _, pos in segments:
        level = _EID_LEVEL.get(name) or next((p for p in points if p not in fields), "")
        if name in (*_EID_CONTAINERS, "dvs") or (not fields and level != "article"):
            level = ""
        order_ok = level and (not fields or _RANK[level] > max(_RANK[f] for f in fields))
        if not order_ok:
            segment = text[pos:].split("__", 1)[0]
            raise CitationError(f"{segment!r} is out of place in an eId", text=text, column=pos + 1)
        fields[level] = number
    suffix = segments[0][2]
    try:
        return Citation(suffix=suffix, **fields)  # type: ignore[arg-type]
    except ValueError as err:
        raise CitationError(str(err), text=text, column=segments[0][3] + 1) from None


def _to_citation(
    ref: _Ref, title: str | None, reader: _Reader, regulation: Regulation | None
) -> Citation:
    if ref.rel is not None:
        raise reader.fail(
            f"{reader.text[ref.start : ref.end]!r} is relative: find_citations(text, at=…) resolves it",
            ref.start,
        )
    if not any(name in ref.levels for name in ("part", "chapter", "article")):
        raise reader.fail(f"{reader.text[ref.start : ref.end]!r} needs its article", ref.start)
    if regulation is not None and title == regulation.title:
        title = None
    try:
        citation = Citation(title=title, suffix=ref.suffix, **ref.levels)
    except ValueError as err:
        raise reader.fail(str(err), ref.start) from None
    return _complete(citation, regulation) if regulation is not None else citation


def parse_citations(text: str, *, regulation: Regulation | None = None) -> CitationList:
    """Read one citation, a range or a list, in any style :func:`format_citation` writes.

    >>> parse_citations("本条例第三十五条第一款、第二款和第三十六条至第三十八条").items
    (Citation(article=35, paragraph=1), Citation(article=35, paragraph=2), CitationRange(start=Citation(article=36), end=Citation(article=38)))

    With a *regulation*: its own title reads as None, a 项 under a one-款 article gets
    ``paragraph=1`` back, and 本条例 must be the regulation's own word.

    Raises:
        CitationError: the text is not a citation; the column says where reading stopped.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    reader = _Reader(text, 0, strict=True)
    kind, _, at = reader.peek()
    if kind == "end":
        raise reader.fail("expected a citation, found nothing", at)
    if _EID_RE.match(text, at):
        return CitationList((_parse_eid(text, at, regulation),))
    group = reader.group()
    kind, m, at = reader.peek()
    if kind != "end":
        raise reader.fail(f"unexpected {reader.found(kind, m, at)} after the citation", at)
    if not group.elements:
        assert group.instrument is not None
        return CitationList((Citation(title=group.instrument[1]),))
    items: list[Citation | CitationRange] = []
    for element in group.elements:
        title = None
        if element.instrument is not None:
            what, name = element.instrument
            if what == "title":
                title = name
            elif regulation is not None and instrument_word(regulation.title) != name:
                raise reader.fail(
                    f"{name} does not name 《{regulation.title}》 ({instrument_word(regulation.title)})",
                    group.start,
                )
        cits = [_to_citation(ref, title, reader, regulation) for ref in element.refs]
        if len(cits) == 1:
            items.append(cits[0])
            continue
        try:
            items.append(CitationRange(cits[0], cits[1]))
        except ValueError as err:
            raise reader.fail(str(err), element.refs[1].start) from None
    return CitationList(tuple(items))


def parse_citation(text: str, *, regulation: Regulation | None = None) -> Citation:
    """Read one citation in any style: ``第三十五条第二款第（三）项``, ``第35条``, ``Art. 35(2)(3)``,
    ``art_120-1``, ``《…》第三十五条``.

    >>> parse_citation("《无锡市数字化转型促进条例》第35条第2款第(3)项")
    Citation(title='无锡市数字化转型促进条例', article=35, paragraph=2, item=3)
    >>> parse_citation("第三十五")
    Traceback (most recent call last):
    ...
    wuxi_dt_regulation._errors.CitationError: column 5: expected a unit (编 章 节 条 款 项 目) after '第三十五', found the end of the text
        第三十五
                ^

    Raises:
        CitationError: not one citation (garbage, half a citation, a number out of 1 … 9999, a
            relative form such as 前款, or a range or list: use :func:`parse_citations`).
    """
    found = parse_citations(text, regulation=regulation)
    if len(found.items) == 1 and isinstance(found.items[0], Citation):
        return found.items[0]
    what = "a range" if len(found.items) == 1 else "a list"
    raise CitationError(
        f"this is {what}, not one citation: use parse_citations", text=text, column=1
    )
