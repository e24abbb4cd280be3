"""Hypothesis strategies for Akoma Ntoso documents from_akn did not write: XML trees built from
the vocabulary, either from scratch (a ``<body>`` of random elements, text and tails) or by
damaging a document ``to_akn`` wrote (an element inserted, renamed or removed, text or a tail
set, an inline element or a comment added, an attribute set).

The trees are lxml trees (lxml is a test dependency); :func:`text_nodes` lists the text the
reader must read or refuse, and :func:`lxml_path` turns the XPath a refusal names into one lxml
can evaluate.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation._interchange.akn import AKN_NS, WDR_NS

from .strategies import regulations

A = "{" + AKN_NS + "}"
W = "{" + WDR_NS + "}"
NS = {"a": AKN_NS, "wdr": WDR_NS}

#: The vocabulary: the elements to_akn writes, the constructs it does not, inline elements
#: (read and refused), an unknown name and an element of another namespace.
STRUCTURE = ["part", "chapter", "section", "article", "division", "paragraph", "subparagraph"]
CONTAINERS = ["content", "intro", "wrapUp", "list", "point", "num", "heading", "subheading"]
BLOCKS = ["p", "hcontainer", "table", "tr", "td", "blockContainer", "blockList", "item"]
INLINES = ["ref", "b", "i", "span", "term", "date", "del", "authorialNote", "eol", "remark"]
NAMES = [*STRUCTURE, *CONTAINERS, *BLOCKS, *INLINES, "conclusions", "nonsense"]
FOREIGN = "{urn:example:foreign}x"

#: Text: CJK, the numbering of 条, 章, 项 and 目, quotation marks, a pipe, XML white space,
#: an ideographic space.
TEXTS = st.text(
    alphabet=st.sampled_from(list("甲乙丙第一二三条章节（）1．。：“”；|a \n\t\u3000")), max_size=8
)
#: Text any model field can hold.
CLEAN = st.text(alphabet=st.sampled_from(list("甲乙丙第一条。，；a1")), min_size=1, max_size=6)
READABLE = ["ref", "b", "i", "u", "span", "term", "date", "ins", "sup"]
NUMS = st.sampled_from(["第一条", "第二条", "第一章", "（一）", "（二）", "1．", "（1）", "一", ""])


def _tag(name: str) -> str:
    return FOREIGN if name == "foreign" else A + name


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> Any:
    name = draw(st.sampled_from([*NAMES, "foreign"]))
    element = etree.Element(_tag(name), nsmap={None: AKN_NS, "wdr": WDR_NS})
    if name == "hcontainer":
        element.set("name", draw(st.sampled_from(["table", "placeholder", "other"])))
    if name == "num":
        element.text = draw(NUMS)
    elif draw(st.booleans()):
        element.text = draw(TEXTS)
    if depth < 3:
        for child in draw(st.lists(_elements(depth + 1), max_size=3)):
            element.append(child)
    if draw(st.integers(0, 4)) == 0:
        element.tail = draw(TEXTS)
    return element


def _skeleton() -> Any:
    """A document to_akn wrote for a one-article regulation, its body emptied."""
    xml = wdr.to_akn(wdr.parse("# 示例条例\n\n第一条 甲。"))
    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find(f"{A}act/{A}body")
    for child in list(body):
        body.remove(child)
    return root


@st.composite
def random_bodies(draw: st.DrawFn) -> str:
    """A document whose ``<body>`` holds random elements of the vocabulary."""
    root = _skeleton()
    body = root.find(f"{A}act/{A}body")
    for child in draw(st.lists(_elements(), min_size=1, max_size=3)):
        body.append(child)
    return str(etree.tostring(root, encoding="unicode"))


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """A document to_akn wrote for a generated regulation, damaged in one to three places
    (never inside ``<meta>``, which holds no text and is not read)."""
    reg = draw(regulations(max_chapters=2))
    root = etree.fromstring(wdr.to_akn(reg).encode("utf-8"))
    meta = root.find(f"{A}act/{A}meta")
    for _ in range(draw(st.integers(1, 3))):
        nodes = [
            e
            for e in root.iter()
            if isinstance(e.tag, str)
            and e is not root
            and e is not meta
            and meta not in e.iterancestors()
        ]
        texts = [e for e in nodes if e.tag == A + "p"]
        kind = draw(st.sampled_from([0, 1, 2, 3, 4, 5, 6, *[7, 8, 9] * 4]))
        if kind >= 7 and texts:  # changes a reader must read: the text kept whole
            node = draw(st.sampled_from(texts))
            if kind == 7:  # an inline element holding part of the text
                inline = etree.Element(A + draw(st.sampled_from([*READABLE, *INLINES])))
                inline.text, inline.tail = draw(CLEAN), node.text
                node.text = draw(st.sampled_from(["", "甲"]))
                node.insert(0, inline)
            elif kind == 8:  # indentation around the text
                node.text = "\n    " + (node.text or "") + "\n  "
            else:  # another text
                node.text = draw(CLEAN)
            continue
        node = draw(st.sampled_from(nodes))
        parent = node.getparent()
        if kind == 0:  # insert an element of the vocabulary
            node.insert(draw(st.integers(0, len(node))), draw(_elements(2)))
        elif kind == 1 and parent is not None and parent is not root:  # rename
            node.tag = _tag(draw(st.sampled_from([*NAMES, "foreign"])))
        elif kind == 2 and parent is not None and parent is not root:  # remove, keeping the tail
            parent.remove(node)
        elif kind == 3:  # text or a tail
            setattr(node, draw(st.sampled_from(["text", "tail"])), draw(TEXTS))
        elif kind == 4:  # an inline element at the start of the text
            inline = etree.SubElement(node, A + draw(st.sampled_from(INLINES)))
            node.remove(inline)
            inline.text, inline.tail, node.text = node.text, draw(TEXTS), None
            node.insert(0, inline)
        elif kind == 5:  # a comment, splitting a text
            comment = etree.Comment("c")
            comment.tail = draw(TEXTS)
            node.insert(draw(st.integers(0, len(node))), comment)
        else:  # an attribute
            name = draw(st.sampled_from([W + "break", W + "level", W + "pipes", "eId", "class"]))
            node.set(name, draw(st.sampled_from(["true", "false", "2", "9", "both", "x", ""])))
    return str(etree.tostring(root, encoding="unicode"))


def akn_documents() -> st.SearchStrategy[str]:
    return st.one_of(random_bodies(), damaged(), damaged())


def text_nodes(xml: str) -> list[str]:
    """Every text node of *xml* outside ``<meta>`` and comments, stripped of XML white space,
    that holds something else."""
    root = etree.fromstring(xml.encode("utf-8"))
    found = []
    for node in root.xpath("//text()[not(ancestor::a:meta)]", namespaces=NS):
        parent = node.getparent()
        if isinstance(parent.tag, str) or node.is_tail:  # not a comment's own text
            text = str(node).strip(" \t\r\n")
            if text:
                found.append(text)
    return found


_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z]*(\[|$)")


def lxml_path(path: str) -> str:
    """The XPath of a refusal with the Akoma Ntoso namespace prefixed to its element names."""
    steps = path.split("/")[1:]
    return "".join("/" + ("a:" + s if _NAME_RE.match(s) else s) for s in steps)


@st.composite
def mixed_paragraphs(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A one-article document whose 款 is a ``<p>`` of mixed content: text and inline elements
    of the vocabulary (read and refused ones, nested), and the texts in document order."""
    root = _skeleton()
    body = root.find(f"{A}act/{A}body")
    article = etree.SubElement(body, A + "article", eId="art_1")
    etree.SubElement(article, A + "num").text = "第一条"
    paragraph = etree.SubElement(article, A + "paragraph", eId="art_1__para_1")
    p = etree.SubElement(etree.SubElement(paragraph, A + "content"), A + "p")
    texts: list[str] = []

    def fill(element: Any, depth: int) -> None:
        element.text = draw(CLEAN)
        texts.append(element.text)
        for _ in range(draw(st.integers(0, 3 - depth))):
            name = draw(st.sampled_from([*READABLE, *INLINES, "eop", "foreign"]))
            child = etree.SubElement(element, _tag(name))
            if name not in ("eol", "eop"):
                fill(child, depth + 1)
            child.tail = draw(CLEAN)
            texts.append(child.tail)

    fill(p, 0)
    return str(etree.tostring(root, encoding="unicode")), texts
