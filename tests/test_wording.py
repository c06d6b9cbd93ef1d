"""helpers.wording: the reader's words for coded values, and lists in a sentence, in each edition."""

from __future__ import annotations

import csv
import shutil

import pytest

from helpers import load, paths, wording

SOURCE = load.organisations()["source_id"].iloc[0]


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


def test_a_new_organisation_is_named_in_each_edition_without_a_label_row(tmp_path, monkeypatch):
    """organisations.csv is the home of an organisation's name; a labels.csv row only shortens it."""
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns("geo", "provenance"))
    with open(data / "organisations.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["GUAM", "GUAM Organization for Democracy and Economic Development", "منظمة غوام للديمقراطية والتنمية الاقتصادية",
             "regional_cooperation", "active", "", "2006-05-23", "", "", "", "", "", SOURCE])
    monkeypatch.setattr(paths, "DATA", data)
    assert "GUAM" not in set(load.labels(data)["value"])
    assert wording.label("GUAM", "org_id", lang="ar") == "منظمة غوام للديمقراطية والتنمية الاقتصادية"
    assert wording.label("GUAM", "org_id", lang="en") == "GUAM Organization for Democracy and Economic Development"
    # a labels.csv row still wins where it gives a shorter word
    assert wording.label("NATO", "org_id", lang="en") == "NATO"
