"""该条第二款, 同条第三项, 该款第一项: the article or 款 cited right before, never the one the text
stands in (``_citations/anaphora.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, CitationList, CitationRange, to_chinese

CRIM = "中华人民共和国刑法"
HERE = Citation(article=35, paragraph=1)


def _found(text: str, **kwargs: object) -> list[tuple[int, str, str, CitationList | None]]:
    found = wdr.find_citations(text, **kwargs)  # type: ignore[arg-type]
    assert all(m.text == text[m.start : m.end] for m in found)
    return [(m.start, m.text, m.kind, m.value) for m in found]


def test_同条_is_the_article_cited_before_not_the_one_the_text_stands_in() -> None:
    assert _found("第十条第一款和同条第二款", at=HERE)[1] == (
        7, "同条第二款", "absolute", CitationList((Citation(article=10, paragraph=2),))
    )  # fmt: skip


def test_该条_after_another_instrument_is_that_instrument_s() -> None:
    found = _found("依照刑法第五条的规定，该条第二款、第三款所列", at=HERE)
    assert found[1] == (
        11,
        "该条第二款、第三款",
        "external",
        CitationList(
            (
                Citation(title=CRIM, article=5, paragraph=2),
                Citation(title=CRIM, article=5, paragraph=3),
            ),
            "、",
        ),
    )


def test_同款_names_a_项_of_the_款_cited_before() -> None:
    found = _found("依照刑法第五条第二款和同款第一项至第三项")
    ends = (Citation(title=CRIM, article=5, paragraph=2, item=n) for n in (1, 3))
    assert found[1] == (11, "同款第一项至第三项", "external", CitationList((CitationRange(*ends),)))
    own = _found("本条例第十条第一款和同款第二项", regulation=wdr.load())
    assert own[1] == (
        10, "同款第二项", "internal", CitationList((Citation(article=10, paragraph=1, item=2),))
    )  # fmt: skip


def test_the_document_s_own_项_gets_its_款_as_第二项_alone_would() -> None:
    reg = wdr.parse(
        "# 示例条例\n\n第一条 甲。\n\n第二条 有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n"
    )
    found = _found("第二条和同条第二项", regulation=reg)
    assert found[1][2:] == ("absolute", CitationList((Citation(article=2, paragraph=1, item=2),)))


@pytest.mark.parametrize(
    "text",
    [
        "该条第二款",  # nothing cited before
        "有关法律、法规和该条第二款",  # no article cited before
        "第五条至第七条和该条第二款",  # which of them?
        "第五条和该条第五条",  # an anaphor names no article
        "第五条和同款第二项",  # no 款 cited before
        "刑法第五条第二款和同款第二款",  # a 款 of a 款
        "刑法第五条和同条第二目",  # a 目 without its 项
        "刑法第五条和同条第二款至第三项",  # a range across levels
        "第五条和同条第二款至第三项",
    ],
)
def test_an_anaphor_that_points_nowhere_is_unresolvable(text: str) -> None:
    last = wdr.find_citations(text, regulation=wdr.load(), at=HERE)[-1]
    assert (last.kind, last.value, last.citations) == ("unresolvable", None, ())
    begin = max(text.rfind("该条"), text.rfind("同条"), text.rfind("同款"))
    assert (last.start, last.end, last.text) == (begin, len(text), text[begin:])


_REG = wdr.parse(
    "# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n\n"
    "第二条之一 丙。\n\n丁。\n"
)


@pytest.mark.parametrize(
    ("text", "kind", "citations"),
    [
        # 同条第二项: the 款 of article 2 that has 项, not the 款 cited before
        ("第二条第一款和同条第二项", "absolute", [Citation(article=2, paragraph=2, item=2)]),
        ("本条第一款和同条第二项", "relative", [Citation(article=2, paragraph=2, item=2)]),
        ("第二条之一第一款和同条第二款", "absolute", [Citation(article=2, suffix=1, paragraph=2)]),
        # a range of the document's own 项 expanded as 第二条第二款第一项至第五项 is (the 项
        # that exist, and its end)
        (
            "第二条第二款和同款第一项至第五项",
            "absolute",
            [Citation(article=2, paragraph=2, item=n) for n in (1, 2, 5)],
        ),
        (
            "刑法第一百二十条之一第一款和同条第二款",
            "external",
            [Citation(title=CRIM, article=120, suffix=1, paragraph=2)],
        ),
        # spaces, wide ones too, between the anaphor and its 第
        ("第二条第一款和同条\u3000 第二款", "absolute", [Citation(article=2, paragraph=2)]),
        ("第二条第一款和同条 第二款", "absolute", [Citation(article=2, paragraph=2)]),
    ],
)
def test_an_anaphor_in_the_document_s_own_text(
    text: str, kind: str, citations: list[Citation]
) -> None:
    last = wdr.find_citations(text, regulation=_REG, at=Citation(article=2, paragraph=1))[-1]
    begin = text.index("同")
    assert (last.start, last.end, last.text) == (begin, len(text), text[begin:])
    assert (last.kind, list(last.citations)) == (kind, citations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该条例第三条", [("该条例第三条", "unresolvable")]),  # 该条例: the instrument (names.py)
        ("同条件第三条", [("第三条", "absolute")]),
        ("不同条款第三条", [("第三条", "absolute")]),
        ("X条第三款", [("第三款", "relative")]),
        ("同X第三款", [("第三款", "relative")]),
        # what stands before the text's start is not its end: no anaphor wraps around
        ("条第三款，同", [("第三款", "relative")]),
    ],
)
def test_words_that_only_look_like_an_anaphor_are_left_alone(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.kind) for m in wdr.find_citations(text)] == expected


@given(
    article=st.integers(1, 9999),
    paragraph=st.integers(1, 50),
    other=st.integers(1, 50),
    item=st.integers(1, 30),
    title=st.sampled_from([None, CRIM, "中华人民共和国民法典"]),
    gap=st.sampled_from(["和", "、", "，", "的规定，", " 和 "]),
)
def test_an_anaphor_resolves_to_the_citation_before_it(
    article: int, paragraph: int, other: int, item: int, title: str | None, gap: str
) -> None:
    name = "" if title is None else title.removeprefix("中华人民共和国")
    first = f"{name}第{to_chinese(article)}条第{to_chinese(paragraph)}款"
    text = f"依照{first}{gap}同条第{to_chinese(other)}款和该款第{to_chinese(item)}项"
    found = wdr.find_citations(text, at=HERE)
    assert [m.text for m in found] == [
        first, f"同条第{to_chinese(other)}款", f"该款第{to_chinese(item)}项"
    ]  # fmt: skip
    assert found[1].citations == (Citation(title=title, article=article, paragraph=other),)
    # 该款 is the 款 the citation right before it names: the one 同条 named
    assert found[2].citations == (
        Citation(title=title, article=article, paragraph=other, item=item),
    )
