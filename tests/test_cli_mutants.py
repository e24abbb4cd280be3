"""Tests written for mutants of ``_cli`` that the suite left alive (issue 14, docs/mutation.md).

Each pins a command's exact output where the suite checked only part of it: what ``refs``
prints for ranges, dangling and ambiguous references; ``cite`` over several units; ``search``
with ``--context``; ``import`` of what is neither JSON nor XML; the bound on standard input;
which references ``show`` takes for a file name.
"""

from __future__ import annotations

import errno
import io
import json
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


def _source(folder: Path, text: str, name: str) -> str:
    """*text* written as UTF-8 to *name* in *folder*: the path a command's --file takes."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def refs_file(tmp_path: Path) -> str:
    return _source(tmp_path, REFS, "refs.md")


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
    path = _source(tmp_path, "# 例条例\n\n第一条 前款规定的，依照第一条第三款。\n", "b.md")
    assert _run(capsys, "refs", "--dangling", "--file", path) == (
        1,
        "第一条第一款\t前款\trelative\t-> -\tDANGLING (unresolved)\n"
        "第一条第一款\t第一条第三款\tabsolute\t-> 第一条第三款\tDANGLING (第一条第三款)\n",
        "2 references, 2 dangling\n",
    )


def test_refs_lists_two_ambiguous_targets_with_the_list_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _source(
        tmp_path,
        "# 例条例\n\n第一条 甲：\n\n（一）乙；\n\n（二）丙。\n\n丁：\n\n（一）戊；\n\n（二）己。\n\n"
        "第二条 违反第一条第一项、第二项的。\n",
        "c.md",
    )
    code, out, _ = _run(capsys, "refs", "--file", path)
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


@pytest.mark.parametrize("content", [b"hello", b"", b"\xef\xbb\xbf \n", b"  hello {", b"X{}"])
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


# ----------------------------------------------------------------------------- export


GAP = "# 甲条例\n\n第一条 甲。\n\n第三条 乙。\n"  # a skipped number: a warning, an error with --strict
OK = "# 乙条例\n\n第一条 乙。\n"


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("gap.md").write_text(GAP, encoding="utf-8")
    Path("ok.md").write_text(OK, encoding="utf-8")
    return tmp_path


def test_a_batch_names_each_input_in_its_warnings_and_goes_on_past_a_missing_one(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    code, out, err = _run(capsys, "export", "--format", "json", "gap.md", "ok.md", "none.md",
                          "-o", "out/")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "gap.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
        "none.md: error: No such file or directory\n"
    )
    assert sorted(p.name for p in (batch / "out").iterdir()) == ["gap.json", "ok.json"]
    assert wdr.from_json((batch / "out" / "ok.json").read_text(encoding="utf-8")) == wdr.parse(OK)


def test_a_strict_batch_refuses_the_input_with_an_oddity(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    code, _, err = _run(capsys, "export", "--strict", "--format", "json", "gap.md", "ok.md",
                        "-o", "out/")  # fmt: skip
    assert code == 1
    assert err == (
        "gap.md:5:1: error: expected 第二条, found 第三条 [skipped-number]\n    第三条 乙。\n    ^\n"
    )
    assert [p.name for p in (batch / "out").iterdir()] == ["ok.json"]


def test_a_batch_makes_the_folders_above_its_output(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    assert (
        _run(capsys, "export", "-q", "--format", "json", "gap.md", "ok.md", "-o", "a/b/c/")[0] == 0
    )
    assert sorted(p.name for p in (batch / "a" / "b" / "c").iterdir()) == ["gap.json", "ok.json"]


def test_an_output_ending_in_a_backslash_is_a_folder(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    assert _run(capsys, "export", "-q", "--format", "json", "ok.md", "-o", "o\\") == (0, "", "")
    assert [p.name for p in (batch / "o\\").iterdir()] == ["ok.json"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ok.md", "--file", "ok.md"], "give INPUT files or --file, not both"),
        (["--unit", "article", "ok.md"], "--unit applies to --format jsonl only"),
        (["-j", "-1", "ok.md"], "-j takes a number of processes (0: every core)"),
    ],
)
def test_export_usage_errors(
    capsys: pytest.CaptureFixture[str], batch: Path, argv: list[str], message: str
) -> None:
    assert _run(capsys, "export", "--format", "json", *argv) == (
        2,
        "",
        f"wuxi-dt export: {message}\n",
    )


def test_jobs_zero_is_every_core_and_one_when_the_count_is_unknown(
    capsys: pytest.CaptureFixture[str], batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wuxi_dt_regulation._cli.batch import jobs_count

    assert (
        _run(capsys, "export", "-q", "-j", "0", "--format", "json", "ok.md", "-o", "out/")[0] == 0
    )
    assert (jobs_count(None), jobs_count(3)) == (1, 3)
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert jobs_count(0) == 1
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert jobs_count(0) == 6


def test_export_writes_utf8_bytes_whatever_stdout_encodes(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert main(["export", "--format", "json", "--file", "ok.md"]) == 0
    assert raw.getvalue().decode("utf-8") == wdr.to_json(wdr.parse(OK, source="ok.md"))


def test_export_writes_text_to_a_stream_without_bytes(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["export", "--format", "markdown", "--file", "ok.md"]) == 0
    assert stream.getvalue() == wdr.render(wdr.parse(OK))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_cuts_a_long_name_at_forty_characters(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = "第" * 45 + ".md"
    Path(long).write_text(OK, encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["export", "--format", "json", "ok.md", long, "-o", "out/"]) == 0
    assert terminal.getvalue() == (
        f"\r[{'-' * 30}] 0/2 {'ok.md':<40}"
        f"\r[{'#' * 15}{'-' * 15}] 1/2 {'ok.md':<40}"
        f"\r[{'#' * 30}] 2/2 {'第' * 40}\n"
    )


def test_no_bar_when_stderr_cannot_say_whether_it_is_a_terminal(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Plain:  # a stream with write and flush only
        def __init__(self) -> None:
            self.written: list[str] = []

        def write(self, text: str) -> int:
            self.written.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    plain = Plain()
    monkeypatch.setattr(sys, "stderr", plain)
    assert main(["export", "-q", "--format", "json", "ok.md", "gap.md", "-o", "out/"]) == 0
    assert plain.written == []


# ----------------------------------------------------------------------------- the rest


def test_help_says_each_default_once() -> None:
    import argparse

    from wuxi_dt_regulation._cli import HelpFormatter

    parser = argparse.ArgumentParser(prog="x", formatter_class=HelpFormatter)
    parser.add_argument("--size", type=int, default=3, help="the size")
    parser.add_argument("--name", default="a", help="the name (now %(default)s)")
    parser.add_argument("--flag", action="store_true", help="a switch")
    parser.add_argument("path", nargs="?", default="p", help="a path")
    assert parser.format_help().split("options:")[1].split() == [
        "-h,", "--help", "show", "this", "help", "message", "and", "exit",
        "--size", "SIZE", "the", "size", "(default:", "3)",
        "--name", "NAME", "the", "name", "(now", "a)",
        "--flag", "a", "switch",
    ]  # fmt: skip


def test_error_text_names_the_source_it_is_given() -> None:
    from wuxi_dt_regulation._cli.inputs import error_text

    err = wdr.ParseError("bad", line=2, column=3, text="第一条", source="inner.md")
    assert error_text(err).startswith("inner.md:2:3: error: bad")
    assert error_text(err, "outer.md").startswith("outer.md:2:3: error: bad")


def test_cite_of_a_chapter_without_a_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _source(tmp_path, "# 例条例\n\n## 第一章\n\n第一条 甲。\n", "t.md")
    assert _run(capsys, "cite", "第一章", "--file", path) == (
        0,
        "第一章\n第一章\n第一条 甲。\n",
        "",
    )


def test_cite_of_items_named_without_their_paragraph(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """第一条第二项 and 第一条第一项至第二项, in an article whose second 款 alone has 项: the
    regulation says which 款 (without it the 项 cannot be found)."""
    path = _source(
        tmp_path, "# 例条例\n\n第一条 甲。\n\n乙：\n\n（一）丙；\n\n（二）丁。\n", "t.md"
    )
    assert _run(capsys, "cite", "第一条第二项", "--file", path) == (
        0,
        "第一条第二款第二项\n（二）丁。\n",
        "",
    )
    assert _run(capsys, "cite", "第一条第一项至第二项", "--file", path) == (
        0,
        "第一条第二款第一项至第二项\n\n第一条第二款第一项\n（一）丙；\n\n第一条第二款第二项\n（二）丁。\n",
        "",
    )


def test_the_commands_print_utf8_whatever_the_streams_were_opened_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A C locale opens stdout and stderr as ASCII: the commands switch both to UTF-8 first."""
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="ascii", errors="replace"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="ascii", errors="replace"))
    assert main(["show", "55"]) == 0
    assert main(["show", "第九十九条"]) == 1
    sys.stdout.flush()
    sys.stderr.flush()
    assert out.getvalue().decode("utf-8") == "第五十五条\n本条例自2023年7月1日起施行。\n"
    assert "第九十九条" in err.getvalue().decode("utf-8")


# ----------------------------------------------------------------------------- more commands


def test_help_is_exit_status_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0 and out.startswith("usage: wuxi-dt")
    code, out, _ = _run(capsys, "show", "--help")
    assert code == 0 and out.startswith("usage: wuxi-dt show")


def test_the_outline_of_parts_chapters_sections_and_an_empty_chapter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _source(
        tmp_path,
        "# 例条例\n\n## 第一编 总则\n\n## 第一章\n\n第一条 甲。\n\n## 第二章 乙章\n\n## 第一节 丙节\n\n"
        "第二条 乙。\n\n第三条 丙。\n\n## 第三章 空章\n\n## 第二编 分则\n\n## 第一章 丁章\n\n第四条 丁。\n",
        "o.md",
    )
    assert _run(capsys, "show", "--file", path) == (
        0,
        "例条例\n第一编 总则  第一条—第三条\n  第一章  第一条\n  第二章 乙章  第二条—第三条\n"
        "    第一节 丙节  第二条—第三条\n  第三章 空章\n第二编 分则  第四条\n  第一章 丁章  第四条\n",
        "",
    )


def test_the_outline_of_unnumbered_divisions_ends_with_the_articles_it_spans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _source(
        tmp_path, "# 例条例\n\n## 总则\n\n第一条 甲。\n\n## 附则\n\n第二条 乙。\n", "d.md"
    )
    assert _run(capsys, "show", "--file", path) == (
        0,
        "例条例\n总则  第一条\n附则  第二条\n第一条—第二条\n",
        "",
    )


def test_export_of_one_input_file_without_output_prints_it(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    code, out, err = _run(capsys, "export", "--format", "markdown", "ok.md")
    assert (code, out, err) == (0, wdr.render(wdr.parse(OK)), "")


def test_several_inputs_need_an_output_folder(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    assert _run(capsys, "export", "-q", "--format", "json", "ok.md", "gap.md") == (
        2,
        "",
        "wuxi-dt export: several inputs need -o OUTDIR\n",
    )


def test_a_database_needs_a_file_name(capsys: pytest.CaptureFixture[str], batch: Path) -> None:
    assert _run(capsys, "export", "--format", "sqlite", "ok.md") == (
        2,
        "",
        "wuxi-dt export: --format sqlite writes a database file: give -o PATH\n",
    )


def test_json_lines_of_several_inputs_name_each_in_its_warnings(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    code, out, err = _run(capsys, "export", "--format", "jsonl", "gap.md", "ok.md")
    assert code == 0
    assert err == "gap.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "甲条例",
        "甲条例",
        "乙条例",
    ]
    code, _, err = _run(capsys, "export", "--strict", "--format", "jsonl", "gap.md", "ok.md")
    assert code == 1 and err.startswith("gap.md:5:1: error: expected 第二条, found 第三条")


def test_json_lines_read_their_inputs_in_the_encoding_given(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    Path("gbk.md").write_bytes(OK.encode("gb18030"))
    code, out, err = _run(capsys, "export", "--format", "jsonl", "--encoding", "gb18030", "gbk.md")
    assert (code, err) == (0, "")
    assert json.loads(out.splitlines()[0])["title"] == "乙条例"


@pytest.fixture
def database(batch: Path, capsys: pytest.CaptureFixture[str]) -> str:
    Path("a.md").write_text(
        "# 甲条例\n\n第一条 甲乙丙丁戊。\n\n第二条 乙丙丁戊己。\n", encoding="utf-8"
    )
    Path("b.md").write_text("# 乙条例\n\n第一条 乙丙丁戊己庚。\n", encoding="utf-8")
    assert _run(capsys, "export", "--format", "sqlite", "a.md", "b.md", "-o", "db.sqlite")[0] == 0
    return str(batch / "db.sqlite")


def test_search_a_database_with_a_limit(capsys: pytest.CaptureFixture[str], database: str) -> None:
    everything = (
        "《甲条例》第一条第一款: 甲乙丙丁戊。\n《甲条例》第二条第一款: 乙丙丁戊己。\n"
        "《乙条例》第一条第一款: 乙丙丁戊己庚。\n"
    )
    assert _run(capsys, "search", "--db", database, "乙丙丁") == (0, everything, "")
    assert _run(capsys, "search", "--db", database, "乙丙丁", "--limit", "0") == (0, everything, "")
    assert _run(capsys, "search", "--db", database, "乙丙丁", "--limit", "1") == (
        0,
        "《甲条例》第一条第一款: 甲乙丙丁戊。\n",
        "",
    )


def test_search_a_database_for_a_short_term_says_how_it_searched(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    code, out, err = _run(capsys, "search", "--db", database, "乙丙")
    assert (code, len(out.splitlines())) == (0, 3)
    assert err == (
        "wuxi-dt: note: '乙丙' is shorter than 3 characters: every unit was scanned, hits in "
        "document order (not ranked)\n"
    )
    assert _run(capsys, "search", "--db", database, "乙丙", "-q")[2] == ""
    assert _run(capsys, "search", "--db", database, "乙丙丁")[2] == ""  # three: no note


def test_search_takes_a_database_or_a_file(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    assert _run(capsys, "search", "--db", database, "乙丙丁", "--file", "a.md") == (
        2,
        "",
        "wuxi-dt search: give --db or --file, not both\n",
    )


# ----------------------------------------------------------------------------- failed writes


@pytest.mark.parametrize(
    ("error", "where"),
    [
        (OSError(errno.EACCES, "Permission denied", "/elsewhere/tmp.json"), "/elsewhere/tmp.json"),
        (OSError(errno.EACCES, "Permission denied"), "out/gap.json"),  # no file named: the target
    ],
)
def test_a_write_that_fails_names_the_file_and_keeps_the_warnings(
    capsys: pytest.CaptureFixture[str],
    batch: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    where: str,
) -> None:
    def fail(target: object, text: str) -> None:
        raise error

    monkeypatch.setattr("wuxi_dt_regulation._interchange.atomic.write_atomically", fail)
    code, out, err = _run(capsys, "export", "--format", "json", "gap.md", "-o", "out/")
    assert (code, out) == (1, "")
    assert err == (
        "gap.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
        f"{where}: error: Permission denied\n"
    )


def test_a_document_that_cannot_be_written_names_its_input(
    capsys: pytest.CaptureFixture[str], batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fmt: str, regulation: object) -> str:
        raise wdr.SerializationError("a table cell holds |", path="/akomaNtoso/act")

    monkeypatch.setattr("wuxi_dt_regulation._cli.batch.write_format", refuse)
    code, out, err = _run(capsys, "export", "--format", "akn", "gap.md", "ok.md", "-o", "out/")
    assert (code, out) == (1, "")
    assert err == (
        "gap.md:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n"
        "gap.md: error: /akomaNtoso/act: a table cell holds |\n"
        "ok.md: error: /akomaNtoso/act: a table cell holds |\n"
    )


def test_an_os_error_that_names_no_file_is_the_programs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: str, encoding: str = "utf-8") -> tuple[str, str]:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("wuxi_dt_regulation._cli.inputs.read_input", broken)
    assert _run(capsys, "show", "--file", "x.md") == (1, "", "wuxi-dt: error: Input/output error\n")
