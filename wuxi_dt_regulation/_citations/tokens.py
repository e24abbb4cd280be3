"""The citation tokenizer: :data:`TOKEN_RE` cuts a citation into the tokens of the grammar in
:mod:`.grammar` (whitespace is a token too, skipped by the reader), and :data:`ANCHOR_RE`
finds where the scanner (:mod:`.find`) starts reading a candidate.

Both are built from the same pieces, so that whatever the scanner anchors on, the reader can
read.  The tables map a token's text to the level it names.
"""

from __future__ import annotations

import re

from .titles import ENGLISH_TITLES

__all__ = [
    "ANCHOR_RE",
    "COUNTS",
    "ENGLISH_BACK",
    "HALF_RE",
    "TOKEN_RE",
    "UNIT_LEVEL",
    "WORD_LEVEL",
    "kind_of",
]

_NUM = r"[零〇一二三四五六七八九十百千万亿两0-9０-９]+"
_SELF_WORDS = r"条例|规定|办法|决定|解释|细则|规则|宪法|修正案|准则|标准|法"
# 本 inside an ordinary word (基本法, 根本条件, 成本, 版本) is not a self-reference.
_NOT_SELF = r"(?<![基根资成日版样文剧账副正原书课脚标])"
_THIS = r"本(?P<this>条(?![例件款])|款|项|章(?!程)|节(?![约日能点])|编(?![制写号辑]))"
# 前三项 is also "the top three" (环境保护税法 第九条: 对前三项污染物征收): a counted 项 must be
# followed by what follows a reference.  前项 alone is one (刑法: 以前项手段获取的).
_PREV = (
    r"前(?P<prevn>[两二三四五六七八九])?"
    r"(?P<prev>款|条(?!件)|项(?(prevn)(?=规定|所列|所称|情形|行为|的|中|之|[，。；、和或]|$)))"
)
# A law named without 《》 right before its pinpoint: the codes by their short names, 中华人民共和国…法,
# and a …法 right after a verb of reference or punctuation (两用物项出口管制条例: 出口管制法第十二条).
_BARE = (
    r"宪法|民法典|刑法|中华人民共和国[\u4e00-\u9fff]{1,24}?法典?"
    r"|(?:(?<=依照)|(?<=根据)|(?<=按照)|(?<=违反)|(?<=适用)|(?<=参照)|(?<=依据)|(?<=[，。；、：]))"
    r"(?![该此其])(?!上述|前述)(?:(?!本|依据|依照|根据|按照|适用|参照|违反|应当)[\u4e00-\u9fff]){1,16}?法"
)
_ENGLISH = "|".join(re.escape(t) for t in sorted(ENGLISH_TITLES.values(), key=len, reverse=True))

TOKEN_RE = re.compile(
    rf"""
      (?P<space>[\s\u3000\u00a0\u2002\u200b]+)
    | 《(?P<title>[^《》\n]{{1,100}})》                      # 《an instrument》
    | 第\s*(?:[（(]\s*(?P<pnum>{_NUM})\s*[）)]|(?P<num>{_NUM}))\s*  # 第三十五 / 第（三） court style
      (?P<unit>分编|编|章|节|条|款|项|目)
      (?:\s*之\s*(?P<suffix>{_NUM}))?                       # 之一 (only after 条)
    | (?P<bare>{_BARE})(?=\s*第)                               # 宪法第八十九条 (no 《》)
    | 本(?P<self>{_SELF_WORDS})(?=\s*第)                    # 本条例第…, 本法第…
    | {_THIS}                                               # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | (?P<range>至|到|\bto\b)                               # a range
    | (?P<conj>、|以及|和|及|或者|或|,|\band\b|\bor\b)      # a list
    | (?:Article|Art\.)\s*(?P<art>\d+)(?:-(?P<artsuffix>\d+))?  # Article 35, Art. 120-1
    | (?P<word>Paragraph|Item|Sub-item|Chapter|Section|Part|Ch\.|Sec\.|Pt\.)\s*
      (?:\(\s*(?P<wparen>\d+)\s*\)|(?P<wnum>\d+))            # Paragraph 2, Item (3), Ch. 2
    | \(\s*(?P<paren>\d+)\s*\)                              # (2): en-compact levels
    | of\s+(?:《(?P<oftitle>[^《》\n]{{1,100}})》|the\s+(?P<ofen>{_ENGLISH or "(?!)"}))  # of the …
    | \b[Tt]he\s+(?P<theen>{_ENGLISH or "(?!)"})            # the English title alone
    """,
    re.VERBOSE,
)

#: Where the scanner starts reading: every token that can begin a citation, and the phrases
#: that refer to law deliberately without a pinpoint (docs/citation-practice.md: unresolvable by design).
ANCHOR_RE = re.compile(
    rf"""
      (?P<vague>有关法律、(?:行政)?法规|法律、(?:行政)?法规|有关法律法规
        |(?:国家和省|国家|省)有关规定|国家规定)
    | 《[^《》\n]{{1,100}}》                                  # 《an instrument》
    | (?<![本《])(?:{_BARE})(?=\s*第)                            # 宪法第八十九条
    | {_NOT_SELF}本(?:{_SELF_WORDS})(?=\s*第)                # 本条例第…
    | {_NOT_SELF}{_THIS}                                    # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | 第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})\s*(?:编|章|节|条|款|项|目)  # 第三十五条 …
    | (?:Article|Art\.)\s*\d                                # English long and compact
    | (?:Paragraph|Item|Sub-item|Chapter|Section|Part|Ch\.|Sec\.|Pt\.)\s*\(?\d  # en, en-compact
    | \b[Tt]he\s+(?:{_ENGLISH or "(?!)"})                   # the English title alone
    """,
    re.VERBOSE,
)

HALF_RE = re.compile(rf"第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})")
UNIT_LEVEL = {"编": "part", "章": "chapter", "节": "section", "条": "article",
               "款": "paragraph", "项": "item", "目": "subitem"}  # fmt: skip
WORD_LEVEL = {"Part": "part", "Pt.": "part", "Chapter": "chapter", "Ch.": "chapter",
               "Section": "section", "Sec.": "section", "Paragraph": "paragraph",
               "Item": "item", "Sub-item": "subitem"}  # fmt: skip
COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ENGLISH_BACK = {english: title for title, english in ENGLISH_TITLES.items()}


def kind_of(match: re.Match[str]) -> str:
    group = match.lastgroup
    for name, kind in (("unit", "ord"), ("self", "self"), ("bare", "title"), ("theen", "title"),
                       ("this", "this"), ("prev", "prev"),
                       ("title", "title"), ("art", "art"), ("word", "word"), ("paren", "paren"),
                       ("range", "range"), ("conj", "conj")):  # fmt: skip
        if match[name] is not None:
            return kind
    if match["oftitle"] is not None or match["ofen"] is not None:
        return "of"
    return group or "bad"  # pragma: no cover - every alternative is named above
