"""The parameter checks against hostile input: unreadable data, values that must be refused before any kernel starts,
rules between parameters, a byte-order mark or an empty id list, long values and other digits. Each refusal is one
line naming the file, row or value and what is allowed, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from build_runs import refused, run_real_build

from helpers import params, paths

ARABIC_2020 = "\u0662\u0660\u0662\u0660"  # ٢٠٢٠
ARABIC_2001_06_15 = "\u0662\u0660\u0660\u0661-\u0660\u0666-\u0661\u0665"  # ٢٠٠١-٠٦-١٥


@pytest.fixture
def coll(fake, monkeypatch):
    monkeypatch.setenv("NATO_COLLECTION", str(fake.collection))
    return fake


# --- (1) a byte that is not UTF-8 ------------------------------------------------------------------------------


def test_a_stray_byte_in_the_data_is_one_line_naming_file_row_and_position(fake):
    (fake.data / "alpha.csv").write_bytes(b"event_id,date,note\na,1985-03-01,\nb,2010-06-30,caf\xe9\n")
    res = fake.build("--only", "01")
    assert res.returncode == 2
    line = res.stderr.strip()
    assert "\n" not in line
    assert "alpha.csv row 3: byte 0xe9 at position 17 of the line" in line and "not valid UTF-8" in line
    assert "save the file as UTF-8" in line
    assert not fake.reports.exists() and not fake.build_dir.exists()


def test_a_stray_byte_in_the_real_memberships_stops_every_notebook_before_a_kernel(real_copy, tmp_path):
    csv = real_copy.parent.parent / "data" / "memberships.csv"
    lines = csv.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b",", b",\xe9", 1)
    csv.write_bytes(b"\n".join(lines))
    with pytest.raises(params.DataFileError, match=r"data/memberships\.csv row 6: byte 0xe9 at position \d+"):
        params.check_all("01", {}, collection=real_copy)
    line = refused(run_real_build(tmp_path, "--collection", str(real_copy), "--only", "09"), tmp_path)
    assert "memberships.csv row 6: byte 0xe9" in line


# --- (5) every value checked before a kernel starts ------------------------------------------------------------


def test_claim_types_come_from_the_data_and_bogus_is_refused(tmp_path):
    line = refused(run_real_build(tmp_path, "--only", "09", "-p", "claim_types", "bogus"), tmp_path)
    assert "notebook 09" in line and "'claim_types' = 'bogus'" in line
    assert "allowed: comma-separated items from data/claims.csv column claim_type, each at most once: factual, " \
           "interpretive, normative, predictive" in line


@pytest.mark.parametrize("value", ["factual normative", "factual,,normative", "factual,factual"])
def test_claim_types_written_another_way_are_refused(value):
    with pytest.raises(params.ParameterError, match="allowed"):
        params.check_all("09", {"claim_types": value}, collection=paths.COLLECTION)


def test_list_shows_the_allowed_claim_types_and_the_date_rules(tmp_path):
    res = run_real_build(tmp_path, "--list")
    assert res.returncode == 0
    assert "claim_types: list = 'factual,interpretive,normative,predictive'  [comma-separated items from " \
           "data/claims.csv column claim_type, each at most once: factual, interpretive, normative, predictive]" \
        in res.stdout
    assert "start <= end]" in res.stdout and "before < after]" in res.stdout


def test_checked_claim_types_read_back_as_the_cell_text():
    checked = params.check_all("09", {"claim_types": "normative,factual"}, collection=paths.COLLECTION)
    assert checked["claim_types"] == ["factual", "normative"]  # in the order of the data, so one report, not two
    assert str(checked["claim_types"]) == "factual,normative" == params.plain(checked["claim_types"])


def test_start_after_end_is_refused_before_a_kernel(tmp_path):
    line = refused(run_real_build(tmp_path, "--only", "01", "-p", "start", "2020-01-01", "-p", "end", "2000-01-01"),
                   tmp_path)
    assert "notebook 01" in line and "'start' = '2020-01-01' and 'end' = '2000-01-01'" in line
    assert "break the rule start <= end; allowed: 'end' on or after 'start'" in line


def test_the_notebook_cell_refuses_the_same_pair(monkeypatch):
    monkeypatch.delenv("NATO_COLLECTION", raising=False)
    with pytest.raises(params.ParameterError, match="break the rule start <= end"):
        params.validated("01", start="2020-01-01", end="2000-01-01")
    assert params.validated("01", start="2000-01-01", end="2000-01-01").end == date(2000, 1, 1)
    with pytest.raises(params.ParameterError, match="break the rule before < after"):
        params.validated("04", before="2000-01-01", after="2000-01-01")


@pytest.mark.parametrize("rule, words", [
    ("as_of < nowhere", "names 'nowhere', which is not a declared parameter"),
    ("as_of => org", "must read '<parameter> <op> <parameter>'"),
    ("as_of <= org", "names 'org', which is not a declared parameter of type date, year, int"),
])
def test_a_malformed_rule_is_named(fake, rule, words):
    text = fake.collection.read_text().replace('paragraphs = "P1"\n', f'paragraphs = "P1"\nconstraints = ["{rule}"]\n')
    fake.collection.write_text(text)
    with pytest.raises(params.CollectionError, match=words):
        params.notebooks(fake.collection)


# --- (7) a byte-order mark or an empty id list never switches the check off ----------------------------------


@pytest.mark.parametrize("content", [
    b"\xef\xbb\xbforg_id,name,founded\nNATO,North Atlantic Treaty Organization,1949-04-04\nSCO,SCO,2001-06-15\n",
])
def test_a_byte_order_mark_is_read(coll, content):
    (coll.data / "organisations.csv").write_bytes(content)
    assert params.validated("02", orgs="SCO").orgs == ["SCO"]
    with pytest.raises(params.ParameterError, match="unknown organisation.s. FOO, BAR; allowed: .*NATO, SCO"):
        params.validated("02", orgs="FOO,BAR")


@pytest.mark.parametrize("content, words", [
    (b"", "organisations.csv row 1: the header is nothing (the file is empty)"),
    (b"org_id,name,founded\n", "organisations.csv: column org_id holds no value"),
    (b"id,name\nNATO,x\n", "organisations.csv row 1: the header is id,name"),
])
def test_an_empty_or_headless_id_list_refuses_instead_of_accepting_anything(fake, content, words):
    (fake.data / "organisations.csv").write_bytes(content)
    res = fake.build("--only", "02", "-p", "orgs", "FOO,BAR")
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and words in res.stderr
    assert not fake.reports.exists()


def test_a_missing_id_list_is_named(coll):
    (coll.data / "states.csv").unlink()
    with pytest.raises(params.DataFileError, match="states.csv: file not found; state parameters are checked"):
        params.validated("02", state="KAZ")


def test_real_orgs_with_a_byte_order_mark_still_refuse_unknown_ids(real_copy, tmp_path):
    orgs = real_copy.parent.parent / "data" / "organisations.csv"
    orgs.write_bytes(b"\xef\xbb\xbf" + orgs.read_bytes())
    line = refused(run_real_build(tmp_path, "--collection", str(real_copy), "--only", "07", "-p", "orgs", "FOO,BAR"),
                   tmp_path)
    assert "names unknown organisation(s) FOO, BAR" in line and "NATO" in line


# --- (9) long values and other digits ----------------------------------------------------------------------


def test_a_100k_value_is_echoed_cut_short(coll):
    with pytest.raises(params.ParameterError) as err:
        params.validated("01", org="X" * 100_000)
    msg = str(err.value)
    assert "'" + "X" * 60 + "'… (100000 characters)" in msg and len(msg) < 400 and "\n" not in msg


def test_a_100k_value_on_the_command_line_is_one_short_line(fake):
    res = fake.build("--only", "02", "-p", "state", "K" * 100_000)
    assert res.returncode == 2 and len(res.stderr) < 500 and "(100000 characters)" in res.stderr


def test_a_look_alike_letter_is_echoed_with_its_code_point():
    """A Cyrillic І in 'ІND' looks like the suggested IND: the message names the letter that differs."""
    with pytest.raises(params.ParameterError) as err:
        params.check_all("08", {"focus_state": "\u0406ND"})
    msg = str(err.value)
    assert "'\u0406ND' (character 1 is U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I, not ASCII) " \
           "is not a known state" in msg and "IND" in msg and "\n" not in msg, msg
    with pytest.raises(params.ParameterError) as err:  # an ASCII mistake is echoed as before
        params.check_all("08", {"focus_state": "IND2"})
    assert "'IND2' is not a known state" in str(err.value)


def test_a_date_with_typographic_hyphens_names_them():
    """'2001‐06‐15' with U+2010 hyphens looks exactly like a valid date; the refusal names the hyphens."""
    with pytest.raises(params.ParameterError) as err:
        params.check_all("02", {"as_of": "2001\u201006\u201015"})
    msg = str(err.value)
    assert "(character 5 is U+2010 HYPHEN; character 8 is U+2010 HYPHEN, not ASCII) is not a date" in msg, msg


def test_arabic_indic_digits_in_years_and_dates_are_read_as_0_to_9(coll):
    p = params.validated("02", year=ARABIC_2020)
    assert p.year == 2020
    d = params.validated("01", as_of=ARABIC_2001_06_15).as_of
    assert d == date(2001, 6, 15) and params.plain(d) == "2001-06-15"
    with pytest.raises(params.ParameterError, match="out of range"):
        params.validated("02", year="\u06f1\u06f9\u06f9\u06f9")  # Persian ۱۹۹۹, below the data's first year


def test_two_spellings_of_one_value_normalise_to_one_name(coll):
    """What the build should name an override report after: the checked value in its literal form."""
    assert params.normalised("02", {"year": ARABIC_2020}) == params.normalised("02", {"year": "2020"}) == {"year": 2020}
    assert params.normalised("01", {"as_of": ARABIC_2001_06_15}) == {"as_of": "2001-06-15"}
    assert params.normalised("02", {"orgs": " NATO , SCO"}) == {"orgs": "NATO,SCO"}


def test_a_byte_order_mark_in_the_data_package_keeps_the_declared_date_columns(real_copy):
    """The span is taken from the date columns datapackage.json declares; a BOM must not make them vanish."""
    from helpers.params import datafiles

    pkg = real_copy.parent.parent / "data" / "datapackage.json"
    declared = datafiles._date_columns(pkg.parent)
    assert declared["memberships.csv"] == ["start", "end"]
    pkg.write_bytes(b"\xef\xbb\xbf" + pkg.read_bytes())
    assert datafiles._date_columns(pkg.parent) == declared


# --- (10) text parameters hold one line of printable text --------------------------------------------------------


def _with_note(fake) -> None:
    """The fake's 03 with a ``str`` parameter ``note``, declared in the section map and in its parameters cell."""
    text = fake.collection.read_text(encoding="utf-8").replace(
        'help = "what the notebook does"\n',
        'help = "what the notebook does"\n  [notebook.parameters.note]\n  type = "str"\n  default = ""\n'
        '  help = "a note"\n')
    fake.collection.write_text(text, encoding="utf-8")
    fake.set_code("03-gamma", 1, 'mode = "ok"\nnote = ""')


@pytest.mark.parametrize("value, words", [
    ("abc\u202eevil", "U+202E (RIGHT-TO-LEFT OVERRIDE) is never closed"),
    ("abc\x1b[2Jx", "character U+001B at position 4 is a control character"),
    ("abc\u2028x", "U+2028 (LINE SEPARATOR) at position 4 is a control character"),
    ("two\nlines", "U+000A at position 4 is a control character"),
])
def test_a_text_parameter_with_a_control_or_open_bidi_character_is_refused(fake, value, words, refused_in_one_line):
    """A ``str`` value reaches the page's title, its heading and the index: held to the data's character rule."""
    _with_note(fake)
    refused_in_one_line(fake, ["--only", "03", "-p", "note", value], ["parameter 'note'", words, "allowed: one line"])


@pytest.mark.parametrize("value, words", [
    ("abc\u200e", "character U+200E at position 4 shows nothing"),
    ("abc\u200b", "character U+200B at position 4 shows nothing"),
    ("a\u3164bc", "character U+3164 at position 2 shows nothing"),
    ("a" * 201, "is 201 characters long"),
])
def test_a_text_parameter_that_hides_characters_or_runs_long_is_refused(fake, value, words, refused_in_one_line):
    """Hostile round 13, N2: "abc" + U+200E and "abc" + U+200B built two reports whose titles and index lines read
    the same; 100,000 letters became the page's title and its index line."""
    _with_note(fake)
    refused_in_one_line(fake, ["--only", "03", "-p", "note", value], ["parameter 'note'", words])


def test_a_text_parameter_of_printable_text_is_kept(fake, monkeypatch):
    _with_note(fake)
    monkeypatch.setenv("NATO_COLLECTION", str(fake.collection))
    assert params.check_all("03", {"note": "مرحبا \u2067NATO\u2069 ok"})["note"] == "مرحبا \u2067NATO\u2069 ok"


# --- (11) a declared parameter is one the notebook reads ----------------------------------------------------------


def test_a_parameter_the_notebook_does_not_assign_is_refused_before_a_kernel(fake, refused_in_one_line):
    """'ghost' declared on 03 but absent from its parameters cell was injected by papermill and built as a report
    titled 'ghost 5' whose content was the default's."""
    text = fake.collection.read_text(encoding="utf-8").replace(
        'help = "what the notebook does"\n',
        'help = "what the notebook does"\n  [notebook.parameters.ghost]\n  type = "int"\n  default = 1\n'
        '  min = 0\n  max = 10\n  help = "never read"\n')
    fake.collection.write_text(text, encoding="utf-8")
    refused_in_one_line(fake, ["--only", "03", "-p", "ghost", "5"],
                        ["notebook 03 (03-gamma): parameter 'ghost' (int) is declared in collection.toml but not "
                         "assigned in 03-gamma.ipynb's parameters cell", "add ghost = 1 to that cell"])


@pytest.mark.parametrize("name", ["__builtins__", "_private", "print", "In", "get_ipython"])
def test_a_parameter_named_like_a_python_or_ipython_name_is_refused(fake, name, refused_in_one_line):
    """``__builtins__`` as a parameter broke the kernel with 'SystemError … dictobject.c'."""
    text = fake.collection.read_text(encoding="utf-8").replace(
        'help = "what the notebook does"\n',
        f'help = "what the notebook does"\n  [notebook.parameters.{name}]\n  type = "str"\n  default = "x"\n')
    fake.collection.write_text(text, encoding="utf-8")
    fake.set_code("03-gamma", 1, f'mode = "ok"\n{name} = "x"')
    refused_in_one_line(fake, ["--only", "03"], [f"parameter name '{name}' is not allowed", "built-in name"])


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_whole_number_of_thousands_of_digits_is_out_of_range_in_one_line(coll, digits):
    """``-p year <5000 nines>`` ended in a 39-line ValueError traceback (Python's 4,300-digit limit)."""
    with pytest.raises(params.ParameterError) as err:
        params.check_all("02", {"year": "9" * digits})
    msg = str(err.value)
    assert f"({digits} characters) is out of range; allowed: a whole number from 2010 to 2022" in msg, msg
    assert len(msg) < 400 and "\n" not in msg
