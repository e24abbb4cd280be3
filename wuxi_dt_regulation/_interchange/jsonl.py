"""Regulations as JSON Lines for search and question-answering pipelines: :func:`to_jsonl`.

One record per 款 (or per 条), each a JSON object on one line with the keys in the fixed order
of :data:`RECORD_KEYS`; ``docs/jsonl.md`` documents the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, TypeAlias

from .._model.regulation import Regulation
from .akn import work_uri
from .links import citation_texts
from .units import Regulations, UnitInfo, full_text, named, walk_units

__all__ = ["RECORD_KEYS", "UNITS", "RecordUnit", "to_jsonl"]

#: The keys of a record, in the order they are written.
RECORD_KEYS = ("id", "title", "effective_date", "history", "source", "unit", "eid", "path",
               "citation", "text")  # fmt: skip
#: What one record may hold: a 款 or a 条; text outside articles is one record per paragraph
#: or table either way.
UNITS = ("paragraph", "article")
RecordUnit: TypeAlias = Literal["paragraph", "article"]


def _records(
    regulation: Regulation, source: str | None, unit: RecordUnit
) -> Iterator[dict[str, Any]]:
    units = list(walk_units(regulation))
    levels: dict[str, str] = {u.eid: u.level for u in units}
    work = work_uri(regulation)
    date = regulation.effective_date
    head = {
        "title": regulation.title,
        "effective_date": date.isoformat() if date else None,
        "history": [
            {"date": e.date.isoformat() if e.date else None, "action": e.action}
            for e in regulation.history
        ],
        "source": source,
    }
    for index, info in enumerate(units):
        if not _is_record(info, unit, levels):
            continue
        citation = citation_texts(info.citation, regulation) if info.citation else {}
        record: dict[str, Any] = {"id": f"{work}#{info.eid}", **head}
        record.update(
            unit=info.level,
            eid=info.eid,
            path=[{"level": h.level, "label": h.label, "title": h.title} for h in info.headings],
            citation=citation,
            text=full_text(units, index),
        )
        yield record


def _is_record(info: UnitInfo, unit: RecordUnit, levels: dict[str, str]) -> bool:
    in_article = info.parent is not None and levels[info.parent] == "article"
    if info.level == "article":
        return unit == "article"
    if info.level == "paragraph":
        return unit == "paragraph" or not in_article
    return info.level == "table"


def to_jsonl(regulations: Regulations, *, unit: RecordUnit = "paragraph") -> str:
    """Write regulations as JSON Lines: one record per 款 (or per 条), what a search or
    question-answering system indexes.

    Each line is one JSON object with the keys in this order (docs/jsonl.md): ``id`` (the
    regulation's FRBR work IRI, ``#`` and the eId: unique across regulations), ``title``,
    ``effective_date`` (ISO 8601 or null), ``history`` (each line's ``date`` and ``action``),
    ``source``, ``unit`` (``paragraph``, ``article``, or ``table``), ``eid`` (the Akoma Ntoso
    eId, as :func:`to_akn` and :func:`to_html` write it), ``path`` (the 编, 分编, 章, 节 and
    other headings above, each with ``level``, ``label`` and ``title``), ``citation`` (the unit
    in each style of :func:`format_citation`; empty for text outside the articles) and
    ``text`` (a 款 with its 项 and 目, one printed line each; a 条 with all its 款).  Text
    outside the articles (a preamble, free paragraphs, appendices) is one record per
    paragraph or table in either mode.  Non-ASCII text is written as is (UTF-8), except
    U+2028 and U+2029, escaped so that no line reader splits a record.

    Args:
        regulations: a :class:`Regulation`, an iterable of them, or a mapping from each one's
            source (a file name, written as ``source``) to the regulation.
        unit: ``"paragraph"`` for a record per 款, ``"article"`` for a record per 条.

    Returns:
        The lines, each ending in a newline (empty when there is nothing to write).

    Raises:
        ValueError: *unit* is neither ``"paragraph"`` nor ``"article"``.

    >>> import json
    >>> from wuxi_dt_regulation import load
    >>> lines = to_jsonl(load()).splitlines()
    >>> record = json.loads(lines[1])
    >>> list(record) == list(RECORD_KEYS), record["eid"], record["citation"]["statute"]
    (True, 'chp_1__art_2__para_1', '第二条第一款')
    >>> [(p["label"], p["title"]) for p in record["path"]]
    [('第一章', '总 则')]
    >>> len(to_jsonl(load(), unit="article").splitlines())
    55
    """
    import json

    if unit not in UNITS:
        raise ValueError(f"unit must be 'paragraph' or 'article', got {unit!r}")
    lines = [
        json.dumps(record, ensure_ascii=False, separators=(",", ":")).translate(_SEPARATORS) + "\n"
        for source, regulation in named(regulations)
        for record in _records(regulation, source, unit)
    ]
    return "".join(lines)


# U+2028 and U+2029 may stand in a JSON string, but many line readers (str.splitlines,
# JavaScript before ES2019) break lines there: written escaped, a record is one line for all.
_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})
