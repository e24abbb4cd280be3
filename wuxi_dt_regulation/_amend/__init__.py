"""Amending instruments: 修改决定 and 修正案, read into typed operations and applied.

What lives here:

``operations``
    the values an instrument is read into (``Span``, ``Target``, ``Wording`` and one class per
    kind of instruction), plain attrs values of tuples, ints, strings and dates;
    ``wuxi_dt_regulation.amendments`` re-exports them.
``wording``
    quoted new wording read into 条, 款, 项 and 目 the way the Markdown reader reads them.
``lines``
    the instrument's text cut into its header, its instructions (numbered 一、, （一）,
    第一条 …, with their quoted continuation lines) and its warnings.
``clauses``, ``targets``, ``words``, ``reader``, ``grammar``
    one instruction cut into clauses and each clause read into operations (the rule table in
    ``grammar``, the target grammar in ``targets``).
``amendment``
    ``Amendment`` and ``parse_amendment``.
``work``, ``locate``, ``structure``, ``edits``, ``apply``
    applying the operations to a working copy of a regulation with the numbering semantics of
    Chinese practice (where units go and how they are numbered; edits inside a unit's text).
``references``
    衔接性修改: finding and rewriting the internal references whose target was renumbered.
``timeline``
    :class:`Timeline`: versions of one regulation in time, the version in force on a day.
``headings``
    a new 章 or 节 read from its quoted wording.
``places``
    the places named outside the numbered units (名称, 序言 and its 自然段 and sentences, 引言,
    正文第X段): their checks and how instruments write them.
``errors``
    ``AmendmentError``.

May import: the model, the Markdown reader and writer, citations and diff; never the
interchange formats or the command line.
"""
