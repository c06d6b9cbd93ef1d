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
# # Security framework or alliance?
#
# P15 expects Russia–China consultations to produce, at first, a dialogue platform without heavy institutional
# obligations rather than a NATO-like alliance; P16 suggests existing bodies such as the SCO could host it. This
# notebook compares NATO, the OSCE, the SCO, the CSTO and the proposed framework across fifteen dimensions and
# places each on two axes — how binding its obligations are, how institutionalized it is — with membership
# counts on the date `as_of`.

# %% tags=["parameters"]
orgs = "NATO,OSCE,SCO,CSTO,EURASIAN_FRAMEWORK"
as_of = "2024-04-30"

# %% [markdown]
# The imports validate both parameters: `orgs` must be organisation ids from the data, `as_of` a date in range.

# %%
from helpers import load, membership, params, present
from helpers.charts import eurasia as charts
from helpers.tables import eurasia as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("07", orgs=orgs, as_of=as_of)
PARAS = ["P15", "P16"]

# %% [markdown]
# ## Data
#
# The comparison dimensions (each on an axis with a scale and scores), one row per organisation × dimension with
# a value — or `unknown` — a short detail in our words and a source, plus organisations and membership spells.
# For the proposed framework the source is the article itself, with the paragraph in the detail.

# %%
dimensions = load.dimensions()
org_features = load.org_features()
organisations = load.organisations()
memberships = load.memberships()
paragraphs = load.paragraphs()
claims = load.claims()
names = organisations.set_index("org_id")["name"].to_dict()
feature_sources = sorted(set(org_features.loc[org_features["org_id"].isin(P.orgs), "source_id"]))

# %% [markdown]
# ## What P15–P16 say
#
# Our paraphrase, then the claims these paragraphs make about alliances and frameworks.

# %%
digest = paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P15–P16: a dialogue platform first, perhaps built on the SCO",
              caption="Our paraphrase of each paragraph.", sources=sorted(set(digest["source_id"])),
              key="paraphrase")

# %%
claim_table = claims_for(claims, ["P4", "P15", "P16"])
claim_table = claim_table[claim_table["evidence_notebook"] == "07"].reset_index(drop=True)
present.table(claim_table.drop(columns=["source_id", "evidence_notebook"]),
              title=f"{len(claim_table)} claims look to this comparison for evidence",
              caption="Claims whose evidence notebook is 07 (including P4's 'strict obligations'), with our verdict.",
              sources=sorted(set(claim_table["source_id"])), key="claims")

# %% [markdown]
# ## The organisations on `as_of`
#
# Formal members (member, participating, suspended, frozen) on the chosen date. An organisation that did not yet
# exist — the SCO in 1991 — or is only proposed shows that instead of a zero.

# %%
counts = {org: membership.count_as_of(memberships, org, P.as_of) for org in P.orgs}
overview = tables.org_overview(organisations, counts, P.orgs, P.as_of)
existing = overview[overview["formal members"].notna()]
present.table(overview, title=f"On {P.as_of}, {len(existing)} of the {len(overview)} organisations compared existed",
              caption="Founded = founding document signed; counts from memberships.csv.",
              sources=sorted(set(organisations.loc[organisations["org_id"].isin(P.orgs), "source_id"])
                             | set(membership.sources(memberships, P.orgs))),
              key="overview")

# %% [markdown]
# ## The comparison
#
# Fifteen dimensions in three groups: obligations members owe each other (in the vocabulary of the ATOP alliance
# data: defence, consultation, non-aggression, no rival commitments), institutions, and scope. `unknown` means we
# found no source we could read; the proposed framework is mostly unknown because nothing about it is agreed.

# %%
table = tables.feature_table(org_features, dimensions, P.orgs)
unknown_by_org = (table[P.orgs] == "unknown").sum()
present.table(table, title=f"{int(unknown_by_org.sum())} of {table[P.orgs].size} cells are unknown; "
                           f"{unknown_by_org.idxmax()} has the most ({int(unknown_by_org.max())})",
              caption="Values per organisation; the features describe founding texts and current structures, "
                      "not the state on as_of.",
              sources=feature_sources, key="comparison")

# %% [markdown]
# Every cell with its detail and source, for the reader who wants to check one.

# %%
details = tables.feature_details(org_features, dimensions, P.orgs)
present.table(details, title=f"{len(details)} sourced cells behind the comparison",
              caption="Detail in our words; the source is the page the value was read on.",
              sources=sorted(set(details["source_id"])), key="details")

# %% [markdown]
# ## Alliance or framework: a typology
#
# Each dimension's value is scored (its `score_map`) and scaled to 0–1 within the dimension. To compare like with
# like, each axis is averaged over the dimensions known for *every* organisation that can be placed on it (the
# `_basis` columns name them), so a gap in our sources never makes one organisation look stronger or weaker than
# another. An organisation with fewer than two known dimensions on an axis is not placed. Top right reads as an
# alliance, bottom left as a loose framework.

# %%
scores = tables.typology_scores(org_features, dimensions, P.orgs)
present.table(scores, title="Scores per organisation, with how many dimensions each rests on",
              caption="Mean scaled score per axis over the common basis; NaN = too few known dimensions to place.",
              sources=feature_sources, key="scores")

# %%
present.chart(
    charts.typology_scatter(
        scores, names=names, title=tables.typology_finding(scores),
        description="Scatter plot: institutionalization on the x axis, obligations on the y axis, one point per "
                    "organisation."),
    caption="Hover a point for how many dimensions on each axis are known and unknown.",
    sources=feature_sources, key="typology")

# %% [markdown]
# **Reading it.** With the default organisations, NATO and the CSTO share treaty-based defence and non-aggression
# duties and sit at the top; NATO's fully integrated command puts it furthest right, the CSTO's Joint Staff only
# part of the way. The OSCE and the SCO have secretariats but no defence clause — frameworks rather than
# alliances, the SCO the more institutionalized by its ratified Charter. The common basis is narrow (the `_basis`
# columns): many cells are `unknown`, and filling them could move the points. The proposed framework cannot be
# placed: P15 itself expects a dialogue platform first, and no text fixes its obligations. That supports P15's
# contrast (C31, C32) as a description of the starting point, while the destination stays open. On P16's "NATO
# began against the USSR and now deters Russia" (C34) the features can only confirm the defence clause; who is
# deterred is not a feature.
#
# ## Takeaways
#
# - Two alliances (NATO, CSTO) and two frameworks (OSCE, SCO) sit at different corners of the typology.
# - The Eurasian framework is still a proposal; its features are unknown except what the article proposes
#   (comprehensive scope, openness to interested states).
# - Many cells are `unknown` because we would not fill them from memory; each is a gap to close with a source.
# - Notebook 08 looks at the SCO, the body P16 names, and the states that sit on both sides.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
