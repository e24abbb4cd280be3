"""Building and printing Akoma Ntoso XML: :class:`ElementBuilder` (elements in the AKN namespace,
text checked for XML 1.0, unique eIds) and :func:`serialize`, which prints the tree by hand so
that the AKN namespace is the default one while our attributes keep their ``wdr:`` prefix.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._model.errors import SerializationError
from .akn import AKN, WDR_NS

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["ElementBuilder", "serialize"]

_ILLEGAL_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class ElementBuilder:
    """Builds an Akoma Ntoso element tree: elements in the AKN namespace, text checked for
    XML 1.0, unique eIds."""

    def __init__(self) -> None:
        from xml.etree import ElementTree

        self.et = ElementTree
        self.used: set[str] = set()
        self.labels: dict[str, str] = {}  # "第一章" -> its first eId, for the toc

    def el(
        self, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
    ) -> Element:
        element = self.et.Element(AKN + tag, attrib or {})
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


def serialize(element: Element, depth: int, out: list[str], declarations: str = "") -> None:
    """Write *element* two spaces per level; text only ever stands in elements without children.

    Written by hand rather than with ``ElementTree.tostring``: that one cannot give the Akoma
    Ntoso namespace no prefix while our attributes keep theirs, short of a process-wide
    ``register_namespace``.
    """
    tag = (
        element.tag[len(AKN) :]
        if element.tag.startswith(AKN)
        else "wdr:" + element.tag[len(WDR_NS) + 2 :]  # text Akoma Ntoso keeps "non-managed"
    )
    attrs = "".join(
        f" {'wdr:' + key[len(WDR_NS) + 2 :] if key.startswith('{') else key}"
        f'="{value.translate(_ATTR_ESCAPES)}"'
        for key, value in element.attrib.items()
    )
    pad = "  " * depth
    if len(element):
        out.append(f"{pad}<{tag}{declarations}{attrs}>")
        for child in element:
            serialize(child, depth + 1, out)
        out.append(f"{pad}</{tag}>")
    elif element.text:
        out.append(
            f"{pad}<{tag}{declarations}{attrs}>{element.text.translate(_TEXT_ESCAPES)}</{tag}>"
        )
    else:
        out.append(f"{pad}<{tag}{declarations}{attrs}/>")
