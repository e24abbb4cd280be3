"""The result of :func:`wuxi_dt_regulation.diff`: :class:`RegulationDiff`, a complete patch.

It holds both versions in its own content: the comparison table's rows carry every article of
each side, the two skeletons (``template`` and ``old_template``: headings, header and free text,
each article without its paragraphs) say where they stand, ``slots`` rebuild each new article
from old paragraphs (by position) or new ones, and ``old_sources`` put each old article back in
its place.  A diff is checked when it is made (by :func:`diff` or read from JSON): its patch
must make exactly the articles its table shows.  :meth:`RegulationDiff.apply` then compares the
regulation it is given with the old version the diff shows, by content.

The maps (``citation_map``, ``follow()``) and ``stale_references()`` are derived from that
content (:mod:`.unit_map`, :mod:`.stale`); :mod:`.tables` writes the 修正前后对照表.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._model.citation import Citation
from .._model.errors import CitationError
from .._model.regulation import Regulation
from .._model.units import Paragraph  # noqa: F401  # the Slot alias is resolved here (cattrs)
from . import tables
from .changes import (
    ArticleChange,
    ComparisonRow,
    HeaderChange,
    HeadingChange,
    Merge,
    ParagraphSource,  # noqa: F401  # the Slot alias is resolved here (cattrs)
    PatchError,
    Split,
)
from .patch import Patch, Slot, difference, fingerprint
from .stale import StaleReference, find_stale
from .unit_map import Group, UnitMap

__all__ = ["RegulationDiff"]


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

    Raises:
        ValueError: the fields do not hold together (a document edited by hand): a slot takes
            a paragraph the old version does not have, an old article is placed twice, or the
            patch does not make the articles the rows show.  Read from JSON, this is a
            :class:`~wuxi_dt_regulation.SerializationError`.
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
    _old_template: Regulation
    _old_sources: tuple[tuple[int, int], ...]
    _cache: dict[str, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._cache["patch"] = self._patch()

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_cache", {})

    def __bool__(self) -> bool:
        return bool(self.changes or self.heading_changes or self.header_changes)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts().items() if n)
        return f"<RegulationDiff 《{self.new_title}》: {counts or 'no changes'}>"

    # ---- the two versions

    def _patch(self) -> Patch:
        if "patch" not in self._cache:
            self._cache["patch"] = Patch(
                self.rows, self._old_template, self._old_sources, self._template, self._slots
            )
        return self._cache["patch"]  # type: ignore[no-any-return]

    def _versions(self) -> tuple[Regulation, Regulation]:
        if "versions" not in self._cache:
            self._cache["versions"] = self._patch().versions()
        return self._cache["versions"]  # type: ignore[no-any-return]

    def _map(self) -> UnitMap:
        if "units" not in self._cache:
            index = {source: i for i, source in enumerate(self._old_sources)}
            groups: list[Group] = []
            j = 0
            for r, row in enumerate(self.rows):
                news = tuple(range(j, j + len(row.new)))
                j += len(row.new)
                if row.old and row.new:
                    olds = tuple(index[r, m] for m in range(len(row.old)))
                    groups.append((olds, news, row.script))
            self._cache["units"] = UnitMap(*self._versions(), groups)
        return self._cache["units"]  # type: ignore[no-any-return]

    # ---- reports

    @property
    def number_map(self) -> Mapping[str, str]:
        """The old label of every surviving article mapped to its new label (read-only).

        A split article maps to the first of its pieces; merged articles map to the article they
        became.  :attr:`citation_map` says where each 款 went, and :meth:`follow` where any unit
        went.
        """
        out: dict[str, str] = {}
        for old, new in self._number_pairs:
            out.setdefault(old, new)
        return MappingProxyType(out)

    @property
    def citation_map(self) -> Mapping[Citation, Citation]:
        """Every surviving article and 款 of the old version, as a citation, mapped to the
        citation of what it became (read-only).

        Articles map as :attr:`number_map` does (a split article to its first piece, merged
        articles to the article they became); a 款 maps to the 款 it became, or to the 项 when
        it became one (an article that survives inside another), so that a cross-reference to
        ``第十三条第一款`` lands where that 款 now stands even when 第十三条 was split.  Keys and
        values are complete: a 款 always names its number, even the only 款 of its article.
        A 款 or article that was deleted has no entry.

        >>> import wuxi_dt_regulation as wdr
        >>> old = wdr.parse("# 例\\n\\n第一条 甲乙丙丁戊己庚辛壬癸子丑。\\n\\n寅卯辰巳午未申酉戌亥天地。")
        >>> new = wdr.parse("# 例\\n\\n第一条 甲乙丙丁戊己庚辛壬癸子丑。\\n\\n第二条 寅卯辰巳午未申酉戌亥天地。")
        >>> for was, now in wdr.diff(old, new).citation_map.items():
        ...     print(was, "->", now)
        第一条 -> 第一条
        第一条第一款 -> 第一条第一款
        第一条第二款 -> 第二条第一款
        """
        units = self._map()
        out: dict[Citation, Citation] = {}
        for old, new in units.articles.items():
            out[old] = new
        for old, new in sorted(units.units.items()):
            if old.level == "paragraph":
                out[old] = new
        return MappingProxyType(dict(sorted(out.items())))

    def follow(self, citation: Citation) -> tuple[Citation, ...]:
        """Where the unit an old citation names stands in the new version.

        Any level: a heading (编, 章, 节), an article, a 款, a 项 or a 目.  An article aligned one
        to one gives its new article; a split article gives every piece.  Of articles merged
        into one, the article whose first 款 opens the new one gives that article (it took the
        others in); each other gives the 款 or 项 it became there (the whole article when that
        is all of it).
        A 款, 项 or 目 gives the unit it became.  Empty when the unit was deleted (or did not
        exist).  A citation titled with the old version's title is answered with the new title.

        Args:
            citation: a citation of the old version (without a title, or with its title).

        Returns:
            The new citations, in document order; empty when nothing is left.

        Raises:
            TypeError: *citation* is not a :class:`Citation`.
            CitationError: it names another instrument.

        >>> import wuxi_dt_regulation as wdr
        >>> old = wdr.parse("# 例\\n\\n第一条 甲乙丙丁戊己庚辛壬癸子丑。\\n\\n寅卯辰巳午未申酉戌亥天地。")
        >>> new = wdr.parse("# 例\\n\\n第一条 甲乙丙丁戊己庚辛壬癸子丑。\\n\\n第二条 寅卯辰巳午未申酉戌亥天地。")
        >>> d = wdr.diff(old, new)
        >>> d.follow(wdr.Citation(article=1))
        (Citation(article=1), Citation(article=2))
        >>> d.follow(wdr.Citation(article=1, paragraph=2))
        (Citation(article=2, paragraph=1),)
        """
        if not isinstance(citation, Citation):
            raise TypeError(f"follow() takes a Citation, not {type(citation).__name__}")
        title = citation.title
        if title is not None and title != self.old_title:
            raise CitationError(f"{citation} names 《{title}》, not 《{self.old_title}》")
        if citation.level == "instrument":
            return (attrs.evolve(citation, title=self.new_title),)
        found = self._map().follow(attrs.evolve(citation, title=None))
        if title is not None:
            found = tuple(attrs.evolve(c, title=self.new_title) for c in found)
        return found

    def stale_references(self) -> tuple[StaleReference, ...]:
        """The references in the new version that still carry an old number (衔接性修改).

        Only units whose text did not change are read (in a changed unit the drafter's numbers
        are the new ones).  A reference is read as the old version reads it (本条第二款 and 第二款
        alone against the place it stood), its targets are followed (:meth:`follow`), and it is
        stale when the new version would cite them otherwise: renumbered, split, merged, or
        deleted (then ``new`` is None).  Each comes with the citation it should now say and the
        unit's text with it; 前款 and 本条 name no number and are never stale.

        Returns:
            The :class:`StaleReference` values, in the new version's document order.

        >>> import wuxi_dt_regulation as wdr
        >>> old = wdr.parse("# 例\\n\\n第一条 甲乙丙丁戊己庚辛壬癸。\\n\\n第二条 违反本条例第一条规定的，责令改正。")
        >>> new = wdr.parse("# 例\\n\\n第一条 子丑寅卯辰巳午未申酉。\\n\\n第二条 甲乙丙丁戊己庚辛壬癸。"
        ...                 "\\n\\n第三条 违反本条例第一条规定的，责令改正。")
        >>> [(str(s.at), s.match.text, s.replacement) for s in wdr.diff(old, new).stale_references()]
        [('第三条第一款', '本条例第一条', '本条例第二条')]
        """
        return tuple(find_stale(self._map()))

    @property
    def fingerprint(self) -> str:
        """A short digest of the old version this diff applies to (computed from the diff's own
        content, never read from a field: it names the version in messages)."""
        return fingerprint(self._versions()[0])

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

        The guarantee: the result is exactly the new version the diff shows (the right-hand
        column of its table), and only when *old* is, by content, exactly the old version it
        shows (the left-hand column, with the headings and header its skeleton holds).  The
        check compares *old* with that version, not a fingerprint field, so no field of a diff
        read from JSON can be edited to make it apply to another regulation: a diff edited by
        hand either does not read back (its patch must make the articles its table shows) or
        is a diff of other versions, and applies to its own old version only.  Nothing signs a
        diff: whoever can write the JSON can write a diff between any two versions.

        Args:
            old: the old version.

        Returns:
            The new version.

        Raises:
            TypeError: *old* is not a :class:`Regulation`.
            PatchError: *old* is not the regulation this diff was made from.
        """
        if not isinstance(old, Regulation):
            raise TypeError(f"RegulationDiff.apply() takes a Regulation, not {type(old).__name__}")
        expected, result = self._versions()
        if old != expected:
            raise PatchError(
                f"this diff was made from a version of 《{self.old_title}》 with fingerprint "
                f"{fingerprint(expected)}; it cannot be applied to 《{old.title}》 "
                f"(fingerprint {fingerprint(old)}): {difference(expected, old)}"
            )
        return result

    def to_markdown(self) -> str:
        """The 修正前后对照表 as a Markdown pipe table (two columns, 修正前 | 修正后)."""
        return tables.to_markdown(self)

    def to_html(self) -> str:
        """A self-contained HTML page with the two versions side by side."""
        return tables.to_html(self)

    def to_text(self) -> str:
        """A plain-text summary: counts per kind, then one line per change."""
        return tables.to_text(self)
