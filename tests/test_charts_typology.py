"""The typology chart of notebook 07 (helpers.charts.typology): boxes that show each organisation's possible
scores, organisation colours, reader names, and nothing drawn for an organisation that cannot be placed."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import theme
from helpers.charts import typology as C


def intervals() -> pd.DataFrame:
    return pd.DataFrame({
        "org_id": ["NATO", "CSTO", "EURASIAN_FRAMEWORK"],
        "obligation_low": [0.6, 0.6, math.nan], "obligation_high": [0.6, 0.6, math.nan],
        "obligation_known": [5, 5, 1], "obligation_unknown": [0, 0, 4],
        "institutionalization_low": [1.0, 0.625, math.nan], "institutionalization_high": [1.0, 0.875, math.nan],
        "institutionalization_known": [4, 3, 0], "institutionalization_unknown": [0, 1, 4]})


NAMES = {"NATO": "NATO", "CSTO": "CSTO", "EURASIAN_FRAMEWORK": "proposed Eurasian framework"}


def _spec():
    return C.typology_scatter(intervals(), names=NAMES, title="NATO is the most alliance-like",
                              description="d").to_dict()


def test_each_placed_organisation_is_a_box_from_its_lowest_to_its_highest_score():
    spec = _spec()
    boxes = spec["layer"][0]
    assert boxes["mark"]["type"] == "rect"
    enc = boxes["encoding"]
    assert (enc["x"]["field"], enc["x2"]["field"]) == ("institutionalization_low", "institutionalization_high")
    assert (enc["y"]["field"], enc["y2"]["field"]) == ("obligation_low", "obligation_high")
    # both axes run 0 to 1 in five ticks (21 ticks at 0.05 crowded the axis, issue 23), with a margin past each end
    # the defence promise is yes or no: ticks at 0 and 1 only
    assert enc["x"]["axis"]["values"] == [0, 0.25, 0.5, 0.75, 1] and enc["y"]["axis"]["values"] == [0, 1]
    assert "a partial feature counted as half" in enc["x"]["title"]  # the axis says how 'partly' scores
    for axis in ("x", "y"):
        low, high = enc[axis]["scale"]["domain"]
        assert -0.1 <= low < 0 and 1 < high <= 1.1
    data = next(iter(spec["datasets"].values()))
    csto = next(d for d in data if d["org_id"] == "CSTO")
    assert csto["x_mid"] == pytest.approx(0.75) and csto["institutions"] == "0.62 to 0.88"
    assert [d["exact"] for d in data] == [True, False]  # only a fully known score is drawn as a solid point


def test_points_at_one_spot_are_set_side_by_side_and_keep_their_true_scores():
    # the OSCE's point sat exactly under the SCO's (review 3)
    two = intervals().iloc[:2].assign(org_id=["OSCE", "SCO"], institutionalization_low=[0.25, 0.25],
                                      institutionalization_high=[0.25, 0.25])
    spec = C.typology_scatter(two, names={"OSCE": "OSCE", "SCO": "SCO"}, title="t").to_dict()
    data = next(iter(spec["datasets"].values()))
    assert [d["x_mid"] for d in data] == [0.25, 0.25] and [d["institutions"] for d in data] == ["0.25", "0.25"]
    xs = [d["x_dodged"] for d in data]
    assert xs[0] < 0.25 < xs[1] and xs[1] - xs[0] == pytest.approx(C.DODGE)
    assert spec["layer"][1]["encoding"]["x"]["field"] == "x_dodged"


def test_unplaced_organisations_are_not_drawn_and_colours_follow_the_theme_with_reader_names():
    spec = _spec()
    data = next(iter(spec["datasets"].values()))
    assert [d["org_id"] for d in data] == ["NATO", "CSTO"]
    colour = spec["layer"][1]["encoding"]["color"]
    assert colour["field"] == "name" and colour["scale"]["domain"] == ["NATO", "CSTO"]
    assert colour["scale"]["range"] == [theme.ORG_COLORS["NATO"], theme.ORG_COLORS["CSTO"]]
    assert "_" not in spec["layer"][0]["encoding"]["x"]["title"]


def test_tooltips_give_both_scores_and_how_much_is_unknown():
    tips = {t["field"] for t in _spec()["layer"][1]["encoding"]["tooltip"]}
    assert {"name", "obligations", "institutions", "unknown"} <= tips


def test_a_chart_without_a_finding_is_refused():
    with pytest.raises(ValueError, match="title that states the finding"):
        C.typology_scatter(intervals(), title="", description="d")


def test_the_default_description_says_what_the_boxes_and_axes_are():
    spec = C.typology_scatter(intervals(), title="t").to_dict()
    assert spec["description"].startswith("Each organisation is a box") and "x axis" in spec["description"]


def test_point_labels_turn_inward_on_the_right_and_the_legend_sits_under_the_plot():
    # 07's NATO label ran into the legend at the top right (issue 23)
    spec = _spec()
    texts = [u for u in spec["layer"] if u["mark"]["type"] == "text"]
    assert sorted(t["mark"]["align"] for t in texts) == ["left", "right", "right"]
    right = next(t for t in texts if t["mark"]["align"] == "right" and t["mark"]["dy"] < 0)
    assert "datum.x_mid > 0.6" in right["transform"][0]["filter"] and right["mark"]["dx"] < 0
    edge = next(t for t in texts if t["mark"]["dy"] > 0)  # at the right edge: under its point, clear of the next
    assert "datum.x_mid >= 0.95" in edge["transform"][0]["filter"]
    assert spec["layer"][1]["encoding"]["color"]["legend"]["orient"] == "bottom"


def test_the_caption_speaks_of_boxes_only_when_one_is_drawn():
    # 07's caption said "a box spans…" on a date where every placed score was a point (issue 23)
    from helpers.tables import typology_words as W

    assert "box" in W.scatter_caption(intervals())  # the CSTO's institutions are a range
    known = intervals().assign(institutionalization_high=[1.0, 0.625, math.nan])
    assert "box" not in W.scatter_caption(known) and "point" in W.scatter_caption(known)


def test_the_caption_says_when_points_of_one_score_are_set_side_by_side():
    """Data editor (issue 23): 07's OSCE and SCO share a score and are drawn a little apart around it, which reads as
    two scores unless the caption says so."""
    from helpers.tables import typology_words as W

    same = intervals().assign(institutionalization_low=[0.25, 0.25, math.nan],
                              institutionalization_high=[0.25, 0.25, math.nan])
    assert W.scatter_caption(same).endswith("Points with equal scores are set side by side. Hover for details.")
    assert "side by side" not in W.scatter_caption(intervals())
