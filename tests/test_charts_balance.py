"""Chart builders for notebook 05, inspected through ``to_dict()``: title, description, tooltips, encodings."""

from __future__ import annotations

import pandas as pd
import pytest
import vl_convert as vlc

from helpers import load, params, theme
from helpers.charts import balance as C
from helpers.tables import balance as B
from helpers.tables import balance_words as BW


def _layers(spec):
    """The drawn layers, without the estimates' light ring under the bars (:func:`_ring`)."""
    return [u for u in spec.get("layer") or spec.get("spec", {}).get("layer") or [spec] if u is not _ring(spec)]


def _ring(spec):
    return next((u for u in spec.get("layer", []) if isinstance(u.get("mark"), dict)
                 and u["mark"].get("fillOpacity") == 0), None)


def _tooltip_fields(layer):
    return {t["field"] for t in layer["encoding"]["tooltip"]}


def test_bloc_bars_stack_members_mark_estimates_and_speak_in_reader_units():
    caps = pd.DataFrame({"bloc": ["NATO", "Pair"], "indicator": ["milex_usd_const"] * 2, "members": [2, 3],
                         "reported": [2, 2], "complete": [True, False], "total": [1_340_000.0, 406_000.0],
                         "unit": ["USD m"] * 2, "missing": ["", "C"], "world_share": [0.55, float("nan")]})
    parts = pd.DataFrame({"bloc": ["NATO", "NATO", "Pair", "Pair"],
                          "part": ["United States", "other members", "Russia", "China"],
                          "value": [916_000.0, 424_000.0, 109_000.0, 297_000.0], "estimate": [False, False, True, True],
                          "order": [0, 4, 1, 2]})
    spec = C.bloc_bars(caps, parts, "milex_usd_const", title="NATO is larger", description="d",
                       axis_title="US$ billion", divisor=1e3).to_dict()
    assert spec["title"] == "NATO is larger" and spec["description"] == "d"
    bars, text = _layers(spec)
    assert bars["encoding"]["color"]["field"] == "part" and bars["encoding"]["x"]["stack"] == "zero"
    assert bars["encoding"]["strokeDash"]["condition"]["test"] == "datum.estimate"  # estimates are outlined
    datasets = list(spec["datasets"].values())
    shown = {d["part"]: d["shown"] for d in datasets[0]}
    assert shown["United States"] == 916.0  # US$ billion on the axis, never "916,000"
    assert [d["label"] for d in datasets[1]] == ["US$1.34 tn · 55%", "US$406 bn (partial)"]


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _dark_page(hex_colour: str, swap: dict) -> str:
    """The colour report.js draws on a dark page: the chart's own swap, else a dark mark lightened by 55%."""
    if hex_colour.lower() in swap:
        return swap[hex_colour.lower()]
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    if (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255 >= 0.4:
        return hex_colour
    return "#" + "".join(f"{round(c + (255 - c) * 0.55):02x}" for c in rgb)


def test_the_estimate_outline_stands_out_on_every_bar_in_dark_mode():
    # editor review 7: on a dark page the dashed "estimate" outline was lightened to a mid grey that hardly showed
    parts = pd.DataFrame({"bloc": ["Pair", "Pair"], "part": ["Russia", "China"], "value": [109_000.0, 297_000.0],
                          "estimate": [True, True], "order": [1, 2]})
    caps = pd.DataFrame({"bloc": ["Pair"], "indicator": ["milex_usd_const"], "members": [2], "reported": [2],
                         "complete": [True], "total": [406_000.0], "unit": ["USD m"], "missing": [""],
                         "world_share": [0.2]})
    spec = C.bloc_bars(caps, parts, "milex_usd_const", title="t", description="d", axis_title="US$ billion",
                       divisor=1e3).to_dict()
    bars, _ = _layers(spec)
    swap = spec.get("usermeta", {}).get("dark", {})
    outline = _dark_page(bars["encoding"]["stroke"]["condition"]["value"], swap)
    for part, fill in theme.PART_COLORS.items():
        drawn = _dark_page(fill, swap)
        light, dark = sorted([_luminance(outline), _luminance(drawn)], reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3, f"the estimate outline on {part}'s bar: contrast below 3:1"
    # Data editor (issue 23, finding 15): against the dark ground around the bars the black dashes all but vanished;
    # a light ring under each estimate shows them there (3:1 at least against the page, which is #16181b)
    ring = _ring(spec)
    assert ring["encoding"]["stroke"]["condition"]["test"] == "datum.estimate"
    halo = _dark_page(ring["encoding"]["stroke"]["condition"]["value"], swap)
    assert (_luminance(halo) + 0.05) / (_luminance("#16181b") + 0.05) >= 3
    assert ring["encoding"]["x"]["stack"] == "zero" and ring["encoding"]["order"]["field"] == "order"


def test_population_bars_are_labelled_with_a_value_in_millions_not_coverage():
    caps = pd.DataFrame({"bloc": ["NATO"], "indicator": ["population"], "members": [31], "reported": [31],
                         "complete": [True], "total": [972_000_000.0], "unit": ["persons"], "missing": [""],
                         "world_share": [float("nan")]})
    parts = pd.DataFrame({"bloc": ["NATO"], "part": ["United States"], "value": [335e6], "estimate": [False],
                          "order": [0]})
    spec = C.indicator_bars(caps, parts, "population", 2023, held=[2023]).to_dict()
    labels = [d["label"] for d in list(spec["datasets"].values())[1]]
    assert labels == ["972 m people"]
    assert _layers(spec)[0]["encoding"]["x"]["title"] == "millions of people"


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
    # one legend whose symbols are the marks' own shapes (it showed three circles for a square, circle, triangle)
    assert dots["encoding"]["shape"]["legend"] == dots["encoding"]["color"]["legend"] == {"title": "indicator"}
    assert dots["encoding"]["shape"]["field"] == dots["encoding"]["color"]["field"]
    # a bloc whose one member holds everything (1.0 effective members) is drawn clear of the axis, not half under it
    assert dots["encoding"]["x"]["scale"]["domain"][0] < 1


def test_share_lines_panel_per_kind_and_hollow_points_for_partial_years():
    s = pd.DataFrame({"year": [2001, 2002, 2001], "series": ["a", "a", "b"],
                      "kind": ["within the bloc", "within the bloc", "of the world"], "value": [0.5, 0.6, 0.1],
                      "complete": [True, False, True], "members": [2, 2, 3], "bloc": ["NATO", "NATO", "SCO"]})
    spec = C.share_lines(s, title="t", description="d").to_dict()
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["within the bloc", "of the world"]
    assert spec["title"] == "t"
    points = spec["vconcat"][0]["layer"][1]
    assert "condition" in points["encoding"]["fill"] and {"value", "figures"} <= _tooltip_fields(points)


def test_share_lines_name_each_line_at_its_end_in_a_colour_no_line_of_its_panel_shares():
    """Editor's review: two greens and two yellows in a seven-line legend; Russia + China and the SCO overlap."""
    series = B.share_series(load.capabilities(), load.memberships(), load.world_totals(),
                            B.indicator_years(load.capabilities()))
    spec = C.share_lines(series, title="t", description="d").to_dict()
    assert spec["vconcat"][0]["layer"][0]["encoding"]["color"]["legend"] is None  # the names replace the legend
    scale = spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"]))
    for panel in spec["vconcat"]:
        names = spec["datasets"][panel["layer"][-1]["data"]["name"]]
        kind = panel["title"]["text"]
        shown = [r for r in names if r["kind"] == kind]
        assert {r["series"] for r in shown} == set(series.loc[series["kind"] == kind, "series"])  # every line named
        assert len({colour[r["bloc"]] for r in shown}) == len(shown)  # no two lines of a panel in one colour
        top = max(r["value"] for r in series.dropna(subset=["value"]).to_dict("records") if r["kind"] == kind)
        heights = sorted(r["label_value"] for r in shown)
        assert all(b - a >= C.LABEL_GAP["en"] * top - 1e-9 for a, b in zip(heights, heights[1:]))  # names do not collide


def test_builders_refuse_an_empty_title():
    s = pd.DataFrame({"year": [2001], "series": ["a"], "kind": ["k"], "value": [0.5], "complete": [True],
                      "members": [2], "bloc": ["NATO"]})
    with pytest.raises(ValueError, match="title"):
        C.share_lines(s, title="", description="d")


def test_indicator_bars_title_states_the_largest_total_and_name_the_axis_in_words():
    caps = pd.DataFrame({"bloc": ["NATO", "SCO"], "indicator": ["nuclear_warheads"] * 2, "members": [2, 3],
                         "reported": [2, 3], "complete": [True, True], "total": [10.0, 40.0], "unit": ["warheads"] * 2,
                         "missing": ["", ""], "world_share": [0.1, 0.4]})
    parts = pd.DataFrame({"bloc": ["NATO", "SCO"], "part": ["United States", "Russia"], "value": [10.0, 40.0],
                          "estimate": [True, True], "order": [0, 1]})
    spec = C.indicator_bars(caps, parts, "nuclear_warheads", 2023, held=[2023]).to_dict()
    assert spec["title"] == "SCO has the largest nuclear warhead inventory in 2023, 40% of the world's"
    assert _layers(spec)[0]["encoding"]["x"]["title"] == "warheads, total inventory"
    with pytest.raises(KeyError):
        C.indicator_bars(caps, parts, "milex_usd_current", 2023, held=[2023])


def _png(chart) -> bytes:
    return vlc.vegalite_to_png(chart.to_dict(), vl_version=theme.vl_version())


def test_a_year_without_figures_says_which_years_have_them_instead_of_an_empty_frame():
    caps = pd.DataFrame({"bloc": ["NATO", "SCO"], "indicator": ["nuclear_warheads"] * 2, "members": [19, 0],
                         "reported": [0, 0], "complete": [False, False], "total": [float("nan")] * 2,
                         "unit": [""] * 2, "missing": ["all members", ""], "world_share": [float("nan")] * 2})
    parts = pd.DataFrame(columns=["bloc", "part", "value", "estimate", "order"])
    chart = C.indicator_bars(caps, parts, "nuclear_warheads", 2000, held=[2024, 2023])
    spec = chart.to_dict()
    assert spec["title"] == "No nuclear warheads figures for 2000 in the data for any of these blocs"
    lines = [row["note"] for row in next(iter(spec["datasets"].values()))]
    assert lines == ["Years with nuclear warheads figures in the data:", "2023–2024"]
    assert spec["description"] == "Years with nuclear warheads figures in the data: 2023–2024"
    assert _png(chart).startswith(b"\x89PNG")  # a frame with a size: the report's PNG export of the note
    with pytest.raises(ValueError, match="no bloc has a nuclear_warheads total"):
        C.bloc_bars(caps, parts, "nuclear_warheads", title="t", description="d", axis_title="a")


def test_year_runs_read_in_both_editions():
    assert BW.year_runs([2024, 2001, 2010, 2022, 2021, 2023]) == "2001, 2010, 2021–2024"
    assert BW.year_runs([2023]) == "2023" and BW.year_runs([]) == "none"


@pytest.mark.parametrize("edge", ["min", "max"])
def test_every_bloc_chart_of_05_draws_at_the_edges_of_its_year_range(edge):
    """The report's PNG export failed with "SVG has an invalid size" at year=2000: no warhead or population
    figure that year gave the bars an x domain of [0, NaN]."""
    year = params.edge_values("05")[edge]["year"]
    capabilities, memberships, world = load.capabilities(), load.memberships(), load.world_totals()
    blocs = B.comparison_blocs(memberships, B.reference_date(year))
    caps = B.world_shares(B.bloc_capabilities(capabilities, blocs, year), world, year)
    for indicator in C.BARS:
        parts = B.member_parts(capabilities, blocs, year, indicator, {})
        chart = C.indicator_bars(caps, parts, indicator, year, held=B.held_years(capabilities, indicator))
        assert _png(chart).startswith(b"\x89PNG"), (year, indicator)


def test_share_lines_mark_the_years_a_bloc_gained_members_and_say_what_the_share_is_of():
    """Editor's review 5: the SCO's step in 2017 (India and Pakistan join) read as a trend; the axis said 'share'."""
    series = B.share_series(load.capabilities(), load.memberships(), load.world_totals(),
                            B.indicator_years(load.capabilities()))
    spec = C.share_lines(series, title="t", description="d").to_dict()
    panel = spec["vconcat"][0]
    assert panel["layer"][0]["encoding"]["y"]["title"] == "share of military spending"
    joined = panel["layer"][2]
    assert joined["mark"]["type"] == "point" and joined["encoding"]["shape"]["scale"]["domain"] == [C.JOINED]
    rows = next(v for v in spec["datasets"].values() if v and "joined" in v[0])
    marked = {(r["series"], r["year"]) for r in rows if r["joined"]}
    assert ("China's share of the SCO", 2017) in marked and ("China's share of the SCO", 2016) not in marked


def test_the_arabic_share_lines_name_their_lines_in_arabic():
    """The Arabic 05 named its lines "United States' share of NATO", "SCO in the world": the names were computed in
    the chart from the English key, which the Arabic edition never saw as a shown field."""
    from helpers.i18n import chart_words

    series = B.share_series(load.capabilities(), load.memberships(), load.world_totals(),
                            B.indicator_years(load.capabilities()))
    spec = chart_words.translate_spec(C.share_lines(series, title="t", description="d").to_dict(), "ar")
    panel = spec["vconcat"][0]["layer"]
    texts = [u["encoding"]["text"] for u in panel if "text" in u.get("encoding", {})]
    assert len(texts) == 2 and {t["field"] for t in texts} == {"series__shown"}  # beside the end, and above
    rows = spec["datasets"][panel[-1]["data"]["name"]]
    shown = {r["series"]: r["series__shown"] for r in rows}
    assert "ولايات" in shown["United States' share of NATO"] and not any("share" in v for v in shown.values())
