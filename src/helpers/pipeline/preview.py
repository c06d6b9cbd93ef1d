"""``make preview`` / ``python -m helpers.pipeline --watch``: build what is stale, serve ``reports/`` on 127.0.0.1, and
rebuild and reload the open pages whenever a notebook, the data, the section map or the helpers change.

Three parts, each in its own place:

- this process watches the files (``watchfiles``; what counts as a change is decided in
  :mod:`helpers.pipeline.preview_watch`), serves the pages (:mod:`helpers.pipeline.preview_server`) and prints what
  happened; it never imports the renderer;
- one long-lived *builder* process (:mod:`helpers.pipeline.preview_builder`; spawned, like the build's workers)
  syncs the changed pair the way ``make sync`` does and runs the ordinary build (:func:`helpers.pipeline.cli.build`,
  cache and prose fast path included). It has the renderer imported already, which is what makes a prose edit fast.
  When ``src/helpers`` changes, it is replaced by a fresh one (its imported code would be stale);
- the open pages update themselves when the build rewrote them (``preview.js``, added by the server as it sends a
  page, never written to ``reports/``): changed prose, headings and tables are put in place; a changed chart or
  script reloads the page at the reader's place.

A pair is synced from the file that changed: a saved ``.py`` gives the ``.ipynb`` (``jupytext --to ipynb --update``
with outputs cleared, as ``make sync``); a saved ``.ipynb`` (JupyterLab) gives the ``.py``. A file whose content did
not change (the sync's own write, an editor touching a file) starts nothing. Ctrl-C stops the watcher, the server and
the builder (which stops its workers and their kernels as an interrupted build does).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from helpers import params, paths
from helpers.pipeline.preview_builder import Builder
from helpers.pipeline.preview_watch import Batch, Pages, Roots, Seen, batch_of, remember_all


def one_line(code: int, rows: list[tuple], refused: str) -> str:
    """The message of a failed build: the refusal, or each failed report with its error (first line)."""
    if refused:
        return refused.splitlines()[0]
    failed = [f"{name}: {detail.split(' — ')[0].splitlines()[0]}" for name, status, _, detail in rows
              if status == "FAILED"]
    return "; ".join(failed) if failed else f"the build exited with code {code}"


def _argv(base: list[str], ids: list[str] | None) -> list[str]:
    return [*base, *[a for i in ids for a in ("--only", i)]] if ids is not None else list(base)


def _targets(batch: Batch, selected: list[str] | None, collection: Path) -> list[str] | None:
    """Notebook ids to build for ``batch``: None for everything selected (the data, the map or the code changed),
    else the changed notebooks that the collection lists (and that ``--only`` selected)."""
    if batch.collection or batch.data or batch.helpers:
        return selected
    try:
        known = {nb.stem: nb.id for nb in params.notebooks(collection)}
    except Exception:
        return selected  # the build will say what is wrong with the section map
    ids = [known[stem] for stem in sorted(batch.notebooks) if stem in known]
    return [i for i in ids if selected is None or i in selected]


def say(text: str) -> None:
    print(f"[preview {time.strftime('%H:%M:%S')}] {text}", flush=True)


def _start_server(reports: Path, port: int):
    """The preview's HTTP server on 127.0.0.1, started; a port that is taken (or not ours to use) is refused in one
    line, nothing started."""
    from helpers.pipeline.preview_server import PreviewServer

    try:
        return PreviewServer(reports, port).start()
    except OSError as exc:
        from helpers.pipeline.plan import BuildError

        raise BuildError(f"cannot serve the preview on 127.0.0.1:{port}: {exc.strerror or exc}; give another "
                         "--port, or leave it out for a free one") from None


def serve(base: list[str], selected: list[str] | None, port: int = 0, *, build) -> int:
    """The preview loop; ``base`` is the build's command line (``--jobs``, ``--collection``, ``--force``),
    ``selected`` the ids of ``--only`` (None for all), ``build`` the build command (``cli.build``)."""
    import watchfiles

    collection = params.collection_path().resolve()
    roots, seen = Roots.current(collection), Seen()
    reports = paths.reports_dir()
    reports.mkdir(parents=True, exist_ok=True)
    pages = Pages(reports)
    server = _start_server(reports, port)
    builder = Builder(build)
    stop = threading.Event()
    try:
        builder.start()
        remember_all(roots, seen)
        say(f"serving {cache_relative(reports)} at {server.url}index.html (Ctrl-C stops)")
        builder.ready()
        _build(builder, server, pages, _argv(base, selected), [], "building what is stale")
        say("watching notebooks/, data/, collection.toml and src/helpers/")
        missed = batch_of([(None, str(p)) for p in list(seen.hashes)], roots, seen)  # saved during that build
        if missed:
            _build(builder, server, pages, _argv(base, _targets(missed, selected, collection)),
                   [str(roots.notebooks / s) for s in missed.sync()], f"{missed.describe()} changed", seen)
        for changes in watchfiles.watch(roots.notebooks, roots.data, roots.helpers, debounce=400, step=20,
                                        rust_timeout=500, yield_on_timeout=False, stop_event=stop):
            batch = batch_of(changes, roots, seen)
            if batch:
                _rebuild(batch, builder, server, pages, base, selected, roots, seen)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        say("stopping")
        builder.stop()
        server.stop()
    return 0


def _rebuild(batch: Batch, builder: Builder, server, pages: Pages, base: list[str], selected: list[str] | None,
             roots: Roots, seen: Seen) -> None:
    """Act on one batch of real changes: a fresh builder when the helpers changed, then sync the changed pairs and
    build the reports they touch (only sync when none of them is selected)."""
    if batch.helpers:
        say("src/helpers changed: starting a fresh builder (its imported code is stale)")
        builder.stop()
        builder.start()
        builder.ready()
    targets = _targets(batch, selected, roots.collection)
    sync = [str(roots.notebooks / s) for s in batch.sync()]
    if targets == []:
        _build(builder, server, pages, None, sync, f"{batch.describe()} changed (not a selected report)", seen)
        return
    _build(builder, server, pages, _argv(base, targets), sync, f"{batch.describe()} changed", seen)


def cache_relative(path: Path) -> str:
    from helpers import cache

    return cache.relative(path)


def _remember(seen: Seen, written: list[str]) -> None:
    for name in written:
        seen.remember(Path(name).resolve())


def _build(builder: Builder, server, pages: Pages, argv: list[str] | None, sync: list[str], why: str,
           seen: Seen | None = None) -> None:
    """Sync ``sync`` and build ``argv`` (None: only sync), telling the open pages what happened."""
    doing = [w for w, on in (("syncing", bool(sync)), ("building", argv is not None)) if on]
    say(f"{why}: {' and '.join(doing)}")
    if argv is not None:
        server.hub.send("building", {})
    tell = Announcer(server.hub, pages)
    written, errors, code = builder.build(argv, sync, tell.edition, tell.page, first=server.hub.edition_open())
    if seen is not None:
        _remember(seen, written)
    for error in errors:
        say(f"sync FAILED: {error}")
        server.hub.send("failed", {"message": error})
    say(f"done in {time.perf_counter() - tell.started:.2f}s")


class Announcer:
    """Tells the open pages about one build: each report's page as soon as it is written (the reader's page does
    not wait for the other edition, the search index or the index page), then each edition's outcome."""

    def __init__(self, hub, pages: Pages) -> None:
        self.hub, self.pages = hub, pages
        self.started = time.perf_counter()
        self.announced: list[str] = []
        self.failed: list[str] = []  # one edition that failed keeps the banner up while the next one builds

    def page(self, path: Path) -> None:
        rel = self.pages.written(path)
        if rel is not None:
            self.hub.send("reload", [rel])
            self.announced.append(rel)
            say(f"{rel} written in {time.perf_counter() - self.started:.2f}s: open copies update")

    def edition(self, code: int, rows: list[tuple], refused: str) -> None:
        changed = self.pages.rewritten()
        if code == 0 and not self.failed:
            self.hub.send("ok", {})
        elif code:
            message = one_line(code, rows, refused)
            self.failed.append(message)
            self.hub.send("failed", {"message": message})
            say(f"FAILED: {message}")
        if changed:
            self.hub.send("reload", changed)
        shown = [*self.announced, *changed]
        self.announced = []
        say(f"{len(shown)} page(s) rewritten in {time.perf_counter() - self.started:.2f}s"
            + (f": {', '.join(shown[:6])}{' …' if len(shown) > 6 else ''}" if shown else ""))
