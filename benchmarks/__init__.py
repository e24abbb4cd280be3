"""Benchmarks: scripts that print figures as ratios against a baseline measured in the same run.

The real regulations they read are the test suite's copy of the corpus, ``tests/corpus`` (see
its README): :data:`CORPUS` and :func:`corpus_files` are the one place that says so.
"""

from __future__ import annotations

from pathlib import Path

#: The checkout (the folder holding pyproject.toml).
ROOT = Path(__file__).resolve().parent.parent
#: 63 real regulations from LawRefBook/Laws, copied unchanged into the tests.
CORPUS = ROOT / "tests" / "corpus"


def corpus_files() -> list[Path]:
    """Every regulation of the corpus (the Markdown files in its subfolders), sorted."""
    return sorted(CORPUS.glob("*/**/*.md"))
