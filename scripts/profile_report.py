"""Where one report of a sweep spends its time (a measurement, not a test).

Builds a few reports of one notebook (default 02 at three month-ends) in this process, the way a build worker
does, and times each stage: the kernel's start, the collection's imports in it, the notebook's run, the page
(nbconvert and the page parts), the chart exports inside it (vl-convert's SVG and PNG, kept by content: a chart
that does not change with the parameter is exported once per sweep), and writing the files. Everything goes to a
temporary folder; ``reports/`` is not touched.

    python scripts/profile_report.py [--only 02] [--values 2021-01-31,2021-02-28,2021-03-31]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from helpers import params, paths  # noqa: E402


class Clock:
    """Wall time and CPU time (this process's and its kernel's) per stage: on a shared machine the CPU seconds are
    what the report costs, the wall seconds also carry the waiting for other work."""

    def __init__(self) -> None:
        self.marks: dict[str, tuple[float, float]] = {}
        self.exports = 0.0
        self.exports_cpu = 0.0
        self.exported = 0
        self.kernel_cpu = 0.0  # the kernel process's CPU seconds, last seen (sampled until it exits)
        self.last = (time.perf_counter(), time.process_time(), 0.0)

    def watch(self, pid: int) -> None:
        import threading

        import psutil

        proc = psutil.Process(pid)

        def sample() -> None:
            while True:
                try:
                    t = proc.cpu_times()
                    self.kernel_cpu = t.user + t.system
                except psutil.Error:
                    return
                time.sleep(0.02)

        threading.Thread(target=sample, daemon=True).start()

    def mark(self, stage: str) -> None:
        wall, cpu, kernel = self.last
        self.last = (time.perf_counter(), time.process_time(), self.kernel_cpu)
        self.marks[stage] = (self.last[0] - wall, self.last[1] - cpu + self.last[2] - kernel)


_NOW: list[Clock] = []  # the report being timed


def _timed_exports() -> None:
    """Count the time spent inside vl-convert's export functions (as memoised by the build), once per process."""
    import vl_convert as vlc

    from helpers.pipeline.export_memo import FUNCTIONS

    for name in FUNCTIONS:
        inner = getattr(vlc, name)

        def timed(*args, _inner=inner, **kwargs):
            t, c = time.perf_counter(), time.process_time()
            try:
                return _inner(*args, **kwargs)
            finally:
                _NOW[-1].exports += time.perf_counter() - t
                _NOW[-1].exports_cpu += time.process_time() - c
                _NOW[-1].exported += 1

        setattr(vlc, name, timed)


def _kernel(clock: Clock, notebooks: list[Path], read_log: Path):
    from helpers.pipeline import plan, warm

    kernel = warm.start(plan.KERNEL, notebooks[0].parent, [], read_log)
    clock.watch(kernel.km.provisioner.process.pid)
    kernel.ready()
    clock.mark("kernel start (to its first answer)")
    client = kernel.km.blocking_client()
    client.start_channels()
    kernel.client, kernel.msg_id = client, client.execute(
        warm.warm_up_code(warm.collection_imports(notebooks)), silent=True, store_history=False)
    kernel.ready()
    clock.mark("the collection's imports in the kernel")
    return kernel


def one_report(entry, dirs: dict, notebooks: list[Path]) -> Clock:
    import papermill as pm

    from helpers.pipeline import execute, placement, plan, warm
    from helpers.render import page

    clock = Clock()
    _NOW.append(clock)
    kernel = _kernel(clock, notebooks, dirs["build"] / f"{entry.name}.reads")
    nb = pm.execute_notebook(entry.notebook, str(dirs["build"] / f"{entry.name}.ipynb"),
                             parameters=entry.parameters, kernel_name=plan.KERNEL, engine_name=warm.ENGINE,
                             km=kernel.km, cwd=str(Path(entry.notebook).parent), progress_bar=False,
                             request_save_on_cell_execute=False, shutdown_kernel="immediate", record_timing=True)
    clock.mark("the notebook's run (papermill)")
    clock.cells = sorted(((c.metadata.get("papermill", {}).get("duration") or 0.0, i, c.source.splitlines()[0][:60])
                          for i, c in enumerate(nb.cells) if c.cell_type == "code"), reverse=True)[:4]
    execute.cap(nb, entry, dirs["build"] / f"{entry.name}.ipynb")
    files, _ = page.render_report_parts(nb, entry)
    clock.mark("page")
    wall, cpu = clock.marks.pop("page")
    clock.marks["page: nbconvert and page parts"] = (wall - clock.exports, cpu - clock.exports_cpu)
    clock.marks[f"page: chart exports ({clock.exported} SVG/PNG calls)"] = (clock.exports, clock.exports_cpu)
    placement.write_files(files, dirs["reports"], dirs["staging"])
    clock.mark("writing the files")
    return clock


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="02")
    ap.add_argument("--values", default="2021-01-31,2021-02-28,2021-03-31")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="nato-profile-"))
    os.environ.update({"NATO_REPORTS_DIR": str(tmp / "reports"), "NATO_BUILD_DIR": str(tmp / "build"),
                       "NATO_CACHE_DIR": str(tmp / "cache"), "NATO_EDITIONS": "en"})
    try:
        return _profile(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _profile(args, tmp: Path) -> int:
    from helpers import cache
    from helpers.pipeline import plan, process, warm
    from helpers.pipeline.export_memo import memoise_exports

    t = time.perf_counter()
    # the kernels import this checkout's helpers (the environment may have another checkout's installed)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    process.quiet_imports()
    os.environ.update(process.worker_env(params.collection_path(), "en", tmp / "build", tmp / "cache" / "memo"))
    import papermill  # noqa: F401

    process.load_render()
    print(f"worker set-up, once per worker (papermill and the renderer imported): {time.perf_counter() - t:.2f}s")
    memoise_exports(tmp / "cache" / "exports")
    warm.register_engine()
    _timed_exports()
    collection = params.collection_path()
    notebooks = [collection.parent / f"{nb.stem}.ipynb" for nb in params.notebooks(collection)]
    dirs = {"reports": tmp / "reports", "build": tmp / "build", "staging": None}
    for d in ("reports", "build"):
        dirs[d].mkdir(parents=True, exist_ok=True)
    dirs["staging"] = cache.staging_dir(dirs["reports"])
    one, two = os.getloadavg()[0], None
    for value in args.values.split(","):
        _, chosen = plan.all_entries(collection, {"as_of": value}, [args.only])
        with paths.using(lang="en"):
            clock = one_report(replace(chosen[0], lang="en"), dirs, notebooks)
        wall, cpu = (sum(m[i] for m in clock.marks.values()) for i in (0, 1))
        print(f"{chosen[0].name}: {wall:.2f}s wall, {cpu:.2f}s CPU (this process and its kernel)")
        for stage, (w, c) in clock.marks.items():
            print(f"  {stage:48s} {w:6.2f}s wall  {c:6.2f}s CPU  {c / cpu:4.0%} of the CPU")
        print("  slowest cells of the run (wall): " + "; ".join(f"cell {i} {d:.2f}s `{first}`"
                                                             for d, i, first in clock.cells))
    two = os.getloadavg()[0]
    print(f"load average {one:.1f} before, {two:.1f} after (other work on the machine moves every figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
