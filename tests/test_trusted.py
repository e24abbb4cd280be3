"""The parser's trusted construction path against the public, checking one.

The parser builds its values with the model's prechecked constructors (no check runs again)
and stamps every citable unit as it builds it (``_markdown/builders.Freezer``); the
``Regulation`` of those parts is built by ``_model/trusted.regulation``, which skips the checks
its parts have passed.  These tests rebuild every value the parser returns through the public
constructors, bottom up (every check runs, ``Regulation`` stamps its body itself), and hold
the two to one answer: equal values of the same types, every hidden field equal (the citation
stamps, the reading-rules flag of a 款, the article index), pickling and hashing unchanged.
Over the corpus, generated regulations in both dialects, and hostile text.
"""

from __future__ import annotations

import pickle
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
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
    ParseError,
    Part,
    Regulation,
    Section,
    SubItem,
    Subpart,
)
from wuxi_dt_regulation._model import twins
from wuxi_dt_regulation._model.prebuilt import FIELDS
from wuxi_dt_regulation._model.trusted import prechecked

from .conftest import corpus_params
from .strategies import lawrefbook_source, regulations
from .test_hostile import LINES
from .values import assert_same_nodes, attrs_nodes


def _rebuilt(value: Any) -> Any:
    """*value* built again through the public constructors, children first."""
    if isinstance(value, tuple):
        return tuple(_rebuilt(v) for v in value)
    cls = type(value)
    if not attrs.has(cls):
        return value
    fields = attrs.fields(cls)
    return cls(**{f.alias: _rebuilt(getattr(value, f.name)) for f in fields if f.init})


def _same_as_checked(reg: Regulation) -> None:
    """What the parser built is what the public constructors build from the same fields."""
    slow = _rebuilt(reg)
    assert_same_nodes(reg, slow)  # every hidden field too
    assert hash(reg) == hash(slow)
    assert reg.warnings == slow.warnings
    again = pickle.loads(pickle.dumps(reg))
    assert again == reg
    assert hash(again) == hash(reg)
    assert again._index == reg._index


@pytest.mark.parametrize("path", corpus_params())
def test_the_parser_builds_what_the_public_constructors_build_for_the_corpus(path: Path) -> None:
    _same_as_checked(wdr.parse_file(path))


def test_the_bundled_regulation_is_built_as_the_public_constructors_build_it() -> None:
    _same_as_checked(wdr.load())


@given(regulations())
def test_the_parser_builds_what_the_public_constructors_build(reg: Regulation) -> None:
    parsed = wdr.parse(wdr.render(reg))
    _same_as_checked(parsed)
    assert parsed == reg


@given(st.data(), regulations())
def test_the_other_dialect_is_built_as_the_public_constructors_build_it(
    data: st.DataObject, reg: Regulation
) -> None:
    _same_as_checked(wdr.parse(data.draw(lawrefbook_source(reg))))


@given(
    st.lists(
        st.one_of(
            st.sampled_from(LINES),
            st.text("第条章节编一二（）()1２.．、：“”修改为作附件 \u3000#\\\u200b甲", max_size=8),
        ),
        max_size=30,
    ),
    st.sampled_from(["\n", "\n\n"]),
)
def test_whatever_text_parses_is_what_the_public_constructors_accept(
    lines: list[str], sep: str
) -> None:
    """The parser's reading is the checks' reading: a value the checks would refuse is never
    returned unchecked (before the trusted path, such a value raised a ValueError instead)."""
    try:
        reg = wdr.parse(sep.join(["# 标题", *lines]))
    except ParseError:
        return
    _same_as_checked(reg)


def test_chapters_restarting_in_each_part_are_stamped_with_their_part() -> None:
    text = (
        "# 法\n\n## 第一编 甲\n\n### 第一章 乙\n\n第一条 丙。\n\n"
        "## 第二编 丁\n\n### 第一章 戊\n\n#### 第一节 己\n\n第二条 庚：\n\n（一）辛；\n\n（二）壬。"
    )
    reg = wdr.parse(text)
    _same_as_checked(reg)
    chapter = reg.parts[1].chapters[0]
    assert str(chapter.citation) == "第二编第一章"
    assert chapter.sections[0].citation == wdr.Citation(part=2, chapter=1, section=1)
    item = reg.article(2).paragraphs[0].items[1]
    assert item.citation == wdr.Citation(article=2, paragraph=1, item=2)


def test_the_public_constructors_still_check() -> None:
    with pytest.raises(ValueError, match="number must be an int"):
        Paragraph(0, "甲")
    with pytest.raises(ValueError, match="paragraph 1 is numbered 2"):
        Article(1, paragraphs=(Paragraph(2, "甲"),))
    with pytest.raises(ValueError, match="needs a title"):
        Regulation("")


def test_a_prechecked_builder_names_what_it_cannot_fill() -> None:
    with pytest.raises(TypeError, match="no field 'nope'"):
        prechecked(Paragraph, ("nope",))
    with pytest.raises(TypeError, match=r"Paragraph\.number has no plain default"):
        prechecked(Paragraph, ("text",))
    make = prechecked(Paragraph, ("number", "text"))
    assert make is prechecked(Paragraph, ("number", "text"))
    built = make(1, "甲")
    assert built == Paragraph(1, "甲")
    assert built._cite is None


def test_the_written_out_constructors_fill_every_field_of_their_class() -> None:
    """A field added to a model class must be added to ``_model/prebuilt`` too."""
    for cls, names in FIELDS.items():
        fields: Any = attrs.fields(cls)
        assert sorted(names) == sorted(f.name for f in fields), cls.__name__


#: The writable twins' builders (``_model/twins``: the parser's, ``from_json``'s and the fast
#: ``from_akn``'s) by class, each taking the fields of :data:`FIELDS` in order.
_TWIN_BUILDERS: dict[type, Any] = {
    Paragraph: twins.build_paragraph,
    Item: twins.build_item,
    SubItem: twins.build_subitem,
    Article: twins.build_article,
    Chapter: partial(twins.build_headed, Chapter, twins.CHAPTER),
    Section: partial(twins.build_headed, Section, twins.SECTION),
    Subpart: partial(twins.build_headed, Subpart, twins.SUBPART),
    Part: twins.build_part,
    Division: twins.build_division,
    Appendix: twins.build_appendix,
    Event: twins.build_event,
}


def _twin_rebuilt(value: Any) -> Any:
    """*value* built again through the writable twins, children first, every field (hidden
    ones included) taken as it is."""
    if isinstance(value, tuple):
        return tuple(_twin_rebuilt(v) for v in value)
    build = _TWIN_BUILDERS.get(type(value))
    if build is None:
        return value  # (a Regulation is rebuilt field by field below; a Table as it is)
    return build(*[_twin_rebuilt(getattr(value, name)) for name in FIELDS[type(value)]])


@given(regulations())
def test_the_twins_build_what_the_public_constructors_build(reg: Regulation) -> None:
    """Every value built through its writable twin is of the model's own class, valid
    (``attrs.validate``) and equal to the public constructors' build, hidden fields included."""
    slow = _rebuilt(reg)  # (the Regulation stamps its body: its parts are compared in it)
    for name in ("preamble", "body", "appendices", "history"):
        assert_same_nodes(_twin_rebuilt(getattr(reg, name)), getattr(slow, name))
    built = twins.build_paragraph(1, "甲", (), False, (), (3, 0, 1), False)
    assert type(built) is Paragraph and built == Paragraph(1, "甲")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.text = "乙"  # type: ignore[misc]


def test_the_twins_fill_every_field_of_their_class() -> None:
    """A field added to a model class must be added to ``_model/twins`` too: its slot would be
    left empty, and reading it raise."""
    assert set(_TWIN_BUILDERS) == set(FIELDS) - {Regulation}
    reg = wdr.load()
    for node in attrs_nodes(reg):
        build = _TWIN_BUILDERS.get(type(node))
        if build is not None:
            copy = build(*[getattr(node, name) for name in FIELDS[type(node)]])
            for field in attrs.fields(type(node)):
                assert getattr(copy, field.name) == getattr(node, field.name)
