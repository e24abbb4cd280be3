"""Citation throughput, as ratios to baselines measured in the same run.

* ``find_citations`` over every paragraph of the corpus (tests/corpus), against one plain
  ``re.finditer`` of a simple 第X条 pattern over the same texts (the least any scanner must do);
* ``format_citation`` calls per second (statute and court style, with the regulation so that the
  single-款 rule is looked up), against an f-string writing the same numbers;
* ``find_citations`` (with the bundled regulation) over 1 MB of range-dense text against 1 MB of
  ordinary legal prose (the corpus files, repeated): issue 12's ``第一条至第九千九百九十九条，``
  over and over, and ranges with varied numbers (no two alike, so nothing read can be reused).
  Target: within 3x.

Run: ``python -m benchmarks.bench_citation``.  Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import random
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

    def fmt(style: wdr.CitationStyle) -> Callable[[], None]:
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


def range_dense(size: int = 1_000_000) -> None:
    """find_citations over range-dense text against ordinary prose of the same size."""
    reg = wdr.load()
    prose = "\n".join(path.read_text(encoding="utf-8") for path in corpus_files())
    prose = (prose * (size // len(prose) + 1))[:size]
    same = "第一条至第九千九百九十九条，" * (size // 14)
    rng = random.Random(12)
    pieces: list[str] = []
    length = 0
    while length < size:
        a = rng.randint(1, 9000)
        piece = f"第{to_chinese(a)}条至第{to_chinese(rng.randint(a + 1, 9999))}条，"
        pieces.append(piece)
        length += len(piece)
    varied = "".join(pieces)[:size]

    def timed(text: str) -> float:
        return best_of(3, lambda: wdr.find_citations(text, regulation=reg))

    base = timed(prose)
    found = len(wdr.find_citations(prose, regulation=reg))
    print(f"find_citations on {size:,} characters, with the regulation:")
    print(f"  ordinary prose: {found} citations, {size / base:,.0f} chars/s")
    for name, text in (("the same range", same), ("varied ranges", varied)):
        ours = timed(text)
        count = len(wdr.find_citations(text, regulation=reg))
        ratio = ours / base
        verdict = "met" if ratio <= 3 else "MISSED"
        print(f"  {name}: {count} citations, ratio {ratio:.1f}x the prose time "
              f"(target within 3x: {verdict})")  # fmt: skip


if __name__ == "__main__":
    main()
    range_dense()
