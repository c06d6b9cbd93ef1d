"""The Arabic edition's chart text reads in the right order: Vega draws every text left to right, so each string
that holds Arabic is set inside a right-to-left isolate (RLI … PDI) — in the spec's titles, shown data and text
marks, and through ``labelExpr`` for axis, legend and panel labels — and a reader sees «3 حالات خروج في 52 سنة
عضوية» with its count first (on the right), in the page and in the SVG/PNG exports."""

from __future__ import annotations

import json
import re

import pytest

from helpers.i18n import chart_words

RLI, PDI = "\u2067", "\u2069"
ARABIC = re.compile("[\u0600-\u06ff]")
COUNT = "3 exits in 52 member-years"  # «3 حالات خروج في 52 سنة عضوية» (zero reads «لا حالات خروج»)


def _spec() -> dict:
    return {"title": "exits per 100 member-years", "description": "Exit rate per 100 member-years.",
            "datasets": {"d": [{"name": "Rio Treaty", "label": COUNT, "n": 0}]}, "data": {"name": "d"},
            "layer": [
                {"mark": "rule", "encoding": {
                    "x": {"field": "n", "type": "quantitative",
                          "title": ["exits per 100 member-years", "(exact Poisson 95% interval)"]},
                    "y": {"field": "name", "type": "nominal",
                          "axis": {"labelExpr": 'datum.value === "Rio Treaty" ? "معاهدة ريو" : datum.label'}},
                    "tooltip": [{"field": "label", "title": "member-years"}]}},
                {"mark": {"type": "text", "text": "member-years"},
                 "encoding": {"x": {"field": "n", "type": "quantitative"}, "text": {"field": "label"}}}]}


def _drawn(out: dict) -> list[str]:
    rule, text = out["layer"]
    return [out["title"], *rule["encoding"]["x"]["title"], rule["encoding"]["tooltip"][0]["title"],
            text["mark"]["text"], out["datasets"]["d"][0]["label"]]


def test_every_arabic_string_a_chart_draws_is_set_right_to_left():
    out = chart_words.translate_spec(_spec(), "ar")
    drawn = _drawn(out)
    assert all(ARABIC.search(s) for s in drawn), drawn  # translated, so the check below is about Arabic text
    assert [s for s in drawn if not (s.startswith(RLI) and s.endswith(PDI))] == []
    assert "(فترة بواسون الدقيقة عند 95\u200e%\u200e)" in out["layer"][0]["encoding"]["x"]["title"][1]
    # an axis label: the Arabic it gives is isolated, the data value it compares is not (the scale's key)
    expr = out["layer"][0]["encoding"]["y"]["axis"]["labelExpr"]
    assert f'"Rio Treaty" ? "{RLI}معاهدة ريو{PDI}"' in expr
    # labels from the data (datum.label) and every guide without its own expression: isolated when Arabic
    assert chart_words.ISOLATE_LABEL in expr
    assert {out["config"][g]["labelExpr"] for g in ("axis", "legend", "header")} == {chart_words.ISOLATE_LABEL}
    # and a long Arabic name has 260 px before Vega cuts it with "…" (its 180 px cut 02's «معاهدة البلدان …»)
    assert "260" in out["config"]["axis"]["labelLimit"]["expr"]
    # the page's alternative text is not drawn, and the codes and numbers stay as they were
    assert RLI not in out["description"] and out["datasets"]["d"][0]["n"] == 0
    assert chart_words.translate_spec(out, "ar") == out  # twice is once
    assert chart_words.translate_spec(_spec(), "en") == _spec()


def test_a_name_on_an_axis_reads_in_full_arabic_in_its_tooltip_and_keeps_its_key():
    # 04's treaties: the name is the axis's key (labelled in Arabic there) and the tooltip's first line
    spec = {"datasets": {"d": [{"name": "ABM Treaty", "start": "1972-05-26T00:00:00"}]}, "data": {"name": "d"},
            "mark": "bar", "encoding": {
                "y": {"field": "name", "type": "nominal"}, "x": {"field": "start", "type": "temporal"},
                "tooltip": [{"field": "name", "type": "nominal", "title": "treaty"},
                            {"field": "start", "type": "temporal", "format": "%Y-%m-%d"}]}}
    out = chart_words.translate_spec(spec, "ar")
    row, tips = out["datasets"]["d"][0], out["encoding"]["tooltip"]
    assert out["encoding"]["y"]["field"] == "name" and row["name"] == "ABM Treaty"
    assert row[tips[0]["field"]] == f"{RLI}معاهدة الصواريخ المضادة للصواريخ الباليستية{PDI}"
    assert tips[1]["field"] == "start"  # a date stays a date (its format reads it)


def test_04s_phases_and_war_lane_read_in_arabic():
    from helpers.tables.arms_control import PHASES

    assert [p for p in PHASES if not ARABIC.search(chart_words.text(p, "ar"))] == []
    lane = {"mark": "circle", "encoding": {"y": {"field": "category", "type": "nominal",
                                                 "axis": {"labelExpr": "'interventions, wars'"}}}}
    expr = chart_words.translate_spec(lane, "ar")["encoding"]["y"]["axis"]["labelExpr"]
    assert json.loads(expr) == f"{RLI}تدخلات وحروب{PDI}"


def test_isolates_only_what_holds_arabic():
    assert chart_words.isolate("1,462") == "1,462" and chart_words.isolate("New START") == "New START"
    assert chart_words.isolate("-5") == "-5"  # a negative number stays one (no RTL minus at its end)
    assert chart_words.isolate("ستارت 1") == f"{RLI}ستارت 1{PDI}"


def _vega_labels(expr: str, labels: list[str]) -> list[str]:
    """What Vega draws for each label under ``expr`` (compiled and run by vl-convert's Vega)."""
    import vl_convert as vlc

    from helpers import theme

    spec = {"data": {"values": [{"v": v, "n": i} for i, v in enumerate(labels)]}, "mark": "point",
            "encoding": {"y": {"field": "v", "type": "nominal", "axis": {"labelExpr": expr}},
                         "x": {"field": "n", "type": "quantitative"}}}
    svg = vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())
    return re.findall(r'<text[^>]*>([^<]*)</text>', svg)


def test_a_guide_label_from_the_data_is_isolated_by_vega_when_it_holds_arabic():
    got = _vega_labels(chart_words.ISOLATE_LABEL, ["معاهدة ريو", "ATOP 3010"])
    assert f"{RLI}معاهدة ريو{PDI}" in got and "ATOP 3010" in got


#: where the count «3» of «3 حالات خروج …» is drawn, against the middle of its label
GLYPHS_JS = r"""() => [...document.querySelectorAll('svg text')].filter(t => t.textContent.includes('حالات خروج')).map(t => {
  const s = t.textContent, box = t.getBBox(), glyph = t.getExtentOfChar(s.indexOf('3'));
  return {text: s, count: glyph.x + glyph.width / 2, words: box.x + box.width / 2};
})"""


@pytest.mark.slow
def test_the_exported_svg_draws_the_count_where_an_arabic_reader_starts(chromium, tmp_path):
    """The count «3» of «3 حالات خروج …» is drawn right of the words (an Arabic reader's start), in the exported
    SVG as Chromium draws it — and was left of them before the isolate."""
    import vl_convert as vlc

    from helpers import theme

    out = chart_words.translate_spec(_spec(), "ar")
    out["layer"][1]["mark"]["text"] = out["datasets"]["d"][0]["label"]  # a constant text mark, drawn as given
    bare = json.loads(json.dumps(out, ensure_ascii=False).replace(RLI, "").replace(PDI, ""))
    found = {}
    for name, spec in (("isolated", out), ("bare", bare)):
        path = tmp_path / f"{name}.svg"
        path.write_text(vlc.vegalite_to_svg(spec, vl_version=theme.vl_version()), encoding="utf-8")
        page = chromium.new_page()
        try:
            page.goto(path.as_uri())
            found[name] = page.evaluate(GLYPHS_JS)
        finally:
            page.close()
    assert found["isolated"] and all(g["count"] > g["words"] for g in found["isolated"]), found["isolated"]
    assert found["bare"] and all(g["count"] < g["words"] for g in found["bare"]), found["bare"]


def test_the_pages_own_text_of_a_chart_carries_no_isolates(monkeypatch):
    # the figure's title, its aria-label and the search index take the chart's title as the page's text
    import altair as alt
    import pandas as pd

    from helpers import paths, present

    monkeypatch.setenv(paths.LANG_VAR, "ar")
    chart = alt.Chart(pd.DataFrame({"n": [1]})).mark_point().encode(x="n:Q").properties(
        title="exits per 100 member-years")
    shown = present.chart(chart, caption="c", key="k", sources=["alahalygate-neutralizing-nato"])
    assert shown.title == "حالات الخروج لكل 100 سنة عضوية" and shown.spec["title"].startswith(RLI)
    from helpers.render import vega_specs

    title, subtitle = vega_specs.split_title({"title": {"text": shown.spec["title"], "subtitle": [RLI + "ب" + PDI]}})
    assert (title, subtitle) == ("حالات الخروج لكل 100 سنة عضوية", "ب")  # the figure's title above the chart


def test_two_builds_write_the_arabic_chart_data_with_its_columns_in_one_order():
    # the shadow columns of names on a scale were added in a set's order, which Python's string hashing changes from
    # one process to the next: two builds of the same notebook wrote 02's, 05's, 06's and 08's Arabic CSV exports
    # with their columns in different orders
    import os
    import subprocess
    import sys

    fields = ["name", "background", "org_id", "label", "role"]
    spec = {"datasets": {"d": [{f: "NATO" for f in fields}]}, "data": {"name": "d"}, "mark": "bar",
            "encoding": {"y": {"field": "name", "type": "nominal"}, "x": {"field": "org_id", "type": "nominal"},
                         "color": {"field": "background", "type": "nominal"},
                         "row": {"field": "label", "type": "nominal"}, "column": {"field": "role", "type": "nominal"},
                         "tooltip": [{"field": f, "type": "nominal"} for f in fields]}}
    code = ("import json, sys; from helpers.i18n import chart_words; "
            "out = chart_words.translate_spec(json.loads(sys.argv[1]), 'ar'); print(list(out['datasets']['d'][0]))")
    orders = {subprocess.run([sys.executable, "-c", code, json.dumps(spec)], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
              for seed in range(8)}
    assert len(orders) == 1, orders
