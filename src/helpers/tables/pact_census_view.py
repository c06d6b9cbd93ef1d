"""Notebook 02: the sentences a reader sees about the census of defence pacts and their exit rates, built from the
frames of :mod:`helpers.tables.pact_census`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.tables.pact_census import separated_pairs


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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


def rates_headline(record: pd.DataFrame) -> str:
    """The exit-rate chart's title: which pairs of pacts the 95% intervals tell apart, or that none can be."""
    pairs = separated_pairs(record)
    if not pairs:
        return f"The exit rates of the {len(record)} admitted pacts cannot be told apart at 95%"
    shown = [f"{a} below {b}" for a, b in pairs]
    return f"Of {len(record)} admitted pacts, only {_names(shown)} separate at 95%"


def glance_line(record: pd.DataFrame) -> str:
    """02's first-screen finding about exits: no ranking, only the pairs the intervals separate."""
    pairs = separated_pairs(record)
    end = wording.day(record["window_end"].max().date()) if len(record) else ""
    head = (f"On ATOP's member spells up to {end}, the {len(record)} defence pacts the rule admits lost members "
            f"at rates whose 95% intervals overlap")
    if not pairs:
        return head + "; no pact's record is clearly the best."
    return head + f", except {_names([f'{a} below {b}' for a, b in pairs])}; no full ranking is possible."


def robustness_lines(record: pd.DataFrame, strict: pd.DataFrame) -> list[str]:
    """'How robust is this?': the comparison with every exit counted and with denunciations only (non-renewal at
    the end of a fixed term, suspensions and uncoded exits left out)."""
    pairs, strict_pairs = separated_pairs(record), separated_pairs(strict)
    out = ["Counting every exit, " + (_names([f"{a} below {b}" for a, b in pairs]) + " separate"
                                      if pairs else "no pair of pacts separates") + " at 95%."]
    kept = [p for p in pairs if p in strict_pairs]
    if strict_pairs == pairs:
        out.append("Counting denunciations only, the same pairs separate: the finding holds.")
    else:
        out.append("Counting denunciations only, " + (_names([f"{a} below {b}" for a, b in strict_pairs])
                                                       + " separate" if strict_pairs else "no pair separates")
                   + (": the finding does not survive this alternative." if not kept else
                      f"; {_names([f'{a} below {b}' for a, b in kept])} survives."))
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
