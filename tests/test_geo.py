"""Memberships on the boundary file: each shape stands for the right state on a date, and the shapes shaded are
exactly the members of that date that the boundary file holds (counted against memberships.csv)."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers import load, membership, paths
from helpers.tables import geo, geo_shapes

# Natural Earth's 1:110m file leaves out states too small for that scale; only these may go undrawn.
MICROSTATES = {"AND", "LIE", "MCO", "SMR", "VAT", "MLT", "BHR", "MDV", "SGP"}


@pytest.fixture(scope="module")
def m() -> pd.DataFrame:
    return load.memberships()


BOUNDARIES = geo_shapes.Boundaries(load.boundaries(), load.geo_features())
ATLAS = geo.Atlas(load.state_lineage(), load.states(), load.organisations(), boundaries=BOUNDARIES)


def shaded(m, org, when) -> pd.DataFrame:
    st = geo.feature_status(m, org, when, atlas=ATLAS)
    return st[st["member"]]


def test_every_feature_without_a_code_is_listed_with_a_cited_source():
    countries = BOUNDARIES.fresh()["objects"]["countries"]["geometries"]
    no_id = [g["properties"]["name"] for g in countries if "id" not in g]
    special = BOUNDARIES.special_features()
    assert sorted(no_id) == ["Kosovo", "N. Cyprus", "Somaliland"]
    assert set(no_id) <= set(special["name"])
    with open(paths.DATA / "sources.csv", encoding="utf-8", newline="") as fh:
        known = {r["source_id"] for r in csv.DictReader(fh)}
    assert set(special["source_id"]) <= known
    assert set(geo.SOURCES) <= known


def test_the_iso_join_draws_every_state_of_the_data_but_microstates():
    drawn = set(BOUNDARIES.features()["iso3"])
    states = load.states()
    current = set(states.loc[~states["historic"], "iso3"])
    assert current - drawn <= MICROSTATES, f"states missing from the map: {sorted(current - drawn - MICROSTATES)}"
    assert {"MKD", "CZE", "TUR", "KAZ", "USA", "CAN", "RUS", "CHN", "IND"} <= drawn


@pytest.mark.parametrize("when, expected", [("1991-12-31", 16), ("2024-12-31", 32)])
def test_nato_shapes_are_its_members_on_the_date(m, when, expected):
    s = shaded(m, "NATO", when)
    members = set(membership.members_as_of(m, "NATO", when)["iso3"])
    assert len(members) == expected
    # every NATO member is big enough to be drawn, each as one shape, and Denmark's Greenland as a second one
    assert len(s) == expected + 1
    assert set(s["members"]) == members


@pytest.mark.parametrize("org", ["OSCE", "NATO", "CSTO", "SCO"])
@pytest.mark.parametrize("when", ["1980-06-30", "1992-06-30", "2004-12-31", "2024-04-30"])
def test_shaded_shapes_hold_exactly_the_members_the_file_can_draw(m, org, when):
    members = set(membership.members_as_of(m, org, when)["iso3"])
    held = geo.holders(when, ATLAS)
    drawable = members & set(held["holder"])
    s = shaded(m, org, when)
    shown = {code for codes in s["members"] for code in codes.split(", ")}
    assert shown == drawable
    assert members - drawable <= MICROSTATES
    # a shape is shaded when, and only when, one of the states it stands for that day is a member
    expected_shapes = set(held.loc[held["holder"].isin(members), "feature"])
    assert set(s["feature"]) == expected_shapes


def test_the_ussr_is_drawn_through_its_successors_and_says_so(m):
    st = geo.feature_status(m, "OSCE", "1980-06-30", atlas=ATLAS).set_index("name")
    for name in ("Ukraine", "Estonia", "Kazakhstan", "Russia"):
        assert st.at[name, "member"]
        assert st.at[name, "label"] == "USSR (drawn as its successor states' territory)"
    later = geo.feature_status(m, "OSCE", "1995-06-30", atlas=ATLAS).set_index("name")
    assert later.at["Ukraine", "label"] == "Ukraine"
    in_1992 = geo.feature_status(m, "OSCE", "1992-06-30", atlas=ATLAS).set_index("name")
    assert in_1992.at["Czechia", "label"].startswith(
        "Czechoslovakia (drawn as")


def test_west_germany_is_drawn_as_todays_germany(m):
    nato = geo.feature_status(m, "NATO", "1985-12-31", atlas=ATLAS).set_index("name")
    assert nato.at["Germany", "member"] and nato.at["Germany", "label"] == "West Germany (drawn as today's Germany)"
    osce = geo.feature_status(m, "OSCE", "1985-12-31", atlas=ATLAS).set_index("name")
    assert "GDR" in osce.at["Germany", "label"] and set(osce.at["Germany", "members"].split(", ")) == {"DEU", "DDR"}
    in_1995 = geo.feature_status(m, "NATO", "1995-12-31", atlas=ATLAS).set_index("name")
    assert in_1995.at["Germany", "label"] == "Germany"


def test_special_features_are_drawn_as_the_table_says(m):
    early = geo.feature_status(m, "OSCE", "1985-12-31", atlas=ATLAS).set_index("name")
    assert early.at["Kosovo", "member"] and early.at["Kosovo", "label"].startswith("Yugoslavia")
    late = geo.feature_status(m, "OSCE", "2024-04-30", atlas=ATLAS).set_index("name")
    assert not late.at["Kosovo", "member"]
    assert not late.at["N. Cyprus", "member"] and "unshaded" in late.at["N. Cyprus", "label"]
    assert late.at["Cyprus", "member"]
    held = geo.holders("2024-04-30", ATLAS).set_index("name")
    assert held.at["Somaliland", "holder"] == "SOM"


def test_overlap_categories_name_the_organisations_in_order(m):
    ov = geo.overlap_status(m, "2024-04-30", atlas=ATLAS).set_index("name")
    assert ov.at["Kazakhstan", "category"] == "CSTO + SCO + OSCE"
    assert ov.at["United States of America", "category"] == "NATO + OSCE"
    assert ov.at["China", "category"] == "SCO only"
    assert ov.at["Mexico", "category"] == geo.NONE_CATEGORY
    counts = geo.category_counts(ov, m, "2024-04-30").set_index("category")["states"]
    nato = membership.count_as_of(m, "NATO", "2024-04-30")
    assert counts.filter(like="NATO").sum() == nato


def test_snapshot_dates_start_at_the_reports_date():
    snaps = geo.snapshot_dates("2024-04-30", 1949, 2025).set_index("year")["date"]
    assert snaps[2024] == pd.Timestamp("2024-04-30") and snaps[1991] == pd.Timestamp("1991-12-31")
    with pytest.raises(ValueError, match="outside"):
        geo.snapshot_dates("1940-01-01", 1949, 2025)


def test_member_spells_count_every_member_each_year(m):
    spells = geo.member_spells(m, "OSCE", "2024-04-30", 1975, 2025, atlas=ATLAS)
    for year in (1975, 1991, 1992, 1993, 2006, 2012, 2024):
        when = pd.Timestamp("2024-04-30") if year == 2024 else pd.Timestamp(year, 12, 31)
        n = int(((spells["from"] <= year) & (year < spells["to"])).sum())
        assert n == membership.count_as_of(m, "OSCE", when), year
    nato = geo.member_spells(m, "NATO", "2024-04-30", 1949, 2025, atlas=ATLAS)
    assert int(((nato["from"] <= 1991) & (1991 < nato["to"])).sum()) == 16


def test_yearly_spells_follow_the_map_of_each_year(m):
    spells = geo.yearly_spells(m, "NATO", "2024-04-30", 1949, 2025, atlas=ATLAS)
    for year, n in ((1949, 12), (1991, 16), (2024, 32)):  # shapes: the members and Greenland with Denmark
        assert int(((spells["from"] <= year) & (year < spells["to"])).sum()) == n + 1


def test_subset_topology_keeps_only_the_features_asked_for_with_valid_arcs():
    keys = ["276", "250", "Kosovo", "688"]
    t = geo_shapes.subset_topology(BOUNDARIES, keys)
    geoms = t["objects"]["countries"]["geometries"]
    assert sorted(g["id"] for g in geoms) == sorted(keys)

    def ids(a):
        return [a] if isinstance(a, int) else [i for x in a for i in ids(x)]

    used = {i if i >= 0 else ~i for g in geoms for i in ids(g["arcs"])}
    assert used == set(range(len(t["arcs"])))  # every arc referenced, none dangling
    assert all(len(a) >= 2 for a in t["arcs"])
    full = BOUNDARIES.fresh()
    assert t["transform"]["scale"][0] == pytest.approx(full["transform"]["scale"][0] * 4)


def test_subset_can_leave_out_far_southern_parts_of_a_country():
    whole = geo_shapes.subset_topology(BOUNDARIES, ["250"])
    north_only = geo_shapes.subset_topology(BOUNDARIES, ["250"], south=10.0)
    (g_whole,), (g_north,) = (t["objects"]["countries"]["geometries"] for t in (whole, north_only))
    assert len(g_north["arcs"]) == len(g_whole["arcs"]) - 1  # France without French Guiana
    assert len(north_only["arcs"]) < len(whole["arcs"])


def test_a_territory_is_shaded_through_its_sovereign_state(m):
    # Greenland was drawn as a non-member of NATO beside Denmark, a founding member
    nato = shaded(m, "NATO", "2024-04-30")
    greenland = nato[nato["label"].str.startswith("Greenland")]
    assert len(greenland) == 1 and greenland["label"].iloc[0] == "Greenland (Denmark)"


def test_map_headlines_write_a_day_as_the_tables_do(m):
    """One date style: a map's headline reads '30 Apr 2024', as every table's date cell and title do."""
    from helpers import wording
    from helpers.tables import geo_words

    assert wording.day("2024-04-30") == "30 Apr 2024"
    assert geo_words.growth_headline(m, "NATO", "2024-04-30", 1949).endswith("took in 20 more by 30 Apr 2024")
    assert geo_words.overlap_headline(m, "1991-12-31").startswith("On 31 Dec 1991, ")


def test_a_shape_is_named_for_the_state_it_is_and_a_special_feature_for_the_state_it_is_drawn_with(m):
    """The tooltips of 03's and 08's maps named Somalia 'Somaliland' and Somaliland 'drawn as part of Somaliland':
    a state's name was taken from the list of features drawn apart (features.csv), whose row gives Somaliland the
    code SOM. Each shape is named for what it is, and each drawn-apart feature names the state it is drawn with."""
    for status in (geo.overlap_status(m, "2024-04-30", atlas=ATLAS), geo.feature_status(m, "SCO", "2024-04-30",
                                                                                         atlas=ATLAS)):
        label = status.set_index("name")["label"]
        assert label["Somalia"] == "Somalia"
        names = ATLAS.names()
        for row in BOUNDARIES.special_features().itertuples(index=False):
            if row.drawn_as and row.name in label.index and pd.isna(row.until):
                assert names[row.drawn_as] in label[row.name], (row.name, label[row.name])
        assert label["Somaliland"] == "Somaliland (drawn as part of Somalia)"
    assert ATLAS.names()["SOM"] == "Somalia"
