"""Instruments named in running text without 《》: where the name starts, and which instrument
it is.

Judicial interpretations and implementing regulations mostly name a law bare, right before its
pinpoint: ``民事诉讼法第五十九条``, ``属于刑法第二百六十四条规定的``, ``依照出口管制法第十二条``.  The
scanner (:mod:`.find`) anchors on the ``第…`` and asks :func:`name_before` what stands before it,
reading backwards, so that a name never swallows the verb before it (刑法, not 属于刑法):

1. a name it knows, the longest that ends there: the national laws (:mod:`.law_names`), the
   regulation's own short name, the short names the text gives itself (（以下简称《刑法修正案
   （五）》）, :func:`aliases`) and those the caller passes;
2. 该法, 同法, 上述法律, 前述法律, 该条例 …: the instrument named most recently before it;
3. ``中华人民共和国…法``, as written;
4. otherwise a word ending in 法, 法典 or 条例 that begins after a verb of reference or a
   function word (依照, 根据, 违反, 适用, 属于, 除, 其, 的, 和 …) or at the start of the text or
   clause, at least three characters long.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .law_names import PRC, SHORT_TITLES

if TYPE_CHECKING:
    from .._model.regulation import Regulation

__all__ = [
    "NAMED_PARTS",
    "THAT_KINDS",
    "Names",
    "aliases",
    "full_title",
    "name_before",
    "named_parts",
    "read_name",
    "short_title",
    "that_word",
]

#: The 编 of the 民法典, the one code whose 编 are cited by name (合同编第二分编).
NAMED_PARTS = {"总则编": 1, "物权编": 2, "合同编": 3, "人格权编": 4, "婚姻家庭编": 5,
               "继承编": 6, "侵权责任编": 7}  # fmt: skip

#: 该法, 同法, 上述法律 …: the word after 该/同/上述/前述/此, and the kinds of instrument it can
#: point back to (by how each calls itself, :func:`~.titles.instrument_word`).
THAT_KINDS = {
    "法": ("本法", "本宪法"), "法律": ("本法", "本宪法"), "法典": ("本法",),
    "法规": ("本条例", "本规定", "本办法"), "条例": ("本条例",), "规定": ("本规定",),
    "办法": ("本办法",), "决定": ("本决定",), "解释": ("本解释",), "细则": ("本细则",),
}  # fmt: skip
_THAT_RE = re.compile(
    r"(?:该|同|上述|前述|此)(?P<what>法律|法规|法典|法|条例|规定|办法|决定|解释|细则)$"
)
_SPACES = " \t\u3000\u00a0"
_LONGEST = 40  # characters looked at before a 第
_KNOWN_LENGTHS = sorted({len(name) for name in SHORT_TITLES}, reverse=True)
_GENERIC_END_RE = re.compile(r"(?:法典|法|条例)$")
# What a law's name does not hold: the verbs of reference and the function words that stand
# before a name (属于刑法, 裁定有民事诉讼法, 可以分别认定为刑法, 依据的出口管制法).
_STOP_RE = re.compile(
    r"依照|根据|按照|依据|参照|违反|适用|符合|属于|认定为|规定|应当|可以|不得|构成|违背|对照"
    r"|以及|或者|[的为是在将由被把即除其该此本和或及与并从向于经按依照有以等对]"
)
# Words ending in 法 that name no instrument: 计算方法第一项 is not a law.
_NOT_NAMES = ("方法", "做法", "说法", "看法", "想法", "写法", "用法", "手法", "算法", "语法",
              "疗法", "依法", "违法", "合法", "非法", "执法", "司法", "守法", "犯法")  # fmt: skip
_ALIAS_RE = re.compile(
    r"《(?P<full>[^《》\n]{1,100})》\s*[（(]\s*(?:以下|下文)?(?:简称|称)(?:为)?\s*"
    r"(?:《(?P<titled>[^《》\n]{1,30})》|“(?P<quoted>[^“”\n]{1,30})”"
    r"|(?P<plain>[^“”\"《》（）()\s，,、；;]{1,30}))\s*[）)]"
)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def full_title(name: str, names: Mapping[str, str] | None = None) -> str:
    """The full title an instrument's *name* stands for: a short name the caller gives
    (*names*), or a national law's (刑法 → 中华人民共和国刑法); any other name as it is.

    >>> full_title("刑法"), full_title("选举法")
    ('中华人民共和国刑法', '中华人民共和国全国人民代表大会和地方各级人民代表大会选举法')
    >>> full_title("上海市数据条例"), full_title("解释", {"解释": "某某解释"})
    ('上海市数据条例', '某某解释')
    """
    if names:
        found = names.get(name)
        if found is not None:
            return found
    return SHORT_TITLES.get(name, name)


def short_title(title: str) -> str:
    """The short name a title is cited by without 《》: 中华人民共和国刑法 → 刑法, the customary
    name where there is one (选举法), else the title without 中华人民共和国; other titles as they
    are.

    >>> short_title("中华人民共和国刑法"), short_title("中华人民共和国地方各级人民代表大会和地方各级人民政府组织法")
    ('刑法', '地方组织法')
    >>> short_title("无锡市数字化转型促进条例")
    '无锡市数字化转型促进条例'
    """
    best = title[len(PRC) :] if title.startswith(PRC) and len(title) > len(PRC) else title
    for name, full in SHORT_TITLES.items():
        if full == title and len(name) < len(best):
            best = name
    return best


def aliases(text: str) -> dict[str, str]:
    """The short names *text* gives the instruments it names: ``《中华人民共和国刑法修正案（五）》
    （以下简称《刑法修正案（五）》）`` gives 刑法修正案（五）.

    >>> aliases("根据《中华人民共和国刑法修正案（五）》（以下简称《刑法修正案（五）》）的规定")
    {'刑法修正案（五）': '中华人民共和国刑法修正案（五）'}
    """
    if "称" not in text:
        return {}
    found: dict[str, str] = {}
    for m in _ALIAS_RE.finditer(text):
        full = m["full"].strip()
        short = (m["titled"] or m["quoted"] or m["plain"]).strip()
        if full and short and full != short:
            found[short] = full
    return found


class Names:
    """The names one scan knows: the national laws, plus *extra* (a document's own short names
    and the caller's), short name → full title."""

    def __init__(self, extra: Mapping[str, str] | None = None) -> None:
        self.extra = dict(extra or {})
        lengths = set(_KNOWN_LENGTHS) | {len(name) for name in self.extra}
        self.lengths = sorted((n for n in lengths if n), reverse=True)
        #: The last characters of these names that are not Chinese (GDPR, 数据二十条X): a name
        #: may end in one only when it is one of these.
        self.ends = {name[-1] for name in self.extra if name and not _is_han(name[-1])}

    def add(self, more: Mapping[str, str]) -> None:
        """Learn more short names (an （以下简称…） met while scanning)."""
        for short, full in more.items():  # never empty: aliases() strips and skips those
            self.extra.setdefault(short, full)
            if len(short) not in self.lengths:
                self.lengths = sorted({*self.lengths, len(short)}, reverse=True)
            if not _is_han(short[-1]):
                self.ends.add(short[-1])

    def full(self, name: str) -> str:
        """The full title *name* stands for (see :func:`full_title`)."""
        return full_title(name, self.extra)

    def known(self, name: str) -> bool:
        """Whether *name* is a name this scan knows."""
        return name in self.extra or name in SHORT_TITLES


def name_before(text: str, at: int, lower: int, names: Names) -> tuple[int, str, str] | None:
    """What names an instrument right before ``text[at]`` (a 第…), not reaching before *lower*.

    Returns ``(start, how, name)``: *how* is ``"name"`` (*name* is the full title) or ``"that"``
    (*name* is 该法, 上述法律, 该条例 …); None when nothing names one.
    """
    q = at
    while q > lower and text[q - 1] in _SPACES:
        q -= 1
    if q <= lower:
        return None
    last = text[q - 1]
    if not (_is_han(last) or last in "）)" or last in names.ends):
        return None
    for length in names.lengths:
        if length <= q - lower:
            candidate = text[q - length : q]
            if names.known(candidate):
                return q - length, "name", names.full(candidate)
    floor = max(lower, q - _LONGEST)
    if text[q - 1] not in "法律规典例定释则":
        return None  # no 该法 nor a law's name ends otherwise
    that = _THAT_RE.search(text, floor, q)
    if that is not None:
        return q - len(that[0]), "that", that[0]
    if _GENERIC_END_RE.search(text, floor, q) is None:
        return None
    begin = q
    while begin > floor and "\u4e00" <= text[begin - 1] <= "\u9fff":
        begin -= 1
    name = text[begin:q]
    prc = name.rfind(PRC)
    if prc >= 0 and _STOP_RE.search(name, prc + len(PRC)) is None:
        return begin + prc, "name", name[prc:]
    cut = 0
    for stop in _STOP_RE.finditer(name):
        cut = stop.end()
    name = name[cut:]
    if not 3 <= len(name) <= 24 or name.endswith(_NOT_NAMES):
        return None  # too short to be a law's own name, or too long to tell where it starts
    return q - len(name), "name", names.full(name)


def read_name(name: str, names: Names) -> str | None:
    """The full title of *name*, written alone before a pinpoint (the strict reader's 刑法第一条),
    or None when *name* is not the whole of an instrument's name (第三人依照民法典)."""
    found = name_before(name, len(name), 0, names)
    if found is None or found[0] != 0 or found[1] != "name":
        return None
    return found[2]


def that_word(text: str) -> str:
    """The kind word of 该法, 上述法律, 同条例 …: 法, 法律, 条例 …"""
    found = _THAT_RE.search(text)
    return found["what"] if found is not None else text[-1]


def named_parts(regulation: Regulation | None) -> Mapping[str, int | None]:
    """The 编 a text may name (合同编 → 3): the 民法典's, and with a regulation its own 编 by their
    titles, and the 编 the document itself is (a subtitle 合同编: None, no number to give)."""
    if regulation is None:
        return NAMED_PARTS
    found: dict[str, int | None] = dict(NAMED_PARTS)
    for part in regulation.parts:
        title = "".join(part.title.split())
        if title:
            found[title if title.endswith("编") else title + "编"] = part.number
    for subtitle in regulation.subtitles:
        if subtitle.endswith("编") and not regulation.parts:
            found["".join(subtitle.split())] = None
    return found
