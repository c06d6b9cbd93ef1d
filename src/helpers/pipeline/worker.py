"""One job in a worker process: run (or only re-render) one report and write its files; or write the site files.

Heavy imports (papermill, nbformat, the renderer with nbconvert, altair and vl-convert) happen here, once per
worker process. Workers die with the build (``PR_SET_PDEATHSIG``) and unwind on SIGTERM so papermill shuts its
kernel down and no half-written file is left. A kernel that dies before answering ``kernel_info`` (a start-up
hiccup of a loaded machine) gets one fresh kernel before a failure is reported.

Files written: the report and its exports, atomically, under ``reports/``. When a report fails and a good report
of the same name is already there, the good one (and its exports) is kept and the failure page goes to
``build/<name>.failure.html``; otherwise the failure page takes the report's place and the exports of an earlier
build of that report are removed, so no stale chart or table sits beside a failure page.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from helpers import cache, paths
from helpers.models import BuildFailure, Entry
from helpers.pipeline.placement import drop_leftovers, failure_page, write_failure, write_files
from helpers.pipeline.plan import INDEX, KERNEL

_log = logging.getLogger(__name__)

_RENDER: Any = None
_TERMINATING = False
_STUB = (
    '"""Stand-in used only by build workers and their kernels (see helpers.pipeline.worker.kernel_path)."""\n'
    'raise ImportError("rfc3987_syntax is not loaded in build kernels")\n'
)


# ---------------------------------------------------------------------------------------------- process set-up


def quiet_imports() -> None:
    """Skip ``rfc3987_syntax`` (≈0.8 s to import, pulled in by jsonschema's optional format checkers through
    nbformat); nothing the build does validates IRIs. Setting it to None makes its import raise ImportError,
    which jsonschema already tolerates."""
    sys.modules.setdefault("rfc3987_syntax", None)


def kernel_path(build_dir: Path) -> Path:
    """A folder put first on the workers' and kernels' ``PYTHONPATH`` holding one stand-in module.

    ``import altair`` in a kernel pulls in jsonschema's optional format checkers, and with them
    ``rfc3987_syntax``, which spends ≈0.8 s building a parser at import. It only checks the ``iri`` and
    ``iri-reference`` formats, which the Vega-Lite schema never uses, so a module that raises ImportError (which
    jsonschema tolerates) changes no result and saves that time once per report.
    """
    folder = build_dir / "kernel-path"
    stub = folder / "rfc3987_syntax.py"
    if not stub.exists() or stub.read_text(encoding="utf-8") != _STUB:
        cache.atomic_write(stub, _STUB.encode("utf-8"))
    return folder


def _terminate(signum, frame) -> None:
    # Unwind so papermill can shut the kernel down and half-written temporary files are removed; the job wrapper
    # then ends the process (the pool would otherwise catch SystemExit and wait for more work forever).
    global _TERMINATING
    _TERMINATING = True
    raise SystemExit(128 + signum)


def _exit_if_terminating() -> None:
    if _TERMINATING:
        os._exit(143)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to send SIGTERM to this worker when the build process dies (even by SIGKILL), so no worker
    keeps running reports nobody will record, and no kernel is left behind."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        raise SystemExit(143)


def init_worker(env: dict[str, str], log: str, parent: int, kernels: bool = True) -> None:
    """Set a pool process up: die with the build, kernel chatter to ``log``, papermill (when some job runs a
    kernel) and the renderer imported once."""
    _die_with_parent(parent)
    os.environ.update(env)
    # Kernels inherit this process's stderr; their start-up chatter goes to build/kernels.log, not the terminal.
    Path(log).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    quiet_imports()
    global _RENDER
    if kernels:
        import papermill  # noqa: F401  (imported once per worker, reused for every report)
    _RENDER = _load_render()


def _load_render():
    """``helpers.render``, imported once per worker (it pulls in nbconvert, altair and vl-convert)."""
    import importlib

    return importlib.import_module("helpers.render")


def memoise_exports(folder: Path) -> None:
    """Keep vl-convert's SVG and PNG exports by content: the same chart spec, vl-convert version, helpers code
    and locked environment give the same bytes, so a re-render (a prose edit, a variant, a data change that
    leaves a chart alone) reads them from ``folder`` instead of starting vl-convert's engine (≈1.5 s per chart
    on a loaded machine). Applied once per process; ``make clean`` empties it with the rest of the cache."""
    import vl_convert as vlc

    salt = {"vl_convert": getattr(vlc, "__version__", ""), "code": cache.code_hash(),
            "env": cache.environment_hash()}
    for fn_name in ("vegalite_to_svg", "vegalite_to_png", "vega_to_svg", "vega_to_png"):
        original = getattr(vlc, fn_name, None)
        if original is None or getattr(original, "memoised", False):
            continue

        def memoised(spec, *args, _original=original, _name=fn_name, **kwargs):
            key = cache.sha256_bytes(cache.canonical({"fn": _name, "spec": spec, "args": args, "kwargs": kwargs,
                                                      **salt}))
            path = folder / key[:2] / key
            try:
                data = path.read_bytes()
            except OSError:
                result = _original(spec, *args, **kwargs)
                try:
                    cache.atomic_write(path, result.encode("utf-8") if isinstance(result, str) else result)
                except OSError:
                    pass  # a full or read-only cache: the export is made again next time
                return result
            return data.decode("utf-8") if _name.endswith("svg") else data

        memoised.memoised = True
        setattr(vlc, fn_name, memoised)


# ---------------------------------------------------------------------------------------------- execution


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def kernel_start_failed(exc: BaseException) -> bool:
    """True for the errors jupyter_client raises when a kernel dies or times out while starting."""
    text = f"{type(exc).__name__}: {exc}"
    return "before replying to kernel_info" in text or "Kernel didn't respond" in text


def _failure(stage: str, exc: BaseException) -> BuildFailure:
    import traceback

    return BuildFailure(stage=stage, ename=type(exc).__name__, evalue=str(exc),
                        traceback=_strip_ansi(traceback.format_exc()))


def _execute(entry: Entry, executed: Path, read_log: Path):
    """``(executed notebook or None, failure or None)``; a kernel that fails to start is retried once."""
    import papermill as pm

    from helpers import limits

    timeout = (entry.limits or {}).get("cell_timeout", limits.CELL_TIMEOUT)
    for attempt in (1, 2):
        read_log.write_text("", encoding="utf-8")
        try:
            nb = pm.execute_notebook(
                entry.notebook, str(executed), parameters=entry.parameters, kernel_name=KERNEL,
                cwd=str(Path(entry.notebook).parent), progress_bar=False, log_output=False,
                request_save_on_cell_execute=False, record_timing=False, execution_timeout=timeout,
                # the outputs are collected by then; a graceful shutdown only adds waiting
                shutdown_kernel="immediate",
            )
            return nb, None
        except pm.PapermillExecutionError as exc:
            return None, BuildFailure(stage="execute", ename=exc.ename, evalue=str(exc.evalue),
                                      traceback=_strip_ansi("\n".join(exc.traceback)), cell_index=exc.cell_index,
                                      exec_count=exc.exec_count, source=exc.source)
        except Exception as exc:  # kernel died, notebook unreadable, a cell ran too long …
            if attempt == 1 and kernel_start_failed(exc):
                continue  # a start-up hiccup, not the notebook's fault: one fresh kernel
            if type(exc).__name__ == "CellTimeoutError":
                return None, BuildFailure(
                    stage="execute", ename="CellTimeout",
                    evalue=f"a cell ran longer than the limit of {timeout} seconds and was stopped (cell_timeout "
                           "in collection.toml)", traceback=_strip_ansi(str(exc)))
            return None, _failure("execute", exc)
    raise AssertionError("unreachable")


def _cap(nb, entry: Entry, executed: Path) -> None:
    """Cut what each cell printed at the section map's ``cell_output`` (the executed notebook too, so neither the
    cache nor ``build/`` keeps more than the report shows)."""
    import nbformat

    from helpers import limits

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


def _run_kernel(entry: Entry, executed: Path, read_log: Path):
    """Execute with the read log switched on: ``(notebook, failure, reads)``."""
    os.environ[paths.READ_LOG_VAR] = str(read_log)
    try:
        nb, failure = _execute(entry, executed, read_log)
    finally:
        os.environ.pop(paths.READ_LOG_VAR, None)
    return nb, failure, _reads(read_log, entry)


def _from_cache(entry: Entry, cached: Path):
    """The cached executed notebook with the notebook's current markdown: ``(notebook, failure)``."""
    import nbformat

    from helpers.pipeline.prose_merge import merge_prose

    try:
        current = nbformat.read(entry.notebook, as_version=4)
        kept = nbformat.reader.reads(cached.read_text(encoding="utf-8"))  # as papermill wrote (and checked) it
        if kept.get("nbformat") != 4:
            kept = nbformat.read(cached, as_version=4)
        return merge_prose(kept, current), None
    except Exception as exc:
        return None, _failure("render", exc)


# ---------------------------------------------------------------------------------------------- rendering


def _render(render, nb, entry: Entry):
    """``(files, parts, failure)``: the whole notebook rendered."""
    try:
        files, parts = render.render_report_parts(nb, entry)
        if entry.output not in files:
            raise RuntimeError(f"render_report returned no {entry.output} (got {sorted(files)})")
        return files, parts, None
    except Exception as exc:
        return {}, None, _failure("render", exc)


def _notebook(path: str):
    """The notebook as saved (no schema check: only its cells are used, and the cache key vouches for its code)."""
    import nbformat

    nb = nbformat.reader.reads(Path(path).read_text(encoding="utf-8"))
    return nb if nb.get("nbformat") == 4 else nbformat.read(path, as_version=4)


def _rerender(render, job: dict, entry: Entry):
    """A prose edit, with no kernel either way: ``(files, parts, failure, how it was rendered, export files left
    as they are)``. In the kept page when its parts still describe it (only the edited prose rendered), else the
    whole notebook from the kept run."""
    kept = kept_parts(job, entry)
    if kept is not None:
        try:
            spun = render.respin(kept, _notebook(entry.notebook), entry)
        except Exception:  # the whole render below gives the page (or says why not); the cause is logged, not lost
            _log.warning("%s: the prose-only re-render failed; rendering the whole page instead", entry.name,
                         exc_info=True)
            spun = None
        if spun is not None:
            page, parts, edited = spun
            how = (f"{edited} edited prose cell{'s' if edited != 1 else ''} rendered in the kept page" if edited
                   else "the kept page written again")
            return {entry.output: page}, parts, None, f"{how}, no kernel", kept["exports"]
    nb, failure = _from_cache(entry, cache.executed_path(Path(job["cache"]), entry.name))
    if failure is not None:
        return {}, None, failure, "", {}
    return (*_render(render, nb, entry), "re-rendered without a kernel", {})


def kept_parts(job: dict, entry: Entry) -> dict | None:
    """The parts kept by the last full render of this run, when they still describe the report in ``reports/``:
    the same run (execution key and kept notebook) and every export file as written."""
    previous = job.get("previous") or {}
    try:
        parts = json.loads(cache.parts_path(Path(job["cache"]), entry.name).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(parts, dict) or parts.get("key") != job.get("key") or \
            parts.get("executed") != previous.get("executed") or not isinstance(parts.get("exports"), dict):
        return None
    reports = Path(job["reports"])
    if any(cache.sha256_file(reports / rel) != digest for rel, digest in parts["exports"].items()):
        return None
    return parts


def keep_parts(job: dict, entry: Entry, parts: dict, outputs: dict[str, str], executed: str) -> None:
    parts = dict(parts, key=job.get("key"), executed=executed,
                 exports={rel: d for rel, d in outputs.items() if rel != entry.output})
    cache.atomic_write(cache.parts_path(Path(job["cache"]), entry.name),
                       json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8"))


# ---------------------------------------------------------------------------------------------- jobs


def run_entry(job: dict) -> dict:
    """Execute (or re-render) and write one report; never raises for a notebook error (returns a failure)."""
    try:
        return _run_entry(job)
    finally:
        _exit_if_terminating()


def _run_entry(job: dict) -> dict:
    quiet_imports()
    entry = Entry(**job["entry"])
    build_dir, cache_dir = Path(job["build"]), Path(job["cache"])
    build_dir.mkdir(parents=True, exist_ok=True)
    executed = build_dir / f"{entry.name}.ipynb"
    render = _RENDER if _RENDER is not None else _load_render()
    memoise_exports(cache_dir / "exports")
    started = time.perf_counter()
    if job["action"] == "render":
        reads = dict(job["reads"])
        entry = replace(entry, data_version=cache.data_fingerprint(reads), data_files=tuple(sorted(reads)))
        files, parts, failure, how, unchanged = _rerender(render, job, entry)
    else:
        nb, failure, reads = _run_kernel(entry, executed, build_dir / f"{entry.name}.reads")
        entry = replace(entry, data_version=cache.data_fingerprint(reads), data_files=tuple(sorted(reads)))
        files, parts, how, unchanged = {}, None, "", {}
        if failure is None:
            _cap(nb, entry, executed)
            files, parts, failure = _render(render, nb, entry)
    result = {"name": entry.name, "ok": failure is None, "reads": reads, "debug": cache.relative(executed),
              "kernel": job["action"] != "render", "error": str(failure) if failure else "",
              "how": how}
    if failure is not None:
        result["outputs"], result["page"] = write_failure(job, entry, failure_page(render, entry, failure, executed))
    else:
        try:
            result["outputs"] = write_files(files, Path(job["reports"]), Path(job["staging"]))
        except OSError as exc:  # a full disk, a linked folder: the report is not there, the earlier one stays
            result.update(ok=False, outputs={}, page="", seconds=time.perf_counter() - started,
                          error=f"the report could not be written: {exc.strerror or exc}"
                                + (f" ({exc.filename})" if getattr(exc, "filename", None) else ""))
            return result
        result["outputs"].update(unchanged)  # export files a re-render in the kept page left (kept_parts checked)
        drop_leftovers(job.get("previous"), result["outputs"], Path(job["reports"]))
        try:  # the report is written; what follows only lets the next prose edit skip work
            result["executed"] = _keep_executed(job, entry, executed)
            keep_parts(job, entry, parts, result["outputs"], result["executed"])
        except OSError as exc:
            result["executed"] = None
            result["how"] = (f"{how}; " if how else "") + f"not kept in the cache ({exc.strerror or exc})"
    result["seconds"] = time.perf_counter() - started
    return result


def _keep_executed(job: dict, entry: Entry, executed: Path) -> str:
    """Keep the executed notebook in the cache (the source of prose-only re-renders): its content hash."""
    kept = cache.executed_path(Path(job["cache"]), entry.name)
    if job["action"] != "render":
        cache.atomic_write(kept, executed.read_bytes())
    return cache.sha256_file(kept) or ""


def site_job(job: dict) -> dict:
    """Write the shared assets or the index (in a worker when the pool runs, else in the main process)."""
    try:
        quiet_imports()
        entries = [Entry(**e) for e in job["entries"]]
        render = _RENDER if _RENDER is not None else _load_render()
        files = dict(render.shared_assets()) if job["part"] == "assets" else {INDEX: render.render_index(entries)}
        try:
            return {"part": job["part"], "outputs": write_files(files, Path(job["reports"]), Path(job["staging"]))}
        except OSError as exc:
            what = "the shared assets" if job["part"] == "assets" else "the index page"
            return {"part": job["part"], "outputs": {},
                    "error": f"{what} could not be written: {exc.strerror or exc}"
                             + (f" ({exc.filename})" if getattr(exc, "filename", None) else "")}
    finally:
        _exit_if_terminating()
