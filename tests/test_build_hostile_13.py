"""Hostile-input round 13 (issue 20): what the build reads before it syncs a notebook's pair, and what its
refusals block."""

from __future__ import annotations

import os

import jupytext
import nbformat

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
