"""Build speed against the naive loop (``make bench``; a measurement, not a test).

On the same notebooks (every notebook of the collection with its default parameters), compares:

* the naive loop a user would write: for each notebook, the ``papermill`` CLI, then ``jupyter nbconvert --to html``;
* ``python -m helpers.pipeline`` cold (empty cache), as a no-op rebuild, after one data file changed, and after a
  prose-only edit of each notebook in turn (its last markdown cell: re-rendered from the cached run, no kernel);
* the time to refuse a bad parameter.

Everything is written under a temporary folder (``NATO_REPORTS_DIR`` and friends), never to ``reports/``. Data in
``data/`` is not modified: a change to one data file is simulated by altering the content hash the cache recorded
for it, which is exactly what the build sees after a real edit.

    python scripts/bench.py [--only ID ...] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _src_first() -> str:
    """This checkout's code first on the path of every process the bench starts (the environment may have another
    checkout's ``helpers`` installed, which the bench would otherwise measure)."""
    return os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)

from helpers import params, paths  # noqa: E402
from helpers.section_map import read as read_collection  # noqa: E402

BIN = Path(sys.executable).parent


def _run(cmd: list[str], env: dict, cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t0, res


def _collection_without_variants(tmp: Path, only: list[str]) -> Path:
    """A copy of the section map with the chosen notebooks and no variants, next to copies of their .ipynb."""
    raw = read_collection(paths.COLLECTION)
    folder = tmp / "notebooks"
    folder.mkdir()
    lines = []
    for nb in raw["notebook"]:
        if only and nb["id"] not in only and nb["stem"] not in only:
            continue
        shutil.copy2(paths.NOTEBOOKS / f"{nb['stem']}.ipynb", folder / f"{nb['stem']}.ipynb")
        lines.append("[[notebook]]")
        for key in ("id", "stem", "title", "summary", "paragraphs"):
            lines.append(f"{key} = {json.dumps(nb[key], ensure_ascii=False)}")
        for name, decl in nb.get("parameters", {}).items():
            lines.append(f"  [notebook.parameters.{name}]")
            for k, v in decl.items():
                lines.append(f"  {k} = {json.dumps(v, ensure_ascii=False)}")
        lines.append("")
    (tmp / "data").symlink_to(paths.DATA)  # bounds such as data:last come from the real data
    path = folder / "collection.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _prose_edit(build: list[str], env: dict, tmp: Path, ipynb: Path) -> tuple[float, str]:
    """Edit the last markdown cell of one notebook copy, rebuild: ``(seconds, the build's line for it)``."""
    import nbformat

    nb = nbformat.read(ipynb, as_version=4)
    cell = [c for c in nb.cells if c.cell_type == "markdown"][-1]
    cell.source += "\n\nA sentence added by the benchmark."
    nbformat.write(nb, ipynb)
    seconds, res = _run(build, env, tmp)
    line = next((ln for ln in res.stdout.splitlines() if ln.startswith(ipynb.stem + " ")), "no report rebuilt")
    return seconds, " ".join(line.split()[1:]) or line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], help="notebook id or stem (repeatable; default all)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="nato-bench-"))
    try:
        coll = _collection_without_variants(tmp, args.only)
        nbs = params.notebooks(coll)
        env = {**os.environ, "PYTHONPATH": _src_first(),
               "NATO_COLLECTION": str(coll), "NATO_REPORTS_DIR": str(tmp / "reports"),
               "NATO_BUILD_DIR": str(tmp / "build"), "NATO_CACHE_DIR": str(tmp / "cache")}
        print(f"{len(nbs)} notebooks with their defaults; {os.cpu_count()} cores; temporary folder {tmp}")

        naive_dir = tmp / "naive"
        naive_dir.mkdir()
        t_naive = 0.0
        for nb in nbs:
            out = naive_dir / f"{nb.stem}.ipynb"
            dt1, r1 = _run([str(BIN / "papermill"), str(coll.parent / f"{nb.stem}.ipynb"), str(out),
                            "--cwd", str(paths.NOTEBOOKS)], env, tmp)
            dt2, r2 = _run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)], env, tmp)
            status = "ok" if r1.returncode == 0 and r2.returncode == 0 else "FAILED"
            print(f"  naive {nb.stem}: papermill {dt1:.1f}s + nbconvert {dt2:.1f}s  {status}")
            t_naive += dt1 + dt2
        print(f"naive loop (papermill CLI + nbconvert CLI, sequential): {t_naive:.1f}s")

        build = [sys.executable, "-m", "helpers.pipeline"]
        t_cold, r = _run(build, env, tmp)
        print(r.stdout.rstrip())
        if r.returncode != 0:
            print(f"cold build exited {r.returncode}:\n{r.stderr[-2000:]}")
        t_noop, r_noop = _run(build, env, tmp)

        # Simulate an edit of one data file: the one read by the fewest reports (so the selectivity shows).
        records = {p.stem: json.loads(p.read_text()) for p in (tmp / "cache").glob("*.json")
                   if not p.stem.startswith("_")}
        readers: dict[str, list[str]] = {}
        for name, rec in records.items():
            for rel in rec.get("data", {}):
                readers.setdefault(rel, []).append(name)
        touched = None
        if readers:
            touched = sorted(readers, key=lambda f: (len(readers[f]), f))[0]
            for name in readers[touched]:
                rec = records[name]
                rec["data"][touched] = "0" * 64
                (tmp / "cache" / f"{name}.json").write_text(json.dumps(rec))
        t_touch, r_touch = _run(build, env, tmp)
        ran = [ln.split()[0] for ln in r_touch.stdout.splitlines() if len(ln.split()) > 1 and ln.split()[1] == "built"]

        prose = {}  # one prose-only edit per notebook whose run is cached, each rebuilt on its own
        for stem in sorted(records) or [nbs[0].stem]:
            prose[stem] = _prose_edit(build, env, tmp, coll.parent / f"{stem}.ipynb")

        refusals = []
        for _ in range(5):
            dt, rr = _run(build + ["--only", nbs[0].id, "-p", "no_such_parameter", "x"], env, tmp)
            refusals.append(dt)
        refusal_line = rr.stderr.strip()

        print()
        print(f"cold build:        {t_cold:6.1f}s  = {t_cold / t_naive:.2f}× the naive loop  (goal ≤ 0.30×)")
        print(f"no-op rebuild:     {t_noop:6.2f}s  = {t_noop / t_naive:.3f}× the naive loop  (goal ≤ 0.03×)")
        if touched:
            print(f"after changing {touched}: {t_touch:.1f}s; reports rebuilt: {', '.join(ran) or 'none'} "
                  f"(readers: {', '.join(sorted(readers[touched]))})")
        else:
            print("no report recorded reading a data file (NATO_READ_LOG empty): data-change rebuild not measured")
        for stem, (seconds, line) in prose.items():
            print(f"  prose-only edit of {stem}: {seconds:.2f}s ({line})")
        times = sorted(seconds for seconds, _ in prose.values())
        slowest = max(prose, key=lambda k: prose[k][0])
        print(f"prose-only edit:   {statistics.median(times):6.2f}s median, {times[-1]:.2f}s slowest ({slowest}) "
              f"= {times[-1] / t_naive:.3f}× the naive loop  (goal < 1 s, no kernel)")
        print(f"bad parameter refused in {statistics.median(refusals):.2f}s (median of 5; goal < 0.5 s): "
              f"{refusal_line}")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
