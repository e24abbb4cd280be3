"""Reading what an instruction names: the amended instrument and the units (targets).

Grammar of a target list (``T``), after the instrument's name if any::

    T        := element ( (、 | 和 | 及 | 以及) element | 至 element )*
    element  := 原? ( 修改后《…》 )? unit                (原: the old number; 修改后: the new one)
    unit     := 名称 | 引言 | 全文 | 本法中 | 正文第N段
              | 序言 ( 第N自然段 ( 第N句 | 后N句 | 最后一句 )? )? | 这一自然段
              | 第N编? 第N章 第N节? | 第N部分
              | ( 第N条(之N)? | 该条 | 本条 | 这一条 ) words? ( 第N款 | 该款 | 这一款 )? words? 第N项? 第N目?
              | 第N款 … | 第N项 …     (a bare lower level: the article named before it)
              | … 条首部分 | … 开始部分
    N        := Chinese or Arabic numerals

``words`` is text naming a list by what it says (宪法第六十七条全国人民代表大会常务委员会职权第二十项,
第八十九条“国务院行使下列职权”中第六项): it is skipped.  An element that starts below the 条
takes the levels above from the element before it, or from the unit the instruction named
last (``context``).  ``第七项至第十五项`` expands to every 项 between.

A number without 第 (``将十一条``) is read with the warning ``missing-ordinal``.

>>> ctx = TargetContext()
>>> [str(t) for t in parse_targets("第十条第二款、第三款和第十二条", ctx)]
['第十条第二款', '第十条第三款', '第十二条']
>>> [str(t) for t in parse_targets("第七项至第九项", TargetContext(last=parse_targets("第五条第二款", ctx)[0]))]
['第五条第二款第七项', '第五条第二款第八项', '第五条第二款第九项']
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.citation import Citation
from .._model.numerals import from_chinese
from .operations import Scope, Target

if TYPE_CHECKING:
    from .._citations.names import Names

__all__ = [
    "LAW_RE",
    "NUM",
    "THAT",
    "TargetContext",
    "TargetSyntaxError",
    "instrument_title",
    "parse_targets",
    "same_title",
    "split_law",
]

#: The prefix of a national law's title.
_PRC = "中华人民共和国"
#: A numeral as printed in a target: Chinese or Arabic.
NUM = "[零〇一二三四五六七八九十百千两0-9０-９]+"

#: An instrument's name at the start of a target, in words: 《…》 (or 〈…〉), 本法/本条例 … (the
#: instrument in hand), 该法/同法/上述法律 … (the instrument named last).  A law named bare
#: (刑法第十七条, 选举法第二条) is read as citations read it (:func:`split_law`).
LAW_RE = re.compile(
    r"""(?:《(?P<title>[^》]+)》|〈(?P<angled>[^〉]+)〉         # 《中华人民共和国X法》
        |(?P<this>本(?:法|条例|规定|办法|决定|解释))       # 本法第…, 本法中的
        |(?P<that>(?:该|同|上述|前述)(?:法律|法规|法典|法|条例|规定|办法|决定|解释|细则))
        )(?=第|中|的|序言|名称|附件)""",
    re.VERBOSE,
)
#: A name written without 《》 right before its pinpoint: 刑法第, 宪法序言, 民事诉讼法第.
_BARE_NAME_RE = re.compile(r"(?P<name>[^第《》〈〉“”、，,。；;：:\s]{2,40}?)(?=第|序言|名称)")
#: What :func:`split_law` gives for 该法, 同法, 上述法律 …: the instrument named last.
THAT = "该法"

_LEVEL_RE = re.compile(
    rf"""
      (?P<orig>原)
    | 修改后(?:《[^》]*》)?(?P<new>)
    | (?P<name>名称|引言|全文)
    | (?P<doc>(?:本(?:法|条例|规定|办法|决定|解释)|全文)中?)
    | 正文第(?P<text_para>{NUM})段
    | 序言(?:第(?P<pre_para>{NUM})自然段)?
    | (?P<this_para_pre>这一自然段)
    | 第(?P<pre_sentence>{NUM})句 | 后(?P<pre_last>{NUM})句 | (?P<pre_final>最后一句)
    | 第(?P<part>{NUM})(?:编|部分)
    | 第(?P<chapter>{NUM})章
    | 第(?P<section>{NUM})节
    | (?P<bare>(?<!第))(?P<bare_article>{NUM})条(?:之(?P<bare_suffix>{NUM}))?
    | 第(?P<article>{NUM})条(?:之(?P<suffix>{NUM}))?
    | (?P<this_article>该条|本条|这一条|此条)
    | 第(?P<paragraph>{NUM})款
    | (?P<this_paragraph>该款|本款|这一款|此款)
    | 第(?P<item>{NUM})项
    | 第(?P<subitem>{NUM})目
    | (?P<head>条首部分|开始部分|开头部分)
    | (?P<words>[^第原修名引全正序这该本后最条款项目、和及至]+|[^、和及至])
    """,
    re.VERBOSE,
)
_NAMED_SCOPES: dict[str, Scope] = {"名称": "title", "引言": "introduction", "全文": "document"}
_LIST_SEP_RE = re.compile(r"、|以及|及|和|或者")
_ORDER = ("part", "chapter", "section", "article", "paragraph", "item", "subitem")


class TargetSyntaxError(ValueError):
    """A target list cannot be read; ``offset`` is where reading stopped in the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@attrs.define
class TargetContext:
    """What the instruction named before: the target a bare 第二款 or 该条 refers to."""

    last: Target | None = None
    warnings: list[tuple[int, str, str]] = attrs.field(factory=list)


def instrument_title(name: str, known: tuple[str, ...] = ()) -> str:
    """The full title of the instrument *name* names, as citations read it: one of *known*
    (the titles the instrument has named) that is the same instrument (:func:`same_title`) or
    ends with *name*, else a national law's full title (刑法 → 中华人民共和国刑法, 选举法 →
    中华人民共和国全国人民代表大会和地方各级人民代表大会选举法; ``_citations/law_names.py``), else
    *name* itself.

    >>> instrument_title("刑法"), instrument_title("公司法", ("中华人民共和国公司法",))
    ('中华人民共和国刑法', '中华人民共和国公司法')
    >>> instrument_title("数据条例", ("上海市数据条例",))
    '上海市数据条例'
    """
    from .._citations.names import full_title

    name = _strip_marks(name)
    if name in known:
        return name
    bare = name.replace("《", "").replace("》", "")  # the marks of a title quoted inside aside
    for title in known:
        if same_title(title, name) or title.replace("《", "").replace("》", "").endswith(bare):
            return title
    return full_title(name)


def split_law(text: str) -> tuple[str | None, str]:
    """Split an instrument's name off the front of *text*: ``(name or None, rest)``.

    The name is a title in 《》 or 〈〉, or a law named bare the way citations read one (刑法, 民事
    诉讼法, 中华人民共和国网络安全法: ``_citations/names.py``, :func:`read_name`); 该法, 同法,
    上述法律 … give :data:`THAT` (the instrument named last); ``本法`` and the like name the
    instrument in context (None).

    >>> split_law("选举法第二条"), split_law("该法第三条"), split_law("本法第四条")
    (('中华人民共和国全国人民代表大会和地方各级人民代表大会选举法', '第二条'), ('该法', '第三条'), (None, '第四条'))
    """
    match = LAW_RE.match(text)
    if match is not None:
        rest = text[match.end() :]
        if match["title"] is not None or match["angled"] is not None:
            return match["title"] or match["angled"], rest
        if rest[:1] in ("中", "的"):  # 本法中的“A”, 该法中的“A”: the whole document
            rest = "本法" + rest
        return (THAT if match["that"] else None), rest
    bare = _BARE_NAME_RE.match(text)
    if bare is not None:
        from .._citations.names import read_name

        title = read_name(bare["name"], _national_laws())
        if title is not None:
            return title, text[bare.end() :]
    return None, text


def _number(text: str) -> int:
    text = text.translate(str.maketrans("０１２３４５６７８９两", "0123456789二"))
    return from_chinese(text)


class _Element:
    """The levels named by one element of a list, as read."""

    def __init__(self) -> None:
        self.levels: dict[str, int] = {}
        self.scope: Scope = "unit"
        self.number: int | None = None
        self.sentences: tuple[int, int] | None = None
        self.new = False

    def target(self, context: Target | None, before: dict[str, int] | None) -> Target:
        if self.scope not in ("unit", "head"):
            return Target(
                scope=self.scope, number=self.number, sentences=self.sentences, new=self.new
            )
        levels = dict(self.levels)
        top = min((_ORDER.index(k) for k in levels if k != "suffix"), default=len(_ORDER))
        if top > _ORDER.index("article"):
            base = before
            if base is None and context is not None and context.citation is not None:
                base = {**dict(context.citation.levels()), "suffix": context.citation.suffix}
            if base is None or "article" not in base:
                raise TargetSyntaxError(
                    "第… names a 款 or 项 of no article: none was named before it", 0
                )
            for name in ("article", "paragraph", "item"):
                if name in base and _ORDER.index(name) < top:
                    levels[name] = base[name]
            levels["suffix"] = base.get("suffix", 0)
        if (
            "section" in levels and "chapter" not in levels
        ):  # 作为第七节, in the chapter named before
            base = before or (
                {"chapter": context.citation.chapter}
                if context and context.citation and context.citation.chapter
                else {}
            )
            if base.get("chapter") is None:
                raise TargetSyntaxError("第…节 names a section of no chapter", 0)
            levels["chapter"] = base["chapter"]
        if not levels:
            raise TargetSyntaxError("expected a unit (第X条, 第Y款 …)", 0)
        suffix = levels.pop("suffix", 0)
        try:
            citation = Citation(suffix=suffix, **levels)  # type: ignore[arg-type]
        except ValueError as err:
            raise TargetSyntaxError(str(err), 0) from None
        return Target(citation, scope=self.scope, new=self.new)


def _read_element(text: str, pos: int, ctx: TargetContext, offset: int) -> tuple[_Element, int]:
    element = _Element()
    named = False
    while pos < len(text):
        if _LIST_SEP_RE.match(text, pos) or text.startswith("至", pos):
            break
        match = _LEVEL_RE.match(text, pos)
        if match is None:  # pragma: no cover - the last alternative takes any character
            break
        kind = match.lastgroup
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        if "orig" in groups:
            pass
        elif "new" in groups:
            element.new = True
        elif "name" in groups:
            element.scope = _NAMED_SCOPES[groups["name"]]
            named = True
        elif "doc" in groups:
            element.scope, named = "document", True
        elif "text_para" in groups:
            element.scope, element.number, named = "document", _number(groups["text_para"]), True
        elif match[0].startswith("序言"):
            element.scope, named = "preamble", True
            if "pre_para" in groups:
                element.number = _number(groups["pre_para"])
        elif "this_para_pre" in groups:
            last = ctx.last
            element.scope, named = "preamble", True
            element.number = last.number if last is not None and last.scope == "preamble" else None
        elif "pre_sentence" in groups or "pre_last" in groups or "pre_final" in groups:
            if element.scope != "preamble":
                raise TargetSyntaxError(
                    "a sentence is named only inside the preamble", offset + pos
                )
            if "pre_sentence" in groups:
                n = _number(groups["pre_sentence"])
                element.sentences = (n, n)
            elif "pre_last" in groups:
                element.sentences = (-_number(groups["pre_last"]), -1)
            else:
                element.sentences = (-1, -1)
        elif "head" in groups:
            element.scope = "head"
        elif "this_article" in groups or "this_paragraph" in groups:
            last = ctx.last
            if last is None or last.citation is None or last.citation.article is None:
                raise TargetSyntaxError(
                    f"{match[0]} names no unit: nothing was named before it", offset + pos
                )
            cite = last.citation
            element.levels.update(article=cite.article, suffix=cite.suffix)  # type: ignore[arg-type]
            if "this_paragraph" in groups and cite.paragraph is not None:
                element.levels["paragraph"] = cite.paragraph
            named = True
        elif kind == "words":
            if not named:
                raise TargetSyntaxError(
                    f"expected a unit (第X条, 第Y款 …), found {text[pos : pos + 8]!r}", offset + pos
                )
        else:
            for name in ("part", "chapter", "section", "article", "paragraph", "item", "subitem"):
                if name in groups:
                    element.levels[name] = _number(groups[name])
            if "suffix" in groups:
                element.levels["suffix"] = _number(groups["suffix"])
            if "bare_article" in groups:
                ctx.warnings.append((offset + pos, "missing-ordinal",
                                     f"{match[0]} is written without 第: read as 第{match[0]}"))  # fmt: skip
                element.levels["article"] = _number(groups["bare_article"])
                if "bare_suffix" in groups:
                    element.levels["suffix"] = _number(groups["bare_suffix"])
            named = True
        pos = match.end()
    if not named:
        raise TargetSyntaxError(
            f"expected a unit (第X条, 第Y款 …), found {text[pos : pos + 8]!r}", offset + pos
        )
    return element, pos


def _expand(start: Target, end: Target, offset: int) -> list[Target]:
    a, b = start.citation, end.citation
    if a is None or b is None:
        raise TargetSyntaxError("a range runs between numbered units", offset)
    fields_a, fields_b = dict(a.levels()), dict(b.levels())
    if fields_a.keys() != fields_b.keys() or a.suffix or b.suffix:
        raise TargetSyntaxError(f"cannot expand the range {a} to {b}", offset)
    lowest = _ORDER[max(_ORDER.index(k) for k in fields_a)]
    if (
        any(fields_a[k] != fields_b[k] for k in fields_a if k != lowest)
        or fields_a[lowest] > fields_b[lowest]
    ):
        raise TargetSyntaxError(f"cannot expand the range {a} to {b}", offset)
    out = []
    for n in range(fields_a[lowest], fields_b[lowest] + 1):
        out.append(attrs.evolve(start, citation=Citation(**{**fields_a, lowest: n})))  # type: ignore[arg-type]
    return out


def _levels_of(target: Target) -> dict[str, int] | None:
    if target.citation is None:
        return None
    return {**dict(target.citation.levels()), "suffix": target.citation.suffix}


def parse_targets(text: str, ctx: TargetContext, *, offset: int = 0) -> tuple[Target, ...]:
    """Read a list of targets (see the module's grammar); *offset* places errors in the clause.

    Raises:
        TargetSyntaxError: the text names no unit, or a level that cannot be read.
    """
    text = text.strip()
    out: list[Target] = []
    pos = 0
    before: dict[str, int] | None = None
    pending_range = False
    while pos < len(text):
        element, end = _read_element(text, pos, ctx, offset)
        try:
            target = element.target(ctx.last, before)
        except TargetSyntaxError as err:
            raise TargetSyntaxError(str(err), offset + pos) from None
        if pending_range:
            out[-1:] = _expand(out[-1], target, offset + pos)
            pending_range = False
        else:
            out.append(target)
        before = _levels_of(target) or before
        pos = end
        if pos >= len(text):
            break
        if text.startswith("至", pos):
            pending_range = True
            pos += 1
            continue
        sep = _LIST_SEP_RE.match(text, pos)
        if sep is None:  # pragma: no cover - _read_element stops only at a separator
            raise TargetSyntaxError(f"unexpected {text[pos]!r}", offset + pos)
        pos = sep.end()
    if not out or pending_range:
        raise TargetSyntaxError("expected a unit (第X条, 第Y款 …), found nothing", offset + pos)
    return tuple(out)


@functools.cache
def _national_laws() -> Names:
    """The names citations know without a document of their own: the national laws."""
    from .._citations.names import Names

    return Names()


def _strip_marks(name: str) -> str:
    return name.replace("〈", "《").replace("〉", "》").strip().strip("《》")


def same_title(a: str, b: str) -> bool:
    """Do two names name the same instrument?  Each is read as citations read it (its full
    title: 刑法 and 选举法 by the national laws' table), 《》 or 〈〉 aside, and a law the table
    does not list matches its title with or without 中华人民共和国.

    >>> same_title("中华人民共和国刑法", "刑法"), same_title("甲条例", "乙条例")
    (True, False)
    >>> same_title("选举法", "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法")
    True
    """
    from .._citations.names import full_title

    def norm(name: str) -> str:
        return full_title(_strip_marks(name)).removeprefix(_PRC)

    return norm(a) == norm(b)
