"""Sentences for notebook 09: how much of each English text could be set beside the Arabic, and how many
differences the Arabic itself made, built from the tables of :mod:`helpers.tables.translation`."""

from __future__ import annotations

import pandas as pd

from helpers.tables.translation import READ


def reading_finding(translation: pd.DataFrame) -> str:
    """How much of each English text could be set beside the Arabic."""
    rt = int(translation["rt_reading"].isin(READ).sum())
    valdai = int(translation["valdai_reading"].ne("not read").sum())
    return (f"RT's English could be read at {rt} of {len(translation)} paragraphs, Valdai's text or a summary or "
            f"report of it at {valdai}")


def translation_finding(differences: pd.DataFrame) -> str:
    """Title of the side-by-side view: how many differences, and how many the Arabic itself made."""
    own = int(differences["between"].ne("RT and Valdai/RIAC").sum())
    inherited = len(differences) - own
    return (f"{len(differences)} differences between the Arabic and the English: {own} made in the Arabic (or in "
            f"RT's unread paragraphs), {inherited} inherited from RT's rewording of Valdai")
