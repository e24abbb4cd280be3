"""Tests written for mutants of ``_cli`` that the suite left alive (issue 14, docs/mutation.md).

Each pins a command's exact output where the suite checked only part of it: what ``refs``
prints for ranges, dangling and ambiguous references; ``cite`` over several units; ``search``
with ``--context``; ``import`` of what is neither JSON nor XML; the bound on standard input;
which references ``show`` takes for a file name.
"""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main
from wuxi_dt_regulation._cli.inputs import read_bytes, read_stdin

#: 第一条 cites a range, a list and a missing article; 第二条 has two 款 holding a 第一项, so
#: 第三条's 第二条第一项 is ambiguous; 本章 in a text without chapters cannot be checked.
REFS = (
    "# 例条例\n\n第一条 依照第二条至第三条、第二条和第九条。\n\n"
    "第二条 有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n\n丙：\n\n（一）丁。\n\n"
    "第三条 违反第二条第一项的，依照本章规定。\n"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def refs_file(tmp_path: Path) -> str:
    path = tmp_path / "refs.md"
    path.write_text(REFS, encoding="utf-8")
    return str(path)


# ----------------------------------------------------------------------------- refs


def test_refs_prints_ranges_lists_missing_and_ambiguous_targets(
    capsys: pytest.CaptureFixture[str], refs_file: str
) -> None:
    assert _run(capsys, "refs", "--file", refs_file) == (
        0,
        "第一条第一款\t第二条至第三条、第二条和第九条\tabsolute\t-> 第二条至第三条、第二条、第九条"
        "\tDANGLING (第九条)\n"
        "第三条第一款\t第二条第一项\tabsolute\t-> 第二条第一项\tAMBIGUOUS (第二条第一项)\n"
        "第三条第一款\t本章\trelative\t-> -\n",
        "3 references, 1 dangling\n",
    )


def test_refs_says_unresolved_when_a_dangling_reference_names_no_unit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "b.md"
    path.write_text("# 例条例\n\n第一条 前款规定的，依照第一条第三款。\n", encoding="utf-8")
    assert _run(capsys, "refs", "--dangling", "--file", str(path)) == (
        1,
        "第一条第一款\t前款\trelative\t-> -\tDANGLING (unresolved)\n"
        "第一条第一款\t第一条第三款\tabsolute\t-> 第一条第三款\tDANGLING (第一条第三款)\n",
        "2 references, 2 dangling\n",
    )


def test_refs_lists_two_ambiguous_targets_with_the_list_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "c.md"
    path.write_text(
        "# 例条例\n\n第一条 甲：\n\n（一）乙；\n\n（二）丙。\n\n丁：\n\n（一）戊；\n\n（二）己。\n\n"
        "第二条 违反第一条第一项、第二项的。\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "refs", "--file", str(path))
    assert (code, out) == (
        0,
        "第二条第一款\t第一条第一项、第二项\tabsolute\t-> 第一条第一项、第一条第二项"
        "\tAMBIGUOUS (第一条第一项、第一条第二项)\n",
    )


# ----------------------------------------------------------------------------- cite, search


def test_cite_of_several_units_labels_each_and_leaves_a_line_between(
    capsys: pytest.CaptureFixture[str], refs_file: str
) -> None:
    assert _run(capsys, "cite", "第一条至第二条", "--file", refs_file) == (
        0,
        "第一条至第二条\n\n第一条\n依照第二条至第三条、第二条和第九条。\n\n"
        "第二条\n有下列情形之一的：\n（一）甲；\n（二）乙。\n丙：\n（一）丁。\n",
        "",
    )


def test_cite_of_one_unit_prints_no_label(
    capsys: pytest.CaptureFixture[str], refs_file: str
) -> None:
    assert _run(capsys, "cite", "第三条", "--file", refs_file) == (
        0,
        "第三条\n违反第二条第一项的，依照本章规定。\n",
        "",
    )


def test_cite_names_the_reference_it_could_not_read(
    capsys: pytest.CaptureFixture[str], refs_file: str
) -> None:
    code, out, err = _run(capsys, "cite", "第九条", "--file", refs_file)
    assert (code, out) == (1, "")
    assert err.startswith("wuxi-dt: error: ") and "第九条" in err.splitlines()[0]


def test_search_context_is_the_characters_kept_around_a_hit(
    capsys: pytest.CaptureFixture[str], refs_file: str
) -> None:
    assert _run(capsys, "search", "情形", "--file", refs_file) == (
        0,
        "第二条第一款: 有下列情形之一的：\n",
        "",
    )
    assert _run(capsys, "search", "情形", "--context", "2", "--file", refs_file) == (
        0,
        "第二条第一款: …下列情形之一…\n",
        "",
    )


# ----------------------------------------------------------------------------- import


def test_import_skips_a_byte_order_mark_and_white_space_before_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    regulation = wdr.parse("# 例条例\n\n第一条 甲。\n")
    path = tmp_path / "lead.json"
    path.write_text("\ufeff \n\t" + wdr.to_json(regulation), encoding="utf-8")
    assert _run(capsys, "import", str(path)) == (0, wdr.render(regulation), "")


@pytest.mark.parametrize("content", [b"hello", b"", b"\xef\xbb\xbf \n", b"  hello {"])
def test_import_of_neither_json_nor_xml_says_what_it_expected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "neither.json"
    path.write_bytes(content)
    assert _run(capsys, "import", str(path)) == (
        1,
        "",
        f"{path}: error: $: expected JSON (starting with {{) or Akoma Ntoso XML (starting with"
        " <), found neither\n",
    )


# ----------------------------------------------------------------------------- show


@pytest.mark.parametrize("name", ["x.md", "x.markdown", "x.txt"])
def test_show_takes_a_missing_markdown_or_text_file_name_for_a_file(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = _run(capsys, "show", name)
    assert (code, out) == (1, "")
    assert f"(to read the file {name}, pass --file {name})" in err.splitlines()[0]


def test_show_reads_another_suffix_as_a_reference(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "show", "x.TXT")
    assert code == 1
    assert err.splitlines()[0] == (
        "wuxi-dt: error: column 1: expected a citation such as 第三十五条, or an article's "
        "number such as 35"
    )


# ----------------------------------------------------------------------------- standard input


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> io.BytesIO:
    raw = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))
    return raw


def test_standard_input_is_read_up_to_the_bound_and_one_byte_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wuxi_dt_regulation._markdown.files.MAX_FILE_SIZE", 10)
    raw = _stdin(monkeypatch, b"0123456789")
    assert read_bytes("-") == b"0123456789"
    raw = _stdin(monkeypatch, b"0123456789" * 10)
    with pytest.raises(OSError, match="more than 10 bytes") as info:
        read_bytes("-")
    assert (info.value.errno, info.value.strerror, info.value.filename) == (
        errno.EFBIG,
        "more than 10 bytes on standard input",
        "-",
    )
    assert raw.tell() == 11  # no more read than it takes to know


def test_standard_input_is_utf8_by_default_and_named_in_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, "# 例\n\n第一条 甲。\n".encode())
    assert read_stdin() == "# 例\n\n第一条 甲。\n"
    _stdin(monkeypatch, "# 例\n\n第一条 甲。\n".encode("gb18030"))
    with pytest.raises(wdr.ParseError) as info:
        read_stdin()
    assert (info.value.source, info.value.line, info.value.column) == ("<stdin>", 1, 3)
    assert info.value.message == (
        "expected UTF-8 text, found the byte 0xC0; the file reads as GB18030 (GBK) text: "
        "pass --encoding gb18030"
    )
