"""Sentences for notebook 02 (P4): the first screen, headlines and summary line built from the frames of
:mod:`helpers.tables.enlargement` and :mod:`helpers.tables.pact_cases`."""

from __future__ import annotations

import pandas as pd

from helpers import membership, wording
from helpers.membership import as_timestamp
from helpers.tables.enlargement import background_counts, growth_summary, nato_members
from helpers.tables.pact_cases import defence_pact_cases, largest, pact_exposure


def growth_headline(steps: pd.DataFrame, as_of) -> str:
    """The step chart's title: 'NATO grew from 12 to 32 members by 30 Apr 2024, in 9 rounds of accession'."""
    g = growth_summary(steps)
    day = wording.day(as_timestamp(as_of, "as_of").date())
    if g["rounds"] == 0:
        return f"NATO had {g['last']} members on {day}, as many as at its founding"
    rounds = "round" if g["rounds"] == 1 else "rounds"
    return f"NATO grew from {g['first']} to {g['last']} members by {day}, in {g['rounds']} {rounds} of accession"


def absorbed_warsaw(members: pd.DataFrame, state_lineage: pd.DataFrame, memberships: pd.DataFrame,
                    states: pd.DataFrame, as_of) -> list[tuple[str, str, str]]:
    """``(historic state, member, day)`` for each Warsaw Pact state a NATO member on ``as_of`` had absorbed by then
    (the GDR into Germany on 3 Oct 1990): territory that came in without an accession of its own."""
    cut = as_timestamp(as_of, "as_of")
    pact = set(memberships.loc[memberships["org_id"] == "WARSAW", "iso3"])
    rows = state_lineage[(state_lineage["relation"] == "absorbed") & state_lineage["iso3"].isin(members["iso3"])
                         & state_lineage["predecessor_iso3"].isin(pact)
                         & (pd.to_datetime(state_lineage["date"]) <= cut)]
    name = dict(zip(states["iso3"], states["name"]))
    return [(name.get(r.predecessor_iso3, r.predecessor_iso3), name.get(r.iso3, r.iso3),
             wording.day(pd.Timestamp(r.date).date())) for r in rows.itertuples(index=False)]


def background_headline(members: pd.DataFrame, as_of, absorbed=()) -> str:
    """The accession chart's title: how many of NATO's members on ``as_of`` came from the Warsaw Pact and from
    the USSR or Yugoslavia ('none' when no member did yet), and the Warsaw Pact states a member had absorbed
    (``absorbed``: :func:`absorbed_warsaw`)."""
    c = background_counts(members)
    day = wording.day(as_timestamp(as_of, "as_of").date())
    if c["former_warsaw_pact"] + c["former_union"] == 0:
        out = f"On {day}, none of NATO's {len(members)} members had been in the Warsaw Pact, the USSR or Yugoslavia"
    else:
        out = (f"On {day}, {c['former_warsaw_pact']} of NATO's {len(members)} members had been Warsaw Pact states "
               f"or succeeded one; {c['former_union']} were successor or restored states of the USSR or Yugoslavia")
    for old, member, when in absorbed:
        out += (f"; the {old}, a Warsaw Pact state, came into NATO without an accession of its own when {member} "
                f"absorbed it on {when}")
    return out


def absorbed_note(absorbed=()) -> str:
    """The accession chart's note on the Warsaw Pact states a member absorbed (:func:`absorbed_warsaw`), which its
    title leaves out to stay short: "The German Democratic Republic, a Warsaw Pact state, came into NATO …"."""
    return " ".join(f"The {old}, a Warsaw Pact state, came into NATO without an accession of its own when {member} "
                    f"absorbed it on {when}." for old, member, when in absorbed)


def pact_headlines(record: pd.DataFrame, as_of) -> tuple[str, str]:
    """Titles of the pact table (which pact had lasted longest by ``as_of``) and of the lifespan chart."""
    oldest, day = largest(record, "years"), wording.day(as_timestamp(as_of, "as_of").date())
    held = held_pacts(len(record))
    return (f"Of {held}, {_the(oldest['org_id'])} had lasted longest by {day} ({oldest['years']:.0f} years)",
            f"{int(record['in_force'].sum())} of {held} were still in force on {day}")


def lifespans_caption(record: pd.DataFrame, admitted: pd.DataFrame) -> str:
    """The lifespan chart's caption: how many of the admitted pacts it draws (those whose organisation the project
    holds), counted for the report's date."""
    return (f"T{held_pacts(len(record))[1:]}, of {census_pacts(len(admitted))}; hover over or tap a bar "
            "for dates and member-years.")


def glance_findings(memberships: pd.DataFrame, organisations: pd.DataFrame, states: pd.DataFrame,
                    state_lineage: pd.DataFrame, state_policies: pd.DataFrame, as_of,
                    size_line: str = "") -> list[str]:
    """02's first screen, true for the report's own date: NATO's growth and where its members came from (one item),
    how its age compares with the other defence pacts the case rule admits, then ``size_line`` as an item of its own
    (whether "largest" survives counting members, :func:`helpers.tables.pact_census_words.largest_line`). Exits are
    compared, with their intervals, by :func:`helpers.tables.pact_rates_words.glance_line` (no ranking)."""
    from helpers.tables.euroatlantic import membership_steps

    steps = membership_steps(memberships, ["NATO"], through=as_of)
    members = nato_members(memberships, organisations, states, state_lineage, state_policies, as_of)
    cases = defence_pact_cases(organisations, memberships, as_of)
    historic = states.loc[states["historic"], "iso3"]
    record = pact_exposure(memberships, organisations, cases.loc[cases["admitted"], "org_id"], as_of,
                           historic=historic)
    oldest = largest(record, "years")
    absorbed = absorbed_warsaw(members, state_lineage, memberships, states, as_of)
    counts = background_counts(members)
    # the absorbed GDR is named on the first screen only where it corrects a "none" (1991); otherwise the chart's
    # note names it, and the item stays short enough for a phone
    if counts["former_warsaw_pact"] + counts["former_union"]:
        absorbed = ()
    # growth and background as one item, lifetime and size as one each: four items at most with the exits line
    out = [growth_headline(steps, as_of) + ". " + background_headline(members, as_of, absorbed) + "."]
    nato = record.set_index("org_id")["years"].get("NATO", float("nan"))
    than = "" if oldest["org_id"] == "NATO" else f", against NATO's {nato:.0f}"
    out.append(f"Of {held_pacts(len(record))}, {_the(oldest['org_id'])} "
               f"had lasted longest: {oldest['years']:.0f} years{than}.")
    # its own item: joined to the lifetime sentence it made one item of 11 lines on a phone (13 in Arabic)
    return out + [size_line] * bool(size_line)


def _the(org: str) -> str:
    """An organisation's short name in running text: 'NATO', 'the Rio Treaty'."""
    name = wording.label(org, "org_id")
    if not name.isascii():  # the Arabic edition's label: no English article in front of it
        return name
    return name if name in ("NATO", "ANZUS", "SEATO") else f"the {name}"


def summary_line(memberships: pd.DataFrame, as_of) -> str:
    """The one-line summary under the title, for the report's own date."""
    day = as_timestamp(as_of, "as_of").date()
    n = membership.count_as_of(memberships, "NATO", day)
    return (f"NATO had {n} members on {wording.day(day)}: how it grew, where its members came from, and what the "
            "data says about 'the largest and most stable bloc'.")


def held_pacts(n: int) -> str:
    """The one name 02 gives, in every finding and title, to the admitted pacts whose organisations the project
    holds (its lifetimes): "the 7 pacts whose organisations this project holds"."""
    return f"the {n} pacts whose organisations this project holds"


def census_pacts(n: int) -> str:
    """The one name 02 gives, in every finding and title, to all the pacts the rule admits from ATOP's census (its
    sizes and exit rates): "the 13 pacts the rule admits from ATOP's census"."""
    return f"the {n} pacts the rule admits from ATOP's census"
