"""Tables for notebooks 06 and 09: the principles grid, the lineage, the watch list and the collection's paragraph
map (article paragraphs P11–P19). The other notebooks' tables live in modules of their own: ``balance`` (05),
``typology`` (07), ``sco_states`` and ``alignment_denominators`` (08), ``claims`` (the ledger).

Plain DataFrames in, plain DataFrames out. Nothing here displays, styles or reads a file; the section map's view
for 09 (``notebook_reports``, ``collection_paragraphs``) lives in :mod:`helpers.tables.article`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.membership import as_timestamp
from helpers.tables.frames import need

PRESENCE = ("explicit", "implicit", "absent")


def principle_matrix(principle_documents: pd.DataFrame, documents: pd.DataFrame, principles: pd.DataFrame,
                     as_of) -> pd.DataFrame:
    """Principle × document, long: one row per coded pair whose document dates on or before ``as_of``.

    Columns: principle, paragraph, document, date, org_id, presence, locator, phrase, source_id. Sorted by
    principle (in the order of ``principles``) then document date.
    """
    need(principle_documents, ("principle_id", "document_id", "presence", "locator", "phrase", "source_id"),
          "principle_matrix(principle_documents)")
    need(documents, ("document_id", "title", "date", "org_id"), "principle_matrix(documents)")
    need(principles, ("principle_id", "label", "paragraph"), "principle_matrix(principles)")
    cut = as_timestamp(as_of, "as_of")
    docs = documents[pd.to_datetime(documents["date"]) <= cut]
    order = {p: i for i, p in enumerate(principles["principle_id"])}
    merged = (principle_documents.merge(docs[["document_id", "title", "date", "org_id"]], on="document_id")
              .merge(principles[["principle_id", "label", "paragraph"]], on="principle_id"))
    merged = merged.assign(_o=merged["principle_id"].map(order), date=pd.to_datetime(merged["date"]))
    merged = merged.sort_values(["_o", "date", "document_id"], kind="mergesort")
    out = pd.DataFrame({
        "principle": merged["label"].to_numpy(), "paragraph": merged["paragraph"].to_numpy(),
        "document": merged["title"].to_numpy(), "date": merged["date"].to_numpy(),
        "org_id": merged["org_id"].fillna("").to_numpy(), "presence": merged["presence"].to_numpy(),
        "locator": merged["locator"].fillna("").to_numpy(), "phrase": merged["phrase"].fillna("").to_numpy(),
        "source_id": merged["source_id"].to_numpy(),
    })
    return out.reset_index(drop=True)


def principle_grid(matrix: pd.DataFrame, principles: pd.DataFrame, documents: pd.DataFrame, as_of) -> pd.DataFrame:
    """Every principle × every document in force by ``as_of``, with ``presence`` = explicit/implicit/absent or
    ``not coded`` where we have no reading (a gap is shown, never guessed)."""
    cut = as_timestamp(as_of, "as_of")
    docs = documents[pd.to_datetime(documents["date"]) <= cut].assign(date=lambda d: pd.to_datetime(d["date"]))
    docs = docs.sort_values(["date", "document_id"], kind="mergesort")
    grid = pd.MultiIndex.from_product([list(principles["label"]), list(docs["title"])],
                                      names=["principle", "document"]).to_frame(index=False)
    grid = grid.merge(docs[["title", "date"]].rename(columns={"title": "document"}), on="document")
    got = matrix[["principle", "document", "presence", "phrase", "locator"]]
    grid = grid.merge(got, on=["principle", "document"], how="left")
    grid["presence"] = grid["presence"].fillna("not coded")
    grid[["phrase", "locator"]] = grid[["phrase", "locator"]].fillna("")
    return grid


#: The summary's columns: an explicit reading with a phrase quoted from the text apart from one that rests on a
#: report of the text (no phrase), then implicit, absent and not coded (the part that would settle it not read).
SUMMARY = ("explicit, quoted", "explicit, from a report", "implicit", "absent", "not coded")


def principle_summary(grid: pd.DataFrame) -> pd.DataFrame:
    """Per principle: how many documents state it explicitly in a phrase we quote, explicitly on a report of the
    text (no phrase), implicitly, not at all (coded absent), or are not coded (not read for it: not an absence)."""
    quoted = grid["phrase"].fillna("").str.strip() != "" if "phrase" in grid else pd.Series(True, grid.index)
    level = grid["presence"].where(grid["presence"] != "explicit",
                                   quoted.map({True: SUMMARY[0], False: SUMMARY[1]}))
    counts = pd.crosstab(grid["principle"], level).reindex(columns=list(SUMMARY), fill_value=0)
    order = list(dict.fromkeys(grid["principle"]))
    counts = counts.reindex(order).reset_index()
    counts.columns.name = None
    return counts


def documents_by(documents: pd.DataFrame, as_of) -> pd.DataFrame:
    """The documents adopted on or before ``as_of`` in date order (title, date, organisation, kind, source); their
    title is ``principles_words.documents_title``."""
    cut = as_timestamp(as_of, "as_of")
    docs = documents[pd.to_datetime(documents["date"]) <= cut].sort_values("date").reset_index(drop=True)
    return docs[["title", "date", "org_id", "kind", "source_id"]]


def watch_list(events: pd.DataFrame, after, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """Dated developments strictly after ``after`` (optionally in the given categories), oldest first."""
    cut = as_timestamp(after, "after")
    need(events, ("event_id", "date", "date_precision", "category", "title", "description", "source_id"),
          "watch_list(events)")
    sub = events[pd.to_datetime(events["date"]) > cut]
    if categories is not None:
        sub = sub[sub["category"].isin(list(categories))]
    sub = sub.assign(date=pd.to_datetime(sub["date"])).sort_values(["date", "event_id"], kind="mergesort")
    return sub[["date", "date_precision", "category", "title", "description", "source_id"]].reset_index(drop=True)


def dated_as_known(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (with ``date`` and ``date_precision``) for readers: a date known to the day stays a date, one
    known to the month reads "June 2024" (never a first of the month it does not claim), to the year "2024"; the
    precision column, said by the date itself, is dropped (the CSV keeps it)."""
    from helpers import wording

    def shown(value, precision):
        stamp = pd.Timestamp(value)
        if precision == "month":
            return wording.month(stamp.date())
        return str(stamp.year) if precision == "year" else stamp
    dates = [shown(v, p) for v, p in zip(frame["date"], frame["date_precision"])]
    return frame.drop(columns=["date_precision"]).assign(date=pd.Series(dates, index=frame.index, dtype=object))


def article_day(lineage: pd.DataFrame) -> pd.Timestamp:
    """The earliest day on which a version of the article is known to be published (``lineage.csv`` rows dated to
    the day): a document adopted after it cannot be one of its precedents."""
    need(lineage, ("published", "date_precision"), "article_day(lineage)")
    days = pd.to_datetime(lineage.loc[lineage["date_precision"] == "day", "published"], errors="coerce").dropna()
    if days.empty:
        raise ValueError("article_day(lineage): no version of the article is dated to the day; add a 'published' "
                         "date with date_precision 'day' to lineage.csv")
    return days.min()


def before_article(grid: pd.DataFrame, day) -> pd.DataFrame:
    """The rows of :func:`principle_grid` whose document was adopted on or before ``day`` (the article's date): the
    documents that can be its precedents."""
    return grid[pd.to_datetime(grid["date"]) <= as_timestamp(day, "day")]
