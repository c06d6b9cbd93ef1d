"""Loaders of the published censuses that notebooks' case rules read: ATOP's alliance agreements (notebook 02) and
UCDP/PRIO's armed conflicts (notebook 04). Each reads its table through :func:`helpers.load.readers.table`."""

from __future__ import annotations

import pandas as pd

from helpers.load.readers import table


def pact_census(data_dir=None) -> pd.DataFrame:
    """ATOP's alliance agreements signed since 1945, with their obligation codes and states at signature."""
    return table("pact_census", data_dir)


def war_census(data_dir=None) -> pd.DataFrame:
    """UCDP/PRIO's conflict-years in Europe and the former USSR from 1992 (at least 25 battle deaths each)."""
    return table("war_census", data_dir)


def pact_spells(data_dir=None) -> pd.DataFrame:
    """Members of the multilateral defence pacts in the census, as half-open spells (COW state codes)."""
    return table("pact_spells", data_dir)


def pact_exits(data_dir=None) -> pd.DataFrame:
    """How each member left an admitted defence pact (denunciation, non-renewal, suspension, ...)."""
    return table("pact_exits", data_dir)
