"""Tables for notebook 00, the article at a glance (all of P1–P19).

Plain DataFrames in, plain DataFrames out: the notebook loads the article tables with ``helpers.load`` and shows
the results with ``helpers.present``. The exceptions read the section map, ``notebooks/collection.toml`` (or
``$NATO_COLLECTION``), through ``helpers.section_map``: :func:`notebook_paragraphs` (the paragraphs a notebook
covers, which the other notebooks ask for), :func:`notebook_reports` and :func:`collection_paragraphs`.
:func:`collection_guide` reads nothing: it is given the notebooks ``params`` has checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from helpers import wording
from helpers.section_map import paragraph_range
from helpers.section_map import read as read_collection
from helpers.tables.claims import CLAIM_TYPES, VERDICTS
from helpers.tables.frames import need

TAG_KINDS = ("org", "state", "theme")


def kind_word(kind: str) -> str:
    """A tag kind in reader words (``data/labels.csv``; English, the page translates it): ``"org"`` →
    ``"organisation"``."""
    return wording.label(kind, "tag_kind", "paragraph_tags", lang="en")


def _paragraph_order(paragraphs: pd.DataFrame) -> dict[str, int]:
    need(paragraphs, ["paragraph", "order"], "paragraphs")
    return {p: int(o) for p, o in zip(paragraphs["paragraph"], paragraphs["order"])}


def span_label(first: str, last: str) -> str:
    """``"P1–P9"`` for a range, ``"P4"`` when first and last are the same paragraph."""
    return first if first == last else f"{first}–{last}"


def opening_and_rest(paragraphs: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The paragraphs of the article's first section (its untitled opening: ``section_id`` of the first paragraph in
    ``paragraphs.csv``) and those after it, each in article order: the two parts 00's structure finding counts a
    name in. The section map of the article decides where the opening ends, not a paragraph number."""
    need(paragraphs, ["paragraph", "order", "section_id"], "paragraphs")
    ordered = paragraphs.sort_values("order", kind="stable")
    opening = ordered["section_id"] == ordered["section_id"].iloc[0]
    return list(ordered.loc[opening, "paragraph"]), list(ordered.loc[~opening, "paragraph"])


def section_numbers(sections: pd.DataFrame) -> dict[str, int]:
    """Each section's number as a reader counts them, 1 for the opening (the data's ids, S0…, are codes)."""
    return {sid: n for n, sid in enumerate(sorted(sections["section_id"].astype(str)), start=1)}


def section_overview(sections: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per section: its number (1 for the opening), Arabic and English title, the paragraphs it spans and
    how many there are."""
    need(sections, ["section_id", "title_ar", "title_en", "first_paragraph", "last_paragraph"], "sections")
    need(paragraphs, ["paragraph", "section_id"], "paragraphs")
    counts = paragraphs.groupby("section_id")["paragraph"].count()
    ordered = sections.sort_values("section_id", kind="stable").reset_index(drop=True)
    numbers = section_numbers(sections)
    return pd.DataFrame({
        "section": [numbers[str(s)] for s in ordered["section_id"]],
        "title_ar": ordered["title_ar"].fillna("").astype(str),
        "title_en": ordered["title_en"].astype(str),
        "paragraphs": [span_label(a, b) for a, b in zip(ordered["first_paragraph"], ordered["last_paragraph"])],
        "count": [int(counts.get(s, 0)) for s in ordered["section_id"]],
    })


def paragraph_overview(paragraphs: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """P1–P19 in reading order with the number of their section (:func:`section_numbers`) and our paraphrase
    (section titles: :func:`section_overview`).

    ``note`` flags the paragraphs that are most likely the Arabic editor's addition (P19), so the reader sees the
    finding next to the text it concerns.
    """
    need(paragraphs, ["paragraph", "order", "section_id", "paraphrase", "likely_editor_addition"], "paragraphs")
    need(sections, ["section_id", "title_en"], "sections")
    titles = dict(zip(sections["section_id"], sections["title_en"]))
    unknown = sorted(set(paragraphs["section_id"]) - set(titles))
    if unknown:
        raise ValueError(
            f"paragraphs: section_id {', '.join(unknown)} not in sections; allowed: {', '.join(sorted(titles))}"
        )
    ordered = paragraphs.sort_values("order", kind="stable")
    numbers = section_numbers(sections)
    return pd.DataFrame({
        "paragraph": ordered["paragraph"].astype(str).to_numpy(),
        "section": [numbers[str(s)] for s in ordered["section_id"]],
        "paraphrase": ordered["paraphrase"].astype(str).to_numpy(),
        "note": ["likely the Arabic editor's addition" if bool(x) else "" for x in ordered["likely_editor_addition"]],
    })


def lineage_table(lineage: pd.DataFrame) -> pd.DataFrame:
    """The article's lineage, one row per step, with the date shown only as precisely as it is known.

    A month-precision date prints as ``2024-04``, a year as ``2024``, an unknown one as ``not found``. Addresses
    are left out: every step cites a source, and the report's bibliography links to it.
    """
    need(lineage, ["step", "work", "publisher", "published", "date_precision", "relation",
                                  "finding", "confidence"], "lineage")

    def show(value, precision) -> str:
        if value is None or pd.isna(value):
            return "not found"
        ts = pd.Timestamp(value)
        fmt = {"year": "%Y", "month": "%Y-%m"}.get(str(precision), "%Y-%m-%d")
        return ts.strftime(fmt)

    ordered = lineage.sort_values("step", kind="stable")
    return pd.DataFrame({
        "step": ordered["step"].astype(int).to_numpy(),
        "work": ordered["work"].astype(str).to_numpy(),
        "publisher": ordered["publisher"].astype(str).to_numpy(),
        "published": [show(v, p) for v, p in zip(ordered["published"], ordered["date_precision"])],
        "relation": ordered["relation"].astype(str).to_numpy(),
        "confidence": ordered["confidence"].astype(str).to_numpy(),
        "finding": ordered["finding"].astype(str).to_numpy(),
    })


def glossary_table(glossary: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Glossary terms in the order they first appear in the article (ties: English term, alphabetical): the English
    term, the edition's Arabic term and, when the glossary gives them (``article_ar``), the article's own words for
    it, so a reader sees where the edition's word is not the article's."""
    need(glossary, ["term_ar", "term_en", "note", "first_paragraph"], "glossary")
    order = _paragraph_order(paragraphs)
    out = pd.DataFrame({
        "first_paragraph": glossary["first_paragraph"].fillna("").astype(str),
        "term_en": glossary["term_en"].astype(str),
        "term_ar": glossary["term_ar"].astype(str),
        "note": glossary["note"].fillna("").astype(str),
    })
    if "article_ar" in glossary:
        out.insert(3, "article_ar", glossary["article_ar"].fillna("").astype(str).to_numpy())
    out["_order"] = out["first_paragraph"].map(order).fillna(99)
    return (out.sort_values(["_order", "term_en"], kind="stable").drop(columns="_order").reset_index(drop=True))


def claim_profile(claims: pd.DataFrame) -> pd.DataFrame:
    """How many of the article's claims are of each type, and how many got each verdict.

    Rows are claim types in the contract's order; columns are the verdicts of ``helpers.tables.claims.VERDICTS``
    (zero where none) and ``total``.
    """
    need(claims, ["claim_type", "verdict"], "claims")
    unknown = sorted(set(claims["verdict"].dropna()) - set(VERDICTS))
    if unknown:
        raise ValueError(f"claims: verdict value(s) {unknown} are not on the scale {', '.join(VERDICTS)}")
    table = pd.crosstab(claims["claim_type"], claims["verdict"])
    table = table.reindex(index=list(CLAIM_TYPES), columns=list(VERDICTS), fill_value=0).astype(int)
    table["total"] = table.sum(axis=1)
    table = table.reset_index().rename(columns={"claim_type": "claim type"})
    table.columns.name = None
    return table


def _tag_labels(tags: pd.DataFrame, themes: pd.DataFrame, states: pd.DataFrame | None) -> list[str]:
    """What a reader calls each tag: a theme's label, a state's name from ``states`` ("Soviet Union (USSR)"), an
    organisation's name from ``data/labels.csv`` ("Warsaw Pact"); the id only when nothing names it."""
    if states is not None:
        need(states, ["iso3", "name"], "states")
    names = {"theme": dict(zip(themes["theme_id"], themes["label"])),
             "state": {} if states is None else dict(zip(states["iso3"], states["name"]))}
    return [names[k].get(t, t) if k in names else wording.label(t, "org_id")
            for k, t in zip(tags["tag_kind"], tags["tag"])]


def tag_long(paragraph_tags: pd.DataFrame, paragraphs: pd.DataFrame, themes: pd.DataFrame,
             highlight: str | None = None, states: pd.DataFrame | None = None) -> pd.DataFrame:
    """Paragraph × tag rows ready for the structure chart.

    Columns: ``paragraph``, ``order``, ``section_id``, ``tag_kind`` (org/state/theme), ``tag``, ``label`` (the
    reader's word, see :func:`_tag_labels`), ``row`` (what the chart's y axis shows: the label, with the kind added
    only if two kinds share a label; organisations first, then states, then themes),
    ``highlighted`` (True on the rows of the ``highlight`` organisation).
    Tags are sorted by kind, then by the first paragraph that uses them, so the matrix reads top-left to
    bottom-right like the article.
    """
    need(paragraph_tags, ["paragraph", "tag_kind", "tag"], "paragraph_tags")
    need(paragraphs, ["paragraph", "order", "section_id"], "paragraphs")
    need(themes, ["theme_id", "label"], "themes")
    bad = sorted(set(paragraph_tags["tag_kind"]) - set(TAG_KINDS))
    if bad:
        raise ValueError(f"paragraph_tags: tag_kind {', '.join(bad)} not allowed; allowed: {', '.join(TAG_KINDS)}")
    order = _paragraph_order(paragraphs)
    unknown = sorted(set(paragraph_tags["paragraph"]) - set(order))
    if unknown:
        raise ValueError(f"paragraph_tags: paragraph {', '.join(unknown)} not in paragraphs; allowed: P1–P19")
    sections = dict(zip(paragraphs["paragraph"], paragraphs["section_id"]))

    df = paragraph_tags[["paragraph", "tag_kind", "tag"]].astype(str).copy()
    df["order"] = df["paragraph"].map(order).astype(int)
    df["section_id"] = df["paragraph"].map(sections).astype(str)
    df["label"] = _tag_labels(df, themes, states)
    kinds_per_label = df.groupby("label")["tag_kind"].nunique()
    df["row"] = [lab if kinds_per_label[lab] == 1 else f"{lab} ({kind_word(k)})"
                 for k, lab in zip(df["tag_kind"], df["label"])]
    df["highlighted"] = (df["tag_kind"] == "org") & (df["tag"] == (highlight or ""))
    first = df.groupby("row")["order"].min()
    df["_kind"] = df["tag_kind"].map({k: i for i, k in enumerate(TAG_KINDS)})
    df["_first"] = df["row"].map(first)
    df = df.sort_values(["_kind", "_first", "row", "order"], kind="stable").drop(columns=["_kind", "_first"])
    return df[["paragraph", "order", "section_id", "tag_kind", "tag", "label", "row", "highlighted"]].reset_index(
        drop=True)


def row_order(tags: pd.DataFrame) -> list[str]:
    """The y-axis order of a :func:`tag_long` frame (its rows as they first appear)."""
    need(tags, ["row"], "tags")
    return list(dict.fromkeys(tags["row"]))


def org_mentions(paragraph_tags: pd.DataFrame, org: str, paragraphs: pd.DataFrame) -> list[str]:
    """Paragraphs (in reading order) that name organisation ``org``; empty when the article never names it."""
    need(paragraph_tags, ["paragraph", "tag_kind", "tag"], "paragraph_tags")
    order = _paragraph_order(paragraphs)
    hits = paragraph_tags.loc[(paragraph_tags["tag_kind"] == "org") & (paragraph_tags["tag"] == org), "paragraph"]
    return sorted(set(hits), key=lambda p: order.get(p, 99))


def collection_guide(notebooks: Iterable) -> pd.DataFrame:
    """How to read the collection: one row per notebook of the section map (id, title, paragraphs, summary).

    ``notebooks`` are the section map's notebooks as ``params.notebooks()`` reads and checks them (each with
    ``id``, ``title``, ``paragraphs`` and ``summary``): the section map in use (``$NATO_COLLECTION`` included),
    checked in one place, and nothing read here.
    """
    rows = [{"notebook": str(nb.id), "title": str(nb.title), "paragraphs": str(nb.paragraphs).replace("-", "–"),
             "summary": str(nb.summary)} for nb in notebooks]
    return pd.DataFrame(rows, columns=["notebook", "title", "paragraphs", "summary"])


def notebook_paragraphs(notebook_id: str, collection: Path | str | None = None) -> list[str]:
    """The paragraphs a notebook covers, as the section map (``paragraphs = "P5-P6"``) declares them."""
    for nb in read_collection(collection).get("notebook", []):
        if str(nb.get("id")) == str(notebook_id):
            return paragraph_range(nb.get("paragraphs", ""))
    raise KeyError(f"notebook {notebook_id!r} is not in the section map")


def paragraph_digest(paragraphs: pd.DataFrame, paras: Iterable[str]) -> pd.DataFrame:
    """The project's own paraphrase of each requested paragraph, in article order.

    Columns: ``paragraph``, ``paraphrase``, ``source_id``. Raises ``KeyError`` naming any paragraph that the
    table does not hold, so a notebook never silently shows fewer paragraphs than it promises.
    """
    wanted = list(paras)
    missing = [p for p in wanted if p not in set(paragraphs["paragraph"])]
    if missing:
        raise KeyError(f"paragraphs.csv has no row for {', '.join(missing)}; expected P1–P19")
    out = paragraphs[paragraphs["paragraph"].isin(wanted)].sort_values("order")
    return out[["paragraph", "paraphrase", "source_id"]].reset_index(drop=True)


def without_sources(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without its ``source_id`` / ``*_source_id`` columns: what a reader sees when the figure's source
    line already cites them."""
    return frame.drop(columns=[c for c in frame.columns if c == "source_id" or str(c).endswith("_source_id")])


def claims_for(claims: pd.DataFrame, paras: Iterable[str]) -> pd.DataFrame:
    """The article's claims made in ``paras``, with our verdict, in paragraph then claim order.

    Columns: ``paragraph``, ``claim_id``, ``claim``, ``voice`` (whose words, on the evidence of the English; who the
    Arabic presents as saying it is ``attributed_to`` in the ledger),
    ``claim_type``, ``verdict``, ``checked_against``, ``verdict_reason``, ``evidence_notebook``, ``source_id``,
    ``second_source_id`` (those of them the ledger holds).
    """
    wanted = list(paras)
    order = {p: i for i, p in enumerate(wanted)}
    out = claims[claims["paragraph"].isin(wanted)].copy()
    out["_o"] = out["paragraph"].map(order)
    out = out.sort_values(["_o", "claim_id"]).drop(columns="_o")
    cols = ["paragraph", "claim_id", "claim", "voice", "claim_type", "verdict", "checked_against", "verdict_reason",
            "evidence_notebook", "source_id", "second_source_id"]
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)


def lineage_path(lineage: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The publishers the text travelled through, and those that republished it off that path.

    The path is the original, the step right before the first translation (the version it translates: the
    steps are ordered so that this holds, and the translation's ``finding`` says which one) and the translation.
    Every other republication is a side branch. Without a translation the path is every step in order.
    """
    need(lineage, ["step", "publisher", "relation"], "lineage")
    rows = lineage.sort_values("step", kind="stable").reset_index(drop=True)
    hit = rows.index[rows["relation"] == "translation"]
    if len(hit) == 0:
        return list(dict.fromkeys(rows["publisher"])), []
    t = int(hit[0])
    keep = [i for i in range(t + 1) if rows.at[i, "relation"] == "original" or i >= t - 1]
    path = list(dict.fromkeys(rows.loc[keep, "publisher"]))
    side = [p for p in dict.fromkeys(rows.loc[rows["relation"] == "republication", "publisher"]) if p not in path]
    return path, side


def notebook_reports(collection: Path | str | None = None) -> dict[str, str]:
    """Notebook id → its default report's file name (``<stem>.html``), from the section map."""
    return {str(nb["id"]): f"{nb['stem']}.html" for nb in read_collection(collection).get("notebook", [])}


def collection_paragraphs(collection: Path | str | None = None) -> dict[str, list[str]]:
    """Notebook id → the article paragraphs it covers (``"P1-P3"`` expanded), from the section map."""
    return {str(nb["id"]): paragraph_range(nb.get("paragraphs", ""))
            for nb in read_collection(collection).get("notebook", [])}
