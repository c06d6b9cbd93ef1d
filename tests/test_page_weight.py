"""What a report page carries for its charts, beyond what a reader sees: each chart config once per page, and only
the data columns a chart reads (issue 23: the Arabic 02 page had grown to 313 KB against a 300 KB budget)."""

from __future__ import annotations

import json

from helpers.render import exports, vega_specs


def _spec(config: dict) -> dict:
    return {"config": config, "data": {"name": "d"}, "mark": "point",
            "transform": [{"calculate": "datum.weight * 2", "as": "double"}],
            "encoding": {"x": {"field": "year", "type": "quantitative"},
                         "tooltip": [{"field": "name__shown", "type": "nominal"}]},
            "datasets": {"d": [{"year": 1949, "weight": 1, "name__shown": "بلجيكا", "source_id": "europa",
                                "iso3": "BEL"}]}}


def test_a_page_spec_keeps_only_the_columns_its_chart_reads():
    drawn, _ = vega_specs.page_spec(_spec({"font": "x"}))
    assert drawn["datasets"]["d"] == [{"year": 1949, "weight": 1, "name__shown": "بلجيكا"}]
    whole = _spec({"font": "x"})
    assert set(whole["datasets"]["d"][0]) >= {"source_id", "iso3"}  # the spec the exports are drawn from is whole


def test_a_page_holds_each_chart_config_once():
    shared = {"font": "Noto Naskh Arabic Report", "locale": {"time": {"months": ["يناير"] * 12}}}
    box = exports.Exports("02-x")
    first, script = exports._config_apart(_spec(shared), box)
    second, again = exports._config_apart(_spec(shared), box)
    other, third = exports._config_apart(_spec({"font": "Noto Sans Report"}), box)
    assert script.startswith('<script type="application/json" id="chart-config-') and again == ""
    name = first["config"]["$page"]
    assert second["config"] == {"$page": name} and other["config"]["$page"] != name and third
    assert json.loads(script.split(">", 1)[1].rsplit("</script>", 1)[0]) == shared
