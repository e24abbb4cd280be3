"""``wuxi-dt refs --stale OLD NEW`` (issue 9 item 6), and ``stale_references`` held against the
衔接性修改 that ``Amendment.apply(update_references=True)`` makes.

Both answer the same question (which references a renumbering left carrying an old number, and
what each should say), one while applying a decision, one from two finished texts: on every
real text of the corpus, a decision that renumbers leaves exactly the references that
``update_references`` rewrites, rewritten the same way.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, Regulation
from wuxi_dt_regulation.__main__ import main

from .conftest import CORPUS

OLD = (
    "# 示例条例\n\n第一条 甲乙丙丁戊己庚辛壬癸。\n\n第二条 违反本条例第一条规定的，责令改正。\n\n"
    "第三条 子丑寅卯辰巳午未申酉。\n\n第四条 依照第三条、第一条办理。\n\n"
    "第五条 参照本条例第三条至第四条执行。\n"
)
# 第一条 inserted, nothing else touched: every later number moved by one
NEW = (
    "# 示例条例\n\n第一条 新增的甲乙丙丁戊己庚辛壬癸。\n\n第二条 甲乙丙丁戊己庚辛壬癸。\n\n"
    "第三条 违反本条例第一条规定的，责令改正。\n\n第四条 子丑寅卯辰巳午未申酉。\n\n"
    "第五条 依照第三条、第一条办理。\n\n第六条 参照本条例第三条至第四条执行。\n"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- the command


def test_refs_stale_prints_each_reference_with_what_it_should_say(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.md", OLD), write(tmp_path, "new.md", NEW)
    code, out, err = run("refs", "--stale", old, new)
    assert code == 1
    assert out.splitlines() == [
        "第三条第一款\t本条例第一条\tinternal\t-> 第一条\tSTALE (本条例第二条)",
        "第五条第一款\t第三条、第一条\tabsolute\t-> 第三条、第一条\tSTALE (第四条、第二条)",
        "第六条第一款\t本条例第三条至第四条\tinternal\t-> 第三条至第四条\tSTALE (本条例第四条至第五条)",
    ]  # where it stands in NEW, as written, its kind, its targets in OLD, what it should say
    assert err == "3 stale references, 0 to deleted units\n"


def test_refs_stale_names_the_targets_that_are_gone(tmp_path: Path) -> None:
    old = write(tmp_path, "old.md", OLD)
    new = write(
        tmp_path,
        "new.md",
        "# 示例条例\n\n第一条 子丑寅卯辰巳午未申酉。\n\n第二条 违反本条例第一条规定的，责令改正。\n\n"
        "第三条 依照第三条、第一条办理。\n",
    )  # old 第一条 deleted, 第三条 moved up to 第一条, 第二条 kept its number and its text
    code, out, err = run("refs", "--stale", old, new)
    assert code == 1
    assert out.splitlines() == [
        "第二条第一款\t本条例第一条\tinternal\t-> 第一条\tSTALE (deleted: 第一条)",
        "第三条第一款\t第三条、第一条\tabsolute\t-> 第三条、第一条\tSTALE (deleted: 第一条)",
    ]
    assert err == "2 stale references, 2 to deleted units\n"


def test_refs_stale_exits_0_when_nothing_is_stale(tmp_path: Path) -> None:
    old = write(tmp_path, "old.md", OLD)
    updated = NEW.replace("违反本条例第一条", "违反本条例第二条").replace(
        "依照第三条、第一条", "依照第四条、第二条"
    )
    new = write(tmp_path, "new.md", updated.replace("本条例第三条至第四条", "本条例第四条至第五条"))
    assert run("refs", "--stale", old, new) == (0, "", "0 stale references, 0 to deleted units\n")
    assert run("refs", "--stale", old, old)[0] == 0


def test_refs_stale_usage_and_input_errors(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.md", OLD), write(tmp_path, "new.md", NEW)
    for extra in (["--file", old], ["--dangling"]):
        code, out, err = run("refs", "--stale", old, new, *extra)
        assert (code, out) == (2, "")
        assert (
            err == "wuxi-dt refs: --stale compares OLD and NEW; it takes no --file or --dangling\n"
        )
    assert run("refs", "--stale", old)[0] == 2  # argparse: --stale takes two paths
    missing = str(tmp_path / "missing.md")
    assert run("refs", "--stale", old, missing) == (
        1,
        "",
        f"{missing}: error: No such file or directory\n",
    )


def test_refs_stale_reports_parse_warnings_of_both_files(tmp_path: Path) -> None:
    old = write(tmp_path, "old.md", OLD.replace("第五条", "第六条"))  # a number skipped
    new = write(tmp_path, "new.md", NEW)
    code, _, err = run("refs", "--stale", old, new)
    assert code == 1 and err.startswith(
        f"{old}:11:1: warning: expected 第五条, found 第六条 [skipped-number]\n"
    )
    assert run("refs", "--stale", old, new, "-q")[2].startswith("3 stale references")
    assert run("refs", "--stale", old, new, "--strict")[0] == 1


# --------------------------------------------------------------------------- stale_references


def test_a_bare_item_of_another_paragraph_does_not_go_stale_with_its_article() -> None:
    """公司法 2018 第一百四十二条第三款 says 属于第（一）项情形的, meaning the 项 of 第一款: when the
    article is renumbered, that 项 is still 第（一）项 of the article the 款 stands in."""
    old = wdr.parse(
        "# 示例法\n\n第一条 甲。\n\n第二条 有下列情形之一的，可以收购：\n\n（一）减少注册资本；\n\n"
        "（二）合并。\n\n依照本条规定收购的，应当决议。\n\n属于第（一）项情形的，应当注销；属于第（二）项"
        "情形的，应当转让。\n"
    )
    new = _renumbered(old, "第一条 新增。")
    d = wdr.diff(old, new)
    assert d.number_map["第二条"] == "第三条"
    assert d.stale_references() == ()


def test_a_heading_cited_without_its_part_follows_its_part() -> None:
    """刑法 第十二条 cites 本法总则第四章第八节 (时效): the 章 is cited without the 编 that holds
    it, and after a renumbering it is neither deleted nor stale."""
    old = wdr.parse(
        "# 示例法\n\n第一编 总则\n\n第一章 一般规定\n\n第一条 依照本法第二章第二节的规定追诉。\n\n"
        "第二章 时效\n\n第一节 期限\n\n第二条 甲。\n\n第二节 计算\n\n第三条 乙。\n\n"
        "第二编 分则\n\n第一章 罪\n\n第四条 丙。\n"
    )
    new = _renumbered(old, "第一条 新增。")
    d = wdr.diff(old, new)
    assert d.follow(Citation(chapter=2, section=2)) == (Citation(chapter=2, section=2),)
    assert d.follow(Citation(part=1, chapter=2, section=2)) == (
        Citation(part=1, chapter=2, section=2),
    )
    assert d.stale_references() == ()


def _renumbered(old: Regulation, first: str) -> Regulation:
    """*old* with an article put first (inside its first chapter, if any) and every article
    renumbered after it, nothing else changed: what a decision ``增加一条，作为第一条`` makes."""
    decision = (
        f"# 关于修改《{old.title}》的决定\n\n<!-- INFO END -->\n\n"
        f"一、增加一条，作为第一条：“{first.split(' ', 1)[1]}”\n\n此外，对条文顺序作相应调整。\n"
    )
    return wdr.parse_amendment(decision).apply(old)


# --------------------------------------------------------------------------- against apply()


def _units(regulation: Regulation) -> list[wdr.Paragraph | wdr.Item | wdr.SubItem]:
    """Every 款, 项 and 目, in document order."""
    out: list[wdr.Paragraph | wdr.Item | wdr.SubItem] = []
    for article in regulation.articles:
        for paragraph in article.paragraphs:
            out.append(paragraph)
            for item in paragraph.items:
                out.extend((item, *item.subitems))
    return out


def _corpus_texts() -> list[Path]:
    national = [CORPUS / "national" / "刑法.md", CORPUS / "national" / "数据安全法(2021-06-10).md"]
    return [*sorted((CORPUS / "versions").glob("*/*.md")), *national]


def _most_cited_by_paragraph(regulation: Regulation) -> wdr.Article:
    """The article whose 款 the regulation's own references name most often."""
    counts: dict[tuple[int, int], int] = {}
    for ref in regulation.references():
        for target in ref.targets:
            if target.paragraph is not None and target.article is not None:
                key = (target.article, target.suffix)
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return regulation.articles[0]
    return regulation.article(max(counts, key=lambda k: (counts[k], -k[0], -k[1])))


@pytest.mark.parametrize("where", ["article", "paragraph"])
@pytest.mark.parametrize("path", _corpus_texts(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_stale_references_are_what_update_references_rewrites(path: Path, where: str) -> None:
    """A decision that puts an article second and renumbers, or a 款 first in the article whose
    款 are cited most: the references the plain result leaves stale, each rewritten as
    stale_references says, make exactly the text that ``apply(update_references=True)``
    writes; and that text leaves nothing stale."""
    base = wdr.parse(path.read_text(encoding="utf-8"))
    if where == "article":
        clause = "增加一条，作为第二条：“新增的一条规定。”\n\n此外，对条文顺序作相应调整。"
    else:
        clause = (
            f"在{_most_cited_by_paragraph(base).label}中增加一款，作为第一款：“新增的一款规定。”"
        )
    decision = wdr.parse_amendment(
        f"# 关于修改《{base.title}》的决定\n\n<!-- INFO END -->\n\n一、{clause}\n"
    )
    plain = decision.apply(base)
    updated = decision.apply(base, update_references=True)
    stale = wdr.diff(base, plain).stale_references()
    by_unit: dict[Citation, list[wdr.StaleReference]] = {}
    for ref in stale:
        by_unit.setdefault(ref.at, []).append(ref)
    rewritten = {}
    for at, refs in by_unit.items():
        text = plain.resolve(at).text  # type: ignore[union-attr]
        for ref in sorted(refs, key=lambda r: -r.match.start):
            assert ref.replacement is not None, (str(at), ref.match.text)
            text = text[: ref.match.start] + ref.replacement + text[ref.match.end :]
        rewritten[at] = text
    changed = {
        unit.citation: new.text
        for unit, new in zip(_units(plain), _units(updated), strict=True)
        if unit.text != new.text
    }
    assert rewritten == changed
    assert wdr.diff(base, updated).stale_references() == ()


def test_a_previous_paragraph_with_another_one_before_it_is_stale() -> None:
    """前款 in a 款 that did not change names the 款 just before it: with a 款 inserted between,
    that is another one; stale_references says what it named, by number."""
    old = wdr.parse(
        "# 示例条例\n\n第一条 甲。\n\n犯前款罪的，依照前款处罚。\n\n第二条 依照前条。\n"
    )
    new = wdr.parse(
        "# 示例条例\n\n第一条 甲。\n\n新。\n\n犯前款罪的，依照前款处罚。\n\n第二条 依照前条。\n"
    )
    found = wdr.diff(old, new).stale_references()
    assert [(str(s.at), str(s.old_at), s.match.text, s.replacement) for s in found] == [
        ("第一条第三款", "第一条第二款", "前款", "第一款"),
        ("第一条第三款", "第一条第二款", "前款", "第一款"),
    ]
    assert found[0].text == "犯第一款罪的，依照前款处罚。"
    assert [str(c) for c in found[0].new.items] == ["第一条第一款"]  # type: ignore[union-attr]


def test_a_range_loses_the_units_deleted_from_it() -> None:
    old = wdr.parse(
        "# 示例条例\n\n第一条 甲一二三四五六七八九十。\n\n第二条 乙一二三四五六七八九十。\n\n"
        "第三条 丙一二三四五六七八九十。\n\n第四条 依照本条例第一条至第三条，参照第二条。\n"
    )
    new = wdr.parse(
        "# 示例条例\n\n第一条 甲一二三四五六七八九十。\n\n第二条 丙一二三四五六七八九十。\n\n"
        "第三条 依照本条例第一条至第三条，参照第二条。\n"
    )
    found = wdr.diff(old, new).stale_references()
    assert [(s.match.text, s.replacement) for s in found] == [
        ("本条例第一条至第三条", "本条例第一条至第二条"),
        ("第二条", None),  # its one target is gone: a drafter decides
    ]
    assert found[1].new is None and found[1].text is None


def test_a_previous_paragraph_that_was_deleted_leaves_the_reference_to_a_drafter() -> None:
    old = wdr.parse("# 示例条例\n\n第一条 甲一二三四五六七八九十。\n\n犯前款罪的，依照前款处罚。\n")
    new = wdr.parse("# 示例条例\n\n第一条 犯前款罪的，依照前款处罚。\n")
    found = wdr.diff(old, new).stale_references()
    assert [(str(s.at), str(s.old_at), s.match.text, s.new, s.replacement) for s in found] == [
        ("第一条第一款", "第一条第二款", "前款", None, None),
        ("第一条第一款", "第一条第二款", "前款", None, None),
    ]
