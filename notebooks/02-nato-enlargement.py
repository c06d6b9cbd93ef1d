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
# # NATO: integration and enlargement
#
# P4 gives the article's first reason for a new framework: the Euro-Atlantic project is built around a military
# bloc that outlived the Cold War, took in former Warsaw Pact members and is called "the largest and most stable
# bloc in history". This report follows NATO's membership over time and asks what the membership data can — and
# cannot — say about "largest" and "most stable".

# %% tags=["parameters"]
as_of = "2024-04-30"

# %% [markdown]
# The set-up below also checks the report's date against the span the data covers; a date outside it stops here
# with a message that names it.

# %%
from helpers import load, membership, params, present, wording
from helpers.charts import euroatlantic as charts
from helpers.charts import maps
from helpers.tables import article, enlargement, enlargement_words, geo, geo_words
from helpers.tables import euroatlantic as tables
from helpers.tables import euroatlantic_words as words

P = params.validated("02", as_of=as_of)
PARAS = article.notebook_paragraphs("02")

# %% [markdown]
# ## Data
#
# Membership spells (who was in which organisation from when to when), the organisations with their founding and
# dissolution dates, the states, which state followed which historic state (the USSR, Czechoslovakia, Yugoslavia),
# declared neutrality or non-alignment, and the article tables.

# %%
memberships, organisations, states = load.memberships(), load.organisations(), load.states()
lineage, policies, paragraphs, claims = load.state_lineage(), load.state_policies(), load.paragraphs(), load.claims()
nato_sources = membership.sources(memberships, ["NATO"])

# %% [markdown]
# The findings for the report's date, shown at the top of the report.

# %%
present.glance(enlargement_words.glance_findings(memberships, organisations, states, lineage, policies, P.as_of),
               summary=enlargement_words.summary_line(memberships, P.as_of))

# %% [markdown]
# ## What P4 says
#
# Our paraphrase of the paragraph, then its claims with our verdicts: one fact (NATO took in former Warsaw Pact
# members) and two characterisations.

# %%
digest = article.paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P4: NATO outlived the Cold War and grew",
              caption="Our paraphrase of the paragraph.", sources=digest, key="paraphrase")

# %%
claim_table = article.claims_for(claims, PARAS)
present.table(claim_table[tables.CLAIM_COLUMNS[1:]], title=words.claims_headline(claim_table, PARAS),
              caption="Claims of P4 with our verdict and its reason.", sources=claim_table, key="claims")

# %% [markdown]
# ## Growth in waves
#
# The step line counts NATO's formal members from its founding to the report's date (dashed rule). Flat stretches
# are decades without change; each step is an accession.

# %%
steps = tables.membership_steps(memberships, ["NATO"], through=P.as_of)
present.chart(charts.membership_steps(steps, as_of=P.as_of, title=enlargement_words.growth_headline(steps, P.as_of),
                                      description="Step line of NATO's formal member count over time."),
              caption="Formal members (member or suspended) of NATO on each date the count changed.",
              sources=nato_sources, key="steps")

# %% [markdown]
# ## NATO on the map, year by year
#
# Move the slider, or focus it and use the arrow keys, to see NATO's members in any year: the map, the count and
# the list of names move together. It starts at this report's date, which is also what downloads and print show.
# Boundaries are Natural Earth's 1:110m countries of today, so West Germany is drawn as today's Germany.

# %%
present.chart(maps.membership_explorer(memberships, "NATO", P.as_of),
              caption=geo_words.map_caption(memberships, "NATO", P.as_of),
              sources=nato_sources + list(geo.SOURCES), key="nato-map")

# %% [markdown]
# ## Who joined, and from where
#
# Each dot is a state at its first entry, coloured by its background, derived from the data: founding members,
# states that joined while the Warsaw Pact still existed, states that had been Warsaw Pact members themselves or
# through the state they followed (Czechoslovakia for Czechia and Slovakia), states that came out of the USSR or
# Yugoslavia, and states whose neutrality or military non-alignment ended when they joined. A member the data
# cannot place keeps the label "background not in data" rather than a guess.

# %%
members = enlargement.nato_members(memberships, organisations, states, lineage, policies, P.as_of)
present.chart(charts.accession_timeline(members, title=enlargement_words.background_headline(members, P.as_of),
                                        description="One dot per member state at the date it first joined NATO."),
              caption="Members on the report's date, ordered by first entry; backgrounds come from the Warsaw "
                      "Pact's membership and dissolution, the succession of states and declared non-alignment.",
              sources=members, key="accessions")

# %% [markdown]
# The members on the report's date as a table — the list a reader can check against NATO's own page.

# %%
present.table(members[["name", "iso3", "status", "joined", "background"]],
              title=f"NATO had {len(members)} members on {wording.day(P.as_of)}", key="members", sources=members,
              caption="Formal members on the report's date, by date of first entry.",
              collapsed=f"Show all {len(members)} members one by one")

# %% [markdown]
# ## "The largest and most stable bloc in history"? The cases, chosen by a rule
#
# A comparison proves little if the blocs in it are hand-picked, so the cases are fixed by a rule stated before
# any result is computed. **The rule:** every written pact with a mutual defence obligation — a promise of
# military aid if a party is attacked, the "defence" obligation of the Alliance Treaty Obligations and Provisions
# project (ATOP; Leeds, Ritter, Mitchell and Long 2002, *International Interactions* 28) — signed since 1945, with
# at least three states at signature and at least one permanent member of the UN Security Council (UN Charter,
# Article 23) among them. The last condition keeps the comparison to great-power blocs, the class NATO belongs
# to; without it the rule would also admit regional pacts of smaller states that the data does not hold.
#
# The rule is tested on every organisation in the data, not only on the ones it admits. Pacts that bind only to
# consultation or cooperation fail it (the Baghdad Pact's Article 1, the SCO, the OSCE), and so does a
# programme such as the Partnership for Peace. Where a pact's membership spells are not in the data, the
# membership tests cannot be run on the data and the table says so; its organisation row and sources name the
# founding states.

# %%
cases = enlargement.defence_pact_cases(organisations, memberships, P.as_of)
present.table(cases[["name", "founded", "admitted", "founders", "reason"]].rename(columns={"founded": "signed"}),
              title=f"The rule admits {int(cases['admitted'].sum())} defence pacts signed by {wording.day(P.as_of)}",
              caption="Every organisation in the data against the case rule; founders = states with a formal spell "
                      "from the day of signature (empty when the spells are not in the data).",
              sources=organisations[organisations["org_id"].isin(cases["org_id"])], key="cases",
              collapsed=f"Show all {len(cases)} organisations against the rule")

# %% [markdown]
# ## Lifetimes and withdrawals per member-year
#
# "Stable" is measured two ways. The **lifetime** runs from signature to dissolution or to the report's date, so
# a pact still in force is not penalised for being young. **Withdrawals per 100 member-years** divide the states
# that left a pact which itself continued by the time its members spent in it: a raw count would favour small or
# short-lived pacts, which have fewer member-years in which anyone could leave (the exposure logic of event-rate
# studies). A state that ceased to exist (the GDR in 1990) is counted apart, not as a withdrawal.

# %%
record = enlargement.pact_exposure(memberships, organisations, cases.loc[cases["admitted"], "org_id"], P.as_of,
                             historic=states.loc[states["historic"], "iso3"])
table_title, chart_title = enlargement_words.pact_headlines(record, P.as_of)
present.table(record.drop(columns=["org_id", "source_id"]).rename(columns={"founded": "signed"}), title=table_title,
              key="blocs",
              caption="Lifetime from signature; member-years and withdrawals from formal membership spells "
                      "(empty where the spells are not in the data).",
              sources=enlargement.pact_sources(record, memberships))

# %% [markdown]
# The same record as bars from signature to the end of each pact (or the report's date).

# %%
present.chart(charts.pact_lifespans(record, as_of=P.as_of, title=chart_title,
                                    description="Bars from each pact's signature to its end or the report's date."),
              caption="Hover a bar for dates, member-years and withdrawals.", sources=record, key="lifespans")

# %% [markdown]
# **What this can and cannot show.** With the default date and the cases fixed by the rule, NATO is not the
# longest-lived pact: the Rio Treaty of 1947 is older and still in force. Among the pacts whose membership spells
# the data holds, NATO has had no withdrawal in 75 years, as has ANZUS, while the Warsaw Pact and the CSTO lost
# members; the rate per member-year is what makes these comparable. The Rio Treaty, the Brussels Treaty (WEU)
# and SEATO lack spells, so their withdrawal rates are not computed. "Largest" in military power is for
# notebook 05, and cohesion beyond membership is not a membership fact. The claim stays an interpretation (C09).
#
# ## Takeaways
#
# - NATO outlived the Cold War and grew in waves; former Warsaw Pact states are among its members (C08, supported).
# - Cases chosen by a stated rule change the "longest" answer: the Rio Treaty is older than NATO and still in force.
# - On withdrawals per member-year NATO shares the best record (none) with ANZUS; the CSTO lost the most.
# - Every member's background comes from sourced tables: Warsaw Pact membership, succession to Czechoslovakia,
#   the USSR or Yugoslavia, and the end of Finland's and Sweden's non-alignment; a member the data could not place
#   would be shown as "background not in data".
# - Notebook 03 turns to the inclusive alternative the article sets against NATO: the OSCE.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
