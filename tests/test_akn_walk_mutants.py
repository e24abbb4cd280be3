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
    Chapter,
    Division,
    Item,
    Paragraph,
    Part,
    Regulation,
    SerializationError,
    SubItem,
    Table,
    from_akn,
    parse,
    to_akn,
)
from wuxi_dt_regulation._interchange.akn_fast import Declined, read_fast
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
