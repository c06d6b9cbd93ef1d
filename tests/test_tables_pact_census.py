"""Notebook 02's pact census: the rule applied to ATOP's census, exits by kind, exact Poisson intervals."""

from __future__ import annotations

import pandas as pd
import pytest
from scipy.stats import poisson

from helpers import load
from helpers.tables import pact_census as pc
from helpers.tables import pact_census_view as view


def _census(**over):
    row = {"atopid": 1, "org_id": pd.NA, "signed": pd.Timestamp("1950-01-01"), "ended": pd.NaT, "defense": 1,
           "offense": 0, "neutral": 0, "nonagg": 0, "consul": 1, "states_at_signature": 3,
           "great_powers_at_signature": 1, "states_ever": 3, "source_id": "x"}
    row.update(over)
    return row


ORGS = pd.DataFrame({"org_id": ["NATO"], "name": ["North Atlantic Treaty Organization"]})


def test_the_exact_interval_matches_the_poisson_tail_probabilities():
    low, high = pc.poisson_interval(4, 170.0, per=1.0)
    # Garwood's bounds are where the Poisson tails carry 2.5% each
    assert poisson.sf(3, low * 170) == pytest.approx(0.025, abs=1e-9)
    assert poisson.cdf(4, high * 170) == pytest.approx(0.025, abs=1e-9)
    assert pc.poisson_interval(0, 100.0)[0] == 0.0
    with pytest.raises(ValueError, match="exposure"):
        pc.poisson_interval(1, 0)


def test_the_rule_refuses_each_agreement_for_the_first_condition_it_fails():
    census = pd.DataFrame([_census(atopid=1, org_id="NATO"), _census(atopid=2, defense=0, states_at_signature=2),
                           _census(atopid=3, states_at_signature=2, great_powers_at_signature=0),
                           _census(atopid=4, great_powers_at_signature=0),
                           _census(atopid=5, signed=pd.Timestamp("2020-01-01"))])
    cases = pc.census_cases(census, ORGS, "2000-01-01").set_index("atopid")
    assert cases.loc[1, "admitted"] and cases.loc[1, "name"] == "NATO"
    assert cases.loc[2, "reason"] == "no defence pledge"
    assert cases.loc[3, "reason"] == "fewer than three states at signature"
    assert cases.loc[4, "reason"].startswith("no permanent member")
    assert cases.loc[5, "reason"] == "not yet signed on the chosen date"
    assert cases.loc[2, "name"] == "agreement of 1 Jan 1950 (ATOP 2)"
    counts = pc.census_counts(cases.reset_index())
    assert counts["agreements"].tolist() == [5, 1, 1, 1, 1, 1]


def _spells():
    return pd.DataFrame({"atopid": [1, 1, 1, 1], "cow_code": [2, 20, 40, 50],
                         "start": pd.to_datetime(["1950-01-01"] * 4),
                         "end": pd.to_datetime([None, "1960-01-01", "1970-01-01", "1980-01-01"])})


def _exits(kinds=("denunciation", "non_renewal", "dissolution")):
    return pd.DataFrame({"atopid": [1, 1, 1], "cow_code": [20, 40, 50],
                         "date": pd.to_datetime(["1960-01-01", "1970-01-01", "1980-01-01"]), "kind": list(kinds)})


def test_exits_are_counted_by_kind_and_rated_with_an_interval():
    cases = pc.census_cases(pd.DataFrame([_census(org_id="NATO")]), ORGS, "2000-01-01")
    rec = pc.exit_record(cases, _spells(), _exits(), "2000-01-01").iloc[0]
    assert (rec["denunciation"], rec["non_renewal"], rec["exits"]) == (1, 1, 2)  # dissolution is no exit
    years = (50 + 10 + 20 + 30) * 365.25 / 365.25
    assert rec["member_years"] == pytest.approx(years, abs=0.1)
    low, high = pc.poisson_interval(2, rec["member_years"])
    assert (rec["ci_low"], rec["ci_high"]) == (round(low, 2), round(high, 2))
    strict = pc.exit_record(cases, _spells(), _exits(), "2000-01-01", count=("denunciation",)).iloc[0]
    assert strict["exits"] == 1


def test_a_spell_ending_without_a_coded_kind_is_an_error_that_names_it():
    cases = pc.census_cases(pd.DataFrame([_census()]), ORGS, "2000-01-01")
    with pytest.raises(ValueError, match=r"agreement 1 .* state 50 ending 1980-01-01"):
        pc.exit_record(cases, _spells(), _exits().iloc[:2], "2000-01-01")


def test_on_the_data_only_intervals_that_do_not_overlap_are_reported_and_nothing_is_ranked():
    census, orgs = load.pact_census(), load.organisations()
    cases = pc.census_cases(census, orgs, "2024-04-30")
    assert len(cases) == len(census) and cases["admitted"].sum() == 13
    assert set(cases.loc[cases["admitted"], "org_id"].dropna()) == {"RIO", "WEU", "NATO", "ANZUS", "SEATO",
                                                                       "WARSAW", "CSTO"}
    rec = pc.exit_record(cases, load.pact_spells(), load.pact_exits(), "2024-04-30")
    assert rec[["ci_low", "ci_high"]].notna().all().all() and len(rec) == 13
    assert ("NATO", "CSTO") in pc.separated_pairs(rec)
    line = view.glance_line(rec)
    assert "lost the most" not in line and "NATO below CSTO" in line
    csto = rec.set_index("org_id").loc["CSTO"]
    assert (csto["non_renewal"], csto["suspension"], csto["denunciation"]) == (3, 1, 0)
    anzus = rec.set_index("org_id").loc["ANZUS"]
    assert anzus["suspension"] == 1


def test_every_exit_row_matches_a_spell_that_ends_that_day():
    spells, exits = load.pact_spells(), load.pact_exits()
    ends = set(zip(spells["atopid"], spells["cow_code"], spells["end"]))
    assert all(k in ends for k in zip(exits["atopid"], exits["cow_code"], exits["date"]))


def test_02_first_screen_ranks_no_pact_on_the_default_date():
    from helpers.tables import enlargement_words

    out = enlargement_words.glance_findings(load.memberships(), load.organisations(), load.states(),
                                            load.state_lineage(), load.state_policies(), "2024-04-30")
    assert not any("lost the most" in line or "the most members" in line for line in out)


def test_the_list_of_endings_names_states_and_shows_each_kind_in_words():
    from helpers.render import tables as R

    cases = pc.census_cases(load.pact_census(), load.organisations(), pd.Timestamp("2024-04-30").date())
    frame = view.exit_list(load.pact_exits(), cases, load.states())
    rio = frame[frame["pact"] == "Rio Treaty"]
    assert "iso3" not in frame and {"Cuba", "Mexico", "Bolivia"} <= set(rio["state"])  # states.csv lacks them
    assert list(rio["date"]) == sorted(rio["date"])
    html = R.table_html(frame.drop(columns=["source_id", "alt_source_id"]), "exit-kinds", "t")
    for code in ("not_coded", "non_renewal", "state_ended"):
        assert code not in html
    assert "legal form not coded" in html and "did not renew at the end of the term" in html


def test_the_close_calls_are_the_admitted_pacts_and_those_refused_only_for_want_of_a_great_power():
    cases = pc.census_cases(load.pact_census(), load.organisations(), pd.Timestamp("2024-04-30").date())
    close = pc.close_calls(cases)
    assert set(close["reason"]) == {pc.REASONS[0], pc.REASONS[3]}
    assert close["admitted"].sum() == cases["admitted"].sum() and len(close) < len(cases) / 10
    assert view.close_calls_title(close, cases).startswith(f"{len(close)} of the {len(cases)} agreements")
