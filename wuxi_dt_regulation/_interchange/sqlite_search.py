"""Ranked full-text search in a database :func:`~wuxi_dt_regulation.to_sqlite` wrote:
:func:`search_sqlite` and its :class:`SqliteHit`.

Queries of three characters or more use the FTS5 trigram index and are ranked by ``bm25``.
A trigram index cannot look up anything shorter (数据 is two characters), so a query with a
shorter term falls back to a scan with ``LIKE`` and lists its hits in document order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .._model.errors import SerializationError
from .sqlite_index import SCHEMA_VERSION, check_fts

if TYPE_CHECKING:
    import sqlite3

__all__ = ["MIN_TRIGRAM", "SqliteHit", "search_sqlite"]

#: The shortest term the trigram index can look up; shorter ones are scanned with LIKE.
MIN_TRIGRAM = 3
ELLIPSIS = "…"


@attrs.frozen
class SqliteHit:
    """One unit that matches a query, best first.

    ``str(hit)`` reads ``《title》第三十五条第二款: …snippet…``.

    Attributes:
        title: the regulation's title.
        where: the unit's citation (``第三十五条第二款``), or for text with none the nearest
            citation above it, else the heading or appendix it stands under (``附件一``), else
            ``（正文外）``.
        citation: the unit's own citation in the statute style, or None.
        eid: the unit's Akoma Ntoso eId.
        snippet: the match with some context, ``…`` where the text was cut.
        rank: the ``bm25`` score (lower is better); 0.0 for a query scanned with LIKE.
        source: the regulation's source as given to :func:`to_sqlite`, or None.
    """

    title: str
    where: str
    citation: str | None
    eid: str
    snippet: str
    rank: float
    source: str | None = None

    def __str__(self) -> str:
        return f"《{self.title}》{self.where}: {self.snippet}"


def _open(path: str | os.PathLike[str]) -> sqlite3.Connection:
    import sqlite3

    target = Path(path)
    if not target.is_file():
        raise FileNotFoundError(2, "No such database", str(target))
    connection = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as err:
        connection.close()
        raise SerializationError(f"not an SQLite database ({err})", path=str(target)) from None
    if "units_fts" not in tables or version != SCHEMA_VERSION:
        connection.close()
        raise SerializationError(
            f"not a database written by to_sqlite (schema {SCHEMA_VERSION}): user_version "
            f"is {version}, tables {', '.join(sorted(tables)) or 'none'}",
            path=str(target),
        )
    return connection


def _where(connection: sqlite3.Connection, unit_id: int) -> str:
    """The citation of the unit, or of the nearest unit above it with one; else the heading
    or appendix above it."""
    label = ""
    current: int | None = unit_id
    while current is not None:
        citation, level, title, parent = connection.execute(
            "SELECT citation, level, title, parent_id FROM units WHERE id = ?", (current,)
        ).fetchone()
        if citation is not None:
            return str(citation)
        if not label and level in ("appendix", "division") and title:
            label = str(title)
        current = parent
    return label or "（正文外）"


#: ASCII capitals to small letters: the case ``LIKE`` ignores, one character for one (so that
#: an index in the folded text is one in the text; ``casefold`` turns ß into ss)
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _snippet(text: str, terms: list[str], context: int) -> str:
    folded = text.translate(_ASCII_FOLD)
    found = [
        (i, len(t))
        for i, t in ((folded.find(t.translate(_ASCII_FOLD)), t) for t in terms)
        if i >= 0
    ]
    at, size = min(found, default=(0, 0))
    end = at + size
    left, right = max(at - context, 0), min(end + context, len(text))
    return (ELLIPSIS if left else "") + text[left:right] + (ELLIPSIS if right < len(text) else "")


def search_sqlite(
    path: str | os.PathLike[str], query: str, *, limit: int | None = 20, context: int = 12
) -> tuple[SqliteHit, ...]:
    """Search the units' text and titles in a database :func:`to_sqlite` wrote, best first.

    The query is literal text; words separated by spaces must all occur (in any order).  Each
    word of three characters or more is looked up in the trigram index and the hits are
    ranked by ``bm25``; when a word is shorter (a trigram index cannot hold it), every unit is
    scanned with ``LIKE`` instead and the hits come in document order.  The index ignores the
    case of letters (``école`` finds ``ÉCOLE``); the scan, as ``LIKE`` does, only that of A to Z.

    Args:
        path: the database.
        query: the text to find.
        limit: at most this many hits (None for all).
        context: about how many characters of context each side of the match in a snippet.

    Returns:
        The hits (:class:`SqliteHit`), best first.

    Raises:
        ValueError: the query is empty, or *limit* or *context* is negative.
        FileNotFoundError: there is no such file.
        SerializationError: the file is not a database :func:`to_sqlite` wrote.
        RuntimeError: this Python's SQLite has no FTS5 with the trigram tokenizer.

    >>> import tempfile, pathlib
    >>> from wuxi_dt_regulation import load, to_sqlite
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "wuxi.db"
    >>> _ = to_sqlite(load(), db)
    >>> print(search_sqlite(db, "电子政务外网")[0])
    《无锡市数字化转型促进条例》第三十五条第三款: …政务网络统筹建设管理，推进非涉密业务专网向电子政务外网整合迁移。
    >>> [hit.where for hit in search_sqlite(db, "数据", limit=3)]
    ['第三条第一款', '第五条第一款', '第十条第一款']
    """
    from contextlib import closing

    terms = query.split()
    if not terms:
        raise ValueError("search for what? the query is empty")
    if (limit is not None and limit < 0) or context < 0:
        raise ValueError(f"limit and context must be >= 0, got {limit} and {context}")
    with closing(_open(path)) as connection:
        check_fts(connection)
        rows = _query(connection, terms, limit, context)
        return tuple(
            SqliteHit(title, _where(connection, unit_id), citation, eid, snippet, rank, source)
            for unit_id, title, citation, eid, snippet, rank, source in rows
        )


_COLUMNS = "u.id, r.title, u.citation, u.eid, {snippet}, {rank}, r.source"


def _query(
    connection: sqlite3.Connection, terms: list[str], limit: int | None, context: int
) -> list[tuple[int, str, str | None, str, str, float, str | None]]:
    bound = -1 if limit is None else limit
    if all(len(term) >= MIN_TRIGRAM for term in terms):
        phrases = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
        tokens = max(8, min(64, 2 * context + max(len(t) for t in terms)))
        columns = _COLUMNS.format(
            snippet=f"snippet(units_fts, -1, '', '', '{ELLIPSIS}', {tokens})",
            rank="bm25(units_fts)",
        )
        sql = (
            f"SELECT {columns} FROM units_fts JOIN units u ON u.id = units_fts.rowid "
            "JOIN regulations r ON r.id = u.regulation_id WHERE units_fts MATCH ? "
            "ORDER BY bm25(units_fts), u.id LIMIT ?"
        )
        return connection.execute(sql, (phrases, bound)).fetchall()
    # too short for trigrams: scan, in document order
    patterns = ["%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                for t in terms]  # fmt: skip
    test = " AND ".join("(u.text LIKE ? ESCAPE '\\' OR u.title LIKE ? ESCAPE '\\')" for _ in terms)
    columns = _COLUMNS.format(snippet="CASE WHEN u.text = '' THEN u.title ELSE u.text END",
                              rank="0.0")  # fmt: skip
    sql = (
        f"SELECT {columns} FROM units u JOIN regulations r ON r.id = u.regulation_id "
        f"WHERE {test} ORDER BY u.id LIMIT ?"
    )
    params = [p for pattern in patterns for p in (pattern, pattern)]
    rows = connection.execute(sql, (*params, bound)).fetchall()
    return [
        (*row[:4], _snippet(row[4], terms, context), *row[5:])
        for row in rows  # the whole text was read: cut the snippet here
    ]
