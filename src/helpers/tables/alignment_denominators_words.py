"""Sentences for notebook 08: the headline of the states on both sides under each denominator and tie grade, its
first-screen line and the rows of 'How robust is this?', built from the frames of
:mod:`helpers.tables.alignment_denominators`."""

from __future__ import annotations

import pandas as pd

from helpers.membership import as_timestamp
from helpers.tables.alignment_denominators import (
    UNCERTAIN_TIES,
    documented_bounds,
    documented_later,
    documented_marked,
    without_states,
)
from helpers.tables.sco_states import GRADES, org_word
from helpers.wording import day


def denominators_title(table: pd.DataFrame) -> str:
    """'14 of 70 OSCE or SCO states other than Russia and China, or 14 of 23 of those with a Eurasian tie, hold ties
    on both sides'."""
    a, b = table.iloc[0], table.iloc[1]
    return (f"{a['both_sides']} of {a['states']} OSCE or SCO states other than Russia and China, or "
            f"{b['both_sides']} of {b['states']} of those with a Eurasian tie, held active ties on both sides")


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
    """08's first-screen line on the denominator and the grades, one plain sentence with one comparison in each
    clause: the headline is not read on one denominator, and few states hold more than dialogue-grade ties."""
    b = table.iloc[1]
    n = grades.set_index("grade")["states"]
    partnership = int(n[f"{GRADES[2]} or stronger on both sides"])
    return (f"{b['both_sides']} of the {b['states']} states with a Eurasian tie also hold a Western one; "
            f"{partnership} of the {b['both_sides']} hold a partnership or stronger on both sides.")


def _flag_counts(matrix: pd.DataFrame, states: pd.DataFrame, names: dict[str, str]) -> tuple | None:
    """The states on both sides the data does not flag as Eurasian, by name, with how many remain without them, of
    how many, and how many of those hold only a dialogue-grade tie on that side; None when no state is flagged so."""
    both = matrix[~matrix["pole"] & matrix["both_sides"]]
    flag = both["iso3"].map(states.set_index("iso3")["eurasian"]).fillna(True).astype(bool)
    out, kept = both.loc[~flag, "iso3"], both[flag]
    if out.empty:
        return None
    dialogue = int((kept["eurasian"] == GRADES[-1]).sum())
    return ", ".join(names.get(c, c) for c in out), len(kept), len(both), dialogue


def eurasian_flag_glance(matrix: pd.DataFrame, states: pd.DataFrame, names: dict[str, str]) -> str:
    """:func:`eurasian_flag_line` as one plain sentence for the first screen, after :func:`glance_line`: how many
    states on both sides remain without those the data does not flag as Eurasian, and how many of them hold only
    a dialogue-grade tie on that side; '' when no state on both sides is flagged so."""
    if (counts := _flag_counts(matrix, states, names)) is None:
        return ""
    left, kept, both, dialogue = counts
    return (f"Without {left}, which the data does not flag as Eurasian, {kept} of the {both} remain; "
            f"{dialogue} of them hold only an SCO dialogue, observer or partner status on the Eurasian side.")


def eurasian_flag_line(matrix: pd.DataFrame, states: pd.DataFrame, names: dict[str, str]) -> str:
    """The states on both sides counted again without those ``states.csv`` flags as not Eurasian (``eurasian``
    False: Egypt), and how many of those left hold only an SCO dialogue, observer or partner status on the
    Eurasian side; '' when no state on both sides is flagged so."""
    if (counts := _flag_counts(matrix, states, names)) is None:
        return ""
    left, kept, both, dialogue = counts
    return (f"Leaving out the states the data does not flag as Eurasian ({left}), {kept} of the {both} "
            f"states on both sides remain; {dialogue} of those {kept} hold only an SCO dialogue, observer or "
            "partner status on the Eurasian side.")


def uncertain_line(matrix: pd.DataFrame, names: dict[str, str], codes=UNCERTAIN_TIES) -> str:
    """The headline of :func:`denominators_title` recounted without the states of ``codes`` (their ties may be
    dormant), and whether its reading holds."""
    gone = matrix[matrix["iso3"].isin(codes) & matrix["both_sides"] & ~matrix["pole"]]
    who = " and ".join(names.get(c, c) for c in codes)
    if gone.empty:
        return f"{who} is not counted on both sides on this date, so leaving it out changes nothing."
    rest = without_states(matrix, codes)
    a, b = rest.iloc[0], rest.iloc[1]
    return (f"Without {who}, whose NATO partnership after August 2021 could not be verified, {a['both_sides']} of "
            f"{a['states']} OSCE or SCO states other than Russia and China, or {b['both_sides']} of {b['states']} of "
            "those with a Eurasian tie, hold active ties on both sides: the count moves by one state and the reading "
            "holds.")


def documented_line(memberships: pd.DataFrame, as_of, names: dict[str, str]) -> str:
    """The headline of :func:`denominators_title` counted both ways when some spells are documented only from a
    later date: without them (as the tables count) and with them running on ``as_of``; or, when every such spell
    has begun by ``as_of``, that the count does not depend on them."""
    cut = as_timestamp(as_of, "as_of")
    marked = documented_marked(memberships)
    if marked.empty:
        return "No spell counted here is dated only by a later page that documents it."
    later = documented_later(memberships, cut)
    which = sorted({org_word(o) for o in marked["org_id"]})
    first = day(pd.to_datetime(marked["start"]).min().date())
    if later.empty:
        return (f"The spells of {' and '.join(which)} start on the earliest page that documents them ({first}), "
                "a lower bound; all have begun by this date, so the count does not depend on when they began.")
    low, high = documented_bounds(memberships, cut, names)
    (a, b), (c, d) = (low.iloc[0], low.iloc[1]), (high.iloc[0], high.iloc[1])
    verdict = ("the reading holds" if int(c["both_sides"]) == int(a["both_sides"])
               else "the count is a lower bound")
    return (f"{len(later)} spells of {' and '.join(which)} are documented only from {first}, so on "
            f"{day(cut.date())} those ties are unknown, not absent: without them {a['both_sides']} of {a['states']} "
            f"OSCE or SCO states other than Russia and China, or {b['both_sides']} of {b['states']} of those with a "
            f"Eurasian tie, hold ties on both sides; counting them as running, {c['both_sides']} of {c['states']}, or "
            f"{d['both_sides']} of {d['states']}: {verdict}.")


def glance_or_documented(table: pd.DataFrame, grades: pd.DataFrame, memberships: pd.DataFrame, as_of,
                         names: dict[str, str]) -> str:
    """08's last first-screen line: :func:`glance_line`, or, when some ties are documented only after ``as_of``,
    :func:`documented_line` in its place — on such a date the headline is a lower bound, which matters more than
    the grades (the robustness table keeps both)."""
    if len(documented_later(memberships, as_of)):
        return documented_line(memberships, as_of, names)
    return glance_line(table, grades)


def robustness_table(table: pd.DataFrame, grades: pd.DataFrame, matrix: pd.DataFrame | None = None,
                     names: dict[str, str] | None = None, memberships: pd.DataFrame | None = None,
                     as_of=None, states: pd.DataFrame | None = None) -> pd.DataFrame:
    """The checks of 'How robust is this?' as rows: ``check`` (the alternative) and ``reading``; with ``matrix``
    (:func:`helpers.tables.sco_states.tie_matrix`), also the count without the ties that may be dormant; with
    ``memberships`` and ``as_of``, also the count with the ties documented only later (:func:`documented_line`);
    with ``states``, also the count without states not flagged Eurasian (:func:`eurasian_flag_line`)."""
    checks, lines = ["another denominator", "a stricter tie grade"], robustness_lines(table, grades)
    if matrix is not None:
        checks.append("without ties that may be dormant")
        lines.append(uncertain_line(matrix, names or {}))
    if memberships is not None and as_of is not None:
        checks.append("with ties documented only later")
        lines.append(documented_line(memberships, as_of, names or {}))
    if states is not None and matrix is not None and (line := eurasian_flag_line(matrix, states, names or {})):
        checks.append("only states the data flags as Eurasian")
        lines.append(line)
    return pd.DataFrame({"check": checks, "reading": lines})


def graded_glance(table: pd.DataFrame, grades: pd.DataFrame, matrix: pd.DataFrame, names: dict[str, str],
                  as_of) -> str:
    """08's first-screen line on the states between the poles, led by the graded count (a partnership or stronger
    on both sides), then every active tie, with and without the states of ``UNCERTAIN_TIES`` (Afghanistan)."""
    a = table.iloc[0]
    partnership = int(grades.set_index("grade")["states"][f"{GRADES[2]} or stronger on both sides"])
    who = " and ".join(names.get(c, c) for c in UNCERTAIN_TIES)
    rest = int(without_states(matrix, UNCERTAIN_TIES).iloc[0]["both_sides"])
    return (f"On {day(as_timestamp(as_of, 'as_of').date())}, {partnership} of the {a['states']} OSCE or SCO states "
            f"other than Russia and China held a partnership or stronger on both sides; {a['both_sides']} held any "
            f"active tie on both, {rest} without {who}.")
