"""The command line pinned to exact output (issue 14: each test here fails under a mutant the
rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import io
import sys
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
    assert main(["export", "--format", "akn", "r0.md", "r1.md", "-o", "out"]) == 0
    pad = " " * 35  # the name is padded to 40 characters
    assert terminal.getvalue() == (
        f"\r[{'-' * 30}] 0/2 r0.md{pad}\r\x1b[K"
        f"\r[{'#' * 15}{'-' * 15}] 1/2 r0.md{pad}"
        f"\r[{'#' * 15}{'-' * 15}] 1/2 r1.md{pad}\r\x1b[K"
        f"\r[{'#' * 30}] 2/2 r1.md{pad}\n"
    )
    assert sorted(p.name for p in Path("out").iterdir()) == ["r0.xml", "r1.xml"]
