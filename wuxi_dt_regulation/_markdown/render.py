"""Model -> canonical Markdown in the seed's dialect (the inverse of the parser).

Layout, one block per paragraph, blocks separated by one blank line, a final newline::

    # 标题
    - 历史            (one bullet per event)
    <!-- INFO END -->
    ## 第一编 …       #### 第一章 …     ###### 第一条
    ### 第一分编 …    ##### 第一节 …    款, then （一） 项, 1． 目, （1）

Headings print their level by rank (编 ``##`` … 条 ``######``), so that what the parser reads from
the text and what the ``#`` say agree.  Unnumbered headings keep the depth they were printed with.
``render(parse(text))`` is a fixed point of ``parse``: ``parse(render(r)) == r``.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._model.flow import (
    ARABIC,
    CLOSED,
    CONT,
    DEEP,
    DOT,
    ITEM,
    PARA,
    PAREN,
    SUB,
    TEXT,
    Reading,
    Token,
)
from .._model.labels import ITEM_OPEN, SUBITEM_DOT
from .._model.regulation import Regulation
from .._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph, Table
from .heading_article import escape_heading
from .lexer import ESCAPE, INFO_END, LINE_RE, needs_escape

__all__ = ["render"]

_DEPTH = {Part: 2, Subpart: 3, Chapter: 4, Section: 5}
_MARKED = ("itext", "stext", "ptext")
# 分编 before 编: a label ending in 分编 also ends in 编
_TOC_DEPTH = {"分编": 3, "编": 2, "章": 4, "节": 5}


def _heading(depth: int, text: str) -> str:
    text = escape_heading(text)  # an article label after white space would start an article
    return "#" * depth + (" " + text if text else "")


def _marked(marker: str, text: str) -> str:
    """A marker and its text, with a space between where the text would read as part of the
    marker (``1．9个工作日`` would be the number 1.9): the line must read back as both."""
    line = marker + text
    match = LINE_RE.match(line)
    kind = match.lastgroup if match is not None else None
    if kind not in _MARKED or match is None or match[kind].strip() != text:
        line = f"{marker} {text}"
    return line


def _further(lines: tuple[str, ...], reading: Reading) -> Iterator[str]:
    for line in lines:
        yield ESCAPE + line if needs_escape(line, further=True) else line
        reading.apply(CONT, Token(TEXT, 0, line))


def _paragraph(para: Paragraph, reading: Reading) -> Iterator[str]:
    """A 款 and its units, each line escaped where *reading* (the state of the reader at that
    point, kept up to date here) would take it for something else."""
    if para.break_before:
        yield "<!-- FORCE BREAK -->"
        reading.quote = CLOSED  # a forced break ends an open quotation
    if para.text:
        text = para.text
        dot, paren = reading.level(DOT) != TEXT, reading.level(PAREN) != TEXT
        yield ESCAPE + text if needs_escape(text, dot=dot, paren=paren) else text
        reading.apply(PARA, Token(TEXT, 0, text))
    yield from _further(para.continuation, reading)
    for item in para.items:
        yield _marked(item.label, item.text)
        kind, action = (DOT, ARABIC) if item.arabic else (ITEM, ITEM)
        reading.apply(action, Token(kind, item.number, item.text))
        yield from _further(item.continuation, reading)
        for sub in item.subitems:
            marker = f"{ITEM_OPEN}{sub.number}）" if item.arabic else f"{sub.number}{SUBITEM_DOT}"
            yield _marked(marker, sub.text)
            reading.apply(SUB, Token(PAREN if item.arabic else DOT, sub.number, sub.text))
            yield from _further(sub.continuation, reading)
            for deep in sub.subitems:
                yield _marked(f"{ITEM_OPEN}{deep.number}）", deep.text)
                reading.apply(DEEP, Token(PAREN, deep.number, deep.text))
                yield from _further(deep.continuation, reading)


def _flow(nodes: tuple[object, ...]) -> Iterator[str]:
    """Blocks in order; the 款 of one run are read as one flow (a 1． after a list joins it)."""
    reading = Reading()
    for node in nodes:
        if isinstance(node, Paragraph):
            yield from _paragraph(node, reading)
        else:
            reading = Reading()
            yield from _blocks(node)


def _blocks(node: object) -> Iterator[str]:
    if isinstance(node, Paragraph):
        yield from _paragraph(node, Reading())
    elif isinstance(node, Article):
        yield _heading(6, node.label)
        yield from _flow(node.paragraphs)
    elif isinstance(node, Table):
        yield "\n".join(("<!-- TABLE -->", *node.lines, "<!-- TABLE END -->"))
    elif isinstance(node, (Division, Appendix, Part, Subpart, Chapter, Section)):
        if isinstance(node, Division):
            title = ESCAPE + node.title if needs_escape(node.title, heading=True) else node.title
            yield _heading(node.level, title)
        elif isinstance(node, Appendix):
            yield _heading(2, node.title)
        else:
            yield _heading(_DEPTH[type(node)], f"{node.label} {node.title}".rstrip(" "))
        yield from _flow(node.children)
    else:  # pragma: no cover - the model admits nothing else
        raise TypeError(f"cannot render {type(node).__name__}")


def _escape_title(title: str) -> str:
    # a title is a title whatever it says; only a leading backslash must be kept from the lexer
    return ESCAPE + title if title.startswith(ESCAPE) else title


def _toc_depth(entry: str) -> int:
    for unit, depth in _TOC_DEPTH.items():
        head = entry.split(maxsplit=1)[0] if entry.split() else entry
        if head.startswith("第") and unit in head and head.endswith(unit):
            return depth
    return 4


def render(regulation: Regulation) -> str:
    """Write *regulation* as canonical Markdown in the seed's dialect.

    The inverse of :func:`parse`: ``parse(render(r)) == r`` for every regulation, and
    ``render(load())`` is the bundled source byte for byte.  Headings print their depth by rank
    (编 ``##``, 分编 ``###``, 章 ``####``, 节 ``#####``, 条 ``######``), blocks are separated by one
    blank line, and the text ends with a newline.

    >>> from wuxi_dt_regulation import parse
    >>> print(render(parse("# 示例条例\\n\\n## 第一章  总则\\n\\n第一条 为了示例。")), end="")
    # 示例条例
    <BLANKLINE>
    <!-- INFO END -->
    <BLANKLINE>
    #### 第一章 总则
    <BLANKLINE>
    ###### 第一条
    <BLANKLINE>
    为了示例。
    """
    blocks: list[str] = [_heading(1, _escape_title(regulation.title))]
    blocks.extend(_heading(1, _escape_title(subtitle)) for subtitle in regulation.subtitles)
    blocks.extend("- " + event.text for event in regulation.history)
    blocks.append(INFO_END)
    blocks.extend(_heading(_toc_depth(entry), entry) for entry in regulation.toc)
    blocks.extend(_flow(regulation.preamble))
    blocks.extend(_flow(regulation.body))
    blocks.extend(_flow(regulation.appendices))
    return "\n\n".join(blocks) + "\n"
