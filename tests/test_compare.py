"""``_model/compare.by_fields``: the model's ``__eq__``, ``__hash__`` (and two ``__repr__``)
written once instead of compiled per class by attrs, giving the answers attrs's would.

Each class's names are held to the fields ``attrs.fields()`` marks ``eq`` (and ``repr``), so a
field added to a class fails here until its decorator names it; the answers are compared with
those of twin classes whose methods attrs generates, over generated values and the corpus.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import (
    Appendix,
    Article,
    Chapter,
    Division,
    Event,
    Item,
    Paragraph,
    ParseWarning,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
    Table,
)

from .strategies import regulations
from .values import attrs_nodes

CLASSES = [
    Paragraph, Item, SubItem, Table, Event, ParseWarning, Article, Chapter, Section, Subpart,
    Part, Division, Appendix, Regulation,
]  # fmt: skip


def _twin(cls: type) -> Any:
    """A class with *cls*'s fields whose ``__eq__``, ``__hash__`` and ``__repr__`` attrs
    generates (no checks, no hand-written method)."""
    fields: Any = attrs.fields(cls)
    these = {f.name: attrs.field(eq=f.eq, repr=f.repr, default=None, alias=f.name) for f in fields}
    return attrs.make_class(cls.__name__, these, frozen=True)


_TWINS = {cls: _twin(cls) for cls in CLASSES}


def _as_twin(value: Any) -> Any:
    cls = type(value)
    if isinstance(value, tuple):
        return tuple(_as_twin(v) for v in value)
    if cls not in _TWINS:
        return value
    fields: Any = attrs.fields(cls)
    return _TWINS[cls](**{f.name: _as_twin(getattr(value, f.name)) for f in fields})


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_class_compares_the_fields_attrs_marks_eq(cls: type) -> None:
    fields: Any = attrs.fields(cls)
    assert cls.__eq__.fields == tuple(f.name for f in fields if f.eq)  # type: ignore[attr-defined]
    assert cls.__hash__.fields == tuple(f.name for f in fields if f.eq)  # type: ignore[attr-defined]
    ne: object = cls.__ne__
    assert ne is object.__ne__  # which inverts __eq__, as attrs's does


@pytest.mark.parametrize("cls", [Event, ParseWarning], ids=lambda c: c.__name__)
def test_the_written_reprs_list_the_fields_attrs_marks_repr(cls: type) -> None:
    fields: Any = attrs.fields(cls)
    assert cls.__repr__.fields == tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]


def _same_answers(a: Any, b: Any, twin_a: Any = None, twin_b: Any = None) -> None:
    twin_a = _as_twin(a) if twin_a is None else twin_a
    twin_b = _as_twin(b) if twin_b is None else twin_b
    assert (a == b) is (twin_a == twin_b)
    assert (a != b) is (twin_a != twin_b)
    if a == b:
        assert hash(a) == hash(b)


@settings(max_examples=20)
@given(regulations(max_chapters=2))
def test_equality_is_attrs_equality(reg: Regulation) -> None:
    copy = wdr.parse(wdr.render(reg))  # equal, of other objects
    _same_answers(reg, copy)
    _same_answers(reg, attrs.evolve(reg, warnings=(ParseWarning(1, 1, "c", "m"),)))
    nodes = attrs_nodes(reg)[:10] + attrs_nodes(copy)[:10]
    twins = [_as_twin(node) for node in nodes]
    for a, twin_a in zip(nodes, twins, strict=True):
        for b, twin_b in zip(nodes, twins, strict=True):
            _same_answers(a, b, twin_a, twin_b)


def test_equality_across_classes_and_with_other_values() -> None:
    chapter: object = Chapter(1, "甲")
    section: object = Section(1, "甲")
    assert chapter != section and section != chapter  # the same fields, another class
    assert hash(chapter) != hash(section)
    assert chapter.__eq__(section) is NotImplemented
    paragraph: object = Paragraph(1, "甲")
    assert paragraph != "甲"
    assert Paragraph(1, "甲") == Paragraph(1, "甲")
    assert len({Paragraph(1, "甲"), Paragraph(1, "甲"), Paragraph(2, "甲")}) == 2


def test_the_bundled_regulation_compares_as_attrs_would() -> None:
    reg = wdr.load()
    again = wdr.parse(wdr.seed_text())
    _same_answers(reg, again)
    changed = attrs.evolve(reg, title="别的条例")
    _same_answers(reg, changed)


@given(st.text(max_size=20), st.integers(), st.integers(), st.text(max_size=20))
def test_the_written_reprs_are_attrs_reprs(text: str, line: int, column: int, code: str) -> None:
    for value in (Event.__new__(Event), ParseWarning(line, column, code, text)):
        if type(value) is Event:
            object.__setattr__(value, "text", text)
        assert repr(value) == repr(_as_twin(value))


def test_a_value_met_again_inside_itself_is_written_as_dots() -> None:
    inner: list[object] = []
    warning = ParseWarning(1, 2, "c", "m")
    object.__setattr__(warning, "message", inner)
    inner.append(warning)
    assert repr(warning) == "ParseWarning(line=1, column=2, code='c', message=[...])"
    twin = _TWINS[ParseWarning](line=1, column=2, code="c", message=[])
    twin.message.append(twin)
    assert repr(warning) == repr(twin)
