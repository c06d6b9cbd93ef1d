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
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The article at a glance
#
# This notebook sets out what the article is, where its text comes from and what each of its nineteen paragraphs
# (P1–P19) says, summarised in our own words. It then maps which organisations, states and themes each paragraph
# touches, and shows which later notebook takes up which paragraphs. The question here is simple: what exactly
# are we studying?

# %% tags=["parameters"]
highlight = "NATO"

# %%
from helpers import load, params, present
from helpers.charts import article as article_charts
from helpers.tables import article, article_words

P = params.validated("00", highlight=highlight)

# %% [markdown]
# ## Data
#
# Every table below comes from `data/`, and every row cites a source. The article tables hold the three sections,
# the nineteen paragraphs with our paraphrase, the tags (organisations, states as ISO 3166 alpha-3 codes, themes),
# the article's claims, a glossary and the article's lineage. The article itself is cited as one source; we never
# reproduce its text.

# %%
sections, paragraphs, tags, themes, lineage, claims, glossary, states = map(load.table, [
    "sections", "paragraphs", "paragraph_tags", "themes", "lineage", "claims", "glossary", "states"])

# %% [markdown]
# ## What the article is
#
# The article is titled <span lang="ar" dir="rtl">تحييد الناتو: إطار أمني روسي صيني قيد المناقشة</span>
# ("Neutralizing NATO: a Russian–Chinese security framework under discussion"). It appeared unsigned on the Arabic
# news site alahalygate.com; the address we cite, alahalygate.com/archives/187842, is built from the archive
# number in the project's article map, and we did not open the live page.
# We date it to April 2024 but could not confirm the day: its "this month" (P2) only shows that its source was
# written in April 2024.
#
# The text did not start in Arabic. The table traces it back to an essay by Ivan Timofeev on the Valdai Discussion
# Club site, which the Russian International Affairs Council (RIAC) republished under the same title, and to RT's
# English reworking of that essay, which is the version the Arabic translates. The title follows the path from the
# original to the translation: the step right before the translation is the version it follows, and any other
# republication is a side branch. Each step carries a confidence level and the evidence behind it; RIAC's page has
# no date we could record, so its place after Valdai rests on its content.

# %%
present.table(article.lineage_table(lineage), title=article_words.lineage_finding(lineage), sources=lineage,
              caption="Each step of the article's lineage, with our confidence in it and the evidence for it. Dates "
              "are shown only as precisely as we could verify them; the pages are linked under Sources.", key="lineage")

# %% [markdown]
# ## Sections and paragraphs
#
# The article has an untitled opening and two sections with headings. The opening (P1–P9) explains why a new
# Eurasian framework is being discussed and what the author thinks went wrong in Euro-Atlantic security. The two
# titled sections (P10–P14, P15–P19) propose principles and ask whether the result would be a framework or an
# alliance.

# %%
overview = article.section_overview(sections, paragraphs)
present.table(overview, title=article_words.sections_finding(sections, paragraphs), sources=sections, key="sections",
              caption="The article's three sections with their Arabic headings and our English titles.")

# %% [markdown]
# Here is each paragraph in a few sentences of our own. These are paraphrases, not translations. P19 is flagged:
# it names Valdai in the third person and reads like an addition by the Arabic editor (see the lineage above).

# %%
present.table(article.paragraph_overview(paragraphs, sections), key="paragraphs", sources=paragraphs,
              title=f"{article.span_label(*paragraphs['paragraph'].iloc[[0, -1]])} in our own words",
              caption="Paragraph numbers are the project's shared reference, used in every notebook; section "
              "titles are in the table above.")

# %% [markdown]
# ## The article's structure
#
# The matrix shows which organisations, states and themes each paragraph names or discusses. Columns shaded in
# the highlighted organisation's colour are the paragraphs that name it. Rebuild the report with another
# organisation highlighted (the SCO or the OSCE, for instance) to follow it instead. Hover over or tap a dot to
# see its paragraph, section and tag.

# %%
tagged = article.tag_long(tags, paragraphs, themes, highlight=P.highlight, states=states)
matrix = article_charts.structure_matrix(tagged, highlight=P.highlight,
                                 title=article_words.structure_finding(tags, paragraphs, P.highlight),
                                 description=article_words.structure_description(P.highlight, paragraphs))
present.chart(matrix, sources=paragraphs, key="structure", caption="Tags are ours, assigned by reading each "
              "paragraph. Circles are organisations, squares are states, diamonds are themes.")

# %% [markdown]
# ## Key terms
#
# The later notebooks keep these English renderings of the article's Arabic terms. The notes mark the places where
# the Arabic wording follows RT's English rather than the Valdai original.
#
# Quotation marks follow one rule across the collection: «…» hold the article's own Arabic words, with the
# paragraph's number; “…” hold the words of any other text (a speech, a treaty, RT's English), in our translation
# where the page is not in their language.

# %%
present.table(article.glossary_table(glossary, paragraphs), sources=glossary, key="glossary",
              title="The article's key terms in Arabic and English, in order of first use", caption="Arabic terms "
              "as they appear in the article and the English rendering used across the collection.",
              collapsed=f"Show all {len(glossary)} terms")

# %% [markdown]
# ## Claims at a glance
#
# We split the article into single claims and give each one a type. Only factual claims can get a verdict from
# evidence. Interpretive, normative and predictive claims are marked as interpretation: the data can inform them but
# cannot settle them. Every claim and its evidence are listed in notebook 09.

# %%
present.table(article.claim_profile(claims), title=article_words.claims_finding(claims), sources=claims, key="claims",
              caption="Number of claims by type and provisional verdict; notebook 09 gives each verdict's evidence.")

# %%
present.findings(article_words.voices_detail(claims, paragraphs))

# %% [markdown]
# ## How to read the rest of the collection
#
# Each later notebook takes up a run of paragraphs, in the article's order. This table is generated from the
# collection's section map, so it always matches the reports.

# %%
guide = article.collection_guide(params.notebooks())
present.table(guide, title=f"{len(guide)} notebooks, each taking up a run of the article's paragraphs",
              sources=paragraphs, key="collection", caption="Notebook id, title, the paragraphs it covers and a "
              "one-line summary, from notebooks/collection.toml.")

# %% [markdown]
# The findings above in one box, placed at the top of the report, with whose words the claims are.

# %%
present.glance(article_words.glance_findings(paragraphs, sections, claims, lineage))

# %% [markdown]
# ## Takeaways
#
# - The Arabic article is a translation of RT's English version of Ivan Timofeev's Valdai Club essay (April 2024),
#   published without attribution. The wording follows RT, not Valdai.
# - Its last paragraph, P19, is most likely the Arabic editor's own: it adds the prediction that the framework would
#   "neutralise" NATO, echoing RT's title. P15–P18 are more cautious. No English could be read there, so its
#   claims are counted apart, as not compared; the sentences the Arabic changed where RT's page could be read (P2's
#   causal "consequence", P3's and P5's slips) are counted as the translator's or editor's, not the author's.
#   P11's argument, which the Arabic gives to Putin, reads as the author's in RIAC's summary of the essay, but RT's
#   own paragraph, the one translated, could not be read, so who made that change, if anyone, is unverifiable; the
#   address's own text shows Putin did not make that argument there. Notebook 09 sets the Arabic beside RT's
#   English and Valdai's text paragraph by paragraph.
# - The article spends nine paragraphs on what failed in Euro-Atlantic security (NATO, the OSCE, arms control) and
#   ten on the principles and form of a Eurasian framework. Of the organisations that exist, NATO is the one it
#   names most often.
# - Its factual claims (Putin's February 2024 call, Lavrov's April 2024 visit to Beijing, NATO's enlargement) are
#   supported by the sources cited. Most of the article is argument and forecast, and the later notebooks test it
#   against the data.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
