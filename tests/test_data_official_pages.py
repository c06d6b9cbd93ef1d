"""Official pages cited first where they could be read (issue 22, R4): NATO's 2022 Strategic Concept was cited for
the ledger through two Ukrainian news reports; its Russia and China sentences are now cited from NATO's own page."""

from __future__ import annotations

from helpers import load

PAGE = "nato-strategic-concept-2022-page"


def test_the_strategic_concept_sentences_cite_natos_own_page():
    sources = load.sources().set_index("source_id")
    page = sources.loc[PAGE]
    assert page["kind"] == "official" and page["publisher"] == "NATO"
    assert page["url"].endswith("https://www.nato.int/strategic-concept")
    assert "poses the most significant and direct threat" in page["note"]  # the words the reasons rest on
    claims = load.claims().set_index("claim_id")
    # C18 quotes the Russia sentence as its case for, C36 the China sentence as its case against
    assert claims.loc["C18", "source_id"] == PAGE and claims.loc["C36", "second_source_id"] == PAGE
    for cid in ("C18", "C36"):
        assert claims.loc[cid, "checked_against"] == "official", cid
        assert "NATO's own page" in claims.loc[cid, "verdict_reason"], cid
