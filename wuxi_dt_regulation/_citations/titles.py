"""Instrument titles: how an instrument calls itself (本条例, 本法 …) and the English titles the
``en`` styles write.

>>> instrument_word("无锡市数字化转型促进条例"), instrument_word("中华人民共和国民法典")
('本条例', '本法')
"""

from __future__ import annotations

import re

from .._model.errors import CitationError

__all__ = ["ENGLISH_TITLES", "instrument_word"]

#: English titles (conventions, not official text: docs/citation-practice.md), used by the ``en`` styles.
ENGLISH_TITLES = {
    "无锡市数字化转型促进条例": "Regulations of Wuxi Municipality on Promoting Digital Transformation",
}

# How an instrument calls itself (本条例, 本法 …), by the end of its title; longest first.
_INSTRUMENT_WORDS = (
    ("实施细则", "本细则"), ("细则", "本细则"), ("条例", "本条例"), ("规定", "本规定"),
    ("办法", "本办法"), ("决定", "本决定"), ("解释", "本解释"), ("规则", "本规则"),
    ("宪法", "本宪法"), ("修正案", "本修正案"), ("法典", "本法"), ("法", "本法"),
    ("准则", "本准则"), ("标准", "本标准"), ("通知", "本通知"), ("意见", "本意见"),
)  # fmt: skip
#: A title's trailing note that does not change the instrument type: （一）, （2023年修正）.
_TITLE_TAIL_RE = re.compile(r"(?:[（(][^（）()]*[)）]|\s)+$")


def instrument_word(title: str) -> str:
    """How the instrument named *title* calls itself: 条例 → 本条例, 法 → 本法, 规定 → 本规定 …

    >>> instrument_word("无锡市数字化转型促进条例"), instrument_word("中华人民共和国民法典")
    ('本条例', '本法')
    >>> instrument_word("最高人民法院关于适用《民法典》侵权责任编的解释（一）")
    '本解释'

    Raises:
        CitationError: the title ends in no known instrument type.
    """
    stem = _TITLE_TAIL_RE.sub("", title)
    for ending, word in _INSTRUMENT_WORDS:
        if stem.endswith(ending):
            return word
    raise CitationError(f"cannot tell how 《{title}》 calls itself (本条例, 本法 …)")
