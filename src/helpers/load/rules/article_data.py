"""Rules on the article tables (``sections.csv``, ``principle_documents.csv``, ``translation_differences.csv``)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from helpers.load.rules.registry import Finding, View, rule

#: Longest quotation from a document, in words (quotations stay short).
MAX_PHRASE_WORDS = 15


@rule("sections")
def sections_run_forward(t: View) -> Iterator[Finding]:
    """first_paragraph comes before or is last_paragraph"""
    for pos, (a, b) in enumerate(zip(t.df["first_paragraph"], t.df["last_paragraph"])):
        if int(a[1:]) > int(b[1:]):
            yield Finding(pos, "last_paragraph", f"{b} comes before {a}")


@rule("principle_documents")
def phrases_are_short(t: View) -> Iterator[Finding]:
    """a quoted phrase is at most 15 words"""
    for pos, p in enumerate(t.df["phrase"]):
        if pd.notna(p) and len(p.split()) > MAX_PHRASE_WORDS:
            yield Finding(pos, "phrase", f"the phrase has {len(p.split())} words")


#: Who can have made a difference between each pair of texts (``translation_differences.csv``): the Arabic's
#: translator or editor only where RT's English was read beside it, RT's hands or the author only where RT differs
#: from Valdai, and nobody named where RT's paragraph could not be read.
CHANGED_BY = {
    "Arabic and RT": ("the translator or editor", "unknown"),
    "RT and Valdai/RIAC": ("RT's translator or editors", "the author", "unknown"),
    "Arabic and Valdai/RIAC": ("unknown",),
}


@rule("translation_differences")
def changed_by_fits_the_texts(t: View) -> Iterator[Finding]:
    """changed_by names only a hand the two texts compared can show: the Arabic's translator or editor (or unknown)
    for 'Arabic and RT', RT's translator or editors, the author (or unknown) for 'RT and Valdai/RIAC', and unknown
    for 'Arabic and Valdai/RIAC', where RT's paragraph could not be read"""
    for pos, (between, who) in enumerate(zip(t.df["between"], t.df["changed_by"])):
        allowed = CHANGED_BY.get(between)
        if allowed and who not in allowed:
            yield Finding(pos, "changed_by", f"{who!r} cannot be shown by a difference {between!r}",
                          ", ".join(allowed))
