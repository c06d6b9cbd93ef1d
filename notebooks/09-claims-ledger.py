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
# P19 closes the article: such ideas circulate in Russian–Chinese dialogue venues such as Valdai, and the
# framework would be NATO's "objective equivalent", neutralizing it if not deterring it. This notebook gathers
# every claim of P1–P19 with its type, our verdict and the report that holds the evidence; traces the article
# from Valdai through RT to the Arabic text, with what the Arabic adds (P19 and the title); and lists what to watch
# after April 2024. `claim_types` chooses which kinds of claim the ledger lists.

# %% tags=["parameters"]
claim_types = "factual,interpretive,normative,predictive"

# %% [markdown]
# The imports validate `claim_types`: it must be a comma-separated choice among factual, interpretive, normative
# and predictive.

# %%
from helpers import load, params, present
from helpers.charts import eurasia as charts
from helpers.tables import eurasia as tables
from helpers.tables.euroatlantic import paragraph_digest

P = params.validated("09", claim_types=claim_types)
TYPES = tables.claim_type_list(P.claim_types)
REPORTS = tables.notebook_reports()
ARTICLE_DATE = "2024-04-30"

# %% [markdown]
# ## Data
#
# The article's paragraphs and claims (our paraphrases, with a verdict on a fixed scale: supported by the data,
# partly, contradicted, or interpretation — not testable with data), the lineage of the text, and the dated
# events.

# %%
paragraphs = load.paragraphs()
claims = load.claims()
lineage = load.lineage()
events = load.events()

# %% [markdown]
# ## What P19 says
#
# Our paraphrase of the closing paragraph, which the English versions do not contain (see the lineage below).

# %%
digest = paragraph_digest(paragraphs, ["P19"])
present.table(digest.drop(columns=["source_id"]), title="P19: Valdai, and a framework to neutralize NATO",
              caption="Our paraphrase of the paragraph.", sources=sorted(set(digest["source_id"])),
              key="paraphrase")

# %% [markdown]
# ## The claims ledger
#
# One row per claim of the chosen types, in article order, with our verdict, its one-line reason, and the report
# that holds the evidence (file names are relative: they open beside this report).
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
ledger = tables.claims_ledger(claims, REPORTS, TYPES)
present.table(ledger, title=f"{len(ledger)} claims of type {', '.join(TYPES)}; "
                            f"{int((ledger['verdict'] == 'supported').sum())} supported by data",
              caption="Verdicts: supported, partly, contradicted, or interpretation (not testable with data).",
              sources=sorted(set(claims.loc[claims["claim_type"].isin(TYPES), "source_id"])), key="ledger")

# %% [markdown]
# Verdicts by claim type: the article's factual claims can be checked and mostly hold; most of what it argues is
# interpretation, proposal or forecast.

# %%
counts = tables.verdict_counts(ledger)
testable = counts[counts["verdict"] != "interpretation"]["claims"].sum()
present.chart(
    charts.verdict_bars(counts, title=f"{int(testable)} of {len(ledger)} listed claims can be tested with data",
                        description="Stacked horizontal bars: number of claims per type, split by verdict."),
    caption="Counts of the ledger above, by type and verdict.",
    sources=sorted(set(claims.loc[claims["claim_type"].isin(TYPES), "source_id"])), key="verdicts")

# %% [markdown]
# ## Every paragraph, where it is covered
#
# P1–P19 with the number of claims each makes and the reports that treat it (from the section map).

# %%
coverage = tables.paragraph_coverage(paragraphs, claims, REPORTS, tables.collection_paragraphs())
present.table(coverage, title=f"All {len(coverage)} paragraphs are covered by at least one report"
              if (coverage["covered in"] != "").all() else
              f"{int((coverage['covered in'] == '').sum())} paragraphs are not covered by any report",
              caption="Claims per paragraph and the reports whose section map lists it.",
              sources=sorted(set(paragraphs["source_id"])), key="coverage")

# %% [markdown]
# ## The lineage: Valdai → RT → Arabic
#
# Each step with its relation to the one before and our confidence. The Arabic adds two things the English
# versions lack: the title's "neutralizing" (تحييد) framing, which follows RT's "neutering" headline, and P19,
# which speaks of Valdai in the third person — most likely the Arabic editor's addition.

# %%
present.table(tables.lineage_table(lineage),
              title=f"{len(lineage)} steps from Valdai to the Arabic text, "
                    f"{int((lineage['confidence'] == 'high').sum())} of them held with high confidence",
              caption="Relation, finding and confidence per step; dates as published (empty when unknown).",
              sources=sorted(set(lineage["source_id"])), key="lineage")

# %% [markdown]
# The claims of P19 itself: one is a checkable fact about where the idea circulates, the others forecast.

# %%
p19 = ledger[ledger["paragraph"] == "P19"].reset_index(drop=True)
present.table(p19, title=f"P19 makes {len(p19)} of the listed claims",
              caption="Claims of the closing paragraph among the chosen types.",
              sources=sorted(set(claims.loc[claims["paragraph"] == "P19", "source_id"])), key="p19")

# %% [markdown]
# ## What to watch
#
# Dated developments after the article (April 2024) in the events data: the Russia–China and Eurasian-security
# track, summits and enlargements. Each is a point where the article's forecasts (C05, C32, C33, C41) can be
# tested as time passes.

# %%
watch = tables.watch_list(events, ARTICLE_DATE)
present.table(watch, title=f"{len(watch)} dated developments after April 2024, the latest on "
                           f"{watch['date'].max().date() if len(watch) else 'none'}",
              caption="Events dated after 30 April 2024, oldest first.", sources=sorted(set(watch["source_id"])),
              key="watch")

# %% [markdown]
# ## Takeaways
#
# - The article's few factual claims hold up against the data; most of its argument is interpretation,
#   proposal or forecast, marked as such in the ledger.
# - Every paragraph P1–P19 is covered by a report, and every claim has a ledger row pointing to its evidence.
# - The Arabic text is a translation of RT's republication of a Valdai piece, with a new closing paragraph (P19)
#   and a sharper title; the confidence of each step is stated, not assumed.
# - The forecasts — a dialogue platform first, the SCO as a vehicle, many states joining — are what to watch.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
