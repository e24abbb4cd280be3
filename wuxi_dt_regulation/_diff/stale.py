"""References left pointing at old numbers (衔接性修改): :class:`StaleReference` and the search
behind :meth:`~wuxi_dt_regulation.RegulationDiff.stale_references`.

After an amendment renumbers (此外，对条文顺序作相应调整), every reference elsewhere in the text
must follow its target (CITATIONS.md, "Amendments and comparison tables"): a unit whose text did
not change but names ``本条例第十二条`` while old 第十二条 is now 第十三条 still carries the old
number.  Each reference in such a unit is read as the OLD version reads it (its targets, and the
place it stands for 本条第二款 and 第二款 alone), its targets are followed into the new version
(:class:`~.unit_map.UnitMap`), and it is stale when the citation the new version would write for
them differs from the one written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from .._model.citation import Citation
from .._model.errors import CitationError, NotFoundError
from .._model.labels import ORDINAL_PREFIX
from .._model.numerals import from_chinese, to_chinese
from .._model.ranges import CitationList, CitationRange, complete, resolve
from .._model.references import CitationMatch
from .._model.regulation import Regulation
from .unit_map import UnitMap

if TYPE_CHECKING:
    from .._citations.context import Scan

__all__ = ["Followed", "StaleReference", "find_stale", "stale_in"]

#: the numerals a pinpoint is written with, in Chinese
_ZH_DIGITS = "〇零一二三四五六七八九十百千万两"
_COURT_RE = re.compile(r"第（")  # 第（三）项: the court style puts a 项 number in parentheses
#: 第35条: the academic style writes Arabic numbers (a 目's 第1目 is Arabic in every style)
_ARABIC_RE = re.compile(r"第[0-9０-９]+[条款项]")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")  # 第３５条 stays full width
#: one pinpoint piece in Chinese numerals: 第三十五条, 第二款, 第三项
_ZH_PIECE_RE = re.compile(rf"第([{_ZH_DIGITS}]+)([条款项])")
#: a 目 as format_citation writes it (Arabic), and as a text may write it instead
_SUBITEM_RE = re.compile(r"第([0-9]+)目")
_ZH_SUBITEM_RE = re.compile(rf"第[{_ZH_DIGITS}]+目")
_FULL_SUBITEM_RE = re.compile(r"第[０-９]+目")
#: a 项 in Chinese numerals, to be put in parentheses for the court style
_ITEM_RE = re.compile(rf"第([{_ZH_DIGITS}]+)项")
#: a word joining two pinpoints, longest first
_JOINER_RE = re.compile(
    r"""
    ( 以及 | 或者 | 及 | 或 | 和 | 并   # a conjunction: 第一项、第二项或者第四项
    | 、 )                             # the list mark
    (?= \s* (?: 第 | 本 | 前 | 《 ) )   # ... followed by the next pinpoint
    """,
    re.VERBOSE,
)
#: the unit of the first pinpoint written: 第二款 -> 款
_FIRST_UNIT_RE = re.compile(r"第[^第条款项目]*([条款项目])")
#: what format_citation writes before the last element of a list, and between the others
_LAST_JOINER, _LIST_MARK = "和", "、"
#: the relative heads a numbered reference may start with, and the level of the unit each names
_HEADS = {"本条": "article", "前条": "article", "本款": "paragraph", "前款": "paragraph",
          "本项": "item"}  # fmt: skip


@attrs.frozen
class StaleReference:
    """A reference in the new version's text that still carries an old number.

    The unit that holds it did not change, but what it points to moved (renumbered, split,
    merged) or is gone.  Found by :meth:`~wuxi_dt_regulation.RegulationDiff.stale_references`.

    Attributes:
        at: the 款, 项 or 目 of the new version whose text holds the reference.
        old_at: where that unit stood in the old version (where a 修改决定 names it).
        match: the reference as found, read as the old version reads it: its span is in the
            line of the unit that holds it (its text, or one of its further paragraphs, as in
            :class:`~wuxi_dt_regulation.Reference`), its ``citations`` are the targets in the
            old version's numbering.
        old: the targets as written (old numbering), ranges kept.
        new: the same targets in the new version's numbering, or None when one of them no
            longer exists (deleted: a drafter has to decide).
        replacement: what the reference should say now (``本条例第十三条``), written as the
            original was (本条例 or not, 或者 kept, 第（三）项 kept), or None.
        text: that line of the unit with the replacement made, or None.
    """

    at: Citation
    old_at: Citation
    match: CitationMatch
    old: CitationList
    new: CitationList | None
    replacement: str | None
    text: str | None


def _units(item: Citation | CitationRange, old: Regulation) -> list[Citation] | None:
    """The units *item* covers in *old*, or None when one does not exist (already dangling)."""
    cited = list(item.expand(old)) if isinstance(item, CitationRange) else [item]
    out = []
    for citation in cited:
        citation = complete(citation, old)
        if citation.level != "instrument":
            try:
                resolve(old, citation)
            except NotFoundError:
                return None
        out.append(citation)
    return out


def _regroup(
    item: Citation | CitationRange, targets: list[Citation], new: Regulation
) -> list[Citation | CitationRange]:
    """The new citations of one element: a range stays a range when its targets still run
    without a gap, else they are listed."""
    unique = list(dict.fromkeys(targets))
    if isinstance(item, CitationRange) and len(unique) > 1:
        try:
            span = CitationRange(unique[0], unique[-1])
            if list(span.expand(new)) == unique:
                return [span]
        except ValueError:
            pass
    return list(unique)


def _restyle(body: str, written: str) -> str:
    """*body* (the statute style) in the style *written* used: 第（三）项, Arabic numbers, a 目
    in Chinese or full-width numbers, and the word before the last element (或者, 以及 … are
    never turned into 和)."""
    if _COURT_RE.search(written):
        body = _ITEM_RE.sub(r"第（\1）项", body)
    arabic = _ARABIC_RE.search(written)
    if arabic:
        digits = _FULL_WIDTH if arabic[0][1] in "０１２３４５６７８９" else {}
        body = _ZH_PIECE_RE.sub(
            lambda m: f"第{str(from_chinese(m[1])).translate(digits)}{m[2]}", body
        )
    if _ZH_SUBITEM_RE.search(written):  # 第二目: a text that writes its 目 in Chinese
        body = _SUBITEM_RE.sub(lambda m: f"第{to_chinese(int(m[1]))}目", body)
    elif _FULL_SUBITEM_RE.search(written):
        body = _SUBITEM_RE.sub(lambda m: f"第{m[1].translate(_FULL_WIDTH)}目", body)
    joiners = _JOINER_RE.findall(written)
    last = body.rfind(_LAST_JOINER)
    if (
        joiners
        and joiners[-1] != _LAST_JOINER
        and last > 0
        and body[last + 1 :].startswith(ORDINAL_PREFIX)
    ):
        body = body[:last] + joiners[-1] + body[last + 1 :]
    return body


def _anchor(head: str, written: str, at: Citation, new: Regulation) -> Citation | None:
    """The unit a relative reference hangs from, where it stands in the new version: 本条 and
    前条 an article, 本款 and 前款 a 款, 本项 a 项; a bare 第二款 the article it stands in, a
    bare 第三项 the 款."""
    level = _HEADS.get(head)
    if level is None and not head:
        first = _FIRST_UNIT_RE.search(written)
        level = {"款": "article", "项": "paragraph", "目": "item"}.get(first[1] if first else "")
    if level is None or at.article is None:
        return None
    if level == "article":
        key = (at.article, at.suffix)
        if head == "前条":
            keys = [a.key for a in new.articles]
            if key not in keys or keys.index(key) == 0:
                return None
            key = keys[keys.index(key) - 1]
        return Citation(article=key[0], suffix=key[1])
    if at.paragraph is None:
        return None
    if level == "paragraph":
        number = at.paragraph - (head == "前款")
        return Citation(article=at.article, suffix=at.suffix, paragraph=number) if number else None
    if at.item is None:
        return None
    return Citation(article=at.article, suffix=at.suffix, paragraph=at.paragraph, item=at.item)


def _within(citation: Citation, anchor: Citation) -> bool:
    return all(getattr(citation, name) == value for name, value in anchor.levels()) and (
        citation.suffix == anchor.suffix
    )


def _scan_again(
    match: CitationMatch, at: Citation, reader: Callable[[], Scan]
) -> CitationMatch | None:
    """*match* read again where it stands now, at *at*, by *reader* (the new version's scan),
    or None when its words read otherwise there."""
    from .._citations.find import scan_text

    scan = reader()
    scan.named.clear()
    now = scan_text(match.text, at, scan)
    return now[0] if now and now[0].text == match.text else None


def _read_at(
    match: CitationMatch, at: Citation, reader: Callable[[], Scan], new: Regulation
) -> list[Citation] | None:
    """The units the words of a relative reference name where they stand now (read by *reader*,
    the new version's scan), or None when they read otherwise or name a unit that is not there."""
    again = _scan_again(match, at, reader)
    if again is None or again.value is None:
        return None
    out: list[Citation] = []
    for item in again.value.items:
        units = _units(item, new)
        if units is None:
            return None
        out.extend(units)
    return out


def _rewrite(match: CitationMatch, value: CitationList, at: Citation, new: Regulation) -> str:
    """What the reference should say: the instrument word as written (本条例, 《…》) or the
    relative head (本条, 前款) when the targets are still under it, then the pinpoints."""
    from .._citations.format import format_citation

    # (format_citation writes the only 款 of an article as the article, as practice does)
    try:
        body = format_citation(value, "statute", regulation=new)
    except CitationError:  # a list that would read back otherwise: each element in full
        pieces = [format_citation(i, "statute", regulation=new) for i in value.items]
        body = (
            _LIST_MARK.join(pieces[:-1]) + _LAST_JOINER + pieces[-1]
            if len(pieces) > 1
            else pieces[0]
        )
    written = match.text
    start = written.find(ORDINAL_PREFIX)
    head = written[:start] if start > 0 else ""
    if match.kind != "relative":
        return head + _restyle(body, written)
    anchor = _anchor(head, written[max(start, 0) :], at, new)
    ends = [
        c for i in value.items for c in ((i.start, i.end) if isinstance(i, CitationRange) else (i,))
    ]
    inside = None if anchor is None else _below(body, anchor, ends, new)
    if inside is not None:
        return head + _restyle(inside, written)
    return _restyle(body, written)  # the targets left the unit the head names: write them whole


def _below(body: str, holder: Citation, targets: list[Citation], new: Regulation) -> str | None:
    """*body* (the statute style) written below *holder* (第三款 below 第二条: ``第二条第三款``
    without ``第二条``) when every target is inside it, else None."""
    from .._citations.format import format_citation

    if not all(_within(t, holder) for t in targets):
        return None
    above = format_citation(holder, "statute", regulation=new)
    return body[len(above) :] if body.startswith(above) and body != above else None


def _unnumbered(
    match: CitationMatch,
    old_at: Citation,
    new_at: Citation,
    units: Followed,
    text: str,
    reader: Callable[[], Scan],
) -> StaleReference | None:
    """A relative reference without a number (前款, 前两款, 前条, 前三项; 本条 and 本款 never go
    stale) that names other units where it stands now than the ones it named: a 款 inserted
    between 第一款 and the 款 that says 前款.  What it should say is the number of what it
    named, written relative to the article (第一款) or the 款 (第一项) when it stays inside.
    *reader* gives the scan that reads the new version."""
    from .._citations.format import format_citation

    old, new = units.old, units.new
    named = match.citations
    if match.value is None or not named or any(_units(c, old) is None for c in named):
        return None
    went = [units.follow(c) for c in named]
    if not all(went):  # a target deleted (前款 after the 款 before it went): a drafter decides
        return StaleReference(new_at, old_at, match, match.value, None, None, None)
    targets = [t for each in went for t in each]
    if new_at == old_at and targets == list(named) and all(c.paragraph for c in named):
        return None  # 前款, 前项: counted inside the unit that holds them, which did not move
    again = _scan_again(match, new_at, reader)
    if again is not None and list(again.citations) == targets:
        return None
    value = CitationList(tuple(targets), match.value.conjunction)
    body = format_citation(value, "statute", regulation=new)
    article = Citation(article=new_at.article, suffix=new_at.suffix)
    holders = [article] if new_at.paragraph is None else [
        attrs.evolve(article, paragraph=new_at.paragraph), article]  # fmt: skip
    for holder in holders:  # the closest unit holding every target: 第一项 in its 款
        inside = _below(body, holder, targets, new)
        if inside is not None:
            body = inside
            break
    rewritten = text[: match.start] + body + text[match.end :]
    return StaleReference(new_at, old_at, match, match.value, value, body, rewritten)


class Followed(Protocol):
    """What the search needs of a map from an old version to a new one (:class:`~.unit_map.UnitMap`
    answers it for a comparison; an amendment applied answers it exactly)."""

    @property
    def old(self) -> Regulation:
        """The version the references were written for."""

    @property
    def new(self) -> Regulation:
        """The version the lines stand in."""

    @property
    def kept(self) -> Sequence[tuple[Citation, Citation, str]]:
        """The lines searched: (the unit's old citation, its new citation, one line of it)."""

    def follow(self, citation: Citation) -> tuple[Citation, ...]:
        """Where the old unit *citation* stands in the new version (none: it is gone)."""


def find_stale(units: UnitMap) -> list[StaleReference]:
    """Every stale reference in the units of the new version whose text did not change."""
    return [stale for _, stale in stale_in(units)]


def stale_in(
    units: Followed, written: Sequence[Sequence[bool]] | None = None
) -> list[tuple[int, StaleReference]]:
    """Every stale reference in the lines of ``units.kept``, with the index of its line there.

    A reference that names a unit that is gone has no replacement (a drafter decides), but a
    range some of whose units are gone runs over those left (第十二条至第十五条 with 第十三条
    deleted: 第十二条至第十四条).

    Args:
        units: the lines, their two versions and where each old unit went.
        written: one mask per line of ``units.kept``: a reference with a character marked is
            left out (wording an amendment wrote: it speaks the new numbers already).
    """
    from .._citations.find import own_scan, scan_text

    old, new = units.old, units.new
    found: list[tuple[tuple[Citation, int, int], int, StaleReference]] = []
    scan = own_scan(old)  # each line read as references() reads the old version's texts
    readers: list[Scan] = []

    def reader() -> Scan:  # the new version's, made once when a 前款 needs it
        if not readers:
            readers.append(own_scan(new))
        return readers[0]

    article: tuple[int | None, int] | None = None
    for line, (old_at, new_at, text) in enumerate(units.kept):
        mask = written[line] if written is not None else ()
        if (old_at.article, old_at.suffix) != article:
            article = (old_at.article, old_at.suffix)
            scan.named.clear()
        for match in scan_text(text, old_at, scan):
            if match.value is None or match.kind not in ("absolute", "internal", "relative"):
                continue
            if any(mask[match.start : match.end]):
                continue
            if match.kind == "relative" and ORDINAL_PREFIX not in match.text:
                # 前款, 前两款, 前条: no number, but what the words name moves with the unit
                unnumbered = _unnumbered(match, old_at, new_at, units, text, reader)
                if unnumbered is not None:
                    found.append(((new_at, line, match.start), line, unnumbered))
                continue
            items: list[Citation | CitationRange] = []
            followed: list[Citation] = []
            gone = dangling = False
            moved = False
            for item in match.value.items:
                cited = _units(item, old)
                if not cited:
                    dangling = True
                    break
                targets: list[Citation] = []
                lost = False
                for citation in cited:
                    if citation.level == "instrument":  # 《its own title》 alone: still itself
                        targets.append(citation)
                        continue
                    went = units.follow(citation)
                    lost = lost or not went
                    moved = moved or went != (citation,)
                    targets.extend(went)
                if lost and not (isinstance(item, CitationRange) and targets):
                    gone = True
                followed.extend(targets)
                items.extend(_regroup(item, targets, new))
            if dangling:
                continue
            if match.kind == "relative" and not gone:
                # 第二款, 本条第三款, 前条第一款: stale when the words, where they stand now, name
                # other units than the ones their targets became (moved or not)
                moved = _read_at(match, new_at, reader, new) != followed
            if not moved:
                continue
            value = None if gone else attrs.evolve(match.value, items=tuple(items))
            replacement = None if value is None else _rewrite(match, value, new_at, new)
            if replacement == match.text:
                continue
            rewritten = None
            if replacement is not None:
                rewritten = text[: match.start] + replacement + text[match.end :]
            stale = StaleReference(
                new_at, old_at, match, match.value, value, replacement, rewritten
            )
            found.append(((new_at, line, match.start), line, stale))
    found.sort(key=lambda kv: kv[0])
    return [(line, s) for _, line, s in found]
