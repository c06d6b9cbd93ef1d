"""Notebook 08: the states on both sides counted against each denominator and by the grade of their weaker tie.

Frames from :func:`helpers.tables.sco_states.tie_matrix` in, plain DataFrames and reader sentences out."""

from __future__ import annotations

import pandas as pd

from helpers.tables.sco_states import GRADE_RANK, GRADES


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


def denominators_title(table: pd.DataFrame) -> str:
    """'14 of 70 states between the poles, or 14 of 23 of those with a Eurasian tie, hold ties on both sides'."""
    a, b = table.iloc[0], table.iloc[1]
    return (f"{a['both_sides']} of {a['states']} states between the poles, or {b['both_sides']} of {b['states']} "
            "of those with a Eurasian tie, held active ties on both sides")


def robustness_lines(table: pd.DataFrame, grades: pd.DataFrame) -> list[str]:
    """'How robust is this?' for 08: the headline under the other denominator and by tie grade."""
    a, b = table.iloc[0], table.iloc[1]
    n = grades.set_index("grade")["states"]
    partnership = int(n[f"{GRADES[2]} or stronger on both sides"])
    membership = int(n[f"{GRADES[1]} or stronger on both sides"])
    rest = int(a["both_sides"]) - partnership
    return [f"The share is {a['share']:.0f}% of every state between the poles but {b['share']:.0f}% of those "
            "with any Eurasian tie: the Western side's breadth sets the first figure, so neither is the headline "
            "alone.",
            f"By grade, {partnership} state{'s' if partnership != 1 else ''} hold a partnership or stronger on both "
            f"sides and {membership} hold membership or a defence pledge on both; the other {rest} rely on an SCO "
            "dialogue, observer or partner status. \"Multi-vector\" holds for dialogue-grade ties, "
            + ("and survives at membership grade." if membership else "not for membership on both sides.")]


def glance_line(table: pd.DataFrame, grades: pd.DataFrame) -> str:
    """08's first-screen line on the denominator and the grades: the headline is not read on one denominator."""
    b = table.iloc[1]
    n = grades.set_index("grade")["states"]
    partnership = int(n[f"{GRADES[2]} or stronger on both sides"])
    return (f"Counted among the {b['states']} states with a Eurasian tie, {b['both_sides']} also hold a Western "
            f"one; {partnership} hold a partnership or stronger on both sides, the others only an SCO dialogue, "
            "observer or partner status.")


#: States whose tie on one side is counted as listed although it may be dormant: NATO's current page lists
#: Afghanistan as a partner across the globe with a footnote, and whether any cooperation continued after August
#: 2021 was not verified (the note of its PAG spell in memberships.csv).
UNCERTAIN_TIES = ("AFG",)


def uncertain_line(matrix: pd.DataFrame, names: dict[str, str], codes=UNCERTAIN_TIES) -> str:
    """The headline of :func:`denominators_title` recounted without the states of ``codes`` (their ties may be
    dormant), and whether its reading holds."""
    gone = matrix[matrix["iso3"].isin(codes) & matrix["both_sides"] & ~matrix["pole"]]
    who = " and ".join(names.get(c, c) for c in codes)
    if gone.empty:
        return f"{who} is not counted on both sides on this date, so leaving it out changes nothing."
    rest = denominators(matrix[~matrix["iso3"].isin(codes)])
    a, b = rest.iloc[0], rest.iloc[1]
    return (f"Without {who}, whose NATO partnership after August 2021 could not be verified, {a['both_sides']} of "
            f"{a['states']} states between the poles, or {b['both_sides']} of {b['states']} of those with a Eurasian "
            "tie, hold active ties on both sides: the count moves by one state and the reading holds.")


def robustness_table(table: pd.DataFrame, grades: pd.DataFrame, matrix: pd.DataFrame | None = None,
                     names: dict[str, str] | None = None) -> pd.DataFrame:
    """The checks of 'How robust is this?' as rows: ``check`` (the alternative) and ``reading``; with ``matrix``
    (:func:`helpers.tables.sco_states.tie_matrix`), also the count without the ties that may be dormant."""
    checks, lines = ["another denominator", "a stricter tie grade"], robustness_lines(table, grades)
    if matrix is not None:
        checks.append("without ties that may be dormant")
        lines.append(uncertain_line(matrix, names or {}))
    return pd.DataFrame({"check": checks, "reading": lines})
