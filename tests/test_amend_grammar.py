"""Reading amending instruments: one fixture per instruction form, the census forms, the defects.

The forms are those of docs/citation-practice.md (amending instructions as real instruments
write them) and docs/amendments.md; the lines marked *real* are cut from real
instruments (刑法修正案（九）（十一）（十二）, 宪法修正案 1988/1999/2004/2018).
"""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import attrs
import pytest

from wuxi_dt_regulation import Citation, ParseError, ParseWarning, parse_amendment
from wuxi_dt_regulation.amendments import (
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertHeading,
    InsertWords,
    Move,
    Note,
    Operation,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)

HERE = Path(__file__).parent / "amend"
LAW = "中华人民共和国示例法"
HEAD = (
    f"# 全国人民代表大会常务委员会关于修改《{LAW}》的决定\n\n"
    "2024年1月2日 第十四届全国人民代表大会常务委员会第八次会议通过\n\n<!-- INFO END -->\n\n"
    f"第十四届全国人民代表大会常务委员会第八次会议决定对《{LAW}》作如下修改：\n\n"
)
NO_SPAN = Span(0, 0, "")


def t(article: int | None = None, paragraph: int | None = None, item: int | None = None, *,
      suffix: int = 0, chapter: int | None = None, section: int | None = None, new: bool = False) -> Target:  # fmt: skip
    """A unit target, briefly."""
    return Target(Citation(article=article, suffix=suffix, paragraph=paragraph, item=item,
                           chapter=chapter, section=section), new=new)  # fmt: skip


def w(*lines: str) -> Wording:
    return Wording(lines)


def ops(body: str) -> list[Operation]:
    """The operations of a decision amending 示例法 whose instructions are *body*, spans blanked."""
    amendment = parse_amendment(HEAD + body)
    return [attrs.evolve(op, span=NO_SPAN) for op in amendment.operations]


def law(op: type, *args: object, **kwargs: object) -> Operation:
    return op(*args, span=NO_SPAN, instrument=LAW, **kwargs)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- the basic forms

BASIC = [
    # replace a unit
    ("一、将第十条修改为：“甲。”", [law(Replace, (t(10),), w("甲。"))]),
    ("一、将第十条第二款修改为：“甲。”", [law(Replace, (t(10, 2),), w("甲。"))]),
    ("一、将第十条第二款第三项修改为：“（三）甲；”", [law(Replace, (t(10, 2, 3),), w("（三）甲；"))]),
    ("一、将第十条修改为：“甲：\n“（一）乙；\n“（二）丙。\n“丁。”",
     [law(Replace, (t(10),), w("甲：", "（一）乙；", "（二）丙。", "丁。"))]),
    # replace words
    ("一、将第十条第二款中的“县级以上”修改为“设区的市级以上”。",
     [law(ReplaceWords, (t(10, 2),), ("县级以上",), "设区的市级以上")]),
    ("一、删去第八条中的“依法”。", [law(DeleteWords, (t(8),), ("依法",))]),
    ("一、在第九条中的“数据”后增加“和算力”。", [law(InsertWords, (t(9),), "数据", "和算力", "after")]),
    ("一、将第六条中的“侵犯”、“损害”修改为“侵害”。",
     [law(ReplaceWords, (t(6),), ("侵犯", "损害"), "侵害")]),
    # insert
    ("一、增加一条，作为第十一条：“甲。”", [law(Insert, t(11), w("甲。"))]),
    ("一、在第十条后增加一条，作为第十条之一：“甲。”", [law(Insert, t(10, suffix=1), w("甲。"), t(10))]),
    ("一、在第三条中增加一款，作为第二款：“甲。”", [law(Insert, t(3, 2), w("甲。"))]),
    ("一、在第五条第一款中增加一项，作为第三项：“（三）甲；”", [law(Insert, t(5, 1, 3), w("（三）甲；"))]),
    ("一、增加一章，作为第五章：“第五章 数据安全\n第二十条 甲。\n第二十一条 乙。”",
     [law(InsertHeading, t(chapter=5), "数据安全", (t(20), t(21))),
      law(Insert, t(20), w("甲。")), law(Insert, t(21), w("乙。"))]),
    ("一、在第三章中增加一节，作为第二节“数据交易”。", [law(InsertHeading, t(chapter=3, section=2), "数据交易")]),
    # delete
    ("一、删去第十二条。", [law(Delete, (t(12),))]),
    ("一、删去第十二条第二款。", [law(Delete, (t(12, 2),))]),
    ("一、删去第十二条第二款第三项。", [law(Delete, (t(12, 2, 3),))]),
    # move, renumber, retitle
    ("一、将第十九条改为第二十条。", [law(Renumber, t(19), t(20))]),
    ("一、将第二十条移至第四章，作为第三十四条。", [law(Move, t(20), t(chapter=4), t(34))]),
    ("一、将第五条第一款第六项修改为：“（六）甲；”；第七项至第九项相应改为第八项至第十项。",
     [law(Replace, (t(5, 1, 6),), w("（六）甲；")),
      *[law(Renumber, t(5, 1, n), t(5, 1, n + 1)) for n in (7, 8, 9)]]),
    ("一、将第二章的章名修改为“数据安全”。", [law(Retitle, t(chapter=2), "数据安全")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"), BASIC, ids=[b.split("\n")[0][2:24] for b, _ in BASIC]
)
def test_basic_forms(body: str, expected: list[Operation]) -> None:
    assert ops(body) == expected


# --------------------------------------------------------------------------- the census forms

CENSUS = [
    # other targets
    ("一、将引言修改为：“为正确审理案件，制定本解释。”",
     [law(Replace, (Target(scope="introduction"),), w("为正确审理案件，制定本解释。"))]),
    ("一、将名称修改为“示例规定”。", [law(Retitle, Target(scope="title"), "示例规定")]),
    ("一、将第一部分标题修改为“一般规定”。", [law(Retitle, Target(Citation(part=1)), "一般规定")]),
    ("一、将正文第三段修改为：“甲。”", [law(Replace, (Target(scope="document", number=3),), w("甲。"))]),
    ("一、将第五条条首部分修改为：“有下列情形之一的：”",
     [law(Replace, (Target(Citation(article=5), scope="head"),), w("有下列情形之一的："))]),
    ("一、在第一条第二款开始部分增加规定：“甲，”", [law(InsertWords, (t(1, 2),), "", "甲，", "start")]),
    # anchored word edits
    ("一、将第五条第一款中的“甲”后增加“乙”。", [law(InsertWords, (t(5, 1),), "甲", "乙", "after")]),
    ("一、在第五条第一款中的“甲”之后增加“乙”。", [law(InsertWords, (t(5, 1),), "甲", "乙", "after")]),
    ("一、在第五条中的“甲”前增写“乙”。", [law(InsertWords, (t(5),), "甲", "乙", "before")]),
    ("一、在第五条第一款中的“甲。”后增写一句，内容为：“乙。”",
     [law(InsertWords, (t(5, 1),), "甲。", "乙。", "after")]),
    ("一、删去第八条第一款末尾的“甲”和第二款末尾的“乙”。",
     [law(DeleteWords, (t(8, 1),), ("甲",)), law(DeleteWords, (t(8, 2),), ("乙",))]),
    ("一、删去第十六条第二款规定的“甲”。", [law(DeleteWords, (t(16, 2),), ("甲",))]),
    ("一、将名称、第一条、第三条、第八条中的“侵犯”修改为“侵害”。",
     [law(ReplaceWords, (Target(scope="title"), t(1), t(3), t(8)), ("侵犯",), "侵害")]),
    ("一、将本法中的“行政机关”统一修改为“行政主体”。",
     [law(ReplaceWords, (Target(scope="document"),), ("行政机关",), "行政主体")]),
    # several targets at once
    ("一、删除第二条、第三条、第四条、第十五条。", [law(Delete, (t(2), t(3), t(4), t(15)))]),
    ("一、删去第十二条和第十三条。", [law(Delete, (t(12), t(13)))]),
    ("一、删除第三十一条第一款、第三十五条第一款。", [law(Delete, (t(31, 1), t(35, 1)))]),
    ("一、将第六条和第七条合并修改为：“甲。”", [law(Replace, (t(6), t(7)), w("甲。"))]),
    ("一、将第一百八十六条第一款、第二款修改为：“甲。\n“乙。”",
     [law(Replace, (t(186, 1), t(186, 2)), w("甲。", "乙。"))]),
    # renumbering
    ("一、将第二条修改为第六条：“甲。”", [law(Renumber, t(2), t(6)), law(Replace, (t(2),), w("甲。"))]),
    ("一、将第五十一条改为第五十九条，修改为：“甲。”",
     [law(Renumber, t(51), t(59)), law(Replace, (t(51),), w("甲。"))]),
    ("一、将第八条第一款修改为：“甲。”；原第二款作为第三款，修改为：“乙。”",
     [law(Replace, (t(8, 1),), w("甲。")), law(Renumber, t(8, 2), t(8, 3)), law(Replace, (t(8, 2),), w("乙。"))]),
    ("一、删去第八条第一款；第二款改为第一款并修改为：“甲。”",
     [law(Delete, (t(8, 1),)), law(Renumber, t(8, 2), t(8, 1)), law(Replace, (t(8, 2),), w("甲。"))]),
    ("一、在第八条中增加一款，作为第二款：“甲。”第二款、第三款相应地改为第三款、第四款。",
     [law(Insert, t(8, 2), w("甲。")), law(Renumber, t(8, 2), t(8, 3)), law(Renumber, t(8, 3), t(8, 4))]),
    ("一、条文顺序作相应调整：“第八条”调整为“第七条”，“第九条”调整为“第八条”。",
     [law(Renumber, t(8), t(7, new=True)), law(Renumber, t(9), t(8, new=True))]),
    # insertions of several units
    ("一、在第一百二十条之一后增加两条，作为第一百二十条之二、第一百二十条之三：\n“第一百二十条之二 甲：\n“（一）乙。\n“第一百二十条之三 丙。”",
     [law(Insert, t(120, suffix=2), w("甲：", "（一）乙。"), t(120, suffix=1)),
      law(Insert, t(120, suffix=3), w("丙。"), t(120, suffix=2, new=True))]),
    ("一、增加两条，分别作为第十二条至第十三条。内容如下：\n第十二条 甲。\n第十三条 乙。\n丙。",
     [law(Insert, t(12), w("甲。")), law(Insert, t(13), w("乙。", "丙。"))]),
    ("一、在第二十四条的基础上增加两款，分别作为该条第二款和第三款：“甲。\n“乙。”",
     [law(Insert, t(24, 2), w("甲。")), law(Insert, t(24, 3), w("乙。"))]),
    ("一、第十一条增加规定：“甲。”", [law(Insert, t(11), w("甲。"), None, "paragraph")]),
    ("一、第五条增加一款，作为第一款，规定：“甲。”", [law(Insert, t(5, 1), w("甲。"))]),
    # implied targets
    ("一、在第十条中增加一款作为第二款，将该条修改为：“甲。\n“乙。”",
     [law(Insert, t(10, 2), w("乙。")), law(Replace, (t(10),), w("甲。", "乙。"))]),
    ("一、将第三条第二款中的“甲”修改为“乙”；这一款相应地修改为：“丙乙。”",
     [law(ReplaceWords, (t(3, 2),), ("甲",), "乙"), law(Replace, (t(3, 2),), w("丙乙。"))]),
    ("一、将第八条第二款修改为：“甲。”第三款改为第四款。",
     [law(Replace, (t(8, 2),), w("甲。")), law(Renumber, t(8, 3), t(8, 4))]),
    # compound instructions
    ("一、将第五十条修改为：“甲。”同时，删去第五十一条。",
     [law(Replace, (t(50),), w("甲。")), law(Delete, (t(51),))]),
    ("一、将第五十条修改为：“甲。”\n删去第五十一条。", [law(Replace, (t(50),), w("甲。")), law(Delete, (t(51),))]),
    ("一、删去第五十条，第五十一条改为第五十条。", [law(Delete, (t(50),)), law(Renumber, t(51), t(50))]),
    # numbering words
    ("一、将原第十二条改为第十一条。", [law(Renumber, t(12), t(11))]),
    ("一、将修改后《解释》第二十条修改为：“甲。”", [law(Replace, (t(20, new=True),), w("甲。"))]),
    # quotation styles: the quote on the line after 修改为：, only the first paragraph opening
    ("一、将第一条修改为：\n“甲。\n乙。”", [law(Replace, (t(1),), w("甲。", "乙。"))]),
    ("一、将第一条修改为：“甲：\n（一）乙；\n（二）丙。”", [law(Replace, (t(1),), w("甲：", "（一）乙；", "（二）丙。"))]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"), CENSUS, ids=[b.split("\n")[0][2:24] for b, _ in CENSUS]
)
def test_census_forms(body: str, expected: list[Operation]) -> None:
    assert ops(body) == expected


# every form of the census (docs/citation-practice.md) not written above, one fixture each
CENSUS_MORE = [
    # other targets, written without 将 or 在
    ("一、第五条条首部分修改为：“有下列情形之一的：”",
     [law(Replace, (Target(Citation(article=5), scope="head"),), w("有下列情形之一的："))]),
    ("一、第一条第二款开始部分增加规定：“甲，”", [law(InsertWords, (t(1, 2),), "", "甲，", "start")]),
    # a 项 inside an enumeration named by its words, unquoted (宪法第六十七条…职权第二十项)
    ("一、第六十七条全国人民代表大会常务委员会职权第二十项“甲”修改为“乙”。",
     [law(ReplaceWords, (t(67, None, 20),), ("甲",), "乙")]),
    # anchored word edits continued after a comma, in the unit named before
    ("一、将第五条中的“甲”修改为“乙”，“丙”修改为“丁”。",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(ReplaceWords, (t(5),), ("丙",), "丁")]),
    ("一、将第五条中的“甲”修改为“乙”，“丙”后增加“丁”，“戊”之后增加“己”，“庚”前增加“辛”。",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(InsertWords, (t(5),), "丙", "丁", "after"),
      law(InsertWords, (t(5),), "戊", "己", "after"), law(InsertWords, (t(5),), "庚", "辛", "before")]),
    ("一、将第五条中的“甲”修改为“乙”，“丙”、“戊”修改为“丁”。",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(ReplaceWords, (t(5),), ("丙", "戊"), "丁")]),
    ("一、将第五条中的“甲”修改为“乙”，第二款中的“丙”修改为“丁”。",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(ReplaceWords, (t(5, 2),), ("丙",), "丁")]),
    ("一、将第五条中的“甲”修改为“乙”；在“丙”前增写“丁”。",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(InsertWords, (t(5),), "丙", "丁", "before")]),
    # implied targets: the whole unit restated after a word edit
    ("一、将第五条中的“甲”修改为“乙”；这一条相应地修改为：“乙丙。”",
     [law(ReplaceWords, (t(5),), ("甲",), "乙"), law(Replace, (t(5),), w("乙丙。"))]),
    ("一、将序言第七自然段中的“甲”修改为“乙”；这一自然段相应地修改为：“乙丙。”",
     [law(ReplaceWords, (Target(scope="preamble", number=7),), ("甲",), "乙"),
      law(Replace, (Target(scope="preamble", number=7),), w("乙丙。"))]),
    # numbering words: in a follow-on clause the number is already the new one
    ("一、在第八条中增加一款作为第四款：“甲。”", [law(Insert, t(8, 4), w("甲。"))]),
    ("一、将第五条第一款修改为：“甲。”第三款改为第四款，修改为：“乙。”",
     [law(Replace, (t(5, 1),), w("甲。")), law(Renumber, t(5, 3), t(5, 4)), law(Replace, (t(5, 3),), w("乙。"))]),
    ("一、在第五条后增写一条，作为第五条之一：“甲。”", [law(Insert, t(5, suffix=1), w("甲。"), t(5))]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"), CENSUS_MORE, ids=[b.split("\n")[0][2:26] for b, _ in CENSUS_MORE]
)
def test_census_forms_continued(body: str, expected: list[Operation]) -> None:
    assert ops(body) == expected


def test_closing_clauses_are_properties_not_operations() -> None:
    amendment = parse_amendment(
        HEAD + "一、删去第七条。\n\n二、条文顺序作相应调整：“第八条”调整为“第七条”。\n\n"
        "本决定自2024年3月1日起施行。\n"
    )
    assert [op.KIND for op in amendment.operations] == ["delete", "renumber"]
    assert [attrs.evolve(c, span=NO_SPAN) for c in amendment.clauses] == [
        Renumbering(span=NO_SPAN, instrument=LAW),
        Commence(datetime.date(2024, 3, 1), span=NO_SPAN, instrument=LAW),
    ]
    assert [(c.span.line, c.span.column) for c in amendment.clauses] == [(11, 3), (13, 1)]
    assert amendment.renumbers and amendment.renumbers_for(LAW) and not amendment.republished
    assert not amendment.renumbers_for("中华人民共和国乙法")
    assert (
        amendment.effective_date == amendment.effective_date_for(LAW) == datetime.date(2024, 3, 1)
    )
    with pytest.raises(TypeError, match="clauses are Commence/Renumbering"):
        attrs.evolve(amendment, clauses=amendment.operations)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="operations are"):
        attrs.evolve(amendment, operations=amendment.clauses)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the constitution


def test_constitutional_forms_real() -> None:
    """宪法修正案 2018 (an excerpt, real lines): one article of the 修正案 per instruction."""
    amendment = parse_amendment((HERE / "constitution_2018.md").read_text(encoding="utf-8"))
    assert amendment.instruments == ("中华人民共和国宪法",)
    kinds = Counter(op.KIND for op in amendment.operations)
    assert kinds == {"replace-words": 7, "insert-words": 2, "replace": 4, "insert": 7,
                     "renumber": 28, "insert-heading": 1}  # fmt: skip
    first = amendment.operations[0]
    assert isinstance(first, ReplaceWords)
    assert first.targets == (Target(scope="preamble", number=7),)
    assert first.old == (
        "在马克思列宁主义、毛泽东思想、邓小平理论和“三个代表”重要思想指引下",
    )  # nested quotes kept
    assert (first.span.line, first.span.column) == (7, 7)
    by_line = {op.span.line: op for op in amendment.operations}
    sentence = by_line[9]
    assert isinstance(sentence, Replace) and sentence.targets == (
        Target(scope="preamble", number=10, sentences=(2, 2)),
    )
    last = [op for op in amendment.operations if op.span.line == 11][-1]
    assert isinstance(last, Replace) and last.targets == (
        Target(scope="preamble", number=12, sentences=(-1, -1)),
    )
    listed = [op for op in amendment.operations if op.span.line == 23]
    assert [(op.targets, op.old) for op in listed if isinstance(op, ReplaceWords)] == [
        ((t(89, None, 6),), ("领导和管理经济工作和城乡建设",)),
        ((t(89, None, 8),), ("领导和管理民政、公安、司法行政和监察等工作",)),
    ]  # the list named by its words (“国务院行使下列职权”中第六项) is skipped
    heading = next(op for op in amendment.operations if isinstance(op, InsertHeading))
    assert heading.target == t(chapter=3, section=7) and heading.title == "监察委员会"
    assert heading.holds == tuple(t(n) for n in range(123, 128))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 2004 第二十二条: each old and new 款 quoted separately on one line
        ("第二十二条 宪法第十三条“甲。”“乙。”修改为：“丙。”“丁。”“戊。”",
         Replace((t(13),), w("丙。", "丁。", "戊。"), ("甲。", "乙。"), span=NO_SPAN, instrument="中华人民共和国宪法")),
        # 1999 第十三条
        ("第十三条 宪法第五条增加一款，作为第一款，规定：“甲。”",
         Insert(t(5, 1), w("甲。"), span=NO_SPAN, instrument="中华人民共和国宪法")),
        # 1988 第一条
        ("第一条 宪法第十一条增加规定：“甲。”",
         Insert(t(11), w("甲。"), None, "paragraph", span=NO_SPAN, instrument="中华人民共和国宪法")),
        ("第三条 宪法序言第十自然段末尾增加：“甲。”",
         InsertWords((Target(scope="preamble", number=10),), "", "甲。", "end", span=NO_SPAN, instrument="中华人民共和国宪法")),
        ("第四条 宪法序言第十自然段后两句“甲。乙。”修改为：“丙。”",
         Replace((Target(scope="preamble", number=10, sentences=(-2, -1)),), w("丙。"), ("甲。乙。",), span=NO_SPAN, instrument="中华人民共和国宪法")),
    ],
)  # fmt: skip
def test_constitutional_forms(line: str, expected: Operation) -> None:
    text = f"# 中华人民共和国宪法修正案\n\n2004年3月14日 第十届全国人民代表大会第二次会议通过\n\n<!-- INFO END -->\n\n{line}\n"
    (op,) = parse_amendment(text).operations
    assert attrs.evolve(op, span=NO_SPAN) == expected
    assert op.span.line == 7 and op.span.column == line.index(" ") + 2


# --------------------------------------------------------------------------- 刑法修正案


def test_criminal_law_amendment_11_reads_every_instruction() -> None:
    amendment = parse_amendment(
        (HERE / "real" / "刑法修正案（十一）.md").read_text(encoding="utf-8")
    )
    assert amendment.title == "中华人民共和国刑法修正案（十一）"
    assert amendment.instruments == ("中华人民共和国刑法",)
    assert len(amendment.operations) == 47  # 47 instructions, one operation each
    assert Counter(op.KIND for op in amendment.operations) == {"replace": 32, "insert": 15}
    assert [c.KIND for c in amendment.clauses] == ["commence"]
    assert amendment.warnings == ()
    assert amendment.effective_date == datetime.date(2021, 3, 1)
    assert amendment.adopted == datetime.date(2020, 12, 26)
    assert not amendment.renumbers
    assert all(op.instrument == "中华人民共和国刑法" for op in amendment.operations)
    first = amendment.operations[0]
    assert (
        isinstance(first, Replace) and first.targets == (t(17),) and len(first.wording.lines) == 5
    )
    assert (first.span.line, first.span.column) == (7, 3)
    assert first.span.first_line == "将刑法第十七条修改为：“已满十六周岁的人犯罪，应当负刑事责任。"
    inserts = [op for op in amendment.operations if isinstance(op, Insert)]
    assert [str(op.target) for op in inserts][:3] == [
        "第一百三十三条之二",
        "第一百三十四条之一",
        "第一百四十二条之一",
    ]
    assert [op.after for op in inserts][:2] == [t(133, suffix=1), t(134)]
    added = next(op for op in inserts if op.target == t(341, 3))  # 增加一款作为第三款 (no comma)
    assert added.after is None and added.wording.paragraphs[0].text.startswith(
        "违反野生动物保护管理法规"
    )
    items = next(op for op in inserts if op.target == t(134, suffix=1)).wording.paragraphs
    assert len(items) == 1 and [i.number for i in items[0].items] == [1, 2, 3]
    assert amendment.clauses[-1] == Commence(datetime.date(2021, 3, 1), span=Span(285, 5, "本修正案自2021年3月1日起施行"), instrument="中华人民共和国刑法")  # fmt: skip


def test_criminal_law_amendment_forms_real() -> None:
    """刑法修正案（九） 六 (five articles inserted, headings inside the quotes), 十二 and 五十二;
    刑法修正案（十二） 三 (a 款 added and the article restated)."""
    text = (
        "# 中华人民共和国刑法修正案（九）\n\n2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过\n\n"
        "<!-- INFO END -->\n\n"
        "六、在刑法第一百二十条之一后增加二条，作为第一百二十条之二、第一百二十条之三：\n\n"
        "“第一百二十条之二 有下列情形之一的，处五年以下有期徒刑：\n\n“（一）为实施恐怖活动准备凶器的；\n\n"
        "“（二）组织恐怖活动培训的。\n\n“第一百二十条之三 以制作宣扬恐怖主义的图书为目的的，处五年以下有期徒刑。”\n\n"
        "十二、删去刑法第一百九十九条。\n\n五十二、本修正案自2015年11月1日起施行。\n"
    )
    amendment = parse_amendment(text)
    assert [op.KIND for op in amendment.operations] == ["insert", "insert", "delete"]
    assert [c.KIND for c in amendment.clauses] == ["commence"]
    assert [(w.line, w.code) for w in amendment.warnings] == [
        (7, "instruction-number"),
        (17, "instruction-number"),
        (19, "instruction-number"),
    ]
    assert amendment.effective_date == datetime.date(2015, 11, 1)
    twelve = parse_amendment(
        "# 中华人民共和国刑法修正案（十二）\n\n<!-- INFO END -->\n\n"
        "一、在刑法第一百六十六条中增加一款作为第二款，将该条修改为：“甲：\n\n“（一）乙；\n\n“（二）丙。\n\n“丁。”\n"
    )
    assert [attrs.evolve(op, span=NO_SPAN) for op in twelve.operations] == [
        Insert(t(166, 2), w("丁。"), span=NO_SPAN, instrument="中华人民共和国刑法"),
        Replace((t(166),), w("甲：", "（一）乙；", "（二）丙。", "丁。"), span=NO_SPAN, instrument="中华人民共和国刑法"),
    ]  # fmt: skip


# --------------------------------------------------------------------------- decisions


def test_decision_amending_several_instruments() -> None:
    text = (
        "# 全国人民代表大会常务委员会关于修改《中华人民共和国甲法》等二部法律的决定\n\n"
        "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议通过\n\n<!-- INFO END -->\n\n"
        "第十三届全国人民代表大会常务委员会第二十八次会议决定：\n\n"
        "一、对《中华人民共和国甲法》作出修改\n\n（一）将第十条中的“县级以上”修改为“设区的市级以上”。\n\n"
        "（二）删去第十二条。\n\n（三）条文顺序作相应调整。\n\n"
        "二、对《中华人民共和国乙法》作出修改\n\n（一）将第三条修改为：“乙。”\n\n"
        "本决定自公布之日起施行。\n\n"
        "《中华人民共和国甲法》、《中华人民共和国乙法》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n"
    )
    amendment = parse_amendment(text)
    assert amendment.instruments == ("中华人民共和国甲法", "中华人民共和国乙法")
    assert [(op.KIND, op.instrument, op.span.line) for op in amendment.operations] == [
        ("replace-words", "中华人民共和国甲法", 11),
        ("delete", "中华人民共和国甲法", 13),
        ("replace", "中华人民共和国乙法", 19),
    ]
    assert [(c.KIND, c.instrument, c.span.line) for c in amendment.clauses] == [
        ("renumbering", "中华人民共和国甲法", 15),
        ("commence", None, 21),
        ("renumbering", "中华人民共和国甲法", 23),
        ("renumbering", "中华人民共和国乙法", 23),
    ]
    assert amendment.republished and amendment.renumbers
    assert amendment.effective_date == datetime.date(
        2021, 4, 29
    )  # 自公布之日: no 公布 line, the adoption
    assert [op.KIND for op in amendment.operations_for("中华人民共和国乙法")] == ["replace"]
    assert [c.KIND for c in amendment.clauses_for("中华人民共和国乙法")] == [
        "commence",
        "renumbering",
    ]
    assert amendment.renumbers_for("中华人民共和国乙法")


def test_bundled_regulation_decision_reads() -> None:
    amendment = parse_amendment((HERE / "wuxi_decision.md").read_text(encoding="utf-8"))
    assert amendment.instruments == ("无锡市数字化转型促进条例",)
    assert [op.KIND for op in amendment.operations] == [
        "replace-words", "replace", "delete", "insert-words", "insert", "insert", "delete",
        "replace-words", "move", "retitle", "replace", "replace-words",
    ]  # fmt: skip
    assert [c.KIND for c in amendment.clauses] == ["commence", "renumbering"]
    assert [e.action for e in amendment.history] == ["通过", "批准"]
    assert amendment.effective_date == datetime.date(2026, 1, 1)
    assert amendment.republished


# --------------------------------------------------------------------------- non-textual clauses


def test_non_textual_clauses_are_notes() -> None:
    text = (
        "# 最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（九十九）\n\n<!-- INFO END -->\n\n"
        "一、刑法第一百三十四条第二款的罪名由“强令违章冒险作业罪”修改为“强令、组织他人违章冒险作业罪”。\n\n"
        "二、《解释》规定的数额标准不再适用。\n\n三、《安排》所指“仲裁裁决”应解释为包括仲裁庭作出的裁决。\n\n"
        "四、在《中华人民共和国香港特别行政区基本法》附件三中增加下列全国性法律：\n\n1．《中华人民共和国国歌法》。\n\n"
        "五、本决定第一条自2021年3月1日起施行，其他条款自公布之日起施行。\n"
    )
    amendment = parse_amendment(text)
    assert [(op.KIND, op.kind) for op in amendment.operations if isinstance(op, Note)] == [
        ("note", "charge"), ("note", "inapplicable"), ("note", "interpretation"), ("note", "annex"), ("note", "commencement"),
    ]  # fmt: skip
    assert len(amendment.operations) == 5
    assert amendment.operations[3].span.text.endswith("1．《中华人民共和国国歌法》。")


# --------------------------------------------------------------------------- defects


@pytest.mark.parametrize(
    ("body", "code", "where", "kinds"),
    [
        (
            "一、将第十一条修改为：“甲。\n\n二、删去第十二条。",
            "unclosed-quote",
            (9, 12),
            ["replace", "delete"],
        ),
        ("一、将第十一条修改为:“甲。”", "ascii-colon", (9, 11), ["replace"]),
        ("一、将十一条修改为：“甲。”", "missing-ordinal", (9, 4), ["replace"]),
        (
            "一、删去第十二条。\n\n三、删去第十三条。",
            "instruction-number",
            (11, 1),
            ["delete", "delete"],
        ),
        ("将第十一条修改为：“甲。”", "unnumbered-instruction", (9, 1), ["replace"]),
    ],
)
def test_defects_are_read_with_a_warning(
    body: str, code: str, where: tuple[int, int], kinds: list[str]
) -> None:
    amendment = parse_amendment(HEAD + body)
    assert [op.KIND for op in amendment.operations] == kinds
    assert [(wn.code, (wn.line, wn.column)) for wn in amendment.warnings] == [(code, where)]


def test_group_heading_without_verb_and_instruction_in_purpose_sentence() -> None:
    grouped = parse_amendment(
        "# 关于修改《甲条例》等二件地方性法规的决定\n\n<!-- INFO END -->\n\n"
        "一、《甲条例》\n\n（一）删去第九条。\n\n二、对《乙条例》作出修改\n\n（一）删去第十条。\n"
    )
    assert [(op.instrument, str(op.targets[0])) for op in grouped.operations if isinstance(op, Delete)] == [
        ("甲条例", "第九条"), ("乙条例", "第十条")]  # fmt: skip
    assert [(wn.code, wn.line, wn.column) for wn in grouped.warnings] == [("group-heading", 5, 1)]
    purpose = parse_amendment(
        "# 示例决定\n\n<!-- INFO END -->\n\n示例会议决定：将《示例条例》第三条修改为：“甲。”\n\n本决定自2022年1月1日起施行。\n"
    )
    assert [(op.KIND, op.instrument) for op in purpose.operations] == [("replace", "示例条例")]
    assert [(c.KIND, c.instrument) for c in purpose.clauses] == [("commence", None)]
    assert [(wn.code, wn.line, wn.column) for wn in purpose.warnings] == [
        ("unnumbered-instruction", 5, 8)
    ]


# --------------------------------------------------------------------------- errors


def test_unreadable_instruction_is_a_parse_error_with_its_position() -> None:
    with pytest.raises(ParseError) as caught:
        parse_amendment(HEAD + "一、删去第十二条。\n\n二、把第十三条挪一挪。\n", source="决定.md")
    err = caught.value
    assert (err.line, err.column, err.source) == (11, 3, "决定.md")
    assert err.text == "二、把第十三条挪一挪。"
    assert str(err).splitlines()[0] == (
        "决定.md:11:3: cannot read the instruction '把第十三条挪一挪': expected a form such as "
        "将第X条修改为：“…”, 删去第X条, 增加一条，作为第X条：“…”"
    )
    assert str(err).splitlines()[2] == "        ^"


@pytest.mark.parametrize(
    "body",
    [
        "一、将第七项修改为：“甲。”",  # a 项 of no article
        "一、增加两条，分别作为第十条：“甲。”",  # two units, one position
        "一、在第十条中增加一款作为第二款。",  # no wording, none restated
        "一、将第十条修改为：",  # nothing after the colon
    ],
)
def test_instructions_that_cannot_be_read(body: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_amendment(HEAD + body)
    assert caught.value.line == 9


def test_title_is_required() -> None:
    with pytest.raises(ParseError, match="expected the instrument's title"):
        parse_amendment("一、删去第十二条。")
    with pytest.raises(ParseError, match="expected the instrument's title"):
        parse_amendment("")


@pytest.mark.parametrize(
    ("text", "title", "column", "shown"),
    [
        # the first instruction on the title's line, after an ASCII space or U+3000
        (
            "# 关于修改《示例条例》的决定 一、删去第九条。",
            "关于修改《示例条例》的决定",
            17,
            "一、删去第九条。",
        ),
        (
            "#　关于修改《示例条例》的决定　一、删去第九条。",
            "关于修改《示例条例》的决定",
            17,
            "一、删去第九条。",
        ),
        # unnumbered, and a 修正案's own article
        (
            "# 关于修改《示例条例》的决定 删去第九条。",
            "关于修改《示例条例》的决定",
            17,
            "删去第九条。",
        ),
        ("# 示例修正案 第一条 删去第九条。", "示例修正案", 9, "第一条 删去第九条。"),
    ],
)
def test_an_instruction_on_the_title_line_is_read_not_taken_into_the_title(
    text: str, title: str, column: int, shown: str
) -> None:
    # it was read as part of the title: an amendment with no operation and no warning
    amendment = parse_amendment(text + "\n\n二、删去第十条。")
    assert amendment.title == title
    ops = amendment.operations
    assert len(ops) == 2
    assert [str(op.targets[0]) for op in ops if isinstance(op, Delete)] == ["第九条", "第十条"]
    message = f"the title line goes on with {shown!r}: read as the text's first line"
    assert amendment.warnings[0] == ParseWarning(1, column, "title-line", message)


def test_an_unreadable_instruction_on_the_title_line_is_refused_at_its_column() -> None:
    with pytest.raises(ParseError) as caught:
        parse_amendment("# 关于修改《示例条例》的决定 一、把第九十九条搞掉。")
    assert (caught.value.line, caught.value.column) == (1, 19)
    assert "cannot read the instruction '把第九十九条搞掉'" in str(caught.value)


@pytest.mark.parametrize(
    "title",
    [
        "中华人民共和国刑法修正案 （十一）",  # a space before the 修正案's own number
        "中华人民共和国宪法修正案 第一条",  # nothing after the 第N条
        "关于修改 《示例条例》 的决定",
        "示例决定 （草案）",
        "关于修改《示例条例》的决定 （2024年1月2日示例会议通过）",
    ],
)
def test_a_title_with_spaces_and_no_instruction_after_them_is_kept_whole(title: str) -> None:
    amendment = parse_amendment(f"# {title}\n\n一、删去第九条。")
    assert amendment.title == title
    assert amendment.warnings == ()
    ops = amendment.operations
    assert len(ops) == 1
    assert [str(op.targets[0]) for op in ops if isinstance(op, Delete)] == ["第九条"]
