"""from_akn on Akoma Ntoso it did not write (issue 12, item 5): every construct is read into the
model or refused with a SerializationError naming the XPath of its node, never dropped.

Each example is checked against the official XSD first, so that the test shows *valid* input
being read or refused; the few that are not valid Akoma Ntoso (text straight in an
``<article>``, an element of another namespace inside a ``<p>``) are marked so and are refused
all the same.  The table of constructs is in docs/akoma-ntoso.md.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Division, Item, Paragraph, SerializationError, Table

from .conftest import XSD_PATH

BASE = wdr.to_akn(wdr.parse("# 示例条例\n\n第一条 甲。"))


@pytest.fixture(scope="module")
def xsd() -> Any:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


def doc(body: str, *, preface: str | None = None, meta: str = "", after_body: str = "") -> str:
    """The base document with *body* as the content of ``<body>``; *preface* replaces the
    preface's content, *meta* is added at the end of ``<meta>``, *after_body* after ``</body>``."""
    xml = re.sub(r"<body>.*</body>", lambda _: f"<body>{body}</body>{after_body}", BASE, flags=re.S)
    if preface is not None:
        xml = re.sub(
            r"<preface>.*</preface>", lambda _: f"<preface>{preface}</preface>", xml, flags=re.S
        )
    return xml.replace("</meta>", meta + "</meta>")


def art(inner: str, eid: str = "art_1", num: str = "第一条") -> str:
    return f'<article eId="{eid}"><num>{num}</num>{inner}</article>'


def para(text: str, attrs: str = "") -> str:
    return f'<paragraph eId="art_1__para_1"{attrs}><content><p>{text}</p></content></paragraph>'


def listed(inside: str, outside: str = "") -> str:
    """A 款 with one 项; *inside* is added in the ``<list>``, *outside* in the ``<paragraph>``."""
    point = '<point eId="art_1__para_1__point_1"><num>（一）</num><content><p>甲；</p></content></point>'
    return art(
        f'<paragraph eId="art_1__para_1"><list eId="art_1__para_1__list_1"><intro><p>下列：</p>'
        f"</intro>{point}{inside}</list>{outside}</paragraph>"
    )


def one(*paragraphs: Paragraph) -> tuple[Article, ...]:
    return (Article(1, 0, paragraphs),)


def _check_valid(xsd: Any, xml: str, valid: bool) -> None:
    ok = xsd.validate(etree.fromstring(xml.encode("utf-8")))
    assert ok is valid, str(xsd.error_log) if valid else "expected XSD-invalid input"


# --------------------------------------------------------------------------- read

READ = [
    pytest.param(
        doc(
            art(
                para(
                    '甲<ref href="#x">第二条</ref>，<b>乙</b><i>丙</i><u>丁</u><span>戊</span>'
                    '<term refersTo="#t">己</term><date date="2020-01-01">2020年</date>'
                    "<ins>庚</ins><sup>2</sup>。"
                )
            )
        ),
        one(Paragraph(1, "甲第二条，乙丙丁戊己2020年庚2。")),
        id="inline-elements-are-paragraph-text",
    ),
    pytest.param(
        doc(art("<content><p>甲。</p><p>乙。</p></content>")),
        one(Paragraph(1, "甲。"), Paragraph(2, "乙。")),
        id="article-content-without-paragraph-one-kuan-per-p",
    ),
    pytest.param(
        doc(art(para("甲。"), eid="art_9")),
        one(Paragraph(1, "甲。")),
        id="num-wins-over-an-eid-that-disagrees",
    ),
    pytest.param(
        doc(
            art(
                '\n  <paragraph eId="art_1__para_1">\n    <content>\n      <p>\n        甲。\n'
                "      </p>\n    </content>\n  </paragraph>\n"
            )
        ),
        one(Paragraph(1, "甲。")),
        id="indentation-and-white-space-around-a-text",
    ),
    pytest.param(
        doc(art(para("甲<eol/>乙。"))),
        one(Paragraph(1, "甲乙。")),
        id="eol-marker-joins",
    ),
    pytest.param(
        doc(
            art(
                '<paragraph eId="art_1__para_1"><content><p>将第五条修改为：“第五条 甲。</p>'
                "<p>乙。”</p></content></paragraph>"
            )
        ),
        one(Paragraph(1, "将第五条修改为：“第五条 甲。", continuation=("乙。”",))),
        id="second-p-in-content-inside-a-quotation",
    ),
    pytest.param(
        doc(
            art(
                '<paragraph eId="art_1__para_1"><intro><p>下列：</p></intro>'
                '<list eId="l"><point eId="p"><num>（一）</num><content><p>甲。</p></content>'
                "</point></list></paragraph>"
            )
        ),
        one(Paragraph(1, "下列：", items=(Item(1, "甲。"),))),
        id="intro-of-the-paragraph-beside-its-list",
    ),
    pytest.param(
        doc(art(para("甲。"))).replace(
            "<body>", "<preamble><p>序言<b>一</b>。</p></preamble><body>"
        ),
        one(Paragraph(1, "甲。")),
        id="bare-p-in-the-preamble-is-a-kuan",
    ),
]


@pytest.mark.parametrize(("xml", "body"), READ)
def test_read(xsd: Any, xml: str, body: tuple[object, ...]) -> None:
    _check_valid(xsd, xml, True)
    assert wdr.from_akn(xml).body == body


def test_bare_p_in_the_preamble_is_read_as_a_kuan() -> None:
    xml = doc(art(para("甲。"))).replace(
        "<body>", "<preamble><p>序言<b>一</b>。</p></preamble><body>"
    )
    assert wdr.from_akn(xml).preamble == (Paragraph(1, "序言一。"),)


# --------------------------------------------------------------------------- refused

B = "/akomaNtoso/act/body"
A1 = f"{B}/article[1]"
NO_TEXT = (
    "has no place in the model (text is read from <p>, <num>, <heading> and their inline elements)"
)
REFUSED = [
    pytest.param(
        doc(art("<heading>标题</heading>" + para("甲。"))),
        True,
        f"{A1}/heading",
        "an article <heading> has no place in the model: a 条 has no title",
        id="article-heading",
    ),
    pytest.param(
        doc(
            art(
                '<paragraph eId="art_1__para_1"><content><p>甲。</p><p>乙。</p></content></paragraph>'
            )
        ),
        True,
        f"{A1}/paragraph[1]",
        "Paragraph 1: the line '乙。' would read back as a new 款, not as a further paragraph of "
        "the unit before it: a further paragraph of a 款 stands inside a quotation the 款 opened "
        "(修改为：“…)",
        id="second-p-in-content-outside-a-quotation",
    ),
    pytest.param(
        doc(listed("", "<wrapUp><p>后。</p></wrapUp>")),
        True,
        f"{A1}/paragraph[1]/wrapUp",
        "text after the 项 (<wrapUp>) has no place in the model: a 款 or 项 prints its text "
        "before its items",
        id="wrapUp-of-a-paragraph",
    ),
    pytest.param(
        doc(listed("<wrapUp><p>后。</p></wrapUp>")),
        True,
        f"{A1}/paragraph[1]/list[1]/wrapUp",
        "text after the 项 (<wrapUp>) has no place in the model: a 款 or 项 prints its text "
        "before its items",
        id="wrapUp-of-a-list",
    ),
    pytest.param(
        doc(
            art(
                '<paragraph eId="art_1__para_1"><intro><p>前。</p></intro>'
                "<content><p>甲。</p></content></paragraph>"
            )
        ),
        False,
        f"{A1}/paragraph[1]/content",
        "<content> has no place in <paragraph>: a 款 holds one <content>, or an <intro> and one "
        "<list>",
        id="intro-beside-content",
    ),
    pytest.param(
        doc(
            art(
                '<paragraph eId="art_1__para_1"><subparagraph eId="s"><content><p>甲。</p>'
                "</content></subparagraph></paragraph>"
            )
        ),
        True,
        f"{A1}/paragraph[1]/subparagraph[1]",
        "the model has no <subparagraph>: a 款 holds its text, further paragraphs (<p>) and 项 "
        "(<list>)",
        id="subparagraph",
    ),
    pytest.param(
        doc(art("直接" + para("甲。"))),
        False,
        f"{A1}/text()[1]",
        f"text directly in <article> {NO_TEXT}: '直接'",
        id="text-directly-in-article",
    ),
    pytest.param(
        doc(art("\n  " + para("甲。") + "\n  之后\n")),
        False,
        f"{A1}/text()[2]",  # the white space after <num> is text()[1]
        f"text directly in <article> {NO_TEXT}: '之后'",
        id="text-after-a-paragraph",
    ),
    pytest.param(
        doc(art(para("甲。").replace("<content>", "<content>正文"))),
        False,
        f"{A1}/paragraph[1]/content/text()[1]",
        f"text directly in <content> {NO_TEXT}: '正文'",
        id="text-directly-in-content",
    ),
    pytest.param(
        doc(art(para('甲<authorialNote eId="n" marker="1"><p>注</p></authorialNote>。'))),
        True,
        f"{A1}/paragraph[1]/content/p[1]/authorialNote[1]",
        "a note has no place in the model",
        id="authorialNote-in-p",
    ),
    pytest.param(
        doc(art(para("甲<del>删</del>。"))),
        True,
        f"{A1}/paragraph[1]/content/p[1]/del[1]",
        "deleted text (<del>) has no place in the model",
        id="del-in-p",
    ),
    pytest.param(
        doc(art(para('甲<x:em xmlns:x="urn:example">外</x:em>。'))),
        False,
        f"{A1}/paragraph[1]/content/p[1]/*[1]",
        "an element of another namespace has no place in the model: {urn:example}em",
        id="foreign-namespace-element-in-p",
    ),
    pytest.param(
        doc(
            art(
                para("甲。").replace(
                    "</content>", '<foreign><x:m xmlns:x="urn:x">1</x:m></foreign></content>'
                )
            )
        ),
        True,
        f"{A1}/paragraph[1]/content/foreign[1]",
        "<foreign> has no place in <content>: only <p> is read here",
        id="foreign-block-in-content",
    ),
    pytest.param(
        doc(art(para("甲<remark>按</remark>。"))),
        True,
        f"{A1}/paragraph[1]/content/p[1]/remark[1]",
        "<remark> has no place in <p>: not an inline element whose text can be read",
        id="unknown-inline-in-p",
    ),
    pytest.param(
        doc(
            art(
                para("甲。").replace(
                    '<paragraph eId="art_1__para_1">', '<paragraph eId="art_1__para_1"><num>1</num>'
                )
            )
        ),
        True,
        f"{A1}/paragraph[1]/num",
        "a 款 has no printed number: <num> has no place in it",
        id="num-of-a-paragraph",
    ),
    pytest.param(
        doc(listed("").replace("<num>（一）</num>", "<num>（一）</num><heading>题</heading>")),
        True,
        f"{A1}/paragraph[1]/list[1]/point[1]/heading",
        "a 项 or 目 has no title: <heading> has no place in it",
        id="heading-of-a-point",
    ),
    pytest.param(
        doc(
            '<chapter eId="chp_1"><num>第一章</num><heading>总则</heading><heading>二</heading>'
            + art(para("甲。"))
            + "</chapter>"
        ),
        True,
        f"{B}/chapter[1]/heading[2]",
        "<heading> has no place in <chapter>: a second <heading>",
        id="second-heading",
    ),
    pytest.param(
        doc(
            '<chapter eId="chp_1"><num>第一章</num><heading>总则</heading><subheading>副</subheading>'
            + art(para("甲。"))
            + "</chapter>"
        ),
        True,
        f"{B}/chapter[1]/subheading",
        "a <subheading> has no place in the model",
        id="subheading",
    ),
    pytest.param(
        doc(
            '<division eId="dvs_1"><num>一</num><heading>附则</heading>'
            + art(para("甲。"))
            + "</division>"
        ),
        True,
        f"{B}/division[1]/num",
        "a division has no number in the model: <num>",
        id="num-of-a-division",
    ),
    pytest.param(
        doc(
            '<hcontainer eId="t" name="table"><content><table eId="tb"><tr><td><p>a|b</p></td></tr></table></content></hcontainer>'
        ),
        True,
        f"{B}/hcontainer[1]/content/table[1]/tr[1]/td[1]",
        "a table cell cannot hold '|' in the model: 'a|b'",
        id="pipe-in-a-table-cell",
    ),
    pytest.param(
        doc('<hcontainer eId="t" name="note"><content><p>x</p></content></hcontainer>'),
        True,
        f"{B}/hcontainer[1]",
        "an <hcontainer name='note'> has no place in the model",
        id="other-hcontainer",
    ),
    pytest.param(  # the path names a node that is not there: the message says it is missing
        doc('<hcontainer eId="t" name="table"></hcontainer>'),
        True,
        f"{B}/hcontainer[1]/content",
        "missing <content> in a table's <hcontainer>",
        id="table-without-content",
    ),
    pytest.param(
        doc(art(para("甲。", ' wdr:break="yes"'))),
        True,
        f"{A1}/paragraph[1]/@wdr:break",
        "wdr:break must be true or false, found 'yes'",
        id="wdr-attribute-value",
    ),
    pytest.param(
        doc(
            art(para("甲。")),
            preface='<p class="title"><docTitle>示例条例</docTitle></p><longTitle><p>长</p></longTitle>',
        ),
        True,
        "/akomaNtoso/act/preface/longTitle[1]",
        '<longTitle> has no place in <preface>: a <p class="title">, "subtitle" or "event", or '
        "a <toc>",
        id="longTitle",
    ),
    pytest.param(
        doc(art(para("甲。")), preface='<p class="title">前<docTitle>示例条例</docTitle></p>'),
        True,
        "/akomaNtoso/act/preface/p[1]/text()[1]",
        "the title is read from the <docTitle> of <p class=\"title\"> alone: '前'",
        id="text-beside-docTitle",
    ),
    pytest.param(
        doc(
            art(para("甲。")),
            preface='<p class="title"><docTitle>示例条例</docTitle></p>'
            '<p class="title"><docTitle>又一</docTitle></p>',
        ),
        True,
        "/akomaNtoso/act/preface/p[2]",
        '<p> has no place in <preface>: a second <p class="title">',
        id="second-title",
    ),
    pytest.param(
        doc(art(para("甲。")), meta='<notes source="#wdr"><note eId="nt"><p>注</p></note></notes>'),
        True,
        "/akomaNtoso/act/meta/notes[1]/note[1]/p[1]/text()[1]",
        "text in <meta> is not read (metadata is derived from the text): '注'",
        id="notes-in-meta",
    ),
    pytest.param(
        doc(art(para("甲。")), after_body="<conclusions><p>结</p></conclusions>"),
        True,
        "/akomaNtoso/act/conclusions[1]",
        "<conclusions> has no place in <act>: the model reads <meta>, <preface>, <preamble>, "
        "<body> and <attachments> there",
        id="conclusions",
    ),
]


@pytest.mark.parametrize(("xml", "valid", "path", "message"), REFUSED)
def test_refused(xsd: Any, xml: str, valid: bool, path: str, message: str) -> None:
    _check_valid(xsd, xml, valid)
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    assert (info.value.path, info.value.message) == (path, message)


def test_the_preamble_refuses_what_it_cannot_hold() -> None:
    block = '<blockContainer class="paragraph"><p>甲：</p><blockList eId="b"><item eId="i"><num>（一）</num><p>乙。</p></item></blockList><p>后。</p></blockContainer>'
    xml = doc(art(para("甲。"))).replace("<body>", f"<preamble>{block}</preamble><body>")
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    assert info.value.path == "/akomaNtoso/act/preamble/blockContainer[1]/p[2]"
    assert info.value.message == "<p> has no place in <blockContainer>: text after the 项"


def test_tables_and_divisions_read_back(xsd: Any) -> None:
    table = Table(("|a|b|", "c| d |e", "|f"))
    reg = wdr.Regulation(
        "示例条例",
        body=(
            Article(1, 0, (Paragraph(1, "甲。"),)),
            Division("附则", 2, (table, Article(2, 0, (Paragraph(1, "乙。"),)))),
        ),
    )
    xml = wdr.to_akn(reg)
    _check_valid(xsd, xml, True)
    assert wdr.from_akn(xml) == reg


def test_nesting_too_deep_is_refused_not_a_recursion_error() -> None:
    deep = "<b>" * 5000 + "甲" + "</b>" * 5000
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(doc(art(para(deep))))
    assert info.value.message == "inline elements nested deeper than 64 levels"
    assert info.value.path == f"{A1}/paragraph[1]/content/p[1]" + "/b[1]" * 65
    point = '<point eId="p"><num>1．</num><list eId="l">'
    nested = (
        '<paragraph eId="art_1__para_1"><list eId="l"><point eId="p"><num>（一）</num>'
        '<list eId="l">' + point * 3000 + '<point eId="p"><num>1．</num><content><p>甲</p>'
        "</content></point>" + "</list></point>" * 3001 + "</list></paragraph>"
    )
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(doc(art(nested)))
    assert info.value.message == "项 and 目 nested deeper than 32 levels"
    assert info.value.path.endswith("/list[1]") and info.value.path.count("point[1]") == 33


def test_a_text_node_is_counted_as_xpath_counts_it_comments_and_white_space_included() -> None:
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(doc(art("\n<!--c-->见" + para("甲。"))))
    assert info.value.path == f"{A1}/text()[2]"  # "\n" is text()[1]; the comment splits them


def test_the_placeholder_of_an_empty_body_holds_nothing() -> None:
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(doc('<hcontainer eId="hcontainer_1" name="placeholder">空</hcontainer>'))
    assert (info.value.path, info.value.message) == (
        f"{B}/hcontainer[1]/text()[1]",
        "the placeholder of an empty body holds no text: '空'",
    )


@pytest.mark.parametrize(
    ("edit", "path", "message"),
    [
        (
            (
                "<docTitle>附件</docTitle>\n            </p>",
                "<docTitle>附件</docTitle></p><p>说明</p>",
            ),
            "/akomaNtoso/act/attachments/attachment[1]/doc/preface/p[2]",
            "<p> has no place in <preface>: a second one",
        ),
        (
            (
                '<p class="title">\n              <docTitle>附件',
                "<p>\n              <docTitle>附件",
            ),
            "/akomaNtoso/act/attachments/attachment[1]/doc/preface/p[1]",
            'an appendix\'s <preface> holds its <p class="title"> alone',
        ),
        (
            ("<mainBody>", "<mainBody><p>前言</p>"),
            None,
            None,
        ),
        (
            ("</mainBody>", "</mainBody><conclusions><p>完</p></conclusions>"),
            "/akomaNtoso/act/attachments/attachment[1]/doc/conclusions[1]",
            "<conclusions> has no place in <doc>: the model reads <meta>, <preface> and "
            "<mainBody> there",
        ),
    ],
)
def test_appendices(edit: tuple[str, str], path: str | None, message: str | None) -> None:
    xml = wdr.to_akn(wdr.parse("# 示例条例\n\n第一条 甲。\n\n## 附件\n\n乙。")).replace(*edit)
    if path is None:  # a bare <p> in a <mainBody> is a 款 of its own
        (appendix,) = wdr.from_akn(xml).appendices
        assert appendix.children == (Paragraph(1, "前言"), Paragraph(2, "乙。"))
        return
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml)
    assert (info.value.path, info.value.message) == (path, message)


@pytest.mark.parametrize("value", ["²", "١", "٣", "𝟐", "x", ""])
def test_a_level_that_is_no_ascii_number_is_refused(value: str) -> None:
    """wdr:level is an ASCII number: a superscript or another script's digit (which
    str.isdigit() accepts) is refused with the attribute's path, never a bare ValueError nor
    read as the number it looks like."""
    xml = wdr.to_akn(wdr.parse("# 例\n\n第一条 甲。\n\n## 附则\n\n第二条 乙。\n"))
    assert xml.count('wdr:level="2"') == 1
    with pytest.raises(SerializationError) as info:
        wdr.from_akn(xml.replace('wdr:level="2"', f'wdr:level="{value}"'))
    assert (info.value.path, info.value.message) == (
        "/akomaNtoso/act/body/division[1]/@wdr:level",
        f"wdr:level must be an int 1..6, found {value!r}",
    )
