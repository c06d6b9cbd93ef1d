"""Tables for notebooks 01–04: the proposal and the Euro-Atlantic story (article paragraphs P1–P9).

Plain DataFrames in, plain DataFrames out. Nothing here reads files, displays or styles: the notebooks load the
tables with ``helpers.load`` and show the results with ``helpers.present``. Dates in and out are pandas
``Timestamp``/``datetime64[ns]``; a ``datetime.date`` is accepted wherever a single date is asked for.

Memberships follow the data contract: spells are half-open (``start <= d < end``, empty ``end`` = still running).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from helpers import membership
from helpers.membership import as_timestamp

# --------------------------------------------------------------------------------------------------- utilities

_PARA = re.compile(r"^P(\d{1,2})$")


def paragraph_range(spec: str) -> list[str]:
    """Expand ``"P1-P3"`` (or ``"P4"``, or ``"P5,P6"``) into ``["P1", "P2", "P3"]``.

    >>> paragraph_range("P7-P9")
    ['P7', 'P8', 'P9']
    """
    out: list[str] = []
    for part in str(spec).split(","):
        part = part.strip()
        ends = [p.strip() for p in part.split("-")]
        nums = []
        for end in ends:
            m = _PARA.match(end)
            if not m or len(ends) > 2:
                raise ValueError(
                    f"paragraphs={spec!r}: {part!r} is not a paragraph or range; "
                    "allowed: 'P4', 'P1-P3' or a comma-separated list of those (P1–P19)"
                )
            nums.append(int(m.group(1)))
        lo, hi = nums[0], nums[-1]
        if not 1 <= lo <= hi <= 19:
            raise ValueError(f"paragraphs={spec!r}: {part!r} is outside P1–P19 or runs backwards")
        out.extend(f"P{i}" for i in range(lo, hi + 1))
    return out


# ------------------------------------------------------------------------------------------ paragraphs, claims

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


def claims_for(claims: pd.DataFrame, paras: Iterable[str]) -> pd.DataFrame:
    """The article's claims made in ``paras``, with our verdict, in paragraph then claim order.

    Columns: ``paragraph``, ``claim_id``, ``claim``, ``claim_type``, ``verdict``, ``verdict_reason``,
    ``evidence_notebook``, ``source_id``.
    """
    wanted = list(paras)
    order = {p: i for i, p in enumerate(wanted)}
    out = claims[claims["paragraph"].isin(wanted)].copy()
    out["_o"] = out["paragraph"].map(order)
    out = out.sort_values(["_o", "claim_id"]).drop(columns="_o")
    cols = ["paragraph", "claim_id", "claim", "claim_type", "verdict", "verdict_reason", "evidence_notebook",
            "source_id"]
    return out[cols].reset_index(drop=True)


# ------------------------------------------------------------------------------------------------------ events

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


def track_titles(track: pd.DataFrame, cited_ids: Iterable[str], start, end) -> tuple[str, str]:
    """Titles of the Russia–China timeline chart and table (:func:`timeline_rows` of :func:`russia_china_track`):
    how many steps over which years and how many the article cites; "none" with the window's dates when empty."""
    lo, hi = as_timestamp(start, "start").date(), as_timestamp(end, "end").date()
    if track.empty:
        return (f"None in this window: no recorded step in Russia–China security ties from {lo} to {hi}",
                f"Russia–China security timeline, {lo} to {hi}: none recorded")
    cited = track["event_id"].isin(list(cited_ids)).sum()
    return (f"{len(track)} dated steps in Russia–China security ties, {track['year'].min()}–{track['year'].max()}; "
            f"the article points to {cited} of them", f"Russia–China security timeline, {lo} to {hi}")


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
        out["paragraphs"] = out["event_id"].map(joined).fillna("")
    else:
        out["paragraphs"] = ""
    out["year"] = out["date"].dt.year.astype("Int64")
    cols = ["date", "year", "category", "title", "description", "paragraphs", "event_id", "source_id"]
    return out[cols].reset_index(drop=True)


# -------------------------------------------------------------------------------------------- NATO (P4)

BACKGROUNDS = (
    "founding member",
    "Cold-War accession",
    "former Warsaw Pact",
    "former USSR",
    "former Yugoslavia",
    "formerly non-aligned",
    "later accession, background not in data",
)
"""Backgrounds of NATO members, in the order they are tested and shown."""


def accession_backgrounds(memberships: pd.DataFrame, organisations: pd.DataFrame, *,
                          org: str = "NATO", bloc: str = "WARSAW",
                          predecessors: Mapping[str, str] | None = None,
                          neutrals: Iterable[str] = ()) -> pd.DataFrame:
    """Each state's first entry into ``org`` and its background, derived from the data, first rule that matches:

    1. ``founding member`` — joined on the earliest date any state joined, or no later than the day ``org``'s
       founding document took effect (``organisations.in_force``), whichever is later;
    2. ``Cold-War accession`` — joined before ``bloc`` (the Warsaw Pact) was dissolved (date from
       ``organisations``);
    3. ``former Warsaw Pact`` — the state, or a historic state it followed other than the USSR, held a ``bloc``
       membership spell;
    4. ``former USSR`` / ``former Yugoslavia`` — a historic state it followed is ``SUN`` / ``YUG``;
    5. ``formerly non-aligned`` — listed in ``neutrals`` (e.g. from :func:`non_aligned_before`);
    6. ``later accession, background not in data``.

    ``predecessors`` maps a state to the historic state it followed (iso3 → iso3, e.g. from
    :func:`predecessor_map`); chains are followed, so ``{"MNE": "SCG", "SCG": "YUG"}`` makes Montenegro
    ``former Yugoslavia``. ``predecessors`` and ``neutrals`` are facts the membership table cannot hold; pass them
    from a sourced table, or leave them out and the affected states fall to a later rule (never guessed).
    Columns: ``iso3``, ``joined``, ``background``; sorted by ``joined`` then ``iso3``.
    """
    predecessors = dict(predecessors or {})
    neutrals = set(neutrals)
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    if spells.empty:
        raise ValueError(f"org={org!r} has no membership spells; check data/memberships.csv")
    first = spells.groupby("iso3", as_index=False)["start"].min().rename(columns={"start": "joined"})
    founding_day = first["joined"].min()
    this = organisations.loc[organisations["org_id"] == org]
    if "in_force" in this and len(this) and pd.notna(this["in_force"].iloc[0]):
        founding_day = max(founding_day, this["in_force"].iloc[0])
    row = organisations.loc[organisations["org_id"] == bloc, "dissolved"]
    bloc_end = row.iloc[0] if len(row) else pd.NaT
    bloc_states = set(memberships.loc[(memberships["org_id"] == bloc)
                                      & memberships["status"].isin(membership.FORMAL), "iso3"])

    def ancestors(iso: str) -> list[str]:
        out: list[str] = []
        cur = predecessors.get(iso)
        while cur is not None and cur not in out and cur != iso:
            out.append(cur)
            cur = predecessors.get(cur)
        return out

    def background(r) -> str:
        preds = ancestors(r.iso3)
        if r.joined <= founding_day:
            return "founding member"
        if pd.notna(bloc_end) and r.joined < bloc_end:
            return "Cold-War accession"
        if r.iso3 in bloc_states or any(p in bloc_states and p != "SUN" for p in preds):
            return "former Warsaw Pact"
        if "SUN" in preds:
            return "former USSR"
        if "YUG" in preds:
            return "former Yugoslavia"
        if r.iso3 in neutrals:
            return "formerly non-aligned"
        return BACKGROUNDS[-1]

    first["background"] = [background(r) for r in first.itertuples(index=False)]
    return first.sort_values(["joined", "iso3"]).reset_index(drop=True)


#: Lineage relations under which a state counts as having come out of its predecessor (``absorbed`` is left out:
#: Germany absorbing the GDR did not make Germany a former GDR state).
FOLLOWS = ("successor", "continuator", "restored", "renamed")


def predecessor_map(state_lineage: pd.DataFrame, *, relations: Iterable[str] = FOLLOWS) -> dict[str, str]:
    """The historic state each state followed, as ``{iso3: predecessor_iso3}``, from ``state_lineage.csv`` rows
    whose ``relation`` is one of ``relations`` (default :data:`FOLLOWS`).

    Feed it to :func:`accession_backgrounds` (``predecessors=``), which follows chains such as MNE → SCG → YUG.
    Raises ``ValueError`` naming the state when it has more than one predecessor under those relations, and when
    ``relations`` names a relation the table does not use.
    """
    wanted = list(relations)
    allowed = ("successor", "continuator", "restored", "absorbed", "renamed")
    bad = [r for r in wanted if r not in allowed]
    if bad:
        raise ValueError(f"relations={wanted!r}: {', '.join(map(repr, bad))} is not a lineage relation; "
                         f"allowed: {', '.join(allowed)}")
    rows = state_lineage[state_lineage["relation"].isin(wanted)]
    twice = rows["iso3"][rows["iso3"].duplicated()].unique().tolist()
    if twice:
        raise ValueError(f"state_lineage: {', '.join(sorted(twice))} has more than one predecessor under relations "
                         f"{', '.join(wanted)}; a state maps to one predecessor")
    return dict(sorted(zip(rows["iso3"], rows["predecessor_iso3"])))


def non_aligned_before(state_policies: pd.DataFrame, memberships: pd.DataFrame, *, org: str = "NATO") -> list[str]:
    """States whose neutrality or military non-alignment (``state_policies.csv``) ended on or before the day they
    first joined ``org`` (formal membership), sorted. A policy still holding, or one that ended after the state
    joined, does not count. Feed it to :func:`accession_backgrounds` (``neutrals=``)."""
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    joined = spells.groupby("iso3")["start"].min()
    ended = state_policies.dropna(subset=["ended"])
    keep = [iso for iso, end in zip(ended["iso3"], ended["ended"]) if iso in joined.index and end <= joined[iso]]
    return sorted(set(keep))


def members_on(memberships: pd.DataFrame, states: pd.DataFrame, org: str, as_of,
               backgrounds: pd.DataFrame | None = None) -> pd.DataFrame:
    """The members of ``org`` on ``as_of`` (formal membership), with name, status and first entry date.

    Columns: ``iso3``, ``name``, ``status``, ``since`` (start of the current spell), ``joined`` (first entry),
    and ``background`` when ``backgrounds`` (from :func:`accession_backgrounds`) is given; sorted by ``joined``
    then name. Empty (same columns) when ``org`` had no members that day.
    """
    day = as_timestamp(as_of, "as_of")
    cur = membership.members_as_of(memberships, org, day.date())
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    joined = spells.groupby("iso3")["start"].min()
    out = pd.DataFrame({"iso3": cur["iso3"].to_numpy(), "status": cur["status"].to_numpy(),
                        "since": cur["start"].to_numpy()})
    out["name"] = out["iso3"].map(states.set_index("iso3")["name"]).fillna(out["iso3"])
    out["joined"] = out["iso3"].map(joined)
    cols = ["iso3", "name", "status", "since", "joined"]
    if backgrounds is not None:
        out["background"] = out["iso3"].map(backgrounds.set_index("iso3")["background"]).fillna(BACKGROUNDS[-1])
        cols.append("background")
    out["since"] = pd.to_datetime(out["since"])
    out["joined"] = pd.to_datetime(out["joined"])
    return out.sort_values(["joined", "name"])[cols].reset_index(drop=True)


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


def bloc_record(memberships: pd.DataFrame, organisations: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.DataFrame:
    """What the data can say about 'the largest and most stable bloc' (P4), for each org, as of ``as_of``.

    Columns:
    ``org_id``, ``name``, ``founded`` (founding document signed), ``dissolved`` (NaT if still running on
    ``as_of``), ``years`` (years from ``founded`` to dissolution or ``as_of``, one decimal), ``members_now``
    (formal members on ``as_of``; 0 once dissolved), ``peak_members`` and ``peak_date`` (first date the peak was
    reached, up to ``as_of``), ``departures`` (formal spells that ended before the organisation itself ended and
    were not followed by another formal spell of the same state starting that day — i.e. states that left or
    ceased to exist), ``source_id`` (of the organisation row).
    Organisations not yet founded on ``as_of`` are left out.
    """
    day = as_timestamp(as_of, "as_of")
    rows = []
    for org in orgs:
        o = organisations[organisations["org_id"] == org]
        if o.empty:
            raise KeyError(f"org={org!r} is not in organisations.csv")
        o = o.iloc[0]
        if pd.isna(o["founded"]) or o["founded"] > day:
            continue
        ended = o["dissolved"] if pd.notna(o["dissolved"]) and o["dissolved"] <= day else pd.NaT
        stop = ended if pd.notna(ended) else day
        spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
        counts = membership.counts_over_time(memberships, org).copy()
        counts["date"] = pd.to_datetime(counts["date"])
        counts = counts[counts["date"] <= day]
        if counts.empty:
            peak, peak_date = 0, pd.NaT
        else:
            peak = int(counts["members"].max())
            peak_date = counts.loc[counts["members"] == peak, "date"].min()
        starts = set(zip(spells["iso3"], spells["start"]))
        gone = spells[spells["end"].notna() & (spells["end"] <= day) & (spells["end"] < stop)]
        departures = sum((iso, end) not in starts for iso, end in zip(gone["iso3"], gone["end"]))
        now = 0 if pd.notna(ended) else membership.count_as_of(memberships, org, day.date())
        rows.append({
            "org_id": org, "name": o["name"], "founded": o["founded"], "dissolved": ended,
            "years": round((stop - o["founded"]).days / 365.25, 1), "members_now": int(now),
            "peak_members": peak, "peak_date": peak_date, "departures": int(departures),
            "source_id": o["source_id"],
        })
    out = pd.DataFrame(rows, columns=["org_id", "name", "founded", "dissolved", "years", "members_now",
                                      "peak_members", "peak_date", "departures", "source_id"])
    for c in ("founded", "dissolved", "peak_date"):
        out[c] = pd.to_datetime(out[c])
    for c in ("members_now", "peak_members", "departures"):
        out[c] = out[c].astype("Int64")
    return out


# -------------------------------------------------------------------------------------------- OSCE (P5–P6)

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


def osce_titles(steps: pd.DataFrame, overlap_table: pd.DataFrame, counts: pd.DataFrame, as_of) -> tuple[str, str]:
    """Titles of notebook 03's growth chart (:func:`membership_steps` of the OSCE) and overlap chart
    (:func:`overlap`, :func:`overlap_counts`); "none on this date" when the OSCE had no participating state yet."""
    day = as_timestamp(as_of, "as_of").date()
    if steps.empty or not overlap_table["OSCE"].any():
        none = f"None on this date: the CSCE/OSCE had no participating states on {day}"
        return none, f"{none}, so none could also belong to NATO or the CSTO"
    both = counts.loc[counts["group"].str.startswith("OSCE +"), "states"].sum()
    return (f"The CSCE/OSCE went from {steps['members'].iloc[0]} to {steps['members'].iloc[-1]} participating states "
            f"by {day}", f"On {day}, {both} of the OSCE's {int(overlap_table['OSCE'].sum())} states also belonged to "
            "NATO or the CSTO")


def overlap_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Count the states in each group of :func:`overlap`. Columns ``group``, ``states``; largest group first."""
    counts = table.groupby("group").size().rename("states").reset_index()
    counts["states"] = counts["states"].astype("Int64")
    return counts.sort_values(["states", "group"], ascending=[False, True]).reset_index(drop=True)


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


# -------------------------------------------------------------------------------------------- Crisis (P7–P9)

_ERODING = ("suspended", "withdrawal_announced", "withdrawn", "ratification_revoked")


PHASES = ("signed, not in force", "signed, entry into force not recorded", "in force", "in force, eroding",
          "eroding")
"""Phases of a treaty's life as drawn by the Gantt chart (see :func:`treaty_phases`)."""


def treaty_phases(arms_control: pd.DataFrame, treaties: pd.DataFrame, *, through) -> pd.DataFrame:
    """Each arms-control treaty's life as consecutive phases, for a Gantt-style chart.

    Phases, each ``[start, end)``, from the first ``signed`` step:

    - with a recorded ``in_force`` step: ``signed, not in force`` (signature → entry into force), ``in force``
      (→ first eroding step or end), ``in force, eroding`` (→ end);
    - without one: ``signed, entry into force not recorded`` (signature → first eroding step or end) and
      ``eroding`` (→ end). The data is not second-guessed: a treaty that entered into force but lacks the row is
      shown as "not recorded", never as "not in force".

    An eroding step is a ``suspended``, ``withdrawal_announced``, ``withdrawn`` or ``ratification_revoked`` by any
    party. A treaty ends when ``expired`` or ``withdrawn`` is recorded for party ``ALL``, or — for a ``bilateral``
    treaty — at either party's ``withdrawn``; otherwise its last phase runs to ``through``. Steps after ``through``
    are ignored. Columns: ``treaty_id``, ``name``, ``phase``, ``start``, ``end``, ``ended`` (bool: the treaty
    ended at ``end``), ``source_id`` (of the step that opened the phase).
    """
    limit = as_timestamp(through, "through")
    ac = arms_control[arms_control["date"] <= limit]
    rows = []
    for t in treaties.sort_values("treaty_id").itertuples(index=False):
        steps = ac[ac["treaty_id"] == t.treaty_id].sort_values("date", kind="stable")
        signed = steps[steps["step"] == "signed"]
        if signed.empty:
            continue
        s0 = signed.iloc[0]
        ends = steps["step"].isin(["expired", "withdrawn"]) & (steps["party"] == "ALL")
        if t.kind == "bilateral":
            ends |= steps["step"] == "withdrawn"
        end = steps.loc[ends, "date"].min() if ends.any() else pd.NaT
        close = end if pd.notna(end) else limit
        inforce = steps[steps["step"] == "in_force"]
        f0 = inforce.iloc[0] if len(inforce) else None
        erode = steps[steps["step"].isin(_ERODING) & (steps["date"] < close)]
        e0 = erode.iloc[0] if len(erode) else None

        def add(phase, start, stop, src):
            if stop > start:
                rows.append({"treaty_id": t.treaty_id, "name": t.name, "phase": phase, "start": start,
                             "end": stop, "ended": bool(pd.notna(end) and stop == end), "source_id": src})

        if f0 is not None:
            add("signed, not in force", s0["date"], f0["date"], s0["source_id"])
            live, live_src, eroding = f0["date"], f0["source_id"], "in force, eroding"
            add("in force", live, e0["date"] if e0 is not None and e0["date"] > live else close, live_src)
        else:
            live, eroding = s0["date"], "eroding"
            add("signed, entry into force not recorded", live,
                e0["date"] if e0 is not None else close, s0["source_id"])
        if e0 is not None:
            add(eroding, max(e0["date"], live), close, e0["source_id"])
    out = pd.DataFrame(rows, columns=["treaty_id", "name", "phase", "start", "end", "ended", "source_id"])
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = pd.to_datetime(out["end"])
    out["ended"] = out["ended"].astype(bool)
    return out


def treaty_status(phases: pd.DataFrame) -> pd.DataFrame:
    """Where each treaty stands at the end of :func:`treaty_phases`: one row per treaty, by signature date.

    Columns: ``treaty_id``, ``name``, ``signed`` (start of the first phase), ``status`` (``ended`` when the treaty
    ended, else the last phase's name), ``since`` (start of the last phase, or the end date for ended treaties).
    """
    rows = []
    for tid, g in phases.sort_values("start", kind="stable").groupby("treaty_id", sort=False):
        last = g.iloc[-1]
        ended = bool(last["ended"])
        rows.append({"treaty_id": tid, "name": last["name"], "signed": g["start"].iloc[0],
                     "status": "ended" if ended else last["phase"], "since": last["end"] if ended else last["start"]})
    out = pd.DataFrame(rows, columns=["treaty_id", "name", "signed", "status", "since"])
    out["signed"] = pd.to_datetime(out["signed"])
    out["since"] = pd.to_datetime(out["since"])
    return out.sort_values(["signed", "treaty_id"]).reset_index(drop=True)


def in_force_by_year(phases: pd.DataFrame, years: Iterable[int], *, changes_only: bool = False) -> pd.DataFrame:
    """How many treaties were in force on 31 December of each year, and how many of those were eroding.

    Reads the phases of :func:`treaty_phases`; only treaties whose entry into force is recorded can count.
    Columns: ``year``, ``in_force`` (phase ``in force`` or ``in force, eroding``), ``eroding``, ``treaties`` (ids in
    force, ``;``-joined). With ``changes_only``, keep the first year and each year whose treaties or eroding count
    differ from the year before.
    """
    rows = []
    live = phases[phases["phase"].isin(["in force", "in force, eroding"])]
    for y in years:
        day = pd.Timestamp(int(y), 12, 31)
        on = live[(live["start"] <= day) & (day < live["end"])]
        rows.append({"year": int(y), "in_force": len(on), "eroding": int((on["phase"] == "in force, eroding").sum()),
                     "treaties": ";".join(sorted(on["treaty_id"]))})
    out = pd.DataFrame(rows, columns=["year", "in_force", "eroding", "treaties"])
    for c in ("year", "in_force", "eroding"):
        out[c] = out[c].astype("Int64")
    if changes_only and len(out):
        changed = (out[["eroding", "treaties"]] != out[["eroding", "treaties"]].shift()).any(axis=1)
        out = out[changed].reset_index(drop=True)
    return out


def treaty_steps(arms_control: pd.DataFrame, treaties: pd.DataFrame, *, through) -> pd.DataFrame:
    """Every dated step up to ``through``, with the treaty name, for point marks and a table.

    Columns: ``treaty_id``, ``name``, ``step``, ``party``, ``date``, ``note``, ``source_id``; sorted by date.
    """
    limit = as_timestamp(through, "through")
    out = arms_control[arms_control["date"] <= limit].merge(treaties[["treaty_id", "name"]], on="treaty_id")
    out = out.sort_values(["date", "treaty_id", "party", "step"])
    return out[["treaty_id", "name", "step", "party", "date", "note", "source_id"]].reset_index(drop=True)


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
    that entered or left since the previous label, ``; ``-joined; empty for the first label). Org order, then label
    order as given.
    """
    labels = list(dates.items())
    region_of = states.set_index("iso3")["region"]
    name_of = states.set_index("iso3")["name"]
    rows = []
    for org in orgs:
        prev: set[str] | None = None
        for label, d in labels:
            day = as_timestamp(d, label)
            now = set(membership.members_as_of(memberships, org, day.date())["iso3"])
            in_region = len(now) if region is None else sum(region_of.get(i) == region for i in now)
            joined = "" if prev is None else "; ".join(sorted(name_of.get(i, i) for i in now - prev))
            left = "" if prev is None else "; ".join(sorted(name_of.get(i, i) for i in prev - now))
            rows.append({"org_id": org, "label": label, "date": day, "members": len(now),
                         "in_region": in_region, "joined": joined, "left": left})
            prev = now
    out = pd.DataFrame(rows, columns=["org_id", "label", "date", "members", "in_region", "joined", "left"])
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

        def status_on(day):
            on = sp[(sp["start"] <= day) & (sp["end"].isna() | (day < sp["end"]))]
            return dict(zip(on["iso3"], on["status"]))

        sb, sa = status_on(b), status_on(a)
        for iso in sorted(set(sb) | set(sa)):
            if sb.get(iso, "") != sa.get(iso, ""):
                rows.append({"org_id": org, "iso3": iso, "name": name_of.get(iso, iso),
                             "status_before": sb.get(iso, ""), "status_after": sa.get(iso, "")})
    out = pd.DataFrame(rows, columns=["org_id", "iso3", "name", "status_before", "status_after"])
    return out.sort_values(["org_id", "name"]).reset_index(drop=True)
