"""Open built reports in headless Debian Chromium (Playwright for Python) with every non-file request blocked.

Used by tests/test_browser*.py and scripts/bench_browser.py. Nothing here downloads a browser: Playwright drives
``/usr/bin/chromium`` (installed by scripts/ensure-system-deps.sh), and axe-core comes from ``.cache/node``.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]


@dataclass
class PageReport:
    """What happened while one report was opened."""

    path: Path
    blocked: list[str] = field(default_factory=list)  # non-file requests (all aborted)
    console_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # console warnings (Vega logs its warnings there)
    page_errors: list[str] = field(default_factory=list)
    charts: int = 0
    drawn: int = 0  # chart containers holding an <svg> or <canvas> with content
    state: str = ""  # value of <html data-charts-drawn>
    seconds_to_drawn: float = 0.0


def missing() -> list[str]:
    """What is not installed (run scripts/ensure-system-deps.sh to fix)."""
    out = []
    if not CHROMIUM.exists():
        out.append(str(CHROMIUM))
    if not AXE.exists():
        out.append(str(AXE.relative_to(ROOT)))
    return out


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def open_report(b, path: Path, *, viewport=(1200, 900), timeout_ms: int = 15000, color_scheme: str = "light"):
    """Open ``path`` from file://, block and log every other request, wait for charts; returns (page, report)."""
    rep = PageReport(path=Path(path))
    context = b.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block",
                            color_scheme=color_scheme)
    page = context.new_page()

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            rep.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: rep.console_errors.append(m.text) if m.type == "error" else
            rep.warnings.append(m.text) if m.type == "warning" else None)
    page.on("pageerror", lambda e: rep.page_errors.append(str(e)))
    started = time.perf_counter()
    page.goto(Path(path).resolve().as_uri(), wait_until="load")
    page.wait_for_function("document.documentElement.hasAttribute('data-charts-drawn') || "
                           "document.querySelectorAll('.report-chart').length === 0", timeout=timeout_ms)
    rep.seconds_to_drawn = time.perf_counter() - started
    rep.state = page.evaluate("document.documentElement.getAttribute('data-charts-drawn') || ''")
    counts = page.evaluate("""() => {
        const els = Array.from(document.querySelectorAll('.report-chart'));
        const drawn = els.filter(el => {
            const svg = el.querySelector('svg');
            if (svg && svg.querySelectorAll('path, rect, text, line, circle').length > 0) return true;
            const canvas = el.querySelector('canvas');
            return !!(canvas && canvas.width > 0 && canvas.height > 0);
        });
        return [els.length, drawn.length];
    }""")
    rep.charts, rep.drawn = counts
    return page, rep


def run_axe(page) -> list[dict]:
    """axe-core's violations on the open page (each with id, impact, help and the offending nodes)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    return json.loads(json.dumps(result))


def hover_mark(page, chart_selector: str = ".report-chart", index: int = 0, chart_index: int = 0) -> str:
    """Hover data mark ``index`` (SVG order) of chart ``chart_index`` among those matching ``chart_selector``;
    return the visible vega tooltip's text ('' when no tooltip shows)."""
    # data marks only (axes and legends come first in the SVG and have no tooltips)
    chart = page.locator(chart_selector).nth(chart_index)
    marks = chart.locator("svg g.role-mark > path, svg g.role-mark > text")
    if marks.count() <= index:
        return ""
    mark = marks.nth(index)
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    if box is None:
        return ""
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=4)
    try:
        page.wait_for_selector("#vg-tooltip-element.visible", timeout=2000)
    except Exception:
        return ""
    text = page.inner_text("#vg-tooltip-element")
    page.mouse.move(0, 0)
    return text


# ------------------------------------------------------------------------------------------- a chart's texts

#: Every visible text item of one chart's Vega scenegraph, with its font size, its box on the page and the role
#: of the mark group that drew it; the chart is picked by its position among the page's charts (a number) or by a
#: key its figure's id contains (a string).
CHART_TEXTS_JS = """(key) => {
  const charts = Array.from(document.querySelectorAll('.report-chart'));
  const el = typeof key === 'number' ? charts[key] : charts.find(e => (e.closest('figure') || e).id.includes(key));
  const out = [];
  const walk = (node, role, ox, oy) => {
    for (const item of node.items || []) {
      if (node.marktype === 'text' && item.text !== undefined && String([].concat(item.text).join('')).trim()
          && item.bounds && (item.opacity === undefined || item.opacity > 0)) {
        out.push([[].concat(item.text).join(' '), item.fontSize || 11, ox + item.bounds.x1, oy + item.bounds.y1,
                  ox + item.bounds.x2, oy + item.bounds.y2, node.role || role]);
      }
      if (item.items) {
        const group = node.marktype === 'group';
        walk(item, node.role || role, ox + (group ? item.x || 0 : 0), oy + (group ? item.y || 0 : 0));
      }
    }
  };
  walk(el.vegaView.scenegraph().root, '', 0, 0);
  return out;
}"""


@dataclass(frozen=True)
class ChartText:
    """One text a chart drew: its words, font size (px), box on the page and mark role (``axis-label``, ...)."""

    text: str
    size: float
    x1: float
    y1: float
    x2: float
    y2: float
    role: str


def chart_texts(page, chart: int | str) -> list[ChartText]:
    """The visible texts of one chart (see :data:`CHART_TEXTS_JS`): ``chart`` is its position or an id key."""
    return [ChartText(*item) for item in page.evaluate(CHART_TEXTS_JS, chart)]


# ---------------------------------------------------------------------------------------------- reading checks

#: charts whose box may scroll sideways on a phone (and says so), with the reason; every other chart fits the screen
SCROLLING_CHARTS: dict[str, str] = {
    "#chart-grid": "06's principle grid: twelve document titles need ≈440 px beside five columns",
    "#chart-structure": "00's paragraph chart: nineteen paragraph columns of 22 px beside the tags' names",
}


def charts_past_their_box(checks: dict) -> list[str]:
    """The charts of ``reader_checks`` that scroll sideways (unless listed above) or cut their own labels."""
    return [c for c in checks["charts"] if c.split(" ")[0] not in SCROLLING_CHARTS or " cuts " in c]

READER_CHECKS_JS = r"""() => {
  const vw = document.documentElement.clientWidth;
  const inScrollBox = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      // a box that clips its sides (overflow-x: clip, which lets a header stick to the window) holds them too
      if (o === 'auto' || o === 'scroll' || (o === 'hidden' || o === 'clip') && p !== document.body) return true; }
    return false; };
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // 1. content wider than the screen outside a scroll box
  const overflow = [];
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    if (!visible(el) || inScrollBox(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 || r.left < -1) overflow.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' +
      String(el.className).split(' ')[0]) + ' right=' + Math.round(r.right));
  }
  // 2. chart text smaller than 9 CSS px as drawn (font size times the SVG's scale)
  const tiny = [];
  for (const t of document.querySelectorAll('.report-chart svg text')) {
    if (!t.textContent.trim()) continue;
    const m = t.getScreenCTM();
    const h = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    if (h < 8.95) tiny.push(t.textContent.trim().slice(0, 30) + ' ' + h.toFixed(1) + 'px');
  }
  // 3. raw identifiers in reader-visible text (code, URLs, file names aside)
  const skip = 'script, style, code, pre, kbd, .report-code, .report-url, .jp-InputArea, .report-exports, title';
  const ids = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const token = /\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;
  const files = /[\w./-]+\.(?:csv|json|py|ipynb|html|svg|png)\b/g;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest(skip)) continue;
    for (const m of n.textContent.replace(files, ' ').match(token) || []) ids.add(m);
  }
  for (const t of document.querySelectorAll('.report-chart svg text')) {
    for (const m of t.textContent.match(token) || []) ids.add(m);
  }
  // 4. source lines: links shown without opening a group
  const lines = Array.from(document.querySelectorAll('.report-source')).map(l =>
    Array.from(l.querySelectorAll('a')).filter(a => !a.closest('details:not([open])')).length);
  // 5. text hidden inside a box: a box that clips or scrolls its content sideways and has more than it shows
  const hidden = [];
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    if (!visible(el) || el.clientWidth <= 2 || el.closest('.visually-hidden, .cite-tip, .cell-tip')) continue;
    const o = getComputedStyle(el).overflowX;
    if (o === 'visible' || o === 'clip' && !el.textContent.trim()) continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
      hidden.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]) +
        ' ' + el.clientWidth + '<' + el.scrollWidth);
  }
  // 6. Arabic runs isolated in English text must not hold a bracket they do not open or close themselves
  const unbalanced = [];
  for (const el of document.querySelectorAll('bdi[dir="rtl"], span[dir="rtl"]')) {
    const t = el.textContent;
    for (const [o, c] of [['(', ')'], ['[', ']'], ['«', '»']]) {
      if (t.split(o).length !== t.split(c).length) { unbalanced.push(t.slice(0, 40)); break; }
    }
  }
  // 7. charts wider than their box: the box scrolls sideways, or the drawing cuts its own text at its edge
  const charts = [];
  for (const el of document.querySelectorAll('.report-chart')) {
    const box = el.closest('.report-chart-scroll') || el, svg = el.querySelector('svg');
    if (!svg || !visible(box)) continue;
    const name = '#' + el.id;
    if (box.scrollWidth > box.clientWidth + 1)
      charts.push(name + ' scrolls ' + box.clientWidth + '<' + box.scrollWidth);
    const s = svg.getBoundingClientRect();
    const cut = Array.from(svg.querySelectorAll('text')).filter(t => { const r = t.getBoundingClientRect();
      return t.textContent.trim() && r.width > 0 && (r.right > s.right + 2 || r.left < s.left - 2); });
    if (cut.length) charts.push(name + ' cuts "' + cut[0].textContent.trim().slice(0, 30) + '"');
  }
  // 8. first screen
  const bottom = sel => {
    const el = document.querySelector(sel); return el ? el.getBoundingClientRect().bottom + scrollY : null; };
  return {sideways: document.documentElement.scrollWidth - vw, overflow: overflow.slice(0, 12), tiny: tiny.slice(0, 12),
          hidden: hidden.slice(0, 12), charts: charts.slice(0, 12), unbalanced: unbalanced.slice(0, 12),
          tiny_count: tiny.length, ids: Array.from(ids).sort(), max_links: Math.max(0, ...lines),
          height: document.documentElement.scrollHeight, summary_bottom: bottom('.report-summary'),
          glance_bottom: bottom('.report-glance')};
}"""


def reader_checks(page) -> dict:
    """What a reader would notice on the open page: sideways scrolling, content spilling out of its box, charts
    wider than their box or cutting their own labels, chart text under 9 px, raw identifiers, long source lines,
    page height, and whether the first screen answers."""
    return json.loads(json.dumps(page.evaluate(READER_CHECKS_JS)))


def expected_reports() -> list[str]:
    """Every report the section map declares: ``<stem>.html`` and ``<stem>--<variant>.html``, plus the index."""
    from helpers import paths
    from helpers.section_map import read

    names = []
    for nb in read(paths.COLLECTION).get("notebook", []):
        names.append(f"{nb['stem']}.html")
        names += [f"{nb['stem']}--{v['name']}.html" for v in nb.get("variant", [])]
    return names + ["index.html"]
