"""Which instrument a reference belongs to: those of an amending instrument are the amended
law's (a 修改决定 or 修正案 parsed as a regulation: ``references()``, ``refs``, the HTML page's
links); a relative form after another instrument's title is the document's own; a title inside
a title takes the single marks."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation
from wuxi_dt_regulation._citations.amending import amended_instruments
from wuxi_dt_regulation._model.numerals import to_chinese

DECISION = """# 全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定

第一条 将第五条修改为：“第五条 依照本法第三条、第四条的规定，制定本法。”

第二条 在第七条后增加一条，作为第八条：“第八条 前款规定的，适用本法第二十条。”

第三条 将第九条增加一款，作为第二款：“有前款情形的，依照第十条处理。”

第四条 本决定第一条、第二条自公布之日起施行。本条所称公布，依照前条。
"""


def _table(regulation: wdr.Regulation) -> list[tuple[str, str, str, list[str], bool | None]]:
    return [
        (str(r.at), r.match.text, r.match.kind, [str(t) for t in r.targets], r.exists)
        for r in regulation.references()
    ]


def test_a_decisions_references_are_the_amended_laws() -> None:
    law = "《中华人民共和国示例法》"
    assert _table(wdr.parse(DECISION)) == [
        ("第一条第一款", "第五条", "external", [f"{law}第五条"], None),
        ("第一条第一款", "第五条", "external", [f"{law}第五条"], None),
        ("第一条第一款", "本法第三条、第四条", "external", [f"{law}第三条", f"{law}第四条"], None),
        ("第二条第一款", "第七条", "external", [f"{law}第七条"], None),
        ("第二条第一款", "第八条", "external", [f"{law}第八条"], None),
        ("第二条第一款", "第八条", "external", [f"{law}第八条"], None),
        # relative to a unit of the amended law, which the decision does not hold
        ("第二条第一款", "前款", "unresolvable", [], None),
        ("第二条第一款", "本法第二十条", "external", [f"{law}第二十条"], None),
        ("第三条第一款", "第九条", "external", [f"{law}第九条"], None),
        # a bare 款 of an instruction: of the article the instruction named
        ("第三条第一款", "第二款", "external", [f"{law}第九条第二款"], None),
        ("第三条第一款", "前款", "unresolvable", [], None),
        ("第三条第一款", "第十条", "external", [f"{law}第十条"], None),
        # what the decision says of itself stays its own
        ("第四条第一款", "本决定第一条、第二条", "internal", ["第一条", "第二条"], True),
        ("第四条第一款", "本条", "relative", ["第四条"], True),
        ("第四条第一款", "前条", "relative", ["第三条"], True),
    ]


def test_a_regulation_that_amends_nothing_keeps_its_own_references() -> None:
    plain = DECISION.replace(
        "全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定", "示例条例"
    )
    kinds = {r.match.text: r.match.kind for r in wdr.parse(plain).references()}
    assert kinds["第五条"] == "absolute" and kinds["本法第二十条"] == "internal"


def test_a_decision_amending_several_laws_attributes_nothing_it_cannot() -> None:
    several = DECISION.replace("《中华人民共和国示例法》", "《中华人民共和国示例法》等三部法律")
    table = _table(wdr.parse(several))
    assert [kind for _, text, kind, _, _ in table if text == "第五条"] == ["unresolvable"] * 2
    assert table[-3][2] == "internal"  # 本决定第一条、第二条


def test_amended_instruments_reads_the_title_forms() -> None:
    assert amended_instruments(
        "关于修改《中华人民共和国会计法》和《中华人民共和国审计法》的决定"
    ) == (
        "中华人民共和国会计法",
        "中华人民共和国审计法",
    )
    assert amended_instruments("国务院关于修改部分行政法规的决定") == ()
    assert amended_instruments("中华人民共和国宪法修正案") == ("中华人民共和国宪法",)
    assert amended_instruments("刑法修正案（十一）") == ("中华人民共和国刑法",)
    assert amended_instruments("关于修改《示例条例》的决定（2021年）") == ("示例条例",)
    assert amended_instruments("示例修正案管理办法") is None


_numbers = st.integers(min_value=1, max_value=300)


@st.composite
def _instructions(draw: st.DrawFn) -> str:
    a, b, c = draw(_numbers), draw(_numbers), draw(st.integers(min_value=2, max_value=9))
    forms = [
        f"将第{to_chinese(a)}条修改为：“第{to_chinese(a)}条 依照本法第{to_chinese(b)}条的规定。”",
        f"在第{to_chinese(a)}条后增加一条，作为第{to_chinese(a + 1)}条：“前款规定的，适用第{to_chinese(b)}条。”",
        f"第{to_chinese(a)}条增加一款，作为第{to_chinese(c)}款。",
        f"删去第{to_chinese(a)}条第{to_chinese(c)}项。",
        f"将第{to_chinese(a)}条至第{to_chinese(a + b)}条中的“甲”修改为“乙”。",
    ]
    return draw(st.sampled_from(forms))


@given(st.lists(_instructions(), min_size=1, max_size=6))
def test_no_reference_of_a_decision_is_taken_for_its_own(instructions: list[str]) -> None:
    """Whatever the instructions: every match of the plain reading is kept at its span, and
    none names a unit of the decision (nothing is dangling, nothing is internal)."""
    body = "\n\n".join(
        f"第{to_chinese(i)}条 {text}" for i, text in enumerate(instructions, start=1)
    )
    decision = wdr.parse(f"# 关于修改《示例条例》的决定\n\n{body}\n")
    plain = attrs.evolve(decision, title="示例条例实施办法")
    found = decision.references()
    assert [(r.at, r.match.start, r.match.text) for r in found] == [
        (r.at, r.match.start, r.match.text) for r in plain.references()
    ]
    for reference in found:
        assert reference.match.kind in ("external", "unresolvable")
        assert reference.exists is None
        assert all(t.title == "示例条例" for t in reference.targets)


def test_the_html_page_links_a_decisions_references_to_the_amended_law() -> None:
    page = wdr.to_html(wdr.parse(DECISION))
    # not linked to the decision's own 第三条, nor marked dangling: the amended law's
    assert 'data-instrument="中华人民共和国示例法">本法第三条、第四条</span>' in page
    first = page.split('id="art_1__para_1"')[1].split("</div>")[0]
    assert "dangling-ref" not in page and 'class="xref"' not in first


def test_citation_value_carries_the_amended_title() -> None:
    first = wdr.parse(DECISION).references()[0]
    assert first.targets == (Citation(title="中华人民共和国示例法", article=5),)


_title_chars = st.sampled_from("示例条例办法规定中华人民共和国数据安全")


@given(
    st.text(_title_chars, min_size=1, max_size=8),
    st.text(_title_chars, min_size=1, max_size=8),
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["full", "court", "academic"]),
)
def test_a_title_inside_a_title_takes_the_single_marks(
    law: str, prefix: str, article: int, style: wdr.CitationStyle
) -> None:
    """GB/T 15834: 《关于修改〈X〉的决定》.  A citation of such an instrument, formatted with it
    and read back with it, is the instrument's own."""
    title = f"{prefix}关于修改《{law}》的决定"
    regulation = wdr.parse(
        f"# {title}\n\n"
        + "\n\n".join(f"第{to_chinese(n)}条 甲。" for n in range(1, article + 1))
        + "\n"
    )
    citation = Citation(article=article)
    written = wdr.format_citation(citation, style, regulation=regulation)
    assert written.startswith(f"《{prefix}关于修改〈{law}〉的决定》第")
    assert written.count("《") == written.count("》") == 1
    assert wdr.parse_citation(written, regulation=regulation) == citation
    found = wdr.find_citations(f"依照{written}的规定", regulation=regulation)
    assert [(m.kind, m.citations) for m in found] == [("internal", (citation,))]


_relative = st.sampled_from(
    [
        "本条",
        "本条第一款",
        "前款",
        "前两款",
        "本款第二项",
        "前条",
        "本章",
        "本节",
    ]
)


@given(st.text(_title_chars, min_size=1, max_size=8).map(lambda t: t + "法"), _relative)
def test_a_relative_form_after_a_title_is_the_documents_own(title: str, relative: str) -> None:
    """《刑法》本条第一款: no title makes 本条 another instrument's; the title in 《》 is a
    reference of its own, and the relative form reads as it reads alone."""
    at = Citation(article=5, paragraph=2)
    alone = wdr.find_citations(relative, at=at)
    found = wdr.find_citations(f"《{title}》{relative}", at=at)
    shift = len(title) + 2
    assert [(m.kind, m.text) for m in found[:1]] == [("external", f"《{title}》")]
    assert [(m.start - shift, m.text, m.kind, m.value) for m in found[1:]] == [
        (m.start, m.text, m.kind, m.value) for m in alone
    ]


_bare = st.sampled_from(["第二款", "第三项", "第二款第一项", "第二款、第三款", "第二款至第四款"])
#: an instrument named before the unit, and what the matches before the unit's are
_instrument = st.sampled_from(
    [
        ("《{t}》", [("《{t}》", "external")], ""),
        ("《{t}》第二十条和该法", [("《{t}》第二十条", "external")], "该法"),
        ("中华人民共和国刑法", [], "中华人民共和国刑法"),
        ("本法", [], "本法"),
        ("本条例", [], "本条例"),
    ]
)


@given(st.text(_title_chars, min_size=1, max_size=8).map(lambda t: t + "法"), _instrument, _bare)
def test_a_unit_below_the_article_after_an_instrument_is_unresolvable(
    title: str, instrument: tuple[str, list[tuple[str, str]], str], bare: str
) -> None:
    """《刑法》第二款, 本法第三项, 该法第二款: a 款 or 项 named after an instrument without its
    article has lost it.  It is not the 款 of the article it stands in (as 第二款 alone is); a
    title in 《》 stays a reference of its own, the words that name the instrument without one
    are part of the unresolvable match."""
    named, before, word = instrument
    at = Citation(article=5, paragraph=2)
    text = f"依照{named.format(t=title)}{bare}的规定"
    found = wdr.find_citations(text, at=at)
    expected = [(t.format(t=title), kind) for t, kind in before]
    assert [(m.text, m.kind) for m in found] == [*expected, (word + bare, "unresolvable")]
    last = found[-1]
    assert (last.value, last.citations, last.end) == (None, (), len(text) - 3)
    assert text[last.start : last.end] == last.text
    # alone, the same words are the 款 of the article they stand in
    alone = wdr.find_citations(bare, at=at)
    assert [m.kind for m in alone] == ["relative"]
    assert alone[0].citations[0].article == 5


def test_a_decision_citing_itself_by_title_is_its_own() -> None:
    decision = wdr.parse(
        "# 关于修改《示例条例》的决定\n\n第一条 将第五条修改为：“甲。”\n\n"
        "第二条 《关于修改〈示例条例〉的决定》第一条自公布之日起施行。\n"
    )
    assert _table(decision) == [
        ("第一条第一款", "第五条", "external", ["《示例条例》第五条"], None),
        ("第二条第一款", "《关于修改〈示例条例〉的决定》第一条", "internal", ["第一条"], True),
    ]


SEVERAL = """# 全国人民代表大会常务委员会关于修改《中华人民共和国甲法》等两部法律的决定

第一条 将《中华人民共和国甲法》第五条增加一款，作为第三款：“有前款情形的，依照第十条处理。”

第二条 将《中华人民共和国乙法》第七条第一款修改为：“依照第三条，适用该条第二款。”；删去该条第二款、同款第一项和该条第三项。

第三条 删去该条第二款。

第四条 将《中华人民共和国乙法》第九条修改为：“依照第三条第一款。”；删去同款第一项。
"""


def test_an_instruction_s_该条_is_the_unit_it_named_not_one_in_the_wording() -> None:
    first, second = "《中华人民共和国甲法》", "《中华人民共和国乙法》"
    assert _table(wdr.parse(SEVERAL)) == [
        ("第一条第一款", f"{first}第五条", "external", [f"{first}第五条"], None),
        # a bare 款 after another instrument's article (named in 《》): that article's
        ("第一条第一款", "第三款", "external", [f"{first}第五条第三款"], None),
        ("第一条第一款", "前款", "unresolvable", [], None),
        ("第一条第一款", "第十条", "unresolvable", [], None),  # of which of the two laws?
        ("第二条第一款", f"{second}第七条第一款", "external", [f"{second}第七条第一款"], None),
        ("第二条第一款", "第三条", "unresolvable", [], None),
        # inside the wording: the 第三条 just cited there, of a law the title does not single out
        ("第二条第一款", "该条第二款", "unresolvable", [], None),
        # outside it: the article the instruction named, and the 款 named last
        ("第二条第一款", "该条第二款", "external", [f"{second}第七条第二款"], None),
        ("第二条第一款", "同款第一项", "external", [f"{second}第七条第二款第一项"], None),
        ("第二条第一款", "该条第三项", "external", [f"{second}第七条第三项"], None),
        # a new article of the decision names nothing yet; 同款 after an article names no 款
        ("第三条第一款", "该条第二款", "unresolvable", [], None),
        ("第四条第一款", f"{second}第九条", "external", [f"{second}第九条"], None),
        ("第四条第一款", "第三条第一款", "unresolvable", [], None),
        ("第四条第一款", "同款第一项", "unresolvable", [], None),
    ]


def test_a_single_law_decision_s_该条_inside_and_outside_the_wording() -> None:
    law = "《中华人民共和国示例法》"
    text = (
        "# 全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定\n\n"
        "第一条 将第五条修改为：“第五条 依照第三条的规定，适用该条第二款。”；删去该条第二款。\n"
    )
    assert _table(wdr.parse(text))[3:] == [
        ("第一条第一款", "该条第二款", "external", [f"{law}第三条第二款"], None),
        ("第一条第一款", "该条第二款", "external", [f"{law}第五条第二款"], None),
    ]


def test_another_law_cited_inside_the_wording_is_no_anchor() -> None:
    # amending.xǁAttributionǁ_remember__mutmut_1 (an external citation inside quoted wording
    # taken for the unit the instruction names)
    first = "《中华人民共和国甲法》"
    text = (
        "# 全国人民代表大会常务委员会关于修改《中华人民共和国甲法》等两部法律的决定\n\n"
        "第一条 将《中华人民共和国甲法》第五条修改为：“依照《中华人民共和国乙法》第三条。”；"
        "增加一款，作为第三款。\n"
    )
    assert _table(wdr.parse(text))[2] == (
        "第一条第一款", "第三款", "external", [f"{first}第五条第三款"], None
    )  # fmt: skip
