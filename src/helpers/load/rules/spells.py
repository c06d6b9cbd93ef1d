"""Rules on membership spells (``memberships.csv``)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from helpers.load.rules.registry import Finding, View, fmt, rule


@rule("memberships")
def spell_ends_after_it_starts(t: View) -> Iterator[Finding]:
    """a spell must end after it starts"""
    df = t.df
    for pos in range(len(df)):
        s, e = df.at[pos, "start"], df.at[pos, "end"]
        if pd.notna(e) and e <= s:
            yield Finding(pos, "end", f"{fmt(e)} is the same day as start" if e == s
                          else f"{fmt(e)} is before start {fmt(s)}")


@rule("memberships")
def one_status_at_a_time(t: View) -> Iterator[Finding]:
    """a state has at most one status per organisation at any date"""
    df = t.df
    prev = None  # ((org, iso3), position, end) of the spell reaching furthest so far
    for pos in df.sort_values(["org_id", "iso3", "start"], kind="stable").index:
        org, iso, s, e = df.at[pos, "org_id"], df.at[pos, "iso3"], df.at[pos, "start"], df.at[pos, "end"]
        if prev is not None and prev[0] == (org, iso):
            p_pos, p_end = prev[1], prev[2]
            if pd.isna(p_end) or s < p_end:
                p_to = "open" if pd.isna(p_end) else fmt(p_end)
                yield Finding(pos, "start", f"{org} {iso} spell from {fmt(s)} overlaps the spell on row "
                              f"{t.rows[p_pos]} ({fmt(df.at[p_pos, 'start'])} to {p_to})")
        if prev is None or prev[0] != (org, iso) or pd.isna(e) or (pd.notna(prev[2]) and e > prev[2]):
            prev = ((org, iso), pos, e)
