"""The model: frozen, slotted, hashable values holding tuples, and nothing that reads or writes text.

What lives here, leaves first (each module imports only the ones before it at run time):

``errors``, ``numerals``, ``labels``, ``checks``, ``compare``
    the exceptions; Chinese numerals (一百零一 <-> 101); the structural literals (第 章 条 款 …)
    and the labels written from them; the checks every unit runs and its citation stamp; the
    values' equality and hashing, written once rather than compiled by attrs per class.
``flow``, ``reading``, ``readback``
    the reading rules that decide where a printed line belongs (quotations, lists that resume,
    lists under a colon), shared with the parser and the renderer; which 款 need them; the
    check that a value reads back as itself.
``citation``, ``ranges``
    the address of a unit (:class:`Citation`, what ``.citation`` returns), ranges and lists of
    them, and resolving one against a regulation.
``units``, ``structure``
    the text units (款 :class:`Paragraph`, 项 :class:`Item`, 目 :class:`SubItem`, tables, the
    history's :class:`Event`) and the containers (条 :class:`Article`, 编/分编/章/节, unnumbered
    divisions, appendices).
``tree``, ``search``, ``references``, ``hooks``, ``regulation``
    walking the body and stamping positions; plain text search; the values citation finding
    returns; the one extension point (the reference finder, installed from above); and
    :class:`Regulation` itself, with its lookups.
``trusted``, ``prebuilt``, ``twins``, ``packed``
    building values from parts a reader of the library has checked: the JSON reader's
    trusted constructors; the prechecked ones (no check runs again, the citation stamps
    given at construction) and the :class:`Regulation` of such parts; the writable twins
    the parser and the JSON and Akoma Ntoso readers build through (plain slot stores, then
    the model's class; not loaded by ``load()``); a regulation as plain values and back
    (the bundled seed's prebuilt form, which ``load()`` reads).

Glossary of the units (立法法 第六十五条) and the English names used here:

======  =============  ====================================================================
unit    class          numbering
======  =============  ====================================================================
编      Part           whole text
分编    Subpart        restarts in its 编
章      Chapter        whole text, or restarts in each 编 (民法典)
节      Section        restarts in its 章
条      Article        never restarts; 之N inserts (第一百二十条之一)
款      Paragraph      no printed number: its position inside the 条
项      Item           （一）, restarts in its 款
目      SubItem        1．, restarts in its 项; a fourth level （1） nests inside a 目
======  =============  ====================================================================

May import: nothing of the package outside this folder.  Everything above (``_markdown``,
``_citations``, ``_diff``, ``_interchange``, ``_cli``) builds on it.
"""
