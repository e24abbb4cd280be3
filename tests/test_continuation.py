"""The further paragraphs of 款, 项 and 目 (``continuation``) in everything built on the model.

A 项 of several paragraphs (issue 8 item 3) is read by the parser, and every path that reads or
writes units carries its further paragraphs: the diff (keys, alignment, the unit map, stale
references), the amendments (their working copy, quoted wording, references and word edits),
the unit walk the HTML page, the SQLite database and the JSON Lines records are written from
(text, references placed on their line), the command line's show and cite, and a property that
walks every exporter on a generated regulation and finds every further paragraph in what each
one writes.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import Counter
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Division, Item, Paragraph, Regulation, SubItem
from wuxi_dt_regulation.__main__ import main as cli_main
from wuxi_dt_regulation._interchange.jsonl import RecordUnit
from wuxi_dt_regulation._interchange.units import walk_units
from wuxi_dt_regulation._model.tree import walk_nodes
from wuxi_dt_regulation.amendments import renumbered_references

from .strategies import regulations

#: 第一条's 项（一） runs over two paragraphs, the second citing 第三条; 第二条 has two 款.
OLD = (
    "# 示例条例\n\n第一条 下列：\n\n（一）甲；\n\n依照本条例第三条的规定。\n\n（二）乙。\n\n"
    "第二条 为了维护数据安全，应当建立数据分类分级保护制度。\n\n"
    "数据分类分级保护制度包括登记、审查和评估。\n\n第三条 丙。\n\n第四条 丁。"
)
#: 第二条 folded into 第一条 as 项（二） of two paragraphs; 第三条, 第四条 renumbered.
NEW = (
    "# 示例条例\n\n第一条 下列：\n\n（一）甲；\n\n依照本条例第三条的规定。\n\n"
    "（二）为了维护数据安全，应当建立数据分类分级保护制度；\n\n"
    "数据分类分级保护制度包括登记、审查和评估。\n\n（三）乙。\n\n第二条 丙。\n\n第三条 丁。"
)


# =========================================================================== diff


def _quoting(further: str) -> Regulation:
    para = Paragraph(1, "为修改为：“为", continuation=(further,))
    return Regulation("任", body=(Article(1), Division("附则", 2, (Article(1, 1, (para,)),))))


def test_a_change_in_a_further_paragraph_is_a_change() -> None:
    # found by test_diff's determinism property: the patch rebuilt the 款 without the change
    old, new = _quoting("“为”"), _quoting("“了”")
    d = wdr.diff(old, new)
    (change,) = d.changes
    assert change.text_changed and [e.kind for e in change.paragraphs] == ["changed"]
    assert d.apply(old) == new
    again = wdr.from_json(wdr.to_json(d), wdr.RegulationDiff)
    assert again.apply(old) == new
    # a 项's further paragraph, and whether it is printed 1．, count as well
    base = wdr.parse(OLD)
    first = base.article(1).paragraphs[0]
    edited = first.items[0].continuation[0].replace("第三条", "第四条")
    items = (
        wdr.Item(1, "甲；", continuation=(edited,)),
        *first.items[1:],
    )
    other = Regulation(
        base.title,
        body=(Article(1, 0, (Paragraph(1, first.text, items),)), *base.body[1:]),
    )
    d = wdr.diff(base, other)
    assert [str(c.new.citation) for c in d.changes if c.new is not None] == ["第一条"]
    assert d.apply(base) == other


def test_an_article_that_survives_as_a_item_of_several_paragraphs() -> None:
    old, new = wdr.parse(OLD), wdr.parse(NEW)
    d = wdr.diff(old, new)
    ((merge_old, merge_new),) = [(m.old, m.new) for m in d.merges]
    assert [a.label for a in merge_old] == ["第一条", "第二条"] and merge_new.label == "第一条"
    mapped = {str(k): str(v) for k, v in d.citation_map.items()}
    # both 款 of 第二条 are now 项（二）: its text, and its further paragraph
    assert mapped["第二条第一款"] == mapped["第二条第二款"] == "第一条第一款第二项"
    assert [str(c) for c in d.follow(wdr.parse_citation("第二条"))] == ["第一条第一款第二项"]
    assert d.apply(old) == new


def test_a_stale_reference_in_a_further_paragraph() -> None:
    d = wdr.diff(wdr.parse(OLD), wdr.parse(NEW))
    ((at, written, replacement, text),) = [
        (str(s.at), s.match.text, s.replacement, s.text) for s in d.stale_references()
    ]
    assert (at, written, replacement) == ("第一条第一款第一项", "本条例第三条", "本条例第二条")
    assert text == "依照本条例第二条的规定。"  # the line that holds it


# =========================================================================== the unit walk


def test_the_unit_walk_holds_further_paragraphs_and_their_references(tmp_path: Path) -> None:
    reg = wdr.parse(OLD)
    units = {u.eid: u for u in walk_units(reg)}
    first = units["art_1__para_1__point_1"]
    assert first.text == "甲；\n依照本条例第三条的规定。"
    # the HTML page: the further paragraph is a paragraph of its own, its reference a link
    page = wdr.to_html(reg)
    assert (
        '<p class="further">依照<span class="ref"><a class="xref" href="#art_3" '
        'title="《示例条例》第三条">本条例第三条</a></span>的规定。</p>'
    ) in page
    # the database: the text (and so the full-text index) and the reference, its span in it
    db = tmp_path / "a.db"
    wdr.to_sqlite(reg, db)
    with closing(sqlite3.connect(db)) as connection:
        ((text, start, end, written),) = connection.execute(
            "SELECT u.text, r.span_start, r.span_end, r.text FROM refs r "
            "JOIN units u ON u.id = r.unit_id WHERE u.eid = 'art_1__para_1__point_1'"
        ).fetchall()
        assert text == first.text and text[start:end] == written == "本条例第三条"
        (found,) = connection.execute(
            "SELECT u.eid FROM units_fts JOIN units u ON u.id = units_fts.rowid "
            "WHERE units_fts MATCH '\"依照本条例\"'"
        ).fetchall()
        assert found == ("art_1__para_1__point_1",)
    assert [str(h.citation) for h in wdr.search_sqlite(db, "依照本条例")] == ["第一条第一款第一项"]
    # the JSON Lines record of the 款 prints it where the model does
    (record,) = [
        r for r in map(json.loads, wdr.to_jsonl(reg).splitlines()) if r["eid"] == "art_1__para_1"
    ]
    assert record["text"] == reg.article(1).paragraphs[0].full_text


def test_the_subitems_of_a_list_numbered_in_arabic_are_labelled_as_printed() -> None:
    # found by the JSON Lines property: the 目 of a 项 printed 1． were labelled 1． (printed （1）)
    reg = wdr.parse("# 例\n\n第一条 下列：\n\n1．甲：\n\n（1）乙；\n\n（2）丙。")
    labels = [(u.level, u.label) for u in walk_units(reg) if u.level in ("item", "subitem")]
    assert labels == [("item", "1．"), ("subitem", "（1）"), ("subitem", "（2）")]
    (record,) = map(json.loads, wdr.to_jsonl(reg).splitlines())
    assert (
        record["text"]
        == reg.article(1).paragraphs[0].full_text
        == "下列：\n1．甲：\n（1）乙；\n（2）丙。"
    )


# =========================================================================== every exporter


def _further_lines(reg: Regulation) -> list[str]:
    """Every further paragraph of the regulation, in document order (the preamble, the body,
    the appendices; a 款's own, then each 项's and, under it, each 目's and the fourth level's)."""
    out: list[str] = []

    def unit(value: Paragraph | Item | SubItem) -> None:
        out.extend(value.continuation)
        for child in value.items if isinstance(value, Paragraph) else value.subitems:
            unit(child)

    for node in walk_nodes(reg.preamble + reg.body + reg.appendices):
        if isinstance(node, Paragraph):
            unit(node)
        elif isinstance(node, Article):
            for para in node.paragraphs:
                unit(para)
    return out


class _FurtherParagraphs(HTMLParser):
    """The text of every ``<p class="further">`` of a page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.depth = 0  # inside such a paragraph: the number of open elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif tag == "p" and "further" in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def _json_continuations(value: object) -> Counter[str]:
    found: Counter[str] = Counter()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "continuation":
                found.update(inner)
            else:
                found += _json_continuations(inner)
    elif isinstance(value, list):
        for inner in value:
            found += _json_continuations(inner)
    return found


def _has_further(reg: Regulation) -> bool:
    return bool(_further_lines(reg))


@settings(max_examples=40)
@given(regulations(max_chapters=2).filter(_has_further))
def test_no_exporter_loses_a_further_paragraph(reg: Regulation) -> None:
    """Markdown, JSON, Akoma Ntoso, the HTML page, the SQLite database and JSON Lines all hold
    every further paragraph of a generated regulation (项 and 目 of several paragraphs, quoted
    wording), each as a line of its own."""
    further = _further_lines(reg)
    wanted = Counter(further)
    # Markdown: a line of its own, escaped where it would read as a marker
    printed = Counter(
        line[1:] if line.startswith("\\") else line for line in wdr.render(reg).split("\n")
    )
    assert not wanted - printed
    # JSON: the continuation of each unit, exactly
    assert _json_continuations(json.loads(wdr.to_json(reg))) == wanted
    # Akoma Ntoso: a <p> each
    root = ElementTree.fromstring(wdr.to_akn(reg))
    paragraphs = Counter("".join(p.itertext()) for p in root.iter() if p.tag.endswith("}p"))
    assert not wanted - paragraphs
    # the HTML page: a <p class="further"> each, in document order
    parser = _FurtherParagraphs()
    parser.feed(wdr.to_html(reg))
    assert parser.found == further
    # the unit walk the database and the records are written from: lines of the units' text
    walked = Counter(line for u in walk_units(reg) for line in u.text.split("\n"))
    assert not wanted - walked
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "a.db"
        wdr.to_sqlite(reg, db)
        with closing(sqlite3.connect(db)) as connection:
            texts = [text for (text,) in connection.execute("SELECT text FROM units")]
    assert not wanted - Counter(line for text in texts for line in text.split("\n"))
    units: tuple[RecordUnit, ...] = ("paragraph", "article")
    for unit in units:
        records = [json.loads(line) for line in wdr.to_jsonl(reg, unit=unit).splitlines()]
        lines = Counter(line for r in records for line in r["text"].split("\n"))
        assert not wanted - lines


# =========================================================================== amendments

#: 第一条 holds 项（一） of two paragraphs; 第二条 is a 款 that quotes over two paragraphs.
AMENDED = wdr.parse(
    "# 示例条例\n\n第一条 下列：\n\n（一）甲；\n\n说明依照本条例第三条。\n\n（二）乙。\n\n"
    "第二条 将第五条修改为：“第五条 丙\n\n“丁”\n\n第三条 戊。\n\n第四条 本条例自公布之日起施行。"
)


def _decision(body: str) -> wdr.Amendment:
    return wdr.parse_amendment(
        "# 关于修改《示例条例》的决定\n\n- 2024年5月6日示例会议通过\n\n<!-- INFO END -->\n\n"
        f"示例会议决定对《示例条例》作如下修改：\n\n{body}\n\n此外，对条文顺序作相应调整。\n"
    )


def test_an_amendment_keeps_every_further_paragraph() -> None:
    # the working copy rebuilt each 款 without its further paragraphs: 第二条 lost “丁”
    result = _decision("一、将第三条修改为：“己。”").apply(AMENDED)
    assert result.article(2) == AMENDED.article(2)
    assert result.article(1) == AMENDED.article(1)
    assert result.article(3).text == "己。"


def test_new_wording_holds_items_of_several_paragraphs() -> None:
    result = _decision(
        "一、将第三条修改为：“下列：\n\n“（一）庚；\n\n“庚的说明。\n\n“1．辛；\n\n“（二）壬。”"
    ).apply(AMENDED)
    (para,) = result.article(3).paragraphs
    assert [(i.text, i.continuation, len(i.subitems)) for i in para.items] == [
        ("庚；", ("庚的说明。",), 1),
        ("壬。", (), 0),
    ]
    assert wdr.parse(wdr.render(result)) == result
    # a 项 replaced by wording of several paragraphs (the 项 after it follows)
    result = _decision("一、将第一条第一项修改为：“（一）癸；\n\n“癸的说明。”").apply(AMENDED)
    assert result.article(1).paragraphs[0].items[0].continuation == ("癸的说明。",)


def test_words_and_renumbered_references_in_further_paragraphs() -> None:
    result = _decision("一、将第一条中的“说明”修改为“解释”。").apply(AMENDED)
    assert result.article(1).paragraphs[0].items[0].continuation == ("解释依照本条例第三条。",)
    renumbered = _decision("一、增加一条，作为第一条：“新增。”").apply(
        AMENDED, update_references=True
    )
    item = renumbered.article(2).paragraphs[0].items[0]
    assert item.continuation == ("说明依照本条例第四条。",)
    (update,) = renumbered_references(AMENDED, {(3, 0): (4, 0)})
    assert (str(update.at), update.line, update.old, update.new) == (
        "第一条第一款第一项",
        1,
        "本条例第三条",
        "本条例第四条",
    )


# =========================================================================== the command line


def test_show_and_cite_print_a_unit_with_its_further_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "例.md"
    path.write_text(OLD, encoding="utf-8")
    for command in ("show", "cite"):
        assert cli_main([command, "第一条第一款第一项", "--file", str(path)]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[1:] == ["（一）甲；", "依照本条例第三条的规定。"]
