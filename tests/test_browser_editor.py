"""What a data editor checks beyond the reading checks (tests/test_browser_reader.py), in headless Debian Chromium
on the suite's built reports: a membership map on a phone fits the screen and shows its whole region, its timeline
moves the map, the caption and the member list, and 07's PDF (Chromium's print, as `make pdf` writes it) keeps every
column of the comparison matrix."""

from __future__ import annotations

import re

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)

#: Shapes that mark the edges of each map's region (Natural Earth names): all must be drawn whole.
EDGES = {"NATO": ["Portugal", "Iceland", "Norway", "Estonia", "Turkey", "United States of America", "Canada"],
         "SCO": ["India", "Belarus", "Iran", "China", "Kazakhstan"]}
MAPS = {"02-nato-enlargement": "NATO", "08-sco-multivector-states": "SCO"}

# Every drawn shape of a map whose datum names one of `names`: its bounds and the view's size.
SHAPES_JS = """([id, names]) => {
  const el = document.getElementById(id);
  const view = el.vegaView;
  const out = {width: view.width(), height: view.height(), shapes: {},
               box: el.getBoundingClientRect().toJSON(), vw: document.documentElement.clientWidth};
  const walk = node => {
    for (const item of node.items || []) {
      const d = item.datum || {};
      const name = d.properties && d.properties.name;
      if (name && names.includes(name) && item.bounds) {
        out.shapes[name] = [item.bounds.x1, item.bounds.y1, item.bounds.x2, item.bounds.y2];
      }
      if (item.items) walk(item);
    }
  };
  walk(view.scenegraph().root);
  return out;
}"""


def _map_pages(built_reports):
    return [(p, org) for stem, org in MAPS.items() for p in sorted(built_reports.glob(f"{stem}*.html"))
            if not re.search(r"--\w+_\w+-", p.name)]


def test_every_membership_map_fits_a_phone_and_shows_its_whole_region(chromium, built_reports):
    pages = _map_pages(built_reports)
    assert len(pages) >= 2
    for path, org in pages:
        page, rep = rb.open_report(chromium, path, viewport=PHONE)
        try:
            chart = page.locator(".report-timeline").first.get_attribute("data-chart")
            got = page.evaluate(SHAPES_JS, [chart, EDGES[org]])
            assert got["box"]["left"] >= 0 and got["box"]["right"] <= got["vw"], f"{path.name}: {got['box']}"
            assert got["width"] <= got["vw"], f"{path.name}: the map is {got['width']} px wide on a 390 px screen"
            assert sorted(got["shapes"]) == sorted(EDGES[org]), f"{path.name}: shapes drawn {sorted(got['shapes'])}"
            for name, (x1, y1, x2, y2) in got["shapes"].items():
                assert x1 >= -1 and y1 >= -1 and x2 <= got["width"] + 1 and y2 <= got["height"] + 1, \
                    f"{path.name}: {name} is cut by the map's frame ({x1:.0f},{y1:.0f})-({x2:.0f},{y2:.0f}) in " \
                    f"{got['width']}x{got['height']}"
        finally:
            page.context.close()


def test_the_timeline_moves_the_map_the_caption_and_the_member_list(chromium, built_reports):
    page, rep = rb.open_report(chromium, built_reports / "02-nato-enlargement.html", viewport=(1280, 900))
    try:
        slider = page.locator(".report-timeline-input").first
        width = slider.bounding_box()["width"]
        main = page.locator("main").bounding_box()["width"]
        assert width > 0.8 * min(main, 1200), f"the timeline is {width} px wide in a {main} px column"
        caption = page.locator(".report-timeline-caption").first
        assert "32 members" in caption.inner_text()
        ticks = page.locator("datalist option").evaluate_all("os => os.map(o => o.value)")
        assert {"1952", "1999", "2004", "2023", "2024"} <= set(ticks)
        slider.focus()
        page.keyboard.press("Home")
        assert "12 members" in caption.inner_text() and "1949" in caption.inner_text()
        members = page.locator(".report-member-list li").all_inner_texts()
        assert len(members) == 12 and "Türkiye" not in members and "United States" in members
        signal = page.evaluate("() => document.getElementById(document.querySelector('.report-timeline')"
                               ".getAttribute('data-chart')).vegaView.signal('year')")
        assert signal == 1949
        page.keyboard.press("ArrowRight")
        assert page.evaluate("() => document.querySelector('.report-timeline-year').textContent") == "1950"
    finally:
        page.context.close()


def _pdf_words(path) -> list[tuple[int, float, float, str]]:
    """Every text fragment of a PDF as (page, x, y, text)."""
    from pypdf import PdfReader

    out = []
    for n, page in enumerate(PdfReader(path).pages):
        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                out.append((n, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def test_pdf_of_07_keeps_every_column_of_the_matrix(chromium, built_reports, tmp_path):
    import shutil

    from helpers.pipeline import pdf

    html = (built_reports / "07-framework-or-alliance.html").read_text(encoding="utf-8")
    matrix = html.split('class="report-table report-matrix"', 1)[1].split("</thead>", 1)[0]
    headers = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r'<th scope="col">(.*?)</th>', matrix)]
    assert len(headers) == 6, headers
    # print a copy: the suite's reports folder is shared with other tests
    copy = tmp_path / "reports"
    shutil.copytree(built_reports, copy, ignore=shutil.ignore_patterns("*.pdf"))
    (written,) = pdf.print_pdfs([copy / "07-framework-or-alliance.html"], browser=chromium)
    words = _pdf_words(written)
    # the matrix's header row: the fragment of the first column and every fragment printed beside it (headers wrap
    # over up to three lines); a column cut off by the paper is missing from that band
    first = next(w for w in words if w[3] == headers[0] and any(
        v[0] == w[0] and abs(v[2] - w[2]) < 1 and v[3] == headers[1] for v in words))
    band = " ".join(v[3] for v in sorted((v for v in words if v[0] == first[0] and abs(v[2] - first[2]) < 30),
                                         key=lambda v: (v[1], -v[2])))
    missing = [h for h in headers if h.split()[0] not in band]
    assert missing == [], f"07's PDF lost the matrix columns {missing}; its header row reads {band!r}"


#: What print must show of a page and what it must leave out, measured in the page's print layout (A4 at Chromium's
#: 96 px per inch, less the 0.6 in margins of report.css: 679 px across).
PRINT_JS = r"""() => {
  const vw = document.documentElement.clientWidth;
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const chrome = Array.from(document.querySelectorAll(
      '.report-nav, .report-sidebar, .report-menu, .report-phonebar, .site-search, .report-toc, ' +
      '.report-code-switch, details.report-code, .report-exports, .report-timeline-input, .report-timeline-play'))
    .filter(shown).map(el => String(el.className).split(' ')[0]);
  const cut = Array.from(document.querySelectorAll('main table, main figure, main .report-chart, main svg, main pre'))
    .filter(el => shown(el) && !el.parentElement.closest('svg') && el.getBoundingClientRect().right > vw + 1)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' +
      Math.round(el.getBoundingClientRect().right));
  // links that lead off the page: web addresses (the list of sources) and the other reports
  const links = Array.from(document.querySelectorAll('a[href]:not(.cite):not(.anchor-link)'))
    .filter(a => shown(a) && /^https?:|\.html(#|$)/.test(a.getAttribute('href')))
    .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content]);
  return {vw, chrome, cut, links};
}"""


@pytest.mark.parametrize("name", ["02-nato-enlargement.html", "ar/02-nato-enlargement.html",
                                  "07-framework-or-alliance.html", "09-claims-ledger.html"])
def test_print_leaves_out_the_chrome_keeps_every_table_and_chart_on_the_paper_and_prints_link_targets(
        chromium, built_reports, name):
    from helpers.pipeline import pdf

    context = chromium.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    try:
        page = pdf._open(context, built_reports / name, 15000)  # as `make pdf` prepares a page for print
        page.set_viewport_size({"width": 679, "height": 1000})
        page.wait_for_timeout(200)
        got = page.evaluate(PRINT_JS)
        assert got["vw"] == 679
        # the phone bar, the search box and the code switch printed on every page's first sheet (issue 23)
        assert got["chrome"] == [], f"{name}: navigation printed: {got['chrome']}"
        assert got["cut"] == [], f"{name}: wider than the paper: {got['cut']}"
        assert got["links"], f"{name}: no link to check"
        unreadable = [href for href, after in got["links"] if href not in after]
        assert unreadable == [], f"{name}: links printed without their address: {unreadable[:3]}"
    finally:
        context.close()
