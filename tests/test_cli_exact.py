"""The command line pinned to exact output (issue 14: each test here fails under a mutant the
rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from wuxi_dt_regulation.__main__ import main


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch: pytest.MonkeyPatch, folder: Path) -> _Terminal:
    """stderr as a terminal (set in the test itself: pytest's capture resets it after the
    fixtures), in *folder* holding r0.md and r1.md."""
    monkeypatch.chdir(folder)
    for n, text in enumerate(["# 甲条例\n\n第一条 甲。", "# 乙条例\n\n第一条 乙。"]):
        Path(f"r{n}.md").write_text(text, encoding="utf-8")
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    return stderr


@pytest.mark.parametrize("fmt", ["akn", "json", "markdown", "sqlite", "jsonl", "html"])
def test_no_progress_bar_for_a_single_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    terminal = _terminal(monkeypatch, tmp_path)
    output = "out/" if fmt not in ("sqlite", "jsonl") else f"out.{fmt}"
    assert main(["export", "--format", fmt, "r0.md", "-o", output]) == 0
    assert terminal.getvalue() == ""
    assert len(list(Path().glob("out*"))) == 1


def test_the_progress_bar_of_two_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    terminal = _terminal(monkeypatch, tmp_path)
    Path("r1.md").write_text(
        "# 乙条例\n\n第一条 乙。\n\n第三条 丙。", encoding="utf-8"
    )  # a warning
    assert main(["export", "--format", "akn", "r0.md", "r1.md", "-o", "out"]) == 0
    pad = " " * 35  # the name is padded to 40 characters
    # redrawn as each file is done (the files may be read on several processes), in their order
    assert terminal.getvalue() == (
        f"\r[{'-' * 30}] 0/2 r0.md{pad}"
        f"\r[{'#' * 15}{'-' * 15}] 1/2 r0.md{pad}"
        "\r\x1b[K"  # the bar wiped for the warning, then drawn again under it
        "r1.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
        f"\r[{'#' * 30}] 2/2 r1.md{pad}\n"
    )
    assert sorted(p.name for p in Path("out").iterdir()) == ["r0.xml", "r1.xml"]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_show_a_missing_article_says_which_exist() -> None:
    assert _run("show", "99") == (
        1,
        "",
        "wuxi-dt: error: 无锡市数字化转型促进条例 has no 第九十九条; its articles are "
        "第一条 … 第五十五条 (55 in all)\n",
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # a file that is not text: where and what, its bytes not echoed
        (["show", "--file", "x.md"],
         (1, "", "x.md:1:1: error: expected UTF-8 text, found binary data (a NUL byte): not a "
                 "Markdown regulation\n")),
        (["diff", "old.md", "bad.md"],
         (1, "", "bad.md:3:1: error: expected UTF-8 text, found the byte 0xFF; pass --encoding "
                 "ENC if the file is in another encoding\n    \ufffd\ufffd\n    ^\n")),
        (["diff", "old.md", "missing.md"],
         (1, "", "missing.md: error: No such file or directory\n")),
        (["import", "t.json"], (1, "", "t.json:17:21: error: not valid JSON: Expecting ',' delimiter\n")),
        (["cite", "第35条第9款"], (1, "", "wuxi-dt: error: 第三十五条 has 4 款; there is no 第九款\n")),
        (["search", "不存在的词"], (1, "", "wuxi-dt: no match for '不存在的词'\n")),
    ],
)  # fmt: skip
def test_errors_on_stderr_exactly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], expected: object
) -> None:
    import wuxi_dt_regulation as wdr

    monkeypatch.chdir(tmp_path)
    Path("x.md").write_bytes(b"\x00\x01binary")
    Path("bad.md").write_bytes(b"# \xe4\xbe\x8b\n\n\xff\xfe\n")
    Path("old.md").write_text("# 例\n\n第一条 甲。\n\n第二条 乙。\n", encoding="utf-8")
    Path("t.json").write_text(wdr.to_json(wdr.load())[:300], encoding="utf-8")
    assert _run(*argv) == expected


def test_diff_reports_the_warnings_of_its_inputs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old.md").write_text("# 例\n\n第一条 甲。\n\n第二条 乙。\n", encoding="utf-8")
    Path("odd.md").write_text("# 例\n\n第一条 甲。\n\n第三条 乙。\n", encoding="utf-8")
    code, out, err = _run("diff", "old.md", "odd.md")
    assert (code, err) == (
        0,
        "odd.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n",
    )
    assert out.splitlines()[-1] == "第二条 -> 第三条: renumbered"
    assert _run("diff", "old.md", "odd.md", "-q")[2] == ""


def test_refs_lists_every_reference_and_counts_them() -> None:
    code, out, err = _run("refs")
    assert (code, err) == (0, "6 references, 0 dangling\n")
    assert out == (
        "第一条第一款\t有关法律、法规\tunresolvable\t-> -\n"
        "第三十六条第一款\t国家和省有关规定\tunresolvable\t-> -\n"
        "第四十一条第二款\t国家和省有关规定\tunresolvable\t-> -\n"
        "第四十二条第一款\t国家和省有关规定\tunresolvable\t-> -\n"
        "第五十条第四款\t法律、法规\tunresolvable\t-> -\n"
        "第五十三条第一款\t法律、法规\tunresolvable\t-> -\n"
    )
