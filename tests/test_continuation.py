"""The further paragraphs of 款, 项 and 目 (``continuation``) in everything built on the model.

A 项 of several paragraphs (issue 8 item 3) is read by the parser, and every path that reads or
writes units carries its further paragraphs: the diff (keys, alignment, the unit map, stale
references), the amendments (their working copy, quoted wording, references and word edits),
the unit walk the HTML page, the SQLite database and the JSON Lines records are written from
(text, references placed on their line), and a property that walks every exporter on a
generated regulation and finds every further paragraph in what each one writes.
"""

from __future__ import annotations

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Division, Paragraph, Regulation

#: 第一条's 项（一） runs over two paragraphs, the second citing 第三条; 第二条 has two 款.
OLD = (
    "# 示例条例\n\n第一条 下列：\n\n（一）甲；\n\n依照本条例第三条的规定。\n\n（二）乙。\n\n"
    "第二条 为了维护数据安全，应当建立数据分类分级保护制度。\n\n"
    "数据分类分级保护制度包括登记、审查和评估。\n\n第三条 丙。\n\n第四条 丁。"
)
#: 第二条 folded into 第一条 as 项（二） of two paragraphs; 第三条, 第四条 renumbered.
NEW = (
    "# 示例条例\n\n第一条 下列：\n\n（一）甲；\n\n依照本条例第三条的规定。\n\n"
    "（二）为了维护数据安全，应当建立数据分类分级保护制度；\n\n"
    "数据分类分级保护制度包括登记、审查和评估。\n\n（三）乙。\n\n第二条 丙。\n\n第三条 丁。"
)


# =========================================================================== diff


def _quoting(further: str) -> Regulation:
    para = Paragraph(1, "为修改为：“为", continuation=(further,))
    return Regulation("任", body=(Article(1), Division("附则", 2, (Article(1, 1, (para,)),))))


def test_a_change_in_a_further_paragraph_is_a_change() -> None:
    # found by test_diff's determinism property: the patch rebuilt the 款 without the change
    old, new = _quoting("“为”"), _quoting("“了”")
    d = wdr.diff(old, new)
    (change,) = d.changes
    assert change.text_changed and [e.kind for e in change.paragraphs] == ["changed"]
    assert d.apply(old) == new
    again = wdr.from_json(wdr.to_json(d), wdr.RegulationDiff)
    assert again.apply(old) == new
    # a 项's further paragraph, and whether it is printed 1．, count as well
    base = wdr.parse(OLD)
    first = base.article(1).paragraphs[0]
    edited = first.items[0].continuation[0].replace("第三条", "第四条")
    items = (
        wdr.Item(1, "甲；", continuation=(edited,)),
        *first.items[1:],
    )
    other = Regulation(
        base.title,
        body=(Article(1, 0, (Paragraph(1, first.text, items),)), *base.body[1:]),
    )
    d = wdr.diff(base, other)
    assert [str(c.new.citation) for c in d.changes if c.new is not None] == ["第一条"]
    assert d.apply(base) == other


def test_an_article_that_survives_as_a_item_of_several_paragraphs() -> None:
    old, new = wdr.parse(OLD), wdr.parse(NEW)
    d = wdr.diff(old, new)
    ((merge_old, merge_new),) = [(m.old, m.new) for m in d.merges]
    assert [a.label for a in merge_old] == ["第一条", "第二条"] and merge_new.label == "第一条"
    mapped = {str(k): str(v) for k, v in d.citation_map.items()}
    # both 款 of 第二条 are now 项（二）: its text, and its further paragraph
    assert mapped["第二条第一款"] == mapped["第二条第二款"] == "第一条第一款第二项"
    assert [str(c) for c in d.follow(wdr.parse_citation("第二条"))] == ["第一条第一款第二项"]
    assert d.apply(old) == new


def test_a_stale_reference_in_a_further_paragraph() -> None:
    d = wdr.diff(wdr.parse(OLD), wdr.parse(NEW))
    ((at, written, replacement, text),) = [
        (str(s.at), s.match.text, s.replacement, s.text) for s in d.stale_references()
    ]
    assert (at, written, replacement) == ("第一条第一款第一项", "本条例第三条", "本条例第二条")
    assert text == "依照本条例第二条的规定。"  # the line that holds it
