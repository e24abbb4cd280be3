"""The model -> Akoma Ntoso 3.0 XML: :func:`to_akn` (the mapping is described in ``_akn``).

The element tree is built with ``xml.etree`` (imported on first use) and printed by hand, so
that the Akoma Ntoso namespace is the default one while our attributes keep their ``wdr:``
prefix.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._akn import (
    _A,
    _BREAK,
    _EID,
    _LEVEL,
    _PIPES,
    _TAG,
    AKN_NS,
    EVENT_NAMES,
    UNDATED,
    WDR_NS,
    _dates,
    work_uri,
)
from ._errors import SerializationError
from ._model import (
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    Part,
    Section,
    SubItem,
    Subpart,
    Table,
)
from ._regulation import Regulation

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["to_akn"]

_ILLEGAL_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _Writer:
    """Builds the element tree; hands out unique eIds."""

    def __init__(self) -> None:
        from xml.etree import ElementTree

        self.et = ElementTree
        self.used: set[str] = set()
        self.labels: dict[str, str] = {}  # "第一章" -> its first eId, for the toc

    def el(
        self, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
    ) -> Element:
        element = self.et.Element(_A + tag, attrib or {})
        if text is not None:
            element.text = self.check(text)
        return element

    def sub(
        self,
        parent: Element,
        tag: str,
        attrib: dict[str, str] | None = None,
        text: str | None = None,
    ) -> Element:
        child = self.el(tag, attrib, text)
        parent.append(child)
        return child

    def check(self, text: str) -> str:
        bad = _ILLEGAL_XML_RE.search(text)
        if bad is not None:
            raise SerializationError(
                f"the character U+{ord(bad[0]):04X} cannot be written in XML 1.0: {text!r}",
                path="$",
            )
        return text

    def eid(self, prefix: str, name: str) -> str:
        base = f"{prefix}__{name}" if prefix else name
        eid, n = base, 2
        while eid in self.used:
            eid, n = f"{base}-dup{n}", n + 1
        self.used.add(eid)
        return eid

    # ---- body: hierarchical elements

    def hier(self, parent: Element, nodes: tuple[object, ...], prefix: str) -> None:
        paragraphs = tables = divisions = 0
        for node in nodes:
            if isinstance(node, Paragraph):
                paragraphs += 1
                self.paragraph(parent, node, self.eid(prefix, f"para_{paragraphs}"))
            elif isinstance(node, Table):
                tables += 1
                box = self.sub(
                    parent,
                    "hcontainer",
                    {"name": "table", "eId": self.eid(prefix, f"tbl_{tables}")},
                )
                content = self.sub(box, "content")
                if node.lines:
                    self.table(content, node)
                else:
                    self.sub(content, "p")
            elif isinstance(node, Article):
                eid = self.eid(
                    prefix, f"art_{node.number}" + (f"-{node.suffix}" if node.suffix else "")
                )
                article = self.sub(parent, "article", {"eId": eid})
                self.sub(article, "num", text=node.label)
                for para in node.paragraphs:
                    self.paragraph(article, para, self.eid(eid, f"para_{para.number}"))
            elif isinstance(node, Division):
                divisions += 1
                eid = self.eid(prefix, f"dvs_{divisions}")
                division = self.sub(parent, "division", {"eId": eid, _LEVEL: str(node.level)})
                if node.title:
                    self.sub(division, "heading", text=node.title)
                self.hier(division, node.children, eid)
            elif isinstance(node, (Part, Subpart, Chapter, Section)):
                kind = type(node)
                eid = self.eid(prefix, f"{_EID[kind]}_{node.number}")
                self.labels.setdefault(node.label, eid)
                element = self.sub(parent, _TAG[kind], {"eId": eid})
                self.sub(element, "num", text=node.label)
                if node.title:
                    self.sub(element, "heading", text=node.title)
                self.hier(element, node.children, eid)
            else:
                raise SerializationError(f"cannot write a {type(node).__name__}", path=prefix)

    def paragraph(self, parent: Element, para: Paragraph, eid: str) -> None:
        attrib = {"eId": eid}
        if para.break_before:
            attrib[_BREAK] = "true"
        element = self.sub(parent, "paragraph", attrib)
        if not para.items:
            self.sub(self.sub(element, "content"), "p", text=para.text)
            return
        listing = self.sub(element, "list", {"eId": self.eid(eid, "list_1")})
        if para.text:
            self.sub(self.sub(listing, "intro"), "p", text=para.text)
        for item in para.items:
            self.point(
                listing,
                item.label,
                item.text,
                item.subitems,
                self.eid(eid, f"point_{item.number}"),
                1,
            )

    def point(
        self,
        parent: Element,
        label: str,
        text: str,
        subitems: tuple[SubItem, ...],
        eid: str,
        depth: int,
    ) -> None:
        point = self.sub(parent, "point", {"eId": eid})
        self.sub(point, "num", text=label)
        if not subitems:
            self.sub(self.sub(point, "content"), "p", text=text)
            return
        listing = self.sub(point, "list", {"eId": self.eid(eid, "list_1")})
        if text:
            self.sub(self.sub(listing, "intro"), "p", text=text)
        for sub in subitems:
            self.point(
                listing,
                _subitem_label(sub.number, depth),
                sub.text,
                sub.subitems,
                self.eid(eid, f"point_{sub.number}"),
                depth + 1,
            )

    def table(self, parent: Element, table: Table) -> None:
        element = self.sub(parent, "table")
        for line in table.lines:
            pipes = ""
            body = line
            if len(body) >= 2 and body.startswith("|") and body.endswith("|"):
                pipes, body = "both", body[1:-1]
            elif body.startswith("|"):
                pipes, body = "start", body[1:]
            elif body.endswith("|"):
                pipes, body = "end", body[:-1]
            row = self.sub(element, "tr", {_PIPES: pipes} if pipes else {})
            for cell in body.split("|"):
                self.sub(self.sub(row, "td"), "p", text=cell)

    # ---- preamble: block elements

    def blocks(self, parent: Element, nodes: tuple[object, ...]) -> None:
        for node in nodes:
            if isinstance(node, Paragraph):
                attrib = {"class": "paragraph"}
                if node.break_before:
                    attrib[_BREAK] = "true"
                box = self.sub(parent, "blockContainer", attrib)
                if node.text:
                    self.sub(box, "p", text=node.text)
                if node.items:
                    self.block_items(box, node.items)
            elif isinstance(node, Table):
                if node.lines:
                    self.table(parent, node)
                else:
                    self.sub(self.sub(parent, "blockContainer", {"class": "table"}), "p")
            elif isinstance(node, Article):
                box = self.sub(parent, "blockContainer", {"class": "article"})
                self.sub(box, "num", text=node.label)
                self.blocks(box, node.paragraphs)
                if not node.paragraphs:
                    self.sub(box, "p")
            elif isinstance(node, Division):
                box = self.sub(
                    parent, "blockContainer", {"class": "division", _LEVEL: str(node.level)}
                )
                if node.title:
                    self.sub(box, "heading", text=node.title)
                self.blocks(box, node.children)
                if not node.children:
                    self.sub(box, "p")
            else:
                raise SerializationError(
                    f"a {type(node).__name__} cannot stand in the preamble", path="$.preamble"
                )

    def block_items(
        self, parent: Element, items: tuple[Item, ...] | tuple[SubItem, ...], depth: int = 0
    ) -> None:
        listing = self.sub(parent, "blockList")
        for entry in items:
            label = entry.label if isinstance(entry, Item) else _subitem_label(entry.number, depth)
            item = self.sub(listing, "item")
            self.sub(item, "num", text=label)
            self.sub(item, "p", text=entry.text)
            if entry.subitems:
                self.block_items(item, entry.subitems, depth + 1)


def _subitem_label(number: int, depth: int) -> str:
    """目 print ``1．``; the fourth level under them prints ``（1）``."""
    return f"{number}．" if depth == 1 else f"（{number}）"


def _meta(w: _Writer, regulation: Regulation, work: str) -> Element:
    work_date, expr_date = _dates(regulation)
    expression = f"{work}/zho@{expr_date}"
    meta = w.el("meta")
    ident = w.sub(meta, "identification", {"source": "#wdr"})
    levels = (
        ("FRBRWork", f"{work}/!main", work, work_date, "#author"),
        ("FRBRExpression", f"{expression}/!main", expression, expr_date, "#author"),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn", expr_date, "#wdr"),
    )
    for tag, this, uri, date, author in levels:
        level = w.sub(ident, tag)
        w.sub(level, "FRBRthis", {"value": this})
        w.sub(level, "FRBRuri", {"value": uri})
        w.sub(
            level,
            "FRBRdate",
            {"date": date, "name": "generation" if date != UNDATED else "unknown"},
        )
        w.sub(level, "FRBRauthor", {"href": author})
        if tag == "FRBRWork":
            w.sub(level, "FRBRcountry", {"value": "cn"})
            w.sub(level, "FRBRsubtype", {"value": work.split("/")[4]})
            w.sub(level, "FRBRname", {"value": w.check(regulation.title)})
        elif tag == "FRBRExpression":
            w.sub(level, "FRBRlanguage", {"language": "zho"})
    return meta


def _lifecycle_and_references(w: _Writer, meta: Element, history: tuple[Event, ...]) -> None:
    bodies: dict[str, str] = {}
    actions: list[str] = []
    dated = [event for event in history if event.date is not None]
    if dated:
        lifecycle = w.sub(meta, "lifecycle", {"source": "#wdr"})
        for n, event in enumerate(dated, 1):
            body = event.body
            source = "#wdr"
            if body is not None:
                source = "#" + bodies.setdefault(body, f"org_{len(bodies) + 1}")
            assert event.date is not None
            attrib = {
                "eId": f"evt_{n}",
                "date": event.date.isoformat(),
                "source": source,
                "type": "amendment" if event.action in ("修正", "修订") and n > 1 else "generation",
            }
            if event.action is not None:
                attrib["refersTo"] = "#" + EVENT_NAMES[event.action]
                if event.action not in actions:
                    actions.append(event.action)
            w.sub(lifecycle, "eventRef", attrib)
    references = w.sub(meta, "references", {"source": "#wdr"})
    w.sub(
        references,
        "TLCOrganization",
        {
            "eId": "wdr",
            "href": "/ontology/organization/wuxi-dt-regulation",
            "showAs": "wuxi_dt_regulation",
        },
    )
    first_body = next((e.body for e in history if e.body is not None), None)
    w.sub(
        references,
        "TLCOrganization",
        {
            "eId": "author",
            "href": "/ontology/organization/cn/enactor",
            "showAs": w.check(first_body or "unknown"),
        },
    )
    for body, eid in bodies.items():
        w.sub(
            references,
            "TLCOrganization",
            {"eId": eid, "href": f"/ontology/organization/cn/{eid}", "showAs": w.check(body)},
        )
    for action in actions:
        name = EVENT_NAMES[action]
        w.sub(
            references,
            "TLCEvent",
            {"eId": name, "href": f"/ontology/event/{name}", "showAs": action},
        )


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def _serialize(element: Element, depth: int, out: list[str], declarations: str = "") -> None:
    """Write *element* two spaces per level; text only ever stands in elements without children.

    Written by hand rather than with ``ElementTree.tostring``: that one cannot give the Akoma
    Ntoso namespace no prefix while our attributes keep theirs, short of a process-wide
    ``register_namespace``.
    """
    tag = element.tag[len(_A) :]
    attrs = "".join(
        f" {'wdr:' + key[len(WDR_NS) + 2 :] if key.startswith('{') else key}"
        f'="{value.translate(_ATTR_ESCAPES)}"'
        for key, value in element.attrib.items()
    )
    pad = "  " * depth
    if len(element):
        out.append(f"{pad}<{tag}{declarations}{attrs}>")
        for child in element:
            _serialize(child, depth + 1, out)
        out.append(f"{pad}</{tag}>")
    elif element.text:
        out.append(
            f"{pad}<{tag}{declarations}{attrs}>{element.text.translate(_TEXT_ESCAPES)}</{tag}>"
        )
    else:
        out.append(f"{pad}<{tag}{declarations}{attrs}/>")


def to_akn(regulation: Regulation) -> str:
    """Write *regulation* as an Akoma Ntoso 3.0 ``<act>`` (a str holding UTF-8 XML text).

    >>> from wuxi_dt_regulation import load
    >>> xml = to_akn(load())
    >>> '<num>第三十五条</num>' in xml, 'eId="chp_5__art_35__para_2"' in xml
    (True, True)

    Raises:
        SerializationError: a text holds a character XML 1.0 cannot carry (U+0000–U+001F
            other than TAB, U+FFFE, U+FFFF).
    """
    w = _Writer()
    # eIds of the preface and meta are fixed names; reserve them before the body is written.
    w.used.update({"wdr", "author"})
    work = work_uri(regulation)
    root = w.el("akomaNtoso")
    act = w.sub(root, "act", {"name": work.split("/")[4]})

    body = w.el("body")
    w.hier(body, regulation.body, "")
    if not len(body):
        # the schema wants one hierarchical element at least; this one stands for none
        w.sub(body, "hcontainer", {"name": "placeholder", "eId": w.eid("", "hcontainer_1")})

    meta = _meta(w, regulation, work)
    _lifecycle_and_references(w, meta, regulation.history)
    act.append(meta)

    preface = w.sub(act, "preface")
    title = w.sub(preface, "p", {"class": "title"})
    w.sub(title, "docTitle", text=regulation.title)
    for subtitle in regulation.subtitles:
        w.sub(preface, "p", {"class": "subtitle"}, text=subtitle)
    for event in regulation.history:
        w.sub(preface, "p", {"class": "event"}, text=event.text)
    if regulation.toc:
        toc = w.sub(preface, "toc")
        for entry in regulation.toc:
            head = entry.split()[0] if entry.split() else entry
            target = w.labels.get(head)
            href = "#" + target if target else "#"
            w.sub(toc, "tocItem", {"href": href, "level": "1"}, text=entry)

    if regulation.preamble:
        w.blocks(w.sub(act, "preamble"), regulation.preamble)
    act.append(body)

    if regulation.appendices:
        attachments = w.sub(act, "attachments")
        for n, appendix in enumerate(regulation.appendices, 1):
            eid = w.eid("", f"att_{n}")
            attachment = w.sub(attachments, "attachment", {"eId": eid})
            doc = w.sub(attachment, "doc", {"name": "appendix"})
            component = f"{work}/!{eid}"
            doc_meta = w.sub(doc, "meta")
            ident = w.sub(doc_meta, "identification", {"source": "#wdr"})
            work_date, expr_date = _dates(regulation)
            for tag, uri, date in (
                ("FRBRWork", component, work_date),
                ("FRBRExpression", f"{work}/zho@{expr_date}/!{eid}", expr_date),
                ("FRBRManifestation", f"{work}/zho@{expr_date}/!{eid}.xml", expr_date),
            ):
                level = w.sub(ident, tag)
                w.sub(level, "FRBRthis", {"value": uri})
                w.sub(level, "FRBRuri", {"value": uri})
                w.sub(level, "FRBRdate", {"date": date, "name": "generation"})
                w.sub(level, "FRBRauthor", {"href": "#author"})
                if tag == "FRBRWork":
                    w.sub(level, "FRBRcountry", {"value": "cn"})
                elif tag == "FRBRExpression":
                    w.sub(level, "FRBRlanguage", {"language": "zho"})
            doc_preface = w.sub(doc, "preface")
            w.sub(w.sub(doc_preface, "p", {"class": "title"}), "docTitle", text=appendix.title)
            main = w.sub(doc, "mainBody")
            w.hier(main, appendix.children, eid)
            if not appendix.children:
                w.sub(main, "p")

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    _serialize(root, 0, out, f' xmlns="{AKN_NS}" xmlns:wdr="{WDR_NS}"')
    text = "\n".join(out)
    return text + "\n"
