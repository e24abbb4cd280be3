"""Write the bundled seed's prebuilt form: ``python scripts/pack_seed.py``.

``load()`` reads ``wuxi_dt_regulation/data/wuxi_digital_transformation_regulation.marshal``
(the seed parsed strictly, written by :func:`wuxi_dt_regulation._model.packed.pack` through
:mod:`marshal`) instead of parsing the Markdown at every cold start; it falls back to parsing
when the form is missing or was made from another text or for other model classes.  Run this
after any change to the parser or the model that changes the seed's values:
tests/test_packed.py fails until the shipped form equals a fresh parse again.
"""

from __future__ import annotations

import marshal
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wuxi_dt_regulation._markdown.bundled import SEED_NAME, SEED_PACK, pack_path, seed_text
from wuxi_dt_regulation._markdown.parser import parse
from wuxi_dt_regulation._model.packed import pack


def main() -> int:
    text = seed_text()
    data = marshal.dumps(pack(parse(text, source=SEED_NAME, strict=True), text))
    with open(pack_path(), "wb") as handle:
        handle.write(data)
    print(f"wrote {SEED_PACK}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
