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

# %% [markdown]
# The set-up below checks the report's date; a date outside the data's span stops here with a message naming it.

# %%
from helpers import glance, labels, load, params, present
from helpers.charts import eurasia as charts
from helpers.tables import eurasia as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("06", as_of=as_of)
PARAS = ["P11", "P12", "P13", "P14"]

# %% [markdown]
# ## Data
#
# The principles (with the paragraph that states each), the documents (with their dates), and our reading of
# each principle in each document: `explicit` (named), `implicit` (the idea without the name), or absent. Where
# we could not read the relevant part of a document, there is no row: the grid shows `not coded`, never a guess.

# %%
principles = load.principles()
documents = load.documents()
principle_documents = load.principle_documents()
paragraphs = load.paragraphs()
claims = load.claims()

# %% [markdown]
# ## What P11–P14 say
#
# Our paraphrase of the four paragraphs, then their claims. Most are normative: proposals the data can place in
# context but not prove.

# %%
digest = paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P11–P14: four principles for a Eurasian framework",
              caption="Our paraphrase of each paragraph.", sources=digest,
              key="paraphrase")

# %%
claim_table = claims_for(claims, PARAS)
present.table(claim_table.drop(columns=["source_id"]),
              title=f"P11–P14 make {len(claim_table)} claims, "
                    f"{int((claim_table['claim_type'] == 'normative').sum())} of them normative",
              caption="Claims with our verdict and the notebook that holds the evidence.",
              sources=claim_table, key="claims")

# %% [markdown]
# ## The principles
#
# Each principle with the paragraph where the article states it. "Not directed against third parties" is added
# from P18, where the article warns that an anti-American design would keep multi-vector states away.

# %%
present.table(principles[["label", "label_ar", "paragraph", "description"]],
              title=f"{len(principles)} principles, from P11 to P18",
              caption="Labels are ours; the Arabic labels follow the article's terms.",
              sources=digest, key="principles")

# %% [markdown]
# ## Principle × document
#
# Every document adopted on or before the report's date, in date order, against every principle. Darker = stated more
# directly. Hover a cell for the article or paragraph and the phrase we read.

# %%
matrix = tables.principle_matrix(principle_documents, documents, principles, P.as_of)
grid = tables.principle_grid(matrix, principles, documents, P.as_of)
n_docs = grid["document"].nunique()
indiv = grid[(grid["principle"] == "Indivisible security") & grid["presence"].isin(["explicit", "implicit"])]
present.chart(
    charts.principle_grid_chart(
        grid, title=f"By {labels.day(P.as_of)}, indivisible security appears in {indiv['document'].nunique()} of {n_docs} "
                    "documents read",
        description="Heat-map grid: principles as rows, documents in date order as columns, shade = presence."),
    caption="'not coded' = we did not read the part of the document that would settle it.",
    sources=matrix["source_id"], measure=documents["source_id"], key="grid")

# %% [markdown]
# The same reading, counted per principle.

# %%
summary = tables.principle_summary(grid)
n_found = int((summary[["explicit", "implicit"]].sum(axis=1) > 0).sum())
present.table(summary, title=f"{n_found} of {len(summary)} principles appear in at least one document by {labels.day(P.as_of)}",
              caption="Documents adopted on or before the chosen date; counts of our readings.",
              sources=matrix, key="summary")

# %% [markdown]
# ## The evidence, phrase by phrase
#
# Each coded pair with the locator and a short phrase quoted from the document (at most fifteen words; the Putin
# address is quoted in the original Russian as reported). Rows without a phrase rest on a report of the document,
# named in the locator.

# %%
present.table(matrix.drop(columns=["org_id"]),
              title=f"{len(matrix)} readings of {matrix['document'].nunique()} documents up to {labels.day(P.as_of)}",
              caption="Presence, where in the document, and the phrase read.",
              sources=matrix, key="evidence")

# %% [markdown]
# ## Documents
#
# The documents in the grid with their dates and the organisation they belong to (empty for bilateral statements
# and speeches).

# %%
docs_shown = documents[documents["date"] <= str(P.as_of)].sort_values("date").reset_index(drop=True)
present.table(docs_shown[["title", "date", "org_id", "kind", "source_id"]],
              title=(f"{len(docs_shown)} documents from {docs_shown['date'].min().year} to "
                     f"{docs_shown['date'].max().year}" if len(docs_shown) else f"No document adopted by {labels.day(P.as_of)}"),
              caption="Dates of signature or adoption.", sources=docs_shown,
              key="documents")

# %% [markdown]
# Two findings of this notebook, placed at the top of the report.

# %%
present.glance(glance.principles(summary, grid, P.as_of))

# %% [markdown]
# ## Takeaways
#
# With the default date (end of 2024):
#
# - Indivisible security (P14) is an OSCE formula — Istanbul 1999 and Astana 2010 state it — that the 2022
#   Russia–China statement and Putin's 2024 address carry over to Eurasia: the article asks to realise an old
#   Euro-Atlantic principle, not to invent one.
# - "Not directed against third parties" is claimed for the SCO (2002) and for Russia–China relations (2022,
#   2024) — the very point P18 doubts for a structure built against Washington.
# - Multidimensional security (P13) has precedents in the OSCE's comprehensive concept and in the SCO's fight
#   against terrorism, separatism and extremism; "hybrid threats" themselves are not named in the texts read.
# - Multipolarity — the closest documented idea to "many actors, no hegemon" (P11) — runs through the SCO Charter,
#   the 2022 statement and the SCO's 2024 declaration.
# - Many cells stay "not coded": absence from our reading is not absence from the document.
# - Notebook 07 asks what kind of structure could carry these principles: framework or alliance (P15–P16).

# %% [markdown]
# ## Sources

# %%
present.sources_section()
