"""Unit tests for helpers.tables.claims and helpers.charts.claims: small hand-made frames in, exact frames (or
chart specs) out."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from helpers.charts import claims as C
from helpers.tables import claims as T
from helpers.tables import eurasia

REPORTS = {"02": "02-nato-enlargement.html", "05": "05-balance-of-power.html", "09": "09-claims-ledger.html"}


def claims() -> pd.DataFrame:
    return pd.DataFrame({
        "claim_id": ["C02", "C01", "C03", "C10"],
        "paragraph": ["P10", "P4", "P19", "P11"],
        "claim": ["b", "a", "c", "d"],
        "voice": ["observers", "the author", "the author", "Putin"],
        "claim_type": ["normative", "factual", "predictive", "factual"],
        "testable_with": ["x"] * 4,
        "verdict": ["interpretation", "supported", "partly supported", "contradicted"],
        "checked_against": ["secondary", "primary", "primary", "secondary"],
        "evidence_after_article": [False, False, True, False],
        "verdict_reason": ["r1", "r2", "r3", "r4"],
        "evidence_notebook": ["05", "2", "09", "09"],
        "source_id": ["s1", "s2", "s3", "s4"],
        "second_source_id": ["t1", None, "", "s1"],
    })


def test_claim_type_list_parses_and_refuses():
    assert T.claim_type_list("factual, predictive,factual") == ["factual", "predictive"]
    with pytest.raises(ValueError, match="claim_types='factual,opinion'.*opinion.*allowed"):
        T.claim_type_list("factual,opinion")
    with pytest.raises(ValueError, match="empty"):
        T.claim_type_list(" , ")


def test_the_moved_names_stay_importable_from_eurasia():
    assert eurasia.article_scenarios is T.article_scenarios
    assert eurasia.claim_type_list is T.claim_type_list


def test_claims_ledger_links_reports_sorts_by_paragraph_and_keeps_checking_apart():
    out = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert list(out.columns) == T.LEDGER_COLUMNS
    assert list(out["claim_id"]) == ["C01", "C02", "C10", "C03"]
    assert list(out["evidence"]) == ["02-nato-enlargement.html", "05-balance-of-power.html",
                                     "09-claims-ledger.html", "09-claims-ledger.html"]
    assert list(out["verdict"]) == ["supported", "interpretation", "contradicted", "partly supported"]
    assert list(out["checked_against"]) == ["primary", "secondary", "secondary", "primary"]
    assert list(out["second_source_id"]) == ["", "t1", "s1", ""]
    assert list(T.claims_ledger(claims(), REPORTS, ["factual"])["claim_id"]) == ["C01", "C10"]


def test_claims_ledger_refuses_unknown_notebook_and_missing_columns():
    bad = claims().assign(evidence_notebook=["05", "2", "42", "09"])
    with pytest.raises(ValueError, match=r"\['42'\] are not notebooks"):
        T.claims_ledger(bad, REPORTS, T.CLAIM_TYPES)
    with pytest.raises(ValueError, match="missing column.*checked_against"):
        T.claims_ledger(claims().drop(columns="checked_against"), REPORTS, T.CLAIM_TYPES)


def test_verdict_counts_zero_fill_on_the_new_scale():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    out = T.verdict_counts(led)
    assert len(out) == 3 * len(T.VERDICTS)
    assert out["claims"].sum() == 4
    by = out.set_index(["claim_type", "verdict"])["claims"]
    assert by[("factual", "supported")] == 1 and by[("factual", "contradicted")] == 1
    assert by[("factual", "unverifiable")] == 0
    assert list(T.verdict_counts(led.iloc[:0])["claim_type"].unique()) == list(T.CLAIM_TYPES)


def test_checking_counts_is_a_full_verdict_by_checking_grid():
    out = T.checking_counts(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    expected = pd.DataFrame({
        "verdict": list(T.VERDICTS),
        "primary": [1, 1, 0, 0, 0],
        "secondary": [0, 0, 1, 0, 1],
        "not checked": [0, 0, 0, 0, 0],
        "total": [1, 1, 1, 0, 1],
    })
    pdt.assert_frame_equal(out, expected)


def test_attribution_claims_are_the_ones_in_someone_elses_mouth():
    out = T.attribution_claims(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert list(out["claim_id"]) == ["C02", "C10"]
    assert list(out["who says it"]) == ["observers", "Putin"]
    assert list(out.columns)[:3] == ["claim_id", "paragraph", "who says it"]


def test_forecasts_flag_later_evidence():
    out = T.forecasts(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert out.to_dict("records") == [{"claim_id": "C03", "paragraph": "P19", "claim": "c",
                                       "verdict": "partly supported", "later evidence": "yes"}]


def test_cited_sources_take_both_columns_without_blanks():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert T.cited_sources(led) == ["s1", "s2", "s3", "s4", "t1"]


def test_paragraph_coverage_lists_every_paragraph_with_its_reports():
    paras = pd.DataFrame({"paragraph": ["P2", "P1"], "order": [2, 1]})
    cov = T.paragraph_coverage(paras, claims().assign(paragraph=["P1", "P1", "P2", "P2"]),
                               {"01": "01-a.html", "02": "02-b.html", "09": "09-c.html"},
                               {"01": ["P1", "P2"], "02": ["P2"], "09": ["P1", "P2"]})
    assert cov.to_dict("records") == [
        {"paragraph": "P1", "claims": 2, "covered in": "01-a.html"},
        {"paragraph": "P2", "claims": 2, "covered in": "01-a.html, 02-b.html"},
    ]


def test_article_scenarios_say_whose_scenario_it_is():
    sc = pd.DataFrame({"claim_id": ["C02", "C01", "C09"], "paragraph": ["P10", "P10", "P11"],
                       "claim": ["worst", "best", "other"], "voice": ["the author", "observers", "the author"],
                       "claim_type": ["predictive", "normative", "normative"], "verdict": ["interpretation"] * 3})
    out = T.article_scenarios(sc)
    assert list(out["claim_id"]) == ["C01", "C02"]
    assert list(out["whose scenario"]) == ["observers, as the article reports (P10)", "the article (P10)"]
    assert list(T.article_scenarios(sc.drop(columns="voice"))["whose scenario"]) == ["the article (P10)"] * 2


def test_verdict_bars_fix_the_verdict_order_and_colours():
    counts = pd.DataFrame({"claim_type": ["factual", "factual"], "verdict": ["supported", "unverifiable"],
                           "claims": [2, 1]})
    spec = C.verdict_bars(counts, title="t", description="d").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(T.VERDICTS)
    assert spec["encoding"]["y"]["sort"] == ["factual"]
    assert spec["title"] == "t"


def test_checking_bars_drop_empty_verdicts_and_order_the_checking():
    grid = T.checking_counts(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    spec = C.checking_bars(grid, title="t", description="d").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["supported", "partly supported", "contradicted", "interpretation"]
    assert spec["encoding"]["color"]["scale"]["domain"] == list(T.CHECKED)
    data = spec["datasets"][spec["data"]["name"]]
    assert sum(row["claims"] for row in data) == 4


def test_chart_builders_refuse_an_empty_title():
    counts = pd.DataFrame({"claim_type": ["factual"], "verdict": ["supported"], "claims": [1]})
    with pytest.raises(ValueError, match="title"):
        C.verdict_bars(counts, title="", description="d")


def test_ledger_view_keeps_verdict_and_checking_in_separate_columns():
    out = T.ledger_view(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert list(out.columns) == ["claim", "paragraph", "the article says (our paraphrase)", "who says it", "type",
                                 "verdict", "checked against", "evidence after April 2024", "evidence in report"]
    first = out.iloc[0]
    assert (first["claim"], first["verdict"], first["checked against"]) == ("C01", "supported", "primary")
    assert list(out["evidence after April 2024"]) == ["", "", "", "yes"]


def test_audit_view_names_sources_by_title_and_refuses_unknown_ids():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    src = pd.DataFrame({"source_id": ["s1", "s2", "s3", "s4", "t1"], "title": ["A", "B", "C", "D", "E"],
                        "publisher": ["pa", "pb", "pc", "pd", "pe"]})
    out = T.audit_view(led, src)
    assert out.iloc[1].to_dict() == {"claim": "C02", "verdict": "interpretation", "why": "r1",
                                     "main source": "A (pa)", "second source": "E (pe)"}
    assert out.iloc[0]["second source"] == ""
    with pytest.raises(ValueError, match=r"\['t1'\] are not in sources.csv"):
        T.audit_view(led, src[src["source_id"] != "t1"])


def test_findings_count_what_the_titles_say():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert T.ledger_finding(led, ["factual", "normative"]) == \
        "4 claims (factual, normative): 1 supported, 1 contradicted"
    assert T.verdict_finding(T.verdict_counts(led)).startswith("3 of 4 listed claims get a verdict")
    assert T.checking_finding(T.checking_counts(led)) == "2 of 4 verdicts rest on a primary text"
    assert T.attribution_finding(T.attribution_claims(led)) == \
        "2 listed claims are put in someone else's mouth; 1 of those attributions is contradicted"
