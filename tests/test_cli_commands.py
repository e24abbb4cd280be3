"""``show``, ``cite`` and ``refs`` as a user types them (issue 11 item 6): one reading of REF
for both commands, any citation shown, ``refs --dangling`` as a gate, counts in English."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation.__main__ import main
from wuxi_dt_regulation._cli import build_parser

SEED = wdr.load()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("ref", ["35", "三十五", "第三十五条", "第35条", "Art. 35", "art_35"])
def test_show_and_cite_read_an_article_the_same_way(
    capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    text = SEED.article(35).text
    assert _run(capsys, "show", ref) == (0, f"第三十五条\n{text}\n", "")
    assert _run(capsys, "cite", ref) == (0, f"第三十五条\n{text}\n", "")


def test_show_prints_any_unit_a_citation_names(capsys: pytest.CaptureFixture[str]) -> None:
    second = SEED.article(35).paragraphs[1].text
    assert _run(capsys, "show", "第35条第2款") == (0, f"第三十五条第二款\n{second}\n", "")


def test_show_prints_an_item_with_its_subitems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "第一条 下列事项：\n\n（一）甲；\n\n（二）乙：\n\n1．丙；\n\n2．丁。\n")
    assert _run(capsys, "show", "--file", path, "第一条第二项") == (
        0,
        "第一条第二项\n（二）乙：\n1．丙；\n2．丁。\n",
        "",
    )


def test_show_prints_each_article_of_a_range(capsys: pytest.CaptureFixture[str]) -> None:
    five, six = SEED.article(5), SEED.article(6)
    assert _run(capsys, "show", "第五条至第六条") == (
        0,
        f"第五条\n{five.text}\n第六条\n{six.text}\n",
        "",
    )


def test_show_prints_a_chapter_with_its_articles_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "show", "第七章")
    assert (code, out) == (0, f"第七章 附 则\n第五十五条 {SEED.article(55).text}\n")


def test_cite_writes_the_style_and_then_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "cite", "35", "--style", "en-compact")
    assert (code, out.splitlines()[0]) == (0, "Art. 35")


@pytest.mark.parametrize("command", ["show", "cite"])
def test_what_is_no_reference_is_an_error_with_its_column(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert _run(capsys, command, "xyz") == (
        1,
        "",
        "wuxi-dt: error: column 1: expected a citation such as 第三十五条, "
        "or an article's number such as 35\n"
        "    xyz\n"
        "    ^\n",
    )


@pytest.mark.parametrize("command", ["show", "cite"])
def test_a_missing_unit_prints_nothing_but_the_error(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, err = _run(capsys, command, "第五十五条至第五十七条")
    assert (code, out) == (1, "")
    assert err == (
        "wuxi-dt: error: 无锡市数字化转型促进条例 has no 第五十七条; "
        "its articles are 第一条 … 第五十五条 (55 in all)\n"
    )


def _write(tmp_path: Path, body: str) -> str:
    path = tmp_path / "例.md"
    path.write_text(f"# 例条例\n\n{body}", encoding="utf-8")
    return str(path)


def test_refs_counts_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = _write(tmp_path, "第一条 甲。\n\n第二条 依照本条例第一条。\n")
    code, out, err = _run(capsys, "refs", "--file", one)
    assert (code, err) == (0, "1 reference, 0 dangling\n")
    assert out == "第二条第一款\t本条例第一条\tinternal\t-> 第一条\n"


def test_refs_dangling_is_a_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "第一条 甲。\n\n第二条 依照本条例第九条、第一条。\n")
    code, out, err = _run(capsys, "refs", "--dangling", "--file", bad)
    assert (code, err) == (1, "1 reference, 1 dangling\n")
    assert out.endswith("\tDANGLING (第九条)\n")
    # without --dangling the listing is information: status 0 even with a dangling reference
    assert _run(capsys, "refs", "--file", bad)[0] == 0
    good = _write(tmp_path, "第一条 甲。\n\n第二条 依照本条例第一条。\n")
    assert _run(capsys, "refs", "--dangling", "--file", good) == (
        0,
        "",
        "1 reference, 0 dangling\n",
    )


@pytest.mark.parametrize("command", ["show", "cite"])
def test_a_citation_cut_short_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, _, err = _run(capsys, command, "第三十五")
    assert (code, err.splitlines()[0]) == (
        1,
        "wuxi-dt: error: column 5: expected a unit (编 章 节 条 款 项 目) after '第三十五', "
        "found the end of the text",
    )


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_argument_has_help_and_says_its_default(name: str) -> None:
    command = _commands()[name]
    text = " ".join(command.format_help().split())
    for action in command._actions:
        assert action.help, f"{name} {action.dest} has no help"
        if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
            assert f"(default: {action.default})" in text, f"{name} {action.dest}"
    assert "(default: None)" not in text and "(default: False)" not in text


def test_the_defaults_the_help_states() -> None:
    helps = {name: " ".join(p.format_help().split()) for name, p in _commands().items()}
    assert "output format (default: json)" in helps["export"]
    assert "(0: one per core) (default: 1)" in helps["export"]
    assert "the citation style to write (default: statute)" in helps["cite"]
    assert "at most N hits, 0 for all (default: 20)" in helps["search"]


def test_file_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    source = "# 例条例\n\n第一条 甲。\n\n第三条 乙。\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source), encoding="utf-8"))
    assert _run(capsys, "show", "--file", "-", "3") == (
        0,
        "第三条\n乙。\n",
        "<stdin>:5:1: warning: expected 第二条, found 第三条 [skipped-number]\n",
    )


@pytest.mark.parametrize("command", [["show", "1"], ["refs"], ["export", "--format", "markdown"]])
def test_encoding_reads_a_gb18030_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "国标.md"
    path.write_bytes("# 例条例\n\n第一条 依照本条例第一条。\n".encode("gb18030"))
    code, out, _ = _run(capsys, *command, "--file", str(path), "--encoding", "gb18030")
    assert code == 0 and "本条例第一条" in out
    code, out, err = _run(capsys, *command, "--file", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        f"{path}:1:3: error: expected UTF-8 text, found the byte 0xC0; the file reads "
        "as GB18030 (GBK) text: pass --encoding gb18030"
    )


def test_a_batch_reads_its_inputs_in_the_encoding_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("甲", "乙"):
        (tmp_path / f"{name}.md").write_bytes(
            f"# {name}条例\n\n第一条 {name}。\n".encode("gb18030")
        )
    inputs = [str(tmp_path / "甲.md"), str(tmp_path / "乙.md")]
    out = tmp_path / "out"
    assert (
        _run(
            capsys, "export", "--encoding", "gb18030", "--format", "json", *inputs, "-o", str(out)
        )[0]
        == 0
    )
    assert wdr.from_json((out / "乙.json").read_bytes()).article(1).text == "乙。"


def test_an_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "show", "--encoding", "no-such-codec")
    assert (code, out) == (2, "")
    assert err.endswith(
        "wuxi-dt show: error: argument --encoding: unknown encoding 'no-such-codec'\n"
    )
