"""One or many regulations as an SQLite database with full-text search: :func:`to_sqlite`.

The schema (version :data:`SCHEMA_VERSION`, also in ``PRAGMA user_version``) is
:data:`SCHEMA`; ``docs/sqlite.md`` describes every table and column.  Rows are written in a
fixed order with ids given by that order (the regulations as given, their units in document
order), so the same input always gives the same rows.  The file is written next to its
destination under a temporary name and renamed into place when complete: a reader never sees
half a database, and a failed export leaves the old file as it was.

Only Python's own ``sqlite3`` is used, imported on first use.  Full-text search needs SQLite's
FTS5 with the ``trigram`` tokenizer (SQLite 3.34 or later): :func:`check_fts` says clearly when
this Python's SQLite lacks it.  The queries are :mod:`.sqlite_search`'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .._model.citation import Citation
from .._model.regulation import Regulation
from .._version import __version__
from .akn import work_uri
from .links import citation_texts, unit_references
from .units import Regulations, named, walk_units

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "FTS_TOKENIZER",
    "SCHEMA",
    "SCHEMA_VERSION",
    "check_fts",
    "to_sqlite",
]

#: The version of :data:`SCHEMA`; a change that breaks a query written for it gets a new one.
SCHEMA_VERSION = 1
#: The FTS5 tokenizer of ``units_fts``: trigrams need no word segmenter for Chinese.
FTS_TOKENIZER = "trigram"

#: The schema, statement by statement, as ``sqlite_master`` keeps it (docs/sqlite.md).
SCHEMA = (
    """CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    """CREATE TABLE regulations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    subtitles TEXT NOT NULL,
    work_uri TEXT NOT NULL,
    effective_date TEXT,
    source TEXT
)""",
    """CREATE TABLE events (
    regulation_id INTEGER NOT NULL REFERENCES regulations (id),
    seq INTEGER NOT NULL,
    date TEXT,
    action TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (regulation_id, seq)
)""",
    """CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    regulation_id INTEGER NOT NULL REFERENCES regulations (id),
    seq INTEGER NOT NULL,
    eid TEXT NOT NULL,
    parent_id INTEGER REFERENCES units (id),
    level TEXT NOT NULL,
    number INTEGER,
    label TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    citation TEXT,
    region TEXT NOT NULL,
    UNIQUE (regulation_id, seq),
    UNIQUE (regulation_id, eid)
)""",
    """CREATE TABLE unit_citations (
    unit_id INTEGER NOT NULL REFERENCES units (id),
    style TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (unit_id, style)
) WITHOUT ROWID""",
    """CREATE TABLE refs (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    instrument TEXT,
    dangling INTEGER NOT NULL
)""",
    """CREATE TABLE ref_targets (
    ref_id INTEGER NOT NULL REFERENCES refs (id),
    seq INTEGER NOT NULL,
    citation TEXT NOT NULL,
    unit_id INTEGER REFERENCES units (id),
    PRIMARY KEY (ref_id, seq)
) WITHOUT ROWID""",
    "CREATE INDEX units_by_citation ON units (regulation_id, citation)",
    "CREATE INDEX units_by_parent ON units (parent_id)",
    "CREATE INDEX refs_by_unit ON refs (unit_id)",
    "CREATE INDEX ref_targets_by_unit ON ref_targets (unit_id)",
    f"""CREATE VIRTUAL TABLE units_fts USING fts5(
    title, text, content='units', content_rowid='id', tokenize='{FTS_TOKENIZER}'
)""",
)


def check_fts(connection: sqlite3.Connection) -> None:
    """Raise RuntimeError, saying what is missing, unless *connection*'s SQLite has FTS5 with
    the trigram tokenizer."""
    import sqlite3

    try:
        connection.execute(
            f"CREATE VIRTUAL TABLE temp.wdr_fts_probe USING fts5(x, tokenize='{FTS_TOKENIZER}')"
        )
        connection.execute("DROP TABLE temp.wdr_fts_probe")
    except sqlite3.OperationalError as err:
        raise RuntimeError(
            f"this Python's SQLite {sqlite3.sqlite_version} cannot build the full-text index "
            f"({err}): it needs FTS5 with the {FTS_TOKENIZER!r} tokenizer (SQLite 3.34 or "
            "later, built with FTS5); install a Python linked against such an SQLite"
        ) from None


def _rows(
    regulation: Regulation, reg_id: int, first_unit: int, first_ref: int
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The rows of one regulation, as (table, row), in the order they are inserted."""
    units = list(walk_units(regulation))
    ids = {unit.eid: first_unit + n for n, unit in enumerate(units)}
    for n, event in enumerate(regulation.history, 1):
        date = event.date.isoformat() if event.date else None
        yield "events", (reg_id, n, date, event.action, event.text)
    for unit in units:
        cited = str(unit.citation) if unit.citation is not None else None
        parent = ids[unit.parent] if unit.parent is not None else None
        yield "units", (ids[unit.eid], reg_id, unit.order, unit.eid, parent, unit.level,
                        unit.number, unit.label, unit.title, unit.text, cited,
                        unit.region)  # fmt: skip
        if unit.citation is not None:
            for style, text in citation_texts(unit.citation, regulation).items():
                yield "unit_citations", (ids[unit.eid], style, text)
    ref_id = first_ref
    references = unit_references(regulation, units)
    for unit in units:
        for found in references.get(unit.eid, ()):
            match = found.reference.match
            yield "refs", (ref_id, ids[unit.eid], match.start, match.end, match.text,
                           match.kind, found.instrument,
                           int(found.reference.dangling))  # fmt: skip
            targets: Iterable[tuple[Citation, str | None]] = found.targets
            if match.kind == "external":
                targets = ((c, None) for c in match.citations)
            for n, (citation, eid) in enumerate(targets, 1):
                target = ids[eid] if eid is not None else None
                yield "ref_targets", (ref_id, n, str(citation), target)
            ref_id += 1


_INSERT = {
    "regulations": "INSERT INTO regulations VALUES (?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
    "units": "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "unit_citations": "INSERT INTO unit_citations VALUES (?, ?, ?)",
    "refs": "INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "ref_targets": "INSERT INTO ref_targets VALUES (?, ?, ?, ?)",
}


def _write(connection: sqlite3.Connection, pairs: list[tuple[str | None, Regulation]]) -> int:
    check_fts(connection)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    for statement in SCHEMA:
        connection.execute(statement)
    meta = [("schema_version", str(SCHEMA_VERSION)), ("generator",
            f"wuxi_dt_regulation {__version__}"), ("tokenizer", FTS_TOKENIZER)]  # fmt: skip
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta)
    next_unit, next_ref = 1, 1
    for reg_id, (source, regulation) in enumerate(pairs, 1):
        date = regulation.effective_date
        row = (reg_id, regulation.title, "\n".join(regulation.subtitles), work_uri(regulation),
               date.isoformat() if date else None, source)  # fmt: skip
        connection.execute(_INSERT["regulations"], row)
        batches: dict[str, list[tuple[Any, ...]]] = {}
        for table, values in _rows(regulation, reg_id, next_unit, next_ref):
            batches.setdefault(table, []).append(values)
        for table in ("events", "units", "unit_citations", "refs", "ref_targets"):
            connection.executemany(_INSERT[table], batches.get(table, []))
        next_unit += len(batches.get("units", []))
        next_ref += len(batches.get("refs", []))
    connection.execute("INSERT INTO units_fts (units_fts) VALUES ('rebuild')")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()
    return next_unit - 1


def to_sqlite(regulations: Regulations, path: str | os.PathLike[str]) -> int:
    """Write one or many regulations to an SQLite database at *path*, with a full-text index.

    The database holds the regulations (title, dates, source, history), every unit (its Akoma
    Ntoso eId, level, number, label, text, parent, document order and its citation in each
    style of :func:`format_citation`) and every reference between units (its kind, the text as
    written, the units it resolves to, whether it dangles), with an FTS5 index over the units'
    text and titles (the trigram tokenizer: no word segmenter needed for Chinese; ``bm25``
    ranks).  The schema is in ``docs/sqlite.md``; :func:`search_sqlite` queries it.  The same
    input always gives the same rows.  The file is replaced atomically: it is written under a
    temporary name in the same folder and renamed into place when complete.

    Args:
        regulations: a :class:`Regulation`, an iterable of them, or a mapping from each one's
            source (a file name, stored in ``regulations.source``) to the regulation.
        path: the database file to write (replaced if it exists).

    Returns:
        The number of units written.

    Raises:
        RuntimeError: this Python's SQLite has no FTS5 with the trigram tokenizer.
        TypeError: *regulations* holds something other than regulations.
        OSError: the file cannot be written.

    >>> import sqlite3, tempfile, pathlib
    >>> from contextlib import closing
    >>> from wuxi_dt_regulation import load
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "wuxi.db"
    >>> to_sqlite(load(), db)
    140
    >>> with closing(sqlite3.connect(db)) as con:
    ...     con.execute("SELECT citation, level FROM units WHERE eid = 'chp_5__art_35__para_3'").fetchone()
    ('第三十五条第三款', 'paragraph')
    """
    import sqlite3
    from contextlib import closing

    from .atomic import replacing

    pairs = named(regulations)
    with replacing(path) as temporary, closing(sqlite3.connect(temporary)) as connection:
        return _write(connection, pairs)
