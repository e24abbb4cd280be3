"""The command line: ``main(argv)`` for show, errors on stderr with positions, and a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wuxi_dt_regulation.__main__ import main

from .conftest import CORPUS, ROOT


def test_show_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "无锡市数字化转型促进条例"
    assert "第一章 总 则  第一条—第八条" in out
    assert "第七章 附 则  第五十五条" in out
    assert "  施行日期 2023-07-01" in out


@pytest.mark.parametrize("ref", ["35", "第三十五条", "三十五"])
def test_show_article(ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", ref]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "第三十五条"
    assert len(out) == 5


def test_show_missing_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "99"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wuxi-dt: error: 无锡市数字化转型促进条例 has no 第九十九条")


def test_show_other_file_with_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.md"
    path.write_text("# 示例\n\n第一条 甲\n\n第三条 乙\n", encoding="utf-8")
    assert main(["show", "--file", str(path), "第三条"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "第三条\n乙\n"
    assert captured.err == f"{path}:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
    assert main(["show", "-q", "--file", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_strict_error_is_file_line_col(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.md"
    path.write_text("# 示例\n\n第一条 甲\n\n第三条 乙\n", encoding="utf-8")
    assert main(["show", "--strict", "--file", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}:5:1: error: expected 第二条, found 第三条 [skipped-number]"
    assert err[1:] == ["    第三条 乙", "    ^"]


def test_not_a_regulation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"\x00\x01binary")
    assert main(["show", "--file", str(path)]) == 1
    # binary data is named as such, and its bytes are not echoed to the terminal
    assert capsys.readouterr().err == (
        f"{path}:1:1: error: expected UTF-8 text, found binary data (a NUL byte): "
        "not a Markdown regulation\n"
    )


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--file", str(tmp_path / "nope.md")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'nope.md'}: error: No such file or directory\n"


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: wuxi-dt" in capsys.readouterr().err


def test_module_runs_in_a_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wuxi_dt_regulation", "show", "55"],
        capture_output=True,
        cwd=ROOT,
        check=False,
        env={"PYTHONIOENCODING": "ascii", "LANG": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "第五十五条\n本条例自2023年7月1日起施行。\n"


def test_a_closed_pipe_is_not_an_error() -> None:
    # ``wuxi-dt show --file 刑法.md | head -1``: the reader leaves early; no traceback
    reader = subprocess.Popen(
        [sys.executable, "-m", "wuxi_dt_regulation", "show", "-q", "--file",
         str(CORPUS / "national" / "刑法.md")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()
    err = reader.stderr.read()
    reader.stderr.close()
    reader.wait(timeout=60)
    assert first.decode("utf-8") == "中华人民共和国刑法\n"
    assert b"Traceback" not in err and b"BrokenPipe" not in err
