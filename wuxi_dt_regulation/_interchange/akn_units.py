"""Akoma Ntoso body elements -> model units: the walk :func:`.akn_read.from_akn` reads the body
and the appendices with.

One pass over the elements, with no path strings and no generator per element: a problem is
raised as :class:`.akn_text.Refused` holding the element, and the reader turns it into a
:class:`~wuxi_dt_regulation.SerializationError` with the XML path.  Values are built with the
model's trusted constructors (:func:`.._model.trusted.constructor`): every class's own checks
run once, nothing more.  What is read and what is refused, construct by construct, is the table
on the Akoma Ntoso page of the docs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.structure import Article, Division
from .._model.units import Item, Paragraph, SubItem
from .akn import AKN, BREAK_ATTR
from .akn_parts import (
    ALLOWED,
    ARTICLE,
    CONTENT,
    DIVISION,
    HCONTAINER,
    HEADED,
    HEADING,
    INTRO,
    LIST,
    MAX_DEPTH,
    NAMES,
    NUM,
    PARAGRAPH,
    POINT,
    STRUCTURES,
    UNIT_OF,
    P,
    article_number,
    build,
    flag,
    item_number,
    label,
    level,
    makers,
    subitem_number,
    texts,
    unit_number,
)
from .akn_tables import TableReader
from .akn_text import WS, Refused, inline, stray, unexpected

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = ["BodyReader"]


class BodyReader(TableReader):
    """The walk over ``<body>`` and an appendix's ``<mainBody>``."""

    def __init__(self) -> None:
        self.make = made = makers()
        self.new_paragraph = made[Paragraph]

    def hier(self, element: Element, kind: object) -> tuple[tuple[object, ...], list[Element]]:
        """The children of a container of *kind* (a key of :data:`ALLOWED`), and its ``<num>``
        and ``<heading>`` elements (at most one each), for the caller."""
        allowed = ALLOWED[kind]
        out: list[object] = []
        heads: list[Element] = []
        paragraphs = 0
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            if tag == PARAGRAPH and tag in allowed:
                paragraphs += 1
                out.append(self.paragraph(child, paragraphs))
            elif tag == ARTICLE and tag in allowed:
                out.append(self.article(child))
            elif tag in allowed and tag in STRUCTURES:
                cls = STRUCTURES[tag]
                children, (num, heading) = self.headed(child, cls)
                number = unit_number(num, child, UNIT_OF[cls])
                out.append(build(self.make[cls], child, number, label(heading), children))
            elif tag == DIVISION and tag in allowed:
                children, (num, heading) = self.headed(child, Division)
                if num is not None:
                    raise Refused("a division has no number in the model: <num>", num)
                out.append(
                    build(self.make[Division], child, label(heading), level(child), children)
                )
            elif tag == HCONTAINER and tag in allowed:
                table = self.box(child)
                if table is not None:
                    out.append(table)
            elif tag == P and tag in allowed:  # a 款 standing as a bare <p> in a <mainBody>
                line = inline(child).strip(WS)
                if line:
                    paragraphs += 1
                    out.append(build(self.make[Paragraph], child, paragraphs, line, (), False, ()))
            elif tag in (NUM, HEADING) and kind in HEADED:
                if any(h.tag == tag for h in heads):
                    raise unexpected(child, element, f"a second <{tag[len(AKN) :]}>")
                heads.append(child)
            else:
                raise self.misplaced(child, element, allowed)
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        return tuple(out), heads

    def headed(
        self, element: Element, kind: type
    ) -> tuple[tuple[object, ...], tuple[Element | None, Element | None]]:
        children, heads = self.hier(element, kind)
        num = heading = None
        for head in heads:
            if head.tag == NUM:
                num = head
            else:
                heading = head
        return children, (num, heading)

    def misplaced(self, child: Element, parent: Element, allowed: frozenset[str]) -> Refused:
        if child.tag in NAMES:
            names = sorted({NAMES[tag] for tag in allowed if tag in NAMES})
            return Refused(
                f"a <{child.tag[len(AKN) :]}> cannot stand here; expected " + " or ".join(names),
                child,
            )
        return unexpected(child, parent)

    def article(self, element: Element) -> Article:
        paragraphs: list[Paragraph] = []
        num = content = None
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            if tag == PARAGRAPH and content is None:
                paragraphs.append(self.paragraph(child, len(paragraphs) + 1))
            elif tag == NUM and num is None:
                num = child
            elif tag == CONTENT and content is None and not paragraphs:
                content = child  # a 条 written without <paragraph>: one 款 per <p>
            elif tag == HEADING:
                raise Refused(
                    "an article <heading> has no place in the model: a 条 has no title", child
                )
            else:
                raise self.misplaced(child, element, frozenset((PARAGRAPH,)))
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        number, suffix = article_number(num, element)
        if content is not None:
            make = self.make[Paragraph]
            paragraphs = [
                build(make, content, n, line, (), False, ())
                for n, line in enumerate(texts(content), 1)
            ]
        return build(self.make[Article], element, number, suffix, tuple(paragraphs))  # type: ignore[no-any-return]

    def paragraph(self, element: Element, number: int) -> Paragraph:
        brk = False if element.get(BREAK_ATTR) is None else flag(element)
        if len(element) == 1 and element.text is None:
            # the usual 款, <content><p>text</p></content>, read without the general walk
            box = element[0]
            if box.tag == CONTENT and len(box) == 1 and box.tail is None:
                p = box[0]
                if p.tag == P and not len(p) and box.text is None and p.tail is None:
                    line = p.text or ""
                    if line[:1] in WS or line[-1:] in WS:
                        line = line.strip(WS)
                    try:
                        return self.new_paragraph(number, line, (), brk, ())  # type: ignore[no-any-return]
                    except (ValueError, TypeError) as err:
                        raise Refused(str(err), element) from None
        content: Element | None = None
        listing: Element | None = None
        intro: Element | None = None
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            if tag == CONTENT and content is None and listing is None and intro is None:
                content = child
            elif tag == LIST and listing is None and content is None:
                listing = child
            elif tag == INTRO and intro is None and content is None and listing is None:
                intro = child
            elif tag == NUM:
                raise Refused("a 款 has no printed number: <num> has no place in it", child)
            elif tag == HEADING:
                raise Refused("a 款 has no title: <heading> has no place in it", child)
            else:
                raise unexpected(
                    child, element, "a 款 holds one <content>, or an <intro> and one <list>"
                )
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        make = self.make[Paragraph]
        if listing is None:
            if intro is not None:
                raise Refused("an <intro> without the <list> it introduces", intro)
            lines = texts(content) if content is not None else []
            first = lines[0] if lines else ""
            return build(make, element, number, first, (), brk, tuple(lines[1:]))  # type: ignore[no-any-return]
        lead, points = self.points(listing, intro)
        items = []
        for point in points:
            num, body = self.point(point)
            numbered, arabic = item_number(num, point)
            line, more, subs = self.point_body(body, 1)
            items.append(build(self.make[Item], point, numbered, line, subs, more, arabic))
        first = lead[0] if lead else ""
        return build(make, element, number, first, tuple(items), brk, tuple(lead[1:]))  # type: ignore[no-any-return]

    def points(self, listing: Element, intro: Element | None) -> tuple[list[str], list[Element]]:
        """The lead text of a ``<list>`` (its ``<intro>``, or *intro* beside it) and its
        ``<point>`` elements."""
        points: list[Element] = []
        text = listing.text
        if text and text.strip(WS):
            raise stray(listing, None, text)
        for child in listing:
            tag = child.tag
            if tag == POINT:
                points.append(child)
            elif tag == INTRO and intro is None and not points:
                intro = child
            else:
                raise unexpected(child, listing, "a <list> holds an <intro> and <point>s")
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(listing, child, tail)
        return (texts(intro) if intro is not None else []), points

    def point(self, element: Element) -> tuple[Element | None, tuple[Element | None, ...]]:
        """A ``<point>``'s ``<num>``, and its ``<content>``, ``<intro>`` and ``<list>``."""
        num = content = listing = intro = None
        text = element.text
        if text and text.strip(WS):
            raise stray(element, None, text)
        for child in element:
            tag = child.tag
            if tag == NUM and num is None:
                num = child
            elif tag == CONTENT and content is None and listing is None and intro is None:
                content = child
            elif tag == LIST and listing is None and content is None:
                listing = child
            elif tag == INTRO and intro is None and content is None and listing is None:
                intro = child
            elif tag == HEADING:
                raise Refused("a 项 or 目 has no title: <heading> has no place in it", child)
            else:
                raise unexpected(
                    child, element, "a <point> holds one <content>, or an <intro> and one <list>"
                )
            tail = child.tail
            if tail and tail.strip(WS):
                raise stray(element, child, tail)
        return num, (content, intro, listing)

    def point_body(
        self, body: tuple[Element | None, ...], depth: int
    ) -> tuple[str, tuple[str, ...], tuple[SubItem, ...]]:
        content, intro, listing = body
        if depth > MAX_DEPTH and listing is not None:
            raise Refused(f"项 and 目 nested deeper than {MAX_DEPTH} levels", listing)
        if listing is None:
            if intro is not None:
                raise Refused("an <intro> without the <list> it introduces", intro)
            lines = texts(content) if content is not None else []
            return (lines[0] if lines else ""), tuple(lines[1:]), ()
        lead, points = self.points(listing, intro)
        subs = []
        make = self.make[SubItem]
        for child in points:
            num, inner = self.point(child)
            number = subitem_number(num, child)
            line, more, nested = self.point_body(inner, depth + 1)
            subs.append(build(make, child, number, line, nested, more))
        return (lead[0] if lead else ""), tuple(lead[1:]), tuple(subs)
