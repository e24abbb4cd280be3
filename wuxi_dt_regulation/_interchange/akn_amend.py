"""An :class:`~wuxi_dt_regulation.Amendment` as an Akoma Ntoso amending act, and back.

The amending instrument is an ``<act name="amendment">`` (a 修改决定 or 修正案 is an act that
amends others):

- ``<meta>``: the FRBR identification and lifecycle of the amending act itself (as for any act),
  and ``<analysis><activeModifications>`` with one ``<textualMod>`` per operation: its ``type``
  (``substitution``, ``insertion``, ``repeal``, ``renumbering``), ``<source href="#mod_N">``
  (the instruction in the body), one ``<destination>`` per unit it acts on (``href`` the unit's
  eId in the amended act, ``#art_10__para_2``; the place of an insertion, the unit it follows,
  the chapter a move goes to carry ``wdr:role``), ``<old>`` the words replaced or deleted and
  ``<new>`` the new wording, each line a ``<wdr:line>`` (Akoma Ntoso keeps the text of
  ``<old>``/``<new>`` "in some non-managed form": elements of another namespace).  A clause that
  changes no text (:class:`~wuxi_dt_regulation.amendments.Note`) is a ``<meaningMod>``.
- ``<preface>``: the title, the instruments amended (``<p class="instrument">``), the history.
- ``<body>``: one ``<hcontainer name="instruction">`` per operation holding its text as written
  in a ``<mod>`` (with its line and column), then one ``<hcontainer>`` per closing clause
  (``commencement``, ``renumbering``).

What Akoma Ntoso has no attribute for (the kind of operation, a target's scope, a 款 named by
its text) is kept in attributes of the private namespace, as for regulations, so that
``from_akn(to_akn(a), Amendment) == a``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from .._amend.amendment import Amendment
from .._amend.operations import (
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertHeading,
    InsertWords,
    Move,
    Note,
    Operation,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)
from .._citations.format import eid_for
from .._citations.parse import parse_citation
from .._model.citation import Citation
from .._model.errors import CitationError, SerializationError
from .._model.regulation import Regulation
from .._model.units import Event
from .akn import AKN, WDR_NS
from .akn_meta import write_meta
from .akn_xml import ElementBuilder

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["amendment_to_element", "read_amendment"]

W = "{" + WDR_NS + "}"
#: The Akoma Ntoso type of each kind of operation (a Move is renumbered into another place).
MOD_TYPES = {
    Replace: "substitution", ReplaceWords: "substitution", Retitle: "substitution",
    DeleteWords: "repeal", Delete: "repeal",
    InsertWords: "insertion", Insert: "insertion", InsertHeading: "insertion",
    Renumber: "renumbering", Move: "renumbering",
}  # fmt: skip
_BY_KIND: dict[str, type] = {cls.KIND: cls for cls in (*MOD_TYPES, Note)}  # type: ignore[attr-defined]
_SCOPE_HREF = {
    "title": "#title",
    "preamble": "#preamble",
    "introduction": "#preface",
    "document": "#body",
}


def _href(target: Target) -> tuple[str, dict[str, str]]:
    """The destination of *target*: an eId of the amended act, and the attributes that say
    what the eId cannot (a scope, a 款 named by its text, a number of the amended text)."""
    extra: dict[str, str] = {}
    cite = target.citation
    if target.scope != "unit":
        extra[W + "scope"] = target.scope
    if target.number is not None:
        extra[W + "number"] = str(target.number)
    if target.sentences is not None:
        extra[W + "sentences"] = f"{target.sentences[0]} {target.sentences[1]}"
    if target.new:
        extra[W + "new"] = "true"
    if cite is None:
        return _SCOPE_HREF[target.scope], extra
    try:
        eid = eid_for(cite)
        exact = parse_citation(str(cite)) == cite and cite.title is None
    except CitationError:
        eid, exact = (
            eid_for(Citation(article=cite.article, suffix=cite.suffix)) if cite.article else "body",
            False,
        )
    if not exact:
        extra[W + "citation"] = str(cite)
    return "#" + eid + ("__intro" if target.scope == "head" else ""), extra


class _Writer(ElementBuilder):
    def lines(self, parent: Element, tag: str, lines: tuple[str, ...] | list[str]) -> None:
        holder = self.sub(parent, tag)
        for line in lines:
            child = self.et.SubElement(holder, W + "line")
            child.text = self.check(line)

    def destination(self, mod: Element, target: Target, role: str = "") -> None:
        href, extra = _href(target)
        if role:
            extra[W + "role"] = role
        self.sub(mod, "destination", {"href": href, **extra})

    def operation(self, mods: Element, body: Element, op: Operation, n: int) -> None:
        source = f"mod_{n}"
        holder = self.sub(body, "hcontainer", {"name": "instruction", "eId": f"hcontainer_{n}"})
        p = self.sub(self.sub(holder, "content"), "p")
        span = {W + "line": str(op.span.line), W + "column": str(op.span.column)}
        self.sub(p, "mod", {"eId": source, **span}, text=op.span.text)
        attrib = {"eId": f"tmod_{n}", W + "kind": op.KIND}
        if op.instrument is not None:
            attrib[W + "instrument"] = self.check(op.instrument)
        if isinstance(op, Note):
            kind = "authenticInterpretation" if op.kind == "interpretation" else "variation"
            mod = self.sub(mods, "meaningMod", {**attrib, "type": kind, W + "note": op.kind})
            self.sub(mod, "source", {"href": "#" + source})
            self.sub(mod, "destination", {"href": "#body"})
            return
        if isinstance(op, InsertWords):
            attrib[W + "position"] = op.position
            attrib[W + "anchor"] = self.check(op.anchor)
        if isinstance(op, Insert) and op.unit:
            attrib[W + "unit"] = op.unit
        mod = self.sub(mods, "textualMod", {**attrib, "type": MOD_TYPES[type(op)]})
        self.sub(mod, "source", {"href": "#" + source})
        for target in getattr(op, "targets", ()) or (op.target,):  # type: ignore[union-attr]
            self.destination(mod, target)
        roles = {"after": "after", "within": "within", "chapter": "chapter", "to": "to"}
        for field, role in roles.items():
            value = getattr(op, field, None)
            if isinstance(value, Target):
                self.destination(mod, value, role)
        for held in getattr(op, "holds", ()):
            self.destination(mod, held, "holds")
        olds: tuple[str, ...] = ()
        if isinstance(op, (Replace, ReplaceWords)):
            olds = op.old
        elif isinstance(op, DeleteWords):
            olds = op.words
        for old in olds:
            self.lines(mod, "old", [old])
        if isinstance(op, (Replace, Insert)):
            self.lines(mod, "new", op.wording.lines)
        elif isinstance(op, ReplaceWords):
            self.lines(mod, "new", [op.new])
        elif isinstance(op, InsertWords):
            self.lines(mod, "new", [op.words])
        elif isinstance(op, (InsertHeading, Retitle)):
            self.lines(mod, "new", [op.title])


def amendment_to_element(amendment: Amendment) -> tuple[Element, ElementBuilder]:
    """The ``<akomaNtoso>`` element of *amendment* (see the module docstring)."""
    w = _Writer()
    w.used.update({"wdr", "author"})
    stand_in = Regulation(amendment.title, history=amendment.history)
    work = "/akn/cn/act/amendment/" + "/".join(_work(stand_in).split("/")[5:])
    root = w.el("akomaNtoso")
    act = w.sub(root, "act", {"name": "amendment"})
    meta = write_meta(w, stand_in, work)
    act.append(meta)
    body = w.el("body")
    mods = w.el("activeModifications")
    for n, op in enumerate(amendment.operations, 1):
        w.operation(mods, body, op, n)
    if len(mods):
        analysis = w.el("analysis", {"source": "#wdr"})
        analysis.append(mods)
        meta.insert(list(meta).index(meta.find(AKN + "references")), analysis)  # type: ignore[arg-type]
    for k, clause in enumerate(amendment.clauses, len(amendment.operations) + 1):
        attrib = {W + "line": str(clause.span.line), W + "column": str(clause.span.column)}
        if clause.instrument is not None:
            attrib[W + "instrument"] = w.check(clause.instrument)
        if isinstance(clause, Commence):
            name = "commencement"
            if clause.date is not None:
                attrib[W + "date"] = clause.date.isoformat()
        else:
            name = "renumbering"
            if clause.republish:
                attrib[W + "republish"] = "true"
        holder = w.sub(body, "hcontainer", {"name": name, "eId": f"hcontainer_{k}", **attrib})
        w.sub(w.sub(holder, "content"), "p", text=clause.span.text)
    if not len(body):
        w.sub(body, "hcontainer", {"name": "placeholder", "eId": "hcontainer_0"})
    preface = w.sub(act, "preface")
    w.sub(w.sub(preface, "p", {"class": "title"}), "docTitle", text=amendment.title)
    for title in amendment.instruments:
        w.sub(preface, "p", {"class": "instrument"}, text=title)
    for event in amendment.history:
        w.sub(preface, "p", {"class": "event"}, text=event.text)
    act.append(body)
    return root, w


def _work(regulation: Regulation) -> str:
    from .akn import work_uri

    return work_uri(regulation)


# --------------------------------------------------------------------------- reading


def _text(element: Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _fail(message: str, path: str) -> SerializationError:
    return SerializationError(message, path=path)


def _int(element: Element, name: str, path: str) -> int:
    value = element.get(W + name, "")
    if not (value.isascii() and value.isdigit()):  # not '²' nor '١'
        raise _fail(f"expected wdr:{name} as a number, found {value!r}", path)
    return int(value)


def _choice(element: Element, name: str, allowed: tuple[str, ...], path: str) -> str:
    value = element.get(W + name, allowed[0])
    if value not in allowed:
        raise _fail(f"expected wdr:{name} to be one of {allowed}, found {value!r}", path)
    return value


def _target(element: Element, path: str) -> Target:
    href = element.get("href", "")
    scope = element.get(W + "scope", "unit")
    written = element.get(W + "citation")
    citation: Citation | None = None
    try:
        if written is not None:
            citation = parse_citation(written)
        elif scope in ("unit", "head"):
            from .._citations.eids import parse_eid

            citation = parse_eid(href.removeprefix("#").removesuffix("__intro"), 0, None)
    except (CitationError, ValueError) as err:
        raise _fail(f"cannot read the destination {href!r}: {err}", path) from None
    number = element.get(W + "number")
    sentences = element.get(W + "sentences")
    try:
        return Target(
            citation,
            scope,  # type: ignore[arg-type]
            int(number) if number is not None else None,
            tuple(int(x) for x in sentences.split()) if sentences is not None else None,  # type: ignore[arg-type]
            element.get(W + "new") == "true",
        )
    except ValueError as err:
        raise _fail(str(err), path) from None


def _lines(mod: Element, tag: str) -> list[tuple[str, ...]]:
    return [tuple(line.text or "" for line in holder) for holder in mod.findall(AKN + tag)]


def _operation(mod: Element, spans: dict[str, Span], path: str) -> Operation:
    kind = mod.get(W + "kind", "")
    cls = _BY_KIND.get(kind)
    if cls is None:
        raise _fail(f"unknown wdr:kind {kind!r}", path)
    source = mod.find(AKN + "source")
    span = spans.get((source.get("href", "") if source is not None else "").removeprefix("#"))
    if span is None:
        raise _fail("its <source> names no <mod> of the body", path)
    common: dict[str, Any] = {"span": span, "instrument": mod.get(W + "instrument")}
    if cls is Note:
        return Note(mod.get(W + "note", ""), **common)
    roles: dict[str, list[Target]] = {}
    for k, destination in enumerate(mod.findall(AKN + "destination"), 1):
        role = destination.get(W + "role", "")
        roles.setdefault(role, []).append(_target(destination, f"{path}/destination[{k}]"))
    targets = tuple(roles.get("", ()))
    one = {k: v[0] for k, v in roles.items() if v and k}
    olds = tuple(lines[0] if lines else "" for lines in _lines(mod, "old"))
    news = _lines(mod, "new")
    new_lines = news[0] if news else ()
    first = new_lines[0] if new_lines else ""
    if cls in (Replace, ReplaceWords, DeleteWords, InsertWords, Delete):
        if cls is Replace:
            return Replace(targets, Wording(new_lines), olds, **common)
        if cls is ReplaceWords:
            return ReplaceWords(targets, olds, first, **common)
        if cls is DeleteWords:
            return DeleteWords(targets, olds, **common)
        if cls is InsertWords:
            position: Any = _choice(mod, "position", ("after", "before", "end", "start"), path)
            return InsertWords(targets, mod.get(W + "anchor", ""), first, position, **common)
        return Delete(targets, **common)
    (target,) = targets
    if cls is Insert:
        unit: Any = _choice(mod, "unit", ("", "article", "paragraph", "item", "subitem"), path)
        return Insert(
            target, Wording(new_lines), one.get("after"), unit, one.get("within"), **common
        )
    if cls is InsertHeading:
        return InsertHeading(target, first, tuple(roles.get("holds", ())), **common)
    if cls is Renumber:
        return Renumber(target, one["to"], **common)
    if cls is Move:
        return Move(target, one["chapter"], one["to"], **common)
    return Retitle(target, first, **common)


def read_amendment(act: Element) -> Amendment:
    """The :class:`Amendment` an ``<act name="amendment">`` holds (see the module docstring).

    Raises:
        SerializationError: the act is not one :func:`~wuxi_dt_regulation.to_akn` writes for
            an amendment (the XML path of the problem is given).
    """
    path = "/akomaNtoso/act"
    preface = act.find(AKN + "preface")
    body = act.find(AKN + "body")
    if preface is None or body is None:
        raise _fail("an amendment needs its <preface> and <body>", path)
    title = _text(preface.find(f"{AKN}p[@class='title']/{AKN}docTitle"))
    instruments = tuple(
        "".join(p.itertext()) for p in preface.findall(f"{AKN}p[@class='instrument']")
    )
    history = tuple(
        Event("".join(p.itertext())) for p in preface.findall(f"{AKN}p[@class='event']")
    )
    spans: dict[str, Span] = {}
    clauses: list[Commence | Renumbering] = []
    for k, holder in enumerate(body.findall(AKN + "hcontainer"), 1):
        where = f"{path}/body/hcontainer[{k}]"
        name = holder.get("name")
        if name == "instruction":
            mod = holder.find(f"{AKN}content/{AKN}p/{AKN}mod")
            if mod is None:
                raise _fail("an instruction holds its <mod>", where)
            spans[mod.get("eId", "")] = Span(
                _int(mod, "line", where), _int(mod, "column", where), mod.text or ""
            )
        elif name in ("commencement", "renumbering"):
            text = _text(holder.find(f"{AKN}content/{AKN}p"))
            span = Span(_int(holder, "line", where), _int(holder, "column", where), text)
            instrument = holder.get(W + "instrument")
            if name == "commencement":
                date = holder.get(W + "date")
                clauses.append(
                    Commence(
                        datetime.date.fromisoformat(date) if date else None,
                        span=span,
                        instrument=instrument,
                    )
                )
            else:
                clauses.append(
                    Renumbering(
                        holder.get(W + "republish") == "true", span=span, instrument=instrument
                    )
                )
    operations: list[Operation] = []
    mods = act.find(f"{AKN}meta/{AKN}analysis/{AKN}activeModifications")
    for k, mod in enumerate(mods if mods is not None else (), 1):
        where = f"{path}/meta/analysis/activeModifications/{mod.tag.removeprefix(AKN)}[{k}]"
        try:
            operations.append(_operation(mod, spans, where))
        except (ValueError, TypeError, KeyError) as err:
            if isinstance(err, SerializationError):
                raise
            raise _fail(f"not an operation this library writes: {err}", where) from None
    try:
        return Amendment(title, instruments, history, tuple(operations), tuple(clauses))
    except (ValueError, TypeError) as err:
        raise _fail(str(err), path) from None
