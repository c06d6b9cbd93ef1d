"""Chart builders for notebook 08, inspected through ``to_dict()``: title, description, tooltips, encodings."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import theme
from helpers.charts import sco_states as C
from helpers.tables import sco_states as T


def test_spell_gantt_encodes_start_end_and_status_in_words():
    spells = pd.DataFrame({"iso3": ["KAZ", "KAZ"], "org_id": ["SHANGHAI5", "SCO"], "status": ["member", "member"],
                           "start": pd.to_datetime(["1996-04-26", "2001-06-15"]),
                           "end": pd.to_datetime(["2001-06-15", "2024-07-04"]), "ongoing": [False, True]})
    spec = C.spell_gantt(spells, row="org_id", names={"KAZ": "Kazakhstan"}, title="t", description="d").to_dict()
    enc = spec["encoding"]
    assert enc["x"]["field"] == "start" and enc["x2"]["field"] == "drawn_to" and enc["y"]["field"] == "organisation"
    assert enc["y"]["sort"] == ["Shanghai Five", "SCO"]
    assert enc["color"]["field"] == "role" and enc["color"]["scale"]["domain"] == ["member"]


def test_spell_gantt_separates_orgs_in_the_legend():
    spells = T.org_timeline(pd.DataFrame({
        "org_id": ["SHANGHAI5", "SCO", "SCO"], "iso3": ["KAZ", "KAZ", "IND"],
        "status": ["member", "member", "observer"],
        "start": pd.to_datetime(["1996-04-26", "2001-06-15", "2005-07-05"]),
        "end": pd.to_datetime(["2001-06-15", None, "2017-06-09"])}), ["SHANGHAI5", "SCO"], "2024-07-04")
    spec = C.spell_gantt(spells, title="t", description="d").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Shanghai Five member", "SCO member", "SCO observer"]
    # one colour per status across the report's charts (editor review 5): an SCO member in the timeline is drawn
    # as a member of any organisation in the focus state's chart
    colours = theme.STATUS_COLORS
    assert spec["encoding"]["color"]["scale"]["range"] == [colours["predecessor member"], colours["member"],
                                                          colours["observer"]]
    focus = C.spell_gantt(spells.assign(role=spells["status"]), row="org_id", title="t", description="d").to_dict()
    scale = focus["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"]))
    assert colours["observer"] == theme.STATUS_COLORS["observer"] and colours["member"] == theme.STATUS_COLORS["member"]


def test_spell_gantt_draws_a_spell_that_starts_on_the_report_date():
    # Belarus joined the SCO on the report's date (editor review 7): its member bar had zero width, so the chart
    # showed one member fewer than its title; a running spell now reaches the axis's end, past the date
    spells = T.org_timeline(pd.DataFrame({
        "org_id": ["SCO", "SCO", "SCO"], "iso3": ["KAZ", "BLR", "BLR"], "status": ["member", "observer", "member"],
        "start": pd.to_datetime(["2001-06-15", "2015-07-10", "2024-07-04"]),
        "end": pd.to_datetime([None, "2024-07-04", None])}), ["SCO"], "2024-07-04")
    spec = C.spell_gantt(spells, title="t", description="d").to_dict()
    rows = next(v for v in spec["datasets"].values() if v and "drawn_to" in v[0])
    span = max(pd.Timestamp(r["drawn_to"]) for r in rows) - min(pd.Timestamp(r["start"]) for r in rows)
    # a bar a reader sees: at least 2% of the axis (12 px of the page's 620), not the one day it had
    drawn = [(r["iso3"], r["status"]) for r in rows
             if pd.Timestamp(r["drawn_to"]) - pd.Timestamp(r["start"]) >= span * 0.02 and r["ongoing"]]
    assert sorted(drawn) == [("BLR", "member"), ("KAZ", "member")]
    assert all(pd.Timestamp(r["drawn_to"]) > pd.Timestamp("2024-07-04") for r in rows if r["ongoing"])
    assert spec["encoding"]["x2"]["field"] == "drawn_to"


def _matrix_spec(sources=None):
    status = pd.DataFrame({"NATO": ["member", "", ""], "OSCE": ["participating_state"] * 3, "CSTO": ["", "member", ""],
                           "SCO": ["dialogue_partner", "member", "member"]},
                          index=pd.Index(["TUR", "RUS", "KAZ"], name="iso3"))
    matrix = T.tie_matrix(status, {"TUR": "Türkiye", "RUS": "Russia", "KAZ": "Kazakhstan"})
    return C.tie_matrix_chart(matrix, title="t", description="d", sources=sources).to_dict()


def test_tie_matrix_chart_marks_each_grade_and_lists_both_sides_first():
    whole = _matrix_spec()
    cells, spec, rules, names = whole["layer"]
    assert cells["mark"]["type"] == "rect" and spec["mark"]["type"] == "point"
    assert spec["encoding"]["shape"]["scale"]["domain"] == list(T.GRADES)
    assert spec["encoding"]["y"]["sort"] == ["Türkiye", "Kazakhstan", "Russia"]  # both sides, one side, pole
    assert {"grade", "group", "source"} <= {t["field"] for t in spec["encoding"]["tooltip"]}
    # each group is named beside its first row, and a rule sets the later groups apart (editor review 5)
    heads = max((v for v in whole["datasets"].values() if v and set(v[0]) == {"name", "label"}), key=len)
    assert [(r["name"], r["label"]) for r in heads] == [("Türkiye", "ties on both sides"),
                                                        ("Kazakhstan", "ties on one side or none"),
                                                        ("Russia", "Russia and China")]
    assert rules["mark"]["type"] == "rule" and names["mark"]["type"] == "text"
    # each rule lies on the boundary between two rows (the top edge of its group's first row), not through the
    # row above it (editor review 7: through Uzbekistan's and the United States' rows)
    assert rules["encoding"]["y"]["bandPosition"] == 0 and "yOffset" not in rules["encoding"]


def test_the_four_tie_grades_differ_by_shape_and_fill_in_light_and_dark():
    """Data editor (review 8, low 10): the four grades were four greys, two of them hard to tell apart, and the
    order inverted on a dark page; each grade is now a shape of its own, filled for the formal ties and hollow for
    the looser ones, with the ink over 3:1 against the cell and the page in both themes."""
    from test_theme import DARK_PAGE, LIGHT_PAGE, _contrast

    whole = _matrix_spec()
    marks = whole["layer"][1]
    shapes, fills = marks["encoding"]["shape"]["scale"]["range"], marks["encoding"]["fill"]["scale"]["range"]
    assert len(set(zip(shapes, fills))) == len(T.GRADES) == 4
    ink, cell = marks["encoding"]["stroke"]["scale"]["range"][0], whole["layer"][0]["mark"]["fill"]
    assert set(marks["encoding"]["stroke"]["scale"]["range"]) == {ink}  # every mark, and its key, outlined in ink
    assert fills[:2] == [ink, ink] and fills[2:] == [cell, cell]  # filled = stronger, in either theme
    dark = whole["usermeta"]["dark"]
    for page, i, c in ((LIGHT_PAGE, ink, cell), (DARK_PAGE, dark[ink.lower()], dark[cell.lower()])):
        assert _contrast(i, c) >= 3 and _contrast(i, page) >= 3
    assert _contrast(dark[ink.lower()], DARK_PAGE) > _contrast(dark[cell.lower()], DARK_PAGE)  # no inversion
    # row labels a reader can read: at least 11 px, rows tall enough for them
    assert marks["encoding"]["y"]["axis"]["labelFontSize"] >= 11 and whole["height"]["step"] >= 14


def test_each_matrix_cell_names_its_record_in_its_tooltip():
    """Data editor (review 8, low 10): hovering a cell shows its grade and the record it comes from."""
    memberships = pd.DataFrame({"org_id": ["NATO", "SCO", "SCO"], "iso3": ["TUR", "TUR", "TUR"],
                                "status": ["member", "dialogue_partner", "partner"],
                                "start": ["1952-02-18", "2013-04-26", "2030-01-01"], "end": [None, None, None],
                                "source_id": ["nato-members", "sco-partners", "later"]})
    sources = T.tie_sources(memberships, "2024-04-30", {"nato-members": "NATO member countries"})
    shown = {(r.iso3, r.org_id): r.source for r in sources.itertuples()}
    assert shown == {("TUR", "NATO"): "NATO member countries", ("TUR", "SCO"): "sco-partners"}
    rows = next(v for v in _matrix_spec(sources)["datasets"].values() if v and "grade" in v[0])
    turkey = {r["structure"]: (r["grade"], r["source"]) for r in rows if r["name"] == "Türkiye"}
    assert turkey["NATO"] == ("defence pledge", "NATO member countries")


def test_upset_chart_bars_over_dot_matrix():
    flags = pd.DataFrame({"iso3": ["A", "B", "C"], "name": ["a", "b", "c"], "NATO": [True, True, False],
                          "NATO partnership": [False] * 3, "OSCE": [True] * 3, "CSTO": [False, False, True],
                          "SCO": [False, False, True], "SCO dialogue status": [False] * 3})
    spec = C.upset_chart(T.combination_counts(flags), title="t", description="d").to_dict()
    top, matrix = spec["vconcat"]
    links, dots = matrix["layer"]
    assert top["mark"]["type"] == "bar" and dots["mark"]["type"] == "circle"
    assert top["encoding"]["x"]["sort"] == ["NATO + OSCE", "OSCE + CSTO + SCO"]
    assert dots["encoding"]["x"]["sort"] == top["encoding"]["x"]["sort"]


def test_upset_joins_each_combinations_dots_and_turns_its_shades_over_on_a_dark_page():
    """Review 10, H1: on a dark page members were drawn #989898 and the rest #dddddd, so absent read as present;
    and nothing but the shade told a member's dot from a non-member's."""
    flags = pd.DataFrame({"iso3": ["A", "B", "C"], "name": ["a", "b", "c"], "NATO": [True, True, False],
                          "NATO partnership": [False] * 3, "OSCE": [True] * 3, "CSTO": [False, False, True],
                          "SCO": [False, False, True], "SCO dialogue status": [False] * 3})
    spec = C.upset_chart(T.combination_counts(flags), title="t", description="d").to_dict()
    links, dots = spec["vconcat"][1]["layer"]
    assert links["mark"]["type"] == "rule"
    rows = spec["datasets"][links["data"]["name"]]
    assert {(r["combination"], r["first"], r["last"]) for r in rows} == {("NATO + OSCE", "NATO", "OSCE"),
                                                                         ("OSCE + CSTO + SCO", "OSCE", "SCO")}
    assert links["encoding"]["y2"]["field"] == "last"
    member, absent = dots["encoding"]["color"]["scale"]["range"]
    dark = spec["usermeta"]["dark"]
    def lum(hex_):
        return sum(w * int(hex_[i:i + 2], 16) for w, i in ((0.2126, 1), (0.7152, 3), (0.0722, 5)))
    assert lum(member) < lum(absent), "light page: members darker than the rest"
    assert lum(dark[member.lower()]) > lum(dark[absent.lower()]) + 100, "dark page: members clearly brighter"
    assert dark[links["mark"]["color"].lower()] == dark[member.lower()]


def test_builders_refuse_an_empty_title():
    spells = pd.DataFrame({"iso3": ["KAZ"], "org_id": ["SCO"], "status": ["member"],
                           "start": pd.to_datetime(["2001-06-15"]), "end": pd.to_datetime(["2024-07-04"]),
                           "ongoing": [True]})
    with pytest.raises(ValueError, match="title"):
        C.spell_gantt(spells, title="", description="d")


def test_tie_matrix_rows_follow_the_arabic_alphabet_in_the_arabic_edition():
    """Editor 9 (M11): the Arabic matrix kept the English alphabetical order (ألبانيا، أندورا، النمسا، بيلاروس،
    بلجيكا…), which reads as random to an Arabic reader; within a group the rows now follow the Arabic names."""
    from helpers import paths

    names = {"ALB": "Albania", "AND": "Andorra", "AUT": "Austria", "BLR": "Belarus", "BEL": "Belgium"}
    status = pd.DataFrame({"OSCE": ["participating_state"] * 5, "SCO": [""] * 5}, index=pd.Index(list(names), name="iso3"))
    matrix = T.tie_matrix(status, names)
    english = C.tie_matrix_chart(matrix, title="t", description="d").to_dict()["layer"][1]["encoding"]["y"]["sort"]
    assert english == ["Albania", "Andorra", "Austria", "Belarus", "Belgium"]
    with paths.using(lang="ar"):
        arabic = C.tie_matrix_chart(matrix, title="t", description="d").to_dict()["layer"][1]["encoding"]["y"]["sort"]
    # ألبانيا، النمسا، أندورا، بلجيكا، بيلاروس: the hamza on the alef folded, as an Arabic index sorts
    assert arabic == ["Albania", "Austria", "Andorra", "Belgium", "Belarus"]
