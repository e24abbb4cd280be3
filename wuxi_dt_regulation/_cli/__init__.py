"""The ``wuxi-dt`` command line (also ``python -m wuxi_dt_regulation``).

Each command lives in a module of its own here (``show``, ``cite``, ``export``, ``diff``,
``amend``) with a ``register(subparsers)`` function; :data:`COMMAND_MODULES` lists them.  A new command is a new
module with ``register`` and an entry in that list; ``batch`` runs many input files, on
several processes with ``-j``.  May import anything of the package below
it (never the package's ``__init__``).  ``main(argv)`` returns the exit status: 0 on
success, 1 when the input is bad or what was asked for does not exist (the message goes to
stderr as ``file:line:col: message``; also when ``refs --dangling`` or ``refs --stale`` finds
what it looks for, so that either can gate a CI job), 2 for a usage error, 130 when
interrupted (Ctrl-C: one line on stderr, no traceback; a file being written is left as it was).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from .._model.errors import ParseError, RegulationError
from .._version import __version__

__all__ = ["COMMAND_MODULES", "HelpFormatter", "build_parser", "main"]

COMMAND_MODULES = ("show", "cite", "export", "diff", "amend")


def _utf8(stream: object) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="strict")


class HelpFormatter(argparse.HelpFormatter):
    """Every option's help ends with its default, when it has one worth saying."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            "%(default)" not in text
            and action.option_strings
            and default not in (None, False, argparse.SUPPRESS)
        ):
            text += " (default: %(default)s)"
        return text


class _CommandParser(argparse.ArgumentParser):
    """A command's parser: its help says the defaults too."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(**kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="wuxi-dt",
        description="《无锡市数字化转型促进条例》 and other Chinese regulations in Markdown.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=_CommandParser,
    )
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``) and return the exit status."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("wuxi-dt: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (``wuxi-dt export | head``): stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except ParseError as err:
        from .inputs import error_text

        print(error_text(err), file=sys.stderr)
        return 1
    except OSError as err:
        # file: message, as a compiler says it (no line: the file itself could not be read)
        where = err.filename if err.filename is not None else "wuxi-dt"
        print(f"{where}: error: {err.strerror or err}", file=sys.stderr)
        return 1
    except (RegulationError, ValueError) as err:
        print(f"wuxi-dt: error: {err}", file=sys.stderr)
        return 1
