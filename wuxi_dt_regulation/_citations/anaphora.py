"""该条第二款, 同条第三项, 该款第一项: a 款 or 项 of the article (款) the text has just cited.

``第十条第一款和同条第二款`` is 第十条第二款, and ``依照刑法第五条的规定……该条第二款`` is 刑法第五条第二款:
the anaphor points back to the citation right before it, never to the article the text stands
in (which is what ``第二款`` alone means).  With no citation before it in the same text, or one
that names no article (有关法律、法规, a range of articles, 《刑法》 alone), nothing says which article it
is: the match is ``unresolvable``.
"""

from __future__ import annotations

from .._model.citation import Citation
from .._model.ranges import CitationList, CitationRange
from .._model.references import CitationMatch
from .context import Scan
from .grammar import Group
from .resolve import resolve_group

__all__ = ["anaphor", "anaphoric_match"]

_SPACES = " \t\u3000\u00a0"
#: What may follow each anaphor: the levels below the unit it names.
_BELOW = {"条": {"paragraph", "item", "subitem"}, "款": {"item", "subitem"}}


def anaphor(text: str, start: int, lower: int) -> tuple[int, str] | None:
    """Where the 该条/同条/该款/同款 right before ``text[start]`` (a 第) starts, and its unit
    (条 or 款); None when there is none (nothing before *lower* is looked at)."""
    q = start
    while q > lower and text[q - 1] in _SPACES:
        q -= 1
    if q - 2 < lower or text[q - 2] not in "该同" or text[q - 1] not in "条款":
        return None
    return q - 2, text[q - 1]


def anaphoric_match(
    text: str, found: tuple[int, str], group: Group, previous: CitationMatch | None, scan: Scan
) -> CitationMatch:
    """The match of *group* (read at the 第 after the anaphor *found*), resolved against the
    citation *previous* (the match right before it in the same text)."""
    begin, unit = found
    span = text[begin : group.end]
    last = _last_unit(previous, unit)
    below = _BELOW[unit]
    if last is None or not all(
        ref.rel is None and ref.levels and below.issuperset(ref.levels)
        for element in group.elements
        for ref in element.refs
    ):
        return CitationMatch(begin, group.end, span, "unresolvable")
    assert previous is not None
    if last.title is None:
        # the document's own article: resolved as 第二款 alone would be there (a 项 gets its 款)
        # (the kind the citation before it has: absolute, internal or relative, 本条第一款)
        value = resolve_group(group, last, scan)[1]
        if value is None:
            return CitationMatch(begin, group.end, span, "unresolvable")
        kind = previous.kind
        return CitationMatch(begin, group.end, span, kind, value, regulation=scan.regulation)
    items: list[Citation | CitationRange] = []
    try:
        for element in group.elements:
            ends = [
                Citation(
                    title=last.title,
                    article=last.article,
                    suffix=last.suffix,
                    paragraph=last.paragraph if unit == "款" else ref.levels.get("paragraph"),
                    item=ref.levels.get("item"),
                    subitem=ref.levels.get("subitem"),
                )
                for ref in element.refs
            ]
            items.append(ends[0] if len(ends) == 1 else CitationRange(ends[0], ends[1]))
    except ValueError:  # 同条第二目 (a 目 without its 项), 同条第二款至第三项 (across levels)
        return CitationMatch(begin, group.end, span, "unresolvable")
    value = CitationList(tuple(items), group.conjunction)
    return CitationMatch(begin, group.end, span, "external", value, regulation=scan.regulation)


def _last_unit(previous: CitationMatch | None, unit: str) -> Citation | None:
    """The article (for 条) or 款 (for 款) *previous* cites last, as the base of an anaphor."""
    if previous is None or previous.value is None:
        return None
    last = previous.value.items[-1]
    if isinstance(last, CitationRange):
        return None  # 第五条至第七条和该条第二款: which of them?
    if last.article is None or (unit == "款" and last.paragraph is None):
        return None
    paragraph = last.paragraph if unit == "款" else None
    return Citation(title=last.title, article=last.article, suffix=last.suffix, paragraph=paragraph)
