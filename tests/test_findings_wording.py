"""Sentences on the pages of 02, 05, 07 and 08 that must say no more than the data: each test reads what a reader sees."""

from __future__ import annotations

import pandas as pd

from helpers import load, membership, paths
from helpers.tables import alignment_denominators as AD
from helpers.tables import alignment_denominators_words as ADW
from helpers.tables import sco_states


def test_institution_items_do_not_pass_as_the_papers_own():
    """The four institution items cite Leeds & Anac (2005), of which only the abstract was read."""
    dims = load.dimensions()
    cited = dims[dims["source_id"] == "leeds-anac-2005"]
    assert len(cited) == 4
    for text in cited["description"]:
        assert "only the abstract was read" in text and "ours, not the paper's" in text, text


def test_05_limits_non_hegemony_to_the_blocs_it_measures():
    """only NATO, the SCO, the CSTO and Russia with China were measured."""
    text = (paths.NOTEBOOKS / "05-balance-of-power.py").read_text(encoding="utf-8")
    assert "not a description of any bloc measured here" in text
    assert "any existing one" not in text


def test_08_first_screen_leads_with_the_graded_count_and_shows_it_without_afghanistan():
    """'15 of the 71' was led by the weakest ties; the first screen now gives the partnership grade first
    and the count without Afghanistan beside the count of any tie."""
    names = load.states().set_index("iso3")["name"].to_dict()
    status = membership.status_matrix(load.memberships(), "2024-07-04", list(sco_states.ORGS))
    matrix = sco_states.tie_matrix(status, names)
    line = ADW.graded_glance(AD.denominators(matrix), AD.by_grade(matrix), matrix, names, "2024-07-04")
    assert line == ("On 4 Jul 2024, 5 of the 71 OSCE or SCO states other than Russia and China held a partnership or "
                    "stronger on both sides; 15 held any active tie on both, 14 without Afghanistan.")
    source = (paths.NOTEBOOKS / "08-sco-multivector-states.py").read_text(encoding="utf-8")
    assert "first_screen[1] = alignment_denominators_words.graded_glance(" in source


def test_02_counts_ended_spells_not_members_who_left():
    """New Zealand never left ANZUS; the United States suspended its obligations to it in 1986. The first
    screen's count of exits therefore speaks of membership spells that ended, not of members that left."""
    from helpers.tables import pact_census, pact_rates_words

    cases = pact_census.census_cases(load.pact_census(), load.organisations(), "2024-04-30")
    rates = pact_census.exit_record(cases, load.pact_spells(), load.pact_exits(), "2024-04-30")
    assert int(rates.set_index("org_id").loc["ANZUS", "suspension"]) == 1
    line = pact_rates_words.glance_line(rates)
    assert line.startswith("Too few exits to rank the 13 pacts the rule admits from ATOP's census")
    assert "Members left" not in line


def test_07_prose_dates_the_cstos_partial_command_as_its_data_do():
    """The prose once said 'from 2003' while the data coded the CSTO's integrated command 'partly' from 2012; the
    data now date it by the act that created the Joint Staff (April 2003), and the prose names the month and year
    the data hold."""
    features = load.org_features()
    partial = features[(features["org_id"] == "CSTO") & (features["dimension_id"] == "integrated_command")
                       & (features["value"] == "partial")]
    first = partial["valid_from"].min()
    text = (paths.NOTEBOOKS / "07-framework-or-alliance.py").read_text(encoding="utf-8")
    assert f"coded \"partly\" from {first.strftime('%B')}\n# {first.year}" in text


def test_02_and_07_state_that_cst_membership_starts_before_the_treaty_was_in_force():
    """CSTO member spells start at signature (1992-93); 07's features start at entry into force (1994)."""
    spells = load.memberships()
    cst = spells[(spells["org_id"] == "CSTO") & (spells["status"] == "member")]
    assert cst["start"].min() < load.org_features().query("org_id == 'CSTO'")["valid_from"].min()
    for stem in ("02-nato-enlargement", "07-framework-or-alliance"):
        text = " ".join((paths.NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8").replace("# ", "").split())
        assert "start at each state's signature" in text and "1992–93" in text, stem


def test_02_first_screen_exit_line_reads_in_arabic_whole():
    """The renamed exit line ('Membership spells ended ...') must not leave an English clause on the Arabic page."""
    from helpers import i18n
    from helpers.tables import pact_census, pact_census_words, pact_rates_words

    cases = pact_census.census_cases(load.pact_census(), load.organisations(), "2024-04-30")
    spells, exits = load.pact_spells(), load.pact_exits()
    rates = pact_census.exit_record(cases, spells, exits, "2024-04-30")
    strict = pact_census.exit_record(cases, spells, exits, "2024-04-30", count=("denunciation",))
    checks = pact_census_words.robustness_checks(strict, strict, strict)
    arabic = i18n.text(pact_rates_words.glance_line(rates, checks), "ar")
    assert "even that" not in arabic and "NATO" not in arabic, arabic
    assert arabic.startswith("حالات الخروج أقل من أن تسمح بترتيب المواثيق الـ13 التي تقبلها القاعدة من إحصاء ATOP")


def _sizes_and_rates(day="2024-04-30"):
    from helpers.tables import pact_census

    cases = pact_census.census_cases(load.pact_census(), load.organisations(), day)
    spells = load.pact_spells()
    return pact_census.members_at(cases, spells, day), pact_census.exit_record(cases, spells, load.pact_exits(), day)


def test_02_names_a_larger_pact_with_its_article_in_english_and_whole_in_arabic():
    """02's first screen read "Counted by members, Charter of the Organization of American States was larger": the
    pact's name lost its "the". The glance and the full sentence now name it as running text does, and the Arabic
    edition still translates both whole."""
    from helpers import i18n
    from helpers.tables import pact_census_words as W

    sizes, _ = _sizes_and_rates()
    glance, full = W.largest_glance(sizes), W.largest_line(sizes, "2024-04-30")
    assert glance.startswith("Of the 13 pacts the rule admits from ATOP's census, the Charter of the Organization of "
                             "American States had the most members")
    assert ": the Charter of the Organization of American States had 33 members" in full
    assert "the the " not in full and "of the Charter of the Organization of American States as a defence" in full
    for line in (glance, full):
        arabic = i18n.text(line, "ar")
        assert "Charter" not in arabic and "Counted" not in arabic and "census" not in arabic and "ميثاق منظمة الدول الأمريكية" in arabic, arabic


def test_02_pact_names_take_the_article_a_reader_expects():
    """One rule for every pact-census sentence: "the Rio Treaty", "the CSTO", "the agreement of the UK, Greece, Turkey
    and Cyprus (1960)", but "NATO", "ANZUS" and "SEATO" bare; "The" when the name opens the sentence."""
    from helpers.tables import pact_census_words as W

    _, rates = _sizes_and_rates()
    said = {name: W.pact_in_text(name) for name in rates["name"]}
    assert said["Rio Treaty"] == "the Rio Treaty" and said["CSTO"] == "the CSTO"
    assert said["Warsaw Pact"] == "the Warsaw Pact" and said["ANZUS"] == "ANZUS" and said["NATO"] == "NATO"
    assert said["UK, Greece, Turkey and Cyprus (1960; ATOP 3405)"] == \
        "the agreement of the UK, Greece, Turkey and Cyprus (1960)"
    assert said["Treaty on European Union (Maastricht) (ATOP 4175)"] == "the Treaty on European Union (Maastricht)"
    assert W.pact_in_text("Rio Treaty", start=True) == "The Rio Treaty"
    line = W.lifetime_line(rates)
    assert "the Rio Treaty had lasted longest" in line, line
    earliest = rates["signed"].min() - pd.Timedelta(days=3650)
    oldest = rates.assign(signed=rates["signed"].where(rates["org_id"] != "ANZUS", earliest))
    assert ", ANZUS had lasted longest" in W.lifetime_line(oldest)


def _exit_record_and_checks(day):
    from helpers.tables import pact_census, pact_census_words, pact_pledges

    census = load.pact_census()
    cases = pact_census.census_cases(census, load.organisations(), day)
    dated = pact_pledges.from_pledge(cases, pact_pledges.later_pledges(census), day)
    spells, exits = load.pact_spells(), load.pact_exits()
    rates = pact_census.exit_record(dated, spells, exits, day)
    strict = pact_census.exit_record(dated, spells, exits, day, count=("denunciation",))
    joint = pact_census.exit_record(dated, spells, exits, day, joint_once=True)
    return cases, rates, pact_census_words.robustness_checks(strict, joint, strict)


def test_02_first_screen_calls_most_stable_not_estimable_and_the_cst_difference_exploratory():
    """Referee (methods-9, major 3): the NATO–CSTO difference comes from a rule and a family of tests set after the
    results, and NATO's 0 exits give only an upper bound. The first screen says "most stable" cannot be estimated,
    gives NATO's 95% bound, and calls the one difference exploratory, in both editions; the 1991 page, where
    nothing separates, calls nothing exploratory."""
    from helpers import i18n
    from helpers.tables import pact_rates_words

    _, rates, checks = _exit_record_and_checks("2024-04-30")
    line = pact_rates_words.glance_line(rates, checks)
    assert "or estimate “most stable”: NATO had none in 1,212 member-years (95% bound: 0.30 per 100)" in line
    assert "Exploratory: only CSTO lost members more often than NATO, and not under every" in line
    arabic = i18n.text(line, "ar")
    assert "أو بتقدير «أكثرها استقرارا»" in arabic and "معدله 0.30 على الأكثر" in arabic
    assert "استكشافيًا" in arabic and "Exploratory" not in arabic and "NATO" not in arabic
    _, early, early_checks = _exit_record_and_checks("1991-12-31")
    line = pact_rates_words.glance_line(early, early_checks)
    assert "95% bound: 0.58 per 100" in line and "Exploratory" not in line and line.endswith("None differs clearly "
                                                                                           "from NATO.")


def test_02_takeaway_calls_the_test_exploratory_and_most_stable_not_estimable():
    from helpers import i18n
    from helpers.tables import pact_census_words

    cases, rates, checks = _exit_record_and_checks("2024-04-30")
    line = pact_census_words.takeaways(cases, rates, checks, "2024-04-30")[1]
    assert line.startswith("Exploratory, as the rule and the family of tests were set after the results had been "
                           "seen: tested against each other pact, only NATO below CSTO separates")
    assert line.endswith("no pact ranking is offered and “most stable” cannot be estimated.")
    arabic = i18n.text(line, "ar")
    assert arabic.startswith("نتيجة استكشافية") and "ولا يمكن تقدير «أكثرها استقرارا»" in arabic
    assert "Exploratory" not in arabic


def test_02_checks_natos_member_years_for_every_entry():
    """Referee (methods-9, minor 12; methods-10, major 1 (c)): the check on when NATO's member-years begin covered
    the twelve founders only. It now covers every entry: this page's dates (later members from the day their
    accession took effect), ATOP's (from their accession protocols) and the founders from entry into force, each
    with NATO's 95% bound and the Holm-adjusted p of NATO below the CSTO; both editions."""
    from helpers import i18n
    from helpers.tables import pact_census, pact_dates, pact_rates_words

    cases, atop, _ = _exit_record_and_checks("2024-04-30")
    census, exits, orgs = load.pact_census(), load.pact_exits(), load.organisations()
    spells = pact_dates.accession_dated(load.pact_spells(), load.memberships(), census)
    from helpers.tables import pact_pledges

    dated = pact_pledges.from_pledge(cases, pact_pledges.later_pledges(census), "2024-04-30")
    ours = pact_census.exit_record(dated, spells, exits, "2024-04-30")
    nato = orgs.set_index("org_id").loc["NATO"]
    founders = pact_census.exit_record(*pact_dates.counted_from(dated, spells, "NATO", nato["in_force"]), exits,
                                       "2024-04-30")
    line = pact_rates_words.entry_dates_line(ours, atop, founders, nato["in_force"])
    assert line == " ".join([
        "This page counts NATO's founders from signature and each later member from the day its accession took "
        "effect: 1,197.1 member-years, with a 95% upper bound of 0.308 per 100 member-years.",
        "On ATOP's dates, which start later members at the signature of their accession protocols, they are 1,211.6 "
        "(0.304); with the founders also counted from the treaty's entry into force (24 Aug 1949), 1,192.5 (0.309).",
        "The same comparisons separate under all three (NATO below CSTO after Holm's adjustment: 0.0029 on this "
        "page's dates, 0.0027 on ATOP's, 0.0029 from entry into force)."])
    arabic = i18n.text(line, "ar")
    assert "وتتمايز المقارنات نفسها في الحالات الثلاث" in arabic and "ATOP's dates" not in arabic
    source = " ".join((paths.NOTEBOOKS / "02-nato-enlargement.py").read_text(encoding="utf-8").replace("# ", "")
                      .split())
    assert "rests on six choices" in source and "**When NATO's years begin, and the CSTO's:**" in source
    assert "pact_rates_words.entry_dates_line(" in source


def test_02_dated_before_natos_entry_into_force_skips_that_check():
    """02 dated 4 Apr 1949 (the lowest date its parameter allows) failed: counting the founders from 24 Aug 1949 left
    NATO a negative exposure. Before entry into force the check has nothing to count, so it says nothing."""
    from helpers.tables import pact_census, pact_dates, pact_rates_words

    cases, rates, _ = _exit_record_and_checks("1949-04-04")
    nato = load.organisations().set_index("org_id").loc["NATO"]
    founders = pact_census.exit_record(*pact_dates.counted_from(cases, load.pact_spells(), "NATO", nato["in_force"]),
                                       load.pact_exits(), "1949-04-04")
    assert pact_rates_words.entry_dates_line(rates, rates, founders, nato["in_force"]) == ""


