"""Sentences for notebook 09: how much of each English text could be set beside the Arabic, and how many
differences the Arabic itself made, built from the tables of :mod:`helpers.tables.translation`."""

from __future__ import annotations

import pandas as pd

from helpers.tables.frames import need
from helpers.tables.translation import CHANGED_BY, READ


def reading_finding(translation: pd.DataFrame) -> str:
    """How much of each English text could be set beside the Arabic."""
    rt = int(translation["rt_reading"].isin(READ).sum())
    valdai = int(translation["valdai_reading"].ne("not read").sum())
    return (f"RT's English could be read at {rt} of {len(translation)} paragraphs, Valdai's text or a summary or "
            f"report of it at {valdai}")


def translation_finding(differences: pd.DataFrame) -> str:
    """Title of the side-by-side view: how many differences, and who made them (``changed_by``): the Arabic's
    translator or editor, RT's translator or editors (the Arabic inherits those), or a hand the texts read cannot
    show; the author's own revisions are named only when there are any."""
    need(differences, ["changed_by"], "translation_finding(differences)")
    n = differences["changed_by"].value_counts()
    arabic, rt, author, unknown = (int(n.get(k, 0)) for k in CHANGED_BY)
    text = (f"{len(differences)} differences between the Arabic and the English: {arabic} made by the Arabic's "
            f"translator or editor, {rt} by RT's translator or editors and inherited by the Arabic, {unknown} by a "
            "hand unknown, where RT's own paragraph could not be read or only a copy of it was")
    return text + (f"; {author} the author's own revision" if author else "")
