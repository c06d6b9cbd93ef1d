"""Notebook 07 as a reader meets it (helpers.tables.typology_words): who can be compared on a date and why the others
cannot, the matrix cells (shading, unknowns, notes), and the at-a-glance findings — on small made-up tables and on
the project's data for the report's own dates."""

from __future__ import annotations

import pandas as pd
import pytest
from test_tables_typology import dims, feats

from helpers import load
from helpers.tables import typology as T
from helpers.tables import typology_view as TV
from helpers.tables import typology_words as V

ORGS = pd.DataFrame({"org_id": ["A", "B", "C", "GONE", "PROP"], "name": ["a", "b", "c", "g", "p"],
                     "kind": ["alliance", "alliance", "alliance", "alliance", "proposal"],
                     "status": ["active", "active", "active", "dissolved", "proposed"],
                     "founded": pd.to_datetime(["1949-04-04", "1989-01-01", "2005-01-01", "1955-05-14", "2024-02-29"]),
                     "dissolved": pd.to_datetime([None, None, None, "1991-07-01", None]),
                     "source_id": ["sa", "sb", "sc", "sg", "sp"]})
SIX = ["NATO", "OSCE", "SCO", "CSTO", "EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"]


def test_comparable_keeps_orgs_with_a_cell_in_force_and_says_why_the_others_are_left_out():
    shown, left = V.comparable(ORGS, feats(), ["A", "B", "C", "GONE", "PROP"], "2000-06-01")
    assert shown == ["A", "B"]
    assert left == {"C": ("later", "founding treaty signed 1 Jan 2005"), "GONE": ("gone", "dissolved 1 Jul 1991"),
                    "PROP": ("later", "proposed 29 Feb 2024")}
    # C exists on this date, but its first coded text starts in 2010
    pending = ("pending", "coded texts in force from 1 Jan 2010")
    assert V.comparable(ORGS, feats(), ["A", "C"], "2006-01-01")[1] == {"C": pending}
    with pytest.raises(ValueError, match="'ZZ' is not in organisations.csv"):
        V.comparable(ORGS, feats(), ["ZZ"], "2000-01-01")


def test_absence_sentence_says_plainly_who_did_not_exist():
    left = {"C": ("later", "founded 1 Jan 2005"), "GONE": ("gone", "dissolved 1 Jul 1991")}
    text = V.absence_sentence(left, {"C": "Cee", "GONE": "Pact (old)"}, "1 Jun 2000")
    assert text == ("On 1 Jun 2000 Cee (founded 1 Jan 2005) did not exist yet; Pact (old, dissolved 1 Jul 1991) "
                    "had been dissolved, so they are not in the comparison.")
    assert V.absence_sentence({}, {}, "1 Jun 2000") == ""


def test_absence_sentence_for_an_uncoded_organisation_agrees_and_says_it_once():
    one = V.absence_sentence({"CIS": ("uncoded", "no coded cells")}, {"CIS": "CIS"}, "30 Apr 2024")
    assert one == "On 30 Apr 2024 CIS has no coded cells, so it is not in the comparison."
    two = V.absence_sentence({"A": ("uncoded", "no coded cells"), "B": ("uncoded", "no coded cells")},
                             {"A": "Ay", "B": "Bee"}, "30 Apr 2024")
    assert two == "On 30 Apr 2024 Ay and Bee have no coded cells, so they are not in the comparison."


def test_matrix_cells_shade_scored_values_leave_kinds_unshaded_and_unknowns_empty():
    cells = V.matrix_cells(feats(), dims(), ["A", "B"], "1996-01-01").set_index(["org_id", "dimension_id"])
    assert cells.loc[("A", "defence"), "score"] == 1.0 and cells.loc[("B", "defence"), "score"] == 0.0
    assert cells.loc[("A", "command"), "score"] == 0.0  # 'no' until 2000
    assert pd.isna(cells.loc[("B", "consult"), "score"]) and cells.loc[("B", "consult"), "value"] == "unknown"
    assert cells.loc[("A", "form"), "axis"] == "legalization"
    assert list(cells.index.get_level_values(1)[:6]) == list(dims()["dimension_id"])
    later = V.matrix_cells(feats(), dims(), ["B"], "1991-01-01").set_index("dimension_id")
    assert later.loc["office", "value"] == "not coded" and later.loc["office", "source_id"] == ""


def test_unordered_described_dimensions_get_a_negative_score_on_the_real_data():
    cells = V.matrix_cells(load.org_features(), load.dimensions(), ["NATO"], "2024-04-30").set_index("dimension_id")
    assert cells.loc["decision_rule", "score"] < 0 and cells.loc["security_scope", "score"] < 0
    assert cells.loc["collective_defence", "score"] == 1.0 and cells.loc["common_budget", "score"] == 1.0
    note = cells.loc["collective_defence", "note"]
    assert note.startswith("Yes.") and "Art. 5" in note and "“" in note and "nan" not in note


@pytest.mark.parametrize("as_of, absent", [("1991-12-31", {"SCO", "CSTO", "EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"}),
                                           ("2001-06-15", {"SCO", "EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"}),
                                           ("2024-04-30", set()), ("2024-07-04", set())])
def test_the_report_dates_compare_only_what_existed(as_of, absent):
    orgs, feats_ = load.organisations(), load.org_features()
    shown, left = V.comparable(orgs, feats_, SIX, as_of)
    assert set(left) == absent and shown == [o for o in SIX if o not in absent]
    names = TV.short_names(orgs)
    intervals = T.typology_intervals(feats_, load.dimensions(), shown, as_of)
    cells = V.matrix_cells(feats_, load.dimensions(), shown, as_of)
    found = V.glance_findings(intervals, cells, load.dimensions(), left, names, "the day")
    assert 2 <= len(found) <= 4 and found[0].startswith("On the day, ")
    # referee (M5): the defence promise decides what is an alliance; no date's headline calls NATO the most
    # alliance-like, and where the CSTO is compared both make the promise
    assert "most alliance-like" not in found[0]
    assert ("NATO and CSTO both make the defence promise" in found[0]) == ("CSTO" not in absent)
    if as_of == "1991-12-31":
        # referee (methods-5, m7): 15 May 1992 is the Collective Security Treaty's signature, not the CSTO's founding
        assert "SCO (founded 15 Jun 2001)" in found[-1] and "CSTO (founding treaty signed 15 May 1992)" in found[-1]
        assert "did not exist yet" in found[-1]
    if not absent:
        assert any(f.startswith("Russia–China treaty (2001) binds its parties to") and "no defence" in f
                   for f in found)
        assert any(f.startswith("Proposed Eurasian framework") for f in found)
        # Editor (review 3, #13): the classification does not repeat the framework's own finding
        assert found[0] == ("On the day, NATO and CSTO both make the defence promise that makes a defence alliance; NATO "
                            "leads only on our institutions index.")
        assert sum("cannot be placed" in f for f in found) == 1


def test_titles_and_summary_count_what_the_tables_show():
    cells = pd.DataFrame({"org_id": ["A", "A", "B"], "value": ["yes", "unknown", "not coded"]})
    assert V.matrix_finding(cells, {}, "1 Jun 2000") == ("On 1 Jun 2000, 1 of the 3 cells of 2 organisations are "
                                                        "known, 1 unknown, 1 not coded for this date")
    book = TV.codebook_table(dims())
    assert V.codebook_finding(book) == "6 dimensions in 3 groups; 5 enter the scores"
    assert V.glance_summary(["A"], {"C": ("later", "x")}, {"A": "Aye"}, "1 Jun 2000").startswith(
        "Aye on 1 Jun 2000 (1 more did not exist")


def test_organisation_table_and_claims_here_are_in_reader_columns():
    table = V.organisation_table(ORGS, ["A", "C"], "2000-01-01")
    assert list(table.columns) == ["organisation", "kind", "founded", "on 1 Jan 2000", "source_id"]
    assert list(table["on 1 Jan 2000"]) == ["existed", "did not exist yet (founding treaty signed 1 Jan 2005)"]
    claims = load.claims()
    here = V.claims_here(claims, "07")
    assert list(here["Claim"])[:1] == ["C07 · P4"]
    # "Who says it" shows exactly when some of the notebook's claims are not known to be the author's own (a claim
    # whose English was never compared has the voice 'unknown' and reads "author (not compared with RT)")
    mine = claims[claims["evidence_notebook"].astype(str).str.zfill(2) == "07"]
    assert ("Who says it" in here) == bool((mine["voice"] != "the author").any())
    assert "Who says it" not in V.claims_here(claims.assign(voice="the author"), "07")
    assert here["Claim"].str.extract(r"P(\d+)")[0].astype(int).is_monotonic_increasing


def test_the_matrix_draws_kinds_unshaded_with_a_diamond_and_unknowns_hatched():
    from helpers.render import table_html as R

    cells = V.matrix_cells(load.org_features(), load.dimensions(), ["NATO", "EURASIAN_FRAMEWORK"], "2024-04-30")
    spec = {"rows": "dimension_id", "columns": "org_id", "value": "value", "value_column": "value", "score": "score",
            "group": "axis", "detail": "note", "source": "source_id", "column_order": []}
    body, after = R.matrix_html(cells, spec, "m", "t")
    rule = body.split('<th scope="row">Decision rule</th>', 1)[1].split("</tr>", 1)[0]
    # a kind, not a degree: unshaded, marked ◇ (a dash would read as a minus), the legend saying what ◇ means
    assert 'class="matrix-cell shade-none"' in rule and "◇</span> consensus" in rule
    assert not any(f"{dash}</span>" in body for dash in ("–", "-", "—"))
    defence = body.split('<th scope="row">Defence promise</th>', 1)[1].split("</tr>", 1)[0]
    assert 'shade-4' in defence and 'shade-unknown' in defence  # NATO yes; the framework unknown
    assert "Legal form" in body and "Russia" not in body.split("<thead>")[1].split("</thead>")[0]
    assert "◇ not a matter of degree" in after


def test_the_07_headline_says_nato_leads_only_on_the_index_and_names_the_partly_cell():
    """Referee (M5): by the codebook the defence promise decides what is an alliance, and NATO and the CSTO are equal
    on it; NATO leads only on the four-item institutions index, by the CSTO's integrated command coded 'partly'
    (read as yes, a tie). The first screen says that, and no longer that NATO is 'the most alliance-like'."""
    from helpers.tables import typology_checks_words as CW

    orgs, feats_, dims = load.organisations(), load.org_features(), load.dimensions()
    shown, left = V.comparable(orgs, feats_, SIX, "2024-04-30")
    names = TV.short_names(orgs)
    robust = CW.robustness_table(feats_, dims, shown, "2024-04-30", names)
    partly = CW.lead_rests_on_partly(robust)
    assert partly
    found = CW.glance_with_robustness(V.glance_findings(
        T.typology_intervals(feats_, dims, shown, "2024-04-30"), V.matrix_cells(feats_, dims, shown, "2024-04-30"),
        dims, left, names, "30 Apr 2024", ties_when_yes=partly), robust)
    assert found[0] == ("On 30 Apr 2024, NATO and CSTO both make the defence promise that makes a defence alliance; NATO "
                        "leads only on our institutions index, and only while CSTO's integrated military command is "
                        "read as 'partly'.")
    assert not any(f.startswith("The headline does not survive") for f in found)
    assert any("NATO and CSTO tie at the top of the institutions order" in f for f in found)


def test_claims_here_says_why_a_speaker_is_not_checked_rather_than_unknown():
    """Data editor (review 8, low 23): 07's claims table read "Who says it = unknown" for C31–C35, the author's own
    sentences in the Arabic, whose English (RT's P15–P16) could not be read; it now reads as the claims ledger does,
    "author (not compared with RT)", and the caption's sentence says what that means."""
    from helpers.tables import claims_view

    claims = load.claims()
    here = V.claims_here(claims, "07")
    who = dict(zip(here["Claim"].str[:3], here["Who says it"]))
    mine = claims.set_index("claim_id")
    for cid in ("C31", "C32", "C34", "C35"):  # C33 looks to 08
        assert (mine.at[cid, "voice"], mine.at[cid, "attribution"]) == ("unknown", "not compared")
        assert who[cid] == "author (not compared with RT)"
    assert "unknown" not in set(here["Who says it"])
    assert "could not be read" in claims_view.who_note(here["Who says it"])
    assert claims_view.who_note(["author", "Putin"]) == ""
