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
DARK_GROUND = "#16181b"  # a dark page's ground: the lines between cells on a dark page


# ----------------------------------------------------------------------------------------------------- 06


#: Each document's row: its name (wrapped to two lines of at most ~LINE characters) above its band of cells, so a
#: phone shows names and cells together instead of a column of names that pushes the cells off the screen.
ROW_STEP, CELL, LINE = 58, 18, 44
_WRAP = (f"length(datum.name) <= {LINE} ? [datum.name] : "
         f"[substring(datum.name, 0, lastindexof(substring(datum.name, 0, {LINE}), ' ')), "
         f"substring(datum.name, lastindexof(substring(datum.name, 0, {LINE}), ' ') + 1)]")


def principle_grid_chart(grid: pd.DataFrame, *, title: str, description: str) -> alt.LayerChart:
    """Document (rows, in date order, the name and year above each row) × principle (columns): cell shade =
    explicit / implicit / absent / not coded."""
    grid = grid.assign(row=[f"{d} ({pd.Timestamp(t).year})" for d, t in zip(grid["document"], grid["date"])])
    rows = list(dict.fromkeys(grid.sort_values(["date", "document"], kind="mergesort")["row"]))
    base = alt.Chart(grid).encode(y=alt.Y("row:N", sort=rows, title=None, axis=None))
    cells = base.mark_rect(stroke=theme.GRID, strokeWidth=0.5, height=CELL).encode(
        x=alt.X("principle:N", sort=list(dict.fromkeys(grid["principle"])), title=None,
                axis=alt.Axis(labelAngle=-30, labelLimit=200, orient="top")),
        yOffset=alt.value(ROW_STEP - CELL - 3),
        color=alt.Color("presence:N", scale=alt.Scale(domain=PRESENCE_ORDER, range=PRESENCE_COLORS),
                        legend=alt.Legend(title="in the document")),
        tooltip=[alt.Tooltip("principle:N"), alt.Tooltip("document:N"),
                 alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("presence:N"),
                 alt.Tooltip("locator:N", title="where"), alt.Tooltip("phrase:N", title="phrase")],
    )
    names = base.transform_filter(alt.datum.principle == grid["principle"].iloc[0]).transform_calculate(
        name="datum.document + ' (' + year(datum.date) + ')'").transform_calculate(lines=_WRAP).mark_text(
        align="left", baseline="top", dy=3 - ROW_STEP // 2, fontSize=11.5, color=theme.TEXT, lineHeight=13).encode(
        x=alt.value(0), text="lines:N")
    chart = alt.layer(cells, names).properties(
        height=ROW_STEP * len(rows), usermeta={"dark": theme.dark_swap([*PRESENCE_COLORS, theme.GRID], [*theme.PRESENCE_GREYS_DARK, DARK_GROUND])})
    return theme.titled(chart, title, description)
