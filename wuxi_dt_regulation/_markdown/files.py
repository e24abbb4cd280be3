"""Reading a source file: bytes to text, with errors that say where a bad byte stands."""

from __future__ import annotations

import os

from .._model.errors import ParseError
from .._model.regulation import Regulation
from .parser import parse

__all__ = ["parse_file"]


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Regulation:
    """Parse the UTF-8 file at *path* (a BOM is tolerated); see :func:`parse`.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "示例.md")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("# 示例条例\\n\\n第一条 为了示例，制定本条例。\\n")
    ...     parse_file(path).article(1).label
    '第一条'

    Raises:
        ParseError: the file is not UTF-8 (the position of the first bad byte is given), or not
            a regulation.
        OSError: the file cannot be read.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    source = os.fspath(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        start = before.rfind(b"\n") + 1
        end = data.find(b"\n", err.start)
        raise ParseError(
            f"expected UTF-8 text, found the byte 0x{data[err.start]:02X}",
            line=before.count(b"\n") + 1,
            column=len(data[start : err.start].decode("utf-8", "replace")) + 1,
            text=data[start : end if end >= 0 else len(data)].decode("utf-8", "replace"),
            source=source,
        ) from None
    return parse(text, source=source, strict=strict)
