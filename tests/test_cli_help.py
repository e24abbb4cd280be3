"""Every command's ``--help``, word for word (issue 14: the options' names, metavars, choices,
defaults and help texts are what users read; mutants of the parsers change them).

The pages are in ``tests/golden/help/``.  They are compared with white space collapsed (so
that the terminal's width does not matter) and with argparse's two ways of writing an option
that takes a value (``-o OUT, --output OUT`` before Python 3.13, ``-o, --output OUT`` since)
brought to one.  After changing a command's options on purpose, rewrite them with
``WUXI_DT_WRITE_GOLDEN=1 python -m pytest tests/test_cli_help.py`` and read the diff.
"""

from __future__ import annotations

import io
import os
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from wuxi_dt_regulation.__main__ import main

GOLDEN = Path(__file__).parent / "golden" / "help"
COMMANDS = ["", "show", "cite", "search", "refs", "export", "import", "diff", "amend"]

#: ``-o OUT, --output OUT`` (argparse before 3.13) as ``-o, --output OUT`` (since)
_REPEATED = re.compile(r"(?<!\S)(-\w) (\S+), (--[\w-]+) \2(?!\S)")


def _normal(text: str) -> str:
    text = " ".join(text.split())
    return _REPEATED.sub(r"\1, \3 \2", text).replace("optional arguments:", "options:")


def _help(command: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main([*([command] if command else []), "--help"]) == 0
    return out.getvalue()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "wuxi-dt")
def test_help_says_what_it_said(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    page = GOLDEN / f"{command or 'wuxi-dt'}.txt"
    text = _help(command)
    if os.environ.get("WUXI_DT_WRITE_GOLDEN"):
        page.write_text(text, encoding="utf-8")
    assert _normal(text) == _normal(page.read_text(encoding="utf-8"))


def test_the_normal_form_brings_both_option_styles_together() -> None:
    assert _normal("  -o OUT, --output OUT  where") == _normal("-o, --output OUT where")
    assert _normal("-j N, --jobs N") == "-j, --jobs N"
    assert _normal("-q, --quiet  be quiet") == "-q, --quiet be quiet"
