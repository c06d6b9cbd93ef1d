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
# bloc in history". This notebook follows NATO's membership over time and asks what the membership data can —
# and cannot — say about "largest" and "most stable".

# %% tags=["parameters"]
as_of = "2024-04-30"

# %% [markdown]
# The imports also validate `as_of` against the span the data covers; a bad date stops here with a message that
# names it.

# %%
from helpers import load, membership, params, present
from helpers.charts import euroatlantic as charts
from helpers.tables import euroatlantic as tables

P = params.validated("02", as_of=as_of)
PARAS = tables.paragraph_range("P4")
BLOCS = ["NATO", "WARSAW", "CSTO", "SCO"]

# %% [markdown]
# ## Data
#
# Membership spells (who was in which organisation from when to when), the organisations with their founding and
# dissolution dates, the states, which state followed which historic state (the USSR, Czechoslovakia, Yugoslavia),
# declared neutrality or non-alignment, and the article tables.

# %%
memberships = load.memberships()
organisations = load.organisations()
states = load.states()
state_lineage = load.state_lineage()
state_policies = load.state_policies()
paragraphs = load.paragraphs()
claims = load.claims()
org_source = organisations.set_index("org_id")["source_id"]
nato_sources = membership.sources(memberships, ["NATO"])

# %% [markdown]
# ## What P4 says
#
# Our paraphrase of the paragraph, then its claims with our verdicts: one fact (NATO took in former Warsaw Pact
# members) and two characterisations.

# %%
digest = tables.paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P4: NATO outlived the Cold War and grew",
              caption="Our paraphrase of the paragraph.", sources=sorted(set(digest["source_id"])),
              key="paraphrase")

# %%
claim_table = tables.claims_for(claims, PARAS)
present.table(claim_table.drop(columns=["source_id"]),
              title=f"P4 makes {len(claim_table)} claims; {(claim_table['claim_type'] == 'factual').sum()} of them "
                    "factual, the rest characterisations",
              caption="Claims of P4 with our verdict and its reason.",
              sources=sorted(set(claim_table["source_id"])), key="claims")

# %% [markdown]
# ## Growth in waves
#
# The step line counts NATO's formal members from its founding to `as_of` (dashed rule). Flat stretches
# are decades without change; each step is an accession.

# %%
steps = tables.membership_steps(memberships, ["NATO"], through=P.as_of)
if steps.empty:
    raise ValueError(f"as_of={P.as_of}: NATO had no members yet; choose a date on or after "
                     f"{memberships.loc[memberships['org_id'] == 'NATO', 'start'].min().date()}")
first, last = steps["members"].iloc[0], steps["members"].iloc[-1]
rounds = steps["date"].iloc[1:][steps["members"].diff().iloc[1:] > 0].nunique()
present.chart(
    charts.membership_steps(
        steps, as_of=P.as_of,
        title=f"NATO grew from {first} to {last} members by {P.as_of}, in {rounds} rounds of accession",
        description="Step line of NATO's formal member count over time, with a dashed rule at the chosen date."),
    caption="Formal members (member or suspended) of NATO; each point is a date on which the count changed.",
    sources=nato_sources, key="steps")

# %% [markdown]
# ## Who joined, and from where
#
# Each dot is a state at its first entry, coloured by its background, derived from the data: founding members,
# states that joined while the Warsaw Pact still existed, states that had been Warsaw Pact members themselves or
# through the state they followed (Czechoslovakia for Czechia and Slovakia), states that came out of the USSR or
# Yugoslavia, and states whose neutrality or military non-alignment ended when they joined. A member the data
# cannot place keeps the label "background not in data" rather than a guess.

# %%
predecessors = tables.predecessor_map(state_lineage)
neutrals = tables.non_aligned_before(state_policies, memberships, org="NATO")
backgrounds = tables.accession_backgrounds(memberships, organisations, predecessors=predecessors, neutrals=neutrals)
members = tables.members_on(memberships, states, "NATO", P.as_of, backgrounds=backgrounds)
from_east = (members["background"] == "former Warsaw Pact").sum()
from_unions = members["background"].isin(["former USSR", "former Yugoslavia"]).sum()
unknown = (members["background"] == tables.BACKGROUNDS[-1]).sum()
background_sources = sorted(set(state_lineage.loc[state_lineage["iso3"].isin(members["iso3"]), "source_id"])
                            | set(state_policies.loc[state_policies["iso3"].isin(neutrals), "source_id"]))
present.chart(
    charts.accession_timeline(
        members,
        title=f"On {P.as_of}, {from_east} of NATO's {len(members)} members had been in the Warsaw Pact and "
              f"{from_unions} had been part of the USSR or Yugoslavia",
        description="One dot per member state at the date it first joined NATO, coloured by background."),
    caption="Members on the chosen date, ordered by first entry. Backgrounds are derived from memberships.csv, "
            "organisations.csv (Warsaw Pact membership and dissolution date), state_lineage.csv and "
            f"state_policies.csv; members without a background in the data: {unknown}.",
    sources=nato_sources + [org_source["WARSAW"]] + background_sources, key="accessions")

# %% [markdown]
# The members on `as_of` as a table — the list a reader can check against NATO's own page.

# %%
present.table(members[["name", "iso3", "status", "joined", "background"]],
              title=f"NATO had {len(members)} members on {P.as_of}",
              caption="Formal members on the chosen date, by date of first entry.",
              sources=nato_sources + [org_source["WARSAW"]] + background_sources, key="members")

# %% [markdown]
# ## "The largest and most stable bloc in history"?
#
# Membership data can measure two things behind that phrase: how long each bloc has existed and how many members
# it had and lost. Here NATO is set beside the Warsaw Pact, the CSTO and the SCO as of `as_of`. A "departure" is
# a state that left (or ceased to exist) while the organisation continued.

# %%
record = tables.bloc_record(memberships, organisations, BLOCS, P.as_of)
leader = record.loc[record["peak_members"].idxmax()]
present.table(record.drop(columns=["source_id"]),
              title=f"By {P.as_of}, {leader['org_id']} had the largest peak membership of these blocs "
                    f"({leader['peak_members']} states)",
              caption="Founding = founding document signed; years run to dissolution or to the chosen date.",
              sources=sorted(set(record["source_id"]) | set(nato_sources)), key="blocs")

# %% [markdown]
# The same record as bars from founding to dissolution (or `as_of`), labelled with each bloc's peak membership.

# %%
present.chart(
    charts.bloc_lifespans(
        record, as_of=P.as_of,
        title=f"Of these blocs, {record.loc[record['years'].idxmax(), 'org_id']} has lasted longest "
              f"({record['years'].max()} years by {P.as_of})",
        description="Horizontal bars from each bloc's founding to its dissolution or the chosen date."),
    caption="Hover a bar for founding, dissolution, peak members and departures.",
    sources=sorted(set(record["source_id"])), key="lifespans")

# %% [markdown]
# **What this can and cannot show.** With the default date, the table and bars above support a narrow reading:
# among these four blocs NATO has the longest continuous life, the largest membership and no departures. The data
# cannot show "largest" in military power (notebook 05 compares spending and warheads), and "stable" in the sense
# of cohesion — internal crises, or changes in how members take part in the military structure — is not a
# membership fact. "In history" also reaches beyond the four blocs held here. The claim stays an interpretation
# (C09).
#
# ## Takeaways
#
# - NATO outlived the Cold War and grew in waves; former Warsaw Pact states are among its members (C08, supported).
# - On membership and longevity, NATO leads the blocs compared here; on power and cohesion the data is silent.
# - Every member's background comes from sourced tables: Warsaw Pact membership, succession to Czechoslovakia,
#   the USSR or Yugoslavia (state_lineage.csv) and the end of Finland's and Sweden's non-alignment
#   (state_policies.csv); a member the data could not place would be shown as "background not in data".
# - Notebook 03 turns to the inclusive alternative the article sets against NATO: the OSCE.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
