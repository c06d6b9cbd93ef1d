"""Sentences for notebooks 05 and 08: the titles of the tables of claims and scenarios a figure rests on, built
from the frames of :mod:`helpers.tables.evidence`."""

from __future__ import annotations

import pandas as pd


def claims_title(weighed: pd.DataFrame) -> str:
    """'3 claims rest on this notebook's figures; 3 are interpretations data cannot settle'."""
    n, interp = len(weighed), int((weighed["verdict"] == "interpretation").sum())
    return (f"{n} claim{'s rest' if n != 1 else ' rests'} on this notebook's figures; "
            f"{interp} {'are interpretations' if interp != 1 else 'is an interpretation'} data cannot settle")


def scenarios_title(scenarios: pd.DataFrame, paragraph: str = "P10") -> str:
    """Whose scenarios ``paragraph`` gives, from the ledger's voices ("P10's two scenarios: one the article reports
    from observers, one in its own voice") — never calling a scenario the article's own when the ledger says not."""
    whose = list(scenarios["whose scenario"])
    own = sum(w.startswith("the article") for w in whose)
    say = {1: "one", 2: "two", 3: "three", 4: "four"}.get
    if own == len(whose):
        return f"{paragraph}'s {say(own, own)} scenarios, in the article's own voice"
    others = " and ".join(sorted({w.split(",")[0] for w in whose if not w.startswith("the article")}))
    n, k = say(len(whose), len(whose)), say(len(whose) - own, len(whose) - own)
    tail = f", {say(own, own)} in its own voice" if own else ""
    return f"{paragraph}'s {n} scenarios: {k} the article reports from {others}{tail}"
