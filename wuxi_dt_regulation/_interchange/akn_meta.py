"""The ``<meta>`` block of an Akoma Ntoso document: the FRBR work, expression and manifestation,
a lifecycle from the dated history lines, and the organizations and events they name
(:func:`write_meta`); and the identification of each attachment (:func:`write_attachment_meta`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.regulation import Regulation
from .._model.units import Event
from .akn import EVENT_NAMES, UNDATED, dates
from .akn_xml import ElementBuilder

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["write_attachment_meta", "write_meta"]


def write_meta(w: ElementBuilder, regulation: Regulation, work: str) -> Element:
    work_date, expr_date = dates(regulation)
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
    _lifecycle_and_references(w, meta, regulation.history)
    return meta


def _lifecycle_and_references(w: ElementBuilder, meta: Element, history: tuple[Event, ...]) -> None:
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


def write_attachment_meta(
    w: ElementBuilder, doc: Element, regulation: Regulation, work: str, eid: str
) -> None:
    """The ``<meta>`` of attachment *eid*: its FRBR identification as a component of *work*."""
    component = f"{work}/!{eid}"
    doc_meta = w.sub(doc, "meta")
    ident = w.sub(doc_meta, "identification", {"source": "#wdr"})
    work_date, expr_date = dates(regulation)
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
