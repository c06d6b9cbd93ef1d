"""Screenshots of built reports, as a reviewer looks at them: 1280 × 900 and 390 × 844, light, dark and print.

    .venv/bin/python scripts/screenshots.py [--out DIR] [--only 02 07 index] [--full]

Writes ``DIR/<page>--<width>[-dark|-print].png`` (first screen; ``--full`` for the whole page) and prints, per
page and width, what the reading checks measure (sideways scroll, boxes that hide text, Vega warnings).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import report_browser as rb  # noqa: E402

MODES = (("", (1280, 900), "light"), ("", (390, 844), "light"), ("-dark", (1280, 900), "dark"),
         ("-dark", (390, 844), "dark"), ("-print", (1280, 900), "print"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("/tmp/report-shots"))
    ap.add_argument("--reports", type=Path, default=ROOT / "reports")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = sorted(args.reports.glob("*.html"))
    if args.only:
        pages = [p for p in pages if any(p.name.startswith(o) for o in args.only)]
    with rb.browser() as b:
        for path in pages:
            for suffix, viewport, scheme in MODES:
                page, rep = rb.open_report(b, path, viewport=viewport,
                                           color_scheme="dark" if scheme == "dark" else "light")
                if scheme == "print":
                    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
                    page.emulate_media(media="print")
                else:
                    checks = rb.reader_checks(page)
                    print(f"{path.name} {viewport[0]}{suffix}: sideways={checks['sideways']} "
                          f"hidden={checks.get('hidden', [])[:3]} warnings={rep.warnings[:2]}")
                shot = args.out / f"{path.stem}--{viewport[0]}{suffix}.png"
                page.screenshot(path=str(shot), full_page=args.full)
                page.context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
