"""The bundled regulation: its source as shipped (:func:`seed_text`) and parsed (:func:`load`)."""

from __future__ import annotations

import _thread
import os

from .._model.regulation import Regulation

__all__ = ["SEED_NAME", "load", "seed_text"]

#: The bundled source's file name inside the package's ``data`` folder (Markdown, UTF-8, the
#: seed's dialect), byte-identical to the text the library was built from.
SEED_NAME = "wuxi_digital_transformation_regulation.md"

_lock = _thread.allocate_lock()  # threading itself is not needed for one lock
_loaded: list[Regulation] = []


def seed_text() -> str:
    """The bundled source of 《无锡市数字化转型促进条例》, exactly as shipped (Markdown, UTF-8).

    >>> seed_text().splitlines()[0]
    '# 无锡市数字化转型促进条例'
    """
    # A plain open() beside the package: importlib.resources costs milliseconds at a cold start.
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", SEED_NAME)
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    from importlib.resources import files  # pragma: no cover - zipped installs

    package = __name__.partition(".")[0]
    return files(package).joinpath("data").joinpath(SEED_NAME).read_text(encoding="utf-8")


def load() -> Regulation:
    """Return the bundled 《无锡市数字化转型促进条例》, parsed once and cached (thread-safe).

    >>> load() is load()
    True
    """
    if _loaded:
        return _loaded[0]
    with _lock:
        if not _loaded:
            from .parser import parse  # on first use: importing the package reads no text

            _loaded.append(parse(seed_text(), source=SEED_NAME, strict=True))
    return _loaded[0]
