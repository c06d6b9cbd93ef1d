"""Altair builders for notebook 05 (P10–P11): bloc totals, concentration per indicator, shares over time.

Each builder takes a DataFrame from ``helpers.tables.balance`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook; ``description`` is the text alternative; every
mark has tooltips; categorical colours come from the theme's category palette, used positionally.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers import paths, theme
from helpers.tables.balance import PAIR
from helpers.tables.balance_words import LABELS, capability_finding, held_lines

COMPLETE = ("every member", "some members only")
#: The share lines' value axis, and the mark of a year a bloc gained members (membership on 31 December).
SHARE_AXIS = "share of military spending"
JOINED = "members joined that year"
#: Axis title, divisor (from the data's unit to the axis unit) and text alternative of each indicator's bars.
BARS = {
    "milex_usd_const": ("US$ billion, constant 2023 prices", 1e3,
                        ("Horizontal stacked bars of military spending per bloc in US$ billion, one part per large "
                         "member, labelled with the total and the share of world spending.")),
    "nuclear_warheads": ("warheads, total inventory", 1,
                         ("Horizontal stacked bars of warhead inventories per bloc, one part per nuclear-armed "
                          "member, labelled with the total and the share of the world inventory.")),
    "population": ("millions of people", 1e6,
                   ("Horizontal stacked bars of population per bloc in millions, one part per large member, labelled "
                    "with the total and, where the data holds a world total on the same basis, the share of the "
                    "world.")),
}
#: Whether the chart's container is a phone's (an export, with no container, gets the wide layout).
PHONE = "(containerSize()[0] > 0 && containerSize()[0] < 600)"
#: The bloc bars' rows: 34 px apart, so a long bloc name wrapped on a phone ("SCO without India and Pakistan" on two
#: lines, not cut with "…") stays beside its own bar; rows of named blocs, which the Arabic edition mirrors (names
#: on the right, bars growing leftwards: ``helpers.i18n.chart_words``).
#: The dashed outline of a bar piece that is an estimate: black, on a dark page too (on the light bars); there a
#: light ring under it (:data:`HALO`, the page's white on a white page) shows the outline against the dark ground,
#: where black alone all but vanished (1.2:1).
ESTIMATE_OUTLINE, ESTIMATE_OUTLINE_DARK = theme.INK, theme.ESTIMATE_OUTLINE_DARK
HALO, HALO_DARK = theme.BORDER, theme.ESTIMATE_HALO_DARK
BAR_LAYOUT = {"height": alt.Step(34), "usermeta": {"mirror": True, "dark": theme.dark_swap(
    (ESTIMATE_OUTLINE, HALO), (ESTIMATE_OUTLINE_DARK, HALO_DARK))}}
#: Default text alternatives.
DOTS = ("Dots of how many equal-sized members each bloc counts as, in effect, per indicator, beside a tick at its "
        "actual number of members, on a log scale.")
#: The key of the hollow tick (a bloc's actual number of members), which the dots' legend does not name.
TICK_KEY = "actual number of members"
LINES = ("Line charts of spending shares by year: within NATO and the SCO, Russia and China against NATO, and each "
         "bloc's share of the world.")


def _short_amount(value: float, indicator: str) -> str:
    """A bar label's total: "US$1.34 tn", "US$406 bn", "6,299", "1.57 bn people", "203 m people"."""
    if indicator.startswith("milex"):
        bn = value / 1e3
        return f"US${bn / 1e3:.2f} tn" if bn >= 1e3 else f"US${bn:,.0f} bn"
    if indicator == "population":
        return f"{value / 1e9:.2f} bn people" if value >= 1e9 else f"{value / 1e6:,.0f} m people"
    return f"{value:,.0f}"


def no_figures(indicator: str, held, *, title: str, width: int = 420) -> alt.Chart:
    """In place of bars when no bloc has a figure for the year: a frame that says, in two short lines, for which
    years the data holds the indicator's figures (``held``), so the reader knows which year to choose."""
    lines = held_lines(indicator, held)
    data = pd.DataFrame({"line": [0, 1], "note": list(lines)})
    chart = alt.Chart(data).mark_text(fontSize=13, color=theme.TEXT, baseline="middle").encode(
        x=alt.X(datum=0.5, scale=alt.Scale(domain=[0, 1]), axis=None),
        y=alt.Y("line:O", axis=None), text="note:N", tooltip=[alt.Tooltip("note:N", title="note")])
    return theme.titled(chart.properties(width=width, height=alt.Step(22)), title, " ".join(lines))


def _ticks(top: float) -> list[float]:
    """Round ticks from 0 to the first one at or past ``top``, so the axis covers the largest bar (NATO's 1,340
    reads against a 1,500 tick, not past a 1,000 that ends the axis)."""
    import math

    mag = 10 ** math.floor(math.log10(top)) if top > 0 else 1
    step = next(m * mag for m in (0.2, 0.25, 0.5, 1, 2, 2.5, 5) if top / (m * mag) <= 4)
    return [round(i * step, 6) for i in range(math.ceil(top / step - 1e-9) + 1)]


#: Chart text on a phone (bar labels, axis and legend labels): 12 px at least, read at 390 px.
TEXT_PX = 12


def _label_room(totals: pd.DataFrame, last_tick: float) -> alt.Scale:
    """A scale that reaches its last tick and whose bars end where each one's label (``label``, ~7 px a character
    at 12 px) still fits in the plot at any width."""
    need = [f"{float(v)} * width / max(width - {8 + 7 * len(str(t))}, width * 0.4)"
            for v, t in zip(totals["shown"], totals["label"]) if pd.notna(v) and v > 0]
    return alt.Scale(nice=False, domainMin=0, domainMax=alt.ExprRef(f"max({', '.join([*need, str(last_tick)])})"))


def _bar_totals(data: pd.DataFrame, indicator: str, divisor: float) -> pd.DataFrame:
    """Each bloc's total as its bar's end and label: the amount, the share of the world where the data holds a
    world total, "(partial)" when members are missing, and how many members reported."""
    share = data["world_share"] if "world_share" in data else pd.Series(float("nan"), index=data.index)
    return data.assign(
        world=share, shown=data["total"] / divisor,
        coverage=data["reported"].astype(str) + " of " + data["members"].astype(str) + " members reported",
        label=[("" if pd.isna(t) else _short_amount(t, indicator)) + ("" if pd.isna(s) else f" · {s:.0%}")
               + ("" if c else " (partial)") for t, s, c in zip(data["total"], share, data["complete"])])


def bloc_bars(caps: pd.DataFrame, parts: pd.DataFrame, indicator: str, *, title: str, description: str,
              axis_title: str, divisor: float = 1.0, width: int = 420) -> alt.LayerChart:
    """One indicator across blocs: a bar per bloc stacked from its members' parts (``parts`` from
    ``helpers.tables.balance.member_parts``), so who carries each bloc's weight shows; parts the source publishes
    as estimates are outlined with a dashed line; each bar is labelled with its total and, where the data holds a
    world total, the share of the world; a total that misses members says "partial". Needs at least one total
    (see :func:`no_figures` for a year without any)."""
    data = caps[caps["indicator"] == indicator].copy()
    if not data["total"].notna().any():
        raise ValueError(f"bloc_bars: no bloc has a {indicator} total to draw; show charts.no_figures instead")
    order, totals = list(data["bloc"]), _bar_totals(data, indicator, divisor)
    pieces = parts[parts["bloc"].isin(order)].assign(
        shown=lambda d: d["value"] / divisor,
        figure=lambda d: d["estimate"].map({True: "estimate", False: "reported"}))
    names = [p for p in theme.PART_COLORS if p in set(pieces["part"])]
    # a long bloc name on two lines on a phone, so the bars keep most of the screen's width
    y = alt.Y("bloc:N", title=None, sort=order, axis=alt.Axis(labelExpr=theme.wrapped_label(PHONE, 22, 40)))
    ticks = _ticks(float(totals["shown"].max() or 1))  # at least one total
    bars = alt.Chart(pieces).mark_bar(strokeWidth=1.5).encode(
        y=y, x=alt.X("shown:Q", title=axis_title, stack="zero", scale=_label_room(totals, ticks[-1]),
                     # on a phone the first and last ticks are labelled (at 12 px "1,000" met "1,500")
                     axis=alt.Axis(format=",.0f", values=ticks, domain=False,
                                   labelExpr=f"{PHONE} && datum.index > 0 && datum.index < 1 ? '' : datum.label")),
        color=alt.Color("part:N", scale=alt.Scale(domain=names, range=[theme.PART_COLORS[n] for n in names]),
                        legend=alt.Legend(title=None, orient="bottom", columns=2)),
        order=alt.Order("order:Q"),
        stroke=alt.condition("datum.estimate", alt.value(ESTIMATE_OUTLINE), alt.value(None)),
        strokeDash=alt.condition("datum.estimate", alt.value([3, 2]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("bloc:N"), alt.Tooltip("part:N", title="member"),
                 alt.Tooltip("shown:Q", title=axis_title, format=",.1f"),
                 alt.Tooltip("figure:N", title="figure")])
    text = alt.Chart(totals).mark_text(align="left", dx=4, fontSize=TEXT_PX).encode(
        y=y, x=alt.X("shown:Q"), text="label:N",
        tooltip=[alt.Tooltip("bloc:N"), alt.Tooltip("shown:Q", title=axis_title, format=",.1f"),
                 alt.Tooltip("world:Q", title="share of the world", format=".1%"),
                 alt.Tooltip("coverage:N", title="coverage"), alt.Tooltip("missing:N", title="members without data")])
    return _readable(theme.titled(alt.layer(_ring(pieces, y), bars, text).properties(width=width, **BAR_LAYOUT), title,
                                  description))


def _ring(pieces: pd.DataFrame, y: alt.Y) -> alt.Chart:
    """A wide stroke under each estimate's bar piece, in :data:`HALO` (stacked as the bars are): the bar's fill
    covers its inner half, its outer half rings the black dashes, which shows them on a dark page."""
    return alt.Chart(pieces).mark_bar(strokeWidth=5, fillOpacity=0).encode(
        y=y, x=alt.X("shown:Q", stack="zero"), order=alt.Order("order:Q"),
        stroke=alt.condition("datum.estimate", alt.value(HALO), alt.value(None)))


def _readable(chart):
    """``chart`` with its axis and legend labels at :data:`TEXT_PX` (the theme's 11 px is small on a phone)."""
    return chart.configure_axis(labelFontSize=TEXT_PX, titleFontSize=TEXT_PX).configure_legend(
        labelFontSize=TEXT_PX, titleFontSize=TEXT_PX)


def indicator_bars(caps: pd.DataFrame, parts: pd.DataFrame, indicator: str, year: int, *,
                   held, title: str | None = None) -> alt.LayerChart | alt.Chart:
    """:func:`bloc_bars` for one of the indicators in ``BARS``, titled with ``title`` or what the totals show in
    ``year``; when
    no bloc has a figure that year, :func:`no_figures` naming the years the data holds (``held``, from
    ``helpers.tables.balance.held_years``) instead of an empty frame."""
    axis_title, divisor, description = BARS[indicator]
    title = title or capability_finding(caps, indicator, year)
    if not caps.loc[caps["indicator"] == indicator, "total"].notna().any():
        return no_figures(indicator, held, title=title)
    return bloc_bars(caps, parts, indicator, title=title, description=description, axis_title=axis_title,
                     divisor=divisor)


def concentration_dots(conc: pd.DataFrame, *, title: str, description: str = DOTS, width: int = 420) -> alt.LayerChart:
    """Effective number of members (1 / Herfindahl index) per bloc and indicator, beside the actual number of
    members (a hollow tick): the further apart, the more one member dominates."""
    data = conc[(conc["members"] > 1) & conc["effective_members"].notna()].assign(
        indicator_label=lambda d: d["indicator"].map(LABELS))
    order = list(dict.fromkeys(data["indicator_label"]))
    # a long bloc name ("SCO without India and Pakistan") on two lines on a phone, where the plot keeps room
    base = alt.Chart(data).encode(y=alt.Y("bloc:N", title=None, sort=list(dict.fromkeys(data["bloc"])),
                                          axis=alt.Axis(labelExpr=theme.wrapped_label(PHONE, 20, 40))))
    tips = [alt.Tooltip("bloc:N"), alt.Tooltip("indicator_label:N", title="indicator"),
            alt.Tooltip("effective_members:Q", title="in effect, equal-sized members", format=".2f"),
            alt.Tooltip("members:Q", title="members"), alt.Tooltip("largest:N", title="largest member"),
            alt.Tooltip("largest_share:Q", title="its share", format=".0%"),
            alt.Tooltip("leader_ratio:Q", title="leader to runner-up", format=".1f")]
    x = alt.X("effective_members:Q", title="in effect, this many equal-sized members (log scale)",
              # from 0.8: a bloc whose one member holds everything (1.0) sits clear of the axis, not half under it
              scale=alt.Scale(type="log", domain=[0.8, 40]),
              axis=alt.Axis(values=[1, 2, 5, 10, 20, 40], labelOverlap="greedy"))
    # colour and shape share one title, so Vega-Lite draws one legend whose symbols are the marks' own shapes
    legend = alt.Legend(title="indicator")
    dots = base.mark_point(filled=True, size=90, opacity=1).encode(
        x=x, color=alt.Color("indicator_label:N", scale=theme.positional_scale(order), legend=legend),
        shape=alt.Shape("indicator_label:N", scale=alt.Scale(domain=order), legend=legend), tooltip=tips)
    # the tick has a key of its own (a stroke, drawn upright like the tick), under the indicators' legend
    key = alt.Stroke("tick:N", scale=alt.Scale(domain=[TICK_KEY], range=[theme.INK]),
                     legend=alt.Legend(title=None, symbolType="M0,-1L0,1", symbolStrokeWidth=1.5, orient="right"))
    ticks = base.transform_calculate(tick=f"'{TICK_KEY}'").mark_tick(thickness=1, size=16).encode(
        x="members:Q", stroke=key, tooltip=tips)
    # rows tall enough for a name on two lines
    return _readable(theme.titled(alt.layer(ticks, dots).properties(width=width, height=alt.Step(34)), title,
                                  description))


#: Each series' colour, by the bloc it is about (``bloc`` of ``share_series``): the organisations' own colours, and a
#: dark grey, drawn dashed, for Russia + China, so no two lines of a panel share a hue (two greens and two yellows
#: of the categorical palette read as one).
SERIES_COLORS = {"NATO": theme.ORG_COLORS["NATO"], "SCO": theme.ORG_COLORS["SCO"], "CSTO": theme.ORG_COLORS["CSTO"],
                 PAIR: theme.NEUTRAL}
#: A line's name beside its last point is kept this share of its panel's largest value from the next one: a line of
#: 12 px text (:data:`TEXT_PX`), Latin or Noto Naskh Arabic (taller); at 0.1 (and at 0.12 once the names grew from
#: 11 px) "Russia + China in the world" touched "SCO in the world".
LABEL_GAP = {"en": 0.14, "ar": 0.16}
#: On a phone, the height of a line of the list of names above a panel of share lines, by edition (Noto Naskh
#: Arabic stands taller than the Latin: at 16 px its lines touched).
KEY_LINE = {"en": 16, "ar": 20}
#: On a phone, the share lines' years are labelled every this many years, by edition.
PHONE_YEARS = {"en": 8, "ar": 12}
#: The share lines' phone layout follows the screen, not the chart's box: the box of a chart of fixed-width panels
#: is the chart itself, so at 460 px the desktop page drew the phone layout in half its column, and a wider chart
#: first drawn with its names beside the lines on a phone was narrowed by their width as well.
SCREEN_PHONE = "(windowSize()[0] > 0 && windowSize()[0] < 600)"


def _end_labels(data: pd.DataFrame) -> pd.DataFrame:
    """Each series' last point, with ``label_value``: its value, moved up just enough that no two names of a
    panel sit closer than :data:`LABEL_GAP` of the panel's largest value (Russia + China and the SCO end level)."""
    last = data.sort_values("year").groupby("series", sort=False).tail(1).copy()
    last["label_value"] = last["value"]
    for _, panel in last.groupby("kind", sort=False):
        top = float(data.loc[data["kind"] == panel["kind"].iloc[0], "value"].max())
        gap, floor = LABEL_GAP.get(paths.language(), LABEL_GAP["en"]) * top, None
        for i in panel.sort_values("value").index:
            if floor is not None and last.at[i, "label_value"] < floor + gap:
                last.at[i, "label_value"] = floor + gap
            floor = last.at[i, "label_value"]
    # on a phone the names stand in a list above the panel: the lowest line's name just above the plot (row 0)
    last["key_row"] = last.groupby("kind")["label_value"].rank(method="first").astype(int) - 1
    return last


def _line_names(data: pd.DataFrame, x: alt.X, colour: alt.Color) -> tuple[alt.Chart, alt.Chart]:
    """Each name beside its line's last point; on a phone, where those names left the plot a strip of 90 px, a list
    of the names above the panel instead, one a line in its line's colour, top line first. The name is the data's
    own field (empty where it is not drawn, which stays inside the plot and takes no room at its edge), so the
    Arabic edition shows it in Arabic, as it does every shown field."""
    line = KEY_LINE.get(paths.language(), KEY_LINE["en"])
    ends = alt.Chart(_end_labels(data)).transform_calculate(
        key_y=f"{SCREEN_PHONE} ? -{line // 2} - {line} * datum.key_row : 0")
    names = ends.mark_text(align="left", dx=8, fontSize=TEXT_PX).encode(
        x=x, y=alt.Y("label_value:Q"), text=alt.condition(SCREEN_PHONE, alt.value(""), alt.Text("series:N")),
        color=colour)
    key = ends.mark_text(align="left", baseline="bottom", fontSize=TEXT_PX).encode(
        x=alt.value(0), y=alt.Y("key_y:Q", scale=None),
        text=alt.condition(f"!{SCREEN_PHONE}", alt.value(""), alt.Text("series:N")), color=colour)
    return names, key


def share_lines(series: pd.DataFrame, *, title: str, description: str = LINES, width: int = 620) -> alt.LayerChart:
    """Shares over time, one line per series and one panel per kind (within a bloc, against NATO, of the
    world), each line named at its end instead of in a legend; hollow points mark years where some member lacks a
    figure."""
    data = series.dropna(subset=["value"]).assign(
        figures=lambda d: d["complete"].map({True: COMPLETE[0], False: COMPLETE[1]}), step=JOINED)
    data["joined"] = data.sort_values("year").groupby("series")["members"].diff().fillna(0) > 0
    blocs = [b for b in SERIES_COLORS if b in set(data["bloc"])]
    colour = alt.Color("bloc:N", scale=alt.Scale(domain=blocs, range=[SERIES_COLORS[b] for b in blocs]), legend=None)
    tips = [alt.Tooltip("series:N"), alt.Tooltip("year:O"), alt.Tooltip("value:Q", title="share", format=".1%"),
            alt.Tooltip("figures:N", title="figures for"), alt.Tooltip("members:Q", title="members of the bloc")]
    # on a phone every eighth year is labelled (every fourth ran together there); every twelfth in the Arabic
    # edition, whose longer line names leave the panels about 80 px, where 2000 2008 2016 2024 ran together
    step = PHONE_YEARS.get(paths.language(), PHONE_YEARS["en"])
    shown = f"{SCREEN_PHONE} && (datum.value - 2000) % {step} != 0 ? '' : datum.label"  # 2000, 2012, 2024 in Arabic
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=list(range(2000, 2030, 4)), labelExpr=shown))
    base = alt.Chart(data).encode(x=x, y=alt.Y("value:Q", title=SHARE_AXIS, axis=alt.Axis(format=".0%")), color=colour)
    lines = base.mark_line().encode(detail="series:N", strokeDash=alt.condition(
        alt.datum.bloc == PAIR, alt.value([5, 3]), alt.value([1, 0])))
    points = base.mark_point(size=30).encode(
        fill=alt.condition("datum.complete", colour, alt.value("white")), tooltip=tips)
    # a step in a line can be a change of members, not a trend: the years a bloc gained members are marked
    joined = base.transform_filter(alt.datum.joined).mark_point(size=90, filled=True, opacity=1).encode(
        shape=alt.Shape("step:N", scale=alt.Scale(domain=[JOINED], range=["triangle-up"]),
                        # the key's triangle in the text's grey, which a dark page lightens (its default black
                        # vanished on the dark ground)
                        legend=alt.Legend(title=None, orient="top", symbolFillColor=theme.TEXT,
                                          symbolStrokeColor=theme.TEXT)), tooltip=tips)
    names, key = _line_names(data, x, colour)
    marks = (lines, points, joined, names, key)
    panels = [alt.layer(*(c.transform_filter(alt.datum.kind == k) for c in marks)).properties(
        title=alt.TitleParams(k, anchor="start", fontSize=12), width=width, height=150)
        for k in dict.fromkeys(data["kind"])]
    return _readable(theme.titled(alt.vconcat(*panels).resolve_scale(y="independent"), title, description))
