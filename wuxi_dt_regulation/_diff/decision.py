"""A diff written as a 修改决定 (``RegulationDiff.to_amendment``), in the drafting style.

The decision names what it changes by the OLD numbers and puts what it adds at NEW numbers,
exactly as :func:`~wuxi_dt_regulation.parse_amendment` and ``Amendment.apply`` read them, so that
``parse_amendment(diff(a, b).to_amendment()).apply(a)`` has the chapters, articles and texts of
``b``.  How each change is written:

=====================================  ===================================================
change                                 instruction
=====================================  ===================================================
an article's text                      word edits, 款 and 项 replaced, added, deleted, or
                                       the article restated (:mod:`.drafting`)
an article deleted                     ``删去第X条``
an article added                       ``增加一条，作为第Y条：“…”``; ``在第N章中增加一条…``
                                       when it opens its chapter (or 节); ``在第X条后增加一条，
                                       作为第X条之一`` in a text that is not renumbered
articles merged                        ``将第X条和第Y条合并修改为：“…”``
an article moved (another chapter,     ``将第X条移至第N章[第M节]，作为第Y条``
or out of order)
a chapter or 节 retitled               ``将第N章的章名修改为“…”`` (节名, 编名)
a chapter or 节 added                  ``增加一章，作为第N章：“第N章 …”`` with its 节 and
                                       articles quoted; ``在第N章中增加一节，作为第M节：“…”``
a chapter or 节 deleted                ``删去第N章`` (after the articles it keeps are moved)
the title, the preamble                ``将名称修改为“…”``, ``将序言修改为：“…”``
=====================================  ===================================================

An article that moves into a chapter or 节 the decision adds is quoted there and deleted where
it stood.  When the articles keep their numbers (only text changes, deleted articles kept as
``第X条 （删去）``, inserted ones numbered 之一 …) the decision does not renumber; otherwise it
ends with ``…根据本决定作相应修改并对条文顺序作相应调整，重新公布``, and the new text must then be
numbered in sequence.  The title is the decision's own when the new version's 施行 line names
it (as ``Amendment.apply`` records it), else ``关于修改《…》的决定``; the header dates the
decision, and ``本决定自…起施行`` is written, when the new version's history says so.

A change no instruction form expresses raises :class:`~.drafting.Unwritable` (a ``ValueError``)
naming it: a 编, 分编 or unnumbered heading added, deleted or moved; numbering that is neither
the old one nor in sequence; wording the quotation rules would read as other units.  Free text
among the headings, appendices, subtitles and a table of contents are not text an instruction
amends, and are not written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.regulation import Regulation
from .._model.structure import Article, Division
from .._model.units import Paragraph
from .drafting import article_edits
from .plan import DELETED, Plan
from .quoting import Unwritable, article_quotable, cn, paragraph_lines, quotable, quote
from .restore import Group, Place, walk

if TYPE_CHECKING:
    from .regulation_diff import RegulationDiff

__all__ = ["heading_name", "to_amendment"]

_TITLE_WORD = {"章": "章名", "节": "节名", "编": "编名"}


def heading_name(place: Place) -> str:
    """An old heading as an instruction names it: 第三章, 第三章第二节, 第二编."""
    last = place[-1]
    if last.kind == "节":
        chapter = next((h for h in reversed(place[:-1]) if h.kind == "章"), None)
        if chapter is None:
            raise Unwritable(f"{last.text}: a 节 outside any 章 cannot be named")
        return f"第{cn(chapter.number)}章第{cn(last.number)}节"
    if last.kind in ("章", "编"):
        return f"第{cn(last.number)}{last.kind}"
    raise Unwritable(f"{last.text or '(an unnumbered heading)'}: no instruction names it")


class _Writer(Plan):
    """The plan (:class:`.plan.Plan`) written out as numbered instructions."""

    def __init__(self, diff: RegulationDiff, template: Regulation, old: Regulation) -> None:
        super().__init__(diff, template, old)
        self.out: list[tuple[float, int, str, str]] = []

    def add(self, position: float, *clauses: str) -> None:
        """One numbered instruction of *clauses*; one that ends quoting wording takes no 。."""
        end = "" if "：“" in clauses[-1] else "。"
        self.out.append((position, len(self.out), "；".join(clauses), end))

    def run(self) -> None:
        self.header_changes()
        for new_place, old_place in self.kept.items():
            if new_place[-1].title != old_place[-1].title:
                kind = old_place[-1].kind
                if kind not in _TITLE_WORD:
                    raise Unwritable(
                        f"{old_place[-1].text}: no instruction retitles a {kind or 'heading'}"
                    )
                self.title_ok(new_place[-1].title)
                self.add(self.sides.heading_rows[("new", new_place)],
                         f"将{heading_name(old_place)}的{_TITLE_WORD[kind]}修改为“{new_place[-1].title}”")  # fmt: skip
        moved_out: dict[Place, int] = {}
        staying = {id(o) for o, _, _ in self.stays}
        merged = {
            id(o) for g in self.merges if id(g.olds[0]) in staying and self.merge(g) for o in g.olds
        }
        for o, n, row in self.stays:
            if id(o) in merged:
                continue
            if self.keep and [p.text for p in n.paragraphs] == [DELETED] != [
                p.text for p in o.paragraphs
            ]:
                self.add(row, f"删去{o.label}")  # kept as 第X条 （删去）
                continue
            clauses = article_edits(o.label, o, n)
            if clauses:
                self.add(row, *clauses)
        for o, n, row in self.moves:
            dest = heading_name(self.kept[self.sides.new_place[id(n)]])
            self.add(row, f"将{o.label}移至{dest}，作为{n.label}", *article_edits(o.label, o, n))
            for deleted in self.deleted:
                if self.sides.old_place[id(o)][: len(deleted)] == deleted:
                    moved_out[deleted] = max(moved_out.get(deleted, 0), row)
        for o, row in self.gone:
            if id(o) not in merged and not self.doomed(self.sides.old_place[id(o)]):
                # where the text keeps its numbers, the deletion stands where its 第X条 （删去）
                # does: after what is inserted before it (第一条之一 before 删去第二条)
                self.add(self.placeholder_rows.get(o.key, row), f"删去{o.label}")
        for n, row in sorted(self.fresh, key=lambda f: self.new_index[id(f[0])]):
            place = self.sides.new_place[id(n)]
            if id(n) not in self.consumed and (not place or place in self.kept):
                self.add(row, self.insert(n, place))
        for place in self.inserted:
            self.add(self.sides.heading_rows[("new", place)], self.new_heading(place))
        for place in self.deleted:
            at = max(self.sides.heading_rows.get(("old", place), 0), moved_out.get(place, 0))
            self.add(at + 0.5, f"删去{heading_name(place)}")

    def merge(self, group: Group) -> bool:
        """将第X条和第Y条合并修改为：“…” for articles merged into one that stays."""
        rest = [o for o in group.olds[1:] if not self.doomed(self.sides.old_place[id(o)])]
        if len(rest) != len(group.olds) - 1 or not quotable(group.news[0].paragraphs):
            return False
        names = "和".join(o.label for o in group.olds)
        self.add(
            group.row, f"将{names}合并修改为：{quote(paragraph_lines(group.news[0].paragraphs))}"
        )
        return True

    def insert(self, article: Article, place: Place) -> str:
        if not article_quotable(article):
            raise Unwritable(
                f"{article.label}: its text cannot be quoted (a line would read as another unit)"
            )
        wording = quote(paragraph_lines(article.paragraphs))
        k = self.new_index[id(article)]
        before = self.articles[k - 1] if k else None
        same = before is not None and before[0] == place
        if self.keep and article.suffix and same and before is not None:
            old = next((o for o, n, _ in self.stays + self.moves if n is before[1]), None)
            anchor = (old or before[1]).label
            return f"在{anchor}后增加一条，作为{article.label}：{wording}"
        if place and not same:
            return f"在{heading_name(self.kept[place])}中增加一条，作为{article.label}：{wording}"
        return f"增加一条，作为{article.label}：{wording}"

    def new_heading(self, place: Place) -> str:
        head = place[-1]
        lines = [f"第{cn(head.number)}{head.kind} {head.title}".strip()]
        for inner, node in walk(self.new.body):
            if inner[: len(place)] != place or (inner == place and not isinstance(node, Article)):
                continue
            if isinstance(node, Article):
                if not article_quotable(node, labelled=True):
                    raise Unwritable(f"{node.label}: its text cannot be quoted under {head.text}")
                body = paragraph_lines(node.paragraphs)
                lines.extend([f"{node.label} {body[0]}", *body[1:]])
            elif inner[-1].kind == "节":
                lines.append(f"第{cn(inner[-1].number)}节 {inner[-1].title}".strip())
            else:
                raise Unwritable(f"{inner[-1].text}: a new 节 holds no headings of its own")
        if head.kind == "节":
            return f"在{heading_name(self.kept[place[:-1]])}中增加一节，作为第{cn(head.number)}节：{quote(lines)}"
        part = next((h for h in place[:-1] if h.kind == "编"), None)
        at = f"第{cn(part.number)}编第{cn(head.number)}章" if part else f"第{cn(head.number)}章"
        return f"增加一章，作为{at}：{quote(lines)}"

    def title_ok(self, title: str) -> None:
        if not title or title != title.strip() or not quotable([Paragraph(1, title)]):
            raise Unwritable(f"the title {title!r} cannot be quoted")

    def header_changes(self) -> None:
        for change in self.diff.header_changes:
            if change.field == "title":
                self.title_ok(self.new.title)
                self.add(-2, f"将名称修改为“{self.new.title}”")
            elif change.field == "preamble":
                self.add(-1, self.preamble(bool(change.old)))

    def preamble(self, had: bool) -> str:
        nodes: tuple[object, ...] = self.new.preamble
        if len(nodes) == 1 and isinstance(nodes[0], Division):
            nodes = nodes[0].children
        paragraphs = [n for n in nodes if isinstance(n, Paragraph)]
        if not had or not paragraphs or len(paragraphs) != len(nodes) or not quotable(paragraphs):
            raise Unwritable("the preamble is added, deleted or holds what wording cannot quote")
        return f"将序言修改为：{quote(paragraph_lines(paragraphs))}"

    def text(self) -> str:
        title = self.diff.old_title
        old_history = set(
            next((c.old for c in self.diff.header_changes if c.field == "history"), ())
        )
        added = [e for e in self.new.history if e.text not in old_history and e.date is not None]
        added = added if any(c.field == "history" for c in self.diff.header_changes) else []
        passed = next((e for e in reversed(added) if e.action != "施行"), None)
        starts = next((e for e in reversed(added) if e.action == "施行"), None)
        lines = [f"# {_decision_title(title, starts.text if starts is not None else '')}", ""]
        body = ""
        if passed is not None and passed.date is not None:
            body = passed.body or ""
            day = passed.date
            lines += [f"- {day.year}年{day.month}月{day.day}日{body}通过", ""]
        lines += ["<!-- INFO END -->", "", f"{body}决定对《{title}》作如下修改：", ""]
        for number, (_, _, text, end) in enumerate(sorted(self.out), 1):
            lines += [f"{cn(number)}、{text}{end}", ""]
        if starts is not None and starts.date is not None:
            day = starts.date
            lines += [f"本决定自{day.year}年{day.month}月{day.day}日起施行。", ""]
        adjusted = "" if self.keep else "并对条文顺序作相应调整"
        named = (
            "" if any(ch in title for ch in "。；;") else f"《{title}》"
        )  # a 。 would cut the clause
        lines.append(f"{named}根据本决定作相应修改{adjusted}，重新公布。")
        return "\n".join(lines) + "\n"


def _decision_title(title: str, commenced: str) -> str:
    """The decision's title: the one the new version's 施行 line names (《无锡市人民代表大会常务
    委员会关于修改〈…〉的决定》施行, as ``Amendment.apply`` records it), else 关于修改《…》的决定."""
    import re

    for found in re.finditer(r"《([^《》]*)》", commenced):
        named = found[1].replace("〈", "《").replace("〉", "》")
        if f"关于修改《{title}》" in named:
            return named
    return f"关于修改《{title}》的决定"


def to_amendment(diff: RegulationDiff, template: Regulation, old: Regulation) -> str:
    """The 修改决定 that makes the new version of *diff* from the old one (see the module
    docstring); *template* and *old* are the skeletons of the new and the old version the diff
    keeps (:mod:`.restore`).

    Raises:
        Unwritable: a change no instruction form expresses (the message names it).
    """
    writer = _Writer(diff, template, old)
    writer.run()
    return writer.text()
