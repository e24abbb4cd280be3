"""The library's exceptions.

Every error the library raises on purpose derives from :class:`RegulationError`, so one
``except wdr.RegulationError`` catches them all.  Those raised for bad input also derive from the
built-in class a caller would expect (``ValueError`` for malformed text, ``LookupError`` for a
missing unit), so code that knows nothing about this library still handles them sensibly.
"""

from __future__ import annotations

__all__ = [
    "MESSAGE_LIMIT",
    "CitationError",
    "NotFoundError",
    "ParseError",
    "RegulationError",
    "SerializationError",
    "decode_utf8",
    "diagnostic",
    "display_width",
    "excerpt",
    "shorten",
]

#: The most characters of a message ``str(err)`` shows; the rest is cut and counted.
MESSAGE_LIMIT = 500
#: Characters of the offending line shown on each side of the column.
_CONTEXT = 30
#: Problems of a SerializationError shown one per line; the rest are counted.
_PROBLEMS_SHOWN = 20


def display_width(text: str) -> int:
    """Return how many terminal cells *text* takes: CJK wide and full-width characters take two.

    >>> display_width("第1条")
    5
    """
    import unicodedata  # only when an error is shown

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, limit: int = 40) -> str:
    """*text* quoted (``repr``) for a message, cut to about *limit* characters when longer: a
    message names what it found without repeating a megabyte of input.

    >>> shorten("第三十五条"), shorten("甲" * 1000, 10)
    ("'第三十五条'", "'甲甲甲甲甲甲甲甲甲甲'… (1000 characters)")
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text)} characters)"


def _bounded(message: str) -> str:
    if len(message) <= MESSAGE_LIMIT:
        return message
    return f"{message[:MESSAGE_LIMIT]}… ({len(message) - MESSAGE_LIMIT} more characters)"


def _visible(ch: str) -> str:
    """*ch*, or U+FFFD for what a terminal would act on rather than show (a space separator
    such as U+3000 stays: it is text)."""
    import unicodedata

    if ch.isprintable() or unicodedata.category(ch) == "Zs":
        return ch
    return "\ufffd"


def excerpt(text: str, column: int) -> tuple[str, str]:
    """The offending line and a caret row under *column* (1-based), for an error message.

    At most ``_CONTEXT`` characters are shown on each side of the column (``…`` marks a cut);
    tabs are shown as spaces, any other character a terminal would act on instead of showing
    (a control character such as NUL or ESC, a bidirectional override) as U+FFFD ``�``, and the
    caret counts a CJK character as two terminal cells.

    >>> excerpt("第三十五", 5)
    ('第三十五', '        ^')
    >>> shown, caret = excerpt("甲" * 1000 + "乙", 1001)
    >>> len(shown), shown[0], shown[-1], caret.index("^") == display_width(shown[:-1])
    (32, '…', '乙', True)
    >>> excerpt("a\\x1b[2Jb\\x00c", 7)
    ('a�[2Jb�c', '      ^')
    >>> excerpt("第一条\\u3000甲", 5)
    ('第一条\\u3000甲', '        ^')
    """
    start = max(column - 1 - _CONTEXT, 0)
    end = min(column - 1 + _CONTEXT, len(text))
    shown = text[start:end].replace("\t", " ")
    if not shown.isprintable():  # rare: the slow look per character only then
        shown = "".join(_visible(ch) for ch in shown)
    at = column - 1 - start
    if start:
        shown, at = "…" + shown, at + 1
    if end < len(text):
        shown += "…"
    return shown, " " * display_width(shown[: max(at, 0)]) + "^"


def diagnostic(
    source: str, line: int, column: int, message: str, text: str = "", severity: str = ""
) -> str:
    """A message about a position, as compilers print them: ``source:line:col: message`` (with
    ``severity: `` before the message when given), then, when *text* is given, that line and a
    caret under *column* (see :func:`excerpt`); the message is cut at ``MESSAGE_LIMIT``.

    >>> print(diagnostic("a.md", 5, 1, "expected 第二条", "第三条 乙。", "error"))
    a.md:5:1: error: expected 第二条
        第三条 乙。
        ^
    """
    head = f"{source}:{line}:{column}: {severity + ': ' if severity else ''}{_bounded(message)}"
    if not text:
        return head
    shown, caret = excerpt(text, column)
    return f"{head}\n    {shown}\n    {caret}"


class RegulationError(Exception):
    """Base class of every error this library raises on purpose."""


class ParseError(RegulationError, ValueError):
    """The source text is not a regulation this library can read.

    Attributes:
        message: what was expected and what was found.
        line: 1-based line number in the original text.
        column: 1-based column (in characters) in that line.
        text: the offending line as it appears in the source.
        source: the name of the source (a path, or ``"<string>"``).

    ``str(err)`` reads ``source:line:col: message``, then the line, then a caret under the
    column that counts a CJK character as two terminal cells.  However long the line or the
    message, ``str(err)`` stays short: a window of the line around the column is shown, and a
    message is cut at 500 characters (``MESSAGE_LIMIT``).
    """

    def __init__(
        self, message: str, *, line: int, column: int = 1, text: str = "", source: str = "<string>"
    ) -> None:
        super().__init__(message, line, column, text, source)
        self.message = message
        self.line = line
        self.column = column
        self.text = text
        self.source = source

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_parse_error,
            (self.message, self.line, self.column, self.text, self.source),
        )

    def __str__(self) -> str:
        return diagnostic(self.source, self.line, self.column, self.message, self.text)


def _rebuild_parse_error(
    message: str, line: int, column: int, text: str, source: str
) -> ParseError:
    return ParseError(message, line=line, column=column, text=text, source=source)


class NotFoundError(RegulationError, LookupError):
    """A unit asked for by number or citation does not exist; the message says what does."""


class CitationError(RegulationError, ValueError):
    """A citation string cannot be read, or a citation cannot be written in the style asked for.

    Attributes:
        message: what was expected and what was found.
        text: the citation text as given (empty when the error is not about a text).
        column: 1-based column (in characters) in ``text`` where the problem is (1 when
            there is no text).

    ``str(err)`` reads ``column N: message``, then the text, then a caret under the column that
    counts a CJK character as two terminal cells.
    """

    def __init__(self, message: str, *, text: str = "", column: int = 1) -> None:
        super().__init__(message, text, column)
        self.message = message
        self.text = text
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_citation_error, (self.message, self.text, self.column))

    def __str__(self) -> str:
        if not self.text:
            return _bounded(self.message)
        head = f"column {self.column}: {_bounded(self.message)}"
        shown, caret = excerpt(self.text, self.column)
        return f"{head}\n    {shown}\n    {caret}"


def _rebuild_citation_error(message: str, text: str, column: int) -> CitationError:
    return CitationError(message, text=text, column=column)


class SerializationError(RegulationError, ValueError):
    """A JSON or Akoma Ntoso document cannot be read back into the model (or written out).

    Attributes:
        message: what was expected and what was found, for the first problem.
        path: where the first problem is: a JSON path (``$.body[2].children[0].number``) or an
            XML path (``/akomaNtoso/act/body/chapter[2]``); ``"$"`` or ``"/"`` for the whole
            document.
        line: 1-based line in the document text when the text itself is malformed, else None.
        column: 1-based column in that line, else None.
        errors: every problem found, as ``(path, message)`` pairs, the first one included.

    ``str(err)`` reads ``path: message`` (one line per problem), with ``line N, column M`` for
    malformed text.

    >>> str(SerializationError("expected an int", path="$.body[0].number"))
    '$.body[0].number: expected an int'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "$",
        line: int | None = None,
        column: int | None = None,
        errors: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message, path, line, column, errors)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.errors = errors or ((path, message),)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_serialization_error,
            (self.message, self.path, self.line, self.column, self.errors),
        )

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.column})" if self.line is not None else ""
        first = f"{_bounded(self.path)}: {_bounded(self.message)}{where}"
        shown = self.errors[1:_PROBLEMS_SHOWN]
        rest = [f"{_bounded(path)}: {_bounded(message)}" for path, message in shown]
        if len(self.errors) > _PROBLEMS_SHOWN:
            rest.append(f"… and {len(self.errors) - _PROBLEMS_SHOWN} more problems")
        return "\n".join([first, *rest])


def _rebuild_serialization_error(
    message: str,
    path: str,
    line: int | None,
    column: int | None,
    errors: tuple[tuple[str, str], ...],
) -> SerializationError:
    return SerializationError(message, path=path, line=line, column=column, errors=errors)


def decode_utf8(data: bytes | bytearray, *, path: str) -> str:
    """Decode a document's bytes (a BOM tolerated), or raise :class:`SerializationError` at
    *path* naming the first byte that is not UTF-8."""
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SerializationError(
            f"expected UTF-8, found the byte 0x{data[err.start]:02X} at offset {err.start}",
            path=path,
        ) from None


# Tracebacks and reprs name the classes where users import them from: the package itself.
for _public in (RegulationError, ParseError, NotFoundError, CitationError, SerializationError):
    _public.__module__ = __name__.partition(".")[0]
