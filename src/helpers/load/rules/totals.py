"""Rules on the world totals, the denominators of every world share."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from helpers.load.rules.registry import Finding, View, rule


@rule("world_totals")
def world_total_above_zero(t: View) -> Iterator[Finding]:
    """a world total is above zero, at least 1 in its unit (it divides every world share; less can make it infinite)"""
    for pos, value in enumerate(t.df["value"]):
        if not pd.isna(value) and value < 1:
            yield Finding(pos, "value", f"{value:g} is not above zero" if value <= 0 else f"{value:g} is below 1")
