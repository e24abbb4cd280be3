"""Batches, atomic writes and interruptions of ``wuxi-dt export`` (issue 12 item 6, issue 13 -j).

The rules: every file is written whole or left as it was; a file of a batch that fails to read
is reported and the others are written (exit 1); Ctrl-C ends with exit 130 and one line; ``-j N``
gives exactly what one process gives, messages in the same order.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main
from wuxi_dt_regulation._cli import batch
from wuxi_dt_regulation._interchange import atomic

from .conftest import CORPUS, ROOT

SOURCES = sorted((CORPUS / "local").glob("*.md"))[:6]


def _broken(tmp_path: Path) -> Path:
    bad = tmp_path / "坏.md"
    bad.write_bytes("# 坏\n\n第一条 甲".encode() + b"\xff\xfe\n")
    return bad


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# ------------------------------------------------------------------------------ batches


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_several_processes_write_what_one_process_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    bad = _broken(tmp_path)
    inputs = [str(SOURCES[0]), str(bad), *map(str, SOURCES[1:])]
    assert main(["export", "--format", fmt, *inputs, "-o", str(tmp_path / "one")]) == 1
    serial = capsys.readouterr().err
    assert main(["export", "--format", fmt, "-j", "2", *inputs, "-o", str(tmp_path / "two")]) == 1
    assert capsys.readouterr().err == serial
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    # the broken file is reported once, at its place in the order; every other file is written
    assert serial.count("坏.md:") == 1
    assert sorted(_tree(tmp_path / "one")) == sorted(
        p.stem + {"json": ".json", "markdown": ".md"}[fmt] for p in SOURCES
    )


def test_a_file_that_fails_is_reported_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _broken(tmp_path)
    out = tmp_path / "out"
    code = main(["export", "-q", "--format", "json", str(bad), str(SOURCES[0]), "-o", str(out)])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{bad}:3:6: error: expected UTF-8 text, found the byte 0xFF; pass --encoding ENC if the "
        "file is in another encoding"
    )
    written = wdr.from_json((out / f"{SOURCES[0].stem}.json").read_bytes())
    assert written == wdr.parse_file(SOURCES[0])
    assert not (out / "坏.json").exists()


def test_collections_read_on_several_processes_hold_the_same_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = list(map(str, SOURCES))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["export", "-q", "--format", "jsonl", *inputs, "-o", str(one)]) == 0
    assert main(["export", "-q", "--format", "jsonl", "-j", "3", *inputs, "-o", str(two)]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert capsys.readouterr().err == ""


def test_jobs_count() -> None:
    assert batch.jobs_count(None) == 1
    assert batch.jobs_count(3) == 3
    assert batch.jobs_count(0) == (os.cpu_count() or 1)


@pytest.mark.parametrize("argv", [["-j", "-1"], ["--jobs=-2"]])
def test_a_negative_number_of_processes_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", *argv, *map(str, SOURCES[:2]), "-o", "x/"]) == 2
    assert capsys.readouterr().err == (
        "wuxi-dt export: -j takes a number of processes (0: every core)\n"
    )


@pytest.mark.parametrize("folder", ["out/", "existing"])
def test_a_folder_with_no_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing").mkdir()
    assert main(["export", "--format", "json", "-o", folder]) == 2
    assert capsys.readouterr().err == (
        f"wuxi-dt export: -o {folder} is a folder, which takes INPUT files; "
        "give a file name to write one regulation\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]


def test_one_input_into_a_folder_is_written_there(tmp_path: Path) -> None:
    assert main(["export", "-q", "--format", "json", str(SOURCES[0]), "-o", f"{tmp_path}/"]) == 0
    assert _tree(tmp_path) == {
        f"{SOURCES[0].stem}.json": wdr.to_json(wdr.parse_file(SOURCES[0])).encode("utf-8")
    }


# ------------------------------------------------------------------------------ atomic writes


def _full_disk(fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("fmt", ["json", "akn", "markdown", "html"])
def test_a_failed_write_leaves_the_old_file_and_names_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"good")
    monkeypatch.setattr(os, "fsync", _full_disk)
    assert main(["export", "--format", fmt, "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"{target}: error: {os.strerror(errno.ENOSPC)}\n"
    assert _tree(tmp_path) == {"out.txt": b"good"}


def test_a_failed_write_in_a_batch_names_the_target_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = atomic.write_atomically
    first = tmp_path / f"{SOURCES[0].stem}.json"

    def write(path: str, data: bytes | str) -> None:
        if Path(path) == first:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data)

    monkeypatch.setattr(atomic, "write_atomically", write)
    code = main(["export", "-q", "--format", "json", *map(str, SOURCES[:2]), "-o", str(tmp_path)])
    assert code == 1
    assert capsys.readouterr().err == f"{first}: error: {os.strerror(errno.ENOSPC)}\n"
    assert sorted(_tree(tmp_path)) == [f"{SOURCES[1].stem}.json"]


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.json"
    target.write_bytes(b"{}")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomically(target, "新")
    assert _tree(tmp_path) == {"keep.json": b"{}"}


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_bytes(b"{}")
    os.chmod(target, 0o640)
    atomic.write_atomically(target, b"[]")
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"[]", 0o640)


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "out.json"
    with pytest.raises(FileNotFoundError) as caught:
        atomic.write_atomically(missing, "x")
    assert caught.value.filename == str(missing)


# ------------------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_is_exit_130_and_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(job: batch.Job) -> batch.Outcome:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_job", interrupt)
    assert main(["export", *map(str, SOURCES[:2]), "-o", "never/"]) == 130
    assert capsys.readouterr() == ("", "wuxi-dt: interrupted\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group is POSIX")
def test_a_real_ctrl_c_stops_the_workers_and_leaves_only_whole_files(tmp_path: Path) -> None:
    """The real thing: a long batch on two processes, interrupted once it has written a file."""
    source = max(SOURCES, key=lambda p: p.stat().st_size)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in range(400):
        (inputs / f"{k:03}.md").symlink_to(source)
    out = tmp_path / "out"
    argv = ["export", "-q", "--format", "json", "-j", "2", *sorted(map(str, inputs.iterdir()))]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "wuxi_dt_regulation", *argv, "-o", str(out)],
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # a process group of its own, as a terminal would make it
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(p.suffix == ".json" for p in out.iterdir())):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.decode("utf-8")) == (130, "wuxi-dt: interrupted\n")
    written = sorted(out.iterdir())
    assert 0 < len(written) < 400
    assert [p.name for p in written if p.suffix != ".json"] == []  # no temporary file left
    expected = wdr.to_json(wdr.parse_file(source))
    assert all(p.read_text(encoding="utf-8") == expected for p in written)


def test_the_temporaries_a_killed_writer_leaves_are_removed_and_nothing_else(
    tmp_path: Path,
) -> None:
    names = [
        ".a.json.x1y2z3w4.tmp",
        ".a.json.tmp",
        "a.json",
        ".b.json.x1y2z3w4.tmp",
        ".a.json.long.name.tmp",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    removed = atomic.remove_temporaries(tmp_path / "a.json")
    assert [p.name for p in removed] == [".a.json.x1y2z3w4.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])
    assert atomic.remove_temporaries(tmp_path / "missing" / "a.json") == []
