"""Citation strings: writing them in every style, reading them back, and finding them in text.

``titles``, ``law_names``, ``names``
    how an instrument calls itself (本条例, 本法, 本守则 …) and the English titles the ``en``
    styles use; the national laws by short name (刑法 → 中华人民共和国刑法); instruments named
    without 《》 in running text (where the name starts, 该法, （以下简称…）).
``tokens``, ``grammar``, ``eids``, ``parse``
    the tokenizer; the grammar's reader; Akoma Ntoso eIds read as citations; the strict
    :func:`parse_citation` and :func:`parse_citations`.
``format``, ``gbt7714``
    :func:`format_citation` in the eight styles and :func:`eid_for`; the GB/T 7714 entry.
``context``, ``resolve``, ``anaphora``, ``fast``, ``find``
    what a scan knows; resolving what the reader read (relative forms, short names, 项 without
    their 款); 该条第二款 and 同款第三项 (the article or 款 cited just before); the fast path for
    the commonest shapes; :func:`find_citations` (lenient, with spans, linear in the text) and
    a regulation's own references.

May import: the model (``_model``).  The values themselves (``Citation``, ranges, lists, the
matches) live in the model; this folder reads and writes their strings.  A new citation style
goes into ``format`` (writing) and ``grammar``/``tokens`` (reading it back).
"""
