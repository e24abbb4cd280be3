"""What "no text lost" means: the characters of a source that are not markup, and the text a
parsed regulation holds (its further paragraphs included), to compare as multisets."""

from __future__ import annotations

import re
from collections import Counter

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Division, Paragraph, Regulation
from wuxi_dt_regulation._model.tree import walk_nodes

__all__ = ["MARKUP_RE", "content", "model_text"]

MARKUP_RE = re.compile(
    r"""
    <!--.*?-->                                  # markers: INFO END, TABLE, FORCE BREAK
    | ^\s*\#+[ \t\u3000]+\\                      # an escaped heading: ## \第一章
    | ^\s*\#+(?=\s|$)                           # heading hashes (more than six too)
    | ^\s*\\                                    # an escaped line: \第三条 …
    | ^\s*[-*]\s                                # history bullets
    | ^\s*[（(][一二三四五六七八九十百]+[）)]     # item markers: （一） (一)
    | (?<=[：:；;。])\s+[（(][一二三四五六七八九十百]+[）)]  # items printed inline
    | ^\s*[0-9０-９]{1,3}[.．、](?![0-9０-９])     # 目 (or 项 under a colon): 1. 1． 1、 １．
    | ^\s*[（(][0-9０-９]{1,3}[）)]               # fourth level: （1） （１）
    | [\s\u200b]                                # white space and zero-width spaces
    """,
    re.VERBOSE | re.MULTILINE,
)


def content(text: str) -> Counter[str]:
    """The characters of a source that are not markup or white space, with their counts."""
    return Counter(MARKUP_RE.sub("", text))


def model_text(reg: Regulation) -> Counter[str]:
    """Every character the model holds as text, labels included, with their counts: titles,
    history, headings, 款 项 目 and the fourth level with their further paragraphs, tables."""
    parts: list[str] = [reg.title, *reg.subtitles, *(e.text for e in reg.history), *reg.toc]

    def unit(value: Paragraph | wdr.Item | wdr.SubItem) -> None:
        parts.append(value.text)
        parts.extend(value.continuation)
        for child in getattr(value, "items", ()) or getattr(value, "subitems", ()):
            unit(child)

    for node in walk_nodes(reg.preamble + reg.body + reg.appendices):
        if isinstance(node, Paragraph):
            unit(node)
        elif isinstance(node, wdr.Table):
            parts.extend(node.lines)
        elif isinstance(node, Article):
            parts.append(node.label)
            for para in node.paragraphs:
                unit(para)
        elif isinstance(node, (Division, wdr.Appendix)):
            parts.append(node.title)
        elif isinstance(node, (wdr.Part, wdr.Subpart, wdr.Chapter, wdr.Section)):
            parts.extend((node.label, node.title))
    return Counter(MARKUP_RE.sub("", "\n".join(parts)))
