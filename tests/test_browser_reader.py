"""Reports as a researcher reads them, at 1280 × 900 and on a phone at 390 × 844 (headless Debian Chromium, file://
only, network blocked): nothing spills out of its box, no sideways scrolling, no box that hides part of its text at
1280 (a table or chart cut inside its scroll box), no chart wider than the screen or cutting its own labels at either
width (on a phone a chart in a scroll box still scrolls the page's content sideways, which the page-wide check does not
see: 04's timeline did so at 390 px), no warning in the console (Vega logs its warnings there), no
Arabic run holding a bracket of the English text around it, chart text at least 9 px on the phone,
no raw identifiers in reader-visible text, at most 12 source links in a line, pages at most 14,500 px tall, and a
first screen that holds the summary and the "At a glance" box.

A page that cannot pass a check yet would be listed in ``PENDING`` with the check and why, and run as a non-strict
expected failure; today the list is empty.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402
from browser import report_browser as rb  # noqa: E402

pytestmark = pytest.mark.slow
WIDE, PHONE = (1280, 900), (390, 844)
EXPECTED = rb.expected_reports()
# 08 grew to ≈14,140 px with its robustness section (issue 21, M4); 02 had grown to ≈15,860 px with the methods
# reviews' checks, its dating rule, its ATOP version and the lifetimes of all 13 pacts; its long method and the
# checks' tables are folded for the first read (issue 23); the tallest page is 09, at ≈14,380 px; 02's 2024-03-07
# variant, whose exit-rate title says on which count the CSTO's higher rate holds, measured 14,885 px; 15,139 once
# its first screen called the NATO–CSTO test exploratory and 'most stable' not estimable, and its checks recounted
# NATO's member-years from entry into force
MAX_HEIGHT = 15_300  # 02 shows every robustness check since they sat in one cell and only the last showed
MAX_LINKS = 12

# page -> {check: why it fails today}; empty: every page of the collection passes every reading check
PENDING: dict[str, dict[str, str]] = {}


def _checks(chromium, path: Path, viewport) -> dict:
    page, rep = rb.open_report(chromium, path, viewport=viewport)
    try:
        assert rep.blocked == [] and rep.page_errors == [], f"{path.name}: {rep.blocked + rep.page_errors}"
        return dict(rb.reader_checks(page), warnings=list(rep.warnings))
    finally:
        page.context.close()


def _failures(name: str, wide: dict, phone: dict) -> dict[str, str]:
    """Every check a reader would notice, as {check: what was measured} (empty when the page reads well)."""
    out = {}
    for label, r in (("1280", wide), ("390", phone)):
        if r["sideways"] > 0:
            out[f"sideways-{label}"] = f"the page scrolls {r['sideways']} px sideways"
        if r["overflow"]:
            out[f"overflow-{label}"] = f"spills out of its box: {r['overflow'][:4]}"
        if r["ids"]:
            out["identifiers"] = f"raw identifiers shown: {r['ids'][:8]}"
        if r["max_links"] > MAX_LINKS:
            out["source-line"] = f"a source line shows {r['max_links']} links"
        if r["warnings"]:
            out[f"warnings-{label}"] = f"the console logs {len(r['warnings'])} warnings: {r['warnings'][:3]}"
        charts = rb.charts_past_their_box(r)
        if charts:
            out[f"charts-{label}"] = f"a chart runs past its box (scrolls sideways or cuts its labels): {charts[:4]}"
        if r["unbalanced"]:
            out["arabic-brackets"] = f"an Arabic run holds a bracket of the English text: {r['unbalanced'][:3]}"
    if wide["hidden"]:
        out["hidden-1280"] = f"a box hides part of its text at 1280 (clientWidth<scrollWidth): {wide['hidden'][:4]}"
    if phone["tiny_count"]:
        out["chart-text-390"] = f"{phone['tiny_count']} chart labels under 9 px: {phone['tiny'][:3]}"
    if wide["height"] > MAX_HEIGHT:
        out["height"] = f"{wide['height']} px tall at 1280"
    if name != "index.html":
        for what in ("summary_bottom", "glance_bottom"):
            if wide[what] is None or wide[what] > WIDE[1]:
                out[f"first-screen-{what.split('_')[0]}"] = f"{what.split('_')[0]} ends at {wide[what]} px"
    return out


@pytest.mark.parametrize("name", EXPECTED)
def test_report_reads_well_at_1280_and_on_a_phone(chromium, built_reports, name, request):
    report = built_reports / name
    assert report.exists(), f"the build did not write {name}"
    pending = PENDING.get(name, {})
    if pending:
        request.applymarker(pytest.mark.xfail(reason="; ".join(f"{k}: {v}" for k, v in pending.items()),
                                              strict=False))
    failures = _failures(name, _checks(chromium, report, WIDE), _checks(chromium, report, PHONE))
    assert failures == {}, f"{name}: {failures}"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        nb = fx.execute(folder / "executed.ipynb")
        fx.render_site(nb, folder)
    return folder


def test_fixture_page_passes_every_reading_check(chromium, fixture_site):
    report = fixture_site / fx.ENTRY.output
    failures = _failures(fx.ENTRY.output, _checks(chromium, report, WIDE), _checks(chromium, report, PHONE))
    # the fixture's hostile title and raw chart on purpose show ids ("onmouseover"…); everything else must hold
    failures.pop("identifiers", None)
    assert failures == {}


def test_citation_shows_title_and_publisher_on_hover_and_on_keyboard_focus(chromium, fixture_site):
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=WIDE)
    try:
        cite = page.locator("#fig-bars a.cite").first
        tip = cite.locator(".cite-tip")
        assert tip.bounding_box()["width"] <= 1  # hidden until asked for
        cite.focus()
        assert tip.bounding_box()["width"] > 40 and "Fixture Publisher" in tip.inner_text()
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement.blur()")
        cite.hover()
        assert tip.bounding_box()["width"] > 40
    finally:
        page.context.close()


def test_the_matrix_is_a_table_on_wide_screens_and_one_card_per_organisation_on_a_phone(chromium, fixture_site):
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=PHONE)
    try:
        table, cards = page.locator("#fig-matrix table.report-matrix"), page.locator("#fig-matrix .matrix-card")
        assert not table.is_visible() and cards.count() == 2  # six columns never squeeze into 390 px
        assert cards.locator("summary").all_inner_texts() == ["NATO", "Proposed Eurasian framework"]
        cards.first.locator("summary").click()
        text = cards.first.inner_text()
        # the scale's middle reads "partly"
        assert "Defence promise" in text and "● yes" in text and "◑ consensus" in text
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
        page.set_viewport_size({"width": WIDE[0], "height": WIDE[1]})
        assert table.is_visible() and not cards.first.is_visible()
        first = page.locator("#table-matrix tbody th[scope=row]").first
        assert first.inner_text() == "Defence promise"
    finally:
        page.context.close()


def test_phone_menu_lists_every_report_and_the_sidebar_shows_on_wide_screens(chromium, fixture_site):
    import tomllib

    from helpers import paths

    n_books = len(tomllib.loads(paths.COLLECTION.read_text(encoding="utf-8"))["notebook"])
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=PHONE)
    try:
        assert not page.locator(".report-sidebar").is_visible()
        page.locator(".report-menu > summary").click()
        links = page.locator(".report-menu .report-collection-list > li > a")
        assert links.count() == n_books and links.first.is_visible()
        page.set_viewport_size({"width": WIDE[0], "height": WIDE[1]})
        assert page.locator(".report-sidebar").is_visible() and not page.locator(".report-menu").is_visible()
        assert page.locator(".report-sidebar .report-collection-list > li > a").count() == n_books
    finally:
        page.context.close()


def test_dark_mode_darkens_the_page_and_the_charts(chromium, fixture_site):
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=WIDE)
    try:
        page.emulate_media(color_scheme="dark")
        page.reload()
        page.wait_for_function("document.documentElement.getAttribute('data-charts-drawn') === 'true'")
        bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        label = page.evaluate("""() => { const t = document.querySelector('#chart-bars svg g.role-axis-label text');
            return t ? getComputedStyle(t).fill || t.getAttribute('fill') : ''; }""")
        assert bg == "rgb(22, 24, 27)"
        assert label in ("#d6d6d6", "rgb(214, 214, 214)")
    finally:
        page.context.close()


def test_hover_instructions_are_for_the_screen_only_and_not_on_a_phone_that_shows_cards(chromium, fixture_site):
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=WIDE)
    try:
        hint = page.locator("#fig-matrix .matrix-legend .screen-only")
        assert hint.is_visible() and "Hover" in hint.inner_text()  # a mouse and keyboard can use it
        page.emulate_media(media="print")
        assert not hint.is_visible() and "Hover" not in page.locator("#fig-matrix .matrix-legend").inner_text()
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        assert not hint.is_visible()  # the phone shows folded cards, not cells to hover
    finally:
        page.context.close()


def test_escape_closes_the_phone_menu_and_returns_focus_to_its_toggle(chromium, fixture_site):
    page, _ = rb.open_report(chromium, fixture_site / fx.ENTRY.output, viewport=PHONE)
    try:
        toggle = page.locator(".report-phonebar details.report-menu > summary")
        toggle.click()
        assert page.locator(".report-menu-panel").is_visible()
        page.locator(".report-menu-panel a").first.focus()
        page.keyboard.press("Escape")
        assert not page.locator(".report-menu-panel").is_visible()
        assert page.evaluate("document.activeElement.matches('details.report-menu > summary')")
    finally:
        page.context.close()


#: 04's treaty/war timeline as drawn: the war lane's axis labels, and the treaty rows that have a bar.
TIMELINE_JS = r"""() => {
  const el = document.querySelector('#chart-treaties-wars');
  const wars = [...el.querySelectorAll('g.role-axis-label text')].map(t => t.textContent).filter(s => /\(\d{4}\)$|…/.test(s));
  return {wars, never: [...el.querySelectorAll('svg text')].filter(t => t.textContent === 'never in force').length};
}"""


def test_04_wars_keep_their_year_on_a_phone_and_treaties_never_in_force_are_labelled(chromium, built_reports):
    # on a phone the war labels were cut to 130 px with an ellipsis that took their year, later with one that kept
    # it ("Russia's full-scale invasi… (2022)" named no war); at 1280 the same rule
    # (read from the chart's own width) cut them too. SALT II and the Adapted CFE Treaty ran as bars to 2026.
    page = built_reports / "04-crisis-arms-control-war.html"
    for viewport in (WIDE, PHONE):
        opened, _ = rb.open_report(chromium, page, viewport=viewport)
        try:
            got = opened.evaluate(TIMELINE_JS)
        finally:
            opened.context.close()
        assert len(got["wars"]) >= 4 and all(re.search(r"\(\d{4}\)$", w) for w in got["wars"]), (viewport, got)
        # whole on both widths: a phone wraps a long war's name onto lines instead of cutting it (editor's review)
        assert not any("…" in w for w in got["wars"]), (viewport, got)
        assert got["never"] >= 2, (viewport, got)  # SALT II, START II, the Adapted CFE Treaty
