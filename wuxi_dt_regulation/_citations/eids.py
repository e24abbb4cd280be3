"""Akoma Ntoso eIds read as citations: ``art_35__para_2__point_3``, ``part_3__subpart_2``, and the
full container path ``to_akn`` writes (``chp_5__art_35__para_2``, ``part_2__chp_2__art_120-1``).

The layout of the path (which containers an article's eId names) is the Akoma Ntoso writer's
(``_interchange.akn_write``): :func:`akn_paths` computes it the same way, and the round-trip
tests hold the two in step.
"""

from __future__ import annotations

import re

from .._model.citation import LEVELS, Citation
from .._model.errors import CitationError
from .._model.numerals import from_chinese
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart

__all__ = ["EID_RE", "akn_paths", "parse_eid"]

_RANK = {name: i for i, name in enumerate(LEVELS)}
EID_RE = re.compile(r"(?:part|subpart|chp|sec|dvs|art)_\d")
_EID_SEGMENT_RE = re.compile(
    r"(?P<name>part|subpart|chp|sec|dvs|art|para|point)_(?P<num>\d+)(?:-(?P<suffix>\d+))?"
)
_EID_LEVEL = {
    "part": "part",
    "subpart": "subpart",
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
        number = _eid_number(m["num"], text, pos)
        suffix = _eid_number(m["suffix"], text, pos + m.start("suffix")) if m["suffix"] else 0
        out.append((m["name"], number, suffix, pos))
        pos += len(segment) + 2
    return out


def akn_paths(regulation: Regulation) -> tuple[dict[tuple[int, int], _Path], dict[_Path, object]]:
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


def _eid_number(digits: str, text: str, pos: int) -> int:
    """The number *digits* (at *pos* in *text*) write: a segment's own number, whose error
    names the segment, or an article's ``-N``, whose error names the N."""
    try:
        return from_chinese(digits)
    except ValueError:
        raise CitationError(
            f"{digits!r} is not a number from 1 to 9999", text=text, column=pos + 1
        ) from None


def _eid_path(path: list[_Segment]) -> str:
    return "__".join(f"{name}_{number}" for name, number, _, _ in path)


def parse_eid(text: str, offset: int, regulation: Regulation | None) -> Citation:
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
        where = akn_paths(regulation)[0].get((citation.article or 0, citation.suffix))
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
    if name == "dvs":
        raise CitationError(
            "an unnumbered heading (dvs) cannot be cited: cite an article or a 编, 分编, 章 or 节",
            text=text,
            column=pos + 1,
        )
    if regulation is not None:
        given = tuple((n, number) for n, number, _, _ in path)
        node = akn_paths(regulation)[1].get(given)
        if isinstance(node, (Part, Subpart, Chapter, Section)):
            return node.citation
    fields = {_EID_LEVEL[n]: number for n, number, _, _ in path if n in _EID_LEVEL}
    if name != "subpart":
        fields.pop("subpart", None)  # a chapter's citation does not name its 分编
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
    # Nothing left to refuse: the numbers were read (1 … 9999), the article comes first and
    # each level below it once, in order, a 目 only after its 项.
    return Citation(suffix=segments[0][2], **fields)  # type: ignore[arg-type]
