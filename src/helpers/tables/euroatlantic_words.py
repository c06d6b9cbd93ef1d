"""Sentences for notebooks 01–04 (P1–P9): chart and table titles and findings built from the frames of
:mod:`helpers.tables.euroatlantic`."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers import wording
from helpers.membership import as_timestamp
from helpers.tables.euroatlantic import VERDICTS, VISIT_2024


def track_titles(track: pd.DataFrame, cited_ids: Iterable[str], start, end) -> tuple[str, str]:
    """Titles of the Russia–China timeline chart and table (:func:`timeline_rows` of :func:`russia_china_track`):
    how many steps over which years and how many the article cites; "none" with the window's dates when empty."""
    lo, hi = wording.day(as_timestamp(start, "start")), wording.day(as_timestamp(end, "end"))
    if track.empty:
        return (f"None in this window: no recorded step in Russia–China security ties from {lo} to {hi}",
                f"Russia–China security timeline, {lo} to {hi}: none recorded")
    cited = track["event_id"].isin(list(cited_ids)).sum()
    return (f"{len(track)} dated steps in Russia–China security ties, {track['year'].min()}–{track['year'].max()}; "
            f"the article points to {cited} of them", f"Russia–China security timeline, {lo} to {hi}")


def after_visit_title(later: pd.DataFrame, events: pd.DataFrame, end, visit: str = VISIT_2024) -> str:
    """The title of :func:`helpers.tables.euroatlantic.after_visit`'s rows: how many steps after the ``visit`` event,
    up to ``end``."""
    day = events.set_index("event_id").loc[visit, "date"]
    noun = "step" if len(later) == 1 else "steps"
    return (f"{len(later)} recorded {noun} on the track after the {day:%B %Y} visit "
            f"(up to {wording.day(as_timestamp(end, 'end'))})")


def paragraph_events_finding(rows: pd.DataFrame, paras: Iterable[str], *, since: int | None = None) -> str:
    """Title for :func:`paragraph_events`: how many events bear on the paragraphs, and when the first is dated
    (or, with ``since``, how many fall in or after that year)."""
    wanted = list(paras)
    span = wanted[0] if len(wanted) == 1 else f"{wanted[0]}–{wanted[-1]}"
    if rows.empty:
        return f"No dated event in the data bears on {span}"
    head = f"{len(rows)} dated event{'s' if len(rows) != 1 else ''} bear{'' if len(rows) != 1 else 's'} on {span}"
    if since is not None:
        return f"{head}, {int((rows['year'] >= since).sum())} of them from {since} on"
    return f"{head}, the first on {wording.day(rows['date'].min())}"


def osce_titles(steps: pd.DataFrame, overlap_table: pd.DataFrame, counts: pd.DataFrame, as_of) -> tuple[str, str]:
    """Titles of notebook 03's growth chart (:func:`membership_steps` of the OSCE) and overlap chart
    (:func:`overlap`, :func:`overlap_counts`); "none on this date" when the OSCE had no participating state yet."""
    day = wording.day(as_timestamp(as_of, "as_of"))
    if steps.empty or not overlap_table["OSCE"].any():
        none = f"None on this date: the CSCE/OSCE had no participating states on {day}"
        return none, f"{none}, so none could also belong to NATO or the CSTO"
    both = counts.loc[counts["group"].str.startswith("OSCE +"), "states"].sum()
    return (f"The CSCE/OSCE went from {steps['members'].iloc[0]} to {steps['members'].iloc[-1]} participating states "
            f"by {day}", f"On {day}, {both} of the OSCE's {int(overlap_table['OSCE'].sum())} states also belonged to "
            "NATO or the CSTO")


def documents_finding(docs: pd.DataFrame) -> str:
    """Title of the OSCE documents table (:func:`category_rows` of ``osce_document``): how many, over which years."""
    if docs.empty:
        return "No CSCE/OSCE document in the data"
    years = f"{docs['year'].min()}–{docs['year'].max()}" if docs["year"].nunique() > 1 else f"{docs['year'].min()}"
    noun = "founding and summit documents" if len(docs) > 1 else "founding or summit document"
    return f"{len(docs)} {noun} of the CSCE/OSCE, {years}"


#: How :func:`indivisible_finding` names each coding, in the order it gives them.
PRESENCE_WORDS = {"explicit": "explicit", "implicit": "implicit", "absent": "absent", "not coded": "not coded"}


def indivisible_finding(coded: pd.DataFrame) -> str:
    """Title of :func:`principle_in_documents` for one principle, short enough for two lines on a phone: the years
    of the documents that state it explicitly. The coding of every document and why no earliest year is claimed
    are the caption's (:func:`indivisible_note`)."""
    explicit = coded[coded["presence"] == "explicit"]
    if explicit.empty:
        return "No document read states indivisible security explicitly"
    years = sorted({d.year for d in pd.to_datetime(explicit["date"])})
    if len(years) == 1:
        return f"Indivisible security is explicit in the OSCE document of {years[0]}"
    return f"Indivisible security is explicit in the OSCE documents of {wording.joined(map(str, years), lang='en')}"


def indivisible_note(coded: pd.DataFrame) -> str:
    """The caption's first sentences under :func:`indivisible_finding`: the coding of every document the table
    holds, by year (explicit, implicit, absent, not coded), with no share: a denominator drawn from the first
    explicit document on would be chosen by the outcome. The year of the earliest explicit statement is given only
    when no earlier text is coded otherwise; when one is, the earlier texts were not read in full for the principle
    (the Charter of Paris in an abridged copy, the Final Act not coded for it), so no earliest year is claimed."""
    explicit = coded[coded["presence"] == "explicit"]
    dated = coded.assign(year=pd.to_datetime(coded["date"]).dt.year)
    parts = [f"{word} in {' and '.join(str(y) for y in sorted(dated.loc[dated['presence'] == key, 'year']))}"
             for key, word in PRESENCE_WORDS.items() if (dated["presence"] == key).any()]
    head = f"Indivisible security as coded in the {len(coded)} OSCE documents: {'; '.join(parts)}."
    if explicit.empty:
        return head
    first = pd.to_datetime(explicit["date"]).min()
    earlier = sorted({d.year for d in pd.to_datetime(coded["date"]) if d < first})
    if not earlier:
        return head + f" The earliest explicit statement is from {first.year}."
    years = " and ".join(str(y) for y in earlier)
    return head + (f" The {years} text was not read in full, so no earliest year is claimed." if len(earlier) == 1
                   else f" The {years} texts were not read in full, so no earliest year is claimed.")


def claims_headline(claim_table: pd.DataFrame, paras: Iterable[str]) -> str:
    """A claims table's title from its own verdicts: 'P7–P9 make 9 claims: 2 supported, 7 interpretations'."""
    from helpers.tables.article import span_label

    paras = list(paras)
    span, n = span_label(paras[0], paras[-1]), len(claim_table)
    counts = claim_table["verdict"].value_counts()
    parts = []
    for v in sorted(counts.index, key=lambda v: VERDICTS.index(v) if v in VERDICTS else len(VERDICTS)):
        k = int(counts[v])
        parts.append(f"{k} {v}{'s' if v == 'interpretation' and k != 1 else ''}")
    verb = "makes" if "–" not in span else "make"
    return f"{span} {verb} {n} claim{'s' if n != 1 else ''}: {', '.join(parts)}"


def proposal_glance(cited, track, later, start, end) -> list[str]:
    """01: the events behind P1–P3, the longer track, and what followed the April 2024 visit."""
    first = cited.sort_values("date").iloc[0]
    return [
        f"{len(cited)} dated events bear on P1–P3; the earliest is “{first['title']}” "
        f"({wording.day(first['date'])}).",
        f"Between {wording.day(start)} and {wording.day(end)} the data records {len(track)} steps in Russia–China "
        "security ties.",
        (f"{len(later)} recorded step on the track follows" if len(later) == 1 else
         f"{len(later)} recorded steps on the track follow") + " the April 2024 visit in that window.",
    ]


def osce_glance(steps, overlap, counts, coded, as_of, inactive=(), declared=()) -> list[str]:
    """03: the OSCE's growth, its overlap with NATO and the CSTO (``counts`` from ``tables.overlap_counts``; formal
    ties, with the count on active ties beside it when ``inactive`` names states whose tie is frozen or suspended,
    ``tables.inactive_ties``; when every one of them is in ``declared``, a freeze its government declared, status
    ``frozen``, the line says so), and indivisible security in its documents (``coded``:
    ``tables.principle_in_documents``); one line saying so when the OSCE did not yet exist on ``as_of``."""
    explicit = coded[coded["presence"] == "explicit"]
    if steps.empty or not overlap["OSCE"].any():
        return [f"On {wording.day(as_of)} the CSCE/OSCE had no participating states yet: the Helsinki Final Act "
                "was signed on 1 Aug 1975."]
    both = counts.loc[counts["group"].str.startswith("OSCE +"), "states"].sum()
    out = [
        f"The CSCE/OSCE grew from {int(steps['members'].iloc[0])} to {int(steps['members'].iloc[-1])} "
        f"participating states by {wording.day(as_of)}.",
        f"On that date {int(both)} of its {int(overlap['OSCE'].sum())} states also belonged to NATO or the CSTO: "
        "both camps sat at one table.",
    ]
    if inactive:
        one = len(inactive) == 1
        why = (f"had declared {'its' if one else 'their'} participation frozen, in a statement, not by a formal act."
               if set(inactive) <= set(declared) else "had frozen or suspended participation.")
        out[1] += (f" That counts formal membership; counting active ties only, as notebook 08 does, it is "
                   f"{int(both) - len(inactive)}: {wording.joined(list(inactive), lang='en')} {why}")
    if len(explicit):
        out.append(indivisible_note(coded))  # the first screen keeps the whole coding, as before
    return out
