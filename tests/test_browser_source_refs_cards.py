"""Data editor, review 10, in headless Chromium on the built reports, both editions: wide tables read as cards on
a phone (M4), sources are cited by number where the data's notes name them by id (M2), the header names the
report's settings in reader words (M2), and the Arabic printed page keeps its link targets in order (L10)."""

from __future__ import annotations

import re

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
DESKTOP = (1280, 900)
EDITIONS = ["", "ar/"]

#: Each table box: its widths, whether its table became cards, and for a card table each shown cell's label next to
#: its column's header.
TABLES_JS = """() => Array.from(document.querySelectorAll('.report-table-scroll')).filter(b => b.offsetParent)
  .map(b => { const t = b.querySelector('table'), heads = Array.from(t.querySelectorAll('thead tr:last-child > th'))
      .map(th => th.textContent.replace(/\\s+/g, ' ').trim());
    const row = t.querySelector('tbody > tr:not(.report-row-detail):not(.report-group)');
    const labels = row ? Array.from(row.children).map(c => getComputedStyle(c, '::before').content) : [];
    return {id: t.id, scroll: b.scrollWidth, width: b.clientWidth, cards: t.classList.contains('report-cards'),
            wide: t.classList.contains('report-cards-wide'), heads, labels}; })"""


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("stem", ["07-framework-or-alliance", "08-sco-multivector-states"])
def test_wide_tables_read_as_cards_on_a_phone_with_each_value_under_its_header(chromium, built_reports, edition, stem):
    """08's both-sides table (842 px) and 07's scores, profile and robustness tables scrolled sideways in a 350 px
    column; now no table box scrolls on a phone, and a table too wide for it shows each row as a card whose cells
    carry their column's header. On a desktop the same tables keep their columns."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}{stem}.html", viewport=PHONE)
    try:  # every fold open, as a reader who reads the whole page leaves it
        page.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")
        page.wait_for_timeout(200)
        boxes = page.evaluate(TABLES_JS)
        assert [(b["id"], b["scroll"]) for b in boxes if b["scroll"] > b["width"] + 1] == []
        wide = [b for b in boxes if b["wide"]]
        assert wide, f"{edition}{stem}: no table became cards"
        for b in wide:
            shown = [label.strip('"') for label in b["labels"]]
            assert shown == b["heads"][:len(shown)] and len(shown) >= 3, (b["id"], shown, b["heads"])
    finally:
        page.context.close()
    page, rep = rb.open_report(chromium, built_reports / f"{edition}{stem}.html", viewport=DESKTOP)
    try:
        assert [b["id"] for b in page.evaluate(TABLES_JS) if b["cards"] and b["wide"]] == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_07_matrix_tooltip_cites_its_source_by_number(chromium, built_reports, edition):
    """The tooltip read "(jscsto-collective-security-system, read 30 November 2026)"; now the source is [n], a link
    to the bibliography entry that names the CSTO's page."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}07-framework-or-alliance.html", viewport=DESKTOP)
    try:
        text = page.evaluate("() => document.querySelector('main').innerText")
        assert "jscsto-collective-security-system" not in text
        assert "adilet-kz-sco-treaty-2007-ratification" not in text
        link = page.evaluate("""() => { const a = document.querySelector('main a.cite[href="#src-jscsto-collective-security-system"]');
          return a && document.getElementById('src-jscsto-collective-security-system') ? a.textContent : null; }""")
        assert link and re.match(r"\[\d+\]", link), link
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_header_names_the_reports_settings_in_reader_words(chromium, built_reports, edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}07-framework-or-alliance.html", viewport=DESKTOP)
    try:
        meta = page.evaluate("() => document.querySelector('.report-meta').innerText")
        assert ("خيارات هذا التقرير" if edition else "This report's settings") in meta
        assert ("المنظمات" if edition else "Organisations") in meta
        assert "orgs" not in meta and "Parameters" not in meta
    finally:
        page.context.close()


def test_arabic_printed_link_targets_are_set_apart_left_to_right(chromium, built_reports):
    """The Arabic PDF printed "(the-proposal.html-01)": a link's target, printed after it, took the line's right to
    left order. In print it is now an isolated left-to-right run."""
    page, rep = rb.open_report(chromium, built_reports / "ar/07-framework-or-alliance.html", viewport=DESKTOP)
    try:
        page.emulate_media(media="print")
        got = page.evaluate("""() => { const a = document.querySelector('main a[href$=".html"]:not(.cite)');
          const s = getComputedStyle(a, '::after'); return [s.content, s.direction, s.unicodeBidi]; }""")
        assert ".html" in got[0] and got[1:] == ["ltr", "isolate"], got
    finally:
        page.context.close()
