"""Tables for the claims ledger (notebook 09) and the article's own scenarios (notebook 05).

Plain DataFrames in, plain DataFrames out. The vocabularies below are the ones ``data/datapackage.json`` declares
for ``claims.csv``; the verdict says how far a claim's content holds, ``checked_against`` says what the verdict was
checked against, and ``attribution`` says who is speaking; the three are kept apart everywhere (a gap in checking is
never shown as a partial verdict, and a misattribution never as a contradicted claim).
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


def _paragraph_number(paragraph: pd.Series) -> pd.Series:
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
    sub["_p"] = _paragraph_number(sub["paragraph"])
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
    sub["_p"] = _paragraph_number(sub["paragraph"])
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    out = sub[["claim_id", "paragraph", "attributed_to", "voice", "attribution", "claim", "verdict",
               "checked_against"]]
    return out.rename(columns={"attributed_to": "the Arabic says", "voice": "whose words"}).reset_index(drop=True)


def attribution_view(attributed: pd.DataFrame) -> pd.DataFrame:
    """:func:`attribution_claims` for reading: the claim id with its paragraph, who the Arabic says is speaking,
    whose words they are on the evidence of the English, the attribution, the claim and, in its own column, the
    verdict on its content."""
    return pd.DataFrame({
        "Claim": (attributed["claim_id"] + " · " + attributed["paragraph"]).to_numpy(),
        "The Arabic gives it to": attributed["the Arabic says"].to_numpy(),
        "Whose words": attributed["whose words"].to_numpy(),
        "Attribution": attributed["attribution"].to_numpy(),
        "The article says (our paraphrase)": attributed["claim"].to_numpy(),
        "Verdict on the content": attributed["verdict"].to_numpy(),
    })


def voice_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per voice (whose words) and per attribution, zeros left out, voices in order of frequency."""
    need(claims, ["voice", "attribution"], "voice_counts(claims)")
    out = claims.groupby(["voice", "attribution"]).size().rename("claims").reset_index()
    order = claims["voice"].value_counts()
    out["_o"] = out["voice"].map(lambda v: (-order[v], v))
    return out.sort_values(["_o", "attribution"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def forecasts(ledger: pd.DataFrame) -> pd.DataFrame:
    """The article's predictive claims in article order (claim id with its paragraph), with the verdict and whether
    later evidence (after April 2024) already bears on them: the list of what to watch."""
    need(ledger, ["claim_id", "paragraph", "claim", "claim_type", "verdict", "evidence_after_article"],
          "forecasts(ledger)")
    sub = ledger[ledger["claim_type"] == "predictive"].copy()
    sub["_p"] = _paragraph_number(sub["paragraph"])
    sub = sub.sort_values(["_p", "claim_id"], kind="mergesort")
    return pd.DataFrame({
        "Claim": (sub["claim_id"] + " · " + sub["paragraph"]).to_numpy(),
        "The article expects (our paraphrase)": sub["claim"].to_numpy(), "Verdict": sub["verdict"].to_numpy(),
        "Later evidence": sub["evidence_after_article"].map({True: "yes", False: "not yet"}).to_numpy()})


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


def article_scenarios(claims: pd.DataFrame, paragraph: str = "P10") -> pd.DataFrame:
    """The article's own scenarios: its claims in ``paragraph`` (P10: best and worst case), labelled as the
    article's — and, where the Arabic gives the scenario to someone else (``attributed_to``, else ``voice``), as
    theirs — with our verdict beside them."""
    need(claims, ("claim_id", "paragraph", "claim", "claim_type", "verdict"), "article_scenarios(claims)")
    sub = claims[claims["paragraph"] == paragraph].sort_values("claim_id", kind="mergesort")
    who = "attributed_to" if "attributed_to" in sub.columns else "voice"
    voices = sub[who] if who in sub.columns else pd.Series(AUTHOR, index=sub.index)
    whose = [f"the article ({paragraph})" if v == AUTHOR else f"{v}, as the article reports ({paragraph})"
             for v in voices.fillna(AUTHOR)]
    return pd.DataFrame({
        "claim_id": sub["claim_id"].to_numpy(),
        "whose scenario": whose,
        "the article says (our paraphrase)": sub["claim"].to_numpy(),
        "type": sub["claim_type"].to_numpy(),
        "our verdict": sub["verdict"].to_numpy(),
    })


def ledger_view(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> pd.DataFrame:
    """The ledger as a reader sees it, narrow enough that the claim reads in two or three lines: the claim id
    with its paragraph and type, the claim, who says it ("author" for the article's own voice; see ``_who`` for a
    sentence whose wording changed in translation or that was not compared with RT), verdict and — in its own
    column — what the verdict was checked against ("secondary, and later evidence" when evidence dated after the
    article bears on it), and the number of the report that holds the evidence. Reasons and sources are left to
    ``audit_view``. ``likely_added`` names paragraphs most likely the Arabic editor's own, whose speaker stays
    unknown."""
    need(ledger, LEDGER_COLUMNS, "ledger_view(ledger)")
    later = ledger["evidence_after_article"].map({True: ", and later evidence", False: ""}).fillna("")
    return pd.DataFrame({
        "Claim": (ledger["claim_id"] + " · " + ledger["paragraph"] + " (" + ledger["claim_type"] + ")").to_numpy(),
        "The article says (our paraphrase)": ledger["claim"].to_numpy(),
        "Who says it": _who(ledger, likely_added),
        "Verdict": ledger["verdict"].to_numpy(),
        "Checked against": (ledger["checked_against"] + later).to_numpy(),
        "Report": ledger["evidence"].str[:2].to_numpy(),
    })


def _who(ledger: pd.DataFrame, likely_added: Iterable[str] = ()) -> list[str]:
    """Who says each claim, kept apart from who changed its wording. A sentence whose words follow RT's but for a
    word the Arabic changed (a word added, a date narrowed) keeps its speaker's voice and reads "Lavrov, wording
    changed by the translator or editor"; one carrying RT's changed wording reads "author, wording changed by RT's
    translator or editors"; one whose own words are the Arabic's (voice ``TRANSLATOR``) reads "translator or editor
    (the Arabic: author)". A sentence not compared with RT (RT's English could not be read) is given to the one the
    Arabic names, "(not compared with RT)"; "unknown" stays for a positive reason for doubt: an unverifiable
    attribution, or a paragraph in ``likely_added``."""
    short = {AUTHOR: "author", TRANSLATOR: "translator or editor"}
    added = set(likely_added)
    out = []
    for voice, shown, how, paragraph in zip(ledger["voice"], ledger["attributed_to"], ledger["attribution"],
                                            ledger["paragraph"]):
        speaker = short.get(shown, shown)
        if how == "changed in translation" and voice in (RT_EDITORS, shown):
            by = "RT's translator or editors" if voice == RT_EDITORS else "the translator or editor"
            out.append(f"{speaker}, wording changed by {by}")
        elif voice == UNKNOWN and how == "not compared" and paragraph not in added:
            out.append(f"{speaker} (not compared with RT)")
        else:
            who = short.get(voice, voice)
            out.append(who if shown == voice else f"{who} (the Arabic: {speaker})")
    return out


def audit_view(ledger: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Audit detail, one row per claim: the verdict, the full reason, and the two sources by title and publisher
    (main source first; for readings and proposals, the case for, then the case against)."""
    need(ledger, LEDGER_COLUMNS, "audit_view(ledger)")
    need(sources, ["source_id", "title", "publisher"], "audit_view(sources)")
    names = {r.source_id: f"{r.title} ({r.publisher})" for r in sources.itertuples(index=False)}
    unknown = sorted(set(cited_sources(ledger)) - set(names))
    if unknown:
        raise ValueError(f"audit_view: source id(s) {unknown} are not in sources.csv")
    return pd.DataFrame({
        "claim": ledger["claim_id"].to_numpy(),
        "verdict": ledger["verdict"].to_numpy(),
        "why": ledger["verdict_reason"].to_numpy(),
        "main source": ledger["source_id"].map(names).fillna("").to_numpy(),
        "second source": ledger["second_source_id"].map(names).fillna("").to_numpy(),
    })


def split_ledger(ledger: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims the evidence settles one way or another, claims marked ``interpretation``), both in ledger order."""
    reading = ledger["verdict"] == "interpretation"
    return ledger[~reading], ledger[reading]
