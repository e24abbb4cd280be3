"""《无锡市数字化转型促进条例》 as immutable typed objects, and a reader for Chinese regulations.

>>> import wuxi_dt_regulation as wdr
>>> reg = wdr.load()
>>> reg.title, len(reg.chapters), len(reg.articles)
('无锡市数字化转型促进条例', 7, 55)
>>> reg.article(35).label, len(reg.article("第三十五条").paragraphs)
('第三十五条', 4)

This module is the front door: it re-exports the public names (``__all__``) from the folders
where they are defined and documented (docs/architecture.md).  The model and :func:`load` are
imported with the package; everything else (the parser, citations, diffs, the formats) on first
use (PEP 562), which keeps ``import wuxi_dt_regulation`` about as cheap as ``import attrs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._markdown.bundled import load, seed_text
from ._model.errors import (
    CitationError,
    NotFoundError,
    ParseError,
    RegulationError,
    SerializationError,
)
from ._model.hooks import install_finder as _install_finder
from ._model.numerals import from_chinese, to_chinese
from ._model.regulation import Regulation
from ._model.structure import Appendix, Article, Chapter, Division, Part, Section, Subpart
from ._model.units import Event, Item, Paragraph, ParseWarning, SubItem, Table
from ._version import __version__

if TYPE_CHECKING:
    from ._amend.amendment import Amendment, parse_amendment
    from ._amend.errors import AmendmentError
    from ._citations.find import find_citations
    from ._citations.format import CitationStyle, eid_for, format_citation
    from ._citations.gbt7714 import format_gbt7714
    from ._citations.names import full_title, short_title
    from ._citations.parse import parse_citation, parse_citations
    from ._diff.build import diff
    from ._diff.changes import (
        ArticleChange,
        CharEdit,
        ComparisonRow,
        HeaderChange,
        Heading,
        HeadingChange,
        Merge,
        ParagraphEdit,
        PatchError,
        Split,
    )
    from ._diff.regulation_diff import RegulationDiff
    from ._diff.stale import StaleReference
    from ._interchange.akn_read import from_akn
    from ._interchange.akn_write import to_akn
    from ._interchange.html_page import to_html
    from ._interchange.jsonl import to_jsonl
    from ._interchange.serialize import from_dict, from_json, to_dict, to_json
    from ._interchange.sqlite_index import to_sqlite
    from ._interchange.sqlite_search import SqliteHit, search_sqlite
    from ._markdown.files import parse_file
    from ._markdown.parser import parse
    from ._markdown.render import render
    from ._model.citation import Citation
    from ._model.ranges import CitationList, CitationRange
    from ._model.references import CitationMatch, Reference
    from ._model.search import SearchHit

__all__ = [
    "Amendment",
    "AmendmentError",
    "Appendix",
    "Article",
    "ArticleChange",
    "Chapter",
    "CharEdit",
    "Citation",
    "CitationError",
    "CitationList",
    "CitationMatch",
    "CitationRange",
    "CitationStyle",
    "ComparisonRow",
    "Division",
    "Event",
    "HeaderChange",
    "Heading",
    "HeadingChange",
    "Item",
    "Merge",
    "NotFoundError",
    "Paragraph",
    "ParagraphEdit",
    "ParseError",
    "ParseWarning",
    "Part",
    "PatchError",
    "Reference",
    "Regulation",
    "RegulationDiff",
    "RegulationError",
    "SearchHit",
    "Section",
    "SerializationError",
    "Split",
    "SqliteHit",
    "StaleReference",
    "SubItem",
    "Subpart",
    "Table",
    "__version__",
    "diff",
    "eid_for",
    "find_citations",
    "format_citation",
    "format_gbt7714",
    "from_akn",
    "from_chinese",
    "from_dict",
    "from_json",
    "full_title",
    "load",
    "parse",
    "parse_amendment",
    "parse_citation",
    "parse_citations",
    "parse_file",
    "render",
    "search_sqlite",
    "seed_text",
    "short_title",
    "to_akn",
    "to_chinese",
    "to_dict",
    "to_html",
    "to_json",
    "to_jsonl",
    "to_sqlite",
]

#: Where each name imported on first use is defined.
_LAZY: dict[str, str] = {
    "Citation": "._model.citation",
    "CitationList": "._model.ranges",
    "CitationRange": "._model.ranges",
    "CitationMatch": "._model.references",
    "Reference": "._model.references",
    "SearchHit": "._model.search",
    "parse": "._markdown.parser",
    "parse_file": "._markdown.files",
    "render": "._markdown.render",
    "CitationStyle": "._citations.format",
    "eid_for": "._citations.format",
    "format_citation": "._citations.format",
    "format_gbt7714": "._citations.gbt7714",
    "parse_citation": "._citations.parse",
    "parse_citations": "._citations.parse",
    "find_citations": "._citations.find",
    "full_title": "._citations.names",
    "short_title": "._citations.names",
    "ArticleChange": "._diff.changes",
    "CharEdit": "._diff.changes",
    "ComparisonRow": "._diff.changes",
    "HeaderChange": "._diff.changes",
    "Heading": "._diff.changes",
    "HeadingChange": "._diff.changes",
    "Merge": "._diff.changes",
    "ParagraphEdit": "._diff.changes",
    "PatchError": "._diff.changes",
    "Split": "._diff.changes",
    "RegulationDiff": "._diff.regulation_diff",
    "StaleReference": "._diff.stale",
    "diff": "._diff.build",
    "Amendment": "._amend.amendment",
    "AmendmentError": "._amend.errors",
    "parse_amendment": "._amend.amendment",
    "from_dict": "._interchange.serialize",
    "from_json": "._interchange.serialize",
    "to_dict": "._interchange.serialize",
    "to_json": "._interchange.serialize",
    "to_akn": "._interchange.akn_write",
    "from_akn": "._interchange.akn_read",
    "to_html": "._interchange.html_page",
    "to_sqlite": "._interchange.sqlite_index",
    "search_sqlite": "._interchange.sqlite_search",
    "SqliteHit": "._interchange.sqlite_search",
    "to_jsonl": "._interchange.jsonl",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def _references(regulation: Regulation) -> tuple[Reference, ...]:
    from ._citations.find import references

    return references(regulation)


# Regulation.references() reads citations, a layer above the model: the package installs the
# finder here, once, so that the model never imports upward (see _model/hooks.py).
_install_finder(_references)
