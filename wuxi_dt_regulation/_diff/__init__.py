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
``decision``, ``plan``, ``restore``, ``drafting``, ``words``, ``quoting``
    the diff written as a 修改决定 (``RegulationDiff.to_amendment``): the two versions read
    back from the diff, the structural plan (what stays, moves, is added or deleted; whether
    to renumber), the instructions for one article's text, word edits checked against the rule
    ``apply`` follows, and quoting new wording so that it reads back.
``series``
    the punctuation of a list of 项 whose last 项 an amendment adds to or deletes: the rule
    ``Amendment.apply`` follows and the decision writer checks.

May import: the model (``_model``), Markdown (``_markdown``) and citations (``_citations``).  A
new way of writing a diff is a module of its own, like ``tables`` and ``decision``.
"""
