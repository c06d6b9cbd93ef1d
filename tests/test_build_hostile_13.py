"""Hostile-input round 13 (issue 20): what the build reads before it syncs a notebook's pair and what its refusals
block, what it says of an index it could not write, and variant names that contradict their parameters."""

from __future__ import annotations

import os

import jupytext
import nbformat
import pytest

_NOTE = ('help = "what the notebook does"\n  [notebook.parameters.note]\n  type = "str"\n  default = ""\n'
         '  help = "a note"\n')


def _declare_note(fake) -> None:
    text = fake.collection.read_text(encoding="utf-8").replace('help = "what the notebook does"\n', _NOTE)
    fake.collection.write_text(text, encoding="utf-8")


def _pair(fake, stem: str) -> tuple:
    ipynb = fake.notebooks / f"{stem}.ipynb"
    py = ipynb.with_suffix(".py")
    jupytext.write(jupytext.read(ipynb), py, fmt="py:percent")
    os.utime(ipynb, (py.stat().st_mtime - 5, py.stat().st_mtime - 5))
    return py, ipynb


# --- N3: a parameter added to the .py (the documented flow: the build syncs an edited .py) ------------------------


def test_a_parameter_added_to_the_py_only_builds_once_the_build_syncs_the_pair(fake):
    """Declared in the section map and assigned in the edited .py, not yet in the stale .ipynb: the build was
    refused with advice ('add note = '' to that cell') that the .py already followed."""
    py, ipynb = _pair(fake, "03-gamma")
    _declare_note(fake)
    py.write_text(py.read_text(encoding="utf-8").replace('mode = "ok"', 'mode = "ok"\nnote = ""'), encoding="utf-8")
    res = fake.build("--only", "03", "-p", "note", "hello")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "not assigned" not in res.stderr
    assert 'note = ""' in nbformat.read(ipynb, as_version=4).cells[1].source  # the build synced the pair
    assert (fake.reports / "03-gamma--note-hello.html").is_file()


def test_a_py_that_does_not_assign_a_declared_parameter_is_refused_naming_the_py(fake, refused_in_one_line):
    py, _ = _pair(fake, "03-gamma")
    _declare_note(fake)
    refused_in_one_line(fake, ["--only", "03"], ["parameter 'note' (str) is declared in collection.toml but not "
                                                 "assigned in 03-gamma.py's parameters cell"])


def test_a_refusal_for_one_notebook_does_not_block_another_notebooks_build(fake):
    """03 declares a parameter its cell does not assign: `--only 01` was refused with 03's line."""
    _declare_note(fake)
    res = fake.build("--only", "01")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "03-gamma" not in res.stderr and (fake.reports / "01-alpha.html").is_file()


# --- D19: an index that cannot be written says what the one in place gets wrong ----------------------------------


def _build_with_a_broken_index(fake, monkeypatch, capsys, *args: str) -> str:
    """The build run here with the index's renderer failing as on a bad data file; its stderr."""
    from helpers import load, render
    from helpers.pipeline import cli

    def broken(*_a, **_k):
        raise load.DataError([load.Problem("data/principles.csv", 2, "label", "U+2028 is a control character",
                                           "one line of text")])

    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(render, "render_index", broken)
    capsys.readouterr()
    cli.build(list(args))
    return capsys.readouterr().err


def test_an_index_left_in_place_names_the_failed_report_it_still_shows_as_good(fake, monkeypatch, capsys):
    """The index could not be rewritten (bad data) and still showed 01 as good while .failed-builds.json listed it;
    the build said only that the index was not written, and that "its index marks" reports it did not mark."""
    assert fake.build().returncode == 0
    index = (fake.reports / "index.html").read_bytes()
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "01")
    assert (fake.reports / "index.html").read_bytes() == index  # the previous index is kept ...
    line = next(x for x in err.splitlines() if "the index (index.html)" in x)
    assert "data/principles.csv row 2" in line  # ... and the build says what it gets wrong
    assert "the index left in place (" in line and "index.html) is out of date: it still shows 01-alpha, " \
        "01-alpha--early as good, though the last build of each failed (listed in " in line
    assert line.endswith(".failed-builds.json)")
    alpha = fake.data / "alpha.csv"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "c,2011-01-01,\n", encoding="utf-8")
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "02")
    assert "its index marks them" not in err
    assert "its index could not be written and does not mark them" in err, err


def test_an_index_that_already_marks_the_failure_is_not_said_to_show_it_as_good(fake, monkeypatch, capsys):
    assert fake.build().returncode == 0
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    assert fake.build("--only", "01").returncode == 1  # the index is written, marking 01's failure
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "01", "--force")
    line = next(x for x in err.splitlines() if "the index (index.html)" in x)
    assert "is out of date" in line and "still shows" not in line


# --- N12: a variant's name that contradicts its parameters ---------------------------------------------------------


def _rename_variant(fake, name: str) -> None:
    text = fake.collection.read_text(encoding="utf-8").replace('name = "early"', f'name = "{name}"')
    fake.collection.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name, said", [
    ("as_of-2001-06-15", "variant 'as_of-2001-06-15' names as_of = 2001-06-15 but its parameters set as_of = "
                         "'1990-01-01'"),
    ("org-SCO", "variant 'org-SCO' names org = SCO but its parameters set org = 'NATO'"),  # the default's
    ("1995-01-01", "variant '1995-01-01' names the date 1995-01-01, which none of its parameters holds (its "
                   "dates: 1990-01-01)"),
])
def test_a_variant_named_after_a_value_it_does_not_set_is_refused(fake, refused_in_one_line, name, said):
    """A variant `as_of-2001-06-15` with as_of = 2010-01-01 published a page of that name titled 'as of 1 Jan 2010'."""
    _rename_variant(fake, name)
    refused_in_one_line(fake, ["--only", "01"], [f"notebook 01 (01-alpha): {said}",
                                                  "allowed: a name that agrees with the variant's parameters"])


@pytest.mark.parametrize("name", ["early", "as_of-1990-01-01", "1990-01-01", "org-NATO"])
def test_a_variant_name_that_agrees_with_its_parameters_or_names_no_value_is_kept(fake, name):
    from helpers.pipeline import plan

    _rename_variant(fake, name)
    everything, _ = plan.all_entries(fake.collection)
    assert f"01-alpha--{name}" in [e.name for e in everything]


# --- N10: a default written as a TOML date ---------------------------------------------------------------------------


def test_a_default_written_as_a_toml_date_is_listed_as_the_date_it_is(fake):
    """`default = 2000-01-01` (a TOML date, not a string) was listed as `datetime.date(2000, 1, 1)`."""
    text = fake.collection.read_text(encoding="utf-8").replace('default = "2000-01-01"', "default = 2000-01-01")
    fake.collection.write_text(text, encoding="utf-8")
    res = fake.build("--list")
    assert res.returncode == 0, res.stderr
    assert "as_of: date = '2000-01-01'" in res.stdout and "datetime" not in res.stdout


# --- N13: a directory in the way of a report is named where it is ----------------------------------------------------


def test_a_directory_in_the_way_of_a_report_is_named_by_its_own_path(fake):
    """The failure named the hidden staging file ('Is a directory (…/.cache/staging/.01-alpha.html.xyz.part)')."""
    assert fake.build("--only", "03").returncode == 0
    (fake.reports / "01-alpha.html").mkdir()
    res = fake.build("--only", "01")
    assert res.returncode == 1
    said = res.stdout + res.stderr
    assert f"({fake.reports / '01-alpha.html'} is a directory where a file is needed; move or remove it)" in said, said
    assert ".part" not in said
