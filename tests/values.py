"""Every attrs value inside a value, for tests that compare two builds of a model node by node
(hidden slots included)."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["attrs_nodes"]


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
