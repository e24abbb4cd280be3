"""JSON and Akoma Ntoso pinned to exact values (issue 14: each test here fails under a mutant
the rest of the suite let live; docs/mutation.md)."""

from __future__ import annotations

import re

import wuxi_dt_regulation as wdr

REVISED_TWICE = (
    "# 示例条例\n\n"
    "- 2010年3月1日示例市人民代表大会常务委员会第五次会议修订\n\n"
    "- 2015年6月1日示例市人民代表大会常务委员会第九次会议修订\n\n"
    "<!-- INFO END -->\n\n第一条 甲。"
)


def test_a_first_修订_is_the_generation_of_the_work_and_later_ones_amendments() -> None:
    # a text whose known history starts with a 修订 (a revised edition replacing the old one):
    # that first event generates the work; only later 修订/修正 events amend it
    xml = wdr.to_akn(wdr.parse(REVISED_TWICE))
    assert re.findall(r"<eventRef [^>]*/>", xml) == [
        '<eventRef eId="evt_1" date="2010-03-01" source="#org_1" type="generation" '
        'refersTo="#revision"/>',
        '<eventRef eId="evt_2" date="2015-06-01" source="#org_2" type="amendment" '
        'refersTo="#revision"/>',
    ]
    assert wdr.from_akn(xml) == wdr.parse(REVISED_TWICE)
