"""Print, as an editor printed the reports to A4 in headless Debian Chromium (review 10, M6 and L11): chart words
print at a readable size (the charts are drawn again at the paper's text width), a figure's title is never cut
across two pages nor left at a page's foot without its table's first rows, and the slider's instruction stays on
the screen."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
CSS = Path(__file__).resolve().parents[1] / "src" / "helpers" / "templates" / "nato_report" / "static" / "report.css"
NEEDED = ("02-nato-enlargement.html", "04-crisis-arms-control-war.html", "ar/02-nato-enlargement.html",
          "08-sco-multivector-states.html")


@pytest.fixture(scope="module")
def pages(request):
    from helpers import paths

    here = paths.reports_dir()
    if all((here / p).exists() for p in NEEDED):
        return here
    return request.getfixturevalue("built_reports")


def _pdf(page, path: Path) -> Path:
    page.pdf(path=str(path), format="A4", print_background=True)
    return path


def _word_heights(pdf: Path, word: str) -> list[float]:
    """The height (pt) of every box pdftotext finds for ``word`` in the PDF (about 1.35 × its font size)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [float(b) - float(a) for a, b in re.findall(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', out)]


def _pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", t) for t in out.split("\f")]


@pytest.mark.parametrize(("report", "word"), [("04-crisis-arms-control-war.html", "Threshold"),
                                              ("02-nato-enlargement.html", "members")])
def test_chart_words_print_at_a_readable_size(chromium, pages, tmp_path, report, word):
    """M6: a chart drawn for the 972 px desktop column and shrunk onto A4 printed its labels at about 5–6 pt."""
    page, rep = rb.open_report(chromium, pages / report, viewport=(1280, 900))
    try:
        pdf = _pdf(page, tmp_path / "r.pdf")
        heights = _word_heights(pdf, word)
        assert heights, f"{word!r} is not in the PDF of {report}"
        assert min(heights) >= 9.3, f"{report}: {word!r} prints {min(heights):.1f} pt high (under about 7 pt type)"
        # the screen's charts come back after printing
        assert page.evaluate("document.querySelector('.report-chart svg').getAttribute('width')") != "680"
        assert rep.console_errors == [] and rep.page_errors == []
    finally:
        page.context.close()


def _figure_page(rows: int, spacer: int) -> str:
    title = "A table title long enough to run onto a second line when it is printed across the paper's text width"
    body = "".join(f"<tr><td>row {i}</td><td>{i * 7}</td></tr>" for i in range(1, rows + 1))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="{CSS.as_uri()}">'
            f'</head><body class="report"><main><div style="height:{spacer}px"></div>'
            f'<figure class="report-figure report-table-figure"><p class="report-figure-title">{title}</p>'
            f'<div class="report-table-scroll"><table class="report-table"><thead><tr><th>Name</th><th>Count</th>'
            f'</tr></thead><tbody>{body}</tbody></table></div></figure></main></body></html>')


@pytest.mark.parametrize("spacer", [880, 900, 920, 940, 960, 975, 990])
def test_a_table_title_stays_whole_and_with_its_first_rows(chromium, tmp_path, spacer):
    """M6: 04's treaty-table title ended page 9 and finished on page 10; 05's claims title and header row stood
    alone at the foot of page 10. Whatever space is left at a page's foot, the title is printed whole, on the page
    of the table's first rows."""
    html = tmp_path / "t.html"
    html.write_text(_figure_page(40, spacer), encoding="utf-8")
    page = chromium.new_page()
    try:
        page.goto(html.as_uri())
        texts = _pages_text(_pdf(page, tmp_path / "t.pdf"))
        start = [i for i, t in enumerate(texts) if "A table title" in t]
        end = [i for i, t in enumerate(texts) if "text width" in t]
        first = [i for i, t in enumerate(texts) if re.search(r"\brow 1\b", t)]
        assert start == end, f"spacer {spacer}: the title runs from page {start} onto page {end}"
        assert start == first, f"spacer {spacer}: the title is on page {start}, the first row on page {first}"
    finally:
        page.close()


@pytest.mark.parametrize(("edition", "words"), [("", "Move the slider"), ("ar/", "حرّك المنزلق")])
def test_the_slider_instruction_is_not_printed(chromium, pages, tmp_path, edition, words):
    """L11: print kept "Move the slider, or focus it and use the arrow keys…" (02), which paper cannot do."""
    page, _ = rb.open_report(chromium, pages / f"{edition}02-nato-enlargement.html", viewport=(1280, 900))
    try:
        assert words in page.inner_text("main"), "the screen lost the instruction"
        page.emulate_media(media="print")
        assert words not in page.inner_text("main"), f"the printed {edition}02 still says {words!r}"
    finally:
        page.context.close()


def test_08_matrix_still_prints_on_one_page_with_its_title(chromium, pages, tmp_path):
    """Drawn at the paper's width, the 73-row matrix (15 px a row) is taller than A4: it is scaled to one page."""
    page, _ = rb.open_report(chromium, pages / "08-sco-multivector-states.html", viewport=(1280, 900))
    try:
        texts = _pages_text(_pdf(page, tmp_path / "m.pdf"))
        on = [i for i, t in enumerate(texts)
              if "Afghanistan" in t and "Russia and China" in t and "dialogue status" in t]
        assert on, "the matrix's first row, last group and key are not on one page"
    finally:
        page.context.close()
