"""Issue 19: what crosses the process boundary is typed, plain and complete (``helpers.pipeline.jobs``), and the
build does not change its own environment."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from helpers import paths
from helpers.models import BuildFailure, Entry
from helpers.pipeline import jobs, process


def _entry() -> Entry:
    return Entry(id="02", stem="02-nato-enlargement", name="02-nato-enlargement--as_of-2001-06-15", title="T",
                 summary="S", paragraphs="P3", parameters={"as_of": "2001-06-15"}, output="x.html",
                 notebook="/n/02.ipynb", variant="as_of-2001-06-15", limits={"cell_timeout": 60},
                 data_files=("data/memberships.csv",), lang="ar")


def test_a_report_job_crosses_as_json_and_comes_back_equal(tmp_path):
    """An executor that ships JSON or pickles (the process pool, a Dask worker) gets the same job."""
    job = jobs.ReportJob(entry=_entry(), action=jobs.Action.RENDER, key="k", reports=tmp_path / "r",
                         build=tmp_path / "b", cache=tmp_path / "c", staging=tmp_path / "s",
                         previous=jobs.Previous(key="k", render="r", data={"data/memberships.csv": "abc"},
                                                outputs={}, executed="e", format=2))
    wire = json.loads(json.dumps(job.to_dict()))
    assert jobs.ReportJob.from_dict(wire) == job
    assert pickle.loads(pickle.dumps(job)) == job
    assert job.reads == {"data/memberships.csv": "abc"}  # a re-render shows the last run's data version
    assert job.executed == tmp_path / "b" / "02-nato-enlargement--as_of-2001-06-15.ipynb"


def test_results_and_site_jobs_cross_and_come_back_equal(tmp_path):
    result = jobs.ReportResult(name="n", ok=False, seconds=1.5, outputs={"n.html": "h"}, error="E in cell 3: x",
                               page="build/n.failure.html", executed=None)
    assert jobs.ReportResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result
    site = jobs.SiteJob("assets", "k", (_entry(),), tmp_path / "r", tmp_path / "s")
    assert jobs.SiteJob.from_dict(json.loads(json.dumps(site.to_dict()))) == site


def test_each_render_path_says_how_the_page_was_made():
    """The summary's detail column names the path a prose edit took; a full render adds nothing."""
    def how(path, edited=0):
        return jobs.Rendered({}, None, None, path, edited).how

    assert how(jobs.RenderPath.FULL) == ""
    assert how(jobs.RenderPath.CACHED_RUN) == "re-rendered without a kernel"
    assert how(jobs.RenderPath.PROSE_ONLY, 2) == "2 edited prose cells rendered in the kept page, no kernel"
    assert how(jobs.RenderPath.PROSE_ONLY, 1) == "1 edited prose cell rendered in the kept page, no kernel"
    assert how(jobs.RenderPath.PROSE_ONLY) == "the kept page written again, no kernel"
    failed = jobs.Rendered.failed(BuildFailure("render", "E", "x"), jobs.RenderPath.CACHED_RUN)
    assert failed.files == {} and failed.failure.ename == "E"


def test_the_workers_settings_leave_the_build_process_environment_alone(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.LANG_VAR, raising=False)
    before = dict(os.environ)
    env = process.worker_env(tmp_path / "collection.toml", "ar", tmp_path / "build")
    assert env[paths.LANG_VAR] == "ar" and env[paths.COLLECTION_VAR] == str(tmp_path / "collection.toml")
    assert env["OMP_NUM_THREADS"] == "1"
    assert dict(os.environ) == before


def test_an_edition_and_a_section_map_are_scoped_not_written_to_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.LANG_VAR, raising=False)
    monkeypatch.delenv(paths.COLLECTION_VAR, raising=False)
    other = tmp_path / "collection.toml"
    with paths.using(collection=other, lang="ar"):
        assert paths.language() == "ar" and paths.collection() == other
        assert paths.LANG_VAR not in os.environ and paths.COLLECTION_VAR not in os.environ
    assert paths.language() == "en" and paths.collection() == paths.COLLECTION


def test_the_reports_folder_is_read_when_asked_not_at_import(tmp_path, monkeypatch):
    monkeypatch.setenv("NATO_REPORTS_DIR", str(tmp_path))
    assert paths.reports_dir() == tmp_path.resolve()
    assert paths.REPORTS == Path(paths.ROOT) / "reports"  # the default, whatever the environment said at import


def test_a_failing_prose_only_render_is_logged_with_its_cause(tmp_path, caplog):
    """The prose-only path falls back to a whole render, and says why in the log (a regression there would
    otherwise show only as a slower build)."""
    import logging
    from dataclasses import replace

    import nbformat

    from helpers.pipeline import render_paths

    nb_path = tmp_path / "n.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# hi")]), str(nb_path))

    class Render:
        @staticmethod
        def respin(parts, nb, entry):
            raise KeyError("glance")

    with caplog.at_level(logging.WARNING, logger="helpers.pipeline.render_paths"):
        out = render_paths._in_kept_page(Render, {"exports": {}}, replace(_entry(), notebook=str(nb_path)))
    assert out is None
    assert "prose-only re-render failed" in caplog.text and "KeyError: 'glance'" in caplog.text


def test_a_renamed_field_fails_at_the_boundary_instead_of_disappearing():
    """A result or a cache record with a field the other side does not know is refused, naming the field."""
    wire = dict(jobs.ReportResult(name="n", ok=True).to_dict(), secs=1.0)
    with pytest.raises(ValueError, match=r"ReportResult: unknown field secs \(allowed: name, ok, seconds"):
        jobs.ReportResult.from_dict(wire)
    entry = dict(_entry().to_dict(), langauge="ar")  # a field renamed on one side: a bare TypeError in the worker
    job = dict(jobs.ReportJob(entry=_entry(), action=jobs.Action.RENDER, key="k", reports=Path("r"), build=Path("b"),
                              cache=Path("c"), staging=Path("s")).to_dict(), entry=entry)
    with pytest.raises(ValueError, match=r"Entry: unknown field langauge \(allowed: id, stem"):
        jobs.ReportJob.from_dict(job)
    site = dict(jobs.SiteJob("assets", "k", (_entry(),), Path("r"), Path("s")).to_dict(), entries=[entry])
    with pytest.raises(ValueError, match=r"Entry: unknown field langauge"):
        jobs.SiteJob.from_dict(site)
    with pytest.raises(ValueError, match=r"SiteJob: unknown field parts"):
        jobs.SiteJob.from_dict(dict(site, parts="x"))
    record = {"format": 2, "key": "k", "render": "r", "data": {}, "outputs": {}, "executed": None, "reads": {}}
    with pytest.raises(ValueError, match="Previous: unknown field reads"):
        jobs.Previous.from_dict(record)


def test_a_dask_worker_sends_back_the_type_a_local_worker_writes(monkeypatch, tmp_path):
    """Both executors hand a :class:`jobs.Ran` to ``worker.write_result``; a Dask worker's, refused here because its
    checkout differs, crosses by pickle unchanged."""
    from helpers.pipeline import dask_run

    for name in ("_apply_env", "_kernel_log"):
        monkeypatch.setattr(dask_run, name, lambda *a: None)
    monkeypatch.setattr(dask_run.process, "quiet_imports", lambda: None)
    job = jobs.ReportJob(entry=_entry(), action=jobs.Action.EXECUTE, key="k", reports=tmp_path / "r",
                         build=tmp_path / "b", cache=tmp_path / "c", staging=tmp_path / "s")
    ran = dask_run.remote_report(job.to_dict(), {}, {"code": "0" * 64, "env": "0" * 64})
    assert isinstance(ran, jobs.Ran) and pickle.loads(pickle.dumps(ran)) == ran
    assert ran.name == job.entry.name and ran.rendered.failure.ename == "WorkerMismatch"
