"""``wuxi-dt show [REF]``: the outline, or one article with its text."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._markdown.bundled import load
from .._markdown.files import parse_file
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart


def add_file_option(parser: argparse.ArgumentParser) -> None:
    """``--file PATH`` (another regulation instead of the bundled one), ``--strict``, ``-q``."""
    parser.add_argument("--file", metavar="PATH", help="read this Markdown regulation instead")
    parser.add_argument("--strict", action="store_true", help="treat oddities as errors")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print parse warnings to stderr"
    )


def read_regulation(path: str, args: argparse.Namespace) -> Regulation:
    """The Markdown regulation at *path*, read as ``--strict`` says; its parse warnings go to
    stderr as ``file:line:col: warning: code: message`` unless ``-q``."""
    regulation = parse_file(path, strict=args.strict)
    if not args.quiet:
        for w in regulation.warnings:
            print(f"{path}:{w.line}:{w.column}: warning: {w.code}: {w.message}", file=sys.stderr)
    return regulation


def load_regulation(args: argparse.Namespace) -> Regulation:
    """The regulation a command works on: ``--file PATH`` (see :func:`read_regulation`) or the
    bundled one."""
    if not getattr(args, "file", None):
        return load()
    return read_regulation(args.file, args)


def register(sub: Any) -> None:
    parser = sub.add_parser("show", help="print the outline, or one article")
    parser.add_argument("ref", nargs="?", help="an article: 35, 第三十五条, 第一百二十条之一")
    add_file_option(parser)
    parser.set_defaults(run=run)


def _span(articles: tuple[Article, ...]) -> str:
    if not articles:
        return ""
    if len(articles) == 1:
        return f"  {articles[0].label}"
    return f"  {articles[0].label}—{articles[-1].label}"


def outline(regulation: Regulation) -> str:
    """The title, history and headings with the articles each covers, one per line."""
    lines = [regulation.title, *regulation.subtitles]
    lines.extend(f"  {event.text}" for event in regulation.history)
    if regulation.effective_date is not None:
        lines.append(f"  施行日期 {regulation.effective_date.isoformat()}")

    def walk(nodes: tuple[object, ...], depth: int) -> None:
        for node in nodes:
            pad = "  " * depth
            if isinstance(node, (Part, Subpart, Chapter, Section)):
                heading = f"{node.label} {node.title}".rstrip()
                lines.append(f"{pad}{heading}{_span(node.articles)}")
                walk(node.children, depth + 1)
            elif isinstance(node, Division):
                lines.append(f"{pad}{node.title or '(untitled)'}{_span(node.articles)}")

    walk(regulation.body, 0)
    if not regulation.chapters and regulation.articles:
        lines.append(_span(regulation.articles).strip())
    lines.extend(appendix.title for appendix in regulation.appendices)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    regulation = load_regulation(args)
    if args.ref is None:
        print(outline(regulation))
        return 0
    article = regulation.article(args.ref)
    print(article.label)
    print(article.text)
    return 0
