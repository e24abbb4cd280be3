"""Helpers for tests that pin exact values (issue 14): an error's whole message, not a part."""

from __future__ import annotations

import re

__all__ = ["exactly"]


def exactly(message: str) -> str:
    """A ``pytest.raises(match=...)`` pattern that matches *message* and nothing else.

    >>> import re
    >>> bool(re.search(exactly("a (b)"), "a (b)")), bool(re.search(exactly("a (b)"), "a (b)!"))
    (True, False)
    """
    return rf"\A{re.escape(message)}\Z"
