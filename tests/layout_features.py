"""What a generated regulation holds: the layouts of issue 14, item 3, by name.

:func:`features` names every layout a regulation (and, when given, its LawRefBook source)
shows; ``tests/test_generators.py`` draws a fixed sample from the strategies and pins how often
each appears, so that a change to ``tests/strategies.py`` cannot quietly stop producing one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Paragraph,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
)

#: Every feature :func:`features` can name (the frequency test pins each of them).
FEATURES = (
    "part",
    "subpart",
    "section",
    "chapters restart per part",
    "article",
    "no article",
    "之N article",
    "之二 or later",
    "item",
    "subitem",
    "fourth level",
    "multi-paragraph item",
    "multi-paragraph subitem",
    "arabic items",
    "table",
    "appendix",
    "toc",
    "forced break",
    "history",
    "undated event",
    "event 通过",
    "event 批准",
    "event 修正",
    "event 修订",
    "event 公布",
    "event 施行",
    "paragraph under a heading",
    "table under a heading",
    "chapter mixing articles and sections",
    "numbering gap",
    "warning",
    "numeral with 零",
    "numeral >= 1000",
    "long title",
    "ascii letters",
    "markup characters",
    "half-width parentheses",
    "quoted wording",
    "preamble",
    "free text body",
    "unnumbered heading",
)

#: Features only a LawRefBook source shows (:func:`source_features`).
SOURCE_FEATURES = (
    "full-width number",
    "marker 1.",
    "marker 1、",
    "inline article text",
    "separator U+3000",
    "separator space",
    "inline items",
    "crlf",
    "multi-line event",
    "zero-width character",
    "indented text",
)

_UNITS = (Part, Subpart, Chapter, Section, Division)


def _nodes(children: tuple[object, ...]) -> Iterator[object]:
    for node in children:
        yield node
        yield from _nodes(getattr(node, "children", ()))


def _subitems(subs: tuple[SubItem, ...], depth: int) -> Iterator[tuple[SubItem, int]]:
    for sub in subs:
        yield sub, depth
        yield from _subitems(sub.subitems, depth + 1)


def _texts(reg: Regulation) -> Iterator[str]:
    yield reg.title
    yield from reg.subtitles
    yield from (e.text for e in reg.history)
    for node in _nodes((*reg.preamble, *reg.body, *reg.appendices)):
        if isinstance(node, (*_UNITS, Appendix)):
            yield getattr(node, "title", "")
        paragraphs = node.paragraphs if isinstance(node, Article) else (node,)
        for p in paragraphs:
            if isinstance(p, Paragraph):
                yield p.text
                yield from p.continuation
                for item in p.items:
                    yield item.text
                    yield from item.continuation
                    for sub, _ in _subitems(item.subitems, 1):
                        yield sub.text
                        yield from sub.continuation


def _numbers(reg: Regulation) -> Iterator[int]:
    for node in _nodes(reg.body):
        if isinstance(node, Article | Part | Subpart | Chapter | Section):
            yield node.number


def _gap(numbers: list[tuple[int, int]]) -> bool:
    return any(b != a + 1 for (a, _), (b, s) in itertools.pairwise(numbers) if not s)


def features(reg: Regulation) -> set[str]:
    """The names of :data:`FEATURES` that *reg* shows."""
    found: set[str] = set()
    nodes = list(_nodes((*reg.preamble, *reg.body, *reg.appendices)))
    kinds = {type(n) for n in nodes}
    for kind, name in ((Part, "part"), (Subpart, "subpart"), (Section, "section")):
        if kind in kinds:
            found.add(name)
    if Table in kinds:
        found.add("table")
    parts = [n for n in reg.body if isinstance(n, Part)]
    firsts = [c.number for p in parts for c in p.children if isinstance(c, Chapter)][:1]
    if (
        len(parts) > 1
        and any(
            next((c.number for c in p.children if isinstance(c, Chapter)), 0) == 1
            for p in parts[1:]
        )
        and firsts == [1]
    ):
        found.add("chapters restart per part")
    articles = reg.articles
    found.add("article" if articles else "no article")
    if any(a.suffix for a in articles):
        found.add("之N article")
    if any(a.suffix >= 2 for a in articles):
        found.add("之二 or later")
    if _gap([(a.number, a.suffix) for a in articles]):
        found.add("numbering gap")
    for node in nodes:
        if isinstance(node, Chapter | Section | Part | Subpart):
            if any(isinstance(c, Paragraph) for c in node.children):
                found.add("paragraph under a heading")
            if any(isinstance(c, Table) for c in node.children):
                found.add("table under a heading")
        if isinstance(node, Chapter) and {Article, Section} <= set(map(type, node.children)):
            found.add("chapter mixing articles and sections")
        if isinstance(node, Division) and node not in reg.preamble:
            found.add("unnumbered heading")
    all_paragraphs = [p for n in nodes for p in (n.paragraphs if isinstance(n, Article) else (n,))]
    for p in all_paragraphs:
        if not isinstance(p, Paragraph):
            continue
        if p.break_before:
            found.add("forced break")
        if p.continuation and not p.items:
            found.add("quoted wording")
        for item in p.items:
            found.add("arabic items" if item.arabic else "item")
            if item.continuation:
                found.add("multi-paragraph item")
            for sub, depth in _subitems(item.subitems, 1):
                found.add("subitem" if depth == 1 else "fourth level")
                if sub.continuation:
                    found.add("multi-paragraph subitem")
    if reg.appendices:
        found.add("appendix")
    if reg.toc:
        found.add("toc")
    if reg.preamble:
        found.add("preamble")
    if reg.body and not any(isinstance(n, Article | Part | Chapter) for n in reg.body):
        found.add("free text body")
    if reg.history:
        found.add("history")
    for event in reg.history:
        if not re.match(r"\d{4}年", event.text):
            found.add("undated event")
        for action in ("通过", "批准", "修正", "修订", "公布", "施行"):
            if action in event.text:
                found.add(f"event {action}")
    if reg.warnings:
        found.add("warning")
    numbers = list(_numbers(reg))
    if any(n >= 1000 for n in numbers):
        found.add("numeral >= 1000")
    if any(n > 100 and (n % 100 < 10 or (n > 1000 and n % 1000 < 100)) and n % 10 for n in numbers):
        found.add("numeral with 零")
    titles = [reg.title, *(getattr(n, "title", "") for n in nodes)]
    if any(len(t) > 12 for t in titles):
        found.add("long title")
    texts = "\n".join(_texts(reg))
    checks = (
        ("ascii letters", r"[A-Za-z]"),
        ("markup characters", r"[#|<\\]"),
        ("half-width parentheses", r"[()]"),
    )
    for name, pattern in checks:
        if re.search(pattern, texts):
            found.add(name)
    return found


def source_features(source: str) -> set[str]:
    """The names of :data:`SOURCE_FEATURES` that a LawRefBook *source* shows."""
    found: set[str] = set()
    if re.search("[０-９]", source):
        found.add("full-width number")
    if re.search(r"(?m)^\d+\.", source):
        found.add("marker 1.")
    if re.search(r"(?m)^\d+、", source):
        found.add("marker 1、")
    for match in re.finditer(
        r"(?m)^第[一二三四五六七八九十百千零]+条(?:之[一二三四五六七八九十]+)?(.)", source
    ):
        found.add("inline article text")
        sep = match[1]
        if sep == "\u3000":
            found.add("separator U+3000")
        elif sep == " ":
            found.add("separator space")
    if re.search(r"：\s*[（(]一[）)].*[（(]二[）)]", source):
        found.add("inline items")
    if "\r\n" in source:
        found.add("crlf")
    if "\u200b" in source:
        found.add("zero-width character")
    lines = source.replace("\r\n", "\n").split("\n")
    if any(line[:1] in (" ", "\u3000", "\t") and line.strip() for line in lines):
        found.add("indented text")
    header = lines[: lines.index("<!-- INFO END -->")] if "<!-- INFO END -->" in lines else []
    if any(line and not re.match(r"(#|- |\d|<!--)", line) for line in header):
        found.add("multi-line event")
    return found
