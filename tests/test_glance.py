"""The "At a glance" findings of notebooks 00, 01, 03 and 06: each sentence states what its frames hold."""

from __future__ import annotations

import pandas as pd

from helpers.tables import article_words, euroatlantic_words, principles_words


def test_article_glance_counts_sections_claims_and_the_chain_of_publishers():
    paragraphs = pd.DataFrame({"section_id": ["S0"] * 9 + ["S1"] * 5 + ["S2"] * 5})
    sections = pd.DataFrame({"section_id": ["S0", "S1", "S2"]})
    claims = pd.DataFrame({"claim_type": ["factual", "factual", "factual", "normative"],
                           "verdict": ["supported", "partly", "supported", "interpretation"]})
    lineage = pd.DataFrame({"step": [2, 1, 3], "publisher": ["RT", "Valdai Discussion Club", "alahalygate.com"],
                            "relation": ["republication", "original", "translation"]})
    out = article_words.glance_findings(paragraphs, sections, claims, lineage)
    assert out[0].startswith("19 paragraphs in 3 sections: 9 on what went wrong") and "10 on the principles" in out[0]
    assert out[1] == "3 of its 4 claims are factual; 2 of those are supported by the sources we cite."
    assert out[2] == "The text travelled Valdai Discussion Club → RT → alahalygate.com."
    assert len(out) == 3  # no voice columns, no voice sentence
    # a claim whose English was never read ('not compared') counts with the unverifiable ones, not as compared
    voiced = pd.concat([claims, claims.iloc[:1]], ignore_index=True).assign(
        voice=["the author", "the translator or editor", "RT's translator or editors", "unknown", "unknown"],
        attributed_to=["the author", "the author", "Putin", "Putin", "the author"],
        attribution=["faithful", "added in translation", "changed in translation", "unverifiable", "not compared"])
    # Data editor (review 9): the first screen has the short count; the body keeps the whole sentence
    assert article_words.glance_findings(paragraphs, sections, voiced, lineage)[3] == (
        "Of the 5 claims, 1 were found faithful to RT's English and 2 were changed in translation; for 2 RT's English "
        "could not be read.")
    assert article_words.voices_detail(voiced)[0] == (
        "Of the 5 claims, 1 were compared with RT's English and found faithful to it, and 2 were changed in "
        "translation (the Arabic translator's or editor's own words in 1, RT's translator's or editors' wording in 1, "
        "their speaker's words with a word changed by the Arabic's translator or editor in 0); for 2 RT's English "
        "could not be read, so whether RT's text reads the same is unknown (1 of them the Arabic gives to someone "
        "other than the author).")
    # review 7 (R1): a sentence whose words follow RT's but for one word keeps its speaker's voice, and is counted
    # as changed in translation without being counted as the translator's or editor's words
    kept = voiced.assign(voice=["the author", "the author", "RT's translator or editors", "unknown", "unknown"],
                         attribution=["faithful", "changed in translation", "changed in translation", "unverifiable",
                                      "not compared"])
    assert ("the Arabic translator's or editor's own words in 0, RT's translator's or editors' wording in 1, their "
            "speaker's words with a word changed by the Arabic's translator or editor in 1"
            ) in article_words.voices_detail(kept)[0]
    # review 4 (A2): a paragraph flagged as the editor's likely addition is not compared; its claims stay unknown
    # and are named apart, never counted as the translator's or editor's outright
    flagged = paragraphs.assign(paragraph=[f"P{i}" for i in range(1, 20)],
                                likely_editor_addition=[False] * 18 + [True])
    p19 = voiced.assign(paragraph=["P1", "P2", "P1", "P11", "P19"])
    sentence = article_words.voices_detail(p19, flagged)[0]
    assert sentence.startswith("Of the 5 claims, 1 were compared with RT's English")
    assert "1 in P19, most likely the editor's addition" in sentence
    # a second republication before RT is a side branch: the translation follows the step right before it
    riac = pd.concat([lineage.assign(step=lineage["step"] + 1),
                      pd.DataFrame({"step": [2], "publisher": ["RIAC"], "relation": ["republication"]})])
    assert article_words.glance_findings(paragraphs, sections, claims, riac)[2] == (
        "The text travelled Valdai Discussion Club → RT → alahalygate.com; RIAC republished it on the side.")


def test_proposal_glance_names_the_earliest_event_and_the_window():
    cited = pd.DataFrame({"date": pd.to_datetime(["2024-04-09", "2024-02-29"]), "title": ["Visit", "Address"]})
    track = pd.DataFrame({"date": pd.to_datetime(["2001-07-16", "2024-02-29", "2024-05-16"])})
    out = euroatlantic_words.proposal_glance(cited, track, track.iloc[2:], "1996-01-01", "2025-12-31")
    assert out[0] == "2 dated events bear on P1–P3; the earliest is “Address” (29 Feb 2024)."
    assert "Between 1 Jan 1996 and 31 Dec 2025 the data records 3 steps" in out[1]
    assert out[2] == "1 recorded step on the track follows the April 2024 visit in that window."


def test_osce_glance_reports_growth_overlap_and_the_first_explicit_document():
    steps = pd.DataFrame({"members": [35, 52, 57]})
    overlap = pd.DataFrame({"OSCE": [True] * 57})
    explicit = pd.DataFrame({"date": pd.to_datetime(["2010-12-02", "1999-11-19", "1975-08-01"]),
                             "presence": ["explicit", "explicit", "implicit"]})
    counts = pd.DataFrame({"group": ["OSCE + NATO", "OSCE + CSTO", "OSCE only"], "states": [32, 6, 19]})
    out = euroatlantic_words.osce_glance(steps, overlap, counts, explicit, "2024-04-30")
    assert out == ["The CSCE/OSCE grew from 35 to 57 participating states by 30 Apr 2024.",
                   "On that date 38 of its 57 states also belonged to NATO or the CSTO: both camps sat at one table.",
                   "Indivisible security as coded in the 3 OSCE documents: explicit in 1999 and 2010; implicit in "
                   "1975. The 1975 text was not read in full, so no earliest year is claimed."]
    assert len(euroatlantic_words.osce_glance(steps, overlap, counts, explicit.iloc[0:0], "2024-04-30")) == 2
    before = euroatlantic_words.osce_glance(steps.iloc[0:0], pd.DataFrame({"OSCE": [False]}), counts, explicit,
                                            "1949-04-04")
    assert before == ["On 4 Apr 1949 the CSCE/OSCE had no participating states yet: the Helsinki Final Act was "
                      "signed on 1 Aug 1975."]


def test_principles_glance_counts_principles_found_and_ranks_none_over_documents_chosen_by_no_rule():
    summary = pd.DataFrame({"principle": ["A", "Indivisible security", "C"], "explicit, quoted": [0, 4, 1],
                            "explicit, from a report": [0, 0, 0], "implicit": [0, 2, 0], "absent": [0, 0, 0]})
    grid = pd.DataFrame({"document": [f"d{i}" for i in range(12)]})
    out = principles_words.glance_findings(summary, grid, "2024-12-31")
    assert out[0] == ("2 of the article's 3 principles are stated explicitly in a quoted phrase in at least one "
                      "document adopted by 31 Dec 2024; 2 counting implicit readings and reports.")
    # the 12 documents are the project's own choice, not a census: the first screen ranks no principle
    assert out[1] == ("The 12 documents were chosen while reading the article, not drawn by a stated rule from a "
                      "published list, so no principle is ranked here as the most common: another set of documents "
                      "could rank them differently.")
    assert not any("is the most common" in line for line in out)
    assert principles_words.most_common(summary, grid) == (
        "Counting only explicit statements quoted from the texts, Indivisible security is the most "
        "common: 4 of the 12 documents. Counting implicit readings and reports of the texts too, "
        "Indivisible security leads with 6 of 12: the headline holds.")
