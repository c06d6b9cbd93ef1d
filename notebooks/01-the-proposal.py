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
# # The proposal: a Eurasian security framework
#
# The article opens (P1–P3) with two dated moves: Vladimir Putin's address to the Federal Assembly on
# 29 February 2024 and Sergei Lavrov's visit to Beijing in April 2024. This notebook asks whether those moves are
# recorded as the article says, and where they sit on the longer timeline of Russia–China security ties — so a
# reader can judge how new the "new framework" is.

# %% tags=["parameters"]
start = "1996-01-01"
end = "2025-12-31"

# %% [markdown]
# Both dates of this report lie within what the data covers, and the window ends after it starts: the collection
# builds no report for dates that do not.

# %%
from helpers import load, params, present, wording
from helpers.charts import euroatlantic as euroatlantic_charts
from helpers.tables import article, article_words, euroatlantic, euroatlantic_words

P = params.validated("01", start=start, end=end)
PARAS = article.notebook_paragraphs("01")

# %% [markdown]
# ## Data
#
# Everything below comes from the project's sourced tables: our paraphrase of each paragraph, the claims we
# extracted from them with our verdicts, and dated events with the actors and article paragraphs they relate to.
# The paragraphs this notebook covers come from the collection's section map.

# %%
paragraphs, claims, events, event_paragraphs, event_actors = map(load.table, [
    "paragraphs", "claims", "events", "event_paragraphs", "event_actors"])

# %% [markdown]
# ## What P1–P3 say
#
# Our own paraphrase of the three paragraphs, so the rest of the notebook can be read without the Arabic text.

# %%
digest = article.paragraph_digest(paragraphs, PARAS)
present.table(article.without_sources(digest), title="P1–P3: a call, a visit, and the reason given for both",
              caption="Our paraphrase of the article's opening paragraphs.", sources=digest, key="paraphrase")

# %% [markdown]
# Then the claims the paragraphs make. Factual ones can be checked against dated records; interpretive and
# predictive ones cannot be settled by data, and we say so rather than score them.

# %%
claim_table = article.claims_for(claims, PARAS)
present.table(article.without_sources(claim_table), title=article_words.claims_finding(claim_table, PARAS),
              caption="Claims of P1–P3 with our verdict and its one-line reason.", sources=claim_table, key="claims")

# %% [markdown]
# ## The two moves of 2024 (P1–P2)
#
# These are the events the data links to P1–P3: the address and the visit the article builds on, and any later
# step the data ties to the same paragraphs. Their dates and sources are what the factual claims above rest on.

# %%
cited = euroatlantic.paragraph_events(events, event_paragraphs, PARAS)
present.table(cited[["date", "title", "description", "paragraphs"]], key="cited-events", sources=cited,
              title=euroatlantic_words.paragraph_events_finding(cited, PARAS),
              caption="Events the data links to P1–P3, with the paragraphs that mention them.")

# %% [markdown]
# ## On the longer timeline
#
# The proposal did not come from nowhere. The timeline below holds the Russia–China and Eurasian security track
# (the 2001 treaty, joint statements, summits, the SCO) in the report's window, with the events the article
# mentions labelled. It shows how much of the relationship predates 2024 and what followed. An empty window still
# cites the article's own events, so the figure never stands without a source.

# %%
track = euroatlantic.russia_china_timeline(events, event_actors, event_paragraphs, P.start, P.end, cited)
chart_title, table_title = euroatlantic_words.track_titles(track, cited["event_id"], P.start, P.end)
zoom_from = f"{cited['date'].min().year - 2}-01-01"  # the enlarged panel starts two years before the first cited step
present.chart(euroatlantic_charts.zoomed_timeline(track, annotate=cited["event_id"], title=chart_title,
                                                  zoom_from=zoom_from, description="Recent events "
              "one per row, each labelled, the article's in bold; below, the whole period as dots in one lane per "
              "category."), key="timeline",
              caption=f"Russia–China and Eurasian security events from {wording.day(P.start)} to {wording.day(P.end)}. "
              "Hover over or tap a dot for its description and source.", sources=track if len(track) else cited)

# %% [markdown]
# The same events as a table, for readers who prefer to scan dates.

# %%
present.table(track[["date", "category", "title", "description", "paragraphs"]], title=table_title,
              caption="Every event on the chart above; the paragraphs column shows where the article refers to it.",
              sources=track if len(track) else cited, key="timeline-table")

# %% [markdown]
# ## After the visit: has it taken shape? (C05)
#
# P2 forecasts that the idea "may take concrete shape". Data cannot settle a forecast, but it can list what
# was recorded after Lavrov's visit, inside the chosen window.

# %%
later = euroatlantic.after_visit(track, events)
present.table(later[["date", "category", "title", "description"]],
              title=euroatlantic_words.after_visit_title(later, events, P.end), key="after-visit",
              caption="Events dated after the visit; an empty table means none in the window.",
              sources=later if len(later) else cited)

# %% [markdown]
# What the timeline and the tables say, in three sentences placed at the top of the report.

# %%
present.glance(euroatlantic_words.proposal_glance(cited, track, later, P.start, P.end))

# %% [markdown]
# ## Takeaways
#
# - The two facts that open the article — the February 2024 address and the April 2024 agreement in Beijing to
#   start a dialogue — are recorded with dates and sources; the claims built on them are readings.
# - On the timeline, the proposal is one step in a relationship that already had a 2001 treaty, joint
#   statements and the SCO. Even the Eurasia-wide aim predates the address: the first Minsk conference on Eurasian
#   security met in October 2023, and Lavrov dated the practical work to it on 13 March 2024. What 2024 adds is
#   the head of state's call and the agreement with Beijing.
# - Whether it "takes concrete shape" (P2) remains a forecast: the table above lists what followed, not a verdict.
# - Why the article says Euro-Atlantic security failed (P3) is the subject of notebooks 02–04.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
