"""Finding citations in free text (:func:`find_citations`) and a regulation's own references
(:func:`references`).

The scanner finds candidates with one combined regex (:data:`.tokens.ANCHOR_RE`),
reads as much of each as the grammar of :mod:`.grammar` accepts (the same reader the
strict :func:`~wuxi_dt_regulation.parse_citation` uses), and only then resolves what it read
(relative forms against ``at``), as eyecite does.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._model.citation import LEVELS, Citation
from .._model.errors import CitationError, NotFoundError
from .._model.ranges import CitationList, CitationRange, complete, resolve
from .._model.references import CitationMatch, Kind, Reference
from .._model.regulation import Regulation
from .._model.units import Paragraph
from .grammar import RANK, Group, Reader, Ref
from .tokens import ANCHOR_RE, UNIT_LEVEL

__all__ = ["find_citations", "references"]


class _Context:
    """What resolution needs from a regulation, computed once per scan."""

    def __init__(self, regulation: Regulation | None) -> None:
        self.regulation = regulation
        self._homes: dict[tuple[int, int], tuple[Citation | None, Citation | None]] | None = None
        self._order: list[tuple[int, int]] | None = None
        #: the 款 last named in the text being scanned (see item_home)
        self.hint: Citation | None = None

    def item_home(self, at: Citation) -> Citation:
        """The 款 a bare 第X项 points into (刑法 第三百八十三条: 犯第一款罪，…有第一项规定情形的).

        The 款 where it stands when that 款 has 项; else the 款 of the same article last named
        in the same text; else the article's only 款 with 项; else where it stands.
        """
        article = None
        if self.regulation is not None and at.article is not None:
            article = self.regulation.get_article((at.article, at.suffix))
        if article is None:
            return at

        def has_items(number: int | None) -> bool:
            return (
                number is not None
                and 1 <= number <= len(article.paragraphs)
                and bool(article.paragraphs[number - 1].items)
            )

        if has_items(at.paragraph):
            return at
        hint = self.hint
        same = hint is not None and (hint.article, hint.suffix) == (at.article, at.suffix)
        if same and hint is not None and has_items(hint.paragraph):
            return Citation(article=at.article, suffix=at.suffix, paragraph=hint.paragraph)
        with_items = [p.number for p in article.paragraphs if p.items]
        if len(with_items) == 1:
            return Citation(article=at.article, suffix=at.suffix, paragraph=with_items[0])
        return at

    def part_of(self, key: tuple[int, int]) -> Citation | None:
        """The citation of the 编 holding the article *key*."""
        assert self.regulation is not None
        for part in self.regulation.parts:
            if any(a.key == key for a in part.articles):
                return part.citation
        return None

    def home(self, key: tuple[int, int]) -> tuple[Citation | None, Citation | None]:
        """The chapter and section citations of the article *key*."""
        if self._homes is None:
            self._homes = {}
            assert self.regulation is not None
            for chapter in self.regulation.chapters:
                for article in chapter.articles:
                    self._homes[article.key] = (chapter.citation, None)
                for section in chapter.sections:
                    for article in section.articles:
                        self._homes[article.key] = (chapter.citation, section.citation)
        return self._homes.get(key, (None, None))

    def before(self, key: tuple[int, int], count: int) -> list[tuple[int, int]]:
        """The *count* articles before *key*, in document order (之N included)."""
        if self.regulation is None:
            number = key[0] if key[1] else key[0] - 1
            return [(n, 0) for n in range(max(number - count + 1, 1), number + 1)]
        if self._order is None:
            self._order = [a.key for a in self.regulation.articles]
        if key not in self._order:
            return []
        index = self._order.index(key)
        return self._order[max(index - count, 0) : index]


def _relative_base(ref: Ref, at: Citation | None, ctx: _Context) -> list[Citation] | None:
    """The citations a relative head stands for (前两款 stands for two), or None."""
    assert ref.rel is not None
    how, level, count = ref.rel
    if at is None:
        return None
    if ctx.regulation is not None:
        at = complete(at, ctx.regulation)
    if level in ("part", "chapter", "section"):
        if at.article is None:
            if how != "this" or getattr(at, level) is None:
                return None
            fields = {name: getattr(at, name) for name in LEVELS[: RANK[level] + 1]}
            return [Citation(**fields)]
        if how != "this" or ctx.regulation is None:
            return None
        chapter, section = ctx.home((at.article, at.suffix))
        found = {"chapter": chapter, "section": section}.get(level)
        if level == "part":
            found = ctx.part_of((at.article, at.suffix))
        return [found] if found is not None else None
    if at.article is None:
        return None
    if level == "article":
        if how == "this":
            return [Citation(article=at.article, suffix=at.suffix)]
        keys = ctx.before((at.article, at.suffix), count)
        return [Citation(article=n, suffix=s) for n, s in keys] or None
    own = getattr(at, level)
    if own is None:
        return None
    base = {
        name: getattr(at, name)
        for name in ("article", "paragraph", "item")
        if RANK[name] < RANK[level]
    }
    numbers = [own] if how == "this" else list(range(own - count, own))
    if not numbers or numbers[0] < 1:
        return None
    return [Citation(suffix=at.suffix, **base, **{level: n}) for n in numbers]  # type: ignore[arg-type]


def _resolve_ref(
    ref: Ref, at: Citation | None, ctx: _Context, title: str | None
) -> list[Citation] | None:
    """The absolute citations one reference stands for, or None when it cannot be resolved."""
    levels = dict(ref.levels)
    if ref.rel is not None:
        bases = _relative_base(ref, at, ctx)
        if bases is None:
            return None
        if len(bases) > 1:
            return bases
        base = bases[0]
        fields = dict(base.levels())
        fields.update(levels)
        try:
            return [Citation(title=title, suffix=base.suffix, **fields)]
        except ValueError:
            return None
    if not any(name in levels for name in ("part", "chapter", "article")):
        # 第二款, 第一项至第三项 alone: inside the article (款) or paragraph (项) at hand
        if at is None or at.article is None:
            return None
        if ctx.regulation is not None:
            at = complete(at, ctx.regulation)
        top = min(RANK[name] for name in levels)
        if top >= RANK["item"]:
            at = ctx.item_home(at)
        for name in ("paragraph", "item"):
            if RANK[name] < top and getattr(at, name) is not None:
                levels.setdefault(name, getattr(at, name))
        assert at.article is not None
        levels["article"] = at.article
        ref = attrs.evolve(ref, suffix=at.suffix)
    try:
        citation = Citation(title=title, suffix=ref.suffix, **levels)
    except ValueError:
        return None
    if ctx.regulation is None or title is not None:
        return [citation]
    citation = complete(citation, ctx.regulation)
    if citation.item is not None and citation.paragraph is None and citation.article is not None:
        # 第十五条第一项 of an article with several 款: the 款 that has 项 (浙江省电子商务条例)
        home = ctx.item_home(Citation(article=citation.article, suffix=citation.suffix))
        citation = attrs.evolve(citation, paragraph=home.paragraph)
    return [citation]


def _resolve_group(
    group: Group, at: Citation | None, ctx: _Context
) -> tuple[Kind, CitationList | None, tuple[Citation, ...]]:
    regulation = ctx.regulation
    instrument = group.instrument
    if not group.elements:
        name = instrument[1] if instrument is not None else ""
        whole = CitationList((Citation(title=name),))
        own = regulation is not None and name == regulation.title
        return ("internal" if own else "external"), whole, (Citation(title=name),)
    kind: Kind = "absolute"
    title: str | None = None
    if instrument is not None:
        own = regulation is not None and instrument[1] == regulation.title
        if instrument[0] == "self" or own:
            kind = "internal"
        else:
            kind, title = "external", instrument[1]
    items: list[Citation | CitationRange] = []
    for element in group.elements:
        if kind == "absolute" and any(
            r.rel is not None or not any(n in r.levels for n in ("part", "chapter", "article"))
            for r in element.refs
        ):
            kind = "relative"
        ends = [_resolve_ref(ref, at, ctx, title) for ref in element.refs]
        if any(e is None for e in ends):
            continue
        if len(ends) == 1:
            found = ends[0] or []
            if len(found) > 1:
                items.append(CitationRange(found[0], found[-1]))
            else:
                items.extend(found)
            continue
        start, end = (ends[0] or [])[0], (ends[1] or [])[-1]
        try:
            items.append(CitationRange(start, end))
        except ValueError:
            # 第九十条至第八十条, 第三条至第五条第二款: parse_citations refuses such a range, and
            # no list of its ends would say what the text means
            return "unresolvable", None, ()
    if not items:
        return kind, None, ()
    value = CitationList(tuple(items))
    if kind == "external" or regulation is None:
        return kind, value, value.expand()
    return kind, value, tuple(c for item in items for c in _expand(item, regulation))


def _expand(item: Citation | CitationRange, regulation: Regulation) -> tuple[Citation, ...]:
    """The citations *item* covers in *regulation*: a range's units that exist, and, when an
    end of the range does not exist (a dangling range), every number between its ends too, as
    a dangling single citation is kept."""
    if isinstance(item, Citation):
        return (item,)
    found = item.expand(regulation)
    for end in (item.start, item.end):
        try:
            resolve(regulation, complete(end, regulation))
        except NotFoundError:
            numbered = (complete(c, regulation) for c in item.expand())
            return tuple(sorted({*found, *numbered}))
    return found


def _scan(text: str, at: Citation | None, ctx: _Context) -> list[CitationMatch]:
    out: list[CitationMatch] = []
    pos = 0
    ctx.hint = None
    while True:
        anchor = ANCHOR_RE.search(text, pos)
        if anchor is None:
            return out
        if anchor["vague"] is not None:
            start, end = anchor.span()
            out.append(CitationMatch(start, end, text[start:end], "unresolvable", ()))
            pos = end
            continue
        reader = Reader(text, anchor.start(), strict=False)
        try:
            group = reader.group()
        except CitationError:
            pos = anchor.start() + 1
            continue
        kind, value, citations = _resolve_group(group, at, ctx)
        if kind != "external":
            named = [c for c in citations if c.paragraph is not None]
            if named:
                ctx.hint = named[-1]
        out.append(
            CitationMatch(
                group.start, group.end, text[group.start : group.end], kind, citations, value
            )
        )
        pos = max(group.end, anchor.start() + 1)


def find_citations(
    text: str, *, regulation: Regulation | None = None, at: Citation | None = None
) -> tuple[CitationMatch, ...]:
    """Find every citation in free text, leniently, with its span in the text.

    What does not read as a citation is skipped, never raised.  Each match says what kind of
    citation it is (``absolute``, ``internal``, ``relative``, ``external`` or ``unresolvable``
    for law cited without a pinpoint, such as 有关法律、法规) and the absolute citations it
    points to, ranges expanded.

    Args:
        text: the text to search.
        regulation: the regulation the text belongs to.  With it, 本章 and 前条 resolve through
            it, its own title counts as internal, ranges expand to the units that exist, and a
            项 of an article with one 款 gets ``paragraph=1``.
        at: the citation of the place the text stands (the 款 or 项 it is part of); relative
            forms (本条, 前款, 第二款 alone) resolve against it, and are left unresolved without
            it.

    Returns:
        The matches (:class:`CitationMatch`), in the order they stand in *text*.

    Raises:
        TypeError: *text* is not a str.

    >>> [m.text for m in find_citations("依照《中华人民共和国数据安全法》第二十一条和本条例第九条")]
    ['《中华人民共和国数据安全法》第二十一条', '本条例第九条']
    >>> from wuxi_dt_regulation import Citation
    >>> [(m.text, m.kind, [str(c) for c in m.citations]) for m in find_citations(
    ...     "违反本法第十条、第十一条规定，或者前款规定的", at=Citation(article=12, paragraph=2))]
    [('本法第十条、第十一条', 'internal', ['第十条', '第十一条']), ('前款', 'relative', ['第十二条第一款'])]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return tuple(_scan(text, at, _Context(regulation)))


# --------------------------------------------------------------------------- a regulation's own


def _checked(value: CitationList | None) -> list[Citation]:
    if value is None:
        return []
    out: list[Citation] = []
    for item in value.items:
        out.extend((item.start, item.end) if isinstance(item, CitationRange) else (item,))
    return out


def references(regulation: Regulation) -> tuple[Reference, ...]:
    """Every reference in the text of the regulation's 款, 项 and 目, in document order, with
    where it stands and whether its targets exist (dangling references are reported, not raised).

    Free text outside articles (a decision's 一、二、 paragraphs, appendices) stands nowhere
    citable and is not read.

    >>> from wuxi_dt_regulation import load
    >>> [(str(r.at), r.match.text, r.match.kind) for r in references(load())][:2]
    [('第一条第一款', '有关法律、法规', 'unresolvable'), ('第三十六条第一款', '国家和省有关规定', 'unresolvable')]
    """
    ctx = _Context(regulation)
    out: list[Reference] = []

    def scan(text: str, at: Citation) -> None:
        for match in _scan(text, at, ctx):
            missing: list[Citation] = []
            if match.kind in ("absolute", "internal", "relative"):
                for target in _checked(match.value):
                    if target.level == "instrument":
                        continue  # the regulation itself
                    try:
                        resolve(regulation, target)
                    except NotFoundError:
                        missing.append(target)
            checkable = True
            if match.kind == "relative" and not match.citations:
                level = UNIT_LEVEL.get(match.text[1:2]) if match.text[:1] == "本" else None
                views = {"part": regulation.parts, "chapter": regulation.chapters,
                         "section": regulation.sections}  # fmt: skip
                checkable = level not in views or bool(views[level])
            out.append(Reference(at, match, tuple(missing), checkable))

    for article in regulation.articles:
        for paragraph in article.paragraphs:
            _scan_paragraph(paragraph, scan)
    return tuple(out)


def _scan_paragraph(paragraph: Paragraph, scan: Callable[[str, Citation], None]) -> None:
    # a unit's further paragraphs (a 项 over several paragraphs, quoted wording) are its text too
    if paragraph.text:
        scan(paragraph.text, paragraph.citation)
    for line in paragraph.continuation:
        scan(line, paragraph.citation)
    for item in paragraph.items:
        for line in (item.text, *item.continuation):
            scan(line, item.citation)
        for sub in item.subitems:
            for line in (sub.text, *sub.continuation):
                scan(line, sub.citation)
            for deeper in sub.subitems:
                for line in (deeper.text, *deeper.continuation):
                    scan(line, sub.citation)
