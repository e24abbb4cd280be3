"""Shared fixtures: the real inputs copied into tests/, and hypothesis profiles.

Every file a test reads from outside the package lives under ``tests/`` and is reached through
the constants below, so that a fresh clone runs the whole suite:

- ``corpus/``: 63 real regulations from LawRefBook/Laws, byte-identical, with ``MANIFEST.tsv``
  (source path and commit of each) and a README;
- ``schemas/``: the Akoma Ntoso 3.0 XSD and the W3C ``xml.xsd`` it imports, with ``SOURCE.txt``;
- ``seed/``: an independent copy of the bundled regulation's source text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: The checkout (the folder holding pyproject.toml).
ROOT = Path(__file__).resolve().parent.parent
#: The one place the suite's real inputs come from.
FIXTURES = Path(__file__).resolve().parent
CORPUS = FIXTURES / "corpus"
MANIFEST = CORPUS / "MANIFEST.tsv"
SCHEMAS = FIXTURES / "schemas"
XSD_PATH = SCHEMAS / "akomantoso30.xsd"
SEED_PATH = FIXTURES / "seed" / "000_ea8c2c68880bd9f7.txt"

# The fixtures are data, not tests: the corpus is Markdown, which --doctest-glob=*.md would
# otherwise read as doctest files.
collect_ignore = ["corpus", "schemas", "seed"]

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=120,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
# scripts/mutation.py: the same examples on every run (a mutant's verdict must not depend on
# luck), fewer of them (each mutant reruns the properties that reach it)
settings.register_profile(
    "mutation",
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def corpus_files() -> list[Path]:
    """Every regulation of tests/corpus (the files in its subfolders), sorted.

    Raises:
        FileNotFoundError: the folder holds no regulation, so a parametrization would be empty.
    """
    files = sorted(CORPUS.glob("*/**/*.md"))
    if not files:
        raise FileNotFoundError(f"no regulation under {CORPUS}: the corpus is part of the tests")
    return files


def version_pairs() -> list[tuple[Path, Path]]:
    """The (old, new) pairs under tests/corpus/versions, oldest first ('undated' first)."""
    pairs = []
    for folder in sorted(p for p in (CORPUS / "versions").iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.md"), key=lambda p: "0" if p.stem == "undated" else p.stem)
        pairs.append((files[0], files[1]))
    return pairs


def corpus_params() -> list[object]:
    """Parametrize over the corpus, one id per file (its path inside tests/corpus)."""
    return [pytest.param(p, id=p.relative_to(CORPUS).as_posix()) for p in corpus_files()]
