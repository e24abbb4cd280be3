"""A new 章 or 节 read from its quoted wording: the heading, its 节, and the articles under each.

``增加一章，作为第五章：“第五章 数据安全\n第一节 一般规定\n第二十条 …”`` quotes the chapter's
title line, then its articles (each ``第X条 …`` line opens one), and, for a chapter with 节,
each ``第N节 title`` line before the articles of that 节.  The 节 of a chapter the same
instruction adds are numbered in the amended text (``Target.new``); the articles carry their
new numbers, and the heading holds them.

>>> from wuxi_dt_regulation import Citation
>>> ops = new_heading(Target(Citation(chapter=2)), "数据", ["第一节 采集", "第四条 新。"], Span(1, 1, ""), None)
>>> [(op.KIND, str(op.target)) for op in ops]
[('insert-heading', '第二章'), ('insert-heading', '第二章第一节'), ('insert', '第四条')]
"""

from __future__ import annotations

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.citation import Citation
from .operations import Insert, InsertHeading, Operation, Span, Target, Wording
from .wording import SECTION_LINE_RE
from .words import article_lines, read_count

__all__ = ["new_heading"]


def new_heading(
    position: Target, title: str, lines: list[str], span: Span, instrument: str | None
) -> list[Operation]:
    """The operations of a new 章 or 节 at *position* titled *title*, quoting *lines* after
    its title line: an :class:`InsertHeading` for it and for each of its 节, each followed by
    the :class:`Insert` of the articles it holds.

    Raises:
        ValueError: the lines under a heading are not articles (``第X条 …`` first).
    """
    cite = position.citation
    assert cite is not None
    groups: list[tuple[Target, str, list[str]]] = [(position, title, [])]
    for line in lines:
        section = SECTION_LINE_RE.fullmatch(line)
        if section is not None and cite.section is None:
            at = attrs.evolve(cite, section=read_count(section["num"]))
            groups.append((Target(at, new=True), section["title"].strip(), []))
        else:
            groups[-1][2].append(line)
    out: list[Operation] = []
    for target, name, body in groups:
        held = [
            Insert(
                Target(Citation(article=article.number, suffix=article.suffix)),
                Wording(tuple(article_lines(article))),
                span=span,
                instrument=instrument,
            )
            for article in (Wording(tuple(body)).articles if body else ())
        ]
        heading = InsertHeading(
            target, name, tuple(i.target for i in held), span=span, instrument=instrument
        )
        out.extend([heading, *held])
    return out
