"""Frames for notebook 07 (P15–P16): the codebook, the coded cells in force on a date, and the alliance /
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

Plain DataFrames in, plain DataFrames out; nothing here displays anything. The tables a reader reads are
:mod:`helpers.tables.typology_view`'s, the sentences and reader words :mod:`helpers.tables.typology_words`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from helpers import coded_scales
from helpers.membership import as_timestamp
from helpers.tables.frames import need

UNKNOWN = "unknown"
NOT_CODED = "not coded for this date"
NOT_RECORDED = "not recorded"
#: Axes that get a score, in display order; the typology chart uses the first two.
SCORED_AXES = ("obligation", "institutionalization", "legalization")
PLOT_AXES = ("obligation", "institutionalization")


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


def later_evidence(row: pd.Series, as_of) -> int | None:
    """The year of a cell's evidence when the text it quotes is dated after ``as_of`` (a dated report shown a later
    structure as a fact of its date); None when the evidence is on or before it, or undated."""
    when = pd.to_datetime(row.get("evidence_date"), errors="coerce")
    if as_of is None or pd.isna(when) or when <= pd.Timestamp(as_of):
        return None
    return int(when.year)
