"""What the fast Akoma Ntoso reader (:mod:`.akn_fast`) reads besides the body: text on a line,
the preface, ``<meta>`` (skipped, checked to be well-formed tags holding no text), tables and
the preamble's block elements, each in the layout :func:`~wuxi_dt_regulation.to_akn` writes.
Anything else raises :class:`Declined`, and the tree walk reads the document
(:mod:`.akn_read`, :mod:`.akn_blocks` and :mod:`.akn_tables` hold the rules this module follows,
construct by construct).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._model.structure import Appendix, Article, Division
from .._model.units import Event, Item, Paragraph, SubItem, Table
from .akn_parts import MAX_DEPTH, read_article_num, read_item_num, read_subitem_num
from .akn_text import WS

__all__ = ["UNFIT", "VALUE", "BlockReader", "Declined", "element_text", "p_text", "unescape"]


class Declined(Exception):
    """The document is not one the fast path reads: read it with the tree walk instead."""


#: Characters XML 1.0 cannot carry, and the carriage return (whose line-end normalization
#: the fast path does not redo); what a regular expression class excludes with them.
UNFIT = "\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff"
_UNFIT_RE = re.compile(f"[{UNFIT}]")
#: An attribute value with no markup, entity, quote or unfit character in it.
VALUE = f'"[^"<>&{UNFIT}]*"'
#: An ampersand that does not start a predefined entity.
_BARE_AMP_RE = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)")
_ENTITY_RE = re.compile(r"&(amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_BLOCK_RE = re.compile(
    r'<blockContainer class="(paragraph|table|article|division)"'
    r'(?: wdr:(break|level)="(true|[0-9]+)")?>'
)
_TOC_ITEM_RE = re.compile(f'<tocItem href={VALUE} level="1"(?:>(.*)</tocItem>|/>)')
_ATTACHMENT_RE = re.compile(f"<attachment eId={VALUE}>")
_TR_RE = re.compile(r'<tr(?: wdr:pipes="(both|start|end)")?>')
#: A line of ``<meta>``: an opening, closing or empty tag, its attributes well-formed.
_META_RE = re.compile(
    r'<(?:/([A-Za-z][A-Za-z0-9]*)|([A-Za-z][A-Za-z0-9]*)((?: (?:wdr:)?[A-Za-z]+="'
    f'(?:[^"<&{UNFIT}]|&(?:amp|lt|gt|quot|apos|#9|#10|#13);)*")*)(/?))>'
)
_ATTR_NAME_RE = re.compile(r' ((?:wdr:)?[A-Za-z]+)="')
_XML_ATTR_RE = re.compile(r' xml[A-Za-z]*="')  # (an attribute: no value holds a quote)


def unescape(text: str) -> str:
    """*text* as it stands between two tags, its entities read; markup, an entity other than
    the five predefined ones and a character XML 1.0 cannot carry are declined."""
    if (
        "<" in text
        or ">" in text
        or _BARE_AMP_RE.search(text) is not None
        or _UNFIT_RE.search(text) is not None
    ):
        raise Declined
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m[1]], text)


#: Per tag: its opening and closing tags, its empty form, where its text starts and ends.
_FORMS = {
    tag: (f"<{tag}>", f"</{tag}>", f"<{tag}/>", len(tag) + 2, -len(tag) - 3)
    for tag in ("num", "heading", "docTitle", "p")
}


def element_text(line: str, tag: str) -> str:
    """The text of *line*, ``<tag>text</tag>`` or ``<tag/>`` (*tag* one of ``num``,
    ``heading``, ``docTitle`` and ``p``), unstripped."""
    opening, closing, empty, start, end = _FORMS[tag]
    if line.startswith(opening) and line.endswith(closing) and len(line) >= start - end:
        text = line[start:end]
        if "<" in text or ">" in text or "&" in text or not text.isprintable():
            return unescape(text)
        return text
    if line == empty:
        return ""
    raise Declined


def p_text(line: str) -> str:
    """The text of a ``<p>`` line, unstripped (:func:`element_text`, inline for speed)."""
    if line.startswith("<p>") and line.endswith("</p>"):
        text = line[3:-4]
        # isprintable() is true of no character XML cannot carry: the rare text it is false
        # of (a tab, an ideographic space) is checked character by character
        if "<" in text or ">" in text or "&" in text or not text.isprintable():
            return unescape(text)
        return text
    if line == "<p/>":
        return ""
    raise Declined


class BlockReader:
    """Reads a document's lines in order (:attr:`next`); each method reads up to the end of
    its element.  :class:`.akn_fast.FastReader` is one."""

    next: Callable[[], str]
    make: dict[type, Callable[..., Any]]
    #: The reader of the units of the body and of an appendix's main body.
    hier: Callable[[object, str], tuple[object, ...]]

    def meta(self) -> None:
        """Skip a ``<meta>`` (its opening line read): well-formed tags, no text, no attribute
        twice, no namespace declaration."""
        open_tags = ["meta"]
        while open_tags:
            found = _META_RE.fullmatch(self.next())
            if found is None:
                raise Declined
            closing, name, attributes, empty = found.groups()
            if closing is not None:
                if open_tags.pop() != closing:
                    raise Declined
                continue
            if attributes.count('="') > 1:  # (a value holds no quote: one per attribute)
                names = _ATTR_NAME_RE.findall(attributes)
                if len(set(names)) != len(names):
                    raise Declined
            if " xml" in attributes and _XML_ATTR_RE.search(attributes) is not None:
                raise Declined
            if not empty:
                open_tags.append(name)

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

    def p_lines(self, closing: str) -> list[str]:
        """The stripped texts of the ``<p>`` lines up to *closing*."""
        out = []
        next_line = self.next
        while (line := next_line()) != closing:
            out.append(p_text(line).strip(WS))
        return out

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

    def table(self) -> Table:
        """A ``<table>`` (its opening line read): a ``<tr>`` per line, a ``<td>`` holding one
        ``<p>`` per cell, ``wdr:pipes`` for the edge pipes."""
        next_line = self.next
        lines = []
        while (line := next_line()) != "</table>":
            row = _TR_RE.fullmatch(line)
            if row is None:
                raise Declined
            cells = []
            while (line := next_line()) != "</tr>":
                if line != "<td>":
                    raise Declined
                cell = p_text(next_line())
                if "|" in cell or next_line() != "</td>":
                    raise Declined
                cells.append(cell)
            text = "|".join(cells)
            pipes = row[1]
            if pipes is not None:
                text = ("|" if pipes != "end" else "") + text + ("|" if pipes != "start" else "")
            lines.append(text)
        return self.make[Table](tuple(lines))  # type: ignore[no-any-return]

    def blocks(
        self, kind: type | None, closing: str, line: str | None = None
    ) -> tuple[object, ...]:
        """The units of the preamble (*kind* None), or of an article's or a division's block
        (*kind* :class:`Article` or :class:`Division`, its ``<num>`` or ``<heading>`` read),
        up to *closing*, from *line* (the first line, when the caller has read it)."""
        out: list[object] = []
        paragraphs = 0
        next_line = self.next
        make = self.make
        if line is None:
            line = next_line()
        while line != closing:
            found = _BLOCK_RE.fullmatch(line)
            name, attribute, value = found.groups() if found is not None else (None, None, None)
            if found is None and line.startswith("<p"):
                text = p_text(line).strip(WS)
                if text:  # an empty <p/> fills an empty container
                    paragraphs += 1
                    out.append(make[Paragraph](paragraphs, text, (), False, ()))
            elif found is None and line == "<table>" and kind is not Article:
                out.append(self.table())
            elif found is None:
                raise Declined
            elif name == "paragraph" and attribute in (None, "break"):
                if attribute is not None and value != "true":
                    raise Declined
                paragraphs += 1
                out.append(self.block_paragraph(paragraphs, attribute is not None))
            elif attribute is not None and (name != "division" or attribute != "level"):
                raise Declined
            elif name == "table" and kind is not Article:
                while (line := next_line()) != "</blockContainer>":
                    if p_text(line).strip(WS):
                        raise Declined
                out.append(make[Table](()))
            elif name == "article" and kind is Division:
                number = read_article_num(element_text(next_line(), "num").strip(WS))
                if number is None:
                    raise Declined
                paras = self.blocks(Article, "</blockContainer>")
                out.append(make[Article](number[0], number[1], paras))
            elif name == "division" and kind is None:
                if value is None or not value.isascii() or not value.isdigit():
                    raise Declined
                title = ""
                line = next_line()
                if line.startswith("<heading"):
                    title = element_text(line, "heading").strip(WS)
                    line = next_line()
                children = self.blocks(Division, "</blockContainer>", line)
                out.append(make[Division](title, int(value), children))
            else:
                raise Declined
            line = next_line()
        return tuple(out)

    def block_paragraph(self, number: int, brk: bool) -> Paragraph:
        """A ``<blockContainer class="paragraph">``: its ``<p>`` lines, then a
        ``<blockList>`` of its 项."""
        next_line = self.next
        lines: list[str] = []
        items: tuple[Any, ...] = ()
        while (line := next_line()) != "</blockContainer>":
            if line == "<blockList>":
                items = self.block_items(0)
                if next_line() != "</blockContainer>":
                    raise Declined
                break
            lines.append(p_text(line).strip(WS))
        first = lines[0] if lines else ""
        return self.make[Paragraph](number, first, items, brk, tuple(lines[1:]))  # type: ignore[no-any-return]

    def block_items(self, depth: int) -> tuple[Any, ...]:
        """The ``<item>`` of a ``<blockList>`` (its opening line read): 项 at *depth* 0, 目
        below."""
        if depth > MAX_DEPTH:
            raise Declined
        next_line = self.next
        out: list[Any] = []
        while (line := next_line()) != "</blockList>":
            if line != "<item>":
                raise Declined
            label = element_text(next_line(), "num").strip(WS)
            lines: list[str] = []
            subs: tuple[Any, ...] = ()
            while (line := next_line()) != "</item>":
                if line == "<blockList>":
                    subs = self.block_items(depth + 1)
                    if next_line() != "</item>":
                        raise Declined
                    break
                lines.append(p_text(line).strip(WS))
            text, more = (lines[0] if lines else ""), tuple(lines[1:])
            out.append(self.list_unit(depth, label, text, subs, more))
        return tuple(out)

    def list_unit(
        self, depth: int, label: str, text: str, subs: tuple[Any, ...], more: tuple[str, ...]
    ) -> Any:
        """The 项 (at *depth* 0) or 目 numbered by *label*; Declined for a label the walk must
        read (it names what is wrong)."""
        if depth == 0:
            item = read_item_num(label)
            if item is None:
                raise Declined
            return self.make[Item](item[0], text, subs, more, item[1])
        sub = read_subitem_num(label)
        if sub is None:
            raise Declined
        return self.make[SubItem](sub, text, subs, more)
