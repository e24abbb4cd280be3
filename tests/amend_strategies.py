"""Pairs of versions for the decision round trip (``RegulationDiff.to_amendment``).

:mod:`tests.diff_strategies` makes edit scripts whose every edit a diff can tell apart (fresh
text, bounded edits).  The decision writer must hold for *any* two versions, whatever the diff
aligned, so the scripts here are rougher: texts from a handful of characters (the same words
recur, so that changed words must be named with context to occur once), quoted terms (“数据”),
duplicated articles, several small edits in one line; and every structural change a decision
writes: articles inserted, deleted, moved (across chapters, or out of order in one), split and
merged; chapters and sections inserted, deleted and retitled; a 节 added around articles that
stay; the title changed.  The new version is numbered in sequence, as a text republished with
条文顺序作相应调整 is.

:func:`kept_pairs` makes the other kind: a text amended without renumbering (a 修正案), where
deleted articles stay as ``第X条 （删去）`` and new ones are numbered 之一, 之二 after the article
they follow.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from wuxi_dt_regulation import Article, Chapter, Item, Paragraph, Regulation, Section

#: Few characters, so that words recur; no character that opens a unit marker.
SMALL = "数据部门应当依法管理"
ENDS = "。；"


@st.composite
def line(draw: st.DrawFn, min_size: int = 2, max_size: int = 14) -> str:
    """A line of text from :data:`SMALL`, sometimes with a quoted term, ending in 。 or ；."""
    body = draw(st.text(SMALL, min_size=min_size, max_size=max_size))
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(body)))
        term = draw(st.text(SMALL, min_size=1, max_size=3))
        body = f"{body[:at]}“{term}”{body[at:]}"
    return body + draw(st.sampled_from(ENDS))


@st.composite
def paragraph(draw: st.DrawFn) -> Paragraph:
    count = draw(st.integers(0, 2))
    items = tuple(Item(n, draw(line())) for n in range(1, count + 1))
    intro = draw(line())
    return Paragraph(1, intro[:-1] + "：" if items else intro, items)


@st.composite
def article(draw: st.DrawFn) -> list[Paragraph]:
    return [draw(paragraph()) for _ in range(draw(st.integers(1, 3)))]


@attrs.define
class Box:
    """A chapter or section being edited: its title, its articles (lists of 款), its sections."""

    title: str
    articles: list[list[Paragraph]]
    sections: list[Box] = attrs.Factory(list)


def _number(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(
        attrs.evolve(
            p, number=n, items=tuple(attrs.evolve(i, number=k) for k, i in enumerate(p.items, 1))
        )
        for n, p in enumerate(paragraphs, 1)
    )


def build(title: str, chapters: list[Box] | None, flat: list[list[Paragraph]]) -> Regulation:
    """The regulation, articles numbered in sequence, chapters in sequence, 节 per chapter."""
    counter = iter(range(1, 10_000))

    def arts(protos: list[list[Paragraph]]) -> list[Article]:
        return [Article(next(counter), 0, _number(p)) for p in protos]

    if chapters is None:
        return Regulation(title, body=tuple(arts(flat)))
    body = []
    for c_number, chapter in enumerate(chapters, 1):
        children: list[Article | Section] = list(arts(chapter.articles))
        for s_number, section in enumerate(chapter.sections, 1):
            children.append(Section(s_number, section.title, tuple(arts(section.articles))))
        body.append(Chapter(c_number, chapter.title, tuple(children)))
    return Regulation(title, body=tuple(body))


def _containers(chapters: list[Box]) -> list[Box]:
    out = []
    for chapter in chapters:
        if not chapter.sections or chapter.articles:
            out.append(chapter)
        out.extend(chapter.sections)
    return out


def _mutate_line(draw: st.DrawFn, text: str) -> str:
    """Up to three small edits, or a new line."""
    if draw(st.integers(0, 5)) == 0:
        return draw(line())
    end = text[-1] if text[-1] in ENDS + "：" else ""
    body = text[: len(text) - len(end)]
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(body)))
        cut = draw(st.integers(0, min(2, len(body) - at)))
        words = draw(st.text(SMALL, min_size=0 if cut else 1, max_size=2))
        body = body[:at] + words + body[at + cut :]
    if body.count("“") != body.count("”") or body.find("”") < body.find("“"):
        body = body.replace("“", "").replace("”", "")  # an edit cut a quoted term in two
    return (body or "数") + end


def _modify(draw: st.DrawFn, paragraphs: list[Paragraph]) -> list[Paragraph]:
    paragraphs = list(paragraphs)
    kind = draw(st.sampled_from(["line", "line", "add", "remove", "item+", "item-", "item"]))
    k = draw(st.integers(0, len(paragraphs) - 1))
    p = paragraphs[k]
    if kind == "add":
        paragraphs.insert(draw(st.integers(0, len(paragraphs))), draw(paragraph()))
    elif kind == "remove" and len(paragraphs) > 1:
        del paragraphs[k]
    elif kind == "item+":
        at = draw(st.integers(0, len(p.items)))
        items = [*p.items[:at], Item(1, draw(line())), *p.items[at:]]
        text = p.text if p.text.endswith("：") else p.text[:-1] + "："
        paragraphs[k] = attrs.evolve(p, text=text, items=tuple(items))
    elif kind == "item-" and p.items:
        at = draw(st.integers(0, len(p.items) - 1))
        paragraphs[k] = attrs.evolve(p, items=p.items[:at] + p.items[at + 1 :])
    elif kind == "item" and p.items:
        at = draw(st.integers(0, len(p.items) - 1))
        items = list(p.items)
        items[at] = attrs.evolve(items[at], text=_mutate_line(draw, items[at].text))
        paragraphs[k] = attrs.evolve(p, items=tuple(items))
    else:
        paragraphs[k] = attrs.evolve(p, text=_mutate_line(draw, p.text))
    return paragraphs


@st.composite
def version_pairs(draw: st.DrawFn) -> tuple[Regulation, Regulation, list[str]]:
    """An old regulation, a new one made from it by a rough edit script, and the script."""
    title = draw(st.text(SMALL, min_size=2, max_size=6)) + "条例"
    flat_text = draw(st.integers(0, 4)) == 0
    chapters: list[Box] = []
    flat: list[list[Paragraph]] = []
    if flat_text:
        flat = [draw(article()) for _ in range(draw(st.integers(1, 6)))]
    else:
        for _ in range(draw(st.integers(1, 4))):
            chapter = Box(draw(st.text(SMALL, min_size=1, max_size=4)), [])
            if draw(st.integers(0, 2)) == 0:
                chapter.articles = [draw(article()) for _ in range(draw(st.integers(0, 1)))]
                for _ in range(draw(st.integers(1, 3))):
                    articles = [draw(article()) for _ in range(draw(st.integers(1, 3)))]
                    chapter.sections.append(
                        Box(draw(st.text(SMALL, min_size=1, max_size=4)), articles)
                    )
            else:
                chapter.articles = [draw(article()) for _ in range(draw(st.integers(1, 4)))]
            chapters.append(chapter)
    old = build(title, None if flat_text else chapters, flat)
    script: list[str] = []

    def lists() -> list[list[list[Paragraph]]]:
        return [flat] if flat_text else [c.articles for c in _containers(chapters)] or [[]]

    def pick() -> tuple[list[list[Paragraph]], int] | None:
        full = [ls for ls in lists() if ls]
        if not full:
            return None
        chosen = draw(st.sampled_from(full))
        return chosen, draw(st.integers(0, len(chosen) - 1))

    for _ in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(
            ["modify", "modify", "modify", "insert", "delete", "move", "split", "merge", "copy"]
            + ([] if flat_text else ["chapter+", "chapter-", "section+", "section-", "retitle"])
        ))  # fmt: skip
        found = pick()
        if kind == "modify" and found:
            ls, k = found
            ls[k] = _modify(draw, ls[k])
        elif kind in ("insert", "copy"):
            target = draw(st.sampled_from(lists()))
            made = draw(article())
            if kind == "copy" and found:
                made = list(found[0][found[1]])  # a duplicate of another article
            target.insert(draw(st.integers(0, len(target))), made)
        elif kind == "delete" and found:
            ls, k = found
            del ls[k]
        elif kind == "move" and found:
            ls, k = found
            moved = ls.pop(k)
            target = draw(st.sampled_from(lists()))
            target.insert(draw(st.integers(0, len(target))), moved)
        elif kind == "split" and found and len(found[0][found[1]]) > 1:
            ls, k = found
            cut = draw(st.integers(1, len(ls[k]) - 1))
            ls[k : k + 1] = [ls[k][:cut], ls[k][cut:]]
        elif kind == "merge" and found and found[1] + 1 < len(found[0]):
            ls, k = found
            ls[k : k + 2] = [ls[k] + ls[k + 1]]
        elif kind == "chapter+":
            chapter = Box(draw(st.text(SMALL, min_size=1, max_size=4)), [draw(article())])
            if draw(st.booleans()):
                chapter.sections.append(
                    Box(draw(st.text(SMALL, min_size=1, max_size=4)), [draw(article())])
                )
            chapters.insert(draw(st.integers(0, len(chapters))), chapter)
        elif kind == "chapter-" and len(chapters) > 1:
            gone = chapters.pop(draw(st.integers(0, len(chapters) - 1)))
            if draw(st.booleans()):  # its articles join the chapter before or after
                keep = [a for box in [gone, *gone.sections] for a in box.articles]
                chapters[0].articles[:0] = keep if not chapters[0].sections else []
        elif kind == "section+":
            plain = [c for c in chapters if not c.sections and c.articles]
            if plain:
                chapter = draw(st.sampled_from(plain))
                at = draw(st.integers(0, len(chapter.articles) - 1))
                wrapped, chapter.articles = chapter.articles[at:], chapter.articles[:at]
                chapter.sections.append(Box(draw(st.text(SMALL, min_size=1, max_size=4)), wrapped))
        elif kind == "section-":
            sectioned = [c for c in chapters if c.sections]
            if sectioned:
                chapter = draw(st.sampled_from(sectioned))
                chapter.sections.pop(draw(st.integers(0, len(chapter.sections) - 1)))
        elif kind == "retitle" and chapters:
            box = draw(st.sampled_from(chapters + [s for c in chapters for s in c.sections]))
            box.title = draw(st.text(SMALL, min_size=1, max_size=4))
        else:
            continue
        script.append(kind)
    if draw(st.integers(0, 5)) == 0:
        title = draw(st.text(SMALL, min_size=2, max_size=6)) + "规定"
        script.append("title")
    new = build(title, None if flat_text else chapters, flat)
    if not new.articles:  # deleting every article is a repeal (废止), not an amendment
        new = build(title, None, [draw(article())])
        script.append("one left")
    return old, new, script


@st.composite
def kept_pairs(draw: st.DrawFn) -> tuple[Regulation, Regulation]:
    """A text amended without renumbering: words and 款 edited, articles deleted as
    ``（删去）``, articles inserted as 之N after the one they follow, chapters retitled."""
    title = draw(st.text(SMALL, min_size=2, max_size=6)) + "法"
    count = draw(st.integers(1, 6))
    protos = [draw(article()) for _ in range(count)]
    split = draw(st.integers(0, count))
    olds = [Article(n, 0, _number(p)) for n, p in enumerate(protos, 1)]
    news: list[Article] = []
    for old in olds:
        kind = draw(st.sampled_from(["keep", "keep", "modify", "delete", "after"]))
        if kind == "modify":
            news.append(Article(old.number, 0, _number(_modify(draw, list(old.paragraphs)))))
        elif kind == "delete":
            news.append(Article(old.number, 0, (Paragraph(1, "（删去）"),)))
        else:
            news.append(old)
        if kind == "after":
            for suffix in range(1, draw(st.integers(1, 2)) + 1):
                news.append(Article(old.number, suffix, _number(draw(article()))))

    def body(articles: list[Article], titles: tuple[str, str]) -> tuple[Chapter, ...]:
        cut = next((k for k, a in enumerate(articles) if a.number > split), len(articles))
        first, second = tuple(articles[:cut]), tuple(articles[cut:])
        return tuple(
            Chapter(n, t, arts)
            for n, (t, arts) in enumerate(zip(titles, (first, second), strict=True), 1)
        )

    titles = ("总则", "附则")
    new_titles = (draw(st.sampled_from(["总则", "总 则"])), "附则")
    return Regulation(title, body=body(olds, titles)), Regulation(
        title, body=body(news, new_titles)
    )


# --------------------------------------------------------------------------- Amendment values

from wuxi_dt_regulation import Amendment, Citation, Event  # noqa: E402
from wuxi_dt_regulation.amendments import (  # noqa: E402
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertHeading,
    InsertWords,
    Move,
    Note,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)

#: The schema definition of each class an Amendment holds (tests/test_serialize.py checks them).
AMENDMENT_DEFS: dict[str, type] = {
    "amendment": Amendment,
    "span": Span,
    "target": Target,
    "wording": Wording,
    "replace": Replace,
    "replace-words": ReplaceWords,
    "delete-words": DeleteWords,
    "insert-words": InsertWords,
    "insert": Insert,
    "insert-heading": InsertHeading,
    "delete": Delete,
    "renumber": Renumber,
    "move": Move,
    "retitle": Retitle,
    "note": Note,
    "commence": Commence,
    "renumbering": Renumbering,
}

_N = st.integers(1, 300)
_WORDS = st.text(SMALL + "“”《》，。", min_size=1, max_size=8).map(str.strip).filter(bool)


#: (first, last) sentences of a 自然段: 第二句, 第一句至第三句, 后两句, 最后一句
_SENTENCES = st.one_of(
    st.tuples(st.integers(1, 6), st.integers(0, 3)).map(lambda p: (p[0], p[0] + p[1])),
    st.integers(1, 3).map(lambda n: (-n, -1)),
)


@st.composite
def targets(draw: st.DrawFn, level: str = "any") -> Target:
    """A target: a unit (article, 款, 项, 目, or a 章/节 heading), or a scope."""
    kind = (
        level
        if level != "any"
        else draw(st.sampled_from(["article", "paragraph", "item", "heading", "scope"]))
    )
    new = draw(st.booleans())
    if kind == "heading":
        chapter = draw(_N)
        section = draw(st.none() | _N)
        return Target(Citation(chapter=chapter, section=section), new=new)
    if kind == "scope":
        scope: Any = draw(st.sampled_from(["title", "preamble", "introduction", "document"]))
        number = draw(st.none() | _N) if scope in ("preamble", "document") else None
        sentences = draw(st.none() | _SENTENCES) if scope == "preamble" else None
        return Target(scope=scope, number=number, sentences=sentences, new=new)
    paragraph = draw(st.none() | _N) if kind != "article" else None
    item = draw(_N) if kind == "item" else None
    subitem = draw(st.none() | _N) if item else None
    suffix = draw(st.sampled_from([0, 0, 1, 2]))
    return Target(
        Citation(article=draw(_N), suffix=suffix, paragraph=paragraph, item=item, subitem=subitem),
        new=new,
    )


@st.composite
def spans(draw: st.DrawFn) -> Span:
    return Span(draw(_N), draw(_N), draw(st.text(SMALL + "“”：\n", max_size=20)))


@st.composite
def wordings(draw: st.DrawFn) -> Wording:
    return Wording(tuple(draw(st.lists(_WORDS, min_size=1, max_size=3))))


@st.composite
def operations(draw: st.DrawFn) -> Any:
    """One operation of any kind, with its span and (or not) its instrument."""
    many = st.lists(targets(), min_size=1, max_size=2).map(tuple)
    extra: dict[str, Any] = {
        "span": draw(spans()),
        "instrument": draw(st.none() | st.just("中华人民共和国示例法")),
    }
    kind = draw(st.sampled_from(range(11)))
    if kind == 0:
        return Replace(
            draw(many), draw(wordings()), tuple(draw(st.lists(_WORDS, max_size=2))), **extra
        )
    if kind == 1:
        return ReplaceWords(
            draw(many), tuple(draw(st.lists(_WORDS, min_size=1, max_size=2))), draw(_WORDS), **extra
        )
    if kind == 2:
        return DeleteWords(
            draw(many), tuple(draw(st.lists(_WORDS, min_size=1, max_size=2))), **extra
        )
    if kind == 3:
        position: Any = draw(st.sampled_from(["after", "before", "end", "start"]))
        anchor = draw(_WORDS) if position in ("after", "before") else ""
        return InsertWords(draw(many), anchor, draw(_WORDS), position, **extra)
    if kind == 4:
        unit: Any = draw(st.sampled_from(["", "article", "paragraph", "item", "subitem"]))
        after = draw(st.none() | targets("article"))
        within = draw(st.none() | targets("heading"))
        return Insert(draw(targets("article")), draw(wordings()), after, unit, within, **extra)
    if kind == 5:
        holds = tuple(draw(st.lists(targets("article"), max_size=2)))
        return InsertHeading(draw(targets("heading")), draw(_WORDS), holds, **extra)
    if kind == 6:
        return Delete(draw(many), **extra)
    if kind == 7:
        return Renumber(draw(targets()), draw(targets()), **extra)
    if kind == 8:
        return Move(
            draw(targets("article")), draw(targets("heading")), draw(targets("article")), **extra
        )
    if kind == 9:
        return Retitle(draw(targets()), draw(_WORDS), **extra)
    return Note(
        draw(
            st.sampled_from(
                ["charge", "inapplicable", "interpretation", "annex", "commencement", "other"]
            )
        ),
        **extra,
    )


@st.composite
def amendment_values(draw: st.DrawFn) -> Amendment:
    """An Amendment built directly: every kind of operation and clause, any target."""
    clauses: list[Any] = []
    for _ in range(draw(st.integers(0, 2))):
        extra: dict[str, Any] = {
            "span": draw(spans()),
            "instrument": draw(st.none() | st.just("中华人民共和国示例法")),
        }
        if draw(st.booleans()):
            clauses.append(Commence(draw(st.none() | st.dates()), **extra))
        else:
            clauses.append(Renumbering(draw(st.booleans()), **extra))
    return Amendment(
        draw(_WORDS.map(lambda t: t.replace("\n", ""))),
        tuple(
            draw(
                st.lists(
                    st.sampled_from(["中华人民共和国示例法", "示例条例"]), max_size=2, unique=True
                )
            )
        ),
        tuple(
            Event(f"{d.year}年{d.month}月{d.day}日示例会议通过")
            for d in draw(st.lists(st.dates(), max_size=2))
        ),
        tuple(draw(st.lists(operations(), max_size=6))),
        tuple(clauses),
    )
