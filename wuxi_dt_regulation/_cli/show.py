"""``wuxi-dt show [REF]``: the outline, or one article with its text."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._model.errors import CitationError
from .._model.regulation import Regulation
from .._model.structure import Article, Chapter, Division, Part, Section, Subpart
from .._model.units import Item, Paragraph, SubItem
from .inputs import add_file_option, load_regulation

if TYPE_CHECKING:
    from .._model.citation import Citation
    from .._model.ranges import CitationList


def register(sub: Any) -> None:
    parser = sub.add_parser("show", help="print the outline, or the text of what REF cites")
    parser.add_argument(
        "ref",
        nargs="?",
        help="an article (35, 第三十五条, 第一百二十条之一) or any citation (第35条第2款, "
        "第三章, 第五条至第七条, Art. 35(2)); without it, the outline",
    )
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


def cited_text(unit: object) -> str:
    """The text a unit holds, as printed: headings with their articles, 款 with their 项."""
    if isinstance(unit, (Part, Subpart, Chapter, Section)):
        lines = [f"{unit.label} {unit.title}".rstrip()]
        lines.extend(f"{a.label} {a.text}" for a in unit.articles)
        return "\n".join(lines)
    if isinstance(unit, Article):
        return unit.text
    if isinstance(unit, Paragraph):
        return unit.full_text
    if isinstance(unit, (Item, SubItem)):
        return "\n".join(unit.lines())  # the marker, the text, further paragraphs, 目
    raise TypeError(f"not a citable unit: {unit!r}")  # pragma: no cover


def read_reference(ref: str, regulation: Regulation) -> CitationList:
    """*ref* as the commands read it: a citation, range or list in any style
    (``第三十五条第二款``, ``Art. 35(2)``, ``第五条至第七条``), or an article by its bare number
    (``35``, ``三十五``, ``120之1``), as ``show 35`` has always taken it.

    Raises:
        CitationError: *ref* is neither (the message names the column).
    """
    from .._citations.parse import parse_citations
    from .._model.citation import Citation
    from .._model.ranges import CitationList
    from .._model.regulation import parse_article_ref

    try:
        return parse_citations(ref, regulation=regulation)
    except CitationError:
        if ref.lstrip().startswith("第"):  # 第三十五: a citation cut short, not a bare number
            raise
        try:
            number, suffix = parse_article_ref(ref)
        except ValueError:
            message = "expected a citation such as 第三十五条, or an article's number such as 35"
            if _names_file(ref):
                message += f" (to read the file {ref}, pass --file {ref})"
            raise CitationError(message, text=ref) from None
    return CitationList((Citation(article=number, suffix=suffix),))


def _names_file(ref: str) -> bool:
    """Whether *ref* looks like the path of a regulation given in the citation's place."""
    import os

    return ref.endswith((".md", ".markdown", ".txt")) or os.path.isfile(ref)


def cited_units(
    ref: str, regulation: Regulation
) -> tuple[CitationList, list[tuple[Citation, Any]]]:
    """What *ref* cites (see :func:`read_reference`), and each unit it names with its citation.

    Raises:
        CitationError: *ref* is no citation.
        NotFoundError: a unit it names does not exist (before anything is printed).
    """
    from .._model.ranges import CitationRange, complete_range

    found = read_reference(ref, regulation)
    for item in found.items:  # both ends of a range must exist, as for a reference in a text
        if isinstance(item, CitationRange):
            for end in complete_range(item.start, item.end, regulation):
                regulation.resolve(end)
    return found, [(c, regulation.resolve(c)) for c in found.expand(regulation)]


def print_units(
    units: Sequence[tuple[Citation, Any]], regulation: Regulation, *, labels: bool, gap: bool
) -> None:
    """Print each unit's text, after its citation when *labels* (a blank line before each
    unit when *gap*); a heading's text starts with its label already."""
    from .._citations.format import format_citation

    for citation, unit in units:
        if labels and gap:
            print()
        if labels and not isinstance(unit, (Part, Subpart, Chapter, Section)):
            print(format_citation(citation, "statute", regulation=regulation))
        print(cited_text(unit))


def run(args: argparse.Namespace) -> int:
    regulation = load_regulation(args)
    if args.ref is None:
        print(outline(regulation))
        return 0
    _, units = cited_units(args.ref, regulation)
    print_units(units, regulation, labels=True, gap=False)
    return 0
