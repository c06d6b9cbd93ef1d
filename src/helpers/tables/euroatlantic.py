"""Tables for notebooks 01–04: the proposal and the Euro-Atlantic story (article paragraphs P1–P9).

Plain DataFrames in, plain DataFrames out. Nothing here reads files, displays or styles: the notebooks load the
tables with ``helpers.load`` and show the results with ``helpers.present``. Dates in and out are pandas
``Timestamp``/``datetime64[ns]``; a ``datetime.date`` is accepted wherever a single date is asked for.

Memberships follow the data contract: spells are half-open (``start <= d < end``, empty ``end`` = still running).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import membership
from helpers.membership import as_timestamp
from helpers.tables.claims import VERDICTS  # the ledger's verdicts, in the order a reader weighs them


def events_between(events: pd.DataFrame, start, end, *, categories: Iterable[str] | None = None,
                   event_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Events dated ``start <= date <= end`` (both inclusive), optionally only some categories or ids.

    Sorted by date then ``event_id``; keeps every column of ``events``. Raises ``ValueError`` when ``end`` is
    before ``start``.
    """
    lo, hi = as_timestamp(start, "start"), as_timestamp(end, "end")
    if hi < lo:
        raise ValueError(f"end={hi.date()} is before start={lo.date()}; the timeline needs start <= end")
    keep = events["date"].between(lo, hi)
    if categories is not None:
        keep &= events["category"].isin(list(categories))
    if event_ids is not None:
        keep &= events["event_id"].isin(list(event_ids))
    return events[keep].sort_values(["date", "event_id"]).reset_index(drop=True)


def events_with_actors(event_actors: pd.DataFrame, actors: Iterable[str], *, all_of: bool = True) -> list[str]:
    """Ids of events whose actors include all (``all_of=True``) or any of ``actors``, sorted."""
    wanted = set(actors)
    grouped = event_actors.groupby("event_id")["actor"].agg(set)
    if all_of:
        hits = grouped[grouped.map(lambda s: wanted <= s)]
    else:
        hits = grouped[grouped.map(lambda s: bool(wanted & s))]
    return sorted(hits.index)


def events_for_paragraphs(event_paragraphs: pd.DataFrame, paras: Iterable[str]) -> list[str]:
    """Ids of events the data links to any of ``paras`` (through ``event_paragraphs.csv``), sorted."""
    return sorted(set(event_paragraphs.loc[event_paragraphs["paragraph"].isin(list(paras)), "event_id"]))


def russia_china_track(events: pd.DataFrame, event_actors: pd.DataFrame, start, end, *,
                       extra_ids: Iterable[str] = ()) -> pd.DataFrame:
    """The Russia–China security timeline between ``start`` and ``end`` (inclusive): events of category
    ``eurasian_track``, events whose actors include both ``RUS`` and ``CHN``, and any ``extra_ids`` (e.g. the events
    the article cites). Each event once, sorted by date; all columns of ``events`` kept."""
    both = events_with_actors(event_actors, ["RUS", "CHN"])
    window = events_between(events, start, end)
    keep = (window["category"] == "eurasian_track") | window["event_id"].isin(both + list(extra_ids))
    return window[keep].reset_index(drop=True)


def timeline_rows(events: pd.DataFrame, event_paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events shaped for a timeline chart and table: one row per event, article paragraphs joined as text.

    Columns: ``date``, ``year``, ``category``, ``title``, ``description``, ``paragraphs`` (e.g. ``"P1, P2"``,
    empty when the event is context the article does not mention), ``event_id``, ``source_id``; sorted by date.
    """
    out = events.sort_values(["date", "event_id"]).copy()
    if event_paragraphs is not None and len(out):
        ep = event_paragraphs[event_paragraphs["event_id"].isin(out["event_id"])].copy()
        ep["_n"] = ep["paragraph"].str[1:].astype(int)
        joined = ep.sort_values("_n").groupby("event_id")["paragraph"].agg(", ".join)
        out["paragraphs"] = [joined.get(e, "") for e in out["event_id"]]
    else:
        out["paragraphs"] = ""
    out["year"] = out["date"].dt.year.astype("Int64")
    cols = ["date", "year", "category", "title", "description", "paragraphs", "event_id", "source_id"]
    return out[cols].reset_index(drop=True)


VISIT_2024 = "lavrov-beijing-visit-2024"  # Lavrov's April 2024 visit to Beijing (P2) in events.csv


def paragraph_events(events: pd.DataFrame, event_paragraphs: pd.DataFrame, paras: Iterable[str]) -> pd.DataFrame:
    """:func:`timeline_rows` of the events the data links to any of ``paras``, in date order."""
    ids = events_for_paragraphs(event_paragraphs, paras)
    return timeline_rows(events[events["event_id"].isin(ids)], event_paragraphs)


def russia_china_timeline(events: pd.DataFrame, event_actors: pd.DataFrame, event_paragraphs: pd.DataFrame,
                          start, end, cited: pd.DataFrame) -> pd.DataFrame:
    """:func:`timeline_rows` of :func:`russia_china_track` between ``start`` and ``end``, the ``cited`` events
    (rows of :func:`paragraph_events`) included when they fall in the window."""
    track = russia_china_track(events, event_actors, start, end, extra_ids=cited["event_id"])
    return timeline_rows(track, event_paragraphs)


def after_visit(track: pd.DataFrame, events: pd.DataFrame, visit: str = VISIT_2024) -> pd.DataFrame:
    """The rows of ``track`` dated after the ``visit`` event (its title: ``euroatlantic_words.after_visit_title``)."""
    day = events.set_index("event_id").loc[visit, "date"]
    return track[track["date"] > day].reset_index(drop=True)


def membership_steps(memberships: pd.DataFrame, orgs: Iterable[str], *, through) -> pd.DataFrame:
    """Formal member counts of each org over time, as a step series ending at ``through``.

    One row per change (from ``membership.counts_over_time``) plus a closing row at ``through`` so the last step
    is drawn to the end of the period; rows after ``through`` are dropped. Columns: ``org_id``, ``date``,
    ``members``.
    """
    end = as_timestamp(through, "through")
    frames = []
    for org in orgs:
        c = membership.counts_over_time(memberships, org).copy()
        c["date"] = pd.to_datetime(c["date"])
        c = c[c["date"] <= end]
        if c.empty:
            continue
        last = c["members"].iloc[-1]
        if c["date"].iloc[-1] < end:
            c = pd.concat([c, pd.DataFrame({"date": [end], "members": [last]})], ignore_index=True)
        c.insert(0, "org_id", org)
        frames.append(c)
    if not frames:
        return pd.DataFrame({"org_id": pd.Series(dtype="str"), "date": pd.Series(dtype="datetime64[ns]"),
                             "members": pd.Series(dtype="Int64")})
    out = pd.concat(frames, ignore_index=True)
    out["members"] = out["members"].astype("Int64")
    return out[["org_id", "date", "members"]]


def overlap(memberships: pd.DataFrame, states: pd.DataFrame, as_of, *, base: str = "OSCE",
            others: Iterable[str] = ("NATO", "CSTO")) -> pd.DataFrame:
    """Which of ``base``'s participating states also belong to each of ``others`` on ``as_of``.

    One row per state formally in ``base`` or in any of ``others`` that day. Columns: ``iso3``, ``name``, one bool
    column per org (``base`` first), ``group`` (e.g. ``"OSCE + NATO"``, ``"OSCE only"``; ``"not in OSCE"`` prefix
    for states outside ``base``); sorted by group then name.
    """
    day = as_timestamp(as_of, "as_of")
    orgs = [base, *others]
    inside = {org: set(membership.members_as_of(memberships, org, day.date())["iso3"]) for org in orgs}
    everyone = sorted(set().union(*inside.values()))
    out = pd.DataFrame({"iso3": everyone})
    out["name"] = out["iso3"].map(states.set_index("iso3")["name"]).fillna(out["iso3"])
    for org in orgs:
        out[org] = out["iso3"].isin(inside[org])

    def group(r) -> str:
        extra = [org for org in others if r[org]]
        if r[base]:
            return f"{base} + {' + '.join(extra)}" if extra else f"{base} only"
        return f"not in {base}: {' + '.join(extra)}"

    out["group"] = out.apply(group, axis=1) if len(out) else pd.Series(dtype="str")
    return out.sort_values(["group", "name"])[["iso3", "name", *orgs, "group"]].reset_index(drop=True)


def inactive_ties(memberships: pd.DataFrame, table: pd.DataFrame, as_of, *, base: str = "OSCE",
                  others: Iterable[str] = ("NATO", "CSTO"), statuses: Iterable[str] | None = None) -> list[str]:
    """Names of the states :func:`overlap` (``table``) counts in ``base`` and one of ``others`` whose every such tie
    is formal only on ``as_of`` (frozen or suspended: Armenia in the CSTO from 2024), by name; notebook 08 counts
    active ties only, so 03 gives both counts. With ``statuses`` (``("frozen",)``: a freeze the member's government
    declared), only those holding such a tie."""
    day, others = as_timestamp(as_of, "as_of").date(), list(others)
    active = set().union(*(set(membership.members_as_of(memberships, o, day, membership.ACTIVE)["iso3"])
                           for o in others))
    counted = table[table[base] & table[others].any(axis=1) & ~table["iso3"].isin(active)]
    if statuses is not None:
        held = set().union(*(set(membership.members_as_of(memberships, o, day, tuple(statuses))["iso3"])
                             for o in others))
        counted = counted[counted["iso3"].isin(held)]
    return sorted(counted["name"])


def overlap_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Count the states in each group of :func:`overlap`. Columns ``group``, ``states``; largest group first."""
    counts = table.groupby("group").size().rename("states").reset_index()
    counts["states"] = counts["states"].astype("Int64")
    return counts.sort_values(["states", "group"], ascending=[False, True]).reset_index(drop=True)


def osce_overlap(memberships: pd.DataFrame, states: pd.DataFrame, as_of) -> tuple[pd.DataFrame, ...]:
    """Notebook 03's three OSCE frames on ``as_of``: the growth steps (:func:`membership_steps`), the state-by-state
    overlap with NATO and the CSTO (:func:`overlap`) and its counts (:func:`overlap_counts`)."""
    table = overlap(memberships, states, as_of)
    return membership_steps(memberships, ["OSCE"], through=as_of), table, overlap_counts(table)


def category_rows(events: pd.DataFrame, event_paragraphs: pd.DataFrame, category: str) -> pd.DataFrame:
    """:func:`timeline_rows` of every event of one ``category`` (all dates), with its article paragraphs."""
    return timeline_rows(events[events["category"] == category], event_paragraphs)


def principle_in_documents(documents: pd.DataFrame, principle_documents: pd.DataFrame, principle: str, *,
                           org: str | None = None) -> pd.DataFrame:
    """How each document (optionally only ``org``'s) states one principle, in date order.

    Columns: ``date``, ``title``, ``presence`` (``explicit``/``implicit``/``absent`` as coded, or ``not coded`` when
    the data has no row for that document and principle), ``locator``, ``phrase`` (the quoted words, ≤ 15),
    ``source_id`` (of the coding row, else of the document).
    """
    docs = documents if org is None else documents[documents["org_id"] == org]
    coded = principle_documents[principle_documents["principle_id"] == principle]
    out = docs.merge(coded[["document_id", "presence", "locator", "phrase", "source_id"]], on="document_id",
                     how="left", suffixes=("_doc", ""))
    out["presence"] = out["presence"].fillna("not coded")
    out["locator"] = out["locator"].fillna("")
    out["phrase"] = out["phrase"].fillna("")
    out["source_id"] = out["source_id"].fillna(out["source_id_doc"])
    out = out.sort_values(["date", "document_id"])
    return out[["date", "title", "presence", "locator", "phrase", "source_id"]].reset_index(drop=True)


def check_order(**dates) -> list[pd.Timestamp]:
    """Dates that must be strictly increasing in the order given, e.g. ``check_order(before=b, after=a)``.

    Returns them as Timestamps; raises ``ValueError`` naming both parameters when one is not after the other.
    """
    items = [(name, as_timestamp(value, name)) for name, value in dates.items()]
    for (n1, d1), (n2, d2) in zip(items, items[1:]):
        if not d1 < d2:
            raise ValueError(f"{n1}={d1.date()} and {n2}={d2.date()}: {n2} must be later than {n1}")
    return [d for _, d in items]


def camps(memberships: pd.DataFrame, states: pd.DataFrame, orgs: Iterable[str], dates: Mapping[str, object],
          *, region: str | None = None) -> pd.DataFrame:
    """Formal members of each org on each labelled date, e.g. ``{"before": d1, "after": d2}`` (P8).

    Columns: ``org_id``, ``label``, ``date``, ``members``, ``in_region`` (members in ``region`` per
    ``states.region``, or equal to ``members`` when ``region`` is None), ``joined`` and ``left`` (names of states
    that entered or left since the previous label, ``; ``-joined; empty for the first label), ``inactive`` (formal
    members whose participation was frozen or suspended that day, ``; ``-joined), ``inactive_status`` (their
    statuses, same order) and ``inactive_since`` (the earliest first day of those statuses). Org order, then label
    order as given. A frozen or suspended member is a formal member (:data:`helpers.membership.FORMAL`): it is
    counted in ``members`` and named in ``inactive``.
    """
    labels = list(dates.items())
    region_of = states.set_index("iso3")["region"]
    name_of = states.set_index("iso3")["name"]
    rows = []
    for org in orgs:
        prev: set[str] | None = None
        for label, d in labels:
            day = as_timestamp(d, label)
            held = membership.members_as_of(memberships, org, day.date())
            now = set(held["iso3"])
            off = held[~held["status"].isin(membership.ACTIVE)]
            in_region = len(now) if region is None else sum(region_of.get(i) == region for i in now)
            joined = "" if prev is None else "; ".join(sorted(name_of.get(i, i) for i in now - prev))
            left = "" if prev is None else "; ".join(sorted(name_of.get(i, i) for i in prev - now))
            rows.append({"org_id": org, "label": label, "date": day, "members": len(now),
                         "in_region": in_region, "joined": joined, "left": left,
                         "inactive": "; ".join(name_of.get(i, i) for i in off["iso3"]),
                         "inactive_status": "; ".join(off["status"]),
                         "inactive_since": off["start"].min() if len(off) else pd.NaT})
            prev = now
    out = pd.DataFrame(rows, columns=["org_id", "label", "date", "members", "in_region", "joined", "left",
                                      "inactive", "inactive_status", "inactive_since"])
    out["date"] = pd.to_datetime(out["date"])
    for c in ("members", "in_region"):
        out[c] = out[c].astype("Int64")
    return out


def status_changes(memberships: pd.DataFrame, states: pd.DataFrame, orgs: Iterable[str], before, after) -> pd.DataFrame:
    """States whose status in any of ``orgs`` differs between ``before`` and ``after`` (any status, incl. frozen).

    Columns: ``org_id``, ``iso3``, ``name``, ``status_before``, ``status_after`` (empty string = none); sorted by org
    then name.
    """
    b, a = as_timestamp(before, "before"), as_timestamp(after, "after")
    name_of = states.set_index("iso3")["name"]
    rows = []
    for org in orgs:
        sp = memberships[memberships["org_id"] == org]

        def status_on(day, sp=sp):
            on = sp[(sp["start"] <= day) & (sp["end"].isna() | (day < sp["end"]))]
            return dict(zip(on["iso3"], on["status"]))

        sb, sa = status_on(b), status_on(a)
        for iso in sorted(set(sb) | set(sa)):
            if sb.get(iso, "") != sa.get(iso, ""):
                rows.append({"org_id": org, "iso3": iso, "name": name_of.get(iso, iso),
                             "status_before": sb.get(iso, ""), "status_after": sa.get(iso, "")})
    out = pd.DataFrame(rows, columns=["org_id", "iso3", "name", "status_before", "status_after"])
    return out.sort_values(["org_id", "name"]).reset_index(drop=True)


#: The claims columns a report shows (the rest of the ledger is in notebook 09 and the CSV export of the ledger).
CLAIM_COLUMNS = ["paragraph", "claim_id", "claim", "claim_type", "verdict", "verdict_reason"]




def checkable(claim_table: pd.DataFrame) -> int:
    """How many of the claims the records settle one way or the other (supported, partly supported or
    contradicted), as opposed to interpretations and claims that could not be checked."""
    return int(claim_table["verdict"].isin(VERDICTS[:3]).sum())
