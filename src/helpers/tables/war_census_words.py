"""Sentences for notebook 04 about the wars rule applied to UCDP/PRIO's census of armed conflicts, built from the
frames of :mod:`helpers.tables.war_census`."""

from __future__ import annotations

import pandas as pd


def _pool(cases: pd.DataFrame) -> tuple[int, int, pd.Series]:
    """The census's conflicts, those fought in Europe or the former USSR (every location there in some year) and the
    flags by conflict (:func:`helpers.tables.war_census.fought_there`)."""
    from helpers.tables.war_census import fought_there

    there = fought_there(cases)
    return len(there), int(there.sum()), there


def census_headline(conflicts: pd.DataFrame, cases: pd.DataFrame) -> str:
    """The census table's title: how many conflicts (and conflict-years) were fought in Europe and the former USSR,
    how many of them the rule admits, and how many more the census lists with a location there too."""
    from helpers.tables.war_census import REASONS

    n, m, _ = _pool(cases)
    inside = cases[cases["reason"] != REASONS["theatre"]]
    out = (f"The rule admits {int(conflicts['admitted'].sum())} of the {m} armed conflicts UCDP's census records as "
           f"fought in Europe and the former USSR, {int(cases['year'].min())}–{int(cases['year'].max())} "
           f"({int(inside['admitted'].sum())} of {len(inside)} conflict-years)")
    if n > m:
        out += (f"; the other {n - m} in the table also have locations outside it" if n - m > 1 else
                "; the other one in the table also has locations outside it")
    return out


#: The wars rule in a few words, for the first screen (the full rule is in "Which treaties and which wars").
RULE = "Russia or a NATO member used force against a state outside its bloc"


def pool_sentence(cases: pd.DataFrame) -> str:
    """04's first screen on the census's pool: the conflicts it lists with a location in Europe or the former USSR,
    how many were fought there, and which were not (by UCDP id and year)."""
    from helpers.tables.war_census import conflict_label

    n, m, there = _pool(cases)
    span = f"{int(cases['year'].min())}–{int(cases['year'].max())}"
    head = (f"Of the {n} armed conflicts UCDP/PRIO's census lists with a location in Europe or the former USSR (at "
            f"least 25 battle-related deaths a year), {span}, {m} were fought there")
    if n == m:
        return head + "."
    out = there[~there].index
    ids = " and ".join(conflict_label(i) for i in out)
    years = " and ".join(str(int(cases.loc[cases["conflict_id"] == i, "year"].min())) for i in out)
    return head + (f"; the other {n - m} ({ids}, of {years}) also have locations outside it." if n - m > 1 else
                   f"; the other one ({ids}, of {years}) also has locations outside it.")


def _war_sentence(wars: pd.DataFrame, names) -> str:
    """The wars the admitted conflicts make, by actor, and the count if UCDP's dating joins two of them."""
    from helpers.tables.war_census import one_conflict_reading

    big = wars[wars["conflicts"] > 1].iloc[0]
    russia, nato = int(wars["russia"].sum()), int((~wars["russia"]).sum())
    out = (f"Of the {int(wars['conflicts'].sum())}, {int(big['conflicts'])} are one war in {big['location']} from "
           f"{int(big['first'])}, which the census splits by armed group, so they are {len(wars)} wars, {russia} with "
           f"Russia acting and {nato} with NATO members")
    joined = one_conflict_reading(wars)
    if len(joined):
        inner = wars.set_index("war").loc[joined["war"].iloc[0]]
        outer = wars.set_index("war").loc[joined["into"].iloc[0]]
        a, b = outer["states"].split("; ")[:2]
        out += (f"; or {len(wars) - len(joined)} wars, if the war in {inner['location']} from {int(inner['first'])} "
                f"and the {int(outer['first'])} war between {names.get(a, a)} and {names.get(b, b)} are read as "
                f"one, as UCDP dates that conflict from {int(outer['start'])}")
    return out + "."


def glance_line(conflicts: pd.DataFrame, cases: pd.DataFrame, wars: pd.DataFrame | None = None,
                primary: pd.DataFrame | None = None, names=None) -> str:
    """04's first-screen finding on the wars: the census's pool and how many of its conflicts were fought in Europe
    and the former USSR (:func:`pool_sentence`), the rule's admissions by actor and their years; given ``wars``
    (:func:`helpers.tables.war_census.war_groups`), how many of them are one war, how many wars that makes by actor,
    and how many if UCDP's dating joins two; given ``primary`` (the count over primary parties only), whether the
    count survives that reading. ``names``: ISO code → state name (the two states of a war joined by UCDP's
    dating)."""
    _, m, _ = _pool(cases)
    years = cases.loc[cases["admitted"], "year"]
    k = int(conflicts["admitted"].sum())
    russia = int(cases[cases["admitted"]].groupby("conflict_id")["acting"].agg(
        lambda a: any("RUS" in x.split("; ") for x in a)).sum())
    out = (pool_sentence(cases) + f" Our rule ({RULE}) admits {k} of the {m}, in {int(years.min())}–"
           f"{int(years.max())}: Russia acts in {russia}, NATO members in {k - russia}.")
    if wars is not None and (wars["conflicts"] > 1).any():
        out += " " + _war_sentence(wars, names or {})
    if primary is not None:
        k1 = int(primary["admitted"].sum())
        out += (f" Counted over primary parties only, {k1} of the {m} {'meets' if k1 == 1 else 'meet'} "
                "the rule: the count does not survive that reading." if k1 != k else
                f" Counted over primary parties only, the same {k1} meet the rule.")
    return out


def primary_only_line(primary: pd.DataFrame, conflicts: pd.DataFrame, cases: pd.DataFrame | None = None) -> str:
    """The wars count read over primary parties only (``primary``, from :func:`conflict_cases` of a
    ``secondary=False`` run) against the rule's count (``conflicts``), over the conflicts fought in Europe and the
    former USSR (from ``cases``, the rule's :func:`census_cases`; every conflict of ``primary`` without it)."""
    k, k_all = int(primary["admitted"].sum()), int(conflicts["admitted"].sum())
    n = _pool(cases)[1] if cases is not None else len(primary)
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
