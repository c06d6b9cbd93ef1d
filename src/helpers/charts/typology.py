"""Altair builder for notebook 07 (P15–P16): the alliance / framework typology with its uncertainty.

Takes the intervals of ``helpers.tables.typology.typology_intervals`` and returns a chart; it never displays or
saves. One row per organisation, named down the side, and two columns: the defence promise, a yes / no / unknown
category written as a word with its mark (a filled diamond for yes, a hollow one for no, none when unknown), never
a position on a scale; and the institutions index on its 0–1 scale. A fully known index is a dot at its true value,
labelled with it; an unknown cell widens the dot into a bar spanning what it allows. Organisations with equal
scores sit at the same value, each in its own row, so no point is moved off its score; an organisation with no
known cell is named and said to be unplaced.

Both columns stand on one horizontal scale, the promise's left of the index's 0 (right of it in the Arabic edition,
which mirrors the chart): the index's axis is labelled 0 to 1 only, a rule sets the promise's column apart, and
each column is named above its first row.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.typology import PLOT_AXES

#: the two columns as their headings name them
DEFENCE = "defence promise"
INSTITUTIONS = "institutions index"
#: what the promise column says for each state of the promise
YES, NO, PARTLY, UNKNOWN = "yes", "no", "partly", "unknown"
UNPLACED = "not placed: no cell known"
DESCRIPTION = ("One row per organisation with two columns: the defence promise, written yes, no or unknown, and "
               "the institutions index (0 to 1); a dot is a known index, a bar spans what unknown cells allow.")
ROW = 30  # px per organisation
#: where the promise's column stands on the shared horizontal scale (left of the index's 0), and the rule between
DOMAIN = (-0.62, 1.0)
PROMISE_AT, DIVIDER = -0.55, -0.1
#: A phone's width, in Vega's expression language.
PHONE = "containerSize()[0] < 600"
#: An organisation's name on two lines on a phone when it is long, so the two columns keep the width.
NAME_LINES = (f"{PHONE} && length(datum.label) > 18 ? split(replace(datum.label, /^(.{{8,20}}) /, '$1\\n'), '\\n')"
              " : datum.label")
#: rows of named organisations: the Arabic edition mirrors them (names on the right; helpers.i18n.chart_words)
MIRROR = {"mirror": True}


def _span(lo: float, hi: float) -> str:
    return f"{lo:.2f}" if round(lo, 9) == round(hi, 9) else f"{lo:.2f} to {hi:.2f}"


def features(score: float, items: int) -> str:
    """How many of an axis's ``items`` a known score counts ("3.5 of 4"): a feature coded partly counts in part,
    so the score 0.875 is said as what it is rather than as a share four features could not give."""
    return f"{round(score * items, 3):g} of {items}"


def promise_word(lo: float, hi: float) -> str:
    """The defence promise as a category: yes, no, partly (coded partly), or unknown (not coded, or a range)."""
    if pd.isna(lo) or round(lo, 9) != round(hi, 9):
        return UNKNOWN
    return YES if lo >= 1 else NO if lo <= 0 else PARTLY


def _value(lo: float, hi: float, items: int) -> str:
    """What the label beside an index mark says: the score with the features it counts ("0.88 (3.5 of 4)") when
    fully known; the range else; an unplaced organisation says so."""
    if pd.isna(lo):
        return UNPLACED
    if round(lo, 9) == round(hi, 9):
        return f"{lo:.2f} ({features(lo, items)})"
    return _span(lo, hi)


def _rows(intervals: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """One row per organisation, every organisation kept (an unplaced one has no index): its promise in words and
    its institutions index as low, high, midpoint and label."""
    y, x = PLOT_AXES
    rows = []
    for _, r in intervals.iterrows():
        lo, hi = r[f"{x}_low"], r[f"{x}_high"]
        items = int(r[f"{x}_known"] + r[f"{x}_unknown"])
        promise = promise_word(r[f"{y}_low"], r[f"{y}_high"])
        # the word shown (in the reader's language) and its code, which the marks test (never translated)
        rows.append({"org_id": r["org_id"], "name": names.get(r["org_id"], r["org_id"]),
                     "promise": promise, "promise_code": promise, "low": lo, "high": hi,
                     "placed": bool(pd.notna(lo)), "exact": bool(pd.notna(lo) and round(lo, 9) == round(hi, 9)),
                     "mid": (lo + hi) / 2 if pd.notna(lo) else 0.0, "value": _value(lo, hi, items),
                     "left": lo if pd.notna(lo) else 0.0, "right": hi if pd.notna(hi) else 0.0,
                     "unknown": f"{int(r[f'{x}_unknown'])}"})
    return pd.DataFrame(rows)


def _x(field: str) -> alt.X:
    """The one horizontal scale of both columns: its axis marks the index's 0 to 1 only."""
    return alt.X(f"{field}:Q", title=None, scale=alt.Scale(domain=list(DOMAIN), nice=False, padding=8),
                 axis=alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".2~f", domain=False))


def _promise_marks(colour: alt.Color, tips: list) -> list[alt.Chart]:
    """The promise's column: a diamond, filled for yes, hollow for no, none when unknown; the word beside it."""
    mark = alt.Chart().mark_point(shape="diamond", size=110, strokeWidth=1.6, opacity=1).encode(
        x=alt.datum(PROMISE_AT), color=colour, tooltip=tips,
        fill=alt.condition(f"datum.promise_code == '{YES}'", colour, alt.value("transparent")))
    word = alt.Chart().mark_text(align="left", dx=10, fontSize=11, color=theme.TEXT).encode(
        x=alt.datum(PROMISE_AT), text="promise:N", tooltip=tips)
    return [mark.transform_filter(f"datum.promise_code != '{UNKNOWN}'"), word]


def _frame() -> list[alt.Chart]:
    """The rule that sets the promise's column apart, and each column's name above its first row."""
    rule = alt.Chart().mark_rule(color=theme.GRID, strokeWidth=1).encode(x=alt.datum(DIVIDER))
    # on a phone the promise's name goes on two lines, clear of the index's
    heads = [alt.Chart().mark_text(text=words, baseline="bottom", dy=-6, fontSize=11, fontWeight="bold",
                                   color=theme.TEXT, lineBreak=alt.ExprRef(f"{PHONE} ? ' ' : '\\n'"))
             .encode(x=alt.datum(at), y=alt.value(0))
             for words, at in ((DEFENCE, PROMISE_AT + 0.12), (INSTITUTIONS, 0.5))]
    return [c.transform_aggregate(n="count()") for c in (rule, *heads)]  # one of each, not one per row


def typology_strips(intervals: pd.DataFrame, *, names: Mapping[str, str] | None = None, title: str,
                    description: str = DESCRIPTION) -> alt.LayerChart:
    """Organisations down the side (all of them, in the given order); the defence promise as a word and a mark in a
    column of its own; the institutions index on its 0–1 scale, dots at true scores, bars for ranges, the value
    written beside each mark (turned inward near 1, so no label runs past the plot)."""
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    data = _rows(intervals, dict(names or {}))
    order = list(data["name"])
    orgs = list(data["org_id"])
    colour = alt.Color("org_id:N", legend=None,
                       scale=alt.Scale(domain=orgs, range=[theme.org_color(o) for o in orgs]))
    tips = [alt.Tooltip("name:N", title="organisation"), alt.Tooltip("promise:N", title=DEFENCE),
            alt.Tooltip("value:N", title="institutions index"),
            alt.Tooltip("unknown:N", title="index items unknown")]
    ranges = alt.Chart().mark_rule(strokeWidth=5, opacity=0.45, strokeCap="round").encode(
        x=_x("low"), x2="high:Q", color=colour, tooltip=tips).transform_filter("datum.placed && !datum.exact")
    dots = alt.Chart().mark_point(filled=True, size=110, opacity=0.95, stroke="white", strokeWidth=0.5).encode(
        x=_x("mid"), color=colour, tooltip=tips).transform_filter("datum.placed")
    # "not placed: no cell known" on two lines on a phone, within the index's column
    labels = [alt.Chart().mark_text(align=side, dx=dx, fontSize=11, lineBreak=alt.ExprRef(f"{PHONE} ? ': ' : '\\n'"))
              .encode(x=_x(at), text="value:N", tooltip=tips)
              .transform_filter(where)
              for side, dx, at, where in (("left", 9, "right", "datum.right <= 0.7"),
                                          ("right", -9, "left", "datum.right > 0.7"))]
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=200, labelExpr=NAME_LINES))
    rows = [layer.encode(y=y) for layer in (*_promise_marks(colour, tips), ranges, dots, *labels)]
    chart = alt.layer(*rows, *_frame(), data=data)  # the marks first: a reader's hover finds them
    return chart.properties(height=ROW * len(order), title=title, description=description or title,
                            usermeta=MIRROR)
