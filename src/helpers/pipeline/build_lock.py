"""One build at a time on a cache folder: a second build started on the same cache (and so the same reports) waits
for the first, saying so in one line, instead of both writing the same reports, records and search index at once.
The lock is ``fcntl.flock`` on ``<cache>/.build.lock``: the system releases it when the build ends, however it ends
(Ctrl-C, SIGTERM, ``kill -9``)."""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers import cache
from helpers.pipeline.summary import shown_path

#: The lock file's name inside the cache folder (it holds the process id of the build that holds it).
LOCK = ".build.lock"


@contextmanager
def held(cache_dir: Path) -> Iterator[None]:
    """Hold the build lock of ``cache_dir`` for the ``with`` block; when another build holds it, one line on
    stderr naming that build and the folder, then wait for it (Ctrl-C stops the waiting build, nothing written)."""
    fd = os.open(cache_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting: another build{_holder(fd)} is using the cache folder "
                  f"{shown_path(cache.relative(cache_dir))}; this one starts when it ends (Ctrl-C stops it)",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:  # the holder's process id, for a waiting build's message; a full disk only loses that
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        except OSError:
            pass
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    """' (process 1234)' from the lock file, or '' when it names none."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return f" (process {text})" if text.isdigit() else ""
