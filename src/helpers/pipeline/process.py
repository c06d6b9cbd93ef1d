"""A build worker's process: set up once, die with the build, unwind on SIGTERM.

Workers die with the build (``PR_SET_PDEATHSIG``) and unwind on SIGTERM so papermill shuts its kernel down and no
half-written file is left. The settings a worker needs (thread caps, the section map, the edition, the kernels'
``PYTHONPATH``) come from the build as one ``env`` mapping (:func:`worker_env`), applied in the worker only: the
build process's own environment is never changed.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from helpers import cache

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS")
_STUB = (
    '"""Stand-in used only by build workers and their kernels (see helpers.pipeline.process.kernel_path)."""\n'
    'raise ImportError("rfc3987_syntax is not loaded in build kernels")\n'
)


class _Signals:
    """Set by the SIGTERM handler: the job wrapper then ends the process (see :func:`exit_if_terminating`)."""

    terminating = False


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP reached the build process (see :func:`stop_on_sigterm`): it stops as after Ctrl-C,
    unfinished reports keeping their previous version, and says so in one line naming the signal."""

    def __init__(self, signame: str = "SIGTERM", code: int = 143):
        super().__init__(signame)
        self.signame, self.code = signame, code


def stop_on_sigterm() -> None:
    """In the build process: SIGTERM raises :class:`Terminated` (by default it ended the build without a word),
    after passing SIGTERM on to the build's worker processes: each unwinds (its kernel shut down, its half-written
    files removed) instead of finishing a report nobody will wait for."""
    import multiprocessing
    import signal

    def stop(signum, frame) -> None:
        for child in multiprocessing.active_children():
            try:
                child.terminate()
            except (OSError, ValueError):
                pass
        raise Terminated(signal.Signals(signum).name, 128 + signum)

    signal.signal(signal.SIGTERM, stop)
    # a closed terminal (SIGHUP) ended the build with a worker's traceback; under nohup it stays ignored
    if signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:
        signal.signal(signal.SIGHUP, stop)


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
    jsonschema tolerates) changes no result and saves that time once per report. (A kernel is another process, so
    :func:`quiet_imports` cannot reach it.)
    """
    folder = build_dir / "kernel-path"
    stub = folder / "rfc3987_syntax.py"
    if not stub.exists() or stub.read_text(encoding="utf-8") != _STUB:
        cache.atomic_write(stub, _STUB.encode("utf-8"))
    return folder


def worker_env(collection: Path, lang: str, build_dir: Path, memo: Path | None = None) -> dict[str, str]:
    """The environment a worker (and every kernel it starts) runs with: one thread per BLAS/OpenMP pool, the
    section map and the edition being built, the kernels' stand-in module first on ``PYTHONPATH``, and where the
    reports share frames they work out alike (``memo``, in the build's cache; see ``helpers.tables.geo_memo``)."""
    from helpers import paths

    env = {v: "1" for v in THREAD_VARS}
    if memo is not None:
        env[paths.MEMO_VAR] = str(memo)
    env[paths.COLLECTION_VAR] = str(collection)
    env[paths.LANG_VAR] = lang
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(kernel_path(build_dir)), os.environ.get("PYTHONPATH", "")) if p)
    return env


def _terminate(signum, frame) -> None:
    # Unwind so papermill can shut the kernel down and half-written temporary files are removed; the job wrapper
    # then ends the process (the pool would otherwise catch SystemExit and wait for more work forever).
    _Signals.terminating = True
    raise SystemExit(128 + signum)


def exit_if_terminating() -> None:
    """End the process when SIGTERM arrived during the job just finished."""
    if _Signals.terminating:
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


def init_worker(env: dict[str, str], log: str, parent: int, kernels: bool = True, warm: tuple | None = None) -> None:
    """Set a pool process up: die with the build, the build's settings (``env``, see :func:`worker_env`), kernel
    chatter to ``log``, papermill (when some job runs a kernel) and the renderer imported once; ``warm`` (the
    notebooks' folder, the modules they import, the build folder, kernels to keep warm): its first kernel started
    before the renderer is imported."""
    _die_with_parent(parent)
    os.environ.update(env)  # this worker's own environment (its kernels inherit it), never the build's
    # Kernels inherit this process's stderr; their start-up chatter goes to build/kernels.log, not the terminal.
    Path(log).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    quiet_imports()
    if kernels:
        import papermill  # noqa: F401  (imported once per worker, reused for every report)
    if kernels and warm:
        from helpers.pipeline import plan
        from helpers.pipeline import warm as ahead

        cwd, modules, build_dir, budget = warm
        ahead.set_up(Path(cwd), modules, Path(build_dir), budget, plan.KERNEL)
    load_render()


def load_render():
    """``helpers.render`` (it pulls in nbconvert, altair and vl-convert; Python keeps it imported)."""
    return importlib.import_module("helpers.render")
