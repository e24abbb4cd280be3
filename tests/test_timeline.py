"""Timeline: versions of one regulation in time, the version in force on a day, one article
followed through every version."""

from __future__ import annotations

import datetime
import pickle

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import NotFoundError, Regulation, Timeline, parse, parse_amendment

from .conftest import CORPUS

VERSIONS = CORPUS / "versions"
D = datetime.date


def version(name: str, stem: str) -> Regulation:
    return wdr.parse_file(VERSIONS / name / f"{stem}.md")


def decision(tail: str) -> str:
    return (
        "# 关于修改《示例条例》的决定\n\n- 2024年5月6日示例市第一届人民代表大会常务委员会第二次会议通过\n\n"
        "<!-- INFO END -->\n\n一、删去第一条。\n\n" + tail
    )


BASE = parse(
    "# 示例条例\n\n- 2020年1月2日示例市第一届人民代表大会常务委员会第一次会议通过\n\n<!-- INFO END -->\n\n"
    "第一条 甲。\n\n第二条 乙。\n\n第三条 本条例自2020年3月1日起施行。\n"
)


def test_versions_are_ordered_by_the_latest_event_of_their_history() -> None:
    old, new = version("legislation-law", "2015-03-15"), version("legislation-law", "2023-03-13")
    timeline = Timeline([new, old])
    assert timeline.versions == (old, new)
    assert timeline.starts == (D(2015, 3, 15), D(2023, 3, 13))
    assert len(timeline) == 2 and list(timeline) == [(D(2015, 3, 15), old), (D(2023, 3, 13), new)]
    # the 施行 article keeps the original date in every later version and dates nothing
    assert new.effective_date == D(2000, 7, 1)
    assert timeline.as_of(D(2023, 3, 13)) is new
    assert timeline.as_of(D(2023, 3, 12)) is old
    assert timeline.as_of(D(2100, 1, 1)) is new
    with pytest.raises(NotFoundError) as caught:
        timeline.as_of(D(2015, 3, 14))
    assert str(caught.value) == (
        "《中华人民共和国立法法》 has no version in force on 2015-03-14: "
        "the first starts on 2015-03-15"
    )


def test_explicit_dates_for_a_header_that_omits_them() -> None:
    undated = version("shanghai-minors-protection", "undated")
    dated = version("shanghai-minors-protection", "2024-12-31")
    with pytest.raises(ValueError, match="no dated history line"):
        Timeline([undated, dated])
    timeline = Timeline({D(2024, 12, 31): dated, D(2013, 1, 1): undated})
    assert timeline.versions == (undated, dated)
    assert timeline.index(D(2020, 1, 1)) == 0


def test_a_version_made_by_apply_starts_when_its_instrument_takes_effect() -> None:
    later = parse_amendment(decision("本决定自2024年7月1日起施行。\n")).apply(BASE)
    assert later.history[-1].text == "2024年7月1日《关于修改〈示例条例〉的决定》施行"
    at_once = parse_amendment(decision("本决定自公布之日起施行。\n")).apply(BASE)
    timeline = Timeline([later, BASE])
    assert timeline.starts == (D(2020, 1, 2), D(2024, 7, 1))
    assert timeline.as_of(D(2024, 6, 30)) is BASE
    # 自公布之日: no 公布 line in the decision, so its adoption
    assert Timeline([BASE, at_once]).starts[1] == D(2024, 5, 6)
    # the amended text still says 本条例自2020年3月1日起施行, which dates no version
    assert later.article(3).text == "本条例自2020年3月1日起施行。"


def test_an_undated_instrument_still_dates_the_version_it_makes() -> None:
    undated = parse_amendment(
        "# 关于修改《示例条例》的决定\n\n一、删去第一条。\n\n本决定自2025年3月1日起施行。\n"
    )
    amended = undated.apply(BASE)
    assert amended.history[-1].text == "2025年3月1日《关于修改〈示例条例〉的决定》施行"
    assert Timeline([BASE, amended]).starts[1] == D(2025, 3, 1)
    assert undated.apply(amended).history == amended.history  # recorded once
    bare = parse_amendment("# 关于修改《示例条例》的决定\n\n一、删去第一条。\n").apply(BASE)
    assert bare.history == BASE.history  # nothing says when: nothing recorded


def test_article_history_follows_renumbering() -> None:
    amended = parse_amendment(decision("此外，对条文顺序作相应调整。\n")).apply(BASE)
    timeline = Timeline([BASE, amended])
    assert [(s, a.label if a else None) for s, a in timeline.article_history(1)] == [
        (D(2020, 1, 2), "第二条"),
        (D(2024, 5, 6), "第一条"),
    ]
    earlier = timeline.article_history(1, as_of=D(2021, 1, 1))
    assert [a.label if a else None for _, a in earlier] == ["第一条", None]  # deleted
    with pytest.raises(NotFoundError):
        timeline.article_history(9)


def test_real_article_history_and_diffs() -> None:
    old, new = version("legislation-law", "2015-03-15"), version("legislation-law", "2023-03-13")
    timeline = Timeline([old, new])
    (only,) = timeline.diffs()
    assert timeline.diffs()[0] is only  # computed once
    assert only.number_map == wdr.diff(old, new).number_map
    history = timeline.article_history("第一百条")
    first = history[0][1]
    assert first is not None and only.number_map[first.label] == "第一百条"


def test_timeline_is_a_value() -> None:
    timeline = Timeline([BASE])
    assert timeline == Timeline({D(2020, 1, 2): BASE})
    assert pickle.loads(pickle.dumps(timeline)) == timeline
    assert timeline.diffs() == ()
    with pytest.raises(AttributeError):
        timeline.versions = ()  # type: ignore[misc]
    with pytest.raises(ValueError, match="two versions"):
        Timeline([BASE, BASE])
    with pytest.raises(ValueError, match="at least one"):
        Timeline([])
    with pytest.raises(TypeError, match=r"datetime\.date"):
        Timeline({"2020-01-02": BASE})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a Regulation"):
        Timeline({D(2020, 1, 2): "示例条例"})  # type: ignore[arg-type]
