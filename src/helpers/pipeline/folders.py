"""The build's output folders, checked before anything is written: each one is writable, none lies inside a
source folder (notebooks, data, helpers code) or holds one, and no two of them share a folder.

A build writes executed notebooks, read logs and pages into its folders; pointed at ``notebooks/`` it would replace
the source notebooks, pointed at ``data/`` or ``src/`` it would change the data version or the code hash it keys
its own cache on. So any overlap is refused in one line, naming the variable to change.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from helpers import paths

#: The variable that moves each output folder.
VARIABLES = {"reports": "NATO_REPORTS_DIR", "build": "NATO_BUILD_DIR", "cache": "NATO_CACHE_DIR"}
_LANGUAGES = {"en": "English", "ar": "Arabic"}
_HTML_LANG = re.compile(rb'<html\b[^>]*\blang="([A-Za-z-]+)"')


class FolderError(Exception):
    """An output folder that would overwrite a source or another output (one line)."""


def source_folders(collection: Path) -> dict[str, Path]:
    """``{what: folder}`` of everything a build reads and must never write into."""
    from helpers import params

    found = {"the collection's folder": collection.parent, "the collection's data folder": params.data_dir(collection)}
    return {**paths.source_folders(), **{what: Path(os.path.realpath(folder)) for what, folder in found.items()}}


def _nested(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def check(outputs: dict[str, Path], collection: Path, lang: str = "en") -> None:
    """Raise :class:`FolderError` when an output folder overlaps a source folder or another output folder, or the
    reports folder of edition ``lang`` is another edition's (:func:`_refuse_other_edition`).

    Symbolic links are resolved first, so a link into ``notebooks/`` is refused like the folder itself."""
    for role, folder in outputs.items():
        bad = next((ch for ch in str(folder) if unicodedata.category(ch) in ("Cc", "Zl", "Zp")), None)
        if bad is not None:
            raise FolderError(
                f"the {role} folder {ascii(str(folder))} holds the control character U+{ord(bad):04X}: the paths "
                f"the build prints could not be copied; set {VARIABLES.get(role, role)} to a folder name without "
                "control characters (letters, digits, spaces and punctuation are allowed)")
    real = {role: Path(os.path.realpath(folder)) for role, folder in outputs.items()}
    sources = source_folders(collection)
    for role, folder in real.items():
        found = paths.overlap(folder, sources)
        if found:
            where, what, src = found
            raise FolderError(
                f"the {role} folder {folder} {where} {what} ({src}): a build would write over sources there; "
                f"set {VARIABLES.get(role, role)} to a folder of its own (default: {_default(role)})")
    roles = list(real)
    for i, a in enumerate(roles):
        for b in roles[i + 1:]:
            if _nested(real[a], real[b]):
                raise FolderError(
                    f"the {a} folder {real[a]} and the {b} folder {real[b]} overlap: each kind of output needs a "
                    f"folder of its own; set {VARIABLES.get(a, a)} or {VARIABLES.get(b, b)} apart")
    _refuse_other_edition(outputs.get("reports"), lang)
    _refuse_shared_folder(outputs.get("reports"))
    _refuse_foreign_reports(outputs.get("reports"), collection)


def _refuse_other_edition(reports: Path | None, lang: str) -> None:
    """FolderError when NATO_REPORTS_DIR is (or is inside) the default reports folder's Arabic edition folder
    (``reports/ar``), or the folder edition ``lang`` would write holds pages in another language: the build would
    replace the other edition's pages and index with its own."""
    from helpers.i18n import edition_dir

    if reports is None:
        return
    root, arabic = (Path(os.path.realpath(f)) for f in (paths.reports_dir(), edition_dir(paths.REPORTS, "ar")))
    if root == arabic or arabic in root.parents:
        raise FolderError(
            f"NATO_REPORTS_DIR {root} {'is' if root == arabic else 'is inside'} the Arabic edition's folder {arabic}: "
            "a build would replace its pages and index; allowed: a reports folder of its own (default: reports/, "
            "whose ar/ subfolder the Arabic edition is written to)")
    found = _other_language_page(Path(os.path.realpath(reports)), lang)
    if found:
        page, other = found
        raise FolderError(
            f"the {_LANGUAGES.get(lang, lang)} edition's reports folder {reports} holds pages of another edition "
            f"({page.name} is <html lang=\"{other}\">): a build would replace them; allowed: a reports folder "
            f"holding only {_LANGUAGES.get(lang, lang)} pages, or an empty one (set NATO_REPORTS_DIR)")


#: The default site's folders its pages share (styles and scripts, the charts' files, sweeps' pages): a site
#: written inside one would mix its index and assets with the default site's own files.
SHARED = ("assets", "exports", "sweeps")


def _refuse_shared_folder(reports: Path | None) -> None:
    """FolderError when NATO_REPORTS_DIR is (or is inside) a shared folder of the default reports folder."""
    if reports is None:
        return
    root, site = Path(os.path.realpath(paths.reports_dir())), Path(os.path.realpath(paths.REPORTS))
    for name in SHARED:
        shared = site / name
        if root == shared or shared in root.parents:
            raise FolderError(
                f"NATO_REPORTS_DIR {root} {'is' if root == shared else 'is inside'} {name}/ of the reports folder "
                f"{site}, which its pages share: a build would write a second site (index, assets, exports) among "
                f"their files; allowed: a reports folder of its own, not in {', '.join(n + '/' for n in SHARED)}")


def _other_language_page(folder: Path, lang: str) -> tuple[Path, str] | None:
    """``(page, its language)`` for the first page directly in ``folder`` whose ``<html lang>`` is not ``lang``."""
    pages = sorted(folder.glob("*.html"), key=lambda p: p.name != "index.html") if folder.is_dir() else []
    for page in pages:
        try:
            with page.open("rb") as fh:
                head = fh.read(4096)
        except OSError:
            continue
        match = _HTML_LANG.search(head)
        if match and match.group(1).decode("ascii").lower() != lang:
            return page, match.group(1).decode("ascii")
    return None


def _refuse_foreign_reports(reports: Path | None, collection: Path) -> None:
    """FolderError when a section map other than ``notebooks/collection.toml`` would build into a reports folder
    that holds reports another collection declares (no ``-p``) of notebooks, or variants of a notebook, this map
    does not list: its index would move them under "Your builds" and its pages would drop their links to them."""
    from helpers import params
    from helpers.render import front

    if reports is None or collection.resolve() == paths.COLLECTION.resolve() or not reports.is_dir():
        return
    listed = {nb.id: {name for name, _ in nb.variants} for nb in params.notebooks(collection)}
    records = [r for p in reports.glob("*.html") if p.name != "index.html" and (r := front.read_record(p)) is not None
               and (r.get("variant") or not r.get("given"))]
    foreign = sorted({str(r.get("id", "")) for r in records if str(r.get("id", "")) not in listed})
    dropped = sorted({f"{r.get('id')} '{r.get('variant')}'" for r in records if str(r.get("id", "")) in listed
                      and r.get("variant") and str(r.get("variant")) not in listed[str(r.get("id", ""))]
                      and not _user_build(r)})
    if foreign or dropped:
        given = "NATO_COLLECTION" if os.environ.get(paths.COLLECTION_VAR) else "--collection"
        what = (f"the reports of notebook(s) {', '.join(foreign)}" if foreign else "") \
            + (" and " if foreign and dropped else "") + (f"the variant(s) {', '.join(dropped)}" if dropped else "")
        raise FolderError(
            f"{given} {collection}: the reports folder {reports} holds {what}, which this section map does not "
            f"list; building it there would rewrite that collection's index and pages; build it into a folder of "
            f"its own with NATO_REPORTS_DIR=<folder>, or leave {given} unset to build notebooks/collection.toml")


def _user_build(record: dict) -> bool:
    """True for a page built with ``-p`` (named after the values given, :func:`plan.override_name`), not declared."""
    from helpers.pipeline.plan import override_name

    name, given = str(record.get("variant") or ""), dict(record.get("given") or {})
    return bool(given) and (name == override_name(given) or name.startswith(override_name(given) + "-"))


def _default(role: str) -> str:
    return {"reports": "reports/", "build": "build/", "cache": ".cache/build"}.get(role, "")


def writable(reports: Path, build_dir: Path, cache_dir: Path) -> Path:
    """Create the three output folders and check each is writable, and the staging folder where half-written files
    wait before they replace a report (:func:`helpers.cache.staging_dir`): its path. FolderError names the folder
    that cannot be written; then no folder this call made is left behind."""
    from helpers import cache

    made = [f for f in (reports, build_dir, cache_dir) if not f.exists()]
    staging = None
    try:
        for label, folder in (("reports", reports), ("build", build_dir), ("cache", cache_dir)):
            _not_a_file(label, folder)
            _probe(folder, f"cannot write to the {label} folder {folder}")
        staging = cache.staging_dir(reports)
        _probe(staging, f"cannot write beside the reports folder {reports}: the build stages its files in "
                        f"{staging} before they replace a report")
    except FolderError:
        for folder in made:  # refused before anything ran: leave no empty folder behind
            remove_empty(folder)
        if staging is not None:
            tidy(staging, reports)
        raise
    return staging


def _not_a_file(label: str, folder: Path) -> None:
    """FolderError when ``folder``, or a folder it would be made in, is a file: the OS would only say "File
    exists" or "Not a directory"."""
    file = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if file is not None:
        where = "is a file" if file == folder else f"cannot be made: {file} is a file"
        raise FolderError(f"the {label} folder {folder} {where}, not a folder; move that file away or set "
                          f"{VARIABLES[label]} to a folder (one that exists, or that the build can create)")


def _probe(folder: Path, problem: str) -> None:
    """Create ``folder`` and write and remove a file in it; FolderError saying ``problem`` and why when it fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-check-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise FolderError(f"{problem}: {exc.strerror or exc}; make it writable or point the build elsewhere "
                          "(NATO_REPORTS_DIR, NATO_BUILD_DIR, NATO_CACHE_DIR)") from None


def remove_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def tidy(staging: Path, reports: Path) -> None:
    """Remove the staging folder the build made beside ``reports`` (``.reports.staging``) once it is empty, as it is
    after every build, failed writes included (their half-written files are removed). The shared ``.cache/staging``
    stays: another build may be about to use it."""
    if staging.name == f".{reports.resolve().name}.staging":
        remove_empty(staging)
