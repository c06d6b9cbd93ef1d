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
# # Security framework or alliance?
#
# P15 expects Russia–China consultations to produce, at first, a platform for dialogue without heavy institutional
# obligations rather than a NATO-like alliance; P16 suggests existing bodies such as the SCO could host it and later
# become permanent institutions. This notebook codes NATO, the OSCE, the SCO, the CSTO, the proposed framework and
# the 2001 Russia–China treaty — the bilateral baseline of the article's subject — on a codebook taken from the
# alliance literature, each cell quoted from the founding texts and dated. The defence promise decides alliance or
# not; the other obligations are shown beside it as a profile, and institutionalization is a second axis.

# %% tags=["parameters"]
orgs = "NATO,OSCE,SCO,CSTO,EURASIAN_FRAMEWORK,RU_CN_TREATY_2001"
as_of = "2024-04-30"

# %% [markdown] tags=["remove-cell"]
# The organisations compared are all in the data and the date lies within its range; what follows rests on the
# codebook, the coded cells and the organisations.

# %%
from helpers import load, params, present, wording
from helpers.charts import typology as typology_charts
from helpers.tables import (article, claims_view, typology, typology_checks, typology_checks_words,
                            typology_lead_words, typology_view, typology_words)

P = params.validated("07", orgs=orgs, as_of=as_of)
DAY = wording.day(P.as_of.isoformat())
dimensions, org_features, organisations = load.dimensions(), load.org_features(), load.organisations()
names = typology_view.short_names(organisations, P.as_of)  # the OSCE is the CSCE before 1995

# %%
shown, left_out = typology_words.comparable(organisations, org_features, P.orgs, P.as_of)
cells = typology_words.matrix_cells(org_features, dimensions, shown, P.as_of)
intervals = typology.typology_intervals(org_features, dimensions, shown, P.as_of)
robust = typology_checks_words.robustness_table(org_features, dimensions, shown, P.as_of, names)
partly = typology_checks_words.lead_rests_on_partly(robust)
renamed = typology_view.renaming_note(organisations, shown, P.as_of)  # the CST before the CSTO (2003), in words
present.glance(typology_view.with_renaming(typology_checks_words.glance_with_robustness(
    typology_words.glance_findings(intervals, cells, dimensions, left_out, names, DAY, ties_when_yes=partly), robust),
                                           renamed), summary=typology_words.glance_summary(shown, left_out, names, DAY))

# %% [markdown]
# ## What P15–P16 say
#
# Our paraphrase, then the claims that look to this comparison for evidence, with our verdict; the
# [claims ledger](09-claims-ledger.html) gives the reason for each.

# %%
paragraphs, claims = load.paragraphs(), load.claims()
digest = article.paragraph_digest(paragraphs, article.notebook_paragraphs("07"))
present.table(digest.drop(columns=["source_id"]), title="P15–P16: a dialogue platform first, perhaps built on the "
              "SCO", caption="Our paraphrase of each paragraph.", sources=digest, key="paraphrase")

# %%
here = typology_words.claims_here(claims, "07", set(paragraphs.query("likely_editor_addition")["paragraph"]))
present.table(here.drop(columns=["Why", "source_id", "second_source_id"]), key="claims", sources=here,
              title=f"{len(here)} claims look to this comparison for evidence",
              caption=" ".join(filter(None, [
                  "Including P4's 'strict obligations'. The reason behind each verdict, with the case on each side, is "
                  "in the claims ledger (report 09).", claims_view.who_note(here.get("Who says it", []))])))

# %% [markdown]
# ## The organisations compared
#
# What each organisation is and whether it existed on the chosen date. One that did not yet exist — the SCO and
# the CSTO in 1991 — says so and is left out of the comparison below, rather than shown with empty cells; the
# 2001 treaty has two parties, Russia and China, and no members. Member counts, which rest on every accession
# record, are in notebooks 02 (NATO), 03 (the OSCE) and 08 (the SCO); the coding here reads founding texts.

# %%
overview = typology_view.named_on(typology_words.organisation_table(organisations, P.orgs, P.as_of), P.orgs, P.as_of)
present.table(overview.drop(columns=["source_id"]), title=f"The organisations on {DAY}", key="overview",
              sources=[*overview["source_id"], *typology_view.renaming_sources(P.orgs, P.as_of)],
              caption=" ".join(filter(None, [typology_words.absence_sentence(left_out, names, DAY)
                                             or "Every chosen organisation is compared.",
                                             typology_view.renaming_note(organisations, P.orgs, P.as_of)])))

# %% [markdown]
# ## The codebook
#
# **Obligations.** We code the five obligation types of the Alliance Treaty Obligations and Provisions project:
# defence, offence, neutrality, non-aggression and consultation (Leeds, Ritter, Mitchell & Long 2002; ATOP
# codebook). The version is the one notebook 02 uses, ATOP 4.01; its definitions are paraphrased from a copy of
# ATOP's 3.0 codebook (no page cited) and its 5.1 documentation, as no 4.01 codebook was read (notebook 02 says
# more). Using an established codebook means an outside reader can check each call against published rules —
# for instance that a consultation promise counts only when it is specific to crises and aims at coordinating
# policy. **The defence promise classifies**: a text in which members promise to help one another if attacked
# (Article 5 of the North Atlantic Treaty, Article 4 of the Collective Security Treaty) makes a **defence
# alliance**, one without it does not. This is narrower than ATOP, which also counts as alliances agreements that
# promise only non-aggression or consultation: ATOP lists the 2001 Russia–China treaty as an alliance agreement
# (ATOP 4980) with no defence promise, which is what we call it too — not a defence alliance. The other four types are a **profile** shown beside it, never averaged into it: an offence
# or neutrality promise is a different kind of commitment, not a step toward defence. Each type is a plain yes or
# no; whether the text binds in law is the legal-form axis, so a political commitment is not given half a point
# here. A provision the text does not contain is coded no, as in ATOP; such cells name the text read instead of
# quoting a sentence. The promise not to enter conflicting engagements (NATO's Article 8, the CSTO's Article 1) is
# not one of ATOP's five types, so it is described, not scored.
#
# **Institutions.** The institutions index is ours: four features — an integrated military command, a common
# defence policy, troops based on other members' territory, and a formal organisation — weighted equally. Leeds &
# Anac (2005) measure alliance institutionalization from ATOP's provisions; we do not claim their index, whose
# items and weights we have not taken from the paper: only its abstract was read, not the paper. Standing forces
# and a common budget are shown but kept out
# of the score; the robustness section adds them.
#
# **Legal form apart.** Whether the founding text is a treaty or a political document measures legalization, not
# institutionalization: the OSCE has a secretariat and field missions without a treaty. It gets its own axis.
#
# **The decision rule is described, not scored.** Consensus and majority voting answer a different question —
# how much authority members pool — and scoring consensus low would rank NATO, which decides by consensus, below
# bodies that vote. The table shows each rule in words.
#
# **Dated cells.** Every cell has a first day and, if it ended, a last. One rule dates them: the first day is the
# day the act or provision that created the feature took effect — entry into force for a treaty, adoption for a
# declaration or a decision — not the date of the page we quote. So NATO's troop basing counts from the Status of
# Forces Agreement's entry into force (August 1953), not its signature (June 1951), as the CSTO's counts from its
# treaty's entry into force (April 1994). Membership is dated otherwise: the member spells of notebooks 02 and 04
# start at each state's signature, the CSTO's in 1992–93, before its treaty was in force. Two cells depart from the rule and their notes say so: the CSTO's 2007
# peacekeeping agreement and the 2001 protocol behind its first collective force are dated by their signature, as
# their entry into force was not verified. NATO's integrated
# command counts from SHAPE's activation in April 1951 although the quote describes today's structure, and the
# OSCE's comprehensive scope from the Helsinki Final Act of 1975 although the quote is from 2012; the evidence's
# own date is kept in its own column of the audit table (evidence dated). So a report for 1991 places NATO's institutions as known, and codes neither
# the SCO (2001) nor the CSTO's treaty (1992). NATO's standing forces count from the Allied Command Europe Mobile
# Force (March 1960), the CSTO's from the Collective Rapid Deployment Force of the Central Asian region, created at
# the Yerevan session of May 2001; the CSTO's staff, coded 'partly', counts from the decision that created its Joint
# Staff (April 2003). A peacekeeping role counts from the decision or agreement that gave it, not from a first
# operation: NATO's from the Oslo Decision (June 1992), the OSCE's from the Helsinki Document (July 1992) and the
# CSTO's from its 2007 agreement. The OSCE's accession rule counts from Albania's admission (June 1991). Where we found only a later text
# that documents a feature, not the act that created it — NATO's nuclear role (documented from April 1958) and the
# OSCE's common budget (from December 2005) — the note says "documented by", and the years before are coded
# unknown, not absent: a report for 1955 shows NATO's nuclear role as unknown, not as "not coded".

# %%
book = typology_view.codebook_table(dimensions)
present.table(book.drop(columns=["source_id"]), title=typology_words.codebook_finding(book), key="codebook",
              caption="What each dimension records, its values, and whether it is scored.",
              sources=[*book["source_id"], "leeds-et-al-2002-atop"], collapsed=f"Show the codebook: {len(book)} "
              "dimensions, their values and what each records")

# %% [markdown]
# ## The comparison
#
# Each column is an organisation that existed on the chosen date, each row a dimension of the codebook, grouped
# by axis. A cell gives the value in force with a symbol for how far it leans to the alliance end of its
# dimension (● alliance-like, ○ framework-like); the dimensions whose values are kinds rather than degrees —
# decision rule, scope of security, membership openness, not directed against third states, peacekeeping — are
# marked "–" and left unshaded. "Unknown" (hatched) means the texts read do not settle it; the audit table at
# the end names the document that would. Hover over, tap or focus a cell for the text it rests on; in print these
# are numbered notes. For the proposed framework the only source is the article itself, with its paragraph.

# %%
former = typology_view.former_names(P.as_of)  # a column named as the organisation was on the date
present.matrix(cells.assign(org_id=cells["org_id"].replace(former)), rows="dimension_id", columns="org_id",
               value="value", score="score", group="axis", detail="note",
               column_order=[former.get(o, o) for o in shown], key="comparison",
               title=typology_words.matrix_finding(cells, names, DAY),
               caption="Values in force on the date; described dimensions are shown but not scored.")

# %% [markdown]
# ## The obligations profile
#
# The defence promise decides the class; the other four ATOP types stand beside it as they are.

# %%
profile = typology_view.obligation_profile(org_features, dimensions, shown, P.as_of, names)
present.table(profile, title=typology_words.profile_finding(profile), key="profile", sources=cells,
              caption="Class = defence alliance when the text promises defence (ATOP also counts non-aggression and "
                      "consultation pacts as alliances). The other columns are the profile, not a score.")

# %% [markdown]
# ## Alliance or framework: a typology
#
# The obligations axis is the defence promise (1 or 0); the institutions axis is the mean of our four items,
# each scaled to 0–1 by its own range, computed for one
# organisation at a time from its own cells — so adding or removing an organisation never moves another (an
# earlier version compared organisations only on the dimensions known for all of them, which made NATO's score
# depend on the company it kept). An unknown cell is not guessed: it is counted once at its lowest and once at
# its highest value, so each score is an interval whose width is exactly what the unknowns allow. An axis with no
# known cell is not placed.

# %%
present.table(typology_view.interval_table(intervals, dimensions, names), key="scores", sources=cells,
              title=f"Scores on {DAY}: points where every scored cell is known, ranges where some are not",
              caption="0 = none of the features of the axis, 1 = all of them.")

# %%
headline = typology_lead_words.alliance_title(intervals, cells, dimensions, partly, names)
present.chart(typology_charts.typology_strips(intervals, names=names, title=headline),
              caption=typology_words.scatter_caption(intervals),
              sources=cells, key="typology")

# %% [markdown]
# **Reading it.** On 30 April 2024 (the default date), NATO and the CSTO are the two alliances: both texts promise
# defence, and both add non-aggression and consultation in a crisis to it. NATO is the most institutionalized on
# our index — integrated command, common defence
# planning, allied troops on eastern members' territory, a standing Council — while the CSTO has a Joint Staff but
# no integrated command, though its 1992 Treaty provides for bases on members' territory; that one cell, coded
# "partly", is the whole of NATO's lead (see "How robust is this?"). The OSCE and the
# SCO have secretariats but neither a defence promise nor military institutions: frameworks rather than alliances,
# the SCO legally a treaty organisation, the OSCE a political one (the scores table's third axis). The 2001
# Russia–China treaty binds its parties to non-aggression, to consult when one feels threatened and not to join
# blocs against each other, but promises no defence and creates no institutions. The proposed framework cannot be
# placed at all: P15's platform "for dialogue or consultation" is not ATOP's crisis-consultation promise, and
# nothing in the article fixes a defence promise or an institution. That supports P15's
# contrast (C31, C32) as a description of the starting point; the destination stays open. On P16's "NATO began
# against the USSR and now deters Russia" (C34) the coding confirms the defence promise; whom it deters is not a
# feature. In 1991 only NATO and the OSCE's forerunner, the CSCE, can be compared: the SCO, the CSTO, the 2001
# treaty and the proposal all came later.
#
# ## Checking our coding against ATOP's
#
# One coder read these texts. ATOP's published coding (version 4.01) is a second reading of the five obligation
# types, of the four founding texts — the North Atlantic Treaty, the Warsaw Treaty, the Collective Security Treaty
# and the 2001 treaty — and of the three other texts in the census that bear on the organisations compared: the
# Helsinki Final Act (ATOP 3740, the CSCE), the 1996 Shanghai agreement (4810, the Shanghai Five, which we do not
# code) and the SCO states' 2007 Treaty on Long-Term Good-Neighbourliness (6020, compared with our SCO cells from its
# entry into force in 2012). The check was not blind: our codes were made with ATOP's at hand, and the cells coded
# "no" by absence in the 2001 treaty were coded in the same revision that first reported this agreement. A cell we
# leave unknown or do not code is shown but not counted, and ATOP's code never fills it: ATOP codes consultation in
# the 2007 SCO treaty, which we leave unknown until its text is read. Each cell below reads "ours / ATOP's".

# %%
agreement = typology_checks.atop_agreement(org_features, load.pact_census())
present.table(typology_checks_words.agreement_table(agreement, dimensions, names),
              title=typology_checks_words.agreement_finding(agreement),
              key="atop-check", caption="Our code from the founding text / ATOP 4.01's code of the same treaty.",
              sources=["atop-4-01-data", *org_features.loc[org_features["org_id"].isin(agreement["org_id"])
                                                           & org_features["dimension_id"].isin(
                                                               agreement["dimension_id"]), "source_id"]])

# %% [markdown]
# ## How robust is this?
#
# The headline — which of the organisations existing on the date are alliances by their defence promise, and which
# is the most institutionalized — under the obvious alternatives: the equal-weight mean of ATOP's five types that
# an earlier version of this notebook used, an institutions index that also counts standing forces and a common
# budget, and the index with the cells coded "partly" (the CSTO's integrated command, coded "partly" from April
# 2003, when the decision that created its Joint Staff was taken) read as no and as yes. A lead holds when the leader's score stays at or above the upper end of every other score's range, so an
# unknown cell that could not overtake it does not count against it. ATOP's coding in place of ours is the check
# above.

# %%
present.table(robust, title=typology_checks_words.robustness_headline(robust), key="robustness", sources=cells,
              caption=" ".join(typology_checks_words.robustness_findings(robust)))

# %% [markdown]
# The equal-weight mean is what the profile avoids: on it offence and neutrality, which none of the compared
# texts promises, would count as steps toward alliance, and a text that promises non-aggression and consultation
# without defence scores two fifths of the way to an alliance.
#
# ## Takeaways
#
# What holds on the chosen date, for the organisations that existed on it:

# %%
present.findings(typology_checks_words.takeaways(robust, shown))

# %% [markdown]
# And for every date:
#
# - Our obligation codes agree with ATOP's published coding wherever both code a cell, across six texts; the
#   check was not blind.
# - What is unknown is shown as a range, never filled from memory; each unknown names the document that would
#   settle it.
# - Notebook 08 looks at the SCO, the body P16 names, and the states that sit on both sides.

# %% [markdown]
# ## Audit: every coded cell up to the report's date
#
# Every cell of the compared organisations that had begun by the report's date, earlier periods included (a cell
# that begins later is not shown), with the text it rests on: the locator (article, section or paragraph), a quote
# of at most fifteen words, what kind of text it is, and for unknown cells the document that would settle it. The
# date of the evidence is its own column: a text read today can document a feature that began decades before.
# Quotes in Russian are from the authentic Russian texts; quotes in Arabic are from the article.

# %%
details = typology_view.feature_details(org_features, dimensions, shown, names, as_of=P.as_of)
present.table(details, title=f"{len(details)} coded cells behind the comparison, up to {DAY}, with their texts",
              caption="Detail and note in our words; the quote is verbatim from the text at the locator.",
              sources=details, key="details", collapsed=f"Show all {len(details)} sourced cells",
              print_rows=25)  # on paper 25 rows and where every row is (the page and its CSV), not 40 pages

# %% [markdown]
# ## Sources

# %%
present.sources_section()
