"""The public API as a contract: ``__all__`` pinned, docstrings, and the one-way module layering.

STYLE.md: private ``_modules``; the public API is re-exported once in ``__init__.__all__``;
``_numerals`` and ``_errors`` are leaves, ``_model`` imports only them, the feature modules
(parser, render, citations, diff, serialization, AKN) import the model but never each other's
internals (``_lexer`` is the parser's and the renderer's), and ``__init__``/``__main__`` (with the
``_cmd_*`` command modules) sit on top.  Nothing heavy is imported by ``import wuxi_dt_regulation``.
"""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr

PACKAGE = "wuxi_dt_regulation"
SOURCE = Path(__file__).resolve().parent.parent / PACKAGE

#: The public names, exactly.  Adding a name is an API change: add it here on purpose.
EXPECTED_ALL = [
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
    "SubItem",
    "Subpart",
    "Table",
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
    "load",
    "parse",
    "parse_citation",
    "parse_citations",
    "parse_file",
    "render",
    "seed_text",
    "to_akn",
    "to_chinese",
    "to_dict",
    "to_json",
]

LEAVES = frozenset({"_errors", "_numerals"})
#: The one sanctioned exception: methods of the model that the issues ask for
#: (``Regulation.resolve``/``references``/``search``, ``Article.citation``) delegate to the
#: citation modules, importing them inside the method body (or under TYPE_CHECKING), never when
#: the model module runs.
DELEGATES = {
    # a unit's .citation builds a Citation
    "_model": frozenset({"_citation"}),
    # Regulation.resolve()/references()/search() delegate to the citation modules
    "_regulation": frozenset({"_citation", "_references", "_search"}),
    # str(Citation) is format_citation's
    "_citation": frozenset({"_citation_format"}),
    # format_citation reads a list back (with the strict parser) to refuse ambiguous ones
    "_citation_format": frozenset({"_citation_grammar"}),
    # RegulationDiff.to_markdown()/to_html()/to_text() delegate to the renderers
    "_diff": frozenset({"_diff_render"}),
}
#: Modules only the parser and the renderer may import.
SHARED_WITH = {
    "_lexer": frozenset({"_parser", "_render"}),
    # the citation family: the values (_citation) and their formatting; the tokenizer, the
    # grammar with the strict parser, and the scanner (each built on the ones before); the search
    "_citation": frozenset(
        {"_citation_format", "_citation_tokens", "_citation_grammar", "_references", "_search"}
    ),
    "_citation_tokens": frozenset({"_citation_grammar", "_references"}),
    "_citation_grammar": frozenset({"_references"}),
    # the diff family: the values (_diff), the alignment, the builder and the renderers
    "_diff": frozenset({"_diff_build", "_diff_render"}),
    "_diff_align": frozenset({"_diff_build"}),
    # the Akoma Ntoso family: the vocabulary and FRBR naming (_akn), the writer and the reader
    "_akn": frozenset({"_akn_read", "_akn_write"}),
}
#: Modules too heavy to import with the package (STYLE.md principle 6; lxml for the AKN work).
HEAVY = frozenset({"json", "xml", "difflib", "argparse", "cattrs", "lxml"})


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
    # One home per name: defined in a _module, re-exported from the package.
    for name, obj in _public_objects():
        module = getattr(obj, "__module__", "")
        assert module.startswith(f"{PACKAGE}._") or module == PACKAGE, (name, module)


# ----------------------------------------------------------------------------- layering


def _modules() -> dict[str, ast.Module]:
    return {
        path.stem: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted(SOURCE.glob("*.py"))
    }


def _internal_target(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> str | None:
    """The package module an import names (``"__init__"`` for the package), or None."""
    names = {path.stem for path in SOURCE.glob("*.py")}
    if isinstance(node, ast.Import):
        parts = alias.name.split(".")
        if parts[0] != PACKAGE:
            return None
        return parts[1] if len(parts) > 1 else "__init__"
    if node.level == 0:
        if node.module is None or node.module.split(".")[0] != PACKAGE:
            return None
        parts = node.module.split(".")[1:]
    else:
        parts = node.module.split(".") if node.module else []
    if parts:
        return parts[0]
    # "from . import x": a submodule when one is called x, else a name of the package
    return alias.name if alias.name in names else "__init__"


def _imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) for every import of a package module, lazy and TYPE_CHECKING ones too."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                target = _internal_target(node, alias)
                if target is not None:
                    found.append((node.lineno, target))
    return found


def _is_top(name: str) -> bool:
    return name in {"__init__", "__main__"} or name.startswith("_cmd_")


def _allowed(importer: str) -> frozenset[str] | None:
    """What *importer* may import from the package; None means anything (the top layer)."""
    if _is_top(importer):
        return None
    if importer in LEAVES:
        return frozenset()
    if importer == "_model":
        return LEAVES
    if importer == "_regulation":
        return LEAVES | {"_model"}
    shared = frozenset(m for m, users in SHARED_WITH.items() if importer in users)
    return LEAVES | {"_model", "_regulation"} | shared


def test_the_layering_scan_sees_imports() -> None:
    # Guards the scan: the model imports both leaves, the parser imports the lexer.
    modules = _modules()
    assert {m for _, m in _imports(modules["_model"])} - DELEGATES["_model"] == {
        "_errors",
        "_numerals",
    }
    assert "_lexer" in {m for _, m in _imports(modules["_parser"])}
    assert "__init__" in {m for _, m in _imports(modules["_cmd_show"])}


@pytest.mark.parametrize("importer", sorted(_modules()))
def test_module_dependencies_point_one_way(importer: str) -> None:
    allowed = _allowed(importer)
    tree = _modules()[importer]
    delegates = DELEGATES.get(importer, frozenset())
    eager = {line for line, name in _runtime_module_level_imports(tree)}
    for line, target in _imports(tree):
        if target in delegates:
            assert line not in eager, f"{importer}.py:{line}: {target} may only be imported lazily"
            continue
        assert (SOURCE / f"{target}.py").is_file(), f"{importer}.py:{line}: no module {target}"
        if allowed is None:
            assert not (target == "__main__" and importer != "__main__"), (
                f"{importer}.py:{line}: nothing imports __main__"
            )
            continue
        rule = f"may import only {sorted(allowed)}" if allowed else "imports nothing of the package"
        assert target in allowed, f"{importer}.py:{line} imports {target}; {importer} {rule}"


def _runtime_module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, top-level module name) imported when the module runs: functions and
    ``if TYPE_CHECKING:`` blocks excluded."""
    found: list[tuple[int, str]] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.extend((node.lineno, a.name.split(".")[0]) for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    found.extend(
                        (node.lineno, "." + (node.module or a.name).split(".")[0])
                        for a in node.names
                    )
                elif node.module:
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


@pytest.mark.parametrize("name", sorted(n for n in _modules() if not _is_top(n)))
def test_nothing_heavy_at_module_level(name: str) -> None:
    for line, module in _runtime_module_level_imports(_modules()[name]):
        assert module not in HEAVY, f"{name}.py:{line} imports {module} at module level"


def test_the_package_imports_only_the_model_at_import_time() -> None:
    imported = {m for _, m in _runtime_module_level_imports(_modules()["__init__"])}
    package_modules = {m for m in imported if m.startswith(".")}
    assert package_modules <= {"._errors", "._model", "._numerals", "._regulation"}, package_modules
    assert not imported & HEAVY


def _loaded_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        cwd=SOURCE.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_import_loads_nothing_heavy() -> None:
    loaded = _loaded_after(f"import {PACKAGE}")
    assert not {m.split(".")[0] for m in loaded} & HEAVY
    ours = {m for m in loaded if m.startswith(f"{PACKAGE}.")}
    assert ours == {f"{PACKAGE}.{m}" for m in ("_errors", "_model", "_numerals", "_regulation")}


def test_load_and_lookup_need_only_the_parser() -> None:
    loaded = _loaded_after(f"import {PACKAGE} as w\nw.load().article(35)")
    assert not {m.split(".")[0] for m in loaded} & HEAVY
    ours = {m for m in loaded if m.startswith(f"{PACKAGE}.")}
    assert ours == {
        f"{PACKAGE}.{m}"
        for m in ("_errors", "_model", "_numerals", "_regulation", "_lexer", "_parser")
    }
