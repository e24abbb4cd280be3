"""The fast path of from_akn (``_interchange/akn_fast``): it reads what to_akn writes, its result
equals the tree walk's, and whatever it declines reads exactly as the walk alone reads it (the
same value, or the same error with the same message, path, line and column)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    Regulation,
    SerializationError,
    SubItem,
    Table,
)
from wuxi_dt_regulation._interchange.akn_fast import Declined, read_fast
from wuxi_dt_regulation._interchange.akn_fast_make import fast_makers
from wuxi_dt_regulation._interchange.akn_parts import makers
from wuxi_dt_regulation._interchange.akn_read import read_tree, refuse_dtd

from .akn_strategies import damaged
from .conftest import SEED_PATH, corpus_params
from .strategies import regulations
from .values import assert_same_nodes

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _walk(xml: str) -> object:
    """What from_akn gave before the fast path: the value, or the error's every field."""
    try:
        refuse_dtd(xml)
        return read_tree(xml, Regulation)
    except SerializationError as err:
        return _error(err)


def _error(err: SerializationError) -> tuple[object, ...]:
    return (type(err), str(err), err.path, err.line, err.column)


def _from_akn(xml: str) -> object:
    try:
        return wdr.from_akn(xml)
    except SerializationError as err:
        return _error(err)


def _same_build(fast: object, walk: object) -> None:
    """Equal, node by node, hidden slots included (the citation stamps, the flow mark)."""
    assert_same_nodes(fast, walk)


def _fast_equals_walk(xml: str) -> None:
    """The fast path either declines *xml* or gives the walk's value; from_akn gives what the
    walk alone gives."""
    walk = _walk(xml)
    try:
        fast = read_fast(xml)
    except Declined:
        pass
    else:
        assert isinstance(walk, Regulation), walk
        _same_build(fast, walk)
    assert _from_akn(xml) == walk


# --------------------------------------------------------------------------- what to_akn writes


@given(regulations())
def test_the_fast_path_reads_every_generated_regulation_as_the_walk(reg: Regulation) -> None:
    xml = wdr.to_akn(reg)
    fast = read_fast(xml)  # never declined: to_akn's own layout
    _same_build(fast, read_tree(xml))
    assert fast == reg
    assert wdr.from_akn(xml) == reg
    assert wdr.from_akn(xml.encode("utf-8")) == reg


@pytest.mark.parametrize("path", corpus_params())
def test_the_fast_path_reads_the_corpus_as_the_walk(path: Path) -> None:
    reg = wdr.parse_file(path)
    xml = wdr.to_akn(reg)
    fast = read_fast(xml)
    _same_build(fast, read_tree(xml))
    assert fast == reg


def test_the_fast_path_reads_the_seed_and_the_bundled_regulation() -> None:
    for reg in (wdr.parse(SEED_PATH.read_text(encoding="utf-8")), wdr.load()):
        xml = wdr.to_akn(reg)
        _same_build(read_fast(xml), read_tree(xml))
        assert read_fast(xml) == reg


def test_special_characters_in_text_are_read_as_the_walk_reads_them() -> None:
    reg = wdr.parse(
        "# 示例条例\n\n第一条 甲 & 乙 <丙> \"丁\" '戊'。\n\n第二条 \t制表符。\n\n"
        "第三条 全角空格\u3000在中间。"
    )
    xml = wdr.to_akn(reg)
    assert "&amp;" in xml and "&lt;丙&gt;" in xml
    _same_build(read_fast(xml), read_tree(xml))
    assert read_fast(xml) == reg


# --------------------------------------------------------------------------- what it declines

_SAMPLE = wdr.to_akn(
    wdr.parse(
        "# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n\n乙：\n\n（一）丙；\n\n（二）丁。\n\n"
        "## 第二章 附则\n\n第二条 本条例自公布之日起施行。"
    )
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("<p>甲。</p>", "<p>甲<!-- c -->。</p>"),  # a comment
        ("<p>甲。</p>", "<p><![CDATA[甲。]]></p>"),  # CDATA
        ("<p>甲。</p>", "<p>&#x7532;。</p>"),  # a character reference
        ("<p>甲。</p>", "<p>甲。<b>x</b></p>"),  # an inline element
        ("<p>甲。</p>", "<p >甲。</p>"),  # white space in a tag
        ("<p>甲。</p>", "<akn:p>甲。</akn:p>"),  # a prefix
        ('eId="chp_1__art_1"', "eId='chp_1__art_1'"),  # other quotes
        ('eId="chp_1__art_1"', 'eId="chp_1__art_1" refersTo="#x"'),  # another attribute
        ('<?xml version="1.0" encoding="UTF-8"?>', ""),  # no declaration
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE akomaNtoso>\n',
        ),
        ("\n", "\r\n"),  # line ends the parser would normalize
        ("\n      <", "\n\t<"),  # a tab in the indentation
        ("<num>第一条</num>", "<num>第一条</num><heading>目的</heading>"),
        ("</akomaNtoso>", "</akomaNtoso>\n<!-- after -->"),
        ("<p>甲。</p>", "<p>甲\x00。</p>"),
        # the characters that stand for an article or a point read whole, on a line of their
        # own where such an article or point could stand
        ("      <article", "      \x07\n      <article"),
        ("          <point", "          \x03\n          <point"),
    ],
)
def test_anything_else_is_declined_and_read_by_the_walk(old: str, new: str) -> None:
    assert old in _SAMPLE
    xml = _SAMPLE.replace(old, new)
    with pytest.raises(Declined):
        read_fast(xml)
    assert _from_akn(xml) == _walk(xml)


def test_a_dtd_never_reaches_a_reader() -> None:
    xml = _SAMPLE.replace("<p>甲。</p>", "<p>&e;</p>").replace(
        DECLARATION, DECLARATION + '<!DOCTYPE akomaNtoso [<!ENTITY e "boom">]>\n'
    )
    with pytest.raises(Declined):
        read_fast(xml)
    with pytest.raises(SerializationError, match="DTD or entity declaration"):
        wdr.from_akn(xml)


@given(
    regulations(max_chapters=2),
    st.floats(0, 1),
    st.sampled_from(
        ["<!", "<!--x-->", "<!DOCTYPE akomaNtoso>", '<!ENTITY e "x">', "<![CDATA[x]]>"]
    ),
)
def test_the_fast_path_declines_every_document_holding_a_declaration(
    reg: Regulation, where: float, fragment: str
) -> None:
    """from_akn looks for DTDs only in what the fast path declines: so the fast path must
    decline "<!" wherever it stands (a tag, a text, an attribute, between lines)."""
    xml = wdr.to_akn(reg)
    at = int(where * len(xml))
    damaged = xml[:at] + fragment + xml[at:]
    with pytest.raises(Declined):
        read_fast(damaged)
    assert _from_akn(damaged) == _walk(damaged)


def test_an_amending_act_is_left_to_the_walk() -> None:
    amendment = wdr.parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、将第一条修改为：“第一条 甲。”"
    )
    xml = wdr.to_akn(amendment)
    with pytest.raises(Declined):
        read_fast(xml)
    assert wdr.from_akn(xml, wdr.Amendment) == amendment
    with pytest.raises(SerializationError, match="amending act"):
        wdr.from_akn(xml)


def test_a_value_the_model_refuses_is_declined_and_named_by_the_walk() -> None:
    xml = _SAMPLE.replace("<num>第二条</num>", "<num>第二十条之</num>")
    with pytest.raises(Declined):
        read_fast(xml)
    with pytest.raises(SerializationError) as err:
        wdr.from_akn(xml)
    assert err.value.path.endswith("/article[1]/num")


# --------------------------------------------------------------------------- damaged documents


@given(damaged())
def test_a_damaged_document_reads_as_the_walk_reads_it(xml: str) -> None:
    _fast_equals_walk(xml)
    _fast_equals_walk(DECLARATION + xml)  # lxml writes no declaration: give it one


#: Lines and fragments a damaged document may hold: markup the fast path declines, markup it
#: reads, text, white space, characters XML cannot carry.
_SNIPPETS = [
    "<!-- c -->",
    "<![CDATA[甲]]>",
    "<?pi x?>",
    "<!DOCTYPE x>",
    "&amp;",
    "&#65;",
    "&e;",
    "&",
    "<",
    ">",
    "]]>",
    "<b>甲</b>",
    "甲",
    "<p>甲</p>",
    "<p/>",
    "<p>\u3000甲\t</p>",
    "<num>第一条</num>",
    "<num>（一）</num>",
    "<heading>甲</heading>",
    "</p>",
    "<content>",
    "</content>",
    '<paragraph eId="x">',
    "</paragraph>",
    '<article eId="a">',
    "</article>",
    '<list eId="l">',
    "<intro>",
    '<hcontainer name="placeholder" eId="h"/>',
    '<blockContainer class="paragraph">',
    "<td>",
    "<tr>",
    "\x00",
    "\x01",
    "\x03",
    "\x07",
    "\r",
    "\t",
    "",
    "  ",
    "\ufffe",
]
_SMALL = regulations(max_chapters=2)


@st.composite
def _text_damaged(draw: st.DrawFn) -> str:
    """A document to_akn wrote, damaged as text: a line inserted, replaced, removed, doubled
    or joined to the next, or a fragment put inside a line."""
    lines = wdr.to_akn(draw(_SMALL)).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        indent = line[: len(line) - len(line.lstrip(" "))]
        snippet = draw(st.sampled_from(_SNIPPETS))
        kind = draw(st.integers(0, 6))
        if kind == 0:
            lines.insert(at, indent + snippet)
        elif kind == 1:
            lines[at] = indent + snippet
        elif kind == 2 and len(lines) > 1:
            del lines[at]
        elif kind == 3:
            lines.insert(at, line)
        elif kind == 4 and at + 1 < len(lines):
            lines[at : at + 2] = [line + draw(st.sampled_from(["", " ", "\t"])) + lines[at + 1]]
        else:
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + snippet + line[cut:]
    return "\n".join(lines)


@given(_text_damaged())
def test_a_document_damaged_as_text_reads_as_the_walk_reads_it(xml: str) -> None:
    _fast_equals_walk(xml)


@given(_SMALL, st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "\t", "\u3000", " "]))
def test_entities_and_white_space_in_text_read_as_the_walk_reads_them(
    reg: Regulation, fragment: str
) -> None:
    xml = wdr.to_akn(reg).replace("</p>", fragment + "</p>").replace("<p>", "<p>" + fragment)
    _fast_equals_walk(xml)


# ------------------------------------------------------------- the constructors (writable twins)


def _rebuilt_with(make: dict[type, Any], value: Any) -> Any:
    """*value* built again, children first, by the constructors *make* (the init fields)."""
    if isinstance(value, tuple):
        return tuple(_rebuilt_with(make, v) for v in value)
    cls: Any = type(value)
    if cls not in make or cls is Regulation:
        return value
    fields = [f for f in attrs.fields(cls) if f.init]
    return make[cls](*[_rebuilt_with(make, getattr(value, f.name)) for f in fields])


def test_the_fast_constructors_are_the_twins_for_the_model_as_it_is() -> None:
    """Else the fast path is silently slower (the trusted constructors)."""
    trusted, fast = makers(), fast_makers()
    assert set(fast) == set(trusted)
    assert {c for c in fast if fast[c] is trusted[c]} == {Table, Regulation}


@given(regulations())
def test_the_fast_constructors_build_what_the_trusted_ones_build(reg: Regulation) -> None:
    """Each value of the model's own class, valid, every field equal (hidden ones at their
    defaults, as the trusted constructors leave them)."""
    trusted, fast = makers(), fast_makers()
    for name in ("preamble", "body", "appendices", "history"):
        part = getattr(reg, name)
        assert_same_nodes(_rebuilt_with(fast, part), _rebuilt_with(trusted, part))


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (Paragraph, (0, "甲", (), False, ())),
        (Paragraph, (1, " 甲", (), False, ())),
        (Paragraph, (1, "甲", (), False, ("",))),
        (Item, (1, "甲\n", (), (), False)),
        (SubItem, (-1, "甲", (), ())),
        (Article, (1, 0, (Paragraph(2, "甲"),))),
        (Chapter, (0, "甲", ())),
        (Division, ("", 9, ())),
        (Appendix, ("", (Article(1),))),
        (Event, ("",)),
    ],
)
def test_the_fast_constructors_refuse_what_the_trusted_ones_refuse(
    cls: type, values: tuple[Any, ...]
) -> None:
    def refusal(make: Any) -> tuple[type, str]:
        try:
            make(*values)
        except ValueError as err:
            return type(err), str(err)
        raise AssertionError("accepted")

    assert refusal(fast_makers()[cls]) == refusal(makers()[cls])
