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
# The report's year lies within the years the data covers: the collection builds no report for a year outside them.

# %%
from helpers import load, params, present, wording
from helpers.charts import balance as balance_charts
from helpers.tables import (
    article,
    balance,
    balance_concentration,
    balance_robust,
    balance_robust_words,
    balance_view,
    balance_words,
    claims_view,
    evidence,
    evidence_words,
)

P = params.validated("05", year=year)
METHOD_SOURCES = ["sipri-milex-sources-methods", "rhoades-1993-hhi", "laakso-taagepera-1979"]
ESTIMATE_SOURCES = ["dpa-kiji-sipri-milex-2023", "sipri-insights-russia-budget-2025"]

# %% [markdown]
# ## Data
#
# Member-level capability figures (SIPRI spending and warhead estimates, population), the world totals they are
# divided by, membership spells, and the article tables. A bloc is its formal members (member, participating,
# suspended or frozen) on **31 December** of the year shown — the last day of the year the figures describe — so a
# state that joined during the year counts.

# %%
capabilities, world, memberships = load.capabilities(), load.world_totals(), load.memberships()
names = load.states().set_index("iso3")["name"].to_dict()
paragraphs, claim_rows = load.paragraphs(), load.claims()
blocs = balance.comparison_blocs(memberships, balance.reference_date(P.year))

# %% [markdown]
# The totals, shares and concentration measures the page shows, computed once here; the sections below explain
# each.

# %%
caps = balance.world_shares(balance.bloc_capabilities(capabilities, blocs, P.year), world, P.year)
conc = balance_concentration.concentration_table(capabilities, blocs, P.year)
series = balance.share_series(capabilities, memberships, world, balance.indicator_years(capabilities))
cite = evidence.cite(capabilities, world, memberships, blocs, [P.year])
measures_year = balance.latest_year(capabilities, "nuclear_warheads_deployed")
measures_blocs = balance.comparison_blocs(memberships, balance.reference_date(measures_year))
measures = balance_robust.warhead_measures(capabilities, {**measures_blocs, "United States": ["USA"]}, measures_year)
ppp_year = balance.latest_year(capabilities, "milex_usd_mppp")
ppp_blocs = balance.comparison_blocs(memberships, balance.reference_date(ppp_year))
ppp = balance_robust.ppp_sensitivity(capabilities, ppp_blocs, ppp_year, names)
estimated = balance.all_estimated(capabilities, "milex_usd_const", blocs[balance.PAIR], P.year)
no_us = balance_robust.without_member(capabilities, blocs, P.year)
first, last, _ = balance.series_span(series, "against NATO")
fixed = balance_robust.fixed_membership_share(capabilities, memberships, first, last)  # NATO held to its last members
present.glance(balance_words.glance_findings(caps, conc, series, P.year, names, measures, measures_year, ppp, ppp_year,
                                             estimated, no_us, fixed),
               summary=balance_words.summary(P.year))

# %% [markdown]
# ## What P10 says
#
# Our paraphrase of P10, then its two scenarios with whose each is. The article gives the best case to unnamed
# observers and states the worst case itself (the ledger's "who says it"); neither is ours, and neither is a
# forecast the data can check.

# %%
digest = article.paragraph_digest(paragraphs, article.notebook_paragraphs("05"))
present.table(digest.drop(columns=["source_id"]), title="P10: between a new balance and a direct clash",
              caption="Our paraphrase of the paragraph.", sources=digest, key="paraphrase")

# %%
scenarios = claims_view.article_scenarios(claim_rows, "P10")
present.table(scenarios, title=evidence_words.scenarios_title(scenarios),
              caption="Whose scenario each is, as the article presents it; 'interpretation' means data cannot test it.",
              sources=claim_rows[claim_rows["paragraph"] == "P10"], key="scenarios")

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
shared = balance.overlaps(blocs, names)
present.table(balance_view.overlap_view(shared), title=balance_words.overlap_title(shared, blocs, P.year),
              caption="Each row below counts these states again; bloc totals are comparisons, never a sum.",
              key="overlaps", **evidence.cite(capabilities, world, memberships, blocs, [P.year], []))

# %% [markdown]
# ## Capabilities by bloc, as shares of the world
#
# One row per bloc, one column per indicator, with how many members have a figure beside each total. Each total is
# a sum over the members that have a figure, so a total that misses members is a lower bound; the folded table
# below names the members without figures. Spending is SIPRI's series in constant 2023 US dollars at market exchange
# rates (SIPRI's sources and methods), so years can be compared; SIPRI itself calls spending an input measure, not
# a measure of military capability. Warheads are SIPRI Yearbook total inventories (January of the year); a member
# absent from SIPRI's list of nuclear-armed states holds none. Each bloc is divided by SIPRI's world total for
# spending and warheads and by the World Bank's world population, the same series as the members' figures; where the
# data holds no world total on the members' basis (population after 2010, which is UN 1 January data), the share is
# left empty rather than mixed across bases.

# %%
present.table(balance_view.capability_grid(caps, names=names),
              title=f"The blocs on {wording.day(balance.reference_date(P.year))}: totals, "
                                                  "shares of the world and how many members have figures",
              caption=" ".join(filter(None, ["Rows overlap (see above). Spending in constant 2023 US dollars; "
                                             "warheads as of January.", balance_words.partial_note(caps, P.year, names),
                                             balance_words.zero_note(caps)])),
              key="coverage", **evidence.cite(capabilities, world, memberships, blocs, [P.year],
                                              methods=["sipri-milex-sources-methods",
                                                       "cia-factbook-2016-iceland-military"]))

# %% [markdown]
# The same totals in long form, naming the members without figures behind every partial total.

# %%
present.table(balance_view.capability_view(caps, names), title=f"Every bloc total for {P.year}, with the members it misses",
              caption="One row per bloc and indicator.", key="coverage-detail", **cite,
              collapsed=f"Show all {len(caps)} bloc totals")

# %% [markdown]
# Military spending by bloc. Each bar is split into its largest members, so Russia's weight shows in every row it
# is counted in; a dashed outline marks figures SIPRI publishes as its own estimates (China's spending in every
# year, Russia's since 2022, and every warhead count). The label gives the total and, after the dot, the share
# of the world; "partial" marks a total that misses members.

# %%
parts = balance.member_parts(capabilities, blocs, P.year, "milex_usd_const", names)
held = balance.held_years(capabilities, "milex_usd_const")
note = (balance_words.overlap_sentence(shared)
        + " Bars are comparisons, never parts of a sum. Dashed outline: a SIPRI estimate.")
present.chart(balance_charts.indicator_bars(caps, parts, "milex_usd_const", P.year, held=held),
              caption=balance_words.bars_caption(caps, "milex_usd_const", note),
              key="milex", **evidence.cite(capabilities, world, memberships, blocs, [P.year], ["milex_usd_const"],
                                         methods=ESTIMATE_SOURCES))

# %% [markdown]
# Nuclear warheads by bloc.

# %%
parts = balance.member_parts(capabilities, blocs, P.year, "nuclear_warheads", names)
held = balance.held_years(capabilities, "nuclear_warheads")
note = ("SIPRI Yearbook total inventories, all SIPRI estimates (dashed outlines); the rows overlap, so shares of the "
        "world do not add up. " + balance_words.warhead_glance(measures, measures_year)).strip()
present.chart(balance_charts.indicator_bars(caps, parts, "nuclear_warheads", P.year, held=held,
                                            title=balance_words.warhead_title(caps, P.year)),
              caption=balance_words.bars_caption(caps, "nuclear_warheads", note),
              key="warheads", **evidence.cite(capabilities, world, memberships, blocs, [P.year], ["nuclear_warheads"]))

# %% [markdown]
# Population by bloc, where the data holds it for the year.

# %%
parts = balance.member_parts(capabilities, blocs, P.year, "population", names)
held = balance.held_years(capabilities, "population")
note = "The rows overlap. " + balance_words.world_share_note(caps, "population")
present.chart(balance_charts.indicator_bars(caps, parts, "population", P.year, held=held),
              caption=balance_words.bars_caption(caps, "population", note),
              key="population", **evidence.cite(capabilities, world, memberships, blocs, [P.year], ["population"]))

# %% [markdown]
# ## Three ways to count warheads
#
# SIPRI counts warheads three ways: **deployed** (on missiles or at bases with operational forces), the **military
# stockpile** (deployed plus stored, the warheads available to the armed forces) and the **total inventory** (the
# stockpile plus retired warheads awaiting dismantlement), which the bars above use. The data holds the first two
# for January 2024 only (SIPRI Yearbook 2024), so the table compares all three on that date.

# %%
present.table(balance_view.warhead_measure_view(measures),
              title=f"Which side holds more warheads depends on the count: January {measures_year}",
              caption="SIPRI Yearbook 2024 estimates; the rows overlap (see above). India, Pakistan, Israel and "
                      "North Korea deploy none in SIPRI's table.",
              key="warhead-measures", **evidence.cite(capabilities, world, memberships, blocs, [measures_year],
                                                      balance.WARHEAD_MEASURES))

# %% [markdown]
# ## Spending at purchasing power
#
# SIPRI converts every country's spending at market exchange rates, which undervalue what a budget buys where
# wages and domestic arms are cheap. Peter Robertson (University of Western Australia) publishes military
# purchasing-power estimates built on SIPRI's figures; for 2024 he puts China's spending at US$567 billion against
# US$313 billion at market exchange rates (about 1.8 times) and Russia's at US$400.8 billion against US$148 billion
# (about 2.7 times). Each factor is his purchasing-power figure over his own market-rate figure, so both come from
# one page and refer to 2024. We multiply SIPRI's 2024 figures, which are in constant 2023 US dollars, by those
# factors: the two price bases differ, and the factor is assumed to be the same at 2023 prices. Only Russia and China
# are converted: the data holds no military-PPP figure for NATO's members, and Robertson notes that market rates also
# understate several European members. The second row is therefore an upper bound on how far the ratio moves, and
# only if no NATO member's factor is below 1; it is not a point estimate.

# %%
present.table(balance_view.ppp_view(ppp), title=balance_view.ppp_title(ppp, ppp_year),
              caption="SIPRI's figures in constant 2023 US dollars, multiplied by Robertson's factor: his purchasing-"
                      "power figure over his market-rate figure, both for the same year and from the same page.",
              key="ppp", **evidence.cite(capabilities, world, memberships, blocs, [ppp_year],
                                         ["milex_usd_const", "milex_usd_mppp_market", "milex_usd_mppp"],
                                         methods=["sipri-milex-sources-methods"]))

# %% [markdown]
#
# ## How concentrated is each bloc?
#
# P11 contrasts a framework of many actors with NATO, where one power dominates (claim C24). Concentration is
# measured three ways, on every indicator. The largest member's share and the leader-to-runner-up ratio are read
# directly. The Herfindahl–Hirschman index, the sum of squared shares (Rhoades 1993, after Hirschman 1945), mixes
# the number of members with how unequal they are, so it is reported as its reciprocal, the effective number of
# members (Laakso & Taagepera 1979): n equal members give n, one dominant member gives close to 1.

# %%
# grouped by indicator as a journal sets it: each indicator once, on a row spanning the table, over its blocs
present.table(balance_view.concentration_view(conc, names), layout="grouped",
              title=balance_words.concentration_finding(conc[conc["indicator"] == "milex_usd_const"], P.year, names),
              caption="Shares are of the reported total; a runner-up left empty holds none. Blocs of one are left out.",
              key="concentration", **evidence.cite(capabilities, world, memberships, blocs, [P.year],
                                                   methods=METHOD_SOURCES))

# %%
present.chart(
    balance_charts.concentration_dots(
        conc, title=balance_words.concentration_finding(conc[conc["indicator"] == "nuclear_warheads"], P.year, names)),
    caption="The further a dot lies left of its tick, the more one member dominates that bloc on that indicator.",
    key="hhi", **evidence.cite(capabilities, world, memberships, blocs, [P.year], methods=METHOD_SOURCES))

# %% [markdown]
# ## Every year the data holds
#
# One year can mislead, so the shares are followed over every year from the first to the last with spending
# figures, with each bloc's membership read on 31 December of that year — a share can move because members
# joined, not only because budgets changed. Hollow points mark years where some member has no figure.

# %%
present.chart(
    balance_charts.share_lines(series, title=balance_words.series_finding(series)),
    caption=f"{balance.series_span(series)[2]} years of SIPRI constant-dollar spending; membership as of 31 December "
            "of each year. China's figures in every year and Russia's from 2022 are SIPRI estimates, so every "
            "Russia + China point rests on estimates. " + balance_words.fixed_membership_sentence(series, fixed, names),
    key="series",
    **evidence.cite(capabilities, world, memberships, blocs, balance.indicator_years(capabilities),
                    ["milex_usd_const"]))

# %% [markdown]
# ## The claims this notebook weighs
#
# P8's "asymmetric bipolarity" (C18) and P11's "the US dominates NATO" (C24) point here for evidence, with the two
# P10 scenarios.

# %%
weighed = evidence.evidence_claims(claim_rows, "05")
present.table(weighed.drop(columns=["source_id", "second_source_id"], errors="ignore"),
              title=evidence_words.claims_title(weighed), sources=weighed, key="claims",
              caption="The claims that look to this notebook for evidence, with who says each, our verdict and "
                      "its reason.")

# %% [markdown]
# ## How robust is this?
#
# Each headline of this page under its obvious alternative measure; for spending, two: purchasing power, and NATO
# without the United States, its largest spender, as the denominator. A headline that does not hold is also said so
# in the "At a glance" box.

# %%
robust = balance_robust_words.robustness(caps, conc, P.year, measures, measures_year, ppp, ppp_year, names, no_us)
present.table(robust, title=balance_robust_words.robustness_title(robust),
              caption="Alternatives are for the latest year the data holds them (SIPRI Yearbook 2024; Robertson's "
                      "2024 estimates).", key="robustness",
              **evidence.cite(capabilities, world, memberships, blocs, [P.year, measures_year],
                              methods=["militaryppp-robertson-2024"]))

# %% [markdown]
# ## Takeaways
#
# - The rows overlap on purpose; each is a comparison with NATO, never a part of a sum.
# - With the default year, Russia and China together spend about three tenths of what NATO spends at market
#   exchange rates, and hold more nuclear warheads than NATO's three nuclear-armed members in total inventories and
#   military stockpiles; the series shows the spending ratio rising over the years the data holds.
# - Neither comparison is robust: counting deployed warheads, NATO's members hold more; valuing Russia's and China's
#   spending at military purchasing power, the ratio roughly doubles (an upper bound, NATO left at market rates);
#   and, with the default year, leaving out the United States, Russia and China spend about as much as NATO's other
#   members.
# - Every bloc measured here has a dominant member, and on warheads each is close to a bloc of one: "non-hegemony"
#   (P11) would be a design goal for a new framework, not a description of any bloc measured here.
# - The balance of power in P10 is a scenario; capability data shows the sides' weights, not whether they deter.
# - Notebook 06 turns to the principles the article proposes for the new framework (P11–P14).

# %% [markdown]
# ## Sources

# %%
present.sources_section()
