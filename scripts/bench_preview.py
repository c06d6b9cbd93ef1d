"""The live preview's speed, seen from the browser (``make bench``; a measurement, not a test).

Starts ``python -m helpers.pipeline --watch`` on a copy of one notebook (default 06) in a temporary folder, opens its
page in headless Chromium through the preview, and measures, for several prose edits of the ``.py`` (a sentence
added to an existing markdown cell), the time from the file being saved to the new text being on the page, and
whether the open page put it in place or reloaded; then
the same for a code edit (a run in a kernel). Nothing is written under ``notebooks/`` or ``reports/``.

    python scripts/bench_preview.py [--only ID] [--edits N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _src_first() -> str:
    """This checkout's code first on the path of every process the bench starts (the environment may have another
    checkout's ``helpers`` installed, which the bench would otherwise measure)."""
    return os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)
sys.path.insert(0, str(ROOT / "tests"))

from helpers import paths  # noqa: E402

URL = re.compile(r"(http://127\.0\.0\.1:\d+/)index\.html")


def copy_notebook(tmp: Path, nb_id: str) -> tuple[Path, Path]:
    """A section map with one notebook and no variants, beside copies of its pair; ``(collection, .py)``."""
    from helpers.section_map import read as read_collection

    raw = read_collection(paths.COLLECTION)
    folder = tmp / "notebooks"
    folder.mkdir()
    (tmp / "data").symlink_to(paths.DATA)
    nb = next(n for n in raw["notebook"] if n["id"] == nb_id or n["stem"] == nb_id)
    for suffix in (".py", ".ipynb"):
        shutil.copy2(paths.NOTEBOOKS / f"{nb['stem']}{suffix}", folder / f"{nb['stem']}{suffix}")
    text = (paths.COLLECTION).read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\[notebook\]\])", text)
    mine = next(b for b in blocks if re.search(rf'(?m)^stem = "{re.escape(nb["stem"])}"', b))
    mine = re.split(r"(?m)^\s*\[\[notebook\.variant\]\]", mine)[0]
    (folder / "collection.toml").write_text(mine, encoding="utf-8")
    return folder / "collection.toml", folder / f"{nb['stem']}.py"


def add_to_last_prose(py: Path, words: str) -> None:
    """Append ``words`` to the last line of the last markdown cell of a py:percent notebook."""
    lines = py.read_text(encoding="utf-8").split("\n")
    start = max(i for i, line in enumerate(lines) if line.startswith("# %% [markdown]"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# %%")), len(lines))
    last = max(i for i in range(start + 1, end) if lines[i].startswith("# ") and lines[i].strip() != "#")
    lines[last] += f" {words}"
    py.write_text("\n".join(lines), encoding="utf-8")


def add_code_line(py: Path, line: str) -> None:
    """Add ``line`` at the end of the last code cell (a change a kernel must run)."""
    text = py.read_text(encoding="utf-8").rstrip("\n")
    py.write_text(f"{text}\n{line}\n", encoding="utf-8")


class Preview:
    def __init__(self, env: dict, cwd: Path, args: list[str]):
        self.proc = subprocess.Popen([sys.executable, "-m", "helpers.pipeline", "--watch", *args], env=env, cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line)

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        """Wait until a line of the preview's output matches ``pattern`` (the line is consumed)."""
        deadline = time.monotonic() + timeout
        rx = re.compile(pattern)
        while time.monotonic() < deadline:
            for line in list(self.lines):
                m = rx.search(line)
                if m:
                    self.lines.remove(line)
                    return m
            time.sleep(0.01)
        raise TimeoutError(f"no line matching {pattern!r} in {timeout}s; output so far:\n{''.join(self.lines)}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # Ctrl-C, as a terminal sends it
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="06", help="notebook id or stem (default 06)")
    ap.add_argument("--edits", type=int, default=5, help="prose edits to time (default 5)")
    args = ap.parse_args(argv)

    from browser import report_browser as rb

    if rb.missing():
        print(f"preview bench skipped: {', '.join(rb.missing())} missing (scripts/ensure-system-deps.sh)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="nato-bench-preview-"))
    preview = None
    try:
        collection, py = copy_notebook(tmp, args.only)
        stem = py.stem
        env = {**os.environ, "PYTHONPATH": _src_first(),
               "NATO_COLLECTION": str(collection), "NATO_REPORTS_DIR": str(tmp / "reports"),
               "NATO_BUILD_DIR": str(tmp / "build"), "NATO_CACHE_DIR": str(tmp / "cache")}
        t0 = time.perf_counter()
        preview = Preview(env, tmp, [])
        url = preview.wait_for(URL.pattern, 60).group(1)
        preview.wait_for(r"watching", 600)
        preview.lines.clear()
        print(f"preview of {stem}: first build (a kernel run) and ready in {time.perf_counter() - t0:.1f}s")
        with rb.browser() as b:
            page = b.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.goto(f"{url}{stem}.html", wait_until="load")
            prose = []
            for i in range(args.edits):
                words = f"Benchmark sentence number {i} of {os.getpid()}."
                time.sleep(0.5)
                preview.lines.clear()
                page.evaluate("window.benchSameDocument = true")  # gone if the preview reloads the page
                started = time.perf_counter()
                add_to_last_prose(py, words)
                page.wait_for_function(f"document.body && document.body.innerText.includes({words!r})",
                                       timeout=60000, polling=10)
                prose.append(time.perf_counter() - started)
                how = "put in place" if page.evaluate("window.benchSameDocument === true") else "page reloaded"
                built = preview.wait_for(rf"\] {re.escape(stem)}\.html written in ([\d.]+)s", 30).group(1)
                done = preview.wait_for(r"done in ([\d.]+)s", 60).group(1)  # the next save finds it idle
                print(f"  prose edit {i + 1}: {prose[-1]:.2f}s from save to the new text on the page, {how} (written "
                      f"{built}s after the preview saw the save; other edition and indexes done at {done}s; "
                      f"load {os.getloadavg()[0]:.1f})")
            words = f"code edit {os.getpid()}"
            started = time.perf_counter()
            add_code_line(py, f'print("{words}")')
            page.wait_for_function(f"document.body && document.body.innerText.includes({words!r})",
                                   timeout=600000, polling=50)
            code_seconds = time.perf_counter() - started
        print(f"prose edit, save to new text on the page: {statistics.median(prose):.2f}s median, "
              f"{max(prose):.2f}s slowest of {len(prose)} (goal ≤ 0.5 s)")
        print(f"code edit, save to new output on the page: {code_seconds:.1f}s (a kernel runs the notebook)")
    finally:
        if preview is not None:
            code = preview.stop()
            print(f"preview stopped with Ctrl-C (exit {code})")
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
