"""The command line: arguments → a checked plan → the pool → the summary and an exit code.

Exit codes: 0 every report built or up to date; 1 a report failed (it has a failure page, named in the summary);
2 the command line, a parameter, the collection or the output folder was refused (one line on stderr, nothing
run, nothing written); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from helpers import cache, params, paths
from helpers.pipeline import plan
from helpers.pipeline.plan import BuildError


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m helpers.pipeline",
        description="Execute the collection's notebooks with papermill and render them into reports/ "
                    "(cached, parallel, atomic). Every parameter is checked before any notebook runs.")
    ap.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                    help="override a parameter of the selected notebooks that declare it (like papermill -p); "
                         "repeatable; writes one report per selected notebook, named after the checked values "
                         "(e.g. 02-nato-enlargement--as_of-2001-06-15.html), or reuses the declared report "
                         "with the same values")
    ap.add_argument("--only", action="append", metavar="ID_OR_STEM", default=[],
                    help="build only this notebook (id like 02 or stem); repeatable")
    ap.add_argument("--list", action="store_true",
                    help="list notebooks (those of --only, else all) with parameters and allowed values")
    ap.add_argument("--force", action="store_true", help="rebuild even when the cache says up to date")
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                    help="worker processes (default: the number of cores, as nproc)")
    ap.add_argument("--collection", type=Path, default=None,
                    help="section map to build (default: $NATO_COLLECTION or notebooks/collection.toml)")
    return ap.parse_args(argv)


def list_text(collection: Path, only: list[str]) -> str:
    """``--list``: each notebook, its parameters with type, default and allowed values, its variants."""
    lines = []
    wanted = set(plan.selected_ids(collection, only))
    for nb in params.notebooks(collection):
        if nb.id not in wanted:
            continue
        lines.append(f"{nb.id}  {nb.stem}  — {nb.title}")
        if not nb.parameters:
            lines.append("      (no parameters)")
        for name, spec in nb.parameters.items():
            allowed = params.allowed_text(nb.id, name, collection=collection)
            lines.append(f"      {name}: {spec.type} = {spec.default!r}  [{allowed}]  {spec.help}")
        for vname, vparams in nb.variants:
            vals = ", ".join(f"{k}={v}" for k, v in vparams.items())
            lines.append(f"      variant {vname}: {vals}  → reports/{nb.stem}--{vname}.html")
    return "\n".join(lines)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    if args.jobs is not None and args.jobs < 1:
        raise BuildError(f"--jobs {args.jobs}: the number of worker processes must be 1 or more")
    overrides: dict[str, Any] = {}
    for name, value in args.parameter:
        if name in overrides:
            raise BuildError(f"-p {name} given twice ({_short(overrides[name])} and {_short(value)}); give it once")
        overrides[name] = value
    return overrides


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}…' ({len(str(value))} characters)"


def _refuse_list_options(args: argparse.Namespace) -> None:
    extra = [flag for flag, given in (("-p", args.parameter), ("--force", args.force),
                                      ("--jobs", args.jobs is not None)) if given]
    if extra:
        raise BuildError(f"--list only lists (with --only to narrow it); it does not take {', '.join(extra)}: "
                         "drop them to list, or drop --list to build")


def output_dirs() -> tuple[Path, Path, Path, Path]:
    """``(reports, build, cache, staging)``, each created and checked writable; BuildError names the folder."""
    reports, build_dir, cache_dir = paths.reports_dir(), paths.build_dir(), paths.cache_dir()
    for label, folder in (("reports", reports), ("build", build_dir), ("cache", cache_dir)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".write-check-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise BuildError(f"cannot write to the {label} folder {folder}: {exc.strerror or exc}; make it "
                             "writable or point the build elsewhere (NATO_REPORTS_DIR, NATO_BUILD_DIR, "
                             "NATO_CACHE_DIR)") from None
    try:
        staging = cache.staging_dir(reports)
    except OSError as exc:
        raise BuildError(f"cannot create a staging folder beside {reports}: {exc.strerror or exc}") from None
    return reports, build_dir, cache_dir, staging


def _checked_plan(args: argparse.Namespace, collection: Path):
    """``(everything, chosen)`` or, for ``--list``, None after printing; raises the one-line errors."""
    if args.list:
        _refuse_list_options(args)
        print(list_text(collection, args.only))
        return None
    overrides = _overrides(args)
    return plan.all_entries(collection, overrides, args.only)


def build(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    collection = (args.collection or params.collection_path()).resolve()
    if args.collection:
        os.environ["NATO_COLLECTION"] = str(collection)  # kernels call params.validated against the same map
    try:
        planned = _checked_plan(args, collection)
        if planned is None:
            return 0
        everything, chosen = planned
        from helpers.pipeline.run import Dirs

        dirs = Dirs(*output_dirs())
    except (params.ParameterError, params.CollectionError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _run(args, collection, everything, chosen, dirs)


def _run(args, collection: Path, everything: list, chosen: list, dirs) -> int:
    from helpers.pipeline import run, search_index, summary, worker

    jobs, fresh = plan.cache_plan(chosen, dirs.cache, dirs.reports, args.force)
    site = {part: {"part": part, "key": key, "entries": [e.to_dict() for e in everything],
                   "reports": str(dirs.reports), "staging": str(dirs.staging)}
            for part, key in plan.site_plan(everything, dirs.reports, dirs.cache, args.force).items()}
    results: dict[str, dict] = {}
    if jobs:
        try:
            if all(j.action == "render" for j in jobs):
                results = run.run_here(jobs, site, dirs)
            else:
                results = run.run_pool(jobs, site, dirs, min(args.jobs or run.cores(), len(jobs)), collection)
        except KeyboardInterrupt:
            print("interrupted: reports not finished keep their previous version", file=sys.stderr)
            return 130
    else:
        for part, job in site.items():
            run.record_site(dirs, part, job["key"], worker.site_job(job)["outputs"])
    search_index.write(everything, dirs, args.force)  # after every page is written
    table = summary.rows([e.name for e in chosen], [e.name for e in fresh], results,
                         {j.entry.name: j.reason for j in jobs})
    return summary.finish(table, {e.name: e.output for e in chosen}, dirs.reports)


def main() -> None:
    try:
        code = build()
    except BrokenPipeError:  # e.g. `--list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)
