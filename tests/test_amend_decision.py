"""Writing a diff as a 修改决定 (``RegulationDiff.to_amendment``): each form, and the round trip
``parse_amendment(diff(a, b).to_amendment()).apply(a)`` ≅ ``b`` on edit scripts and on every real
pair of versions (both ways)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Article,
    Chapter,
    Division,
    Paragraph,
    Part,
    Regulation,
    Section,
    Subpart,
    parse,
    parse_amendment,
)

from .amend_strategies import kept_pairs, version_pairs
from .conftest import version_pairs as real_pairs
from .diff_strategies import Truth, amendments


def skeleton(regulation: Regulation) -> list[Any]:
    """What the round trip compares: the title, the preamble's text, and every heading (kind,
    number, title, depth) and article (label, the printed text of each 款) in document order."""
    out: list[Any] = [regulation.title, regulation.preamble_text]

    def walk(nodes: tuple[Any, ...], depth: int) -> None:
        for node in nodes:
            if isinstance(node, Article):
                out.append((depth, node.label, tuple(p.full_text for p in node.paragraphs)))
            elif isinstance(node, (Part, Subpart, Chapter, Section, Division)):
                out.append((depth, type(node).__name__, getattr(node, "number", 0), node.title))
                walk(node.children, depth + 1)

    walk(regulation.body, 0)
    return out


def round_trip(old: Regulation, new: Regulation) -> str:
    decision = wdr.diff(old, new).to_amendment()
    result = parse_amendment(decision).apply(old)
    assert skeleton(result) == skeleton(new), decision
    return decision


def instructions(decision: str) -> list[str]:
    """The numbered instructions of a decision, numbers and final 。 removed, quotes joined."""
    out: list[list[str]] = []
    for block in decision.split("\n\n"):
        head, _, rest = block.partition("、")
        if head and all(ch in "一二三四五六七八九十百" for ch in head):
            out.append([rest])
        elif block.startswith("“") and out:
            out[-1].append(block)
    return [
        "\n".join(blocks).removesuffix("。")
        if len(blocks) == 1 or blocks[-1].endswith("。")
        else "\n".join(blocks)
        for blocks in out
    ]


def reg(body: str, title: str = "示例条例") -> Regulation:
    return parse(f"# {title}\n\n{body}")


BASE = (
    "## 第一章 总则\n\n第一条 为了促进数字化转型，制定本条例。\n\n"
    "第二条 县级以上人民政府应当加强领导。\n\n市场监管部门应当依法监督。\n\n"
    "第三条 有下列情形之一的，予以支持：\n\n（一）开展试点的；\n\n（二）建设平台的。\n\n"
    "## 第二章 保障\n\n第四条 数据主管部门负责统筹。\n\n第五条 财政部门安排资金。\n\n"
    "## 第三章 附则\n\n第六条 本条例自2020年1月1日起施行。\n"
)


def edited(*pairs: tuple[str, str]) -> Regulation:
    body = BASE
    for old, new in pairs:
        assert old in body, old
        body = body.replace(old, new, 1)
    return reg(body)


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("县级以上人民政府", "市人民政府"), "将第二条第一款中的“县级以上”修改为“市”"),
        (("数字化转型，制定", "数字化转型，发展新质生产力，制定"), "在第一条中的“为了促进数字化转型，”后增加“发展新质生产力，”"),
        (("为了促进", "为了积极促进"), "在第一条中的“为了”后增加“积极”"),
        (("市场监管部门应当依法监督", "市场监管部门应当监督"), "删去第二条第二款中的“依法”"),
        (("数据主管部门负责统筹", "数据部门负责统筹"), "删去第四条中的“主管”"),
        (("（一）开展试点的", "（一）开展改革试点的"), "在第三条第一项中的“开展”后增加“改革”"),
    ],
)  # fmt: skip
def test_small_changes_are_word_edits(change: tuple[str, str], expected: str) -> None:
    decision = round_trip(reg(BASE), edited(change))
    assert instructions(decision) == [expected]


def test_words_that_recur_are_named_with_their_context() -> None:
    old = reg("第一条 部门和部门应当依法管理部门。\n")
    new = reg("第一条 部门和机构应当依法管理部门。\n")
    assert instructions(round_trip(old, new)) == ["将第一条中的“部门和部门”修改为“部门和机构”"]
    # a change at the start of a line is anchored on what follows it
    start = reg("第一条 依法管理，依法监督。\n")
    assert instructions(round_trip(start, reg("第一条 应当依法管理，依法监督。\n"))) == [
        "在第一条中的“依法管”前增加“应当”"
    ]


def test_quoted_terms_keep_their_marks_paired() -> None:
    old = reg("第一条 本条例所称“数据”，是指任何记录。\n")
    new = reg("第一条 本条例所称“公共数据”，是指任何记录。\n")
    (only,) = instructions(round_trip(old, new))
    assert only.count("“") == only.count("”")


# --------------------------------------------------------------------------- units


def test_paragraphs_and_items_added_deleted_and_restated() -> None:
    new = edited(
        ("市场监管部门应当依法监督。", "市场监管部门应当依法监督。\n\n网信部门负责网络数据安全。"),
        ("（二）建设平台的。", "（二）建设平台的；\n\n（三）培育人才的。"),
    )
    assert instructions(round_trip(reg(BASE), new)) == [
        "在第二条中增加一款，作为第三款：“网信部门负责网络数据安全。”",
        "在第三条中增加一项，作为第三项：“（三）培育人才的。”",
    ]
    gone = edited(
        ("（一）开展试点的；\n\n（二）", "（一）"), ("市场监管部门应当依法监督。\n\n", "")
    )
    assert instructions(round_trip(reg(BASE), gone)) == ["删去第二条第二款", "删去第三条第一项"]
    restated = edited(
        ("县级以上人民政府应当加强领导。", "市人民政府应当统一领导，区人民政府负责落实，乡镇协助。")
    )
    assert instructions(round_trip(reg(BASE), restated)) == [
        "将第二条第一款修改为：“市人民政府应当统一领导，区人民政府负责落实，乡镇协助。”"
    ]


def test_an_article_changed_throughout_is_restated() -> None:
    new = edited(
        ("县级以上人民政府应当加强领导。", "县级人民政府加强领导。"),
        ("市场监管部门应当依法监督。", "市场监管部门应当依法监督。\n\n网信部门负责数据安全。\n\n公安机关负责打击犯罪。"),
    )  # fmt: skip
    assert instructions(round_trip(reg(BASE), new)) == [
        "将第二条修改为：“县级人民政府加强领导。\n“市场监管部门应当依法监督。\n“网信部门负责数据安全。"
        "\n“公安机关负责打击犯罪。”"
    ]  # four clauses would be needed


# --------------------------------------------------------------------------- articles


def test_articles_added_deleted_merged_and_moved() -> None:
    added = reg(BASE.replace("第六条", "第七条").replace("第五条", "第六条").replace("第四条", "第五条")
                .replace("## 第二章 保障\n\n", "## 第二章 保障\n\n第四条 市人民政府设立专项资金。\n\n"))  # fmt: skip
    decision = round_trip(reg(BASE), added)
    assert instructions(decision) == ["在第二章中增加一条，作为第四条：“市人民政府设立专项资金。”"]
    assert decision.endswith("《示例条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\n")
    middle = edited(("第五条 财政部门安排资金。\n\n## 第三章 附则\n\n第六条",
                     "第五条 公安机关维护秩序。\n\n第六条 财政部门安排资金。\n\n## 第三章 附则\n\n第七条"))  # fmt: skip
    assert instructions(round_trip(reg(BASE), middle)) == [
        "增加一条，作为第五条：“公安机关维护秩序。”"
    ]
    deleted = edited(("第四条 数据主管部门负责统筹。\n\n第五条", "第四条"), ("第六条", "第五条"))
    assert instructions(round_trip(reg(BASE), deleted)) == ["删去第四条"]
    merged = round_trip(
        reg("第一条 数据主管部门负责统筹推进全市公共数据的汇聚和共享工作。\n\n"
            "第二条 财政部门应当安排专项资金支持公共数据平台的建设和运行。\n\n第三条 本条例自公布之日起施行。\n"),
        reg("第一条 数据主管部门负责统筹推进全市公共数据的汇聚和共享工作，财政部门应当安排专项资金支持公共数据平台的建设和运行。\n\n"
            "第二条 本条例自公布之日起施行。\n"),
    )  # fmt: skip
    assert instructions(merged) == [
        "将第一条和第二条合并修改为：“数据主管部门负责统筹推进全市公共数据的汇聚和共享工作，"
        "财政部门应当安排专项资金支持公共数据平台的建设和运行。”"
    ]
    moved = edited(
        ("第五条 财政部门安排资金。\n\n", ""),
        ("第六条 本条例", "第五条 财政部门安排资金。\n\n第六条 本条例"),
    )
    assert instructions(round_trip(reg(BASE), moved)) == ["将第五条移至第三章，作为第五条"]
    swapped = edited(
        (
            "第四条 数据主管部门负责统筹。\n\n第五条 财政部门安排资金。",
            "第四条 财政部门安排资金。\n\n第五条 数据主管部门负责统筹。",
        )
    )
    assert instructions(round_trip(reg(BASE), swapped)) == ["将第五条移至第二章，作为第四条"]


def test_a_text_that_keeps_its_numbers_is_not_renumbered() -> None:
    """The 修正案 style: 之N articles after the one they follow, deleted ones left as 第X条 （删去）."""
    old = reg("第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n", "示例法")
    new = reg("第一条 甲。\n\n第一条之一 新增。\n\n第二条 （删去）\n\n第三条 丙丁。\n", "示例法")
    decision = round_trip(old, new)
    assert instructions(decision) == [
        "在第一条后增加一条，作为第一条之一：“新增。”",
        "删去第二条",
        "在第三条中的“丙”后增加“丁”",
    ]
    assert decision.endswith("《示例法》根据本决定作相应修改，重新公布。\n")
    assert not parse_amendment(decision).renumbers


# --------------------------------------------------------------------------- headings


def test_headings_retitled_added_and_deleted() -> None:
    retitled = edited(("## 第二章 保障", "## 第二章 保障措施"))
    assert instructions(round_trip(reg(BASE), retitled)) == ["将第二章的章名修改为“保障措施”"]
    added = edited(("## 第三章 附则", "## 第三章 数据安全\n\n第六条 数据处理者应当履行安全义务。\n\n## 第四章 附则"),
                   ("第六条 本条例", "第七条 本条例"))  # fmt: skip
    assert instructions(round_trip(reg(BASE), added)) == [
        "增加一章，作为第三章：“第三章 数据安全\n“第六条 数据处理者应当履行安全义务。”"
    ]
    sectioned = edited(("第四条 数据主管部门", "### 第一节 统筹\n\n第四条 数据主管部门"),
                       ("第五条 财政部门", "### 第二节 资金\n\n第五条 财政部门"))  # fmt: skip
    assert instructions(round_trip(reg(BASE), sectioned)) == [
        "在第二章中增加一节，作为第一节：“第一节 统筹\n“第四条 数据主管部门负责统筹。”",
        "删去第四条",
        "在第二章中增加一节，作为第二节：“第二节 资金\n“第五条 财政部门安排资金。”",
        "删去第五条",
    ]  # the articles are quoted in the new 节 and deleted where they stood
    dropped = edited(("## 第二章 保障\n\n第四条 数据主管部门负责统筹。\n\n第五条 财政部门安排资金。\n\n", ""),
                     ("## 第三章 附则\n\n第六条", "## 第二章 附则\n\n第四条"))  # fmt: skip
    assert instructions(round_trip(reg(BASE), dropped)) == ["删去第二章"]


def test_parts_sections_and_items() -> None:
    parted = (
        "## 第一编 总则\n\n### 第一章 任务\n\n第一条 甲甲甲。\n\n### 第二章 原则\n\n第二条 乙乙乙。\n\n"
        "## 第二编 分则\n\n### 第三章 责任\n\n第三条 丙丙丙。\n"
    )
    new = parted.replace("第二编 分则", "第二编 罚则").replace(
        "### 第三章 责任\n\n第三条 丙丙丙。",
        "### 第三章 新设\n\n第三条 丁丁丁丁丁丁。\n\n### 第四章 责任\n\n第四条 丙丙丙。",
    )
    assert instructions(round_trip(reg(parted, "示例法"), reg(new, "示例法"))) == [
        "将第二编的编名修改为“罚则”",
        "增加一章，作为第二编第三章：“第三章 新设\n“第三条 丁丁丁丁丁丁。”",  # it opens its 编
    ]
    sectioned = (
        "## 第一章 总则\n\n### 第一节 甲\n\n第一条 甲甲甲。\n\n### 第二节 乙\n\n第二条 乙乙乙。\n\n"
        "## 第二章 附则\n\n第三条 丙丙丙。\n"
    )
    fewer = (
        "## 第一章 总则\n\n### 第一节 甲\n\n第一条 甲甲甲。\n\n## 第二章 附则\n\n第二条 丙丙丙。\n"
    )
    assert instructions(round_trip(reg(sectioned), reg(fewer))) == ["删去第一章第二节"]
    item = edited(
        ("（一）开展试点的；", "（一）在重点行业和产业园区组织开展数字化转型试点示范的；")
    )
    assert instructions(round_trip(reg(BASE), item)) == [
        "将第三条第一项修改为：“（一）在重点行业和产业园区组织开展数字化转型试点示范的；”"
    ]


def test_a_section_retitled_and_the_title_and_preamble_changed() -> None:
    old = reg("序言甲。\n\n## 第一章 总则\n\n### 第一节 一般规定\n\n第一条 甲。\n", "甲条例")
    new = reg("序言乙。\n\n## 第一章 总则\n\n### 第一节 基本规定\n\n第一条 甲。\n", "乙条例")
    assert instructions(round_trip(old, new)) == [
        "将名称修改为“乙条例”",
        "将序言修改为：“序言乙。”",
        "将第一章第一节的节名修改为“基本规定”",
    ]


def test_header_dates_and_commencement_come_from_the_new_history() -> None:
    old = reg("- 2020年1月2日示例会议通过\n\n<!-- INFO END -->\n\n第一条 甲。\n")
    new = reg(
        "- 2020年1月2日示例会议通过\n\n- 2024年5月6日示例市人民代表大会常务委员会第二次会议修正\n\n"
        "- 2024年7月1日施行\n\n<!-- INFO END -->\n\n第一条 乙。\n"
    )
    decision = round_trip(old, new)
    assert decision.splitlines()[:7] == [
        "# 关于修改《示例条例》的决定",
        "",
        "- 2024年5月6日示例市人民代表大会常务委员会第二次会议通过",
        "",
        "<!-- INFO END -->",
        "",
        "示例市人民代表大会常务委员会第二次会议决定对《示例条例》作如下修改：",
    ]
    assert "本决定自2024年7月1日起施行。" in decision
    amendment = parse_amendment(decision)
    assert amendment.effective_date == wdr.Timeline([amendment.apply(old)]).starts[0]


# --------------------------------------------------------------------------- what cannot be written


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("## 第一章 甲\n\n第一条 甲。\n", "# 第一编 总则\n\n## 第一章 甲\n\n第一条 甲。\n", "编"),
        ("第一条 甲。\n\n第二条 乙。\n", "第一条 甲。\n\n第五条 乙。\n\n第三条 丙。\n", "numbers its articles"),
        ("第一条 甲。\n", "第一条 甲：\n\n乙。\n\n（一）丙。\n\n丁：\n\n1．戊。\n\n第二条 己。\n", ""),
    ],
)  # fmt: skip
def test_changes_no_instruction_expresses_are_refused(old: str, new: str, message: str) -> None:
    a, b = reg(old), reg(new)
    try:
        decision = wdr.diff(a, b).to_amendment()
    except ValueError as err:
        assert message in str(err)  # noqa: PT017  (the third case may be writable)
    else:
        assert skeleton(parse_amendment(decision).apply(a)) == skeleton(b)


def test_a_repeal_is_not_an_amendment() -> None:
    old = reg("第一条 甲。\n")
    with pytest.raises(ValueError, match="repeal"):
        wdr.diff(old, Regulation("示例条例")).to_amendment()


# --------------------------------------------------------------------------- the round trip


@settings(max_examples=40)
@given(amendments())
def test_round_trip_on_edit_scripts(case: tuple[Regulation, Regulation, Truth]) -> None:
    old, new, _ = case
    round_trip(old, new)


@settings(max_examples=60)
@given(version_pairs())
def test_round_trip_on_rough_edit_scripts(case: tuple[Regulation, Regulation, list[str]]) -> None:
    old, new, _ = case
    round_trip(old, new)


@settings(max_examples=40)
@given(kept_pairs())
def test_round_trip_without_renumbering(case: tuple[Regulation, Regulation]) -> None:
    old, new = case
    decision = round_trip(old, new)
    assert not parse_amendment(decision).renumbers


PAIRS = real_pairs()


@pytest.mark.parametrize(("old_path", "new_path"), PAIRS, ids=[p[0].parent.name for p in PAIRS])
@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_round_trip_on_every_real_pair(old_path: Path, new_path: Path, direction: str) -> None:
    old, new = wdr.parse_file(old_path), wdr.parse_file(new_path)
    if direction == "backward":
        old, new = new, old
    decision = round_trip(old, new)
    amendment = parse_amendment(decision)
    assert amendment.instruments == (old.title,) and amendment.warnings == ()
    assert decision.startswith(f"# 关于修改《{old.title}》的决定\n")


# --------------------------------------------------------------------------- the quotation rules


@given(
    st.lists(
        st.tuples(st.text("甲乙（一）1．：“”" + " ", min_size=1, max_size=6), st.integers(0, 2)),
        min_size=1,
        max_size=3,
    )
)
# a 款 ending in a colon, then a 款 opening 1．: quoted, the second reads as the first's 项
@example([("：", 0), ("1．“”", 0)])
@example([("甲：", 0), ("1．乙", 1)])
def test_quotable_mirrors_the_wording_reader(raw: list[tuple[str, int]]) -> None:
    from wuxi_dt_regulation._amend.wording import read_paragraphs
    from wuxi_dt_regulation._diff.quoting import paragraph_lines, quotable

    paragraphs = []
    for number, (text, count) in enumerate(raw, 1):
        try:
            items = tuple(wdr.Item(n, text) for n in range(1, count + 1))
            paragraphs.append(Paragraph(number, text, items))
        except ValueError:
            return  # not a paragraph the model holds
    if quotable(paragraphs):
        back = read_paragraphs(paragraph_lines(paragraphs))
        assert [(p.text, p.items) for p in back] == [(p.text, p.items) for p in paragraphs]


@settings(max_examples=30)
@given(version_pairs())
def test_the_writer_reads_both_versions_from_the_diff_alone(
    case: tuple[Regulation, Regulation, list[str]],
) -> None:
    """The writer takes both versions from the diff (its rows and the two skeletons it keeps):
    the new version it rebuilds, and every old article's place and old heading it reads, are
    those of the versions compared."""
    from wuxi_dt_regulation._diff.restore import Sides, walk

    old, new, _ = case
    d = wdr.diff(old, new)
    sides = Sides(d, d._template, d._old_template)
    assert sides.new == attrs.evolve(new, warnings=())
    assert [a.key for a in sides.old_articles] == [a.key for a in old.articles]
    places = {a.key: p for p, a in walk(old.body) if isinstance(a, Article)}
    assert {a.key: sides.old_place[id(a)] for a in sides.old_articles} == places
    assert sides.old_headings == [p for p, n in walk(old.body) if not isinstance(n, Article)]


def test_the_bundled_regulations_decision_reads_back_exactly() -> None:
    """tests/amend/wuxi_decision.md applied to load(); the decision written from the diff of the
    two texts (with the decision's own title, read from the 施行 line apply recorded) applied to
    load() gives the amended regulation again, history included."""
    decision = parse_amendment(
        (Path(__file__).parent / "amend" / "wuxi_decision.md").read_text(encoding="utf-8")
    )
    base = wdr.load()
    amended = decision.apply(base)
    written = wdr.diff(base, amended).to_amendment()
    assert written.startswith(f"# {decision.title}\n")
    again = parse_amendment(written)
    assert (again.title, again.effective_date, again.renumbers) == (
        decision.title,
        decision.effective_date,
        decision.renumbers,
    )
    assert again.apply(base) == amended


@pytest.mark.parametrize(
    ("new_items", "expected"),
    [
        # a 项 added after the last of a series, or the last deleted, re-punctuates the list in
        # apply: the writer leaves that punctuation implied, as drafters do
        ("（一）开展试点的；\n\n（二）建设平台的；\n\n（三）培育人才的。",
         ["在第三条中增加一项，作为第三项：“（三）培育人才的。”"]),
        ("（一）开展试点的。", ["删去第三条第二项"]),
        # another 项 changed in words: its edit, and the mark still implied
        ("（一）开展试点项目的；\n\n（二）建设平台的；\n\n（三）培育人才的。",
         ["在第三条第一项中的“开展试点”后增加“项目”；在第三条中增加一项，作为第三项：“（三）培育人才的。”"]),
        # the last 项 changed in words as well as in its mark: the words are written, and
        # apply gives the mark
        ("（一）开展试点的；\n\n（二）建设云平台的；\n\n（三）培育人才的。",
         ["在第三条第二项中的“建设”后增加“云”；在第三条中增加一项，作为第三项：“（三）培育人才的。”"]),
        # a 项 that changes its mark where no series rule would: the change is written
        ("（一）开展试点的。\n\n（二）建设平台的。", ["将第三条第一项中的“开展试点的；”修改为“开展试点的。”"]),
        ("（一）开展试点的。\n\n（二）建设平台的。\n\n（三）培育人才的。",
         ["将第三条第一项中的“开展试点的；”修改为“开展试点的。”；"
          "在第三条中增加一项，作为第三项：“（三）培育人才的。”"]),
        # a list punctuated otherwise than apply would leave it: the 款 is restated
        ("（一）开展试点的；\n\n（二）建设平台的。\n\n（三）培育人才的。",
         ["将第三条修改为：“有下列情形之一的，予以支持：\n“（一）开展试点的；\n“（二）建设平台的。\n"
          "“（三）培育人才的。”"]),
        ("（一）开展试点的；", ["将第三条修改为：“有下列情形之一的，予以支持：\n“（一）开展试点的；”"]),
    ],
)  # fmt: skip
def test_items_at_the_end_of_a_series_are_written_as_apply_punctuates_them(
    new_items: str, expected: list[str]
) -> None:
    old = reg(BASE)
    new = reg(BASE.replace("（一）开展试点的；\n\n（二）建设平台的。", new_items))
    assert instructions(round_trip(old, new)) == expected
