"""The citation tokenizer: :data:`TOKEN_RE` cuts a citation into the tokens of the grammar in
:mod:`.grammar` (whitespace is a token too, skipped by the reader), and :data:`ANCHOR_RE`
finds where the scanner (:mod:`.find`) starts reading a candidate.

Both are built from the same pieces, so that whatever the scanner anchors on, the reader can
read.  The tables map a token's text to the level it names.
"""

from __future__ import annotations

import re

from .names import NAMED_PARTS
from .titles import ENGLISH_TITLES, SELF_WORDS

__all__ = [
    "ANCHOR_RE",
    "COUNTS",
    "ENGLISH_BACK",
    "HALF_RE",
    "LENIENT_TOKEN_RE",
    "TOKEN_RE",
    "UNIT_LEVEL",
    "WORD_LEVEL",
    "kind_of",
]

_NUM = r"[零〇一二三四五六七八九十百千万亿两0-9０-９]+"
_SELF_WORDS = "|".join(SELF_WORDS)
# 本 inside an ordinary word (基本法, 根本条件, 成本, 版本) is not a self-reference.
_NOT_SELF = r"(?<![基根资成日版样文剧账副正原书课脚标])"
_THIS = r"本(?P<this>条(?![例件款])|款|项|章(?!程)|节(?![约日能点])|分编|编(?![制写号辑]))"
# 前三项 is also "the top three" (环境保护税法 第九条: 对前三项污染物征收): a counted 项 must be
# followed by what follows a reference (前两项以外的: the 项 other than those).  前项 alone is one (刑法: 以前项手段获取的).
_PREV = (
    r"前(?P<prevn>[两二三四五六七八九])?"
    r"(?P<prev>款|条(?!件)|项(?(prevn)(?=规定|所列|所称|情形|行为|的|中|之|以外|以上|以下|"
    r"[，。；、和或]|$)))"
)
# 该法, 同法, 上述法律 … before a pinpoint: the instrument named before it (names.THAT_KINDS).
_THAT = r"(?:该|同|上述|前述|此)(?:法律|法规|法典|法|条例|规定|办法|决定|解释|细则)"
# A law named without 《》, as the strict reader meets it at the start of a citation; the scanner
# finds where such a name starts by reading backwards from the 第 (names.name_before).
_BARE = r"(?![本该此同第])[\u4e00-\u9fff]{1,40}?(?:法典|法|条例)"
_NAMED = "|".join(NAMED_PARTS)
# A title's characters: no 《》, control characters, line separators or lone surrogates (what
# Citation.title refuses), and no space at either end (《 》 is no title).
_TITLE_BODY = r"[^《》\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"
_TITLE_EDGE = r"[^《》\s\ufeff\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"
_TITLE = rf"《\s*(?P<title>{_TITLE_EDGE}(?:{_TITLE_BODY}{{0,98}}{_TITLE_EDGE})?)\s*》"
_ANY_TITLE = rf"《\s*{_TITLE_EDGE}(?:{_TITLE_BODY}{{0,98}}{_TITLE_EDGE})?\s*》"
_ENGLISH = "|".join(re.escape(t) for t in sorted(ENGLISH_TITLES.values(), key=len, reverse=True))
_WORDS = r"Paragraph|Item|Sub-item|Subpart|Chapter|Section|Part|Subpt\.|Ch\.|Sec\.|Pt\."

_TOKENS = rf"""
      (?P<space>[\s\u3000\u00a0\u2002\u200b]+)
    | {_TITLE}                                              # 《an instrument》
    | 第\s*(?:[（(]\s*(?P<pnum>{_NUM})\s*[）)]|(?P<num>{_NUM}))\s*  # 第三十五 / 第（三） court style
      (?P<unit>分编|编|章|节|条|款|项|目)
      (?:\s*之\s*(?P<suffix>{_NUM}))?                       # 之一 (only after 条)
    | (?P<range>至|到|\bto\b)                               # a range
    | (?P<conj>、|以及|和|及|或者|或|并|,|\band\b|\bor\b)   # a list
    | (?P<named>{_NAMED})(?=\s*第)                          # 合同编第二分编: a 编 by its name
    | 本(?P<self>{_SELF_WORDS})(?=\s*第)                    # 本条例第…, 本法第…, 本守则第…
    | (?P<that>{_THAT})(?=\s*第)                            # 该法第…, 上述法律第…
    | {_THIS}                                               # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | (?:Article|Art\.)\s*(?P<art>\d+)(?:-(?P<artsuffix>\d+))?  # Article 35, Art. 120-1
    | (?P<word>{_WORDS})\s*
      (?:\(\s*(?P<wparen>\d+)\s*\)|(?P<wnum>\d+))            # Paragraph 2, Item (3), Ch. 2
    | \(\s*(?P<paren>\d+)\s*\)                              # (2): en-compact levels
    | of\s+(?:《(?P<oftitle>{_TITLE_EDGE}(?:{_TITLE_BODY}{{0,98}}{_TITLE_EDGE})?)》
              |the\s+(?P<ofen>{_ENGLISH or "(?!)"}))          # of the …
    | \b[Tt]he\s+(?P<theen>{_ENGLISH or "(?!)"})            # the English title alone
"""
#: The tokens the scanner reads (find_citations): everything but a law named without 《》, which
#: it reads backwards from the 第 instead (a group ends where such a name begins).
LENIENT_TOKEN_RE = re.compile(_TOKENS, re.VERBOSE)
#: The tokens the strict parser reads: the same, and a law named without 《》 at the start of a
#: citation or after a joiner (刑法第八十九条), tried last: its lazy run is the costliest.
TOKEN_RE = re.compile(
    _TOKENS
    + rf"""
    | (?P<bare>{_BARE})(?=\s*第)                            # 刑法第八十九条 (no 《》)
    """,
    re.VERBOSE,
)

#: Where the scanner starts reading: every token that can begin a citation, and the phrases
#: that refer to law deliberately without a pinpoint (docs/citation-practice.md: unresolvable by
#: design).  A law named without 《》 is not an anchor: the scanner reads it backwards from its 第.
ANCHOR_RE = re.compile(
    rf"""
      (?P<vague>有关法律、(?:行政)?法规|法律、(?:行政)?法规|有关法律法规
        |(?:国家和省|国家|省)有关规定|国家规定)
    | {_ANY_TITLE}                                          # 《an instrument》
    | {_NOT_SELF}本(?:{_SELF_WORDS})(?=\s*第)               # 本条例第…
    | {_NOT_SELF}{_THIS}                                    # 本条, 本款, 本章 …
    | {_PREV}                                               # 前款, 前两款, 前条
    | (?P<ord>第)\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})\s*(?:分编|编|章|节|条|款|项|目)  # 第三十五条
    | (?P<named>{_NAMED})(?=\s*第)                          # 合同编第二分编
    | (?:Article|Art\.)\s*\d                                # English long and compact
    | (?:{_WORDS})\s*\(?\d                                  # en, en-compact
    | \b[Tt]he\s+(?:{_ENGLISH or "(?!)"})                   # the English title alone
    """,
    re.VERBOSE,
)

HALF_RE = re.compile(rf"第\s*(?:[（(]\s*{_NUM}\s*[）)]|{_NUM})")
UNIT_LEVEL = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section", "条": "article",
               "款": "paragraph", "项": "item", "目": "subitem"}  # fmt: skip
WORD_LEVEL = {"Part": "part", "Pt.": "part", "Subpart": "subpart", "Subpt.": "subpart",
              "Chapter": "chapter", "Ch.": "chapter",
               "Section": "section", "Sec.": "section", "Paragraph": "paragraph",
               "Item": "item", "Sub-item": "subitem"}  # fmt: skip
COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ENGLISH_BACK = {english: title for title, english in ENGLISH_TITLES.items()}


# The kind of token each alternative of TOKEN_RE reads, by the last group it sets (its lastgroup).
_KINDS = {"space": "space", "title": "title", "unit": "ord", "suffix": "ord", "named": "named",
          "self": "self", "that": "that", "this": "this", "prev": "prev", "bare": "bare",
          "range": "range", "conj": "conj", "art": "art", "artsuffix": "art", "wparen": "word",
          "wnum": "word", "paren": "paren", "oftitle": "of", "ofen": "of",
          "theen": "title"}  # fmt: skip


def kind_of(match: re.Match[str]) -> str:
    """The kind of token *match* is: ``ord``, ``named``, ``self``, ``that``, ``title`` …"""
    return _KINDS.get(match.lastgroup or "", "bad")
