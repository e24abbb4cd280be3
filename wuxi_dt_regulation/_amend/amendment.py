"""The amending instrument as a value: :class:`Amendment`, and :func:`parse_amendment`."""

from __future__ import annotations

import datetime
import re

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.errors import ParseError
from .._model.regulation import Regulation
from .._model.units import Event, ParseWarning
from .apply import apply_amendment
from .grammar import ClauseError, read_instruction
from .lines import Instruction, split_instrument
from .operations import (
    OPERATION_TYPES,
    Commence,
    Insert,
    InsertHeading,
    Operation,
    Renumbering,
)
from .targets import TargetSyntaxError, instrument_title, same_title

__all__ = ["Amendment", "parse_amendment"]

_AMENDMENT_TITLE_RE = re.compile(r"(?P<law>.+?)修正案(?:[（(][^）)]*[)）])?")
_QUOTED_RE = re.compile(r"[《〈](?P<title>[^《》〈〉]+)[》〉]")
_PURPOSE_LAW_RE = re.compile(r"对(?P<law>《[^》]+》|[^《，。：]{1,12}?)(?:作|进行)")


def _check_operations(_: object, __: object, value: tuple[object, ...]) -> None:
    for op in value:
        if not isinstance(op, OPERATION_TYPES):
            raise TypeError(
                f"an Amendment's operations are Operation values, got {type(op).__name__}"
            )


@attrs.frozen
class Amendment:
    """An amending instrument (修改决定, 修正案) read into operations.

    Attributes:
        title: the instrument's own title (``中华人民共和国刑法修正案（十一）``).
        instruments: the full titles of the instruments it amends, in the order named (a
            修正案's from its title: 刑法修正案 amends 中华人民共和国刑法; a decision's from the
            《…》 of its title, its purpose sentence and its group headings).
        history: the header lines (通过, 批准, 公布 …), one :class:`~wuxi_dt_regulation.Event` each.
        operations: every operation, in the order of the text.
        warnings: the source defects tolerated while reading (not part of equality).

    >>> a = parse_amendment('''# 示例条例修改决定
    ...
    ... 2024年1月2日 示例会议通过
    ...
    ... <!-- INFO END -->
    ...
    ... 示例会议决定对《示例条例》作如下修改：
    ...
    ... 一、将第二条修改为：“本条例自公布之日起施行。”
    ...
    ... 本决定自2024年2月1日起施行。''')
    >>> a.instruments, [op.KIND for op in a.operations], a.effective_date
    (('示例条例',), ['replace', 'commence'], datetime.date(2024, 2, 1))
    """

    title: str
    instruments: tuple[str, ...] = ()
    history: tuple[Event, ...] = ()
    operations: tuple[Operation, ...] = attrs.field(default=(), validator=_check_operations)
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def adopted(self) -> datetime.date | None:
        """The date of the first 通过 event (else of the first dated event), or None."""
        dated = [e for e in self.history if e.date is not None]
        for event in dated:
            if event.action in ("通过", "修正"):
                return event.date
        return dated[0].date if dated else None

    @property
    def effective_date(self) -> datetime.date | None:
        """The date the amendment takes effect.

        The date of ``本决定（本修正案）自…起施行``; for ``自公布之日起施行`` the date of the last
        公布 event, else the adoption date.  A 修正案 with no such clause takes effect when it is
        adopted (宪法修正案 are in force from their adoption), so the adoption date is given.
        """
        for op in self.operations:
            if isinstance(op, Commence):
                if op.date is not None:
                    return op.date
                for event in reversed(self.history):
                    if event.action == "公布" and event.date is not None:
                        return event.date
                return self.adopted
        return self.adopted

    @property
    def renumbers(self) -> bool:
        """True when the text is renumbered (条文顺序作相应调整)."""
        return any(isinstance(op, Renumbering) for op in self.operations)

    @property
    def republished(self) -> bool:
        """True for ``…根据本决定作相应修改并对条文顺序作相应调整，重新公布``."""
        return any(isinstance(op, Renumbering) and op.republish for op in self.operations)

    def operations_for(self, title: str) -> tuple[Operation, ...]:
        """The operations meant for the instrument *title* (刑法 and 中华人民共和国刑法 match)."""
        return tuple(
            op
            for op in self.operations
            if op.instrument is None or same_title(op.instrument, title)
        )

    def apply(self, regulation: Regulation, *, update_references: bool = False) -> Regulation:
        """Apply the operations meant for *regulation* (see docs/amendments.md for the rules).

        Raises:
            AmendmentError: no operation is meant for the regulation, a target does not exist,
                or words are not in their target; nothing is applied then.
        """
        return apply_amendment(self, regulation, update_references=update_references)


def _instruments(title: str, purpose: list[str], instructions: list[Instruction]) -> list[str]:
    names: list[str] = []
    match = _AMENDMENT_TITLE_RE.fullmatch(title)
    if match is not None and not _QUOTED_RE.search(title):
        names.append(instrument_title(match["law"]))
    names.extend(instrument_title(m["title"]) for m in _QUOTED_RE.finditer(title))
    for sentence in purpose:
        law = _PURPOSE_LAW_RE.search(sentence)
        if law is not None:
            names.append(instrument_title(law["law"].strip("《》"), tuple(names)))
    for instruction in instructions:
        if instruction.instrument is not None:
            names.append(instrument_title(instruction.instrument, tuple(names)))
    return list(dict.fromkeys(names))


def _position_error(
    instruction: Instruction, offset: int, message: str, lines: list[str], source: str
) -> ParseError:
    line, column = instruction.position(offset)
    raw = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    return ParseError(message, line=line, column=column, text=raw, source=source)


def _fill_headings(ops: list[Operation]) -> list[Operation]:
    """A new 章/节 holds the articles the same instruction inserts after it (宪法修正案 2018)."""
    out = list(ops)
    for index, op in enumerate(out):
        if isinstance(op, InsertHeading) and not op.holds:
            holds = tuple(
                o.target
                for o in out[index + 1 :]
                if isinstance(o, Insert) and o.target.level == "article"
            )
            out[index] = attrs.evolve(op, holds=holds)
    return out


def parse_amendment(text: str, *, source: str = "<string>") -> Amendment:
    """Read an amending instrument (修改决定, 修正案) into an :class:`Amendment`.

    The text is read line by line (``_amend/lines.py`` holds the layout, ``_amend/grammar.py``
    the instruction forms), never through the Markdown parser: quoted wording is text.

    Args:
        text: the instrument in either Markdown dialect (``# title``, history lines,
            ``<!-- INFO END -->``, then the instructions).
        source: a name for the text, used in error messages.

    Returns:
        The :class:`Amendment`; the defects it tolerated are its ``warnings``.

    Raises:
        ParseError: the text has no title, or an instruction cannot be read (its line and
            column, the instruction quoted).

    >>> a = parse_amendment("# 中华人民共和国刑法修正案（九十九）\\n\\n一、删去刑法第九十九条。")
    >>> a.instruments, a.operations[0].KIND, str(a.operations[0].targets[0])
    (('中华人民共和国刑法',), 'delete', '第九十九条')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    header, instructions, warnings, purpose = split_instrument(text, source)
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    names = _instruments(header.title, purpose, instructions)
    default = names[0] if len(names) == 1 else None
    operations: list[Operation] = []
    all_warnings = list(warnings)
    for instruction in instructions:
        try:
            ops, found = read_instruction(instruction, default, tuple(names))
        except (ClauseError, TargetSyntaxError) as err:
            raise _position_error(instruction, err.offset, str(err), lines, source) from None
        except ValueError as err:
            raise _position_error(
                instruction, 0, f"cannot read the instruction: {err}", lines, source
            ) from None
        for offset, code, message in found:
            line, column = instruction.position(offset)
            all_warnings.append(ParseWarning(line, column, code, message))
        for op in ops:
            if op.instrument is not None and op.instrument not in names:
                names.append(op.instrument)
        operations.extend(_fill_headings(ops))
    all_warnings.sort(key=lambda w: (w.line, w.column))
    return Amendment(
        header.title, tuple(names), header.history, tuple(operations), tuple(all_warnings)
    )
