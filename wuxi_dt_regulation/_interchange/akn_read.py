"""Akoma Ntoso 3.0 XML -> the model: :func:`from_akn` and the safety check before it.

Reading uses the standard library only (``xml.etree``, imported on first use), and refuses any
document with a DTD or an entity declaration before parsing it (no entity expansion, nothing
fetched).  Every text of the document is read into the model or the document is refused with
the XML path of the node the model has no place for: nothing is dropped (the table of what is
read and what is refused is on the Akoma Ntoso page of the docs).  The walk is in
:mod:`.akn_units` (the body, appendices) and :mod:`.akn_blocks` (the preamble); text, refusals
and paths in :mod:`.akn_text`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .._model.errors import SerializationError, decode_utf8
from .._model.regulation import Regulation
from .._model.structure import Appendix
from .._model.units import Event
from .akn import AKN, AKN_NS
from .akn_blocks import PreambleReader
from .akn_fast import Declined, read_fast
from .akn_parts import P, build, label
from .akn_text import WS, Refused, TextRefused, no_text, shorten, stray, unexpected, xpath
from .documents import a_class

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

    from .._amend.amendment import Amendment

__all__ = ["from_akn", "read_act", "read_tree", "refuse_dtd"]

T = TypeVar("T", "Regulation", "Amendment")

_DTD_RE = re.compile(r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)|<!\[(?!CDATA\[)")
_INDENT_RE = re.compile(r">[ \t\r]*\n[ \t\r\n]*<")
_ACT, _META, _PREFACE, _PREAMBLE, _BODY, _ATTACHMENTS = (
    AKN + n for n in ("act", "meta", "preface", "preamble", "body", "attachments")
)
_DOC, _MAIN, _TOC, _TOC_ITEM, _DOC_TITLE = (
    AKN + n for n in ("doc", "mainBody", "toc", "tocItem", "docTitle")
)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def refuse_dtd(text: str) -> None:
    """Refuse DTDs and entity declarations before any parser sees the text."""
    if "<!" not in text:  # every declaration starts so: most documents are passed at C speed
        return
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


def _children(element: Element, names: dict[str, str]) -> dict[str, Element]:
    """The children of *element*, each of the tags *names* maps once (to why it may stand
    there); ``<meta>`` is checked to hold no text and is not read."""
    found: dict[str, Element] = {}
    text = element.text
    if text and text.strip(WS):
        raise stray(element, None, text)
    for child in element:
        tag = child.tag
        if tag not in names or tag in found:
            *most, last = names.values()
            what = f"{', '.join(most)} and {last}" if most else last
            why = "a second one" if tag in found else f"the model reads {what} there"
            raise unexpected(child, element, why)
        found[tag] = child
        if tag == _META:
            # metadata is derived from the text: any text there would be lost
            no_text(child, "text in <meta> is not read (metadata is derived from the text)")
        tail = child.tail
        if tail and tail.strip(WS):
            raise stray(element, child, tail)
    return found


def _title(preface: Element) -> str:
    """The text of the ``<docTitle>`` of a ``<p class="title">`` in *preface*."""
    for p in preface:
        if p.tag == P and p.get("class") == "title":
            if len(p) != 1 or p[0].tag != _DOC_TITLE:
                raise Refused('a <p class="title"> holds one <docTitle>', p)
            text, tail = p.text, p[0].tail
            for after, found in ((None, text), (p[0], tail)):
                if found and found.strip(WS):
                    why = 'the title is read from the <docTitle> of <p class="title"> alone'
                    raise TextRefused(f"{why}: {shorten(found)}", p, after)
            return label(p[0])
    return ""


def read_act(root: Element, act: Element) -> Regulation:
    """The :class:`Regulation` of *act*, an ``<act>`` of the document *root*.

    Raises:
        Refused: a node the model has no place for, or holds wrong (the reader names its path).
    """
    _children(root, {_ACT: "one <act>"})
    parts = _children(
        act,
        {
            _META: "<meta>",
            _PREFACE: "<preface>",
            _PREAMBLE: "<preamble>",
            _BODY: "<body>",
            _ATTACHMENTS: "<attachments>",
        },
    )
    preface, body = parts.get(_PREFACE), parts.get(_BODY)
    if preface is None:
        raise Refused("missing <preface>", act, "/preface")
    if body is None:
        raise Refused("missing <body>", act, "/body")
    r = PreambleReader()
    subtitles: list[str] = []
    history: list[Event] = []
    toc: list[str] = []
    text = preface.text
    if text and text.strip(WS):
        raise stray(preface, None, text)
    titles = 0
    for child in preface:
        kind = child.get("class") if child.tag == P else None
        if kind == "title":
            titles += 1
            if titles > 1:
                raise unexpected(child, preface, 'a second <p class="title">')
        elif kind == "subtitle":
            subtitles.append(label(child))
        elif kind == "event":
            history.append(build(r.make[Event], child, label(child)))
        elif child.tag == _TOC:
            toc.extend(_toc(child))
        else:
            raise unexpected(
                child, preface, 'a <p class="title">, "subtitle" or "event", or a <toc>'
            )
        tail = child.tail
        if tail and tail.strip(WS):
            raise stray(preface, child, tail)
    preamble = parts.get(_PREAMBLE)
    appendices = parts.get(_ATTACHMENTS)
    return build(  # type: ignore[no-any-return]
        r.make[Regulation],
        act,
        _title(preface),
        tuple(subtitles),
        tuple(history),
        tuple(toc),
        r.blocks(preamble, None) if preamble is not None else (),
        r.hier(body, "body")[0],
        _appendices(r, appendices) if appendices is not None else (),
        (),
    )


def _toc(toc: Element) -> list[str]:
    out = []
    text = toc.text
    if text and text.strip(WS):
        raise stray(toc, None, text)
    for item in toc:
        if item.tag != _TOC_ITEM:
            raise unexpected(item, toc, "a <toc> holds <tocItem>s")
        out.append(label(item))
        tail = item.tail
        if tail and tail.strip(WS):
            raise stray(toc, item, tail)
    return out


def _appendices(r: PreambleReader, attachments: Element) -> tuple[Appendix, ...]:
    out = []
    text = attachments.text
    if text and text.strip(WS):
        raise stray(attachments, None, text)
    for attachment in attachments:
        if attachment.tag != AKN + "attachment":
            raise unexpected(attachment, attachments, "<attachments> holds <attachment>s")
        doc = _children(attachment, {_DOC: "one <doc>"}).get(_DOC)
        if doc is None:
            raise Refused("missing <doc>", attachment, "/doc")
        parts = _children(doc, {_META: "<meta>", _PREFACE: "<preface>", _MAIN: "<mainBody>"})
        preface, main = parts.get(_PREFACE), parts.get(_MAIN)
        if main is None:
            raise Refused("missing <mainBody>", doc, "/mainBody")
        title = ""
        if preface is not None:
            p = _children(preface, {P: 'one <p class="title">'}).get(P)
            if p is not None and p.get("class") != "title":
                raise Refused('an appendix\'s <preface> holds its <p class="title"> alone', p)
            title = _title(preface)
        children = r.hier(main, Appendix)[0]
        out.append(build(r.make[Appendix], attachment, title, children))
        tail = attachment.tail
        if tail and tail.strip(WS):
            raise stray(attachments, attachment, tail)
    return tuple(out)


@overload
def from_akn(xml: str | bytes) -> Regulation: ...
@overload
def from_akn(xml: str | bytes, cls: type[T]) -> T: ...
def from_akn(xml: str | bytes, cls: type[Any] = Regulation) -> Any:
    """Read a regulation from an Akoma Ntoso 3.0 ``<act>``: one :func:`to_akn` wrote, or one
    written by another tool.

    Every text of the document is read into the model or the document is refused: nothing is
    dropped.  The text of inline elements (``<ref>``, ``<b>``, ``<term>``, ``<date>`` …) is
    the text of the paragraph that holds them; a construct the model has no place for (an
    article ``<heading>``, a ``<subparagraph>``, a ``<wrapUp>``, a note, deleted text, text
    straight in an ``<article>``, an element of another namespace …) is a
    :class:`~wuxi_dt_regulation.SerializationError` naming the XPath of the node.  The table of
    constructs is on the Akoma Ntoso page of the docs.  ``<meta>`` is derived from the text and
    is not read (text in it is refused); the numbering in ``<num>`` must be in the form
    :func:`to_akn` writes, and wins over an eId that says otherwise.  Only the standard
    library's ``xml.etree`` is used.  A document with a DTD or an entity declaration is refused
    before any parser sees it, whatever it declares (no entity is expanded, nothing is fetched).

    An amending act :func:`to_akn` wrote for an :class:`~wuxi_dt_regulation.Amendment` is read
    with ``cls=Amendment``: ``from_akn(to_akn(a), Amendment) == a``.

    Args:
        xml: the document; bytes must be UTF-8 (a BOM is tolerated).
        cls: what the document holds: :class:`Regulation` (the default) or ``Amendment``.

    Returns:
        The :class:`Regulation` (or the ``Amendment``).

    Raises:
        SerializationError: the bytes are not UTF-8; the document is not well-formed XML (the
            line and column are given), holds a DTD or an entity declaration, or holds
            something the model has no place for (the XML path of the node is given: an
            element, an attribute or a text node).

    >>> from wuxi_dt_regulation import SerializationError, load, to_akn
    >>> from_akn(to_akn(load())) == load()
    True
    >>> try:
    ...     from_akn('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')
    ... except SerializationError as err:
    ...     print(err.line, err.column)
    1 1
    >>> xml = to_akn(load()).replace("<num>第一条</num>", "<num>第一条</num><heading>目的</heading>")
    >>> try:
    ...     from_akn(xml)
    ... except SerializationError as err:
    ...     print(err.path)
    /akomaNtoso/act/body/chapter[1]/article[1]/heading
    """
    if isinstance(xml, (bytes, bytearray)):
        xml = decode_utf8(xml, path="/")
    if cls is Regulation:
        try:
            # the layout to_akn writes, read line by line; anything else is left to the walk.
            # It declines any "<!" (a DTD, a comment, CDATA: it reads no entity), so the
            # declarations are looked for only in what it declines
            return read_fast(xml)
        except Declined:
            pass
    refuse_dtd(xml)
    return read_tree(xml, cls)


def read_tree(xml: str, cls: type[Any] = Regulation) -> Any:
    """:func:`from_akn` of a document *xml* :func:`refuse_dtd` has checked, by the strict tree
    walk alone (the reader of every document the fast path declines).

    Raises:
        SerializationError: as :func:`from_akn`.
    """
    from xml.etree import ElementTree

    # ElementTree refuses an encoding declaration in a str; the text is decoded already
    if xml.startswith("<?xml"):
        end = xml.find("?>")
        xml = " " * (end + 2) + xml[end + 2 :] if end >= 0 else xml
    try:
        # white space holding a line break between two tags is indentation: never read, and
        # much of what the parser would build
        root = ElementTree.fromstring(_INDENT_RE.sub("><", xml))
    except ElementTree.ParseError:
        root = _parse(xml)  # the error's line and column are those of the text as given
    if root.tag != AKN + "akomaNtoso":
        raise SerializationError(
            f"expected <akomaNtoso> in the namespace {AKN_NS}, found {root.tag!r}", path="/"
        )
    act = root.find(AKN + "act")
    if act is None:
        raise SerializationError("expected an <act>", path="/akomaNtoso")
    amending = act.get("name") == "amendment"
    if cls is not Regulation or amending:
        from .._amend.amendment import Amendment

        if cls not in (Regulation, Amendment):
            raise TypeError(f"from_akn reads a Regulation or an Amendment, not {cls.__name__}")
        if amending != (cls is Amendment):
            held = "an amending act" if amending else "a regulation"
            raise SerializationError(
                f"this document holds {held}, not {a_class(cls)}"
                + (": read it with from_akn(xml, Amendment)" if amending else ""),
                path="/akomaNtoso/act",
            )
        from .akn_amend import read_amendment

        return read_amendment(_parse(xml).find(AKN + "act"))  # type: ignore[arg-type]
    try:
        return read_act(root, act)
    except Refused as err:
        raise SerializationError(err.message, path=xpath(root, err, xml)) from None


def _parse(xml: str) -> Element:
    from xml.etree import ElementTree

    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as err:
        line, column = err.position
        message = str(err).split(":")[0]
        raise SerializationError(
            f"not well-formed XML: {message}", path="/", line=line, column=column + 1
        ) from None
