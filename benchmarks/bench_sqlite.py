"""How :func:`wuxi_dt_regulation.to_sqlite` and :func:`wuxi_dt_regulation.search_sqlite` grow
as the corpus doubles.

The corpus (``tests/corpus``, 63 files) is parsed once; the database is written from it once,
twice and four times over (the same regulations under other sources), so that the input
doubles while its nature stays the same.

Run ``python -m benchmarks.bench_sqlite`` (``--quick`` stops at twice the corpus).  For each
size it prints:

- the units (rows of ``units``) and rows of every table written per second by ``to_sqlite``,
  and its time as a ratio to a baseline timed in the same run: the same units' text inserted
  with ``executemany`` into a bare table of a fresh file (what SQLite alone costs);
- t(2n)/t(n) of the export: about 2 is linear;
- the median time of ranked full-text queries (trigram, ``bm25``) and of short queries (two
  characters: the LIKE scan), the first 20 hits and all of them, each as a ratio to the same
  queries at the first size.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation

from . import CORPUS, corpus_files

#: Ranked queries (three characters or more) and short ones (the LIKE scan).
RANKED = ("个人信息", "数据安全", "人民法院", "故意杀人", "行政处罚")
SHORT = ("数据", "罚款")


def _baseline(regulations: dict[str, Regulation], path: Path) -> float:
    """Seconds to insert every unit's text into a bare table: SQLite's own cost."""
    from wuxi_dt_regulation._interchange.units import walk_units

    rows = [
        (n, unit.text)
        for n, unit in enumerate((u for reg in regulations.values() for u in walk_units(reg)), 1)
    ]
    start = time.perf_counter()
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE units (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        con.executemany("INSERT INTO units VALUES (?, ?)", rows)
        con.commit()
    return time.perf_counter() - start


def _rows(path: Path) -> int:
    tables = ("regulations", "events", "units", "unit_citations", "refs", "ref_targets")
    with closing(sqlite3.connect(path)) as con:
        return sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def _query_time(db: Path, queries: tuple[str, ...], limit: int | None, repeat: int = 5) -> float:
    """The median over *repeat* rounds of the mean time of one query of *queries*."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for query in queries:
            wdr.search_sqlite(db, query, limit=limit)
        rounds.append((time.perf_counter() - start) / len(queries))
    return statistics.median(rounds)


def main(argv: list[str]) -> int:
    files = corpus_files()
    if not files:
        print(f"no regulation under {CORPUS}", file=sys.stderr)
        return 1
    corpus = {p.relative_to(CORPUS).as_posix(): wdr.parse_file(p) for p in files}
    factors = (1, 2) if "--quick" in argv else (1, 2, 4)
    print(f"corpus: {len(corpus)} files; sqlite {sqlite3.sqlite_version}")
    print(f"{'size':>6} {'units':>8} {'rows':>8} {'units/s':>9} {'rows/s':>9} {'x base':>7} "
          f"{'t(2n)/t(n)':>10}")  # fmt: skip
    queries: dict[str, list[float]] = {}
    previous = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for factor in factors:
            regs = {f"{name}#{copy}": reg for copy in range(factor) for name, reg in corpus.items()}
            db = Path(folder) / f"x{factor}.db"
            base = _baseline(regs, Path(folder) / f"base{factor}.db")
            start = time.perf_counter()
            units = wdr.to_sqlite(regs, db)
            seconds = time.perf_counter() - start
            rows = _rows(db)
            growth = f"{seconds / previous:10.2f}" if previous else f"{'-':>10}"
            previous = seconds
            print(f"{factor:>5}n {units:>8,} {rows:>8,} {units / seconds:>9,.0f} "
                  f"{rows / seconds:>9,.0f} {seconds / base:>6.0f}x {growth}")  # fmt: skip
            for name, chosen, limit in (("ranked, 20 hits", RANKED, 20),
                                        ("ranked, all hits", RANKED, None),
                                        ("short, 20 hits", SHORT, 20),
                                        ("short, all hits", SHORT, None)):  # fmt: skip
                queries.setdefault(name, []).append(_query_time(db, chosen, limit))
    print("query time (median of one query), and its ratio to the first size:")
    for name, times in queries.items():
        shown = "  ".join(f"{t * 1000:7.2f}ms {t / times[0]:4.2f}" for t in times)
        print(f"  {name:<17} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
