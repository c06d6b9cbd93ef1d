"""Notebooks 05 and 09: the claims as a reader reads them — the ledger, who says each claim, the claims whose
speaker is not simply the author, the forecasts to watch, the audit detail and the article's own scenarios — with
reader headers and cells, built from the frames of :mod:`helpers.tables.claims`.

Plain DataFrames in, plain DataFrames out; the sentences about them are in :mod:`helpers.tables.claims_words`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.tables.claims import (
    AUTHOR,
    LEDGER_COLUMNS,
    RT_EDITORS,
    TRANSLATOR,
    UNKNOWN,
    cited_sources,
    paragraph_number,
)
from helpers.tables.frames import need


def attribution_view(attributed: pd.DataFrame) -> pd.DataFrame:
    """:func:`attribution_claims` for reading: the claim id with its paragraph, who the Arabic says is speaking,
    whose words they are on the evidence of the English, the attribution, the claim and, in its own column, the
    verdict on its content."""
    return pd.DataFrame({
        "Claim": (attributed["claim_id"] + " · " + attributed["paragraph"]).to_numpy(),
        "The Arabic gives it to": attributed["the Arabic says"].to_numpy(),
        "Whose words": attributed["whose words"].to_numpy(),
        "Attribution": attributed["attribution"].to_numpy(),
        "The article says (our paraphrase)": attributed["claim"].to_numpy(),
        "Verdict on the content": attributed["verdict"].to_numpy(),
    })


def forecasts(ledger: pd.DataFrame) -> pd.DataFrame:
    """The article's predictive claims in article order (claim id with its paragraph), with the verdict and whether
    later evidence (after April 2024) already bears on them: the list of what to watch."""
    need(ledger, ["claim_id", "paragraph", "claim", "claim_type", "verdict", "evidence_after_article"],
          "forecasts(ledger)")
    sub = ledger[ledger["claim_type"] == "predictive"].copy()
    sub["_p"] = paragraph_number(sub["paragraph"])
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    return pd.DataFrame({
        "Claim": (sub["claim_id"] + " · " + sub["paragraph"]).to_numpy(),
        "The article expects (our paraphrase)": sub["claim"].to_numpy(), "Verdict": sub["verdict"].to_numpy(),
        "Later evidence": sub["evidence_after_article"].map({True: "yes", False: "not yet"}).to_numpy()})


def article_scenarios(claims: pd.DataFrame, paragraph: str = "P10") -> pd.DataFrame:
    """The article's own scenarios: its claims in ``paragraph`` (P10: best and worst case), labelled as the
    article's — and, where the Arabic gives the scenario to someone else (``attributed_to``, else ``voice``), as
    theirs — with our verdict beside them."""
    need(claims, ("claim_id", "paragraph", "claim", "claim_type", "verdict"), "article_scenarios(claims)")
    sub = claims[claims["paragraph"] == paragraph].sort_values("claim_id", kind="mergesort")
    who = "attributed_to" if "attributed_to" in sub.columns else "voice"
    voices = sub[who] if who in sub.columns else pd.Series(AUTHOR, index=sub.index)
    whose = [f"the article ({paragraph})" if v == AUTHOR else f"{v}, as the article reports ({paragraph})"
             for v in voices.fillna(AUTHOR)]
    return pd.DataFrame({
        "claim_id": sub["claim_id"].to_numpy(),
        "whose scenario": whose,
        "the article says (our paraphrase)": sub["claim"].to_numpy(),
        "type": sub["claim_type"].to_numpy(),
        "our verdict": sub["verdict"].to_numpy(),
    })


def ledger_view(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> pd.DataFrame:
    """The ledger as a reader sees it, narrow enough that the claim reads in two or three lines: the claim id
    with its paragraph and type, the claim, who says it ("author" for the article's own voice; see ``who_says`` for a
    sentence whose wording changed in translation or that was not compared with RT), verdict and — in its own
    column — what the verdict was checked against ("secondary, and later evidence" when evidence dated after the
    article bears on it), and the number of the report that holds the evidence. Reasons and sources are left to
    ``audit_view``. ``likely_added`` names paragraphs most likely the Arabic editor's own, whose speaker stays
    unknown."""
    need(ledger, LEDGER_COLUMNS, "ledger_view(ledger)")
    later = ledger["evidence_after_article"].map({True: ", and later evidence", False: ""}).fillna("")
    return pd.DataFrame({
        "Claim": (ledger["claim_id"] + " · " + ledger["paragraph"] + " (" + ledger["claim_type"] + ")").to_numpy(),
        "The article says (our paraphrase)": ledger["claim"].to_numpy(),
        "Who says it": who_says(ledger, likely_added),
        "Verdict": ledger["verdict"].to_numpy(),
        "Checked against": (ledger["checked_against"] + later).to_numpy(),
        "Report": ledger["evidence"].str[:2].to_numpy(),
    })


def who_says(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> list[str]:
    """Who says each claim, kept apart from who changed its wording. A sentence whose words follow RT's but for a
    word the Arabic changed (a word added, a date narrowed) keeps its speaker's voice and reads "Lavrov, wording
    changed by the translator or editor"; one carrying RT's changed wording reads "author, wording changed by RT's
    translator or editors"; one whose own words are the Arabic's (voice ``TRANSLATOR``) reads "translator or editor
    (the Arabic: author)". A sentence not compared with RT (RT's English could not be read) is given to the one the
    Arabic names, "(not compared with RT)"; "unknown" stays for a positive reason for doubt: an unverifiable
    attribution, or a paragraph in ``likely_added``."""
    short = {AUTHOR: "author", TRANSLATOR: "translator or editor"}
    added = set(likely_added)
    out = []
    for voice, shown, how, paragraph in zip(ledger["voice"], ledger["attributed_to"], ledger["attribution"],
                                            ledger["paragraph"]):
        speaker = short.get(shown, shown)
        if how == "changed in translation" and voice in (RT_EDITORS, shown):
            by = "RT's translator or editors" if voice == RT_EDITORS else "the translator or editor"
            out.append(f"{speaker}, wording changed by {by}")
        elif voice == UNKNOWN and how == "not compared" and paragraph not in added:
            out.append(f"{speaker} (not compared with RT)")
        else:
            who = short.get(voice, voice)
            out.append(who if shown == voice else f"{who} (the Arabic: {speaker})")
    return out


def audit_view(ledger: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Audit detail, one row per claim: the verdict, the full reason, and the two sources by title and publisher
    (main source first; for readings and proposals, the case for, then the case against)."""
    need(ledger, LEDGER_COLUMNS, "audit_view(ledger)")
    need(sources, ["source_id", "title", "publisher"], "audit_view(sources)")
    names = {r.source_id: f"{r.title} ({r.publisher})" for r in sources.itertuples(index=False)}
    unknown = sorted(set(cited_sources(ledger)) - set(names))
    if unknown:
        raise ValueError(f"audit_view: source id(s) {unknown} are not in sources.csv")
    return pd.DataFrame({
        "claim": ledger["claim_id"].to_numpy(),
        "verdict": ledger["verdict"].to_numpy(),
        "why": ledger["verdict_reason"].to_numpy(),
        "main source": ledger["source_id"].map(names).fillna("").to_numpy(),
        "second source": ledger["second_source_id"].map(names).fillna("").to_numpy(),
    })


#: What "(not compared with RT)" in a "Who says it" column means, said under a table that shows it.
NOT_COMPARED_NOTE = ("“Not compared with RT”: RT's English of that paragraph could not be read, so the speaker is the "
                     "one the Arabic names, not checked against the text it translates.")


def who_note(who: Iterable[str]) -> str:
    """The sentence a claims table's caption adds when its "Who says it" column holds a speaker not compared with
    RT (:func:`who_says`); empty otherwise."""
    return NOT_COMPARED_NOTE if any(str(w).endswith("(not compared with RT)") for w in who) else ""
