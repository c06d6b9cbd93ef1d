"""Atomic writes: a file is written and flushed in a staging folder, then renamed over its target, so readers see
either the old file or the complete new one, and a half-written file never appears in ``reports/``.

A rename works only within one mount. A staging folder on another file system (a cache on a tmpfs), or on another
mount of the same device (``reports/`` or ``reports/exports`` bind-mounted into a container: the device number is
the same, yet the rename fails with "Invalid cross-device link"), cannot be used for a folder; each file is then
staged beside its target, as a hidden ``.part`` file. Which case holds is found by renaming a probe file once per
pair of folders, not by comparing device numbers.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, staging: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the complete new one: staged and flushed
    (:func:`stage`), then renamed over ``path`` with ``os.replace``, which is atomic on one file system."""
    tmp = stage(path, data, staging)
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        discard(tmp)
        if isinstance(exc, OSError) and exc.errno:  # name the file, not the .part
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def discard(tmp: str) -> None:
    """Remove a staged file that will not replace anything (:func:`stage`)."""
    Path(tmp).unlink(missing_ok=True)


def renames_into(staging: Path, folder: Path) -> bool:
    """True when a file in ``staging`` can be renamed into ``folder``: one mount (found once per pair of folders)."""
    return _renames_into(str(staging.resolve()), str(folder.resolve()))


@functools.lru_cache(maxsize=256)
def _renames_into(staging: str, folder: str) -> bool:
    try:
        fd, probe = tempfile.mkstemp(prefix=".rename-check.", suffix=".part", dir=staging)
        os.close(fd)
    except OSError:
        return False
    moved = os.path.join(folder, os.path.basename(probe))
    try:
        os.rename(probe, moved)
        return True
    except OSError:
        return False
    finally:
        for leftover in (probe, moved):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def stage(path: Path, data: bytes, staging: Path | None = None) -> str:
    """``data`` written and flushed to a temporary file that can replace ``path`` (``os.replace``): its name. The
    file is in ``staging`` (default: next to ``path``), or next to ``path`` when a file cannot be renamed from
    ``staging`` into ``path``'s folder (:func:`renames_into`). On failure nothing is left behind and the error names
    ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = staging or path.parent
    tmp_dir.mkdir(parents=True, exist_ok=True)
    if staging is not None and not renames_into(tmp_dir, path.parent):
        tmp_dir = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=tmp_dir)
    except OSError as exc:  # name the file being written, not the half-written one's hidden place
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException as exc:
        discard(tmp)
        if isinstance(exc, OSError) and exc.errno and exc.filename in (None, tmp):  # name the file, not the .part
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    return tmp
