"""A regulation as one self-contained, linked HTML page: :func:`to_html`.

The page is built from :func:`.units.walk_units` (the ids are the Akoma Ntoso eIds) and
:func:`.links.unit_references` (the links); the stylesheet and the script are in
:mod:`.html_assets`.  Every text is escaped here, in one place: :func:`_esc`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._citations.format import STYLES, Style, format_citation
from .._model.citation import citation_title
from .._model.errors import CitationError
from .._model.regulation import Regulation
from .._model.units import Table
from .._version import __version__
from .html_assets import CSS, SCRIPT, STYLE_NAMES
from .links import UnitReference, citation_texts, unit_references
from .units import UnitInfo, walk_units

if TYPE_CHECKING:
    from .._model.citation import Citation

__all__ = ["to_html"]

#: The levels shown in the table of contents.
_TOC_LEVELS = ("part", "subpart", "chapter", "section", "division", "appendix")
_CONTAINERS = ("part", "subpart", "chapter", "section", "division")


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _date(value: object) -> str:
    import datetime

    assert isinstance(value, datetime.date)
    return f'<time datetime="{value.isoformat()}">{value.year}年{value.month}月{value.day}日</time>'


class _Page:
    def __init__(self, regulation: Regulation, style: str) -> None:
        self.regulation = regulation
        self.style = style
        self.units = list(walk_units(regulation))
        self.children: dict[str | None, list[UnitInfo]] = {}
        for unit in self.units:
            self.children.setdefault(unit.parent, []).append(unit)
        self.refs = unit_references(regulation, self.units)
        self.out: list[str] = []
        self.styles: list[str] = []  # the styles every copy button offers

    # ---- text with its references

    def cite(self, citation: Citation | None) -> str:
        if citation is None:
            return ""
        try:
            return format_citation(citation, "full", regulation=self.regulation)
        except CitationError:
            return str(citation)

    def text(self, unit: UnitInfo) -> str:
        text = unit.text
        refs = self.refs.get(unit.eid, ())
        out: list[str] = []
        pos = 0
        for ref in refs:
            match = ref.reference.match
            if match.start < pos:  # pragma: no cover - matches never overlap
                continue
            out.append(_esc(text[pos : match.start]))
            out.append(self.reference(text, ref))
            pos = match.end
        out.append(_esc(text[pos:]))
        return "".join(out)

    def reference(self, text: str, ref: UnitReference) -> str:
        match = ref.reference.match
        written = text[match.start : match.end]
        if match.kind == "external":
            title = ref.instrument
            about = f"另一文件：《{title}》" if title else "另一文件"
            data = f' data-instrument="{_esc(title)}"' if title else ""
            return f'<span class="ext" title="{_esc(about)}"{data}>{_esc(written)}</span>'
        if not ref.links:
            if ref.reference.dangling:
                return (
                    f'<mark class="dangling" title="{_esc("无法确定所指条文")}">'
                    f"{_esc(written)}</mark>"
                )
            return _esc(written)
        out: list[str] = []
        pos = match.start
        for link in ref.links:
            out.append(_esc(text[pos : link.start]))
            shown = _esc(text[link.start : link.end])
            if link.citation.level == "instrument":  # 《its own title》: the whole page
                about = f"《{citation_title(self.regulation.title)}》"
                out.append(f'<a class="xref" href="#title" title="{_esc(about)}">{shown}</a>')
            elif link.target is None and link.citation in ref.reference.ambiguous:
                # 第二项 in an article where several 款 have one: it exists, but which is it?
                about = f"{link.citation}所指不明确：本条不止一款有此项"
                out.append(f'<mark class="ambiguous" title="{_esc(about)}">{shown}</mark>')
            elif link.target is None:
                about = f"本文件没有{link.citation}"
                out.append(f'<mark class="dangling" title="{_esc(about)}">{shown}</mark>')
            else:
                about = self.cite(link.citation)
                out.append(
                    f'<a class="xref" href="#{_esc(link.target)}" title="{_esc(about)}">{shown}</a>'
                )
            pos = link.end
        out.append(_esc(text[pos : match.end]))
        kind = "ref dangling-ref" if ref.reference.dangling else "ref"
        return f'<span class="{kind}">{"".join(out)}</span>'

    def anchor(self, unit: UnitInfo, what: str) -> str:
        label = f"{what}的链接" if what else "本段的链接"
        title = self.cite(unit.citation) or what
        attrs = f' title="{_esc(title)}"' if title else ""
        return f'<a class="anchor" href="#{_esc(unit.eid)}" aria-label="{_esc(label)}"{attrs}>¶</a>'

    # ---- units

    def heading_level(self, unit: UnitInfo) -> int:
        return min(2 + unit.depth, 6)

    def render(self, unit: UnitInfo) -> None:
        level = unit.level
        if level in _CONTAINERS or level == "appendix":
            self.container(unit)
        elif level == "article":
            self.article(unit)
        elif level == "paragraph":
            self.paragraph(unit)
        elif level == "table":
            self.table(unit)
        else:  # pragma: no cover - points are written by their paragraph
            raise AssertionError(level)

    def container(self, unit: UnitInfo) -> None:
        h = self.heading_level(unit)
        css = "appendix" if unit.level == "appendix" else unit.level
        if unit.level in ("division", "appendix"):
            shown = _esc(unit.title or "（无标题）")
        else:
            shown = _esc(f"{unit.label} {unit.title}".rstrip())
        self.out.append(f'<section class="{css}" id="{_esc(unit.eid)}" aria-labelledby='
                        f'"{_esc(unit.eid)}-h">')  # fmt: skip
        self.out.append(f'<h{h} id="{_esc(unit.eid)}-h">{shown}</h{h}>')
        for child in self.children.get(unit.eid, ()):
            self.render(child)
        self.out.append("</section>")

    def article(self, unit: UnitInfo) -> None:
        h = self.heading_level(unit)
        eid = _esc(unit.eid)
        self.out.append(f'<section class="article" id="{eid}" aria-labelledby="{eid}-h">')
        head = f'<h{h} id="{eid}-h">{_esc(unit.label)}{self.anchor(unit, unit.label)}</h{h}>'
        self.out.append(f'<div class="head">{head}{self.copy_button(unit)}</div>')
        for child in self.children.get(unit.eid, ()):
            self.render(child)
        self.out.append("</section>")

    def copy_button(self, unit: UnitInfo) -> str:
        if unit.citation is None:
            return ""
        texts = citation_texts(unit.citation, self.regulation)
        if not texts:
            return ""
        for style in texts:
            if style not in self.styles:
                self.styles.append(style)
        data = "".join(f' data-cite-{style}="{_esc(text)}"' for style, text in texts.items())
        label = _esc(f"复制{unit.label}的引用")
        return f'<button type="button" class="copy" hidden aria-label="{label}"{data}>复制引用</button>'

    def lines(self, unit: UnitInfo) -> tuple[str, str]:
        """The unit's first line, and its further paragraphs (a ``<p class="further">`` each),
        as HTML with their references."""
        first, *further = self.text(unit).split("\n")
        css = (
            ' class="free further"'
            if unit.level == "paragraph" and not unit.label
            else (' class="further"')
        )
        return first, "".join(f"<p{css}>{line}</p>" for line in further)

    def paragraph(self, unit: UnitInfo) -> None:
        eid = _esc(unit.eid)
        points = self.children.get(unit.eid, ())
        anchor = self.anchor(unit, str(unit.citation) if unit.citation else "")
        first, further = self.lines(unit)
        if not points:
            css = "para" if unit.label else "free"
            if css == "free":
                self.out.append(f'<p class="free" id="{eid}">{first}{anchor}</p>{further}')
                return
            self.out.append(f'<div class="para" id="{eid}"><p>{first}{anchor}</p>{further}</div>')
            return
        self.out.append(f'<div class="para" id="{eid}">')
        self.out.append(f"<p>{first}{anchor}</p>{further}")
        self.points(points)
        self.out.append("</div>")

    def points(self, points: list[UnitInfo]) -> None:
        self.out.append('<ol class="points">')
        for point in points:
            anchor = self.anchor(point, str(point.citation) if point.citation else point.label)
            first, further = self.lines(point)
            self.out.append(
                f'<li id="{_esc(point.eid)}"><span class="num">{_esc(point.label)}</span>'
                f"{first}{anchor}{further}"
            )
            deeper = self.children.get(point.eid, ())
            if deeper:
                self.points(list(deeper))
            self.out.append("</li>")
        self.out.append("</ol>")

    def table(self, unit: UnitInfo) -> None:
        assert isinstance(unit.node, Table)
        rows = unit.node.rows
        lines = unit.node.lines
        # a header row is one followed by the |---| rule (which rows leaves out)
        header = len(lines) > 1 and len(rows) < len(lines)
        self.out.append(f'<div class="table-wrap" id="{_esc(unit.eid)}"><table>')
        for n, row in enumerate(rows):
            cell = "th" if header and n == 0 else "td"
            scope = ' scope="col"' if cell == "th" else ""
            cells = "".join(f"<{cell}{scope}>{_esc(c)}</{cell}>" for c in row)
            self.out.append(f"<tr>{cells}</tr>")
        self.out.append("</table></div>")

    # ---- the page

    def toc(self) -> None:
        entries = [u for u in self.units if u.level in _TOC_LEVELS]
        if not entries:
            return
        self.out.append('<nav class="toc" id="toc" aria-labelledby="toc-h">')
        self.out.append('<h2 id="toc-h">目录</h2>')
        depth = -1
        for unit in entries:
            nest = sum(1 for h in unit.headings if h.level in _TOC_LEVELS)
            if nest > depth:
                self.out.extend(["<ol>"] * (nest - depth))
            else:
                self.out.append("</li>")
                self.out.extend(["</ol></li>"] * (depth - nest))
            depth = nest
            if unit.level in ("division", "appendix"):
                shown = unit.title or "（无标题）"
            else:
                shown = f"{unit.label} {unit.title}".rstrip()
            self.out.append(f'<li><a href="#{_esc(unit.eid)}">{_esc(shown)}</a>')
        self.out.append("</li>" + "</ol></li>" * depth + "</ol>")
        self.out.append("</nav>")

    def header(self) -> list[str]:
        reg = self.regulation
        out = ["<header>", f'<h1 id="title">{_esc(reg.title)}</h1>']
        out.extend(f'<p class="subtitle">{_esc(s)}</p>' for s in reg.subtitles)
        if reg.history:
            out.append('<ol class="history" aria-label="制定和修改">')
            out.extend(f"<li>{_esc(event.text)}</li>" for event in reg.history)
            out.append("</ol>")
        if reg.effective_date is not None:
            out.append(f'<p class="meta">施行日期：{_date(reg.effective_date)}</p>')
        return out

    def build(self) -> str:
        reg = self.regulation
        main: list[str] = []
        self.out = main
        if any(u.region == "preamble" for u in self.units):
            self.out.append('<section class="preamble" aria-label="序言">')
            for unit in self.children.get(None, ()):
                if unit.region == "preamble":
                    self.render(unit)
            self.out.append("</section>")
        for unit in self.children.get(None, ()):
            if unit.region != "preamble":
                self.render(unit)
        nav: list[str] = []
        self.out = nav
        self.toc()
        head = self.header()
        if self.styles:
            default = self.style if self.style in self.styles else self.styles[0]
            options = "".join(
                f'<option value="{s}"{" selected" if s == default else ""}>'
                f"{_esc(STYLE_NAMES.get(s, s))}</option>"
                for s in STYLES
                if s in self.styles
            )
            head.append(
                '<p class="toolbar" id="toolbar" hidden><label for="cite-style">引用格式</label> '
                f'<select id="cite-style">{options}</select></p>'
            )
            head.append('<p id="copy-status" role="status" aria-live="polite"></p>')
        head.append("</header>")
        page = [
            "<!DOCTYPE html>",
            '<html lang="zh-Hans">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="wuxi_dt_regulation {_esc(__version__)}">',
            f"<title>{_esc(reg.title)}</title>",
            f"<style>\n{CSS}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#main">跳到正文</a>',
            *head,
            *nav,
            '<main id="main" tabindex="-1">',
            *main,
            "</main>",
            "<footer>",
            "<dl>",
            "<dt>链接</dt><dd>每条、款、项、目后的 ¶ 是它的固定链接；编号与 Akoma Ntoso 文本的 eId 相同。</dd>",
            '<dt>标记</dt><dd><a class="xref" href="#title">链接</a> 指向本文件的条文；'
            '<mark class="dangling">波浪线</mark> 表示所引条文在本文件中不存在；'
            '<mark class="ambiguous">虚线</mark> 表示所引条文不明确（本条不止一款有该项）；'
            '<span class="ext">点线</span> 表示引用其他文件。</dd>',
            f"<dt>生成</dt><dd>wuxi_dt_regulation {_esc(__version__)}</dd>",
            "</dl>",
            "</footer>",
        ]
        if self.styles:
            page.append(f"<script>\n{SCRIPT}\n</script>")
        page += ["</body>", "</html>", ""]
        return "\n".join(page)


def to_html(regulation: Regulation, *, style: Style = "full") -> str:
    """Write *regulation* as one self-contained, accessible HTML page.

    The page needs nothing outside itself (no external script, font or stylesheet) and reads
    without JavaScript.  It holds the title, the history and the effective date; a table of
    contents of the 编, 分编, 章, 节, unnumbered headings and appendices; every unit with an
    ``id`` that is its Akoma Ntoso eId, the one :func:`to_akn` writes (``chp_5__art_35__para_2``,
    so ``page.html#chp_5__art_35__para_2`` and the XML name the same unit), and a visible ¶
    permalink after each 条, 款, 项 and 目.  Every reference the text makes to the regulation
    itself (本条例第九条, 前款, 第三十五条至第三十八条, lists) links to its target, one link per
    citation written; a reference to a unit that does not exist is marked, not linked; a
    reference to another instrument is marked with its title.  Each article has a button that
    copies its citation in the style picked at the top of the page (the styles of
    :func:`format_citation`), and the page prints cleanly (no navigation or buttons).

    Args:
        regulation: the regulation to write.
        style: the citation style the copy buttons start with (the reader can pick another).

    Returns:
        The page, ``<!DOCTYPE html>`` first; encode it as UTF-8 to store it.

    Raises:
        CitationError: *style* is not one of the styles of :func:`format_citation`.

    >>> from wuxi_dt_regulation import load, parse
    >>> page = to_html(load())
    >>> '<html lang="zh-Hans">' in page, 'id="chp_5__art_35__para_2"' in page
    (True, True)
    >>> page = to_html(parse("# 示例条例\\n\\n第一条 甲。\\n\\n第二条 依照本条例第一条。\\n"))
    >>> '<a class="xref" href="#art_1" title="《示例条例》第一条">本条例第一条</a>' in page
    True
    """
    if style not in STYLES:
        raise CitationError(f"unknown citation style {style!r}; the styles are {', '.join(STYLES)}")
    return _Page(regulation, style).build()
