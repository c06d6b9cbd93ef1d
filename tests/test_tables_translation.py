"""Unit tests for helpers.tables.translation: small hand-made frames in, exact frames out."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.tables import translation as T
from helpers.tables import translation_view as TV
from helpers.tables import translation_words as TW

PARAS = [f"P{i}" for i in range(1, 20)]


def paragraphs() -> pd.DataFrame:
    return pd.DataFrame({"paragraph": PARAS, "paraphrase": [f"ar {p}" for p in PARAS]})


def translation() -> pd.DataFrame:
    return pd.DataFrame({
        "paragraph": PARAS,
        "rt_reading": ["read", "partly read"] + ["not read"] * 17,
        "rt_says": ["rt one", "rt two"] + [""] * 17,
        "valdai_reading": ["read"] + ["not read"] * 8 + ["summary only"] + ["not read"] * 9,
        "valdai_says": ["va one"] + [""] * 8 + ["sum ten"] + [""] * 9,
        "note": [f"note {p}" for p in PARAS],
    })


def differences() -> pd.DataFrame:
    return pd.DataFrame({
        "difference_id": ["T02", "T01", "T03"],
        "paragraph": ["P1", "P1", "P10"],
        "between": ["RT and Valdai/RIAC", "Arabic and RT", "Arabic and Valdai/RIAC"],
        "kind": ["change of emphasis", "omission", "change of voice"],
        "arabic_phrase": ["منذ عقود", None, "يأمل المراقبون"],
        "english_phrase": ["for decades", "in practice", ""],
        "claim_id": ["C01", None, "C21"],
        "confidence": ["high", "high", "medium"],
        "changed_by": ["RT's translator or editors", "the translator or editor", "unknown"],
        "note": ["n2", "n1", "n3"],
    })


def test_the_view_has_every_paragraph_with_three_texts_and_the_differences_found():
    out = TV.translation_view(paragraphs(), translation(), differences())
    assert list(out["Paragraph"]) == PARAS
    assert list(out.columns) == ["Paragraph", "The Arabic (our paraphrase)", "RT's English", "Valdai / RIAC",
                                 "Differences"]
    first, second, tenth = out.iloc[0], out.iloc[1], out.iloc[9]
    assert first["Differences"] == "T01 omission; T02 change of emphasis"
    assert second["RT's English"] == "(partly read) rt two"
    assert second["Valdai / RIAC"] == "(Valdai's text could not be read here)"
    assert second["Differences"] == "note P2"  # no difference recorded: the note says what the comparison showed
    assert tenth["RT's English"] == "(RT's page could not be read here)"
    assert tenth["Valdai / RIAC"] == "(summary only) sum ten"
    assert tenth["Differences"] == "T03 change of voice"


def test_the_view_refuses_to_cover_fewer_than_nineteen_paragraphs():
    with pytest.raises(ValueError, match="translation.csv has no row for P19"):
        TV.translation_view(paragraphs(), translation().iloc[:18], differences())
    with pytest.raises(ValueError, match="missing column.*rt_says"):
        TV.translation_view(paragraphs(), translation().drop(columns="rt_says"), differences())


def test_differences_view_sorts_by_paragraph_and_counts_fill_zeros():
    view = TV.differences_view(differences())
    assert list(view["Difference"]) == ["T01 · P1 (Arabic and RT; high)", "T02 · P1 (RT and Valdai/RIAC; high)",
                                        "T03 · P10 (Arabic and Valdai/RIAC; medium)"]
    assert list(view.columns) == ["Difference", "Kind", "Changed by", "Arabic", "English", "Claim", "What changes"]
    assert list(view["Changed by"]) == ["the Arabic's translator or editor", "RT's translator or editors", "unknown"]
    assert list(view["Claim"]) == ["", "C01", "C21"]
    grid = T.difference_counts(differences())
    assert list(grid["kind"]) == list(T.KINDS)
    assert list(grid.columns) == ["kind", *T.BETWEEN, "total"]
    assert int(grid["total"].sum()) == 3 and int(grid.loc[grid["kind"] == "change of modality", "total"].iloc[0]) == 0


def test_findings_count_what_was_read_and_who_made_each_change():
    assert TW.reading_finding(translation()) == ("RT's English could be read at 2 of 19 paragraphs, Valdai's text "
                                                "or a summary or report of it at 2")
    assert TW.translation_finding(differences()) == (
        "3 differences between the Arabic and the English: 1 made by the Arabic's translator or editor, 1 by RT's "
        "translator or editors and inherited by the Arabic, 1 by a hand unknown, where RT's own paragraph could not "
        "be read or only a copy of it was")
    author = differences().assign(changed_by=["the author", "the translator or editor", "unknown"])
    assert TW.translation_finding(author).endswith("; 1 the author's own revision")


def test_the_counts_keep_every_kind_the_data_allows():
    """The counts table dropped the mistranslations (T24, T25): its rows came from a list of kinds that lacked one
    the data package allows, so the table summed to fewer differences than the table above it listed."""
    from helpers import load

    diffs = load.translation_differences()
    assert set(diffs["kind"]) <= set(T.KINDS)
    grid = T.difference_counts(diffs)
    assert int(grid["total"].sum()) == len(diffs)
    assert int(grid.loc[grid["kind"] == "mistranslation", "total"].iloc[0]) == \
        int((diffs["kind"] == "mistranslation").sum()) > 0
