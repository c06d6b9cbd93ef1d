"""Leftovers of the Arabic edition that a reader met in English or spliced: 04's war notes in the tooltips, 05's
bloc-bar descriptions (the text alternative a screen reader speaks) and titles, and the notes on the sources."""

from __future__ import annotations

import re

from helpers import i18n, load
from helpers.charts import balance
from helpers.i18n import arabic

_SOURCE_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # a source id named in a note stays as written


def _reads_arabic(text: str) -> bool:
    return bool(arabic.ARABIC_LETTER.search(text)) and arabic.latin_share(_SOURCE_ID.sub("", text))[0] < 0.2


def test_the_war_notes_in_04s_tooltips_read_in_arabic():
    events = load.table("events")
    notes = events[(events["category"] == "intervention_war") & events["note"].notna()]["note"]
    assert len(notes) >= 2
    left = [n[:60] for n in notes if not _reads_arabic(i18n.text(n, "ar"))]
    assert left == []


def test_05s_bloc_bar_descriptions_are_whole_arabic_sentences():
    """The stacked bars' text alternatives were English in the Arabic page (the catalog held the old unstacked
    wording); each is one Arabic sentence, with no English left in it."""
    for _axis, _divisor, description in balance.BARS.values():
        shown = i18n.text(description, "ar")
        assert arabic.ARABIC_LETTER.search(shown) and not re.search("[A-Za-z]", shown), shown


def test_05s_bloc_titles_do_not_splice_a_feminine_word_onto_a_bloc_name():
    """«حلف شمال الأطلسي (الناتو) صاحبة أكبر إنفاق» put a feminine noun after a masculine name; the title now
    reads whole, and the count of partial totals agrees with its number."""
    title = i18n.text("NATO has the largest military spending in 2023, 55% of the world's "
                      "(2 of 7 totals cover only some members)", "ar")
    assert title == "أكبر إنفاق عسكري في 2023 لـحلف شمال الأطلسي (الناتو): 55% من الإنفاق العالمي " \
                    "(2 من 7 مجاميع لا تغطي إلا بعض الأعضاء)"
    assert "صاحبة" not in i18n.text("SCO has the largest population in 2023", "ar")
