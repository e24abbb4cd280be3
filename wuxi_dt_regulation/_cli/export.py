"""``wuxi-dt export`` and ``wuxi-dt import``: the model out to JSON, Akoma Ntoso, Markdown, an
HTML page, an SQLite database or JSON Lines, and back.

Output is UTF-8 bytes whatever the locale, and every file is replaced atomically (whole or not
at all).  Several inputs are written into a folder, one file each, with a progress bar on
stderr when stderr is a terminal; the collection formats (SQLite, JSON Lines) write every input
into one output instead.  A file that fails to read is reported and the others are still
written (exit status 1).  ``-j N`` reads them on N processes (:mod:`.batch`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._model.errors import SerializationError, diagnostic
from .._model.regulation import Regulation
from .batch import Job, Outcome, jobs_count, run_jobs, write_format
from .inputs import add_file_option, load_regulation, read_bytes

#: Output formats, with the suffix of the files written for each.
FORMATS = {"json": ".json", "akn": ".xml", "markdown": ".md", "html": ".html",
           "sqlite": ".db", "jsonl": ".jsonl"}  # fmt: skip
#: The formats that write every input into one output (a database, a stream of records).
COLLECTED = ("sqlite", "jsonl")


def register(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help="write a regulation as JSON, Akoma Ntoso, Markdown, HTML, SQLite or JSON Lines",
        description="Write the bundled regulation, --file PATH, or each INPUT as JSON, Akoma "
        "Ntoso 3.0 XML, canonical Markdown or a linked HTML page (with several inputs, -o names "
        "a folder), or write them all into one SQLite database with full-text search (-o "
        "names the file) or one stream of JSON Lines records.",
    )
    export.add_argument("inputs", nargs="*", metavar="INPUT", help="Markdown regulations to export")
    export.add_argument("--format", choices=sorted(FORMATS), default="json", help="output format")
    export.add_argument(
        "-o", "--output", metavar="OUT", help="output file, or folder for several inputs"
    )
    export.add_argument(
        "--unit",
        choices=("paragraph", "article"),
        help="jsonl only: one record per 款 (paragraph, the default) or per 条 (article)",
    )
    export.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        default=1,
        help="read and write N files at once, on N processes (0: one per core)",
    )
    add_file_option(export)
    export.set_defaults(run=run_export)

    back = sub.add_parser(
        "import",
        help="read a JSON or Akoma Ntoso document back to Markdown",
        description="Read FILE (JSON or Akoma Ntoso XML, told apart by content; - for stdin) and "
        "write the regulation as canonical Markdown.",
    )
    back.add_argument("source", metavar="FILE", help="a .json or Akoma Ntoso .xml file, or -")
    back.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    back.set_defaults(run=run_import)


def write_text(text: str, output: str | None) -> None:
    """Write *text* as UTF-8 to the file *output* (replaced atomically: whole or not at all),
    or to stdout's bytes when there is none."""
    if output:
        from .._interchange.atomic import write_atomically

        write_atomically(output, text)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, IDEs): nothing to encode for
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


class _Progress:
    """A one-line bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        isatty = getattr(sys.stderr, "isatty", None)
        self.enabled = bool(isatty and isatty()) and total > 1

    def show(self, done: int, name: str) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // self.total
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{self.total} {name[:40]:<40}")
        sys.stderr.flush()

    def clear(self) -> None:
        """Wipe the bar so that a message can be printed; the next :meth:`show` redraws it."""
        if self.enabled:
            sys.stderr.write("\r\x1b[K")

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _is_folder(output: str | None) -> bool:
    return bool(output and (output.endswith(("/", "\\")) or Path(output).is_dir()))


def run_export(args: argparse.Namespace) -> int:
    inputs: list[str] = args.inputs
    if inputs and args.file:
        print("wuxi-dt export: give INPUT files or --file, not both", file=sys.stderr)
        return 2
    if args.unit is not None and args.format != "jsonl":
        print("wuxi-dt export: --unit applies to --format jsonl only", file=sys.stderr)
        return 2
    if args.jobs < 0:
        print("wuxi-dt export: -j takes a number of processes (0: every core)", file=sys.stderr)
        return 2
    if args.format in COLLECTED:
        return _export_collection(args)
    output: str | None = args.output
    folder = len(inputs) > 1 or _is_folder(output)
    if folder and not inputs:
        print(
            f"wuxi-dt export: -o {output} is a folder, which takes INPUT files; "
            "give a file name to write one regulation",
            file=sys.stderr,
        )
        return 2
    if not folder:
        if inputs:
            args.file = inputs[0]
        write_text(write_format(args.format, load_regulation(args)), output)
        return 0
    if not output:
        print("wuxi-dt export: several inputs need -o OUTDIR", file=sys.stderr)
        return 2
    return _export_many(inputs, Path(output), args)


def _report(outcomes: Iterator[Outcome], names: list[str]) -> Iterator[Outcome]:
    """Print each outcome's messages under the progress bar as it arrives, and pass it on."""
    progress = _Progress(len(names))
    progress.show(0, names[0] if names else "")
    for done, (name, outcome) in enumerate(zip(names, outcomes, strict=True), 1):
        if outcome.messages:
            progress.clear()
            for line in outcome.messages:
                print(line, file=sys.stderr)
        progress.show(done, name)
        yield outcome
    progress.close()


def _export_many(inputs: list[str], folder: Path, args: argparse.Namespace) -> int:
    targets: dict[Path, str] = {}
    for name in inputs:
        target = folder / (Path(name).stem + FORMATS[args.format])
        if target in targets:
            print(
                f"wuxi-dt export: {targets[target]} and {name} would both be written to {target}",
                file=sys.stderr,
            )
            return 2
        targets[target] = name
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [
        Job(name, args.strict, args.quiet, args.format, str(target), args.encoding)
        for target, name in targets.items()
    ]
    outcomes = run_jobs(jobs, jobs_count(args.jobs))
    return max((o.status for o in _report(outcomes, list(targets.values()))), default=0)


def _export_collection(args: argparse.Namespace) -> int:
    """SQLite and JSON Lines: every input into one database or one stream of records."""
    output: str | None = args.output
    if _is_folder(output):
        print(f"wuxi-dt export: --format {args.format} writes one file; -o {output} is a "
              "folder", file=sys.stderr)  # fmt: skip
        return 2
    if args.format == "sqlite" and not output:
        print("wuxi-dt export: --format sqlite writes a database file: give -o PATH",
              file=sys.stderr)  # fmt: skip
        return 2
    status = 0
    regulations: Regulation | dict[str, Regulation]
    if not args.inputs:
        regulations = load_regulation(args)
        if args.file:
            regulations = {args.file: regulations}
    else:
        regulations = {}
        jobs = [Job(name, args.strict, args.quiet, encoding=args.encoding) for name in args.inputs]
        for job, outcome in zip(
            jobs, _report(run_jobs(jobs, jobs_count(args.jobs)), args.inputs), strict=True
        ):
            status = max(status, outcome.status)
            if outcome.regulation is not None:
                regulations[job.source] = outcome.regulation
        if not regulations:
            return 1
    if args.format == "jsonl":
        from .._interchange.jsonl import to_jsonl

        write_text(to_jsonl(regulations, unit=args.unit or "paragraph"), output)
        return status
    from .._interchange.sqlite_index import to_sqlite

    assert output is not None
    try:
        to_sqlite(regulations, output)
    except RuntimeError as err:  # this Python's SQLite has no FTS5 trigram tokenizer
        print(f"wuxi-dt: error: {err}", file=sys.stderr)
        return 1
    return status


def read_document(data: bytes, source: str) -> Regulation:
    """Read JSON or Akoma Ntoso *data*, told apart by its first character."""
    from .._interchange.akn_read import from_akn
    from .._interchange.serialize import from_json

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return from_json(data, Regulation)
    if head == b"<":
        return from_akn(data)
    raise SerializationError(
        "expected JSON (starting with {) or Akoma Ntoso XML (starting with <), found neither",
        path="$",
    )


def run_import(args: argparse.Namespace) -> int:
    from .._markdown.render import render

    source: str = args.source
    data = read_bytes(source)
    try:
        regulation = read_document(data, source)
    except SerializationError as err:
        if err.line is not None:
            column = err.column or 1
            print(
                diagnostic(source, err.line, column, err.message, severity="error"), file=sys.stderr
            )
        else:
            print(f"{source}: error: {err}", file=sys.stderr)
        return 1
    write_text(render(regulation), args.output)
    return 0
