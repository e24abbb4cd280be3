"""The model -> Akoma Ntoso 3.0 XML: :func:`to_akn` (the mapping is described in ``_akn``).

The element tree is built with ``xml.etree`` (imported on first use) and printed by hand, so
that the Akoma Ntoso namespace is the default one while our attributes keep their ``wdr:``
prefix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.errors import SerializationError
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Item, Paragraph, SubItem, Table
from .akn import AKN_NS, BREAK_ATTR, EID_OF, LEVEL_ATTR, PIPES_ATTR, TAG_OF, WDR_NS, work_uri
from .akn_meta import write_attachment_meta, write_meta
from .akn_xml import ElementBuilder, serialize

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

    from .._amend.amendment import Amendment

__all__ = ["to_akn"]


class _Writer(ElementBuilder):
    """Writes the body's units; hands out unique eIds."""

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
                division = self.sub(parent, "division", {"eId": eid, LEVEL_ATTR: str(node.level)})
                if node.title:
                    self.sub(division, "heading", text=node.title)
                self.hier(division, node.children, eid)
            elif isinstance(node, (Part, Subpart, Chapter, Section)):
                kind = type(node)
                eid = self.eid(prefix, f"{EID_OF[kind]}_{node.number}")
                self.labels.setdefault(node.label, eid)
                element = self.sub(parent, TAG_OF[kind], {"eId": eid})
                self.sub(element, "num", text=node.label)
                if node.title:
                    self.sub(element, "heading", text=node.title)
                self.hier(element, node.children, eid)
            else:
                raise SerializationError(f"cannot write a {type(node).__name__}", path=prefix)

    def paragraph(self, parent: Element, para: Paragraph, eid: str) -> None:
        attrib = {"eId": eid}
        if para.break_before:
            attrib[BREAK_ATTR] = "true"
        element = self.sub(parent, "paragraph", attrib)
        if not para.items:
            self.texts(self.sub(element, "content"), para.text, para.continuation)
            return
        listing = self.sub(element, "list", {"eId": self.eid(eid, "list_1")})
        if para.text:
            self.texts(self.sub(listing, "intro"), para.text, para.continuation)
        for item in para.items:
            self.point(listing, item, self.eid(eid, f"point_{item.number}"), 1)

    def texts(self, parent: Element, text: str, further: tuple[str, ...]) -> None:
        """A unit's text and its further paragraphs: one ``<p>`` each."""
        self.sub(parent, "p", text=text)
        for line in further:
            self.sub(parent, "p", text=line)

    def point(self, parent: Element, unit: Item | SubItem, eid: str, depth: int) -> None:
        """A 项 (*depth* 1) or 目 (2, 3) as a ``<point>``; the 目 of a 项 numbered 1． print
        ``（1）``, like a fourth level."""
        point = self.sub(parent, "point", {"eId": eid})
        arabic = isinstance(unit, Item) and unit.arabic
        label = unit.label if isinstance(unit, Item) else _subitem_label(unit.number, depth - 1)
        self.sub(point, "num", text=label)
        if not unit.subitems:
            self.texts(self.sub(point, "content"), unit.text, unit.continuation)
            return
        listing = self.sub(point, "list", {"eId": self.eid(eid, "list_1")})
        if unit.text or unit.continuation:
            self.texts(self.sub(listing, "intro"), unit.text, unit.continuation)
        for sub in unit.subitems:
            self.point(listing, sub, self.eid(eid, f"point_{sub.number}"), depth + 1 + arabic)

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
            row = self.sub(element, "tr", {PIPES_ATTR: pipes} if pipes else {})
            for cell in body.split("|"):
                self.sub(self.sub(row, "td"), "p", text=cell)

    # ---- preamble: block elements

    def blocks(self, parent: Element, nodes: tuple[object, ...]) -> None:
        for node in nodes:
            if isinstance(node, Paragraph):
                attrib = {"class": "paragraph"}
                if node.break_before:
                    attrib[BREAK_ATTR] = "true"
                box = self.sub(parent, "blockContainer", attrib)
                if node.text:
                    self.texts(box, node.text, node.continuation)
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
                    parent, "blockContainer", {"class": "division", LEVEL_ATTR: str(node.level)}
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
            self.texts(item, entry.text, entry.continuation)
            if entry.subitems:
                arabic = isinstance(entry, Item) and entry.arabic
                self.block_items(item, entry.subitems, depth + 1 + arabic)


def _subitem_label(number: int, depth: int) -> str:
    """目 print ``1．``; the fourth level under them prints ``（1）``."""
    return f"{number}．" if depth == 1 else f"（{number}）"


def to_akn(regulation: Regulation | Amendment) -> str:
    """Write a regulation as an Akoma Ntoso 3.0 (OASIS LegalDocML) ``<act>`` document.

    The document validates against the official ``akomantoso30.xsd``.  ``<meta>`` holds the FRBR
    work, expression and manifestation, a lifecycle from the dated history lines and the
    organizations and events they name; the preface holds the title, subtitles, history lines
    and a table of contents left in the source; the body holds the structure (``chapter``,
    ``article``, ``paragraph``, ``list`` / ``point`` …) with the numbering as printed in
    ``<num>`` and unique eIds in the naming convention :func:`eid_for` follows, each with its
    container path (``chp_5__art_35__para_2``); appendices are attachments.  The few facts Akoma Ntoso has no
    place for (a division's heading depth, a forced paragraph break, a table line's edge pipes)
    are attributes of a private namespace.  The element-by-element mapping is on the Akoma
    Ntoso page of the docs.  :func:`from_akn` reads the document back:
    ``from_akn(to_akn(r)) == r``.

    An :class:`~wuxi_dt_regulation.Amendment` is written as an amending act
    (``<act name="amendment">``): one ``<textualMod>`` per operation in
    ``<meta><analysis><activeModifications>``, with its ``<source>`` (the instruction in the
    body), a ``<destination>`` per unit it acts on (the unit's eId) and its ``<old>`` and
    ``<new>`` text; ``from_akn(to_akn(a), Amendment) == a``.

    Args:
        regulation: the regulation (or amending instrument) to write.

    Returns:
        The XML text (with its ``<?xml … encoding="UTF-8"?>`` declaration and a final newline);
        encode it as UTF-8 to store it.

    Raises:
        SerializationError: a text holds a character XML 1.0 cannot carry (U+0000–U+001F other
            than TAB, U+FFFE, U+FFFF).

    >>> from wuxi_dt_regulation import load
    >>> xml = to_akn(load())
    >>> 'eId="chp_5__art_35__para_2"' in xml, "<num>第三十五条</num>" in xml
    (True, True)
    """
    if not isinstance(regulation, Regulation):
        from .akn_amend import amendment_to_element

        root, _ = amendment_to_element(regulation)
        out = ['<?xml version="1.0" encoding="UTF-8"?>']
        serialize(root, 0, out, f' xmlns="{AKN_NS}" xmlns:wdr="{WDR_NS}"')
        return "\n".join(out) + "\n"
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

    act.append(write_meta(w, regulation, work))

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
            write_attachment_meta(w, doc, regulation, work, eid)
            doc_preface = w.sub(doc, "preface")
            w.sub(w.sub(doc_preface, "p", {"class": "title"}), "docTitle", text=appendix.title)
            main = w.sub(doc, "mainBody")
            w.hier(main, appendix.children, eid)
            if not appendix.children:
                w.sub(main, "p")

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    serialize(root, 0, out, f' xmlns="{AKN_NS}" xmlns:wdr="{WDR_NS}"')
    text = "\n".join(out)
    return text + "\n"
