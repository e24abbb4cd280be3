"""Interchange formats: the model to and from JSON and Akoma Ntoso.

``converter``, ``serialize``
    the one cattrs converter (built on first use) and :func:`to_dict` / :func:`from_dict` /
    :func:`to_json` / :func:`from_json`, with errors that name the JSON path.
``akn``, ``akn_xml``, ``akn_meta``, ``akn_write``
    the Akoma Ntoso 3.0 vocabulary and FRBR naming; building and printing the XML; the
    ``<meta>`` block; :func:`to_akn`, which writes the body.
``akn_units``, ``akn_read``
    reading body elements back into units; :func:`from_akn`, which refuses DTDs and entities
    before any parser sees the text.

May import: the model, Markdown, citations and diff.  A new format is a new module here (its
writer and reader), re-exported from the package's ``__init__`` and given a ``--format`` in
``_cli/export.py``.
"""
