"""Quantities written as text read as numbers in a table: the unit once in the header, the figures right-aligned in
one precision, "—" where a cell is empty; columns of words, dates or mixed units stay as they are."""

from __future__ import annotations

import pandas as pd

from helpers.render import table_html as T
from helpers.render import table_units as U


def test_money_and_shares_become_numbers_with_the_unit_in_the_header():
    frame = pd.DataFrame({"Basis": ["market rates", "PPP"], "NATO": ["US$1.46 trillion", "US$970 billion"],
                          "Share": ["32%", ""], "Note": ["—", "China ×1.81"]})
    html = T.table_html(frame, "k", "t")
    assert '<th scope="col" class="num">NATO (US$ billion)</th>' in html
    assert '<th scope="col" class="num">Share (%)</th>' in html
    assert '<td class="num">1,460</td>' in html and '<td class="num">970</td>' in html  # one scale, no "US$"
    assert '<td class="num">32</td>' in html and "<td>—</td>" in html  # the empty share reads "—"
    assert "China ×1.81" in html and "Note (" not in html  # words stay words


def test_population_in_millions_and_billions_keeps_every_digit_in_one_precision():
    frame = pd.DataFrame({"Population": ["972.2 million", "1.57 billion", "145.7 million"]})
    out, units = U.quantities(frame)
    assert units == {"Population": "million"} and list(out["Population"]) == [972.2, 1570.0, 145.7]
    html = T.table_html(frame, "k", "t")
    assert ">1,570.0<" in html and ">972.2<" in html


def test_mixed_units_years_and_bare_codes_are_left_alone():
    frame = pd.DataFrame({"Total": ["US$1.34 trillion", "5,759 warheads"], "year": ["1,999", "2,000"],
                          "Code": ["5", "6"], "Coverage": ["31 of 31", "2 of 2"]})
    out, units = U.quantities(frame)
    assert units == {} and out.equals(frame)


def test_two_money_columns_of_one_table_share_one_scale():
    frame = pd.DataFrame({"Russia + China": ["US$468 billion", "US$978 billion"],
                          "NATO": ["US$1.46 trillion", "US$1.46 trillion"]})
    out, units = U.quantities(frame)
    assert units == {"Russia + China": "US$ billion", "NATO": "US$ billion"}
    assert list(out["NATO"]) == [1460.0, 1460.0]
