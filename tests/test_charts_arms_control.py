"""The treaty Gantt of notebook 04 (``helpers.charts.arms_control``), inspected through ``to_dict()``: what a
reader would see is there."""

from __future__ import annotations

import pandas as pd
from test_charts_euroatlantic import layers, mark_type, title_text, tooltip_fields

from helpers import theme
from helpers.charts import arms_control as C


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
    # its words, the diamonds of the treaties still binding both then (none here), the war lane
    assert [mark_type(u) for u in units] == ["bar", "tick", "rule", "text", "rule", "text", "point", "circle"]
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
    # Data editor (issue 23, finding 14): the dash ran from signature to the axis's end (its phase ends at the
    # record's last date), which read as a treaty still pending; now a short stroke of fixed length from signature
    assert line["encoding"]["x2"]["field"] == "start" and line["mark"]["x2Offset"] == C.NEVER_PX <= 80


def test_the_caption_key_names_the_rule_the_ticks_and_the_short_dashes():
    """Data editor (issue 23, finding 14): the dashed "end of 2023" rule and the ticks inside the bars were not
    explained anywhere on the page."""
    note = C.key_note()
    assert "Dashed vertical line: end of 2023" in note and "Ticks on a bar: dated steps" in note
    assert "never in force" in note


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


def test_the_treaties_still_binding_both_at_the_headlines_date_get_a_diamond_on_the_line():
    """Editor 9 (M4): the headline counts 2 treaties binding the US and Russia at the end of 2023, but five bars cross
    that line; a diamond on the line marks the two, and the caption names what the other crossing bars were."""
    from helpers import load
    from helpers.tables import arms_control as T, arms_control_words as W

    record, treaties = load.arms_control(), load.treaties()
    listed = T.admitted_treaties(treaties, T.treaty_cases(treaties, record))
    through = record["date"].max()
    phases, steps = T.treaty_phases(record, listed, through=through), T.treaty_steps(record, listed, through=through)
    status = T.pair_status(record, listed, "2023-12-31")
    binding = status.loc[status["binds_pair"], "treaty_id"]
    wars = pd.DataFrame({"date": pd.to_datetime(["2008-08-08"]), "category": ["intervention_war"],
                         "title": ["War"], "description": ["d"], "source_id": ["w"]})
    spec = C.treaty_gantt(phases, steps, wars, title="t", description="d", binding=binding).to_dict()
    diamonds = [u for u in layers(spec) if mark_type(u) == "point"]
    assert len(diamonds) == 1 and diamonds[0]["encoding"]["shape"]["scale"]["range"] == ["diamond"]
    rows = spec["datasets"][diamonds[0]["data"]["name"]]
    assert sorted(r["name"] for r in rows) == ["Peaceful Nuclear Explosions Treaty", "Threshold Test Ban Treaty"]
    assert {r["date"][:10] for r in rows} == {"2023-12-31"}
    note = W.binding_note(status)
    assert "(Threshold Test Ban Treaty; Peaceful Nuclear Explosions Treaty)" in note
    assert "suspended by the US or Russia: New START." in note
    assert "in force among other parties only: CFE Treaty; Open Skies Treaty." in note


def test_the_chart_title_states_the_finding_the_key_names_the_diamond_and_later_years_are_shaded():
    """Data editor (review 10, M8, M3): the chart carrying the collection's third headline was titled by what it
    drew ("12 arms-control treaties … 1972–2026"), its diamonds were not in the key, and it ran to 2026 on a page
    whose findings are for the end of 2023 and the report's date. The title is the finding (computed), what it draws
    is the subtitle, the diamond has a key entry, and the years after the report's date are a shaded band named in
    the key."""
    from helpers import load
    from helpers.tables import arms_control as T
    from helpers.tables import arms_control_words as W

    record, treaties = load.arms_control(), load.treaties()
    listed = T.admitted_treaties(treaties, T.treaty_cases(treaties, record))
    through = record["date"].max()
    phases, steps = T.treaty_phases(record, listed, through=through), T.treaty_steps(record, listed, through=through)
    status = T.pair_status(record, listed, "2023-12-31")
    title = W.gantt_headline(status)
    assert title == "By the end of 2023 only 2 of the 12 treaties still bound both the US and Russia"
    assert W.gantt_headline(status.assign(binds_pair=True)).startswith("By the end of 2023, 12 of the 12")
    wars = pd.DataFrame({"date": pd.to_datetime(["2008-08-08"]), "category": ["intervention_war"],
                         "title": ["War"], "description": ["d"], "source_id": ["w"]})
    subtitle = W.gantt_subtitle(listed, wars, phases, through)
    spec = C.treaty_gantt(phases, steps, wars, title=title, subtitle=subtitle, description="d",
                          binding=status.loc[status["binds_pair"], "treaty_id"], report_date="2024-04-30").to_dict()
    assert spec["title"]["text"] == title and spec["title"]["subtitle"] == [subtitle]
    units = layers(spec)
    (diamond,) = [u for u in units if mark_type(u) == "point"]
    shape = diamond["encoding"]["shape"]
    assert shape["field"] == "mark" and shape.get("legend") is not None  # a key entry, not legend=None
    assert {r["mark"] for r in spec["datasets"][diamond["data"]["name"]]} == {C.BINDING_KEY}
    band, veil = [u for u in units if mark_type(u) == "rect"]  # a keyed band under the bars, a veil over them
    assert band["encoding"]["fill"]["field"] == "note" and band["encoding"]["fill"].get("legend") is not None
    assert units.index(band) < units.index(veil) and veil["mark"]["fill"] == theme.INSET_PAPER
    (row,) = spec["datasets"][band["data"]["name"]]
    assert row["note"] == C.AFTER_KEY == "after the report's date"
    assert row["start"].startswith("2024-04-30") and row["end"][:10] == str(through.date())
    assert W.after_note("2024-04-30") == "Shaded: the years after the report's date, 30 Apr 2024."
    # no band when the report's date is the record's end or later, and none unless asked for
    later = C.treaty_gantt(phases, steps, wars, title=title, description="d", report_date="2027-01-01").to_dict()
    assert not [u for u in layers(later) if mark_type(u) == "rect"]
