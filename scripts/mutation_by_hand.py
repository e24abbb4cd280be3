"""Test mutants by applying them to a copy of the checkout: ``python scripts/mutation_by_hand.py
FILE PATTERN... [--tests PATH...] [--show]``.

mutmut runs, for each mutant, only the tests its first pass saw calling the mutated function.
A function that runs while the modules are imported (a class decorator such as
``compare.by_fields``, a table built at import) is called before any test runs, so mutmut
credits it to the first test of the run alone, and its mutants "survive" tests that would kill
them.  Its verdict on a mutant that changes what a test asserts only through such a function is
therefore not to be trusted: this script gives the real one.  For every mutant of *FILE* whose
name matches a *PATTERN* (a glob over the names mutmut gives, ``*_repr__mutmut_1*``), it writes the
mutated function into a copy of the checkout, runs the tests there (by default those of the
area that mutates *FILE*, see scripts/mutation.py) until the first failure, and prints
``killed``, ``SURVIVED`` or ``TIMEOUT`` (past ``--timeout`` seconds, and ten times the run
without a mutant; not counted as killed).  Each run may use 4 GiB: a mutant that loops building
a list fails with ``MemoryError`` rather than taking the machine's memory.  The checkout itself is never changed.  ``--show`` prints each
mutant's diff and runs nothing.

It needs the ``mutation`` extra (mutmut and libcst).
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: What a copy of the checkout needs to run the tests.
COPIED = ("wuxi_dt_regulation", "tests", "docs", "benchmarks", "README.md", "CHANGELOG.md",
          "LICENSE", "pyproject.toml")  # fmt: skip


def load_script(name: str) -> ModuleType:
    """scripts/NAME.py, imported by path (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_script", ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks its module up while building a class
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def default_tests(relative: str) -> list[str]:
    """The tests of the area whose modules include *relative* (a path in the checkout)."""
    script = load_script("mutation")
    for name, area in script.AREAS.items():
        if name == "all":
            continue
        if any(fnmatch.fnmatch(relative, glob) for glob in area.modules) and not any(
            fnmatch.fnmatch(relative, glob) for glob in area.exclude
        ):
            return list(area.tests)
    raise SystemExit(f"no area mutates {relative}: pass --tests")


def _where(name: str) -> tuple[str | None, str, str]:
    """``pkg.mod.xǁClassǁmethod__mutmut_3`` -> (``Class``, ``method``, the generated stem)."""
    generated = name.rpartition(".")[-1]
    stem = generated.rpartition("__mutmut_")[0]
    if "ǁ" in stem:
        _, cls, method = stem.split("ǁ")
        return cls, method, stem
    return None, stem.removeprefix("x_"), stem


def mutants(path: Path, *patterns: str) -> dict[str, tuple[str, str]]:
    """The mutants of the file at *path* whose names match one of *patterns*: name -> (the
    original function's source, the mutated one's), each named as in the file."""
    import libcst as cst
    from mutmut.mutation.file_mutation import mutate_file_contents

    mutated = mutate_file_contents(str(path), path.read_text(encoding="utf-8"))
    module = cst.parse_module(mutated.code)
    functions: dict[str, cst.FunctionDef] = {}
    for node in module.body:
        body = node.body.body if isinstance(node, cst.ClassDef) else (node,)
        for child in body:
            if isinstance(child, cst.FunctionDef):
                functions[child.name.value] = child
    found: dict[str, tuple[str, str]] = {}
    for name in mutated.mutant_names:
        if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
            _, function, stem = _where(name)
            plain = cst.Name(function)
            original = functions[stem + "__mutmut_orig"].with_changes(name=plain)
            mutant = functions[name.rpartition(".")[-1]].with_changes(name=plain)
            found[name] = (module.code_for_node(original), module.code_for_node(mutant))
    return found


def _is_overload(decorator: Any) -> bool:
    """``@overload`` or ``@typing.overload``."""
    import libcst as cst

    # (bool(): without the mutation extra, as in CI, libcst's names are Any to mypy)
    if isinstance(decorator, cst.Attribute):
        return bool(decorator.attr.value == "overload")
    return isinstance(decorator, cst.Name) and bool(decorator.value == "overload")


def apply(source: str, name: str, mutated: str) -> str:
    """*source* with the function or method of the mutant *name* replaced by *mutated* (its
    parameters and body; the decorators stay)."""
    import libcst as cst

    cls, function, _ = _where(name)
    new = cst.parse_module(mutated).body[0]
    assert isinstance(new, cst.FunctionDef)
    module = cst.parse_module(source)
    found: list[cst.FunctionDef] = []
    for node in module.body:
        if cls is None:
            holders: Sequence[Any] = (node,)
        elif isinstance(node, cst.ClassDef) and node.name.value == cls:
            holders = node.body.body
        else:
            continue
        found += [f for f in holders if isinstance(f, cst.FunctionDef) and f.name.value == function]
    # an @overload'ed function: its signatures stay, the implementation (mutmut's) is replaced
    found = [f for f in found if not any(_is_overload(d.decorator) for d in f.decorators)]
    if len(found) != 1:
        raise SystemExit(f"{name}: found {len(found)} functions to replace, expected one")
    swapped = found[0].with_changes(params=new.params, body=new.body)
    replaced = module.deep_replace(found[0], swapped)
    assert isinstance(replaced, cst.Module)
    code: str = replaced.code
    return code


#: A mutant's test run may use this much memory (a mutant that loops building a list would
#: otherwise take the machine's; it then fails with MemoryError: killed).
MEMORY_LIMIT = 4 << 30


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(copy: Path, tests: list[str], timeout: float | None) -> str:
    """``"passed"``, ``"failed"`` or ``"timeout"``: the tests in *copy*, stopping at the first
    failure, given *timeout* seconds (an endless loop is a timeout, not counted as killed, as
    mutmut counts it)."""
    env = dict(os.environ, HYPOTHESIS_PROFILE="mutation")
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
               "-p", "no:xdist", *tests]  # fmt: skip
    try:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, check=False,
                              timeout=timeout, preexec_fn=_limit_memory)  # fmt: skip
    except subprocess.TimeoutExpired:
        return "timeout"
    return "passed" if done.returncode == 0 else "failed"


def main(argv: list[str] | None = None) -> int:
    """Apply each matching mutant to a copy of the checkout and run the tests."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="a module of the package")
    parser.add_argument("patterns", nargs="+", metavar="PATTERN", help="globs over the names")
    parser.add_argument("--tests", nargs="+", metavar="PATH", help="instead of the area's")
    parser.add_argument("--show", action="store_true", help="print the diffs, run nothing")
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="the least time a mutant's tests get (seconds; at least ten times the run without "
        "a mutant): past it the mutant is a TIMEOUT, not counted as killed",
    )
    args = parser.parse_args(argv)
    path = args.file.resolve()
    relative = path.relative_to(ROOT).as_posix()
    found = mutants(path, *args.patterns)
    if not found:
        parser.error(f"no mutant of {relative} matches {' or '.join(args.patterns)}")
    if args.show:
        for name, (before, after) in found.items():
            print(f"# {name}")
            diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
            print("\n".join(list(diff)[2:]))
        return 0
    tests = args.tests or default_tests(relative)
    source = path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="mutation-by-hand-") as tmp:
        copy = Path(tmp)
        for entry in COPIED:
            if (ROOT / entry).is_dir():
                shutil.copytree(
                    ROOT / entry,
                    copy / entry,
                    ignore=shutil.ignore_patterns("__pycache__", "_build"),
                )
            else:
                shutil.copy2(ROOT / entry, copy / entry)
        target = copy / relative
        started = time.monotonic()
        if run(copy, tests, timeout=None) != "passed":
            raise SystemExit("the tests fail without a mutant: fix them first")
        # ten times the unmutated run, and at least a minute: a loaded machine is slow
        timeout = max(10 * (time.monotonic() - started), args.timeout)
        killed = 0
        for name, (_, after) in found.items():
            target.write_text(apply(source, name, after), encoding="utf-8")
            outcome = run(copy, tests, timeout)
            killed += outcome == "failed"
            shown = {"failed": "killed", "passed": "SURVIVED", "timeout": "TIMEOUT"}[outcome]
            print(f"{shown:<9} {name}", flush=True)
        target.write_text(source, encoding="utf-8")
    print(f"{killed} of {len(found)} killed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
