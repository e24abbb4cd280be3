"""Hostile and careless input (issue 12): every public function returns a correct value or raises
a documented error; no input makes it slow beyond a linear bound.

Each section is self-contained (its helpers are named after it, and it needs only the imports
below), so that sections written on different branches merge by putting them one after the
other and joining the import blocks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main as cli_main

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
