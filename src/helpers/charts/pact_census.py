"""Altair builder for notebook 02: exit rates of the defence pacts the case rule admits, with their intervals.

Takes the frame of ``helpers.tables.pact_census.exit_record`` and returns a chart; it never displays or saves.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.pact_census import reader_name

#: a row's height: room for a name on three lines beside its line and the count above it, and a gap before the
#: next row's name (at 40 px a three-line name on a phone all but touched the row below, "CSTO"; 44 keeps 02 in its
#: page-height budget)
ROW = 44
PHONE = "(containerSize()[0] > 0 && containerSize()[0] < 600)"  # an export (no container) gets the wide layout
#: a name on lines of at most 30 characters on a phone, 40 on a wider screen
WRAP = theme.wrapped_label(PHONE, 30, 40)


def exit_rate_intervals(record: pd.DataFrame, *, title: str, description: str, width: int = 520) -> alt.LayerChart:
    """One row per pact: a point at its exits per 100 member-years and a line across its exact Poisson 95%
    interval, so a reader sees which rates can be told apart (those whose lines do not overlap)."""
    data = record.assign(label=[f"{n} exit{'s' if n != 1 else ''} in {y:,.0f} member-years"
                                for n, y in zip(record["exits"], record["member_years"])],
                         pact=[reader_name(n, a) for n, a in zip(record["name"], record["atopid"])])
    order = data.sort_values("exits_per_100_member_years")["pact"].tolist()
    colour = theme.ORG_COLORS["NATO"]
    # a long name wraps onto lines of its own (at 30 characters on a phone, 40 on a wider screen) instead of
    # ending in "…"; on a phone the plot keeps room
    base = alt.Chart(data).encode(y=alt.Y("pact:N", sort=order, title=None, axis=alt.Axis(
        labelExpr=WRAP, labelLineHeight=12, labelLimit=alt.ExprRef(PHONE + " ? 180 : 260"))))
    tips = [alt.Tooltip("name:N", title="pact"), alt.Tooltip("exits:Q", title="exits"),
            alt.Tooltip("member_years:Q", title="member-years", format=",.0f"),
            alt.Tooltip("exits_per_100_member_years:Q", title="exits per 100 member-years", format=".2f"),
            alt.Tooltip("ci_low:Q", title="95% interval from", format=".2f"),
            alt.Tooltip("ci_high:Q", title="95% interval to", format=".2f")]
    rule = base.mark_rule(strokeWidth=2, color=colour).encode(
        # two lines: as one, the title ran past a phone's screen
        x=alt.X("ci_low:Q", title=["exits per 100 member-years", "(exact Poisson 95% interval)"],
                axis=alt.Axis(labelFlush=True)), x2="ci_high:Q",  # the last tick's label inside the chart
        tooltip=tips)
    point = base.mark_point(filled=True, size=60, color=colour).encode(x="exits_per_100_member_years:Q",
                                                                        tooltip=tips)
    # the count above the start of its line: inside the plot at every width (at the line's end it ran past the edge)
    text = base.mark_text(align="left", dx=0, dy=-10, fontSize=11).encode(x="ci_low:Q", text="label:N")
    return alt.layer(rule, point, text).properties(title=title, description=description, width=width,
                                                   height=ROW * max(1, len(data)))
