"""Interchange speed on the largest corpus file, as ratios to the standard library's json.

Run ``python -m benchmarks.bench_interchange [PATH]``.  The baseline is ``json.dumps`` /
``json.loads`` of the equivalent plain dict (what :func:`wuxi_dt_regulation.to_dict` returns),
measured in the same run; each figure is the best of several repeats.
"""

from __future__ import annotations

import json
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import wuxi_dt_regulation as wdr

from . import CORPUS

DEFAULT = CORPUS / "national" / "刑法.md"


def best_of(fns: dict[str, Callable[[], object]], repeat: int = 9) -> dict[str, float]:
    """The best time of one call of each function, in seconds.

    Rounds are interleaved (every function once per round) so that a busy machine slows the
    baseline and the subjects alike, and the ratios stay meaningful.
    """
    timers = {name: timeit.Timer(fn) for name, fn in fns.items()}
    numbers = {name: max(1, timer.autorange()[0] // 4) for name, timer in timers.items()}
    results = {name: float("inf") for name in fns}
    for _ in range(repeat):
        for name, timer in timers.items():
            seconds = timer.timeit(numbers[name]) / numbers[name]
            results[name] = min(results[name], seconds)
    return results


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"{path} is absent; pass a Markdown regulation", file=sys.stderr)
        return 1
    reg = wdr.parse_file(path)
    plain = wdr.to_dict(reg)
    text = wdr.to_json(reg)
    xml = wdr.to_akn(reg)
    # warm up: the converter is built on first use, which is not what is measured here
    wdr.from_json(text)
    wdr.from_akn(xml)

    t = best_of(
        {
            "json.dumps": lambda: json.dumps(plain, ensure_ascii=False, indent=2),
            "json.loads": lambda: json.loads(text),
            "to_json": lambda: wdr.to_json(reg),
            "from_json": lambda: wdr.from_json(text),
            "to_akn": lambda: wdr.to_akn(reg),
            "from_akn": lambda: wdr.from_akn(xml),
        }
    )
    figures = [
        ("to_json", "json.dumps"),
        ("from_json", "json.loads"),
        ("to_akn", "json.dumps"),
        ("from_akn", "json.loads"),
    ]
    print(f"{path.name}: {len(reg.articles)} articles, JSON {len(text.encode()):,} bytes, "
          f"Akoma Ntoso {len(xml.encode()):,} bytes")  # fmt: skip
    for name, base in figures:
        print(f"  {name:<10} {t[name] / t[base]:6.1f} x {base} of the plain dict")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
