"""The Arabic set beside the English it translates (notebook 09): RT's republication first, then Valdai's text or
RIAC's summary of it, paragraph by paragraph, with each difference classed.

Plain DataFrames in, plain DataFrames out: the findings a reader reads about them are in
:mod:`helpers.tables.translation_words`, the tables a reader reads in :mod:`helpers.tables.translation_view`. The
vocabularies are the ones ``data/datapackage.json`` declares for ``translation.csv`` and
``translation_differences.csv``.
"""

from __future__ import annotations

import pandas as pd

from helpers.tables.frames import need

KINDS = ("omission", "addition", "change of voice", "change of modality", "change of emphasis", "mistranslation")
BETWEEN = ("Arabic and RT", "RT and Valdai/RIAC", "Arabic and Valdai/RIAC")
READ = ("read", "partly read")
PARAGRAPHS = [f"P{i}" for i in range(1, 20)]
#: ``changed_by``, the data package's vocabulary, in the order the counts give it (its reader words:
#: :data:`helpers.tables.translation_view.CHANGED_BY_WORDS`).
CHANGED_BY = ("the translator or editor", "RT's translator or editors", "the author", "unknown")


def difference_counts(differences: pd.DataFrame) -> pd.DataFrame:
    """Differences per kind (rows, fixed order) and per pair of texts (columns, fixed order), with a total;
    zeros included."""
    need(differences, ["kind", "between"], "difference_counts(differences)")
    grid = (differences.groupby(["kind", "between"]).size().unstack(fill_value=0)
            .reindex(index=list(KINDS), columns=list(BETWEEN), fill_value=0).astype(int))
    grid["total"] = grid.sum(axis=1)
    grid = grid.reset_index()
    grid.columns.name = None
    return grid
