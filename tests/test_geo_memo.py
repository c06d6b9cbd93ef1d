"""A map's yearly standings kept by content (helpers.tables.geo_memo): the second report of a sweep works out only
its own date, and reads the same frames a report without the memo works out."""

from __future__ import annotations

import pandas as pd

from helpers import load, paths
from helpers.tables import geo, geo_memo, geo_shapes

ATLAS = geo.Atlas(load.state_lineage(), load.states(), load.organisations(),
                  boundaries=geo_shapes.Boundaries(load.boundaries(), load.geo_features()))


def test_a_sweeps_second_report_works_out_only_its_own_date_and_gets_the_same_frames(tmp_path, monkeypatch):
    m = load.memberships()
    alone = geo.yearly_spells(m, "NATO", "2021-03-31", 2015, 2024, atlas=ATLAS)  # no memo folder: as before
    worked = []
    real = geo.feature_status

    def counted(memberships, org, date, *args, **kwargs):
        worked.append(pd.Timestamp(date).date().isoformat())
        return real(memberships, org, date, *args, **kwargs)

    monkeypatch.setattr(geo, "feature_status", counted)
    monkeypatch.setenv(paths.MEMO_VAR, str(tmp_path))
    first = geo.yearly_spells(m, "NATO", "2021-03-31", 2015, 2024, atlas=ATLAS)
    assert len(worked) == 10  # every slider year, once
    worked.clear()
    second = geo.yearly_spells(m, "NATO", "2021-04-30", 2015, 2024, atlas=ATLAS)
    assert worked == ["2021-04-30"]  # the other nine years were read back
    pd.testing.assert_frame_equal(first, alone)
    worked.clear()
    changed = m[m["iso3"] != "FIN"]  # other data: nothing is read back
    geo.yearly_spells(changed, "NATO", "2021-04-30", 2015, 2024, atlas=ATLAS)
    assert len(worked) == 10
    monkeypatch.delenv(paths.MEMO_VAR)
    pd.testing.assert_frame_equal(second, geo.yearly_spells(m, "NATO", "2021-04-30", 2015, 2024, atlas=ATLAS))


def test_a_frames_digest_changes_with_its_values_dtypes_and_index():
    a = pd.DataFrame({"x": [1, 2]})
    assert geo_memo.frame_digest(a) == geo_memo.frame_digest(a.copy())
    assert geo_memo.frame_digest(a) != geo_memo.frame_digest(pd.DataFrame({"x": [1, 3]}))
    assert geo_memo.frame_digest(a) != geo_memo.frame_digest(a.astype("float64"))
    assert geo_memo.frame_digest(a) != geo_memo.frame_digest(a.set_axis([5, 6]))
