"""Applying amendments: numbering semantics, idempotence on consolidated texts, errors, 衔接性修改."""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    AmendmentError,
    Citation,
    Division,
    Paragraph,
    Regulation,
    parse,
    parse_amendment,
    render,
)
from wuxi_dt_regulation.amendments import (
    renumber_references,
    renumbered_references,
)

HERE = Path(__file__).parent / "amend"


def read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def criminal_law() -> Regulation:
    return parse(read("real/刑法.md"), source="刑法.md")


@pytest.fixture(scope="module")
def amendment_11_text() -> str:
    return read("real/刑法修正案（十一）.md")


def decision(body: str, title: str = "示例条例", tail: str = "") -> str:
    return (f"# 关于修改《{title}》的决定\n\n- 2024年5月6日示例市第一届人民代表大会常务委员会第二次会议通过\n\n"
            f"<!-- INFO END -->\n\n示例会议决定对《{title}》作如下修改：\n\n{body}\n{tail}")  # fmt: skip


SAMPLE = parse(
    "# 示例条例\n\n- 2020年1月2日示例市第一届人民代表大会常务委员会第一次会议通过\n\n<!-- INFO END -->\n\n"
    "## 第一章 总则\n\n第一条 为了示例，制定本条例。\n\n第二条 甲。\n\n乙：\n\n（一）丙；\n\n（二）丁；\n\n（三）戊。\n\n"
    "第三条 依照本条例第二条和第四条至第五条，前款。\n\n## 第二章 附则\n\n第四条 己。\n\n第五条 本条例自2020年3月1日起施行。\n"
)

RENUMBER = "此外，对条文顺序作相应调整。\n"


def apply(
    body: str, regulation: Regulation = SAMPLE, *, renumber: bool = True, **kwargs: bool
) -> Regulation:
    return parse_amendment(decision(body, tail=RENUMBER if renumber else "")).apply(
        regulation, **kwargs
    )


def texts(regulation: Regulation) -> list[tuple[str, str]]:
    return [(a.label, a.text) for a in regulation.articles]


# --------------------------------------------------------------------------- the bundled regulation


def test_bundled_regulation_decision_gives_the_expected_text() -> None:
    """wuxi_decision.md (twelve instructions of mixed kinds) on load(): wuxi_consolidated.md,
    checked hunk by hunk against the decision (the numbers: 第七条 deleted, 第十二条 inserted,
    old 第四十八条 moved into 第四章 as 第三十四条)."""
    amendment = parse_amendment(read("wuxi_decision.md"))
    result = amendment.apply(wdr.load())
    assert render(result) == read("wuxi_consolidated.md")
    assert parse(render(result)) == result
    assert len(result.articles) == len(wdr.load().articles)  # one deleted, one inserted
    assert result.effective_date == datetime.date(2026, 1, 1)
    assert [e.action for e in result.history] == ["通过", "批准", "修正", "施行"]
    assert result.article(34).text.startswith(
        "市、县级市、区人民政府及其有关部门应当推进信息无障碍建设"
    )
    assert result.chapter(4).articles[-1].number == 34
    assert result.chapter(6).title == "数字生态与安全保障"
    assert amendment.apply(wdr.load()) == result  # deterministic


# --------------------------------------------------------------------------- 刑法修正案（十一）


def test_amendment_11_on_the_consolidated_code_changes_no_article(
    criminal_law: Regulation, amendment_11_text: str
) -> None:
    result = parse_amendment(amendment_11_text).apply(criminal_law)
    assert result.articles == criminal_law.articles
    assert result == criminal_law  # its history line is there already: nothing is added


REVERTED = [
    # (the consolidated text, the text before 刑法修正案（十一）)
    ("第十七条 已满十六周岁的人犯罪，应当负刑事责任。\n\n已满十四周岁不满十六周岁的人，犯故意杀人、故意伤害致人重伤或者死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪的，应当负刑事责任。\n\n已满十二周岁不满十四周岁的人，犯故意杀人、故意伤害罪，致人死亡或者以特别残忍手段致人重伤造成严重残疾，情节恶劣，经最高人民检察院核准追诉的，应当负刑事责任。\n\n对依照前三款规定追究刑事责任的不满十八周岁的人，应当从轻或者减轻处罚。\n\n因不满十六周岁不予刑事处罚的，责令其父母或者其他监护人加以管教；在必要的时候，依法进行专门矫治教育。",
     "第十七条 已满十六周岁的人犯罪，应当负刑事责任。\n\n已满十四周岁不满十六周岁的人，犯故意杀人、故意伤害致人重伤或者死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪的，应当负刑事责任。\n\n已满十四周岁不满十八周岁的人犯罪，应当从轻或者减轻处罚。\n\n因不满十六周岁不予刑事处罚的，责令他的家长或者监护人加以管教；在必要的时候，也可以由政府收容教养。"),
    ("\n\n第一百三十三条之二 对行驶中的公共交通工具的驾驶人员使用暴力或者抢控驾驶操纵装置，干扰公共交通工具正常行驶，危及公共安全的，处一年以下有期徒刑、拘役或者管制，并处或者单处罚金。\n\n前款规定的驾驶人员在行驶的公共交通工具上擅离职守，与他人互殴或者殴打他人，危及公共安全的，依照前款的规定处罚。\n\n有前两款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。", ""),
    ("\n\n违反野生动物保护管理法规，以食用为目的非法猎捕、收购、运输、出售第一款规定以外的在野外环境自然生长繁殖的陆生野生动物，情节严重的，依照前款的规定处罚。", ""),
]  # fmt: skip


def test_amendment_11_puts_reverted_changes_back(
    criminal_law: Regulation, amendment_11_text: str
) -> None:
    source = read("real/刑法.md")
    for consolidated, before in REVERTED:
        assert source.count(consolidated) == 1
        source = source.replace(consolidated, before)
    older = parse(source)
    assert len(older.articles) == len(criminal_law.articles) - 1
    assert older.article(17) != criminal_law.article(17)
    assert len(older.article(341).paragraphs) == 2
    result = parse_amendment(amendment_11_text).apply(older)
    assert result.articles == criminal_law.articles


# --------------------------------------------------------------------------- the numbering semantics


def test_targets_use_old_numbers_and_insertions_new_ones() -> None:
    result = apply(
        "一、增加一条，作为第二条：“新。”\n\n二、删去第四条。\n\n三、将第五条修改为：“本条例自2025年1月1日起施行。”"
    )
    assert texts(result) == [
        ("第一条", "为了示例，制定本条例。"), ("第二条", "新。"), ("第三条", SAMPLE.article(2).text),
        ("第四条", SAMPLE.article(3).text), ("第五条", "本条例自2025年1月1日起施行。"),
    ]  # fmt: skip
    assert [a.number for a in result.chapter(1).articles] == [1, 2, 3, 4]  # the new one in 第一章


def test_inserted_zhi_articles_renumber_nothing() -> None:
    result = apply("一、在第二条后增加一条，作为第二条之一：“新。”\n\n二、在第二条之一后增加一条，作为第二条之二：“又新。”", renumber=False)  # fmt: skip
    assert [a.label for a in result.articles] == ["第一条", "第二条", "第二条之一", "第二条之二", "第三条", "第四条", "第五条"]  # fmt: skip


def test_deleting_without_renumbering_leaves_the_place() -> None:
    result = apply("一、删去第四条。", renumber=False)
    assert result.article(4).text == "（删去）" and len(result.articles) == 5
    again = parse_amendment(decision("一、删去第四条。")).apply(result)
    assert again == result  # already in place


def test_paragraphs_and_items_follow_old_numbers() -> None:
    result = apply(
        "一、删去第二条第一款。\n\n二、将第二条第二款第三项修改为：“（三）庚。”\n\n"
        "三、在第二条第二款中增加一项，作为第二项：“（二）辛；”\n\n四、删去第二条第二款第一项。"
    )
    (paragraph,) = result.article(2).paragraphs
    assert paragraph.text == "乙：" and [(i.number, i.text) for i in paragraph.items] == [
        (1, "辛；"), (2, "丁；"), (3, "庚。")]  # fmt: skip


def test_words_headings_and_moves() -> None:
    result = apply(
        "一、将第一条中的“示例”修改为“说明”。\n\n二、在第四条中的“己”后增加“庚”。\n\n三、将第二章的章名修改为“附 则”。\n\n"
        "四、将第一条移至第二章，作为第四条。"
    )
    assert [(c.title, [a.number for a in c.articles]) for c in result.chapters] == [
        ("总则", [1, 2]),
        ("附 则", [3, 4, 5]),
    ]
    assert result.article(4).text == "为了说明，制定本条例。" and result.article(3).text == "己庚。"


def test_title_preamble_and_heads() -> None:
    result = apply("一、将名称修改为“示例规定”。\n\n二、将第二条条首部分修改为：“甲乙：”")
    assert result.title == "示例规定" and result.article(2).paragraphs[1].text == "甲乙："
    constitution = parse(read("real/宪法.md"))
    text = ("# 中华人民共和国宪法修正案（示例）\n\n2030年1月1日 示例会议通过\n\n<!-- INFO END -->\n\n"
            "第一条 宪法序言第一自然段中“光荣的革命传统”修改为“光荣的传统”。\n\n"
            "第二条 宪法序言第三自然段第一句“二十世纪，中国发生了翻天覆地的伟大历史变革。”修改为：“甲。”\n")  # fmt: skip
    changed = parse_amendment(text).apply(constitution)
    preface = changed.preamble[0]
    assert isinstance(preface, Division)
    paragraphs = [c for c in preface.children if isinstance(c, Paragraph)]
    assert paragraphs[0].text.endswith("具有光荣的传统。") and paragraphs[2].text == "甲。"
    assert changed.articles == constitution.articles


def test_constitution_2018_excerpt_on_the_consolidated_constitution() -> None:
    constitution = parse(read("real/宪法.md"))
    assert parse_amendment(read("constitution_2018.md")).apply(constitution) == constitution


def test_history_gets_the_amendment_once() -> None:
    result = apply("一、删去第四条。")
    assert [e.text for e in result.history[1:]] == [
        "2024年5月6日示例市第一届人民代表大会常务委员会第二次会议《关于修改〈示例条例〉的决定》第一次修正"
    ]
    assert result.history[1].action == "修正" and result.history[1].date == datetime.date(
        2024, 5, 6
    )


# --------------------------------------------------------------------------- errors: nothing half-applied


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("一、将第一条修改为：“甲。”\n\n二、删去第九条。", "《示例条例》 has no 第九条"),
        ("一、删去第二条第三款。", "第二条 has no 第三款 (2 款)"),
        (  # the old number counts, whatever came before it: a 款 inserted makes no 第三款
            "一、在第二条中增加一款，作为第二款：“新。”\n\n二、删去第二条第三款。",
            "第二条 has no 第三款 (2 款 before this amendment, whose instructions name 款 by "
            "their old numbers)",
        ),
        (
            "一、删去第二条第二款。\n\n二、将第二条第二款修改为：“新。”",
            "第二条第二款 is gone: an earlier instruction of this amendment deleted, replaced or moved it",
        ),
        ("一、将第一条中的“不存在”修改为“甲”。", "“不存在” is not in 第一条"),
        ("一、删去第一条中的“不存在”。", "“不存在” is not in 第一条"),
        ("一、在第一条中的“不存在”后增加“甲”。", "“不存在” is not in 第一条"),
        ("一、将第九章的章名修改为“甲”。", "《示例条例》 has no 第九章"),
    ],
)
def test_errors_name_the_instruction(body: str, message: str) -> None:
    before = pickle.dumps(SAMPLE)
    with pytest.raises(AmendmentError) as caught:
        apply(body)
    err = caught.value
    assert err.message == message and err.source == "关于修改《示例条例》的决定"
    assert err.line == body.count("\n") + 9 and err.column == 3
    assert pickle.loads(pickle.dumps(err)).message == message
    assert pickle.dumps(SAMPLE) == before  # the regulation is a value: nothing was touched


def test_wrong_instrument_is_refused() -> None:
    with pytest.raises(AmendmentError, match="amends 《甲条例》, not 《示例条例》"):
        parse_amendment(decision("一、删去第四条。", title="甲条例")).apply(SAMPLE)


def test_error_text() -> None:
    with pytest.raises(AmendmentError) as caught:
        apply("一、删去第九条。")
    assert (
        str(caught.value)
        == "关于修改《示例条例》的决定:9:3: 《示例条例》 has no 第九条\n    删去第九条\n    ^"
    )


# --------------------------------------------------------------------------- 衔接性修改


def test_update_references_follows_renumbered_targets() -> None:
    result = apply("一、增加一条，作为第二条：“依照本条例第二条。”", update_references=True)
    assert result.article(4).text == "依照本条例第三条和第五条至第六条，前款。"
    assert (
        result.article(2).text == "依照本条例第二条。"
    )  # new wording already speaks the new numbers
    plain = apply("一、增加一条，作为第二条：“依照本条例第二条。”")
    assert plain.article(4).text == SAMPLE.article(3).text


def test_update_references_leaves_the_references_a_decision_rewrote_itself() -> None:
    """A decision that spells out its 衔接性修改 (将第三条中的“第一条”修改为“第二条”) wrote the
    new number: it is not moved again; the reference beside it that the decision left is."""
    reg = parse(
        "# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n"
        "第三条 违反本条例第一条规定的，依照本条例第二条处理。\n"
    )
    decision = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、增加一条，作为第一条：“丙。”\n\n"
        "二、将第三条中的“第一条”修改为“第二条”。\n\n此外，对条文顺序作相应调整。\n"
    )
    result = decision.apply(reg, update_references=True)
    assert result.article(4).text == "违反本条例第二条规定的，依照本条例第三条处理。"


def test_update_references_leaves_a_restated_item_as_written() -> None:
    """A 项 the decision restates is its wording, whole (in the new numbering), even where it
    repeats a reference the 项 had; the 项 beside it follows the renumbering."""
    reg = parse(
        "# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 有下列情形的：\n\n"
        "（一）违反本条例第一条；\n\n（二）违反本条例第二条。\n"
    )
    decision = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、增加一条，作为第一条：“丙。”\n\n"
        "二、将第三条第一款第二项修改为：“（二）违反本条例第二条、第三条。”\n\n"
        "此外，对条文顺序作相应调整。\n"
    )
    items = decision.apply(reg, update_references=True).article(4).paragraphs[0].items
    assert [i.text for i in items] == ["违反本条例第二条；", "违反本条例第二条、第三条。"]


def _decide(*clauses: str) -> wdr.Amendment:
    numbered = "".join(f"{wdr.to_chinese(n)}、{c}\n\n" for n, c in enumerate(clauses, 1))
    return parse_amendment(f"# 关于修改《示例条例》的决定\n\n{numbered}")


#: 第二条 has three 款; the others cite them absolutely, internally, relatively and in ranges
PARAGRAPHS = parse(
    "# 示例条例\n\n第一条 依照本条例第二条第二款和第二条第三款，参照第二条第一款至第三款。\n\n"
    "第二条 甲。\n\n乙。\n\n违反本条第二款规定的，依照第一款处理。\n\n"
    "第三条 有下列情形之一的：\n\n（一）丙；\n\n（二）丁。\n\n"
    "第四条 属于第三条第二项情形的，依照本条例第三条第一项处理。\n"
)


def test_update_references_follows_a_paragraph_inserted_before_its_target() -> None:
    """A 款 inserted before 第二款 moves every later 款 of the article down one: references to
    them, absolute, internal, relative (本条第二款, a bare 第一款) and in ranges, follow."""
    result = _decide("在第二条中增加一款，作为第一款：“新。”").apply(
        PARAGRAPHS, update_references=True
    )
    assert [p.text for p in result.article(2).paragraphs] == [
        "新。", "甲。", "乙。", "违反本条第三款规定的，依照第二款处理。",
    ]  # fmt: skip
    # (a list is written as format_citation writes it: the article once, as stale_references)
    assert result.article(1).text == "依照本条例第二条第三款和第四款，参照第二条第二款至第四款。"
    plain = _decide("在第二条中增加一款，作为第一款：“新。”").apply(PARAGRAPHS)
    assert plain.article(1).text == PARAGRAPHS.article(1).text


def test_update_references_follows_an_item_inserted_before_its_target() -> None:
    result = _decide("在第三条中增加一项，作为第一项：“（一）新；”").apply(
        PARAGRAPHS, update_references=True
    )
    assert [i.text for i in result.article(3).paragraphs[0].items] == ["新；", "丙；", "丁。"]
    assert result.article(4).text == "属于第三条第三项情形的，依照本条例第三条第二项处理。"


def test_update_references_leaves_a_reference_to_a_deleted_paragraph_to_the_drafter() -> None:
    """第二款 deleted: a reference that names it has lost a target and is left whole as written
    (a drafter decides), while a range over it keeps what is left of it."""
    result = _decide("删去第二条第二款。").apply(PARAGRAPHS, update_references=True)
    assert result.article(1).text == (
        "依照本条例第二条第二款和第二条第三款，参照第二条第一款至第二款。"
    )
    assert result.article(2).paragraphs[1].text == "违反本条第二款规定的，依照第一款处理。"


def test_update_references_shrinks_a_range_an_article_was_deleted_from() -> None:
    reg = parse(
        "# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n\n"
        "第四条 依照本条例第一条至第三条和第三条。\n"
    )
    decision = _decide("删去第二条。", "此外，对条文顺序作相应调整。")
    result = decision.apply(reg, update_references=True)
    assert result.article(3).text == "依照本条例第一条至第二条和第二条。"


def test_update_references_follows_a_restated_article_that_moved() -> None:
    """A restated article's 款 are the amendment's wording, but they stand where the old ones
    stood: 第二条第三款 cited elsewhere becomes 第三条第三款 when the article moves."""
    decision = _decide(
        "增加一条，作为第一条：“新。”",
        "将第二条修改为：“甲。\n\n乙。\n\n丙。”",
        "此外，对条文顺序作相应调整。",
    )
    result = decision.apply(PARAGRAPHS, update_references=True)
    assert result.article(2).text == ("依照本条例第三条第二款和第三款，参照第三条第一款至第三款。")


@given(st.integers(1, 5), st.data())
def test_update_references_moves_each_paragraph_reference_past_an_inserted_one(
    count: int, data: st.DataObject
) -> None:
    """第一条 of *count* 款; 第二条 cites each of them (absolutely, internally, by 本条例);
    a 款 inserted as 第k款 moves every 第j款 with j ≥ k to 第j+1款 and leaves the others."""
    cn = wdr.to_chinese
    k = data.draw(st.integers(1, count + 1), label="inserted as")
    forms = data.draw(st.lists(st.sampled_from(["", "本条例"]), min_size=count, max_size=count))
    refs = "；".join(f"{f}第一条第{cn(j)}款" for j, f in enumerate(forms, 1))
    reg = parse(
        "# 示例条例\n\n第一条 "
        + "\n\n".join(f"款{j}。" for j in range(1, count + 1))
        + f"\n\n第二条 {refs}。\n"
    )
    result = _decide(f"在第一条中增加一款，作为第{cn(k)}款：“新。”").apply(
        reg, update_references=True
    )
    moved = "；".join(f"{f}第一条第{cn(j + (j >= k))}款" for j, f in enumerate(forms, 1))
    assert result.article(2).text == f"{moved}。"


def test_update_references_rewrites_a_previous_unit_that_is_no_longer_the_previous_one() -> None:
    """前款, 前两款, 前两项 and 前条 name the units just before them: when a 款, 项 or article is
    inserted between, they name the new one, and are rewritten with the number of what they
    named (written inside the article, or the 款, that holds them, as drafters do)."""
    reg = parse(
        "# 示例条例\n\n第一条 甲。\n\n犯前款罪的，依照前款处罚。\n\n前两款规定以外的，乙。\n\n"
        "第二条 有下列情形之一的：\n\n（一）丙；\n\n（二）丁；\n\n（三）前两项以外的。\n\n"
        "第三条 依照前条。\n"
    )
    decision = _decide(
        "在第一条中增加一款，作为第二款：“新。”",
        "在第二条中增加一项，作为第二项：“（二）新；”",
        "增加一条，作为第三条：“戊。”",
        "此外，对条文顺序作相应调整。",
    )
    result = decision.apply(reg, update_references=True)
    assert [p.text for p in result.article(1).paragraphs] == [
        "甲。", "新。", "犯第一款罪的，依照第一款处罚。", "第一款和第三款规定以外的，乙。",
    ]  # fmt: skip
    items = result.article(2).paragraphs[0].items
    assert [i.text for i in items] == ["丙；", "新；", "丁；", "第一项和第三项以外的。"]
    assert result.article(4).text == "依照第二条。"
    # and where nothing came between, they stay as written
    same = _decide("在第一条中增加一款，作为第四款：“新。”").apply(reg, update_references=True)
    assert [p.text for p in same.article(1).paragraphs][1:3] == [
        "犯前款罪的，依照前款处罚。", "前两款规定以外的，乙。",
    ]  # fmt: skip


def test_update_references_follows_renumbered_chapters() -> None:
    """A 章 inserted and the chapters renumbered (条文顺序作相应调整): 第二章 cited elsewhere
    becomes 第三章; a range over chapters that are no longer next to each other is listed."""
    reg = parse(
        "# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第二章 分则\n\n第二条 乙。\n\n"
        "## 第三章 附则\n\n第三条 违反本条例第二章规定的，依照第三章和第一章至第二章处理。\n"
    )
    decision = _decide(
        "增加一章，作为第二章：“第二章 新章\n\n第二条 新。”", "此外，对条文顺序作相应调整。"
    )
    result = decision.apply(reg, update_references=True)
    assert [c.title for c in result.chapters] == ["总则", "新章", "分则", "附则"]
    assert result.article(4).text == "违反本条例第三章规定的，依照第四章、第一章和第三章处理。"


def test_update_references_without_a_move_changes_nothing() -> None:
    result = _decide("将第二条第一款修改为：“新。”").apply(PARAGRAPHS, update_references=True)
    assert [a.text for a in result.articles if a.number != 2] == [
        a.text for a in PARAGRAPHS.articles if a.number != 2
    ]


@given(st.integers(3, 9), st.data())
def test_update_references_moves_every_reference_once(count: int, data: st.DataObject) -> None:
    """Whichever of its references a decision rewrites itself, each reference of the amended
    text ends up following its target exactly once (an article inserted first: 第k条 →
    第k+1条), in a 款 and in its 项 alike."""
    cn = wdr.to_chinese
    cited = list(range(1, count))
    spelled = sorted(data.draw(st.sets(st.sampled_from(cited)), label="spelled out"))
    in_item = data.draw(st.sampled_from(cited), label="in the 项")
    refs = "、".join(f"本条例第{cn(k)}条" for k in cited if k != in_item)
    reg = parse(
        "# 示例条例\n\n"
        + "".join(f"第{cn(k)}条 条文{k}。\n\n" for k in cited)
        + f"第{cn(count)}条 依照{refs}的规定：\n\n（一）适用本条例第{cn(in_item)}条。\n"
    )
    # largest first, so that no clause finds the words another one wrote
    clauses = [
        f"{cn(n)}、将第{cn(count)}条中的“第{cn(k)}条”修改为“第{cn(k + 1)}条”。"
        for n, k in enumerate(reversed(spelled), 2)
    ]
    decision = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、增加一条，作为第一条：“新增。”\n\n"
        + "".join(c + "\n\n" for c in clauses)
        + "此外，对条文顺序作相应调整。\n"
    )
    result = decision.apply(reg, update_references=True)
    paragraph = result.article(count + 1).paragraphs[0]
    moved = "、".join(f"本条例第{cn(k + 1)}条" for k in cited if k != in_item)
    assert paragraph.text == f"依照{moved}的规定："
    assert paragraph.items[0].text == f"适用本条例第{cn(in_item + 1)}条。"


@given(
    st.integers(1, 9999),
    st.integers(1, 9999),
    st.sampled_from(["chinese", "ascii", "full"]),
    st.integers(0, 9),
)
def test_a_renumbered_reference_keeps_the_numerals_it_was_written_with(
    old: int, new: int, style: str, suffix: int
) -> None:
    """第35条 (academic), 第３５条 (full width) and 第三十五条 follow their target in the numerals
    they were written with; a full-width number was not found at all, an Arabic one turned
    Chinese."""
    assume(old != new)
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    writers: dict[str, Callable[[int], str]] = {
        "chinese": wdr.to_chinese,
        "ascii": str,
        "full": lambda n: str(n).translate(full),
    }
    write = writers[style]
    tail = f"之{write(suffix)}" if suffix else ""
    reg = parse(f"# 示例条例\n\n第一条 依照本条例第{write(old)}条{tail}的规定。\n")
    (update,) = renumbered_references(reg, {(old, suffix): (new, suffix)})
    assert (update.old, update.new) == (
        f"本条例第{write(old)}条{tail}",
        f"本条例第{write(new)}条{tail}",
    )


def test_renumbered_references_reports_spans() -> None:
    updates = renumbered_references(SAMPLE, {(2, 0): (3, 0), (4, 0): (5, 0), (5, 0): (6, 0)})
    assert [(str(u.at), u.start, u.end, u.old, u.new) for u in updates] == [
        ("第三条第一款", 2, 16, "本条例第二条和第四条至第五条", "本条例第三条和第五条至第六条"),
    ]
    assert renumber_references(SAMPLE, {}) is SAMPLE
    skipped = renumber_references(
        SAMPLE, {(2, 0): (3, 0)}, skip=frozenset({Citation(article=3, paragraph=1)})
    )
    assert skipped == SAMPLE


def test_new_chapter_holds_its_articles() -> None:
    result = apply("一、增加一章，作为第二章：“第二章 数据\n第四条 新。\n第五条 又新。”")
    assert [(c.label, c.title, [a.text for a in c.articles]) for c in result.chapters] == [
        ("第一章", "总则", [a.text for a in SAMPLE.chapter(1).articles]),
        ("第二章", "数据", ["新。", "又新。"]),
        ("第三章", "附则", ["己。", "本条例自2020年3月1日起施行。"]),
    ]
    assert [a.number for a in result.articles] == [1, 2, 3, 4, 5, 6, 7]


def test_merge_items_and_document_wide_words() -> None:
    merged = apply("一、将第三条和第四条合并修改为：“合并。”")
    assert texts(merged)[2:] == [("第三条", "合并。"), ("第四条", "本条例自2020年3月1日起施行。")]
    items = apply("一、在第二条第二款中增加一项：“庚。”\n\n二、删去第二条第二款第一项。")
    assert [(i.number, i.text) for i in items.article(2).paragraphs[1].items] == [
        (1, "丁；"), (2, "戊；"), (3, "庚。")]  # fmt: skip
    everywhere = apply("一、将本条例中的“本条例”统一修改为“本规定”。")
    assert everywhere.article(5).text == "本规定自2020年3月1日起施行。"
    assert "本规定第二条" in everywhere.article(3).text
    appended = apply("一、第四条增加规定：“子。”")
    assert appended.article(4).text == "己。\n子。"
    again = parse_amendment(decision("一、第四条增加规定：“子。”")).apply(appended)
    assert again.article(4).text == "己。\n子。"  # already in place


def test_amendment_values_pickle() -> None:
    amendment = parse_amendment(read("wuxi_decision.md"))
    assert pickle.loads(pickle.dumps(amendment)) == amendment
    assert hash(amendment) == hash(pickle.loads(pickle.dumps(amendment)))


def test_free_text_paragraphs_of_a_decision() -> None:
    notice = parse("# 示例通知\n\n一、甲。\n\n二、乙。\n\n三、丙。\n")
    text = "# 关于修改《示例通知》的决定\n\n<!-- INFO END -->\n\n一、将正文第二段修改为：“二、丁。”\n\n二、将正文第三段中的“丙”修改为“戊”。\n"
    result = parse_amendment(text).apply(notice)
    assert [p.text for p in result.body if isinstance(p, Paragraph)] == [
        "一、甲。",
        "二、丁。",
        "三、戊。",
    ]


def test_result_level_errors_name_an_instruction() -> None:
    with pytest.raises(AmendmentError) as caught:
        apply("一、增加一条，作为第三条：“新。”", renumber=False)
    assert caught.value.line == 9 and "the result has two 第三条" in caught.value.message
    one = parse("# 示例条例\n\n第一条 甲。\n")
    with pytest.raises(AmendmentError, match="leaves 《示例条例》 with no article") as emptied:
        apply("一、删去第一条。", one)
    assert emptied.value.line == 9
    # an article deleted and another added: the text is never left empty
    replaced = apply("一、删去第一条。\n\n二、增加一条，作为第一条：“乙。”", one)
    assert texts(replaced) == [("第一条", "乙。")]


def test_renumbering_turns_zhi_articles_into_plain_ones() -> None:
    coded = parse("# 示例条例\n\n第一条 甲。\n\n第一条之一 乙。\n\n第二条 丙。\n")
    result = apply("一、删去第一条。", coded)
    assert texts(result) == [("第一条", "乙。"), ("第二条", "丙。")]


# --------------------------------------------------------------------------- headings and placement


def chapters(regulation: Regulation) -> list[tuple[str, str, list[str]]]:
    return [(c.label, c.title, [a.label for a in c.articles]) for c in regulation.chapters]


def test_an_article_put_in_a_chapter_opens_it() -> None:
    """增加一条，作为第四条 would join 第一章 (the article before it); 在第二章中 puts it first in
    第二章."""
    plain = apply("一、增加一条，作为第四条：“庚。”")
    assert chapters(plain)[0][2] == ["第一条", "第二条", "第三条", "第四条"]
    within = apply("一、在第二章中增加一条，作为第四条：“庚。”")
    assert chapters(within) == [
        ("第一章", "总则", ["第一条", "第二条", "第三条"]),
        ("第二章", "附则", ["第四条", "第五条", "第六条"]),
    ]
    assert within.article(4).text == "庚。"
    (op,) = parse_amendment(decision("一、在第二章中增加一条，作为第四条：“庚。”")).operations
    assert isinstance(op, wdr.amendments.Insert) and str(op.within) == "第二章"


def test_deleting_a_chapter_deletes_what_is_left_in_it() -> None:
    result = apply("一、将第四条移至第一章，作为第四条。\n\n二、删去第二章。")
    assert chapters(result) == [("第一章", "总则", ["第一条", "第二条", "第三条", "第四条"])]
    assert result.article(4).text == "己。"
    with pytest.raises(AmendmentError, match="has no 第三章"):
        apply("一、删去第三章。")
    with pytest.raises(AmendmentError, match="has no 第五条"):  # deleted with its chapter
        apply("一、删去第二章。\n\n二、删去第五条。")


def test_a_new_chapter_with_sections_and_a_new_section() -> None:
    result = apply(
        "一、增加一章，作为第二章：“第二章 数据\n“第一节 采集\n“第四条 新。\n“第二节 使用\n"
        "“第五条 又新。\n“第六条 再新。”\n\n二、在第一章中增加一节，作为第一节：“第一节 通则\n“第一条 首。”"
    )
    assert chapters(result) == [
        ("第一章", "总则", ["第一条", "第二条", "第三条", "第四条"]),
        ("第二章", "数据", ["第五条", "第六条", "第七条"]),
        ("第三章", "附则", ["第八条", "第九条"]),
    ]
    data = result.chapter(2)
    assert [(s.label, s.title, [a.text for a in s.articles]) for s in data.sections] == [
        ("第一节", "采集", ["新。"]),
        ("第二节", "使用", ["又新。", "再新。"]),
    ]
    (general,) = result.chapter(1).sections
    assert general.title == "通则" and [a.text for a in general.articles] == ["首。"]
    assert result.article(1).text == SAMPLE.article(1).text  # the old articles stay before it


def test_new_headings_fall_where_their_numbers_fall() -> None:
    """Two new chapters and a deleted one: each new chapter's number is its place in the
    result, counted once every instruction has run (not among the old chapters)."""
    three = apply("一、删去第二章。\n\n二、增加一章，作为第二章：“第二章 乙\n“第四条 新。”\n\n"
                  "三、增加一章，作为第三章：“第三章 丙\n“第五条 又新。”")  # fmt: skip
    assert [(c.label, c.title) for c in three.chapters] == [
        ("第一章", "总则"), ("第二章", "乙"), ("第三章", "丙")]  # fmt: skip
    assert texts(three)[3:] == [("第四条", "新。"), ("第五条", "又新。")]


def test_without_renumbering_an_article_goes_where_its_number_falls() -> None:
    gaps = parse("# 示例条例\n\n第一条 甲。\n\n第三条 丙。\n\n第三条之一 丁。\n\n第五条 戊。\n")
    result = apply(
        "一、增加一条，作为第四条：“新。”\n\n二、增加一条，作为第二条：“乙。”", gaps, renumber=False
    )
    assert [a.label for a in result.articles] == [
        "第一条", "第二条", "第三条", "第三条之一", "第四条", "第五条"]  # fmt: skip


def test_part_retitled_and_a_quote_opening_a_paragraph() -> None:
    parted = parse(
        "# 示例法\n\n## 第一编 总则\n\n### 第一章 一般规定\n\n第一条 甲。\n\n## 第二编 分则\n\n"
        "### 第二章 其他\n\n第二条 乙。\n"
    )
    result = parse_amendment(
        decision(
            "一、将第二编的编名修改为“特别规定”。\n\n二、将第二条修改为：““数据”，是指电子记录。\n“乙。”",
            "示例法",
        )
    ).apply(parted)
    assert [p.title for p in result.parts] == ["总则", "特别规定"]
    assert [p.text for p in result.article(2).paragraphs] == ["“数据”，是指电子记录。", "乙。"]


def test_an_instruction_that_leaves_an_invalid_text_is_the_one_named() -> None:
    """The result of all the instructions is no valid regulation: the error names the first
    instruction after which the text is invalid (found by bisection), not line 1."""
    regulation = wdr.parse("# 例\n\n第一条 甲修改为：\n\n“甲乙。”\n\n第二条 丙。\n")
    amendment = wdr.parse_amendment(
        "# 关于修改《例》的决定\n\n一、将第二条修改为：“丁。”\n\n"
        "二、将第一条中的“修改为：”修改为“规定。”\n\n三、将第二条修改为：“戊。”\n"
    )
    with pytest.raises(wdr.AmendmentError) as info:
        amendment.apply(regulation)
    err = info.value
    assert (err.line, err.column, err.text) == (5, 3, "将第一条中的“修改为：”修改为“规定。”")
    assert err.message == (
        "the amended text is not a valid regulation after this instruction: Paragraph 1: the "
        "line '“甲乙。”' would read back as a new 款, not as a further paragraph of the unit "
        "before it: a further paragraph of a 款 stands inside a quotation the 款 opened "
        "(修改为：“…)"
    )
