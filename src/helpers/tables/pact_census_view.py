"""Notebook 02: the sentences a reader sees about the census of defence pacts and their exit rates, built from the
frames of :mod:`helpers.tables.pact_census`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.tables.pact_census import separated_pairs, short_name


def _names(items: list[str]) -> str:
    return wording.joined(items, lang="en")  # the sentence is translated whole, by its catalog entry


def cases_title(counts: pd.DataFrame) -> str:
    """'The census holds 529 agreements signed 1945–2016; the rule admits 13'."""
    held, admitted = int(counts["agreements"].iloc[0]), int(counts["agreements"].iloc[-1])
    return f"The census holds {held} alliance agreements signed 1945–2016; the rule admits {admitted}"


def close_calls_title(close: pd.DataFrame, cases: pd.DataFrame) -> str:
    """'34 of the 529 agreements pledge defence among three or more states; 13 include a permanent member of the
    Security Council'."""
    admitted = int(close["admitted"].sum())
    return (f"{len(close)} of the {len(cases)} agreements pledge defence among three or more states; {admitted} "
            f"include a permanent member of the UN Security Council")


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return _names([f"{short_name(a)} below {short_name(b)}" for a, b in pairs])


def rates_headline(record: pd.DataFrame, checks=()) -> str:
    """The exit-rate chart's title: which pairs of pacts the exact two-rate test tells apart (Holm-adjusted, 5%),
    or that none can be, and (with ``checks``) whether that survives them."""
    pairs = separated_pairs(record)
    if not pairs:
        return f"Tested pair by pair, the exit rates of the {len(record)} admitted pacts cannot be told apart at 5%"
    head = f"Of {len(record)} admitted pacts, tested pair by pair, only {_pairs(pairs)} separate at 5%"
    if checks and any(separated_pairs(alt) != pairs for _, _, alt in checks):
        return head + ", a result that does not survive the robustness checks"
    return head


def glance_line(record: pd.DataFrame, checks=()) -> str:
    """02's first-screen finding about exits: no ranking, only the pairs the exact two-rate test separates, and
    whether that result survives each check of :func:`robustness_checks` (``checks``)."""
    pairs = separated_pairs(record)
    end = wording.day(record["window_end"].max().date()) if len(record) else ""
    head = (f"On ATOP's member spells up to {end}, the {len(record)} defence pacts the rule admits lost members "
            f"too rarely to be ranked")
    if not pairs:
        line = head + ": tested pair by pair, no two separate at 5%."
    else:
        line = head + f": tested pair by pair, only {_pairs(pairs)} separate at 5%."
    return line + (" " + verdict(pairs, checks) if checks else "")


def verdict(pairs: list, checks) -> str:
    """Whether the separated ``pairs`` are the same under each check of :func:`robustness_checks`, in one
    sentence."""
    held = [(noun, separated_pairs(alt) == pairs) for _, noun, alt in checks]
    ok, bad = [n for n, h in held if h], [n for n, h in held if not h]
    if not bad:
        return f"The result survives every check: {_names(ok)}."
    if not ok:
        return f"The result does not survive any of the checks: {_names(bad)}."
    return f"The result survives {_names(ok)} but not {_names(bad)}."


def robustness_checks(strict: pd.DataFrame, joint: pd.DataFrame, wide: pd.DataFrame) -> list[tuple]:
    """The alternatives 02's exit-rate result is checked against, as ``(sentence label, noun label, record)``:
    denunciations only, a joint non-renewal counted once, and the pool without the permanent-member condition."""
    return [("Counting denunciations only", "counting denunciations only", strict),
            ("Counting a joint non-renewal once", "counting a joint non-renewal once", joint),
            (f"On the {len(wide)} pacts without the permanent-member condition",
             f"the {len(wide)}-pact pool without the permanent-member condition", wide)]


def tests_title(tests: pd.DataFrame) -> str:
    """The pairwise table's title: how many pairs separate after Holm's adjustment, and how many would without it."""
    raw, kept = int((tests["p"] < 0.05).sum()), int(tests["separate"].sum())
    return (f"{kept} of {len(tests)} pairs of pacts separate after adjusting for the number of pairs; "
            f"{raw} would at 5% without the adjustment")


def _check_line(label: str, pairs: list, alt_pairs: list) -> str:
    kept = [p for p in pairs if p in alt_pairs]
    if alt_pairs == pairs:
        return (f"{label}, the same pairs separate: the finding holds." if pairs else
                f"{label}, no pair separates either: the finding holds.")
    return (f"{label}, " + (_pairs(alt_pairs) + " separate" if alt_pairs else "no pair separates")
            + (": the finding does not survive this alternative." if not kept else f"; {_pairs(kept)} survives."))


def robustness_lines(record: pd.DataFrame, checks) -> list[str]:
    """'How robust is this?': the comparison with every exit counted, then under each check of
    :func:`robustness_checks` (``checks``), by the exact two-rate test with Holm's adjustment."""
    pairs = separated_pairs(record)
    out = ["Counting every exit, " + (_pairs(pairs) + " separate" if pairs else "no pair of pacts separates")
           + " at the 5% level."]
    return out + [_check_line(label, pairs, separated_pairs(alt)) for label, _, alt in checks]


def takeaways(cases: pd.DataFrame, record: pd.DataFrame, checks, as_of) -> list[str]:
    """02's takeaways about the census and the exits, true for the report's own date: how many agreements the
    census holds and the rule admits, the oldest admitted pact still in force, which exit rates the exact
    two-rate test separates, and which checks of :func:`robustness_checks` (``checks``) that does not survive."""
    day = pd.Timestamp(as_of)
    admitted = cases[cases["admitted"]]
    alive = admitted[admitted["ended"].isna() | (admitted["ended"] > day)].sort_values("signed")
    out = [f"Cases drawn by a stated rule from ATOP's census ({len(cases)} agreements, {len(admitted)} admitted "
           f"by {wording.day(day.date())})"]
    if len(alive) and alive.iloc[0]["name"] != "NATO":
        first = alive.iloc[0]
        out[0] += (f" change the \"longest\" answer: the oldest admitted pact still in force is {first['name']} "
                   f"(signed in {first['signed'].year}), not NATO.")
    else:
        out[0] += " leave NATO the oldest admitted pact still in force."
    pairs = separated_pairs(record)
    if not pairs:
        line = (f"Tested pair by pair, the exit rates of the {len(record)} admitted pacts cannot be told apart at "
                "5%.")
    else:
        line = f"Tested pair by pair, only {_pairs(pairs)} separate at 5%."
    if checks:
        line += " " + verdict(pairs, checks)
    out.append(line + " The pool is small and exits are few, so no pact ranking is offered.")
    return out


def state_names(codes: pd.Series, states: pd.DataFrame) -> pd.Series:
    """Each ISO 3166 alpha-3 code as the reader's name: ``states.csv``'s name, else the ISO 3166 short name of a
    state the project holds no row for (Cuba, Chad, ...), else the code itself."""
    import pycountry

    known = dict(zip(states["iso3"], states["name"]))

    def name(code: str) -> str:
        if code in known:
            return known[code]
        found = pycountry.countries.get(alpha_3=str(code))
        return (getattr(found, "common_name", None) or found.name) if found is not None else str(code)

    return codes.map(name)


def exit_list(exits: pd.DataFrame, cases: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Every coded ending of a member's spell in an admitted pact, as readers check one: ``pact``, ``state`` (its
    name), ``date``, ``kind``, ``note`` and the sources, by pact and date."""
    out = exits.assign(pact=exits["atopid"].map(cases.set_index("atopid")["name"]),
                       state=state_names(exits["iso3"], states))
    out = out.sort_values(["atopid", "date", "state"], kind="stable").reset_index(drop=True)
    cols = ["pact", "state", "date", "kind", "note", "source_id", "alt_source_id"]
    return out[[c for c in cols if c in out.columns]]
