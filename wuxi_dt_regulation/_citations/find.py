"""Finding citations in free text (:func:`find_citations`) and a regulation's own references
(:func:`references`).

The scanner finds candidates with one combined regex (:data:`.tokens.ANCHOR_RE`), reads back
from each 第 the name of an instrument written without 《》 (:func:`.names.name_before`), reads
as much of each candidate as the grammar of :mod:`.grammar` accepts (the same reader the strict
:func:`~wuxi_dt_regulation.parse_citation` uses), and only then resolves what it read
(:mod:`.resolve`: relative forms against ``at``, short names into titles), as eyecite does.
Ranges are kept as values: the work is linear in the text, whatever numbers it names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .._model.citation import Citation, citation_title
from .._model.errors import CitationError, NotFoundError
from .._model.ranges import CitationList, CitationRange, holders, resolve
from .._model.references import CitationMatch, Kind, Reference
from .._model.regulation import Regulation
from .._model.units import Paragraph
from .amending import Attribution, amended_instruments
from .anaphora import anaphor, anaphoric_match
from .context import Scan
from .fast import read_simple
from .grammar import Group, Reader
from .names import aliases, name_before
from .resolve import anchored, resolve_group
from .tokens import ANCHOR_RE, UNIT_LEVEL

__all__ = ["find_citations", "own_scan", "references", "scan_text"]


def scan_text(
    text: str, at: Citation | None, scan: Scan, *, fast: bool = True
) -> list[CitationMatch]:
    """The matches in *text*, standing at *at*, with the state of *scan*.  *fast* reads the
    commonest shapes with :func:`.fast.read_simple` (the tests turn it off to hold the two paths
    equal)."""
    out: list[CitationMatch] = []
    pos = 0
    scan.hint = None
    if "称" in text:
        scan.names.add(aliases(text))
    regulation = scan.regulation
    while True:
        anchor = ANCHOR_RE.search(text, pos)
        if anchor is None:
            return out
        start = anchor.start()
        if anchor["vague"] is not None:
            end = anchor.end()
            out.append(CitationMatch(start, end, text[start:end], "unresolvable"))
            pos = end
            continue
        instrument: tuple[str, str] | None = None
        name_start = start
        pointing: tuple[int, str] | None = None  # 该条第二款: the article cited just before
        if anchor["ord"] is not None or anchor["named"] is not None:
            named = name_before(text, start, pos, scan.names)
            if named is not None:
                name_start, how, name = named
                instrument = ("title", name) if how == "name" else ("that", name)
            elif anchor["ord"] is not None:
                pointing = anaphor(text, start, pos)
            if fast and anchor["ord"] is not None and pointing is None:
                quick = _fast(text, start, name_start, instrument, scan)
                if quick is not None:
                    out.append(quick)
                    pos = quick.end
                    continue
        reader = Reader(text, start, strict=False, named_parts=scan.named_parts)
        try:
            group = reader.group(instrument, name_start)
        except CitationError:
            pos = start + 1
            continue
        if pointing is not None:
            out.append(anaphoric_match(text, pointing, group, out[-1] if out else None, scan))
            pos = max(group.end, start + 1)
            continue
        first = group.elements[0].refs[0] if group.elements else None
        if group.instrument is not None and first is not None and not anchored(first):
            # 《刑法》本条第一款, 《刑法》前款: a relative form is the document's own, whatever
            # title stands before it; a title in 《》 is a reference of its own
            titled = text[group.start] == "《"
            named_at = group.start
            if titled:
                alone = Group(group.start, first.start, group.instrument, [])
                kind, found = resolve_group(alone, at, scan)
                span = text[group.start : first.start]
                title_match = CitationMatch(
                    group.start, first.start, span, kind, found, regulation=regulation
                )
                out.append(title_match)
            try:
                reader = Reader(text, first.start, strict=False, named_parts=scan.named_parts)
                group = reader.group()
            except CitationError:
                pos = first.start + 1
                continue
            if first.rel is None:
                # 《刑法》第二款, 本法第三项: a 款 or 项 named after an instrument without its
                # article has lost it; it is not the 款 of the article it stands in
                begin = first.start if titled else named_at
                span = text[begin : group.end]
                out.append(
                    CitationMatch(begin, group.end, span, "unresolvable", regulation=regulation)
                )
                pos = max(group.end, start + 1)
                continue
        kind, found = resolve_group(group, at, scan)
        if kind != "external" and found is not None:
            last = found.items[-1]
            last = last.end if isinstance(last, CitationRange) else last
            if last.paragraph is not None:
                scan.hint = last
        span = text[group.start : group.end]
        out.append(CitationMatch(group.start, group.end, span, kind, found, regulation=regulation))
        pos = max(group.end, start + 1)


def _fast(
    text: str, start: int, name_start: int, instrument: tuple[str, str] | None, scan: Scan
) -> CitationMatch | None:
    """The match :func:`.fast.read_simple` reads at *start*, its instrument resolved as
    :func:`.resolve.resolve_group` would; None when the full reader must read it."""
    regulation = scan.regulation
    found: str | None = None
    kind: Kind = "absolute"
    if instrument is not None:
        what, name = instrument
        found = scan.that(name) if what == "that" else scan.title_of(name)
        if found is None:
            return None
        own = regulation is not None and found == citation_title(regulation.title)
        kind = "internal" if own else "external"
    title = found if kind == "external" else None
    read = read_simple(text, start, scan.simple, title)
    if read is None:
        return None
    end, value = read
    if found is not None:
        scan.saw(found)
    if kind != "external":
        last = value.items[-1]
        last = last.end if isinstance(last, CitationRange) else last
        if last.paragraph is not None:
            scan.hint = last
    span = text[name_start:end]
    return CitationMatch(name_start, end, span, kind, value, regulation=regulation)


def find_citations(
    text: str,
    *,
    regulation: Regulation | None = None,
    at: Citation | None = None,
    names: Mapping[str, str] | None = None,
) -> tuple[CitationMatch, ...]:
    """Find every citation in free text, leniently, with its span in the text.

    What does not read as a citation is skipped, never raised: no text makes it fail, and its
    cost grows with the length of the text alone (ranges are kept as ranges).  Each match says
    what kind of citation it is (``absolute``, ``internal``, ``relative``, ``external`` or
    ``unresolvable`` for law cited without a pinpoint, such as 有关法律、法规) and what it points
    to: ``value`` as read (ranges kept, the list's conjunction kept), ``citations`` the single
    units, a range expanded only when asked and only as far as the regulation goes.

    Instruments are named by their full titles: a law named without 《》 (``民事诉讼法第五十九条``,
    ``属于刑法第二百六十四条``) or by a short name in 《》 (《刑法》) is the national law of that
    name (:func:`full_title`); a short name the text gives itself (``（以下简称《解释》）``) or
    the caller passes in *names* is that instrument; 该法, 同法, 上述法律 are the instrument named
    most recently before them (``unresolvable`` when none was).  该条/同条 and 该款/同款 before a
    款 or 项 are the article or 款 of the citation right before them.

    Args:
        text: the text to search.
        regulation: the regulation the text belongs to.  With it, 本章 and 前条 resolve through
            it, its own title (and short name: 刑法 in 中华人民共和国刑法) counts as internal,
            ranges expand to the units that exist, and a 项 gets back the 款 it is cited without.
        at: the citation of the place the text stands (the 款 or 项 it is part of); relative
            forms (本条, 前款, 第二款 alone) resolve against it, and are left unresolved without
            it.
        names: more short names, each mapped to the full title it stands for
            (``{"数字化转型条例": "无锡市数字化转型促进条例"}``).

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
    >>> [(m.text, m.kind, str(m.citations[0])) for m in find_citations("属于刑法第二百六十四条规定的")]
    [('刑法第二百六十四条', 'external', '《中华人民共和国刑法》第二百六十四条')]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return tuple(scan_text(text, at, Scan(regulation, names)))


# --------------------------------------------------------------------------- a regulation's own


def _checked(value: CitationList | None) -> list[Citation]:
    if value is None:
        return []
    out: list[Citation] = []
    for item in value.items:
        out.extend((item.start, item.end) if isinstance(item, CitationRange) else (item,))
    return out


def _ambiguous(regulation: Regulation, target: Citation) -> bool:
    """A 项 cited without its 款 where more than one 款 of its article has such a 项 (and, for
    a 目, such a 项 holding that 目)."""
    if target.item is None or target.paragraph is not None or target.article is None:
        return False
    article = regulation.get_article((target.article, target.suffix))
    return article is not None and len(holders(article, target.item, target.subitem)) > 1


def references(regulation: Regulation) -> tuple[Reference, ...]:
    """Every reference in the text of the regulation's 款, 项 and 目, in document order, with
    where it stands and whether its targets exist (dangling references are reported, not raised;
    a 项 that more than one 款 could hold is reported ``ambiguous``).

    Free text outside articles (a decision's 一、二、 paragraphs, appendices) stands nowhere
    citable and is not read; the short names the text gives itself (（以下简称…）) count
    everywhere in it, and 该法 points to the instrument named before it in the same article.

    In an amending instrument (关于修改《…》的决定, a 修正案), the articles an instruction names
    (将第五条修改为) and those of the quoted wording are the amended law's: they are
    ``external`` references to it (``unresolvable`` when the title names several instruments or
    none), and a relative reference inside quoted wording (前款) is ``unresolvable``; what the
    instrument says of itself (本决定第二条, 本条) stays its own.

    >>> from wuxi_dt_regulation import load
    >>> [(str(r.at), r.match.text, r.match.kind) for r in references(load())][:2]
    [('第一条第一款', '有关法律、法规', 'unresolvable'), ('第三十六条第一款', '国家和省有关规定', 'unresolvable')]
    """
    scan = own_scan(regulation)
    out: list[Reference] = []
    amended = amended_instruments(regulation.title)
    attribution = None if amended is None else Attribution(regulation.title, amended)

    def check(text: str, at: Citation) -> None:
        if attribution is not None:
            attribution.line(text)
        for match in scan_text(text, at, scan):
            if attribution is not None:
                match = attribution.read(match)
            missing: list[Citation] = []
            ambiguous: list[Citation] = []
            if match.kind in ("absolute", "internal", "relative"):
                for target in _checked(match.value):
                    if target.level == "instrument":
                        continue  # the regulation itself
                    try:
                        resolve(regulation, target)
                    except NotFoundError:
                        if _ambiguous(regulation, target):
                            ambiguous.append(target)
                        else:
                            missing.append(target)
            checkable = True
            if match.kind == "relative" and match.value is None:
                this = match.text[1:3] if match.text[1:3] == "分编" else match.text[1:2]
                level = UNIT_LEVEL.get(this) if match.text[:1] == "本" else None
                views = {"part": regulation.parts, "subpart": regulation.subparts,
                         "chapter": regulation.chapters, "section": regulation.sections}  # fmt: skip
                checkable = level not in views or bool(views[level])
            out.append(Reference(at, match, tuple(missing), checkable, tuple(ambiguous)))

    for article in regulation.articles:
        scan.named.clear()  # 该法 looks back inside its article only
        if attribution is not None:
            attribution.restart()
        for paragraph in article.paragraphs:
            _scan_paragraph(paragraph, check)
    return tuple(out)


def own_scan(regulation: Regulation) -> Scan:
    """A scan of *regulation*'s own texts, one after another: it knows the short names the
    regulation gives anywhere, and the structure it reads once serves every text (clear
    ``named`` at each article: 该法 looks back inside its article only)."""
    return Scan(regulation, _own_aliases(regulation))


def _own_aliases(regulation: Regulation) -> dict[str, str]:
    """The short names a regulation gives the instruments it names, wherever it does."""
    found = aliases(regulation.preamble_text)
    for article in regulation.articles:
        for paragraph in article.paragraphs:
            found.update(aliases(paragraph.full_text))
    return found


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
