"""07's cells are dated by the act that created each feature (valid_from), with the evidence's own date apart."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import load
from helpers.tables import typology as T

#: The acts that created these features, as the cited sources date them (see each row's note in org_features.csv):
#: SHAPE's activation, the NATO Status of Forces Agreement, the Ottawa Agreement on common infrastructure, the
#: Helsinki Final Act, and the CSTO Charter's entry into force (organisations.csv); then NATO's Allied Command
#: Europe Mobile Force (March 1960), the Oslo Decision (4 Jun 1992), Albania's admission to the CSCE (20 Jun 1991),
#: the CSTO's Agreement on Peacekeeping Activities (6 Oct 2007), the Yerevan session that created the Collective Rapid
#: Deployment Force (25 May 2001) and the decision that created the CSTO Joint Staff (28 Apr 2003); the CSTO's formal organisation is the Charter's
#: (Art. 1): the Treaty's Art. 3 Council of heads of state meets in session and is no permanent body.
CREATING_ACTS = {
    ("NATO", "standing_forces"): "1960-03-01",
    ("NATO", "peacekeeping"): "1992-06-04",  # the Oslo Decision on support for CSCE peacekeeping
    ("CSTO", "standing_forces"): "2001-05-25",  # the Yerevan session: the Central Asian rapid deployment force
    ("CSTO", "integrated_command"): "2003-04-28",  # the Collective Security Council's decision on the Joint Staff
    ("OSCE", "accession"): "1991-06-20",
    ("CSTO", "peacekeeping"): "2007-10-06",
    ("NATO", "integrated_command"): "1951-04-02",
    ("NATO", "troop_basing"): "1953-08-23",  # the NATO SOFA's entry into force (signed 19 Jun 1951)
    ("NATO", "common_budget"): "1951-10-05",
    ("OSCE", "security_scope"): "1975-08-01",
    ("CSTO", "secretariat"): "2003-09-18",  # the CSTO Charter (Art. 1), in force 18 Sep 2003
    ("CSTO", "common_defence_policy"): "2003-09-18",
}


@pytest.fixture(scope="module")
def features():
    return load.org_features()


@pytest.mark.parametrize(("key", "act"), sorted(CREATING_ACTS.items()))
def test_no_feature_starts_after_the_act_that_created_it(features, key, act):
    rows = features[(features["org_id"] == key[0]) & (features["dimension_id"] == key[1])
                    & (features["value"] != "unknown")]
    assert len(rows) and rows["valid_from"].min() <= pd.Timestamp(act), (key, rows["valid_from"].min())


def test_the_evidence_keeps_its_own_date(features):
    assert features["evidence_date"].notna().all()
    command = features[(features["org_id"] == "NATO") & (features["dimension_id"] == "integrated_command")].iloc[0]
    assert command["evidence_date"] > command["valid_from"]  # a 2012 page documents a 1951 command


#: How sources.csv's notes state a page's own date: "Page updated 30 June 2023", "Report of 23 November 2023",
#: "News item of 15 May 2020", "Published 4 August 2001", "Press release, Vilnius, 28 October 2011", ...
PAGE_DATE = re.compile(r"(?:[Uu]pdated|Report of(?: Xinhua,)?|News item of|Published|Press release, [A-Z][a-z]+,"
                       r"|Statement to the [A-Za-z ]+,)\s*(\d{1,2} [A-Z][a-z]+ \d{4})")
PAGES = ("official_page", "news_report", "reference_work")


@pytest.fixture(scope="module")
def page_rows(features):
    notes = load.sources().set_index("source_id")["note"].fillna("")
    rows = features[features["evidence"].isin(PAGES)].copy()
    rows["stated"] = [pd.Timestamp(m.group(1)) if (m := PAGE_DATE.search(notes.get(s, ""))) else pd.NaT
                      for s in rows["source_id"]]
    return rows


def test_evidence_is_never_dated_before_the_feature_it_documents(features):
    """Referee (methods-4, M4): a page cannot document a feature before the feature existed. The one exception is
    a text signed before it took effect (a treaty quoted, or reported, at signature), and the row says so."""
    quoted = features[features["evidence"] != "none"]
    early = quoted[quoted["evidence_date"] < quoted["valid_from"]]
    allowed = (early["evidence"] == "primary_text") | early["note"].fillna("").str.contains("signed before it took "
                                                                                            "effect")
    wrong = early.loc[~allowed, ["org_id", "dimension_id", "valid_from", "evidence_date"]]
    assert allowed.all(), wrong.to_dict("records")


def test_a_page_is_dated_by_its_own_date_where_the_sources_state_it(page_rows):
    known = page_rows[page_rows["stated"].notna()]
    assert len(known) >= 5
    wrong = known[known["evidence_date"] != known["stated"]]
    assert wrong.empty, wrong[["org_id", "dimension_id", "source_id", "evidence_date", "stated"]].to_dict("records")


def test_a_later_page_does_not_borrow_the_date_of_the_act(page_rows):
    """Referee (methods-4, M4): 19 cells quoted a later page but carried the act's date as the evidence's. A page's
    evidence_date may equal valid_from only when the page is of that very day."""
    same = page_rows[page_rows["evidence_date"] == page_rows["valid_from"]]
    wrong = same[same["stated"] != same["evidence_date"]]
    assert wrong.empty, wrong[["org_id", "dimension_id", "source_id", "valid_from"]].to_dict("records")


def test_the_1991_variant_places_natos_institutions_as_known(features):
    row = T.typology_intervals(features, load.dimensions(), ["NATO"], "1991-12-31").iloc[0]
    assert row["institutionalization_unknown"] == 0
    assert row["institutionalization_low"] == row["institutionalization_high"]


def test_a_feature_only_documented_later_is_unknown_before_not_absent(features):
    """A row dated by the text that documents a feature rather than the act that created it says so ("Documented
    by") and has an unknown period ending on its first day, so an earlier report shows a range, not a gap."""
    documented = features[features["note"].fillna("").str.startswith("Documented by")]
    assert {("NATO", "nuclear_dimension"), ("OSCE", "common_budget")} <= set(zip(documented["org_id"],
                                                                                  documented["dimension_id"]))
    for row in documented.itertuples(index=False):
        before = features[(features["org_id"] == row.org_id) & (features["dimension_id"] == row.dimension_id)
                          & (features["valid_to"] == row.valid_from)]
        assert (before["value"] == "unknown").all() and len(before) == 1, (row.org_id, row.dimension_id)


def test_the_2001_variant_codes_every_nato_cell():
    """In June 2001 NATO ran SFOR and KFOR and had a nuclear role: a 2001 report must not show them as 'not
    coded'."""
    from helpers.tables import typology_words as W

    cells = W.matrix_cells(load.org_features(), load.dimensions(), ["NATO"], "2001-06-15").set_index("dimension_id")
    assert "not coded" not in set(cells["value"]), cells.loc[cells["value"] == "not coded"].index.tolist()
    assert cells.loc["peacekeeping", "value"] == "yes" and cells.loc["nuclear_dimension", "value"] == "stated"


def test_the_osce_has_no_peacekeeping_role_before_the_helsinki_document_of_1992(features):
    """Referee (methods-3, minor 6): CSCE peacekeeping was set out in the Helsinki Document of 10 July 1992
    (Chapter III); the 1991 page must not show a role not yet created."""
    from helpers.tables import typology_words as W

    row = features[(features["org_id"] == "OSCE") & (features["dimension_id"] == "peacekeeping")
                   & (features["value"] == "yes")]
    assert row["valid_from"].min() == pd.Timestamp("1992-07-10")
    cells = W.matrix_cells(features, load.dimensions(), ["OSCE"], "1991-12-31").set_index("dimension_id")
    assert cells.loc["peacekeeping", "value"] != "yes"


def test_cstos_forces_and_staff_are_dated_by_the_acts_that_created_them_not_a_later_report():
    """Referee (methods-10, M2): the CSTO's forces and Joint Staff were dated from a 2012 news report while NATO's
    were dated by the acts that created them (1951-1960), so a report for any day from 2001 to 2012 compared NATO's
    'yes' with a CSTO 'unknown' the record settles. Now the forces count from the Yerevan session of 25 May 2001 and
    the staff from the decision of 28 April 2003; before each act the cell stays unknown, not absent."""
    from helpers.tables import typology_words as W

    feats, dims = load.org_features(), load.dimensions()
    csto = feats[(feats["org_id"] == "CSTO") & feats["dimension_id"].isin(["standing_forces", "integrated_command"])
                 & (feats["value"] != "unknown")]
    assert not csto["note"].str.startswith("Documented by").any()
    assert (csto["valid_from"] <= pd.Timestamp("2003-04-28")).all(), csto[["dimension_id", "valid_from"]]

    def at(day):
        return W.matrix_cells(feats, dims, ["CSTO"], day).set_index("dimension_id")["value"]

    assert (at("2001-05-24")["standing_forces"], at("2001-05-24")["integrated_command"]) == ("unknown", "unknown")
    assert (at("2001-06-15")["standing_forces"], at("2001-06-15")["integrated_command"]) == ("yes", "unknown")
    for day in ("2004-03-29", "2008-08-08", "2024-04-30"):
        assert (at(day)["standing_forces"], at(day)["integrated_command"]) == ("yes", "partial"), day
    assert at("2001-06-15")["secretariat"] == "unknown" and at("2004-01-01")["secretariat"] == "yes"


def test_a_report_inside_2004_2011_names_the_cstos_partly_command_not_an_unknown():
    """What a reader of a 2004 report sees: NATO's lead on the institutions index rests on the CSTO's staff coded
    'partly' (a tie if read as yes), as on the default date, no longer on cells 'unknown cells could lift'."""
    from helpers.tables import typology as T
    from helpers.tables import typology_checks_words as C
    from helpers.tables import typology_words as W

    feats, dims = load.org_features(), load.dimensions()
    shown = ["NATO", "OSCE", "SCO", "CSTO", "RU_CN_TREATY_2001"]
    cells = W.matrix_cells(feats, dims, shown, "2004-03-29")
    robust = C.robustness_table(feats, dims, shown, "2004-03-29", {})
    found = W.glance_findings(T.typology_intervals(feats, dims, shown, "2004-03-29"), cells, dims, [], {},
                              "29 Mar 2004", ties_when_yes=C.lead_rests_on_partly(robust))
    assert "only while CSTO's integrated military command is read as 'partly'" in found[0], found[0]
    assert "unknown cells could lift" not in found[0]


def test_every_peacekeeping_role_counts_from_the_act_that_gave_it_not_a_first_operation(features):
    """Referee (methods-10, m7): the CSTO's role counted from an agreement (2007), the OSCE's from a decision (1992)
    but NATO's from its first deployment (IFOR, 20 Dec 1995). One rule now: the decision or agreement that gave the
    role, so NATO's counts from the Oslo Decision of 4 June 1992 and a 1993 report shows it."""
    from helpers.tables import typology_words as W

    yes = features[(features["dimension_id"] == "peacekeeping") & (features["value"] == "yes")
                   & features["org_id"].isin(["NATO", "OSCE", "CSTO"])].set_index("org_id")["valid_from"]
    assert yes.dt.strftime("%Y-%m-%d").to_dict() == {"NATO": "1992-06-04", "OSCE": "1992-07-10",
                                                     "CSTO": "2007-10-06"}
    cells = W.matrix_cells(features, load.dimensions(), ["NATO"], "1993-06-30").set_index("dimension_id")["value"]
    assert cells["peacekeeping"] == "yes"
    assert "Oslo Decision" in features.loc[(features["org_id"] == "NATO")
                                           & (features["dimension_id"] == "peacekeeping"), "note"].iloc[0]


#: "signed ... and in force from 23 August 1953": a note that names both acts of a treaty.
IN_FORCE = re.compile(r"signed [^.;]*? and in force from (\d{1,2} [A-Z][a-z]+ \d{4})")


def test_a_treaty_counts_from_its_entry_into_force_not_its_signature(features):
    """Referee (methods-6, m2): one rule for 07's table, stated on the page: a cell counts from the day the act
    took effect. NATO's troop basing counted from the Status of Forces Agreement's signature (19 June 1951) while
    the CSTO's counted from its treaty's entry into force (20 April 1994); a 1952 report showed NATO basing as yes
    under an agreement not yet in force."""
    from helpers.tables import typology_words as W

    named = [(r.org_id, r.dimension_id, r.valid_from, pd.Timestamp(m.group(1)))
             for r in features.itertuples(index=False) if (m := IN_FORCE.search(str(r.note)))]
    assert ("NATO", "troop_basing") in {(o, d) for o, d, *_ in named}
    assert all(start == in_force for *_, start, in_force in named), named
    cells = W.matrix_cells(features, load.dimensions(), ["NATO"], "1952-12-31").set_index("dimension_id")["value"]
    assert cells["troop_basing"] != "yes"


def test_troop_basing_is_coded_on_what_the_texts_provide_for_every_organisation(features):
    """Referee (issue 21, minor 6): NATO's 'yes' quoted today's battlegroups (a 2017 practice) under a 1953 date,
    while the CSTO's 'yes' rests on its treaty's clause that stationing is 'regulated by special agreements'. Both are
    now coded on the texts' provision: every 'yes' quotes a founding or status-of-forces text, none a deployment page,
    and the dimension's definition a reader sees says so."""
    rows = features[features["dimension_id"] == "troop_basing"].set_index("org_id")
    yes = rows[rows["value"] == "yes"]
    assert set(yes.index) == {"NATO", "CSTO"}
    assert (yes["evidence"] == "primary_text").all(), yes["evidence"].to_dict()
    assert yes.loc["NATO", "source_id"] == "canada-nato-sofa-1951"
    assert "by arrangement, to serve in the territory" in yes.loc["NATO", "quote"]
    assert "battlegroups" not in yes.loc["NATO", "quote"] + yes.loc["NATO", "detail"]
    assert yes.loc["NATO", "evidence_date"] == yes.loc["NATO", "valid_from"]
    definition = load.dimensions().set_index("dimension_id").loc["troop_basing", "description"]
    assert "coded from what the texts provide, for every organisation alike, not from deployments" in definition
