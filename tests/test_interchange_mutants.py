"""Exact answers for what the interchange area's mutation sample showed no test pinned
(docs/mutation.md): the SQLite search's limits, queries, snippets and errors, and the readers'
messages."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import attrs
import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Amendment, Article, Paragraph, Regulation, SerializationError, Table

from .test_akn_read_constructs import doc, para
from .test_amend_apply import decision

# --------------------------------------------------------------------------- SQLite search


def _db(tmp_path: Path, *texts: str) -> Path:
    """A database of one regulation whose 第N条 reads the Nth of *texts*."""
    body = tuple(Article(n, 0, (Paragraph(1, text),)) for n, text in enumerate(texts, 1))
    db = tmp_path / "one.db"
    wdr.to_sqlite({"one.md": Regulation("示例条例", body=body)}, db)
    return db


def test_at_most_twenty_hits_unless_told(tmp_path: Path) -> None:
    db = _db(tmp_path, *(f"数据{n}。" for n in range(25)))
    assert len(wdr.search_sqlite(db, "数据")) == 20
    assert len(wdr.search_sqlite(db, "数据", limit=None)) == 25
    assert wdr.search_sqlite(db, "数据", limit=0) == ()
    assert len(wdr.search_sqlite(db, "数据", limit=3)) == 3


def test_every_long_word_must_occur(tmp_path: Path) -> None:
    db = _db(tmp_path, "推进数字化转型工作。", "推进数字化建设。", "转型工作由政府推进。")
    (hit,) = wdr.search_sqlite(db, "转型工作 数字化", limit=None)
    assert (hit.title, hit.where, hit.citation, hit.eid, hit.snippet, hit.source) == (
        "示例条例", "第一条第一款", "第一条第一款", "art_1__para_1", "推进数字化转型工作。", "one.md"
    )  # fmt: skip
    assert hit.rank < 0  # bm25: lower is better
    both = wdr.search_sqlite(db, "转型工作 推进", limit=None)  # 推进 is short: the scan
    assert [(h.citation, h.rank, h.source) for h in both] == [
        ("第一条第一款", 0.0, "one.md"),
        ("第三条第一款", 0.0, "one.md"),
    ]


def test_the_scan_takes_backslash_percent_and_underscore_literally(tmp_path: Path) -> None:
    db = _db(tmp_path, "甲\\乙。", "甲%乙。", "甲_乙。", "甲乙。")
    for query, where in [("\\", "第一条第一款"), ("%", "第二条第一款"), ("_", "第三条第一款")]:
        assert [h.where for h in wdr.search_sqlite(db, query, limit=None)] == [where]


def test_a_scanned_snippet_is_cut_around_the_match(tmp_path: Path) -> None:
    db = _db(tmp_path, "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。", "数据甲乙丙丁戊己庚辛。")
    assert wdr.search_sqlite(db, "子丑", context=2)[0].snippet == "…壬癸子丑寅卯…"
    # at the start of the text: nothing cut on the left; at the end: nothing on the right
    assert wdr.search_sqlite(db, "数据", context=2)[0].snippet == "数据甲乙…"
    assert wdr.search_sqlite(db, "酉", context=2)[0].snippet == "…未申酉。"


def test_a_scanned_snippet_is_cut_where_the_match_is_after_letters_casefold_lengthens(
    tmp_path: Path,
) -> None:
    # ß casefolds to ss and ﬁ to fi: the folded text is longer, and an index found in it is
    # not one in the text; LIKE ignores the case of A to Z only, and so does the cut
    db = _db(tmp_path, "ßßßßßßßßﬁﬁﬁﬁ甲乙丙丁戊己庚辛壬癸AB子丑寅卯辰巳午未申酉。")
    assert wdr.search_sqlite(db, "ab", context=2)[0].snippet == "…壬癸AB子丑…"


def test_a_hit_under_a_heading_without_number_stands_under_its_title(tmp_path: Path) -> None:
    reg = wdr.parse(
        "# 示例条例\n\n## 第一章 总则\n\n第一条 数据。\n\n### 附则说明\n\n本条例自公布之日起施行。\n"
    )
    db = tmp_path / "division.db"
    wdr.to_sqlite(reg, db)
    (hit,) = wdr.search_sqlite(db, "公布之日")
    assert (hit.where, hit.citation, hit.eid) == ("附则说明", None, "dvs_1__para_1")


def test_what_is_not_a_database_of_to_sqlite_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(FileNotFoundError) as caught:
        wdr.search_sqlite(missing, "数据安全")
    assert (caught.value.errno, caught.value.strerror, caught.value.filename) == (
        2,
        "No such database",
        str(missing),
    )
    empty = tmp_path / "empty.db"
    with closing(sqlite3.connect(empty)) as con:
        con.execute("PRAGMA user_version = 7")
    with pytest.raises(SerializationError) as error:
        wdr.search_sqlite(empty, "数据安全")
    assert error.value.message == (
        "not a database written by to_sqlite (schema 1): user_version is 7, tables none"
    )
    assert error.value.path == str(empty)


# --------------------------------------------------------------------------- Akoma Ntoso


def test_a_wide_space_is_text_an_empty_tables_block_may_not_hold() -> None:
    reg = Regulation(
        "示例条例",
        preamble=(Paragraph(1, "序。"), Table(())),
        body=(Article(1, 0, (Paragraph(1, "甲。"),)),),
    )
    xml = wdr.to_akn(reg)
    assert wdr.from_akn(xml) == reg
    empty = "<p/>\n      </blockContainer>"
    assert xml.count(empty) == 1
    for text in ("\u3000", "\u00a0", "甲"):  # nothing an XML parser strips is dropped
        with pytest.raises(SerializationError) as caught:
            wdr.from_akn(xml.replace(empty, f"<p>{text}</p>\n      </blockContainer>"))
        assert caught.value.path == "/akomaNtoso/act/preamble/blockContainer[2]"
        assert caught.value.message == "the block of an empty table holds no text"


def test_a_stray_text_is_located_among_the_texts_of_its_element() -> None:
    second = para("乙。").replace("para_1", "para_2")
    # the text nodes of <article>: "\n  " (1), after <num> (2), after the first 款 (3), last (4)
    xml = doc(
        f'<article eId="art_1">\n  <num>第一条</num>\n  {para("甲。")}\u3000\n  {second}\n</article>'
    )
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(xml)
    assert caught.value.path == "/akomaNtoso/act/body/article[1]/text()[3]"
    assert caught.value.message == (
        "text directly in <article> has no place in the model (text is read from <p>, <num>, "
        "<heading> and their inline elements): '\\u3000'"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("条" * 40, "'" + "条" * 40 + "'"),  # 40 characters: shown whole
        ("条" * 41, "'" + "条" * 39 + "…'"),  # longer: cut to 39 and …
    ],
)
def test_a_refused_text_is_quoted_up_to_forty_characters(text: str, shown: str) -> None:
    xml = doc(f'<article eId="art_1"><num>第一条</num>{text}{para("甲。")}</article>')
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(xml)
    assert caught.value.message.endswith(f"inline elements): {shown}")


def test_a_table_of_contents_holds_only_its_items() -> None:
    reg = wdr.parse(
        "# 示例条例\n\n## 第一章 总则\n\n## 第二章 附则\n\n"  # the table of contents
        "## 第一章 总则\n\n第一条 甲。\n\n## 第二章 附则\n\n第二条 乙。\n"
    )
    assert reg.toc == ("第一章 总则", "第二章 附则")
    xml = wdr.to_akn(reg)
    assert "<toc>" in xml and wdr.from_akn(xml) == reg
    bad = xml.replace("</tocItem>", "</tocItem><p>乙</p>", 1)
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(bad)
    assert caught.value.path.endswith("/toc/p[1]")


@pytest.mark.parametrize(
    "instruction",
    [
        "将第二条第二款开始部分修改为：“甲：”",  # scope head: the 款's introduction
        "将第二条第二款修改为：“甲。”",  # scope unit
        "在第二条中增加一款：“甲。”",
    ],
)
def test_an_amendments_targets_are_read_back_from_their_destination(instruction: str) -> None:
    amendment = wdr.parse_amendment(decision(f"一、{instruction}"))
    assert wdr.from_akn(wdr.to_akn(amendment), Amendment) == amendment


def test_an_attribute_out_of_its_choices_is_named_with_them() -> None:
    amendment = wdr.parse_amendment(decision("一、在第二条中增加一款：“甲。”"))
    xml = wdr.to_akn(amendment).replace('wdr:unit="paragraph"', 'wdr:unit="clause"')
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(xml, Amendment)
    assert caught.value.message == (
        "expected wdr:unit to be one of ('', 'article', 'paragraph', 'item', 'subitem'), "
        "found 'clause'"
    )
    assert caught.value.path.endswith("/textualMod[1]")


def test_a_modification_whose_source_is_not_in_the_body_is_located() -> None:
    amendment = wdr.parse_amendment(decision("一、在第二条中增加一款：“甲。”"))
    xml = wdr.to_akn(amendment).replace('<source href="#mod_1"/>', '<source href="#mod_9"/>')
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(xml, Amendment)
    assert caught.value.message == "its <source> names no <mod> of the body"
    assert caught.value.path.endswith("/activeModifications/textualMod[1]")


# --------------------------------------------------------------------------- JSON


def _commencing_amendment() -> Amendment:
    """A decision with an instruction and a commencement clause that dates it."""
    return wdr.parse_amendment(
        decision("一、将第二条第二款修改为：“甲。”\n\n本决定自2024年7月1日起施行。")
    )


def _commencing() -> dict[str, Any]:
    amendment = _commencing_amendment()
    data = wdr.to_dict(amendment)
    assert data["clauses"][0]["date"] == "2024-07-01"
    assert wdr.from_dict(data) == amendment
    return data


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("20240701", "the string '20240701'"),  # ISO 8601's basic form: not the format's
        ("2024-7-1", "the string '2024-7-1'"),
        ("2024-02-30", "no such day '2024-02-30'"),
        (20240701, "the int 20240701"),
        ("x" * 20, "the string '" + "x" * 20 + "'"),  # 20 characters: shown whole
        ("x" * 21, "the string '" + "x" * 20 + "…'"),  # longer: cut to 20 and …
        (10**18 - 1, "the int 999999999999999999"),
        (10**18, "an int of 19 digits"),
        (-(10**18), "an int of 19 digits"),
        (True, "true"),
        ([], "an array"),
        ({}, "an object"),
    ],
)
def test_a_date_is_read_as_the_day_only_and_anything_else_named(value: object, found: str) -> None:
    data = _commencing()
    data["clauses"][0]["date"] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.path == "$.clauses[0].date"
    assert caught.value.message == f'expected a date "YYYY-MM-DD", found {found}'


def _diff_data() -> dict[str, Any]:
    """A diff whose rebuilt articles take 款 of the old version by position."""
    old = wdr.parse("# 示例条例\n\n第一条 甲。\n\n乙。\n\n第二条 丙。\n")
    new = wdr.parse("# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n")
    data = wdr.to_dict(wdr.diff(old, new))
    assert data["slots"][0] == [{"type": "old_paragraph", "article_index": 0, "paragraph_index": 0}]
    assert wdr.from_dict(data) == wdr.diff(old, new)
    return data


@pytest.mark.parametrize(
    ("key", "value", "path", "message"),
    [
        ("type", None, ".type", "missing required field ('old_paragraph' or 'paragraph')"),
        ("type", "chapter", ".type", "unknown type 'chapter'; expected 'old_paragraph' or 'paragraph'"),
        ("type", 7, ".type", "unknown type the int 7; expected 'old_paragraph' or 'paragraph'"),
        ("article_index", None, ".article_index", "missing required field"),
        ("paragraph_index", -1, ".paragraph_index", "expected an int from 0, found the int -1"),
        ("paragraph_index", "0", ".paragraph_index", "expected an int from 0, found the string '0'"),
        ("extra", 1, "", "unknown field 'extra' for an old paragraph"),
    ],
)  # fmt: skip
def test_an_old_paragraph_of_a_diff_is_read_strictly(
    key: str, value: object, path: str, message: str
) -> None:
    data = _diff_data()
    source = data["slots"][0][0]
    if value is None:
        del source[key]
    else:
        source[key] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert (caught.value.path, caught.value.message) == (f"$.slots[0][0]{path}", message)


_BODY_TAGS = "'article', 'chapter', 'division', 'paragraph', 'part', 'section', 'subpart', 'table'"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, f"missing required field (one of {_BODY_TAGS})"),
        ("sectionx", f"unknown type 'sectionx'; expected one of {_BODY_TAGS}"),
        (3, f"unknown type the int 3; expected one of {_BODY_TAGS}"),
        ("citation", f"'citation' is not allowed here; expected one of {_BODY_TAGS}"),
        ("replace", f"'replace' is not allowed here; expected one of {_BODY_TAGS}"),
    ],
)
def test_a_unit_of_the_body_is_named_by_its_type(value: object, message: str) -> None:
    data = wdr.to_dict(wdr.parse("# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n"))
    if value is None:
        del data["body"][0]["type"]
    else:
        data["body"][0]["type"] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert (caught.value.path, caught.value.message) == ("$.body[0].type", message)


def _commencing_xml() -> tuple[Amendment, str]:
    amendment = _commencing_amendment()
    xml = wdr.to_akn(amendment)
    assert wdr.from_akn(xml, Amendment) == amendment
    return amendment, xml


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ('wdr:line="9"', 'wdr:line="x"', "/akomaNtoso/act/body/hcontainer[1]",
         "expected wdr:line as a number, found 'x'"),
        ('wdr:line="11"', 'wdr:line="x"', "/akomaNtoso/act/body/hcontainer[2]",
         "expected wdr:line as a number, found 'x'"),
        ('wdr:column="1"', 'wdr:column=""', "/akomaNtoso/act/body/hcontainer[2]",
         "expected wdr:column as a number, found ''"),
        ("<body>", "<other>", "/akomaNtoso/act", "an amendment needs its <preface> and <body>"),
    ],
)  # fmt: skip
def test_an_amending_acts_numbers_are_read_where_they_stand(
    old: str, new: str, path: str, message: str
) -> None:
    _, xml = _commencing_xml()
    assert xml.count(old) == 1
    bad = xml.replace(old, new)
    if new == "<other>":
        bad = bad.replace("</body>", "</other>")
    with pytest.raises(SerializationError) as caught:
        wdr.from_akn(bad, Amendment)
    assert (caught.value.path, caught.value.message) == (path, message)


def test_an_amending_act_without_a_title_reads_as_one_with_an_empty_title() -> None:
    amendment, xml = _commencing_xml()
    start, end = xml.index("<docTitle>"), xml.index("</docTitle>") + len("</docTitle>")
    assert wdr.from_akn(xml[:start] + xml[end:], Amendment) == attrs.evolve(amendment, title="")


@pytest.mark.parametrize(
    ("value", "errors"),
    [
        ([["第一条"]], [("[0]", "expected an array of 2 elements, found an array of 1")]),
        ([["第一条", 1]], [("[0][1]", "expected a string, found the int 1")]),
        (["x"], [("[0]", "expected an array of 2 elements, found the string 'x'")]),
        ({}, [("", "expected an array, found an object")]),
        ([["第一条", 1], ["第二条", "第三条"], [2, "第三条"]],
         [("[0][1]", "expected a string, found the int 1"),
          ("[2][0]", "expected a string, found the int 2")]),
    ],
)  # fmt: skip
def test_the_pairs_of_a_diff_are_read_as_pairs(
    value: object, errors: list[tuple[str, str]]
) -> None:
    data = _diff_data()
    data["number_pairs"] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    expected = tuple((f"$.number_pairs{where}", message) for where, message in errors)
    assert caught.value.errors == expected
    assert (caught.value.path, caught.value.message) == expected[0]


@pytest.mark.parametrize(
    ("value", "errors"),
    [
        ([1, "甲", 2], [("[0]", "expected a string, found the int 1"),
                        ("[2]", "expected a string, found the int 2")]),
        ("甲乙", [("", "expected an array, found the string '甲乙'")]),
        ([None], [("[0]", "expected a string, found null")]),
    ],
)  # fmt: skip
def test_every_problem_of_an_array_is_named(value: object, errors: list[tuple[str, str]]) -> None:
    data = wdr.to_dict(wdr.parse("# 示例条例\n\n第一条 甲。\n"))
    data["toc"] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.errors == tuple((f"$.toc{where}", message) for where, message in errors)


@pytest.mark.parametrize(
    ("value", "found"), [("true", "the string 'true'"), (1, "the int 1"), (None, "null")]
)
def test_a_flag_is_true_or_false(value: object, found: str) -> None:
    data = wdr.to_dict(wdr.parse("# 示例条例\n\n第一条 甲。\n\n<!-- FORCE BREAK -->\n\n乙。\n"))
    assert data["body"][0]["paragraphs"][1]["break_before"] is True
    data["body"][0]["paragraphs"][1]["break_before"] = value
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(data)
    assert caught.value.errors == (
        ("$.body[0].paragraphs[1].break_before", f"expected true or false, found {found}"),
    )


@pytest.mark.parametrize(
    ("value", "cls", "message"),
    [
        (wdr.parse("# 示例条例\n\n第一条 甲。\n"), Article,
         "this document holds a Regulation, not an Article"),
        (Article(1, 0, (Paragraph(1, "甲。"),)), wdr.Chapter,
         "this document holds an Article, not a Chapter"),
        (wdr.Item(1, "甲；"), wdr.Event, "this document holds an Item, not an Event"),
    ],
)  # fmt: skip
def test_a_document_of_another_class_is_named_with_both(
    value: object, cls: type, message: str
) -> None:
    with pytest.raises(SerializationError) as caught:
        wdr.from_dict(wdr.to_dict(value), cls)
    assert (caught.value.path, caught.value.message) == ("$.type", message)


def test_the_name_of_any_model_class_is_not_allowed_out_of_its_place() -> None:
    data = wdr.to_dict(wdr.parse("# 示例条例\n\n## 第一章 总则\n\n第一条 甲。\n"))
    for name in ("regulation", "regulation_diff", "amendment", "item"):
        data["body"][0]["type"] = name
        with pytest.raises(SerializationError) as caught:
            wdr.from_dict(data)
        assert caught.value.message == f"{name!r} is not allowed here; expected one of {_BODY_TAGS}"
