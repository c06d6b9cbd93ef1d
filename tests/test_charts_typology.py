"""The typology chart of notebook 07 (helpers.charts.typology): one row per organisation, the defence promise as
a yes / no / unknown category in a column of its own, the institutions index as dots at true scores on its 0–1
scale, bars for what unknown cells allow, and an unplaced organisation named."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from helpers import theme
from helpers.charts import typology as C


def intervals() -> pd.DataFrame:
    return pd.DataFrame({
        "org_id": ["NATO", "CSTO", "EURASIAN_FRAMEWORK"],
        "obligation_low": [1.0, 0.0, math.nan], "obligation_high": [1.0, 0.0, math.nan],
        "obligation_known": [1, 1, 0], "obligation_unknown": [0, 0, 1],
        "institutionalization_low": [1.0, 0.625, math.nan], "institutionalization_high": [1.0, 0.875, math.nan],
        "institutionalization_known": [4, 3, 0], "institutionalization_unknown": [0, 1, 4]})


NAMES = {"NATO": "NATO", "CSTO": "CSTO", "EURASIAN_FRAMEWORK": "proposed Eurasian framework"}


def _spec(data=None, names=NAMES):
    return C.typology_strips(intervals() if data is None else data, names=names,
                             title="NATO is the most alliance-like", description="d").to_dict()


def _rows(spec):
    return next(iter(spec["datasets"].values()))


def _layer(spec, mark, field=None):
    """The first layer drawing ``mark`` (whose x field is ``field``, when given)."""
    return next(u for u in spec["layer"] if u["mark"]["type"] == mark
                and (field is None or u["encoding"].get("x", {}).get("field") == field))


def test_every_organisation_has_a_row_named_down_the_side_with_its_promise_and_its_index():
    """Data editor (issue 23): the scatter's y axis was yes/no, so most of the plot was empty and an unplaced
    organisation vanished; now each organisation is a row, named, with its defence promise and its institutions
    index, and the unplaced one says so."""
    spec = _spec()
    rows = _rows(spec)
    assert [r["name"] for r in rows] == list(NAMES.values())
    dots = _layer(spec, "point", "mid")
    assert dots["encoding"]["y"]["field"] == "name" and "yOffset" not in dots["encoding"]
    framework = [r for r in rows if r["org_id"] == "EURASIAN_FRAMEWORK"]
    assert not any(r["placed"] for r in framework) and {r["value"] for r in framework} == {C.UNPLACED}
    assert "_" not in json.dumps([C.DEFENCE, C.INSTITUTIONS])


def test_the_defence_promise_is_a_category_in_its_own_column_never_a_score_on_the_index_scale():
    """Data editor (review 9, M6): the promise (0 = no, 1 = yes) shared the 0-1 axis of the institutions index,
    so a yes read as a maximum on a scale. It is now written yes, no or unknown, with a filled, hollow or no
    diamond, in a column left of the index's 0 that the axis does not mark; the index keeps its 0-1 ticks."""
    spec = _spec()
    assert [r["promise"] for r in _rows(spec)] == ["yes", "no", "unknown"]
    unknown = intervals().assign(obligation_low=[math.nan, 1.0, math.nan], obligation_high=[math.nan, 1.0, math.nan])
    assert [r["promise"] for r in _rows(_spec(unknown))] == ["unknown", "yes", "unknown"]
    marks = [u for u in spec["layer"] if u["encoding"].get("x", {}).get("datum") == C.PROMISE_AT]
    assert {u["mark"]["type"] for u in marks} == {"point", "text"}
    word = next(u for u in marks if u["mark"]["type"] == "text")
    assert word["encoding"]["text"]["field"] == "promise"  # the word itself, not a number
    diamond = next(u for u in marks if u["mark"]["type"] == "point")
    assert "promise_code == 'yes'" in diamond["encoding"]["fill"]["condition"]["test"]
    assert "promise_code != 'unknown'" in diamond["transform"][0]["filter"]
    x = _layer(spec, "point", "mid")["encoding"]["x"]
    assert x["axis"]["values"] == [0, 0.25, 0.5, 0.75, 1] and C.PROMISE_AT < C.DIVIDER < 0
    assert x["scale"]["domain"][0] < C.PROMISE_AT and x["scale"]["domain"][1] == 1
    # no position encodes the promise: every field on x is the index's
    fields = {u["encoding"]["x"].get("field") for u in spec["layer"] if "field" in u["encoding"].get("x", {})}
    assert fields <= {"low", "mid", "left", "right"}
    heads = [u["mark"].get("text") for u in spec["layer"] if u["mark"]["type"] == "text" and u["mark"].get("text")]
    assert heads == [C.DEFENCE, C.INSTITUTIONS]


def test_tied_scores_are_drawn_at_their_true_value_in_their_own_rows():
    """Data editor (issue 23): the OSCE and the SCO, both at 0.25, were set side by side (0.22 and 0.27) on a
    quantitative axis; every mark now stands at the organisation's own score."""
    two = intervals().iloc[:2].assign(org_id=["OSCE", "SCO"], institutionalization_low=[0.25, 0.25],
                                      institutionalization_high=[0.25, 0.25])
    spec = _spec(two, {"OSCE": "OSCE", "SCO": "SCO"})
    inst = _rows(spec)
    assert [r["mid"] for r in inst] == [0.25, 0.25] and [r["value"] for r in inst] == ["0.25 (1 of 4)", "0.25 (1 of 4)"]
    assert _layer(spec, "point", "mid")["encoding"]["x"]["field"] == "mid"
    assert "x_dodged" not in json.dumps(spec) and "DODGE" not in dir(C)


def test_a_range_is_a_bar_from_low_to_high():
    spec = _spec()
    ranges = _layer(spec, "rule", "low")
    assert (ranges["encoding"]["x"]["field"], ranges["encoding"]["x2"]["field"]) == ("low", "high")
    csto = next(r for r in _rows(spec) if r["org_id"] == "CSTO")
    assert (csto["low"], csto["high"], csto["exact"], csto["value"]) == (0.625, 0.875, False, "0.62 to 0.88")


def test_labels_near_one_turn_inward_and_colours_follow_the_theme():
    spec = _spec()
    texts = [u for u in spec["layer"]
             if u["mark"]["type"] == "text" and u["encoding"].get("text", {}).get("field") == "value"]
    assert sorted(t["mark"]["align"] for t in texts) == ["left", "right"]
    right = next(t for t in texts if t["mark"]["align"] == "right")
    assert "datum.right > 0.7" in right["transform"][0]["filter"] and right["mark"]["dx"] < 0
    # an unplaced organisation's words stand at the start of its row, so its row is never blank
    framework = next(r for r in _rows(spec) if r["org_id"] == "EURASIAN_FRAMEWORK")
    assert framework["right"] == 0.0 and framework["value"] == C.UNPLACED
    colour = _layer(spec, "point", "mid")["encoding"]["color"]
    assert colour["scale"]["range"][:2] == [theme.ORG_COLORS["NATO"], theme.ORG_COLORS["CSTO"]]
    assert spec["usermeta"] == {"mirror": True}  # names stand on the right in the Arabic edition


def test_tooltips_give_the_organisation_axis_score_and_how_much_is_unknown():
    tips = {t["field"] for t in _layer(_spec(), "point", "mid")["encoding"]["tooltip"]}
    assert {"name", "promise", "value", "unknown"} <= tips


def test_a_chart_without_a_finding_is_refused():
    with pytest.raises(ValueError, match="title that states the finding"):
        C.typology_strips(intervals(), title="", description="d")


def test_the_default_description_says_what_the_rows_and_marks_are():
    spec = C.typology_strips(intervals(), title="t").to_dict()
    assert spec["description"].startswith("One row per organisation") and "bar spans" in spec["description"]
    assert "written yes, no or unknown" in spec["description"]


def test_the_caption_speaks_of_bars_only_when_one_is_drawn():
    # 07's caption said "a box spans…" on a date where every placed score was a point (issue 23)
    from helpers.tables import typology_words as W

    assert "bar spans" in W.scatter_caption(intervals())  # the CSTO's institutions are a range
    # the promise is drawn as a category beside the index: the caption says how its marks read
    assert W.scatter_caption(intervals()).startswith("In the defence-promise column a filled diamond is yes")
    known = intervals().assign(institutionalization_high=[1.0, 0.625, math.nan])
    assert "bar" not in W.scatter_caption(known) and "dot" in W.scatter_caption(known)


def test_the_caption_says_equal_scores_share_a_value_and_never_that_points_were_moved():
    """Data editor (issue 23): 07's OSCE and SCO share a score; the caption said they were 'set side by side'."""
    from helpers.tables import typology_words as W

    same = intervals().assign(institutionalization_low=[0.25, 0.25, math.nan],
                              institutionalization_high=[0.25, 0.25, math.nan],
                              obligation_low=[0.0, 0.0, math.nan], obligation_high=[0.0, 0.0, math.nan])
    caption = W.scatter_caption(same)
    assert "Equal scores sit at the same value, each in its organisation's row." in caption
    assert "side by side" not in caption and "named, not placed" in caption
    assert "Equal scores" not in W.scatter_caption(intervals())


def test_a_score_no_whole_count_of_features_gives_is_said_as_its_count():
    """Data editor (review 8, low 9): the CSTO's institutions "0.88" was shown as a share of four features, which
    can only give 0, .25, .5, .75 or 1; its label now says the count (3.5 of 4) and the caption that a feature coded
    partly counts as half, both computed from the scores."""
    from helpers.tables import typology_words as W

    data = intervals().assign(institutionalization_low=[1.0, 0.875, math.nan],
                              institutionalization_high=[1.0, 0.875, math.nan],
                              institutionalization_known=[4, 4, 0], institutionalization_unknown=[0, 0, 4])
    inst = {r["org_id"]: r["value"] for r in _rows(_spec(data))}
    assert inst["CSTO"] == "0.88 (3.5 of 4)" and inst["NATO"] == "1.00 (4 of 4)"
    caption = W.scatter_caption(data)
    assert "partly counting as half: 0.875 is 3.5 of 4." in caption
    assert "partly" not in W.scatter_caption(intervals())  # whole counts (or ranges) need no such sentence
