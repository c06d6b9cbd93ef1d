"""Sentences for notebooks 06 and 09: the titles and findings of the principle grid and the watch list, built from
the frames of :mod:`helpers.tables.principles`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.membership import as_timestamp
from helpers.tables.frames import need


def principles_title(principles: pd.DataFrame) -> str:
    """Title of the principles table: how many, and the paragraphs they come from in article order."""
    need(principles, ("paragraph",), "principles_title(principles)")
    paras = sorted(set(principles["paragraph"]), key=lambda p: int(str(p)[1:]))
    if not paras:
        return "No principle in the data"
    return f"{len(principles)} principles, from {paras[0]} to {paras[-1]}" if len(paras) > 1 else \
        f"{len(principles)} principles, all from {paras[0]}"


def grid_finding(grid: pd.DataFrame, as_of, principle: str = "Indivisible security") -> str:
    """Title of the principle grid: in how many of the documents read by ``as_of`` one principle appears, and for how
    many of them it was not coded (so the count is not read as a share of documents checked for it)."""
    found = grid[(grid["principle"] == principle) & grid["presence"].isin(["explicit", "implicit"])]
    unread = grid[(grid["principle"] == principle) & (grid["presence"] == "not coded")]["document"].nunique()
    title = (f"By {wording.day(as_timestamp(as_of, 'as_of'))}, {principle[0].lower() + principle[1:]} appears in "
             f"{found['document'].nunique()} of {grid['document'].nunique()} documents read")
    return f"{title}; {unread} were not coded for it" if unread else title


def _stated(summary: pd.DataFrame, wide: bool) -> pd.Series:
    """Documents per principle stating it: explicit and quoted only, or (``wide``) any explicit or implicit
    reading, reports of the text included."""
    cols = ["explicit, quoted", "explicit, from a report", "implicit"] if wide else ["explicit, quoted"]
    return summary.set_index("principle")[cols].sum(axis=1)


#: The strict reading of "explicit (named)": a principle whose article wording names more than its quoted phrases
#: do counts as named only where a quoted explicit phrase holds one of these words. P13's principle is military
#: questions *plus hybrid threats*; no text read names either "hybrid" threats or "multidimensional" security.
STRICT_NAMES = {"Multidimensional security": ("hybrid", "multidimensional", "multi-dimensional")}


def strict_count(grid: pd.DataFrame) -> int:
    """How many principles are stated explicitly in a quoted phrase when :data:`STRICT_NAMES` must be named in it:
    the check that can lower the headline count, beside the multipolarity reading that could raise it."""
    quoted = grid[(grid["presence"] == "explicit") & (grid["phrase"].fillna("").str.strip() != "")]
    named = [p for p, rows in quoted.groupby("principle")
             if p not in STRICT_NAMES or rows["phrase"].str.lower().str.contains("|".join(STRICT_NAMES[p])).any()]
    return len(named)


def principles_found(summary: pd.DataFrame, as_of, grid: pd.DataFrame | None = None) -> str:
    """How many of the principles of :func:`principle_summary` are stated explicitly in a quoted phrase in at least
    one document by ``as_of``, how many under the strict reading (:func:`strict_count`, given ``grid``, when it is
    lower) and how many counting implicit readings and reports of the text too."""
    day = wording.day(as_timestamp(as_of, "as_of"))
    n, wide = int((_stated(summary, False) > 0).sum()), int((_stated(summary, True) > 0).sum())
    strict = strict_count(grid) if grid is not None and {"presence", "phrase"} <= set(grid.columns) else n
    low = (f" ({strict} under the strict reading: no text read names hybrid threats or multidimensional security)"
           if strict < n else "")
    return (f"{n} of the article's {len(summary)} principles are stated explicitly in a quoted phrase in at least "
            f"one document adopted by {day}{low}; {wide} counting implicit readings and reports")


def summary_title(summary: pd.DataFrame, as_of) -> str:
    """The per-principle table's title, two lines on a phone: how many principles are stated explicitly in at least
    one document by ``as_of``. The strict and the wide counts are the caption's (:func:`summary_note`)."""
    n = int((_stated(summary, False) > 0).sum())
    return (f"By {wording.day(as_timestamp(as_of, 'as_of'))}, {n} of the {len(summary)} principles were stated "
            "explicitly in a document")


def summary_note(summary: pd.DataFrame, grid: pd.DataFrame) -> str:
    """The caption's first sentence under :func:`summary_title`: what 'explicit' means, the strict count when it is
    lower (:func:`strict_count`) and the count with implicit readings and reports of the text."""
    n, wide = int((_stated(summary, False) > 0).sum()), int((_stated(summary, True) > 0).sum())
    strict = strict_count(grid) if {"presence", "phrase"} <= set(grid.columns) else n
    word = "principle" if strict == 1 else "principles"
    low = (f"; {strict} {word} under the strict reading (no text read names hybrid threats or multidimensional "
           "security)" if strict < n else "")
    return (f"Explicit = in a phrase quoted from the document{low}; {wide} of the {len(summary)} counting implicit "
            "readings and reports.")


def readings_title(matrix: pd.DataFrame, as_of) -> str:
    """Title of the evidence table: how many coded readings of how many documents up to ``as_of``."""
    return (f"{len(matrix)} readings of {matrix['document'].nunique()} documents up to "
            f"{wording.day(as_timestamp(as_of, 'as_of'))}")


def watch_finding(watch: pd.DataFrame, after) -> str:
    """Title of the watch list: how many dated developments after ``after``, and the latest date."""
    since = as_timestamp(after, "after")
    if watch.empty:
        return f"No dated development after {since:%B %Y} in the events data yet"
    last = watch.assign(date=pd.to_datetime(watch["date"])).sort_values("date").iloc[-1]
    precision = last.get("date_precision", "day")  # a date known to the month is never given a day
    when = (f"in {wording.month(last['date'].date())}" if precision == "month" else
            f"in {last['date']:%Y}" if precision == "year" else f"on {wording.day(last['date'])}")
    return f"{len(watch)} dated developments after {since:%B %Y}, the latest {when}"


def _leaders(counts: pd.Series) -> tuple[list[str], int]:
    top = int(counts.max()) if len(counts) else 0
    return [p for p, v in counts.items() if v == top], top


def most_common(summary: pd.DataFrame, grid: pd.DataFrame) -> str:
    """The most common principle on quoted explicit statements, then whether it still leads alone when implicit
    readings and reports of the text count too."""
    docs = grid["document"].nunique()
    lead, k = _leaders(_stated(summary, False))
    alt, m = _leaders(_stated(summary, True))
    out = (f"Counting only explicit statements quoted from the texts, {lead[0]} is the most common: {k} of the "
           f"{docs} documents." if len(lead) == 1 else f"Counting only explicit statements quoted from the texts, "
           f"{len(lead)} principles tie as the most common: {k} of the {docs} documents.")
    if len(alt) > 1:
        return out + (f" Counting implicit readings and reports of the texts too, {len(alt)} principles tie at {m} of "
                      f"{docs}: the headline does not survive.")
    holds = "holds" if alt == lead else "does not survive"
    return out + f" Counting implicit readings and reports of the texts too, {alt[0]} leads with {m} of {docs}: " \
                 f"the headline {holds}."


def absence_line(summary: pd.DataFrame) -> str:
    """What the counts measure: a cell not coded is a part of a document not read, never an absence."""
    absent = int(summary["absent"].sum())
    if not absent:
        return ("No cell is coded absent: a cell not coded is a part of a document not read, so these counts are "
                "floors, not measures of how common a principle is.")
    return (f"{absent} cells are coded absent; a cell not coded is a part of a document not read, not an "
            "absence.")


def pool_line(grid: pd.DataFrame) -> str:
    """Why the first screen ranks no principle: the documents are the project's own choice, not a census."""
    return (f"The {grid['document'].nunique()} documents were chosen while reading the article, not drawn by a stated "
            "rule from a published list, so no principle is ranked here as the most common: another set of "
            "documents could rank them differently.")


def precedent_line(grid: pd.DataFrame, article_day) -> str:
    """How many of the documents read postdate the article (so cannot be its precedents), and how many principles
    are stated explicitly in a quoted phrase in the documents adopted on or before ``article_day``."""
    from helpers.tables.principles import before_article, principle_summary

    day = as_timestamp(article_day, "article_day")
    before = before_article(grid, day)
    after = grid["document"].nunique() - before["document"].nunique()
    if not after:
        return f"Every document read was adopted before the article ({wording.day(day)}): all can be precedents."
    n = int((_stated(principle_summary(before), False) > 0).sum()) if not before.empty else 0
    strict = strict_count(before) if not before.empty and "phrase" in before else n
    low = f" ({strict} under the strict reading)" if strict < n else ""
    return (f"Of the {grid['document'].nunique()} documents, {after} postdate the article ({wording.day(day)}) and "
            f"are not precedents; in the {before['document'].nunique()} before it, {n} of the "
            f"{grid['principle'].nunique()} principles are stated explicitly in a quoted phrase{low}.")


def glance_findings(summary, grid, as_of, article_day=None) -> list[str]:
    """06: how many of the article's principles existing documents state (and, given ``article_day``, how many in
    the documents that predate the article), why none is ranked as the most common (the documents are ours, not a
    census; :func:`most_common` is shown in the report with that caveat) and what a cell not coded means."""
    first = f"{principles_found(summary, as_of, grid)}."
    if article_day is not None:
        first += " " + precedent_line(grid, article_day)
    return [first, pool_line(grid), absence_line(summary)]


def documents_title(docs: pd.DataFrame, as_of) -> str:
    """The title of :func:`helpers.tables.principles.documents_by`'s rows: how many documents over which years, or
    that there is none by ``as_of``."""
    if docs.empty:
        return f"No document adopted by {wording.day(as_timestamp(as_of, 'as_of'))}"
    first, last = docs["date"].min().year, docs["date"].max().year
    noun = "document" if len(docs) == 1 else "documents"
    return f"{len(docs)} {noun} from {first}" + (f" to {last}" if last != first else "")
