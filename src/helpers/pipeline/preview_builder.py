"""``make preview``'s builder: one long-lived process that syncs a changed notebook pair as ``make sync`` does and
runs the ordinary build, with the renderer imported once (what makes a prose edit fast).

:class:`Builder` is the preview loop's side (:mod:`helpers.pipeline.preview` starts it, asks it to sync and build,
and replaces it when ``src/helpers`` changes); :func:`_builder` runs in the spawned process.
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

from helpers.pipeline.pairing import sync_pair


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
