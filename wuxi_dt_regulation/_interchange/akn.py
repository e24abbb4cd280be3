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

The family: this module holds what the writer and the reader share (the namespaces, the
element and eId vocabulary of the model's containers) and the FRBR naming (:func:`work_uri`);
``akn_write`` writes (:func:`~wuxi_dt_regulation.to_akn`), ``akn_read`` reads
(:func:`~wuxi_dt_regulation.from_akn`, with the DTD check).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from .._model.structure import Chapter, Part, Section, Subpart

if TYPE_CHECKING:  # pragma: no cover
    from .._model.regulation import Regulation

__all__ = [
    "AKN",
    "AKN_NS",
    "BREAK_ATTR",
    "EID_OF",
    "EVENT_NAMES",
    "LEVEL_ATTR",
    "PIPES_ATTR",
    "TAG_OF",
    "UNDATED",
    "UNIT_OF",
    "WDR_NS",
    "dates",
    "work_uri",
]

#: The Akoma Ntoso 3.0 namespace.
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Our namespace, for the few facts Akoma Ntoso has no attribute for.
WDR_NS = "urn:wuxi-dt-regulation:akn:1"

AKN = "{" + AKN_NS + "}"
LEVEL_ATTR = "{" + WDR_NS + "}level"  # Division.level: the heading depth printed
BREAK_ATTR = "{" + WDR_NS + "}break"  # Paragraph.break_before: a <!-- FORCE BREAK --> before it
PIPES_ATTR = "{" + WDR_NS + "}pipes"  # Table lines: "start", "end" or "both" edge pipes dropped

#: The bundled regulation's work, chosen by hand (docs/citation-practice.md): 320200 is Wuxi's division code.
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

UNIT_OF = {Part: "编", Subpart: "分编", Chapter: "章", Section: "节"}
TAG_OF = {Part: "part", Subpart: "subpart", Chapter: "chapter", Section: "section"}
EID_OF = {Part: "part", Subpart: "subpart", Chapter: "chp", Section: "sec"}


# --------------------------------------------------------------------------- FRBR


def _subtype(title: str) -> str:
    for ending, name in sorted(SUBTYPES, key=lambda pair: -len(pair[0])):
        if title.endswith(ending):
            local = name == "regulation" and _LOCAL_RE.match(title) is not None
            return f"local-{name}" if local else name
    return "act"


def dates(regulation: Regulation) -> tuple[str, str]:
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
    date = dates(regulation)[0]
    known = KNOWN_WORKS.get(regulation.title)
    if known is not None:
        country, subtype, name = known
    else:
        country, subtype = "cn", _subtype(regulation.title)
        name = "t-" + hashlib.sha256(regulation.title.encode("utf-8")).hexdigest()[:12]
    return f"/akn/{country}/act/{subtype}/{date}/{name}"
