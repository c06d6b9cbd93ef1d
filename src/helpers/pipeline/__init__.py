"""The build command: ``python -m helpers.pipeline`` (console script ``nato-build``).

For every entry of the section map (``notebooks/collection.toml``) — each notebook with its default parameters,
plus one entry per ``[[notebook.variant]]`` — the committed ``.ipynb`` is executed with papermill (kernel
``python3``, working directory ``notebooks/``) into ``build/<name>.ipynb``, rendered by ``helpers.render`` and
written atomically under ``reports/``. ``reports/index.html`` and the shared assets come from the same module.

    python -m helpers.pipeline                      # every report, reusing the cache
    python -m helpers.pipeline --only 02 -p as_of 2001-06-15
    python -m helpers.pipeline --list               # parameters, types, defaults, allowed values
    python -m helpers.pipeline --force --jobs 2

One module per step, as papermill splits its command line from its execution:

- :mod:`~helpers.pipeline.cli` — arguments in, exit code out; ``--list``;
- :mod:`~helpers.pipeline.plan` — entries (defaults, variants, ``-p`` runs and their names), every parameter checked
  before a kernel starts, and what the cache says each report needs (nothing, a re-render, or a run);
- :mod:`~helpers.pipeline.jobs` — what crosses the process boundary (``ReportJob``/``ReportResult``, ``SiteJob``/
  ``SiteResult``, plain data both ways) and the three ways a page is made (``RenderPath``);
- :mod:`~helpers.pipeline.run` — the pool of worker processes and what is recorded when each job ends;
- :mod:`~helpers.pipeline.worker` — one job in a worker, read as execute → render → write, built from
  :mod:`~helpers.pipeline.process` (set-up, signals, dying with the build), :mod:`~helpers.pipeline.execute` (the
  kernel run, one retry when a kernel fails to start), :mod:`~helpers.pipeline.render_paths` (full, cached run,
  prose only), :mod:`~helpers.pipeline.placement` (where files go; failure pages) and
  :mod:`~helpers.pipeline.export_memo` (chart exports kept by content);
- :mod:`~helpers.pipeline.prose_merge` — the current markdown merged into a cached executed notebook (when the kept page
  cannot take the edit in place, see :mod:`helpers.render.prose_in_page`);
- :mod:`~helpers.pipeline.summary` — progress, the summary table, the written paths and the exit code.

``Entry`` and ``BuildFailure`` live in :mod:`helpers.models`. The package imports only the standard library,
``helpers.params`` and ``helpers.cache`` until it runs a job, so ``--list`` and refusing a bad parameter stay fast;
papermill and the renderer are imported in the workers.
"""

from __future__ import annotations

from helpers.models import BuildFailure, Entry
from helpers.pipeline.cli import build, main
from helpers.pipeline.plan import BuildError, all_entries, override_name

__all__ = ["BuildError", "BuildFailure", "Entry", "all_entries", "build", "main", "override_name"]
