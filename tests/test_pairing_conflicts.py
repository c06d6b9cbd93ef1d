"""A pair whose ``.py`` and ``.ipynb`` both moved (issue 20, hostile review 7, D-M3): the build's advice loses no
edit, and a ``git checkout`` of the notebooks is not taken for an edit of the ``.ipynb``."""

from __future__ import annotations

import subprocess

import nbformat


def _paired(fake):
    import jupytext

    ipynb = fake.notebooks / "03-gamma.ipynb"
    py = ipynb.with_suffix(".py")
    jupytext.write(nbformat.read(ipynb, as_version=4), py, fmt="py:percent")
    return py, ipynb


def _edit_ipynb(ipynb, old: str, new: str) -> None:
    nb = nbformat.read(ipynb, as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace(old, new)
    nbformat.write(nb, ipynb)


def test_both_sides_edited_names_what_each_command_replaces_and_keeps_a_copy_of_each(fake):
    """The refusal offered "keep the edit" with a command that wrote over the unsynced ``.py`` edit, and said only
    that the ``.ipynb`` had changed. Now it says both changed, what each command replaces, and where a copy of
    each file is kept; neither file is touched."""
    py, ipynb = _paired(fake)
    assert fake.build("--only", "03").returncode == 0
    _edit_ipynb(ipynb, 'print("GAMMA"', 'print("GAMMA IN IPYNB"')
    py.write_text(py.read_text().replace("import time", "import time  # py edit"))
    before = py.read_bytes(), ipynb.read_bytes()
    res = fake.build("--only", "03")
    err = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(err) == 1, res.stderr
    assert "03-gamma.py and" in err[0] and "03-gamma.ipynb were both changed since the last build" in err[0]
    assert "--update" in err[0] and "(replaces the .ipynb's edit)" in err[0]
    assert "--to py:percent" in err[0] and "(replaces the .py's edit)" in err[0]
    kept = next(fake.cache.glob("**/pairs-kept"))
    assert "a copy of each is kept in" in err[0] and "pairs-kept" in err[0]
    assert "# py edit" in (kept / "03-gamma.py").read_text()
    assert "GAMMA IN IPYNB" in (kept / "03-gamma.ipynb").read_text()
    assert (py.read_bytes(), ipynb.read_bytes()) == before


def test_a_py_edit_after_git_checkout_is_synced_not_blamed_on_the_ipynb(fake):
    """After the build had synced an edit and ``git checkout notebooks/`` restored both files, a new ``.py`` edit
    was refused as if the ``.ipynb`` had been edited. The restored ``.ipynb`` is the committed one: nothing of it
    can be lost, so the build syncs it from the ``.py`` and builds the edit."""
    py, ipynb = _paired(fake)
    git = ["git", "-C", str(fake.notebooks), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", py.name, ipynb.name], check=True)
    subprocess.run([*git, "commit", "-qm", "pair"], check=True)
    assert fake.build("--only", "03").returncode == 0
    py.write_text(py.read_text().replace('print("GAMMA", P.mode)', 'print("GAMMA FIRST", P.mode)'))
    assert fake.build("--only", "03").returncode == 0  # synced: the build remembers the edited pair
    subprocess.run([*git, "checkout", "--", py.name, ipynb.name], check=True)
    py.write_text(py.read_text().replace('print("GAMMA", P.mode)', 'print("GAMMA SECOND", P.mode)'))
    res = fake.build("--only", "03")
    assert res.returncode == 0, res.stderr
    assert "was changed since the last build" not in res.stderr and "synced" in res.stdout, res.stdout
    assert "GAMMA SECOND ok" in (fake.reports / "03-gamma.html").read_text()
