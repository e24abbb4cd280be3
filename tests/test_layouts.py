"""Layouts of real legislation read as drafters mean them (issue 8, structure 1–6).

Each layout has a fixture in ``tests/layouts/`` (small texts written for the tests, see its
README) or a cut of a corpus file, a test of its reading, and a round trip through the three
forms (Markdown, JSON, Akoma Ntoso).  The model's side: a 项 or 目 that runs over several
paragraphs (``continuation``), a 项 numbered 1． (``arabic``), a 款 that quotes new wording
(``Paragraph.continuation``), and the constructors' refusal of what would read back otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Citation, Item, Paragraph, Regulation, SubItem
from wuxi_dt_regulation._model.tree import walk_nodes

from .conftest import CORPUS
from .content import content, model_text
from .strategies import lawrefbook_source, regulations

LAYOUTS = Path(__file__).resolve().parent / "layouts"


def _layout(name: str) -> Regulation:
    path = LAYOUTS / name
    reg = wdr.parse_file(path)
    _round_trips(reg)
    # no text lost: every character of the source (less markup) is held by the model
    source = path.read_text(encoding="utf-8")
    assert not content(source) - model_text(reg)
    assert not content(source) - content(wdr.render(reg))
    return reg


def _corpus(name: str) -> Regulation:
    (path,) = CORPUS.rglob(name)
    return wdr.parse_file(path)


def _round_trips(reg: Regulation) -> None:
    """Markdown, JSON and Akoma Ntoso all give the value back."""
    assert wdr.parse(wdr.render(reg)) == reg
    assert wdr.from_json(wdr.to_json(reg)) == reg
    assert wdr.from_akn(wdr.to_akn(reg)) == reg


def _codes(reg: Regulation) -> list[tuple[str, int, int]]:
    return [(w.code, w.line, w.column) for w in reg.warnings]


def _paragraphs(reg: Regulation) -> list[Paragraph]:
    """Every 款 and paragraph of free text, wherever it stands (appendices included)."""
    out: list[Paragraph] = []
    for node in walk_nodes(reg.preamble + reg.body + reg.appendices):
        if isinstance(node, Paragraph):
            out.append(node)
        elif isinstance(node, Article):
            out.extend(node.paragraphs)
    return out


# --------------------------------------------------------------------------- 1. full-width 目


def test_full_width_subitem_numbers_are_subitems() -> None:
    reg = _layout("全角目（示例）.md")
    (para,) = reg.article(1).paragraphs
    assert [i.label for i in para.items] == ["（一）", "（二）", "（三）", "（四）"]
    assert [(s.number, s.text) for s in para.items[1].subitems] == [
        (1, "居民身份证；"),
        (2, "户口簿；"),
    ]
    third = para.items[2].subitems
    assert [(s.number, s.text) for s in third] == [(1, "不动产权证书；"), (2, "其他证明文件；")]
    assert [(d.number, d.text) for d in third[0].subitems] == [(1, "原件；"), (2, "复印件；")]
    assert reg.warnings == ()
    # written back canonical: half-width digits and the full-width dot
    assert "1．居民身份证；" in wdr.render(reg).splitlines()


@pytest.mark.parametrize("marker", ["１．", "１.", "１、", "1．", "1.", "1、"])
def test_every_subitem_marker_reads_the_same(marker: str) -> None:
    reg = wdr.parse(f"# 例\n\n第一条 下列：\n\n（一）甲：\n\n{marker}乙\n\n（二）丙")
    assert reg.article(1).paragraphs[0].items[0].subitems == (SubItem(1, "乙"),)


# --------------------------------------------------------------------------- 2. lists under ：


def test_a_list_under_a_colon_is_one_paragraph() -> None:
    reg = _layout("冒号下的列表（示例）.md")
    first = reg.article(1)
    assert len(first.paragraphs) == 1  # one 款 with its list, not 17
    items = first.paragraphs[0].items
    assert [i.number for i in items] == list(range(1, 18))
    assert all(i.arabic for i in items) and items[16].text == "其他知识产权案件。"
    assert items[9].label == "10．"
    # under a later 款, with 目 printed （1）
    second = reg.article(2).paragraphs
    assert [p.text for p in second] == [
        "法庭审理案件，适用法律的有关规定。",
        "前款所称案件，包括：",
    ]
    assert [i.text for i in second[1].items] == ["一审案件；", "二审案件，其中："]
    assert [s.text for s in second[1].items[1].subitems] == ["上诉案件；", "抗诉案件。"]
    # under a 项 ending in ：, 1． is a 目 as it always was
    third = reg.article(3).paragraphs[0]
    assert not third.items[0].arabic and [s.number for s in third.items[0].subitems] == [1, 2]
    assert reg.warnings == ()


def test_a_list_under_a_colon_is_cited_as_items() -> None:
    """Decision: a list right under a 款 is a list of 项 (立法法 第六十五条 divides a 款 into 项
    and a 项 into 目; the level follows the position, not the digits), cited 第X项."""
    reg = _layout("冒号下的列表（示例）.md")
    item = reg.resolve(wdr.parse_citation("第一条第一款第十七项"))
    assert isinstance(item, Item) and item.text == "其他知识产权案件。"
    assert str(item.citation) == "第一条第一款第十七项"
    sub = reg.resolve(Citation(article=2, paragraph=2, item=2, subitem=1))
    assert isinstance(sub, SubItem) and sub.text == "上诉案件；"


def test_a_list_without_a_colon_stays_paragraphs() -> None:
    reg = wdr.parse("# 例\n\n第一条 甲。\n\n1．乙。\n\n2．丙。")
    assert [p.text for p in reg.article(1).paragraphs] == ["甲。", "1．乙。", "2．丙。"]


def test_real_lists_under_a_colon() -> None:
    xingfa = _corpus("刑法.md")
    para = next(p for p in xingfa.appendices[0].children if isinstance(p, Paragraph))
    assert para.text.endswith("予以废止：") and len(para.items) == 15
    assert para.items[0] == Item(1, "中华人民共和国惩治军人违反职责罪暂行条例", arabic=True)
    hongkong = _corpus("香港特别行政区基本法(1990-04-04).md")
    added = [p for p in _paragraphs(hongkong) if p.text.endswith("增加下列全国性法律：")]
    assert [i.text for i in added[0].items][:2] == [
        "《中华人民共和国国旗法》；",
        "《中华人民共和国领事特权与豁免条例》；",
    ]


# --------------------------------------------------------------------------- 3. 项 over paragraphs


def test_an_item_of_several_paragraphs() -> None:
    reg = _layout("项的多段（示例）.md")
    (para,) = reg.article(1).paragraphs
    assert [i.number for i in para.items] == list(range(1, 13))  # （七）…（十二） stay here
    sixth = para.items[5]
    assert sixth.text == "数据服务，是指提供数据处理的活动。"
    assert sixth.continuation == ("数据服务分为基础服务和增值服务。", "增值服务包括：")
    assert [s.text for s in sixth.subitems] == ["数据分析；", "数据可视化。"]
    assert len(reg.article(2).paragraphs) == 2  # without a following 项, plain paragraphs are 款
    assert reg.warnings == ()


def test_the_further_paragraphs_are_searched_cited_and_diffed() -> None:
    reg = _layout("项的多段（示例）.md")
    (hit,) = reg.search("基础服务")
    assert str(hit.citation) == "第一条第一款第六项"
    (sub_hit,) = reg.search("数据可视化")
    assert str(sub_hit.citation) == "第一条第一款第六项第2目"
    # the citation finder reads them too
    sixth = reg.article(1).paragraphs[0].items[5]
    changed = Item(
        6, sixth.text, sixth.subitems, ("依照本条例第二条的规定分类。", "增值服务包括：")
    )
    items = list(reg.article(1).paragraphs[0].items)
    items[5] = changed
    new_first = Article(1, 0, (Paragraph(1, reg.article(1).paragraphs[0].text, tuple(items)),))
    new = Regulation(reg.title, body=(new_first, reg.article(2)))
    refs = [(str(r.at), r.match.text) for r in new.references()]
    assert ("第一条第一款第六项", "本条例第二条") in refs
    # and the diff sees a change in them
    d = wdr.diff(reg, new)
    assert [(c.old, c.new, c.text_changed) for c in d.changes] == [
        (reg.article(1), new.article(1), True)
    ]
    assert d.apply(reg) == new


def test_a_real_item_of_several_paragraphs() -> None:
    missiles = _corpus("导弹及相关物项和技术出口管制条例(2002-08-22).md")
    (item,) = [i for p in _paragraphs(missiles) for i in p.items if i.continuation]
    assert item.continuation == ("具有以下特性的钛稳定的双炼不锈钢：",)
    assert [s.number for s in item.subitems] == [1, 2, 3]
    assert [d.number for d in item.subitems[2].subitems] == [1, 2, 3]
    hongkong = _corpus("香港特别行政区基本法(1990-04-04).md")
    # 第四十八条（三）: two powers in one 项, as the Basic Law prints it
    third = hongkong.article(48).paragraphs[0].items[2]
    assert third.text == "签署立法会通过的法案，公布法律；"
    assert third.continuation == (
        "签署立法会通过的财政预算案，将财政预算、决算报中央人民政府备案；",
    )
    assert hongkong.article(48).paragraphs[0].items[3].label == "（四）"
    # 附件二 一、（一）: the composition of each term, before （二）
    annex = [i for p in _paragraphs(hongkong) for i in p.items if i.continuation]
    assert annex[1].continuation[0] == "第二届"


# --------------------------------------------------------------------------- 4. inline items


def test_items_on_the_line_of_their_introduction() -> None:
    reg = _layout("一行多项（示例）.md")
    first, second = reg.article(1).paragraphs
    assert first.text == "下列用海免缴海域使用金："
    assert [i.text for i in first.items] == [
        "军事用海；",
        "公务船舶专用码头用海；",
        "非经营性的航道、锚地等交通基础设施用海；",
        "教学、科研、防灾减灾、海难搜救打捞等非经营性公益事业用海。",
    ]
    assert second.text == "前款规定以外的用海，应当依法缴纳海域使用金。"  # not lost into （四）
    assert _codes(reg) == [
        ("inline-item", 5, 18),
        ("inline-item", 5, 27),
        ("inline-item", 5, 42),
        ("inline-item", 5, 66),
        ("inline-paragraph", 5, 99),
    ]


def test_an_inline_marker_out_of_sequence_stays_in_its_item() -> None:
    reg = wdr.parse("# 例\n\n第一条 下列： （一）甲，见 （三）； （二）乙。")
    assert [i.text for i in reg.article(1).paragraphs[0].items] == ["甲，见 （三）；", "乙。"]


# --------------------------------------------------------------------------- 5. 附：title


def test_an_appendix_titled_on_its_line() -> None:
    reg = _layout("附（示例）.md")
    assert [a.title for a in reg.appendices] == ["附：中华人民共和国进出口税则（注：另行公布）"]
    assert reg.article(2).paragraphs == (Paragraph(1, "本条例自2004年1月1日起施行。"),)
    assert isinstance(reg.appendices[0].children[0], wdr.Table)


# --------------------------------------------------------------------------- 6. quoted text


def test_a_constitutional_amendment_has_its_own_articles_only() -> None:
    reg = _layout("宪法修正案（示例）.md")
    assert [a.number for a in reg.articles] == list(range(32, 53))  # 21 articles
    assert reg.warnings == ()
    assert reg.sections == ()
    forty = reg.article(40).paragraphs[0]
    assert forty.text.endswith("作为第四项：") and forty.items == ()
    assert forty.continuation[0] == "“（四）国家监察委员会主任；"
    forty_four = reg.article(44).paragraphs
    assert len(forty_four) == 1
    assert forty_four[0].continuation[1:3] == (
        "第八十条 本款引用的条文不是修正案的条文。",
        "（一）引用的项也不是修正案的项；",
    )
    fifty_one = reg.article(51).paragraphs[0]  # new wording with no quotation marks at all
    assert fifty_one.continuation[:2] == (
        "第七节 监察委员会",
        "第一百二十三条 中华人民共和国各级监察委员会是国家的监察机关。",
    )
    assert fifty_one.continuation[-1] == "（三）委员若干人。"


def test_an_amending_decision_quotes_on_the_lines_after_its_instruction() -> None:
    reg = _layout("修改决定（示例）.md")
    assert reg.articles == ()
    paras = [p for p in reg.body if isinstance(p, Paragraph)]
    assert [p.text[:2] for p in paras] == ["根据", "一、", "二、", "三、", "四、"]
    assert paras[1].continuation[1:3] == (
        "（一）重大、疑难、复杂的案件；",
        "（二）社会影响较大的案件。",
    )
    assert paras[2].continuation == ("第六条 当事人申请回避的，应当说明理由。", "第二节 证据")
    # 三、's quotation is never closed: it ends, with a warning, at the next instruction; and a
    # decision read as a regulation has no article (parse_amendment reads it as one)
    assert _codes(reg) == [("no-articles", 7, 1), ("unclosed-quote", 25, 11)]
    assert "before line 29" in reg.warnings[1].message


def test_a_real_amendment_quotes_paragraph_after_paragraph() -> None:
    reg = _corpus("刑法修正案（十一）.md")
    paras = [p for p in reg.body if isinstance(p, Paragraph)]
    assert len(paras) == 48 and reg.articles == () and _codes(reg) == [("no-articles", 7, 1)]
    first = paras[0]
    assert first.text.startswith("一、将刑法第十七条修改为：“已满十六周岁的人犯罪")
    assert len(first.continuation) == 4 and first.continuation[-1].endswith("专门矫治教育。”")
    assert paras[-1].text == "四十八、本修正案自2021年3月1日起施行。"


def test_lines_inside_a_quotation_never_become_units() -> None:
    text = (
        "# 例\n\n第一条 将第五条修改为：“第五条 新的规定：\n\n（一）甲；\n\n第二节 乙\n\n"
        "第六条 丙。”\n\n第二条 本决定自公布之日起施行。"
    )
    reg = wdr.parse(text)
    assert [a.label for a in reg.articles] == ["第一条", "第二条"]
    assert reg.article(1).paragraphs[0].continuation == ("（一）甲；", "第二节 乙", "第六条 丙。”")
    assert reg.warnings == ()
    _round_trips(reg)


# --------------------------------------------------------------------------- the model


def test_the_model_refuses_what_would_read_back_otherwise() -> None:
    with pytest.raises(ValueError, match="further paragraph"):
        Paragraph(1, "下列：", (Item(1, "甲", continuation=("说明。",)),))  # nothing resumes
    with pytest.raises(ValueError, match="inside the quotation"):
        Paragraph(1, "将第五条修改为：“甲", (Item(1, "乙"),))
    with pytest.raises(ValueError, match="introduction ending in ："):
        Paragraph(1, "甲。", (Item(1, "乙", arabic=True),))
    with pytest.raises(ValueError, match="the list goes on"):  # 款2 would join 款1's list
        Article(
            1, 0, (Paragraph(1, "下列：", (Item(1, "甲"),)), Paragraph(2, "乙", (Item(2, "丙"),)))
        )
    with pytest.raises(ValueError, match="inside the quotation"):
        Article(1, 0, (Paragraph(1, "将第五条修改为：“甲"), Paragraph(2, "乙。")))
    with pytest.raises(ValueError, match="nest no deeper"):
        Item(1, "甲", (SubItem(1, "乙", (SubItem(1, "丙"),)),), arabic=True)
    with pytest.raises(ValueError, match="further paragraph cannot be empty"):
        Item(1, "甲", continuation=("",))
    # what reads back is accepted: the next 项 follows, a quotation holds the lines, a break
    # or the next ordinal ends an unclosed quotation
    Paragraph(1, "下列：", (Item(1, "甲", continuation=("说明。",)), Item(2, "乙")))
    Paragraph(1, "将第五条修改为：“甲", continuation=("“乙”",))
    Article(1, 0, (Paragraph(1, "将第五条修改为：“甲"), Paragraph(2, "乙。", break_before=True)))
    Regulation("例", body=(Paragraph(1, "一、将第五条修改为：“甲"), Paragraph(2, "二、乙。")))


def test_a_further_paragraph_of_a_list_never_opens_a_quotation() -> None:
    """A line that opens a quotation outside one is an amending instruction, a 款 of its own
    (the parser's rule): as a further paragraph of a 项 or 目 it would not read back, and no
    escape can make it, because the 款 that quotes prints the very same lines."""
    quoting = Regulation(
        "例",
        body=(
            Article(
                1,
                0,
                (
                    Paragraph(1, "甲：", (Item(1, "乙"),)),
                    Paragraph(2, "第五条 修改为：", (Item(2, "丁"),), continuation=("“丙”",)),
                ),
            ),
        ),
    )
    printed = wdr.render(quoting)
    assert "（一）乙\n\n\\第五条 修改为：\n\n“丙”\n\n（二）丁" in printed
    assert wdr.parse(printed) == quoting
    # the same lines as further paragraphs of 项（一）: the model refuses them, and says why
    with pytest.raises(ValueError, match="it opens a quotation, and a line that opens one"):
        Paragraph(
            1, "甲：", (Item(1, "乙", continuation=("第五条 修改为：", "“丙”")), Item(2, "丁"))
        )
    # found by the layouts property: a 目's further paragraph opens a quotation, so the 项's
    # further paragraph before it is a new 款 (the list does not go on over the quotation)
    with pytest.raises(ValueError, match=r"the line '第五条 修改为：' after it opens a quotation"):
        Paragraph(
            1,
            "甲：",
            (
                Item(
                    1,
                    "乙",
                    (SubItem(1, "丙", continuation=("第五条 修改为：",)),),
                    continuation=("附件一支第、人民市",),
                ),
                Item(2, "丁"),
            ),
        )
    # inside the 项's own quotation the same words are quoted text, and the list goes on
    inside = Paragraph(
        1,
        "下列：",
        (Item(1, "将第五条修改为：“甲", continuation=("第五条 修改为：", "“乙”")), Item(2, "丙")),
    )
    reg = Regulation("例", body=(Article(1, 0, (inside,)),))
    _round_trips(reg)


def test_the_refusal_names_the_rule_at_work() -> None:
    with pytest.raises(
        ValueError, match=r"needs the next 项 of its list \(（二）\) to follow it, not （三）"
    ):
        Paragraph(1, "甲：", (Item(1, "乙", continuation=("说明",)), Item(3, "丁")))
    with pytest.raises(ValueError, match=r"\(2．\) to follow it before the paragraphs end"):
        Paragraph(1, "甲：", (Item(1, "乙", continuation=("说明",), arabic=True),))
    with pytest.raises(ValueError, match="the list goes on after it with （二）"):
        Article(
            1, 0, (Paragraph(1, "下列：", (Item(1, "甲"),)), Paragraph(2, "乙", (Item(2, "丙"),)))
        )


# --------------------------------------------------------------------------- properties


@given(st.data())
def test_generated_layouts_read_back_from_either_dialect(data: st.DataObject) -> None:
    """项 and 目 over several paragraphs, lists under a colon and quoted wording, written in
    the seed's dialect or in LawRefBook's with 1． printed 1. 1、 １． and （1） as （１）."""
    reg = data.draw(regulations())
    assert wdr.parse(data.draw(lawrefbook_source(reg))) == reg
    _round_trips(reg)
