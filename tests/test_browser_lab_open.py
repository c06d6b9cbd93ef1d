"""`make lab` opens the notebooks quietly (issue 20): no "get notified about news" prompt, no extension manager
that asks to fetch from the web, and a notebook opened from the collection is not marked unsaved once its kernel
has started. Runs `make lab` itself on a copy of the notebooks, on a free port with its own token."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser import lab
from browser import report_browser as rb

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def make_lab(tmp_path_factory):
    if rb.missing():
        pytest.fail(f"missing {', '.join(rb.missing())}: run scripts/ensure-system-deps.sh (make test does)")
    repo = tmp_path_factory.mktemp("labclone")
    for name in ("notebooks", "scripts", "jupytext.toml", ".gitattributes", "Makefile", "requirements.txt",
                 "constraints.txt", "pyproject.toml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, repo / name)
    subprocess.run(["git", "-C", str(repo), "init", "-q"], check=True)
    port, token = lab.free_port(), secrets.token_hex(16)
    venv = Path(sys.executable).parents[1]
    log = (repo.parent / "make-lab.log").open("wb")
    proc = subprocess.Popen(["make", "-s", "-o", str(venv / ".installed"), "lab", f"VENV={venv}",  # installed
                             f"LAB_ARGS=--port={port} --IdentityProvider.token={token} --no-browser"],
                            cwd=repo, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"make lab did not start: {(repo.parent / 'make-lab.log').read_text()[-2000:]}")
                time.sleep(0.5)
        yield base, token, repo
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
        log.close()


def test_a_notebook_opens_saved_with_no_prompt_to_reach_the_web(make_lab):
    base, token, repo = make_lab
    with rb.browser() as b:
        page = b.new_context(viewport={"width": 1300, "height": 900}).new_page()
        page.goto(f"{base}/lab/tree/notebooks/02-nato-enlargement.ipynb?token={token}&reset", wait_until="load",
                  timeout=90000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90000)
        page.wait_for_function("() => !!document.querySelector('.jp-Notebook-ExecutionIndicator')", timeout=60000)
        time.sleep(6)  # the kernel starts and reports its language_info
        dirty = page.evaluate("() => document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty').length")
        toasts = page.evaluate("() => Array.from(document.querySelectorAll('.Toastify__toast')).map(t => t.innerText)")
        manager = page.evaluate("() => !!document.querySelector('.jp-extensionmanager-view input')")
    assert dirty == 0, "the notebook opened marked unsaved"
    assert not [t for t in toasts if "news" in t.lower() or "update" in t.lower()], toasts
    assert not manager, "the extension manager offers to search the web"
    diff = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "notebooks"], capture_output=True,
                          text=True).stdout
    assert diff.strip() == "" or all(line.startswith("??") for line in diff.splitlines())
