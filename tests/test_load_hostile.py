"""Hostile values in data files (issue 20): control and separator characters, open bidirectional controls,
non-finite, huge and far-off values, keys that read alike. Each is refused by the loader with file, row and
column, before a chart renderer or a page sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import load, paths

FIXTURES = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(FIXTURES, d)
    shutil.copy(paths.DATAPACKAGE, d / "datapackage.json")
    return d


def edit(d: Path, file: str, old: str, new: str) -> None:
    p = d / file
    text = p.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture {file} should contain {old!r} exactly once"
    p.write_text(text.replace(old, new), encoding="utf-8", newline="")


def error(d: Path, name: str) -> load.DataError:
    with pytest.raises(load.DataError) as info:
        load.table(name, d)
    return info.value


@pytest.mark.parametrize("char", ["\x01", "\u2028", "\u2029", "\x85", "\x0b", "\x1c", "\x7f", "\t"])
def test_a_control_or_separator_character_is_refused_in_its_own_row_and_column(data, char):
    edit(data, "states.csv", "FRA,France,", f"FRA,Fra{char}nce,")
    err = error(data, "states")
    assert (err.row, err.column) == (3, "name")
    assert err.file.endswith("states.csv") and f"U+{ord(char):04X}" in str(err)
    assert "control character" in str(err)


@pytest.mark.parametrize("char", ["\ufeff", "\U000e0041", "\U000e007f", "\ufffd"])
def test_a_character_that_hides_text_is_refused_in_its_own_row_and_column(data, char):
    edit(data, "states.csv", "FRA,France,", f"FRA,France{char},")
    err = error(data, "states")
    assert (err.row, err.column) == (3, "name") and f"U+{ord(char):04X}" in str(err)
    assert "byte-order mark" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize("blank", ["   ", "\u200b", "\u00a0\u200d", "\u3000",
                                   "\u3164", "\u2800", "\u0301", "\u115f\u1160", "\uffa0 \u034f"])
def test_a_value_that_shows_nothing_is_refused(data, blank):
    """Including characters that are neither spaces nor controls but show as blanks: the Hangul filler U+3164, the
    blank Braille pattern U+2800, a combining mark with no letter."""
    edit(data, "states.csv", "FRA,France,", f"FRA,{blank},")
    err = error(data, "states")
    assert (err.row, err.column) == (3, "name") and "shows nothing" in str(err)
    assert "visible text or leave the value empty" in str(err)


@pytest.mark.parametrize("name", ["Ca\u0301diz", "\u3131", "\u2801", "Pe\u0301rez \u3164x"])
def test_visible_text_with_marks_or_rare_letters_is_kept(data, name):
    edit(data, "states.csv", "FRA,France,", f"FRA,{name},")
    assert name in set(load.table("states", data)["name"])


@pytest.mark.parametrize("value, words", [
    ("Test \u202efixture", "never closed"),
    ("Test \u2067fixture", "never closed"),
    ("Test fixture\u202c", "closes nothing"),
])
def test_an_unpaired_bidi_control_is_refused(data, value, words):
    edit(data, "sources.csv", "Fixture source A,Test fixture,", f"Fixture source A,{value},")
    err = error(data, "sources")
    assert (err.row, err.column) == (2, "publisher") and words in str(err)


def test_a_closed_bidi_isolate_is_allowed(data):
    edit(data, "sources.csv", "Fixture source A,Test fixture,", "Fixture source A,Test \u2067ابc\u2069 fixture,")
    assert "\u2067" in load.table("sources", data)["publisher"].iloc[0]


@pytest.mark.parametrize("value", ["1e999", "-1e999", "1e300", "1e16", "9" * 400])
def test_non_finite_and_huge_numbers_are_refused(data, value):
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,2020,milex_usd_const,{value},")
    err = error(data, "capabilities")
    assert err.column == "value" and "finite" in str(err)


@pytest.mark.parametrize("value", ["1e-400", "-1e-320", "0.5e-310"])
def test_a_number_too_close_to_zero_to_be_read_as_written_is_refused(data, value):
    """Hostile round 13, N5: 1e-400 loaded as 0.0 and 1e-320 as a subnormal, without a word."""
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,2020,milex_usd_const,{value},")
    err = error(data, "capabilities")
    assert err.column == "value" and "too close to 0" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize("value", ["0", "0.0", "0e5", "1e-12", "2.5e-300"])
def test_zero_and_small_numbers_that_read_as_written_are_kept(data, value):
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,2020,milex_usd_const,{value},")
    got = load.table("capabilities", data)
    assert float(value) in set(got["value"])


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_a_table_that_is_not_a_regular_file_is_named_in_one_line(data, kind):
    """Hostile rounds 12–13, D9: events.csv as a folder gave an IsADirectoryError traceback; as a pipe or a link to
    /dev/zero the load never ended."""
    import os

    target = data / "events.csv"
    target.unlink()
    if kind == "folder":
        target.mkdir()
    elif kind == "pipe":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    err = error(data, "events")
    assert "events.csv" in str(err) and "not a regular file" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize("year", ["٢٠٢٠", "２０２０", "+2020", "02020"])
def test_a_whole_number_is_written_in_digits_0_to_9_only(data, year):
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,{year},milex_usd_const,12.5,")
    err = error(data, "capabilities")
    assert err.column == "year" and f"{year!r} is not an integer" in str(err)
    assert "digits 0-9 only" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize("value", ["١٢٫٥", "١٢", "１２.5"])
def test_a_number_is_written_in_digits_0_to_9_only(data, value):
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,2020,milex_usd_const,{value},")
    err = error(data, "capabilities")
    assert err.column == "value" and f"{value!r} is not a number" in str(err)


@pytest.mark.parametrize("date", ["2999-01-01", "1066-10-14", "1600-01-01", "1677-09-20"])
def test_a_far_date_is_refused_with_file_row_and_column(data, date):
    """1600-01-01 was inside the advertised range but crashed pandas (no nanosecond timestamp) with no row."""
    edit(data, "events.csv", "alpha-founded,2000-01-01,", f"alpha-founded,{date},")
    err = error(data, "events")
    assert (err.row, err.column) == (2, "date") and "outside the dates" in str(err)
    assert err.file.endswith("events.csv")


@pytest.mark.parametrize("end", ["first", "last"])
def test_every_date_the_rule_allows_loads(data, end):
    from helpers.data_text import FIRST_DATE, latest_date

    date = FIRST_DATE if end == "first" else latest_date()  # a year past today: what is due to take effect
    edit(data, "events.csv", "alpha-founded,2000-01-01,", f"alpha-founded,{date},")
    assert date in {str(d.date()) for d in load.table("events", data)["date"]}


@pytest.mark.parametrize("twin", ["security ", "secu\u200brity", "\u200bsecurity", "\u00a0security",
                                  # hostile round 13, D8: more characters that draw nothing, and a doubled space
                                  "secu\u200erity", "secu\u034frity", "secu\u180erity", "secu\u2063rity",
                                  "security\ufe0f", "secu\u3164rity", "secu\u115frity", "secu\u2800rity"])
def test_keys_that_read_alike_are_one_key(data, twin):
    with (data / "glossary.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"أمن,أمن,{twin},,P1,fixture-a\n")  # term_ar, article_ar, term_en, …
    err = error(data, "glossary")
    assert err.column == "term_en" and "duplicate key" in str(err) and "reads the same" in str(err)


def test_keys_that_differ_by_a_doubled_space_are_one_key(data):
    with (data / "glossary.csv").open("a", encoding="utf-8") as fh:
        fh.write("أمن,أمن,human security,,P1,fixture-a\n")
        fh.write("أمن,أمن,human  security,,P1,fixture-a\n")
    err = error(data, "glossary")
    assert err.column == "term_en" and "reads the same" in str(err)


def test_nfd_and_nfc_keys_are_one_key(data):
    with (data / "glossary.csv").open("a", encoding="utf-8") as fh:
        fh.write("مقهى,مقهى,caf\u00e9,,P1,fixture-a\n")
        fh.write("مقهى,مقهى,cafe\u0301,,P1,fixture-a\n")
    err = error(data, "glossary")
    assert err.column == "term_en" and "reads the same" in str(err)


def test_a_far_date_does_not_stretch_what_the_parameters_allow(tmp_path):
    """The loader refuses an event dated 2999-01-01, but the parameter checks read the data's span on their own:
    ``--list`` advertised dates to 2999 and ``-p as_of 2500-01-01`` was planned. A date or year outside the ones a
    page can show is no part of the span."""
    from datetime import date

    from helpers.params import datafiles

    (tmp_path / "events.csv").write_text("event_id,date\na,1991-12-26\nb,2999-01-01\nc,0001-01-01\nd,2004-03-29\n",
                                         encoding="utf-8")
    (tmp_path / "totals.csv").write_text("year,value\n2020,1\n9999,2\n", encoding="utf-8")
    span = datafiles.data_span(tmp_path)
    assert (span["data:first"], span["data:last"]) == (date(1991, 12, 26), date(2004, 3, 29))
    assert span["data:last_year"] == 2020


def test_the_arabic_editions_words_are_read_through_the_loaders_checks(tmp_path, monkeypatch):
    """The Arabic page chrome reads labels.csv and states.csv for its words: a bidi override in a label stops it
    with the loader's error naming the file, instead of reversing text on every Arabic page."""
    from helpers import i18n
    from helpers.render import site

    d = tmp_path / "data"
    shutil.copytree(paths.DATA, d)
    text = (d / "labels.csv").read_text(encoding="utf-8")
    first = text.splitlines()[1]
    (d / "labels.csv").write_text(text.replace(first, first + "\u202e", 1), encoding="utf-8")
    monkeypatch.setattr(paths, "DATA", d)
    i18n.names.cache_clear()
    site._state_name.cache_clear()
    try:
        with pytest.raises(load.DataError, match="labels.csv"):
            i18n.names("ar")
        assert site._state_name("KAZ") == "Kazakhstan"  # states.csv is fine: read through the loader
    finally:
        i18n.names.cache_clear()
        site._state_name.cache_clear()


@pytest.mark.parametrize("value", ['"a\rb"', "a\rb"])
def test_a_lone_carriage_return_is_named_at_its_line(data, value):
    """It gave 'has 12 values but the header has 13 columns' and a second row error, for one character."""
    edit(data, "organisations.csv", "Alpha City,,,fixture-a", f"Alpha City,,{value},fixture-a")
    err = error(data, "organisations")
    assert err.row == 2 and "carriage return (U+000D)" in str(err) and "values but" not in str(err)
    assert len(str(err).splitlines()) == 1


def test_a_crlf_file_with_a_line_break_inside_quotes_loads(data):
    p = data / "organisations.csv"
    text = p.read_text(encoding="utf-8").replace("Alpha City,,,fixture-a", 'Alpha City,,"two\nlines",fixture-a')
    p.write_bytes(text.replace("\n", "\r\n").encode())
    assert load.table("organisations", data)["note"].iloc[0] == "two\r\nlines"


@pytest.mark.parametrize("value, shown", [("9" * 400, "99999999999999999999… (400 characters)"),
                                          ("9" * 300 + "x", "'99999999999999999999'… (301 characters)")])
def test_a_refused_long_value_is_echoed_cut_short(data, value, shown):
    """A value of 400 nines was echoed in full in the refusal; the message now shows its first 20 characters and
    says how long it is."""
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,2020,milex_usd_const,{value},")
    message = str(error(data, "capabilities"))
    assert shown in message and "9" * 21 not in message, message


def test_a_look_alike_code_is_refused_naming_the_character_that_differs(data):
    """'CSTО' with a Cyrillic О read "'CSTО' is not allowed (an identifier in capitals …)", as if CSTO itself
    were wrong; the message now names the letter that is not what it looks like."""
    edit(data, "memberships.csv", "ALPHA,USA,", "ALPH\u0410,USA,")
    err = str(error(data, "memberships"))
    assert "'ALPH\u0410' (character 5 is U+0410 CYRILLIC CAPITAL LETTER A, not ASCII) is not allowed" in err, err


@pytest.mark.parametrize("digits", [17, 400, 5000])
def test_a_whole_number_with_too_many_digits_is_refused_with_file_row_and_column(data, digits):
    """A year of 400 or 5000 nines once crashed the loader (OverflowError / ValueError) without saying where."""
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", f"USA,{'9' * digits},milex_usd_const,12.5,")
    err = error(data, "capabilities")
    assert err.file.endswith("capabilities.csv") and (err.row, err.column) == (3, "year")
    assert "not a finite number of at most 1e+15" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize("row, column", [('USA,"2020\n",milex_usd_const,12.5,', "year"),
                                         ('USA,2020,milex_usd_const,"12.5\n",', "value")])
def test_a_number_followed_by_a_line_break_inside_quotes_is_refused(data, row, column):
    """``"2020\\n"`` was read as 2020: the pattern's ``$`` matched before the final line break."""
    edit(data, "capabilities.csv", "USA,2020,milex_usd_const,12.5,", row)
    err = error(data, "capabilities")
    assert (err.row, err.column) == (3, column) and "is not a" in str(err) and "\\n" in str(err), str(err)


@pytest.mark.parametrize("date", ["2100-12-31", "2062-03-01"])
def test_a_date_more_than_a_year_after_today_is_refused_as_a_typo(data, monkeypatch, date):
    """An event dated 2100-12-31 (for 2010) loaded, and every ``data:last`` parameter then allowed dates to 2100."""
    from datetime import date as day

    from helpers import data_text

    monkeypatch.setattr(data_text, "today", lambda: day(2026, 12, 7))
    edit(data, "events.csv", "alpha-founded,2000-01-01,", f"alpha-founded,{date},")
    err = error(data, "events")
    assert (err.row, err.column) == (2, "date") and "\n" not in str(err)
    assert f"{date} is more than a year after today (2026-12-07)" in str(err)
    assert "at most a year ahead (up to 2027-12-08); check the year" in str(err)


def test_a_date_after_today_stretches_no_parameter_past_today(tmp_path, monkeypatch):
    """``--list`` and ``-p as_of`` allow no day after the build's own: a far typo is left out of the span, and a
    fact due next month (a treaty's expiry) does not make a report "as of" next month possible."""
    from datetime import date

    from helpers import data_text
    from helpers.params import datafiles

    monkeypatch.setattr(data_text, "today", lambda: date(2026, 12, 7))
    events = tmp_path / "events.csv"
    events.write_text("event_id,date\na,1991-12-26\nb,2100-12-31\nd,2004-03-29\n", encoding="utf-8")
    assert datafiles.data_span(tmp_path)["data:last"] == date(2004, 3, 29)
    events.write_text("event_id,date\na,1991-12-26\nb,2027-01-15\n", encoding="utf-8")
    assert datafiles.data_span(tmp_path)["data:last"] == date(2026, 12, 7)
