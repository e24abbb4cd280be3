"""The error raised when an amendment cannot be applied: :class:`AmendmentError`."""

from __future__ import annotations

# The package's public names, gathered here so that they can be rewritten in one place.
from .._model.errors import RegulationError, diagnostic, excerpt

__all__ = ["AmendmentError"]


class AmendmentError(RegulationError, ValueError):
    """An instruction cannot be applied: its target does not exist, or its words are not there.

    Attributes:
        message: what the instruction asked for and what the regulation has.
        line: 1-based line of the instruction in the amending instrument.
        column: 1-based column of the clause in that line.
        text: the clause's first line as written; it starts at ``column``.
        source: the amending instrument's title.

    ``str(err)`` reads ``source:line:col: message``, then the clause, with a caret under its
    first character.

    >>> print(AmendmentError("《示例条例》 has no 第九十九条", line=7, column=3, text="删去第九十九条",
    ...                      source="示例决定"))
    示例决定:7:3: 《示例条例》 has no 第九十九条
        删去第九十九条
        ^
    """

    def __init__(
        self,
        message: str,
        *,
        line: int,
        column: int = 1,
        text: str = "",
        source: str = "<amendment>",
    ) -> None:
        super().__init__(message, line, column, text, source)
        self.message = message
        self.line = line
        self.column = column
        self.text = text
        self.source = source

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.message, self.line, self.column, self.text, self.source))

    def __str__(self) -> str:
        head = diagnostic(self.source, self.line, self.column, self.message)
        if not self.text:
            return head
        shown, caret = excerpt(self.text, 1)  # the clause starts at ``column``
        return f"{head}\n    {shown}\n    {caret}"


def _rebuild(message: str, line: int, column: int, text: str, source: str) -> AmendmentError:
    return AmendmentError(message, line=line, column=column, text=text, source=source)


AmendmentError.__module__ = __name__.partition(".")[0]  # tracebacks name it where users import it
