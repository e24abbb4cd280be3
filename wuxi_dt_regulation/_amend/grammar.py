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

import re
from collections.abc import Callable

from .clauses import QUOTE, ClauseError, split_clauses
from .lines import Instruction
from .operations import Note, Operation
from .reader import Reader, Rule

__all__ = ["RULES", "ClauseError", "read_instruction"]

Q = QUOTE
_T = rf"(?P<t>(?:[^{Q}]|{Q}(?=中))*?)"  # a list named by its quoted words: 第八十九条“…”中第六项
_COUNT = "[一二两三四五六七八九十]+"


def _note(kind: str) -> Callable[[Reader, re.Match[str]], None]:
    def handler(reader: Reader, m: re.Match[str]) -> None:
        reader.emit(Note(kind, span=reader.span(), instrument=reader.law))

    return handler


#: The rules, in the order they are tried (see the module's table).
RULES: list[Rule] = [
    (
        re.compile(
            rf"(?P<subject>[^{Q}]*?)自(?:(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)|公布之日)起?施行(?P<more>.*)"
        ),
        Reader.commence,
    ),
    (
        re.compile(
            rf"[^{Q}]*?根据本决定作相应(?:的)?修改(?P<renumber>[，]?并?对?条文顺序作相应(?:的)?调整)?[，]?重新公布"
        ),
        Reader.republish,
    ),
    (
        re.compile(
            r"(?:此外[，]?)?(?:对)?(?:部分)?条文(?:的)?顺序(?:作|进行)?相应(?:的)?调整(?:：(?P<pairs>.*))?"
        ),
        Reader.renumbering,
    ),
    (re.compile(rf"(?P<pairs>{Q}调整为{Q}(?:[，、]{Q}调整为{Q})*)"), Reader.renumbering),
    (re.compile(r".*罪名.*(?:修改|改)为.*"), _note("charge")),
    (re.compile(r".*不再适用"), _note("inapplicable")),
    (re.compile(r".*附件[一二三四五六七八九十]*中(?:增加|删去|删除)下列.*"), _note("annex")),
    (
        re.compile(rf"(?:将)?{_T}(?:的)?(?:章名|节名|编名|标题|名称|题目)(?:修改|改)为[：]?{Q}"),
        Reader.retitle,
    ),
    (
        re.compile(rf"(?:将)?{_T}移至(?P<c>[^{Q}，]*?)[，]?(?:并)?作为(?P<to>[^{Q}]*?)"),
        Reader.move,
    ),
    (
        re.compile(rf"(?:将)?{_T}修改为(?P<to>第[^{Q}：]*?条(?:之[^{Q}：]*)?)[：]{Q}+"),
        Reader.renumber_replace,
    ),
    (
        re.compile(
            rf"(?:将|原)?{_T}(?:相应地?)?(?:改为|作为)(?P<to>第[^{Q}，]*?)[，]?(?:并)?修改为[：]?{Q}+"
        ),
        Reader.renumber_replace,
    ),
    (
        re.compile(
            rf"(?:在?(?P<after>[^，]*?)(?P<rel>之后|后|中|的基础上)?)?(?:增加|增写|新增)(?P<count>{_COUNT})(?P<unit>条|款|项|目|章|节)[，]?(?:分别)?(?:作为(?P<to>[^{Q}：，。]*?))?(?P<title>{Q}(?=[；，]|$))?[，。]?(?:规定|内容如下|内容为)?[：]?{Q}*"
        ),
        Reader.insert,
    ),
    (
        re.compile(
            rf"(?:在)?{_T}(?:的)?(?P<pos>末尾|最后|开始部分|开头)(?:增加|增写|加上)(?:规定|一句)?[，]?(?:内容为)?[：]?{Q}"
        ),
        Reader.insert_words,
    ),
    (re.compile(rf"{_T}(?:中)?增加规定[：]?{Q}+"), Reader.insert_plain),
    (
        re.compile(
            rf"(?:在|将)?{_T}(?:中的|中|的)?{Q}(?P<pos>之后|后|前)(?:增加|增写|加上|加入|增补)(?:规定|一句|一款)?[，]?(?:内容为|规定为)?[：]?{Q}"
        ),
        Reader.insert_words,
    ),
    (re.compile(rf"(?:删去|删除)(?P<rest>.*{Q}.*)"), Reader.delete_words),
    (
        re.compile(
            rf"(?:将|把)?{_T}(?P<old>{Q}(?:[、和]?{Q})*)(?:统一|均|分别|一律)?(?:修改为|改为|替换为)(?P<colon>：)?(?P<new>{Q}+)"
        ),
        Reader.replace_words,
    ),
    (
        re.compile(rf"(?:将|把)?{_T}(?:的规定|的内容)?(?:合并)?(?:相应地?)?修改为[：]?{Q}+"),
        Reader.replace,
    ),
    (re.compile(rf"(?:将|原)?{_T}(?:相应地?)?(?:改为|作为)(?P<to>第[^{Q}]*?)"), Reader.renumber),
    (re.compile(rf"(?:删去|删除){_T}"), Reader.delete),
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
    reader = Reader(instruction, default, known)
    warnings: list[tuple[int, str, str]] = []
    for clause in split_clauses(instruction.text):
        before = len(reader.context.warnings)
        if ":" in clause.shape:
            warnings.append(
                (clause.origin[clause.shape.index(":")], "ascii-colon", "ASCII ':' for '：'")
            )
        reader.read(clause, RULES)
        for offset, code, message in reader.context.warnings[before:]:
            warnings.append((clause.origin[min(offset, len(clause.origin) - 1)], code, message))
    return reader.finish(), warnings
