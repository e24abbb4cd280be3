"""``wuxi-dt amend DECISION.md``: apply a 修改决定 or 修正案 to a regulation and print the result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .batch import warning_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "amend",
        help="apply an amending instrument (修改决定, 修正案) to a regulation",
        description="Read DECISION (an amending instrument in Markdown), apply it to the bundled "
        "regulation or to --file, and print the amended regulation as Markdown.  An instruction "
        "that cannot be read or applied is reported as DECISION:line:col with the instruction.",
    )
    parser.add_argument("decision", metavar="DECISION", help="the amending instrument (Markdown)")
    parser.add_argument(
        "--file", metavar="BASE", help="the regulation it amends (default: the bundled one)"
    )
    parser.add_argument(
        "--update-references",
        action="store_true",
        help="also rewrite the references whose target was renumbered (衔接性修改)",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument("--strict", action="store_true", help="treat oddities in BASE as errors")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print warnings to stderr"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._amend.amendment import parse_amendment
    from .._amend.errors import AmendmentError
    from .._markdown.bundled import load
    from .._markdown.files import parse_file
    from .._markdown.render import render
    from .._model.errors import decode_utf8

    text = decode_utf8(Path(args.decision).read_bytes(), path=args.decision)
    amendment = parse_amendment(text, source=args.decision)
    base = parse_file(args.file, strict=args.strict) if args.file else load()
    if not args.quiet:
        for where, warnings in ((args.decision, amendment.warnings), (args.file, base.warnings)):
            for line in warning_lines(where, warnings):
                print(line, file=sys.stderr)
    try:
        result = amendment.apply(base, update_references=args.update_references)
    except AmendmentError as err:  # the position is in DECISION: name the file
        print(
            str(AmendmentError(err.message, line=err.line, column=err.column, text=err.text,
                               source=args.decision)),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    markdown = render(result)
    if args.output:
        from .._interchange.atomic import write_atomically

        write_atomically(args.output, markdown)
    else:
        sys.stdout.write(markdown)
    return 0
