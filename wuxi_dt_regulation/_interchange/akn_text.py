"""What the Akoma Ntoso reader shares: text inside ``<p>`` and its kin, refusals, XML paths.

The rule of :func:`~wuxi_dt_regulation.from_akn`: every piece of text of the document is read
into the model or the document is refused with a :class:`Refused` naming the node; nothing is
dropped.  Text is read from the elements that hold it (``<p>``, ``<num>``, ``<heading>``,
``<docTitle>``, ``<tocItem>``, a table cell's ``<p>``) together with the inline elements of
:data:`INLINE` inside them (``<ref>``, ``<b>``, ``<term>`` … : their text is the text, their
markup is not kept).  Anything else inside them, and any text standing outside them, is refused.

Paths are computed only when a document is refused (:func:`xpath`): the walk over a good
document builds no path strings.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from .akn import AKN

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = [
    "INLINE",
    "MARKERS",
    "MAX_INLINE",
    "SINGLE",
    "WS",
    "Refused",
    "TextRefused",
    "inline",
    "local",
    "no_text",
    "shorten",
    "stray",
    "unexpected",
    "xpath",
]

#: XML's white space: what may stand between elements, and is stripped at the ends of a text.
WS = " \t\r\n"

#: Inline elements whose text is read as part of the text around them (AKN 3.0's HTML,
#: title, semantic and reference inlines; ``<ins>`` and ``<omissis>`` print what they hold).
INLINE = frozenset(
    AKN + name
    for name in [
        "b",
        "i",
        "a",
        "u",
        "sub",
        "sup",
        "abbr",
        "span",
        "inline",
        "ref",
        "mref",
        "rref",
        "ins",
        "omissis",
        "docType",
        "docTitle",
        "docNumber",
        "docProponent",
        "docDate",
        "legislature",
        "session",
        "shortTitle",
        "docAuthority",
        "docPurpose",
        "docCommittee",
        "docIntroducer",
        "docStage",
        "docStatus",
        "docJurisdiction",
        "docketNumber",
        "date",
        "time",
        "person",
        "organization",
        "concept",
        "object",
        "event",
        "location",
        "process",
        "role",
        "term",
        "quantity",
        "def",
        "entity",
    ]
)
#: How deep inline elements may nest: deeper is refused, not a RecursionError.
MAX_INLINE = 64
#: Empty markers allowed in a text: a line end or page end (nothing to read; the text around
#: them is joined).
MARKERS = frozenset((AKN + "eol", AKN + "eop"))
#: Elements that stand once in their parent: their path step has no ``[n]`` when alone.
SINGLE = frozenset(
    [
        "act",
        "meta",
        "preface",
        "preamble",
        "body",
        "attachments",
        "num",
        "heading",
        "content",
        "intro",
        "mainBody",
        "doc",
        "toc",
        "wrapUp",
        "subheading",
    ]
)

#: Why an element the reader meets has no place in the model, by its local name.
_WHY = {
    "del": "deleted text (<del>) has no place in the model",
    "authorialNote": "a note has no place in the model",
    "noteRef": "a note has no place in the model",
    "subparagraph": "the model has no <subparagraph>: a 款 holds its text, further paragraphs "
    "(<p>) and 项 (<list>)",
    "wrapUp": "text after the 项 (<wrapUp>) has no place in the model: a 款 or 项 prints its "
    "text before its items",
    "subheading": "a <subheading> has no place in the model",
}


class Refused(Exception):
    """The document holds something the model has no place for, or that is wrong, at *node*
    (an element; *step* is a path step below it, such as ``/@wdr:level``)."""

    def __init__(self, message: str, node: Element, step: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.node = node
        self.step = step


class TextRefused(Refused):
    """Text outside the elements that hold text: the text of *node* before its first child
    (*after* None) or after its child *after*."""

    def __init__(self, message: str, node: Element, after: Element | None) -> None:
        super().__init__(message, node)
        self.after = after


def local(tag: str) -> str:
    """The local name of an element of the Akoma Ntoso namespace, else the ``{ns}name``."""
    return tag[len(AKN) :] if tag.startswith(AKN) else tag


def shorten(text: str, width: int = 40) -> str:
    text = text.strip(WS)
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def stray(node: Element, after: Element | None, text: str) -> TextRefused:
    """The refusal of *text* standing directly in *node*."""
    return TextRefused(
        f"text directly in <{local(node.tag)}> has no place in the model (text is read from "
        f"<p>, <num>, <heading> and their inline elements): {shorten(text)}",
        node,
        after,
    )


def unexpected(child: Element, parent: Element, why: str = "") -> Refused:
    """The refusal of the element *child* met in *parent*."""
    tag = child.tag
    name = local(tag)
    if not tag.startswith(AKN):
        message = f"an element of another namespace has no place in the model: {tag}"
    elif name in _WHY:
        message = _WHY[name]
    else:
        message = f"<{name}> has no place in <{local(parent.tag)}>" + (f": {why}" if why else "")
    return Refused(message, child)


def inline(element: Element, depth: int = 0) -> str:
    """The text of *element* with that of its inline elements, unstripped."""
    if not len(element):
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag in INLINE:
            if depth >= MAX_INLINE:
                raise Refused(f"inline elements nested deeper than {MAX_INLINE} levels", child)
            parts.append(inline(child, depth + 1))
        elif tag not in MARKERS:
            raise unexpected(child, element, "not an inline element whose text can be read")
        elif len(child) or (child.text or "").strip(WS):
            raise unexpected(child, element, "a marker holds nothing")
        parts.append(child.tail or "")
    return "".join(parts)


def no_text(element: Element, why: str) -> None:
    """Refuse any text anywhere in *element*, saying *why* it cannot be read there."""
    for node in element.iter():
        text = node.text
        if text and text.strip(WS):
            raise TextRefused(f"{why}: {shorten(text)}", node, None)
        for child in node:
            tail = child.tail
            if tail and tail.strip(WS):
                raise TextRefused(f"{why}: {shorten(tail)}", node, child)


# --------------------------------------------------------------------------- paths, on error


def _step(node: Element, parent: Element) -> str:
    tag = node.tag
    if not tag.startswith(AKN):
        position = 1 + [c for c in parent if isinstance(c.tag, str)].index(node)
        return f"*[{position}]"
    name = tag[len(AKN) :]
    same = [c for c in parent if c.tag == tag]
    if name in SINGLE and len(same) == 1:
        return name
    return f"{name}[{1 + same.index(node)}]"


def _chain(root: Element, node: Element) -> list[Element]:
    parents = {child: parent for parent in root.iter() for child in parent}
    chain = [node]
    while chain[-1] is not root:
        chain.append(parents[chain[-1]])
    chain.reverse()
    return chain


def xpath(root: Element, refused: Refused, source: str) -> str:
    """The XPath of the node *refused* names, in the document *root* was read from.

    *source* is the document's text as given: a text node's position (``text()[2]``) counts
    the white space and comments the reader did not keep, so it is found by reading *source*
    again with them.
    """
    chain = _chain(root, refused.node)
    steps = ["/" + local(root.tag)]
    for parent, node in itertools.pairwise(chain):
        steps.append("/" + _step(node, parent))
    path = "".join(steps)
    if not isinstance(refused, TextRefused):
        return path + refused.step
    return path + f"/text()[{_text_index(chain, refused.after, source)}]"


def _text_index(chain: list[Element], after: Element | None, source: str) -> int:
    from xml.etree import ElementTree

    builder = ElementTree.TreeBuilder(insert_comments=True, insert_pis=True)
    parser = ElementTree.XMLParser(target=builder)
    parser.feed(source)
    node = parser.close()
    for parent, child in itertools.pairwise(chain):
        index = [c for c in parent if isinstance(c.tag, str)].index(child)
        node = [c for c in node if isinstance(c.tag, str)][index]
    parent = chain[-1]
    start = None if after is None else [c for c in parent if isinstance(c.tag, str)].index(after)
    target = -1 if start is None else start
    # every text node in order, and whether it is where the refused text stands
    texts = [(node.text or "", target == -1)]
    elements = -1
    for child in node:
        if isinstance(child.tag, str):
            elements += 1
        texts.append((child.tail or "", elements == target))
    found = [i for i, (text, mine) in enumerate(texts) if mine and text.strip(WS)]
    wanted = found[0] if found else len(texts) - 1
    return sum(1 for text, _ in texts[: wanted + 1] if text)
