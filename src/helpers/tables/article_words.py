"""Sentences for notebook 00, the article at a glance: its shape, claims and lineage in words, and the text
alternative of the structure chart, built from the frames of :mod:`helpers.tables.article`."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers import wording
from helpers.tables.article import lineage_path, opening_and_rest, org_mentions, section_overview, span_label
from helpers.tables.claims_words import voices_finding, voices_glance
from helpers.tables.frames import need


def structure_finding(paragraph_tags: pd.DataFrame, paragraphs: pd.DataFrame, org: str) -> str:
    """A one-sentence finding for the structure chart's title, for the highlighted organisation ``org`` (by its
    reader name: ``org_name``): how many paragraphs name it, in the article's opening and after it
    (:func:`helpers.tables.article.opening_and_rest`: "P1–P9" and "P10–P19" as ``paragraphs`` has them)."""
    hits = org_mentions(paragraph_tags, org, paragraphs)
    total, name = len(paragraphs), org_name(org)
    if not hits:
        return f"The article never names {name}; its paragraphs are tagged with other organisations and themes"
    opening, rest = opening_and_rest(paragraphs)
    inside = len(set(hits) & set(opening))
    parts = [f"{n} in {span_label(part[0], part[-1])}" for n, part in ((inside, opening), (len(hits) - inside, rest))
             if part]
    return f"{name} is named in {len(hits)} of the {total} paragraphs ({', '.join(parts)})"


def org_name(org: str) -> str:
    """An organisation as the reader meets it: its short name from labels.csv or organisations.csv (English; the
    page translates it), never its code (``PFP`` reads "Partnership for Peace")."""
    return wording.label(org, "org_id", lang="en")


def structure_description(org: str, paragraphs: pd.DataFrame) -> str:
    """The text alternative of the structure chart, naming the highlighted organisation and the span of the
    paragraphs the data holds (``paragraphs``, in their ``order``)."""
    need(paragraphs, ["paragraph", "order"], "structure_description(paragraphs)")
    ids = list(paragraphs.sort_values("order", kind="mergesort")["paragraph"])
    return (f"Dot matrix: the article's paragraphs {ids[0]} to {ids[-1]} across, and down the organisations, states "
            f"and themes each paragraph touches. Paragraphs that name {org_name(org)} are shaded.")


def lineage_finding(lineage: pd.DataFrame) -> str:
    """Title of the lineage table: which version the translation follows, and any side republication."""
    path, side = lineage_path(lineage)
    head = " → ".join(path)
    return f"The text travelled {head}" + (f"; {' and '.join(side)} republished it on the side" if side else "")


def sections_finding(sections: pd.DataFrame, paragraphs: pd.DataFrame) -> str:
    """Title of the section table: how many paragraphs the opening takes and how many the titled sections."""
    overview = section_overview(sections, paragraphs)
    first, rest = int(overview["count"].iloc[0]), int(overview["count"].iloc[1:].sum())
    return (f"{first} paragraphs of diagnosis, then {rest} on principles and form, in "
            f"{len(overview)} sections")


def claims_finding(claims: pd.DataFrame, paras: Iterable[str] | None = None) -> str:
    """A title counting ``claims`` by type, e.g. ``"P1–P3 make 6 claims: 3 factual (3 supported), 2 …"``.

    Without ``paras`` the subject is the article. Types appear in the contract's order, empty ones left out.
    """
    from helpers.tables.claims import CLAIM_TYPES

    need(claims, ["claim_type", "verdict"], "claims")
    wanted = list(paras or [])
    who = span_label(wanted[0], wanted[-1]) if wanted else "The article"
    counts = claims["claim_type"].value_counts()
    parts = []
    for kind in CLAIM_TYPES:
        n = int(counts.get(kind, 0))
        if n and kind == "factual":
            ok = int(((claims["claim_type"] == kind) & (claims["verdict"] == "supported")).sum())
            parts.append(f"{n} factual ({ok} supported)")
        elif n:
            parts.append(f"{n} {kind}")
    verb = "make" if len(wanted) > 1 else "makes"
    if not parts:
        return f"{who} {verb} no claim the ledger holds"
    return f"{who} {verb} {len(claims)} claim{'s' if len(claims) != 1 else ''}: {', '.join(parts)}"


def glance_findings(paragraphs, sections, claims, lineage) -> list[str]:
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
    ] + ([voices_glance(claims)] if voices_detail(claims) else [])


def voices_detail(claims, paragraphs=None) -> list[str]:
    """Whose words the claims are, in full for the body (the first screen has :func:`voices_glance`): the ledger's
    own sentence (:func:`helpers.tables.claims_words.voices_finding`),
    so that 00 and 09 give one figure, with the paragraphs flagged as the editor's likely addition
    (``likely_editor_addition``) named apart."""
    if not {"voice", "attributed_to", "attribution"} <= set(claims.columns):
        return []
    flagged = [] if paragraphs is None or "likely_editor_addition" not in paragraphs else list(
        paragraphs.loc[paragraphs["likely_editor_addition"].astype(bool), "paragraph"])
    return [voices_finding(claims, flagged) + "."]
