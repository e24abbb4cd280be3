"""The result of :func:`wuxi_dt_regulation.diff`: :class:`RegulationDiff`, a complete patch.

It holds the new version's skeleton (headings and free text as they are, each article either
carried whole when it is new, or as a list of paragraph sources, old paragraphs by position or
new paragraphs) and rebuilds the new version from the old one with
:meth:`RegulationDiff.apply`; :mod:`.tables` writes it as a 修正前后对照表.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph
from . import tables
from .changes import (
    ArticleChange,
    ComparisonRow,
    HeaderChange,
    HeadingChange,
    Merge,
    ParagraphSource,
    PatchError,
    Split,
)

__all__ = ["RegulationDiff", "Slot", "fingerprint", "map_articles"]


Slot: TypeAlias = "tuple[ParagraphSource, ...] | None"


def _canonical(value: object) -> object:
    """The value as nested tuples of class names, ints and strings: what equality compares (a
    field added after the first release only when it is set, so that old fingerprints hold)."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]  # has() checked it
        return (
            type(value).__name__,
            *(
                _canonical(getattr(value, f.name))
                for f in fields
                if f.eq and not ("added" in f.metadata and getattr(value, f.name) == f.default)
            ),
        )
    if isinstance(value, tuple):
        return tuple(_canonical(v) for v in value)
    return value


def fingerprint(regulation: Regulation) -> str:
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
    _slots: tuple[Slot, ...]
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
        found = fingerprint(old)
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

        return attrs.evolve(self._template, body=map_articles(self._template.body, build))

    def to_markdown(self) -> str:
        """The 修正前后对照表 as a Markdown pipe table (two columns, 修正前 | 修正后)."""
        return tables.to_markdown(self)

    def to_html(self) -> str:
        """A self-contained HTML page with the two versions side by side."""
        return tables.to_html(self)

    def to_text(self) -> str:
        """A plain-text summary: counts per kind, then one line per change."""
        return tables.to_text(self)


def map_articles(nodes: tuple[Any, ...], fn: Callable[[Article], Article]) -> tuple[Any, ...]:
    """Rebuild *nodes* with every article (in the order of ``Regulation.articles``) through *fn*."""
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Article):
            out.append(fn(node))
        elif isinstance(node, (Part, Subpart, Chapter, Section, Division)):
            out.append(attrs.evolve(node, children=map_articles(node.children, fn)))
        else:
            out.append(node)
    return tuple(out)
