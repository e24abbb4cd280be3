"""The suite's real inputs: the corpus is what MANIFEST.tsv records, the schemas are the files
SOURCE.txt names, and no test, benchmark or page of the docs points outside the repository."""

from __future__ import annotations

import hashlib
import re

import pytest

from .conftest import CORPUS, MANIFEST, ROOT, SCHEMAS, corpus_files, version_pairs

#: The LawRefBook/Laws commit every corpus file was copied from (also in corpus/README.md).
SOURCE_COMMIT = "2f4c5c23716267af9dbebbbbd6cbbf732b101981"
COLUMNS = ["local_path", "source_repo", "source_path", "source_commit", "bytes", "note"]


def _manifest() -> list[dict[str, str]]:
    """The rows of MANIFEST.tsv (tab-separated; quotes in the notes are plain characters)."""
    header, *lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == COLUMNS
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert rows, "the manifest is empty"
    return rows


def test_the_manifest_records_every_corpus_file_and_nothing_else() -> None:
    listed = {row["local_path"] for row in _manifest()}
    present = {f"corpus/{p.relative_to(CORPUS).as_posix()}" for p in corpus_files()}
    assert sorted(present - listed) == [], "files the manifest does not record"
    assert sorted(listed - present) == [], "files the manifest records but the corpus lacks"
    assert len(present) == 63


@pytest.mark.parametrize("row", _manifest(), ids=lambda row: row["local_path"])
def test_each_corpus_file_is_the_recorded_copy(row: dict[str, str]) -> None:
    path = CORPUS.parent / row["local_path"]
    assert row["source_repo"] == "LawRefBook/Laws"
    assert row["source_commit"] == SOURCE_COMMIT
    assert path.stat().st_size == int(row["bytes"])
    # copied unchanged: still the scraper's UTF-8, never converted to CRLF on the way
    assert b"\r" not in path.read_bytes()
    path.read_bytes().decode("utf-8")


def test_the_readme_says_where_the_corpus_comes_from() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "LawRefBook/Laws" in readme
    assert SOURCE_COMMIT in readme
    assert "MANIFEST.tsv" in readme


def test_six_version_pairs_oldest_first() -> None:
    pairs = version_pairs()
    assert [old.parent.name for old, _ in pairs] == [
        "administrative-reconsideration-law",
        "civil-procedure-law",
        "company-law",
        "legislation-law",
        "shanghai-business-environment",
        "shanghai-minors-protection",
    ]
    for old, new in pairs:
        assert old.parent == new.parent and new.stem != "undated"
        assert old.stem == "undated" or old.stem < new.stem


@pytest.mark.parametrize("name", ["akomantoso30.xsd", "xml.xsd"])
def test_the_schemas_are_the_files_source_txt_names(name: str) -> None:
    source = (SCHEMAS / "SOURCE.txt").read_text(encoding="utf-8")
    recorded = re.search(rf"^([0-9a-f]{{64}})  {re.escape(name)}$", source, flags=re.MULTILINE)
    assert recorded is not None, f"SOURCE.txt records no SHA-256 for {name}"
    assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == recorded.group(1)


#: A path or file that lives outside this repository (the folder the fixtures were once read
#: from, or its notes); written so that this file does not match itself.
OUTSIDE_RE = re.compile(r"(?:\.\.|/work)/shared\b|\b(?:FORMAT|CITATIONS)\.md\b")


def _own_texts() -> list[str]:
    """The repository's own tests, benchmarks, docs and top-level pages (not the package)."""
    paths = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "benchmarks" / "README.md"]
    paths.append(CORPUS / "README.md")
    for folder in ("tests", "benchmarks", "docs"):
        paths.extend(sorted((ROOT / folder).glob("*.py")))
    paths.extend(sorted((ROOT / "docs").glob("*.md")))
    return [p.relative_to(ROOT).as_posix() for p in paths]


@pytest.mark.parametrize("name", _own_texts())
def test_nothing_points_outside_the_repository(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    found = [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
        for m in OUTSIDE_RE.finditer(text)
    ]
    assert found == []
