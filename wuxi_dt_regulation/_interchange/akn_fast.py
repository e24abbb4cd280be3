"""The fast reader of Akoma Ntoso documents: the XML :func:`~wuxi_dt_regulation.to_akn` writes,
read line by line without building an element tree.

:func:`read_fast` accepts exactly the layout ``to_akn`` prints: the XML declaration, the root
with its two namespace declarations, one element per line indented with spaces, text only in
the elements that hold it (``<p>``, ``<num>``, ``<heading>``, ``<docTitle>``, ``<tocItem>``) and
on their line, attributes in the writer's order.  Each line is matched whole (constant lines by
equality, opening tags by an anchored pattern); text is checked to hold no markup (``<``,
``>``) and only the five predefined entities, and the document to hold no character XML 1.0
cannot carry and no carriage return (whose line-end normalization it does not redo).  A
comment, a CDATA section, a processing instruction, a DOCTYPE or entity declaration, a
namespace prefix other than ``wdr:`` on a known attribute, an unknown element or attribute, an
inline element, a second ``<num>``: anything else raises :class:`Declined`.  ``<meta>`` is not
read, as in the tree walk: its lines are checked to be well-formed tags holding no text.

It never reports a problem: on :class:`Declined`, :func:`.akn_read.from_akn` reads the document
again with the strict tree walk (:mod:`.akn_units`), which names every problem with its XML
path.  Values are built with the same trusted constructors as the walk (:func:`.akn_parts.makers`),
from the same texts, so the fast path can only be stricter than the walk, never more lenient,
and its result equals the walk's (tests/test_akn_fast.py checks both, on generated, damaged and
real documents).  Amending acts (``<act name="amendment">``) are left to the walk.
"""

from __future__ import annotations

import re
from typing import Any

from .._model.regulation import Regulation
from .._model.structure import Appendix, Article, Division
from .._model.units import Event, Item, Paragraph, SubItem, Table
from .akn import AKN, AKN_NS, WDR_NS
from .akn_fast_blocks import VALUE, BlockReader, Declined, element_text, p_text, unescape
from .akn_parts import (
    ALLOWED,
    MAX_DEPTH,
    STRUCTURES,
    UNIT_OF,
    makers,
    read_article_num,
    read_item_num,
    read_subitem_num,
    read_unit_num,
)
from .akn_text import WS

__all__ = ["Declined", "read_fast"]


#: Lines: what follows a line break and its indentation.
_LINES_RE = re.compile(r"\n *")
#: Characters XML 1.0 cannot carry, and the carriage return.
_UNFIT_RE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
#: The opening line of a unit of the body or of an appendix's main body.
_HIER_RE = re.compile(
    r"<(paragraph|article|part|subpart|chapter|section|division|hcontainer)"
    r'(?: name="(table|placeholder)")? eId=' + VALUE + r'(?: wdr:(break|level)="([^"<>&]*)")?(/)?>'
)
_LIST_RE = re.compile(r"<(list|point) eId=" + VALUE + ">")
_ATTACHMENT_RE = re.compile("<attachment eId=" + VALUE + ">")
_TOC_ITEM_RE = re.compile(r'<tocItem href="[^"<>&]*" level="1"(?:>(.*)</tocItem>|/>)')
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_ROOT = f'<akomaNtoso xmlns="{AKN_NS}" xmlns:wdr="{WDR_NS}">'
_ACT_RE = re.compile(r'<act name="([^"<>&]*)">')
_EMPTY: tuple[Any, ...] = ()


class FastReader(BlockReader):
    """One document's lines, read in order; every method reads up to its element's end."""

    def __init__(self, lines: list[str]) -> None:
        self.next = iter(lines).__next__
        self.make = made = makers()
        self.new_paragraph = made[Paragraph]

    def document(self) -> Regulation:
        next_line = self.next
        if next_line() != _DECLARATION or next_line() != _ROOT:
            raise Declined
        act = _ACT_RE.fullmatch(next_line())
        if act is None or act[1] == "amendment" or next_line() != "<meta>":
            raise Declined
        self.meta()
        if next_line() != "<preface>":
            raise Declined
        title, subtitles, history, toc = self.preface()
        line = next_line()
        preamble = _EMPTY
        if line == "<preamble>":
            preamble = self.blocks(None, "</preamble>")
            line = next_line()
        if line != "<body>":
            raise Declined
        body = self.hier("body", "</body>")
        line = next_line()
        appendices = _EMPTY
        if line == "<attachments>":
            appendices = self.attachments()
            line = next_line()
        if line != "</act>" or next_line() != "</akomaNtoso>":
            raise Declined
        while True:  # white space may end the document, nothing else
            try:
                if next_line():
                    raise Declined
            except StopIteration:
                break
        return self.make[Regulation](  # type: ignore[no-any-return]
            title, subtitles, history, toc, preamble, body, appendices, ()
        )

    def preface(self) -> tuple[str, tuple[str, ...], tuple[Event, ...], tuple[str, ...]]:
        next_line = self.next
        if next_line() != '<p class="title">':
            raise Declined
        title = element_text(next_line(), "docTitle").strip(WS)
        if next_line() != "</p>":
            raise Declined
        subtitles: list[str] = []
        history: list[Event] = []
        toc: list[str] = []
        make_event = self.make[Event]
        while (line := next_line()) != "</preface>":
            if line.startswith('<p class="subtitle"'):
                subtitles.append(element_text(line[:2] + line[19:], "p").strip(WS))
            elif line.startswith('<p class="event"'):
                history.append(make_event(element_text(line[:2] + line[16:], "p").strip(WS)))
            elif line == "<toc>":
                while (line := next_line()) != "</toc>":
                    item = _TOC_ITEM_RE.fullmatch(line)
                    if item is None:
                        raise Declined
                    toc.append(unescape(item[1] or "").strip(WS))
            else:
                raise Declined
        return title, tuple(subtitles), tuple(history), tuple(toc)

    # ---- the body and an appendix's main body

    def hier(self, kind: object, closing: str, line: str | None = None) -> tuple[object, ...]:
        """The children of a container of *kind* (a key of :data:`.akn_parts.ALLOWED`), up to
        its *closing* line, from *line* (its first line when the caller has read it); its
        ``<num>`` and ``<heading>`` are read by the caller."""
        allowed = ALLOWED[kind]
        out: list[object] = []
        paragraphs = 0
        next_line = self.next
        make = self.make
        if line is None:
            line = next_line()
        while line != closing:
            found = _HIER_RE.fullmatch(line)
            if found is None:
                if kind is Appendix and AKN + "p" in allowed:  # a bare 款, or a filler
                    text = p_text(line).strip(WS)
                    if text:
                        paragraphs += 1
                        out.append(make[Paragraph](paragraphs, text, (), False, ()))
                    line = next_line()
                    continue
                raise Declined
            tag, name, attribute, value, empty = found.groups()
            full = AKN + tag
            if full not in allowed or (empty and tag != "hcontainer"):
                raise Declined
            if tag == "paragraph":
                if attribute == "level" or (attribute and value != "true"):
                    raise Declined
                paragraphs += 1
                out.append(self.paragraph(paragraphs, attribute is not None))
            elif tag == "hcontainer":
                if name is None or attribute is not None:
                    raise Declined
                if name == "placeholder":
                    if not empty:
                        raise Declined
                else:
                    if empty:
                        raise Declined
                    out.append(self.table_box())
            elif name is not None or (
                attribute is not None and (tag != "division" or attribute != "level")
            ):
                raise Declined
            elif tag == "article":
                out.append(self.article())
            elif tag == "division":
                if value is None or not value.isascii() or not value.isdigit():
                    raise Declined
                title, first = self.heading()
                children = self.hier(Division, "</division>", first)
                out.append(make[Division](title, int(value), children))
            else:
                cls = STRUCTURES[full]
                number = read_unit_num(element_text(next_line(), "num").strip(WS), UNIT_OF[cls])
                if number is None:
                    raise Declined
                title, first = self.heading()
                out.append(make[cls](number, title, self.hier(cls, f"</{tag}>", first)))
            line = next_line()
        return tuple(out)

    def heading(self) -> tuple[str, str | None]:
        """The text of an optional ``<heading>`` line, and the line read after the heading's
        place when there is none."""
        line = self.next()
        if line.startswith("<heading"):
            return element_text(line, "heading").strip(WS), None
        return "", line

    def article(self) -> Article:
        next_line = self.next
        number = read_article_num(element_text(next_line(), "num").strip(WS))
        if number is None:
            raise Declined
        paragraphs: list[Paragraph] = []
        while (line := next_line()) != "</article>":
            found = _HIER_RE.fullmatch(line)
            if found is None or found[1] != "paragraph" or found[2] or found[5]:
                raise Declined
            if found[3] is not None and (found[3] != "break" or found[4] != "true"):
                raise Declined
            paragraphs.append(self.paragraph(len(paragraphs) + 1, found[3] is not None))
        return self.make[Article](number[0], number[1], tuple(paragraphs))  # type: ignore[no-any-return]

    def paragraph(self, number: int, brk: bool) -> Paragraph:
        next_line = self.next
        line = next_line()
        if line == "<content>":
            line = next_line()
            after = next_line()
            if after == "</content>":  # the usual 款
                if next_line() != "</paragraph>":
                    raise Declined
                return self.new_paragraph(number, p_text(line).strip(WS), (), brk, ())  # type: ignore[no-any-return]
            lines = [p_text(line).strip(WS)]
            while after != "</content>":
                lines.append(p_text(after).strip(WS))
                after = next_line()
            if next_line() != "</paragraph>":
                raise Declined
            return self.new_paragraph(number, lines[0], (), brk, tuple(lines[1:]))  # type: ignore[no-any-return]
        if _LIST_RE.fullmatch(line) is None or line[1] != "l":
            raise Declined
        lead, items = self.listing(0)
        if next_line() != "</paragraph>":
            raise Declined
        first = lead[0] if lead else ""
        return self.new_paragraph(number, first, items, brk, tuple(lead[1:]))  # type: ignore[no-any-return]

    def p_lines(self, closing: str) -> list[str]:
        """The stripped texts of the ``<p>`` lines up to *closing*."""
        out = []
        next_line = self.next
        while (line := next_line()) != closing:
            out.append(p_text(line).strip(WS))
        return out

    def listing(self, depth: int) -> tuple[list[str], tuple[Any, ...]]:
        """A ``<list>``'s lead text (its ``<intro>``) and its points: 项 at *depth* 0, 目
        below."""
        if depth > MAX_DEPTH:
            raise Declined
        next_line = self.next
        line = next_line()
        lead: list[str] = []
        if line == "<intro>":
            lead = self.p_lines("</intro>")
            line = next_line()
        points: list[Any] = []
        make = self.make[Item] if depth == 0 else self.make[SubItem]
        while line != "</list>":
            found = _LIST_RE.fullmatch(line)
            if found is None or line[1] != "p":
                raise Declined
            label = element_text(next_line(), "num").strip(WS)
            line = next_line()
            if line == "<content>":
                lines = self.p_lines("</content>")
                text, more, subs = (lines[0] if lines else ""), tuple(lines[1:]), _EMPTY
            elif _LIST_RE.fullmatch(line) is not None and line[1] == "l":
                inner, subs = self.listing(depth + 1)
                text, more = (inner[0] if inner else ""), tuple(inner[1:])
            else:
                raise Declined
            if next_line() != "</point>":
                raise Declined
            if depth == 0:
                item = read_item_num(label)
                if item is None:
                    raise Declined
                points.append(make(item[0], text, subs, more, item[1]))
            else:
                sub = read_subitem_num(label)
                if sub is None:
                    raise Declined
                points.append(make(sub, text, subs, more))
            line = next_line()
        return lead, tuple(points)

    # ---- tables, appendices, the preamble

    def table_box(self) -> Table:
        """The rest of an ``<hcontainer name="table">``: a ``<table>``, or the empty table's
        filler ``<p/>``."""
        next_line = self.next
        if next_line() != "<content>":
            raise Declined
        line = next_line()
        if line == "<table>":
            table = self.table()
        elif not p_text(line).strip(WS):
            table = self.make[Table](())
        else:
            raise Declined
        if next_line() != "</content>" or next_line() != "</hcontainer>":
            raise Declined
        return table

    def attachments(self) -> tuple[Appendix, ...]:
        next_line = self.next
        out = []
        while (line := next_line()) != "</attachments>":
            if _ATTACHMENT_RE.fullmatch(line) is None:
                raise Declined
            if next_line() != '<doc name="appendix">' or next_line() != "<meta>":
                raise Declined
            self.meta()
            if next_line() != "<preface>" or next_line() != '<p class="title">':
                raise Declined
            title = element_text(next_line(), "docTitle").strip(WS)
            if next_line() != "</p>" or next_line() != "</preface>":
                raise Declined
            if next_line() != "<mainBody>":
                raise Declined
            children = self.hier(Appendix, "</mainBody>")
            if next_line() != "</doc>" or next_line() != "</attachment>":
                raise Declined
            out.append(self.make[Appendix](title, children))
        return tuple(out)


def read_fast(xml: str) -> Regulation:
    """The regulation of a document in the layout :func:`~wuxi_dt_regulation.to_akn` writes.

    Raises:
        Declined: anything else, or a value the model's checks refuse; read it with the walk.
    """
    if _UNFIT_RE.search(xml) is not None:
        raise Declined
    try:
        return FastReader(_LINES_RE.split(xml)).document()
    except (StopIteration, ValueError, TypeError):
        raise Declined from None
