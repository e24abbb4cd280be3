"""The documentation: the Sphinx site builds with -W -n, and parsing.md covers every warning.

The pages' examples are doctests collected by pytest itself (``--doctest-glob=*.md``); this file
checks what doctests cannot: that Sphinx accepts every page, every cross-reference resolves, and
that each warning code the parser can emit is documented with an example.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
READER = ROOT / "wuxi_dt_regulation" / "_markdown"
#: Every page of the site (each must build, and its fences must end well).
PAGES = tuple(sorted(path.stem for path in DOCS.glob("*.md")))

#: Argument position of the warning code in ``self.warn(line, code, …)`` and
#: ``self.warn_at(line, column, raw, code, …)``.
_CODE_ARG = {"warn": 1, "warn_at": 3}


def _called(node: ast.Call) -> str:
    """The name of the function *node* calls: ``warn`` for ``self.warn(…)`` and ``warn(…)``."""
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def parser_warning_codes() -> set[str]:
    """Every warning code written in the Markdown reader (``_markdown/*.py``): literal arguments
    of ``warn``/``warn_at``, and literals assigned to a variable named ``code``
    (``code, message = "out-of-order", …``)."""
    codes: set[str] = set()
    for path in sorted(READER.glob("*.py")):
        codes |= _codes_in(ast.parse(path.read_text(encoding="utf-8")))
    return codes


def _codes_in(tree: ast.Module) -> set[str]:
    codes: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _called(node) in _CODE_ARG
            and len(node.args) > _CODE_ARG[_called(node)]
        ):
            arg = node.args[_CODE_ARG[_called(node)]]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "code":
                    values = [node.value]
                elif (
                    isinstance(target, ast.Tuple)
                    and target.elts
                    and isinstance(target.elts[0], ast.Name)
                    and target.elts[0].id == "code"
                    and isinstance(node.value, ast.Tuple)
                ):
                    values = [node.value.elts[0]]
                else:
                    continue
                for value in values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        codes.add(value.value)
                    elif isinstance(value, ast.IfExp):
                        for branch in (value.body, value.orelse):
                            if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                                codes.add(branch.value)
    return codes


AMEND = ROOT / "wuxi_dt_regulation" / "_amend"


def amendment_warning_codes() -> set[str]:
    """Every warning code the amendment reader writes (``_amend/*.py``): the code argument of
    ``warn(line, column, code, message)`` and the code of an ``(offset, code, message)`` tuple
    appended to a list of warnings."""
    codes: set[str] = set()
    for path in sorted(AMEND.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called(node) == "warn" and len(node.args) == 4:
                arg = node.args[2]
            elif isinstance(node, ast.Call) and _called(node) == "append" and node.args:
                found = node.args[0]
                if not (isinstance(found, ast.Tuple) and len(found.elts) == 3):
                    continue
                arg = found.elts[1]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
    return codes


def documented_codes() -> list[str]:
    """The codes parsing.md documents, one ``#### `code``` heading each."""
    text = (DOCS / "parsing.md").read_text(encoding="utf-8")
    return re.findall(r"^#### `([a-z-]+)`$", text, flags=re.MULTILINE)


def test_the_parser_emits_the_codes_we_expect_to_find() -> None:
    # Guards the AST scan itself: if the parser's warn() calls changed shape, the scan would
    # find nothing and the coverage test below would pass vacuously.
    codes = parser_warning_codes()
    assert {"skipped-number", "repeated-number", "out-of-order", "toc", "zero-width"} <= codes
    assert len(codes) >= 20
    assert amendment_warning_codes() == {
        "unclosed-quote", "ascii-colon", "missing-ordinal", "instruction-number",
        "group-heading", "unnumbered-instruction", "title-line",
    }  # fmt: skip


def test_every_warning_code_is_documented_with_an_example() -> None:
    codes = parser_warning_codes() | amendment_warning_codes()
    documented = documented_codes()
    text = (DOCS / "parsing.md").read_text(encoding="utf-8")
    assert len(documented) == len(set(documented)), "a code is documented twice"
    assert sorted(codes - set(documented)) == [], "codes the parser emits but parsing.md omits"
    assert sorted(set(documented) - codes) == [], "codes parsing.md documents but nothing emits"
    for code in codes:
        # the doctested example shows the warning as str(warning) prints it
        assert re.search(rf"^\d+:\d+: {re.escape(code)}: ", text, flags=re.MULTILINE), code


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    out = tmp_path / "html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",  # every warning is an error
            "-n",  # nitpicky: every cross-reference must resolve
            "--keep-going",  # report them all, not just the first
            "-E",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for page in PAGES:
        assert (out / f"{page}.html").is_file(), page
    api = (out / "api.html").read_text(encoding="utf-8")
    import wuxi_dt_regulation as wdr

    for name in wdr.__all__:
        if name != "__version__":
            assert f'id="wuxi_dt_regulation.{name}"' in api, f"{name} is not in the API reference"


@pytest.mark.parametrize("page", PAGES)
def test_python_fences_end_with_a_blank_line(page: str) -> None:
    # Doctest reads a ```python fence's last output up to a blank line; without one, the
    # closing ``` would be taken as expected output and the example would fail confusingly.
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    for match in re.finditer(r"```python\n(.*?)```", text, flags=re.DOTALL):
        body = match.group(1)
        if ">>>" in body:
            line = text.count("\n", 0, match.start()) + 1
            assert body.endswith("\n\n"), f"{page}.md:{line}: no blank line before the fence ends"
            assert body.startswith(">>>"), f"{page}.md:{line}: Sphinx lexes >>> only at the start"
