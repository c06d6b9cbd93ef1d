"""Notebook 08: the states on both sides counted against each denominator and by the grade of their weaker tie.

Frames from :func:`helpers.tables.sco_states.tie_matrix` in, plain DataFrames out; the sentences a reader reads
about them are built in :mod:`helpers.tables.alignment_denominators_words`."""

from __future__ import annotations

import pandas as pd

from helpers.membership import as_timestamp, status_matrix
from helpers.tables.sco_states import GRADE_RANK, GRADES, ORGS, tie_matrix


def denominators(matrix: pd.DataFrame) -> pd.DataFrame:
    """The states on both sides as a share of three denominators, all among the states between the poles: every
    one of them, those with any Eurasian tie (CSTO or SCO), and those with any Western tie (NATO or one of its
    partnerships). Columns: ``denominator``, ``states``, ``both_sides``, ``share`` (percent, one decimal)."""
    between = matrix[~matrix["pole"]]
    pools = [("every state between the poles (OSCE participating states and SCO states)", between),
             ("states between the poles with any Eurasian tie (CSTO or SCO)", between[between["eurasian"] != ""]),
             ("states between the poles with any Western tie (NATO or a NATO partnership)",
              between[between["western"] != ""])]
    rows = [{"denominator": name, "states": len(pool), "both_sides": int(pool["both_sides"].sum()),
             "share": round(100 * pool["both_sides"].sum() / len(pool), 1) if len(pool) else float("nan")}
            for name, pool in pools]
    return pd.DataFrame(rows, columns=["denominator", "states", "both_sides", "share"])


def by_grade(matrix: pd.DataFrame) -> pd.DataFrame:
    """How many states between the poles hold a tie of at least each grade on both sides (the weaker of their two
    sides decides). Columns: ``grade`` (strongest first), ``states``."""
    between = matrix[~matrix["pole"]]
    weaker = [min(GRADE_RANK[w], GRADE_RANK[e]) if w and e else 0
              for w, e in zip(between["western"], between["eurasian"])]
    rows = [{"grade": f"{g} or stronger on both sides", "states": sum(r >= GRADE_RANK[g] for r in weaker)}
            for g in GRADES]
    return pd.DataFrame(rows, columns=["grade", "states"])


#: States whose tie on one side is counted as listed although it may be dormant: NATO's current page lists
#: Afghanistan as a partner across the globe with a footnote, and whether any cooperation continued after August
#: 2021 was not verified (the note of its PAG spell in memberships.csv).
UNCERTAIN_TIES = ("AFG",)


#: How a spell dated by the page that documents it, not by the act that began it, is marked: its note starts so
#: (data/README.md). Before that date the tie is unknown, not absent.
DOCUMENTED = "Documented by"


def documented_later(memberships: pd.DataFrame, as_of) -> pd.DataFrame:
    """The spells marked :data:`DOCUMENTED` that start after ``as_of``: ties that may already have run on that date
    although the earliest page that documents them is later."""
    marked = documented_marked(memberships)
    return marked[pd.to_datetime(marked["start"]) > as_timestamp(as_of, "as_of")]


def documented_marked(memberships: pd.DataFrame) -> pd.DataFrame:
    """Every spell marked :data:`DOCUMENTED`, whatever its start."""
    return memberships[memberships["note"].fillna("").str.startswith(DOCUMENTED)]


def without_states(matrix: pd.DataFrame, codes) -> pd.DataFrame:
    """:func:`denominators` counted without the states of ``codes`` (e.g. :data:`UNCERTAIN_TIES`)."""
    return denominators(matrix[~matrix["iso3"].isin(codes)])


def documented_bounds(memberships: pd.DataFrame, as_of, names: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`denominators` on ``as_of`` twice: without the spells of :func:`documented_later` (as the tables count)
    and with them running on ``as_of`` (their earliest page is later, so before it they are unknown, not absent)."""
    cut = as_timestamp(as_of, "as_of")
    widened = memberships.copy()
    widened.loc[documented_later(memberships, cut).index, "start"] = cut
    low = denominators(tie_matrix(status_matrix(memberships, cut, list(ORGS)), names))
    high = denominators(tie_matrix(status_matrix(widened, cut, list(ORGS)), names))
    return low, high
