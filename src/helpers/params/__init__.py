"""Declared notebook parameters (from ``notebooks/collection.toml``) and their validation.

Every notebook calls :func:`validated` in its imports cell, and the build calls :func:`check_all` for every
report before any kernel starts, so a bad value is refused the same way whether it came from ``make reports``,
``python -m helpers.pipeline -p ...`` or a direct ``papermill ... -p ...`` run.

This package is on the "refuse a bad parameter" path, which must answer in well under half a second: it imports
only the standard library (no pandas, altair or papermill). Bounds such as ``"data:first"`` are computed by
scanning the date columns of ``data/*.csv`` with the ``csv`` module.

Layout: :mod:`.collection` (reading the section map), :mod:`.datafiles` and :mod:`.text` (what the checks read
from the data), :mod:`.checks` (one check per parameter type, the rules between parameters), :mod:`.inject`
(the notebook side, papermill's injected cell), :mod:`.describe` (``--list`` text, edge values), :mod:`.errors`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.params.checks import CHECKS, Context, Items, check_constraint, echo
from helpers.params.datafiles import data_span, known_orgs, known_states
from helpers.params.describe import allowed_text, edge_values, normalised, plain
from helpers.params.errors import CollectionError, DataFileError, ParameterError
from helpers.params.inject import validated
from helpers.params.specs import (
    BOUND_WORDS,
    OPERATORS,
    TYPES,
    Constraint,
    NotebookSpec,
    ParamSpec,
    collection_path,
    data_dir,
    notebook,
    notebooks,
    specs,
)

__all__ = [
    "BOUND_WORDS", "OPERATORS", "TYPES", "CollectionError", "Constraint", "DataFileError", "Items",
    "NotebookSpec", "ParamSpec", "ParameterError", "allowed_text", "check_all", "collection_path", "data_dir",
    "data_span", "edge_values", "known_orgs", "known_states", "normalised", "notebook", "notebooks", "plain", "specs",
    "validated",
]


def check_all(notebook_id: str, values: dict[str, Any], *, collection: Path | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``values``, every value checked, then the rules between parameters:
    ``{name: converted value}``.

    Raises ParameterError (one line) for an unknown name, a bad value or a broken rule.
    """
    coll = (collection or collection_path()).resolve()
    nb = notebook(notebook_id, coll)
    ctx = Context(notebook=nb, folder=data_dir(coll))
    for name, value in values.items():
        if name not in nb.parameters:
            declared = ", ".join(nb.parameters) or "none (this notebook takes no parameters)"
            raise ParameterError(f"notebook {nb.id} ({nb.stem}): unknown parameter '{name}' = {echo(value)}; "
                                 f"allowed parameters: {declared}")
    out = {name: CHECKS[spec.type](ctx, spec, values.get(name, spec.default)) for name, spec in nb.parameters.items()}
    for rule in nb.constraints:
        check_constraint(nb, rule, out)
    return out
