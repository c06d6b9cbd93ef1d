"""Run the planned jobs on a bounded pool of worker processes and record each result in the cache.

Reports go first (the long work), then the index and the shared assets on whichever worker frees up. A build
whose every job is a prose-only re-render runs them in its own process (:func:`run_here`): no kernel is needed,
and starting a worker would cost more than the work. No more
jobs are submitted than the pool can run, so "running" in the progress line is honest. Workers are started with
``spawn`` and keep their imports between jobs; BLAS/OpenMP threads are capped at one per worker.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from helpers import cache
from helpers.models import BuildFailure
from helpers.pipeline import placement, process, worker
from helpers.pipeline.jobs import Action, Previous, ReportJob, ReportResult, SiteJob, SiteResult
from helpers.pipeline.plan import PlannedStep
from helpers.pipeline.summary import Progress


@dataclass(frozen=True)
class Dirs:
    reports: Path
    build: Path
    cache: Path
    staging: Path


def cores() -> int:
    """Cores this process may use (what `nproc` prints)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def report_job(job: PlannedStep, dirs: Dirs) -> ReportJob:
    """What a worker needs for one report (with the last build's record, read here: the worker reads no cache
    record of its own)."""
    return ReportJob(entry=job.entry, action=Action(job.action), key=job.key, reports=dirs.reports,
                     build=dirs.build, cache=dirs.cache, staging=dirs.staging,
                     previous=Previous.from_dict(cache.read_record(dirs.cache, job.entry.name)))


def record(job: PlannedStep, res: ReportResult, dirs: Dirs) -> None:
    """A success is recorded; a failure that replaced the report drops the record (the next build tries again);
    a failure that kept a good earlier report keeps that report's record."""
    name = job.entry.name
    try:
        _failed_list(dirs, job.entry, res)
        if res.ok:
            cache.write_record(dirs.cache, name, key=job.key, render=job.render, data=res.reads,
                               outputs=res.outputs, executed=res.executed, limits=job.entry.limits)
        elif res.outputs:
            cache.drop_record(dirs.cache, name)
    except OSError as exc:
        _uncached(dirs, name, exc)


def _failed_list(dirs: Dirs, entry, res: ReportResult) -> None:
    """The list of reports whose last build failed (:data:`placement.FAILED_LIST`): this one leaves it when it
    built, joins it when it failed and its good earlier page was kept. One that cannot be written is said in one
    line (the index then shows the page as current)."""
    try:
        if res.ok:
            placement.clear_failure(dirs, entry.name)
        elif not res.outputs:
            placement.mark_failed(dirs, entry)
    except OSError as exc:
        import sys

        print(f"warning: the list of failed builds ({cache.relative(dirs.reports / placement.FAILED_LIST)}) was not "
              f"updated for {entry.name}: {placement.os_error(exc)}", file=sys.stderr)


def record_site(dirs: Dirs, part: str, key: str, outputs: dict | None, notes: dict[str, str] | None = None) -> None:
    """A site part's cache record; ``notes`` (``{output: what the part says of it}``, e.g. the reports the index
    marks failed) are kept in its ``data`` (a site part has no data of its own) for a later build to read."""
    if outputs is None:  # not written (the error is reported by the build)
        return
    try:
        cache.write_record(dirs.cache, f"_{part}", key=key, render="", data=notes or {}, outputs=outputs,
                           executed=None)
    except OSError as exc:
        _uncached(dirs, f"_{part}", exc)


def _uncached(dirs: Dirs, name: str, exc: OSError) -> None:
    """A record that cannot be written (a full or read-only cache) costs a rebuild next time, nothing else."""
    import sys

    print(f"warning: {name}: the cache record could not be written to {dirs.cache} ({exc.strerror or exc}); the "
          "report is written, and will be built again next time", file=sys.stderr)


def _crashed(job: PlannedStep, exc: BaseException) -> ReportResult:
    return ReportResult(name=job.entry.name, ok=False, error=f"worker crashed: {type(exc).__name__}: {exc}")


def run_here(jobs: list[PlannedStep], site: dict[str, SiteJob], dirs: Dirs, on_page=None) -> dict:
    """Re-renders that need no kernel, in this process: starting a worker would cost more than the work.
    ``on_page(path)`` is told each page as soon as it is written (the live preview reloads it then)."""
    results: dict = {}
    for job in jobs:
        res = worker.run_report(report_job(job, dirs))
        _announce(on_page, job, res, dirs)
        record(job, res, dirs)
        results[job.entry.name] = res
    for item in site.values():
        site_result(dirs, item, worker.write_site(item), results)
    return results


def _announce(on_page, job: PlannedStep, res: ReportResult, dirs: Dirs) -> None:
    if on_page is not None and res.outputs:  # something was written: the page, or its failure page
        on_page(dirs.reports / job.entry.output)


def site_result(dirs: Dirs, item: SiteJob, res: SiteResult, results: dict) -> None:
    """Record a written site part; an unwritten one goes into ``results`` under ``_<part>`` (the build says so)."""
    if res.error:
        results[f"_{item.part}"] = res
        return
    record_site(dirs, item.part, item.key, res.outputs)


def _pool(n_workers: int, env: dict, log: Path, kernels: bool, warm: tuple | None = None):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=process.init_worker,
                               initargs=(env, str(log), os.getpid(), kernels, warm))


def warm_kernels(jobs: list[PlannedStep], n_workers: int, collection: Path, dirs: Dirs) -> tuple | None:
    """What a worker needs to keep a warm kernel (:mod:`helpers.pipeline.warm`): the notebooks' folder, the
    modules imported by the notebooks this build runs (a sweep of 08 does not import scipy for 02's tests), the
    build folder, and as many kernels as the worker is expected to run (its share of the reports that execute)."""
    from helpers.pipeline import warm

    runs = sum(1 for j in jobs if j.action == "execute")
    if not runs:
        return None
    notebooks = sorted({Path(j.entry.notebook) for j in jobs if j.action == "execute"})
    return str(collection.parent), warm.collection_imports(notebooks), str(dirs.build), -(-runs // n_workers)


def _submit(pool, kind: str, item, site: dict, dirs: Dirs):
    """Submit one job as plain data (:mod:`helpers.pipeline.jobs`)."""
    if kind == "report":
        return pool.submit(worker.run_entry, report_job(item, dirs).to_dict())
    return pool.submit(worker.site_job, site[item].to_dict())


def _may_start(kind: str, item, pending: dict, suspects: set[str]) -> bool:
    """A report that was running when a worker died runs alone, so a second death names it."""
    if not pending:
        return True
    alone = kind == "report" and item.entry.name in suspects
    return not alone and not any(k == "report" and i.entry.name in suspects for k, i in pending.values())


def _workers(jobs: list[PlannedStep], dirs: Dirs, n_workers: int, collection: Path, lang: str, warm: bool):
    """How the workers start: the first pool (with warm kernels when asked), and how to start a fresh one after a
    worker died. Both give the workers their own environment (the build's own is never written) and the kernel
    log."""
    from functools import partial

    env = process.worker_env(collection, lang, dirs.build, dirs.cache / "memo")
    kernels = any(j.action == "execute" for j in jobs)
    fresh = partial(_pool, n_workers, env, _kernel_log(dirs), kernels)
    return fresh(warm_kernels(jobs, n_workers, collection, dirs) if warm else None), fresh


def run_pool(jobs: list[PlannedStep], site: dict[str, SiteJob], dirs: Dirs, n_workers: int, collection: Path,
             lang: str, on_page=None, warm: bool = False) -> dict:
    """Run ``jobs`` and the site parts; ``{report name: result}``. KeyboardInterrupt propagates after the pool
    has shut down (unfinished reports keep their previous version).

    A worker that dies (killed, or a crash in native code such as the chart renderer) breaks the whole pool: the
    pool is started again and the reports that were running are run again, one at a time; the report that kills
    its worker when running alone fails with a failure page, and every other report is built."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pool, fresh_pool = _workers(jobs, dirs, n_workers, collection, lang, warm)
    progress = Progress(len(jobs), on_page)
    queue: list = [("report", j) for j in jobs] + [("site", part) for part in site]
    pending: dict = {}
    results: dict = {}
    suspects: set[str] = set()
    site_breaks = 0
    try:
        while queue or pending:
            _fill(pool, queue, pending, n_workers, suspects, site, dirs)
            progress.update([i.entry.name for k, i in pending.values() if k == "report"])
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = _collect(done, pending, site, dirs, results, progress)
            if not broken:
                continue
            broken += list(pending.values())  # every job of a broken pool is lost
            pending.clear()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = fresh_pool()  # after a worker died: fresh kernels
            site_breaks += _after_break(broken, queue, suspects, dirs, results, progress)
            if site_breaks > 2:
                raise RuntimeError("the worker writing the index or the shared assets died three times")
    except KeyboardInterrupt:
        _stop_workers(pending, lambda done: _collect(done, pending, site, dirs, results, progress))
        raise
    finally:
        progress.stop()
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _stop_workers(pending: dict, collect, grace: float = 3.0) -> None:
    """After an interrupt: Ctrl-C reached the workers too (one process group) and they unwind on their own; a
    SIGINT sent to the build process alone did not, and each would finish its report first. So the workers still
    running after ``grace`` seconds get SIGTERM, on which they unwind the same way (kernel shut down, half-written
    files removed, no report written). The jobs that did finish are then handed to ``collect`` (recorded, so the
    stop line counts them)."""
    import multiprocessing
    from concurrent.futures import wait

    try:
        wait(pending, timeout=grace)
    except KeyboardInterrupt:  # a second Ctrl-C: stop them now
        pass
    for child in multiprocessing.active_children():
        try:
            child.terminate()
        except (OSError, ValueError):
            pass
    with contextlib.suppress(Exception):
        collect([f for f in pending if f.done()])


def _kernel_log(dirs: Dirs) -> Path:
    """The build's kernel log, emptied: it holds this build's kernel chatter only."""
    dirs.build.mkdir(parents=True, exist_ok=True)
    log = dirs.build / "kernels.log"
    log.write_text("", encoding="utf-8")
    return log


def _fill(pool, queue: list, pending: dict, n_workers: int, suspects: set[str], site: dict, dirs: Dirs) -> None:
    """Submit queued jobs while a worker is free and the next job may start (see :func:`_may_start`)."""
    while queue and len(pending) < n_workers and _may_start(*queue[0], pending, suspects):
        kind, item = queue.pop(0)
        pending[_submit(pool, kind, item, site, dirs)] = (kind, item)


def _collect(done, pending: dict, site: dict, dirs: Dirs, results: dict, progress: Progress) -> list:
    """Record the finished jobs ``done``; the jobs lost to a broken pool, to run again."""
    from concurrent.futures.process import BrokenProcessPool

    broken: list = []
    for fut in done:
        kind, item = pending.pop(fut)
        try:
            res = _result(kind, fut.result())
        except BrokenProcessPool:
            broken.append((kind, item))
            continue
        except Exception as exc:  # noqa: BLE001 (a report job raised: that report fails, no other)
            if kind == "site":
                raise
            res = _crashed(item, exc)
        if kind == "site":
            site_result(dirs, site[item], res, results)
            continue
        _finish(item, res, dirs, results, progress, pending)
    return broken


def _after_break(broken: list, queue: list, suspects: set[str], dirs: Dirs, results: dict,
                 progress: Progress) -> int:
    """After a worker died: a report that was running alone fails (its failure page written); reports that ran
    beside others become suspects and run again one at a time; site parts are queued again. 1 when a site part was
    among the lost jobs, else 0."""
    reports = [item for kind, item in broken if kind == "report"]
    if len(reports) == 1 and len(broken) == 1:
        _finish(reports[0], died(reports[0], dirs), dirs, results, progress, {})
    else:
        suspects.update(item.entry.name for item in reports)
        queue[:0] = [("report", item) for item in reports]
    sites = [(kind, item) for kind, item in broken if kind == "site"]
    queue += sites
    return 1 if sites else 0


def _result(kind: str, data: dict) -> ReportResult | SiteResult:
    return ReportResult.from_dict(data) if kind == "report" else SiteResult.from_dict(data)


def _finish(item: PlannedStep, res: ReportResult, dirs: Dirs, results: dict, progress: Progress, pending: dict) -> None:
    _announce(progress.on_page, item, res, dirs)
    record(item, res, dirs)
    results[item.entry.name] = res
    progress.update([i.entry.name for k, i in pending.values() if k == "report"], advance=1)


def died(job: PlannedStep, dirs: Dirs) -> ReportResult:
    """The result of a report whose worker died while running it alone, with its failure page written (never over
    a good report)."""
    entry = job.entry
    failure = BuildFailure(stage="execute" if job.action == "execute" else "render", ename="WorkerDied",
                           evalue="the build's worker process died while building this report (it was killed, or "
                                  "crashed in native code such as the chart renderer); the other reports were built",
                           traceback="")
    try:
        render = process.load_render()
    except Exception:  # noqa: BLE001 (the plain failure page needs no renderer)
        render = None
    rjob = report_job(job, dirs)
    page = placement.failure_page(render, entry, failure, rjob.executed)
    outputs, where = placement.write_failure(rjob, entry, page)
    return ReportResult(name=entry.name, ok=False, error=f"WorkerDied: {failure.evalue}",
                        debug=cache.relative(rjob.executed), outputs=outputs, page=where)
