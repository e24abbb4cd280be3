"""Comparing two versions of a regulation, the way legislatures publish it (修正前后对照表).

``align``
    articles aligned by content (splits and merges too), headings by the articles they share.
``changes``, ``regulation_diff``
    the values a diff lists, and :class:`RegulationDiff`, a complete patch with ``apply``.
``build``
    :func:`diff`: the alignment turned into those values.
``tables``
    the comparison table as Markdown, a self-contained HTML page, and a text summary.

May import: the model (``_model``) and citations (``_citations``).  A new way of writing a diff
goes into ``tables``.
"""
