"""Notebook 05's spending figures are SIPRI's own (issue 21, referee minor 9): the constant-dollar series was read
from Our World in Data's export of SIPRI's data through a third-party copy; it is now cited to SIPRI's own workbook,
and for the check years 2000 and 2023 the bars 05 draws for the United States, China and Russia carry the
workbook's values, which for 2023 round to SIPRI's April 2024 headline figures."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import load, present

#: SIPRI Military Expenditure Database workbook (SIPRI-Milex-data-1949-2024_2.xlsx), sheet 'Constant (2023) US$',
#: US$ m., as cited in the note of the source ``sipri-milex-database``.
SIPRI_WORKBOOK = {
    2000: {"United States": 566381.0, "China": 42519.0, "Russia": 23790.0},
    2023: {"United States": 916014.7, "China": 296821.4, "Russia": 109203.6},
}
#: SIPRI's April 2024 headline figures for 2023, US$ billion (current = constant 2023 prices in the base year).
SIPRI_2023_HEADLINE = {"United States": 916, "China": 296, "Russia": 109}
ISO3 = {"United States": "USA", "China": "CHN", "Russia": "RUS"}


def test_the_data_hold_sipris_workbook_values_and_cite_sipri():
    caps = load.capabilities()
    const = caps[caps["indicator"] == "milex_usd_const"]
    assert set(const["source_id"]) == {"sipri-milex-database"}
    for year, row in SIPRI_WORKBOOK.items():
        for name, value in row.items():
            got = const[(const["iso3"] == ISO3[name]) & (const["year"] == year)]["value"]
            assert len(got) == 1 and abs(float(got.iloc[0]) - value) < 0.5, (name, year, got.tolist())
    for name, billions in SIPRI_2023_HEADLINE.items():
        assert abs(SIPRI_WORKBOOK[2023][name] / 1000 - billions) < 1, name
    note = load.sources().set_index("source_id").loc["sipri-milex-database", "note"]
    assert "https://www.sipri.org/sites/default/files/SIPRI-Milex-data-1949-2024_2.xlsx" in note
    assert "arnoldri/SamplingBook" not in note and "566,381" in note and "916,015" in note
    assert not const["note"].str.contains("SamplingBook").any()


def _drawn_parts(nb) -> pd.DataFrame:
    """The member parts of the spending bars, from the chart data of the page's 'milex' chart."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            chart = out.get("data", {}).get(present.CHART_MIME)
            if chart and chart["key"] == "milex":
                rows = [r for values in chart["spec"].get("datasets", {}).values() for r in values]
                rows += chart["spec"].get("data", {}).get("values", [])
                return pd.DataFrame([r for r in rows if "part" in r])
    raise AssertionError("05 drew no spending chart")


@pytest.mark.parametrize("year", [2000, 2023])
def test_05s_spending_bars_carry_sipris_values_for_the_check_years(executed, year):
    nb = executed("05-balance-of-power", year=year)
    parts = _drawn_parts(nb)
    for name, value in SIPRI_WORKBOOK[year].items():
        drawn = parts[parts["part"] == name]["value"].astype(float)
        assert len(drawn) and (abs(drawn - value) < 0.5).all(), (year, name, drawn.tolist())
