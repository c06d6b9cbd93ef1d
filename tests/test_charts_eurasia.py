"""Chart builders for notebooks 05–09, inspected through ``to_dict()``: title, description, tooltips, encodings."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import theme
from helpers.charts import eurasia as C
from helpers.tables import eurasia as T


def _layers(spec):
    if "layer" in spec:
        return spec["layer"]
    if "vconcat" in spec:
        return spec["vconcat"]
    return [spec]


def _tooltip_fields(layer):
    tips = layer["encoding"]["tooltip"]
    return {t["field"] for t in tips}


def test_bloc_bars_fade_incomplete_blocs_and_show_coverage():
    caps = pd.DataFrame({"bloc": ["NATO", "SCO"], "indicator": ["population"] * 2, "members": [2, 3],
                         "reported": [2, 1], "complete": [True, False], "total": [10.0, 4.0], "unit": ["persons"] * 2,
                         "missing": ["", "B, C"]})
    spec = C.bloc_bars(caps, "population", title="NATO is larger", description="d", axis_title="people").to_dict()
    assert spec["title"] == "NATO is larger" and spec["description"] == "d"
    bars = _layers(spec)[0]
    assert bars["encoding"]["opacity"]["scale"]["domain"] == ["every member", "some members only"]
    assert {"coverage", "missing", "total"} <= _tooltip_fields(bars)
    data = next(iter(spec["datasets"].values()))
    assert [d["label"] for d in data] == ["2/2", "1/3"]
    assert [d["data_for"] for d in data] == ["every member", "some members only"]


def test_concentration_bars_has_equal_share_reference():
    conc = pd.DataFrame({"bloc": ["X"], "members": [2], "reported": [2], "complete": [True], "largest": ["A"],
                         "largest_share": [0.8], "hhi": [0.68], "equal_share_hhi": [0.5]})
    spec = C.concentration_bars(conc, title="t", description="d").to_dict()
    marks = [layer["mark"]["type"] for layer in _layers(spec)]
    assert marks == ["bar", "tick"]
    assert _layers(spec)[1]["encoding"]["x"]["field"] == "equal_share_hhi"


def test_principle_grid_chart_orders_documents_by_date_and_fixes_presence_colours():
    grid = pd.DataFrame({"principle": ["P", "P"], "document": ["Newer", "Older"],
                         "date": pd.to_datetime(["2020-01-01", "1990-01-01"]), "presence": ["explicit", "not coded"],
                         "phrase": ["x", ""], "locator": ["Art 1", ""]})
    spec = C.principle_grid_chart(grid, title="t", description="d").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Older (1990)", "Newer (2020)"]
    assert spec["encoding"]["color"]["scale"]["domain"] == ["explicit", "implicit", "absent", "not coded"]
    assert "phrase" in _tooltip_fields(spec)


def test_spell_gantt_encodes_start_end_and_status():
    spells = pd.DataFrame({"iso3": ["KAZ", "KAZ"], "org_id": ["SHANGHAI5", "SCO"], "status": ["member", "member"],
                           "start": pd.to_datetime(["1996-04-26", "2001-06-15"]),
                           "end": pd.to_datetime(["2001-06-15", "2024-07-04"]), "ongoing": [False, True]})
    spec = C.spell_gantt(spells, row="org_id", names={"KAZ": "Kazakhstan"}, title="t", description="d").to_dict()
    enc = spec["encoding"]
    assert enc["x"]["field"] == "start" and enc["x2"]["field"] == "end" and enc["y"]["field"] == "org_id"
    assert enc["y"]["sort"] == ["SHANGHAI5", "SCO"]
    assert enc["color"]["field"] == "role" and enc["color"]["scale"]["domain"] == ["member"]


def test_spell_gantt_separates_orgs_in_the_legend():
    spells = pd.DataFrame({"iso3": ["KAZ", "KAZ", "IND"], "org_id": ["SHANGHAI5", "SCO", "SCO"],
                           "status": ["member", "member", "observer"],
                           "role": ["SHANGHAI5 member", "SCO member", "SCO observer"],
                           "start": pd.to_datetime(["1996-04-26", "2001-06-15", "2005-07-05"]),
                           "end": pd.to_datetime(["2001-06-15", "2024-07-05", "2017-06-09"]), "ongoing": [False, True, False]})
    spec = C.spell_gantt(spells, title="t", description="d").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["SHANGHAI5 member", "SCO member", "SCO observer"]


def test_upset_chart_bars_over_dot_matrix():
    flags = pd.DataFrame({"iso3": ["A", "B", "C"], "name": ["a", "b", "c"],
                          "NATO": [True, True, False], "PFP": [False] * 3, "OSCE": [True] * 3,
                          "CSTO": [False, False, True], "SCO": [False, False, True], "SCO_PARTNER": [False] * 3})
    combos = T.combination_counts(flags)
    spec = C.upset_chart(combos, title="t", description="d").to_dict()
    top, matrix = spec["vconcat"]
    assert top["mark"]["type"] == "bar" and matrix["mark"]["type"] == "circle"
    assert top["encoding"]["x"]["sort"] == ["NATO + OSCE", "OSCE + CSTO + SCO"]
    assert matrix["encoding"]["x"]["sort"] == top["encoding"]["x"]["sort"]
    assert spec["title"] == "t"


def test_builders_refuse_an_empty_title():
    conc = pd.DataFrame({"bloc": ["X"], "members": [2], "reported": [2], "complete": [True], "largest": ["A"],
                         "largest_share": [0.8], "hhi": [0.68], "equal_share_hhi": [0.5]})
    with pytest.raises(ValueError, match="title"):
        C.concentration_bars(conc, title="", description="d")
