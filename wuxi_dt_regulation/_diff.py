"""The values a diff is made of: :class:`RegulationDiff` and the changes it lists.

:func:`wuxi_dt_regulation.diff` (in :mod:`._diff_build`) makes them; :mod:`._diff_align` holds
the alignment and its thresholds; :mod:`._diff_render` writes the comparison table.  A
:class:`RegulationDiff` is a complete patch: it holds the new version's skeleton (headings and
free text as they are, each article either carried whole when it is new, or as a list of
paragraph sources, old paragraphs by position or new paragraphs) and rebuilds the new version
from the old one with :meth:`RegulationDiff.apply`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from ._errors import RegulationError
from ._model import Article, Chapter, Division, Paragraph, Part, Section, Subpart
from ._regulation import Regulation

__all__ = [
    "ArticleChange",
    "CharEdit",
    "ComparisonRow",
    "HeaderChange",
    "Heading",
    "HeadingChange",
    "Merge",
    "ParagraphEdit",
    "PatchError",
    "RegulationDiff",
    "Split",
]

#: Where the paragraphs of a rebuilt article come from: (old article index, paragraph index), or
#: the paragraph itself when it is new.
ParagraphSource: TypeAlias = "tuple[int, int] | Paragraph"


class PatchError(RegulationError, ValueError):
    """A :class:`RegulationDiff` was applied to a regulation it was not made from."""


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
        from ._numerals import to_chinese

        return f"第{to_chinese(self.number)}{self.kind}"

    @property
    def text(self) -> str:
        """The heading as printed, such as ``第二章 数字技术创新`` or ``附则``."""
        return f"{self.label} {self.title}".strip()


@attrs.frozen
class HeadingChange:
    """A heading added (:attr:`old` is None), removed (:attr:`new` is None), retitled or renumbered."""

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
        """True when the heading survives with another title."""
        return self.old is not None and self.new is not None and self.old.title != self.new.title

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


_Slot: TypeAlias = "tuple[ParagraphSource, ...] | None"


def _canonical(value: object) -> object:
    """The value as nested tuples of class names, ints and strings: what equality compares."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]  # has() checked it
        return (type(value).__name__, *(_canonical(getattr(value, f.name)) for f in fields if f.eq))
    if isinstance(value, tuple):
        return tuple(_canonical(v) for v in value)
    return value


def _fingerprint(regulation: Regulation) -> str:
    """A digest of everything equality compares, so that apply() knows its old version."""
    import hashlib

    return hashlib.sha256(repr(_canonical(regulation)).encode("utf-8")).hexdigest()[:20]


@attrs.frozen(repr=False)
class RegulationDiff:
    """What changed from one version of a regulation to the next; see :func:`diff`.

    Attributes:
        old_title: the old version's title.
        new_title: the new version's title.
        changes: every article added, removed, changed in text, renumbered, moved, split or
            merged, in document order (a removed article stands where it stood).
        heading_changes: headings added, removed, retitled or renumbered, in document order.
        header_changes: title, history and other text outside the articles that changed.
        splits: old articles split into several new ones.
        merges: old articles merged into one.
        rows: the comparison table, unchanged articles included.
    """

    old_title: str
    new_title: str
    changes: tuple[ArticleChange, ...]
    heading_changes: tuple[HeadingChange, ...]
    header_changes: tuple[HeaderChange, ...]
    splits: tuple[Split, ...]
    merges: tuple[Merge, ...]
    rows: tuple[ComparisonRow, ...]
    _number_pairs: tuple[tuple[str, str], ...]
    _template: Regulation
    _slots: tuple[_Slot, ...]
    _fingerprint: str

    def __bool__(self) -> bool:
        return bool(self.changes or self.heading_changes or self.header_changes)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts().items() if n)
        return f"<RegulationDiff 《{self.new_title}》: {counts or 'no changes'}>"

    @property
    def number_map(self) -> Mapping[str, str]:
        """The old label of every surviving article mapped to its new label (read-only).

        A split article maps to the first of its pieces; merged articles map to the article they
        became.
        """
        out: dict[str, str] = {}
        for old, new in self._number_pairs:
            out.setdefault(old, new)
        return MappingProxyType(out)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind: added, removed, text_changed, renumbered, moved, split,
        merged (pieces counted once per split or merge), then the headings and the header."""
        return {
            "added": sum(c.added for c in self.changes),
            "removed": sum(c.removed for c in self.changes),
            "text_changed": sum(c.text_changed and not (c.split or c.merged) for c in self.changes),
            "renumbered": sum(c.renumbered for c in self.changes),
            "moved": sum(c.moved for c in self.changes),
            "split": len(self.splits),
            "merged": len(self.merges),
            "headings_added": sum(h.added for h in self.heading_changes),
            "headings_removed": sum(h.removed for h in self.heading_changes),
            "headings_retitled": sum(h.retitled for h in self.heading_changes),
            "headings_renumbered": sum(h.renumbered for h in self.heading_changes),
            "header": len(self.header_changes),
        }

    def apply(self, old: Regulation) -> Regulation:
        """Rebuild the new version from *old*: ``diff(old, new).apply(old) == new``.

        Raises:
            PatchError: *old* is not the regulation this diff was made from.
        """
        found = _fingerprint(old)
        if found != self._fingerprint:
            raise PatchError(
                f"this diff was made from a version of 《{self.old_title}》 with fingerprint "
                f"{self._fingerprint}; it cannot be applied to 《{old.title}》 "
                f"(fingerprint {found})"
            )
        articles = old.articles
        slots = iter(self._slots)

        def build(article: Article) -> Article:
            slot = next(slots)
            if slot is None:
                return article
            paragraphs = []
            for position, source in enumerate(slot, 1):
                if isinstance(source, Paragraph):
                    paragraphs.append(source)
                else:
                    para = articles[source[0]].paragraphs[source[1]]
                    if para.number != position:
                        para = attrs.evolve(para, number=position)
                    paragraphs.append(para)
            return attrs.evolve(article, paragraphs=tuple(paragraphs))

        return attrs.evolve(self._template, body=_map_articles(self._template.body, build))

    def to_markdown(self) -> str:
        """The 修正前后对照表 as a Markdown pipe table (two columns, 修正前 | 修正后)."""
        from ._diff_render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """A self-contained HTML page with the two versions side by side."""
        from ._diff_render import to_html

        return to_html(self)

    def to_text(self) -> str:
        """A plain-text summary: counts per kind, then one line per change."""
        from ._diff_render import to_text

        return to_text(self)


def _map_articles(nodes: tuple[Any, ...], fn: Callable[[Article], Article]) -> tuple[Any, ...]:
    """Rebuild *nodes* with every article (in the order of ``Regulation.articles``) through *fn*."""
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Article):
            out.append(fn(node))
        elif isinstance(node, (Part, Subpart, Chapter, Section, Division)):
            out.append(attrs.evolve(node, children=_map_articles(node.children, fn)))
        else:
            out.append(node)
    return tuple(out)
