"""``wuxi-dt amend`` and ``wuxi-dt diff --format decision``."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main

AMEND = Path(__file__).parent / "amend"
OLD = "# 示例条例\n\n第一条 甲。\n\n第二条 依照本条例第三条。\n\n第三条 丙。\n"
NEW = "# 示例条例\n\n第一条 新。\n\n第二条 甲。\n\n第三条 依照本条例第三条。\n\n第四条 丙。\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_amend_the_bundled_regulation(tmp_path: Path) -> None:
    decision = AMEND / "wuxi_decision.md"
    expected = wdr.render(
        wdr.parse_amendment(decision.read_text(encoding="utf-8")).apply(wdr.load())
    )
    assert run("amend", str(decision)) == (0, expected, "")
    target = tmp_path / "out.md"
    target.write_text("old contents", encoding="utf-8")
    assert run("amend", str(decision), "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temporary file left


def test_amend_a_file_with_references_updated(tmp_path: Path) -> None:
    base = tmp_path / "base.md"
    base.write_text(OLD, encoding="utf-8")
    decision = tmp_path / "决定.md"
    decision.write_text(
        "# 关于修改《示例条例》的决定\n\n<!-- INFO END -->\n\n一、增加一条，作为第一条：“新。”\n\n"
        "此外，对条文顺序作相应调整。\n",
        encoding="utf-8",
    )
    code, out, err = run("amend", str(decision), "--file", str(base), "--update-references")
    assert (code, err) == (0, "")
    assert wdr.parse(out).article(3).text == "依照本条例第四条。"
    code, out, _ = run("amend", str(decision), "--file", str(base))
    assert wdr.parse(out).article(3).text == "依照本条例第三条。"


def test_amend_errors_name_the_instruction(tmp_path: Path) -> None:
    decision = tmp_path / "决定.md"
    decision.write_text(
        "# 关于修改《无锡市数字化转型促进条例》的决定\n\n一、删去第九十条。\n", encoding="utf-8"
    )
    code, out, err = run("amend", str(decision))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{decision}:3:3: error: 《无锡市数字化转型促进条例》 has no 第九十条",
        "    删去第九十条",
        "    ^",
    ]
    decision.write_text("# 关于修改《示例条例》的决定\n\n一、把第三条挪一挪。\n", encoding="utf-8")
    code, _, err = run("amend", str(decision))
    assert code == 1 and err.startswith(f"{decision}:3:3: error: cannot read the instruction")
    wrong = tmp_path / "乙.md"
    wrong.write_text("# 关于修改《乙条例》的决定\n\n一、删去第一条。\n", encoding="utf-8")
    code, _, err = run("amend", str(wrong))
    assert code == 1 and "not 《无锡市数字化转型促进条例》" in err


def test_amend_reports_tolerated_defects(tmp_path: Path) -> None:
    decision = tmp_path / "决定.md"
    decision.write_text(
        "# 关于修改《无锡市数字化转型促进条例》的决定\n\n一、将第一条修改为:“为了示例，制定本条例。”\n",
        encoding="utf-8",
    )
    code, out, err = run("amend", str(decision))
    assert code == 0 and wdr.parse(out).article(1).text == "为了示例，制定本条例。"
    assert err == f"{decision}:3:10: warning: ASCII ':' for '：' [ascii-colon]\n"
    assert run("amend", str(decision), "-q")[2] == ""


def test_diff_writes_a_decision_that_amend_applies(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    d = wdr.diff(wdr.parse(OLD), wdr.parse(NEW))
    assert run("diff", str(old), str(new), "--format", "decision") == (0, d.to_amendment(), "")
    decision = tmp_path / "decision.md"
    assert run("diff", str(old), str(new), "--format", "decision", "-o", str(decision))[0] == 0
    code, out, _ = run("amend", str(decision), "--file", str(old))
    assert code == 0 and [a.text for a in wdr.parse(out).articles] == [
        a.text for a in wdr.parse(NEW).articles
    ]


@pytest.mark.parametrize("extra", [[], ["-o", "x.md"]])
def test_diff_decision_refuses_what_no_instruction_expresses(
    tmp_path: Path, extra: list[str]
) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# 示例条例\n\n第一条 甲。\n", encoding="utf-8")
    new.write_text("# 示例条例\n\n第一条 甲。\n\n第五条 乙。\n\n第三条 丙。\n", encoding="utf-8")
    out = [str(tmp_path / e) if e.endswith(".md") else e for e in extra]
    code, stdout, err = run("diff", str(old), str(new), "--format", "decision", "-q", *out)
    assert (code, stdout) == (1, "")
    assert err.startswith("wuxi-dt: error: the new version numbers its articles neither")
    assert not (tmp_path / "x.md").exists()
