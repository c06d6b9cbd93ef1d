"""Chart builders for notebooks 06, 07 and 09, inspected through ``to_dict()``: title, description, tooltips, encodings."""

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


def test_principle_grid_chart_orders_documents_by_date_and_fixes_presence_colours():
    grid = pd.DataFrame({"principle": ["P", "P"], "document": ["Newer", "Older"],
                         "date": pd.to_datetime(["2020-01-01", "1990-01-01"]), "presence": ["explicit", "not coded"],
                         "phrase": ["x", ""], "locator": ["Art 1", ""]})
    spec = C.principle_grid_chart(grid, title="t", description="d").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Older (1990)", "Newer (2020)"]
    assert spec["encoding"]["color"]["scale"]["domain"] == ["explicit", "implicit", "absent", "not coded"]
    assert "phrase" in _tooltip_fields(spec)


def test_typology_scatter_uses_org_colours_and_skips_unscored():
    scores = pd.DataFrame({"org_id": ["NATO", "EURASIAN_FRAMEWORK"], "obligation": [1.0, float("nan")],
                           "institutionalization": [0.9, float("nan")], "obligation_known": [3, 0],
                           "obligation_unknown": [1, 4], "institutionalization_known": [6, 0],
                           "institutionalization_unknown": [0, 6]})
    spec = C.typology_scatter(scores, title="NATO is the alliance", description="d").to_dict()
    pts = _layers(spec)[0]
    assert pts["encoding"]["color"]["scale"]["domain"] == ["NATO"]
    assert pts["encoding"]["color"]["scale"]["range"] == [theme.ORG_COLORS["NATO"]]
    data = next(iter(spec["datasets"].values()))
    assert [d["org_id"] for d in data] == ["NATO"]
    assert {"obligation_unknown", "institutionalization_unknown"} <= _tooltip_fields(pts)


def test_verdict_bars_fixed_verdict_order():
    counts = pd.DataFrame({"claim_type": ["factual", "factual"], "verdict": ["supported", "partly"], "claims": [2, 1]})
    spec = C.verdict_bars(counts, title="t", description="d").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(T.VERDICTS)


def test_builders_refuse_an_empty_title():
    counts = pd.DataFrame({"claim_type": ["factual"], "verdict": ["supported"], "claims": [1]})
    with pytest.raises(ValueError, match="title"):
        C.verdict_bars(counts, title="", description="d")
