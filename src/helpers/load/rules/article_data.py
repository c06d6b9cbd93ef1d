"""Rules on the article tables (``sections.csv``, ``principle_documents.csv``)."""

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
