"""Where a report's files go: written atomically inside ``reports/`` (never through a link out of it), a failure page
never over a good report (judged from ``reports/`` itself) and never beside stale exports, and the failure page
itself (the renderer's, or a plain one when there is no renderer)."""

from __future__ import annotations

import contextlib
import errno
import html
import json
import logging
import os
import shutil
from pathlib import Path

from helpers import cache, paths
from helpers.models import BuildFailure, Entry
from helpers.pipeline.jobs import Previous, ReportJob

_log = logging.getLogger(__name__)


def _fallback_failure(entry: Entry, error: BuildFailure) -> bytes:
    """A plain failure page, for when the renderer itself cannot make one."""
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in entry.parameters.items())
    where = f"cell {error.cell_index}" if error.cell_index is not None else f"the {error.stage} step"
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">{FAILED_MARK}<title>Build failed: "
            f"{html.escape(entry.title)}</title></head><body>\n<h1>This report could not be built</h1>\n"
            f"<p>{html.escape(entry.title)} failed in {html.escape(where)}: <strong>{html.escape(error.ename)}"
            f"</strong> {html.escape(error.evalue)}</p>\n<h2>Parameters</h2><table>{rows}</table>\n"
            f"<h2>Cell source</h2><pre>{html.escape(error.source)}</pre>\n<h2>Traceback</h2>"
            f"<pre>{html.escape(error.traceback)}</pre>\n<p>Executed notebook kept for debugging: "
            f"<code>{html.escape(error.debug_notebook)}</code></p>\n</body></html>\n").encode()


def failure_page(render, entry: Entry, failure: BuildFailure, executed: Path) -> bytes:
    """The failure page from the renderer, or the plain one when there is no renderer or it fails."""
    failure.parameters = dict(entry.parameters)
    failure.debug_notebook = cache.relative(executed)
    try:
        page = render.render_failure(entry, failure) if render is not None else None
    except Exception:  # the plain page below says what failed; why the renderer could not is logged
        _log.warning("%s: the renderer's failure page failed; writing the plain one", entry.name, exc_info=True)
        page = None
    return page if page is not None else _fallback_failure(entry, failure)


#: The line every failure page carries in its head (``templates/page/failure.html.j2`` and the plain page).
FAILED_MARK = '<meta name="nato-build" content="failed">'


def good_report(entry: Entry, reports: Path) -> bool:
    """True when ``reports/`` holds a report of this name that is not a failure page, whatever the cache says
    (after ``make clean``, with a fresh or a full cache the good report is still kept)."""
    try:
        with open(reports / entry.output, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return bool(head) and FAILED_MARK.encode() not in head


def inside(reports: Path, rel: str) -> Path:
    """``reports/rel`` with its folders resolved: a symbolic link in the file's place is replaced by the file (the
    link's target is never written); a linked folder that leads out of ``reports/`` is refused, naming the link
    as it sits in the reports folder and where it points."""
    path = reports / rel
    target = path.parent.resolve() / path.name
    if reports.resolve() not in target.parents:
        link = next((p for p in reversed(path.parents) if p.is_symlink() and reports in p.parents), path.parent)
        raise OSError(f"{_as_given(path)} leads out of the reports folder through a symbolic link: "
                      f"{_as_given(link)} points to {paths.shown(link.resolve())}; the build writes only inside the "
                      "reports folder, so replace the link with a real folder (or remove it)")
    return target


def _as_given(path: Path) -> str:
    """``path`` relative to the project when under it, links not followed (``reports/exports``, not ``data``)."""
    return paths.shown(path, follow_links=False)


def write_files(files: dict[str, bytes], reports: Path, staging: Path) -> dict[str, str]:
    """Write the files under ``reports`` as one set: ``{relative path: content hash}``. Every file is staged and
    flushed before any replaces its previous version, so a full disk leaves all the previous files (a page and its
    exports, the shared assets) and no half of the new set."""
    staged: list[tuple[str, Path]] = []
    new = sorted({f for rel in files for f in (reports / rel).parents if reports in f.parents and not f.exists()},
                 key=lambda f: len(f.parts), reverse=True)
    _refuse_files_in_folders_place(files, reports)
    try:
        for rel, data in files.items():
            target = inside(reports, rel)
            staged.append((cache.stage(target, data, staging), target))
    except BaseException:
        for tmp, _ in staged:
            cache.discard(tmp)
        for folder in new:  # the folders made for this set (an export folder), deepest first, when left empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return {rel: cache.sha256_bytes(data) for rel, data in files.items()}


def _refuse_files_in_folders_place(files: dict[str, bytes], reports: Path) -> None:
    """An OSError naming it when a file sits where the set needs a folder (``reports/exports/<report>`` made a
    file): nothing of the set is written and the previous version stays."""
    for folder in sorted({f for rel in files for f in (reports / rel).parents if reports in f.parents}):
        if folder.exists() and not folder.is_dir():
            raise OSError(errno.ENOTDIR, f"{cache.relative(folder)} is a file where a folder is needed (for "
                          f"{len([r for r in files if folder in (reports / r).parents])} file(s) of this set); "
                          "move or remove it and build again; the previous version, if any, was kept")


def drop_leftovers(previous: Previous | None, keep: dict, reports: Path, name: str) -> None:
    """Remove files an earlier build of report ``name`` wrote that this build does not write (e.g. an export): only
    its own page and exports, whatever else an edited cache record lists."""
    for rel in (previous.outputs if previous else {}):
        if rel not in keep and (rel == f"{name}.html" or rel.startswith(f"exports/{name}/")):
            inside(reports, rel).unlink(missing_ok=True)


def write_failure(job: ReportJob, entry: Entry, page: bytes) -> tuple[dict[str, str], str]:
    """``(outputs, where the failure page is)``: never over a good report; never beside stale exports."""
    if good_report(entry, job.reports):
        target = kept_failure(job.build, entry.name)
        try:
            cache.atomic_write(target, page)
        except OSError as exc:
            return {}, f"not written ({exc.strerror or exc})"
        return {}, cache.relative(target)
    try:
        outputs = write_files({entry.output: page}, job.reports, job.staging)
    except OSError as exc:
        return {}, f"not written ({exc.strerror or exc})"
    drop_leftovers(job.previous, outputs, job.reports, entry.name)
    shutil.rmtree(job.reports / "exports" / entry.name, ignore_errors=True)
    return outputs, cache.relative(job.reports / entry.output)


def kept_failure(build: Path, name: str) -> Path:
    """Where the failure page of a build that kept the good earlier report goes (for debugging; the index reads
    :data:`FAILED_LIST`, which removing ``build/`` does not erase)."""
    return build / f"{name}.failure.html"


#: Beside the reports: ``{report name: page}`` of each report whose last build failed while its good earlier page
#: was kept; while a report is listed, the index says its last build failed and the page shown is from an earlier
#: build. Written atomically; a report leaves it only when it builds again (or is found up to date).
FAILED_LIST = ".failed-builds.json"


def failed(reports: Path) -> dict[str, str]:
    """The reports :data:`FAILED_LIST` names (none when it is missing or unreadable)."""
    try:
        data = json.loads((reports / FAILED_LIST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _set_failed(dirs, name: str, output: str | None) -> None:
    now = failed(dirs.reports)
    new = {k: v for k, v in now.items() if k != name} | ({name: output} if output else {})
    if new == now:
        return
    path = inside(dirs.reports, FAILED_LIST)
    if new:
        cache.atomic_write(path, (json.dumps(new, indent=1, sort_keys=True) + "\n").encode(), dirs.staging)
    else:
        path.unlink(missing_ok=True)


def mark_failed(dirs, entry: Entry) -> None:
    """The last build of ``entry`` failed and its good earlier page was kept: listed in :data:`FAILED_LIST`."""
    if good_report(entry, dirs.reports):
        _set_failed(dirs, entry.name, entry.output)


def clear_failure(dirs, name: str) -> None:
    """A report built (or found up to date) again is no longer one whose last build failed."""
    kept_failure(dirs.build, name).unlink(missing_ok=True)
    _set_failed(dirs, name, None)


def os_error(exc: OSError) -> str:
    """An OS error as the build reports it: its reason, and the file when it names one; for a move from the
    staging folder onto the reports (two files named), the one in the reports folder, where the fault is (a
    directory in the way of a page), not the hidden staging file."""
    name = getattr(exc, "filename2", None) or getattr(exc, "filename", None)
    if isinstance(exc, IsADirectoryError) and name and Path(name).is_dir():
        return f"{exc.strerror or exc} ({name} is a directory where a file is needed; move or remove it)"
    return f"{exc.strerror or exc}" + (f" ({name})" if name else "")
