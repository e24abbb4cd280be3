"""Mutants of issue 14 in the small interchange helpers: ``atomic.remove_temporaries`` (the
temporary files an interrupted write left) and ``documents.omitted_fields``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wuxi_dt_regulation import Amendment, Paragraph, Regulation
from wuxi_dt_regulation._interchange.atomic import remove_temporaries
from wuxi_dt_regulation._interchange.documents import omitted_fields


def test_remove_temporaries_removes_exactly_the_names_replacing_makes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    names = [
        ".out.json.abcdefgh.tmp",  # the form replacing() makes: removed
        ".out.json.abcdefg.tmp",  # seven random characters
        ".out.json.abcdefghi.tmp",  # nine
        ".out.json.abcdefgh.TMP",
        ".out.json.abcdefgh_tmp",
        ".out.jsom.abcdefgh.tmp",  # another file's, of the same length
        "out.json.abcdefghi.tmp",
        ".out.json.abcdefghijkl",  # the right length, no suffix
        "out.json",
    ]
    for name in names:
        (tmp_path / name).write_text("x")
    assert remove_temporaries(target) == [tmp_path / names[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])
    assert remove_temporaries(str(target)) == []


def test_remove_temporaries_in_a_missing_folder_removes_nothing(tmp_path: Path) -> None:
    assert remove_temporaries(tmp_path / "none" / "out.json") == []


def test_a_temporary_removed_meanwhile_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process cleaning up between the listing and the removal is no error."""
    gone = ".out.json.abcdefgh.tmp"
    monkeypatch.setattr(os, "listdir", lambda folder: [gone])
    assert remove_temporaries(tmp_path / "out.json") == [tmp_path / gone]


def test_omitted_fields() -> None:
    assert omitted_fields(Regulation) == frozenset({"warnings"})
    assert omitted_fields(Amendment) == frozenset({"warnings"})
    assert omitted_fields(Paragraph) == frozenset()
