"""Chart builders for notebook 05, inspected through ``to_dict()``: title, description, tooltips, encodings."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.charts import balance as C


def _layers(spec):
    return spec.get("layer") or spec.get("spec", {}).get("layer") or [spec]


def _tooltip_fields(layer):
    return {t["field"] for t in layer["encoding"]["tooltip"]}


def test_bloc_bars_fade_incomplete_blocs_and_label_world_shares():
    caps = pd.DataFrame({"bloc": ["NATO", "SCO"], "indicator": ["population"] * 2, "members": [2, 3],
                         "reported": [2, 1], "complete": [True, False], "total": [10.0, 4.0], "unit": ["persons"] * 2,
                         "missing": ["", "B, C"], "world_share": [0.5, float("nan")]})
    spec = C.bloc_bars(caps, "population", title="NATO is larger", description="d", axis_title="people").to_dict()
    assert spec["title"] == "NATO is larger" and spec["description"] == "d"
    bars = _layers(spec)[0]
    assert bars["encoding"]["opacity"]["scale"]["domain"] == ["every member", "some members only"]
    assert {"coverage", "missing", "total", "world"} <= _tooltip_fields(bars)
    data = next(iter(spec["datasets"].values()))
    assert [d["label"] for d in data] == ["50% of world", "1/3"]  # no world total: coverage instead


def test_concentration_dots_put_effective_members_beside_the_member_count():
    conc = pd.DataFrame({"bloc": ["X", "Solo"], "indicator": ["milex_usd_const"] * 2, "members": [3, 1],
                         "reported": [3, 1], "complete": [True, True], "largest": ["A", "S"],
                         "largest_share": [0.6, 1.0], "leader_ratio": [2.0, float("nan")], "hhi": [0.46, 1.0],
                         "effective_members": [2.17, 1.0]})
    spec = C.concentration_dots(conc, title="t", description="d").to_dict()
    ticks, dots = _layers(spec)
    assert ticks["mark"]["type"] == "tick" and ticks["encoding"]["x"]["field"] == "members"
    assert dots["encoding"]["x"]["field"] == "effective_members"
    assert [d["bloc"] for d in next(iter(spec["datasets"].values()))] == ["X"]  # a bloc of one says nothing


def test_share_lines_panel_per_kind_and_hollow_points_for_partial_years():
    s = pd.DataFrame({"year": [2001, 2002, 2001], "series": ["a", "a", "b"],
                      "kind": ["within the bloc", "within the bloc", "of the world"], "value": [0.5, 0.6, 0.1],
                      "complete": [True, False, True], "members": [2, 2, 3]})
    spec = C.share_lines(s, title="t", description="d").to_dict()
    assert spec["facet"]["row"]["field"] == "kind" and spec["title"] == "t"
    points = spec["spec"]["layer"][1]
    assert "condition" in points["encoding"]["fill"] and {"value", "figures"} <= _tooltip_fields(points)


def test_builders_refuse_an_empty_title():
    s = pd.DataFrame({"year": [2001], "series": ["a"], "kind": ["k"], "value": [0.5], "complete": [True],
                      "members": [2]})
    with pytest.raises(ValueError, match="title"):
        C.share_lines(s, title="", description="d")


def test_indicator_bars_title_states_the_largest_total_and_name_the_axis_in_words():
    caps = pd.DataFrame({"bloc": ["NATO", "SCO"], "indicator": ["nuclear_warheads"] * 2, "members": [2, 3],
                         "reported": [2, 3], "complete": [True, True], "total": [10.0, 40.0], "unit": ["warheads"] * 2,
                         "missing": ["", ""], "world_share": [0.1, 0.4]})
    spec = C.indicator_bars(caps, "nuclear_warheads", 2023).to_dict()
    assert spec["title"] == "SCO has the largest nuclear warhead inventory in 2023, 40% of the world's"
    assert _layers(spec)[0]["encoding"]["x"]["title"] == "nuclear warheads (total inventory)"
    with pytest.raises(KeyError):
        C.indicator_bars(caps, "milex_usd_current", 2023)
