"""Every attrs value inside a value, and the node-by-node comparison of two builds of a model
(hidden slots included) that the tests of the fast readers and the trusted path make."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["assert_same_nodes", "attrs_nodes"]


def attrs_nodes(value: object) -> list[Any]:
    """Every attrs value inside *value*, itself included, in a fixed order (depth first, each
    value's fields from the last, tuples entered)."""
    out: list[Any] = []
    stack = [value]
    while stack:
        node = stack.pop()
        cls: Any = type(node)
        if attrs.has(cls):
            out.append(node)
            stack.extend(getattr(node, f.name) for f in attrs.fields(cls))
        elif isinstance(node, tuple):
            stack.extend(node)
    return out


def assert_same_nodes(got: object, want: object) -> None:
    """*got* equals *want*, and node by node: the same types, each node of *got* valid
    (``attrs.validate``), every field equal, hidden ones too (the citation stamps, the 款's
    reading-rules flag, the article index)."""
    assert got == want
    got_nodes, want_nodes = attrs_nodes(got), attrs_nodes(want)
    assert [type(n) for n in got_nodes] == [type(n) for n in want_nodes]
    for mine, theirs in zip(got_nodes, want_nodes, strict=True):
        attrs.validate(mine)
        cls: Any = type(mine)
        for field in attrs.fields(cls):
            assert getattr(mine, field.name) == getattr(theirs, field.name), field.name
