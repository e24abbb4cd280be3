"""Applying and writing amending instruments, as ratios against :func:`wuxi_dt_regulation.diff`.

Two measurements (issue 9):

1. **Applying a 50-instruction decision to 刑法** (``tests/corpus/national/刑法.md``, 505
   articles, 53 of them 之N).  The decision is a 修正案 in the real style, made with a fixed seed
   and written by :meth:`RegulationDiff.to_amendment`: 20 articles edited in a few words, 10 of
   their 款 restated, 5 articles restated whole, 5 deleted (kept as ``第X条 （删去）``), 10
   inserted as 之N after the article they follow.  ``Amendment.apply`` is timed against
   ``diff`` of the same two versions (target: apply no slower than diff), and so are reading
   the decision (``parse_amendment``) and writing it (``to_amendment``).  The script checks
   first that the decision has 50 instructions and that applying it gives the new version.
2. **Writing the decision for the largest real pair** (``tests/corpus/versions/``, by size:
   民事诉讼法 2021 → 2023): ``to_amendment``, ``parse_amendment`` and ``apply`` against
   ``diff`` of the pair.

Run ``python -m benchmarks.bench_amend``.  Times are CPU time of this process
(``time.process_time``), the best of 5 runs, so that other jobs on the machine count for little
(as in ``bench_diff``); ``to_amendment`` is timed on a diff already made.  No test asserts on
them.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Paragraph, Regulation

from . import CORPUS

REPEAT = 5
SEED = 20201226  # 刑法修正案（十一）


def best_of(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _edit_words(rng: random.Random, text: str) -> str:
    at = rng.randrange(max(1, len(text) - 4))
    return text[:at] + "依照有关规定" + text[at + 2 :]


def amended_criminal_law(old: Regulation, seed: int = SEED) -> Regulation:
    """刑法 as a 修正案 of 50 instructions would leave it (see the module docstring)."""
    rng = random.Random(seed)
    plain = [a for a in old.articles if a.suffix == 0 and a.text != "（删去）" and len(a.text) > 30]
    chosen = rng.sample(plain, 50)
    words, paragraphs, whole, deleted, after = (
        chosen[:20], chosen[20:30], chosen[30:35], chosen[35:40], chosen[40:50])  # fmt: skip
    changed: dict[tuple[int, int], Article] = {}
    for article in words:
        p = rng.randrange(len(article.paragraphs))
        para = article.paragraphs[p]
        if not para.text:
            para = attrs.evolve(para, text="对于下列行为")
        paras = list(article.paragraphs)
        paras[p] = attrs.evolve(para, text=_edit_words(rng, para.text))
        changed[article.key] = attrs.evolve(article, paragraphs=tuple(paras))
    for article in paragraphs:
        paras = list(article.paragraphs)
        p = rng.randrange(len(paras))
        paras[p] = Paragraph(
            p + 1, f"有前款行为，情节特别严重的，处十年以上有期徒刑（第{p + 1}款，修正）。"
        )
        changed[article.key] = attrs.evolve(article, paragraphs=tuple(paras))
    for article in whole:
        text = "违反国家规定，实施本条所列行为，情节严重的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。"
        changed[article.key] = attrs.evolve(article, paragraphs=(Paragraph(1, text),))
    for article in deleted:
        changed[article.key] = attrs.evolve(article, paragraphs=(Paragraph(1, "（删去）"),))
    followers = {a.key for a in after}
    taken = {a.key for a in old.articles}

    def rebuild(nodes: tuple[object, ...]) -> tuple[object, ...]:
        out: list[object] = []
        for node in nodes:
            if isinstance(node, Article):
                out.append(changed.get(node.key, node))
                if node.key in followers:
                    suffix = 1
                    while (node.number, suffix) in taken:
                        suffix += 1  # after the 之N articles it already has
                    text = f"为实施第{wdr.to_chinese(node.number)}条规定的犯罪提供帮助的，依照该条的规定处罚。"
                    out.append(Article(node.number, suffix, (Paragraph(1, text),)))
            elif hasattr(node, "children"):
                out.append(attrs.evolve(node, children=rebuild(node.children)))  # type: ignore[misc]
            else:
                out.append(node)
        return tuple(out)

    body: Any = _sorted(rebuild(old.body))  # a 之N inserted after others goes after them
    return attrs.evolve(old, body=body)


def _sorted(nodes: tuple[object, ...]) -> tuple[object, ...]:
    out: list[object] = []
    for node in nodes:
        if hasattr(node, "children") and not isinstance(node, Article):
            out.append(attrs.evolve(node, children=_sorted(node.children)))  # type: ignore[misc]
        else:
            out.append(node)
    articles = [n for n in out if isinstance(n, Article)]
    if articles and len(articles) == len(out):
        return tuple(sorted(articles, key=lambda a: a.key))
    return tuple(out)


def same_text(a: Regulation, b: Regulation) -> bool:
    return [(x.label, x.text) for x in a.articles] == [(x.label, x.text) for x in b.articles]


def measure(name: str, old: Regulation, new: Regulation) -> tuple[float, float]:
    """Print the timings of one pair; return (apply / diff, to_amendment / diff)."""
    decision = wdr.diff(old, new).to_amendment()
    amendment = wdr.parse_amendment(decision)
    result = amendment.apply(old)
    if not same_text(result, new):
        raise SystemExit(f"{name}: the decision does not give the new version")
    count = sum(
        1
        for line in decision.splitlines()
        if line[:1] in "一二三四五六七八九十" and "、" in line[:6]
    )
    made = wdr.diff(old, new)
    t_diff = best_of(lambda: wdr.diff(old, new))
    t_write = best_of(made.to_amendment)
    t_read = best_of(lambda: wdr.parse_amendment(decision))
    t_apply = best_of(lambda: amendment.apply(old))
    # 衔接性修改: every line followed through every instruction, the references rewritten
    t_refs = best_of(lambda: amendment.apply(old, update_references=True))
    print(f"{name}: {len(old.articles)} → {len(new.articles)} articles, {count} instructions "
          f"({len(amendment.operations)} operations)")  # fmt: skip
    print(f"  diff                      {t_diff * 1000:8.1f} ms   1.00")
    print(f"  to_amendment (of the diff) {t_write * 1000:8.1f} ms   {t_write / t_diff:.2f}")
    print(f"  parse_amendment           {t_read * 1000:8.1f} ms   {t_read / t_diff:.2f}")
    print(f"  Amendment.apply           {t_apply * 1000:8.1f} ms   {t_apply / t_diff:.2f}")
    print(f"  apply(update_references)  {t_refs * 1000:8.1f} ms   {t_refs / t_diff:.2f}"
          f"  ({t_refs / t_apply:.1f}x apply)")  # fmt: skip
    return t_apply / t_diff, t_write / t_diff


def main() -> int:
    criminal = wdr.parse_file(CORPUS / "national" / "刑法.md")
    ratio, _ = measure("刑法, a 50-instruction 修正案", criminal, amended_criminal_law(criminal))
    print(f"  apply no slower than diff: {'met' if ratio <= 1 else 'MISSED'} ({ratio:.2f}x)")
    pairs = sorted(
        (sum(p.stat().st_size for p in d.iterdir()), d) for d in (CORPUS / "versions").iterdir()
    )
    _, largest = pairs[-1]
    old_path, new_path = sorted(largest.iterdir())
    ratio, _ = measure(
        f"{largest.name} ({old_path.stem} → {new_path.stem})",
        wdr.parse_file(old_path),
        wdr.parse_file(new_path),
    )
    print(f"  apply no slower than diff: {'met' if ratio <= 1 else 'MISSED'} ({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
