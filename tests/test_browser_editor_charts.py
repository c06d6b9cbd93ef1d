"""What the eighth data-editor review found in the charts of 01, 02, 04 and 05, in headless Debian Chromium on the
built reports (both editions where the chart is shared): a phone's plot keeps the width, names keep apart, the first
two warhead views name their count and date, and a wide table keeps its row names in view."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
DESKTOP = (1280, 900)
EDITIONS = ["", "ar/"]

#: Every drawn item of chart ``key`` (a mark's items, axis labels included): [mark type, role, x1, y1, x2, y2, text,
#: datum], in the chart's own pixels (a group's items are placed from the group's origin, so the origins add up).
ITEMS_JS = """(key) => {
  const el = document.querySelector('#fig-' + key + ' .report-chart'), out = [];
  const walk = (node, role, ox, oy) => { for (const item of node.items || []) {
      const b = item.bounds, r = node.role || role;
      if (b && node.marktype) {
        out.push([node.marktype, r || '', ox + b.x1, oy + b.y1, ox + b.x2, oy + b.y2,
                  item.text === undefined ? null : [].concat(item.text).join(' '), item.datum || {}]);
      }
      if (item.items) walk(item, r, ox + (node.marktype === 'group' ? item.x || 0 : 0),
                           oy + (node.marktype === 'group' ? item.y || 0 : 0)); } };
  walk(el.vegaView.scenegraph().root, '', 0, 0);
  return {items: out, width: el.clientWidth};
}"""


def _items(page, key: str) -> tuple[list, float]:
    got = page.evaluate(ITEMS_JS, key)
    return got["items"], got["width"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_05_series_panels_give_the_plot_most_of_a_phones_width_and_name_the_lines_above(chromium, built_reports,
                                                                                        edition):
    """Finding 5: at 390 px the line names beside the lines' ends left the plot a strip of about 90 px, where 25
    yearly points merged. The names now stand above each panel, and the years span 60% of the figure at least."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=PHONE)
    try:
        items, width = _items(page, "series")
        points = [i for i in items if i[0] == "symbol" and "year" in i[7] and "value" in i[7]]
        span = max(i[4] for i in points) - min(i[2] for i in points)
        assert span >= 0.6 * width, f"{edition}05: the yearly points span {span:.0f} of {width} px"
        names = [i for i in items if i[0] == "text" and i[6] and "series" in i[7]]
        assert names and all(i[3] < min(p[3] for p in points if p[7]["kind"] == i[7]["kind"]) for i in names), \
            f"{edition}05: a line's name is not above its panel"
        assert len({i[6] for i in names}) == len({i[7]["series"] for i in points})  # every line named, once
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_05_series_on_a_desktop_use_the_column_and_name_each_line_at_its_end(chromium, built_reports, edition):
    """At 1280 px the series drew its phone layout (names above the panels) in 523 of the column's 972 px: the
    layout was chosen by the chart's own box. It follows the screen now: the names stand at the lines' ends and
    the years span most of the column."""
    page, _ = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=DESKTOP)
    try:
        items, _ = _items(page, "series")
        column = page.evaluate("document.querySelector('#fig-series').getBoundingClientRect().width")
        points = [i for i in items if i[0] == "symbol" and "year" in i[7] and "value" in i[7]]
        span = max(i[4] for i in points) - min(i[2] for i in points)
        assert span >= 0.55 * column, f"{edition}05: the yearly points span {span:.0f} of {column:.0f} px"
        names = [i for i in items if i[0] == "text" and i[6] and "series" in i[7]]
        right = max(i[4] for i in points)
        assert len(names) == len({i[7]["series"] for i in points}) and all(i[2] >= right for i in names), \
            f"{edition}05: a line's name is not beside its end"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_02_exit_rate_names_keep_apart_on_a_phone(chromium, built_reports, edition):
    """Finding 20: at 390 px the three-line name of the French defence agreement all but touched "CSTO" below."""
    page, _ = rb.open_report(chromium, built_reports / f"{edition}02-nato-enlargement.html", viewport=PHONE)
    try:
        items, _ = _items(page, "exit-rates")
        labels = sorted((i for i in items if i[0] == "text" and i[1] == "axis-label" and i[6]
                         and not i[6].replace(".", "").isdigit()), key=lambda i: i[3])
        gaps = [(b[3] - a[5], a[6], b[6]) for a, b in zip(labels, labels[1:])]
        assert len(labels) >= 10 and min(gaps)[0] >= 8, f"{edition}02: names closer than 8 px: {min(gaps)}"
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_01_grey_event_titles_read_at_4_5_to_1(chromium, built_reports, scheme):
    """Finding 16: the titles of the events the article does not cite were #7f7f7f, 4.0:1 on white, at 11.5 px."""
    page, _ = rb.open_report(chromium, built_reports / "01-the-proposal.html", viewport=PHONE, color_scheme=scheme)
    try:
        fills = page.evaluate("""() => [...document.querySelectorAll('#fig-timeline svg text')]
          .filter(t => t.getAttribute('font-size') === '11.5px' && t.getAttribute('font-weight') !== 'bold')
          .map(t => t.getAttribute('fill'))""")
        ground = "#ffffff" if scheme == "light" else "#16181b"
        assert fills and all(_contrast(f, ground) >= 4.5 for f in fills), f"01 {scheme}: {set(fills)}"
    finally:
        page.context.close()


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        c = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_04_never_in_force_strokes_stop_short_of_the_axis_end(chromium, built_reports):
    """Finding 14: the "never in force" dashes (SALT II, the Adapted CFE) ran on to the axis's end; the caption did not
    explain the dashed "end of 2023" rule or the ticks on the bars."""
    page, _ = rb.open_report(chromium, built_reports / "04-crisis-arms-control-war.html", viewport=DESKTOP)
    try:
        items, _ = _items(page, "treaties-wars")
        strokes = [i for i in items if i[0] == "rule" and i[7].get("phase") == "signed, never in force"]
        assert len(strokes) >= 2 and all(i[4] - i[2] <= 80 for i in strokes)  # SALT II, START II, Adapted CFE
        caption = page.locator("#fig-treaties-wars .report-caption").inner_text()
        assert "Dashed vertical line: end of 2023" in caption and "Ticks on a bar" in caption
    finally:
        page.context.close()


def test_05_glance_and_warhead_chart_name_their_count_and_date(chromium, built_reports):
    """Finding 2 (referee m7): the glance compared January 2024 stockpiles, the chart below January 2023 total
    inventories, neither naming the other. The chart's title now leads with its count and date, and its caption
    carries the glance's own sentence: both counts on one date, with the reversal when deployed warheads count."""
    page, _ = rb.open_report(chromium, built_reports / "05-balance-of-power.html", viewport=DESKTOP)
    try:
        glance = [t for t in page.locator(".report-glance li").all_inner_texts() if "military stockpiles" in t]
        title = page.locator("#fig-warheads .report-figure-title").inner_text()
        caption = page.locator("#fig-warheads .report-caption").inner_text()
        assert len(glance) == 1 and "deployed" in glance[0]
        assert title.startswith("Counting total inventories in January ")
        assert glance[0].strip() in caption
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_05_a_wide_table_keeps_its_row_names_in_view_when_scrolled_sideways(chromium, built_reports, edition):
    """Finding 19: after scrolling "The blocs on 31 Dec 2023" sideways on a phone, its row names must stay. The table
    now reads as cards on a phone (data editor, review 10, M4): nothing scrolls sideways, and each card's row name is
    inside the column."""
    page, _ = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=PHONE)
    try:
        got = page.evaluate("""() => { const table = document.querySelector('#fig-coverage table');
          const box = document.querySelector('#fig-coverage .report-table-scroll') || table.parentElement;
          const names = [...table.querySelectorAll('tbody tr')].map(r => r.cells[0].getBoundingClientRect());
          return {cards: table.classList.contains('report-cards-wide'), scrolls: box.scrollWidth > box.clientWidth + 1,
                  outside: names.filter(n => n.left < 0 || n.right > window.innerWidth + 1).length,
                  rows: names.length}; }""")
        assert got["cards"] and not got["scrolls"] and got["rows"] >= 2 and got["outside"] == 0, f"{edition}05: {got}"
    finally:
        page.context.close()


def test_05_concentration_table_names_each_indicator_once(chromium, built_reports):
    """Finding 18: the concentration table said "military spending" on every row of its group."""
    page, _ = rb.open_report(chromium, built_reports / "05-balance-of-power.html", viewport=DESKTOP)
    try:
        groups = page.locator("#fig-concentration tr.report-group").all_inner_texts()
        cells = page.locator("#fig-concentration tbody td").all_inner_texts()
        assert len(groups) == len(set(groups)) >= 2
        assert not {g.strip().lower() for g in groups} & {c.strip().lower() for c in cells}
    finally:
        page.context.close()
