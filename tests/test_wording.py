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


#: An organisation id no real data will use: the test adds it to a copy of the data, so a contributor adding a real
#: organisation (the recipe's next step) never collides with it.
FICTITIOUS_ORG = "ZZTEST"


def test_a_new_organisation_is_named_in_each_edition_without_a_label_row(tmp_path, monkeypatch):
    """organisations.csv is the home of an organisation's name; a labels.csv row only shortens it."""
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns("geo", "provenance"))
    assert FICTITIOUS_ORG not in set(load.organisations(data)["org_id"])
    with open(data / "organisations.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            [FICTITIOUS_ORG, "Fictitious Test Organisation", "منظمة اختبار وهمية",
             "regional_cooperation", "active", "", "2006-05-23", "", "", "", "", "", SOURCE])
    monkeypatch.setattr(paths, "DATA", data)
    assert FICTITIOUS_ORG not in set(load.labels(data)["value"])
    assert wording.label(FICTITIOUS_ORG, "org_id", lang="ar") == "منظمة اختبار وهمية"
    assert wording.label(FICTITIOUS_ORG, "org_id", lang="en") == "Fictitious Test Organisation"
    # a labels.csv row still wins where it gives a shorter word
    assert wording.label("NATO", "org_id", lang="en") == "NATO"


def test_every_organisation_has_its_arabic_name_and_one_without_is_refused(tmp_path):
    """CONTRIBUTING's organisation recipe: a new organisation needs its Arabic name. ``name_ar`` is required by the
    data package, so a row without one is refused by the loader naming the file, the row and the column, before any
    page shows the English name inside the Arabic edition."""
    from helpers.i18n import arabic

    for org in load.organisations()["org_id"]:
        assert arabic.ARABIC_LETTER.search(wording.label(org, "org_id", lang="ar")), org
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns("geo", "provenance"))
    rows = list(csv.reader((data / "organisations.csv").open(encoding="utf-8", newline="")))
    at = rows[0].index("name_ar")
    rows[2][at] = ""
    with open(data / "organisations.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(load.DataError, match=r"organisations\.csv row 3, column name_ar: value is empty "
                                             r"\(this column is required\)"):
        load.organisations(data)
