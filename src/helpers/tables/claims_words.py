"""Sentences for notebook 09, the claims ledger: its findings, first screen and summary, built from the frames of
:mod:`helpers.tables.claims`."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers import wording
from helpers.tables.claims import (
    AUTHOR,
    CHECKED,
    CLAIM_TYPES,
    NOT_FAITHFUL,
    RT_EDITORS,
    TRANSLATOR,
    VERDICTS,
    checking_counts,
    split_ledger,
)
from helpers.tables.frames import need


def ledger_finding(ledger: pd.DataFrame, claim_types: Iterable[str]) -> str:
    """Title of the ledger: how many of the claims of which types get a verdict on the evidence, and which."""
    settled, _ = split_ledger(ledger)
    counts = settled["verdict"].value_counts()
    which = ", ".join(f"{int(counts[v])} {v}" for v in VERDICTS if counts.get(v, 0))
    return (f"{len(settled)} of the {len(ledger)} claims ({', '.join(claim_types)}) get a verdict on the evidence"
            f"{': ' + which if which else ''}")


def open_finding(readings: pd.DataFrame) -> str:
    """Title of the ledger's second part: the readings, proposals and forecasts evidence cannot settle yet."""
    kinds = "reading, proposal or open forecast" if len(readings) == 1 else "readings, proposals and open forecasts"
    return f"{len(readings)} {kinds}, with the case on each side in the audit detail"


def verdict_finding(counts: pd.DataFrame) -> str:
    """Title of the verdict chart: how many claims get a verdict on the evidence rather than 'interpretation'."""
    total = int(counts["claims"].sum())
    settled = int(counts.loc[counts["verdict"] != "interpretation", "claims"].sum())
    return (f"{settled} of {total} listed claims get a verdict on the evidence; the rest are readings, proposals "
            f"or open forecasts")


def checking_finding(grid: pd.DataFrame) -> str:
    """Title of the checking chart: how many of the claims (every verdict, 'interpretation' included) were checked
    against a primary text; it says "claims", as "verdict" is kept for the claims the evidence settles."""
    return f"{int(grid['primary'].sum())} of the {int(grid['total'].sum())} claims were checked against a primary text"


#: What each kind of checking in the checking chart's legend means, in the legend's own words and order
#: (:data:`helpers.tables.claims.CHECKED`): the caption defines each of them, so caption and legend agree.
CHECKED_MEANINGS = {"primary": "a document's authentic text or its depositary's copy",
                    "official": "an organisation's or government's own page",
                    "secondary": "reference works, news reports, copies",
                    "not checked": "nothing yet"}


def checking_caption() -> str:
    """The checking chart's caption: one definition per legend entry, in the legend's order."""
    parts = [f"{kind}: {CHECKED_MEANINGS[kind]}" for kind in CHECKED]
    return "; ".join(parts)[0].upper() + "; ".join(parts)[1:] + "."


def voices_finding(claims: pd.DataFrame, likely_added: Iterable[str] = ()) -> str:
    """Whose words the claims are, in one sentence shared by 00 and 09: how many were compared with RT's English
    and found faithful, how many were changed in translation (split by whose words the claim then carries: the
    Arabic's translator's or editor's own, RT's translator's or editors' wording, or its speaker's with a word the
    Arabic changed), and for how many RT's English could not be read (``unverifiable`` or ``not compared``),
    so that whether RT's text reads the same is unknown (the speaker the Arabic names is kept, not called unknown):
    how many of those the Arabic gives to someone other than the author, and how many lie in a paragraph of
    ``likely_added``. No claim is counted as the author's without a comparison."""
    need(claims, ["voice", "attributed_to", "attribution"], "voices_finding(claims)")
    unread = claims["attribution"].isin(["unverifiable", "not compared"])
    changed = claims["attribution"].isin(NOT_FAITHFUL)
    faithful = int((claims["attribution"] == "faithful").sum())
    own, rt = int((claims["voice"] == TRANSLATOR).sum()), int((claims["voice"] == RT_EDITORS).sum())
    kept = int((changed & ~claims["voice"].isin([TRANSLATOR, RT_EDITORS])).sum())
    named = int((unread & (claims["attributed_to"] != AUTHOR)).sum())
    flagged = sorted(set(likely_added))
    likely = int((unread & claims["paragraph"].isin(flagged)).sum()) if "paragraph" in claims else 0
    where = f", {likely} in {flagged[0]}, most likely the editor's addition" if likely and len(flagged) == 1 else ""
    return (f"Of the {len(claims)} claims, {faithful} were compared with RT's English and found faithful to it, "
            f"and {int(changed.sum())} were changed in translation (the Arabic translator's or editor's own words in "
            f"{own}, RT's translator's or editors' wording in {rt}, their speaker's words with a word changed by the "
            f"Arabic's translator or editor in {kept}); for {int(unread.sum())} RT's English could not be read, so whether "
            f"RT's text reads the same is unknown ({named} of them the Arabic gives to someone other than the author{where})")


def voices_glance(claims: pd.DataFrame) -> str:
    """:func:`voices_finding` cut to the first screen (a phone reads the whole one in 13 lines): how many claims were
    found faithful to RT's English, how many changed in translation and for how many RT's English could not be read;
    whose words the changed ones carry is left to the section on who says what, which prints the whole sentence."""
    need(claims, ["attribution"], "voices_glance(claims)")
    unread = int(claims["attribution"].isin(["unverifiable", "not compared"]).sum())
    changed = int(claims["attribution"].isin(NOT_FAITHFUL).sum())
    faithful = int((claims["attribution"] == "faithful").sum())
    return (f"Of the {len(claims)} claims, {faithful} were found faithful to RT's English and {changed} were changed "
            f"in translation; for {unread} RT's English could not be read.")


def attribution_finding(attributed: pd.DataFrame, likely_added: Iterable[str] = ()) -> str:
    """Title of the attribution table: how many of the claims it lists (those the Arabic gives to someone else, those
    changed in translation, those whose attribution is unverifiable and those of a paragraph that is most likely the
    editor's addition, ``likely_added``) fall under each: by attribution, unverifiable, not compared, and given by
    the English itself to another speaker. It counts the table's rows only; :func:`voices_finding` counts them all."""
    counts = attributed["attribution"].value_counts()
    parts = [f"{int(counts[a])} {a.replace(' in translation', '')}" for a in NOT_FAITHFUL if counts.get(a, 0)]
    unverified = int(counts.get("unverifiable", 0))
    likely = int(((attributed["attribution"] == "not compared")
                  & attributed["paragraph"].isin(list(likely_added))).sum())
    other = len(attributed) - sum(int(counts.get(a, 0)) for a in NOT_FAITHFUL) - unverified - likely
    said = wording.joined(parts, lang="en") + " in translation" if parts else ""
    doubt = f"{unverified} unverifiable, where RT's English could not be read" if unverified else ""
    added = (f"{likely} not compared, in {', '.join(sorted(set(likely_added)))}, most likely the Arabic editor's "
             "addition (medium confidence)") if likely else ""
    also = f"{other} the English itself gives to another speaker" if other else ""
    return f"{len(attributed)} listed claims have a speaker other than the author or one in doubt: " + \
        "; ".join(x for x in (said, doubt, added, also) if x)


def coverage_finding(coverage: pd.DataFrame) -> str:
    """Title of the coverage table: whether every paragraph is covered by some report, or how many are not."""
    bare = int((coverage["covered in"] == "").sum())
    if bare:
        return f"{bare} of {len(coverage)} paragraphs are not covered by any report"
    return f"All {len(coverage)} paragraphs are covered by at least one report"


def lineage_finding(lineage: pd.DataFrame) -> str:
    """Title of the lineage table: how many steps, how many held with high confidence."""
    high = int((lineage["confidence"] == "high").sum())
    return f"{len(lineage)} steps from Valdai to the Arabic text, {high} of them held with high confidence"


def glance_findings(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> list[str]:
    """The first screen of the ledger: the verdict counts, the attribution finding and what the verdicts were
    checked against, each computed from the listed claims."""
    n = len(ledger)
    if not n:
        return ["No claim of the chosen types is in the ledger."]
    v = ledger["verdict"].value_counts()
    verbs = (("supported", "supports"), ("partly supported", "partly supports"), ("contradicted", "contradicts"),
             ("unverifiable", "cannot settle"))
    said = [f"{verb} {int(v[k])}" for k, verb in verbs if v.get(k, 0)]
    readings = int(v.get("interpretation", 0))
    first = (f"Of {n} listed claims, the evidence " + wording.joined(said, lang="en") if said
             else f"None of the {n} listed claims gets a verdict on the evidence")
    kinds = "is a reading, proposal or open forecast" if readings == 1 else "are readings, proposals or open forecasts"
    first += f"; {readings} {kinds}." if readings else "."
    grid = checking_counts(ledger)
    primary, official, secondary = (int(grid[c].sum()) for c in ("primary", "official", "secondary"))
    rest = n - primary - official - secondary
    # every claim is counted here, readings included, so the sentence says "claims", never "verdicts"
    checked = (f"Of the {n} claims, {primary} were checked against a primary text, {official} against an "
               f"organisation's or government's own page, {secondary} against secondary sources only"
               f"{f', {rest} against nothing yet' if rest else ''}.")
    return [first, voices_glance(ledger), checked]


def glance_summary(ledger: pd.DataFrame, claim_types: Iterable[str]) -> str:
    """The one-line summary under the title, for the chosen claim types."""
    types = list(claim_types)
    which = "" if set(types) == set(CLAIM_TYPES) else f" ({', '.join(types)})"
    return (f"The article's {len(ledger)} claims{which}, each with who says it, our verdict on its content and what "
            "it was checked against; the Arabic set beside RT's English and Valdai's text; and what to watch.")
