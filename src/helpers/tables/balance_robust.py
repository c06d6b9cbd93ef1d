"""Notebook 05's headlines under their obvious alternative measures (issue 21): SIPRI's three warhead counts side
by side, and spending with Russia's and China's figures at military purchasing-power parity.

Plain DataFrames in and out, like :mod:`helpers.tables.balance`, whose bloc sums these reuse; the reader's tables
are :mod:`helpers.tables.balance_view`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.balance import PAIR, WARHEAD_MEASURES, bloc_capabilities, year_values
from helpers.tables.frames import need


def warhead_measures(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int) -> pd.DataFrame:
    """:func:`bloc_capabilities` for SIPRI's three warhead counts in ``year`` (deployed, military stockpile, total
    inventory), for the comparison that decides whether a warhead headline holds."""
    return bloc_capabilities(capabilities, blocs, year, WARHEAD_MEASURES)


def ppp_sensitivity(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                    names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Russia and China's spending against NATO's in ``year``, at market exchange rates and with Russia's and
    China's figures moved to military purchasing-power parity.

    Each state's conversion factor is one publication's ratio: its military-PPP figure (``milex_usd_mppp``) over
    the market-exchange-rate figure it converts from (``milex_usd_mppp_market``), both for ``year`` and from the
    same page, so numerator and denominator share a source and a price basis. SIPRI's constant-dollar figure for
    ``year`` is multiplied by that factor, which assumes the factor is the same at SIPRI's constant prices.
    NATO stays at market exchange rates, because the data holds no military-PPP figure for its members: the second
    row is an upper bound on how far the ratio moves only if no NATO member's military-PPP factor is below 1 (at
    purchasing power, several European members' spending would rise too); that assumption is stated, not checked.
    Columns: basis, pair (US$ million), nato (US$ million), ratio, conversion (the factors used, by state). Empty
    when the data lacks either figure of the factor for Russia or China in ``year``.
    """
    need(capabilities, ("iso3", "year", "indicator", "value"), "ppp_sensitivity(capabilities)")
    pair = list(blocs[PAIR])
    const = year_values(capabilities, year, "milex_usd_const")[0]
    market = year_values(capabilities, year, "milex_usd_mppp_market")[0]
    mppp = year_values(capabilities, year, "milex_usd_mppp")[0]
    columns = ["basis", "pair", "nato", "ratio", "conversion"]
    if not all(c in mppp.index and c in market.index and c in const.index for c in pair):
        return pd.DataFrame(columns=columns)
    factor = {c: float(mppp[c]) / float(market[c]) for c in pair}
    nato = float(bloc_capabilities(capabilities, {"NATO": blocs["NATO"]}, year, ["milex_usd_const"])["total"].iloc[0])
    at_market = float(sum(const[c] for c in pair))
    at_ppp = float(sum(const[c] * factor[c] for c in pair))
    conv = ", ".join(f"{(names or {}).get(c, c)} ×{factor[c]:.2f}" for c in pair)
    return pd.DataFrame([
        {"basis": "market exchange rates (SIPRI)", "pair": at_market, "nato": nato, "ratio": at_market / nato,
         "conversion": ""},
        {"basis": "Russia and China at military purchasing-power parity, NATO at market rates (an upper bound only "
                  "if no NATO member's military-PPP factor is below 1, which was not checked)",
         "pair": at_ppp, "nato": nato, "ratio": at_ppp / nato, "conversion": conv}], columns=columns)


def without_member(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                   member: str = "USA") -> tuple[float, float, float]:
    """Russia and China's spending against NATO's without one member (by default the United States, whose budget
    covers the world, not only Europe) in ``year``, at SIPRI's constant dollars: (pair, rest of NATO, ratio);
    NaNs when either sum is missing, so the alternative denominator is computed from the data, never typed."""
    rest = [m for m in blocs["NATO"] if m != member]
    caps = bloc_capabilities(capabilities, {PAIR: blocs[PAIR], "rest": rest}, year, ["milex_usd_const"])
    total = caps.set_index("bloc")["total"]
    pair, nato = float(total.get(PAIR, float("nan"))), float(total.get("rest", float("nan")))
    return pair, nato, (pair / nato if nato and nato == nato else float("nan"))
