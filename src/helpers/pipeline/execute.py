"""Run one report's notebook in a kernel (papermill), with its data reads logged.

A kernel that dies before answering ``kernel_info`` (a start-up hiccup of a loaded machine) gets one fresh kernel
before a failure is reported. What each cell printed is cut at the section map's ``cell_output``; a cell that runs
past ``cell_timeout`` is stopped. Every data file the run read (``helpers.load`` logs them to ``$NATO_READ_LOG``,
set here in the worker for the kernel it starts) is returned with its content hash: the cache keys the report on
them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from helpers import cache, limits, paths
from helpers.models import BuildFailure, Entry
from helpers.pipeline import cell_timeout, warm
from helpers.pipeline.plan import KERNEL


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def kernel_start_failed(exc: BaseException) -> bool:
    """True for the errors jupyter_client raises when a kernel dies or times out while starting."""
    text = f"{type(exc).__name__}: {exc}"
    return "before replying to kernel_info" in text or "Kernel didn't respond" in text


def failure(stage: str, exc: BaseException) -> BuildFailure:
    """The failure of ``stage`` ("execute" or "render") from the exception being handled."""
    import traceback

    return BuildFailure(stage=stage, ename=type(exc).__name__, evalue=str(exc),
                        traceback=strip_ansi(traceback.format_exc()))


def _papermill(entry: Entry, executed: Path, timeout: int, kernel=None):
    """papermill on a fresh kernel, or on ``kernel`` (a :class:`helpers.pipeline.warm.Warm`, shut down after)."""
    import papermill as pm

    cell_timeout.register()
    on = ({"engine_name": warm.ENGINE, "km": kernel.km} if kernel is not None
          else {"engine_name": cell_timeout.ENGINE})
    return pm.execute_notebook(
        entry.notebook, str(executed), parameters=entry.parameters, kernel_name=KERNEL,
        cwd=str(Path(entry.notebook).parent), progress_bar=False, log_output=False,
        request_save_on_cell_execute=False, record_timing=False, execution_timeout=timeout,
        shutdown_kernel="immediate",  # the outputs are collected by then; a graceful shutdown only adds waiting
        **on,
    )


def _execute(entry: Entry, executed: Path, read_log: Path, kernel=None):
    """``(executed notebook or None, failure or None)``; a kernel that fails to start is retried once (fresh).
    ``kernel``: a warm kernel for the first attempt, whose reads go to its own log (copied to ``read_log``)."""
    import papermill as pm

    timeout = (entry.limits or {}).get("cell_timeout", limits.CELL_TIMEOUT)
    try:  # the debug notebook a failure names is this run's, never one left by an earlier run
        executed.unlink(missing_ok=True)
    except OSError:
        pass
    for attempt in (1, 2):
        if kernel is None:
            read_log.write_text("", encoding="utf-8")
        try:
            return _papermill(entry, executed, timeout, kernel), None
        except pm.PapermillExecutionError as exc:
            return None, BuildFailure(stage="execute", ename=exc.ename, evalue=str(exc.evalue),
                                      traceback=strip_ansi("\n".join(exc.traceback)), cell_index=exc.cell_index,
                                      exec_count=exc.exec_count, source=exc.source)
        except Exception as exc:  # kernel died, notebook unreadable, a cell ran too long …
            if attempt == 1 and kernel_start_failed(exc):
                kernel = _dropped(kernel)
                continue  # a start-up hiccup, not the notebook's fault: one fresh kernel
            if type(exc).__name__ == "CellTimeoutError":
                return None, BuildFailure(
                    stage="execute", ename="CellTimeout",
                    evalue=cell_timeout.message(timeout).replace("this cell", "a cell"),
                    traceback=strip_ansi(str(exc)))
            found = failure("execute", exc)
            if isinstance(exc, OSError) and exc.errno and not exc.filename:  # a full disk names no file
                found.evalue = (f"{exc.strerror} while the run wrote into the build folder "
                                f"{cache.relative(executed.parent)} (the executed notebook and the read log go there)")
            return None, found
    raise AssertionError("unreachable")


def cap(nb, entry: Entry, executed: Path) -> None:
    """Cut what each cell printed at the section map's ``cell_output`` (the executed notebook too, so neither the
    cache nor ``build/`` keeps more than the report shows)."""
    import nbformat

    if limits.cap_outputs(nb, (entry.limits or {}).get("cell_output", limits.CELL_OUTPUT)):
        nbformat.write(nb, str(executed))


def _reads(read_log: Path, entry: Entry) -> dict[str, str]:
    """``{data file: content hash}`` for every file the run logged reading."""
    reads = {}
    for line in read_log.read_text(encoding="utf-8").splitlines():
        if line.strip():
            p = Path(line.strip())
            p = p if p.is_absolute() else Path(entry.notebook).parent / p
            reads[cache.relative(p)] = cache.sha256_file(p) or "missing"
    return dict(sorted(reads.items()))


def _dropped(kernel) -> None:
    """A warm kernel that failed to answer: gone, with its reads (a fresh kernel runs the report again)."""
    if kernel is not None:
        kernel.read_log.unlink(missing_ok=True)
        kernel.discard()
    return None


def _done_with(kernel, read_log: Path) -> None:
    """A warm kernel's run is over: its read log (when still there) becomes the report's, and the kernel is gone
    (nbclient shut it down; this makes sure). Always None: no kernel to use any more."""
    if kernel is None:
        return None
    try:
        if kernel.read_log.exists():
            read_log.write_bytes(kernel.read_log.read_bytes())
            kernel.read_log.unlink()
    except OSError:  # the reads are unknown: none is better than an earlier run's
        read_log.write_text("", encoding="utf-8")
    kernel.discard()
    return None


def _mark_edition(nb, entry: Entry, executed: Path) -> None:
    """The executed notebook says which edition it was run for (``metadata.nato_report.lang``), so that
    ``python -m helpers.render`` makes a page of that language from it."""
    import nbformat

    if nb is not None:
        nb.metadata["nato_report"] = {"lang": entry.lang or "en"}
        nbformat.write(nb, str(executed))


def run_kernel(entry: Entry, executed: Path, read_log: Path):
    """Execute with the read log switched on (in this worker's environment, which a fresh kernel inherits; a warm
    kernel has a log of its own): ``(notebook or None, failure or None, reads)``."""
    kernel = warm.take(Path(entry.notebook).parent)
    os.environ[paths.READ_LOG_VAR] = str(read_log)
    try:
        nb, failed = _execute(entry, executed, read_log, kernel)
        _mark_edition(nb, entry, executed)
    finally:
        os.environ.pop(paths.READ_LOG_VAR, None)
        _done_with(kernel, read_log)
    return nb, failed, _reads(read_log, entry)
