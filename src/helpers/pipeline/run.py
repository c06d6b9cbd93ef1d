"""Run the planned jobs on a bounded pool of worker processes and record each result in the cache.

Reports go first (the long work), then the index and the shared assets on whichever worker frees up. A build
whose every job is a prose-only re-render runs them in its own process (:func:`run_here`): no kernel is needed,
and starting a worker would cost more than the work. No more
jobs are submitted than the pool can run, so "running" in the progress line is honest. Workers are started with
``spawn`` and keep their imports between jobs; BLAS/OpenMP threads are capped at one per worker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpers import cache, paths
from helpers.pipeline import placement, worker
from helpers.pipeline.plan import Job
from helpers.pipeline.summary import Progress

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS")


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


def _worker_env(collection: Path, build_dir: Path) -> dict[str, str]:
    env = {v: "1" for v in THREAD_VARS}
    env["NATO_COLLECTION"] = str(collection)
    env["NATO_LANG"] = paths.language()  # the edition being built (its kernels and renderer)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(worker.kernel_path(build_dir)), os.environ.get("PYTHONPATH", "")) if p)
    return env


def report_job(job: Job, dirs: Dirs) -> dict:
    """What a worker needs for one report (plain data: it crosses a process boundary)."""
    previous = cache.read_record(dirs.cache, job.entry.name)
    return {"entry": job.entry.to_dict(), "action": job.action, "key": job.key, "reports": str(dirs.reports),
            "build": str(dirs.build), "cache": str(dirs.cache), "staging": str(dirs.staging),
            "previous": previous, "reads": (previous or {}).get("data", {})}


def record(job: Job, res: dict, dirs: Dirs) -> None:
    """A success is recorded; a failure that replaced the report drops the record (the next build tries again);
    a failure that kept a good earlier report keeps that report's record."""
    name = job.entry.name
    try:
        if res["ok"]:
            cache.write_record(dirs.cache, name, key=job.key, render=job.render, data=res["reads"],
                               outputs=res["outputs"], executed=res.get("executed"))
        elif res["outputs"]:
            cache.drop_record(dirs.cache, name)
    except OSError as exc:
        _uncached(dirs, name, exc)


def record_site(dirs: Dirs, part: str, key: str, outputs: dict | None) -> None:
    if outputs is None:  # not written (the error is reported by the build)
        return
    try:
        cache.write_record(dirs.cache, f"_{part}", key=key, render="", data={}, outputs=outputs, executed=None)
    except OSError as exc:
        _uncached(dirs, f"_{part}", exc)


def _uncached(dirs: Dirs, name: str, exc: OSError) -> None:
    """A record that cannot be written (a full or read-only cache) costs a rebuild next time, nothing else."""
    import sys

    print(f"warning: {name}: the cache record could not be written to {dirs.cache} ({exc.strerror or exc}); the "
          "report is written, and will be built again next time", file=sys.stderr)


def _crashed(job: Job, exc: BaseException) -> dict:
    return {"name": job.entry.name, "ok": False, "seconds": 0.0, "outputs": {}, "reads": {}, "kernel": True,
            "error": f"worker crashed: {type(exc).__name__}: {exc}", "debug": ""}


def run_here(jobs: list[Job], site: dict[str, dict], dirs: Dirs) -> dict:
    """Re-renders that need no kernel, in this process: starting a worker would cost more than the work."""
    results: dict[str, dict] = {}
    for job in jobs:
        res = worker.run_entry(report_job(job, dirs))
        record(job, res, dirs)
        results[job.entry.name] = res
    for part, item in site.items():
        site_result(dirs, part, item, worker.site_job(item), results)
    return results


def site_result(dirs: Dirs, part: str, item: dict, res: dict, results: dict) -> None:
    """Record a written site part; an unwritten one goes into ``results`` under ``_<part>`` (the build says so)."""
    if res.get("error"):
        results[f"_{part}"] = res
        return
    record_site(dirs, part, item["key"], res["outputs"])


def _pool(n_workers: int, env: dict, log: Path, kernels: bool):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=worker.init_worker, initargs=(env, str(log), os.getpid(), kernels))


def _submit(pool, kind: str, item, site: dict, dirs: Dirs):
    fn, arg = (worker.run_entry, report_job(item, dirs)) if kind == "report" else (worker.site_job, site[item])
    return pool.submit(fn, arg)


def _may_start(kind: str, item, pending: dict, suspects: set[str]) -> bool:
    """A report that was running when a worker died runs alone, so a second death names it."""
    if not pending:
        return True
    alone = kind == "report" and item.entry.name in suspects
    return not alone and not any(k == "report" and i.entry.name in suspects for k, i in pending.values())


def run_pool(jobs: list[Job], site: dict[str, dict], dirs: Dirs, n_workers: int, collection: Path) -> dict:
    """Run ``jobs`` and the site parts; ``{report name: result}``. KeyboardInterrupt propagates after the pool
    has shut down (unfinished reports keep their previous version).

    A worker that dies (killed, or a crash in native code such as the chart renderer) breaks the whole pool: the
    pool is started again and the reports that were running are run again, one at a time; the report that kills
    its worker when running alone fails with a failure page, and every other report is built."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    env = _worker_env(collection, dirs.build)
    os.environ.update(env)
    dirs.build.mkdir(parents=True, exist_ok=True)
    log = dirs.build / "kernels.log"
    log.write_text("", encoding="utf-8")  # this build's kernel chatter only
    progress = Progress(len(jobs))
    kernels = any(j.action == "execute" for j in jobs)
    pool = _pool(n_workers, env, log, kernels)
    queue: list = [("report", j) for j in jobs] + [("site", part) for part in site]
    pending: dict = {}
    results: dict[str, dict] = {}
    suspects: set[str] = set()
    site_breaks = 0
    try:
        while queue or pending:
            while queue and len(pending) < n_workers and _may_start(*queue[0], pending, suspects):
                kind, item = queue.pop(0)
                pending[_submit(pool, kind, item, site, dirs)] = (kind, item)
            progress.update([i.entry.name for k, i in pending.values() if k == "report"])
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list = []
            for fut in done:
                kind, item = pending.pop(fut)
                try:
                    res = fut.result()
                except BrokenProcessPool:
                    broken.append((kind, item))
                    continue
                except Exception as exc:  # noqa: BLE001 (a report job raised: that report fails, no other)
                    if kind == "site":
                        raise
                    res = _crashed(item, exc)
                if kind == "site":
                    site_result(dirs, item, site[item], res, results)
                    continue
                _finish(item, res, dirs, results, progress, pending)
            if not broken:
                continue
            broken += list(pending.values())  # every job of a broken pool is lost
            pending.clear()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = _pool(n_workers, env, log, kernels)
            site_breaks += _after_break(broken, queue, suspects, dirs, results, progress)
            if site_breaks > 2:
                raise RuntimeError("the worker writing the index or the shared assets died three times")
    finally:
        progress.stop()
        pool.shutdown(wait=True, cancel_futures=True)
    return results


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


def _finish(item: Job, res: dict, dirs: Dirs, results: dict, progress: Progress, pending: dict) -> None:
    record(item, res, dirs)
    results[item.entry.name] = res
    progress.update([i.entry.name for k, i in pending.values() if k == "report"], advance=1)


def died(job: Job, dirs: Dirs) -> dict:
    """The result of a report whose worker died while running it alone, with its failure page written (never over
    a good report)."""
    from helpers.models import BuildFailure

    entry = job.entry
    failure = BuildFailure(stage="execute" if job.action == "execute" else "render", ename="WorkerDied",
                           evalue="the build's worker process died while building this report (it was killed, or "
                                  "crashed in native code such as the chart renderer); the other reports were built",
                           traceback="")
    res = _crashed(job, RuntimeError(failure.evalue))
    res["error"] = f"WorkerDied: {failure.evalue}"
    res["debug"] = cache.relative(dirs.build / f"{entry.name}.ipynb")
    try:
        render = worker._load_render()
    except Exception:  # noqa: BLE001 (the plain failure page needs no renderer)
        render = None
    page = placement.failure_page(render, entry, failure, dirs.build / f"{entry.name}.ipynb")
    res["outputs"], res["page"] = placement.write_failure(report_job(job, dirs), entry, page)
    return res
