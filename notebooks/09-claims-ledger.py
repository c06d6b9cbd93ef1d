# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Synthesis: the claims ledger and the article's lineage
#
# This notebook gathers every claim of P1–P19 and asks of each: whose words are these, who does the Arabic say is
# speaking, what kind of claim is it, how far does its content hold, and what was that verdict checked against. It
# sets the Arabic beside RT's English republication and Valdai's text paragraph by paragraph, shows the claims the
# Arabic puts in other mouths (Putin in P11, "observers" in P10) or changes in translation, traces the text from
# Valdai through RT to the Arabic with its closing paragraph P19 (most likely the Arabic editor's), and lists the
# forecasts to watch after April 2024. The claim types chosen for this report — any of factual,
# interpretive, normative and predictive — decide which claims the ledger lists.

# %% tags=["parameters"]
claim_types = "factual,interpretive,normative,predictive"

# %%
from helpers import load, params, present
from helpers.charts import claims as claims_charts
from helpers.tables import (
    article,
    article_view,
    claims,
    claims_view,
    claims_words,
    principles,
    principles_words,
    translation,
    translation_view,
    translation_words,
)

P = params.validated("09", claim_types=claim_types)
TYPES, REPORTS = claims.claim_type_list(P.claim_types), article.notebook_reports()
ledger = claims.claims_ledger(load.claims(), REPORTS, TYPES)
ADDED = set(load.paragraphs().query("likely_editor_addition")["paragraph"])

# %%
present.glance(claims_words.glance_findings(ledger, ADDED), summary=claims_words.glance_summary(ledger, TYPES))

# %% [markdown]
# ## How a claim is recorded
#
# We record each claim the way the Schema.org ClaimReview vocabulary describes a fact check: the claim,
# the work it appears in and who it is attributed to, with the rating as a property of its own. We add a second,
# separate field for what the rating was checked against, so that a verdict resting on news reports of an
# official statement is never mistaken for a partial one.
#
# **Who says it** is kept apart from **whether it is true**. The *attribution* compares the Arabic with the English
# it translates: faithful, changed in translation (a causal link, a modality or an emphasis the English lacks),
# misattributed in translation (words the English gives to the author, given to Putin or to "observers"), added in
# translation (no counterpart in the English read), not compared (no English could be read there), or
# unverifiable (RT's paragraph, the one translated, could not be read, and only a summary or a report of another
# version was, so a difference may be RT's, the Arabic's, or not in the body at all). The ledger's *Who says it*
# names the speaker the Arabic gives and, where the translation changed the wording, who changed it: the Arabic's
# *translator or editor*, or *RT's translator or editors* (the lineage finds RT's changes more like a translator's
# than an editor's); a changed word does not make the translator the speaker. A sentence not compared with RT keeps
# the speaker the Arabic names; *unknown* is kept for a positive reason for doubt: an unverifiable attribution, or
# P19, most likely the editor's own. The **verdict** says how far the content holds: supported, partly supported, contradicted, unverifiable
# (the reason names the document that would settle it), or interpretation (a reading, proposal or forecast that
# evidence can inform but not settle). **Checked against** says what the verdict rests on: a primary text (the
# authentic text or its depositary's copy, never the article), an organisation's or government's own page,
# secondary sources (reference works, news, copies), or nothing yet.

# %%
paragraphs, claim_rows, sources = load.paragraphs(), load.claims(), load.sources()
lineage, events = load.lineage(), load.events()
translation_rows, differences = load.translation(), load.translation_differences()

# %% [markdown]
# ## The claims ledger, paragraph by paragraph
#
# One row per claim of the chosen types, in article order: its type beside its number, who the article presents as
# saying it, our verdict, and — in a separate column — what the verdict was checked against and whether evidence
# later than the article bears on it. The claims the evidence settles come first; the readings, proposals and
# forecasts it can only inform (verdict "interpretation") follow in a folded table of their own. The last column
# gives the number of the report that holds the evidence; the links below open those reports beside this one. The
# reason behind every verdict, with its sources, is in the audit detail at the end.
#
# Evidence reports: [00 The article at a glance](00-article-at-a-glance.html) ·
# [01 The proposal: a Eurasian security framework](01-the-proposal.html) ·
# [02 NATO: integration and enlargement](02-nato-enlargement.html) ·
# [03 The OSCE, the inclusive option](03-osce-inclusive-option.html) ·
# [04 Crisis: arms control, interventions, war](04-crisis-arms-control-war.html) ·
# [05 A new balance of power](05-balance-of-power.html) · [06 Principles of the new framework](06-principles.html) ·
# [07 Security framework or alliance?](07-framework-or-alliance.html) ·
# [08 The SCO and the multi-vector states](08-sco-multivector-states.html)

# %%
settled, readings = claims.split_ledger(ledger)
present.table(claims_view.ledger_view(settled, ADDED), title=claims_words.ledger_finding(ledger, TYPES), key="ledger",
              sources=[*claims.cited_sources(settled), "schemaorg-claimreview"],
              caption="Report: the number of the report that holds the evidence; the reasons are in the audit detail.")

# %%
present.table(claims_view.ledger_view(readings, ADDED), title=claims_words.open_finding(readings),
              key="readings", sources=readings,
              caption="Verdict 'interpretation': evidence can inform these claims but not settle them.",
              collapsed=f"Show the {len(readings)} readings, proposals and open forecasts")

# %% [markdown]
# ## Verdicts by type of claim
#
# Only factual claims can be supported or contradicted outright; readings and proposals are marked as
# interpretation, with the strongest case on each side in their reasons; forecasts get a verdict only once
# evidence later than the article bears on them.

# %%
counts = claims.verdict_counts(ledger)
present.chart(claims_charts.verdict_bars(counts, title=claims_words.verdict_finding(counts),
                                  description="Stacked horizontal bars: number of claims per type, split by verdict."),
              caption="Counts of the ledger above, by type of claim and verdict.", sources=ledger, key="verdicts")

# %% [markdown]
# ## What each verdict was checked against
#
# The same claims counted the other way: for each verdict, how many of its claims were checked against a primary
# text, an organisation's or government's own page, secondary sources only, or nothing yet. Where a verdict rests on
# secondary sources, the reason names the primary text that would confirm it.

# %%
checking = claims.checking_counts(ledger)
present.chart(claims_charts.checking_bars(checking, title=claims_words.checking_finding(checking),
                                   description="Stacked horizontal bars: claims per verdict, split by what the "
                                               "verdict was checked against."),
              caption=claims_words.checking_caption(), sources=ledger, key="checking")

# %%
present.table(checking, title="Claims by verdict and by what they were checked against", key="checking-table",
              caption="Claims per verdict and kind of checking; zeros included.", sources=ledger,
              collapsed="Show the counts as a table")

# %% [markdown]
# ## Who says it: attribution apart from content
#
# Who said what is itself a checkable claim, and it is checked against the English, not against the world. The
# Arabic gives P11's argument for new principles to President Putin and P10's best case to unnamed "observers";
# RIAC's opening summary of the essay and a news agency's report of Valdai's text give both to the author. But RT's
# own paragraphs, the ones the Arabic translates, could not be read, and a summary is an abstract, so these
# attributions stay unverifiable: the difference may be RT's, the Arabic's, or absent from the body. Where RT's page
# could be read, some sentences are the translator's or editor's: P2 makes Lavrov's visit a *consequence* of
# Putin's initiative, P3's grammar makes NATO and the OSCE the centre of the *challenges*, P5 dates the OSCE's
# politicisation to "early in the year 2000". P19 as a whole is most likely the Arabic editor's addition, but no
# English could be read there, so its claims are counted apart, as not compared. Putin's address, read in its Russian
# text, makes the first half of P11's argument, a dismantled European security order and so the need for a new one in
# Eurasia (C53), but not the rest (C54). Each row keeps the verdict on the content in a column of its own.

# %%
attributed = claims.attribution_claims(ledger, ADDED)
present.table(claims_view.attribution_view(attributed), title=claims_words.attribution_finding(attributed, ADDED),
              caption="Claims the Arabic gives to someone other than the author, or whose words are not the "
                      "author's as the English gives them; the verdict column judges the content only.",
              sources=ledger[ledger["claim_id"].isin(attributed["claim_id"])], key="attribution")

# %%
present.findings([claims_words.voices_finding(ledger, ADDED) + "."])

# %% [markdown]
# ## The lineage: Valdai → RT → Arabic
#
# Each step with its relation to the one before and our confidence. The Arabic's "neutralizing" (تحييد) title
# follows RT's "neutering" headline, not Valdai's; its closing paragraph P19, which speaks of Valdai in the third
# person, is most likely the Arabic editor's addition.

# %%
present.table(article_view.lineage_view(lineage), title=claims_words.lineage_finding(lineage), key="lineage",
              caption="Relation, finding and confidence per step; dates only as precisely as they are known.",
              sources=lineage)

# %% [markdown]
# ## Three texts side by side: the Arabic, RT's English, Valdai's text
#
# The attribution verdicts rest on this comparison. For each paragraph: our paraphrase of the Arabic, what RT's
# English republication says there (the text the Arabic translates), and what Valdai's text says — or, where its
# page could not be read, RIAC's opening summary of the essay or a news agency's report of it. RT's page could be
# read only from P1 to the first words of P6, so from P7 on the comparison is with Valdai's text at one remove, and
# a change found there may be RT's rather than the Arabic's. Each difference is classed (omission, addition,
# change of voice, of modality, of emphasis, mistranslation) and quoted in a short phrase; one found only against
# RIAC's summary or a report is rated low confidence.

# %%
present.table(translation_view.translation_view(paragraphs, translation_rows, differences),
              title=translation_words.translation_finding(differences), key="translation",
              sources=[*translation_rows["source_id"], *translation_rows["alt_source_id"], *differences["source_id"]],
              caption=f"{translation_words.reading_finding(translation_rows)}. Differences by id and kind; their words "
                      "and our confidence in each are in the next table.", layout="columns",
              collapsed="Show the three texts side by side, paragraph by paragraph")

# %% [markdown]
# Each difference with the Arabic and English words it turns on, and the claim of the ledger it bears on.

# %%
present.table(translation_view.differences_view(differences), key="differences", sources=differences,
              title=f"The {len(differences)} differences, with the Arabic and English words",
              caption="Phrases quoted verbatim, at most 15 words each. 'RT and Valdai/RIAC': a change RT made and "
                      "the Arabic inherits. Changed by: whose hand the texts read show; 'unknown' where RT's own "
                      "paragraph could not be read, or only a copy of it.",
              collapsed=f"Show the {len(differences)} differences with their words")

# %%
present.table(translation.difference_counts(differences), key="difference-counts", sources=differences,
              title="Differences by kind and by the two texts that differ",
              caption="Counts of the table above; zeros included.", collapsed="Show the counts as a table")

# %% [markdown]
# P19 itself, in our paraphrase. It is most likely the Arabic editor's addition (medium confidence): it speaks of
# Valdai in the third person, and neither English page could be read to its end to confirm its absence there.

# %%
digest = article.paragraph_digest(paragraphs, ["P19"])
present.table(digest.drop(columns=["source_id"]), title="P19: Valdai, and a framework to neutralize NATO",
              caption="Our paraphrase of the paragraph.", sources=digest, key="paraphrase")

# %% [markdown]
# ## What to watch
#
# The article's forecasts among the listed claims, and whether evidence later than April 2024 already bears on
# them; then the dated developments after the article in the events data — the Russia–China and
# Eurasian-security track, summits and enlargements — against which they can be followed.

# %%
forecasts = claims_view.forecasts(ledger)
# with no forecast (the chosen claim types leave the predictive ones out): a sentence, not an empty table
(present.table(forecasts, title=f"{len(forecasts)} forecasts among the listed claims", key="forecasts",
               caption="Predictive claims; 'yes' where evidence dated after April 2024 already bears on them.",
               sources=ledger[ledger["claim_type"] == "predictive"]) if len(forecasts) else
 present.findings(["No forecast is among the listed claims: the chosen claim types leave out the predictive ones."]))

# %%
watch = principles.watch_list(events, "2024-04-30")
present.table(principles.dated_as_known(watch), title=principles_words.watch_finding(watch, "2024-04-30"),
              key="watch", sources=watch, data=watch,
              caption="Events dated after 30 April 2024, oldest first.", collapsed=f"Show the {len(watch)} events")

# %% [markdown]
# ## Takeaways
#
# - The article's dated facts hold: Putin's call of 29 February 2024, Lavrov's Beijing visit of 8–9 April 2024,
#   NATO's enlargement, the decline of arms-control treaties. Most of these rest on news reports of official
#   statements; the Kremlin's transcript of the address was read in a copy of its Russian text, and the other
#   official transcripts (mid.ru, nato.int) were not read.
# - Where RT's page could be read (P1–P5), the Arabic changes it in places: P2's causal "consequence", P3's and
#   P5's slips of grammar and date, small omissions; and P19 is most likely the Arabic editor's own, though not
#   compared with any English. The Arabic also puts P11's argument in Putin's mouth and P10's best case in unnamed
#   observers', which RIAC's summary gives to the author; RT's paragraphs there could not be read, so whether these
#   are changes in translation is unverifiable, but the address's own text shows Putin did not argue it there. All of this is recorded as attribution, apart from the verdicts on what the sentences say.
# - Its readings and proposals (indivisible security, non-hegemony, a dialogue platform first) are contested, and
#   the reasons in the audit detail give the strongest case on each side with a source for each.
# - The forecasts — a long process starting as a dialogue platform, the SCO as a vehicle, many states joining —
#   are what to watch; the first two already have evidence after April 2024 bearing on them.

# %% [markdown]
# ## Audit detail
#
# Every paragraph with the reports that cover it, the claims of P19 on their own, and, for each listed claim, the
# verdict, the full reason and the two sources it cites: for readings and proposals, the case for and then the
# case against.

# %%
coverage = claims.paragraph_coverage(paragraphs, claim_rows, REPORTS, article.collection_paragraphs())
present.table(coverage, title=claims_words.coverage_finding(coverage), key="coverage", sources=paragraphs,
              caption="Claims per paragraph and the reports whose section map lists it.",
              collapsed=f"Show all {len(coverage)} paragraphs and the reports that cover them")

# %%
p19 = ledger[ledger["paragraph"] == "P19"]
present.table(claims_view.ledger_view(p19, ADDED), title=f"P19 makes {len(p19)} of the listed claims", key="p19",
              caption="Claims of the closing paragraph among the chosen types.", sources=p19,
              collapsed=f"Show the {len(p19)} claims of P19")

# %%
present.table(claims_view.audit_view(ledger, sources), title=f"Reasons and sources for all {len(ledger)} listed claims",
              caption="Main source first; for interpretive and normative claims, the case for, then the case "
                      "against.", sources=ledger, key="audit", collapsed=f"Show all {len(ledger)} verdicts with "
              "their reasons and sources")

# %% [markdown]
# ## Sources

# %%
present.sources_section()
