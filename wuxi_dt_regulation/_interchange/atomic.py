"""Files replaced whole or not at all.

Every file the library or its command line writes goes through :func:`replacing`: the content
is written to a temporary file in the target's folder (so that the rename stays on one file
system), flushed to disk, given the permissions of the file it replaces (or what a new file
gets under the umask) and renamed over the target with :func:`os.replace`, which is atomic on
POSIX and Windows.  If anything fails on the way (a full disk, an encoding error, Ctrl-C), the
temporary file is removed and the target is untouched; an :class:`OSError` names the target.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["remove_temporaries", "replacing", "write_atomically"]

#: The temporary file beside ``name``: ``.name.`` + 8 random characters (mkstemp) + ``.tmp``.
_RANDOM = 8


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside *path*; when the block ends normally it replaces *path*.

    Raises:
        OSError: the folder cannot be written, or the temporary file not renamed; the error's
            ``filename`` is *path*.
    """
    import tempfile

    target = Path(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(target)) from err
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        if err.errno is not None and err.filename in (None, str(temporary)):
            raise OSError(err.errno, err.strerror, str(target)) from err
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Replace the file *path* with *data* (text is written as UTF-8, its line ends as they are).

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_atomically(target, "条例\\n")
    >>> target.read_text(encoding="utf-8")
    '条例\\n'
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path) as temporary:
        temporary.write_bytes(payload)


def remove_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files :func:`replacing` left beside *path* when a process writing it
    was killed (a worker process stopped on Ctrl-C cannot always clean up after itself); return
    what was removed.  Only names of the form :func:`replacing` makes are touched."""
    target = Path(path)
    prefix, suffix = f".{target.name}.", ".tmp"
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if (
            name.startswith(prefix)
            and name.endswith(suffix)
            and len(name) == len(prefix) + _RANDOM + len(suffix)
        ):
            leftover = target.parent / name
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _mode(target: Path) -> int:
    """The permissions of the file replaced, or what a new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
