"""Cold start: import the package and look up an article, as a ratio against ``import attrs``.

Run from the repository root::

    python -m benchmarks.bench_import              # the figures
    python -m benchmarks.bench_import --runs 60    # more repetitions

Each figure is the median wall time of a fresh ``python -c`` process (``subprocess``), the two
commands interleaved so that the machine's drift hits both alike; one untimed run of each first
writes the byte-code caches.  A bare ``python -c pass`` is timed too, to show the interpreter's own
start-up share.  The second part runs ``python -X importtime`` and lists the modules that cost
the most among those ``import attrs`` does not load, and times ``import``, ``load()`` and
``article(35)`` inside one process, to show where the time goes.

Target (issue 13): within 1.2x of ``import attrs`` (issue 2 asked for 1.3x).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2

PACKAGE_CODE = "import wuxi_dt_regulation as w; w.load().article(35)"
ATTRS_CODE = "import attrs"
BARE_CODE = "pass"
#: Run inside one process: the split of the package's cold cost into its three steps.
SPLIT_CODE = """
import time
t0 = time.perf_counter()
import wuxi_dt_regulation as w
t1 = time.perf_counter()
reg = w.load()
t2 = time.perf_counter()
reg.article(35)
t3 = time.perf_counter()
print(w.__file__)
print(t1 - t0, t2 - t1, t3 - t2)
"""


def environment() -> dict[str, str]:
    """The child's environment: this worktree first on the path, no user site, no bytecode off."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def run(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        check=True,
    )


def wall(code: str) -> float:
    """Seconds for one fresh interpreter to run *code*."""
    start = time.perf_counter()
    run(code)
    return time.perf_counter() - start


def importtime(code: str) -> list[tuple[int, int, str]]:
    """``(self_us, cumulative_us, module)`` for every import ``-X importtime`` reports."""
    rows = []
    for line in run(code, "-X", "importtime").stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|")
        rows.append((int(self_us), int(cumulative), name.rstrip()))
    return rows


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    cli.add_argument("--runs", type=int, default=40, help="timed runs of each command")
    cli.add_argument("--top", type=int, default=12, help="modules listed from -X importtime")
    args = cli.parse_args(argv)

    codes = {"package": PACKAGE_CODE, "attrs": ATTRS_CODE, "bare": BARE_CODE}
    for code in codes.values():  # write the byte-code caches; not timed
        run(code)
    times: dict[str, list[float]] = {name: [] for name in codes}
    for i in range(args.runs):
        order = list(codes.items())
        if i % 2:
            order.reverse()
        for name, code in order:
            times[name].append(wall(code))
    median = {name: statistics.median(values) for name, values in times.items()}
    low = {name: min(values) for name, values in times.items()}

    print(f"{args.runs} cold runs of each, interleaved; median (best) wall time")
    print(f"  python -c {BARE_CODE!r:<58} {median['bare'] * 1e3:7.1f} ms ({low['bare'] * 1e3:.1f})")
    print(
        f"  python -c {ATTRS_CODE!r:<58} {median['attrs'] * 1e3:7.1f} ms ({low['attrs'] * 1e3:.1f})"
    )
    print(
        f"  python -c {PACKAGE_CODE!r:<58} "
        f"{median['package'] * 1e3:7.1f} ms ({low['package'] * 1e3:.1f})"
    )
    ratio = median["package"] / median["attrs"]
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"package / attrs: {ratio:.2f}x median, {low['package'] / low['attrs']:.2f}x best")
    print(f"  (target: within {TARGET}x: {verdict})")
    over_attrs = median["package"] - median["attrs"]
    attrs_own = median["attrs"] - median["bare"]
    print(
        f"above a bare interpreter: attrs {attrs_own * 1e3:.1f} ms, "
        f"package {(median['package'] - median['bare']) * 1e3:.1f} ms "
        f"(the package costs {over_attrs * 1e3:.1f} ms more than attrs)"
    )

    splits = [run(SPLIT_CODE).stdout.split("\n") for _ in range(max(5, args.runs // 4))]
    where = splits[0][0]
    steps = [[float(x) for x in lines[1].split()] for lines in splits]
    step_median = [statistics.median(column) for column in zip(*steps, strict=True)]
    print(f"inside one process (median of {len(steps)}; imported from {where}):")
    for label, value in zip(("import", "load()", "article(35)"), step_median, strict=True):
        print(f"  {label:<12} {value * 1e3:7.2f} ms")

    rows = importtime(PACKAGE_CODE)
    baseline = {name.strip() for _, _, name in importtime(ATTRS_CODE)}
    ours = [row for row in rows if row[2].strip().startswith("wuxi_dt_regulation")]
    total = max((row[1] for row in ours), default=0)
    added = [row for row in rows if row[2].strip() not in baseline]
    print(
        f"python -X importtime: wuxi_dt_regulation cumulative {total / 1e3:.1f} ms; "
        f"{len(added)} modules beyond those 'import attrs' loads, "
        f"{sum(row[0] for row in added) / 1e3:.1f} ms of own time"
    )
    print(f"  top {args.top} of them by own time (us self | us cumulative | module):")
    for self_us, cumulative, name in sorted(added, reverse=True)[: args.top]:
        print(f"  {self_us:8d} | {cumulative:8d} | {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
