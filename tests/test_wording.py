"""helpers.wording: the reader's words for coded values, and lists in a sentence, in each edition."""

from __future__ import annotations

import pytest

from helpers import wording


@pytest.mark.parametrize("items, english, arabic", [
    ([], "", ""),
    (["NATO"], "NATO", "NATO"),
    (["Russia", "China"], "Russia and China", "Russia وChina"),
    (["روسيا", "الصين", "الهند"], "روسيا, الصين and الهند", "روسيا والصين والهند"),
])
def test_a_list_reads_as_each_edition_writes_one(items, english, arabic, monkeypatch):
    monkeypatch.setenv("NATO_LANG", "en")
    assert wording.joined(items) == english
    monkeypatch.setenv("NATO_LANG", "ar")
    assert wording.joined(items) == arabic
    # a sentence the page translates whole later keeps its English list in the Arabic edition
    assert wording.joined(items, lang="en") == english
