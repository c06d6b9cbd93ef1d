"""Notebook 07: our obligation codes checked against ATOP 4.01's coding of the same texts (agreement and Cohen's
kappa), and the typology's robustness checks (ATOP's five-type mean, the institutions index with more items).

Plain DataFrames in, plain DataFrames out; the codebook and the intervals are :mod:`helpers.tables.typology`'s.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.tables.frames import need
from helpers.tables.typology import cell_values, codebook, typology_intervals

#: ATOP 4.01's columns for the five obligation types, by our dimension ids (Leeds et al. 2002).
ATOP_COLUMNS = {"collective_defence": "defense", "offence": "offense", "neutrality": "neutral",
                "non_aggression": "nonagg", "consultation": "consul"}


def atop_agreement(org_features: pd.DataFrame, census: pd.DataFrame) -> pd.DataFrame:
    """Our obligation codes beside ATOP's published coding of the same texts: one row per pact the census links to
    an organisation we code (``org_id``) and per obligation type, with our value from the founding text (the
    earliest coded period that is not unknown), ATOP's 0/1 and whether they agree. A pact or type we have not
    coded is left out rather than counted as a disagreement."""
    need(census, ("atopid", "org_id", *ATOP_COLUMNS.values()), "atop_agreement(census)")
    need(org_features, ("org_id", "dimension_id", "value", "valid_from"), "atop_agreement(org_features)")
    linked = census[census["org_id"].fillna("").astype(str).str.len() > 0]
    known = org_features[org_features["value"].isin(["yes", "no"])]
    rows = []
    for pact in linked.itertuples(index=False):
        own = known[known["org_id"] == pact.org_id].sort_values("valid_from", kind="mergesort")
        for dim, column in ATOP_COLUMNS.items():
            cells = own[own["dimension_id"] == dim]
            if cells.empty:
                continue
            ours = int(cells.iloc[0]["value"] == "yes")
            theirs = int(getattr(pact, column))
            rows.append({"org_id": pact.org_id, "atopid": int(pact.atopid), "dimension_id": dim,
                         "ours": ours, "atop": theirs, "agree": ours == theirs})
    return pd.DataFrame(rows, columns=["org_id", "atopid", "dimension_id", "ours", "atop", "agree"])


def cohen_kappa(ours: Iterable[int], theirs: Iterable[int]) -> float:
    """Cohen's kappa for two coders' 0/1 codes: agreement beyond what the coders' own base rates would give by
    chance. NaN when chance agreement is total (both coders give one value throughout)."""
    a, b = list(ours), list(theirs)
    if len(a) != len(b) or not a:
        raise ValueError("cohen_kappa: give two equally long, non-empty lists of codes")
    observed = sum(x == y for x, y in zip(a, b)) / len(a)
    p_a, p_b = sum(a) / len(a), sum(b) / len(b)
    chance = p_a * p_b + (1 - p_a) * (1 - p_b)
    return float("nan") if chance == 1 else (observed - chance) / (1 - chance)


def five_type_mean(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.Series:
    """The obligations measure this notebook no longer uses, for the robustness check: the equal-weight mean of
    ATOP's five types (defence and the four of the profile) on ``as_of``; NaN when any of them is not known."""
    book = codebook(dimensions)
    dims = list(ATOP_COLUMNS)
    out = {}
    for org in orgs:
        values = cell_values(org_features, book, org, as_of)
        known = [values[d] for d in dims if values[d] in book[d].scale]
        out[org] = sum(book[d].scaled(values[d]) for d in dims) / len(dims) if len(known) == len(dims) else float("nan")
    return pd.Series(out, name="five_type_mean", dtype=float)


def institutions_with(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                      extra: Iterable[str]) -> pd.DataFrame:
    """The institutions interval with ``extra`` described dimensions (e.g. standing forces, common budget) counted
    as scored: the robustness check of the index's choice of items."""
    widened = dimensions.copy()
    widened.loc[widened["dimension_id"].isin(list(extra)), "role"] = "scored"
    return typology_intervals(org_features, widened, orgs, as_of, axes=["institutionalization"])
