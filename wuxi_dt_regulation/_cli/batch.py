"""Many input files read (and converted) one by one or on several cores (``-j N``).

A batch is a list of :class:`Job`: an input file and, for the formats written one file per
input, the file to write.  :func:`run_jobs` runs them in this process or in a pool of worker
processes and yields each :class:`Outcome` in the order of the jobs, whatever order they finish
in, so that messages and collected results do not depend on scheduling.  A job whose input
fails to read is an outcome with status 1 and its message; the others go on.

Workers ignore Ctrl-C (the terminal sends it to the whole process group): the parent stops the
pool and reports the interruption once.  Every file a worker writes is replaced atomically
(:mod:`.._interchange.atomic`), so a file is either written whole or left as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

import attrs

from .._model.errors import ParseError, SerializationError
from .._model.regulation import Regulation
from .inputs import OPTION, error_text, warning_lines

__all__ = ["Job", "Outcome", "jobs_count", "run_job", "run_jobs", "write_format"]


@attrs.frozen
class Job:
    """One input: the file to read, how strictly, and what to do with it.

    Attributes:
        source: the Markdown file.
        strict: parse oddities as errors.
        quiet: no warning lines in the outcome.
        fmt: the format to write into *target* (``json``, ``akn``, ``markdown``, ``html``), or
            ``None`` to return the regulation itself (for the collection formats).
        target: the file to write.
        encoding: the input's encoding.
    """

    source: str
    strict: bool = False
    quiet: bool = False
    fmt: str | None = None
    target: str | None = None
    encoding: str = "utf-8"


@attrs.frozen
class Outcome:
    """What one job gave: its exit status, the lines for stderr, and the regulation when asked."""

    status: int
    messages: tuple[str, ...]
    regulation: Regulation | None = None


def write_format(fmt: str, regulation: Regulation) -> str:
    """*regulation* written in the one-file format *fmt* (json, akn, html or markdown)."""
    if fmt == "json":
        from .._interchange.serialize import to_json

        return to_json(regulation)
    if fmt == "akn":
        from .._interchange.akn_write import to_akn

        return to_akn(regulation)
    if fmt == "html":
        from .._interchange.html_page import to_html

        return to_html(regulation)
    from .._markdown.render import render

    return render(regulation)


def run_job(job: Job) -> Outcome:
    """Read (and write) one job's file; failures become the outcome's status and message."""
    from .._interchange.atomic import write_atomically
    from .._markdown.files import read_text
    from .._markdown.parser import parse

    try:
        text = read_text(job.source, encoding=job.encoding, option=OPTION)
        regulation = parse(text, source=job.source, strict=job.strict)
    except ParseError as err:
        return Outcome(1, (error_text(err),))
    except OSError as err:
        return Outcome(1, (f"{job.source}: error: {err.strerror or err}",))
    warnings = () if job.quiet else warning_lines(job.source, regulation.warnings)
    if job.fmt is None or job.target is None:
        return Outcome(0, warnings, regulation)
    try:
        write_atomically(job.target, write_format(job.fmt, regulation))
    except SerializationError as err:
        return Outcome(1, (*warnings, f"{job.source}: error: {err}"))
    except OSError as err:
        where = err.filename if err.filename is not None else job.target
        return Outcome(1, (*warnings, f"{where}: error: {err.strerror or err}"))
    return Outcome(0, warnings)


def jobs_count(requested: int | None) -> int:
    """The number of worker processes for ``-j N``: *N*, or every core for 0."""
    if not requested:
        return 1 if requested is None else (os.cpu_count() or 1)
    return requested


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds the job: a file being written is removed


def _worker_signals() -> None:
    """Ctrl-C is the parent's to handle; a terminated worker cleans up as it stops."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit)


def run_jobs(jobs: Sequence[Job], workers: int = 1) -> Iterator[Outcome]:
    """Each job's outcome, in the order of *jobs*; on *workers* processes when more than one."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job)
        return
    import multiprocessing

    chunk = max(1, len(jobs) // (workers * 4))
    pool = multiprocessing.Pool(min(workers, len(jobs)), initializer=_worker_signals)
    try:
        yield from pool.imap(run_job, jobs, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        pool.join()
        _clean_up(jobs)  # a worker killed between creating its temporary file and removing it
        raise
    pool.join()


def _clean_up(jobs: Sequence[Job]) -> None:
    from .._interchange.atomic import remove_temporaries

    for job in jobs:
        if job.target is not None:
            remove_temporaries(job.target)
