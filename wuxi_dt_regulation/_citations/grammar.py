"""The citation grammar and its reader.

The reader here (tokens from :mod:`.tokens`) serves two callers: the strict parser in
:mod:`.parse`, which must consume the whole text and raises
:class:`~wuxi_dt_regulation.CitationError` naming the column, and the lenient scanner in
:mod:`.find` (:func:`~wuxi_dt_regulation.find_citations`), which reads as much of each candidate
as the grammar accepts and resolves it afterwards.

Grammar (whitespace between tokens is ignored)::

    group     := [instrument] element (joiner element)* [of-title]
               | TITLE                                     -- 《…》 alone: the whole instrument
    instrument:= TITLE | SELF | THAT | BARE                -- 《…》 | 本条例 本法 本守则 … | 该法 | 刑法
    element   := ref [RANGE ref]                           -- 第三十五条至第三十八条
    joiner    := CONJ [instrument]                         -- 、 和 及 以及 或者 或 并 , and or
    ref       := head lower*                               -- levels strictly top down
    head      := ORD | NAMED | THIS | PREV | "Article" N["-"N] | WORD N | WORD "(" N ")"
    lower     := ORD | "," WORD N | "(" N ")" | ABBR N     -- the next level down only
    ORD       := "第" (number | "（" number "）") UNIT ["之" number]
    UNIT      := 编 | 分编 | 章 | 节 | 条 | 款 | 项 | 目
    NAMED     := 总则编 | 物权编 | 合同编 | … (a 编 of the 民法典 by its name)
    THIS      := 本条 | 本款 | 本项 | 本章 | 本节 | 本分编 | 本编
    PREV      := 前 [两 三 …] (款 | 条 | 项)                  -- 前款, 前两款, 前条
    THAT      := (该 | 同 | 上述 | 前述 | 此) (法 | 法律 | 条例 | 规定 …)
    number    := Chinese legal numeral | Arabic digits (1 … 9999)

The next level down is: 编 → 分编 or 章, 章 → 节 for headings (a 分编 is cited alone under its
编: chapters are numbered through the 编); 条 → 款 or 项 (a one-款 article is cited without 款),
款 → 项, 项 → 目.  A 编 named by its name may also be followed by an article, which is then cited
alone (合同编第四百六十四条 is 第四百六十四条: articles are numbered through the code).  An
element that starts lower than the one before it takes the levels above from it: in
``第三十五条第一款、第二款`` the second element is 35(2).  The conjunction of a list is the
joiner before its last element (、 between the others).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from .._model.citation import LEVELS
from .._model.errors import CitationError
from .._model.numerals import from_chinese
from .names import NAMED_PARTS
from .tokens import (
    COUNTS,
    ENGLISH_BACK,
    HALF_RE,
    LENIENT_TOKEN_RE,
    TOKEN_RE,
    UNIT_LEVEL,
    WORD_LEVEL,
    kind_of,
)

__all__ = ["ENGLISH_CONJUNCTIONS", "RANK", "Element", "Group", "Reader", "Ref"]

RANK = {name: i for i, name in enumerate(LEVELS)}
#: The levels that may follow each level inside one reference.
_NEXT = {"part": ("subpart", "chapter"), "subpart": ("chapter",), "chapter": ("section",), "section": (),
         "article": ("paragraph", "item"), "paragraph": ("item",), "item": ("subitem",),
         "subitem": ()}  # fmt: skip

_HEADINGS = ("part", "subpart", "chapter", "section")

# --------------------------------------------------------------------------- reading


@attrs.define
class Ref:
    """One reference as read, before resolution: the levels it names and how it is anchored."""

    start: int
    end: int
    head: str
    levels: dict[str, int]
    suffix: int = 0
    rel: tuple[str, str, int] | None = None  # ("this" | "prev", level, count)
    english: bool = False
    compact: bool = False
    named: bool = False  # a 编 by its name (合同编): an article may follow
    #: the headings written above the unit that the citation does not keep (articles are
    #: numbered through the text, chapters through the 编): 第三编第九章第五百九十五条 keeps the
    #: article, 第三编第二分编第九章 the chapter; a reader given the document checks them
    within: dict[str, int] = attrs.Factory(dict)

    @property
    def last(self) -> str:
        named = [name for name in LEVELS if name in self.levels]
        if self.rel is not None and (not named or RANK[self.rel[1]] > RANK[named[-1]]):
            return self.rel[1]
        return named[-1] if named else self.head


#: How an English list's last joiner reads in Chinese: ``or`` is 或者, ``and`` 和, a bare comma 、.
ENGLISH_CONJUNCTIONS = {"and": "和", "or": "或者", ",": "、"}


@attrs.define
class Element:
    # ("title", 《…》), ("bare", 刑法), ("self", 本条例) or ("that", the 法 of 该法)
    instrument: tuple[str, str] | None
    refs: tuple[Ref, ...]  # one ref, or the two ends of a range


@attrs.define
class Group:
    start: int
    end: int
    instrument: tuple[str, str] | None
    elements: list[Element]
    conjunction: str = "和"


class Reader:
    """Reads tokens from *text* at *pos*; every problem is a CitationError at its column.

    *named_parts* maps a 编's name (合同编) to its number, or to None for the 编 the document
    itself is (合同编.md holds that one 编 alone).
    """

    def __init__(
        self,
        text: str,
        pos: int,
        *,
        strict: bool,
        named_parts: Mapping[str, int | None] = NAMED_PARTS,
    ) -> None:
        self.text = text
        self.pos = pos
        self.strict = strict
        self.named_parts = named_parts
        self._tokens = TOKEN_RE if strict else LENIENT_TOKEN_RE
        self._peeked: tuple[int, tuple[str, re.Match[str] | None, int]] | None = None

    def peek(self) -> tuple[str, re.Match[str] | None, int]:
        """The next token after any space: its kind, the match and where it starts."""
        if self._peeked is not None and self._peeked[0] == self.pos:
            return self._peeked[1]
        found = self._peek()
        self._peeked = (self.pos, found)
        return found

    def _peek(self) -> tuple[str, re.Match[str] | None, int]:
        pos = self.pos
        while True:
            match = self._tokens.match(self.text, pos)
            if match is None or match.lastgroup != "space":
                break
            pos = match.end()
        if pos >= len(self.text):
            return "end", None, pos
        if match is None:
            return "bad", None, pos
        kind = kind_of(match)
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

    def ref(self) -> Ref:
        kind, m, at = self.peek()
        if m is None or kind not in ("ord", "named", "this", "prev", "art", "word"):
            half = HALF_RE.match(self.text, at)
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
            if (kind == "ord" and m["unit"] == "条" and ref.last in _HEADINGS
                    and ref.rel is None and not ref.english):  # fmt: skip
                level, number, suffix = self._ord(m)  # 合同编第四百六十四条: the article alone
                ref.within.update(ref.levels)
                ref.levels, ref.suffix, ref.head, ref.named = {level: number}, suffix, level, False
            elif (kind == "ord" and UNIT_LEVEL.get(m["unit"]) in following and not ref.english
                    and (ref.last != "subpart" or "part" in ref.levels or ref.named)):  # fmt: skip
                level, number, _ = self._ord(m)  # never an article: _ord refuses its 之N
                if ref.last == "subpart":  # 第三编第二分编第九章: the chapter of the 编
                    ref.within["subpart"] = ref.levels.pop("subpart")
                ref.levels[level] = number
            elif kind == "paren" and ref.compact and following:  # Art. 3(2)(3): the next level
                ref.levels[following[0]] = self.number(m, "paren")
            elif kind == "word" and ref.compact and WORD_LEVEL[m["word"]] in following:
                ref.levels[WORD_LEVEL[m["word"]]] = self._word_number(m)
            elif kind == "conj" and m[0] == "," and ref.english and not ref.compact:
                save = self.pos
                self.pos = m.end()
                kind2, m2, _ = self.peek()
                if m2 is None or kind2 != "word" or WORD_LEVEL[m2["word"]] not in following:
                    self.pos = save
                    break
                ref.levels[WORD_LEVEL[m2["word"]]] = self._word_number(m2)
                m = m2
            else:
                break
            self.pos = m.end()
            ref.end = m.end()
        if ref.named and not ref.levels:  # the document's own 编 by its name, and nothing in it
            raise self.fail(f"expected a 分编, 章 or 条 after {self.text[ref.start : ref.end]!r}",
                            ref.end)  # fmt: skip
        return ref

    def _ord(self, m: re.Match[str]) -> tuple[str, int, int]:
        level = UNIT_LEVEL[m["unit"]]
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
        level = WORD_LEVEL[m["word"]]
        if (level == "item") != (m["wparen"] is not None) and not m["word"].endswith("."):
            want = "Item (3)" if level == "item" else f"{m['word']} 2"
            raise self.fail(f"write {want}", m.start())
        return self.number(m, "wparen" if m["wparen"] is not None else "wnum")

    def _head(self, kind: str, m: re.Match[str]) -> Ref:
        start, end = m.start(), m.end()
        if kind == "ord":
            level, number, suffix = self._ord(m)
            return Ref(start, end, level, {level: number}, suffix)
        if kind == "named":
            part = self.named_parts.get(m["named"], NAMED_PARTS.get(m["named"]))
            levels = {} if part is None else {"part": part}
            return Ref(start, end, "part", levels, named=True)
        if kind == "this":
            level = UNIT_LEVEL[m["this"]]
            return Ref(start, end, level, {}, rel=("this", level, 1))
        if kind == "prev":
            level = UNIT_LEVEL[m["prev"]]
            count = COUNTS[m["prevn"]] if m["prevn"] else 1
            return Ref(start, end, level, {}, rel=("prev", level, count))
        if kind == "art":
            suffix = self.number(m, "artsuffix") if m["artsuffix"] else 0
            compact = m[0].startswith("Art.")
            return Ref(start, end, "article", {"article": self.number(m, "art")}, suffix,
                        english=True, compact=compact)  # fmt: skip
        level = WORD_LEVEL[m["word"]]
        compact = m["word"].endswith(".")
        return Ref(start, end, level, {level: self._word_number(m)}, english=True, compact=compact)

    # ---- groups

    def element(self, before: Ref | None, instrument: tuple[str, str] | None) -> Element:
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
                return Element(instrument, (first, second))
        return Element(instrument, (first,))

    def group(self, instrument: tuple[str, str] | None = None, start: int | None = None) -> Group:
        """Read one group.  The scanner passes the *instrument* it found before the first 第
        (a law named without 《》, 该法) and the position *start* where that name begins."""
        kind, m, at = self.peek()
        if start is None:
            start = at
        if instrument is None:
            instrument = self._instrument(kind, m)
            if instrument is not None and m is not None:
                self.pos = m.end()
                if m["theen"] is not None:  # an English title is written alone or after "of"
                    return Group(start, m.end(), instrument, [])
        elements: list[Element] = []
        try:
            elements.append(self.element(None, instrument))
        except CitationError:
            if (
                instrument is None
                or instrument[0] != "title"
                or (self.strict and self.peek()[0] != "end")
            ):
                raise
            return Group(start, self.pos, instrument, [])
        pending = 0  # elements still waiting for an English "of …" title
        of_end = 0
        conjunction = "和"
        while True:
            kind, m, at = self.peek()
            if kind == "of" and m is not None and elements[-1].refs[0].english:
                title = m["oftitle"] or ENGLISH_BACK[m["ofen"]]
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
            conjunction = ENGLISH_CONJUNCTIONS.get(m[0], m[0])
        end = max(of_end, *(r.end for e in elements for r in e.refs))
        end = max(end, self.pos if self.strict else end)
        return Group(start, end, instrument, elements, conjunction)

    def _instrument(self, kind: str, m: re.Match[str] | None) -> tuple[str, str] | None:
        if m is None:
            return None
        if kind == "title":
            if m["theen"] is not None:
                return ("title", ENGLISH_BACK[m["theen"]])
            return ("title", m["title"])
        if kind == "bare":
            return ("bare", m["bare"])
        if kind == "self":
            return ("self", "本" + m["self"])
        if kind == "that":
            return ("that", m["that"])
        return None


def _inherit(ref: Ref, before: Ref | None) -> None:
    """Give *ref* the levels above its head from *before* (第三十五条第一款、第二款)."""
    if before is None:
        return
    top = RANK[ref.head] if ref.rel is None else RANK[ref.rel[1]]
    tops = [RANK[name] for name in before.levels]
    if before.rel is not None:
        tops.append(RANK[before.rel[1]])
    before_top = min(tops, default=RANK[before.head])
    if top <= before_top:
        return
    text_level = top >= RANK["article"]
    for name, value in before.levels.items():
        if (RANK[name] >= RANK["article"]) != text_level:
            continue  # 第一章和第一条: an article takes nothing from a heading
        if RANK[name] < top and name not in ref.levels:
            ref.levels[name] = value
            if name == "article":
                ref.suffix = before.suffix
    if before.rel is not None and RANK[before.rel[1]] < top and ref.rel is None:
        ref.rel = before.rel
