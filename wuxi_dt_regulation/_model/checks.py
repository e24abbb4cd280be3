"""The checks every unit runs, and the position a regulation stamps on its citable units.

A number must be one a label can carry (1 to 9999); a text must be one line the source can
print (no line break or other control character, no zero-width space, no white space at either
end).  :mod:`.units` re-exports these names, where the rest of the package takes them from.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

import attrs

from .errors import CitationError, shorten
from .numerals import MAX_NUMBER

if TYPE_CHECKING:
    import datetime

    from .citation import Citation

__all__ = [
    "CITE_FIELD",
    "check_line",
    "check_number",
    "cite_of",
    "parse_date",
    "stamped",
]

# What a text of the model cannot hold, because the source could not carry it back: a line
# break or another control character, a zero-width space (the lexer drops them), a lone
# surrogate (no encoding can write it), or white space at either end (the lexer strips it).
# (A pattern, not a compiled object: re compiles it on first use and caches it; a cold load()
# needs none.)
_BAD_TEXT_PATTERN = r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b\ud800-\udfff]|^\s|\s$"


def check_number(owner: str, number: int) -> None:
    if type(number) is not int or not 0 < number <= MAX_NUMBER:  # (a bool is no int here)
        raise ValueError(f"{owner}.number must be an int from 1 to {MAX_NUMBER}, got {number!r}")


def check_line(owner: str, text: str) -> None:
    """A text of the model is one line, as the source prints it: see ``_BAD_TEXT_PATTERN``."""
    if text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return  # the usual case, checked in C: no control, format or non-ASCII space characters
    bad = re.search(_BAD_TEXT_PATTERN, text)
    if bad is not None:
        char = bad[0]
        if char in "\n\r":
            what = "a line break"
        elif "\ud800" <= char <= "\udfff":
            what = f"the lone surrogate U+{ord(char):04X} (not a character: no UTF-8 for it)"
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char == "\u200b":
            what = f"U+{ord(char):04X}"
        else:
            what = "white space at an end"
        raise ValueError(
            f"{owner} text cannot hold {what} (it is one stripped line): {shorten(text)}"
        )


def parse_date(match: re.Match[str] | None) -> datetime.date | None:
    if match is None:
        return None
    import datetime  # only when a date is asked for: keeps the cold import light

    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# The position a Regulation stamps on its units (see tree.stamp_body): a plain tuple, cheap to
# build while parsing.  Chapter: (part, chapter); Section: (part, chapter, section); Paragraph:
# (article, suffix, paragraph); Item: (..., item); SubItem: (..., item, subitem).  ``part`` is None
# unless chapter numbers restart in each 编 of the document.
CITE_FIELD = attrs.field(default=None, init=False, eq=False, repr=False)
_POSITION_FIELDS = {
    2: ("part", "chapter"),
    3: ("part", "chapter", "section"),
}
_ARTICLE_POSITION = ("article", "suffix", "paragraph", "item", "subitem")


def cite_of(owner: str, stamp: tuple[int | None, ...] | None, unit: str) -> Citation:
    """Build the :class:`~wuxi_dt_regulation.Citation` a stamped unit answers with."""
    from .citation import Citation  # on first use: a cold load() never builds a Citation

    if stamp is None:
        raise CitationError(
            f"this {owner} does not know where it stands: only the {unit} of a Regulation's body "
            "are citable (a unit built alone, or in free text or an appendix, is not)"
        )
    if owner in ("Chapter", "Section"):
        names = _POSITION_FIELDS[len(stamp)]
    else:
        names = _ARTICLE_POSITION[: len(stamp)]
    return Citation(**dict(zip(names, stamp, strict=True)))  # type: ignore[arg-type]


_Stamped = TypeVar("_Stamped")


def stamped(node: _Stamped, position: tuple[int | None, ...]) -> _Stamped:
    """Stamp *node* (a unit with a ``CITE_FIELD``) with *position*, or return an equal copy
    stamped so when *node* already stands elsewhere (a unit shared by two regulations, or used
    twice in one).  Values are frozen: this is the one place that writes the hidden ``_cite``."""
    current = node._cite  # type: ignore[attr-defined]
    if current is None:
        object.__setattr__(node, "_cite", position)
        return node
    if current == position:
        return node
    copy = attrs.evolve(node)  # type: ignore[misc]
    object.__setattr__(copy, "_cite", position)
    return copy
