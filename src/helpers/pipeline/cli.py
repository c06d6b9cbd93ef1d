"""The command line: arguments → a checked plan → the pool → the summary and an exit code.

Exit codes: 0 every report built or up to date; 1 a report failed (it has a failure page, named in the summary);
2 the command line, a parameter, the collection or the output folder was refused (one line on stderr, nothing
run, nothing written); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers import cache, params, paths
from helpers.i18n import EDITIONS, edition_dir
from helpers.pipeline import plan, sweep
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
    ap.add_argument("--sweep", action="append", metavar="NAME=FROM..TO/STEP", default=[],
                    help="one report per value of a parameter, for each selected notebook that declares it, "
                         "exactly as -p NAME VALUE for each value: dates NAME=1992-12-31..2000-12-31/year-end "
                         "(steps: 1d, Nd, month-end, year-end), whole numbers NAME=2001..2025/4, or a list "
                         "NAME=a,b,c; every value is checked before any notebook runs")
    ap.add_argument("--yes", action="store_true",
                    help=f"with --sweep: allow a sweep of more than {sweep.MAX_UNASKED} reports")
    ap.add_argument("--only", action="append", metavar="ID_OR_STEM", default=[],
                    help="build only this notebook (id like 02 or stem); repeatable")
    ap.add_argument("--list", action="store_true",
                    help="list notebooks (those of --only, else all) with parameters and allowed values")
    ap.add_argument("--force", action="store_true", help="rebuild even when the cache says up to date")
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                    help="worker processes (default: the number of cores, as nproc)")
    ap.add_argument("--executor", choices=("local", "dask"), default="local",
                    help="where the reports run: local (a pool of worker processes on this machine, the default) "
                         "or dask (dask.distributed: a local cluster of --jobs workers, or the workers of "
                         "--scheduler); the reports are the same bytes either way")
    ap.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                    help="with --executor dask: run the reports on the workers of this running Dask scheduler "
                         "(see the README, 'Building on several machines')")
    ap.add_argument("--lang", action="append", choices=list(EDITIONS), default=[], metavar="{en,ar}",
                    help="build this edition only: en (reports/) or ar (the Arabic edition, reports/ar/); "
                         "repeatable; default both")
    ap.add_argument("--collection", type=Path, default=None,
                    help="section map to build (default: $NATO_COLLECTION or notebooks/collection.toml)")
    ap.add_argument("--watch", action="store_true",
                    help="live preview (make preview): build what is stale, serve reports/ on 127.0.0.1, and on "
                         "every saved notebook, data file, section map or helpers change sync the pair, rebuild "
                         "and reload the open pages; Ctrl-C stops")
    ap.add_argument("--port", type=int, default=0, metavar="N",
                    help="with --watch: the port to serve on (default: a free one, printed)")
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


def _executor(args: argparse.Namespace) -> None:
    """Refuse ``--scheduler`` without ``--executor dask``, a malformed address, or ``--jobs`` beside it."""
    if args.scheduler is None:
        return
    if args.executor != "dask":
        raise BuildError("--scheduler is for --executor dask (the reports run on that scheduler's workers); add "
                         "--executor dask, or drop --scheduler to build on this machine")
    if args.jobs is not None:
        raise BuildError("--jobs sets the workers of a local cluster; with --scheduler the cluster's own workers "
                         "run the reports: drop --jobs")
    from helpers.pipeline import dask_run

    dask_run.check_scheduler(args.scheduler)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    if args.jobs is not None and args.jobs < 1:
        raise BuildError(f"--jobs {args.jobs}: the number of worker processes must be 1 or more")
    _executor(args)
    overrides: dict[str, Any] = {}
    for name, value in args.parameter:
        if name in overrides:
            raise BuildError(f"-p {name} given twice ({_short(overrides[name])} and {_short(value)}); give it once")
        overrides[name] = value
    return overrides


def _sweep(args: argparse.Namespace):
    """The parsed ``--sweep`` or None; BuildError for a bad one (see :mod:`helpers.pipeline.sweep`)."""
    if len(args.sweep) > 1:
        raise BuildError(f"--sweep given {len(args.sweep)} times ({', '.join(args.sweep)}); one sweep per build: "
                         "give --sweep once (set the other parameters with -p)")
    if args.yes and not args.sweep:
        raise BuildError("--yes is for --sweep (to allow a sweep of more than "
                         f"{sweep.MAX_UNASKED} reports); drop it or add --sweep")
    return sweep.parse(args.sweep[0], args.yes) if args.sweep else None


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}…' ({len(str(value))} characters)"


def _refuse_list_options(args: argparse.Namespace) -> None:
    extra = [flag for flag, given in (("-p", args.parameter), ("--sweep", args.sweep), ("--yes", args.yes),
                                      ("--force", args.force), ("--executor", args.executor != "local"),
                                      ("--scheduler", args.scheduler is not None),
                                      ("--jobs", args.jobs is not None), ("--watch", args.watch)) if given]
    if extra:
        raise BuildError(f"--list only lists (with --only to narrow it); it does not take {', '.join(extra)}: "
                         "drop them to list, or drop --list to build")


def output_dirs(lang: str = "en", collection: Path | None = None) -> tuple[Path, Path, Path, Path]:
    """``(reports, build, cache, staging)`` of an edition, each checked apart from the sources and from each other,
    created and checked writable; BuildError names the folder. The Arabic edition has folders of its own (``ar/``
    in each), so one edition never reads or replaces the other's reports, cache records or executed notebooks."""
    from helpers.pipeline import folders

    reports, build_dir, cache_dir = (edition_dir(f(), lang) for f in (paths.reports_dir, paths.build_dir,
                                                                          paths.cache_dir))
    try:
        folders.check({"reports": reports, "build": build_dir, "cache": cache_dir},
                      collection or params.collection_path().resolve())
    except folders.FolderError as exc:
        raise BuildError(str(exc)) from None
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


def _watch(args: argparse.Namespace, collection: Path) -> int:
    """``--watch``: the live preview, after the options are checked (see :mod:`helpers.pipeline.preview`)."""
    extra = [flag for flag, given in (("--list", args.list), ("--force", args.force), ("--sweep", args.sweep),
                                      ("--yes", args.yes), ("--executor", args.executor != "local"),
                                      ("--scheduler", args.scheduler is not None)) if given]
    if extra:
        raise BuildError(f"--watch rebuilds what changed; it does not take {', '.join(extra)}: drop them to "
                         "preview, or drop --watch")
    if not 0 <= args.port <= 65535:
        raise BuildError(f"--port {args.port}: a port is a number from 1 to 65535 (0 or none: a free one)")
    _overrides(args)
    plan.all_entries(collection, dict(args.parameter), args.only)  # refuse bad values before serving anything
    output_dirs("en", collection)
    base = [*(["--collection", str(collection)] if args.collection else []),
            *(["--jobs", str(args.jobs)] if args.jobs else []),
            *[a for lang in args.lang for a in ("--lang", lang)],
            *[a for name, value in args.parameter for a in ("-p", name, value)]]
    from helpers.pipeline import preview

    return preview.serve(base, plan.selected_ids(collection, args.only) if args.only else None, args.port,
                         build=build)


def _checked_plan(args: argparse.Namespace, collection: Path):
    """``(everything, chosen)`` or, for ``--list``, None after printing; raises the one-line errors."""
    if args.list:
        _refuse_list_options(args)
        print(list_text(collection, args.only))
        return None
    overrides = _overrides(args)
    return plan.all_entries(collection, overrides, args.only, _sweep(args))


def _collection(args: argparse.Namespace) -> Path:
    given = args.collection or params.collection_path()
    try:
        collection = given.resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic-link loop
        raise params.CollectionError(f"{given}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    params.notebooks(collection)  # read and checked once, before anything else
    return collection


def build(argv: list[str] | None = None, on_pages: Callable[[int, list[tuple], str], None] | None = None) -> int:
    """Run the command line ``argv``; the exit code. ``on_pages(code, summary rows, refusal)``, when given, is
    called once the pages are written (before the search index) or the command was refused (code 2, the one-line
    reason): the live preview reloads the open pages then."""
    args = parse_args(argv)
    if args.port and not args.watch:
        print("error: --port is for --watch (the live preview)", file=sys.stderr)
        return 2
    try:
        collection = _collection(args)
    except params.CollectionError as exc:
        return _refused(exc, on_pages)
    # every step below (and the kernels, through the workers' environment) reads the same section map
    with paths.using(collection=collection if args.collection else None):
        return _build(args, collection, on_pages)


def _refused(exc: Exception, on_pages) -> int:
    from helpers.pipeline.summary import plain

    print(f"error: {plain(exc)}", file=sys.stderr)
    if on_pages is not None:
        on_pages(2, [], plain(exc))
    return 2


def _build(args: argparse.Namespace, collection: Path, on_pages) -> int:
    try:
        if args.watch:
            return _watch(args, collection)
        planned = _checked_plan(args, collection)
        if planned is None:
            return 0
        everything, chosen = planned
        from helpers.pipeline.run import Dirs

        editions = [lang for lang in EDITIONS if lang in args.lang] if args.lang else paths.editions()
        dirs = {lang: Dirs(*output_dirs(lang, collection)) for lang in editions}
    except (params.ParameterError, params.CollectionError, BuildError) as exc:
        return _refused(exc, on_pages)
    code = 0
    for lang in editions:
        code = max(code, _edition(args, collection, everything, chosen, dirs[lang], lang, len(editions) > 1,
                                  on_pages))
        if code == 130:
            break
    return code


def _edition(args, collection: Path, everything: list, chosen: list, dirs, lang: str, say: bool,
             on_pages=None) -> int:
    """Build one edition: its entries carry the language; this process sees it through ``paths.using`` and the
    workers (and their kernels) through their environment (``NATO_LANG``)."""
    from dataclasses import replace

    with paths.using(lang=lang):
        if say:
            print(f"{'English' if lang == 'en' else 'Arabic'} edition ({cache.relative(dirs.reports)}/):")
        return _run(args, collection, lang, [replace(e, lang=lang) for e in everything],
                    [replace(e, lang=lang) for e in chosen], dirs, on_pages)


def _run(args, collection: Path, lang: str, everything: list, chosen: list, dirs, on_pages=None) -> int:
    from helpers.pipeline import front_page, run, search_index, summary, worker
    from helpers.pipeline.jobs import SiteJob

    jobs, fresh = plan.cache_plan(chosen, dirs.cache, dirs.reports, args.force, plan.page_context(everything))
    site = {part: SiteJob(part, key, tuple(everything), dirs.reports, dirs.staging)
            for part, key in plan.site_plan(everything, dirs.reports, dirs.cache, args.force).items()}
    results: dict = {}
    try:
        if jobs:
            if all(j.action == "render" for j in jobs):
                results = run.run_here(jobs, site, dirs)
            elif args.executor == "dask":
                from helpers.pipeline import dask_run

                results = dask_run.run_dask(jobs, site, dirs, min(args.jobs or run.cores(), len(jobs)), collection,
                                            lang, args.scheduler)
            else:
                results = run.run_pool(jobs, site, dirs, min(args.jobs or run.cores(), len(jobs)), collection,
                                       lang)
        else:
            for job in site.values():
                run.site_result(dirs, job, worker.write_site(job), results)
        table = summary.rows([e.name for e in chosen], [e.name for e in fresh], results,
                             {j.entry.name: j.reason for j in jobs})
        if on_pages is not None:
            on_pages(summary.exit_code(table), table, "")
        site_errors = [res.error for name, res in results.items() if name.startswith("_")]
        # each after every page is written, and each on its own: one that cannot be written keeps its previous
        # version and is named among the errors, and the others and the summary still follow
        _site_step("the search index (assets/search-index.js)", site_errors,
                   lambda: search_index.write(everything, dirs, args.force))
        swept = _site_step("the sweep's page", site_errors,  # before the index, which lists it
                           lambda: _sweep_page(args, collection, chosen, everything, dirs)) or []
        index_written = _site_step(f"the index ({plan.INDEX})", site_errors,  # reads each page's headline finding
                                   lambda: front_page.write(everything, dirs, args.force))
    except KeyboardInterrupt:
        print("interrupted: reports not finished keep their previous version", file=sys.stderr)
        return 130
    except BuildError as exc:  # --scheduler: no scheduler answered (nothing was run)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a full or read-only disk under the build's own files
        print(f"error: {exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else "")
              + "; reports not finished keep their previous version", file=sys.stderr)
        return 1
    return summary.finish(table, {e.name: e.output for e in chosen}, dirs.reports, site_errors,
                          [*swept, *([plan.INDEX] if index_written else [])])


def _site_step(what: str, errors: list[str], step: Callable[[], Any]) -> Any:
    """``step()``'s result; when it fails (a full or read-only reports disk, a link out of ``reports/``, a data
    file the page reads that breaks the data contract), None and one line in ``errors`` naming the part, the reason
    and that its previous version is kept."""
    from helpers import load

    try:
        return step()
    except OSError as exc:
        reason = f"{exc.strerror or exc}" + (f" ({exc.filename})" if getattr(exc, "filename", None) else "")
    except load.DataError as exc:
        reason = str(exc).splitlines()[0] + (f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else "")
    except Exception as exc:  # noqa: BLE001 - a renderer's fault costs this part, not the build's summary
        reason = f"{type(exc).__name__}: {exc}"
    errors.append(f"{what} was not written (any previous one is kept): {reason}")
    return None


def _sweep_page(args, collection: Path, chosen: list, everything: list, dirs) -> list[str]:
    """A sweep's own index page (``reports/sweeps/<slug>.html``), when this build is a sweep: ``[its path]`` when
    written, else ``[]``."""
    if not args.sweep:
        return []
    from helpers.pipeline import sweep_index

    swept = _sweep(args)
    reports = sweep_index.swept(swept, chosen, collection)
    if not sweep_index.write(swept, reports, everything, dict(args.parameter), dirs, args.force):
        return []
    return [f"{sweep_index.FOLDER}/{sweep_index.slug(swept, reports, dict(args.parameter))}.html"]


def main() -> None:
    try:
        code = build()
    except BrokenPipeError:  # e.g. `--list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)
