"""Data editor, review 9 (low 12), in headless Chromium on the built reports: the NATO map's title said "NATO had 32
members on 30 Apr 2024…" while the slider showed 1949 or 1991, so title and map disagreed at every year but the
report's. At another year the title now says what the map shows (that year's count); back at the report's year,
and in print, it is the report's own title again. Both editions, 02's NATO map and 08's SCO map."""

from __future__ import annotations

import re

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow

#: Move figure ``key``'s slider to ``year`` as a reader does (the input event), and read its title.
MOVE_JS = """([key, year]) => { const input = document.querySelector('#year-' + key);
  input.value = String(year); input.dispatchEvent(new Event('input'));
  return document.querySelector('#fig-' + key + ' .report-figure-title').textContent; }"""


@pytest.mark.parametrize("edition", ["", "ar/"])
@pytest.mark.parametrize("page_name, key, year", [("02-nato-enlargement.html", "nato-map", 1980),
                                                  ("08-sco-multivector-states.html", "sco-map", 2005)])
def test_a_map_title_follows_the_year_the_slider_shows(chromium, built_reports, edition, page_name, key, year):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}{page_name}", viewport=(1280, 900))
    try:
        page.wait_for_selector(f'#fig-{key} .report-timeline[data-ready="true"]', state="attached")
        own = page.locator(f"#fig-{key} .report-figure-title").text_content()
        start = int(page.locator(f"#year-{key}").get_attribute("value"))
        moved = page.evaluate(MOVE_JS, [key, year])
        caption = page.locator(f"#caption-{key}").text_content()
        assert moved != own and str(year) in moved and moved == caption, (
            f"{edition}{page_name}: at {year} the title reads {moved!r} (its own: {own!r})")
        numbers = set(re.findall(r"\d+", own)) - set(re.findall(r"\d+", moved))
        assert numbers, "the title kept the report date's numbers"
        assert page.evaluate(MOVE_JS, [key, start]) == own, "back at the report's year the title is its own again"
        page.evaluate(MOVE_JS, [key, year])
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator(f"#fig-{key} .report-figure-title").text_content() == own, "print shows another year"
        assert rep.console_errors == []
    finally:
        page.context.close()
