"""Sentences for notebook 04 about the wars rule applied to UCDP/PRIO's census of armed conflicts, built from the
frames of :mod:`helpers.tables.war_census`."""

from __future__ import annotations

import pandas as pd


def census_headline(conflicts: pd.DataFrame, cases: pd.DataFrame) -> str:
    """The census table's title: how many conflicts (and conflict-years) the census holds and the rule admits."""
    return (f"The rule admits {int(conflicts['admitted'].sum())} of the {len(conflicts)} armed conflicts UCDP's "
            f"census records in Europe and the former USSR, {int(cases['year'].min())}–{int(cases['year'].max())} "
            f"({int(cases['admitted'].sum())} of {len(cases)} conflict-years)")


#: The wars rule in a few words, for the first screen (the full rule is in "Which treaties and which wars").
RULE = "Russia or a NATO member used force against a state outside its bloc"


def glance_line(conflicts: pd.DataFrame, cases: pd.DataFrame, wars: pd.DataFrame | None = None,
                primary: pd.DataFrame | None = None) -> str:
    """04's first-screen finding on the wars: the census's count, the rule's admissions and their years; given
    ``wars`` (:func:`helpers.tables.war_census.war_groups`), how many of them are one war and how many wars that
    makes; given ``primary`` (the count over primary parties only), whether the count survives that reading."""
    years = cases.loc[cases["admitted"], "year"]
    out = (f"{int(conflicts['admitted'].sum())} of the {len(conflicts)} armed conflicts in UCDP/PRIO's census for "
           f"Europe and the former USSR (at least 25 battle-related deaths a year), "
           f"{int(cases['year'].min())}–{int(cases['year'].max())}, meet our rule "
           f"({RULE}), in {int(years.min())}–{int(years.max())}")
    if wars is not None and (wars["conflicts"] > 1).any():
        big = wars[wars["conflicts"] > 1].iloc[0]
        out += (f"; {int(big['conflicts'])} of them are one war in {big['location']} from {int(big['first'])}, "
                f"which the census splits by armed group, so they are {len(wars)} wars")
    out += "."
    if primary is not None:
        k, k_all = int(primary["admitted"].sum()), int(conflicts["admitted"].sum())
        out += (f" Counted over primary parties only, {k} of the {len(primary)} {'meets' if k == 1 else 'meet'} "
                "the rule: the count does not survive that reading." if k != k_all else
                f" Counted over primary parties only, the same {k} meet the rule.")
    return out


def primary_only_line(primary: pd.DataFrame, conflicts: pd.DataFrame) -> str:
    """The wars count read over primary parties only (``primary``, from :func:`conflict_cases` of a
    ``secondary=False`` run) against the rule's count (``conflicts``)."""
    k, n, k_all = int(primary["admitted"].sum()), len(primary), int(conflicts["admitted"].sum())
    if k == k_all:
        return f"Counted over primary parties only, the rule admits the same {k} of the {n} conflicts."
    return (f"Counted over primary parties only, leaving out the states that sent troops in support of one side, "
            f"the rule admits {k} of the {n} conflicts, not {k_all}: the count does not survive that reading, since "
            "most of the wars it admits are ones in which Russia or NATO members fought beside another party, as "
            "UCDP's secondary parties.")


def single_cell_lines(rows: pd.DataFrame, places: pd.Series, names) -> list[str]:
    """For each conflict of :func:`helpers.tables.war_census.single_cell` (``rows``; ``places``: its location as this
    project names it, by row; ``names``: ISO code → state name): the clause of the rule that admits it and the one
    census cell it rests on."""
    from helpers.tables.war_census import conflict_label

    return [f"{conflict_label(r.conflict_id)} ({place}) is admitted by the rule's clause on troops against another "
            f"state's troops, on one cell of the census: UCDP records {names.get(r.state, r.state)} as a secondary "
            f"party on the government's side in {r.year} only, against {names.get(r.against, r.against)}, a "
            f"secondary party on the other side; in the conflict's other {r.other_years} years in the census no NATO "
            "member or Russia is a party." for r, place in zip(rows.itertuples(index=False), places)]
