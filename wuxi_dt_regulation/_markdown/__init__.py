"""Reading and writing the Markdown dialects: source text <-> the model.

``lexer``
    classifies each line by its text (never by its ``#`` depth) with one regex.
``header``, ``builders``, ``numbering``, ``inline``, ``lists``, ``headings``, ``parser``
    the header (title, history, table of contents); the mutable builders the parser fills and
    freezes; the numbering checks; the marker a line opens with and the items one line holds;
    paragraphs, their 项 and 目 and the quotations they hold; headings, articles and
    appendices; and the body's state machine with :func:`parse`.
``files``
    :func:`parse_file`: a regular file's bytes to text (bounded, in the encoding asked for),
    with positions for bad bytes.
``render``
    :func:`render`: the model back to the seed's dialect, escaping what would read back otherwise.

May import: the model (``_model``).  Nothing here knows about citations, diffs or formats.
"""
