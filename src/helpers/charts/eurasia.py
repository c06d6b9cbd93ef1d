"""Altair builders for notebooks 06, 07 and 09 (P11–P19): principle grid, typology scatter, verdict bars. The
builders of notebooks 05 and 08 live in ``helpers.charts.balance`` and ``helpers.charts.alignment``.

Each builder takes a DataFrame from ``helpers.tables.eurasia`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook (which knows the finding for its parameters);
``description`` is the text alternative; every mark has tooltips; colours come from ``helpers.theme``
(organisation colours for organisations, the theme's categorical colours, used positionally, for other categories,
so no category borrows an organisation's colour).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.eurasia import CLAIM_TYPES, PRESENCE, VERDICTS

PRESENCE_ORDER = [*PRESENCE, "not coded"]
# Sequential greys: darker = stated more strongly; 'not coded' is near-white (we have no reading).
PRESENCE_COLORS = ["#1a1a1a", "#7f7f7f", "#d0d0d0", "#f7f7f7"]


def _positional(domain: Sequence[str]) -> alt.Scale:
    colors = list(theme.CATEGORY_COLORS.values())
    if len(domain) > len(colors):
        raise ValueError(f"too many categories ({len(domain)}) for the theme's {len(colors)} categorical colours")
    return alt.Scale(domain=list(domain), range=colors[: len(domain)])


def _props(chart, title: str, description: str):
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    return chart.properties(title=title, description=description or title)


# ----------------------------------------------------------------------------------------------------- 06


def principle_grid_chart(grid: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Document (rows, in date order, with the year) × principle (columns): cell shade = explicit / implicit /
    absent / not coded."""
    grid = grid.assign(row=[f"{d} ({pd.Timestamp(t).year})" for d, t in zip(grid["document"], grid["date"])])
    rows = list(dict.fromkeys(grid.sort_values(["date", "document"], kind="mergesort")["row"]))
    chart = alt.Chart(grid).mark_rect(stroke="#bbbbbb", strokeWidth=0.5).encode(
        y=alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=520)),
        x=alt.X("principle:N", sort=list(dict.fromkeys(grid["principle"])), title=None,
                axis=alt.Axis(labelAngle=-30, labelLimit=200, orient="top")),
        color=alt.Color("presence:N", scale=alt.Scale(domain=PRESENCE_ORDER, range=PRESENCE_COLORS),
                        legend=alt.Legend(title="in the document")),
        tooltip=[alt.Tooltip("principle:N"), alt.Tooltip("document:N"),
                 alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("presence:N"),
                 alt.Tooltip("locator:N", title="where"), alt.Tooltip("phrase:N", title="phrase")],
    )
    return _props(chart, title, description)


# ----------------------------------------------------------------------------------------------------- 07


def typology_scatter(scores: pd.DataFrame, *, names: dict[str, str] | None = None, title: str,
                     description: str, width: int = 420, height: int = 360) -> alt.LayerChart:
    """Institutionalization (x) against obligation (y), one labelled point per organisation with a known score.

    Top right = alliance-like (binding defence duties, heavy institutions); bottom left = dialogue framework.
    """
    data = scores.dropna(subset=["obligation", "institutionalization"]).copy()
    data["name"] = [(names or {}).get(o, o) for o in data["org_id"]]
    # Organisations with identical scores share one label ("NATO, CSTO") so neither hides behind the other.
    spot = data["obligation"].round(9).astype(str) + "|" + data["institutionalization"].round(9).astype(str)
    data["label"] = spot.map(data.groupby(spot)["org_id"].agg(", ".join))
    data["first_at_spot"] = ~spot.duplicated()
    orgs = list(data["org_id"])
    base = alt.Chart(data).encode(
        x=alt.X("institutionalization:Q", scale=alt.Scale(domain=[0, 1]),
                title="institutionalization (0 = loose forum, 1 = integrated institutions)"),
        y=alt.Y("obligation:Q", scale=alt.Scale(domain=[0, 1]),
                title="obligations (0 = none, 1 = binding defence)"))
    tips = [alt.Tooltip("name:N", title="organisation"),
            alt.Tooltip("obligation:Q", format=".2f"), alt.Tooltip("obligation_known:Q", title="obligation items known"),
            alt.Tooltip("obligation_unknown:Q", title="obligation items unknown"),
            alt.Tooltip("institutionalization:Q", format=".2f"),
            alt.Tooltip("institutionalization_known:Q", title="institution items known"),
            alt.Tooltip("institutionalization_unknown:Q", title="institution items unknown")]
    if "obligation_basis" in data.columns:
        tips += [alt.Tooltip("obligation_basis:N", title="obligations compared on"),
                 alt.Tooltip("institutionalization_basis:N", title="institutions compared on")]
    pts = base.mark_circle(size=220, opacity=0.8, stroke="white", strokeWidth=1).encode(
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs) if orgs else alt.Undefined,
                        legend=alt.Legend(title="organisation")),
        tooltip=tips)
    text = base.mark_text(align="left", dx=10, fontSize=11).encode(
        text="label:N", tooltip=[alt.Tooltip("label:N", title="organisations here"), *tips[1:]]
    ).transform_filter("datum.first_at_spot")
    return _props(alt.layer(pts, text).properties(width=width, height=height), title, description)


# ----------------------------------------------------------------------------------------------------- 09


def verdict_bars(counts: pd.DataFrame, *, title: str, description: str, width: int = 420) -> alt.Chart:
    """Stacked bars: claims per claim type, split by verdict (fixed order and colours)."""
    types = [t for t in CLAIM_TYPES if t in set(counts["claim_type"])]
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("claim_type:N", sort=types, title=None),
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("verdict:N", scale=_positional(VERDICTS), sort=list(VERDICTS),
                        legend=alt.Legend(title="verdict")),
        order=alt.Order("verdict_rank:Q"),
        tooltip=[alt.Tooltip("claim_type:N", title="type"), alt.Tooltip("verdict:N"), alt.Tooltip("claims:Q")],
    ).transform_calculate(
        verdict_rank=" + ".join(f"(datum.verdict == '{v}') * {i}" for i, v in enumerate(VERDICTS)))
    return _props(chart.properties(width=width), title, description)
