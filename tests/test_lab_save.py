"""Saving a notebook from JupyterLab leaves only the source change in git (issue 13).

A clone of the notebooks gets the same git filter `make setup` configures (the `git-filters` target). JupyterLab's
server, rooted in that clone with the project's jupytext pairing, receives what Lab sends when a user runs a notebook
and presses save: the notebook with its outputs, execution counts, papermill metadata and the machine's
`language_info`, through the contents API. Afterwards `git diff` must be empty; after an edit of one markdown cell
it must show that one line and nothing else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest
from browser import lab

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = Path(sys.executable).with_name("jupyter")
NOTEBOOK = "notebooks/02-nato-enlargement.ipynb"

pytestmark = pytest.mark.slow


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    repo = tmp_path_factory.mktemp("clone")
    for name in ("notebooks", "jupytext.toml", ".gitattributes", ".gitignore", "Makefile", "scripts"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.org")
    _git(repo, "config", "user.name", "test")
    venv = Path(sys.executable).parents[1]
    subprocess.run(["make", "-s", "-C", str(repo), "git-filters", f"VENV={venv}"],
                   check=True, capture_output=True, text=True)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "notebooks as committed")
    return repo


@pytest.fixture(scope="module")
def lab_site(clone):
    with lab.lab_server(clone, clone.parent / "lab.log") as server:
        yield server


def _save(base: str, token: str, path: str, nb) -> None:
    """PUT the notebook through the contents API, as JupyterLab's save does."""
    body = json.dumps({"type": "notebook", "format": "json", "content": nb}).encode()
    req = urllib.request.Request(f"{base}/api/contents/{path}?token={token}", data=body, method="PUT",
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=60).read()


def _as_if_run(nb) -> dict:
    """What a run in Lab adds: outputs, counts, per-cell timing metadata and the kernel's language_info."""
    nb = json.loads(json.dumps(nb))
    nb["metadata"]["language_info"] = {"name": "python", "version": sys.version.split()[0],
                                       "codemirror_mode": {"name": "ipython", "version": 3},
                                       "file_extension": ".py", "mimetype": "text/x-python"}
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            cell["execution_count"] = i
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "output\n"},
                               {"output_type": "execute_result", "execution_count": i, "metadata": {},
                                "data": {"text/plain": "result"}}]
            cell["metadata"]["execution"] = {"iopub.status.busy": "2026-11-30T12:00:00.000000Z"}
    return nb


def _get(base: str, token: str, path: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/contents/{path}?token={token}&content=1", timeout=60) as r:
        return json.load(r)["content"]


def test_a_lab_save_after_a_run_leaves_git_diff_empty(clone, lab_site):
    base, token = lab_site
    nb = _get(base, token, NOTEBOOK)
    _save(base, token, NOTEBOOK, _as_if_run(nb))
    on_disk = nbformat.read(clone / NOTEBOOK, as_version=4)
    assert any(c.get("outputs") for c in on_disk.cells), "the save did not write outputs (the test saves nothing)"
    assert _git(clone, "diff", "--stat") == "", _git(clone, "diff")
    assert _git(clone, "status", "--porcelain") in ("", f" M {NOTEBOOK}\n")  # stat changed, content did not


def test_a_lab_save_of_a_prose_edit_shows_only_that_edit(clone, lab_site):
    base, token = lab_site
    nb = _as_if_run(_get(base, token, NOTEBOOK))
    first_md = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    source = "".join(first_md["source"]) if isinstance(first_md["source"], list) else first_md["source"]
    first_md["source"] = source + "\n\nA sentence added in JupyterLab."
    _save(base, token, NOTEBOOK, nb)
    py_diff = _git(clone, "diff", "--unified=0", "--", NOTEBOOK.replace(".ipynb", ".py"))
    nb_diff = _git(clone, "diff", "--unified=0", "--", NOTEBOOK)

    def changed(diff: str, sign: str) -> list[str]:
        return [ln[1:] for ln in diff.splitlines() if ln.startswith(sign) and not ln.startswith(sign * 3)]

    # the paired .py gains the sentence (and the blank comment line before it), nothing else
    assert changed(py_diff, "+") == ["#", "# A sentence added in JupyterLab."] and changed(py_diff, "-") == []
    # the .ipynb changes only the edited cell's last line: no outputs, counts or machine metadata
    assert len(changed(nb_diff, "-")) == 1 and changed(nb_diff, "+")[-1].strip() == '"A sentence added in JupyterLab."'
    for word in ("outputs", "execution_count", "language_info", "iopub"):
        assert word not in nb_diff, nb_diff
