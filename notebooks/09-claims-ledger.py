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
# This notebook gathers every claim of P1–P19 and asks of each: who does the article say is speaking, what kind
# of claim is it, how far does it hold, and what was that verdict checked against. It shows the claims the
# article puts in other people's mouths (Putin in P11, "observers" in P10), traces the text from Valdai through
# RT to the Arabic, with the closing paragraph P19 that the English versions lack, and lists the forecasts to
# watch after April 2024. The choice of claim types below — a comma-separated list drawn from factual,
# interpretive, normative and predictive, checked as the notebook starts — decides which claims the ledger lists.

# %% tags=["parameters"]
claim_types = "factual,interpretive,normative,predictive"

# %%
from helpers import load, params, present
from helpers.charts import claims as charts
from helpers.tables import article, principles, principles_words
from helpers.tables import claims as tables
from helpers.tables import claims_words as words

P = params.validated("09", claim_types=claim_types)
TYPES, REPORTS = tables.claim_type_list(P.claim_types), principles.notebook_reports()
ledger = tables.claims_ledger(load.claims(), REPORTS, TYPES)

# %%
present.glance(words.glance_findings(ledger), summary=words.glance_summary(ledger, TYPES))

# %% [markdown]
# ## How a claim is recorded
#
# We record each claim the way the Schema.org ClaimReview vocabulary describes a fact check: the claim,
# the work it appears in and who it is attributed to, with the rating as a property of its own. We add a second,
# separate field for what the rating was checked against, so that a verdict resting on news reports of an
# official statement is never mistaken for a partial one.
#
# The **verdict** says how far a claim holds: supported, partly supported, contradicted, unverifiable, or
# interpretation (a reading, proposal or forecast that evidence can inform but not settle). **Checked against**
# says what it rests on: a primary text (an official document, or an organisation's or government's own page),
# secondary sources (reference works, news, copies), or nothing yet.

# %%
paragraphs, claims, sources = load.paragraphs(), load.claims(), load.sources()
lineage, events = load.lineage(), load.events()

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
settled, readings = tables.split_ledger(ledger)
present.table(tables.ledger_view(settled), title=words.ledger_finding(ledger, TYPES), key="ledger",
              sources=[*tables.cited_sources(settled), "schemaorg-claimreview"],
              caption="Report: the number of the report that holds the evidence; the reasons are in the audit detail.")

# %%
present.table(tables.ledger_view(readings), title=words.open_finding(readings), key="readings", sources=readings,
              caption="Verdict 'interpretation': evidence can inform these claims but not settle them.",
              collapsed=f"Show the {len(readings)} readings, proposals and open forecasts")

# %% [markdown]
# ## Verdicts by type of claim
#
# Only factual claims can be supported or contradicted outright; readings and proposals are marked as
# interpretation, with the strongest case on each side in their reasons; forecasts get a verdict only once
# evidence later than the article bears on them.

# %%
counts = tables.verdict_counts(ledger)
present.chart(charts.verdict_bars(counts, title=words.verdict_finding(counts),
                                  description="Stacked horizontal bars: number of claims per type, split by verdict."),
              caption="Counts of the ledger above, by type of claim and verdict.", sources=ledger, key="verdicts")

# %% [markdown]
# ## What each verdict was checked against
#
# The same claims counted the other way: for each verdict, how many rest on a primary text, on secondary sources
# only, or on nothing yet. Where a verdict rests on secondary sources, the reason names the primary text that
# would confirm it.

# %%
checking = tables.checking_counts(ledger)
present.chart(charts.checking_bars(checking, title=words.checking_finding(checking),
                                   description="Stacked horizontal bars: claims per verdict, split by what the "
                                               "verdict was checked against."),
              caption="Primary: an official document or an organisation's or government's own page; secondary: "
                      "reference works, news reports, copies.", sources=ledger, key="checking")

# %%
present.table(checking, title="Verdicts by what they were checked against", key="checking-table",
              caption="Claims per verdict and kind of checking; zeros included.", sources=ledger,
              collapsed="Show the counts as a table")

# %% [markdown]
# ## Who says it: the claims the article attributes
#
# Who said what is itself a checkable claim. The Arabic text gives P11's argument for new principles to
# President Putin, while the English essay it translates gives it as the author's own; it gives P10's best case
# to unnamed "observers", where the English has the author's "at best, we can expect". These rows set each
# attribution beside our verdict on it.

# %%
attributed = tables.attribution_claims(ledger)
present.table(tables.attribution_view(attributed), title=words.attribution_finding(attributed),
              caption="Claims whose speaker, as the article presents it, is not the author.",
              sources=ledger[ledger["claim_id"].isin(attributed["claim_id"])], key="attribution")

# %% [markdown]
# ## The lineage: Valdai → RT → Arabic
#
# Each step with its relation to the one before and our confidence. The Arabic adds two things the English
# versions lack: the title's "neutralizing" (تحييد) framing, which follows RT's "neutering" headline, and P19,
# which speaks of Valdai in the third person — most likely the Arabic editor's addition.

# %%
present.table(tables.lineage_view(lineage), title=words.lineage_finding(lineage), key="lineage",
              caption="Relation, finding and confidence per step; dates only as precisely as they are known.",
              sources=lineage)

# %% [markdown]
# P19 itself, in our paraphrase: the closing paragraph that the English versions do not contain.

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
forecasts = tables.forecasts(ledger)
present.table(forecasts, title=f"{len(forecasts)} forecasts among the listed claims", key="forecasts",
              caption="Predictive claims; 'yes' where evidence dated after April 2024 already bears on them.",
              sources=ledger[ledger["claim_type"] == "predictive"])

# %%
watch = principles.watch_list(events, "2024-04-30")
present.table(watch, title=principles_words.watch_finding(watch, "2024-04-30"), key="watch", sources=watch,
              caption="Events dated after 30 April 2024, oldest first.", collapsed=f"Show the {len(watch)} events")

# %% [markdown]
# ## Takeaways
#
# - The article's dated facts hold: Putin's call of 29 February 2024, Lavrov's Beijing visit of 8–9 April 2024,
#   NATO's enlargement, the decline of arms-control treaties. Most of these rest on news reports of official
#   statements; the official transcripts would confirm them.
# - Its attributions do not all hold. The Arabic puts P11's argument for new principles in Putin's mouth; the
#   English essay it translates gives it as the author's own reasoning.
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
coverage = tables.paragraph_coverage(paragraphs, claims, REPORTS, principles.collection_paragraphs())
present.table(coverage, title=words.coverage_finding(coverage), key="coverage", sources=paragraphs,
              caption="Claims per paragraph and the reports whose section map lists it.",
              collapsed=f"Show all {len(coverage)} paragraphs and the reports that cover them")

# %%
p19 = ledger[ledger["paragraph"] == "P19"]
present.table(tables.ledger_view(p19), title=f"P19 makes {len(p19)} of the listed claims", key="p19",
              caption="Claims of the closing paragraph among the chosen types.", sources=p19,
              collapsed=f"Show the {len(p19)} claims of P19")

# %%
present.table(tables.audit_view(ledger, sources), title=f"Reasons and sources for all {len(ledger)} listed claims",
              caption="Main source first; for interpretive and normative claims, the case for, then the case "
                      "against.", sources=ledger, key="audit", collapsed=f"Show all {len(ledger)} verdicts with "
              "their reasons and sources")

# %% [markdown]
# ## Sources

# %%
present.sources_section()
