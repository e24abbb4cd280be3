"""White space, which a comparison ignores: ``总则`` and ``总 则`` are one heading.

Amended texts are often re-typeset: a heading spaced out (``第一章 总　则``), a full-width space
dropped, a tab where a space was.  None of that is an amendment, so the diff compares texts with
every kind of white space removed (Unicode white space, which covers U+3000, U+2002, U+00A0 and
tabs, and the zero-width characters that typesetting leaves behind).  The new version still keeps
its own spacing: :meth:`~wuxi_dt_regulation.RegulationDiff.apply` rebuilds it exactly.
"""

from __future__ import annotations

import re

__all__ = ["SPACE_RE", "same_text", "squash"]

#: Any white space: what ``str.isspace`` calls space, and the zero-width characters.
SPACE_RE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def squash(text: str) -> str:
    """*text* without any white space.

    >>> squash("第一章\\u3000总 \\t则\\u00a0")
    '第一章总则'
    """
    return SPACE_RE.sub("", text)


def same_text(a: str, b: str) -> bool:
    """Whether *a* and *b* differ at most in white space.

    >>> same_text("总则", "总 则"), same_text("总则", "附则")
    (True, False)
    """
    return a == b or squash(a) == squash(b)
