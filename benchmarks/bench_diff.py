"""How the time of :func:`wuxi_dt_regulation.diff` grows with the size of the documents.

Two versions are built from the corpus (``tests/corpus``): the old one is the corpus's
articles, each distinct text once, renumbered 1…n and grouped into chapters of 25; the new one is
what an amendment makes of it with a fixed seed: 5% of the articles edited inside a paragraph,
2% deleted, 2% inserted (articles from beyond the first n), 1% moved to another chapter, 1% split
and 1% merged with the next, one chapter retitled, everything renumbered.

Run ``python -m benchmarks.bench_diff``.  It prints, for n = 500, 1000, 2000 and 4000 articles,
the time of one diff as a ratio to rendering both documents as Markdown (a linear baseline timed
in the same run), and the ratio t(2n)/t(n): about 2 means linear growth, 4 quadratic; then the
number of stale references the diff reports (``stale_references()``: the references of every
unchanged unit read and followed into the new version), its time as a ratio to the diff's, and
its own t(2n)/t(n).  The time of
the 1,000-article diff is printed too, for the record (no test asserts on time).

A second table does the same for the worst case of the alignment by position: a regulation that
is one long series of near-identical penalty clauses (违反本条例第X条规定的，由…责令改正，处…罚款),
every one edited in place and renumbered, with no identical article between them to anchor on.

Times are CPU time of this process (``time.process_time``), the best of a few runs, so that other
work on a shared machine disturbs them little.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

import attrs

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Chapter, Paragraph, Regulation

from . import corpus_files

SIZES = (500, 1000, 2000, 4000)
PER_CHAPTER = 25


def corpus_articles() -> list[Article]:
    """Every article of the corpus with a distinct, non-empty text, in a fixed order."""
    seen: set[str] = set()
    out: list[Article] = []
    for path in corpus_files():
        for article in wdr.parse_file(path).articles:
            if article.paragraphs and article.text not in seen:
                seen.add(article.text)
                out.append(article)
    return out


def build(groups: list[list[Article]], titles: list[str]) -> Regulation:
    """Chapters of the given articles, every article and chapter numbered in order."""
    number = 0
    chapters = []
    for c, (group, title) in enumerate(zip(groups, titles, strict=True), 1):
        arts = []
        for article in group:
            number += 1
            arts.append(attrs.evolve(article, number=number, suffix=0))
        chapters.append(Chapter(c, title, tuple(arts)))
    return Regulation("基准条例", body=tuple(chapters))


def _renumber(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(attrs.evolve(p, number=n) for n, p in enumerate(paragraphs, 1))


def versions(pool: list[Article], n: int, seed: int = 20230608) -> tuple[Regulation, Regulation]:
    """The old version of *n* articles and an amended new version."""
    rng = random.Random(seed)
    groups = [pool[k : k + PER_CHAPTER] for k in range(0, n, PER_CHAPTER)]
    titles = [f"章{k}" for k in range(len(groups))]
    old = build(groups, titles)
    spare = iter(pool[n:])
    new_groups = [list(g) for g in groups]
    for group in new_groups:
        k = 0
        while k < len(group):
            roll = rng.random()
            article = group[k]
            if roll < 0.05:  # edit a few characters of one paragraph
                p = rng.randrange(len(article.paragraphs))
                para = article.paragraphs[p]
                text = para.text or "修改"
                cut = rng.randrange(len(text))
                para = attrs.evolve(para, text=text[:cut] + "有关部门" + text[cut + 1 :])
                paras = list(article.paragraphs)
                paras[p] = para
                group[k] = attrs.evolve(article, paragraphs=tuple(paras))
            elif roll < 0.07 and k > 0:  # delete
                del group[k]
                continue
            elif roll < 0.09:  # insert before
                group.insert(k, next(spare))
                k += 1
            elif roll < 0.10 and k > 0:  # move to another chapter
                target = rng.choice(new_groups)
                if target is not group:
                    del group[k]
                    target.insert(rng.randrange(len(target) + 1), article)
                    continue
            elif roll < 0.11 and len(article.paragraphs) >= 2:  # split
                cut = rng.randrange(1, len(article.paragraphs))
                first = attrs.evolve(article, paragraphs=_renumber(list(article.paragraphs[:cut])))
                second = attrs.evolve(article, paragraphs=_renumber(list(article.paragraphs[cut:])))
                group[k : k + 1] = [first, second]
                k += 2
                continue
            elif roll < 0.12 and k + 1 < len(group):  # merge with the next
                paras = [*article.paragraphs, *group[k + 1].paragraphs]
                if all(p.text for p in paras[1:]):
                    group[k : k + 2] = [attrs.evolve(article, paragraphs=_renumber(paras))]
            k += 1
    new_titles = list(titles)
    new_titles[len(titles) // 2] += "（修订）"
    return old, build(new_groups, new_titles)


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


SERIES_SIZES = (250, 500, 1000, 2000)
_DEPTS = ("市场监督管理部门", "生态环境主管部门", "数据主管部门", "交通运输主管部门")


def series(n: int) -> tuple[Regulation, Regulation]:
    """A regulation of *n* near-identical penalty clauses, and one where every clause is edited
    in place (amount raised) and renumbered (an article inserted first, every 第X条 shifted)."""

    def clause(x: int, k: int, raised: int) -> str:
        low = 1 + k % 5 + raised
        return (
            f"违反本条例第{wdr.to_chinese(x)}条规定的，由{_DEPTS[k % len(_DEPTS)]}责令改正，"
            f"处{wdr.to_chinese(low)}千元以上{wdr.to_chinese(low * 5)}千元以下罚款。"
        )

    def build(texts: list[str]) -> Regulation:
        arts = tuple(Article(k, 0, (Paragraph(1, t),)) for k, t in enumerate(texts, 1))
        return Regulation("基准条例", body=arts)

    old = build([clause(k + 1, k, 0) for k in range(n)])
    new = build(
        ["本条例所称数字化转型，是指运用数字技术推动经济社会全面变革的过程。"]
        + [clause(k + 2, k, 3) for k in range(n)]
    )
    return old, new


def main() -> int:
    pool = corpus_articles()
    wanted = SIZES[-1] + SIZES[-1] // 10
    if len(pool) < wanted:
        print(f"the corpus has {len(pool)} distinct articles; {wanted} are needed")
        return 1
    print(f"{len(pool)} distinct corpus articles")
    print(f"{'n':>6} {'changes':>8} {'diff/render':>12} {'t(n)/t(n/2)':>12} "
          f"{'stale':>6} {'stale/diff':>11} {'t(n)/t(n/2)':>12}")  # fmt: skip
    previous = previous_stale = None
    for n in SIZES:
        old, new = versions(pool, n)
        d = wdr.diff(old, new)
        assert d.apply(old) == new
        t_diff = best_of(lambda old=old, new=new: wdr.diff(old, new))  # type: ignore[misc]
        t_render = best_of(lambda old=old, new=new: (wdr.render(old), wdr.render(new)))  # type: ignore[misc]
        # the references left pointing at old numbers (衔接性修改), read in every unchanged unit
        stale = len(d.stale_references())
        t_stale = best_of(d.stale_references, 3)
        growth = f"{t_diff / previous:12.2f}" if previous else f"{'-':>12}"
        stale_growth = f"{t_stale / previous_stale:12.2f}" if previous_stale else f"{'-':>12}"
        print(f"{n:>6} {len(d.changes):>8} {t_diff / t_render:12.2f} {growth} "
              f"{stale:>6} {t_stale / t_diff:11.2f} {stale_growth}")  # fmt: skip
        if n == 1000:
            print(f"{'':>6} (1,000 articles: one diff takes {t_diff * 1000:.0f} ms)")
        previous, previous_stale = t_diff, t_stale
    print("a series of near-identical clauses, each edited in place and renumbered")
    print(f"{'n':>6} {'edited':>8} {'diff/render':>12} {'t(n)/t(n/2)':>12}")
    previous = None
    for n in SERIES_SIZES:
        old, new = series(n)
        d = wdr.diff(old, new)
        assert d.apply(old) == new
        edited = d.counts()["text_changed"]
        t_diff = best_of(lambda old=old, new=new: wdr.diff(old, new), 3)  # type: ignore[misc]
        t_render = best_of(lambda old=old, new=new: (wdr.render(old), wdr.render(new)))  # type: ignore[misc]
        growth = f"{t_diff / previous:12.2f}" if previous else f"{'-':>12}"
        print(f"{n:>6} {edited:>8} {t_diff / t_render:12.2f} {growth}")
        if n == 1000:
            print(f"{'':>6} (1,000 clauses: one diff takes {t_diff * 1000:.0f} ms)")
        previous = t_diff
    return 0


if __name__ == "__main__":
    sys.exit(main())
