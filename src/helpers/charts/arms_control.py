"""Altair builder for notebook 04 (P7): the arms-control treaties' Gantt, with the wars on the same time axis.

It takes the frames of ``helpers.tables.arms_control`` (treaty phases and steps) and the timeline's wars, and
returns a chart; it never displays or saves. The title states the finding (passed in by the notebook), the
``description`` is the text alternative, and colours come from ``helpers.theme``.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from helpers import theme
from helpers.charts.euroatlantic import date_tooltip
from helpers.tables.arms_control import PHASES

#: The phase of a treaty that was signed and never entered into force: drawn as a dashed line labelled in words,
#: never as a bar, so it cannot be read as a treaty in force.
NEVER = PHASES[-1]
_BARS = tuple(p for p in PHASES if p != NEVER)


def _phase_scale(drawn: Iterable[str] = _BARS) -> alt.Scale:
    """Treaty phases drawn as bars, in the theme's phase colours: grey while not (recorded as) in force, the
    arms-control colour in force, purple once a party has suspended or left; each look-alike pair apart in
    lightness. Only the phases in ``drawn`` are in the key (a legend entry no bar uses is noise)."""
    used = [p for p in _BARS if p in set(drawn)]
    return alt.Scale(domain=used, range=[theme.PHASE_COLORS[p] for p in used])


def _status_rule(when, label: str) -> alt.LayerChart:
    """A vertical rule at the date the page counts treaties at, named at the top of the plot, so the bars can be read
    against the headline's count."""
    at = pd.DataFrame({"date": [pd.Timestamp(when)], "label": [label]})
    tip = [alt.Tooltip("label:N", title="note"), date_tooltip("date", "date")]
    rule = alt.Chart(at).mark_rule(color=theme.INK, strokeDash=[3, 3], strokeWidth=1.2).encode(x="date:T",
                                                                                              tooltip=tip)
    text = alt.Chart(at).mark_text(align="right", baseline="bottom", dx=-3, fontSize=10.5, fontWeight="bold",
                                   color=theme.TEXT).encode(x="date:T", y=alt.value(-2), text="label:N", tooltip=tip)
    return alt.layer(rule, text)


def _binding_marks(phases: pd.DataFrame, binding: Iterable[str], labels: list[str], when) -> alt.Chart:
    """A black diamond where the dashed rule crosses the bar of each treaty in ``binding`` (treaty ids still binding
    both the US and Russia on ``when``), so the headline's count can be read off the chart: other bars cross the
    line too (in force among other parties only, or suspended by one of the pair)."""
    rows = phases.drop_duplicates("treaty_id")
    rows = rows[rows["treaty_id"].isin(set(binding))].assign(date=pd.Timestamp(when), mark=BINDING_KEY)
    # the diamond has its own entry in the key (the data editor found it named only in the caption's sixth sentence)
    return alt.Chart(rows[["name", "date", "mark"]]).mark_point(
        size=110, filled=True, opacity=1, color=theme.INK, stroke="white", strokeWidth=1
    ).encode(x="date:T", y=alt.Y("name:N", sort=labels),
             shape=alt.Shape("mark:N", title=None, scale=alt.Scale(range=["diamond"]),
                             legend=alt.Legend(labelLimit=280, symbolFillColor=theme.INK, symbolStrokeColor=theme.INK)),
             tooltip=[alt.Tooltip("name:N", title="treaty"), alt.Tooltip("mark:N", title="note"),
                      date_tooltip("date", "date")])


#: The key's words for a diamond of :func:`_binding_marks`.
BINDING_KEY = "still binding both the US and Russia"
#: The key's words for the band of :func:`_after_band`: the years the chart draws past the report's date.
AFTER_KEY = "after the report's date"


def _after_band(report_date, through) -> tuple[alt.Chart, alt.Chart]:
    """A grey band from the report's date to the end of the record, with its own entry in the key, under the bars,
    and a veil of the page's ground over them, so the years the chart draws after the date the page's findings are
    for (New START's expiry in 2026) read as later events: the bars fade there (a phone shows these two years a few
    pixels wide, too narrow for the band alone)."""
    band = pd.DataFrame({"start": [pd.Timestamp(report_date)], "end": [pd.Timestamp(through)], "note": [AFTER_KEY]})
    base = alt.Chart(band).encode(
        x="start:T", x2="end:T",
        tooltip=[alt.Tooltip("note:N", title="note"), date_tooltip("start", "from"), date_tooltip("end", "until")])
    under = base.mark_rect(opacity=0.2).encode(
        fill=alt.Fill("note:N", title=None, scale=alt.Scale(range=[theme.MUTED]),
                      legend=alt.Legend(symbolType="square", symbolOpacity=0.45, symbolStrokeWidth=0, labelLimit=280)))
    return under, base.mark_rect(fill=theme.INSET_PAPER, opacity=0.55)


def _never_in_force(phases: pd.DataFrame, labels: list[str]) -> alt.LayerChart:
    """Treaties signed but never in force: a short dashed stroke from signature (:data:`NEVER_PX`, the length of
    its words, not a span of time: run on to the axis's end it read as a treaty still pending), labelled "never in
    force" (short enough to stay inside a phone's plot; the tooltip names the phase)."""
    never = phases[phases["phase"] == NEVER].assign(label="never in force")
    where = {"y": alt.Y("name:N", sort=labels),
             "tooltip": [alt.Tooltip("name:N", title="treaty"), alt.Tooltip("phase:N", title="phase"),
                         date_tooltip("start", "signed"), alt.Tooltip("source_id:N", title="source")]}
    grey = theme.PHASE_COLORS[NEVER]
    line = alt.Chart(never).mark_rule(strokeDash=[5, 4], strokeWidth=1.5, color=grey, x2Offset=NEVER_PX).encode(
        x="start:T", x2="start:T", **where)
    text = alt.Chart(never).mark_text(align="left", baseline="bottom", dx=4, dy=-3, fontSize=10, color=grey).encode(
        x="start:T", text="label:N", **where)
    return alt.layer(line, text)


#: The length of a never-in-force treaty's dashed stroke, in pixels: about its words' ("never in force").
NEVER_PX = 64


def key_note(status_label: str = "end of 2023") -> str:
    """The caption's key to the marks a legend does not name: the dashed vertical rule (``status_label``, as
    :func:`treaty_gantt` draws it), the ticks on the bars and the short dashed strokes."""
    return (f"Dashed vertical line: {status_label}, the date the headline counts treaties at. Ticks on a bar: "
            "dated steps, such as signature, entry into force, suspension or withdrawal (hover or tap for each). A "
            "short dashed stroke from a signature date: signed, never in force.")


#: A war's row label, "title (year)": at most 320 px on a desktop, 130 on a phone, so the timeline fits a phone's
#: screen instead of scrolling sideways (the label wraps onto lines within it, :data:`WAR_LABEL_EXPR`).
WAR_LABEL_LIMIT = alt.ExprRef(expr="war_phone ? 130 : 320")
#: Whether the page is on a phone, as a signal the war labels read. The window's width, not the container's: this
#: chart has views of fixed width, so its container is as wide as the chart itself (under 600 px on a desktop too,
#: which cut every war's label to 130 px there as well).
WAR_PHONE = alt.param(name="war_phone", expr="windowSize()[0] > 0 && windowSize()[0] < 600")
#: A war's label whole, on lines of at most 21 characters on a phone ("Russia's full-scale invasi…" named no war)
WAR_LABEL_EXPR = theme.wrapped_label("war_phone", 21, 60)
WAR_ROW = 36  # a war's row: room for three lines of its label on a phone


def _war_lane(wars: pd.DataFrame, width: int) -> alt.Chart:
    """Each war on a row of its own, named on the axis like the treaties (title and year), so the dots need no
    hover."""
    wars = wars.sort_values("date", kind="stable").assign(
        war=lambda w: [f"{t} ({d.year})" for d, t in zip(pd.to_datetime(w["date"]), w["title"])])
    return alt.Chart(wars).mark_circle(size=120, color=theme.CATEGORY_COLORS["intervention_war"], opacity=1).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("war:N", sort=wars["war"].tolist(), title=None, axis=alt.Axis(labelLimit=WAR_LABEL_LIMIT,
                                                                           labelExpr=WAR_LABEL_EXPR,
                                                                           labelLineHeight=11)),
        tooltip=[date_tooltip("date", "date"), alt.Tooltip("title:N", title="event"),
                 alt.Tooltip("description:N", title="what happened"),
                 alt.Tooltip("source_id:N", title="source")],
    ).properties(width=width, height=WAR_ROW * max(1, len(wars)))


def treaty_gantt(phases: pd.DataFrame, steps: pd.DataFrame, wars: pd.DataFrame, *, title: str,
                 description: str, width: int = 520, status_date="2023-12-31",
                 status_label: str = "end of 2023", binding: Iterable[str] = (), subtitle: str | None = None,
                 report_date=None) -> alt.VConcatChart:
    """Arms-control treaties from signature to their end (Gantt bars coloured by phase, steps as ticks), one row
    per treaty (labelled with its ``name``) in order of signature, above a lane of interventions and wars on the same
    time axis. A treaty that never entered into force gets no bar: a dashed line labelled in words. A dashed rule
    marks ``status_date``, the date the page's count of treaties binding both the US and Russia is taken at; the
    treaties of ``binding`` (ids, those still binding both then) get a black diamond on it, named in the key. With
    ``report_date``, the years after it are shaded and named in the key ("after the report's date")."""
    order = phases.sort_values("start", kind="stable").drop_duplicates("treaty_id")
    names, labels = order["treaty_id"].tolist(), order["name"].tolist()
    bars = alt.Chart(phases[phases["phase"] != NEVER]).mark_bar(height=16).encode(
        x=alt.X("start:T", title=None), x2="end:T",
        y=alt.Y("name:N", sort=labels, title=None),
        color=alt.Color("phase:N", scale=_phase_scale(phases["phase"]), title="phase",
                        legend=alt.Legend(labelLimit=280)),
        tooltip=[alt.Tooltip("name:N", title="treaty"), alt.Tooltip("phase:N", title="phase"),
                 date_tooltip("start", "from"), date_tooltip("end", "until"),
                 alt.Tooltip("source_id:N", title="source")],
    )
    ticks = alt.Chart(steps[steps["treaty_id"].isin(names)]).mark_tick(thickness=2, size=22, color=theme.TICK).encode(
        x=alt.X("date:T"), y=alt.Y("name:N", sort=labels),
        tooltip=[alt.Tooltip("name:N", title="treaty"), alt.Tooltip("step:N", title="step"),
                 alt.Tooltip("party:N", title="party"), date_tooltip("date", "date"),
                 alt.Tooltip("note:N", title="note"), alt.Tooltip("source_id:N", title="source")],
    )
    end = max(phases["end"].max(), pd.to_datetime(wars["date"]).max())
    later = report_date is not None and pd.Timestamp(report_date) < end
    under, veil = _after_band(report_date, end) if later else (None, None)
    top = alt.layer(*([under] if later else []), bars, ticks, *([veil] if later else []), _never_in_force(phases, labels), _status_rule(status_date, status_label),
                    _binding_marks(phases, binding, labels, status_date)).properties(
        width=width, height=30 * max(1, len(names)))
    lane = _war_lane(wars, width)
    # one time axis for both views: the shared scale spans the treaties and the wars (no explicit domain, which
    # Vega-Lite would have to merge from two forms and warn about)
    dark = theme.dark_swap([theme.PHASE_COLORS[p] for p in PHASES], [theme.PHASE_COLORS_DARK[p] for p in PHASES])
    return alt.vconcat(top, lane).add_params(WAR_PHONE).resolve_scale(x="shared").properties(
        title=alt.TitleParams(title, subtitle=[subtitle]) if subtitle else title, description=description,
        usermeta={"dark": dark})
