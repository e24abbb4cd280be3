"""The stylesheet and the script :func:`~wuxi_dt_regulation.to_html` inlines in its page.

Nothing is fetched: the fonts are the reader's own (a CJK serif first, so that Chinese shows as
text and not as boxes wherever one is installed), and the only script is the copy-citation
button, which the page does without (the buttons stay hidden when scripts do not run).

The colours are custom properties in :data:`CSS`, light and dark; ``tests/test_html.py`` checks
every text colour against its background for WCAG 2 contrast (4.5:1 at least).
"""

from __future__ import annotations

__all__ = ["CSS", "FONT_STACK", "SCRIPT", "STYLE_NAMES"]

#: The fonts of the text: CJK serifs first (Noto/Source Han on Linux, Songti on macOS, SimSun on
#: Windows), then the generic family.
FONT_STACK = (
    '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "Songti SC", "SimSun", '
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", serif'
)

#: How the style picker names each style of ``format_citation``.
STYLE_NAMES = {
    "statute": "条文（不含名称）",
    "full": "全称",
    "internal": "本法／本条例",
    "court": "裁判文书",
    "academic": "学术（阿拉伯数字）",
    "en": "English",
    "en-compact": "English (compact)",
    "eid": "eId",
}

CSS = (
    """
:root {
  --fg: #1b1b1b; --bg: #ffffff; --muted: #4a4a4a; --link: #0645ad; --rule: #d0d0d0;
  --target: #fff3bf; --dangling: #a50e0e; --external: #5b3a00; --panel: #f4f4f4;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #ececec; --bg: #141414; --muted: #b8b8b8; --link: #8ab4f8; --rule: #444444;
    --target: #3a3000; --dangling: #ff8a80; --external: #f0c674; --panel: #222222;
  }
}
[hidden] { display: none !important; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; padding: 0 1.25rem 3rem; max-width: 46rem; line-height: 1.8;
  font-family: FONTS; font-size: 1.0625rem; background: var(--bg); color: var(--fg);
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--link); outline-offset: 2px;
}
.skip { position: absolute; left: -999rem; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
header { border-bottom: 1px solid var(--rule); padding: 1.5rem 0 1rem; }
h1 { font-size: 1.75rem; line-height: 1.4; text-align: center; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; text-align: center; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; text-align: center; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
.subtitle { text-align: center; margin: 0; }
.history { list-style: none; padding: 0; margin: .5rem 0; color: var(--muted); text-align: center; }
.meta { text-align: center; color: var(--muted); margin: .25rem 0; }
.toolbar { text-align: center; margin: .75rem 0 0; }
.toolbar select, button.copy {
  font: inherit; font-size: .9rem; color: var(--fg); background: var(--panel);
  border: 1px solid var(--muted); border-radius: .25rem; padding: .1rem .5rem;
}
button.copy { cursor: pointer; margin-left: .5rem; vertical-align: middle; }
#copy-status { min-height: 1.5em; text-align: center; color: var(--muted); margin: .25rem 0 0; }
nav.toc { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
nav.toc ol { list-style: none; padding-left: 1.25rem; margin: 0; }
nav.toc > ol { padding-left: 0; }
.article { margin: 1rem 0; }
.article > .head { display: flex; align-items: baseline; gap: .25rem; flex-wrap: wrap; }
.article > .head > h2, .article > .head > h3, .article > .head > h4, .article > .head > h5,
.article > .head > h6 { margin: 0; font-size: 1.05rem; text-align: left; }
.para > p, p.free { margin: .25rem 0; text-indent: 2em; }
ol.points p.further { margin: .1rem 0; text-indent: 2em; }
ol.points { list-style: none; margin: 0; padding-left: 2em; }
ol.points > li { margin: .1rem 0; }
.num { margin-right: .1em; }
a.anchor { color: var(--muted); text-decoration: none; font-size: .8em; margin-left: .35em; }
a.anchor:hover, a.anchor:focus { color: var(--link); text-decoration: underline; }
a.xref { text-decoration-thickness: 1px; text-underline-offset: .2em; }
.ext { text-decoration: underline dotted var(--external); text-underline-offset: .25em; }
mark.dangling {
  background: transparent; color: var(--dangling);
  text-decoration: underline wavy var(--dangling); text-underline-offset: .25em;
}
mark.ambiguous {
  background: transparent; color: inherit;
  text-decoration: underline dashed var(--dangling); text-underline-offset: .25em;
}
:target { background: var(--target); scroll-margin-top: 1rem; }
table { border-collapse: collapse; margin: .75rem 0; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
.table-wrap { overflow-x: auto; }
.appendix { border-top: 1px solid var(--rule); margin-top: 2rem; }
footer { border-top: 1px solid var(--rule); margin-top: 3rem; color: var(--muted); font-size: .9rem; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
footer dd { margin: 0; }
@media print {
  :root { --fg: #000000; --bg: #ffffff; --link: #000000; --muted: #333333; --target: #ffffff; }
  body { max-width: none; font-size: 11pt; line-height: 1.6; padding: 0; }
  .skip, nav.toc, .toolbar, #copy-status, button.copy, a.anchor, footer { display: none !important; }
  a.xref { text-decoration: none; }
  h1, h2, h3, h4, h5, h6, .article > .head { break-after: avoid-page; }
  .article, ol.points > li, tr { break-inside: avoid-page; }
  @page { margin: 2cm 2.2cm; }
}
""".replace("FONTS", FONT_STACK).strip()
    + "\n"
)

SCRIPT = """
(function () {
  "use strict";
  var picker = document.getElementById("cite-style");
  var status = document.getElementById("copy-status");
  var buttons = document.querySelectorAll("button.copy");
  if (!picker || !status || buttons.length === 0) { return; }
  document.getElementById("toolbar").hidden = false;
  function chosen(button) {
    return button.getAttribute("data-cite-" + picker.value) || button.getAttribute("data-cite-full");
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-999rem";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }
  function report(text, copied) {
    status.textContent = (copied ? "已复制：" : "无法写入剪贴板，请手动复制：") + text;
  }
  function copy(event) {
    var text = chosen(event.currentTarget);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { report(text, true); },
        function () { report(text, fallback(text)); }
      );
    } else {
      report(text, fallback(text));
    }
  }
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", copy);
  });
}());
""".strip()
