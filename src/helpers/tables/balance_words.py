"""Sentences for notebook 05 (P10–P11): the titles, findings and first-screen lines built from the frames of
:mod:`helpers.tables.balance`, and the words they share with the reader's tables (each indicator's name, an
amount as a reader says it)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import wording
from helpers.tables.balance import PAIR, reference_date, series_value

#: How a sentence or a table names each indicator.
LABELS = {"milex_usd_const": "military spending", "milex_usd_current": "military spending (current US$)",
          "milex_usd_mppp": "military spending at military purchasing-power parity",
          "milex_usd_mppp_market": "military spending at market exchange rates (the purchasing-power estimate's base)",
          "nuclear_warheads": "nuclear warheads",
          "nuclear_warheads_stockpile": "nuclear warheads in military stockpiles",
          "nuclear_warheads_deployed": "deployed nuclear warheads", "population": "population"}


#: What a title calls the largest total of each indicator ("the largest ...").
LARGEST = {"milex_usd_const": "military spending", "milex_usd_current": "military spending",
           "nuclear_warheads": "nuclear warhead inventory", "nuclear_warheads_stockpile": "military stockpile",
           "nuclear_warheads_deployed": "deployed warhead count", "population": "population"}


def reader_amount(value: float, indicator: str) -> str:
    """A total as a reader says it: "US$1.34 trillion" / "US$406 billion" (spending, held in US$ million),
    "5,759 warheads", "1.57 billion people"; empty for no value."""
    if value is None or pd.isna(value):
        return ""
    if indicator.startswith("milex"):
        dollars = float(value) * 1e6
        if dollars >= 1e12:
            return f"US${dollars / 1e12:.2f} trillion"
        return f"US${dollars / 1e9:,.1f} billion" if dollars < 1e11 else f"US${dollars / 1e9:,.0f} billion"
    if indicator == "nuclear_warheads":
        return f"{float(value):,.0f} warheads"
    if indicator == "population":
        if value >= 1e9:
            return f"{float(value) / 1e9:.2f} billion people"
        return f"{float(value) / 1e6:,.1f} million people"
    return f"{float(value):,.0f}"


def overlap_sentence(shared: pd.DataFrame) -> str:
    """A caption naming how often each state of :func:`helpers.tables.balance.overlaps` is counted, e.g. "The rows
    overlap: Russia is counted in 5 rows; China in 4; Kazakhstan and Kyrgyzstan in 3"."""
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


#: The caption of a bloc chart for a year without figures (it draws a frame naming the years, no bars).
NO_BARS = "No bars for this year: the frame names the years the data holds."


def bars_caption(caps: pd.DataFrame, indicator: str, caption: str) -> str:
    """``caption`` (which describes the bars: outlines, overlapping rows, world shares) when some bloc has a total
    of ``indicator`` to draw; else :data:`NO_BARS`, so a caption never describes marks the chart does not draw."""
    drawn = caps.loc[caps["indicator"] == indicator, "total"].notna().any()
    return caption if drawn else NO_BARS


def world_share_note(caps: pd.DataFrame, indicator: str) -> str:
    """What the bars say of the world for ``indicator``: where a share is shown, which ones; where none is (no world
    total on the members' basis), that none is, so a caption never explains a share the reader cannot see."""
    rows = caps[caps["indicator"] == indicator]
    if "world_share" in rows and rows["world_share"].notna().any():
        return "A world share is shown only where the world total is on the members' basis."
    return "No share of the world is shown: the data hold no world total on the members' basis."


def year_runs(years: Iterable[int]) -> str:
    """Years as runs, in digits and punctuation only (so both editions read them): "2001, 2010, 2021–2024";
    "none" for no year."""
    ys = sorted({int(y) for y in years})
    if not ys:
        return "none"
    runs = [[ys[0], ys[0]]]
    for y in ys[1:]:
        if y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def held_lines(indicator: str, held: Iterable[int]) -> tuple[str, str]:
    """What a chart with no figure for its year shows instead of bars, in two short lines (they fit a phone):
    which figures, then the years the data holds them for ("2023–2024")."""
    return f"Years with {LABELS.get(indicator, indicator)} figures in the data:", year_runs(held)


def concentration_finding(conc: pd.DataFrame, year: int, names: Mapping[str, str] | None = None) -> str:
    """A title naming, in plain words, the multi-member bloc that leans most on one member for one indicator (the
    fewest effective members; members by ``names`` where given), its largest member's share and what the bloc's
    members weigh as, in equal members."""
    sub = conc[conc["effective_members"].notna() & (conc["reported"] > 1)]
    if sub.empty:
        return f"Too few figures for {year} to measure concentration in any bloc of several members"
    label = LABELS.get(str(sub["indicator"].iloc[0]), str(sub["indicator"].iloc[0]))
    most = sub.sort_values(["effective_members", "bloc"], kind="mergesort").iloc[0]
    cover = "" if most["complete"] else f" ({most['reported']} of {most['members']} members reported)"
    leader = (names or {}).get(most["largest"], most["largest"])
    share = (f"In {year}, {most['bloc']} leans most on one member for {label}: {leader} holds "
             f"{most['largest_share']:.0%}")
    if round(float(most["effective_members"]), 1) <= 1.0:
        return f"{share}, so the bloc has in effect a single member{cover}"
    return (f"{share}, so its {most['members']} members count, in effect, as only {most['effective_members']:.1f} "
            f"members of equal size{cover}")


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


def warhead_finding(caps: pd.DataFrame, year: int, measures: pd.DataFrame | None = None,
                    measures_year: int | None = None) -> str:
    """The military stockpile first (SIPRI's capability measure, from ``measures`` of ``measures_year``), then the
    total inventory of ``year``, retired warheads included: 'In January 2024 Russia and China held 4,880 nuclear
    warheads in military stockpiles, NATO's members 4,223 (SIPRI's estimates). Russia and China held 6,299 ...';
    empty for a year without an inventory in the data."""
    pair, nato, _ = _ratio(caps, "nuclear_warheads", PAIR, "NATO")
    if math.isnan(pair) or math.isnan(nato):
        return ""
    more = "more than" if pair > nato else "fewer than" if pair < nato else "as many as"
    inv = (f"Russia and China held {pair:,.0f} nuclear warheads in January {year}, {more} NATO's members "
           f"({nato:,.0f}), counting the total inventory, retired warheads awaiting dismantlement included.")
    stock = (measures[measures["indicator"] == "nuclear_warheads_stockpile"].set_index("bloc")["total"]
             if measures is not None and not measures.empty else pd.Series(dtype=float))
    if PAIR not in stock or "NATO" not in stock:
        return inv
    return (f"In January {measures_year} Russia and China held {stock[PAIR]:,.0f} nuclear warheads in military "
            f"stockpiles, NATO's members {stock['NATO']:,.0f} (SIPRI's estimates). " + inv)


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


def fixed_membership_sentence(series: pd.DataFrame, fixed: pd.DataFrame | None,
                              names: Mapping[str, str] | None = None,
                              name: str = "Russia + China as a share of NATO") -> str:
    """The series' first point beside the same share with NATO held to its last year's members
    (:func:`helpers.tables.balance_robust.fixed_membership_share`), since the series' NATO grows: "NATO grew from 19
    to 32 members meanwhile; against its 32 members of 2024, 2000's share is 7.6%." Empty without ``fixed`` or
    when NATO's size did not change."""
    sub = series[series["series"] == name].dropna(subset=["value"])
    if fixed is None or fixed.empty or sub.empty:
        return ""
    row = fixed.iloc[0]
    before = int(sub.loc[sub["year"] == row["year"], "members"].iloc[0])
    if before == int(row["members"]):
        return ""
    out = (f"NATO grew from {before} to {int(row['members'])} members meanwhile; against its {int(row['members'])} "
           f"members of {int(row['members_of'])}, {int(row['year'])}'s share is {row['share']:.1%}")
    if row["missing"]:
        who = wording.joined([(names or {}).get(c.strip(), c.strip()) for c in row["missing"].split(",")], lang="en")
        out += f" ({who} without a SIPRI figure for {int(row['year'])})"
    return out + "."


def summary(year: int) -> str:
    """The line under the title, for the report's own year."""
    return (f"How NATO, Russia and China, the SCO and the CSTO compare in {year}: military spending, nuclear warheads, "
            "population, and how concentrated each bloc is.")


def ppp_caveat(ppp: pd.DataFrame, year: int, glance_year: int | None = None) -> str:
    """Whether the spending ratio survives purchasing power, in one sentence that brings no pair of figures into
    the glance's line: how many times as large the ratio can be with Russia's and China's spending at military
    purchasing-power parity (its upper bound, from ``ppp`` of ``year``; the figures and the bound's condition are
    in "Spending at purchasing power" and "How robust is this?"); empty without a conversion or when the ratio
    moves under a quarter. When the glance's ratio is for another year (``glance_year``), the sentence says the
    conversion is a later (or earlier) year's and that the data holds none for the glance's year, so a 2024 factor
    is not read as the 2023 ratio's; it names no second year (one year per glance line)."""
    if ppp is None or len(ppp) < 2:
        return ""
    base, alt = float(ppp["ratio"].iloc[0]), float(ppp["ratio"].iloc[1])
    if abs(alt / base - 1) < 0.25:
        return ""
    bound = f"up to {alt / base:.1f} times as large (an upper bound: see \"How robust is this?\")."
    if glance_year is not None and glance_year != year:  # one year per glance line: the other year is named below
        other = "a later" if year > glance_year else "an earlier"
        return (f"It may not survive purchasing power: at military purchasing-power parity ({other} year's factors; "
                f"the data holds none for {glance_year}) the ratio can be {bound}")
    return f"It may not survive purchasing power: at military purchasing-power parity the ratio can be {bound}"


def zero_note(caps: pd.DataFrame) -> str:
    """The caption sentence saying how a member recorded at 0 for spending is counted (Iceland, which keeps no
    standing military force: source ``cia-factbook-2016-iceland-military``); empty when no member is at 0."""
    zero = caps.loc[caps["indicator"] == "milex_usd_const", "recorded_zero"] if "recorded_zero" in caps else []
    if "ISL" not in {c for z in zero if isinstance(z, str) and z for c in z.split(", ")}:
        return ""
    return ("Iceland, which keeps no standing military force, is recorded at 0 in SIPRI's spending series: it counts "
            "among the members with figures and adds nothing to the totals.")


def partial_note(caps: pd.DataFrame, year: int, names: Mapping[str, str] | None = None) -> str:
    """Which bloc spending totals of ``year`` miss members, and how the sum treats them: "The spending totals of the
    SCO and the SCO without India and Pakistan are lower bounds: Uzbekistan has no SIPRI figure for 2023, and each total
    sums only the members with one." (one sentence per set of missing members); empty when every total is whole."""
    rows = caps[(caps["indicator"] == "milex_usd_const") & caps["missing"].map(lambda m: isinstance(m, str) and m != ""
                                                                               and m != "all members")]
    out = []
    for missing, group in rows.groupby("missing", sort=False):
        who = wording.joined([(names or {}).get(c.strip(), c.strip()) for c in missing.split(",")], lang="en")
        verb = "has" if "," not in missing else "have"
        blocs = wording.joined([b if b.startswith(("Russia", "China")) else f"the {b}" for b in group["bloc"]],
                               lang="en")
        out.append(f"The spending totals of {blocs} are lower bounds: {who} "
                   f"{verb} no SIPRI figure for {year}, and each total sums only the members with one.")
    return " ".join(out)


def warhead_glance(measures: pd.DataFrame | None, year: int | None) -> str:
    """The glance's warhead line, for one January (``year``, the narrower counts'): which side holds more warheads
    in military stockpiles (SIPRI's capability measure) and whether that survives the deployed count, four figures
    in one sentence; the total inventories, of the report's year and this one, are in the chart and the table
    below. Empty without both counts for both sides."""
    if measures is None or measures.empty or year is None:
        return ""
    tot = {i: measures[measures["indicator"] == i].set_index("bloc")["total"]
           for i in ("nuclear_warheads_stockpile", "nuclear_warheads_deployed")}
    if any(PAIR not in t or "NATO" not in t for t in tot.values()):
        return ""
    (stock, deployed) = tot.values()
    word = lambda t: "more" if t[PAIR] > t["NATO"] else "fewer" if t[PAIR] < t["NATO"] else "as many"  # noqa: E731
    a, b = word(stock), word(deployed)
    link = "and" if a == b else "but"
    return (f"In January {year} Russia and China held {a} nuclear warheads than NATO's members in military "
            f"stockpiles ({stock[PAIR]:,.0f} against {stock['NATO']:,.0f}), {link} {b} deployed "
            f"({deployed[PAIR]:,.0f} against {deployed['NATO']:,.0f}); SIPRI's estimates.")


def warhead_title(caps: pd.DataFrame, year: int) -> str:
    """The warhead chart's title: the comparison the glance makes, Russia and China against NATO's members, in the
    chart's own count (total inventories of January ``year``); :func:`capability_finding` when either is missing."""
    pair, nato, _ = _ratio(caps, "nuclear_warheads", PAIR, "NATO")
    if math.isnan(pair) or math.isnan(nato):
        return capability_finding(caps, "nuclear_warheads", year)
    word = "more" if pair > nato else "fewer" if pair < nato else "as many"
    return (f"Counting total inventories in January {year}, Russia and China held {word} nuclear warheads than "
            f"NATO's members: {pair:,.0f} against {nato:,.0f}")


def no_us_caveat(no_us: tuple[float, float, float] | None, year: int, after: str = "") -> str:
    """Whether the spending ratio survives NATO without the United States, NATO's largest spender, in one sentence
    with the ratio and the year; empty without the figures (the caller leaves it out when the ratio moves under a
    quarter, i.e. the headline survives). ``after`` is
    the caveat before it (purchasing power), so the sentence reads "Nor…" after one and "It does not…" alone."""
    if no_us is None or any(math.isnan(v) for v in no_us):
        return ""
    head = "Nor does it survive" if after else "It does not survive"
    return f"{head} leaving out the United States: against NATO's other members it is {no_us[2]:.0%}."


def glance_findings(caps: pd.DataFrame, conc: pd.DataFrame, series: pd.DataFrame, year: int,
                    names: Mapping[str, str] | None = None, measures: pd.DataFrame | None = None,
                    measures_year: int | None = None, ppp: pd.DataFrame | None = None,
                    ppp_year: int | None = None, estimated: bool = False,
                    no_us: tuple[float, float, float] | None = None, fixed: pd.DataFrame | None = None) -> list[str]:
    """The 2–4 findings at the top of 05, for the report's year: the pair's spending against NATO's, the
    warheads (when the data holds an inventory for the year), NATO's leading member, and the series, followed in
    its line by the bloc totals that miss members (:func:`partial_note`: lower bounds). A finding
    that does not survive its obvious alternative (spending at purchasing-power parity, ``ppp``; deployed or
    stockpiled warheads, ``measures``) says so in a sentence of its own; with ``estimated`` (Russia's and China's
    spending for ``year`` are both estimates, :func:`helpers.tables.balance.all_estimated`) the spending finding
    says that its ratio rests on estimates published without a range; with ``fixed``, the series' line also gives
    its first point with NATO held to its last year's members (:func:`fixed_membership_sentence`)."""
    pair = pair_finding(caps, year)
    if pair and estimated:
        pair += " Russia's and China's figures are SIPRI estimates, published without a range."
    if pair:
        after = ppp_caveat(ppp, ppp_year, year)
        _, _, ratio = _ratio(caps, "milex_usd_const", PAIR, "NATO")
        moved = no_us is not None and not math.isnan(no_us[2]) and abs(no_us[2] / ratio - 1) >= 0.25
        pair = " ".join(f for f in (pair, after, no_us_caveat(no_us, year, after) if moved else "") if f)
    heads = warhead_glance(measures, measures_year) or warhead_finding(caps, year)
    found = [pair, heads, leader_finding(conc, year, names)]
    # a glance holds at most four findings, so the partial totals join the last one
    last = " ".join(filter(None, [series_finding(series) + ".", fixed_membership_sentence(series, fixed, names),
                                  partial_note(caps, year, names)]))
    return [f for f in found if f] + [last]


def overlap_title(shared: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int) -> str:
    """'7 states are counted in more than one of the 7 rows on 31 Dec 2023'."""
    on = wording.day(reference_date(year))
    return f"{len(shared)} states are counted in more than one of the {len(blocs)} rows on {on}"
