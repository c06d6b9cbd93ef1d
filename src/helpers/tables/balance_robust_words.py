"""The "How robust is this?" table of notebook 05 (P10–P11): each headline of :mod:`helpers.tables.balance_words` as
measured, under its obvious alternative measure (military purchasing power, SIPRI's narrower warhead counts, the
deployed share of NATO's largest member), and whether it holds; built from the frames of
:mod:`helpers.tables.balance` and :mod:`helpers.tables.balance_robust`."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from helpers.tables.balance import PAIR, WARHEAD_MEASURES
from helpers.tables.balance_words import LABELS, _ratio


def _the(name: str) -> str:
    return f"the {name}" if name.startswith("United ") else name


def robustness(caps: pd.DataFrame, conc: pd.DataFrame, year: int, measures: pd.DataFrame, measures_year: int | None,
               ppp: pd.DataFrame, ppp_year: int | None, names: Mapping[str, str] | None = None,
               no_us: tuple[float, float, float] | None = None) -> pd.DataFrame:
    """"How robust is this?": each headline of 05 as measured, under its obvious alternative measure, and whether it
    holds. Columns: Headline, As measured, Alternative, Under the alternative, Holds. ``no_us`` is
    :func:`helpers.tables.balance_robust.without_member` for ``year``: the ratio against NATO without the United
    States, the other denominator of the spending headline."""
    rows = _spending_rows(caps, year, ppp, ppp_year) + _no_us_rows(caps, year, no_us)
    if measures is not None and not measures.empty:
        rows += _warhead_rows(caps, year, measures, measures_year)
        rows += _lead_rows(conc, year, measures, measures_year, names)
    return pd.DataFrame(rows, columns=["Headline", "As measured", "Alternative", "Under the alternative", "Holds"])


def _spending_rows(caps: pd.DataFrame, year: int, ppp: pd.DataFrame, ppp_year: int | None) -> list[dict]:
    """The spending ratio at market exchange rates against Russia's and China's at military PPP."""
    _, _, ratio = _ratio(caps, "milex_usd_const", PAIR, "NATO")
    if math.isnan(ratio) or ppp is None or len(ppp) != 2:
        return []
    base, alt = float(ppp["ratio"].iloc[0]), float(ppp["ratio"].iloc[1])
    price_base = ppp["price_base"].iloc[1] if "price_base" in ppp else None
    prices = f"in constant {price_base} US dollars" if price_base else "at constant prices"
    holds = abs(alt / base - 1) < 0.25
    return [{"Headline": "Russia and China spend about three tenths of what NATO spends",
             "As measured": f"{ratio:.0%} in {year}, market exchange rates",
             "Alternative": f"Russia's and China's spending at military purchasing-power parity ({ppp_year} factors "
                            f"applied to figures {prices}); NATO at market rates, so an upper bound if no NATO "
                            "member's factor is below 1",
             "Under the alternative": f"{base:.0%} at market rates, at most {alt:.0%} in {ppp_year} (an upper bound if NATO's factor is at least 1)",
             "Holds": "yes" if holds else f"no: the ratio is {alt / base:.1f} times as large"
                      + ("; NATO still spends more" if alt < 1 else "")}]


def _no_us_rows(caps: pd.DataFrame, year: int, no_us: tuple[float, float, float] | None) -> list[dict]:
    """The spending ratio against NATO without the United States, whose budget is worldwide."""
    _, _, ratio = _ratio(caps, "milex_usd_const", PAIR, "NATO")
    if no_us is None or math.isnan(ratio) or math.isnan(no_us[2]):
        return []
    pair, rest, alt = no_us
    holds = abs(alt / ratio - 1) < 0.25
    more = "NATO's other members still spend more" if alt < 1 else "Russia and China spend more"
    return [{"Headline": "Russia and China spend about three tenths of what NATO spends",
             "As measured": f"{ratio:.0%} in {year}, all NATO members",
             "Alternative": f"NATO without the United States, its largest spender ({year})",
             "Under the alternative": f"{alt:.0%}: US${pair / 1000:,.0f} billion against US${rest / 1000:,.0f} billion",
             "Holds": "yes" if holds else f"no: the ratio is {alt / ratio:.1f} times as large; {more}"}]


def _warhead_rows(caps: pd.DataFrame, year: int, measures: pd.DataFrame, measures_year: int | None) -> list[dict]:
    """Which side holds more warheads, under each of SIPRI's narrower counts, all of one January: the total
    inventories are those of ``measures_year`` (the narrower counts' year) when ``measures`` holds them, so a row
    never sets one January against another; else the report's ``year``."""
    total = measures[measures["indicator"] == WARHEAD_MEASURES[-1]].set_index("bloc")["total"]
    if PAIR in total and "NATO" in total and measures_year is not None:
        wp, wn, year = float(total[PAIR]), float(total["NATO"]), measures_year
    else:
        wp, wn, _ = _ratio(caps, "nuclear_warheads", PAIR, "NATO")
    if math.isnan(wp) or math.isnan(wn):
        return []
    rows, more = [], wp > wn
    for ind in WARHEAD_MEASURES[:-1]:
        t = measures[measures["indicator"] == ind].set_index("bloc")["total"]
        if PAIR not in t or "NATO" not in t:
            continue
        same = (t[PAIR] > t["NATO"]) == more
        rows.append({"Headline": "Russia and China hold more nuclear warheads than NATO's members",
                     "As measured": f"{wp:,.0f} against {wn:,.0f}, total inventories, January {year}",
                     "Alternative": f"{LABELS[ind][:1].upper() + LABELS[ind][1:]}, January {measures_year}",
                     "Under the alternative": f"{t[PAIR]:,.0f} against {t['NATO']:,.0f}",
                     "Holds": "yes" if same else "no: the order reverses"})
    return rows


def _lead_rows(conc: pd.DataFrame, year: int, measures: pd.DataFrame, measures_year: int | None,
               names: Mapping[str, str] | None) -> list[dict]:
    """NATO's largest spender, and whether it also holds most of NATO's deployed warheads."""
    lead = conc[(conc["bloc"] == "NATO") & (conc["indicator"] == "milex_usd_const")]
    if not len(lead) or pd.isna(lead["largest_share"].iloc[0]):
        return []
    r = lead.iloc[0]
    who = (names or {}).get(r["largest"], r["largest"])
    dep = measures[measures["indicator"] == "nuclear_warheads_deployed"].set_index("bloc")["total"]
    lead_dep = dep.get(str(who), math.nan)
    share = lead_dep / dep["NATO"] if "NATO" in dep and dep["NATO"] else math.nan
    if math.isnan(share):
        return []
    return [{"Headline": f"One member dominates NATO: {_the(str(who))}",
             "As measured": f"{r['largest_share']:.0%} of NATO's military spending in {year}",
             "Alternative": f"Share of NATO's deployed nuclear warheads, January {measures_year}",
             "Under the alternative": f"{share:.0%}",
             "Holds": "yes" if share > 0.5 else "no: no member holds most"}]


def robustness_title(table: pd.DataFrame) -> str:
    """'2 of 4 checks hold: ...' — how many headline checks survive their alternative."""
    if table.empty:
        return "No alternative measure in the data to check the headlines against"
    held = int(table["Holds"].str.startswith("yes").sum())
    return f"{held} of {len(table)} checks hold; the others change the headline"
