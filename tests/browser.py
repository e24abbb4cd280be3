"""Headless Chromium for the tests of the pages the library writes (the 对照表 of a diff, the
HTML page of a regulation): the flags, the DOM after scripts ran with what the console said,
a screenshot, and a PNG decoder with the standard library to look at it.

The browser tests are skipped only where Chromium is absent (``.ci/run`` installs Debian's
package, and fonts-noto-cjk so that Chinese renders as text).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

__all__ = ["CHROMIUM", "dump_dom", "needs_chromium", "png_pixels", "screenshot"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: Mark a test that drives the browser.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"
)


def _flags(profile: Path) -> list[str]:
    return [
        CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
    ]  # fmt: skip


def dump_dom(page: Path, profile: Path, *, budget_ms: int = 0) -> tuple[str, list[str]]:
    """Load *page* and return the DOM as serialized after its scripts ran, and the lines of
    the browser's log that report console messages or uncaught errors.

    *budget_ms* lets that much virtual time pass first (for promises and timers).
    """
    extra = [f"--virtual-time-budget={budget_ms}"] if budget_ms else []
    done = subprocess.run(
        [*_flags(profile), *extra, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    return done.stdout, console


def screenshot(page: Path, shot: Path, profile: Path, size: tuple[int, int]) -> None:
    """Write a PNG of *page* in a window of *size* to *shot*."""
    subprocess.run(
        [*_flags(profile), f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
         page.as_uri()],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB or RGBA PNG with the standard library: width, height, pixel rows
    (RGB, three bytes a pixel)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = 0
    channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if method == 1:
                line[x] = (line[x] + a) & 255
            elif method == 2:
                line[x] = (line[x] + b) & 255
            elif method == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif method == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(
            bytes(line) if channels == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3)
        )
        prev = line
    return width, height, rows
