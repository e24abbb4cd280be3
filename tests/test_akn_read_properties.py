"""from_akn on any XML tree built from the Akoma Ntoso vocabulary (issue 12, item 5): a
Regulation that holds every text of the input, or a SerializationError whose XPath names a node
of the input; never text dropped.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import SerializationError

from .akn_strategies import NS, akn_documents, lxml_path, mixed_paragraphs, text_nodes

WS = " \t\r\n"
#: Refusals that name where a required node is missing: the path may select nothing.
MISSING = ("missing <", "expected a <num>", "expected an <act>")


def _check_path(xml: str, err: SerializationError) -> None:
    assert err.path.startswith("/akomaNtoso"), err.path
    found = etree.fromstring(xml.encode("utf-8")).xpath(lxml_path(err.path), namespaces=NS)
    if err.message.startswith(MISSING):
        assert len(found) <= 1, (err.path, found)
        return
    assert len(found) == 1, (err.path, err.message, found)
    if "/text()[" in err.path:  # the text node refused holds text, and the message quotes it
        text = str(found[0]).strip(WS)
        assert text and repr(text[:20])[1:-1][:10] in err.message, (text, err.message)


def _no_loss(xml: str, reg: wdr.Regulation) -> None:
    held = text_nodes(wdr.to_akn(reg))  # what the model holds, as to_akn writes it
    given_ = text_nodes(xml)
    joined = "".join(held)
    missing = [text for text in given_ if text not in joined]
    assert not missing, missing
    assert not Counter("".join(given_)) - Counter(joined), "characters lost"


@example(wdr.to_akn(wdr.load()))
@given(akn_documents())
def test_any_tree_is_read_whole_or_refused_with_the_xpath_of_a_node(xml: str) -> None:
    try:
        reg = wdr.from_akn(xml)
    except SerializationError as err:
        _check_path(xml, err)
        return
    _no_loss(xml, reg)
    assert wdr.from_akn(wdr.to_akn(reg)) == reg


@given(mixed_paragraphs())
def test_text_with_inline_elements_is_read_whole_or_refused(doc: tuple[str, list[str]]) -> None:
    xml, texts = doc
    try:
        reg = wdr.from_akn(xml)
    except SerializationError as err:
        refused = err
    else:
        assert reg.article(1).paragraphs[0].text == "".join(texts)
        return
    _check_path(xml, refused)
    assert "/content/p[1]/" in refused.path  # an inline element of the paragraph's text
