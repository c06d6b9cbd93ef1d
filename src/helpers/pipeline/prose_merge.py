"""A prose edit without a kernel: the current markdown merged into a cached executed notebook.

The cache keys a run on the notebook's code cells only (see :func:`helpers.cache.code_cells`), so when the key
still matches, the kept executed notebook has exactly the current code cells with their outputs. Its cells are
replaced, in the current order, by the current notebook's cells: each code cell by the executed one with the same
source (outputs included, papermill's injected-parameters cell kept after the parameters cell), each markdown or
raw cell by the current one. The result renders exactly as a fresh run would.
"""

from __future__ import annotations

import copy


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


class ProseMergeError(ValueError):
    """The cached run does not have the current code cells (the cache should have asked for a kernel)."""


def merge_prose(executed, current):
    """``executed`` (a papermill output notebook) with the cells of ``current`` (the source notebook) in place of
    its markdown and raw cells; both are ``nbformat`` NotebookNodes; returns a new one, which shares the code
    cells of ``executed`` (read it afresh for each merge)."""
    injected = [c for c in executed.cells if "injected-parameters" in _tags(c)]
    runs = [c for c in executed.cells if c.cell_type == "code" and "injected-parameters" not in _tags(c)]
    code = [c for c in current.cells if c.cell_type == "code"]
    if [c.source for c in runs] != [c.source for c in code]:
        raise ProseMergeError("the cached run's code cells differ from the notebook's; run it again")
    merged = copy.copy(executed)
    has_slot = any("parameters" in _tags(c) for c in runs)
    cells, pending = ([] if has_slot else copy.deepcopy(injected)), iter(runs)
    for cell in current.cells:
        if cell.cell_type != "code":
            cells.append(copy.deepcopy(cell))
            continue
        run = next(pending)
        cells.append(run)
        if has_slot and "parameters" in _tags(run):
            cells.extend(copy.deepcopy(injected))
    merged.cells = cells
    return merged
