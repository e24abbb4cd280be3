"""An instruction's text cut into clauses, each quotation standing as one placeholder.

An instruction's text is first cut into a *shape*: every quotation (“…”, over as many
paragraphs as it runs, each reopened with “; nested “…” kept inside; or the unquoted lines
after a final ``：``) becomes one placeholder :data:`QUOTE`, so that its punctuation cannot split
anything.  The shape is then split into clauses:

=========================================  ===========================================
where                                      why
=========================================  ===========================================
``；`` ``。`` and line ends                  a new clause (not ``。内容如下：``)
``，`` before a verb                         ``…改为第五十九条，修改为：“…”``
right after a closing ”, before a verb     ``…“甲。”第三款改为第四款``, ``…“甲。”同时，删去…``
=========================================  ===========================================

>>> [c.shape.replace(QUOTE, "Q") for c in split_clauses("将第八条修改为：“甲。”；删去第九条。")]
['将第八条修改为：Q', '删去第九条']
"""

from __future__ import annotations

import re

import attrs

from .targets import NUM

__all__ = ["QUOTE", "Clause", "ClauseError", "split_clauses"]

#: The placeholder a quotation leaves in the shape of a clause.
QUOTE = "\ue000"
Q = QUOTE
_STARTER_RE = re.compile(
    rf"(?:同时|并)?(?:将|删去|删除|在(?![^，；]*作为)|修改为|原第|该条|这一|第{NUM}[条款项][^，；。{Q}]*?(?:改为|作为|修改为|删去|增加))"
)
_AFTER_QUOTE_RE = re.compile(
    rf"同时|并且|(?:将|删去|删除|原第|该条|这一|第{NUM}[条款项][^，；。{Q}]*?(?:改为|作为|修改为|删去|增加))"
)


class ClauseError(ValueError):
    """A clause cannot be read; ``offset`` is its place in the instruction's text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@attrs.define
class Clause:
    """One clause: its shape, the offset of each shape character in the instruction's text, its
    quotations (each a tuple of lines), and where it starts and ends in that text."""

    shape: str
    origin: list[int]
    quotes: list[tuple[str, ...]]
    start: int
    end: int  # the offset in the instruction's text just after the clause's last character


def _tokenize(text: str) -> tuple[str, list[int], list[tuple[str, ...]], list[int]]:
    """The shape of *text* (each quotation one ``Q``), each shape character's offset, the quotes,
    and the offset just after each shape character (after the closing ” of a quotation)."""
    shape: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    quotes: list[tuple[str, ...]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        after_colon = ch == "\n" and "".join(shape[-3:]).rstrip().endswith(("：", ":"))
        if after_colon and text[i + 1 : i + 2] == "“":
            i += 1  # the quotation opens on the line after 修改为：
            continue
        unquoted = after_colon
        if ch == "“" or unquoted:
            j, depth, buf = i + 1, 1, []
            while j < n and not unquoted:
                c = text[j]
                if c == "\n":
                    buf.append(c)
                    j += 1
                    if text[j : j + 1] == "“":
                        j += 1  # the next paragraph of the same quotation
                    depth = 1
                    continue
                depth += c == "“"
                depth -= c == "”"
                if depth == 0:
                    break
                buf.append(c)
                j += 1
            content = text[i + 1 :] if unquoted else "".join(buf)
            lines = tuple(line.strip().strip("“”").strip() for line in content.split("\n"))
            quotes.append(tuple(line for line in lines if line) or ("",))
            shape.append(Q)
            origin.append(i)
            i = n if unquoted else j + 1
            ends.append(min(i, n))
            continue
        shape.append(ch)
        origin.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(shape), origin, quotes, ends


def split_clauses(text: str) -> list[Clause]:
    """Cut an instruction's text into clauses; see the module's table."""
    shape, origin, quotes, ends = _tokenize(text)
    out: list[Clause] = []
    start, q_index = 0, 0
    i = 0
    while i <= len(shape):
        cut = i == len(shape) or (shape[i] in "；;。\n" and not shape.startswith("内容如下", i + 1))
        if not cut and shape[i] == "，" and _STARTER_RE.match(shape, i + 1):
            cut = True
        if not cut and i > start and shape[i - 1] == Q and _AFTER_QUOTE_RE.match(shape, i):
            piece = shape[start:i]  # “…”第三款改为第四款, “…”同时，删去…: a new clause
            count = piece.count(Q)
            stripped = piece.strip()
            lead = piece.index(stripped[0])
            where = origin[start + lead : start + lead + len(stripped)]
            out.append(
                Clause(
                    stripped, where, quotes[q_index : q_index + count], start + lead, ends[i - 1]
                )
            )
            q_index += count
            start = i
            if shape.startswith("同时", i):
                start += 2 + (shape[i + 2 : i + 3] == "，")

        if cut:
            piece = shape[start:i]
            count = piece.count(Q)
            stripped = piece.strip()
            if stripped:
                lead = piece.index(stripped[0])
                where = origin[start + lead : start + lead + len(stripped)]
                last = start + lead + len(stripped) - 1
                out.append(
                    Clause(
                        stripped, where, quotes[q_index : q_index + count], start + lead, ends[last]
                    )
                )
            q_index += count
            start = i + 1
        i += 1
    return out
