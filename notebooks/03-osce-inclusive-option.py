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
# # The OSCE, the inclusive option
#
# P5–P6 give the article's second reason: the Euro-Atlantic order failed to give common security to all. The
# OSCE could in theory have joined NATO members and non-members, Russia included, but — the article says — it was
# politicised in favour of Western states from the early 2000s, and Russia came to see NATO enlargement as a
# threat. This notebook shows who the OSCE gathers, how it overlaps with NATO and the CSTO, and the dated documents
# and events that bear on the article's reading.

# %% tags=["parameters"]
as_of = "2024-04-30"

# %% [markdown] tags=["remove-cell"]
# The report's date lies within the span the data covers: the collection builds no report for a date outside it.

# %%
from helpers import load, membership, params, present, wording
from helpers.charts import euroatlantic as euroatlantic_charts
from helpers.charts import maps
from helpers.tables import article, article_words, euroatlantic, euroatlantic_words, geo, geo_shapes, geo_words

P = params.validated("03", as_of=as_of)
PARAS = article.notebook_paragraphs("03")

# %% [markdown]
# ## Data
#
# Membership spells, states, dated events (with the article paragraphs they bear on), the OSCE documents we read
# and the article tables. The paragraphs this notebook covers come from the collection's section map.

# %%
memberships, states, events, event_paragraphs, paragraphs, claims, documents, coding = map(load.table, [
    "memberships", "states", "events", "event_paragraphs", "paragraphs", "claims", "documents", "principle_documents"])
boundaries = geo_shapes.Boundaries(load.boundaries(), load.geo_features())  # the boundary file, checked
atlas = geo.Atlas(load.state_lineage(), states, boundaries=boundaries)  # what the map needs besides the memberships

# %% [markdown]
# ## What P5–P6 say
#
# Our paraphrase of the two paragraphs, then their claims. Most are judgements; only the OSCE's inclusive
# membership is a plain fact the data can check.

# %%
digest = article.paragraph_digest(paragraphs, PARAS)
present.table(article.without_sources(digest), sources=digest, key="paraphrase",
              title="P5–P6: the inclusive option, and why the article says it failed", caption="Our paraphrase.")

# %%
claim_table = article.claims_for(claims, PARAS)
present.table(article.without_sources(claim_table), title=article_words.claims_finding(claim_table, PARAS),
              caption="Claims of P5–P6 with our verdict and its reason.", sources=claim_table, key="claims",
              collapsed=f"Show the {len(claim_table)} claims with our verdicts")

# %% [markdown]
# ## From 35 to 57 participating states
#
# The CSCE began with the signatories of the Helsinki Final Act; the steps of the early 1990s are states admitted
# as Europe's map changed. The step line runs to the report's date.

# %%
steps, overlap, counts = euroatlantic.osce_overlap(memberships, states, P.as_of)
growth_title, overlap_title = euroatlantic_words.osce_titles(steps, overlap, counts, P.as_of)
present.chart(euroatlantic_charts.membership_steps(steps, as_of=P.as_of, title=growth_title,
                                                   description="Step line of the "
              "number of OSCE participating states over time."), sources=membership.sources(memberships, ["OSCE"]),
              caption="Participating states (including a suspended one) on each date the count changed.", key="growth")

# %% [markdown]
# ## Who sits at the same table (C11)
#
# On the report's date, which OSCE states also belong to NATO or to the CSTO? This is the overlap that made the
# OSCE the one body where both sides met.

# %%
present.chart(euroatlantic_charts.overlap_bars(counts, title=overlap_title,
                                               description="Bars counting OSCE states by their "
              "membership of NATO and the CSTO."), sources=membership.sources(memberships, ["OSCE", "NATO", "CSTO"]),
              caption="Formal membership on the chosen date; a state outside the OSCE would appear as 'not in OSCE'. "
                      + geo_words.overlap_link(memberships, states, P.as_of), key="overlap")

# %% [markdown]
# ### The overlap on the map
#
# Each country is shaded by which of NATO, the CSTO, the SCO and the OSCE it belonged to on the report's date, so
# the OSCE's reach from Vancouver to Vladivostok, and the blocs inside it, show at a glance. The boundaries are
# Natural Earth's 1:110m countries, which draw who controls a territory; the projection is azimuthal equal-area, so
# areas compare truthfully. A state that no longer exists is drawn through its successors' territory.

# %%
present.chart(maps.membership_map(memberships, P.as_of, atlas=atlas, region="osce",
                                 title=geo_words.overlap_headline(memberships, P.as_of)),
              caption=geo_words.map_caption(memberships, "OSCE", P.as_of, atlas=atlas), key="overlap-map",
              sources=membership.sources(memberships, ["OSCE", "NATO", "CSTO", "SCO"]) + list(geo.SOURCES))

# %% [markdown]
# The same overlap state by state, so a reader can find a country.

# %%
present.table(overlap, title=f"OSCE, NATO and CSTO membership of each state on {wording.day(P.as_of)}",
              caption="Yes = formal member (or participating state) on that date.", key="overlap-table",
              sources=membership.sources(memberships, ["OSCE"]), collapsed=f"Show all {len(overlap)} states one by one")

# %% [markdown]
# ## The documents on indivisible security
#
# The proposal of 2024 claims "equal and indivisible security" for Eurasia (P1, P14). The OSCE's own documents
# used that language long before. First the documents the data holds, then how each states the principle.

# %%
docs = euroatlantic.category_rows(events, event_paragraphs, "osce_document")
present.table(docs[["date", "title", "description", "paragraphs"]], title=euroatlantic_words.documents_finding(docs),
              sources=docs,
              caption="The OSCE documents among the dated events, with the article paragraphs they bear on.",
              key="documents")

# %% [markdown]
# The coding below says whether each OSCE document states indivisible security explicitly, implicitly, or was not
# coded, with the locating words. An explicit statement predates the 2024 proposal by decades. The Charter of Paris
# (1990) is coded from its opening section only: the copy cited is abridged and the full text on the OSCE's site was
# not read, so "implicit" records what that section says (equal security for all), not that the Charter lacks an
# explicit statement; the Helsinki Final Act (1975) was not read in full for this principle either. For that
# reason the title dates no earliest statement: a year drawn from the parts read would only date what was read.
# The texts coded explicit were not all read in full either: the Astana Declaration (2010) is coded from its first
# three paragraphs. So the title gives no share: it names how each document is coded, year by year, since a
# count that began at the first explicit document would be chosen by its outcome.

# %%
indivisible = euroatlantic.principle_in_documents(documents, coding, "indivisible", org="OSCE")
present.table(article.without_sources(indivisible), title=euroatlantic_words.indivisible_finding(indivisible),
              key="indivisible",
              caption=euroatlantic_words.indivisible_note(indivisible) + " Presence of the principle as we coded "
              "it in the documents; phrases are quoted from the documents (at most 15 words).", sources=indivisible)

# %% [markdown]
# ## "Politicised since the early 2000s" — the article's reading (C12, C13)
#
# The article presents this as a judgement, and so do we: no table can score it. What data can do is lay out the
# dated events it links to P5 and P6 — summits, documents, enlargements, speeches — so a reader can weigh the
# reading against the record. The timeline runs to the end of the data, whatever the report's date.

# %%
linked = euroatlantic.paragraph_events(events, event_paragraphs, PARAS)
present.chart(euroatlantic_charts.event_timeline(linked, annotate=docs["event_id"],
                                                 title=euroatlantic_words.paragraph_events_finding(
    linked, PARAS, since=2000), description="Dots on a time axis, one lane per event category; the OSCE documents "
    "are labelled."), caption="Events the data links to P5 or P6; hover or tap a dot for its title. Every event "
    "is named in the folded table under the chart. They show what happened, not whether the OSCE was politicised.",
    sources=linked, key="p5-p6-events")

# %%
present.table(linked[["date", "category", "title", "description", "paragraphs"]], sources=linked,
              title="The record behind P5–P6, in date order", caption="Same events as the chart above.",
              key="p5-p6-table", collapsed=f"Show all {len(linked)} events one by one")

# %% [markdown]
# Three findings of this notebook, placed at the top of the report.

# %%
present.glance(euroatlantic_words.osce_glance(
    steps, overlap, counts, indivisible, P.as_of, euroatlantic.inactive_ties(memberships, overlap, P.as_of),
    declared=euroatlantic.inactive_ties(memberships, overlap, P.as_of, statuses=("frozen",))))

# %% [markdown]
# ## Takeaways
#
# - The OSCE is the inclusive body the article describes: NATO members, CSTO members and states in neither sit in
#   it together (C11, supported).
# - Its documents name indivisible security explicitly in 1999 and 2010, and the opening of the 1990 Charter of
#   Paris promised equal security for all, so the principle the 2024 proposal invokes is not new; what the article
#   disputes is whether it was honoured. When the OSCE first stated it is left open: the full texts of the 1975
#   Final Act and the 1990 Charter were not read, and the coding dates no first statement.
# - "Politicised in favour of Western states" and "NATO enlargement as a threat" are the article's readings. The
#   events above can inform a reader's own judgement; they do not settle it.
# - Notebook 04 follows the other strands of the crisis: arms control, interventions and the war.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
