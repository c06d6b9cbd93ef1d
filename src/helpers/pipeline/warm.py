"""Warm kernels: a build worker starts its next kernel ahead of need, with the collection's imports already done, so
a report does not wait for a kernel to start and for pandas, Altair and the helpers to import.

Each kernel runs exactly one report and is then shut down (:class:`OneUse`): nothing a notebook defines or changes
reaches another report. The imports run before the report in the kernel's own process, silently and outside the
history (``silent=True, store_history=False``: no execution count, no ``_``/``Out`` entry) and in a function whose
name is deleted after it ran, so the notebook starts from the same namespace and the same counters as a fresh kernel;
only ``sys.modules`` is ahead. Each kernel logs its data reads to a file of its own, named in its environment when it
starts (``$NATO_READ_LOG``), because the report it will run is not known yet.

papermill runs the notebook on the warm kernel through an engine of its own (``engine_name="warm"``,
:class:`WarmEngine`): nbclient is handed the kernel manager, and shuts the kernel down with its client when the
notebook is done. A kernel that died or failed its imports is discarded and the report runs on a fresh kernel, as
without this module.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

from helpers import paths

ENGINE = "warm"
HIST = "--HistoryManager.hist_file=:memory:"  # what nbclient gives the kernels it starts
IMPORT_TIMEOUT = 120.0


def collection_imports(notebooks: list[Path]) -> list[str]:
    """The modules the notebooks' code cells import (``from a import b`` gives ``a`` and ``a.b``, which may be a
    name rather than a module: the warm-up skips what does not import)."""
    import nbformat

    names: set[str] = set()
    for path in notebooks:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 (the build reports an unreadable notebook; warming skips it)
            continue
        for cell in nb.cells:
            if cell.cell_type == "code":
                names.update(_imported(cell.source))
    return sorted(names)


def _imported(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython syntax (magics) or a broken cell: the notebook's run will say so
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def warm_up_code(modules: list[str]) -> str:
    """Kernel code that imports ``modules`` and leaves no name behind.

    Then everything the imports made is moved out of the garbage collector's view (``gc.freeze()``): modules,
    classes and functions live as long as the kernel, yet each full collection during the report walked them all
    again (≈0.2 s of CPU in 02's run). Nothing a report makes is frozen, and collection decides no output."""
    return ("def __nato_warm_up():\n"
            "    import gc\n"
            "    import importlib\n"
            f"    for name in {modules!r}:\n"
            "        try:\n"
            "            importlib.import_module(name)\n"
            "        except ImportError:\n"
            "            pass\n"
            "    gc.freeze()\n"
            "__nato_warm_up()\n"
            "del __nato_warm_up\n")


def manager(kernel_name: str):
    """A kernel manager whose clients are asynchronous (what nbclient drives), itself synchronous (what this
    worker drives between reports)."""
    from jupyter_client.manager import KernelManager

    return KernelManager(kernel_name=kernel_name, client_class="jupyter_client.asynchronous.AsyncKernelClient")


@dataclass
class Warm:
    """One started kernel: its manager, the warm-up request still to be answered, its read log."""

    km: object
    client: object
    msg_id: str
    read_log: Path

    def ready(self, timeout: float = IMPORT_TIMEOUT) -> bool:
        """Wait for the warm-up's reply; True when the imports ran and the kernel is alive."""
        try:
            while True:
                reply = self.client.get_shell_msg(timeout=timeout)
                if reply["parent_header"].get("msg_id") == self.msg_id:
                    return reply["content"].get("status") == "ok" and self.km.is_alive()
        except Exception:  # noqa: BLE001 (no answer in time, a dead kernel: not warm)
            return False
        finally:
            self.client.stop_channels()

    def discard(self) -> None:
        try:
            self.client.stop_channels()
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 (already gone)
            pass


def start(kernel_name: str, cwd: Path, modules: list[str], read_log: Path) -> Warm:
    """Start a kernel in ``cwd`` with its read log and send it the warm-up; returns at once (the kernel starts and
    imports in its own process while this worker goes on)."""
    read_log.parent.mkdir(parents=True, exist_ok=True)
    read_log.write_text("", encoding="utf-8")
    km = manager(kernel_name)
    km.start_kernel(extra_arguments=[HIST], cwd=str(cwd), env={**os.environ, paths.READ_LOG_VAR: str(read_log)})
    client = km.blocking_client()
    client.start_channels()
    msg_id = client.execute(warm_up_code(modules), silent=True, store_history=False)
    return Warm(km, client, msg_id, read_log)


class Pool:
    """A worker's warm kernel: one ready for the next report, started as soon as the last one was taken, up to
    ``budget`` kernels (the reports this worker is expected to run: a kernel nobody takes is work lost)."""

    def __init__(self, kernel_name: str, cwd: Path, modules: list[str], folder: Path, budget: int) -> None:
        self.kernel_name, self.cwd, self.modules, self.folder = kernel_name, cwd, modules, folder
        self.budget = budget
        self.count = 0
        self.next: Warm | None = None

    def fill(self) -> None:
        if self.next is None and self.count < self.budget:
            self.count += 1
            log = self.folder / f"warm-{os.getpid()}-{self.count}.reads"
            try:
                self.next = start(self.kernel_name, self.cwd, self.modules, log)
            except Exception:  # noqa: BLE001 (a kernel that cannot start: the report starts its own, and says why)
                self.next = None

    def take(self, cwd: Path) -> Warm | None:
        """The warm kernel for a report run in ``cwd`` (None: run it on a fresh kernel); the next one is started
        once this one has answered (so its start does not slow this one's imports)."""
        warm, self.next = self.next, None
        if warm is not None and (Path(cwd) != self.cwd or not warm.ready()):
            warm.discard()
            warm = None
        self.fill()
        return warm

    def close(self) -> None:
        if self.next is not None:
            self.next.discard()
            self.next = None


_POOL: list[Pool] = []  # this worker's pool, when it has one (set up by :func:`set_up`)


def set_up(cwd: Path, modules: list[str], build_dir: Path, budget: int, kernel_name: str) -> None:
    """Give this worker process a pool that starts its first kernel now, in ``cwd`` (the notebooks' folder), with
    ``modules`` imported ahead; its last kernel is shut down when the worker exits."""
    from multiprocessing.util import Finalize

    if _POOL or budget < 1:
        return
    try:
        register_engine()
    except Exception:  # noqa: BLE001 (no papermill engines: warm kernels are a speed-up, each report starts its own)
        return
    pool = Pool(kernel_name, Path(cwd), modules, build_dir / "warm", budget)
    _POOL.append(pool)
    Finalize(pool, pool.close, exitpriority=10)
    pool.fill()


def take(cwd: Path) -> Warm | None:
    """A warm kernel for the next report of this worker, or None (no pool, none left, or it did not warm up)."""
    return _POOL[0].take(cwd) if _POOL else None


def register_engine() -> None:
    """Make ``engine_name="warm"`` known to papermill (once per process)."""
    from papermill.engines import NBClientEngine, papermill_engines

    from helpers.pipeline import cell_timeout

    if ENGINE in papermill_engines._engines:
        return

    class OneUse(cell_timeout.client()):
        """papermill's client on a kernel it did not start, which it shuts down (with its client) when done."""

        def execute(self, **kwargs):
            return super().execute(cleanup_kc=True, **kwargs)

    class WarmEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            return cell_timeout.run(nb_man, kernel_name, client_class=OneUse, **kwargs)

    papermill_engines.register(ENGINE, WarmEngine)
