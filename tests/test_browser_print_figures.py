"""Print, as a reader gets it on A4: a figure's title is on the same page as its chart. Review 9 (medium 9): 02's
map title and its year's caption ended one page and the map began the next; 08's matrix title did the same."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
FIGURES = [("02-nato-enlargement.html", "nato-map"), ("08-sco-multivector-states.html", "matrix")]


@pytest.fixture(scope="module")
def pages(request):
    """The built reports: reports/ when it holds these pages, else the suite's."""
    from helpers import paths

    here = paths.reports_dir()
    if all((here / p).exists() for p, _ in FIGURES):
        return here
    return request.getfixturevalue("built_reports")


def _page_texts(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return [" ".join(p.split()) for p in text.stdout.split("\f")]


@pytest.mark.parametrize("name, key", FIGURES)
def test_a_printed_figure_title_is_on_the_page_of_its_chart(chromium, pages, name, key, tmp_path):
    page, _ = rb.open_report(chromium, pages / name, viewport=(1200, 900))
    try:
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        got = page.evaluate("""(key) => {
            const fig = document.querySelector('#fig-' + key), keep = fig.querySelector('.report-figure-keep');
            const words = fig.querySelector('.report-figure-title').textContent.trim().split(/\\s+/);
            const first = Array.from(fig.querySelectorAll('.report-chart svg text'))
                .map(t => t.textContent.trim()).find(t => t.length > 3);
            return {keep: keep ? getComputedStyle(keep).breakInside : null,
                    holds: keep ? keep.contains(fig.querySelector('.report-chart')) : false,
                    tail: words.join(' '), first};
        }""", key)
        assert got["keep"] == "avoid" and got["holds"], f"{name}: the title and the chart are not kept together"
        assert shutil.which("pdftotext"), "poppler's pdftotext is missing: run scripts/ensure-system-deps.sh"
        texts = _page_texts(page.pdf(format="A4", print_background=True), tmp_path)
        at = next(i for i, t in enumerate(texts) if got["tail"] in t)
        chart_at = next(i for i, t in enumerate(texts) if i >= at and got["first"] in t)
        assert chart_at == at, f"{name}: the title ends page {at + 1}, its chart ({got['first']!r}) is on {chart_at + 1}"
    finally:
        page.context.close()
