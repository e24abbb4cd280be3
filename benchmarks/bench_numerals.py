"""``to_chinese`` / ``from_chinese`` on 1..9999 against cn2an, as ratios in one run.

Run from the repository root::

    python -m benchmarks.bench_numerals

First the answers are compared on every number from 1 to 9999: ``to_chinese(n)`` against
``cn2an.an2cn(n)``, and ``from_chinese(s)`` against ``cn2an.cn2an(s, "strict")`` (cn2an's mode
that reads exactly the canonical forms); every disagreement is printed.  The tolerant forms
(一十, 一百十, 两百) are compared with cn2an's ``"normal"`` mode, for information.

Then each direction is timed over the whole range, best of several rounds, interleaved.  The
library builds its tables on first use, so that first call is timed too, in a fresh process,
against one full cn2an pass.  Target (issue 2): at least 20x faster, same answers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cn2an  # type: ignore[import-untyped]

from wuxi_dt_regulation import from_chinese, to_chinese

ROOT = Path(__file__).resolve().parent.parent
TARGET = 20.0
NUMBERS = range(1, 10_000)
#: Tolerant spellings from_chinese accepts, and the value each must read as.
TOLERANT = {
    "一十": 10,
    "一十五": 15,
    "一百十": 110,
    "两百": 200,
    "两千零一": 2001,
    "一千一百十": 1110,
}
#: A fresh process times the first call, which builds the tables.
FIRST_CALL_CODE = """
import time
t = time.perf_counter()
from wuxi_dt_regulation import from_chinese, to_chinese
t0 = time.perf_counter()
to_chinese(1)
t1 = time.perf_counter()
from_chinese("一")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def ours_to() -> None:
    for n in NUMBERS:
        to_chinese(n)


def theirs_to() -> None:
    for n in NUMBERS:
        cn2an.an2cn(n)


def timed(func: Callable[[], None]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def check_answers() -> tuple[int, list[str]]:
    """Compare both directions on 1..9999; return the comparisons made and the disagreements."""
    problems = []
    checks = 0
    for n in NUMBERS:
        ours = to_chinese(n)
        theirs = cn2an.an2cn(n)
        checks += 2
        if ours != theirs:
            problems.append(f"to_chinese({n}) = {ours!r}, cn2an.an2cn = {theirs!r}")
        back = from_chinese(ours)
        read = cn2an.cn2an(ours, "strict")
        if back != read or back != n:
            problems.append(f"from_chinese({ours!r}) = {back}, cn2an strict = {read}, n = {n}")
    return checks, problems


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    cli.add_argument("--rounds", type=int, default=5, help="timed passes (best is kept)")
    args = cli.parse_args(argv)

    checks, problems = check_answers()
    print(f"answers: {checks} comparisons on 1..9999, {len(problems)} disagreement(s)")
    for problem in problems[:20]:
        print(f"  {problem}")
    for text, value in TOLERANT.items():
        theirs = cn2an.cn2an(text, "normal")
        mark = "same" if from_chinese(text) == value == theirs else "DIFFERENT"
        print(
            f"  tolerant {text!r}: from_chinese {from_chinese(text)}, cn2an normal {theirs}: {mark}"
        )

    texts = [to_chinese(n) for n in NUMBERS]

    def ours_from() -> None:
        for text in texts:
            from_chinese(text)

    def theirs_from() -> None:
        for text in texts:
            cn2an.cn2an(text, "strict")

    pairs = {
        "to_chinese   vs cn2an.an2cn": (ours_to, theirs_to),
        "from_chinese vs cn2an.cn2an(strict)": (ours_from, theirs_from),
    }
    best: dict[str, list[float]] = {name: [float("inf"), float("inf")] for name in pairs}
    for _ in range(args.rounds):
        for name, (ours, theirs) in pairs.items():
            best[name][0] = min(best[name][0], timed(ours))
            best[name][1] = min(best[name][1], timed(theirs))
    print(f"9999 calls each, best of {args.rounds} rounds:")
    ratios = []
    for name, (ours_s, theirs_s) in best.items():
        ratio = theirs_s / ours_s
        ratios.append(ratio)
        print(
            f"  {name:<36} ours {ours_s * 1e3:7.2f} ms, cn2an {theirs_s * 1e3:8.1f} ms: "
            f"{ratio:6.1f}x faster"
        )
    worst = min(ratios)
    verdict = "met" if worst >= TARGET and not problems else "MISSED"
    print(
        f"slowest direction: {worst:.1f}x  (target: at least {TARGET:.0f}x, same answers: {verdict})"
    )

    first = subprocess.run(
        [sys.executable, "-c", FIRST_CALL_CODE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    build_to, build_from = (float(x) for x in first)
    print(
        f"first call in a fresh process (builds the tables): to_chinese {build_to * 1e3:.2f} ms, "
        f"from_chinese {build_from * 1e3:.2f} ms"
    )
    cold = (best["to_chinese   vs cn2an.an2cn"][1]) / (
        best["to_chinese   vs cn2an.an2cn"][0] + build_to
    )
    print(f"  1..9999 to_chinese counting that first call: {cold:.1f}x faster than cn2an")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
