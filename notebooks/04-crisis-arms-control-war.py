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
# # Crisis: arms control, interventions, war
#
# P7–P9 describe the crisis the proposal answers: arms control in decline, US-led operations and interference in
# post-Soviet states, the war in Ukraine as the culmination (P7); Europe split into an "asymmetric bipolarity"
# (P8); a Russia–NATO confrontation short of open war (P9). This notebook lays the treaties and the wars on one
# time axis and compares the two camps before and after 2022.

# %% tags=["parameters"]
before = "2021-12-31"
after = "2024-04-30"

# %% [markdown]
# The imports validate both dates, and the next line checks that `after` really comes after `before`.

# %%
from helpers import load, membership, params, present
from helpers.charts import euroatlantic as charts
from helpers.tables import arms_control as treaty_tables
from helpers.tables import euroatlantic as tables

P = params.validated("04", before=before, after=after)
tables.check_order(before=P.before, after=P.after)
PARAS = tables.paragraph_range("P7-P9")

# %% [markdown]
# ## Data
#
# Treaties and their dated steps (signature, entry into force, suspension, withdrawal, expiry), dated events,
# membership spells, states and the article tables. Charts of the whole record run to the last date the data holds.

# %%
treaties = load.treaties()
arms_control = load.arms_control()
events = load.events()
event_actors = load.event_actors()
state_lineage = load.state_lineage()
event_paragraphs = load.event_paragraphs()
memberships = load.memberships()
states = load.states()
paragraphs = load.paragraphs()
claims = load.claims()
through = max(arms_control["date"].max(), events["date"].max())

# %% [markdown]
# ## What P7–P9 say
#
# Our paraphrase of the three paragraphs, then their claims. One factual claim (C15, the decline of arms control)
# is only partly supported; the tables below show why.

# %%
digest = tables.paragraph_digest(paragraphs, PARAS)
present.table(digest.drop(columns=["source_id"]), title="P7–P9: erosion, two camps, a confrontation short of war",
              caption="Our paraphrase of the paragraphs.", sources=sorted(set(digest["source_id"])),
              key="paraphrase")

# %%
claim_table = tables.claims_for(claims, PARAS)
present.table(claim_table.drop(columns=["source_id"]),
              title=f"P7–P9 make {len(claim_table)} claims; "
                    f"{claim_table['verdict'].isin(['supported', 'partly']).sum()} can be checked against records",
              caption="Claims of P7–P9 with our verdict and its reason.",
              sources=sorted(set(claim_table["source_id"])), key="claims")

# %% [markdown]
# ## Which treaties and which wars: the rules
#
# **Treaties.** The list is fixed by a rule, not by which treaties ended: every legally binding arms-control treaty
# signed since 1972 that is either bilateral between the USA and the USSR/Russia or European (negotiated among the
# CSCE/OSCE states, the USA and the USSR/Russia among the signatories). Political commitments such as the Vienna
# Document are not treaties and fall outside; global treaties open to every state (the CTBT) fall outside too, as
# they are not part of the US–Russian or European order P7 describes. A protocol counts with the treaty it belongs
# to, while an agreement signed under its own title counts on its own (the 1999 Adapted CFE).

# %%
treaty_rule = treaty_tables.treaty_cases(treaties, arms_control)
listed = treaties[treaties["treaty_id"].isin(treaty_rule.loc[treaty_rule["admitted"], "treaty_id"])]
present.table(treaty_rule[["short_name", "signed", "admitted", "reason"]].rename(columns={"short_name": "treaty"}),
              title=f"The rule admits {len(listed)} of the {len(treaty_rule)} treaties in the data",
              caption="Every treaty in treaties.csv against the rule: signed since 1972, bilateral US–Soviet/Russian "
                      "or European.", sources=sorted(set(treaties["source_id"])), key="treaty-rule")

# %% [markdown]
# **Wars.** The same discipline for the wars lane: an event counts when, after the end of the USSR (26 December
# 1991), NATO, the CSTO, a NATO member state or Russia used force against a state outside its own bloc, in Europe
# or the former Soviet Union — the theatre of the crisis P7–P9 describe. It follows the Uppsala Conflict Data
# Program's idea of a state-based conflict between governments (UCDP definitions), applied to the events the data
# holds; US-led wars elsewhere (Iraq, Libya) stay in the table as context the article names but outside the rule.

# %%
former_soviet = state_lineage.loc[state_lineage["predecessor_iso3"] == "SUN", "iso3"]
war_rule = treaty_tables.war_cases(events, event_actors, memberships, states, former_soviet)
present.table(war_rule[["date", "title", "acting", "against", "admitted", "reason"]],
              title=f"{int(war_rule['admitted'].sum())} of {len(war_rule)} wars and interventions in the data meet "
                    "the rule", caption="Every event of the interventions-and-wars category against the rule.",
              sources=sorted(set(war_rule["source_id"]) | {"ucdp-definitions"}), key="war-rule")

# %% [markdown]
# ## Arms control falls away, wars come in (P7)
#
# Each bar is a treaty from signature to its end: grey while signed but not (or not recorded as) in force, green
# while in force, purple once a party has suspended, left or revoked it. Black ticks are dated steps. Below, on the
# same axis, the wars the rule admits.

# %%
phases = treaty_tables.treaty_phases(arms_control, listed, through=through)
steps = treaty_tables.treaty_steps(arms_control, listed, through=through)
wars = events[events["event_id"].isin(war_rule.loc[war_rule["admitted"], "event_id"])]
present.chart(
    charts.treaty_gantt(
        phases, steps, wars,
        title=f"{len(listed)} arms-control treaties and {len(wars)} wars, {phases['start'].min().year}–"
              f"{through.year}",
        description="Gantt bars for each treaty's phases, with step ticks, above a lane of the wars the rule "
                    "admits, on the same time axis."),
    caption=f"Treaty phases from arms_control.csv up to {through.date()}; wars from events.csv. "
            "Hover a bar, tick or dot for dates, parties and sources.",
    sources=sorted(set(phases["source_id"]) | set(steps["source_id"]) | set(wars["source_id"])),
    key="treaties-wars")

# %% [markdown]
# Counting the treaties in force on 31 December of each full year turns the chart into a number a reader can
# check. Only treaties whose entry into force is recorded can count. The table keeps the years in which something
# changed.

# %%
years = range(phases["start"].min().year, through.year)
by_year = treaty_tables.in_force_by_year(phases, years, changes_only=True)
present.table(by_year.drop(columns=["treaties"]).astype({"year": "str"}),
              title=f"At most {by_year['in_force'].max()} of these treaties were in force at once; at the end of "
                    f"{years[-1]} {by_year['in_force'].iloc[-1]} were, {by_year['eroding'].iloc[-1]} of them eroding",
              caption="Treaties in force on 31 December, for each year in which the list or the eroding count "
                      "changed; 'eroding' = a party had suspended, announced withdrawal, withdrawn or revoked "
                      "ratification (any party, not only the US or Russia).",
              sources=sorted(set(phases["source_id"])), key="in-force-by-year")

# %% [markdown]
# ## Status for the US–Russia pair
#
# "Ended or eroding" mixes different things, so the status is kept for the pair the article is about. A treaty
# **binds the US and Russia** only while both are parties and neither has suspended it; a multilateral treaty can
# stay **in force among other parties only** after one of them left (CFE, Open Skies). A treaty that **expired at
# the end of its term** or was **superseded by a successor** ended as planned, which is not the same as ending
# by **withdrawal**; a treaty that never entered into force was never binding at all.

# %%
end_2023 = treaty_tables.pair_status(arms_control, listed, "2023-12-31")
tally = treaty_tables.status_counts(end_2023)
binding = int(end_2023["binds_pair"].sum())
present.table(tally, title=f"At the end of 2023, {binding} of {len(end_2023)} treaties still bound both the US and "
                           "Russia", caption="Status of each treaty for the US–Russia pair on 31 December 2023.",
              sources=sorted(set(phases["source_id"])), key="treaty-status")

# %% [markdown]
# The same status, treaty by treaty, at the end of the record.

# %%
latest = treaty_tables.pair_status(arms_control, listed, through)
ended_by_choice = latest["status"].isin(treaty_tables.PAIR_STATUSES[1:4] + treaty_tables.PAIR_STATUSES[6:7]).sum()
present.table(latest[["short_name", "signed", "status", "since"]].rename(columns={"short_name": "treaty"}),
              title=f"By {through.date()}, {ended_by_choice} of {len(latest)} treaties had been left, suspended or "
                    "abandoned by the US or Russia",
              caption="Status for the US–Russia pair; since = when that status began.",
              sources=sorted(set(steps["source_id"])), key="pair-status")

# %% [markdown]
# Every dated step, for readers who want to check a date.

# %%
present.table(steps[["date", "name", "step", "party", "note"]].rename(columns={"name": "treaty"}),
              title=f"{len(steps)} dated steps in the life of {steps['treaty_id'].nunique()} treaties",
              caption="Every step in arms_control.csv for the treaties of the rule; party ALL means the treaty "
                      "as a whole.", sources=sorted(set(steps["source_id"])), key="steps")

# %% [markdown]
# The wars the rule admits, as a table. The article also names "US-led operations" outside Europe; they are in
# the rule table above as context, and which of them the article means is its interpretation (C16).

# %%
war_rows = tables.timeline_rows(wars, event_paragraphs)
present.table(war_rows[["date", "title", "description", "paragraphs"]],
              title=f"{len(war_rows)} wars meet the rule, {war_rows['year'].min()}–{war_rows['year'].max()}",
              caption="Events admitted by the wars rule.", sources=sorted(set(war_rows["source_id"])),
              key="wars")

# %% [markdown]
# ## Two camps: "asymmetric bipolarity" (P8)
#
# P8 says there is no longer one Euro-Atlantic security community but two camps, NATO and Russia. Membership data
# can show the camps' sizes on `before` and `after`; the asymmetry in power is for notebook 05.

# %%
camps = tables.camps(memberships, states, ["NATO", "CSTO"], {"before": P.before, "after": P.after})
size = camps.set_index(["org_id", "label"])["members"]
present.chart(
    charts.camps_bars(
        camps,
        title=f"NATO went from {size['NATO', 'before']} to {size['NATO', 'after']} members, the CSTO from "
              f"{size['CSTO', 'before']} to {size['CSTO', 'after']}",
        description="Bars of NATO and CSTO formal members on the 'before' and 'after' dates, side by side."),
    caption=f"Formal members on {P.before} (before) and {P.after} (after); hover for who joined or left.",
    sources=membership.sources(memberships, ["NATO", "CSTO"]),
    key="camps")

# %% [markdown]
# Counts hide changes of status: a state can stay a formal member while freezing its participation. The table
# lists every change of status in either bloc between the two dates.

# %%
changes = tables.status_changes(memberships, states, ["NATO", "CSTO"], P.before, P.after)
present.table(changes,
              title=f"{len(changes)} changes of status in NATO and the CSTO between {P.before} and {P.after}",
              caption="An empty status means no membership of that organisation on that date.",
              sources=membership.sources(memberships, ["NATO", "CSTO"], changes["iso3"]), key="changes")

# %% [markdown]
# ## A confrontation short of war (P9)
#
# P9's one factual claim — Western military aid to Ukraine — rests on a source cited in the claims table; the
# events the data links to P9 are these.

# %%
p9 = tables.timeline_rows(events[events["event_id"].isin(tables.events_for_paragraphs(event_paragraphs, ["P9"]))],
                          event_paragraphs)
present.table(p9[["date", "title", "description", "paragraphs"]],
              title=f"{len(p9)} dated events bear on P9",
              caption="Events the data links to P9.", sources=sorted(set(p9["source_id"])), key="p9-events")

# %% [markdown]
# ## Takeaways
#
# - With the treaty list fixed by a rule, the record bears out the direction of P7 but not its sweep: at the end
#   of 2023 two testing treaties still bound both the US and Russia, and some endings were planned (START I
#   expired, the Moscow Treaty was superseded) rather than breakdowns (C15, partly).
# - The wars the rule admits run alongside the erosion; which wars form "the background of the crisis" is the
#   article's reading (C16).
# - With the default dates, NATO grew after 2022 while the CSTO's count stood still and one member froze its
#   participation: two camps of very different size, the "asymmetric bipolarity" of P8 in membership terms.
# - Notebook 05 measures the asymmetry in spending, warheads and population.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
