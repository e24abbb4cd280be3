"""Shared fixtures: the corpus in ../shared, and hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_PATH = SHARED / "seed" / "000_ea8c2c68880bd9f7.txt"

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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def corpus_files() -> list[Path]:
    """Every regulation of ../shared/corpus, sorted; empty when the folder is absent."""
    return sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []


def version_pairs() -> list[tuple[Path, Path]]:
    """The (old, new) pairs under ../shared/corpus/versions, oldest first ('undated' first)."""
    root = CORPUS / "versions"
    if not root.is_dir():
        return []
    pairs = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.md"), key=lambda p: "0" if p.stem == "undated" else p.stem)
        pairs.append((files[0], files[1]))
    return pairs


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it skip, saying why, when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the corpus and schemas live there (see README)")
    return SHARED


def corpus_params() -> list[object]:
    """Parametrize over the corpus; one explicit skip when the folder is absent."""
    files = corpus_files()
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
    return [pytest.param(p, id=p.relative_to(CORPUS).as_posix()) for p in files]
