"""The live preview (``make preview`` / ``python -m helpers.pipeline --watch``): a page open in Chromium follows edits
of the notebook's ``.py`` without a hand reload; a failed build shows a banner over the good page; ``reports/``
stays what a plain build writes; Ctrl-C leaves nothing running. Plus the server's own promises, without a browser."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers.pipeline import pairing, preview, preview_server, preview_watch

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------------------------------------- no browser


def test_the_reload_script_is_added_as_the_page_is_served_never_to_the_file(tmp_path):
    page = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>\n"
    (tmp_path / "a.html").write_bytes(page)
    (tmp_path / "data.csv").write_bytes(b"x\n1\n")
    server = preview_server.PreviewServer(tmp_path).start()
    try:
        assert server.url.startswith("http://127.0.0.1:")
        served = urllib.request.urlopen(server.url + "a.html", timeout=10).read()
        assert served == page.replace(b"</body>", preview_server.TAG + b"</body>")
        assert urllib.request.urlopen(server.url + "data.csv", timeout=10).read() == b"x\n1\n"
        script = urllib.request.urlopen(server.url + "__preview/live.js", timeout=10).read()
        assert b"EventSource" in script and b"location.reload" in script
        assert (tmp_path / "a.html").read_bytes() == page
    finally:
        server.stop()


def test_an_open_page_is_told_the_last_failure_and_each_reload(tmp_path):
    server = preview_server.PreviewServer(tmp_path).start()
    got: list[str] = []
    try:
        server.hub.send("failed", {"message": "02-beta: NameError in cell 3: name 'x' is not defined"})
        stream = urllib.request.urlopen(server.url + "__preview/events", timeout=10)

        def read():
            for raw in stream:
                got.append(raw.decode())

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + 10
        while server.hub.clients() == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.hub.send("reload", ["02-beta.html"])
        while "02-beta.html" not in "".join(got) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        server.stop()
    text = "".join(got)
    assert "event: failed" in text and "name 'x' is not defined" in text  # a page opened after the failure
    assert 'event: reload\ndata: ["02-beta.html"]' in text


def test_each_page_is_announced_once_as_soon_as_it_is_written_and_the_open_edition_builds_first(tmp_path):
    class Hub:
        def __init__(self):
            self.sent = []

        def send(self, event, data):
            self.sent.append((event, data))

    (tmp_path / "ar").mkdir()
    (tmp_path / "index.html").write_text("old index", encoding="utf-8")
    pages = preview_watch.Pages(tmp_path)
    hub = Hub()
    tell = preview.Announcer(hub, pages)
    (tmp_path / "06-zeta.html").write_text("new page", encoding="utf-8")
    tell.page(tmp_path / "06-zeta.html")
    assert hub.sent == [("reload", ["06-zeta.html"])]  # before the index is written
    (tmp_path / "index.html").write_text("new index", encoding="utf-8")
    tell.edition(0, [], "")
    assert hub.sent[1:] == [("ok", {}), ("reload", ["index.html"])]  # the page is not reloaded a second time

    live = preview_server.Hub()
    assert live.edition_open() is None
    live.connect("ar/06-zeta.html")
    live.connect("index.html")
    assert live.edition_open() == "en"
    live.connect("ar/index.html")
    assert live.edition_open() == "ar"


def test_the_preview_syncs_a_saved_pair_to_the_bytes_make_sync_writes(tmp_path):
    import shutil

    for side in ("preview", "make-sync"):
        (tmp_path / side).mkdir()
        for suffix in (".py", ".ipynb"):
            shutil.copy2(ROOT / "notebooks" / f"06-principles{suffix}", tmp_path / side / f"06-principles{suffix}")
        py = tmp_path / side / "06-principles.py"
        text = py.read_text(encoding="utf-8")
        py.write_text(text.replace("# %% [markdown]\n#", "# %% [markdown]\n# New words.\n#", 1), encoding="utf-8")
    pairing.sync_pair(tmp_path / "preview" / "06-principles.py")
    subprocess.run([sys.executable, "-m", "jupytext", "--quiet", "--to", "ipynb", "--update",
                    str(tmp_path / "make-sync" / "06-principles.py")], check=True)
    synced = (tmp_path / "preview" / "06-principles.ipynb").read_bytes()
    assert b"New words." in synced
    assert synced == (tmp_path / "make-sync" / "06-principles.ipynb").read_bytes()


def test_the_failure_message_is_one_line_naming_the_report():
    rows = [("01-alpha", "built", "1.0s", "prose"),
            ("03-gamma", "FAILED", "2.0s", "RuntimeError in cell 3: gamma was told to fail\nmore — debug notebook: x")]
    assert preview.one_line(1, rows, "") == "03-gamma: RuntimeError in cell 3: gamma was told to fail"
    assert preview.one_line(2, [], "notebook 09: unknown parameter 'x'\nsecond") == "notebook 09: unknown parameter 'x'"


def test_only_real_edits_of_watched_files_start_a_build(tmp_path):
    nbs, data, helpers = tmp_path / "notebooks", tmp_path / "data", tmp_path / "helpers"
    for d in (nbs, data, helpers):
        d.mkdir()
    roots = preview_watch.Roots(notebooks=nbs, data=data, helpers=helpers, collection=nbs / "collection.toml")
    files = {"py": nbs / "03-gamma.py", "ipynb": nbs / "03-gamma.ipynb", "tmp": nbs / "03-gamma_tmp_jupytext_1.ipynb",
             "csv": data / "alpha.csv", "h": helpers / "x.py", "toml": nbs / "collection.toml"}
    for f in files.values():
        f.write_text("one", encoding="utf-8")
    seen = preview_watch.Seen()
    preview_watch.remember_all(roots, seen)
    change = [(None, str(f)) for f in files.values()]
    assert not preview_watch.batch_of(change, roots, seen)  # saved again with the same content: nothing to do
    files["py"].write_text("two", encoding="utf-8")
    files["tmp"].write_text("two", encoding="utf-8")
    batch = preview_watch.batch_of(change, roots, seen)
    assert batch.notebooks == {"03-gamma": {".py"}} and batch.sync() == ["03-gamma.py"]
    assert not (batch.data or batch.helpers or batch.collection)
    for key in ("ipynb", "py", "csv", "h"):
        files[key].write_text("three", encoding="utf-8")
    batch = preview_watch.batch_of(change, roots, seen)
    assert batch.sync() == [] and batch.data and batch.helpers  # both sides saved (JupyterLab): a pair already


# ---------------------------------------------------------------------------------------------- in Chromium


def _gamma_pair(fake) -> Path:
    """03-gamma with a paragraph of prose, as a .py/.ipynb pair (the .py is what the writer edits)."""
    import jupytext

    path = fake.notebooks / "03-gamma.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = "# Gamma\n\nThe first words of gamma."
    nbformat.write(nb, path)
    py = fake.notebooks / "03-gamma.py"
    jupytext.write(jupytext.read(path), py, fmt="py:percent")
    subprocess.run([sys.executable, "-m", "jupytext", "--quiet", "--to", "ipynb", "--update", str(py)], check=True)
    return py


class _Output:
    def __init__(self, proc: subprocess.Popen):
        self.lines: list[str] = []
        self.seen = 0  # lines before this one were looked at by an earlier wait
        self.reader = threading.Thread(target=lambda: self.lines.extend(proc.stdout), daemon=True)
        self.reader.start()

    def wait(self, pattern: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ended = not self.reader.is_alive()  # the preview exited: what it printed is all there will be
            for i in range(self.seen, len(self.lines)):
                if re.search(pattern, self.lines[i]):
                    self.seen = i + 1
                    return self.lines[i]
            if ended:
                break
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in the preview's output:\n{''.join(self.lines)}")


def _descendants(pid: int) -> list[int]:
    import psutil

    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>t</title><script defer src="assets/report.js"></script></head><body>
<nav class="report-toc" id="toc"><a href="#intro">Intro</a></nav>
<main id="report-main">
<div id="cell-1"><h2 id="intro">Intro</h2><p>PROSE with a <a class="cite" href="#src-a">[1]</a>.</p></div>
<div id="cell-2"><div class="report-chart" id="c1" data-spec="spec-c1">CHART</div>
<script type="application/json" id="spec-c1">{"mark": "bar"}</script></div>
<div style="height: 3000px"></div>
<ol id="sources"><li id="src-a"><span class="report-source-publisher">Pub</span> <cite>Title</cite></li></ol>
</main></body></html>
"""


def test_a_prose_change_is_put_in_place_and_a_chart_change_reloads_the_page(tmp_path, chromium):
    """What the open page does with a new version: changed prose, headings and contents links are put in place (the
    reader's place and the page's own state kept, citation tooltips added to the new words); a changed chart reloads
    the whole page, at the same place."""
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "report.js").write_bytes((ROOT / "src/helpers/templates/nato_report/static/report.js").read_bytes())
    page_file = tmp_path / "a.html"
    page_file.write_text(_PAGE, encoding="utf-8")
    server = preview_server.PreviewServer(tmp_path).start()
    try:
        page = chromium.new_context(viewport={"width": 800, "height": 400}).new_page()
        page.goto(server.url + "a.html", wait_until="load")
        page.wait_for_function("document.querySelector('a.cite .cite-tip') !== null")  # report.js ran
        page.evaluate("window.scrollTo(0, 900); window.sameDocument = true")
        while server.hub.clients() == 0:
            time.sleep(0.01)

        page_file.write_text(_PAGE.replace("PROSE", "NEW PROSE").replace('"intro"', '"intro-2"')
                             .replace(">Intro<", ">Intro two<"), encoding="utf-8")
        server.hub.send("reload", ["a.html"])
        page.wait_for_function("document.body.innerText.includes('NEW PROSE')", timeout=10000)
        assert page.evaluate("window.sameDocument === true")
        assert page.get_attribute("html", "data-preview-updates") == "1"
        assert page.evaluate("window.scrollY") == 900
        assert page.inner_text("#toc") == "Intro two" and page.locator("#intro-2").count() == 1
        assert page.locator("#cell-1 a.cite .cite-tip").inner_text() == "Pub: Title"  # the new words' tooltip

        page_file.write_text(page_file.read_text(encoding="utf-8").replace('"mark": "bar"', '"mark": "line"'),
                             encoding="utf-8")
        server.hub.send("reload", ["a.html"])
        page.wait_for_function("window.sameDocument === undefined", timeout=10000)  # reloaded
        page.wait_for_load_state("load")
        assert '"mark": "line"' in page.content()
        page.wait_for_function("window.scrollY === 900", timeout=5000)
    finally:
        server.stop()


@pytest.mark.slow
def test_preview_follows_edits_in_the_open_page_and_leaves_reports_as_a_plain_build(fake, chromium):
    py = _gamma_pair(fake)
    proc = subprocess.Popen([sys.executable, "-m", "helpers.pipeline", "--watch", "--only", "03"],
                            env=fake.env(), cwd=fake.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    out = _Output(proc)
    try:
        url = re.search(r"(http://127\.0\.0\.1:\d+/)", out.wait(r"serving .* at http://127", 60)).group(1)
        out.wait("watching", 300)
        page = chromium.new_context(viewport={"width": 1280, "height": 300}).new_page()
        page.goto(url + "03-gamma.html", wait_until="load")
        assert "The first words of gamma." in page.inner_text("body")
        assert "GAMMA ok" in page.inner_text("body")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        scrolled = page.evaluate("window.scrollY")
        assert scrolled > 0
        page.evaluate("window.notReloadedByHand = true")

        # a prose edit: the new words appear without a reload by hand, the reader's place kept
        py.write_text(py.read_text(encoding="utf-8").replace("The first words", "The second words"),
                      encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('The second words of gamma.')", timeout=60000)
        assert "prose or titles changed" in out.wait(r"03-gamma\s+built", 30)
        page.wait_for_timeout(300)
        assert abs(page.evaluate("window.scrollY") - scrolled) <= 2
        assert page.evaluate("window.notReloadedByHand === true")  # put in place, not reloaded
        assert page.get_attribute("html", "data-preview-updates") == "1"

        # a code edit: run again, the new output appears
        py.write_text(py.read_text(encoding="utf-8").replace('print("GAMMA", P.mode)', 'print("GAMMA again", P.mode)'),
                      encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('GAMMA again ok')", timeout=240000)

        # a broken edit: a banner with the error, the good page stays
        py.write_text(py.read_text(encoding="utf-8").replace('print("GAMMA again", P.mode)',
                                                             'raise ValueError("broken on purpose")'),
                      encoding="utf-8")
        page.wait_for_selector("#nato-preview-banner", timeout=240000)
        banner = page.inner_text("#nato-preview-banner")
        assert "03-gamma" in banner and "broken on purpose" in banner
        assert "GAMMA again ok" in page.inner_text("body")
        assert "FAILED: 03-gamma" in out.wait("FAILED", 30)

        # fixed again: the run is the cached one, the banner goes
        py.write_text(py.read_text(encoding="utf-8").replace('raise ValueError("broken on purpose")',
                                                             'print("GAMMA again", P.mode)'), encoding="utf-8")
        page.wait_for_selector("#nato-preview-banner", state="detached", timeout=120000)
        # the banner goes as soon as the page is good again; the index, which drops its "last build failed" mark,
        # is written after it: Ctrl-C only once that build is done (on a loaded machine it came in between)
        out.wait(r"changed: .*building", 60)
        out.wait(r"done in", 120)
        alive = _descendants(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in the terminal
        code = proc.wait(timeout=90)
    assert code == 0, "".join(out.lines)
    time.sleep(1)
    import psutil

    left = [p for p in alive if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    assert not left, f"left running after Ctrl-C: {left}"

    # reports/ is byte-identical to a plain build of the same notebook, in a fresh folder
    previewed = fake.report_files()
    assert b"__preview" not in b"".join(previewed.values())
    plain = fake.root / "plain"
    done = fake.build("--only", "03", NATO_REPORTS_DIR=str(plain / "reports"), NATO_BUILD_DIR=str(plain / "build"),
                      NATO_CACHE_DIR=str(plain / "cache"))
    assert done.returncode == 0, done.stdout + done.stderr
    fresh = {p.relative_to(plain / "reports").as_posix(): p.read_bytes()
             for p in sorted((plain / "reports").rglob("*")) if p.is_file()}
    assert previewed == fresh


def _raw_request(server, raw: bytes) -> bytes:
    """What the preview server answers to ``raw`` bytes sent on a fresh connection."""
    import socket

    host, port = server.httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(raw)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


def test_a_malformed_or_overlong_request_line_gets_an_http_error_not_a_traceback(tmp_path, capfd):
    """A request line that is not HTTP, or of 70,000 characters, got no answer and printed an AttributeError
    traceback into the preview's terminal (the handler read the request's path before there was one; hostile
    review 5, #55). It gets 400 or 414, and the terminal stays quiet."""
    (tmp_path / "a.html").write_bytes(b"<html><body>x</body></html>")
    server = preview_server.PreviewServer(tmp_path).start()
    try:
        capfd.readouterr()
        garbage = _raw_request(server, b"GARBAGE\r\n\r\n")
        long = _raw_request(server, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n")
        fine = _raw_request(server, b"GET /a.html HTTP/1.0\r\n\r\n")
    finally:
        server.stop()
    err = capfd.readouterr().err
    # not HTTP: answered as HTTP/0.9 is, the error page alone
    assert b"Error code: 400" in garbage and long.startswith(b"HTTP/1.0 414"), (garbage, long)
    assert fine.startswith(b"HTTP/1.0 200")
    assert "Traceback" not in err and "AttributeError" not in err, err


def test_a_port_in_use_is_one_line(fake):
    """``--watch --port N`` with N taken by another program ended in a traceback (``OSError: [Errno 98] Address
    already in use``). It is one line naming the port and what to do, and exit code 2."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = fake.build("--watch", "--only", "03", "--port", str(port))
    err = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(err) == 1 and "Traceback" not in res.stderr, res.stderr
    assert f"127.0.0.1:{port}" in err[0] and "Address already in use" in err[0] and "--port" in err[0], err


def test_the_server_serves_the_reports_files_only_and_only_at_its_own_address(tmp_path, capfd):
    """It listed folders (#52), followed a symbolic link out of the reports folder (``etclink -> /etc``: the
    passwords file was served, #53), printed a traceback for a NUL in the path (#54) and answered any Host, so a
    page elsewhere could read it through DNS rebinding. Each is now refused with an HTTP
    error and nothing in the terminal; the pages themselves are served as before."""
    reports = tmp_path / "reports"
    (reports / "assets").mkdir(parents=True)
    (reports / "index.html").write_bytes(b"<html><body>index</body></html>")
    (reports / "assets" / "report.css").write_bytes(b"body{}")
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "passwd").write_bytes(b"root:x:0:0")
    (reports / "etclink").symlink_to(secret)
    server = preview_server.PreviewServer(reports).start()
    port = server.httpd.server_address[1]

    def status(path: str, host: str | None = None) -> bytes:
        head = f"GET {path} HTTP/1.0\r\n" + (f"Host: {host}\r\n" if host else "") + "\r\n"
        return _raw_request(server, head.encode()).split(b"\r\n", 1)[0]

    try:
        capfd.readouterr()
        got = {
            "page": status("/index.html", f"127.0.0.1:{port}"), "root": status("/", f"localhost:{port}"),
            "asset": status("/assets/report.css"), "listing": status("/assets/"),
            "link out": status("/etclink/passwd"), "nul": status("/index.html%00.txt"),
            "other host": status("/index.html", "evil.example"),
        }
    finally:
        server.stop()
    assert got == {"page": b"HTTP/1.0 200 OK", "root": b"HTTP/1.0 200 OK", "asset": b"HTTP/1.0 200 OK",
                   "listing": b"HTTP/1.0 404 Not Found", "link out": b"HTTP/1.0 404 Not Found",
                   "nul": b"HTTP/1.0 404 Not Found",
                   "other host": b"HTTP/1.0 403 the preview answers only at its own address"}, got
    assert "Traceback" not in capfd.readouterr().err
