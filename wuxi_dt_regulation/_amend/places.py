"""The places an instruction names outside the numbered units: the instrument's title, the
preamble (序言, its 自然段 and their sentences), an interpretation's 引言 and the text's 段.

:func:`place_error` says why a place cannot be named, and :func:`place_text` writes it as
the instruments do (``序言第十自然段后两句``, ``正文第二段``): what :class:`.operations.Target`
checks and prints for these scopes.
"""

from __future__ import annotations

from .._model.numerals import to_chinese

__all__ = ["place_error", "place_text"]


def _sentences_ok(scope: str, sentences: object) -> bool:
    if scope != "preamble" or not isinstance(sentences, tuple) or len(sentences) != 2:
        return False
    first, last = sentences
    return (
        type(first) is int
        and type(last) is int
        and 0 not in (first, last)
        and (first > 0) == (last > 0)
        and first <= last
    )


def place_error(scope: str, number: object, sentences: object) -> str | None:
    """Why *number* and *sentences* cannot go with a target of *scope*, or None when they can:
    a 自然段 (or 段) is numbered from 1, in the preamble or the text only; sentences are
    ``(first, last)`` of a preamble's, from 1 or from the end (-1), the first not after the
    last."""
    if number is not None and (
        scope not in ("preamble", "document") or type(number) is not int or number < 1
    ):
        return (
            f"Target.number is a 自然段 (from 1) of the preamble or the text, got {number!r} "
            f"for a {scope!r} target"
        )
    if sentences is not None and not _sentences_ok(scope, sentences):
        return (
            "Target.sentences is (first, last) of the preamble's sentences, from 1 or from "
            f"the end (-1), first <= last, got {sentences!r} for a {scope!r} target"
        )
    return None


def place_text(scope: str, number: int | None, sentences: tuple[int, int] | None) -> str:
    """The place as the instruments write it: 名称, 引言, 全文, 正文第二段, 序言, 序言第三自然段,
    …第二句, …第一句至第三句, …后两句, …最后一句."""
    if scope == "preamble":
        text = "序言"
        if number is not None:
            text += f"第{to_chinese(number)}自然段"
        if sentences is not None:
            first, last = sentences
            if first < 0:
                # a count: 两 before the measure word (后两句), as the instruments write it
                count = "两" if first == -2 else to_chinese(-first)
                text += f"后{count}句" if -first > 1 else "最后一句"
            elif first == last:
                text += f"第{to_chinese(first)}句"
            else:
                text += f"第{to_chinese(first)}句至第{to_chinese(last)}句"
        return text
    if scope == "document" and number is not None:
        return f"正文第{to_chinese(number)}段"
    return {"title": "名称", "introduction": "引言", "document": "全文"}[scope]
