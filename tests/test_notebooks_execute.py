"""The real notebooks: their parameters cells hold the section map's defaults, each executes with its defaults,
and a direct papermill run works from another folder (and refuses a bad value clearly)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import params, paths

NOTEBOOKS = [nb for nb in params.notebooks(paths.COLLECTION)]
PAPERMILL = str(Path(sys.executable).parent / "papermill")


def _existing(nb) -> Path:
    path = paths.NOTEBOOKS / f"{nb.stem}.ipynb"
    if not path.exists():
        pytest.fail(f"{path.name} does not exist yet (listed in collection.toml)")
    return path


def _parameter_literals(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"{path.name}: expected one `parameters` cell, found {len(cells)}"
    values = {}
    for node in ast.parse(cells[0].source).body:
        assert isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name), \
            f"{path.name}: the parameters cell must hold plain `name = literal` lines"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda nb: nb.id)
def test_parameters_cell_equals_the_section_map_defaults(nb):
    literals = _parameter_literals(_existing(nb))
    declared = {name: spec.default for name, spec in nb.parameters.items()}
    assert literals == declared, f"{nb.stem}: parameters cell {literals} vs collection.toml defaults {declared}"


@pytest.fixture(scope="module")
def built(real_build):
    """The real collection built once with its defaults and variants (see conftest.real_build)."""
    return real_build


@pytest.mark.slow
@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda nb: nb.id)
def test_every_notebook_executes_with_its_defaults(nb, built):
    _existing(nb)
    tmp, res = built
    executed = tmp / "build" / f"{nb.stem}.ipynb"
    assert executed.exists(), res.stdout + res.stderr
    out = nbformat.read(executed, as_version=4)
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(out.cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{nb.stem}: {errors}"
    line = next((ln for ln in res.stdout.splitlines() if ln.split()[:1] == [nb.stem]), "")
    assert " built " in f" {line} ", f"{nb.stem}: {line or res.stdout + res.stderr}"
    assert (tmp / "reports" / f"{nb.stem}.html").exists()


@pytest.mark.slow
def test_whole_build_exits_zero_and_writes_the_index(built):
    tmp, res = built
    assert res.returncode == 0, res.stdout + res.stderr
    assert (tmp / "reports" / "index.html").exists()


def _papermill_02(folder: Path, name: str, value: str) -> subprocess.CompletedProcess:
    """The papermill CLI on notebook 02 with one parameter, run from ``folder`` (outside the repository)."""
    nb = paths.NOTEBOOKS / "02-nato-enlargement.ipynb"
    if not nb.exists():
        pytest.fail("notebooks/02-nato-enlargement.ipynb does not exist yet")
    env = {k: v for k, v in os.environ.items() if k != "NATO_COLLECTION"}
    return subprocess.run([PAPERMILL, str(nb), "out.ipynb", "-p", name, value], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_direct_papermill_from_another_folder(tmp_path):
    """The README's example, run from a folder outside the repository."""
    res = _papermill_02(tmp_path, "as_of", "2001-06-15")
    assert res.returncode == 0, res.stderr[-2000:]
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    injected = [c for c in out.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'as_of = "2001-06-15"' in injected[0].source


@pytest.mark.slow
def test_direct_papermill_with_a_bad_value_fails_clearly(tmp_path):
    res = _papermill_02(tmp_path, "as_of", "2001-13-01")
    assert res.returncode != 0
    assert "ParameterError" in res.stderr
    assert "parameter 'as_of' = '2001-13-01' is not a real calendar date" in res.stderr


@pytest.mark.slow
def test_direct_papermill_with_an_unknown_name_fails_clearly(tmp_path):
    """papermill itself only warns about an undeclared name; the notebook's validation refuses it."""
    res = _papermill_02(tmp_path, "asof", "2001-06-15")
    assert res.returncode != 0
    assert "unknown parameter 'asof'" in res.stderr and "allowed parameters: as_of" in res.stderr
