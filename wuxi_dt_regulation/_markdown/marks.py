"""What the lexer and the heading reader of an article on a heading's line
(:mod:`.heading_article`) both read: the numerals of a label, the escape, sentence punctuation.
(A module of its own: the lexer imports :mod:`.heading_article`, which must not import it.)"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["ESCAPE", "NUM", "SUF", "sentence_re"]

# Numerals as they may be printed in a label; bad ones are caught by from_chinese.  The number
# of an inserted article (之N) takes 万 and 亿 too, so that 第一条之一万 is one bad numeral
# rather than 第一条之一 followed by 万.
NUM: Final = r"[零〇一二三四五六七八九十百千两0-9０-９]"
SUF: Final = r"[零〇一二三四五六七八九十百千万亿两0-9０-９]"

#: A backslash opening a line (after any ``#``) makes the rest plain text: ``\第三条 规定…`` is a
#: paragraph, not an article.  The renderer writes it only where text would be misread.
ESCAPE: Final = "\\"


@functools.cache
def sentence_re() -> re.Pattern[str]:
    """Text that cannot be a heading title: sentence punctuation."""
    return re.compile(r"[。，；：！？]")
