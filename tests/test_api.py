"""The public API as a contract: ``__all__`` pinned, docstrings, and the one-way layering.

STYLE.md and docs/architecture.md: a folder per capability, whose imports flow one way (model <-
markdown <- citations <- diff <- interchange <- cli, ``__init__`` on top); no cycle, not even a
lazy one; no private name crosses a module; modules stay small; the public API is re-exported
once in ``__init__.__all__`` and ``dir()`` shows nothing else; nothing heavy is imported by
``import wuxi_dt_regulation``.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr

PACKAGE = "wuxi_dt_regulation"
SOURCE = Path(__file__).resolve().parent.parent / PACKAGE

#: The public names, exactly.  Adding a name is an API change: add it here on purpose.
EXPECTED_ALL = [
    "Amendment",
    "AmendmentError",
    "Appendix",
    "Article",
    "ArticleChange",
    "Chapter",
    "CharEdit",
    "Citation",
    "CitationError",
    "CitationList",
    "CitationMatch",
    "CitationRange",
    "CitationStyle",
    "ComparisonRow",
    "Division",
    "Event",
    "HeaderChange",
    "Heading",
    "HeadingChange",
    "Item",
    "Merge",
    "NotFoundError",
    "Paragraph",
    "ParagraphEdit",
    "ParseError",
    "ParseWarning",
    "Part",
    "PatchError",
    "Reference",
    "Regulation",
    "RegulationDiff",
    "RegulationError",
    "SearchHit",
    "Section",
    "SerializationError",
    "Split",
    "SqliteHit",
    "StaleReference",
    "SubItem",
    "Subpart",
    "Table",
    "Timeline",
    "__version__",
    "diff",
    "eid_for",
    "find_citations",
    "format_citation",
    "format_gbt7714",
    "from_akn",
    "from_chinese",
    "from_dict",
    "from_json",
    "full_title",
    "load",
    "parse",
    "parse_amendment",
    "parse_citation",
    "parse_citations",
    "parse_file",
    "render",
    "search_sqlite",
    "seed_text",
    "short_title",
    "to_akn",
    "to_chinese",
    "to_dict",
    "to_html",
    "to_json",
    "to_jsonl",
    "to_sqlite",
]

#: The layers, bottom up: a module may import its own folder and the folders below it, never
#: one above (docs/architecture.md).  ``_version`` is a leaf anyone may read.
LAYERS = {
    "_version": 0,
    "_model": 0,
    "_markdown": 1,
    "_citations": 2,
    "_diff": 3,
    "_amend": 4,
    "_interchange": 5,
    "_cli": 6,
    "__main__": 7,
    "__init__": 7,
    "amendments": 7,
}
#: Modules too heavy to import with the package (STYLE.md principle 6; lxml for the AKN work).
HEAVY = frozenset({"json", "xml", "difflib", "argparse", "cattrs", "lxml", "sqlite3"})


# ----------------------------------------------------------------------------- __all__


def test_all_is_pinned() -> None:
    assert sorted(wdr.__all__) == EXPECTED_ALL
    assert len(set(wdr.__all__)) == len(wdr.__all__), "a name is listed twice"


@pytest.mark.parametrize("name", EXPECTED_ALL)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(wdr, name) is not None


def test_version_is_a_release_string() -> None:
    parts = wdr.__version__.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts), wdr.__version__


# ----------------------------------------------------------------------------- docstrings


def _public_objects() -> list[tuple[str, object]]:
    return [(name, getattr(wdr, name)) for name in EXPECTED_ALL if name != "__version__"]


@pytest.mark.parametrize(("name", "obj"), _public_objects(), ids=[n for n, _ in _public_objects()])
def test_every_public_name_has_its_own_docstring(name: str, obj: object) -> None:
    # obj.__doc__, not inspect.getdoc: an exception must not pass on its base class's docstring
    doc = getattr(obj, "__doc__", None)
    if typing.get_origin(obj) is typing.Literal:  # a type alias: its doc is a #: comment
        source = inspect.getsource(importlib.import_module(wdr._LAZY[name], "wuxi_dt_regulation"))
        doc = source.partition(f"\n{name}: TypeAlias")[0].rpartition("\n\n")[2]
        assert doc.startswith("#: "), f"{name} has no #: comment"
    assert doc and doc.strip(), f"{name} has no docstring"
    if inspect.isclass(obj):
        for base in obj.__mro__[1:]:
            assert doc != base.__doc__, f"{name} only inherits the docstring of {base.__name__}"


def _public_members() -> list[str]:
    members = []
    for name, obj in _public_objects():
        if not inspect.isclass(obj):
            continue
        for attr, value in vars(obj).items():
            if attr.startswith("_"):
                continue
            if isinstance(value, property) or inspect.isfunction(value):
                members.append(f"{name}.{attr}")
    return members


@pytest.mark.parametrize("member", _public_members())
def test_every_public_method_and_property_has_a_docstring(member: str) -> None:
    owner, attr = member.split(".")
    value = vars(getattr(wdr, owner))[attr]
    doc = value.__doc__
    assert doc and doc.strip(), f"{member} has no docstring (the API reference shows it bare)"


def test_public_classes_live_in_private_modules() -> None:
    # One home per name: defined in a private folder, re-exported from the package (exceptions
    # say they are the package's own, so that tracebacks name them where users import them).
    for name, obj in _public_objects():
        if typing.get_origin(obj) is typing.Literal:  # a type alias: where __getattr__ finds it
            assert wdr._LAZY[name].startswith("._"), name
            continue
        module = getattr(obj, "__module__", "")
        assert module.startswith(f"{PACKAGE}._") or module == PACKAGE, (name, module)


def test_dir_shows_the_public_names_and_nothing_else() -> None:
    assert dir(wdr) == sorted(EXPECTED_ALL)
    for leak in ("os", "Any", "TYPE_CHECKING", "overload", "TypeVar", "SEED_NAME", "annotations"):
        assert leak not in dir(wdr)


def test_a_public_function_is_documented_where_it_is_defined() -> None:
    # The package re-exports: the function users call is the one defined in its folder, so the
    # API reference (autodoc of wdr.X) shows that definition's docstring and signature.
    for name, obj in _public_objects():
        if inspect.isfunction(obj):
            assert obj.__module__.startswith(f"{PACKAGE}._"), (name, obj.__module__)
            assert obj.__doc__ and ">>> " in obj.__doc__, f"{name} has no example"


# ----------------------------------------------------------------------------- layering


def _module_name(path: Path) -> str:
    """The dotted name of the module at *path*: ``wuxi_dt_regulation._model.units``."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def _layer(module: str) -> int:
    """The layer of a package module: its folder's (or the top-level file's)."""
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else "__init__"
    assert key in LAYERS, f"{module}: the folder {key} is in no layer of LAYERS"
    return LAYERS[key]


@dataclasses.dataclass(frozen=True)
class _Import:
    importer: str
    line: int
    target: str  # the package module imported
    names: tuple[str, ...]  # the names taken from it (``from X import a, b``)
    runtime: bool  # False for imports under ``if TYPE_CHECKING:``


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports() -> list[_Import]:
    """Every import of a package module, anywhere in a file: at module level, inside functions
    (lazy imports) and under ``if TYPE_CHECKING:``."""
    sources = _sources()
    found: list[_Import] = []
    for importer, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
            for stmt in node.body
            for inner in ast.walk(stmt)
        }
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            runtime = id(node) not in typing_only
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == PACKAGE:
                        found.append(_Import(importer, node.lineno, alias.name, (), runtime))
            elif isinstance(node, ast.ImportFrom):
                module = _resolve(importer, is_package, node)
                if module.split(".")[0] != PACKAGE:
                    continue
                for alias in node.names:
                    # ``from . import tables``: a submodule when one is called so
                    sub = f"{module}.{alias.name}"
                    if sub in sources:
                        found.append(_Import(importer, node.lineno, sub, (), runtime))
                    else:
                        found.append(_Import(importer, node.lineno, module, (alias.name,), runtime))
    return found


def test_the_layering_scan_sees_imports() -> None:
    # Guards the scan itself: known imports of each kind are found.
    found = {(i.importer, i.target, i.runtime) for i in _imports()}
    assert (f"{PACKAGE}._markdown.parser", f"{PACKAGE}._markdown.lexer", True) in found
    assert (f"{PACKAGE}._model.search", f"{PACKAGE}._model.regulation", False) in found
    assert (f"{PACKAGE}._diff.regulation_diff", f"{PACKAGE}._diff.tables", True) in found
    assert (f"{PACKAGE}", f"{PACKAGE}._citations.find", True) in found  # lazy, in a function
    assert len({i.importer for i in _imports()}) > 40


@pytest.mark.parametrize("module", sorted(_sources()))
def test_imports_point_down_the_layers(module: str) -> None:
    for imp in _imports():
        if imp.importer != module:
            continue
        assert imp.target in _sources() or imp.target == PACKAGE, (
            f"{module}:{imp.line}: no module {imp.target}"
        )
        assert _layer(imp.target) <= _layer(module), (
            f"{module}:{imp.line} imports {imp.target}, a layer above it"
        )
        assert imp.target != PACKAGE or module == f"{PACKAGE}.__main__" or module == PACKAGE, (
            f"{module}:{imp.line} imports the package itself: take the name from its home"
        )


def test_no_cycle_not_even_a_lazy_one() -> None:
    graph: dict[str, set[str]] = {name: set() for name in _sources()}
    for imp in _imports():
        if imp.runtime and imp.target != imp.importer:
            graph[imp.importer].add(imp.target)
    # A package's __init__ runs before its modules; an import of the folder is of that file.
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycle = [*stack[stack.index(node) :], node]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, [*stack, node])
        done.add(node)

    for name in sorted(graph):
        visit(name, [])


def test_no_private_name_crosses_a_module() -> None:
    # A leading underscore means "only this file": what a sibling needs is a public name.
    for imp in _imports():
        for name in imp.names:
            assert not (name.startswith("_") and not name.startswith("__")), (
                f"{imp.importer}:{imp.line} imports the private name {name} from {imp.target}"
            )


@pytest.mark.parametrize("folder", sorted(k for k in LAYERS if (SOURCE / k).is_dir()))
def test_each_folder_says_what_lives_there_and_what_it_may_import(folder: str) -> None:
    doc = ast.get_docstring(ast.parse((SOURCE / folder / "__init__.py").read_text("utf-8")))
    assert doc and "May import" in doc, folder


@pytest.mark.parametrize("module", sorted(_sources()))
def test_modules_stay_small(module: str) -> None:
    # STYLE.md: split a module when it passes about 400 lines or gains a second responsibility.
    lines = _sources()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 420, f"{module} has {lines} lines"


def _runtime_module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, top-level module name) imported when the module runs: functions and
    ``if TYPE_CHECKING:`` blocks excluded."""
    found: list[tuple[int, str]] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.extend((node.lineno, a.name.split(".")[0]) for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if not node.level and node.module:
                    found.append((node.lineno, node.module.split(".")[0]))
            elif isinstance(node, ast.If):
                test = ast.unparse(node.test)
                if test not in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, (ast.Try, ast.With)):
                visit(node.body)

    visit(tree.body)
    return found


@pytest.mark.parametrize("module", sorted(m for m in _sources() if "._cli" not in m))
def test_nothing_heavy_at_module_level(module: str) -> None:
    tree = ast.parse(_sources()[module].read_text(encoding="utf-8"))
    for line, imported in _runtime_module_level_imports(tree):
        assert imported not in HEAVY, f"{module}:{line} imports {imported} at module level"


def _loaded_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        cwd=SOURCE.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


#: What ``import wuxi_dt_regulation`` loads of the package: the model the values need, the hook
#: and load(); nothing that reads or writes text.
AT_IMPORT = {
    "",
    "._version",
    "._model",
    "._model.checks",
    "._model.compare",
    "._model.errors",
    "._model.hooks",
    "._model.labels",
    "._model.numerals",
    "._model.regulation",
    "._model.reprs",
    "._model.structure",
    "._model.tree",
    "._model.units",
    "._markdown",
    "._markdown.bundled",
}


def test_import_loads_nothing_heavy() -> None:
    loaded = _loaded_after(f"import {PACKAGE}")
    assert not {m.split(".")[0] for m in loaded} & HEAVY
    ours = {m for m in loaded if m.startswith(PACKAGE)}
    assert ours == {PACKAGE + m for m in AT_IMPORT}


def test_load_and_lookup_need_only_the_prebuilt_seed() -> None:
    """load() reads the seed's prebuilt form (tests/test_packed.py): no parser, no regex, and
    not the generic trusted constructors (``_model.trusted``) either."""
    loaded = _loaded_after(f"import {PACKAGE} as w\nw.load().article(35)")
    assert not {m.split(".")[0] for m in loaded} & HEAVY
    ours = {m for m in loaded if m.startswith(PACKAGE)}
    reader = {"._model.packed", "._model.prebuilt"}
    assert ours == {PACKAGE + m for m in AT_IMPORT | reader}


def test_style_names_are_a_literal_type() -> None:
    """``CitationStyle`` is the Literal of every style, in the order of ``STYLES``; mypy refuses
    another name (tests/test_citation.py calls ``format_citation(…, "bluebook")`` under a
    ``type: ignore[arg-type]`` that ``mypy --strict`` would report unused if it did not)."""
    from typing import get_args

    from wuxi_dt_regulation._citations.format import STYLES

    assert get_args(wdr.CitationStyle) == STYLES == (
        "statute", "full", "internal", "court", "academic", "en", "en-compact", "eid"
    )  # fmt: skip
