"""The tree walk of from_akn on Akoma Ntoso to_akn did not write (issue 14, the mutants of
``_interchange.akn_tables``, ``akn_blocks``, ``akn_units``, ``akn_parts`` and ``akn_read``).

Each document is built by hand, in one line (no indentation, so that every text node is where
the example puts it), and read by the walk alone (``read_tree``: the fast path declines such
documents, or reads them as the walk does): a value read back is compared whole, a refusal by
its message and the XPath of its node.  Texts use U+3000, the wide space, where XML's white
space would be skipped: it is text, which the reader must refuse, though ``str.strip()``
drops it.
"""

from __future__ import annotations

import pytest

from wuxi_dt_regulation import (
    Appendix,
    Article,
    Division,
    Item,
    Paragraph,
    Regulation,
    SerializationError,
    SubItem,
    Table,
)
from wuxi_dt_regulation._interchange.akn_read import read_tree

NS = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:wdr="urn:wuxi-dt-regulation:akn:1"'
ART = '<article eId="art_1"><num>第一条</num><paragraph eId="p"><content><p>甲。</p></content></paragraph></article>'
A1 = Article(1, 0, (Paragraph(1, "甲。"),))
B = "/akomaNtoso/act/body"
PRE = "/akomaNtoso/act/preamble"
W = "\u3000"  # a wide space: text, though str.strip() drops it
STRAY = "text directly in <{}> has no place in the model (text is read from <p>, <num>, <heading> and their inline elements): {!r}"


def act(body: str = ART, preamble: str | None = None, attachments: str | None = None) -> str:
    """A document: the title 例, *body*, and a ``<preamble>``, ``<attachments>`` when given."""
    pre = "" if preamble is None else f"<preamble>{preamble}</preamble>"
    att = "" if attachments is None else f"<attachments>{attachments}</attachments>"
    return (
        f'<akomaNtoso {NS}><act name="regulation"><preface><p class="title"><docTitle>例'
        f"</docTitle></p></preface>{pre}<body>{body}</body>{att}</act></akomaNtoso>"
    )


def refused(xml: str) -> tuple[str, str]:
    """The path and message of the walk's refusal of *xml*."""
    with pytest.raises(SerializationError) as info:
        read_tree(xml)
    return info.value.path, info.value.message


def stray(element: str, text: str) -> str:
    return STRAY.format(element, text)


# --------------------------------------------------------------------------- tables


def box(content: str, attrs: str = ' name="table"') -> str:
    """A body of one article, then an ``<hcontainer>`` holding *content*."""
    return ART + f'<hcontainer eId="tbl_1"{attrs}>{content}</hcontainer>'


def table(rows: str) -> str:
    return box(f"<content><table>{rows}</table></content>")


def row(*cells: str, attrs: str = "") -> str:
    return f"<tr{attrs}>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"


H = f"{B}/hcontainer[1]"
T = f"{H}/content/table[1]"


def test_tables_read_back_with_their_pipes() -> None:
    rows = (
        row("a", "b", attrs=' wdr:pipes="both"')
        + row("c", "d", attrs=' wdr:pipes="start"')
        + row("e", "f", attrs=' wdr:pipes="end"')
        + "<tr><th><p>g</p></th><td/><td><p><b>h</b>i</p></td></tr>"
    )
    reg = read_tree(act(table(rows)))
    assert reg.body == (A1, Table(("|a|b|", "|c|d", "e|f|", "g||hi")))


@pytest.mark.parametrize(
    "content", ["<content/>", "<content><p/></content>", "<content><p/><p> </p></content>"]
)
def test_an_empty_table_is_read_from_a_content_without_text(content: str) -> None:
    assert read_tree(act(box(content))).body == (A1, Table(()))


def test_the_placeholder_of_an_empty_body() -> None:
    reg = read_tree(act('<hcontainer eId="h" name="placeholder"/>'))
    assert reg == Regulation("例")


TABLES_REFUSED = [
    pytest.param(
        '<hcontainer eId="h" name="placeholder"><p/></hcontainer>',
        (
            f"{B}/hcontainer[1]/p[1]",
            "<p> has no place in <hcontainer>: the placeholder of an empty body",
        ),
        id="placeholder-child",
    ),
    pytest.param(
        f'<hcontainer eId="h" name="placeholder">{W}</hcontainer>',
        (f"{B}/hcontainer[1]/text()[1]", f"the placeholder of an empty body holds no text: {W!r}"),
        id="placeholder-text",
    ),
    pytest.param(
        box("<content/>", ' name="other"'),
        (H, "an <hcontainer name='other'> has no place in the model"),
        id="other-name",
    ),
    pytest.param(
        box("<content/>", ""),
        (H, "an <hcontainer name=None> has no place in the model"),
        id="no-name",
    ),
    pytest.param(
        box(f"{W}<content/>"), (f"{H}/text()[1]", stray("hcontainer", W)), id="text-before"
    ),
    pytest.param(
        box(f"<content/>{W}<content/> "),
        (f"{H}/text()[1]", stray("hcontainer", W)),
        id="text-after",
    ),
    pytest.param(
        box("<content/><content/>"),
        (
            f"{H}/content[2]",
            "<content> has no place in <hcontainer>: a table's <hcontainer> holds one <content>",
        ),
        id="two-contents",
    ),
    pytest.param(
        box("<num>1</num><content/>"),
        (
            f"{H}/num",
            "<num> has no place in <hcontainer>: a table's <hcontainer> holds one <content>",
        ),
        id="num",
    ),
    pytest.param(
        box(""), (f"{H}/content", "missing <content> in a table's <hcontainer>"), id="no-content"
    ),
    pytest.param(
        box("<content><p>甲</p></content>"),
        (f"{H}/content", "a table's <content> holds its <table> alone"),
        id="p-alone",
    ),
    pytest.param(
        box(f"<content><table>{row('a')}</table><p/></content>"),
        (f"{H}/content", "a table's <content> holds its <table> alone"),
        id="table-and-p",
    ),
    pytest.param(
        box(f"<content>{W}<table>{row('a')}</table></content>"),
        (f"{H}/content/text()[1]", stray("content", W)),
        id="text-before-table",
    ),
    pytest.param(
        box(f"<content><table>{row('a')}</table>{W}</content>"),
        (f"{H}/content/text()[1]", stray("content", W)),
        id="text-after-table",
    ),
    pytest.param(
        table(f"{W}{row('a')}"), (f"{T}/text()[1]", stray("table", W)), id="text-in-table"
    ),
    pytest.param(
        table(f"{row('a')}{W}{row('b')} "), (f"{T}/text()[1]", stray("table", W)), id="row-tail"
    ),
    pytest.param(
        table(f"{row('a')}<p/>"),
        (f"{T}/p[1]", "<p> has no place in <table>: a table is read as <tr> rows of cells"),
        id="not-a-row",
    ),
    pytest.param(
        table("<tr><p/></tr>"), (f"{T}/tr[1]/p[1]", "<p> has no place in <tr>"), id="not-a-cell"
    ),
    pytest.param(
        table("<tr><td><p>a</p></td><td><p>b</p><p>c</p></td></tr>"),
        (f"{T}/tr[1]/td[2]/p[2]", "a table cell holds one <p> in the model"),
        id="two-ps",
    ),
    pytest.param(
        table(f"<tr><td>{W}<p>a</p></td></tr>"),
        (f"{T}/tr[1]/td[1]/text()[1]", stray("td", W)),
        id="text-in-cell",
    ),
    pytest.param(
        table(f"<tr><th><p>a</p>{W}</th></tr>"),
        (f"{T}/tr[1]/th[1]/text()[1]", stray("th", W)),
        id="text-after-p",
    ),
    pytest.param(
        table("<tr><td><b>a</b></td></tr>"),
        (f"{T}/tr[1]/td[1]/b[1]", "<b> has no place in <td>: a table cell is read from its <p>"),
        id="not-a-p",
    ),
    pytest.param(
        table("<tr><td><p>a</p></td><td><p>b<b>|</b>c</p></td></tr>"),
        (f"{T}/tr[1]/td[2]", "a table cell cannot hold '|' in the model: 'b|c'"),
        id="pipe",
    ),
    pytest.param(
        table(f"<tr><td><p>a</p></td>{W}<td><p>b</p></td> </tr>"),
        (f"{T}/tr[1]/text()[1]", stray("tr", W)),
        id="cell-tail",
    ),
    pytest.param(
        table(f"<tr>{W}<td><p>a</p></td></tr>"),
        (f"{T}/tr[1]/text()[1]", stray("tr", W)),
        id="row-text",
    ),
    pytest.param(
        table(row("a") + row("b", attrs=' wdr:pipes="Both"')),
        (f"{T}/tr[2]/@wdr:pipes", "wdr:pipes must be both, start or end, found 'Both'"),
        id="pipes",
    ),
    pytest.param(
        table(row("a&#10;b")),
        (T, "Table text cannot hold a line break (it is one stripped line): 'a\\nb'"),
        id="line-break",
    ),
    pytest.param(
        table(row("a") + "<tr/>"),
        (T, "a Table line cannot be empty or end the table: ''"),
        id="empty-row",
    ),
]


@pytest.mark.parametrize(("body", "expected"), TABLES_REFUSED)
def test_tables_refused(body: str, expected: tuple[str, str]) -> None:
    assert refused(act(body)) == expected


# --------------------------------------------------------------------------- the preamble


def bc(cls: str, inner: str, attrs: str = "") -> str:
    return f'<blockContainer class="{cls}"{attrs}>{inner}</blockContainer>'


def preamble(blocks: str) -> object:
    """What the walk makes of a ``<preamble>`` holding *blocks*: its units, or its refusal."""
    try:
        return read_tree(act(ART, preamble=blocks)).preamble
    except SerializationError as err:
        return err.path, err.message


def test_the_preamble_reads_every_block_to_akn_writes_and_bare_ps() -> None:
    items = (
        "<blockList><item><num>（一）</num><p>乙；</p><blockList><item><num>1．</num><p>子；</p>"
        "</item><item><num>（2）</num><p>丑。</p><p>寅。</p></item></blockList></item>"
        "<item><num>（二）</num><p>丙。</p></item></blockList>"
    )
    division = (
        "<heading>序<b>言</b></heading><p>戊。</p><table><tr><td><p>b</p></td></tr></table>"
        + bc("table", "")
        + bc("paragraph", "<p>己。</p>")
    )
    blocks = (
        "<p>前。</p><p/><p>又。</p>"
        + bc("paragraph", "<p>甲：</p>" + items)
        + bc("paragraph", "<p>丁。</p>", ' wdr:break="true"')
        + "<table><tr><td><p>a</p></td></tr></table>"
        + bc("table", "<p/>")
        + bc("division", division, ' wdr:level="3"')
        + bc("division", "<p>庚。</p>")
    )
    subitems = (SubItem(1, "子；"), SubItem(2, "丑。", (), ("寅。",)))
    assert preamble(blocks) == (
        Paragraph(1, "前。"),
        Paragraph(2, "又。"),
        Paragraph(3, "甲：", (Item(1, "乙；", subitems), Item(2, "丙。"))),
        Paragraph(4, "丁。", (), True),
        Table(("a",)),
        Table(()),
        Division("序言", 3, (Paragraph(1, "戊。"), Table(("b",)), Table(()), Paragraph(2, "己。"))),
        Division("", 2, (Paragraph(1, "庚。"),)),
    )


def test_an_article_in_a_division_of_the_preamble_is_read_and_refused_by_the_model() -> None:
    division = bc(
        "division", "<heading>序</heading>" + bc("article", "<num>第一条</num><p>甲。</p>")
    )
    assert preamble(division) == ("/akomaNtoso/act", "a preamble holds no articles")


def test_only_a_block_container_is_read_by_its_class() -> None:
    """``class`` is a core attribute any element may carry: a ``<table class="paragraph">`` is
    a table, a ``<heading class="division">`` out of place is refused as a heading."""
    cell = "<tr><td><p>a</p></td></tr>"
    assert preamble(f'<table class="paragraph">{cell}</table>') == (Table(("a",)),)
    assert preamble('<heading class="division">序</heading>') == (
        f"{PRE}/heading",
        "<heading> has no place in <preamble>: not a block to_akn writes in a preamble",
    )


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        pytest.param(
            bc("paragraph", "<blockList><item><num>（一）</num><p>乙。</p></item></blockList>"),
            (Paragraph(1, "", (Item(1, "乙。"),)),),
            id="no-lead",
        ),
        pytest.param(
            bc("paragraph", "<p>甲：</p><blockList><item><num>（一）</num></item></blockList>"),
            (Paragraph(1, "甲：", (Item(1, ""),)),),
            id="item-without-text",
        ),
        pytest.param(
            bc("paragraph", "<p>修改为：“甲。</p><p>乙。</p><p>丙。”</p>"),
            (Paragraph(1, "修改为：“甲。", (), False, ("乙。", "丙。”")),),
            id="further-paragraphs",
        ),
    ],
)
def test_the_preamble_reads_blocks_with_missing_parts(blocks: str, expected: object) -> None:
    assert preamble(blocks) == expected


def white(cls: str, text: str) -> str:
    return f"{cls} text cannot hold white space at an end (it is one stripped line): {text!r}"


def broken(cls: str, text: str) -> str:
    return f"{cls} text cannot hold a line break (it is one stripped line): {text!r}"


NOT_WRITTEN = "not a block to_akn writes in a preamble"
BLOCK = f"{PRE}/blockContainer[1]"
ITEM1 = f"{BLOCK}/blockList[1]/item[1]"
LIST = "<p>甲：</p><blockList><item><num>（一）</num><p>乙。</p></item></blockList>"

PREAMBLE_REFUSED = [
    pytest.param(
        f"<p>{W}甲。</p>",
        (
            f"{PRE}/p[1]",
            "Paragraph text cannot hold white space at an end (it is one stripped line): "
            "'\\u3000甲。'",
        ),
        id="wide-space",
    ),
    pytest.param(f"{W}<p>甲</p>", (f"{PRE}/text()[1]", stray("preamble", W)), id="text"),
    pytest.param(f"<p>甲</p>{W}<p>乙</p> ", (f"{PRE}/text()[1]", stray("preamble", W)), id="tail"),
    pytest.param(
        bc("table", "<p>甲</p>"),
        (BLOCK, "the block of an empty table holds no text"),
        id="table-text",
    ),
    pytest.param(
        bc("table", f"<p>{W}</p>"),
        (BLOCK, "the block of an empty table holds no text"),
        id="table-wide",
    ),
    pytest.param(
        bc("article", "<num>第一条</num><p>甲</p>"),
        (BLOCK, f"<blockContainer> has no place in <preamble>: {NOT_WRITTEN}"),
        id="article",
    ),
    pytest.param(
        bc("other", "<p>甲</p>"),
        (BLOCK, f"<blockContainer> has no place in <preamble>: {NOT_WRITTEN}"),
        id="other-class",
    ),
    pytest.param(
        "<heading>序</heading>",
        (f"{PRE}/heading", f"<heading> has no place in <preamble>: {NOT_WRITTEN}"),
        id="heading",
    ),
    pytest.param(
        "<num>一</num>",
        (f"{PRE}/num", f"<num> has no place in <preamble>: {NOT_WRITTEN}"),
        id="num",
    ),
    pytest.param(
        bc(
            "division",
            "<heading>序</heading>"
            + bc("article", "<num>第一条</num><table><tr><td><p>a</p></td></tr></table>"),
        ),
        (
            f"{BLOCK}/blockContainer[1]/table[1]",
            f"<table> has no place in <blockContainer>: {NOT_WRITTEN}",
        ),
        id="table-in-article",
    ),
    pytest.param(
        bc(
            "division",
            "<heading>序</heading>" + bc("article", "<num>第一条</num>" + bc("table", "<p/>")),
        ),
        (
            f"{BLOCK}/blockContainer[1]/blockContainer[1]",
            f"<blockContainer> has no place in <blockContainer>: {NOT_WRITTEN}",
        ),
        id="table-block-in-article",
    ),
    pytest.param(
        bc(
            "division",
            "<heading>序</heading>" + bc("article", "<num>第一条</num><heading>甲</heading>"),
        ),
        (
            f"{BLOCK}/blockContainer[1]/heading",
            f"<heading> has no place in <blockContainer>: {NOT_WRITTEN}",
        ),
        id="heading-in-article",
    ),
    pytest.param(
        bc("division", "<heading>序</heading>" + bc("division", "<heading>再</heading>")),
        (
            f"{BLOCK}/blockContainer[1]",
            f"<blockContainer> has no place in <blockContainer>: {NOT_WRITTEN}",
        ),
        id="division-in-division",
    ),
    pytest.param(
        bc("division", "<num>一</num><heading>序</heading>"),
        (f"{BLOCK}/num", f"<num> has no place in <blockContainer>: {NOT_WRITTEN}"),
        id="num-in-division",
    ),
    pytest.param(
        bc("division", "<heading>序</heading><heading>再</heading>"),
        (f"{BLOCK}/heading[2]", "<heading> has no place in <blockContainer>: a second <heading>"),
        id="two-headings",
    ),
    pytest.param(
        bc(
            "division",
            "<heading>序</heading>" + bc("article", "<num>第一条</num><num>第二条</num><p>甲</p>"),
        ),
        (
            f"{BLOCK}/blockContainer[1]/num[2]",
            "<num> has no place in <blockContainer>: a second <num>",
        ),
        id="two-nums",
    ),
    pytest.param(
        bc("division", "<heading>序</heading>" + bc("article", "<num>第1条</num><p>甲</p>")),
        (f"{BLOCK}/blockContainer[1]/num", "expected a <num> such as 第三十五条, found '第1条'"),
        id="article-num",
    ),
    pytest.param(
        bc("division", "<heading>序</heading>", ' wdr:level="x"'),
        (f"{BLOCK}/@wdr:level", "wdr:level must be an int 1..6, found 'x'"),
        id="level",
    ),
    pytest.param(
        bc("paragraph", f"{W}<p>甲</p>"),
        (f"{BLOCK}/text()[1]", stray("blockContainer", W)),
        id="block-text",
    ),
    pytest.param(
        bc("paragraph", f"<p>甲</p>{W}<p>乙</p> "),
        (f"{BLOCK}/text()[1]", stray("blockContainer", W)),
        id="block-tail",
    ),
    pytest.param(
        bc("paragraph", "<num>1</num><p>甲</p>"),
        (f"{BLOCK}/num", "<num> has no place in <blockContainer>: not read in a 款's block"),
        id="num-in-block",
    ),
    pytest.param(
        bc("paragraph", LIST + "<blockList/>"),
        (
            f"{BLOCK}/blockList[2]",
            "<blockList> has no place in <blockContainer>: text after the 项",
        ),
        id="two-lists",
    ),
    pytest.param(
        bc(
            "paragraph",
            f"<p>甲：</p><blockList>{W}<item><num>（一）</num><p>乙。</p></item></blockList>",
        ),
        (f"{BLOCK}/blockList[1]/text()[1]", stray("blockList", W)),
        id="list-text",
    ),
    pytest.param(
        bc(
            "paragraph",
            f"<p>甲：</p><blockList><item><num>（一）</num><p>乙；</p></item>{W}<item><num>（二）</num><p>丙。</p></item> </blockList>",
        ),
        (f"{BLOCK}/blockList[1]/text()[1]", stray("blockList", W)),
        id="list-tail",
    ),
    pytest.param(
        bc("paragraph", "<p>甲：</p><blockList><p>乙</p></blockList>"),
        (
            f"{BLOCK}/blockList[1]/p[1]",
            "<p> has no place in <blockList>: a <blockList> holds <item>s",
        ),
        id="p-in-list",
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（a）</num><p>乙。</p></item></blockList>",
        ),
        (f"{ITEM1}/num", "expected a <num> such as （一）, found '（a）'"),
        id="item-num",
    ),
    pytest.param(
        bc("paragraph", "<p>甲：</p><blockList><item><p>乙。</p></item></blockList>"),
        (f"{ITEM1}/num", "expected a <num> such as （一）, found ''"),
        id="item-no-num",
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（一）</num><num>（二）</num><p>乙。</p></item></blockList>",
        ),
        (f"{ITEM1}/num[2]", "<num> has no place in <item>: a second <num>"),
        id="item-two-nums",
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（一）</num><p>乙：</p><blockList><item><num>（一）</num><p>丙。</p></item></blockList></item></blockList>",
        ),
        (
            f"{ITEM1}/blockList[1]/item[1]/num",
            "expected a <num> such as 1． or （1）, found '（一）'",
        ),
        id="subitem-num",
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（一）</num><p>乙：</p><blockList><item><p>丙。</p></item></blockList></item></blockList>",
        ),
        (f"{ITEM1}/blockList[1]/item[1]/num", "expected a <num> such as 1． or （1）, found ''"),
        id="subitem-no-num",
    ),
    pytest.param(
        bc(
            "paragraph",
            f"<p>甲：</p><blockList><item>{W}<num>（一）</num><p>乙。</p></item></blockList>",
        ),
        (f"{ITEM1}/text()[1]", stray("item", W)),
        id="item-text",
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（一）</num><p>乙。</p><heading>丙</heading></item></blockList>",
        ),
        (f"{ITEM1}/heading", "<heading> has no place in <item>: not read in a 款's block"),
        id="item-heading",
    ),
    pytest.param(
        bc("paragraph", "<p>甲。</p>", ' wdr:break="yes"'),
        (f"{BLOCK}/@wdr:break", "wdr:break must be true or false, found 'yes'"),
        id="break",
    ),
    pytest.param(
        bc("division", "<heading>序</heading>" + bc("article", "<p>甲。</p>")),
        (f"{BLOCK}/blockContainer[1]/num", "expected a <num> such as 第三十五条, found ''"),
        id="article-no-num",
    ),
    pytest.param(
        bc("division", "<heading>序</heading>", ' wdr:level="7"'),
        (BLOCK, "Division.level must be 1..6, got 7"),
        id="level-7",
    ),
    pytest.param(
        bc("paragraph", "<p>甲&#10;乙</p>"), (BLOCK, broken("Paragraph", "甲\n乙")), id="line-break"
    ),
    pytest.param(
        bc(
            "paragraph",
            "<p>甲：</p><blockList><item><num>（一）</num><p>乙&#10;丙</p></item></blockList>",
        ),
        (ITEM1, broken("Item", "乙\n丙")),
        id="item-line-break",
    ),
    pytest.param(
        bc("paragraph", f"<p>{W}甲。</p>"), (BLOCK, white("Paragraph", W + "甲。")), id="block-wide"
    ),
    pytest.param(
        bc("division", f"<heading>{W}序</heading>"),
        (BLOCK, white("Division", W + "序")),
        id="heading-wide",
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), PREAMBLE_REFUSED)
def test_the_preamble_refuses(blocks: str, expected: tuple[str, str]) -> None:
    assert preamble(blocks) == expected


def test_items_nested_too_deep_in_the_preamble() -> None:
    item, sub = "<item><num>（一）</num><p>乙：</p>", "<item><num>1．</num><p>丙：</p>"
    deep = "<p>甲：</p><blockList>" + item + ("<blockList>" + sub) * 32 + "<blockList/>"
    deep += "</item></blockList>" * 33
    path = BLOCK + "/blockList[1]/item[1]" * 33 + "/blockList[1]"
    assert preamble(bc("paragraph", deep)) == (path, "项 and 目 nested deeper than 32 levels")
    shallow = "<p>甲：</p><blockList>" + item + ("<blockList>" + sub) * 31
    shallow += (
        "<blockList><item><num>1．</num><p>丁。</p></item></blockList>" + "</item></blockList>" * 32
    )
    # 32 levels are read, and the model refuses them (the walk's limit is not what refuses)
    path = BLOCK + "/blockList[1]/item[1]" * 31
    assert preamble(bc("paragraph", shallow)) == (
        path,
        "目 nest two levels deep at most (1． then （1）)",
    )


# --------------------------------------------------------------------------- appendices

MAIN = "<mainBody><p>乙。</p></mainBody>"
AT = "/akomaNtoso/act/attachments"
DOC = f"{AT}/attachment[1]/doc"


def titled(title: str = "附件一") -> str:
    return f'<preface><p class="title"><docTitle>{title}</docTitle></p></preface>'


def att(inner: str) -> str:
    return f'<attachment><doc name="appendix">{inner}</doc></attachment>'


def appendices(attachments: str) -> object:
    """What the walk makes of ``<attachments>`` holding *attachments*: the appendices, or the
    refusal."""
    try:
        return read_tree(act(attachments=attachments)).appendices
    except SerializationError as err:
        return err.path, err.message


def test_appendices_read_back() -> None:
    table = '<hcontainer name="table"><content><table><tr><td><p>a</p></td></tr></table></content></hcontainer>'
    second = "<meta/>" + titled("附<b>表</b>二") + f"<mainBody>{table}<p>丙。</p></mainBody>"
    assert appendices(att(titled() + MAIN) + att(second)) == (
        Appendix("附件一", (Paragraph(1, "乙。"),)),
        Appendix("附表二", (Table(("a",)), Paragraph(1, "丙。"))),
    )


TITLE_ALONE = 'the title is read from the <docTitle> of <p class="title"> alone'

APPENDICES_REFUSED = [
    pytest.param(W + att(titled() + MAIN), (f"{AT}/text()[1]", stray("attachments", W)), id="text"),
    pytest.param(
        att(titled() + MAIN) + W + att(titled() + MAIN) + " ",
        (f"{AT}/text()[1]", stray("attachments", W)),
        id="tail",
    ),
    pytest.param(
        "<p>甲</p>",
        (f"{AT}/p[1]", "<p> has no place in <attachments>: <attachments> holds <attachment>s"),
        id="p",
    ),
    pytest.param("<attachment/>", (f"{AT}/attachment[1]/doc", "missing <doc>"), id="no-doc"),
    pytest.param(
        f'<attachment><doc name="a">{MAIN}</doc><doc name="b">{MAIN}</doc></attachment>',
        (f"{AT}/attachment[1]/doc[2]", "<doc> has no place in <attachment>: a second one"),
        id="two-docs",
    ),
    pytest.param(
        "<attachment><p>甲</p></attachment>",
        (
            f"{AT}/attachment[1]/p[1]",
            "<p> has no place in <attachment>: the model reads one <doc> there",
        ),
        id="not-a-doc",
    ),
    pytest.param(
        f'<attachment>{W}<doc name="a">{MAIN}</doc></attachment>',
        (f"{AT}/attachment[1]/text()[1]", stray("attachment", W)),
        id="text-in-attachment",
    ),
    pytest.param(att(titled()), (f"{DOC}/mainBody", "missing <mainBody>"), id="no-main-body"),
    pytest.param(att(W + titled() + MAIN), (f"{DOC}/text()[1]", stray("doc", W)), id="text-in-doc"),
    pytest.param(
        att("<preface><toc/></preface>" + MAIN),
        (
            f"{DOC}/preface/toc",
            '<toc> has no place in <preface>: the model reads one <p class="title"> there',
        ),
        id="toc",
    ),
    pytest.param(
        att("<preface/>" + MAIN),
        (f"{AT}/attachment[1]", "an appendix title reads 附件一, 附件：…, 附表二 or 附：, got ''"),
        id="no-title",
    ),
    pytest.param(
        att(MAIN),
        (f"{AT}/attachment[1]", "an appendix title reads 附件一, 附件：…, 附表二 or 附：, got ''"),
        id="no-preface",
    ),
    pytest.param(
        att('<preface><p class="title"><docTitle>附件</docTitle><b>x</b></p></preface>' + MAIN),
        (f"{DOC}/preface/p[1]", 'a <p class="title"> holds one <docTitle>'),
        id="title-two-children",
    ),
    pytest.param(
        att('<preface><p class="title"><b>附件</b></p></preface>' + MAIN),
        (f"{DOC}/preface/p[1]", 'a <p class="title"> holds one <docTitle>'),
        id="title-not-doc-title",
    ),
    pytest.param(
        att(f'<preface><p class="title">{W}<docTitle>附件</docTitle></p></preface>' + MAIN),
        (f"{DOC}/preface/p[1]/text()[1]", f"{TITLE_ALONE}: {W!r}"),
        id="text-before-title",
    ),
    pytest.param(
        att(
            f'<preface><p class="title"> <docTitle>附件</docTitle>{"长" * 50}</p></preface>' + MAIN
        ),
        (f"{DOC}/preface/p[1]/text()[2]", f"{TITLE_ALONE}: '{'长' * 39}…'"),
        id="text-after-title",
    ),
    pytest.param(
        att(f'<preface>{W}<p class="title"><docTitle>附件</docTitle></p></preface>' + MAIN),
        (f"{DOC}/preface/text()[1]", stray("preface", W)),
        id="text-in-preface",
    ),
    pytest.param(
        att(titled() + f"<mainBody>{W}<p>乙。</p></mainBody>"),
        (f"{DOC}/mainBody/text()[1]", stray("mainBody", W)),
        id="text-in-main-body",
    ),
    pytest.param(
        att("<meta><x>1</x></meta>" + titled() + MAIN),
        (
            f"{DOC}/meta/x[1]/text()[1]",
            "text in <meta> is not read (metadata is derived from the text): '1'",
        ),
        id="text-in-meta",
    ),
    pytest.param(
        att(titled() + "<mainBody><chapter><num>第一章</num></chapter></mainBody>"),
        (
            f"{DOC}/mainBody/chapter[1]",
            "a <chapter> cannot stand here; expected Division or Paragraph or Table",
        ),
        id="chapter",
    ),
    pytest.param(
        att("<meta/>" + W + titled() + MAIN + " "),
        (f"{DOC}/text()[1]", stray("doc", W)),
        id="text-between-meta-and-preface",
    ),
]


@pytest.mark.parametrize(("attachments", "expected"), APPENDICES_REFUSED)
def test_appendices_refused(attachments: str, expected: tuple[str, str]) -> None:
    assert appendices(attachments) == expected


@pytest.mark.parametrize(
    ("xml", "message", "line", "column"),
    [
        ("<akomaNtoso>\n  <a></b>", "mismatched tag", 2, 8),
        ("<a>\n\n   &x;</a>", "undefined entity", 3, 4),
        ("<a", "unclosed token", 1, 1),
    ],
)
def test_xml_that_is_not_well_formed(xml: str, message: str, line: int, column: int) -> None:
    with pytest.raises(SerializationError) as info:
        read_tree(xml)
    err = info.value
    assert (err.message, err.path, err.line, err.column) == (
        f"not well-formed XML: {message}",
        "/",
        line,
        column,
    )
