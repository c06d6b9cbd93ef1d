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
