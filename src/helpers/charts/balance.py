"""Altair builders for notebook 05 (P10–P11): bloc totals, concentration per indicator, shares over time.

Each builder takes a DataFrame from ``helpers.tables.balance`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook; ``description`` is the text alternative; every
mark has tooltips; categorical colours come from the theme's category palette, used positionally.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.balance import LABELS
from helpers.tables.balance_words import capability_finding

NEUTRAL = "#4d4d4d"
COMPLETE = ("every member", "some members only")
#: Axis title and text alternative of each indicator's bars (see :func:`indicator_bars`).
BARS = {
    "milex_usd_const": ("military spending (US$ million, constant 2023 prices)",
                        ("Horizontal bars of summed military spending per bloc, faded where incomplete, labelled "
                         "with the share of world spending.")),
    "nuclear_warheads": ("nuclear warheads (total inventory)",
                         ("Horizontal bars of summed warhead inventories per bloc, labelled with the share of the "
                          "world inventory.")),
    "population": ("population (persons)",
                   ("Horizontal bars of summed population per bloc, labelled with the share of the world where the "
                    "data holds a world total on the same basis.")),
}
#: Default text alternatives.
DOTS = ("Dots of the effective number of members per bloc and indicator, beside a tick at the actual number of "
        "members, on a log scale.")
LINES = ("Line charts of spending shares by year: within NATO and the SCO, Russia and China against NATO, and each "
         "bloc's share of the world.")


def bloc_bars(caps: pd.DataFrame, indicator: str, *, title: str, description: str, axis_title: str,
              width: int = 420) -> alt.LayerChart:
    """One indicator across blocs: a bar per bloc, faded when some members lack data, labelled with the share of
    the world where the data holds a world total, else with 'reported/members'."""
    data = caps[caps["indicator"] == indicator].copy()
    share = data["world_share"] if "world_share" in data else pd.Series(float("nan"), index=data.index)
    data = data.assign(
        world=share,
        coverage=data["reported"].astype(str) + " of " + data["members"].astype(str) + " members reported",
        label=[f"{s:.0%} of world" if pd.notna(s) else f"{r}/{m}"
               for s, r, m in zip(share, data["reported"], data["members"])],
        data_for=data["complete"].map({True: COMPLETE[0], False: COMPLETE[1]}))
    base = alt.Chart(data).encode(y=alt.Y("bloc:N", title=None, sort=list(data["bloc"])))
    tips = [alt.Tooltip("bloc:N"), alt.Tooltip("total:Q", title=axis_title, format=",.0f"),
            alt.Tooltip("world:Q", title="share of the world", format=".1%"),
            alt.Tooltip("coverage:N", title="coverage"), alt.Tooltip("missing:N", title="members without data"),
            alt.Tooltip("unit:N")]
    bars = base.mark_bar(color=NEUTRAL).encode(
        x=alt.X("total:Q", title=axis_title, axis=alt.Axis(format=",.0f")),
        opacity=alt.Opacity("data_for:O", sort=list(COMPLETE),
                            scale=alt.Scale(domain=list(COMPLETE), range=[1.0, 0.35]),
                            legend=alt.Legend(title="figures for")),
        tooltip=tips)
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(x="total:Q", text="label:N", tooltip=tips)
    return theme.titled(alt.layer(bars, text).properties(width=width), title, description)


def indicator_bars(caps: pd.DataFrame, indicator: str, year: int) -> alt.LayerChart:
    """:func:`bloc_bars` for one of the indicators in ``BARS``, titled with what the totals show in ``year``."""
    axis_title, description = BARS[indicator]
    return bloc_bars(caps, indicator, title=capability_finding(caps, indicator, year), description=description,
                     axis_title=axis_title)


def concentration_dots(conc: pd.DataFrame, *, title: str, description: str = DOTS, width: int = 420) -> alt.LayerChart:
    """Effective number of members (1 / Herfindahl index) per bloc and indicator, beside the actual number of
    members (a hollow tick): the further apart, the more one member dominates."""
    data = conc[(conc["members"] > 1) & conc["effective_members"].notna()].assign(
        indicator_label=lambda d: d["indicator"].map(LABELS))
    order = list(dict.fromkeys(data["indicator_label"]))
    base = alt.Chart(data).encode(y=alt.Y("bloc:N", title=None, sort=list(dict.fromkeys(data["bloc"]))))
    tips = [alt.Tooltip("bloc:N"), alt.Tooltip("indicator_label:N", title="indicator"),
            alt.Tooltip("effective_members:Q", title="effective members", format=".2f"),
            alt.Tooltip("members:Q", title="members"), alt.Tooltip("largest:N", title="largest member"),
            alt.Tooltip("largest_share:Q", title="its share", format=".0%"),
            alt.Tooltip("leader_ratio:Q", title="leader to runner-up", format=".1f")]
    x = alt.X("effective_members:Q", title="effective number of members (log scale)",
              scale=alt.Scale(type="log", domain=[1, 40]))
    dots = base.mark_point(filled=True, size=90).encode(
        x=x,
        color=alt.Color("indicator_label:N", scale=theme.positional_scale(order), legend=alt.Legend(title="indicator")),
        shape=alt.Shape("indicator_label:N", sort=order, legend=None), tooltip=tips)
    ticks = base.mark_tick(color="#000000", thickness=1, size=16).encode(x="members:Q", tooltip=tips)
    return theme.titled(alt.layer(ticks, dots).properties(width=width), title, description)


def share_lines(series: pd.DataFrame, *, title: str, description: str = LINES, width: int = 560) -> alt.LayerChart:
    """Shares over time, one line per series and one panel per kind (within a bloc, against NATO, of the
    world); hollow points mark years where some member lacks a figure."""
    data = series.dropna(subset=["value"]).assign(
        figures=lambda d: d["complete"].map({True: COMPLETE[0], False: COMPLETE[1]}))
    names = list(dict.fromkeys(data["series"]))
    tips = [alt.Tooltip("series:N"), alt.Tooltip("year:O"), alt.Tooltip("value:Q", title="share", format=".1%"),
            alt.Tooltip("figures:N", title="figures for"), alt.Tooltip("members:Q", title="members of the bloc")]
    legend = alt.Legend(title=None, orient="bottom", columns=2)  # one legend for the line and the point fills
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=list(range(2000, 2030, 4)))),
        y=alt.Y("value:Q", title="share", axis=alt.Axis(format=".0%")),
        color=alt.Color("series:N", scale=theme.positional_scale(names), legend=legend))
    lines = base.mark_line()
    points = base.mark_point(size=30).encode(
        fill=alt.condition("datum.complete", alt.Color("series:N", scale=theme.positional_scale(names), legend=legend),
                           alt.value("white")),
        tooltip=tips)
    chart = alt.layer(lines, points).properties(width=width, height=150).facet(
        row=alt.Row("kind:N", title=None, sort=list(dict.fromkeys(data["kind"]))))
    return theme.titled(chart.resolve_scale(y="independent"), title, description)
