"""Notebook 09: the tables a reader reads about the Arabic and the English it translates — the three texts side by
side, paragraph by paragraph, and the differences with their words — with reader headers and sentences, built from
the frames :mod:`helpers.tables.translation` checks and orders.

Plain DataFrames in, plain DataFrames out.
"""

from __future__ import annotations

import pandas as pd

from helpers.tables.frames import need
from helpers.tables.translation import PARAGRAPHS

#: ``changed_by`` (:data:`helpers.tables.translation.CHANGED_BY`) in a reader's words.
CHANGED_BY_WORDS = {
    "the translator or editor": "the Arabic's translator or editor",
    "RT's translator or editors": "RT's translator or editors",
    "the author": "the author",
    "unknown": "unknown",
}


def _number(paragraph: pd.Series) -> pd.Series:
    return paragraph.astype(str).str[1:].astype(int)


def translation_view(paragraphs: pd.DataFrame, translation: pd.DataFrame, differences: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph P1–P19: our paraphrase of the Arabic, what RT's English says there, what Valdai's text
    (or RIAC's summary, or a report of it) says, and the differences found there by id and kind (``T04 addition;
    T05 change of emphasis``; the words are in :func:`differences_view`), or the comparison's note where none was.

    A text that could not be read at a paragraph says so instead of staying blank. Raises ``ValueError`` naming
    the paragraphs that ``translation`` or ``paragraphs`` lacks, so the view never covers fewer than all 19.
    """
    need(paragraphs, ["paragraph", "paraphrase"], "translation_view(paragraphs)")
    need(translation, ["paragraph", "rt_reading", "rt_says", "valdai_reading", "valdai_says", "note"],
          "translation_view(translation)")
    need(differences, ["difference_id", "paragraph", "kind", "arabic_phrase", "english_phrase"],
          "translation_view(differences)")
    for name, frame in (("paragraphs", paragraphs), ("translation", translation)):
        missing = [p for p in PARAGRAPHS if p not in set(frame["paragraph"])]
        if missing:
            raise ValueError(f"{name}.csv has no row for {', '.join(missing)}; the view covers P1–P19")
    text = translation.set_index("paragraph")
    para = paragraphs.set_index("paragraph")["paraphrase"]
    diffs = differences.sort_values("difference_id", kind="mergesort")
    by_par = {p: [f"{r['difference_id']} {r['kind']}" for _, r in g.iterrows()]
              for p, g in diffs.groupby("paragraph", sort=False)}

    def said(reading, says, who):
        if reading == "not read" or not isinstance(says, str) or not says.strip():
            return f"({who} could not be read here)"
        return says if reading == "read" else f"({reading}) {says}"

    rows = []
    for p in PARAGRAPHS:
        t = text.loc[p]
        rows.append({
            "Paragraph": p,
            "The Arabic (our paraphrase)": para[p],
            "RT's English": said(t["rt_reading"], t["rt_says"], "RT's page"),
            "Valdai / RIAC": said(t["valdai_reading"], t["valdai_says"], "Valdai's text"),
            "Differences": "; ".join(by_par.get(p, [])) or t["note"],
        })
    return pd.DataFrame(rows)


def differences_view(differences: pd.DataFrame) -> pd.DataFrame:
    """The differences in article order for reading: id with paragraph, which texts differ and our confidence in
    one cell, then the kind, who made the change, the Arabic and English words, the claim it bears on and what
    changes."""
    need(differences, ["difference_id", "paragraph", "between", "kind", "arabic_phrase", "english_phrase",
                        "claim_id", "confidence", "changed_by", "note"], "differences_view(differences)")
    d = differences.copy()
    d["_p"] = _number(d["paragraph"])
    d = d.sort_values(["_p", "difference_id"], kind="mergesort")
    return pd.DataFrame({
        "Difference": (d["difference_id"] + " · " + d["paragraph"] + " (" + d["between"] + "; "
                       + d["confidence"] + ")").to_numpy(),
        "Kind": d["kind"].to_numpy(),
        "Changed by": d["changed_by"].map(CHANGED_BY_WORDS).fillna(d["changed_by"]).to_numpy(),
        "Arabic": d["arabic_phrase"].fillna("").to_numpy(),
        "English": d["english_phrase"].fillna("").to_numpy(),
        "Claim": d["claim_id"].fillna("").to_numpy(),
        "What changes": d["note"].to_numpy(),
    })
