"""Notebook 02: the exit-rate chart's title and the pair-test table as a reader sees them, built from the frames of
:mod:`helpers.tables.pact_census` (the other sentences about the census: :mod:`helpers.tables.pact_census_words`)."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.tables.pact_census import FOCUS, poisson_interval, separated_pairs, short_name


def rates_title(record: pd.DataFrame, checks=()) -> str:
    """The exit-rate chart's title as a finding: which pacts lost members clearly more often than NATO (the exact
    two-rate test, Holm-adjusted over NATO's comparisons, 5%), that it is the only clear difference among NATO's
    comparisons (over every pair of pacts others separate too), and (with ``checks``) whether it survives every
    check; when it does not survive one, the title leads with "no robust difference" and names the checks; or that
    no pact did."""
    from helpers.tables.pact_census_words import _names, failed_checks

    pairs = separated_pairs(record, focus=FOCUS)
    if not pairs:
        return (f"None of these {len(record)} pacts lost members clearly more often than NATO: exits are too few to "
                "rank them")
    said = wording.joined([f"{short_name(b)} lost members more often than {short_name(a)}" for a, b in pairs],
                          lang="en")
    one = len(pairs) == 1
    out = f"{said}, the only clear difference{'' if one else 's'} among NATO's comparisons"
    if not checks:
        return out
    failed = failed_checks(pairs, checks)
    if not failed:
        return out + ("; it holds under every check" if one else "; they hold under every check")
    # what holds, in one clause: no robust difference (a title that states a result and then withdraws it misleads)
    return f"No robust difference from NATO's exit rate: {said} on the main count only, not {_names(failed, 'or')}"


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
    head = (f"Too few exits to rank these {len(record)} pacts or estimate “most stable”"
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


def entry_into_force_line(record: pd.DataFrame, spells: pd.DataFrame, in_force) -> str:
    """The check on when NATO's member-years begin: ATOP's spells start its founders at signature; counted from the
    treaty's entry into force (``in_force``, ``organisations.csv``), NATO's member-years, its 95% upper bound and
    whether the same comparisons separate. Empty when NATO is not in ``record``, or when the record ends before
    the treaty entered into force (a page dated 4 April 1949 has no member-years after it to count)."""
    if "org_id" not in record or not (record["org_id"] == FOCUS).any():
        return ""
    row = record.loc[record["org_id"] == FOCUS].iloc[0]
    signed, in_force = pd.Timestamp(row["signed"]), pd.Timestamp(in_force)
    founders = int(((spells["atopid"] == row["atopid"]) & (spells["start"] == signed)).sum())
    later = row["member_years"] - founders * (in_force - signed).days / 365.25
    if later <= 0:
        return ""
    moved = record.copy()
    moved.loc[moved["org_id"] == FOCUS, "member_years"] = later
    same = separated_pairs(moved, focus=FOCUS) == separated_pairs(record, focus=FOCUS)
    high = poisson_interval(int(row["exits"]), later)[1]
    return (f"Counting NATO's {founders} founders from the treaty's entry into force ({wording.day(in_force.date())}), "
            f"not from its signature ({wording.day(signed.date())}) as ATOP's spells do, NATO's member-years fall from "
            f"{row['member_years']:,.1f} to {later:,.1f} and its 95% upper bound from "
            f"{poisson_interval(int(row['exits']), row['member_years'])[1]:.3f} to {high:.3f} per 100 member-years; "
            + ("the same comparisons separate." if same else "the comparisons that separate change."))
