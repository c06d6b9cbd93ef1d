"""Tables for notebook 07 (P15–P16): the codebook, the dated comparison of organisations, and the alliance /
framework typology as intervals.

The codebook is ``dimensions.csv``: each dimension sits on an axis (obligations, institutions, legal form, scope)
and is *scored* (it enters its axis score), *profile* (one of ATOP's other obligation types, shown beside the
defence promise and never averaged into it) or *described* (shown, never scored). Obligations follow ATOP's five
obligation types (Leeds et al. 2002), the defence promise alone classifying; the institutions index is our own four
items; legal form (legalization) is its own axis, and the decision rule is described, not scored.

Every coded feature in ``org_features.csv`` is dated (``valid_from`` <= d < ``valid_to``), so a table for a date
shows only what existed then. Scores are computed for one organisation at a time from its own cells: adding or
removing another organisation never changes them. An axis score is the mean of the scored dimensions' values,
each scaled to 0–1 by the dimension's own range; an unknown or not-yet-coded dimension is counted at its lowest
and at its highest value, which gives an interval instead of a guess.

Plain DataFrames in, plain DataFrames out; nothing here displays anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from helpers import coded_scales, wording
from helpers.membership import as_timestamp
from helpers.tables.frames import need
from helpers.wording import day

UNKNOWN = "unknown"
NOT_CODED = "not coded for this date"
NOT_RECORDED = "not recorded"
#: Axes that get a score, in display order; the typology chart uses the first two.
SCORED_AXES = ("obligation", "institutionalization", "legalization")
PLOT_AXES = ("obligation", "institutionalization")
EVIDENCE_LABELS = {"primary_text": "Treaty or document text", "official_page": "Organisation's or government's page",
                   "reference_work": "Reference work", "news_report": "News report",
                   "article": "The article studied", "official_statement": "Russian or Chinese official statement",
                   "none": "—"}
#: How the codebook's roles read in the "in the score" column.
ROLE_WORDS = {"scored": "yes", "profile": "profile", "described": "described"}
@dataclass(frozen=True)
class Dimension:
    dimension_id: str
    label: str
    axis: str
    axis_label: str
    role: str
    scale: tuple[str, ...]
    scores: Mapping[str, float]
    labels: Mapping[str, str]

    def scaled(self, value: str) -> float:
        """The value's score on 0–1: 0 for the dimension's lowest score, 1 for its highest."""
        lo, hi = min(self.scores.values()), max(self.scores.values())
        return (self.scores[value] - lo) / (hi - lo) if hi > lo else 0.0

    def lowest(self) -> str:
        return min(self.scale, key=lambda v: self.scores[v])

    def highest(self) -> str:
        return max(self.scale, key=lambda v: self.scores[v])


def short_names(organisations: pd.DataFrame) -> dict[str, str]:
    """org_id → the name a reader knows, in 07's tables and inside its sentences: its label in ``data/labels.csv``
    (07's own row, ``org_features``, where the general one starts a legend with a capital: "proposed Eurasian
    framework"; English, the page translates it), else the acronym id (NATO, OSCE), else the full name from
    organisations.csv."""
    out = {}
    for org, name in zip(organisations["org_id"], organisations["name"]):
        known = wording.label(org, "org_id", "org_features", lang="en")
        out[org] = known if known != org else (org if org.isalpha() and len(org) <= 5 else name)
    return out


def _pairs(text: str, *, dimension: str, column: str) -> list[tuple[str, str]]:
    out = []
    for key, rest in coded_scales.items(text):
        if rest is None:
            raise ValueError(f"dimensions.csv: dimension {dimension!r} has a bad {column} entry {key!r}; "
                             "write value=... pairs separated by ';', e.g. yes=1;no=0")
        out.append((key, rest))
    if not out:
        raise ValueError(f"dimensions.csv: dimension {dimension!r} has an empty {column}; write e.g. yes=1;no=0")
    return out


def parse_score_map(score_map: str, *, dimension: str = "?") -> dict[str, float]:
    """``"yes=1;no=0"`` → ``{"yes": 1.0, "no": 0.0}``; a malformed map is a clear error naming the dimension."""
    out = {}
    for key, num in _pairs(score_map, dimension=dimension, column="score_map"):
        out[key] = coded_scales.score(num)
        if out[key] is None:
            raise ValueError(f"dimensions.csv: dimension {dimension!r} has a bad score_map entry {key}={num!r}; "
                             "scores are numbers in decimal (1, 0.5, -1, 1e3), e.g. yes=1;no=0")
    return out


def codebook(dimensions: pd.DataFrame) -> dict[str, Dimension]:
    """The dimensions as :class:`Dimension` objects, in file order; every scale value needs a score and a label."""
    need(dimensions, ("dimension_id", "label", "axis", "axis_label", "role", "scale", "value_labels", "score_map"),
          "codebook(dimensions)")
    book = {}
    for d in dimensions.itertuples(index=False):
        scale = tuple(coded_scales.values(d.scale))
        scores = parse_score_map(d.score_map, dimension=d.dimension_id)
        labels = dict(_pairs(d.value_labels, dimension=d.dimension_id, column="value_labels"))
        for what, mapping in (("score_map", scores), ("value_labels", labels)):
            missing = [v for v in scale if v not in mapping]
            if missing:
                raise ValueError(f"dimensions.csv: dimension {d.dimension_id!r} has scale value(s) {missing} "
                                 f"missing from {what}; give every scale value an entry")
        book[d.dimension_id] = Dimension(d.dimension_id, d.label, d.axis, d.axis_label, d.role, scale, scores, labels)
    return book


def features_as_of(org_features: pd.DataFrame, as_of) -> pd.DataFrame:
    """The rows in force on ``as_of``: ``valid_from <= as_of < valid_to`` (``valid_to`` empty = still in force).

    Two rows for the same organisation and dimension in force on the same day are an error naming them."""
    need(org_features, ("org_id", "dimension_id", "value", "valid_from", "valid_to"), "features_as_of")
    cut = as_timestamp(as_of, "as_of")
    start = pd.to_datetime(org_features["valid_from"])
    end = pd.to_datetime(org_features["valid_to"])
    live = org_features[(start <= cut) & (end.isna() | (cut < end))]
    twice = live[live.duplicated(["org_id", "dimension_id"], keep=False)]
    if not twice.empty:
        pairs = sorted(set(zip(twice["org_id"], twice["dimension_id"])))
        raise ValueError(f"org_features.csv: more than one row in force on {cut.date()} for {pairs}; "
                         "make the valid_from/valid_to periods of a dimension follow one another")
    return live


def cell_values(org_features: pd.DataFrame, book: Mapping[str, Dimension], org: str, as_of) -> dict[str, str]:
    """dimension_id → the value in force on ``as_of``, ``unknown``, or :data:`NOT_CODED` (no row in force)."""
    own = org_features[org_features["org_id"] == org]
    live = features_as_of(own, as_of).set_index("dimension_id")["value"].to_dict()
    out = {}
    for dim_id, dim in book.items():
        value = live.get(dim_id, NOT_CODED)
        if value not in (UNKNOWN, NOT_CODED) and value not in dim.scale:
            raise ValueError(f"org_features.csv: {org} × {dim_id} has value {value!r}, not in the dimension's "
                             f"scale {list(dim.scale)} nor 'unknown'")
        out[dim_id] = value
    return out


def axis_scores(values: Mapping[str, str], book: Mapping[str, Dimension],
                axes: Iterable[str] = SCORED_AXES) -> dict[str, float]:
    """Score of each axis for a *complete* set of values (every scored dimension has a scale value): the mean of
    the scaled values of the axis's scored dimensions."""
    out = {}
    for axis in axes:
        dims = [d for d in book.values() if d.axis == axis and d.role == "scored"]
        if not dims:
            raise ValueError(f"the codebook has no scored dimension on axis {axis!r}")
        out[axis] = sum(d.scaled(values[d.dimension_id]) for d in dims) / len(dims)
    return out


def typology_intervals(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                       axes: Iterable[str] = SCORED_AXES) -> pd.DataFrame:
    """One row per organisation: for each axis the lowest and highest score its unknowns allow.

    ``<axis>_low`` fills every unknown or not-yet-coded scored dimension with its lowest value, ``<axis>_high``
    with its highest; ``<axis>_known`` / ``<axis>_unknown`` count the scored dimensions. An axis with no known
    dimension on ``as_of`` (nothing coded yet, or all unknown) is not placed: low and high are NaN. Each
    organisation is scored from its own cells only.
    """
    book = codebook(dimensions)
    axes = list(axes)
    rows = []
    for org in orgs:
        values = cell_values(org_features, book, org, as_of)
        low = {k: (book[k].lowest() if v in (UNKNOWN, NOT_CODED) else v) for k, v in values.items()}
        high = {k: (book[k].highest() if v in (UNKNOWN, NOT_CODED) else v) for k, v in values.items()}
        lo, hi = axis_scores(low, book, axes), axis_scores(high, book, axes)
        row: dict = {"org_id": org}
        for axis in axes:
            scored = [d for d in book.values() if d.axis == axis and d.role == "scored"]
            known = sum(values[d.dimension_id] not in (UNKNOWN, NOT_CODED) for d in scored)
            row[f"{axis}_low"] = lo[axis] if known else float("nan")
            row[f"{axis}_high"] = hi[axis] if known else float("nan")
            row[f"{axis}_known"] = known
            row[f"{axis}_unknown"] = len(scored) - known
        rows.append(row)
    return pd.DataFrame(rows)


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


def _span(low: float, high: float) -> str:
    if pd.isna(low):
        return "not placed"
    return f"{low:.2f}" if round(low, 9) == round(high, 9) else f"{low:.2f}–{high:.2f}"


def interval_table(intervals: pd.DataFrame, dimensions: pd.DataFrame,
                   names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Reader version of :func:`typology_intervals`: one row per organisation, each axis as a score or a range
    ("0.62–0.88"), and how many of the axis's scored dimensions are known."""
    book = codebook(dimensions)
    names = dict(names or {})
    axes = [a for a in SCORED_AXES if f"{a}_low" in intervals.columns]
    label = {d.axis: d.axis_label for d in book.values()}
    out = pd.DataFrame({"organisation": [names.get(o, o) for o in intervals["org_id"]]})
    for axis in axes:
        out[label[axis]] = [_span(lo, hi) for lo, hi in zip(intervals[f"{axis}_low"], intervals[f"{axis}_high"])]
        total = intervals[f"{axis}_known"] + intervals[f"{axis}_unknown"]
        out[f"{label[axis]}: known"] = [f"{k} of {n}" for k, n in zip(intervals[f"{axis}_known"], total)]
    return out


def org_overview(organisations: pd.DataFrame, member_counts: Mapping[str, int], orgs: Iterable[str],
                 as_of) -> pd.DataFrame:
    """One row per org: name, kind, founded, whether it existed on ``as_of`` and its formal member count then.

    An org founded after ``as_of`` (e.g. the SCO on 1991-12-31), dissolved before it, or only proposed reads
    ``did not exist yet (founded 15 Jun 2001)`` / ``proposed`` (or ``not yet proposed``) with no count, so a zero is
    never mistaken for an empty organisation. A bilateral treaty reads ``bilateral treaty in force`` (or signed, not
    yet in force) with no member count.
    """
    cut = as_timestamp(as_of, "as_of")
    idx = organisations.set_index("org_id")
    rows = []
    for org in orgs:
        if org not in idx.index:
            raise ValueError(f"org_overview: organisation {org!r} is not in organisations.csv; allowed: "
                             f"{', '.join(idx.index)}")
        r = idx.loc[org]
        founded, ended = pd.to_datetime(r.get("founded")), pd.to_datetime(r.get("dissolved"))
        in_force = pd.to_datetime(r.get("in_force")) if "in_force" in idx.columns else pd.NaT
        count = pd.NA
        if r.get("status") == "proposed" or pd.isna(founded):
            state = (f"not yet proposed (proposed {day(founded.date())})" if pd.notna(founded) and founded > cut
                     else "proposed, no members")
        elif founded > cut:
            state = f"did not exist yet (founded {day(founded.date())})"
        elif pd.notna(ended) and ended <= cut:
            state = f"dissolved ({day(ended.date())})"
        elif r.get("kind") == "bilateral_treaty":
            state = ("bilateral treaty in force" if pd.isna(in_force) or in_force <= cut
                     else f"signed, in force from {day(in_force.date())}")
        else:
            state, count = "existed", int(member_counts.get(org, 0))
        rows.append({"org_id": org, "organisation": r.get("name"),
                     "kind": wording.label(r.get("kind"), "kind", "organisations"), "founded": founded,
                     f"on {day(cut.date())}": state, "formal members": count})
    out = pd.DataFrame(rows)
    out["formal members"] = out["formal members"].astype("Int64")
    return out


def obligation_profile(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of,
                       names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per organisation on ``as_of``: the defence promise that classifies it (``class``: alliance, not an
    alliance, or unknown) and, beside it, the other obligation types of the profile, each as its reader label,
    ``unknown`` or ``not coded for this date``. Nothing is averaged."""
    book = codebook(dimensions)
    names = dict(names or {})
    obligations = [d for d in book.values() if d.axis == "obligation" and d.role in ("scored", "profile")]
    rows = []
    for org in orgs:
        values = cell_values(org_features, book, org, as_of)
        defence = values.get("collective_defence", NOT_CODED)
        kind = {"yes": "alliance", "no": "not an alliance"}.get(defence, "unknown")
        row = {"organisation": names.get(org, org), "class": kind}
        row.update({d.label: _label(book, d.dimension_id, values[d.dimension_id]) for d in obligations})
        rows.append(row)
    return pd.DataFrame(rows)
