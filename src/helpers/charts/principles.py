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

NOT_CODED = "not coded"
PRESENCE_ORDER = [*PRESENCE, NOT_CODED]
# Sequential greys: darker = stated more strongly; 'not coded' is hatched, not shaded (we have no reading).
PRESENCE_COLORS = list(theme.PRESENCE_GREYS)
HATCH_SYMBOL = "M-1,-1H1V1H-1Z M-1,0L0,-1 M-1,1L1,-1 M0,1L1,0"


def _hatch(stripes: int = 14) -> dict:
    """A Vega linear gradient with hard stops: ``stripes`` slanted stripes across a cell."""
    stops, ink, ground = [], theme.HATCH_INK, theme.HATCH_GROUND
    for i in range(stripes):
        a, b = i / stripes, (i + 0.35) / stripes
        stops += [{"offset": a, "color": ink}, {"offset": b, "color": ink},
                  {"offset": b, "color": ground}, {"offset": (i + 1) / stripes, "color": ground}]
    return {"gradient": "linear", "x1": 0, "y1": 0, "x2": 1, "y2": 0.35, "stops": stops}


# ----------------------------------------------------------------------------------------------------- 06


#: Each document's row: its name (wrapped to two lines of at most ~LINE characters) above its band of cells, so a
#: phone shows names and cells together instead of a column of names that pushes the cells off the screen.
ROW_STEP, CELL, LINE = 58, 18, 44
_WRAP = (f"length(datum.name) <= {LINE} ? [datum.name] : "
         f"[substring(datum.name, 0, lastindexof(substring(datum.name, 0, {LINE}), ' ')), "
         f"substring(datum.name, lastindexof(substring(datum.name, 0, {LINE}), ' ') + 1)]")


def _not_coded(base: alt.Chart, x: alt.X, tips: list) -> alt.Chart:
    """The cells not coded, hatched, with an entry of their own in the key (a square with the same stripes)."""
    return base.transform_filter(alt.datum.presence == NOT_CODED).mark_rect(
        stroke=theme.GRID, strokeWidth=0.5, height=CELL, fill=_hatch()).encode(
        x=x, yOffset=alt.value(ROW_STEP - CELL - 3), tooltip=tips,
        opacity=alt.Opacity("presence:O", scale=alt.Scale(domain=[NOT_CODED], range=[1]),
                                  legend=alt.Legend(title=None, symbolType=HATCH_SYMBOL,
                                                    symbolStrokeColor=theme.HATCH_INK_LEGEND,
                                                    symbolFillColor=theme.HATCH_GROUND,
                                                    symbolStrokeWidth=1.2, symbolSize=110)))


def principle_grid_chart(grid: pd.DataFrame, *, title: str, description: str) -> alt.LayerChart:
    """Document (rows, in date order, the name and year above each row) × principle (columns): cell shade =
    explicit / implicit / absent (only those drawn are in the key); a cell not coded is hatched."""
    grid = grid.assign(row=[f"{d} ({pd.Timestamp(t).year})" for d, t in zip(grid["document"], grid["date"])])
    rows = list(dict.fromkeys(grid.sort_values(["date", "document"], kind="mergesort")["row"]))
    base = alt.Chart(grid).encode(y=alt.Y("row:N", sort=rows, title=None, axis=None))
    x = alt.X("principle:N", sort=list(dict.fromkeys(grid["principle"])), title=None,
              axis=alt.Axis(labelAngle=-30, labelLimit=200, orient="top"))
    tips = [alt.Tooltip("principle:N"), alt.Tooltip("document:N"), alt.Tooltip("date:T", format="%Y-%m-%d"),
            alt.Tooltip("presence:N"), alt.Tooltip("locator:N", title="where"), alt.Tooltip("phrase:N", title="phrase")]
    read = [p for p in PRESENCE if p in set(grid["presence"])]  # the key lists only what a cell shows
    cells = base.transform_filter(alt.datum.presence != NOT_CODED).mark_rect(
        stroke=theme.GRID, strokeWidth=0.5, height=CELL).encode(
        x=x, yOffset=alt.value(ROW_STEP - CELL - 3), tooltip=tips,
        color=alt.Color("presence:N", scale=alt.Scale(domain=read, range=[PRESENCE_COLORS[PRESENCE.index(p)]
                                                                          for p in read]),
                        legend=alt.Legend(title="in the document")))
    unread = _not_coded(base, x, tips)
    names = base.transform_filter(alt.datum.principle == grid["principle"].iloc[0]).transform_calculate(
        name="datum.document + ' (' + year(datum.date) + ')'").transform_calculate(lines=_WRAP).mark_text(
        align="left", baseline="top", dy=3 - ROW_STEP // 2, fontSize=11.5, color=theme.TEXT, lineHeight=13).encode(
        x=alt.value(0), text="lines:N")
    swap = theme.dark_swap([*PRESENCE_COLORS, theme.GRID, theme.HATCH_INK, theme.HATCH_GROUND],
                           [*theme.PRESENCE_GREYS_DARK, theme.GRID_DARK, theme.HATCH_INK_DARK, theme.HATCH_GROUND_DARK])
    chart = alt.layer(cells, unread, names).properties(height=ROW_STEP * len(rows), usermeta={"dark": swap})
    return theme.titled(chart, title, description)
