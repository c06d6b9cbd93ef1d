"""Notebook 02's dates of entry in the census comparison (referee methods-10, major 1 and minors 4–5): NATO's later
members count from the day their accession took effect (``memberships.csv``, the page's own rule), not from the
signature of their accession protocols (ATOP's day); the CSTO is also counted from its treaty's entry into force;
the wide-pool check says what "three states ever" would add."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import i18n, load, paths
from helpers.tables import pact_census as pc
from helpers.tables import pact_census_words, pact_dates, pact_pledges, pact_rates_words, pact_rule

DAY = "2024-04-30"


@pytest.fixture(scope="module")
def frames():
    census, orgs, atop = load.pact_census(), load.organisations(), load.pact_spells()
    cases = pc.census_cases(census, orgs, DAY)
    dated = pact_pledges.from_pledge(cases, pact_pledges.later_pledges(census), DAY)
    spells = pact_dates.accession_dated(atop, load.memberships(), census)
    return census, orgs, atop, cases, dated, spells


def test_nato_had_28_members_on_atops_last_day_by_the_pages_rule_and_29_in_atops_coding(frames):
    census, _, atop, _, dated, spells = frames
    ours = pc.members_at(dated, spells, DAY).set_index("org_id")
    theirs = pc.members_at(dated, atop, DAY).set_index("org_id")
    assert ours.loc["NATO", "day"] == pd.Timestamp("2016-12-31")
    assert (ours.loc["NATO", "members"], theirs.loc["NATO", "members"]) == (28, 29)
    early = pact_dates.counted_early(atop, load.memberships(), census, load.states(), DAY)
    assert early[["iso3", "protocol", "took_effect"]].astype(str).values.tolist() == [
        ["MNE", "2016-05-19", "2017-06-05"]]


def test_no_nato_spell_in_the_comparison_starts_before_memberships_csv_says_it_took_effect(frames):
    census, _, atop, _, _, spells = frames
    nato = census.loc[census["org_id"] == "NATO", "atopid"].iloc[0]
    mine = spells["atopid"] == nato
    entries = spells.loc[mine & ~spells["start"].isin(set(spells.loc[mine, "end"].dropna()))]
    mem = load.memberships()
    first = mem[mem["org_id"] == "NATO"].groupby("iso3")["start"].min().sort_values()
    assert sorted(entries["start"]) == list(first.iloc[: len(entries)])  # the same days, state for state
    assert (spells.loc[mine, "start"] >= atop.loc[mine, "start"]).all()  # never earlier than ATOP's day
    others = ~mine
    assert spells[others].equals(atop[others])  # every other pact keeps ATOP's spells


def test_accession_groups_that_do_not_match_are_refused_with_both_days(frames):
    census, _, atop, *_ = frames
    mem = load.memberships()
    broken = mem[~((mem["org_id"] == "NATO") & (mem["iso3"] == "GRC"))]  # Greece gone: 1952's group has 1 state
    with pytest.raises(ValueError, match="starts 1 members on 1952-02-18, ATOP's spells 2 on 1951-10-22"):
        pact_dates.accession_dated(atop, broken, census)


def test_first_screen_gives_natos_28_with_atops_29_beside_it_in_both_editions(frames):
    census, _, atop, _, dated, spells = frames
    early = pact_dates.counted_early(atop, load.memberships(), census, load.states(), DAY)
    line = pact_census_words.largest_glance(pc.members_at(dated, spells, DAY), early)
    assert line == ("Of the 13 pacts the rule admits from ATOP's census, the Charter of the Organization of American "
                    "States had the most members on 31 Dec 2016: 33 to NATO's 28 (29 in ATOP's coding).")
    arabic = i18n.text(line, "ar")
    assert "28 للناتو" in arabic and "29 في ترميز ATOP" in arabic and "coding" not in arabic
    # which member ATOP counts early is named in the body's sentence, not on the first screen (its bullet ran 13 lines
    # on a phone)
    assert "Montenegro from its accession protocol of 19 May 2016" in pact_census_words.largest_line(
        pc.members_at(dated, spells, DAY), DAY, early)


def test_a_tie_with_the_eu_is_called_a_tie_not_a_lead(frames):
    _, _, _, _, dated, spells = frames
    sizes = pc.members_at(dated, spells, DAY)
    line = pact_census_words.largest_line(sizes, DAY)
    assert ("Without that coding, NATO (28) would share the most members with the Treaty on European Union "
            "(Maastricht) (28).") in line and "would be the largest" not in line
    # the Arabic edition names NATO in Arabic, which sorts after the Latin name of the tied EU treaty
    swapped = pd.concat([sizes.iloc[[0, 2, 1]], sizes.iloc[3:]], ignore_index=True)
    assert list(swapped["org_id"].iloc[1:3].fillna("")) == ["", "NATO"]
    assert pact_census_words.largest_line(swapped, DAY) == line


def test_c09_verdict_states_natos_size_by_the_pages_rule(frames):
    _, _, _, _, dated, spells = frames
    reason = load.claims().set_index("claim_id").loc["C09", "verdict_reason"]
    assert "33 members in ATOP's data to NATO's 28 by the day each accession took effect" in reason
    assert "(29 in ATOP's coding, which counts Montenegro from its accession protocol of 19 May 2016" in reason
    assert "28 للناتو" in i18n.text(reason, "ar")


def test_csto_counted_from_entry_into_force_is_computed(frames):
    """Minor 4: the CSTO's treaty entered into force on 20 Apr 1994, two years after ATOP's start (signature)."""
    _, orgs, _, _, dated, spells = frames
    exits, in_force = load.pact_exits(), orgs.set_index("org_id")["in_force"]
    rates = pc.exit_record(dated, spells, exits, DAY)
    moved = pc.exit_record(*pact_dates.counted_from(dated, spells, "CSTO", in_force["CSTO"]), exits, DAY)
    line = pact_rates_words.in_force_line(rates, moved, "CSTO", in_force["CSTO"])
    assert line == ("Counting the CSTO from its treaty's entry into force (20 Apr 1994), not from its signature "
                    "(15 May 1992) as ATOP does: 157.1 member-years and 4 exits, 2.55 per 100 (0.69–6.52, 95%); "
                    "NATO below CSTO still separates (p < 0.001; 0.0022 after Holm's adjustment).")
    assert "يظل متمايزًا" in i18n.text(line, "ar")


def test_wide_check_is_said_to_test_the_rule_and_names_what_three_states_ever_would_add(frames):
    """Minor 5: the check keeps "three states at signature", so it tests the rule rather than defending it; four
    defence agreements grew to three or more states later (one with a permanent member, ATOP 3625)."""
    census, _, _, cases, _, _ = frames
    assert pact_rule.NOTE.endswith("tests it.") and "defends" not in pact_rule.NOTE
    line = pact_rates_words.states_ever_line(census, cases)
    assert "would add 4 agreements with a defence pledge (ATOP 3300, 3570, 3610 and 3625; 1 with a permanent" in line
    assert "4 اتفاقات" in i18n.text(line, "ar")


def test_02_counts_its_comparison_on_the_redated_spells():
    source = (paths.NOTEBOOKS / "02-nato-enlargement.py").read_text(encoding="utf-8")
    assert "spells = pact_dates.accession_dated(atop_spells, memberships, census)" in source
    assert "pact_rates_words.in_force_line(rates, csto_in_force" in source
    assert "No\n# page-numbered codebook of version 4.01 or 5.x was found" in source
