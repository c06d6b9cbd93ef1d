"""Files every report links to (``helpers.render.assets``)."""

from __future__ import annotations

from helpers import render


def test_shared_assets_hold_the_vega_bundle_once():
    assets = render.shared_assets()
    bundle = assets["assets/vega-bundle.js"].decode()
    assert "vegaEmbed" in bundle and len(bundle) > 100_000
    assert "report-chart" in assets["assets/report.js"].decode()
