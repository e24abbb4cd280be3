"""The one walk over a regulation's units that the HTML page, the SQLite database and the JSON
Lines records are written from: :func:`walk_units`.

Every unit (编, 分编, 章, 节, unnumbered headings, 条, 款, 项, 目, tables, free paragraphs and
appendices) is visited once, in document order (the preamble, the body, the appendices), as a
:class:`UnitInfo`: its Akoma Ntoso eId, its parent's, its level, number, printed label, own
text, citation and the headings above it.

The eIds are exactly those :func:`~wuxi_dt_regulation.to_akn` writes (the container path,
``chp_5__art_35__para_2__point_3``, unique in the document with ``-dup2`` … for repeated
numbers), allocated in the same order; ``tests/test_html.py`` holds the two in step over the
corpus.  The preamble has no eIds in Akoma Ntoso (the schema admits no hierarchy there): its
units are named the same way under ``preamble__``.

This is the place to extend when the model grows (a new kind of unit, text that continues after
a list of 项): the three writers read units only from here.  The further paragraphs of a 款, 项
or 目 are the lines of its ``text`` after the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, TypeAlias

import attrs

from .._model.citation import Citation
from .._model.labels import PARAGRAPH_UNIT, unit_label
from .._model.regulation import Regulation
from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Item, Paragraph, SubItem, Table
from .akn import EID_OF

__all__ = [
    "LEVELS",
    "Heading",
    "Level",
    "Region",
    "Regulations",
    "UnitInfo",
    "full_text",
    "named",
    "walk_units",
]

#: The levels a :class:`UnitInfo` can have, top down.
LEVELS = ("appendix", "part", "subpart", "chapter", "section", "division", "article",
          "paragraph", "item", "subitem", "table")  # fmt: skip
Level: TypeAlias = Literal[
    "appendix", "part", "subpart", "chapter", "section", "division", "article", "paragraph",
    "item", "subitem", "table",
]  # fmt: skip
Region: TypeAlias = Literal["preamble", "body", "appendix"]
#: What :func:`to_sqlite` and :func:`~wuxi_dt_regulation.to_jsonl` accept: one regulation, an
#: iterable of them, or a mapping from each one's source (a file name) to the regulation.
Regulations: TypeAlias = Regulation | Iterable[Regulation] | Mapping[str, Regulation]

_LEVEL_OF: dict[type, Level] = {
    Part: "part", Subpart: "subpart", Chapter: "chapter", Section: "section",
}  # fmt: skip


@attrs.frozen
class Heading:
    """A heading above a unit: its level (``chapter``), label (``第五章``) and title."""

    level: Level
    label: str
    title: str


@attrs.frozen
class UnitInfo:
    """One unit of a regulation, as :func:`walk_units` visits it.

    Attributes:
        order: 1-based position in document order.
        eid: the Akoma Ntoso eId (``chp_5__art_35__para_2``), unique in the regulation.
        parent: the eId of the unit holding it, or None at the top.
        depth: how many units hold it (0 at the top).
        level: ``part`` … ``subitem``, ``division`` (a heading with no number), ``table``,
            ``appendix``; a 款 of free text outside any article is a ``paragraph`` too.
        number: the unit's number (a 款's position), or None for unnumbered units.
        label: as printed or cited: ``第五章``, ``第三十五条``, ``第二款``, ``（三）``, ``1．``,
            ``（1）``; a division's or appendix's title; empty for tables and free paragraphs.
        title: a heading's title (``总 则``), an appendix's title; empty otherwise.
        text: the unit's own text: a 款's introduction, a 项's or 目's text without its marker,
            each followed by its further paragraphs (``continuation``), a table's lines, one
            line each; empty for containers (headings, 条).
        citation: where the unit stands (``.citation``), for the citable units of the body;
            None elsewhere (free text, the preamble, appendices, the fourth level （1）, 分编).
        at: the citation of the nearest citable unit holding it (itself when it has one).
        region: ``preamble``, ``body`` or ``appendix``.
        headings: the headings above it, outermost first (编, 分编, 章, 节, divisions,
            the appendix).
        scanned: True for the texts :meth:`Regulation.references` reads (the 款, 项 and 目 of
            the body's articles), in the order it reads them.
        node: the model value itself.
    """

    order: int
    eid: str
    parent: str | None
    depth: int
    level: Level
    number: int | None
    label: str
    title: str
    text: str
    citation: Citation | None
    at: Citation | None
    region: Region
    headings: tuple[Heading, ...]
    scanned: bool
    node: object = attrs.field(eq=False, repr=False)


def _own_text(unit: Paragraph | Item | SubItem) -> str:
    """A unit's text and its further paragraphs, one line each (the 项 and 目 under it not)."""
    return "\n".join((unit.text, *unit.continuation)) if unit.continuation else unit.text


class _Walk:
    """Allocates eIds the way ``to_akn``'s writer does and collects the units in order."""

    def __init__(self) -> None:
        # to_akn reserves the fixed eIds of its <meta> block before writing the body
        self.used: set[str] = {"wdr", "author"}
        self.out: list[UnitInfo] = []

    def eid(self, prefix: str, name: str) -> str:
        base = f"{prefix}__{name}" if prefix else name
        eid, n = base, 2
        while eid in self.used:
            eid, n = f"{base}-dup{n}", n + 1
        self.used.add(eid)
        return eid

    def add(self, **fields: object) -> UnitInfo:
        unit = UnitInfo(order=len(self.out) + 1, **fields)  # type: ignore[arg-type]
        self.out.append(unit)
        return unit

    def hier(
        self,
        nodes: tuple[object, ...],
        prefix: str,
        parent: UnitInfo | None,
        region: Region,
        headings: tuple[Heading, ...],
    ) -> None:
        paragraphs = tables = divisions = 0
        common = {"parent": parent.eid if parent else None, "depth": parent.depth + 1 if parent
                  else 0, "region": region, "headings": headings}  # fmt: skip
        at = parent.at if parent else None
        for node in nodes:
            if isinstance(node, Paragraph):
                paragraphs += 1
                self.paragraph(node, self.eid(prefix, f"para_{paragraphs}"), parent, region,
                               headings, in_article=False)  # fmt: skip
            elif isinstance(node, Table):
                tables += 1
                self.add(eid=self.eid(prefix, f"tbl_{tables}"), level="table", number=None,
                         label="", title="", text="\n".join(node.lines), citation=None, at=at,
                         scanned=False, node=node, **common)  # fmt: skip
            elif isinstance(node, Article):
                suffix = f"-{node.suffix}" if node.suffix else ""
                cited = node.citation if region == "body" else None
                unit = self.add(eid=self.eid(prefix, f"art_{node.number}{suffix}"),
                                level="article", number=node.number, label=node.label,
                                title="", text="", citation=cited, at=cited or at,
                                scanned=False, node=node, **common)  # fmt: skip
                for para in node.paragraphs:
                    self.paragraph(para, self.eid(unit.eid, f"para_{para.number}"), unit,
                                   region, headings, in_article=True)  # fmt: skip
            elif isinstance(node, Division):
                divisions += 1
                unit = self.add(eid=self.eid(prefix, f"dvs_{divisions}"), level="division",
                                number=None, label=node.title, title=node.title, text="",
                                citation=None, at=at, scanned=False, node=node,
                                **common)  # fmt: skip
                here = (*headings, Heading("division", node.title, node.title))
                self.hier(node.children, unit.eid, unit, region, here)
            elif isinstance(node, (Part, Subpart, Chapter, Section)):
                level = _LEVEL_OF[type(node)]
                cited = None
                if region == "body" and not isinstance(node, Subpart):
                    cited = node.citation
                unit = self.add(eid=self.eid(prefix, f"{EID_OF[type(node)]}_{node.number}"),
                                level=level, number=node.number, label=node.label,
                                title=node.title, text="", citation=cited, at=cited or at,
                                scanned=False, node=node, **common)  # fmt: skip
                here = (*headings, Heading(level, node.label, node.title))
                self.hier(node.children, unit.eid, unit, region, here)

    def paragraph(
        self,
        para: Paragraph,
        eid: str,
        parent: UnitInfo | None,
        region: Region,
        headings: tuple[Heading, ...],
        *,
        in_article: bool,
    ) -> None:
        body = in_article and region == "body"
        cited = para.citation if body else None
        label = unit_label(para.number, PARAGRAPH_UNIT) if in_article else ""
        unit = self.add(eid=eid, parent=parent.eid if parent else None,
                        depth=parent.depth + 1 if parent else 0, level="paragraph",
                        number=para.number if in_article else None, label=label, title="",
                        text=_own_text(para), citation=cited,
                        at=cited or (parent.at if parent else None), region=region,
                        headings=headings, scanned=body, node=para)  # fmt: skip
        if para.items:
            self.eid(eid, "list_1")
        for item in para.items:
            self.point(item, self.eid(eid, f"point_{item.number}"), unit, body, 0)

    def point(
        self,
        point: Item | SubItem,
        eid: str,
        parent: UnitInfo,
        body: bool,
        depth: int,
        paren: bool = False,
    ) -> None:
        # depth 0: a 项 （一） (or 1．); 1: a 目 1． (（1） under a 项 printed 1．, *paren*); 2: the
        # fourth level （1）, which has no citation
        if isinstance(point, Item):
            label, level = point.label, "item"
        else:
            dot = depth == 1 and not paren
            label = f"{point.number}．" if dot else f"（{point.number}）"
            level = "subitem"
        cited = point.citation if body and depth < 2 else None
        unit = self.add(eid=eid, parent=parent.eid, depth=parent.depth + 1, level=level,
                        number=point.number, label=label, title="", text=_own_text(point),
                        citation=cited, at=cited or parent.at, region=parent.region,
                        headings=parent.headings, scanned=body, node=point)  # fmt: skip
        if point.subitems:
            self.eid(eid, "list_1")
        arabic = isinstance(point, Item) and point.arabic
        for sub in point.subitems:
            self.point(sub, self.eid(eid, f"point_{sub.number}"), unit, body, depth + 1, arabic)

    def appendix(self, number: int, appendix: Appendix) -> None:
        unit = self.add(eid=self.eid("", f"att_{number}"), parent=None, depth=0,
                        level="appendix", number=number, label=appendix.title,
                        title=appendix.title, text="", citation=None, at=None,
                        region="appendix", headings=(), scanned=False,
                        node=appendix)  # fmt: skip
        here = (Heading("appendix", appendix.title, appendix.title),)
        self.hier(appendix.children, unit.eid, unit, "appendix", here)


def walk_units(regulation: Regulation) -> Iterator[UnitInfo]:
    """Every unit of *regulation* in document order, with its eId (see the module's docstring).

    >>> from wuxi_dt_regulation import parse
    >>> reg = parse("# 示例条例\\n\\n## 第一章 总则\\n\\n第一条 下列事项：\\n\\n（一）甲；\\n\\n（二）乙。\\n")
    >>> [(u.eid, u.level, u.label) for u in walk_units(reg)][:3]
    [('chp_1', 'chapter', '第一章'), ('chp_1__art_1', 'article', '第一条'), ('chp_1__art_1__para_1', 'paragraph', '第一款')]
    >>> item = list(walk_units(reg))[-1]
    >>> item.eid, item.label, item.text, str(item.citation), [h.label for h in item.headings]
    ('chp_1__art_1__para_1__point_2', '（二）', '乙。', '第一条第一款第二项', ['第一章'])
    """
    walk = _Walk()
    walk.hier(regulation.preamble, "preamble", None, "preamble", ())
    walk.hier(regulation.body, "", None, "body", ())
    for number, appendix in enumerate(regulation.appendices, 1):
        walk.appendix(number, appendix)
    return iter(walk.out)


def full_text(units: list[UnitInfo], index: int) -> str:
    """The text of ``units[index]`` with everything under it, one printed line each: a 款's
    introduction and its 项 and 目 with their markers (``（一）…``), an article's 款 in turn,
    a table's lines; as :attr:`Paragraph.full_text` and :attr:`Article.text` print them.

    *units* is the whole list :func:`walk_units` returned (the units under one follow it).
    """
    unit = units[index]
    lines = [unit.text] if unit.text else []
    inside = {unit.eid}
    for child in units[index + 1 :]:
        if child.parent not in inside:
            break
        inside.add(child.eid)
        if child.level in ("item", "subitem"):
            lines.append(child.label + child.text)
        elif child.text:
            lines.append(child.text)
    return "\n".join(lines)


def named(regulations: Regulations) -> list[tuple[str | None, Regulation]]:
    """The regulations to write, each with its source (None when not given), in order."""
    if isinstance(regulations, Regulation):
        return [(None, regulations)]
    pairs: list[tuple[str | None, Regulation]]
    if isinstance(regulations, Mapping):
        pairs = [(str(source), reg) for source, reg in regulations.items()]
    else:
        pairs = [(None, reg) for reg in regulations]
    for _, reg in pairs:
        if not isinstance(reg, Regulation):
            raise TypeError(f"expected Regulation values, got {type(reg).__name__}")
    return pairs
