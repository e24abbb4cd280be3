"""衔接性修改: the internal references whose target was renumbered, found and rewritten.

After a renumbering, the references elsewhere in the text must follow their targets
(本条例第十二条 → 本条例第十三条).  :func:`renumbered_references` finds them with
:func:`~wuxi_dt_regulation.find_citations` in the text of every 款, 项 and 目 (their further
paragraphs too) and says what each becomes; :func:`renumber_references` writes them.  A
comparison of two versions can ask the same question of a number map
(``RegulationDiff.number_map``).

Only references to the regulation's own articles move: ``absolute`` (第十二条) and ``internal``
(本条例第十二条, 《its own title》第十二条) ones.  Relative references (前款, 本条, 第二款 alone)
and references to other instruments are left alone; so are the article numbers of ranges and
lists one by one (第十二条至第十五条 → 第十三条至第十六条).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._citations.find import find_citations
from .._model.citation import Citation
from .._model.numerals import from_chinese
from .._model.regulation import Regulation
from .._model.structure import Article
from .._model.units import Item, Paragraph, SubItem
from .provenance import Unit

__all__ = ["ReferenceUpdate", "renumber_references", "renumbered_references"]

#: For each unit the text had before an amendment (by its citation in the amended text), one
#: mask per line (its text, then its further paragraphs): True where the amendment wrote the
#: character (:class:`.provenance.Provenance` makes it).
Written = Mapping[Citation, Sequence[Sequence[bool]]]

_ARTICLE_RE = re.compile(
    r"第(?P<num>[零〇一二三四五六七八九十百千两0-9０-９]+)条"
    r"(?:之(?P<suffix>[一二三四五六七八九十0-9０-９]+))?"
)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _numeral(value: int, written: str) -> str:
    """*value* written as *written* was: Chinese, ASCII digits (第35条) or full-width (第３５条)."""
    from .._model.numerals import to_chinese

    if written.isascii():
        return str(value)
    if written[0] in "０１２３４５６７８９":
        return str(value).translate(_FULL_WIDTH)
    return to_chinese(value)


@attrs.frozen
class ReferenceUpdate:
    """A reference to rewrite: in the unit ``at``, ``text[start:end]`` is ``old`` and becomes ``new``.

    ``line`` says which line of the unit holds it: 0 its text, *n* its *n*-th further paragraph
    (``continuation[n - 1]``: a 款 that quotes, a 项 or 目 of several paragraphs).

    >>> from wuxi_dt_regulation import parse
    >>> reg = parse("# 示例条例\\n\\n第一条 甲。\\n\\n第二条 依照本条例第一条。")
    >>> [(str(u.at), u.old, u.new) for u in renumbered_references(reg, {(1, 0): (3, 0)})]
    [('第二条第一款', '本条例第一条', '本条例第三条')]
    """

    at: Citation
    start: int
    end: int
    old: str
    new: str
    line: int = 0


def _rewrite(text: str, mapping: Mapping[tuple[int, int], tuple[int, int]]) -> str:
    def one(match: re.Match[str]) -> str:
        try:
            key = (
                from_chinese(match["num"]),
                from_chinese(match["suffix"]) if match["suffix"] else 0,
            )
        except ValueError:
            return match[0]
        new = mapping.get(key)
        if new is None or new == key:
            return match[0]
        suffix = f"之{_numeral(new[1], match['suffix'] or match['num'])}" if new[1] else ""
        return f"第{_numeral(new[0], match['num'])}条{suffix}"

    return _ARTICLE_RE.sub(one, text)


def _lines(at: Citation, unit: Paragraph | Item | SubItem) -> list[tuple[Citation, int, str]]:
    """The lines of a unit's own text, numbered as :attr:`ReferenceUpdate.line` says."""
    out = [(at, 0, unit.text)] if unit.text else []
    out.extend((at, n, line) for n, line in enumerate(unit.continuation, 1))
    return out


def _units(regulation: Regulation) -> list[tuple[Citation, int, str]]:
    out: list[tuple[Citation, int, str]] = []
    for article in regulation.articles:
        for paragraph in article.paragraphs:
            out.extend(_lines(paragraph.citation, paragraph))
            for item in paragraph.items:
                out.extend(_lines(item.citation, item))
                for sub in item.subitems:
                    out.extend(_lines(sub.citation, sub))
    return out


def renumbered_references(
    regulation: Regulation,
    mapping: Mapping[tuple[int, int], tuple[int, int]],
    *,
    skip: Callable[[Citation], bool] | frozenset[Citation] = frozenset(),
    written: Written | None = None,
) -> tuple[ReferenceUpdate, ...]:
    """The references of *regulation* to articles that *mapping* renumbers, and what they become.

    Args:
        regulation: the regulation whose text is searched (the amended one).
        mapping: old article keys ``(number, suffix)`` to new ones; keys that do not move may
            be left out.
        skip: units whose text is already in the new numbering (wording an amendment wrote): a
            set of citations of 款, or a predicate on a unit's citation.  A 款 in the set skips
            its 项 and 目 too.
        written: which characters of each unit an amendment wrote (by the unit's citation
            in *regulation*, one mask per line: its text, then its further paragraphs); with
            it, a reference is rewritten only when none of its characters are the amendment's
            (they already speak the new numbers), and a unit missing from it is left alone.

    Returns:
        One :class:`ReferenceUpdate` per reference that changes, in document order.
    """
    moved = {k: v for k, v in mapping.items() if k != v}
    if not moved:
        return ()
    skipped = (
        skip
        if callable(skip)
        else (lambda c: Citation(article=c.article, suffix=c.suffix, paragraph=c.paragraph) in skip)
    )
    out: list[ReferenceUpdate] = []
    for at, line, text in _units(regulation):
        if skipped(at):
            continue
        masks = None if written is None else written.get(at, ())
        if masks is not None and line >= len(masks):
            continue  # a unit (or a line of one) the amendment wrote
        for match in find_citations(text, at=at):
            if match.kind not in ("absolute", "internal"):
                continue
            if masks is not None and any(masks[line][match.start : match.end]):
                continue  # the amendment's words: already in the new numbering
            new = _rewrite(match.text, moved)
            if new != match.text:
                out.append(ReferenceUpdate(at, match.start, match.end, match.text, new, line))
    return tuple(out)


def _apply_text(text: str, updates: list[ReferenceUpdate]) -> str:
    for update in sorted(updates, key=lambda u: u.start, reverse=True):
        text = text[: update.start] + update.new + text[update.end :]
    return text


def renumber_references(
    regulation: Regulation,
    mapping: Mapping[tuple[int, int], tuple[int, int]],
    *,
    skip: Callable[[Citation], bool] | frozenset[Citation] = frozenset(),
    written: Written | None = None,
) -> Regulation:
    """Rewrite the references :func:`renumbered_references` finds; see there for the arguments.

    >>> from wuxi_dt_regulation import parse
    >>> reg = parse("# 示例条例\\n\\n第一条 甲。\\n\\n第二条 依照本条例第一条和前款。")
    >>> renumber_references(reg, {(1, 0): (3, 0)}).article(2).text
    '依照本条例第三条和前款。'
    """
    updates = renumbered_references(regulation, mapping, skip=skip, written=written)
    return _write(regulation, updates)


def _write(regulation: Regulation, updates: Sequence[ReferenceUpdate]) -> Regulation:
    """*regulation* with *updates* made (each in the line of the unit it names)."""
    if not updates:
        return regulation
    by_unit: dict[Citation, list[ReferenceUpdate]] = {}
    for update in updates:
        by_unit.setdefault(update.at, []).append(update)

    def own(unit: Paragraph | Item | SubItem) -> dict[str, Any]:
        """The unit's text and further paragraphs with their updates made."""
        found = by_unit.get(unit.citation)
        if not found:
            return {}
        lines = [unit.text, *unit.continuation]
        for n in range(len(lines)):
            mine = [u for u in found if u.line == n]
            if mine:
                lines[n] = _apply_text(lines[n], mine)
        return {"text": lines[0], "continuation": tuple(lines[1:])}

    def sub(unit: SubItem) -> SubItem:
        changes = own(unit)
        return attrs.evolve(unit, **changes) if changes else unit

    def item(unit: Item) -> Item:
        return attrs.evolve(unit, **own(unit), subitems=tuple(sub(s) for s in unit.subitems))

    def paragraph(unit: Paragraph) -> Paragraph:
        return attrs.evolve(unit, **own(unit), items=tuple(item(i) for i in unit.items))

    def walk(nodes: tuple[Any, ...]) -> tuple[Any, ...]:
        out: list[object] = []
        for node in nodes:
            if isinstance(node, Article):
                node = attrs.evolve(node, paragraphs=tuple(paragraph(p) for p in node.paragraphs))
            elif hasattr(node, "children") and not isinstance(node, Paragraph):
                node = attrs.evolve(node, children=walk(node.children))
            out.append(node)
        return tuple(out)

    return attrs.evolve(regulation, body=walk(regulation.body), warnings=())


class Moves(NamedTuple):
    """Where everything an amendment kept went: what :func:`followed_references` follows."""

    #: every unit of the amended text that the regulation had (:meth:`.provenance.Provenance.units`)
    units: Sequence[Unit]
    #: old article keys to new ones (deleted articles left out)
    articles: Mapping[tuple[int, int], tuple[int, int]]
    #: old 编, 分编, 章 and 节 citations to new ones (deleted headings left out)
    headings: Mapping[Citation, Citation]


class _Followed:
    """An amendment's working copy after the fact, as :func:`.._diff.stale.stale_in` reads a map
    between two versions: every unit the regulation had, exactly where it went."""

    def __init__(self, old: Regulation, new: Regulation, moves: Moves) -> None:
        self.old, self.new = old, new
        units = moves.units
        self.kept = [(unit.was, unit.now, line) for unit in units for line in unit.lines]
        self.masks = [mask for unit in units for mask in unit.masks]
        self.lines = [(unit.now, n) for unit in units for n in range(len(unit.lines))]
        self._units = {unit.was: unit.now for unit in units}
        self._whole = {
            was: (Citation(article=now[0], suffix=now[1]),) for was, now in moves.articles.items()
        }
        self._headings = moves.headings

    def follow(self, citation: Citation) -> tuple[Citation, ...]:
        from .._diff.unit_map import follow_unit

        return follow_unit(citation, self.old, self.new, self._headings, self._whole, self._units)


def followed_references(
    old: Regulation, new: Regulation, moves: Moves
) -> tuple[ReferenceUpdate, ...]:
    """The references of *new* (an amended text) whose targets an amendment moved, rewritten
    to name them where they stand now: articles, 款, 项, 目 and headings, absolute, internal and
    relative (本条第二款, a bare 第三项, 前款 once a 款 came between), read as *old* reads them
    (:mod:`.._diff.stale`).

    Args:
        old: the regulation before the amendment.
        new: the amended regulation, references not yet rewritten.
        moves: where every unit and heading *old* had went; which characters of the units'
            lines the amendment wrote (references there are left alone: they speak the new
            numbers).

    A reference whose target was deleted is left as written (a drafter decides); a range loses
    the units deleted from it (第十二条至第十五条 with 第十三条 deleted: 第十二条至第十四条).
    """
    from .._diff.stale import stale_in

    followed = _Followed(old, new, moves)
    out: list[ReferenceUpdate] = []
    for line, stale in stale_in(followed, followed.masks):
        if stale.replacement is None:
            continue
        at, n = followed.lines[line]
        match = stale.match
        out.append(ReferenceUpdate(at, match.start, match.end, match.text, stale.replacement, n))
    return tuple(out)


def follow_references(old: Regulation, new: Regulation, moves: Moves) -> Regulation:
    """*new* with the references :func:`followed_references` finds rewritten."""
    return _write(new, followed_references(old, new, moves))
