"""Instrument titles: how an instrument calls itself (本条例, 本法, 本守则 …) and the English titles
the ``en`` styles write.

>>> instrument_word("无锡市数字化转型促进条例"), instrument_word("中华人民共和国民法典")
('本条例', '本法')
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_TITLES", "SELF_WORDS", "instrument_word"]

#: English titles (conventions, not official text: docs/citation-practice.md), used by the ``en`` styles.
ENGLISH_TITLES = {
    "无锡市数字化转型促进条例": "Regulations of Wuxi Municipality on Promoting Digital Transformation",
}

# How an instrument calls itself, by the kind of instrument its title ends in: the kinds of
# legislative, administrative, judicial and party-and-organisation documents in use (立法法,
# 行政法规制定程序条例, 规章制定程序条例, 最高人民法院关于司法解释工作的规定 第六条, 党内法规制定条例
# 第五条, and the headings of 国家法律法规数据库), each with the word its own text uses.  Longer
# endings first (法典 before 法, 方法 before 法); 实施细则, 暂行条例 … end in their kind.
_INSTRUMENT_WORDS = (
    ("议定书", "本议定书"), ("修正案", "本修正案"), ("宪法", "本宪法"), ("法典", "本法"),
    ("细则", "本细则"), ("条例", "本条例"), ("规定", "本规定"), ("办法", "本办法"),
    ("决定", "本决定"), ("决议", "本决议"), ("解释", "本解释"), ("规则", "本规则"),
    ("准则", "本准则"), ("守则", "本守则"), ("规范", "本规范"), ("规程", "本规程"),
    ("章程", "本章程"), ("安排", "本安排"), ("标准", "本标准"), ("通知", "本通知"),
    ("意见", "本意见"), ("批复", "本批复"), ("答复", "本答复"), ("复函", "本复函"),
    ("通告", "本通告"), ("公告", "本公告"), ("纲要", "本纲要"), ("规划", "本规划"),
    ("计划", "本计划"), ("方案", "本方案"), ("目录", "本目录"), ("清单", "本清单"),
    ("指引", "本指引"), ("指南", "本指南"), ("要点", "本要点"), ("纪要", "本纪要"),
    ("制度", "本制度"), ("公约", "本公约"), ("条约", "本条约"), ("协定", "本协定"),
    ("协议", "本协议"), ("声明", "本声明"), ("宣言", "本宣言"), ("须知", "本须知"),
    ("方法", "本方法"), ("法", "本法"), ("令", "本令"), ("函", "本函"), ("案", "本案"),
)  # fmt: skip
#: What an instrument of no recognised kind calls itself (a guiding case titled by its holding).
FALLBACK_WORD = "本文件"
#: Every word an instrument calls itself by, without 本, longest first (the readers use it).
SELF_WORDS = tuple(
    sorted({w[1:] for _, w in _INSTRUMENT_WORDS} | {FALLBACK_WORD[1:]}, key=len, reverse=True)
)
#: A title's trailing note that does not change the instrument type: （一）, （2023年修正）, and
#: the punctuation of a title that is a sentence.
_TITLE_TAIL_RE = re.compile(r"(?:[（(][^（）()]*[)）]|[\s。．.；;，,：:！!？?”\"'’])+$")


def instrument_word(title: str) -> str:
    """How the instrument named *title* calls itself: 条例 → 本条例, 法 → 本法, 守则 → 本守则 …

    The word follows the kind of instrument the title ends in (a note in parentheses at the end,
    such as （一） or （试行）, is skipped); a title of no recognised kind calls itself 本文件.
    Never an error.

    >>> instrument_word("无锡市数字化转型促进条例"), instrument_word("中华人民共和国民法典")
    ('本条例', '本法')
    >>> instrument_word("最高人民法院关于适用《民法典》侵权责任编的解释（一）")
    '本解释'
    >>> instrument_word("法官职业道德基本准则"), instrument_word("内地与香港关于民商事案件相互委托提取证据的安排")
    ('本准则', '本安排')
    >>> instrument_word("为家庭生活消费需要购买汽车，发生欺诈纠纷的，可以按照消费者权益保护法处理。")
    '本文件'
    """
    stem = _TITLE_TAIL_RE.sub("", title)
    for ending, word in _INSTRUMENT_WORDS:
        if stem.endswith(ending):
            return word
    return FALLBACK_WORD
