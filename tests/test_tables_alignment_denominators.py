"""08: the states on both sides against both denominators and by the grade of their weaker tie."""

from __future__ import annotations

import re

import pandas as pd

from helpers.tables import alignment_denominators as D
from helpers.tables import alignment_denominators_words as DW


def _matrix():
    return pd.DataFrame({
        "iso3": ["AAA", "BBB", "CCC", "DDD", "RUS"], "pole": [False, False, False, False, True],
        "western": ["partnership", "defence pledge", "partnership", "", "partnership"],
        "eurasian": ["membership", "dialogue status", "", "membership", "defence pledge"],
        "both_sides": [True, True, False, False, False]})


def test_both_denominators_are_named_and_the_poles_are_left_out():
    t = D.denominators(_matrix())
    assert t["states"].tolist() == [4, 3, 3] and t["both_sides"].tolist() == [2, 2, 2]
    assert t["share"].tolist() == [50.0, 66.7, 66.7]
    # Referee (methods-3, minor 9): the 4 (71 on the data) include western states, so the denominator is named
    # for what it is, not "between the poles"
    assert DW.denominators_title(t) == ("2 of 4 OSCE or SCO states other than Russia and China, or 2 of 3 of those "
                                       "with a Eurasian tie, held active ties on both sides")


def test_the_weaker_side_sets_the_grade():
    g = D.by_grade(_matrix()).set_index("grade")["states"]
    assert g["defence pledge or stronger on both sides"] == 0
    assert g["partnership or stronger on both sides"] == 1  # AAA; BBB's Eurasian tie is only dialogue
    assert g["dialogue status or stronger on both sides"] == 2
    lines = DW.robustness_table(D.denominators(_matrix()), D.by_grade(_matrix()))["reading"].tolist()
    assert "50% of every state" in lines[0] and "67% of those" in lines[0]
    assert "the other 1 rely on an SCO" in lines[1] and "not for membership on both sides" in lines[1]


def test_the_count_without_a_tie_that_may_be_dormant_is_recounted_not_subtracted():
    m = _matrix()
    line = DW.uncertain_line(m, {"AAA": "Aland"}, codes=("AAA",))
    assert line.startswith("Without Aland") and "1 of 3 OSCE or SCO states other than Russia and China" in line
    assert "1 of 2 of those with a Eurasian tie" in line
    assert "changes nothing" in DW.uncertain_line(m, {"CCC": "Cland"}, codes=("CCC",))  # not on both sides
    table = DW.robustness_table(D.denominators(m), D.by_grade(m), m, {"AAA": "Aland"})
    assert len(table) == 3 and table["check"].iloc[-1] == "without ties that may be dormant"


def test_ties_documented_only_later_are_counted_both_ways_before_their_first_page():
    """NATO's partners across the globe start on the 2017 page that lists them (review M4): a report for an earlier
    date must say their ties are unknown and give the count with them, not read them as absent."""
    from helpers import load

    memberships = load.memberships()
    names = load.states().set_index("iso3")["name"].to_dict()
    marked = memberships[memberships["note"].str.startswith(D.DOCUMENTED)]
    assert set(marked["org_id"]) == {"PAG"} and {"MNG", "PAK", "AFG"} <= set(marked["iso3"])
    pools, grades = D.denominators(_matrix()), D.by_grade(_matrix())
    assert DW.glance_or_documented(pools, grades, memberships, "2024-07-04", names) == DW.glance_line(pools, grades)
    early = [DW.glance_or_documented(pools, grades, memberships, "2015-01-01", names)]
    assert "unknown, not absent" in early[0], early
    low = int(re.search(r"without them (\d+) of", early[0]).group(1))
    high = int(re.search(r"as running, (\d+) of", early[0]).group(1))
    assert high > low, early[0]
    rows = DW.robustness_table(D.denominators(_matrix()), D.by_grade(_matrix()), None, names, memberships,
                              "2015-01-01").set_index("check")
    assert rows.loc["with ties documented only later", "reading"] == early[0]
