"""Altair builders for notebook 06 (P11–P14): the principle grid. The other notebooks' builders live in modules of
their own: ``balance`` (05), ``typology`` (07), ``alignment`` (08), ``claims`` (the ledger).

Each builder takes a DataFrame from ``helpers.tables.principles`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook; ``description`` is the text alternative; every mark
has tooltips; the grid uses a sequential grey scale (darker = stated more strongly).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.principles import PRESENCE

PRESENCE_ORDER = [*PRESENCE, "not coded"]
# Sequential greys: darker = stated more strongly; 'not coded' is near-white (we have no reading).
PRESENCE_COLORS = list(theme.PRESENCE_GREYS)


# ----------------------------------------------------------------------------------------------------- 06


def principle_grid_chart(grid: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Document (rows, in date order, with the year) × principle (columns): cell shade = explicit / implicit /
    absent / not coded."""
    grid = grid.assign(row=[f"{d} ({pd.Timestamp(t).year})" for d, t in zip(grid["document"], grid["date"])])
    rows = list(dict.fromkeys(grid.sort_values(["date", "document"], kind="mergesort")["row"]))
    chart = alt.Chart(grid).mark_rect(stroke=theme.GRID, strokeWidth=0.5).encode(
        y=alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=520)),
        x=alt.X("principle:N", sort=list(dict.fromkeys(grid["principle"])), title=None,
                axis=alt.Axis(labelAngle=-30, labelLimit=200, orient="top")),
        color=alt.Color("presence:N", scale=alt.Scale(domain=PRESENCE_ORDER, range=PRESENCE_COLORS),
                        legend=alt.Legend(title="in the document")),
        tooltip=[alt.Tooltip("principle:N"), alt.Tooltip("document:N"),
                 alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("presence:N"),
                 alt.Tooltip("locator:N", title="where"), alt.Tooltip("phrase:N", title="phrase")],
    )
    return theme.titled(chart, title, description)
