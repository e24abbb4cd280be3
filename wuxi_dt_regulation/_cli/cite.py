"""``wuxi-dt cite REF``, ``wuxi-dt search QUERY`` and ``wuxi-dt refs``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._model.errors import CitationError
from .._model.structure import Article, Chapter, Part, Section
from .._model.units import Item, Paragraph, SubItem
from .show import add_file_option, load_regulation


def register(sub: Any) -> None:
    from .._citations.format import STYLES

    cite = sub.add_parser("cite", help="write a citation in a style and print the text it cites")
    cite.add_argument("ref", help="a citation in any style: 第三十五条第二款, Art. 35(2), art_35 …")
    cite.add_argument("--style", choices=STYLES, default="statute", help="default: statute")
    add_file_option(cite)
    cite.set_defaults(run=run_cite)

    search = sub.add_parser("search", help="find text; print where it stands and a snippet")
    search.add_argument("query")
    search.add_argument("--context", type=int, default=12, help="characters each side")
    add_file_option(search)
    search.set_defaults(run=run_search)

    refs = sub.add_parser("refs", help="the references in the text, dangling ones marked")
    refs.add_argument("--dangling", action="store_true", help="print dangling references only")
    add_file_option(refs)
    refs.set_defaults(run=run_refs)


def cited_text(unit: object) -> str:
    """The text a unit holds, as printed: headings with their articles, 款 with their 项."""
    if isinstance(unit, (Part, Chapter, Section)):
        lines = [f"{unit.label} {unit.title}".rstrip()]
        lines.extend(f"{a.label} {a.text}" for a in unit.articles)
        return "\n".join(lines)
    if isinstance(unit, Article):
        return unit.text
    if isinstance(unit, Paragraph):
        return unit.full_text
    if isinstance(unit, (Item, SubItem)):
        return "\n".join(unit.lines())
    raise TypeError(f"not a citable unit: {unit!r}")  # pragma: no cover


def _citation_error(ref: str, err: CitationError) -> int:
    # the reference is an argument, not a file: its column, then the text with a caret
    del ref
    print(f"wuxi-dt: error: {err}", file=sys.stderr)
    return 1


def run_cite(args: argparse.Namespace) -> int:
    from .._citations.format import format_citation
    from .._citations.parse import parse_citations
    from .._model.ranges import CitationRange

    regulation = load_regulation(args)
    try:
        found = parse_citations(args.ref, regulation=regulation)
        written = format_citation(found, args.style, regulation=regulation)
    except CitationError as err:
        return _citation_error(args.ref, err)
    singles = found.expand(regulation)
    if not singles:  # a range none of whose units exist: resolving its start says what does
        first = found.items[0]
        regulation.resolve(first.start if isinstance(first, CitationRange) else first)
    units = [(c, regulation.resolve(c)) for c in singles]  # NotFoundError before any output
    print(written)
    for citation, unit in units:
        if len(units) > 1:
            print(f"\n{format_citation(citation, 'statute', regulation=regulation)}")
        print(cited_text(unit))
    return 0


def run_search(args: argparse.Namespace) -> int:
    regulation = load_regulation(args)
    hits = regulation.search(args.query, context=args.context)
    for hit in hits:
        print(hit)
    if not hits:
        print(f"wuxi-dt: no match for {args.query!r}", file=sys.stderr)
        return 1
    return 0


def run_refs(args: argparse.Namespace) -> int:
    regulation = load_regulation(args)
    found = regulation.references()
    shown = [r for r in found if r.dangling] if args.dangling else list(found)
    for ref in shown:
        targets = "、".join(str(c) for c in ref.targets) or "-"
        mark = ""
        if ref.dangling:
            missing = "、".join(str(c) for c in ref.missing) or "unresolved"
            mark = f"\tDANGLING ({missing})"
        print(f"{ref.at}\t{ref.match.text}\t{ref.match.kind}\t-> {targets}{mark}")
    dangling = sum(r.dangling for r in found)
    print(f"{len(found)} references, {dangling} dangling", file=sys.stderr)
    return 0
