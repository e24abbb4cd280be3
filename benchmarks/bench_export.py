"""``wuxi-dt export -j N``: how a batch speeds up with the cores it is given (issue 13).

The corpus (``tests/corpus``) is linked four times over under distinct names, so the batch has
a few hundred files of real sizes, and exported to JSON into a fresh folder with ``-j 1`` (the
baseline: one process, measured in the same run), then ``-j 2`` … ``-j k`` for every k up to
the machine's cores (at most 8).  For each k it prints the time, the speed-up t(1)/t(k) and
whether it reaches the target of 0.7·k.  The outputs of every run are checked to be
byte-identical to the baseline's.

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

#: Copies of the corpus in the batch.
COPIES = 4


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
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def main(argv: list[str]) -> int:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    files = corpus_files()
    if not files:
        print(f"no regulation under {CORPUS}", file=sys.stderr)
        return 1
    cores = min(os.cpu_count() or 1, 8)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        links = root / "in"
        links.mkdir()
        for copy in range(COPIES):
            for n, path in enumerate(files):
                (links / f"{copy}-{n:03}-{path.stem}.md").symlink_to(path.resolve())
        inputs = sorted(map(str, links.iterdir()))
        size = sum(p.stat().st_size for p in files) * COPIES
        print(f"batch: {len(inputs)} files, {size / 1e6:.1f} MB; {cores} cores; best of {rounds}")
        times: dict[int, float] = {}
        reference: dict[str, bytes] | None = None
        for jobs in range(1, cores + 1):
            best = float("inf")
            for r in range(rounds):
                out = root / f"out-{jobs}-{r}"
                best = min(best, _export(inputs, jobs, out))
                tree = _tree(out)
                reference = reference if reference is not None else tree
                if tree != reference:
                    raise SystemExit(f"export -j {jobs} wrote other files than -j 1")
            times[jobs] = best
        base = times[1]
        print(f"-j 1: {base:.2f} s ({size / 1e6 / base:.1f} MB/s)  baseline")
        for jobs in range(2, cores + 1):
            speedup = base / times[jobs]
            verdict = "met" if speedup >= 0.7 * jobs else "MISSED"
            print(
                f"-j {jobs}: {times[jobs]:.2f} s  speed-up {speedup:.2f}x "
                f"(target >= {0.7 * jobs:.1f}x: {verdict})"
            )
        if cores == 1:
            print("one core: no speed-up to measure")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
