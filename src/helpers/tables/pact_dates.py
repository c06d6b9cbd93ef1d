"""Notebook 02: when a pact's member-years begin — NATO's members counted from the day their accession took effect
(``memberships.csv``, the page's rule) instead of ATOP's day, the signature of an accession protocol, and a pact
counted from its treaty's entry into force instead of its signature.

Plain DataFrames in, plain DataFrames out; the sentences about them are :mod:`helpers.tables.pact_rates_words`'s."""

from __future__ import annotations

import pandas as pd

from helpers import membership
from helpers.tables.pact_census import CENSUS_THROUGH, FOCUS


def _entries(spells: pd.DataFrame) -> pd.DataFrame:
    """A pact's spells that begin a membership: not one that starts the day another of its spells ends (a state
    continuing under a new code, such as united Germany on 3 Oct 1990)."""
    return spells[~spells["start"].isin(set(spells["end"].dropna()))]


def accession_dated(spells: pd.DataFrame, memberships: pd.DataFrame, cases: pd.DataFrame,
                    org: str = FOCUS) -> pd.DataFrame:
    """``spells`` (ATOP's, ``pact_spells.csv``) with the entries of pact ``org`` dated as ``memberships.csv`` dates
    them: the day each accession took effect, not the signature of its accession protocol, which is ATOP's day for a
    state that joined after signature (Montenegro: 19 May 2016 in ATOP, 5 Jun 2017 here).

    ATOP's files give Correlates of War codes, the project's ISO codes, so the two are matched by group: the k-th
    day on which ATOP starts members of the pact is the k-th day on which ``memberships.csv`` starts members of
    ``org`` (a founder's day is the same in both), and each pair of days must start the same number of states, else
    ``ValueError`` names both days. A spell continuing a state under a new code keeps its day. Without ``org``
    among ``cases``, ``spells`` unchanged."""
    ids = cases.loc[cases["org_id"] == org, "atopid"]
    if ids.empty:
        return spells
    mine = spells[spells["atopid"] == ids.iloc[0]]
    entries = _entries(mine)
    atop = entries.groupby("start").size().sort_index()
    own = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    own = own.groupby("iso3")["start"].min().value_counts().sort_index()
    if len(own) < len(atop):
        raise ValueError(f"memberships.csv: {org} has {len(own)} days of entry, ATOP's spells {len(atop)}; "
                         "each of ATOP's days needs its day of entry in memberships.csv")
    for (day, n), (ours, m) in zip(atop.items(), own.items()):
        if n != m:
            raise ValueError(f"memberships.csv: {org} starts {m} members on {ours.date()}, ATOP's spells {n} on "
                             f"{day.date()}; the accession groups must match one to one")
    moved = dict(zip(atop.index, own.index[: len(atop)]))
    out = spells.copy()
    out.loc[entries.index, "start"] = entries["start"].map(moved)
    return out


def counted_from(cases: pd.DataFrame, spells: pd.DataFrame, org: str, day) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``cases`` and ``spells`` with pact ``org`` counted from ``day`` (its treaty's entry into force): its
    signature and every spell start before ``day`` move to ``day``, and a spell that ended before it drops out, so
    its member-years, exits and window begin there. Unchanged when ``org`` is not among ``cases`` or when ``day``
    is not after its signature."""
    day = pd.Timestamp(day)
    hit = cases["org_id"] == org
    if not hit.any() or day <= cases.loc[hit, "signed"].iloc[0]:
        return cases, spells
    atopid = cases.loc[hit, "atopid"].iloc[0]
    moved = cases.copy()
    moved.loc[hit, "signed"] = day
    mine = spells["atopid"] == atopid
    kept = spells[~mine | spells["end"].isna() | (spells["end"] > day)].copy()
    inside = kept["atopid"] == atopid
    kept.loc[inside, "start"] = kept.loc[inside, "start"].clip(lower=day)
    return moved, kept


def counted_early(spells: pd.DataFrame, memberships: pd.DataFrame, cases: pd.DataFrame, states: pd.DataFrame, as_of,
                  org: str = FOCUS, *, through=CENSUS_THROUGH) -> pd.DataFrame:
    """The members of ``org`` that ATOP's spells count on the earlier of ``as_of`` and ``through`` (ATOP's last day
    read, as :func:`helpers.tables.pact_census.members_at`) and ``memberships.csv`` does not yet (on 31 Dec 2016:
    Montenegro, whose accession protocol was signed on 19 May 2016 and took effect on 5 Jun 2017). Columns:
    ``iso3``, ``name`` (``states.csv``), ``protocol`` (ATOP's day), ``took_effect`` (the page's day); by day."""
    day = min(pd.Timestamp(as_of), pd.Timestamp(through))
    moved = accession_dated(spells, memberships, cases, org)
    ids = cases.loc[cases["org_id"] == org, "atopid"]
    cols = ["iso3", "name", "protocol", "took_effect"]
    if ids.empty:
        return pd.DataFrame(columns=cols)
    mine = spells["atopid"] == ids.iloc[0]
    pairs = sorted({(a, b) for a, b in zip(spells.loc[mine, "start"], moved.loc[mine, "start"]) if a <= day < b})
    own = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    first = own.groupby("iso3")["start"].min()
    names = dict(zip(states["iso3"], states["name"]))
    rows = [(iso, names.get(iso, iso), a, b) for a, b in pairs for iso in sorted(first.index[first == b])]
    return pd.DataFrame(rows, columns=cols)
