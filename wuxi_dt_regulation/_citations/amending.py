"""The references of an amending instrument (修改决定, 修正案) are the amended law's.

In 《关于修改〈中华人民共和国示例法〉的决定》 ``将第五条修改为：“第五条 依照本法第三条……”``,
neither 第五条 nor 本法第三条 is a unit of the decision: both are the amended law's, and 前款
inside the quoted wording is relative to a unit of that law, not to the decision's own
article.  Only what the instrument says of itself (本决定第二条, 本修正案) and the relative
references outside quoted wording (本条) stay its own.

:func:`amended_instruments` reads what an instrument's title says it amends;
:class:`Attribution` re-reads each match :func:`.find.references` finds in such an instrument:
a bare or 本法 reference becomes an ``external`` reference to the amended instrument (or
``unresolvable`` when the title names several, or none), a relative reference inside quoted
wording ``unresolvable``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from .._model.citation import Citation, citation_title
from .._model.ranges import CitationList, CitationRange
from .._model.references import CitationMatch
from .names import full_title
from .titles import instrument_word

__all__ = ["Attribution", "amended_instruments"]

# 关于修改《A》的决定, 关于修改《A》和《B》的决定, 关于修改《A》等八部法律的决定, 关于修改部分
# 法律的决定; a 修正案 of the law its title begins with (中华人民共和国刑法修正案（十一）).
_DECISION_RE = re.compile(r"关于修改(?P<what>.+)的决定(?:[（(][^（）()]*[)）])?")
_AMENDMENT_RE = re.compile(r"(?P<law>.+?)修正案(?:[（(][^（）()]*[)）])?")
_QUOTED_RE = re.compile(r"[《〈](?P<title>[^《》〈〉]+)[》〉]")
# how many instruments a title that names only the first counts: 等八部法律, 等3件
_MORE_RE = re.compile(r"等[零〇一二三四五六七八九十百两几多\d]*(?:部|件|个|项)")
# 该条第二款, 同款第三项 (anaphora.py): the unit the instruction named
_ANAPHOR_RE = re.compile(r"[该同](?P<unit>[条款])\s*第")
_OPENING = frozenset("“‘「『")
_CLOSING = frozenset("”’」』")


def amended_instruments(title: str) -> tuple[str, ...] | None:
    """What the instrument titled *title* amends, by full title; None when it is no amending
    instrument.  An empty tuple: it amends, but its title does not say which one alone
    (关于修改部分法律的决定, 关于修改《A》等八部法律的决定).

    >>> amended_instruments("全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定")
    ('中华人民共和国示例法',)
    >>> amended_instruments("中华人民共和国刑法修正案（十一）"), amended_instruments("刑法修正案")
    (('中华人民共和国刑法',), ('中华人民共和国刑法',))
    >>> amended_instruments("关于修改《中华人民共和国会计法》等八部法律的决定")
    ()
    >>> amended_instruments("无锡市数字化转型促进条例") is None
    True
    """
    decision = _DECISION_RE.search(title)
    if decision is not None:
        what = decision["what"]
        if _MORE_RE.search(what):
            return ()
        return tuple(dict.fromkeys(full_title(m["title"]) for m in _QUOTED_RE.finditer(what)))
    amendment = _AMENDMENT_RE.fullmatch(title.strip())
    if amendment is not None:
        law = amendment["law"].strip("《》〈〉")
        return (full_title(law),) if law else ()
    return None


def _mapped(value: CitationList, change: Callable[[Citation], Citation]) -> CitationList:
    """*value* with *change* applied to every citation (both ends of a range)."""
    items = tuple(
        CitationRange(change(item.start), change(item.end))
        if isinstance(item, CitationRange)
        else change(item)
        for item in value.items
    )
    return attrs.evolve(value, items=items)


class Attribution:
    """Re-reads the matches found in one amending instrument's units, in document order (call
    :meth:`restart` where quoted wording cannot run on: at each article)."""

    def __init__(self, title: str, amended: tuple[str, ...]) -> None:
        self.amended = amended
        #: how the instrument names itself (本决定, 本修正案) and its title in 《》
        self.own = (instrument_word(title), f"《{citation_title(title)}》")
        self.depth = 0
        #: the amended law's unit an instruction of this article named last (宪法第二十七条), that
        #: a bare 第三款 after it (增加一款，作为第三款) is relative to
        self.anchor: Citation | None = None
        self._text = ""
        self._counted = 0

    def restart(self) -> None:
        """Quoted wording does not run past this point (a new article)."""
        self.depth = 0
        self.anchor = None

    def line(self, text: str) -> None:
        """The next text of the instrument is *text*: matches are in it until the next call."""
        self._advance(len(self._text))  # the rest of the previous text
        self._text, self._counted = text, 0

    def _advance(self, to: int) -> None:
        for ch in self._text[self._counted : to]:
            if ch in _OPENING:
                self.depth += 1
            elif ch in _CLOSING and self.depth:
                self.depth -= 1
        self._counted = max(self._counted, to)

    def read(self, match: CitationMatch) -> CitationMatch:
        """*match* as the instrument means it (see the module's docstring)."""
        self._advance(match.start)
        quoted = self.depth > 0
        pointing = _ANAPHOR_RE.match(match.text)
        if pointing is not None and not quoted:
            # 删去该条第二款: the unit the instruction named, not a citation inside the wording;
            # a 同款 after it is that 款
            found = self._anchored(match, pointing["unit"])
            self._remember(found.value)
            return found
        if match.kind == "relative":
            if not match.text.startswith("第"):  # 本条, 前款: the instrument's own structure
                return self._unresolved(match) if quoted else match
            return self._anchored(match) if not quoted else self._unresolved(match)
        if match.kind == "external":
            self._remember(match.value)
            return match
        if match.kind not in ("absolute", "internal"):
            return match
        if match.kind == "internal" and not quoted and match.text.startswith(self.own):
            return match  # 本决定第二条: the instrument's own
        if len(self.amended) != 1 or match.value is None:
            return self._unresolved(match)
        title = self.amended[0]
        value = _mapped(match.value, lambda c: attrs.evolve(c, title=title))
        self._remember(value)
        return attrs.evolve(match, kind="external", value=value)

    def _unresolved(self, match: CitationMatch) -> CitationMatch:
        return attrs.evolve(match, kind="unresolvable", value=None)

    def _remember(self, value: CitationList | None) -> None:
        if value is not None and not self.depth:
            last = value.items[-1]
            self.anchor = last.end if isinstance(last, CitationRange) else last

    def _anchored(self, match: CitationMatch, pointing: str | None = None) -> CitationMatch:
        """A bare 第三款 or 第七项 of an instruction, or one after 该条/该款 (*pointing*: 条
        or 款): of the unit the instruction named last."""
        if pointing is None:
            level = next((lv for unit, lv in _LEVELS if unit in match.text), None)
        else:  # what 该条 and 该款 stand for: the article, the 款
            level = "paragraph" if pointing == "条" else "item"
        anchor = self.anchor
        if anchor is None or anchor.article is None or level is None or match.value is None:
            return self._unresolved(match)
        if level == "item" and anchor.paragraph is None:
            return self._unresolved(match)  # 该款 after an article
        named = "款" in match.text if pointing == "条" else True  # 该条第二项: no 款

        def moved(c: Citation) -> Citation:
            kept = {name: getattr(c, name) for name in _BELOW[level]}
            if not named:
                kept["paragraph"] = None  # 该条第二项: the 项 as the text names it
            above = {name: getattr(anchor, name) for name in _ABOVE[level]}
            return Citation(**above, **kept)

        return attrs.evolve(match, kind="external", value=_mapped(match.value, moved))


# the level a bare relative reference names, by its unit word (the highest it names first)
_LEVELS = (("款", "paragraph"), ("项", "item"), ("目", "subitem"))
_ABOVE = {
    "paragraph": ("title", "article", "suffix"),
    "item": ("title", "article", "suffix", "paragraph"),
    "subitem": ("title", "article", "suffix", "paragraph", "item"),
}
_BELOW = {
    "paragraph": ("paragraph", "item", "subitem"),
    "item": ("item", "subitem"),
    "subitem": ("subitem",),
}
