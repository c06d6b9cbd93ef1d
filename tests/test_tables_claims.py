"""Unit tests for helpers.tables.claims and helpers.charts.claims: small hand-made frames in, exact frames (or
chart specs) out."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from helpers.charts import claims as C
from helpers.tables import article_view
from helpers.tables import claims as T
from helpers.tables import claims_view as V
from helpers.tables import claims_words as TW

REPORTS = {"02": "02-nato-enlargement.html", "05": "05-balance-of-power.html", "09": "09-claims-ledger.html"}


def claims() -> pd.DataFrame:
    return pd.DataFrame({
        "claim_id": ["C02", "C01", "C03", "C10"],
        "paragraph": ["P10", "P4", "P19", "P11"],
        "claim": ["b", "a", "c", "d"],
        "voice": ["the author", "the author", T.TRANSLATOR, "Putin"],
        "attributed_to": ["observers", "the author", "the author", "Putin"],
        "attribution": ["misattributed in translation", "faithful", "added in translation", "faithful"],
        "claim_type": ["normative", "factual", "predictive", "factual"],
        "testable_with": ["x"] * 4,
        "verdict": ["interpretation", "supported", "partly supported", "contradicted"],
        "checked_against": ["secondary", "primary", "primary", "official"],
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


def test_claims_ledger_links_reports_sorts_by_paragraph_and_keeps_checking_apart():
    out = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert list(out.columns) == T.LEDGER_COLUMNS
    assert list(out["claim_id"]) == ["C01", "C02", "C10", "C03"]
    assert list(out["evidence"]) == ["02-nato-enlargement.html", "05-balance-of-power.html",
                                     "09-claims-ledger.html", "09-claims-ledger.html"]
    assert list(out["verdict"]) == ["supported", "interpretation", "contradicted", "partly supported"]
    assert list(out["checked_against"]) == ["primary", "secondary", "official", "primary"]
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
        "official": [0, 0, 1, 0, 0],
        "secondary": [0, 0, 0, 0, 1],
        "not checked": [0, 0, 0, 0, 0],
        "total": [1, 1, 1, 0, 1],
    })
    pdt.assert_frame_equal(out, expected)


def test_attribution_claims_keep_who_says_it_apart_from_the_verdict():
    out = T.attribution_claims(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert list(out["claim_id"]) == ["C02", "C10", "C03"]
    assert list(out["the Arabic says"]) == ["observers", "Putin", "the author"]
    assert list(out["whose words"]) == ["the author", "Putin", T.TRANSLATOR]
    assert list(out["attribution"]) == ["misattributed in translation", "faithful", "added in translation"]
    view = V.attribution_view(out)
    assert list(view["Claim"]) == ["C02 · P10", "C10 · P11", "C03 · P19"]
    assert list(view["Verdict on the content"]) == ["interpretation", "contradicted", "partly supported"]
    assert "verdict_reason" not in view


def test_voice_counts_count_whose_words_by_attribution():
    out = T.voice_counts(claims())
    assert list(out["voice"]) == ["the author", "the author", "Putin", T.TRANSLATOR]
    assert list(out["attribution"]) == ["faithful", "misattributed in translation", "faithful", "added in translation"]
    assert out["claims"].sum() == 4


def test_glance_counts_verdicts_attributions_and_checking_of_the_listed_claims():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    first, attributed, checked = TW.glance_findings(led)
    assert first == ("Of 4 listed claims, the evidence supports 1, partly supports 1 and contradicts 1; 1 is a "
                     "reading, proposal or open forecast.")
    # editor 9 (M3): the first screen keeps the three counts; whose words the changed ones are is in the body
    assert attributed == ("Of the 4 claims, 2 were found faithful to RT's English and 2 were changed in translation; "
                          "for 0 RT's English could not be read.")
    assert TW.voices_finding(led).startswith("Of the 4 claims, 2 were compared with RT's English and found faithful to "
                                             "it, and 2 were changed in translation")
    # every claim is counted, readings included: the sentence counts claims, and "verdict" is kept for the
    # claims the evidence settles
    assert checked == ("Of the 4 claims, 2 were checked against a primary text, 1 against an organisation's or "
                       "government's own page, 1 against secondary sources only.")
    assert "verdict" not in checked
    only = T.claims_ledger(claims(), REPORTS, ["factual"])
    assert TW.glance_findings(only)[0] == "Of 2 listed claims, the evidence supports 1 and contradicts 1."
    readings = T.claims_ledger(claims(), REPORTS, ["normative"])
    assert TW.glance_findings(readings)[0] == ("None of the 1 listed claims gets a verdict on the evidence; 1 is a "
                                              "reading, proposal or open forecast.")
    assert TW.glance_summary(only, ["factual"]).startswith("The article's 2 claims (factual), each with")
    assert TW.glance_findings(only.iloc[0:0]) == ["No claim of the chosen types is in the ledger."]


def test_coverage_and_lineage_titles_count_what_they_show():
    cov = pd.DataFrame({"paragraph": ["P1", "P2"], "claims": [1, 0], "covered in": ["02", ""]})
    assert TW.coverage_finding(cov) == "1 of 2 paragraphs are not covered by any report"
    assert TW.coverage_finding(cov.iloc[:1]) == "All 1 paragraphs are covered by at least one report"
    lin = pd.DataFrame({"confidence": ["high", "medium", "high"]})
    assert TW.lineage_finding(lin) == "3 steps from Valdai to the Arabic text, 2 of them held with high confidence"


def test_forecasts_flag_later_evidence():
    out = V.forecasts(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert out.to_dict("records") == [{"Claim": "C03 · P19", "The article expects (our paraphrase)": "c",
                                       "Verdict": "partly supported", "Later evidence": "yes"}]


def test_cited_sources_take_both_columns_without_blanks():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert T.cited_sources(led) == ["s1", "s2", "s3", "s4", "t1"]


def test_paragraph_coverage_lists_every_paragraph_with_its_reports():
    paras = pd.DataFrame({"paragraph": ["P2", "P1"], "order": [2, 1]})
    cov = T.paragraph_coverage(paras, claims().assign(paragraph=["P1", "P1", "P2", "P2"]),
                               {"01": "01-a.html", "02": "02-b.html", "09": "09-c.html"},
                               {"01": ["P1", "P2"], "02": ["P2"], "09": ["P1", "P2"]})
    assert cov.to_dict("records") == [
        {"paragraph": "P1", "claims": 2, "covered in": "01"},
        {"paragraph": "P2", "claims": 2, "covered in": "01, 02"},
    ]


def test_article_scenarios_say_whose_scenario_it_is():
    sc = pd.DataFrame({"claim_id": ["C02", "C01", "C09"], "paragraph": ["P10", "P10", "P11"],
                       "claim": ["worst", "best", "other"], "voice": ["the author", "observers", "the author"],
                       "claim_type": ["predictive", "normative", "normative"], "verdict": ["interpretation"] * 3})
    out = V.article_scenarios(sc)
    assert list(out["claim_id"]) == ["C01", "C02"]
    assert list(out["whose scenario"]) == ["observers, as the article reports (P10)", "the article (P10)"]
    assert list(V.article_scenarios(sc.drop(columns="voice"))["whose scenario"]) == ["the article (P10)"] * 2


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
    out = V.ledger_view(T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES))
    assert list(out.columns) == ["Claim", "The article says (our paraphrase)", "Who says it", "Verdict",
                                 "Checked against", "Report"]
    first = out.iloc[0]
    assert (first["Claim"], first["Verdict"], first["Checked against"]) == \
        ("C01 · P4 (factual)", "supported", "primary")
    assert list(out["Checked against"]) == ["primary", "secondary", "official", "primary, and later evidence"]
    assert list(out["Who says it"]) == ["author", "author (the Arabic: observers)", "Putin",
                                        "translator or editor (the Arabic: author)"]
    assert list(out["Report"]) == ["02", "05", "09", "09"]


def test_who_says_it_keeps_the_speaker_when_translation_changed_a_word_or_rt_was_not_read():
    """A sentence of Lavrov's whose wording the translator changed by one word
    keeps Lavrov's voice and reads "Lavrov, wording changed by the translator or editor"; one whose own words are
    the translator's (a causal link of its own) reads "translator or editor (the Arabic: author)"; a sentence not
    compared with RT keeps the speaker the Arabic names, "author (not compared with RT)", and "unknown" stays for
    an unverifiable attribution and for a paragraph most likely the editor's own."""
    ledger = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    ledger = ledger.assign(voice=["Lavrov", T.RT_EDITORS, T.UNKNOWN, T.UNKNOWN],
                           attributed_to=["Lavrov", "the author", "the author", "Putin"],
                           attribution=["changed in translation", "changed in translation", "not compared",
                                        "unverifiable"])
    who = list(V.ledger_view(ledger)["Who says it"])
    assert who == ["Lavrov, wording changed by the translator or editor",
                   "author, wording changed by RT's translator or editors",
                   "author (not compared with RT)", "unknown (the Arabic: Putin)"]
    own = ledger.assign(voice=[T.TRANSLATOR] + list(ledger["voice"][1:]), attributed_to=["the author"] +
                        list(ledger["attributed_to"][1:]))
    assert list(V.ledger_view(own)["Who says it"])[0] == "translator or editor (the Arabic: author)"
    flagged = list(V.ledger_view(ledger, {ledger.iloc[2]["paragraph"]})["Who says it"])
    assert flagged[2] == "unknown (the Arabic: author)"


def test_audit_view_names_sources_by_title_and_refuses_unknown_ids():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    src = pd.DataFrame({"source_id": ["s1", "s2", "s3", "s4", "t1"], "title": ["A", "B", "C", "D", "E"],
                        "publisher": ["pa", "pb", "pc", "pd", "pe"]})
    out = V.audit_view(led, src)
    assert out.iloc[1].to_dict() == {"claim": "C02", "verdict": "interpretation", "why": "r1",
                                     "main source": "A (pa)", "second source": "E (pe)"}
    assert out.iloc[0]["second source"] == ""
    with pytest.raises(ValueError, match=r"\['t1'\] are not in sources.csv"):
        V.audit_view(led, src[src["source_id"] != "t1"])


def test_findings_count_what_the_titles_say():
    led = T.claims_ledger(claims(), REPORTS, T.CLAIM_TYPES)
    assert TW.ledger_finding(led, ["factual", "normative"]) == \
        "3 of the 4 claims (factual, normative) get a verdict on the evidence: 1 supported, 1 partly supported, " \
        "1 contradicted"
    settled, readings = T.split_ledger(led)
    assert list(settled["claim_id"]) == ["C01", "C10", "C03"] and list(readings["claim_id"]) == ["C02"]
    assert TW.open_finding(readings).startswith("1 reading, proposal or open forecast, with")
    assert TW.open_finding(led).startswith("4 readings, proposals and open forecasts")
    assert TW.verdict_finding(T.verdict_counts(led)).startswith("3 of 4 listed claims get a verdict")
    assert TW.checking_finding(T.checking_counts(led)) == "2 of the 4 claims were checked against a primary text"
    assert TW.attribution_finding(T.attribution_claims(led)) == \
        "3 listed claims have a speaker other than the author or one in doubt: 1 misattributed and 1 added in " \
        "translation; 1 the English itself gives to another speaker"
    # an attribution RT's English could not settle is counted apart, not as the English's own speaker
    unread = led.assign(attribution=["unverifiable", "faithful", "added in translation", "faithful"],
                        voice=["unknown", "the author", T.TRANSLATOR, "Putin"])
    attributed = T.attribution_claims(unread)
    assert "unverifiable" in set(attributed["attribution"])
    assert TW.attribution_finding(attributed) == \
        "3 listed claims have a speaker other than the author or one in doubt: 1 added in translation; 1 " \
        "unverifiable, where RT's " \
        "English could not be read; 1 the English itself gives to another speaker"


def test_lineage_view_puts_publisher_and_date_beside_the_work_and_keeps_every_finding():
    lineage = pd.DataFrame({"step": [2, 1], "work": ["Reworked", "Original"], "publisher": ["RT", "Valdai"],
                            "published": ["2024-04-16", None], "date_precision": ["day", None],
                            "relation": ["republication", "original"], "finding": ["f2", "f1"],
                            "confidence": ["medium", "high"]})
    out = article_view.lineage_view(lineage)
    assert list(out.columns) == ["Step", "Work", "Relation", "Confidence", "Finding"]
    assert list(out["Work"]) == ["Original — Valdai, date not found", "Reworked — RT, 16 Apr 2024"]
    assert list(out["Finding"]) == ["f1", "f2"]


def test_00_and_09_give_one_figure_for_whose_words_the_claims_are():
    """Review 5, R3: the first screens of 00 and 09 state whose words the claims are in one sentence from one
    function, and no claim whose English was not read (P7–P18's 'not compared' included) counts as the author's."""
    from helpers import load
    from helpers.tables import article, article_words
    claims, paragraphs = load.claims(), load.paragraphs()
    led = T.claims_ledger(claims, article.notebook_reports(), T.CLAIM_TYPES)
    added = set(paragraphs.query("likely_editor_addition")["paragraph"])
    ours = TW.glance_findings(led, added)[1]
    assert ours == article_words.glance_findings(paragraphs, load.sections(), claims, load.lineage())[3]
    unread = int(claims["attribution"].isin(["unverifiable", "not compared"]).sum())
    faithful = int((claims["attribution"] == "faithful").sum())
    assert f"{faithful} were found faithful to RT's English" in ours
    assert f"for {unread} RT's English could not be read" in ours and "not simply the author's" not in ours
    # editor 9 (M3): the first screen keeps the three counts, short enough for a phone (it ran to 13 lines there);
    # whose words the changed claims carry is printed whole in the body of both reports, from the same function
    assert len(ours) <= 200 and "own words" not in ours
    full = article_words.voices_detail(claims, paragraphs)[0]
    assert full == TW.voices_finding(led, added) + "." and "own words in" in full


def test_checking_caption_defines_every_legend_entry_and_nothing_else():
    """The chart's legend shows primary, official, secondary and not checked apart: the caption defines each of
    them in that order and never folds 'an organisation's own page' into 'primary'."""
    caption = TW.checking_caption()
    heads = [part.split(":")[0].lower() for part in caption.rstrip(".").split("; ")]
    assert heads == list(T.CHECKED)
    primary = caption.split(";")[0]
    assert "own page" not in primary and "official" not in primary
