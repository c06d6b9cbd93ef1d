"""Rules on ``organisations.csv``."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from helpers.load.rules.registry import Finding, View, fmt, rule


@rule("organisations")
def dates_not_before_founding(t: View) -> Iterator[Finding]:
    """in_force and dissolved are not before founded"""
    df = t.df
    for pos in range(len(df)):
        f = df.at[pos, "founded"]
        for col in ("in_force", "dissolved"):
            v = df.at[pos, col]
            if pd.notna(v) and pd.notna(f) and v < f:
                yield Finding(pos, col, f"{fmt(v)} is before founded {fmt(f)}")


@rule("organisations")
def predecessor_is_listed(t: View) -> Iterator[Finding]:
    """predecessor_id names an organisation in organisations.csv"""
    ids = set(t.df["org_id"])
    for pos, pred in enumerate(t.df["predecessor_id"]):
        if pd.notna(pred) and pred not in ids:
            yield Finding(pos, "predecessor_id", f"{pred!r} is not an org_id in this file")
