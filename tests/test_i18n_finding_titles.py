"""The titles, captions, keys and first-screen lines that now state 03, 04, 06 and 08's findings read in Arabic in
the Arabic edition: each is found whole in the catalog, so no English is left on the page."""

from __future__ import annotations

import pytest

from helpers import i18n
from helpers.i18n.arabic import latin_share

SENTENCES = [
    "By the end of 2023 only 2 of the 12 treaties still bound both the US and Russia",
    "By the end of 2023, 12 of the 12 treaties still bound both the US and Russia",
    "12 treaties (US–Russian and European) and 4 wars the article names, 1972–2026",
    "still binding both the US and Russia",
    "after the report's date",
    "Treaty phases up to 1 Apr 2026; hover or tap for dates, parties and sources. Shaded: the years after the "
    "report's date, 30 Apr 2024.",
    "Formal members on 31 Dec 2021 and 30 Apr 2024; hover or tap for who joined or left.",
    "Indivisible security is explicit in the OSCE documents of 1999 and 2010",
    "Indivisible security is explicit in the OSCE document of 2010",
    "Events the data links to P5 or P6; hover or tap a dot for its title. Every event is named in the folded table "
    "under the chart. They show what happened, not whether the OSCE was politicised.",
    "Larger dots: the labelled events; hover or tap any dot for its title, or see the list below",
    "By 31 Dec 2024, 3 of the 5 principles were stated explicitly in a document",
    "Explicit = in a phrase quoted from the document; 2 principles under the strict reading (no text read names "
    "hybrid threats or multidimensional security); 5 of the 5 counting implicit readings and reports.",
    "Explicit = in a phrase quoted from the document; 1 principle under the strict reading (no text read names "
    "hybrid threats or multidimensional security); 5 of the 5 counting implicit readings and reports.",
    "Explicit = in a phrase quoted from the document; 3 of the 5 counting implicit readings and reports.",
    "15 of the 24 states with a Eurasian tie also hold a Western one; 5 of the 15 hold a partnership or stronger on "
    "both sides.",
    "Without Egypt, which the data does not flag as Eurasian, 14 of the 15 remain; 9 of them hold only an SCO "
    "dialogue, observer or partner status on the Eurasian side.",
    "Shanghai Five spells end when the SCO was founded; hover or tap a bar for its dates.",
    "NATO partnership = any of NATO's four frameworks; hover or tap a bar or dot for the states.",
]


@pytest.mark.parametrize("english", SENTENCES)
def test_each_new_sentence_reads_in_arabic(english):
    arabic = i18n.text(english, "ar")
    share, latin = latin_share(arabic, allowed=frozenset({"P5", "P6"}))
    assert arabic != english and not latin, (arabic, latin)


def test_the_subtitles_years_read_from_and_to_in_arabic():
    """A bare "1972–2026" in a right-to-left line showed as "2026–1972"."""
    arabic = i18n.text("12 treaties (US–Russian and European) and 4 wars the article names, 1972–2026", "ar")
    assert arabic.endswith("من 1972 إلى 2026")
