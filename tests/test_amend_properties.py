"""Hypothesis properties of amendments: generated regulations and instructions that pick existing
targets never half-apply; reading any text returns an Amendment or raises ParseError."""

from __future__ import annotations

import pickle

import attrs
from hypothesis import assume, example, given
from hypothesis import strategies as st

from wuxi_dt_regulation import (
    Amendment,
    AmendmentError,
    ParseError,
    Regulation,
    parse,
    parse_amendment,
    render,
    to_chinese,
)
from wuxi_dt_regulation.amendments import Span

from .strategies import regulations

#: Wording that reads back as itself: no marker at the start of a line, no quotation marks.
SAFE = "为了本市人民政府应当鉴于数据主管部门和企业鼓励支持县级区公共服务信息安全"
QUOTES = "“”《》〈〉"


def label(key: tuple[int, int]) -> str:
    return f"第{to_chinese(key[0])}条" + (f"之{to_chinese(key[1])}" if key[1] else "")


@st.composite
def instructions(
    draw: st.DrawFn, regulation: Regulation
) -> tuple[list[str], dict[str, int], list[str]]:
    """Instructions that each touch a different existing article (one may name a missing one),
    the counts of inserts and deletes, and the new wordings written."""
    articles = list(regulation.articles)
    keys = draw(st.permutations([a.key for a in articles]))
    out: list[str] = []
    counts = {"insert": 0, "delete": 0}
    wordings: list[str] = []
    for n, key in enumerate(keys[: draw(st.integers(1, 6))], 1):
        article = regulation.article(key)
        new = draw(st.text(SAFE, min_size=1, max_size=12)) + f"示例{to_chinese(n)}。"
        kind = draw(
            st.sampled_from(["replace", "paragraph", "delete", "insert", "words", "missing"])
        )
        if kind == "replace":
            out.append(f"将{label(key)}修改为：“{new}”")
            wordings.append(new)
        elif (
            kind == "paragraph"
            and article.paragraphs
            and article.paragraphs[-1].text
            and not article.paragraphs[-1].items
        ):
            out.append(f"将{label(key)}第{to_chinese(len(article.paragraphs))}款修改为：“{new}”")
            wordings.append(new)
        elif kind == "delete":
            out.append(f"删去{label(key)}")
            counts["delete"] += 1
        elif kind == "insert":
            position = draw(st.integers(1, len(articles) + 1)) + articles[0].number - 1
            out.append(f"增加一条，作为第{to_chinese(position)}条：“{new}”")
            counts["insert"] += 1
            wordings.append(new)
        elif kind == "words":
            text = article.paragraphs[0].text if article.paragraphs else ""
            start = draw(st.integers(0, max(len(text) - 1, 0)))
            old = text[start : start + draw(st.integers(1, 4))]
            if not old.strip() or any(ch in old for ch in QUOTES) or old != old.strip():
                continue
            out.append(f"将{label(key)}中的“{old}”修改为“{new}”")
        elif kind == "missing":
            out.append(f"删去第{to_chinese(9000 + n)}条")
    return out, counts, wordings


def decision(title: str, lines: list[str], *, renumber: bool = True) -> str:
    body = "\n\n".join(f"{to_chinese(n)}、{line}。" for n, line in enumerate(lines, 1))
    tail = "此外，对条文顺序作相应调整。\n" if renumber else ""
    return (f"# 关于修改《{title}》的决定\n\n2024年1月2日 示例会议通过\n\n<!-- INFO END -->\n\n"
            f"示例会议决定对《{title}》作如下修改：\n\n{body}\n\n{tail}")  # fmt: skip


@given(st.data())
def test_apply_never_half_applies(data: st.DataObject) -> None:
    regulation = data.draw(regulations())
    assume(regulation.articles and all(a.paragraphs for a in regulation.articles))
    lines, counts, wordings = data.draw(instructions(regulation))
    assume(lines)
    amendment = parse_amendment(decision(regulation.title, lines))
    frozen = pickle.dumps(regulation)
    try:
        result = amendment.apply(regulation)
    except AmendmentError as err:
        assert pickle.dumps(regulation) == frozen
        assert err.line >= 7 and err.text  # noqa: PT017  (either outcome is valid)
        return
    assert len(result.articles) == len(regulation.articles) + counts["insert"] - counts["delete"]
    for wording in wordings:
        assert any(wording in (p.text for p in a.paragraphs) for a in result.articles)
    assert parse(render(result)) == result
    assert pickle.dumps(regulation) == frozen


@given(st.data())
def test_apply_is_idempotent_for_replacements(data: st.DataObject) -> None:
    regulation = data.draw(regulations())
    assume(regulation.articles and all(a.paragraphs for a in regulation.articles))
    key = data.draw(st.sampled_from([a.key for a in regulation.articles]))
    new = data.draw(st.text(SAFE, min_size=1, max_size=12)) + "。"
    amendment = parse_amendment(
        decision(regulation.title, [f"将{label(key)}修改为：“{new}”"], renumber=False)
    )
    once = amendment.apply(regulation)
    assert amendment.apply(once) == once and once.article(key).text == new


INSTRUCTION_CHARS = "将第条款项目修改为删去增加一二三十百之作为：:“”、，。；\n在中的后前该这原章节规定内容如下（）《》本决定自年月日起施行0123456789 "


@given(st.text(INSTRUCTION_CHARS, max_size=80))
@example("一、将第十条修改为：“")
@example("一、增加一条，作为第条：“甲。”")
@example("（一）删去第一条")
@example("一、在“”后增加“”")
@example("第一条 宪法序言第一自然段第零句“甲”修改为：“乙”")
def test_reading_any_text_returns_or_raises_parse_error(body: str) -> None:
    for text in (body, "# 示例决定\n\n" + body, "# 示例决定\n\n<!-- INFO END -->\n\n一、" + body):
        try:
            amendment = parse_amendment(text)
        except ParseError as err:
            assert err.line >= 1 and err.column >= 1  # noqa: PT017  (either outcome is valid)
        else:
            assert isinstance(amendment, Amendment)


@given(st.data())
def test_the_first_instruction_written_on_the_title_line_reads_the_same(
    data: st.DataObject,
) -> None:
    regulation = data.draw(regulations())
    assume(regulation.articles and all(a.paragraphs for a in regulation.articles))
    lines, _, _ = data.draw(instructions(regulation))
    assume(lines)
    space = data.draw(st.sampled_from([" ", "\u3000", "  "]))
    title = f"关于修改《{regulation.title}》的决定"
    body = "\n\n".join(f"{to_chinese(n)}、{line}。" for n, line in enumerate(lines, 1))
    apart = parse_amendment(f"# {title}\n\n{body}")
    head, _, rest = body.partition("\n\n")
    joined = parse_amendment(f"# {title}{space}{head}" + (f"\n\n{rest}" if rest else ""))
    assert joined.title == apart.title == title
    # the same operations, the first one's span on the title's line
    nowhere = Span(1, 1, "")
    assert [attrs.evolve(op, span=nowhere) for op in joined.operations] == [
        attrs.evolve(op, span=nowhere) for op in apart.operations
    ]
    assert [op.span.text for op in joined.operations] == [op.span.text for op in apart.operations]
    column = 3 + len(title) + len(space)
    first = joined.warnings[0]
    assert (first.line, first.column, first.code) == (1, column, "title-line")
    assert [w.code for w in joined.warnings[1:]] == [w.code for w in apart.warnings]
