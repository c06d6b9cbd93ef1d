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
from helpers.pipeline import worker
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
    if res["ok"]:
        cache.write_record(dirs.cache, name, key=job.key, render=job.render, data=res["reads"],
                           outputs=res["outputs"], executed=res.get("executed"))
    elif res["outputs"]:
        cache.drop_record(dirs.cache, name)


def record_site(dirs: Dirs, part: str, key: str, outputs: dict) -> None:
    cache.write_record(dirs.cache, f"_{part}", key=key, render="", data={}, outputs=outputs, executed=None)


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
        record_site(dirs, part, item["key"], worker.site_job(item)["outputs"])
    return results


def run_pool(jobs: list[Job], site: dict[str, dict], dirs: Dirs, n_workers: int, collection: Path) -> dict:
    """Run ``jobs`` and the site parts; ``{report name: result}``. KeyboardInterrupt propagates after the pool
    has shut down (unfinished reports keep their previous version)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    env = _worker_env(collection, dirs.build)
    os.environ.update(env)
    dirs.build.mkdir(parents=True, exist_ok=True)
    log = dirs.build / "kernels.log"
    log.write_text("", encoding="utf-8")  # this build's kernel chatter only
    progress = Progress(len(jobs))
    pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=worker.init_worker, initargs=(env, str(log), os.getpid(),
                                         any(j.action == "execute" for j in jobs)))
    queue: list = [("report", j) for j in jobs] + [("site", part) for part in site]
    pending: dict = {}
    results: dict[str, dict] = {}
    try:
        while queue or pending:
            while queue and len(pending) < n_workers:
                kind, item = queue.pop(0)
                fn, arg = (worker.run_entry, report_job(item, dirs)) if kind == "report" else (worker.site_job,
                                                                                                site[item])
                pending[pool.submit(fn, arg)] = (kind, item)
            progress.update([i.entry.name for k, i in pending.values() if k == "report"])
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                kind, item = pending.pop(fut)
                if kind == "site":
                    res = fut.result()  # a broken renderer is a bug to see, not to hide
                    record_site(dirs, item, site[item]["key"], res["outputs"])
                    continue
                try:
                    res = fut.result()
                except Exception as exc:  # worker crashed: no report written for this entry
                    res = _crashed(item, exc)
                record(item, res, dirs)
                results[item.entry.name] = res
                progress.update([i.entry.name for k, i in pending.values() if k == "report"], advance=1)
    finally:
        progress.stop()
        pool.shutdown(wait=True, cancel_futures=True)
    return results
