"""to_sqlite and search_sqlite: the schema, the rows (every unit, every reference, every
citation style), full-text queries over the whole corpus, the LIKE fallback for short queries,
determinism, the atomic write and the clear error where FTS5 is missing."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Regulation, SerializationError
from wuxi_dt_regulation._interchange import sqlite_index
from wuxi_dt_regulation._interchange.links import citation_texts
from wuxi_dt_regulation._interchange.units import walk_units

from .conftest import CORPUS, corpus_files
from .strategies import regulations


def _rows(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute(sql, params).fetchall()


def _dump(db: Path) -> bytes:
    with closing(sqlite3.connect(db)) as con:
        return "\n".join(con.iterdump()).encode("utf-8")


@pytest.fixture(scope="module")
def corpus() -> dict[str, Regulation]:
    return {p.relative_to(CORPUS).as_posix(): wdr.parse_file(p) for p in corpus_files()}


@pytest.fixture(scope="module")
def corpus_db(corpus: dict[str, Regulation], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "laws.db"
    wdr.to_sqlite(corpus, db)
    return db


# --------------------------------------------------------------------------- schema and rows


def test_the_schema_is_the_documented_one_and_versioned(corpus_db: Path) -> None:
    stored = [
        row[0]
        for row in _rows(
            corpus_db,
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'units_fts_%' ORDER BY rowid",
        )
    ]
    assert stored == list(sqlite_index.SCHEMA)
    assert _rows(corpus_db, "PRAGMA user_version") == [(sqlite_index.SCHEMA_VERSION,)]
    meta = dict(_rows(corpus_db, "SELECT key, value FROM meta"))
    assert meta["schema_version"] == "1" and meta["tokenizer"] == "trigram"
    assert meta["generator"] == f"wuxi_dt_regulation {wdr.__version__}"
    docs = (Path(__file__).parent.parent / "docs" / "sqlite.md").read_text(encoding="utf-8")
    for statement in sqlite_index.SCHEMA:
        assert statement in docs, statement.splitlines()[0]


def test_every_regulation_and_unit_is_a_row(corpus: dict[str, Regulation], corpus_db: Path) -> None:
    rows = _rows(corpus_db, "SELECT id, title, source, effective_date FROM regulations ORDER BY id")
    assert [(r[1], r[2]) for r in rows] == [(reg.title, name) for name, reg in corpus.items()]
    for (reg_id, *_), regulation in zip(rows, corpus.values(), strict=True):
        units = list(walk_units(regulation))
        stored = _rows(corpus_db, "SELECT seq, eid, level, number, label, title, text, citation, "
                       "region FROM units WHERE regulation_id = ? ORDER BY id", reg_id)  # fmt: skip
        assert stored == [
            (u.order, u.eid, u.level, u.number, u.label, u.title, u.text,
             str(u.citation) if u.citation else None, u.region)
            for u in units
        ]  # fmt: skip
        events = _rows(corpus_db, "SELECT text FROM events WHERE regulation_id = ? ORDER BY seq",
                       reg_id)  # fmt: skip
        assert [e[0] for e in events] == [e.text for e in regulation.history]


def test_parents_and_document_order(corpus_db: Path) -> None:
    # every parent is a unit of the same regulation that comes before its children
    orphans = _rows(corpus_db, "SELECT u.eid FROM units u LEFT JOIN units p ON p.id = "
                    "u.parent_id WHERE u.parent_id IS NOT NULL AND (p.id IS NULL OR p.id >= u.id "
                    "OR p.regulation_id <> u.regulation_id)")  # fmt: skip
    assert orphans == []
    ids = _rows(corpus_db, "SELECT id FROM units ORDER BY regulation_id, seq")
    assert [i[0] for i in ids] == list(range(1, len(ids) + 1))


def test_every_citation_style_is_stored() -> None:
    reg = wdr.load()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "wuxi.db"
        wdr.to_sqlite(reg, db)
        stored = _rows(db, "SELECT u.eid, c.style, c.text FROM unit_citations c JOIN units u "
                       "ON u.id = c.unit_id ORDER BY u.id, c.style")  # fmt: skip
    expected = sorted(
        (u.eid, style, text)
        for u in walk_units(reg)
        if u.citation is not None
        for style, text in citation_texts(u.citation, reg).items()
    )
    assert sorted(stored) == expected
    assert (
        "chp_5__art_35__para_2",
        "court",
        "《无锡市数字化转型促进条例》第三十五条第二款",
    ) in stored


def test_references_with_their_targets(corpus: dict[str, Regulation], corpus_db: Path) -> None:
    name = "national/刑法.md"
    regulation = corpus[name]
    (reg_id,) = _rows(corpus_db, "SELECT id FROM regulations WHERE source = ?", name)[0]
    refs = _rows(corpus_db, "SELECT r.text, r.kind, r.dangling, u.citation FROM refs r JOIN units "
                 "u ON u.id = r.unit_id WHERE u.regulation_id = ? ORDER BY r.id", reg_id)  # fmt: skip
    expected = regulation.references()
    assert refs == [(r.match.text, r.match.kind, int(r.dangling), str(r.at)) for r in expected]
    # 第一百四十九条: 第一百四十一条至第一百四十八条 points to every article between, 之一 included
    (ranged,) = [r for r in expected if r.match.text == "第一百四十一条至第一百四十八条"
                 and str(r.at) == "第一百四十九条第一款"]  # fmt: skip
    targets = _rows(corpus_db, "SELECT t.citation, tu.citation FROM refs r JOIN units u ON u.id "
                    "= r.unit_id JOIN ref_targets t ON t.ref_id = r.id LEFT JOIN units tu ON "
                    "tu.id = t.unit_id WHERE u.regulation_id = ? AND u.citation = "
                    "'第一百四十九条第一款' AND r.text = ? ORDER BY t.seq", reg_id,
                    ranged.match.text)  # fmt: skip
    assert [t[0] for t in targets] == [str(c) for c in ranged.targets]
    assert [t[1] for t in targets] == [t[0] for t in targets]  # each the unit it names
    assert len(targets) > 8 and "第一百四十二条之一" in [t[0] for t in targets]
    # a dangling reference has a target row without a unit
    dangling = _rows(corpus_db, "SELECT count(*) FROM refs r JOIN ref_targets t ON t.ref_id = "
                     "r.id WHERE r.dangling = 1 AND t.unit_id IS NULL")  # fmt: skip
    assert dangling[0][0] > 0


# --------------------------------------------------------------------------- search


def _probes(corpus: dict[str, Regulation]) -> Iterator[tuple[str, str, str]]:
    """For each file: a unit of text, and six characters from its middle."""
    for regulation in corpus.values():
        unit = next((u for u in walk_units(regulation)
                     if len(u.text) >= 12 and not any(c.isspace() for c in u.text[3:9])),
                    None)  # fmt: skip
        if unit is not None:
            yield regulation.title, unit.eid, unit.text[3:9]


def test_full_text_search_finds_a_phrase_of_every_file(
    corpus: dict[str, Regulation], corpus_db: Path
) -> None:
    probes = list(_probes(corpus))
    assert len(probes) >= 60
    for title, eid, phrase in probes:
        hits = wdr.search_sqlite(corpus_db, phrase, limit=None)
        assert any(h.title == title and h.eid == eid for h in hits), (title, phrase)
        assert all(phrase.casefold() in h.snippet.casefold() or "…" in h.snippet for h in hits)
        ranks = [h.rank for h in hits]
        assert ranks == sorted(ranks) and all(r < 0 for r in ranks)  # bm25: lower is better


def test_hits_print_as_title_citation_snippet(corpus_db: Path) -> None:
    hits = wdr.search_sqlite(corpus_db, "故意杀人的，处死刑", limit=3)
    assert str(hits[0]).startswith("《中华人民共和国刑法》第二百三十二条")
    assert hits[0].citation is not None and hits[0].citation.startswith("第二百三十二条")
    assert hits[0].source == "national/刑法.md"


def test_short_queries_are_scanned_in_document_order(corpus_db: Path) -> None:
    hits = wdr.search_sqlite(corpus_db, "数据", limit=None)
    assert len(hits) > 100
    assert all(h.rank == 0.0 and "数据" in h.snippet for h in hits)
    units = _rows(corpus_db, "SELECT eid, regulation_id FROM units WHERE text LIKE '%数据%' "
                  "OR title LIKE '%数据%' ORDER BY id")  # fmt: skip
    assert [h.eid for h in hits] == [u[0] for u in units]
    # several words: all of them, in any order; a short one sends the query to the scan
    both = wdr.search_sqlite(corpus_db, "刑 故意杀人", limit=None)
    assert both and all("故意杀人" in h.snippet or "…" in h.snippet for h in both)


def test_query_syntax_is_literal_text(corpus_db: Path) -> None:
    for query in ('"', "a OR b", "NEAR(x y)", "100%", "a_b", "*", "'; DROP TABLE units; --"):
        wdr.search_sqlite(corpus_db, query)  # no FTS5 syntax error, no injection
    assert _rows(corpus_db, "SELECT count(*) FROM units")[0][0] > 0


def test_where_a_hit_without_citation_stands(tmp_path: Path) -> None:
    reg = wdr.parse_file(CORPUS / "national" / "香港特别行政区基本法(1990-04-04).md")
    db = tmp_path / "hk.db"
    wdr.to_sqlite(reg, db)
    appendix = next(u for u in walk_units(reg) if u.region == "appendix" and len(u.text) > 10)
    hits = wdr.search_sqlite(db, appendix.text[:8], limit=None)
    hit = next(h for h in hits if h.eid == appendix.eid)
    assert hit.citation is None and hit.where.startswith("附件")


def test_search_errors(tmp_path: Path, corpus_db: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        wdr.search_sqlite(corpus_db, "  ")
    with pytest.raises(ValueError, match=">= 0"):
        wdr.search_sqlite(corpus_db, "数据安全", limit=-1)
    with pytest.raises(FileNotFoundError):
        wdr.search_sqlite(tmp_path / "none.db", "数据安全")
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(SerializationError, match="not a database written by to_sqlite"):
        wdr.search_sqlite(other, "数据安全")
    text = tmp_path / "text.db"
    text.write_text("not sqlite at all, really not", encoding="utf-8")
    with pytest.raises(SerializationError, match="not an SQLite database"):
        wdr.search_sqlite(text, "数据安全")


# --------------------------------------------------------------------------- writing


def test_the_same_input_gives_the_same_rows(corpus: dict[str, Regulation], tmp_path: Path) -> None:
    chosen = {k: corpus[k] for k in ("national/刑法.md", "national/宪法.md")}
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    wdr.to_sqlite(chosen, first)
    wdr.to_sqlite({k: wdr.parse_file(CORPUS / k) for k in chosen}, second)
    assert _dump(first) == _dump(second)


@settings(max_examples=25)
@given(regulations())
def test_any_regulation_round_trips_its_units(regulation: Regulation) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "x.db"
        count = wdr.to_sqlite([regulation, regulation], db)
        units = list(walk_units(regulation))
        assert count == 2 * len(units)
        stored = _rows(db, "SELECT eid, text FROM units WHERE regulation_id = 2 ORDER BY seq")
        assert stored == [(u.eid, u.text) for u in units]
        assert _dump(db) == _dump(db)


def test_the_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "laws.db"
    wdr.to_sqlite(wdr.load(), db)
    os.chmod(db, 0o640)
    before = db.read_bytes()

    def fail(*args: object) -> dict[str, str]:
        raise OSError("disk full")

    monkeypatch.setattr(sqlite_index, "citation_texts", fail)
    with pytest.raises(OSError, match="disk full"):
        wdr.to_sqlite(wdr.load(), db)
    assert db.read_bytes() == before  # the old database, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laws.db"]  # no temporary file left
    monkeypatch.undo()
    wdr.to_sqlite(wdr.parse("# 另一条例\n\n第一条 甲。\n"), db)
    assert _rows(db, "SELECT title FROM regulations") == [("另一条例",)]
    assert db.stat().st_mode & 0o777 == 0o640  # the permissions of the file replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laws.db"]


def test_without_fts5_trigram_the_error_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as an SQLite older than 3.34 (or built without FTS5) answers: no such tokenizer
    monkeypatch.setattr(sqlite_index, "FTS_TOKENIZER", "no_such_tokenizer")
    with pytest.raises(RuntimeError, match=r"FTS5 with the 'no_such_tokenizer' tokenizer"):
        wdr.to_sqlite(wdr.load(), tmp_path / "x.db")
    assert list(tmp_path.iterdir()) == []


def test_regulations_are_given_as_one_a_list_or_a_mapping(tmp_path: Path) -> None:
    reg = wdr.load()
    for given_ in (reg, [reg], (r for r in [reg]), {"wuxi.md": reg}):
        db = tmp_path / "x.db"
        assert wdr.to_sqlite(given_, db) == len(list(walk_units(reg)))
    assert _rows(tmp_path / "x.db", "SELECT source FROM regulations") == [("wuxi.md",)]
    with pytest.raises(TypeError, match="Regulation"):
        wdr.to_sqlite(["# 不是条例"], tmp_path / "y.db")  # type: ignore[list-item]


# --------------------------------------------------------------------------- the command line


def test_export_sqlite_and_search_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wuxi_dt_regulation.__main__ import main

    files = [str(CORPUS / "national" / "刑法.md"), str(CORPUS / "national" / "宪法.md")]
    db = tmp_path / "laws.db"
    assert main(["export", "--format", "sqlite", *files, "-o", str(db), "-q"]) == 0
    assert _rows(db, "SELECT source FROM regulations ORDER BY id") == [(f,) for f in files]
    capsys.readouterr()
    assert main(["search", "--db", str(db), "故意杀人的，处死刑", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [str(wdr.search_sqlite(db, "故意杀人的，处死刑", limit=1)[0])]
    assert out[0].startswith("《中华人民共和国刑法》第二百三十二条")
    # a short query is scanned, and the command says so
    assert main(["search", "--db", str(db), "国家", "--limit", "0"]) == 0
    captured = capsys.readouterr()
    assert "shorter than 3 characters" in captured.err
    assert len(captured.out.splitlines()) == len(wdr.search_sqlite(db, "国家", limit=None)) > 20
    assert main(["search", "--db", str(db), "没有这样的文字"]) == 1
    assert "no match" in capsys.readouterr().err


def test_export_sqlite_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wuxi_dt_regulation.__main__ import main

    assert main(["export", "--format", "sqlite"]) == 2
    assert "give -o PATH" in capsys.readouterr().err
    assert main(["export", "--format", "sqlite", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["export", "--format", "sqlite", "-o", str(tmp_path / "w.db")]) == 0
    assert _rows(tmp_path / "w.db", "SELECT title, source FROM regulations") == [
        ("无锡市数字化转型促进条例", None)
    ]
    assert main(["search", "--db", str(tmp_path / "w.db"), "--file", "x.md", "数据安全"]) == 2
    assert main(["search", "--db", str(tmp_path / "none.db"), "数据安全"]) == 1
    assert "No such database" in capsys.readouterr().err


def test_the_command_line_says_when_fts5_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wuxi_dt_regulation.__main__ import main

    assert main(["export", "--format", "sqlite", "-o", str(tmp_path / "w.db")]) == 0
    monkeypatch.setattr(sqlite_index, "FTS_TOKENIZER", "no_such_tokenizer")
    assert main(["export", "--format", "sqlite", "-o", str(tmp_path / "x.db")]) == 1
    assert main(["search", "--db", str(tmp_path / "w.db"), "数据安全"]) == 1
    err = capsys.readouterr().err
    assert err.count("cannot build the full-text index") == 2 and "Traceback" not in err
