"""The "At a glance" findings of notebooks 00, 01, 03 and 06: two to four sentences computed from the frames each
notebook already holds, shown in the report's first screen by ``present.glance``."""

from __future__ import annotations

from helpers import wording
from helpers.tables.article import lineage_finding
from helpers.tables.euroatlantic import indivisible_finding
from helpers.tables.principles import principles_found


def article(paragraphs, sections, claims, lineage) -> list[str]:
    """00: the article's shape, its claims and where its text comes from."""
    per_section = paragraphs.groupby("section_id").size()
    first = sections.iloc[0]["section_id"]
    factual = claims[claims["claim_type"] == "factual"]
    return [
        f"{len(paragraphs)} paragraphs in {len(sections)} sections: {int(per_section.get(first, 0))} on what went "
        f"wrong in Euro-Atlantic security, {len(paragraphs) - int(per_section.get(first, 0))} on the principles "
        "and form of a Eurasian framework.",
        f"{len(factual)} of its {len(claims)} claims are factual; {int((factual['verdict'] == 'supported').sum())} "
        "of those are supported by the sources we cite.",
        f"{lineage_finding(lineage)}.",
    ]


def proposal(cited, track, later, start, end) -> list[str]:
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


def osce(steps, overlap, counts, coded, as_of) -> list[str]:
    """03: the OSCE's growth, its overlap with NATO and the CSTO (``counts`` from ``tables.overlap_counts``), and
    indivisible security in its documents (``coded``: ``tables.principle_in_documents``); one line saying so when
    the OSCE did not yet exist on ``as_of``."""
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
    if len(explicit):
        out.append(f"{indivisible_finding(coded)}.")
    return out


def principles(summary, grid, as_of) -> list[str]:
    """06: how many of the article's principles already appear in existing documents, and where most often."""
    top = summary.assign(n=summary["explicit"] + summary["implicit"]).sort_values("n", ascending=False).iloc[0]
    return [
        f"{principles_found(summary, as_of)}.",
        f"{top['principle']} is the most common: stated in {int(top['n'])} of the "
        f"{grid['document'].nunique()} documents read.",
    ]
