"""Ways to run the build command in tests, shared by the build and hostile-input test files (the fixtures they use,
``fake`` and ``real_copy``, are in ``tests/conftest.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_real_build(tmp: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """The build command on the real collection, as a user runs it from ``tmp``, writing (if it writes anything)
    only under ``tmp`` (``reports``, ``build``, ``cache``)."""
    env = {**os.environ, "NATO_REPORTS_DIR": str(tmp / "reports"), "NATO_BUILD_DIR": str(tmp / "build"),
           "NATO_CACHE_DIR": str(tmp / "cache")}
    env.pop("NATO_COLLECTION", None)
    return subprocess.run([sys.executable, "-m", "helpers.pipeline", *args], env=env, cwd=tmp, capture_output=True,
                          text=True, timeout=timeout)


def refused(res: subprocess.CompletedProcess, tmp: Path) -> str:
    """The one line a refused build prints; checks that it exited with 2 and wrote nothing under ``tmp``."""
    assert res.returncode == 2, res.stdout + res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert not any((tmp / d).exists() for d in ("reports", "build", "cache"))
    return lines[0]


def kernels_of(build_dir: Path) -> list[int]:
    """Live kernel processes started by builds whose ``NATO_BUILD_DIR`` is ``build_dir``."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd, env = (proc / "cmdline").read_bytes(), (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"ipykernel" in cmd and str(build_dir).encode() in env:
            pids.append(int(proc.name))
    return pids


def build_here(fake, monkeypatch, *args: str) -> int:
    """The build command run in this process on the fake project ``fake`` (so a test can make a disk full or a data
    file break under it); its exit code."""
    from helpers.pipeline import cli

    for var, value in fake.env().items():
        if var.startswith("NATO_"):
            monkeypatch.setenv(var, value)
    monkeypatch.chdir(fake.root)
    return cli.build(list(args))


def site_parts_stale(fake) -> None:
    """Forget that the search index and the index page were written, so the next build writes them again."""
    from helpers import cache

    for part in ("_search", "_index"):
        cache.record_path(fake.cache, part).unlink(missing_ok=True)
