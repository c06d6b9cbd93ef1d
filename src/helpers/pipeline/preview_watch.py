"""``make preview``: what changed — which watched files (notebooks, section map, data, helpers) a batch of file
events touched, and whether their content really changed (a sync's own write or an editor touching a file starts
nothing), and which pages a build rewrote. :mod:`helpers.pipeline.preview` acts on the batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from helpers import params, paths

WATCHED_HELPERS = {".py", ".js", ".css", ".j2", ".json", ".ttf", ".txt", ".tpl"}


@dataclass
class Roots:
    notebooks: Path
    data: Path
    helpers: Path
    collection: Path

    @classmethod
    def current(cls, collection: Path) -> Roots:
        return cls(notebooks=collection.parent.resolve(), data=params.data_dir(collection).resolve(),
                   helpers=paths.helpers_src().resolve(), collection=collection.resolve())

    def kind(self, path: Path) -> str | None:
        """"notebook", "collection", "data", "helpers" or None (not watched)."""
        if path == self.collection:
            return "collection"
        if path.parent == self.notebooks and path.suffix in (".py", ".ipynb"):
            # notebooks/NN-*.py and .ipynb, as `make sync`; not jupytext's temporary files
            return "notebook" if path.name[:1].isdigit() and "_tmp_jupytext_" not in path.name else None
        if self.data in path.parents and not any(p.startswith(".") for p in path.relative_to(self.data).parts):
            return "data"
        if self.helpers in path.parents and path.suffix in WATCHED_HELPERS and "__pycache__" not in path.parts:
            return "helpers"
        return None


@dataclass
class Batch:
    """One batch of changes: notebook files by stem, and whether the rest of the collection changed."""

    notebooks: dict[str, set[str]] = field(default_factory=dict)  # stem -> {".py", ".ipynb"}
    collection: bool = False
    data: bool = False
    helpers: bool = False

    def __bool__(self) -> bool:
        return bool(self.notebooks or self.collection or self.data or self.helpers)

    def sync(self) -> list[str]:
        """The files to sync from: a changed ``.py`` or ``.ipynb`` alone (both changed: already a pair)."""
        return [f"{stem}{next(iter(sides))}" for stem, sides in sorted(self.notebooks.items()) if len(sides) == 1]

    def describe(self) -> str:
        parts = [f"{stem}{'/'.join(sorted(sides))}" for stem, sides in sorted(self.notebooks.items())]
        parts += [name for name, on in (("collection.toml", self.collection), ("data/", self.data),
                                        ("src/helpers/", self.helpers)) if on]
        return ", ".join(parts)


class Seen:
    """Content hashes of the watched files as last seen or written, so that only real edits start a build."""

    def __init__(self) -> None:
        self.hashes: dict[Path, str | None] = {}

    @staticmethod
    def digest(path: Path) -> str | None:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def changed(self, path: Path) -> bool:
        now = self.digest(path)
        before = self.hashes.get(path, "unknown")
        self.hashes[path] = now
        return now != before

    def remember(self, path: Path) -> None:
        self.hashes[path] = self.digest(path)


def batch_of(changes, roots: Roots, seen: Seen) -> Batch:
    batch = Batch()
    for _, raw in changes:
        path = Path(raw).resolve()
        kind = roots.kind(path)
        if kind is None or not seen.changed(path):
            continue
        if kind == "notebook":
            batch.notebooks.setdefault(path.stem, set()).add(path.suffix)
        else:
            setattr(batch, kind, True)
    return batch


def remember_all(roots: Roots, seen: Seen) -> None:
    for folder in (roots.notebooks, roots.data, roots.helpers):
        for path in folder.rglob("*"):
            if path.is_file() and roots.kind(path.resolve()):
                seen.remember(path.resolve())


class Pages:
    """The pages' modification stamps, to tell which ones a build rewrote."""

    def __init__(self, reports: Path) -> None:
        self.reports = reports
        self.stamps = self._now()

    def _now(self) -> dict[str, tuple[int, int, int]]:
        out = {}
        for path in self.reports.rglob("*.html"):
            try:
                st = path.stat()
            except OSError:
                continue
            out[path.relative_to(self.reports).as_posix()] = (st.st_ino, st.st_mtime_ns, st.st_size)
        return out

    def written(self, path: Path) -> str | None:
        """The page at ``path`` (just written) relative to ``reports``, its stamp taken (a later
        :meth:`rewritten` leaves it out); None outside ``reports`` or gone."""
        try:
            rel = path.resolve().relative_to(self.reports.resolve()).as_posix()
            st = path.stat()
        except (ValueError, OSError):
            return None
        self.stamps[rel] = (st.st_ino, st.st_mtime_ns, st.st_size)
        return rel

    def rewritten(self) -> list[str]:
        now = self._now()
        changed = sorted(p for p, s in now.items() if self.stamps.get(p) != s)
        self.stamps = now
        return changed
