"""Notebook 05 (P10–P11): the tables a reader reads — the states counted in more than one bloc, each bloc's
capabilities in words, how concentrated each bloc is, and the headlines under the alternative measures — built
from the frames of :mod:`helpers.tables.balance`, :mod:`helpers.tables.balance_concentration` and
:mod:`helpers.tables.balance_robust`.

Totals read as :func:`helpers.tables.balance_words.reader_amount` says them and indicators by their names in
:data:`helpers.tables.balance_words.LABELS`; plain DataFrames in, plain DataFrames out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.balance import INDICATORS, PAIR, WARHEAD_MEASURES
from helpers.tables.balance_words import LABELS, reader_amount
from helpers.tables.frames import need


def overlap_view(shared: pd.DataFrame) -> pd.DataFrame:
    """:func:`helpers.tables.balance.overlaps` with reader headers, without the codes."""
    return shared.drop(columns="iso3").rename(columns={"name": "State", "blocs": "Rows it is counted in",
                                                       "in": "Which rows"})


def capability_view(caps: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Reader columns for ``balance.world_shares`` output: bloc, indicator, total in words (see ``reader_amount``),
    share of the world in per cent (empty where the data holds no world total), members with figures, members
    without, by name (``names``: ISO3 code → name; a code without a name stays)."""
    share = caps["world_share"] if "world_share" in caps else pd.Series(math.nan, index=caps.index)
    named = [", ".join((names or {}).get(c.strip(), c.strip()) for c in str(m).split(",")) if isinstance(m, str) and m
             and m != "all members" else m for m in caps["missing"]]
    return pd.DataFrame({
        "bloc": caps["bloc"], "indicator": caps["indicator"].map(LABELS),
        "total": [reader_amount(v, i) for v, i in zip(caps["total"], caps["indicator"])],
        "share of the world (%)": (100 * share).round(1),
        "members with figures": caps["reported"].astype(str) + " of " + caps["members"].astype(str),
        "members without figures": named,
    }).reset_index(drop=True)


def capability_grid(caps: pd.DataFrame, indicators: Iterable[str] = INDICATORS,
                    names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per bloc; per indicator its total ("US$1.34 trillion", "972 million": a number under a unit on the
    page), world share ("55%", where the data holds a world total) and coverage ("31 of 31" with figures)."""
    need(caps, ("bloc", "indicator", "members", "reported", "total"), "capability_grid(caps)")
    out = pd.DataFrame({"Bloc": list(dict.fromkeys(caps["bloc"]))})
    out["Members"] = out["Bloc"].map(caps.drop_duplicates("bloc").set_index("bloc")["members"]).astype(int)
    for ind in indicators:
        sub = caps[caps["indicator"] == ind].set_index("bloc")
        share = sub["world_share"] if "world_share" in sub else pd.Series(math.nan, index=sub.index)
        word = LABELS[ind][:1].upper() + LABELS[ind][1:]
        out[word] = out["Bloc"].map({b: "" if pd.isna(t) else f"{t / 1e6:,.0f} million" if ind == "population"
                                     else reader_amount(t, ind).removesuffix(" warheads")  # one scale a column
                                     for b, t in sub["total"].items()}).fillna("")
        if share.notna().any():
            out[f"{word}: share of world"] = out["Bloc"].map(share.map(lambda x: "" if pd.isna(x) else f"{x:.0%}"))
        cover = sub["reported"].astype(str) + " of " + sub["members"].astype(str) + _zero_note(sub, names)
        out[f"{word}: figures for"] = out["Bloc"].map(cover).fillna("")
    return out


def _zero_note(sub: pd.DataFrame, names: Mapping[str, str] | None) -> pd.Series:
    """', Iceland at 0' after a coverage count: a member whose figure in the data is 0 is counted among those with
    figures, so the count says which (empty for exhaustive lists, where absence already means none)."""
    zero = sub["recorded_zero"] if "recorded_zero" in sub else pd.Series("", index=sub.index)
    named = [", ".join((names or {}).get(c, c) for c in str(z).split(", ")) if z else "" for z in zero.fillna("")]
    return pd.Series([f", {n} at 0" if n else "" for n in named], index=sub.index)


def concentration_view(conc: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Reader columns for ``balance_concentration.concentration_table`` output, multi-member blocs only (a bloc of
    one is concentrated by definition); shares in per cent, the ratio and the effective number rounded."""
    sub = conc[conc["members"] > 1]
    name = lambda s: s.map(lambda c: (names or {}).get(c, c))  # noqa: E731
    return pd.DataFrame({
        "indicator": sub["indicator"].map(LABELS), "bloc": sub["bloc"],
        "largest member": name(sub["largest"]), "its share (%)": (100 * sub["largest_share"]).round(1),
        "runner-up": name(sub["runner_up"]), "leader to runner-up (×)": sub["leader_ratio"].round(1),
        "in effect, equal-sized members": sub["effective_members"].round(2), "members": sub["members"],
        "members with figures": sub["reported"],
    }).reset_index(drop=True)


#: How the warhead table names SIPRI's three counts, narrowest first.
MEASURE_NAMES = {"nuclear_warheads_deployed": "Deployed",
                 "nuclear_warheads_stockpile": "Military stockpile (deployed + stored)",
                 "nuclear_warheads": "Total inventory (stockpile + retired)"}


def warhead_measure_view(measures: pd.DataFrame, blocs: Iterable[str] = ("NATO", PAIR, "SCO", "CSTO")) -> pd.DataFrame:
    """One row per warhead count, one column per bloc, and which of NATO and Russia + China holds more."""
    need(measures, ("bloc", "indicator", "total"), "warhead_measure_view(measures)")
    blocs = [b for b in blocs if b in set(measures["bloc"])]
    rows = []
    for ind in [i for i in WARHEAD_MEASURES if i in set(measures["indicator"])]:
        tot = measures[measures["indicator"] == ind].set_index("bloc")["total"]
        row = {"Measure": MEASURE_NAMES[ind]}
        row.update({b: "" if pd.isna(tot.get(b)) else f"{tot[b]:,.0f}" for b in blocs})
        nato, pair = tot.get("NATO", math.nan), tot.get(PAIR, math.nan)
        row["More warheads"] = ("" if pd.isna(nato) or pd.isna(pair) else
                                "NATO" if nato > pair else PAIR if pair > nato else "equal")
        rows.append(row)
    return pd.DataFrame(rows)


def ppp_view(ppp: pd.DataFrame) -> pd.DataFrame:
    """Reader columns for ``balance_robust.ppp_sensitivity``: totals in words, the ratio in per cent."""
    return pd.DataFrame({"Basis": ppp["basis"],
                         "Russia + China": [reader_amount(v, "milex_usd_const") for v in ppp["pair"]],
                         "NATO": [reader_amount(v, "milex_usd_const") for v in ppp["nato"]],
                         "Russia + China as a share of NATO": [f"{r:.0%}" for r in ppp["ratio"]],
                         "Conversion applied": ppp["conversion"].replace("", "—")}).reset_index(drop=True)


def ppp_title(ppp: pd.DataFrame, year: int | None) -> str:
    """'Russia and China's 2024 spending was 32% of NATO's at market rates; at most 67% at military purchasing power,
    if NATO's own factor is at least 1': the purchasing-power figure is an upper bound under that condition, not the
    other end of a range."""
    if ppp is None or len(ppp) < 2:
        return "The data holds no purchasing-power conversion for Russia and China"
    return (f"Russia and China's {year} spending was {float(ppp['ratio'].iloc[0]):.0%} of NATO's at market rates; at "
            f"most {float(ppp['ratio'].iloc[1]):.0%} at military purchasing power, if NATO's own factor is at least 1")
