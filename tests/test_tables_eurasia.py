"""Unit tests for helpers.tables.eurasia: small hand-made frames in, exact frames out."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.tables import eurasia as T


def caps():
    return pd.DataFrame({
        "iso3": ["AAA", "BBB", "CCC", "AAA", "BBB"],
        "year": [2023, 2023, 2023, 2023, 2022],
        "indicator": ["milex_usd_const", "milex_usd_const", "milex_usd_const", "population", "population"],
        "value": [60.0, 30.0, 10.0, 5.0, 7.0],
        "unit": ["USD m", "USD m", "USD m", "persons", "persons"],
    })


def test_reference_date_is_end_of_year_and_rejects_non_years():
    assert T.reference_date(2023) == pd.Timestamp("2023-12-31")
    with pytest.raises(ValueError, match="year='2023'"):
        T.reference_date("2023")


def test_bloc_capabilities_reports_coverage_and_never_hides_partial_sums():
    out = T.bloc_capabilities(caps(), {"X": ["AAA", "BBB"], "Y": ["CCC", "DDD"]}, 2023,
                              indicators=["milex_usd_const", "population"])
    assert list(out.columns) == ["bloc", "indicator", "members", "reported", "complete", "total", "unit", "missing",
                                 "counted_as_zero"]
    x_mil = out[(out.bloc == "X") & (out.indicator == "milex_usd_const")].iloc[0]
    assert (x_mil.members, x_mil.reported, x_mil.complete, x_mil.total) == (2, 2, True, 90.0)
    y_mil = out[(out.bloc == "Y") & (out.indicator == "milex_usd_const")].iloc[0]
    assert (y_mil.reported, y_mil.complete, y_mil.total, y_mil.missing) == (1, False, 10.0, "DDD")
    # BBB's population is for 2022 only: the 2023 total is partial and says so
    x_pop = out[(out.bloc == "X") & (out.indicator == "population")].iloc[0]
    assert (x_pop.reported, x_pop.complete, x_pop.total, x_pop.missing) == (1, False, 5.0, "BBB")
    y_pop = out[(out.bloc == "Y") & (out.indicator == "population")].iloc[0]
    assert y_pop.reported == 0 and math.isnan(y_pop.total)


def test_bloc_capabilities_refuses_unknown_indicator():
    with pytest.raises(ValueError, match="unknown indicator.*gdp.*allowed"):
        T.bloc_capabilities(caps(), {"X": ["AAA"]}, 2023, indicators=["gdp"])


def test_concentration_largest_share_and_hhi():
    out = T.concentration(caps(), {"X": ["AAA", "BBB", "CCC"], "Z": ["ZZZ"]}, 2023)
    x = out[out.bloc == "X"].iloc[0]
    assert x.largest == "AAA"
    assert x.largest_share == pytest.approx(0.6)
    assert x.hhi == pytest.approx(0.36 + 0.09 + 0.01)
    assert x.equal_share_hhi == pytest.approx(1 / 3)
    assert bool(x.complete) is True
    z = out[out.bloc == "Z"].iloc[0]
    assert math.isnan(z.hhi) and z.reported == 0


def docs():
    return pd.DataFrame({"document_id": ["d1", "d2"], "title": ["Old", "New"],
                         "date": pd.to_datetime(["2000-01-01", "2024-05-01"]), "org_id": ["ALPHA", None]})


def principles():
    return pd.DataFrame({"principle_id": ["indivisible", "multi_actor"], "label": ["Indivisible", "Many actors"],
                         "paragraph": ["P14", "P11"]})


def pdocs():
    return pd.DataFrame({"principle_id": ["multi_actor", "indivisible", "indivisible"],
                         "document_id": ["d2", "d2", "d1"], "presence": ["implicit", "explicit", "explicit"],
                         "locator": ["Art 1", "Art 2", "Art 3"], "phrase": ["a", "b", "c"],
                         "source_id": ["s1", "s2", "s3"]})


def test_principle_matrix_filters_by_as_of_and_orders_by_principle_then_date():
    out = T.principle_matrix(pdocs(), docs(), principles(), "2010-01-01")
    assert list(out["document"]) == ["Old"]
    out = T.principle_matrix(pdocs(), docs(), principles(), "2024-12-31")
    assert list(zip(out["principle"], out["document"])) == [("Indivisible", "Old"), ("Indivisible", "New"),
                                                             ("Many actors", "New")]


def test_principle_grid_marks_gaps_as_not_coded():
    m = T.principle_matrix(pdocs(), docs(), principles(), "2024-12-31")
    g = T.principle_grid(m, principles(), docs(), "2024-12-31")
    assert len(g) == 4
    gap = g[(g.principle == "Many actors") & (g.document == "Old")].iloc[0]
    assert gap.presence == "not coded"
    s = T.principle_summary(g)
    assert s.set_index("principle").loc["Indivisible", "explicit"] == 2
    assert s.set_index("principle").loc["Many actors", "not coded"] == 1


def states():
    return pd.DataFrame({"iso3": ["KAZ", "TUR", "USA", "SUN", "ARM"], "name": ["Kazakhstan", "Türkiye", "US", "USSR",
                                                                             "Armenia"],
                         "eurasian": [True, True, False, True, True], "historic": [False, False, False, True, False]})


def status():
    return pd.DataFrame({"NATO": ["", "member", "member", ""], "PFP": ["partner", "", "", "partner"],
                         "OSCE": ["participating_state"] * 4, "CSTO": ["member", "", "", "frozen"],
                         "SCO": ["member", "dialogue_partner", "", ""]},
                        index=pd.Index(["KAZ", "TUR", "USA", "ARM"], name="iso3"))


def test_structure_flags_both_sides_and_only_current_eurasian_states():
    out = T.structure_flags(status(), states())
    assert list(out["iso3"]) == ["ARM", "KAZ", "TUR"]
    f = out.set_index("iso3")
    assert bool(f.loc["TUR", "SCO_PARTNER"]) and not bool(f.loc["TUR", "SCO"])
    assert bool(f.loc["ARM", "CSTO"])  # frozen still counts as formal membership
    assert list(out["both_sides"]) == [True, True, True]


def test_combination_counts_upset_data():
    flags = T.structure_flags(status(), states())
    out = T.combination_counts(flags)
    assert out["states"].sum() == 3
    assert set(out["combination"]) == {"PFP + OSCE + CSTO", "PFP + OSCE + CSTO + SCO", "NATO + OSCE + SCO_PARTNER"}
    row = out[out.combination == "PFP + OSCE + CSTO"].iloc[0]
    assert row.members == "ARM" and bool(row.CSTO) and not bool(row.SCO)


def mships():
    return pd.DataFrame({"org_id": ["SHANGHAI5", "SCO", "SCO", "SCO"], "iso3": ["KAZ", "KAZ", "IND", "IND"],
                         "status": ["member", "member", "observer", "member"],
                         "start": pd.to_datetime(["1996-04-26", "2001-06-15", "2005-07-05", "2017-06-09"]),
                         "end": pd.to_datetime(["2001-06-15", None, "2017-06-09", None])})


def test_org_timeline_clips_open_spells_and_drops_future_ones():
    out = T.org_timeline(mships(), ["SCO"], "2010-01-01")
    assert list(out["iso3"]) == ["KAZ", "IND"]
    assert list(out["end"]) == [pd.Timestamp("2010-01-02")] * 2  # half-open: drawn through the date shown
    assert list(out["ongoing"]) == [True, True]
    assert list(out["role"]) == ["member", "observer"]


def test_org_timeline_keeps_a_spell_starting_on_the_date_and_names_orgs():
    out = T.org_timeline(mships(), ["SHANGHAI5", "SCO"], "2017-06-09")
    ind = out[out["iso3"] == "IND"]
    assert list(ind["status"]) == ["observer", "member"]
    assert ind["end"].iloc[1] - ind["start"].iloc[1] == pd.Timedelta(days=1)
    assert list(out["role"])[:2] == ["SHANGHAI5 member", "SCO member"]


def test_state_spells_covers_every_org_of_one_state():
    out = T.state_spells(mships(), "KAZ", "2024-07-04")
    assert list(out["org_id"]) == ["SHANGHAI5", "SCO"]
    assert list(out["ongoing"]) == [False, True]


def test_watch_list_after_date_and_category():
    ev = pd.DataFrame({"event_id": ["a", "b", "c"], "date": pd.to_datetime(["2024-04-09", "2024-05-16", "2024-07-04"]),
                       "date_precision": ["day"] * 3, "category": ["eurasian_track", "eurasian_track", "summit"],
                       "title": ["A", "B", "C"], "description": ["x"] * 3, "source_id": ["s"] * 3})
    assert list(T.watch_list(ev, "2024-04-30")["title"]) == ["B", "C"]
    assert list(T.watch_list(ev, "2024-04-30", ["eurasian_track"])["title"]) == ["B"]


def test_notebook_reports_come_from_the_section_map():
    reports = T.notebook_reports()
    assert reports["02"] == "02-nato-enlargement.html"
    assert reports["09"] == "09-claims-ledger.html"


def test_findings_name_the_leader_and_admit_gaps():
    out = T.bloc_capabilities(caps(), {"X": ["AAA", "BBB"], "Y": ["CCC", "DDD"]}, 2023,
                              indicators=["milex_usd_const", "population"])
    assert T.capability_finding(out, "milex_usd_const", "spending", 2023) == \
        "X has the largest reported spending in 2023 (1 of 2 totals cover only some members)"
    empty = T.bloc_capabilities(caps(), {"X": ["AAA"]}, 1990)
    assert T.capability_finding(empty, "population", "population", 1990).startswith("No population figures for 1990")
    conc = T.concentration(caps(), {"X": ["AAA", "BBB", "CCC"]}, 2023)
    assert T.concentration_finding(conc, 2023) == \
        "In 2023, X is the most concentrated bloc: AAA makes 60% of the reported spending"


def test_collection_paragraphs_come_from_the_section_map():
    assert T.collection_paragraphs()["07"] == ["P15", "P16"]


def test_states_absent_from_a_warhead_inventory_hold_none_but_a_year_without_inventory_stays_missing():
    caps = pd.DataFrame({"iso3": ["AAA", "AAA"], "year": [2023, 2023],
                         "indicator": ["nuclear_warheads", "milex_usd_const"], "value": [100.0, 5.0],
                         "unit": ["warheads", "USD million"]})
    out = T.bloc_capabilities(caps, {"X": ["AAA", "BBB"]}, 2023, indicators=["nuclear_warheads", "milex_usd_const"])
    war = out[out.indicator == "nuclear_warheads"].iloc[0]
    assert (war.reported, war.complete, war.total, war.missing, war.counted_as_zero) == (2, True, 100.0, "", 1)
    mil = out[out.indicator == "milex_usd_const"].iloc[0]  # spending is not exhaustive: BBB lacks a figure
    assert (mil.reported, mil.complete, mil.missing, mil.counted_as_zero) == (1, False, "BBB", 0)
    none = T.bloc_capabilities(caps, {"X": ["AAA", "BBB"]}, 2001, indicators=["nuclear_warheads"]).iloc[0]
    assert (none.reported, none.complete, none.missing) == (0, False, "all members")


def test_bloc_members_reads_each_organisation_on_the_date_and_puts_the_two_powers_after_the_first():
    blocs = T.bloc_members(mships(), "2010-12-31", orgs=["SCO", "SHANGHAI5"])
    assert list(blocs) == ["SCO", "Russia", "China", "SHANGHAI5"]
    assert blocs["SCO"] == ["KAZ"]          # India was only an observer in 2010: not a formal member
    assert blocs["SHANGHAI5"] == []         # the Shanghai Five had become the SCO
    assert blocs["Russia"] == ["RUS"] and blocs["China"] == ["CHN"]
    assert T.bloc_members(mships(), "2020-01-01", orgs=["SCO"], states={})["SCO"] == ["IND", "KAZ"]


def test_org_circle_and_both_sides_table_list_states_with_their_statuses():
    status = pd.DataFrame({"NATO": ["member", "", ""], "SCO": ["", "member", "dialogue_partner"]},
                          index=pd.Index(["TUR", "KAZ", "ARM"], name="iso3"))
    names = {"TUR": "Türkiye", "KAZ": "Kazakhstan", "ARM": "Armenia"}
    circle = T.org_circle(status, "SCO", names)
    assert circle.to_dict("list") == {"status": ["dialogue_partner", "member"], "iso3": ["ARM", "KAZ"],
                                      "name": ["Armenia", "Kazakhstan"]}
    assert T.org_circle(status, "CSTO", names).empty
    flags = pd.DataFrame({"iso3": ["ARM", "KAZ", "TUR"], "name": ["Armenia", "Kazakhstan", "Türkiye"],
                          "both_sides": [True, False, False]})
    both = T.both_sides_table(flags, status, ["NATO", "SCO", "CSTO"])
    assert both.to_dict("list") == {"iso3": ["ARM"], "name": ["Armenia"], "NATO": [""],
                                    "SCO": ["dialogue_partner"], "CSTO": [""]}
