"""The bundled regulation: its source as shipped (:func:`seed_text`) and parsed (:func:`load`).

:func:`load` reads the seed's prebuilt form (``data/…marshal``, :mod:`.._model.packed`: the
values a strict parse of the seed gives, hidden fields included) rather than parsing it at every
cold start, once it has checked that the form was made from the shipped source, byte for byte,
and for the model's classes as they are; otherwise (a missing or stale form) it parses the
source.  tests/test_packed.py holds the shipped form to a fresh strict parse.
"""

from __future__ import annotations

import _thread
import os

from .._model.regulation import Regulation

__all__ = ["SEED_NAME", "SEED_PACK", "load", "pack_path", "seed_text"]

#: The bundled source's file name inside the package's ``data`` folder (Markdown, UTF-8, the
#: seed's dialect), byte-identical to the text the library was built from.
SEED_NAME = "wuxi_digital_transformation_regulation.md"
#: The seed's prebuilt form beside it (:mod:`marshal`; written by ``scripts/pack_seed.py``).
SEED_PACK = "wuxi_digital_transformation_regulation.marshal"

_lock = _thread.allocate_lock()  # threading itself is not needed for one lock
_loaded: list[Regulation] = []


def _data_path(name: str) -> str:
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", name)


def pack_path() -> str:
    """Where the seed's prebuilt form lives (for ``scripts/pack_seed.py`` and the tests)."""
    return _data_path(SEED_PACK)


def seed_text() -> str:
    """The bundled source of 《无锡市数字化转型促进条例》, exactly as shipped (Markdown, UTF-8).

    >>> seed_text().splitlines()[0]
    '# 无锡市数字化转型促进条例'
    """
    # A plain open() beside the package: importlib.resources costs milliseconds at a cold start.
    path = _data_path(SEED_NAME)
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    from importlib.resources import files  # pragma: no cover - zipped installs

    package = __name__.partition(".")[0]
    return files(package).joinpath("data").joinpath(SEED_NAME).read_text(encoding="utf-8")


def _prebuilt(text: str) -> Regulation | None:
    """The seed read from its prebuilt form, or None (no form, or one not made from *text*)."""
    import marshal  # built into the interpreter: nothing to load

    from .._model.packed import unpack

    try:
        with open(pack_path(), "rb") as handle:
            packed = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):  # missing (a zipped install), unreadable
        return None
    return unpack(packed, text)


def load() -> Regulation:
    """Return the bundled 《无锡市数字化转型促进条例》, parsed once and cached (thread-safe).

    The values are those of ``parse(seed_text(), strict=True)``, read from a prebuilt form of
    them when it was made from the shipped text (see the module's docstring).

    >>> load() is load()
    True
    """
    if _loaded:
        return _loaded[0]
    with _lock:
        if not _loaded:
            text = seed_text()
            reg = _prebuilt(text)
            if reg is None:
                from .parser import parse  # on first use: importing the package reads no text

                reg = parse(text, source=SEED_NAME, strict=True)
            _loaded.append(reg)
    return _loaded[0]
