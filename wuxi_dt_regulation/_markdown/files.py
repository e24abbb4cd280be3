"""Reading a source file: a regular file's bytes, bounded, to text, with errors that say where a
bad byte stands."""

from __future__ import annotations

import os

from .._model.errors import ParseError
from .._model.regulation import Regulation
from .parser import parse

__all__ = [
    "BINARY_SNIFF",
    "MAX_FILE_SIZE",
    "decode_source",
    "parse_file",
    "read_regular",
    "read_text",
]

#: The most :func:`parse_file` reads unless told otherwise (``max_size=``): 64 MiB, far above any
#: regulation (the whole 民法典 is under 1 MB of UTF-8), and a bound on what a wrong path (a
#: device, a log, a disk image) can cost.
MAX_FILE_SIZE = 64 * 1024 * 1024
#: How many leading bytes :func:`decode_source` looks at for a NUL byte (binary data), as git
#: and grep do.
BINARY_SNIFF = 8192

_UTF8_BOM = b"\xef\xbb\xbf"
# What stat() says a file is, for the message refusing anything but a regular file.
_KINDS = (
    ("S_ISDIR", "a directory"),
    ("S_ISFIFO", "a FIFO (named pipe)"),
    ("S_ISCHR", "a character device"),
    ("S_ISBLK", "a block device"),
    ("S_ISSOCK", "a socket"),
)


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    encoding: str = "utf-8",
    max_size: int = MAX_FILE_SIZE,
) -> Regulation:
    """Parse the regular file at *path*, in *encoding* (UTF-8 by default; a BOM is tolerated);
    see :func:`parse`.

    Only a regular file is read, and at most *max_size* bytes of it: a FIFO, a device or a
    directory is refused before anything is read (opening does not wait for a writer), and so
    is a file larger than *max_size*.  *path* is a path, never a file descriptor (an ``int``
    would be read and then closed), and ``"-"`` is a file called ``-``: to read standard input,
    read it yourself and call :func:`parse` (the ``wuxi-dt`` command does so for ``-``).

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "示例.md")
    ...     with open(path, "w", encoding="gb18030") as f:
    ...         _ = f.write("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n")
    ...     parse_file(path, encoding="gb18030").article(1).label
    '第一条'

    Args:
        path: the file's path (``str`` or :class:`os.PathLike`).
        strict: raise the first oddity as a :class:`ParseError` (see :func:`parse`).
        encoding: the file's encoding, any name ``codecs.lookup`` knows (``"gb18030"``
            reads GBK and GB2312 files too).
        max_size: the most bytes read; a larger file is refused.

    Raises:
        ParseError: the file is not text in *encoding* (the position of the first bad byte is
            given; for UTF-8 the message says when the file reads as GB18030 instead), or not a
            regulation.
        OSError: the file cannot be read, is not a regular file (``IsADirectoryError`` for a
            directory), or is larger than *max_size* bytes (errno ``EFBIG``).
        TypeError: *path* is not a path (a file descriptor, None …).
        LookupError: *encoding* is no encoding.
    """
    text = read_text(path, encoding=encoding, max_size=max_size)
    return parse(text, source=os.fsdecode(os.fspath(path)), strict=strict)


def read_text(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    max_size: int = MAX_FILE_SIZE,
    option: str = "encoding=",
) -> str:
    """The text of the regular file at *path*, read and decoded as :func:`parse_file` does
    (the same checks and errors); *option* as :func:`decode_source` takes it."""
    if not isinstance(path, (str, os.PathLike)):
        why = ": a file descriptor is not read (nor closed)" if type(path) is int else ""
        raise TypeError(
            f"parse_file reads a file by its path (str or os.PathLike), got "
            f"{type(path).__name__}{why}"
        )
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0:
        raise ValueError(f"max_size must be an int >= 0, got {max_size!r}")
    import codecs

    codecs.lookup(encoding)  # LookupError for no encoding, before any I/O
    source = os.fsdecode(os.fspath(path))
    data = read_regular(path, source, max_size)
    return decode_source(data, encoding=encoding, source=source, option=option)


def decode_source(
    data: bytes, *, encoding: str = "utf-8", source: str = "<bytes>", option: str = "encoding="
) -> str:
    """A source's bytes as text in *encoding* (for UTF-8 a BOM is tolerated), as
    :func:`parse_file` reads them; for bytes read elsewhere (standard input).

    Binary data (a NUL byte in the first ``BINARY_SNIFF`` bytes, where *encoding* writes no NUL
    for text) is refused as such, and its bytes are not echoed as the error's context.  *option*
    is how a message names the way to pass another encoding: ``"encoding="`` (a keyword
    argument, ``encoding='gb18030'``) or a command-line option such as ``"--encoding"``.

    Raises:
        ParseError: binary data, or the first byte that is not text in *encoding*, with its
            line and column (for UTF-8 the message says when the bytes read as GB18030 or
            start with a UTF-16 byte order mark instead).
        LookupError: *encoding* is no encoding.
    """
    import codecs

    codec = codecs.lookup(encoding).name
    if codec == "utf-8" and data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and "\0".encode(codec) == b"\0":  # NUL is no text in this encoding
        nul = data.find(b"\0", 0, BINARY_SNIFF)
        if nul >= 0:
            line, column, _ = _position(data, nul, codec)
            raise ParseError(
                f"expected {_name(codec, encoding)} text, found binary data (a NUL byte): "
                "not a Markdown regulation",
                line=line,
                column=column,
                source=source,
            )
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise _decode_error(data, err, codec, encoding, source, option) from None


def read_regular(path: str | os.PathLike[str], source: str, max_size: int) -> bytes:
    """The bytes of the regular file at *path*, refusing anything else (and more than
    *max_size* bytes) before reading it."""
    import errno
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO does not wait for a writer
    try:
        mode = os.fstat(fd)
        if not stat.S_ISREG(mode.st_mode):
            what = next((w for test, w in _KINDS if getattr(stat, test)(mode.st_mode)), None)
            message = (
                f"not a regular file but {what or 'a special file'}: "
                "parse_file reads regular files only"
            )
            if stat.S_ISDIR(mode.st_mode):
                raise IsADirectoryError(errno.EISDIR, message, source)
            raise OSError(errno.EINVAL, message, source)
        if mode.st_size > max_size:
            raise _too_large(mode.st_size, max_size, source)
        chunks = []
        size = 0
        while size <= max_size:  # the file may have grown since stat(): read no more
            chunk = os.read(fd, min(max_size + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_size:
            raise _too_large(size, max_size, source)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, max_size: int, source: str) -> OSError:
    import errno

    more = f"at least {size}" if size == max_size + 1 else str(size)
    return OSError(
        errno.EFBIG,
        f"file too large: {more} bytes, more than max_size={max_size} (pass a larger max_size "
        "to read it)",
        source,
    )


def _decode_error(
    data: bytes, err: UnicodeDecodeError, codec: str, encoding: str, source: str, option: str
) -> ParseError:
    """The first byte that is no text in *codec*, with its line and column."""
    found = data[err.start : max(err.end, err.start + 1)]
    shown = " ".join(f"0x{byte:02X}" for byte in found[:4])
    message = f"expected {_name(codec, encoding)} text, found the byte"
    message += f"{'s' if len(found) > 1 else ''} {shown}"
    if codec == "utf-8":
        message += _other_encoding(data, option)
    line, column, text = _position(data, err.start, codec)
    return ParseError(message, line=line, column=column, text=text, source=source)


def _name(codec: str, encoding: str) -> str:
    return "UTF-8" if codec == "utf-8" else encoding


def _position(data: bytes, offset: int, codec: str) -> tuple[int, int, str]:
    """The line, the column (in characters) and the line's text of the byte at *offset*."""
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode(codec, "replace")) + 1
    return line, column, data[start : end if end >= 0 else len(data)].decode(codec, "replace")


def _suggest(option: str, name: str) -> str:
    """How to pass encoding *name*: ``encoding='gb18030'`` or ``--encoding gb18030``."""
    return f"{option}{name!r}" if option.endswith("=") else f"{option} {name}"


def _other_encoding(data: bytes, option: str) -> str:
    """What to say when UTF-8 fails: GB18030 (and GBK, GB2312 in it) is the usual culprit; a
    UTF-16 byte order mark says what it is."""
    other = f"; pass {option}… if the file is in another encoding"
    if not option.endswith("="):
        other = f"; pass {option} ENC if the file is in another encoding"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f"; the file starts with a UTF-16 byte order mark: pass {_suggest(option, 'utf-16')}"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return other
    if any("\u4e00" <= ch <= "\u9fff" for ch in text[:4096]):
        return f"; the file reads as GB18030 (GBK) text: pass {_suggest(option, 'gb18030')}"
    return other
