"""Which instrument each citation in a real judicial interpretation is credited to.

Issue 8: "citation finding credits about a quarter of the citations in judicial interpretations
to the wrong instrument".  This script reads the two judicial interpretations of tests/corpus
the way a user would (``references()`` over the articles, one ``find_citations`` call over the
free text and tables outside them, with the regulation) and compares the instrument every
pinpoint citation is credited to with a hand-made answer key:

* ``strict``: the full title (中华人民共和国民法典), or the document itself for 本解释, 前款 …;
* ``lenient``: the same instrument under any name (民法典 for 中华人民共和国民法典, an alias the
  text defines with 以下简称).

A second count covers every law named without 《》 before its pinpoint anywhere else in
tests/corpus (出口管制法第十二条, 宪法第八十九条, 将刑法第十七条修改为 …), and a third the sentences
issue 8 quotes from judicial interpretations outside the corpus.

Run: ``python -m benchmarks.bench_attribution``.  It runs on any version of the library that has
``find_citations`` and ``Regulation.references``: run it on an older checkout to compare.
"""

from __future__ import annotations

from pathlib import Path

import wuxi_dt_regulation as wdr

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "national"
PRC = "中华人民共和国"
CIVIL = PRC + "民法典"
SELF = None  # the document itself: 本解释, 前款

#: The answer key for 最高人民法院关于适用《民法典》侵权责任编的解释（一）, read by hand: where the
#: citation stands, its text from its first 第, the instrument it cites.
TORT_KEY: list[tuple[str, str, str | None]] = [
    ("第二条第一款", "第一千一百八十三条第一款", CIVIL),
    ("第六条第二款", "前款", SELF),
    ("第七条第一款", "第二十七条第一款", CIVIL),
    ("第八条第一款", "第一千零六十八条", CIVIL),
    ("第九条第一款", "第一千零七十二条第二款", CIVIL),
    ("第九条第一款", "第八条", SELF),
    ("第十条第一款", "第一千一百八十九条", CIVIL),
    ("第十条第二款", "第九百二十九条", CIVIL),
    ("第十二条第一款", "第一千一百六十九条第二款", CIVIL),
    ("第十三条第一款", "第十条", SELF),
    ("第十四条第三款", "第一千二百零一条", CIVIL),
    ("第十五条第一款", "第一千一百九十一条第一款", CIVIL),
    ("第十五条第二款", "第一千一百九十一条第一款", CIVIL),
    ("第十六条第一款", "第一千一百九十一条第二款", CIVIL),
    ("第十七条第一款", "第一千一百九十一条", CIVIL),
    ("第十八条第一款", "第一千一百六十五条", CIVIL),
    ("第十八条第二款", "第一千一百六十五条", CIVIL),
    ("第十九条第一款", "第一千二百零二条", CIVIL),
    ("第二十四条第一款", "第一千一百九十八条第二款", CIVIL),
    ("第二十五条第二款", "第一千一百九十八条第二款", CIVIL),
]
TORT = "最高人民法院关于适用《民法典》侵权责任编的解释（一）(2024-09-25).md"
CHARGES = "最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（三）(2007-10-25).md"
SHORT = {"中华人民共和国民法典": "民法典"}


def _charges_key(reg: wdr.Regulation) -> list[tuple[str, str, str | None]]:
    """The table of 确定罪名的补充规定（三）: each row cites an article of 刑法 (the column is
    刑法条文) and, in parentheses, the article of the amendment that wrote it."""
    key: list[tuple[str, str, str | None]] = []
    for node in reg.body:
        for row in getattr(node, "rows", ())[1:]:
            criminal, _, amendment = row[0].partition("（")
            key.append(("free", criminal.strip(), PRC + "刑法"))
            version = amendment[amendment.index("《") + 1 : amendment.index("》")]
            pinpoint = amendment[amendment.index("》") + 1 :].rstrip("）)")
            key.append(("free", pinpoint, PRC + version))
    return key


def _free_text(reg: wdr.Regulation) -> str:
    """The text outside articles: the preamble, free paragraphs and table cells, in order."""
    lines: list[str] = []
    for node in (*reg.preamble, *reg.body):
        if isinstance(node, wdr.Paragraph):
            lines.append(node.full_text)
        elif isinstance(node, wdr.Table):
            lines.extend(" ".join(row) for row in node.rows)
    return "\n".join(lines)


def credited(reg: wdr.Regulation) -> list[tuple[str, str, str | None]]:
    """(where, match text, title credited) for every match with a value."""
    out: list[tuple[str, str, str | None]] = []
    for ref in reg.references():
        if ref.match.value is not None:
            out.append((str(ref.at), ref.match.text, _title(ref.match)))
    for match in wdr.find_citations(_free_text(reg), regulation=reg):
        if match.value is not None:
            out.append(("free", match.text, _title(match)))
    return out


def _title(match: wdr.CitationMatch) -> str | None:
    assert match.value is not None
    first = match.value.items[0]
    first = first.start if isinstance(first, wdr.CitationRange) else first
    return first.title


def score(
    reg: wdr.Regulation, key: list[tuple[str, str, str | None]], aliases: dict[str, str]
) -> tuple[int, int, int]:
    """(strictly right, leniently right, total) over the key, in order within each unit."""
    found = credited(reg)
    used: set[int] = set()
    strict = lenient = 0
    for where, pinpoint, wanted in key:
        index = next(
            (
                i
                for i, (at, text, _) in enumerate(found)
                if i not in used and at == where and pinpoint in text
            ),
            None,
        )
        if index is None:
            continue
        used.add(index)
        got = found[index][2]
        if got == reg.title:
            got = SELF
        strict += got == wanted
        lenient += got == wanted or (
            wanted is not None and got is not None and aliases.get(wanted) == got
        )
    return strict, lenient, len(key)


#: Laws named without 《》 elsewhere in the corpus: file, the name as written, the full title.
BARE = [
    ("national/两用物项出口管制条例(2024-09-30).md", "出口管制法", PRC + "出口管制法"),
    ("national/香港特别行政区基本法(1990-04-04).md", "中华人民共和国宪法", PRC + "宪法"),
    ("versions/legislation-law/2015-03-15.md", "宪法", PRC + "宪法"),
    ("versions/legislation-law/2023-03-13.md", "宪法", PRC + "宪法"),
    ("national/刑法修正案（十一）.md", "刑法", PRC + "刑法"),
]
#: The sentences issue 8 quotes (judicial interpretations outside the corpus), with the laws.
QUOTED = [
    ("民事诉讼法第五十九条第三款、第二百一十二条", PRC + "民事诉讼法"),
    ("行政诉讼法第十三条第一项规定的", PRC + "行政诉讼法"),
    ("属于刑法第二百六十四条规定的", PRC + "刑法"),
    ("可以分别认定为刑法第二百六十四条", PRC + "刑法"),
    ("裁定有民事诉讼法第二百一十一条规定情形之一的", PRC + "民事诉讼法"),
    ("不符合民事诉讼法第一百二十二条规定的", PRC + "民事诉讼法"),
    ("除刑法第二十条另有规定外", PRC + "刑法"),
]


def bare_scores() -> tuple[int, int, int]:
    """(strict, lenient, total) over every ``name第`` of BARE, read line by line."""
    strict = lenient = total = 0
    for name, written, wanted in BARE:
        path = CORPUS.parent / name
        reg = wdr.parse_file(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            at = 0
            while (at := line.find(written + "第", at)) >= 0:
                at += len(written)
                if line[max(at - len(written) - 1, 0) : at - len(written)] in ("本", "《"):
                    continue
                total += 1
                match = next(
                    (m for m in wdr.find_citations(line, regulation=reg) if m.start <= at < m.end),
                    None,
                )
                got = _title(match) if match is not None and match.value is not None else None
                strict += got == wanted
                lenient += got is not None and wanted.endswith(got)
    for sentence, wanted in QUOTED:
        total += 1
        found = wdr.find_citations(sentence)
        got = _title(found[0]) if found and found[0].value is not None else None
        strict += got == wanted
        lenient += got is not None and wanted.endswith(got)
    return strict, lenient, total


def main() -> None:
    total = [0, 0, 0]
    for name, make_key in ((TORT, lambda _: TORT_KEY), (CHARGES, _charges_key)):
        reg = wdr.parse_file(CORPUS / name)
        key = make_key(reg)
        aliases = dict(SHORT)
        for _, _, wanted in key:
            if wanted and wanted.startswith(PRC + "刑法修正案"):
                aliases[wanted] = wanted[len(PRC) :]
        strict, lenient, count = score(reg, key, aliases)
        total = [total[0] + strict, total[1] + lenient, total[2] + count]
        print(f"{reg.title}")
        print(f"  {count} pinpoint citations: {strict} credited to the right full title, "
              f"{lenient} to the right instrument under some name")  # fmt: skip
    strict, lenient, count = total
    print(f"judicial interpretations: strict {strict}/{count} ({strict / count:.0%}), "
          f"lenient {lenient}/{count} ({lenient / count:.0%})")  # fmt: skip
    strict, lenient, count = bare_scores()
    print(f"laws named without 《》 elsewhere in tests/corpus ({count - len(QUOTED)}) and in "
          f"issue 8's quotations ({len(QUOTED)}): strict {strict}/{count}, lenient "
          f"{lenient}/{count}")  # fmt: skip


if __name__ == "__main__":
    main()
