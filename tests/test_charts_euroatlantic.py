"""Chart builders of notebooks 01–04, inspected through ``to_dict()``: what a reader would see is there."""

from __future__ import annotations

import pandas as pd

from helpers import theme
from helpers.charts import euroatlantic as C
from helpers.tables.enlargement import BACKGROUNDS


def layers(spec: dict) -> list[dict]:
    """All unit specs in a (possibly layered / concatenated) Vega-Lite dict."""
    out = []
    for key in ("layer", "vconcat", "hconcat"):
        for sub in spec.get(key, []):
            out.extend(layers(sub))
    if "mark" in spec:
        out.append(spec)
    return out


def mark_type(unit: dict) -> str:
    m = unit["mark"]
    return m["type"] if isinstance(m, dict) else m


def tooltip_fields(unit: dict) -> list[str]:
    return [t["field"] for t in unit["encoding"].get("tooltip", [])]


def title_text(spec: dict) -> str:
    t = spec["title"]
    return t["text"] if isinstance(t, dict) else t


TIMELINE = pd.DataFrame({
    "date": pd.to_datetime(["2001-07-16", "2024-02-29", "2024-04-09"]),
    "year": [2001, 2024, 2024], "category": ["eurasian_track", "summit", "eurasian_track"],
    "title": ["Treaty", "Address", "Visit"], "description": ["a", "b", "c"], "paragraphs": ["", "P1", "P2"],
    "event_id": ["treaty", "address", "visit"], "source_id": ["s1", "s2", "s3"]})


def test_event_timeline_labels_only_annotated_events_and_has_tooltips():
    spec = C.event_timeline(TIMELINE, title="Two 2024 steps", description="alt text",
                            annotate=["address", "visit"]).to_dict()
    assert title_text(spec) == "Two 2024 steps" and spec["description"] == "alt text"
    dots, *labels = layers(spec)
    assert mark_type(dots) == "circle" and {mark_type(x) for x in labels} == {"text"}
    # no text layer is left without rows (an empty one makes the console warn of an infinite extent)
    rows = next(iter(spec["datasets"].values()))
    assert len(labels) == len({("above" if r["above"] else "below", r["anchor"]) for r in rows if r["annotated"]})
    assert {"date", "title", "description", "paragraphs", "source_id"} <= set(tooltip_fields(dots))
    scale = dots["encoding"]["color"]["scale"]
    assert scale["domain"] == ["eurasian_track", "summit"]
    assert scale["range"] == [theme.CATEGORY_COLORS["eurasian_track"], theme.CATEGORY_COLORS["summit"]]
    rows = next(iter(spec["datasets"].values()))
    assert [r["label"] for r in rows] == ["", "Address", "Visit"]
    # each is the first labelled event of its lane, so both labels sit above their dots
    assert [(r["above"], r["below"]) for r in rows] == [(False, False), (True, False), (True, False)]
    # the first label starts at its dot and the last ends at it (neither runs past an edge of the chart), and the
    # subtitle says what the larger dots are
    assert [r["anchor"] for r in rows] == ["center", "left", "right"]
    assert {x["mark"]["align"] for x in labels} == {"left", "right"}  # the unlabelled event is centred, unlabelled
    assert spec["title"]["subtitle"] == [C.EVENT_KEY]


def test_event_timeline_alternates_labels_within_a_lane():
    spec = C.event_timeline(TIMELINE, title="t", description="d", annotate=["treaty", "visit"]).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["above"], r["below"]) for r in rows] == [(True, False), (False, False), (False, True)]


def test_event_timeline_draws_its_first_and_last_dots_whole():
    # editor review 7: the axis ended on the last event, so 03's Astana 2010 dot was cut in half at the right edge
    # and the first dot sat against the lanes' names
    spec = C.event_timeline(TIMELINE, title="t", description="d", annotate=["treaty", "visit"]).to_dict()
    dots = layers(spec)[0]
    radius = (max(dots["encoding"]["size"]["scale"]["range"]) / 3.14159) ** 0.5
    assert dots["encoding"]["x"]["scale"]["padding"] > radius
    assert dots["encoding"]["y"]["axis"]["labelPadding"] >= 8


STEPS = pd.DataFrame({"org_id": ["NATO", "NATO", "OSCE"], "date": pd.to_datetime(["1949-08-24", "1952-02-18",
                                                                                   "1975-08-01"]),
                      "members": [12, 14, 35]})


def test_membership_steps_draws_step_lines_in_org_colours_and_marks_as_of():
    spec = C.membership_steps(STEPS, title="t", description="d", as_of="1960-01-01").to_dict()
    units = layers(spec)
    line = units[0]
    assert line["mark"]["interpolate"] == "step-after"
    assert line["encoding"]["color"]["scale"]["range"] == [theme.ORG_COLORS["NATO"], theme.ORG_COLORS["OSCE"]]
    assert "members" in tooltip_fields(units[1])
    assert mark_type(units[2]) == "rule"


def test_membership_steps_without_as_of_has_no_rule():
    spec = C.membership_steps(STEPS, title="t", description="d").to_dict()
    assert [mark_type(u) for u in layers(spec)] == ["line", "point"]


def test_accession_timeline_orders_states_by_entry_and_colours_every_background():
    members = pd.DataFrame({"name": ["Poland", "Belgium", "Finland"],
                            "joined": pd.to_datetime(["1999-03-12", "1949-08-24", "2023-04-04"]),
                            "background": ["former Warsaw Pact", "founding member", "Nordic neutral"]})
    spec = C.accession_timeline(members, title="t", description="d").to_dict()
    enc = spec["encoding"]
    assert enc["y"]["sort"] == ["Belgium", "Poland", "Finland"]
    assert enc["color"]["scale"]["domain"] == list(BACKGROUNDS)
    assert len(set(enc["color"]["scale"]["range"])) == len(BACKGROUNDS)
    assert set(tooltip_fields(spec)) == {"name", "joined", "background"}


def test_bloc_lifespans_bar_runs_to_as_of_for_living_blocs():
    record = pd.DataFrame({"org_id": ["NATO", "WARSAW"], "name": ["NATO", "Warsaw Pact"],
                           "founded": pd.to_datetime(["1949-04-04", "1955-05-14"]),
                           "dissolved": pd.to_datetime([None, "1991-07-01"]), "years": [75.1, 36.1],
                           "members_now": [32, 0], "peak_members": [32, 8],
                           "peak_date": pd.to_datetime(["2024-03-07", "1956-01-28"]), "departures": [0, 2]})
    spec = C.bloc_lifespans(record, title="t", description="d", as_of="2024-04-30").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["until"][:10] for r in rows] == ["2024-04-30", "1991-07-01"]
    assert [r["label"] for r in rows] == ["32 at peak", "8 at peak"]
    bars = layers(spec)[0]
    assert bars["encoding"]["color"]["scale"]["range"] == [theme.ORG_COLORS["NATO"], theme.ORG_COLORS["WARSAW"]]
    assert "departures" in tooltip_fields(bars)


def test_pact_lifespans_runs_living_pacts_to_as_of_and_says_when_members_are_missing():
    record = pd.DataFrame({"org_id": ["RIO", "NATO"],
                           "name": ["Inter-American Treaty of Reciprocal Assistance (Rio Treaty)",
                                    "North Atlantic Treaty Organization"],
                           "founded": pd.to_datetime(["1947-09-02", "1949-04-04"]),
                           "ended": pd.to_datetime([None, None]), "in_force": [True, True], "years": [76.7, 75.1],
                           "member_years": pd.array([None, 1414.6], dtype="Float64"),
                           "withdrawals": pd.array([None, 0], dtype="Int64"),
                           "withdrawals_per_100_member_years": pd.array([None, 0.0], dtype="Float64")})
    spec = C.pact_lifespans(record, title="t", description="d", as_of="2024-04-30").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["until"][:10] for r in rows] == ["2024-04-30", "2024-04-30"]
    # the bar's end says its length only (the rate beside it ran past the chart's edge, issue 23); the tooltip
    # keeps the rate and says when the members are not in the data
    assert [r["label"] for r in rows] == ["77 years", "75 years"]
    assert [r["members"] for r in rows] == ["members not in data", "in data"]
    bars = layers(spec)[0]
    assert bars["encoding"]["color"]["legend"]["orient"] == "top"  # never over the labels at the bars' ends
    # rows named by the short names of labels.csv, which fit beside the bars (the full names were cut with "…")
    assert bars["encoding"]["y"]["field"] == "pact" and [r["pact"] for r in rows] == ["Rio Treaty", "NATO"]
    assert "withdrawals_per_100_member_years" in tooltip_fields(bars)


def test_camps_slope_names_its_columns_by_date_and_its_lines_by_organisation():
    camps = pd.DataFrame({"org_id": ["NATO", "NATO", "CSTO", "CSTO"], "label": ["before", "after"] * 2,
                          "date": pd.to_datetime(["2021-12-31", "2024-04-30"] * 2), "members": [30, 32, 6, 6],
                          "in_region": [28, 30, 3, 3], "joined": ["", "Finland", "", ""], "left": [""] * 4})
    spec = C.camps_slope(camps, title="t", description="d").to_dict()
    lines, dots, counts, names = layers(spec)
    # the columns are the two dates, read level, not "before"/"after" turned on their side
    assert lines["encoding"]["x"]["sort"] == ["31 Dec 2021", "30 Apr 2024"]
    assert lines["encoding"]["x"]["axis"]["labelAngle"] == 0
    assert lines["mark"]["type"] == "line" and lines["encoding"]["color"]["legend"] is None
    assert lines["encoding"]["color"]["scale"]["range"] == [theme.ORG_COLORS["NATO"], theme.ORG_COLORS["CSTO"]]
    # each line is named at its right end, so no legend is needed
    assert [r["org"] for r in spec["datasets"][names["data"]["name"]]] == ["NATO", "CSTO"]
    assert counts["encoding"]["text"]["field"] == "members" and "joined" in tooltip_fields(dots)


def test_overlap_bars_sorted_largest_first():
    counts = pd.DataFrame({"group": ["OSCE + NATO", "OSCE only"], "states": [32, 19]})
    spec = C.overlap_bars(counts, title="t", description="d").to_dict()
    bars = layers(spec)[0]
    assert bars["encoding"]["y"]["sort"] == ["OSCE + NATO", "OSCE only"]
    unsorted = C.overlap_bars(counts.iloc[::-1], title="t", description="d").to_dict()
    assert layers(unsorted)[0]["encoding"]["y"]["sort"] == ["OSCE + NATO", "OSCE only"]
    assert bars["mark"]["color"] == theme.ORG_COLORS["OSCE"]


def test_zoomed_timeline_gives_recent_events_a_row_each_and_shades_them_on_the_whole_period():
    spec = C.zoomed_timeline(TIMELINE, title="Two 2024 steps", description="alt text", annotate=["visit"],
                             zoom_from="2023-01-01").to_dict()
    zoom, whole = spec["vconcat"]
    assert title_text(spec) == "Two 2024 steps" and spec["description"] == "alt text"
    dots = next(u for u in zoom["layer"] if mark_type(u) == "circle")
    assert dots["encoding"]["y"]["sort"] == ["address", "visit"]  # the 2001 treaty is not enlarged
    labels = [u for u in zoom["layer"] if mark_type(u) == "text"]
    assert {u["mark"]["fontWeight"] for u in labels} == {"bold", "normal"}
    band = next(iter(u for u in whole["layer"] if mark_type(u) == "rect"))
    assert spec["datasets"][band["data"]["name"]][0]["start"].startswith("2023-01-01")


def test_zoomed_timeline_falls_back_to_one_panel_when_nothing_is_left_out():
    spec = C.zoomed_timeline(TIMELINE, title="t", description="d", zoom_from="2000-01-01").to_dict()
    assert "vconcat" not in spec and len(layers(spec)) == 1  # one panel: the dots (none is labelled)


def test_the_osces_step_chart_counts_participating_states_not_members():
    osce = STEPS[STEPS["org_id"] == "OSCE"]
    line, points, *_ = layers(C.membership_steps(osce, title="t", description="d").to_dict())
    assert line["encoding"]["y"]["title"] == "participating States"
    assert {t.get("title") for t in points["encoding"]["tooltip"]} >= {"participating States"}
    assert line["encoding"]["x"]["axis"]["labelFlush"] is True  # "2025" was cut to "202" at the right edge
    line, *_ = layers(C.membership_steps(STEPS, title="t", description="d").to_dict())
    assert line["encoding"]["y"]["title"] == "formal members"  # NATO's (and a mix's) are members


def test_event_timeline_turns_a_middle_label_away_from_its_nearer_neighbour_and_pads_the_outer_lanes():
    """Data editor (issue 23): on a phone 03's centred "Charter of Paris for a New Europe" ran into "Astana
    Commemorative Declaration", the next label under the same lane, and the bottom lane's labels reached the axis."""
    days = pd.to_datetime(["1975-08-01", "1990-11-21", "1999-11-19", "2010-12-03"])
    rows = pd.DataFrame({"date": days, "year": days.year, "category": ["osce_document"] * 4,
                         "title": ["Helsinki", "Paris", "Istanbul", "Astana"], "description": list("abcd"),
                         "paragraphs": ["P5"] * 4, "event_id": list("hpia"), "source_id": list("hpia")})
    spec = C.event_timeline(rows, title="t", description="d", annotate=list("hpia")).to_dict()
    data = next(iter(spec["datasets"].values()))
    # Paris shares the lower side with Astana only: it ends at its dot, away from Astana; Istanbul starts at its dot
    assert [(r["label"], r["above"], r["anchor"]) for r in data] == [
        ("Helsinki", True, "left"), ("Paris", False, "right"), ("Istanbul", True, "left"), ("Astana", False, "right")]
    assert layers(spec)[0]["encoding"]["y"]["scale"]["padding"] == 1


def test_a_step_chart_of_one_organisation_has_no_key_and_one_of_two_keeps_it():
    """Data editor (issue 23, finding 11): "organisation: NATO" under 02's steps and "organisation: OSCE" under 03's
    said nothing the title does not; a chart of two organisations still needs its key."""
    one = layers(C.membership_steps(STEPS[STEPS["org_id"] == "NATO"], title="t", description="d").to_dict())
    assert [u["encoding"]["color"].get("legend", "shown") for u in one[:2]] == [None, None]
    two = layers(C.membership_steps(STEPS, title="t", description="d").to_dict())
    assert all("legend" not in u["encoding"]["color"] for u in two[:2])


def test_the_zoom_panels_grey_titles_are_readable_on_both_pages():
    """Data editor (issue 23, finding 16): the grey event titles were #7f7f7f (4.0:1 on white)."""
    spec = C.zoomed_timeline(TIMELINE, title="t", description="d", annotate=["visit"], zoom_from="2023-01-01",
                             width=300).to_dict()
    zoom, whole = spec["vconcat"]
    grey = next(u for u in zoom["layer"] if mark_type(u) == "text" and u["mark"]["fontWeight"] == "normal")
    assert grey["mark"]["color"] == theme.QUIET_TEXT
    assert spec["usermeta"]["dark"] == {theme.QUIET_TEXT.lower(): theme.QUIET_TEXT_DARK,
                                        theme.TEXT.lower(): theme.TEXT_DARK}  # the article's stay the brighter
