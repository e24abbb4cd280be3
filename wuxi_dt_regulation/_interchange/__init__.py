"""Interchange formats: the model to and from JSON and Akoma Ntoso; a linked HTML page, an
SQLite database with full-text search and JSON Lines records.

``converter``, ``documents``, ``decode``, ``serialize``
    the one cattrs converter (built on first use) and the documents' vocabulary (tags, top-level
    classes); the fast reader generated per class, which hands what it refuses back to the
    converter; and :func:`to_dict` / :func:`from_dict` / :func:`to_json` / :func:`from_json`,
    with errors that name the JSON path.
``akn``, ``akn_xml``, ``akn_meta``, ``akn_write``
    the Akoma Ntoso 3.0 vocabulary and FRBR naming; building and printing the XML; the
    ``<meta>`` block; :func:`to_akn`, which writes the body.
``akn_text``, ``akn_parts``, ``akn_tables``, ``akn_units``, ``akn_blocks``, ``akn_read``
    reading back: text and refusals with their XML paths; the tags, trusted constructors and
    ``<num>`` readers; tables; the body; the preamble; :func:`from_akn`, which refuses DTDs and
    entities before any parser sees the text, and refuses (never drops) any text the model has
    no place for.
``akn_fast_blocks``, ``akn_fast_lists``, ``akn_fast``
    the fast path of :func:`from_akn`: the layout :func:`to_akn` writes read line by line (text,
    ``<meta>``, the preface, tables, the preamble; 款 and their lists; the body and appendices),
    without an element tree, and built with the prechecked constructors, each value checked in
    line (as :func:`from_json`'s reader does); anything else is declined and read by the walk
    above.
``akn_amend``
    an ``Amendment`` as an amending act (``<activeModifications>``, one ``<textualMod>`` per
    operation), written by :func:`to_akn` and read back by ``from_akn(xml, Amendment)``.
``units``, ``links``
    the one walk over a regulation's units (eIds as ``to_akn`` writes them) that the page, the
    database and the records are written from; the references placed on those units, with
    the span and target of each link, and a unit's citation in every style.
``html_page``, ``html_assets``
    :func:`to_html`, and the stylesheet and script it inlines.
``sqlite_index``, ``sqlite_search``
    :func:`to_sqlite` with the schema; :func:`search_sqlite` and its hits.
``jsonl``
    :func:`to_jsonl`: one record per 款 or 条 for retrieval pipelines.
``atomic``
    files replaced whole or not at all (every file the library or the command line writes).

May import: the model, Markdown, citations, diff and amendments.  A new format is a new module here (its
writer and reader), re-exported from the package's ``__init__`` and given a ``--format`` in
``_cli/export.py``.
"""
