"""The data's own English prose in the Arabic edition (``helpers.i18n.prose``, ``data/prose_ar.csv``) and the chart
words built from it: 04's war notes in the tooltips, 05's bloc-bar descriptions (the text alternative a screen
reader speaks) and titles, and the notes on the sources, whole Arabic sentences with their figures kept."""

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
    assert title == "أكبر إنفاق عسكري في 2023 لحلف شمال الأطلسي (الناتو): 55\u200e%\u200e من الإنفاق العالمي " \
                    "(2 من 7 مجاميع لا تغطي إلا بعض الأعضاء)"
    assert "صاحبة" not in i18n.text("SCO has the largest population in 2023", "ar")


def _figures(text: str) -> list[str]:
    """The numbers a text states ("12 121" and "12,121" alike, "0.13-0.14" as two), in order of size; an English
    ordinal ("the 27th member") is a word, which the Arabic writes as one («السابع والعشرين»), and so is an ISO
    date's month."""
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\b", " ", text)
    # an ISO date ("2024-04-09") states a year and a day; its month the Arabic writes as a word («9 أبريل 2024»)
    text = re.sub(r"\b(\d{4})-\d{2}-(\d{2})\b", lambda m: f"{m.group(1)} {int(m.group(2))}", text)
    found = re.findall(r"(?<![\d.])\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?", text)
    return sorted(re.sub(r"[ ,]", "", f) for f in found)


def test_the_source_notes_read_in_arabic_with_their_figures_kept():
    """05's bibliography showed 37 notes whole in English, marked as such, and then most of every page's; each note
    translated (in data/prose_ar.csv, by source id) is one Arabic text that states every figure of the English note
    (dates, counts, amounts, commits), and no English clause is left in it."""
    from helpers.i18n import prose

    notes = load.sources().set_index("source_id")["note"].dropna()
    entries = {r["en"] for r in prose.rows() if r["table"] == "sources"}  # one home: prose_ar.csv, by source id
    translated = {sid: note for sid, note in notes.items() if note in entries}
    assert len(translated) >= 37
    for sid in ("sipri-milex-database", "dpa-kiji-sipri-milex-2023", "times-anglo-portuguese-650-2022"):
        assert sid in translated
    for sid, note in translated.items():
        shown = i18n.text(note, "ar")
        assert arabic.ARABIC_LETTER.search(shown), sid
        assert _figures(shown) == _figures(note), (sid, _figures(shown), _figures(note))
        assert not i18n._CLAUSE.search(re.sub(r"“[^”]*”|\([^)]*[A-Z][^)]*\)|Our World in Data", " ", shown)), sid


def test_a_second_arabic_text_for_one_cell_is_refused_by_the_loader_not_silently_picked(tmp_path, monkeypatch):
    """Two rows of ``prose_ar.csv`` for one cell (table, column, key) with different Arabic used to be read by a
    bare CSV reader, and the later one won on the page. The Arabic edition now reads the file through the loader:
    the duplicate stops the page with the loader's one-line error naming the file, the row and the key, and a good
    file is logged as read (``NATO_READ_LOG``), so the build knows the page depends on it."""
    import shutil

    import pytest

    from helpers import paths
    from helpers.i18n import prose

    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data)
    log = tmp_path / "reads.log"
    monkeypatch.setenv(paths.READ_LOG_VAR, str(log))
    assert prose.lookup(data)
    assert str((data / prose.FILE).resolve()) in log.read_text(encoding="utf-8").splitlines()

    text = (data / prose.FILE).read_text(encoding="utf-8")
    first = text.splitlines()[1]
    table, column, key = first.split(",")[:3]
    (data / prose.FILE).write_text(text + f'{table},{column},{key},"Another English.","نص عربي آخر."\n',
                                   encoding="utf-8")
    rows = len(text.splitlines()) + 1
    with pytest.raises(load.DataError) as refused:
        prose.lookup(data)
    message = str(refused.value)
    assert len(message.splitlines()) == 1
    assert message.startswith(f"{paths.shown(data / prose.FILE)} row {rows}, column table, column, key: duplicate key")
    with pytest.raises(load.DataError):
        prose.rows(data)
