"""Comparing two versions of a regulation, the way legislatures publish it (修正前后对照表).

``align``
    articles aligned by content (splits and merges too), headings by the articles they share.
``changes``, ``regulation_diff``
    the values a diff lists, and :class:`RegulationDiff`, a complete patch with ``apply``.
``build``
    :func:`diff`: the alignment turned into those values.
``tables``
    the comparison table as Markdown, a self-contained HTML page, and a text summary.
``decision``, ``plan``, ``restore``, ``drafting``, ``words``, ``quoting``
    the diff written as a 修改决定 (``RegulationDiff.to_amendment``): the two versions read
    back from the diff, the structural plan (what stays, moves, is added or deleted; whether
    to renumber), the instructions for one article's text, word edits checked against the rule
    ``apply`` follows, and quoting new wording so that it reads back.

May import: the model (``_model``), Markdown (``_markdown``) and citations (``_citations``).  A
new way of writing a diff is a module of its own, like ``tables`` and ``decision``.
"""
