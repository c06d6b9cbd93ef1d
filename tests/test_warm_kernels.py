"""Warm kernels (helpers.pipeline.warm): started ahead of need with the collection's imports done, each used for one
report only, and the same pages as fresh kernels."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import psutil
import pytest

from helpers.pipeline import warm

SWEEP = ("--only", "01", "--sweep", "as_of=1995-12-31,1996-12-31,1997-12-31", "--jobs", "1")


def test_the_imports_of_the_notebooks_are_found_without_running_them(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("import nothing"),
        nbformat.v4.new_code_cell("import json, os.path as osp\nfrom helpers import params, wording\n"
                                  "from .relative import x\nfrom csv import *"),
        nbformat.v4.new_code_cell("%matplotlib inline"),  # IPython syntax: skipped, not an error
    ])
    nbformat.write(nb, tmp_path / "01-a.ipynb")
    assert warm.collection_imports([tmp_path / "01-a.ipynb", tmp_path / "missing.ipynb"]) == [
        "csv", "helpers", "helpers.params", "helpers.wording", "json", "os.path"]


@pytest.mark.slow
def test_each_warm_kernel_runs_one_report_and_carries_nothing_to_the_next(tmp_path):
    import papermill as pm

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os, sys\n"
        "print('left by the last report:', 'carried' in globals(), '| imported ahead:', 'fractions' in sys.modules)\n"
        "carried = os.getpid()\n"
        "import fractions")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "01-a.ipynb")
    warm.register_engine()
    pool = warm.Pool("python3", tmp_path, warm.collection_imports([tmp_path / "01-a.ipynb"]), tmp_path / "w", 2)
    pool.fill()
    pids, texts = [], []
    try:
        for i in range(2):
            kernel = pool.take(tmp_path)
            assert kernel is not None
            pid = kernel.km.provisioner.process.pid
            out = pm.execute_notebook(str(tmp_path / "01-a.ipynb"), str(tmp_path / f"out{i}.ipynb"),
                                      kernel_name="python3", engine_name=warm.ENGINE, km=kernel.km,
                                      progress_bar=False, shutdown_kernel="immediate", cwd=str(tmp_path))
            texts.append(out.cells[0].outputs[0]["text"])
            assert out.cells[0].execution_count == 1  # the warm-up left no trace in the history
            assert not kernel.km.has_kernel  # used once, then shut down
            pids.append(pid)
        assert pool.take(tmp_path) is None  # no kernel started beyond the budget
    finally:
        pool.close()
    assert texts == ["left by the last report: False | imported ahead: True\n"] * 2
    assert pids[0] != pids[1]
    assert not [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]


@pytest.mark.slow
def test_warm_kernels_write_the_bytes_and_records_of_fresh_ones(fake):
    res = fake.build(*SWEEP, "--kernels", "fresh")
    assert res.returncode == 0, res.stdout + res.stderr
    fresh, records = fake.report_files(), _records(fake.cache)
    for folder in (fake.reports, fake.cache, fake.build_dir):
        _empty(folder)
    res = fake.build(*SWEEP)  # warm is the default
    assert res.returncode == 0, res.stdout + res.stderr
    assert len(fake.built(res)) == 3
    assert fake.report_files() == fresh
    assert _records(fake.cache) == records  # the data each report read, logged by its warm kernel
    assert "alpha.csv" in "".join(records.values())
    assert not list((fake.build_dir / "warm").glob("*.reads"))  # each kernel's read log handed on, none left


def _records(cache: Path) -> dict[str, str]:
    import json

    out = {}
    for path in sorted(cache.glob("01-alpha*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        out[path.name] = json.dumps({k: record.get(k) for k in ("data", "outputs")}, sort_keys=True)
    return out


def _empty(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder, exist_ok=True)
