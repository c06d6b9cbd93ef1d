"""Table helpers for notebook 00: small hand-made frames in, exact frames out."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from helpers.tables import article, article_words


@pytest.fixture
def paragraphs():
    return pd.DataFrame({
        "paragraph": ["P2", "P1", "P3"],
        "order": [2, 1, 3],
        "section_id": ["S0", "S0", "S1"],
        "paraphrase": ["second", "first", "third"],
        "likely_editor_addition": [False, False, True],
        "source_id": ["a", "a", "a"],
    })


@pytest.fixture
def sections():
    return pd.DataFrame({
        "section_id": ["S1", "S0"],
        "title_ar": ["توازن جديد للقوى", ""],
        "title_en": ["Balance", "Opening"],
        "first_paragraph": ["P3", "P1"],
        "last_paragraph": ["P3", "P2"],
        "source_id": ["a", "a"],
    })


@pytest.fixture
def themes():
    return pd.DataFrame({"theme_id": ["deterrence", "arms_control"], "label": ["Deterrence", "Arms control"],
                         "description": ["", ""]})


@pytest.fixture
def tags():
    return pd.DataFrame({
        "paragraph": ["P3", "P1", "P2", "P2", "P3", "P1"],
        "tag_kind": ["theme", "org", "org", "state", "org", "theme"],
        "tag": ["deterrence", "NATO", "OSCE", "RUS", "NATO", "arms_control"],
    })


def test_section_overview_lists_sections_in_order_with_spans(sections, paragraphs):
    expected = pd.DataFrame({
        "section": [1, 2],  # numbers a reader counts, never the data's codes S0, S1
        "title_ar": ["", "توازن جديد للقوى"],
        "title_en": ["Opening", "Balance"],
        "paragraphs": ["P1–P2", "P3"],
        "count": [2, 1],
    })
    pdt.assert_frame_equal(article.section_overview(sections, paragraphs), expected)


def test_paragraph_overview_is_in_reading_order_and_flags_editor_addition(paragraphs, sections):
    expected = pd.DataFrame({
        "paragraph": ["P1", "P2", "P3"],
        "section": [1, 1, 2],
        "paraphrase": ["first", "second", "third"],
        "note": ["", "", "likely the Arabic editor's addition"],
    })
    pdt.assert_frame_equal(article.paragraph_overview(paragraphs, sections), expected)


def test_paragraph_overview_names_an_unknown_section(paragraphs, sections):
    bad = paragraphs.assign(section_id=["S0", "S0", "S9"])
    with pytest.raises(ValueError, match=r"section_id S9 not in sections; allowed: S0, S1"):
        article.paragraph_overview(bad, sections)


def test_missing_column_is_named():
    with pytest.raises(ValueError, match=r"paragraphs: missing column\(s\) order"):
        article.paragraph_overview(pd.DataFrame({"paragraph": ["P1"]}), pd.DataFrame())


def test_lineage_dates_are_shown_only_as_precisely_as_known():
    lineage = pd.DataFrame({
        "step": [2, 1, 3],
        "work": ["RT", "Valdai", "Arabic"],
        "publisher": ["RT", "Valdai", "site"],
        "published": pd.to_datetime(["2024-04-16", "2024-04-01", None]),
        "date_precision": ["day", "month", None],
        "url": ["https://rt.example", "https://valdai.example", None],
        "relation": ["republication", "original", "translation"],
        "finding": ["f2", "f1", "f3"],
        "confidence": ["medium", "medium", "high"],
        "source_id": ["b", "a", "c"],
    })
    out = article.lineage_table(lineage)
    assert out["step"].tolist() == [1, 2, 3]
    assert out["published"].tolist() == ["2024-04", "2024-04-16", "not found"]
    assert out.columns.tolist() == ["step", "work", "publisher", "published", "relation", "confidence",
                                    "finding"]


def test_glossary_follows_first_appearance(paragraphs):
    glossary = pd.DataFrame({
        "term_ar": ["ب", "أ", "ج"],
        "term_en": ["beta", "alpha", "gamma"],
        "note": ["", None, "n"],
        "first_paragraph": ["P3", "P1", "P1"],
        "source_id": ["a", "a", "a"],
    })
    out = article.glossary_table(glossary, paragraphs)
    assert out["term_en"].tolist() == ["alpha", "gamma", "beta"]
    assert out["note"].tolist() == ["", "n", ""]


def test_claim_profile_counts_every_type_and_verdict():
    claims = pd.DataFrame({
        "claim_type": ["factual", "factual", "predictive", "factual"],
        "verdict": ["supported", "partly supported", "interpretation", "unverifiable"],
    })
    expected = pd.DataFrame({
        "claim type": ["factual", "interpretive", "normative", "predictive"],
        "supported": [1, 0, 0, 0],
        "partly supported": [1, 0, 0, 0],
        "contradicted": [0, 0, 0, 0],
        "unverifiable": [1, 0, 0, 0],
        "interpretation": [0, 0, 0, 1],
        "total": [3, 0, 0, 1],
    })
    pdt.assert_frame_equal(article.claim_profile(claims), expected)


def test_claim_profile_refuses_a_verdict_off_the_scale():
    claims = pd.DataFrame({"claim_type": ["factual"], "verdict": ["partly"]})
    with pytest.raises(ValueError, match="'partly'.*not on the scale"):
        article.claim_profile(claims)


def test_tag_long_orders_rows_by_kind_then_first_use_and_marks_highlight(tags, paragraphs, themes):
    out = article.tag_long(tags, paragraphs, themes, highlight="NATO")
    assert article.row_order(out) == ["NATO", "OSCE", "RUS", "Arms control", "Deterrence"]
    highlighted = out.loc[out["highlighted"], ["paragraph", "tag"]].values.tolist()
    assert highlighted == [["P1", "NATO"], ["P3", "NATO"]]
    assert out.loc[out["tag"] == "deterrence", "label"].item() == "Deterrence"
    assert out.loc[out["tag"] == "RUS", "section_id"].item() == "S0"


def test_tag_long_names_states_and_organisations_as_readers_know_them(paragraphs, themes):
    # 00's structure chart showed RUS, SUN and WARSAW down its side (issue 23): the rows are names
    raw = pd.DataFrame({"paragraph": ["P1", "P2", "P3", "P3"], "tag_kind": ["org", "org", "state", "state"],
                        "tag": ["NATO", "WARSAW", "RUS", "SUN"]})
    states = pd.DataFrame({"iso3": ["RUS", "SUN"], "name": ["Russia", "Soviet Union (USSR)"]})
    out = article.tag_long(raw, paragraphs, themes, states=states)
    assert article.row_order(out) == ["NATO", "Warsaw Pact", "Russia", "Soviet Union (USSR)"]
    assert out["tag"].tolist() == ["NATO", "WARSAW", "RUS", "SUN"]  # the codes stay in the data behind the chart
    with pytest.raises(ValueError, match=r"states: missing column\(s\) name"):
        article.tag_long(raw, paragraphs, themes, states=states[["iso3"]])


def test_tag_long_refuses_unknown_kind_and_paragraph(tags, paragraphs, themes):
    with pytest.raises(ValueError, match=r"tag_kind person not allowed; allowed: org, state, theme"):
        article.tag_long(tags.assign(tag_kind="person"), paragraphs, themes)
    with pytest.raises(ValueError, match=r"paragraph P20 not in paragraphs"):
        article.tag_long(tags.assign(paragraph="P20"), paragraphs, themes)


def test_structure_finding_counts_mentions_and_handles_absent_org(tags, paragraphs):
    assert article.org_mentions(tags, "NATO", paragraphs) == ["P1", "P3"]
    assert article_words.structure_finding(tags, paragraphs, "NATO") == (
        "NATO is named in 2 of the 3 paragraphs (1 in P1–P2, 1 in P3)")
    assert article_words.structure_finding(tags, paragraphs, "CSTO").startswith("The article never names CSTO")
    # an organisation whose code is not its name is named, not coded, in the title and the text alternative
    assert article_words.structure_finding(tags, paragraphs, "PFP").startswith(
        "The article never names Partnership for Peace;")
    described = article_words.structure_description("RU_CN_TREATY_2001", paragraphs)
    assert "Paragraphs that name Russia–China treaty (2001) are shaded" in described
    # the span is the paragraphs the data holds (here three), not a P1 to P19 written into the code
    assert described.startswith("Dot matrix: the article's paragraphs P1 to P3 across")



def test_the_structure_finding_splits_the_article_where_the_data_ends_its_opening(paragraphs):
    """The finding's two parts were written "P1–P9" and "P10–P19" in the code, so a paragraph was counted in the
    opening by its number (P3 of a section S1 in P1–P9). They come from the article's own sections now: the real
    article's opening is P1–P9 (sections.csv, S0), and the title reads as it did; a paragraph of another section
    is counted after the opening whatever its number."""
    from helpers import load

    real = load.paragraphs()
    assert article.opening_and_rest(real) == ([f"P{i}" for i in range(1, 10)], [f"P{i}" for i in range(10, 20)])
    sections = load.sections().set_index("section_id")
    assert (sections.loc["S0", "first_paragraph"], sections.loc["S0", "last_paragraph"]) == ("P1", "P9")
    named = article.org_mentions(load.paragraph_tags(), "NATO", real)
    assert article_words.structure_finding(load.paragraph_tags(), real, "NATO").endswith(
        f"({sum(int(p[1:]) <= 9 for p in named)} in P1–P9, {sum(int(p[1:]) > 9 for p in named)} in P10–P19)")
    assert article.opening_and_rest(paragraphs) == (["P1", "P2"], ["P3"])


def test_the_structure_title_of_any_organisation_has_its_arabic(tags, paragraphs):
    """The Arabic edition's chart title for an organisation other than NATO was left in English."""
    from helpers import i18n

    named, absent = (article_words.structure_finding(tags, paragraphs, o) for o in ("OSCE", "PFP"))
    assert i18n.text(named, "ar").startswith("يرد ذكر منظمة الأمن والتعاون في أوروبا في")
    assert i18n.text(absent, "ar").startswith("لا يذكر المقال الشراكة من أجل السلام")


def test_collection_guide_shows_the_section_map_in_use(fake):
    """The guide of notebook 00 lists the notebooks of the section map the build uses ($NATO_COLLECTION: here the
    fake one), as params reads and checks it; it read the real notebooks/collection.toml whatever was in use."""
    from helpers import params

    guide = article.collection_guide(params.notebooks(fake.collection))
    expected = [nb.id for nb in params.notebooks(fake.collection)]
    assert guide["notebook"].tolist() == expected and expected != [nb.id for nb in params.notebooks()]
    assert list(guide.columns) == ["notebook", "title", "paragraphs", "summary"]


def test_collection_guide_default_covers_every_notebook_of_the_real_map():
    from helpers import params

    guide = article.collection_guide(params.notebooks())
    assert guide["notebook"].iloc[0] == "00"
    assert guide["notebook"].is_unique
    assert guide["paragraphs"].iloc[0] == "P1–P19"



# ------------------------------------------------------------------ the committed article data (read as raw CSV)

import re  # noqa: E402

from helpers import paths  # noqa: E402

ARABIC = re.compile(r"[\u0600-\u06FF]")


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(paths.DATA / name, dtype=str, keep_default_na=False)


def test_real_paragraphs_are_p1_to_p19_in_their_sections():
    paras, secs = _csv("paragraphs.csv"), _csv("sections.csv")
    assert paras["paragraph"].tolist() == [f"P{i}" for i in range(1, 20)]
    for _, s in secs.iterrows():
        lo, hi = int(s["first_paragraph"][1:]), int(s["last_paragraph"][1:])
        inside = paras.loc[paras["section_id"] == s["section_id"], "paragraph"].tolist()
        assert inside == [f"P{i}" for i in range(lo, hi + 1)], s["section_id"]


def test_real_paraphrases_are_ours_in_english_and_only_p19_is_flagged():
    paras = _csv("paragraphs.csv")
    for _, p in paras.iterrows():
        assert not ARABIC.search(p["paraphrase"]), f"{p['paragraph']}: paraphrase must be English"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", p["paraphrase"].strip()) if s]
        assert 2 <= len(sentences) <= 3, f"{p['paragraph']}: {len(sentences)} sentences"
    assert paras.loc[paras["likely_editor_addition"] == "true", "paragraph"].tolist() == ["P19"]


def test_real_tags_touch_every_paragraph_with_known_themes():
    tags, themes = _csv("paragraph_tags.csv"), _csv("themes.csv")
    assert set(tags["paragraph"]) == {f"P{i}" for i in range(1, 20)}
    assert set(tags.loc[tags["tag_kind"] == "theme", "tag"]) <= set(themes["theme_id"])
    assert set(tags.loc[tags["tag_kind"] == "theme", "paragraph"]) == {f"P{i}" for i in range(1, 20)}


def test_real_claims_cover_the_article_and_verdicts_are_conservative():
    claims = _csv("claims.csv")
    assert set(claims["paragraph"]) == {f"P{i}" for i in range(1, 20)}
    # readings and proposals are never given a truth verdict; a forecast only once later evidence bears on it
    opinion = claims[claims["claim_type"].isin(["interpretive", "normative"])]
    assert set(opinion["verdict"]) == {"interpretation"}
    forecasts = claims[claims["claim_type"] == "predictive"]
    judged_forecasts = forecasts[forecasts["verdict"] != "interpretation"]
    assert judged_forecasts["evidence_after_article"].astype(str).str.lower().eq("true").all()
    judged = claims[claims["verdict"].isin(["supported", "contradicted", "partly supported"])
                    & (claims["claim_type"] == "factual")]
    # a verdict on a fact must point at evidence, not at the article itself
    assert "alahalygate-neutralizing-nato" not in set(judged["source_id"])


def test_every_article_row_cites_a_source_in_the_article_bibliography():
    known = set(_csv("provenance/sources-article.csv")["source_id"])
    for name in ("sections.csv", "paragraphs.csv", "glossary.csv", "lineage.csv"):
        cited = set(_csv(name)["source_id"])
        assert cited <= known, f"{name}: {sorted(cited - known)} not in provenance/sources-article.csv"


def test_tag_long_disambiguates_a_label_shared_by_two_kinds(paragraphs, themes):
    raw = pd.DataFrame({"paragraph": ["P1", "P2"], "tag_kind": ["org", "theme"], "tag": ["Deterrence", "deterrence"]})
    out = article.tag_long(raw, paragraphs, themes)
    assert article.row_order(out) == ["Deterrence (organisation)", "Deterrence (theme)"]


# ------------------------------------------------------------------------------------------- findings for titles

LINEAGE = pd.DataFrame({
    "step": [4, 1, 2, 3, 5],
    "publisher": ["site", "Valdai", "RIAC", "RT", "site"],
    "relation": ["translation", "original", "republication", "republication", "addition"],
})


def test_lineage_path_follows_the_version_right_before_the_translation():
    assert article.lineage_path(LINEAGE) == (["Valdai", "RT", "site"], ["RIAC"])
    assert article_words.lineage_finding(LINEAGE) == (
        "The text travelled Valdai → RT → site; RIAC republished it on the side")
    straight = LINEAGE[LINEAGE["publisher"] != "RIAC"]
    assert article_words.lineage_finding(straight) == "The text travelled Valdai → RT → site"
    untranslated = LINEAGE[LINEAGE["relation"].isin(["original", "republication"])]
    assert article.lineage_path(untranslated) == (["Valdai", "RIAC", "RT"], [])


def test_the_project_lineage_runs_valdai_riac_rt_arabic_and_the_arabic_follows_rt():
    from helpers import load

    lineage = load.lineage().sort_values("step")
    assert lineage["publisher"].tolist()[:4] == ["Valdai Discussion Club", "Russian International Affairs Council "
                                                 "(RIAC)", "RT", "alahalygate.com"]
    assert lineage["step"].tolist() == list(range(1, len(lineage) + 1))
    path, side = article.lineage_path(lineage)
    assert path == ["Valdai Discussion Club", "RT", "alahalygate.com"] and side == [
        "Russian International Affairs Council (RIAC)"]
    riac = lineage[lineage["publisher"].str.contains("RIAC")].iloc[0]
    assert pd.isna(riac["published"]) and pd.isna(riac["date_precision"])  # no date was read from its page


def test_sections_finding_counts_the_opening_and_the_titled_sections(sections, paragraphs):
    assert article_words.sections_finding(sections, paragraphs) == (
        "2 paragraphs of diagnosis, then 1 on principles and form, in 2 sections")


def test_claims_finding_counts_types_and_supported_facts():
    claims = pd.DataFrame({"claim_type": ["factual", "factual", "predictive", "interpretive", "interpretive"],
                           "verdict": ["supported", "contradicted", "interpretation", "interpretation",
                                       "interpretation"]})
    assert article_words.claims_finding(claims, ["P1", "P2", "P3"]) == (
        "P1–P3 make 5 claims: 2 factual (1 supported), 2 interpretive, 1 predictive")
    assert article_words.claims_finding(claims.iloc[:1], ["P4"]) == "P4 makes 1 claim: 1 factual (1 supported)"
    assert article_words.claims_finding(claims.iloc[0:0]) == "The article makes no claim the ledger holds"


def test_without_sources_drops_every_source_column_only():
    frame = pd.DataFrame({"claim": ["c"], "source_id": ["a"], "second_source_id": ["b"], "sourced": ["x"]})
    assert article.without_sources(frame).columns.tolist() == ["claim", "sourced"]
