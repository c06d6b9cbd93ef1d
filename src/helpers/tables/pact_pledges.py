"""Notebook 02: agreements whose defence pledge entered their text after signature (``pledge_from``, pact_census.csv).

ATOP's alliance-level ``defense`` code is 1 when any phase of an agreement carries the pledge, and the census dates
every agreement from its signature, so an agreement whose pledge came with a later text (the Treaty on European
Union: Article 42(7) came with the Treaty of Lisbon, in force 1 December 2009) counts as a defence pact for years
in which its text held no pledge. Until ATOP's phase-level codes are read, notebook 02 names these agreements and
reruns its checks without them."""

from __future__ import annotations

import pandas as pd

from helpers.tables.frames import need


def later_pledges(census: pd.DataFrame) -> pd.DataFrame:
    """The agreements of ``census`` whose pledge took effect after signature: ``atopid``, ``signed``,
    ``pledge_from``, ``pledge_source_id``, by ``atopid``. Empty when the census has no ``pledge_from`` column."""
    cols = ["atopid", "signed", "pledge_from", "pledge_source_id"]
    if "pledge_from" not in census:
        return pd.DataFrame(columns=cols)
    need(census, ("atopid", "signed"), "later_pledges(census)")
    later = census[census["pledge_from"].notna() & (pd.to_datetime(census["pledge_from"]) >
                                                     pd.to_datetime(census["signed"]))]
    return later[cols].sort_values("atopid").reset_index(drop=True)


def from_pledge(cases: pd.DataFrame, later: pd.DataFrame, as_of) -> pd.DataFrame:
    """``cases`` with each agreement of :func:`later_pledges` dated from its ``pledge_from`` instead of its
    signature, so its member-years and exits start when its text held the pledge; an agreement whose pledge took
    effect after ``as_of`` is refused (``admitted`` False). The rest unchanged."""
    out = cases.copy()
    starts = later.set_index("atopid")["pledge_from"].map(pd.Timestamp)
    hit = out["atopid"].isin(starts.index)
    out.loc[hit, "signed"] = out.loc[hit, "atopid"].map(starts)
    out.loc[hit & (out["signed"] > pd.Timestamp(as_of)), "admitted"] = False
    return out


def counted_before(sizes: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`helpers.tables.pact_census.members_at` (``sizes``) whose pact is counted on its ``day``
    although the text holding its pledge took effect only later: the pacts to leave out of "largest" that day."""
    starts = later.set_index("atopid")["pledge_from"].map(pd.Timestamp)
    when = sizes["atopid"].map(starts)
    return sizes[when.notna() & (when > sizes["day"])]
