"""Parts of 04's treaty Gantt (``helpers.charts.euroatlantic.treaty_gantt``): the phase colour scale, the dashed line
of a treaty never in force and the rule at the date the page counts treaties at."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.arms_control import PHASES


def _date_tooltip(field: str, title: str) -> alt.Tooltip:
    """A date in a tooltip, as the rest of 04's chart shows it."""
    return alt.Tooltip(f"{field}:T", title=title, format="%Y-%m-%d")


#: The phase of a treaty that was signed and never entered into force: drawn as a dashed line labelled in words,
#: never as a bar, so it cannot be read as a treaty in force.
NEVER = PHASES[-1]
_BARS = tuple(p for p in PHASES if p != NEVER)


def phase_scale(drawn: Iterable[str] = _BARS) -> alt.Scale:
    """Treaty phases drawn as bars, in the theme's phase colours: grey while not (recorded as) in force, the
    arms-control colour in force, purple once a party has suspended or left; each look-alike pair apart in
    lightness. Only the phases in ``drawn`` are in the key (a legend entry no bar uses is noise)."""
    used = [p for p in _BARS if p in set(drawn)]
    return alt.Scale(domain=used, range=[theme.PHASE_COLORS[p] for p in used])


def status_rule(when, label: str) -> alt.LayerChart:
    """A vertical rule at the date the page counts treaties at, named at the top of the plot, so the bars can be read
    against the headline's count."""
    at = pd.DataFrame({"date": [pd.Timestamp(when)], "label": [label]})
    tip = [alt.Tooltip("label:N", title="note"), _date_tooltip("date", "date")]
    rule = alt.Chart(at).mark_rule(color=theme.INK, strokeDash=[3, 3], strokeWidth=1.2).encode(x="date:T",
                                                                                              tooltip=tip)
    text = alt.Chart(at).mark_text(align="right", baseline="bottom", dx=-3, fontSize=10.5, fontWeight="bold",
                                   color=theme.TEXT).encode(x="date:T", y=alt.value(-2), text="label:N", tooltip=tip)
    return alt.layer(rule, text)


def never_in_force(phases: pd.DataFrame, labels: list[str]) -> alt.LayerChart:
    """Treaties signed but never in force: a thin dashed line from signature, labelled "never in force" (short
    enough to stay inside a phone's plot; the tooltip names the phase)."""
    never = phases[phases["phase"] == NEVER].assign(label="never in force")
    where = {"y": alt.Y("name:N", sort=labels),
             "tooltip": [alt.Tooltip("name:N", title="treaty"), alt.Tooltip("phase:N", title="phase"),
                         _date_tooltip("start", "signed"), alt.Tooltip("source_id:N", title="source")]}
    grey = theme.PHASE_COLORS[NEVER]
    line = alt.Chart(never).mark_rule(strokeDash=[5, 4], strokeWidth=1.5, color=grey).encode(
        x="start:T", x2="end:T", **where)
    text = alt.Chart(never).mark_text(align="left", baseline="bottom", dx=4, dy=-3, fontSize=10, color=grey).encode(
        x="start:T", text="label:N", **where)
    return alt.layer(line, text)
