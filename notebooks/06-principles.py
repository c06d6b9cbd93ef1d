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
# # Principles of the new framework
#
# P11–P14 name the principles a Eurasian framework should rest on: many actors and no single hegemon (P11),
# shared responsibility open to other interested states (P12), multidimensional security including "hybrid
# threats" (P13), and indivisible security (P14). This notebook asks where each principle already appears in
# existing documents — OSCE, CSTO and SCO texts and the Russia–China statements — up to the report's date.

# %% tags=["parameters"]
as_of = "2024-12-31"

# %% [markdown] tags=["remove-cell"]
# The report's date lies within the span the data covers: the collection builds no report for a date outside it.

# %%
from helpers import load, params, present
from helpers.charts import principles as principles_charts
from helpers.tables import article, article_words, principles, principles_words

P = params.validated("06", as_of=as_of)
PARAS = article.notebook_paragraphs("06")

# %% [markdown]
# ## Data
#
# The principles (with the paragraph that states each), the documents (with their dates), and our reading of
# each principle in each document: explicit (named), implicit (the idea without the name), or absent. Where
# we could not read the relevant part of a document, there is no row: the grid shows "not coded", never a guess,
# and a cell not coded is not an absence. An explicit reading with a phrase quoted from the text is counted apart
# from one that rests on a news report of the text (no phrase): the headline counts only the quoted ones.
# One rule decides "explicit" in every cell: the document states the idea as a principle, aim or commitment of its
# own parties or organisation. A word that describes the world around them is implicit: "multipolarity" describes
# the world order, not a framework resting on many actors, so it is read as implicit wherever it appears.
# The article's date is the earliest day a version of it is known to be published (the lineage table): documents
# adopted after it are read too but are not counted as its precedents.
# The paragraphs this notebook covers come from the collection's section map.

# %%
principle_rows, documents, principle_documents, paragraphs, claims, lineage = map(load.table, [
    "principles", "documents", "principle_documents", "paragraphs", "claims", "lineage"])
article_day = principles.article_day(lineage)

# %% [markdown]
# ## What P11–P14 say
#
# Our paraphrase of the four paragraphs, then their claims. Most are normative: proposals the data can place in
# context but not prove.

# %%
digest = article.paragraph_digest(paragraphs, PARAS)
present.table(article.without_sources(digest), title="P11–P14: four principles for a Eurasian framework",
              key="paraphrase", caption="Our paraphrase of each paragraph.", sources=digest)

# %%
claim_table = article.claims_for(claims, PARAS)
present.table(article.without_sources(claim_table), title=article_words.claims_finding(claim_table, PARAS),
              caption="Claims with our verdict and the notebook that holds the evidence.", sources=claim_table,
              key="claims")

# %% [markdown]
# ## The principles
#
# Each principle with the paragraph where the article states it. "Not directed against third parties" is added
# from P18, where the article warns that an anti-American design would keep multi-vector states away.

# %%
present.table(principle_rows[["label", "label_ar", "paragraph", "description"]], sources=digest, key="principles",
              title=principles_words.principles_title(principle_rows),
              caption="Labels are ours; the Arabic labels follow the "
              "article's terms.")

# %% [markdown]
# ## Principle × document
#
# Every document adopted on or before the report's date, in date order, against every principle. Darker = stated
# more directly. Hover or tap a cell for the article or paragraph and the phrase we read.

# %%
matrix = principles.principle_matrix(principle_documents, documents, principle_rows, P.as_of)
grid = principles.principle_grid(matrix, principle_rows, documents, P.as_of)
present.chart(principles_charts.principle_grid_chart(grid, title=principles_words.grid_finding(grid, P.as_of),
                                                     description="Grid: "
              "documents in date order as rows, principles as columns; darker = stated more directly, hatched = not "
              "coded."), key="grid",
              caption="'not coded' = we did not read the part of the document that would settle it.",
              sources=matrix, measure=documents)

# %% [markdown]
# The same reading, counted per principle.

# %%
summary = principles.principle_summary(grid)
present.table(summary, title=principles_words.summary_title(summary, P.as_of), sources=matrix, key="summary",
              caption=principles_words.summary_note(summary, grid) + " Documents adopted on or before the chosen "
                      "date; counts of our readings. 'From a report' = explicit on a news report of the text, with "
                      "no phrase quoted; 'not coded' = not read, not absent.")

# %% [markdown]
# Which principle is stated most often depends on which documents are read. These twelve were chosen while
# reading the article, not drawn by a stated rule from a published list (such as every OSCE summit document and
# every founding text of the organisations compared), so the ranking below holds for them only; the first screen
# ranks no principle.

# %%
present.findings([principles_words.most_common(summary, grid)])

# %% [markdown]
# ## The evidence, phrase by phrase
#
# Each coded pair with the locator and a short phrase quoted from the document (at most fifteen words; the Putin
# address is quoted in the original Russian as reported). Rows without a phrase rest on a report of the document,
# named in the locator.

# %%
present.table(matrix.drop(columns=["org_id"]), title=principles_words.readings_title(matrix, P.as_of), sources=matrix,
              caption="Presence, where in the document, and the phrase read.", key="evidence",
              collapsed=f"Show all {len(matrix)} readings")

# %% [markdown]
# ## Documents
#
# The documents in the grid with their dates and the organisation they belong to (empty for bilateral statements
# and speeches).

# %%
docs_shown = principles.documents_by(documents, P.as_of)
present.table(docs_shown, title=principles_words.documents_title(docs_shown, P.as_of),
              caption="Dates of signature or adoption.", sources=docs_shown, key="documents")

# %% [markdown]
# Three findings of this notebook, placed at the top of the report.

# %%
present.glance(principles_words.glance_findings(summary, grid, P.as_of, article_day))

# %% [markdown]
# ## Takeaways
#
# With the default date (end of 2024):
#
# - Indivisible security (P14) is an OSCE formula — stated explicitly at Istanbul (1999) and Astana (2010) among
#   the texts coded; the Charter of Paris was read only in an abridged copy and the Helsinki Final Act was not
#   coded for it, so the OSCE's first statement is not dated here — that the 2022 Russia–China statement and Putin's 2024 address carry over to Eurasia: the article asks
#   to realise an old Euro-Atlantic principle, not to invent one.
# - The OSCE formula has a second half: paragraph 8 of the Istanbul Charter (1999) pairs indivisible security with
#   each state's right to choose or change its security arrangements, including treaties of alliance. P14 takes up
#   the first half and does not mention the second.
# - "Not directed against third parties" is stated in the texts of the Collective Security Treaty (1992, Art. 8)
#   and the SCO Charter (2002, Art. 2), the same articles notebook 07 quotes, and claimed for Russia–China
#   relations (2022, and in May 2024, after the article) on reports of those statements — the very point P18 doubts for a structure built against
#   Washington.
# - Multidimensional security (P13) has precedents in the OSCE's comprehensive concept and in the SCO's fight
#   against terrorism, separatism and extremism; "hybrid threats" themselves are not named in the texts read.
#   Non-interference in internal affairs, which the 2022 statement and the SCO's 2024 declaration stress, is not
#   coded as multidimensional security: it is a different principle.
# - Multipolarity — the closest documented idea to "many actors, no hegemon" (P11) — runs through the SCO Charter,
#   the 2022 statement and the SCO's 2024 declaration, but each time as a description of the world order, so it is
#   read as implicit in all three. Read as explicit in the two that use the word outright, the headline would be
#   four principles of five instead of three. The check runs the other way too: counting multidimensional security
#   as explicit only where a text names hybrid threats or multidimensional security, which none read does, it falls
#   to two. The headline count is two to four of five, depending on the reading.
# - Two documents, the Russia–China statement of May 2024 and the SCO's Astana declaration of July 2024, postdate
#   the article: they show where the ideas went, not what the article could build on.
# - Many cells stay "not coded" and none is coded absent, so the counts measure how far the texts were read as
#   much as how common a principle is; on quoted explicit statements alone, indivisible security leads, but
#   counting implicit readings four principles tie, and the twelve documents are our choice, not a census, so
#   no principle is ranked on the first screen.
# - Notebook 07 asks what kind of structure could carry these principles: framework or alliance (P15–P16).

# %% [markdown]
# ## Sources

# %%
present.sources_section()
