"""07's cells are dated by the act that created each feature (valid_from), with the evidence's own date apart."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import load
from helpers.tables import typology as T

#: The acts that created these features, as the cited sources date them (see each row's note in org_features.csv):
#: SHAPE's activation, the NATO Status of Forces Agreement, the Ottawa Agreement on common infrastructure, the
#: Helsinki Final Act, and the CSTO Charter's entry into force (organisations.csv).
CREATING_ACTS = {
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
