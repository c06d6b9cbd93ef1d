"""Tables for notebooks 06, 07 and 09: principles, framework or alliance, the claims ledger (article paragraphs
P11–P19). The tables of notebooks 05 and 08 live in ``helpers.tables.balance`` and ``helpers.tables.alignment``.

Plain DataFrames in, plain DataFrames out. Nothing here displays or styles; the only file this module reads is
the section map (``notebook_reports``), through ``helpers.params``. Membership logic (who was a member on a date)
stays in ``helpers.membership``: the notebooks call it and pass the result in, so these functions never decide
membership themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from helpers.membership import as_timestamp

CLAIM_TYPES = ("factual", "interpretive", "normative", "predictive")
VERDICTS = ("supported", "partly", "contradicted", "interpretation")
PRESENCE = ("explicit", "implicit", "absent")


def _need(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}; got {', '.join(map(str, frame.columns))}")


# ------------------------------------------------------------------------------------------------ 06 principles


def principle_matrix(principle_documents: pd.DataFrame, documents: pd.DataFrame, principles: pd.DataFrame,
                     as_of) -> pd.DataFrame:
    """Principle × document, long: one row per coded pair whose document dates on or before ``as_of``.

    Columns: principle, paragraph, document, date, org_id, presence, locator, phrase, source_id. Sorted by
    principle (in the order of ``principles``) then document date.
    """
    _need(principle_documents, ("principle_id", "document_id", "presence", "locator", "phrase", "source_id"),
          "principle_matrix(principle_documents)")
    _need(documents, ("document_id", "title", "date", "org_id"), "principle_matrix(documents)")
    _need(principles, ("principle_id", "label", "paragraph"), "principle_matrix(principles)")
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


def principle_summary(grid: pd.DataFrame) -> pd.DataFrame:
    """Per principle: how many documents state it explicitly, implicitly, not at all, or are not coded."""
    levels = list(PRESENCE) + ["not coded"]
    counts = pd.crosstab(grid["principle"], grid["presence"]).reindex(columns=levels, fill_value=0)
    order = list(dict.fromkeys(grid["principle"]))
    counts = counts.reindex(order).reset_index()
    counts.columns.name = None
    return counts


# ------------------------------------------------------------------------------------- 07 framework or alliance


def parse_score_map(score_map: str, *, dimension: str = "?") -> dict[str, float]:
    """``"yes=1;no=0"`` → ``{"yes": 1.0, "no": 0.0}``; a malformed map is a clear error naming the dimension."""
    out: dict[str, float] = {}
    for part in str(score_map).split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, num = part.partition("=")
        try:
            if not sep or not key.strip():
                raise ValueError
            out[key.strip()] = float(num)
        except ValueError:
            raise ValueError(f"dimensions.csv: dimension {dimension!r} has a bad score_map entry {part!r}; "
                             "write value=number pairs separated by ';', e.g. yes=1;no=0") from None
    if not out:
        raise ValueError(f"dimensions.csv: dimension {dimension!r} has an empty score_map; write e.g. yes=1;no=0")
    return out


def feature_table(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str]) -> pd.DataFrame:
    """The comparison table: one row per dimension (in ``dimensions`` order), one column per org, cell = value
    (``unknown`` where unknown; ``not recorded`` where the data has no row)."""
    orgs = list(orgs)
    _need(org_features, ("org_id", "dimension_id", "value"), "feature_table(org_features)")
    wide = (org_features[org_features["org_id"].isin(orgs)]
            .pivot(index="dimension_id", columns="org_id", values="value"))
    wide = wide.reindex(index=list(dimensions["dimension_id"]), columns=orgs).fillna("not recorded")
    wide.columns.name = None
    wide = wide.reset_index(drop=True)
    wide.insert(0, "axis", dimensions["axis"].to_numpy())
    wide.insert(0, "dimension", dimensions["label"].to_numpy())
    return wide


def feature_details(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str]) -> pd.DataFrame:
    """Long form of the comparison with the detail and source of every cell, for the reader who checks."""
    orgs = list(orgs)
    sub = org_features[org_features["org_id"].isin(orgs)].merge(
        dimensions[["dimension_id", "label"]], on="dimension_id")
    order_d = {d: i for i, d in enumerate(dimensions["dimension_id"])}
    order_o = {o: i for i, o in enumerate(orgs)}
    sub = sub.assign(_d=sub["dimension_id"].map(order_d), _o=sub["org_id"].map(order_o))
    sub = sub.sort_values(["_d", "_o"], kind="mergesort")
    return pd.DataFrame({"dimension": sub["label"].to_numpy(), "org_id": sub["org_id"].to_numpy(),
                         "value": sub["value"].to_numpy(), "detail": sub["detail"].fillna("").to_numpy(),
                         "source_id": sub["source_id"].to_numpy()})


def typology_scores(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str],
                    axes: Iterable[str] = ("obligation", "institutionalization"), min_known: int = 2,
                    common_basis: bool = True) -> pd.DataFrame:
    """Score each org on each axis: the mean of its dimension scores, each scaled to 0–1 by the dimension's own
    range; ``unknown`` cells are left out and counted.

    With ``common_basis`` (the default) the organisations are compared on the same footing: an axis is scored only
    on the dimensions whose value is known for *every* organisation that can be placed on it (one with at least
    ``min_known`` known dimensions there), so a gap in our sources never raises or lowers one organisation against
    another. An organisation with fewer than ``min_known`` known dimensions — or an axis whose common basis is
    smaller than that — gets NaN (too little to say).

    Columns: org_id, then for each axis ``<axis>`` (score), ``<axis>_known``, ``<axis>_unknown`` (the org's own
    counts) and ``<axis>_basis`` (the dimensions the score rests on, comma-separated).
    """
    orgs = list(orgs)
    axes = list(axes)
    _need(dimensions, ("dimension_id", "axis", "scale", "score_map"), "typology_scores(dimensions)")
    maps = {}
    for d in dimensions.itertuples(index=False):
        smap = parse_score_map(d.score_map, dimension=d.dimension_id)
        scale = [v.strip() for v in str(d.scale).split(";") if v.strip()]
        missing = [v for v in scale if v not in smap]
        if missing:
            raise ValueError(f"dimensions.csv: dimension {d.dimension_id!r} has scale value(s) {missing} without a "
                             f"score in score_map {d.score_map!r}; give every scale value a score")
        lo, hi = min(smap.values()), max(smap.values())
        maps[d.dimension_id] = (d.axis, smap, lo, hi)
    # scaled[org][axis] = {dimension_id: score in 0..1}; unknowns[org][axis] = count
    scaled: dict[str, dict[str, dict[str, float]]] = {}
    unknowns: dict[str, dict[str, int]] = {}
    for org in orgs:
        scaled[org] = {a: {} for a in axes}
        unknowns[org] = {a: 0 for a in axes}
        for f in org_features[org_features["org_id"] == org].itertuples(index=False):
            if f.dimension_id not in maps or maps[f.dimension_id][0] not in axes:
                continue
            axis, smap, lo, hi = maps[f.dimension_id]
            if f.value == "unknown":
                unknowns[org][axis] += 1
                continue
            if f.value not in smap:
                raise ValueError(f"org_features.csv: {org} × {f.dimension_id} has value {f.value!r}, not in the "
                                 f"dimension's scale {sorted(smap)} nor 'unknown'")
            scaled[org][axis][f.dimension_id] = (smap[f.value] - lo) / (hi - lo) if hi > lo else 0.0
    order = list(dimensions["dimension_id"])
    basis: dict[str, list[str]] = {}
    for axis in axes:
        placeable = [o for o in orgs if len(scaled[o][axis]) >= min_known]
        if common_basis and placeable:
            shared = set.intersection(*(set(scaled[o][axis]) for o in placeable))
            basis[axis] = [d for d in order if d in shared]
        else:
            basis[axis] = []
    rows = []
    for org in orgs:
        row: dict = {"org_id": org}
        for axis in axes:
            own = scaled[org][axis]
            dims = basis[axis] if common_basis else [d for d in order if d in own]
            usable = len(own) >= min_known and len(dims) >= min_known
            row[axis] = sum(own[d] for d in dims) / len(dims) if usable else math.nan
            row[f"{axis}_known"] = len(own)
            row[f"{axis}_unknown"] = unknowns[org][axis]
            row[f"{axis}_basis"] = ", ".join(dims) if usable else ""
        rows.append(row)
    return pd.DataFrame(rows)


def org_overview(organisations: pd.DataFrame, member_counts: Mapping[str, int], orgs: Iterable[str],
                 as_of) -> pd.DataFrame:
    """One row per org: name, kind, founded, whether it existed on ``as_of`` and its formal member count then.

    An org founded after ``as_of`` (e.g. the SCO on 1991-12-31), dissolved before it, or only proposed reads
    ``did not exist`` / ``proposed`` with no count, so a zero is never mistaken for an empty organisation.
    """
    cut = as_timestamp(as_of, "as_of")
    orgs = list(orgs)
    idx = organisations.set_index("org_id")
    rows = []
    for org in orgs:
        if org not in idx.index:
            raise ValueError(f"org_overview: organisation {org!r} is not in organisations.csv; allowed: "
                             f"{', '.join(idx.index)}")
        r = idx.loc[org]
        founded = pd.to_datetime(r.get("founded"))
        ended = pd.to_datetime(r.get("dissolved"))
        if r.get("status") == "proposed" or pd.isna(founded):
            state, count = "proposed, no members", pd.NA
        elif founded > cut:
            state, count = f"did not exist yet (founded {founded.date().isoformat()})", pd.NA
        elif pd.notna(ended) and ended <= cut:
            state, count = f"dissolved ({ended.date().isoformat()})", pd.NA
        else:
            state, count = "existed", int(member_counts.get(org, 0))
        rows.append({"org_id": org, "name": r.get("name"), "kind": r.get("kind"), "founded": founded,
                     f"on {cut.date().isoformat()}": state, "formal members": count})
    out = pd.DataFrame(rows)
    out["formal members"] = out["formal members"].astype("Int64")
    return out


# -------------------------------------------------------------------------------------------- 09 claims ledger


def claim_type_list(value: str) -> list[str]:
    """Parse the ``claim_types`` parameter (comma-separated) and refuse unknown types with a clear message."""
    items = [v.strip() for v in str(value).split(",") if v.strip()]
    bad = [v for v in items if v not in CLAIM_TYPES]
    if not items or bad:
        raise ValueError(f"claim_types={value!r}: {'unknown type(s) ' + ', '.join(bad) if bad else 'empty'}; "
                         f"allowed: comma-separated from {', '.join(CLAIM_TYPES)}")
    return list(dict.fromkeys(items))


def notebook_reports() -> dict[str, str]:
    """Notebook id → report file name (``<stem>.html``), from the section map."""
    from helpers import params

    return {nb.id: f"{nb.stem}.html" for nb in params.notebooks()}


def claims_ledger(claims: pd.DataFrame, reports: Mapping[str, str], claim_types: Iterable[str]) -> pd.DataFrame:
    """One row per claim of the chosen types: id, paragraph, claim, type, verdict, reason, and ``evidence`` — the
    relative link of the report that holds the evidence (``02-nato-enlargement.html``)."""
    types = list(claim_types)
    _need(claims, ("claim_id", "paragraph", "claim", "claim_type", "verdict", "verdict_reason", "evidence_notebook"),
          "claims_ledger(claims)")
    sub = claims[claims["claim_type"].isin(types)].copy()
    raw = sub["evidence_notebook"].fillna("").astype(str).str.strip()
    nb = raw.where(raw.eq(""), raw.str.zfill(2))
    unknown = sorted(set(nb[nb.ne("")]) - set(reports))
    if unknown:
        raise ValueError(f"claims.csv: evidence_notebook value(s) {unknown} are not notebooks of the collection; "
                         f"allowed: {', '.join(sorted(reports))}")
    sub["evidence"] = nb.map(reports).fillna("")
    sub["_p"] = sub["paragraph"].str[1:].astype(int)
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    return sub[["claim_id", "paragraph", "claim", "claim_type", "verdict", "verdict_reason", "evidence"]] \
        .reset_index(drop=True)


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Counts of verdicts by claim type, every type × verdict present (zeros included), in the fixed orders."""
    full = pd.MultiIndex.from_product([CLAIM_TYPES, VERDICTS], names=["claim_type", "verdict"])
    counts = ledger.groupby(["claim_type", "verdict"]).size().reindex(full, fill_value=0)
    out = counts.rename("claims").reset_index()
    return out[out["claim_type"].isin(ledger["claim_type"].unique()) | (len(ledger) == 0)].reset_index(drop=True)


def lineage_table(lineage: pd.DataFrame) -> pd.DataFrame:
    """The lineage steps in order with their relation, finding and confidence."""
    _need(lineage, ("step", "work", "publisher", "published", "relation", "finding", "confidence", "source_id"),
          "lineage_table(lineage)")
    out = lineage.sort_values("step", kind="mergesort")
    return out[["step", "work", "publisher", "published", "relation", "finding", "confidence", "source_id"]] \
        .reset_index(drop=True)


def watch_list(events: pd.DataFrame, after, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """Dated developments strictly after ``after`` (optionally in the given categories), oldest first."""
    cut = as_timestamp(after, "after")
    _need(events, ("event_id", "date", "date_precision", "category", "title", "description", "source_id"),
          "watch_list(events)")
    sub = events[pd.to_datetime(events["date"]) > cut]
    if categories is not None:
        sub = sub[sub["category"].isin(list(categories))]
    sub = sub.assign(date=pd.to_datetime(sub["date"])).sort_values(["date", "event_id"], kind="mergesort")
    return sub[["date", "date_precision", "category", "title", "description", "source_id"]].reset_index(drop=True)


def paragraph_coverage(paragraphs: pd.DataFrame, claims: pd.DataFrame, reports: Mapping[str, str],
                       collection_paragraphs: Mapping[str, list[str]]) -> pd.DataFrame:
    """For every paragraph P1–P19: which notebooks cover it (from the section map) and how many claims it has."""
    rows = []
    for p in paragraphs.sort_values("order", kind="mergesort")["paragraph"]:
        nbs = [nid for nid, ps in collection_paragraphs.items() if p in ps and nid != "09"]
        rows.append({"paragraph": p, "claims": int((claims["paragraph"] == p).sum()),
                     "covered in": ", ".join(reports[n] for n in nbs if n in reports)})
    return pd.DataFrame(rows, columns=["paragraph", "claims", "covered in"])


def as_date(value) -> date:
    """A single date as ``datetime.date`` (for captions)."""
    return as_timestamp(value).date()


def collection_paragraphs() -> dict[str, list[str]]:
    """Notebook id → the article paragraphs it covers (``"P1-P3"`` expanded), from the section map."""
    from helpers import params
    from helpers.tables.euroatlantic import paragraph_range

    return {nb.id: paragraph_range(nb.paragraphs) for nb in params.notebooks()}


def typology_finding(scores: pd.DataFrame) -> str:
    """A chart title naming the most alliance-like organisation(s) (ties named together) and the unplaced ones."""
    placed = scores.dropna(subset=["obligation", "institutionalization"])
    unplaced = sorted(set(scores["org_id"]) - set(placed["org_id"]))
    tail = f"; {', '.join(unplaced)} cannot be placed" if unplaced else ""
    if placed.empty:
        return "Too few known features to place any of these organisations" + tail
    key = placed["obligation"].round(9) + placed["institutionalization"].round(9)
    best = placed[key == key.max()]["org_id"].tolist()
    if len(best) == 1:
        return f"{best[0]} is the most alliance-like of those scored{tail}"
    return f"{' and '.join(best)} tie as the most alliance-like of those scored{tail}"
