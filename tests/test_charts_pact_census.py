"""Notebook 02's exit-rate chart as a reader sees it: pacts by names, whole, and every tick label inside."""

from __future__ import annotations

import re

import vl_convert as vlc

from helpers import load
from helpers.charts import pact_census as charts
from helpers.tables import pact_census as pc


def _record():
    cases = pc.census_cases(load.pact_census(), load.organisations(), "2024-04-30")
    return pc.exit_record(cases, load.pact_spells(), load.pact_exits(), "2024-04-30")


def _svg_texts(chart) -> list[str]:
    svg = vlc.vegalite_to_svg(chart.to_json())
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)]


def test_rows_carry_pact_names_not_days_of_signature_and_none_is_cut():
    rec = _record()
    chart = charts.exit_rate_intervals(rec, title="t", description="d")
    rows = chart.data["pact"].tolist()
    assert not [r for r in rows if r.startswith("agreement of")]  # the one pact ATOP leaves unnamed, by its members
    assert "UK, Greece, Turkey and Cyprus (1960)" in rows
    texts = " ".join(_svg_texts(chart))
    assert "…" not in texts  # long names wrap onto a second line instead of ending in an ellipsis
    for word in ("Congo and Chad", "Independent States", "UK, Greece, Turkey and Cyprus (1960)"):
        assert word in texts


def test_the_last_tick_label_sits_inside_the_chart():
    chart = charts.exit_rate_intervals(_record(), title="t", description="d")
    axes = [layer["encoding"]["x"].get("axis", {}) for layer in chart.to_dict()["layer"]]
    assert any(a.get("labelFlush") is True for a in axes)  # "8.0" was cut to "8." at the right edge
