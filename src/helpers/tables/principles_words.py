"""Sentences for notebooks 06 and 09: the titles and findings of the principle grid and the watch list, built from
the frames of :mod:`helpers.tables.principles`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.membership import as_timestamp

# The claims-ledger tables live in helpers.tables.claims; these two names stay importable from here for the
# notebooks and tests that already use them (05: article_scenarios; the 09 parameter check: claim_type_list).
from helpers.tables.claims import article_scenarios, claim_type_list  # noqa: F401
from helpers.tables.frames import need


def principles_title(principles: pd.DataFrame) -> str:
    """Title of the principles table: how many, and the paragraphs they come from in article order."""
    need(principles, ("paragraph",), "principles_title(principles)")
    paras = sorted(set(principles["paragraph"]), key=lambda p: int(str(p)[1:]))
    if not paras:
        return "No principle in the data"
    return f"{len(principles)} principles, from {paras[0]} to {paras[-1]}" if len(paras) > 1 else \
        f"{len(principles)} principles, all from {paras[0]}"


def grid_finding(grid: pd.DataFrame, as_of, principle: str = "Indivisible security") -> str:
    """Title of the principle grid: in how many of the documents read by ``as_of`` one principle appears."""
    found = grid[(grid["principle"] == principle) & grid["presence"].isin(["explicit", "implicit"])]
    return (f"By {wording.day(as_timestamp(as_of, 'as_of'))}, {principle[0].lower() + principle[1:]} appears in "
            f"{found['document'].nunique()} of {grid['document'].nunique()} documents read")


def principles_found(summary: pd.DataFrame, as_of) -> str:
    """How many of the principles of :func:`principle_summary` appear in at least one document by ``as_of``."""
    n = int((summary[["explicit", "implicit"]].sum(axis=1) > 0).sum())
    return (f"{n} of the article's {len(summary)} principles appear in at least one document adopted by "
            f"{wording.day(as_timestamp(as_of, 'as_of'))}")


def readings_title(matrix: pd.DataFrame, as_of) -> str:
    """Title of the evidence table: how many coded readings of how many documents up to ``as_of``."""
    return (f"{len(matrix)} readings of {matrix['document'].nunique()} documents up to "
            f"{wording.day(as_timestamp(as_of, 'as_of'))}")


def watch_finding(watch: pd.DataFrame, after) -> str:
    """Title of the watch list: how many dated developments after ``after``, and the latest date."""
    since = as_timestamp(after, "after")
    if watch.empty:
        return f"No dated development after {since:%B %Y} in the events data yet"
    latest = pd.to_datetime(watch["date"]).max()
    return (f"{len(watch)} dated developments after {since:%B %Y}, the latest on "
            f"{wording.day(latest)}")


def glance_findings(summary, grid, as_of) -> list[str]:
    """06: how many of the article's principles already appear in existing documents, and where most often."""
    top = summary.assign(n=summary["explicit"] + summary["implicit"]).sort_values("n", ascending=False).iloc[0]
    return [
        f"{principles_found(summary, as_of)}.",
        f"{top['principle']} is the most common: stated in {int(top['n'])} of the "
        f"{grid['document'].nunique()} documents read.",
    ]
