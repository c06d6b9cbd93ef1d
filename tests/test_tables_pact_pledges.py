"""Notebook 02 dates each defence pledge by the text that holds it, not by the signature ATOP's alliance-level code
dates it from: the Treaty on European Union (ATOP 4175) held no mutual-assistance clause until the Treaty of Lisbon
took effect on 1 December 2009, so a reader of a report dated 2004 must not see it counted as a defence pact."""

from __future__ import annotations

import pandas as pd

from helpers import load
from helpers.tables import pact_census, pact_census_words, pact_pledges

EU = 4175


def _real(as_of):
    census = load.pact_census()
    cases = pact_census.census_cases(census, load.organisations(), as_of)
    later = pact_pledges.later_pledges(census)
    return cases, later, pact_pledges.from_pledge(cases, later, as_of)


def test_the_eu_pledge_is_dated_from_lisbon_with_a_source():
    later = pact_pledges.later_pledges(load.pact_census()).set_index("atopid")
    assert later.loc[EU, "pledge_from"] == pd.Timestamp("2009-12-01")
    assert later.loc[EU, "pledge_source_id"] in set(load.sources()["source_id"])


def test_a_2004_report_does_not_count_the_eu_among_defence_pacts():
    cases, later, dated = _real("2004-03-29")
    assert cases.set_index("atopid").loc[EU, "admitted"]  # the census rule admits it, on ATOP's code
    sizes = pact_census.members_at(dated, load.pact_spells(), "2004-03-29")
    assert EU not in set(sizes["atopid"])
    rates = pact_census.exit_record(dated, load.pact_spells(), load.pact_exits(), "2004-03-29")
    assert EU not in set(rates["atopid"])
    line, = pact_census_words.pledge_lines(later, cases)
    assert line == ("The Treaty on European Union (Maastricht) is counted as a defence pact from 1 Dec 2009, when "
                    "the text that holds its defence pledge took effect, not from its signature on 7 Feb 1992.")


def test_the_eu_member_years_start_when_its_pledge_took_effect():
    _, _, dated = _real("2016-12-31")
    spells, exits = load.pact_spells(), load.pact_exits()
    rates = pact_census.exit_record(dated, spells, exits, "2016-12-31").set_index("atopid")
    eu = spells[spells["atopid"] == EU]
    open_2010 = int(((eu["start"] <= "2010-01-01") & (eu["end"].isna() | (eu["end"] > "2010-01-01"))).sum())
    assert rates.loc[EU, "member_years"] < (open_2010 + 1) * 7.1  # seven years from Dec 2009, not 25 from 1992
    assert rates.loc[EU, "signed"] == pd.Timestamp("2009-12-01")
