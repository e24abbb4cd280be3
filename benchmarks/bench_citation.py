"""Citation throughput, as ratios to baselines measured in the same run.

* ``find_citations`` over every paragraph of the corpus (tests/corpus), against one plain
  ``re.finditer`` of a simple 第X条 pattern over the same texts (the least any scanner must do);
* ``format_citation`` calls per second (statute and court style, with the regulation so that the
  single-款 rule is looked up), against an f-string writing the same numbers.

Run: ``python -m benchmarks.bench_citation``.  Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation._model.numerals import to_chinese

from . import corpus_files

SIMPLE_RE = re.compile(r"第[零一二三四五六七八九十百千]+条")


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of *repeat* timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in corpus_files():
        reg = wdr.parse_file(path)
        for article in reg.articles:
            for paragraph in article.paragraphs:
                texts.append(paragraph.full_text)
    return texts


def main() -> None:
    texts = corpus_texts()
    chars = sum(len(t) for t in texts)

    def scan() -> None:
        for text in texts:
            wdr.find_citations(text)

    def baseline_scan() -> None:
        for text in texts:
            for _ in SIMPLE_RE.finditer(text):
                pass

    found = sum(len(wdr.find_citations(t)) for t in texts)
    ours = best_of(3, scan)
    base = best_of(3, baseline_scan)
    print(f"find_citations: {len(texts)} paragraphs, {chars} characters, {found} citations")
    print(f"  {chars / ours:,.0f} chars/s; plain re.finditer {chars / base:,.0f} chars/s")
    print(f"  ratio find_citations / baseline time: {ours / base:.1f}x")

    reg = wdr.load()
    cites = [p.citation for a in reg.articles for p in a.paragraphs]
    rounds = 20
    calls = len(cites) * rounds

    def fmt(style: str) -> Callable[[], None]:
        def run() -> None:
            for _ in range(rounds):
                for c in cites:
                    wdr.format_citation(c, style, regulation=reg)

        return run

    def baseline_fmt() -> None:
        for _ in range(rounds):
            for c in cites:
                f"第{to_chinese(c.article or 1)}条第{to_chinese(c.paragraph or 1)}款"

    base = best_of(3, baseline_fmt)
    print(f"format_citation: {calls} calls per run")
    print(f"  f-string baseline {calls / base:,.0f} calls/s")
    for style in ("statute", "court", "en-compact", "eid"):
        ours = best_of(3, fmt(style))
        print(
            f"  {style:<10} {calls / ours:,.0f} calls/s, ratio {ours / base:.1f}x the baseline time"
        )


if __name__ == "__main__":
    main()
