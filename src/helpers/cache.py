"""The build cache: content hashes that decide whether a report must be rebuilt.

A report is up to date when its *base key* (notebook content, parameters, entry metadata, helpers code,
constraints.txt) is unchanged, every data file it read last time (from ``NATO_READ_LOG``) still has the same
content hash, and every file it wrote is still in ``reports/`` with the content written. Modification times are
never used. One JSON record per report lives in ``.cache/build`` (outside ``reports/``); a record that cannot be
read or parsed is treated as absent.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from helpers import paths

FORMAT = 1  # bump when the meaning of a record changes


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """Content hash of a file, or None when it does not exist."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def helpers_dir() -> Path:
    """Source folder of the helpers package (``$NATO_HELPERS_SRC`` lets tests point elsewhere)."""
    env = os.environ.get("NATO_HELPERS_SRC")
    return Path(env).resolve() if env else paths.ROOT / "src" / "helpers"


def constraints_file() -> Path:
    """The locked environment (``$NATO_CONSTRAINTS`` lets tests point elsewhere)."""
    env = os.environ.get("NATO_CONSTRAINTS")
    return Path(env).resolve() if env else paths.ROOT / "constraints.txt"


def code_hash(folder: Path | None = None) -> str:
    """One hash over every ``*.py`` under the helpers folder (relative path + content), and the page files that
    travel with them (templates, scripts, styles: a changed search.js must reach the reports)."""
    folder = folder or helpers_dir()
    h = hashlib.sha256()
    for py in sorted(p for p in folder.rglob("*") if p.suffix in {".py", ".js", ".css", ".j2"}):
        if "__pycache__" in py.parts:
            continue
        h.update(py.relative_to(folder).as_posix().encode())
        h.update(b"\0")
        h.update(py.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def environment_hash() -> str:
    return sha256_file(constraints_file()) or "no-constraints"


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def base_key(*, notebook: Path, entry: dict, code: str, env: str, kernel: str = "python3") -> str:
    """Hash of everything known before running: notebook bytes (markdown included), entry (parameters, titles,
    navigation), helpers code, locked environment, kernel name."""
    return sha256_bytes(
        canonical(
            {
                "format": FORMAT,
                "notebook": sha256_file(notebook),
                "entry": entry,
                "code": code,
                "env": env,
                "kernel": kernel,
            }
        )
    )


def record_path(cache_dir: Path, name: str) -> Path:
    return cache_dir / f"{name}.json"


def read_record(cache_dir: Path, name: str) -> dict | None:
    """The stored record, or None when missing or corrupt."""
    try:
        rec = json.loads(record_path(cache_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(rec, dict) or rec.get("format") != FORMAT:
        return None
    if not isinstance(rec.get("key"), str) or not isinstance(rec.get("data"), dict):
        return None
    if not isinstance(rec.get("outputs"), dict):
        return None
    return rec


def resolve(rel: str) -> Path:
    p = Path(rel)
    return p if p.is_absolute() else paths.ROOT / p


def why_stale(rec: dict | None, key: str, reports_dir: Path) -> str | None:
    """None when the record proves the report is up to date, else a short reason."""
    if rec is None:
        return "not built before"
    if rec["key"] != key:
        return "notebook, parameters, helpers or environment changed"
    for rel, digest in rec["data"].items():
        if sha256_file(resolve(rel)) != digest:
            return f"data changed: {rel}"
    for rel, digest in rec["outputs"].items():
        if sha256_file(reports_dir / rel) != digest:
            return f"report file missing or changed: {rel}"
    return None


def write_record(cache_dir: Path, name: str, *, key: str, data: dict[str, str], outputs: dict[str, str]) -> None:
    rec = {"format": FORMAT, "key": key, "data": data, "outputs": outputs}
    atomic_write(record_path(cache_dir, name), canonical(rec))


def drop_record(cache_dir: Path, name: str) -> None:
    try:
        record_path(cache_dir, name).unlink()
    except FileNotFoundError:
        pass


def staging_dir(target_dir: Path) -> Path:
    """A folder on the same file system as ``target_dir`` but outside it, for half-written files.

    Temporary files never appear inside ``reports/``, even when a build is killed in the middle of a write.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    preferred = paths.CACHE.parent / "staging"  # .cache/ is git-ignored
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        if os.stat(preferred).st_dev == os.stat(target_dir).st_dev:
            return preferred
    except OSError:
        pass
    return target_dir.resolve().parent / f".{target_dir.resolve().name}.staging"


def atomic_write(path: Path, data: bytes, staging: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the complete new one.

    The bytes go to a temporary file in ``staging`` (default: next to the file), are flushed to disk, and the
    temporary file is renamed over ``path`` with ``os.replace``, which is atomic on one file system.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = staging or path.parent
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=tmp_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
