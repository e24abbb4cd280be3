"""Reading citations: the strict parser (:func:`parse_citation`, :func:`parse_citations`), the
lenient scanner (:func:`find_citations`) and a regulation's own references (:func:`references`).

Both read with one tokenizer and one grammar.  The strict parser must consume the whole text and
raises :class:`~wuxi_dt_regulation.CitationError` naming the column; the scanner finds candidates
with one combined regex (:data:`ANCHOR_RE`), reads as much of each as the grammar accepts, and
only then resolves what it read (relative forms against ``at``), as eyecite does.

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
from collections.abc import Callable
from typing import Literal, TypeAlias

import attrs

from ._citation import (
    ENGLISH_TITLES,
    LEVELS,
    Citation,
    CitationList,
    CitationRange,
    _complete,
    instrument_word,
    resolve,
)
from ._errors import CitationError, NotFoundError
from ._model import Paragraph, Regulation
from ._numerals import from_chinese

__all__ = [
    "ANCHOR_RE",
    "KINDS",
    "CitationMatch",
    "Reference",
    "find_citations",
    "parse_citation",
    "parse_citations",
    "references",
]

#: The kinds of :class:`CitationMatch`.
KINDS = ("absolute", "internal", "relative", "external", "unresolvable")
Kind: TypeAlias = Literal["absolute", "internal", "relative", "external", "unresolvable"]

_NUM = r"[零〇一二三四五六七八九十百千万亿两0-9０-９]+"
_SELF_WORDS = r"条例|规定|办法|决定|解释|细则|规则|宪法|修正案|准则|标准|法"
# 本 inside an ordinary word (基本法, 根本条件, 成本, 版本) is not a self-reference.
_NOT_SELF = r"(?<![基根资成日版样文剧账副正原书课脚标])"
_THIS = r"本(?P<this>条(?![例件款])|款|项|章(?!程)|节(?![约日能点])|编(?![制写号辑]))"
# 前三项 is also "the top three" (环境保护税法 第九条: 对前三项污染物征收): a counted 项 must be
# followed by what follows a reference.  前项 alone is one (刑法: 以前项手段获取的).
_PREV = (
    r"前(?P<prevn>[两二三四五六七八九])?"
    r"(?P<prev>款|条(?!件)|项(?(prevn)(?=规定|所列|所称|情形|行为|的|中|之|[，。；、和或]|$)))"
)
# A law named without 《》 right before its pinpoint: the codes by their short names, 中华人民共和国…法,
# and a …法 right after a verb of reference or punctuation (两用物项出口管制条例: 出口管制法第十二条).
_BARE = (
    r"宪法|民法典|刑法|中华人民共和国[\u4e00-\u9fff]{1,24}?法典?"
    r"|(?:(?<=依照)|(?<=根据)|(?<=按照)|(?<=违反)|(?<=适用)|(?<=参照)|(?<=依据)|(?<=[，。；、：]))"
    r"(?![该此其])(?!上述|前述)(?:(?!本|依据|依照|根据|按照|适用|参照|违反|应当)[\u4e00-\u9fff]){1,16}?法"
)
_ENGLISH = "|".join(re.escape(t) for t in sorted(ENGLISH_TITLES.values(), key=len, reverse=True))

TOKEN_RE = re.compile(
    rf"""
      (?P<space>[\s\u3000\u00a0\u2002\u200b]+)
    | 《(?P<title>[^《》\n]{{1,100}})》                      # 《an instrument》
    | 第\s*(?:[（(]\s*(?P<pnum>{_NUM})\s*[）)]|(?P<num>{_NUM}))\s*  # 第三十五 / 第（三） court style
      (?P<unit>分编|编|章|节|条|款|项|目)
      (?:\s*之\s*(?P<suffix>{_NUM}))?                       # 之一 (only after 条)
    | (?P<bare>{_BARE})(?=\s*第)                               # 宪法第八十九条 (no 《》)
    | 本(?P<self>{_SELF_WORDS})(?=\s*第)                    # 本条例第…, 本法第…
    | {_THIS}                                               # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | (?P<range>至|到|\bto\b)                               # a range
    | (?P<conj>、|以及|和|及|或者|或|,|\band\b|\bor\b)      # a list
    | (?:Article|Art\.)\s*(?P<art>\d+)(?:-(?P<artsuffix>\d+))?  # Article 35, Art. 120-1
    | (?P<word>Paragraph|Item|Sub-item|Chapter|Section|Part|Ch\.|Sec\.|Pt\.)\s*
      (?:\(\s*(?P<wparen>\d+)\s*\)|(?P<wnum>\d+))            # Paragraph 2, Item (3), Ch. 2
    | \(\s*(?P<paren>\d+)\s*\)                              # (2): en-compact levels
    | of\s+(?:《(?P<oftitle>[^《》\n]{{1,100}})》|the\s+(?P<ofen>{_ENGLISH or "(?!)"}))  # of the …
    """,
    re.VERBOSE,
)

#: Where the scanner starts reading: every token that can begin a citation, and the phrases
#: that refer to law deliberately without a pinpoint (CITATIONS.md: unresolvable by design).
ANCHOR_RE = re.compile(
    rf"""
      (?P<vague>有关法律、(?:行政)?法规|法律、(?:行政)?法规|有关法律法规
        |(?:国家和省|国家|省)有关规定|国家规定)
    | 《[^《》\n]{{1,100}}》                                  # 《an instrument》
    | (?<![本《])(?:{_BARE})(?=\s*第)                            # 宪法第八十九条
    | {_NOT_SELF}本(?:{_SELF_WORDS})(?=\s*第)                # 本条例第…
    | {_NOT_SELF}{_THIS}                                    # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | 第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})\s*(?:编|章|节|条|款|项|目)  # 第三十五条 …
    | (?:Article|Art\.)\s*\d                                # English long and compact
    | (?:Paragraph|Item|Sub-item|Chapter|Section|Part|Ch\.|Sec\.|Pt\.)\s*\(?\d  # en, en-compact
    """,
    re.VERBOSE,
)

_HALF_RE = re.compile(rf"第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})")
_UNIT_LEVEL = {"编": "part", "章": "chapter", "节": "section", "条": "article",
               "款": "paragraph", "项": "item", "目": "subitem"}  # fmt: skip
_WORD_LEVEL = {"Part": "part", "Pt.": "part", "Chapter": "chapter", "Ch.": "chapter",
               "Section": "section", "Sec.": "section", "Paragraph": "paragraph",
               "Item": "item", "Sub-item": "subitem"}  # fmt: skip
_RANK = {name: i for i, name in enumerate(LEVELS)}
#: The levels that may follow each level inside one reference.
_NEXT = {"part": ("chapter",), "chapter": ("section",), "section": (),
         "article": ("paragraph", "item"), "paragraph": ("item",), "item": ("subitem",),
         "subitem": ()}  # fmt: skip
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ENGLISH_BACK = {english: title for title, english in ENGLISH_TITLES.items()}


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
        while True:
            kind, m, at = self.peek()
            if kind == "of" and m is not None and elements[-1].refs[0].english:
                title = m["oftitle"] or _ENGLISH_BACK[m["ofen"]]
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
        end = max(r.end for e in elements for r in e.refs)
        return _Group(start, max(end, self.pos if self.strict else end), instrument, elements)

    def _instrument(self, kind: str, m: re.Match[str] | None) -> tuple[str, str] | None:
        if m is not None and kind == "title":
            return ("title", m["title"] or m["bare"])
        if m is not None and kind == "self":
            return ("self", "本" + m["self"])
        return None


def _kind_of(match: re.Match[str]) -> str:
    group = match.lastgroup
    for name, kind in (("unit", "ord"), ("self", "self"), ("bare", "title"), ("this", "this"), ("prev", "prev"),
                       ("title", "title"), ("art", "art"), ("word", "word"), ("paren", "paren"),
                       ("range", "range"), ("conj", "conj")):  # fmt: skip
        if match[name] is not None:
            return kind
    if match["oftitle"] is not None or match["ofen"] is not None:
        return "of"
    return group or "bad"  # pragma: no cover - every alternative is named above


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

_EID_RE = re.compile(r"(?:part|chp|sec|art)_\d")
_EID_SEGMENT_RE = re.compile(
    r"(?P<name>part|chp|sec|art|para|point)_(?P<num>\d+)(?:-(?P<suffix>\d+))?"
)
_EID_LEVEL = {
    "part": "part",
    "chp": "chapter",
    "sec": "section",
    "art": "article",
    "para": "paragraph",
}


def _parse_eid(text: str, offset: int) -> Citation:
    """``art_35__para_2__point_3``: levels top down, ``__`` between them (see eid_for)."""
    fields: dict[str, int] = {}
    pos = offset
    points = ("item", "subitem")
    for segment in text[offset:].rstrip().split("__"):
        m = _EID_SEGMENT_RE.fullmatch(segment)
        if m is None:
            raise CitationError(
                f"expected an eId part such as art_35, found {segment!r}", text=text, column=pos + 1
            )
        name = m["name"]
        level = _EID_LEVEL.get(name) or next((p for p in points if p not in fields), "")
        order_ok = level and (
            not fields or _RANK[level] > max(_RANK[f] for f in fields if f != "suffix")
        )
        if not order_ok:
            raise CitationError(f"{segment!r} is out of place in an eId", text=text, column=pos + 1)
        if m["suffix"] and level != "article":
            raise CitationError("-N follows an article number only", text=text, column=pos + 1)
        try:
            fields[level] = from_chinese(m["num"])
            if m["suffix"]:
                fields["suffix"] = from_chinese(m["suffix"])
        except ValueError:
            raise CitationError(
                f"{m['num']!r} is not a number from 1 to 9999", text=text, column=pos + 1
            ) from None
        pos += len(segment) + 2
    try:
        return Citation(**fields)  # type: ignore[arg-type]
    except ValueError as err:
        raise CitationError(str(err), text=text, column=offset + 1) from None


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
        return CitationList((_parse_eid(text, at),))
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


# --------------------------------------------------------------------------- scanning


@attrs.frozen
class CitationMatch:
    """A citation found in free text.

    Attributes:
        start, end: the span in the text searched; ``text == searched[start:end]``.
        text: the citation as written.
        kind: ``absolute`` (第三十五条: names its unit, not its instrument), ``internal``
            (本条例第三十五条, or 《the regulation's own title》…), ``relative`` (本条, 前款, 第二款
            alone: resolved against ``at``), ``external`` (《another instrument》…) or
            ``unresolvable`` (有关法律、法规, 国家有关规定: law cited without a pinpoint).
        citations: the absolute citations pointed to, ranges expanded; empty when a relative
            form had no ``at`` to resolve against, and for ``unresolvable``.
        value: the typed value read (a list, ranges kept), or None when nothing was resolved.
    """

    start: int
    end: int
    text: str
    kind: Kind
    citations: tuple[Citation, ...]
    value: CitationList | None = None


class _Context:
    """What resolution needs from a regulation, computed once per scan."""

    def __init__(self, regulation: Regulation | None) -> None:
        self.regulation = regulation
        self._homes: dict[tuple[int, int], tuple[Citation | None, Citation | None]] | None = None
        self._order: list[tuple[int, int]] | None = None
        #: the 款 last named in the text being scanned (see item_home)
        self.hint: Citation | None = None

    def item_home(self, at: Citation) -> Citation:
        """The 款 a bare 第X项 points into (刑法 第三百八十三条: 犯第一款罪，…有第一项规定情形的).

        The 款 where it stands when that 款 has 项; else the 款 of the same article last named
        in the same text; else the article's only 款 with 项; else where it stands.
        """
        article = None
        if self.regulation is not None and at.article is not None:
            article = self.regulation.get_article((at.article, at.suffix))
        if article is None:
            return at

        def has_items(number: int | None) -> bool:
            return (
                number is not None
                and 1 <= number <= len(article.paragraphs)
                and bool(article.paragraphs[number - 1].items)
            )

        if has_items(at.paragraph):
            return at
        hint = self.hint
        same = hint is not None and (hint.article, hint.suffix) == (at.article, at.suffix)
        if same and hint is not None and has_items(hint.paragraph):
            return Citation(article=at.article, suffix=at.suffix, paragraph=hint.paragraph)
        with_items = [p.number for p in article.paragraphs if p.items]
        if len(with_items) == 1:
            return Citation(article=at.article, suffix=at.suffix, paragraph=with_items[0])
        return at

    def part_of(self, key: tuple[int, int]) -> Citation | None:
        """The citation of the 编 holding the article *key*."""
        assert self.regulation is not None
        for part in self.regulation.parts:
            if any(a.key == key for a in part.articles):
                return part.citation
        return None

    def home(self, key: tuple[int, int]) -> tuple[Citation | None, Citation | None]:
        """The chapter and section citations of the article *key*."""
        if self._homes is None:
            self._homes = {}
            assert self.regulation is not None
            for chapter in self.regulation.chapters:
                for article in chapter.articles:
                    self._homes[article.key] = (chapter.citation, None)
                for section in chapter.sections:
                    for article in section.articles:
                        self._homes[article.key] = (chapter.citation, section.citation)
        return self._homes.get(key, (None, None))

    def before(self, key: tuple[int, int], count: int) -> list[tuple[int, int]]:
        """The *count* articles before *key*, in document order (之N included)."""
        if self.regulation is None:
            number = key[0] if key[1] else key[0] - 1
            return [(n, 0) for n in range(max(number - count + 1, 1), number + 1)]
        if self._order is None:
            self._order = [a.key for a in self.regulation.articles]
        if key not in self._order:
            return []
        index = self._order.index(key)
        return self._order[max(index - count, 0) : index]


def _relative_base(ref: _Ref, at: Citation | None, ctx: _Context) -> list[Citation] | None:
    """The citations a relative head stands for (前两款 stands for two), or None."""
    assert ref.rel is not None
    how, level, count = ref.rel
    if at is None:
        return None
    if ctx.regulation is not None:
        at = _complete(at, ctx.regulation)
    if level in ("part", "chapter", "section"):
        if at.article is None:
            if how != "this" or getattr(at, level) is None:
                return None
            fields = {name: getattr(at, name) for name in LEVELS[: _RANK[level] + 1]}
            return [Citation(**fields)]
        if how != "this" or ctx.regulation is None:
            return None
        chapter, section = ctx.home((at.article, at.suffix))
        found = {"chapter": chapter, "section": section}.get(level)
        if level == "part":
            found = ctx.part_of((at.article, at.suffix))
        return [found] if found is not None else None
    if at.article is None:
        return None
    if level == "article":
        if how == "this":
            return [Citation(article=at.article, suffix=at.suffix)]
        keys = ctx.before((at.article, at.suffix), count)
        return [Citation(article=n, suffix=s) for n, s in keys] or None
    own = getattr(at, level)
    if own is None:
        return None
    base = {
        name: getattr(at, name)
        for name in ("article", "paragraph", "item")
        if _RANK[name] < _RANK[level]
    }
    numbers = [own] if how == "this" else list(range(own - count, own))
    if not numbers or numbers[0] < 1:
        return None
    return [Citation(suffix=at.suffix, **base, **{level: n}) for n in numbers]  # type: ignore[arg-type]


def _resolve_ref(
    ref: _Ref, at: Citation | None, ctx: _Context, title: str | None
) -> list[Citation] | None:
    """The absolute citations one reference stands for, or None when it cannot be resolved."""
    levels = dict(ref.levels)
    if ref.rel is not None:
        bases = _relative_base(ref, at, ctx)
        if bases is None:
            return None
        if len(bases) > 1:
            return bases
        base = bases[0]
        fields = dict(base.levels())
        fields.update(levels)
        try:
            return [Citation(title=title, suffix=base.suffix, **fields)]
        except ValueError:
            return None
    if not any(name in levels for name in ("part", "chapter", "article")):
        # 第二款, 第一项至第三项 alone: inside the article (款) or paragraph (项) at hand
        if at is None or at.article is None:
            return None
        if ctx.regulation is not None:
            at = _complete(at, ctx.regulation)
        top = min(_RANK[name] for name in levels)
        if top >= _RANK["item"]:
            at = ctx.item_home(at)
        for name in ("paragraph", "item"):
            if _RANK[name] < top and getattr(at, name) is not None:
                levels.setdefault(name, getattr(at, name))
        assert at.article is not None
        levels["article"] = at.article
        ref = attrs.evolve(ref, suffix=at.suffix)
    try:
        citation = Citation(title=title, suffix=ref.suffix, **levels)
    except ValueError:
        return None
    if ctx.regulation is None or title is not None:
        return [citation]
    citation = _complete(citation, ctx.regulation)
    if citation.item is not None and citation.paragraph is None and citation.article is not None:
        # 第十五条第一项 of an article with several 款: the 款 that has 项 (浙江省电子商务条例)
        home = ctx.item_home(Citation(article=citation.article, suffix=citation.suffix))
        citation = attrs.evolve(citation, paragraph=home.paragraph)
    return [citation]


def _resolve_group(
    group: _Group, at: Citation | None, ctx: _Context
) -> tuple[Kind, CitationList | None, tuple[Citation, ...]]:
    regulation = ctx.regulation
    instrument = group.instrument
    if not group.elements:
        name = instrument[1] if instrument is not None else ""
        whole = CitationList((Citation(title=name),))
        own = regulation is not None and name == regulation.title
        return ("internal" if own else "external"), whole, (Citation(title=name),)
    kind: Kind = "absolute"
    title: str | None = None
    if instrument is not None:
        own = regulation is not None and instrument[1] == regulation.title
        if instrument[0] == "self" or own:
            kind = "internal"
        else:
            kind, title = "external", instrument[1]
    items: list[Citation | CitationRange] = []
    for element in group.elements:
        if kind == "absolute" and any(
            r.rel is not None or not any(n in r.levels for n in ("part", "chapter", "article"))
            for r in element.refs
        ):
            kind = "relative"
        ends = [_resolve_ref(ref, at, ctx, title) for ref in element.refs]
        if any(e is None for e in ends):
            continue
        if len(ends) == 1:
            found = ends[0] or []
            if len(found) > 1:
                items.append(CitationRange(found[0], found[-1]))
            else:
                items.extend(found)
            continue
        start, end = (ends[0] or [])[0], (ends[1] or [])[-1]
        try:
            items.append(CitationRange(start, end))
        except ValueError:
            items.extend((start, end))
    if not items:
        return kind, None, ()
    value = CitationList(tuple(items))
    external = kind == "external"
    return kind, value, value.expand(None if external else regulation)


def _scan(text: str, at: Citation | None, ctx: _Context) -> list[CitationMatch]:
    out: list[CitationMatch] = []
    pos = 0
    ctx.hint = None
    while True:
        anchor = ANCHOR_RE.search(text, pos)
        if anchor is None:
            return out
        if anchor["vague"] is not None:
            start, end = anchor.span()
            out.append(CitationMatch(start, end, text[start:end], "unresolvable", ()))
            pos = end
            continue
        reader = _Reader(text, anchor.start(), strict=False)
        try:
            group = reader.group()
        except CitationError:
            pos = anchor.start() + 1
            continue
        kind, value, citations = _resolve_group(group, at, ctx)
        if kind != "external":
            named = [c for c in citations if c.paragraph is not None]
            if named:
                ctx.hint = named[-1]
        out.append(
            CitationMatch(
                group.start, group.end, text[group.start : group.end], kind, citations, value
            )
        )
        pos = max(group.end, anchor.start() + 1)


def find_citations(
    text: str, *, regulation: Regulation | None = None, at: Citation | None = None
) -> tuple[CitationMatch, ...]:
    """Find every citation in free *text*, leniently, with its span in *text*.

    *at* is the citation of the place the text stands (the 款 or 项 it is part of); relative
    forms (本条, 前款, 第二款 alone) resolve against it.  With a *regulation*, 本章 and 前条 resolve
    through it, its own title counts as internal, ranges expand to the units that exist, and a
    项 of a one-款 article gets ``paragraph=1``.

    >>> [(m.text, m.kind, [str(c) for c in m.citations]) for m in find_citations(
    ...     "违反本法第十条、第十一条规定，或者前款规定的", at=Citation(article=12, paragraph=2))]
    [('本法第十条、第十一条', 'internal', ['第十条', '第十一条']), ('前款', 'relative', ['第十二条第一款'])]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return tuple(_scan(text, at, _Context(regulation)))


# --------------------------------------------------------------------------- a regulation's own


@attrs.frozen
class Reference:
    """A reference in a regulation's own text.

    Attributes:
        at: the citation of the 款, 项 or 目 whose text holds the reference.
        match: what was found; its span is in that unit's own ``text`` (the 款's introduction,
            the 项's or 目's text without its marker).
        missing: the targets that do not exist in the regulation (a range's ends are checked).
        checkable: False when the text names a level the document does not have at all (本编
            in 合同编.md, a file holding one 编 of 民法典 whose 编 is only a subtitle).
    """

    at: Citation
    match: CitationMatch
    missing: tuple[Citation, ...] = ()
    checkable: bool = True

    @property
    def targets(self) -> tuple[Citation, ...]:
        """The absolute citations the reference points to (a range expanded)."""
        return self.match.citations

    @property
    def exists(self) -> bool | None:
        """True when every target exists; False when one does not or nothing could be resolved
        (前款 in a first 款); None for external and unresolvable references (not checkable)."""
        if self.match.kind in ("external", "unresolvable") or not self.checkable:
            return None
        return bool(self.match.citations) and not self.missing

    @property
    def dangling(self) -> bool:
        """True when the reference points to something the regulation does not have."""
        return self.exists is False


def _checked(value: CitationList | None) -> list[Citation]:
    if value is None:
        return []
    out: list[Citation] = []
    for item in value.items:
        out.extend((item.start, item.end) if isinstance(item, CitationRange) else (item,))
    return out


def references(regulation: Regulation) -> tuple[Reference, ...]:
    """Every reference in the text of the regulation's 款, 项 and 目, in document order, with
    where it stands and whether its targets exist (dangling references are reported, not raised).

    Free text outside articles (a decision's 一、二、 paragraphs, appendices) stands nowhere
    citable and is not read.

    >>> from wuxi_dt_regulation import load
    >>> [(str(r.at), r.match.text, r.match.kind) for r in references(load())][:2]
    [('第一条第一款', '有关法律、法规', 'unresolvable'), ('第三十六条第一款', '国家和省有关规定', 'unresolvable')]
    """
    ctx = _Context(regulation)
    out: list[Reference] = []

    def scan(text: str, at: Citation) -> None:
        for match in _scan(text, at, ctx):
            missing: list[Citation] = []
            if match.kind in ("absolute", "internal", "relative"):
                for target in _checked(match.value):
                    if target.level == "instrument":
                        continue  # the regulation itself
                    try:
                        resolve(regulation, target)
                    except NotFoundError:
                        missing.append(target)
            checkable = True
            if match.kind == "relative" and not match.citations:
                level = _UNIT_LEVEL.get(match.text[1:2]) if match.text[:1] == "本" else None
                views = {"part": regulation.parts, "chapter": regulation.chapters,
                         "section": regulation.sections}  # fmt: skip
                checkable = level not in views or bool(views[level])
            out.append(Reference(at, match, tuple(missing), checkable))

    for article in regulation.articles:
        for paragraph in article.paragraphs:
            _scan_paragraph(paragraph, scan)
    return tuple(out)


def _scan_paragraph(paragraph: Paragraph, scan: Callable[[str, Citation], None]) -> None:
    if paragraph.text:
        scan(paragraph.text, paragraph.citation)
    for item in paragraph.items:
        scan(item.text, item.citation)
        for sub in item.subitems:
            scan(sub.text, sub.citation)
            for deeper in sub.subitems:
                scan(deeper.text, sub.citation)
