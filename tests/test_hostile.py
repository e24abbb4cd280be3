"""Hostile and careless input (issue 12): every public function returns a correct value or raises
a documented error.  Each section belongs to one part of the library and stands alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation, RegulationDiff, SerializationError
from wuxi_dt_regulation.__main__ import main as cli_main

# =========================================================================== diff (items 9, 12)
#
# RegulationDiff.apply() and diff(): wrong types are TypeError naming the type expected; a diff
# read from JSON whose indices point nowhere is refused on reading (SerializationError with its
# path), never an IndexError from apply(); and no field of a diff's JSON can be edited to make it
# apply to another regulation: apply() compares the regulation it is given with the old version
# the diff holds, by content (a fingerprint field used to be trusted; there is none now).

_A = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款原文。\n\n第三条 旧条文。\n"
_B = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本行政区域。\n\n第二款原文。\n\n第三条 新条文。\n"
# same title, same articles but one word, in a paragraph the patch takes from the old version:
# what a forged fingerprint used to let apply() patch into a wrong new version
_C = "# 示例条例\n\n第一条 为了示例，制定本条例。\n\n第二条 本条例适用于本市。\n\n第二款另文。\n\n第三条 旧条文。\n"


def _diff_data() -> tuple[Regulation, Regulation, Regulation, dict[str, Any]]:
    a, b, c = wdr.parse(_A), wdr.parse(_B), wdr.parse(_C)
    return a, b, c, wdr.to_dict(wdr.diff(a, b))


def _old_paragraph_slots(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for slot in data["slots"] if slot for s in slot if s["type"] == "old_paragraph"]


def test_diff_apply_names_the_type_it_takes() -> None:
    d = wdr.diff(wdr.parse(_A), wdr.parse(_B))
    for bad in ("x", None, b"# x", {"title": "x"}):
        with pytest.raises(TypeError) as info:
            d.apply(bad)  # type: ignore[arg-type]
        message = str(info.value)
        assert message == f"RegulationDiff.apply() takes a Regulation, not {type(bad).__name__}"
        assert "bound method" not in message


@pytest.mark.parametrize("bad", [None, "# 例", b"# x", 3])
def test_diff_names_the_type_it_takes(bad: object) -> None:
    reg = wdr.parse(_A)
    shown = type(bad).__name__
    with pytest.raises(
        TypeError, match=f"diff\\(\\) compares two Regulation values; old is {shown}"
    ):
        wdr.diff(bad, reg)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"new is {shown}"):
        wdr.diff(reg, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["slots"][1][1].update(article_index=99),
            "slots[1][1] takes article_index 99; the old version has 3 articles",
        ),
        (
            lambda d: d["slots"][1][1].update(paragraph_index=7),
            "slots[1][1] takes paragraph_index 7 of 第二条, which has 2 paragraphs",
        ),
        (
            lambda d: d["slots"][0][0].update(paragraph_index=1),
            "slots[0][0] takes paragraph_index 1 of 第一条, which has 1 paragraph",
        ),
        (
            lambda d: d["old_sources"].__setitem__(0, [99, 0]),
            "old_sources[0] is [99, 0]: not an old article of the rows, or one already placed",
        ),
        (
            lambda d: d["old_sources"].__setitem__(1, d["old_sources"][0]),
            "old_sources[1] is",
        ),
        (lambda d: d["old_sources"].pop(), "old_sources has 2 entries; old_template has 3"),
        (lambda d: d["slots"].pop(), "slots has 2 entries; template has 3 articles"),
        (
            lambda d: d["slots"].__setitem__(2, None),
            "slots[2] makes 第三条 other than the rows show it",
        ),
    ],
)
def test_a_diff_whose_indices_point_nowhere_does_not_read(edit: Any, message: str) -> None:
    *_, data = _diff_data()
    edit(data)
    with pytest.raises(SerializationError) as info:
        wdr.from_dict(data, RegulationDiff)
    assert info.value.path == "$"
    assert str(info.value).startswith(f"$: {message}")
    with pytest.raises(SerializationError):
        wdr.from_json(json.dumps(data, ensure_ascii=False), RegulationDiff)


@given(
    st.sampled_from(("article_index", "paragraph_index")),
    st.integers(-(2**40), 2**40),
    st.integers(0, 10),
)
def test_any_index_in_a_diff_reads_or_is_refused(field: str, value: int, which: int) -> None:
    a, b, _, data = _diff_data()
    slots = _old_paragraph_slots(data)
    slots[which % len(slots)][field] = value
    try:
        d = wdr.from_dict(data, RegulationDiff)
    except SerializationError as err:
        path = err.path
    else:
        # it read: the index named a paragraph with the same text, and the patch still makes b
        assert d.apply(a) == b
        return
    assert path == "$" or path.startswith("$.slots[")  # the reader names negative ones


def test_a_forged_fingerprint_field_is_refused() -> None:
    a, b, c, data = _diff_data()
    data["fingerprint"] = wdr.diff(c, b).fingerprint
    with pytest.raises(SerializationError, match="unknown field 'fingerprint'"):
        wdr.from_dict(data, RegulationDiff)
    d = wdr.diff(a, b)
    assert d.fingerprint == wdr.diff(a, c).fingerprint != wdr.diff(c, a).fingerprint


def test_apply_compares_content_not_a_field() -> None:
    a, b, c, data = _diff_data()
    d = wdr.from_dict(data, RegulationDiff)
    with pytest.raises(
        wdr.PatchError, match=r"cannot be applied to 《示例条例》 .*: 第二条 differs"
    ):
        d.apply(c)
    # swapping in the skeleton of the diff from C changes nothing: the articles the table shows
    # are A's, and apply() compares C with them
    forged = dict(data, old_template=wdr.to_dict(wdr.diff(c, b))["old_template"])
    forged.pop("schema")
    d = wdr.from_dict({"schema": 1, **forged}, RegulationDiff)
    with pytest.raises(wdr.PatchError):
        d.apply(c)
    assert d.apply(a) == b


def test_a_forged_old_side_no_longer_makes_the_new_side() -> None:
    # putting C's articles where the table shows A's: the paragraph the patch takes from the old
    # version is now C's, so the patch no longer makes the articles the table shows
    _, b, c, data = _diff_data()
    theirs = wdr.to_dict(wdr.diff(c, b))
    for row, twin in zip(data["rows"], theirs["rows"], strict=True):
        row["old"] = twin.get("old", [])
    with pytest.raises(SerializationError, match="the patch and the table disagree"):
        wdr.from_dict(data, RegulationDiff)


def test_a_diff_applies_to_what_its_table_shows() -> None:
    # the limit of what can be checked: a whole old side swapped consistently is a diff of other
    # versions (nothing signs a diff), and it shows them: its table's left column is C
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(c, b)), RegulationDiff)
    shown = sorted((a.key, a.paragraphs) for row in d.rows for a in row.old)
    assert shown == sorted((x.key, x.paragraphs) for x in c.articles)
    assert d.apply(c) == b
    with pytest.raises(wdr.PatchError):
        d.apply(a)


@given(st.integers(0, 2**32))
def test_a_diff_applies_to_its_own_old_version_only(seed: int) -> None:
    a, b, c, _ = _diff_data()
    d = wdr.from_json(wdr.to_json(wdr.diff(a, b)), RegulationDiff)
    other = c if seed % 2 else attrs.evolve(a, title="另一条例")
    with pytest.raises(wdr.PatchError):
        d.apply(other)
    assert d.apply(a) == b


# =========================================================================== citations
# Issue 12, items 3, 4 and 11 (the citation part): blank book titles, range expansion, bad
# titles; and find_citations on arbitrary text.

_SEED = wdr.load()


@pytest.mark.parametrize("blank", ["《 》", "《\u3000》", "《\t》", "《  \u3000 》", "《\u00a0》"])
def test_citations_a_blank_book_title_is_not_a_citation(blank: str) -> None:
    """Item 3: finding is lenient: 依照《 》规定 holds no citation, and nothing raises."""
    text = f"依照{blank}规定，依照{blank}第三条"
    found = wdr.find_citations(text, regulation=_SEED)
    assert [m.text for m in found] == ["第三条"]
    assert found[0].kind == "absolute"
    reg = wdr.parse(f"# 甲条例\n\n第一条 依照{blank}规定。\n\n第二条 依照{blank}第一条。")
    assert [r.match.text for r in reg.references()] == ["第一条"]
    with pytest.raises(wdr.CitationError):
        wdr.parse_citation(f"{blank}第一条")


def test_citations_refs_on_a_blank_book_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blank.md"
    path.write_text(
        "# 甲条例\n\n第一条 依照《 》规定。\n\n第二条 依照《\u3000》第一条。\n", "utf-8"
    )
    assert cli_main(["refs", "--file", str(path)]) == 0
    assert capsys.readouterr().out == "第二条第一款\t第一条\tabsolute\t-> 第一条\n"


def test_citations_ranges_stay_ranges() -> None:
    """Item 4: 第一条至第九千九百九十九条 a hundred times is a hundred values of one range each;
    what a range covers is worked out only when asked, and only as far as the regulation goes."""
    text = "第一条至第九千九百九十九条，" * 100
    found = wdr.find_citations(text, regulation=_SEED)
    assert len(found) == 100
    whole = wdr.CitationRange(wdr.Citation(article=1), wdr.Citation(article=9999))
    assert all(m.value == wdr.CitationList((whole,)) for m in found)
    # the seed has 55 articles: 55 units and the end that does not exist
    assert len(found[0].citations) == 56
    assert found[0].citations[-1] == wdr.Citation(article=9999)
    text = "第一条至第九千九百九十九条、" * 50 + "第二条"
    reg = wdr.parse(f"# 甲条例\n\n第一条 依照{text}规定。\n\n第二条 乙。")
    (ref,) = reg.references()
    assert len(ref.ranges) == 51 and ref.missing == (wdr.Citation(article=9999),) * 50
    assert len(ref.targets) == 50 * 3 + 1  # bounded by the regulation: 第一条, 第二条, 第9999条


def test_citations_refs_prints_ranges_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ranges.md"
    path.write_text(
        "# 甲条例\n\n第一条 依照" + "第一条至第九千九百九十九条，" * 20 + "办理。\n", "utf-8"
    )
    assert cli_main(["refs", "--file", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 20
    assert out[0] == (
        "第一条第一款\t第一条至第九千九百九十九条\tabsolute\t-> 第一条至第九千九百九十九条"
        "\tDANGLING (第九千九百九十九条)"
    )


@pytest.mark.parametrize(
    "title",
    ["a\x00b", " 刑法", "刑法 ", "\u3000刑法", "刑法\t", "\ufeff刑法", "a\u2028b", "a\ud800b",
     "a\x85b", "《刑法》", "", "  "],
)  # fmt: skip
def test_citations_bad_titles_are_refused(title: str) -> None:
    """Item 11: a title with a control character, a lone surrogate or outer spaces is refused."""
    with pytest.raises(wdr.CitationError, match=r"Citation\.title must be None or a one-line"):
        wdr.Citation(title=title, article=1)


def test_citations_titles_with_inner_spaces_are_kept() -> None:
    assert wdr.Citation(title="中华人民共和国 刑法").title == "中华人民共和国 刑法"
    (match,) = wdr.find_citations("《 中华人民共和国刑法 》第二十条")
    assert match.citations == (wdr.Citation(title="中华人民共和国刑法", article=20),)


_CITATION_TEXT = st.lists(
    st.sampled_from(
        ["第", "一", "十", "百", "九千", "万", "零", "条", "款", "项", "目", "编", "分编", "章",
         "之", "至", "、", "和", "或者", "并", "本", "前", "两", "该", "同", "法", "条例", "《",
         "》", "（", "）", "(", ")", " ", "\u3000", "\t", "\n", "\x00", "\ud800", "刑法", "民法典",
         "以下简称", "合同编", "Article", "Art.", "Paragraph", "Item", "Subpart", " of ", " the ",
         "1", "35", "-", "，", "。", "有关法律、法规", "第三十五条", "前款", "本条例"]
    )
    | st.text(max_size=3),
    max_size=30,
).map("".join)  # fmt: skip


@given(
    text=_CITATION_TEXT | st.text(),
    which=st.sampled_from([None, "seed", "book"]),
    at=st.sampled_from([None, wdr.Citation(article=35, paragraph=2), wdr.Citation(article=1)]),
)
@example(text="依照《 》规定", which="seed", at=None)
@example(text="第一条至第九千九百九十九条，" * 3, which="seed", at=None)
@example(text="《a\x00b》第一条《\ud800》第二条", which=None, at=None)
@example(text="合同编第", which="book", at=wdr.Citation(article=35, paragraph=2))
def test_citations_find_never_raises(text: str, which: str | None, at: wdr.Citation | None) -> None:
    """Whatever the text, find_citations returns matches whose spans are in the text, in
    order and apart, and their citations can be read; it raises nothing."""
    reg = {"seed": _SEED, "book": _BOOK, None: None}[which]
    found = wdr.find_citations(text, regulation=reg, at=at)
    end = 0
    for match in found:
        assert 0 <= end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert match.kind in ("absolute", "internal", "relative", "external", "unresolvable")
        assert len(match.citations) <= 2 * (len(reg.articles) + 2 if reg else 9999) * len(text)
        end = match.end


_BOOK = wdr.parse_file(Path(__file__).parent / "corpus" / "national" / "合同编.md")


@given(body=_CITATION_TEXT)
def test_citations_references_never_raise(body: str) -> None:
    """references() over a regulation whose text is arbitrary: a value, never an error."""
    text = re.sub(r"[\n\r\x00-\x1f\u2028\u2029\ud800-\udfff#<>|\\]", "", body).strip()
    try:
        reg = wdr.parse(f"# 甲条例\n\n第一条 {text or '甲'}\n\n第二条 乙。")
    except ValueError:  # ParseError; what else the parser raises is the parser's section's
        return
    for ref in reg.references():
        assert ref.exists in (True, False, None)
        _ = ref.targets
