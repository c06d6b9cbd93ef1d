"""Notebook 07's headline: what the codebook's classifying criterion (the defence promise) says about the compared
organisations, and what the project's four-item institutions index adds — never more than the two measures hold.

The defence promise decides what is an alliance; the institutions index only orders organisations within that
verdict. A lead on the index is named as a lead on the index, and when it rests on a cell coded 'partly' (read as
yes, the lead becomes a tie) the headline names that cell.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.tables import typology as T
from helpers.tables.frames import need

PROMISE = "collective_defence"
INDEX = "our institutions index"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def promise_makers(cells: pd.DataFrame, orgs: list[str]) -> list[str]:
    """The organisations of ``orgs`` whose coded text makes the defence promise (value ``yes``)."""
    need(cells, ("org_id", "dimension_id", "value"), "promise_makers(cells)")
    yes = set(cells.loc[(cells["dimension_id"] == PROMISE) & (cells["value"] == "yes"), "org_id"])
    return [o for o in orgs if o in yes]


def partly_cells(cells: pd.DataFrame, dimensions: pd.DataFrame, orgs: list[str]) -> list[tuple[str, str]]:
    """``(org_id, dimension label)`` for every scored institutions cell of ``orgs`` coded ``partial``."""
    book = T.codebook(dimensions)
    scored = {d.dimension_id for d in book.values() if d.axis == "institutionalization" and d.role == "scored"}
    labels = dict(zip(dimensions["dimension_id"], dimensions["label"]))
    rows = cells[cells["org_id"].isin(orgs) & cells["dimension_id"].isin(scored) & (cells["value"] == "partial")]
    return [(o, labels[d][:1].lower() + labels[d][1:]) for o, d in zip(rows["org_id"], rows["dimension_id"])]


def _promise_part(yes: list[str], names: Mapping[str, str]) -> str:
    if not yes:
        return "none of them makes the defence promise that makes a defence alliance"
    if len(yes) == 1:
        return (f"of the organisations compared, only {names.get(yes[0], yes[0])} makes the defence promise that "
                "makes a defence alliance")
    both = "both" if len(yes) == 2 else "all"
    return f"{_join([names.get(o, o) for o in yes])} {both} make the defence promise that makes a defence alliance"


def _index_part(placed: pd.DataFrame, yes: list[str], partly: list[tuple[str, str]], ties_when_yes: bool,
                names: Mapping[str, str]) -> str:
    low, high = placed["institutionalization_low"].round(9), placed["institutionalization_high"].round(9)
    top = placed.loc[low == low.max(), "org_id"].tolist()
    rivals = [o for o, h in zip(placed["org_id"], high) if o not in top and h >= low.max()]
    who = _join([names.get(o, o) for o in top])
    verb = "leads" if len(top) == 1 else "lead"
    if rivals:
        return (f"{who} {verb} on {INDEX} on known cells, though unknown cells could lift "
                f"{_join([names.get(o, o) for o in rivals])} level")
    if len(yes) > 1 and set(top) < set(yes):
        if ties_when_yes and partly:
            cell = _join([f"{names.get(o, o)}'s {label}" for o, label in partly])
            return f"{who} {verb} only on {INDEX}, and only while {cell} is read as 'partly'"
        return f"{who} {verb} only on {INDEX}"
    return f"{'it also' if top == yes else who} {verb} on {INDEX}"


def alliance_finding(intervals: pd.DataFrame, cells: pd.DataFrame, dimensions: pd.DataFrame,
                     ties_when_yes: bool = False, names: Mapping[str, str] | None = None) -> str:
    """The headline: which organisations make the defence promise (the codebook's classifying criterion), then
    who leads on the four-item institutions index — 'only' when the promise-makers are equal on the promise, and
    naming the 'partly' cells when ``ties_when_yes`` (reading them as yes turns the lead into a tie)."""
    names = dict(names or {})
    axes = [f"{a}_low" for a in T.PLOT_AXES]
    placed = intervals.dropna(subset=axes)
    unplaced = [names.get(o, o) for o in intervals["org_id"] if o not in set(placed["org_id"])]
    tail = f"; {_join(unplaced)} cannot be placed on either axis" if unplaced else ""
    if placed.empty:
        return "Too few known features to place any of these organisations" + tail
    yes = promise_makers(cells, list(placed["org_id"]))
    top = placed.loc[placed["institutionalization_low"].round(9) == placed["institutionalization_low"].round(9)
                     .max(), "org_id"].tolist()
    partly = partly_cells(cells, dimensions, [o for o in yes if o not in top])
    index = _index_part(placed, yes, partly, ties_when_yes, names)
    return f"{_promise_part(yes, names)}{', and ' if index.startswith('it also') else '; '}{index}{tail}"


def alliance_title(intervals: pd.DataFrame, cells: pd.DataFrame, dimensions: pd.DataFrame,
                   ties_when_yes: bool = False, names: Mapping[str, str] | None = None) -> str:
    """:func:`alliance_finding` as a chart title (first letter capital), kept to two lines: when the index lead
    rests on one cell coded 'partly', the title says so in a few words (the glance and the reading below name the cell),
    and organisations that cannot be placed are left to the chart, which names them."""
    names = dict(names or {})
    text = alliance_finding(intervals, cells, dimensions, ties_when_yes, names)
    placed = intervals.dropna(subset=[f"{a}_low" for a in T.PLOT_AXES])
    yes = promise_makers(cells, list(placed["org_id"]))
    low = placed["institutionalization_low"].round(9)
    top = placed.loc[low == low.max(), "org_id"].tolist()
    partly = partly_cells(cells, dimensions, [o for o in yes if o not in top])
    if len(yes) == 2 and len(top) == 1 and len(partly) == 1 and "is read as 'partly'" in text:
        who = names.get(top[0], top[0])
        return (f"{_join([names.get(o, o) for o in yes])} both make an alliance's defence promise; {who}'s lead on "
                f"{INDEX} rests on one cell coded 'partly'")
    return text[:1].upper() + text[1:]
