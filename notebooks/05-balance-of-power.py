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
# # A new balance of power
#
# P10 opens the section «توازن جديد للقوى» with two scenarios: at best a new balance of power and mutual
# deterrence, at worst a direct Russia–NATO clash with nuclear risk. P11 then says NATO rests on one dominant power.
# This notebook puts numbers under both: military spending, nuclear warheads and population by bloc for a chosen
# `year`, and how concentrated each bloc's spending is — the data behind "non-hegemony".

# %% tags=["parameters"]
year = 2023

# %% [markdown]
# The imports validate `year` against the years the data covers; a bad value stops here with a message naming it.

# %%
from helpers import load, membership, params, present
from helpers.charts import eurasia as charts
from helpers.tables import eurasia as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("05", year=year)
REF = tables.reference_date(P.year)
BLOC_ORGS = ["NATO", "SCO", "CSTO"]
INDICATORS = ["milex_usd_const", "nuclear_warheads", "population"]

# %% [markdown]
# ## Data
#
# Member-level capability figures (SIPRI spending and warhead estimates, population), membership spells, and the
# article tables. A bloc is its formal members (member, participating, suspended or frozen) on **31 December of
# `year`** — the last day of the year the figures describe — so a state that joined during the year counts.

# %%
capabilities = load.capabilities()
memberships = load.memberships()
states = load.states()
paragraphs = load.paragraphs()
claims = load.claims()
blocs = tables.bloc_members(memberships, REF, BLOC_ORGS)
cap_sources = sorted(set(capabilities.loc[capabilities["year"] == P.year, "source_id"]))
member_sources = membership.sources(memberships, BLOC_ORGS)

# %% [markdown]
# ## What P10 says
#
# Our paraphrase of P10, and its two scenarios as the article states them — they are the article's, not ours, and
# neither is a forecast the data can check.

# %%
digest = paragraph_digest(paragraphs, ["P10"])
present.table(digest.drop(columns=["source_id"]), title="P10: between a new balance and a direct clash",
              caption="Our paraphrase of the paragraph.", sources=sorted(set(digest["source_id"])), key="paraphrase")

# %%
scenarios = tables.article_scenarios(claims, "P10")
present.table(scenarios, title="The article's best and worst cases (P10), labelled as the article's",
              caption="Both are the article's scenarios; our verdict 'interpretation' means data cannot test them.",
              sources=sorted(set(claims.loc[claims["paragraph"] == "P10", "source_id"])), key="scenarios")

# %% [markdown]
# ## Who is in each bloc in `year`
#
# The member counts behind every total below. Russia and China are shown on their own as well as inside the SCO
# and (Russia) the CSTO, since the article speaks of both the two powers and the organisations.

# %%
sizes = tables.bloc_capabilities(capabilities, blocs, P.year, indicators=["population"])[["bloc", "members"]]
present.table(sizes, title=f"Blocs on {REF.date()}: NATO {len(blocs['NATO'])}, SCO {len(blocs['SCO'])}, "
                           f"CSTO {len(blocs['CSTO'])} formal members",
              caption="Formal members on 31 December of the chosen year (helpers.membership).",
              sources=member_sources, key="bloc-members")

# %% [markdown]
# ## Capabilities by bloc, with coverage
#
# Each total is a sum over the members that have a figure for `year`; `reported` and `missing` say how many and
# which members lack one. A total with `complete = no` is a lower bound, never the bloc's true total. Spending is
# SIPRI's series in constant 2023 US dollars, so years can be compared; warheads are SIPRI total inventories;
# population is held for some years only.

# %%
caps = tables.bloc_capabilities(capabilities, blocs, P.year, indicators=INDICATORS)
present.table(caps, title=f"Only {int(caps['complete'].sum())} of {len(caps)} bloc totals for {P.year} "
                          "have a figure for every member",
              caption="One row per bloc and indicator; 'missing' lists members without a figure; 'counted as zero' "
                      "counts members absent from SIPRI's list of nuclear-armed states.",
              sources=cap_sources + member_sources, key="coverage")

# %% [markdown]
# Military spending by bloc. Faded bars are partial sums; the label gives members reported out of members.

# %%
present.chart(
    charts.bloc_bars(caps, "milex_usd_const", axis_title="military spending (USD million, constant 2023 prices)",
                     title=tables.capability_finding(caps, "milex_usd_const", "military spending", P.year),
                     description="Horizontal bars of summed military spending per bloc, faded where incomplete."),
    caption="Sum of SIPRI military expenditure of the members with a figure; hover for the members missing.",
    sources=cap_sources + member_sources, key="milex")

# %% [markdown]
# Nuclear warheads by bloc. SIPRI's inventory lists every nuclear-armed state, so a member absent from it holds
# none and counts as zero (the `counted_as_zero` column above); in a year without an inventory, members stay missing.

# %%
present.chart(
    charts.bloc_bars(caps, "nuclear_warheads", axis_title="nuclear warheads (total inventory)",
                     title=tables.capability_finding(caps, "nuclear_warheads", "nuclear warhead inventory", P.year),
                     description="Horizontal bars of summed warhead inventories per bloc."),
    caption="SIPRI Yearbook total inventories of the members with a row.",
    sources=cap_sources + member_sources, key="warheads")

# %% [markdown]
# Population by bloc, where the data holds it for `year` (otherwise the chart says there are no figures).

# %%
present.chart(
    charts.bloc_bars(caps, "population", axis_title="population (persons)",
                     title=tables.capability_finding(caps, "population", "population", P.year),
                     description="Horizontal bars of summed population per bloc."),
    caption="Sum of the members' population figures for the chosen year.",
    sources=cap_sources + member_sources, key="population")

# %% [markdown]
# ## How concentrated is each bloc?
#
# P11 contrasts a framework of many actors with NATO, where one power dominates (claim C24). Two measures of
# spending concentration: the largest member's share, and the Herfindahl index (sum of squared shares; 1 = one
# member spends everything, 1/n = n equal members, shown as a tick).

# %%
conc = tables.concentration(capabilities, blocs, P.year, indicator="milex_usd_const")
present.table(conc, title=tables.concentration_finding(conc, P.year),
              caption="Shares are of the reported total; 'complete = no' means some members have no figure.",
              sources=cap_sources + member_sources, key="concentration")

# %%
present.chart(
    charts.concentration_bars(conc, title=tables.concentration_finding(conc, P.year),
                              description="Bars of the Herfindahl index of military spending per bloc, with a "
                                          "tick at the value for equal members."),
    caption="Single-state 'blocs' (Russia, China) are 1 by definition.",
    sources=cap_sources + member_sources, key="hhi")

# %% [markdown]
# ## The claims this notebook weighs
#
# P8's "asymmetric bipolarity" (C18) and P11's "the US dominates NATO" (C24) point here for evidence, with the two
# P10 scenarios. What the tables above can add: the spending of the blocs side by side, and how far one member
# dominates each — bearing in mind how few members have figures in the data.

# %%
weighed = claims_for(claims, ["P8", "P10", "P11"])
weighed = weighed[weighed["evidence_notebook"] == "05"].reset_index(drop=True)
present.table(weighed.drop(columns=["source_id", "evidence_notebook"]),
              title=f"{len(weighed)} claims rest on this notebook's figures; "
                    f"{int((weighed['verdict'] == 'interpretation').sum())} are interpretations data cannot settle",
              caption="Claims whose evidence notebook is 05, with our verdict and its reason.",
              sources=sorted(set(weighed["source_id"])), key="claims")

# %% [markdown]
# ## Takeaways
#
# - Bloc totals are computed from members as of 31 December of `year`; where members lack figures the total is a
#   lower bound and the tables say which members are missing.
# - With the default year (2023) the United States makes about two thirds of NATO's spending, China well over
#   half of the SCO's reported spending and Russia almost all of the CSTO's: every bloc has a dominant member, so
#   "non-hegemony" (P11) would be a design goal for a new framework, not a description of any existing one.
#   Other years may differ; the tables above say so for the year chosen.
# - The balance of power in P10 is a scenario; capability data shows the sides' weights, not whether they deter.
# - Notebook 06 turns to the principles the article proposes for the new framework (P11–P14).

# %% [markdown]
# ## Sources

# %%
present.sources_section()
