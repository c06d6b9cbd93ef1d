"""helpers.tables.evidence: the claims a notebook weighs, and a scenarios title that follows the ledger's voices."""

from __future__ import annotations

import pandas as pd

from helpers import load
from helpers.tables import claims_view
from helpers.tables import evidence as E
from helpers.tables import evidence_words as EW


def test_evidence_claims_are_the_ledgers_rows_for_that_notebook_in_paragraph_order():
    claims = load.claims()
    got = E.evidence_claims(claims, "05")
    assert set(got["claim_id"]) == set(claims.loc[claims["evidence_notebook"].astype(str) == "05", "claim_id"])
    assert "evidence_notebook" not in got.columns
    numbers = [int(p[1:]) for p in got["paragraph"]]
    assert numbers == sorted(numbers)  # P8 before P10 before P11, not string order


def test_claims_title_counts_the_interpretations():
    frame = pd.DataFrame({"verdict": ["interpretation", "supported", "interpretation"]})
    assert EW.claims_title(frame) == (
        "3 claims rest on this notebook's figures; 2 are interpretations data cannot settle")
    assert EW.claims_title(frame.iloc[:1]) == (
        "1 claim rests on this notebook's figures; 1 is an interpretation data cannot settle")


def test_scenarios_title_never_calls_a_scenario_given_to_observers_the_articles_own():
    scen = claims_view.article_scenarios(load.claims(), "P10")
    title = EW.scenarios_title(scen)
    assert title == "P10's two scenarios: one the article reports from observers, one in its own voice"
    own = pd.DataFrame({"whose scenario": ["the article (P10)"] * 2})
    assert EW.scenarios_title(own) == "P10's two scenarios, in the article's own voice"
    assert "article's own" not in title


def test_cite_puts_the_figures_first_and_cites_only_the_memberships_running_at_the_years_end():
    capabilities, world, memberships = load.capabilities(), load.world_totals(), load.memberships()
    got = E.cite(capabilities, world, memberships, ["NATO", "SCO", "CSTO", "Russia + China"], [2023],
                 ["milex_usd_const"], methods=["sipri-milex-sources-methods"])
    assert got["measure"] == ["sipri-milex-sources-methods", "sipri-milex-database"]
    nato = memberships[memberships["org_id"] == "NATO"]
    sweden = set(nato.loc[nato["iso3"] == "SWE", "source_id"])
    assert sweden and not sweden & set(got["sources"])  # Sweden joined in March 2024, after the 2023 rows
    finland = set(nato.loc[nato["iso3"] == "FIN", "source_id"])
    assert finland <= set(got["sources"])  # Finland joined in April 2023
    sco_outer = memberships[(memberships["org_id"] == "SCO") & ~memberships["status"].isin(["member"])]
    only_outer = set(sco_outer["source_id"]) - set(memberships.loc[memberships["status"] == "member", "source_id"])
    assert only_outer and not only_outer & set(got["sources"])  # observers and partners are in no bloc
    later = E.cite(capabilities, world, memberships, ["NATO"], [2023, 2024], ["milex_usd_const"])
    assert sweden <= set(later["sources"])


def test_a_claim_not_compared_with_rt_names_its_speaker_not_unknown():
    # data editor (review 8, low 23): 08's claims table read "unknown" for C33, the author's own sentence in the
    # Arabic whose English (RT's P16) could not be read; it reads as the claims ledger does
    claims = load.claims()
    table = E.with_speakers(E.evidence_claims(claims, "08"), claims)
    who = dict(zip(table["claim_id"], table["voice"]))
    assert who["C33"] == "author (not compared with RT)"
    assert "unknown" not in set(table["voice"])
    assert claims_view.who_note(table["voice"]).startswith("“Not compared with RT”")
