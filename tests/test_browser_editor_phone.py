"""Data editor, issue 23 (findings 5 and 6), in headless Chromium on the built reports, both editions, at a phone's
and a desktop's width: 07's typology shows tied scores at their true value and every organisation, 08's matrix on a
phone keeps its column names apart, and neither page scrolls sideways."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

from helpers.charts import typology

pytestmark = pytest.mark.slow
PHONE = (390, 844)
DESKTOP = (1280, 900)
EDITIONS = ["", "ar/"]

#: Every mark of chart ``key`` whose datum has ``field``: [value, x1, y1, x2, y2, mark type, text].
MARKS_JS = """([key, field]) => {
  const el = document.querySelector('#fig-' + key + ' .report-chart'), out = [];
  const walk = node => { for (const item of node.items || []) {
      const d = item.datum || {};
      if (d[field] !== undefined && item.bounds && node.marktype) {
        const b = item.bounds;
        out.push([String(d[field]), b.x1, b.y1, b.x2, b.y2, node.marktype, item.text === undefined ? null : String(item.text), d]);
      }
      if (item.items) walk(item); } };
  walk(el.vegaView.scenegraph().root);
  return out;
}"""

#: The page's and the chart box's widths against the window's.
WIDTHS_JS = """(key) => { const box = document.querySelector('#fig-' + key + ' .report-chart-scroll')
  || document.querySelector('#fig-' + key + ' .report-chart');
  return {page: document.documentElement.scrollWidth, scroll: box.scrollWidth, width: box.clientWidth}; }"""


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_07_typology_draws_tied_scores_at_their_value_names_every_organisation_and_never_scrolls(
        chromium, built_reports, edition, viewport):
    """The scatter set the OSCE and the SCO (both 0.25) at 0.22 and 0.27; a ring for the second made the Arabic
    page scroll sideways at 390 px. Now each organisation has its row and its marks stand at its scores."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}07-framework-or-alliance.html", viewport=viewport)
    try:
        marks = page.evaluate(MARKS_JS, ["typology", "org_id"])
        at = page.evaluate("""(xs) => { const s = document.querySelector('#fig-typology .report-chart').vegaView
          .scale('x'); return xs.map(s); }""", [0.25, typology.PROMISE_AT, 0, 1])
        symbols = [((m[1] + m[3]) / 2, m[7]["org_id"]) for m in marks if m[5] == "symbol"]
        tied = {org for x, org in symbols if abs(x - at[0]) < 0.5}
        assert {"OSCE", "SCO"} <= tied, f"{edition}07: tied dots apart"
        # review 9 (M6): the defence promise's diamonds stand in a column of their own, off the index's 0-1 axis
        promise = {org for x, org in symbols if abs(x - at[1]) < 0.5}
        assert promise == {"NATO", "OSCE", "SCO", "CSTO", "RU_CN_TREATY_2001"}, f"{edition}07: promise marks {promise}"
        assert not min(at[2:]) - 1 <= at[1] <= max(at[2:]) + 1, f"{edition}07: the promise sits on the index's scale"
        rows = {m[7]["org_id"] for m in marks}
        assert rows == {"NATO", "OSCE", "SCO", "CSTO", "EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"}
        unplaced = [m for m in marks if m[5] == "text" and m[7]["org_id"] == "EURASIAN_FRAMEWORK" and m[6]]
        assert unplaced, f"{edition}07: the proposed framework's row is blank"
        got = page.evaluate(WIDTHS_JS, "typology")
        assert got["page"] <= viewport[0], f"{edition}07 scrolls sideways at {viewport[0]} px ({got['page']} px)"
        assert got["scroll"] <= got["width"] + 1, f"{edition}07: the typology's box scrolls"
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_08_matrix_column_names_stand_apart_on_a_phone_and_the_page_does_not_scroll(chromium, built_reports,
                                                                                   edition):
    """Eight upright 11 px column names sat about 9 px apart and overlapped, the grid a third of the screen wide;
    the groups' names now run down the side on a phone and the columns take the width."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}08-sco-multivector-states.html", viewport=PHONE)
    try:
        labels = page.evaluate("""() => {
          const el = document.querySelector('#fig-matrix .report-chart');
          const cells = Array.from(el.querySelectorAll('.mark-rect path')).map(p => p.getBoundingClientRect().top);
          const top = Math.min(...cells);
          return Array.from(el.querySelectorAll('.role-axis-label text')).map(t => {
            const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.top, r.bottom]; })
            .filter(l => l[4] <= top + 1);  // above the cells: the columns' names
        }""")
        assert len(labels) == 8, f"{edition}08: {len(labels)} upright column names"
        lefts = sorted(labels, key=lambda label: label[1])
        for a, b in zip(lefts, lefts[1:]):
            assert b[1] >= a[2] - 0.5, f"{edition}08: '{a[0]}' and '{b[0]}' overlap"
        step = page.evaluate("document.querySelector('#fig-matrix .report-chart').vegaView.scale('x').step()")
        assert step >= 18, f"{edition}08: columns are {step:.1f} px on a phone"
        got = page.evaluate(WIDTHS_JS, "matrix")
        assert got["page"] <= PHONE[0] and got["scroll"] <= got["width"] + 1, f"{edition}08 scrolls: {got}"
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


#: Each short card value on a phone: the left and right of every line box of its text against its cell's.
CARD_LINES_JS = """() => [...document.querySelectorAll('table.report-cards tr:not(.report-row-detail) > td:not([data-long])')]
  .filter(td => td.offsetParent && getComputedStyle(td, '::before').content !== 'none' && td.textContent.trim())
  .map(td => { const r = document.createRange(); r.selectNodeContents(td); const box = td.getBoundingClientRect();
    return {text: td.textContent.trim().slice(0, 40), left: box.left, right: box.right,
            rtl: getComputedStyle(td).direction === 'rtl',
            lines: [...r.getClientRects()].filter(x => x.width > 0).map(x => [x.left, x.right])}; })"""


@pytest.mark.parametrize("edition", EDITIONS)
def test_09_phone_cards_keep_a_wrapped_value_in_its_column_beside_its_label(chromium, built_reports, edition):
    """Editor 9 (M10): on a phone, C48's "The Ukraine crisis has reached its military" sat beside its label and
    "phase." ran back under the label (the label was floated). Every line of a short value now stays in the value's
    column, the far half of the card, in either edition."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}09-claims-ledger.html", viewport=PHONE)
    try:
        cells = page.evaluate(CARD_LINES_JS)
        assert len(cells) > 50
        # the label stands at the cell's start: the left in English, the right in Arabic (an Arabic cell of an
        # English page too)
        wrong = [c["text"] for c in cells for a, b in c["lines"]
                 if (b > c["left"] + 0.55 * (c["right"] - c["left"]) if c["rtl"]
                     else a < c["left"] + 0.45 * (c["right"] - c["left"]))]
        assert wrong == [], f"{edition}09: values running under their labels: {wrong[:5]}"
        assert any(len(c["lines"]) > 1 for c in cells)  # some values do wrap, and stay in their column
    finally:
        page.context.close()
