"""One job in a worker process: execute (or only re-render) one report and write its files; or write the site's
shared assets. It reads top to bottom as execute → render → write:

- :mod:`~helpers.pipeline.process` sets the process up (signals, dying with the build, imports);
- :mod:`~helpers.pipeline.execute` runs the notebook in a kernel;
- :mod:`~helpers.pipeline.render_paths` makes the page one of three ways (:class:`~helpers.pipeline.jobs.RenderPath`);
- :mod:`~helpers.pipeline.placement` writes the files (a failure page never over a good report);
- :mod:`~helpers.pipeline.export_memo` keeps chart exports by content.

The job comes in and the result goes out as plain data (:mod:`helpers.pipeline.jobs`), so any executor that can
call a function in another process can run it.
"""

from __future__ import annotations

import time
from dataclasses import replace

from helpers import cache
from helpers.models import Entry
from helpers.pipeline import execute, placement, process, render_paths
from helpers.pipeline.export_memo import memoise_exports
from helpers.pipeline.jobs import Action, Ran, Rendered, RenderPath, ReportJob, ReportResult, SiteJob, SiteResult


def run_entry(job: dict) -> dict:
    """Execute (or re-render) and write one report (``job``: :meth:`ReportJob.to_dict`); the result as
    :meth:`ReportResult.to_dict`. Never raises for a notebook error (the result says it failed)."""
    try:
        return run_report(ReportJob.from_dict(job)).to_dict()
    finally:
        process.exit_if_terminating()


def run_report(job: ReportJob) -> ReportResult:
    process.quiet_imports()
    job.build.mkdir(parents=True, exist_ok=True)
    render = process.load_render()
    memoise_exports(job.cache / "exports")
    started = time.perf_counter()
    ran = execute_and_render(render, job)
    return replace(write_result(job, ran, render), seconds=time.perf_counter() - started)


def write_result(job: ReportJob, ran: Ran, render=None) -> ReportResult:
    """Write a rendered report (or its failure page) for ``job`` and say what was written. The local pool's
    workers call it after rendering; the Dask executor calls it in the build with the :class:`Ran` a worker sent
    back."""
    rendered, reads = ran.rendered, ran.reads
    entry = _with_data(job.entry, reads)
    result = ReportResult(name=entry.name, ok=rendered.failure is None, reads=reads, seconds=ran.seconds,
                          debug=cache.relative(job.executed), kernel=job.action is not Action.RENDER,
                          error=str(rendered.failure) if rendered.failure else "",
                          how="" if rendered.failure else rendered.how)
    if render is None and rendered.failure is not None:  # the failure page comes from the renderer
        render = process.load_render()
    return _write(render, job, entry, rendered, result)


def execute_and_render(render, job: ReportJob) -> Ran:
    """The report run (or only re-rendered, for ``Action.RENDER``) and rendered, not yet written."""
    name = job.entry.name
    if job.action is Action.RENDER:
        reads = job.reads
        return Ran(name, render_paths.prose_edit(render, job, _with_data(job.entry, reads)), reads)
    nb, failure, reads = execute.run_kernel(job.entry, job.executed, job.build / f"{name}.reads")
    entry = _with_data(job.entry, reads)
    if failure is not None:
        return Ran(name, Rendered.failed(failure, RenderPath.FULL), reads)
    execute.cap(nb, entry, job.executed)
    # rendered as saved, as a later re-render from the kept run reads it: the same key order in every chart's data,
    # so the same page and export bytes whichever path made them
    return Ran(name, render_paths.full(render, render_paths.saved(str(job.executed)), entry), reads)


def _with_data(entry: Entry, reads: dict[str, str]) -> Entry:
    return replace(entry, data_version=cache.data_fingerprint(reads), data_files=tuple(sorted(reads)))


def _write(render, job: ReportJob, entry: Entry, rendered: Rendered, result: ReportResult) -> ReportResult:
    """Write the report (or its failure page) and keep what the next prose edit needs."""
    if rendered.failure is not None:
        page = placement.failure_page(render, entry, rendered.failure, job.executed)
        outputs, where = placement.write_failure(job, entry, page)
        return replace(result, outputs=outputs, page=where)
    try:
        outputs = placement.write_files(rendered.files, job.reports, job.staging)
    except OSError as exc:  # a full disk, a linked folder: the report is not there, the earlier one stays
        return replace(result, ok=False, error=f"the report could not be written: {placement.os_error(exc)}")
    outputs.update(rendered.unchanged)  # export files a prose-only render left (kept_parts checked them)
    placement.drop_leftovers(job.previous, outputs, job.reports, entry.name)
    result = replace(result, outputs=outputs)
    try:  # the report is written; what follows only lets the next prose edit skip work
        executed = _keep_executed(job, entry)
        render_paths.keep_parts(job, entry, rendered.parts, outputs, executed)
    except OSError as exc:
        how = (f"{result.how}; " if result.how else "") + f"not kept in the cache ({exc.strerror or exc})"
        return replace(result, executed=None, how=how)
    return replace(result, executed=executed)


def _keep_executed(job: ReportJob, entry: Entry) -> str:
    """Keep the executed notebook in the cache (the source of prose-only re-renders): its content hash."""
    kept = cache.executed_path(job.cache, entry.name)
    if job.action is not Action.RENDER:
        cache.atomic_write(kept, job.executed.read_bytes())
    return cache.sha256_file(kept) or ""


def site_job(job: dict) -> dict:
    """Write the shared assets (``job``: :meth:`SiteJob.to_dict`), in a worker when the pool runs, else in the
    build process; the result as :meth:`SiteResult.to_dict`."""
    try:
        return write_site(SiteJob.from_dict(job)).to_dict()
    finally:
        process.exit_if_terminating()


def write_site(job: SiteJob) -> SiteResult:
    process.quiet_imports()
    if job.part != "assets":
        raise ValueError(f"unknown site part {job.part!r} (the build writes 'assets'; the index is written after "
                         "the pages, by helpers.pipeline.front_page)")
    files = dict(process.load_render().shared_assets())
    try:
        return SiteResult(job.part, placement.write_files(files, job.reports, job.staging))
    except OSError as exc:
        return SiteResult(job.part, error=placement.os_error(exc))  # the build names the part
