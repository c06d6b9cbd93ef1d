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
# This notebook weighs the sides the article sets against each other — NATO and Russia with China — beside the
# SCO and the CSTO: military spending, nuclear warheads and population in a chosen year, as shares of the world,
# how concentrated each bloc is, and how the shares moved over every year the data holds.

# %% tags=["parameters"]
year = 2023

# %% [markdown]
# The imports validate the year against the years the data covers; a bad value stops here with a message naming
# it.

# %%
from helpers import load, membership, params, present
from helpers.charts import balance as charts
from helpers.tables import balance as tables
from helpers.tables.euroatlantic import claims_for, paragraph_digest

P = params.validated("05", year=year)
REF = tables.reference_date(P.year)
METHOD_SOURCES = ["sipri-milex-sources-methods", "rhoades-1993-hhi", "laakso-taagepera-1979"]

# %% [markdown]
# ## Data
#
# Member-level capability figures (SIPRI spending and warhead estimates, population), the world totals they are
# divided by, membership spells, and the article tables. A bloc is its formal members (member, participating,
# suspended or frozen) on **31 December** of the year shown — the last day of the year the figures describe — so a
# state that joined during the year counts.

# %%
capabilities = load.capabilities()
world = load.world_totals()
memberships = load.memberships()
names = load.states().set_index("iso3")["name"].to_dict()
paragraphs, claims = load.paragraphs(), load.claims()
blocs = tables.comparison_blocs(memberships, REF)
member_sources = membership.sources(memberships, ["NATO", "SCO", "CSTO"])
cap_sources = sorted(set(capabilities["source_id"]) | set(world["source_id"]))

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
# ## The blocs, and why they overlap
#
# The article's subject is Russia and China together against NATO, so "Russia + China" is a row of its own. The
# SCO is shown twice: whole, and without India and Pakistan, the two members admitted in 2017. An SCO total that
# includes them credits a Russian–Chinese "counterweight" with their weight, which neither has pledged to it (the
# SCO carries no defence obligation; notebook 07 codes its founding documents); the second row shows how much of the
# SCO's weight they carry. Russia and China also appear alone. The rows therefore **overlap**: a state counted in
# several rows must never be added up across them.

# %%
shared = tables.overlaps(blocs, names)
present.table(shared, title=f"{len(shared)} states are counted in more than one of the {len(blocs)} rows "
                            f"on 31 December {P.year}",
              caption="Each row below counts these states again; bloc totals are comparisons, never a sum.",
              sources=member_sources, key="overlaps")

# %% [markdown]
# ## Capabilities by bloc, as shares of the world
#
# Each total is a sum over the members that have a figure; "members without figures" names the gaps, and a total
# that misses members is a lower bound. Spending is SIPRI's series in constant 2023 US dollars at market exchange
# rates (SIPRI's sources and methods), so years can be compared; SIPRI itself calls spending an input measure, not
# a measure of military capability. Warheads are SIPRI Yearbook total inventories (January of the year); a member
# absent from SIPRI's list of nuclear-armed states holds none. Each bloc is divided by SIPRI's world total for
# spending and warheads and by the World Bank's world population, the same series as the members' figures; where the
# data holds no world total on the members' basis (population after 2010, which is UN 1 January data), the share is
# left empty rather than mixed across bases.

# %%
caps = tables.world_shares(tables.bloc_capabilities(capabilities, blocs, P.year), world, P.year)
present.table(tables.capability_view(caps),
              title=f"Blocs on 31 December {P.year}: totals and shares of the world, with coverage",
              caption="Rows overlap (see above). Spending in constant 2023 US dollars; warheads as of January.",
              sources=cap_sources + member_sources + ["sipri-milex-sources-methods"], key="coverage")

# %% [markdown]
# Military spending by bloc. Faded bars are partial sums; the label gives the share of the world.

# %%
present.chart(
    charts.bloc_bars(caps, "milex_usd_const", axis_title="military spending (US$ million, constant 2023 prices)",
                     title=tables.capability_finding(caps, "milex_usd_const", P.year),
                     description="Horizontal bars of summed military spending per bloc, faded where incomplete, "
                                 "labelled with the share of world spending."),
    caption=tables.overlap_sentence(shared) + " Bars are comparisons, never parts of a sum.",
    sources=cap_sources + member_sources, key="milex")

# %% [markdown]
# Nuclear warheads by bloc.

# %%
present.chart(
    charts.bloc_bars(caps, "nuclear_warheads", axis_title="nuclear warheads (total inventory)",
                     title=tables.capability_finding(caps, "nuclear_warheads", P.year),
                     description="Horizontal bars of summed warhead inventories per bloc, labelled with the share "
                                 "of the world inventory."),
    caption="SIPRI Yearbook total inventories; the rows overlap, so shares of the world do not add up.",
    sources=cap_sources + member_sources, key="warheads")

# %% [markdown]
# Population by bloc, where the data holds it for the year.

# %%
present.chart(
    charts.bloc_bars(caps, "population", axis_title="population (persons)",
                     title=tables.capability_finding(caps, "population", P.year),
                     description="Horizontal bars of summed population per bloc."),
    caption="The rows overlap. A share of the world is shown only where the world total is on the members' basis.",
    sources=cap_sources + member_sources, key="population")

# %% [markdown]
# There is no purchasing-power view. SIPRI converts every country's spending at market exchange rates, and this
# data package holds no sourced purchasing-power conversion for the members and years shown; valuing the budgets at
# purchasing power would change the ratios between blocs, and without a sourced conversion we do not guess by how
# much.
#
# ## How concentrated is each bloc?
#
# P11 contrasts a framework of many actors with NATO, where one power dominates (claim C24). Concentration is
# measured three ways, on every indicator. The largest member's share and the leader-to-runner-up ratio are read
# directly. The Herfindahl–Hirschman index, the sum of squared shares (Rhoades 1993, after Hirschman 1945), mixes
# the number of members with how unequal they are, so it is reported as its reciprocal, the effective number of
# members (Laakso & Taagepera 1979): n equal members give n, one dominant member gives close to 1.

# %%
conc = tables.concentration_table(capabilities, blocs, P.year)
present.table(tables.concentration_view(conc, names),
              title=tables.concentration_finding(conc[conc["indicator"] == "milex_usd_const"], P.year, names),
              caption="Shares are of the reported total; a runner-up left empty holds none. Blocs of one are left out.",
              sources=cap_sources + member_sources + METHOD_SOURCES, key="concentration")

# %%
present.chart(
    charts.concentration_dots(conc, title=tables.concentration_finding(conc[conc["indicator"] == "nuclear_warheads"],
                                                                       P.year, names),
                              description="Dots of the effective number of members per bloc and indicator, beside a "
                                          "tick at the actual number of members, on a log scale."),
    caption="The further a dot lies left of its tick, the more one member dominates that bloc on that indicator.",
    sources=cap_sources + member_sources + METHOD_SOURCES, key="hhi")

# %% [markdown]
# ## Every year the data holds
#
# One year can mislead, so the shares are followed over every year from the first to the last with spending
# figures, with each bloc's membership read on 31 December of that year — a share can move because members
# joined, not only because budgets changed. Hollow points mark years where some member has no figure.

# %%
series = tables.share_series(capabilities, memberships, world, tables.indicator_years(capabilities))
first, last, n_years = tables.series_span(series, "of the world")
present.chart(
    charts.share_lines(series, title=f"From {first} to {last}: Russia + China rose from "
                                     f"{tables.series_value(series, 'Russia + China as a share of NATO', first):.0%} "
                                     f"to {tables.series_value(series, 'Russia + China as a share of NATO', last):.0%}"
                                     " of NATO's military spending",
                       description="Line charts of spending shares by year: within NATO and the SCO, Russia and "
                                   "China against NATO, and each bloc's share of the world."),
    caption=f"{n_years} years of SIPRI constant-dollar spending; membership as of 31 December of each year.",
    sources=cap_sources + member_sources, key="series")

# %% [markdown]
# ## The claims this notebook weighs
#
# P8's "asymmetric bipolarity" (C18) and P11's "the US dominates NATO" (C24) point here for evidence, with the two
# P10 scenarios.

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
# - The rows overlap on purpose; each is a comparison with NATO, never a part of a sum.
# - With the default year, Russia and China together spend about three tenths of what NATO spends and hold more
#   nuclear warheads than NATO's three nuclear-armed members together; the series shows the spending ratio rising
#   over the years the data holds. The chart titles above give the figures for the year chosen.
# - Every bloc has a dominant member, and on warheads each is close to a bloc of one: "non-hegemony" (P11) would be
#   a design goal for a new framework, not a description of any existing one.
# - The balance of power in P10 is a scenario; capability data shows the sides' weights, not whether they deter.
# - Notebook 06 turns to the principles the article proposes for the new framework (P11–P14).

# %% [markdown]
# ## Sources

# %%
present.sources_section()
