"""Membership logic on small hand-made spells, checked against frames worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers import membership
from helpers.membership import ACTIVE, FORMAL


def spells(rows):
    df = pd.DataFrame(rows, columns=["org_id", "iso3", "status", "start", "end"])
    df["start"] = pd.to_datetime(df["start"]).astype("datetime64[ns]")
    df["end"] = pd.to_datetime(df["end"]).astype("datetime64[ns]")
    return df


# AAA joins X in 2000; BBB joins in 2005 and freezes its participation in 2010; CCC is an observer from 2001 to
# 2003 and a member from 2003 to 2008 (leaves on 2008-01-01); DDD is in Y only.
M = spells([
    ("X", "AAA", "member", "2000-01-01", None),
    ("X", "BBB", "member", "2005-06-01", "2010-03-01"),
    ("X", "BBB", "frozen", "2010-03-01", None),
    ("X", "CCC", "observer", "2001-01-01", "2003-01-01"),
    ("X", "CCC", "member", "2003-01-01", "2008-01-01"),
    ("Y", "DDD", "participating_state", "1999-01-01", None),
    ("Y", "AAA", "partner", "2002-01-01", None),
])


def test_statuses_are_as_the_contract_says():
    assert FORMAL == ("member", "participating_state", "suspended", "frozen")
    assert ACTIVE == ("member", "participating_state")


def test_members_as_of_returns_the_spells_in_force():
    got = membership.members_as_of(M, "X", "2006-01-01")
    expected = spells([
        ("X", "AAA", "member", "2000-01-01", None),
        ("X", "BBB", "member", "2005-06-01", "2010-03-01"),
        ("X", "CCC", "member", "2003-01-01", "2008-01-01"),
    ])
    pd.testing.assert_frame_equal(got, expected)


def test_spells_are_half_open():
    # on the day a spell ends the state is already out; on the day it starts it is in
    assert membership.count_as_of(M, "X", "2007-12-31") == 3
    assert membership.count_as_of(M, "X", "2008-01-01") == 2
    assert membership.count_as_of(M, "X", "2005-05-31") == 2
    assert membership.count_as_of(M, "X", "2005-06-01") == 3


def test_frozen_counts_as_formal_but_not_active():
    assert membership.count_as_of(M, "X", "2011-01-01") == 2
    assert membership.count_as_of(M, "X", "2011-01-01", statuses=ACTIVE) == 1
    got = membership.members_as_of(M, "X", dt.date(2011, 1, 1), statuses=ACTIVE)
    assert got["iso3"].tolist() == ["AAA"]


def test_observers_are_not_members():
    assert membership.members_as_of(M, "X", "2002-01-01")["iso3"].tolist() == ["AAA"]
    assert membership.count_as_of(M, "X", "2002-01-01", statuses=("observer",)) == 1


def test_as_of_accepts_dates_timestamps_and_strings():
    for when in ("2006-01-01", dt.date(2006, 1, 1), pd.Timestamp("2006-01-01"), dt.datetime(2006, 1, 1, 15, 30)):
        assert membership.count_as_of(M, "X", when) == 3


def test_counts_over_time_has_one_row_per_change():
    got = membership.counts_over_time(M, "X")
    expected = pd.DataFrame({
        "date": pd.to_datetime(["2000-01-01", "2003-01-01", "2005-06-01", "2008-01-01"]).astype("datetime64[ns]"),
        "members": pd.Series([1, 2, 3, 2], dtype="int64"),
    })
    # BBB going from member to frozen on 2010-03-01 is no change in formal membership
    pd.testing.assert_frame_equal(got, expected)


def test_counts_over_time_active_sees_the_freeze():
    got = membership.counts_over_time(M, "X", statuses=ACTIVE)
    assert got["date"].dt.strftime("%Y-%m-%d").tolist() == ["2000-01-01", "2003-01-01", "2005-06-01",
                                                            "2008-01-01", "2010-03-01"]
    assert got["members"].tolist() == [1, 2, 3, 2, 1]


def test_counts_over_time_of_an_org_without_members_is_empty():
    got = membership.counts_over_time(M, "PROPOSED")
    assert got.empty and list(got.columns) == ["date", "members"]
    assert membership.count_as_of(M, "PROPOSED", "2020-01-01") == 0


def test_status_matrix():
    got = membership.status_matrix(M, "2002-06-01", orgs=["X", "Y"])
    expected = pd.DataFrame(
        {"X": ["member", "", "observer", ""], "Y": ["partner", "", "", "participating_state"]},
        index=pd.Index(["AAA", "BBB", "CCC", "DDD"], name="iso3", dtype="str"), dtype="str",
    )
    expected.columns = pd.Index(["X", "Y"], name="org_id", dtype="str")
    # BBB has no status in either organisation on that day, so it is not a row
    expected = expected.drop(index="BBB")
    pd.testing.assert_frame_equal(got, expected)


def test_status_matrix_defaults_to_every_org_and_keeps_given_order():
    assert membership.status_matrix(M, "2002-06-01").columns.tolist() == ["X", "Y"]
    got = membership.status_matrix(M, "2011-01-01", orgs=["Y", "X"])
    assert got.columns.tolist() == ["Y", "X"]
    assert got.loc["BBB", "X"] == "frozen"
    assert got.loc["DDD", "X"] == ""


def test_input_is_not_changed():
    before = M.copy()
    membership.members_as_of(M, "X", "2006-01-01")
    membership.counts_over_time(M, "X")
    membership.status_matrix(M, "2006-01-01")
    pd.testing.assert_frame_equal(M, before)


def test_bad_date_is_named():
    with pytest.raises(ValueError, match=r"as_of='2024-13-01' is not a date.*YYYY-MM-DD"):
        membership.members_as_of(M, "X", "2024-13-01")


def test_bad_status_is_named_with_the_allowed_ones():
    with pytest.raises(ValueError, match=r"unknown status\(es\) 'membr'; allowed: member, participating_state"):
        membership.count_as_of(M, "X", "2006-01-01", statuses=("membr",))


def test_frame_without_the_needed_columns_is_named():
    with pytest.raises(ValueError, match=r"lacks column\(s\) end"):
        membership.count_as_of(M.drop(columns="end"), "X", "2006-01-01")


def test_as_timestamp_refuses_numbers_and_empty_values_instead_of_reading_them_as_1970():
    from helpers.membership import as_timestamp

    assert as_timestamp("2024-03-07") == pd.Timestamp("2024-03-07")
    assert as_timestamp(pd.Timestamp("2024-03-07 15:30", tz="UTC")) == pd.Timestamp("2024-03-07")
    for bad in (2023, 2023.0, None, "", "soon", True):
        with pytest.raises(ValueError, match="is not a date"):
            as_timestamp(bad, "as_of")


def test_sources_of_the_spells_of_some_organisations_and_states():
    m = pd.DataFrame({"org_id": ["NATO", "NATO", "CSTO", "SCO"], "iso3": ["POL", "TUR", "ARM", "KAZ"],
                      "status": ["member"] * 4,
                      "start": pd.to_datetime(["1999-03-12", "1952-02-18", "1992-05-15", "2001-06-15"]),
                      "end": pd.to_datetime([None] * 4), "source_id": ["b", "a", "c", "d"]})
    assert membership.sources(m, ["NATO", "CSTO"]) == ["a", "b", "c"]
    assert membership.sources(m, ["NATO", "CSTO"], ["ARM"]) == ["c"]
    assert membership.sources(m, ["NATO"], []) == ["a", "b"]  # no states given: every spell of the org
