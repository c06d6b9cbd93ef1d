"""Notebook 05's headlines under their obvious alternative measures (issue 21): SIPRI's three warhead counts side
by side, and spending with Russia's and China's figures at military purchasing-power parity.

Plain DataFrames in and out, like :mod:`helpers.tables.balance`, whose bloc sums these reuse; the reader's tables
are :mod:`helpers.tables.balance_view`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.balance import (PAIR, WARHEAD_MEASURES, bloc_capabilities, comparison_blocs, reference_date,
                                    year_values)
from helpers.tables.frames import need


def warhead_measures(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int) -> pd.DataFrame:
    """:func:`bloc_capabilities` for SIPRI's three warhead counts in ``year`` (deployed, military stockpile, total
    inventory), for the comparison that decides whether a warhead headline holds."""
    return bloc_capabilities(capabilities, blocs, year, WARHEAD_MEASURES)


def price_base(capabilities: pd.DataFrame, indicator: str = "milex_usd_const") -> int | None:
    """The year of the constant prices ``indicator`` is stated in, read from its unit ("USD million, constant 2023
    prices" gives 2023); None when no unit names one."""
    if "unit" not in capabilities:
        return None
    units = capabilities.loc[capabilities["indicator"] == indicator, "unit"].dropna().astype(str)
    years = {int(m.group(1)) for u in units if (m := re.search(r"constant (\d{4})", u))}
    return years.pop() if len(years) == 1 else None


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
    Columns: basis, pair (US$ million), nato (US$ million), ratio, conversion (the factors used, by state),
    price_base (the year of SIPRI's constant prices the factors are applied to, :func:`price_base`). Empty
    when the data lacks either figure of the factor for Russia or China in ``year``.
    """
    need(capabilities, ("iso3", "year", "indicator", "value"), "ppp_sensitivity(capabilities)")
    pair = list(blocs[PAIR])
    const = year_values(capabilities, year, "milex_usd_const")[0]
    market = year_values(capabilities, year, "milex_usd_mppp_market")[0]
    mppp = year_values(capabilities, year, "milex_usd_mppp")[0]
    columns = ["basis", "pair", "nato", "ratio", "conversion", "price_base"]
    base = price_base(capabilities)
    if not all(c in mppp.index and c in market.index and c in const.index for c in pair):
        return pd.DataFrame(columns=columns)
    factor = {c: float(mppp[c]) / float(market[c]) for c in pair}
    nato = float(bloc_capabilities(capabilities, {"NATO": blocs["NATO"]}, year, ["milex_usd_const"])["total"].iloc[0])
    at_market = float(sum(const[c] for c in pair))
    at_ppp = float(sum(const[c] * factor[c] for c in pair))
    conv = ", ".join(f"{(names or {}).get(c, c)} ×{factor[c]:.2f}" for c in pair)
    return pd.DataFrame([
        {"basis": "market exchange rates (SIPRI)", "pair": at_market, "nato": nato, "ratio": at_market / nato,
         "conversion": "", "price_base": base},
        {"basis": f"Russia and China at military purchasing-power parity ({year} factors applied to SIPRI's figures "
                  f"{f'in constant {base} US dollars' if base else 'at constant prices'}), NATO at market rates (an "
                  "upper bound only if no NATO member's military-PPP factor is below 1, which was not checked)",
         "pair": at_ppp, "nato": nato, "ratio": at_ppp / nato, "conversion": conv, "price_base": base}],
        columns=columns)


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


def fixed_membership_share(capabilities: pd.DataFrame, memberships: pd.DataFrame, first: int,
                           last: int) -> pd.DataFrame:
    """Russia and China's spending as a share of NATO's in ``first``, with NATO held to its members on 31 December
    of ``last``: the series' first point without NATO's growth in between (the series reads each year's members).

    Columns: year (``first``), members_of (``last``), members (NATO's members then), share, missing (members of
    ``last`` with no SIPRI figure for ``first``, comma-separated; the share sums only those with one)."""
    need(capabilities, ("iso3", "year", "indicator", "value"), "fixed_membership_share(capabilities)")
    blocs = comparison_blocs(memberships, reference_date(int(last)))
    caps = bloc_capabilities(capabilities, {"NATO": blocs["NATO"], PAIR: blocs[PAIR]}, int(first),
                             ["milex_usd_const"]).set_index("bloc")
    nato, pair = float(caps.loc["NATO", "total"]), float(caps.loc[PAIR, "total"])
    missing = caps.loc["NATO", "missing"]
    return pd.DataFrame([{"year": int(first), "members_of": int(last), "members": len(blocs["NATO"]),
                          "share": pair / nato if nato else float("nan"),
                          "missing": missing if isinstance(missing, str) else ""}])
