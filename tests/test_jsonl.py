"""to_jsonl: one record per 款 (or 条) for retrieval pipelines; every line of every corpus
file read back, the keys in their order, the text as the model prints it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Article, Paragraph, Regulation, Table
from wuxi_dt_regulation._citations.format import STYLES
from wuxi_dt_regulation._interchange.akn import work_uri
from wuxi_dt_regulation._interchange.jsonl import RECORD_KEYS, RecordUnit
from wuxi_dt_regulation._interchange.units import UnitInfo, walk_units

from .conftest import corpus_params
from .strategies import regulations


def _read(text: str) -> list[dict[str, Any]]:
    """Every line as JSON; lines split on \\n alone, as JSON Lines says."""
    assert text == "" or text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert all(line and "\r" not in line for line in lines)
    assert len(text.splitlines()) == len(lines)  # no other line break inside a record
    return [json.loads(line) for line in lines]


def _check(regulation: Regulation, source: str | None = None) -> None:
    modes: tuple[RecordUnit, ...] = ("paragraph", "article")
    for unit in modes:
        given: Regulation | dict[str, Regulation] = {source: regulation} if source else regulation
        records = _read(wdr.to_jsonl(given, unit=unit))
        units = list(walk_units(regulation))
        by_eid = {u.eid: u for u in units}
        assert len({r["id"] for r in records}) == len(records)
        for record in records:
            assert tuple(record) == RECORD_KEYS
            assert record["title"] == regulation.title and record["source"] == source
            info = by_eid[str(record["eid"])]
            assert record["id"] == f"{work_uri(regulation)}#{info.eid}"
            assert record["unit"] == info.level
            node = info.node
            expected = (
                node.full_text if isinstance(node, Paragraph)
                else node.text if isinstance(node, Article)
                else "\n".join(node.lines) if isinstance(node, Table) else None
            )  # fmt: skip
            assert record["text"] == expected
            assert record["path"] == [
                {"level": h.level, "label": h.label, "title": h.title} for h in info.headings
            ]
            citation = record["citation"]
            assert isinstance(citation, dict)
            if info.citation is None:
                assert citation == {}
            else:
                assert citation["statute"] == wdr.format_citation(
                    info.citation, "statute", regulation=regulation
                )
                assert citation["full"] == wdr.format_citation(
                    info.citation, "full", regulation=regulation
                )

        # every 款 of every article (or every article) has its record, in document order
        def cited(eid: str, by_eid: dict[str, UnitInfo] = by_eid, unit: str = unit) -> bool:
            info = by_eid[eid]
            parent = by_eid[info.parent] if info.parent else None
            if unit == "article":
                return info.level == "article"
            return info.level == "paragraph" and parent is not None and parent.level == "article"

        got = [str(r["eid"]) for r in records]
        assert [e for e in got if cited(e)] == [u.eid for u in units if cited(u.eid)]
        # and the free text is not lost: its paragraphs and tables are records in both modes
        free = [u.eid for u in units if u.level in ("paragraph", "table")
                and (u.parent is None or by_eid[u.parent].level != "article")]  # fmt: skip
        assert [r["eid"] for r in records if r["eid"] in free] == free


@pytest.mark.parametrize("path", corpus_params())
def test_every_corpus_file_reads_back_line_by_line(path: Path) -> None:
    _check(wdr.parse_file(path), source=path.name)


@settings(max_examples=50)  # each example builds a page (or 2 streams) and checks it: ~0.3 s
@given(regulations())
def test_any_regulation_reads_back_line_by_line(regulation: Regulation) -> None:
    _check(regulation)


def test_a_record_of_the_seed() -> None:
    (record,) = [r for r in _read(wdr.to_jsonl(wdr.load())) if r["eid"] == "chp_5__art_35__para_2"]
    assert record["title"] == "无锡市数字化转型促进条例"
    assert record["effective_date"] == "2023-07-01"
    assert record["history"] == [
        {"date": "2023-04-26", "action": "通过"},
        {"date": "2023-05-31", "action": "批准"},
    ]
    assert record["path"] == [{"level": "chapter", "label": "第五章", "title": "治理数字化转型"}]
    assert record["unit"] == "paragraph" and record["source"] is None
    assert str(record["text"]).startswith("城市运行管理单位应当会同有关部门")
    assert list(record["citation"]) == list(STYLES)


def test_a_paragraph_carries_its_items_and_the_line_separators_are_escaped() -> None:
    reg = wdr.parse("# 例\n\n第一条 下列事项：\n\n（一）甲\u2028乙；\n\n（二）丙。\n")
    text = wdr.to_jsonl(reg)
    assert "\u2028" not in text and "\\u2028" in text
    (record,) = _read(text)
    assert record["text"] == "下列事项：\n（一）甲\u2028乙；\n（二）丙。"


def test_many_regulations_one_stream_and_bad_arguments() -> None:
    reg = wdr.load()
    both = _read(wdr.to_jsonl({"a.md": reg, "b.md": reg}))
    assert [r["source"] for r in both] == ["a.md"] * 78 + ["b.md"] * 78
    assert wdr.to_jsonl([]) == ""
    with pytest.raises(ValueError, match="paragraph"):
        wdr.to_jsonl(reg, unit="clause")  # type: ignore[arg-type]


def test_export_jsonl_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wuxi_dt_regulation.__main__ import main

    from .conftest import CORPUS

    assert main(["export", "--format", "jsonl", "--unit", "article"]) == 0
    assert capsys.readouterr().out == wdr.to_jsonl(wdr.load(), unit="article")
    files = [str(CORPUS / "national" / "宪法.md"), str(CORPUS / "national" / "刑法.md")]
    out = tmp_path / "laws.jsonl"
    assert main(["export", "--format", "jsonl", *files, "-o", str(out), "-q"]) == 0
    records = _read(out.read_text(encoding="utf-8"))
    assert {r["source"] for r in records} == set(files)
    expected = wdr.to_jsonl({f: wdr.parse_file(f) for f in files})
    assert out.read_text(encoding="utf-8") == expected
    # --unit belongs to jsonl; a broken input is reported and the others are written
    assert main(["export", "--format", "json", "--unit", "article"]) == 2
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe not utf-8")
    assert main(["export", "--format", "jsonl", files[0], str(broken), "-o", str(out)]) == 1
    assert "broken.md" in capsys.readouterr().err
    assert {r["source"] for r in _read(out.read_text(encoding="utf-8"))} == {files[0]}
