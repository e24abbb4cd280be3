"""The values an amending instrument is read into: one class per kind of instruction.

Every value is an ``@attrs.frozen`` class holding tuples, ints, strings and dates, so that the
JSON converter can write it and read it back.  Every operation carries

* ``span``: where it was read (1-based line and column in the instrument's text, and the clause
  as written: an instruction of several clauses gives each operation its own clause), and
* ``instrument``: the full title of the instrument it amends (``中华人民共和国刑法``), or None
  when the amending instrument names none.

Targets name units by their number in the text being amended (the OLD number), the way
drafters write them (立法技术规范（试行）: 修改决定 name the 条 as it stands); the position of an
insertion or a move is a number of the amended text (``增加一条，作为第十一条``).

>>> from wuxi_dt_regulation import Citation
>>> str(Target(Citation(article=10, paragraph=2))), str(Target(scope="preamble", number=7))
('第十条第二款', '序言第七自然段')
>>> Wording(("为了示例：", "（一）甲；", "（二）乙。")).paragraphs[0].items[1].text
'乙。'
"""

from __future__ import annotations

import datetime
from typing import ClassVar, Literal, TypeAlias

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.citation import Citation
from .._model.structure import Article
from .._model.units import Item, Paragraph
from .places import place_error, place_text
from .wording import read_articles, read_items, read_paragraphs

__all__ = [
    "CLOSING_TYPES",
    "OPERATION_TYPES",
    "SCOPES",
    "ClosingClause",
    "Commence",
    "Delete",
    "DeleteWords",
    "Insert",
    "InsertHeading",
    "InsertWords",
    "Move",
    "Note",
    "Operation",
    "Renumber",
    "Renumbering",
    "Replace",
    "ReplaceWords",
    "Retitle",
    "Span",
    "Target",
    "Wording",
]

#: What a :class:`Target` may name besides a numbered unit.
SCOPES = ("unit", "title", "preamble", "introduction", "document", "head")
Scope: TypeAlias = Literal["unit", "title", "preamble", "introduction", "document", "head"]


@attrs.frozen
class Span:
    """Where an operation was read: 1-based line and column, and the clause as written.

    ``text`` is the clause from its first character to its last, quoted wording included (so it
    may run over several lines, joined by ``\\n``).
    """

    line: int
    column: int
    text: str

    @property
    def first_line(self) -> str:
        """The clause's first line, for messages that show one line with a caret."""
        return self.text.split("\n", 1)[0]


@attrs.frozen
class Target:
    """Where an instruction acts.

    Attributes:
        citation: the unit (条, 款, 项, 目, or a 章/节 heading) for ``scope="unit"`` and
            ``"head"``; None otherwise.
        scope: ``unit`` (a numbered unit), ``title`` (名称: the instrument's title),
            ``preamble`` (序言, or its ``number``-th 自然段), ``introduction`` (引言: the text
            before the first article of an interpretation), ``document`` (本法中的 …: the whole
            text) or ``head`` (条首部分: the words of the unit that stand before its 项).
        number: the 自然段 of the preamble, or None for the whole preamble.
        sentences: ``(first, last)``, 1-based, of the sentences of the 自然段 meant; negative
            numbers count from the end (后两句 is ``(-2, -1)``).
        new: the number is one of the amended text (``修改后《解释》第二十条``), not the old one.
    """

    citation: Citation | None = None
    scope: Scope = "unit"
    number: int | None = None
    sentences: tuple[int, int] | None = None
    new: bool = False

    def __attrs_post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"Target.scope is one of {SCOPES}, got {self.scope!r}")
        if (self.citation is None) == (self.scope in ("unit", "head")):
            raise ValueError(
                f"a {self.scope!r} target {'needs' if self.citation is None else 'takes no'} citation"
            )
        problem = place_error(self.scope, self.number, self.sentences)
        if problem is not None:
            raise ValueError(problem)

    @property
    def level(self) -> str:
        """The level named (``article``, ``paragraph``, ``item``, ``subitem``, ``chapter``,
        ``section``, ``part``), or the scope when no unit is named."""
        return self.citation.level if self.citation is not None else self.scope

    def __str__(self) -> str:
        if self.scope == "unit" and self.citation is not None:
            return str(self.citation)
        if self.scope == "head" and self.citation is not None:
            return f"{self.citation}条首部分"
        return place_text(self.scope, self.number, self.sentences)


@attrs.frozen
class Wording:
    """New wording as quoted, one printed line per paragraph, 项 and 目 (quotation marks removed).

    The lines are read into units the way the Markdown reader reads a document: ``（一）`` opens
    a 项, ``1．`` a 目 inside it, any other line a new 款; a line opening with ``第X条`` opens an
    article (several articles inserted at once quote their labels).
    """

    lines: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        if not self.lines or any(not line or line != line.strip() for line in self.lines):
            raise ValueError(f"Wording holds non-empty stripped lines, got {self.lines!r}")

    @property
    def text(self) -> str:
        """The wording, its lines joined by ``\\n``."""
        return "\n".join(self.lines)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The wording read as 款 (numbered from 1), with their 项 and 目."""
        return read_paragraphs(self.lines)

    @property
    def articles(self) -> tuple[Article, ...]:
        """The wording read as articles, each ``第X条`` line opening one."""
        return read_articles(self.lines)

    @property
    def items(self) -> tuple[Item, ...]:
        """The wording read as 项, each line ``（三）…`` one 项 and ``1．…`` its 目."""
        return read_items(self.lines)


def _targets(value: tuple[Target, ...]) -> tuple[Target, ...]:
    if not value:
        raise ValueError("an operation needs at least one target")
    return value


_SPAN = attrs.field(kw_only=True)
_INSTRUMENT = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Replace:
    """将第X条[第Y款][第Z项]修改为：“…”: the unit takes the new wording.

    Several targets are replaced together by one wording (``将第六条和第七条合并修改为``,
    ``将第一百八十六条第一款、第二款修改为``): the first takes the wording, the others go.
    ``old`` names the 款 replaced by their text, as the constitution quotes them
    (``宪法第十三条“A”“B”修改为：“C”“D”“E”``).
    """

    KIND: ClassVar[str] = "replace"
    targets: tuple[Target, ...] = attrs.field(converter=_targets)
    wording: Wording
    old: tuple[str, ...] = ()
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class ReplaceWords:
    """将第X条中的“A”修改为“B”: every occurrence of each of ``old`` in each target becomes ``new``.

    ``将第X条中的“A”、“B”修改为“C”`` has two ``old``; ``将本法中的“A”统一修改为“B”`` targets the
    whole text (``scope="document"``).
    """

    KIND: ClassVar[str] = "replace-words"
    targets: tuple[Target, ...] = attrs.field(converter=_targets)
    old: tuple[str, ...]
    new: str
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class DeleteWords:
    """删去第X条中的“A”: every occurrence of each of ``words`` in each target goes."""

    KIND: ClassVar[str] = "delete-words"
    targets: tuple[Target, ...] = attrs.field(converter=_targets)
    words: tuple[str, ...]
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class InsertWords:
    """在第X条中的“A”后增加“B”: ``words`` go after (or before) each occurrence of ``anchor``.

    ``position`` is ``after`` (后增加, 之后增加), ``before`` (前增写), ``end`` (末尾增加, 后增写一句:
    appended to the unit's text, ``anchor`` empty) or ``start`` (开始部分增加规定).
    """

    KIND: ClassVar[str] = "insert-words"
    targets: tuple[Target, ...] = attrs.field(converter=_targets)
    anchor: str
    words: str
    position: Literal["after", "before", "end", "start"] = "after"
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Insert:
    """增加一条，作为第X条：“…” (or a 款, a 项): a new unit at ``target``, a number of the amended text.

    ``after`` is the unit the instruction puts it after, by its old number (``在第十条后增加一条``);
    None when the instruction gives only the new position.  ``unit`` is empty when the target
    names the new unit itself; a 款 or 项 added with no position (``宪法第十一条增加规定：“…”``)
    has ``target`` naming the article or 款 it goes at the end of, and ``unit`` saying what it is
    (``paragraph``, ``item``).  ``within`` is the 章 or 节 (by its old number) an article is put
    in (``在第三章中增加一条，作为第二十条``): the first article of a chapter would otherwise join
    the chapter before it.
    """

    KIND: ClassVar[str] = "insert"
    target: Target
    wording: Wording
    after: Target | None = None
    unit: Literal["", "article", "paragraph", "item", "subitem"] = ""
    within: Target | None = None
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class InsertHeading:
    """增加一章，作为第五章“…” / 增加一节: a new 章 or 节 with its ``title``.

    ``holds`` are the articles (new numbers) inserted into it by the same instruction.
    """

    KIND: ClassVar[str] = "insert-heading"
    target: Target
    title: str
    holds: tuple[Target, ...] = ()
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Delete:
    """删去第X条 / 第X条第Y款 / 第X条第Y款第Z项 (several at once: 删去第十二条和第十三条)."""

    KIND: ClassVar[str] = "delete"
    targets: tuple[Target, ...] = attrs.field(converter=_targets)
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Renumber:
    """将第X条改为第Y条, 第三款相应地改为第四款, 原第二款作为第三款: ``target`` (old) takes ``to``."""

    KIND: ClassVar[str] = "renumber"
    target: Target
    to: Target
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Move:
    """将第X条移至第N章，作为第Y条: ``target`` (old number) goes to ``chapter`` as ``to`` (new)."""

    KIND: ClassVar[str] = "move"
    target: Target
    chapter: Target
    to: Target
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Retitle:
    """将第N章的章名修改为“…”, 将名称修改为“…”: a heading (or the instrument) takes ``title``."""

    KIND: ClassVar[str] = "retitle"
    target: Target
    title: str
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Renumbering:
    """条文顺序作相应调整: the articles (and the 款/项 of changed units) are numbered afresh.

    A closing clause (``ClosingClause``), kept in ``Amendment.clauses``, not an operation.
    ``republish`` is true for ``…根据本决定作相应修改并对条文顺序作相应调整，重新公布``.
    """

    KIND: ClassVar[str] = "renumbering"
    republish: bool = False
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


@attrs.frozen
class Commence:
    """本决定自2024年1月1日起施行: the date the amendment takes effect.

    A closing clause (``ClosingClause``), kept in ``Amendment.clauses``, not an operation.
    ``date`` is None for ``自公布之日起施行`` (the amendment's own header dates it).
    """

    KIND: ClassVar[str] = "commence"
    date: datetime.date | None
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT


#: The kinds of :class:`Note`.
NOTE_KINDS = ("charge", "inapplicable", "interpretation", "annex", "commencement", "other")


@attrs.frozen
class Note:
    """A clause that changes no text: read and kept, applied as nothing.

    ``kind`` is ``charge`` (…的罪名由“A”修改为“B”), ``inapplicable`` (…数额标准不再适用),
    ``interpretation`` (《安排》所指…应解释为…), ``annex`` (在《…基本法》附件三中增加下列全国性法律：…),
    ``commencement`` (a split commencement: 第X条自…起施行) or ``other``.
    """

    KIND: ClassVar[str] = "note"
    kind: str
    span: Span = _SPAN
    instrument: str | None = _INSTRUMENT

    def __attrs_post_init__(self) -> None:
        if self.kind not in NOTE_KINDS:
            raise ValueError(f"Note.kind is one of {NOTE_KINDS}, got {self.kind!r}")


#: Every kind of operation: what an instruction does to the text (a :class:`Note` does nothing).
Operation: TypeAlias = (
    Replace
    | ReplaceWords
    | DeleteWords
    | InsertWords
    | Insert
    | InsertHeading
    | Delete
    | Renumber
    | Move
    | Retitle
    | Note
)

#: The classes of :data:`Operation`, for isinstance checks.
OPERATION_TYPES: tuple[type, ...] = (
    Replace, ReplaceWords, DeleteWords, InsertWords, Insert, InsertHeading, Delete, Renumber,
    Move, Retitle, Note,
)  # fmt: skip

#: A closing clause: a property of the amendment (when it takes effect, whether the text is
#: renumbered and republished), not an operation on the text.
ClosingClause: TypeAlias = Commence | Renumbering

#: The classes of ``ClosingClause``, for isinstance checks.
CLOSING_TYPES: tuple[type, ...] = (Commence, Renumbering)
