"""``wuxi-dt diff OLD NEW``: compare two versions of a regulation, article by article."""

from __future__ import annotations

import argparse
import sys
from typing import Any

FORMATS = ("text", "markdown", "html")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "diff",
        help="compare two versions of a regulation (修正前后对照表)",
        description="Align the articles of OLD and NEW by their text and print what changed: "
        "a summary (text), a 修正前后对照表 (markdown) or a self-contained page (html).",
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


def _read(path: str, args: argparse.Namespace) -> Any:
    from .._markdown.files import parse_file

    regulation = parse_file(path, strict=args.strict)
    if not args.quiet:
        for w in regulation.warnings:
            print(f"{path}:{w.line}:{w.column}: warning: {w.code}: {w.message}", file=sys.stderr)
    return regulation


def run(args: argparse.Namespace) -> int:
    from .._diff.build import diff

    result = diff(_read(args.old, args), _read(args.new, args))
    if args.format == "markdown":
        text = result.to_markdown()
    elif args.format == "html":
        text = result.to_html()
    else:
        text = result.to_text()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0
