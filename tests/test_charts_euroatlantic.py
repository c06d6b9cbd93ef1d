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


def test_treaty_gantt_shares_the_time_axis_with_the_war_lane():
    phases = pd.DataFrame({"treaty_id": ["ABM", "ABM"], "name": ["ABM Treaty"] * 2,
                           "phase": ["signed, not in force", "in force"],
                           "start": pd.to_datetime(["1972-05-26", "1972-10-03"]),
                           "end": pd.to_datetime(["1972-10-03", "2002-06-13"]), "ended": [False, True],
                           "source_id": ["a", "b"]})
    steps = pd.DataFrame({"treaty_id": ["ABM"], "name": ["ABM Treaty"], "step": ["withdrawn"], "party": ["USA"],
                          "date": pd.to_datetime(["2002-06-13"]), "note": [""], "source_id": ["c"]})
    wars = pd.DataFrame({"date": pd.to_datetime(["2008-08-08"]), "category": ["intervention_war"],
                         "title": ["War"], "description": ["d"], "source_id": ["w"]})
    spec = C.treaty_gantt(phases, steps, wars, title="Treaties fell away", description="d").to_dict()
    assert title_text(spec) == "Treaties fell away"
    units = layers(spec)
    # bars, steps, the line of a treaty never in force (none here) and its words, the rule at the headline's date and
    # its words, the war lane
    assert [mark_type(u) for u in units] == ["bar", "tick", "rule", "text", "rule", "text", "circle"]
    # one time axis: the treaties and the war lane resolve x as one shared scale, which spans both from the data
    # (an explicit domain per view made Vega warn about conflicting domains)
    assert spec["resolve"]["scale"]["x"] == "shared"
    assert all(u["encoding"]["x"]["type"] == "temporal" and "domain" not in u["encoding"]["x"].get("scale", {})
               for u in units)
    color = units[0]["encoding"]["color"]["scale"]
    assert color["domain"] == ["signed, not in force", "in force"]  # the key lists only the phases drawn
    in_force = color["range"][color["domain"].index("in force")]
    assert in_force == theme.CATEGORY_COLORS["arms_control"]
    assert theme.PHASE_COLORS["in force, eroding"] == theme.CATEGORY_COLORS["withdrawal_suspension"]
    # a dashed rule at the date the page counts treaties at, named on the chart
    (marked,) = [rows for rows in spec["datasets"].values() if rows and rows[0].get("label") == "end of 2023"]
    assert marked[0]["date"].startswith("2023-12-31") and units[4]["mark"]["strokeDash"]
    # treaties are labelled with their reader names, not their ids
    assert units[0]["encoding"]["y"]["field"] == "name" and units[0]["encoding"]["y"]["sort"] == ["ABM Treaty"]
    assert all(tooltip_fields(u) for u in units)
    # the look-alike phases differ (the legend had two identical greys and two identical purples)
    assert len(set(color["range"])) == len(color["domain"])
    dark = [spec["usermeta"]["dark"][c.lower()] for c in color["range"]]  # and on a dark page too
    assert len(set(dark)) == len(color["domain"])
    # each war is named on its row by year and title, not left as an unlabelled dot
    assert units[-1]["encoding"]["y"]["field"] == "war" and units[-1]["encoding"]["y"]["sort"] == ["War (2008)"]


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


def test_a_treaty_never_in_force_is_a_labelled_dashed_line_not_a_bar():
    phases = pd.DataFrame({"treaty_id": ["ABM", "ABM", "SALT_II"], "name": ["ABM Treaty"] * 2 + ["SALT II"],
                           "phase": ["signed, not in force", "in force", "signed, never in force"],
                           "start": pd.to_datetime(["1972-05-26", "1972-10-03", "1979-06-18"]),
                           "end": pd.to_datetime(["1972-10-03", "2002-06-13", "2026-02-05"]),
                           "ended": [False, True, False], "source_id": ["a", "b", "c"]})
    steps = pd.DataFrame({"treaty_id": ["SALT_II"], "name": ["SALT II"], "step": ["signed"], "party": ["ALL"],
                          "date": pd.to_datetime(["1979-06-18"]), "note": [""], "source_id": ["c"]})
    wars = pd.DataFrame({"date": pd.to_datetime(["2008-08-08"]), "category": ["intervention_war"],
                         "title": ["War"], "description": ["d"], "source_id": ["w"]})
    spec = C.treaty_gantt(phases, steps, wars, title="t", description="d").to_dict()
    def rows(node, inherited=None):  # each mark with the rows it draws (data may sit on an enclosing layer)
        here = spec["datasets"][node["data"]["name"]] if "data" in node else inherited
        if "mark" in node:
            return [(node, here)]
        return [r for key in ("layer", "vconcat") for sub in node.get(key, []) for r in rows(sub, here)]

    (bars, bar_rows), _, (line, line_rows), (text, text_rows), *_ = rows(spec)
    assert {r["treaty_id"] for r in bar_rows} == {"ABM"}  # no bar for SALT II
    assert "signed, never in force" not in bars["encoding"]["color"]["scale"]["domain"]  # nor a legend square
    assert [r["treaty_id"] for r in line_rows] == ["SALT_II"] and line["mark"]["type"] == "rule"
    assert line["mark"]["strokeDash"] and line["encoding"]["y"]["sort"] == ["ABM Treaty", "SALT II"]
    assert [r["label"] for r in text_rows] == ["never in force"] and text["mark"]["type"] == "text"


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


def test_a_wars_label_wraps_whole_on_a_phone_instead_of_ending_in_an_ellipsis():
    """Editor's review: "Russia's full-scale invasi…" named no war. On a phone (the expression forced true) the
    label breaks at spaces into lines of at most 21 characters, every word kept."""
    import re

    import altair as alt
    import vl_convert as vlc

    war = "Russia's full-scale invasion of Ukraine (2022)"
    expr = C.WAR_LABEL_EXPR.replace("war_phone", "true")
    chart = alt.Chart(pd.DataFrame({"war": [war], "x": [1]})).mark_point().encode(
        x="x:Q", y=alt.Y("war:N", axis=alt.Axis(labelExpr=expr, labelLimit=130)))
    svg = vlc.vegalite_to_svg(chart.to_json())
    lines = [t.replace("&apos;", "'") for t in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)]  # one per line
    assert " ".join(lines) == war and all(len(t) <= 21 for t in lines) and "…" not in " ".join(lines)


def test_the_osces_step_chart_counts_participating_states_not_members():
    osce = STEPS[STEPS["org_id"] == "OSCE"]
    line, points, *_ = layers(C.membership_steps(osce, title="t", description="d").to_dict())
    assert line["encoding"]["y"]["title"] == "participating States"
    assert {t.get("title") for t in points["encoding"]["tooltip"]} >= {"participating States"}
    assert line["encoding"]["x"]["axis"]["labelFlush"] is True  # "2025" was cut to "202" at the right edge
    line, *_ = layers(C.membership_steps(STEPS, title="t", description="d").to_dict())
    assert line["encoding"]["y"]["title"] == "formal members"  # NATO's (and a mix's) are members
