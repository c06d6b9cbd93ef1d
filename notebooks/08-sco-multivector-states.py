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
# # The SCO and the multi-vector states
#
# P16 names the Shanghai Cooperation Organisation as an existing body that could carry a Eurasian framework; P17
# notes that Russia and China both compete with the United States; P18 warns that a structure built only against
# Washington would keep away the Eurasian states that follow multi-vector policies. This notebook follows the SCO's
# growth and asks which Eurasian states belong, on `as_of`, to structures on both sides — with one `focus_state`
# followed over time.

# %% tags=["parameters"]
as_of = "2024-07-04"
focus_state = "KAZ"

# %% [markdown]
# The imports validate both parameters: `as_of` must lie in the data's span, `focus_state` must be an ISO3 code in
# the states table.

# %%
from helpers import load, membership, params, present
from helpers.charts import eurasia as charts
from helpers.tables import eurasia as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("08", as_of=as_of, focus_state=focus_state)
PARAS = ["P16", "P17", "P18"]
ORGS = ["NATO", "PFP", "OSCE", "CSTO", "SCO"]

# %% [markdown]
# ## Data
#
# Membership spells for every organisation (statuses: member, participating state, observer, dialogue partner,
# partner, suspended, frozen), the states with their `eurasian` flag, and the article tables.

# %%
memberships = load.memberships()
states = load.states()
paragraphs = load.paragraphs()
claims = load.claims()
names = states.set_index("iso3")["name"].to_dict()
sco_sources = membership.sources(memberships, ["SCO", "SHANGHAI5"])
all_sources = sorted(set(membership.sources(memberships, ORGS))
                     | set(states["source_id"]))

# %% [markdown]
# ## What P16–P18 say
#
# Our paraphrase, then the claims that look to this notebook for evidence.

# %%
digest = paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P16–P18: the SCO as a vehicle, and the limits of an anti-US design",
              caption="Our paraphrase of each paragraph.", sources=sorted(set(digest["source_id"])),
              key="paraphrase")

# %%
claim_table = claims_for(claims, [*PARAS, "P19"])
claim_table = claim_table[claim_table["evidence_notebook"] == "08"].reset_index(drop=True)
present.table(claim_table.drop(columns=["source_id", "evidence_notebook"]),
              title=f"{len(claim_table)} claims about the SCO and multi-vector states look to this notebook",
              caption="Claims whose evidence notebook is 08, with our verdict.",
              sources=sorted(set(claim_table["source_id"])), key="claims")

# %% [markdown]
# ## From the Shanghai Five to the SCO
#
# Every spell in the Shanghai Five and the SCO up to `as_of`, one row per state, coloured by status. Bars still
# running on `as_of` stop there.

# %%
sco_spells = tables.org_timeline(memberships, ["SHANGHAI5", "SCO"], P.as_of)
sco_status = membership.status_matrix(memberships, P.as_of, ["SCO"])
sco_counts = sco_status["SCO"][sco_status["SCO"] != ""].value_counts()
present.chart(
    charts.spell_gantt(
        sco_spells, names=names,
        title=(f"On {P.as_of} the SCO had {int(sco_counts.get('member', 0))} members and "
               f"{int(sco_counts.drop('member', errors='ignore').sum())} observers or partners"),
        description="Gantt chart: one row per state, bars for its Shanghai Five and SCO spells by status."),
    caption="Shanghai Five spells end when the SCO was founded; hover a bar for its dates.",
    sources=sco_sources, key="sco-timeline")

# %% [markdown]
# The SCO's circle on `as_of`, status by status.

# %%
sco_table = tables.org_circle(sco_status, "SCO", names)
present.table(sco_table,
              title=f"{len(sco_table)} states held an SCO status on {P.as_of}",
              caption="Member, observer, dialogue partner or partner (status_matrix).", sources=sco_sources,
              key="sco-circle")

# %% [markdown]
# ## Which structures each Eurasian state belongs to
#
# For every current Eurasian state: formal membership of NATO, the OSCE, the CSTO and the SCO, participation in
# NATO's Partnership for Peace, and the SCO's outer circle (observer, dialogue partner or partner). A state "sits
# on both sides" when it is in NATO or the PfP and also in the CSTO, the SCO or the SCO's outer circle.

# %%
status = membership.status_matrix(memberships, P.as_of, ORGS)
flags = tables.structure_flags(status, states)
present.table(flags, title=f"{int(flags['both_sides'].sum())} of {len(flags)} Eurasian states sit on both sides "
                           f"on {P.as_of}",
              caption="yes = belongs on the chosen date; SCO_PARTNER = SCO observer, dialogue partner or partner.",
              sources=all_sources, key="overlap")

# %% [markdown]
# The same data as an UpSet chart: each bar counts the states with exactly one combination of structures, shown
# by the filled dots below it.

# %%
combos = tables.combination_counts(flags)
present.chart(
    charts.upset_chart(
        combos, title=f"The most common combination on {P.as_of}: {combos['combination'].iloc[0]} "
                      f"({combos['states'].iloc[0]} states)",
        description="UpSet chart: bars of state counts per combination of structures, over a dot matrix."),
    caption="Hover a bar or dot for the states in that combination.", sources=all_sources, key="upset")

# %% [markdown]
# The states on both sides, with their statuses — the data behind "multi-vector" in P18. A Partnership for Peace
# status is counted as recorded in the data: a spell with no end date is a partnership on paper, which says
# nothing about how active the cooperation is on `as_of`.

# %%
both = tables.both_sides_table(flags, status, ORGS)
present.table(both,
              title=f"{len(both)} Eurasian states combine a Western tie with a CSTO or SCO tie on {P.as_of}",
              caption="Statuses on the chosen date; empty = no status.", sources=all_sources, key="both-sides")

# %% [markdown]
# ## One state over time: `focus_state`
#
# Every spell of the chosen state in any organisation, to `as_of`.

# %%
spells = tables.state_spells(memberships, P.focus_state, P.as_of)
current = sorted(spells.loc[spells["ongoing"], "org_id"])
present.chart(
    charts.spell_gantt(
        spells, names=names, row="org_id",
        title=(f"{names.get(P.focus_state, P.focus_state)} held a status in {len(current)} organisations on "
               f"{P.as_of}" + (f": {', '.join(current)}" if current else "")),
        description="Gantt chart: one row per organisation, bars for the chosen state's spells by status."),
    caption="Spells running on the chosen date stop there.",
    sources=sorted(set(memberships.loc[memberships["iso3"] == P.focus_state, "source_id"])) or all_sources,
    key="focus")

# %% [markdown]
# **Reading it.** With the default date, several Eurasian states combine NATO membership or the Partnership for
# Peace with the SCO's circle or the CSTO; Türkiye, a NATO member, is an SCO dialogue partner. Such states exist,
# as P18 says (C39); whether they *would not join* an anti-American structure is a prediction the membership data
# cannot settle. P16's idea of building on the SCO (C33) fits a body that has grown from five to ten members and a
# wide outer circle, but nothing here shows it turning into a permanent security institution.
#
# ## Takeaways
#
# - The SCO grew from the Shanghai Five by admitting members and building an outer circle of observers and
#   partners.
# - Many Eurasian states belong to structures on both sides at once — the multi-vector pattern P18 relies on.
# - Membership overlap shows ties, not loyalties: it cannot say how a state would choose.
# - Notebook 09 gathers every claim of the article with its verdict and evidence.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
