"""An amending instrument's text cut into its header and its instructions.

The instrument is read from its lines, not through the Markdown parser: quoted wording opens
with ``第X条`` or ``（一）`` and is text of the instruction, never a unit of a document.

Layout (the LawRefBook files and the seed's dialect)::

    # 中华人民共和国刑法修正案（十一）              title
    2020年12月26日 第十三届…会议通过              history, up to <!-- INFO END -->
    <!-- INFO END -->
    为了…，对刑法作如下修改：                    purpose sentence (names the instrument)
    一、将刑法第十七条修改为：“…                 numbered instruction
    “…”                                         its quoted continuation paragraphs
    二、对《中华人民共和国X法》作出修改          a group heading: the instrument of what follows
    （一）将第三条修改为：“…”                    an instruction of the group
    第三十二条 宪法序言第七自然段…                a constitutional amendment's article
    本决定自2024年1月1日起施行。                  a closing clause (unnumbered)

==================================  ===========================================================
line                                read as
==================================  ===========================================================
inside an open quotation            continuation of the instruction (an unclosed quote ends,
                                    with the warning ``unclosed-quote``, at the next line that
                                    carries the next instruction number)
after ``内容如下：`` (or a ``：`` with  continuation: unquoted wording, up to the next number
no quotation after it)
``N、`` ``（N）`` ``第N条 `` numbered     a new instruction; the number must be the next one
                                    (else ``instruction-number``), ``N、对《X》作出修改`` a group
``本决定自…施行``, ``…重新公布``,        a closing clause of its own
``此外，…条文顺序作相应调整``
a purpose sentence (…如下修改：)     the preamble; an instruction inside it is read, with
                                    ``unnumbered-instruction``
any other line                      a further clause of the instruction before it (or, before
                                    any, an unnumbered instruction: ``unnumbered-instruction``)
==================================  ===========================================================
"""

from __future__ import annotations

import re

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.errors import ParseError
from .._model.numerals import from_chinese
from .._model.units import Event, ParseWarning

__all__ = ["Header", "Instruction", "split_instrument"]

INFO_END = "<!-- INFO END -->"
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
_CN = "[零〇一二三四五六七八九十百千两]"

#: The number opening an instruction line.
NUMBER_RE = re.compile(
    rf"""(?:
        (?P<top>{_CN}+)[、.．]                          # 一、 (top level)
      | [（(](?P<group>{_CN}+)[）)]                      # （一） (inside a group)
      | 第(?P<article>{_CN}+)条(?=[\s\u3000])           # 第三十二条 (a 修正案's own article)
    )[\s\u3000]*""",
    re.VERBOSE,
)
#: A group heading: ``一、对《中华人民共和国X法》作出修改`` (and the defect without 修改).
GROUP_RE = re.compile(
    r"(?:对|关于)?(?P<titles>《[^》]+》(?:[、和]《[^》]+》)*)(?P<verb>(?:作出|作|的)?(?:如下)?(?:修改|修正))?[：:。]?"
)
#: A closing clause: commencement, republication, renumbering.
CLOSING_RE = re.compile(
    r"""(?:本(?:决定|修正案|修正|修改)[^。]*?自[^。]*?(?:起|之日)施行
        |.*根据本决定作相应(?:的)?修改.*重新公布
        |此外，?.*条文顺序作相应(?:的)?调整)""",
    re.VERBOSE,
)
#: The purpose sentence before the instructions.
PURPOSE_RE = re.compile(r".*(?:作如下(?:补充)?修改|作出如下修改|修改如下|决定)[：:]")
#: Does a text look like an instruction?
INSTRUCTION_HINT_RE = re.compile(r"^(?:将|删去|删除|在|增加|第|原|宪法|刑法|该|这一)|修改为|增加一")
#: An unnumbered instruction: its opening verb and a unit, or the wording it gives.
_UNNUMBERED_RE = re.compile(r"(?:将|删去|删除|在|增加)[^。]*(?:第|修改为|“)")
_DATE_LINE_RE = re.compile(r"[（(]?\d{4}年\d{1,2}月\d{1,2}日")


@attrs.frozen
class Header:
    """The header: title (``# …``), history events, and the line where the body starts."""

    title: str
    history: tuple[Event, ...]
    body_line: int
    #: what the title line holds after the title, read as the body's first line: its column
    #: (1-based) and text, or None
    rest: tuple[int, str] | None = None


@attrs.define
class Instruction:
    """One instruction: its text (numbering removed; continuation lines joined by ``\\n``).

    ``starts`` maps offsets in ``text`` to source positions: ``(offset, line, column)`` for the
    start of each line of the text.
    """

    number: str
    text: str
    starts: list[tuple[int, int, int]]
    instrument: str | None = None
    closing: bool = False
    wording_open: bool = False

    @property
    def line(self) -> int:
        """The line the instruction starts on."""
        return self.starts[0][1]

    @property
    def column(self) -> int:
        """The column its text starts at."""
        return self.starts[0][2]

    def position(self, offset: int) -> tuple[int, int]:
        """The ``(line, column)`` of *offset* in :attr:`text`."""
        line, column, base = self.starts[0][1], self.starts[0][2], 0
        for start, ln, col in self.starts:
            if start > offset:
                break
            line, column, base = ln, col, start
        return line, column + (offset - base)

    def add(self, text: str, line: int, column: int) -> None:
        self.text += "\n"
        self.starts.append((len(self.text), line, column))
        self.text += text


def _history_text(raw: str) -> str:
    text = raw.strip()
    if text.startswith(("- ", "* ")):
        text = text[2:].strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1].strip()
    return text


def read_header(lines: list[str], source: str) -> Header:
    """Read the title and the history lines; see the module docstring.

    Raises:
        ParseError: no ``# title`` line opens the text.
    """
    index = next((i for i, raw in enumerate(lines) if raw.strip()), None)
    if index is None or not lines[index].lstrip().startswith("#"):
        where = (index or 0) + 1
        raise ParseError(
            "expected the instrument's title (# …), found "
            + ("an empty text" if index is None else "text"),
            line=where,
            text=lines[index] if index is not None else "",
            source=source,
        )
    title, rest = _cut_title(lines[index])
    if not title:
        raise ParseError(
            "expected a title after #", line=index + 1, text=lines[index], source=source
        )
    end = next((i for i, raw in enumerate(lines) if raw.strip() == INFO_END), None)
    events: list[Event] = []
    body = index + 1
    if end is not None and end > index:
        candidates = range(index + 1, end)
        body = end + 1
    else:
        candidates = range(index + 1, len(lines))
    for i in candidates:
        raw = lines[i].strip()
        if not raw or raw.startswith("#"):
            continue
        if end is None and not _DATE_LINE_RE.match(raw):
            body = i
            break
        text = _history_text(raw)
        if text and text.isprintable():
            events.append(Event(text))
        body = i + 1
    return Header(title, tuple(events), body + 1, rest)


def _cut_title(raw: str) -> tuple[str, tuple[int, str] | None]:
    """The title on the title line *raw*, and what follows it there when that opens the body
    (an instruction, numbered or not, a closing clause or the purpose sentence, after a space):
    its column and text.  Such a line is a defect; its instruction is read, never dropped."""
    title = raw.strip().lstrip("#").strip()
    for gap in re.finditer(r"\s+", title):
        rest = title[gap.end() :]
        if _opens_body(rest):
            return title[: gap.start()], (raw.index(title) + gap.end() + 1, rest)
    return title, None


def _opens_body(text: str) -> bool:
    found = NUMBER_RE.match(text)
    if found is not None:
        after = text[found.end() :]
        # 一、 opens an instruction; （十一） and 第N条 may end a title written with a space
        return bool(after) and (
            found.lastgroup == "top"
            or INSTRUCTION_HINT_RE.search(after) is not None
            or CLOSING_RE.match(after) is not None
        )
    return any(r.match(text) for r in (CLOSING_RE, PURPOSE_RE, _UNNUMBERED_RE))


def quote_state(text: str, depth: int) -> int:
    """The quotation depth after *text*, entered at *depth* (“ opens, ” closes; never below 0)."""
    for ch in text:
        if ch == OPEN_QUOTE:
            depth += 1
        elif ch == CLOSE_QUOTE and depth:
            depth -= 1
    return depth


def _group_titles(text: str) -> tuple[list[str], bool] | None:
    match = GROUP_RE.fullmatch(text.strip())
    if match is None:
        return None
    titles = re.findall(r"《([^》]+)》", match["titles"])
    return titles, bool(match["verb"])


class _Splitter:
    def __init__(self, lines: list[str], first: int, source: str) -> None:
        self.lines = lines
        self.first = first
        self.source = source
        self.out: list[Instruction] = []
        self.warnings: list[ParseWarning] = []
        self.purpose: list[str] = []
        self.group: str | None = None
        self.expected: dict[str, int | None] = {"top": None, "group": None, "article": None}
        self.depth = 0
        self.quote_line = (0, 0)

    def warn(self, line: int, column: int, code: str, message: str) -> None:
        self.warnings.append(ParseWarning(line, column, code, message))

    def numbered(self, text: str) -> tuple[str, int, re.Match[str]] | None:
        match = NUMBER_RE.match(text)
        if match is None:
            return None
        kind = match.lastgroup
        assert kind is not None
        try:
            return kind, from_chinese(match[kind]), match
        except ValueError:
            return None

    def is_next(self, kind: str, number: int) -> bool:
        expected = self.expected[kind]
        if expected is None:  # the first of its kind: 一、 and （一） start at one, 第N条 anywhere
            return not self.out if kind == "article" else number == 1
        return number == expected

    def run(self, header: Header) -> tuple[list[Instruction], list[ParseWarning], list[str]]:
        if header.rest is not None:
            column, text = header.rest
            line = next(i for i, raw in enumerate(self.lines) if raw.strip()) + 1
            shown = text if len(text) <= 16 else text[:16] + "…"
            self.warn(line, column, "title-line",
                      f"the title line goes on with {shown!r}: read as the text's first line")  # fmt: skip
            self.line(line, " " * (column - 1) + text, text)
        for index in range(self.first - 1, len(self.lines)):
            raw = self.lines[index].rstrip("\r")
            stripped = raw.strip()
            if not stripped or stripped.startswith("<!--"):
                continue
            self.line(index + 1, raw, stripped)
        if self.depth:
            line, column = self.quote_line
            self.warn(line, column, "unclosed-quote", "a quotation opened here is never closed (”)")
        return self.out, self.warnings, self.purpose

    def line(self, number: int, raw: str, text: str) -> None:
        column = raw.find(text[0]) + 1
        current = self.out[-1] if self.out else None
        found = self.numbered(text)
        starts_next = found is not None and self.is_next(found[0], found[1])
        if self.depth and current is not None:
            if (
                starts_next
                and found is not None
                and not text.startswith(OPEN_QUOTE)
                and (found[0] == "top" or (found[0] == "group" and self.group is not None))
                and INSTRUCTION_HINT_RE.search(text[found[2].end() :])
            ):
                line, col = self.quote_line
                self.warn(line, col, "unclosed-quote",
                          f"a quotation opened here is not closed before {found[2][0].strip()}")  # fmt: skip
                self.depth = 0
            else:
                body = text[1:] if text.startswith(OPEN_QUOTE) else text
                self.depth = quote_state(body, 1)
                current.add(text, number, column)
                return
        if current is not None and current.wording_open and not starts_next:
            current.add(text, number, column)
            if text.startswith(OPEN_QUOTE):  # the quotation opens on the line after 修改为：
                current.wording_open = False
                self.depth = quote_state(text, 0)
                if self.depth:
                    self.quote_line = (number, column)
            return
        rest_of = text[found[2].end() :] if found is not None else ""
        if found is not None and (
            starts_next
            or current is None  # a numbered line is never the purpose sentence
            or INSTRUCTION_HINT_RE.search(rest_of)
            or CLOSING_RE.match(rest_of)
        ):
            kind, value, match = found
            rest = text[match.end() :]
            if not starts_next:
                self.warn(number, column, "instruction-number",
                          f"expected instruction {self._expected_label(kind)}, found {match[0].strip()}")  # fmt: skip
            self.expected[kind] = value + 1
            if kind == "top":
                self.expected["group"] = None
                titles = _group_titles(rest)
                if titles is not None:
                    names, verb = titles
                    self.group = names[0]
                    if not verb:
                        self.warn(number, column, "group-heading",
                                  f"a group heading without 修改: {text!r} read as the instrument of what follows")  # fmt: skip
                    return
            self.start(match[0].strip(), rest, number, column + match.end())
            return
        if CLOSING_RE.match(text):
            self.start("", text, number, column, closing=True)
            return
        if current is None:
            purpose = PURPOSE_RE.match(text)
            if purpose is not None:
                self.purpose.append(text)
                rest = text[purpose.end() :]
                if rest.strip():
                    self.warn(number, column + purpose.end(), "unnumbered-instruction",
                              "an instruction inside the purpose sentence, read as instruction 一")  # fmt: skip
                    self.start("", rest, number, column + purpose.end())
                return
            if INSTRUCTION_HINT_RE.search(text):
                self.warn(number, column, "unnumbered-instruction",
                          "an instruction with no number, read as instruction 一")  # fmt: skip
                self.start("", text, number, column)
                return
            self.purpose.append(text)
            return
        current.add(text, number, column)
        self._track(current, text, number, column)

    def _expected_label(self, kind: str) -> str:
        from .._model.numerals import to_chinese

        value = self.expected[kind] or 1
        return {"top": f"{to_chinese(value)}、", "group": f"（{to_chinese(value)}）",
                "article": f"第{to_chinese(value)}条"}[kind]  # fmt: skip

    def start(
        self, number: str, text: str, line: int, column: int, *, closing: bool = False
    ) -> None:
        group = None if number.startswith("第") or closing else self.group
        instruction = Instruction(number, text, [(0, line, column)], group, closing)
        self.out.append(instruction)
        self.depth = 0
        self._track(instruction, text, line, column)

    def _track(self, instruction: Instruction, text: str, line: int, column: int) -> None:
        before = self.depth
        self.depth = quote_state(text, self.depth)
        if self.depth and not before:
            at = text.rfind(OPEN_QUOTE)
            self.quote_line = (line, column + max(at, 0))
        stripped = text.rstrip()
        instruction.wording_open = not self.depth and (
            stripped.endswith(("内容如下：", "内容如下:", "如下：")) or (
                stripped.endswith(("：", ":")) and not stripped.endswith(OPEN_QUOTE)
            )
        )  # fmt: skip


def split_instrument(
    text: str, source: str
) -> tuple[Header, list[Instruction], list[ParseWarning], list[str]]:
    """Cut *text* into its header, its instructions, its warnings and its purpose sentence(s).

    Raises:
        ParseError: the text has no ``# title`` line.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").split("\n")
    header = read_header(lines, source)
    splitter = _Splitter(lines, header.body_line, source)
    instructions, warnings, purpose = splitter.run(header)
    return header, instructions, warnings, purpose
