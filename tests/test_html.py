"""to_html: the linked page, built for every corpus file and checked without a browser (nesting,
ids, link targets, headings, landmarks, escaping, contrast), and for a few in headless
Chromium (no console error, every link's target in the DOM, the copy button, Chinese glyphs on
the screenshot).  Also the walk the page is built from: its eIds are those to_akn writes."""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

import wuxi_dt_regulation as wdr
from wuxi_dt_regulation import Citation, CitationError, Regulation
from wuxi_dt_regulation._citations.format import STYLES
from wuxi_dt_regulation._interchange.html_assets import CSS, STYLE_NAMES
from wuxi_dt_regulation._interchange.units import walk_units

from .browser import dump_dom, needs_chromium, png_pixels, screenshot
from .conftest import CORPUS, corpus_params
from .strategies import regulations

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
#: Elements that never have an end tag (HTML Living Standard, 13.1.2).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
#: What phrasing content (inside <p>, <li> text, headings, <a>) may not hold.
BLOCKS = {"div", "p", "section", "ol", "ul", "table", "nav", "main", "header", "footer", "h1",
          "h2", "h3", "h4", "h5", "h6", "dl"}  # fmt: skip
HOSTILE = '<script>alert("x")</script> & \'q\' "dq"'


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        out = [self]
        for child in self.children:
            if isinstance(child, Node):
                out.extend(child.iter())
        return out

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Strict(HTMLParser):
    """Builds the element tree and fails on anything a conforming page would not have: an end
    tag that closes another element, an unclosed element, a block inside phrasing content,
    an <li> outside a list, a <tr> outside a <table>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.node = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        assert len(values) == len(attrs), f"<{tag}> repeats an attribute"
        parent = self.node
        if tag in BLOCKS:
            for above in _ancestors(parent):
                assert above.tag not in ("p", "a", "span", "h1", "h2", "h3", "h4", "h5", "h6"), (
                    f"<{tag}> inside <{above.tag}>"
                )
        if tag == "li":
            assert parent.tag in ("ol", "ul"), f"<li> inside <{parent.tag}>"
        if tag == "tr":
            assert parent.tag in ("table", "tbody", "thead"), f"<tr> inside <{parent.tag}>"
        if tag == "a":
            assert all(a.tag != "a" for a in _ancestors(parent)), "a link inside a link"
        node = Node(tag, values, parent)
        parent.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in VOID, f"<{tag}/> is not a void element"
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}>"
        assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
        assert self.node.parent is not None
        self.node = self.node.parent

    def handle_data(self, data: str) -> None:
        self.node.children.append(data)


def _ancestors(node: Node | None) -> list[Node]:
    out = []
    while node is not None:
        out.append(node)
        node = node.parent
    return out


def parse_page(page: str) -> Strict:
    parser = Strict()
    parser.feed(page)
    parser.close()
    assert parser.node is parser.root, f"<{parser.node.tag}> is never closed"
    return parser


def check_page(regulation: Regulation, page: str) -> Strict:
    """Everything the page promises that can be checked without a browser."""
    doc = parse_page(page)
    assert page.startswith("<!DOCTYPE html>\n") and doc.doctype == "DOCTYPE html"
    nodes = doc.root.iter()
    (root,) = [n for n in nodes if n.tag == "html"]
    assert root.attrs["lang"] == "zh-Hans"
    tags = Counter(n.tag for n in nodes)
    assert tags["main"] == tags["header"] == tags["footer"] == tags["h1"] == tags["title"] == 1
    assert next(n.attrs.get("charset") for n in nodes if n.tag == "meta") == "utf-8"
    # nothing from outside: no external script, stylesheet, font or image
    assert tags["link"] == tags["img"] == tags["iframe"] == 0
    assert all("src" not in n.attrs for n in nodes)
    assert "url(" not in CSS and "@import" not in CSS
    # the skip link comes first and leads to the main content
    first = next(n for n in nodes if n.tag == "a")
    assert first.attrs["href"] == "#main" and "skip" in first.classes()
    # ids are unique; every link points at one of them
    ids = Counter(n.attrs["id"] for n in nodes if "id" in n.attrs)
    assert [i for i, c in ids.items() if c > 1] == []
    hrefs = [n.attrs["href"] for n in nodes if n.tag == "a"]
    assert all(h.startswith("#") for h in hrefs), "a link leaves the page"
    assert sorted({h[1:] for h in hrefs} - set(ids)) == []
    # headings in order: none skips a level
    levels = [int(n.tag[1]) for n in nodes if re.fullmatch("h[1-6]", n.tag)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    # the title is the regulation's, unescaped by the browser exactly
    assert next(n for n in nodes if n.tag == "h1").text() == regulation.title
    assert next(n for n in nodes if n.tag == "title").text() == regulation.title
    # every unit has its eId as id, and the table of contents lists every heading
    units = list(walk_units(regulation))
    assert {u.eid for u in units} <= set(ids)
    toc = {h[1:] for n in nodes if n.tag == "nav" for a in n.iter() if a.tag == "a"
           for h in [a.attrs["href"]]}  # fmt: skip
    headings = {u.eid for u in units if u.level in ("part", "subpart", "chapter", "section",
                                                    "division", "appendix")}  # fmt: skip
    assert toc == headings
    # a visible permalink after every 条, 款, 项 and 目
    anchors = {n.attrs["href"][1:] for n in nodes if "anchor" in n.classes()}
    assert {u.eid for u in units if u.level in ("article", "paragraph", "item", "subitem")} <= (
        anchors
    )
    return doc


def _akn_eids(regulation: Regulation) -> list[str]:
    root = etree.fromstring(wdr.to_akn(regulation).encode("utf-8"))
    kinds = {"part", "subpart", "chapter", "section", "division", "article", "paragraph",
             "point", "hcontainer", "attachment"}  # fmt: skip
    return [
        e.get("eId")
        for e in root.iter()
        if isinstance(e.tag, str)
        and e.tag.startswith(AKN)
        and e.tag[len(AKN) :] in kinds
        and e.get("eId")
        and e.get("name") != "placeholder"
    ]


# --------------------------------------------------------------------------- the walk


@pytest.mark.parametrize("path", corpus_params())
def test_the_walk_names_units_as_to_akn_does(path: Path) -> None:
    regulation = wdr.parse_file(path)
    units = list(walk_units(regulation))
    assert [u.eid for u in units if u.region != "preamble"] == _akn_eids(regulation)
    assert [u.order for u in units] == list(range(1, len(units) + 1))
    eids = {u.eid for u in units}
    assert all(u.parent is None or u.parent in eids for u in units)
    for unit in units:
        if unit.citation is not None:
            # the regulation's own unit, found from the citation the walk gives it
            assert regulation.resolve(unit.citation) is unit.node or unit.level == "article"
            assert wdr.parse_citation(unit.eid, regulation=regulation) == unit.citation


def test_a_repeated_number_gets_a_dup_eid_as_in_akoma_ntoso() -> None:
    reg = wdr.parse("# 例\n\n第一条 甲。\n\n第一条 乙。\n", source="dup.md")
    units = list(walk_units(reg))
    assert [u.eid for u in units] == ["art_1", "art_1__para_1", "art_1-dup2", "art_1-dup2__para_1"]
    assert [u.eid for u in units] == _akn_eids(reg)
    page = wdr.to_html(reg)
    assert 'id="art_1-dup2__para_1"' in page


# --------------------------------------------------------------------------- every corpus file


@pytest.mark.parametrize("path", corpus_params())
def test_every_corpus_file_makes_a_sound_page(path: Path) -> None:
    regulation = wdr.parse_file(path)
    page = wdr.to_html(regulation)
    doc = check_page(regulation, page)
    # the ids are the Akoma Ntoso document's eIds
    ids = {n.attrs["id"] for n in doc.root.iter() if "id" in n.attrs}
    assert set(_akn_eids(regulation)) <= ids
    _check_links(regulation, doc)


def _owned(doc: Strict, unit_ids: set[str]) -> dict[str, list[Node]]:
    """The links and marks of each unit's own text (not those of the 项 inside a 款)."""
    out: dict[str, list[Node]] = {}

    def visit(node: Node, owner: str | None) -> None:
        if node.attrs.get("id") in unit_ids:
            owner = node.attrs["id"]
        if owner and (node.tag == "mark" or "xref" in node.classes() or "ext" in node.classes()):
            out.setdefault(owner, []).append(node)
        for child in node.children:
            if isinstance(child, Node):
                visit(child, owner)

    visit(doc.root, None)
    return out


def _check_links(regulation: Regulation, doc: Strict) -> None:
    """Every reference of the text is where it stands in the page: linked to its targets (the
    href read back as a citation names one of them), or marked as dangling or ambiguous, or as
    external;
    text no reference was read in has no marks."""
    units = list(walk_units(regulation))
    owned = _owned(doc, {u.eid for u in units})
    by_at: dict[Citation, list[wdr.Reference]] = {}
    for ref in regulation.references():
        by_at.setdefault(ref.at, []).append(ref)
    kinds: Counter[str] = Counter()
    for unit in units:
        nodes = owned.get(unit.eid, [])
        if not unit.scanned or unit.at is None:
            assert nodes == [], unit.eid
            continue
        refs = by_at.get(unit.at, [])
        targets = {id(unit) for unit in _resolvable(regulation, refs)}
        for node in nodes:
            shown = node.text()
            assert any(shown in r.match.text for r in refs), (unit.eid, shown)
            if node.tag == "a" and node.attrs["href"] == "#title":  # 《its own title》
                kinds["link"] += 1
                assert any(t.level == "instrument" for r in refs for t in r.targets)
            elif node.tag == "a":
                kinds["link"] += 1
                cited = wdr.parse_citation(node.attrs["href"][1:], regulation=regulation)
                assert id(regulation.resolve(cited)) in targets, (unit.eid, shown, cited)
            elif node.tag == "mark" and node.attrs["class"] == "ambiguous":
                kinds["ambiguous"] += 1  # a 项 several 款 of its article have
                assert any(r.ambiguous for r in refs), (unit.eid, shown)
            elif node.tag == "mark":
                kinds["mark"] += 1
            else:
                assert node.attrs["class"] == "ext"
                kinds["ext"] += 1
    found = regulation.references()
    assert kinds["ext"] == sum(r.match.kind == "external" for r in found)
    assert kinds["mark"] >= sum(r.dangling for r in found)
    linkable = [r for r in found if r.match.kind in ("absolute", "internal", "relative")]
    assert kinds["link"] + kinds["ambiguous"] >= sum(
        not r.dangling and bool(r.targets) for r in linkable
    )
    assert kinds["ambiguous"] >= sum(bool(r.ambiguous) and not r.missing for r in found)


def _resolvable(regulation: Regulation, refs: list[wdr.Reference]) -> list[object]:
    out: list[object] = []
    for ref in refs:
        for target in ref.targets:
            try:
                out.append(regulation.resolve(target))
            except (wdr.NotFoundError, CitationError):
                continue
    return out


@settings(max_examples=50)  # each example builds a page (or 2 streams) and checks it: ~0.3 s
@given(regulations())
def test_any_regulation_makes_a_sound_page(regulation: Regulation) -> None:
    doc = check_page(regulation, wdr.to_html(regulation))
    ids = {n.attrs["id"] for n in doc.root.iter() if "id" in n.attrs}
    assert set(_akn_eids(regulation)) <= ids
    _check_links(regulation, doc)


# --------------------------------------------------------------------------- exact values

DEMO = """# 示例条例

2023年4月26日某市人民代表大会常务委员会第十一次会议通过

## 第一章 总则

第一条 依照《中华人民共和国数据安全法》第二十一条和本条例第九条，制定本条例。

第二条 下列事项适用本条例：

（一）数据收集；

（二）数据处理，包括：

1．存储；

2．加工。

前款第一项、第二项规定的事项，依照第一条执行；违反本条例第三条至第四条规定的，依照第九十条处理。

## 第二章 附则

第三条 本条例自2023年7月1日起施行。

第四条 前条规定以外的事项，依照第二条第一款第二项第1目执行。
"""


def _links_of(page: str, eid: str) -> list[tuple[str, str]]:
    doc = parse_page(page)
    owned = _owned(doc, {u.eid for u in walk_units(wdr.parse(DEMO))})
    return [
        (n.text(), n.attrs.get("href", "") if n.tag == "a" else n.tag) for n in owned.get(eid, [])
    ]


def test_each_citation_of_a_list_or_range_links_to_its_own_target() -> None:
    page = wdr.to_html(wdr.parse(DEMO))
    assert _links_of(page, "chp_1__art_2__para_2") == [
        ("前款第一项", "#chp_1__art_2__para_1__point_1"),
        ("第二项", "#chp_1__art_2__para_1__point_2"),
        ("第一条", "#chp_1__art_1"),
        ("本条例第三条", "#chp_2__art_3"),
        ("第四条", "#chp_2__art_4"),
        ("第九十条", "mark"),
    ]
    assert _links_of(page, "chp_2__art_4__para_1") == [
        ("前条", "#chp_2__art_3"),
        ("第二条第一款第二项第1目", "#chp_1__art_2__para_1__point_2__point_1"),
    ]


def test_dangling_references_are_marked_not_linked_and_external_ones_name_the_instrument() -> None:
    page = wdr.to_html(wdr.parse(DEMO))
    assert _links_of(page, "chp_1__art_1__para_1") == [
        ("《中华人民共和国数据安全法》第二十一条", "span"),
        ("本条例第九条", "mark"),
    ]
    doc = parse_page(page)
    (ext,) = [n for n in doc.root.iter() if "ext" in n.classes() and n.tag == "span"][:1]
    assert ext.attrs["data-instrument"] == "中华人民共和国数据安全法"
    assert "中华人民共和国数据安全法" in ext.attrs["title"]
    (mark,) = [n for n in doc.root.iter() if n.tag == "mark" and n.text() == "本条例第九条"]
    assert "第九条" in mark.attrs["title"]


def test_links_do_not_depend_on_references_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # A text the walk reads but references() does not: its references are found again and
    # checked the same way (the path a future unit kind takes until references() reads it).
    reg = wdr.parse(DEMO)
    expected = wdr.to_html(reg)
    monkeypatch.setattr(Regulation, "references", lambda self: ())
    assert wdr.to_html(reg) == expected


def test_hostile_text_is_escaped_everywhere() -> None:
    source = f"# 示例{HOSTILE}条例\n\n## 第一章 {HOSTILE}\n\n第一条 {HOSTILE}。\n\n第二条 甲：\n\n（一）{HOSTILE}；\n"
    reg = wdr.parse(source)
    page = wdr.to_html(reg)
    assert "<script>alert" not in page and page.count("<script>") == 1
    doc = check_page(reg, page)
    nodes = doc.root.iter()
    texts = [n.text() for n in nodes if n.attrs.get("id") == "chp_1__art_1__para_1"]
    assert texts[0].startswith(f"{HOSTILE}。")
    (button,) = [n for n in nodes if n.tag == "button" and "第一条" in n.attrs["aria-label"]]
    full = wdr.format_citation(Citation(article=1), "full", regulation=reg)
    assert button.attrs["data-cite-full"] == full and HOSTILE in full
    assert html.unescape(re.search(r"<title>(.*)</title>", page)[1]) == reg.title  # type: ignore[index]


def test_every_article_has_a_copy_button_with_the_styles_of_format_citation() -> None:
    reg = wdr.load()
    doc = parse_page(wdr.to_html(reg))
    buttons = [n for n in doc.root.iter() if n.tag == "button"]
    assert len(buttons) == len(reg.articles)
    article = reg.article(35)
    button = buttons[34]
    for style in STYLES:
        assert button.attrs[f"data-cite-{style}"] == wdr.format_citation(
            article.citation, style, regulation=reg
        )
    assert "hidden" in button.attrs  # shown by the script, which alone can copy
    options = [n.attrs["value"] for n in doc.root.iter() if n.tag == "option"]
    assert options == list(STYLE_NAMES)
    selected = [
        n.attrs["value"] for n in doc.root.iter() if n.tag == "option" and "selected" in n.attrs
    ]
    assert selected == ["full"]


def test_the_style_picked_first_and_an_unknown_style() -> None:
    doc = parse_page(wdr.to_html(wdr.load(), style="en-compact"))
    assert [n.attrs["value"] for n in doc.root.iter() if "selected" in n.attrs] == ["en-compact"]
    with pytest.raises(CitationError, match="bluebook"):
        wdr.to_html(wdr.load(), style="bluebook")  # type: ignore[arg-type]


def test_a_page_with_no_article_has_no_script_and_no_buttons() -> None:
    reg = wdr.parse("# 通知\n\n一、甲。\n\n二、乙。\n")
    page = wdr.to_html(reg)
    check_page(reg, page)
    assert "<script>" not in page and "<button" not in page and 'id="toc"' not in page


def test_header_history_effective_date_and_the_print_stylesheet() -> None:
    page = wdr.to_html(wdr.load())
    assert '施行日期：<time datetime="2023-07-01">2023年7月1日</time>' in page
    assert "2023年5月31日江苏省第十四届人民代表大会常务委员会第三次会议批准" in page
    assert "@media print" in CSS
    printed = CSS[CSS.index("@media print") :]
    for hidden in ("nav.toc", ".toolbar", "button.copy", "a.anchor"):
        assert hidden in printed


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_has_wcag_aa_contrast(scheme: str) -> None:
    block = CSS if scheme == "light" else CSS[CSS.index("prefers-color-scheme: dark") :]
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", block)[:9])
    assert len(colours) == 9, colours
    for text in ("fg", "muted", "link", "dangling", "external"):
        for background in ("bg", "panel"):
            assert _contrast(colours[text], colours[background]) >= 4.5, (text, background)
    assert _contrast(colours["fg"], colours["target"]) >= 4.5
    assert _contrast(colours["link"], colours["target"]) >= 4.5


# --------------------------------------------------------------------------- a real browser

#: A script run in a copy of the page: checks every link's target in the DOM, clicks the first
#: copy button, and writes what it found into the page for --dump-dom to show.
PROBE = """<script>
(function () {
  var links = document.querySelectorAll('a[href^="#"]');
  var missing = [];
  Array.prototype.forEach.call(links, function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!document.getElementById(id)) { missing.push(id); }
  });
  var button = document.querySelector("button.copy");
  var shown = document.querySelectorAll("button.copy:not([hidden])").length;
  if (button) { button.click(); }
  setTimeout(function () {
    var out = document.createElement("pre");
    out.id = "probe";
    out.textContent = JSON.stringify({
      links: links.length, missing: missing, shown: shown,
      buttons: document.querySelectorAll("button.copy").length,
      toolbar: !document.getElementById("toolbar") || !document.getElementById("toolbar").hidden,
      status: (document.getElementById("copy-status") || {}).textContent || "",
      errors: window.__errors || []
    });
    document.body.appendChild(out);
  }, 200);
}());
</script>"""
CATCH = "<script>window.__errors = []; window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });</script>"

BROWSER_FILES = ["seed", "national/刑法.md", "national/香港特别行政区基本法(1990-04-04).md"]


def _regulation(name: str) -> Regulation:
    return wdr.load() if name == "seed" else wdr.parse_file(CORPUS / name)


@needs_chromium
@pytest.mark.parametrize("name", BROWSER_FILES)
def test_the_page_in_headless_chromium(name: str, tmp_path: Path) -> None:
    import json

    regulation = _regulation(name)
    text = wdr.to_html(regulation)
    page = tmp_path / "page.html"
    page.write_text(text, encoding="utf-8")
    dom, console = dump_dom(page, tmp_path / "profile")
    assert console == [], console
    assert regulation.title in dom
    probed = tmp_path / "probed.html"
    probed.write_text(
        text.replace("<head>", "<head>" + CATCH, 1).replace("</body>", PROBE + "</body>"),
        encoding="utf-8",
    )
    dom, console = dump_dom(probed, tmp_path / "profile", budget_ms=3000)
    found = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom)[1]))  # type: ignore[index]
    assert found["errors"] == [] and console == []
    assert found["missing"] == []
    assert found["links"] >= len(list(walk_units(regulation)))  # a permalink each, at least
    assert found["buttons"] == found["shown"] == len(regulation.articles)
    assert found["toolbar"] is True
    first = regulation.articles[0]
    cited = wdr.format_citation(first.citation, "full", regulation=regulation)
    assert found["status"].endswith(cited) and found["status"].startswith(("已复制", "无法"))


@needs_chromium
def test_the_screenshot_shows_chinese_not_boxes(tmp_path: Path) -> None:
    # Two different characters, large, in the page's own stylesheet: with a CJK font they are
    # two different glyphs; without one, the same empty box twice (or nothing).
    def glyphs(first: str, second: str) -> tuple[int, int, int]:
        """Ink of each character drawn large, and how many pixels differ between them."""
        probe = tmp_path / "glyphs.html"
        probe.write_text(
            f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>{CSS}'
            "body{margin:0;padding:0;max-width:none}"
            "span{position:absolute;top:0;font-size:160px;line-height:1}</style></head><body>"
            f'<span style="left:0">{first}</span><span style="left:200px">{second}</span>'
            "</body></html>",
            encoding="utf-8",
        )
        shot = tmp_path / "glyphs.png"
        screenshot(probe, shot, tmp_path / "profile", (400, 200))
        _, _, rows = png_pixels(shot.read_bytes())

        def ink(x0: int) -> list[bool]:
            return [sum(row[3 * x : 3 * x + 3]) < 384 for row in rows[:180]
                    for x in range(x0, x0 + 180)]  # fmt: skip

        left, right = ink(0), ink(200)
        return sum(left), sum(right), sum(a != b for a, b in zip(left, right, strict=True))

    left, right, differing = glyphs("条", "款")
    assert left > 500 and right > 500, "no glyph was drawn"
    assert differing > 0.2 * max(left, right), "the two characters look alike: boxes"
    # the measure tells boxes apart: two code points no font has draw the same box
    left, right, differing = glyphs("\ue000", "\ue001")
    assert differing <= 0.2 * max(left, right, 1)
    # and the page itself renders: not blank, Chinese text in many shades
    page = tmp_path / "seed.html"
    page.write_text(wdr.to_html(wdr.load()), encoding="utf-8")
    screenshot(page, tmp_path / "seed.png", tmp_path / "profile", (1000, 800))
    _, _, rows = png_pixels((tmp_path / "seed.png").read_bytes())
    pixels = Counter(row[x : x + 3] for row in rows[::3] for x in range(0, len(row), 9))
    assert len(pixels) > 20 and pixels[b"\xff\xff\xff"] < 0.97 * sum(pixels.values())


# --------------------------------------------------------------------------- the command line


def test_export_html_one_file_and_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wuxi_dt_regulation.__main__ import main

    assert main(["export", "--format", "html"]) == 0
    assert capsys.readouterr().out == wdr.to_html(wdr.load())
    files = [CORPUS / "national" / "宪法.md", CORPUS / "national" / "刑法.md"]
    assert main(["export", "--format", "html", *map(str, files), "-o", str(tmp_path / "out")]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["刑法.html", "宪法.html"]
    page = (tmp_path / "out" / "宪法.html").read_text(encoding="utf-8")
    assert page == wdr.to_html(wdr.parse_file(files[0]))


def test_an_ambiguous_item_reference_is_marked_so_not_dangling() -> None:
    """第二项 in a 款 of its own, where two 款 of the article have a 第二项: references() says
    ambiguous (not dangling), and the page says the same."""
    regulation = wdr.parse(
        "# 例\n\n第一条 下列：\n\n（一）甲；\n\n（二）乙。\n\n依照第二项处理。\n\n"
        "下列：\n\n（一）丙；\n\n（二）丁。\n"
    )
    (reference,) = regulation.references()
    assert (reference.exists, reference.dangling, reference.ambiguous) == (
        None,
        False,
        (wdr.Citation(article=1, item=2),),
    )
    page = wdr.to_html(regulation)
    assert (
        '依照<span class="ref"><mark class="ambiguous" title="第一条第二项所指不明确：'
        '本条不止一款有此项">第二项</mark></span>处理。'
    ) in page
    assert 'class="dangling"' not in page.split("<main")[1].split("<footer>")[0]


def test_the_page_of_every_kind_of_block_is_the_golden_one() -> None:
    """The whole page, byte for byte, for a text with a table of contents, a preamble, 项 and 目,
    a reference, a table, an unnumbered heading and an appendix (tests/golden/page.md; the
    golden page was read and checked by hand when it was written)."""
    golden = Path(__file__).parent / "golden"
    reg = wdr.parse_file(golden / "page.md")
    assert [(w.line, w.code) for w in reg.warnings] == [(7, "toc"), (31, "table-in-article")]
    expected = (golden / "page.html").read_text(encoding="utf-8")
    assert wdr.to_html(reg) == expected.replace("{version}", wdr.__version__)


def test_a_contents_list_that_ends_nested_closes_every_level() -> None:
    page = wdr.to_html(wdr.parse("# 例\n\n## 第一章 总则\n\n### 第一节 甲\n\n第一条 甲。\n"))
    nav = page[page.index("<nav") : page.index("</nav>") + len("</nav>")]
    assert nav == (
        '<nav class="toc" id="toc" aria-labelledby="toc-h">\n<h2 id="toc-h">目录</h2>\n<ol>\n'
        '<li><a href="#chp_1">第一章 总则</a>\n<ol>\n'
        '<li><a href="#chp_1__sec_1">第一节 甲</a>\n</li></ol></li></ol>\n</nav>'
    )
