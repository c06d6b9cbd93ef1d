"""Reports in a real browser: headless Debian Chromium, file:// only, every other request blocked and logged.

Runs on the render fixture (always) and on every report already built in ``reports/`` (by ``make reports``).
Needs ``scripts/ensure-system-deps.sh`` (Chromium, Arabic fonts, axe-core), which ``make test`` runs first.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402
from browser import report_browser as rb  # noqa: E402

pytestmark = pytest.mark.slow
SEVERE = {"serious", "critical"}


EXPECTED = rb.expected_reports()


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as mp:  # undone even when execution or rendering fails
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        nb = fx.execute(folder / "executed.ipynb")
        fx.render_site(nb, folder)
    return folder


@pytest.fixture()
def fixture_page(chromium, fixture_site):
    page, rep = rb.open_report(chromium, fixture_site / fx.ENTRY.output)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, rep, dialogs
    page.context.close()


def _assert_clean(rep: rb.PageReport) -> None:
    assert rep.blocked == [], f"{rep.path.name} tried the network: {rep.blocked}"
    errors = rep.console_errors + rep.page_errors
    assert errors == [], f"{rep.path.name}: {errors}"
    assert rep.drawn == rep.charts, f"{rep.path.name}: {rep.charts - rep.drawn} of {rep.charts} charts not drawn"
    if rep.charts:
        assert rep.state == "true"


def test_fixture_report_draws_every_chart_with_no_network(fixture_page):
    page, rep, _ = fixture_page
    _assert_clean(rep)
    assert rep.charts == 2
    # the vega bundle was loaded once, from the local assets folder
    scripts = page.evaluate("Array.from(document.scripts).filter(s => s.src).map(s => s.src)")
    assert [s for s in scripts if s.endswith("vega-bundle.js")] == [
        (rep.path.parent / "assets" / "vega-bundle.js").resolve().as_uri()]
    page.screenshot(path=str(rep.path.parent / "screenshot.png"), full_page=True)


def test_tooltip_shows_and_hostile_values_stay_text(fixture_page):
    page, _, dialogs = fixture_page
    tip = rb.hover_mark(page, "#chart-bars", index=2)  # the bar whose name is the hostile string
    assert "OSCE" in tip and '<script>alert(1)</script> "onmouseover=alert(2)' in tip
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert '"onmouseover=alert(2) x="' in page.inner_text("#table-members caption")
    assert '"onmouseover=alert(2) x="' in page.inner_text("#table-members tbody")
    assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
    page.mouse.move(5, 5)
    assert dialogs == []  # no alert() ever ran


def test_arabic_heading_reads_right_to_left(fixture_page):
    page, _, _ = fixture_page
    style = page.evaluate("""() => { const h = document.querySelector('h2[lang="ar"]');
        const cs = getComputedStyle(h); return [cs.direction, cs.textAlign, cs.fontFamily]; }""")
    assert style[0] == "rtl" and style[1] == "right" and "Noto Naskh Arabic" in style[2]


def test_code_is_one_click_away(fixture_page):
    page, _, _ = fixture_page
    toggle = page.locator(".report-code-toggle")
    code = page.locator(".report-code").nth(2).locator(".jp-InputArea")
    assert toggle.count() == 1 and not code.is_visible()
    toggle.click()  # one switch shows the code of every cell
    assert code.is_visible() and "present.table" in code.inner_text()
    assert page.locator(".report-code").first.is_visible() and toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert not code.is_visible()


def test_print_hides_navigation_and_code(fixture_page):
    page, _, _ = fixture_page
    page.emulate_media(media="print")
    assert not page.locator(".report-nav").first.is_visible()
    assert not page.locator(".report-code").first.is_visible()
    assert page.locator("#chart-bars svg").is_visible()


def test_fixture_report_and_index_have_no_serious_accessibility_violations(chromium, fixture_site):
    for name in (fx.ENTRY.output, "index.html"):
        page, rep = rb.open_report(chromium, fixture_site / name)
        _assert_clean(rep)
        severe = [v for v in rb.run_axe(page) if v["impact"] in SEVERE]
        page.context.close()
        assert severe == [], f"{name}: {severe}"


@pytest.mark.parametrize("name", EXPECTED)
def test_built_report_offline_drawn_accessible_with_tooltips(chromium, built_reports, name):
    report = built_reports / name
    assert report.exists(), f"the build did not write {name}"
    page, rep = rb.open_report(chromium, report)
    try:
        assert "build failed" not in page.title(), f"{name} is a failure page: {page.inner_text('main')[:500]}"
        _assert_clean(rep)
        severe = [v for v in rb.run_axe(page) if v["impact"] in SEVERE]
        assert severe == [], f"{name}: {severe}"
        if rep.charts:
            tips = []
            for i in range(rep.charts):
                tips.append(rb.hover_mark(page, chart_index=i))
                if tips[-1]:
                    break
            assert any(tips), f"{name}: hovering a mark showed no tooltip in any chart"
    finally:
        page.context.close()
