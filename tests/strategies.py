"""Hypothesis strategies that build whole regulations by construction.

Everything generated is canonical: what :func:`wuxi_dt_regulation.render` writes and
:func:`wuxi_dt_regulation.parse` reads back to an equal value.  Texts come from an alphabet that
cannot begin a structural marker (no 第, （, digits, #, 附 at the start of a line), so a paragraph
never reads back as something else; quotation marks come in pairs, so that no text leaves a
quotation open by accident.  The layouts of real texts are all here: 项 and 目 that run over
several paragraphs (the list resumes after them), lists numbered 1． under an introduction
ending in ：, and 款 of an amending instrument that quote new wording over several paragraphs
(with marks on every paragraph, on the first only, or none), whose quoted lines may look like
articles, sections or items.

Also here: :func:`lawrefbook_source`, which writes a regulation in the other dialect with odd but
legal spacing.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
)
from wuxi_dt_regulation._model.flow import CLOSED, fresh
from wuxi_dt_regulation._model.structure import Node

from .lawrefbook_strategies import SEPARATORS as SEPARATORS
from .lawrefbook_strategies import lawrefbook_source as lawrefbook_source
from .lawrefbook_strategies import pick

# Characters a line may start with, and the rest.  No 第 （ ( digits # - * < 附 at the start.
HEAD = "为了本市人民政府应当鉴于数据主管部门和企业鼓励支持县级区公共服务信息安全"
BODY = HEAD + "第条款项之一二三四五六七八九十（）《》，。；、：0123456789 　"
TITLE_CHARS = "数字化转型促进条例无锡市经济生活治理生态附则总分保障措施法律责任"

ACTIONS = ("通过", "批准", "修正", "修订", "公布", "施行")
#: What real texts hold besides Chinese prose (an odd fragment now and then, never at the start
#: of a line): ASCII letters, Markdown's and HTML's special characters, half-width parentheses.
ODD = ("API", "5G", "GB/T 22239", "#", "a|b", "|", "<", "<b>", "\\", "C\\D", "(注)", "(2)", "e.g.")


@st.composite
def text(draw: st.DrawFn, min_size: int = 1, max_size: int = 30) -> str:
    """One line of prose: never empty, never padded, never read as a marker."""
    first = draw(st.sampled_from(HEAD))
    rest = draw(st.text(alphabet=BODY, min_size=min_size - 1, max_size=max_size - 1))
    if rest and draw(st.integers(0, 4)) == 0:  # a quoted word: “数据”
        a, b = sorted(draw(st.integers(0, len(rest))) for _ in range(2))
        rest = f"{rest[:a]}“{rest[a:b]}”{rest[b:]}"
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(rest)))
        rest = rest[:at] + draw(st.sampled_from(ODD)) + rest[at:]
    line = (first + rest).rstrip(" 　")
    # "： （一）" would be split as an inline item; keep such pairs apart.
    for colon in "：:":
        line = line.replace(colon + "（", colon + "x（").replace(colon + "(", colon + "x(")
        line = line.replace(colon + " ", colon).replace(colon + "　", colon)
    return line


def titles(max_size: int = 20) -> st.SearchStrategy[str]:
    """A heading title: short or long, may hold one typographic space (总 则); may be empty."""
    word = st.text(alphabet=TITLE_CHARS, min_size=1, max_size=max_size)
    spaced = st.tuples(word, word).map(lambda p: f"{p[0]} {p[1]}")
    return st.one_of(st.just(""), word, spaced)


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(st.dates(datetime.date(1979, 1, 1), datetime.date(2030, 12, 31)))
    sep = pick(draw, ["", " "])
    body = draw(st.text(alphabet=TITLE_CHARS, min_size=1, max_size=15))
    action = pick(draw, ACTIONS)
    if draw(st.integers(0, 5)) == 0:  # undated: 根据…决定修正
        return Event(f"根据{body}{action}")
    return Event(f"{day.year}年{day.month}月{day.day}日{sep}{body}会议{action}")


def _unquoted(line: str) -> bool:
    return "“" not in line


def _opens_no_quotation(line: str) -> bool:
    return fresh(line) is CLOSED


def _further(draw: st.DrawFn, allowed: bool) -> tuple[str, ...]:
    """A unit's further paragraphs, now and then, where the list resumes after the unit.

    They are read outside any quotation (the generated 项 and 目 open none), so none of them
    opens one: a line that opens a quotation there (``第五条 修改为：``, a lone “) is an
    amending instruction, a 款 of its own, and the model refuses it as a further paragraph
    (the reading rules of ``_model/flow.py``).  Inside a quotation such lines are text: see
    :func:`quoting`."""
    if not allowed or draw(st.integers(0, 3)) != 0:
        return ()
    line = st.one_of(text(), marker_text()).filter(_opens_no_quotation)
    return tuple(draw(st.lists(line, min_size=1, max_size=2)))


#: Texts that look like markers (escaped where they are printed as a line of their own).
MARKER_LIKE = ["第五条 修改", "第二节 一般规定", "（一）甲", "1．乙", "（1）丙", "附件一", "二、丁",
               "第三章 总则", "<!-- TABLE -->", "## 标题", "\\转义"]  # fmt: skip


def marker_text() -> st.SearchStrategy[str]:
    """A text that would read as a unit if printed bare: a quoted article, a 项 …"""
    return st.tuples(st.sampled_from(MARKER_LIKE), text(max_size=6)).map(lambda p: p[0] + p[1])


@st.composite
def subitems(
    draw: st.DrawFn, depth: int = 1, further: bool = False, paren: bool = False
) -> tuple[SubItem, ...]:
    """目 (and, at *depth* 2, the fourth level); *further*: they may run over several
    paragraphs (the 项 after theirs follows); *paren*: 目 of a 项 numbered 1． nest no deeper."""
    count = pick(draw, (0, 0, 0, 1, 2, 3) if depth == 1 else (0, 0, 1, 2))
    out = []
    for n in range(1, count + 1):
        nested = draw(subitems(depth + 1, further)) if depth == 1 and not paren else ()
        out.append(SubItem(n, draw(text()), nested, _further(draw, further)))
    return tuple(out)


@st.composite
def items(draw: st.DrawFn, arabic: bool = False) -> tuple[Item, ...]:
    """A list of 项; each but the last may run over several paragraphs (its 目 too), and now
    and then one quotes new wording over several paragraphs (:func:`quoting`)."""
    count = draw(st.integers(0, 4))
    out = []
    for n in range(1, count + 1):
        resumes = n < count
        if draw(st.integers(0, 11)) == 0:  # 修改决定: a 项 that quotes new wording
            lead, quoted, bare = draw(quoting())
            if resumes or not bare:  # a bare quotation ends at the next 项 only
                out.append(Item(n, lead, (), quoted, arabic))
                continue
        subs = draw(subitems(further=resumes, paren=arabic))
        out.append(Item(n, draw(text()), subs, _further(draw, resumes), arabic))
    return tuple(out)


@st.composite
def quoting(draw: st.DrawFn) -> tuple[str, tuple[str, ...], bool]:
    """An instruction of an amending instrument that quotes new wording over several
    paragraphs: its text, its further paragraphs, and whether the quotation stays open (a bare
    quotation, with no marks: nothing may follow it in its article)."""
    lead = draw(text(max_size=8)) + "修改为："
    quoted = draw(st.lists(st.one_of(text(), marker_text()), min_size=2, max_size=4))
    style = pick(draw, ["every", "first", "bare"])
    if style == "every":  # 修正案: each paragraph opens with “, the last closes
        lines = [f"{lead}“{quoted[0]}", *(f"“{q}" for q in quoted[1:])]
        lines[-1] += "”"
    elif style == "first":  # judicial interpretations: “ on the first line only
        lines = [lead, f"“{quoted[0]}", *quoted[1:]]
        lines[-1] += "”"
    else:
        lines = [lead, *quoted]
    return lines[0], tuple(lines[1:]), style == "bare"


@st.composite
def paragraphs(draw: st.DrawFn, min_size: int = 1, max_size: int = 4) -> tuple[Paragraph, ...]:
    count = draw(st.integers(min_size, max_size))
    out = []
    for n in range(1, count + 1):
        brk = pick(draw, (True, False)) if draw(st.integers(0, 9)) == 0 else False
        layout = draw(st.integers(0, 9))
        if layout == 0:  # quoted wording; a bare quotation runs to the end of the article
            intro, further, bare = draw(quoting())
            out.append(Paragraph(n, intro, (), brk, further))
            if bare:
                break
            continue
        if layout in (2, 3) and n == 1:  # 项 of one line each under an introduction ending in ：
            count = draw(st.integers(2, 4))
            simple = [
                Item(k, draw(text(max_size=10).filter(_unquoted))) for k in range(1, count + 1)
            ]
            out.append(Paragraph(n, draw(text()).rstrip("：") + "：", tuple(simple), brk))
            continue
        if layout == 1:  # a list numbered 1． under an introduction ending in ：
            its = draw(items(arabic=True))
            out.append(Paragraph(n, draw(text()).rstrip("：") + "：", its, brk))
            continue
        its = draw(items())
        intro = draw(text()) if n > 1 or not its else draw(st.one_of(st.just(""), text()))
        out.append(Paragraph(n, intro, its, brk))
    return tuple(out)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    rows = draw(st.lists(st.tuples(text(max_size=6), text(max_size=6)), min_size=1, max_size=3))
    lines = ["| 名称 | 内容 |", "|-----|-----|", *(f"| {a} | {b} |" for a, b in rows)]
    return Table(tuple(lines))


def _free_blocks(draw: st.DrawFn, max_size: int = 3) -> list[Paragraph | Table]:
    """Free text: paragraphs numbered by position, an occasional table."""
    out: list[Paragraph | Table] = []
    number = 0
    for _ in range(draw(st.integers(0, max_size))):
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(tables()))
            continue
        number += 1
        out.append(Paragraph(number, draw(text()), draw(items()) if number == 1 else ()))
    return out


class _Counter:
    """Hands out article numbers: consecutive, with an occasional 之N insert (之二 after 之一
    too) and, now and then, a number skipped (a truncated or repealed text: the parser warns
    ``skipped-number`` and reads the value all the same)."""

    def __init__(self, start: int) -> None:
        self.number = start - 1
        self.suffix = 0
        # the last article ends in a bare quotation (no marks): in the LawRefBook dialect only
        # the next article in sequence ends it (``第N条 …`` on one line), so no gap follows it
        self.quoting = False

    def next(self, draw: st.DrawFn) -> tuple[int, int]:
        roll = draw(st.integers(0, 23))
        if self.number >= 1 and roll < 3:
            self.suffix += 1
        else:
            self.number += 2 if self.number >= 1 and roll == 3 and not self.quoting else 1
            self.suffix = 0
        return self.number, self.suffix


#: Where the article numbers start: 第一条 mostly; 第一百零一条 and 第一千零一条 hold 零, the
#: last ones pass 一千 (刑法 ends at 第四百五十二条, 民法典 at 第一千二百六十条).
STARTS = (1, 1, 1, 1, 101, 463, 998, 1001, 1259)


def _articles(draw: st.DrawFn, counter: _Counter, min_size: int, max_size: int) -> list[Article]:
    out = []
    for _ in range(draw(st.integers(min_size, max_size))):
        number, suffix = counter.next(draw)
        its = draw(paragraphs(min_size=0 if draw(st.integers(0, 19)) == 0 else 1))
        out.append(Article(number, suffix, its))
        last = its[-1] if its else Paragraph(1, "甲")
        first = last.continuation[0] if last.continuation else "“"
        counter.quoting = last.text.endswith("修改为：") and not first.startswith("“")
    return out


def _lead(draw: st.DrawFn) -> list[Paragraph | Table]:
    """Now and then, text right under a heading (章, 节, 编) before its first unit: the parser
    warns ``stray-text`` and keeps it there."""
    lead = draw(st.integers(0, 11))
    if lead == 5:
        return [draw(tables())]
    return _free_blocks(draw, 2) if lead in (3, 7) else []


def _chapters(draw: st.DrawFn, counter: _Counter, first: int, count: int) -> list[Chapter]:
    """Chapters of articles, of sections, or of both (articles first: an article after a 节
    would read back inside it); the first one holds an article, so that few regulations have
    none."""
    chapters = []
    for number in range(first, first + count):
        children: list[Section | Article | Paragraph | Table] = [*_lead(draw)]
        layout = draw(st.integers(0, 7))
        if layout >= 2:
            children += _articles(draw, counter, 1 if number == first else 0, 4)
        else:
            if layout == 1:  # a chapter mixing articles and sections
                children += _articles(draw, counter, 1, 2)
            for n in range(1, draw(st.integers(1, 3)) + 1):
                lead = _lead(draw)
                section = (*lead, *_articles(draw, counter, 1, 3))
                children.append(Section(n, draw(titles()), section))
        chapters.append(Chapter(number, draw(titles()), tuple(children)))
    return chapters


#: The shapes of a body, by weight.
SHAPES = ("chapters",) * 9 + ("flat",) * 6 + ("free",) + ("parts",) * 8


@st.composite
def regulations(draw: st.DrawFn, max_chapters: int = 5) -> Regulation:
    """A whole canonical regulation: any shape the parser can meet, built by construction."""
    counter = _Counter(pick(draw, STARTS))
    # one in twelve has no article: a decision, a case, a notice (free text under headings)
    # one in 24 has no article: a decision, a case, a notice (free text under headings).
    # (an integer, not sampled_from: hypothesis draws the first of a list far more often)
    shape = SHAPES[draw(st.integers(0, len(SHAPES) - 1))]
    body: list[Node] = []
    toc: tuple[str, ...] = ()
    if shape == "flat":
        body.extend(_articles(draw, counter, 1, 6))
    elif shape == "chapters":
        chapters = _chapters(draw, counter, 1, draw(st.integers(1, max_chapters)))
        body.extend(chapters)
        if len(chapters) >= 2 and draw(st.integers(0, 4)) == 2:
            toc = tuple(f"{c.label} {c.title}".rstrip() for c in chapters)
    elif shape == "parts":
        # chapter numbers restart in each 编 (民法典) or run on; the last 编 may hold 分编
        restart, subdivided = pick(draw, [True, False]), pick(draw, [True, False])
        next_chapter = 1
        parts = pick(draw, (1, 2, 2, 3))
        for number in range(1, parts + 1):
            if subdivided and number == parts:
                # 分编 inside the 编 (民法典): chapter numbers run on across them
                subparts = []
                for sub in range(1, draw(st.integers(1, 2)) + 1):
                    count = draw(st.integers(1, 2))
                    chapters = _chapters(draw, counter, next_chapter, count)
                    next_chapter += count
                    subparts.append(Subpart(sub, draw(titles()), tuple(chapters)))
                body.append(Part(number, draw(titles()), (*_lead(draw), *subparts)))
                continue
            count = draw(st.integers(1, 3))
            chapters = _chapters(draw, counter, 1 if restart else next_chapter, count)
            next_chapter += count
            body.append(Part(number, draw(titles()), (*_lead(draw), *chapters)))
    else:
        body.extend(_free_blocks(draw, 4))
        for _ in range(draw(st.integers(0, 3))):
            body.append(
                Division(
                    draw(text(max_size=12)), draw(st.integers(2, 4)), tuple(_free_blocks(draw))
                )
            )
    structured = shape != "free"
    if structured and draw(st.integers(0, 3)) == 0:
        # an unnumbered 附则 holding the last articles, as 刑法 prints it
        body.append(Division("附则", 2, tuple(_articles(draw, counter, 1, 2))))
    preamble: list[Division | Paragraph | Table] = []
    if structured and draw(st.integers(0, 3)) == 0:
        blocks = _free_blocks(draw)
        if pick(draw, (True, False)):
            preamble.append(Division("序言", 2, tuple(blocks)))
        else:
            preamble.extend(blocks)
    appendices = []
    for n in range(1, draw(st.integers(0, 2)) + 1):
        children: list[Division | Paragraph | Table] = list(_free_blocks(draw))
        if pick(draw, (True, False)):
            children.append(Division(draw(text(max_size=10)), 2, tuple(_free_blocks(draw))))
        appendices.append(Appendix(f"附件{'一二三'[n - 1]}", tuple(children)))
    history = tuple(draw(st.lists(events(), max_size=3)))
    subtitles = tuple(draw(st.lists(st.text(TITLE_CHARS, min_size=1, max_size=6), max_size=1)))
    return Regulation(
        title=draw(st.text(TITLE_CHARS, min_size=1, max_size=20)),
        subtitles=subtitles,
        history=history,
        toc=toc,
        preamble=tuple(preamble),
        body=tuple(body),
        appendices=tuple(appendices),
    )
