"""``python -m wuxi_dt_regulation``: the ``wuxi-dt`` command line (:mod:`._cli`)."""

from __future__ import annotations

import sys

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
