"""The model <-> Akoma Ntoso 3.0 (OASIS LegalDocML) XML.

:func:`to_akn` writes an ``<akomaNtoso><act>`` document that validates against the official
``akomantoso30.xsd``; :func:`from_akn` reads it back: ``from_akn(to_akn(r)) == r`` for every
regulation.  The mapping, element by element, and the FRBR URI scheme are documented in
``docs/akoma-ntoso.md``; in short:

- ``<meta>``: FRBR work / expression / manifestation, ``<lifecycle>`` from the dated history
  lines, ``<references>`` with the TLCs they point to.  Metadata is derived: it is written, never
  read back.
- ``<preface>``: the title (``<docTitle>``), subtitles, the history lines as printed, a table of
  contents left in the source (``<toc>``).
- ``<preamble>``: block elements (``<blockContainer class="paragraph">``, ``<blockList>`` /
  ``<item>``, ``<table>``), because the schema admits no hierarchy there.
- ``<body>``: ``part`` / ``subpart`` / ``chapter`` / ``section`` / ``article`` / ``paragraph`` /
  ``list`` / ``point``, ``division`` for unnumbered headings, ``hcontainer name="table"``.
- ``<attachments>``: one ``<attachment><doc name="appendix">`` per appendix.
- ``<num>`` holds the numbering as printed (``第三十五条``, ``（一）``); eIds follow the naming
  convention with the container path (``chp_5__art_35__para_2__point_3``; ``art_120-1`` for
  第一百二十条之一) and are unique in the document.
- What Akoma Ntoso has no place for is kept in attributes of a private namespace
  (:data:`WDR_NS`): a division's heading depth, a forced paragraph break, the pipes of a table line.

Reading uses the standard library only, and refuses any document with a DTD or an entity
declaration before parsing it (no entity expansion, nothing fetched).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._errors import SerializationError
from ._model import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
    parse_article_ref,
)
from ._numerals import from_chinese, to_chinese

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["AKN_NS", "WDR_NS", "from_akn", "to_akn", "work_uri"]

#: The Akoma Ntoso 3.0 namespace.
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Our namespace, for the few facts Akoma Ntoso has no attribute for.
WDR_NS = "urn:wuxi-dt-regulation:akn:1"

_A = "{" + AKN_NS + "}"
_LEVEL = "{" + WDR_NS + "}level"  # Division.level: the heading depth printed
_BREAK = "{" + WDR_NS + "}break"  # Paragraph.break_before: a <!-- FORCE BREAK --> before it
_PIPES = "{" + WDR_NS + "}pipes"  # Table lines: "start", "end" or "both" edge pipes dropped

#: The bundled regulation's work, chosen by hand (CITATIONS.md): 320200 is Wuxi's division code.
KNOWN_WORKS = {
    "无锡市数字化转型促进条例": (
        "cn-320200",
        "local-regulation",
        "digital-transformation-promotion",
    ),
}
#: Document subtypes by the title's last words (the first match wins).
SUBTYPES = (
    ("条例", "regulation"),
    ("法", "law"),
    ("法典", "code"),
    ("决定", "decision"),
    ("规定", "provisions"),
    ("办法", "measures"),
    ("解释", "interpretation"),
    ("细则", "rules"),
    ("意见", "opinions"),
    ("通知", "notice"),
)
#: English names of the events of the history, for ``<TLCEvent>``.
EVENT_NAMES = {
    "通过": "adoption",
    "批准": "approval",
    "修正": "amendment",
    "修订": "revision",
    "公布": "promulgation",
    "施行": "commencement",
}
UNDATED = "0001-01-01"

_LOCAL_RE = re.compile(r"^[^《》]{2,12}?(?:省|自治区|市|州|县)(?!人民政府)")
_ILLEGAL_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DTD_RE = re.compile(r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)|<!\[(?!CDATA\[)")
_UNIT_NUM_RE = re.compile(
    r"""
    第(?P<num>[零一二三四五六七八九十百千]+)   # 第 + a legal numeral
    (?P<unit>分编|编|章|节)$                 # the unit: 分编 before 编
    """,
    re.VERBOSE,
)
_ITEM_NUM_RE = re.compile(r"（(?P<num>[零一二三四五六七八九十百千]+)）$")  # （一）
_SUBITEM_NUM_RE = re.compile(
    r"""
    (?:(?P<dot>\d+)．        # depth 1: 1．
      |（(?P<paren>\d+)）)$  # depth 2 and below: （1）
    """,
    re.VERBOSE,
)

_UNIT = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节"}
_TAG = {Part: "part", Subpart: "subpart", Chapter: "chapter", Section: "section"}
_EID = {Part: "part", Subpart: "subpart", Chapter: "chp", Section: "sec"}


# --------------------------------------------------------------------------- FRBR


def _subtype(title: str) -> str:
    for ending, name in sorted(SUBTYPES, key=lambda pair: -len(pair[0])):
        if title.endswith(ending):
            local = name == "regulation" and _LOCAL_RE.match(title) is not None
            return f"local-{name}" if local else name
    return "act"


def _dates(regulation: Regulation) -> tuple[str, str]:
    """The work date (first dated event) and the expression date (last dated event)."""
    dated = [e.date for e in regulation.history if e.date is not None]
    if not dated:
        return UNDATED, UNDATED
    return dated[0].isoformat(), dated[-1].isoformat()


def work_uri(regulation: Regulation) -> str:
    """The FRBR work IRI of *regulation*, by the scheme in ``docs/akoma-ntoso.md``.

    >>> from wuxi_dt_regulation import load, parse
    >>> work_uri(load())
    '/akn/cn-320200/act/local-regulation/2023-04-26/digital-transformation-promotion'
    >>> work_uri(parse("# 示例条例\\n\\n第一条 示例。"))
    '/akn/cn/act/regulation/0001-01-01/t-4c77b0055aba'
    """
    date = _dates(regulation)[0]
    known = KNOWN_WORKS.get(regulation.title)
    if known is not None:
        country, subtype, name = known
    else:
        country, subtype = "cn", _subtype(regulation.title)
        name = "t-" + hashlib.sha256(regulation.title.encode("utf-8")).hexdigest()[:12]
    return f"/akn/{country}/act/{subtype}/{date}/{name}"


# --------------------------------------------------------------------------- writing


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


def _canonical(numeral: str) -> str | None:
    """*numeral* as :func:`to_chinese` writes it, or None when it is no numeral at all."""
    try:
        return to_chinese(from_chinese(numeral))
    except ValueError:
        return None


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


# --------------------------------------------------------------------------- reading


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _refuse_dtd(text: str) -> None:
    """Refuse DTDs and entity declarations before any parser sees the text."""
    found = _DTD_RE.search(text)
    if found is not None:
        line, column = _position(text, found.start())
        raise SerializationError(
            f"refusing a document with a DTD or entity declaration ({found[0]!r}): "
            "DTDs, entities and external references are never read",
            path="/",
            line=line,
            column=column,
        )


def _local(element: Element) -> str:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(_A):
        raise SerializationError(f"unexpected element {tag!r} (not Akoma Ntoso 3.0)", path="/")
    return tag[len(_A) :]


class _Reader:
    def children(self, element: Element, path: str) -> Iterator[tuple[str, Element, str]]:
        counts: dict[str, int] = {}
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            if not child.tag.startswith(_A):
                raise SerializationError(f"unexpected element {child.tag!r}", path=path)
            name = child.tag[len(_A) :]
            counts[name] = counts.get(name, 0) + 1
            yield name, child, f"{path}/{name}[{counts[name]}]"

    def text(self, element: Element | None) -> str:
        return "" if element is None else "".join(element.itertext())

    def find(self, element: Element, name: str) -> Element | None:
        """The first child called *name* (a plain loop: no ElementPath on the hot path)."""
        tag = _A + name
        for child in element:
            if child.tag == tag:
                return child
        return None

    def within(self, element: Element, outer: str, inner: str) -> Element | None:
        """The first *inner* child of the first *outer* child."""
        found = self.find(element, outer)
        return None if found is None else self.find(found, inner)

    def require(self, element: Element, name: str, path: str) -> Element:
        found = element.find(_A + name)
        if found is None:
            raise SerializationError(f"missing <{name}>", path=path)
        return found

    def number(self, element: Element, path: str, unit: str) -> int:
        label = self.text(self.find(element, "num")).strip()
        match = _UNIT_NUM_RE.match(label)
        if match is None or match["unit"] != unit or _canonical(match["num"]) != match["num"]:
            raise SerializationError(
                f"expected a <num> such as 第一{unit}, found {label!r}", path=f"{path}/num"
            )
        return from_chinese(match["num"])

    # ---- body

    def hier(self, element: Element, path: str, allowed: tuple[type, ...]) -> tuple[object, ...]:
        out: list[object] = []
        paragraphs = 0
        for name, child, where in self.children(element, path):
            if name in ("num", "heading"):
                continue
            node: object
            if name == "paragraph":
                paragraphs += 1
                node = self.paragraph(child, where, paragraphs)
            elif name == "hcontainer" and child.get("name") == "table":
                table = self.within(child, "content", "table")
                node = self.table(table, where) if table is not None else Table(())
            elif name == "hcontainer" and child.get("name") == "placeholder":
                continue
            elif name == "article":
                node = self.article(child, where)
            elif name == "division":
                node = self.build(
                    Division,
                    where,
                    title=self.text(self.find(child, "heading")),
                    level=self.level(child, where),
                    children=self.hier(child, where, (Article, Paragraph, Table)),
                )
            elif name in ("part", "subpart", "chapter", "section"):
                kind = {"part": Part, "subpart": Subpart, "chapter": Chapter, "section": Section}[
                    name
                ]
                node = self.build(
                    kind,
                    where,
                    number=self.number(child, where, _UNIT[kind]),
                    title=self.text(self.find(child, "heading")),
                    children=self.hier(child, where, _ALLOWED[kind]),
                )
            else:
                raise SerializationError(f"unexpected <{name}> here", path=where)
            if not isinstance(node, allowed):
                raise SerializationError(
                    f"a <{name}> cannot stand here; expected "
                    + " or ".join(sorted(cls.__name__ for cls in allowed)),
                    path=where,
                )
            out.append(node)
        return tuple(out)

    def level(self, element: Element, path: str) -> int:
        raw = element.get(_LEVEL, "2")
        if not raw.isdigit():
            raise SerializationError(f"wdr:level must be an int 1..6, found {raw!r}", path=path)
        return int(raw)

    def build(self, cls: type, path: str, **fields: object) -> object:
        try:
            return cls(**fields)
        except (ValueError, TypeError) as err:
            raise SerializationError(str(err), path=path) from None

    def article(self, element: Element, path: str) -> Article:
        label = self.text(self.find(element, "num")).strip()
        try:
            number, suffix = parse_article_ref(label)
            if Article(number, suffix).label != label:  # only the form to_akn writes
                raise ValueError(label)
        except (ValueError, TypeError):
            raise SerializationError(
                f"expected a <num> such as 第三十五条, found {label!r}", path=f"{path}/num"
            ) from None
        paragraphs = self.hier(element, path, (Paragraph,))
        return self.build(Article, path, number=number, suffix=suffix, paragraphs=paragraphs)  # type: ignore[return-value]

    def paragraph(self, element: Element, path: str, number: int) -> Paragraph:
        brk = element.get(_BREAK) == "true"
        listing = self.find(element, "list")
        if listing is None:
            text = self.text(self.within(element, "content", "p"))
            return self.build(Paragraph, path, number=number, text=text, break_before=brk)  # type: ignore[return-value]
        intro = self.text(self.within(listing, "intro", "p"))
        items = []
        for name, point, where in self.children(listing, f"{path}/list[1]"):
            if name == "intro":
                continue
            if name != "point":
                raise SerializationError(f"unexpected <{name}> in a list", path=where)
            label = self.text(self.find(point, "num")).strip()
            match = _ITEM_NUM_RE.match(label)
            if match is None or _canonical(match["num"]) != match["num"]:
                raise SerializationError(
                    f"expected a <num> such as （一）, found {label!r}", path=f"{where}/num"
                )
            text, subs = self.point_body(point, where)
            items.append(
                self.build(Item, where, number=from_chinese(match["num"]), text=text, subitems=subs)
            )
        return self.build(  # type: ignore[return-value]
            Paragraph, path, number=number, text=intro, items=tuple(items), break_before=brk
        )

    def point_body(self, point: Element, path: str) -> tuple[str, tuple[SubItem, ...]]:
        listing = self.find(point, "list")
        if listing is None:
            return self.text(self.within(point, "content", "p")), ()
        text = self.text(self.within(listing, "intro", "p"))
        subs = []
        for name, child, where in self.children(listing, f"{path}/list[1]"):
            if name == "intro":
                continue
            if name != "point":
                raise SerializationError(f"unexpected <{name}> in a list", path=where)
            sub_text, nested = self.point_body(child, where)
            subs.append(
                self.build(
                    SubItem,
                    where,
                    number=self.subitem_number(child, where),
                    text=sub_text,
                    subitems=nested,
                )
            )
        return text, tuple(subs)  # type: ignore[arg-type]

    def subitem_number(self, element: Element, path: str) -> int:
        label = self.text(self.find(element, "num")).strip()
        match = _SUBITEM_NUM_RE.match(label)
        if match is None:
            raise SerializationError(
                f"expected a <num> such as 1． or （1）, found {label!r}", path=f"{path}/num"
            )
        return int(match["dot"] or match["paren"])

    def table(self, element: Element, path: str) -> Table:
        lines = []
        for name, row, where in self.children(element, path):
            if name != "tr":
                raise SerializationError(f"unexpected <{name}> in a table", path=where)
            cells = [self.text(cell.find(_A + "p")) for cell in row if isinstance(cell.tag, str)]
            line = "|".join(cells)
            pipes = row.get(_PIPES, "")
            if pipes in ("both", "start"):
                line = "|" + line
            if pipes in ("both", "end"):
                line += "|"
            lines.append(line)
        return self.build(Table, path, lines=tuple(lines))  # type: ignore[return-value]

    # ---- preamble

    def blocks(self, element: Element, path: str, allowed: tuple[type, ...]) -> tuple[object, ...]:
        out: list[object] = []
        paragraphs = 0
        for name, child, where in self.children(element, path):
            node: object
            kind = child.get("class")
            if name in ("num", "heading") or (name == "p" and not kind):
                continue  # a heading read by the caller, or a filler for an empty container
            if name == "table":
                node = self.table(child, where)
            elif name == "blockContainer" and kind == "table":
                node = Table(())
            elif name == "blockContainer" and kind == "paragraph":
                paragraphs += 1
                node = self.block_paragraph(child, where, paragraphs)
            elif name == "blockContainer" and kind == "article":
                label = self.text(self.find(child, "num")).strip()
                try:
                    number, suffix = parse_article_ref(label)
                    if Article(number, suffix).label != label:
                        raise ValueError(label)
                except (ValueError, TypeError):
                    raise SerializationError(
                        f"expected a <num> such as 第三十五条, found {label!r}", path=f"{where}/num"
                    ) from None
                paras = self.blocks(child, where, (Paragraph,))
                node = self.build(Article, where, number=number, suffix=suffix, paragraphs=paras)
            elif name == "blockContainer" and kind == "division":
                node = self.build(
                    Division,
                    where,
                    title=self.text(self.find(child, "heading")),
                    level=self.level(child, where),
                    children=self.blocks(child, where, (Article, Paragraph, Table)),
                )
            else:
                raise SerializationError(f"unexpected <{name}> in the preamble", path=where)
            if not isinstance(node, allowed):
                raise SerializationError(f"a <{name} class={kind!r}> cannot stand here", path=where)
            out.append(node)
        return tuple(out)

    def block_paragraph(self, element: Element, path: str, number: int) -> Paragraph:
        text = self.text(self.find(element, "p"))
        listing = self.find(element, "blockList")
        items: tuple[Item, ...] = ()
        if listing is not None:
            items = tuple(self.block_items(listing, f"{path}/blockList[1]", 0))  # type: ignore[arg-type]
        return self.build(  # type: ignore[return-value]
            Paragraph,
            path,
            number=number,
            text=text,
            items=items,
            break_before=element.get(_BREAK) == "true",
        )

    def block_items(self, listing: Element, path: str, depth: int) -> list[object]:
        out: list[object] = []
        for name, item, where in self.children(listing, path):
            if name != "item":
                raise SerializationError(f"unexpected <{name}> in a blockList", path=where)
            text = self.text(self.find(item, "p"))
            nested = self.find(item, "blockList")
            subs = (
                tuple(self.block_items(nested, f"{where}/blockList[1]", depth + 1))
                if nested is not None
                else ()
            )
            if depth == 0:
                label = self.text(self.find(item, "num")).strip()
                match = _ITEM_NUM_RE.match(label)
                if match is None or _canonical(match["num"]) != match["num"]:
                    raise SerializationError(
                        f"expected a <num> such as （一）, found {label!r}", path=f"{where}/num"
                    )
                out.append(
                    self.build(
                        Item, where, number=from_chinese(match["num"]), text=text, subitems=subs
                    )
                )
            else:
                out.append(
                    self.build(
                        SubItem,
                        where,
                        number=self.subitem_number(item, where),
                        text=text,
                        subitems=subs,
                    )
                )
        return out


_ALLOWED: dict[type, tuple[type, ...]] = {
    Part: (Subpart, Chapter, Section, Article, Paragraph, Table),
    Subpart: (Chapter, Section, Article, Paragraph, Table),
    Chapter: (Section, Article, Paragraph, Table),
    Section: (Article, Paragraph, Table),
}
_APPENDIX = (Division, Paragraph, Table)
_BODY = (Part, Subpart, Chapter, Section, Article, Division, Paragraph, Table)


def from_akn(xml: str | bytes) -> Regulation:
    """Read a regulation from an Akoma Ntoso document written by :func:`to_akn`.

    Metadata (``<meta>``) is derived from the text and is not read.  Documents with a DTD or
    an entity declaration are refused before parsing, whatever they declare.

    >>> from wuxi_dt_regulation import load
    >>> from_akn(to_akn(load())) == load()
    True

    Raises:
        SerializationError: the document is not well-formed XML (line and column are given),
            holds a DTD or entities, or is not an act as :func:`to_akn` writes it (the XML path
            of the problem is given).
    """
    from xml.etree import ElementTree

    if isinstance(xml, (bytes, bytearray)):
        try:
            xml = bytes(xml).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise SerializationError(
                f"expected UTF-8, found the byte 0x{xml[err.start]:02X} at offset {err.start}",
                path="/",
            ) from None
    _refuse_dtd(xml)
    # ElementTree refuses an encoding declaration in a str; the text is decoded already
    if xml.startswith("<?xml"):
        end = xml.find("?>")
        xml = " " * (end + 2) + xml[end + 2 :] if end >= 0 else xml
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as err:
        line, column = err.position
        message = str(err).split(":")[0]
        raise SerializationError(
            f"not well-formed XML: {message}", path="/", line=line, column=column + 1
        ) from None
    if root.tag != _A + "akomaNtoso":
        raise SerializationError(
            f"expected <akomaNtoso> in the namespace {AKN_NS}, found {root.tag!r}", path="/"
        )
    act = root.find(_A + "act")
    if act is None:
        raise SerializationError("expected an <act>", path="/akomaNtoso")
    r = _Reader()
    path = "/akomaNtoso/act"
    preface = r.require(act, "preface", path)
    title = r.text(preface.find(f"{_A}p[@class='title']/{_A}docTitle"))
    subtitles: list[str] = []
    history: list[Event] = []
    toc: list[str] = []
    for name, child, where in r.children(preface, f"{path}/preface"):
        kind = child.get("class")
        if name == "p" and kind == "subtitle":
            subtitles.append(r.text(child))
        elif name == "p" and kind == "event":
            history.append(r.build(Event, where, text=r.text(child)))  # type: ignore[arg-type]
        elif name == "toc":
            toc.extend(r.text(entry) for entry in child.iter(_A + "tocItem"))
        elif not (name == "p" and kind == "title"):
            raise SerializationError(f"unexpected <{name}> in the preface", path=where)
    preamble_el = act.find(_A + "preamble")
    preamble = (
        r.blocks(preamble_el, f"{path}/preamble", (Division, Paragraph, Table))
        if preamble_el is not None
        else ()
    )
    body = r.hier(r.require(act, "body", path), f"{path}/body", _BODY)
    appendices: list[Appendix] = []
    attachments = act.find(_A + "attachments")
    if attachments is not None:
        for _, attachment, where in r.children(attachments, f"{path}/attachments"):
            doc = r.require(attachment, "doc", where)
            heading = r.text(doc.find(f"{_A}preface/{_A}p/{_A}docTitle"))
            main = r.require(doc, "mainBody", f"{where}/doc")
            filler = all(child.tag == _A + "p" for child in main)  # an empty appendix
            children = () if filler else r.hier(main, f"{where}/doc/mainBody", _APPENDIX)
            appendices.append(r.build(Appendix, where, title=heading, children=children))  # type: ignore[arg-type]
    return r.build(  # type: ignore[return-value]
        Regulation,
        path,
        title=title,
        subtitles=tuple(subtitles),
        history=tuple(history),
        toc=tuple(toc),
        preamble=preamble,
        body=body,
        appendices=tuple(appendices),
    )
