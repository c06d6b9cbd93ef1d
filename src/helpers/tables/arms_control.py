"""Tables for notebook 04: arms-control treaties chosen by a stated rule, their phases and their status for the
US–Russia pair (P7). Plain DataFrames in, plain DataFrames out; nothing here reads files or displays."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.membership import as_timestamp

#: Steps by which a treaty as a whole ends (party ``ALL``): end of its own term, lapse when a successor treaty
#: entered into force, or withdrawal of all parties.
_ENDS = ("expired", "superseded", "withdrawn")


_ERODING = ("suspended", "withdrawal_announced", "withdrawn", "ratification_revoked")


PHASES = ("signed, not in force", "signed, entry into force not recorded", "in force", "in force, eroding",
          "eroding", "signed, never in force")


"""Phases of a treaty's life as drawn by the Gantt chart (see :func:`treaty_phases`)."""


def treaty_phases(arms_control: pd.DataFrame, treaties: pd.DataFrame, *, through) -> pd.DataFrame:
    """Each arms-control treaty's life as consecutive phases, for a Gantt-style chart.

    Phases, each ``[start, end)``, from the first ``signed`` step:

    - with a recorded ``in_force`` step: ``signed, not in force`` (signature → entry into force), ``in force``
      (→ first eroding step or end), ``in force, eroding`` (→ end);
    - without one: ``signed, entry into force not recorded`` (signature → first eroding step or end) and
      ``eroding`` (→ end); a treaty whose ``note`` starts with "Not in force" shows ``signed, never in force``
      instead, since the data says it never entered into force (the chart draws it apart from the bars). The data is not second-guessed: a treaty that
      entered into force but lacks the row is shown as "not recorded", never as "not in force".

    An eroding step is a ``suspended``, ``withdrawal_announced``, ``withdrawn`` or ``ratification_revoked`` by any
    party. A treaty ends when ``expired``, ``superseded`` or ``withdrawn`` is recorded for party ``ALL``, or — for a
    ``bilateral`` treaty — at either party's ``withdrawn``; otherwise its last phase runs to ``through``. Steps after
    ``through`` are ignored. Columns: ``treaty_id``, ``name``, ``phase``, ``start``, ``end``, ``ended`` (bool: the
    treaty ended at ``end``), ``source_id`` (of the step that opened the phase).
    """
    limit = as_timestamp(through, "through")
    ac = arms_control[arms_control["date"] <= limit]
    rows = []
    for t in treaties.sort_values("treaty_id").itertuples(index=False):
        rows += _phases_of(t, ac[ac["treaty_id"] == t.treaty_id].sort_values("date", kind="stable"), limit)
    out = pd.DataFrame(rows, columns=["treaty_id", "name", "phase", "start", "end", "ended", "source_id"])
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = pd.to_datetime(out["end"])
    out["ended"] = out["ended"].astype(bool)
    return out


def _phases_of(t, steps: pd.DataFrame, limit: pd.Timestamp) -> list[dict]:
    """One treaty's phase rows (see :func:`treaty_phases`) from its steps up to ``limit``, in date order."""
    rows: list[dict] = []
    signed = steps[steps["step"] == "signed"]
    if signed.empty:
        return rows
    s0 = signed.iloc[0]
    ends = steps["step"].isin(list(_ENDS)) & (steps["party"] == "ALL")
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
            rows.append({"treaty_id": t.treaty_id, "name": getattr(t, "short_name", t.name), "phase": phase,
                         "start": start, "end": stop, "ended": bool(pd.notna(end) and stop == end),
                         "source_id": src})

    if f0 is not None:
        add("signed, not in force", s0["date"], f0["date"], s0["source_id"])
        live, live_src, eroding = f0["date"], f0["source_id"], "in force, eroding"
        add("in force", live, e0["date"] if e0 is not None and e0["date"] > live else close, live_src)
    else:
        live, eroding = s0["date"], "eroding"
        never = str(getattr(t, "note", "")).startswith("Not in force")
        add("signed, never in force" if never else "signed, entry into force not recorded", live,
            e0["date"] if e0 is not None else close, s0["source_id"])
    if e0 is not None:
        add(eroding, max(e0["date"], live), close, e0["source_id"])
    return rows


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
    force, ``;``-joined), ``names`` (their names in order of entry into force, ``; ``-joined). With
    ``changes_only``, keep the first year and each year whose treaties or eroding count differ from the year before.
    """
    rows = []
    live = phases[phases["phase"].isin(["in force", "in force, eroding"])]
    for y in years:
        day = pd.Timestamp(int(y), 12, 31)
        on = live[(live["start"] <= day) & (day < live["end"])]
        rows.append({"year": int(y), "in_force": len(on), "eroding": int((on["phase"] == "in force, eroding").sum()),
                     "treaties": ";".join(sorted(on["treaty_id"])),
                     "names": "; ".join(on.sort_values("start")["name"])})
    out = pd.DataFrame(rows, columns=["year", "in_force", "eroding", "treaties", "names"])
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
    label = "short_name" if "short_name" in treaties else "name"
    names = treaties[["treaty_id", label]].set_axis(["treaty_id", "name"], axis=1)
    out = arms_control[arms_control["date"] <= limit].merge(names, on="treaty_id")
    out = out.sort_values(["date", "treaty_id", "party", "step"])
    return out[["treaty_id", "name", "step", "party", "date", "note", "source_id"]].reset_index(drop=True)


#: The rule of notebook 04: legally binding arms-control treaties signed on or after this day ...
TREATIES_SINCE = pd.Timestamp("1972-01-01")


#: ... that are bilateral between the USA and the USSR/Russia, or European (negotiated among the CSCE/OSCE states).
TREATY_SCOPES = ("us_russia", "europe")


def treaty_cases(treaties: pd.DataFrame, arms_control: pd.DataFrame, *, since=TREATIES_SINCE,
                 scopes: Iterable[str] = TREATY_SCOPES) -> pd.DataFrame:
    """Every treaty in the data tested against the rule: first signature on or after ``since`` and ``scope`` in
    ``scopes``. Columns: ``treaty_id``, ``short_name``, ``scope``, ``signed``, ``admitted`` (bool), ``reason``;
    admitted first, then by signature date."""
    start, wanted = as_timestamp(since, "since"), list(scopes)
    signed = arms_control[arms_control["step"] == "signed"].groupby("treaty_id")["date"].min()
    out = treaties[["treaty_id", "short_name", "scope"]].copy()
    out["signed"] = pd.to_datetime(out["treaty_id"].map(signed))
    early = out["signed"].isna() | (out["signed"] < start)
    out["admitted"] = ~early & out["scope"].isin(wanted)
    out["reason"] = "meets the rule"
    out.loc[~out["scope"].isin(wanted), "reason"] = "global treaty, open to all states"
    out.loc[early, "reason"] = f"signed before {start.year}"
    return out.sort_values(["admitted", "signed"], ascending=[False, True]).reset_index(drop=True)


PAIR_STATUSES = (
    "binding the US and Russia",
    "in force, suspended by the US or Russia",
    "in force among other parties only",
    "ended by withdrawal",
    "expired at the end of its term, no successor",
    "expired at the end of its term, successor signed",
    "superseded by a successor treaty",
    "abandoned before entry into force",
    "signed, never in force",
)


"""Where a treaty stands for the US–Russia pair on a date (see :func:`pair_status`), in display order."""


#: Statuses in which a treaty no longer binds both the US and Russia, or one of them has suspended it.
NOT_BINDING = PAIR_STATUSES[1:7]


#: Endings as planned: the term ran out after a successor treaty had been signed, or a successor superseded it.
PLANNED = PAIR_STATUSES[5:7]
#: The statuses of a treaty that never entered into force: it never bound anyone, so a share of treaties "still
#: binding" can be read over every treaty signed or over those that ever entered into force.
NEVER_IN_FORCE = PAIR_STATUSES[7:9]


def _status_of(t, steps: pd.DataFrame, pair: set[str],
               signed: dict[str, pd.Timestamp]) -> tuple[str, pd.Timestamp]:
    whole = steps[steps["party"] == "ALL"]
    successor = getattr(t, "successor_id", None)
    successor_signed = signed.get(successor) if isinstance(successor, str) else None
    for step in ("expired", "superseded", "withdrawn"):
        hit = whole[whole["step"] == step]
        if len(hit):
            day = hit["date"].min()
            if step == "expired":  # planned only if the successor was signed by the day the term ran out
                ready = successor_signed is not None and successor_signed <= day
                return (PAIR_STATUSES[5] if ready else PAIR_STATUSES[4]), day
            return (PAIR_STATUSES[6] if step == "superseded" else PAIR_STATUSES[3]), day
    ours = steps[steps["party"].isin(pair)]
    out = ours[ours["step"] == "withdrawn"]
    first = steps.loc[steps["step"] == "signed", "date"].min()
    if (whole["step"] == "in_force").sum() == 0:
        return (PAIR_STATUSES[7], out["date"].min()) if len(out) else (PAIR_STATUSES[8], first)
    if len(out):
        label = PAIR_STATUSES[3] if t.kind == "bilateral" else PAIR_STATUSES[2]
        return label, out["date"].min()
    susp = ours[ours["step"] == "suspended"]
    if len(susp):
        return PAIR_STATUSES[1], susp["date"].min()
    return PAIR_STATUSES[0], whole.loc[whole["step"] == "in_force", "date"].min()


def pair_status(arms_control: pd.DataFrame, treaties: pd.DataFrame, on, *,
                pair: Iterable[str] = ("USA", "RUS")) -> pd.DataFrame:
    """Where each treaty stands for the two states of ``pair`` on ``on``, from the steps dated on or before it.

    A treaty as a whole ends by expiry, supersession or withdrawal of all (party ``ALL``); these are told apart,
    and an expiry counts as planned only when the treaty's ``successor_id`` (treaties.csv) had been signed on or
    before the day the term ran out ("successor signed"), judged by the dates of the two acts and not by ``on``;
    otherwise it "expired at the end of its term, no successor", even if a successor was signed later (START I
    expired on 5 December 2009, New START was signed on 8 April 2010).
    One that never entered into force is "abandoned" once a state of the pair withdrew, else "signed, never in
    force". A treaty in force stops binding the pair when one of the two withdrew: a bilateral treaty then ends,
    a multilateral one stays "in force among other parties only". A suspension by either (never lifted in the data)
    makes it "in force, suspended by the US or Russia". Otherwise it is "binding the US and Russia".
    Columns: ``treaty_id``, ``short_name``, ``signed``, ``status`` (one of :data:`PAIR_STATUSES`), ``since``,
    ``binds_pair`` (bool); treaties not yet signed on ``on`` are left out; by signature date.
    """
    day, two = as_timestamp(on, "on"), set(pair)
    ac = arms_control[arms_control["date"] <= day]
    signed_by = ac[ac["step"] == "signed"].groupby("treaty_id")["date"].min().to_dict()
    rows = []
    for t in treaties.itertuples(index=False):
        steps = ac[ac["treaty_id"] == t.treaty_id]
        if (steps["step"] == "signed").sum() == 0:
            continue
        status, since = _status_of(t, steps, two, signed_by)
        rows.append({"treaty_id": t.treaty_id, "short_name": t.short_name,
                     "signed": steps.loc[steps["step"] == "signed", "date"].min(), "status": status,
                     "since": since, "binds_pair": status == PAIR_STATUSES[0]})
    out = pd.DataFrame(rows, columns=["treaty_id", "short_name", "signed", "status", "since", "binds_pair"])
    out["signed"] = pd.to_datetime(out["signed"])
    out["since"] = pd.to_datetime(out["since"])
    out["binds_pair"] = out["binds_pair"].astype(bool)
    return out.sort_values(["signed", "treaty_id"]).reset_index(drop=True)


def status_counts(status: pd.DataFrame) -> pd.DataFrame:
    """How many treaties of :func:`pair_status` are in each status, in the order of :data:`PAIR_STATUSES` (zero
    rows kept out). Columns: ``status``, ``treaties`` (count), ``names`` (short names, ``; ``-joined)."""
    rows = [{"status": s, "treaties": int((status["status"] == s).sum()),
             "names": "; ".join(status.loc[status["status"] == s, "short_name"])} for s in PAIR_STATUSES]
    out = pd.DataFrame(rows, columns=["status", "treaties", "names"])
    out = out[out["treaties"] > 0].reset_index(drop=True)
    out["treaties"] = out["treaties"].astype("Int64")
    return out


#: The wars rule of notebook 04 starts the day after the USSR ceased to exist.
WARS_SINCE = pd.Timestamp("1991-12-26")


def _acting(actors: pd.DataFrame, memberships: pd.DataFrame, day: pd.Timestamp) -> tuple[set[str], set[str]]:
    """The acting side of an event (NATO, the CSTO, a NATO member state or Russia) and every state in it."""
    from helpers import membership

    side, states = set(), set()
    nato = set(membership.members_as_of(memberships, "NATO", day.date())["iso3"])
    for actor, kind in zip(actors["actor"], actors["actor_kind"]):
        if kind == "org" and actor in ("NATO", "CSTO"):
            side.add(actor)
            states |= set(membership.members_as_of(memberships, actor, day.date())["iso3"])
        elif kind == "state" and (actor == "RUS" or actor in nato):
            side.add(actor)
            states.add(actor)
    return side, states


def war_cases(events: pd.DataFrame, event_actors: pd.DataFrame, memberships: pd.DataFrame, states: pd.DataFrame,
              former_soviet: Iterable[str], *, since=WARS_SINCE) -> pd.DataFrame:
    """Every war or intervention in the data (category ``intervention_war``) tested against the rule of notebook 04.

    The rule: on or after ``since``, NATO, the CSTO, a NATO member state (on the day) or Russia used force against
    a state outside its own bloc, and that state lies in Europe (``states.region``) or in the former Soviet Union
    (``former_soviet``, e.g. the successors of ``SUN`` in state_lineage.csv). A deployment inside the acting bloc
    (the CSTO in Kazakhstan) has no outside target and does not qualify.
    Columns: ``event_id``, ``date``, ``title``, ``acting``, ``against`` (names, ``; ``-joined), ``admitted``,
    ``reason``, ``source_id``; by date.
    """
    start, post_soviet = as_timestamp(since, "since"), set(former_soviet)
    region, name = states.set_index("iso3")["region"], states.set_index("iso3")["name"]
    rows = []
    for e in events[events["category"] == "intervention_war"].sort_values(["date", "event_id"]).itertuples():
        actors = event_actors[event_actors["event_id"] == e.event_id]
        side, bloc = _acting(actors, memberships, e.date)
        targets = [a for a, k in zip(actors["actor"], actors["actor_kind"]) if k == "state" and a not in bloc]
        near = [t for t in targets if region.get(t) == "Europe" or t in post_soviet]
        if e.date < start:
            ok, why = False, "before the end of the USSR"
        elif not side:
            ok, why = False, "neither NATO, a NATO member, Russia nor the CSTO acted"
        elif not targets:
            ok, why = False, "force used inside the acting bloc, at its member's request"
        elif not near:
            ok, why = False, "outside Europe and the former Soviet Union"
        else:
            ok, why = True, "meets the rule"
        rows.append({"event_id": e.event_id, "date": e.date, "title": e.title,
                     "acting": "; ".join(sorted(name.get(a, a) for a in side)),
                     "against": "; ".join(name.get(t, t) for t in targets), "admitted": ok, "reason": why,
                     "source_id": e.source_id})
    out = pd.DataFrame(rows, columns=["event_id", "date", "title", "acting", "against", "admitted", "reason",
                                      "source_id"])
    out["date"] = pd.to_datetime(out["date"])
    out["admitted"] = out["admitted"].astype(bool)
    return out


def admitted_treaties(treaties: pd.DataFrame, rule: pd.DataFrame) -> pd.DataFrame:
    """The rows of treaties.csv that :func:`treaty_cases` admits, in the data's order."""
    return treaties[treaties["treaty_id"].isin(rule.loc[rule["admitted"], "treaty_id"])]


def left_by_pair(status: pd.DataFrame) -> int:
    """Treaties of :func:`pair_status` that the US or Russia left, suspended or abandoned (not those that expired
    or were superseded, nor those never in force)."""
    return int(status["status"].isin(PAIR_STATUSES[1:4] + PAIR_STATUSES[7:8]).sum())
