"""``make preview`` / ``python -m helpers.pipeline --watch``: build what is stale, serve ``reports/`` on 127.0.0.1, and
rebuild and reload the open pages whenever a notebook, the data, the section map or the helpers change.

Three parts, each in its own place:

- this process watches the files (``watchfiles``; what counts as a change is decided in
  :mod:`helpers.pipeline.preview_watch`), serves the pages (:mod:`helpers.pipeline.preview_server`) and prints what
  happened; it never imports the renderer;
- one long-lived *builder* process (spawned, like the build's workers) syncs the changed pair the way ``make sync``
  does and runs the ordinary build (:func:`helpers.pipeline.cli.build`, cache and prose fast path included). It has the
  renderer imported already, which is what makes a prose edit fast. When ``src/helpers`` changes, it is replaced by
  a fresh one (its imported code would be stale);
- the open pages update themselves when the build rewrote them (``preview.js``, added by the server as it sends a
  page, never written to ``reports/``): changed prose, headings and tables are put in place; a changed chart or
  script reloads the page at the reader's place.

A pair is synced from the file that changed: a saved ``.py`` gives the ``.ipynb`` (``jupytext --to ipynb --update``
with outputs cleared, as ``make sync``); a saved ``.ipynb`` (JupyterLab) gives the ``.py``. A file whose content did
not change (the sync's own write, an editor touching a file) starts nothing. Ctrl-C stops the watcher, the server and
the builder (which stops its workers and their kernels as an interrupted build does).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from pathlib import Path

from helpers import params, paths
from helpers.pipeline.pairing import sync_pair
from helpers.pipeline.preview_watch import Batch, Pages, Roots, Seen, batch_of, remember_all

# ---------------------------------------------------------------------------------------------- the builder


def _builder(conn, ready: float, build) -> None:
    """The builder process: import the build (``build``: :func:`helpers.pipeline.cli.build`, handed in so this
    module does not import the command line that imports it) and the renderer once, then sync and build on
    request."""
    try:
        from helpers.pipeline import process

        process.quiet_imports()
        import jupytext.cli  # noqa: F401  (imported once: a sync then costs only its own work)

        import helpers.render  # noqa: F401  (the prose fast path renders in this process)

        conn.send(("ready", time.perf_counter() - ready))
        threading.Thread(target=_warm, name="preview-warm", daemon=True).start()
        while True:
            request = conn.recv()
            if request is None:
                return
            written, errors = [], []
            for name in request["sync"]:
                try:
                    written.append(str(sync_pair(Path(name))))
                except Exception as exc:  # a file jupytext cannot read: say so, build the rest
                    errors.append(f"{Path(name).name} could not be synced: {type(exc).__name__}: {exc}")
            conn.send(("synced", written, errors))
            if request["argv"] is None:
                conn.send(("done", 0))
                continue
            code = build(request["argv"], on_pages=lambda c, rows, refused: conn.send(("pages", c, rows, refused)),
                         on_page=lambda path: conn.send(("page", str(path))), first=request.get("first"))
            sys.stdout.flush()
            conn.send(("done", code))
    except (KeyboardInterrupt, EOFError, BrokenPipeError):
        return


def _warm() -> None:
    """Compile what the first prose edit would otherwise compile (nbconvert's exporter and the markdown cell's
    template: seconds on a busy machine), while the first build runs; a failure here only leaves it to that edit."""
    try:
        from helpers.render import prose_in_page

        prose_in_page.warm()
    except Exception:  # the edit itself will compile it, and say what is wrong
        logging.getLogger(__name__).debug("warming the prose path failed", exc_info=True)


class Builder:
    """The long-lived builder process and the messages it sends back."""

    def __init__(self, build) -> None:
        self.command = build  # not ``self.build``: that would hide the method below
        self.ctx = multiprocessing.get_context("spawn")
        self.proc = None
        self.conn = None

    def start(self) -> None:
        ours, theirs = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_builder, args=(theirs, time.perf_counter(), self.command),
                                     name="preview-builder")
        self.proc.start()
        theirs.close()
        self.conn = ours

    def ready(self) -> None:
        self._expect("ready")

    def _expect(self, kind: str):
        while True:
            try:
                message = self.conn.recv()
            except EOFError:
                raise RuntimeError("the preview's builder process ended unexpectedly") from None
            if message[0] == kind:
                return message
            raise RuntimeError(f"the preview's builder sent {message[0]!r}, expected {kind!r}")

    def build(self, argv: list[str], sync: list[str], on_pages, on_page=None,
              first: str | None = None) -> tuple[list[str], list[str], int]:
        """Sync then build (edition ``first`` first); ``on_page(path)`` as soon as each report's page is written,
        ``on_pages(code, rows, refused)`` once an edition's pages are. ``(files the sync wrote, sync errors, exit
        code)``."""
        self.conn.send({"argv": argv, "sync": sync, "first": first})
        _, written, errors = self._expect("synced")
        while True:
            try:
                message = self.conn.recv()
            except EOFError:
                raise RuntimeError("the preview's builder process ended unexpectedly") from None
            if message[0] == "page":
                if on_page is not None:
                    on_page(Path(message[1]))
            elif message[0] == "pages":
                on_pages(*message[1:])
            elif message[0] == "done":
                return written, errors, message[1]

    def stop(self, timeout: float = 20.0) -> None:
        """End the builder: ask it, then interrupt it (an interrupted build stops its workers and kernels), then
        terminate it."""
        if self.proc is None:
            return
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout=1.0)
        if self.proc.is_alive():
            os.kill(self.proc.pid, signal.SIGINT)
            self.proc.join(timeout=timeout)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(timeout=5)
        self.conn.close()
        self.proc = None


# ---------------------------------------------------------------------------------------------- the loop


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


def serve(base: list[str], selected: list[str] | None, port: int = 0, *, build) -> int:
    """The preview loop; ``base`` is the build's command line (``--jobs``, ``--collection``, ``--force``),
    ``selected`` the ids of ``--only`` (None for all), ``build`` the build command (``cli.build``)."""
    import watchfiles

    from helpers.pipeline.preview_server import PreviewServer

    collection = params.collection_path().resolve()
    roots, seen = Roots.current(collection), Seen()
    reports = paths.reports_dir()
    reports.mkdir(parents=True, exist_ok=True)
    pages = Pages(reports)
    try:
        server = PreviewServer(reports, port).start()
    except OSError as exc:  # the port is taken (or not ours to use): one line, nothing started
        from helpers.pipeline.plan import BuildError

        raise BuildError(f"cannot serve the preview on 127.0.0.1:{port}: {exc.strerror or exc}; give another "
                         "--port, or leave it out for a free one") from None
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
