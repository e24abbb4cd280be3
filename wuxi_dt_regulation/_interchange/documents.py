"""The vocabulary of the JSON documents: the ``"type"`` tag of each class, the classes a
document may hold at its top level, and the fields a document never holds.  Split from
:mod:`.converter`, which re-exports these names."""

from __future__ import annotations

import re

import attrs

from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Paragraph, Table

__all__ = [
    "OLD_PARAGRAPH",
    "OMITTED",
    "TAGS",
    "a_class",
    "document_classes",
    "omitted_fields",
    "tag",
]

#: The ``"type"`` tag of each model class that may stand where several classes may.  Any other
#: attrs class in such a place is tagged with its name in snake case (``CitationRange`` is
#: ``"citation_range"``): serialization does not import the citation or diff modules (one-way
#: layering, ``tests/test_api.py``), it only meets their classes in type hints.
TAGS: dict[type, str] = {
    Part: "part",
    Subpart: "subpart",
    Chapter: "chapter",
    Section: "section",
    Article: "article",
    Division: "division",
    Paragraph: "paragraph",
    Table: "table",
}

#: The tag of a paragraph a ``RegulationDiff`` takes from the old version (see
#: ``_build_converter``); a new paragraph is tagged ``"paragraph"``.
OLD_PARAGRAPH = "old_paragraph"

#: Fields never written nor read, by class: what describes one parse, not the value.
OMITTED: dict[type, frozenset[str]] = {Regulation: frozenset({"warnings"})}


def tag(cls: type) -> str:
    """The ``"type"`` tag of *cls*: from :data:`TAGS`, else its name in snake case."""
    return TAGS.get(cls) or re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def a_class(cls: type) -> str:
    """The class's name with its article, as a message names it: ``an Article``, ``a Chapter``."""
    name = cls.__name__
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def document_classes() -> dict[str, type]:
    """Every class a document may hold, by the ``"type"`` it names at its top level."""
    if not _documents:
        _documents.update(_find_document_classes())
    return _documents


_documents: dict[str, type] = {}


def _find_document_classes() -> dict[str, type]:
    from .._amend import amendment, operations
    from .._diff import changes, regulation_diff
    from .._model import citation, ranges, references, search, structure, units

    found: dict[str, type] = {}
    for module in (units, structure, citation, ranges, references, search, changes, operations):
        for name in module.__all__:
            cls = getattr(module, name)
            if isinstance(cls, type) and attrs.has(cls):
                found[tag(cls)] = cls
    for cls in (Regulation, regulation_diff.RegulationDiff, amendment.Amendment):
        found[tag(cls)] = cls
    return found


def omitted_fields(cls: type) -> frozenset[str]:
    """The fields of *cls* a document never holds (``Regulation.warnings``,
    ``Amendment.warnings``: the defects a reading tolerated are not part of the value)."""
    from .._amend.amendment import Amendment  # on first use, as the converter's hook does

    if cls is Amendment:
        return frozenset({"warnings"})
    return OMITTED.get(cls, frozenset())
