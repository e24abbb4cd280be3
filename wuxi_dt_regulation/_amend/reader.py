"""Reading one clause into operations: the handlers the rules of :mod:`.grammar` call.

A :class:`Reader` carries what the clauses of one instruction name (the instrument, the unit
named last, a 款 added with no wording of its own) from one clause to the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from .clauses import QUOTE, Clause, ClauseError
from .headings import new_heading
from .lines import Instruction
from .operations import (
    ClosingClause,
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertWords,
    Move,
    Note,
    Operation,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)
from .targets import (
    THAT,
    TargetContext,
    TargetSyntaxError,
    instrument_title,
    parse_targets,
    split_law,
)
from .wording import HEADING_LINE_RE, split_wording
from .words import POSITIONS, UNIT_NAMES, clean_target, read_count, read_date

__all__ = ["Reader", "Rule"]

Q = QUOTE
#: A rule: the pattern a clause's shape must match in full, and the handler it calls.
Rule = tuple[re.Pattern[str], Callable[["Reader", re.Match[str]], None]]


class Reader:
    """Reads the clauses of one instruction, carrying what each names to the next."""

    def __init__(
        self,
        instruction: Instruction,
        default: str | None,
        known: tuple[str, ...],
        named: str | None = None,
    ) -> None:
        self.instruction = instruction
        self.law = instruction.instrument or default
        self.known = known
        #: the instrument named last (该法, 同法, 上述法律 name it), here or before
        self.named = instruction.instrument or named
        self.context = TargetContext()
        self.ops: list[Operation | ClosingClause] = []
        self.pending: list[tuple[Insert, int]] = []
        self.clause: Clause | None = None

    # ---- helpers

    def span(self) -> Span:
        clause = self.clause
        assert clause is not None
        line, column = self.instruction.position(clause.origin[0])
        return Span(line, column, self.instruction.text[clause.origin[0] : clause.end].rstrip())

    def fail(self, message: str, at: int = 0) -> ClauseError:
        clause = self.clause
        assert clause is not None
        return ClauseError(message, clause.origin[min(at, len(clause.origin) - 1)])

    def target(self, text: str, at: int) -> Target:
        """The one unit *text* names: a list where one unit goes is refused, never cut short."""
        found = self.targets(text, at)
        if len(found) != 1:
            raise self.fail(f"one unit goes here, {text!r} names {len(found)}", at)
        return found[0]

    def paired(
        self, old: tuple[Target, ...], new: tuple[Target, ...], verb: str, at: int = 0
    ) -> zip[tuple[Target, Target]]:
        """Each unit of *old* with the number in the same place of *new*: lists of different
        lengths are refused at *at*, never cut to the shorter one."""
        if len(old) != len(new):
            raise self.fail(f"{_count(old, 'unit')} {verb} to {_count(new, 'number')}", at)
        return zip(old, new, strict=True)

    def targets(self, text: str, at: int) -> tuple[Target, ...]:
        law, rest = split_law(text)
        if law == THAT:
            if self.named is None:
                raise self.fail(
                    f"{text[: len(text) - len(rest)]} names no instrument: none was named before it",
                    at,
                )
            self.law = self.named
        elif law is not None:
            self.law = self.named = instrument_title(law, self.known)
        try:
            found = parse_targets(rest, self.context, offset=at + len(text) - len(rest))
        except TargetSyntaxError as err:
            raise self.fail(str(err), err.offset) from None
        self.context.last = found[0]
        return found

    def quote(self, index: int) -> tuple[str, ...]:
        assert self.clause is not None
        return self.clause.quotes[index]

    def wording(self, first: int, count: int | None = None) -> Wording:
        lines: list[str] = []
        assert self.clause is not None
        stop = len(self.clause.quotes) if count is None else first + count
        for index in range(first, stop):
            lines.extend(self.quote(index))
        lines = [line for line in lines if line]
        if not lines:
            raise self.fail("expected the new wording in quotation marks, found nothing")
        return Wording(tuple(lines))

    def emit(self, op: Operation | ClosingClause) -> None:
        self.ops.append(op)

    # ---- the rules

    def read(self, clause: Clause, rules: Sequence[Rule]) -> None:
        """Read *clause* with the first of *rules* whose pattern its shape matches in full."""
        self.clause = clause
        shape = clause.shape.replace(":", "：").replace(",", "，")
        for prefix in ("同时，", "同时", "并"):
            if shape.startswith(prefix) and len(shape) > len(prefix):
                shape = shape[len(prefix) :]
                clause.origin = clause.origin[len(prefix) :]
                break
        for pattern, handler in rules:
            match = pattern.fullmatch(shape)
            if match is not None:
                handler(self, match)
                return
        raise self.fail(
            f"cannot read the instruction {clause.shape.replace(Q, '“…”')!r}: expected a form such as 将第X条修改为：“…”, 删去第X条, 增加一条，作为第X条：“…”"
        )

    def commence(self, m: re.Match[str]) -> None:
        subject = m["subject"].strip("，, ")
        for word in ("此外", "本修改决定", "本决定", "本修正案", "本修正", "本修改"):
            subject = subject.removeprefix(word)
        if subject or "施行" in m["more"]:
            self.emit(Note("commencement", span=self.span(), instrument=self.law))
            return
        self.emit(Commence(read_date(m["date"]), span=self.span(), instrument=self.law))

    def republish(self, m: re.Match[str]) -> None:
        named = re.findall(r"《([^》]+)》", m[0].split("根据本决定")[0])
        for title in named or [None]:
            if title is not None:
                self.law = self.named = instrument_title(title, self.known)
            if m["renumber"]:
                self.emit(Renumbering(True, span=self.span(), instrument=self.law))
            else:
                self.emit(Note("other", span=self.span(), instrument=self.law))

    def renumbering(self, m: re.Match[str]) -> None:
        pairs = m["pairs"] or ""
        for index, _ in enumerate(re.findall(rf"{Q}调整为{Q}", pairs)):
            old = self._quoted_targets(2 * index)
            new = self._quoted_targets(2 * index + 1)
            for a, b in self.paired(old, new, "renumbered"):
                self.emit(
                    Renumber(a, attrs.evolve(b, new=True), span=self.span(), instrument=self.law)
                )
        self.emit(Renumbering(False, span=self.span(), instrument=self.law))

    def _quoted_targets(self, index: int) -> tuple[Target, ...]:
        return self.targets("".join(self.quote(index)), 0)

    def retitle(self, m: re.Match[str]) -> None:
        text = m["t"] or ""
        target = (
            Target(scope="title") if not text.strip("将的") else self.target(text, m.start("t"))
        )
        self.emit(Retitle(target, "".join(self.quote(0)), span=self.span(), instrument=self.law))

    def move(self, m: re.Match[str]) -> None:
        old = self.targets(m["t"], m.start("t"))
        chapter = self.target(m["c"], m.start("c"))
        new = self.targets(m["to"], m.start("to"))
        for target, to in self.paired(old, new, "moved", m.start("to")):
            self.emit(Move(target, chapter, to, span=self.span(), instrument=self.law))
        self.context.last = old[0]

    def renumber_replace(self, m: re.Match[str]) -> None:
        target = self.target(m["t"], m.start("t"))
        to = self.target(m["to"], m.start("to"))
        self.emit(Renumber(target, to, span=self.span(), instrument=self.law))
        self.emit(Replace((target,), self.wording(0), span=self.span(), instrument=self.law))
        self.context.last = target

    def renumber(self, m: re.Match[str]) -> None:
        old = self.targets(m["t"], m.start("t"))
        new = self.targets(m["to"], m.start("to"))
        for a, b in self.paired(old, new, "renumbered", m.start("to")):
            self.emit(Renumber(a, b, span=self.span(), instrument=self.law))
        self.context.last = old[0]

    def insert(self, m: re.Match[str]) -> None:
        unit, count = m["unit"], read_count(m["count"])
        after = container = None
        appended: Literal["", "article", "paragraph", "item", "subitem"] = ""
        if m["after"]:
            named = self.target(m["after"], m.start("after"))
            after, container = (named, None) if m["rel"] in ("后", "之后") else (None, named)
        if m["to"]:
            if container is not None:
                self.context.last = container
            positions = self.targets(m["to"], m.start("to"))
        elif container is not None and unit in ("款", "项"):
            positions = (container,) * count  # at the end of the unit named
            appended = UNIT_NAMES[unit]
        else:
            raise self.fail(
                f"增加{m['count']}{unit} says neither where (作为…) nor in what (在第X条中)"
            )
        if len(positions) != count:
            raise self.fail(f"增加{m['count']}{unit} names {len(positions)} positions")
        # 宪法第三章“国家机构”中…: a quote that names, not words
        first = (m["after"] or "").count(Q)
        quotes = (len(self.clause.quotes) if self.clause else 0) - first
        if unit in ("章", "节"):
            self.heading(positions[0], m, quotes, first)
            return
        if quotes == 0:
            for position in positions:  # the wording comes with a later clause (刑法修正案（十二）)
                op = Insert(position, Wording(("…",)), after, appended, span=self.span(),
                            instrument=self.law)  # fmt: skip
                self.pending.append((op, len(self.ops)))
                self.ops.append(op)
            return
        wording = self.wording(first)
        pieces = split_wording(wording.lines, unit, count)
        parts = None if pieces is None else [Wording(piece) for piece in pieces]
        if parts is None:
            raise self.fail(
                f"增加{m['count']}{unit}: the wording does not split into {count} units"
            )
        within = (
            container
            if unit == "条" and container is not None and container.level in ("chapter", "section")
            else None
        )
        for position, part in zip(positions, parts, strict=True):
            self.emit(
                Insert(
                    position, part, after, appended, within, span=self.span(), instrument=self.law
                )
            )
            after = after if after is None else attrs.evolve(position, new=True)
        self.context.last = positions[0]

    def heading(self, position: Target, m: re.Match[str], quotes: int, first: int) -> None:
        lines = list(self.wording(first).lines) if quotes else []
        title = ""
        if m["title"] is not None:
            title, lines = lines[0], lines[1:]
        elif lines and HEADING_LINE_RE.fullmatch(lines[0]):
            heading = HEADING_LINE_RE.fullmatch(lines[0])
            assert heading is not None
            title, lines = heading["title"].strip(), lines[1:]
        try:
            self.ops.extend(new_heading(position, title, lines, self.span(), self.law))
        except ValueError as err:
            raise self.fail(f"the new {position}: {err}") from None

    def insert_plain(self, m: re.Match[str]) -> None:
        target = self.target(m["t"], m.start("t"))
        self.emit(
            Insert(
                target, self.wording(0), None, "paragraph", span=self.span(), instrument=self.law
            )
        )

    def insert_words(self, m: re.Match[str]) -> None:
        skip = (m["t"] or "").count(Q)  # quotes naming a list (…“国务院行使下列职权”中…)
        targets = self._targets_or_last(m["t"] or "", m.start("t"))
        position = POSITIONS[m["pos"]]
        anchor = "".join(self.quote(skip)) if position in ("after", "before") else ""
        words = "".join(self.quote(len(self.clause.quotes) - 1)) if self.clause else ""
        self.emit(
            InsertWords(targets, anchor, words, position, span=self.span(), instrument=self.law)
        )

    def delete_words(self, m: re.Match[str]) -> None:
        rest, base = m["rest"], m.start("rest")
        index = 0
        for part in re.finditer(
            rf"(?P<t>[^{Q}]*?)(?P<w>{Q}(?:[、和及]?{Q})*)(?:和|、|，|及)?", rest
        ):
            count = part["w"].count(Q)
            words = tuple("".join(self.quote(index + k)) for k in range(count))
            index += count
            targets = self._targets_or_last(clean_target(part["t"]), base + part.start("t"))
            self.emit(DeleteWords(targets, words, span=self.span(), instrument=self.law))

    def replace_words(self, m: re.Match[str]) -> None:
        skip = (m["t"] or "").count(Q)  # quotes naming a list (…“国务院行使下列职权”中…)
        targets = self._targets_or_last(clean_target(m["t"] or ""), m.start("t"))
        old_count = m["old"].count(Q)
        separated = bool(re.search("[、和]", m["old"]))
        old = tuple("\n".join(self.quote(skip + k)) for k in range(old_count))
        if m["colon"] or len(m["new"]) > 1 or (old_count > 1 and not separated):
            self.emit(
                Replace(
                    targets,
                    self.wording(skip + old_count),
                    old,
                    span=self.span(),
                    instrument=self.law,
                )
            )
            return
        self.emit(
            ReplaceWords(
                targets,
                old,
                "".join(self.quote(skip + old_count)),
                span=self.span(),
                instrument=self.law,
            )
        )

    def replace(self, m: re.Match[str]) -> None:
        text = (m["t"] or "").strip()
        if not text or text in ("该条", "这一条", "这一款", "该款", "这一自然段", "该项", "本条"):
            if self.context.last is None:
                raise self.fail("修改为 names no unit: nothing was named before it")
            targets: tuple[Target, ...] = (self._implied(text),)
        else:
            targets = self.targets(text, m.start("t"))
        op = Replace(targets, self.wording(0), span=self.span(), instrument=self.law)
        for pending, _ in self.pending:
            self._fill(pending, op)
        self.emit(op)

    def delete(self, m: re.Match[str]) -> None:
        self.emit(Delete(self.targets(m["t"], m.start("t")), span=self.span(), instrument=self.law))

    # ---- implied targets

    def _implied(self, word: str) -> Target:
        last = self.context.last
        assert last is not None
        if word in ("该条", "这一条", "本条") and last.citation is not None:
            return Target(attrs.evolve(last.citation, paragraph=None, item=None, subitem=None))
        # 该款 after a 项 names the 款 that holds it, 该项 after a 目 the 项
        cut = ("item", "subitem") if word in ("这一款", "该款") else ("subitem",) * (word == "该项")
        if cut and last.citation is not None and getattr(last.citation, cut[0]) is not None:
            return Target(attrs.evolve(last.citation, **dict.fromkeys(cut)), new=last.new)  # type: ignore[arg-type]
        return last

    def _targets_or_last(self, text: str, at: int) -> tuple[Target, ...]:
        if text.strip():
            return self.targets(text, at)
        if self.context.last is None:
            raise self.fail("the words are in no unit: none was named")
        return (self.context.last,)

    def _fill(self, pending: Insert, restated: Replace) -> None:
        cite, whole = pending.target.citation, restated.targets[0].citation
        if (
            cite is None
            or whole is None
            or (cite.article, cite.suffix) != (whole.article, whole.suffix)
        ):
            return
        paragraphs = restated.wording.paragraphs
        number = cite.paragraph or len(paragraphs)
        if not 1 <= number <= len(paragraphs):
            raise self.fail(
                f"增加一款作为第{number}款, but the restated article has {len(paragraphs)} 款"
            )
        lines = tuple(paragraphs[number - 1].lines())
        index = self.ops.index(pending)
        self.ops[index] = attrs.evolve(pending, wording=Wording(lines))
        self.pending = [(p, i) for p, i in self.pending if p is not pending]

    def finish(self) -> list[Operation | ClosingClause]:
        if self.pending:
            raise ClauseError(
                "增加一款 with no wording: expected 修改为：“…” restating the unit", 0
            )
        return self.ops


def _count(values: tuple[object, ...], noun: str) -> str:
    return f"{len(values)} {noun}" + ("" if len(values) == 1 else "s")
