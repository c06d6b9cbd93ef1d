"""Chart builders for notebooks 06, 07 and 09, inspected through ``to_dict()``: title, description, tooltips,
encodings."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.charts import principles as C


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
    cells, unread, names = _layers(spec)
    assert cells["encoding"]["y"]["sort"] == ["Older (1990)", "Newer (2020)"]
    # the key lists only the shades drawn; a cell not coded is hatched (a gradient of stripes), with its own entry
    assert cells["encoding"]["color"]["scale"]["domain"] == ["explicit"]
    assert unread["mark"]["fill"]["gradient"] == "linear" and len(unread["mark"]["fill"]["stops"]) > 8
    assert unread["encoding"]["opacity"]["scale"]["domain"] == ["not coded"]
    assert "phrase" in _tooltip_fields(cells)
    # each document's name sits on its own line above its row of cells (on a phone too), not in an axis column
    assert cells["encoding"]["y"]["axis"] is None and names["mark"]["type"] == "text"
    assert names["mark"]["dy"] < 0 < cells["encoding"]["yOffset"]["value"]


def test_builders_refuse_an_empty_title():
    grid = pd.DataFrame({"principle": ["P"], "document": ["Doc"], "date": pd.to_datetime(["2020-01-01"]),
                         "presence": ["explicit"], "phrase": ["x"], "locator": ["Art 1"]})
    with pytest.raises(ValueError, match="title"):
        C.principle_grid_chart(grid, title="", description="d")
