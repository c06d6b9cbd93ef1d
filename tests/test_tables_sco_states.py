"""helpers.tables.sco_states (notebook 08): the one grading rule, the stated universe, poles apart, suspended ties
never counted; then the project's own data for what notebook 08 shows."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import load, membership
from helpers.tables import sco_states as A
from helpers.tables import sco_states_words as AW

NAMES = {"KAZ": "Kazakhstan", "TUR": "Türkiye", "USA": "United States", "ARM": "Armenia", "RUS": "Russia",
         "CHN": "China", "EGY": "Egypt", "JPN": "Japan", "BLR": "Belarus"}


def status():
    rows = {  # NATO, PFP, MD, PAG, OSCE, CSTO, SCO
        "KAZ": ["", "partner", "", "", "participating_state", "member", "member"],
        "TUR": ["member", "", "", "", "participating_state", "", "dialogue_partner"],
        "USA": ["member", "", "", "", "participating_state", "", ""],
        "ARM": ["", "partner", "", "", "participating_state", "frozen", "dialogue_partner"],
        "RUS": ["", "suspended", "", "", "participating_state", "member", "member"],
        "CHN": ["", "", "", "", "", "", "member"],
        "EGY": ["", "", "partner", "", "", "", "dialogue_partner"],
        "JPN": ["", "", "", "partner", "", "", ""],
        "BLR": ["", "suspended", "", "", "participating_state", "member", "observer"],
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=["NATO", "PFP", "MD", "PAG", "OSCE", "CSTO", "SCO"]
                                  ).rename_axis("iso3")


def test_tie_grades_are_ordered_and_the_rule_covers_both_sides_alike():
    assert list(A.GRADES) == ["defence pledge", "membership", "partnership", "dialogue status"]
    assert [A.GRADE_RANK[g] for g in A.GRADES] == [4, 3, 2, 1]
    assert A.tie_grade("NATO", "member") == A.tie_grade("CSTO", "member") == "defence pledge"
    assert A.tie_grade("SCO", "member") == A.tie_grade("OSCE", "participating_state") == "membership"
    assert {A.tie_grade(o, "partner") for o in ("PFP", "MD", "ICI", "PAG")} == {"partnership"}
    assert {A.tie_grade("SCO", s) for s in ("observer", "dialogue_partner", "partner")} == {"dialogue status"}
    assert A.tie_grade("PFP", "suspended") == A.tie_grade("CSTO", "frozen") == ""
    with pytest.raises(ValueError, match="no tie grade for status 'observer' in NATO"):
        A.tie_grade("NATO", "observer")


def test_universe_is_osce_and_sco_not_every_state_in_the_data():
    assert A.universe(status()) == ["ARM", "BLR", "CHN", "EGY", "KAZ", "RUS", "TUR", "USA"]  # Japan is neither


def test_matrix_counts_neither_pole_nor_a_suspended_or_frozen_tie():
    m = A.tie_matrix(status(), NAMES).set_index("iso3")
    assert bool(m.loc["RUS", "pole"]) and not bool(m.loc["RUS", "both_sides"])
    assert m.loc["RUS", "PFP"] == "" and m.loc["RUS", "inactive"] == "Partnership for Peace"
    assert not bool(m.loc["BLR", "both_sides"])  # its PfP tie is suspended
    assert m.loc["ARM", "CSTO"] == "" and m.loc["ARM", "eurasian"] == "dialogue status"  # frozen CSTO tie
    assert sorted(m.index[m["both_sides"]]) == ["ARM", "EGY", "KAZ", "TUR"]
    assert m.loc["KAZ", "eurasian"] == "defence pledge" and m.loc["KAZ", "western"] == "partnership"
    assert A.tie_summary(m.reset_index()) == {"universe": 8, "poles": 2, "between": 6, "both_sides": 4,
                                              "inactive_ties": 3}


def test_upset_flags_leave_the_poles_out_and_group_nato_frameworks():
    flags = A.structure_flags(A.tie_matrix(status(), NAMES))
    assert "RUS" not in set(flags["iso3"]) and "CHN" not in set(flags["iso3"])
    f = flags.set_index("iso3")
    assert bool(f.loc["EGY", "NATO partnership"]) and bool(f.loc["EGY", "SCO dialogue status"])
    combos = A.combination_counts(flags)
    assert combos["states"].sum() == 6
    assert set(combos["combination"]) == {
        "NATO partnership + OSCE + CSTO + SCO", "NATO + OSCE + SCO dialogue status", "NATO + OSCE",
        "NATO partnership + OSCE + SCO dialogue status", "NATO partnership + SCO dialogue status",
        "OSCE + CSTO + SCO dialogue status"}


def mships():
    return pd.DataFrame({"org_id": ["SHANGHAI5", "SCO", "SCO", "SCO", "PFP", "PFP"],
                         "iso3": ["KAZ", "KAZ", "IND", "IND", "RUS", "RUS"],
                         "status": ["member", "member", "observer", "member", "partner", "suspended"],
                         "start": pd.to_datetime(["1996-04-26", "2001-06-15", "2005-07-05", "2017-06-09",
                                                  "1994-06-22", "2014-04-01"]),
                         "end": pd.to_datetime(["2001-06-15", None, "2017-06-09", None, "2014-04-01", None])})


def test_inactive_ties_list_the_suspension_and_its_day():
    out = A.inactive_ties(mships(), "2024-07-04", NAMES)
    assert out.to_dict("records") == [{"state": "Russia", "structure": "Partnership for Peace",
                                       "status": "suspended", "since": "2014-04-01"}]
    assert A.inactive_ties(mships(), "2013-12-31", NAMES).empty


def test_org_timeline_clips_open_spells_names_orgs_and_drops_future_ones():
    out = A.org_timeline(mships(), ["SCO"], "2010-01-01")
    assert list(out["iso3"]) == ["KAZ", "IND"]
    assert list(out["end"]) == [pd.Timestamp("2010-01-02")] * 2  # half-open: drawn through the date shown
    assert list(out["role"]) == ["member", "observer"]
    both = A.org_timeline(mships(), ["SHANGHAI5", "SCO"], "2017-06-09")
    ind = both[both["iso3"] == "IND"]
    assert list(ind["status"]) == ["observer", "member"]
    assert ind["end"].iloc[1] - ind["start"].iloc[1] == pd.Timedelta(days=1)
    assert list(both["role"])[:2] == ["Shanghai Five member", "SCO member"]
    spells = A.state_spells(mships(), "KAZ", "2024-07-04")
    assert list(spells["org_id"]) == ["SHANGHAI5", "SCO"] and list(spells["ongoing"]) == [False, True]


def test_org_circle_lists_statuses_in_words():
    st = pd.DataFrame({"SCO": ["", "member", "dialogue_partner"]}, index=pd.Index(["TUR", "KAZ", "ARM"], name="iso3"))
    assert A.org_circle(st, "SCO", NAMES).to_dict("list") == {"status": ["dialogue partner", "member"],
                                                              "state": ["Armenia", "Kazakhstan"]}
    assert A.org_circle(st, "CSTO", NAMES).empty


# --- the project's data: what notebook 08 shows ------------------------------------------------------------------


def test_on_the_default_date_neither_pole_nor_a_suspended_tie_is_counted():
    m = load.memberships()
    names = load.states().set_index("iso3")["name"].to_dict()
    matrix = A.tie_matrix(membership.status_matrix(m, "2024-07-04", list(A.ORGS)), names).set_index("iso3")
    counted = set(matrix.index[matrix["both_sides"]])
    assert not counted & {"RUS", "CHN"}
    assert "BLR" not in counted  # Partnership for Peace suspended by NATO in November 2021
    assert matrix.loc["RUS", "PFP"] == "" and "Partnership for Peace" in matrix.loc["RUS", "inactive"]
    assert {"TUR", "KAZ", "EGY"} <= counted  # NATO member, PfP partner, Mediterranean Dialogue partner


def test_a_spell_known_to_the_month_counts_from_its_first_day_not_as_no_tie():
    # Bahrain's SCO dialogue-partner memorandum is dated to July 2023 only; unknown day is not "no status"
    m = load.memberships()
    names = load.states().set_index("iso3")["name"].to_dict()
    bhr = m[(m["iso3"] == "BHR") & (m["org_id"] == "SCO")].sort_values("start")
    assert bhr.iloc[0]["start"] == pd.Timestamp("2023-07-01") and "month" in bhr.iloc[0]["note"]
    matrix = A.tie_matrix(membership.status_matrix(m, "2024-07-04", list(A.ORGS)), names)
    row = matrix.set_index("iso3").loc["BHR"]
    assert row["SCO"] == "dialogue status" and row["ICI"] != "" and bool(row["both_sides"])
    before = A.tie_matrix(membership.status_matrix(m, "2023-06-30", list(A.ORGS)), names).set_index("iso3")
    assert "BHR" not in before.index or not bool(before.loc["BHR", "both_sides"])


# --- what notebook 08 states: titles and the at-a-glance box for each date and state -----------------------------


def test_titles_count_from_the_tables_and_say_dates_as_readers_do():
    circle = A.org_circle(status(), "SCO", NAMES)
    assert AW.sco_title(circle, "2024-07-04") == "On 4 Jul 2024 the SCO had 3 members and 4 observers or partners"
    counts = A.tie_summary(A.tie_matrix(status(), NAMES))
    assert AW.both_sides_title(counts, "2024-07-04") == (
        f"{counts['both_sides']} of the {counts['between']} OSCE or SCO states other than Russia and China held active "
        "ties on both sides on 4 Jul 2024")
    assert AW.universe_caption(counts).startswith(f"Universe: the {counts['universe']} OSCE")
    one = pd.DataFrame({"state": ["Armenia"]})
    assert AW.inactive_title(one, "2024-07-04") == "1 tie was held but inactive on 4 Jul 2024, and is not counted"
    assert AW.inactive_title(one.iloc[:0], "2024-07-04").startswith("0 ties were")
    combos = A.combination_counts(A.structure_flags(A.tie_matrix(status(), NAMES)))
    combo, n = combos["combination"].iloc[0], combos["states"].iloc[0]
    assert AW.upset_title(combos, "2024-07-04").endswith(f"{combo} ({n} states)")
    assert AW.upset_title(combos.iloc[:0], "2024-07-04") == "No state between the poles held a tie on 4 Jul 2024"


def test_focus_title_names_the_organisations_running_on_the_date():
    spells = A.state_spells(mships(), "KAZ", "2024-07-04")
    assert (AW.focus_title(spells, "KAZ", NAMES, "2024-07-04")
            == "Kazakhstan held a status in 1 organisation on 4 Jul 2024: SCO")
    assert (AW.focus_title(spells.iloc[:0], "KAZ", NAMES, "2024-07-04")
            == "Kazakhstan held a status in 0 organisations on 4 Jul 2024")


@pytest.mark.parametrize("iso3", ["KAZ", "UZB", "IND", "TUR", "RUS"])
def test_glance_is_true_for_each_variant_state(iso3):
    m = load.memberships()
    names = load.states().set_index("iso3")["name"].to_dict()
    st = membership.status_matrix(m, "2024-07-04", list(A.ORGS))
    matrix = A.tie_matrix(st, names)
    spells = A.state_spells(m, iso3, "2024-07-04")
    found = AW.glance_findings(A.org_circle(st, "SCO", names), A.tie_summary(matrix), spells, iso3, names, "2024-07-04")
    assert len(found) == 3 and found[0].startswith("On 4 Jul 2024 the SCO had 10 members")
    assert found[2].startswith(names[iso3]) and "SCO" in found[2]  # each of them holds an SCO status
    assert ("poles" in found[2]) == (iso3 == "RUS")
    assert names[iso3] in AW.summary(iso3, names, "2024-07-04")
    if iso3 == "TUR":
        assert "NATO" in found[2]


def test_map_sources_cite_formal_spells_running_on_the_date_then_the_boundaries():
    m = load.memberships()
    ids = A.map_sources(m, ["NATO"], "2023-12-31")
    assert ids[-2:] == ["naturalearth-110m-admin-0-countries", "github-topojson-world-atlas"]
    sweden = set(m.loc[(m["org_id"] == "NATO") & (m["iso3"] == "SWE"), "source_id"])
    assert not sweden & set(ids) and sweden <= set(A.map_sources(m, ["NATO"]))
    outer = set(m.loc[(m["org_id"] == "SCO") & (m["status"] != "member"), "source_id"]) - \
        set(m.loc[m["status"] == "member", "source_id"])
    assert outer <= set(A.spell_sources(m, ["SCO"])) and not outer & set(A.map_sources(m, ["SCO"]))


def test_08_counts_the_states_on_both_sides_again_without_those_not_flagged_eurasian():
    """Referee (methods-6 m4): Egypt is flagged not Eurasian in states.csv yet counted among P18's "Eurasian
    states" on both sides. 08 now gives the count without it and how many of those left rest on an SCO dialogue,
    observer or partner status alone, on the first screen and in the checks table."""
    from helpers import load, membership
    from helpers.tables import alignment_denominators as AD
    from helpers.tables import alignment_denominators_words as ADW
    from helpers.tables import sco_states as S

    states = load.states()
    names = states.set_index("iso3")["name"].to_dict()
    memberships = load.memberships()
    matrix = S.tie_matrix(membership.status_matrix(memberships, "2024-07-04", list(S.ORGS)), names)
    line = ADW.eurasian_flag_line(matrix, states, names)
    assert line == ("Leaving out the states the data does not flag as Eurasian (Egypt), 14 of the 15 states on both "
                    "sides remain; 9 of those 14 hold only an SCO dialogue, observer or partner status on the "
                    "Eurasian side.")
    pools, grades = AD.denominators(matrix), AD.by_grade(matrix)
    table = ADW.robustness_table(pools, grades, matrix, names, memberships, "2024-07-04", states)
    assert table.iloc[-1].tolist() == ["only states the data flags as Eurasian", line]
    assert ADW.eurasian_flag_line(matrix, states.assign(eurasian=True), names) == ""


def test_08_first_screen_line_on_eurasian_ties_is_two_plain_sentences():
    """Data editor (review 10, L1): the fourth first-screen line ran to five lines with three nested counts
    (24 → 15 → 14 → 9). It is now two plain sentences, each comparing one count with the one before it."""
    import re

    from helpers import load, membership
    from helpers.tables import alignment_denominators as AD
    from helpers.tables import alignment_denominators_words as ADW
    from helpers.tables import sco_states as S

    states = load.states()
    names = states.set_index("iso3")["name"].to_dict()
    matrix = S.tie_matrix(membership.status_matrix(load.memberships(), "2024-07-04", list(S.ORGS)), names)
    first = ADW.glance_line(AD.denominators(matrix), AD.by_grade(matrix))
    second = ADW.eurasian_flag_glance(matrix, states, names)
    assert first == ("15 of the 24 states with a Eurasian tie also hold a Western one; 5 of the 15 hold a partnership "
                     "or stronger on both sides.")
    assert second == ("Without Egypt, which the data does not flag as Eurasian, 14 of the 15 remain; 9 of them hold "
                      "only an SCO dialogue, observer or partner status on the Eurasian side.")
    line = f"{first} {second}"
    assert len(re.findall(r"\.(?= |$)", line)) == 2 and "(" not in line and len(line) < 300
    assert ADW.eurasian_flag_glance(matrix, states.assign(eurasian=True), names) == ""
