"""Would a value read back as itself?  The model's check with the reading rules of :mod:`.flow`.

:func:`check_flow` lists the lines :func:`~wuxi_dt_regulation.render` prints for a run of 款 and
reads them as the parser would (:class:`.flow.Reading`): a line that would read back as
something else than the model says (a further paragraph as a new 款, a 项 swallowed by an open
quotation, a 款 taken into the 项 before it because the list resumes after it) is refused.
The constructors of :class:`~.units.Paragraph` and of the containers call it, only for the
values that need it (a unit that runs over several paragraphs, a 项 numbered 1．, a text that
leaves a quotation open, a list that does not start at 1).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .checks import check_line
from .flow import (
    ARABIC,
    BREAK,
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
from .labels import SUBITEM_DOT, item_label
from .reading import paragraph_flow

if TYPE_CHECKING:
    from .units import Item, Paragraph, SubItem

__all__ = ["check_flow", "check_further", "check_paragraph", "check_runs"]


_Unit = object  # a Paragraph, Item or SubItem (taken by its fields)


class _Printed(NamedTuple):
    token: Token
    brk: bool  # a forced break is printed before the line
    does: str  # what the line must do when read back
    unit: _Unit


def _printed(paragraphs: Sequence[Paragraph]) -> Iterator[_Printed]:
    """The lines :func:`~wuxi_dt_regulation.render` prints for *paragraphs*, in order.  Further
    paragraphs are printed escaped where they would read as markers, so they are prose here."""
    for para in paragraphs:
        brk = para.break_before
        if para.text:
            yield _Printed(Token(TEXT, text=para.text), brk, PARA, para)
            brk = False
        for line in para.continuation:
            yield _Printed(Token(TEXT, text=line, escaped=True), False, CONT, para)
        for item in para.items:
            kind, does = (DOT, ARABIC) if item.arabic else (ITEM, ITEM)
            yield _Printed(Token(kind, item.number, item.text), brk, does, item)
            brk = False
            yield from _further(item)
            for sub in item.subitems:
                yield _Printed(Token(PAREN if item.arabic else DOT, sub.number, sub.text),
                               False, SUB, sub)  # fmt: skip
                yield from _further(sub)
                for deep in sub.subitems:
                    yield _Printed(Token(PAREN, deep.number, deep.text), False, DEEP, deep)
                    yield from _further(deep)


def _further(unit: Item | SubItem) -> Iterator[_Printed]:
    for line in unit.continuation:
        yield _Printed(Token(TEXT, text=line, escaped=True), False, CONT, unit)


_BREAK = Token(BREAK)


def _expand(printed: _Printed, quoted: bool) -> tuple[Token, ...]:
    del quoted  # printed lines are never split
    return (_BREAK, printed.token) if printed.brk else (printed.token,)


_WHAT = {
    PARA: "a new 款",
    ITEM: "a 项",
    ARABIC: "a 项 numbered 1．",
    SUB: "a 目",
    DEEP: "a fourth-level （1）",
    CONT: "a further paragraph of the unit before it",
}


def _describe(unit: _Unit) -> str:
    name = type(unit).__name__
    number = getattr(unit, "number", "")
    return f"{name} {number}"


def _next_label(reading: Reading) -> str:
    """The marker of the 项 the open list goes on with: （七） after （六）, 7． after 6．."""
    number = (reading.item or 0) + 1
    return f"{number}{SUBITEM_DOT}" if reading.arabic else item_label(number)


def _why(reading: Reading, action: str, does: str, token: Token, ahead: list[_Printed]) -> str:
    """Why a printed line reads back as *action* rather than *does*: the rule at work."""
    if action == CONT and reading.quote.open:
        return ": it would stand inside the quotation left open before it"
    if action == CONT:
        return f": the list goes on after it with {_next_label(reading)}"
    if does == ARABIC:
        return ": a 项 numbered 1． needs an introduction ending in ： before it"
    if does != CONT:
        return ""
    if reading.item is None:
        return ": a further paragraph of a 款 stands inside a quotation the 款 opened (修改为：“…)"
    why, later = reading.why_not(token.whole, ahead, _expand)
    after = f"the next 项 of its list ({_next_label(reading)})"
    if why == "opens":
        return (
            ": it opens a quotation, and a line that opens one outside a quotation is read as a "
            "款 of its own (quoted wording is never part of a list that goes on after it)"
        )
    if why == "quote" and later is not None:
        return (
            f": the line {later.whole[:20]!r} after it opens a quotation before {after} "
            "follows, so the list does not go on (quoted wording is never part of a list that "
            "goes on after it)"
        )
    if why == "break":
        return f": a forced break and a new 款 come before {after}"
    if why == "other" and later is not None:
        found = f"{later.number}{SUBITEM_DOT}" if later.kind == DOT else item_label(later.number)
        return f": a further paragraph needs {after} to follow it, not {found}"
    return (
        f": a further paragraph needs {after} to follow it before the paragraphs end (the "
        "article's end, or a table)"
    )


def check_flow(paragraphs: Sequence[Paragraph]) -> None:
    """Refuse *paragraphs* (consecutive 款 of one container) when a printed line would read
    back as something else than what the model says it is (see the module's rules).

    Raises:
        ValueError: saying which line, what the model has and how it would read back.
    """
    printed = list(_printed(paragraphs))
    reading = Reading()
    for index, line in enumerate(printed):
        token, brk, does, unit = line
        action = ""
        if reading.quote.open:
            if brk or reading.ends_quote(token):
                reading.quote = CLOSED
            else:
                action = CONT
        if not action:
            ahead = (printed[later] for later in range(index + 1, len(printed)))
            scan = functools.partial(reading.resumes, token.whole, ahead, _expand)
            action = reading.decide(token, brk, scan)
        if action != does:
            why = _why(reading, action, does, token, printed[index + 1 :])
            raise ValueError(
                f"{_describe(unit)}: the line {token.text[:20]!r} would read back as "
                f"{_WHAT.get(action, action)}, not as {_WHAT.get(does, does)}{why}"
            )
        reading.apply(action, token)


def check_further(owner: str, further: tuple[str, ...]) -> None:
    """A unit's further paragraphs are one non-empty printable line each."""
    for line in further:
        check_line(owner, line)
        if not line:
            raise ValueError(f"{owner}: a further paragraph cannot be empty")


def check_paragraph(para: Paragraph) -> bool:
    """Check *para* (its further paragraphs, and how it reads back alone); return whether it
    needed the reading rules, so that its container checks how it reads after the 款 before."""
    further = para.continuation
    if further:
        check_further("Paragraph", further)
    if paragraph_flow(para.text, further, para.items):
        check_flow((para,))
        return True
    return False


def check_runs(owner: object, runs: list[list[Paragraph]]) -> None:
    """Check each run of consecutive paragraphs of *owner* (a table ends a run)."""
    for run in runs:
        try:
            check_flow(run)
        except ValueError as err:
            raise ValueError(f"{getattr(owner, 'label', owner)}: {err}") from None
