"""A reader's hover, key and print in headless Debian Chromium: 08's matrix tooltip names
a cell's grade and record, Escape leaves the phone's Contents panel with its search results, and a long audit table
prints its first rows with the line that names where every row is while a chart figure may run on after its chart."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
EDITIONS = ["", "ar/"]
PAGES = ("07-framework-or-alliance.html", "08-sco-multivector-states.html")


@pytest.fixture(scope="module")
def pages(request):
    """The built reports: reports/ when it holds the pages these tests open (both editions), else the suite's."""
    from helpers import paths

    here = paths.reports_dir()
    if all((here / e / p).exists() for e in EDITIONS for p in PAGES):
        return here
    return request.getfixturevalue("built_reports")


@pytest.mark.parametrize("edition", EDITIONS)
def test_08_matrix_cell_tooltip_names_grade_and_record(chromium, pages, edition):
    page, rep = rb.open_report(chromium, pages / f"{edition}08-sco-multivector-states.html", viewport=(1280, 900))
    try:
        tip = rb.hover_mark(page, "#chart-matrix", index=40)
        assert tip, f"{edition}08: hovering a matrix cell shows no tooltip"
        lines = [x.strip().strip("\u2067\u2069") for x in tip.splitlines() if x.strip()]
        grades = {"defence pledge", "membership", "partnership", "dialogue status",
                  "تعهد دفاعي", "عضوية", "شراكة", "صفة حوار"}
        assert any(x in grades or x.startswith(tuple(grades)) for x in lines), f"{edition}08 tooltip: {lines}"
        named = [x.lower() for x in lines]  # field names start with a capital since review 10 (L7)
        assert ("source" in named or "المصدر" in lines), f"{edition}08 tooltip names no record: {lines}"
        assert not any("__" in x for x in lines), f"{edition}08 tooltip shows a field's code: {lines}"
        assert rep.console_errors == [] and rep.page_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_escape_closes_the_phone_contents_panel_even_with_search_results_open(chromium, pages, edition):
    """Review 8, low 22: Escape closed the search results but left the Contents panel open over the page."""
    page, rep = rb.open_report(chromium, pages / f"{edition}07-framework-or-alliance.html", viewport=PHONE)
    try:
        page.locator(".report-phonebar details.report-menu > summary").click()
        panel = page.locator(".report-phonebar .report-menu-panel")
        box = panel.locator(".site-search-input")
        box.fill("هلسنكي" if edition else "Helsinki")
        panel.locator(".site-search-results li").first.wait_for(state="visible", timeout=5000)
        box.press("Escape")
        assert not panel.is_visible(), f"{edition}07: one Escape left the Contents panel open"
        focused = page.evaluate("document.activeElement && document.activeElement.tagName")
        assert focused == "SUMMARY", f"{edition}07: focus went to {focused}, not the menu's toggle"
        page.locator(".report-phonebar details.report-menu > summary").click()  # and without a search
        assert panel.is_visible()
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        assert rep.console_errors == [] and rep.page_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_07_prints_the_audit_tables_first_rows_every_column_and_where_every_row_is(chromium, pages, edition):
    """Review 8, low 17: 07 printed 47 A4 pages, most of them its audit table (about 19,000 px of rows)."""
    page, _ = rb.open_report(chromium, pages / f"{edition}07-framework-or-alliance.html", viewport=(720, 1000))
    try:
        screen = page.evaluate("""() => { const t = document.querySelector('#fig-details table');
            return [t.tBodies.length, t.tHead.rows[0].cells.length]; }""")
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        got = page.evaluate("""() => {
            const fig = document.querySelector('#fig-details'), t = fig.querySelector('table');
            const shown = Array.from(t.tBodies).filter(b => getComputedStyle(b).display !== 'none').length;
            const heads = Array.from(t.tHead.rows[0].cells).filter(c => getComputedStyle(c).display !== 'none');
            const note = fig.querySelector('.report-print-note');
            const chart = document.querySelector('.report-chart-figure');
            return {shown, heads: heads.length, note: note && getComputedStyle(note).display !== 'none' ?
                    note.textContent : '', figure: getComputedStyle(chart).breakInside,
                    graphic: getComputedStyle(chart.querySelector('.report-chart')).breakInside};
        }""")
        assert screen[0] > 100 and got["shown"] == 25, f"{edition}07 prints {got['shown']} of {screen[0]} rows"
        assert got["heads"] == screen[1], f"{edition}07 prints {got['heads']} of {screen[1]} columns"
        assert "details.csv" in got["note"] and str(screen[0]) in got["note"], f"{edition}07 note: {got['note']!r}"
        assert (got["figure"], got["graphic"]) == ("auto", "avoid")  # a figure runs on after its chart, whole
    finally:
        page.context.close()
