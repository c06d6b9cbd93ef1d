"""The build cache: content hashes that decide whether a report must be run, only re-rendered, or left alone.

Two keys per report, as jupyter-cache separates execution from presentation. The *execution key* covers what a
kernel's outputs depend on: the notebook's code cells (not its markdown), the parameter values, the helpers code,
``constraints.txt`` and the kernel; together with the content hash of every data file the run read (logged through
``NATO_READ_LOG``) it decides whether a kernel must run. The *render key* covers the whole notebook file and the
entry (titles, navigation). When only the render key changed — a prose edit — the page is rendered again without
a kernel: inside the page kept with the record (``pages/<name>.json``, see :mod:`helpers.render.prose_in_page`) when the
cells still line up with it, else from the executed notebook kept in the cache with the current markdown. A report
is left alone when both keys match and every file it wrote is still in ``reports/`` with the content written.
Modification times are never used. Records (JSON) and executed notebooks live in ``.cache/build`` (outside
``reports/``); a record that cannot be read or parsed is treated as absent.

This module also holds the one data fingerprint (:func:`data_fingerprint`); the atomic writes are
:mod:`helpers.staged_write`'s.
"""
from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from helpers import paths
from helpers.staged_write import atomic_write, discard, renames_into, stage  # noqa: F401  (the writes live there)

FORMAT = 2  # bump when the meaning of a record changes
DATA_SUFFIXES = (".csv", ".json")
#: Why a page is written again when only its render key differs (the build refines it into which part changed).
PROSE_CHANGED = "prose or titles changed"


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
    return paths.helpers_src()


def constraints_file() -> Path:
    """The locked environment (``$NATO_CONSTRAINTS`` lets tests point elsewhere)."""
    return paths.constraints()


_PINNED: dict[tuple[str, Path], Any] | None = None  # hashes of the build running in this process (code_pinned)


@contextmanager
def code_pinned():
    """Within this block :func:`code_hash` and :func:`declared_hashes` read each folder once: one build's plan,
    pages, search index and index all key on the code and data as they were when the build started (they are not
    read again for each step)."""
    global _PINNED
    outer, _PINNED = _PINNED, {} if _PINNED is None else _PINNED
    try:
        yield
    finally:
        _PINNED = outer


def code_hash(folder: Path | None = None) -> str:
    """One hash over every ``*.py`` under the helpers folder (relative path + content), and the page files that
    travel with them (templates, scripts, styles: a changed search.js must reach the reports)."""
    folder = folder or helpers_dir()
    return _pinned("code", folder, _code_hash)


def _pinned(kind: str, folder: Path, compute):
    if _PINNED is None:
        return compute(folder)
    if (kind, folder) not in _PINNED:
        _PINNED[(kind, folder)] = compute(folder)
    return _PINNED[(kind, folder)]


def _code_hash(folder: Path) -> str:
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


def code_cells(notebook: Path) -> Any:
    """What execution depends on in a notebook file: its kernel and, in order, each code cell's source and tags.

    Markdown and raw cells are left out (as jupyter-cache does), so editing prose does not invalidate the run.
    A file that is not a readable notebook is represented by its bytes' hash (it will fail at execution anyway).
    """
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        cells = [{"source": "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                  "tags": sorted(c.get("metadata", {}).get("tags", []))}
                 for c in nb["cells"] if c.get("cell_type") == "code"]
        return {"kernelspec": nb.get("metadata", {}).get("kernelspec", {}).get("name"), "cells": cells}
    except (OSError, ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
        return sha256_file(notebook)


def execution_key(*, notebook: Path, parameters: dict, code: str, env: str, kernel: str = "python3",
                  lang: str = "en", catalogs: str = "", settings: dict | None = None) -> str:
    """Hash of everything a run depends on that is known before it starts: the notebook's code cells (not its
    markdown), the parameter values, the helpers code, the locked environment, the kernel name, the edition's
    language, (Arabic edition) its catalogs and the ``settings`` that change what the run keeps (:func:`settings`).
    The data files are checked separately (those the run read, see :func:`why_stale`)."""
    parts = {"format": FORMAT, "cells": code_cells(notebook), "parameters": parameters, "code": code, "env": env,
             "kernel": kernel, "lang": lang, "catalogs": catalogs}
    return sha256_bytes(canonical({**parts, **({"settings": settings} if settings else {})}))


def settings(limits: dict[str, int]) -> dict:
    """What a run keeps besides its code and data, where it differs from the default (so a build with the defaults
    keeps its keys): the output limit the executed notebook is cut at, and the bibliography override's content."""
    from helpers import limits as limit_defaults

    out: dict[str, Any] = {}
    if limits.get("cell_output", limit_defaults.CELL_OUTPUT) != limit_defaults.CELL_OUTPUT:
        out["cell_output"] = limits["cell_output"]
    if paths.sources_csv() != paths.SOURCES_CSV:
        out["sources"] = sha256_file(paths.sources_csv())
    return out


def render_key(*, notebook: Path, entry: dict, code: str, env: str, catalogs: str = "") -> str:
    """Hash of everything the page depends on besides the run: the whole notebook file (markdown included), the
    entry (titles, navigation, parameters, the edition's language), the helpers code (the renderer), the
    environment and (Arabic edition) the catalogs of its prose."""
    return sha256_bytes(canonical({"format": FORMAT, "notebook": sha256_file(notebook), "entry": entry,
                                   "code": code, "env": env, "catalogs": catalogs}))


# --------------------------------------------------------------------------------------------------- data


def data_fingerprint(hashes: dict[str, str]) -> str:
    """The one fingerprint of a set of data files (``{relative path: content hash}``), shown as a data version.

    Used for the files one report read (its header) and for a whole data folder (the index); it changes exactly
    when one of those files changes, so a cached report and a fresh build of it agree.
    """
    if not hashes:
        return "no data files read"
    return sha256_bytes(canonical(dict(sorted(hashes.items()))))[:12]


def folder_hashes(folder: Path) -> dict[str, str]:
    """``{path relative to the repository: content hash}`` of every data file (``*.csv``, ``*.json``) under
    ``folder``; the lists merged into ``sources.csv`` under ``provenance/`` are inputs of a script, not data."""
    if not folder.is_dir():
        return {}
    return {relative(p): sha256_file(p) or "missing" for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in DATA_SUFFIXES and "provenance" not in p.relative_to(folder).parts}


def declared_hashes(folder: Path) -> dict[str, str]:
    """``{path relative to the repository: content hash}`` of the data package in ``folder`` and every file it
    declares: the data a page can show. A file the package does not declare (a stray CSV, a draft) is no data
    and changes no data version; a folder without a data package falls back to :func:`folder_hashes`."""
    return dict(_pinned("declared", Path(folder), _declared_hashes))


def _declared_hashes(folder: Path) -> dict[str, str]:
    package = folder / "datapackage.json"
    try:
        descriptor = json.loads(package.read_text(encoding="utf-8-sig"))
        files = [package] + [folder / r["path"] for r in descriptor["resources"] if isinstance(r.get("path"), str)]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return folder_hashes(folder)
    return {relative(p): sha256_file(p) or "missing" for p in sorted(set(files))}


def relative(path: Path) -> str:
    """``path`` relative to the repository when inside it, else absolute and resolved (how records name files)."""
    return paths.shown(Path(path).resolve())


# --------------------------------------------------------------------------------------------------- records


def record_path(cache_dir: Path, name: str) -> Path:
    return cache_dir / f"{name}.json"


def executed_path(cache_dir: Path, name: str) -> Path:
    """The executed notebook kept with a report's record, from which a prose-only edit is re-rendered."""
    return cache_dir / f"{name}.ipynb"


def parts_path(cache_dir: Path, name: str) -> Path:
    """The parts of a report's page kept with its record, from which a prose-only edit is re-rendered in place."""
    return cache_dir / "pages" / f"{name}.json"


def read_record(cache_dir: Path, name: str) -> dict | None:
    """The stored record, or None when missing or corrupt."""
    try:
        rec = json.loads(record_path(cache_dir, name).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(rec, dict) or rec.get("format") != FORMAT:
        return None
    if not all(isinstance(rec.get(k), str) for k in ("key", "render")):
        return None
    if not all(isinstance(rec.get(k), dict) for k in ("data", "outputs")):
        return None
    if not all(_within(rel) for rel in rec["outputs"]):  # an edited record naming files outside the reports
        return None  # folder: not ours to replace or delete, so the record is not trusted (the report is rebuilt)
    return rec


def _within(rel: object) -> bool:
    """True for a path relative to the reports folder that stays inside it (``exports/02/a.csv``)."""
    if not isinstance(rel, str) or not rel:
        return False
    parts = PurePosixPath(rel).parts
    return not PurePosixPath(rel).is_absolute() and ".." not in parts and "\\" not in rel


def resolve(rel: str) -> Path:
    p = Path(rel)
    return p if p.is_absolute() else paths.ROOT / p


def kept(reports_dir: Path, rel: str, digest: str) -> bool:
    """True when ``reports_dir/rel`` holds the content ``digest`` inside the reports folder: a file reached through
    a symbolic link out of it (``assets`` linked elsewhere) is not the build's, so it is written again (and the
    write refused, in one line) rather than trusted."""
    path = reports_dir / rel
    try:
        root, folder = reports_dir.resolve(), path.parent.resolve()
    except (OSError, RuntimeError):
        return False
    return (folder == root or root in folder.parents) and sha256_file(path) == digest


def why_stale(rec: dict | None, key: str, render: str, reports_dir: Path,
              executed: Path | None = None) -> tuple[str, str | None]:
    """What a report needs: ``("cached", None)``, ``("render", reason)`` (only the page: re-render the kept
    executed notebook ``executed`` without a kernel) or ``("execute", reason)``."""
    if rec is None:
        return "execute", "not built before"
    if rec["key"] != key:
        return "execute", "code cells, parameters, helpers or environment changed"
    for rel, digest in rec["data"].items():
        if sha256_file(resolve(rel)) != digest:
            return "execute", f"data changed: {rel}"
    reason = PROSE_CHANGED if rec["render"] != render else None
    for rel, digest in rec["outputs"].items():
        if reason is None and not kept(reports_dir, rel, digest):
            reason = f"report file missing or changed: {rel}"
    if reason is None:
        return "cached", None
    if executed is None or sha256_file(executed) is None or sha256_file(executed) != rec.get("executed"):
        return "execute", reason
    return "render", reason


def write_record(cache_dir: Path, name: str, *, key: str, render: str, data: dict[str, str],
                 outputs: dict[str, str], executed: str | None, limits: dict | None = None) -> None:
    rec = {"format": FORMAT, "key": key, "render": render, "data": data, "outputs": outputs, "executed": executed,
           "limits": limits or {}}  # kept to say so when only collection.toml's limits changed
    atomic_write(record_path(cache_dir, name), canonical(rec))


def drop_record(cache_dir: Path, name: str) -> None:
    record_path(cache_dir, name).unlink(missing_ok=True)
    executed_path(cache_dir, name).unlink(missing_ok=True)


def staging_dir(target_dir: Path) -> Path:
    """A folder on the same file system as ``target_dir`` but outside it, for half-written files: temporary files
    never appear inside ``reports/``, even when a build is killed in the middle of a write."""
    target_dir.mkdir(parents=True, exist_ok=True)
    preferred = paths.CACHE.parent / "staging"  # .cache/ is git-ignored
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        if renames_into(preferred, target_dir):  # one mount: not a tmpfs, nor a bind mount of reports/
            return preferred
    except OSError:
        pass
    return target_dir.resolve().parent / f".{target_dir.resolve().name}.staging"
