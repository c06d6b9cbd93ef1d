"""The build's checks of the section map against the notebooks, before any kernel: a declared parameter is read
from the notebook's .py (what the build syncs the .ipynb from) and refused only for the notebooks being built; a
variant's name may not state a value its parameters do not set; --list shows a TOML date default as a date."""

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


# --- a parameter added to the .py (the documented flow: the build syncs an edited .py) ------------------------


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


# --- a variant's name that contradicts its parameters ---------------------------------------------------------


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


# --- a default written as a TOML date ---------------------------------------------------------------------------


def test_a_default_written_as_a_toml_date_is_listed_as_the_date_it_is(fake):
    """`default = 2000-01-01` (a TOML date, not a string) was listed as `datetime.date(2000, 1, 1)`."""
    text = fake.collection.read_text(encoding="utf-8").replace('default = "2000-01-01"', "default = 2000-01-01")
    fake.collection.write_text(text, encoding="utf-8")
    res = fake.build("--list")
    assert res.returncode == 0, res.stderr
    assert "as_of: date = '2000-01-01'" in res.stdout and "datetime" not in res.stdout
