"""Sentences for notebook 05 (P10–P11): the titles, findings and first-screen lines built from the frames of
:mod:`helpers.tables.balance`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.balance import LABELS, LARGEST, PAIR, reader_amount, series_value


def overlap_sentence(shared: pd.DataFrame) -> str:
    """A caption naming how often each state of :func:`overlaps` is counted, e.g. "The rows overlap: Russia is
    counted in 5 rows; China in 4; Kazakhstan and Kyrgyzstan in 3"."""
    if shared.empty:
        return "No state is counted in more than one row."
    parts = []
    for n, group in shared.groupby("blocs", sort=False):
        who = list(group["name"])
        listed = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        parts.append(f"{listed} in {n}")
    return "The rows overlap: " + parts[0].replace(" in ", " is counted in ", 1) + " rows" + \
        "".join(f"; {p}" for p in parts[1:]) + "."


def capability_finding(caps: pd.DataFrame, indicator: str, year: int) -> str:
    """A chart title stating what the bloc totals of one indicator show, honest about missing data."""
    label = LARGEST.get(indicator, indicator)
    sub = caps[(caps["indicator"] == indicator) & caps["total"].notna()]
    if sub.empty:
        return f"No {LABELS.get(indicator, indicator)} figures for {year} in the data for any of these blocs"
    top = sub.sort_values(["total", "bloc"], ascending=[False, True], kind="mergesort").iloc[0]
    partial = int((~sub["complete"]).sum())
    tail = f" ({partial} of {len(sub)} totals cover only some members)" if partial else ""
    share = top.get("world_share", math.nan)
    world = "" if pd.isna(share) else f", {share:.0%} of the world's"
    return f"{top['bloc']} has the largest {label} in {year}{world}{tail}"


def concentration_finding(conc: pd.DataFrame, year: int, names: Mapping[str, str] | None = None) -> str:
    """A title naming, for one indicator, the multi-member bloc with the fewest effective members (members by
    ``names`` where given)."""
    sub = conc[conc["effective_members"].notna() & (conc["reported"] > 1)]
    if sub.empty:
        return f"Too few figures for {year} to measure concentration in any bloc of several members"
    label = LABELS.get(str(sub["indicator"].iloc[0]), str(sub["indicator"].iloc[0]))
    most = sub.sort_values(["effective_members", "bloc"], kind="mergesort").iloc[0]
    cover = "" if most["complete"] else f" ({most['reported']} of {most['members']} members reported)"
    leader = (names or {}).get(most["largest"], most["largest"])
    return (f"In {year}, {most['bloc']} is the most concentrated bloc in {label}: {leader} holds "
            f"{most['largest_share']:.0%}, as if it had {most['effective_members']:.1f} equal members{cover}")


def _ratio(caps: pd.DataFrame, indicator: str, num: str, den: str) -> tuple[float, float, float]:
    sub = caps[caps["indicator"] == indicator].set_index("bloc")["total"]
    a, b = float(sub.get(num, math.nan)), float(sub.get(den, math.nan))
    return a, b, (a / b if b and not math.isnan(b) else math.nan)


def pair_finding(caps: pd.DataFrame, year: int) -> str:
    """'In 2023 Russia and China together spent 31% of what NATO spent (US$416 billion against US$1.34
    trillion)'; empty when either total is missing."""
    pair, nato, ratio = _ratio(caps, "milex_usd_const", PAIR, "NATO")
    if math.isnan(ratio):
        return ""
    return (f"In {year} Russia and China together spent {ratio:.0%} of what NATO spent "
            f"({reader_amount(pair, 'milex_usd_const')} against {reader_amount(nato, 'milex_usd_const')}).")


def warhead_finding(caps: pd.DataFrame, year: int) -> str:
    """'They held 5,990 nuclear warheads in January 2023, NATO's members 5,559'; empty for a year without an
    inventory in the data."""
    pair, nato, _ = _ratio(caps, "nuclear_warheads", PAIR, "NATO")
    if math.isnan(pair) or math.isnan(nato):
        return ""
    more = "more than" if pair > nato else "fewer than" if pair < nato else "as many as"
    return (f"Russia and China held {pair:,.0f} nuclear warheads in January {year}, {more} NATO's members "
            f"({nato:,.0f}).")


def leader_finding(conc: pd.DataFrame, year: int, names: Mapping[str, str] | None = None,
                   bloc: str = "NATO", indicator: str = "milex_usd_const") -> str:
    """'The United States accounted for 68% of NATO's military spending in 2023: as concentrated as 2.1 equal
    members, against 31 actual members'."""
    row = conc[(conc["bloc"] == bloc) & (conc["indicator"] == indicator)]
    if row.empty or pd.isna(row["largest_share"].iloc[0]):
        return ""
    r = row.iloc[0]
    who = (names or {}).get(r["largest"], r["largest"])
    who = f"The {who}" if who.startswith("United ") else who
    return (f"{who} accounted for {r['largest_share']:.0%} of {bloc}'s {LABELS[indicator]} in {year}: as concentrated "
            f"as {r['effective_members']:.1f} equal members, against {int(r['members'])} actual members.")


def series_finding(series: pd.DataFrame, name: str = "Russia + China as a share of NATO") -> str:
    """'From 2000 to 2024, Russia and China's spending rose from 9% to 33% of NATO's' (the series' own span)."""
    sub = series[series["series"] == name].dropna(subset=["value"])
    if sub.empty:
        return f"No years with figures for {name}"
    first, last = int(sub["year"].min()), int(sub["year"].max())
    a, b = series_value(series, name, first), series_value(series, name, last)
    verb = "rose" if b > a else "fell" if b < a else "stayed"
    return f"From {first} to {last}, Russia and China's military spending {verb} from {a:.0%} to {b:.0%} of NATO's"


def summary(year: int) -> str:
    """The line under the title, for the report's own year."""
    return (f"How NATO, Russia and China, the SCO and the CSTO compare in {year}: military spending, nuclear warheads, "
            "population, and how concentrated each bloc is.")


def glance_findings(caps: pd.DataFrame, conc: pd.DataFrame, series: pd.DataFrame, year: int,
                    names: Mapping[str, str] | None = None) -> list[str]:
    """The 2–4 findings at the top of 05, for the report's year: the pair's spending against NATO's, the
    warheads (when the data holds an inventory for the year), NATO's leading member, and the series."""
    found = [pair_finding(caps, year), warhead_finding(caps, year), leader_finding(conc, year, names)]
    return [f for f in found if f] + [series_finding(series) + "."]


def overlap_title(shared: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int) -> str:
    """'7 states are counted in more than one of the 7 rows on 31 December 2023'."""
    return f"{len(shared)} states are counted in more than one of the {len(blocs)} rows on 31 December {year}"
