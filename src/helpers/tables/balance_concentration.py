"""Notebook 05 (P10–P11): how concentrated each bloc is on each indicator — the largest member's share, the
leader's lead over the runner-up and the effective number of members (1 / Herfindahl–Hirschman index).

Plain DataFrames in, plain DataFrames out; the blocs and the yearly values are :mod:`helpers.tables.balance`'s,
the reader's table :mod:`helpers.tables.balance_view`'s.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.balance import INDICATORS, year_values
from helpers.tables.frames import need


def _concentration_row(bloc: str, indicator: str, members: list[str], vals: pd.Series, exhaustive: bool) -> dict:
    have = vals.reindex([m for m in members if m in vals.index])
    if exhaustive:
        have = vals.reindex(members).fillna(0.0)
    row = {"bloc": bloc, "indicator": indicator, "members": len(members), "reported": int(len(have)),
           "complete": bool(members) and len(have) == len(members)}
    total = float(have.sum())
    if have.empty or total <= 0:
        return {**row, "largest": "", "largest_share": math.nan, "runner_up": "", "runner_up_share": math.nan,
                "leader_ratio": math.nan, "hhi": math.nan, "effective_members": math.nan}
    shares = (have / total).sort_values(ascending=False, kind="mergesort")
    second = float(shares.iloc[1]) if len(shares) > 1 else math.nan
    hhi = float((shares ** 2).sum())
    return {**row, "largest": str(shares.index[0]), "largest_share": float(shares.iloc[0]),
            "runner_up": str(shares.index[1]) if second > 0 else "", "runner_up_share": second,
            "leader_ratio": float(shares.iloc[0]) / second if second > 0 else math.nan,
            "hhi": hhi, "effective_members": 1.0 / hhi}


def concentration(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                  indicator: str = "milex_usd_const") -> pd.DataFrame:
    """How concentrated each bloc is on one indicator, three ways.

    ``largest_share`` (the top member's share of the reported total), ``leader_ratio`` (top member over the
    runner-up; NaN when there is no runner-up or it holds none) and ``effective_members`` (1 / the
    Herfindahl–Hirschman index, the sum of squared shares: n equal members give n, one dominant member gives
    close to 1). The index alone mixes how many members there are with how unequal they are; the effective
    number reads it back as a count. For warheads, members absent from the inventory hold a share of zero.
    """
    need(capabilities, ("iso3", "year", "indicator", "value"), "concentration(capabilities)")
    vals, exhaustive = year_values(capabilities, year, indicator)
    rows = [_concentration_row(b, indicator, sorted(dict.fromkeys(m)), vals, exhaustive) for b, m in blocs.items()]
    return pd.DataFrame(rows, columns=["bloc", "indicator", "members", "reported", "complete", "largest",
                                       "largest_share", "runner_up", "runner_up_share", "leader_ratio", "hhi",
                                       "effective_members"])


def concentration_table(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                        indicators: Iterable[str] = INDICATORS) -> pd.DataFrame:
    """:func:`concentration` for every indicator, stacked (indicator order as given, then bloc order)."""
    return pd.concat([concentration(capabilities, blocs, year, ind) for ind in indicators], ignore_index=True)
