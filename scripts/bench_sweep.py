"""What a sweep costs (``make bench``; a measurement, not a test).

One notebook swept over N month-ends (default: 02 over the 40 month-ends to December 2023), three ways, each into a
fresh temporary folder (``NATO_REPORTS_DIR`` and friends; never ``reports/``):

* the naive loop a user would write: for each value, the ``papermill`` CLI with ``-p``, then ``jupyter nbconvert
  --to html`` (sequential; with ``--naive-sample K`` only the first K values are run and the total is scaled up,
  which the output says);
* ``python -m helpers.pipeline --sweep`` on the local pool (``--jobs``, default every core) with fresh kernels
  (``--kernels fresh``: each report starts its own kernel, as before warm kernels);
* the same with warm kernels (the default: each worker's next kernel started ahead of need, imports done), and the
  same build of the sweep's first value alone, so the cost of each *extra* report is (sweep − one) / (N − 1);
* the same with ``--executor dask`` (a ``LocalCluster`` of as many workers, started by the build and counted in its
  time).

It prints each one's total (wall seconds, and the CPU seconds of every process it started), its cost per report
and the ratios, with the machine's load average before and after each, because on a shared machine the load moves
every wall figure; the CPU seconds move much less. ``scripts/profile_report.py`` shows where one report's time goes.

    python scripts/bench_sweep.py [--only 02] [--count 40] [--jobs N] [--naive-sample K] [--keep]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))


def _src_first() -> str:
    """This checkout's code first on the path of every process the bench starts (the environment may have another
    checkout's ``helpers`` installed, which the bench would otherwise measure)."""
    return os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)

from helpers import params, paths  # noqa: E402


def _month_ends(last: date, count: int) -> list[str]:
    ends, day = [], last
    while len(ends) < count:
        ends.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return [d.isoformat() for d in reversed(ends)]


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f})"


#: CPU seconds of every process the bench started and waited for (the builds, their workers and kernels), summed
#: per way: on a shared machine the wall time carries other work's load, the CPU time is what the sweep cost.
CPU: dict[str, float] = {}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    t0, c0 = time.perf_counter(), _children_cpu()
    res = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    CPU["last"] = _children_cpu() - c0
    return time.perf_counter() - t0, res


def _env(folder: Path) -> dict:
    return {**os.environ, "PYTHONPATH": _src_first(),
            "NATO_REPORTS_DIR": str(folder / "reports"), "NATO_BUILD_DIR": str(folder / "build"),
            "NATO_CACHE_DIR": str(folder / "cache"), "NATO_EDITIONS": "en"}


def _sweep(tmp: Path, label: str, nb_id: str, values: list[str], extra: list[str]) -> float:
    """One build of the sweep over ``values`` in a folder of its own: its time (printed with the load)."""
    folder = tmp / f"way{len(list(tmp.glob('way*')))}"
    folder.mkdir()
    option = f"as_of={values[0]}..{values[-1]}/month-end"
    before = _load()
    seconds, res = _timed([sys.executable, "-m", "helpers.pipeline", "--only", nb_id, "--sweep", option, *extra],
                          _env(folder), tmp)
    built = sum(1 for ln in res.stdout.splitlines() if len(ln.split()) > 1 and ln.split()[1] == "built")
    status = "" if res.returncode == 0 and built == len(values) else \
        f"  (exit {res.returncode}, {built} built)\n{res.stderr[-1500:]}"
    CPU[label] = CPU["last"]
    print(f"{label + ':':34s}{seconds:7.1f}s for {len(values)} ({CPU[label]:.1f}s CPU); {before} → {_load()}{status}")
    return seconds


def _ratios(timings: dict[str, float], naive: float, n: int) -> None:
    one = timings.pop("warm kernels, first value alone")
    print()
    print(f"per report: naive loop {naive / n:.2f}s, " + ", ".join(f"{k} {v / n:.2f}s" for k, v in timings.items()))
    for label, seconds in timings.items():
        print(f"{label}: {seconds / naive:.2f}× the naive loop")
    fresh, warm, dask = (timings[k] for k in ("local pool, fresh kernels", "local pool, warm kernels",
                                              "Dask LocalCluster"))
    print(f"warm kernels: {warm / fresh:.2f}× the pool with fresh kernels, {warm / dask:.2f}× Dask")
    print(f"Dask LocalCluster: {dask / fresh:.2f}× the pool with fresh kernels")
    print(f"each extra report with warm kernels: ({warm:.1f}s − {one:.1f}s for one) / {n - 1} = "
          f"{(warm - one) / (n - 1):.2f}s (goal ≤ 0.5 s)")
    cpu_warm, cpu_one = CPU["local pool, warm kernels"], CPU["warm kernels, first value alone"]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    extra = (cpu_warm - cpu_one) / (n - 1)
    print(f"CPU of each extra report with warm kernels: ({cpu_warm:.1f}s − {cpu_one:.1f}s) / {n - 1} = {extra:.2f}s, "
          f"≈ {extra / cores:.2f}s of wall time on {cores} idle cores")
    print("CPU per report: " + ", ".join(f"{k} {CPU[k] / n:.2f}s" for k in timings) +
          (f", naive loop {CPU['naive'] / n:.2f}s" if "naive" in CPU else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="02", help="the notebook to sweep (it must declare as_of; default 02)")
    ap.add_argument("--count", type=int, default=40, help="reports in the sweep (month-ends; default 40)")
    ap.add_argument("--last", default="2023-12-31", help="the sweep's last month-end (default 2023-12-31)")
    ap.add_argument("--jobs", type=int, default=None, help="workers of the pool and of the Dask cluster")
    ap.add_argument("--naive-sample", type=int, default=0, metavar="K",
                    help="run the naive loop on the first K values only and scale its time up (default: all)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args(argv)

    nb = params.notebook(args.only)
    values = _month_ends(date.fromisoformat(args.last), args.count)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    tmp = Path(tempfile.mkdtemp(prefix="nato-bench-sweep-"))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"notebook {nb.id} swept over {len(values)} month-ends ({values[0]} … {values[-1]}); {cores} cores; "
          f"{_load()}; temporary folder {tmp}")
    try:
        sample = values[:args.naive_sample] if args.naive_sample else values
        naive = tmp / "naive"
        naive.mkdir()
        before = _load()
        t_naive = 0.0
        for value in sample:
            out = naive / f"{nb.stem}--{value}.ipynb"
            dt1, r1 = _timed([str(BIN / "papermill"), str(paths.NOTEBOOKS / f"{nb.stem}.ipynb"), str(out),
                              "-p", "as_of", value, "--cwd", str(paths.NOTEBOOKS)], _env(naive), tmp)
            cpu1 = CPU["last"]
            dt2, r2 = _timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)], _env(naive), tmp)
            if r1.returncode or r2.returncode:
                print(f"  naive {value}: FAILED\n{(r1.stderr + r2.stderr)[-1500:]}")
            t_naive += dt1 + dt2
            CPU["naive"] = CPU.get("naive", 0.0) + (cpu1 + CPU["last"]) * len(values) / len(sample)
        scaled = t_naive * len(values) / len(sample)
        note = f" (measured on {len(sample)}, scaled to {len(values)})" if len(sample) < len(values) else ""
        print(f"naive loop:   {scaled:7.1f}s{note}; {before} → {_load()}")

        timings = {}
        ways = (("local pool, fresh kernels", ["--kernels", "fresh"], values),
                ("local pool, warm kernels", [], values),
                ("warm kernels, first value alone", [], values[:1]),
                ("Dask LocalCluster", ["--executor", "dask"], values))
        for label, extra, swept in ways:
            timings[label] = _sweep(tmp, label, nb.id, swept, jobs + extra)
        _ratios(timings, scaled, len(values))
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
