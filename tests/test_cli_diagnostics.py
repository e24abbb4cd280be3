"""Diagnostics as the command line prints them (issue 11 item 6): one format with or without
``--strict``, binary data named and never echoed, control characters never sent to the
terminal, encoding hints that name the option the user can type."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main
from wuxi_dt_regulation._markdown.files import BINARY_SNIFF, decode_source
from wuxi_dt_regulation._model.errors import diagnostic, excerpt

CORPUS = sorted((Path(__file__).parent / "corpus").rglob("*.md"))
GAP = "# 例\n\n第一条 甲。\n\n第三条 乙。\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_warning_and_the_same_oddity_under_strict_read_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gap.md"
    path.write_text(GAP, encoding="utf-8")
    assert _run(capsys, "show", "--file", str(path), "1") == (
        0,
        "第一条\n甲。\n",
        f"{path}:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n",
    )
    assert _run(capsys, "show", "--strict", "--file", str(path), "1") == (
        1,
        "",
        f"{path}:5:1: error: expected 第二条, found 第三条 [skipped-number]\n    第三条 乙。\n    ^\n",
    )


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_strict_prints_the_first_warning_as_an_error(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over the real texts: ``--strict`` fails exactly when warnings are printed, and its first
    line is the warning line of the first oddity by position, with ``error`` for ``warning``."""
    regulation = wdr.parse_file(path)
    code, _, lenient = _run(capsys, "show", "--file", str(path))
    assert code == 0
    strict_code, out, strict = _run(capsys, "show", "--strict", "--file", str(path))
    if not regulation.warnings:
        assert (lenient, strict_code, strict) == ("", 0, "")
        return
    assert (strict_code, out) == (1, "")
    lines = lenient.splitlines()
    assert len(lines) == len(regulation.warnings)
    first = min(regulation.warnings, key=lambda w: (w.line, w.column))
    expected = f"{path}:{first.line}:{first.column}: warning: {first.message} [{first.code}]"
    assert expected in lines
    assert strict.splitlines()[0] == expected.replace(": warning: ", ": error: ", 1)


def test_a_binary_file_is_named_as_such_and_not_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x1b[2J")
    assert _run(capsys, "show", "--file", str(path)) == (
        1,
        "",
        f"{path}:3:1: error: expected UTF-8 text, found binary data (a NUL byte): not a "
        "Markdown regulation\n",
    )
    # the library says the same, with no line to echo
    with pytest.raises(wdr.ParseError) as info:
        wdr.parse_file(path)
    assert (info.value.line, info.value.column, info.value.text) == (3, 1, "")


def test_a_nul_beyond_the_sniffed_bytes_is_the_parsers_to_find(tmp_path: Path) -> None:
    text = "# 例\n\n第一条 " + "甲" * BINARY_SNIFF + "\x00。\n"
    path = tmp_path / "late.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(wdr.ParseError) as info:
        wdr.parse_file(path)
    assert (info.value.line, info.value.column) == (3, 5 + BINARY_SNIFF)
    assert "\x00" not in str(info.value)  # the context shows U+FFFD in its place


@given(
    st.binary(max_size=200),
    st.binary(max_size=200).filter(lambda b: b"\x00" not in b),
)
def test_decode_source_refuses_binary_at_the_first_nul(after: bytes, before: bytes) -> None:
    data = before + b"\x00" + after
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return  # a byte order mark: another rule (tested below)
    with pytest.raises(wdr.ParseError) as info:
        decode_source(data, source="x")
    err = info.value
    start = before.rfind(b"\n") + 1
    assert err.message.startswith("expected UTF-8 text, found binary data")
    assert (err.line, err.column, err.text) == (
        before.count(b"\n") + 1,
        len(before[start:].decode("utf-8", "replace")) + 1,
        "",
    )


def test_utf16_is_recognised_by_its_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u16.md"
    path.write_bytes(GAP.encode("utf-16"))
    with pytest.raises(wdr.ParseError) as info:
        wdr.parse_file(path)
    assert info.value.message == (
        "expected UTF-8 text, found the byte 0xFF; the file starts with a UTF-16 byte order "
        "mark: pass encoding='utf-16'"
    )
    code, _, err = _run(capsys, "show", "--file", str(path))
    assert code == 1
    assert err.splitlines()[0].endswith("pass --encoding utf-16")
    assert wdr.parse_file(path, encoding="utf-16") == wdr.parse(GAP, source=str(path))


def test_the_library_names_its_keyword_and_the_command_its_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.md"
    path.write_bytes(GAP.encode("gb18030"))
    with pytest.raises(wdr.ParseError) as info:
        wdr.parse_file(path)
    assert info.value.message.endswith("pass encoding='gb18030'")
    code, _, err = _run(capsys, "cite", "--file", str(path), "1")
    assert code == 1 and err.splitlines()[0].endswith("pass --encoding gb18030")
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"# \xe9t\xe9\n")
    code, _, err = _run(capsys, "show", "--file", str(latin))
    assert err.splitlines()[0] == (
        f"{latin}:1:3: error: expected UTF-8 text, found the byte 0xE9; pass --encoding ENC if "
        "the file is in another encoding"
    )


@given(st.text(max_size=80), st.integers(min_value=1, max_value=90))
def test_an_excerpt_never_sends_a_control_character(text: str, column: int) -> None:
    shown, caret = excerpt(text, column)
    assert all(ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in shown)
    assert set(caret) <= {" ", "^"} and caret.endswith("^")


def test_diagnostic_format() -> None:
    assert diagnostic("a.md", 3, 7, "甲", severity="warning") == "a.md:3:7: warning: 甲"
    assert diagnostic("a.md", 3, 2, "甲", "x\x1by") == "a.md:3:2: 甲\n    x\ufffdy\n     ^"


def test_a_path_given_as_the_reference_hints_at_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "law"
    path.write_text(GAP, encoding="utf-8")
    code, _, err = _run(capsys, "show", str(path))
    assert code == 1
    assert err.splitlines()[0] == (
        "wuxi-dt: error: column 1: expected a citation such as 第三十五条, or an article's number "
        f"such as 35 (to read the file {path}, pass --file {path})"
    )
    code, _, err = _run(capsys, "cite", "missing.md")
    assert "(to read the file missing.md, pass --file missing.md)" in err
    code, _, err = _run(capsys, "show", "abc")
    assert "pass --file" not in err


def test_amend_reads_standard_input_and_other_encodings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    base = tmp_path / "base.md"
    base.write_bytes("# 例\n\n第一条 甲。\n\n第二条 乙。\n".encode("gb18030"))
    decision = "# 关于修改《例》的决定\n\n一、删去第二条。\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(decision.encode("gb18030"))))
    code, out, err = _run(capsys, "amend", "-", "--file", str(base), "--encoding", "gb18030")
    assert (code, err) == (0, "")
    amended = wdr.parse_amendment(decision).apply(wdr.parse_file(base, encoding="gb18030"))
    assert out == wdr.render(amended) and amended.article(2).text == "（删去）"
    assert _run(capsys, "amend", "-", "--file", "-") == (
        2,
        "",
        "wuxi-dt: error: DECISION and --file cannot both be standard input\n",
    )


def test_import_is_bounded_like_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text(wdr.to_json(wdr.parse(GAP)), encoding="utf-8")
    monkeypatch.setattr("wuxi_dt_regulation._markdown.files.MAX_FILE_SIZE", 10)
    code, _, err = _run(capsys, "import", str(path))
    assert code == 1 and err.startswith(f"{path}: error: file too large")
