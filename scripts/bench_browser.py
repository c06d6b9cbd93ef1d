"""Benchmark (not a test): each report's size and time until every chart is drawn in headless Chromium.

    .venv/bin/python scripts/bench_browser.py            # reports/ (or $NATO_REPORTS_DIR)
    .venv/bin/python scripts/bench_browser.py DIR --runs 3
    .venv/bin/python scripts/bench_browser.py --check    # exit 1 when a report is over a budget (issue 11)

Size = the report's HTML + its share of the shared assets (assets/ divided by the number of reports); exports
(SVG/PNG/CSV downloads) are listed apart because the page does not load them. Time = from navigation start to
``<html data-charts-drawn>`` (set by assets/report.js once vega has drawn every chart), median of ``--runs``
cold page loads (each in a fresh browser context). Budgets (issues 6 and 11): ≤ 600 KB and ≤ 1.5 s per report.
The search library and index (assets/minisearch.js, assets/search-index.js) are counted in the shared assets
although a page loads them only when the reader first searches.

With ``--check`` the script is a gate: it exits 1 when a report is over either budget, tried the network, logged
a console error or left a chart undrawn, and prints which.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the browser helpers the tests use
sys.path.insert(0, str(ROOT / "src"))

from browser import report_browser as rb  # noqa: E402

SIZE_GOAL_KB = 600
TIME_GOAL_S = 1.5


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def main(argv: list[str] | None = None) -> int:
    from helpers import paths

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="?", type=Path, default=paths.reports_dir(), help="folder with the built reports")
    ap.add_argument("--runs", type=int, default=3, help="page loads per report (median is shown)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a report is over a budget or has errors")
    ap.add_argument("--reader", action="store_true",
                    help="instead: the reading checks of each page at 1280 × 900 and 390 × 844 (height, widest "
                         "source line, chart text under 9 px, raw identifiers, first screen)")
    args = ap.parse_args(argv)
    if args.reader:
        return reader_table(args.reports)
    folder: Path = args.reports
    pages = sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    if not pages:
        print(f"bench: no reports in {folder}; run `make reports` first", file=sys.stderr)
        return 2
    if rb.missing():
        print(f"bench: missing {', '.join(rb.missing())}; run scripts/ensure-system-deps.sh", file=sys.stderr)
        return 2
    assets = sum(p.stat().st_size for p in (folder / "assets").rglob("*") if p.is_file())
    share = assets // len(pages)
    rows, over, broken = [], 0, []
    with rb.browser() as b:
        for page_path in pages:
            times, charts = [], 0
            for _ in range(max(1, args.runs)):
                page, rep = rb.open_report(b, page_path)
                ms = page.evaluate("performance.now()")
                charts = rep.charts
                if rep.blocked or rep.console_errors or rep.page_errors or rep.drawn != rep.charts:
                    broken.append(page_path.name)
                    print(f"bench: {page_path.name}: blocked={rep.blocked} errors={rep.console_errors} "
                          f"drawn {rep.drawn}/{rep.charts}", file=sys.stderr)
                page.context.close()
                times.append(ms / 1000)
            html = page_path.stat().st_size
            exports = folder / "exports" / page_path.stem
            export_size = sum(p.stat().st_size for p in exports.rglob("*") if p.is_file()) if exports.exists() else 0
            total = html + share
            t = statistics.median(times)
            flag = "" if total <= SIZE_GOAL_KB * 1024 and t <= TIME_GOAL_S else "  ← over goal"
            over += bool(flag)
            rows.append((page_path.name, _kb(html), _kb(total), charts, f"{t:.2f} s", _kb(export_size), flag))
    head = ("report", "html", "html+assets share", "charts", "drawn in", "exports")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r[:-1], widths)) + r[-1])
    print(f"\nassets/ {_kb(assets)} shared by {len(pages)} reports ({_kb(share)} each); "
          f"goals ≤ {SIZE_GOAL_KB} KB and ≤ {TIME_GOAL_S} s; {over} report(s) over a goal")
    if broken:
        print(f"{len(set(broken))} report(s) with errors: {', '.join(sorted(set(broken)))}")
    return 1 if args.check and (over or broken) else 0


def reader_table(folder: Path) -> int:
    """One line per page and width: what a reader would notice (see tests/test_browser_reader.py)."""
    pages = sorted(folder.glob("*.html"))
    with rb.browser() as b:
        for page_path in pages:
            for width, height in ((1280, 900), (390, 844)):
                page, _ = rb.open_report(b, page_path, viewport=(width, height))
                r = rb.reader_checks(page)
                page.context.close()
                glance = "-" if r["glance_bottom"] is None else f"{r['glance_bottom']:.0f}"
                print(f"{page_path.name:42} {width:4}  height {r['height']:6}  sideways {r['sideways']:3}  "
                      f"spills {len(r['overflow']):2}  links {r['max_links']:3}  text<9px {r['tiny_count']:3}  "
                      f"glance ends {glance:>5}  ids {' '.join(r['ids'][:6])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
