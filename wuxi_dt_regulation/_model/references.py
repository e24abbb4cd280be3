"""What finding citations returns: :class:`CitationMatch` (a citation found in free text, with its
span) and :class:`Reference` (one in a regulation's own text, with where it stands and whether
its targets exist).

The finder itself reads citation strings, which is the citations layer's work, above the model;
``Regulation.references()`` reaches it through :mod:`.hooks`.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from .citation import Citation
from .ranges import CitationList

__all__ = [
    "KINDS",
    "CitationMatch",
    "Kind",
    "Reference",
]

#: The kinds of :class:`CitationMatch`.
KINDS = ("absolute", "internal", "relative", "external", "unresolvable")
Kind: TypeAlias = Literal["absolute", "internal", "relative", "external", "unresolvable"]


@attrs.frozen
class CitationMatch:
    """A citation found in free text.

    Attributes:
        start, end: the span in the text searched; ``text == searched[start:end]``.
        text: the citation as written.
        kind: ``absolute`` (第三十五条: names its unit, not its instrument), ``internal``
            (本条例第三十五条, or 《the regulation's own title》…), ``relative`` (本条, 前款, 第二款
            alone: resolved against ``at``), ``external`` (《another instrument》…) or
            ``unresolvable`` (有关法律、法规, 国家有关规定: law cited without a pinpoint; or a
            range that cannot run, 第九十条至第八十条, which ``parse_citations`` refuses).
        citations: the absolute citations pointed to, ranges expanded (with a regulation, the
            units that exist; every number between the ends when an end does not exist);
            empty when a relative form had no ``at`` to resolve against, and for
            ``unresolvable``.
        value: the typed value read (a list, ranges kept), or None when nothing was resolved.
    """

    start: int
    end: int
    text: str
    kind: Kind
    citations: tuple[Citation, ...]
    value: CitationList | None = None


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
    """

    at: Citation
    match: CitationMatch
    missing: tuple[Citation, ...] = ()
    checkable: bool = True

    @property
    def targets(self) -> tuple[Citation, ...]:
        """The absolute citations the reference points to (a range expanded)."""
        return self.match.citations

    @property
    def exists(self) -> bool | None:
        """True when every target exists; False when one does not or nothing could be resolved
        (前款 in a first 款); None for external and unresolvable references (not checkable)."""
        if self.match.kind in ("external", "unresolvable") or not self.checkable:
            return None
        return bool(self.match.citations) and not self.missing

    @property
    def dangling(self) -> bool:
        """True when the reference points to something the regulation does not have."""
        return self.exists is False
