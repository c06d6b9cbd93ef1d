"""Notebook 07 on a past date (referee methods-9, major 4): the 2001 page named the "CSTO", an organisation its
Charter created only when it entered into force on 18 September 2003 (signed 7 October 2002), and its audit table,
labelled "all periods", showed cells that begin years after the page's date. The page now names the Collective
Security Treaty (1992) as it was, dates the renaming from the data, and shows only the cells begun by its date."""

from __future__ import annotations

import pandas as pd

from helpers import i18n, load, paths
from helpers.tables import typology as T
from helpers.tables import typology_checks_words as CW
from helpers.tables import typology_view as TV
from helpers.tables import typology_words as TW

ORGS = ["NATO", "OSCE", "SCO", "CSTO", "EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"]


def test_the_renaming_dates_are_the_datas_sourced_charter_dates():
    events = load.events().set_index("event_id")
    assert events.loc["csto-charter-2002", "date"] == pd.Timestamp(TV.RENAMING_ACTS["CSTO"]) == pd.Timestamp(
        "2002-10-07")
    assert events.loc["csto-charter-in-force-2003", "date"] == pd.Timestamp(TV.FORMER_NAMES["CSTO"][1])
    sources = load.sources().set_index("source_id")
    for sid in (*TV.RENAMING_SOURCES["CSTO"], events.loc["csto-charter-in-force-2003", "source_id"]):
        assert sources.loc[sid, "url"].startswith("http") and str(sources.loc[sid, "accessed"])[:4] == "2026"
    # the day of entry into force rests on the CSTO's own page, the ratification law's copy beside it
    assert sources.loc[events.loc["csto-charter-in-force-2003", "source_id"], "kind"] == "official"
    assert events.loc["csto-charter-in-force-2003", "source_id"] in TV.RENAMING_SOURCES["CSTO"]


def _glance(day):
    dims, feats, organisations = load.dimensions(), load.org_features(), load.organisations()
    names = TV.short_names(organisations, day)
    shown, left_out = TW.comparable(organisations, feats, ORGS, day)
    cells, iv = TW.matrix_cells(feats, dims, shown, day), T.typology_intervals(feats, dims, shown, day)
    robust = CW.robustness_table(feats, dims, shown, day, names)
    found = TW.glance_findings(iv, cells, dims, left_out, names, TW.wording.day(day),
                               ties_when_yes=CW.lead_rests_on_partly(robust))
    return CW.glance_with_robustness(found, robust), names


def test_the_2001_page_names_the_collective_security_treaty_not_the_csto():
    day = "2001-06-15"
    organisations = load.organisations()
    overview = TV.named_on(TW.organisation_table(organisations, ORGS, day), ORGS, day)
    row = overview.iloc[ORGS.index("CSTO")]
    assert row["organisation"] == "Collective Security Treaty (CST, 1992)" and row["on 15 Jun 2001"] == "existed"
    note = TV.renaming_note(organisations, ORGS, day)
    assert note == ("On 15 Jun 2001, the Collective Security Treaty (CST, 1992) was not yet the CSTO: that name dates "
                    "from 18 Sep 2003, when the Charter signed on 7 Oct 2002 entered into force.")
    arabic = i18n.text(note, "ar")
    assert "منظمة معاهدة الأمن الجماعي على معاهدة الأمن الجماعي (1992) إلا في 18 سبتمبر 2003" in arabic
    glance, names = _glance(day)
    assert names["CSTO"] == "CST" and i18n.text("CST", "ar") == "معاهدة الأمن الجماعي"
    text = " ".join(glance)
    assert "CSTO" not in text and "NATO and CST both make the defence promise" in text, text
    # the default date keeps today's name, and 1991 (before the treaty) gets no renaming sentence for it
    assert TV.named_on(TW.organisation_table(organisations, ORGS, "2024-04-30"), ORGS, "2024-04-30").iloc[
        ORGS.index("CSTO")]["organisation"] == "Collective Security Treaty Organization"
    assert TV.renaming_note(organisations, ORGS, "2024-04-30") == ""
    assert "CSTO" not in TV.renaming_note(organisations, ORGS, "1991-12-31")
    source = (paths.NOTEBOOKS / "07-framework-or-alliance.py").read_text(encoding="utf-8")
    assert "present.glance(typology_view.with_renaming(" in source  # the first screen explains it first
    assert TV.with_renaming(["a", "b", "c"], note) == [note, "a", "b", "c"]
    assert TV.with_renaming(["a", "b", "c", "d"], note) == [f"{note} a", "b", "c", "d"]  # never a fifth finding


def test_the_audit_table_shows_only_cells_begun_by_the_reports_date():
    dims, feats = load.dimensions(), load.org_features()
    names = TV.short_names(load.organisations(), "2001-06-15")
    shown, _ = TW.comparable(load.organisations(), feats, ORGS, "2001-06-15")
    every = TV.feature_details(feats, dims, shown, names)
    dated = TV.feature_details(feats, dims, shown, names, as_of="2001-06-15")
    assert len(dated) < len(every) and (dated["from"] <= pd.Timestamp("2001-06-15")).all()
    cst = dated[dated["organisation"] == "CST"]
    assert len(cst) and not cst["where"].str.contains("2012|Charter").any(), cst["where"].tolist()
    assert (every["from"] > pd.Timestamp("2001-06-15")).any()  # what the page no longer shows as of 2001


def test_the_takeaway_on_the_2001_treaty_says_no_more_than_the_unknown_framework_cell():
    """Referee (methods-9, minor 8): "P15's platform ... promises less than that" said more than the coding, which
    leaves the framework's consultation cell unknown. The takeaway now says the article fixes no such obligation and
    the cell stays unknown, as the data code it."""
    feats = load.org_features()
    cell = feats[(feats["org_id"] == "EURASIAN_FRAMEWORK") & (feats["dimension_id"] == "consultation")]
    assert set(cell["value"]) == {"unknown"}
    day = "2024-04-30"
    names = TV.short_names(load.organisations(), day)
    shown, _ = TW.comparable(load.organisations(), feats, ORGS, day)
    line = CW.takeaways(CW.robustness_table(feats, load.dimensions(), shown, day, names), shown)[-1]
    assert "promises less" not in line and line.endswith("the article fixes no such obligation, so its "
                                                         "consultation cell stays unknown.")
    assert "خانة التشاور فيه مجهولة" in i18n.text(line, "ar")
