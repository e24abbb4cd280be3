"""Comparing two versions of a regulation, the way legislatures publish it (修正前后对照表).

``spacing``, ``sequences``
    white space, which a comparison ignores; difflib's matcher and the heaviest chain in order.
``align``, ``sides``
    articles aligned by content and position (splits and merges too); the two versions
    flattened, headings aligned by the articles they share, the text outside articles.
``scripts``
    character and paragraph edit scripts.
``changes``, ``regulation_diff``, ``patch``
    the values a diff lists, and :class:`RegulationDiff`, a complete patch with ``apply`` (its
    two versions rebuilt and checked in ``patch``).
``unit_map``, ``stale``
    where each old article, 款, 项 and heading went (``citation_map``, ``follow``), and the
    references left pointing at old numbers (``stale_references``, :class:`StaleReference`).
``build``
    :func:`diff`: the alignment turned into those values.
``tables``
    the comparison table as Markdown, a self-contained HTML page, and a text summary.

May import: the model (``_model``) and citations (``_citations``).  A new way of writing a diff
goes into ``tables``.
"""
