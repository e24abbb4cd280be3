"""The floor of ``from_json`` in pure Python, as a ratio against ``parse`` (issue 13).

Run ``python -m benchmarks.bench_json_floor``.  Over every file of ``tests/corpus``, in
interleaved rounds (CPU time, the best round of each kept; the cyclic garbage collector as
usual):

- ``parse`` of the Markdown;
- ``from_json`` of what ``to_json`` wrote;
- ``json.loads`` of the same text, alone, plain and with ``object_pairs_hook=tuple`` (what
  ``from_json``'s reader decodes with);
- **the floor**: ``json.loads`` (pairs) plus building the very same objects, every field of
  every value (the citation stamps and the reading-rules flag included), with the prechecked
  constructors of ``_model/twins.py`` (each value created as its class's writable twin, its
  slots written by plain stores, its class switched to the model's)
  from values already at hand: no reading of the decoded data, no type test, no check, no
  index but the one a ``Regulation`` holds.  No reader that checks what it reads can be
  faster than this, in pure Python, with these classes.

The floor is the measure of the design: if ``parse`` / floor is itself under 3x, issue 13's
``from_json`` target (at least 3x faster than ``parse``) cannot be met by any pure-Python
reader that builds these values.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation._model import prebuilt, twins
from wuxi_dt_regulation._model.structure import (
    Appendix,
    Article,
    Chapter,
    Division,
    Part,
    Section,
    Subpart,
)
from wuxi_dt_regulation._model.units import Item, Paragraph, SubItem, Table

from . import corpus_files

TARGET = 3.0


def _hidden(value: object, name: str) -> Any:
    return getattr(value, name)  # the hidden fields (the stamps, the flow mark), as they are


def _rebuilder() -> Callable[[object], object]:
    """A function that builds a node again, bottom up, with the prechecked constructors."""
    again: Callable[[object], object]

    def subitem(s: Any) -> SubItem:
        subs = tuple([subitem(x) for x in s.subitems]) if s.subitems else ()
        return twins.build_subitem(s.number, s.text, subs, s.continuation, _hidden(s, "_cite"))

    def item(i: Any) -> Item:
        subs = tuple([subitem(x) for x in i.subitems]) if i.subitems else ()
        return twins.build_item(
            i.number, i.text, subs, i.continuation, i.arabic, _hidden(i, "_cite")
        )

    def paragraph(p: Any) -> Paragraph:
        items = tuple([item(x) for x in p.items]) if p.items else ()
        return twins.build_paragraph(
            p.number,
            p.text,
            items,
            p.break_before,
            p.continuation,
            _hidden(p, "_cite"),
            _hidden(p, "_flow"),
        )

    def children(node: Any) -> tuple[object, ...]:
        return tuple([again(x) for x in node.children])

    def node(n: Any) -> object:
        kind = type(n)
        if kind is Paragraph:
            return paragraph(n)
        if kind is Article:
            return twins.build_article(
                n.number, n.suffix, tuple([paragraph(p) for p in n.paragraphs])
            )
        if kind is Chapter:
            return twins.build_headed(
                Chapter, twins.CHAPTER, n.number, n.title, children(n), _hidden(n, "_cite")
            )
        if kind is Section:
            return twins.build_headed(
                Section, twins.SECTION, n.number, n.title, children(n), _hidden(n, "_cite")
            )
        if kind is Subpart:
            return twins.build_headed(
                Subpart, twins.SUBPART, n.number, n.title, children(n), _hidden(n, "_cite")
            )
        if kind is Part:
            return twins.build_part(n.number, n.title, children(n))
        if kind is Division:
            return twins.build_division(n.title, n.level, children(n))
        if kind is Appendix:
            return twins.build_appendix(n.title, children(n))
        if kind is Table:
            return Table(n.lines)  # (no twin: a handful in the corpus)
        raise TypeError(kind)

    again = node
    return again


def floor_build(reg: wdr.Regulation, again: Callable[[object], object]) -> wdr.Regulation:
    """*reg* built again, every value anew, as the cheapest reader would build it."""
    body = tuple([again(x) for x in reg.body])
    return prebuilt.regulation(  # (the article index: one walk of the body)
        reg.title,
        reg.subtitles,
        tuple([twins.build_event(e.text) for e in reg.history]),
        reg.toc,
        tuple([again(x) for x in reg.preamble]),
        body,
        tuple([again(x) for x in reg.appendices]),
        (),
        None,
    )


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 9
    files = corpus_files()
    if not files:
        print("no corpus: nothing to measure")
        return 1
    texts = [p.read_text(encoding="utf-8-sig") for p in files]
    regs = [wdr.parse(t) for t in texts]
    jsons = [wdr.to_json(r) for r in regs]
    again = _rebuilder()
    for reg in regs:  # the floor builds the very same values (stamps and flags included)
        built = floor_build(reg, again)
        assert built == reg and built.articles == reg.articles

    def floor(i: int) -> object:
        json.loads(jsons[i], object_pairs_hook=tuple)
        return floor_build(regs[i], again)

    jobs: dict[str, Callable[[int], object]] = {
        "parse": lambda i: wdr.parse(texts[i]),
        "from_json": lambda i: wdr.from_json(jsons[i]),
        "json.loads": lambda i: json.loads(jsons[i]),
        "json.loads pairs": lambda i: json.loads(jsons[i], object_pairs_hook=tuple),
        "build only": lambda i: floor_build(regs[i], again),
        "floor": floor,
    }
    indices = range(len(texts))
    for job in jobs.values():
        for i in indices:
            job(i)
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(rounds):
        for name, job in jobs.items():
            start = time.process_time()
            for i in indices:
                job(i)
            best[name] = min(best[name], time.process_time() - start)
    gc.collect()
    print(f"corpus: {len(files)} files, CPU time, best of {rounds} interleaved rounds")
    for name, seconds in best.items():
        print(f"  {name:<17} {seconds * 1e3:8.1f} ms  ({best['parse'] / seconds:5.2f}x parse)")
    at_floor = best["parse"] / best["floor"]
    budget = best["parse"] / TARGET - best["floor"]  # what 3x leaves for reading and checking
    verdict = (
        f"out of reach by this design (the floor alone is over {TARGET:.0f}x's budget)"
        if budget <= 0
        else f"leaves {budget * 1e3:.1f} ms for reading and checking every value"
    )
    print(f"floor: {at_floor:.2f}x faster than parse; from_json's target, {TARGET:.0f}x: {verdict}")
    print(
        f"from_json: {best['parse'] / best['from_json']:.2f}x faster than parse; it spends "
        f"{(best['from_json'] - best['floor']) * 1e3:.1f} ms over the floor "
        f"(reading the decoded data, the type tests, the model's checks)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
