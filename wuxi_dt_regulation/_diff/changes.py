"""The changes a diff lists: articles added, removed, edited, renumbered, moved, split or merged;
headings and header lines that changed; and the rows of the comparison table.

:class:`~.regulation_diff.RegulationDiff` holds them; :func:`wuxi_dt_regulation.diff` (in
:mod:`.build`) makes them.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from .._model.errors import RegulationError
from .._model.labels import unit_label
from .._model.structure import Article
from .._model.units import Paragraph
from .spacing import same_text

__all__ = [
    "ArticleChange",
    "CharEdit",
    "ComparisonRow",
    "HeaderChange",
    "Heading",
    "HeadingChange",
    "Merge",
    "ParagraphEdit",
    "ParagraphSource",
    "PatchError",
    "Split",
]

#: Where the paragraphs of a rebuilt article come from: (old article index, paragraph index), or
#: the paragraph itself when it is new.
ParagraphSource: TypeAlias = "tuple[int, int] | Paragraph"


class PatchError(RegulationError, ValueError):
    """A :class:`RegulationDiff` was applied to a regulation it was not made from."""


PatchError.__module__ = __name__.partition(".")[0]  # tracebacks name it where users import it


# --------------------------------------------------------------------------- values


@attrs.frozen
class CharEdit:
    """One step of a character-level edit script: ``op`` is equal, insert, delete or replace.

    Joining every :attr:`old` gives the old text, joining every :attr:`new` the new one.
    """

    op: str
    old: str
    new: str


@attrs.frozen
class ParagraphEdit:
    """One paragraph (款) of an aligned pair of articles.

    :attr:`kind` is ``"unchanged"``, ``"added"``, ``"removed"`` or ``"changed"``; :attr:`chars`
    is the character-level script of a changed paragraph (its printed lines joined by newlines).
    """

    kind: str
    old: Paragraph | None
    new: Paragraph | None
    chars: tuple[CharEdit, ...] = ()


@attrs.frozen
class Heading:
    """A heading as a diff sees it: ``kind`` is 编, 分编, 章, 节, or "" for an unnumbered one."""

    kind: str
    number: int
    title: str

    @property
    def label(self) -> str:
        """``第二章``, or "" for an unnumbered heading."""
        if not self.kind:
            return ""
        return unit_label(self.number, self.kind)

    @property
    def text(self) -> str:
        """The heading as printed, such as ``第二章 数字技术创新`` or ``附则``."""
        return f"{self.label} {self.title}".strip()


@attrs.frozen
class HeadingChange:
    """A heading added (:attr:`old` is None), removed (:attr:`new` is None), retitled or renumbered.

    A heading whose title differs only in white space is the same heading: no change is listed.
    """

    old: Heading | None
    new: Heading | None

    @property
    def added(self) -> bool:
        """True when only the new version has it."""
        return self.old is None

    @property
    def removed(self) -> bool:
        """True when only the old version has it."""
        return self.new is None

    @property
    def retitled(self) -> bool:
        """True when the heading survives with another title; ``总则`` and ``总 则`` are one
        title, as are any two that differ only in white space."""
        return (
            self.old is not None
            and self.new is not None
            and not same_text(self.old.title, self.new.title)
        )

    @property
    def renumbered(self) -> bool:
        """True when the heading survives with another number."""
        return self.old is not None and self.new is not None and self.old.number != self.new.number


@attrs.frozen
class HeaderChange:
    """A change outside the articles and headings, as printed lines.

    :attr:`field` is ``title``, ``subtitles``, ``history``, ``toc``, ``preamble``,
    ``appendices``, ``text`` (free text among the headings) or ``layout`` (anything else, such as
    the depth an unnumbered heading is printed at).
    """

    field: str
    old: tuple[str, ...]
    new: tuple[str, ...]


@attrs.frozen
class ArticleChange:
    """One article added, removed, changed in text, renumbered, moved, split or merged.

    Attributes:
        old: the article in the old version, or None when it was added.
        new: the article in the new version, or None when it was removed.
        text_changed: its paragraphs differ (a piece of a split or merge always differs).
        renumbered: its label differs.
        moved: it left its chapter or section, or the order of the articles around it.
        split: *new* is one of the articles *old* was split into.
        merged: *old* is one of the articles merged into *new*.
        paragraphs: the paragraphs added, removed and changed, with character-level edits.
        old_place: the headings around *old*, outermost first.
        new_place: the headings around *new*.
    """

    old: Article | None
    new: Article | None
    text_changed: bool = False
    renumbered: bool = False
    moved: bool = False
    split: bool = False
    merged: bool = False
    paragraphs: tuple[ParagraphEdit, ...] = ()
    old_place: tuple[Heading, ...] = ()
    new_place: tuple[Heading, ...] = ()

    @property
    def added(self) -> bool:
        """True when only the new version has it."""
        return self.old is None

    @property
    def removed(self) -> bool:
        """True when only the old version has it."""
        return self.new is None

    @property
    def kinds(self) -> tuple[str, ...]:
        """The flags that hold, in a fixed order (added, removed, split, merged, text_changed, …)."""
        names = ("added", "removed", "split", "merged", "text_changed", "renumbered", "moved")
        return tuple(name for name in names if getattr(self, name))

    def __repr__(self) -> str:
        old = self.old.label if self.old else "-"
        new = self.new.label if self.new else "-"
        return f"<ArticleChange {old} -> {new} {' '.join(self.kinds)}>"


@attrs.frozen
class Split:
    """An old article whose paragraphs went to several new articles."""

    old: Article
    new: tuple[Article, ...]


@attrs.frozen
class Merge:
    """Several old articles that became one new article."""

    old: tuple[Article, ...]
    new: Article


@attrs.frozen
class ComparisonRow:
    """One row of the comparison table: a heading, or a group of aligned articles.

    For a heading row, :attr:`old_heading` / :attr:`new_heading` are set (one may be None).  For
    an article row, :attr:`old` and :attr:`new` hold the articles (several for a split or merge,
    none on the side where an article was added or removed); :attr:`script` is the paragraph
    script from the old paragraphs to the new, empty when the text did not change.
    """

    old: tuple[Article, ...] = ()
    new: tuple[Article, ...] = ()
    old_heading: Heading | None = None
    new_heading: Heading | None = None
    script: tuple[ParagraphEdit, ...] = ()
    title_chars: tuple[CharEdit, ...] = ()

    @property
    def is_heading(self) -> bool:
        """True for a row that holds a chapter or section heading rather than an article."""
        return self.old_heading is not None or self.new_heading is not None
