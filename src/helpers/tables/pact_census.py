"""Notebook 02: the defence pacts chosen by a rule from a published census (ATOP 4.01), their exits by kind and
exit rates per member-year with exact Poisson intervals.

Plain DataFrames in, plain DataFrames out; nothing here reads files or displays. The census and the member spells
are ``pact_census.csv`` and ``pact_spells.csv``; how each member left is ``pact_exits.csv``.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
from scipy.stats import binomtest, chi2

from helpers import membership, wording

#: ATOP 4.01's member spells are read up to this day: its last agreements begin in 2016.
CENSUS_THROUGH = pd.Timestamp("2016-12-31")
#: The case rule: signed on or after this day ...
SINCE = pd.Timestamp("1945-01-01")
#: Kinds of ending in ``pact_exits.csv`` that count as an exit while the pact went on; a state that continued
#: under another code, ceased to exist, or left because the organisation wound up did not exit.
EXIT_KINDS = ("denunciation", "non_renewal", "suspension", "not_coded")
NOT_EXITS = ("succession", "state_ended", "dissolution")
#: The family of comparisons: the article's claim (C09) is about NATO against the other blocs, so NATO is tested
#: against each other admitted pact and Holm's adjustment runs over those tests. It was chosen after the adjustment
#: over every pair had been reported, so 02 gives that result too (``p_holm_all_pairs``).
FOCUS = "NATO"
REASONS = ("meets the rule", "no defence pledge", "fewer than three states at signature",
           "no permanent member of the UN Security Council among the states at signature",
           "signed before 1945", "not yet signed on the chosen date")


def poisson_interval(count: int, exposure: float, *, level: float = 0.95, per: float = 100.0) -> tuple[float, float]:
    """Exact (Garwood) confidence interval for a Poisson rate ``count / exposure``, scaled by ``per``.

    The chi-square form: lower = χ²(α/2; 2k) / 2, upper = χ²(1 − α/2; 2k + 2) / 2, both divided by the exposure
    (scipy.stats.chi2). With no event the lower bound is 0. Raises ``ValueError`` for a negative count or a
    non-positive exposure."""
    if count < 0 or exposure <= 0:
        raise ValueError(f"count={count!r}, exposure={exposure!r}: a rate needs count >= 0 and exposure > 0")
    alpha = 1 - level
    low = 0.0 if count == 0 else chi2.ppf(alpha / 2, 2 * count) / 2
    high = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    return per * low / exposure, per * high / exposure


def census_cases(census: pd.DataFrame, organisations: pd.DataFrame, as_of, *, since=SINCE) -> pd.DataFrame:
    """Every agreement of the census against the case rule, with the first condition it fails.

    The rule: a defence pledge (ATOP ``defense`` = 1), signed between ``since`` and ``as_of``, at least three
    states at signature, and at least one permanent member of the UN Security Council among them. The window comes
    first: an agreement signed after ``as_of`` (or before ``since``) is refused for that, whatever else it fails,
    so a report dated 1991 never counts a 2006 agreement as refused for want of a permanent member. Columns:
    ``atopid``, ``org_id``, ``name`` (the organisation's reader label when the project holds it, else the census's
    sourced ``name`` with its ATOP number, "Act of Chapultepec (ATOP 3010)", else "agreement of 30 Apr 1948 (ATOP
    3150)": ATOP's files carry no names), ``signed``, ``ended`` (ATOP's end, or the held organisation's sourced
    dissolution in ``organisations.csv`` where that is earlier: SEATO's in 1977, as the Warsaw Pact's in 1991),
    ``atop_ended`` (ATOP's end alone), ``states_at_signature``,
    ``admitted`` (bool), ``reason`` (one of :data:`REASONS`);
    admitted first, then by signature."""
    day, start = pd.Timestamp(as_of), pd.Timestamp(since)
    held = set(organisations["org_id"])
    out = census[["atopid", "org_id", "signed", "ended", "states_at_signature"]].copy()
    named = census["name"] if "name" in census else pd.Series("", index=census.index)
    out["name"] = [wording.label(o, "org_id") if isinstance(o, str) and o in held
                   else f"{n} (ATOP {a})" if isinstance(n, str) and n else _unnamed(a, d)
                   for a, o, n, d in zip(census["atopid"], census["org_id"], named, census["signed"])]
    tests = [(census["great_powers_at_signature"] < 1, REASONS[3]), (census["states_at_signature"] < 3, REASONS[2]),
             (census["defense"] != 1, REASONS[1]), (census["signed"] < start, REASONS[4]),
             (census["signed"] > day, REASONS[5])]
    out["atop_ended"] = out["ended"]  # one rule: a held organisation's dissolution ends the pact if earlier
    own = census["org_id"].map(organisations.set_index("org_id")["dissolved"]) if "dissolved" in organisations else None
    if own is not None:
        out["ended"] = out["ended"].where(own.isna() | (own >= out["ended"]), own)
    out["reason"] = REASONS[0]
    for failed, why in tests:  # the last test that fails wins: the window first, then the rule's order
        out.loc[failed.to_numpy(), "reason"] = why
    out["admitted"] = out["reason"] == REASONS[0]
    cols = ["atopid", "org_id", "name", "signed", "ended", "atop_ended", "states_at_signature", "admitted", "reason"]
    return out.sort_values(["admitted", "signed", "atopid"], ascending=[False, True, True])[cols].reset_index(drop=True)


def _unnamed(atopid, signed) -> str:
    """An agreement ATOP leaves unnamed, as every table and chart names it: by its members and year where
    ``labels.csv`` gives them ("UK, Greece, Turkey and Cyprus (1960; ATOP 3405)", the chart's row without the
    number), else by its day of signature ("agreement of 30 Apr 1948 (ATOP 3150)")."""
    label = wording.label(str(atopid), "unnamed_pact", "pact_census", lang="en")
    if label != str(atopid) and label.endswith(")"):
        return f"{label[:-1]}; ATOP {atopid})"
    return f"agreement of {wording.day(signed.date())} (ATOP {atopid})"


def short_name(name: str) -> str:
    """A pact's name as charts and titles show it: without the ATOP number that tells apart the agreements this
    census names (tables and tooltips keep the number)."""
    return re.sub(r"; ATOP \d+\)$", ")", re.sub(r" \(ATOP \d+\)$", "", str(name)))


def reader_name(name: str, atopid) -> str:
    """A pact's name as a chart's row shows it: :func:`short_name`, or for an agreement the census leaves unnamed
    the label ``labels.csv`` gives it from its members and year (``unnamed_pact``), not its day of signature."""
    label = wording.label(str(atopid), "unnamed_pact", "pact_census")
    return label if label != str(atopid) else short_name(name)


def close_calls(cases: pd.DataFrame) -> pd.DataFrame:
    """The agreements a reader checks the rule on: those with a defence pledge among three or more states, signed
    in the window, that is the admitted ones and those refused only for want of a permanent member of the UN
    Security Council (the rest of the census fails an earlier, plainer test; all of it goes into the CSV)."""
    return cases[cases["reason"].isin([REASONS[0], REASONS[3]])].reset_index(drop=True)


def census_counts(cases: pd.DataFrame) -> pd.DataFrame:
    """How many agreements the census holds and how many each condition of the rule refuses: those outside the
    window (not yet signed on the report's date) first, then the rule's order. Columns: ``step`` (what is
    counted), ``agreements``."""
    rows = [("agreements in the census (ATOP 4.01, signed 1945–2016)", len(cases))]
    rows += [(f"refused: {why}", int((cases["reason"] == why).sum())) for why in (*REASONS[5:3:-1], *REASONS[1:4])
             if (cases["reason"] == why).any()]
    rows.append(("admitted by the rule", int(cases["admitted"].sum())))
    return pd.DataFrame(rows, columns=["step", "agreements"])


def without_great_power_rule(cases: pd.DataFrame) -> pd.DataFrame:
    """``cases`` with the permanent-member condition dropped: the agreements refused only for want of a permanent
    member of the UN Security Council are admitted too (the robustness pool). An agreement not yet signed on the
    report's date stays out: :func:`census_cases` gives it that reason first."""
    out = cases.copy()
    out["admitted"] = out["reason"].isin([REASONS[0], REASONS[3]])
    return out


def _ending_kinds(c, sp: pd.DataFrame, exits: pd.DataFrame, stop, uncoded: str) -> list[tuple]:
    """``(day, kind, act)`` of every spell of pact ``c`` ending inside its window, before the pact itself ended;
    ``act`` is the row's ``joint_act`` key (None when the member left on its own or the ending is not coded)."""
    ended = sp[sp["end"].notna() & (sp["end"] <= stop) & (sp["end"] > c.signed)]
    if pd.notna(c.ended):
        ended = ended[ended["end"] < c.ended]
    mine = exits[exits["atopid"] == c.atopid]
    acts = [a if isinstance(a, str) and a else None for a in mine.get("joint_act", [None] * len(mine))]
    coded = dict(zip(zip(mine["cow_code"], mine["date"]), zip(mine["kind"], acts)))
    out = []
    for s in ended.itertuples(index=False):
        if (s.cow_code, s.end) in coded:
            out.append((s.end, *coded[(s.cow_code, s.end)]))
        elif uncoded == "not_coded":  # a spell ending the day another begins: a state's succession, not an exit
            out.append((s.end, "succession" if (sp["start"] == s.end).any() else "not_coded", None))
        else:
            raise ValueError(f"pact_exits.csv: ATOP agreement {c.atopid} has a spell of state {s.cow_code} "
                             f"ending {s.end.date()} with no row; code its kind (or not_coded)")
    return out


def exit_record(cases: pd.DataFrame, spells: pd.DataFrame, exits: pd.DataFrame, as_of, *,
                through=CENSUS_THROUGH, count=EXIT_KINDS, joint_once: bool = False,
                uncoded: str = "raise") -> pd.DataFrame:
    """Exits and member-years of every admitted pact from its signature to the earliest of its end, ``as_of`` and
    ``through`` (the end of the census's coverage), with exact Poisson 95% intervals on the exit rate.

    An exit is a spell that ends inside that window, before the pact itself ended, with a kind in
    :data:`EXIT_KINDS`; kinds are counted apart (members), and ``exits`` adds up the kinds in ``count`` (all of
    them by default; ``("denunciation",)`` for the strict reading). With ``joint_once`` the rows of one joint act
    (the same ``joint_act`` key in ``exits``: members that left by one decision taken together, such as the CSTO's
    unsigned protocol of 1999 or the four denunciations of the Rio Treaty announced together in 2012) are one
    event in ``exits``, whatever their kind and however far apart they took effect. A spell ending without a row in ``exits`` raises ``ValueError`` naming the pact and the day, unless
    ``uncoded="not_coded"`` counts it as an exit of uncoded form (the pool beyond the admitted pacts, whose endings
    are not coded) — unless another spell of the same pact begins that day (a state continuing under a new code,
    such as the two Yemens' unification in 1990), which is a succession, as in the admitted pacts. Columns:
    ``atopid``, ``org_id``, ``name``, ``signed``, ``window_end``, ``member_years``, ``denunciation``,
    ``non_renewal``, ``suspension``, ``not_coded``, ``exits``, ``exits_per_100_member_years``, ``ci_low``,
    ``ci_high``."""
    day, limit, rows = pd.Timestamp(as_of), pd.Timestamp(through), []
    # each pact's spells, split once (a pact's spells keep their order and index labels)
    spells_of = dict(tuple(spells.groupby("atopid", sort=False)))
    for c in cases[cases["admitted"]].itertuples(index=False):
        stop = min(x for x in (c.ended, day, limit) if pd.notna(x))
        sp = spells_of.get(c.atopid, spells.iloc[:0])
        endings = _ending_kinds(c, sp, exits, stop, uncoded)
        kinds = [k for _, k, _ in endings]
        years = membership.member_years(sp, c.signed, stop)
        row = {"atopid": c.atopid, "org_id": c.org_id, "name": c.name, "signed": c.signed, "window_end": stop,
               "member_years": round(years, 1), **{k: kinds.count(k) for k in EXIT_KINDS}}
        counted = [(d, k, a) for d, k, a in endings if k in count]
        joint = {a for _, _, a in counted if a} if joint_once else set()
        row["exits"] = len([x for x in counted if not (joint_once and x[2])]) + len(joint)
        low, high = poisson_interval(row["exits"], years) if years > 0 else (float("nan"), float("nan"))
        row.update(exits_per_100_member_years=round(100 * row["exits"] / years, 2) if years > 0 else float("nan"),
                   ci_low=round(low, 2), ci_high=round(high, 2))
        rows.append(row)
    return pd.DataFrame(rows, columns=["atopid", "org_id", "name", "signed", "window_end", "member_years",
                                       *EXIT_KINDS, "exits", "exits_per_100_member_years", "ci_low", "ci_high"])


def two_rate_p(count_a: int, exposure_a: float, count_b: int, exposure_b: float) -> float:
    """Two-sided p-value of the exact conditional test that two Poisson rates are equal.

    Given the ``n = count_a + count_b`` events of both, equal rates make ``count_a`` binomial with ``n`` trials and
    probability ``exposure_a / (exposure_a + exposure_b)`` (scipy.stats.binomtest). No event at all gives 1.
    Raises ``ValueError`` for a negative count or a non-positive exposure."""
    if min(count_a, count_b) < 0 or min(exposure_a, exposure_b) <= 0:
        raise ValueError(f"counts {count_a!r}, {count_b!r} and exposures {exposure_a!r}, {exposure_b!r}: a rate "
                         "needs count >= 0 and exposure > 0")
    n = int(count_a) + int(count_b)
    if n == 0:
        return 1.0
    return _binomial_p(int(count_a), n, exposure_a / (exposure_a + exposure_b))


@cache
def _binomial_p(k: int, n: int, p: float) -> float:
    """scipy's two-sided exact binomial test, once per ``(k, n, p)`` in a process: 02's sentences test the same
    pairs of the same records many times, and the answer depends on these three numbers only."""
    return float(binomtest(k, n, p).pvalue)


def holm(p_values) -> list[float]:
    """Holm's step-down adjustment of ``p_values`` for the number of tests (the adjusted values, same order):
    the i-th smallest is multiplied by (m − i), kept at least as large as the one before and capped at 1."""
    ps = [float(p) for p in p_values]
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out, running = [1.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


def rate_tests(record: pd.DataFrame, *, level: float = 0.05, focus: str | None = None) -> pd.DataFrame:
    """Pairs of pacts in ``record`` (:func:`exit_record`) compared with :func:`two_rate_p`: every pair, or with
    ``focus`` (a pact's ``org_id``, or its name where the record has no ``org_id``; :data:`FOCUS`) only the pairs
    that include it. ``p_holm`` is Holm's adjustment over
    the pairs returned, ``p_holm_all_pairs`` over every pair of the pool. Columns: ``lower`` and ``higher`` (names,
    the pact with the lower rate first), ``exits_lower``, ``member_years_lower``, ``exits_higher``,
    ``member_years_higher``, ``p``, ``p_holm``, ``p_holm_all_pairs``, ``separate`` (``p_holm < level``); by
    ``p``, then names."""
    rows = record[record["member_years"] > 0].to_dict("records")  # plain rows: a pair is two dict look-ups
    out = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            a, b = rows[i], rows[j]
            if a["exits"] / a["member_years"] > b["exits"] / b["member_years"]:
                a, b = b, a
            out.append({"lower": a["name"], "higher": b["name"], "ids": {_id(a), _id(b)},
                        "exits_lower": int(a["exits"]),
                        "member_years_lower": a["member_years"], "exits_higher": int(b["exits"]),
                        "member_years_higher": b["member_years"],
                        "p": two_rate_p(a["exits"], a["member_years"], b["exits"], b["member_years"])})
    cols = ["lower", "higher", "exits_lower", "member_years_lower", "exits_higher", "member_years_higher", "p",
            "p_holm", "p_holm_all_pairs", "separate"]
    frame = pd.DataFrame(out, columns=[*cols[:2], "ids", *cols[2:7]])
    frame["p_holm_all_pairs"] = holm(frame["p"])
    if focus is not None:
        frame = frame[[focus in ids for ids in frame["ids"]]].reset_index(drop=True)
    frame["p_holm"] = holm(frame["p"])
    frame["separate"] = (frame["p_holm"] < level).astype(bool)
    return frame.sort_values(["p", "lower", "higher"]).reset_index(drop=True)[cols]


def _id(row) -> str:
    """A pact's identity for :data:`FOCUS`: its ``org_id`` where the record has one (names change with the
    edition), else its name."""
    org = row.get("org_id")
    return org if isinstance(org, str) else row["name"]


def separated_pairs(record: pd.DataFrame, *, level: float = 0.05, focus: str | None = None) -> list[tuple[str, str]]:
    """Pairs of pacts whose exit rates differ by the exact two-rate test of :func:`rate_tests` after Holm's
    adjustment (over every pair, or with ``focus`` over the pairs that include that pact), the lower-rate pact
    first; by name. (Whether two 95% intervals overlap is no such test: intervals can overlap while the rates
    differ.)"""
    tests = rate_tests(record, level=level, focus=focus)
    return sorted(zip(tests.loc[tests["separate"], "lower"], tests.loc[tests["separate"], "higher"]))


def with_intervals(record: pd.DataFrame, count: str, exposure: str) -> pd.DataFrame:
    """``record`` with ``ci_low`` and ``ci_high`` (exact Poisson 95% interval per 100 units of ``exposure``) for
    every row that has a count and a positive exposure; empty elsewhere."""
    out = record.copy()
    bounds = [poisson_interval(int(k), float(e)) if pd.notna(k) and pd.notna(e) and e > 0 else (pd.NA, pd.NA)
              for k, e in zip(out[count], out[exposure])]
    out["ci_low"] = pd.array([round(b[0], 2) if pd.notna(b[0]) else pd.NA for b in bounds], dtype="Float64")
    out["ci_high"] = pd.array([round(b[1], 2) if pd.notna(b[1]) else pd.NA for b in bounds], dtype="Float64")
    return out


def members_at(cases: pd.DataFrame, spells: pd.DataFrame, as_of, *, through=CENSUS_THROUGH) -> pd.DataFrame:
    """"Largest" by members, on ATOP's spells: for each admitted pact, its members on the earlier of ``as_of`` and
    ``through`` (``day``) and the most it ever had up to that day (``peak``, first reached on ``peak_on``).
    Columns: ``atopid``, ``org_id``, ``name``, ``day``, ``members``, ``peak``, ``peak_on``; by ``members``, most
    first."""
    day = min(pd.Timestamp(as_of), pd.Timestamp(through))
    rows = []
    for c in cases[cases["admitted"]].itertuples(index=False):
        sp = spells[(spells["atopid"] == c.atopid) & (spells["start"] <= day)]
        on = [d for d in sorted(set(sp["start"])) if d <= day]
        sizes = [int(((sp["start"] <= d) & (sp["end"].isna() | (sp["end"] > d))).sum()) for d in on]
        now = int(((sp["end"].isna()) | (sp["end"] > day)).sum())
        peak = max(sizes, default=0)
        rows.append({"atopid": c.atopid, "org_id": c.org_id, "name": c.name, "day": day, "members": now, "peak": peak,
                     "peak_on": on[sizes.index(peak)] if sizes else pd.NaT})
    out = pd.DataFrame(rows, columns=["atopid", "org_id", "name", "day", "members", "peak", "peak_on"])
    return out.sort_values(["members", "peak", "name"], ascending=[False, False, True]).reset_index(drop=True)


def nested_groups(cases: pd.DataFrame, spells: pd.DataFrame) -> dict[int, int]:
    """Overlapping agreements: each admitted agreement whose states (every state ever in it, on ATOP's spells) are
    all states of another admitted agreement with at least as many is mapped to the agreement that holds it
    (followed to the outermost one; ties go to the earlier signature). Agreements that nest in none are absent."""
    adm = cases[cases["admitted"]].sort_values(["signed", "atopid"])
    states = {a: set(spells.loc[spells["atopid"] == a, "cow_code"]) for a in adm["atopid"]}
    order = list(adm["atopid"])
    parent = {}
    for a in order:
        hosts = [b for b in order if b != a and states[a] <= states[b] and
                 (len(states[b]) > len(states[a]) or order.index(b) < order.index(a))]
        if hosts:
            parent[a] = max(hosts, key=lambda b: (len(states[b]), -order.index(b)))
    for a in list(parent):
        while parent[a] in parent:
            parent[a] = parent[parent[a]]
    return parent


def shared_exits_once(cases: pd.DataFrame, spells: pd.DataFrame, exits: pd.DataFrame, as_of) -> pd.DataFrame:
    """The check on overlapping agreements: every admitted pact stays, but a state that leaves two agreements of
    one group of :func:`nested_groups` on the same day (Cuba from the Rio Treaty and the OAS Charter in 1962) is
    one event, counted in the outermost agreement of the group that it left (the group's host, else the earliest
    signed) and not in the others. The kinds keep every member's ending, as in :func:`exit_record`; ``exits``, the
    rate and its interval change. Returns :func:`exit_record` with that count."""
    record = exit_record(cases, spells, exits, as_of)
    groups = nested_groups(cases, spells)
    window = record.set_index("atopid")
    counted = exits[exits["kind"].isin(EXIT_KINDS) & exits["atopid"].isin(window.index)].copy()
    ended = cases.set_index("atopid")["ended"]
    counted = counted[[window.loc[a, "signed"] < d <= window.loc[a, "window_end"] and not d >= ended[a]
                       for a, d in zip(counted["atopid"], counted["date"])]]
    counted["group"] = counted["atopid"].map(lambda a: groups.get(a, a))
    counted["outer"] = [(a != g, window.loc[a, "signed"], a) for a, g in zip(counted["atopid"], counted["group"])]
    counted = counted.iloc[sorted(range(len(counted)), key=lambda i: counted["outer"].iloc[i])]
    again = counted[counted.duplicated(["group", "cow_code", "date"], keep="first")]
    out = record.copy()
    for a, n in again["atopid"].value_counts().items():
        i = out.index[out["atopid"] == a][0]
        years, k = out.at[i, "member_years"], int(out.at[i, "exits"]) - int(n)
        low, high = poisson_interval(k, years)
        out.loc[i, ["exits", "exits_per_100_member_years", "ci_low", "ci_high"]] = [
            k, round(100 * k / years, 2), round(low, 2), round(high, 2)]
    return out
