"""Facts re-read against the pages that carry them (issue 21): Kazakhstan's Partnership for Peace date reconciled
with NATO's own page, the institutions index not credited to a paper whose measure was not read, and the Charter of
Paris coding said to rest on the abridged opening that was read."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def _rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _source(source_id: str) -> dict:
    found = [row for row in _rows("sources") if row["source_id"] == source_id]
    assert len(found) == 1, f"{source_id} is not in sources.csv"
    return found[0]


def test_kazakhstan_pfp_start_rests_on_1994_evidence_and_says_why_nato_1995_is_not_used():
    (row,) = [r for r in _rows("memberships") if r["org_id"] == "PFP" and r["iso3"] == "KAZ"]
    report = _source("uzland-uzbekistan-joins-pfp-1994")
    assert "13 July 1994" in report["note"] and "Tajikistan" in report["note"]
    # the spell starts before the day by which the contemporary report has Kazakhstan signed up
    assert "1994-01-10" <= row["start"] < "1994-07-13", row["start"]
    assert "uzland-uzbekistan-joins-pfp-1994" in row["note"]
    assert "nato-relations-with-kazakhstan" in row["note"] and "1995" in row["note"]
    assert "not reconciled" not in _source("nato-relations-with-kazakhstan")["note"]


def test_claim_c39_gives_the_pfp_year_the_data_uses():
    for name, column in (("claims", "verdict_reason"), ("prose_ar", "en")):
        rows = [r for r in _rows(name) if "Partnership for Peace partner since" in r.get(column, "")]
        assert rows, f"{name}.csv: C39's reason no longer names the PfP year"
        for r in rows:
            assert "since 1994" in r[column] and "mid-1990s" not in r[column], r[column]
    (arabic,) = [r for r in _rows("prose_ar") if r["table"] == "claims" and r["key"] == "C39"]
    assert "منذ 1994" in arabic["ar"] and "منتصف التسعينيات" not in arabic["ar"]


def test_no_reader_label_credits_leeds_and_anac_with_our_institutions_index():
    catalog = (ROOT / "src" / "helpers" / "locale" / "ar" / "messages.po").read_text(encoding="utf-8")
    assert "Leeds & Anac's" not in catalog and "ليدز وأناك" not in catalog
    note = _source("leeds-anac-2005")["note"]
    assert "restricted to subscribers" in note and "not read" in note
    notebook = (ROOT / "notebooks" / "07-framework-or-alliance.py").read_text(encoding="utf-8")
    assert "The institutions index is ours" in notebook


def test_charter_of_paris_coding_says_it_rests_on_the_abridged_opening_read():
    (coded,) = [r for r in _rows("principle_documents")
                if r["principle_id"] == "indivisible" and r["document_id"] == "charter-of-paris-1990"]
    assert coded["presence"] == "implicit"
    copy = _source(coded["source_id"])
    assert "abridged" in copy["note"] and "not read" in copy["note"]
    assert coded["phrase"] == "equal security for all our countries"
    page = (ROOT / "notebooks" / "03-osce-inclusive-option.py").read_text(encoding="utf-8")
    assert "coded from its opening section only" in page
    osce = _source("osce-charter-of-paris-30")
    assert osce["url"].startswith("https://osce.org/") and "equal security for all countries" in osce["note"]
    (event,) = [r for r in _rows("events") if r["event_id"] == "charter-of-paris-1990"]
    assert "osce-charter-of-paris-30" in event["note"]
