"""Citations found and resolved, pinned to exact values (issue 14: each test here fails under a
mutant the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, CitationList, CitationMatch

HEAD = "# 示例条例\n\n"


@pytest.mark.parametrize(
    ("text", "at", "targets"),
    [
        # the anchor of the first element (前条, 前款, 本条) holds for the ones after it
        ("依照前条第一款、第二款的规定。", Citation(article=3, paragraph=1),
         (Citation(article=2, paragraph=1), Citation(article=2, paragraph=2))),
        ("依照前款第一项、第二项的规定。", Citation(article=4, paragraph=2),
         (Citation(article=4, paragraph=1, item=1), Citation(article=4, paragraph=1, item=2))),
        ("依照本条第一款、第二款的规定。", Citation(article=5, paragraph=2, item=1),
         (Citation(article=5, paragraph=1), Citation(article=5, paragraph=2))),
    ],
)  # fmt: skip
def test_a_relative_anchor_is_inherited_along_a_list(
    text: str, at: Citation, targets: tuple[Citation, ...]
) -> None:
    (found,) = wdr.find_citations(text, at=at)
    assert found == CitationMatch(
        start=2,
        end=len(text) - 4,
        text=text[2:-4],
        kind="relative",
        value=CitationList(targets, "、"),
    )


def test_inherited_anchors_resolve_in_a_regulation() -> None:
    reg = wdr.parse(
        HEAD + "第一条 甲。\n\n第二条 乙。\n\n丙。\n\n第三条 依照前条第一款、第二款的规定。\n\n"
        "第四条 下列情形：\n\n（一）甲；\n\n（二）乙。\n\n依照前款第一项、第二项的规定。"
    )
    assert [(str(r.at), r.match.text, r.targets, r.exists) for r in reg.references()] == [
        ("第三条第一款", "前条第一款、第二款",
         (Citation(article=2, paragraph=1), Citation(article=2, paragraph=2)), True),
        ("第四条第二款", "前款第一项、第二项",
         (Citation(article=4, paragraph=1, item=1), Citation(article=4, paragraph=1, item=2)),
         True),
    ]  # fmt: skip
