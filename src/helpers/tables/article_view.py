"""Notebook 09: the article's lineage as a reader reads it — each step with the work, its publisher and date in one
cell — built from :func:`helpers.tables.article.lineage_table`, with reader headers and labels.

Plain DataFrames in, plain DataFrames out.
"""

from __future__ import annotations

import pandas as pd

from helpers.tables.article import lineage_table


def lineage_view(lineage: pd.DataFrame) -> pd.DataFrame:
    """The article's lineage for reading (from :func:`lineage_table`): step, the work with its publisher and
    date in one cell ("… — RT, 16 Apr 2024"; "date not found" when unknown), relation, confidence and finding, so
    the finding keeps the width it needs."""
    from helpers.wording import day, label

    steps = lineage_table(lineage)
    when = [p if p == "not found" or len(p) < 10 else day(p) for p in steps["published"]]
    # a work's reader label (labels.csv): its Arabic in the Arabic edition ("… — closing paragraph P19" stayed English)
    work = [f"{label(w, 'work', 'lineage')} — {pub}, {'date not found' if d == 'not found' else d}"
            for w, pub, d in zip(steps["work"], steps["publisher"], when)]
    return pd.DataFrame({"Step": steps["step"].to_numpy(), "Work": work, "Relation": steps["relation"].to_numpy(),
                         "Confidence": steps["confidence"].to_numpy(), "Finding": steps["finding"].to_numpy()})
