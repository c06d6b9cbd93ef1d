"""Altair builders for the claims ledger (notebook 09): verdicts by claim type, and what each verdict was checked
against. Each takes a count table from ``helpers.tables.claims`` and returns a chart; it never displays or saves.

The title states the finding and is passed in by the notebook. Colours are the theme's categorical colours used
positionally, in the fixed verdict order, so a verdict keeps its colour whichever claim types are shown and no
verdict borrows an organisation's colour.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.claims import CHECKED, CLAIM_TYPES, VERDICTS


def _positional(domain: Sequence[str]) -> alt.Scale:
    colors = list(theme.CATEGORY_COLORS.values())
    if len(domain) > len(colors):
        raise ValueError(f"too many categories ({len(domain)}) for the theme's {len(colors)} categorical colours")
    return alt.Scale(domain=list(domain), range=colors[: len(domain)])


def _rank(field: str, order: Sequence[str]) -> str:
    return " + ".join(f"(datum['{field}'] == '{v}') * {i}" for i, v in enumerate(order))


#: Both charts are bars of named rows (claim types, verdicts) read in the order of their words: the Arabic edition
#: mirrors them, names on the right and bars growing leftwards (``helpers.i18n.chart_words``), as it does 05's bars.
MIRROR = {"mirror": True}


def _titled(chart, title: str, description: str):
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    return chart.properties(title=title, description=description or title, usermeta=MIRROR)


def verdict_bars(counts: pd.DataFrame, *, title: str, description: str, width: int = 420) -> alt.Chart:
    """Stacked bars: claims per claim type (rows), split by verdict in the fixed order and colours."""
    types = [t for t in CLAIM_TYPES if t in set(counts["claim_type"])]
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("claim_type:N", sort=types, title="type of claim"),
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("verdict:N", scale=_positional(VERDICTS), sort=list(VERDICTS),
                        legend=alt.Legend(title="verdict")),
        order=alt.Order("verdict_rank:Q"),
        tooltip=[alt.Tooltip("claim_type:N", title="type"), alt.Tooltip("verdict:N"), alt.Tooltip("claims:Q")],
    ).transform_calculate(verdict_rank=_rank("verdict", VERDICTS))
    return _titled(chart.properties(width=width), title, description)


def checking_bars(grid: pd.DataFrame, *, title: str, description: str, width: int = 420) -> alt.Chart:
    """Stacked bars: claims per verdict (rows), split by what the verdict was checked against; takes the wide
    grid of ``tables.claims.checking_counts`` and leaves out verdicts with no claims."""
    long = grid.melt(id_vars="verdict", value_vars=list(CHECKED), var_name="checked against", value_name="claims")
    long = long[long["verdict"].isin(grid.loc[grid["total"] > 0, "verdict"])]
    verdicts = [v for v in VERDICTS if v in set(long["verdict"])]
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("verdict:N", sort=verdicts, title="verdict"),
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("checked against:N", sort=list(CHECKED),
                        scale=alt.Scale(domain=list(CHECKED), range=list(theme.CHECKED_GREYS)),
                        legend=alt.Legend(title="checked against")),
        order=alt.Order("checked_rank:Q"),
        tooltip=[alt.Tooltip("verdict:N"), alt.Tooltip("checked against:N"), alt.Tooltip("claims:Q")],
    ).transform_calculate(checked_rank=_rank("checked against", CHECKED))
    return _titled(chart.properties(width=width), title, description)
