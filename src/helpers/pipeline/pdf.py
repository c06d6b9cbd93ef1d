"""``make pdf``: a PDF of every built report beside its HTML (``reports/NN-stem.pdf``, ``reports/ar/NN-stem.pdf``),
printed by Chromium.

Each page is opened from ``file://`` with every other request refused, its charts are drawn, every folded section
is opened (print shows what a reader would unfold) and Chromium prints it with the page's print styles (A4, every
column of every table kept, navigation and code left out). The index is not printed.

``python -m helpers.pipeline.pdf [--only NN ...] [--reports DIR]``; exits 2 with one line when Chromium is missing or
the folder holds no report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers import cache, paths

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]
#: What the page runs before printing: the same as its own ``beforeprint`` handler (report.js), called directly
#: because a PDF printed through the DevTools protocol fires no print event.
OPEN_ALL = """() => { document.querySelectorAll('details:not([open])').forEach(d => {
  d.setAttribute('open', ''); d.setAttribute('data-print-opened', ''); }); }"""


class PdfError(Exception):
    """Nothing can be printed (the message says what is missing and what to do)."""


def reports_to_print(reports: Path, only: list[str] | None = None) -> list[Path]:
    """Every report page in ``reports`` and in its Arabic edition (``ar/``; variants and ``-p`` builds included), or
    those of the notebooks in ``only`` (ids such as ``07``), English first, each in name order; the index and
    failure pages are left out."""
    pages = [p for folder in (reports, reports / "ar") for p in sorted(folder.glob("*.html")) if p.name != "index.html"]
    if only:
        pages = [p for p in pages if any(p.name.startswith(f"{i}-") for i in only)]
    return pages


def _open(context, page_path: Path, timeout_ms: int):
    page = context.new_page()
    page.goto(page_path.resolve().as_uri(), wait_until="load")
    page.wait_for_function("document.documentElement.hasAttribute('data-charts-drawn') || "
                           "document.querySelectorAll('.report-chart').length === 0", timeout=timeout_ms)
    page.evaluate(OPEN_ALL)
    page.emulate_media(media="print")
    return page


def print_pdfs(pages: list[Path], timeout_ms: int = 30000, browser=None) -> list[Path]:
    """Print each page to ``<page>.pdf`` beside it (written atomically); returns the PDFs written. ``browser``: a
    Playwright Chromium already running (tests share one), else one is started here."""
    if browser is not None:
        return _print_with(browser, pages, timeout_ms)
    if not CHROMIUM.exists():
        raise PdfError(f"{CHROMIUM} is missing: run scripts/ensure-system-deps.sh (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        started = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            return _print_with(started, pages, timeout_ms)
        finally:
            started.close()


def _print_with(browser, pages: list[Path], timeout_ms: int) -> list[Path]:
    written = []
    context = browser.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    try:
        for path in pages:
            page = _open(context, path, timeout_ms)
            data = page.pdf(format="A4", print_background=True, prefer_css_page_size=True,
                            display_header_footer=False)
            page.close()
            target = path.with_suffix(".pdf")
            cache.atomic_write(target, data, cache.staging_dir(path.parent))
            written.append(target)
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers.pipeline.pdf", description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", default=None, help="notebook ids to print (default: every report)")
    ap.add_argument("--reports", type=Path, default=None, help="the reports folder (default: reports/)")
    args = ap.parse_args(argv)
    reports = (args.reports or paths.reports_dir()).resolve()
    pages = reports_to_print(reports, args.only)
    try:
        if not pages:
            raise PdfError(f"{reports} holds no report to print; build them first (make reports)")
        written = print_pdfs(pages)
    except PdfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in written:
        print(f"{cache.relative(p)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
