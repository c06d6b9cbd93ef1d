"""Declared notebook parameters (from ``notebooks/collection.toml``) and their validation.

Every notebook calls :func:`validated` in its imports cell, and the build calls :func:`check_all` for every
report before any kernel starts, so a bad value is refused the same way whether it came from ``make reports``,
``python -m helpers.pipeline -p ...`` or a direct ``papermill ... -p ...`` run.

This package is on the "refuse a bad parameter" path, which must answer in well under half a second: it imports
only the standard library (no pandas, altair or papermill). Bounds such as ``"data:first"`` are computed by
scanning the date columns of ``data/*.csv`` with the ``csv`` module.

Layout: :mod:`.specs` (the section map as typed specs), :mod:`.datafiles` (what the checks read from the data, its
text through :mod:`helpers.data_text`), :mod:`.checks` (one check per parameter type, the rules between parameters,
:func:`check_all`),
:mod:`.inject` (the notebook side, papermill's injected cell), :mod:`.describe` (``--list`` text, edge values),
:mod:`.refusals` (what a refused parameter raises).
"""

from __future__ import annotations

from helpers.params.checks import Items, check_all, echo
from helpers.params.datafiles import data_span, known_orgs, known_states
from helpers.params.describe import allowed_text, edge_values, normalised, plain
from helpers.params.inject import validated
from helpers.params.refusals import CollectionError, DataFileError, ParameterError
from helpers.params.specs import (
    OPERATORS,
    Constraint,
    NotebookSpec,
    ParamSpec,
    collection_path,
    data_dir,
    notebook,
    notebooks,
    specs,
)
from helpers.params.types import BOUND_WORDS, TYPES

__all__ = [
    "BOUND_WORDS", "OPERATORS", "TYPES", "CollectionError", "Constraint", "DataFileError", "Items",
    "NotebookSpec", "ParamSpec", "ParameterError", "allowed_text", "check_all", "collection_path", "data_dir",
    "data_span", "echo", "edge_values", "known_orgs", "known_states", "normalised", "notebook", "notebooks", "plain",
    "specs", "validated",
]
