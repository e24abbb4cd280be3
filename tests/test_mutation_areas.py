"""scripts/mutation.py's areas (issue 14): each test module and each library module in one.

A mutation score only says what the suite catches if every test that exercises an area runs on
its mutants: an area that leaves out a test module counts as survivors the mutants that module
kills (the ``cli`` area once ran three of its seven test modules).  These tests keep the areas
in step with the files as modules are added.
"""

from __future__ import annotations

import runpy
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def by_hand() -> Any:
    """scripts/mutation_by_hand.py's names (its libcst and mutmut imports are inside its
    functions); its ``load_script`` imports the other scripts."""
    path = ROOT / "scripts" / "mutation_by_hand.py"
    return SimpleNamespace(**runpy.run_path(str(path), run_name="mutation_by_hand"))


@pytest.fixture(scope="module")
def script(by_hand: Any) -> ModuleType:
    """scripts/mutation.py."""
    module: ModuleType = by_hand.load_script("mutation")
    return module


def _areas(script: ModuleType) -> dict[str, Any]:
    return {name: area for name, area in script.AREAS.items() if name != "all"}


def test_every_path_an_area_names_exists(script: ModuleType) -> None:
    missing = [
        (name, path)
        for name, area in _areas(script).items()
        for path in area.tests
        if not (ROOT / path).exists()
    ]
    assert missing == []


def test_no_area_names_a_test_the_mutation_runs_ignore(script: ModuleType) -> None:
    table = script._checkout_table()
    ignored = {a.removeprefix("--ignore=") for a in table["pytest_add_cli_args_test_selection"]
               if a.startswith("--ignore=")}  # fmt: skip
    assert ignored  # test_api and test_docs read what mutmut rewrites
    named = {path for area in _areas(script).values() for path in area.tests}
    assert sorted(ignored & named) == []
    assert ignored <= set(script.NOT_IN_AN_AREA)


def test_every_test_module_runs_in_an_area_or_says_why_not(script: ModuleType) -> None:
    named = {path for area in _areas(script).values() for path in area.tests}
    modules = {f"tests/{p.name}" for p in (ROOT / "tests").glob("test_*.py")}
    assert sorted(modules - named - set(script.NOT_IN_AN_AREA)) == []
    # and what is set apart is not also in an area, and still exists
    assert sorted(set(script.NOT_IN_AN_AREA) & named) == []
    assert sorted(set(script.NOT_IN_AN_AREA) - modules) == []


def test_every_library_module_is_mutated_by_exactly_one_area(script: ModuleType) -> None:
    table = script._checkout_table()
    skipped = set(table["do_not_mutate"])
    owners: dict[str, list[str]] = {}
    for path in sorted((ROOT / "wuxi_dt_regulation").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in skipped:
            continue
        owners[relative] = [
            name
            for name, area in _areas(script).items()
            if any(fnmatch(relative, glob) for glob in area.modules)
            and not any(fnmatch(relative, glob) for glob in area.exclude)
        ]
    assert {path: areas for path, areas in owners.items() if len(areas) != 1} == {}


def test_the_score_table_counts_killed_equivalent_and_unchecked(script: ModuleType) -> None:
    pkg = "wuxi_dt_regulation"
    found = {
        f"{pkg}._cli.show.x_a__mutmut_1": "killed",
        f"{pkg}._cli.show.x_a__mutmut_2": "survived",
        f"{pkg}._cli.show.x_a__mutmut_3": "survived",
        f"{pkg}._cli.show.x_a__mutmut_4": "timeout",
        f"{pkg}._cli.cite.x_b__mutmut_1": "killed",
        f"{pkg}._cli.cite.x_b__mutmut_2": "not checked",
    }
    lines = script.report(found, {f"{pkg}._cli.show.x_a__mutmut_3"})
    assert lines[1:4] == [
        f"{'_cli.cite':<44} {1:>7} {1:>6} {100.0:>6.1f} {0:>6} {100.0:>6.1f}",
        f"{'_cli.show':<44} {1:>7} {4:>6} {25.0:>6.1f} {1:>6} {33.3:>6.1f}",
        f"{'TOTAL':<44} {2:>7} {5:>6} {40.0:>6.1f} {1:>6} {50.0:>6.1f}",
    ]
    assert lines[4] == "(1 of 6 mutants not tested: the score is an estimate)"
    assert lines[6:] == [
        "not killed (status, name):",
        f"  {'survived':<12} {pkg}._cli.show.x_a__mutmut_2",
        f"  {'equivalent':<12} {pkg}._cli.show.x_a__mutmut_3",
        f"  {'timeout':<12} {pkg}._cli.show.x_a__mutmut_4",
    ]


def test_mutants_by_hand_run_the_tests_of_the_area_that_mutates_the_file(
    script: ModuleType, by_hand: Any
) -> None:
    assert by_hand.default_tests("wuxi_dt_regulation/_model/errors.py") == list(
        script.AREAS["model"].tests
    )
    # the numerals are excluded from the model's area: they are an area of their own
    assert by_hand.default_tests("wuxi_dt_regulation/_model/numerals.py") == list(
        script.AREAS["numerals"].tests
    )
    assert by_hand.default_tests("wuxi_dt_regulation/amendments.py") == list(
        script.AREAS["amend"].tests
    )


def test_a_mutant_name_says_which_function_or_method_it_changes(by_hand: Any) -> None:
    assert by_hand._where("wuxi_dt_regulation._model.errors.x_excerpt__mutmut_31") == (
        None,
        "excerpt",
        "x_excerpt",
    )
    assert by_hand._where("wuxi_dt_regulation._model.errors.xǁParseErrorǁ__init____mutmut_1") == (
        "ParseError",
        "__init__",
        "xǁParseErrorǁ__init__",
    )
