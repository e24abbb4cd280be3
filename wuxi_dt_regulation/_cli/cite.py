"""``wuxi-dt cite REF``, ``wuxi-dt search QUERY`` and ``wuxi-dt refs [--stale OLD NEW]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._model.citation import Citation
from .._model.errors import CitationError
from .._model.ranges import CitationRange
from .inputs import add_file_option, load_regulation, read_regulation
from .show import cited_units, print_units


def register(sub: Any) -> None:
    from .._citations.format import STYLES

    cite = sub.add_parser("cite", help="write a citation in a style and print the text it cites")
    cite.add_argument(
        "ref",
        help="an article as show takes it (35, 第三十五条) or a citation in any style: "
        "第三十五条第二款, Art. 35(2), art_35 …",
    )
    cite.add_argument(
        "--style", choices=STYLES, default="statute", help="the citation style to write"
    )
    add_file_option(cite)
    cite.set_defaults(run=run_cite)

    search = sub.add_parser("search", help="find text; print where it stands and a snippet")
    search.add_argument("query", help="the words to find (with --db: full-text search terms)")
    search.add_argument(
        "--context", type=int, default=12, help="characters of text shown on each side of a hit"
    )
    search.add_argument(
        "--db",
        metavar="PATH",
        help="search this database (written by export --format sqlite), hits ranked by bm25",
    )
    search.add_argument(
        "--limit", type=int, default=20, help="with --db: at most N hits, 0 for all"
    )
    add_file_option(search)
    search.set_defaults(run=run_search)

    refs = sub.add_parser(
        "refs",
        help="the references in the text, dangling ones marked",
        description="Print the references in the regulation's own text, one a line: where it "
        "stands, what it says, its kind, where it points.  With --stale OLD NEW, the references "
        "in NEW that still carry a number of OLD (衔接性修改), each with what it should say.  "
        "With --dangling or --stale, the status is 1 when there are any (a gate for CI).",
    )
    refs.add_argument(
        "--dangling",
        action="store_true",
        help="print dangling references only, and exit with status 1 if there are any",
    )
    refs.add_argument(
        "--stale",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="the references NEW left pointing at OLD's numbers (exit status 1 when any)",
    )
    add_file_option(refs)
    refs.set_defaults(run=run_refs)


def _citation_error(ref: str, err: CitationError) -> int:
    # the reference is an argument, not a file: its column, then the text with a caret
    del ref
    print(f"wuxi-dt: error: {err}", file=sys.stderr)
    return 1


def run_cite(args: argparse.Namespace) -> int:
    from .._citations.format import format_citation

    regulation = load_regulation(args)
    try:
        found, units = cited_units(args.ref, regulation)  # NotFoundError before any output
        written = format_citation(found, args.style, regulation=regulation)
    except CitationError as err:
        return _citation_error(args.ref, err)
    print(written)
    print_units(units, regulation, labels=len(units) > 1, gap=True)
    return 0


def run_search(args: argparse.Namespace) -> int:
    if args.db:
        return _search_db(args)
    regulation = load_regulation(args)
    hits = regulation.search(args.query, context=args.context)
    for hit in hits:
        print(hit)
    if not hits:
        print(f"wuxi-dt: no match for {args.query!r}", file=sys.stderr)
        return 1
    return 0


def _search_db(args: argparse.Namespace) -> int:
    from .._interchange.sqlite_search import MIN_TRIGRAM, search_sqlite

    if args.file:
        print("wuxi-dt search: give --db or --file, not both", file=sys.stderr)
        return 2
    try:
        hits = search_sqlite(
            args.db, args.query, limit=args.limit or None, context=max(args.context, 0)
        )
    except RuntimeError as err:  # this Python's SQLite has no FTS5 trigram tokenizer
        print(f"wuxi-dt: error: {err}", file=sys.stderr)
        return 1
    short = [t for t in args.query.split() if len(t) < MIN_TRIGRAM]
    if short and not args.quiet:
        print(f"wuxi-dt: note: {short[0]!r} is shorter than {MIN_TRIGRAM} characters: every "
              "unit was scanned, hits in document order (not ranked)", file=sys.stderr)  # fmt: skip
    for hit in hits:
        print(hit)
    if not hits:
        print(f"wuxi-dt: no match for {args.query!r}", file=sys.stderr)
        return 1
    return 0


def _targets(items: tuple[Citation | CitationRange, ...]) -> str:
    """Where a reference points, as written: a range printed as one (第一条至第九千九百九十九条),
    never expanded; ``-`` for nothing."""
    return "、".join(f"{t.start}至{t.end}" if isinstance(t, CitationRange) else str(t)
                    for t in items) or "-"  # fmt: skip


def run_refs(args: argparse.Namespace) -> int:
    if args.stale:
        return _run_stale(args)
    regulation = load_regulation(args)
    found = regulation.references()
    shown = [r for r in found if r.dangling] if args.dangling else list(found)
    for ref in shown:
        targets = _targets(ref.ranges)
        mark = ""
        if ref.dangling:
            missing = "、".join(str(c) for c in ref.missing) or "unresolved"
            mark = f"\tDANGLING ({missing})"
        elif ref.ambiguous:
            mark = f"\tAMBIGUOUS ({'、'.join(str(c) for c in ref.ambiguous)})"
        print(f"{ref.at}\t{ref.match.text}\t{ref.match.kind}\t-> {targets}{mark}")
    dangling = sum(r.dangling for r in found)
    print(f"{_count(len(found), 'reference')}, {dangling} dangling", file=sys.stderr)
    return 1 if args.dangling and dangling else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _run_stale(args: argparse.Namespace) -> int:
    """``refs --stale OLD NEW``: the lines of ``refs`` for the stale references of NEW, each
    marked ``STALE (what it should say)`` or ``STALE (deleted: the targets that are gone)``."""
    from .._diff.build import diff

    if args.file or args.dangling:
        print("wuxi-dt refs: --stale compares OLD and NEW; it takes no --file or --dangling",
              file=sys.stderr)  # fmt: skip
        return 2
    old_path, new_path = args.stale
    old = read_regulation(old_path, args)
    changes = diff(old, read_regulation(new_path, args))
    stale = changes.stale_references()
    deleted = 0
    for ref in stale:
        if ref.replacement is not None:
            mark = f"STALE ({ref.replacement})"
        else:
            deleted += 1
            gone = [c for c in ref.old.expand(old) if not changes.follow(c)]
            mark = f"STALE (deleted: {'、'.join(str(c) for c in gone) or _targets(ref.old.items)})"
        print(f"{ref.at}\t{ref.match.text}\t{ref.match.kind}\t-> {_targets(ref.old.items)}\t{mark}")
    print(f"{_count(len(stale), 'stale reference')}, {deleted} to deleted units", file=sys.stderr)
    return 1 if stale else 0
