"""Short reprs for the units, like :class:`~wuxi_dt_regulation.Regulation`'s: what the unit is,
its label, the start of its text and how much it holds, never the whole subtree (which is one
:func:`attrs.asdict` away).  Stable: tests/test_reprs.py pins them, docs/model.md shows them.

>>> from wuxi_dt_regulation import Article, Item, Paragraph
>>> Article(35, paragraphs=(Paragraph(1, "甲。"), Paragraph(2, "下列：", (Item(1, "乙。"),))))
<Article 第三十五条 (2 paragraphs)>
>>> Paragraph(2, "下列：", (Item(1, "乙。"),))
<Paragraph 2 '下列：' (1 item)>
"""

from __future__ import annotations

from typing import Any

from .errors import shorten
from .labels import article_label, item_label

__all__ = [
    "appendix_repr",
    "article_repr",
    "division_repr",
    "heading_repr",
    "item_repr",
    "paragraph_repr",
    "subitem_repr",
    "table_repr",
]

#: How much of a text a repr shows (the rest is counted, as in error messages).
_SHOWN = 20


def _count(number: int, what: str) -> str:
    return f"{number} {what}" if number == 1 else f"{number} {what}s"


def _holds(*counts: tuple[int, str]) -> str:
    parts = [_count(n, what) for n, what in counts if n]
    return f" ({', '.join(parts)})" if parts else ""


def article_repr(self: Any) -> str:
    return f"<Article {article_label(self.number, self.suffix)}{_holds((len(self.paragraphs), 'paragraph'))}>"


def paragraph_repr(self: Any) -> str:
    text = f" {shorten(self.text, _SHOWN)}" if self.text else ""
    held = _holds((len(self.items), "item"), (len(self.continuation), "further paragraph"))
    return f"<Paragraph {self.number}{text}{held}>"


def item_repr(self: Any) -> str:
    label = f"{self.number}．" if self.arabic else item_label(self.number)
    held = _holds((len(self.subitems), "subitem"), (len(self.continuation), "further paragraph"))
    return f"<Item {label} {shorten(self.text, _SHOWN)}{held}>"


def subitem_repr(self: Any) -> str:
    held = _holds((len(self.subitems), "subitem"), (len(self.continuation), "further paragraph"))
    return f"<SubItem {self.number}． {shorten(self.text, _SHOWN)}{held}>"


def _blocks(children: tuple[Any, ...]) -> tuple[tuple[int, str], ...]:
    """What a container holds directly, counted by kind, articles anywhere below counted too."""
    kinds: dict[str, int] = {}
    for child in children:
        name = type(child).__name__.lower()
        kinds[name] = kinds.get(name, 0) + 1
    order = ("subpart", "chapter", "section", "division", "paragraph", "table")
    return tuple((kinds[k], k) for k in order if k in kinds)


def heading_repr(self: Any) -> str:
    """编, 分编, 章 and 节: ``<Chapter 第五章 法律责任 (2 sections, 12 articles)>``."""
    title = f" {self.title}" if self.title else ""
    held = _holds(*_blocks(self.children), (len(self.articles), "article"))
    return f"<{type(self).__name__} {self.label}{title}{held}>"


def division_repr(self: Any) -> str:
    held = _holds(*_blocks(self.children), (len(self.articles), "article"))
    return f"<Division {shorten(self.title, _SHOWN)}{held}>"


def appendix_repr(self: Any) -> str:
    return f"<Appendix {shorten(self.title, _SHOWN)}{_holds(*_blocks(self.children))}>"


def table_repr(self: Any) -> str:
    rows = self.rows
    first = f" {shorten(' | '.join(rows[0]), _SHOWN)}" if rows else ""
    return f"<Table{first} ({_count(len(rows), 'row')})>"
