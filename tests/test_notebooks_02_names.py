"""Data editor, review 10, on report 02: one name for each set of pacts (M1), one name for each pact (L8), and a
NATO map whose key, title and caption say only what the map shows (L3, L4)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
import vl_convert as vlc

from helpers import i18n, load, theme
from helpers.charts import maps
from helpers.charts import pact_census as pact_charts
from helpers.tables import (enlargement_words, geo, geo_shapes, geo_words, pact_cases, pact_census,
                            pact_census_words, pact_dates, pact_pledges, pact_rates_words)

ATLAS = geo.Atlas(load.state_lineage(), load.states(), load.organisations(),
                  boundaries=geo_shapes.Boundaries(load.boundaries(), load.geo_features()))


@pytest.fixture(scope="module")
def m():
    return load.memberships()


def _page(day):
    """The frames 02 builds its first screen, exit chart and tables from, as the notebook does."""
    memberships, organisations, states = load.memberships(), load.organisations(), load.states()
    census, exits = load.pact_census(), load.pact_exits()
    spells = pact_dates.accession_dated(load.pact_spells(), memberships, census)
    cases = pact_census.census_cases(census, organisations, day)
    dated = pact_pledges.from_pledge(cases, pact_pledges.later_pledges(census), day)
    rates = pact_census.exit_record(dated, spells, exits, day)
    sizes = pact_census.members_at(dated, spells, day)
    early = pact_dates.counted_early(load.pact_spells(), memberships, census, states, day)
    glance = enlargement_words.glance_findings(memberships, organisations, states, load.state_lineage(),
                                               load.state_policies(), day,
                                               size_line=pact_census_words.largest_glance(sizes, early, day))
    glance.append(pact_rates_words.glance_line(rates))
    held = pact_cases.pact_exposure(memberships, organisations, cases.loc[cases["admitted"], "org_id"].dropna(), day,
                                    historic=states.loc[states["historic"], "iso3"])
    return cases, rates, held, glance


@pytest.mark.parametrize("day", ["2024-04-30", "1991-12-31"])
def test_02_first_screen_and_titles_name_each_set_of_pacts_one_way_with_its_computed_count(day):
    """M1: the glance said "the 7 defence pacts compared that this project holds", then "these 13 pacts" (6 and 10
    in 1991), and the chart and tables gave other counts: each set now has one name, with its count, everywhere."""
    cases, rates, held, glance = _page(day)
    admitted = int(cases["admitted"].sum())
    held_name, census_name = enlargement_words.held_pacts(len(held)), enlargement_words.census_pacts(admitted)
    text = " ".join(glance)
    assert f"Of {held_name}, " in text and f"Of {census_name}, " in text and f"rank {census_name} or" in text
    assert "these" not in text and "compared" not in text
    assert len(rates) == admitted
    title = pact_rates_words.rates_title(rates)
    assert census_name in title, title
    lifespan, table = enlargement_words.pact_headlines(held, day)
    assert held_name in lifespan and held_name in table
    assert enlargement_words.lifespans_caption(held, cases[cases["admitted"]]).startswith(
        f"T{held_name[1:]}, of {census_name};")
    for line in glance[1:]:  # and the Arabic edition says it in Arabic, not half in English
        arabic = i18n.text(line, "ar")
        assert not re.search(r"\b(pacts|census|holds|members on)\b", arabic), arabic


def test_02_glance_says_the_census_day_is_not_the_pages_day():
    """M1: the glance compared the OAS and NATO on 31 Dec 2016 on a page dated 30 Apr 2024 without a word."""
    _, _, _, glance = _page("2024-04-30")
    assert "on 31 Dec 2016, the last day of ATOP's data, not this page's 30 Apr 2024: 33 to NATO's 28" in glance[2]
    assert "lasted longest" in glance[1] and "most members" not in glance[1]  # one item each, short on a phone
    arabic = i18n.text(glance[2], "ar")
    assert "آخر يوم تشمله بيانات ATOP" in arabic and "تاريخ هذه الصفحة" in arabic, arabic
    _, _, _, old = _page("1991-12-31")  # where the census reaches the page's date, nothing is added
    assert "most members on 31 Dec 1991" in old[2] and "last day of ATOP's data" not in old[2]


def test_02_names_the_1960_cyprus_agreement_the_same_way_in_its_tables_and_its_chart():
    """L8: the exits table said "agreement of 16 Aug 1960 (ATOP 3405)", the exit-rate chart "UK, Greece, Turkey and
    Cyprus (1960)"."""
    cases, rates, _, _ = _page("2024-04-30")
    name = cases.set_index("atopid").at[3405, "name"]
    assert name == "UK, Greece, Turkey and Cyprus (1960; ATOP 3405)"
    chart = pact_charts.exit_rate_intervals(rates, title="t", description="d")
    assert "UK, Greece, Turkey and Cyprus (1960)" in set(chart.data["pact"])
    assert pact_census.short_name(name) == "UK, Greece, Turkey and Cyprus (1960)"
    assert not [n for n in rates["name"] if str(n).startswith("agreement of")]
    assert i18n.text(name, "ar") == "المملكة المتحدة واليونان وتركيا وقبرص (1960؛ ATOP 3405)"


def _key_at(m, year: int) -> str:
    spec = maps.membership_explorer(m, "NATO", "2024-04-30", atlas=ATLAS).to_dict()
    for p in spec["params"]:
        if p["name"] == "year":
            p["value"] = year
    svg = vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())
    return " ".join(re.findall(r'<g class="mark-text role-legend-label[^"]*"[^>]*>(.*?)</g>', svg, re.S))


def test_02_map_key_names_west_germany_only_in_the_years_it_is_drawn(m):
    """L3: the key kept "West Germany only …" in 2024 and in print, when no shape is shaded so."""
    assert "West Germany only" in _key_at(m, 1980)
    for year in (1950, 1991, 2024):
        key = _key_at(m, year)
        assert "West Germany only" not in key and "NATO member" in key and "not a member" in key, (year, key)


def test_02_map_title_and_caption_fit_nato(m):
    """L4: the map's title repeated the line under its slider ("NATO had 32 members on 30 Apr 2024…" / "NATO on
    30 Apr 2024: 32 members"), and its caption listed "participating States" NATO does not have."""
    chart = maps.membership_explorer(m, "NATO", "2024-04-30", atlas=ATLAS).to_dict()
    line = chart["usermeta"]["timeline"]["captions"]["2024"]
    assert line == "NATO on 30 Apr 2024: 32 members"
    assert chart["title"] == "NATO had 12 members at the end of 1949 and took in 20 more by 30 Apr 2024"
    assert "32" not in chart["title"]
    caption = geo_words.map_caption(m, "NATO", "2024-04-30", atlas=ATLAS, slider=True, orgs=["NATO"])
    assert caption.startswith("Formal membership on the date named above the map. A state")
    assert "participating" not in caption
    osce = geo_words.map_caption(m, "OSCE", "2024-04-30", atlas=ATLAS)  # 03's map of four organisations keeps them
    assert "(members, participating States, suspended or frozen)" in osce
    for text in (chart["title"], caption, osce):
        arabic = i18n.text(text, "ar")
        assert not re.search(r"[A-Za-z]{4,}", arabic.replace("Natural Earth", "")), arabic


def test_a_map_that_lost_members_says_so_in_its_title():
    """The title's count of new members is not a net figure: a state that left is said, not netted out."""
    rows = pd.DataFrame({"org_id": "X", "iso3": ["AAA", "BBB", "CCC"], "status": "member",
                         "start": pd.to_datetime(["2000-01-01", "2000-01-01", "2005-01-01"]),
                         "end": pd.to_datetime([None, "2008-01-01", None]), "note": "", "source_id": "s",
                         "alt_source_id": None})
    assert geo_words.growth_headline(rows, "X", "2010-01-01", 2000) == \
        "X had 2 members at the end of 2000 and took in 1 more by 1 Jan 2010; 1 of them had left"
