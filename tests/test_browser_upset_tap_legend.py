"""What an editor saw in headless Debian Chromium (review 10) and a reader now gets: 08's UpSet chart reads the
right way round on a dark page, a tap on a phone shows a chart's tooltip, the tooltip is opaque and names its fields
as labels, the Arabic search finds a noun typed without «ال» and the English one finds "Turkey", a snippet starts and
ends on whole words, the phone menu says "Close" while open and speaks of taps, and 05's legend triangle shows on a
dark page."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow
PHONE = (390, 844)
NEEDED = ("02-nato-enlargement.html", "05-balance-of-power.html", "08-sco-multivector-states.html",
          "ar/08-sco-multivector-states.html", "ar/02-nato-enlargement.html")


@pytest.fixture(scope="module")
def pages(request):
    """The built reports: reports/ when it holds the pages these tests open, else the suite's."""
    from helpers import paths

    here = paths.reports_dir()
    if all((here / p).exists() for p in NEEDED):
        return here
    return request.getfixturevalue("built_reports")


def _lum(colour: str) -> float:
    """Relative brightness (0–255) of a CSS colour as the browser reports it ("rgb(r, g, b)" or "#rrggbb")."""
    c = colour.strip()
    if c.startswith("#"):
        rgb = [int(c[i:i + 2], 16) for i in (1, 3, 5)]
    else:
        rgb = [float(x) for x in c[c.index("(") + 1:c.index(")")].split(",")[:3]]
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


UPSET_DOTS = """() => { const v = document.getElementById('chart-upset').vegaView, dots = [], rules = [];
    (function walk(n) { if (!n) return;
      if (n.marktype === 'symbol') n.items.forEach(i => dots.push([!!i.datum.in, i.fill]));
      if (n.marktype === 'rule' && n.role === 'mark') n.items.forEach(i => rules.push(i.y2 - i.y));
      (n.items || []).forEach(walk); })(v.scenegraph().root);
    return {dots, rules}; }"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_08_upset_members_stand_out_from_the_rest_and_a_line_joins_them(chromium, pages, scheme):
    """H1: on a dark page members were #989898 and the rest #dddddd, so "NATO + OSCE" read as everything else."""
    page, rep = rb.open_report(chromium, pages / "08-sco-multivector-states.html", viewport=(1280, 900),
                               color_scheme=scheme)
    try:
        got = page.evaluate(UPSET_DOTS)
        members = {f for inside, f in got["dots"] if inside}
        others = {f for inside, f in got["dots"] if not inside}
        assert len(members) == 1 and len(others) == 1, got["dots"][:8]
        m, o = _lum(members.pop()), _lum(others.pop())
        if scheme == "dark":
            assert m > o + 100, f"dark page: members {m:.0f} not clearly brighter than the rest {o:.0f}"
        else:
            assert m + 100 < o, f"light page: members {m:.0f} not clearly darker than the rest {o:.0f}"
        assert got["rules"] and max(got["rules"]) > 20, "no line joins a combination's dots"
        order = page.evaluate("Array.from(document.querySelectorAll('#chart-upset svg .role-axis-label text'))"
                              ".map(t => t.textContent)")
        order = [t for t in order if not t.isdigit()]  # the rows' names, not the bars' counts
        assert order[:2] == ["NATO", "NATO partnership"], f"the matrix's rows lost their order: {order}"
        assert rep.console_errors == [] and rep.page_errors == []
    finally:
        page.context.close()


def _touch_page(chromium, path):
    context = chromium.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, has_touch=True, is_mobile=True,
                                   service_workers="block")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page = context.new_page()
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.wait_for_function("document.documentElement.getAttribute('data-charts-drawn') === 'true'", timeout=20000)
    return page


@pytest.mark.parametrize("chart", ["chart-nato-map", "chart-steps"])
def test_a_tap_on_the_phone_shows_the_marks_tooltip(chromium, pages, chart):
    """M5: a tap on a map country (or a chart's mark) raised no tooltip on a phone: Vega's tip follows hover."""
    page = _touch_page(chromium, pages / "02-nato-enlargement.html")
    try:
        el = page.locator(f"#{chart}")
        el.scroll_into_view_if_needed()
        point = page.evaluate("""(id) => { const svg = document.getElementById(id).querySelector('svg');
            const marks = Array.from(svg.querySelectorAll('g.role-mark path[aria-label], g.role-mark line[aria-label]'))
              .map(p => [p, p.getBoundingClientRect()]).filter(([p, r]) => r.width * r.height > 0)
              .sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height);
            for (const [p, r] of marks) { for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
              const x = r.left + r.width * fx, y = r.top + r.height * 0.5;
              if (x > 0 && y > 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y) === p)
                return [x, y]; } }
            return null; }""", chart)
        assert point, f"{chart}: no mark in view to tap"
        page.touchscreen.tap(point[0], point[1])
        page.wait_for_timeout(300)
        tip = page.evaluate("""() => { const t = document.getElementById('vg-tooltip-element');
            return t && t.classList.contains('visible') ? t.innerText : ''; }""")
        assert tip.strip(), f"{chart}: a tap showed no tooltip"
        page.touchscreen.tap(5, 5)  # outside every chart: the tip goes
        page.wait_for_timeout(200)
        assert not page.evaluate("document.getElementById('vg-tooltip-element').classList.contains('visible')")
    finally:
        page.context.close()


def test_the_tooltip_is_opaque_and_names_its_fields_as_labels(chromium, pages):
    """L7: the tooltip was translucent (bar labels showed through) and its fields were the data's lower-case keys."""
    page, rep = rb.open_report(chromium, pages / "05-balance-of-power.html", viewport=(1280, 900))
    try:
        tip = rb.hover_mark(page, "#chart-milex", index=1)
        assert tip, "hovering a bar shows no tooltip"
        keys = page.evaluate("Array.from(document.querySelectorAll('#vg-tooltip-element td.key'))"
                             ".map(k => k.innerText)")
        assert keys and all(k[:1] == k[:1].upper() for k in keys), keys
        bg = page.evaluate("getComputedStyle(document.getElementById('vg-tooltip-element')).backgroundColor")
        assert bg.startswith("rgb(") or bg.endswith(", 1)"), f"tooltip background {bg} lets the chart show through"
    finally:
        page.context.close()


def test_05_legend_triangle_shows_on_a_dark_page(chromium, pages):
    """L5: the key's "members joined that year" triangle was black on the dark page."""
    page, _ = rb.open_report(chromium, pages / "05-balance-of-power.html", viewport=(1280, 900), color_scheme="dark")
    try:
        fill = page.evaluate("""() => { const svg = document.querySelector('#chart-series svg');
            for (const g of svg.querySelectorAll('g.role-legend')) {
              if (/joined/.test(g.textContent))
                return g.querySelector('.role-legend-symbol path').getAttribute('fill'); }
            return null; }""")
        assert fill, "no legend names the years members joined"
        assert _lum(fill) > 120, f"the legend's triangle is {fill} on a dark page"
    finally:
        page.context.close()


def _search(page, query, box=".report-sidebar .site-search-input"):
    page.locator(box).fill(query)
    page.wait_for_function("(b) => { const s = document.querySelector(b).closest('.site-search')"
                           ".querySelector('.site-search-status'); return s && s.textContent.trim().length > 0; }",
                           arg=box, timeout=8000)
    return page.evaluate("""(b) => { const box = document.querySelector(b).closest('.site-search');
        return {status: box.querySelector('.site-search-status').textContent,
                hits: Array.from(box.querySelectorAll('.site-search-hit')).map(a => ({
                  snippet: a.querySelector('.site-search-hit-snippet').textContent,
                  text: (window.NATO_SEARCH_INDEX.find(d => a.getAttribute('href').endsWith(d.page + '#' + d.anchor))
                         || {}).text || '',
                  line: getComputedStyle(a).textDecorationLine,
                  section: getComputedStyle(a.querySelector('.site-search-hit-section')).textDecorationLine}))}; }""",
                         box)


@pytest.mark.parametrize(("edition", "query", "form"), [("ar/", "ناتو", "الناتو"), ("ar/", "بالناتو", "الناتو"),
                                                         ("", "Turkey", "Türkiye"), ("", "Soviet Union", "USSR")])
def test_search_finds_a_word_as_readers_type_it(chromium, pages, edition, query, form):
    """M7: «ناتو» found nothing while «الناتو» found 59 sections; "Turkey" found nothing (the reports say Türkiye)."""
    page, rep = rb.open_report(chromium, pages / f"{edition}08-sco-multivector-states.html", viewport=(1280, 900))
    try:
        got = _search(page, query)
        assert got["hits"], f"{query!r} finds nothing: {got['status']}"
        assert any(form in h["snippet"] for h in got["hits"]), [h["snippet"] for h in got["hits"]][:3]
        assert rep.page_errors == []
    finally:
        page.context.close()


def test_search_snippets_start_and_end_on_whole_words_and_only_the_section_is_underlined(chromium, pages):
    """L13: snippets were cut mid-word ("…sign the CSCE Fina …") and every result was underlined in full."""
    page, _ = rb.open_report(chromium, pages / "08-sco-multivector-states.html", viewport=(1280, 900))
    try:
        got = _search(page, "Kazakhstan")
        assert got["hits"]
        for h in got["hits"]:
            body = h["snippet"].removeprefix("… ").removesuffix(" …")
            at = h["text"].find(body)
            assert at >= 0, (body, h["text"][:200])
            before, after = h["text"][at - 1:at] if at else " ", h["text"][at + len(body):at + len(body) + 1] or " "
            assert before == " " and (after == " " or not after.isalnum()), f"cut mid-word: {h['snippet']!r}"
            assert h["line"] == "none" and h["section"] == "underline", h
    finally:
        page.context.close()


@pytest.mark.parametrize(("edition", "shut", "open_"), [("", "Contents", "Close"), ("ar/", "المحتويات", "إغلاق")])
def test_the_phone_menu_says_close_while_open_and_its_search_speaks_of_taps(chromium, pages, edition, shut, open_):
    """L12: the "Contents" toggle did not become "Close" while open; the phone's search help spoke of arrow keys."""
    page, _ = rb.open_report(chromium, pages / f"{edition}02-nato-enlargement.html", viewport=PHONE)
    try:
        toggle = page.locator(".report-phonebar details.report-menu > summary")
        assert toggle.inner_text().strip().startswith(shut)
        toggle.click()
        assert toggle.inner_text().strip().startswith(open_), toggle.inner_text()
        help_text = page.locator(".report-phonebar .site-search-help").inner_text()
        assert "arrow" not in help_text and "الأسهم" not in help_text, help_text
        toggle.click()
        assert toggle.inner_text().strip().startswith(shut)
    finally:
        page.context.close()
