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

# %% [markdown] tags=["remove-cell"]
# The report's date lies within the span the data covers, and its state of focus is one the states table holds.

# %%
from helpers import load, membership, params, present, wording
from helpers.charts import maps
from helpers.charts import sco_states as sco_states_charts
from helpers.tables import (
    alignment_denominators,
    alignment_denominators_words,
    article,
    claims_view,
    evidence,
    evidence_words,
    geo,
    geo_shapes,
    geo_words,
    sco_states,
    sco_states_words,
)

P = params.validated("08", as_of=as_of, focus_state=focus_state)
PLEDGE_SOURCES = ["fordham-sourcebook-north-atlantic-treaty", "odkb-csto-collective-security-treaty"]

# %% [markdown]
# ## Data
#
# Membership spells for every organisation, including NATO's four partnership frameworks (Partnership for Peace,
# Mediterranean Dialogue, Istanbul Cooperation Initiative, partners across the globe) with the dates NATO gives,
# the states, and the article tables.

# %%
memberships = load.memberships()
boundaries = geo_shapes.Boundaries(load.boundaries(), load.geo_features())  # the boundary file, checked
atlas = geo.Atlas(load.state_lineage(), load.states(), load.organisations(),
                  boundaries=boundaries)  # the maps' states, successions and boundaries
names = load.states().set_index("iso3")["name"].to_dict()
paragraphs, claims = load.paragraphs(), load.claims()
ties_sources = sco_states.spell_sources(memberships, sco_states.ORGS, P.as_of)

# %% [markdown]
# Every tie each state held on the report's date, graded by the rule explained below, and the followed state's
# spells; the sections below show each.

# %%
status = membership.status_matrix(memberships, P.as_of, list(sco_states.ORGS))
matrix, circle = sco_states.tie_matrix(status, names), sco_states.org_circle(status, "SCO", names)
counts, spells = sco_states.tie_summary(matrix), sco_states.state_spells(memberships, P.focus_state, P.as_of)
sco_spells = sco_states.org_timeline(memberships, ["SHANGHAI5", "SCO"], P.as_of)
pools, grades = alignment_denominators.denominators(matrix), alignment_denominators.by_grade(matrix)
first_screen = sco_states_words.glance_findings(circle, counts, spells, P.focus_state, names, P.as_of)
first_screen[1] = alignment_denominators_words.graded_glance(pools, grades, matrix, names, P.as_of)  # graded first
present.glance(first_screen
               + [" ".join(x for x in (alignment_denominators_words.glance_or_documented(pools, grades, memberships,
                                                                                        P.as_of, names),
                                       alignment_denominators_words.eurasian_flag_glance(matrix, load.states(), names))
                           if x)],
               summary=sco_states_words.summary(P.focus_state, names, P.as_of))

# %% [markdown]
# ## What P16–P18 say
#
# Our paraphrase, then the claims that look to this notebook for evidence (folded: each with its verdict and the
# reasons on both sides).

# %%
digest = article.paragraph_digest(paragraphs, article.notebook_paragraphs("08"))
present.table(digest.drop(columns=["source_id"]),
              title="P16–P18: the SCO as a vehicle, and the limits of an anti-US design",
              caption="Our paraphrase of each paragraph.", sources=digest, key="paraphrase")

# %%
claim_table = evidence.with_speakers(evidence.evidence_claims(claims, "08"), claims,
                                     set(paragraphs.query("likely_editor_addition")["paragraph"]))
present.table(claim_table.drop(columns=["source_id", "second_source_id"], errors="ignore"),
              title=evidence_words.claims_title(claim_table), sources=claim_table, key="claims", collapsed=True,
              caption=" ".join(filter(None, ["The claims about the SCO and the multi-vector states that look to this "
                                             "notebook, with our verdict.", claims_view.who_note(claim_table["voice"])])))

# %% [markdown]
# ## From the Shanghai Five to the SCO
#
# Every spell in the Shanghai Five and the SCO up to the chosen date, one row per state, coloured by status. Bars
# still running on the date run on past it to the axis's end.

# %%
present.chart(
    sco_states_charts.spell_gantt(sco_spells, names=names,
                       title=sco_states_words.sco_title(circle, P.as_of),
                       description="Gantt chart: one row per state, bars for its Shanghai Five and SCO spells "
                                   "by status."),
    caption="Shanghai Five spells end when the SCO was founded; hover or tap a bar for its dates.",
    sources=sco_spells, key="sco-timeline")

# %% [markdown]
# ## The SCO on the map, year by year
#
# The slider moves the map, the member count and the member list together, from the SCO's founding in 2001 to the
# year of this report's date, where it starts. Members are shaded; observers and partners are not.

# %%
present.chart(maps.membership_explorer(memberships, "SCO", P.as_of, atlas=atlas),
              caption=geo_words.map_caption(memberships, "SCO", P.as_of, atlas=atlas, slider=True, orgs=["SCO"]),
              sources=sco_states.map_sources(memberships, ["SCO"]), key="sco-map")

# %% [markdown]
# The SCO's circle on the report's date, status by status.

# %%
present.table(circle, title=f"{len(circle)} states held an SCO status on {wording.day(P.as_of)}",
              caption="Member, observer, dialogue partner or partner.", key="sco-circle",
              sources=sco_states.spell_sources(memberships, ["SCO"], P.as_of),
              collapsed=f"Show all {len(circle)} states")

# %% [markdown]
# ## Whom we count, and how
#
# **The universe.** The states compared are every state that on the chosen date is an OSCE participating state or
# holds any SCO status — the two bodies the article offers as the inclusive option (P5–P6) and the vehicle (P16) —
# rather than whatever states the data happens to hold. **The poles.** Russia and China are the two sides' poles,
# not states "in between": they are shown apart and never counted among the multi-vector states.
#
# **One rule for every tie.** A tie is graded by what it commits a state to, the same way on both sides: a defence
# pledge (NATO or CSTO membership: North Atlantic Treaty Art. 5, Collective Security Treaty Art. 4) is stronger than
# membership without a pledge (SCO member, OSCE participating state), which is stronger than a partnership programme
# (NATO's four frameworks), which is stronger than a dialogue status (SCO observer, dialogue partner or partner).
# **Active ties only.** A suspended or frozen status is not counted: NATO suspended all practical cooperation with
# Russia on 1 April 2014 and with Belarus on 19 November 2021, and Armenia declared its CSTO participation frozen on
# 22 February 2024 (a statement by its prime minister, not a formal act); those ties are listed below, with their
# dates, not counted. Counts of members elsewhere in the collection are formal
# (notebook 04 counts Armenia among the CSTO's members and names the freeze); here the question is which ties are
# active, so a frozen or suspended one is left out.

# %%
inactive = sco_states.inactive_ties(memberships, P.as_of, names)
present.table(inactive, title=sco_states_words.inactive_title(inactive, P.as_of),
              caption="Suspended or frozen statuses, with the first day of the status.",
              sources=ties_sources, key="inactive")

# %% [markdown]
# The state × structure matrix: each cell is the grade of an active tie, filled (square, circle) for a defence
# pledge or membership, hollow (circle, diamond) for a partnership or dialogue status. Hover or tap a cell for its
# record.

# %%
titles = load.sources().set_index("source_id")["title"].to_dict()  # each cell's record, named in its tooltip
present.chart(
    sco_states_charts.tie_matrix_chart(matrix, title=sco_states_words.both_sides_title(counts, P.as_of),
                                       sources=sco_states.tie_sources(memberships, P.as_of, titles)),
    caption=sco_states_words.universe_caption(counts), sources=ties_sources, measure=PLEDGE_SOURCES, key="matrix")

# %% [markdown]
# The states on both sides, with the grade of each tie — the data behind "multi-vector" in P18.

# %%
both = sco_states.grade_view(matrix, matrix["both_sides"])
present.table(both, title=sco_states_words.combined_title(both, P.as_of),
              caption="Grade of each active tie; empty = none. Suspended ties are named in the last column.",
              sources=ties_sources, key="both-sides", collapsed=f"Show the {len(both)} states on both sides")

# %% [markdown]
# The two poles, apart.

# %%
present.table(sco_states.grade_view(matrix, matrix["pole"]), title=f"Russia and China on {wording.day(P.as_of)}: the "
                                                               "poles, not counted among the states in between",
              caption="Grade of each active tie; suspended ties are named in the last column, not counted.",
              sources=ties_sources, key="poles")

# %% [markdown]
# The same data as an UpSet chart: each bar counts the states between the poles with exactly one combination of
# active ties, shown by the filled dots below it.

# %%
combos = sco_states.combination_counts(sco_states.structure_flags(matrix))
present.chart(sco_states_charts.upset_chart(combos, title=sco_states_words.upset_title(combos, P.as_of)),
              sources=ties_sources, key="upset",
              caption="NATO partnership = any of NATO's four frameworks; hover or tap a bar or dot for the "
                      "states.")

# %% [markdown]
# ### The overlap on the map
#
# Which SCO members also sit in NATO, the CSTO or the OSCE on the report's date: the multi-vector states are the
# ones shaded by an overlap. The map counts formal membership only (not partnerships or dialogue statuses), so it
# shows fewer ties than the matrix above; the boundaries are Natural Earth's 1:110m countries on an equal-area
# projection.

# %%
present.chart(maps.membership_map(memberships, P.as_of, atlas=atlas, region="eurasia-wide",
                                  title=geo_words.overlap_headline(memberships, P.as_of, org="SCO")),
              caption=geo_words.map_caption(memberships, "SCO", P.as_of, atlas=atlas),
              sources=sco_states.map_sources(memberships, geo.OVERLAP_ORGS, P.as_of), key="overlap-map")

# %% [markdown]
# ## Which denominator, which grade
#
# A share needs its denominator named. Counted among every state between the poles, the Western side's breadth (31
# NATO members and dozens of partners) fills the denominator; counted among the states that hold any Eurasian tie,
# the question is how many of Russia's and China's partners also face west. Both are shown, with the tie grade:
# the weaker of a state's two sides decides how "multi-vector" it is.

# %%
present.table(pools, title=alignment_denominators_words.denominators_title(pools), key="denominators",
              caption="Active ties only; the poles are not counted; share = both sides / states, in percent.",
              sources=ties_sources)

# %%
present.table(grades, title=f"States between the poles by the weaker of their two sides, {wording.day(P.as_of)}",
              caption="A state counts in a row when its tie on each side is at least that grade.", key="by-grade",
              sources=ties_sources, measure=PLEDGE_SOURCES)

# %% [markdown]
# ## One state over time
#
# Every spell of the state this report follows, in any organisation, up to the report's date.

# %%
present.chart(
    sco_states_charts.spell_gantt(spells, names=names, row="org_id",
                       title=sco_states_words.focus_title(spells, P.focus_state, names, P.as_of),
                       description="Gantt chart: one row per organisation, bars for the state's spells by status."),
    caption="Spells running on the report's date run on past it to the axis's end; a suspended status is a spell "
            "of its own.",
    sources=list(spells["source_id"]) or ties_sources, key="focus")

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
# ## How robust is this?
#
# The headline count of states "on both sides" is checked against its obvious alternatives: the other denominator,
# a stricter grade, the count without Afghanistan, whose Western tie is counted as NATO lists it, and the count with
# the ties NATO documents only from a later page. The partners across the globe start on 19 May 2017, the earliest
# dated NATO page that lists them, not on the day each partnership began: for an earlier date their ties are
# unknown, not absent, so the report counts them both ways and says so on its first screen. Bahrain's SCO
# dialogue-partner spell is known to the month only (a report of 15 July 2023 gives no day of signing), so it starts
# on 1 July 2023, as the data's convention for month precision says; any day of that month gives the same count on
# the default date.

# %%
checks = alignment_denominators_words.robustness_table(pools, grades, matrix, names, memberships, P.as_of,
                                                       load.states())
present.table(checks, title=alignment_denominators_words.denominators_title(pools), key="robustness", collapsed=True,
              caption="Each alternative and what it does to the headline.", sources=ties_sources)

# %% [markdown]
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
