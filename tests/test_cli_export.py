"""``wuxi-dt export`` and ``wuxi-dt import`` through ``main(argv)``, and one real subprocess."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main

from .conftest import CORPUS, ROOT


def _seed_md(tmp_path: Path) -> Path:
    path = tmp_path / "seed.md"
    path.write_text(wdr.seed_text(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("json", wdr.to_json), ("akn", wdr.to_akn), ("markdown", wdr.render)],
)
def test_export_the_bundled_regulation_to_stdout(
    capsys: pytest.CaptureFixture[str], fmt: str, expected: Callable[[wdr.Regulation], str]
) -> None:
    assert main(["export", "--format", fmt]) == 0
    assert capsys.readouterr().out == expected(wdr.load())


def test_export_file_to_output(tmp_path: Path) -> None:
    out = tmp_path / "seed.xml"
    assert (
        main(["export", "--format", "akn", "--file", str(_seed_md(tmp_path)), "-o", str(out)]) == 0
    )
    assert wdr.from_akn(out.read_bytes()) == wdr.load()
    # one positional input behaves as --file
    out2 = tmp_path / "seed.json"
    assert main(["export", str(_seed_md(tmp_path)), "-o", str(out2)]) == 0
    assert out2.read_bytes() == wdr.to_json(wdr.load()).encode("utf-8")


def _sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    sources = []
    for n, text in enumerate(
        ["# 甲条例\n\n第一条 甲。", "# 乙条例\n\n第一条 乙。", wdr.seed_text()]
    ):
        path = folder / f"r{n}.md"
        path.write_text(text, encoding="utf-8")
        sources.append(path)
    return sources


def test_export_many_files_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = _sources(tmp_path)
    out = tmp_path / "out"
    assert main(["export", "--format", "json", *map(str, sources), "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["r0.json", "r1.json", "r2.json"]
    for source in sources:
        target = out / (source.stem + ".json")
        assert wdr.from_json(target.read_bytes()) == wdr.parse_file(source)
    assert capsys.readouterr().err == ""  # not a terminal: no progress bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    sources = _sources(tmp_path)
    args = ["export", "--format", "akn", *map(str, sources), "-o", str(tmp_path / "out")]
    assert main(args) == 0
    shown = terminal.getvalue()
    assert "\r[" in shown and "3/3" in shown
    assert shown.endswith("\n")
    assert len(list((tmp_path / "out").glob("*.xml"))) == 3


def test_export_many_reports_bad_files_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = _sources(tmp_path)
    bad = sources[0].parent / "bad.md"
    bad.write_bytes(b"# \xff\n")
    out = tmp_path / "out"
    assert main(["export", str(bad), *map(str, sources), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1:3: error: expected UTF-8" in err
    assert len(list(out.iterdir())) == 3


def test_export_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = _sources(tmp_path)
    assert main(["export", *map(str, sources)]) == 2
    assert "several inputs need -o OUTDIR" in capsys.readouterr().err
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / "r0.md").write_text("# 丙条例\n\n第一条 丙。", encoding="utf-8")
    args = ["export", str(sources[0]), str(twin / "r0.md"), "-o", str(tmp_path / "o")]
    assert main(args) == 2
    assert "would both be written" in capsys.readouterr().err
    assert main(["export", "--format", "pdf"]) == 2


@pytest.mark.parametrize("fmt", ["json", "akn"])
def test_import_back_to_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    exported = tmp_path / "doc"
    assert main(["export", "--format", fmt, "-o", str(exported)]) == 0
    assert main(["import", str(exported)]) == 0
    assert capsys.readouterr().out == wdr.seed_text()
    out = tmp_path / "back.md"
    assert main(["import", str(exported), "-o", str(out)]) == 0
    assert out.read_bytes() == wdr.seed_text().encode("utf-8")


def test_import_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truncated = tmp_path / "t.json"
    truncated.write_text(wdr.to_json(wdr.load())[:300], encoding="utf-8")
    assert main(["import", str(truncated)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{truncated}:")
    assert "not valid JSON" in err
    neither = tmp_path / "n.txt"
    neither.write_text("# 标题", encoding="utf-8")
    assert main(["import", str(neither)]) == 1
    assert "found neither" in capsys.readouterr().err
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>', encoding="utf-8")
    assert main(["import", str(bomb)]) == 1
    assert f"{bomb}:2:1: error: refusing a document with a DTD" in capsys.readouterr().err
    wrong = tmp_path / "w.json"
    wrong.write_text('{"schema": 1, "title": 3}', encoding="utf-8")
    assert main(["import", str(wrong)]) == 1
    assert "$.title: expected a string, found the int 3" in capsys.readouterr().err


def test_real_subprocess_writes_utf8_under_a_c_locale() -> None:
    env = {
        **os.environ,
        "LANG": "C",
        "LC_ALL": "C",
        "PYTHONIOENCODING": "ascii",
        "PYTHONUTF8": "0",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "wuxi_dt_regulation", "export", "--format", "json"],
        # the checkout: where scripts/mutation.py's copy keeps mutmut's configuration, which
        # the mutated package reads in the child too
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout == wdr.to_json(wdr.load()).encode("utf-8")
    assert "无锡市数字化转型促进条例".encode() in done.stdout


def test_corpus_folder_export(tmp_path: Path) -> None:
    sources = sorted((CORPUS / "local").glob("*.md"))[:5]
    assert len(sources) == 5
    out = tmp_path / "out"
    assert main(["export", "-q", "--format", "akn", *map(str, sources), "-o", str(out)]) == 0
    for source in sources:
        assert wdr.from_akn((out / f"{source.stem}.xml").read_bytes()) == wdr.parse_file(source)
