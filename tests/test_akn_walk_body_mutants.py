"""The tree walk of from_akn on Akoma Ntoso to_akn did not write, continued from
``test_akn_walk_mutants.py`` (issue 14): the body, its 款, 项 and 目, by value, message and
XPath; and the fast path's decline of an article ``<num>`` the walk refuses."""

from __future__ import annotations

import pytest

from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Item,
    Paragraph,
    Part,
    SerializationError,
    SubItem,
    from_akn,
    parse,
    to_akn,
)
from wuxi_dt_regulation._interchange.akn_fast import Declined, read_fast
from wuxi_dt_regulation._interchange.akn_read import read_tree

from .test_akn_walk_mutants import (
    A1,
    ART,
    DOC,
    B,
    W,
    act,
    appendices,
    att,
    broken,
    stray,
    titled,
    white,
)

# --------------------------------------------------------------------------- the body


def para_(text: str, attrs: str = "") -> str:
    return f'<paragraph eId="p"{attrs}><content><p>{text}</p></content></paragraph>'


def art_(inner: str, num: str = "第一条") -> str:
    return f'<article eId="a"><num>{num}</num>{inner}</article>'


def unit_(inner: str, num: str = "<num>第一章</num>", tag: str = "chapter") -> str:
    return f'<{tag} eId="c">{num}<heading>总则</heading>{inner}</{tag}>'


def listed_(points: str) -> str:
    return f'<paragraph eId="p"><list eId="l"><intro><p>甲：</p></intro>{points}</list></paragraph>'


def point_(num: str, text: str) -> str:
    return f'<point eId="x">{num}<content><p>{text}</p></content></point>'


def body(xml: str) -> object:
    """What the walk makes of a ``<body>`` holding *xml*: its units, or its refusal."""
    try:
        return read_tree(act(xml)).body
    except SerializationError as err:
        return err.path, err.message


AP = f"{B}/article[1]/paragraph[1]"
DIVISION = (
    '<division eId="d"{}><heading>附则</heading>' + art_(para_("乙。"), "第二条") + "</division>"
)
A2 = Article(2, 0, (Paragraph(1, "乙。"),))

BODY_READ = [
    pytest.param(
        unit_(unit_(art_(para_("甲。"))), "<num>第一编</num>", "part"),
        (Part(1, "总则", (Chapter(1, "总则", (A1,)),)),),
        id="part",
    ),
    pytest.param(
        unit_(art_(para_("甲。")), "<num> 第一<b>章</b> </num>").replace(
            "<heading>总则</heading>", "<heading> 总<b>则</b> </heading>"
        ),
        (Chapter(1, "总则", (A1,)),),
        id="num-and-heading-inline",
    ),
    pytest.param(
        art_(para_("甲。", ' wdr:break="false"') + para_("乙。", ' wdr:break="true"')),
        (Article(1, 0, (Paragraph(1, "甲。"), Paragraph(2, "乙。", (), True))),),
        id="breaks",
    ),
    pytest.param(ART + DIVISION.format(""), (A1, Division("附则", 2, (A2,))), id="level-default"),
    pytest.param(
        ART + DIVISION.format(' wdr:level="3"'), (A1, Division("附则", 3, (A2,))), id="level"
    ),
    pytest.param(art_(para_(" 甲。\t")), (A1,), id="xml-space-stripped"),
    pytest.param(
        art_("<content><p>甲。</p><p>乙。</p></content>"),
        (Article(1, 0, (Paragraph(1, "甲。"), Paragraph(2, "乙。"))),),
        id="article-content",
    ),
]


@pytest.mark.parametrize(("xml", "expected"), BODY_READ)
def test_the_body_reads(xml: str, expected: tuple[object, ...]) -> None:
    assert body(xml) == expected


BODY_REFUSED = [
    pytest.param(
        unit_(art_(para_("甲。")), "<num>第1章</num>"),
        (f"{B}/chapter[1]/num", "expected a <num> such as 第一章, found '第1章'"),
        id="chapter-num",
    ),
    pytest.param(
        unit_(art_(para_("甲。")), ""),
        (f"{B}/chapter[1]/num", "expected a <num> such as 第一章, found ''"),
        id="chapter-no-num",
    ),
    pytest.param(
        unit_(unit_(art_(para_("甲。")), tag="section")),
        (f"{B}/chapter[1]/section[1]/num", "expected a <num> such as 第一节, found '第一章'"),
        id="section-num",
    ),
    pytest.param(
        '<article eId="a">' + para_("甲。") + "</article>",
        (f"{B}/article[1]/num", "expected a <num> such as 第三十五条, found ''"),
        id="article-no-num",
    ),
    pytest.param(
        art_(para_("甲。", ' wdr:break="yes"')),
        (f"{AP}/@wdr:break", "wdr:break must be true or false, found 'yes'"),
        id="break-yes",
    ),
    pytest.param(
        art_(para_("甲。", ' wdr:break=""')),
        (f"{AP}/@wdr:break", "wdr:break must be true or false, found ''"),
        id="break-empty",
    ),
    pytest.param(
        ART + DIVISION.format(' wdr:level="7"'),
        (f"{B}/division[1]", "Division.level must be 1..6, got 7"),
        id="level-7",
    ),
    pytest.param(
        art_(listed_(point_("", "乙。"))),
        (f"{AP}/list[1]/point[1]/num", "expected a <num> such as （一）, found ''"),
        id="point-no-num",
    ),
    pytest.param(
        art_(listed_(point_("<num>（1）</num>", "乙。"))),
        (f"{AP}/list[1]/point[1]/num", "expected a <num> such as （一）, found '（1）'"),
        id="point-num",
    ),
    pytest.param(
        art_('<paragraph eId="p"><content><b>甲</b></content></paragraph>'),
        (f"{AP}/content/b[1]", "<b> has no place in <content>: only <p> is read here"),
        id="content-b",
    ),
    pytest.param(
        art_(f'<paragraph eId="p"><content>{W}<p>甲。</p></content></paragraph>'),
        (f"{AP}/content/text()[1]", stray("content", W)),
        id="content-text",
    ),
    pytest.param(
        art_(f'<paragraph eId="p"><content><p>甲。</p>{W}<p>乙。</p> </content></paragraph>'),
        (f"{AP}/content/text()[1]", stray("content", W)),
        id="content-tail",
    ),
    pytest.param(
        art_(para_(W + "甲。")),
        (
            AP,
            "Paragraph text cannot hold white space at an end (it is one stripped line): '\\u3000甲。'",
        ),
        id="wide-space",
    ),
    pytest.param(
        art_(f"<content><p>{W}甲。</p><p>乙。</p></content>"),
        (f"{B}/article[1]/content", white("Paragraph", W + "甲。")),
        id="content-wide",
    ),
    pytest.param(
        unit_(art_(para_("甲。"))).replace("总则", W + "总则"),
        (f"{B}/chapter[1]", white("Chapter", W + "总则")),
        id="heading-wide",
    ),
]


@pytest.mark.parametrize(("xml", "expected"), BODY_REFUSED)
def test_the_body_refuses(xml: str, expected: tuple[str, str]) -> None:
    assert body(xml) == expected


PT1 = point_("<num>（一）</num>", "乙。")
I1 = (Item(1, "乙。"),)


def paragraph_(inner: str) -> str:
    return f'<paragraph eId="p">{inner}</paragraph>'


def list_(inner: str) -> str:
    return f'<list eId="l">{inner}</list>'


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        pytest.param(listed_(PT1), Paragraph(1, "甲：", I1), id="list"),
        pytest.param(paragraph_(list_(PT1)), Paragraph(1, "", I1), id="list-without-intro"),
        pytest.param(
            paragraph_("<intro><p>甲：</p></intro>" + list_(PT1)),
            Paragraph(1, "甲：", I1),
            id="intro-beside-list",
        ),
        pytest.param(
            paragraph_(list_("<intro><p>修改为：“甲。</p><p>乙。</p><p>丙：”</p></intro>" + PT1)),
            Paragraph(1, "修改为：“甲。", I1, False, ("乙。", "丙：”")),
            id="intro-of-three-lines",
        ),
        pytest.param(para_("甲。 "), Paragraph(1, "甲。"), id="space-after"),
        pytest.param(para_(" 甲。"), Paragraph(1, "甲。"), id="space-before"),
    ],
)
def test_a_paragraph_reads(xml: str, expected: Paragraph) -> None:
    assert body(art_(xml)) == (Article(1, 0, (expected,)),)


def test_an_article_reads_its_num_after_its_content() -> None:
    assert body('<article eId="a"><content><p>甲。</p></content><num>第一条</num></article>') == (
        A1,
    )


def test_bare_ps_in_an_appendix_are_paragraphs() -> None:
    main = "<mainBody><p>甲。</p><p/><p>乙。</p></mainBody>"
    assert appendices(att(titled() + main)) == (
        Appendix("附件一", (Paragraph(1, "甲。"), Paragraph(2, "乙。"))),
    )


NEEDS = "a Paragraph needs text or items"
LIST_HOLDS = "a <list> holds an <intro> and <point>s"

PARAGRAPH_REFUSED = [
    pytest.param(
        paragraph_(f"{W}<content><p>甲。</p></content>"),
        (f"{AP}/text()[1]", stray("paragraph", W)),
        id="text",
    ),
    pytest.param(
        paragraph_(f"<content><p>甲。</p></content>{W}<num>1</num> "),
        (f"{AP}/text()[1]", stray("paragraph", W)),
        id="tail",
    ),
    pytest.param(
        paragraph_(f"<content><p>甲。</p>{W}</content>"),
        (f"{AP}/content/text()[1]", stray("content", W)),
        id="text-after-the-p",
    ),
    pytest.param(
        paragraph_("<content><p>甲。</p></content><num>1</num>"),
        (f"{AP}/num", "a 款 has no printed number: <num> has no place in it"),
        id="num-after",
    ),
    pytest.param(
        paragraph_("<heading>甲</heading><content><p>甲。</p></content>"),
        (f"{AP}/heading", "a 款 has no title: <heading> has no place in it"),
        id="heading",
    ),
    pytest.param(
        paragraph_("<intro><p>甲：</p></intro>"),
        (f"{AP}/intro", "an <intro> without the <list> it introduces"),
        id="intro-alone",
    ),
    pytest.param(paragraph_("<content><p></p></content>"), (AP, NEEDS), id="empty-p"),
    pytest.param(paragraph_("<content/>"), (AP, NEEDS), id="empty-content"),
    pytest.param(paragraph_(""), (AP, NEEDS), id="empty"),
    pytest.param(para_(" 甲。" + W), (AP, white("Paragraph", "甲。" + W)), id="wide-after"),
    pytest.param(
        paragraph_(list_("<intro><p>甲&#10;乙：</p></intro>" + PT1)),
        (AP, broken("Paragraph", "甲\n乙：")),
        id="lead-line-break",
    ),
    pytest.param(
        listed_(point_("<num>（一）</num>", "乙&#10;丙")),
        (f"{AP}/list[1]/point[1]", broken("Item", "乙\n丙")),
        id="item-line-break",
    ),
    pytest.param(
        paragraph_(list_(f"{W}<intro><p>甲：</p></intro>" + PT1)),
        (f"{AP}/list[1]/text()[1]", stray("list", W)),
        id="list-text",
    ),
    pytest.param(
        paragraph_(
            list_("<intro><p>甲：</p></intro>" + PT1 + W + PT1.replace("（一）", "（二）") + " ")
        ),
        (f"{AP}/list[1]/text()[1]", stray("list", W)),
        id="list-tail",
    ),
    pytest.param(
        paragraph_(list_("<p>甲：</p>" + PT1)),
        (f"{AP}/list[1]/p[1]", f"<p> has no place in <list>: {LIST_HOLDS}"),
        id="p-in-list",
    ),
    pytest.param(
        paragraph_(list_("<intro><p>甲：</p></intro>" + PT1 + "<intro><p>乙：</p></intro>")),
        (f"{AP}/list[1]/intro[2]", f"<intro> has no place in <list>: {LIST_HOLDS}"),
        id="intro-after-points",
    ),
    pytest.param(
        paragraph_("<intro><p>甲：</p></intro>" + list_("<intro><p>乙：</p></intro>" + PT1)),
        (f"{AP}/list[1]/intro", f"<intro> has no place in <list>: {LIST_HOLDS}"),
        id="two-intros",
    ),
]


@pytest.mark.parametrize(("xml", "expected"), PARAGRAPH_REFUSED)
def test_a_paragraph_refuses(xml: str, expected: tuple[str, str]) -> None:
    assert body(art_(xml)) == expected


ARTICLE_REFUSED = [
    pytest.param(
        f'<article eId="a">{W}<num>第一条</num>{para_("甲。")}</article>',
        (f"{B}/article[1]/text()[1]", stray("article", W)),
        id="text",
    ),
    pytest.param(
        f'<article eId="a"><num>第一条</num>{W}{para_("甲。")} </article>',
        (f"{B}/article[1]/text()[1]", stray("article", W)),
        id="tail",
    ),
    pytest.param(
        art_(para_("甲。") + "<num>第二条</num>"),
        (f"{B}/article[1]/num[2]", "<num> has no place in <article>"),
        id="two-nums",
    ),
    pytest.param(
        art_(para_("甲。") + "<list/>"),
        (f"{B}/article[1]/list[1]", "<list> has no place in <article>"),
        id="list",
    ),
    pytest.param(
        art_(para_("甲。") + art_(para_("乙。"), "第二条")),
        (f"{B}/article[1]/article[1]", "a <article> cannot stand here; expected Paragraph"),
        id="article",
    ),
    pytest.param(ART + "<p>甲。</p>", (f"{B}/p[1]", "<p> has no place in <body>"), id="p-in-body"),
    pytest.param(
        ART + W + art_(para_("乙。"), "第二条") + " ",
        (f"{B}/text()[1]", stray("body", W)),
        id="body-tail",
    ),
]


@pytest.mark.parametrize(("xml", "expected"), ARTICLE_REFUSED)
def test_an_article_and_the_body_refuse(xml: str, expected: tuple[str, str]) -> None:
    assert body(xml) == expected


def test_a_bare_p_of_an_appendix_is_checked_by_the_model() -> None:
    main = f"<mainBody><p>{W}甲。</p></mainBody>"
    assert appendices(att(titled() + main)) == (
        f"{DOC}/mainBody/p[1]",
        white("Paragraph", W + "甲。"),
    )


def pt_(inner: str) -> str:
    """A 款 of one 项 （一） holding *inner* after its ``<num>``."""
    return listed_(f'<point eId="x"><num>（一）</num>{inner}</point>')


SUBS = point_("<num>1．</num>", "子；") + point_("<num>2．</num>", "丑。")
S2 = (SubItem(1, "子；"), SubItem(2, "丑。"))
THREE = "<p>修改为：“乙。</p><p>丙。</p><p>丁。”</p>"


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        pytest.param(
            pt_(list_("<intro><p>乙：</p></intro>" + SUBS)), Item(1, "乙：", S2), id="subitems"
        ),
        pytest.param(
            pt_("<intro><p>乙：</p></intro>" + list_(SUBS)), Item(1, "乙：", S2), id="intro-beside"
        ),
        pytest.param(pt_(list_(SUBS)), Item(1, "", S2), id="no-lead"),
        pytest.param(
            pt_(list_(f"<intro>{THREE}</intro>{SUBS}")),
            Item(1, "修改为：“乙。", S2, ("丙。", "丁。”")),
            id="lead-of-three-lines",
        ),
        pytest.param(
            pt_(f"<content>{THREE}</content>"),
            Item(1, "修改为：“乙。", (), ("丙。", "丁。”")),
            id="three-lines",
        ),
        pytest.param(pt_(""), Item(1, ""), id="no-content"),
        pytest.param(pt_("<content/>"), Item(1, ""), id="empty-content"),
    ],
)
def test_an_item_reads(xml: str, expected: Item) -> None:
    assert body(art_(xml)) == (Article(1, 0, (Paragraph(1, "甲：", (expected,)),)),)


PX = f"{AP}/list[1]/point[1]"
POINT_HOLDS = "a <point> holds one <content>, or an <intro> and one <list>"

POINT_REFUSED = [
    pytest.param(
        listed_(f'<point eId="x">{W}<num>（一）</num><content><p>乙。</p></content></point>'),
        (f"{PX}/text()[1]", stray("point", W)),
        id="text",
    ),
    pytest.param(
        pt_(f"<intro><p>乙：</p></intro>{W}{list_(SUBS)} "),
        (f"{PX}/text()[1]", stray("point", W)),
        id="tail",
    ),
    pytest.param(
        pt_("<content><p>乙。</p></content><p>丙。</p>"),
        (f"{PX}/p[1]", f"<p> has no place in <point>: {POINT_HOLDS}"),
        id="p",
    ),
    pytest.param(
        pt_("<intro><p>乙：</p></intro><intro><p>丙：</p></intro>" + list_(SUBS)),
        (f"{PX}/intro[2]", f"<intro> has no place in <point>: {POINT_HOLDS}"),
        id="two-intros",
    ),
    pytest.param(
        pt_("<content><p>乙。</p></content><intro><p>丙：</p></intro>"),
        (f"{PX}/intro", f"<intro> has no place in <point>: {POINT_HOLDS}"),
        id="intro-after-content",
    ),
    pytest.param(
        pt_(list_(SUBS) + "<intro><p>丙：</p></intro>"),
        (f"{PX}/intro", f"<intro> has no place in <point>: {POINT_HOLDS}"),
        id="intro-after-list",
    ),
    pytest.param(
        pt_("<intro><p>乙：</p></intro>"),
        (f"{PX}/intro", "an <intro> without the <list> it introduces"),
        id="intro-alone",
    ),
    pytest.param(
        pt_(list_('<point eId="y"><content><p>子。</p></content></point>')),
        (f"{PX}/list[1]/point[1]/num", "expected a <num> such as 1． or （1）, found ''"),
        id="subitem-no-num",
    ),
    pytest.param(
        pt_(list_(point_("<num>1．</num>", "子&#10;丑"))),
        (f"{PX}/list[1]/point[1]", broken("SubItem", "子\n丑")),
        id="subitem-line-break",
    ),
    pytest.param(
        paragraph_(f"<content><p>甲。</p></content>{W}"),
        (f"{AP}/text()[1]", stray("paragraph", W)),
        id="paragraph-tail-alone",
    ),
]


@pytest.mark.parametrize(("xml", "expected"), POINT_REFUSED)
def test_an_item_refuses(xml: str, expected: tuple[str, str]) -> None:
    assert body(art_(xml)) == expected


def test_the_title_is_read_from_a_p_alone() -> None:
    """A ``<toc class="title">`` before the title's ``<p>`` is the table of contents."""
    chapter = f'<chapter eId="c"><num>第一章</num><heading>总则</heading>{ART}</chapter>'
    toc = '<toc class="title"><tocItem>第一章 总则</tocItem></toc>'
    reg = read_tree(act(chapter).replace("<preface>", "<preface>" + toc))
    assert (reg.title, reg.toc, reg.body) == ("例", ("第一章 总则",), (Chapter(1, "总则", (A1,)),))


def test_a_wide_space_in_an_article_num_is_refused_by_both_readers() -> None:
    """The fast path declines a ``<num>`` the walk refuses (U+3000 is text, not XML's white
    space), so that from_akn refuses it too."""
    xml = to_akn(parse("# 例\n\n第一条 甲。\n")).replace("<num>第一条", f"<num>{W}第一条")
    with pytest.raises(Declined):
        read_fast(xml)
    with pytest.raises(SerializationError) as info:
        from_akn(xml)
    assert (info.value.path, info.value.message) == (
        f"{B}/article[1]/num",
        f"expected a <num> such as 第三十五条, found {W + '第一条'!r}",
    )
