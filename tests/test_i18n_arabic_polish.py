"""What an Arabic reader still tripped over (issue 24): source notes left in English on pages built with other
parameters, and 07's 1991 finding shown in English because the page adds a full stop the catalog did not have."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from helpers import i18n, paths
from helpers.i18n import arabic, prose


def _cited_by_the_data() -> set[str]:
    """Every source id a row of the data package cites (``source_id`` and ``*_source_id`` columns): the sources a
    page lists when its parameters show that row (02's and 07's dates, 01's span, 04's treaties, 05's years)."""
    out: set[str] = set()
    for path in paths.DATA.glob("*.csv"):
        if path.name in ("sources.csv", prose.FILE):
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.update(v for k, v in row.items() if k and (k == "source_id" or k.endswith("_source_id")) and v)
    return out


def test_every_source_a_row_of_the_data_cites_has_its_note_in_arabic():
    """A user who builds 02 at another date or 01 over another span sees these sources' notes; 109 of them showed
    in English (e.g. the State Department's 1995 PfP fact sheet, START I's term)."""
    status = prose.status(columns_of=prose.GRADUAL)
    cited = _cited_by_the_data()
    left = sorted(c.key for c in status.missing if c.key in cited)
    assert len(cited) > 300 and left == []
    for sid in ("state-dept-pfp-fact-sheet-1995", "cfr-start1", "theweek-sipri-2022"):
        note = next(c.en for c in prose.english_cells(columns_of=prose.GRADUAL) if c.key == sid)
        shown = i18n.text(note, "ar")
        assert arabic.ARABIC_LETTER.search(shown) and arabic.latin_share(shown)[0] < 0.05, (sid, shown)


def test_07s_two_organisation_finding_reads_in_arabic_with_its_full_stop():
    finding = "The headline holds on every alternative measure, a weak test with only NATO and OSCE compared."
    shown = i18n.text(finding, "ar")
    assert shown.startswith("تثبت الخلاصة الرئيسية") and shown.endswith(".")
    assert not re.search("[A-Za-z]{3,}", shown.replace("NATO", "")), shown


def test_07s_1991_page_shows_no_english_finding(built_reports):
    page = Path(built_reports) / "ar" / "07-framework-or-alliance--1991-12-31.html"
    html = page.read_text(encoding="utf-8")
    assert "The headline holds" not in html and "تثبت الخلاصة الرئيسية في كل المقاييس البديلة، وهو اختبار ضعيف" in html


def test_an_english_title_in_the_arabic_bibliography_wraps_as_one_block(built_reports, chromium):
    """At 390 px a long English title («Non-Proliferation Treaty Review Conference Ends without …») wrapped inside
    the right-to-left line: its first words sat at the left end of one line and the rest at the right of the next,
    so it read out of order. Each title is now one block in its own direction (one box, however many lines)."""
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((Path(built_reports) / "ar" / "04-crisis-arms-control-war.html").as_uri())
        boxes = page.evaluate("""() => [...document.querySelectorAll('ol.report-sources cite')].map(c => {
            const r = c.getBoundingClientRect();
            return {title: c.textContent.slice(0, 40), pieces: c.getClientRects().length, tall: r.height > 30};
        })""")
    finally:
        page.close()
    assert sum(b["tall"] for b in boxes) >= 3, boxes[:5]  # long titles that take several lines at 390 px
    assert [b for b in boxes if b["pieces"] != 1] == []
