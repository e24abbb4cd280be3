"""Sphinx configuration: MyST pages, autodoc of the public API, the furo theme.

The site must build with ``sphinx-build -W -n`` (every warning an error, every cross-reference
resolved); ``tests/test_docs.py`` builds it that way in the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Document the package of this checkout, not whatever copy happens to be installed.
sys.path.insert(0, str(ROOT))

import wuxi_dt_regulation  # noqa: E402

project = "wuxi_dt_regulation"
author = "wuxi_dt_regulation developers"
copyright = "2026, wuxi_dt_regulation developers"
release = wuxi_dt_regulation.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# MyST: ```python fences are code blocks (doctested by pytest, see pyproject.toml); headings
# get anchors so that pages can link to sections (parsing.md#skipped-number).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: the API as the user imports it, type hints in the signatures (short names, each
# cross-referenced).
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
# Google "Attributes:" sections as fields, so that they do not describe the attrs fields a
# second time (autodoc documents those from the class).
napoleon_use_ivar = True
napoleon_attr_annotations = False

nitpicky = True
# Targets outside this project that cannot be resolved: intersphinx would resolve them, but the
# build must run without network (the test suite builds the site), so they are listed here
# instead.  Nothing of this package is in the list: missing-reference below maps the private
# modules' names onto the public ones, and anything else unresolved fails the build.
nitpick_ignore = [
    ("py:class", "datetime.date"),  # Event.date, Regulation.effective_date
    ("py:class", "pathlib.Path"),  # parse_file(path)
    ("py:class", "Path"),  # the same, once pathlib is imported only under TYPE_CHECKING
    ("py:class", "os.PathLike"),  # parse_file(path) as the reader declares it
    ("py:class", "collections.abc.Iterator"),  # Paragraph.lines()
    ("py:class", "collections.abc.Sequence"),  # _cli.main(argv)
    ("py:class", "collections.abc.Mapping"),  # RegulationDiff.number_map
    ("py:class", "collections.abc.Callable"),  # the amendments' edit cells
    ("py:class", "collections.abc.Iterable"),  # to_sqlite/to_jsonl(regulations)
    ("py:func", "attrs.evolve"),  # the model's docstring and model.md
    # a type alias in signatures (Citation | CitationRange | CitationList), documented in prose
    # on citations.md; autodoc cannot document an alias of the private module
    ("py:class", "Citable"),
    # format_citation's style: the Literal of the style names, listed in prose on citations.md
    ("py:class", "Style"),
    # the type variable of from_dict/from_json's overloads (cls: type[T]) -> T
    ("py:class", "wuxi_dt_regulation._interchange.serialize.T"),
]

html_theme = "furo"
html_title = "wuxi_dt_regulation"
html_static_path: list[str] = []


def _public_target(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``wuxi_dt_regulation._model.Article`` (how annotations name it) to the public
    ``wuxi_dt_regulation.Article`` that the API page documents; leave anything else unresolved.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    name = target.rsplit(".", 1)[-1]
    private = target.startswith("wuxi_dt_regulation._") or "." not in target
    if not private or name not in wuxi_dt_regulation.__all__:
        return None
    domain = env.get_domain("py")
    node["reftarget"] = f"wuxi_dt_regulation.{name}"
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode
    )


def setup(app: Any) -> None:
    app.connect("missing-reference", _public_target)
