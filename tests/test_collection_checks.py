"""collection.toml values are checked when the section map is read (issue 20): a stem, a parameter name, a variant
and a range bound that would write outside the project, run code or clash with another report are refused in one
line naming the notebook, before any kernel starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import params

BASE = """\
[[notebook]]
id = "01"
stem = "01-alpha"
title = "Alpha"
summary = "s"
paragraphs = "P1"
  [notebook.parameters.as_of]
  type = "date"
  default = "2000-01-01"
  help = "a date"
  [[notebook.variant]]
  name = "early"
  parameters = { as_of = "1990-01-01" }
"""


def _read(tmp_path: Path, text: str):
    path = tmp_path / "notebooks" / "collection.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return params.notebooks(path)


def test_the_base_map_reads(tmp_path):
    (nb,) = _read(tmp_path, BASE)
    assert nb.stem == "01-alpha" and nb.variants == (("early", {"as_of": "1990-01-01"}),)


@pytest.mark.parametrize("stem", [
    "../notebooks/00-article-at-a-glance",      # papermill would write over a source notebook
    "javascript:alert(document.domain)//x",     # a live link in index.html
    "02-nato-enlargement--1991-12-31",          # another report's variant name
    "index",                                    # the index page itself
    "sub/dir", "-dash", "a..b", "",
])
def test_unsafe_stems_are_refused(tmp_path, stem):
    with pytest.raises(params.CollectionError, match="stem|'stem'") as info:
        _read(tmp_path, BASE.replace('"01-alpha"', repr(stem).replace("'", '"')))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", ['x = 1; __import__(\\"os\\").system(\\"id\\") #', "1st", "class", "a-b"])
def test_parameter_names_are_identifiers(tmp_path, name):
    text = BASE.replace("[notebook.parameters.as_of]", f'[notebook.parameters."{name}"]').replace(
        "parameters = { as_of", f'parameters = {{ "{name}"')
    with pytest.raises(params.CollectionError, match="parameter name"):
        _read(tmp_path, text)


@pytest.mark.parametrize("line, words", [
    ('parameters = "as_of=1990-01-01"', "table of values"),
    ('parameters = ["1990-01-01"]', "table of values"),
])
def test_variant_parameters_must_be_a_table(tmp_path, line, words):
    with pytest.raises(params.CollectionError, match=words):
        _read(tmp_path, BASE.replace('parameters = { as_of = "1990-01-01" }', line))


def test_two_variants_with_one_name_are_refused(tmp_path):
    twice = BASE + '  [[notebook.variant]]\n  name = "early"\n  parameters = { as_of = "1991-01-01" }\n'
    with pytest.raises(params.CollectionError, match="two variants are named 'early'"):
        _read(tmp_path, twice)


@pytest.mark.parametrize("bound", ['"yesterday"', '"data:first_year"', "2000"])
def test_a_date_range_bound_must_be_a_date_or_a_data_word(tmp_path, bound):
    with pytest.raises(params.CollectionError, match="min = "):
        _read(tmp_path, BASE.replace('  help = "a date"', f'  help = "a date"\n  min = {bound}'))


def test_a_non_utf8_or_looping_section_map_is_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(BASE.encode("utf-8").replace(b"Alpha", b"Alph\xe9"))
    with pytest.raises(params.CollectionError, match="not UTF-8"):
        params.notebooks(bad)
    loop = tmp_path / "loop.toml"
    loop.symlink_to(tmp_path / "loop2.toml")
    (tmp_path / "loop2.toml").symlink_to(loop)
    with pytest.raises(params.CollectionError, match="cannot be read|not found"):
        params.notebooks(loop)


@pytest.mark.parametrize("old, new, where", [
    ('title = "Alpha"', 'title = "\\u202eCrisis \\u0007 x"', "notebook[1].title"),
    ('title = "Alpha"', 'title = "Crisis \\u202e x"', "is never closed"),
    ('summary = "s"', 'summary = "s\\u2028t"', "notebook[1].summary"),
    ('help = "a date"', 'help = "a \\u0001date"', "notebook[1].parameters.as_of.help"),
    ('name = "early"', 'name = "early"\n  note = "x\\u202c"', "notebook[1].variant[1].note"),
])
def test_control_and_open_bidi_characters_are_refused_as_in_data(tmp_path, old, new, where):
    """The same rule as data/*.csv (RULE_CONTROL / RULE_BIDI): a title reaches every page's <title> and sidebar."""
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, BASE.replace(old, new))
    message = str(info.value)
    assert "collection.toml: " in message and where in message and "\n" not in message
    assert "no control characters" in message or "closed in the same value" in message


@pytest.mark.parametrize("old, new, where", [
    ('title = "Alpha"', 'title = "\\u200b"', "notebook[1].title"),
    ('summary = "s"', 'summary = "\\u3164 \\u2800"', "notebook[1].summary"),
    ('help = "a date"', 'help = "\\u00a0"', "notebook[1].parameters.as_of.help"),
])
def test_a_text_that_shows_nothing_is_refused_as_in_data(tmp_path, old, new, where):
    """A title of one zero-width space built a page whose <title> and index entry were blank."""
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, BASE.replace(old, new))
    message = str(info.value)
    assert f"collection.toml: {where}: the value" in message and "\n" not in message
    assert "it shows nothing (only spaces or invisible characters); write visible text" in message


def test_a_closed_bidi_isolate_in_a_title_is_allowed(tmp_path):
    (nb,) = _read(tmp_path, BASE.replace('title = "Alpha"', 'title = "Alpha \\u2067ناتو\\u2069"'))
    assert nb.title == "Alpha \u2067ناتو\u2069"


@pytest.mark.parametrize("spec, words", [("P3-P1", "runs backwards"), ("P1-P99", "outside P1–P19"),
                                         ("P", "not a paragraph or range"), ("P1-P2-P3", "not a paragraph")])
def test_a_paragraph_range_is_checked_when_the_map_is_read(tmp_path, spec, words):
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, BASE.replace('paragraphs = "P1"', f'paragraphs = "{spec}"'))
    message = str(info.value)
    assert "collection.toml: [[notebook]] #1 (01): paragraphs=" in message and words in message


@pytest.mark.parametrize("text, words", [
    ("[limitz]\ncell_timeout = 5\n\n" + BASE, "[limitz] is not part of the section map; did you mean [limits]?"),
    (BASE.replace('summary = "s"', 'summary = "s"\ncell_timout = 5'), "'cell_timout' is not part of the section "
                                                                     "map; did you mean 'cell_timeout'?"),
])
def test_a_misspelt_table_or_key_is_refused_with_the_near_name(tmp_path, text, words):
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, text)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_a_section_map_without_a_data_folder_beside_it_says_so(tmp_path):
    loose = tmp_path / "c.toml"
    loose.write_text(BASE, encoding="utf-8")
    with pytest.raises(params.CollectionError) as info:
        params.data_dir(loose)
    message = str(info.value)
    assert message.startswith(f"{loose}: a section map's data folder is looked for beside")
    assert f"at {tmp_path.parent / 'data'}, and there is none" in message and "notebooks/" in message
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    assert params.data_dir(tmp_path / "notebooks" / "c.toml") == (tmp_path / "data").resolve()


def test_a_default_that_is_not_the_notebooks_own_is_refused_before_any_kernel(fake):
    """The build's default report used the section map's 2021 while papermill and JupyterLab used the cell's 2020."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace("default = 2020", "default = 2021", 1), encoding="utf-8")
    res = fake.build("--only", "02")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stdout + res.stderr
    assert "parameter 'year' has default 2021 in collection.toml but 2020 in 02-beta.ipynb" in res.stderr
    assert "allowed: the same value in both" in res.stderr and not fake.reports.exists()


def test_an_empty_range_is_refused_as_such_by_the_build_and_by_list(fake):
    """min above max was blamed on the default ("'2000-01-01' is out of range"), and --list printed it."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace('min = "data:first"', 'min = "2030-06-15"', 1), encoding="utf-8")
    for args in (("--only", "01"), ("--list", "--only", "01")):
        res = fake.build(*args)
        assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stdout + res.stderr
        assert "parameter 'as_of' has min '2030-06-15' (2030-06-15) above max 'data:last'" in res.stderr
        assert "an empty range" in res.stderr and "out of range" not in res.stderr
    assert not fake.reports.exists()


def test_list_warns_of_a_default_or_variant_the_build_would_refuse(fake):
    """--list printed ``year = 1999 [a whole number from 2000 to 2024]`` and ``variant x: focus_state=XXX`` without
    a word, though the build refuses both. Each now has one warning line under it; --list still lists."""
    text = fake.collection.read_text(encoding="utf-8")
    text = text.replace("default = 2020", "default = 1999", 1)
    text = text.replace('  help = "organisations"',
                        '  help = "organisations"\n  [[notebook.variant]]\n  name = "nowhere"\n'
                        '  parameters = { state = "XXX" }', 1)
    fake.collection.write_text(text, encoding="utf-8")
    res = fake.build("--list", "--only", "02")
    assert res.returncode == 0, res.stdout + res.stderr
    warnings = [ln.strip() for ln in res.stdout.splitlines() if "warning:" in ln]
    assert len(warnings) == 2, res.stdout
    assert warnings[0].startswith("warning: the default of year is refused by the build") and "1999" in warnings[0]
    assert warnings[1].startswith("warning: variant nowhere is refused by the build") and "XXX" in warnings[1]


def test_a_subset_section_map_is_refused_on_a_reports_folder_holding_another_collections_reports(fake):
    """NATO_COLLECTION cut down to 01, built into the folder of the full collection, rewrote 01's page without its
    next link and moved 02 and 03 under "Your builds", with no word. Now it is refused before anything runs, and
    the same map builds into a folder of its own."""
    assert fake.build().returncode == 0
    before = fake.report_files()
    text = fake.collection.read_text(encoding="utf-8")
    sub = fake.notebooks / "sub.toml"
    sub.write_text(text[:text.index('[[notebook]]\nid = "02"')], encoding="utf-8")
    done = fake.build(NATO_COLLECTION=str(sub))
    assert done.returncode == 2 and done.stdout == "", done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: NATO_COLLECTION {sub}:"), done.stderr
    assert "holds the reports of notebook(s) 02, 03, which this section map does not list" in lines[0]
    assert "NATO_REPORTS_DIR=<folder>" in lines[0] and "leave NATO_COLLECTION unset" in lines[0]
    assert fake.report_files() == before
    own = fake.root / "sub-reports"
    done = fake.build(NATO_COLLECTION=str(sub), NATO_REPORTS_DIR=str(own))
    assert done.returncode == 0, done.stderr
    assert (own / "01-alpha.html").is_file() and not (own / "02-beta.html").exists()
    done = fake.build("--only", "02", "--force")  # the full map into its own folder: still built
    assert done.returncode == 0 and "02-beta" in done.stdout, done.stderr


def test_a_section_map_dropping_a_notebooks_variants_is_refused_on_a_folder_holding_them(fake):
    """A map that kept notebook 01 but dropped its variant 'early' rewrote the index with 01's early report under
    "Your builds", with no word. Now it is refused like a map that drops a notebook, naming the variant."""
    assert fake.build("--only", "01").returncode == 0
    before = fake.report_files()
    index = (fake.reports / "index.html").read_bytes()
    text = fake.collection.read_text(encoding="utf-8")
    novar = fake.notebooks / "novar.toml"
    novar.write_text(text.replace('  [[notebook.variant]]\n  name = "early"\n'
                                  '  parameters = { as_of = "1990-01-01" }\n', "", 1), encoding="utf-8")
    done = fake.build("--only", "01", NATO_COLLECTION=str(novar))
    assert done.returncode == 2 and done.stdout == "", done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: NATO_COLLECTION {novar}:"), done.stderr
    assert "holds the variant(s) 01 'early', which this section map does not list" in lines[0]
    assert fake.report_files() == before and (fake.reports / "index.html").read_bytes() == index


@pytest.mark.parametrize("line, said", [('id = 0', "'id' = 0 is an integer; write a string, e.g. id = \"0\""),
                                        ('paragraphs = 19', "'paragraphs' = 19 is an integer; write a string")])
def test_a_key_of_the_wrong_type_is_named_as_such_not_as_missing(tmp_path, line, said):
    key = line.split(" =")[0]
    text = "\n".join(line if x.startswith(f"{key} = ") else x for x in BASE.splitlines())
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, text)
    assert said in str(info.value) and "missing" not in str(info.value)


@pytest.mark.parametrize("typo, near", [('maximum = "2000-01-01"', "did you mean 'max'?"), ('hlep = "a date"',
                                                                                          "did you mean 'help'?")])
def test_an_unknown_key_of_a_parameter_is_refused_like_one_of_a_notebook(tmp_path, typo, near):
    """A misspelt key inside [notebook.parameters.as_of] was ignored: the range the author meant was not applied."""
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, BASE.replace('  help = "a date"\n', f'  help = "a date"\n  {typo}\n'))
    message = str(info.value)
    assert f"parameter 'as_of': '{typo.split(' =')[0]}' is not part of the section map; {near}" in message, message
    assert "allowed: 'type', 'default', 'help', 'min', 'max', 'choices', 'items'" in message and "\n" not in message


@pytest.mark.parametrize("opener", ["[", "{a = "])
def test_a_map_nested_thousands_deep_is_not_valid_toml_in_one_line(tmp_path, opener):
    """50,000 nested '[' gave a 2,991-line RecursionError traceback from the TOML reader."""
    with pytest.raises(params.CollectionError) as info:
        _read(tmp_path, BASE + "deep = " + opener * 50_000 + "\n")
    message = str(info.value)
    assert "collection.toml: not valid TOML (arrays or tables nested too deeply" in message, message
    assert "\n" not in message and len(message) < 300
