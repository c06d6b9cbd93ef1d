"""Notebook 07: our obligation codes checked against ATOP 4.01's coding of the same texts (agreement and Cohen's
kappa), and the typology's robustness checks (ATOP's five-type mean, the institutions index with more items).

Plain DataFrames in, plain DataFrames out; the codebook and the intervals are :mod:`helpers.tables.typology`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.frames import need
from helpers.tables.typology import cell_values, codebook, features_as_of, typology_intervals

#: ATOP 4.01's columns for the five obligation types, by our dimension ids (Leeds et al. 2002).
ATOP_COLUMNS = {"collective_defence": "defense", "offence": "offense", "neutrality": "neutral",
                "non_aggression": "nonagg", "consultation": "consul"}


#: ATOP texts that did not found the organisation they bear on but code obligations of it, each with the
#: organisation and the day from which our cells are compared (the text's signature or entry into force): the
#: Helsinki Final Act (the CSCE/OSCE), the 1996 Shanghai agreement (the Shanghai Five, not coded here) and the SCO
#: states' Treaty on Long-Term Good-Neighbourliness of 2007 (in force 2012, as org_features.csv dates it).
ATOP_TEXTS = {3740: ("OSCE", "1975-08-01"), 4810: ("SHANGHAI5", "1996-04-26"), 6020: ("SCO", "2012-10-31")}
COLUMNS = ["org_id", "atopid", "dimension_id", "ours", "atop", "agree"]


def _founding_rows(org_features: pd.DataFrame, census: pd.DataFrame) -> list[dict]:
    """Rows for the pacts the census links to an organisation: our earliest known code of each type."""
    linked = census[census["org_id"].fillna("").astype(str).str.len() > 0]
    known = org_features[org_features["value"].isin(["yes", "no"])]
    rows = []
    for pact in linked.itertuples(index=False):
        own = known[known["org_id"] == pact.org_id].sort_values("valid_from", kind="mergesort")
        for dim, column in ATOP_COLUMNS.items():
            cells = own[own["dimension_id"] == dim]
            if cells.empty:
                continue
            ours, theirs = int(cells.iloc[0]["value"] == "yes"), int(getattr(pact, column))
            rows.append(dict(zip(COLUMNS, (pact.org_id, int(pact.atopid), dim, ours, theirs, ours == theirs))))
    return rows


def _other_text_rows(org_features: pd.DataFrame, census: pd.DataFrame,
                     texts: Mapping[int, tuple[str, str]]) -> list[dict]:
    """Rows for the other ATOP texts: our cells in force on the text's day; an unknown or uncoded cell is shown
    (``ours`` missing) but not counted, so an ATOP code never fills a cell we have not read."""
    by_id = census.set_index(census["atopid"].astype(int))
    rows = []
    for atopid, (org, on) in texts.items():
        if atopid not in by_id.index:
            continue
        pact = by_id.loc[atopid]
        live = features_as_of(org_features[org_features["org_id"] == org], on).set_index("dimension_id")["value"]
        for dim, column in ATOP_COLUMNS.items():
            ours = {"yes": 1, "no": 0}.get(live.get(dim), pd.NA)
            theirs = int(pact[column])
            rows.append(dict(zip(COLUMNS, (org, int(atopid), dim, ours, theirs,
                                           pd.NA if pd.isna(ours) else ours == theirs))))
    return rows


def atop_agreement(org_features: pd.DataFrame, census: pd.DataFrame,
                   texts: Mapping[int, tuple[str, str]] | None = None) -> pd.DataFrame:
    """Our obligation codes beside ATOP's published coding: one row per text and obligation type. For a pact the
    census links to an organisation we code (``org_id``), our value from its founding text (the earliest coded
    period that is not unknown), a type we have not coded left out; for the other texts of :data:`ATOP_TEXTS`
    (or ``texts``), our cells in force on the text's day, shown even when unknown (``ours`` and ``agree``
    missing). Columns: org_id, atopid, dimension_id, ours, atop (0/1), agree."""
    need(census, ("atopid", "org_id", *ATOP_COLUMNS.values()), "atop_agreement(census)")
    need(org_features, ("org_id", "dimension_id", "value", "valid_from"), "atop_agreement(org_features)")
    rows = _founding_rows(org_features, census)
    rows += _other_text_rows(org_features, census, ATOP_TEXTS if texts is None else texts)
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype({"ours": "Int64", "atop": "int64", "agree": "boolean"})


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


def institutions_partial_as(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                            value: str) -> pd.DataFrame:
    """The institutions interval with every ``partial`` cell of a scored institutions dimension read as ``value``
    (``no`` or ``yes``): how much a ranking rests on cells coded half-way (the CSTO's integrated command)."""
    book = codebook(dimensions)
    scored = [d.dimension_id for d in book.values() if d.axis == "institutionalization" and d.role == "scored"]
    moved = org_features.copy()
    moved.loc[moved["dimension_id"].isin(scored) & (moved["value"] == "partial"), "value"] = value
    return typology_intervals(moved, dimensions, orgs, as_of, axes=["institutionalization"])
