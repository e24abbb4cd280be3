"""``wuxi-dt amend DECISION.md``: apply a 修改决定 or 修正案 to a regulation and print the result."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .inputs import add_encoding_option, load_regulation, read_input, warning_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "amend",
        help="apply an amending instrument (修改决定, 修正案) to a regulation",
        description="Read DECISION (an amending instrument in Markdown), apply it to the bundled "
        "regulation or to --file, and print the amended regulation as Markdown.  An instruction "
        "that cannot be read or applied is reported as DECISION:line:col with the instruction.",
    )
    parser.add_argument(
        "decision",
        metavar="DECISION",
        help="the amending instrument (Markdown; - for standard input)",
    )
    parser.add_argument(
        "--file",
        metavar="BASE",
        help="the regulation it amends (default: the bundled one; - for standard input)",
    )
    add_encoding_option(parser)
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
    from .._markdown.render import render
    from .._model.errors import diagnostic

    if args.decision == "-" and args.file == "-":
        print("wuxi-dt: error: DECISION and --file cannot both be standard input", file=sys.stderr)
        return 2
    text, source = read_input(args.decision, args.encoding)
    amendment = parse_amendment(text, source=source)
    if not args.quiet:
        for line in warning_lines(source, amendment.warnings):
            print(line, file=sys.stderr)
    base = load_regulation(args)  # prints BASE's warnings unless -q
    try:
        result = amendment.apply(base, update_references=args.update_references)
    except AmendmentError as err:  # the position is in DECISION: name the file
        head = diagnostic(source, err.line, err.column, err.message, severity="error")
        print("\n".join([head, *str(err).split("\n")[1:]]), file=sys.stderr)
        return 1
    markdown = render(result)
    if args.output:
        from .._interchange.atomic import write_atomically

        write_atomically(args.output, markdown)
    else:
        sys.stdout.write(markdown)
    return 0
