"""Tables for notebooks 05, 06, 08 and 09: balance of power, principles, the SCO, the lineage and the watch list
(article paragraphs P10–P19). The typology is in ``helpers.tables.typology``, the claims ledger in
``helpers.tables.claims``.

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

from helpers.membership import FORMAL, as_timestamp
# The claims-ledger tables live in helpers.tables.claims; these two names stay importable from here for the
# notebooks and tests that already use them (05: article_scenarios; the 09 parameter check: claim_type_list).
from helpers.tables.claims import article_scenarios, claim_type_list  # noqa: F401

INDICATORS = ("milex_usd_const", "nuclear_warheads", "population")
PRESENCE = ("explicit", "implicit", "absent")
#: Structures shown for every Eurasian state in notebook 08, in display order. ``SCO_PARTNER`` gathers the SCO's
#: observer, dialogue-partner and partner statuses; every other column is formal membership of that org.
STRUCTURES = ("NATO", "PFP", "OSCE", "CSTO", "SCO", "SCO_PARTNER")
WESTERN = ("NATO", "PFP")
EURASIAN = ("CSTO", "SCO", "SCO_PARTNER")
SCO_PARTNER_STATUSES = ("observer", "dialogue_partner", "partner")


def _need(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}; got {', '.join(map(str, frame.columns))}")


# ------------------------------------------------------------------------------------------- 05 balance of power


# Indicators whose source lists every holder (SIPRI's world nuclear forces table lists all nine nuclear-armed
# states), so a state absent from a year's list holds none rather than lacking a figure.
EXHAUSTIVE_INDICATORS = frozenset({"nuclear_warheads"})


def _member_list(codes: list[str], members: list[str]) -> str:
    """Comma-separated ISO3 codes, or "all members" when every member is listed (a long list says less)."""
    if codes and len(codes) == len(members) and len(members) > 1:
        return "all members"
    return ", ".join(codes)


def reference_date(year: int) -> pd.Timestamp:
    """The day on which bloc membership is read for a capability ``year``: 31 December of that year."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year={year!r} is not a whole year; give one such as 2023")
    return pd.Timestamp(year=year, month=12, day=31)


def bloc_members(memberships: pd.DataFrame, as_of, orgs: Iterable[str] = ("NATO", "SCO", "CSTO"),
                 states: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """The blocs the article compares, as ``{label: sorted ISO3 codes}`` in reading order.

    Organisations give their formal members on ``as_of``; ``states`` (label → ISO3, default Russia and China)
    are blocs of one, placed after NATO as the article sets the two powers against it.
    """
    from helpers import membership

    when = as_timestamp(as_of, "as_of")
    states = {"Russia": "RUS", "China": "CHN"} if states is None else dict(states)
    orgs = list(orgs)
    members = {org: sorted(membership.members_as_of(memberships, org, when)["iso3"]) for org in orgs}
    out: dict[str, list[str]] = {}
    if orgs:
        out[orgs[0]] = members[orgs[0]]
    out.update({label: [iso3] for label, iso3 in states.items()})
    out.update({org: members[org] for org in orgs[1:]})
    return out


def bloc_capabilities(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                      indicators: Iterable[str] = INDICATORS) -> pd.DataFrame:
    """Sum each indicator over each bloc's members for ``year``, saying how many members have data.

    ``blocs`` maps a bloc label to its member ISO3 codes (for a single state, a one-element list). The result has
    one row per bloc × indicator: ``members``, ``reported`` (members with a value), ``complete`` (every member
    reported), ``total`` (sum over reporting members; NaN when none reported), ``unit`` and ``missing`` (ISO3 codes
    without a value, comma-separated). A partial total is never hidden: ``complete`` says so.

    Warhead inventories are exhaustive lists: SIPRI's table covers every nuclear-armed state, so for a year that has
    an inventory at all, a member absent from it holds no warheads and counts as a reported zero (``counted_as_zero``
    gives how many). For a year without any inventory, members stay missing. ``missing`` reads "all members" when
    none reported.
    """
    _need(capabilities, ("iso3", "year", "indicator", "value", "unit"), "bloc_capabilities(capabilities)")
    indicators = list(indicators)
    unknown = [i for i in indicators if i not in ("milex_usd_const", "milex_usd_current", "nuclear_warheads",
                                                   "population")]
    if unknown:
        raise ValueError(f"bloc_capabilities: unknown indicator(s) {unknown}; allowed: milex_usd_const, "
                         "milex_usd_current, nuclear_warheads, population")
    cap = capabilities[capabilities["year"].astype("Int64") == int(year)]
    rows = []
    for bloc, members in blocs.items():
        members = sorted(dict.fromkeys(members))
        for ind in indicators:
            sub = cap[(cap["indicator"] == ind) & cap["iso3"].isin(members)].dropna(subset=["value"])
            have = sorted(sub["iso3"].unique())
            zeros = []
            if ind in EXHAUSTIVE_INDICATORS and (cap["indicator"] == ind).any():
                zeros = [m for m in members if m not in have]
            units = sorted(sub["unit"].dropna().unique())
            if len(units) > 1:
                raise ValueError(f"bloc_capabilities: indicator {ind} for {year} mixes units {units}; "
                                 "the data must use one unit per indicator and year")
            rows.append({
                "bloc": bloc, "indicator": ind, "members": len(members), "reported": len(have) + len(zeros),
                "complete": bool(members) and len(have) + len(zeros) == len(members),
                "total": float(sub["value"].sum()) if have or zeros else math.nan,
                "unit": units[0] if units else "",
                "missing": _member_list([m for m in members if m not in have and m not in zeros], members),
                "counted_as_zero": len(zeros),
            })
    return pd.DataFrame(rows, columns=["bloc", "indicator", "members", "reported", "complete", "total", "unit",
                                       "missing", "counted_as_zero"])


def concentration(capabilities: pd.DataFrame, blocs: Mapping[str, Iterable[str]], year: int,
                  indicator: str = "milex_usd_const") -> pd.DataFrame:
    """How concentrated each bloc is on one indicator: the largest member's share and the Herfindahl index.

    Shares are of the reported total; the Herfindahl–Hirschman index is the sum of squared shares (0–1: 1 means
    one member holds everything, 1/n means n equal members). ``complete`` is False when some members lack data,
    so the reader knows the shares are of a partial sum.
    """
    _need(capabilities, ("iso3", "year", "indicator", "value"), "concentration(capabilities)")
    cap = capabilities[(capabilities["year"].astype("Int64") == int(year)) & (capabilities["indicator"] == indicator)]
    rows = []
    for bloc, members in blocs.items():
        members = sorted(dict.fromkeys(members))
        sub = cap[cap["iso3"].isin(members)].dropna(subset=["value"])
        vals = sub.groupby("iso3")["value"].sum()
        total = float(vals.sum())
        if vals.empty or total <= 0:
            rows.append({"bloc": bloc, "members": len(members), "reported": int(len(vals)), "complete": False,
                         "largest": "", "largest_share": math.nan, "hhi": math.nan, "equal_share_hhi": math.nan})
            continue
        shares = vals / total
        top = shares.sort_values(ascending=False, kind="mergesort")
        rows.append({
            "bloc": bloc, "members": len(members), "reported": int(len(vals)),
            "complete": len(vals) == len(members),
            "largest": str(top.index[0]), "largest_share": float(top.iloc[0]),
            "hhi": float((shares ** 2).sum()), "equal_share_hhi": 1.0 / len(vals),
        })
    return pd.DataFrame(rows, columns=["bloc", "members", "reported", "complete", "largest", "largest_share", "hhi",
                                       "equal_share_hhi"])


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


# ---------------------------------------------------------------------------------------- 08 SCO and multi-vector


def structure_flags(status: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Which structures each Eurasian state belongs to, from ``membership.status_matrix`` (index iso3, one
    column per org, cell = status or empty).

    Returns one row per Eurasian state (``states.eurasian``, current states only): iso3, name, then a bool column
    per ``STRUCTURES`` (formal membership; ``SCO_PARTNER`` = SCO observer, dialogue partner or partner), and
    ``both_sides`` (in NATO or PfP and also in the CSTO, the SCO or an SCO partner status).
    """
    _need(states, ("iso3", "name", "eurasian"), "structure_flags(states)")
    eur = states[states["eurasian"].astype(bool) & ~states.get("historic", pd.Series(False, index=states.index))
                 .astype(bool)].sort_values("iso3", kind="mergesort")
    st = status.reindex(eur["iso3"]).fillna("")
    get = lambda org: st[org] if org in st.columns else pd.Series("", index=st.index)  # noqa: E731
    out = pd.DataFrame({"iso3": eur["iso3"].to_numpy(), "name": eur["name"].to_numpy()})
    for org in ("NATO", "PFP", "OSCE", "CSTO", "SCO"):
        # PfP is a partnership programme: its participants hold the status "partner" (data/README.md).
        statuses = ("partner", *FORMAL) if org == "PFP" else FORMAL
        out[org] = get(org).isin(statuses).to_numpy()
    out["SCO_PARTNER"] = get("SCO").isin(SCO_PARTNER_STATUSES).to_numpy()
    west = out[list(WESTERN)].any(axis=1)
    east = out[list(EURASIAN)].any(axis=1)
    out["both_sides"] = (west & east).to_numpy()
    return out


def org_circle(status: pd.DataFrame, org: str, names: Mapping[str, str]) -> pd.DataFrame:
    """The states holding any status in ``org`` (from ``membership.status_matrix``): status, iso3, name, sorted by
    status then code."""
    col = status[org] if org in status.columns else pd.Series(dtype=str)
    held = col[col.fillna("") != ""]
    out = pd.DataFrame({"status": held.to_numpy(), "iso3": held.index.to_numpy()})
    out["name"] = out["iso3"].map(dict(names))
    return out.sort_values(["status", "iso3"], kind="mergesort").reset_index(drop=True)


def both_sides_table(flags: pd.DataFrame, status: pd.DataFrame, orgs: Iterable[str]) -> pd.DataFrame:
    """The Eurasian states flagged ``both_sides`` by ``structure_flags``, with their status in each of ``orgs``
    (empty = none)."""
    orgs = list(orgs)
    st = status.reindex(columns=orgs).astype(object).fillna("")
    both = flags.loc[flags["both_sides"], ["iso3", "name"]].reset_index(drop=True)
    return both.join(st, on="iso3").fillna("")[["iso3", "name", *orgs]]


def combination_counts(flags: pd.DataFrame, structures: Iterable[str] = STRUCTURES) -> pd.DataFrame:
    """UpSet data: each distinct combination of structures, how many states have exactly it, and which.

    Columns: combination (e.g. ``"NATO + OSCE"``, or ``"none"``), states (count), members (ISO3 codes), then one
    bool column per structure. Sorted by count, largest first, then by name.
    """
    structures = list(structures)
    key = flags[structures].apply(lambda r: " + ".join(s for s in structures if r[s]) or "none", axis=1)
    grouped = flags.assign(combination=key).groupby("combination", sort=False)
    rows = []
    for combo, g in grouped:
        row = {"combination": combo, "states": int(len(g)), "members": ", ".join(sorted(g["iso3"]))}
        row.update({s: bool(g[s].iloc[0]) for s in structures})
        rows.append(row)
    out = pd.DataFrame(rows, columns=["combination", "states", "members", *structures])
    return out.sort_values(["states", "combination"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def org_timeline(memberships: pd.DataFrame, orgs: Iterable[str], until) -> pd.DataFrame:
    """Spells of the given orgs for a timeline, to the date ``until``.

    Columns: iso3, org_id, status, ``role`` (the status, prefixed by the org when several orgs are shown, e.g.
    ``"SHANGHAI5 member"``), start, end, ``ongoing`` (still running on ``until``). Spells are half-open, so a spell
    running on ``until`` is drawn to ``until`` + 1 day — the first day past the date shown — and a spell that
    begins on ``until`` itself stays visible. Spells starting after ``until`` are dropped.
    """
    cut = as_timestamp(until, "until")
    orgs = list(orgs)
    sub = memberships[memberships["org_id"].isin(orgs)].copy()
    sub["start"] = pd.to_datetime(sub["start"])
    sub["end"] = pd.to_datetime(sub["end"])
    sub = sub[sub["start"] <= cut]
    ongoing = sub["end"].isna() | (sub["end"] > cut)
    sub = sub.assign(end=sub["end"].where(~ongoing, cut + pd.Timedelta(days=1)), ongoing=ongoing.to_numpy())
    sub["role"] = sub["status"] if len(orgs) == 1 else sub["org_id"] + " " + sub["status"]
    sub = sub.sort_values(["start", "iso3", "org_id"], kind="mergesort")
    return sub[["iso3", "org_id", "status", "role", "start", "end", "ongoing"]].reset_index(drop=True)


def state_spells(memberships: pd.DataFrame, iso3: str, until) -> pd.DataFrame:
    """All spells of one state in any organisation, for a Gantt chart (same columns as ``org_timeline``; the
    ``role`` is the plain status, since each organisation has its own row)."""
    sub = memberships[memberships["iso3"] == iso3]
    out = org_timeline(sub, sorted(sub["org_id"].unique()), until)
    return out.assign(role=out["status"])


# ------------------------------------------------------------------------------ 09 lineage, reports, watch list


def notebook_reports() -> dict[str, str]:
    """Notebook id → report file name (``<stem>.html``), from the section map."""
    from helpers import params

    return {nb.id: f"{nb.stem}.html" for nb in params.notebooks()}


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


def as_date(value) -> date:
    """A single date as ``datetime.date`` (for captions)."""
    return as_timestamp(value).date()


def capability_finding(caps: pd.DataFrame, indicator: str, label: str, year: int) -> str:
    """A chart title stating what the bloc totals of one indicator show, honest about missing data."""
    sub = caps[(caps["indicator"] == indicator) & caps["total"].notna()]
    if sub.empty:
        return f"No {label} figures for {year} in the data for any of these blocs"
    top = sub.sort_values(["total", "bloc"], ascending=[False, True], kind="mergesort").iloc[0]
    partial = int((~sub["complete"]).sum())
    tail = f" ({partial} of {len(sub)} totals cover only some members)" if partial else ""
    return f"{top['bloc']} has the largest reported {label} in {year}{tail}"


def concentration_finding(conc: pd.DataFrame, year: int) -> str:
    """A chart title naming the most and least concentrated multi-member blocs."""
    sub = conc[conc["hhi"].notna() & (conc["reported"] > 1)]
    if sub.empty:
        return f"Too few spending figures for {year} to measure concentration in any multi-member bloc"
    most = sub.sort_values(["hhi", "bloc"], ascending=[False, True], kind="mergesort").iloc[0]
    share = f"{most['largest_share']:.0%}"
    cover = "" if most["complete"] else f" ({most['reported']} of {most['members']} members reported)"
    return (f"In {year}, {most['bloc']} is the most concentrated bloc: {most['largest']} makes {share} "
            f"of the reported spending{cover}")


def collection_paragraphs() -> dict[str, list[str]]:
    """Notebook id → the article paragraphs it covers (``"P1-P3"`` expanded), from the section map."""
    from helpers import params
    from helpers.tables.euroatlantic import paragraph_range

    return {nb.id: paragraph_range(nb.paragraphs) for nb in params.notebooks()}
