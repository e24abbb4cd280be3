"""An article written on the line of a heading: ``## 第一章 总则 第一条 为了……。``.

A heading's title is a name, and holds no sentence punctuation (:func:`.marks.sentence_re`).
So where a heading line (the title, a 编/章/节 heading, a division, an appendix) goes on after
white space with an article label, white space and text that holds sentence punctuation, the
heading ends there and the article starts: the lexer splits the line in two and the parser
warns ``heading-article`` at the label.  A title that really holds such words is written with
a backslash before the label (``# 示例 \\第一条 甲。``), and one backslash more where the title
holds backslashes there itself, so that every title reads back as it was written:
:func:`escape_heading` is what the renderer writes, :func:`split_heading` what the lexer reads.

>>> split_heading("第一章 总则 第一条 为了示例。")
('第一章 总则', 7)
>>> escape_heading("甲 第一条 乙。")
'甲 \\\\第一条 乙。'
>>> split_heading(escape_heading("甲 第一条 乙。"))
('甲 第一条 乙。', None)
"""

from __future__ import annotations

import functools
import re

from .marks import ESCAPE, NUM, SUF, sentence_re

__all__ = ["escape_heading", "split_heading"]


@functools.cache
def _label_re() -> re.Pattern[str]:
    # after white space: the escapes, an article label (之N included), white space, text
    return re.compile(rf"(?<=\s)(?P<esc>\\*)(?P<label>第{NUM}+条(?:之{SUF}+)?)\s+(?=\S)")


def _labels(text: str) -> list[re.Match[str]]:
    """The labels of *text* that start an article: text with sentence punctuation after them."""
    if "条" not in text:  # the usual heading
        return []
    search = sentence_re().search
    return [m for m in _label_re().finditer(text) if search(text, m.end()) is not None]


def split_heading(text: str) -> tuple[str, int | None]:
    """The heading of the line *text* (a heading's text, after its ``#``) with its escapes
    taken out, and where in *text* an article written on its line starts (None: nowhere)."""
    labels = _labels(text)
    if not labels:
        return text, None
    pieces: list[str] = []
    pos = 0
    for match in labels:
        if not match["esc"]:
            pieces.append(text[pos : match.start()])
            return "".join(pieces).rstrip(), match.start("label")
        pieces.append(text[pos : match.start()] + match["esc"][1:])  # one escape taken out
        pos = match.start("label")
    pieces.append(text[pos:])
    return "".join(pieces), None


def escape_heading(text: str) -> str:
    """*text* as a heading line must print it to read back as itself (see the module)."""
    labels = _labels(text)
    if not labels:
        return text
    pieces: list[str] = []
    pos = 0
    for match in labels:
        pieces.append(text[pos : match.start()] + ESCAPE)
        pos = match.start()
    pieces.append(text[pos:])
    return "".join(pieces)
