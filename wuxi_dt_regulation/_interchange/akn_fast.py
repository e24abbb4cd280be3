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
path.  Values are built as the walk's trusted constructors (:func:`.akn_parts.makers`) build
them, through the writable twins (:mod:`.akn_fast_make`), from the same texts, so the fast path
can only be stricter than the walk, never more lenient, and its result equals the walk's (tests/test_akn_fast.py checks both, on generated, damaged and
real documents).  Amending acts (``<act name="amendment">``) are left to the walk.
"""

from __future__ import annotations

import re
from typing import Any

from .._model.numerals import MAX_NUMBER
from .._model.prebuilt import regulation
from .._model.regulation import Regulation, check_regulation
from .._model.structure import Appendix, Article, Division
from .._model.twins import ARTICLE as ARTICLE_TWIN
from .._model.twins import PARAGRAPH as PARAGRAPH_TWIN
from .._model.twins import build_paragraph
from .._model.units import Paragraph
from .akn import AKN, AKN_NS, WDR_NS
from .akn_fast_blocks import UNFIT, VALUE, Declined, element_text, p_text, unescape
from .akn_fast_lists import POINT_MARK, ListReader
from .akn_fast_make import fast_makers
from .akn_parts import (
    ALLOWED,
    ARTICLE,
    STRUCTURES,
    UNIT_OF,
    read_article_num,
    read_unit_num,
)
from .akn_text import WS
from .decode_tree import stamp_headings
from .decode_units import new_article, new_paragraph, plain

__all__ = ["Declined", "read_fast"]


#: A line break and the indentation after it.
_LINES_RE = re.compile("\n *")
#: The opening line of a unit of the body or of an appendix's main body.
_HIER_RE = re.compile(
    r"<(paragraph|article|part|subpart|chapter|section|division|hcontainer)"
    f'(?: name="(table|placeholder)")? eId={VALUE}'
    r'(?: wdr:(break|level)="(true|[0-9]+)")?(/)?>'
)
_ARTICLE_RE = re.compile(f"<article eId={VALUE}>")
#: The opening line of a 款 in an article.
_PARAGRAPH_RE = re.compile("<paragraph eId=" + VALUE + '( wdr:break="true")?>')
#: An article whose every 款 is the usual ``<content><p>text</p></content>`` (most are), read
#: whole by one match: its ``<num>`` and its 款 (whose texts are cut out of the match by ``<p>``).
_TEXT = f"[^<>&\n{UNFIT}]*"
_USUAL_ARTICLE_RE = re.compile(
    f"<article eId={VALUE}>\n *<num>({_TEXT})</num>"
    f'((?:\n *<paragraph eId={VALUE}(?: wdr:break="true")?>'
    f"\n *<content>\n *<p>{_TEXT}</p>\n *</content>\n *</paragraph>)*)"
    "\n *</article>(?=\n)"
)
_USUAL_BREAK_RE = re.compile(f'<paragraph eId={VALUE}( wdr:break="true")?>')
#: A point holding one ``<p>`` (most do), read whole by one match: its ``<num>`` and text.
_USUAL_POINT_RE = re.compile(
    f"<point eId={VALUE}>\n *<num>({_TEXT})</num>\n *<content>\n *<p>({_TEXT})</p>"
    "\n *</content>\n *</point>(?=\n)"
)
#: The line that stands for such an article (no document holds it: U+0007 is declined; not
#: U+0000, which ``in`` looks for slowly in a UCS-2 string); a point's is POINT_MARK.
_MARK = "\x07"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
_ROOT = f'<akomaNtoso xmlns="{AKN_NS}" xmlns:wdr="{WDR_NS}">'
_ACT_RE = re.compile(f'<act name="([^"<>&{UNFIT}]*)">')
_EMPTY: tuple[Any, ...] = ()
_new = object.__new__


class FastReader(ListReader):
    """One document's lines, read in order; every method reads up to its element's end."""

    def __init__(self, xml: str) -> None:
        # the lines without their indentation (white space with a line break between two tags
        # is never read, in the walk either)
        articles: list[re.Match[str]] = []
        points: list[re.Match[str]] = []
        self.next = iter(_lines(xml, articles, points)).__next__
        self.articles = iter(articles).__next__
        self.points = iter(points).__next__
        self.make = fast_makers()
        #: the body's articles in document order while the body is read (their units are
        #: stamped with their position as they are built), else None
        self.acc: list[Article] | None = None

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
        articles: list[Article] = []
        self.acc = articles
        body = self.hier("body", "</body>")
        self.acc = None
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
        # what Regulation's own constructor does, its parts' checks run and their 款, 项 and
        # 目 stamped as they were built: stamp the headings, index the articles, check
        stamp_headings(body)
        reg = regulation(
            title, subtitles, history, toc, preamble, body, appendices, (), tuple(articles)
        )
        check_regulation(reg)
        return reg

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
            if line == _MARK:  # an article read whole
                if ARTICLE not in allowed:
                    raise Declined
                out.append(self.usual_article())
                line = next_line()
                continue
            if line.startswith("<article eId=") and _ARTICLE_RE.fullmatch(line) is not None:
                if ARTICLE not in allowed:
                    raise Declined
                out.append(self.article())
                line = next_line()
                continue
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
                out.append(self.paragraph(paragraphs, attribute is not None, None))
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

    def usual_article(self) -> Article:
        """The next article :data:`_USUAL_ARTICLE_RE` has read."""
        found = self.articles()
        number = read_article_num(found[1].strip(WS))
        if number is None:
            raise Declined
        block = found[2]
        # one "<p>" a 款 (its text holds no "<": the match says so), not scanned again
        texts = block.split("<p>")[1:]
        breaks = _USUAL_BREAK_RE.findall(block) if "wdr:break" in block else [""] * len(texts)
        a, s = number
        acc = self.acc
        paragraphs = []
        usual = len(texts) <= MAX_NUMBER and 0 < a <= MAX_NUMBER and s >= 0
        for n, (t, b) in enumerate(zip(texts, breaks, strict=True), 1):
            text = t[: t.find("</p>")].strip(WS)
            cite = (a, s, n) if acc is not None else None
            if (  # the usual 款 (decode_units.plain, in line): its checks would do nothing
                text
                and text.isprintable()
                and text[0] != " "
                and text[-1] not in " ：:"
                and "“" not in text
                and "”" not in text
            ):
                par = _new(PARAGRAPH_TWIN)  # (its writable twin: .._model.twins)
                par.number = n
                par.text = text
                par.items = _EMPTY
                par.break_before = b != ""
                par.continuation = _EMPTY
                par._cite = cite
                par._flow = False
                par.__class__ = Paragraph
                paragraphs.append(par)
            else:
                paragraphs.append(new_paragraph(n, text, (), b != "", (), cite))
                usual = False
        if not usual:
            return self.new_article(a, s, tuple(paragraphs), usual)
        article = _new(ARTICLE_TWIN)  # build_article in line: what new_article would build
        article.number = a
        article.suffix = s
        article.paragraphs = tuple(paragraphs)
        article.__class__ = Article
        if acc is not None:
            acc.append(article)
        return article  # type: ignore[no-any-return]

    def new_article(
        self, number: int, suffix: int, paras: tuple[Paragraph, ...], usual: bool
    ) -> Article:
        """The article, checked (:func:`.decode_units.new_article`); in the body it joins the
        articles of the index."""
        article = new_article(number, suffix, paras, usual)
        if self.acc is not None:
            self.acc.append(article)
        return article

    def article(self) -> Article:
        next_line = self.next
        line = next_line()
        if line.startswith("<num>") and line.endswith("</num>"):  # element_text(), inline
            label = line[5:-6]
            if "<" in label or ">" in label or "&" in label or not label.isprintable():
                label = unescape(label)
        else:
            label = element_text(line, "num")
        number = read_article_num(label.strip(WS))
        if number is None:
            raise Declined
        a, s = number
        stamp = self.acc is not None
        paragraphs: list[Paragraph] = []
        usual = True
        while (line := next_line()) != "</article>":
            found = _PARAGRAPH_RE.fullmatch(line)
            if found is None:
                raise Declined
            line = next_line()
            n = len(paragraphs) + 1
            cite = (a, s, n) if stamp else None
            if line == "<content>":  # the usual 款, read here for speed
                lines = [p_text(next_line()).strip(WS)]
                while (line := next_line()) != "</content>":
                    lines.append(p_text(line).strip(WS))
                if next_line() != "</paragraph>":
                    raise Declined
                brk = found[1] is not None
                if len(lines) == 1 and plain(n, lines[0]):
                    paragraphs.append(build_paragraph(n, lines[0], (), brk, (), cite, False))
                    continue
                paragraphs.append(new_paragraph(n, lines[0], (), brk, tuple(lines[1:]), cite))
            else:
                paragraphs.append(self.paragraph(n, found[1] is not None, cite, line))
            usual = False
        return self.new_article(a, s, tuple(paragraphs), usual)


def _lines(xml: str, articles: list[re.Match[str]], points: list[re.Match[str]]) -> list[str]:
    """The lines of *xml* without their indentation (white space with a line break between
    two tags is never read, in the walk either), each article :data:`_USUAL_ARTICLE_RE` reads
    whole replaced by :data:`_MARK` and each point :data:`_USUAL_POINT_RE` reads by
    :data:`POINT_MARK` (a line of its own where it started one, else a character no text is
    read with); their matches are appended to *articles* and *points*, in order."""
    if _MARK in xml or POINT_MARK in xml:
        raise Declined

    def article(found: re.Match[str]) -> str:
        articles.append(found)
        return _MARK

    def point(found: re.Match[str]) -> str:
        points.append(found)
        return POINT_MARK

    text = _USUAL_ARTICLE_RE.sub(article, xml)
    return _LINES_RE.split(_USUAL_POINT_RE.sub(point, text))


def read_fast(xml: str) -> Regulation:
    """The regulation of a document in the layout :func:`~wuxi_dt_regulation.to_akn` writes.

    Raises:
        Declined: anything else, or a value the model's checks refuse; read it with the walk.
    """
    if not xml.startswith(_DECLARATION + "\n"):
        raise Declined
    try:
        return FastReader(xml).document()
    except (StopIteration, ValueError, TypeError):
        raise Declined from None
