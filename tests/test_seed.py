"""The bundled regulation: its facts, byte-for-byte rendering, caching and thread safety."""

from __future__ import annotations

import datetime
import hashlib
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import NotFoundError
from wuxi_dt_regulation._markdown.bundled import SEED_NAME

from .conftest import CORPUS, SEED_PATH

CHAPTERS = ["总 则", "数字技术创新与基础设施建设", "经济数字化转型", "生活数字化转型",
            "治理数字化转型", "数字生态", "附 则"]  # fmt: skip


def test_counts() -> None:
    reg = wdr.load()
    assert reg.title == "无锡市数字化转型促进条例"
    assert [c.title for c in reg.chapters] == CHAPTERS
    assert [c.number for c in reg.chapters] == list(range(1, 8))
    assert len(reg.articles) == 55
    assert [a.number for a in reg.articles] == list(range(1, 56))
    assert sum(len(a.paragraphs) for a in reg.articles) == 78
    assert sum(len(a.paragraphs) == 1 for a in reg.articles) == 37
    assert not any(p.items for a in reg.articles for p in a.paragraphs)
    assert reg.warnings == ()


def test_article_35() -> None:
    art = wdr.load().article(35)
    assert art.label == "第三十五条"
    assert [p.number for p in art.paragraphs] == [1, 2, 3, 4]
    assert art.paragraphs[0].text.startswith("数据主管部门应当统筹推进")
    assert art.text.count("\n") == 3


def test_history_and_dates() -> None:
    reg = wdr.load()
    assert [e.date for e in reg.history] == [datetime.date(2023, 4, 26), datetime.date(2023, 5, 31)]
    assert [e.action for e in reg.history] == ["通过", "批准"]
    assert reg.history[0].body == "无锡市第十七届人民代表大会常务委员会第十一次会议"
    assert reg.history[1].body == "江苏省第十四届人民代表大会常务委员会第三次会议"
    assert reg.effective_date == datetime.date(2023, 7, 1)
    assert reg.article(55).text == "本条例自2023年7月1日起施行。"


def test_render_is_byte_identical() -> None:
    rendered = wdr.render(wdr.load()).encode("utf-8")
    assert rendered == SEED_PATH.read_bytes()
    assert wdr.seed_text().encode("utf-8") == SEED_PATH.read_bytes()


#: SHA-256 of the original seed (seed/000_ea8c2c68880bd9f7.txt), which tests/seed/ copies.
SEED_SHA256 = "d4677f557a9b2d276e092b11bc9b222a79cb5484044ba58220d39f262bba0ca3"


def test_package_data_is_the_seed() -> None:
    shipped = Path(wdr.__file__).parent / "data" / SEED_NAME
    assert hashlib.sha256(SEED_PATH.read_bytes()).hexdigest() == SEED_SHA256
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == SEED_SHA256


def test_parses_strictly() -> None:
    assert wdr.parse(wdr.seed_text(), strict=True) == wdr.load()


def test_load_is_cached_and_thread_safe() -> None:
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: wdr.load(), range(32)))
    assert all(r is results[0] for r in results)


def test_lookups() -> None:
    reg = wdr.load()
    art = reg.article(35)
    for ref in (35, "35", "第三十五条", "第35条", (35, 0), "三十五"):
        assert reg.article(ref) is art
        assert reg.get_article(ref) is art
    assert reg.get_article(56) is None
    assert reg.get_article("第一百二十条之一") is None
    assert reg.get_article("garbage") is None
    assert reg.chapter(5).title == "治理数字化转型"
    assert reg.chapter("第五章") is reg.chapter("5")
    assert reg.get_chapter(8) is None
    assert [a.number for a in reg.chapter(7).articles] == [55]


def test_not_found_says_what_exists() -> None:
    reg = wdr.load()
    with pytest.raises(NotFoundError, match=r"第五十六条.*第一条 … 第五十五条 \(55 in all\)"):
        reg.article(56)
    with pytest.raises(LookupError, match="第八章"):
        reg.chapter(8)
    with pytest.raises(NotFoundError, match="第三十五条 has 4 款; there is no 第五款"):
        reg.article(35).paragraph(5)


def test_values_are_frozen_hashable_picklable() -> None:
    reg = wdr.load()
    with pytest.raises(AttributeError):
        reg.title = "x"  # type: ignore[misc]
    assert hash(reg) == hash(wdr.parse(wdr.seed_text()))
    clone = pickle.loads(pickle.dumps(reg))
    assert clone == reg
    assert clone.article(35) == reg.article(35)
    assert {reg.article(1), reg.article(1)} == {reg.article(1)}


def test_chapter_numbers_that_restart_per_part_need_the_part() -> None:
    xingfa = wdr.parse_file(CORPUS / "national" / "刑法.md")
    assert xingfa.chapter(2, part=2).title == "危害公共安全罪"
    with pytest.raises(NotFoundError, match=r"2 chapters numbered 第二章 \(in 第一编、第二编\)"):
        xingfa.chapter("第二章")
    with pytest.raises(NotFoundError, match=r"第一编 第一章 … 第五章 .*; 第二编 第一章 … 第十章"):
        xingfa.chapter(20)
    assert xingfa.get_chapter(2) is None
    with pytest.raises(TypeError, match="an int or a str"):
        xingfa.chapter((1, 2))  # type: ignore[arg-type]
