"""The preview's web server: ``reports/`` on 127.0.0.1, a reload script added to each page as it is served, and a
stream of server-sent events that tells open pages to reload or to show a failed build's message.

Only the standard library (``http.server`` in a thread per request). It answers at its own address only (127.0.0.1
or localhost with its port, as the Host header names it), serves files inside the reports folder only (no link out
of it is followed, no folder is listed). The script is added to the HTML this server
sends, never to the files: ``reports/`` stays exactly what a plain build writes. Everything else is served as
``http.server`` serves files (with ``Last-Modified``, so a reload fetches only the page again).
"""

from __future__ import annotations

import json
import os
import queue
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

PREFIX = "/__preview/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "live.js"
TAG = f'<script src="{SCRIPT}"></script>'.encode()
HEARTBEAT = 10.0  # seconds between keep-alive comments on an idle event stream


def inject(page: bytes) -> bytes:
    """``page`` with the reload script before its last ``</body>`` (at the end when it has none)."""
    at = page.lower().rfind(b"</body>")
    return page + TAG if at < 0 else page[:at] + TAG + page[at:]


class Hub:
    """The open pages' event streams: each gets every event sent after it connected, and the last build state."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: list[queue.Queue] = []
        self._pages: dict[int, str] = {}  # id of a stream's queue -> the page it belongs to
        self._state: tuple[str, str] = ("ok", "{}")  # what a page opened now must know ("failed" shows the banner)
        self.closed = threading.Event()

    def connect(self, page: str = "") -> queue.Queue:
        q: queue.Queue = queue.Queue()
        with self._lock:
            q.put(self._state)
            self._clients.append(q)
            self._pages[id(q)] = page
        return q

    def disconnect(self, q: queue.Queue) -> None:
        with self._lock:
            if q in self._clients:
                self._clients.remove(q)
            self._pages.pop(id(q), None)

    def edition_open(self) -> str | None:
        """The edition most open pages belong to ("ar" for pages under ``ar/``, else "en"); None when no page is
        open. The preview builds it first."""
        with self._lock:
            pages = list(self._pages.values())
        if not pages:
            return None
        arabic = sum(p.startswith("ar/") for p in pages)
        return "ar" if arabic * 2 > len(pages) else "en"

    def clients(self) -> int:
        with self._lock:
            return len(self._clients)

    def send(self, event: str, data) -> None:
        item = (event, json.dumps(data, ensure_ascii=False))
        with self._lock:
            if event in ("ok", "failed"):
                self._state = item
            for q in self._clients:
                q.put(item)

    def close(self) -> None:
        self.closed.set()
        with self._lock:
            for q in self._clients:
                q.put(None)


class Handler(SimpleHTTPRequestHandler):
    hub: Hub

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows the build, not every request

    def handle(self) -> None:
        """A reader who closes the tab or reloads mid-answer is no error: the answer stops there, with no
        traceback in the preview's terminal."""
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def end_headers(self) -> None:
        # an error answered before the request line was read (too long, not HTTP) has no path yet
        if getattr(self, "path", "").split("?")[0].endswith((".html", "/")):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _refused(self) -> bool:
        """Answer and return True for a request this server does not serve: another Host than its own address (a
        page elsewhere reaching it through DNS rebinding), a path with a NUL, outside the reports folder (through a
        symbolic link) or of a folder without an index page (no listings)."""
        host = self.headers.get("Host")
        port = self.server.server_address[1]
        if host is not None and host.lower() not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            self.send_error(HTTPStatus.FORBIDDEN, "the preview answers only at its own address")
            return True
        path = self.path.partition("?")[0].partition("#")[0]
        if path.startswith(PREFIX):
            return False
        target = self.translate_path(path)
        root = os.path.realpath(self.directory)
        if "\x00" in target or os.path.commonpath([root, os.path.realpath(target)]) != root:
            self.send_error(HTTPStatus.NOT_FOUND)
            return True
        return False

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)  # the reports are pages; a folder is not one
        return None

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
        if not self._refused():
            super().do_HEAD()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self._refused():
            return None
        path, _, query = self.path.partition("?")
        if path == EVENTS:
            return self._events(parse_qs(query).get("page", [""])[0])
        if path == SCRIPT:
            return self._send(resources.files("helpers.pipeline").joinpath("preview.js").read_bytes(),
                              "text/javascript; charset=utf-8")
        if path.startswith(PREFIX):
            return self.send_error(HTTPStatus.NOT_FOUND)
        target = Path(self.translate_path(path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            return self._send(inject(target.read_bytes()), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        super().end_headers()
        self.wfile.write(body)

    def _events(self, page: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()
        q = self.hub.connect(page)
        try:
            self.wfile.write(b"retry: 500\n\n")
            while not self.hub.closed.is_set():
                try:
                    item = q.get(timeout=HEARTBEAT)
                except queue.Empty:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                    continue
                if item is None:
                    break
                event, data = item
                self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.hub.disconnect(q)


class PreviewServer:
    """``reports`` served on ``127.0.0.1:port`` (0: a free port) in a background thread."""

    def __init__(self, reports: Path, port: int = 0):
        self.hub = Hub()
        handler = type("PreviewHandler", (Handler,), {"hub": self.hub})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(reports)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="preview-server", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> PreviewServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.hub.close()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
