"""One instruction read into operations: the clause grammar.

An instruction's text is first cut into a *shape*: every quotation (“…”, over as many
paragraphs as it runs, each reopened with “; or the unquoted lines after a final ``：``)
becomes one placeholder ``Q``, so that its punctuation cannot split anything.  The shape is
split into clauses at ``；`` ``。``, line ends and a ``，`` before a new verb (``，将该条修改为``),
and each clause is matched against the rules below, in order (``T`` is a target list, read by
:mod:`.targets`; ``N`` a count such as 一, 两, 五):

=====================================================  ==================================
clause                                                 operation(s)
=====================================================  ==================================
本决定自2024年1月1日起施行 / 自公布之日起施行            :class:`Commence`
第X条自…起施行，其他…自…起施行 (split commencement)       :class:`Note` ``commencement``
…根据本决定作相应修改并对条文顺序作相应调整，重新公布     :class:`Renumbering` (republish)
…根据本决定作相应修改，重新公布                          :class:`Note` ``other``
此外，对条文顺序作相应调整 [：Q调整为Q，…]               :class:`Renumbering` [+ :class:`Renumber`]
…罪名由Q修改为Q / …不再适用 / …应解释为… / 附件…中增加下列…  :class:`Note`
将T的章名(节名, 标题, 名称)修改为Q / 将名称修改为Q        :class:`Retitle`
将T移至第N章，作为T                                     :class:`Move`
将T修改为第Y条：Q                                       :class:`Renumber` + :class:`Replace`
[将|原]T[相应地](改为|作为)T[，][并]修改为：Q              :class:`Renumber` + :class:`Replace`
[在T(后|中|的基础上)]增加N(条|款|项|章|节)[，][分别]作为T[Q][，规定]：Q…   :class:`Insert` (each), :class:`InsertHeading`
T增加规定：Q / T增加一款，规定：Q                         :class:`Insert` at the end of T
[在]T[中的]Q(后|之后|前)(增加|增写)[一句，内容为：]Q        :class:`InsertWords`
[在]T(末尾|开始部分)增加[规定]：Q                        :class:`InsertWords` (end, start)
(删去|删除)T[中|规定|末尾]的Q[、Q][和T的Q]                :class:`DeleteWords`
[将]T[中的]Q[、Q][统一]修改为Q                          :class:`ReplaceWords`
T Q Q 修改为：Q Q Q (the constitution quoting 款)         :class:`Replace` with ``old``
[将](该条|这一款|这一自然段)[相应地]修改为：Q             :class:`Replace` of the unit named before
将T[合并]修改为：Q                                      :class:`Replace`
[将|原]T[相应地](改为|作为)T                             :class:`Renumber` (ranges pairwise)
(删去|删除)T                                           :class:`Delete`
=====================================================  ==================================

A 款 added with no wording of its own and then restated (刑法修正案（十二）: ``在刑法第X条中增加一款作为
第二款，将该条修改为：“…”``) takes its wording from the restated article.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import attrs

from .lines import Instruction
from .operations import (
    Commence,
    Delete,
    DeleteWords,
    Insert,
    InsertHeading,
    InsertWords,
    Move,
    Note,
    Operation,
    Renumber,
    Renumbering,
    Replace,
    ReplaceWords,
    Retitle,
    Span,
    Target,
    Wording,
)
from .targets import NUM, TargetContext, TargetSyntaxError, instrument_title, parse_targets, split_law
from .wording import ARTICLE_LINE_RE

__all__ = ["QUOTE", "ClauseError", "read_instruction"]

#: The placeholder a quotation leaves in the shape of a clause.
QUOTE = "\ue000"
Q = QUOTE
_T = rf"(?P<t>(?:[^{Q}]|{Q}(?=中))*?)"  # a list named by its quoted words: 第八十九条“…”中第六项
_COUNT = "[一二两三四五六七八九十]+"
_STARTER_RE = re.compile(
    rf"(?:同时|并)?(?:将|删去|删除|在(?![^，；]*作为)|修改为|原第|该条|这一|第{NUM}[条款项][^，；。{Q}]*?(?:改为|作为|修改为|删去|增加))"
)
_AFTER_QUOTE_RE = re.compile(rf"同时|并且|(?:将|删去|删除|原第|该条|这一|第{NUM}[条款项][^，；。{Q}]*?(?:改为|作为|修改为|删去|增加))")
_UNIT_NAMES = {"条": "article", "款": "paragraph", "项": "item", "目": "subitem"}
_HEADING_LINE_RE = re.compile(rf"第(?P<num>{NUM})(?P<unit>章|节)[\s\u3000]*(?P<title>.*)")


class ClauseError(ValueError):
    """A clause cannot be read; ``offset`` is its place in the instruction's text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@attrs.define
class _Clause:
    shape: str
    origin: list[int]
    quotes: list[tuple[str, ...]]
    start: int
    end: int  # the offset in the instruction's text just after the clause's last character


def _tokenize(text: str) -> tuple[str, list[int], list[tuple[str, ...]], list[int]]:
    """The shape of *text* (each quotation one ``Q``), each shape character's offset, the quotes,
    and the offset just after each shape character (after the closing ” of a quotation)."""
    shape: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    quotes: list[tuple[str, ...]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        after_colon = ch == "\n" and "".join(shape[-3:]).rstrip().endswith(("：", ":"))
        if after_colon and text[i + 1 : i + 2] == "“":
            i += 1  # the quotation opens on the line after 修改为：
            continue
        unquoted = after_colon
        if ch == "“" or unquoted:
            j, depth, buf = i + 1, 1, []
            while j < n and not unquoted:
                c = text[j]
                if c == "\n":
                    buf.append(c)
                    j += 1
                    if text[j : j + 1] == "“":
                        j += 1  # the next paragraph of the same quotation
                    depth = 1
                    continue
                depth += c == "“"
                depth -= c == "”"
                if depth == 0:
                    break
                buf.append(c)
                j += 1
            content = text[i + 1 :] if unquoted else "".join(buf)
            lines = tuple(line.strip().strip("“”").strip() for line in content.split("\n"))
            quotes.append(tuple(line for line in lines if line) or ("",))
            shape.append(Q)
            origin.append(i)
            i = n if unquoted else j + 1
            ends.append(min(i, n))
            continue
        shape.append(ch)
        origin.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(shape), origin, quotes, ends


def _clauses(text: str) -> list[_Clause]:
    shape, origin, quotes, ends = _tokenize(text)
    out: list[_Clause] = []
    start, q_index = 0, 0
    i = 0
    while i <= len(shape):
        cut = i == len(shape) or (shape[i] in "；;。\n" and not shape.startswith("内容如下", i + 1))
        if not cut and shape[i] == "，" and _STARTER_RE.match(shape, i + 1):
            cut = True
        if not cut and i > start and shape[i - 1] == Q and _AFTER_QUOTE_RE.match(shape, i):
            piece = shape[start:i]  # “…”第三款改为第四款, “…”同时，删去…: a new clause
            count = piece.count(Q)
            stripped = piece.strip()
            lead = piece.index(stripped[0])
            where = origin[start + lead : start + lead + len(stripped)]
            out.append(_Clause(stripped, where, quotes[q_index : q_index + count], start + lead, ends[i - 1]))
            q_index += count
            start = i
            if shape.startswith("同时", i):
                start += 2 + (shape[i + 2 : i + 3] == "，")
        
        if cut:
            piece = shape[start:i]
            count = piece.count(Q)
            stripped = piece.strip()
            if stripped:
                lead = piece.index(stripped[0])
                where = origin[start + lead : start + lead + len(stripped)]
                last = start + lead + len(stripped) - 1
                out.append(_Clause(stripped, where, quotes[q_index : q_index + count], start + lead, ends[last]))
            q_index += count
            start = i + 1
        i += 1
    return out


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if match is None:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


class _Reader:
    """Reads the clauses of one instruction, carrying what each names to the next."""

    def __init__(self, instruction: Instruction, default: str | None, known: tuple[str, ...]) -> None:
        self.instruction = instruction
        self.law = instruction.instrument or default
        self.known = known
        self.context = TargetContext()
        self.ops: list[Operation] = []
        self.pending: list[tuple[Insert, int]] = []
        self.clause: _Clause | None = None

    # ---- helpers

    def span(self) -> Span:
        clause = self.clause
        assert clause is not None
        line, column = self.instruction.position(clause.origin[0])
        return Span(line, column, self.instruction.text[clause.origin[0] : clause.end].rstrip())

    def fail(self, message: str, at: int = 0) -> ClauseError:
        clause = self.clause
        assert clause is not None
        return ClauseError(message, clause.origin[min(at, len(clause.origin) - 1)])

    def targets(self, text: str, at: int) -> tuple[Target, ...]:
        law, rest = split_law(text)
        if law is not None:
            self.law = instrument_title(law, self.known)
        try:
            found = parse_targets(rest, self.context, offset=at + len(text) - len(rest))
        except TargetSyntaxError as err:
            raise self.fail(str(err), err.offset) from None
        self.context.last = found[0]
        return found

    def quote(self, index: int) -> tuple[str, ...]:
        assert self.clause is not None
        return self.clause.quotes[index]

    def wording(self, first: int, count: int | None = None) -> Wording:
        lines: list[str] = []
        assert self.clause is not None
        stop = len(self.clause.quotes) if count is None else first + count
        for index in range(first, stop):
            lines.extend(self.quote(index))
        lines = [line for line in lines if line]
        if not lines:
            raise self.fail("expected the new wording in quotation marks, found nothing")
        return Wording(tuple(lines))

    def emit(self, op: Operation) -> None:
        self.ops.append(op)

    def common(self) -> dict[str, object]:
        return {"span": self.span(), "instrument": self.law}

    # ---- the rules

    def read(self, clause: _Clause) -> None:
        self.clause = clause
        shape = clause.shape.replace(":", "：").replace(",", "，")
        for prefix in ("同时，", "同时", "并"):
            if shape.startswith(prefix) and len(shape) > len(prefix):
                shape = shape[len(prefix) :]
                clause.origin = clause.origin[len(prefix) :]
                break
        for pattern, handler in _RULES:
            match = pattern.fullmatch(shape)
            if match is not None:
                handler(self, match)
                return
        raise self.fail(f"cannot read the instruction {clause.shape.replace(Q, '“…”')!r}: expected a form such as 将第X条修改为：“…”, 删去第X条, 增加一条，作为第X条：“…”")

    def commence(self, m: re.Match[str]) -> None:
        subject = m["subject"].strip("，, ")
        for word in ("此外", "本修改决定", "本决定", "本修正案", "本修正", "本修改"):
            subject = subject.removeprefix(word)
        if subject or "施行" in m["more"]:
            self.emit(Note("commencement", **self.common()))  # type: ignore[arg-type]
            return
        self.emit(Commence(_date(m["date"]), **self.common()))  # type: ignore[arg-type]

    def republish(self, m: re.Match[str]) -> None:
        named = re.findall(r"《([^》]+)》", m[0].split("根据本决定")[0])
        for title in named or [None]:
            if title is not None:
                self.law = instrument_title(title, self.known)
            if m["renumber"]:
                self.emit(Renumbering(True, **self.common()))  # type: ignore[arg-type]
            else:
                self.emit(Note("other", **self.common()))  # type: ignore[arg-type]

    def renumbering(self, m: re.Match[str]) -> None:
        pairs = m["pairs"] or ""
        for index, _ in enumerate(re.findall(rf"{Q}调整为{Q}", pairs)):
            old = self._quoted_targets(2 * index)
            new = self._quoted_targets(2 * index + 1)
            for a, b in zip(old, new, strict=False):
                self.emit(Renumber(a, attrs.evolve(b, new=True), **self.common()))  # type: ignore[arg-type]
        self.emit(Renumbering(False, **self.common()))  # type: ignore[arg-type]

    def _quoted_targets(self, index: int) -> tuple[Target, ...]:
        return self.targets("".join(self.quote(index)), 0)

    def retitle(self, m: re.Match[str]) -> None:
        text = m["t"] or ""
        target = Target(scope="title") if not text.strip("将的") else self.targets(text, m.start("t"))[0]
        self.emit(Retitle(target, "".join(self.quote(0)), **self.common()))  # type: ignore[arg-type]

    def move(self, m: re.Match[str]) -> None:
        (target,) = self.targets(m["t"], m.start("t"))[:1]
        chapter = self.targets(m["c"], m.start("c"))[0]
        to = self.targets(m["to"], m.start("to"))[0]
        self.context.last = target
        self.emit(Move(target, chapter, to, **self.common()))  # type: ignore[arg-type]

    def renumber_replace(self, m: re.Match[str]) -> None:
        target = self.targets(m["t"], m.start("t"))[0]
        to = self.targets(m["to"], m.start("to"))[0]
        self.emit(Renumber(target, to, **self.common()))  # type: ignore[arg-type]
        self.emit(Replace((target,), self.wording(0), **self.common()))  # type: ignore[arg-type]
        self.context.last = target

    def renumber(self, m: re.Match[str]) -> None:
        old = self.targets(m["t"], m.start("t"))
        new = self.targets(m["to"], m.start("to"))
        if len(old) != len(new):
            raise self.fail(f"{len(old)} units renumbered to {len(new)} numbers")
        for a, b in zip(old, new, strict=True):
            self.emit(Renumber(a, b, **self.common()))  # type: ignore[arg-type]
        self.context.last = old[0]

    def insert(self, m: re.Match[str]) -> None:
        unit, count = m["unit"], _count(m["count"])
        after = container = None
        appended = ""
        if m["after"]:
            named = self.targets(m["after"], m.start("after"))[0]
            after, container = (named, None) if m["rel"] in ("后", "之后") else (None, named)
        if m["to"]:
            if container is not None:
                self.context.last = container
            positions = self.targets(m["to"], m.start("to"))
        elif container is not None and unit in ("款", "项"):
            positions = (container,) * count  # at the end of the unit named
            appended = _UNIT_NAMES[unit]
        else:
            raise self.fail(f"增加{m['count']}{unit} says neither where (作为…) nor in what (在第X条中)")
        if len(positions) != count:
            raise self.fail(f"增加{m['count']}{unit} names {len(positions)} positions")
        first = (m["after"] or "").count(Q)  # 宪法第三章“国家机构”中…: a quote that names, not words
        quotes = (len(self.clause.quotes) if self.clause else 0) - first
        if unit in ("章", "节"):
            self.heading(positions[0], m, quotes, first)
            return
        if quotes == 0:
            for position in positions:  # the wording comes with a later clause (刑法修正案（十二）)
                self.pending.append((Insert(position, Wording(("…",)), after, appended, **self.common()), len(self.ops)))  # type: ignore[arg-type]
                self.ops.append(self.pending[-1][0])
            return
        wording = self.wording(first)
        parts = _split_wording(wording, unit, count)
        if parts is None:
            raise self.fail(f"增加{m['count']}{unit}: the wording does not split into {count} units")
        for position, part in zip(positions, parts, strict=True):
            self.emit(Insert(position, part, after, appended, **self.common()))  # type: ignore[arg-type]
            after = after if after is None else attrs.evolve(position, new=True)
        self.context.last = positions[0]

    def heading(self, position: Target, m: re.Match[str], quotes: int, first: int) -> None:
        lines = list(self.wording(first).lines) if quotes else []
        title = ""
        if m["title"] is not None:
            title, lines = lines[0], lines[1:]
        elif lines and _HEADING_LINE_RE.fullmatch(lines[0]):
            title, lines = _HEADING_LINE_RE.fullmatch(lines[0])["title"].strip(), lines[1:]  # type: ignore[index]
        holds: list[Insert] = []
        if lines:
            for article in Wording(tuple(lines)).articles:
                cite = Target(attrs.evolve(position.citation, chapter=None, section=None, article=article.number, suffix=article.suffix))  # type: ignore[arg-type]
                holds.append(Insert(cite, Wording(tuple(article_lines(article))), **self.common()))  # type: ignore[arg-type]
        self.emit(InsertHeading(position, title, tuple(i.target for i in holds), **self.common()))  # type: ignore[arg-type]
        self.ops.extend(holds)

    def insert_plain(self, m: re.Match[str]) -> None:
        target = self.targets(m["t"], m.start("t"))[0]
        self.emit(Insert(target, self.wording(0), None, "paragraph", **self.common()))  # type: ignore[arg-type]

    def insert_words(self, m: re.Match[str]) -> None:
        skip = (m["t"] or "").count(Q)  # quotes naming a list (…“国务院行使下列职权”中…)
        targets = self._targets_or_last(m["t"] or "", m.start("t"))
        position = {"后": "after", "之后": "after", "前": "before", "末尾": "end", "最后": "end",
                    "开始部分": "start", "开头": "start"}[m["pos"]]  # fmt: skip
        anchor = "".join(self.quote(skip)) if position in ("after", "before") else ""
        words = "".join(self.quote(len(self.clause.quotes) - 1)) if self.clause else ""
        self.emit(InsertWords(targets, anchor, words, position, **self.common()))  # type: ignore[arg-type]

    def delete_words(self, m: re.Match[str]) -> None:
        rest, base = m["rest"], m.start("rest")
        index = 0
        for part in re.finditer(rf"(?P<t>[^{Q}]*?)(?P<w>{Q}(?:[、和及]?{Q})*)(?:和|、|，|及)?", rest):
            count = part["w"].count(Q)
            words = tuple("".join(self.quote(index + k)) for k in range(count))
            index += count
            targets = self._targets_or_last(_clean(part["t"]), base + part.start("t"))
            self.emit(DeleteWords(targets, words, **self.common()))  # type: ignore[arg-type]

    def replace_words(self, m: re.Match[str]) -> None:
        skip = (m["t"] or "").count(Q)  # quotes naming a list (…“国务院行使下列职权”中…)
        targets = self._targets_or_last(_clean(m["t"] or ""), m.start("t"))
        old_count = m["old"].count(Q)
        separated = bool(re.search("[、和]", m["old"]))
        old = tuple("\n".join(self.quote(skip + k)) for k in range(old_count))
        if m["colon"] or len(m["new"]) > 1 or (old_count > 1 and not separated):
            self.emit(Replace(targets, self.wording(skip + old_count), old, **self.common()))  # type: ignore[arg-type]
            return
        self.emit(ReplaceWords(targets, old, "".join(self.quote(skip + old_count)), **self.common()))  # type: ignore[arg-type]

    def replace(self, m: re.Match[str]) -> None:
        text = (m["t"] or "").strip()
        if not text or text in ("该条", "这一条", "这一款", "该款", "这一自然段", "该项", "本条"):
            if self.context.last is None:
                raise self.fail("修改为 names no unit: nothing was named before it")
            targets: tuple[Target, ...] = (self._implied(text),)
        else:
            targets = self.targets(text, m.start("t"))
        op = Replace(targets, self.wording(0), **self.common())  # type: ignore[arg-type]
        for pending, _ in self.pending:
            self._fill(pending, op)
        self.emit(op)

    def delete(self, m: re.Match[str]) -> None:
        self.emit(Delete(self.targets(m["t"], m.start("t")), **self.common()))  # type: ignore[arg-type]

    # ---- implied targets

    def _implied(self, word: str) -> Target:
        last = self.context.last
        assert last is not None
        if word in ("该条", "这一条", "本条") and last.citation is not None:
            return Target(attrs.evolve(last.citation, paragraph=None, item=None, subitem=None))
        return last

    def _targets_or_last(self, text: str, at: int) -> tuple[Target, ...]:
        if text.strip():
            return self.targets(text, at)
        if self.context.last is None:
            raise self.fail("the words are in no unit: none was named")
        return (self.context.last,)

    def _fill(self, pending: Insert, restated: Replace) -> None:
        cite, whole = pending.target.citation, restated.targets[0].citation
        if cite is None or whole is None or (cite.article, cite.suffix) != (whole.article, whole.suffix):
            return
        paragraphs = restated.wording.paragraphs
        number = cite.paragraph or len(paragraphs)
        if not 1 <= number <= len(paragraphs):
            raise self.fail(f"增加一款作为第{number}款, but the restated article has {len(paragraphs)} 款")
        lines = tuple(paragraphs[number - 1].lines())
        index = self.ops.index(pending)
        self.ops[index] = attrs.evolve(pending, wording=Wording(lines))
        self.pending = [(p, i) for p, i in self.pending if p is not pending]

    def finish(self) -> list[Operation]:
        if self.pending:
            raise ClauseError("增加一款 with no wording: expected 修改为：“…” restating the unit", 0)
        return self.ops


def article_lines(article: object) -> list[str]:
    """The printed lines of an article read from wording (its 款, 项 and 目)."""
    lines: list[str] = []
    for paragraph in article.paragraphs:  # type: ignore[attr-defined]
        lines.extend(paragraph.lines())
    return lines


def _count(text: str) -> int:
    from .. import from_chinese

    return from_chinese(text.replace("两", "二"))


def _clean(text: str) -> str:
    text = text.strip()
    for tail in ("中规定的", "规定中的", "中的", "规定的", "末尾的", "的", "中"):
        if text.endswith(tail) and len(text) > len(tail):
            return text[: -len(tail)]
    return "" if text in ("在", "将") else text.removeprefix("在").removeprefix("将")


def _split_wording(wording: Wording, unit: str, count: int) -> list[Wording] | None:
    lines = wording.lines
    if unit == "条" and (count > 1 or ARTICLE_LINE_RE.fullmatch(lines[0])):
        groups: list[list[str]] = []
        for line in lines:
            match = ARTICLE_LINE_RE.fullmatch(line)
            if match is not None:
                groups.append([match["text"].strip()] if match["text"] else [])
            elif _HEADING_LINE_RE.fullmatch(line) and not groups:
                continue  # the heading of a 章 or 节 added by the same instruction
            elif groups:
                groups[-1].append(line)
            else:
                return None
        if len(groups) != count or not all(groups):
            return None
        return [Wording(tuple(g)) for g in groups]
    if count == 1:
        return [wording]
    if unit == "款" and len(lines) == count:
        return [Wording((line,)) for line in lines]
    if unit == "项":
        chunks: list[list[str]] = []
        for line in lines:
            if line.startswith(("（", "(")) or not chunks:
                chunks.append([line])
            else:
                chunks[-1].append(line)
        return [Wording(tuple(c)) for c in chunks] if len(chunks) == count else None
    paragraphs = wording.paragraphs
    if len(paragraphs) != count:
        return None
    return [Wording(tuple(p.lines())) for p in paragraphs]


def _note(kind: str) -> Callable[[_Reader, re.Match[str]], None]:
    def handler(reader: _Reader, m: re.Match[str]) -> None:
        reader.emit(Note(kind, **reader.common()))  # type: ignore[arg-type]

    return handler


_RULES: list[tuple[re.Pattern[str], Callable[[_Reader, re.Match[str]], None]]] = [
    (re.compile(rf"(?P<subject>[^{Q}]*?)自(?:(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)|公布之日)起?施行(?P<more>.*)"), _Reader.commence),
    (re.compile(rf"[^{Q}]*?根据本决定作相应(?:的)?修改(?P<renumber>[，]?并?对?条文顺序作相应(?:的)?调整)?[，]?重新公布"), _Reader.republish),
    (re.compile(rf"(?:此外[，]?)?(?:对)?(?:部分)?条文(?:的)?顺序(?:作|进行)?相应(?:的)?调整(?:：(?P<pairs>.*))?"), _Reader.renumbering),
    (re.compile(rf"(?P<pairs>{Q}调整为{Q}(?:[，、]{Q}调整为{Q})*)"), _Reader.renumbering),
    (re.compile(r".*罪名.*(?:修改|改)为.*"), _note("charge")),
    (re.compile(r".*不再适用"), _note("inapplicable")),
    (re.compile(rf".*附件[一二三四五六七八九十]*中(?:增加|删去|删除)下列.*"), _note("annex")),
    (re.compile(rf"(?:将)?{_T}(?:的)?(?:章名|节名|编名|标题|名称|题目)(?:修改|改)为[：]?{Q}"), _Reader.retitle),
    (re.compile(rf"(?:将)?{_T}移至(?P<c>[^{Q}，]*?)[，]?(?:并)?作为(?P<to>[^{Q}]*?)"), _Reader.move),
    (re.compile(rf"(?:将)?{_T}修改为(?P<to>第[^{Q}：]*?条(?:之[^{Q}：]*)?)[：]{Q}+"), _Reader.renumber_replace),
    (re.compile(rf"(?:将|原)?{_T}(?:相应地?)?(?:改为|作为)(?P<to>第[^{Q}，]*?)[，]?(?:并)?修改为[：]?{Q}+"), _Reader.renumber_replace),
    (re.compile(rf"(?:在?(?P<after>[^，]*?)(?P<rel>之后|后|中|的基础上)?)?(?:增加|增写|新增)(?P<count>{_COUNT})(?P<unit>条|款|项|目|章|节)[，]?(?:分别)?(?:作为(?P<to>[^{Q}：，。]*?))?(?P<title>{Q}(?=[；，]|$))?[，。]?(?:规定|内容如下|内容为)?[：]?{Q}*"), _Reader.insert),
    (re.compile(rf"(?:在)?{_T}(?:的)?(?P<pos>末尾|最后|开始部分|开头)(?:增加|增写|加上)(?:规定|一句)?[，]?(?:内容为)?[：]?{Q}"), _Reader.insert_words),
    (re.compile(rf"{_T}(?:中)?增加规定[：]?{Q}+"), _Reader.insert_plain),
    (re.compile(rf"(?:在|将)?{_T}(?:中的|中|的)?{Q}(?P<pos>之后|后|前)(?:增加|增写|加上|加入|增补)(?:规定|一句|一款)?[，]?(?:内容为|规定为)?[：]?{Q}"), _Reader.insert_words),
    (re.compile(rf"(?:删去|删除)(?P<rest>.*{Q}.*)"), _Reader.delete_words),
    (re.compile(rf"(?:将|把)?{_T}(?P<old>{Q}(?:[、和]?{Q})*)(?:统一|均|分别|一律)?(?:修改为|改为|替换为)(?P<colon>：)?(?P<new>{Q}+)"), _Reader.replace_words),
    (re.compile(rf"(?:将|把)?{_T}(?:的规定|的内容)?(?:合并)?(?:相应地?)?修改为[：]?{Q}+"), _Reader.replace),
    (re.compile(rf"(?:将|原)?{_T}(?:相应地?)?(?:改为|作为)(?P<to>第[^{Q}]*?)"), _Reader.renumber),
    (re.compile(rf"(?:删去|删除){_T}"), _Reader.delete),
    (re.compile(r".*(?:应解释为|解释为|是指).*"), _note("interpretation")),
]


def read_instruction(
    instruction: Instruction, default: str | None, known: tuple[str, ...]
) -> tuple[list[Operation], list[tuple[int, str, str]]]:
    """Read one instruction into operations (see the module's table), and its warnings as
    ``(offset in the instruction's text, code, message)``.

    Raises:
        ClauseError: a clause matches no rule, or names what cannot be read.
    """
    reader = _Reader(instruction, default, known)
    warnings: list[tuple[int, str, str]] = []
    for clause in _clauses(instruction.text):
        before = len(reader.context.warnings)
        if ":" in clause.shape:
            warnings.append((clause.origin[clause.shape.index(":")], "ascii-colon", "ASCII ':' for '：'"))
        reader.read(clause)
        for offset, code, message in reader.context.warnings[before:]:
            warnings.append((clause.origin[min(offset, len(clause.origin) - 1)], code, message))
    return reader.finish(), warnings
