"""Frames for the claims ledger (notebook 09) and the article's own scenarios (notebook 05).

Plain DataFrames in, plain DataFrames out; the tables a reader reads, with reader headers and cells, are in
:mod:`helpers.tables.claims_view`, the sentences in :mod:`helpers.tables.claims_words`. The vocabularies below are
the ones ``data/datapackage.json`` declares for ``claims.csv``; the verdict says how far a claim's content holds,
``checked_against`` says what the verdict was checked against, and ``attribution`` says who is speaking; the three
are kept apart everywhere (a gap in checking is never shown as a partial verdict, and a misattribution never as a
contradicted claim).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.tables.frames import need

CLAIM_TYPES = ("factual", "interpretive", "normative", "predictive")


VERDICTS = ("supported", "partly supported", "contradicted", "unverifiable", "interpretation")


CHECKED = ("primary", "official", "secondary", "not checked")


AUTHOR = "the author"


TRANSLATOR = "the translator or editor"


RT_EDITORS = "RT's translator or editors"


UNKNOWN = "unknown"


ATTRIBUTIONS = ("faithful", "changed in translation", "misattributed in translation", "added in translation",
                "not compared", "unverifiable")


NOT_FAITHFUL = ("changed in translation", "misattributed in translation", "added in translation")


LEDGER_COLUMNS = ["claim_id", "paragraph", "claim", "voice", "attributed_to", "attribution", "claim_type", "verdict",
                  "checked_against", "evidence_after_article", "verdict_reason", "evidence", "source_id",
                  "second_source_id"]


def paragraph_number(paragraph: pd.Series) -> pd.Series:
    """A paragraph id's number (``P10`` → 10), to sort claims in article order."""
    return paragraph.astype(str).str[1:].astype(int)


def claim_type_list(value: str) -> list[str]:
    """Parse the ``claim_types`` parameter (comma-separated) and refuse unknown types with a clear message."""
    items = [v.strip() for v in str(value).split(",") if v.strip()]
    bad = [v for v in items if v not in CLAIM_TYPES]
    if not items or bad:
        raise ValueError(f"claim_types={value!r}: {'unknown type(s) ' + ', '.join(bad) if bad else 'empty'}; "
                         f"allowed: comma-separated from {', '.join(CLAIM_TYPES)}")
    return list(dict.fromkeys(items))


def claims_ledger(claims: pd.DataFrame, reports: Mapping[str, str], claim_types: Iterable[str]) -> pd.DataFrame:
    """One row per claim of the chosen types, in article order (paragraph, then claim id).

    Columns: ``LEDGER_COLUMNS`` — the claim, who the article presents as saying it (``voice``), its type, the
    verdict and, separately, what it was checked against and whether the evidence is later than the article; the
    reason; ``evidence``, the relative link of the report that holds the evidence (``02-nato-enlargement.html``);
    and the two sources.
    """
    types = list(claim_types)
    need(claims, [c for c in LEDGER_COLUMNS if c != "evidence"] + ["evidence_notebook"], "claims_ledger(claims)")
    sub = claims[claims["claim_type"].isin(types)].copy()
    raw = sub["evidence_notebook"].fillna("").astype(str).str.strip()
    nb = raw.where(raw.eq(""), raw.str.zfill(2))
    unknown = sorted(set(nb[nb.ne("")]) - set(reports))
    if unknown:
        raise ValueError(f"claims.csv: evidence_notebook value(s) {unknown} are not notebooks of the collection; "
                         f"allowed: {', '.join(sorted(reports))}")
    sub["evidence"] = nb.map(reports).fillna("")
    sub["second_source_id"] = sub["second_source_id"].fillna("")
    sub["_p"] = paragraph_number(sub["paragraph"])
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    return sub[LEDGER_COLUMNS].reset_index(drop=True)


def _counts(ledger: pd.DataFrame, row: str, rows: Iterable[str], col: str, cols: Iterable[str]) -> pd.DataFrame:
    full = pd.MultiIndex.from_product([list(rows), list(cols)], names=[row, col])
    counts = ledger.groupby([row, col]).size().reindex(full, fill_value=0)
    return counts.rename("claims").reset_index()


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Claims per type × verdict, zeros included, in the fixed orders; only the types present in ``ledger``
    (every type when it is empty)."""
    need(ledger, ["claim_type", "verdict"], "verdict_counts(ledger)")
    out = _counts(ledger, "claim_type", CLAIM_TYPES, "verdict", VERDICTS)
    keep = out["claim_type"].isin(ledger["claim_type"].unique()) | (len(ledger) == 0)
    return out[keep].reset_index(drop=True)


def checking_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """A verdict × checked-against grid: one row per verdict (fixed order), one column per kind of checking, and
    ``total``; zeros included, so the reader sees what each verdict rests on."""
    need(ledger, ["verdict", "checked_against"], "checking_counts(ledger)")
    long = _counts(ledger, "verdict", VERDICTS, "checked_against", CHECKED)
    grid = long.pivot(index="verdict", columns="checked_against", values="claims")
    grid = grid.reindex(index=list(VERDICTS), columns=list(CHECKED)).astype(int)
    grid["total"] = grid.sum(axis=1)
    grid = grid.reset_index()
    grid.columns.name = None
    return grid


def attribution_claims(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> pd.DataFrame:
    """The claims whose speaker is not simply the author: those the Arabic gives to someone else
    (``attributed_to``), those whose words are not the author's as the English gives them (``attribution``
    changed, misattributed or added in translation), and those whose attribution is unverifiable (RT's paragraph
    could not be read), in article order; and the claims of the paragraphs in ``likely_added``, most likely the
    Arabic editor's addition but not compared with any English. Who says it is kept apart from whether it
    is true: the content verdict travels alongside, unchanged."""
    need(ledger, ["claim_id", "paragraph", "claim", "voice", "attributed_to", "attribution", "verdict",
                   "checked_against"], "attribution_claims(ledger)")
    keep = ledger["attribution"].isin((*NOT_FAITHFUL, "unverifiable")) | (ledger["attributed_to"] != AUTHOR) | \
        ledger["paragraph"].isin(list(likely_added))
    sub = ledger[keep].copy()
    sub["_p"] = paragraph_number(sub["paragraph"])
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    out = sub[["claim_id", "paragraph", "attributed_to", "voice", "attribution", "claim", "verdict",
               "checked_against"]]
    return out.rename(columns={"attributed_to": "the Arabic says", "voice": "whose words"}).reset_index(drop=True)


def voice_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per voice (whose words) and per attribution, zeros left out, voices in order of frequency."""
    need(claims, ["voice", "attribution"], "voice_counts(claims)")
    out = claims.groupby(["voice", "attribution"]).size().rename("claims").reset_index()
    order = claims["voice"].value_counts()
    out["_o"] = out["voice"].map(lambda v: (-order[v], v))
    return out.sort_values(["_o", "attribution"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def cited_sources(ledger: pd.DataFrame) -> list[str]:
    """Every source id the ledger rows cite (main and second source), sorted, without blanks."""
    ids = pd.concat([ledger["source_id"], ledger.get("second_source_id", pd.Series(dtype=str))])
    return sorted({str(s) for s in ids.dropna() if str(s).strip()})


def paragraph_coverage(paragraphs: pd.DataFrame, claims: pd.DataFrame, reports: Mapping[str, str],
                       collection_paragraphs: Mapping[str, list[str]]) -> pd.DataFrame:
    """For every paragraph P1–P19: how many claims it makes and which reports cover it, by number as the ledger's
    "Report" column gives them ("00, 06"; from the section map; the ledger itself, 09, is left out)."""
    rows = []
    for p in paragraphs.sort_values("order", kind="mergesort")["paragraph"]:
        nbs = [nid for nid, ps in collection_paragraphs.items() if p in ps and nid != "09"]
        rows.append({"paragraph": p, "claims": int((claims["paragraph"] == p).sum()),
                     "covered in": ", ".join(n for n in nbs if n in reports)})
    return pd.DataFrame(rows, columns=["paragraph", "claims", "covered in"])


def split_ledger(ledger: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims the evidence settles one way or another, claims marked ``interpretation``), both in ledger order."""
    reading = ledger["verdict"] == "interpretation"
    return ledger[~reading], ledger[reading]
