"""The model's lookups and derived values at their edges, pinned to exact values (issue 14:
each test here fails under a mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, NotFoundError

from .exact import exactly

HEAD = "# 示例条例\n\n"


def test_effective_date_is_read_from_the_last_article_that_states_one() -> None:
    # an amended text keeps the old date in a transitional article and the new one last
    reg = wdr.parse(
        HEAD + "第一条 本条例自2020年1月1日起施行。\n\n第二条 甲。\n\n"
        "第三条 本条例自2021年3月1日起施行。\n\n第四条 乙。"
    )
    assert reg.effective_date == datetime.date(2021, 3, 1)


def test_effective_date_prefers_the_last_dated_施行_event_to_any_article() -> None:
    reg = wdr.parse(
        "# 示例条例\n\n- 2019年5月1日起施行\n\n- 2020年2月1日起施行\n\n<!-- INFO END -->\n\n"
        "第一条 本条例自2018年1月1日起施行。"
    )
    assert [(e.action, e.date) for e in reg.history] == [
        ("施行", datetime.date(2019, 5, 1)),
        ("施行", datetime.date(2020, 2, 1)),
    ]
    assert reg.effective_date == datetime.date(2020, 2, 1)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (0, "paragraph numbers start at 1, got 0"),
        (-1, "paragraph numbers start at 1, got -1"),
        (3, "第一条 has 2 款; there is no 第三款"),
    ],
)
def test_article_paragraph_outside_its_range(number: int, message: str) -> None:
    article = wdr.parse(HEAD + "第一条 甲。\n\n乙。").article(1)
    with pytest.raises(NotFoundError, match=exactly(message)):
        article.paragraph(number)


def test_article_paragraph_bounds_are_inclusive() -> None:
    article = wdr.parse(HEAD + "第一条 甲。\n\n乙。").article(1)
    assert (article.paragraph(1).text, article.paragraph(2).text) == ("甲。", "乙。")


def test_a_relative_reference_that_resolves_to_nothing_does_not_exist() -> None:
    # 前款 in a first 款 has nothing to point to: the reference is dangling, not fine
    reg = wdr.parse(HEAD + "第一条 前款规定的情形除外。")
    (ref,) = reg.references()
    assert (ref.at, ref.match.text, ref.match.kind, ref.match.value) == (
        Citation(article=1, paragraph=1),
        "前款",
        "relative",
        None,
    )
    assert (ref.targets, ref.missing, ref.exists, ref.dangling) == ((), (), False, True)


def test_a_relative_reference_that_resolves_exists() -> None:
    reg = wdr.parse(HEAD + "第一条 甲。\n\n前款规定的情形除外。")
    (ref,) = reg.references()
    assert (ref.targets, ref.exists, ref.dangling) == (
        (Citation(article=1, paragraph=1),),
        True,
        False,
    )


_CODE = wdr.parse(
    "# 示例法典\n\n## 第一编 总则\n\n### 第一章 甲\n\n第一条 甲。\n\n### 第二章 乙\n\n第二条 乙。\n\n"
    "## 第二编 分则\n\n### 第一章 丙\n\n第三条 丙。\n\n第三条之一 丁。"
)


@pytest.mark.parametrize(
    ("lookup", "message"),
    [
        (lambda: wdr.load().article(99),
         "无锡市数字化转型促进条例 has no 第九十九条; its articles are 第一条 … 第五十五条 (55 in all)"),
        (lambda: wdr.load().article(10000),
         "无锡市数字化转型促进条例 has no 10000; its articles are 第一条 … 第五十五条 (55 in all)"),
        (lambda: wdr.load().article(0),
         "无锡市数字化转型促进条例 has no 0; its articles are 第一条 … 第五十五条 (55 in all)"),
        (lambda: wdr.load().article((35, 1)),
         "无锡市数字化转型促进条例 has no 第三十五条之一; its articles are 第一条 … 第五十五条 (55 in all)"),
        (lambda: wdr.load().chapter(9),
         "无锡市数字化转型促进条例 has no 第九章; its chapters are 第一章 … 第七章 (7 in all)"),
        (lambda: wdr.load().chapter(0),
         "无锡市数字化转型促进条例 has no 0; its chapters are 第一章 … 第七章 (7 in all)"),
        (lambda: wdr.load().part(1),
         "无锡市数字化转型促进条例 has no 第一编; its parts are none"),
        (lambda: _CODE.chapter(1),
         "示例法典 has 2 chapters numbered 第一章 (in 第一编、第二编): pass part= to choose"),
        (lambda: _CODE.chapter(3),
         "示例法典 has no 第三章; its chapters are 第一编 第一章、第二章; 第二编 第一章"),
        (lambda: _CODE.chapter(2, part=2), "示例法典 has no 第二章; its chapters are 第一章"),
        (lambda: _CODE.part(3), "示例法典 has no 第三编; its parts are 第一编、第二编"),
        (lambda: _CODE.article(4),
         "示例法典 has no 第四条; its articles are 第一条 … 第三条之一 (4 in all)"),
        (lambda: _CODE.article((3, 2)),
         "示例法典 has no 第三条之二; its articles are 第一条 … 第三条之一 (4 in all)"),
    ],
)  # fmt: skip
def test_a_lookup_that_finds_nothing_says_what_exists(lookup: Any, message: str) -> None:
    with pytest.raises(NotFoundError, match=exactly(message)):
        lookup()


def test_lookups_in_a_code_whose_chapters_restart() -> None:
    assert (_CODE.chapter(1, part=2).title, _CODE.chapter(2).title) == ("丙", "乙")
    assert [a.label for a in _CODE.chapter(1, part=2).articles] == ["第三条", "第三条之一"]
    assert _CODE.get_chapter(1) is None and _CODE.get_chapter(1, part=1) is not None
    assert (_CODE.get_article("x"), _CODE.get_article((3, 1)).label) == (None, "第三条之一")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("ref", "error", "message"),
    [("abc", ValueError, "not an article reference: 'abc'"),
     (True, TypeError, "an article reference cannot be a bool")],
)  # fmt: skip
def test_an_article_reference_that_is_none(ref: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=exactly(message)):
        wdr.load().article(ref)


def test_a_malformed_numeral_in_a_reference_is_named_with_the_reference() -> None:
    seed = wdr.load()
    with pytest.raises(ValueError, match=r"^not an article reference") as info:
        seed.article("第零条")
    assert (
        str(info.value) == "not an article reference: '第零条' (misplaced 零 at position 1 in '零')"
    )
    with pytest.raises(ValueError, match=r"^not a 章 reference") as info:
        seed.chapter("第十百章")
    assert str(info.value) == (
        "not a 章 reference: '第十百章' (unexpected '百' at position 2 in '十百')"
    )
    with pytest.raises(TypeError) as type_info:
        seed.article(35).paragraph("第二款")  # type: ignore[arg-type]
    assert str(type_info.value) == "a 款 number is an int, got '第二款'"


def _two_paragraphs_with_items(sub_in: int | None) -> wdr.Regulation:
    """第一条: two 款 with a 第一项 and a 第二项 each; *sub_in* (1 or 2) is the 款 whose
    第一项 holds 目 1． and 2．, None for neither."""
    paragraphs = []
    for number in (1, 2):
        head = "（一）甲：\n\n1．子；\n\n2．丑。" if number == sub_in else "（一）甲；"
        paragraphs.append(f"情形{number}有：\n\n{head}\n\n（二）乙。")
    text = (
        "# 示例条例\n\n第一条 " + "\n\n".join(paragraphs) + "\n\n第二条 依照第一条第一项第二目。\n"
    )
    return wdr.parse(text)


@pytest.mark.parametrize("sub_in", [1, 2])
def test_a_subitem_cited_without_its_paragraph_finds_the_one_item_that_holds_it(
    sub_in: int,
) -> None:
    """第一条第一项第二目 where both 款 have a 第一项 but only one of them holds 目: not
    ambiguous, the 目 of that 款 (found, formatted and checked as such)."""
    reg = _two_paragraphs_with_items(sub_in)
    cited = Citation(article=1, item=1, subitem=2)
    found = reg.resolve(cited)
    assert found is reg.article(1).paragraph(sub_in).items[0].subitems[1]
    assert found.text == "丑。"
    (ref,) = [r for r in reg.references() if r.at.article == 2]
    assert (ref.missing, ref.ambiguous, ref.exists) == ((), (), True)


def test_a_subitem_no_item_of_that_number_holds_is_named_missing() -> None:
    reg = _two_paragraphs_with_items(None)
    with pytest.raises(NotFoundError) as caught:
        reg.resolve(Citation(article=1, item=1, subitem=2))
    assert str(caught.value) == "第一条 has 2 款 and no 第一项 of them has a 第二目"
    (ref,) = [r for r in reg.references() if r.at.article == 2]
    assert (ref.missing, ref.ambiguous) == ((Citation(article=1, item=1, subitem=2),), ())
    # the 项 alone is still ambiguous: both 款 hold one
    with pytest.raises(NotFoundError, match=r"say which 款 holds 第一项 \(第一款、第二款 each"):
        reg.resolve(Citation(article=1, item=1))
