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
# ## Arms control falls away, wars come in (P7)
#
# Each bar is a treaty from signature to its end: grey while signed but not (or not recorded as) in force, green
# while in force, purple once a party has suspended, left or revoked it. Black ticks are dated steps. Below, on the
# same axis, the interventions and wars the data holds.

# %%
phases = tables.treaty_phases(arms_control, treaties, through=through)
steps = tables.treaty_steps(arms_control, treaties, through=through)
wars = tables.events_between(events, "1900-01-01", through, categories=["intervention_war"])
status = tables.treaty_status(phases)
ended = (status["status"] == "ended").sum()
eroding = status["status"].isin(["in force, eroding", "eroding"]).sum()
present.chart(
    charts.treaty_gantt(
        phases, steps, wars,
        title=f"By {through.date()}, {ended} of {len(status)} arms-control treaties had ended and {eroding} more "
              "had a party that suspended, left or revoked it",
        description="Gantt bars for each treaty's phases, with step ticks, above a lane of interventions and "
                    "wars on the same time axis."),
    caption=f"Treaty phases from arms_control.csv up to {through.date()}; interventions and wars from events.csv. "
            "Hover a bar, tick or dot for dates, parties and sources.",
    sources=sorted(set(phases["source_id"]) | set(steps["source_id"]) | set(wars["source_id"])),
    key="treaties-wars")

# %% [markdown]
# Counting the treaties in force on 31 December of each full year turns the chart into a number a reader can
# check. Only treaties whose entry into force is recorded can count (the CTBT has never entered into force). The
# table keeps the years in which something changed.

# %%
years = range(phases["start"].min().year, through.year)
by_year = tables.in_force_by_year(phases, years, changes_only=True)
peak = by_year["in_force"].max()
present.table(by_year.astype({"year": "str"}),
              title=f"At most {peak} of these treaties were in force at once; at the end of {years[-1]} "
                    f"{by_year['in_force'].iloc[-1]} were, {by_year['eroding'].iloc[-1]} of them eroding",
              caption="Treaties in force on 31 December, for each year in which the list or the eroding count "
                      "changed; 'eroding' = a party had suspended, announced withdrawal, withdrawn or revoked "
                      "ratification.",
              sources=sorted(set(phases["source_id"])), key="in-force-by-year")

# %% [markdown]
# Where each treaty stands at the end of the record, then the dated steps themselves, with the notes that record
# where sources disagree.

# %%
present.table(status, title=f"{ended + eroding} of {len(status)} treaties ended or eroding by {through.date()}",
              caption="Status = 'ended', or the treaty's last phase; since = when that status began.",
              sources=sorted(set(phases["source_id"])), key="treaty-status")

# %% [markdown]
# Every dated step, for readers who want to check a date.

# %%
present.table(steps[["date", "treaty_id", "step", "party", "note"]],
              title=f"{len(steps)} dated steps in the life of {steps['treaty_id'].nunique()} treaties",
              caption="Every step in arms_control.csv; party ALL means the treaty as a whole.",
              sources=sorted(set(steps["source_id"])), key="steps")

# %% [markdown]
# The interventions and wars of P7, as a table. The article names "US-led operations" and "interference in
# post-Soviet states"; the list holds both kinds, and which of them the article means is its interpretation (C16).

# %%
war_rows = tables.timeline_rows(wars, event_paragraphs)
present.table(war_rows[["date", "title", "description", "paragraphs"]],
              title=f"{len(war_rows)} interventions and wars, {war_rows['year'].min()}–{war_rows['year'].max()}",
              caption="Events of category intervention_war.", sources=sorted(set(war_rows["source_id"])),
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
# - The arms-control record bears out the direction of P7: in the data, every treaty held here has since been
#   suspended, left, revoked or has expired. Whether that is "decline of the regime" as a whole is broader than a
#   handful of treaties (C15, partly).
# - Interventions and wars run alongside the erosion; which of them form "the background of the crisis" is the
#   article's reading (C16).
# - With the default dates, NATO grew after 2022 while the CSTO's count stood still and one member froze its
#   participation: two camps of very different size, the "asymmetric bipolarity" of P8 in membership terms.
# - Notebook 05 measures the asymmetry in spending, warheads and population.

# %% [markdown]
# ## Sources

# %%
present.sources_section()
