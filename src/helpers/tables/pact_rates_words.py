"""Notebook 02: the exit-rate chart's title, the pair-test table and the checks on when a pact's years begin as a
reader sees them, built from the frames of :mod:`helpers.tables.pact_census` and
:mod:`helpers.tables.pact_dates` (the other sentences about the census: :mod:`helpers.tables.pact_census_words`)."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.tables.pact_census import (FOCUS, REASONS, poisson_interval, rate_tests, separated_pairs,
                                        short_name)
from helpers.tables.pact_census_words import _p, _p_is, pact_in_text
from helpers.tables.enlargement_words import census_pacts


def rates_title(record: pd.DataFrame, checks=()) -> str:
    """The exit-rate chart's title as a finding: which pacts lost members clearly more often than NATO (the exact
    two-rate test, Holm-adjusted over NATO's comparisons, 5%), that it is the only clear difference among NATO's
    comparisons (over every pair of pacts others separate too), and (with ``checks``) whether it survives every
    check; when it does not survive one, the title leads with "no robust difference" and names the checks; or that
    no pact did."""
    from helpers.tables.pact_census_words import _names, failed_checks

    pairs = separated_pairs(record, focus=FOCUS)
    if not pairs:
        return (f"None of {census_pacts(len(record))} lost members clearly more often than NATO: exits are too few "
                "to rank them")
    said = wording.joined([f"{short_name(b)} lost members more often than {short_name(a)}" for a, b in pairs],
                          lang="en")
    one = len(pairs) == 1
    out = (f"{said}, the only clear difference{'' if one else 's'} among NATO's comparisons in "
           f"{census_pacts(len(record))}")
    if not checks:
        return out
    failed = failed_checks(pairs, checks)
    if not failed:
        return out + ("; it holds under every check" if one else "; they hold under every check")
    # what holds, in one clause: no robust difference (a title that states a result and then withdraws it misleads)
    return (f"No robust difference from NATO's exit rate among {census_pacts(len(record))}: {said} on the main "
            f"count only, not {_names(failed, 'or')}")


def _focus_bound(record: pd.DataFrame) -> str:
    """NATO's exits and member-years with the exact 95% interval of its rate, in plain words: with no exit the upper
    bound alone ("NATO had none in 1,212 member-years (95% bound: 0.30 per 100)")."""
    if "org_id" not in record or not (record["org_id"] == FOCUS).any():
        return ""
    row = record.loc[record["org_id"] == FOCUS].iloc[0]
    years = f"{row['member_years']:,.0f}"
    if int(row["exits"]) == 0:
        return f": NATO had none in {years} member-years (95% bound: {row['ci_high']:.2f} per 100)"
    return (f": NATO's rate is {row['exits_per_100_member_years']:.2f} per 100 member-years "
            f"({row['ci_low']:.2f}–{row['ci_high']:.2f}, 95%)")


def glance_line(record: pd.DataFrame, checks=()) -> str:
    """02's first-screen finding about exits, in plain words (no p-value): spells end too rarely to rank the pacts
    or to estimate "most stable" (NATO's rate bounded by its exact 95% interval); the one clear difference among
    NATO's comparisons, called exploratory (the rule and the family of tests were set after the results had been
    seen, and it rests on one adjusted test), or none; and, with ``checks``, whether it holds under every check.
    The tests and which check fails are under "How robust is this?"."""
    from helpers.tables.pact_census_words import failed_checks

    pairs = separated_pairs(record, focus=FOCUS)
    head = (f"Too few exits to rank {census_pacts(len(record))} or estimate “most stable”"
            + _focus_bound(record) + ".")
    if not pairs:
        return head + " None differs clearly from NATO."
    said = wording.joined([f"{short_name(b)} lost members more often than {short_name(a)}" for a, b in pairs],
                          lang="en")
    tail = "" if not checks else (", and not under every check" if failed_checks(pairs, checks) else
                                  ", under every check")
    return f"{head} Exploratory: only {said}{tail}."


def tests_shown(tests: pd.DataFrame, record: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The pair tests as the page's table shows them, a pact named short where ``labels.csv`` gives it a
    ``short_pact`` name (else without its ATOP number), and the note naming each of those in full."""
    short = {n: wording.label(str(a), "short_pact", "pact_census", lang="en")
             for n, a in zip(record["name"], record["atopid"])}
    short = {n: short_name(n) if s.isdigit() else s for n, s in short.items()}
    shown = dict.fromkeys([*tests["lower"], *tests["higher"]])
    notes = [f"{short[n]}: in full, {n}." for n in shown if short[n] != short_name(n)]
    return tests.assign(lower=tests["lower"].map(short), higher=tests["higher"].map(short)), " ".join(notes)


def _nato_years(record: pd.DataFrame) -> tuple[float, float, list]:
    """NATO's member-years, the upper bound of its exact 95% interval and its comparisons that separate."""
    row = record.loc[record["org_id"] == FOCUS].iloc[0]
    if row["member_years"] <= 0:  # a page dated before any member-year (4 Apr 1949) has no rate to bound
        return 0.0, float("nan"), []
    return row["member_years"], poisson_interval(int(row["exits"]), row["member_years"])[1], \
        separated_pairs(record, focus=FOCUS)


def _holm_of(record: pd.DataFrame, pair: tuple[str, str]) -> float:
    """The Holm-adjusted p (NATO's family) of ``pair`` in ``record``."""
    tests = rate_tests(record, focus=FOCUS)
    return float(tests.loc[(tests["lower"] == pair[0]) & (tests["higher"] == pair[1]), "p_holm"].iloc[0])


def entry_dates_line(record: pd.DataFrame, atop: pd.DataFrame, in_force_record: pd.DataFrame, in_force) -> str:
    """The check on when NATO's member-years begin, for every entry: this page counts founders from signature and
    later members from the day their accession took effect (``record``); ATOP's spells start later members at the
    signature of their accession protocols (``atop``); ``in_force_record`` also counts the founders from the
    treaty's entry into force (``in_force``). NATO's member-years and 95% upper bound under each, and whether the
    same comparisons separate, with the Holm-adjusted p of the first: one finding of three sentences. Empty when
    NATO is not in ``record``, or when the record ends before the treaty entered into force."""
    if "org_id" not in record or not (record["org_id"] == FOCUS).any():
        return ""
    years, bound, pairs = _nato_years(record)
    a_years, a_bound, a_pairs = _nato_years(atop)
    f_years, f_bound, f_pairs = _nato_years(in_force_record) if FOCUS in set(in_force_record["org_id"]) else (0, 0, [])
    if min(years, f_years) <= 0:
        return ""
    out = [f"This page counts NATO's founders from signature and each later member from the day its accession took "
           f"effect: {years:,.1f} member-years, with a 95% upper bound of {bound:.3f} per 100 member-years.",
           f"On ATOP's dates, which start later members at the signature of their accession protocols, they are "
           f"{a_years:,.1f} ({a_bound:.3f}); with the founders also counted from the treaty's entry into force "
           f"({wording.day(pd.Timestamp(in_force).date())}), {f_years:,.1f} ({f_bound:.3f})."]
    if not (pairs == a_pairs == f_pairs):
        return " ".join(out + ["The comparisons that separate change."])
    if not pairs:
        return " ".join(out + ["No comparison separates under any of the three."])
    a, b = (short_name(x) for x in pairs[0])
    return " ".join(out + [f"The same comparisons separate under all three ({a} below {b} after Holm's adjustment: "
                  f"{_p(_holm_of(record, pairs[0]))} on this page's dates, {_p(_holm_of(atop, pairs[0]))} on ATOP's, "
                  f"{_p(_holm_of(in_force_record, pairs[0]))} from entry into force)."])


def in_force_line(record: pd.DataFrame, moved: pd.DataFrame, org: str, in_force) -> str:
    """The check on when pact ``org``'s member-years begin: ATOP dates it from signature (``record``); counted from
    its treaty's entry into force (``in_force``; ``moved``), its member-years, exits and rate with their exact 95%
    interval, and whether NATO's comparison with it separates as before. Empty when ``org`` is not in both."""
    if "org_id" not in moved or not (moved["org_id"] == org).any() or not (record["org_id"] == org).any():
        return ""
    row, signed = moved.loc[moved["org_id"] == org].iloc[0], record.loc[record["org_id"] == org, "signed"].iloc[0]
    name = pact_in_text(row["name"])
    head = (f"Counting {name} from its treaty's entry into force ({wording.day(pd.Timestamp(in_force).date())}), not "
            f"from its signature ({wording.day(pd.Timestamp(signed).date())}) as ATOP does: {row['member_years']:,.1f} "
            f"member-years and {int(row['exits'])} exits, {row['exits_per_100_member_years']:.2f} per 100 "
            f"({row['ci_low']:.2f}–{row['ci_high']:.2f}, 95%)")
    before = [p for p in separated_pairs(record, focus=FOCUS) if short_name(row["name"]) in map(short_name, p)]
    if not before:
        return head + "."
    tests = rate_tests(moved, focus=FOCUS)
    hit = tests[(tests["lower"] == before[0][0]) & (tests["higher"] == before[0][1])].iloc[0]
    verb = "still separates" if hit["separate"] else "no longer separates"
    return (head + f"; {short_name(before[0][0])} below {short_name(before[0][1])} {verb} (p {_p_is(hit['p'])}; "
            f"{_p(hit['p_holm'])} after Holm's adjustment).")


def states_ever_line(census: pd.DataFrame, cases: pd.DataFrame) -> str:
    """The check on the wider pool keeps "three states at signature": the agreements with a defence pledge, signed in
    the window, that reached three or more states only later, counted from the census, with their ATOP numbers and
    how many had a permanent member of the UN Security Council at signature. Their member spells are not in the
    project's extract of ATOP (``pact_spells.csv`` holds pacts of three or more states at signature), so the line
    says that no check computes their exits. Empty when there are none."""
    window = census["atopid"].isin(cases.loc[cases["reason"] != REASONS[5], "atopid"])
    grew = census[window & (census["defense"] == 1) & (census["states_at_signature"] < 3) & (census["states_ever"] >= 3)]
    if grew.empty:
        return ""
    ids = wording.joined([str(a) for a in grew["atopid"]], lang="en")
    p5 = int((grew["great_powers_at_signature"] > 0).sum())
    return (f"Read as three or more states at any time, not at signature, the pool would add {len(grew)} agreements "
            f"with a defence pledge (ATOP {ids}; {p5} with a permanent member of the UN Security Council at "
            "signature); their member spells are not in this project's extract of ATOP, so no check computes their "
            "exits.")
