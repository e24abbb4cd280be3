"""Reading and writing the Markdown dialects: source text <-> the model.

``lexer``
    classifies each line by its text (never by its ``#`` depth) with one regex.
``header``, ``builders``, ``numbering``, ``lists``, ``parser``
    the header (title, history, table of contents); the mutable builders the parser fills and
    freezes; the numbering checks; paragraphs and their 项 and 目; and the body's state machine
    with :func:`parse`.
``files``
    :func:`parse_file`: bytes to text, with positions for bad bytes.
``render``
    :func:`render`: the model back to the seed's dialect, escaping what would read back otherwise.

May import: the model (``_model``).  Nothing here knows about citations, diffs or formats.
"""
