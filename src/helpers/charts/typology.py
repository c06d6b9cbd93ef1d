"""Altair builder for notebook 07 (P15–P16): the alliance / framework typology with its uncertainty.

Takes the intervals of ``helpers.tables.typology.typology_intervals`` and returns a chart; it never displays or
saves. One row per organisation, named down the side, and in each row one lane per axis: the defence promise
(no or yes) and the institutions index (0 to 1). A fully known score is a dot at its true value, labelled with it;
an unknown cell widens the dot into a bar spanning what it allows. Organisations with equal scores sit at the same
value, each in its own row, so no point is moved off its score; an organisation with no known cell is named and
said to be unplaced.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.typology import PLOT_AXES

#: the two lanes of each row, in their order, as the legend names them (plain words: what 0 and 1 mean)
DEFENCE = "defence promise (0 = no, 1 = yes)"
INSTITUTIONS = "institutions (share of our index's four features)"
X_TITLE = "Score, 0 to 1"
UNPLACED = "not placed: no cell known"
DESCRIPTION = ("One row per organisation with two lanes: the defence promise (0 no, 1 yes) and the institutions "
               "index (0 to 1); a dot is a known score, a bar spans what unknown cells allow.")
ROW = 46  # px per organisation: two lanes and their labels
#: rows of named organisations: the Arabic edition mirrors them (names on the right; helpers.i18n.chart_words)
MIRROR = {"mirror": True}


def _span(lo: float, hi: float) -> str:
    return f"{lo:.2f}" if round(lo, 9) == round(hi, 9) else f"{lo:.2f} to {hi:.2f}"


def features(score: float, items: int) -> str:
    """How many of an axis's ``items`` a known score counts ("3.5 of 4"): a feature coded partly counts in part,
    so the score 0.875 is said as what it is rather than as a share four features could not give."""
    return f"{round(score * items, 3):g} of {items}"


def _value(lane: str, lo: float, hi: float, items: int) -> str:
    """What the label beside a mark says: yes or no for the defence promise; the institutions score with the
    features it counts ("0.88 (3.5 of 4)") when fully known; the range else."""
    if pd.isna(lo):
        return UNPLACED if lane == INSTITUTIONS else ""
    if round(lo, 9) == round(hi, 9):
        if lane == DEFENCE:
            return "yes" if lo >= 1 else "no"
        return f"{lo:.2f} ({features(lo, items)})"
    return _span(lo, hi)


def _lanes(intervals: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Long form: one row per organisation and lane, every organisation kept (an unplaced one has no values)."""
    y, x = PLOT_AXES
    rows = []
    for _, r in intervals.iterrows():
        name = names.get(r["org_id"], r["org_id"])
        for lane, axis in ((DEFENCE, y), (INSTITUTIONS, x)):
            lo, hi = r[f"{axis}_low"], r[f"{axis}_high"]
            items = int(r[f"{axis}_known"] + r[f"{axis}_unknown"])
            rows.append({"org_id": r["org_id"], "name": name, "lane": lane, "low": lo, "high": hi,
                         "placed": bool(pd.notna(lo)), "exact": bool(pd.notna(lo) and round(lo, 9) == round(hi, 9)),
                         "mid": (lo + hi) / 2 if pd.notna(lo) else 0.0, "value": _value(lane, lo, hi, items),
                         "left": lo if pd.notna(lo) else 0.0, "right": hi if pd.notna(hi) else 0.0,
                         "unknown": f"{int(r[f'{axis}_unknown'])}"})
    return pd.DataFrame(rows)


def typology_strips(intervals: pd.DataFrame, *, names: Mapping[str, str] | None = None, title: str,
                    description: str = DESCRIPTION) -> alt.LayerChart:
    """A labelled dot strip per axis: organisations down the side (all of them, in the given order), the defence
    promise and the institutions index as two lanes of each row on one 0–1 scale; dots at true scores, bars for
    ranges, the value written beside each mark (turned inward near 1, so no label runs past the plot)."""
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    data = _lanes(intervals, dict(names or {}))
    order = list(dict.fromkeys(data["name"]))
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    lane = alt.YOffset("lane:N", sort=[DEFENCE, INSTITUTIONS])
    x = alt.X("low:Q", title=X_TITLE, scale=alt.Scale(domain=[0, 1], nice=False, padding=8),
              axis=alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".2~f"))
    orgs = list(dict.fromkeys(data["org_id"]))
    colour = alt.Color("org_id:N", legend=None,
                       scale=alt.Scale(domain=orgs, range=[theme.org_color(o) for o in orgs]))
    shape = alt.Shape("lane:N", sort=[DEFENCE, INSTITUTIONS], scale=alt.Scale(range=["diamond", "circle"]),
                      legend=alt.Legend(title=None, orient="bottom", direction="vertical"))
    tips = [alt.Tooltip("name:N", title="organisation"), alt.Tooltip("lane:N", title="axis"),
            alt.Tooltip("value:N", title="score"), alt.Tooltip("unknown:N", title="scored items unknown")]
    base = alt.Chart(data).encode(y=y, yOffset=lane)
    ranges = base.mark_rule(strokeWidth=5, opacity=0.45, strokeCap="round").encode(
        x=x, x2="high:Q", color=colour, tooltip=tips).transform_filter("datum.placed && !datum.exact")
    dots = base.mark_point(filled=True, size=110, opacity=0.95, stroke="white", strokeWidth=0.5).encode(
        x=alt.X("mid:Q"), color=colour, shape=shape, tooltip=tips).transform_filter("datum.placed")
    labels = [base.mark_text(align=side, dx=dx, fontSize=11).encode(x=alt.X(f"{at}:Q"), text="value:N", tooltip=tips)
              .transform_filter(f"datum.value != '' && {where}")
              for side, dx, at, where in (("left", 9, "right", "datum.right <= 0.7"),
                                          ("right", -9, "left", "datum.right > 0.7"))]
    chart = alt.layer(ranges, dots, *labels).properties(height=ROW * len(order))
    return chart.properties(title=title, description=description or title, usermeta=MIRROR)
