"""A percentage in the Arabic edition reads «17%», as Arabic publications with Western digits print it, never «%17».

After an Arabic word the bidirectional algorithm takes «17» for an Arabic number and the «%» for a neutral, so
«415 مليار دولار · 17%» showed «%17» in a right-to-left line (05's bar totals, tables, tooltips). CLDR's percent sign
for ``ar`` with Latin digits is «%» between two left-to-right marks; the edition uses it in text, in the notebooks'
prose, in chart strings and in d3's number format, and the tests below look at where the sign is drawn."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel import Locale

from helpers import i18n
from helpers.i18n import arabic, chart_words, forms

SIGN = Locale.parse("ar").number_symbols["latn"]["percentSign"]  # CLDR: '\u200e%\u200e'
TOTAL = "US$415 bn · 17% (partial)"  # one of 05's bar totals


def test_an_arabic_percentage_carries_cldrs_percent_sign():
    assert SIGN == "\u200e%\u200e"
    assert forms.percent(0.17) == "17" + SIGN and forms.percent(0.17, "en") == "17%"
    assert i18n.text(TOTAL, "ar") == f"415 مليار دولار · 17{SIGN} (جزئي)"
    assert i18n.text(i18n.text(TOTAL, "ar"), "ar") == i18n.text(TOTAL, "ar")  # twice is once
    assert i18n.text(TOTAL, "en") == TOTAL
    # a percent-encoded address keeps its bytes; the search finds «17%» typed without the marks
    assert forms.percent_marks("https://example.org/a%2Fb?q=5%20") == "https://example.org/a%2Fb?q=5%20"
    assert arabic.normalise(i18n.text(TOTAL, "ar")).endswith("17% (جزئي)")


def test_a_chart_draws_its_percentages_with_the_sign():
    spec = {"datasets": {"d": [{"bloc": "NATO", "label": TOTAL, "share": 0.17}]}, "data": {"name": "d"},
            "mark": "text", "encoding": {"y": {"field": "bloc", "type": "nominal"}, "text": {"field": "label"},
                                         "tooltip": [{"field": "share", "type": "quantitative", "format": ".0%"}]}}
    out = chart_words.translate_spec(spec, "ar")
    assert out["datasets"]["d"][0]["label"] == f"\u2067415 مليار دولار · 17{SIGN} (جزئي)\u2069"
    assert out["config"]["locale"]["number"]["percent"] == SIGN  # d3's ".0%" tooltips and axes


GLYPHS_JS = """(sel) => [...document.querySelectorAll(sel)].map(t => {
  const s = t.textContent, i = s.indexOf('17%') >= 0 ? s.indexOf('17%') : s.indexOf('17\u200e%'), at = (k) => {
    if (t.getExtentOfChar) { const g = t.getExtentOfChar(k); return g.x + g.width / 2; }
    const r = document.createRange(), n = t.firstChild; r.setStart(n, k); r.setEnd(n, k + 1);
    const b = r.getBoundingClientRect(); return b.x + b.width / 2; };
  return {text: s, one: at(i), seven: at(i + 1), sign: at(s.indexOf('%', i))};
})"""


def _order(found: list[dict]) -> list[bool]:
    """For each drawn string: True when it reads «17%» left to right (1, then 7, then the sign)."""
    return [g["one"] < g["seven"] < g["sign"] for g in found]


@pytest.mark.slow
def test_the_page_and_the_exported_svg_draw_17_percent_not_percent_17(chromium, tmp_path):
    """Chromium draws the sign right of «17» in a right-to-left paragraph and in the chart's SVG export; the same
    text with a bare «%» (as before) draws it on the left."""
    import vl_convert as vlc

    from helpers import theme

    shown = i18n.text(TOTAL, "ar")
    found = {}
    for name, words in (("marked", shown), ("bare", shown.replace(SIGN, "%"))):
        html = tmp_path / f"{name}.html"
        html.write_text(f'<html lang="ar" dir="rtl"><body><p>{words}</p></body></html>', encoding="utf-8")
        spec = chart_words.translate_spec({"data": {"values": [{"t": words}]}, "mark": {"type": "text"},
                                           "encoding": {"text": {"field": "t"}}}, "ar")
        svg = tmp_path / f"{name}.svg"
        if name == "bare":  # as the chart was drawn before: the isolate, but a bare «%»
            spec = json.loads(json.dumps(spec, ensure_ascii=False).replace(SIGN, "%"))
        svg.write_text(vlc.vegalite_to_svg(spec, vl_version=theme.vl_version()), encoding="utf-8")
        page = chromium.new_page()
        try:
            page.goto(html.as_uri())
            found[name] = page.evaluate(GLYPHS_JS, "p")
            page.goto(svg.as_uri())
            found[name] += page.evaluate(GLYPHS_JS, "text")
        finally:
            page.close()
    assert len(found["marked"]) == 2 and all(_order(found["marked"])), found["marked"]
    assert len(found["bare"]) == 2 and not any(_order(found["bare"])), found["bare"]


_BARE = re.compile(r"\d%(?![0-9A-Fa-f]{2})")


def test_no_built_arabic_page_shows_a_bare_percent_after_a_number(built_reports):
    """Every «17%» the Arabic pages show (05's totals, tables, captions and prose) carries CLDR's sign; the English
    pages keep the bare «%». (The charts' own text is checked on a spec above.)"""
    from bs4 import BeautifulSoup

    pages = sorted((Path(built_reports) / "ar").glob("*.html"))
    assert any(p.name.startswith("05-") for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        for el in soup.select("script, style, code, pre"):
            el.decompose()
        seen = soup.get_text(" ")
        assert not _BARE.search(seen), (page.name, [seen[m.start() - 30:m.end()] for m in _BARE.finditer(seen)][:3])
    english = (Path(built_reports) / "05-balance-of-power.html").read_text(encoding="utf-8")
    assert "\u200e%" not in english


def test_a_cell_of_figures_and_a_percent_takes_the_sign_in_arabic_only():
    """A table cell that is only a share ("82%", as 05's robustness table shows under the alternative) has no Arabic
    word to set its direction, so in a right-to-left cell it read «%82»; it takes CLDR's sign, English untouched."""
    from helpers import i18n

    assert i18n.text("82%", "ar") == "82\u200e%\u200e"
    assert i18n.text("32%–67%", "ar").count("\u200e%\u200e") == 2
    assert i18n.text("82%", "en") == "82%"
    assert i18n.text("12", "ar") == "12"
