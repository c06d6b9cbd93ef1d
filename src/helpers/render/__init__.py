"""Executed notebook → reader-first, offline, deterministic HTML report (plus its exports).

Public API (called by ``helpers.pipeline``):

- ``render_report(nb, entry) -> dict[str, bytes]``: ``<name>.html`` and ``exports/<name>/<key>.svg|png|csv``.
- ``render_report_parts(nb, entry) -> (files, parts)``: the same files, and the parts a prose-only edit re-renders
  from: ``respin(parts, nb, entry) -> (page, parts) | None`` (module ``prose_in_page``).
- ``render_index(entries) -> bytes``: ``reports/index.html``.
- ``render_sweep(record, rows, lang) -> bytes``: a sweep's index page, ``reports/sweeps/<slug>.html``.
- ``render_failure(entry, error) -> bytes``: a page saying which cell failed, with what, under which parameters.
- ``shared_assets() -> dict[str, bytes]``: ``assets/vega-bundle.js``, ``assets/report.js``, ``assets/lab.css``,
  ``assets/report.css``.

``python -m helpers.render EXECUTED.ipynb [-o OUT.html]`` renders one papermill-executed notebook the same way.

Modules: ``page`` (the pages), ``prose_in_page`` (prose-only re-renders), ``exports`` (figures and their files),
``citations`` (numbered sources and the bibliography), ``table_html`` (tables, matrices, safe CSV), ``vega_specs``
(chart labels, container width), ``notebook`` (clean-up), ``site`` (reading order, titles, data version),
``templating`` (Jinja; the templates live in ``src/helpers/templates/page/`` and ``templates/nato_report/``),
``markup`` (escaping, Arabic, dates).
Entries are read by attribute (``entry.name``, ``entry.title`` …).

Determinism: papermill/kernel metadata and timestamps are dropped, cell ids are renumbered, execution counts are
cleared, random ids left by pandas Styler and Altair are renamed in order of appearance, memory addresses are
masked, JSON is written with sorted keys and ``<>&`` escaped inside script elements.
"""

from __future__ import annotations

import importlib

_API = {
    "render_report": "page", "render_report_parts": "page", "respin": "prose_in_page", "render_index": "page",
    "render_failure": "page", "ASSETS": "page", "render_sweep": "sweep_page",
    "shared_assets": "assets", "RenderError": "exports", "script_json": "markup", "parameter_line": "site",
    "data_version": "site", "clean_notebook": "notebook", "mark_arabic_html": "notebook",
    "TEMPLATES": "templating",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    """The public API, imported on first use (``helpers.present`` imports parts of this package; no cycle)."""
    if name in _API:
        return getattr(importlib.import_module(f"helpers.render.{_API[name]}"), name)
    raise AttributeError(f"module 'helpers.render' has no attribute {name!r}")
