"""Citation strings: writing them in every style, reading them back, and finding them in text.

``titles``
    how an instrument calls itself (本条例, 本法 …) and the English titles the ``en`` styles use.
``tokens``, ``grammar``, ``eids``
    the tokenizer; the grammar's reader with the strict :func:`parse_citation` and
    :func:`parse_citations`; Akoma Ntoso eIds read as citations.
``format``, ``gbt7714``
    :func:`format_citation` in the eight styles and :func:`eid_for`; the GB/T 7714 entry.
``find``
    :func:`find_citations` (lenient, with spans) and a regulation's own references.

May import: the model (``_model``).  The values themselves (``Citation``, ranges, lists, the
matches) live in the model; this folder reads and writes their strings.  A new citation style
goes into ``format`` (writing) and ``grammar``/``tokens`` (reading it back).
"""
