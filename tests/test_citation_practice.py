"""Citations as Chinese courts and drafters write them (issue 8, items 7–13): lists that keep
their conjunction, laws named without 《》, 该法, 项 cited without their 款, the sole 款 cited as
its article, 本守则 and the like, and 分编.  The values, the styles and the scanner's fast path."""

from __future__ import annotations

import contextlib

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from benchmarks.bench_attribution import BARE, CHARGES, TORT, TORT_KEY, _charges_key, bare_scores
from benchmarks.bench_attribution import score as attribution_score
from wuxi_dt_regulation import (
    Citation,
    CitationError,
    CitationList,
    CitationRange,
    find_citations,
    format_citation,
    full_title,
    parse_citation,
    parse_citations,
    short_title,
)
from wuxi_dt_regulation._citations.context import Scan
from wuxi_dt_regulation._citations.find import scan_text
from wuxi_dt_regulation._citations.format import STYLES
from wuxi_dt_regulation._citations.law_names import SHORT_TITLES
from wuxi_dt_regulation._citations.titles import instrument_word
from wuxi_dt_regulation._model.ranges import CONJUNCTIONS

from .conftest import CORPUS

SEED = wdr.load()
CRIMINAL = "中华人民共和国刑法"
ZH_STYLES = ("statute", "full", "internal", "court", "academic")


def _titles(text: str, **kwargs: object) -> list[tuple[str, str, str | None]]:
    """(text, kind, title of the first citation) of every match."""
    out: list[tuple[str, str, str | None]] = []
    for m in find_citations(text, **kwargs):  # type: ignore[arg-type]
        first = m.value.items[0] if m.value is not None else None
        first = first.start if isinstance(first, CitationRange) else first
        out.append((m.text, m.kind, first.title if first is not None else None))
    return out


# --------------------------------------------------------------------------- 7. conjunctions


def test_a_list_keeps_its_conjunction() -> None:
    text = "第三十条第一项、第二项或者第四项"
    value = parse_citations(text)
    assert value.conjunction == "或者" and value.disjunctive
    assert format_citation(value) == text
    singles = [c for c in value.items if isinstance(c, Citation)]
    titled = CitationList(tuple(attrs.evolve(c, title="甲条例") for c in singles), "或者")
    for style in ("full", "court", "academic", "internal"):
        written = format_citation(titled, style)
        assert written.endswith(("或者第四项", "或者第4项", "或者第（四）项")), written
        assert "和" not in written
        assert parse_citations(written).conjunction == "或者"
    assert format_citation(value, "en") == "Article 30, Item (1), Item (2) or Item (4)"
    assert parse_citations(format_citation(value, "en")).conjunction == "或者"
    with_paragraphs = CitationList(tuple(attrs.evolve(c, paragraph=1) for c in singles), "或者")
    assert format_citation(with_paragraphs, "en-compact") == (
        "Art. 30(1)(1), Art. 30(1)(2) or Art. 30(1)(4)"
    )


@pytest.mark.parametrize("word", CONJUNCTIONS)
def test_every_conjunction_reads_and_writes_back(word: str) -> None:
    text = f"第十条、第十一条{word}第十二条"
    value = parse_citations(text)
    assert value.conjunction == word
    assert value.items == tuple(Citation(article=n) for n in (10, 11, 12))
    assert format_citation(value) == text
    (found,) = find_citations(f"依照{text}规定")
    assert found.value == value and found.text == text


def test_conjunction_rules() -> None:
    # the word before the last element is the list's; the others are written with 、
    value = parse_citations("第一条和第二条、第三条")
    assert value.conjunction == "、"
    assert format_citation(value) == "第一条、第二条、第三条"
    # a list of one has nothing to join; a value keeps the default
    assert parse_citations("第一条").conjunction == "和"
    with pytest.raises(CitationError, match="a list is joined by one of"):
        CitationList((Citation(article=1),), "与")
    assert not CitationList((Citation(article=1),)).disjunctive


# --------------------------------------------------------------------------- 8. laws named bare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the three, then every place a name stands: the start of a 款, after a verb
        # or a conjunction, in a list
        ("民事诉讼法第五十九条第三款、第二百一十二条",
         [("民事诉讼法第五十九条第三款、第二百一十二条", "中华人民共和国民事诉讼法")]),
        ("行政诉讼法第十三条第一项规定的", [("行政诉讼法第十三条第一项", "中华人民共和国行政诉讼法")]),
        ("属于刑法第二百六十四条规定的", [("刑法第二百六十四条", CRIMINAL)]),
        ("可以分别认定为刑法第二百六十四条", [("刑法第二百六十四条", CRIMINAL)]),
        ("裁定有民事诉讼法第二百一十一条规定情形之一的",
         [("民事诉讼法第二百一十一条", "中华人民共和国民事诉讼法")]),
        ("不符合民事诉讼法第一百二十二条规定的",
         [("民事诉讼法第一百二十二条", "中华人民共和国民事诉讼法")]),
        ("除刑法第二十条另有规定外", [("刑法第二十条", CRIMINAL)]),
        ("其刑法第二十条", [("刑法第二十条", CRIMINAL)]),
        ("适用公司法第二十条", [("公司法第二十条", "中华人民共和国公司法")]),
        ("依照立法法第九十七条", [("立法法第九十七条", "中华人民共和国立法法")]),
        ("根据刑事诉讼法第十六条、按照民法典第十条，违反行政处罚法第三条",
         [("刑事诉讼法第十六条", "中华人民共和国刑事诉讼法"),
          ("民法典第十条", "中华人民共和国民法典"),
          ("行政处罚法第三条", "中华人民共和国行政处罚法")]),
        ("依照民法典第十条、刑法第二十条和行政诉讼法第三条",
         [("民法典第十条", "中华人民共和国民法典"), ("刑法第二十条", CRIMINAL),
          ("行政诉讼法第三条", "中华人民共和国行政诉讼法")]),
        ("违反中华人民共和国刑法第二十条", [("中华人民共和国刑法第二十条", CRIMINAL)]),
        ("人民法院依照军人保险法第三条", [("军人保险法第三条", "中华人民共和国军人保险法")]),
        ("依照选举法第三条", [("选举法第三条",
                        "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法")]),
        ("违反反不正当竞争法第二条", [("反不正当竞争法第二条", "中华人民共和国反不正当竞争法")]),
        # a law the table does not know, after a verb of reference: as written
        ("依照某某促进法第三条", [("某某促进法第三条", "某某促进法")]),
        # 《》 short names are the law too
        ("依照《刑法》第二十条", [("《刑法》第二十条", CRIMINAL)]),
    ],
)  # fmt: skip
def test_a_law_named_without_book_marks_is_that_law(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = _titles(text)
    assert [(t, title) for t, _, title in found] == expected
    assert all(kind == "external" for _, kind, _ in found)
    for match in find_citations(text):
        assert text[match.start : match.end] == match.text
        assert not match.text.startswith(("属于", "认定为", "有", "将", "在", "依照", "违反"))


@pytest.mark.parametrize(
    "text",
    ["按照计算方法第一项", "依法第一时间处理", "第三人依照合同约定的方法第二项", "基本法第一条"],
)
def test_words_ending_in_fa_are_not_laws(text: str) -> None:
    for match in find_citations(text):
        assert match.kind != "external", match


def test_the_short_name_table() -> None:
    laws = set(SHORT_TITLES.values())
    assert len(laws) >= 290
    assert all(t.startswith("中华人民共和国") for t in laws if t != "反分裂国家法")
    for name, title in SHORT_TITLES.items():
        assert full_title(name) == title
        assert full_title(short_title(title)) == title
    assert short_title("中华人民共和国刑法") == "刑法"
    assert short_title("中华人民共和国全国人民代表大会和地方各级人民代表大会选举法") == "选举法"
    assert full_title("上海市数据条例") == "上海市数据条例"  # no table for local regulations


def test_the_regulations_own_short_name_and_given_names() -> None:
    code = wdr.parse("# 中华人民共和国某某促进法\n\n第一条 甲。\n\n第二条 依照某某促进法第一条。")
    (ref,) = code.references()
    assert ref.match.kind == "internal" and ref.targets == (Citation(article=1),)
    assert not ref.dangling
    # a name the caller gives: the regulation's own, or another instrument's
    names = {"数字化条例": SEED.title, "数据条例": "上海市数据条例"}
    found = _titles("依照数字化条例第三条和数据条例第五条", regulation=SEED, names=names)
    assert found == [("数字化条例第三条", "internal", None), ("数据条例第五条", "external",
                                                              "上海市数据条例")]  # fmt: skip
    assert parse_citation("刑法第二十条") == Citation(title=CRIMINAL, article=20)
    criminal = wdr.parse_file(CORPUS / "national" / "刑法.md")
    assert parse_citation("刑法第二十条", regulation=criminal) == Citation(article=20)
    with pytest.raises(CitationError, match="is not the name of an instrument"):
        parse_citation("某人依照民法典第一条")


def test_short_names_the_text_defines() -> None:
    text = (
        "根据《中华人民共和国刑法修正案（五）》（以下简称《刑法修正案（五）》）的规定，"
        "《刑法修正案（五）》第1条第2款"
    )
    found = _titles(text)
    assert found[-1] == (
        "《刑法修正案（五）》第1条第2款",
        "external",
        "中华人民共和国刑法修正案（五）",
    )
    reg = wdr.parse(
        "# 甲解释\n\n第一条 《中华人民共和国出口管制法》（以下简称管制法）适用。"
        "\n\n第二条 依照管制法第三条。"
    )
    assert [str(c) for r in reg.references() for c in r.targets] == [
        "《中华人民共和国出口管制法》",
        "《中华人民共和国出口管制法》第三条",
    ]


def test_attribution_on_the_real_judicial_interpretations() -> None:
    """bench_attribution's answer key, held: every citation of the 侵权责任编 interpretation is
    credited to its full title (3 of 20 before); in the 罪名 supplement, the amendment articles
    by their defined short name (0 of 22 before); and every law named without 《》 in the corpus."""
    tort = wdr.parse_file(CORPUS / "national" / TORT)
    assert attribution_score(tort, TORT_KEY, {}) == (20, 20, 20)
    charges = wdr.parse_file(CORPUS / "national" / CHARGES)
    strict, _, total = attribution_score(charges, _charges_key(charges), {})
    # the other 22 are the table's 刑法条文 column: only its header says which law they are
    assert (strict, total) == (22, 44)
    assert len(BARE) == 5 and bare_scores() == (63, 63, 63)


# --------------------------------------------------------------------------- 9. 该法, 同法


def test_that_law_is_the_one_named_before() -> None:
    found = _titles(
        "依照《中华人民共和国刑法》第二十条和该法第二十一条，同法第三条、上述法律第四条"
    )
    assert found == [
        ("《中华人民共和国刑法》第二十条", "external", CRIMINAL),
        ("该法第二十一条", "external", CRIMINAL),
        ("同法第三条", "external", CRIMINAL),
        ("上述法律第四条", "external", CRIMINAL),
    ]
    # nothing named before: unresolvable, never the document itself, never 《该法》
    (alone,) = find_citations("该法第三条", regulation=SEED)
    assert (alone.kind, alone.value, alone.citations) == ("unresolvable", None, ())
    # the kind must fit: 该法 skips a 条例, 该条例 takes it
    mixed = "依照刑法第一条和《上海市数据条例》第二条，该法第三条、该条例第四条"
    assert [t[2] for t in _titles(mixed)] == [CRIMINAL, "上海市数据条例", CRIMINAL,
                                              "上海市数据条例"]  # fmt: skip
    with pytest.raises(CitationError, match="refers to the instrument named before it"):
        parse_citation("该法第三条")


def test_that_law_looks_back_in_its_article_only() -> None:
    reg = wdr.parse(
        "# 甲条例\n\n第一条 依照《中华人民共和国刑法》第二十条处理。\n\n依照该法第二十一条处理。"
        "\n\n第二条 依照该法第三条处理。"
    )
    refs = [(str(r.at), r.match.text, r.match.kind, [str(c) for c in r.targets]) for r in
            reg.references()]  # fmt: skip
    assert refs == [
        ("第一条第一款", "《中华人民共和国刑法》第二十条", "external", ["《中华人民共和国刑法》第二十条"]),
        ("第一条第二款", "该法第二十一条", "external", ["《中华人民共和国刑法》第二十一条"]),
        ("第二条第一款", "该法第三条", "unresolvable", []),
    ]  # fmt: skip
    own = wdr.parse("# 中华人民共和国某某法\n\n第一条 甲。\n\n第二条 本法第一条和该法第一条。")
    assert [r.match.kind for r in own.references()] == ["internal", "internal"]


# --------------------------------------------------------------------------- 10. 项 without 款


_CITING = "第十七条第一项至第五项、第十七条第一项和第十七条第一项至第十七条第二项"


def _article_17(second: str, citing: str = _CITING) -> wdr.Regulation:
    return wdr.parse(
        "# 甲条例\n\n第十七条 下列：\n\n（一）甲；\n\n（二）乙。\n\n" + second + "\n\n"
        f"第十八条 依照{citing}规定。"
    )


def test_items_cited_without_their_paragraph() -> None:
    # only 第一款 has 项: they are its (the reference in the issue crashed with AttributeError)
    refs = _article_17("第二款。").references()
    assert [(r.match.text, [str(c) for c in r.targets], r.dangling) for r in refs[1:]] == [
        ("第十七条第一项至第五项、第十七条第一项和第十七条第一项至第十七条第二项",
         ["第十七条第一款第一项", "第十七条第一款第二项", "第十七条第一款第五项",
          "第十七条第一款第一项", "第十七条第一款第一项", "第十七条第一款第二项"], True),
    ]  # fmt: skip
    assert refs[1].missing == (Citation(article=17, paragraph=1, item=5),)
    # both 款 have a 第一项: ambiguous, reported, not dangling and not a crash
    both_have = "又有下列：\n\n（一）丙；\n\n（二）丁。"
    both = _article_17(both_have, "第十七条第一项至第二项").references()[-1]
    assert both.ambiguous == (Citation(article=17, item=1), Citation(article=17, item=2))
    assert both.exists is None and not both.dangling and not both.missing
    # …and a 项 no 款 has is missing, whatever else is ambiguous
    assert _article_17(both_have).references()[-1].dangling
    # 第五项 only the second 款 has: that 款, for both ends of the range
    more = "又有下列：\n\n（一）丙；\n\n（二）丁；\n\n（三）戊；\n\n（四）己；\n\n（五）庚。"
    third = _article_17(more).references()[-1]
    assert third.match.value is not None
    assert third.match.value.items[0] == CitationRange(
        Citation(article=17, paragraph=2, item=1), Citation(article=17, paragraph=2, item=5)
    )
    reg = _article_17(more)
    assert parse_citation("第十七条第五项", regulation=reg) == Citation(
        article=17, paragraph=2, item=5
    )
    with pytest.raises(wdr.NotFoundError, match="say which 款 holds 第一项"):
        reg.resolve(Citation(article=17, item=1))


_FORMS = (
    "第{a}条第{i}项至第{j}项",
    "第{a}条第{i}项至第{a}条第{j}项",
    "第{i}项至第{j}项",
    "本条第{i}项至第{j}项",
    "第{a}条第{i}项、第{j}项",
    "第{a}条第一款第{i}项至第{j}项",
    "前款第{i}项至第{j}项",
    "第{a}条第{i}项第1目至第2目",
)


@st.composite
def _articles_with_items(draw: st.DrawFn) -> wdr.Regulation:
    """Articles of one to three 款, each with none to four 项 (some with 目): every way a 项 cited
    without its 款 can be placed, missing or ambiguous."""
    articles = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        paragraphs = []
        for position in range(1, draw(st.integers(1, 3)) + 1):
            items = tuple(
                wdr.Item(
                    n,
                    "甲；",
                    tuple(wdr.SubItem(s, "乙；") for s in range(1, draw(st.integers(0, 2)) + 1)),
                )
                for n in range(1, draw(st.integers(0, 4)) + 1)
            )
            paragraphs.append(wdr.Paragraph(position, "下列：" if items else "甲。", items))
        articles.append(wdr.Article(number, paragraphs=tuple(paragraphs)))
    return wdr.Regulation(title="甲条例", body=tuple(articles))


@given(
    reg=_articles_with_items(),
    form=st.sampled_from(_FORMS),
    ends=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    data=st.data(),
)
def test_no_range_of_items_crashes(
    reg: wdr.Regulation, form: str, ends: tuple[int, int], data: st.DataObject
) -> None:
    """Issue 8 item 10, for every range form: finding, expanding and checking never raise."""
    if not reg.articles:
        return
    article = data.draw(st.sampled_from(reg.articles))
    i, j = sorted(ends)
    text = form.format(a=wdr.to_chinese(article.number), i=wdr.to_chinese(i), j=wdr.to_chinese(j))
    places = [p.citation for p in article.paragraphs] + [None]
    at = data.draw(st.sampled_from(places))
    for match in find_citations(text, regulation=reg, at=at):
        for target in match.citations:
            with contextlib.suppress(wdr.NotFoundError):
                reg.resolve(target)
    # and in the regulation's own text: references() checks every target
    citing = wdr.Article(len(reg.articles) + 1, paragraphs=(wdr.Paragraph(1, f"依照{text}。"),))
    for ref in attrs.evolve(reg, body=(*reg.body, citing)).references():
        assert ref.exists in (True, False, None) and (ref.dangling or not ref.missing)


def test_references_with_ranges_of_items_on_generated_text() -> None:
    text = "\n\n".join(
        f"第{wdr.to_chinese(n)}条 下列：\n\n（一）甲；\n\n（二）乙。\n\n另款：\n\n（一）丙。"
        for n in range(1, 4)
    )
    body = "依照" + "、".join(f.format(a="一", i="一", j="二") for f in _FORMS) + "规定。"
    reg = wdr.parse(f"# 甲条例\n\n{text}\n\n第四条 {body}\n\n下列：\n\n（一）{body}")
    for ref in reg.references():
        assert ref.exists in (True, False, None)
        _ = ref.targets


# --------------------------------------------------------------------------- 11. the sole 款


def test_the_sole_paragraph_is_cited_as_its_article_on_the_seed() -> None:
    first = SEED.article(1).paragraphs[0].citation
    assert first == Citation(article=1, paragraph=1)
    assert [format_citation(first, s, regulation=SEED) for s in STYLES] == [
        "第一条",
        "《无锡市数字化转型促进条例》第一条",
        "本条例第一条",
        "《无锡市数字化转型促进条例》第一条",
        "《无锡市数字化转型促进条例》第1条",
        "Article 1",
        "Art. 1(1)",
        "art_1__para_1",
    ]
    several = CitationList((first, Citation(article=2, paragraph=1)))
    assert format_citation(several, regulation=SEED) == "第一条和第二条第一款"


# --------------------------------------------------------------------------- 12. internal words


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("法官职业道德基本准则", "本准则"),
        ("中国共产党廉洁自律准则", "本准则"),
        ("公务员职业道德守则", "本守则"),
        ("关于内地与香港特别行政区相互执行仲裁裁决的安排", "本安排"),
        ("建筑设计防火规范", "本规范"),
        ("上海证券交易所股票上市规则", "本规则"),
        ("中国共产党章程", "本章程"),
        ("某某条例实施细则", "本细则"),
        ("某某管理暂行办法（试行）", "本办法"),
        ("国民经济和社会发展第十四个五年规划纲要", "本纲要"),
        ("中华人民共和国刑法修正案（十一）", "本修正案"),
        ("某某公约", "本公约"),
        ("张莉诉北京合力华通汽车服务有限公司买卖合同纠纷案", "本案"),
        ("某某事项清单", "本清单"),
        ("Some English Title", "本文件"),
    ],
)
def test_internal_style_for_every_instrument_kind(title: str, word: str) -> None:
    assert instrument_word(title) == word
    reg = wdr.parse(f"# {title}\n\n第一条 甲。\n\n第二条 乙。\n\n丙。")
    cited = Citation(article=2, paragraph=2)
    written = format_citation(cited, "internal", regulation=reg)
    assert written == f"{word}第二条第二款"
    assert parse_citation(written, regulation=reg) == cited
    (found,) = find_citations(f"依照{written}规定", regulation=reg)
    assert found.kind == "internal" and found.citations == (cited,)


# --------------------------------------------------------------------------- 13. 分编


def test_subparts_are_cited() -> None:
    code = Citation(part=3, subpart=2)
    assert parse_citation("合同编第二分编") == code == parse_citation("第三编第二分编")
    assert [format_citation(code, s) for s in ("statute", "en", "en-compact", "eid")] == [
        "第三编第二分编", "Part 3, Subpart 2", "Pt. 3 Subpt. 2", "part_3__subpart_2"]  # fmt: skip
    for style in ("statute", "en", "en-compact", "eid"):
        assert parse_citation(format_citation(code, style)) == code
    assert parse_citation("第二分编") == Citation(subpart=2)
    assert parse_citation("合同编第四百六十四条") == Citation(article=464)
    span = parse_citations("第三编第一分编至第三分编").items[0]
    assert span == CitationRange(Citation(part=3, subpart=1), Citation(part=3, subpart=3))
    found = _titles("依照民法典合同编第二分编的规定")
    assert found == [("民法典合同编第二分编", "external", "中华人民共和国民法典")]
    with pytest.raises(CitationError, match="names no chapter"):
        Citation(part=3, subpart=2, chapter=9)


def test_subparts_resolve_in_the_contract_book() -> None:
    book = wdr.parse_file(CORPUS / "national" / "合同编.md")  # 合同编 is the file's subtitle
    second = book.subparts[1]
    assert second.citation == Citation(subpart=2)
    for text in ("第二分编", "合同编第二分编"):
        assert book.resolve(parse_citation(text, regulation=book)) is second
    assert book.resolve(parse_citation("subpart_2", regulation=book)) is second
    expanded = parse_citations("第一分编至第三分编").expand(book)
    assert [book.resolve(c) for c in expanded] == list(book.subparts)
    article = second.articles[0]
    (this,) = find_citations("本分编", regulation=book, at=article.paragraphs[0].citation)
    assert this.citations == (Citation(subpart=2),)


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # the whole path courts write: one citation of the unit it ends in
        ("合同编第二分编第九章", Citation(chapter=9)),
        ("合同编第二分编第十三章第二节", Citation(chapter=13, section=2)),
        ("合同编第二分编第九章第五百九十五条", Citation(article=595)),
        ("合同编第二分编第五百九十五条第一款", Citation(article=595, paragraph=1)),
        ("第九章第五百九十五条", Citation(article=595)),
        ("第十三章第二节第六百九十九条", Citation(article=699)),
    ],
)
def test_a_path_of_headings_reads_as_the_unit_it_ends_in(text: str, cited: Citation) -> None:
    # they were refused (第九章 or 第五百九十五条 "unexpected after the citation"), and
    # find_citations cut them in pieces, crediting the last ones to the citing document
    book = wdr.parse_file(CORPUS / "national" / "合同编.md")
    assert parse_citation(text, regulation=book) == cited
    assert book.resolve(cited) is not None
    (found,) = find_citations(f"依照民法典{text}的规定", regulation=book)  # the book itself
    assert (found.text, found.kind, found.citations) == (f"民法典{text}", "internal", (cited,))
    (found,) = find_citations(f"依照民法典{text}的规定")  # the whole 民法典: 合同编 is its 第三编
    part = 3 if cited.chapter and text.startswith("合同编") else None
    assert found.citations == (attrs.evolve(cited, title="中华人民共和国民法典", part=part),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "合同编第一分编第九章",
            "'合同编第一分编第九章': the document's 第九章 is not in its 第一分编",
        ),
        (
            "第八章第五百九十五条",
            "'第八章第五百九十五条': the document's 第五百九十五条 is not in its 第八章",
        ),
        (
            "第十三章第一节第六百九十九条",
            "'第十三章第一节第六百九十九条': the document's 第六百九十九条 is not in its 第一节",
        ),
    ],
)
def test_a_path_of_headings_is_checked_against_the_document(text: str, message: str) -> None:
    book = wdr.parse_file(CORPUS / "national" / "合同编.md")
    with pytest.raises(CitationError) as caught:
        parse_citation(text, regulation=book)
    assert str(caught.value).splitlines()[0] == f"column 1: {message}"
    # without the document the headings cannot be checked: the unit is read
    assert parse_citation(text).article or parse_citation(text).chapter


def test_a_numbered_path_keeps_the_chapter_of_its_part() -> None:
    assert parse_citation("第三编第二分编第九章") == Citation(part=3, chapter=9)
    assert parse_citation("第三编第二分编第九章第一节") == Citation(part=3, chapter=9, section=1)
    assert parse_citation("第二编第三章第一百四十条") == Citation(article=140)


# --------------------------------------------------------------------------- the fast path


_ALPHABET = ["第", "一", "二", "十", "百", "千", "两", "条", "款", "项", "目", "章", "之", "至",
             "到", "和", "、", "，", "第三十五条", "第一条", "第二款", "第一项", "第（三）项",
             "本条例", "刑法", "该法", "该条例", "《刑法》", "《无锡市数字化转型促进条例》",
             "无锡市数字化转型促进条例", "前款", "（", "3", " ", "依照", "或者", "规定",
             "第九千九百九十九条", "中华人民共和国刑法"]  # fmt: skip


@given(
    text=st.lists(st.sampled_from(_ALPHABET), max_size=16).map("".join),
    which=st.sampled_from([None, "seed", "criminal"]),
    at=st.sampled_from([None, Citation(article=35, paragraph=2), Citation(article=1, paragraph=1)]),
)
@example(text="第一条至第九千九百九十九条，第三十五条第二款", which="seed", at=None)
@example(text="第一条第一款至第三款和第二条", which=None, at=None)
@example(text="第一条第二款第一项第一条第二条", which="seed", at=None)
@example(text="刑法第一条、刑法第二条第一款至第三款该法第三条", which="criminal", at=None)
def test_the_fast_path_reads_as_the_full_reader(
    text: str, which: str | None, at: Citation | None
) -> None:
    reg = {"seed": SEED, "criminal": _CRIMINAL, None: None}[which]
    fast = scan_text(text, at, Scan(reg), fast=True)
    full = scan_text(text, at, Scan(reg), fast=False)
    assert fast == full
    assert [m.citations for m in fast] == [m.citations for m in full]


_CRIMINAL = wdr.parse_file(CORPUS / "national" / "刑法.md")


def test_the_fast_path_on_the_corpus() -> None:
    for reg in (SEED, _CRIMINAL):
        for article in reg.articles:
            for paragraph in article.paragraphs:
                at = paragraph.citation
                assert scan_text(paragraph.full_text, at, Scan(reg), fast=True) == scan_text(
                    paragraph.full_text, at, Scan(reg), fast=False
                )


@pytest.mark.parametrize("after", ["以外的", "以上", "以下", "规定的", "情形的"])
def test_counted_items_before_what_follows_a_reference(after: str) -> None:
    """前两项以外的 (the 项 other than the two before) is a reference; 前三项污染物 (the top
    three pollutants, 环境保护税法) is not: a counted 项 is one when a reference's words follow."""
    at = wdr.Citation(article=1, paragraph=3, item=3)
    found = wdr.find_citations(f"除前两项{after}", at=at)
    assert [(m.text, [str(c) for c in m.citations]) for m in found] == [
        ("前两项", ["第一条第三款第一项", "第一条第三款第二项"])
    ]
    assert wdr.find_citations("对前三项污染物征收", at=at) == ()
