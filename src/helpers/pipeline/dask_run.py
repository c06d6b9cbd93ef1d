"""``--executor dask``: the same report jobs on ``dask.distributed`` — a ``LocalCluster`` of ``--jobs`` worker
processes by default, or the workers of a running scheduler (``--scheduler tcp://HOST:PORT``).

Workers share no file system with the build. A worker receives one :class:`~helpers.pipeline.jobs.ReportJob` as
plain data, runs the notebook in a kernel and renders it in a folder of its own (:func:`remote_report`), and sends
back the page, its exports, the executed notebook and the parts a later prose edit re-renders from. The build writes
them exactly as the local pool's workers do (:func:`helpers.pipeline.worker.write_result`): atomically, a failure
page never over a good report, the cache record last. So the two executors write the same bytes.

A worker needs the project's environment, not the build's files: a checkout of the same commit at the same path,
set up with ``make setup`` (the build checks the helpers code and the locked environment, and says so when a worker
differs). Re-renders that need no kernel (a prose edit) and the shared assets are written by the build itself.

Faults: a worker lost in the middle of a report (killed, out of memory, its machine gone) has the report run again
on another worker by the scheduler; a report whose workers keep dying fails alone with a failure page; a notebook
that raises fails only its own report; Ctrl-C cancels every report not finished, closes the local cluster and
leaves the reports not finished at their previous version.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from helpers import cache, paths
from helpers.models import BuildFailure
from helpers.pipeline import process, run, worker
from helpers.pipeline.export_memo import memoise_exports
from helpers.pipeline.jobs import Action, Ran, Rendered, RenderPath, ReportJob, ReportResult
from helpers.pipeline.plan import BuildError, PlannedStep
from helpers.pipeline.summary import Progress

SCHEDULER = re.compile(r"^(tcp|tls)://[A-Za-z0-9.\-\[\]:]+:\d{1,5}$", re.ASCII)
CONNECT_TIMEOUT = 20  # seconds to reach a scheduler given with --scheduler


def check_scheduler(address: str) -> str:
    """``--scheduler`` as given, or BuildError naming what is allowed."""
    if not SCHEDULER.match(address):
        raise BuildError(f"--scheduler {address!r}: write the scheduler's address as tcp://HOST:PORT (e.g. "
                         "tcp://10.0.0.5:8786, what `dask scheduler` prints)")
    return address


# ----------------------------------------------------------------------------------------------- on the worker


@functools.lru_cache(maxsize=1)
def _own_hashes() -> tuple[str, str]:
    return cache.code_hash(), cache.environment_hash()


@functools.lru_cache(maxsize=1)
def _scratch() -> Path:
    """This worker process's folder: the kernels' stand-in module and the chart-export memo (kept between
    reports of one worker, gone with the machine's temporary files)."""
    return Path(tempfile.mkdtemp(prefix="nato-dask-worker-"))


@functools.lru_cache(maxsize=1)
def _kernel_log() -> Path:
    """Kernels inherit this worker's stderr: their start-up chatter goes to a file in the worker's own folder (as
    the local pool sends it to build/kernels.log), not to the terminal of the build or of ``dask worker``."""
    log = _scratch() / "kernels.log"
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    return log


def _apply_env(env: dict[str, str]) -> None:
    """The build's settings for this worker and the kernels it starts (``NATO_*``, thread caps); ``NATO_*`` left
    by an earlier build on the same worker are removed first."""
    for key in [k for k in os.environ if k.startswith("NATO_") and k not in env]:
        del os.environ[key]
    os.environ.update(env)
    stub = str(process.kernel_path(_scratch()))
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != stub]
    os.environ["PYTHONPATH"] = os.pathsep.join([stub, *rest])


def _refusal(job: ReportJob, expect: dict[str, str]) -> str:
    """Why this worker cannot build the report as the build would, or ""."""
    if not Path(job.entry.notebook).is_file():
        return (f"this worker has no {job.entry.notebook}: every worker needs a checkout of the project at the same "
                f"path as the build's, set up with `make setup`")
    code, env = _own_hashes()
    if code != expect.get("code"):
        return ("this worker's helpers code differs from the build's: check out the build's commit on every worker "
                "and restart it")
    if env != expect.get("env"):
        return ("this worker's locked environment (constraints.txt) differs from the build's: check out the build's "
                "commit on every worker, run `make setup` and restart it")
    return ""


def remote_report(job: dict, env: dict[str, str], expect: dict[str, str]) -> Ran:
    """Run one report on a Dask worker (``job``: :meth:`ReportJob.to_dict` of the build); what the build writes, as
    the local pool's workers hand it on (:class:`~helpers.pipeline.jobs.Ran`), with the executed notebook's bytes.
    Nothing is written outside this worker's own temporary folder."""
    process.quiet_imports()
    _apply_env(env)
    _kernel_log()
    given = ReportJob.from_dict(job)
    started = time.perf_counter()
    refused = _refusal(given, expect)
    if refused:
        failure = BuildFailure(stage="execute", ename="WorkerMismatch", evalue=refused)
        return Ran(given.entry.name, Rendered.failed(failure, RenderPath.FULL))
    with tempfile.TemporaryDirectory(prefix="nato-dask-job-") as tmp:
        here = Path(tmp)
        local = replace(given, reports=here / "reports", build=here / "build", cache=here / "cache",
                        staging=here / "staging", previous=None)
        local.build.mkdir(parents=True)
        render = process.load_render()
        memoise_exports(_scratch() / "exports")
        ran = worker.execute_and_render(render, local)
        executed = local.executed.read_bytes() if local.executed.is_file() else None
    return replace(ran, seconds=time.perf_counter() - started, executed=executed)


# ------------------------------------------------------------------------------------------------ in the build


def write_payload(job: PlannedStep, ran: Ran, dirs: run.Dirs) -> ReportResult:
    """Write what a worker sent back, as the local pool's worker would have written it (the executed notebook into
    ``build/``, the page and exports atomically into ``reports/``, a failure page never over a good report, the
    kept run and parts into the cache)."""
    rjob = run.report_job(job, dirs)
    if ran.executed is not None:
        try:
            cache.atomic_write(rjob.executed, ran.executed)
        except OSError as exc:
            run._uncached(dirs, f"{rjob.entry.name} (executed notebook)", exc)
    return worker.write_result(rjob, ran)


def _env(collection: Path, lang: str, build: Path) -> dict[str, str]:
    """What the workers run with: the build's ``NATO_*`` settings and the pool's worker environment (the kernels'
    stand-in module is made by each worker in its own folder)."""
    env = {k: v for k, v in os.environ.items() if k.startswith("NATO_") and k != paths.READ_LOG_VAR}
    env.update({k: v for k, v in process.worker_env(collection, lang, build).items() if k != "PYTHONPATH"})
    return env


def _client(n_workers: int, scheduler: str | None):
    """``(client, local cluster or None)``; BuildError when the scheduler cannot be reached."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as exc:
            raise BuildError(f"--scheduler {scheduler}: no Dask scheduler answered within {CONNECT_TIMEOUT} s "
                             f"({exc}); start one with `dask scheduler` and workers with `dask worker {scheduler} "
                             "--nthreads 1`") from None
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _died(job: PlannedStep, exc: BaseException, dirs: run.Dirs) -> ReportResult:
    """A report whose workers kept dying fails alone, with its failure page (never over a good report)."""
    res = run.died(job, dirs)
    return replace(res, error=f"{res.error} ({type(exc).__name__}: the scheduler gave up after its workers died "
                              "running it)")


def _submit_all(client, remote: list[PlannedStep], dirs: run.Dirs, env: dict, expect: dict, futures: dict) -> None:
    """Submit each report to the workers under a key of its own for this build, into ``futures`` one by one (an
    interrupted submission still cancels what it submitted)."""
    token = uuid.uuid4().hex[:8]
    for job in remote:
        fut = client.submit(remote_report, run.report_job(job, dirs).to_dict(), env, expect, pure=False,
                            key=f"nato-report-{job.entry.name}-{token}")
        futures[fut] = job


def run_dask(jobs: list[PlannedStep], site: dict, dirs: run.Dirs, n_workers: int, collection: Path, lang: str,
             scheduler: str | None = None) -> dict:
    """Run ``jobs`` on Dask and record each result; ``{report name: result}`` like :func:`run.run_pool`.
    KeyboardInterrupt propagates once every unfinished report is cancelled and the local cluster is closed."""
    from distributed import as_completed

    here = [j for j in jobs if j.action != Action.EXECUTE.value]
    remote = [j for j in jobs if j.action == Action.EXECUTE.value]
    if not remote:
        return run.run_here(here, site, dirs)
    dirs.build.mkdir(parents=True, exist_ok=True)
    env = _env(collection, lang, dirs.build)
    expect = {"code": cache.code_hash(), "env": cache.environment_hash()}
    client, cluster = _client(n_workers, scheduler)  # before anything is written: an unreachable one refuses
    progress = Progress(len(remote))
    futures: dict = {}
    try:
        _submit_all(client, remote, dirs, env, expect, futures)
        # while the workers run the kernels: re-renders that need none, and the shared assets, here
        results = run.run_here(here, site, dirs)
        progress.update([f"{len(futures)} on the Dask cluster"])
        for fut in as_completed(list(futures)):
            job = futures.pop(fut)
            try:
                res = write_payload(job, fut.result(), dirs)
            except Exception as exc:  # noqa: BLE001 (a lost report fails alone; KilledWorker: its workers died)
                res = _died(job, exc, dirs) if type(exc).__name__ == "KilledWorker" else run._crashed(job, exc)
            run.record(job, res, dirs)
            results[job.entry.name] = res
            progress.update([f"{len(futures)} more on the Dask cluster"], advance=1)
    except BaseException:
        client.cancel(list(futures), force=True)
        raise
    finally:
        progress.stop()
        client.close()
        if cluster is not None:
            cluster.close()
    return results
