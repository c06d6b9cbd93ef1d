"""The palette and the offline renderer a notebook author relies on."""

from __future__ import annotations

import colorsys
import re

import altair as alt
import pandas as pd
import pytest

from helpers import fonts, load, theme

CATEGORIES = ["founding", "enlargement", "arms_control", "intervention_war", "eurasian_track", "summit",
              "osce_document", "withdrawal_suspension"]


def _hsv(hex_colour: str):
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)


def test_every_organisation_and_category_has_its_own_colour():
    # the organisations come from the data: adding a row to organisations.csv without a colour fails here
    assert sorted(theme.ORG_COLORS) == sorted(load.organisations()["org_id"])
    assert sorted(theme.CATEGORY_COLORS) == sorted(CATEGORIES)
    everything = list(theme.ORG_COLORS.values()) + list(theme.CATEGORY_COLORS.values())
    assert len(set(everything)) == len(everything)  # no organisation shares a colour with anything
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in everything)


def test_no_organisation_is_painted_alarm_red():
    for org, colour in theme.ORG_COLORS.items():
        h, s, v = _hsv(colour)
        hue = h * 360
        assert not ((hue < 20 or hue > 340) and s > 0.5 and v > 0.4), f"{org} is red ({colour})"


def test_org_scale_keeps_the_given_order_and_colours():
    scale = theme.org_scale(["SCO", "NATO"]).to_dict()
    assert scale == {"domain": ["SCO", "NATO"], "range": [theme.ORG_COLORS["SCO"], theme.ORG_COLORS["NATO"]]}
    assert theme.org_scale("NATO, CSTO").to_dict()["domain"] == ["NATO", "CSTO"]


def test_unknown_organisation_is_refused_with_the_allowed_ids():
    with pytest.raises(ValueError, match=r"unknown organisation id 'NAT0'; allowed: NATO, PFP"):
        theme.org_scale(["NATO", "NAT0"])
    with pytest.raises(ValueError, match="unknown event category 'war'"):
        theme.category_scale(["war"])


def test_theme_is_enabled_with_a_font_stack_that_has_arabic_glyphs():
    spec = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q").to_dict()
    assert spec["config"]["font"] == fonts.STACK and "Noto Naskh Arabic" in fonts.STACK  # Arabic glyphs, committed


def test_charts_display_offline_in_jupyterlab_as_vega5_with_tooltips():
    frame = pd.DataFrame({"org": ["NATO", "SCO"], "n": [32, 10]})
    chart = alt.Chart(frame, title="Two bars").mark_bar().encode(x="org:N", y="n:Q", tooltip=["org:N", "n:Q"])
    bundle = chart._repr_mimebundle_()
    if isinstance(bundle, tuple):
        bundle = bundle[0]
    # JupyterLab 4.6 bundles renderers for vega v5 and vega-lite up to v5; Altair 6 writes vega-lite v6
    assert set(bundle) == {"application/vnd.vega.v5+json", "text/plain"}
    vega = bundle["application/vnd.vega.v5+json"]
    assert vega["$schema"].endswith("/vega/v5.json")
    assert any(m.get("type") == "rect" for m in vega["marks"])
    assert "tooltip" in str(vega["marks"])  # the compiled spec keeps its tooltip encoding
    assert bundle["text/plain"] == "<chart: Two bars>"  # no memory address, no random id
    assert "altair-viz" not in str(bundle)
