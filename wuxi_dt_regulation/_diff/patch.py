"""The patch inside a :class:`~wuxi_dt_regulation.RegulationDiff`: both versions rebuilt from
the diff's own content (:class:`Patch`), every index checked before it is used, and the names
and descriptions apply() gives a version in its messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph
from .changes import ComparisonRow, ParagraphSource

__all__ = ["Patch", "Slot", "difference", "fingerprint", "map_articles"]

#: How a rebuilt article of the new version takes its paragraphs, or None when the template
#: holds it whole.
Slot: TypeAlias = "tuple[ParagraphSource, ...] | None"


def _canonical(value: object) -> object:
    """The value as nested tuples of class names, ints and strings: what equality compares (a
    field added after the first release only when it is set, so that a version's fingerprint
    stays what an earlier release printed)."""
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
    """A short digest of everything equality compares: a name for one version in messages."""
    import hashlib

    return hashlib.sha256(repr(_canonical(regulation)).encode("utf-8")).hexdigest()[:20]


def _count(number: int, unit: str = "paragraph") -> str:
    return f"{number} {unit}" + ("" if number == 1 else "s")


def difference(expected: Regulation, given: Regulation) -> str:
    """Where *given* first differs from *expected*, in a few words."""
    if expected.title != given.title:
        return "the title differs"
    mine, theirs = expected.articles, given.articles
    for old, new in zip(mine, theirs, strict=False):
        if old != new:
            same = old.label == new.label
            return f"{new.label} differs" if same else f"{new.label} stands where {old.label} did"
    if len(mine) != len(theirs):
        return f"it has {_count(len(theirs), 'article')}, not {len(mine)}"
    return "the text outside the articles differs"


class Patch:
    """The patch of a diff, checked: what :func:`build_versions` needs, every index verified.

    The old version's articles are taken from the rows (``sources[k]`` is the row and the
    position in its old articles of article *k* of *old_template*); the new version's articles
    are those of *template*, each one that has a slot rebuilt from old paragraphs (by position)
    or new ones.  Checking costs one pass over the articles, no regulation is built.

    Raises:
        ValueError: an index points nowhere, an old article is placed twice or not at all, or
            the patch does not make exactly the articles the rows show.
    """

    def __init__(
        self,
        rows: tuple[ComparisonRow, ...],
        old_template: Regulation,
        sources: tuple[tuple[int, int], ...],
        template: Regulation,
        slots: tuple[Slot, ...],
    ) -> None:
        self.old_template, self.template = old_template, template
        stubs = old_template.articles
        if len(sources) != len(stubs):
            raise ValueError(
                f"old_sources has {len(sources)} entries; old_template has {len(stubs)} articles"
            )
        seen: set[tuple[int, int]] = set()
        for k, ((r, m), stub) in enumerate(zip(sources, stubs, strict=True)):
            if not (0 <= r < len(rows) and 0 <= m < len(rows[r].old)) or (r, m) in seen:
                raise ValueError(
                    f"old_sources[{k}] is [{r}, {m}]: not an old article of the rows, or one "
                    "already placed"
                )
            seen.add((r, m))
            if rows[r].old[m].key != stub.key or stub.paragraphs:
                raise ValueError(
                    f"old_sources[{k}] puts {rows[r].old[m].label} where old_template has "
                    f"{stub.label}"
                )
        if any(row.is_heading and (row.old or row.new) for row in rows):
            raise ValueError("a heading row of the table holds articles")
        if len(seen) != sum(len(row.old) for row in rows):
            raise ValueError("an old article of the rows stands nowhere in old_template")
        #: the old version's articles, in document order
        self.old_articles = [rows[r].old[m] for r, m in sources]
        articles = self.old_articles
        shown = [a for row in rows for a in row.new]
        template_articles = template.articles
        if len(slots) != len(template_articles):
            raise ValueError(
                f"slots has {len(slots)} entries; template has {len(template_articles)} articles"
            )
        if len(shown) != len(template_articles):
            raise ValueError(
                f"the rows show {len(shown)} new articles; template has {len(template_articles)}"
            )
        #: the new version's articles, in document order
        self.new_articles: list[Article] = []
        for k, (slot, stub) in enumerate(zip(slots, template_articles, strict=True)):
            if slot is None:
                self.new_articles.append(stub)
            elif stub.paragraphs:
                raise ValueError(f"slots[{k}] rebuilds an article template already holds whole")
            else:
                self.new_articles.append(self._rebuild(k, stub, slot, articles))
            if self.new_articles[-1] != shown[k]:
                raise ValueError(
                    f"slots[{k}] makes {stub.label} other than the rows show it: the patch "
                    "and the table disagree"
                )

    @staticmethod
    def _rebuild(
        k: int, stub: Article, slot: tuple[ParagraphSource, ...], articles: list[Article]
    ) -> Article:
        paragraphs = []
        for position, source in enumerate(slot, 1):
            if isinstance(source, Paragraph):
                paragraphs.append(source)
                continue
            i, q = source
            if not 0 <= i < len(articles):
                raise ValueError(
                    f"slots[{k}][{position - 1}] takes article_index {i}; the old version has "
                    f"{len(articles)} articles"
                )
            if not 0 <= q < len(articles[i].paragraphs):
                raise ValueError(
                    f"slots[{k}][{position - 1}] takes paragraph_index {q} of "
                    f"{articles[i].label}, which has {_count(len(articles[i].paragraphs))}"
                )
            para = articles[i].paragraphs[q]
            paragraphs.append(
                para if para.number == position else attrs.evolve(para, number=position)
            )
        return attrs.evolve(stub, paragraphs=tuple(paragraphs))

    def versions(self) -> tuple[Regulation, Regulation]:
        """The old and the new version, as regulations."""
        olds, news = iter(self.old_articles), iter(self.new_articles)
        old = attrs.evolve(
            self.old_template, body=map_articles(self.old_template.body, lambda _: next(olds))
        )
        new = attrs.evolve(
            self.template, body=map_articles(self.template.body, lambda _: next(news))
        )
        return old, new


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
