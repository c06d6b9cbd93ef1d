"""One build from start to end: the parsed options (:mod:`.arguments`) → a checked plan → the pool → the summary
and an exit code.

Exit codes: 0 every report built or up to date; 1 a report failed (it has a failure page, named in the summary);
2 the command line, a parameter, the collection or the output folder was refused (one line on stderr, nothing
run, nothing written); 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers import cache, params, paths
from helpers.i18n import EDITIONS, edition_dir
from helpers.pipeline import arguments, build_lock, folders, plan
from helpers.pipeline.pairing import PairError
from helpers.pipeline.plan import BuildError
from helpers.pipeline.summary import plain


def output_dirs(lang: str = "en", collection: Path | None = None) -> tuple[Path, Path, Path, Path]:
    """``(reports, build, cache, staging)`` of an edition, each checked apart from the sources and from each other,
    created and checked writable; BuildError names the folder. The Arabic edition has folders of its own (``ar/``
    in each), so one edition never reads or replaces the other's reports, cache records or executed notebooks."""
    reports, build_dir, cache_dir = (edition_dir(f(), lang) for f in (paths.reports_dir, paths.build_dir,
                                                                          paths.cache_dir))
    try:
        folders.check({"reports": reports, "build": build_dir, "cache": cache_dir},
                      collection or params.collection_path().resolve(), lang)
        return reports, build_dir, cache_dir, folders.writable(reports, build_dir, cache_dir)
    except folders.FolderError as exc:
        raise BuildError(str(exc)) from None


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
    arguments.overrides(args)
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
        arguments.refuse_list_options(args)
        print(arguments.list_text(collection, args.only))
        return None
    return plan.all_entries(collection, arguments.overrides(args), args.only, arguments.sweep_of(args, collection))


def _collection(args: argparse.Namespace) -> Path:
    given = args.collection or params.collection_path()
    try:
        collection = given.resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic-link loop
        raise params.CollectionError(f"{given}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    params.notebooks(collection)  # read and checked once, before anything else
    return collection


def build(argv: list[str] | None = None, on_pages: Callable[[int, list[tuple], str], None] | None = None,
          on_page: Callable[[Path], None] | None = None, first: str | None = None) -> int:
    """Run the command line ``argv``; the exit code. ``on_pages(code, summary rows, refusal)``, when given, is
    called once an edition's pages are written (before the search index) or the command was refused (code 2, the
    one-line reason); ``on_page(path)`` as soon as each report's page is written; ``first`` names the edition to
    build first (the one the reader has open). The live preview reloads the open pages from these."""
    args = arguments.parse_args(argv)
    if args.port and not args.watch:
        print("error: --port is for --watch (the live preview)", file=sys.stderr)
        return 2
    try:
        paths.check_settings()
        collection = _collection(args)
    except (params.CollectionError, paths.SettingError) as exc:
        return _refused(exc, on_pages)
    # every step below (and the kernels, through the workers' environment) reads the same section map
    with paths.using(collection=collection if args.collection else None), cache.code_pinned():
        return _build(args, collection, on_pages, on_page, first)


def _refused(exc: Exception, on_pages) -> int:
    print(f"error: {plain(exc)}", file=sys.stderr)
    if on_pages is not None:
        on_pages(2, [], plain(exc))
    return 2


def _build(args: argparse.Namespace, collection: Path, on_pages, on_page=None, first: str | None = None) -> int:
    with contextlib.ExitStack() as lock:  # once the folders are checked: one build at a time on a cache
        return _locked_build(args, collection, on_pages, on_page, first, lock)


def _locked_build(args, collection: Path, on_pages, on_page, first, lock: contextlib.ExitStack) -> int:
    try:
        if args.watch:
            return _watch(args, collection)
        planned = _checked_plan(args, collection)
        if planned is None:
            return 0
        everything, chosen = planned
        from helpers.pipeline.run import Dirs

        editions = [lang for lang in EDITIONS if lang in args.lang] if args.lang else paths.editions()
        editions.sort(key=lambda lang: lang != first)  # the reader's edition first; each edition is independent
        dirs = {lang: Dirs(*output_dirs(lang, collection)) for lang in editions}
        lock.enter_context(build_lock.held(paths.cache_dir()))
        _bring_pairs_together(chosen, dirs[editions[0]].cache)
        _check_catalogs(chosen, editions)
    except (params.ParameterError, params.CollectionError, BuildError, PairError) as exc:
        return _refused(exc, on_pages)
    code = 0
    for lang in editions:
        code = max(code, _edition(args, collection, everything, chosen, dirs[lang], lang, len(editions) > 1,
                                  (on_pages, on_page)))
        if code in (130, 143):  # interrupted or terminated: the other edition is not started
            break
    for d in dirs.values():
        folders.tidy(d.staging, d.reports)
    if code not in (130, 143) and args.lang:  # one edition asked for on the command line, and built
        _say_missing_counterparts(chosen, editions)
    return code


def _bring_pairs_together(chosen: list, cache_dir: Path) -> None:
    """Each selected notebook's ``.ipynb`` synced from its ``.py`` when the ``.py`` was edited since (as ``make
    sync``), said in one line each; PairError when an ``.ipynb`` edit would be lost (:mod:`pairing`). Then a
    warning line per image a markdown cell links by a relative path that names no file (:mod:`images`)."""
    from helpers.pipeline import pairing

    for ipynb, kept in pairing.bring_together([Path(e.notebook) for e in chosen], cache_dir / "_pairs.json"):
        print(f"synced {cache.relative(ipynb)} from its .py (edited since the two last agreed), as `make sync` "
              "does" + (f"; the previous .ipynb is kept at {cache.relative(kept)}" if kept else ""))
    from helpers.pipeline.images import missing_images

    for notebook in sorted({e.notebook for e in chosen}):  # once the pairs agree: what the pages will show
        for line in missing_images(Path(notebook)):
            print(f"warning: {plain(line)}", file=sys.stderr)


def _check_catalogs(chosen: list, editions: list[str]) -> None:
    """BuildError naming the first translation of a selected notebook's cell that a page may not show, before any
    kernel starts (it was refused only once the report had run)."""
    from helpers.i18n import catalogs

    for lang in (lang for lang in editions if lang != "en"):
        for stem in sorted({e.stem for e in chosen}):
            problem = catalogs.unsafe_entry(stem, lang)
            if problem:
                raise BuildError(f"{problem}; fix the entry, then build again")


def _say_missing_counterparts(chosen: list, editions: list[str]) -> None:
    """Every page links to its other edition; when ``--lang`` built one edition only, name how many of those
    links lead to a page not built yet, and the command that builds them (the pages themselves do not change:
    an edition's bytes never depend on the other's)."""
    for other in (lang for lang in EDITIONS if lang not in editions):
        folder = edition_dir(paths.reports_dir(), other)
        missing = [e.output for e in chosen if not (folder / e.output).is_file()]
        if missing:
            name = "Arabic" if other == "ar" else "English"
            print(f"note: {len(missing)} page(s) link to their {name} edition in {plain(cache.relative(folder))}/, "
                  f"not built yet (e.g. {missing[0]}); build it with --lang {other}, or without --lang for both")


def _edition(args, collection: Path, everything: list, chosen: list, dirs, lang: str, say: bool,
             hooks=(None, None)) -> int:
    """Build one edition: its entries carry the language; this process sees it through ``paths.using`` and the
    workers (and their kernels) through their environment (``NATO_LANG``)."""
    from dataclasses import replace

    with paths.using(lang=lang):
        if say:
            print(f"{'English' if lang == 'en' else 'Arabic'} edition ({plain(cache.relative(dirs.reports))}/):")
        _say_orphan_entries(chosen, lang)
        return _run(args, collection, lang, [replace(e, lang=lang) for e in everything],
                    [replace(e, lang=lang) for e in chosen], dirs, hooks)


def _say_orphan_entries(chosen: list, lang: str) -> None:
    """A warning per notebook whose catalog holds an entry matching no cell while cells fall back to English, or
    whose cells have no translation at all (shown in English, marked as such)."""
    if lang == "en":
        return
    from helpers.i18n import catalogs

    for stem, notebook in sorted({(e.stem, e.notebook) for e in chosen}):
        line = catalogs.notebook_orphan_note(stem, Path(notebook), lang) or \
            catalogs.untranslated_note(stem, Path(notebook), lang)
        for note in (line, catalogs.outdated_note(stem, Path(notebook), lang)):
            if note:
                print(f"warning: {note}", file=sys.stderr)


def _run(args, collection: Path, lang: str, everything: list, chosen: list, dirs, hooks=(None, None)) -> int:
    from helpers.pipeline import front_page, placement, search_index, summary
    from helpers.pipeline.jobs import SiteJob

    jobs, fresh = plan.cache_plan(chosen, dirs.cache, dirs.reports, args.force, plan.page_context(everything))
    for e in fresh:  # up to date again (the notebook put back as it was): its last build did not fail
        placement.clear_failure(dirs, e.name)
    site = {part: SiteJob(part, key, tuple(everything), dirs.reports, dirs.staging)
            for part, key in plan.site_plan(everything, dirs.reports, dirs.cache, args.force).items()}
    on_pages, on_page = hooks
    records = summary.record_times(jobs, dirs.cache)
    try:
        results = _execute(args, jobs, site, dirs, collection, lang, on_page)
        table = summary.rows([e.name for e in chosen], [e.name for e in fresh], results,
                             {j.entry.name: j.reason for j in jobs})
        if on_pages is not None:
            on_pages(summary.exit_code(table), table, "")
        site_errors = [(summary.ASSETS, res.error) for name, res in results.items() if name.startswith("_")]
        # each after every page is written, and each on its own: one that cannot be written keeps its previous
        # version and is named among the errors, and the others and the summary still follow
        _site_step("the search index (assets/search-index.js)", site_errors,
                   lambda: search_index.write(everything, dirs, args.force))
        swept = _site_step("the sweep's page", site_errors,  # before the index, which lists it
                           lambda: _sweep_page(args, collection, chosen, everything, dirs)) or []
        indexes = _indexes(args, collection, everything, dirs, site_errors)
        for line in _site_step("the list of your builds", site_errors,
                               lambda: front_page.outdated_builds(everything, dirs, args.lang)) or []:
            print(f"warning: {line}", file=sys.stderr)
    except KeyboardInterrupt as exc:
        return _stopped(exc, _stopped_edition(lang, jobs, dirs, records))
    except BuildError as exc:  # --scheduler: no scheduler answered (nothing was run)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a full or read-only disk under the build's own files
        print(f"error: {exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else "")
              + "; reports not finished keep their previous version", file=sys.stderr)
        return 1
    return summary.finish(table, {e.name: e.output for e in chosen}, dirs.reports, site_errors,
                          [*swept, *indexes])


def _indexes(args, collection: Path, everything: list, dirs, site_errors: list) -> list[str]:
    """The indexes written: this edition's, then (``--lang``) the other's if it has one (its marks follow the data)."""
    from helpers.pipeline import front_page
    from helpers.pipeline.run import Dirs

    index_written = _site_step(f"the index ({plan.INDEX})", site_errors,  # reads each page's headline finding
                               lambda: front_page.write(everything, dirs, args.force))
    front_page.left_stale(index_written is None, everything, dirs, site_errors)
    others = _site_step("the other edition's index", site_errors,
                        lambda: front_page.write_others(everything, args.lang,
                                                        lambda o: Dirs(*output_dirs(o, collection)))) or []
    return [*([plan.INDEX] if index_written else []), *others]


def _execute(args, jobs: list, site: dict, dirs, collection: Path, lang: str, on_page=None) -> dict:
    """Run the stale reports and the site parts: in this process when no kernel is needed, else on the local pool
    or on Dask (``--executor``); only the site parts when no report is stale."""
    from helpers.pipeline import run, worker

    results: dict = {}
    if not jobs:
        for job in site.values():
            run.site_result(dirs, job, worker.write_site(job), results)
        return results
    if all(j.action == "render" for j in jobs):
        return run.run_here(jobs, site, dirs, on_page)
    n_workers = min(args.jobs or run.cores(), len(jobs))
    if args.executor == "dask":
        from helpers.pipeline import dask_run

        return dask_run.run_dask(jobs, site, dirs, n_workers, collection, lang, args.scheduler)
    return run.run_pool(jobs, site, dirs, n_workers, collection, lang, on_page, warm=args.kernels == "warm")


def _site_step(what: str, errors: list[tuple[str, str]], step: Callable[[], Any]) -> Any:
    """``step()``'s result; when it fails (a full or read-only reports disk, a link out of ``reports/``, a data
    file the page reads that breaks the data contract), None and ``(the part, the reason)`` in ``errors``."""
    from helpers import load

    try:
        return step()
    except OSError as exc:
        reason = f"{exc.strerror or exc}" + (f" ({exc.filename})" if getattr(exc, "filename", None) else "")
    except load.DataError as exc:
        reason = str(exc).splitlines()[0] + (f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else "")
    except Exception as exc:  # noqa: BLE001 - a renderer's fault costs this part, not the build's summary
        reason = f"{type(exc).__name__}: {exc}"
    errors.append((what, reason))
    return None


def _sweep_page(args, collection: Path, chosen: list, everything: list, dirs) -> list[str]:
    """A sweep's own index page (``reports/sweeps/<slug>.html``), when this build is a sweep: ``[its path]`` when
    written, else ``[]``."""
    if not args.sweep:
        return []
    from helpers.pipeline import sweep_index

    reports = sweep_index.swept(swept := arguments.sweep_of(args, collection), chosen, collection)
    if not sweep_index.write(swept, reports, everything, dict(args.parameter), dirs, args.force):
        return []
    return [f"{sweep_index.FOLDER}/{sweep_index.slug(swept, reports, dict(args.parameter))}.html"]


def _stopped_edition(lang: str, jobs: list, dirs, records: dict[str, int]) -> str:
    """What an interrupt stopped: the edition, and how many of its reports to build were written before it."""
    from helpers.pipeline import summary

    return (f"the {'English' if lang == 'en' else 'Arabic'} edition's build stopped with "
            f"{summary.finished(jobs, dirs.cache, records)} of its {len(jobs)} report(s) to build finished and written")


def _stopped(exc: KeyboardInterrupt, what: str) -> int:
    """Say in one line what Ctrl-C or SIGTERM stopped and that nothing good was lost; the exit code."""
    from helpers.pipeline import process

    term = isinstance(exc, process.Terminated)
    print(f"{f'terminated ({exc.signame})' if term else 'interrupted'}: {what}; reports not finished keep their "
          "previous version, no good report was overwritten", file=sys.stderr)
    return exc.code if term else 130


def main() -> None:
    from helpers.pipeline import process

    process.stop_on_sigterm()
    try:
        code = build()
    except BrokenPipeError:  # e.g. `--list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt as exc:  # before or after an edition's reports ran
        code = _stopped(exc, "the build stopped")
    sys.exit(code)
