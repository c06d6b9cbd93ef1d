"""``--executor dask``: a small sweep on a two-worker ``LocalCluster`` writes the very bytes the local pool writes,
a worker killed in the middle of a report loses nothing, and the options are refused in one line when wrong."""

from __future__ import annotations

import shutil

import pytest

SWEEP = ("--only", "01", "--sweep", "as_of=1995-12-31,1996-12-31", "--jobs", "2")
SWEPT = ["01-alpha--as_of-1995-12-31", "01-alpha--as_of-1996-12-31"]


def _clean(fake) -> None:
    for folder in (fake.reports, fake.cache, fake.build_dir):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_sweep_on_a_local_dask_cluster_writes_the_local_pools_bytes(fake):
    res = fake.build(*SWEEP)
    assert res.returncode == 0, res.stdout + res.stderr
    pool = fake.report_files()
    _clean(fake)
    res = fake.build(*SWEEP, "--executor", "dask")
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(fake.built(res)) == SWEPT
    dask = fake.report_files()
    assert sorted(dask) == sorted(pool)  # every page, export, asset and index, nothing more
    assert [rel for rel in pool if dask[rel] != pool[rel]] == []
    assert "IPKernelApp" not in res.stderr  # kernel chatter stays on the workers
    # and the cache records are the pool's: the next local build finds every report up to date
    res = fake.build(*SWEEP)
    assert res.returncode == 0 and fake.built(res) == [] and res.stdout.count("cached") == len(SWEPT)


KILL_ONCE = """\
import os, pathlib, signal
mark = pathlib.Path(os.environ["KILL_ONCE"])
if P.as_of.isoformat() == "1996-12-31" and not mark.exists():
    mark.write_text("killed")
    os.kill(os.getppid(), signal.SIGKILL)  # the kernel's parent: the Dask worker running this report
print("ALPHA", P.as_of.isoformat(), len(text.splitlines()))
"""


@pytest.mark.slow
def test_a_worker_killed_mid_sweep_loses_no_report(fake, tmp_path):
    fake.set_code("01-alpha", 3, KILL_ONCE)
    mark = tmp_path / "killed"
    res = fake.build(*SWEEP, "--executor", "dask", KILL_ONCE=str(mark))
    assert mark.exists(), "the worker was not killed: the test proves nothing"
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(fake.built(res)) == SWEPT
    for name in SWEPT:  # run again on another worker, and written once, whole
        page = (fake.reports / f"{name}.html").read_text(encoding="utf-8")
        assert f"ALPHA {name[-10:]} 3" in page and 'content="failed"' not in page
    assert [p.name for p in (fake.reports / "sweeps").glob("*.html")]


@pytest.mark.parametrize("args, words", [
    (["--scheduler", "tcp://127.0.0.1:8786"], ["--scheduler is for --executor dask"]),
    (["--executor", "dask", "--scheduler", "127.0.0.1:8786"], ["tcp://HOST:PORT"]),
    (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"], ["drop --jobs"]),
    (["--list", "--executor", "dask"], ["--list only lists", "--executor"]),
])
def test_executor_options_are_refused_in_one_line(fake, args, words, refused_in_one_line):
    refused_in_one_line(fake, args, words)


def test_a_worker_whose_checkout_differs_refuses_the_report_and_says_why(fake):
    from helpers import cache
    from helpers.models import Entry
    from helpers.pipeline import dask_run
    from helpers.pipeline.jobs import Action, ReportJob

    def job(notebook: str) -> ReportJob:
        entry = Entry(id="01", stem="01-alpha", name="01-alpha", title="Alpha", summary="", paragraphs="P1",
                      parameters={}, output="01-alpha.html", notebook=notebook)
        return ReportJob(entry=entry, action=Action.EXECUTE, key="k", reports=fake.reports, build=fake.build_dir,
                         cache=fake.cache, staging=fake.root / "staging")

    same = {"code": cache.code_hash(), "env": cache.environment_hash()}
    present = str(fake.notebooks / "01-alpha.ipynb")
    assert dask_run._refusal(job(present), same) == ""
    assert "has no" in dask_run._refusal(job(str(fake.root / "elsewhere" / "01-alpha.ipynb")), same)
    assert "helpers code differs" in dask_run._refusal(job(present), dict(same, code="0" * 64))
    assert "locked environment" in dask_run._refusal(job(present), dict(same, env="0" * 64))
