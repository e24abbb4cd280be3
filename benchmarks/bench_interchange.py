"""Interchange speed, as ratios: reading against parsing over the corpus, and against json.

Run ``python -m benchmarks.bench_interchange [PATH]``.  First, over every file of
``tests/corpus`` (issue 13's targets): ``from_json`` of each document against ``parse`` of its
Markdown (target: at least 3x faster) and ``from_akn`` against ``parse`` (target: not slower;
its tree walk alone is printed too), all interleaved round by round, the best round of each kept.  Then, on one file (the
largest, 刑法.md, unless PATH is given), each operation against the standard library:
``json.dumps`` / ``json.loads`` of the equivalent plain dict (what
:func:`wuxi_dt_regulation.to_dict` returns), measured in the same run, best of several repeats.
"""

from __future__ import annotations

import json
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation._interchange.akn_read import read_tree, refuse_dtd

from . import CORPUS, corpus_files

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


FROM_JSON_TARGET = 3.0  # from_json at least this many times faster than parse
FROM_AKN_TARGET = 1.0  # from_akn at least as fast as parse


def akn_walk(xml: str) -> object:
    """``from_akn`` by the strict tree walk alone: what it did before its fast path."""
    refuse_dtd(xml)
    return read_tree(xml)


def corpus_ratios(rounds: int = 7) -> int:
    """Print issue 13's two reading targets over the corpus; return 1 if there is no corpus."""
    files = corpus_files()
    if not files:
        print(f"no corpus at {CORPUS}: nothing to measure")
        return 1
    texts = [p.read_text(encoding="utf-8-sig") for p in files]
    regs = [wdr.parse(text) for text in texts]
    jsons = [wdr.to_json(reg) for reg in regs]
    xmls = [wdr.to_akn(reg) for reg in regs]
    jobs: dict[str, tuple[Callable[[str], object], list[str]]] = {
        "parse": (wdr.parse, texts),
        "from_json": (wdr.from_json, jsons),
        "from_akn": (wdr.from_akn, xmls),
        "akn walk": (akn_walk, xmls),
    }
    for func, inputs in jobs.values():  # warm up: converters, regex caches, lazy imports
        for one in inputs:
            func(one)
    best = {name: float("inf") for name in jobs}
    spread: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, (func, inputs) in jobs.items():
            start = time.perf_counter()
            for one in inputs:
                func(one)
            seconds = time.perf_counter() - start
            spread[name].append(seconds)
            best[name] = min(best[name], seconds)
    print(f"corpus: {len(files)} files, best of {rounds} interleaved rounds (worst round in ())")
    for name in jobs:
        print(f"  {name:<10} {best[name] * 1e3:8.1f} ms  ({max(spread[name]) * 1e3:.1f} ms)")
    fast = best["parse"] / best["from_json"]
    verdict = "met" if fast >= FROM_JSON_TARGET else "MISSED"
    print(
        f"from_json: {fast:.2f}x faster than parse  (target: >= {FROM_JSON_TARGET:.0f}x: {verdict})"
    )
    akn = best["parse"] / best["from_akn"]
    verdict = "met" if akn >= FROM_AKN_TARGET else "MISSED"
    print(f"from_akn: {akn:.2f}x the speed of parse  (target: not slower, >= 1x: {verdict})")
    walk = best["parse"] / best["akn walk"]
    print(f"  (its tree walk alone, which reads what the fast path declines: {walk:.2f}x)")
    return 0


def main(argv: list[str]) -> int:
    if corpus_ratios():
        return 1
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
