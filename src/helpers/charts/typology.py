"""Altair builder for notebook 07 (P15–P16): the alliance / framework typology with its uncertainty.

Takes the intervals of ``helpers.tables.typology.typology_intervals`` and returns a chart; it never displays or
saves. Each organisation is a box from its lowest to its highest possible score on both axes (a known score is a
box of zero size, drawn as its point), so a reader sees at once how much the unknown cells could move it.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.typology import PLOT_AXES

#: in three lines, so that it fits under a phone's narrow plot
X_TITLE = ["Institutions: share of our index's four features,", "a partial feature counted as half",
           "(0 = none, 1 = all)"]
Y_TITLE = "Defence promise (1 = the text promises defence, 0 = it does not)"
DODGE = 0.05
DESCRIPTION = ("Each organisation is a box from its lowest to its highest possible score: institutions on the x axis, "
               "the defence promise on the y axis.")


def _span(lo: float, hi: float) -> str:
    return f"{lo:.2f}" if round(lo, 9) == round(hi, 9) else f"{lo:.2f} to {hi:.2f}"


def _placed(intervals: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    y, x = PLOT_AXES
    data = intervals.dropna(subset=[f"{y}_low", f"{x}_low"]).copy()
    data["name"] = [names.get(o, o) for o in data["org_id"]]
    data["y_mid"] = (data[f"{y}_low"] + data[f"{y}_high"]) / 2
    data["x_mid"] = (data[f"{x}_low"] + data[f"{x}_high"]) / 2
    data["obligations"] = [_span(lo, hi) for lo, hi in zip(data[f"{y}_low"], data[f"{y}_high"])]
    data["institutions"] = [_span(lo, hi) for lo, hi in zip(data[f"{x}_low"], data[f"{x}_high"])]
    data["exact"] = ((data[f"{y}_low"] == data[f"{y}_high"]) & (data[f"{x}_low"] == data[f"{x}_high"])).tolist()
    data["unknown"] = [f"{a} of obligations, {b} of institutions"
                       for a, b in zip(data[f"{y}_unknown"], data[f"{x}_unknown"])]
    # Organisations whose boxes have the same centre share one label so neither hides behind the other.
    spot = data["y_mid"].round(9).astype(str) + "|" + data["x_mid"].round(9).astype(str)
    data["label"] = spot.map(data.groupby(spot)["name"].agg(", ".join))
    data["first_at_spot"] = ~spot.duplicated()
    # points at one spot are set side by side (a twentieth of the axis apart), so none hides under another; boxes,
    # labels and tooltips keep the true scores
    rank, size = data.groupby(spot).cumcount(), spot.map(spot.value_counts())
    data["x_dodged"] = data["x_mid"] + (rank - (size - 1) / 2) * DODGE
    return data


def _point_labels(base: alt.Chart, tips: list) -> list[alt.Chart]:
    """The organisations' names beside their points, turned inward on the right so none runs past the plot's edge,
    and a point at the right edge labelled under itself so its name never meets its neighbour's; on a phone the
    legend names the points (labels there collided)."""
    places = (("left", 10, -10, "datum.x_mid <= 0.6"), ("right", -10, -10, "datum.x_mid > 0.6 && datum.x_mid < 0.95"),
              ("right", 0, 20, "datum.x_mid >= 0.95"))
    shown = alt.ExprRef("containerSize()[0] < 600 ? 0 : 1")
    return [base.mark_text(align=side, dx=dx, dy=dy, fontSize=11, opacity=shown).encode(
        x="x_mid:Q", y="y_mid:Q", text="label:N", tooltip=tips).transform_filter(f"datum.first_at_spot && {where}")
        for side, dx, dy, where in places]


def typology_scatter(intervals: pd.DataFrame, *, names: Mapping[str, str] | None = None, title: str,
                     description: str = DESCRIPTION, width: int = 420, height: int = 360) -> alt.LayerChart:
    """Institutions (x) against obligations (y): one box per placed organisation spanning its possible scores,
    a point at the box's centre and a label. Top right reads as an alliance, bottom left as a loose framework."""
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    y, x = PLOT_AXES
    data = _placed(intervals, dict(names or {}))
    # the legend under the plot: a point at the top right (NATO) never meets it
    colour = alt.Color("name:N", title="organisation", legend=alt.Legend(orient="bottom", columns=3),
                       scale=alt.Scale(domain=list(data["name"]),
                                       range=[theme.ORG_COLORS[o] for o in data["org_id"]]))
    tips = [alt.Tooltip("name:N", title="organisation"), alt.Tooltip("obligations:N", title="obligations score"),
            alt.Tooltip("institutions:N", title="institutions score"),
            alt.Tooltip("unknown:N", title="scored items unknown")]
    base = alt.Chart(data)
    # five ticks from 0 to 1 on both axes (21 at 0.05 steps crowded the axis), the scale a little wider than 0–1 so
    # a point at 0 or 1 sits clear of the axis line
    scale = alt.Scale(domain=[-0.06, 1.06], nice=False, zero=False)
    ticks = alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".2~f")
    yes_no = alt.Axis(values=[0, 1], format=".0f")  # the defence promise is yes or no (a box between: not known)
    boxes = base.mark_rect(fillOpacity=0.15, strokeOpacity=0.9, strokeWidth=1.5).encode(
        x=alt.X(f"{x}_low:Q", scale=scale, title=X_TITLE, axis=ticks), x2=f"{x}_high:Q",
        y=alt.Y(f"{y}_low:Q", scale=scale, title=Y_TITLE, axis=yes_no), y2=f"{y}_high:Q",
        color=colour, stroke=colour, tooltip=tips)
    # A fully known score is a solid point; the centre of a range is drawn faint, since it is no estimate.
    points = base.mark_circle(size=160, stroke="white", strokeWidth=1).encode(
        x="x_dodged:Q", y="y_mid:Q", color=colour, tooltip=tips,
        opacity=alt.condition("datum.exact", alt.value(0.95), alt.value(0.35)))
    chart = alt.layer(boxes, points, *_point_labels(base, tips)).properties(width=width, height=height)
    return chart.properties(title=title, description=description or title)
