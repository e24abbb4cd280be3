"""Render a :class:`~wuxi_dt_regulation.RegulationDiff`: a 修正前后对照表 in Markdown, a
self-contained HTML page, and a plain-text summary.

The table follows the published comparison tables (docs/citation-practice.md, "Amendments and
comparison tables"): two columns 修正前 | 修正后, one row per article (the pieces of a split or merge share a
row), chapter headings in both columns, ``同左`` where an article did not change (``第十一条 同左``
when only its number did), an empty cell for an article added or deleted.  Deleted text is
struck through (``~~…~~``, ``<del>``), inserted text is bold (``**…**``, ``<ins>``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._model.structure import Article
    from .._model.units import Paragraph
    from .changes import CharEdit, ComparisonRow, ParagraphEdit
    from .regulation_diff import RegulationDiff

__all__ = ["to_html", "to_markdown", "to_text"]

SAME = "同左"
OLD_HEADER, NEW_HEADER = "修正前", "修正后"
TABLE_TITLE = "修正前后对照表"

_MD_SPECIAL = {ord(c): "\\" + c for c in "\\|*_~`[]"}
_MD_SPECIAL.update({ord("<"): "&lt;", ord(">"): "&gt;", ord("&"): "&amp;"})


class _Style:
    """How one output format escapes text, marks edits and breaks lines."""

    def __init__(
        self,
        escape: Callable[[str], str],
        ins: tuple[str, str],
        dele: tuple[str, str],
        br: str,
        para: tuple[str, str],
        label: tuple[str, str],
    ) -> None:
        self.escape, self.ins, self.dele, self.br = escape, ins, dele, br
        self.para, self.label = para, label

    def text(self, text: str) -> str:
        return self.br.join(self.escape(line) for line in text.split("\n"))

    def mark(self, text: str, marks: tuple[str, str]) -> str:
        """Wrap each non-empty line of *text* in *marks* (a mark never spans a line break)."""
        return self.br.join(
            f"{marks[0]}{self.escape(line)}{marks[1]}" if line.strip() else self.escape(line)
            for line in text.split("\n")
        )

    def chars(self, edits: tuple[CharEdit, ...], side: str) -> str:
        out = []
        for edit in edits:
            if edit.op == "equal":
                out.append(self.text(edit.old))
            elif side == "old" and edit.old:
                out.append(self.mark(edit.old, self.dele))
            elif side == "new" and edit.new:
                out.append(self.mark(edit.new, self.ins))
        return "".join(out)


def _md_escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


MARKDOWN = _Style(_md_escape, ("**", "**"), ("~~", "~~"), "<br>", ("", ""), ("", ""))
HTML = _Style(
    _html_escape, ("<ins>", "</ins>"), ("<del>", "</del>"), "<br>", ("<p>", "</p>"),
    ('<span class="label">', "</span>"),
)  # fmt: skip


def _paragraphs(
    style: _Style, paras: tuple[Paragraph, ...], marks: tuple[str, str] | None
) -> list[str]:
    return [style.mark(p.full_text, marks) if marks else style.text(p.full_text) for p in paras]


def _article_cells(
    style: _Style,
    articles: tuple[Article, ...],
    script: tuple[ParagraphEdit, ...],
    side: str,
    marks: tuple[str, str] | None,
) -> list[str]:
    """The paragraphs of *articles* as cell parts: label first, edits marked per *script*."""
    rendered: list[str] = []
    if script:
        for edit in script:
            para = edit.old if side == "old" else edit.new
            if para is None:
                continue
            if edit.kind == "changed":
                rendered.append(style.chars(edit.chars, side))
            elif edit.kind == "unchanged":
                rendered.append(style.text(para.full_text))
            else:
                rendered.append(
                    style.mark(para.full_text, style.dele if side == "old" else style.ins)
                )
    else:
        rendered = [r for art in articles for r in _paragraphs(style, art.paragraphs, marks)]
    out: list[str] = []
    k = 0
    for art in articles:
        head = f"{style.label[0]}{style.escape(art.label)}{style.label[1]}"
        count = len(art.paragraphs)
        body = rendered[k : k + count]
        k += count
        if not body:
            out.append(head)
            continue
        out.append(f"{style.para[0]}{head} {body[0]}{style.para[1]}")
        out.extend(f"{style.para[0]}{b}{style.para[1]}" for b in body[1:])
    return out


def _cells(style: _Style, row: ComparisonRow) -> tuple[list[str], list[str]]:
    """The two cells of *row*, each as a list of paragraphs."""
    if row.is_heading:
        old_h, new_h = row.old_heading, row.new_heading
        if old_h is not None and new_h is not None and row.title_chars:
            return [style.chars(row.title_chars, "old")], [style.chars(row.title_chars, "new")]
        left = (
            [style.mark(old_h.text, style.dele) if new_h is None else style.text(old_h.text)]
            if old_h
            else []
        )
        right = (
            [style.mark(new_h.text, style.ins) if old_h is None else style.text(new_h.text)]
            if new_h
            else []
        )
        return left, right
    if not row.old:
        return [], _article_cells(style, row.new, (), "new", style.ins)
    if not row.new:
        return _article_cells(style, row.old, (), "old", style.dele), []
    left = _article_cells(style, row.old, row.script, "old", None)
    if row.script:
        return left, _article_cells(style, row.new, row.script, "new", None)
    labels = [a.label for a in row.new]
    if labels == [a.label for a in row.old]:
        return left, [SAME]
    label = "、".join(style.escape(x) for x in labels)
    return left, [f"{style.label[0]}{label}{style.label[1]} {SAME}"]


def _header_lines(d: RegulationDiff) -> list[tuple[str, str, str]]:
    names = {
        "title": "标题", "subtitles": "副标题", "history": "题注", "toc": "目录",
        "preamble": "序言", "appendices": "附件", "text": "其他文字", "layout": "版式",
    }  # fmt: skip
    return [
        (names.get(c.field, c.field), "\n".join(c.old), "\n".join(c.new)) for c in d.header_changes
    ]


def to_markdown(d: RegulationDiff) -> str:
    """The comparison table as a GitHub-flavoured Markdown document."""
    out = [f"# 《{_md_escape(d.new_title)}》{TABLE_TITLE}", ""]
    if d.old_title != d.new_title:
        out += [f"原标题：《{_md_escape(d.old_title)}》", ""]
    out += [f"| {OLD_HEADER} | {NEW_HEADER} |", "|---|---|"]
    for row in d.rows:
        left, right = _cells(MARKDOWN, row)
        out.append(f"| {'<br><br>'.join(left)} | {'<br><br>'.join(right)} |")
    for name, old, new in _header_lines(d):
        if name == "标题":
            continue
        out += ["", f"**{name}**", "", f"| {OLD_HEADER} | {NEW_HEADER} |", "|---|---|"]
        out.append(f"| {MARKDOWN.text(old)} | {MARKDOWN.text(new)} |")
    return "\n".join(out) + "\n"


_CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
       margin: 2em auto; max-width: 72em; color: #222; background: #fff; line-height: 1.7; }
h1 { font-size: 1.5em; text-align: center; }
p.summary { text-align: center; color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 0.4em 0.7em; vertical-align: top; text-align: left; }
th { background: #eee; }
td p { margin: 0 0 0.4em 0; }
tr.heading td { font-weight: bold; text-align: center; background: #f6f6f6; }
span.label { font-weight: bold; }
ins { background: #d4f7d4; text-decoration: none; color: #064; }
del { background: #fbd5d5; color: #900; }
"""


def to_html(d: RegulationDiff) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no external resources."""
    esc = _html_escape
    summary = "；".join(f"{_LABELS[k]} {n}" for k, n in d.counts().items() if n) or "无修改"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>《{esc(d.new_title)}》{TABLE_TITLE}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>《{esc(d.new_title)}》{TABLE_TITLE}</h1>",
        f'<p class="summary">{esc(summary)}</p>',
        "<table>",
        f'<thead><tr><th scope="col">{OLD_HEADER}</th><th scope="col">{NEW_HEADER}</th></tr></thead>',
        "<tbody>",
    ]
    for row in d.rows:
        left, right = _cells(HTML, row)
        cls = "heading" if row.is_heading else "article"
        sep = "<br>" if row.is_heading else ""
        out.append(f'<tr class="{cls}"><td>{sep.join(left)}</td><td>{sep.join(right)}</td></tr>')
    out.append("</tbody>")
    out.append("</table>")
    for name, old, new in _header_lines(d):
        out.append(
            f"<h2>{esc(name)}</h2><table><tbody><tr><td>{HTML.text(old)}</td>"
            f"<td>{HTML.text(new)}</td></tr></tbody></table>"
        )
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


_LABELS = {
    "added": "新增", "removed": "删除", "text_changed": "修改", "renumbered": "条序调整",
    "moved": "移动", "split": "拆分", "merged": "合并", "headings_added": "新增章节",
    "headings_removed": "删除章节", "headings_retitled": "章节改名",
    "headings_renumbered": "章节序号调整", "header": "题注等",
}  # fmt: skip


def to_text(d: RegulationDiff) -> str:
    """Counts per kind, then one line per change, heading change and header change."""
    counts = d.counts()
    width = max(len(k) for k in counts)
    out = [f"《{d.old_title}》 -> 《{d.new_title}》"]
    out.extend(f"  {kind.replace('_', ' '):<{width}}  {n}" for kind, n in counts.items())
    for change in d.changes:
        old = change.old.label if change.old else "-"
        new = change.new.label if change.new else "-"
        detail = ""
        if change.paragraphs:
            per = {"added": 0, "removed": 0, "changed": 0}
            for edit in change.paragraphs:
                per[edit.kind] += 1
            detail = " (" + ", ".join(f"{n} 款 {k}" for k, n in per.items() if n) + ")"
        out.append(f"{old} -> {new}: {', '.join(change.kinds).replace('_', ' ')}{detail}")
    for heading in d.heading_changes:
        old = heading.old.text if heading.old else "-"
        new = heading.new.text if heading.new else "-"
        kinds = [k for k in ("added", "removed", "retitled", "renumbered") if getattr(heading, k)]
        out.append(f"{old} -> {new}: {', '.join(kinds)}")
    out.extend(f"{change.field}: changed" for change in d.header_changes)
    return "\n".join(out) + "\n"
