"""``wuxi-dt export -j N``: how a batch speeds up with the cores it is given (issue 13).

The corpus (``tests/corpus``) is linked over and over under distinct names until the batch
holds at least 50 MB (``--mb N``), so it has thousands of files of real sizes, and is exported
to JSON into a fresh folder with ``-j 1`` (the baseline: one process, measured in the same
run), then with ``-j 2``, ``-j 4`` and ``-j k`` for the machine's k cores (at most 8).  For
each it prints the time, the speed-up t(1)/t(k) and, where the machine has that many cores,
whether it reaches the target of 0.7·k (more processes than cores are shown, with no target).
The outputs of every run are checked to be byte-identical to the baseline's.

Run ``python -m benchmarks.bench_export`` (``--rounds N``: best of N, default 3).  A machine
busy with other work cannot show the speed-up its cores would give: run it on a quiet one.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from wuxi_dt_regulation.__main__ import main as cli

from . import CORPUS, corpus_files

#: The least size of the batch, in MB (``--mb``).
MEGABYTES = 50


def _export(inputs: list[str], jobs: int, out: Path) -> float:
    argv = ["export", "-q", "--format", "json", "-j", str(jobs), *inputs, "-o", str(out)]
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        status = cli(argv)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"export -j {jobs} failed with status {status}")
    return elapsed


def _tree(folder: Path) -> dict[str, bytes]:
    """Each written file's name and digest (the bytes of 50 MB of JSON are not kept)."""
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).digest() for p in folder.iterdir()}


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    rounds = _option(argv, "--rounds", 3)
    megabytes = _option(argv, "--mb", MEGABYTES)
    files = corpus_files()
    if not files:
        print(f"no regulation under {CORPUS}", file=sys.stderr)
        return 1
    cores = min(os.cpu_count() or 1, 8)
    settings = sorted({1, 2, 4, cores})
    one = sum(p.stat().st_size for p in files)
    copies = max(1, -(-megabytes * 1_000_000 // one))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        links = root / "in"
        links.mkdir()
        for copy in range(copies):
            for n, path in enumerate(files):
                (links / f"{copy:03}-{n:03}-{path.stem}.md").symlink_to(path.resolve())
        inputs = sorted(map(str, links.iterdir()))
        size = one * copies
        print(
            f"batch: {len(inputs)} files ({copies} copies of the corpus), {size / 1e6:.1f} MB; "
            f"{cores} cores; best of {rounds}"
        )
        times: dict[int, float] = {}
        reference: dict[str, bytes] | None = None
        for jobs in settings:
            best = float("inf")
            for r in range(rounds):
                out = root / f"out-{jobs}-{r}"
                best = min(best, _export(inputs, jobs, out))
                tree = _tree(out)
                reference = reference if reference is not None else tree
                if tree != reference:
                    raise SystemExit(f"export -j {jobs} wrote other files than -j 1")
                for written in out.iterdir():  # keep the scratch folder small
                    written.unlink()
            times[jobs] = best
        base = times[1]
        print(f"-j 1: {base:.2f} s ({size / 1e6 / base:.1f} MB/s)  baseline")
        for jobs in settings[1:]:
            speedup = base / times[jobs]
            if jobs <= cores:
                verdict = "met" if speedup >= 0.7 * jobs else "MISSED"
                target = f"(target >= {0.7 * jobs:.1f}x: {verdict})"
            else:
                target = f"(more processes than the {cores} cores: no target)"
            print(f"-j {jobs}: {times[jobs]:.2f} s  speed-up {speedup:.2f}x {target}")
        if cores == 1:
            print("one core: no speed-up to measure")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
