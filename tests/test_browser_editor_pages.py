"""What the fifth data-editor review found on single pages, in headless Debian Chromium on the suite's built reports
(both editions where the page's code is shared): colours that keep a chart's key in dark mode, the front page's
search on a phone, jumps that land clear of the phone bar, charts that match their headlines."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
DESKTOP = (1280, 900)
EDITIONS = ["", "ar/"]

#: Every drawn mark of the page's chart number ``index`` whose datum has ``field``: [value of field, fill, stroke,
#: bounds x1, y1, x2, y2, mark type, mark role].
MARKS_JS = """([index, field]) => {
  const el = document.querySelectorAll('.report-chart')[index];
  const out = [];
  const walk = node => {
    for (const item of node.items || []) {
      const d = item.datum || {};
      if (d[field] !== undefined && item.bounds && node.marktype) {
        out.push([String(d[field]), item.fill || null, item.stroke || null, item.bounds.x1, item.bounds.y1,
                  item.bounds.x2, item.bounds.y2, node.marktype, node.role || '']);
      }
      if (item.items) walk(item);
    }
  };
  walk(el.vegaView.scenegraph().root);
  return out;
}"""

#: The legends of chart number ``index``: each legend's title and the labels of its entries.
LEGENDS_JS = """(index) => {
  const el = document.querySelectorAll('.report-chart')[index];
  const out = [];
  const walk = node => {
    for (const item of node.items || []) {
      if (node.role === 'legend') {
        const labels = [], titles = [];
        const find = (n) => { for (const i of n.items || []) {
          if (n.role === 'legend-label' && i.text !== undefined) labels.push(String(i.text));
          if (n.role === 'legend-title' && i.text !== undefined) titles.push(String(i.text));
          if (i.items) find(i); } };
        find(item);
        out.push({title: titles.join(' '), labels});
      } else if (item.items) walk(item);
    }
  };
  walk(el.vegaView.scenegraph().root);
  return out;
}"""


def luminance(color: str) -> float:
    """Relative luminance of a #rrggbb or rgb() colour (0 black .. 1 white)."""
    import re

    if color.startswith("#"):
        h = color[1:] if len(color) == 7 else "".join(c * 2 for c in color[1:4])
        rgb = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    else:
        rgb = [int(float(v)) for v in re.findall(r"[\d.]+", color)[:3]]
    lin = [(c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _chart_index(page, key: str) -> int:
    """The position among the page's charts of the one whose figure carries ``key`` in its id."""
    return page.evaluate("""(key) => Array.from(document.querySelectorAll('.report-chart'))
        .findIndex(el => (el.closest('figure') || el).outerHTML.includes(key))""", key)


@pytest.mark.parametrize("edition", EDITIONS)
def test_06_grid_in_dark_mode_keeps_its_key_stronger_is_lighter_and_not_coded_recedes(chromium, built_reports,
                                                                                        edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}06-principles.html", viewport=DESKTOP,
                               color_scheme="dark")
    try:
        marks = page.evaluate(MARKS_JS, [0, "presence"])
        fills = {}
        for value, fill, *_rest, kind, _role in marks:
            if kind == "rect" and isinstance(fill, dict):  # a hatch: as bright as its brightest stripe
                fill = max((s["color"] for s in fill["stops"]), key=luminance)
            if kind == "rect" and fill:
                fills.setdefault(value, fill)
        explicit = next(v for k, v in fills.items() if k in ("explicit", "صريح"))
        implicit = next(v for k, v in fills.items() if k in ("implicit", "ضمني"))
        ground = "#16181b"
        # lighter = stated more directly on a dark page, and the two told apart (WCAG non-text contrast 3:1 would
        # be too much between neighbours of one ramp; 1.8:1 is what a reader sees at a glance)
        assert luminance(explicit) > luminance(implicit), f"{edition}06 dark: explicit {explicit}, implicit {implicit}"
        assert contrast(explicit, implicit) >= 1.8, f"{edition}06 dark: explicit {explicit} vs implicit {implicit}"
        # the unread cells are the faintest thing in the grid, never the brightest
        others = [v for k, v in fills.items() if k not in ("explicit", "صريح", "implicit", "ضمني")]
        for other in others:
            assert luminance(other) < luminance(implicit), f"{edition}06 dark: {other} outshines implicit {implicit}"
            assert contrast(other, ground) < contrast(implicit, ground)
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_front_page_on_a_phone_has_the_menu_with_search_like_the_report_pages(chromium, built_reports, edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}index.html", viewport=PHONE)
    try:
        bar = page.locator(".report-phonebar")
        assert bar.is_visible(), f"{edition}index.html: no phone bar on a 390 px screen"
        page.locator(".report-phonebar details.report-menu > summary").click()
        box = page.locator(".report-menu-panel .site-search-input")
        assert box.is_visible() and box.bounding_box()["width"] > 200, f"{edition}index.html: no search box to type in"
        box.fill("هلسنكي" if edition else "Helsinki")
        results = page.locator(".report-menu-panel .site-search-results li")
        results.first.wait_for(state="visible", timeout=5000)
        assert results.count() >= 1
        assert page.locator(".report-menu-panel .report-collection-list > li > a").count() >= 10
        box.press("Escape")  # the results close first, then the menu
        page.keyboard.press("Escape")
        assert not page.locator(".report-menu-panel").is_visible()
        assert rep.console_errors == [] and rep.page_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_jump_from_the_phone_menu_closes_it_and_lands_the_heading_below_the_sticky_bar(chromium, built_reports,
                                                                                         edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=PHONE)
    try:
        page.locator(".report-phonebar details.report-menu > summary").click()
        links = page.locator(".report-menu-panel .report-toc-menu a")
        assert links.count() >= 4
        link = links.nth(links.count() - 2)  # a section far down the page
        target = link.get_attribute("href")
        link.click()
        page.wait_for_timeout(400)
        assert not page.locator(".report-menu-panel").is_visible(), f"{edition}05: the menu stays open over the page"
        bar = page.locator(".report-phonebar").bounding_box()
        head = page.locator(f"[id='{target[1:]}']").bounding_box()
        assert bar["y"] + bar["height"] <= head["y"] <= bar["y"] + bar["height"] + 40, \
            f"{edition}05: {target} lands at {head['y']:.0f} px, the phone bar ends at {bar['y'] + bar['height']:.0f}"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_04_treaty_chart_marks_the_headline_date_and_keys_only_the_phases_it_draws(chromium, built_reports, edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}04-crisis-arms-control-war.html", viewport=DESKTOP)
    try:
        index = _chart_index(page, "treaties-wars")
        bars = page.evaluate(MARKS_JS, [index, "phase"])
        drawn = {value for value, fill, _s, *_b, kind, _r in bars if kind == "rect" and fill}
        # the phases' key, the longest: the chart also keys its diamonds and the years after the report's date
        key = max((lg for lg in page.evaluate(LEGENDS_JS, index) if lg["labels"]), key=lambda lg: len(lg["labels"]))
        assert len(key["labels"]) == len(drawn), f"{edition}04: the key lists {key['labels']}, the bars use {drawn}"
        # a dashed rule at the end of 2023, the date of the headline's count, named on the chart
        rules = [m for m in page.evaluate(MARKS_JS, [index, "label"]) if m[7] == "rule" and "2023" in m[0]]
        texts = [m for m in page.evaluate(MARKS_JS, [index, "label"]) if m[7] == "text"]
        assert len(rules) == 1 and any("2023" in t[0] for t in texts), f"{edition}04: no rule at the end of 2023"
        # the bars that are 'in force' (not eroding) where the rule crosses them: as many as the headline counts
        x = rules[0][3]
        crossing = {round(b[4]) for b in bars if b[7] == "rect" and b[0] == "in force" and b[3] < x < b[5]}
        assert len(crossing) == 2, f"{edition}04: {len(crossing)} treaties in force at the end of 2023"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_06_not_coded_is_hatched_apart_from_every_shade_and_the_key_lists_only_what_is_drawn(
        chromium, built_reports, edition, scheme):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}06-principles.html", viewport=DESKTOP,
                               color_scheme=scheme)
    try:
        cells = [m for m in page.evaluate(MARKS_JS, [0, "presence"]) if m[7] == "rect"]
        unread = [m for m in cells if m[0] in ("not coded", "غير مرمَّز", "غير مرمز")]
        read = [m for m in cells if m not in unread]
        assert unread and read
        # a hatch (a gradient of stripes) on every cell not coded, a flat shade on every cell read
        assert all(isinstance(m[1], dict) and len(m[1].get("stops", [])) > 8 for m in unread), \
            f"{edition}06 {scheme}: 'not coded' cells are filled {unread[0][1]!r}, like a shade of the key"
        assert all(isinstance(m[1], str) for m in read)
        # the key: one entry per shade drawn and one for 'not coded', nothing that no cell uses
        drawn = {m[0] for m in read}
        labels = [label for lg in page.evaluate(LEGENDS_JS, 0) for label in lg["labels"]]
        assert len(labels) == len(drawn) + 1, f"{edition}06 {scheme}: the key lists {labels}, cells show {drawn}"
        # the text alternative says what is drawn: documents are the rows
        desc = page.locator(".report-chart").first.evaluate(
            "el => (el.querySelector('svg') || el).getAttribute('aria-label') || el.getAttribute('aria-label') || ''")
        assert desc and ("documents in date order as rows" in desc or "صفوف" in desc), desc
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_00_structure_chart_on_a_phone_is_split_by_section_and_shows_every_paragraph_without_scrolling(
        chromium, built_reports, edition):
    """Data editor (issue 23, finding 11): on a phone the 19-column grid scrolled sideways and showed only P1–P6;
    it is now one panel per section, stacked, every paragraph's column on screen and wide enough to tell dots
    apart."""
    page, rep = rb.open_report(chromium, built_reports / f"{edition}00-article-at-a-glance.html", viewport=PHONE)
    try:
        index = _chart_index(page, "structure")
        got = page.evaluate("""(i) => {
          const el = document.querySelectorAll('.report-chart')[i], box = el.closest('.report-chart-scroll') || el;
          const b = box.getBoundingClientRect();
          const labels = Array.from(el.querySelectorAll('svg text')).filter(t => /^P\\d+$/.test(t.textContent.trim()))
            .map(t => { const r = t.getBoundingClientRect();
                        return {p: t.textContent.trim(), left: r.left, right: r.right}; });
          return {scroll: box.scrollWidth, width: box.clientWidth, page: document.documentElement.scrollWidth,
                  labels, left: b.left, right: b.right};
        }""", index)
        shown = {lab["p"] for lab in got["labels"]
                 if lab["left"] >= got["left"] - 1 and lab["right"] <= got["right"] + 1}
        assert shown == {f"P{n}" for n in range(1, 20)}, f"{edition}00: paragraphs on screen: {sorted(shown)}"
        assert got["scroll"] <= got["width"] + 1, f"{edition}00: the structure chart scrolls sideways on a phone"
        assert got["page"] <= PHONE[0], f"{edition}00: the page scrolls sideways ({got['page']} px)"
        lefts = sorted({round(lab["left"]) for lab in got["labels"]})
        assert min(b - a for a, b in zip(lefts, lefts[1:])) >= 12, f"{edition}00: paragraph columns collide"
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_05_bloc_bars_keep_a_usable_plot_and_the_axis_stops_at_the_data(chromium, built_reports, edition, viewport):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=viewport)
    try:
        for chart in ("chart-milex", "chart-warheads", "chart-population"):
            got = page.evaluate("""(id) => {
              const el = document.getElementById(id), view = el.vegaView;
              const marks = [], ticks = [];
              const walk = node => { for (const item of node.items || []) {
                  const d = item.datum || {};
                  if (node.marktype === 'text' && d.label !== undefined && d.shown !== undefined && item.bounds)
                    marks.push([d.shown, item.bounds.x2]);
                  if (node.role === 'axis-label' && /^[0-9,.]+$/.test(String(item.text))) ticks.push(item.text);
                  if (item.items) walk(item); } };
              walk(view.scenegraph().root);
              const x = view.scale('x');
              return {width: view.width(), marks, ticks};
            }""", chart)
            if not got["marks"]:
                continue  # a year without figures: a note, no bars
            if viewport == PHONE:
                assert got["width"] >= 190, f"{edition}05 {chart}: the plot is {got['width']:.0f} px on a phone"
            biggest = max(m[0] for m in got["marks"])
            # the longest bar and its label take the plot: no more than 15% of the plot left empty past them
            label_end = max(x2 for _v, x2 in got["marks"])
            assert label_end >= 0.85 * got["width"], f"{edition}05 {chart}: labels end at {label_end:.0f} of " \
                                                    f"{got['width']:.0f} px"
            assert label_end <= got["width"] + 6, f"{edition}05 {chart}: a label runs past the plot"
            # the axis covers the data (issue 23: it stopped at a 1,000 tick while NATO's bar ran to 1,340), to the
            # first round tick at or past the longest bar, not further
            values = sorted(float(str(t).replace(",", "")) for t in got["ticks"])
            where = f"{edition}05 {chart}: the axis runs to {values}"
            assert values and values[-1] >= biggest, f"{where}, short of {biggest}"
            assert len(values) < 2 or values[-2] < biggest, f"{where}, past {biggest}"
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_05_tables_name_members_align_empty_numbers_mark_ratios_and_share_one_header_case(chromium, built_reports,
                                                                                        edition):
    import re

    page, rep = rb.open_report(chromium, built_reports / f"{edition}05-balance-of-power.html", viewport=DESKTOP)
    try:
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        got = page.evaluate("""() => Array.from(document.querySelectorAll('table.report-table')).map(t => ({
            heads: Array.from(t.querySelectorAll('thead th')).map(th => [th.textContent.trim(),
                   getComputedStyle(th, '::first-letter').textTransform]),
            cells: Array.from(t.querySelectorAll('tbody td')).map(td => td.textContent.trim()),
            aligned: Array.from(t.querySelectorAll('tbody tr')).flatMap(tr => Array.from(tr.children).map((td, i) =>
                [i, td.classList.contains('empty'), getComputedStyle(td).textAlign]))}))""")
        codes = [c for t in got for c in t["cells"] if re.search(r"(^|, )(UZB|IND|PAK|IRN|KAZ|KGZ|TJK|BLR)(,|$)", c)]
        assert codes == [], f"{edition}05: raw codes in a table: {codes[:3]}"
        heads = [h for t in got for h, _ in t["heads"]]
        assert any("×" in h for h in heads), f"{edition}05: the leader-to-runner-up ratio has no ×: {heads}"
        if not edition:
            assert all(h[:1].upper() == h[:1] or tt == "uppercase" for t in got for h, tt in t["heads"])
        for t in got:  # an empty cell of a column sits where that column's numbers sit
            numbers = {i: a for i, empty, a in t["aligned"] if not empty}
            for i, empty, align in t["aligned"]:
                if empty and i in numbers and numbers[i] in ("right", "end"):
                    assert align == numbers[i], f"{edition}05: a dash at {align} in a column of numbers at {numbers[i]}"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_front_page_print_opens_its_folds_and_names_what_they_hold(chromium, built_reports, edition):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}index.html", viewport=DESKTOP)
    try:
        folds = page.locator("details.index-variants")
        assert folds.count() >= 3
        assert "Also built for" not in folds.first.locator("summary").inner_text()  # said nothing of what it held
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        closed = page.evaluate("() => document.querySelectorAll('details.index-variants:not([open])').length")
        assert closed == 0, f"{edition}index.html: {closed} folds stay closed in print"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_03_event_labels_neither_meet_each_other_nor_reach_the_year_axis(chromium, built_reports, edition, viewport):
    """Data editor (issue 23): at 390 px 03's "Charter of Paris for a New Europe" ran into "Astana Commemorative
    Declaration", whose last line reached the year labels."""
    page, _ = rb.open_report(chromium, built_reports / f"{edition}03-osce-inclusive-option.html", viewport=viewport)
    try:
        texts = rb.chart_texts(page, _chart_index(page, "p5-p6-events"))
        labels = [t for t in texts if t.role == "mark"]
        years = [t for t in texts if t.role == "axis-label" and t.text.isdigit() and len(t.text) == 4]
        assert len(labels) >= 4 and years
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                apart = a.x2 <= b.x1 + 1 or b.x2 <= a.x1 + 1 or a.y2 <= b.y1 + 1 or b.y2 <= a.y1 + 1
                assert apart, f"{edition}03 at {viewport[0]}: {a.text!r} meets {b.text!r}"
        axis_top = min(y.y1 for y in years)
        low = max(labels, key=lambda t: t.y2)
        assert low.y2 <= axis_top, f"{edition}03 at {viewport[0]}: {low.text!r} reaches the year axis"
    finally:
        page.context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_02_reads_short_folds_its_method_and_checks_and_prints_them_whole(chromium, built_reports, edition):
    """Data editor (issue 23): 02 had grown to ≈15,470 px with its robustness checks, and its "At a glance" item on
    the largest pact ran to 14 lines on a phone. The long method and the checks' tables are folded on screen (the
    headings stay), opened for print, and the first screen's item on size is short."""
    name = f"{edition}02-nato-enlargement.html"
    page, _ = rb.open_report(chromium, built_reports / name, viewport=PHONE)
    try:
        lines = page.evaluate("""() => Array.from(document.querySelectorAll('.report-glance li')).map(li =>
            Math.round(li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight)))""")
        assert lines and max(lines) <= 9, f"{name}: an 'At a glance' item runs {max(lines)} lines at 390 px"
    finally:
        page.context.close()
    page, _ = rb.open_report(chromium, built_reports / name, viewport=DESKTOP)
    try:
        folds = page.locator("details.report-fold")
        assert folds.count() >= 4 and page.locator("details.report-fold[open]").count() == 0
        summaries = folds.locator(":scope > summary").all_inner_texts()
        assert all(s.strip() for s in summaries)
        # the section headings stay in view above their folds, so the contents list still lands on them
        assert page.locator("details.report-fold h2").count() == 0
        # 14,650 px once its exit-rate rows got room for three-line names on a phone; ≈15,000 once its first screen
        # called the NATO–CSTO test exploratory; the reading budget (test_browser_reader.MAX_HEIGHT) is 15,300
        assert page.evaluate("document.documentElement.scrollHeight") <= 15_300
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator("details.report-fold:not([open])").count() == 0
        assert page.locator("#fig-exits-strict").is_visible() and page.locator("#fig-rate-tests").is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("name", [n for n in rb.expected_reports() if "--" not in n])
def test_arabic_page_logs_no_vega_warning_at_1280(chromium, built_reports, name):
    """Data editor (issue 23): 0 Vega warnings on every page, the Arabic edition's too — its legend labels on 02's and
    03's membership steps conflicted with the points' legend switched off ("Conflicting legend property")."""
    page, rep = rb.open_report(chromium, built_reports / "ar" / name, viewport=DESKTOP)
    try:
        assert rep.warnings == [] and rep.page_errors == [], f"ar/{name}: {rep.warnings + rep.page_errors}"
    finally:
        page.context.close()


#: Every box the screen marked as scrolling sideways: [its "scroll sideways" line's display, its background image].
SCROLL_FURNITURE_JS = """() => [...document.querySelectorAll('.is-scrolling')].map(el => {
  const after = getComputedStyle(el, '::after');
  return [after.content === 'none' ? 'none' : after.display, getComputedStyle(el).backgroundImage];
})"""


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_leaves_out_the_scroll_sideways_line_and_shadow(chromium, built_reports, edition):
    # editor review 7: the 07 PDF printed "Scroll sideways for more columns →" and the scroll fade under its tables
    # a phone now reads wide tables as cards (review 10, M4), so the width is a small tablet's, where they scroll
    page, rep = rb.open_report(chromium, built_reports / f"{edition}07-framework-or-alliance.html",
                               viewport=(490, 900))
    try:
        assert page.evaluate(SCROLL_FURNITURE_JS), f"{edition}07 at 490 px: no table scrolls sideways to check"
        page.emulate_media(media="print")
        printed = page.evaluate(SCROLL_FURNITURE_JS)
        assert all(line == "none" for line, _ in printed), f"{edition}07 prints a 'scroll sideways' line"
        assert all(shade == "none" for _, shade in printed), f"{edition}07 prints a scroll shadow"
    finally:
        page.context.close()
