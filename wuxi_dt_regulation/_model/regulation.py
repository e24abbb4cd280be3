"""The whole regulation: :class:`Regulation`, with its flat views and lookups.

A Regulation indexes its articles, answers lookups by number or label, checks that its parts
stand where the parser would find them, and (through :func:`.tree.stamp_body`) gives every
citable unit its position.  Resolving a citation is :mod:`.ranges`'s, searching the text
:mod:`.search`'s; finding references is the citations layer's, reached through
:mod:`.references` (the model imports nothing above it).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from .compare import by_fields
from .errors import NotFoundError
from .hooks import find_references
from .labels import CHAPTER_UNIT, PART_UNIT, article_label, unit_label
from .numerals import MAX_NUMBER, from_chinese
from .structure import (  # Node too: cattrs reads the field types at run time
    RANKS,
    Appendix,
    Article,
    Chapter,
    Division,
    Node,
    Part,
    Section,
    Subpart,
    articles_in,
    check_order,
)
from .tree import is_structure, stamp_body, toc_label, walk_nodes
from .units import (
    Event,
    Item,
    Paragraph,
    ParseWarning,
    SubItem,
    Table,
    check_line,
    check_paragraph_numbers,
    parse_date,
)

if TYPE_CHECKING:
    import datetime

    from .citation import Citation
    from .references import Reference
    from .search import SearchHit

__all__ = ["Regulation", "check_regulation", "parse_article_ref"]

# Compiled on first use (functools.cache): load() needs none of them, and each compile of a
# pattern with CJK classes costs a fraction of a millisecond at a cold start.
_EFFECTIVE_PATTERN = r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行"
_ARTICLE_REF_PATTERN = r"""
    (?:第)?\s*                       # optional 第
    (?P<num>[零〇一二三四五六七八九十百千两\d０-９]+)\s*
    (?:条)?                          # optional 条
    (?:\s*之\s*(?P<suffix>[一二三四五六七八九十\d]+))?   # optional 之N
    """
_UNIT_REF_PATTERN = r"(?:第)?\s*(?P<num>[零〇一二三四五六七八九十百千两\d０-９]+)\s*(?:章|节|编)?"


@functools.cache
def _effective_re() -> re.Pattern[str]:
    return re.compile(_EFFECTIVE_PATTERN)


@functools.cache
def _article_ref_re() -> re.Pattern[str]:
    return re.compile(_ARTICLE_REF_PATTERN, re.VERBOSE)


@functools.cache
def _unit_ref_re() -> re.Pattern[str]:
    return re.compile(_UNIT_REF_PATTERN)


def parse_article_ref(ref: int | str | tuple[int, int]) -> tuple[int, int]:
    """Read an article reference: ``35``, ``"35"``, ``"第三十五条"``, ``"第一百二十条之一"``, ``(120, 1)``.

    >>> parse_article_ref("第一百二十条之一"), parse_article_ref(35), parse_article_ref("第35条")
    ((120, 1), (35, 0), (35, 0))

    Raises:
        ValueError: *ref* is not an article reference.
    """
    if isinstance(ref, bool):
        raise TypeError("an article reference cannot be a bool")
    if isinstance(ref, int):
        return (ref, 0)
    if isinstance(ref, tuple):
        if len(ref) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in ref):
            raise ValueError(f"an article tuple is (number, suffix), got {ref!r}")
        return (ref[0], ref[1])
    if not isinstance(ref, str):
        raise TypeError(f"an article reference is an int, str or tuple, got {type(ref).__name__}")
    match = _article_ref_re().fullmatch(ref.strip())
    if match is None:
        raise ValueError(f"not an article reference: {ref!r}")
    suffix = match["suffix"]
    try:
        return (from_chinese(match["num"]), from_chinese(suffix) if suffix else 0)
    except ValueError as err:  # 第零条, 第十百条: the shape of a reference, not a number
        raise ValueError(f"not an article reference: {ref!r} ({err})") from None


def _unit_number(ref: int | str, unit: str) -> int:
    if isinstance(ref, bool) or not isinstance(ref, (int, str)):
        raise TypeError(f"a {unit} reference is an int or a str, got {ref!r}")
    if isinstance(ref, int):
        return ref
    match = _unit_ref_re().fullmatch(ref.strip())
    if match is None:
        raise ValueError(f"not a {unit} reference: {ref!r}")
    try:
        return from_chinese(match["num"])
    except ValueError as err:
        raise ValueError(f"not a {unit} reference: {ref!r} ({err})") from None


def _describe_numbers(labels: list[str]) -> str:
    if not labels:
        return "none"
    if len(labels) <= 2:
        return "、".join(labels)
    return f"{labels[0]} … {labels[-1]} ({len(labels)} in all)"


@attrs.frozen(repr=False)
@by_fields("title", "subtitles", "history", "toc", "preamble", "body", "appendices")
class Regulation:
    """A whole regulation: header, body and appendices.

    Attributes:
        title: the title, from the first ``# …`` line.
        subtitles: further ``# …`` lines before the history (民法典 files print the 编 there).
        history: the header's history lines, one :class:`Event` each.
        toc: a table of contents the source printed in its body, kept line by line as printed
            (without ``#``) so that it renders back; empty for most sources.  Not an outline
            the library makes: the outline is :attr:`body` (see docs/model.md).
        preamble: free text before the first chapter or article (序言 is a :class:`Division`).
        body: the structure: parts, chapters, sections, articles and any free text among them.
        appendices: 附件 and 附表 after the body.
        warnings: what the parser found odd; not part of equality or hashing.
    """

    title: str
    subtitles: tuple[str, ...] = ()
    history: tuple[Event, ...] = ()
    toc: tuple[str, ...] = ()
    preamble: tuple[Division | Paragraph | Table, ...] = ()
    body: tuple[Node, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), eq=False, repr=False)
    _articles: tuple[Article, ...] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[tuple[int, int], Article] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        check_regulation(self)
        body = stamp_body(self.body)  # see tree.stamp_body
        if body is not self.body:
            object.__setattr__(self, "body", body)
        articles = tuple(articles_in(self.body))
        index: dict[tuple[int, int], Article] = {}
        for article in articles:
            index.setdefault(article.key, article)
        object.__setattr__(self, "_articles", articles)
        object.__setattr__(self, "_index", index)

    def _check_layout(self) -> None:
        """The preamble, body and table of contents stand where the parser would find them."""
        structured = any(is_structure(node) for node in self.body)
        if self.preamble and not structured:
            raise ValueError("a preamble stands before a structure: with none, it is the body")
        if structured and not is_structure(self.body[0]):
            raise ValueError("text before the first chapter or article belongs in the preamble")
        for node in self.preamble:
            # an article standing in the preamble itself, as well as one in a division of it
            if isinstance(node, Article) or (isinstance(node, Division) and node.articles):
                raise ValueError("a preamble holds no articles")
        labels = [toc_label(entry) for entry in self.toc]
        for entry, label in zip(self.toc, labels, strict=True):
            check_line("Regulation toc", entry)
            if label is None:
                raise ValueError(
                    f"a table of contents lists 编, 分编, 章 or 节 headings: {entry!r}"
                )
        if self.toc:
            first = next((n for n in walk_nodes(self.body) if type(n) in RANKS), None)
            if (
                first is None
                or getattr(first, "label", None) != labels[0]
                or labels[0] in labels[1:]
            ):
                raise ValueError(
                    "a table of contents must list the body's first heading first, and only once"
                )

    def __repr__(self) -> str:
        # Short, like yarl's URL: the whole tree is one attrs.asdict() away.
        parts = [f"{len(self.articles)} articles"]
        if self.chapters:
            parts.insert(0, f"{len(self.chapters)} chapters")
        if self.appendices:
            parts.append(f"{len(self.appendices)} appendices")
        return f"<Regulation {self.title!r}: {', '.join(parts)}>"

    # ---- citations

    def resolve(
        self, citation: Citation
    ) -> Part | Subpart | Chapter | Section | Article | Paragraph | Item | SubItem:
        """Return the unit *citation* names: the regulation's own unit object.

        >>> from wuxi_dt_regulation import Citation, load
        >>> load().resolve(Citation(article=35, paragraph=2)).number
        2

        Raises:
            NotFoundError: there is no such unit; the message says what exists.
        """
        from .ranges import resolve  # on first use: a cold load() resolves nothing

        return resolve(self, citation)

    def references(self) -> tuple[Reference, ...]:
        """Every reference in the text of the regulation's 款, 项 and 目, in document order.

        Each :class:`Reference` says where it stands (``at``), what it points to (``targets``,
        relative forms such as 前款 resolved against ``at``) and whether the targets exist
        (``dangling`` references are reported, not raised).

        >>> from wuxi_dt_regulation import load
        >>> first = load().references()[0]
        >>> str(first.at), first.match.kind, first.match.text, first.dangling
        ('第一条第一款', 'unresolvable', '有关法律、法规', False)
        """
        return find_references(self)

    def search(self, query: str, *, context: int = 12) -> tuple[SearchHit, ...]:
        """Find *query* (a plain substring) in the 款, 项 and 目 of the body.

        Each :class:`SearchHit` carries the citation of the smallest unit holding the match and a
        snippet with *context* characters on each side.
        """
        from .search import search

        return search(self, query, context=context)

    # ---- flat views, in document order

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the body, in document order (appendix text is not searched)."""
        return self._articles

    def _collect(self, kind: type[object]) -> tuple[object, ...]:
        return tuple(n for n in walk_nodes(self.body) if isinstance(n, kind))

    @property
    def parts(self) -> tuple[Part, ...]:
        """The 编 of the body, in document order."""
        return tuple(n for n in self.body if isinstance(n, Part))

    @property
    def subparts(self) -> tuple[Subpart, ...]:
        """Every subpart (分编), in document order."""
        return self._collect(Subpart)  # type: ignore[return-value]

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Every chapter, those inside parts included, in document order."""
        return self._collect(Chapter)  # type: ignore[return-value]

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every section, those inside chapters included, in document order."""
        return self._collect(Section)  # type: ignore[return-value]

    @property
    def divisions(self) -> tuple[Division, ...]:
        """Headings with no number in the preamble and the body."""
        return tuple(n for n in walk_nodes(self.preamble + self.body) if isinstance(n, Division))

    @property
    def preamble_text(self) -> str:
        """The preamble's paragraphs, one printed line each (序言's included)."""
        lines = [
            line
            for node in walk_nodes(self.preamble)
            if isinstance(node, Paragraph)
            for line in node.lines()
        ]
        return "\n".join(lines)

    @property
    def effective_date(self) -> datetime.date | None:
        """The date the regulation takes effect.

        The last dated 施行 event of the history; else the date in an article saying
        ``自2023年7月1日起施行`` (the last such article); else, for ``自公布之日起施行``, the date of
        the last 公布 event; else None.
        """
        for event in reversed(self.history):
            if event.action == "施行" and event.date is not None:
                return event.date
        for article in reversed(self._articles):
            text = article.text
            found = parse_date(_effective_re().search(text))
            if found is not None:
                return found
            if "自公布之日起施行" in text:
                for event in reversed(self.history):
                    if event.action == "公布" and event.date is not None:
                        return event.date
        return None

    # ---- lookups

    def get_article(self, ref: int | str | tuple[int, int]) -> Article | None:
        """Like :meth:`article`, but return None when there is no such article."""
        try:
            key = parse_article_ref(ref)
        except ValueError:
            return None
        return self._index.get(key)

    def article(self, ref: int | str | tuple[int, int]) -> Article:
        """Return the article *ref* names: ``35``, ``"35"``, ``"第三十五条"``, ``(120, 1)``.

        Raises:
            NotFoundError: there is no such article; the message says which exist.
            ValueError: *ref* is not an article reference at all.
        """
        key = parse_article_ref(ref)
        found = self._index.get(key)
        if found is None:
            writable = 1 <= key[0] <= MAX_NUMBER and 0 <= key[1] <= MAX_NUMBER
            wanted = article_label(*key) if writable else repr(ref)
            labels = [a.label for a in self._articles]
            raise NotFoundError(
                f"{self.title} has no {wanted}; its articles are {_describe_numbers(labels)}"
            )
        return found

    def get_chapter(self, ref: int | str, *, part: int | str | None = None) -> Chapter | None:
        """Like :meth:`chapter`, but return None when there is no such chapter."""
        try:
            return self.chapter(ref, part=part)
        except (NotFoundError, ValueError):
            return None

    def chapter(self, ref: int | str, *, part: int | str | None = None) -> Chapter:
        """Return chapter *ref* (``5``, ``"5"``, ``"第五章"``).

        Chapter numbers restart in each 编 of a code such as 刑法 or 民法典: there, pass *part*
        to choose the 编; a number that more than one 编 uses is refused without it.

        Raises:
            NotFoundError: there is no such chapter, or (without *part*) more than one; the
                message says which exist.
        """
        number = _unit_number(ref, CHAPTER_UNIT)
        pool = self.chapters if part is None else self.part(part).chapters
        found = [chapter for chapter in pool if chapter.number == number]
        wanted = unit_label(number, CHAPTER_UNIT) if 1 <= number <= MAX_NUMBER else repr(ref)
        if len(found) == 1 or (found and part is not None):
            return found[0]
        if found:
            holders = "、".join(p.label for p in self.parts if any(c in found for c in p.chapters))
            raise NotFoundError(
                f"{self.title} has {len(found)} chapters numbered {wanted} (in {holders}): "
                "pass part= to choose"
            )
        if part is None and self.parts:
            spans = [f"{p.label} {_describe_numbers([c.label for c in p.chapters])}"
                     for p in self.parts]  # fmt: skip
            raise NotFoundError(
                f"{self.title} has no {wanted}; its chapters are {'; '.join(spans)}"
            )
        raise NotFoundError(
            f"{self.title} has no {wanted}; its chapters are "
            f"{_describe_numbers([c.label for c in pool])}"
        )

    def part(self, ref: int | str) -> Part:
        """Return 编 *ref* (``1``, ``"第一编"``), or raise :class:`NotFoundError`."""
        number = _unit_number(ref, PART_UNIT)
        for part in self.parts:
            if part.number == number:
                return part
        labels = [p.label for p in self.parts]
        raise NotFoundError(
            f"{self.title} has no {unit_label(number, PART_UNIT) if number >= 1 else repr(ref)}; "
            f"its parts are {_describe_numbers(labels)}"
        )


def check_regulation(reg: Regulation) -> None:
    """*reg*'s own checks, as its constructor runs them (its parts have run theirs): for a reader
    that builds one from checked parts (:func:`.trusted.regulation`).  Raises ValueError."""
    check_line("Regulation title", reg.title)
    if not reg.title.strip():
        raise ValueError("a Regulation needs a title")
    for subtitle in reg.subtitles:
        check_line("Regulation subtitle", subtitle)
        if not subtitle:
            raise ValueError("a subtitle needs text")
    check_paragraph_numbers("preamble", reg.preamble)
    check_paragraph_numbers("body", reg.body)
    check_order("preamble", reg.preamble)
    check_order("body", reg.body)
    reg._check_layout()
