"""Akoma Ntoso 3.0 XML -> the model: :func:`from_akn` and the safety check before it.

Reading uses the standard library only (``xml.etree``, imported on first use), and refuses any
document with a DTD or an entity declaration before parsing it (no entity expansion, nothing
fetched).  Only the form :func:`~wuxi_dt_regulation.to_akn` writes is read back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .._model.errors import SerializationError, decode_utf8
from .._model.regulation import Regulation
from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Event, Paragraph, Table
from .akn import AKN, AKN_NS
from .akn_units import UnitReader

if TYPE_CHECKING:  # pragma: no cover
    from .._amend.amendment import Amendment

__all__ = ["from_akn"]

T = TypeVar("T", "Regulation", "Amendment")

_DTD_RE = re.compile(r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)|<!\[(?!CDATA\[)")


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


_APPENDIX = (Division, Paragraph, Table)
_BODY = (Part, Subpart, Chapter, Section, Article, Division, Paragraph, Table)


@overload
def from_akn(xml: str | bytes) -> Regulation: ...
@overload
def from_akn(xml: str | bytes, cls: type[T]) -> T: ...
def from_akn(xml: str | bytes, cls: type[Any] = Regulation) -> Any:
    """Read a regulation back from an Akoma Ntoso document written by :func:`to_akn`.

    Only the standard library's ``xml.etree`` is used.  A document with a DTD or an entity
    declaration is refused before any parser sees it, whatever it declares (no entity is
    expanded, nothing is fetched).  ``<meta>`` is derived from the text and is not read; the
    numbering in ``<num>`` must be in the form :func:`to_akn` writes.

    An amending act :func:`to_akn` wrote for an :class:`~wuxi_dt_regulation.Amendment` is read
    with ``cls=Amendment``: ``from_akn(to_akn(a), Amendment) == a``.

    Args:
        xml: the document; bytes must be UTF-8 (a BOM is tolerated).
        cls: what the document holds: :class:`Regulation` (the default) or ``Amendment``.

    Returns:
        The :class:`Regulation` (or the ``Amendment``).

    Raises:
        SerializationError: the bytes are not UTF-8; the document is not well-formed XML (the
            line and column are given), holds a DTD or an entity declaration, or is not an
            ``<act>`` as :func:`to_akn` writes it (the XML path of the problem is given).

    >>> from wuxi_dt_regulation import SerializationError, load, to_akn
    >>> from_akn(to_akn(load())) == load()
    True
    >>> try:
    ...     from_akn('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')
    ... except SerializationError as err:
    ...     print(err.line, err.column)
    1 1
    """
    from xml.etree import ElementTree

    if isinstance(xml, (bytes, bytearray)):
        xml = decode_utf8(xml, path="/")
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
                f"this document holds {held}, not a {cls.__name__}"
                + (": read it with from_akn(xml, Amendment)" if amending else ""),
                path="/akomaNtoso/act",
            )
        from .akn_amend import read_amendment

        return read_amendment(act)
    r = UnitReader()
    path = "/akomaNtoso/act"
    preface = r.require(act, "preface", path)
    title = r.text(preface.find(f"{AKN}p[@class='title']/{AKN}docTitle"))
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
            toc.extend(r.text(entry) for entry in child.iter(AKN + "tocItem"))
        elif not (name == "p" and kind == "title"):
            raise SerializationError(f"unexpected <{name}> in the preface", path=where)
    preamble_el = act.find(AKN + "preamble")
    preamble = (
        r.blocks(preamble_el, f"{path}/preamble", (Division, Paragraph, Table))
        if preamble_el is not None
        else ()
    )
    body = r.hier(r.require(act, "body", path), f"{path}/body", _BODY)
    appendices: list[Appendix] = []
    attachments = act.find(AKN + "attachments")
    if attachments is not None:
        for _, attachment, where in r.children(attachments, f"{path}/attachments"):
            doc = r.require(attachment, "doc", where)
            heading = r.text(doc.find(f"{AKN}preface/{AKN}p/{AKN}docTitle"))
            main = r.require(doc, "mainBody", f"{where}/doc")
            filler = all(child.tag == AKN + "p" for child in main)  # an empty appendix
            children = () if filler else r.hier(main, f"{where}/doc/mainBody", _APPENDIX)
            appendices.append(r.build(Appendix, where, title=heading, children=children))  # type: ignore[arg-type]
    return r.build(
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
