"""Who made each difference between the Arabic and the English it translates (``changed_by`` in
``translation_differences.csv``): a closed vocabulary the data package declares, tied to the two texts compared,
shown on notebook 09 in both editions."""

from __future__ import annotations

import csv
import shutil

import pytest

from helpers import i18n, load, paths
from helpers.load import DataError
from helpers.tables import translation as T
from helpers.tables import translation_view as TV
from helpers.tables import translation_words as TW


def test_every_difference_says_who_made_it_from_the_closed_vocabulary():
    diffs = load.translation_differences()
    assert diffs["changed_by"].notna().all()
    assert set(diffs["changed_by"]) <= set(T.CHANGED_BY)
    # The Arabic's own changes are the ones made where RT's English was read beside it; a change found only
    # against Valdai's text or RIAC's summary cannot be given to anyone.
    by_pair = diffs.groupby("between")["changed_by"].agg(set).to_dict()
    assert by_pair["Arabic and Valdai/RIAC"] == {"unknown"}
    assert by_pair["RT and Valdai/RIAC"] == {"RT's translator or editors"}
    assert "the translator or editor" in by_pair["Arabic and RT"]
    # P2's causal 'consequence' (T04) is the Arabic's; 'integral' for 'indivisible' (T02) is RT's.
    who = diffs.set_index("difference_id")["changed_by"]
    assert who["T04"] == "the translator or editor" and who["T02"] == "RT's translator or editors"
    assert who["T29"] == "unknown"  # compared with a copy of RT's text that departs from RT's page


def _data_with(tmp_path, edit):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data, ignore=shutil.ignore_patterns("geo"))
    path = data / "translation_differences.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    edit({r["difference_id"]: r for r in rows})
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return data


def test_a_value_outside_the_vocabulary_is_refused_naming_row_column_and_what_is_allowed(tmp_path):
    data = _data_with(tmp_path, lambda rows: rows["T04"].update(changed_by="RT"))
    with pytest.raises(DataError) as err:
        load.table("translation_differences", data)
    line = str(err.value)
    assert "translation_differences.csv row 5, column changed_by" in line
    assert "RT's translator or editors" in line and "unknown" in line


def test_a_hand_the_two_texts_cannot_show_is_refused(tmp_path):
    """T14 was found against RIAC's summary only (RT's P11 could not be read): naming the Arabic's translator there
    would say more than the texts show."""
    data = _data_with(tmp_path, lambda rows: rows["T14"].update(changed_by="the translator or editor"))
    with pytest.raises(DataError) as err:
        load.table("translation_differences", data)
    text = str(err.value)
    assert "column changed_by" in text and "'Arabic and Valdai/RIAC'" in text and "unknown" in text


def test_who_made_it_reads_in_arabic_in_the_arabic_edition():
    view = TV.differences_view(load.translation_differences())
    for word in ["Changed by", *view["Changed by"].unique(), TW.translation_finding(load.translation_differences())]:
        shown = i18n.text(word, "ar")
        assert shown != word, word
        assert not any("a" <= c.lower() <= "z" for c in shown), shown
