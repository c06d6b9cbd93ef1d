"""Frames for notebook 05 (P10–P11): the blocs the article weighs, their capabilities and shares of the world,
each bloc's total split by member, and a series over every year the data holds.

Plain DataFrames in, plain DataFrames out; nothing here displays, and nothing here reads files. Membership on a
date comes from ``helpers.membership``; the notebook loads the tables and passes them in. How concentrated each
bloc is, is :mod:`helpers.tables.balance_concentration`'s; the tables a reader reads are
:mod:`helpers.tables.balance_view`'s, the sentences and reader words :mod:`helpers.tables.balance_words`'s.

The blocs overlap on purpose: Russia is counted in "Russia + China", in the SCO (with and without India and
Pakistan) and in the CSTO; China in "Russia + China" and both SCO rows. Bloc totals must therefore never be added
across blocs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.membership import as_timestamp
from helpers.tables.frames import need

INDICATORS = ("milex_usd_const", "nuclear_warheads", "population")

#: Every indicator the frames can sum: the codes ``capabilities.csv`` may hold in its ``indicator`` column (the
#: data package's list; tests/test_tables_balance.py checks the two agree, and that each has its reader name).
MEASURES = ("milex_usd_const", "milex_usd_current", "milex_usd_mppp", "milex_usd_mppp_market", "nuclear_warheads",
            "nuclear_warheads_stockpile", "nuclear_warheads_deployed", "population")


#: SIPRI's three warhead counts, narrowest first: deployed (on missiles or at bases with operational forces), the
#: military stockpile (deployed plus stored) and the total inventory (the stockpile plus retired warheads awaiting
#: dismantlement).
WARHEAD_MEASURES = ("nuclear_warheads_deployed", "nuclear_warheads_stockpile", "nuclear_warheads")


#: The members whose part each bloc bar shows by name; the rest are drawn together as "other members".
NAMED_PARTS = ("USA", "RUS", "CHN", "IND")


# Indicators whose source lists every holder (SIPRI's world nuclear forces table lists all nine nuclear-armed
# states), so a state absent from a year's list holds none rather than lacking a figure.
EXHAUSTIVE_INDICATORS = frozenset(WARHEAD_MEASURES)


PAIR = "Russia + China"


SCO_CORE = "SCO without India and Pakistan"


NOT_IN_CORE = ("IND", "PAK")


def _member_list(codes: list[str], members: list[str]) -> str:
    """Comma-separated ISO3 codes, or "all members" when every member is listed (a long list says less)."""
    if codes and len(codes) == len(members) and len(members) > 1:
        return "all members"
    return ", ".join(codes)


def reference_date(year: int) -> pd.Timestamp:
    """The day on which bloc membership is read for a capability ``year``: 31 December of that year."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year={year!r} is not a whole year; give one such as 2023")
    return pd.Timestamp(year=year, month=12, day=31)


def bloc_members(memberships: pd.DataFrame, as_of, orgs: Iterable[str] = ("NATO", "SCO", "CSTO"),
                 states: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """The blocs the article compares, as ``{label: sorted ISO3 codes}`` in reading order.

    Organisations give their formal members on ``as_of``; ``states`` (label → ISO3, default Russia and China)
    are blocs of one, placed after NATO as the article sets the two powers against it.
    """
    from helpers import membership

    when = as_timestamp(as_of, "as_of")
    states = {"Russia": "RUS", "China": "CHN"} if states is None else dict(states)
    orgs = list(orgs)
    members = {org: sorted(membership.members_as_of(memberships, org, when)["iso3"]) for org in orgs}
    out: dict[str, list[str]] = {}
    if orgs:
        out[orgs[0]] = members[orgs[0]]
    out.update({label: [iso3] for label, iso3 in states.items()})
    out.update({org: members[org] for org in orgs[1:]})
    return out


def comparison_blocs(memberships: pd.DataFrame, as_of) -> dict[str, list[str]]:
    """The seven rows notebook 05 compares, in reading order: NATO; Russia + China (the article's subject);
    Russia; China; the SCO; the SCO without India and Pakistan (the members with no alignment with Russia and
    China against the West); the CSTO. Each organisation is read on ``as_of``; the rows overlap."""
    base = bloc_members(memberships, as_of)
    return {"NATO": base["NATO"], PAIR: ["CHN", "RUS"], "Russia": ["RUS"], "China": ["CHN"], "SCO": base["SCO"],
            SCO_CORE: [m for m in base["SCO"] if m not in NOT_IN_CORE], "CSTO": base["CSTO"]}


def overlaps(blocs: Mapping[str, Iterable[str]], names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """States counted in more than one bloc: iso3, name, how many blocs (``blocs``) and which (``in``), most
    counted first. This is why bloc totals must not be added up."""
    seen: dict[str, list[str]] = {}
    for bloc, members in blocs.items():
        for m in dict.fromkeys(members):
            seen.setdefault(m, []).append(bloc)
    rows = [{"iso3": m, "name": (names or {}).get(m, m), "blocs": len(b), "in": "; ".join(b)}
            for m, b in seen.items() if len(b) > 1]
    out = pd.DataFrame(rows, columns=["iso3", "name", "blocs", "in"])
    return out.sort_values(["blocs", "iso3"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def year_values(capabilities: pd.DataFrame, year: int, indicator: str) -> tuple[pd.Series, bool]:
    """The values of one indicator in one year by ISO3, and whether the indicator's list is exhaustive that year."""
    cap = capabilities[(capabilities["year"].astype("Int64") == int(year)) & (capabilities["indicator"] == indicator)]
    vals = cap.dropna(subset=["value"]).groupby("iso3")["value"].sum()
    return vals, indicator in EXHAUSTIVE_INDICATORS and not cap.empty


def _bloc_total(cap: pd.DataFrame, bloc: str, members: list[str], ind: str, year: int, exhaustive: bool) -> dict:
    """One row of :func:`bloc_capabilities`: one bloc's total of one indicator in ``cap`` (one year's rows), with
    who reported, who is missing and who counts as a zero (``exhaustive``: an inventory that lists every holder)."""
    sub = cap[(cap["indicator"] == ind) & cap["iso3"].isin(members)].dropna(subset=["value"])
    have = sorted(sub["iso3"].unique())
    zeros = [m for m in members if m not in have] if exhaustive else []
    units = sorted(sub["unit"].dropna().unique())
    if len(units) > 1:
        raise ValueError(f"bloc_capabilities: indicator {ind} for {year} mixes units {units}; "
                         "the data must use one unit per indicator and year")
    return {
        "bloc": bloc, "indicator": ind, "members": len(members), "reported": len(have) + len(zeros),
        "complete": bool(members) and len(have) + len(zeros) == len(members),
        "total": float(sub["value"].sum()) if have or zeros else math.nan,
        "unit": units[0] if units else "",
        "missing": _member_list([m for m in members if m not in have and m not in zeros], members),
        "counted_as_zero": len(zeros),
        "recorded_zero": ", ".join(sorted(sub.loc[sub["value"] == 0, "iso3"].unique())),
    }


def bloc_capabilities(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                      indicators: Iterable[str] = INDICATORS) -> pd.DataFrame:
    """Sum each indicator over each bloc's members for ``year``, saying how many members have data.

    One row per bloc × indicator: ``members``, ``reported`` (members with a value), ``complete`` (every member
    reported), ``total`` (sum over reporting members; NaN when none reported), ``unit``, ``missing`` (ISO3 codes
    without a value, or "all members"), ``counted_as_zero``, ``recorded_zero`` (ISO3 codes whose value is 0). A
    partial total is never hidden: ``complete`` says so. For warheads, an exhaustive list, a member absent from a
    year's inventory holds none and counts as a reported zero; for a year without any inventory, members stay missing.
    """
    need(capabilities, ("iso3", "year", "indicator", "value", "unit"), "bloc_capabilities(capabilities)")
    indicators = list(indicators)
    unknown = [i for i in indicators if i not in MEASURES]
    if unknown:
        raise ValueError(f"bloc_capabilities: unknown indicator(s) {unknown}; allowed: {', '.join(MEASURES)}")
    cap = capabilities[capabilities["year"].astype("Int64") == int(year)]
    exhaustive_in = {ind: ind in EXHAUSTIVE_INDICATORS and (cap["indicator"] == ind).any() for ind in indicators}
    rows = [_bloc_total(cap, bloc, sorted(dict.fromkeys(members)), ind, year, exhaustive_in[ind])
            for bloc, members in blocs.items() for ind in indicators]
    return pd.DataFrame(rows, columns=["bloc", "indicator", "members", "reported", "complete", "total", "unit",
                                       "missing", "counted_as_zero", "recorded_zero"])


def world_shares(caps: pd.DataFrame, world_totals: pd.DataFrame, year: int) -> pd.DataFrame:
    """``caps`` (from :func:`bloc_capabilities`) with ``world_total`` and ``world_share`` for ``year``.

    The share is the bloc total over the world total of the same indicator and year (NaN when the data holds no
    world total for it). A partial bloc total gives a lower bound, and ``complete`` already says which.
    """
    need(world_totals, ("year", "indicator", "value"), "world_shares(world_totals)")
    w = world_totals[world_totals["year"].astype("Int64") == int(year)].set_index("indicator")["value"]
    out = caps.copy()
    out["world_total"] = out["indicator"].map(w).astype(float)
    out["world_share"] = out["total"] / out["world_total"]
    return out


def _series_row(year: int, series: str, num: pd.Series, den: pd.Series | float, kind: str, members: int,
                bloc: str) -> dict:
    numerator = float(num["total"])
    denominator = float(den["total"]) if isinstance(den, pd.Series) else float(den)
    complete = bool(num["complete"]) and (bool(den["complete"]) if isinstance(den, pd.Series) else True)
    value = numerator / denominator if denominator and not math.isnan(denominator) else math.nan
    return {"year": year, "series": series, "kind": kind, "value": value, "complete": complete, "members": members,
            "bloc": bloc}


def share_series(capabilities: pd.DataFrame, memberships: pd.DataFrame, world_totals: pd.DataFrame,
                 years: Iterable[int], indicator: str = "milex_usd_const") -> pd.DataFrame:
    """Shares over time, with each bloc's membership read on 31 December of each year.

    Columns: year, series, kind (``within the bloc``, ``against NATO``, ``of the world``), value, complete (both
    sides of the ratio cover every member), members (members of the bloc in the denominator, or of the bloc whose
    world share it is), bloc (whose series it is, for its colour: NATO, the SCO, the CSTO or Russia + China). A year with no world total has no ``of the world`` rows.
    """
    wt = world_totals[world_totals["indicator"] == indicator]
    w = pd.Series(wt["value"].to_numpy(dtype=float), index=wt["year"].astype(int).to_numpy())
    rows = []
    for year in years:
        blocs = comparison_blocs(memberships, reference_date(int(year)))
        blocs.update({"United States": ["USA"]})
        caps = bloc_capabilities(capabilities, blocs, int(year), [indicator]).set_index("bloc")
        size = {b: len(m) for b, m in blocs.items()}
        rows += [_series_row(year, "United States' share of NATO", caps.loc["United States"], caps.loc["NATO"],
                             "within the bloc", size["NATO"], "NATO"),
                 _series_row(year, "China's share of the SCO", caps.loc["China"], caps.loc["SCO"],
                             "within the bloc", size["SCO"], "SCO"),
                 _series_row(year, "Russia + China as a share of NATO", caps.loc[PAIR], caps.loc["NATO"],
                             "against NATO", size["NATO"], PAIR)]
        if int(year) in w.index:
            rows += [_series_row(year, f"{b} in the world", caps.loc[b], float(w.loc[int(year)]), "of the world",
                                 size[b], b) for b in ("NATO", PAIR, "SCO", "CSTO")]
    return pd.DataFrame(rows, columns=["year", "series", "kind", "value", "complete", "members", "bloc"])


def indicator_years(capabilities: pd.DataFrame, indicator: str = "milex_usd_const") -> list[int]:
    """Every year from the first to the last with a figure for ``indicator`` (the span a series can hold)."""
    years = capabilities.loc[capabilities["indicator"] == indicator, "year"].dropna().astype(int)
    return list(range(int(years.min()), int(years.max()) + 1)) if len(years) else []


def series_span(series: pd.DataFrame, kind: str | None = None) -> tuple[int, int, int]:
    """(first year, last year, number of years) with a value in ``series`` (optionally of one ``kind``)."""
    sub = series.dropna(subset=["value"])
    if kind is not None:
        sub = sub[sub["kind"] == kind]
    if sub.empty:
        return (0, 0, 0)
    years = sorted(set(int(y) for y in sub["year"]))
    return (years[0], years[-1], len(years))


def series_value(series: pd.DataFrame, name: str, year: int) -> float:
    """One value of :func:`share_series` (NaN when absent), for prose that quotes the series."""
    hit = series[(series["series"] == name) & (series["year"].astype(int) == int(year))]["value"]
    return float(hit.iloc[0]) if len(hit) else math.nan


def held_years(capabilities: pd.DataFrame, indicator: str) -> list[int]:
    """The years with at least one figure for ``indicator``, in order (gaps left out, unlike
    :func:`indicator_years`)."""
    years = capabilities.loc[capabilities["indicator"] == indicator, "year"].dropna().astype(int)
    return sorted(set(years))


def latest_year(capabilities: pd.DataFrame, indicator: str) -> int | None:
    """The last year with a figure for ``indicator`` (None when the data holds none)."""
    years = capabilities.loc[capabilities["indicator"] == indicator, "year"].dropna().astype(int)
    return int(years.max()) if len(years) else None


def all_estimated(capabilities: pd.DataFrame, indicator: str, states, year: int) -> bool:
    """True when every figure of ``indicator`` for ``states`` in ``year`` is published as an estimate (SIPRI's
    spending for Russia and China in 2023): a headline that rests on them rests on estimates."""
    rows = capabilities[(capabilities["indicator"] == indicator) & capabilities["iso3"].isin(list(states))
                        & (capabilities["year"] == int(year))]
    return bool(len(rows)) and bool(_estimated(rows).all())


def _estimated(capabilities: pd.DataFrame) -> pd.Series:
    """The ``estimate`` column as booleans (False where the data has no such column)."""
    if "estimate" not in capabilities:
        return pd.Series(False, index=capabilities.index)
    return capabilities["estimate"].map(lambda v: v is True or str(v).lower() == "true")


def member_parts(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int, indicator: str,
                 names: Mapping[str, str] | None = None, named: Iterable[str] = NAMED_PARTS) -> pd.DataFrame:
    """Each bloc's total split into the parts of its members, for bars that show who carries the weight.

    One row per bloc and part: ``bloc``, ``part`` (the member's name for the members in ``named``, else "other
    members", summed), ``value``, ``estimate`` (the source publishes at least one figure in the part as an
    estimate) and ``order`` (the part's place in the stack: named members in ``named`` order, others last)."""
    need(capabilities, ("iso3", "year", "indicator", "value"), "member_parts(capabilities)")
    named = list(named)
    cap = capabilities[(capabilities["year"].astype("Int64") == int(year)) & (capabilities["indicator"] == indicator)]
    cap = cap.assign(estimate=_estimated(cap)).dropna(subset=["value"])
    rows = []
    for bloc, members in blocs.items():
        sub = cap[cap["iso3"].isin(list(dict.fromkeys(members)))]
        part = sub["iso3"].map(lambda c: (names or {}).get(c, c) if c in named else "other members")
        order = sub["iso3"].map(lambda c: named.index(c) if c in named else len(named))
        grouped = sub.assign(part=part, order=order).groupby(["part", "order"], sort=False).agg(
            value=("value", "sum"), estimate=("estimate", "any")).reset_index()
        for r in grouped.sort_values("order", kind="mergesort").itertuples():
            rows.append({"bloc": bloc, "part": r.part, "value": float(r.value), "estimate": bool(r.estimate),
                         "order": int(r.order)})
    return pd.DataFrame(rows, columns=["bloc", "part", "value", "estimate", "order"])
