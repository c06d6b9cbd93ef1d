"""data/claims.csv and data/paragraphs.csv: the ledger's rules that a Table Schema cannot state.

The vocabulary itself (verdict, checked_against, voice, claim_type) is declared as enums in datapackage.json and
checked on every load; these tests check that the package declares it, and the rules across columns and tables:
verdict and checking kept apart, two-sided reasons with two sources for every interpretive and normative claim,
no partial verdict that is really a gap in checking, and notes in public terms only.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from helpers import load, paths
from helpers.tables.claims import CHECKED, CLAIM_TYPES, VERDICTS

ARTICLE = "alahalygate-neutralizing-nato"
SENTENCE_END = re.compile(r"[.!?](?:['’”)]*)(?=\s+[A-Z‘'(]|\s*$)")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load.claims()


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return load.sources().set_index("source_id")


def _field(resource: str, name: str) -> dict:
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    res = next(r for r in package["resources"] if r["name"] == resource)
    return next(f for f in res["schema"]["fields"] if f["name"] == name)


def _sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def _cited(row) -> list[str]:
    ids = [row["source_id"], row["second_source_id"]]
    return [s for s in ids if isinstance(s, str) and s and s != ARTICLE]


def test_the_package_declares_the_ledger_vocabulary():
    assert _field("claims", "verdict")["constraints"]["enum"] == list(VERDICTS)
    assert _field("claims", "checked_against")["constraints"]["enum"] == list(CHECKED)
    assert _field("claims", "claim_type")["constraints"]["enum"] == list(CLAIM_TYPES)
    assert _field("claims", "evidence_after_article")["type"] == "boolean"
    assert "the author" in _field("claims", "voice")["constraints"]["enum"]


def test_every_paragraph_has_claims_and_ids_run_without_gaps(claims):
    assert set(claims["paragraph"]) == {f"P{i}" for i in range(1, 20)}
    numbers = sorted(int(c[1:]) for c in claims["claim_id"])
    assert numbers == list(range(1, len(numbers) + 1))


def test_interpretive_and_normative_reasons_are_two_sided_with_two_sources(claims):
    opinion = claims[claims["claim_type"].isin(["interpretive", "normative"])]
    assert len(opinion) > 0
    for _, row in opinion.iterrows():
        n = _sentences(row["verdict_reason"])
        assert 2 <= n <= 4, f"{row['claim_id']}: reason has {n} sentences, not 2–4"
        cited = _cited(row)
        assert len(set(cited)) == 2, f"{row['claim_id']}: needs two distinct sources (for and against), has {cited}"
        assert row["verdict"] == "interpretation", f"{row['claim_id']}: a reading or proposal gets no truth verdict"


def test_no_verdict_is_partial_because_of_a_gap_in_checking(claims):
    gap = re.compile(r"not (?:been )?checked|could not (?:be )?(?:check|verif|read|find)|not verified|"
                     r"was not read|no primary source|not found", re.I)
    partial = claims[claims["verdict"] == "partly supported"]
    for _, row in partial.iterrows():
        assert not gap.search(row["verdict_reason"]), f"{row['claim_id']}: 'partly' must not stand for a checking gap"


def test_unchecked_claims_say_so_and_name_what_would_settle_them(claims):
    unverifiable = claims[claims["verdict"] == "unverifiable"]
    assert (unverifiable["checked_against"] == "not checked").all()
    unchecked = claims[claims["checked_against"] == "not checked"]
    assert set(unchecked["verdict"]) <= {"unverifiable", "interpretation"}
    for _, row in unchecked.iterrows():
        assert re.search(r"would (?:settle|test)", row["verdict_reason"]), \
            f"{row['claim_id']}: an unchecked claim must name the document or record that would settle it"
    for _, row in claims[claims["checked_against"] != "not checked"].iterrows():
        assert _cited(row), f"{row['claim_id']}: checked against {row['checked_against']} but cites no evidence"


def test_checked_against_matches_the_kind_of_the_sources_cited(claims, sources):
    for _, row in claims[claims["checked_against"] != "not checked"].iterrows():
        kinds = {sources.loc[s, "kind"] for s in _cited(row)}
        expected = "primary" if kinds & {"primary", "official"} else "secondary"
        assert row["checked_against"] == expected, f"{row['claim_id']}: sources are {sorted(kinds)}"


def test_judged_forecasts_rest_on_later_evidence(claims):
    forecasts = claims[(claims["claim_type"] == "predictive") & (claims["verdict"] != "interpretation")]
    assert forecasts["evidence_after_article"].all(), list(forecasts["claim_id"])


def test_attributions_are_recorded_and_p11_puts_the_argument_in_putins_mouth(claims):
    p11 = claims[(claims["paragraph"] == "P11") & (claims["voice"] == "Putin") & (claims["claim_type"] == "factual")]
    assert len(p11) >= 1, "the Arabic's attribution of P11's argument to Putin needs its own claim"
    paraphrase = load.paragraphs().set_index("paragraph").loc["P11", "paraphrase"]
    assert "Putin" in paraphrase


def test_notes_use_public_terms_only(claims):
    lookup = re.compile(r"search tool|stored (?:copy|excerpt)|in the store|found with|searched|search results|"
                        r"read in the stored|the tool", re.I)
    paragraphs = load.paragraphs()
    texts = list(claims["claim"]) + list(claims["verdict_reason"]) + list(claims["testable_with"].fillna(""))
    texts += list(paragraphs["paraphrase"])
    texts += list(pd.read_csv(paths.DATA / "provenance" / "sources-ledger.csv", dtype=str)["note"].fillna(""))
    bad = [t for t in texts if lookup.search(t)]
    assert not bad, bad[:3]
