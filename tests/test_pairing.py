"""Paired notebooks: every notebooks/NN-stem.py has its .ipynb, the two hold the same cells, the .ipynb carries no
outputs, the `parameters` tag survives a .py → .ipynb → .py round trip, and the kernelspec is python3."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import jupytext
import nbformat
import pytest

from helpers import params, paths

_spec = importlib.util.spec_from_file_location("nbclean", paths.ROOT / "scripts" / "nbclean.py")
nbclean = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nbclean)

SOURCES = sorted(paths.NOTEBOOKS.glob("[0-9]*.py"))
IPYNBS = sorted(paths.NOTEBOOKS.glob("[0-9]*.ipynb"))


def _cells(nb) -> list[tuple[str, str, tuple]]:
    """What jupytext keeps of each cell: type, source (trailing blank lines aside) and tags."""
    return [(c.cell_type, c.source.rstrip(), tuple(c.metadata.get("tags", []))) for c in nb.cells]


def test_jupytext_config_pairs_py_percent_with_ipynb():
    text = (paths.ROOT / "jupytext.toml").read_text(encoding="utf-8")
    assert 'formats = "ipynb,py:percent"' in text


def test_every_notebook_of_the_section_map_has_both_files():
    missing = [f"{nb.stem}{ext}" for nb in params.notebooks(paths.COLLECTION) for ext in (".py", ".ipynb")
               if not (paths.NOTEBOOKS / f"{nb.stem}{ext}").exists()]
    assert not missing, f"missing in notebooks/: {', '.join(missing)} (write the .py, then `make sync`)"


def test_no_stray_notebooks_outside_the_section_map():
    stems = {nb.stem for nb in params.notebooks(paths.COLLECTION)}
    stray = [p.name for p in SOURCES + IPYNBS if p.stem not in stems]
    assert not stray, f"not in notebooks/collection.toml: {', '.join(stray)}"


@pytest.mark.parametrize("py", SOURCES, ids=lambda p: p.stem)
def test_pair_has_not_drifted(py: Path):
    ipynb = py.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} is missing: run `make sync`"
    text_nb = jupytext.read(py)
    json_nb = nbformat.read(ipynb, as_version=4)
    assert _cells(text_nb) == _cells(json_nb), (
        f"{py.name} and {ipynb.name} differ: edit the .py, then `make sync` (never `jupytext --sync`)")


def as_committed(ipynb: Path) -> nbformat.NotebookNode:
    """The notebook as git would commit it: through the clean filter when this clone has it configured (``make
    setup``; ``make test`` runs it first), so a save from JupyterLab, outputs and all, passes; as it is otherwise."""
    nb = nbformat.read(ipynb, as_version=4)
    return nbclean.clean(nb) if _filtered(ipynb) else nb


def _filtered(path: Path) -> bool:
    def git(*args: str) -> str:
        res = subprocess.run(["git", "-C", str(path.parent), *args], capture_output=True, text=True)
        return res.stdout.strip() if res.returncode == 0 else ""

    attr = git("check-attr", "filter", "--", path.name)
    return attr.endswith(": nbstripout") and bool(git("config", "--get", "filter.nbstripout.clean"))


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_committed_ipynb_has_no_outputs_and_a_python3_kernelspec(ipynb: Path):
    nb = as_committed(ipynb)
    with_outputs = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.outputs]
    counted = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.execution_count is not None]
    assert not with_outputs, (f"{ipynb.name}: cells {with_outputs} have outputs and no git filter strips them; run "
                              "`make setup` (configures the filter) or `make sync` (clears them)")
    assert not counted, f"{ipynb.name}: cells {counted} have execution counts; run `make sync`"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{ipynb.name}: kernelspec is not python3"
    nbformat.validate(nb)


@pytest.mark.parametrize("py", SOURCES, ids=lambda p: p.stem)
def test_parameters_tag_survives_a_round_trip(py: Path):
    original = jupytext.read(py)
    tagged = [i for i, c in enumerate(original.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{py.name}: expected exactly one cell tagged `parameters`, found {len(tagged)}"
    as_ipynb = nbformat.reads(jupytext.writes(original, fmt="ipynb"), as_version=4)
    back = jupytext.reads(jupytext.writes(as_ipynb, fmt="py:percent"), fmt="py:percent")
    for nb in (as_ipynb, back):
        assert "parameters" in nb.cells[tagged[0]].metadata.get("tags", [])
    committed = nbformat.read(py.with_suffix(".ipynb"), as_version=4)
    assert "parameters" in committed.cells[tagged[0]].metadata.get("tags", [])


def test_round_trip_keeps_the_tag_on_a_fresh_example(tmp_path):
    """The same check on a notebook we control, so the round trip is tested even before any notebook exists."""
    py = tmp_path / "01-x.py"
    py.write_text('# %% [markdown]\n# # T\n\n# %% tags=["parameters"]\nas_of = "2024-01-01"\n\n# %%\nprint(as_of)\n')
    nb = nbformat.reads(jupytext.writes(jupytext.read(py), fmt="ipynb"), as_version=4)
    assert nb.cells[1].metadata["tags"] == ["parameters"]
    again = jupytext.writes(nb, fmt="py:percent")
    assert '# %% tags=["parameters"]' in again


@pytest.mark.parametrize("ipynb", IPYNBS, ids=lambda p: p.stem)
def test_notebook_opens_with_its_title_and_has_no_empty_cells(ipynb: Path):
    """An empty cell (e.g. from a stray blank line after the jupytext header) shows up as a lone
    "Show code" above the summary in the report; the first cell must be the H1."""
    nb = nbformat.read(ipynb, as_version=4)
    empty = [i for i, c in enumerate(nb.cells) if not c.source.strip()]
    assert not empty, f"{ipynb.name}: empty cell(s) at index {empty}; remove them from the .py and `make sync`"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), \
        f"{ipynb.name}: the first cell must be the markdown H1 title, got a {first.cell_type} cell"
