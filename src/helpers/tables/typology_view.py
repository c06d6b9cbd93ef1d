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
#: note in ``organisations.csv``, from the Kremlin's OSCE glossary entry); the CSTO was the Collective Security
#: Treaty (CST) until its Charter entered into force on 18 September 2003 (``events.csv``,
#: ``csto-charter-in-force-2003``; the Charter was signed on 7 October 2002, ``csto-charter-2002``).
FORMER_NAMES = {"OSCE": ("CSCE", "1995-01-01"), "CSTO": ("CST", "2003-09-18")}



def _former_full(short: str) -> str:
    """The former name in full, as the overview table gives it (``former_name`` in ``data/labels.csv``, with the year
    of the founding text): "Collective Security Treaty (CST, 1992)" for CST."""
    return wording.label(short, "former_name", "organisations", lang="en")


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


def named_on(overview: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.DataFrame:
    """The overview table (``typology_words.organisation_table``, one row per org of ``orgs``) with each
    organisation named in full as it was on ``as_of`` (:func:`_former_full`): on 15 June 2001 the Collective Security
    Treaty (CST, 1992), not the CSTO, which its Charter created on 18 September 2003."""
    former = former_names(as_of)
    full = [_former_full(former[o]) if o in former else name
            for o, name in zip(orgs, overview["organisation"])]
    return overview.assign(organisation=full)


#: The act that gave an organisation its present name, where it was a founding text signed before it took effect.
RENAMING_ACTS = {"CSTO": "2002-10-07"}  # the CSTO Charter, signed in Chisinau (events.csv, csto-charter-2002)
#: The pages that date each renaming (sources.csv).
RENAMING_SOURCES = {"OSCE": ("kremlin-glossary-osce",),
                    "CSTO": ("kremlin-csto-charter", "odkb-gov-basic-facts", "zakonpravo-kz-csto-charter-ratification")}


def renaming_sources(orgs: Iterable[str], as_of) -> list[str]:
    """The source ids that date each former name in use on ``as_of``."""
    former = former_names(as_of)
    return [sid for org in orgs if org in former for sid in RENAMING_SOURCES.get(org, ())]


def renaming_note(organisations: pd.DataFrame, orgs: Iterable[str], as_of) -> str:
    """The overview's sentence on each organisation that existed on ``as_of`` under another name; empty when none
    did: "On 15 Jun 2001, the Collective Security Treaty (CST, 1992) was not yet the CSTO: that name dates from 18
    Sep 2003, when the Charter signed on 7 Oct 2002 entered into force." The first screen and the overview's
    caption both give it, so the short name (CST) is explained where it is first read."""
    former, out = former_names(as_of), []
    founded = pd.to_datetime(organisations.set_index("org_id")["founded"])
    for org in orgs:
        if org not in former or not founded.get(org, pd.NaT) <= pd.Timestamp(as_of):
            continue
        line = (f"On {wording.day(pd.Timestamp(as_of).date())}, the {_former_full(former[org])} was "
                f"not yet the {org}: that name dates from {wording.day(FORMER_NAMES[org][1])}")
        if org in RENAMING_ACTS:
            line += f", when the Charter signed on {wording.day(RENAMING_ACTS[org])} entered into force"
        out.append(line + ".")
    return " ".join(out)


def with_renaming(findings: list[str], note: str, most: int = 4) -> list[str]:
    """The first screen's findings with :func:`renaming_note` first: its own finding while the box holds at most
    ``most``, else the opening sentence of the first one, so no date's first screen overflows."""
    if not note:
        return list(findings)
    if len(findings) < most:
        return [note, *findings]
    return [f"{note} {findings[0]}", *findings[1:]]


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
                    names: Mapping[str, str] | None = None, as_of=None) -> pd.DataFrame:
    """Every coded cell of the given organisations with its dates, evidence, locator, quote, detail, note and
    source: the audit trail behind the comparison. With ``as_of``, only the cells that had begun by that day (earlier
    periods included), so a page dated 2001 shows no cell that begins in 2003 or later."""
    book = codebook(dimensions)
    names = dict(names or {})
    orgs = list(orgs)
    sub = org_features[org_features["org_id"].isin(orgs)]
    if as_of is not None:
        sub = sub[pd.to_datetime(sub["valid_from"]) <= pd.Timestamp(as_of)]
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
