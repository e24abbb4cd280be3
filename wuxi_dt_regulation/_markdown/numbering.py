"""The numbering checks: each 编, 分编, 章, 节 and 条 against the one expected after the last.

Numbers that skip, repeat or run backwards are kept as printed and reported as warnings
(``skipped-number``, ``repeated-number``, ``out-of-order``).  章 may restart at 1 after a 编
(刑法, 民法典), 节 restart in each 章 and 分编 in each 编; 条 never restart, and an inserted
第N条之M follows 第N条 or 第N条之M-1.
"""

from __future__ import annotations

from .._model.labels import article_label
from .._model.numerals import MAX_NUMBER, to_chinese
from .._model.units import ParseWarning
from .builders import Container
from .lexer import Line

__all__ = ["Numbering"]


class Numbering:
    """What has been numbered so far, and the warnings when a number is not the one expected.

    The warnings go straight into the parser's list (*warnings*): a bound method of the parser
    kept here would make a reference cycle (parser -> numbering -> parser), which left every
    line, match and builder of a parse for the cyclic garbage collector to free.
    """

    def __init__(self, warnings: list[ParseWarning]) -> None:
        self.warnings = warnings
        self.last_article: tuple[int, int] | None = None
        self.last_unit: dict[str, int] = {}
        self.part_since_chapter = False

    def warn(self, line: Line, code: str, message: str, column: int) -> None:
        """Report *code* at *column* of *line* (as the parser's ``warn`` does)."""
        self.warnings.append(ParseWarning(line.number, column, code, message))

    def check_unit(self, line: Line, unit: str, number: int, stack: list[Container]) -> None:
        """Warn when 编/分编/章/节 *number* is not the one expected after the last of its kind."""
        last = self.last_unit.get(unit)
        if unit == "编":
            expected = {1} if last is None else {last + 1}
            for lower in ("分编", "节"):
                self.last_unit.pop(lower, None)
            self.part_since_chapter = True
        elif unit == "章":
            expected = {1} if last is None else {last + 1}
            if self.part_since_chapter:
                expected.add(1)
            self.part_since_chapter = False
            self.last_unit.pop("节", None)
        else:
            parent = "编" if unit == "分编" else "章"
            fresh = last is None or _parent_opened_after(stack, parent, unit)
            expected = {1} if fresh else {last + 1}  # type: ignore[operator]
        self.last_unit[unit] = number
        if number not in expected:
            want = (
                "或".join(f"第{to_chinese(n)}{unit}" for n in sorted(expected) if n <= MAX_NUMBER)
                or f"nothing after 第{to_chinese(MAX_NUMBER)}{unit}"
            )
            found = f"第{to_chinese(number)}{unit}"
            code = "repeated-number" if last == number else "skipped-number"
            if last is not None and number < last and number not in expected:
                code = "out-of-order"
            self.warn(line, code, f"expected {want}, found {found}", line.column_of("第"))

    def expected_articles(self) -> set[tuple[int, int]]:
        """The article keys that may come next: 第N+1条, or 第N条之M+1."""
        last = self.last_article
        if last is None:
            return {(1, 0)}
        return {(last[0] + 1, 0), (last[0], last[1] + 1)}

    def check_article(self, line: Line, key: tuple[int, int]) -> None:
        """Warn when article *key* is not one of :meth:`expected_articles`."""
        last = self.last_article
        self.last_article = key
        if last is None or key in {(last[0] + 1, 0), (last[0], last[1] + 1)}:
            return
        found = article_label(*key)
        if key == last:
            code, message = "repeated-number", f"{found} appears twice"
        elif key < last:
            code, message = "out-of-order", f"{found} comes after {article_label(*last)}"
        else:  # key > last, so last[0] + 1 <= key[0] is a number a label can carry
            want = article_label(last[0] + 1)
            code, message = "skipped-number", f"expected {want}, found {found}"
        self.warn(line, code, message, line.column_of("第"))


def _parent_opened_after(stack: list[Container], parent: str, unit: str) -> bool:
    # A section's numbering restarts in each chapter: the innermost open container of the
    # parent's rank is new since the last section when it has no such child yet.
    for container in reversed(stack):
        if container.kind == parent:
            return not any(isinstance(c, Container) and c.kind == unit for c in container.children)
    return False  # no parent open (民法典 合同编 prints its 编 as a title): numbering runs on
