"""Altair builders for notebooks 05, 06 and 08 (P10–P18): bloc capabilities, concentration, principle grid, SCO
timeline, UpSet overlap, a state's Gantt. The typology chart is in ``helpers.charts.typology``, the ledger's in
``helpers.charts.claims``.

Each builder takes a DataFrame from ``helpers.tables.eurasia`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook (which knows the finding for its parameters);
``description`` is the text alternative; every mark has tooltips; colours come from ``helpers.theme``
(organisation colours for organisations, the theme's categorical colours, used positionally, for other categories,
so no category borrows an organisation's colour).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.eurasia import PRESENCE, STRUCTURES

NEUTRAL = "#4d4d4d"
COMPLETE = ("every member", "some members only")
STATUS_ORDER = ["member", "participating_state", "partner", "observer", "dialogue_partner", "suspended", "frozen"]
PRESENCE_ORDER = [*PRESENCE, "not coded"]
# Sequential greys: darker = stated more strongly; 'not coded' is near-white (we have no reading).
PRESENCE_COLORS = ["#1a1a1a", "#7f7f7f", "#d0d0d0", "#f7f7f7"]
STRUCTURE_LABELS = {"NATO": "NATO", "PFP": "Partnership for Peace", "OSCE": "OSCE", "CSTO": "CSTO", "SCO": "SCO",
                    "SCO_PARTNER": "SCO observer / partner"}


def _positional(domain: Sequence[str]) -> alt.Scale:
    colors = list(theme.CATEGORY_COLORS.values())
    if len(domain) > len(colors):
        raise ValueError(f"too many categories ({len(domain)}) for the theme's {len(colors)} categorical colours")
    return alt.Scale(domain=list(domain), range=colors[: len(domain)])


def _props(chart, title: str, description: str):
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    return chart.properties(title=title, description=description or title)


# ----------------------------------------------------------------------------------------------------- 05


def bloc_bars(caps: pd.DataFrame, indicator: str, *, title: str, description: str, axis_title: str,
              width: int = 420) -> alt.LayerChart:
    """One indicator across blocs: a bar per bloc, faded when some members lack data, labelled 'x of n'."""
    data = caps[caps["indicator"] == indicator].assign(
        coverage=lambda d: d["reported"].astype(str) + " of " + d["members"].astype(str) + " members reported",
        label=lambda d: d["reported"].astype(str) + "/" + d["members"].astype(str),
        data_for=lambda d: d["complete"].map({True: COMPLETE[0], False: COMPLETE[1]}))
    base = alt.Chart(data).encode(y=alt.Y("bloc:N", title=None, sort=list(data["bloc"])))
    tips = [alt.Tooltip("bloc:N"), alt.Tooltip("total:Q", title=axis_title, format=",.0f"),
            alt.Tooltip("coverage:N", title="coverage"), alt.Tooltip("missing:N", title="members without data"),
            alt.Tooltip("unit:N")]
    bars = base.mark_bar(color=NEUTRAL).encode(
        x=alt.X("total:Q", title=axis_title, axis=alt.Axis(format=",.0f")),
        opacity=alt.Opacity("data_for:N", scale=alt.Scale(domain=list(COMPLETE), range=[1.0, 0.35]),
                            legend=alt.Legend(title="figures for")),
        tooltip=tips)
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(x="total:Q", text="label:N", tooltip=tips)
    return _props(alt.layer(bars, text).properties(width=width), title, description)


def concentration_bars(conc: pd.DataFrame, *, title: str, description: str, width: int = 420) -> alt.LayerChart:
    """Herfindahl index of military spending per bloc, with a tick at the value n equal members would give."""
    data = conc.dropna(subset=["hhi"]).assign(
        data_for=lambda d: d["complete"].map({True: COMPLETE[0], False: COMPLETE[1]}))
    base = alt.Chart(data).encode(y=alt.Y("bloc:N", title=None, sort=list(data["bloc"])))
    tips = [alt.Tooltip("bloc:N"), alt.Tooltip("hhi:Q", title="Herfindahl index", format=".2f"),
            alt.Tooltip("largest:N", title="largest member"),
            alt.Tooltip("largest_share:Q", title="largest member's share", format=".0%"),
            alt.Tooltip("equal_share_hhi:Q", title="index if members were equal", format=".2f"),
            alt.Tooltip("reported:Q", title="members with data"), alt.Tooltip("members:Q", title="members")]
    bars = base.mark_bar(color=NEUTRAL).encode(
        x=alt.X("hhi:Q", title="Herfindahl index of military spending (1 = one member spends all)",
                scale=alt.Scale(domain=[0, 1])),
        opacity=alt.Opacity("data_for:N", scale=alt.Scale(domain=list(COMPLETE), range=[1.0, 0.35]),
                            legend=alt.Legend(title="figures for")),
        tooltip=tips)
    ticks = base.mark_tick(color="#000000", thickness=2, size=18).encode(x="equal_share_hhi:Q", tooltip=tips)
    return _props(alt.layer(bars, ticks).properties(width=width), title, description)


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


# ----------------------------------------------------------------------------------------------------- 08


def spell_gantt(spells: pd.DataFrame, *, names: dict[str, str] | None = None, row: str = "iso3",
                title: str, description: str, width: int = 620) -> alt.Chart:
    """Membership spells as bars on a time axis, one row per ``row`` value, colour = status."""
    data = spells.copy()
    data["name"] = [(names or {}).get(i, i) for i in data["iso3"]]
    if "role" not in data.columns:
        data["role"] = data["status"]
    # Legend order: organisations in order of first appearance, then the fixed status order within each.
    org_rank = {o: i for i, o in enumerate(dict.fromkeys(data.sort_values("start", kind="mergesort")["org_id"]))}
    status_rank = {st: i for i, st in enumerate(STATUS_ORDER)}
    pairs = data[["role", "org_id", "status"]].drop_duplicates("role")
    by_org = (pairs["role"] != pairs["status"])
    statuses = [r for r, _, _ in sorted(
        zip(pairs["role"], pairs["org_id"].map(org_rank).where(by_org, 0), pairs["status"].map(status_rank)),
        key=lambda t: (t[1], len(STATUS_ORDER) if pd.isna(t[2]) else t[2], t[0]))]
    order = list(dict.fromkeys(data.sort_values(["start", row], kind="mergesort")[row]))
    chart = alt.Chart(data).mark_bar(height=10).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y")),
        x2="end:T",
        y=alt.Y(f"{row}:N", sort=order, title=None),
        color=alt.Color("role:N", scale=_positional(statuses), legend=alt.Legend(title="status")),
        tooltip=[alt.Tooltip("name:N", title="state"), alt.Tooltip("org_id:N", title="organisation"),
                 alt.Tooltip("status:N"), alt.Tooltip("start:T", format="%Y-%m-%d"),
                 alt.Tooltip("end:T", format="%Y-%m-%d", title="first day not shown"),
                 alt.Tooltip("ongoing:N", title="still running")],
    )
    return _props(chart.properties(width=width), title, description)


def upset_chart(combos: pd.DataFrame, *, structures: Iterable[str] = STRUCTURES, title: str, description: str,
                width: int = 560) -> alt.VConcatChart:
    """UpSet-style: bars of how many states hold each exact combination, over a dot matrix of the combination."""
    structures = list(structures)
    combos = combos.reset_index(drop=True)
    order = list(combos["combination"])
    bars = alt.Chart(combos).mark_bar(color=NEUTRAL).encode(
        x=alt.X("combination:N", sort=order, axis=alt.Axis(labels=False, ticks=False), title=None),
        y=alt.Y("states:Q", title="Eurasian states"),
        tooltip=[alt.Tooltip("combination:N"), alt.Tooltip("states:Q"), alt.Tooltip("members:N", title="states")],
    ).properties(width=width, height=180)
    long = combos.melt(id_vars=["combination", "states", "members"], value_vars=structures,
                       var_name="structure", value_name="in")
    long["structure_label"] = [STRUCTURE_LABELS.get(s, s) for s in long["structure"]]
    labels = [STRUCTURE_LABELS.get(s, s) for s in structures]
    dots = alt.Chart(long).mark_circle(size=110).encode(
        x=alt.X("combination:N", sort=order, axis=None),
        y=alt.Y("structure_label:N", sort=labels, title=None),
        color=alt.Color("in:N", scale=alt.Scale(domain=[True, False], range=["#1a1a1a", "#dddddd"]), legend=None),
        tooltip=[alt.Tooltip("combination:N"), alt.Tooltip("structure_label:N", title="structure"),
                 alt.Tooltip("in:N", title="belongs"), alt.Tooltip("members:N", title="states")],
    ).properties(width=width, height=22 * len(structures))
    return alt.vconcat(bars, dots, spacing=4).properties(title=title, description=description or title)
