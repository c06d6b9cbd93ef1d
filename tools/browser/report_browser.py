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


def open_report(b, path: Path, *, viewport=(1200, 900), timeout_ms: int = 15000):
    """Open ``path`` from file://, block and log every other request, wait for charts; returns (page, report)."""
    rep = PageReport(path=Path(path))
    context = b.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block")
    page = context.new_page()

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            rep.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: rep.console_errors.append(m.text) if m.type == "error" else None)
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
