"""``wuxi-dt diff OLD NEW``: compare two versions of a regulation, article by article."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .inputs import read_regulation

FORMATS = ("text", "markdown", "html", "decision")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "diff",
        help="compare two versions of a regulation (修正前后对照表)",
        description="Align the articles of OLD and NEW by their text and print what changed: "
        "a summary (text), a 修正前后对照表 (markdown), a self-contained page (html) or the "
        "修改决定 that makes NEW from OLD (decision; `wuxi-dt amend` applies it).",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version (Markdown)")
    parser.add_argument("new", metavar="NEW", help="the later version (Markdown)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="what to print")
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument("--strict", action="store_true", help="treat oddities as errors")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print parse warnings to stderr"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._diff.build import diff

    result = diff(read_regulation(args.old, args), read_regulation(args.new, args))
    if args.format == "markdown":
        text = result.to_markdown()
    elif args.format == "html":
        text = result.to_html()
    elif args.format == "decision":
        text = result.to_amendment()
    else:
        text = result.to_text()
    if args.output:
        from .._interchange.atomic import write_atomically

        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
