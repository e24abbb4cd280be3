"""What finding citations returns: :class:`CitationMatch` (a citation found in free text, with its
span) and :class:`Reference` (one in a regulation's own text, with where it stands and whether
its targets exist).

The finder itself reads citation strings, which is the citations layer's work, above the model;
``Regulation.references()`` reaches it through :mod:`.hooks`.

A match keeps what it read as a value (:attr:`CitationMatch.value`, ranges kept as ranges): finding
costs the same whatever numbers a range names.  The single citations a range covers are worked
out only when :attr:`CitationMatch.citations` is read, and then only as far as the regulation
goes (:func:`covered`).
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from .citation import Citation
from .errors import NotFoundError
from .ranges import CitationList, CitationRange, complete_range, resolve
from .regulation import Regulation  # at run time: the field's type is resolved for the docs

__all__ = [
    "KINDS",
    "CitationMatch",
    "Kind",
    "Reference",
    "covered",
]

#: The kinds of :class:`CitationMatch`.
KINDS = ("absolute", "internal", "relative", "external", "unresolvable")
Kind: TypeAlias = Literal["absolute", "internal", "relative", "external", "unresolvable"]


def _exists(regulation: Regulation, citation: Citation) -> bool:
    try:
        resolve(regulation, citation)
    except NotFoundError:
        return False
    return True


def covered(value: CitationList, regulation: Regulation | None = None) -> tuple[Citation, ...]:
    """The single citations *value* covers, ranges expanded, bounded by what exists.

    Without a regulation, every number between a range's ends (as
    :meth:`CitationRange.expand` gives them; at most 9,999 a range).  With one, a range gives the
    units of the regulation between its ends, and an end that does not exist is listed too (a
    dangling range is reported like a dangling citation), so that a range costs at most the
    regulation's own size: ``第一条至第九千九百九十九条`` over 55 articles is 56 citations.

    >>> from wuxi_dt_regulation import load
    >>> span = CitationList((CitationRange(Citation(article=54), Citation(article=9999)),))
    >>> [str(c) for c in covered(span, load())]
    ['第五十四条', '第五十五条', '第九千九百九十九条']
    >>> len(covered(span))
    9946
    """
    out: list[Citation] = []
    for item in value.items:
        if isinstance(item, Citation):
            out.append(item)
        elif regulation is None:
            out.extend(item.expand())
        else:
            start, end = complete_range(item.start, item.end, regulation)
            found = set(item.expand(regulation))
            found.update(e for e in (start, end) if not _exists(regulation, e))
            out.extend(sorted(found))
    return tuple(out)


@attrs.frozen
class CitationMatch:
    """A citation found in free text.

    Attributes:
        start, end: the span in the text searched; ``text == searched[start:end]``.
        text: the citation as written.
        kind: ``absolute`` (第三十五条: names its unit, not its instrument), ``internal``
            (本条例第三十五条, or 《the regulation's own title》…), ``relative`` (本条, 前款, 第二款
            alone: resolved against ``at``), ``external`` (《another instrument》…, 刑法第二十条,
            该法第三条) or ``unresolvable`` (有关法律、法规, 国家有关规定: law cited without a
            pinpoint; a range that cannot run, 第九十条至第八十条, which ``parse_citations``
            refuses; 该法 with no instrument named before it).
        value: the typed value read, ranges kept as :class:`CitationRange` and the list's
            conjunction kept; None when nothing was resolved.
        regulation: the regulation the text was searched with (not part of equality), which
            :attr:`citations` expands ranges against.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: CitationList | None = None
    regulation: Regulation | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.value is not None and not isinstance(self.value, CitationList):
            raise TypeError(f"CitationMatch.value is a CitationList or None, got {self.value!r}")

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The absolute citations pointed to, ranges expanded on demand (``covered``): with
        the regulation, the units that exist between a range's ends and the ends that do not;
        an external citation's range by number.  Empty when a relative form had no ``at`` to
        resolve against, and for ``unresolvable``."""
        if self.value is None:
            return ()
        if all(isinstance(item, Citation) for item in self.value.items):
            return self.value.items  # type: ignore[return-value]
        return covered(self.value, None if self.kind == "external" else self.regulation)


@attrs.frozen
class Reference:
    """A reference in a regulation's own text.

    Attributes:
        at: the citation of the 款, 项 or 目 whose text holds the reference.
        match: what was found; its span is in that unit's own ``text`` (the 款's introduction,
            the 项's or 目's text without its marker).
        missing: the targets that do not exist in the regulation (a range's ends are checked).
        checkable: False when the text names a level the document does not have at all (本编
            in 合同编.md, a file holding one 编 of 民法典 whose 编 is only a subtitle).
        ambiguous: the targets that name more than one unit: a 项 cited without its 款 in an
            article where several 款 have a 项 of that number, and nothing in the text says which.
    """

    at: Citation
    match: CitationMatch
    missing: tuple[Citation, ...] = ()
    checkable: bool = True
    ambiguous: tuple[Citation, ...] = ()

    @property
    def targets(self) -> tuple[Citation, ...]:
        """The absolute citations the reference points to (a range expanded, see
        :attr:`CitationMatch.citations`)."""
        return self.match.citations

    @property
    def ranges(self) -> tuple[Citation | CitationRange, ...]:
        """Citations and ranges as the text writes them, a range kept as one value."""
        return self.match.value.items if self.match.value is not None else ()

    @property
    def exists(self) -> bool | None:
        """True when every target exists; False when one does not or nothing could be resolved
        (前款 in a first 款); None for external and unresolvable references, and when a target
        is ambiguous but none is missing (not checkable)."""
        if self.match.kind in ("external", "unresolvable") or not self.checkable:
            return None
        if self.match.value is None or self.missing:
            return False
        return None if self.ambiguous else True

    @property
    def dangling(self) -> bool:
        """True when the reference points to something the regulation does not have."""
        return self.exists is False
