"""Notebook 07 (P15–P16): the tables a reader reads — the codebook, the comparison of organisations on a date
with its audit trail, the scores as ranges and the obligation profile — built from the frames of
:mod:`helpers.tables.typology`.

Cells hold the codebook's reader labels and the words of :mod:`helpers.tables.typology_words`; plain DataFrames
in, plain DataFrames out; nothing here displays anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import wording
from helpers.tables.typology import NOT_CODED, NOT_RECORDED, SCORED_AXES, UNKNOWN, Dimension, cell_values, codebook
from helpers.tables.typology_words import EVIDENCE_LABELS, ROLE_WORDS

#: Organisations known by another name before a date: the OSCE was the CSCE until 1 January 1995 (the OSCE row's
#: note in ``organisations.csv``, from the Kremlin's OSCE glossary entry).
FORMER_NAMES = {"OSCE": ("CSCE", "1995-01-01")}


def former_names(as_of) -> dict[str, str]:
    """org_id → the name it bore on ``as_of`` where that differs from today's (``{"OSCE": "CSCE"}`` in 1991)."""
    when = pd.Timestamp(as_of) if as_of is not None else None
    return {org: old for org, (old, until) in FORMER_NAMES.items() if when is not None and when < pd.Timestamp(until)}


def short_names(organisations: pd.DataFrame, as_of=None) -> dict[str, str]:
    """org_id → the name a reader knows, in 07's tables and inside its sentences: its label in ``data/labels.csv``
    (07's own row, ``org_features``, where the general one starts a legend with a capital: "proposed Eurasian
    framework"; English, the page translates it), else the acronym id (NATO, OSCE), else the full name from
    organisations.csv; with ``as_of``, the name it bore then (:func:`former_names`: the CSCE in 1991)."""
    out = {}
    for org, name in zip(organisations["org_id"], organisations["name"]):
        known = wording.label(org, "org_id", "org_features", lang="en")
        out[org] = known if known != org else (org if org.isalpha() and len(org) <= 5 else name)
    return {**out, **former_names(as_of)}


def _label(book: Mapping[str, Dimension], dim_id: str, value: str) -> str:
    if value in (UNKNOWN, NOT_CODED, NOT_RECORDED):
        return value
    return book[dim_id].labels[value]


def feature_table(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                  names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The comparison on ``as_of``: one row per dimension (codebook order) with its group and whether it is
    scored, one column per organisation (reader name), cell = the value's reader label, ``unknown``,
    ``not coded for this date`` (the organisation's rows start later or have ended), or ``not recorded``."""
    book = codebook(dimensions)
    names = dict(names or {})
    table = pd.DataFrame({"group": [d.axis_label for d in book.values()],
                          "dimension": [d.label for d in book.values()],
                          "in the score": [ROLE_WORDS.get(d.role, d.role) for d in book.values()]})
    for org in orgs:
        values = cell_values(org_features, book, org, as_of)
        has_rows = set(org_features.loc[org_features["org_id"] == org, "dimension_id"])
        table[names.get(org, org)] = [_label(book, k, v if (k in has_rows or v != NOT_CODED) else NOT_RECORDED)
                                      for k, v in values.items()]
    return table


def comparison_counts(table: pd.DataFrame, org_columns: Iterable[str]) -> dict[str, int]:
    """How many cells of ``feature_table``'s organisation columns are known, unknown or not coded."""
    cells = table[list(org_columns)].to_numpy().ravel().tolist()
    unknown = sum(c == UNKNOWN for c in cells)
    missing = sum(c in (NOT_CODED, NOT_RECORDED) for c in cells)
    return {"cells": len(cells), "unknown": unknown, "not coded": missing, "known": len(cells) - unknown - missing}


def feature_details(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str],
                    names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every coded cell (all periods) of the given organisations with its dates, evidence, locator, quote,
    detail, note and source: the audit trail behind the comparison."""
    book = codebook(dimensions)
    names = dict(names or {})
    orgs = list(orgs)
    sub = org_features[org_features["org_id"].isin(orgs)]
    order_d = {d: i for i, d in enumerate(book)}
    order_o = {o: i for i, o in enumerate(orgs)}
    sub = sub.assign(_o=sub["org_id"].map(order_o), _d=sub["dimension_id"].map(order_d))
    sub = sub.sort_values(["_o", "_d", "valid_from"], kind="mergesort")
    return pd.DataFrame({
        "organisation": [names.get(o, o) for o in sub["org_id"]],
        "dimension": [book[d].label for d in sub["dimension_id"]],
        "value": [_label(book, d, v) for d, v in zip(sub["dimension_id"], sub["value"])],
        "from": pd.to_datetime(sub["valid_from"]).to_numpy(),
        "until": pd.to_datetime(sub["valid_to"]).to_numpy(),
        "evidence": [EVIDENCE_LABELS[e] for e in sub["evidence"]],
        "evidence_date": pd.to_datetime(sub["evidence_date"]).to_numpy(),
        "where": sub["locator"].fillna("").to_numpy(),
        "quote": sub["quote"].fillna("").to_numpy(),
        "detail": sub["detail"].fillna("").to_numpy(),
        "note": sub["note"].fillna("").to_numpy(),
        "source_id": sub["source_id"].to_numpy(),
    })


def codebook_table(dimensions: pd.DataFrame) -> pd.DataFrame:
    """The codebook for readers: group, dimension, scored or described, the values, and what it measures."""
    book = codebook(dimensions)
    desc = dimensions.set_index("dimension_id")["description"]
    return pd.DataFrame({
        "group": [d.axis_label for d in book.values()],
        "dimension": [d.label for d in book.values()],
        "in the score": [ROLE_WORDS.get(d.role, d.role) for d in book.values()],
        "values": [" / ".join(d.labels[v] for v in d.scale) for d in book.values()],
        "what it records": [desc[k] for k in book],
        "source_id": dimensions["source_id"].to_numpy(),
    })


def score_span(low: float, high: float) -> str:
    """A score as a reader reads it: "0.62", a range "0.62–0.88" its unknowns allow, or "not placed"."""
    if pd.isna(low):
        return "not placed"
    return f"{low:.2f}" if round(low, 9) == round(high, 9) else f"{low:.2f}–{high:.2f}"


def interval_table(intervals: pd.DataFrame, dimensions: pd.DataFrame,
                   names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Reader version of :func:`helpers.tables.typology.typology_intervals`: one row per organisation, each axis as
    a score or a range ("0.62–0.88"), and how many of the axis's scored dimensions are known."""
    book = codebook(dimensions)
    names = dict(names or {})
    axes = [a for a in SCORED_AXES if f"{a}_low" in intervals.columns]
    label = {d.axis: d.axis_label for d in book.values()}
    out = pd.DataFrame({"organisation": [names.get(o, o) for o in intervals["org_id"]]})
    for axis in axes:
        out[label[axis]] = [score_span(lo, hi) for lo, hi in zip(intervals[f"{axis}_low"], intervals[f"{axis}_high"])]
        total = intervals[f"{axis}_known"] + intervals[f"{axis}_unknown"]
        out[f"{label[axis]}: known"] = [f"{k} of {n}" for k, n in zip(intervals[f"{axis}_known"], total)]
    return out


def obligation_profile(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                       names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per organisation on ``as_of``: the defence promise that classifies it (``class``: defence alliance,
    not a defence alliance, or unknown) and, beside it, the other obligation types of the profile, each as its reader
    label, ``unknown`` or ``not coded for this date``. Nothing is averaged."""
    book = codebook(dimensions)
    names = dict(names or {})
    obligations = [d for d in book.values() if d.axis == "obligation" and d.role in ("scored", "profile")]
    rows = []
    for org in orgs:
        values = cell_values(org_features, book, org, as_of)
        defence = values.get("collective_defence", NOT_CODED)
        kind = {"yes": "defence alliance", "no": "not a defence alliance"}.get(defence, "unknown")
        row = {"organisation": names.get(org, org), "class": kind}
        row.update({d.label: _label(book, d.dimension_id, values[d.dimension_id]) for d in obligations})
        rows.append(row)
    return pd.DataFrame(rows)
