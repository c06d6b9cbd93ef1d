"""07's cells are dated by the act that created each feature (valid_from), with the evidence's own date apart."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import load
from helpers.tables import typology as T

#: The acts that created these features, as the cited sources date them (see each row's note in org_features.csv):
#: SHAPE's activation, the NATO Status of Forces Agreement, the Ottawa Agreement on common infrastructure, the
#: Helsinki Final Act, and the CSTO Charter's entry into force (organisations.csv); then NATO's Allied Command
#: Europe Mobile Force (March 1960), IFOR's deployment (20 Dec 1995), Albania's admission to the CSCE (20 Jun 1991)
#: and the CSTO's Agreement on Peacekeeping Activities (6 Oct 2007).
CREATING_ACTS = {
    ("NATO", "standing_forces"): "1960-03-01",
    ("NATO", "peacekeeping"): "1995-12-20",
    ("OSCE", "accession"): "1991-06-20",
    ("CSTO", "peacekeeping"): "2007-10-06",
    ("NATO", "integrated_command"): "1951-04-02",
    ("NATO", "troop_basing"): "1951-06-19",
    ("NATO", "common_budget"): "1951-10-05",
    ("OSCE", "security_scope"): "1975-08-01",
    ("CSTO", "secretariat"): "2003-09-18",
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
