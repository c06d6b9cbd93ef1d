"""The three ways a report's page is made (:class:`helpers.pipeline.jobs.RenderPath`), and the parts kept for the
next prose edit.

- :func:`full` — the executed notebook rendered whole (after a kernel run, or from the kept run);
- :func:`prose_edit` — no kernel: only the edited prose rendered in the kept page when its parts still describe the
  report (:func:`kept_parts`), else the kept run with the current markdown rendered whole.

After a successful render :func:`keep_parts` stores what the prose-only path reads next time, keyed on the
execution key and the kept executed notebook.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from helpers import cache
from helpers.models import Entry
from helpers.pipeline.execute import failure
from helpers.pipeline.jobs import Rendered, RenderPath, ReportJob

_log = logging.getLogger(__name__)


def full(render, nb, entry: Entry, path: RenderPath = RenderPath.FULL) -> Rendered:
    """The whole notebook rendered (``render`` is :mod:`helpers.render`)."""
    try:
        files, parts = render.render_report_parts(nb, entry)
        if entry.output not in files:
            raise RuntimeError(f"render_report returned no {entry.output} (got {sorted(files)})")
        return Rendered(files, parts, None, path)
    except Exception as exc:
        return Rendered.failed(failure("render", exc), path)


def saved(path: str):
    """The notebook as saved (no schema check: only its cells are used, and the cache key vouches for its code)."""
    import nbformat

    nb = nbformat.reader.reads(Path(path).read_text(encoding="utf-8"))
    return nb if nb.get("nbformat") == 4 else nbformat.read(path, as_version=4)


def _cached_run(entry: Entry, kept: Path):
    """The kept executed notebook with the notebook's current markdown: ``(notebook, failure)``."""
    import nbformat

    from helpers.pipeline.prose_merge import merge_prose

    try:
        current = nbformat.read(entry.notebook, as_version=4)
        return merge_prose(saved(str(kept)), current), None  # the kept run as papermill wrote (and checked) it
    except Exception as exc:
        return None, failure("render", exc)


def _in_kept_page(render, kept: dict, entry: Entry) -> Rendered | None:
    """Only the edited prose rendered into the kept page, or None when the page must be rendered whole (an error
    here is logged with its traceback: the whole render then gives the page, or says why not)."""
    from helpers.render.safe_prose import UnsafeProse

    try:
        spun = render.respin(kept, saved(entry.notebook), entry)
    except UnsafeProse as exc:  # the author's text, not the fast path, is at fault: one line, no traceback
        return Rendered.failed(failure("render", exc), RenderPath.PROSE_ONLY)
    except Exception:
        _log.warning("%s: the prose-only re-render failed; rendering the whole page instead", entry.name,
                     exc_info=True)
        return None
    if spun is None:
        return None
    page, parts, edited = spun
    return Rendered({entry.output: page}, parts, None, RenderPath.PROSE_ONLY, edited, dict(kept["exports"]))


def prose_edit(render, job: ReportJob, entry: Entry) -> Rendered:
    """A prose or title edit, with no kernel either way: in the kept page when its parts still describe it, else
    the whole notebook from the kept run."""
    kept = kept_parts(job)
    if kept is not None:
        spun = _in_kept_page(render, kept, entry)
        if spun is not None:
            return spun
    nb, failed = _cached_run(entry, cache.executed_path(job.cache, entry.name))
    if failed is not None:
        return Rendered.failed(failed, RenderPath.CACHED_RUN)
    return full(render, nb, entry, RenderPath.CACHED_RUN)


def kept_parts(job: ReportJob) -> dict | None:
    """The parts kept by the last full render of this run, when they still describe the report in ``reports/``:
    the same run (execution key and kept notebook) and every export file as written."""
    executed = job.previous.executed if job.previous else None
    try:
        parts = json.loads(cache.parts_path(job.cache, job.entry.name).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(parts, dict) or parts.get("key") != job.key or \
            parts.get("executed") != executed or not isinstance(parts.get("exports"), dict):
        return None
    if any(cache.sha256_file(job.reports / rel) != digest for rel, digest in parts["exports"].items()):
        return None
    return parts


def keep_parts(job: ReportJob, entry: Entry, parts: dict, outputs: dict[str, str], executed: str) -> None:
    """Store the parts of this render for the next prose edit (with the run they came from)."""
    parts = dict(parts, key=job.key, executed=executed,
                 exports={rel: d for rel, d in outputs.items() if rel != entry.output})
    cache.atomic_write(cache.parts_path(job.cache, entry.name),
                       json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8"))
