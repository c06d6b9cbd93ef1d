"""Notebooks 05 and 08: what a figure rests on and which claims the notebook weighs.

The sources of a capability figure (its measure first, then the membership records that form the blocs), and the
claims a notebook weighs — the ledger's rows whose evidence notebook is this one, a title that counts them, and a
title for a paragraph's scenarios that follows the ledger's ``voice`` column (a scenario the article gives to
someone else is never called the article's own).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers import membership
from helpers.tables.article import claims_for
from helpers.tables.balance import INDICATORS, reference_date


def evidence_claims(claims: pd.DataFrame, notebook: str) -> pd.DataFrame:
    """The ledger's claims whose evidence notebook is ``notebook``, in paragraph then claim order, with the
    columns a reader sees (``claims_for``'s, without the sources and the notebook)."""
    order = sorted(claims["paragraph"].unique(), key=lambda p: int(str(p)[1:]))
    out = claims_for(claims, order)
    out = out[out["evidence_notebook"].astype(str) == str(notebook)]
    return out.drop(columns=[c for c in ("evidence_notebook",) if c in out.columns]).reset_index(drop=True)


def cite(capabilities: pd.DataFrame, world_totals: pd.DataFrame, memberships: pd.DataFrame, orgs: Iterable[str],
         years: Iterable[int], indicators: Iterable[str] = INDICATORS, methods: Iterable[str] = (),
         states: Iterable[str] = ("RUS", "CHN", "USA")) -> dict[str, list[str]]:
    """``present.*`` arguments for a figure of 05: ``measure`` (the ``methods`` ids, then the sources of the
    ``indicators`` for ``years`` of the states counted and of the world totals) and ``sources`` (the records of
    the formal memberships of ``orgs`` running on 31 December of one of ``years``; other names are ignored).
    ``states`` are counted on their own (blocs of one). Unpack it: ``present.chart(..., **evidence.cite(...))``."""
    years = [int(y) for y in years]
    start, end = pd.to_datetime(memberships["start"]), pd.to_datetime(memberships["end"])
    running = pd.Series(False, index=memberships.index)
    for day in map(reference_date, years):
        running |= (start <= day) & (end.isna() | (end > day))
    spells = memberships[running & memberships["org_id"].isin(list(orgs))
                         & memberships["status"].isin(list(membership.FORMAL))]
    counted, indicators = set(spells["iso3"]) | set(states), list(indicators)
    caps = capabilities[capabilities["year"].astype("Int64").isin(years) & capabilities["indicator"].isin(indicators)
                        & capabilities["iso3"].isin(counted)]
    world = world_totals[world_totals["year"].astype("Int64").isin(years) & world_totals["indicator"].isin(indicators)]
    figures = [*methods, *caps["source_id"].dropna(), *world["source_id"].dropna()]
    return {"measure": list(dict.fromkeys(figures)), "sources": sorted(set(spells["source_id"].dropna()))}


def with_speakers(table: pd.DataFrame, claims: pd.DataFrame, likely_added: Iterable[str] = ()) -> pd.DataFrame:
    """``table`` (rows of :func:`evidence_claims`) with its ``voice`` as the claims ledger shows who says each claim
    (:func:`helpers.tables.claims_view.who_says`): "author (not compared with RT)" where RT's English could not be
    read, rather than "unknown"."""
    from helpers.tables.claims_view import who_says

    who = dict(zip(claims["claim_id"], who_says(claims, likely_added)))
    return table.assign(voice=table["claim_id"].map(who).fillna(table["voice"]))
