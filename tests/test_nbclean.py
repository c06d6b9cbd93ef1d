"""A save from JupyterLab or a papermill run in place never fails `make test` nor reaches a commit (issue 20): the
git filter `make setup` configures (scripts/nbclean.py) strips outputs, counts and run metadata and drops empty tag
lists, and the pairing test reads the notebooks as git would commit them. Cheap: a throw-away git repository, no
kernel and no JupyterLab (tests/test_lab_save.py drives a real Lab save)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import test_pairing  # noqa: E402


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    for name in (".gitattributes", "Makefile", "scripts"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / name)
    (tmp_path / "notebooks").mkdir()
    _git(tmp_path, "init", "-q")
    venv = Path(sys.executable).parents[1]
    subprocess.run(["make", "-s", "-C", str(tmp_path), "git-filters", f"VENV={venv}"], check=True,
                   capture_output=True, text=True)
    return tmp_path


def _as_run(path: Path) -> None:
    """What papermill in place or a save after a run writes: outputs, counts, run metadata, ``"tags": []``."""
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    params = nbformat.v4.new_code_cell("as_of = '2024-04-30'", id="p", metadata={"tags": ["parameters"]})
    run = nbformat.v4.new_code_cell("print(as_of)", id="r", metadata={"tags": [], "papermill": {"duration": 1.0}},
                                    execution_count=3, outputs=[nbformat.v4.new_output("stream", text="2024\n")])
    nb.cells = [nbformat.v4.new_markdown_cell("# A title", id="t", metadata={"tags": []}), params, run]
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    nbformat.write(nb, path)


def test_the_filter_drops_outputs_and_empty_tags_and_keeps_the_parameters_tag(repo):
    path = repo / "notebooks" / "02-x.ipynb"
    _as_run(path)
    _git(repo, "add", "notebooks/02-x.ipynb")
    committed = json.loads(_git(repo, "show", ":notebooks/02-x.ipynb"))
    cells = committed["cells"]
    assert [c["metadata"].get("tags") for c in cells] == [None, ["parameters"], None]
    assert cells[2]["outputs"] == [] and cells[2]["execution_count"] is None
    assert "language_info" not in committed["metadata"] and [c["id"] for c in cells] == ["t", "p", "r"]
    assert '"tags": []' not in _git(repo, "diff", "--cached", "--", "notebooks/02-x.ipynb")


def test_the_pairing_check_reads_a_saved_notebook_as_git_would_commit_it(repo):
    path = repo / "notebooks" / "02-x.ipynb"
    _as_run(path)
    assert test_pairing.as_committed(path).cells[2].outputs == []  # a save in Lab: `make test` still passes
    subprocess.run(["git", "-C", str(repo), "config", "--unset", "filter.nbstripout.clean"], check=True)
    assert test_pairing.as_committed(path).cells[2].outputs  # no filter: the outputs would be committed
