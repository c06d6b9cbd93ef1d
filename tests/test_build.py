"""The build command on a tiny fake collection (three notebooks, one variant): reports and index written, cache
hits and misses for each kind of change, a failing notebook in a batch, an interrupted build, kernels shut down."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import nbformat
import pytest
from build_runs import kernels_of

# Every test here runs real builds (kernels, workers): slow, and still part of `make test`.
pytestmark = pytest.mark.slow

ALL = ["01-alpha", "01-alpha--early", "02-beta", "03-gamma"]


def cold(fake):
    res = fake.build("--jobs", "2")
    assert res.returncode == 0, res.stdout + res.stderr
    return res


def test_cold_build_writes_every_report_and_the_index(fake):
    res = cold(fake)
    assert sorted(fake.built(res)) == sorted(ALL)
    files = fake.report_files()
    for name in ALL:
        assert f"{name}.html" in files
    assert "index.html" in files
    index = files["index.html"].decode()
    for title in ("Alpha", "Beta", "Gamma"):
        assert title in index
    # the executed notebook holds the parameter values each report was built with
    early = nbformat.read(fake.build_dir / "01-alpha--early.ipynb", as_version=4)
    assert "ALPHA 1990-01-01 3" in "".join(o.get("text", "") for c in early.cells for o in c.get("outputs", []))
    # not a terminal: no progress bar or colour codes, just the summary table
    assert "\x1b[" not in res.stdout and res.stdout.startswith("report")
    # every kernel was shut down
    assert kernels_of(fake.build_dir) == []
    # workers cap BLAS/OpenMP threads at one each
    beta = nbformat.read(fake.build_dir / "02-beta.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in beta.cells for o in c.get("outputs", []))
    assert "BETA 2020 KAZ ['NATO', 'SCO'] threads 1" in text

    # a second build with nothing changed runs nothing and rewrites nothing
    before = {p: p.stat().st_mtime_ns for p in fake.reports.rglob("*") if p.is_file()}
    res = fake.build()
    assert res.returncode == 0
    assert fake.built(res) == []
    assert res.stdout.count("cached") == len(ALL)
    after = {p: p.stat().st_mtime_ns for p in fake.reports.rglob("*") if p.is_file()}
    assert after == before


def test_cache_misses_for_each_kind_of_change(fake, tmp_path):
    cold(fake)

    # a markdown cell of one notebook → that notebook's reports only (default and variant)
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAlpha, edited in markdown.")
    assert sorted(fake.built(fake.build())) == ["01-alpha", "01-alpha--early"]

    # one data file → exactly the reports that read it
    with open(fake.data / "beta.csv", "a") as fh:
        fh.write("IND,2021,3\n")
    assert fake.built(fake.build()) == ["02-beta"]
    (fake.data / "alpha.csv").write_text((fake.data / "alpha.csv").read_text() + "c,2001-01-01,\n")
    assert sorted(fake.built(fake.build())) == ["01-alpha", "01-alpha--early"]

    # same content written again (new mtime, same bytes) → nothing runs: hashes, not times
    (fake.data / "beta.csv").write_bytes((fake.data / "beta.csv").read_bytes())
    assert fake.built(fake.build()) == []

    # parameters from -p → a report of their own, named after them; the declared reports are left alone
    default_beta = (fake.reports / "02-beta.html").read_bytes()
    assert fake.built(fake.build("--only", "02", "-p", "year", "2021")) == ["02-beta--year-2021"]
    assert fake.built(fake.build("--only", "02", "-p", "year", "2021")) == []
    assert fake.built(fake.build("--only", "02")) == []
    assert (fake.reports / "02-beta.html").read_bytes() == default_beta
    assert b"2021" in (fake.reports / "02-beta--year-2021.html").read_bytes()
    # the index lists it under "Your builds", not among the collection's reports
    reports, builds = (fake.reports / "index.html").read_text(encoding="utf-8").split('id="your-builds"', 1)
    assert "02-beta--year-2021" not in reports and 'href="02-beta--year-2021.html"' in builds

    # the helpers code and the locked environment → everything
    helpers = tmp_path / "helpers-copy"
    shutil.copytree(fake.helpers_src, helpers)
    assert fake.built(fake.build(NATO_HELPERS_SRC=str(helpers))) == []  # same code elsewhere: still cached
    (helpers / "params" / "__init__.py").write_text((helpers / "params" / "__init__.py").read_text() + "\n# a change\n")
    assert sorted(fake.built(fake.build(NATO_HELPERS_SRC=str(helpers)))) == sorted(ALL)
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("pandas==0.0.1\n")
    assert sorted(fake.built(fake.build(NATO_HELPERS_SRC=str(helpers), NATO_CONSTRAINTS=str(constraints)))) \
        == sorted(ALL)
    env = {"NATO_HELPERS_SRC": str(helpers), "NATO_CONSTRAINTS": str(constraints)}

    # a report deleted from reports/ → rebuilt; a corrupt cache entry → ignored, rebuilt, no crash
    (fake.reports / "02-beta.html").unlink()
    (fake.cache / "03-gamma.json").write_text("{ not json")
    res = fake.build(**env)
    assert res.returncode == 0 and sorted(fake.built(res)) == ["02-beta", "03-gamma"]
    assert json.loads((fake.cache / "03-gamma.json").read_text())["outputs"]

    # --force → everything, and the same inputs give the same bytes
    # (index.html is left out: it shows the version of the real data/ folder, which may change meanwhile)
    first = fake.report_files()
    first.pop("index.html")
    assert sorted(fake.built(fake.build("--force", **env))) == sorted(ALL)
    again = fake.report_files()
    again.pop("index.html")
    assert again == first


def test_failing_notebook_gets_a_failure_page_others_still_built(fake):
    cold(fake)
    good_alpha = (fake.reports / "01-alpha.html").read_bytes()
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAlpha, changed so it rebuilds in the same batch.")
    good_gamma = (fake.reports / "03-gamma.html").read_bytes()
    res = fake.build("-p", "mode", "fail")  # mode is declared by 03 only: 01 and 02 run with their defaults
    assert res.returncode == 1
    assert "FAILED" in res.stdout and "gamma was told to fail" in res.stdout
    assert "debug notebook: " in res.stdout and "03-gamma--mode-fail.ipynb" in res.stdout
    assert "1 of 4 report(s) failed" in res.stderr  # 01, its variant, 02 and 03
    # the other reports are fresh, complete reports
    alpha = (fake.reports / "01-alpha.html").read_bytes()
    assert alpha != good_alpha and b"Alpha, changed" in alpha
    # the failed one is a failure page at the report's own path: which cell, the error, the parameters
    page = (fake.reports / "03-gamma--mode-fail.html").read_text()
    assert "RuntimeError" in page and "gamma was told to fail" in page
    assert (fake.reports / "03-gamma.html").read_bytes() == good_gamma  # the declared report is untouched
    assert "cell" in page.lower() and "mode" in page and "fail" in page
    # the executed notebook is kept for debugging and shows the error in the failing cell
    debug = nbformat.read(fake.build_dir / "03-gamma--mode-fail.ipynb", as_version=4)
    errors = [o for c in debug.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors and errors[0]["ename"] == "RuntimeError"
    # a failure is never cached: the next build tries again
    assert not (fake.cache / "03-gamma--mode-fail.json").exists()
    assert fake.built(fake.build("-p", "mode", "fail")) == ["03-gamma--mode-fail"]


def test_unparseable_notebook_fails_alone(fake):
    (fake.notebooks / "02-beta.ipynb").write_text("{ this is not a notebook")
    res = fake.build("--only", "02", "--only", "03")
    assert res.returncode == 1
    assert "02-beta" in res.stdout and "FAILED" in res.stdout
    assert (fake.reports / "03-gamma.html").exists()
    assert "could not be built" in (fake.reports / "02-beta.html").read_text().lower() or \
        "fail" in (fake.reports / "02-beta.html").read_text().lower()


@pytest.mark.parametrize("how", ["kill -9 of the build process", "ctrl-c", "sigint to the build process only"])
def test_interrupted_build_leaves_only_complete_files_and_previous_versions(fake, how):
    """SIGINT to the build process alone (``kill -INT``, not a terminal's Ctrl-C) stops the running report too:
    it used to be finished and written first. The stop line counts the reports that were written."""
    cold(fake)
    previous = fake.report_files()
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAlpha, second edition.")
    fake.set_markdown("02-beta", "# A fake notebook\n\nBeta, second edition.")
    # 03 sleeps long enough that the kill lands while it runs
    fake.set_code("03-gamma", 3, 'time.sleep(8)\nprint("GAMMA", P.mode)')
    proc = fake.popen("--jobs", "2", "--force")
    deadline = time.time() + 60
    while time.time() < deadline and (fake.reports / "01-alpha.html").read_bytes() == previous["01-alpha.html"]:
        time.sleep(0.1)
    time.sleep(0.5)
    if how != "kill -9 of the build process":
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # a terminal sends SIGINT to the whole foreground group
        else:
            proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        assert proc.returncode == 130
        [line] = proc.stderr.read().strip().splitlines()
        now = fake.report_files()
        pages = [n for n in previous if n.endswith(".html") and n != "index.html" and "/" not in n]
        written = [n for n in pages if now[n] != previous[n]]
        assert line.startswith(f"interrupted: the English edition's build stopped with {len(written)} of its "
                               f"{len(pages)} report(s) to build finished and written"), line
    else:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    for _ in range(3):  # look a few times while orphaned workers wind down
        files = fake.report_files()
        assert set(files) == set(previous), "a temporary or partial file appeared in reports/"
        for name, data in files.items():
            if name.endswith(".html"):
                assert data.rstrip().endswith(b"</html>"), f"{name} is incomplete"
            else:  # shared assets did not change in this build
                assert data == previous[name], f"{name} changed"
        assert files["03-gamma.html"] == previous["03-gamma.html"]  # unfinished: previous good version
        time.sleep(1)
    # within a few seconds no kernel of this build is left running
    deadline = time.time() + 20
    while kernels_of(fake.build_dir) and time.time() < deadline:
        time.sleep(0.5)
    assert kernels_of(fake.build_dir) == []
    # the next build finishes the job
    res = fake.build()
    assert res.returncode == 0
    assert b"second edition" in (fake.reports / "02-beta.html").read_bytes()


@pytest.mark.parametrize("args, words", [
    (["--jobs", "0"], ["--jobs 0", "1 or more"]),
    (["-p", "year", "2011", "-p", "year", "2012"], ["-p year given twice"]),
])
def test_bad_command_line_is_refused(fake, args, words):
    res = fake.build(*args)
    assert res.returncode == 2
    for w in words:
        assert w in res.stderr
    assert not fake.reports.exists()


def test_missing_ipynb_names_the_file_and_the_fix(fake):
    (fake.notebooks / "02-beta.ipynb").unlink()
    res = fake.build()
    assert res.returncode == 2
    assert "02-beta.ipynb does not exist" in res.stderr and "make sync" in res.stderr
    assert not fake.reports.exists()


def test_console_script_is_installed():
    import sys

    script = Path(sys.executable).parent / "nato-build"
    assert script.exists(), "pip install -e . should install the nato-build console script"
    assert os.access(script, os.X_OK)


def test_only_kernel_start_up_failures_are_retried():
    """jupyter_client's start-up errors get one fresh kernel; a kernel dying mid-notebook is reported at once."""
    from nbclient.exceptions import DeadKernelError

    from helpers.pipeline import execute

    assert execute.kernel_start_failed(RuntimeError("Kernel died before replying to kernel_info"))
    assert execute.kernel_start_failed(RuntimeError("Kernel didn't respond in 60 seconds"))
    assert not execute.kernel_start_failed(DeadKernelError("Kernel died"))
    assert not execute.kernel_start_failed(ValueError("as_of: 'x' is not an ISO date"))
