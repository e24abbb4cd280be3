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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "national" / "刑法.md"


def best(fn: Callable[[], object], repeat: int = 7) -> float:
    """The best time of one call, in seconds, over *repeat* rounds of a few calls each."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


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

    dumps = best(lambda: json.dumps(plain, ensure_ascii=False, indent=2))
    loads = best(lambda: json.loads(text))
    figures = [
        ("to_json", best(lambda: wdr.to_json(reg)), "json.dumps", dumps),
        ("from_json", best(lambda: wdr.from_json(text)), "json.loads", loads),
        ("to_akn", best(lambda: wdr.to_akn(reg)), "json.dumps", dumps),
        ("from_akn", best(lambda: wdr.from_akn(xml)), "json.loads", loads),
    ]
    print(f"{path.name}: {len(reg.articles)} articles, JSON {len(text.encode()):,} bytes, "
          f"Akoma Ntoso {len(xml.encode()):,} bytes")  # fmt: skip
    for name, seconds, base_name, base in figures:
        print(f"  {name:<10} {seconds / base:6.1f} x {base_name} of the plain dict")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
