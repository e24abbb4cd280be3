"""Mutation testing, one area of the package at a time: ``python scripts/mutation.py AREA``.

mutmut (3.x, the ``mutation`` extra) changes the library one small point at a time (a flipped
comparison, a constant off by one, a dropped argument, a string emptied) and runs the tests that
reach the changed function; a mutant the tests do not notice *survived*.  This script runs mutmut
on one area (``numerals``, ``model``, ``markdown``, ``citations``, ``diff``, ``amend``,
``interchange``, ``cli``, or ``all``) with the tests that exercise that area, so that a run fits on
a 2-core machine, and prints the score of each module: killed / total, the percentage, and every
mutant that was not killed, by name (``mutmut show NAME`` in the area's folder prints its diff).

Each area works in its own folder, ``.mutation/AREA/`` (ignored by git): it holds links to the
package, the tests and the docs, a ``pyproject.toml`` whose ``[tool.mutmut]`` table is the
checkout's one narrowed to the area, and mutmut's ``mutants/`` with the results.  A second run
of the same area only tests what changed (mutmut keeps its results per function); after adding
tests, ``--retest`` runs the mutants that were not killed again.

Mutants listed in docs/mutation.md as equivalent (a change no test can observe, with the reason)
are shown apart and left out of the adjusted score.  How to read and use all this:
docs/contributing.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
EQUIVALENTS = ROOT / "docs" / "mutation.md"
PACKAGE = "wuxi_dt_regulation"

#: What the per-area folder links to (the package, the tests and what the tests read).
LINKED = (PACKAGE, "tests", "docs", "benchmarks", "README.md", "CHANGELOG.md", "LICENSE")


@dataclass(frozen=True)
class Area:
    """One area: the modules mutated (globs relative to the checkout) and the tests run."""

    modules: tuple[str, ...]
    tests: tuple[str, ...]
    exclude: tuple[str, ...] = ()


def _pkg(*globs: str) -> tuple[str, ...]:
    return tuple(f"{PACKAGE}/{glob}" for glob in globs)


#: The areas.  The tests of an area are those that call its code with known answers; mutmut
#: then runs, for each mutant, only the tests that reached the mutated function.
AREAS: dict[str, Area] = {
    "numerals": Area(
        _pkg("_model/numerals.py"),
        ("tests/test_numerals.py", "tests/test_numerals_exact.py", "docs/numerals.md"),
    ),
    "model": Area(
        _pkg("_model/*.py", "__init__.py"),  # the package's own module: load() and the lazy names
        (
            "tests/test_seed.py",
            "tests/test_parser.py",
            "tests/test_citation.py",
            "tests/test_hostile.py",
            "tests/test_model_exact.py",
            "tests/test_compare.py",
            "tests/test_packed.py",
            "tests/test_trusted.py",
            "tests/test_reprs.py",
            "tests/test_layouts.py",
            "tests/test_model_mutants.py",
            # a preamble holding an article (the model's layout check)
            "tests/test_interchange_more_mutants.py",
            "docs/model.md",
            "docs/citations.md",
            "docs/getting-started.md",
        ),
        exclude=_pkg("_model/numerals.py"),  # an area of its own
    ),
    "markdown": Area(
        _pkg("_markdown/*.py"),
        (
            "tests/test_parser.py",
            "tests/test_seed.py",
            "tests/test_hostile.py",
            "tests/test_markdown_exact.py",
            "tests/test_lexer_lines.py",
            "tests/test_layouts.py",
            "tests/test_continuation.py",
            "tests/test_trusted.py",
            "tests/test_markdown_mutants.py",
            "tests/test_heading_article.py",
            "docs/parsing.md",
            "docs/source-format.md",
        ),
    ),
    "citations": Area(
        _pkg("_citations/*.py"),
        (
            "tests/test_citation.py",
            "tests/test_citation_practice.py",
            "tests/test_citations_exact.py",
            "tests/test_citations_attribution.py",
            "tests/test_mutants_citations.py",
            "tests/test_citations_anaphora.py",
            "docs/citations.md",
            "docs/citation-practice.md",
        ),
    ),
    "diff": Area(
        _pkg("_diff/*.py"),
        (
            "tests/test_diff.py",
            "tests/test_diff_rules.py",
            "tests/test_diff_citations.py",
            "tests/test_diff_exact.py",
            "tests/test_refs_stale.py",
            "tests/test_continuation.py",
            # the decision writer (to_amendment) is the diff's, read back by the amendments
            "tests/test_amend_decision.py",
            "tests/test_amend_properties.py",
            "tests/test_timeline.py",
            # _diff/series.py: the punctuation of a list's end, which apply follows
            "tests/test_amend_mutants.py",
            "tests/test_diff_mutants.py",
            "docs/diff.md",
            "docs/amendments.md",
        ),
    ),
    "amend": Area(
        (*_pkg("_amend/*.py"), f"{PACKAGE}/amendments.py"),
        (
            "tests/test_amend_apply.py",
            "tests/test_amend_grammar.py",
            "tests/test_amend_properties.py",
            "tests/test_amend_names.py",
            "tests/test_amend_decision.py",
            "tests/test_amend_interchange.py",
            "tests/test_timeline.py",
            "tests/test_cli_amend.py",
            # 衔接性修改 held to stale_references, further paragraphs, hostile decisions
            "tests/test_refs_stale.py",
            "tests/test_continuation.py",
            "tests/test_hostile.py",
            "tests/test_cli_diagnostics.py",
            "tests/test_amend_mutants.py",
            "docs/amendments.md",
        ),
    ),
    "interchange": Area(
        _pkg("_interchange/*.py"),
        (
            "tests/test_serialize.py",
            "tests/test_akn.py",
            "tests/test_akn_fast.py",
            "tests/test_akn_read_constructs.py",
            "tests/test_akn_read_properties.py",
            "tests/test_decode.py",
            "tests/test_decode_fast.py",
            "tests/test_amend_interchange.py",
            "tests/test_hostile_interchange.py",
            "tests/test_html.py",
            "tests/test_sqlite.py",
            "tests/test_jsonl.py",
            "tests/test_interchange_exact.py",
            "tests/test_interchange_mutants.py",
            "tests/test_akn_walk_mutants.py",
            "tests/test_akn_walk_body_mutants.py",
            "tests/test_interchange_small_mutants.py",
            "tests/test_interchange_more_mutants.py",
            "docs/json.md",
            "docs/akoma-ntoso.md",
            "docs/html.md",
            "docs/sqlite.md",
            "docs/jsonl.md",
        ),
    ),
    "cli": Area(
        (*_pkg("_cli/*.py"), f"{PACKAGE}/__main__.py"),
        (
            "tests/test_cli.py",
            "tests/test_cli_amend.py",
            "tests/test_cli_batch.py",
            "tests/test_cli_commands.py",
            "tests/test_cli_diagnostics.py",
            "tests/test_cli_export.py",
            "tests/test_cli_exact.py",
            "tests/test_cli_mutants.py",
            "tests/test_cli_help.py",
            # the commands the other capabilities' tests run through main()
            "tests/test_citation.py",
            "tests/test_continuation.py",
            "tests/test_diff.py",
            "tests/test_hostile.py",
            "tests/test_html.py",
            "tests/test_jsonl.py",
            "tests/test_refs_stale.py",
            "tests/test_sqlite.py",
            "docs/cli.md",
        ),
    ),
    "all": Area(_pkg("*"), ("tests", "docs", "README.md")),
}

#: The test modules no area runs, and why: they check the suite's own material, not the library.
NOT_IN_AN_AREA: dict[str, str] = {
    "tests/test_api.py": "reads the module files, which mutmut rewrites (pyproject ignores it)",
    "tests/test_docs.py": "builds the Sphinx site (the pages' doctests are in the areas)",
    "tests/test_fixtures.py": "the suite's copied inputs match their manifests",
    "tests/test_generators.py": "the suite's hypothesis strategies reach every layout",
    "tests/test_mutation_areas.py": "this script's areas and score table",
}

#: mutmut's status that counts as killed: a test failed.  A ``timeout`` is not counted: mutmut's
#: limit is wall-clock time, so on a loaded machine a mutant that only runs its tests slowly
#: times out; timeouts are listed with the survivors, for ``--retest`` on a quiet machine (an
#: infinite loop will time out again).
#: mutmut calls pytest's status 2 "check was interrupted by user"; in an unattended run it is a
#: collection error the mutant caused (tests/test_cli_commands.py parametrizes over the commands
#: of the parser at collection, so a mutant that breaks the parser fails the collection): the
#: tests failed, the mutant is killed.
KILLED = frozenset({"killed", "check was interrupted by user"})

_RESULT = re.compile(r"^\s+(?P<name>\S+__mutmut_\d+): (?P<status>.+)$")
_EQUIVALENT = re.compile(r"`(?P<name>" + PACKAGE + r"[\w.ǁ]*__mutmut_\d+)`")


def tests_for(area: Area) -> list[str]:
    """The test paths of *area* (each exists: tests/test_mutation_areas.py checks it)."""
    return list(area.tests)


def area_config(area: Area) -> str:
    """The ``[tool.mutmut]`` table of *area*: the checkout's table with the area's modules and
    tests (TOML arrays of plain strings are JSON arrays)."""
    import json

    table = _checkout_table()
    # the checkout's selection less its paths (the options: tests that cannot run in mutmut's
    # copy), with the area's tests
    options = [a for a in table["pytest_add_cli_args_test_selection"] if not (ROOT / a).exists()]
    selection = [*tests_for(area), *options]
    return (
        "[tool.mutmut]\n"
        f'source_paths = ["{PACKAGE}"]\n'
        f"only_mutate = {json.dumps(list(area.modules), ensure_ascii=False)}\n"
        f"do_not_mutate = {json.dumps([*table.get('do_not_mutate', []), *area.exclude])}\n"
        f"also_copy = {json.dumps(table.get('also_copy', []))}\n"
        f"pytest_add_cli_args = {json.dumps(table.get('pytest_add_cli_args', []))}\n"
        f"process_isolation = {json.dumps(table.get('process_isolation', 'fork'))}\n"
        f"forkserver_warmup = {json.dumps(table.get('forkserver_warmup', 'collect'))}\n"
        f"timeout_multiplier = {json.dumps(table.get('timeout_multiplier', 15.0))}\n"
        f"timeout_constant = {json.dumps(table.get('timeout_constant', 1.0))}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(selection)}\n"
    )


def _checkout_table() -> dict[str, list[str]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - on 3.10 mutmut itself reads its table with toml
        import toml as tomllib  # type: ignore[import-untyped]
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    table: dict[str, list[str]] = data["tool"]["mutmut"]
    return table


def prepare(name: str, area: Area) -> Path:
    """Create (or refresh) ``.mutation/NAME``: links to the checkout and the area's pyproject."""
    folder = WORK / name
    folder.mkdir(parents=True, exist_ok=True)
    for entry in LINKED:
        link = folder / entry
        if not link.is_symlink():
            if link.exists():
                shutil.rmtree(link) if link.is_dir() else link.unlink()
            link.symlink_to(ROOT / entry)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # the checkout's pyproject without its [tool.mutmut] table, then the area's
    kept = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", text)
    config = kept.rstrip("\n") + "\n\n" + area_config(area)
    target = folder / "pyproject.toml"
    if not target.exists() or target.read_text(encoding="utf-8") != config:
        target.write_text(config, encoding="utf-8")
    return folder


def mutmut(folder: Path, *args: str, capture: bool = False) -> str:
    """Run ``mutmut ARGS`` in *folder* (niced: the machine is shared) and return its output."""
    env = dict(os.environ)
    # derandomized hypothesis with fewer examples: the same verdict on every run
    env.setdefault("HYPOTHESIS_PROFILE", "mutation")
    command = ["nice", "-n", "10", sys.executable, "-m", "mutmut", *args]
    done = subprocess.run(command, cwd=folder, env=env, text=True, capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    if not capture:
        # mutmut redraws a spinner with carriage returns: keep what each line ends as
        for line in done.stdout.splitlines():
            shown = line.rsplit("\r", 1)[-1].strip()
            if shown:
                print(" ", shown)
    return done.stdout


def results(folder: Path) -> dict[str, str]:
    """Every mutant of the folder's last run and its status, by name."""
    out = mutmut(folder, "results", "--all", "true", capture=True)
    found = {}
    for line in out.splitlines():
        match = _RESULT.match(line)
        if match:
            found[match["name"]] = match["status"].strip()
    return found


def equivalents() -> set[str]:
    """The mutants docs/mutation.md lists as equivalent (their names in backticks)."""
    if not EQUIVALENTS.exists():
        return set()
    return set(_EQUIVALENT.findall(EQUIVALENTS.read_text(encoding="utf-8")))


def module_of(name: str) -> str:
    """``pkg._model.numerals.x_from_chinese__mutmut_3`` -> ``pkg._model.numerals``."""
    return name.partition("__mutmut_")[0].rpartition(".")[0]


def report(found: dict[str, str], equivalent: set[str]) -> list[str]:
    """The score table: one row per module, then the mutants not killed, by module."""
    by_module: dict[str, list[tuple[str, str]]] = defaultdict(list)
    unchecked = 0
    for name, status in sorted(found.items()):
        if status == "not checked":  # not run yet (an interrupted run, or --sample)
            unchecked += 1
            continue
        by_module[module_of(name)].append((name, status))
    lines = [
        f"{'module':<44} {'killed':>7} {'total':>6} {'%':>6} {'equiv':>6} {'adj %':>6}",
    ]
    survivors: list[str] = []
    totals: Counter[str] = Counter()
    for module, mutants in sorted(by_module.items()):
        killed = sum(status in KILLED for _, status in mutants)
        equiv = sum(name in equivalent and status not in KILLED for name, status in mutants)
        total = len(mutants)
        totals.update(killed=killed, total=total, equiv=equiv)
        lines.append(_row(module.removeprefix(PACKAGE + "."), killed, total, equiv))
        for name, status in mutants:
            if status not in KILLED:
                mark = "equivalent" if name in equivalent else status
                survivors.append(f"  {mark:<12} {name}")
    lines.append(_row("TOTAL", totals["killed"], totals["total"], totals["equiv"]))
    if unchecked:
        lines.append(f"({unchecked} of {len(found)} mutants not tested: the score is an estimate)")
    if survivors:
        lines += ["", "not killed (status, name):", *survivors]
    return lines


def _row(label: str, killed: int, total: int, equiv: int) -> str:
    pct = 100 * killed / total if total else 100.0
    adjusted = 100 * killed / (total - equiv) if total - equiv else 100.0
    return f"{label:<44} {killed:>7} {total:>6} {pct:>6.1f} {equiv:>6} {adjusted:>6.1f}"


def main(argv: list[str] | None = None) -> int:
    """Run one area (or report on it) and print its per-module score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("area", choices=sorted(AREAS))
    parser.add_argument(
        "-j", "--jobs", type=int, default=2, help="mutants tested at once (default: 2)"
    )
    parser.add_argument(
        "--report", action="store_true", help="print the scores of the last run, run nothing"
    )
    parser.add_argument(
        "--retest", action="store_true", help="test again every mutant the last run left alive"
    )
    parser.add_argument(
        "mutants", nargs="*", help="test only these mutants (names or globs), again"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="forget the area's earlier results first"
    )
    parser.add_argument(
        "--tests",
        nargs="+",
        metavar="PATH",
        help="run these tests instead of the area's (with --retest: a quick check of new tests "
        "against the survivors; a mutant they do not reach is then listed as 'no tests')",
    )
    parser.add_argument(
        "--sample",
        metavar="DIGITS",
        help="test only the mutants whose number ends in one of DIGITS (--sample 1: about a "
        "tenth, the first mutant of every function included); the score is then an estimate",
    )
    args = parser.parse_args(argv)
    area = AREAS[args.area]
    if args.tests:
        area = Area(area.modules, tuple(args.tests), area.exclude)
    if args.fresh:
        shutil.rmtree(WORK / args.area, ignore_errors=True)
    folder = prepare(args.area, area)
    if not args.report:
        names = list(args.mutants)
        if args.sample:
            if not args.sample.isdigit():
                parser.error("--sample takes digits, such as 1 or 16")
            names.append(f"*__mutmut_*[{args.sample}]")
        if args.retest:
            names += [
                n for n, s in results(folder).items() if s not in KILLED and s != "not checked"
            ]
            if not names:
                print("nothing to retest: every mutant was killed")
        if names or not args.retest:
            mutmut(folder, "run", "--max-children", str(args.jobs), *names)
    print()
    print(f"mutation score, area {args.area!r} ({', '.join(tests_for(area))})")
    for line in report(results(folder), equivalents()):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
