"""Unit tests for helpers.tables.eurasia (notebooks 06, 07, 09): small hand-made frames in, exact frames out."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.tables import eurasia as T


def docs():
    return pd.DataFrame({"document_id": ["d1", "d2"], "title": ["Old", "New"],
                         "date": pd.to_datetime(["2000-01-01", "2024-05-01"]), "org_id": ["ALPHA", None]})


def principles():
    return pd.DataFrame({"principle_id": ["indivisible", "multi_actor"], "label": ["Indivisible", "Many actors"],
                         "paragraph": ["P14", "P11"]})


def pdocs():
    return pd.DataFrame({"principle_id": ["multi_actor", "indivisible", "indivisible"],
                         "document_id": ["d2", "d2", "d1"], "presence": ["implicit", "explicit", "explicit"],
                         "locator": ["Art 1", "Art 2", "Art 3"], "phrase": ["a", "b", "c"],
                         "source_id": ["s1", "s2", "s3"]})


def test_principle_matrix_filters_by_as_of_and_orders_by_principle_then_date():
    out = T.principle_matrix(pdocs(), docs(), principles(), "2010-01-01")
    assert list(out["document"]) == ["Old"]
    out = T.principle_matrix(pdocs(), docs(), principles(), "2024-12-31")
    assert list(zip(out["principle"], out["document"])) == [("Indivisible", "Old"), ("Indivisible", "New"),
                                                             ("Many actors", "New")]


def test_principle_grid_marks_gaps_as_not_coded():
    m = T.principle_matrix(pdocs(), docs(), principles(), "2024-12-31")
    g = T.principle_grid(m, principles(), docs(), "2024-12-31")
    assert len(g) == 4
    gap = g[(g.principle == "Many actors") & (g.document == "Old")].iloc[0]
    assert gap.presence == "not coded"
    s = T.principle_summary(g)
    assert s.set_index("principle").loc["Indivisible", "explicit"] == 2
    assert s.set_index("principle").loc["Many actors", "not coded"] == 1


def dims():
    return pd.DataFrame({"dimension_id": ["defence", "consult", "command", "secretariat"],
                         "label": ["Defence", "Consultation", "Command", "Secretariat"],
                         "axis": ["obligation", "obligation", "institutionalization", "institutionalization"],
                         "scale": ["yes;no", "treaty;political;none", "yes;no", "yes;no"],
                         "score_map": ["yes=1;no=0", "treaty=2;political=1;none=0", "yes=1;no=0", "yes=1;no=0"]})


def feats():
    return pd.DataFrame({"org_id": ["A", "A", "A", "A", "B", "B", "B"],
                         "dimension_id": ["defence", "consult", "command", "secretariat", "defence", "consult",
                                          "command"],
                         "value": ["yes", "political", "yes", "no", "no", "unknown", "unknown"],
                         "detail": [""] * 7, "source_id": ["s"] * 7})


def test_parse_score_map_and_its_errors():
    assert T.parse_score_map("yes=1; no=0") == {"yes": 1.0, "no": 0.0}
    with pytest.raises(ValueError, match="dimension 'x' has a bad score_map entry 'yes'"):
        T.parse_score_map("yes;no=0", dimension="x")


def test_feature_table_keeps_unknown_and_flags_missing_rows():
    out = T.feature_table(feats(), dims(), ["A", "B"])
    assert list(out.columns) == ["dimension", "axis", "A", "B"]
    assert list(out["B"]) == ["no", "unknown", "unknown", "not recorded"]


def test_typology_scores_scale_and_skip_unknown():
    out = T.typology_scores(feats(), dims(), ["A", "B"], common_basis=False).set_index("org_id")
    assert out.loc["A", "obligation"] == pytest.approx((1 + 0.5) / 2)
    assert out.loc["A", "institutionalization"] == pytest.approx(0.5)
    # B has one known obligation item (< min_known = 2) and none on institutions: no score rather than a guess
    assert math.isnan(out.loc["B", "obligation"]) and out.loc["B", "obligation_unknown"] == 1
    assert math.isnan(out.loc["B", "institutionalization"])


def test_typology_scores_rejects_value_outside_scale():
    bad = feats().copy()
    bad.loc[0, "value"] = "maybe"
    with pytest.raises(ValueError, match=r"A × defence has value 'maybe'"):
        T.typology_scores(bad, dims(), ["A"])


def test_org_overview_says_when_an_org_did_not_exist():
    orgs = pd.DataFrame({"org_id": ["OLD", "NEW", "PROP", "GONE"], "name": ["o", "n", "p", "g"],
                         "kind": ["alliance"] * 4, "status": ["active", "active", "proposed", "dissolved"],
                         "founded": pd.to_datetime(["1949-04-04", "2001-06-15", None, "1955-05-14"]),
                         "dissolved": pd.to_datetime([None, None, None, "1991-07-01"])})
    out = T.org_overview(orgs, {"OLD": 16, "NEW": 6}, ["OLD", "NEW", "PROP", "GONE"], "1991-12-31")
    col = "on 1991-12-31"
    assert list(out[col]) == ["existed", "did not exist yet (founded 2001-06-15)", "proposed, no members",
                              "dissolved (1991-07-01)"]
    assert out["formal members"].tolist()[0] == 16 and out["formal members"].isna().tolist()[1:] == [True] * 3
    with pytest.raises(ValueError, match="'XYZ' is not in organisations.csv"):
        T.org_overview(orgs, {}, ["XYZ"], "2000-01-01")


def claims():
    return pd.DataFrame({"claim_id": ["C02", "C01", "C03"], "paragraph": ["P10", "P4", "P19"],
                         "claim": ["b", "a", "c"], "claim_type": ["predictive", "factual", "interpretive"],
                         "verdict": ["interpretation", "supported", "partly"], "verdict_reason": ["r"] * 3,
                         "evidence_notebook": ["05", "2", "09"]})


REPORTS = {"02": "02-nato-enlargement.html", "05": "05-balance-of-power.html", "09": "09-claims-ledger.html"}


def test_claim_type_list_parses_and_refuses():
    assert T.claim_type_list("factual, predictive,factual") == ["factual", "predictive"]
    with pytest.raises(ValueError, match="claim_types='factual,opinion'.*opinion.*allowed"):
        T.claim_type_list("factual,opinion")
    with pytest.raises(ValueError, match="empty"):
        T.claim_type_list(" , ")


def test_claims_ledger_links_reports_and_sorts_by_paragraph():
    out = T.claims_ledger(claims(), REPORTS, ["factual", "predictive", "interpretive"])
    assert list(out["claim_id"]) == ["C01", "C02", "C03"]
    assert list(out["evidence"]) == ["02-nato-enlargement.html", "05-balance-of-power.html", "09-claims-ledger.html"]
    assert list(T.claims_ledger(claims(), REPORTS, ["factual"])["claim_id"]) == ["C01"]


def test_claims_ledger_refuses_unknown_notebook():
    bad = claims().assign(evidence_notebook=["05", "2", "42"])
    with pytest.raises(ValueError, match=r"\['42'\] are not notebooks"):
        T.claims_ledger(bad, REPORTS, T.CLAIM_TYPES)


def test_verdict_counts_zero_fill():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    out = T.verdict_counts(led)
    assert len(out) == 3 * 4
    assert out["claims"].sum() == 3
    assert out.set_index(["claim_type", "verdict"]).loc[("factual", "supported"), "claims"] == 1
    assert out.set_index(["claim_type", "verdict"]).loc[("factual", "partly"), "claims"] == 0


def test_watch_list_after_date_and_category():
    ev = pd.DataFrame({"event_id": ["a", "b", "c"], "date": pd.to_datetime(["2024-04-09", "2024-05-16", "2024-07-04"]),
                       "date_precision": ["day"] * 3, "category": ["eurasian_track", "eurasian_track", "summit"],
                       "title": ["A", "B", "C"], "description": ["x"] * 3, "source_id": ["s"] * 3})
    assert list(T.watch_list(ev, "2024-04-30")["title"]) == ["B", "C"]
    assert list(T.watch_list(ev, "2024-04-30", ["eurasian_track"])["title"]) == ["B"]


def test_notebook_reports_come_from_the_section_map():
    reports = T.notebook_reports()
    assert reports["02"] == "02-nato-enlargement.html"
    assert reports["09"] == "09-claims-ledger.html"


def test_paragraph_coverage_lists_every_paragraph_with_its_reports():
    paras = pd.DataFrame({"paragraph": ["P2", "P1"], "order": [2, 1]})
    cov = T.paragraph_coverage(paras, claims().assign(paragraph=["P1", "P1", "P2"]),
                               {"01": "01-a.html", "02": "02-b.html", "09": "09-c.html"},
                               {"01": ["P1", "P2"], "02": ["P2"], "09": ["P1", "P2"]})
    assert cov.to_dict("records") == [
        {"paragraph": "P1", "claims": 2, "covered in": "01-a.html"},
        {"paragraph": "P2", "claims": 1, "covered in": "01-a.html, 02-b.html"},
    ]
    assert T.collection_paragraphs()["07"] == ["P15", "P16"]


def test_typology_finding_names_ties_and_unplaced():
    s = pd.DataFrame({"org_id": ["A", "B", "C", "D"], "obligation": [1.0, 1.0, 0.2, math.nan],
                      "institutionalization": [0.8, 0.8, 0.5, math.nan]})
    assert T.typology_finding(s) == "A and B tie as the most alliance-like of those scored; D cannot be placed"
    assert T.typology_finding(s.iloc[[2]]) == "C is the most alliance-like of those scored"
    assert T.typology_finding(s.iloc[[3]]).startswith("Too few known features")


def test_typology_common_basis_compares_orgs_on_the_same_dimensions():
    d = pd.DataFrame({"dimension_id": ["a", "b", "c"], "label": ["A", "B", "C"], "axis": ["obligation"] * 3,
                      "scale": ["yes;no"] * 3, "score_map": ["yes=1;no=0"] * 3})
    f = pd.DataFrame({"org_id": ["X", "X", "X", "Y", "Y", "Y", "Z", "Z", "Z"],
                      "dimension_id": ["a", "b", "c"] * 3,
                      "value": ["yes", "yes", "no", "yes", "yes", "unknown", "unknown", "unknown", "unknown"],
                      "detail": [""] * 9, "source_id": ["s"] * 9})
    out = T.typology_scores(f, d, ["X", "Y", "Z"], axes=["obligation"]).set_index("org_id")
    # c is unknown for Y, so X and Y are both scored on a and b only: a gap does not make X look weaker than Y
    assert out.loc["X", "obligation"] == out.loc["Y", "obligation"] == 1.0
    assert out.loc["X", "obligation_basis"] == "a, b"
    # Z knows nothing: not placeable, and it does not shrink the others' basis
    assert math.isnan(out.loc["Z", "obligation"]) and out.loc["Z", "obligation_basis"] == ""
    own = T.typology_scores(f, d, ["X", "Y"], axes=["obligation"], common_basis=False).set_index("org_id")
    assert own.loc["X", "obligation"] == pytest.approx(2 / 3)


