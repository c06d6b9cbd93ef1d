"""Altair builders for notebooks 01–04 (P1–P9): timelines, membership steps, lifespans, two camps.

Each builder takes a DataFrame from ``helpers.tables.euroatlantic`` and returns a chart; it never displays or
saves. Every chart has a title that states the finding (passed in by the notebook, which knows the finding for
its parameters), a ``description`` (text alternative), tooltips on its marks, and colours from ``helpers.theme``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from helpers import theme, wording
from helpers.tables.enlargement import BACKGROUNDS


def _category_scale(categories: Iterable[str]) -> alt.Scale:
    present = set(categories)
    return theme.category_scale([c for c in theme.CATEGORY_COLORS if c in present])


def _background_scale() -> alt.Scale:
    """Backgrounds of NATO members, each in its colour of :data:`helpers.theme.BACKGROUND_COLORS`."""
    return alt.Scale(domain=list(BACKGROUNDS), range=[theme.BACKGROUND_COLORS[b] for b in BACKGROUNDS])


#: Pixels left at each end of an event timeline's time axis: more than the radius of its largest dot (size 180).
EDGE_ROOM = 14
#: Whether the chart's container is a phone's (its lanes' names wrap shorter there).
LANE_PHONE = "(containerSize()[0] > 0 && containerSize()[0] < 600)"


def date_tooltip(field: str, title: str) -> alt.Tooltip:
    """A date's tooltip, written YYYY-MM-DD (the timelines here and the treaty Gantt of ``charts.arms_control``)."""
    return alt.Tooltip(f"{field}:T", title=title, format="%Y-%m-%d")


def event_timeline(rows: pd.DataFrame, *, title: str, description: str,
                   annotate: Sequence[str] = (), width: int = 640) -> alt.LayerChart:
    """Events as dots on a time axis, one lane per category; events in ``annotate`` (ids) are labelled (larger dots,
    explained under the title). ``rows`` is :func:`helpers.tables.euroatlantic.timeline_rows` output."""
    annotated = rows["event_id"].isin(list(annotate))
    # Labels alternate above and below their dot, in date order within each lane, so neighbours do not overprint
    slot = annotated.astype(int).groupby(rows["category"]).cumsum().where(annotated, 0) % 2
    data = rows.assign(label=rows["title"].where(annotated, ""), annotated=annotated, above=annotated & (slot == 1),
                       below=annotated & (slot == 0))
    data["anchor"] = _anchors(data)
    # a full lane's height below the last lane and above the first: a label wrapped to three lines on a phone
    # stays clear of the year axis
    # the time axis is padded by more than the largest dot's radius, so a first or last event is drawn whole and
    # clear of the lanes' names (the Astana 2010 dot was cut in half at the right edge)
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y"), scale=alt.Scale(padding=EDGE_ROOM)),
        # a long lane name wraps (the Arabic «وثيقة لمنظمة الأمن والتعاون في أوروبا» ran into the Helsinki dot)
        y=alt.Y("category:N", title=None, sort=list(theme.CATEGORY_COLORS), scale=alt.Scale(padding=1),
                axis=alt.Axis(labelPadding=8, labelExpr=theme.wrapped_label(LANE_PHONE, 14, 22))),
    )
    dots = base.mark_circle(opacity=0.9).encode(
        color=alt.Color("category:N", scale=_category_scale(data["category"]), legend=None),
        size=alt.Size("annotated:O", scale=alt.Scale(domain=[False, True], range=[60, 180]), legend=None),
        tooltip=[date_tooltip("date", "date"), alt.Tooltip("title:N", title="event"),
                 alt.Tooltip("description:N", title="what happened"),
                 alt.Tooltip("paragraphs:N", title="article paragraphs"),
                 alt.Tooltip("source_id:N", title="source")],
    )
    labels = [base.transform_filter(alt.datum[side]).transform_filter(alt.datum.anchor == align).transform_calculate(
        label=WRAP_EVENT).mark_text(align=align, baseline="bottom" if side == "above" else "top",
                                    dy=RAISE if side == "above" else 8, fontSize=11, lineHeight=12).encode(text="label:N")
              for side in ("above", "below") for align in ("left", "center", "right")
              if (data[side] & (data["anchor"] == align)).any()]  # an empty text layer makes the console warn
    key = [EVENT_KEY] if labels else []
    return alt.layer(dots, *labels).properties(title=alt.TitleParams(title, subtitle=key),
                                               description=description, width=width,
                                               height=max(200, 70 * data["category"].nunique()))


def _anchors(data: pd.DataFrame) -> list[str]:
    """Where each label of :func:`event_timeline` sits on its dot: the chart's first label starts at its dot and
    its last ends at it (neither runs past an edge); a label between them runs away from the nearer label on its
    own side of the same lane (on a phone, centred labels 20 years apart met), else it is centred."""
    out = ["center"] * len(data)
    labelled = data[data["annotated"]]
    if labelled.empty:
        return out
    first, last = labelled["date"].min(), labelled["date"].max()
    for _, side in labelled.groupby([labelled["category"], labelled["above"]]):
        days = side["date"].sort_values()
        for i, (idx, day) in enumerate(days.items()):
            before = (day - days.iloc[i - 1]).days if i > 0 else None
            after = (days.iloc[i + 1] - day).days if i + 1 < len(days) else None
            where = ("left" if day == first else "right" if day == last else
                     "right" if after is not None and (before is None or after < before) else
                     "left" if before is not None and (after is None or before < after) else "center")
            out[data.index.get_loc(idx)] = where
    return out


#: What an enlarged dot of :func:`event_timeline` is, under its title.
EVENT_KEY = "Larger dots: the labelled events; hover or tap any dot for its title, or see the list below"
#: An event's label on lines of at most 16 characters on a phone (whole, it ran into its neighbours there); one
#: above its dot is raised by its extra lines, so its last line ends above the dot
WRAP_EVENT = theme.wrapped_label("(containerSize()[0] > 0 && containerSize()[0] < 600)", 16, 60)
RAISE = alt.ExprRef("-8 - 12 * (length(datum.label) - 1)")


#: The two panels of :func:`zoomed_timeline`: the enlarged recent years, then the whole period.
ZOOM_TITLE = "Recent steps (the article's in bold)"
OVERVIEW_TITLE = "Whole period (shaded: enlarged above)"


def _day(when: pd.Timestamp) -> int:
    """A day as milliseconds since 1970 (UTC): the zoom panel's domain and its labels' datum, in one form."""
    return int(pd.Timestamp(when.date()).value // 1_000_000)


def _zoom_labels(base: alt.Chart, first: pd.Timestamp, *, cited: bool) -> alt.Chart:
    """Event titles on their own line above their row, from the panel's left edge (so none runs off the plot,
    even on a phone); the article's events in bold and dark, the others in a grey that small text can be read in
    (:data:`helpers.theme.QUIET_TEXT`, 4.5:1 and more on both pages; the lighter grey was 4.0:1 on white)."""
    return base.transform_filter(f"{'' if cited else '!'}datum.cited").mark_text(
        align="left", baseline="bottom", dy=-5, fontSize=11.5, fontWeight="bold" if cited else "normal",
        color=theme.TEXT if cited else theme.QUIET_TEXT).encode(x=alt.datum(_day(first), type="temporal"),
                                                            text="title:N")


def _zoom_panel(rows: pd.DataFrame, annotate: Sequence[str], zoom_from, width: int,
                categories: Iterable[str]) -> alt.LayerChart:
    """One row per event since ``zoom_from``, in date order, its title on a line of its own and a thin stem from
    the left edge to its dot: no two labels share a line, so none can overprint another."""
    first, last = pd.Timestamp(zoom_from), pd.Timestamp(year=rows["date"].max().year, month=12, day=31)
    data = rows.assign(cited=rows["event_id"].isin(list(annotate)), stem=first)
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelFontSize=12)),
        y=alt.Y("event_id:N", sort=list(data["event_id"]), axis=None,
                scale=alt.Scale(paddingInner=0, paddingOuter=0.2)))
    stems = base.mark_rule(color=theme.GRID, strokeWidth=1).encode(x2="stem:T")
    # the domain is set in one layer only: set in several, Vega-Lite warns that they disagree on its form
    dots = base.mark_circle(opacity=0.9).encode(
        x=alt.X("date:T", title=None, scale=alt.Scale(domain=[_day(first), _day(last)]),
                axis=alt.Axis(format="%Y", tickCount="year", labelFontSize=12)),
        color=alt.Color("category:N", scale=_category_scale(categories), legend=None),
        size=alt.condition("datum.cited", alt.value(170), alt.value(60)),
        tooltip=[date_tooltip("date", "date"), alt.Tooltip("title:N", title="event"),
                 alt.Tooltip("description:N", title="what happened"),
                 alt.Tooltip("paragraphs:N", title="article paragraphs"),
                 alt.Tooltip("source_id:N", title="source")])
    labels = [_zoom_labels(base, first, cited=c) for c in (True, False) if (data["cited"] == c).any()]
    return alt.layer(stems, dots, *labels).properties(title=ZOOM_TITLE, width=width, height=36 * len(data))


#: On a phone the whole period's lane names stand inside its plot, each above its lane from the left edge: down the
#: side they set both panels' plots 85 px in (the panels are aligned), leaving the enlarged one a blank margin.
LANES_INSIDE = {"labelAlign": alt.ExprRef(f"{LANE_PHONE} ? 'left' : 'right'"),
                "labelBaseline": alt.ExprRef(f"{LANE_PHONE} ? 'bottom' : 'middle'"),
                "labelPadding": alt.ExprRef(f"{LANE_PHONE} ? -8 : 8"),
                "labelOffset": alt.ExprRef(f"{LANE_PHONE} ? -10 : 0"), "ticks": False,
                "labelExpr": f"{LANE_PHONE} ? datum.label : {theme.wrapped_label(LANE_PHONE, 14, 22)}"}


def _names_inside(layer: alt.Chart) -> alt.Chart:
    """A lane layer of :func:`event_timeline` whose lane names stand inside the plot on a phone (one line each)."""
    y = layer.encoding.y.copy() if isinstance(layer.encoding.y, alt.Y) else None
    if y is None:
        return layer
    y.axis = alt.Axis(**LANES_INSIDE)
    return layer.encode(y=y)


def zoomed_timeline(rows: pd.DataFrame, *, title: str, description: str, annotate: Sequence[str] = (),
                    zoom_from, width: int = 640) -> alt.VConcatChart | alt.LayerChart:
    """Two panels: the events since ``zoom_from`` enlarged, one labelled row each, then the whole period in
    lanes (as :func:`event_timeline`, unlabelled) with the enlarged years shaded, so the recent steps the article
    is about are not bunched at the end of a long axis. With nothing before or nothing since ``zoom_from`` there
    is nothing to enlarge, and the chart is :func:`event_timeline`'s single panel."""
    recent = rows[rows["date"] >= pd.Timestamp(zoom_from)]
    if recent.empty or len(recent) == len(rows):
        return event_timeline(rows, title=title, description=description, annotate=annotate, width=width)
    lanes = event_timeline(rows, title=OVERVIEW_TITLE, description=description, width=width).properties(
        height=36 * rows["category"].nunique())
    band = pd.DataFrame({"start": [pd.Timestamp(zoom_from)], "end": [rows["date"].max() + pd.Timedelta(days=60)]})
    shade = alt.Chart(band).mark_rect(color=theme.MUTED, opacity=0.15).encode(x="start:T", x2="end:T")
    overview = alt.layer(shade, *[_names_inside(u) for u in lanes.layer], data=lanes.data).properties(
        title=OVERVIEW_TITLE, width=width, height=36 * rows["category"].nunique())
    zoom = _zoom_panel(recent, annotate, zoom_from, width, rows["category"])
    # on a dark page the article's titles near white and the others a light grey (lightened as other dark marks
    # are, the article's came out darker than the grey ones)
    dark = theme.dark_swap([theme.TEXT, theme.QUIET_TEXT], [theme.TEXT_DARK, theme.QUIET_TEXT_DARK])
    return alt.vconcat(zoom, overview, spacing=28).properties(title=title, description=description,
                                                               usermeta={"dark": dark})


def membership_steps(steps: pd.DataFrame, *, title: str, description: str, as_of=None,
                     width: int = 600) -> alt.LayerChart:
    """Member counts as step lines, one colour per organisation; a dashed rule marks ``as_of``. The count is of
    "participating States" when every line is the OSCE's (it has no members), else of "formal members"."""
    orgs = list(dict.fromkeys(steps["org_id"]))
    unit = "participating States" if set(orgs) == {"OSCE"} else "formal members"
    # a key of one organisation says nothing the title does not ("organisation: NATO"): none then, in both layers
    key = {} if len(orgs) > 1 else {"legend": None}
    line = alt.Chart(steps).mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(labelFlush=True)),  # the last year's label inside the chart
        y=alt.Y("members:Q", title=unit),
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs), title="organisation", **key),
    )
    points = alt.Chart(steps).mark_point(filled=True, size=30).encode(
        x="date:T", y="members:Q",
        # the line's legend, said the same way (a legend switched off here conflicted with the Arabic edition's
        # legend labels and made Vega warn)
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs), title="organisation", **key),
        tooltip=[alt.Tooltip("org_id:N", title="organisation"), date_tooltip("date", "from"),
                 alt.Tooltip("members:Q", title=unit)],
    )
    layers = [line, points]
    if as_of is not None:
        rule = alt.Chart(pd.DataFrame({"as_of": [pd.Timestamp(as_of)]})).mark_rule(strokeDash=[4, 3]).encode(
            x="as_of:T", tooltip=[date_tooltip("as_of", "report date")])
        layers.append(rule)
    return alt.layer(*layers).properties(title=title, description=description, width=width, height=280)


def accession_timeline(members: pd.DataFrame, *, title: str, description: str, width: int = 560) -> alt.Chart:
    """One dot per state at its first entry date, states ordered by entry, coloured by background; ``members``
    needs ``name``, ``joined``, ``background`` (e.g. :func:`members_on` with backgrounds)."""
    order = members.sort_values(["joined", "name"])["name"].tolist()
    return alt.Chart(members).mark_circle(size=110, opacity=1).encode(
        x=alt.X("joined:T", title="first joined"),
        y=alt.Y("name:N", sort=order, title=None),
        color=alt.Color("background:N", scale=_background_scale(), title="background"),
        tooltip=[alt.Tooltip("name:N", title="state"), date_tooltip("joined", "joined"),
                 alt.Tooltip("background:N", title="background")],
    ).properties(title=title, description=description, width=width, height=max(120, 15 * len(members)),
                 usermeta={"dark": theme.dark_swap(theme.BACKGROUND_DARK, theme.BACKGROUND_DARK.values())})


def bloc_lifespans(record: pd.DataFrame, *, title: str, description: str, as_of, width: int = 600) -> alt.LayerChart:
    """Each bloc as a bar from founding to dissolution (or ``as_of``), labelled with its peak membership."""
    data = record.assign(until=record["dissolved"].fillna(pd.Timestamp(as_of)),
                         label=record["peak_members"].astype(str) + " at peak")
    orgs = data["org_id"].tolist()
    base = alt.Chart(data).encode(y=alt.Y("org_id:N", sort=orgs, title=None))
    bars = base.mark_bar(height=18).encode(
        x=alt.X("founded:T", title=None), x2="until:T",
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs), legend=None),
        tooltip=[alt.Tooltip("name:N", title="organisation"), date_tooltip("founded", "founded"),
                 date_tooltip("dissolved", "dissolved"), alt.Tooltip("years:Q", title="years", format=".1f"),
                 alt.Tooltip("peak_members:Q", title="peak formal members"),
                 date_tooltip("peak_date", "peak first reached"),
                 alt.Tooltip("members_now:Q", title="members on as_of"),
                 alt.Tooltip("departures:Q", title="departures")],
    )
    text = base.mark_text(align="left", dx=4).encode(x="until:T", text="label:N")
    return alt.layer(bars, text).properties(title=title, description=description, width=width,
                                            height=40 * max(1, len(data)))


def overlap_bars(counts: pd.DataFrame, *, title: str, description: str, org: str = "OSCE",
                 width: int = 480) -> alt.LayerChart:
    """Number of states in each overlap group (from :func:`overlap_counts`), one bar each."""
    order = counts.sort_values("states", ascending=False, kind="stable")["group"].tolist()
    base = alt.Chart(counts).encode(y=alt.Y("group:N", sort=order, title=None))
    bars = base.mark_bar(color=theme.ORG_COLORS[org]).encode(
        x=alt.X("states:Q", title="states"),
        tooltip=[alt.Tooltip("group:N", title="group"), alt.Tooltip("states:Q", title="states")])
    text = base.mark_text(align="left", dx=3).encode(x="states:Q", text="states:Q")
    return alt.layer(bars, text).properties(title=title, description=description, width=width,
                                            height=34 * max(1, len(counts)))


def camps_slope(camps: pd.DataFrame, *, title: str, description: str, width: int = 300) -> alt.LayerChart:
    """Members of each org on each labelled date as a line between two dots (P8's two camps): the dates name the
    columns ("31 Dec 2021", "30 Apr 2024"), each dot carries its count and each line its organisation at the right,
    so no legend is needed."""
    orgs = list(dict.fromkeys(camps["org_id"]))
    data = camps.assign(day=[wording.day(d.date()) for d in pd.to_datetime(camps["date"])],
                        org=[wording.label(o, "org_id") for o in camps["org_id"]])
    days = list(dict.fromkeys(data["day"]))
    base = alt.Chart(data).encode(
        x=alt.X("day:N", sort=days, title=None, scale=alt.Scale(padding=0.3),
                axis=alt.Axis(labelAngle=0, domain=False, ticks=False)),
        y=alt.Y("members:Q", title="formal members", scale=alt.Scale(zero=True)),
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs), legend=None),
    )
    tips = [alt.Tooltip("org:N", title="organisation"), date_tooltip("date", "date"),
            alt.Tooltip("members:Q", title="formal members"), alt.Tooltip("joined:N", title="joined since"),
            alt.Tooltip("left:N", title="left since")]
    lines = base.mark_line(strokeWidth=2).encode(detail="org_id:N")
    dots = base.mark_circle(size=90, opacity=1).encode(tooltip=tips)
    counts = base.mark_text(dy=-12, fontSize=12, fontWeight="bold").encode(text="members:Q")
    last = data[data["day"] == days[-1]]
    names = alt.Chart(last).mark_text(align="left", dx=10, fontSize=12).encode(
        x=alt.X("day:N", sort=days), y="members:Q", text="org:N",
        color=alt.Color("org_id:N", scale=theme.org_scale(orgs), legend=None))
    return alt.layer(lines, dots, counts, names).properties(title=title, description=description, width=width,
                                                           height=260)


def pact_lifespans(record: pd.DataFrame, *, title: str, description: str, as_of, width: int = 600) -> alt.LayerChart:
    """Each defence pact (from ``tables.pact_cases.pact_exposure``) as a bar from signature to its end or ``as_of``,
    labelled with its short name (labels.csv) and coloured by whether it was still in force; the label gives
    withdrawals per 100 member-years where the data holds the membership spells (in the tooltip: the exit-rate chart
    beside it shows the rates with their intervals, and a long label ran past the chart's edge). The legend sits
    above the bars, clear of the labels at their ends."""
    rate = record["withdrawals_per_100_member_years"]
    data = record.assign(until=record["ended"].fillna(pd.Timestamp(as_of)),
                         state=record["in_force"].map({True: "in force", False: "ended"}),
                         label=[f"{y:.0f} years" for y in record["years"]],
                         members=["members not in data" if pd.isna(r) else "in data" for r in rate],
                         pact=[wording.label(o, "org_id") for o in record["org_id"]])  # the short name readers know
    order = data["pact"].tolist()
    base = alt.Chart(data).encode(y=alt.Y("pact:N", sort=order, title=None))
    bars = base.mark_bar(height=16).encode(
        x=alt.X("founded:T", title=None), x2="until:T",
        color=alt.Color("state:N", title="on the chosen date", legend=alt.Legend(orient="top", direction="horizontal"),
                        scale=alt.Scale(domain=["in force", "ended"],
                                        range=[theme.ORG_COLORS["NATO"], theme.ORG_COLORS["WARSAW"]])),
        tooltip=[alt.Tooltip("name:N", title="pact"), date_tooltip("founded", "signed"),
                 date_tooltip("ended", "ended"), alt.Tooltip("years:Q", title="years", format=".1f"),
                 alt.Tooltip("member_years:Q", title="member-years"),
                 alt.Tooltip("withdrawals:Q", title="withdrawals"),
                 alt.Tooltip("withdrawals_per_100_member_years:Q", title="withdrawals per 100 member-years"),
                 alt.Tooltip("members:N", title="membership spells")],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(x="until:T", text="label:N")
    return alt.layer(bars, text).properties(title=title, description=description, width=width,
                                            height=34 * max(1, len(data)))
