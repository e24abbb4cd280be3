"""The model's one extension point: the reference finder, which lives above it.

``Regulation.references()`` lists the citations in a regulation's own text.  Reading citation
strings is the citations layer's work (``_citations.find``), and the model imports nothing above
it, so the finder is installed here by the package's ``__init__`` when it is imported (which
Python always does before any of its modules): :func:`install_finder` at import, and
:func:`find_references` when a regulation asks.  This module is tiny on purpose: it is part of
every cold import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from .references import Reference
    from .regulation import Regulation

__all__ = ["Finder", "find_references", "install_finder"]


#: A function that lists a regulation's references (``_citations.find.references``).
Finder: TypeAlias = "Callable[[Regulation], tuple[Reference, ...]]"
_installed: list[Finder] = []


def install_finder(finder: Finder) -> None:
    """Make *finder* the function :meth:`Regulation.references` calls.

    The package's ``__init__`` installs the citations layer's finder when it is imported (it
    is always imported before any of its modules), so the model needs no import of the layer
    above it.  Installing again replaces the finder.
    """
    _installed[:] = [finder]


def find_references(regulation: Regulation) -> tuple[Reference, ...]:
    """Every reference in *regulation*'s own text, by the installed finder."""
    if not _installed:  # pragma: no cover - the package installs one at import
        raise RuntimeError("no reference finder is installed: import wuxi_dt_regulation")
    return _installed[0](regulation)
