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
# growth and asks which states, on a chosen date, hold active ties to structures on both sides — graded by how much
# each tie commits them — with one state followed over time.

# %% tags=["parameters"]
as_of = "2024-07-04"
focus_state = "KAZ"

# %% [markdown]
# The imports validate both parameters: the date must lie in the data's span, the state must be an ISO3 code in
# the states table.

# %%
from helpers import load, membership, params, present
from helpers.charts import alignment as charts
from helpers.tables import alignment as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("08", as_of=as_of, focus_state=focus_state)
PARAS = ["P16", "P17", "P18"]
PLEDGE_SOURCES = ["fordham-sourcebook-north-atlantic-treaty", "odkb-csto-collective-security-treaty"]

# %% [markdown]
# ## Data
#
# Membership spells for every organisation, including NATO's four partnership frameworks (Partnership for Peace,
# Mediterranean Dialogue, Istanbul Cooperation Initiative, partners across the globe) with the dates NATO gives,
# the states, and the article tables.

# %%
memberships = load.memberships()
names = load.states().set_index("iso3")["name"].to_dict()
paragraphs, claims = load.paragraphs(), load.claims()
sco_sources = membership.sources(memberships, ["SCO", "SHANGHAI5"])
all_sources = membership.sources(memberships, list(tables.ORGS))

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
# Every spell in the Shanghai Five and the SCO up to the chosen date, one row per state, coloured by status. Bars
# still running on the date stop there.

# %%
sco_spells = tables.org_timeline(memberships, ["SHANGHAI5", "SCO"], P.as_of)
sco_status = membership.status_matrix(memberships, P.as_of, ["SCO"])
sco_table = tables.org_circle(sco_status, "SCO", names)
present.chart(
    charts.spell_gantt(
        sco_spells, names=names,
        title=(f"On {P.as_of} the SCO had {int((sco_table['status'] == 'member').sum())} members and "
               f"{int((sco_table['status'] != 'member').sum())} observers or partners"),
        description="Gantt chart: one row per state, bars for its Shanghai Five and SCO spells by status."),
    caption="Shanghai Five spells end when the SCO was founded; hover a bar for its dates.",
    sources=sco_sources, key="sco-timeline")

# %% [markdown]
# The SCO's circle on the chosen date, status by status.

# %%
present.table(sco_table, title=f"{len(sco_table)} states held an SCO status on {P.as_of}",
              caption="Member, observer, dialogue partner or partner.", sources=sco_sources, key="sco-circle")

# %% [markdown]
# ## Whom we count, and how
#
# **The universe.** The states compared are every state that on the chosen date is an OSCE participating state or
# holds any SCO status — the two bodies the article offers as the inclusive option (P5–P6) and the vehicle (P16) —
# rather than whatever states the data happens to hold. **The poles.** Russia and China are the two sides' poles,
# not states "in between": they are shown apart and never counted among the multi-vector states.
#
# **One rule for every tie.** A tie is graded by what it commits a state to, the same way on both sides: a defence
# pledge (NATO or CSTO membership: North Atlantic Treaty Art. 5, Collective Security Treaty Art. 4) is stronger than membership without a pledge (SCO member, OSCE participating
# state), which is stronger than a partnership programme (NATO's four frameworks), which is stronger than a dialogue
# status (SCO observer, dialogue partner or partner). **Active ties only.** A suspended or frozen status is not
# counted: NATO suspended all practical cooperation with Russia on 1 April 2014 and with Belarus on 19 November 2021,
# and Armenia froze its CSTO participation in 2024; those ties are listed below, with their dates, not counted.

# %%
status = membership.status_matrix(memberships, P.as_of, list(tables.ORGS))
matrix = tables.tie_matrix(status, names)
counts = tables.tie_summary(matrix)
inactive = tables.inactive_ties(memberships, P.as_of, names)
present.table(inactive, title=f"{len(inactive)} ties were held but inactive on {P.as_of}, and are not counted",
              caption="Suspended or frozen statuses, with the first day of the status.",
              sources=all_sources, key="inactive")

# %% [markdown]
# The state × structure matrix: each cell is the grade of an active tie, darker for stronger.

# %%
present.chart(
    charts.tie_matrix_chart(
        matrix, title=f"{counts['both_sides']} of the {counts['between']} states between the poles held active "
                      f"ties on both sides on {P.as_of}",
        description="Matrix of states (rows) by structure (columns), cells shaded by tie grade; states on both "
                    "sides first, then the rest, then Russia and China."),
    caption=(f"Universe: the {counts['universe']} OSCE participating states and SCO states on the date; the "
             f"{counts['poles']} poles are listed last and not counted."),
    sources=all_sources + PLEDGE_SOURCES, key="matrix")

# %% [markdown]
# The states on both sides, with the grade of each tie — the data behind "multi-vector" in P18.

# %%
both = tables.grade_view(matrix, matrix["both_sides"])
present.table(both, title=f"{len(both)} states between the poles combine a Western tie with a CSTO or SCO tie on "
                          f"{P.as_of}",
              caption="Grade of each active tie; empty = none. Suspended ties are named in the last column.",
              sources=all_sources, key="both-sides")

# %% [markdown]
# The two poles, apart.

# %%
present.table(tables.grade_view(matrix, matrix["pole"]), title=f"Russia and China on {P.as_of}: the poles, not "
                                                               "counted among the states in between",
              caption="Grade of each active tie; suspended ties are named in the last column, not counted.",
              sources=all_sources, key="poles")

# %% [markdown]
# The same data as an UpSet chart: each bar counts the states between the poles with exactly one combination of
# active ties, shown by the filled dots below it.

# %%
combos = tables.combination_counts(tables.structure_flags(matrix))
present.chart(
    charts.upset_chart(
        combos, title=f"The most common combination on {P.as_of}: {combos['combination'].iloc[0]} "
                      f"({combos['states'].iloc[0]} states)",
        description="UpSet chart: bars of state counts per combination of structures, over a dot matrix."),
    caption="NATO partnership = any of NATO's four frameworks; hover a bar or dot for the states.",
    sources=all_sources, key="upset")

# %% [markdown]
# ## One state over time
#
# Every spell of the chosen state in any organisation, to the chosen date.

# %%
spells = tables.state_spells(memberships, P.focus_state, P.as_of)
current = sorted(spells.loc[spells["ongoing"], "org_id"].map(tables.ORG_LABELS).fillna(spells["org_id"]))
present.chart(
    charts.spell_gantt(
        spells, names=names, row="org_id",
        title=(f"{names.get(P.focus_state, P.focus_state)} held a status in {len(current)} organisations on "
               f"{P.as_of}" + (f": {', '.join(current)}" if current else "")),
        description="Gantt chart: one row per organisation, bars for the chosen state's spells by status."),
    caption="Spells running on the chosen date stop there; a suspended status is a spell of its own.",
    sources=sorted(set(memberships.loc[memberships["iso3"] == P.focus_state, "source_id"])) or all_sources,
    key="focus")

# %% [markdown]
# **Reading it.** With the default date, the states on both sides are Central Asian and Caucasian members of the
# Partnership for Peace that belong to the CSTO or the SCO, Türkiye (a NATO member and SCO dialogue partner), and
# Arab and Asian partners of NATO's other frameworks that are also SCO dialogue partners or members. Such states
# exist, as P18 says (C39); whether they *would not join* an anti-American structure is a prediction the membership
# data cannot settle. Two limits: NATO's pages date some framework accessions to a month only, and they list the
# partners across the globe without accession dates, so those spells start at the earliest NATO page in this
# package that lists them; and NATO's current page still lists Afghanistan as a global partner with a footnote, so
# its tie is counted as NATO lists it. P16's idea of building on the SCO (C33) fits a body that has grown from five
# to ten members and a wide outer circle, but nothing here shows it turning into a permanent security institution.
#
# ## Takeaways
#
# - The SCO grew from the Shanghai Five by admitting members and building an outer circle of observers and
#   partners.
# - Counting only active ties, leaving Russia and China apart, and grading every tie by one rule, a minority of the
#   states between the poles sit on both sides — the multi-vector pattern P18 relies on.
# - Membership overlap shows ties, not loyalties: it cannot say how a state would choose.
# - Notebook 09 gathers every claim of the article with its verdict and evidence.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
