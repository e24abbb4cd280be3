"""What every command reads and how it reports on it: the input options (``--file``,
``--encoding``, ``--strict``, ``-q``), files or standard input (``-``) read with the library's
bounds and checks, and diagnostics in one format, as compilers print them::

    gap.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]
    gap.md:5:1: error: expected 第二条, found 第三条 [skipped-number]
        第三条 乙。
        ^

(the second is the same oddity under ``--strict``).  A message about an encoding names the
``--encoding`` option, not the library's keyword argument.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from .._markdown.bundled import load
from .._markdown.parser import parse
from .._model.errors import ParseError, diagnostic
from .._model.regulation import Regulation
from .._model.units import ParseWarning

__all__ = [
    "OPTION",
    "add_encoding_option",
    "add_file_option",
    "encoding_name",
    "error_text",
    "load_regulation",
    "read_bytes",
    "read_input",
    "read_regulation",
    "read_stdin",
    "warning_lines",
]

#: How messages name the way to pass another encoding.
OPTION = "--encoding"


def encoding_name(name: str) -> str:
    """``--encoding``'s value: an encoding Python knows (else a usage error, status 2)."""
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None
    return name


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    """``--encoding ENC``, the encoding of every file the command reads."""
    parser.add_argument(
        "--encoding",
        default="utf-8",
        type=encoding_name,
        metavar="ENC",
        help="the encoding of the files read (gb18030 reads GBK and GB2312 too)",
    )


def add_file_option(parser: argparse.ArgumentParser) -> None:
    """``--file PATH`` (another regulation instead of the bundled one), ``--encoding``,
    ``--strict``, ``-q``."""
    parser.add_argument(
        "--file",
        metavar="PATH",
        help="read this Markdown regulation instead of the bundled one (- for standard input)",
    )
    add_encoding_option(parser)
    parser.add_argument("--strict", action="store_true", help="treat oddities as errors")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print parse warnings to stderr"
    )


def warning_lines(source: str, warnings: Iterable[ParseWarning]) -> tuple[str, ...]:
    """Warnings as the command line prints them: ``file:line:col: warning: message [code]``."""
    return tuple(
        diagnostic(source, w.line, w.column, f"{w.message} [{w.code}]", severity="warning")
        for w in warnings
    )


def error_text(err: ParseError, source: str | None = None) -> str:
    """*err* as the command line prints it: ``file:line:col: error: message``, the line and a
    caret (*source* names the file when the error's own source does not)."""
    where = source if source is not None else err.source
    return diagnostic(where, err.line, err.column, err.message, err.text, severity="error")


def read_stdin(encoding: str = "utf-8") -> str:
    """Standard input as text in *encoding*, at most ``MAX_FILE_SIZE`` bytes of it.

    Raises:
        ParseError: binary data, or a byte that is not text in *encoding* (its line and column
            on ``<stdin>``).
        OSError: more than ``MAX_FILE_SIZE`` bytes.
    """
    from .._markdown.files import decode_source

    return decode_source(read_bytes("-"), encoding=encoding, source="<stdin>", option=OPTION)


def read_bytes(path: str) -> bytes:
    """The bytes of the regular file at *path*, or of standard input for ``-``, at most
    ``MAX_FILE_SIZE`` of them (``OSError`` beyond)."""
    import errno

    from .._markdown.files import MAX_FILE_SIZE, read_regular

    if path != "-":
        return read_regular(path, path, MAX_FILE_SIZE)
    data = sys.stdin.buffer.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise OSError(errno.EFBIG, f"more than {MAX_FILE_SIZE} bytes on standard input", "-")
    return data


def read_input(path: str, encoding: str = "utf-8") -> tuple[str, str]:
    """The text of *path* (``-``: standard input) in *encoding*, and the name messages give it
    (``<stdin>`` for ``-``)."""
    from .._markdown.files import read_text

    if path == "-":
        return read_stdin(encoding), "<stdin>"
    return read_text(path, encoding=encoding, option=OPTION), path


def read_regulation(path: str, args: argparse.Namespace) -> Regulation:
    """The Markdown regulation at *path* (``-``: standard input), read as ``--strict`` and
    ``--encoding`` say; its parse warnings go to stderr (see :func:`warning_lines`) unless
    ``-q``."""
    text, source = read_input(path, getattr(args, "encoding", "utf-8"))
    regulation = parse(text, source=source, strict=args.strict)
    if not args.quiet:
        for line in warning_lines(source, regulation.warnings):
            print(line, file=sys.stderr)
    return regulation


def load_regulation(args: argparse.Namespace) -> Regulation:
    """The regulation a command works on: ``--file PATH`` (see :func:`read_regulation`) or the
    bundled one."""
    if not getattr(args, "file", None):
        return load()
    return read_regulation(args.file, args)
