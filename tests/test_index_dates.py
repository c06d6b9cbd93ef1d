"""Data editor, review 10: the index says which date each report uses and what it fixes (M3); the page header's
settings use reader words (M2); the Arabic edition's lede ends in words like the English one (L10)."""

from __future__ import annotations

import datetime as dt
import re

from helpers import i18n
from helpers.render import reference_dates, site


def test_a_reports_date_is_its_latest_date_or_year_parameter_with_what_it_fixes():
    year = {"year": {"type": "year", "default": 2023, "help": "year of the figures"}}
    assert reference_dates.report_date(year, {}) == ("year", dt.date(2023, 12, 31), "year of the figures")
    pair = {"before": {"type": "date", "default": "2021-12-31", "help": "b"},
            "after": {"type": "date", "default": "2024-04-30", "help": "a"},
            "orgs": {"type": "org_list", "default": "NATO"}}
    assert reference_dates.report_date(pair, {"after": "2022-01-01"}) == ("after", dt.date(2022, 1, 1), "a")
    assert reference_dates.report_date({"orgs": {"type": "org_list", "default": "NATO"}}, {}) is None


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).replace("&#39;", "'")


def _dates(built_reports, edition: str) -> str:
    page = (built_reports / edition / "index.html").read_text(encoding="utf-8")
    return _text(page.split('<section class="index-dates"', 1)[1].split("</section>", 1)[0])


def test_the_index_gives_each_reports_date_and_why_in_both_editions(built_reports):
    """Five dates were in use (05: end of 2023; 02, 03, 07: 30 Apr 2024; 08: 4 Jul 2024; 06: end of 2024; the
    timelines to 1 Apr 2026) and nothing said so."""
    en = _dates(built_reports, "")
    assert "05 A new balance of power 31 Dec 2023 Year of the capability figures" in en, en
    assert "08 The SCO and the multi-vector states 4 Jul 2024 Memberships are shown as of this date" in en, en
    assert "06 Principles of the new framework 31 Dec 2024" in en and "02 NATO: integration and enlargement 30 Apr 2024" in en
    assert "Timelines run on to the last date the data holds: 1 Apr 2026" in en
    ar = _dates(built_reports, "ar")
    assert "تاريخ كل تقرير" in ar and "سنة أرقام القدرات" in ar and "31 ديسمبر 2023" in ar, ar
    assert "Year of" not in ar and "Memberships" not in ar


def test_the_arabic_index_lede_ends_in_words_like_the_english_one(built_reports):
    """It ended with the raw data version, "0.3.0 (184fb29b7ca7)"; the footer gives the version in both editions."""
    page = (built_reports / "ar" / "index.html").read_text(encoding="utf-8")
    lede = page.split('<p class="report-summary">', 1)[1].split("</p>", 1)[0]
    assert site.data_version() not in lede and "<code" not in lede
    assert "«تحييد الناتو" in lede
    assert site.data_version() in page.split('<footer class="report-footer">', 1)[1]


def test_parameters_are_named_for_readers_and_papermill_keeps_its_names():
    line = site.parameter_line({"orgs": "NATO,OSCE", "as_of": "2024-04-30"})
    assert _text(line).strip() == "Organisations NATO, OSCE · As of 30 Apr 2024"
    assert "orgs" not in line
    assert i18n.gettext("This report's settings", "ar") == "خيارات هذا التقرير"
    assert i18n.gettext(site.PARAMETER_LABELS["orgs"], "ar") == "المنظمات"

