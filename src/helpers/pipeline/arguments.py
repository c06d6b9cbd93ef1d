"""The build's command line (``python -m helpers.pipeline``): its options, ``--list``, and the checks that refuse
a combination of options before anything runs. :mod:`helpers.pipeline.cli` acts on them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from helpers import params, paths
from helpers.i18n import EDITIONS
from helpers.pipeline import plan, sweep
from helpers.pipeline.plan import BuildError


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m helpers.pipeline",
        description="Execute the collection's notebooks with papermill and render them into reports/ "
                    "(cached, parallel, atomic). Every parameter is checked before any notebook runs.")
    _what_to_build(ap)
    _how_to_run(ap)
    return ap.parse_args(argv)


def _what_to_build(ap: argparse.ArgumentParser) -> None:
    """The options that say which reports to write: parameters, a sweep, the notebooks, --list, --force."""
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


def _how_to_run(ap: argparse.ArgumentParser) -> None:
    """The options that say where and how the reports run: workers, executor, edition, section map, preview."""
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                    help="worker processes (default: the number of cores, as nproc)")
    ap.add_argument("--executor", choices=("local", "dask"), default="local",
                    help="where the reports run: local (a pool of worker processes on this machine, the default) "
                         "or dask (dask.distributed: a local cluster of --jobs workers, or the workers of "
                         "--scheduler); the reports are the same bytes either way")
    ap.add_argument("--kernels", choices=("warm", "fresh"), default="warm",
                    help="warm (the default): each local worker starts its next report's kernel ahead of need, "
                         "with the collection's imports done; every kernel still runs one report only. fresh: "
                         "each report starts its own kernel when it starts. The reports are the same bytes")
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


def list_text(collection: Path, only: list[str]) -> str:
    """``--list``: each notebook, its parameters with type, default and allowed values, its variants."""
    lines = []
    wanted = set(plan.selected_ids(collection, only))
    reports = paths.reports_dir()  # where a build with the same settings writes ($NATO_REPORTS_DIR honoured)
    for nb in params.notebooks(collection):
        if nb.id not in wanted:
            continue
        lines.append(f"{nb.id}  {nb.stem}  — {nb.title}")
        if not nb.parameters:
            lines.append("      (no parameters)")
        for name, spec in nb.parameters.items():
            allowed = params.allowed_text(nb.id, name, collection=collection)
            lines.append(f"      {name}: {spec.type} = {params.plain(spec.default)!r}  [{allowed}]  {spec.help}")
            lines += _refused(nb.id, {name: spec.default}, f"the default of {name}", collection)
        for vname, vparams in nb.variants:
            vals = ", ".join(f"{k}={v}" for k, v in vparams.items())
            lines.append(f"      variant {vname}: {vals}  → {paths.shown(reports / f'{nb.stem}--{vname}.html')}")
            lines += _refused(nb.id, vparams, f"variant {vname}", collection)
    return "\n".join(lines)


def _refused(nb_id: str, values: dict, what: str, collection: Path) -> list[str]:
    """``[one warning line]`` when the build would refuse one of these values of the section map, else ``[]``."""
    from helpers.params.checks import CHECKS, Context

    nb = params.notebook(nb_id, collection)
    ctx = Context(notebook=nb, folder=params.data_dir(collection))
    for name, value in values.items():
        try:
            if name not in nb.parameters:
                raise params.ParameterError(f"'{name}' is not a parameter of notebook {nb_id}")
            CHECKS[nb.parameters[name].type](ctx, nb.parameters[name], value)
        except (params.ParameterError, ValueError) as exc:
            return [f"      warning: {what} is refused by the build: {str(exc).splitlines()[0]}; fix it in "
                    f"{collection.name}"]
    return []


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


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The ``-p`` values by name, once the options beside them are checked; BuildError for a refused one."""
    if args.jobs is not None and args.jobs < 1:
        raise BuildError(f"--jobs {args.jobs}: the number of worker processes must be 1 or more")
    _executor(args)
    overrides: dict[str, Any] = {}
    for name, value in args.parameter:
        if name in overrides:
            raise BuildError(f"-p {name} given twice ({_short(overrides[name])} and {_short(value)}); give it once")
        overrides[name] = value
    return overrides


def sweep_of(args: argparse.Namespace, collection: Path):
    """The parsed ``--sweep`` or None, its range read by the parameter's declared type in ``collection``;
    BuildError for a bad one (see :mod:`helpers.pipeline.sweep`)."""
    if len(args.sweep) > 1:
        raise BuildError(f"--sweep given {len(args.sweep)} times ({', '.join(args.sweep)}); one sweep per build: "
                         "give --sweep once (set the other parameters with -p)")
    if args.yes and not args.sweep:
        raise BuildError("--yes is for --sweep (to allow a sweep of more than "
                         f"{sweep.MAX_UNASKED} reports); drop it or add --sweep")
    if not args.sweep:
        return None
    name = args.sweep[0].partition("=")[0].strip()
    return sweep.parse(args.sweep[0], args.yes, sweep.declared_type(name, collection))


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}…' ({len(str(value))} characters)"


def refuse_list_options(args: argparse.Namespace) -> None:
    """BuildError when ``--list`` comes with an option that builds."""
    extra = [flag for flag, given in (("-p", args.parameter), ("--sweep", args.sweep), ("--yes", args.yes),
                                      ("--force", args.force), ("--executor", args.executor != "local"),
                                      ("--scheduler", args.scheduler is not None),
                                      ("--jobs", args.jobs is not None), ("--watch", args.watch)) if given]
    if extra:
        raise BuildError(f"--list only lists (with --only to narrow it); it does not take {', '.join(extra)}: "
                         "drop them to list, or drop --list to build")
