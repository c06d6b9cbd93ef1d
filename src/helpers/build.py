"""The build command: ``python -m helpers.build`` (console script ``nato-build``).

For every entry of the section map (``notebooks/collection.toml``) — each notebook with its default parameters,
plus one entry per ``[[notebook.variant]]`` — the committed ``.ipynb`` is executed with papermill (kernel
``python3``, working directory ``notebooks/``) into ``build/<name>.ipynb``, rendered by ``helpers.render`` and
written atomically under ``reports/``. ``reports/index.html`` and the shared assets come from the same module.

    python -m helpers.build                      # every report, reusing the cache
    python -m helpers.build --only 02 -p as_of 2001-06-15
    python -m helpers.build --list               # parameters, types, defaults, allowed values
    python -m helpers.build --force --jobs 2

Order of work: parameters are all checked first (no kernel starts when one is wrong, nothing is written); the
cache decides which reports are stale; stale ones run on a bounded pool of worker processes that keep their
imports between reports; a failing notebook gets a failure page and does not stop the others.

The top of this module imports only the standard library and ``helpers.params``/``helpers.cache`` so that
``--list`` and refusing a bad parameter stay fast; papermill and the renderer are imported in the workers.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from helpers import cache, params, paths

KERNEL = "python3"
INDEX = "index.html"
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                "VECLIB_MAXIMUM_THREADS")


# --------------------------------------------------------------------------------------------------------------
# What render.py receives


@dataclass(frozen=True)
class Entry:
    """One report to build: a notebook with one parameter set.

    ``name`` is ``stem`` for the default report and ``stem--variant`` for a variant; ``output`` is the report's
    file name under ``reports/`` (``name + ".html"``). ``parameters`` holds the plain literals injected into the
    notebook (dates as ISO strings). ``prev``/``next`` link to the neighbouring notebooks' default reports in
    reading order (``{"id", "title", "output"}`` or None).
    """

    id: str
    stem: str
    name: str
    title: str
    summary: str
    paragraphs: str
    parameters: dict[str, Any]
    output: str
    notebook: str
    variant: str | None = None
    defaults: dict[str, Any] = field(default_factory=dict)
    prev: dict | None = None
    next: dict | None = None
    data_version: str | None = None  # filled in after execution: fingerprint of the data files this report read

    def to_dict(self) -> dict:
        return asdict(self)

    def __getitem__(self, key: str) -> Any:  # so render code may use entry["title"] as well as entry.title
        return getattr(self, key)


@dataclass
class BuildFailure:
    """Why a report could not be built; handed to ``render.render_failure(entry, error)``.

    Attribute names follow papermill's ``PapermillExecutionError`` (``cell_index``, ``exec_count``, ``source``,
    ``ename``, ``evalue``, ``traceback``); ``stage`` is ``"execute"`` or ``"render"``; ``debug_notebook`` is the
    executed notebook kept for debugging (relative to the repository when inside it).
    """

    stage: str
    ename: str
    evalue: str
    traceback: str = ""
    cell_index: int | None = None
    exec_count: int | None = None
    source: str = ""
    parameters: dict = field(default_factory=dict)
    debug_notebook: str = ""

    def __str__(self) -> str:
        where = f"cell {self.cell_index}" if self.cell_index is not None else self.stage
        return f"{self.ename} in {where}: {self.evalue}"


# --------------------------------------------------------------------------------------------------------------
# Entries


class BuildError(Exception):
    """A problem with the command line or the collection (one line, exit code 2)."""


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path.resolve())


def override_name(values: dict[str, Any]) -> str:
    """File-name part for a run with ``-p`` overrides: ``as_of-2001-06-15``, ``orgs-NATO_SCO`` (safe characters)."""
    import re

    parts = [f"{k}-{re.sub(r'[^A-Za-z0-9.-]+', '_', str(v)).strip('_')}" for k, v in sorted(values.items())]
    return "--".join(parts)


def all_entries(collection: Path, overrides: dict[str, Any] | None = None,
                only: list[str] | None = None) -> tuple[list[Entry], list[Entry]]:
    """``(entries of the whole collection, entries selected for this build)``; every parameter is checked.

    ``overrides`` (from ``-p``) apply to each selected notebook that declares the name; a name no selected
    notebook declares is refused. With overrides, each selected notebook gets one report of its own, named after
    the overrides (``02-nato-enlargement--as_of-2001-06-15.html``): the declared reports and the index keep the
    parameters they list. Raises ``params.ParameterError`` or ``BuildError``.
    """
    nbs = params.notebooks(collection)
    folder = collection.parent
    selected_ids: list[str] = []
    for key in only or []:
        nb = params.notebook(key, collection)
        if nb.id not in selected_ids:
            selected_ids.append(nb.id)
    if not only:
        selected_ids = [nb.id for nb in nbs]
    overrides = overrides or {}
    for name, value in overrides.items():
        declaring = [i for i in selected_ids if name in params.notebook(i, collection).parameters]
        if not declaring:
            allowed = sorted({p for i in selected_ids for p in params.notebook(i, collection).parameters})
            scope = "the selected notebooks" if only else "any notebook"
            raise params.ParameterError(
                f"{'notebook' if len(selected_ids) == 1 else 'notebooks'} {', '.join(selected_ids)}: "
                f"unknown parameter '{name}' = {value!r} (not declared by "
                f"{scope}); allowed parameters: {', '.join(allowed) or 'none'}"
            )

    links = [{"id": nb.id, "title": nb.title, "output": f"{nb.stem}.html"} for nb in nbs]
    everything: list[Entry] = []
    chosen: list[Entry] = []
    for pos, nb in enumerate(nbs):
        ipynb = folder / f"{nb.stem}.ipynb"
        defaults = {k: s.default for k, s in nb.parameters.items()}
        nav = {"prev": links[pos - 1] if pos > 0 else None, "next": links[pos + 1] if pos + 1 < len(nbs) else None}
        is_selected = nb.id in selected_ids
        mine = {k: v for k, v in overrides.items() if k in nb.parameters} if is_selected else {}
        sets: list[tuple[str | None, dict, bool]] = [(None, {}, False)]
        sets += [(vname, vparams, False) for vname, vparams in nb.variants]
        if mine:
            sets.append((override_name(mine), mine, True))
        for vname, values, custom in sets:
            checked = params.check_all(nb.id, values, collection=collection)
            plain = {k: params.plain(v) for k, v in checked.items()}
            name = nb.stem if vname is None else f"{nb.stem}--{vname}"
            title = nb.title if vname is None else f"{nb.title} ({vname})"
            entry = Entry(id=nb.id, stem=nb.stem, name=name, title=title, summary=nb.summary,
                          paragraphs=nb.paragraphs, parameters=plain, output=f"{name}.html",
                          notebook=str(ipynb), variant=vname, defaults=defaults, **nav)
            if not custom:
                everything.append(entry)
            if is_selected and (custom or not mine):
                chosen.append(entry)
    for e in chosen:
        if not Path(e.notebook).is_file():
            raise BuildError(f"notebook {e.id}: {_rel(Path(e.notebook))} does not exist; run `make sync` to "
                             f"create it from {e.stem}.py")
    return everything, chosen


# --------------------------------------------------------------------------------------------------------------
# Worker side (runs in the pool's processes; heavy imports happen here, once per process)

_RENDER: Any = None


def _quiet_imports() -> None:
    """Skip ``rfc3987_syntax`` (≈0.8 s to import, pulled in by jsonschema's optional format checkers through
    nbformat); nothing the build does validates IRIs. Setting it to None makes its import raise ImportError,
    which jsonschema already tolerates."""
    sys.modules.setdefault("rfc3987_syntax", None)


_STUB = (
    '"""Stand-in used only by build workers and their kernels (see helpers.build._kernel_path)."""\n'
    'raise ImportError("rfc3987_syntax is not loaded in build kernels")\n'
)


def _kernel_path(build_dir: Path) -> Path:
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


_TERMINATING = False


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


def _init_worker(env: dict[str, str], log: str, parent: int) -> None:
    _die_with_parent(parent)
    os.environ.update(env)
    # Kernels inherit this process's stderr; their start-up chatter goes to build/kernels.log, not the terminal.
    Path(log).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    _quiet_imports()
    global _RENDER
    import papermill  # noqa: F401  (imported once per worker, reused for every report)
    _RENDER = _load_render()


def _load_render():
    """``helpers.render``, imported once per worker (it pulls in nbconvert, altair and vl-convert)."""
    import importlib

    return importlib.import_module("helpers.render")


def _fallback_failure(entry: Entry, error: BuildFailure) -> bytes:
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in entry.parameters.items())
    where = f"cell {error.cell_index}" if error.cell_index is not None else f"the {error.stage} step"
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed: "
            f"{html.escape(entry.title)}</title></head><body>\n<h1>This report could not be built</h1>\n"
            f"<p>{html.escape(entry.title)} failed in {html.escape(where)}: <strong>{html.escape(error.ename)}"
            f"</strong> {html.escape(error.evalue)}</p>\n<h2>Parameters</h2><table>{rows}</table>\n"
            f"<h2>Cell source</h2><pre>{html.escape(error.source)}</pre>\n<h2>Traceback</h2>"
            f"<pre>{html.escape(error.traceback)}</pre>\n<p>Executed notebook kept for debugging: "
            f"<code>{html.escape(error.debug_notebook)}</code></p>\n</body></html>\n").encode("utf-8")


def data_fingerprint(reads: dict[str, str]) -> str:
    """Short fingerprint of the data files a report read (path + content hash), shown as its data version.

    It changes exactly when the report's own data changes, so a cached report and a fresh build of it agree.
    """
    if not reads:
        return "no data files read"
    return cache.sha256_bytes(cache.canonical(reads))[:12]


def _strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def _kernel_start_failed(exc: BaseException) -> bool:
    """True for the errors jupyter_client raises when a kernel dies or times out while starting."""
    text = f"{type(exc).__name__}: {exc}"
    return "before replying to kernel_info" in text or "Kernel didn't respond" in text


def run_entry(job: dict) -> dict:
    """Execute and render one entry; never raises for a notebook error (returns a failure instead)."""
    try:
        return _run_entry(job)
    finally:
        _exit_if_terminating()


def _run_entry(job: dict) -> dict:
    _quiet_imports()
    import nbformat
    import papermill as pm

    entry = Entry(**job["entry"])
    reports_dir, build_dir = Path(job["reports"]), Path(job["build"])
    staging = Path(job["staging"])
    build_dir.mkdir(parents=True, exist_ok=True)
    executed = build_dir / f"{entry.name}.ipynb"
    read_log = build_dir / f"{entry.name}.reads"
    read_log.write_text("", encoding="utf-8")
    os.environ["NATO_READ_LOG"] = str(read_log)
    render = _RENDER if _RENDER is not None else _load_render()
    started = time.perf_counter()
    failure: BuildFailure | None = None
    files: dict[str, bytes] = {}
    try:
        for attempt in (1, 2):
            try:
                nb = pm.execute_notebook(
                    entry.notebook, str(executed), parameters=entry.parameters, kernel_name=KERNEL,
                    cwd=str(Path(entry.notebook).parent), progress_bar=False, log_output=False,
                    request_save_on_cell_execute=False, record_timing=False,
                    # the outputs are collected by then; a graceful shutdown only adds waiting
                    shutdown_kernel="immediate",
                )
            except pm.PapermillExecutionError as exc:
                failure = BuildFailure(stage="execute", ename=exc.ename, evalue=str(exc.evalue),
                                       traceback=_strip_ansi("\n".join(exc.traceback)), cell_index=exc.cell_index,
                                       exec_count=exc.exec_count, source=exc.source)
            except Exception as exc:  # kernel died, notebook unreadable, …
                import traceback as tb

                if attempt == 1 and _kernel_start_failed(exc):
                    # A kernel that dies before answering kernel_info is a start-up hiccup of a loaded machine,
                    # not the notebook's fault: start one fresh kernel before reporting a failure.
                    read_log.write_text("", encoding="utf-8")
                    continue
                failure = BuildFailure(stage="execute", ename=type(exc).__name__, evalue=str(exc),
                                       traceback=_strip_ansi(tb.format_exc()))
            break
    finally:
        os.environ.pop("NATO_READ_LOG", None)
    reads = {}
    for line in read_log.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            p = Path(line)
            p = p if p.is_absolute() else Path(entry.notebook).parent / p
            reads[_rel(p)] = cache.sha256_file(p) or "missing"
    reads = dict(sorted(reads.items()))
    entry = replace(entry, data_version=data_fingerprint(reads))
    if failure is None:
        try:
            nb = nbformat.read(executed, as_version=4) if not isinstance(nb, nbformat.NotebookNode) else nb
            files = render.render_report(nb, entry)
            if entry.output not in files:
                raise RuntimeError(f"render_report returned no {entry.output} (got {sorted(files)})")
        except Exception as exc:
            import traceback as tb

            failure = BuildFailure(stage="render", ename=type(exc).__name__, evalue=str(exc),
                                   traceback=_strip_ansi(tb.format_exc()))
    if failure is not None:
        failure.parameters = dict(entry.parameters)
        failure.debug_notebook = _rel(executed)
        try:
            page = render.render_failure(entry, failure)
        except Exception:
            page = None
        files = {entry.output: page if page is not None else _fallback_failure(entry, failure)}
    outputs = {}
    for rel, data in files.items():
        target = (reports_dir / rel).resolve()
        if reports_dir.resolve() not in target.parents:
            raise RuntimeError(f"render returned a path outside reports/: {rel}")
        cache.atomic_write(target, data, staging)
        outputs[rel] = cache.sha256_bytes(data)
    return {
        "name": entry.name, "ok": failure is None, "seconds": time.perf_counter() - started,
        "outputs": outputs, "reads": reads,
        "error": str(failure) if failure else "", "debug": _rel(executed),
    }


# --------------------------------------------------------------------------------------------------------------
# Main side


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m helpers.build",
        description="Execute the collection's notebooks with papermill and render them into reports/ "
                    "(cached, parallel, atomic). Every parameter is checked before any notebook runs.")
    ap.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                    help="override a parameter of the selected notebooks that declare it (like papermill -p); "
                         "repeatable; writes one report per selected notebook, named after the values "
                         "(e.g. 02-nato-enlargement--as_of-2001-06-15.html)")
    ap.add_argument("--only", action="append", metavar="ID_OR_STEM", default=[],
                    help="build only this notebook (id like 02 or stem); repeatable")
    ap.add_argument("--list", action="store_true", help="list notebooks with parameters and allowed values")
    ap.add_argument("--force", action="store_true", help="rebuild even when the cache says up to date")
    ap.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                    help="worker processes (default: the number of cores, as nproc)")
    ap.add_argument("--collection", type=Path, default=None,
                    help="section map to build (default: $NATO_COLLECTION or notebooks/collection.toml)")
    return ap.parse_args(argv)


def _list(collection: Path) -> str:
    lines = []
    for nb in params.notebooks(collection):
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


def _cores() -> int:
    """Cores this process may use (what `nproc` prints)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def _dirs() -> tuple[Path, Path, Path]:
    reports = Path(os.environ.get("NATO_REPORTS_DIR", paths.REPORTS)).resolve()
    build = Path(os.environ.get("NATO_BUILD_DIR", paths.BUILD)).resolve()
    cache_dir = Path(os.environ.get("NATO_CACHE_DIR", paths.CACHE)).resolve()
    return reports, build, cache_dir


def _site_files(part: str, entries: list[Entry], render) -> dict[str, bytes]:
    """``part`` = "assets" (files every report links to) or "index" (reports/index.html)."""
    if part == "assets":
        return dict(render.shared_assets())
    return {INDEX: render.render_index(entries)}


def site_job(job: dict) -> dict:
    """Write the shared assets or the index (in a worker when the pool runs, else in the main process)."""
    try:
        return _site_job(job)
    finally:
        _exit_if_terminating()


def _site_job(job: dict) -> dict:
    _quiet_imports()
    entries = [Entry(**e) for e in job["entries"]]
    render = _RENDER if _RENDER is not None else _load_render()
    files = _site_files(job["part"], entries, render)
    reports, staging = Path(job["reports"]), Path(job["staging"])
    outputs = {}
    for rel, data in files.items():
        cache.atomic_write(reports / rel, data, staging)
        outputs[rel] = cache.sha256_bytes(data)
    return {"part": job["part"], "outputs": outputs}


def _site_plan(entries: list[Entry], reports: Path, cache_dir: Path, force: bool) -> dict[str, str]:
    """``{part: key}`` for the parts of the site that must be (re)written.

    The shared assets depend on the helpers code and the environment only; the index also on the section map
    and the whole data folder (it shows the data version)."""
    code, env = cache.code_hash(), cache.environment_hash()
    # the index shows a version of the data folder (render reads paths.DATA; a test collection has its own too)
    folders = sorted({params.data_dir().resolve(), paths.DATA.resolve()})
    data = {_rel(p): cache.sha256_file(p) for d in folders if d.is_dir() for p in sorted(d.rglob("*"))
            if p.is_file() and "staging" not in p.parts}
    keys = {
        "assets": cache.sha256_bytes(cache.canonical({"code": code, "env": env})),
        "index": cache.sha256_bytes(cache.canonical({"entries": [e.to_dict() for e in entries], "code": code,
                                                     "env": env, "data": data})),
    }
    stale = {}
    for part, key in keys.items():
        rec = None if force else cache.read_record(cache_dir, f"_{part}")
        if cache.why_stale(rec, key, reports) is not None:
            stale[part] = key
    return stale


def _record_site(cache_dir: Path, part: str, key: str, outputs: dict) -> None:
    rec = {"format": cache.FORMAT, "key": key, "data": {}, "outputs": outputs}
    cache.atomic_write(cache.record_path(cache_dir, f"_{part}"), cache.canonical(rec))


# --- search index (issue 11; helpers.search) ------------------------------------------------------------------
def _search_index(entries: list[Entry], reports: Path, cache_dir: Path, staging: Path, force: bool) -> None:
    """Write assets/search-index.js from the default reports as written, only when one of them changed."""
    from helpers import search

    pages = [e.output for e in entries if not e.variant and (reports / e.output).exists()]
    key = cache.sha256_bytes(cache.canonical({"pages": {p: cache.sha256_file(reports / p) for p in pages},
                                              "code": cache.code_hash()}))
    if not force and cache.why_stale(cache.read_record(cache_dir, "_search"), key, reports) is None:
        return
    found = [x for p in pages for x in search.index_entries((reports / p).read_bytes(), p)]
    data = search.index_js(found)
    cache.atomic_write(reports / search.INDEX_PATH, data, staging)
    _record_site(cache_dir, "search", key, {search.INDEX_PATH: cache.sha256_bytes(data)})
# --- end of search index ----------------------------------------------------------------------------------------


def _drop_leftovers(previous: dict | None, outputs: dict, reports: Path) -> None:
    """Remove files the previous build of a report wrote that this build no longer writes (e.g. an export)."""
    for rel in (previous or {}).get("outputs", {}):
        target = (reports / rel).resolve()
        if rel not in outputs and reports.resolve() in target.parents and rel != INDEX:
            target.unlink(missing_ok=True)


class _Progress:
    """rich progress (done/total and what is running) on a terminal; silent otherwise."""

    def __init__(self, total: int):
        self.running: list[str] = []
        self.live = None
        if sys.stdout.isatty() and total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.live = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 TextColumn("{task.description}"), transient=True)
            self.task = self.live.add_task("", total=total)
            self.live.start()

    def update(self, running: list[str], advance: int = 0) -> None:
        if self.live is not None:
            self.live.update(self.task, advance=advance, description="running: " + ", ".join(running))

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()


def _summary(rows: list[tuple[str, str, str, str]]) -> None:
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title="build summary")
        for col in ("report", "status", "time", "detail"):
            table.add_column(col)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
    else:
        width = max((len(r[0]) for r in rows), default=6)
        print(f"{'report':<{width}}  {'status':<8}  {'time':>6}  detail")
        for name, status, secs, detail in rows:
            print(f"{name:<{width}}  {status:<8}  {secs:>6}  {detail}")


def build(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    collection = (args.collection or params.collection_path()).resolve()
    if args.collection:
        os.environ["NATO_COLLECTION"] = str(collection)  # kernels call params.validated against the same map
    try:
        if args.list:
            print(_list(collection))
            return 0
        if args.jobs is not None and args.jobs < 1:
            raise BuildError(f"--jobs {args.jobs}: the number of worker processes must be 1 or more")
        overrides: dict[str, Any] = {}
        for name, value in args.parameter:
            if name in overrides:
                raise BuildError(f"-p {name} given twice ({overrides[name]!r} and {value!r}); give it once")
            overrides[name] = value
        everything, chosen = all_entries(collection, overrides, args.only)
    except (params.ParameterError, params.CollectionError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    reports, build_dir, cache_dir = _dirs()
    staging = cache.staging_dir(reports)
    code, env = cache.code_hash(), cache.environment_hash()
    todo, rows, keys = [], [], {}
    for e in chosen:
        entry_key = {k: v for k, v in e.to_dict().items() if k != "notebook"}
        keys[e.name] = cache.base_key(notebook=Path(e.notebook), entry=entry_key, code=code, env=env,
                                      kernel=KERNEL)
        reason = "forced" if args.force else cache.why_stale(cache.read_record(cache_dir, e.name), keys[e.name],
                                                             reports)
        if reason is None:
            rows.append((e.name, "cached", "", ""))
        else:
            todo.append((e, reason))

    failed = 0
    results: dict[str, tuple] = {}
    site = _site_plan(everything, reports, cache_dir, args.force)
    site_jobs = [{"part": part, "entries": [e.to_dict() for e in everything], "reports": str(reports),
                  "staging": str(staging)} for part in site]
    if todo:
        jobs = min(args.jobs or _cores(), len(todo))
        worker_env = {v: "1" for v in _THREAD_VARS}
        worker_env["NATO_COLLECTION"] = str(collection)
        worker_env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        worker_env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(_kernel_path(build_dir)), os.environ.get("PYTHONPATH", "")) if p)
        os.environ.update(worker_env)
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        build_dir.mkdir(parents=True, exist_ok=True)
        (build_dir / "kernels.log").write_text("", encoding="utf-8")  # this build's kernel chatter only
        progress = _Progress(len(todo))
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker,
                                   initargs=(worker_env, str(build_dir / "kernels.log"), os.getpid()))
        try:
            pending: dict = {}
            # Reports first (the long work), then the index and shared assets on whichever worker frees up.
            queue: list = [("report", e, reason) for e, reason in todo] + [("site", j, None) for j in site_jobs]
            # Submit no more than the pool can run so "running" is honest; refill as jobs finish.
            while queue or pending:
                while queue and len(pending) < jobs:
                    kind, item, reason = queue.pop(0)
                    if kind == "report":
                        job = {"entry": item.to_dict(), "reports": str(reports), "build": str(build_dir),
                               "staging": str(staging)}
                        pending[pool.submit(run_entry, job)] = (kind, item, reason)
                    else:
                        pending[pool.submit(site_job, item)] = (kind, item, reason)
                progress.update([x.name for k, x, _ in pending.values() if k == "report"])
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    kind, item, reason = pending.pop(fut)
                    if kind == "site":
                        res = fut.result()  # a broken renderer is a bug to see, not to hide
                        _record_site(cache_dir, res["part"], site[res["part"]], res["outputs"])
                        continue
                    e = item
                    try:
                        res = fut.result()
                    except Exception as exc:  # worker crashed: no report written for this entry
                        res = {"name": e.name, "ok": False, "seconds": 0.0, "outputs": {}, "reads": {},
                               "error": f"worker crashed: {type(exc).__name__}: {exc}", "debug": ""}
                    if res["ok"]:
                        _drop_leftovers(cache.read_record(cache_dir, e.name), res["outputs"], reports)
                        cache.write_record(cache_dir, e.name, key=keys[e.name], data=res["reads"],
                                           outputs=res["outputs"])
                    else:
                        cache.drop_record(cache_dir, e.name)
                    results[e.name] = (res, reason)
                    progress.update([x.name for k, x, _ in pending.values() if k == "report"], advance=1)
        except KeyboardInterrupt:
            progress.stop()
            pool.shutdown(wait=True, cancel_futures=True)
            print("interrupted: reports not finished keep their previous version", file=sys.stderr)
            return 130
        finally:
            progress.stop()
            pool.shutdown(wait=True, cancel_futures=True)
        for e, _ in todo:
            res, reason = results[e.name]
            if res["ok"]:
                rows.append((e.name, "built", f"{res['seconds']:.1f}s", reason))
            else:
                failed += 1
                rows.append((e.name, "FAILED", f"{res['seconds']:.1f}s",
                             f"{res['error']} — debug notebook: {res['debug']}"))
        order = {e.name: i for i, e in enumerate(chosen)}
        rows.sort(key=lambda r: order[r[0]])
    else:
        for job in site_jobs:
            res = site_job(job)
            _record_site(cache_dir, res["part"], site[res["part"]], res["outputs"])

    _search_index(everything, reports, cache_dir, staging, args.force)  # after every page is written
    _summary(rows)
    if failed:
        print(f"{failed} of {len(chosen)} report(s) failed; each has a failure page in {_rel(reports)}/",
              file=sys.stderr)
        return 1
    return 0


def main() -> None:
    try:
        code = build()
    except BrokenPipeError:  # e.g. `--list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
