"""Data editor, review 9 (M7), in headless Chromium on the built reports: 08's state × structure matrix has 73 rows
and named its columns only at its top, so halfway down a reader could not tell NATO's column from the SCO's. The
column names now stay in view while the rows scroll past, at a desktop's and a phone's width, in both themes and
both editions; on paper the matrix prints once, with its own names."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
DESKTOP = (1280, 900)
PAGE = "08-sco-multivector-states.html"

#: Scroll the window until the matrix's middle row is in the middle of the screen, then, for each column's name
#: (the chart's labels above its cells), whether a reader sees it: wholly on screen below the phone's bar, not covered.
SEEN_JS = """() => {
  const el = document.querySelector('#fig-matrix .report-chart');
  const rows = el.vegaView.scale('y').domain();
  const cells = Array.from(el.querySelectorAll('g.role-mark path')).map(p => p.getBoundingClientRect());
  const top = Math.min(...cells.map(r => r.top)), bottom = Math.max(...cells.map(r => r.bottom));
  // the columns' names as the edition writes them: the chart's own axis labels above its cells
  const names = Array.from(el.querySelectorAll('.role-axis-label text'))
    .filter(t => t.getBoundingClientRect().bottom <= top + 1).map(t => t.textContent);
  window.scrollTo(0, window.scrollY + (top + bottom) / 2 - window.innerHeight / 2);
  const bar = document.querySelector('.report-phonebar');
  const below = bar && bar.offsetHeight ? bar.getBoundingClientRect().bottom : 0;
  const texts = Array.from(document.querySelectorAll('#fig-matrix text'));
  return {rows: rows.length, scrolled: window.scrollY, seen: names.map(name => {
    // the name is on screen, and nothing is drawn over it: the drawing topmost at its middle is the one holding it
    // (Vega's labels take no pointer events, so the hit is their svg)
    const shown = texts.filter(t => t.textContent === name).filter(t => {
      const r = t.getBoundingClientRect();
      if (!r.width || r.top < below || r.bottom > window.innerHeight) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && hit.closest('svg') === t.closest('svg'); });
    return [name, shown.length > 0];
  })};
}"""


@pytest.mark.parametrize("edition", ["", "ar/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_08_matrix_column_names_stay_in_view_while_its_rows_scroll(chromium, built_reports, edition, scheme,
                                                                    viewport):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}{PAGE}", viewport=viewport,
                               color_scheme=scheme)
    try:
        got = page.evaluate(SEEN_JS)
        page.wait_for_timeout(100)
        got = page.evaluate(SEEN_JS)  # again, once the scroll has settled
        assert got["rows"] > 60 and len(got["seen"]) == 8
        hidden = [name for name, seen in got["seen"] if not seen]
        assert hidden == [], (f"{edition}08 at {viewport[0]} px ({scheme}): halfway down the matrix the column "
                              f"names {hidden} are out of view")
        assert rep.console_errors == [] and rep.warnings == []
        doubled = page.evaluate("""() => { const b = document.querySelector('#fig-matrix .report-sticky-band');
          return b ? getComputedStyle(b).display : 'none'; }""")
        assert doubled != "none"  # on screen the names that stay are the band's copy
        page.emulate_media(media="print")
        assert page.evaluate("""() => getComputedStyle(document.querySelector('#fig-matrix .report-sticky-band'))
          .display""") == "none", "the matrix's names would print twice"
    finally:
        page.context.close()


def test_08_matrix_band_adds_no_duplicate_ids_and_no_name_to_assistive_technology(chromium, built_reports):
    """The copy of the drawing is for the eye only: no id appears twice on the page, and it is hidden from screen
    readers, which read the chart's own description and table."""
    page, _ = rb.open_report(chromium, built_reports / PAGE, viewport=DESKTOP)
    try:
        got = page.evaluate("""() => { const ids = Array.from(document.querySelectorAll('[id]')).map(n => n.id);
          const band = document.querySelector('#fig-matrix .report-sticky-band');
          return {dup: ids.filter((v, i) => ids.indexOf(v) !== i), hidden: band.getAttribute('aria-hidden')}; }""")
        assert got == {"dup": [], "hidden": "true"}
    finally:
        page.context.close()
