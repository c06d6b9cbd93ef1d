"""The one place that knows where things are, and the one place that reads the ``NATO_*`` environment overrides.

Every path is derived from this file's location, never from the working directory, so notebooks run the same
from JupyterLab, from the repository root, from `papermill` started elsewhere, and in the build's workers.

Environment overrides (all optional; tests and ``scripts/bench.py`` use them to build into a temporary folder):

========================  ==================================================================================
``NATO_REPORTS_DIR``      output folder of the build (default ``reports/``)
``NATO_BUILD_DIR``        executed notebooks kept for debugging (default ``build/``)
``NATO_CACHE_DIR``        the build cache (default ``.cache/build``)
``NATO_COLLECTION``       the section map in use (default ``notebooks/collection.toml``); another map is refused
                          on a reports folder holding reports of notebooks it does not list: give it its own
                          ``NATO_REPORTS_DIR``
``NATO_HELPERS_SRC``      the helpers sources hashed by the cache (default ``src/helpers``)
``NATO_CONSTRAINTS``      the locked environment hashed by the cache (default ``constraints.txt``)
``NATO_READ_LOG``         file that ``helpers.load`` appends every data file it reads to (set by the build)
``NATO_MEMO_DIR``         frames many reports work out alike, kept by content (set by the build for its kernels)
``NATO_SOURCES_CSV``      the bibliography (default ``data/sources.csv``)
``NATO_LANG``             the edition a process works for, ``en`` (default) or ``ar`` (set by the build per edition)
``NATO_EDITIONS``         the editions a build writes when ``--lang`` is not given (default ``en,ar``)
========================  ==================================================================================

The functions read the variable at call time (a worker or a test may set it after import); the module constants
are the defaults. The build itself never writes its own environment: it scopes the section map and the edition it
works on with :func:`using` (a context variable, seen by :func:`collection` and :func:`language`), and hands its
workers an environment of their own (``helpers.pipeline.process.worker_env``).
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import os
import re
from collections.abc import Iterator
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = ROOT / "data"
NOTEBOOKS: Path = ROOT / "notebooks"
COLLECTION: Path = NOTEBOOKS / "collection.toml"
REPORTS: Path = ROOT / "reports"     # the default; the folder in use is reports_dir()
BUILD: Path = ROOT / "build"          # executed notebooks, kept for debugging (git-ignored)
CACHE: Path = ROOT / ".cache" / "build"  # build cache, outside reports/ (git-ignored)
DATAPACKAGE: Path = DATA / "datapackage.json"
SOURCES_CSV: Path = DATA / "sources.csv"
HELPERS_SRC: Path = ROOT / "src" / "helpers"
CONSTRAINTS: Path = ROOT / "constraints.txt"
READ_LOG_VAR = "NATO_READ_LOG"
MEMO_VAR = "NATO_MEMO_DIR"  # set by the build in its workers: where a sweep's reports share worked-out frames
COLLECTION_VAR = "NATO_COLLECTION"  # set by the build in its workers when given --collection
LANG_VAR = "NATO_LANG"  # set by the build in its workers for each edition it writes
EDITIONS_VAR = "NATO_EDITIONS"
EDITION_NAMES = ("en", "ar")
_COLLECTION: contextvars.ContextVar[Path | None] = contextvars.ContextVar("collection", default=None)
_EDITION: contextvars.ContextVar[str | None] = contextvars.ContextVar("edition", default=None)


@contextlib.contextmanager
def using(collection: Path | None = None, lang: str | None = None) -> Iterator[None]:
    """Within the block, :func:`collection` and :func:`language` give these (None: unchanged) in this process,
    without touching its environment."""
    tokens = [(var, var.set(value)) for var, value in ((_COLLECTION, collection), (_EDITION, lang))
              if value is not None]
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


class SettingError(ValueError):
    """An environment variable of the project holds a value it does not allow (one line: the variable, the value
    and what is allowed)."""


def _override(var: str, default: Path) -> Path:
    value = os.environ.get(var)
    return Path(value).resolve() if value else default


def reports_dir() -> Path:
    """Where the build writes reports: ``$NATO_REPORTS_DIR`` or ``reports/``."""
    return _override("NATO_REPORTS_DIR", REPORTS).resolve()


def build_dir() -> Path:
    """Where executed notebooks are kept for debugging: ``$NATO_BUILD_DIR`` or ``build/``."""
    return _override("NATO_BUILD_DIR", BUILD).resolve()


def cache_dir() -> Path:
    """The build cache: ``$NATO_CACHE_DIR`` or ``.cache/build``."""
    return _override("NATO_CACHE_DIR", CACHE).resolve()


def collection() -> Path:
    """The section map in use: the one :func:`using` scoped, else ``$NATO_COLLECTION`` or
    ``notebooks/collection.toml``."""
    return _COLLECTION.get() or _override(COLLECTION_VAR, COLLECTION)


def helpers_src() -> Path:
    """The helpers sources whose hash keys the cache: ``$NATO_HELPERS_SRC`` or ``src/helpers``."""
    return _override("NATO_HELPERS_SRC", HELPERS_SRC)


def constraints() -> Path:
    """The locked environment whose hash keys the cache: ``$NATO_CONSTRAINTS`` or ``constraints.txt``."""
    return _override("NATO_CONSTRAINTS", CONSTRAINTS)


def read_log() -> Path | None:
    """The file data reads are logged to (``$NATO_READ_LOG``, set by the build for each report), or None."""
    value = os.environ.get(READ_LOG_VAR)
    return Path(value) if value else None


def memo_dir() -> Path | None:
    """Where frames that many reports work out alike are kept by content (``$NATO_MEMO_DIR``, set by the build
    for its kernels), or None: then each run works them out itself."""
    value = os.environ.get(MEMO_VAR)
    return Path(value) if value else None


def sources_csv() -> Path:
    """The bibliography: ``$NATO_SOURCES_CSV`` or ``data/sources.csv``."""
    return _override("NATO_SOURCES_CSV", SOURCES_CSV)


def source_folders() -> dict[str, Path]:
    """``{what: folder}`` of the project's sources, which nothing a command writes may go into or hold (the build's
    output folders, ``python -m helpers.render``'s page): writing there would replace a notebook, a document or a CI
    script, change the data version or the code hash, or mix a site with half-written files."""
    found = {"the notebooks folder": NOTEBOOKS, "the data folder": DATA, "the code folder": ROOT / "src",
             "the scripts folder": ROOT / "scripts", "the tests folder": ROOT / "tests",
             "the git folder": ROOT / ".git", "the helpers code": helpers_src(), "the documentation folder":
             ROOT / "docs", "the CI folder": ROOT / ".ci", "the build's staging folder": CACHE.parent / "staging"}
    return {what: Path(os.path.realpath(folder)) for what, folder in found.items()}


def overlap(folder: Path, sources: dict[str, Path]) -> tuple[str, str, Path] | None:
    """``(how, what, source)`` when ``folder`` (symbolic links resolved) is, is inside or holds one of ``sources``
    (``how``: "is", "is inside" or "holds"), else None."""
    real = Path(os.path.realpath(folder))
    for what, src in sources.items():
        if real == src:
            return "is", what, src
        if src in real.parents:
            return "is inside", what, src
        if real in src.parents:
            return "holds", what, src
    return None


def shown(path: Path, follow_links: bool = True) -> str:
    """A path as messages and build records show it: relative to the project (with ``/``) when inside it, else as
    given. ``follow_links=False`` names a symbolic link itself (``reports/exports``), not the folder it points to."""
    try:
        where = Path(path).resolve() if follow_links else Path(path).absolute()
        return where.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def data_file(name: str) -> Path:
    """Path of a data table by its file name (``"memberships.csv"``) or resource name (``"memberships"``)."""
    file = name if name.endswith(".csv") else f"{name}.csv"
    return DATA / file


def language() -> str:
    """The language of reader labels: the edition :func:`using` scoped, else ``ar`` when ``$NATO_LANG`` starts
    with it, else ``en``."""
    scoped = _EDITION.get()
    if scoped is not None:
        return scoped
    value = os.environ.get(LANG_VAR, "").strip().lower()
    if value and value not in EDITION_NAMES:
        raise SettingError(f"{LANG_VAR}={os.environ[LANG_VAR]!r} is not an edition; allowed: "
                           f"{' or '.join(EDITION_NAMES)} (or leave it unset for en)")
    return value or "en"


def editions() -> list[str]:
    """The editions a build writes when ``--lang`` is not given: ``$NATO_EDITIONS`` (``en,ar`` by default)."""
    value = os.environ.get(EDITIONS_VAR, "").strip()
    if not value:
        return list(EDITION_NAMES)
    given = [p.strip().lower() for p in value.split(",")]
    if any(p not in EDITION_NAMES for p in given) or len(set(given)) != len(given):
        raise SettingError(f"{EDITIONS_VAR}={value!r} is not a list of editions; allowed: en, ar or en,ar "
                           "(comma-separated, each once; unset: both)")
    return [e for e in EDITION_NAMES if e in given]


def check_settings() -> None:
    """SettingError (one line) when ``$NATO_LANG`` or ``$NATO_EDITIONS`` holds a value that names no edition, or a
    path override (:func:`check_overrides`) names nothing usable."""
    editions()
    if _EDITION.get() is None:
        language()
    check_overrides()


def _header(path: Path) -> list[str] | None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _not_helpers(folder: Path) -> str:
    """Why ``folder`` is not a copy of the helpers package (its ``__init__.py`` and ``pipeline/``), or ''."""
    missing = [n for n in ("__init__.py", "pipeline/__init__.py") if not (folder / n).is_file()]
    return f"is not the helpers package (it has no {missing[0]})" if missing else ""


_PIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?==[^\s;]+(\s*;.*)?")


def _not_pins(file: Path) -> str:
    """Why ``file`` is not a pinned environment (pip's ``name==version`` lines, comments and blank lines), or ''."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return "cannot be read as UTF-8 text"
    for n, line in enumerate(lines, 1):
        if line.strip() and not line.lstrip().startswith("#") and not _PIN.fullmatch(line.strip()):
            return f"line {n} is not a name==version pin"
    return "" if any(line.strip() and not line.lstrip().startswith("#") for line in lines) else "holds no pin"


def check_overrides() -> None:
    """SettingError (one line) when ``$NATO_HELPERS_SRC`` is not a folder, ``$NATO_CONSTRAINTS`` not a file, or
    ``$NATO_SOURCES_CSV`` not a UTF-8 CSV file with ``data/sources.csv``'s header: the cache keys on the first two
    (a missing one would key every page on nothing), and every page's kernel cites rows of the third."""
    for var, default, is_kind, kind in (("NATO_HELPERS_SRC", "src/helpers", Path.is_dir, "folder"),
                                        ("NATO_CONSTRAINTS", "constraints.txt", Path.is_file, "file")):
        value = os.environ.get(var)
        if value and not is_kind(Path(value)):
            raise SettingError(f"{var}={value!r} is not an existing {kind}; allowed: the path of an existing {kind} "
                               f"(unset: {default})")
        wrong = value and (_not_helpers(Path(value)) if kind == "folder" else _not_pins(Path(value)))
        if wrong:  # /etc/passwd or an empty folder keyed the cache on nothing the pages depend on
            like = "a copy of src/helpers" if kind == "folder" else "a file of name==version lines (constraints.txt)"
            raise SettingError(f"{var}={value!r} {wrong}; allowed: {like} (unset: {default})")
    value = os.environ.get("NATO_SOURCES_CSV")
    if value:
        expected = _header(SOURCES_CSV)
        if not Path(value).is_file() or _header(Path(value)) != expected:
            raise SettingError(f"NATO_SOURCES_CSV={value!r} is not a readable UTF-8 CSV file with the bibliography's "
                               f"header; allowed: a CSV file whose first row is {','.join(expected or [])} "
                               "(unset: data/sources.csv)")
