"""The model's lookups and derived values at their edges, pinned to exact values (issue 14:
each test here fails under a mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import datetime

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
